"""The one way a query reaches the warehouse: `newsfacts sql`, `report`, `eval` and the flow's brief.

A query can read the warehouse database's tables and views, and nothing else. DuckDB enforces it:
- the database file is attached READ_ONLY: no statement changes it;
- `enable_external_access = false` then closes every other door: no file is read or written (COPY TO
  and EXPORT, read_csv/read_parquet/glob of any path), no other database file is attached, no
  extension is installed or loaded, no persistent secret is written;
- `lock_configuration = true`: no SET or RESET in a query can undo the above.
Every table and view a reader needs lives in the database file (the build loads the stored tables into
it; warehouse/views.sql reads no file), so no path needs to stay allowed.

The file is attached to an in-memory database rather than opened with duckdb.connect(path): DuckDB
keeps one instance per path and process, so a process already holding the file (a reader in a test,
an analyst's notebook) would hand back its old snapshot, or refuse the sandbox's different settings.
"""

from __future__ import annotations

import time
from pathlib import Path

import duckdb

from newsfacts.errors import NewsfactsError
from newsfacts.load.warehouse import Warehouse

# The catalog name the file has when opened directly: `newsfacts.documents` keeps working.
CATALOG = "newsfacts"
# Settings fixed when the connection opens; extensions are never fetched or loaded behind a query.
STARTUP = {"autoinstall_known_extensions": False, "autoload_known_extensions": False, "allow_community_extensions": False}


def connect_read_only(root: Path | str, *, database: Path | None = None, attempts: int = 120, delay_s: float = 0.25):
    """A connection that reads the warehouse database (or another of its databases, an as-of one) and
    nothing else (see above), waiting up to half a minute while a run adds to the file (a run's build holds
    it for the seconds its transaction takes) or swaps a new one in."""
    database = database or Warehouse(root).database
    if not database.exists():
        raise NewsfactsError(f"No warehouse at {database}. Load one first with `newsfacts run SOURCE_DIR --warehouse {Path(root)}`.")
    for attempt in range(attempts):
        try:
            return _sandboxed(database)
        except duckdb.IOException as exc:
            # A file that is not a database stays so: only a busy or half-swapped file is worth a retry.
            if "not a valid DuckDB database" in str(exc) or attempt == attempts - 1:
                raise _unreadable(database, root, exc) from exc
            time.sleep(delay_s)
        except duckdb.Error as exc:  # a damaged file, or one written by another DuckDB version
            raise _unreadable(database, root, exc) from exc
    raise AssertionError("unreachable")


def _sandboxed(database: Path):
    con = duckdb.connect(":memory:", config=dict(STARTUP))
    try:
        con.execute(f"ATTACH '{_escaped(database)}' AS {CATALOG} (READ_ONLY)")
        con.execute(f"USE {CATALOG}")
        # Large queries spill where they would with the file opened directly, not in the current folder.
        con.execute(f"SET temp_directory = '{_escaped(database)}.tmp'")
        con.execute("SET enable_external_access = false")
        con.execute("SET lock_configuration = true")
    except BaseException:
        con.close()
        raise
    return con


def _escaped(path: Path) -> str:
    return str(path).replace("'", "''")


def _unreadable(database: Path, root: Path | str, exc: duckdb.Error) -> NewsfactsError:
    reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if "Could not set lock" in reason:  # a run adding to it, or another program holding it open for writing
        advice = "a run may still be adding to it, or a program holds it open for writing: try again, or close that program"
    else:
        advice = f"`newsfacts rebuild --warehouse {root}` builds it again from the stored tables"
    return NewsfactsError(f"Cannot open the warehouse database {database} ({reason}); {advice}.")
