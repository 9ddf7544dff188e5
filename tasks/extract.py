from __future__ import annotations

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from newsfacts import pipeline
from newsfacts.config import Settings
from newsfacts.workers import ExtractionProcesses


@task(name="extract-facts", cache_policy=NO_CACHE)
def extract_facts(batch: pipeline.Batch, settings: Settings, run_id: str,
                  processes: ExtractionProcesses | None = None) -> pipeline.ExtractResult:
    """Facts of a batch, extracted where the task runs (this process, a Dask or Ray worker) or, for the
    local runner, in one of the flow's worker `processes`."""
    if processes is not None:
        result = processes.extract(batch.documents, settings, run_id)
    else:
        result = pipeline.extract_facts(batch.documents, settings, run_id)
    counts = ", ".join(f"{len(rows)} {table}" for table, rows in result.rows.items())
    get_run_logger().info("Extracted from %d documents: %s.", len(batch.documents), counts)
    return result
