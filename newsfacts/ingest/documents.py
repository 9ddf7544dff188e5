"""Raw records to documents: cleaned text, stable id, headline, outlet, date and language."""

from __future__ import annotations

import hashlib
import html
import logging
import re
import unicodedata
from pathlib import Path

import py3langid

from newsfacts.consolidate.near_duplicates import minhash_signature
from newsfacts.ingest.clean import HEADLINE_MAX_CHARS, clean_article, find_outlet
from newsfacts.ingest.decode import DecodeFailure, decode_bytes
from newsfacts.ingest.formats import parse_file
from newsfacts.ingest.models import FileOutcome, InputFile, Quarantined, RawRecord
from newsfacts.ingest.published import date_in_url, parse_published
from schemas.values import FileStatus, Reason, Stage

logger = logging.getLogger(__name__)

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def content_sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def document_id(text: str) -> str:
    """Same article text, same id, whatever the file is called or however it was spaced or cased."""
    key = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


# The identifier's cost grows with the text, its certainty does not past a few hundred characters.
_LANGUAGE_SAMPLE_CHARS = 1500


def detect_language(text: str) -> str:
    language, _score = py3langid.classify(text[:_LANGUAGE_SAMPLE_CHARS])
    return language


def read_file(source: InputFile, known_files: frozenset | set = frozenset()) -> tuple[list[RawRecord], list[Quarantined], FileOutcome | None]:
    """Read, decode and parse one file. Never raises for bad input: it quarantines. A file whose
    (path, content hash) is in `known_files` is not decoded: its outcome says 'unchanged'."""
    try:
        data = Path(source.path).read_bytes()
    except OSError as exc:
        detail = f"Cannot read {source.rel_path}: {exc.strerror or exc}. Check its permissions."
        return [], [Quarantined(source.rel_path, Stage.READ, Reason.UNREADABLE, detail, f"stat:{source.size_bytes}:{source.mtime_ns}")], None
    fingerprint = content_sha256(data)
    outcome = FileOutcome(source.rel_path, fingerprint, len(data), source.format, mtime_ns=source.mtime_ns)
    if (source.rel_path, fingerprint) in known_files:
        outcome.status = FileStatus.UNCHANGED
        return [], [], outcome
    try:
        decoded = decode_bytes(data)
    except DecodeFailure as failure:
        return [], [Quarantined(source.rel_path, Stage.DECODE, failure.reason, f"{source.rel_path}: {failure.detail}.", fingerprint)], outcome
    outcome.encoding, outcome.encoding_confidence, outcome.bytes_replaced = decoded.encoding, decoded.confidence, decoded.bytes_replaced
    if decoded.bytes_replaced:
        logger.warning("%s: %d byte(s) that are not %s were replaced by U+FFFD; the rest of the text is read as it is.",
                       source.rel_path, decoded.bytes_replaced, decoded.encoding)
    records, rejected = parse_file(source, decoded.text, fingerprint)
    return records, rejected, outcome


def build_document(record: RawRecord) -> dict:
    """A document row (contract columns plus a few for provenance); validation happens after."""
    cleaned = clean_article(record.body, title=_clean_title(record.title), publisher=_publisher(record.publisher))
    published = parse_published(record.published)
    basis = record.published_basis if published else None
    if published is None:
        published = parse_published(date_in_url(record.url))
        basis = "metadata" if published else None
    if published is None and cleaned.stated_date:
        published, basis = parse_published(cleaned.stated_date), "stated"
    # The headline is the text's first paragraph: its figures and quotes are the article's too (the
    # annotation guide counts them), and their evidence needs offsets like any other.
    text = f"{cleaned.title}\n\n{cleaned.text}" if cleaned.title and cleaned.text else cleaned.text
    return {
        "doc_id": document_id(text) if text else None,
        "source_path": record.source_path,
        "title": cleaned.title,
        "publisher": cleaned.publisher,
        "published_date": published,
        "published_date_basis": basis or "unknown",
        "language": detect_language(text) if text else None,
        "text": text,
        "n_words": count_words(text),
        "url": record.url,
        "source_format": record.format,
        "content_sha256": record.fingerprint,
        "minhash": minhash_signature(text) if text else None,
    }


# A publisher is a name: a longer one is another field misfiled (a byline block), for which the documents
# schema would refuse the whole article. (A title over HEADLINE_MAX_CHARS is a paragraph, likewise.)
_MAX_PUBLISHER_CHARS = 200


def _clean_title(title: str | None) -> str | None:
    """One line, HTML entities decoded ('&#8211;' -> '–'), and no identifier in place of a headline
    (a one-word code with digits or in capitals, a short site name), nor a paragraph."""
    if not title or not title.strip():
        return None
    title = " ".join(html.unescape(title).split())
    if len(title.split()) == 1 and (any(ch.isdigit() for ch in title) or title.isupper() or len(title) < 4):
        return None
    return title if len(title) <= HEADLINE_MAX_CHARS else None


def _publisher(name: str | None) -> str | None:
    if not name or not name.strip():
        return None
    name = find_outlet(name) or " ".join(name.split())
    return name if len(name) <= _MAX_PUBLISHER_CHARS else None
