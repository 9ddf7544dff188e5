"""The stored tables: one Delta Lake table each (delta-rs, the `deltalake` package) under
`<location>/tables/`, a local folder or an object-store URL (s3://bucket/prefix).

What Delta gives the warehouse, and how newsfacts uses it:
- Commits: every append to a table is one atomic commit in its `_delta_log`; a reader never
  sees half of one. A run appends its rows to each loaded table (one commit per table, from the files
  staging.py gathered), then its `runs` row: that commit commits the run. Rows of a run that has no
  `runs` row (one killed between its commits) are ignored by every reader, which keeps to committed runs,
  and deleted by the next run, which finds them by the marker the run left under `_pending/`.
- Compaction: a table that has gathered many small files has them merged (Delta's OPTIMIZE); VACUUM then
  deletes the files no recent version needs, once they are older than the retention below.
- History: each commit is a version with a time and the run that made it (`newsfacts.run_id` in the
  commit's metadata); Spark, Polars, Trino and delta-rs read the tables and their history as they are.
DuckDB reads a table through the Parquet files its log lists (read_parquet over file_uris): DuckDB's
own delta extension is not built for DuckDB 2.0, and nothing may be downloaded at run time.

On S3, delta-rs wants a locking provider (DynamoDB) for concurrent writers; newsfacts has one writer at
a time per warehouse (lock.py, and a deployment's concurrency limit of 1), so it writes without one.
"""

from __future__ import annotations

import os

import fsspec
import pyarrow as pa
from deltalake import CommitProperties, DeltaTable, Transaction, write_deltalake
from deltalake.exceptions import TableNotFoundError

from newsfacts.load.layout import TABLES_DIR
from schemas.tables import CORRECTIONS, LOADED_TABLES  # LOADED_TABLES: the tables a run appends to, `runs` last: it commits the run

# The rows a run adds before its `runs` row.
APPENDED_TABLES = tuple(t for t in LOADED_TABLES if t != "runs")
# Tables an earlier newsfacts stored again after every build. The derived tables now live in the DuckDB file
# only, where a run's build changes what its rows reach (newsfacts/consolidate/added.py): storing them
# whole each run would cost what the warehouse holds. The upgrade removes them.
FORMER_DERIVED_TABLES = ("entities", "event_clusters", "incident_figures", "incident_reports", "quote_groups", "near_duplicates")

# A table with more than COMPACT_AFTER_FILES files under SMALL_FILE_BYTES has them merged into files of up
# to that size: a scheduled run adds a file per table, and every build lists and opens every file.
COMPACT_AFTER_FILES = 32
SMALL_FILE_BYTES = 64 * 2**20
# How long files a fact table no longer uses stay for readers and time travel (Delta's default, 7 days).
FACT_RETENTION_HOURS = 168
PENDING_DIR = "_pending"
# The commit metadata that names the run that made a commit.
RUN_ID_KEY = "newsfacts.run_id"


