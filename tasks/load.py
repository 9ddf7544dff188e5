from __future__ import annotations

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from newsfacts.load import build
from newsfacts.load.warehouse import Warehouse


@task(name="stage-rows", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[1, 5])
def stage_rows(warehouse: Warehouse, tables: dict[str, list[dict]], run_id: str, sequence: int | None = None) -> dict[str, int]:
    """Stage this run's rows (of batch `sequence` of it) until the run commits them."""
    staged = {}
    for table, rows in tables.items():
        warehouse.stage_rows(table, rows, run_id, sequence)
        staged[table] = len(rows)
    get_run_logger().info("Staged rows: %s.", ", ".join(f"{t} {n}" for t, n in staged.items()))
    return staged


@task(name="commit-run", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[1, 5])
def commit_run(warehouse: Warehouse, run_row: dict, run_id: str) -> None:
    """Store the run's staged rows, one Delta commit per table, then its `runs` row: the commit. Then
    compact the tables that have gathered many small files."""
    tables = warehouse.commit_run(run_id, run_row)
    logger = get_run_logger()
    logger.info("Committed run %s to %d tables.", run_id, len(tables))
    merged = warehouse.compact()
    if merged:
        logger.info("Compacted %d small files of the stored tables (each table keeps few files however many runs it has had).", merged)


@task(name="stage-duckdb", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[1, 5])
def stage_database(warehouse: Warehouse, run_id: str) -> build.DatabaseBuild:
    """The rows of the committed runs the DuckDB file lacks, added to it in place or to a new file built
    whole (newsfacts/load/build.py, step 1); the log says which, and why."""
    building = build.stage(warehouse, run_id)
    get_run_logger().info(building.describe())
    return building


@task(name="publish-duckdb", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[1, 5])
def publish_database(building: build.DatabaseBuild) -> dict[str, int]:
    """The views, committed, and a new file swapped in for analysts (step 3)."""
    counts = build.publish(building)
    get_run_logger().info("Built %s: %s.", building.warehouse.database, ", ".join(f"{t} {n}" for t, n in counts.items()))
    return counts
