"""NITF (IPTC News Industry Text Format), the XML that AP and other agencies syndicate in."""

from __future__ import annotations

from lxml import etree

from newsfacts.ingest.models import Quarantined, RawRecord

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, recover=False, huge_tree=False)


def parse(rel_path: str, content: str) -> tuple[list[RawRecord], list[Quarantined]]:
    try:
        root = etree.fromstring(content.lstrip("\ufeff").encode("utf-8"), _PARSER)
    except (etree.XMLSyntaxError, ValueError) as exc:
        return [], [Quarantined(rel_path, "parse", "malformed_xml", f"{rel_path}: not well-formed XML ({exc}).")]
    if etree.QName(root).localname.lower() != "nitf":
        return [], [Quarantined(rel_path, "parse", "unsupported_type", f"{rel_path}: XML whose root is <{etree.QName(root).localname}>, not NITF; only NITF news XML is read.")]

    def first(xpath: str) -> str | None:
        found = root.xpath(xpath)
        if not found:
            return None
        value = found[0] if isinstance(found[0], str) else " ".join(found[0].itertext())
        return " ".join(value.split()) or None

    paragraphs = [" ".join(" ".join(p.itertext()).split()) for p in root.xpath("//*[local-name()='body.content']//*[local-name()='p']")]
    body = "\n\n".join(p for p in paragraphs if p)
    if not body:
        return [], [Quarantined(rel_path, "parse", "no_article_text", f"{rel_path}: the NITF file has no <p> paragraphs in <body.content>.")]
    published = first("//*[local-name()='date.issue']/@norm") or first("//*[local-name()='pubdata']/@date.publication")
    return [
        RawRecord(
            source_path=rel_path,
            format="nitf",
            body=body,
            title=first("//*[local-name()='hl1']") or first("//*[local-name()='title']"),
            published=published,
            published_basis="metadata" if published else None,
            publisher=first("//*[local-name()='distributor']") or first("//*[local-name()='doc.copyright']/@holder"),
        )
    ], []
