"""Attacks and incidents a document reports, typed by the taxonomy in rules/events.toml.

A sentence is an event candidate when it has an attack word and something that makes it concrete:
a weapon, a target, a casualty figure, or an unambiguous attack word. Candidates of one type at
one place and date merge into one event per document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from newsfacts.extract.dates import date_in_text, weekday_in
from newsfacts.extract.gazetteer import demonyms
from newsfacts.extract.phrase_gate import PhraseGate
from newsfacts.rules import load_rules

# Triggers that signal an attack only alongside a weapon, target or casualty figure ('strike' can be a walkout).
_WEAK_TRIGGERS = frozenset(load_rules("events")["weak_triggers"])


@dataclass
class EventCandidate:
    event_type: str
    start_char: int
    end_char: int
    location: str | None = None
    location_surface: str | None = None
    event_date: date | None = None
    event_date_precision: str = "unknown"
    weapons: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    actor: str | None = None
    # The weekday the text names ('on Wednesday'), kept even when no publication date resolves it:
    # two reports of a Tuesday and a Wednesday strike are two incidents either way.
    weekday: str | None = None


def _phrase_regex(phrases) -> re.Pattern[str]:
    ordered = sorted(phrases, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered) + r")\b", re.IGNORECASE)


@cache
def _taxonomy():
    rules = load_rules("events")
    types = [(t["name"], _phrase_regex(t["triggers"])) for t in rules["event_types"]]
    weapons = {k.lower(): v for k, v in rules["weapons"].items()}
    targets = {k.lower(): v for k, v in rules["targets"].items()}
    return types, weapons, _phrase_regex(weapons), targets, _phrase_regex(targets)


@cache
def _any_trigger() -> PhraseGate:
    """Every type's triggers at once: most sentences contain none, and one quick test says so."""
    return PhraseGate([trigger for t in load_rules("events")["event_types"] for trigger in t["triggers"]])


def classify_sentence(text: str) -> tuple[str, str] | None:
    """(event_type, trigger word) of the first matching type, or None."""
    if not _any_trigger().may_contain(text):
        return None
    types, *_ = _taxonomy()
    for name, pattern in types:
        match = pattern.search(text)
        if match:
            return name, match.group(1).lower()
    return None


def weapons_in(text: str) -> list[str]:
    _, weapons, pattern, _, _ = _taxonomy()
    return sorted({weapons[" ".join(m.lower().split())] for m in pattern.findall(text)})


def targets_in(text: str) -> list[str]:
    _, _, _, targets, pattern = _taxonomy()
    return sorted({targets[" ".join(m.lower().split())] for m in pattern.findall(text)})


def actor_in(text: str, before: int) -> str | None:
    """The country whose forces the sentence names before the attack word ('Russian missiles'): the one
    nearest it, since whoever reports the attack is named first ('a Ukrainian spokesman said Russian
    artillery hit ...', 'Russia said Ukrainian drones attacked ...')."""
    names = demonyms()
    for word in reversed(re.findall(r"[A-Za-z.]+", text[:before])):
        if word.lower() in names:
            return names[word.lower()]
    return None


def event_candidate(sentence_text: str, offset: int, places: list[tuple[str, str]], published: date | None,
                    has_casualty_figure: bool) -> EventCandidate | None:
    """An event for one sentence, or None. `places` are (canonical, surface) in sentence order."""
    found = classify_sentence(sentence_text)
    if found is None:
        return None
    event_type, trigger = found
    weapons, targets = weapons_in(sentence_text), targets_in(sentence_text)
    if trigger in _WEAK_TRIGGERS and not (weapons and (targets or has_casualty_figure or places)) and not has_casualty_figure:
        return None
    when, precision = date_in_text(sentence_text, published)
    trigger_at = sentence_text.lower().find(trigger)
    location, surface = places[0] if places else (None, None)
    if location is None and not weapons and not targets:
        return None  # nothing says where, with what or against what: not an event an analyst can use
    return EventCandidate(
        event_type, offset, offset + len(sentence_text), location, surface, when, precision, weapons, targets,
        actor_in(sentence_text, max(trigger_at, 0) + len(trigger)),
        when.strftime("%A") if when and precision == "day" else weekday_in(sentence_text),
    )


def merge_candidates(candidates: list[EventCandidate]) -> list[EventCandidate]:
    """One event per (type, place, date) in a document; a candidate with no place joins the last one of its type."""
    merged: list[EventCandidate] = []
    for cand in candidates:
        target = None
        for event in reversed(merged):
            if event.event_type != cand.event_type:
                continue
            same_place = cand.location is None or event.location is None or event.location == cand.location
            same_day = (cand.event_date is None or event.event_date is None or event.event_date == cand.event_date) and (
                cand.weekday is None or event.weekday is None or cand.weekday == event.weekday)
            if same_place and same_day:
                target = event
                break
        if target is None:
            merged.append(cand)
            continue
        target.location = target.location or cand.location
        target.location_surface = target.location_surface or cand.location_surface
        if target.event_date is None and cand.event_date is not None:
            target.event_date, target.event_date_precision = cand.event_date, cand.event_date_precision
        target.weapons = sorted(set(target.weapons) | set(cand.weapons))
        target.targets = sorted(set(target.targets) | set(cand.targets))
        target.actor = target.actor or cand.actor
        target.weekday = target.weekday or cand.weekday
    return merged
