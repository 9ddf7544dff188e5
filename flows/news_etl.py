"""news_etl: raw files -> validated documents -> facts -> Parquet -> DuckDB.

Every input file ends as a document, a duplicate, a quarantine row with a reason, or 'unchanged'
(already loaded with the same content by an earlier run). Nothing is dropped silently.
"""

from __future__ import annotations

import os
import sys
import time
from collections import deque
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path

from prefect import flow, get_run_logger
from prefect.context import FlowRunContext
from prefect.runtime import flow_run
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.utilities.annotations import quote

from newsfacts import PIPELINE_VERSION
from newsfacts.config import Settings
from newsfacts.ingest.models import Quarantined
from newsfacts.load.layout import DEFAULT_WAREHOUSE
from newsfacts.load.warehouse import Warehouse
from newsfacts.pipeline import Batch, RunSummary, batch_size_for, batched, deduplicate, deleted_files, new_run_id, settle_outcomes, split_unchanged, utc_now
from newsfacts.workers import ExtractionProcesses
from tasks.extract import extract_facts
from tasks.ingest import discover_inputs, ingest_batch
from tasks.load import build_database, commit_run, write_parquet
from tasks.report import publish_analyst_brief, publish_run_summary


# The flow streams: each batch of files is read, its documents written, and its extraction submitted to
# the task runner while the next batch is read. At most `batches_in_flight` batches are held at once, so
# memory stays flat however large the folder. The default runner runs tasks in this process; the CLI
# chooses worker processes, Dask or Ray (see task_runner_for). Batches go to tasks as quote(...) or Batch:
# Prefect would otherwise walk every document and fact row looking for futures (~1 s a batch).
@flow(name="news_etl", log_prints=False, task_runner=ThreadPoolTaskRunner(max_workers=1))
def news_etl(source_dir: str = "seeds", warehouse_dir: str = DEFAULT_WAREHOUSE, max_file_mb: float | None = None) -> RunSummary:
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
            known = warehouse.known_state(source_dir)
            found, rejected, deferred = discover_inputs(str(source_dir), settings)
            files, unchanged = split_unchanged(found, known)
            deleted = deleted_files(known, found, rejected, deferred)

        ledger = _stream_batches(files, known, settings, warehouse, run_id, summary)
        unchanged += ledger.unchanged
        fresh_quarantine = [q for q in [*rejected, *ledger.quarantined] if (q.source_path, q.reason, q.fingerprint) not in known.quarantine_keys]
        _log_file_outcomes(logger, ledger.outcomes, rejected, fresh_quarantine, unchanged)

        now = utc_now()
        quarantine_rows = [_quarantine_row(q, now, run_id) for q in fresh_quarantine]
        new_rejections = [q for q in rejected if (q.source_path, q.reason, q.fingerprint) not in known.quarantine_keys]
        summary.files_seen = len(found) + len(rejected) + len(deferred)
        summary.files_deferred = len(deferred)
        summary.files_unchanged = len(unchanged) + len(rejected) - len(new_rejections)
        summary.files_loaded = sum(o.status in ("loaded", "partial") for o in ledger.outcomes)
        summary.files_duplicate = sum(o.status == "duplicate" for o in ledger.outcomes)
        summary.files_quarantined = sum(o.status == "quarantined" for o in ledger.outcomes) + len(new_rejections)
        summary.records_quarantined = len(fresh_quarantine)
        summary.files_deleted = len(deleted)
        for q in fresh_quarantine:
            summary.quarantine_reasons[q.reason] = summary.quarantine_reasons.get(q.reason, 0) + 1
        summary.rows_added["quarantine"] = len(quarantine_rows)
        summary.rows_added["source_files"] = len(ledger.outcomes) + len(deleted)
        for gone in deleted:
            logger.warning("deleted     %s (gone from the folder; its documents stay, marked source_deleted)", gone.source_path)

        with _timed(summary, "load", add=True):
            write_parquet(warehouse, quote({
                "quarantine": quarantine_rows,
                "source_files": [{**vars(o), "seen_at": now, "run_id": run_id} for o in [*ledger.outcomes, *deleted]],
            }), run_id)
            commit_run(warehouse, _run_row(summary, started), run_id)
            summary.table_rows = build_database(warehouse, run_id)

    if not summary.accounted:
        logger.warning("File accounting does not add up: %s", summary)
    publish_run_summary(summary, quarantine_rows)
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


