"""`newsfacts run` loads a folder of articles; `newsfacts sql` queries the warehouse.

Every failure ends with one sentence on stderr ("newsfacts: ...") and exit code 1, never a traceback:
the traceback goes to the error log (newsfacts.errors.error_log_path, ~/.cache/newsfacts/errors.log).

This module is the entry point (`newsfacts`, `python -m newsfacts.cli`) and holds `main` and the `run`
command. The command table and `run` look up `_sql`, `_run_flow` and `_fail_fast_if_busy` here, in this
module's namespace, so that a test can replace them on `newsfacts.cli`. The rest lives beside it:
arguments (the parser), preflight (checks before Prefect starts), prefect_setup (Prefect's settings,
server and logging), query (`sql`), commands (serve, server, eval, report), failures (the sentence)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from newsfacts.cli.arguments import build_parser
from newsfacts.cli.commands import _correct, _eval, _export, _history, _rebuild, _report, _review, _serve, _server
from newsfacts.cli.failures import _failure_sentence, _release_frames
from newsfacts.cli.preflight import _check_prefect_api, _check_spacy_model, _fail_fast_if_busy
from newsfacts.cli.prefect_setup import (
    _failure_details_to_the_log,
    _prefect_defaults,
    _quiet_server_noise,
    _share_prefect_api,
)
from newsfacts.cli.query import EXAMPLE_QUERY, _print_query, _sql, format_table
from newsfacts.errors import NewsfactsError


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as done:  # --help, or a usage error already said in one sentence
        return done.code if isinstance(done.code, int) else 1
    commands = {"run": _run, "sql": _sql, "history": _history, "rebuild": _rebuild, "correct": _correct, "review": _review, "eval": _eval, "report": _report, "export": _export,
                "serve": _serve, "server": _server}
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


def _run_flow(flow, source: Path, settings, args):
    """The flow run; an exception raised in the flow (a NewsfactsError included) arrives here as it was
    raised."""
    _share_prefect_api()
    return flow(str(source), str(args.warehouse), args.max_file_mb, settings=settings, runner=args.runner,
                workers=args.workers, cluster_address=args.address)
