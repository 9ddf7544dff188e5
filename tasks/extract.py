from __future__ import annotations

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from newsfacts import pipeline
from newsfacts.config import Settings


@task(name="extract-facts", cache_policy=NO_CACHE)
def extract_facts(batch: pipeline.Batch, settings: Settings, run_id: str) -> pipeline.ExtractResult:
    result = pipeline.extract_facts(batch.documents, settings, run_id)
    counts = ", ".join(f"{len(rows)} {table}" for table, rows in result.rows.items())
    get_run_logger().info("Extracted from %d documents: %s.", len(batch.documents), counts)
    return result