@dataclass
class _Ledger:
    """What the batches of a run left behind for the run's closing entries (small: no texts, no facts)."""

    outcomes: list = field(default_factory=list)
    quarantined: list[Quarantined] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def _stream_batches(files, known, settings: Settings, warehouse: Warehouse, run_id: str, summary: RunSummary) -> _Ledger:
    """Read, deduplicate, write and extract the files batch by batch; returns the ledger of the run."""
    ledger = _Ledger()
    workers = _extraction_workers()
    batches = batched(files, batch_size_for(len(files), workers, settings))
    # One batch gains nothing from another process, and worker processes cost seconds to start.
    in_process = len(batches) <= 1
    local_processes = workers > 1 and not in_process and isinstance(_task_runner(), ThreadPoolTaskRunner)
    with ExtractionProcesses(workers, settings.spacy_model) if local_processes else nullcontext() as processes:
        _extract_batches(batches, in_process, processes, known, settings, warehouse, run_id, summary, ledger)
    return ledger


def _extract_batches(batches, in_process: bool, processes: ExtractionProcesses | None, known, settings: Settings,
                     warehouse: Warehouse, run_id: str, summary: RunSummary, ledger: _Ledger) -> None:
    seen = set(known.doc_ids)
    pending: deque = deque()
    seconds = {"ingest": 0.0, "load": 0.0}
    loop_started = time.perf_counter()

    def write(tables: dict[str, list[dict]], sequence: int) -> None:
        start = time.perf_counter()
        write_parquet(warehouse, quote(tables), run_id, sequence)
        for table, rows in tables.items():
            summary.rows_added[table] = summary.rows_added.get(table, 0) + len(rows)
        seconds["load"] += time.perf_counter() - start

    def collect(sequence: int, job) -> None:
        facts = job if in_process else job.result()
        ledger.quarantined.extend(facts.quarantined)
        write(facts.rows, sequence)

    for sequence, batch in enumerate(batches):
        start = time.perf_counter()
        ingested = ingest_batch(quote(batch), quote(known), settings)
        documents, duplicates = deduplicate(ingested.documents, seen)
        ledger.outcomes += settle_outcomes(ingested.outcomes, documents, duplicates, ingested.quarantined)
        ledger.quarantined += ingested.quarantined
        ledger.unchanged += ingested.unchanged
        summary.documents_loaded += len(documents)
        seconds["ingest"] += time.perf_counter() - start
        if not documents:
            continue
        now = utc_now()
        write({"documents": [{**doc, "ingested_at": now, "run_id": run_id, "pipeline_version": PIPELINE_VERSION} for doc in documents]}, sequence)
        if in_process:
            pending.append((sequence, extract_facts(Batch(documents), settings, run_id)))
        else:
            pending.append((sequence, extract_facts.submit(Batch(documents), settings, run_id, processes)))
        while len(pending) > settings.batches_in_flight:
            collect(*pending.popleft())
    while pending:
        collect(*pending.popleft())

    total = time.perf_counter() - loop_started
    summary.stage_seconds["ingest"] = round(seconds["ingest"], 3)
    summary.stage_seconds["extract"] = round(total - seconds["ingest"] - seconds["load"], 3)
    summary.stage_seconds["load"] = round(seconds["load"], 3)


def _task_runner():
    context = FlowRunContext.get()
    return context.task_runner if context else None


