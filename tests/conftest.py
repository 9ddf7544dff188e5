"""Shared, expensive fixtures: one Prefect test harness and one spaCy load for the whole session,
and one flow run on the seeds that many tests read back from."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus" / "articles"

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
# Tests write their inputs a moment before running; production waits 2 s for files being written.
os.environ["NEWSFACTS_SETTLE_SECONDS"] = "0"


def pytest_collection_modifyitems(items):
    """A test that runs the flow through Prefect (a fixture of it starts the test harness) is slow, whichever
    module holds it: `make test-fast` leaves it out."""
    for item in items:
        if "prefect_harness" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def nlp():
    from newsfacts.config import Settings
    from newsfacts.extract.nlp import load_nlp

    return load_nlp(Settings().spacy_model)


@pytest.fixture(scope="session")
def prefect_harness():
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def run_flow(prefect_harness):
    """Run the news_etl flow; returns its RunSummary."""
    from flows.news_etl import news_etl

    def run(source: Path, warehouse: Path, **kwargs):
        return news_etl(str(source), str(warehouse), **kwargs)

    return run


@pytest.fixture(scope="session")
def seeds_warehouse(tmp_path_factory, run_flow):
    warehouse = tmp_path_factory.mktemp("seeds-warehouse")
    summary = run_flow(SEEDS, warehouse)
    return warehouse, summary


def query(warehouse: Path, sql: str, params=None, database: Path | None = None) -> list[tuple]:
    """Rows of a query on the warehouse's database (or on `database`, one of its as-of databases)."""
    with duckdb.connect(str(database or warehouse / "newsfacts.duckdb"), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def copy_tree(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target


def copy_files(paths, folder: Path) -> Path:
    """`folder` (made if need be) with copies of the files `paths`, keeping their names and times."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in paths:
        shutil.copy2(path, folder / path.name)
    return folder


# Columns that say when or in which run a row was written, not what the bytes say.
RUN_COLUMNS = {"run_id", "ingested_at", "seen_at", "quarantined_at", "pipeline_version", "started_at", "finished_at"}
# Every table and view an analyst reads; not the ledgers of runs and files, nor the build's own cache.
LEDGERS = {"runs", "source_files", "build_info", "similarity_memo"}


def _table(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple]:
    columns = [c for (c,) in con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                                         "ORDER BY ordinal_position", [table]).fetchall() if c not in RUN_COLUMNS]
    listed = ", ".join(f'"{c}"' for c in columns)
    return con.execute(f"SELECT {listed} FROM {table} ORDER BY ALL").fetchall()


def snapshot(warehouse: Path, database: Path | None = None) -> dict[str, list[tuple]]:
    """Every table and view of the warehouse's database (or of `database`), rows sorted, without the
    columns that say when a row was written: two builds of the same facts give equal snapshots."""
    # One connection for every table: opening the file costs more than reading a small table.
    with duckdb.connect(str(database or warehouse / "newsfacts.duckdb"), read_only=True) as con:
        tables = [t for (t,) in con.execute("SELECT table_name FROM information_schema.tables ORDER BY 1").fetchall()
                  if t not in LEDGERS]
        return {table: _table(con, table) for table in tables}
