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
    run.add_argument("--warehouse", default="warehouse", help="warehouse folder for parquet/ and newsfacts.duckdb (default: warehouse)")
    run.add_argument("--max-file-mb", type=float, default=None, help="quarantine files larger than this (default 20, or NEWSFACTS_MAX_FILE_MB)")
    run.add_argument("--quiet", action="store_true", help="print the summary only, not the example query")

    sql = sub.add_parser("sql", help="run a read-only SQL query on the warehouse and print the result",
                         description="Run one read-only SQL query on the warehouse's DuckDB database.")
    sql.add_argument("query", help='e.g. "SELECT kind, sum(count_min) FROM casualties GROUP BY kind"')
    sql.add_argument("--warehouse", default="warehouse", help="warehouse folder (default: warehouse)")
    sql.add_argument("--max-width", type=int, default=60, help="truncate cells wider than this (default 60; 0 = never)")
    ev = sub.add_parser("eval", help="score the warehouse against hand-annotated gold files",
                        description="Score the facts in the warehouse against gold files (tests/gold/*.json): "
                                    "precision, recall and F1 per fact type. Gold files are matched to documents by file name.")
    ev.add_argument("gold_dir", help="folder of gold *.json files (e.g. tests/gold)")
    ev.add_argument("--warehouse", default="warehouse", help="warehouse folder (default: warehouse)")
    ev.add_argument("--verbose", "-v", action="store_true", help="list every miss and every extra")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "run":
            return _run(args)
        if args.command == "sql":
            return _sql(args)
        if args.command == "eval":
            return _eval(args)
    except NewsfactsError as error:
        print(f"newsfacts: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("newsfacts: interrupted; the warehouse keeps its previous state.", file=sys.stderr)
        return 130
    return 2


def _run(args) -> int:
    from newsfacts.load.warehouse import Warehouse

    source = Path(args.source_dir)
    if not source.is_dir():
        raise NewsfactsError(f"The source folder {source} does not exist (or is not a folder). Pass the folder that holds your articles: `newsfacts run PATH`.")
    warehouse = Warehouse(args.warehouse)
    with warehouse.exclusive():  # fail fast, before Prefect starts, when another run holds it
        pass

    _prefect_defaults()
    from flows.news_etl import news_etl

    _quiet_server_noise()
    summary = news_etl(str(source), str(args.warehouse), args.max_file_mb)

    from newsfacts.report import run_summary_lines

    print()
    print("\n".join(run_summary_lines(summary)))
    if not args.quiet:
        print(f"\nExample query (newsfacts sql \"...\" --warehouse {args.warehouse}):\n{EXAMPLE_QUERY}\n")
        _print_query(args.warehouse, EXAMPLE_QUERY, 60)
    return 0


def _eval(args) -> int:
    from newsfacts.evaluate import evaluate, format_scores

    gold = Path(args.gold_dir)
    if not gold.is_dir():
        raise NewsfactsError(f"The gold folder {gold} does not exist.")
    print(format_scores(evaluate(Path(args.warehouse), gold), verbose=args.verbose))
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
