from __future__ import annotations

from pathlib import Path

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from newsfacts import pipeline
from newsfacts.config import Settings
from newsfacts.load.warehouse import KnownState


@task(name="discover-files", cache_policy=NO_CACHE)
def discover_inputs(source_dir: str, settings: Settings):
    files, rejected, deferred = pipeline.discover(Path(source_dir), settings)
    logger = get_run_logger()
    logger.info("Found %d input files under %s (%d not readable as articles).", len(files) + len(rejected) + len(deferred), source_dir, len(rejected))
    for source in deferred:
        logger.info("deferred    %s (modified in the last %.0f s, may still be being written; next run picks it up)", source.rel_path, settings.settle_seconds)
    return files, rejected, deferred


@task(name="ingest-batch", cache_policy=NO_CACHE)
def ingest_batch(files, known: KnownState, settings: Settings) -> pipeline.IngestResult:
    result = pipeline.ingest_files(files, known, settings)
    get_run_logger().info(
        "Read %d files: %d documents, %d quarantined, %d unchanged since an earlier run.",
        len(files), len(result.documents), len(result.quarantined), len(result.unchanged),
    )
    return result
