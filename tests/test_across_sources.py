"""The picture across outlets on the seeds, and on generated near-duplicate copies: incident
clusters, quote groups, near-duplicates, the analyst views and the brief."""

import json
import os

import duckdb
import pytest

from conftest import SEEDS, copy_tree, query, snapshot
from newsfacts.brief import analyst_brief
from newsfacts.cli import main

pytestmark = pytest.mark.slow  # flow runs over the seeds and generated copies

# The seeds by file: 000, 001 and 004 report the 1 March strike on the regional administration
# building; 003 reports the Wednesday (2 March) strikes and mentions the Tuesday one.
FIRST_OF_MARCH = {"000_eb948de8da57cf2e.txt", "001_02f53f2f49458630.txt", "004_18f5d0d3d6b8ea87.txt"}
SECOND_OF_MARCH = "003_9ed8a98440132558.txt"


def _clusters(warehouse):
    rows = query(warehouse, """
        SELECT k.cluster_id, k.event_date, k.event_weekday, k.location, list_sort(list(DISTINCT d.source_path)),
               k.killed_best, k.injured_best, k.n_publishers
        FROM event_clusters k, unnest(k.doc_ids) AS u(doc_id) JOIN documents d ON d.doc_id = u.doc_id
        GROUP BY ALL""")
    return rows


def test_the_strike_of_1_march_and_the_strikes_of_2_march_are_two_incidents(seeds_warehouse):
    warehouse, _summary = seeds_warehouse
    kharkiv = [row for row in _clusters(warehouse) if row[3] == "Kharkiv"]
    first = [row for row in kharkiv if str(row[1]) == "2022-03-01"]
    assert len(first) == 1
    assert FIRST_OF_MARCH <= set(first[0][4])
    second = [row for row in kharkiv if row[2] == "Wednesday"]
    assert len(second) == 1 and second[0][4] == [SECOND_OF_MARCH]
    assert (second[0][5], second[0][6]) == (21, 112)  # killed and injured over the past 24 hours
    # the report of 2 March also tells of the Tuesday strike: it is counted as a source of that one too
    assert SECOND_OF_MARCH in first[0][4]


def test_the_foreign_ministers_tweet_is_one_statement_in_three_reports(seeds_warehouse):
    warehouse, _summary = seeds_warehouse
    groups = query(warehouse, """
        SELECT quote_group_id, list_sort(list(DISTINCT d.source_path)), count(*)
        FROM quotes q JOIN documents d USING (doc_id)
        WHERE q.text ILIKE 'Barbaric Russian missile strikes%' GROUP BY quote_group_id""")
    assert len(groups) == 1
    assert set(groups[0][1]) == FIRST_OF_MARCH
    # 'Freedom Square' in two reports, 'Independence Square' in the third: one group, both wordings
    wordings = query(warehouse, "SELECT n_wordings, n_documents FROM quote_variants WHERE quote_group_id = ?", [groups[0][0]])
    assert wordings == [(3, 3)]


def test_different_statements_of_one_speaker_stay_apart(seeds_warehouse):
    warehouse, _summary = seeds_warehouse
    groups = query(warehouse, """
        SELECT DISTINCT quote_group_id FROM quotes
        WHERE text ILIKE 'Make no mistake%' OR text ILIKE 'They%ve had setbacks%'""")
    assert len(groups) == 2


