"""Reports of one real-world incident, merged across documents into incident clusters.

Two event reports can be one incident when they are at the same place, of compatible types (a
'missile attack' in one outlet is an 'air strike' or an 'explosion' in another: all remote
violence), and their dates can agree within each report's uncertainty:
- a resolved date is one day;
- an unresolved report in a dated article happened in the week up to its publication;
- an undated article's report could be any day, but a weekday it names ('on Wednesday') must match.
A cluster only takes a report compatible with every report already in it (complete linkage), so two
dated strikes a day apart never merge through an undated report between them. Reports are placed
most specific first (dated, then with a weekday, then the rest); a report that fits several
clusters joins the one that already holds a report of its own document, then the one whose targets
overlap its own most, then the largest.

A person's decisions come last: a report they rejected belongs to no incident, one they took out of its
incident is an incident of its own, and one they moved joins the incident of the report they named.

Casualty figures go to the incident of the nearest report of the same document at the same place.
A figure that is a subset ('including three children'), about another place, dated another day, or
over a longer period ('since the war began', 'so far this year') is never counted in an incident.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from newsfacts.rules import load_rules

# The event types ACLED groups as remote violence (rules/events.toml): one incident's reports may name any of them.
REMOTE_VIOLENCE = frozenset(t["name"] for t in load_rules("events")["event_types"] if t.get("remote_violence"))
REPORTING_WINDOW_DAYS = 7
# A figure over a window this short can be one incident's toll ('21 killed over the past 24 hours');
# a longer or cumulative one ('since the war began', 'so far this year') is of another scope.
_INCIDENT_PERIOD = re.compile(r"^(?:past (?:\d+ |\w+ )?(?:hours?|day|night)|since (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))$")
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def type_family(event_type: str) -> str:
    return "remote violence" if event_type in REMOTE_VIOLENCE else event_type


@dataclass
class _Report:
    event_id: str
    doc_id: str
    family: str
    start_char: int
    earliest: date | None
    latest: date | None
    weekday: str | None
    targets: set[str]
    day: date | None

    def specificity(self) -> int:
        return 0 if self.day else (1 if self.weekday else 2)


@dataclass
class _Cluster:
    """An incident being built. Its reports' date windows all overlap, so (intervals on a line) they
    share a common window: a new report is compatible with every one of them exactly when it fits
    that window, the cluster's weekday and its type family. The check is constant-time."""

    family: str
    earliest: date | None = None  # the latest of the members' earliest days
    latest: date | None = None  # the earliest of the members' latest days
    weekday: str | None = None
    reports: list[_Report] = field(default_factory=list)
    targets: set[str] = field(default_factory=set)
    positions: dict[str, list[int]] = field(default_factory=dict)  # doc_id -> start_char of its reports

    def accepts(self, report: _Report) -> bool:
        if report.family != self.family:
            return False
        if report.earliest and self.earliest and (report.latest < self.earliest or self.latest < report.earliest):
            return False
        return not (report.weekday and self.weekday and report.weekday != self.weekday)

    def add(self, report: _Report) -> None:
        if report.earliest:
            self.earliest = max(self.earliest, report.earliest) if self.earliest else report.earliest
            self.latest = min(self.latest, report.latest) if self.latest else report.latest
        self.weekday = self.weekday or report.weekday
        self.reports.append(report)
        self.targets |= report.targets
        self.positions.setdefault(report.doc_id, []).append(report.start_char)

    def preference(self, report: _Report, index: int) -> tuple:
        """Among fitting incidents: the one already holding a report of the same document, nearest in
        its text; then the one whose targets overlap most; then the largest; then the first made."""
        own = self.positions.get(report.doc_id)
        nearest = -min(abs(p - report.start_char) for p in own) if own else 0
        return (own is not None, nearest, len(report.targets & self.targets), len(self.reports), -index)


def _report(event: dict) -> _Report:
    day = event["event_date"] if event.get("event_date_precision") == "day" else None
    published = event.get("published_date")
    if day is not None:
        earliest = latest = day
    elif published is not None:
        earliest, latest = published - timedelta(days=REPORTING_WINDOW_DAYS), published
    else:
        earliest = latest = None
    weekday = _WEEKDAYS[day.weekday()] if day else event.get("event_weekday")
    return _Report(event["event_id"], event["doc_id"], type_family(event["event_type"]), event["start_char"],
                   earliest, latest, weekday, set(event.get("targets") or ()), day)


