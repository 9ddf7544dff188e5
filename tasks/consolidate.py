from __future__ import annotations

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from newsfacts.consolidate.build import consolidate_build, describe
from newsfacts.load.build import DatabaseBuild


@task(name="consolidate", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[1, 5])
def consolidate_sources(building: DatabaseBuild) -> dict[str, int]:
    """Near-duplicates, entities across documents, quote groups, incidents and corroboration, in the
    database being built (newsfacts/load/build.py, step 2)."""
    counts = consolidate_build(building)
    get_run_logger().info(describe(counts))
    return counts
