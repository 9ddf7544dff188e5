"""The one sentence a failed command ends with, and the clean-up after it.

A NewsfactsError already says what went wrong and what to do; a full disk is said as such whatever
library wrapped it; anything else is an unexpected error, reported with where its details were logged."""

from __future__ import annotations

import errno
import os
import traceback

from newsfacts.errors import NewsfactsError, error_log_path, log_failure


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
