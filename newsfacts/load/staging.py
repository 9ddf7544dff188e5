"""A run's rows, gathered batch by batch in local Parquet files until the run commits them to the stored
tables in one commit per table (store.py). A run that streams many small batches so makes one file per
table, not one per batch, and a run killed before its commit leaves only this folder, which the next
run deletes."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.dataset as ds

from newsfacts.load.layout import TEMPORARY_PREFIX
from schemas.tables import LOADED_TABLES, ddl


class RunStaging:
    """The staged rows of one run, in `<folder>/.tmp-staging-<run_id>/<table>/<sequence>.parquet`."""

    def __init__(self, folder: Path, run_id: str):
        self.folder = folder / f"{TEMPORARY_PREFIX}staging-{run_id}"

    def write(self, table: str, rows: list[dict], sequence: int | None = None) -> Path | None:
        """Stage rows of a table, typed by its definition (schemas/tables.py): those of batch `sequence`,
        or those the run writes once at its end (sequence None)."""
        if not rows:
            return None
        target = self.folder / table / (f"{sequence:05d}.parquet" if sequence is not None else "closing.parquet")
        target.parent.mkdir(parents=True, exist_ok=True)
        con = _typing_connection()
        con.register("incoming", pa.Table.from_pylist(rows))
        try:
            con.execute("BEGIN TRANSACTION")
            con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM incoming")
            con.execute(f"COPY {table} TO '{_escaped(target)}' (FORMAT parquet, COMPRESSION zstd)")
        finally:
            con.execute("ROLLBACK")  # the file is written; the rows need not stay
            con.unregister("incoming")
        return target

    def tables(self) -> list[str]:
        """The tables with staged rows, in load order."""
        return [t for t in LOADED_TABLES if (self.folder / t).is_dir()]

    def reader(self, table: str) -> pa.RecordBatchReader:
        """The staged rows of a table as one stream, in batch order."""
        dataset = ds.dataset(sorted(str(p) for p in (self.folder / table).glob("*.parquet")), format="parquet")
        return pa.RecordBatchReader.from_batches(dataset.schema, dataset.to_batches())

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


_TYPING = threading.local()


def _typing_connection():
    """An in-memory database with the warehouse's tables, kept per thread: rows are inserted into it so
    that their Parquet file has the declared column types. Making one per file cost ~50 ms."""
    con = getattr(_TYPING, "connection", None)
    if con is None:
        con = _TYPING.connection = duckdb.connect()
        con.execute(ddl(stored_only=True))
    return con


def _escaped(path: Path) -> str:
    return str(path).replace("'", "''")
