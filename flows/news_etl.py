"""news_etl: raw files -> validated documents -> facts -> Parquet -> DuckDB.

Every input file ends as a document, a duplicate, a quarantine row with a reason, or 'unchanged'
(already loaded with the same content by an earlier run). Nothing is dropped silently.
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from prefect import flow, get_run_logger
from prefect.runtime import flow_run
from prefect.task_runners import ThreadPoolTaskRunner

from newsfacts import PIPELINE_VERSION
from newsfacts.config import Settings
from newsfacts.ingest.models import Quarantined
from newsfacts.load.warehouse import Warehouse
from newsfacts.pipeline import RunSummary, batched, deduplicate, new_run_id, settle_outcomes, utc_now
from tasks.extract import extract_facts
from tasks.ingest import discover_inputs, ingest_batch
from tasks.load import build_database, write_parquet
from tasks.report import publish_analyst_brief, publish_run_summary


# Extraction batches are submitted to the task runner: one worker by default (spaCy in one process),
# a Dask cluster with `newsfacts run --runner dask` (see task_runner_for).
@flow(name="news_etl", log_prints=False, task_runner=ThreadPoolTaskRunner(max_workers=1))
def news_etl(source_dir: str = "seeds", warehouse_dir: str = "warehouse", max_file_mb: float | None = None) -> RunSummary:
    logger = get_run_logger()
    settings = Settings.from_env()
    if max_file_mb is not None:
        settings = replace(settings, max_file_bytes=int(max_file_mb * 1024 * 1024))
    warehouse = Warehouse(warehouse_dir)
    run_id = new_run_id()
    summary = RunSummary(run_id, str(source_dir), str(warehouse_dir), flow_run_id=flow_run.get_id())
    started = utc_now()

    def say_waiting(holder: str) -> None:
        logger.info("Another run (%s) is loading %s: waiting up to %.0f s for it to finish.", holder, warehouse_dir, settings.lock_wait_seconds)

    with warehouse.exclusive(settings.lock_wait_seconds, say_waiting):
        with _timed(summary, "discover"):
            warehouse.remove_uncommitted_parts()
            known = warehouse.known_state()
            files, rejected, deferred = discover_inputs(str(source_dir), settings)

        with _timed(summary, "ingest"):
            ingested = [ingest_batch(batch, known, settings) for batch in batched(files, settings.batch_size)]
            documents = [doc for result in ingested for doc in result.documents]
            new_documents, duplicates = deduplicate(documents, known.doc_ids)

        with _timed(summary, "extract"):
            futures = [extract_facts.submit(batch, settings, run_id) for batch in batched(new_documents, settings.batch_size)]
            facts = [future.result() for future in futures]

        quarantined = rejected + [q for r in ingested for q in r.quarantined] + [q for f in facts for q in f.quarantined]
        fresh_quarantine = [q for q in quarantined if (q.source_path, q.reason, q.fingerprint) not in known.quarantine_keys]
        outcomes = settle_outcomes([o for r in ingested for o in r.outcomes], new_documents, duplicates, quarantined)
        unchanged = [path for r in ingested for path in r.unchanged]
        _log_file_outcomes(logger, outcomes, rejected, fresh_quarantine, unchanged)

        now = utc_now()
        tables = {
            "documents": [{**doc, "ingested_at": now, "run_id": run_id, "pipeline_version": PIPELINE_VERSION} for doc in new_documents],
            "quarantine": [_quarantine_row(q, now, run_id) for q in fresh_quarantine],
            "source_files": [{**vars(o), "seen_at": now, "run_id": run_id} for o in outcomes],
        }
        for table in facts[0].rows if facts else ():
            tables[table] = [row for f in facts for row in f.rows[table]]

        new_rejections = [q for q in rejected if (q.source_path, q.reason, q.fingerprint) not in known.quarantine_keys]
        summary.files_seen = len(files) + len(rejected) + len(deferred)
        summary.files_deferred = len(deferred)
        summary.files_unchanged = len(unchanged) + len(rejected) - len(new_rejections)
        summary.files_loaded = sum(o.status in ("loaded", "partial") for o in outcomes)
        summary.files_duplicate = sum(o.status == "duplicate" for o in outcomes)
        summary.files_quarantined = sum(o.status == "quarantined" for o in outcomes) + len(new_rejections)
        summary.documents_loaded = len(new_documents)
        summary.records_quarantined = len(fresh_quarantine)
        for q in fresh_quarantine:
            summary.quarantine_reasons[q.reason] = summary.quarantine_reasons.get(q.reason, 0) + 1
        summary.rows_added = {table: len(rows) for table, rows in tables.items()}

        with _timed(summary, "load"):
            write_parquet(warehouse, tables, run_id)
            # The runs row is written last: it commits everything above.
            write_parquet(warehouse, {"runs": [_run_row(summary, started)]}, run_id)
            summary.table_rows = build_database(warehouse, run_id)

    if not summary.accounted:
        logger.warning("File accounting does not add up: %s", summary)
    publish_run_summary(summary, tables["quarantine"])
    try:
        publish_analyst_brief(str(warehouse_dir))
    except Exception as error:  # the data is loaded; a brief that fails must not fail the run
        logger.warning("The analyst brief could not be written (%s); `newsfacts report` prints it.", error)
    logger.info(
        "Files seen %d = loaded %d + duplicates %d + quarantined %d + unchanged %d + deferred %d; %d documents loaded.",
        summary.files_seen, summary.files_loaded, summary.files_duplicate, summary.files_quarantined,
        summary.files_unchanged, summary.files_deferred, summary.documents_loaded,
    )
    return summary


@contextmanager
def _timed(summary: RunSummary, stage: str):
    start = time.perf_counter()
    try:
        yield
    finally:
        summary.stage_seconds[stage] = round(time.perf_counter() - start, 3)


def _quarantine_row(q: Quarantined, now, run_id: str) -> dict:
    return {**vars(q), "quarantined_at": now, "run_id": run_id, "pipeline_version": PIPELINE_VERSION}


def _run_row(summary: RunSummary, started) -> dict:
    return {
        "run_id": summary.run_id,
        "flow_run_id": summary.flow_run_id,
        "started_at": started,
        "finished_at": utc_now(),
        "status": "completed",
        "files_seen": summary.files_seen,
        "documents_loaded": summary.documents_loaded,
        "files_quarantined": summary.files_quarantined,
        "pipeline_version": PIPELINE_VERSION,
        "files_loaded": summary.files_loaded,
        "files_duplicate": summary.files_duplicate,
        "files_unchanged": summary.files_unchanged,
        "files_deferred": summary.files_deferred,
        "records_quarantined": summary.records_quarantined,
        "source_dir": str(Path(summary.source_dir).resolve()),
    }


def _log_file_outcomes(logger, outcomes, rejected, quarantined, unchanged) -> None:
    reasons: dict[str, list[Quarantined]] = {}
    for q in quarantined:
        reasons.setdefault(q.source_path.split("#", 1)[0].split(" [", 1)[0], []).append(q)
    for outcome in outcomes:
        if outcome.status in ("loaded", "partial"):
            logger.info("loaded      %s -> document %s", outcome.source_path, ", ".join(outcome.doc_ids))
        elif outcome.status == "duplicate":
            logger.info("duplicate   %s (same text as document %s)", outcome.source_path, ", ".join(outcome.duplicate_of))
        for q in reasons.get(outcome.source_path, []):
            logger.warning("quarantined %s: %s (%s)", q.source_path, q.reason, q.detail)
    for q in rejected:
        if q in quarantined:
            logger.warning("quarantined %s: %s (%s)", q.source_path, q.reason, q.detail)
    for path in unchanged:
        logger.info("unchanged   %s (already loaded)", path)


def task_runner_for(runner: str, address: str | None = None, workers: int | None = None):
    """The task runner for `--runner`: 'local' (this process) or 'dask' (a Dask cluster through
    prefect-dask: the scheduler at `address`, else a LocalCluster with one process per worker)."""
    if runner == "local":
        return ThreadPoolTaskRunner(max_workers=1)
    if runner == "dask":
        from prefect_dask import DaskTaskRunner

        if address:
            return DaskTaskRunner(address=address)
        import os

        n = workers or os.cpu_count() or 2
        return DaskTaskRunner(cluster_kwargs={"n_workers": n, "threads_per_worker": 1, "processes": True,
                                              "dashboard_address": None})
    raise ValueError(f"unknown runner {runner!r}: use 'local' or 'dask'")
