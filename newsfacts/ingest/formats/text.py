"""Plain text (and Markdown posts): the body is the file; the headline is found among the first lines.

Blog and static-site posts carry YAML front matter ('---' ... '---') with title and date: read as
metadata. A text body that is really HTML markup goes through the HTML extractor.

IPTC 7901 wire copy (the agencies' teletype format: SOH, a header line, a keyword line, STX, the text, ETX and
a "DDHHMM GMT Mon YY" time line) is read by its control characters: the header, keyword and instruction
lines ("1ST LEAD", "URGENT") are not the headline, the byline is not the body, and the trailer dates it.
"""

from __future__ import annotations

import re

import dateparser
import yaml

from newsfacts.ingest.clean import find_outlet
from newsfacts.ingest.formats.html import extract_main_text
from newsfacts.ingest.models import Quarantined, RawRecord

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)
_HTML_TAG = re.compile(r"<(p|div|span|br|a|h[1-6]|li|article)\b[^>]*>", re.IGNORECASE)
_TITLE_KEYS = ("title", "post_title", "headline", "original_title")
_DATE_KEYS = ("date", "post_date", "published", "published_date", "pubdate")


def parse(rel_path: str, content: str) -> tuple[list[RawRecord], list[Quarantined]]:
    wire = read_iptc7901(rel_path, content)
    if wire is not None:
        return [wire], []
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


class _FrontMatterLoader(yaml.SafeLoader):
    """YAML's safe loader with dates kept as written: an impossible one ('2025-02-30') then reaches the
    date parser, which leaves it out, instead of failing the loader and losing the title with it."""


_FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_scalar)


def split_front_matter(content: str) -> tuple[dict, str]:
    match = _FRONT_MATTER.match(content.lstrip("\ufeff"))
    if not match:
        return {}, content
    try:
        meta = yaml.load(match.group(1), Loader=_FrontMatterLoader)  # noqa: S506 (a safe loader)
    except (yaml.YAMLError, ValueError, OverflowError, TypeError, RecursionError):
        # Not front matter after all (or values YAML cannot build): the whole file is the body.
        return {}, content
    if not isinstance(meta, dict):
        return {}, content
    return meta, content.lstrip("\ufeff")[match.end():]


def _first_value(meta: dict, keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = meta.get(key)
        if isinstance(value, list) and value:
            value = value[0]
        if isinstance(value, str) and value.strip() and value.strip().lower() not in ("true", "false"):
            return " ".join(value.split())
    return None


_SOH, _STX, _ETX = "\x01", "\x02", "\x03"
# The 7901 trailer: day of month, hour, minute, "GMT", month (in the agency's language) and two-digit year.
_WIRE_TIME = re.compile(r"^\s*(\d{2})(\d{2})(\d{2})\s+GMT\s+(\w+)\.?\s+(\d{2,4})\b", re.MULTILINE)
# An instruction line above the headline: all capitals and digits, short ("1ST LEAD", "URGENT", "EILT").
_INSTRUCTION = re.compile(r"^[A-Z0-9 .,:/-]{2,30}$")


def read_iptc7901(rel_path: str, content: str) -> RawRecord | None:
    """An IPTC 7901 message as a record, or None when the text is not one."""
    start, end = content.find(_STX), content.find(_ETX)
    if _SOH not in content[:200] or start < 0:
        return None
    text = content[start + 1:end if end > start else len(content)].replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    # The heading block runs to the first blank line: instructions, the headline, the byline ("By X, dpa =").
    heading: list[str] = []
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and lines[0].strip():
        heading.append(lines.pop(0).strip())
    byline = [h for h in heading if h.endswith("=") or h.lower().startswith("by ")]
    title_lines = [h for h in heading if h not in byline and not _INSTRUCTION.match(h)]
    body = "\n".join(lines).strip().rstrip("\x7f\x04").strip()
    if not body:
        body, title_lines = "\n".join(heading), []
    published = None
    trailer = _WIRE_TIME.search(content[end + 1:] if end > start else "")
    if trailer:
        day, _hour, _minute, month, year = trailer.groups()
        year = year if len(year) == 4 else f"20{year}"
        parsed = dateparser.parse(f"{int(day)} {month} {year}", settings={"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first"})
        published = parsed.date().isoformat() if parsed else None
    header = content[content.find(_SOH) + 1:start].splitlines()[0]
    return RawRecord(
        source_path=rel_path,
        format="iptc7901",
        body=body,
        title=" ".join(title_lines) or None,
        published=published,
        published_basis="metadata" if published else None,
        publisher=next(filter(None, map(find_outlet, header.split())), None),
    )
