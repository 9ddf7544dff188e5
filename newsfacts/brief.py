"""The analyst brief: a short Markdown picture of the warehouse (incidents with their figures,
sources and disagreements; the most-quoted statements). `newsfacts report` prints it, and every flow
run attaches it to its Prefect flow run as a markdown artifact."""

from __future__ import annotations

import re

from warehouse import sql_file


def _queries() -> dict[str, str]:
    parts = re.split(r"^-- name: (\w+)\s*$", sql_file("brief.sql"), flags=re.MULTILINE)
    return {name: body.strip().rstrip(";") for name, body in zip(parts[1::2], parts[2::2])}


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


def analyst_brief(con, max_incidents: int = 10, max_statements: int = 5) -> str:
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
    statements = con.execute(queries["statements"], [max_statements]).fetchall()
    if statements:
        out += ["## Most-quoted statements", ""]
        for speaker, n_docs, n_wordings, wording in statements:
            text = wording if len(wording) <= 200 else wording[:199] + "…"
            out.append(f"- **{speaker or 'unattributed'}**, in {n_docs} documents ({n_wordings} wordings): “{text}”")
        out.append("")
    return "\n".join(out)
