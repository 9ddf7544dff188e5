"""The warehouse folder: Parquet parts written per run, and a DuckDB file rebuilt from them.

Design (why it survives crashes and readers):
- Each run writes one Parquet part per table, `parquet/<table>/part-<run_id>.parquet`, through a
  temporary file renamed into place, so no Parquet file is ever half-written where a reader looks.
- The run's row in `parquet/runs/` is written last: it is the commit. Parts of a run without one
  (a run that was killed) are ignored by every reader and deleted by the next run.
- The DuckDB file is rebuilt from committed parts into a new file, in one transaction, and renamed
  over the old one: an analyst holding the old file open keeps reading the previous state.
- One run at a time: an exclusive lock on `.newsfacts.lock`; a second run says so and exits.
"""

from __future__ import annotations

import fcntl
import os
import re
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa

from newsfacts.consolidate.build import consolidate
from newsfacts.errors import NewsfactsError

SQL_DIR = Path(__file__).resolve().parents[2] / "warehouse"
DATABASE_NAME = "newsfacts.duckdb"
# Tables read from Parquet parts, in load order; `runs` last because it commits a run.
PART_TABLES = ("documents", "quarantine", "source_files", "entity_observations", "mentions", "casualties", "quotes", "events")
# Tables derived at build time and written back as one Parquet snapshot each.
DERIVED_TABLES = ("entities", "event_clusters", "incident_figures", "incident_reports", "quote_groups", "near_duplicates")


def sql_file(name: str) -> str:
    return (SQL_DIR / name).read_text(encoding="utf-8")


def _quote(path: Path | str) -> str:
    return "'" + str(path).replace("'", "''") + "'"


@dataclass
class KnownState:
    """What earlier committed runs loaded: the basis of idempotent, incremental runs."""

    doc_ids: set[str] = field(default_factory=set)
    files: set[tuple[str, str]] = field(default_factory=set)  # (source_path, content_sha256)
    quarantine_keys: set[tuple[str, str, str]] = field(default_factory=set)  # (source_path, reason, fingerprint)


