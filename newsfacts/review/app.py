"""The review page's web app (FastAPI, Jinja2 templates and one stylesheet from this package).

Reading opens the warehouse read-only for each request (newsfacts/load/read_only.py). A decision posted
by the page becomes a correction through newsfacts.corrections.correct, as `newsfacts correct` makes one,
so the page and the CLI write the same rows. A write needs the token the page itself put in its forms, made
when the server starts: another site open in the same browser cannot post one (it cannot read the page),
and a post from another origin is refused too."""

from __future__ import annotations

import secrets
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from jinja2 import Environment, FileSystemLoader, select_autoescape

from newsfacts.corrections import TARGETS, Decision, correct
from newsfacts.errors import NewsfactsError
from newsfacts.load.read_only import connect_read_only
from newsfacts.load.warehouse import Warehouse
from newsfacts.pictures import map_svg, timeline_svg
from schemas.values import CorrectionAction, CorrectionTarget
from warehouse import named_queries, rows

HERE = Path(__file__).resolve().parent
FILTERS = ("place", "since", "until", "type", "outlet")
# Incidents per page of the list (and on its map and timeline).
PAGE_SIZE = 500


def create_app(warehouse_dir: str, token: str | None = None) -> FastAPI:
    """The review app of the warehouse at `warehouse_dir`; `token` is what a post must carry (default: a new
    random one)."""
    token = token or secrets.token_urlsafe(24)
    queries = named_queries("review.sql")
    templates = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]))
    app = FastAPI(title="newsfacts review", docs_url=None, redoc_url=None, openapi_url=None)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def query(name: str, **parameters) -> list[dict]:
        with connect_read_only(warehouse_dir) as con:
            return rows(con, queries[name], parameters)

    def page(template: str, **context) -> HTMLResponse:
        html = templates.get_template(template).render(token=token, warehouse=warehouse_dir, **context)
        return HTMLResponse(html, headers={"Content-Security-Policy": "default-src 'self'; style-src 'self'; img-src 'self' data:",
                                           "X-Frame-Options": "DENY", "Referrer-Policy": "same-origin"})

    @app.get("/", response_class=HTMLResponse)
    def incidents(request: Request):
        chosen = {name: (request.query_params.get(name) or "").strip() or None for name in FILTERS}
        try:
            for day in ("since", "until"):
                if chosen[day]:
                    date.fromisoformat(chosen[day])
        except ValueError:
            raise HTTPException(400, "Dates are written YYYY-MM-DD.") from None
        try:
            number = max(int(request.query_params.get("page") or 1), 1)
        except ValueError:
            raise HTTPException(400, "The page is a number.") from None
        found = query("incidents", **chosen, limit=PAGE_SIZE, offset=(number - 1) * PAGE_SIZE)
        kept = found[0]["n_kept"] if found else 0
        pages = {"number": number, "first": (number - 1) * PAGE_SIZE + 1, "last": (number - 1) * PAGE_SIZE + len(found),
                 "kept": kept, "previous": _page_link(chosen, number - 1) if number > 1 else None,
                 "next": _page_link(chosen, number + 1) if number * PAGE_SIZE < kept else None}
        return page("incidents.html", incidents=found, chosen=chosen, types=[r["event_type"] for r in query("event_types")],
                    pages=pages, map=map_svg(found, link=lambda cluster_id: f"/incidents/{cluster_id}"), timeline=timeline_svg(found))

    @app.get("/incidents/{cluster_id}", response_class=HTMLResponse)
    def incident(cluster_id: str, message: str | None = None):
        found = query("incident", cluster=cluster_id)
        if not found:
            raise HTTPException(404, f"No incident {cluster_id}.")
        return page("incident.html", incident=found[0], reports=query("reports", cluster=cluster_id),
                    figures=query("figures", cluster=cluster_id),
                    quotes=query("quotes", cluster=cluster_id), merges=query("merges", cluster=cluster_id),
                    history=query("history", cluster=cluster_id),
                    settable={target.value: about.settable for target, about in TARGETS.items()}, message=message)

    @app.get("/documents/{doc_id}", response_class=HTMLResponse)
    def document(doc_id: str, start: int = 0, end: int = 0):
        found = query("document", doc=doc_id)
        if not found:
            raise HTTPException(404, f"No document {doc_id}.")
        text = found[0]["text"]
        start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
        return page("document.html", doc=found[0], before=text[:start], marked=text[start:end], after=text[end:])

    @app.post("/decide")
    async def decide(request: Request):
        origin = request.headers.get("origin")
        if origin and urlsplit(origin).netloc != request.headers.get("host"):
            raise HTTPException(403, "A decision can only be posted from the review page itself.")
        form = {key: values[-1] for key, values in parse_qs((await request.body()).decode("utf-8")).items()}
        if not secrets.compare_digest(form.get("token", ""), token):
            raise HTTPException(403, "This page is out of date or not the review page's own: reload it and decide again.")
        back = form.get("back", "/")
        if not back.startswith("/") or back.startswith("//"):
            back = "/"
        try:
            target = CorrectionTarget(form.get("target", ""))
            await run_in_threadpool(correct, Warehouse(warehouse_dir), target, form.get("fact_id", ""), _decision(form))
            message = "Saved: every later run and rebuild keeps it."
            if target == CorrectionTarget.EVENT and back.startswith("/incidents/"):
                # the incident the report left may be gone: show the one it is in now
                if not query("incident", cluster=back.split("?")[0].rsplit("/", 1)[-1]):
                    now = query("report_incident", event=form.get("fact_id", ""))
                    back = f"/incidents/{now[0]['cluster_id']}" if now and now[0]["cluster_id"] else "/"
        except (NewsfactsError, ValueError) as error:
            message = str(error)
        return RedirectResponse(f"{back.split('?')[0]}?{urlencode({'message': message})}", status_code=303)

    return app


def _page_link(chosen: dict[str, str | None], number: int) -> str:
    return "/?" + urlencode({**{name: value for name, value in chosen.items() if value}, "page": number})


def _decision(form: dict[str, str]) -> Decision:
    action, reason, by = form.get("action"), form.get("reason") or None, form.get("by") or None
    if action == "set":
        field = form.get("field") or ""
        return Decision({field: form.get("value", "").strip() or None}, reason=reason, by=by)
    if action == "withdraw":
        return Decision({}, withdraws=form.get("withdraws"), reason=reason, by=by)
    return Decision({}, verdict=CorrectionAction(action), reason=reason, by=by)
