"""Publication dates as sources state them: metadata strings, dated URLs and datelines.

A date is taken only when the source gives day, month and year: a year or a month alone is not a
publication date (it stays NULL rather than becoming 1 January). Strings are read by `dateparser`, which
knows every month name in many languages and the usual numeric orders.
"""

from __future__ import annotations

import re
from datetime import date, datetime

import dateparser

# ISO 8601 and its basic form ('20210309T214000+0900'), read without dateparser: most metadata is one of these.
_ISO = re.compile(r"^\s*(\d{4})-?(\d{2})-?(\d{2})(?:$|[T\s_]|(?<=\d)[+-Z])")
_DATED_URL = re.compile(r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|[-_][a-z]|$)")
_SETTINGS = {"REQUIRE_PARTS": ["day", "month", "year"], "RETURN_TIME_AS_PERIOD": False, "PREFER_DATES_FROM": "past"}
# A dateline: 'QUITO, 14 JUN 91 (EFE) --', 'SIENA, Italy, July 9, 2013 (AP) -', 'Kabul, 3 March 2021:'
_DATELINE = re.compile(
    r"^\s*[A-Z][\w.'’-]*(?:[ -][A-Z][\w.'’-]*){0,3}(?:,\s*[A-Z][\w.'’ -]{1,30})?,\s*"
    r"(?P<date>(?:[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{2,4})|(?:\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+\d{2,4}))"
    r"\s*(?:\([^)]{1,40}\))?\s*(?:[-–—:]+|$)"
)


def parse_published(value: str | None) -> date | None:
    """A full date from a metadata string, or None: never a guess, never a year alone."""
    if not value or not value.strip() or len(value) > 100:
        return None
    iso = _ISO.match(value)
    if iso:
        try:
            return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        except ValueError:
            return None
    try:
        parsed = dateparser.parse(value.strip(), settings=_SETTINGS)
    except (ValueError, OverflowError, TypeError, AttributeError):
        return None
    return parsed.date() if isinstance(parsed, datetime) else None


def date_in_url(url: str | None) -> str | None:
    """'YYYY-MM-DD' from a URL with the date in its path (/2023/11/06/...), else None."""
    match = _DATED_URL.search(url or "")
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def dateline_date(paragraph: str) -> str | None:
    """The full date of an opening dateline ('QUITO, 14 JUN 91 (EFE) --'), as the text writes it, else None."""
    match = _DATELINE.match(paragraph[:120])
    if not match:
        return None
    return match.group("date") if parse_published(match.group("date")) else None
