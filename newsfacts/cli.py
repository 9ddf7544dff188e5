"""`newsfacts run` loads a folder of articles; `newsfacts sql` queries the warehouse."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from newsfacts.errors import NewsfactsError

EXAMPLE_QUERY = """\
SELECT d.title, c.kind, c.count_min, c.precision, c.victims, c.reported_by,
       substr(d.text, c.start_char + 1, c.end_char - c.start_char) AS evidence
FROM casualties c JOIN documents d USING (doc_id)
WHERE c.part_of IS NULL
ORDER BY c.count_min DESC
LIMIT 5"""


def _prefect_defaults() -> None:
    """Quiet, offline-friendly Prefect settings unless the user chose otherwise."""
    # The first start on a fresh PREFECT_HOME migrates its database (~20 s here): give it room.
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_LOGGING_LOG_PRINTS", "false")


def _quiet_server_noise() -> None:
    """The ephemeral server announces its start and stop on the 'prefect' logger; users need the flow's logs."""
    class _DropServerChatter(logging.Filter):
        def filter(self, record: logging.LogRecord) -> bool:
            message = record.getMessage()
            return not ("temporary server" in message or "dedicated Prefect server" in message)

    for name in ("distributed", "distributed.scheduler", "distributed.nanny", "distributed.core", "distributed.worker", "distributed.http.proxy"):
        logging.getLogger(name).setLevel(logging.WARNING)  # a Dask cluster's start-up chatter
    for name in ("prefect", "prefect.server", "uvicorn", "uvicorn.error"):
        logger = logging.getLogger(name)
        logger.addFilter(_DropServerChatter())
        for handler in logger.handlers:
            handler.addFilter(_DropServerChatter())


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsfacts",
        description="Turn raw news reports about armed conflict into facts you can query with SQL.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="load a folder of articles into the warehouse (a Prefect flow run)",
                         description="Ingest every article under SOURCE_DIR (recursively), validate it, extract "
                                     "facts, and load Parquet + DuckDB under the warehouse folder. Files already "
                                     "loaded with the same content are skipped.")
    run.add_argument("source_dir", nargs="?", default="seeds", help="folder of .txt/.html/.json/.jsonl/NITF .xml files (default: seeds)")
    run.add_argument("--warehouse", default="warehouse", help="warehouse folder for parquet/ and newsfacts.duckdb, or an fsspec URL "
                                                              "(s3://bucket/prefix) for the Parquet (default: warehouse)")
    run.add_argument("--max-file-mb", type=float, default=None, help="quarantine files larger than this (default 20, or NEWSFACTS_MAX_FILE_MB)")
    run.add_argument("--quiet", action="store_true", help="print the summary only, not the example query")
    run.add_argument("--runner", choices=["local", "dask", "ray"], default="local",
                     help="where extraction batches run: worker processes on this machine (default), a Dask "
                          "cluster (prefect-dask) or a Ray cluster (prefect-ray)")
    run.add_argument("--address", default=None, help="address of an existing cluster (Dask: tcp://host:8786, Ray: ray://host:10001); "
                                                      "default: start one on this machine")
    run.add_argument("--workers", type=int, default=None, help="worker processes on this machine (default: one per core; 1 = this process)")

    sql = sub.add_parser("sql", help="run a read-only SQL query on the warehouse and print the result",
                         description="Run one read-only SQL query on the warehouse's DuckDB database.")
    sql.add_argument("query", help='e.g. "SELECT kind, sum(count_min) FROM casualties GROUP BY kind"')
    sql.add_argument("--warehouse", default="warehouse", help="warehouse folder (default: warehouse)")
    sql.add_argument("--max-width", type=int, default=60, help="truncate cells wider than this (default 60; 0 = never)")
    serve = sub.add_parser(
        "serve", help="run the pipeline on a schedule (a Prefect deployment served from this process)",
        description="Serve a Prefect deployment of news_etl that runs on SOURCE_DIR on a schedule. Each run "
                    "loads only new or changed files. Needs a Prefect server: with PREFECT_API_URL unset, "
                    "a local server is started (or reused) on --port, with its UI at http://127.0.0.1:PORT.")
    serve.add_argument("source_dir", nargs="?", default="seeds", help="folder to watch (default: seeds)")
    serve.add_argument("--warehouse", default="warehouse", help="warehouse folder (default: warehouse)")
    when = serve.add_mutually_exclusive_group(required=True)
    when.add_argument("--cron", help='cron schedule, e.g. "*/15 * * * *"')
    when.add_argument("--interval", type=float, help="seconds between runs")
    serve.add_argument("--port", type=int, default=4200, help="port of the local Prefect server (default 4200)")
    serve.add_argument("--name", default=None, help="deployment name (default: news-etl-<folder>)")

    server = sub.add_parser("server", help="start the local Prefect server and UI (foreground)",
                            description="Start `prefect server start` for the Prefect UI; then set "
                                        "PREFECT_API_URL=http://127.0.0.1:PORT/api so that runs report to it.")
    server.add_argument("--port", type=int, default=4200)
    server.add_argument("--host", default="127.0.0.1")

    report = sub.add_parser("report", help="print the analyst brief of the warehouse (Markdown)",
                            description="Print a short Markdown brief: incidents with their figures, sources and "
                                        "disagreements, and the most-quoted statements. Every run attaches the same "
                                        "brief to its Prefect flow run as the artifact news-etl-analyst-brief.")
    report.add_argument("--warehouse", default="warehouse", help="warehouse folder (default: warehouse)")
    report.add_argument("--incidents", type=int, default=10, help="incidents to list (default 10)")
    report.add_argument("--statements", type=int, default=5, help="statements to list (default 5)")

    ev = sub.add_parser("eval", help="score the warehouse against hand-annotated gold files",
                        description="Score the facts in the warehouse against gold files (tests/gold/*.json): "
                                    "precision, recall and F1 per fact type. Gold files are matched to documents by file name.")
    ev.add_argument("gold_dir", help="folder of gold *.json files (e.g. tests/gold)")
    ev.add_argument("--warehouse", default="warehouse", help="warehouse folder (default: warehouse)")
    ev.add_argument("--split", choices=("tune", "check", "all"), default="all",
                    help="score the tune split, the held-out check split (never tuned on) or all gold files (default)")
    ev.add_argument("--verbose", "-v", action="store_true", help="list every miss and every extra")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    commands = {"run": _run, "sql": _sql, "eval": _eval, "report": _report, "serve": _serve, "server": _server}
    try:
        return commands[args.command](args)
    except NewsfactsError as error:
        print(f"newsfacts: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("newsfacts: interrupted; the warehouse keeps its previous state.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output went away (`newsfacts sql ... | head`): stop quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _run(args) -> int:
    from newsfacts.load.warehouse import Warehouse

    source = Path(args.source_dir)
    if not source.is_dir():
        raise NewsfactsError(f"The source folder {source} does not exist (or is not a folder). Pass the folder that holds your articles: `newsfacts run PATH`.")
    warehouse = Warehouse(args.warehouse)
    with warehouse.exclusive():  # fail fast, before Prefect starts, when another run holds it
        pass

    _prefect_defaults()
    from flows.news_etl import news_etl, task_runner_for

    _quiet_server_noise()
    flow = news_etl.with_options(task_runner=task_runner_for(args.runner, args.address, args.workers))
    _share_prefect_api()
    summary = flow(str(source), str(args.warehouse), args.max_file_mb)

    from newsfacts.report import run_summary_lines

    print()
    print("\n".join(run_summary_lines(summary)))
    if not args.quiet:
        print(f"\nExample query (newsfacts sql \"...\" --warehouse {args.warehouse}):\n{EXAMPLE_QUERY}\n")
        _print_query(args.warehouse, EXAMPLE_QUERY, 60)
    return 0


def _share_prefect_api() -> None:
    """Without PREFECT_API_URL, Prefect starts a temporary API server inside each process that needs one:
    worker processes (the process pool, Dask, Ray) would each start their own (~15 s) and their task
    runs would be lost with it. Start the temporary server here, once, and point every process at it.
    Prefect stops it at exit, after its log and event queues have drained."""
    if os.environ.get("PREFECT_API_URL"):
        return
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()
    server.start(timeout=float(os.environ["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"]))
    os.environ["PREFECT_API_URL"] = server.api_url


def _local_server(warehouse: Path, port: int = 4200):
    """Point PREFECT_API_URL at the local Prefect server, starting one if none answers; returns the
    process started (to stop later), or None when one was already running."""
    from newsfacts import server

    url = server.api_url(port=port)
    started = None
    if not server.is_healthy(url):
        log = warehouse / "prefect-server.log"
        print(f"Starting a local Prefect server on port {port} (log: {log}); its UI: http://127.0.0.1:{port}")
        started = server.start_server(port=port, log_path=log)
    os.environ["PREFECT_API_URL"] = url
    return started


def _serve(args) -> int:
    from newsfacts import server

    source = Path(args.source_dir).resolve()
    if not source.is_dir():
        raise NewsfactsError(f"The source folder {source} does not exist (or is not a folder).")
    from newsfacts.load.warehouse import Warehouse

    target = Warehouse(args.warehouse)
    target.ensure_writable()
    _prefect_defaults()
    started = None if os.environ.get("PREFECT_API_URL") else _local_server(target.root, args.port)
    from flows.news_etl import news_etl

    _quiet_server_noise()
    name = args.name or f"news-etl-{source.name}"
    # A folder is passed as an absolute path (the runs may start elsewhere); a URL as it is.
    warehouse = args.warehouse if "://" in args.warehouse else str(Path(args.warehouse).resolve())
    try:
        news_etl.serve(
            name=name,
            cron=args.cron,
            interval=args.interval,
            parameters={"source_dir": str(source), "warehouse_dir": warehouse},
            limit=1,  # one run at a time; the warehouse lock backs this up
            description=f"Load new or changed articles from {source} into {warehouse}",
        )
    finally:
        if started is not None:
            server.stop_server(started)
    return 0


def _server(args) -> int:
    from newsfacts import server

    command = [server.prefect_executable(), "server", "start", "--host", args.host, "--port", str(args.port)]
    print(f"Prefect UI: http://{args.host}:{args.port}  (export PREFECT_API_URL={server.api_url(args.host, args.port)})")
    os.execve(command[0], command, server.server_environment(args.host, args.port))
    return 0


def _eval(args) -> int:
    from newsfacts.evaluate import evaluate, format_scores

    gold = Path(args.gold_dir)
    if not gold.is_dir():
        raise NewsfactsError(f"The gold folder {gold} does not exist.")
    print(format_scores(evaluate(Path(args.warehouse), gold, args.split), verbose=args.verbose))
    return 0


def _report(args) -> int:
    from newsfacts.brief import analyst_brief
    from newsfacts.load.warehouse import connect_read_only

    with connect_read_only(args.warehouse) as con:
        print(analyst_brief(con, args.incidents, args.statements))
    return 0


def _sql(args) -> int:
    _print_query(args.warehouse, args.query, args.max_width)
    return 0


def _print_query(warehouse: str, query: str, max_width: int) -> None:
    import duckdb

    from newsfacts.load.warehouse import connect_read_only

    with connect_read_only(warehouse) as con:
        try:
            cursor = con.execute(query)
        except duckdb.Error as exc:
            raise NewsfactsError(f"The query failed: {exc}") from None
        if cursor.description is None:
            print("(no result)")
            return
        header = [d[0] for d in cursor.description]
        rows = cursor.fetchall()
    print(format_table(header, rows, max_width))


def format_table(header: list[str], rows: list[tuple], max_width: int = 60) -> str:
    def cell(value) -> str:
        text = "NULL" if value is None else str(value)
        text = " ".join(text.split())
        return text if not max_width or len(text) <= max_width else text[: max_width - 1] + "…"

    cells = [[cell(v) for v in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(header)]
    line = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    out = [line, "| " + " | ".join(h.ljust(w) for h, w in zip(header, widths)) + " |", line]
    out += ["| " + " | ".join(c.ljust(w) for c, w in zip(row, widths)) + " |" for row in cells]
    out += [line, f"({len(rows)} row{'s' if len(rows) != 1 else ''})"]
    return "\n".join(out)


if __name__ == "__main__":
    sys.exit(main())
