"""News XML: NITF, IPTC NewsML 1.2 (NITF bodies inside NewsItems) and IPTC NewsML-G2 (newsMessage/newsItem).

Every XML file goes through one safe parser (no DTDs, no entities, no network: billion-laughs and XXE
files fail as malformed instead of expanding), then the root element says which format it is.
"""

from __future__ import annotations

import re

from lxml import etree

from newsfacts.ingest.models import Quarantined, RawRecord
from schemas.values import Reason, Stage

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, recover=False, huge_tree=False)
# A DOCTYPE may declare parameter entities that point at DTD files the agency never ships ('%nitf;'):
# the document is read without it, as it is without its DTD.
_DOCTYPE = re.compile(r"<!DOCTYPE\s[^\[>]*(?:\[.*?\]\s*)?>", re.DOTALL)


def parse(rel_path: str, content: str) -> tuple[list[RawRecord], list[Quarantined]]:
    try:
        root = etree.fromstring(_DOCTYPE.sub("", content.lstrip("\ufeff"), count=1).encode("utf-8"), _PARSER)
    except (etree.XMLSyntaxError, ValueError) as exc:
        return [], [Quarantined(rel_path, Stage.PARSE, Reason.MALFORMED_XML, f"{rel_path}: not well-formed XML ({exc}).")]
    kind = etree.QName(root).localname
    reader = _READERS.get(kind.lower())
    if reader is None:
        return [], [Quarantined(rel_path, Stage.PARSE, Reason.UNSUPPORTED_TYPE,
                                f"{rel_path}: XML whose root is <{kind}>; only NITF, NewsML 1.2 and NewsML-G2 news XML are read.")]
    return reader(rel_path, root)


def _local(element, *names: str) -> list:
    """Descendants of `element` with one of these local names, in document order, whatever their namespace."""
    wanted = set(names)
    return [e for e in element.iter() if isinstance(e.tag, str) and etree.QName(e).localname in wanted]


def _text(element) -> str | None:
    if element is None:
        return None
    value = " ".join(" ".join(element.itertext()).split())
    return value or None


def _first_text(element, *names: str) -> str | None:
    for found in _local(element, *names):
        value = _text(found)
        if value:
            return value
    return None


def _first_attribute(element, name: str, attribute: str) -> str | None:
    for found in _local(element, name):
        value = (found.get(attribute) or "").strip()
        if value and not value.startswith("YYYY"):
            return value
    return None


def _paragraphs(container) -> str:
    """Paragraphs of a body (NITF <body.content>, XHTML <body>), one blank line apart."""
    paragraphs = [_text(p) for p in _local(container, "p", "hl2") if etree.QName(p).localname == "p"]
    return "\n\n".join(p for p in paragraphs if p)


def _no_text(rel_path: str, what: str) -> tuple[list, list[Quarantined]]:
    return [], [Quarantined(rel_path, Stage.PARSE, Reason.NO_ARTICLE_TEXT, f"{rel_path}: the {what} file has no article paragraphs.")]


# --- NITF --------------------------------------------------------------------------------------------

def _nitf_record(rel_path: str, nitf, fmt: str) -> RawRecord | None:
    bodies = _local(nitf, "body.content")
    body = "\n\n".join(text for text in (_paragraphs(b) for b in bodies) if text)
    if not body:
        return None
    published = (_first_attribute(nitf, "date.issue", "norm") or _first_attribute(nitf, "story.date", "norm")
                 or _first_attribute(nitf, "pubdata", "date.publication"))
    return RawRecord(
        source_path=rel_path,
        format=fmt,
        body=body,
        title=_first_text(nitf, "hl1") or _first_text(nitf, "title"),
        published=published,
        published_basis="metadata" if published else None,
        publisher=_first_text(nitf, "distributor") or _first_attribute(nitf, "doc.copyright", "holder"),
    )


def _read_nitf(rel_path: str, root) -> tuple[list[RawRecord], list[Quarantined]]:
    record = _nitf_record(rel_path, root, "nitf")
    return ([record], []) if record else _no_text(rel_path, "NITF")


# --- NewsML 1.2 ----------------------------------------------------------------------------------------

def _read_newsml1(rel_path: str, root) -> tuple[list[RawRecord], list[Quarantined]]:
    """NewsML 1.x: a NewsEnvelope and NewsItems whose ContentItems carry NITF (or plain text) bodies."""
    items = _local(root, "NewsItem")
    records: list[RawRecord] = []
    for number, item in enumerate(items, start=1):
        path = f"{rel_path}#{number}" if len(items) > 1 else rel_path
        nitfs = _local(item, "nitf")
        record = _nitf_record(path, nitfs[0], "newsml") if nitfs else None
        if record is None:
            text = "\n\n".join(t for t in (_text(d) for d in _local(item, "DataContent")) if t)
            if not text:
                continue
            record = RawRecord(source_path=path, format="newsml", body=text)
        # The NewsItem's own lines and management dates describe the story; the envelope is the transmission.
        record.title = _first_text(item, "HeadLine") or record.title
        published = (_first_text(item, "FirstCreated") or _first_text(item, "ThisRevisionCreated")
                     or _first_text(root, "DateAndTime") or record.published)
        record.published, record.published_basis = published, "metadata" if published else None
        provider = next((p.get("FormalName") for p in _local(item, "Provider") for p in _local(p, "Party") if p.get("FormalName")), None)
        record.publisher = record.publisher or _first_text(item, "CreditLine") or provider
        records.append(record)
    return (records, []) if records else _no_text(rel_path, "NewsML")


# --- NewsML-G2 -----------------------------------------------------------------------------------------

def _read_newsml_g2(rel_path: str, root) -> tuple[list[RawRecord], list[Quarantined]]:
    """NewsML-G2: text newsItems (inlineXML XHTML or inlineData text); packages and media items are skipped."""
    items = _local(root, "newsItem") or ([root] if etree.QName(root).localname == "newsItem" else [])
    texts = [(item, body) for item in items if (body := _g2_body(item))]
    records = []
    for number, (item, body) in enumerate(texts, start=1):
        published = _first_text(item, "firstCreated") or _first_text(item, "versionCreated") or _first_text(root, "sent")
        records.append(RawRecord(
            source_path=f"{rel_path}#{number}" if len(texts) > 1 else rel_path,
            format="newsml-g2",
            body=body,
            title=_first_text(item, "headline"),
            published=published,
            published_basis="metadata" if published else None,
            publisher=_first_attribute(item, "provider", "literal") or _first_attribute(item, "copyrightHolder", "literal"),
        ))
    return (records, []) if records else _no_text(rel_path, "NewsML-G2")


def _g2_body(item) -> str | None:
    parts = []
    for content in _local(item, "inlineXML"):
        parts.append(_paragraphs(content) or _text(content) or "")
    for content in _local(item, "inlineData"):
        parts.append((content.text or "").strip())
    body = "\n\n".join(p for p in parts if p)
    return body or None


_READERS = {
    "nitf": _read_nitf,
    "newsml": _read_newsml1,
    "newsmessage": _read_newsml_g2,
    "newsitem": _read_newsml_g2,
}
