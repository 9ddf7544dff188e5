"""One module per input format; each turns decoded text into RawRecords (or quarantines)."""

from __future__ import annotations

from newsfacts.ingest.formats import html, jsonrec, text, xml
from newsfacts.ingest.models import InputFile, Quarantined, RawRecord

PARSERS = {
    "text": text.parse,
    "html": html.parse,
    "json": jsonrec.parse_json,
    "jsonl": jsonrec.parse_jsonl,
    "xml": xml.parse,
}


def parse_file(source: InputFile, content: str, fingerprint: str) -> tuple[list[RawRecord], list[Quarantined]]:
    records, rejected = PARSERS[source.format](source.rel_path, content)
    for record in records:
        record.fingerprint = fingerprint
    return records, [
        Quarantined(q.source_path, q.stage, q.reason, q.detail, q.fingerprint or fingerprint) for q in rejected
    ]
