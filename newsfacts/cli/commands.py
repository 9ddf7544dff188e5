"""The commands besides `run` and `sql`: history, rebuild, correct, serve (scheduled runs), server (the Prefect
UI), review (the review page), eval, report and export.

Each takes the parsed arguments and returns the exit code; what it needs beyond the standard library
is imported when the command runs."""

from __future__ import annotations

import os
from pathlib import Path

from newsfacts.cli.preflight import _check_prefect_api
from newsfacts.cli.prefect_setup import _local_server, _prefect_defaults, _quiet_server_noise
from newsfacts.errors import NewsfactsError


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
    from newsfacts.brief import analyst_brief, pictures
    from newsfacts.load.read_only import connect_read_only

    with connect_read_only(args.warehouse) as con:
        if args.out is None:
            print(analyst_brief(con, args.incidents, args.statements))
            return 0
        drawn = pictures(con)
        brief = analyst_brief(con, args.incidents, args.statements, images={name: name for name in drawn})
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, svg in drawn.items():
        (out / name).write_text(svg, encoding="utf-8")
    (out / "brief.md").write_text(brief, encoding="utf-8")
    print(f"Wrote {out / 'brief.md'} with its map and timeline beside it ({', '.join(drawn)}).")
    return 0


def _history(args) -> int:
    from newsfacts.cli.query import format_table
    from newsfacts.load.history import run_history

    header, rows = run_history(args.warehouse)
    print(format_table(header, rows, max_width=60))
    return 0


def _rebuild(args) -> int:
    from newsfacts.load.warehouse import Warehouse
    from newsfacts.pipeline import build_database

    warehouse = Warehouse(args.warehouse)
    with warehouse.exclusive():
        warehouse.upgrade_earlier_format()
        warehouse.remove_unfinished_runs()
        if not warehouse.committed_run_ids():
            raise NewsfactsError(f"The warehouse {args.warehouse} has no runs to rebuild from. Load one first with "
                                 f"`newsfacts run SOURCE_DIR --warehouse {args.warehouse}`.")
        compacted = warehouse.compact()
        told = []
        counts = build_database(warehouse, f"rebuild-{os.getpid()}", report=told.append, full=True)
    print(f"Rebuilt {warehouse.database} from the stored tables ({compacted} small files compacted). {told[0]}")
    print("Rows: " + ", ".join(f"{table} {n}" for table, n in counts.items()))
    return 0


def _correct(args) -> int:
    from newsfacts.corrections import Decision, correct, parse_set
    from newsfacts.load.warehouse import Warehouse
    from schemas.values import CorrectionAction, CorrectionTarget

    verdict = CorrectionAction.CONFIRM if args.confirm else CorrectionAction.REJECT if args.reject else None
    sets = dict(parse_set(assignment) for assignment in args.sets or [])
    decision = Decision(sets, verdict, args.withdraw, args.reason, args.by)
    rows = correct(Warehouse(args.warehouse), CorrectionTarget(args.target), args.fact_id, decision)
    for row in rows:
        what = {"set": f"{row['field']}: {row['machine_value']} -> {row['value']}", "withdraw": f"withdraws {row['withdraws']}"}
        print(f"Recorded {row['correction_id']} ({args.target} {args.fact_id}, by {row['corrected_by']}): "
              f"{what.get(row['action'], row['action'])}")
    print(f"The warehouse {args.warehouse} holds it now; every later run and rebuild applies it.")
    return 0


def _export(args) -> int:
    from newsfacts.export import export
    from newsfacts.load.read_only import connect_read_only

    out = Path(args.out)
    if not out.parent.is_dir():
        raise NewsfactsError(f"The folder {out.parent} does not exist; create it or write the export elsewhere.")
    with connect_read_only(args.warehouse) as con:
        written = export(con, args.format, out, args.since, args.view)
    print(f"Wrote {written} {'rows' if args.format in ('csv', 'parquet') else 'incidents'} to {out} ({args.format}).")
    return 0


def _review(args) -> int:
    import uvicorn

    from newsfacts.load.warehouse import Warehouse
    from newsfacts.review.app import create_app

    if not Warehouse(args.warehouse).database.exists():
        raise NewsfactsError(f"No warehouse at {args.warehouse}. Load one first with `newsfacts run SOURCE_DIR --warehouse {args.warehouse}`.")
    print(f"Review page: http://{args.host}:{args.port}/  (Ctrl-C stops it)", flush=True)
    uvicorn.run(create_app(args.warehouse), host=args.host, port=args.port, log_level="warning")
    return 0
