"""The accounts of one run: what became of every input file, the rows each table gained, the seconds
each stage took, and the log lines that say so. The flow hands it what each stage returns; the ledger
does the arithmetic, so the flow reads as the story of the run.

Every input file ends as a document, a duplicate, a quarantine row with a reason, 'unchanged' (already
loaded with the same content) or 'deferred' (still being written): `RunSummary.accounted` checks it.
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from pathlib import Path

from newsfacts import PIPELINE_VERSION
from newsfacts.ingest.models import FileOutcome, InputFile, Quarantined
from newsfacts.load.warehouse import KnownState
from newsfacts.pipeline import IngestResult, RunSummary, settle_outcomes, utc_now
from schemas.tables import QUARANTINE, RUNS, SOURCE_FILES
from schemas.values import LOADED_STATUSES, FileStatus

# A scheduled run over a large folder finds most files unchanged: it names a few and counts the rest.
UNCHANGED_LISTED = 20
# Loaded files are logged this many to a record: one record per file cost the local Prefect server
# more CPU than the extraction can spare on a small machine.
FILES_PER_LOG_RECORD = 100


class RunLedger:
    """Accounts of the run `run_id` from `source_dir` into `warehouse_dir` (small: no texts, no facts)."""

    def __init__(self, run_id: str, source_dir: str, warehouse_dir: str, flow_run_id: str | None = None):
        self.run_id = run_id
        self.summary = RunSummary(run_id, str(source_dir), str(warehouse_dir), flow_run_id=flow_run_id)
        self.started = utc_now()
        self.outcomes: list[FileOutcome] = []
        self.quarantined: list[Quarantined] = []
        self.unchanged: list[str] = []
        self._rejected: list[Quarantined] = []
        self._fresh_quarantine: list[Quarantined] = []

    @contextmanager
    def timed(self, name: str, add: bool = False):
        """Times the block as stage `name` (added to the stage's earlier seconds with `add`)."""
        start = time.perf_counter()
        try:
            yield
        finally:
            self.add_seconds(name, time.perf_counter() - start, add)

    def add_seconds(self, name: str, seconds: float, add: bool = True) -> None:
        earlier = self.summary.stage_seconds.get(name, 0.0) if add else 0.0
        self.summary.stage_seconds[name] = round(earlier + seconds, 3)

    # ---- what the batches leave -------------------------------------------------------------
    def add_batch(self, ingested: IngestResult, documents: list[dict], duplicates: list[dict]) -> None:
        """A batch read: its files' outcomes, its quarantined records, its unchanged files."""
        self.outcomes += settle_outcomes(ingested.outcomes, documents, duplicates, ingested.quarantined)
        self.quarantined += ingested.quarantined
        self.unchanged += ingested.unchanged
        self.summary.documents_loaded += len(documents)

    def add_quarantined(self, quarantined: list[Quarantined]) -> None:
        """Records an extraction quarantined (fact rows that failed their checks, documents it could not read)."""
        self.quarantined += quarantined

    def add_rows(self, tables: dict[str, list[dict]]) -> None:
        for table, rows in tables.items():
            self.summary.rows_added[table] = self.summary.rows_added.get(table, 0) + len(rows)

    # ---- closing entries ----------------------------------------------------------------------
    def close_files(self, found: list[InputFile], rejected: list[Quarantined], deferred: list[InputFile],
                    unchanged: list[str], deleted: list[FileOutcome], known: KnownState) -> dict[str, list[dict]]:
        """Counts every file of the folder and returns the run's closing rows: the quarantine rows an
        earlier run did not already record, and the file ledger (source_files), deletions included."""
        summary, now = self.summary, utc_now()
        self.unchanged = unchanged + self.unchanged
        self._rejected = rejected
        self._fresh_quarantine = [q for q in [*rejected, *self.quarantined] if _key(q) not in known.quarantine_keys]
        new_rejections = [q for q in rejected if _key(q) not in known.quarantine_keys]
        summary.files_seen = len(found) + len(rejected) + len(deferred)
        summary.files_deferred = len(deferred)
        summary.files_unchanged = len(self.unchanged) + len(rejected) - len(new_rejections)
        summary.files_loaded = sum(o.status in LOADED_STATUSES for o in self.outcomes)
        summary.files_duplicate = sum(o.status == FileStatus.DUPLICATE for o in self.outcomes)
        summary.files_quarantined = sum(o.status == FileStatus.QUARANTINED for o in self.outcomes) + len(new_rejections)
        summary.records_quarantined = len(self._fresh_quarantine)
        summary.files_deleted = len(deleted)
        for q in self._fresh_quarantine:
            summary.quarantine_reasons[q.reason] = summary.quarantine_reasons.get(q.reason, 0) + 1
        tables = {
            "quarantine": [QUARANTINE.row(**q.columns(), quarantined_at=now, run_id=self.run_id, pipeline_version=PIPELINE_VERSION)
                           for q in self._fresh_quarantine],
            "source_files": [SOURCE_FILES.row(**vars(o), seen_at=now, run_id=self.run_id) for o in [*self.outcomes, *deleted]],
        }
        self.add_rows(tables)
        return tables

    def run_row(self) -> dict:
        """The run's row in `runs`, whose write commits the run."""
        summary = self.summary
        return RUNS.row(
            run_id=summary.run_id,
            flow_run_id=summary.flow_run_id,
            started_at=self.started,
            finished_at=utc_now(),
            status="completed",
            files_seen=summary.files_seen,
            documents_loaded=summary.documents_loaded,
            files_quarantined=summary.files_quarantined,
            pipeline_version=PIPELINE_VERSION,
            files_loaded=summary.files_loaded,
            files_duplicate=summary.files_duplicate,
            files_unchanged=summary.files_unchanged,
            files_deferred=summary.files_deferred,
            files_deleted=summary.files_deleted,
            records_quarantined=summary.records_quarantined,
            source_dir=str(Path(summary.source_dir).resolve()),
        )

    # ---- log lines --------------------------------------------------------------------------
    def log_files(self, logger, deleted: list[FileOutcome]) -> None:
        """One line for what became of each file (loaded files grouped, unchanged ones counted)."""
        by_file: dict[str, list[Quarantined]] = {}
        for q in self._fresh_quarantine:
            by_file.setdefault(q.file, []).append(q)
        loaded = [f"loaded      {o.source_path} -> document {', '.join(o.doc_ids)}" for o in self.outcomes if o.status in LOADED_STATUSES]
        for start in range(0, len(loaded), FILES_PER_LOG_RECORD):
            logger.info("\n".join(loaded[start : start + FILES_PER_LOG_RECORD]))
        for outcome in self.outcomes:
            if outcome.status == FileStatus.DUPLICATE:
                logger.info("duplicate   %s (same text as document %s)", outcome.source_path, ", ".join(outcome.duplicate_of))
            for q in by_file.get(outcome.source_path, []):
                logger.warning("quarantined %s: %s (%s)", q.source_path, q.reason, q.detail)
        for q in self._rejected:
            if q in self._fresh_quarantine:
                logger.warning("quarantined %s: %s (%s)", q.source_path, q.reason, q.detail)
        for path in self.unchanged[:UNCHANGED_LISTED]:
            logger.info("unchanged   %s (already loaded)", path)
        if len(self.unchanged) > UNCHANGED_LISTED:
            logger.info("unchanged   %d more files (already loaded)", len(self.unchanged) - UNCHANGED_LISTED)
        for gone in deleted:
            logger.warning("deleted     %s (gone from the folder; its documents stay, marked source_deleted)", gone.source_path)

    def log_totals(self, logger) -> None:
        summary = self.summary
        if not summary.accounted:
            logger.warning("File accounting does not add up: %s", summary)
        logger.info(
            "Files seen %d = loaded %d + duplicates %d + quarantined %d + unchanged %d + deferred %d; %d documents loaded.",
            summary.files_seen, summary.files_loaded, summary.files_duplicate, summary.files_quarantined,
            summary.files_unchanged, summary.files_deferred, summary.documents_loaded,
        )


def _key(q: Quarantined) -> tuple[str, str, str]:
    return (q.source_path, q.reason, q.fingerprint)