def test_each_view_answers_with_evidence(seeds_warehouse):
    warehouse, _summary = seeds_warehouse
    rows = query(warehouse, "SELECT evidence, sentence, cluster_id FROM casualty_reports WHERE evidence = '21 people were killed'")
    assert rows and "21 people were killed" in rows[0][1] and rows[0][2] is not None
    conflicts = query(warehouse, "SELECT kind, lowest, highest, len(reports) FROM figure_conflicts")
    assert all(low < high and n >= 2 for _k, low, high, n in conflicts)
    corroborated = query(warehouse, "SELECT fact_type, n_sources FROM corroboration")
    assert ("incident", 5) in corroborated or any(t == "incident" and n >= 3 for t, n in corroborated)
    assert any(t == "statement" for t, _n in corroborated)
    aliases = dict(query(warehouse, "SELECT canonical_name, n_spellings FROM entity_aliases WHERE entity_type = 'person'"))
    assert aliases["Oleg Sinegubov"] >= 3  # Synegubov / Sinehubov / Sinegubov
    timeline = query(warehouse, "SELECT event_date, location FROM timeline")
    assert timeline[0][0] is not None and timeline[-1][0] is None  # dated incidents first


def test_figure_conflicts_are_every_incident_whose_independent_sources_disagree(seeds_warehouse):
    # The view reads the conflicts event_clusters counted when it was built; they are the ones every figure shows.
    warehouse, _summary = seeds_warehouse
    from_every_figure = query(warehouse, """
        SELECT c.cluster_id, c.kind, count(DISTINCT c.count_min), min(c.count_min), max(coalesce(c.count_max, c.count_min)),
               count(*)
        FROM casualties c JOIN document_sources s USING (doc_id) JOIN event_clusters USING (cluster_id)
        WHERE c.kind IN ('killed', 'injured') AND NOT s.is_copy
        GROUP BY ALL HAVING count(DISTINCT c.count_min) > 1 ORDER BY ALL""")
    listed = query(warehouse, "SELECT cluster_id, kind, n_figures, lowest, highest, len(reports) FROM figure_conflicts ORDER BY ALL")
    assert from_every_figure and listed == from_every_figure


def test_the_analyst_brief_lists_incidents_disagreements_and_statements(seeds_warehouse):
    warehouse, _summary = seeds_warehouse
    with duckdb.connect(str(warehouse / "newsfacts.duckdb"), read_only=True) as con:
        brief = analyst_brief(con)
    assert brief.startswith("# newsfacts analyst brief")
    assert "| 2022-03-01 | Kharkiv |" in brief
    assert "## Most-quoted statements" in brief and "Dmytro Kuleba" in brief
    # the killed and injured per day and per place, drawn as bars to one scale
    killed, injured = query(warehouse, """SELECT sum(killed_best), sum(injured_best) FROM event_clusters
                                          WHERE event_date = DATE '2022-03-01'""")[0]
    day = next(line for line in brief.splitlines() if line.startswith("| 2022-03-01 | 1 |"))
    assert day.startswith(f"| 2022-03-01 | 1 | {killed} | {injured} | ") and "█" in day and "░" in day
    places = brief.split("## Killed and injured per place")[1].split("## Most-quoted")[0]
    assert places.index("| Kharkiv |") < places.index("| Zhytomyr |")


def _write_copies(source) -> None:
    """Two re-posts of the report of 2 March in `source`: other page furniture, and one word changed."""
    original = (SEEDS / SECOND_OF_MARCH).read_text(encoding="utf-8")
    (source / "repost-a.txt").write_text("Share this story\nAdvertisement\n\n" + original + "\n\nMore from our partners", encoding="utf-8")
    (source / "repost-b.txt").write_text(original.replace("heavy rocket launchers", "heavy multiple rocket launchers")
                                         + "\n\nThis story was syndicated.", encoding="utf-8")


@pytest.fixture(scope="module")
def copies_warehouse(tmp_path_factory, run_flow):
    source = copy_tree(SEEDS, tmp_path_factory.mktemp("copies") / "src")
    _write_copies(source)
    warehouse = tmp_path_factory.mktemp("copies-warehouse")
    run_flow(source, warehouse)
    return warehouse


