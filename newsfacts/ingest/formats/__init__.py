"""One module per input format; each turns decoded text into RawRecords (or quarantines)."""

from __future__ import annotations

import logging
import re

from newsfacts.ingest.formats import html, jsonrec, text, xml
from newsfacts.ingest.models import InputFile, Quarantined, RawRecord
from schemas.values import Reason, Stage

logger = logging.getLogger(__name__)

PARSERS = {
    "text": text.parse,
    "html": html.parse,
    "json": jsonrec.parse_json,
    "jsonl": jsonrec.parse_jsonl,
    "xml": xml.parse,
}
# A lone surrogate ('\ud800' written as a JSON or YAML escape) is not text: Parquet refuses to store it.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_TEXT_FIELDS = ("body", "title", "url", "published", "publisher")


def parse_file(source: InputFile, content: str, fingerprint: str) -> tuple[list[RawRecord], list[Quarantined]]:
    """The file's records and quarantined parts. A parser that fails on input nobody foresaw quarantines
    the file instead of stopping the run; the traceback goes to the log for whoever fixes the parser."""
    try:
        records, rejected = PARSERS[source.format](source.rel_path, content)
    except Exception as exc:
        logger.warning("%s: the %s reader failed (%s: %s); the file is quarantined.", source.rel_path, source.format, type(exc).__name__, exc)
        logger.debug("Traceback of the %s reader on %s", source.format, source.rel_path, exc_info=True)
        detail = (f"{source.rel_path}: the {source.format} reader failed on this file ({type(exc).__name__}), so it was not "
                  "loaded; check that the file is what its extension says, and report it if it is.")
        return [], [Quarantined(source.rel_path, Stage.PARSE, Reason.UNPARSEABLE, detail, fingerprint)]
    if not records and not rejected:  # a file that vanished without a word would look loaded to nobody
        detail = f"{source.rel_path}: the {source.format} reader found no article records in the file; nothing was loaded."
        rejected = [Quarantined(source.rel_path, Stage.PARSE, Reason.NO_RECORDS, detail)]
    for record in records:
        record.fingerprint = fingerprint
        for name in _TEXT_FIELDS:
            value = getattr(record, name)
            if isinstance(value, str):
                setattr(record, name, _LONE_SURROGATE.sub("\ufffd", value))
    return records, [
        Quarantined(q.source_path, q.stage, q.reason, q.detail, q.fingerprint or fingerprint, q.file) for q in rejected
    ]
