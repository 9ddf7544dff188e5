"""The warehouse: Parquet parts written per run, and a DuckDB file rebuilt from them. The Parquet
may live in a local folder or at an fsspec URL (s3://...); the DuckDB file is always local.

Design (why it survives crashes and readers):
- Each run writes Parquet parts per table, `parquet/<table>/part-<run_id>[.<batch>].parquet` (one per
  batch as a run streams), through a temporary local file renamed into place (or uploaded whole), so
  no Parquet file is ever half-written where a reader looks.
- The run's row in `parquet/runs/` is written last: it is the commit. Parts of a run without one
  (a run that was killed) are ignored by every reader and deleted by the next run.
- The DuckDB file is rebuilt from committed parts into a new file (newsfacts/load/build.py) and renamed
  over the old one: an analyst holding the old file open keeps reading the previous state.
- One run at a time: an exclusive lock on `.newsfacts.lock`; a second run says so and exits.
"""

from __future__ import annotations

import json
import os
import re
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa
from filelock import FileLock, Timeout

from newsfacts import cache_dir
from newsfacts.errors import NewsfactsError
from newsfacts.load.layout import BUILDING_PREFIX, DATABASE_NAME, LOCK_NAME, PARQUET_DIR, TEMPORARY_PREFIX, WRITE_TEST_PREFIX
from schemas.tables import ddl
from schemas.values import FileStatus
from warehouse import sql_file

# Tables read from Parquet parts, in load order; `runs` last because it commits a run.
PART_TABLES = ("documents", "quarantine", "source_files", "entity_observations", "mentions", "casualties", "quotes", "events")
# Tables derived at build time and written back as one Parquet snapshot each.
DERIVED_TABLES = ("entities", "event_clusters", "incident_figures", "incident_reports", "quote_groups", "near_duplicates")


# A run's part of a table: part-<run_id>.parquet, or part-<run_id>.<sequence>.parquet when it streams batches.
PART_NAME = re.compile(r"part-(?P<run_id>[^.]+)(?:\.(?P<sequence>\d+))?\.parquet")


# A warehouse fed by a schedule gains a part per table with every run, and every build reads every file.
# When a table holds more than MERGE_AFTER_PARTS parts, those under SMALL_PART_BYTES are merged into one
# part, part-merged-<id>.parquet. The merge counts once its manifest, merged-<id>.merge.json (the names
# of the parts it replaces), is written: a crash before that leaves a stray part that readers ignore,
# a crash after it leaves replaced parts that readers skip, and the next run finishes either.
MERGE_AFTER_PARTS = 32
SMALL_PART_BYTES = 64 * 2**20
MERGE_PREFIX = "merged-"
MERGE_MANIFEST = re.compile(r"(?P<merge_id>merged-[^.]+)\.merge\.json")


def quote_path(path: Path | str) -> str:
    return "'" + str(path).replace("'", "''") + "'"


@dataclass
class KnownState:
    """What earlier committed runs loaded: the basis of idempotent, incremental runs. The file sets
    hold the live (latest) version of each file of the run's source folder only: an older version of a
    file, or the same path in another folder, is never taken for what the warehouse holds."""

    doc_ids: set[str] = field(default_factory=set)
    files: set[tuple[str, str]] = field(default_factory=set)  # (source_path, content_sha256) of live versions
    quarantine_keys: set[tuple[str, str, str]] = field(default_factory=set)  # (source_path, reason, fingerprint)
    # (source_path, size_bytes, mtime_ns) of live versions: a file that still matches is not read again.
    file_stats: set[tuple[str, int, int]] = field(default_factory=set)
    # Paths of the folder whose latest ledger row is not 'deleted': a run that no longer finds one records its deletion.
    present_paths: set[str] = field(default_factory=set)


