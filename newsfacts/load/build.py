"""The DuckDB file analysts open, built from the warehouse's stored tables in three steps, each a task of
the flow:

1. stage: the rows of the committed runs, and the stored corrections (people's decisions), the published
   file lacks;
2. consolidate (newsfacts.consolidate.build.consolidate_build): the tables derived across sources;
3. publish: the analyst views and what built the file, committed.

A build is one of two kinds.
- A run's build adds to the published file, in place and in one transaction: the rows of the runs and the
  decisions it lacks, the versions of the files the runs change or delete (the documents a new version
  supersedes leave the fact tables; those of a file back as it was come back from the stored tables), then
  the derived rows those reach (newsfacts/consolidate/added.py); a person's decision is built so too, at once. It costs what the runs added and changed, not what the
  warehouse holds. An analyst who opens the file meanwhile waits for the commit (DuckDB
  lets no reader in beside a writer; newsfacts sql retries); one who holds it open keeps it, and the
  build then adds to the spare (the file such a build replaced before, with what it lacks) or to a copy,
  which publishing renames over it, keeping the file it replaces as the spare. A crash leaves the file as
  the last commit left it, and the next run adds what it lacks.
- A build of everything makes a new file beside the published one (with every committed run's rows, the
  versions of changed files settled by versions.sql, and every derived table), then renames it over the
  old one. Each step works in one transaction on the new file, within NEWSFACTS_BUILD_MEMORY_MB (beyond
  which DuckDB writes to disk: DatabaseBuild.step); a crash leaves only a `.building-` file, which the
  next run deletes. It is made when the file was built by other code, by `newsfacts rebuild`, for a
  database as of a run, and when a run's build fails.
When the runs since the last build added nothing but their `runs` rows (a scheduled run that found
nothing new), staging adds those rows and nothing needs consolidating.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import sys
import unicodedata
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import TypeVar

import duckdb

from newsfacts import PIPELINE_VERSION
from newsfacts.config import Settings
from newsfacts.consolidate.build import scope
from newsfacts.errors import NewsfactsError
from newsfacts.load.layout import BUILDING_PREFIX, SPARE_NAME, TEMPORARY_PREFIX
from newsfacts.load.store import APPENDED_TABLES
from newsfacts.load.warehouse import Warehouse, fsync, quote_path
import schemas as schemas_package
from schemas.tables import CORRECTIONS, FACT_TABLES, LOADED_TABLES, MERGED_ENTITY_IDS, ddl
from warehouse import SQL_DIR, drop_temporary_tables, sql_file


logger = logging.getLogger(__name__)
T = TypeVar("T")

# The libraries whose answers the derived tables hold: quote similarity, its connected components, the SQL.
_DERIVING_LIBRARIES = ("rapidfuzz", "scipy", "duckdb")


def _code_digest() -> str:
    """A digest of everything that decides a build's derived tables: the package with its rules, the table
    definitions, the SQL, the versions of the libraries that derive them and Python's Unicode tables (quote
    wordings). A database built otherwise may hold other results: it is rebuilt whole, never added to, and
    none of its results is kept."""
    digest = hashlib.sha1(PIPELINE_VERSION.encode())
    digest.update(f"{sys.version}|{unicodedata.unidata_version}".encode())
    for library in _DERIVING_LIBRARIES:
        digest.update(f"{library} {metadata.version(library)}".encode())
    package = Path(__file__).resolve().parents[1]
    schemas = Path(schemas_package.__file__).resolve().parent
    for path in sorted([*package.rglob("*.py"), *package.rglob("*.toml"), *schemas.glob("*.py"), *SQL_DIR.glob("*.sql")]):
        digest.update(path.read_bytes())
    return digest.hexdigest()


BUILD_DIGEST = _code_digest()

# The tables derived across documents, which the build writes (newsfacts/consolidate/).
DERIVED_TABLES = ("entities", "event_clusters", "incident_figures", "incident_reports", "quote_groups", "near_duplicates")


@dataclass
class DatabaseBuild:
    """A database being built: the file, and whether it still needs the cross-source step. The steps share
    one connection to the file, so it is written out once, when published, rather than after every step;
    use the build as a context manager, which closes it."""

    warehouse: Warehouse
    file: Path
    build_id: str
    needs_consolidation: bool
    target: Path  # where publishing puts the file
    reuses_previous: bool = False  # whether consolidation may keep the replaced build's results where nothing changed
    adds_runs: bool = False  # a run's build: the published file (or a copy) added to in one open transaction
    counts: dict[str, int] = field(default_factory=dict)
    appended_runs: int = 0  # runs whose `runs` rows were added to the last build
    in_place: bool = False  # whether they were added to the published file itself (nothing to rename)
    on_spare: bool = False  # whether they were added to the spare (the file published before), renamed over it
    beside_a_reader: bool = False  # a run's build that another process holding the published file kept out of it
    why: str = ""  # which kind of build this is and why, for the run's log
    _connection: duckdb.DuckDBPyConnection | None = field(default=None, repr=False, compare=False)

    def __enter__(self) -> "DatabaseBuild":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _connect(self):
        if self._connection is None:
            self._connection = self.warehouse.connect(str(self.file))
            # Nothing is written out between the steps: a crash loses the file, which the next run deletes.
            self._connection.execute("SET checkpoint_threshold = '1TB'")
            # Within the limit DuckDB writes what it holds to disk (beside the file, deleted with it) rather
            # than growing, as it otherwise does, towards most of the machine's memory.
            if memory_mb := Settings.from_env().build_memory_mb:
                self._connection.execute(f"SET memory_limit = '{memory_mb}MB'")
        return self._connection

    @contextmanager
    def transaction(self):
        """A connection to the file in one transaction: a step that fails leaves what the steps before made.
        A run's build is one transaction from staging to publishing: a step that fails rolls it all back."""
        con = self._connect()
        if self.adds_runs:
            try:
                yield con
            except BaseException:
                self.abandon()
                raise
            return
        con.execute("BEGIN TRANSACTION")
        try:
            yield con
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")

    def abandon(self) -> None:
        """Roll back a run's build: the published file stays as the last build left it."""
        if self._connection is not None:
            try:
                self._connection.execute("ROLLBACK")
            except duckdb.Error:  # the failure already ended the transaction
                pass
        self.close()
        if not (self.in_place or self.on_spare):  # (the spare's transaction rolled back leaves it as it was)
            self.file.unlink(missing_ok=True)

    def writes_to(self, writable: _Writable) -> None:
        """The build writes `writable`: the published file in place, the spare or a copy."""
        self.file, self.in_place, self.on_spare = writable.file, writable.in_place, writable.on_spare
        self.beside_a_reader = not writable.in_place

    def step(self, work: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
        """`work(con)` in one transaction (see transaction). Work that needs more memory than the build is
        given even with what DuckDB can write to disk (aggregates that hold lists, the undo of large
        updates) is rolled back and done again without the limit, as is the rest of the build, and the log
        says so."""
        if self.adds_runs:  # a run's build works on few rows: no step of it is run again
            with self.transaction() as con:
                return work(con)
        try:
            with self.transaction() as con:
                return work(con)
        except duckdb.OutOfMemoryException as exc:
            logger.warning(
                "The warehouse build needed more than NEWSFACTS_BUILD_MEMORY_MB allows (%s); doing the step "
                "again, and the rest of the build, without that limit.", str(exc).splitlines()[0])
            self._connect().execute("RESET memory_limit")
            with self.transaction() as con:
                return work(con)

    def describe(self) -> str:
        """What the build does, for the run's log."""
        if not self.needs_consolidation:
            return (f"Nothing to consolidate: the {self.appended_runs} run(s) since the last build loaded no rows; "
                    "their runs rows were added to it.")
        return self.why

    @contextmanager
    def previous(self):
        """The database this build replaces, attached read-only as `previous` while the block runs (outside a
        step's transaction: attaching is an error DuckDB would abort a transaction for). Yields what it
        offers: its quote comparisons (similarity_memo), and whether the build may keep its results for
        what the new runs left untouched (newsfacts.consolidate.build): only the warehouse's own run builds,
        not a rebuild, and only from a database built by this code."""
        con, database = self._connect(), self.warehouse.database
        reusable = self.reuses_previous and built_by_this_code(database)
        attached = False
        if database.exists():
            try:
                con.execute(f"ATTACH {quote_path(database)} AS previous (READ_ONLY)")
                attached = True
            except duckdb.Error:  # unreadable or from an older DuckDB: build without it
                pass
        if not attached:
            yield PreviousBuild({}, reusable=False)
            return
        try:
            try:
                memo = dict(con.execute("SELECT block_hash, result FROM previous.similarity_memo").fetchall())
            except duckdb.Error:  # a database built before the memo existed
                memo = {}
            yield PreviousBuild(memo, reusable)
        finally:
            con.execute("DETACH previous")


@dataclass
class PreviousBuild:
    """What the database a build replaces offers it (DatabaseBuild.previous)."""

    memo: dict[str, list[int]]  # the quote comparisons, by block
    reusable: bool  # its derived results hold for what the new runs left untouched


def stage(warehouse: Warehouse, build_id: str, runs: set[str] | None = None, target: Path | None = None,
          full: bool = False) -> DatabaseBuild:
    """Step 1: the database file to build, with the rows of the committed runs.

    By default it is the warehouse's database: when the runs since the last build added nothing but their
    `runs` rows, that build with those rows added; when they added rows a run's build can take, that build
    with their rows added, in an open transaction (see the module's docstring); else a build of everything.
    `full` asks for a build of everything. Given `runs` (committed runs) and `target`, it is a database of
    those runs only, published at `target` (an as-of query's)."""
    committed = warehouse.committed_run_ids() if runs is None else runs
    warehouse.root.mkdir(parents=True, exist_ok=True)
    if target is None:
        building = DatabaseBuild(warehouse, warehouse.root / f"{BUILDING_PREFIX}{build_id}", build_id,
                                 needs_consolidation=True, target=warehouse.database, reuses_previous=not full)
    else:
        building = DatabaseBuild(warehouse, target.with_name(f".{target.name}.building-{build_id}"), build_id,
                                 needs_consolidation=True, target=target)
    building.file.unlink(missing_ok=True)
    lacking = None if (full or runs is not None) else _what_the_database_lacks(warehouse, committed)
    if lacking is None:
        building.why = "Building the database whole, as asked."
    elif lacking.runs is not None and not lacking.rows_loaded and not lacking.decisions:
        building.needs_consolidation = False
        building.appended_runs = len(lacking.runs)
        spare = _append_runs(building, lacking.runs)
        if spare is None:
            return building
        _stage_added_runs(building, lacking.runs, lacking.decisions, spare)  # the spare lacks more
        return building
    elif lacking.runs is None:
        building.why = f"Building the database whole: {lacking.why_whole}."
    else:
        _stage_added_runs(building, lacking.runs, lacking.decisions)
        return building
    _stage_everything(building, committed, as_of=runs is not None)
    return building


def stage_everything_instead(building: DatabaseBuild) -> None:
    """Turn a run's build that failed into a build of everything (its transaction is rolled back)."""
    _no_longer_adding(building, "Building the database whole: adding the new runs to it in place failed.")
    _stage_everything(building, building.warehouse.committed_run_ids(), as_of=False)


def _no_longer_adding(building: DatabaseBuild, why: str) -> None:
    """Roll a run's build back and make it a build of everything's, in a new file, yet to be staged."""
    building.abandon()
    building.adds_runs, building.in_place, building.on_spare, building.beside_a_reader, building.why = False, False, False, False, why
    building.file = building.warehouse.root / f"{BUILDING_PREFIX}{building.build_id}"
    building.file.unlink(missing_ok=True)


def _stage_everything(building: DatabaseBuild, committed: set[str], as_of: bool) -> None:
    try:
        building.step(lambda con: _load_committed_rows(con, building.warehouse, committed, as_of))
    except BaseException:
        building.close()
        raise


def _load_committed_rows(con, warehouse: Warehouse, committed: set[str], as_of: bool) -> None:
    """The tables, with the rows of the committed runs, and the versions of changed files settled.

    The tables have no PRIMARY KEY constraints: DuckDB keeps their indexes whole in memory (about 500 MB
    at 1,000,000 documents) and building them took 40% of the load. A fact's id is its document's id with
    its place in the text, and a run never stores a document the warehouse holds, so the ids are unique
    when the documents' are, which the load checks."""
    con.execute(ddl(keys=False))
    for table in LOADED_TABLES:
        _insert_rows(con, warehouse, table, committed)
    _check_documents_once(con, warehouse, "SELECT doc_id FROM documents")
    con.execute(CORRECTIONS.ddl(keys=False))
    if source := warehouse.table_source(CORRECTIONS.name):
        # A database of some runs only (as of a run) has the corrections made by the end of the last.
        made_by_then = "WHERE corrected_at <= (SELECT max(finished_at) FROM runs)" if as_of else ""
        con.execute(f"INSERT INTO corrections BY NAME SELECT * FROM {source} {made_by_then}")
    scope(con, "versioned_files")
    scope(con, "documents_to_version")
    con.execute(sql_file("versions.sql"))
    drop_temporary_tables(con)


def _insert_rows(con, warehouse: Warehouse, table: str, runs: set[str], column: str = "run_id") -> None:
    """A stored table's rows of `runs` (or of other values of `column`: documents by doc_id) added to the database's
    table, each merged entity id kept as extracted too."""
    source = warehouse.table_source(table)
    if source:
        kept = f", {MERGED_ENTITY_IDS[table]} AS extracted_{MERGED_ENTITY_IDS[table]}" if table in MERGED_ENTITY_IDS else ""
        con.execute(f"INSERT INTO {table} BY NAME SELECT *{kept} FROM {source} WHERE {column} IN (SELECT unnest(?::VARCHAR[]))",
                    [sorted(runs)])


def _check_documents_once(con, warehouse: Warehouse, documents: str) -> None:
    """Refuse a warehouse that stores one of `documents` (a query of doc ids) in two runs."""
    twice = con.execute(f"SELECT doc_id FROM documents WHERE doc_id IN ({documents}) GROUP BY doc_id HAVING count(*) > 1 LIMIT 1").fetchall()
    if twice:
        raise NewsfactsError(
            f"The warehouse at {warehouse.location} stores document {twice[0][0]} in two runs, so its facts would "
            "count twice; the stored tables were written by something other than newsfacts: remove that run's rows.")


def _stage_added_runs(building: DatabaseBuild, added: set[str], decisions: int = 0, writable: _Writable | None = None) -> None:
    """Stage a run's build: the published file (or, when another process holds it, the spare or a copy:
    `writable`, if already open) with the rows of the committed runs `added` it lacks (the spare's own) and the
    stored corrections it lacks (`decisions` of them: the
    temporary table added_corrections holds them), and the versions of the files the runs change or delete
    settled, in a transaction left open for the steps after."""
    warehouse = building.warehouse
    building.adds_runs, building.needs_consolidation = True, True
    writable = writable or _open_for_writing(warehouse, building.file)
    building.writes_to(writable)
    con = writable.con
    if writable.on_spare:  # the spare lacks the runs and decisions the published file gained since, too
        added, decisions = writable.spare_lacks.runs, writable.spare_lacks.decisions
    building._connection = con
    con.execute("SET checkpoint_threshold = '1TB'")  # written out once, when published
    con.execute(f"SET memory_limit = '{_added_build_memory_mb()}MB'")
    con.execute("BEGIN TRANSACTION")
    try:
        for table in LOADED_TABLES:
            _insert_rows(con, warehouse, table, added)
        con.execute("CREATE TEMP TABLE added_runs AS SELECT unnest(?::VARCHAR[]) AS run_id", [sorted(added)])
        source = warehouse.table_source(CORRECTIONS.name)
        con.execute(f"""CREATE TEMP TABLE added_corrections AS SELECT * FROM {source if source else 'corrections'}
                        WHERE correction_id NOT IN (SELECT correction_id FROM corrections)""")
        con.execute("INSERT INTO corrections BY NAME SELECT * FROM added_corrections")
        con.execute(sql_file("added_documents.sql"))
        _check_documents_once(con, warehouse, "SELECT doc_id FROM added_documents")
        changes_versions = con.execute("SELECT changes_versions FROM added_changes_versions").fetchall()[0][0]
        superseded, brought_back = _settle_added_versions(con, warehouse) if changes_versions else (0, 0)
    except BaseException:
        building.abandon()
        raise
    what = " and ".join(f"{n} {noun}(s)" for n, noun in ((len(added), "run"), (decisions, "correction")) if n)
    where = ("the database in place" if building.in_place else
             "the spare database, published before (another process holds the database open)" if building.on_spare else
             "a copy of the database (another process holds it open)")
    superseding = "; ".join(f"{n} document(s) {what}" for n, what in (
        (superseded, "superseded by new versions of their files"), (brought_back, "live again, their files back as they were")) if n)
    superseding = f" ({superseding})" if superseding else ""
    building.why = f"Adding {what} to {where}{superseding}: only what they reach is worked out again."


def _settle_added_versions(con, warehouse: Warehouse) -> tuple[int, int]:
    """The versions of the files the added runs change or delete settled, as a build of everything settles every
    file's (warehouse/added_versions.sql, versions.sql, added_removals.sql): the documents superseded leave the
    fact tables, and the removed_* tables say what they held; the documents live again (a file back as it was)
    get their facts back from the stored tables, and count as added documents. Returns how many documents it
    superseded and how many it brought back."""
    con.execute(sql_file("added_versions.sql"))
    scope(con, "documents_to_version", "SELECT * FROM documents WHERE doc_id IN (SELECT doc_id FROM versioned_documents)")
    con.execute(sql_file("versions.sql"))
    con.execute(sql_file("added_removals.sql"))
    brought_back = {doc_id for (doc_id,) in con.execute("SELECT doc_id FROM brought_back_documents").fetchall()}
    for table in FACT_TABLES if brought_back else ():
        _insert_rows(con, warehouse, table, brought_back, column="doc_id")
    con.execute("INSERT INTO added_documents SELECT doc_id FROM brought_back_documents")
    return con.execute("SELECT count(*) FROM removed_documents").fetchall()[0][0], len(brought_back)


# A run's build reads a few rows of each table; DuckDB would keep every block it read cached, growing
# with the warehouse (2 GiB at 1,000,000 documents). Within this it evicts them instead, at no cost in
# time there (1.4 GiB in all, against 2.0).
ADDED_BUILD_MEMORY_MB = 1024


def _added_build_memory_mb() -> int:
    """The memory a run's build may take: ADDED_BUILD_MEMORY_MB, or NEWSFACTS_BUILD_MEMORY_MB if lower."""
    setting = Settings.from_env().build_memory_mb
    return min(setting, ADDED_BUILD_MEMORY_MB) if setting else ADDED_BUILD_MEMORY_MB


@dataclass
class _Lacking:
    """What the published database lacks of the committed runs (_what_the_database_lacks)."""

    runs: set[str] | None  # the committed runs it lacks; None when it must be built whole
    why_whole: str = ""  # why it must be built whole, when it must
    rows_loaded: bool = False  # the runs it lacks loaded rows beyond their `runs` rows
    decisions: int = 0  # the stored corrections it lacks (a person's decisions made since it was built)


def _what_the_database_lacks(warehouse: Warehouse, committed: set[str], database: Path | None = None) -> _Lacking:
    """The committed runs and the stored corrections the published database (or `database`) lacks, when it can be
    added to: it was built by this code and holds only committed runs and stored corrections."""
    database = database or warehouse.database
    if not built_by_this_code(database):
        return _Lacking(None, "there is none yet, or it was built by other code (new rules, or another version)")
    with warehouse.connect() as con:
        con.execute(f"ATTACH {quote_path(database)} AS built (READ_ONLY)")
        built = {r[0] for r in con.execute("SELECT run_id FROM built.runs").fetchall()}
        if not built <= committed:
            return _Lacking(None, "it holds a run that is not committed")
        corrections = warehouse.table_source(CORRECTIONS.name)
        stored = con.execute(f"SELECT count(*) FROM {corrections}").fetchall()[0][0] if corrections else 0
        held = con.execute("SELECT count(*) FROM built.corrections").fetchall()[0][0]
        lacked = con.execute(f"""SELECT count(*) FROM {corrections}
                                 WHERE correction_id NOT IN (SELECT correction_id FROM built.corrections)""").fetchall()[0][0] if corrections else 0
        if held != stored - lacked:
            return _Lacking(None, "it holds a correction that is not stored")
        unbuilt = committed - built
        rows_loaded = any(con.execute(f"SELECT 1 FROM {source} WHERE run_id IN (SELECT unnest(?::VARCHAR[])) LIMIT 1",
                                      [sorted(unbuilt)]).fetchall()
                          for table in APPENDED_TABLES if unbuilt and (source := warehouse.table_source(table)))
    return _Lacking(unbuilt, rows_loaded=rows_loaded, decisions=lacked)


# A spare that lacks more runs than this is removed rather than added to: catching up on a day of 15-minute
# runs costs less than copying a large file, months of them may not.
SPARE_MAX_RUNS = 96


@dataclass
class _Writable:
    """The database file a build writes, open (_open_for_writing)."""

    con: duckdb.DuckDBPyConnection
    file: Path
    in_place: bool  # the published file itself
    on_spare: bool = False  # the spare, which lacks `spare_lacks`
    spare_lacks: _Lacking | None = None


def spare_database(warehouse: Warehouse) -> Path:
    """The file a build published before the one renamed over it while another process held it open."""
    return warehouse.root / SPARE_NAME


def _open_for_writing(warehouse: Warehouse, copy: Path) -> _Writable:
    """A connection that writes the published database: to the file itself; when another process holds it open
    (DuckDB then lets no writer in), to the spare, if it can be added to, lacks at most SPARE_MAX_RUNS runs and
    no reader holds it (the build adds what it lacks); else to a copy of the published file at `copy`."""
    try:
        return _Writable(warehouse.connect(str(warehouse.database)), warehouse.database, True)
    except duckdb.Error:  # held open by another process, or by this one with other settings
        pass
    spare = spare_database(warehouse)
    if spare.exists():
        lacking = _what_the_database_lacks(warehouse, warehouse.committed_run_ids(), spare)
        if lacking.runs is not None and len(lacking.runs) <= SPARE_MAX_RUNS:
            try:
                return _Writable(warehouse.connect(str(spare)), spare, False, on_spare=True, spare_lacks=lacking)
            except duckdb.Error:  # a reader still holds it from when it was published
                pass
        else:
            _remove_spare(warehouse)  # of other code, or too far behind to be worth adding to
    shutil.copyfile(warehouse.database, copy)
    if _wal(warehouse.database).exists():  # commits a crash kept from the file
        shutil.copyfile(_wal(warehouse.database), _wal(copy))
    return _Writable(warehouse.connect(str(copy)), copy, False)


def _remove_spare(warehouse: Warehouse) -> None:
    """Remove the spare (a reader that holds it keeps what it reads)."""
    spare = spare_database(warehouse)
    spare.unlink(missing_ok=True)
    _wal(spare).unlink(missing_ok=True)


def publish(building: DatabaseBuild) -> dict[str, int]:
    """Step 3: the views and what built the file, committed, and a new file swapped in. Returns rows per table."""
    if building.needs_consolidation:
        building.step(lambda con: _finish(con, whole=not building.adds_runs))
        con = building._connect()
        building.counts = table_counts(con)
        if building.adds_runs:
            con.execute("COMMIT")
            building.adds_runs = False  # committed: nothing left to roll back
        con.execute("CHECKPOINT")
    building.close()
    if not building.in_place:
        fsync(building.file)
        # A write-ahead log beside the old file (an in-place build killed before its checkpoint) holds
        # nothing the new file lacks, and DuckDB would refuse to open the new file with it.
        _wal(building.target).unlink(missing_ok=True)
        _replace_keeping_a_spare(building)
    return building.counts


def _replace_keeping_a_spare(building: DatabaseBuild) -> None:
    """Rename the built file over the published one. A build beside a reader (one that could not write the published
    file in place) keeps the file it replaces as the spare, for the next run that finds a reader holding the
    published one (_open_for_writing), linked under a temporary name first so that the spare is always a whole
    file; a build of everything (of other code, a rebuild, or after a run's build failed) removes the spare
    rather than keep a file it did not build."""
    warehouse, target = building.warehouse, building.target
    kept = None
    if building.beside_a_reader and target.exists():
        kept = warehouse.root / f"{TEMPORARY_PREFIX}spare-{building.build_id}"
        kept.unlink(missing_ok=True)
        try:
            os.link(target, kept)
        except OSError:  # a file system without hard links: no spare, and the next such run copies
            kept = None
    os.replace(building.file, target)
    if kept is not None:
        os.replace(kept, spare_database(warehouse))
    elif target == warehouse.database and not building.beside_a_reader:
        _remove_spare(warehouse)


def _finish(con, whole: bool = True) -> None:
    """The analyst views, the planner's statistics (in a build of everything: a run's build changes few
    rows) and what built the file."""
    con.execute(sql_file("views.sql"))
    if whole:
        con.execute(sql_file("statistics.sql"))
    con.execute("CREATE OR REPLACE TABLE build_info AS SELECT ? AS code_digest, now() AS built_at", [BUILD_DIGEST])


def _wal(database: Path) -> Path:
    """DuckDB's write-ahead log of a database file."""
    return database.with_name(database.name + ".wal")


def table_counts(con) -> dict[str, int]:
    return {table: con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
            for table in (*APPENDED_TABLES, *DERIVED_TABLES, "runs", "corrections", "corrections_unattached")}


def built_by_this_code(database: Path) -> bool:
    """Whether a database file was built by this code (its build_info holds BUILD_DIGEST)."""
    if not database.exists():
        return False
    try:
        with duckdb.connect() as con:
            con.execute(f"ATTACH {quote_path(database)} AS built (READ_ONLY)")
            return con.execute("SELECT code_digest FROM built.build_info").fetchall() == [(BUILD_DIGEST,)]
    except duckdb.Error:  # unreadable, half-written by a build that was killed, or built before build_info existed
        return False


def _append_runs(building: DatabaseBuild, unbuilt: set[str]) -> _Writable | None:
    """The `runs` rows of `unbuilt` added to the current database, in one transaction: in place when no other
    connection holds the file, else to the spare or a copy, which publishing renames over it (a reader holding
    the file keeps its snapshot: DuckDB lets no writer in beside it). Sets the rows per table and where they were
    added. A spare that lacks more than `runs` rows (runs that loaded rows, decisions) is returned open instead,
    with nothing added: it takes a run's build."""
    warehouse = building.warehouse
    writable = _open_for_writing(warehouse, building.file)
    if writable.on_spare and (writable.spare_lacks.rows_loaded or writable.spare_lacks.decisions):
        return writable
    building.writes_to(writable)
    runs = writable.spare_lacks.runs if writable.on_spare else unbuilt
    with writable.con as con:
        con.execute("BEGIN TRANSACTION")
        if runs:
            con.execute(f"INSERT INTO runs BY NAME SELECT * FROM {warehouse.table_source('runs')} "
                        "WHERE run_id IN (SELECT unnest(?::VARCHAR[]))", [sorted(runs)])
        building.counts = table_counts(con)
        con.execute("COMMIT")
        con.execute("CHECKPOINT")
    return None
