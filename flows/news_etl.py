"""news_etl: raw files -> validated documents -> facts -> Delta tables -> DuckDB.

A run discovers the folder's new and changed files, reads and extracts them batch by batch, commits
them to the warehouse's Delta tables, consolidates across sources and publishes the DuckDB file analysts
open. Every input file ends as a document, a duplicate, a quarantine row with a reason, or 'unchanged'
(already loaded with the same content by an earlier run): the run ledger (newsfacts/run_ledger.py)
accounts for each. Every parameter, settings and task runner included, can be set by a deployment.
"""

from __future__ import annotations

import time
from collections import deque
from contextlib import nullcontext
from dataclasses import replace

from prefect import flow, get_run_logger
from prefect.runtime import flow_run
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner
from prefect.utilities.annotations import quote

from newsfacts import PIPELINE_VERSION
from newsfacts.config import Settings
from newsfacts.extraction import ExtractResult
from newsfacts.load.layout import DEFAULT_WAREHOUSE
from newsfacts.load.warehouse import KnownState, Warehouse
from newsfacts.pipeline import Batch, RunSummary, batch_size_for, batched, deduplicate, deleted_files, new_run_id, split_unchanged, utc_now
from newsfacts.run_ledger import RunLedger
from newsfacts.runners import concurrent_batches, runs_local_processes, task_runner_for
from newsfacts.workers import ExtractionProcesses
from schemas.tables import DOCUMENTS
from tasks.consolidate import consolidate_sources
from tasks.extract import extract_facts
from tasks.ingest import discover_inputs, ingest_batch
from tasks.load import commit_run, publish_database, stage_database, stage_rows
from tasks.report import publish_analyst_brief, publish_run_summary


@flow(name="news_etl", log_prints=False, task_runner=ThreadPoolTaskRunner(max_workers=1))
def news_etl(source_dir: str = "seeds", warehouse_dir: str = DEFAULT_WAREHOUSE, max_file_mb: float | None = None,
             settings: Settings | None = None, runner: str = "local", workers: int | None = 1,
             cluster_address: str | None = None) -> RunSummary:
    """Load the new and changed files of `source_dir` into the warehouse at `warehouse_dir`.

    `settings` default to the NEWSFACTS_* environment (newsfacts.config); `max_file_mb` overrides
    theirs. Extraction batches run on `runner` ('local', 'dask' or 'ray', newsfacts.runners) with
    `workers` workers (None: one per core), on the cluster at `cluster_address` when one is given."""
    logger = get_run_logger()
    settings = settings or Settings.from_env()
    if max_file_mb is not None:
        settings = replace(settings, max_file_bytes=int(max_file_mb * 1024 * 1024))
    warehouse = Warehouse(warehouse_dir)
    ledger = RunLedger(new_run_id(), source_dir, warehouse_dir, flow_run.get_id())

    def say_waiting(holder: str) -> None:
        logger.info("Another run (%s) is loading %s: waiting up to %.0f s for it to finish.", holder, warehouse_dir, settings.lock_wait_seconds)

    with warehouse.exclusive(settings.lock_wait_seconds, say_waiting):
        with ledger.timed("discover"):
            if warehouse.upgrade_earlier_format():
                logger.info("Moved the warehouse's Parquet parts into its Delta tables; parquet.upgraded/ can be deleted.")
            warehouse.remove_unfinished_runs()
            known = warehouse.known_state(source_dir)
            found, rejected, deferred = discover_inputs(str(source_dir), settings)
            files, unchanged = split_unchanged(found, known)
            deleted = deleted_files(known, found, rejected, deferred)

        with task_runner_for(runner, cluster_address, workers) as extraction_runner:
            workers = concurrent_batches(extraction_runner, workers)
            _ingest_and_extract(files, known, settings, warehouse, ledger, extraction_runner, workers)

        closing_rows = ledger.close_files(found, rejected, deferred, unchanged, deleted, known)
        ledger.log_files(logger, deleted)
        with ledger.timed("load", add=True):
            stage_rows(warehouse, quote(closing_rows), ledger.run_id)
            commit_run(warehouse, ledger.run_row(), ledger.run_id)
            building = stage_database(warehouse, ledger.run_id)
        with building:  # the new database file, open from staging to publishing
            if building.needs_consolidation:
                with ledger.timed("consolidate"):
                    consolidate_sources(building)
            with ledger.timed("load", add=True):
                ledger.summary.table_rows = publish_database(building)

    publish_run_summary(ledger.summary, closing_rows["quarantine"])
    try:
        publish_analyst_brief(str(warehouse_dir))
    except Exception as error:  # the data is loaded; a brief that fails must not fail the run
        logger.warning("The analyst brief could not be written (%s); `newsfacts report` prints it.", error)
    ledger.log_totals(logger)
    return ledger.summary


