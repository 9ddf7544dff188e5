"""The map and the timeline: incidents placed by their coordinates over the outlines of the countries they lie
in, and the killed and injured per day."""

from datetime import date

import shapely

from newsfacts.pictures import MAP_HEIGHT, MAP_WIDTH, country_outlines, map_frame, map_points, map_svg, timeline_bars

# Three cities by their coordinates (public gazetteer values): two in one country, one across a border.
_LILLE, _BRUSSELS, _PARIS = (50.63, 3.06), (50.85, 4.35), (48.86, 2.35)


def _incident(cluster_id, place, lat_lon, killed=None, injured=None, day=None, disputed=False):
    return {"cluster_id": cluster_id, "location": place, "latitude": lat_lon[0], "longitude": lat_lon[1],
            "killed_best": killed, "injured_best": injured, "event_date": day, "disputed": disputed}


def _inside(path: str, x: float, y: float) -> bool:
    """Whether the point lies inside the outline an SVG path of closed rings draws (even-odd)."""
    rings = [ring.strip().lstrip("M") for ring in path.split("Z") if ring.strip()]
    polygons = [shapely.Polygon([tuple(map(float, p.split())) for p in ring.split(" L")]) for ring in rings]
    return sum(polygon.contains(shapely.Point(x, y)) for polygon in polygons) % 2 == 1


def test_each_incident_is_drawn_inside_the_outline_of_its_country():
    incidents = [_incident("a", "Lille", _LILLE, killed=3), _incident("b", "Brussels", _BRUSSELS, killed=9, disputed=True),
                 _incident("c", "Paris", _PARIS)]
    frame = map_frame(incidents)
    outlines = {o["name"]: o for o in country_outlines(frame)}
    assert {"France", "Belgium"} <= set(outlines)
    points = {p["cluster_id"]: p for p in map_points(incidents, frame)}
    assert all(0 < p["x"] < MAP_WIDTH and 0 < p["y"] < MAP_HEIGHT for p in points.values())
    assert _inside(outlines["France"]["path"], points["a"]["x"], points["a"]["y"])
    assert _inside(outlines["France"]["path"], points["c"]["x"], points["c"]["y"])
    assert _inside(outlines["Belgium"]["path"], points["b"]["x"], points["b"]["y"])
    assert not _inside(outlines["Belgium"]["path"], points["a"]["x"], points["a"]["y"])
    assert points["b"]["r"] > points["a"]["r"] > points["c"]["r"]  # the more killed, the larger

    drawn = map_svg(incidents, link=lambda cluster_id: f"/incidents/{cluster_id}")
    assert drawn.count("<circle") == 3 and 'href="/incidents/b"' in drawn and ">FRANCE</text>" in drawn
    assert "<circle" in map_svg(incidents) and "href=" not in map_svg(incidents)


def test_a_map_without_placed_incidents_says_so_and_the_timeline_counts_each_day():
    assert "No incident has a place" in map_svg([_incident("a", "Nowhere", (None, None))])
    timeline = timeline_bars([_incident("a", "Lille", _LILLE, killed=3, injured=1, day=date(2024, 5, 1)),
                              _incident("b", "Paris", _PARIS, killed=2, day=date(2024, 5, 1)),
                              _incident("c", "Paris", _PARIS, injured=4, day=date(2024, 5, 3)),
                              _incident("d", "Paris", _PARIS, killed=50)])  # undated: on no day
    assert [b["label"] for b in timeline["bars"]] == ["2024-05-01: 5 killed", "2024-05-01: 1 injured",
                                                       "2024-05-03: 0 killed", "2024-05-03: 4 injured"]
    assert timeline["peak"] == 5 and (timeline["first"], timeline["last"]) == (date(2024, 5, 1), date(2024, 5, 3))
