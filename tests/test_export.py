"""`newsfacts export` on the seeds: ACLED's 31 columns in ACLED's order with the Kharkiv strike of 1 March
2022 and its most conservative toll, UCDP GED's columns with low/best/high, GeoJSON that places each
incident where its place was geocoded, any view as CSV or Parquet, and a correction reaching every export."""

from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest

from conftest import copy_tree, query

pytestmark = pytest.mark.slow  # reads the seeds warehouse, made by a flow run


def _export(warehouse, tmp_path, format: str, *extra: str):
    from newsfacts.cli import main

    out = tmp_path / f"export.{format}"
    assert main(["export", "--format", format, *extra, "--warehouse", str(warehouse), str(out)]) == 0
    return out


def _csv_rows(path) -> tuple[list[str], list[dict]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return reader.fieldnames, list(reader)


def test_acled_has_its_31_columns_and_the_kharkiv_strike_with_its_lowest_toll_and_the_dispute(tmp_path, seeds_warehouse):
    from newsfacts.export import ACLED_COLUMNS

    warehouse = seeds_warehouse[0]
    header, rows = _csv_rows(_export(warehouse, tmp_path, "acled"))
    assert header == list(ACLED_COLUMNS) and len(header) == 31
    assert len(rows) == query(warehouse, "SELECT count(*) FROM event_clusters")[0][0]
    (row,) = [r for r in rows if r["location"] == "Kharkiv" and r["event_date"] == "2022-03-01"]
    low, figures = query(warehouse, """SELECT killed_low, killed_figures FROM event_clusters
                                       WHERE location = 'Kharkiv' AND event_date = DATE '2022-03-01'""")[0]
    assert int(row["fatalities"]) == low
    assert (row["country"], row["iso"], row["year"], row["time_precision"], row["geo_precision"]) == ("Ukraine", "804", "2022", "1", "1")
    assert "Kharkiv" in row["admin1"] and row["event_id_cnty"].startswith("UKR")
    assert row["event_type"] and row["sub_event_type"] and row["disorder_type"] == "Political violence"
    assert ("Sources disagree on the killed" in row["notes"]) == (figures > 1)
    actors = query(warehouse, """SELECT actor FROM events e JOIN event_clusters k USING (cluster_id)
        WHERE k.location = 'Kharkiv' AND k.event_date = DATE '2022-03-01' AND actor IS NOT NULL
        GROUP BY actor ORDER BY count(*) DESC, actor LIMIT 1""")
    assert actors and row["actor1"] == actors[0][0]  # the attacker its reports name most
    assert row["tags"] == row["admin3"] == row["inter1"] == ""  # what newsfacts cannot fill is there and empty
    # its figures are about civilians and children, and no figure is about armed forces: ACLED's civilian targeting
    victims = {v for (v,) in query(warehouse, """SELECT DISTINCT victims FROM casualties c JOIN event_clusters k USING (cluster_id)
        WHERE k.location = 'Kharkiv' AND k.event_date = DATE '2022-03-01'""")}
    assert "civilians" in victims and not victims & {"soldiers", "fighters", "police"}
    assert (row["actor2"], row["inter2"], row["civilian_targeting"]) == ("Civilians (Ukraine)", "7", "Civilian targeting")


@pytest.mark.parametrize("victims, targets, civilian", [
    (["civilians"], [], True),
    ([], ["residential"], True),
    (["people"], ["school", "administrative building"], True),
    (["children", "soldiers"], ["residential"], False),  # a clash among civilians' homes: not civilian targeting alone
    (["people"], ["administrative building"], False),
    ([], [], False),
])
def test_civilian_targeting_needs_civilian_victims_or_places_and_no_armed_victims(victims, targets, civilian):
    from newsfacts.export import civilian_targeting

    assert civilian_targeting({"victims": victims, "targets": targets}) is civilian


def test_ucdp_has_the_ged_columns_with_low_best_high_and_the_sources(tmp_path, seeds_warehouse):
    warehouse = seeds_warehouse[0]
    header, rows = _csv_rows(_export(warehouse, tmp_path, "ucdp"))
    for column in ("best", "low", "high", "date_start", "date_end", "date_prec", "where_prec", "latitude", "longitude",
                   "country", "adm_1", "number_of_sources", "source_article", "source_office", "source_date", "source_headline"):
        assert column in header
    incidents = {cluster: (low or 0, best or 0, high or 0, sources) for cluster, low, best, high, sources in query(
        warehouse, "SELECT cluster_id, killed_low, killed_best, killed_high, n_publishers FROM event_clusters")}
    assert {r["id"]: (int(r["low"]), int(r["best"]), int(r["high"]), int(r["number_of_sources"])) for r in rows} == incidents


def test_geojson_is_one_point_feature_per_incident_at_its_geocoded_place(tmp_path, seeds_warehouse):
    warehouse = seeds_warehouse[0]
    collection = json.loads(_export(warehouse, tmp_path, "geojson").read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    features = {f["id"]: f for f in collection["features"]}
    assert set(features) == {c for (c,) in query(warehouse, "SELECT cluster_id FROM event_clusters")}
    places = dict(((name, (lon, lat)) for name, lon, lat in query(
        warehouse, "SELECT canonical_name, longitude, latitude FROM entities WHERE entity_type = 'location'")))
    for feature in features.values():
        assert feature["type"] == "Feature"
        assert tuple(feature["geometry"]["coordinates"]) == places[feature["properties"]["location"]]
        assert feature["properties"]["documents"] and feature["properties"]["sources"]


@pytest.mark.parametrize("view", ["casualty_reports", "figure_conflicts", "timeline"])
def test_any_view_exports_as_csv_and_as_parquet_with_every_row(tmp_path, seeds_warehouse, view):
    warehouse = seeds_warehouse[0]
    count = query(warehouse, f"SELECT count(*) FROM {view}")[0][0]
    header, rows = _csv_rows(_export(warehouse, tmp_path, "csv", "--view", view))
    assert len(rows) == count and count > 0
    table = pq.read_table(_export(warehouse, tmp_path, "parquet", "--view", view))
    assert table.num_rows == count and table.column_names == header
    for column in header:  # lists and records are JSON in CSV
        if rows[0][column].startswith(("[", "{")):
            json.loads(rows[0][column])


def test_since_keeps_the_incidents_from_that_day_on_and_a_bad_view_is_one_sentence(tmp_path, seeds_warehouse, capsys):
    from newsfacts.cli import main

    warehouse = seeds_warehouse[0]
    _, rows = _csv_rows(_export(warehouse, tmp_path, "acled", "--since", "2022-03-02"))
    assert all(r["event_date"] >= "2022-03-02" for r in rows) and "2022-03-01" not in {r["event_date"] for r in rows}
    assert main(["export", "--format", "csv", "--view", "nope", "--warehouse", str(warehouse), str(tmp_path / "x.csv")]) == 1
    error = capsys.readouterr().err
    assert "name it with --view" in error and error.count("\n") == 1


def test_a_correction_reaches_every_export(tmp_path, seeds_warehouse):
    from newsfacts.cli import main

    warehouse = copy_tree(seeds_warehouse[0], tmp_path / "wh")
    cluster, low = query(warehouse, """SELECT cluster_id, killed_low FROM event_clusters
                                       WHERE location = 'Kharkiv' AND event_date = DATE '2022-03-01'""")[0]
    lowest = query(warehouse, "SELECT fact_id FROM casualties WHERE cluster_id = ? AND kind = 'killed' AND count_min = ? "
                              "ORDER BY fact_id", [cluster, low])
    for (fact_id,) in lowest:
        assert main(["correct", "casualty", fact_id, "--reject", "--by", "tester", "--warehouse", str(warehouse)]) == 0
    new_low = query(warehouse, "SELECT killed_low FROM event_clusters WHERE cluster_id = ?", [cluster])[0][0]
    assert new_low is None or new_low > low
    _, rows = _csv_rows(_export(warehouse, tmp_path, "acled"))
    assert [int(r["fatalities"]) for r in rows if r["event_id_cnty"].endswith(cluster.removeprefix("inc-"))] == [new_low or 0]
    features = json.loads(_export(warehouse, tmp_path, "geojson").read_text(encoding="utf-8"))["features"]
    assert [f["properties"]["killed_low"] for f in features if f["id"] == cluster] == [new_low]