class TableStore:
    """The Delta tables of one warehouse location."""

    def __init__(self, location: str, fs=None):
        self.location = location.rstrip("/") + "/" + TABLES_DIR
        # The filesystem of the location, for the pending markers (delta-rs reaches the tables itself).
        self.fs = fs or fsspec.filesystem("file", auto_mkdir=True)
        self._pending = f"{self.location}/{PENDING_DIR}"
        self.storage_options = _storage_options(location)

    def uri(self, table: str) -> str:
        return f"{self.location}/{table}"

    def table(self, table: str) -> DeltaTable | None:
        try:
            return DeltaTable(self.uri(table), storage_options=self.storage_options)
        except TableNotFoundError:
            return None

    def files(self, table: str) -> list[str]:
        """The Parquet files of the table's current version (paths, or URLs for a remote location)."""
        delta = self.table(table)
        return delta.file_uris() if delta is not None else []

    # ---- writing -------------------------------------------------------------------------
    def append(self, table: str, data, run_id: str) -> bool:
        """Append a run's rows (an Arrow table or stream) to a table in one commit, unless the run has
        already (a commit retried after a later failure). A column the stored table lacks is added to
        it (its earlier rows read as NULL there). Returns whether it appended."""
        if self.appended(table, run_id):
            return False
        write_deltalake(self.uri(table), _nullable(data), mode="append", schema_mode="merge", storage_options=self.storage_options,
                        commit_properties=_made_by(run_id, appending=True))
        return True

    def appended(self, table: str, run_id: str) -> bool:
        """Whether the run's append to the table is committed: Delta's idempotent-write marker, an app
        transaction (`newsfacts:<run_id>`, version 1) that the append commits with its rows."""
        delta = self.table(table)
        return delta is not None and delta.transaction_version(_app_id(run_id)) is not None

    def remove_former_derived_tables(self) -> int:
        """Delete the derived tables an earlier newsfacts stored (FORMER_DERIVED_TABLES); returns how many."""
        removed = 0
        for table in FORMER_DERIVED_TABLES:
            if self.fs.exists(self.uri(table)):
                self.fs.rm(self.uri(table), recursive=True)
                removed += 1
        return removed

    def delete_run(self, run_id: str) -> int:
        """Delete an uncommitted run's rows from every loaded table. Returns the rows deleted."""
        deleted = 0
        for table in APPENDED_TABLES:
            delta = self.table(table)
            if delta is not None:
                deleted += delta.delete(f"run_id = '{_sql_string(run_id)}'")["num_deleted_rows"]
        return deleted

    def compact(self) -> int:
        """Merge the small files of every loaded table, and of corrections, that has gathered many; returns files merged."""
        merged = 0
        for table in (*LOADED_TABLES, CORRECTIONS.name):
            delta = self.table(table)
            if delta is None:
                continue
            sizes = delta.get_add_actions(flatten=True).column("size_bytes").to_pylist()
            if sum(size < SMALL_FILE_BYTES for size in sizes) <= COMPACT_AFTER_FILES:
                continue
            merged += delta.optimize.compact(target_size=SMALL_FILE_BYTES)["numFilesRemoved"]
            delta.vacuum(FACT_RETENTION_HOURS, dry_run=False)
        return merged

    # ---- runs in flight ------------------------------------------------------------------
    # A run writes a marker before its first commit and removes it after its `runs` row: a marker left
    # behind names a run whose rows the next run deletes.
    def mark_pending(self, run_id: str) -> None:
        self.fs.pipe_file(f"{self._pending}/{run_id}", b"")

    def clear_pending(self, run_id: str) -> None:
        if self.fs.exists(f"{self._pending}/{run_id}"):
            self.fs.rm(f"{self._pending}/{run_id}")

    def pending_runs(self) -> list[str]:
        if not self.fs.exists(self._pending):
            return []
        return sorted(p.rsplit("/", 1)[-1] for p in self.fs.ls(self._pending, detail=False, refresh=True))


def _made_by(run_id: str, appending: bool = False) -> CommitProperties:
    """A commit's metadata: the run that made it, and for a run's append the transaction that marks it done."""
    transactions = [Transaction(_app_id(run_id), 1)] if appending else None
    return CommitProperties(custom_metadata={RUN_ID_KEY: run_id}, app_transactions=transactions)


def _nullable(data) -> pa.RecordBatchReader:
    """The rows with every column nullable: DuckDB marks a column required in a file where it holds no
    NULL, and a stored table created from such a file would refuse the next run's NULLs."""
    reader = pa.RecordBatchReader.from_stream(data)
    return reader.cast(pa.schema([field.with_nullable(True) for field in reader.schema]))


def _app_id(run_id: str) -> str:
    return f"newsfacts:{run_id}"


def _sql_string(text: str) -> str:
    return text.replace("'", "''")


def _storage_options(location: str) -> dict[str, str]:
    """delta-rs reads credentials and the endpoint from the same AWS_* variables as s3fs; it must be told
    that a plain-HTTP endpoint (a local MinIO or moto) is meant, and that newsfacts serialises writers."""
    if not location.startswith(("s3://", "s3a://")):
        return {}
    options = {"AWS_S3_ALLOW_UNSAFE_RENAME": "true"}
    if os.environ.get("AWS_ENDPOINT_URL", "").startswith("http://"):
        options["AWS_ALLOW_HTTP"] = "true"
    return options