def _extraction_workers() -> int:
    """How many extraction batches this flow run's task runner runs at once (for batch sizes and for the
    local runner's worker processes)."""
    runner = _task_runner()
    try:
        if type(runner).__name__ == "DaskTaskRunner":
            return max(1, sum(runner.client.nthreads().values()))
        if type(runner).__name__ == "RayTaskRunner":
            import ray

            return max(1, int(ray.cluster_resources().get("CPU", 1)))
    except Exception:  # a cluster that cannot say: fall back on this machine's cores
        return os.cpu_count() or 1
    # Prefect's thread pool keeps its size here (sys.maxsize when unbounded); other runners: one per core.
    size = getattr(runner, "_max_workers", None)
    return size if size and size < sys.maxsize else os.cpu_count() or 1


@contextmanager
def _timed(summary: RunSummary, stage: str, add: bool = False):
    start = time.perf_counter()
    try:
        yield
    finally:
        earlier = summary.stage_seconds.get(stage, 0.0) if add else 0.0
        summary.stage_seconds[stage] = round(earlier + time.perf_counter() - start, 3)


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
        "files_deleted": summary.files_deleted,
        "records_quarantined": summary.records_quarantined,
        "source_dir": str(Path(summary.source_dir).resolve()),
    }


# A scheduled run over a large folder finds most files unchanged: it names a few and counts the rest.
UNCHANGED_LISTED = 20
# Loaded files are logged this many to a record: one record per file cost the local Prefect server
# more CPU than the extraction can spare on a small machine.
FILES_PER_LOG_RECORD = 100


def _log_file_outcomes(logger, outcomes, rejected, quarantined, unchanged) -> None:
    reasons: dict[str, list[Quarantined]] = {}
    for q in quarantined:
        reasons.setdefault(q.source_path.split("#", 1)[0].split(" [", 1)[0], []).append(q)
    loaded = [f"loaded      {o.source_path} -> document {', '.join(o.doc_ids)}" for o in outcomes if o.status in ("loaded", "partial")]
    for start in range(0, len(loaded), FILES_PER_LOG_RECORD):
        logger.info("\n".join(loaded[start : start + FILES_PER_LOG_RECORD]))
    for outcome in outcomes:
        if outcome.status == "duplicate":
            logger.info("duplicate   %s (same text as document %s)", outcome.source_path, ", ".join(outcome.duplicate_of))
        for q in reasons.get(outcome.source_path, []):
            logger.warning("quarantined %s: %s (%s)", q.source_path, q.reason, q.detail)
    for q in rejected:
        if q in quarantined:
            logger.warning("quarantined %s: %s (%s)", q.source_path, q.reason, q.detail)
    for path in unchanged[:UNCHANGED_LISTED]:
        logger.info("unchanged   %s (already loaded)", path)
    if len(unchanged) > UNCHANGED_LISTED:
        logger.info("unchanged   %d more files (already loaded)", len(unchanged) - UNCHANGED_LISTED)


def task_runner_for(runner: str, address: str | None = None, workers: int | None = None):
    """The task runner for `--runner`, which runs the extraction batches:
    - 'local': Prefect's ThreadPoolTaskRunner with a thread per worker; the flow starts as many worker
      processes (newsfacts.workers: each loads the spaCy model once) and each task run hands its batch
      to one of them. `workers` 1 extracts in this process;
    - 'dask': a Dask cluster through prefect-dask: the scheduler at `address`, else a LocalCluster;
    - 'ray': a Ray cluster through prefect-ray: the cluster at `address`, else a local one.
    Worker processes must reach the same Prefect API as the flow: the CLI sees to it (PREFECT_API_URL)."""
    workers = workers or os.cpu_count() or 1
    if runner == "local":
        return ThreadPoolTaskRunner(max_workers=workers)
    if runner == "dask":
        from prefect_dask import DaskTaskRunner

        if address:
            return DaskTaskRunner(address=address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True,
                                              "dashboard_address": None})
    if runner == "ray":
        from prefect_ray import RayTaskRunner

        if address:
            return RayTaskRunner(address=address)
        return RayTaskRunner(init_kwargs={"num_cpus": workers, "include_dashboard": False, "log_to_driver": False})
    raise ValueError(f"unknown runner {runner!r}: use 'local', 'dask' or 'ray'")
