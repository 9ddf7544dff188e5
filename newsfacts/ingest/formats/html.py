"""HTML pages: trafilatura finds the main text and the page's metadata (title, date, site name)."""

from __future__ import annotations

import logging

import trafilatura

# trafilatura logs a warning for every page it finds nothing in; the quarantine row already says so.
logging.getLogger("trafilatura").setLevel(logging.ERROR)

from newsfacts.ingest.models import Quarantined, RawRecord


def _extract(content: str, *, with_metadata: bool):
    return trafilatura.bare_extraction(
        content,
        with_metadata=with_metadata,
        include_comments=False,
        include_tables=False,
        include_images=False,
        deduplicate=True,
    )


def extract_main_text(content: str) -> str | None:
    """Main text of an HTML page or fragment, or None."""
    try:
        extracted = _extract(content, with_metadata=False)
    except Exception:  # trafilatura raises a variety of parser errors on broken markup
        return None
    return getattr(extracted, "text", None) if extracted is not None else None


def parse(rel_path: str, content: str) -> tuple[list[RawRecord], list[Quarantined]]:
    try:
        extracted = _extract(content, with_metadata=True)
    except Exception as exc:  # trafilatura raises a variety of parser errors on broken markup
        return [], [Quarantined(rel_path, "parse", "malformed_html", f"{rel_path}: the HTML could not be parsed ({exc}).")]
    body = getattr(extracted, "text", None) if extracted is not None else None
    if not body or not body.strip():
        return [], [Quarantined(rel_path, "parse", "no_article_text", f"{rel_path}: no article text found in the HTML page.")]
    date = getattr(extracted, "date", None)
    return [
        RawRecord(
            source_path=rel_path,
            format="html",
            body=body,
            title=getattr(extracted, "title", None),
            url=getattr(extracted, "url", None),
            published=date,
            published_basis="metadata" if date else None,
            publisher=getattr(extracted, "sitename", None),
        )
    ], []
