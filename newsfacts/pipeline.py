"""The pipeline's stages as plain functions: each takes and returns plain data, so it can be
tested without Prefect and shipped to a Dask or Ray worker. Prefect tasks (tasks/) wrap them."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from newsfacts.config import Settings
from newsfacts.consolidate.build import consolidate_build, describe
from newsfacts.errors import NewsfactsError
from newsfacts.extraction import ExtractResult, extract_facts, validate_fact_rows  # noqa: F401 (the stages, in one place)
from newsfacts.ingest.discover import FOLDER_UNREADABLE, discover_files
from newsfacts.ingest.documents import build_document, read_file
from newsfacts.ingest.models import FileOutcome, InputFile, Quarantined, RawRecord, file_of
from newsfacts.load import build
from newsfacts.load.warehouse import KnownState, Warehouse
from newsfacts.rules import check_rules
from schemas import split_valid
from schemas.documents import document_schema, raw_record_schema
from schemas.values import FileStatus, Reason, Stage


def new_run_id() -> str:
    return f"{datetime.now(timezone.utc):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}"


def utc_now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Batch:
    """Documents handed to a task that may run in another process (a process pool, Dask, Ray). Prefect
    walks every list and dict a task is given, looking for futures to wait on: about a second for a
    batch of documents. It does not look inside this."""

    __slots__ = ("documents",)

    def __init__(self, documents: list[dict]):
        self.documents = documents


def batched(items: list, size: int) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)]


# An extraction task run in a worker process costs Prefect about 0.1-0.3 s (its context is rebuilt, its
# states and logs go to the API), whatever the batch holds. A big folder is therefore cut into few,
# large batches: a few per worker, so that the workers stay busy to the end and the flow streams.
BATCHES_PER_WORKER = 4
MIN_BATCH_SIZE = 64
# Bounds the slice of the corpus a batch holds (memory stays flat as folders grow).
MAX_BATCH_SIZE = 256


def batch_size_for(n_files: int, workers: int, settings: Settings) -> int:
    """Files per batch for a run over `n_files` with `workers` extraction workers (NEWSFACTS_BATCH_SIZE
    fixes it)."""
    if settings.batch_size:
        return settings.batch_size
    per_worker = -(-n_files // (max(1, workers) * BATCHES_PER_WORKER))
    return max(MIN_BATCH_SIZE, min(MAX_BATCH_SIZE, per_worker))


# ---- discover ---------------------------------------------------------------------------
def discover(source_dir: Path, settings: Settings) -> tuple[list[InputFile], list[Quarantined], list[InputFile]]:
    """(files to read, files quarantined on sight, files deferred because they are still being written)."""
    if not source_dir.is_dir():
        raise NewsfactsError(
            f"The source folder {source_dir} does not exist (or is not a folder). "
            "Pass the folder that holds your articles: `newsfacts run PATH`."
        )
    check_rules()  # a broken rules file stops the run here, before any file is read
    files, rejected = discover_files(source_dir, settings.max_file_bytes)
    cutoff = time.time_ns() - int(settings.settle_seconds * 1e9)
    ready = [f for f in files if f.mtime_ns <= cutoff]
    deferred = [f for f in files if f.mtime_ns > cutoff]
    return ready, rejected, deferred


def split_unchanged(files: list[InputFile], known: KnownState) -> tuple[list[InputFile], list[str]]:
    """(files to read, paths of files loaded before whose size and modification time still match).
    A scheduled run over a large folder reads only what is new or changed."""
    to_read, unchanged = [], []
    for source in files:
        if (source.rel_path, source.size_bytes, source.mtime_ns) in known.file_stats:
            unchanged.append(source.rel_path)
        else:
            to_read.append(source)
    return to_read, unchanged


def deleted_files(known: KnownState, found: list[InputFile], rejected: list[Quarantined], deferred: list[InputFile]) -> list[FileOutcome]:
    """Ledger rows for the files an earlier run loaded from this folder that are no longer in it. A file
    in a folder this run could not list is not known to be gone."""
    present = {f.rel_path for f in [*found, *deferred]} | {q.source_path for q in rejected}
    unlisted = [q.source_path for q in rejected if q.fingerprint == FOLDER_UNREADABLE]
    gone = [path for path in known.present_paths - present
            if not any(folder == "." or path.startswith(folder + "/") for folder in unlisted)]
    return [FileOutcome(path, None, None, None, status=FileStatus.DELETED) for path in sorted(gone)]


# ---- read and build documents ------------------------------------------------------------
@dataclass
class IngestResult:
    documents: list[dict] = field(default_factory=list)
    quarantined: list[Quarantined] = field(default_factory=list)
    outcomes: list[FileOutcome] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)  # files already loaded with this content


def ingest_files(files: list[InputFile], known: KnownState, settings: Settings) -> IngestResult:
    """Read, decode, parse, clean and validate a batch of files into documents."""
    result = IngestResult()
    records: list[RawRecord] = []
    for source in files:
        file_records, rejected, outcome = read_file(source, known.files)
        if outcome is not None and outcome.status == FileStatus.UNCHANGED:
            result.unchanged.append(source.rel_path)
            continue
        records.extend(file_records)
        result.quarantined.extend(rejected)
        if outcome is not None:
            outcome.n_records = len(file_records) + len(rejected)
            outcome.n_quarantined = len(rejected)
            result.outcomes.append(outcome)
        else:  # unreadable: no content to record, the quarantine row says why
            result.outcomes.append(FileOutcome(source.rel_path, "", source.size_bytes, source.format, FileStatus.QUARANTINED, n_quarantined=1))
    valid_records, bad = _validate_raw(records)
    result.quarantined.extend(bad)
    documents, bad = _validate_documents([build_document(r) for r in valid_records], settings)
    result.documents = documents
    result.quarantined.extend(bad)
    return result


def _validate_raw(records: list[RawRecord]) -> tuple[list[RawRecord], list[Quarantined]]:
    if not records:
        return [], []
    frame = pd.DataFrame([{"source_path": r.source_path, "format": r.format, "body": r.body} for r in records])
    valid, rejected = split_valid(frame, raw_record_schema)
    bad = [
        Quarantined(row.source_path, Stage.VALIDATE, row.reason, f"{row.source_path}: {_explain(row.reason, row.detail)}", records[i].fingerprint)
        for i, row in rejected.iterrows()
    ]
    return [records[i] for i in valid.index], bad


def _validate_documents(documents: list[dict], settings: Settings) -> tuple[list[dict], list[Quarantined]]:
    # A record that cleaning left without text has no id or language either: say that, not which columns are null.
    bad = [Quarantined(d["source_path"], Stage.VALIDATE, Reason.EMPTY_TEXT, f"{d['source_path']}: {_EXPLANATIONS['empty_text']}",
                       d["content_sha256"]) for d in documents if not d["text"]]
    documents = [d for d in documents if d["text"]]
    if not documents:
        return [], bad
    frame = pd.DataFrame(documents)
    frame["n_words"] = frame["n_words"].astype(int)
    # Two files of one batch with the same text are deduplicated later, not schema failures.
    schema = document_schema(settings.min_words, settings.languages)
    schema = schema.update_column("doc_id", unique=False)
    valid, rejected = split_valid(frame, schema)
    for i, row in rejected.iterrows():
        doc = documents[i]
        bad.append(Quarantined(doc["source_path"], Stage.VALIDATE, row.reason, f"{doc['source_path']}: {_explain(row.reason, row.detail, doc, settings)}", doc["content_sha256"]))
    return [documents[i] for i in valid.index], bad


_EXPLANATIONS = {
    "language": "the article is in language '{language}', not one of {languages}; newsfacts extracts facts from English for now.",
    "too_short": "the article body has {n_words} words, fewer than the {min_words} an article needs (set NEWSFACTS_MIN_WORDS to change).",
    "empty_text": "no article text was left after removing page furniture.",
    "implausible_date": "its publication date {published_date} is before 1900 or in the future.",
}


def _explain(reason: str, detail: str, doc: dict | None = None, settings: Settings | None = None) -> str:
    template = _EXPLANATIONS.get(reason)
    if template and doc is not None and settings is not None:
        return template.format(**doc, languages=", ".join(settings.languages), min_words=settings.min_words)
    if template and "{" not in template:
        return template
    return f"failed validation: {detail}."


# ---- duplicates ---------------------------------------------------------------------------
def deduplicate(documents: list[dict], seen: set[str]) -> tuple[list[dict], list[dict]]:
    """(new documents, duplicates). A duplicate has the same doc_id as one already loaded or earlier in
    the run; `seen` holds those ids and gains the new ones (a run streams its batches through it)."""
    new, duplicates = [], []
    for doc in sorted(documents, key=lambda d: d["source_path"]):
        if doc["doc_id"] in seen:
            duplicates.append(doc)
        else:
            seen.add(doc["doc_id"])
            new.append(doc)
    return new, duplicates


# ---- extract: newsfacts/extraction.py (worker processes import that module alone) -------------------
# ---- build the database ----------------------------------------------------------------------
def build_database(warehouse: Warehouse, build_id: str, report: Callable[[str], None] | None = None, **where) -> dict[str, int]:
    """The DuckDB file rebuilt from the committed runs, its three steps in a row as the flow runs them
    (newsfacts/load/build.py); returns rows per table. `report` is told what the cross-source step did;
    `where` goes to build.stage (which runs, which file, a full build)."""
    with build.stage(warehouse, build_id, **where) as building:
        message = describe(consolidate_build(building)) if building.needs_consolidation else building.describe()
        counts = build.publish(building)
    if report:
        report(message)
    return counts


# ---- ledger and run summary ---------------------------------------------------------------
def settle_outcomes(outcomes: list[FileOutcome], loaded: list[dict], duplicates: list[dict], quarantined: list[Quarantined]) -> list[FileOutcome]:
    """Decide what became of each file from what became of its records."""
    loaded_by_file: dict[str, list[str]] = {}
    for doc in loaded:
        loaded_by_file.setdefault(file_of(doc["source_path"]), []).append(doc["doc_id"])
    dup_by_file: dict[str, list[str]] = {}
    for doc in duplicates:
        dup_by_file.setdefault(file_of(doc["source_path"]), []).append(doc["doc_id"])
    bad_files = {q.file for q in quarantined if q.stage != Stage.EXTRACT}
    for outcome in outcomes:
        outcome.doc_ids = loaded_by_file.get(outcome.source_path, [])
        outcome.duplicate_of = dup_by_file.get(outcome.source_path, [])
        outcome.n_quarantined = sum(1 for q in quarantined if q.file == outcome.source_path and q.stage != Stage.EXTRACT)
        if outcome.doc_ids:
            outcome.status = FileStatus.PARTIAL if outcome.source_path in bad_files else FileStatus.LOADED
        elif outcome.duplicate_of:
            outcome.status = FileStatus.DUPLICATE
        else:
            outcome.status = FileStatus.QUARANTINED
    return outcomes


@dataclass
class RunSummary:
    run_id: str
    source_dir: str
    warehouse_dir: str
    files_seen: int = 0
    files_loaded: int = 0
    files_duplicate: int = 0
    files_quarantined: int = 0
    files_unchanged: int = 0
    files_deferred: int = 0
    files_deleted: int = 0  # loaded by an earlier run, gone from the folder now (not counted in files_seen)
    documents_loaded: int = 0
    records_quarantined: int = 0
    quarantine_reasons: dict[str, int] = field(default_factory=dict)
    rows_added: dict[str, int] = field(default_factory=dict)
    table_rows: dict[str, int] = field(default_factory=dict)
    stage_seconds: dict[str, float] = field(default_factory=dict)
    flow_run_id: str | None = None

    @property
    def accounted(self) -> bool:
        return self.files_seen == (self.files_loaded + self.files_duplicate + self.files_quarantined
                                   + self.files_unchanged + self.files_deferred)
