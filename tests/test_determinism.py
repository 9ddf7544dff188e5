"""The same bytes give the same text and facts, whatever the batch, the order, the worker count or the
split into runs: one folder loaded in one run, in five runs, and in reverse order in small batches on two
workers gives the same tables and views (all but the ledgers of runs and files). A rebuild from the
stored tables gives them too, and the warehouse as of an earlier run is what it was after that run."""

from __future__ import annotations

import shutil

import pytest

from conftest import CORPUS, SEEDS, copy_files, query, snapshot

pytestmark = pytest.mark.slow  # whole folders loaded in several runs, orders and worker counts

def _inputs() -> list:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside this checkout")
    return sorted([*CORPUS.iterdir(), *SEEDS.iterdir()])


@pytest.fixture(scope="module")
def one_run(tmp_path_factory, run_flow):
    source = tmp_path_factory.mktemp("one") / "src"
    source.mkdir()
    for path in _inputs():
        shutil.copy2(path, source / path.name)
    warehouse = source.parent / "wh"
    run_flow(source, warehouse)
    return snapshot(warehouse)


def test_five_runs_over_a_growing_folder_give_what_one_run_gives_and_a_rebuild_gives_it_too(tmp_path, run_flow, one_run):
    from newsfacts.cli import main
    from newsfacts.load.history import as_of_database

    source, warehouse = tmp_path / "src", tmp_path / "wh"
    source.mkdir()
    inputs = _inputs()
    for part in range(5):
        for path in inputs[part::5]:
            shutil.copy2(path, source / path.name)
        run_flow(source, warehouse)
        if part == 1:
            after_second = snapshot(warehouse), query(warehouse, "SELECT max(run_id) FROM runs")[0][0]
    assert snapshot(warehouse) == one_run
    assert main(["rebuild", "--warehouse", str(warehouse)]) == 0
    assert snapshot(warehouse) == one_run
    state, run_id = after_second
    assert snapshot(warehouse, as_of_database(warehouse, run_id)) == state


def test_reverse_order_small_batches_and_two_workers_give_what_one_run_gives(tmp_path, run_flow, one_run, monkeypatch):
    import newsfacts.pipeline as pipeline
    from flows.news_etl import news_etl

    discover_files = pipeline.discover_files

    def reversed_discovery(source_dir, max_file_bytes):
        found, rejected = discover_files(source_dir, max_file_bytes)
        return found[::-1], rejected[::-1]

    monkeypatch.setattr(pipeline, "discover_files", reversed_discovery)
    monkeypatch.setenv("NEWSFACTS_BATCH_SIZE", "7")
    source = tmp_path / "src"
    source.mkdir()
    for path in _inputs():
        shutil.copy2(path, source / path.name)
    news_etl(str(source), str(tmp_path / "wh"), workers=2)
    assert snapshot(tmp_path / "wh") == one_run


def test_runs_that_edit_a_file_and_add_reports_keep_only_what_a_rebuild_would_keep(tmp_path, run_flow, monkeypatch):
    """A run's build adds to the database and works out again only what its changes reach. After a run that
    cuts a file in half (its first version's quotes and reports leave their groups and incidents) and adds
    more reports of the same strikes and quotes of the same people, every table is what a full rebuild makes
    of the same stored facts."""
    import newsfacts.consolidate.added as added
    import newsfacts.consolidate.build as consolidation
    from newsfacts.cli import main

    builds = []
    cluster_incidents, consolidate_added = consolidation._cluster_incidents, added.consolidate_added

    def noting_whole(con, reuse_previous):
        builds.append("whole, reusing the previous build" if reuse_previous else "whole")
        return cluster_incidents(con, reuse_previous)

    def noting_added(con):
        builds.append("added")
        return consolidate_added(con)

    monkeypatch.setattr(consolidation, "_cluster_incidents", noting_whole)
    monkeypatch.setattr(added, "consolidate_added", noting_added)
    seeds = sorted(SEEDS.iterdir())
    source, warehouse = copy_files(seeds[2:], tmp_path / "src"), tmp_path / "wh"
    run_flow(source, warehouse)
    edited = source / seeds[-1].name
    paragraphs = edited.read_text(encoding="utf-8").split("\n\n")
    edited.write_text("\n\n".join(paragraphs[: len(paragraphs) // 2]), encoding="utf-8")
    copy_files(seeds[:2], source)
    run_flow(source, warehouse)
    assert builds == ["whole", "added"]
    assert query(warehouse, "SELECT count(*) FROM documents WHERE superseded_by IS NOT NULL") == [(1,)]
    after_runs = snapshot(warehouse)
    assert main(["rebuild", "--warehouse", str(warehouse)]) == 0
    assert builds == ["whole", "added", "whole"]
    assert snapshot(warehouse) == after_runs
