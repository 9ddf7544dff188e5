"""The live version of a file is always the one in its folder now: an edit reverted, the same path in
another folder, and a file deleted from the folder."""

from __future__ import annotations

import os

import pytest

from conftest import query

pytestmark = pytest.mark.slow  # flow runs through Prefect

BODY = ("Shelling of a river port\n\nThe regional governor said {n} people were wounded when shells hit the river "
        "port on Tuesday morning. Firefighters worked through the day to put out fires in two warehouses near the "
        "docks, and the port authority closed the passenger terminal until further notice.\n")


def _wounded(warehouse) -> list[tuple]:
    return query(warehouse, "SELECT count_min FROM casualties WHERE kind = 'injured' ORDER BY count_min")


def test_a_reverted_edit_makes_the_first_version_live_again(tmp_path, run_flow):
    source = tmp_path / "src"
    source.mkdir()
    report = source / "port.txt"
    warehouse = tmp_path / "wh"
    report.write_text(BODY.format(n="17"))
    run_flow(source, warehouse)
    report.write_text(BODY.format(n="47"))
    run_flow(source, warehouse)
    assert _wounded(warehouse) == [(47,)]
    report.write_text(BODY.format(n="17"))
    reverted = run_flow(source, warehouse)
    assert reverted.files_unchanged == 0 and reverted.accounted
    assert _wounded(warehouse) == [(17,)]
    live = query(warehouse, "SELECT count(*) FROM documents WHERE superseded_by IS NULL")
    assert live == [(1,)]


def test_the_same_path_size_and_time_in_another_folder_is_read(tmp_path, run_flow):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    # Same length, same modification time, other content: the stat shortcut must not take it for known.
    (first / "port.txt").write_text(BODY.format(n="17"))
    (second / "port.txt").write_text(BODY.format(n="29"))
    stamp = 1_700_000_000_000_000_000
    for folder in (first, second):
        os.utime(folder / "port.txt", ns=(stamp, stamp))
    warehouse = tmp_path / "wh"
    run_flow(first, warehouse)
    other = run_flow(second, warehouse)
    assert other.files_loaded == 1 and other.files_unchanged == 0
    assert _wounded(warehouse) == [(17,), (29,)]


def test_a_deleted_file_is_recorded_and_its_document_kept_as_archive(tmp_path, run_flow):
    source = tmp_path / "src"
    source.mkdir()
    (source / "port.txt").write_text(BODY.format(n="17"))
    (source / "other.txt").write_text(BODY.replace("river port", "rail depot").format(n="6"))
    warehouse = tmp_path / "wh"
    run_flow(source, warehouse)
    (source / "port.txt").unlink()
    after = run_flow(source, warehouse)
    assert after.files_deleted == 1 and after.files_unchanged == 1 and after.accounted
    ledger = query(warehouse, "SELECT source_path, status FROM source_files WHERE run_id = ?", [after.run_id])
    assert ledger == [("port.txt", "deleted")]
    documents = query(warehouse, "SELECT source_path, source_deleted, superseded_by FROM documents ORDER BY source_path")
    assert documents == [("other.txt", False, None), ("port.txt", True, None)]
    assert _wounded(warehouse) == [(6,), (17,)]
    # A later run does not record the deletion again; the file coming back makes it present again.
    assert run_flow(source, warehouse).files_deleted == 0
    (source / "port.txt").write_text(BODY.format(n="17"))
    back = run_flow(source, warehouse)
    assert back.files_deleted == 0
    assert query(warehouse, "SELECT bool_or(source_deleted) FROM documents") == [(False,)]


def test_files_in_a_folder_the_run_cannot_list_are_not_recorded_as_deleted():
    from newsfacts.ingest.discover import FOLDER_UNREADABLE
    from newsfacts.ingest.models import InputFile, Quarantined
    from newsfacts.load.warehouse import KnownState
    from newsfacts.pipeline import deleted_files

    known = KnownState(present_paths={"a.txt", "sub/b.txt", "sub/deeper/c.txt", "subway.txt"})
    found = [InputFile("/src/a.txt", "a.txt", "text", 10, 1)]
    unlisted = [Quarantined("sub", "discover", "unreadable", "Cannot list the folder sub.", FOLDER_UNREADABLE)]
    assert [o.source_path for o in deleted_files(known, found, unlisted, [])] == ["subway.txt"]
    root_unlisted = [Quarantined(".", "discover", "unreadable", "Cannot list the folder ..", FOLDER_UNREADABLE)]
    assert deleted_files(known, [], root_unlisted, []) == []