class Warehouse:
    def __init__(self, root: Path | str):
        self.root = Path(root)
        self.parquet = self.root / "parquet"
        self.database = self.root / DATABASE_NAME

    # ---- set-up and locking -------------------------------------------------------------
    def ensure_writable(self) -> None:
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            probe = self.root / f".write-test-{os.getpid()}"
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as exc:
            raise NewsfactsError(
                f"Cannot write to the warehouse folder {self.root} ({exc.strerror or exc}). "
                "Choose another folder with --warehouse, or fix its permissions."
            ) from exc

    @contextmanager
    def exclusive(self, wait_seconds: float = 0, on_wait=None):
        """Hold the warehouse for one run. A second run waits up to `wait_seconds` for the first to
        finish (calling `on_wait(holder)` once), then gives up with a clear error."""
        self.ensure_writable()
        handle = open(self.root / ".newsfacts.lock", "a+")
        deadline = time.monotonic() + wait_seconds
        told = False
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError as exc:
                handle.seek(0)
                holder = handle.read().strip() or "another process"
                if time.monotonic() >= deadline:
                    handle.close()
                    raise NewsfactsError(
                        f"Another newsfacts run ({holder}) is loading the warehouse {self.root}. "
                        "Wait for it to finish, then run again."
                    ) from exc
                if on_wait is not None and not told:
                    on_wait(holder)
                    told = True
                time.sleep(0.5)
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(f"pid {os.getpid()}")
            handle.flush()
            yield self
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
            handle.close()

    # ---- reading committed state -------------------------------------------------------
    def _parts(self, table: str) -> list[Path]:
        return sorted((self.parquet / table).glob("part-*.parquet"))

    def committed_run_ids(self) -> set[str]:
        parts = self._parts("runs")
        if not parts:
            return set()
        with duckdb.connect() as con:
            rows = con.execute(f"SELECT run_id FROM read_parquet([{', '.join(_quote(p) for p in parts)}])").fetchall()
        return {r[0] for r in rows}

    def remove_uncommitted_parts(self) -> list[Path]:
        """Delete parts and temporary files left by runs that never committed (killed runs)."""
        committed = self.committed_run_ids()
        removed = []
        for table in (*PART_TABLES, "runs", *DERIVED_TABLES):
            folder = self.parquet / table
            if not folder.exists():
                continue
            for path in folder.iterdir():
                match = re.fullmatch(r"part-(.+)\.parquet", path.name)
                if path.name.startswith(".tmp-") or (match and table != "runs" and match.group(1) not in committed):
                    path.unlink(missing_ok=True)
                    removed.append(path)
        for stale in self.root.glob(f".{DATABASE_NAME}.building-*"):
            stale.unlink(missing_ok=True)
            removed.append(stale)
        return removed

    def _committed_source(self, table: str, committed: set[str]) -> str | None:
        """SQL reading a table's committed parts, or None when there are none."""
        parts = [p for p in self._parts(table) if p.name[len("part-") : -len(".parquet")] in committed]
        if not parts:
            return None
        return f"read_parquet([{', '.join(_quote(p) for p in parts)}], union_by_name = true)"

    def known_state(self) -> KnownState:
        committed = self.committed_run_ids()
        state = KnownState()
        if not committed:
            return state
        with duckdb.connect() as con:
            documents = self._committed_source("documents", committed)
            if documents:
                state.doc_ids = {r[0] for r in con.execute(f"SELECT doc_id FROM {documents}").fetchall()}
            files = self._committed_source("source_files", committed)
            if files:
                state.files = {(r[0], r[1]) for r in con.execute(f"SELECT source_path, content_sha256 FROM {files}").fetchall()}
            quarantine = self._committed_source("quarantine", committed)
            if quarantine:
                state.quarantine_keys = {
                    (r[0], r[1], r[2]) for r in con.execute(f"SELECT source_path, reason, fingerprint FROM {quarantine}").fetchall()
                }
        return state

    # ---- writing ---------------------------------------------------------------------
    def write_part(self, table: str, rows: list[dict], run_id: str) -> Path | None:
        """Write one run's rows of a table as a Parquet part, typed by warehouse/schema.sql."""
        if not rows:
            return None
        folder = self.parquet / table
        folder.mkdir(parents=True, exist_ok=True)
        final = folder / f"part-{run_id}.parquet"
        temporary = folder / f".tmp-{run_id}.parquet"
        incoming = pa.Table.from_pylist(rows)
        with duckdb.connect() as con:
            con.execute(sql_file("schema.sql"))
            con.register("incoming", incoming)
            con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM incoming")
            con.execute(f"COPY {table} TO {_quote(temporary)} (FORMAT parquet, COMPRESSION zstd)")
        _fsync(temporary)
        os.replace(temporary, final)
        return final

    def rebuild_database(self, build_id: str) -> dict[str, int]:
        """Build the DuckDB file from committed parts and swap it in; returns rows per table."""
        committed = self.committed_run_ids()
        building = self.root / f".{DATABASE_NAME}.building-{build_id}"
        building.unlink(missing_ok=True)
        counts: dict[str, int] = {}
        with duckdb.connect(str(building)) as con:
            con.execute("BEGIN TRANSACTION")
            con.execute(sql_file("schema.sql"))
            for table in (*PART_TABLES, "runs"):
                source = self._committed_source(table, committed)
                if source:
                    con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM {source} WHERE run_id IN (SELECT unnest(?::VARCHAR[]))", [sorted(committed)])
            con.execute(sql_file("derive.sql"))
            consolidate(con)
            con.execute(sql_file("incidents.sql"))
            views = SQL_DIR / "views.sql"
            if views.exists():
                con.execute(views.read_text(encoding="utf-8"))
            con.execute("COMMIT")
            for table in (*PART_TABLES, *DERIVED_TABLES, "runs"):
                counts[table] = con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
            for table in DERIVED_TABLES:
                self._write_snapshot(con, table)
            con.execute("CHECKPOINT")
        _fsync(building)
        os.replace(building, self.database)
        return counts

    def _write_snapshot(self, con, table: str) -> None:
        folder = self.parquet / table
        folder.mkdir(parents=True, exist_ok=True)
        temporary = folder / f".tmp-{table}.parquet"
        con.execute(f"COPY {table} TO {_quote(temporary)} (FORMAT parquet, COMPRESSION zstd)")
        os.replace(temporary, folder / f"{table}.parquet")


def _fsync(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def connect_read_only(root: Path | str, *, attempts: int = 20, delay_s: float = 0.25):
    """Open the warehouse database for reading, retrying briefly while a run swaps the file in."""
    database = Warehouse(root).database
    if not database.exists():
        raise NewsfactsError(f"No warehouse at {database}. Load one first with `newsfacts run SOURCE_DIR --warehouse {Path(root)}`.")
    for attempt in range(attempts):
        try:
            return duckdb.connect(str(database), read_only=True)
        except duckdb.IOException:
            if attempt == attempts - 1:
                raise
            time.sleep(delay_s)
    raise AssertionError("unreachable")
