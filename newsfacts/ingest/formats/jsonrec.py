"""JSON and JSON Lines records: `text` (or `body`/`content`), optional title, url, published, publisher.

IPTC's ninjs (1.x: `body_text`/`body_html`/`body_xhtml`, `headline`, `versioncreated`; 2.x: `bodies`,
`headlines`, `firstcreated`) is recognised by its fields and read as what it is.
"""

from __future__ import annotations

import json
from typing import Any

import lxml.html

from newsfacts.ingest.models import Quarantined, RawRecord
from schemas.values import Reason, Stage

TEXT_FIELDS = ("text", "body", "content", "article", "articleBody")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link", "canonical_link", "canonical_url")
DATE_FIELDS = ("published", "published_date", "publishedAt", "published_at", "publish_date", "date_published",
               "datePublished", "pubDate", "pub_date", "date", "firstcreated", "versioncreated")
PUBLISHER_FIELDS = ("publisher", "source", "outlet", "site_name", "sitename", "meta_site_name", "source_name")


def parse_json(rel_path: str, content: str) -> tuple[list[RawRecord], list[Quarantined]]:
    data, problem = _load(content)
    if problem:
        return [], [Quarantined(rel_path, Stage.PARSE, problem[0], f"{rel_path}: {problem[1]}.")]
    if data == []:
        return [], [Quarantined(rel_path, Stage.PARSE, Reason.NO_RECORDS, f"{rel_path}: the JSON is an empty list, with no article records in it.")]
    if isinstance(data, list):
        return _records(rel_path, list(enumerate(data, start=1)), multi=True)
    return _records(rel_path, [(1, data)], multi=False)


def parse_jsonl(rel_path: str, content: str) -> tuple[list[RawRecord], list[Quarantined]]:
    items: list[tuple[int, Any]] = []
    rejected: list[Quarantined] = []
    for line_no, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        item, problem = _load(line)
        if problem:
            detail = f"{rel_path}, line {line_no}: {problem[1]}; the file's other lines were read."
            rejected.append(Quarantined(f"{rel_path}#{line_no}", Stage.PARSE, problem[0], detail))
        else:
            items.append((line_no, item))
    records, bad = _records(rel_path, items, multi=True)
    return records, rejected + bad


def _load(text: str) -> tuple[Any, tuple[str, str] | None]:
    """(the parsed value, None) or (None, (reason, what is wrong with the text))."""
    try:
        return json.loads(text), None
    except json.JSONDecodeError as exc:
        where = f" at line {exc.lineno}, column {exc.colno}" if "\n" in text else f", column {exc.colno}"
        return None, (Reason.MALFORMED_JSON, f"not valid JSON ({exc.msg}{where})")
    except RecursionError:
        # Python's JSON reader recurses once per level; no article record nests anywhere near that deep.
        return None, (Reason.TOO_DEEP, "the JSON nests arrays or objects over a thousand levels deep, "
                                  "which is not an article record; export the articles as flat objects")
    except ValueError:  # Python reads integers of at most 4,300 digits
        return None, (Reason.MALFORMED_JSON, "the JSON holds a number thousands of digits long, which is not "
                                        "article data; check how the file was exported")


def _records(rel_path: str, items: list[tuple[int, Any]], *, multi: bool) -> tuple[list[RawRecord], list[Quarantined]]:
    records: list[RawRecord] = []
    rejected: list[Quarantined] = []
    for number, item in items:
        path = f"{rel_path}#{number}" if multi else rel_path
        where = f"{rel_path}, record {number}" if multi else rel_path
        if not isinstance(item, dict):
            rejected.append(Quarantined(path, Stage.PARSE, Reason.NOT_A_RECORD, f"{where}: expected a JSON object, found {type(item).__name__}."))
            continue
        if _is_ninjs(item):
            record = _ninjs_record(path, item)
            if record is not None:
                records.append(record)
                continue
        body = _first_text(item, TEXT_FIELDS)
        if body is None:
            rejected.append(Quarantined(path, Stage.PARSE, Reason.MISSING_TEXT, f"{where}: no text field ({', '.join(TEXT_FIELDS)}) with article text."))
            continue
        published = _first_text(item, DATE_FIELDS)
        records.append(
            RawRecord(
                source_path=path,
                format="json",
                body=body,
                title=_first_text(item, TITLE_FIELDS),
                url=_first_text(item, URL_FIELDS),
                published=published,
                published_basis="metadata" if published else None,
                publisher=_first_text(item, PUBLISHER_FIELDS),
            )
        )
    return records, rejected


def _first_text(item: dict, fields: tuple[str, ...]) -> str | None:
    for name in fields:
        value = item.get(name)
        if isinstance(value, dict):  # {"source": {"title": "Daily Mail", "url": ...}}
            value = value.get("title") or value.get("name")
        if isinstance(value, str) and value.strip():
            return value
    return None


NINJS_BODY_FIELDS = ("body_text", "body_xhtml", "body_html", "bodies")


def _is_ninjs(item: dict) -> bool:
    return any(name in item for name in NINJS_BODY_FIELDS) and any(
        name in item for name in ("uri", "versioncreated", "firstcreated", "headline", "headlines"))


def _ninjs_record(path: str, item: dict) -> RawRecord | None:
    body = _first_text(item, ("body_text",))
    if body is None:
        markup = _first_text(item, ("body_xhtml", "body_html"))
        body = _markup_text(markup) if markup else None
    if body is None and isinstance(item.get("bodies"), list):
        # ninjs 2: a list of renditions; plain text first, then markup.
        bodies = [b for b in item["bodies"] if isinstance(b, dict) and isinstance(b.get("value"), str)]
        plain = [b["value"] for b in bodies if "html" not in str(b.get("contenttype", ""))]
        body = plain[0] if plain else (_markup_text(bodies[0]["value"]) if bodies else None)
    if not body or not body.strip():
        return None
    title = _first_text(item, ("headline",))
    if title is None and isinstance(item.get("headlines"), list):
        title = next((h.get("value") for h in item["headlines"] if isinstance(h, dict) and isinstance(h.get("value"), str)), None)
    published = _first_text(item, ("firstcreated", "versioncreated"))
    return RawRecord(
        source_path=path,
        format="ninjs",
        body=body,
        title=title,
        url=_first_text(item, ("uri",)) if str(item.get("uri", "")).startswith("http") else None,
        published=published,
        published_basis="metadata" if published else None,
        publisher=_first_text(item, ("copyrightholder", "provider")),
    )


def _markup_text(markup: str) -> str | None:
    """Paragraph text of an HTML fragment, one blank line between paragraphs."""
    try:
        fragment = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return None
    blocks = fragment.xpath(".//p|.//h2|.//h3|.//li") or [fragment]
    text = "\n\n".join(" ".join(b.text_content().split()) for b in blocks)
    return text.strip() or None