def cluster_incidents(events: list[dict], area_centres: dict[str, str] | None = None) -> dict[str, str]:
    """event_id -> cluster_id. Each event needs event_id, doc_id, event_type, event_date,
    event_date_precision, event_weekday, location, targets, start_char and its document's
    published_date. `area_centres` maps an area named after its city to that city ('Kharkiv
    Region' -> 'Kharkiv'): one outlet places a strike in the region, another in its city.
    Events without a place join no cluster: there is nothing to match them on."""
    area_centres = area_centres or {}
    by_place: dict[str, list[_Report]] = {}
    for event in events:
        if event.get("location"):
            place = area_centres.get(event["location"], event["location"])
            by_place.setdefault(place, []).append(_report(event))
    assignment: dict[str, str] = {}
    for place, reports in sorted(by_place.items()):
        clusters: list[_Cluster] = []
        for report in sorted(reports, key=lambda r: (r.specificity(), r.day or date.max, r.doc_id, r.start_char)):
            fitting = [(c, i) for i, c in enumerate(clusters) if c.accepts(report)]
            if fitting:
                best = max(fitting, key=lambda pair: pair[0].preference(report, pair[1]))[0]
            else:
                best = _Cluster(report.family)
                clusters.append(best)
            best.add(report)
        for cluster in clusters:
            first = min(r.event_id for r in cluster.reports)
            cluster_id = "inc-" + hashlib.sha1(f"{place}|{first}".encode()).hexdigest()[:16]
            for report in cluster.reports:
                assignment[report.event_id] = cluster_id
    return assignment


def apply_decisions(clusters: dict[str, str], decisions: list[dict]) -> dict[str, str]:
    """event_id -> cluster_id after a person's decisions on reports (warehouse/corrections.sql:
    event_decisions, in the order they were made): a rejected report leaves every incident; a report moved
    with no report named (`joins` NULL) is an incident of its own; one moved to another report joins that
    report's incident, wherever that report went itself. Only the reports decided on move: their former
    incidents keep the rest."""
    decided = dict(clusters)
    for decision in decisions:
        event_id = decision["event_id"]
        if decision["rejected"]:
            decided.pop(event_id, None)
        elif decision["moved"] and decision["joins"] is None and event_id in decided:
            decided[event_id] = "inc-" + hashlib.sha1(f"apart|{event_id}".encode()).hexdigest()[:16]
    joins = [d for d in decisions if not d["rejected"] and d["moved"] and d["joins"] is not None and d["event_id"] in decided]
    # A report can be moved to one that is moved itself: follow the moves until none changes (a cycle of
    # moves settles as one incident).
    for _ in range(len(joins) + 1):
        changed = False
        for decision in joins:
            into = decided.get(decision["joins"])
            if into is not None and decided[decision["event_id"]] != into:
                decided[decision["event_id"]], changed = into, True
        if not changed:
            break
    return decided


def _within_window(day: date | None, report: _Report) -> bool:
    """A figure dated `day` can belong to the report's incident: no date, or a date in its window."""
    return day is None or report.earliest is None or report.earliest <= day <= report.latest


def assign_figures(figures: list[dict], events: list[dict], clusters: dict[str, str],
                   area_centres: dict[str, str] | None = None) -> dict[str, str]:
    """fact_id -> cluster_id for the casualty figures an incident's count may use: top-level figures
    (no part_of) at the place of a report of the same document, dated (if at all) within that report's
    date window, over no period longer than a day; each goes to the nearest such report in the text (the
    earlier of two as near)."""
    area_centres = area_centres or {}
    # each report with its date window, read once: a document's figures are many at a busy place
    reports_by_doc: dict[tuple[str, str], list[tuple[dict, _Report]]] = {}
    for event in events:
        if event["event_id"] in clusters and event.get("location"):
            place = area_centres.get(event["location"], event["location"])
            reports_by_doc.setdefault((event["doc_id"], place), []).append((event, _report(event)))
    assignment: dict[str, str] = {}
    for figure in figures:
        if figure.get("part_of") or not figure.get("location"):
            continue
        if figure.get("period") and not _INCIDENT_PERIOD.match(figure["period"]):
            continue
        place = area_centres.get(figure["location"], figure["location"])
        candidates = [e for e, report in reports_by_doc.get((figure["doc_id"], place), [])
                      if _within_window(figure.get("event_date"), report)]
        if candidates:
            # Two reports as near: the earlier in the text, whatever order the reports came in.
            nearest = min(candidates, key=lambda e: (abs(e["start_char"] - figure["start_char"]), e["start_char"], e["event_id"]))
            assignment[figure["fact_id"]] = clusters[nearest["event_id"]]
    return assignment
