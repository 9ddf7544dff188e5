"""Errors meant for a person: each message says what went wrong, where, and what to do. The command
line prints one sentence; the details (the traceback) go to the error log, error_log_path()."""

from __future__ import annotations

import os
import sys
import time
import traceback
from pathlib import Path

from newsfacts import cache_dir

# The log is kept small: past this size it starts again (the previous one is kept as errors.log.1).
ERROR_LOG_MAX_BYTES = 1024 * 1024


class NewsfactsError(Exception):
    """A problem the user can fix (a missing folder, an unwritable warehouse, a busy warehouse)."""


def error_log_path() -> Path:
    """~/.cache/newsfacts/errors.log (under $XDG_CACHE_HOME when set): one place for every command,
    whichever warehouse it names, even one that cannot be written."""
    return cache_dir() / "errors.log"


def log_failure(sentence: str, error: BaseException | None = None, command: list[str] | None = None) -> Path | None:
    """Append the command line, the sentence shown and the traceback to the error log; returns its path,
    or None when it cannot be written (the sentence still stands on its own)."""
    path = error_log_path()
    command = sys.argv[1:] if command is None else command
    lines = [f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} pid {os.getpid()}: newsfacts {' '.join(command)}", sentence]
    if error is not None:
        lines.append("".join(traceback.format_exception(error)).rstrip())
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > ERROR_LOG_MAX_BYTES:
            path.replace(path.with_name(path.name + ".1"))
        with open(path, "a", encoding="utf-8") as log:
            log.write("\n".join(lines) + "\n")
    except OSError:
        return None
    return path
