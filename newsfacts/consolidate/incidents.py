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

Casualty figures go to the incident of the nearest report of the same document at the same place.
A figure that is a subset ('including three children'), about another place, or dated another day
is never counted in an incident.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, timedelta

REMOTE_VIOLENCE = {"air/drone strike", "shelling/artillery/missile attack", "explosion/remote violence"}
REPORTING_WINDOW_DAYS = 7
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
    reports: list[_Report] = field(default_factory=list)

    def accepts(self, report: _Report) -> bool:
        return all(_compatible(report, other) for other in self.reports)


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


def _compatible(a: _Report, b: _Report) -> bool:
    if a.family != b.family:
        return False
    if a.earliest and b.earliest and (a.latest < b.earliest or b.latest < a.earliest):
        return False
    return not (a.weekday and b.weekday and a.weekday != b.weekday)


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
            fitting = [c for c in clusters if c.accepts(report)]
            if not fitting:
                clusters.append(_Cluster([report]))
                continue
            best = max(fitting, key=lambda c: (
                any(r.doc_id == report.doc_id for r in c.reports),
                # within its own document, the incident told nearest to it
                -min((abs(r.start_char - report.start_char) for r in c.reports if r.doc_id == report.doc_id), default=0),
                max(len(report.targets & r.targets) for r in c.reports),
                len(c.reports),
                -clusters.index(c),
            ))
            best.reports.append(report)
        for cluster in clusters:
            first = min(r.event_id for r in cluster.reports)
            cluster_id = "inc-" + hashlib.sha1(f"{place}|{first}".encode()).hexdigest()[:16]
            for report in cluster.reports:
                assignment[report.event_id] = cluster_id
    return assignment


def assign_figures(figures: list[dict], events: list[dict], clusters: dict[str, str],
                   area_centres: dict[str, str] | None = None) -> dict[str, str]:
    """fact_id -> cluster_id for the casualty figures an incident's count may use: top-level figures
    (no part_of) at the place of a report of the same document, on that report's day when both are
    dated; each goes to the nearest such report in the text."""
    area_centres = area_centres or {}
    reports_by_doc: dict[tuple[str, str], list[dict]] = {}
    for event in events:
        if event["event_id"] in clusters and event.get("location"):
            place = area_centres.get(event["location"], event["location"])
            reports_by_doc.setdefault((event["doc_id"], place), []).append(event)
    assignment: dict[str, str] = {}
    for figure in figures:
        if figure.get("part_of") or not figure.get("location"):
            continue
        place = area_centres.get(figure["location"], figure["location"])
        candidates = [e for e in reports_by_doc.get((figure["doc_id"], place), [])
                      if not (figure.get("event_date") and e.get("event_date_precision") == "day"
                              and e["event_date"] != figure["event_date"])]
        if candidates:
            nearest = min(candidates, key=lambda e: abs(e["start_char"] - figure["start_char"]))
            assignment[figure["fact_id"]] = clusters[nearest["event_id"]]
    return assignment