class Warehouse:
    """A warehouse at a local folder or an fsspec URL (s3://bucket/prefix, ...).

    Parquet parts and snapshots live at the location itself. The DuckDB file, the run lock and
    temporary files always live in a local folder: the location itself when it is a path, else
    `local_dir` (default: ~/.cache/newsfacts/<bucket-and-prefix>). DuckDB reads remote parts
    through the same fsspec filesystem, so no DuckDB extension is downloaded."""

    def __init__(self, location: Path | str, local_dir: Path | str | None = None):
        self.location = str(location)
        scheme = self.location.split("://", 1)[0] if "://" in self.location else ""
        if scheme in ("", "file"):
            self.fs = None
            self.root = Path(self.location.removeprefix("file://"))
            self.parquet_location = str(self.root / PARQUET_DIR)
        else:
            import fsspec

            self.fs, _ = fsspec.url_to_fs(self.location)
            self.root = Path(local_dir) if local_dir else default_local_dir(self.location)
            self.parquet_location = self.location.rstrip("/") + "/" + PARQUET_DIR
        self.database = self.root / DATABASE_NAME

    @property
    def remote(self) -> bool:
        return self.fs is not None

    # ---- set-up and locking -------------------------------------------------------------
    def ensure_writable(self) -> None:
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            probe = self.root / f"{WRITE_TEST_PREFIX}{os.getpid()}"
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as exc:
            raise NewsfactsError(
                f"Cannot write to the warehouse folder {self.root} ({exc.strerror or exc}). "
                "Choose another folder with --warehouse, or fix its permissions."
            ) from exc
        if self.remote:
            try:
                probe = f"{self.parquet_location}/{WRITE_TEST_PREFIX}{os.getpid()}"
                self.fs.pipe_file(probe, b"")
                self.fs.rm(probe)
            except Exception as exc:  # each fsspec backend raises its own errors
                raise NewsfactsError(
                    f"Cannot reach the warehouse at {self.location} ({exc}). Check the URL and the "
                    "credentials in the environment (for S3: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, "
                    "AWS_ENDPOINT_URL for a non-AWS endpoint)."
                ) from exc

    @contextmanager
    def exclusive(self, wait_seconds: float = 0, on_wait=None):
        """Hold the warehouse for one run. A second run waits up to `wait_seconds` for the first to
        finish (calling `on_wait(holder)` once), then gives up with a clear error. The lock is a local
        file: runs on several machines writing one remote warehouse must be serialised by Prefect
        (a deployment with a concurrency limit of 1, as `newsfacts serve` makes)."""
        self.ensure_writable()
        path = self.root / LOCK_NAME
        # The file stays after a run: discovery knows a warehouse folder by it.
        lock = FileLock(path, preserve_lock_file=True)
        try:
            lock.acquire(timeout=0)
        except Timeout:
            if wait_seconds <= 0:
                raise self._busy(path) from None
            if on_wait is not None:
                on_wait(_lock_holder(path))
            try:
                lock.acquire(timeout=wait_seconds, poll_interval=0.5)
            except Timeout:
                raise self._busy(path) from None
        try:
            path.write_text(f"pid {os.getpid()}", encoding="utf-8")  # whom another run's message names
            yield self
        finally:
            lock.release()

    def _busy(self, lock_path: Path) -> NewsfactsError:
        return NewsfactsError(f"Another newsfacts run ({_lock_holder(lock_path)}) is loading the warehouse {self.location}. "
                              "Wait for it to finish, then run again.")

    # ---- files at the location -----------------------------------------------------------
    def _folder_files(self, table: str) -> list[str]:
        """Every file in a table's folder (paths, or URLs for a remote warehouse), sorted."""
        folder = f"{self.parquet_location}/{table}"
        if not self.remote:
            return sorted(str(p) for p in Path(folder).iterdir()) if Path(folder).is_dir() else []
        try:
            return sorted(self.fs.unstrip_protocol(name) for name in self.fs.ls(folder, detail=False, refresh=True))
        except FileNotFoundError:
            return []

    def _parts(self, table: str) -> list[str]:
        return [f for f in self._folder_files(table) if PART_NAME.fullmatch(f.rsplit("/", 1)[-1])]

    def _merges(self, table: str) -> dict[str, set[str]]:
        """The table's completed merges: merge id -> names of the parts it replaces."""
        merges = {}
        for location in self._folder_files(table):
            match = MERGE_MANIFEST.fullmatch(location.rsplit("/", 1)[-1])
            if match:
                text = self.fs.cat_file(location).decode() if self.remote else Path(location).read_text(encoding="utf-8")
                merges[match.group("merge_id")] = set(json.loads(text))
        return merges

    def _live_parts(self, table: str, committed: set[str] | None) -> list[str]:
        """The parts a reader takes: those of committed runs (any run, for `runs` itself, whose parts
        commit them: committed=None) and of completed merges, less the parts a merge replaced."""
        merges = self._merges(table)
        replaced = set().union(*merges.values())
        live = []
        for part in self._parts(table):
            name = part.rsplit("/", 1)[-1]
            run_id = PART_NAME.fullmatch(name).group("run_id")
            if name in replaced:
                continue
            if run_id in merges or (not run_id.startswith(MERGE_PREFIX) and (committed is None or run_id in committed)):
                live.append(part)
        return live

    def _size(self, location: str) -> int:
        return self.fs.size(location) if self.remote else os.path.getsize(location)

    def _delete(self, location: str) -> None:
        if self.remote:
            self.fs.rm(location)
        else:
            Path(location).unlink(missing_ok=True)

    def _publish(self, local_file: Path, table: str, name: str) -> str:
        """Move a finished local Parquet file to its place in the warehouse; readers never see half a file
        (a local rename; an object-store upload appears whole)."""
        target = f"{self.parquet_location}/{table}/{name}"
        if self.remote:
            self.fs.put_file(str(local_file), target)
            local_file.unlink(missing_ok=True)
        else:
            Path(target).parent.mkdir(parents=True, exist_ok=True)
            fsync(local_file)
            os.replace(local_file, target)
        return target

    def connect(self, database: str = ":memory:"):
        """A DuckDB connection that can read this warehouse's Parquet files."""
        con = duckdb.connect(database)
        if self.remote:
            con.register_filesystem(self.fs)
        return con

    # ---- reading committed state -------------------------------------------------------
    def committed_run_ids(self) -> set[str]:
        parts = self._live_parts("runs", None)
        if not parts:
            return set()
        with self.connect() as con:
            rows = con.execute(f"SELECT run_id FROM read_parquet([{', '.join(quote_path(p) for p in parts)}])").fetchall()
        return {r[0] for r in rows}

    def remove_uncommitted_parts(self) -> list[str]:
        """Delete what runs and merges that never finished left behind: parts of runs without a runs
        row (killed runs), merged parts without their manifest, parts a finished merge replaced,
        manifests of merged parts since merged again, and temporary files."""
        committed = self.committed_run_ids()
        removed = []
        for table in (*PART_TABLES, "runs", *DERIVED_TABLES):
            merges = self._merges(table)
            live = set(self._live_parts(table, None if table == "runs" else committed))
            kept = set()
            for location in self._folder_files(table):
                name = location.rsplit("/", 1)[-1]
                if name.startswith(TEMPORARY_PREFIX) or (PART_NAME.fullmatch(name) and location not in live):
                    self._delete(location)
                    removed.append(location)
                else:
                    kept.add(name)
            for merge_id in merges:
                if f"part-{merge_id}.parquet" not in kept:  # merged again since: its manifest has no part left
                    location = f"{self.parquet_location}/{table}/{merge_id}.merge.json"
                    self._delete(location)
                    removed.append(location)
        if self.root.is_dir():
            for stale in [*self.root.glob(f"{BUILDING_PREFIX}*"), *self.root.glob(f"{TEMPORARY_PREFIX}*")]:
                stale.unlink(missing_ok=True)
                removed.append(str(stale))
        return removed

    def committed_source(self, table: str, committed: set[str]) -> str | None:
        """SQL reading a table's committed parts, or None when there are none."""
        parts = self._live_parts(table, committed)
        if not parts:
            return None
        return f"read_parquet([{', '.join(quote_path(p) for p in parts)}], union_by_name = true)"

    def known_state(self, source_dir: str | Path | None = None) -> KnownState:
        """What committed runs hold; the file ledger is that of `source_dir` (resolved as runs record it)."""
        committed = self.committed_run_ids()
        state = KnownState()
        if not committed:
            return state
        with self.connect() as con:
            documents = self.committed_source("documents", committed)
            if documents:
                state.doc_ids = {r[0] for r in con.execute(f"SELECT doc_id FROM {documents}").fetchall()}
            files = self.committed_source("source_files", committed)
            runs = self.committed_source("runs", committed)
            if files and runs and source_dir is not None:
                folder = str(Path(source_dir).resolve())
                latest = con.execute(sql_file("known_files.sql").format(source_files=files, runs=runs), [folder]).fetchall()
                for path, sha, size, mtime_ns, status in latest:
                    if status == FileStatus.DELETED:
                        continue
                    state.present_paths.add(path)
                    state.files.add((path, sha))
                    if mtime_ns is not None:
                        state.file_stats.add((path, int(size), int(mtime_ns)))
            quarantine = self.committed_source("quarantine", committed)
            if quarantine:
                state.quarantine_keys = {
                    (r[0], r[1], r[2]) for r in con.execute(f"SELECT source_path, reason, fingerprint FROM {quarantine}").fetchall()
                }
        return state

    # ---- writing ---------------------------------------------------------------------
    def write_part(self, table: str, rows: list[dict], run_id: str, sequence: int | None = None) -> str | None:
        """Write one run's rows of a table as a Parquet part, typed by its definition (schemas/tables.py). A run that
        streams its batches writes several parts per table, numbered by `sequence`."""
        if not rows:
            return None
        name = f"part-{run_id}.parquet" if sequence is None else f"part-{run_id}.{sequence:05d}.parquet"
        self.root.mkdir(parents=True, exist_ok=True)
        temporary = self.root / f"{TEMPORARY_PREFIX}{table}-{name}"
        con = _typing_connection()
        con.register("incoming", pa.Table.from_pylist(rows))
        try:
            con.execute("BEGIN TRANSACTION")
            con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM incoming")
            con.execute(f"COPY {table} TO {quote_path(temporary)} (FORMAT parquet, COMPRESSION zstd)")
        finally:
            con.execute("ROLLBACK")  # the file is written; the rows need not stay
            con.unregister("incoming")
        return self._publish(temporary, table, name)

    def _merge_into(self, table: str, parts: list[str], name: str) -> None:
        """Write the rows of `parts` as one new part `name` of the table (the parts stay: the caller
        deletes them once it is safe to)."""
        temporary = self.root / f"{TEMPORARY_PREFIX}{table}-{name}"
        with self.connect() as con:
            con.execute(f"COPY (SELECT * FROM read_parquet([{', '.join(quote_path(p) for p in parts)}], union_by_name = true)) "
                        f"TO {quote_path(temporary)} (FORMAT parquet, COMPRESSION zstd)")
        self._publish(temporary, table, name)

    def compact_run(self, run_id: str) -> int:
        """Merge the batch parts a streaming run wrote into one part per table, before the run commits:
        every later build reads one file per table and run, not one per batch. Returns files merged."""
        merged = 0
        for table in PART_TABLES:
            parts = [p for p in self._parts(table)
                     if (m := PART_NAME.fullmatch(p.rsplit("/", 1)[-1])) and m.group("run_id") == run_id and m.group("sequence")]
            if len(parts) < 2:
                continue
            # A crash from here to the commit leaves an uncommitted run, whose parts the next run deletes.
            self._merge_into(table, parts, f"part-{run_id}.parquet")
            for part in parts:
                self._delete(part)
            merged += len(parts)
        return merged

    def merge_small_parts(self) -> int:
        """Merge the small parts of every table that holds more than MERGE_AFTER_PARTS (see there). Call
        it holding the lock, after a run commits. Returns the number of parts merged."""
        committed = self.committed_run_ids()
        merged = 0
        for table in (*PART_TABLES, "runs"):
            live = self._live_parts(table, None if table == "runs" else committed)
            if len(live) <= MERGE_AFTER_PARTS:
                continue
            small = [p for p in live if self._size(p) < SMALL_PART_BYTES]
            if len(small) < 2:
                continue
            merge_id = f"{MERGE_PREFIX}{time.strftime('%Y%m%dT%H%M%S', time.gmtime())}-{os.urandom(3).hex()}"
            self._merge_into(table, small, f"part-{merge_id}.parquet")
            names = sorted(p.rsplit("/", 1)[-1] for p in small)
            manifest = self.root / f"{TEMPORARY_PREFIX}{table}-{merge_id}.merge.json"
            manifest.write_text(json.dumps(names), encoding="utf-8")
            self._publish(manifest, table, f"{merge_id}.merge.json")  # the merge counts from here
            earlier_merges = self._merges(table)
            for part in small:
                self._delete(part)
                replaced_merge = PART_NAME.fullmatch(part.rsplit("/", 1)[-1]).group("run_id")
                if replaced_merge in earlier_merges:
                    self._delete(f"{self.parquet_location}/{table}/{replaced_merge}.merge.json")
            merged += len(small)
        return merged

    def write_snapshot(self, con, table: str) -> None:
        """Write a derived table of the database `con` builds as the table's one Parquet snapshot."""
        temporary = self.root / f"{TEMPORARY_PREFIX}{table}.parquet"
        con.execute(f"COPY {table} TO {quote_path(temporary)} (FORMAT parquet, COMPRESSION zstd)")
        self._publish(temporary, table, f"{table}.parquet")


_TYPING = threading.local()


def _typing_connection():
    """An in-memory database with the warehouse's tables, kept per thread: rows are inserted into it so
    that their Parquet part has the declared column types. Making one per part cost ~50 ms."""
    con = getattr(_TYPING, "connection", None)
    if con is None:
        con = _TYPING.connection = duckdb.connect()
        con.execute(ddl())
    return con


def default_local_dir(location: str) -> Path:
    """Where a remote warehouse keeps its DuckDB file and lock on this machine."""
    return cache_dir() / re.sub(r"[^A-Za-z0-9._-]+", "_", location.split("://", 1)[1]).strip("_")

def _lock_holder(lock_path: Path) -> str:
    try:
        return lock_path.read_text(encoding="utf-8").strip() or "another process"
    except OSError:
        return "another process"


def fsync(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())
