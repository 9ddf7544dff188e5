"""The review page's map and timeline, drawn as SVG shapes from the incidents alone: places by their
coordinates on a plain longitude/latitude frame (no tiles, no outlines, nothing fetched), figures per day
as bars. Plain functions of the incident rows; the templates draw what they return."""

from __future__ import annotations

import math
from datetime import date

MAP_WIDTH, MAP_HEIGHT, MAP_MARGIN = 640, 360, 24
TIMELINE_WIDTH, TIMELINE_HEIGHT, TIMELINE_AXIS = 640, 160, 20


def map_points(incidents: list[dict]) -> list[dict]:
    """Each placed incident as a circle (x, y, r) on a frame fitted to the incidents, with its label. A
    degree of longitude is drawn cos(latitude) as wide as one of latitude, so shapes keep their proportions
    near the frame's middle."""
    placed = [i for i in incidents if i["latitude"] is not None and i["longitude"] is not None]
    if not placed:
        return []
    lats, lons = [i["latitude"] for i in placed], [i["longitude"] for i in placed]
    middle = math.cos(math.radians((min(lats) + max(lats)) / 2))
    span_x = max((max(lons) - min(lons)) * middle, 1.0)
    span_y = max(max(lats) - min(lats), 1.0)
    scale = min((MAP_WIDTH - 2 * MAP_MARGIN) / span_x, (MAP_HEIGHT - 2 * MAP_MARGIN) / span_y)
    centre_x, centre_y = (max(lons) + min(lons)) / 2, (max(lats) + min(lats)) / 2
    points = []
    for incident in placed:
        killed = incident["killed_best"] or 0
        points.append({
            "x": round(MAP_WIDTH / 2 + (incident["longitude"] - centre_x) * middle * scale, 1),
            "y": round(MAP_HEIGHT / 2 - (incident["latitude"] - centre_y) * scale, 1),
            "r": round(4 + math.sqrt(killed), 1),
            "cluster_id": incident["cluster_id"], "place": incident["location"],
            "label": f"{incident['location']}, {incident['event_date'] or 'undated'}: {killed} killed",
            "disputed": incident["disputed"],
        })
    return points


def timeline_bars(incidents: list[dict]) -> dict:
    """The killed and injured (best figures) per day over the dated incidents, as bars on a day axis."""
    days: dict[date, list[int]] = {}
    for incident in incidents:
        if incident["event_date"] is not None:
            totals = days.setdefault(incident["event_date"], [0, 0])
            totals[0] += incident["killed_best"] or 0
            totals[1] += incident["injured_best"] or 0
    if not days:
        return {"bars": [], "first": None, "last": None, "peak": 0}
    first, last = min(days), max(days)
    n_days = (last - first).days + 1
    width = (TIMELINE_WIDTH - 2 * TIMELINE_AXIS) / n_days
    peak = max(max(t) for t in days.values()) or 1
    usable = TIMELINE_HEIGHT - 2 * TIMELINE_AXIS
    bars = []
    for day, (killed, injured) in sorted(days.items()):
        left = TIMELINE_AXIS + (day - first).days * width
        for offset, (kind, value) in enumerate((("killed", killed), ("injured", injured))):
            height = usable * value / peak
            bars.append({"x": round(left + offset * width / 2, 1), "y": round(TIMELINE_HEIGHT - TIMELINE_AXIS - height, 1),
                         "width": round(max(width / 2 - 1, 1), 1), "height": round(height, 1), "kind": kind,
                         "label": f"{day}: {value} {kind}"})
    return {"bars": bars, "first": first, "last": last, "peak": peak}


def place_labels(points: list[dict]) -> list[tuple[str, float, float, str]]:
    """Each place's name once, beside its largest circle: to its right, or to its left near the right edge
    (name, x, y, text-anchor)."""
    largest: dict[str, dict] = {}
    for point in points:
        if point["place"] not in largest or point["r"] > largest[point["place"]]["r"]:
            largest[point["place"]] = point
    labels = []
    for name, p in sorted(largest.items()):
        if p["x"] > MAP_WIDTH * 0.75:
            labels.append((name, round(p["x"] - p["r"] - 3, 1), p["y"] + 4, "end"))
        else:
            labels.append((name, round(p["x"] + p["r"] + 3, 1), p["y"] + 4, "start"))
    return labels
