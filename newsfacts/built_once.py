"""Tables newsfacts builds once per machine from an installed package (the small-places gazetteer, the
casing table) and keeps in the user's cache folder."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

from filelock import FileLock

log = logging.getLogger(__name__)


def built_in_a_child_process(path: Path, module: str, without_it: str) -> Path | None:
    """`path`, built by `python -m <module>` when missing. The build runs in a child process, so the memory
    it takes to read the package's data never counts against a pipeline process, and under a file lock,
    so one process builds while the others wait. None when it cannot be built, with a warning that says
    what the run does `without_it`."""
    if path.exists():
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with FileLock(str(path) + ".lock", timeout=300):
            if not path.exists():
                subprocess.run([sys.executable, "-m", module], check=True, capture_output=True, timeout=600)
    except (OSError, subprocess.SubprocessError, TimeoutError) as exc:
        log.warning("%s could not be built (%s); %s.", path.name, exc, without_it)
        return None
    return path if path.exists() else None
