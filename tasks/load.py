from __future__ import annotations

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from newsfacts.load import build
from newsfacts.load.warehouse import Warehouse


@task(name="write-parquet", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[1, 5])
def write_parquet(warehouse: Warehouse, tables: dict[str, list[dict]], run_id: str, sequence: int | None = None) -> dict[str, int]:
    """One Parquet part per table for this run (or for batch `sequence` of it); the `runs` row must come
    last (it commits the run)."""
    written = {}
    for table, rows in tables.items():
        warehouse.write_part(table, rows, run_id, sequence)
        written[table] = len(rows)
    get_run_logger().info("Wrote Parquet parts: %s.", ", ".join(f"{t} {n}" for t, n in written.items()))
    return written


@task(name="commit-run", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[1, 5])
def commit_run(warehouse: Warehouse, run_row: dict, run_id: str) -> None:
    """Merge the run's batch parts into one part per table, then write its `runs` row: the commit. Then
    merge the small parts of earlier runs where a table has gathered many."""
    merged = warehouse.compact_run(run_id)
    warehouse.write_part("runs", [run_row], run_id)
    logger = get_run_logger()
    logger.info("Committed run %s (%d batch parts merged).", run_id, merged)
    earlier = warehouse.merge_small_parts()
    if earlier:
        logger.info("Merged %d small Parquet parts of earlier runs (each table keeps few files however many runs it has had).", earlier)


@task(name="stage-duckdb", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[1, 5])
def stage_database(warehouse: Warehouse, run_id: str) -> build.DatabaseBuild:
    """A new DuckDB file with every committed run's rows (newsfacts/load/build.py, step 1)."""
    building = build.stage(warehouse, run_id)
    if not building.needs_consolidation:
        get_run_logger().info(building.describe())
    return building


@task(name="publish-duckdb", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[1, 5])
def publish_database(building: build.DatabaseBuild) -> dict[str, int]:
    """The views and snapshots, and the new file swapped in for analysts (step 3)."""
    counts = build.publish(building)
    get_run_logger().info("Built %s: %s.", building.warehouse.database, ", ".join(f"{t} {n}" for t, n in counts.items()))
    return counts
