"""Plain records passed between ingest steps (picklable, so Dask/Ray runners can ship them)."""

from __future__ import annotations

from dataclasses import dataclass, field

from schemas.values import FileStatus, Reason, Stage


@dataclass(frozen=True)
class InputFile:
    """A file found under the source folder, not yet read."""

    path: str  # absolute path
    rel_path: str  # relative to the source folder: what the warehouse shows
    format: str  # the file's format: 'text', 'html', 'json', 'jsonl', 'xml'
    size_bytes: int
    mtime_ns: int


def file_of(source_path: str) -> str:
    """The input file a document's or a record's source_path names: record N of a multi-record file is
    'file#N', as documents.source_path writes it."""
    return source_path.split("#", 1)[0]


@dataclass(frozen=True)
class Quarantined:
    """An input (a file, one record of a multi-record file, or one fact row) that was not loaded, and why."""

    source_path: str  # as the quarantine table shows it: the file, 'file#N' for a record, 'file [table id]' for a row
    stage: Stage
    reason: Reason
    detail: str  # a sentence for a person
    # What identifies this input's content, so a rerun does not quarantine the same thing twice.
    fingerprint: str = ""
    file: str = ""  # the input file it belongs to (from source_path when not given)

    def __post_init__(self):
        if not self.file:
            object.__setattr__(self, "file", file_of(self.source_path))

    def columns(self) -> dict:
        """Its values for the quarantine table."""
        return {name: value for name, value in vars(self).items() if name != "file"}


@dataclass
class RawRecord:
    """One article as a source gave it, before cleaning and validation."""

    source_path: str  # file path, with '#N' for record N of a multi-record file
    format: str
    body: str
    title: str | None = None
    url: str | None = None
    published: str | None = None  # as the source wrote it
    published_basis: str | None = None  # 'metadata' or 'stated' when `published` is set
    publisher: str | None = None
    fingerprint: str = ""  # content hash of the file it came from


@dataclass
class FileOutcome:
    """What became of one input file: the ledger row the warehouse keeps for it."""

    source_path: str
    content_sha256: str
    size_bytes: int
    format: str
    status: FileStatus = FileStatus.PENDING
    doc_ids: list[str] = field(default_factory=list)
    duplicate_of: list[str] = field(default_factory=list)
    n_records: int = 0
    n_quarantined: int = 0
    mtime_ns: int | None = None
    # How the bytes became text: the encoding, the detector's confidence when it was a guess (None when
    # a BOM or valid UTF-8 decided it), and how many undecodable bytes were replaced.
    encoding: str | None = None
    encoding_confidence: float | None = None
    bytes_replaced: int = 0
