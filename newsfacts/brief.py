"""The analyst brief: a short Markdown picture of the warehouse (incidents with their figures,
sources and disagreements, a map and a timeline, figures per day and place, the most-quoted statements).
`newsfacts report` prints it (and writes it with its pictures as files with --out), and every flow run
attaches it to its Prefect flow run as a markdown artifact, its pictures inside it as data URIs."""

from __future__ import annotations

import base64

from newsfacts.pictures import map_svg, timeline_svg
from warehouse import named_queries, rows


def _queries() -> dict[str, str]:
    return named_queries("brief.sql")


def _figure(low, best, high) -> str:
    if best is None:
        return "–"
    if low == high:
        return str(best)
    return f"{best} (range {low}–{high if high is not None else '?'})"


def _when(event_date, weekday) -> str:
    if event_date is not None:
        return str(event_date)
    return f"a {weekday}, date unknown" if weekday else "date unknown"


# The latest days and the hardest-hit places the brief draws, the width of its longest bar, and the most
# incidents its map draws.
_DAYS, _PLACES, _BAR_WIDTH, _MAPPED = 31, 10, 30, 1000


def pictures(con) -> dict[str, str]:
    """The map and the timeline of the incidents of the latest days (and of no known day), as SVG documents."""
    incidents = rows(con, _queries()["pictured"], {"days": _DAYS, "most": _MAPPED})
    return {"map.svg": map_svg(incidents), "timeline.svg": timeline_svg(incidents)}


def data_uri(svg: str) -> str:
    """An SVG as a data URI: an image a Markdown viewer shows with no file beside the text."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def figures_per_day_and_place(con) -> tuple[list[dict], list[dict]]:
    """The killed and injured (best figures) per day, latest days last, and in the hardest-hit places."""
    queries = _queries()
    return rows(con, queries["per_day"], [_DAYS]), rows(con, queries["per_place"], [_PLACES])


def _bars(title: str, label: str, rows: list[tuple]) -> list[str]:
    """A table with a bar of the killed (█) and injured (░) per row, drawn to one scale: a picture that reads
    the same in a terminal and in the Prefect UI."""
    if not rows:
        return []
    peak = max(killed + injured for _, _, killed, injured in rows) or 1
    out = [f"## {title}", "", f"| {label} | incidents | killed | injured | |", "| --- | ---: | ---: | ---: | --- |"]
    for key, incidents, killed, injured in rows:
        bar = "█" * round(_BAR_WIDTH * killed / peak) + "░" * round(_BAR_WIDTH * injured / peak)
        out.append(f"| {key} | {incidents} | {killed} | {injured} | {bar} |")
    return out + ["", "█ killed, ░ injured (best figures)", ""]


def analyst_brief(con, max_incidents: int = 10, max_statements: int = 5, images: dict[str, str] | None = None,
                  per_day_and_place: tuple[list[dict], list[dict]] | None = None) -> str:
    """The brief as Markdown. `images` maps the pictures' names (map.svg, timeline.svg) to the addresses the
    brief shows them from (a file beside it, or a data URI); without it, the brief has no pictures.
    `per_day_and_place` is figures_per_day_and_place's answer, when the caller has it already."""
    queries = _queries()
    documents, copies, sources, n_incidents, n_figures, n_statements = con.execute(queries["totals"]).fetchall()[0]
    out = ["# newsfacts analyst brief", "",
           f"{documents} documents ({copies} near-duplicate copies) from {sources} independent sources: "
           f"{n_incidents} incidents, {n_figures} casualty figures, {n_statements} distinct statements.", ""]
    incidents = con.execute(queries["incidents"], [max_incidents]).fetchall()
    if incidents:
        out += ["## Incidents", "",
                "Killed and injured: the figure most sources give, with the lowest and highest stated when they differ.", "",
                "| when | where | what | sources | documents | killed | injured |",
                "| --- | --- | --- | ---: | ---: | --- | --- |"]
        for (cluster_id, event_type, event_date, weekday, location, n_docs, n_sources,
             k_low, k_best, k_high, i_low, i_best, i_high) in incidents:
            out.append(f"| {_when(event_date, weekday)} | {location} | {event_type} | {n_sources} | {n_docs} | "
                       f"{_figure(k_low, k_best, k_high)} | {_figure(i_low, i_best, i_high)} |")
        shown = [row[0] for row in incidents]
        conflicts = con.execute(queries["conflicts"], [shown]).fetchall()
        if conflicts:
            places = {row[0]: (row[4], _when(row[2], row[3])) for row in incidents}
            out += ["", "### Where the sources disagree", ""]
            for cluster_id, kind, said in conflicts:
                where, when = places[cluster_id]
                out.append(f"- {where}, {when}, {kind}: " + "; ".join(said))
        out.append("")
    if images:
        out += [f"## Map and timeline of the latest {_DAYS} days", "", "The incidents of those days, and those of no known day.", "",
                f"![Incidents by their coordinates: the larger, the more killed; red where sources disagree]({images['map.svg']})", "",
                f"![Killed (dark) and injured (light) per day]({images['timeline.svg']})", ""]
    per_day, per_place = per_day_and_place or figures_per_day_and_place(con)
    out += _bars("Killed and injured per day", "day", [tuple(row.values()) for row in per_day])
    out += _bars("Killed and injured per place", "place", [tuple(row.values()) for row in per_place])
    statements = con.execute(queries["statements"], [max_statements]).fetchall()
    if statements:
        out += ["## Most-quoted statements", ""]
        for speaker, n_docs, n_wordings, wording in statements:
            text = wording if len(wording) <= 200 else wording[:199] + "…"
            out.append(f"- **{speaker or 'unattributed'}**, in {n_docs} documents ({n_wordings} wordings): “{text}”")
        out.append("")
    return "\n".join(out)
