"""newsfacts: raw news reports about armed conflict in, queryable facts out."""

import os
from pathlib import Path

__version__ = "0.1.0"
# Stamped on every run and fact, so an analyst can tell which rules produced a row.
PIPELINE_VERSION = f"newsfacts {__version__}"


def cache_dir() -> Path:
    """Where newsfacts keeps what it builds on this machine (the small-places table, the error log, the
    local files of a remote warehouse): ~/.cache/newsfacts, or under $XDG_CACHE_HOME when set."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsfacts"
