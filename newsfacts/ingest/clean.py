"""Separate the article from its page: furniture, captions, bylines, repeated headlines.

General rules over lines (patterns in newsfacts/rules/boilerplate.toml), never strings from one site.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from newsfacts.ingest.published import dateline_date
from newsfacts.rules import compiled_patterns, outlet_aliases

# A body paragraph: long enough and ending like a sentence (or a quotation).
_BODY_MIN_WORDS = 12
_SENTENCE_END = re.compile(r"[.!?:;…]['\"’”)\]]*\s*$")
# A headline candidate: several words, not ending in a full stop, and one line's worth (a longer line is
# a paragraph that lacks its full stop).
_HEADLINE_MIN_WORDS = 4
HEADLINE_MAX_CHARS = 300
# Header lines shorter than this (section names, tags, bylines, outlet names) are page furniture.
_HEADER_KEEP_MIN_WORDS = 5
_DATE_LINE = re.compile(
    r"^\s*(?:(?:date|dated|published|posted|updated)\s*:?\s*)?(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?\S*)?\s*[-–—:|]?\s*",
    re.IGNORECASE,
)
_DATELINE_CREDIT = re.compile(r"^[A-Z][A-Za-z .,'-]{1,60}\(([A-Za-z .-]{2,40})\)\s*[-–—]")


@dataclass
class CleanArticle:
    title: str | None
    text: str  # paragraphs joined by blank lines
    stated_date: str | None = None  # from a leading date line or the opening dateline, as written
    publisher: str | None = None


def normalise_whitespace(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    return "\n".join(re.sub(r"[ \t\f\v]+", " ", line).strip() for line in text.split("\n"))


# A sentence glued to the next where a page's paragraph tags were dropped without a space: 'in Kabul.On
# Sunday' ('U.S.', 'Ph.D' and 'St.Louis' have no two small letters before the dot).
_RUN_ON_SENTENCE = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])|(?<=[a-z]{2}[.!?]”)(?=[A-Z])")


_GLUED = re.compile(r"[.!?]”?[A-Z]")  # the quick test: most paragraphs have no glued sentence at all


def _separate_run_on_sentences(paragraph: str) -> str:
    return _RUN_ON_SENTENCE.sub(" ", paragraph) if _GLUED.search(paragraph) else paragraph


def split_paragraphs(text: str) -> list[str]:
    """One paragraph per line, except blocks that look hard-wrapped, which are joined."""
    paragraphs: list[str] = []
    blocks = re.split(r"\n\s*\n", text)
    wrapped_document = _looks_wrapped_at_a_fixed_width(text, len(blocks))
    for block in blocks:
        lines = [line for line in block.split("\n") if line]
        if len(lines) >= 2 and wrapped_document and not any(_LIST_ITEM.match(line) for line in lines):
            paragraphs.append(" ".join(lines))
        elif len(lines) >= 3 and _looks_hard_wrapped(lines):
            paragraphs.append(" ".join(lines))
        else:
            paragraphs.extend(lines)
    return paragraphs


_LIST_ITEM = re.compile(r"^\s*([-*•#]|\d+[.)])\s")


def _looks_wrapped_at_a_fixed_width(text: str, n_blocks: int) -> bool:
    """Wire copy and plain-text mail wrap every paragraph at a fixed width (about 60-80 characters) and
    separate paragraphs by blank lines: most lines then end near one width and none is much longer."""
    lengths = [len(line) for line in text.split("\n") if line.strip()]
    if len(lengths) < 8 or n_blocks < 3 or max(lengths) > 100:
        return False
    near_width = sum(1 for n in lengths if n >= 0.75 * max(lengths))
    return near_width >= 0.5 * len(lengths) and len(lengths) >= 1.5 * n_blocks


def _looks_hard_wrapped(lines: list[str]) -> bool:
    inner = lines[:-1]
    wrapped = [line for line in inner if len(line) >= 50 and not _SENTENCE_END.search(line)]
    return len(wrapped) >= 0.8 * len(inner)


def _matches(line: str, key: str) -> bool:
    return any(p.search(line) for p in compiled_patterns("boilerplate", key))


def is_furniture(line: str) -> bool:
    return (_matches(line, "drop_line") or _matches(line, "photo_credit") or _matches(line, "caption_credit")
            or _copyright_notice_at(line) == 0)


def _copyright_notice_at(line: str) -> int | None:
    """Where a closing copyright notice ('© 2024 An Agency. All rights reserved.') starts in the line."""
    starts = [m.start() for p in compiled_patterns("boilerplate", "copyright_notice") if (m := p.search(line))]
    return min(starts, default=None)


def without_copyright_tail(paragraph: str) -> str:
    """A body paragraph without the copyright notice it ends with; any other line as it is (a caption
    with a credit stays whole, and goes as furniture)."""
    start = _copyright_notice_at(paragraph)
    if not start:  # no notice, or a line that is all notice (furniture)
        return paragraph
    kept = paragraph[:start].rstrip()
    return kept if is_body_paragraph(kept) else paragraph


def is_body_paragraph(line: str) -> bool:
    return len(line.split()) >= _BODY_MIN_WORDS and bool(_SENTENCE_END.search(line))


def find_outlet(line: str) -> str | None:
    return outlet_aliases().get(line.strip().strip(".|-–— ").lower())


def strip_title_suffix(title: str, publisher: str | None) -> str:
    """'Five killed in ... - Daily Mail' -> 'Five killed in ...' when the suffix names an outlet."""
    match = re.match(r"^(.*\S)\s+[-–—|]\s+([^-–—|]{2,40})$", title)
    if match and (find_outlet(match.group(2)) or (publisher and match.group(2).strip().lower() == publisher.lower())):
        return match.group(1)
    return title


def clean_article(raw_text: str, title: str | None = None, publisher: str | None = None) -> CleanArticle:
    """Cleaned body, headline (found in the text when not given), stated date and outlet hints."""
    paragraphs = [_separate_run_on_sentences(without_copyright_tail(p)) for p in split_paragraphs(normalise_whitespace(raw_text))]
    stated_date = None
    if paragraphs:
        match = _DATE_LINE.match(paragraphs[0])
        if match:
            stated_date = match.group(1)
            rest = paragraphs[0][match.end():].strip()
            paragraphs = ([rest] if rest else []) + paragraphs[1:]

    first_body = next((i for i, p in enumerate(paragraphs) if is_body_paragraph(p) and not is_furniture(p)), None)
    # With no sentence-like paragraph at all, there is no header to tell apart: keep every line.
    header, body = ([], paragraphs) if first_body is None else (paragraphs[:first_body], paragraphs[first_body:])

    found_title = None
    kept_header: list[str] = []
    for line in header:
        if publisher is None and find_outlet(line):
            publisher = find_outlet(line)
            continue
        if is_furniture(line):
            continue
        words = len(line.split())
        if (title is None and found_title is None and words >= _HEADLINE_MIN_WORDS and not line.endswith(".")
                and len(line) <= HEADLINE_MAX_CHARS):
            found_title = line
            continue
        if found_title is not None or title is not None:
            if words >= _HEADER_KEEP_MIN_WORDS:
                kept_header.append(line)  # a standfirst under the headline is part of the article
        elif words >= _HEADER_KEEP_MIN_WORDS and _SENTENCE_END.search(line):
            kept_header.append(line)  # no headline to start from: a short opening sentence is still the article's
    title = title or found_title

    kept: list[str] = []
    for line in kept_header + body:
        if kept and _matches(line, "end_of_article"):
            break
        if is_furniture(line) or _matches(line, "end_of_article"):
            continue
        if title and _same_line(line, title):
            continue
        if kept and kept[-1] == line:
            continue
        kept.append(line)

    if stated_date is None and kept:
        stated_date = dateline_date(kept[0])
    if publisher is None and kept:
        credit = _DATELINE_CREDIT.match(kept[0])
        if credit:
            publisher = find_outlet(credit.group(1))
    if title:
        title = strip_title_suffix(title, publisher)
    return CleanArticle(title=title, text="\n\n".join(kept), stated_date=stated_date, publisher=publisher)


def _same_line(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()
