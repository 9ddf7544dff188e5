"""A run's build adds to the published database what the runs it lacks added, and only where their rows reach
(newsfacts/consolidate/added.py): every table comes out as a build of everything makes it from the same
stored rows. These tests store hand-made rows run by run, so that each shape of change is there on purpose:
a merge of people that a later document undoes, a speaker who becomes another entity, a copy published
earlier than the document it copies, a report at a place an area is now placed at; and they check which kind
of build each run got."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from conftest import query, snapshot
from newsfacts.consolidate.near_duplicates import NUM_PERM
from newsfacts.load.warehouse import Warehouse
from newsfacts.pipeline import build_database

START = datetime(2024, 5, 1, 8, 0)
# Entity ids, as the extractors make them (16 hex digits: a person's decision names one).
JANE, JOHN, SMITH = "ea00000000000001", "ea00000000000002", "ea00000000000003"
DALEN, REGION, TOWN = "fa00000000000001", "fa00000000000002", "fa00000000000003"


def _document(doc_id: str, day: int, publisher: str | None, minhash: list[int] | None = None, path: str | None = None) -> dict:
    return {"doc_id": doc_id, "source_path": path or f"{doc_id}.txt", "title": f"Report {doc_id}", "publisher": publisher,
            "published_date": (START + timedelta(days=day)).date(), "language": "en", "text": "x" * 400, "n_words": 80,
            "ingested_at": START + timedelta(days=day, hours=1), "content_sha256": doc_id * 4,
            "minhash": minhash or [int(hashlib.sha1(f"{doc_id}|{i}".encode()).hexdigest()[:12], 16) for i in range(NUM_PERM)],
            "source_format": "text"}


def _person(doc_id: str, entity_id: str, name: str) -> dict:
    return {"doc_id": doc_id, "entity_id": entity_id, "canonical_name": name, "entity_type": "person",
            "aliases": [name], "name_key": name.lower()}


def _place(doc_id: str, entity_id: str, name: str, basis: str = "gazetteer") -> dict:
    return {"doc_id": doc_id, "entity_id": entity_id, "canonical_name": name, "entity_type": "location", "aliases": [name],
            "latitude": 50.0, "longitude": 36.2, "country_code": "UA", "geocode_basis": basis}


def _quote(doc_id: str, n: int, speaker: str, entity_id: str, text: str) -> dict:
    return {"quote_id": f"{doc_id[0]}{doc_id[-3:]}dddddddd{n:04d}", "doc_id": doc_id, "speaker": speaker, "speaker_entity_id": entity_id,
            "text": text, "start_char": 10 * n, "end_char": 10 * n + 5}


def _event(doc_id: str, n: int, place: str, day: int) -> dict:
    return {"event_id": f"{doc_id[0]}{doc_id[-3:]}eeeeeeee{n:04d}", "doc_id": doc_id, "event_type": "shelling", "location": place,
            "event_date": (START + timedelta(days=day)).date(), "event_date_precision": "day", "start_char": n, "end_char": n + 9}


def _figure(doc_id: str, n: int, place: str, count: int, reporter: str | None = None, reporter_id: str | None = None) -> dict:
    return {"fact_id": f"{doc_id[0]}{doc_id[-3:]}ccccccccc{n:03d}", "doc_id": doc_id, "kind": "killed", "count_min": count, "precision": "exact",
            "location": place, "reported_by": reporter, "reported_by_entity_id": reporter_id, "start_char": 100 + n, "end_char": 110 + n}


def _store_run(warehouse: Warehouse, number: int, tables: dict[str, list[dict]], files: list[dict] = ()) -> None:
    """A run that stored `tables` (a file for each document, loaded) and the ledger rows `files` of other files."""
    run_id = f"run-{number}"
    with warehouse.exclusive():
        for table, rows in tables.items():
            warehouse.stage_rows(table, [{**row, "run_id": run_id} for row in rows], run_id)
        documents = tables.get("documents", [])
        warehouse.stage_rows("source_files", [
            {"source_path": d["source_path"], "content_sha256": d["content_sha256"], "status": "loaded", "doc_ids": [d["doc_id"]],
             "seen_at": START + timedelta(days=number), "run_id": run_id} for d in documents]
            + [{**row, "seen_at": START + timedelta(days=number), "run_id": run_id} for row in files], run_id)
        finished = START + timedelta(days=number, minutes=5)
        warehouse.commit_run(run_id, {"run_id": run_id, "status": "completed", "started_at": finished, "finished_at": finished,
                                      "documents_loaded": len(documents), "source_dir": "/reports"})


# Six runs, each adding documents whose rows change what the documents before them gave.
RUNS = [
    {  # a person named by surname alone is merged into the one person of that surname named in full
        "documents": [_document("a000000000000001", 3, "Outlet One"), _document("a000000000000002", 3, "Outlet Two")],
        "entity_observations": [_person("a000000000000001", SMITH, "Smith"), _person("a000000000000002", JANE, "Jane Smith"),
                                _place("a000000000000001", TOWN, "Kurmin"), _place("a000000000000002", TOWN, "Kurmin")],
        "quotes": [_quote("a000000000000001", 1, "Smith", SMITH, "We will rebuild the bridge before the winter comes"),
                   _quote("a000000000000002", 1, "Jane Smith", JANE, "We will rebuild the bridge before winter comes")],
        "events": [_event("a000000000000001", 1, "Kurmin", 3), _event("a000000000000002", 1, "Kurmin", 3)],
        "casualties": [_figure("a000000000000001", 1, "Kurmin", 4, "Smith", SMITH), _figure("a000000000000002", 1, "Kurmin", 5)],
    },
    {  # another outlet quotes the same statement, and 'Smith' (whose speaker the split of Jane in this document, and
        # then John's arrival, change); a second report of the strike, with a third figure
        "documents": [_document("b000000000000001", 4, "Outlet Three")],
        "entity_observations": [_person("b000000000000001", JANE, "Jane Smith"), _person("b000000000000001", SMITH, "Smith"),
                                _place("b000000000000001", TOWN, "Kurmin")],
        "quotes": [_quote("b000000000000001", 1, "Jane Smith", JANE, "We will rebuild the bridge before the winter comes"),
                   _quote("b000000000000001", 2, "Smith", SMITH, "The bridge will be open to traffic by the spring"),
                   # (a statement of Jane's in other words: one group with hers while she is the speaker here)
                   _quote("b000000000000001", 3, "Jane Smith", JANE, "The bridge repairs will be finished before the winter comes")],
        "events": [_event("b000000000000001", 1, "Kurmin", 3)],
        "casualties": [_figure("b000000000000001", 1, "Kurmin", 5)],
    },
    {  # a second person of that surname: the surname alone is nobody's for sure any more
        "documents": [_document("c000000000000001", 5, None)],
        "entity_observations": [_person("c000000000000001", JOHN, "John Smith")],
        "quotes": [_quote("c000000000000001", 1, "John Smith", JOHN, "The roads to the north are closed to trucks")],
    },
    {  # a copy of the first report, published a day before it: it becomes the original
        "documents": [_document("d000000000000001", 2, None, minhash=_document("a000000000000001", 3, None)["minhash"])],
        "entity_observations": [_person("d000000000000001", SMITH, "Smith"), _place("d000000000000001", TOWN, "Kurmin")],
        "quotes": [_quote("d000000000000001", 1, "Smith", SMITH, "We will rebuild the bridge before the winter comes")],
        "events": [_event("d000000000000001", 1, "Kurmin", 3)],
        "casualties": [_figure("d000000000000001", 1, "Kurmin", 4)],
    },
    {  # the region named after the town is now placed at it: its reports join the town's incidents
        "documents": [_document("e000000000000001", 6, "Outlet Four"), _document("e000000000000002", 6, "Outlet One")],
        "entity_observations": [_place("e000000000000001", REGION, "Kurmin Region", basis="centre Kurmin"),
                                _place("e000000000000002", DALEN, "Dalen")],
        "events": [_event("e000000000000001", 1, "Kurmin Region", 3), _event("e000000000000002", 1, "Dalen", 6)],
        "casualties": [_figure("e000000000000001", 1, "Kurmin Region", 6), _figure("e000000000000002", 1, "Dalen", 2)],
    },
    {  # nothing but documents that name no one
        "documents": [_document("f000000000000001", 7, "Outlet Two")],
    },
]


@pytest.fixture
def added_builds(monkeypatch) -> list[str]:
    """The kind of build each build_database made: 'added' (a run's build) or 'whole'."""
    import newsfacts.consolidate.added as added
    import newsfacts.consolidate.build as whole

    kinds = []
    consolidate_added, consolidate = added.consolidate_added, whole.consolidate

    def noting_added(con):
        kinds.append("added")
        return consolidate_added(con)

    def noting_whole(con, *args, **kwargs):
        kinds.append("whole")
        return consolidate(con, *args, **kwargs)

    monkeypatch.setattr(added, "consolidate_added", noting_added)
    monkeypatch.setattr(whole, "consolidate", noting_whole)
    return kinds


def _rebuilt(warehouse: Warehouse, tmp_path: Path) -> dict:
    """The tables a build of everything makes of the same stored rows, in a copy of the warehouse."""
    import shutil

    copy = Warehouse(shutil.copytree(warehouse.root, tmp_path / "rebuilt"))
    build_database(copy, "rebuild", full=True)
    return snapshot(copy.root)


def test_runs_that_add_documents_add_to_the_database_and_give_what_a_build_of_everything_gives(tmp_path, added_builds):
    warehouse = Warehouse(tmp_path / "wh")
    speakers, conflicts = [], []
    for number, tables in enumerate(RUNS):
        _store_run(warehouse, number, tables)
        build_database(warehouse, f"build-{number}")
        assert snapshot(warehouse.root) == _rebuilt(warehouse, tmp_path / f"after-{number}"), f"after run {number}"
        speakers.append(query(warehouse.root, "SELECT speaker FROM quotes WHERE quote_id = 'a001dddddddd0001'")[0][0])
        conflicts.append(query(warehouse.root, "SELECT count(*) FROM conflicting_figures")[0][0])
    # the first build of each warehouse copy is whole; every later run's build added to the database
    assert added_builds == ["whole", "whole"] + ["added", "whole"] * (len(RUNS) - 1)
    # figures in conflict, which runs' builds added to (each compared with a build of everything above)
    assert conflicts[0] > 0 and conflicts[-1] > conflicts[0]
    # the merge the second Smith undid reached the quote of the first run
    assert speakers[:2] == ["Jane Smith", "Jane Smith"] and speakers[2:] == ["Smith"] * 4
    assert query(warehouse.root, "SELECT near_duplicate_of FROM documents WHERE doc_id = 'a000000000000001'") == [("d000000000000001",)]
    region, town = query(warehouse.root, """SELECT (SELECT cluster_id FROM events WHERE event_id = 'e001eeeeeeee0001'),
                                                   (SELECT cluster_id FROM events WHERE event_id = 'a001eeeeeeee0001')""")[0]
    assert region == town is not None


def _kind_of_next_build(warehouse: Warehouse) -> str:
    """What the log says of the build the next run would make, staged and rolled back."""
    from newsfacts.load import build

    with build.stage(warehouse, "look") as building:
        said = building.describe()
        if building.adds_runs:
            building.abandon()
    for stale in warehouse.root.glob(".newsfacts.duckdb.building-*"):  # a build of everything's new file
        stale.unlink()
    return said


def _held_open(database: Path) -> subprocess.Popen:
    """Another process that holds the database open, read-only, until it reads a line."""
    reader = subprocess.Popen([sys.executable, "-c", "import duckdb, sys; con = duckdb.connect(sys.argv[1], read_only=True); "
                                                     "print('open', flush=True); sys.stdin.readline()", str(database)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert reader.stdout.readline().strip() == "open"
    return reader


def test_runs_beside_a_reader_add_to_the_file_published_before_and_give_what_a_build_of_everything_gives(tmp_path, added_builds):
    """A reader that reopens the database after each run (a dashboard refreshing) holds the published file when
    the next run builds: the first such run copies it, and keeps the file it replaces as the spare; every later
    one adds what the spare lacks (two runs) to it and renames it over the one the reader holds, which becomes
    the spare in turn. No run copies the database again."""
    warehouse = Warehouse(tmp_path / "wh")
    _store_run(warehouse, 0, RUNS[0])
    build_database(warehouse, "build-0")
    files, said = [warehouse.database.stat().st_ino], []
    for number in range(1, len(RUNS)):
        reader = _held_open(warehouse.database)
        try:
            _store_run(warehouse, number, RUNS[number])
            said.append(_kind_of_next_build(warehouse))
            build_database(warehouse, f"build-{number}")
        finally:
            reader.communicate("\n", timeout=60)
        files.append(warehouse.database.stat().st_ino)
        assert snapshot(warehouse.root) == _rebuilt(warehouse, tmp_path / f"after-{number}"), f"after run {number}"
    # a run that found nothing new adds its runs row, and the spare lacks the run before it as well: a run's build
    reader = _held_open(warehouse.database)
    try:
        _store_run(warehouse, len(RUNS), {})
        said.append(_kind_of_next_build(warehouse))
        build_database(warehouse, "build-idle")
    finally:
        reader.communicate("\n", timeout=60)
    files.append(warehouse.database.stat().st_ino)
    assert snapshot(warehouse.root) == _rebuilt(warehouse, tmp_path / "after-idle")
    assert said[0].startswith("Adding 1 run(s) to a copy of the database")
    assert all(s.startswith("Adding 2 run(s) to the spare database") for s in said[1:]), said
    # two files in turn: the first, the copy, the first again, ...
    assert files[2::2] == [files[0]] * len(files[2::2]) and files[3::2] == [files[1]] * len(files[3::2])
    assert files[0] != files[1]
    assert added_builds == ["whole"] + ["added", "whole"] * len(RUNS)  # each run's build added (then the rebuild)
    # a build of everything, which would not add to the spare, removes it
    assert (warehouse.root / ".newsfacts.duckdb.spare").exists()
    build_database(warehouse, "rebuild", full=True)
    assert not (warehouse.root / ".newsfacts.duckdb.spare").exists()


def _new_version(doc_id: str, of: str, day: int, publisher: str) -> dict:
    """A document read from a new version of the file the document `of` was read from."""
    return _document(doc_id, day, publisher, path=f"{of}.txt")


# After RUNS: new versions of files, a file gone, a file back at an earlier version; each run's build settles
# the versions of the files it changes and works out again what the superseded and revived documents reach.
VERSION_RUNS = [
    # the first report's file changed: the new version names Jane, not Smith, and reports at Dalen, not Kurmin;
    # the old one leaves its quote's statement, its near-duplicate pair, its report's incident and its figure
    ({"documents": [_new_version("a000000000000021", "a000000000000001", 8, "Outlet One")],
      "entity_observations": [_person("a000000000000021", JANE, "Jane Smith"), _place("a000000000000021", DALEN, "Dalen")],
      "quotes": [_quote("a000000000000021", 1, "Jane Smith", JANE, "The bridge repairs will be finished before the winter comes"),
                 # (a statement in two wordings, quoted nowhere else)
                 _quote("a000000000000021", 2, "Jane Smith", JANE, "The new school will open its doors in the autumn"),
                 _quote("a000000000000021", 3, "Jane Smith", JANE, "The new school will open its doors this autumn")],
      "events": [_event("a000000000000021", 1, "Dalen", 1)],
      "casualties": [_figure("a000000000000021", 1, "Dalen", 2, "Jane Smith", JANE)]}, []),
    # a file gone from the folder: its document stays, marked
    ({}, [{"source_path": "c000000000000001.txt", "status": "deleted"}]),
    # two new versions of a file in two runs built at once (after a build that failed): the first is superseded at once
    ({"documents": [_new_version("b000000000000021", "b000000000000001", 9, "Outlet Three")],
      "entity_observations": [_person("b000000000000021", JOHN, "John Smith")],
      "quotes": [_quote("b000000000000021", 1, "John Smith", JOHN, "The roads to the north are closed to trucks")]}, []),
    ({"documents": [_new_version("b000000000000022", "b000000000000001", 10, "Outlet Three")],
      "events": [_event("b000000000000022", 1, "Kurmin", 3)],
      "casualties": [_figure("b000000000000022", 1, "Kurmin", 5)]}, []),
    # a report alone in its incident, whose figure a person corrected (below), superseded by a new version: the
    # decision finds no fact; and the first report's file changed again: its statement in two wordings is gone
    ({"documents": [_new_version("e000000000000022", "e000000000000002", 11, "Outlet One"),
                    _new_version("a000000000000022", "a000000000000001", 11, "Outlet One")],
      # (a statement quoted before: its group's id, which derives from its smallest quote id, is this quote's)
      "quotes": [_quote("a000000000000022", 1, "John Smith", JOHN, "The roads to the north are closed to trucks")],
      "events": [_event("a000000000000022", 1, "Dalen", 2), _event("e000000000000022", 1, "Dalen", 2)]}, []),
    # the first report's file back as it was: its first document is live again, its facts back from the stored
    # tables, as an added document's; the version it replaces leaves its quote and reports
    ({}, [{"source_path": "a000000000000001.txt", "content_sha256": "a000000000000001" * 4, "status": "duplicate",
           "doc_ids": [], "duplicate_of": ["a000000000000001"]}]),
    # then a run that adds a document, as any other
    (RUNS[5] | {"documents": [_document("f000000000000009", 12, "Outlet Two")]}, []),
]


def test_runs_that_change_or_delete_files_add_to_the_database_and_give_what_a_build_of_everything_gives(tmp_path, added_builds):
    from newsfacts.corrections import Decision, correct
    from schemas.values import CorrectionTarget

    warehouse = Warehouse(tmp_path / "wh")
    for number, tables in enumerate(RUNS):
        _store_run(warehouse, number, tables)
    build_database(warehouse, "build-runs")
    correct(warehouse, CorrectionTarget.CASUALTY, "e002ccccccccc001", Decision(sets={"count_min": "3"}))
    said = []
    for number, (tables, files) in enumerate(VERSION_RUNS, start=len(RUNS)):
        _store_run(warehouse, number, tables, files)
        if number == len(RUNS) + 2:  # built with the run after it
            continue
        said.append(_kind_of_next_build(warehouse))
        build_database(warehouse, f"build-{number}")
        assert snapshot(warehouse.root) == _rebuilt(warehouse, tmp_path / f"after-{number}"), f"after run {number}"
        if number == len(RUNS):
            superseded = query(warehouse.root, """SELECT superseded_by, (SELECT count(*) FROM quotes WHERE doc_id = 'a000000000000001'),
                                                         (SELECT near_duplicate_of FROM documents WHERE doc_id = 'd000000000000001')
                                                  FROM documents WHERE doc_id = 'a000000000000001'""")
            assert superseded == [("a000000000000021", 0, None)]
    assert said[:4] == [
        "Adding 1 run(s) to the database in place (1 document(s) superseded by new versions of their files): "
        "only what they reach is worked out again.",
        "Adding 1 run(s) to the database in place: only what they reach is worked out again.",
        "Adding 2 run(s) to the database in place (2 document(s) superseded by new versions of their files): "
        "only what they reach is worked out again.",
        "Adding 1 run(s) to the database in place (2 document(s) superseded by new versions of their files): "
        "only what they reach is worked out again."]
    assert said[4] == ("Adding 1 run(s) to the database in place (1 document(s) superseded by new versions of their files; "
                       "1 document(s) live again, their files back as they were): only what they reach is worked out again.")
    assert said[5].startswith("Adding 1 run(s) to the database in place")
    # the first build whole; each run's build added, each followed by the rebuild it is compared with
    assert added_builds == ["whole", "added"] + ["added", "whole"] * 6
    # the file gone, the file back, the version superseded at once, and the decision that found no fact
    assert query(warehouse.root, """SELECT (SELECT source_deleted FROM documents WHERE doc_id = 'c000000000000001'),
                                           (SELECT superseded_by FROM documents WHERE doc_id = 'a000000000000001'),
                                           (SELECT superseded_by FROM documents WHERE doc_id = 'b000000000000021'),
                                           (SELECT list(DISTINCT fact_id) FROM corrections_unattached)""") == [
        (True, None, "b000000000000022", ["e002ccccccccc001"])]


def test_a_decision_is_added_to_the_database_at_once_or_by_the_next_runs_build(tmp_path, added_builds, monkeypatch):
    from newsfacts.corrections import Decision, correct
    from schemas.values import CorrectionTarget

    warehouse = Warehouse(tmp_path / "wh")
    _store_run(warehouse, 0, RUNS[0])
    build_database(warehouse, "build-0")
    _store_run(warehouse, 1, RUNS[1])
    build_database(warehouse, "build-1")
    assert added_builds == ["whole", "added"]
    # a person's decision is built at once, added to the database as a run's rows are
    correct(warehouse, CorrectionTarget.CASUALTY, "b001ccccccccc001", Decision(sets={"count_min": "7"}))
    assert added_builds[-1] == "added"
    assert query(warehouse.root, "SELECT count_min FROM casualties WHERE fact_id = 'b001ccccccccc001'") == [(7,)]
    # a decision stored whose build did not finish is added by the next run's build
    with monkeypatch.context() as patched:
        patched.setattr("newsfacts.pipeline.build_database", lambda *args, **kwargs: None)
        correct(warehouse, CorrectionTarget.CASUALTY, "a002ccccccccc001", Decision(sets={"count_min": "6"}))
    _store_run(warehouse, 2, RUNS[2])
    assert _kind_of_next_build(warehouse) == ("Adding 1 run(s) and 2 correction(s) to the database in place: "
                                              "only what they reach is worked out again.")
    build_database(warehouse, "build-2")
    assert query(warehouse.root, "SELECT count_min FROM casualties WHERE fact_id = 'a002ccccccccc001'") == [(6,)]
    assert added_builds[-1] == "added"


def test_a_run_whose_build_fails_halfway_leaves_the_database_whole_and_builds_it_whole(tmp_path, added_builds, monkeypatch):
    import newsfacts.consolidate.added as added

    warehouse = Warehouse(tmp_path / "wh")
    _store_run(warehouse, 0, RUNS[0])
    build_database(warehouse, "build-0")

    def failing(con):  # once near-duplicates and entities are changed in place
        raise duckdb.IOException("disk full")

    monkeypatch.setattr(added, "_quote_groups", failing)
    _store_run(warehouse, 1, RUNS[1])
    build_database(warehouse, "build-1")
    assert added_builds == ["whole", "added", "whole"]
    assert snapshot(warehouse.root) == _rebuilt(warehouse, tmp_path / "after")
    assert query(warehouse.root, "SELECT count(*) FROM documents") == [(3,)]
    # a new version of the first report's file, whose build fails too: the build of everything keeps the build
    # before's results but where the old document's quote (the smallest of its statement's, which names the group)
    # and report (the first of its incident's) are gone
    _store_run(warehouse, 2, {"documents": [_new_version("a000000000000021", "a000000000000001", 8, "Outlet One")]})
    build_database(warehouse, "build-2")
    assert added_builds[-2:] == ["added", "whole"]
    monkeypatch.undo()
    assert snapshot(warehouse.root) == _rebuilt(warehouse, tmp_path / "after-version")


def test_the_derived_tables_a_warehouse_stored_before_are_removed_by_its_next_run(tmp_path):
    import pyarrow as pa
    from deltalake import write_deltalake

    warehouse = Warehouse(tmp_path / "wh")
    _store_run(warehouse, 0, RUNS[0])
    write_deltalake(warehouse.store.uri("entities"), pa.table({"entity_id": [SMITH]}))
    write_deltalake(warehouse.store.uri("quote_groups"), pa.table({"quote_id": ["q"], "quote_group_id": ["g"]}))
    with warehouse.exclusive():
        warehouse.upgrade_earlier_format()
    assert warehouse.store.table("entities") is None and warehouse.store.table("quote_groups") is None
    assert warehouse.store.table("documents") is not None


def _build_killed_halfway(folder: str) -> None:
    """In a child process: a run's build that dies, as under kill -9, once it has changed entities in place."""
    import os

    import newsfacts.consolidate.added as added

    def dying(con):  # once near-duplicates and entities are changed in place
        os._exit(9)  # no rollback, no close: what kill -9 leaves

    added._quote_groups = dying
    build_database(Warehouse(folder), "killed")


def test_a_run_whose_build_is_killed_in_place_leaves_the_last_state_and_the_next_run_adds_what_it_lacks(tmp_path, added_builds):
    import multiprocessing

    warehouse = Warehouse(tmp_path / "wh")
    _store_run(warehouse, 0, RUNS[0])
    build_database(warehouse, "build-0")
    before = snapshot(warehouse.root)
    for number in (1, 2):
        _store_run(warehouse, number, RUNS[number])
    child = multiprocessing.get_context("spawn").Process(target=_build_killed_halfway, args=(str(warehouse.root),))
    child.start()
    child.join(120)
    assert child.exitcode == 9
    assert snapshot(warehouse.root) == before
    build_database(warehouse, "build-after")
    assert added_builds[-1] == "added"
    assert snapshot(warehouse.root) == _rebuilt(warehouse, tmp_path / "after")
    assert query(warehouse.root, "SELECT count(*) FROM documents") == [(4,)]


# A person's decisions made between the runs above, each of a shape a later run's rows reach: a quote whose
# speaker was rejected, then merged elsewhere by the rules; a figure and a quote credited by name to
# someone the warehouse names only later, or whose entity a later run merges; a report taken out of its
# incident, and one moved into another place's, at places later runs add reports to; a merge of the rules
# undone, a person split in one document, one merged into another, and a place renamed; a quote confirmed.
def _decisions_after_run(number: int) -> list[tuple]:
    from newsfacts.corrections import Decision
    from schemas.values import CorrectionAction, CorrectionTarget as Target

    return {
        0: [(Target.QUOTE, "a001dddddddd0001", Decision(sets={}, verdict=CorrectionAction.REJECT)),
            (Target.CASUALTY, "a002ccccccccc001", Decision(sets={"reported_by": "Smith"})),
            (Target.EVENT, "a002eeeeeeee0001", Decision(sets={"incident": None})),
            (Target.QUOTE, "a002dddddddd0001", Decision(sets={}, verdict=CorrectionAction.CONFIRM)),
            (Target.ENTITY, SMITH, Decision(sets={}, verdict=CorrectionAction.REJECT))],
        1: [(Target.CASUALTY, "b001ccccccccc001", Decision(sets={"count_min": "7"})),
            (Target.QUOTE, "b001dddddddd0001", Decision(sets={"speaker": "John Smith"})),
            (Target.ENTITY, JANE, Decision(sets={"split_document": "b000000000000001"}))],
        3: [(Target.EVENT, "d001eeeeeeee0001", Decision(sets={}, verdict=CorrectionAction.REJECT)),
            (Target.ENTITY, TOWN, Decision(sets={"canonical_name": "Kurmin City"}))],
        4: [(Target.EVENT, "e002eeeeeeee0001", Decision(sets={"incident": "a001eeeeeeee0001"})),
            (Target.ENTITY, JOHN, Decision(sets={"same_as": SMITH})),
            (Target.ENTITY, DALEN, Decision(sets={"canonical_name": "Dalen Town"}))],
        # decisions taken back: withdrawn (test below) by the id of the decision made on the same fact
        5: [(Target.EVENT, "d001eeeeeeee0001", WITHDRAW), (Target.ENTITY, DALEN, WITHDRAW),
            (Target.CASUALTY, "a002ccccccccc001", WITHDRAW)],
    }.get(number, [])


WITHDRAW = None  # in _decisions_after_run: take back the decision made on that fact before


# After the runs above: another report at the place a report was moved from, then at the place it was
# moved to (each run's build reaches the other place through the decision); a figure credited to a person
# split and merged before, and the statement quoted once more.
LATER_RUNS = [
    {
        "documents": [_document("f000000000000002", 8, "Outlet Five")],
        "entity_observations": [_person("f000000000000002", JANE, "Jane Smith"), _person("f000000000000002", JOHN, "John Smith"),
                                _place("f000000000000002", DALEN, "Dalen")],
        "quotes": [_quote("f000000000000002", 1, "Jane Smith", JANE, "We will rebuild the bridge before the winter comes"),
                   _quote("f000000000000002", 2, "John Smith", JOHN, "The roads to the north are closed to trucks")],
        "events": [_event("f000000000000002", 2, "Dalen", 6)],
        "casualties": [_figure("f000000000000002", 2, "Dalen", 2, "John Smith", JOHN)],
    },
    {
        "documents": [_document("f000000000000003", 8, "Outlet Six")],
        "entity_observations": [_person("f000000000000003", JANE, "Jane Smith"), _place("f000000000000003", TOWN, "Kurmin")],
        "events": [_event("f000000000000003", 1, "Kurmin", 3)],
        "casualties": [_figure("f000000000000003", 1, "Kurmin", 5, "Jane Smith", JANE)],
    },
]


def test_runs_and_decisions_add_to_the_database_and_give_what_a_build_of_everything_gives(tmp_path, added_builds):
    from newsfacts.corrections import Decision, correct

    warehouse = Warehouse(tmp_path / "wh")
    made, builds = {}, 0
    for number, tables in enumerate([*RUNS, *LATER_RUNS]):
        _store_run(warehouse, number, tables)
        build_database(warehouse, f"build-{number}")
        builds += 1
        assert snapshot(warehouse.root) == _rebuilt(warehouse, tmp_path / f"after-{number}"), f"after run {number}"
        for target, fact_id, decision in _decisions_after_run(number):
            decision = decision or Decision(sets={}, withdraws=made[fact_id])
            made[fact_id] = correct(warehouse, target, fact_id, decision)[0]["correction_id"]
            builds += 1
            assert snapshot(warehouse.root) == _rebuilt(warehouse, tmp_path / f"decided-{fact_id}-{number}"), \
                f"after the decision on {fact_id}"
    # every build after the first, of a run or of a decision, added to the database
    assert added_builds == ["whole", "whole"] + ["added", "whole"] * (builds - 1)
    assert query(warehouse.root, """SELECT (SELECT count(*) FROM corrections_applied), (SELECT count(*) FROM corrections),
                                           (SELECT count(*) FROM corrections_unattached)""") == [(11, 17, 0)]
    moved, joined, dalen, taken_back = query(warehouse.root, """SELECT
        (SELECT cluster_id FROM events WHERE event_id = 'e002eeeeeeee0001'), (SELECT cluster_id FROM events WHERE event_id = 'a001eeeeeeee0001'),
        (SELECT cluster_id FROM events WHERE event_id = 'f002eeeeeeee0002'), (SELECT cluster_id FROM events WHERE event_id = 'd001eeeeeeee0001')""")[0]
    # the report moved into another place's incident stays there when later runs report at each place; the
    # report whose rejection was withdrawn is back in its incident
    assert moved == joined == taken_back is not None and dalen not in (None, joined)
    # the rejected speaker stays rejected though the rules merged, then unmerged, the speaker the machine found
    assert query(warehouse.root, "SELECT speaker, speaker_entity_id FROM quotes WHERE quote_id = 'a001dddddddd0001'") == [(None, None)]


def _undated_event(doc_id: str, n: int, place: str) -> dict:
    """A report whose day the text does not give: its window is the week up to its document's publication."""
    return {**_event(doc_id, n, place, 0), "event_date": None, "event_date_precision": "unknown"}


# Reports at one place on days far apart, run by run: each run's build clusters again only the reports whose
# date windows meet the added ones', end to end; a report of no window, and a report a person moved into an
# incident of another day, make the place clustered again whole.
DATED_RUNS = [
    {  # reports on days 1 and 20, and a document with a report on each day and a figure nearer the later one
        "documents": [_document("a000000000000011", 1, "Outlet One"), _document("a000000000000012", 20, "Outlet Two"),
                      _document("a000000000000013", 20, "Outlet Three")],
        "events": [_event("a000000000000011", 1, "Kurmin", 1), _event("a000000000000012", 1, "Kurmin", 20),
                   _event("a000000000000013", 1, "Kurmin", 1), _event("a000000000000013", 200, "Kurmin", 20),
                   _event("a000000000000011", 2, "Dalen", 1), _event("a000000000000012", 2, "Dalen", 20)],
        "casualties": [_figure("a000000000000011", 1, "Kurmin", 3), _figure("a000000000000013", 150, "Kurmin", 6)],
    },
    {  # another report of day 20: clustered again with the two of that day alone
        "documents": [_document("b000000000000011", 21, "Outlet Four")],
        "events": [_event("b000000000000011", 1, "Kurmin", 20)],
        "casualties": [_figure("b000000000000011", 1, "Kurmin", 6)],
    },
    {  # a report of day 1, and so the document of both days, whose figure stays with its report of day 20
        "documents": [_document("c000000000000011", 2, "Outlet Five")],
        "events": [_event("c000000000000011", 1, "Kurmin", 1)],
        "casualties": [_figure("c000000000000011", 1, "Kurmin", 3)],
    },
    {  # an undated report published on day 5: its week reaches day 1's reports, not day 20's
        "documents": [_document("d000000000000011", 5, "Outlet Six")],
        "events": [_undated_event("d000000000000011", 1, "Kurmin")],
        "casualties": [_figure("d000000000000011", 1, "Kurmin", 3)],
    },
    {  # a report in a document of no date: any day, so every report of its place
        "documents": [{**_document("e000000000000011", 9, None), "published_date": None}],
        "events": [_undated_event("e000000000000011", 1, "Dalen")],
    },
    {  # after a person moved the report of day 20 into the incident of day 1 (below), another report of day 20
        "documents": [_document("f000000000000011", 21, "Outlet Seven")],
        "events": [_event("f000000000000011", 1, "Kurmin", 20)],
    },
]


def test_a_runs_build_clusters_again_only_the_reports_whose_dates_can_meet_the_added_ones(tmp_path, added_builds, monkeypatch):
    import newsfacts.consolidate.added as added
    from newsfacts.corrections import Decision, correct
    from schemas.values import CorrectionTarget as Target

    clustered = []

    def noting(events, *args, **kwargs):
        clustered.append(sorted(e["event_id"] for e in events))
        return cluster_incidents(events, *args, **kwargs)

    cluster_incidents = added.cluster_incidents
    monkeypatch.setattr(added, "cluster_incidents", noting)
    warehouse = Warehouse(tmp_path / "wh")
    for number, tables in enumerate(DATED_RUNS):
        _store_run(warehouse, number, tables)
        build_database(warehouse, f"build-{number}")
        assert snapshot(warehouse.root) == _rebuilt(warehouse, tmp_path / f"after-{number}"), f"after run {number}"
        if number == 4:  # a person moves the report of day 20 into the incident of day 1
            correct(warehouse, Target.EVENT, "a012eeeeeeee0001", Decision(sets={"incident": "a011eeeeeeee0001"}))
            assert snapshot(warehouse.root) == _rebuilt(warehouse, tmp_path / "decided"), "after the decision"
    day_1 = ["a011eeeeeeee0001", "a013eeeeeeee0001", "c011eeeeeeee0001"]
    day_20 = ["a012eeeeeeee0001", "a013eeeeeeee0200", "b011eeeeeeee0001"]
    assert clustered[:3] == [sorted(day_20), sorted(day_1), sorted([*day_1, "d011eeeeeeee0001"])]
    dalen = ["a011eeeeeeee0002", "a012eeeeeeee0002", "e011eeeeeeee0001"]
    kurmin = [*day_1, *day_20, "d011eeeeeeee0001"]
    # the decision's build clusters both places of the decided report's document again
    assert clustered[3:] == [sorted(dalen), sorted([*kurmin, *dalen]), sorted([*kurmin, "f011eeeeeeee0001"])]
    assert added_builds == ["whole", "whole"] + ["added", "whole"] * len(DATED_RUNS)
    # the figure of the document of both days counts for the incident of its report of day 20, the nearer in the
    # text; the undated report joined the incident of day 1; the report moved stays where the person moved it
    assert query(warehouse.root, """SELECT (SELECT cluster_id FROM casualties WHERE fact_id = 'a013ccccccccc150')
                                         = (SELECT cluster_id FROM events WHERE event_id = 'a013eeeeeeee0200'),
                                           (SELECT cluster_id FROM events WHERE event_id = 'd011eeeeeeee0001')
                                         = (SELECT cluster_id FROM events WHERE event_id = 'a011eeeeeeee0001'),
                                           (SELECT cluster_id FROM events WHERE event_id = 'a012eeeeeeee0001')
                                         = (SELECT cluster_id FROM events WHERE event_id = 'a011eeeeeeee0001')""") == [(True, True, True)]
