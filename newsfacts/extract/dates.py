"""Dates a report states, resolved against its publication date. Never a guess: no anchor, no date."""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateutil import parser as dateparser

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
_EXPLICIT = re.compile(
    rf"\b(?:(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS})\.?,?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\b",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(today|this morning|this afternoon|this evening|tonight|overnight|yesterday|last night)\b", re.IGNORECASE)


def resolve_weekday(weekday: str, published: date) -> date:
    """The latest such weekday on or before publication: news reports what has happened."""
    target = WEEKDAYS.index(weekday.lower())
    return published - timedelta(days=(published.weekday() - target) % 7)


def weekday_in(text: str) -> str | None:
    """The weekday a sentence names ('on Wednesday' -> 'Wednesday'), else None."""
    match = _WEEKDAY.search(text)
    return match.group(1).title() if match else None


def date_in_text(text: str, published: date | None) -> tuple[date | None, str]:
    """(date, precision) of the first date the text states, resolved against `published`."""
    explicit = _EXPLICIT.search(text)
    if explicit:
        try:
            return dateparser.parse(explicit.group(0)).date(), "day"
        except (ValueError, OverflowError):
            pass
    if published is None:
        return None, "unknown"
    weekday = _WEEKDAY.search(text)
    if weekday:
        return resolve_weekday(weekday.group(1), published), "day"
    relative = _RELATIVE.search(text)
    if relative:
        word = relative.group(1).lower()
        if word in ("yesterday", "last night"):
            return published - timedelta(days=1), "day"
        return published, "day"
    return None, "unknown"
