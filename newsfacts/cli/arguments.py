"""The command line's grammar: one argparse sub-parser per command, with its options, defaults and help.

Kept apart from the commands so that `newsfacts --help` and a usage error need no import of what the
commands run. Usage errors end like every other user error: one sentence on stderr and exit code 1."""

from __future__ import annotations

import argparse

from newsfacts.config import RUNNERS
from newsfacts.load.layout import DEFAULT_WAREHOUSE
from schemas.values import CorrectionTarget, values


class _Parser(argparse.ArgumentParser):
    """argparse, its usage errors said in one sentence with exit code 1 like every other user error."""

    def error(self, message: str):
        self.exit(1, f"newsfacts: {message[:1].upper()}{message[1:]} (see `{self.prog} --help`).\n")


def _at_least(minimum: int):
    """An argparse type: a whole number of at least `minimum`."""
    def whole_number(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = None
        if value is None or value < minimum:
            raise argparse.ArgumentTypeError(f"expected a whole number of at least {minimum}, not {text!r}")
        return value
    return whole_number


def _positive_number(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = None
    if value is None or not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"expected a number greater than 0, not {text!r}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="newsfacts",
        description="Turn raw news reports about armed conflict into facts you can query with SQL.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    # The order here is the order `newsfacts --help` lists the commands in.
    _add_run(sub)
    _add_sql(sub)
    _add_history(sub)
    _add_rebuild(sub)
    _add_correct(sub)
    _add_review(sub)
    _add_serve(sub)
    _add_server(sub)
    _add_report(sub)
    _add_export(sub)
    _add_eval(sub)
    return parser


def _add_run(sub) -> None:
    run = sub.add_parser("run", help="load a folder of articles into the warehouse (a Prefect flow run)",
                         description="Ingest every article under SOURCE_DIR (recursively), validate it, extract "
                                     "facts, and load Parquet + DuckDB under the warehouse folder. Files already "
                                     "loaded with the same content are skipped.")
    run.add_argument("source_dir", nargs="?", default="seeds", help="folder of .txt/.html/.json/.jsonl/NITF .xml files (default: seeds)")
    run.add_argument("--warehouse", default=DEFAULT_WAREHOUSE, help="warehouse folder for parquet/ and newsfacts.duckdb, or an fsspec URL "
                                                                 f"(s3://bucket/prefix) for the Parquet (default: {DEFAULT_WAREHOUSE})")
    run.add_argument("--max-file-mb", type=_positive_number, default=None, help="quarantine files larger than this (default 20, or NEWSFACTS_MAX_FILE_MB)")
    run.add_argument("--quiet", action="store_true", help="print the summary only, not the example query")
    run.add_argument("--runner", choices=RUNNERS, default="local",
                     help="where extraction batches run: worker processes on this machine (default), a Dask "
                          "cluster (prefect-dask) or a Ray cluster (prefect-ray)")
    run.add_argument("--address", default=None, help="address of an existing cluster (Dask: tcp://host:8786, Ray: ray://host:10001); "
                                                      "default: start one on this machine")
    run.add_argument("--workers", type=_at_least(1), default=None, help="worker processes on this machine (default: one per core; 1 = this process)")


def _add_sql(sub) -> None:
    sql = sub.add_parser("sql", help="run a read-only SQL query on the warehouse and print the result",
                         description="Run one read-only SQL query on the warehouse's DuckDB database.")
    sql.add_argument("query", help='e.g. "SELECT kind, sum(count_min) FROM casualties GROUP BY kind"')
    _warehouse_option(sql)
    sql.add_argument("--max-width", type=_at_least(0), default=60, help="truncate cells wider than this (default 60; 0 = never)")
    sql.add_argument("--as-of", metavar="RUN_ID|TIME", default=None,
                     help="answer as the warehouse stood after that run, or after the last run finished by that "
                          "date or time (UTC, e.g. 2026-03-01T12:00); `newsfacts history` lists the runs")


def _add_history(sub) -> None:
    history = sub.add_parser("history", help="list the warehouse's runs: what each added, superseded and quarantined",
                             description="List the runs of the warehouse, oldest first; any of them can be queried "
                                         "with `newsfacts sql --as-of RUN_ID`.")
    _warehouse_option(history)


def _add_rebuild(sub) -> None:
    rebuild = sub.add_parser("rebuild", help="rebuild every derived table and the DuckDB file from the stored facts",
                             description="Rebuild the DuckDB file and every table derived across sources from the "
                                         "stored tables, after compacting them; no article is read again.")
    _warehouse_option(rebuild, "warehouse folder or URL")


def _warehouse_option(parser, what: str = "warehouse folder") -> None:
    parser.add_argument("--warehouse", default=DEFAULT_WAREHOUSE, help=f"{what} (default: {DEFAULT_WAREHOUSE})")


def _add_correct(sub) -> None:
    correct = sub.add_parser(
        "correct", help="confirm, reject or correct a casualty figure, a quote's speaker, an entity or a report's incident; "
                        "every later run keeps it",
        description="Record a person's decision on one fact. It is stored with who, when, why and the machine's "
                    "value, applied by every later run and rebuild, and shown at once: the fact's review_status becomes "
                    "confirmed, corrected or rejected, and casualties_machine / quotes_machine / events_machine keep the "
                    "machine's values. Rejecting a figure takes it out of every incident; rejecting a quote takes its "
                    "speaker away; rejecting a report (event) says it reports no attack. --set incident=ID moves a report "
                    "into another incident (ID: the incident's, or one of its reports'), --set incident= into one of its own. "
                    "Rejecting an entity undoes its merge into another (entity_merges); --set same_as=ENTITY_ID merges it "
                    "into another, --set split_document=DOC_ID says the one that document names is another of the same "
                    "name, --set canonical_name=NAME renames it.",
        epilog='e.g. newsfacts correct casualty 3f2a... --set count_min=20 --reason "the ministry\'s later toll"')
    correct.add_argument("target", choices=tuple(values(CorrectionTarget)), help="the kind of fact")
    correct.add_argument("fact_id", help="casualties.fact_id, quotes.quote_id, events.event_id, or entities.entity_id "
                                         "(entity_merges.from_id for a merge)")
    decision = correct.add_mutually_exclusive_group(required=True)
    decision.add_argument("--set", action="append", metavar="FIELD=VALUE", dest="sets",
                          help="set a field (repeat for several; an empty VALUE is no value)")
    decision.add_argument("--confirm", action="store_true", help="the fact is right as it stands")
    decision.add_argument("--reject", action="store_true", help="not a figure (casualty), not this speaker (quote), no attack "
                                                                "(event), not the entity it was merged into (entity)")
    decision.add_argument("--withdraw", metavar="CORRECTION_ID", help="take back an earlier correction of this fact")
    correct.add_argument("--reason", default=None, help="why, kept with the decision")
    correct.add_argument("--by", default=None, help="who decides (default: your user name)")
    _warehouse_option(correct, "warehouse folder or URL")


def _add_review(sub) -> None:
    review = sub.add_parser(
        "review", help="serve the review page: incidents, their figures against the evidence, corrections, a map and a timeline",
        description="Serve a local web page to review the warehouse: incidents with their figures and conflicts, each figure "
                    "and quote against the sentence that states it, one click to confirm, reject or set a value (stored as "
                    "`newsfacts correct` stores it), each fact's history, a map and a timeline. Nothing is fetched from the network.")
    _warehouse_option(review)
    review.add_argument("--port", type=_at_least(1), default=8765, help="port (default 8765)")
    review.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")


def _add_serve(sub) -> None:
    serve = sub.add_parser(
        "serve", help="run the pipeline on a schedule (a Prefect deployment served from this process)",
        description="Serve a Prefect deployment of news_etl that runs on SOURCE_DIR on a schedule. Each run "
                    "loads only new or changed files. Needs a Prefect server: with PREFECT_API_URL unset, "
                    "a local server is started (or reused) on --port, with its UI at http://127.0.0.1:PORT.")
    serve.add_argument("source_dir", nargs="?", default="seeds", help="folder to watch (default: seeds)")
    _warehouse_option(serve)
    when = serve.add_mutually_exclusive_group(required=True)
    when.add_argument("--cron", help='cron schedule, e.g. "*/15 * * * *"')
    when.add_argument("--interval", type=_positive_number, help="seconds between runs")
    serve.add_argument("--port", type=_at_least(1), default=4200, help="port of the local Prefect server (default 4200)")
    serve.add_argument("--name", default=None, help="deployment name (default: news-etl-<folder>)")


def _add_server(sub) -> None:
    server = sub.add_parser("server", help="start the local Prefect server and UI (foreground)",
                            description="Start `prefect server start` for the Prefect UI; then set "
                                        "PREFECT_API_URL=http://127.0.0.1:PORT/api so that runs report to it.")
    server.add_argument("--port", type=_at_least(1), default=4200)
    server.add_argument("--host", default="127.0.0.1")


def _add_report(sub) -> None:
    report = sub.add_parser("report", help="print the analyst brief of the warehouse (Markdown)",
                            description="Print a short Markdown brief: incidents with their figures, sources and "
                                        "disagreements, figures per day and place, and the most-quoted statements; with "
                                        "--out, write it with a map and a timeline of the incidents as SVG files beside "
                                        "it. Every run attaches the same brief, pictures inside, to its Prefect flow run "
                                        "as the artifact news-etl-analyst-brief.")
    _warehouse_option(report)
    report.add_argument("--incidents", type=_at_least(0), default=10, help="incidents to list (default 10)")
    report.add_argument("--statements", type=_at_least(0), default=5, help="statements to list (default 5)")
    report.add_argument("--out", default=None, metavar="DIR",
                        help="write brief.md into DIR with its map and timeline (map.svg, timeline.svg) beside it")


def _iso_date(text: str):
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date written YYYY-MM-DD, not {text!r}") from None


def _add_export(sub) -> None:
    export = sub.add_parser(
        "export", help="write the incidents as ACLED or UCDP rows or GeoJSON, or a table or view as CSV or Parquet",
        description="Write the warehouse's incidents in the shapes the field uses: ACLED's 31 columns (acled), UCDP GED's "
                    "columns (ucdp), GeoJSON features for QGIS or kepler.gl (geojson); or one table or view (--view) as "
                    "CSV or Parquet. Every export carries the corrections people made. docs/exports.md says how each column is filled.")
    export.add_argument("out", help="the file to write")
    export.add_argument("--format", choices=("acled", "ucdp", "geojson", "csv", "parquet"), required=True)
    export.add_argument("--since", type=_iso_date, default=None, help="only incidents from this day on (YYYY-MM-DD)")
    export.add_argument("--view", default=None, help="the table or view a csv or parquet export writes (e.g. casualty_reports)")
    _warehouse_option(export)


def _add_eval(sub) -> None:
    ev = sub.add_parser("eval", help="score the warehouse against hand-annotated gold files",
                        description="Score the facts in the warehouse against gold files (tests/gold/*.json): "
                                    "precision, recall and F1 per fact type. Gold files are matched to documents by file name.")
    ev.add_argument("gold_dir", help="folder of gold *.json files (e.g. tests/gold)")
    _warehouse_option(ev)
    ev.add_argument("--split", choices=("tune", "check", "all"), default="all",
                    help="score the tune split, the held-out check split (never tuned on) or all gold files (default)")
    ev.add_argument("--verbose", "-v", action="store_true", help="list every miss and every extra")
