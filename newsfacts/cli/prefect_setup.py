"""How the commands that start Prefect set it up: its settings, its API server, and its logging.

Prefect itself is imported inside the functions that need it, so that the commands that do not start
a flow (sql, report, eval, --help) start fast."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from newsfacts.errors import error_log_path


def _prefect_defaults() -> None:
    """Quiet, offline-friendly Prefect settings unless the user chose otherwise."""
    # The first start on a fresh PREFECT_HOME migrates its database (~20 s here): give it room.
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_LOGGING_LOG_PRINTS", "false")


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
