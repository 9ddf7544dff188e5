"""A warehouse's past: the runs it has had, and the warehouse as it stood after any one of them.

Every stored row carries the run that added it, and every `runs` row says when its run finished, so the
warehouse as it stood after run R is built from the rows of R and of the runs that finished before it,
by the same build a run makes (build.py), into a database of its own under `as-of/`. That database is
kept for the next query of the same point while the code that built it is the same (the last three are kept). This needs the rows
only, not old versions of the files, so it holds after compaction and VACUUM, which Delta's own time
travel does not.
"""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

from newsfacts.errors import NewsfactsError
from newsfacts.load.build import built_by_this_code
from newsfacts.load.layout import AS_OF_DIR
from newsfacts.load.warehouse import Warehouse
from warehouse import sql_file

# As-of databases kept for later queries; older ones are deleted when another is built.
AS_OF_KEPT = 3


def run_history(warehouse_dir: str | Path) -> tuple[list[str], list[tuple]]:
    """The runs of the warehouse, oldest first, with what each added, superseded and quarantined."""
    from newsfacts.load.read_only import connect_read_only

    with connect_read_only(warehouse_dir) as con:
        cursor = con.execute(sql_file("history.sql"))
        return [d[0] for d in cursor.description], cursor.fetchall()


def as_of_database(warehouse_dir: str | Path, point: str) -> Path:
    """The database of the warehouse as it stood after the run `point` (a run id), or after the last run
    that had finished at `point` (a date or a time, UTC)."""
    warehouse = Warehouse(warehouse_dir)
    runs = warehouse.committed_runs()
    if not runs:
        raise NewsfactsError(f"The warehouse {warehouse.location} has no runs yet. Load one first with "
                             f"`newsfacts run SOURCE_DIR --warehouse {warehouse_dir}`.")
    run_id = _run_at(runs, point, warehouse_dir)
    kept = {r for r, _ in runs[: [r for r, _ in runs].index(run_id) + 1]}
    target = warehouse.root / AS_OF_DIR / f"{run_id}.duckdb"
    if not built_by_this_code(target):
        from newsfacts.pipeline import build_database

        target.parent.mkdir(parents=True, exist_ok=True)
        build_database(warehouse, f"{os.getpid()}", runs=kept, target=target)
        _keep_latest(target.parent)
    return target


def _keep_latest(folder: Path) -> None:
    """Delete all but the AS_OF_KEPT most recently built as-of databases: each is as big as the warehouse's."""
    built = sorted(folder.glob("*.duckdb"), key=lambda path: path.stat().st_mtime_ns, reverse=True)
    for old in built[AS_OF_KEPT:]:
        old.unlink(missing_ok=True)


def _run_at(runs: list[tuple[str, datetime | None]], point: str, warehouse_dir) -> str:
    if point in {run_id for run_id, _ in runs}:
        return point
    try:
        moment = datetime.fromisoformat(point)
    except ValueError:
        raise NewsfactsError(f"--as-of {point!r} is neither a run of the warehouse nor a date or time (e.g. 2026-03-01 or "
                             f"2026-03-01T12:00, UTC); `newsfacts history --warehouse {warehouse_dir}` lists the runs.") from None
    if moment.tzinfo is not None:  # runs record their times in UTC, without a zone
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    finished = [run_id for run_id, at in runs if at is not None and at <= moment]
    if not finished:
        first = next((at for _, at in runs if at is not None), None)
        raise NewsfactsError(f"No run of the warehouse had finished by {moment:%Y-%m-%d %H:%M:%S} UTC"
                             + (f"; the first finished at {first:%Y-%m-%d %H:%M:%S}." if first else "."))
    return finished[-1]