def test_syndicated_copies_point_at_the_original_and_are_not_counted_twice(copies_warehouse):
    links = dict(query(copies_warehouse, """
        SELECT d.source_path, o.source_path FROM documents d JOIN documents o ON o.doc_id = d.near_duplicate_of"""))
    assert links == {"repost-a.txt": SECOND_OF_MARCH, "repost-b.txt": SECOND_OF_MARCH}
    wednesday = [row for row in _clusters(copies_warehouse) if row[3] == "Kharkiv" and row[2] == "Wednesday"]
    assert len(wednesday) == 1
    _id, _date, _weekday, _place, paths, killed, injured, n_publishers = wednesday[0]
    assert set(paths) == {SECOND_OF_MARCH, "repost-a.txt", "repost-b.txt"}
    assert n_publishers == 1 and (killed, injured) == (21, 112)
    # the copies' figures are reported, but not as independent corroboration
    assert query(copies_warehouse, "SELECT count(*) FROM corroboration WHERE fact LIKE '21 killed%'") == [(0,)]
    assert query(copies_warehouse, "SELECT count(*) FROM casualty_reports WHERE from_near_duplicate") != [(0,)]


def test_copies_that_come_in_a_later_run_give_what_one_run_gives_and_an_edited_copy_leaves_its_pairs(
        copies_warehouse, tmp_path, run_flow):
    # a run's build compares only the documents it made live with the others, and keeps the earlier pairs
    source, warehouse = copy_tree(SEEDS, tmp_path / "src"), tmp_path / "wh"
    run_flow(source, warehouse)
    _write_copies(source)
    run_flow(source, warehouse)
    assert snapshot(warehouse) == snapshot(copies_warehouse)
    # a copy edited into another story is no copy any more, as a rebuild of everything finds too
    edited = source / "repost-b.txt"
    edited.write_text((SEEDS / SECOND_OF_MARCH).read_text(encoding="utf-8").split("\n\n")[0] + "\n\n"
                      + "A different story now: the council met on Thursday to discuss the city budget, the repair of "
                        "three bridges over the river and a new bus route to the airport, and voted to delay the "
                        "decision until spring after a long debate about the cost of fuel.", encoding="utf-8")
    os.utime(edited, (edited.stat().st_atime, edited.stat().st_mtime - 100))  # (a file changed this instant waits a run)
    run_flow(source, warehouse)
    after_the_edit = snapshot(warehouse)
    assert main(["rebuild", "--warehouse", str(warehouse)]) == 0  # works every pair out again
    assert snapshot(warehouse) == after_the_edit
    assert dict(query(warehouse, """SELECT d.source_path, o.source_path FROM documents d JOIN documents o
                                     ON o.doc_id = d.near_duplicate_of""")) == {"repost-a.txt": SECOND_OF_MARCH}


def test_every_run_attaches_the_brief_to_its_flow_run(seeds_warehouse):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey, ArtifactFilterFlowRunId

    _warehouse, summary = seeds_warehouse
    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(artifact_filter=ArtifactFilter(
            key=ArtifactFilterKey(any_=["news-etl-analyst-brief"]),
            flow_run_id=ArtifactFilterFlowRunId(any_=[summary.flow_run_id])))
    assert len(artifacts) == 1 and artifacts[0].type == "markdown"
    assert artifacts[0].data.startswith("# newsfacts analyst brief") and "| 2022-03-01 | Kharkiv |" in artifacts[0].data
    with get_client(sync_client=True) as client:
        tables = {a.key: a for a in client.read_artifacts(artifact_filter=ArtifactFilter(
            key=ArtifactFilterKey(any_=["news-etl-figures-per-day", "news-etl-figures-per-place"]),
            flow_run_id=ArtifactFilterFlowRunId(any_=[summary.flow_run_id])))}
    assert set(tables) == {"news-etl-figures-per-day", "news-etl-figures-per-place"}
    per_day = json.loads(tables["news-etl-figures-per-day"].data) if isinstance(tables["news-etl-figures-per-day"].data, str) \
        else tables["news-etl-figures-per-day"].data
    assert [row["day"] for row in per_day] == ["2022-03-01"]
