"""Each loaded table is defined once (schemas/tables.py): the DDL, the checks and the rows all follow it."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from schemas import split_valid
from schemas.tables import CASUALTIES, LOADED_TABLES, ddl
from schemas.values import CasualtyKind, Reason

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_the_ddl_makes_every_loaded_table_with_its_columns_in_order():
    con = duckdb.connect()
    con.execute(ddl())
    for name, table in LOADED_TABLES.items():
        columns = con.execute("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? "
                              "ORDER BY ordinal_position", [name]).fetchall()
        assert [c for c, _ in columns] == [c.name for c in table.columns]
        assert [t for _, t in columns] == [c.sql_type for c in table.columns]


def test_a_row_with_a_column_its_table_lacks_is_refused():
    assert CASUALTIES.row(fact_id="f", kind=CasualtyKind.KILLED) == {"fact_id": "f", "kind": "killed"}
    with pytest.raises(KeyError, match="casualties has no column kinds"):
        CASUALTIES.row(fact_id="f", kinds="killed")


def test_a_casualty_kind_outside_the_enum_fails_its_check():
    row = {"fact_id": "a" * 16, "doc_id": "b" * 16, "kind": "arrested", "count_min": 3, "count_max": 3,
           "precision": "exact", "victims": None, "part_of": None, "location": None, "period": None, "reported_by": None,
           "start_char": 0, "end_char": 5, "_doc_length": 10}
    valid, rejected = split_valid(pd.DataFrame([row, {**row, "fact_id": "c" * 16, "kind": "killed"}]), CASUALTIES.schema())
    assert list(valid["kind"]) == ["killed"]
    assert list(rejected["reason"]) == [Reason.SCHEMA] and "kind failed isin" in rejected["detail"].iloc[0]


def test_the_data_dictionary_explains_every_quarantine_reason():
    text = (DOCS / "data-dictionary.md").read_text(encoding="utf-8")
    table = text[text.index("### Quarantine reasons"):text.index("## Example queries")]
    rows = [line.split("|")[2] for line in table.splitlines() if line.startswith("| ") and "`" in line]
    documented = {code for row in rows for code in re.findall(r"`([a-z_]+)`", row)}
    assert documented == {reason.value for reason in Reason}
