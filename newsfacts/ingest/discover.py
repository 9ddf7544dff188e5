"""Find input files under a source folder, recursively, without following links out of it."""

from __future__ import annotations

import errno
import logging
import os
from pathlib import Path

from newsfacts.ingest.models import InputFile, Quarantined
from newsfacts.load.layout import (AS_OF_DIR, DATABASE_NAME, LOCK_NAME, PARQUET_DIR, SPARE_NAME, TABLES_DIR, TEMPORARY_PREFIXES,
                                   UPGRADED_DIR)
from schemas.values import Reason, Stage

logger = logging.getLogger(__name__)

FORMAT_BY_SUFFIX = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".xml": "xml",
}

# The fingerprint of a folder the walk could not list: the files under it are not known to be gone.
FOLDER_UNREADABLE = "folder:unreadable"


def stat_fingerprint(st: os.stat_result) -> str:
    """Identifies an input we could not hash (unreadable, too large) by size and modification time."""
    return f"stat:{st.st_size}:{st.st_mtime_ns}"


def is_warehouse(folder: Path) -> bool:
    """Whether `folder` holds a newsfacts warehouse (a run or a lock has been there), by the names
    newsfacts/load/layout.py gives its files: the pipeline's own output, not articles."""
    return ((folder / DATABASE_NAME).is_file() or (folder / LOCK_NAME).is_file()
            or (folder / TABLES_DIR / "runs").is_dir() or (folder / PARQUET_DIR / "runs").is_dir())


def discover_files(source_dir: Path, max_file_bytes: int) -> tuple[list[InputFile], list[Quarantined]]:
    """Every file under `source_dir` is either returned for reading or quarantined with a reason; a
    newsfacts warehouse inside it is skipped (it is output, and would grow with every run)."""
    root = source_dir.resolve()
    found: list[InputFile] = []
    rejected: list[Quarantined] = []

    def unlistable(error: OSError) -> None:
        rel = _shown(Path(error.filename).relative_to(root).as_posix()) if error.filename else "."
        detail = f"Cannot list the folder {rel} ({error.strerror}): its files were not read. Check its permissions."
        rejected.append(Quarantined(rel, Stage.DISCOVER, Reason.UNREADABLE, detail, FOLDER_UNREADABLE))

    for dirpath, dirnames, filenames in os.walk(root, onerror=unlistable, followlinks=False):
        dirnames.sort()
        current = Path(dirpath)
        for name in list(dirnames):
            rel = _shown((current / name).relative_to(root).as_posix())
            if (current / name).is_symlink():
                # os.walk does not descend into linked folders; say so rather than skip silently.
                rejected.append(_link_problem(current / name, rel, root, is_dir=True))
            elif is_warehouse(current / name):
                logger.info("Skipped %s: it is a newsfacts warehouse (the pipeline's output), not articles.", rel)
                dirnames.remove(name)
        if current == root and is_warehouse(root):
            # `newsfacts run DIR --warehouse DIR`: the articles load, the warehouse's own files do not.
            dirnames[:] = [d for d in dirnames if d not in (TABLES_DIR, AS_OF_DIR, PARQUET_DIR, UPGRADED_DIR) and not _is_warehouse_file(d)]
            filenames = [f for f in filenames if not _is_warehouse_file(f)]
        for name in sorted(filenames):
            path = current / name
            rel = _shown(path.relative_to(root).as_posix())
            if path.is_symlink():
                problem = _link_problem(path, rel, root, is_dir=False)
                if problem is not None:
                    rejected.append(problem)
                    continue
            outcome = _examine(path, rel, max_file_bytes)
            (found if isinstance(outcome, InputFile) else rejected).append(outcome)
    return found, rejected


def _examine(path: Path, rel: str, max_file_bytes: int) -> InputFile | Quarantined:
    """The file to read, or why it is not read (its type, its size, or an error reading its metadata)."""
    try:
        st = path.stat()
    except OSError as exc:
        return Quarantined(rel, Stage.READ, Reason.UNREADABLE, f"Cannot read {rel}: {exc.strerror}. Check its permissions.", "stat:unknown")
    fmt = FORMAT_BY_SUFFIX.get(path.suffix.lower())
    if fmt is None:
        return Quarantined(
            rel,
            Stage.DISCOVER,
            Reason.UNSUPPORTED_TYPE,
            f"{rel}: '{path.suffix or 'no extension'}' is not a supported input type "
            "(.txt, .html/.htm, .json, .jsonl, NITF .xml).",
            stat_fingerprint(st),
        )
    if st.st_size == 0:
        return Quarantined(rel, Stage.READ, Reason.EMPTY, f"{rel} is an empty file.", stat_fingerprint(st))
    if st.st_size > max_file_bytes:
        return Quarantined(
            rel,
            Stage.READ,
            Reason.TOO_LARGE,
            f"{rel} is {st.st_size / 1e6:.1f} MB, over the {max_file_bytes / 1e6:.1f} MB limit "
            "(raise it with --max-file-mb or NEWSFACTS_MAX_FILE_MB).",
            stat_fingerprint(st),
        )
    return InputFile(str(path), rel, fmt, st.st_size, st.st_mtime_ns)


def _is_warehouse_file(name: str) -> bool:
    return name in (DATABASE_NAME, LOCK_NAME) or name.startswith((*TEMPORARY_PREFIXES, SPARE_NAME))


def _shown(rel: str) -> str:
    """A path as the warehouse can store it: bytes of a file name that are not UTF-8 written as '\\xe9'
    (Parquet strings must be UTF-8, and the name still tells a person which file it is)."""
    return os.fsencode(rel).decode("utf-8", errors="backslashreplace")


def _link_problem(path: Path, rel: str, root: Path, *, is_dir: bool) -> Quarantined | None:
    """Why a link is not read through (a loop, broken, outside the folder, a linked folder), or None for
    a link to a file inside the folder, which is read."""
    try:
        target = path.resolve()
    except (OSError, RuntimeError):  # before Python 3.13, pathlib raises RuntimeError('Symlink loop ...')
        return _loop(rel)
    what = "folder" if is_dir else "file"
    if not target.is_relative_to(root):
        detail = f"{rel} is a link to {target}, outside the source folder; links out of the folder are not followed."
        return Quarantined(rel, Stage.DISCOVER, Reason.SYMLINK_OUTSIDE, detail, f"link:{target}")
    if is_dir:
        detail = f"{rel} links to the {what} {target.relative_to(root)} inside the source folder; it is read there, not through the link."
        return Quarantined(rel, Stage.DISCOVER, Reason.SYMLINK_INSIDE, detail, f"link:{target}")
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return _loop(rel)
        if exc.errno == errno.ENOENT:
            return Quarantined(rel, Stage.READ, Reason.UNREADABLE, f"{rel} is a broken link (its target {target} does not exist).", "link:broken")
        return Quarantined(rel, Stage.READ, Reason.UNREADABLE, f"Cannot follow the link {rel}: {exc.strerror}. Check its target's permissions.", "link:unreadable")
    return None


def _loop(rel: str) -> Quarantined:
    detail = f"{rel} is a link that never reaches a file (a symlink loop); point it at a real file or delete it."
    return Quarantined(rel, Stage.DISCOVER, Reason.SYMLINK_LOOP, detail, "link:loop")
