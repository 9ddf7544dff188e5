"""A warehouse written before the Delta tables becomes one in place, at the start of its next run (or
`newsfacts rebuild`): the Parquet parts under `parquet/` are appended to the Delta tables, and the folder
is renamed `parquet.upgraded/`, which can be deleted once the warehouse answers as before.

The parts are read as the earlier store read them: a table's parts of committed runs (those with a row in
`parquet/runs`) and its merged parts whose manifest (`merged-<id>.merge.json`) was written, less the parts
a merge replaced. The derived tables are not carried over: the build that follows derives them again.
Each table is appended in one commit that marks it done (store.py), `runs` last, so an upgrade cut short
is finished by the next run without a row twice.
"""

from __future__ import annotations

import json
import re

import fsspec

from newsfacts.load.layout import PARQUET_DIR, UPGRADED_DIR
from schemas.tables import LOADED_TABLES

PART_NAME = re.compile(r"part-(?P<run_id>[^.]+)(?:\.\d+)?\.parquet")
MERGE_MANIFEST = re.compile(r"(?P<merge_id>merged-[^.]+)\.merge\.json")
UPGRADE_RUN_ID = "upgrade-from-parquet-parts"


def upgrade_parquet_parts(warehouse) -> int:
    """Move the rows of an earlier warehouse's Parquet parts into its Delta tables; returns the tables
    upgraded (0 for a warehouse that has no such parts)."""
    folder = _Folder(warehouse)
    if not folder.exists(PARQUET_DIR):
        return 0
    upgraded = 0
    with warehouse.connect() as con:
        runs = folder.live_parts("runs", None)
        committed = {r[0] for r in con.execute(f"SELECT run_id FROM {_read(runs)}").fetchall()} if runs else set()
        for table in LOADED_TABLES:  # `runs` last
            parts = folder.live_parts(table, committed)
            if parts:
                warehouse.store.append(table, con.sql(f"SELECT * FROM {_read(parts)}").to_arrow_reader(), UPGRADE_RUN_ID)
                upgraded += 1
    folder.rename(PARQUET_DIR, UPGRADED_DIR)
    return upgraded


def _read(parts: list[str]) -> str:
    return "read_parquet([" + ", ".join("'" + p.replace("'", "''") + "'" for p in parts) + "], union_by_name = true)"


class _Folder:
    """The earlier store's folder, local or at the warehouse's URL."""

    def __init__(self, warehouse):
        self.fs = warehouse.fs or fsspec.filesystem("file")
        self.base = warehouse.location.rstrip("/") if warehouse.remote else str(warehouse.root.absolute())

    def exists(self, name: str) -> bool:
        return self.fs.exists(f"{self.base}/{name}")

    def names(self, table: str) -> list[str]:
        folder = f"{self.base}/{PARQUET_DIR}/{table}"
        return sorted(p.rsplit("/", 1)[-1] for p in self.fs.ls(folder, detail=False)) if self.fs.exists(folder) else []

    def read_text(self, table: str, name: str) -> str:
        return self.fs.cat_file(f"{self.base}/{PARQUET_DIR}/{table}/{name}").decode()

    def live_parts(self, table: str, committed: set[str] | None) -> list[str]:
        """The parts a reader took: committed runs' (any run's, for `runs`: committed=None) and completed
        merges', less those a merge replaced."""
        names = self.names(table)
        merges = {m.group("merge_id"): set(json.loads(self.read_text(table, name)))
                  for name in names if (m := MERGE_MANIFEST.fullmatch(name))}
        replaced = set().union(*merges.values())
        live = []
        for name in names:
            match = PART_NAME.fullmatch(name)
            if not match or name in replaced:
                continue
            run_id = match.group("run_id")
            merged = run_id.startswith("merged-")
            if (merged and run_id in merges) or (not merged and (committed is None or run_id in committed)):
                live.append(f"{self.base}/{PARQUET_DIR}/{table}/{name}")
        return live

    def rename(self, old: str, new: str) -> None:
        self.fs.mv(f"{self.base}/{old}", f"{self.base}/{new}", recursive=True)
