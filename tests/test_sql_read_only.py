"""`newsfacts sql` reads the warehouse database and nothing else: every statement that would write a file,
change another database, overwrite a committed Parquet part, load an extension or lift the sandbox
fails with one sentence and exit code 1, and leaves every file as it was; ordinary queries and every
view still work."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import duckdb
import pytest

from newsfacts.cli import main
from newsfacts.load.read_only import connect_read_only


@pytest.fixture(scope="module")
def warehouse(seeds_warehouse, tmp_path_factory) -> Path:
    """A private copy of the seeds warehouse: an attack that got through would damage only this one."""
    root = tmp_path_factory.mktemp("read-only") / "wh"
    shutil.copytree(seeds_warehouse[0], root)
    return root


@pytest.fixture(scope="module")
def other_database(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("other") / "other.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE documents AS SELECT 42 AS doc_id")
    return path


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder` with a hash of its bytes."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def sql(query: str, warehouse: Path, capsys) -> tuple[int, str, str]:
    code = main(["sql", query, "--warehouse", str(warehouse)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_refused(code: int, out: str, err: str) -> None:
    assert code == 1 and out == ""
    assert err.startswith("newsfacts: The query failed") and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_copy_to_a_file_is_refused_and_writes_nothing(warehouse, tmp_path, capsys):
    target = tmp_path / "x.csv"
    assert_refused(*sql(f"COPY (SELECT 'x') TO '{target}'", warehouse, capsys))
    assert not target.exists()


def test_copy_over_a_committed_runs_file_is_refused_and_the_file_is_unchanged(warehouse, capsys):
    part = next((warehouse / "tables" / "runs").glob("part-*.parquet"))
    before = snapshot(warehouse)
    assert_refused(*sql(f"COPY (SELECT * FROM runs WHERE false) TO '{part}' (FORMAT parquet)", warehouse, capsys))
    assert snapshot(warehouse) == before  # the commit, and every other file, as it was


def test_attaching_another_database_to_change_it_is_refused(warehouse, other_database, capsys):
    attack = f"ATTACH '{other_database}' AS o (READ_WRITE); DROP TABLE o.documents"
    assert_refused(*sql(attack, warehouse, capsys))
    with duckdb.connect(str(other_database), read_only=True) as con:
        assert con.execute("SELECT doc_id FROM documents").fetchall() == [(42,)]


@pytest.mark.parametrize("statement", [
    "INSTALL httpfs",
    "LOAD httpfs",
    "SET enable_external_access = true",
    "RESET enable_external_access",
    "SET lock_configuration = false",
    "SET allowed_directories = ['/']",
    "SELECT * FROM read_csv('/etc/passwd', sep = ':')",
    "SELECT * FROM read_text('/etc/hostname')",
    "SELECT * FROM glob('/etc/*')",
    "DELETE FROM documents",
    "DROP TABLE runs",
    "CREATE TABLE newsfacts.main.notes AS SELECT 1 AS n",
])
def test_statements_outside_the_sandbox_fail_with_one_sentence(statement, warehouse, capsys):
    before = snapshot(warehouse)
    assert_refused(*sql(statement, warehouse, capsys))
    assert snapshot(warehouse) == before


def test_export_database_is_refused_and_writes_nothing(warehouse, tmp_path, capsys):
    assert_refused(*sql(f"EXPORT DATABASE '{tmp_path / 'export'}'", warehouse, capsys))
    assert not (tmp_path / "export").exists() or not any((tmp_path / "export").iterdir())


def test_ordinary_queries_and_every_view_still_work(warehouse, capsys):
    with duckdb.connect(str(warehouse / "newsfacts.duckdb"), read_only=True) as con:
        views = [r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal ORDER BY 1").fetchall()]
    assert {"casualty_reports", "figure_conflicts", "entity_aliases", "timeline"} <= set(views)
    for view in views:
        code, out, err = sql(f"SELECT count(*) AS n FROM {view}", warehouse, capsys)
        assert code == 0 and "(1 row)" in out, (view, err)
    code, out, _ = sql("SELECT kind, count(*) AS n FROM newsfacts.casualties GROUP BY kind ORDER BY kind", warehouse, capsys)
    assert code == 0 and "killed" in out
    code, out, _ = sql("SELECT count(*) FROM corroboration; SELECT count(*) AS documents FROM documents", warehouse, capsys)
    assert code == 0 and "| documents |" in out


def test_a_process_already_holding_the_file_gets_the_current_database_and_the_same_sandbox(warehouse, tmp_path):
    """DuckDB keeps one instance per path and process: a plain reader held open must neither hand
    its old snapshot to the sandboxed connection nor make it fail."""
    copy = tmp_path / "wh"
    shutil.copytree(warehouse, copy)
    database = copy / "newsfacts.duckdb"
    reader = duckdb.connect(str(database), read_only=True)
    try:
        newer = tmp_path / "newer.duckdb"
        shutil.copyfile(database, newer)
        with duckdb.connect(str(newer)) as con:
            con.execute("CREATE TABLE marker AS SELECT 'later' AS run_id")
        newer.replace(database)  # what a run's rebuild does
        with connect_read_only(copy) as con:
            assert con.execute("SELECT run_id FROM marker").fetchall() == [("later",)]
            with pytest.raises(duckdb.PermissionException):
                con.execute(f"COPY (SELECT 1) TO '{tmp_path / 'y.csv'}'")
    finally:
        reader.close()
    assert not (tmp_path / "y.csv").exists()
