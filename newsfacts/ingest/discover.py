"""Find input files under a source folder, recursively, without following links out of it."""

from __future__ import annotations

import os
from pathlib import Path

from newsfacts.ingest.models import InputFile, Quarantined

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


def stat_fingerprint(st: os.stat_result) -> str:
    """Identifies an input we could not hash (unreadable, too large) by size and modification time."""
    return f"stat:{st.st_size}:{st.st_mtime_ns}"


def discover_files(source_dir: Path, max_file_bytes: int) -> tuple[list[InputFile], list[Quarantined]]:
    """Every file under `source_dir` is either returned for reading or quarantined with a reason."""
    root = source_dir.resolve()
    found: list[InputFile] = []
    rejected: list[Quarantined] = []

    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames.sort()
        current = Path(dirpath)
        for name in list(dirnames):
            if (current / name).is_symlink():
                # os.walk does not descend into linked folders; say so rather than skip silently.
                rel = (current / name).relative_to(root).as_posix()
                rejected.append(_link_rejection(current / name, rel, root, is_dir=True))
        for name in sorted(filenames):
            path = current / name
            rel = path.relative_to(root).as_posix()
            if path.is_symlink():
                target = path.resolve()
                if not target.is_relative_to(root):
                    rejected.append(_link_rejection(path, rel, root, is_dir=False))
                    continue
                if not target.exists():
                    rejected.append(Quarantined(rel, "read", "unreadable", f"{rel} is a broken link (its target {target} does not exist).", "link:broken"))
                    continue
            fmt = FORMAT_BY_SUFFIX.get(path.suffix.lower())
            try:
                st = path.stat()
            except OSError as exc:
                rejected.append(Quarantined(rel, "read", "unreadable", f"Cannot read {rel}: {exc.strerror}.", "stat:unknown"))
                continue
            if fmt is None:
                rejected.append(
                    Quarantined(
                        rel,
                        "discover",
                        "unsupported_type",
                        f"{rel}: '{path.suffix or 'no extension'}' is not a supported input type "
                        "(.txt, .html/.htm, .json, .jsonl, NITF .xml).",
                        stat_fingerprint(st),
                    )
                )
                continue
            if st.st_size == 0:
                rejected.append(Quarantined(rel, "read", "empty", f"{rel} is an empty file.", stat_fingerprint(st)))
                continue
            if st.st_size > max_file_bytes:
                rejected.append(
                    Quarantined(
                        rel,
                        "read",
                        "too_large",
                        f"{rel} is {st.st_size / 1e6:.1f} MB, over the {max_file_bytes / 1e6:.1f} MB limit "
                        "(raise it with --max-file-mb or NEWSFACTS_MAX_FILE_MB).",
                        stat_fingerprint(st),
                    )
                )
                continue
            found.append(InputFile(str(path), rel, fmt, st.st_size, st.st_mtime_ns))
    return found, rejected


def _link_rejection(path: Path, rel: str, root: Path, *, is_dir: bool) -> Quarantined:
    target = path.resolve()
    what = "folder" if is_dir else "file"
    if target.is_relative_to(root):
        detail = f"{rel} links to the {what} {target.relative_to(root)} inside the source folder; it is read there, not through the link."
        return Quarantined(rel, "discover", "symlink_inside", detail, f"link:{target}")
    detail = f"{rel} is a link to {target}, outside the source folder; links out of the folder are not followed."
    return Quarantined(rel, "discover", "symlink_outside", detail, f"link:{target}")