# The flow streams: each batch of files is read, its documents written, and its extraction submitted to
# the task runner while the next batch is read. At most `batches_in_flight` batches are held at once, so
# memory stays flat however large the folder. Batches go to tasks as quote(...) or Batch: Prefect would
# otherwise walk every document and fact row looking for futures (~1 s a batch).
def _ingest_and_extract(files, known: KnownState, settings: Settings, warehouse: Warehouse, ledger: RunLedger,
                        extraction_runner: TaskRunner, workers: int) -> None:
    """Read, deduplicate, write and extract the files batch by batch, into the ledger and the warehouse
    (`workers` batches run at once)."""
    batches = batched(files, batch_size_for(len(files), workers, settings))
    # One batch gains nothing from another process, and worker processes cost seconds to start.
    in_process = len(batches) <= 1
    local_processes = workers > 1 and not in_process and runs_local_processes(extraction_runner)
    with ExtractionProcesses(workers, settings.spacy_model) if local_processes else nullcontext() as processes:
        stream = _BatchStream(settings, warehouse, ledger, known)
        for sequence, batch in enumerate(batches):
            documents = stream.ingest(batch)
            if not documents:
                continue
            now = utc_now()
            stream.write({"documents": [DOCUMENTS.row(**doc, ingested_at=now, run_id=ledger.run_id, pipeline_version=PIPELINE_VERSION)
                                        for doc in documents]}, sequence)
            if in_process:
                stream.pending.append((sequence, extract_facts(Batch(documents), settings, ledger.run_id)))
            else:
                parameters = {"batch": Batch(documents), "settings": settings, "run_id": ledger.run_id, "processes": processes}
                stream.pending.append((sequence, extraction_runner.submit(extract_facts, parameters)))
            stream.collect(keep=settings.batches_in_flight)
        stream.collect(keep=0)
        stream.close()


class _BatchStream:
    """The batches of a run in flight: the extractions submitted and not yet written, and the seconds
    spent reading and writing (the rest of the stream's time is extraction)."""

    def __init__(self, settings: Settings, warehouse: Warehouse, ledger: RunLedger, known: KnownState):
        self.settings, self.warehouse, self.ledger, self.known = settings, warehouse, ledger, known
        self.pending: deque = deque()
        self.seen = set(known.doc_ids)  # ids loaded before or earlier in this run: a repeat is a duplicate
        self.seconds = {"ingest": 0.0, "load": 0.0}
        self.started = time.perf_counter()

    def ingest(self, batch) -> list[dict]:
        """The batch's new documents (its outcomes go to the ledger)."""
        start = time.perf_counter()
        ingested = ingest_batch(quote(batch), quote(self.known), self.settings)
        documents, duplicates = deduplicate(ingested.documents, self.seen)
        self.ledger.add_batch(ingested, documents, duplicates)
        self.seconds["ingest"] += time.perf_counter() - start
        return documents

    def write(self, tables: dict[str, list[dict]], sequence: int) -> None:
        start = time.perf_counter()
        stage_rows(self.warehouse, quote(tables), self.ledger.run_id, sequence)
        self.ledger.add_rows(tables)
        self.seconds["load"] += time.perf_counter() - start

    def collect(self, keep: int) -> None:
        """Write the facts of the oldest extractions until at most `keep` are in flight."""
        while len(self.pending) > keep:
            sequence, job = self.pending.popleft()
            facts = job if isinstance(job, ExtractResult) else job.result()
            self.ledger.add_quarantined(facts.quarantined)
            self.write(facts.rows, sequence)

    def close(self) -> None:
        total = time.perf_counter() - self.started
        self.ledger.add_seconds("ingest", self.seconds["ingest"], add=False)
        self.ledger.add_seconds("extract", total - self.seconds["ingest"] - self.seconds["load"], add=False)
        self.ledger.add_seconds("load", self.seconds["load"], add=False)
