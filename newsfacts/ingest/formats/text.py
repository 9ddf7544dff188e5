"""Plain text (and Markdown posts): the body is the file; the headline is found among the first lines.

Blog and static-site posts carry YAML front matter ('---' ... '---') with title and date: read as
metadata. A text body that is really HTML markup goes through the HTML extractor.
"""

from __future__ import annotations

import re
from datetime import date, datetime

import yaml

from newsfacts.ingest.formats.html import extract_main_text
from newsfacts.ingest.models import Quarantined, RawRecord

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)
_HTML_TAG = re.compile(r"<(p|div|span|br|a|h[1-6]|li|article)\b[^>]*>", re.IGNORECASE)
_TITLE_KEYS = ("title", "post_title", "headline", "original_title")
_DATE_KEYS = ("date", "post_date", "published", "published_date", "pubdate")


def parse(rel_path: str, content: str) -> tuple[list[RawRecord], list[Quarantined]]:
    meta, body = split_front_matter(content)
    record = RawRecord(source_path=rel_path, format="text", body=body)
    if meta:
        record.title = _first_value(meta, _TITLE_KEYS)
        record.published = _first_value(meta, _DATE_KEYS)
        record.published_basis = "metadata" if record.published else None
        record.url = _first_value(meta, ("url", "permalink", "canonical_url", "link"))
    if len(_HTML_TAG.findall(body)) >= 3:
        extracted = extract_main_text(body)
        if extracted:
            record.body = extracted
    return [record], []


def split_front_matter(content: str) -> tuple[dict, str]:
    match = _FRONT_MATTER.match(content.lstrip("\ufeff"))
    if not match:
        return {}, content
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return {}, content
    if not isinstance(meta, dict):
        return {}, content
    return meta, content.lstrip("\ufeff")[match.end():]


def _first_value(meta: dict, keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = meta.get(key)
        if isinstance(value, list) and value:
            value = value[0]
        if isinstance(value, (datetime, date)):
            return value.isoformat()
        if isinstance(value, str) and value.strip() and value.strip().lower() not in ("true", "false"):
            return " ".join(value.split())
    return None
