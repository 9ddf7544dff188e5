"""Cross-source rules on plain inputs: near-duplicate signatures, quote groups, incident clusters and
which figures an incident counts."""

import json
import os
import subprocess
import sys
from datetime import date

from newsfacts.consolidate.incidents import apply_decisions, assign_figures, cluster_incidents
from newsfacts.consolidate.near_duplicates import NEAR_DUPLICATE_SIMILARITY, estimated_similarity, minhash_signature
from newsfacts.consolidate import quote_groups
from newsfacts.consolidate.quote_groups import SimilarityMemo, group_quotes
from conftest import SEEDS


def test_a_syndicated_copy_with_other_page_furniture_is_a_near_duplicate_and_another_report_is_not():
    original = (SEEDS / "003_9ed8a98440132558.txt").read_text(encoding="utf-8")
    copy = "Share on Facebook | Share on X\nAdvertisement\n" + original.replace("Wednesday", "Wednesday,") + "\nRead more: local news"
    other_report = (SEEDS / "004_18f5d0d3d6b8ea87.txt").read_text(encoding="utf-8")
    assert estimated_similarity(minhash_signature(original), minhash_signature(copy)) >= NEAR_DUPLICATE_SIMILARITY
    assert estimated_similarity(minhash_signature(original), minhash_signature(other_report)) < 0.3
    # signatures are stored and compared across runs: another process, with another hash seed, computes the same one
    elsewhere = subprocess.run(
        [sys.executable, "-c", "import json, sys; from newsfacts.consolidate.near_duplicates import minhash_signature; "
                               "print(json.dumps(minhash_signature(sys.stdin.read())))"],
        input=original, capture_output=True, text=True, check=True, env={**os.environ, "PYTHONHASHSEED": "12345"})
    assert json.loads(elsewhere.stdout) == minhash_signature(original)


def _quote(quote_id, doc_id, speaker, text):
    return {"quote_id": quote_id, "doc_id": doc_id, "speaker_entity_id": speaker, "text": text}


def test_one_statement_in_two_translations_and_a_partial_quote_share_a_group():
    groups = group_quotes([
        _quote("a", "d1", "minister", "Barbaric missile strikes on the central Freedom Square and residential districts "
                                      "of the city. He commits more war crimes out of fury, murders innocent civilians."),
        _quote("b", "d2", "minister", "Barbaric missile strikes on the residential districts of central Independence "
                                      "Square and the city. He commits more war crimes than anger, killing innocent civilians."),
        _quote("c", "d3", "minister", "He commits more war crimes out of fury, murders innocent civilians."),
    ])
    assert groups["a"] == groups["b"] == groups["c"]


def test_different_statements_of_one_speaker_and_short_common_phrases_stay_apart():
    groups = group_quotes([
        _quote("a", "d1", "spokesman", "Make no mistake, he still has significant combat power at his disposal."),
        _quote("b", "d1", "spokesman", "They have had setbacks, but I do not think we can assume they will stay set back."),
        _quote("c", "d2", "mayor", "We will win."),
        _quote("d", "d3", "general", "We will win this war, whatever it takes, together with our allies."),
    ])
    assert groups["a"] != groups["b"]
    assert groups["c"] != groups["d"]


def test_an_unattributed_copy_joins_the_attributed_statement_but_reworded_quotes_of_two_speakers_do_not():
    tweet = "The aggressor is waging war in violation of international humanitarian law and kills civilians."
    groups = group_quotes([
        _quote("a", "d1", "ministry", tweet),
        _quote("b", "d2", None, tweet.replace("kills", "is killing")),
        _quote("c", "d3", "ministry", "Our army will defend every city, every village and every family in this war."),
        _quote("d", "d4", "president", "Our army will defend every city, every village and every family in the war."),
    ])
    assert groups["a"] == groups["b"]
    assert groups["c"] != groups["d"]
    # the very same words attributed to two speakers are one statement; quote_variants shows which
    # outlet named which speaker
    same = group_quotes([_quote("x", "d1", "ministry", tweet), _quote("y", "d2", "minister", tweet)])
    assert same["x"] == same["y"]


def test_a_rebuild_reuses_the_comparisons_of_unchanged_blocks_and_groups_as_without_them(monkeypatch):
    tweet = "The aggressor is waging war in violation of international humanitarian law and kills civilians."
    quotes = [
        _quote("a", "d1", "ministry", tweet),
        _quote("b", "d2", None, tweet.replace("kills", "is killing")),
        _quote("c", "d3", "ministry", "Our army will defend every city, every village and every family in this war."),
        _quote("d", "d4", "spokesman", "Make no mistake, he still has significant combat power at his disposal."),
        _quote("e", "d5", "spokesman", "They have had setbacks, but I do not think we can assume they will stay set back."),
        _quote("f", "d6", "spokesman", "Make no mistake: he still has significant combat power at his disposal."),
    ]
    first = SimilarityMemo()
    expected = group_quotes(quotes, first)
    assert expected["d"] == expected["f"] != expected["e"] and expected["a"] == expected["b"]

    new = _quote("g", "d7", "mayor", "Rescuers worked through the night to reach people under the rubble of the school.")
    scored = []
    real_cdist = quote_groups.process.cdist
    monkeypatch.setattr(quote_groups.process, "cdist", lambda *a, **k: scored.append(a[0]) or real_cdist(*a, **k))
    second = SimilarityMemo(first.used)
    again = group_quotes(list(reversed(quotes)) + [new], second)
    assert scored == []  # every block of the first build was found unchanged: no pair scored again
    assert second.hits == len(first.used) > 0
    assert {k: v for k, v in again.items() if k != "g"} == expected
    assert again == group_quotes(quotes + [new])  # what a build without the memo finds
    assert scored  # ... which does score the pairs


def _event(event_id, doc_id, *, place="Kharkiv", kind="shelling/artillery/missile attack", day=None, weekday=None,
           published=None, targets=(), start=0):
    return {"event_id": event_id, "doc_id": doc_id, "event_type": kind, "event_date": day,
            "event_date_precision": "day" if day else "unknown", "event_weekday": weekday, "location": place,
            "targets": list(targets), "start_char": start, "published_date": published}


def test_reports_of_one_strike_merge_across_outlets_and_types_but_not_across_days():
    clusters = cluster_incidents([
        _event("tue", "reuters", day=date(2022, 3, 1), targets=["administrative building"]),
        _event("video", "cnn", kind="explosion/remote violence", weekday="Tuesday", targets=["administrative building"]),
        _event("wed", "ap", kind="explosion/remote violence", weekday="Wednesday", targets=["police"]),
        _event("undated", "mirror", targets=["administrative building", "residential"]),
        _event("clash", "ap", kind="armed clash", weekday="Wednesday"),
        _event("elsewhere", "reuters", place="Kyiv", day=date(2022, 3, 1)),
    ])
    assert clusters["tue"] == clusters["video"] == clusters["undated"]
    assert clusters["wed"] != clusters["tue"]
    assert clusters["clash"] != clusters["wed"]  # an armed clash is not the same incident as a missile strike
    assert clusters["elsewhere"] != clusters["tue"]


def test_an_undated_report_does_not_chain_two_dated_strikes_together():
    clusters = cluster_incidents([
        _event("first", "a", day=date(2022, 3, 1)),
        _event("second", "b", day=date(2022, 3, 2)),
        _event("vague", "c"),
    ])
    assert clusters["first"] != clusters["second"]
    assert clusters["vague"] in (clusters["first"], clusters["second"])


def test_a_report_dated_by_its_publication_only_matches_the_week_before_it():
    clusters = cluster_incidents([
        _event("strike", "a", day=date(2022, 3, 1)),
        _event("same_week", "b", published=date(2022, 3, 3)),
        _event("month_later", "c", published=date(2022, 4, 2)),
    ])
    assert clusters["same_week"] == clusters["strike"]
    assert clusters["month_later"] != clusters["strike"]


def test_a_region_named_after_its_city_matches_the_city():
    clusters = cluster_incidents([_event("region", "a", place="Kharkiv Region", day=date(2022, 3, 1)),
                                  _event("city", "b", place="Kharkiv", weekday="Tuesday")],
                                 area_centres={"Kharkiv Region": "Kharkiv"})
    assert clusters["region"] == clusters["city"]


def test_an_incident_counts_top_level_figures_of_its_place_and_day_from_the_nearest_report():
    events = [_event("tue", "doc", weekday="Tuesday", start=100), _event("wed", "doc", weekday="Wednesday", start=900)]
    clusters = cluster_incidents(events)
    figures = [
        {"fact_id": "total", "doc_id": "doc", "part_of": None, "location": "Kharkiv", "event_date": None, "start_char": 950},
        {"fact_id": "children", "doc_id": "doc", "part_of": "total", "location": "Kharkiv", "event_date": None, "start_char": 960},
        {"fact_id": "early", "doc_id": "doc", "part_of": None, "location": "Kharkiv", "event_date": None, "start_char": 120},
        {"fact_id": "nationwide", "doc_id": "doc", "part_of": None, "location": "Ukraine", "event_date": None, "start_char": 930},
    ]
    figures += [
        {"fact_id": "day_toll", "doc_id": "doc", "part_of": None, "location": "Kharkiv", "event_date": None,
         "period": "past 24 hours", "start_char": 905},
        {"fact_id": "war_toll", "doc_id": "doc", "part_of": None, "location": "Kharkiv", "event_date": None,
         "period": "since the war began", "start_char": 910},
        {"fact_id": "year_toll", "doc_id": "doc", "part_of": None, "location": "Kharkiv", "event_date": None,
         "period": "so far this year", "start_char": 920},
    ]
    counted = assign_figures(figures, events, clusters)
    assert counted == {"total": clusters["wed"], "early": clusters["tue"], "day_toll": clusters["wed"]}


def test_cumulative_periods_are_recognised_and_a_cause_is_not():
    from newsfacts.extract.facts import period_in

    assert period_in("Since then, the offensive has killed more than 5,000 people") == "since then"
    assert period_in("300 civilians had been killed since the town fell") == "since the town fell"
    assert period_in("Four were killed over the past 24 hours") == "past 24 hours"
    assert period_in("Nine have died so far this year") == "so far this year"
    assert period_in("Two were hurt since he was driving too fast") is None


def test_a_persons_decisions_move_only_the_reports_decided_on_and_follow_moves_of_moves():
    clusters = {"a1": "A", "a2": "A", "a3": "A", "b1": "B", "c1": "C", "d1": "D"}

    def decision(event_id, rejected=False, joins=None):
        return {"event_id": event_id, "rejected": rejected, "moved": not rejected, "joins": joins}

    decided = apply_decisions(clusters, [decision("c1", joins="a1"), decision("a1", joins="b1"), decision("a2"),
                                         decision("d1", rejected=True)])
    assert decided["a1"] == decided["c1"] == "B"  # c1 follows a1, moved after it
    assert decided["a3"] == "A" and "d1" not in decided
    assert decided["a2"] not in set(clusters.values()) and decided["a2"] == apply_decisions(clusters, [decision("a2")])["a2"]
    assert apply_decisions(clusters, [decision("a1", joins="b1"), decision("b1", joins="a1")])["a1"] == \
        apply_decisions(clusters, [decision("a1", joins="b1"), decision("b1", joins="a1")])["b1"]  # a cycle settles as one
    assert apply_decisions(clusters, [decision("d1", rejected=True), decision("c1", joins="d1")])["c1"] == "C"  # joins nothing


def test_a_figure_dated_outside_the_reports_window_is_another_incidents():
    events = [_event("strike", "doc", published=date(2025, 7, 1), start=100)]
    clusters = cluster_incidents(events)
    figures = [
        {"fact_id": "now", "doc_id": "doc", "part_of": None, "location": "Kharkiv", "event_date": date(2025, 6, 30), "start_char": 150},
        {"fact_id": "years_ago", "doc_id": "doc", "part_of": None, "location": "Kharkiv", "event_date": date(2023, 10, 7), "start_char": 160},
    ]
    assert assign_figures(figures, events, clusters) == {"now": clusters["strike"]}


# A run's build groups again only the quotes its changes can reach, and clusters again only the places they
# touch, taking the rest from the build it replaces (newsfacts/consolidate/build.py). Whatever was added,
# removed or re-attributed, that must be what a build of everything finds.
_WORDINGS = [
    "We will rebuild every house in this city after the war.",
    "We will rebuild every home in this city after the war.",
    "After the war we will rebuild every house in this city.",
    "The shelling went on through the whole night without a pause.",
    "The shelling went on through the night without a pause.",
    "We will never give up our land to the invaders.",
    "We will win.",
]


def _quote_tables(con, quotes) -> None:
    con.execute("CREATE TABLE quotes (quote_id VARCHAR, doc_id VARCHAR, speaker_entity_id VARCHAR, text VARCHAR, quote_group_id VARCHAR)")
    con.executemany("INSERT INTO quotes VALUES (?, ?, ?, ?, NULL)", [(q["quote_id"], q["doc_id"], q["speaker_entity_id"], q["text"]) for q in quotes])


def _grouped(quotes, previous=None) -> tuple[dict, list]:
    """quote_id -> group and the stored wordings of a build over `quotes`, grouping again only what changed
    since the build in the database file `previous` when one is given."""
    import duckdb
    from newsfacts.consolidate.build import _group_quotes

    with duckdb.connect() as con:
        _quote_tables(con, quotes)
        if previous:
            con.execute(f"ATTACH '{previous}' AS previous (READ_ONLY)")
        _group_quotes(con, None, reuse_previous=previous is not None)
        return dict(con.execute("SELECT quote_id, quote_group_id FROM quotes").fetchall()), con.execute("SELECT * FROM quote_wordings").fetchall()


def test_regrouping_only_the_quotes_changes_reach_groups_as_a_build_of_every_quote(tmp_path):
    import random

    import duckdb
    from newsfacts.consolidate.build import _group_quotes

    rng = random.Random(7)
    speakers = ["mayor", "governor", None]
    for trial in range(40):
        before = [_quote(f"q{i:02d}", f"d{i % 7}", rng.choice(speakers), rng.choice(_WORDINGS)) for i in range(rng.randint(4, 14))]
        previous = tmp_path / f"previous-{trial}.duckdb"
        with duckdb.connect(str(previous)) as con:
            _quote_tables(con, before)
            _group_quotes(con, None, reuse_previous=False)
        after = [q for q in before if rng.random() > 0.25]  # some gone with their documents
        for quote in after:
            if rng.random() < 0.2:  # an entity merge made another speaker of it
                quote["speaker_entity_id"] = rng.choice(speakers)
        after += [_quote(f"q{i:02d}", "new", rng.choice(speakers), rng.choice(_WORDINGS)) for i in range(14, 14 + rng.randint(0, 3))]
        assert _grouped(after, previous) == _grouped(after), trial


def _incident_tables(con, events, figures, centres, decisions=()) -> None:
    con.execute("""CREATE TABLE events (event_id VARCHAR, doc_id VARCHAR, event_type VARCHAR, event_date DATE,
                   event_date_precision VARCHAR, event_weekday VARCHAR, location VARCHAR, targets VARCHAR[],
                   start_char INTEGER, cluster_id VARCHAR)""")
    con.execute("CREATE TABLE documents (doc_id VARCHAR, published_date DATE)")
    con.execute("CREATE TABLE entities (canonical_name VARCHAR, entity_type VARCHAR, geocode_basis VARCHAR)")
    con.execute("""CREATE TABLE casualties (fact_id VARCHAR, doc_id VARCHAR, part_of VARCHAR, location VARCHAR,
                   event_date DATE, period VARCHAR, start_char INTEGER, kind VARCHAR DEFAULT 'killed',
                   count_min INTEGER DEFAULT 1, count_max INTEGER, review_status VARCHAR DEFAULT 'machine')""")
    con.execute("CREATE TABLE corrections_applied (correction_id VARCHAR, target VARCHAR, fact_id VARCHAR, moved BOOLEAN)")
    con.execute("CREATE TABLE event_decisions (event_id VARCHAR, rejected BOOLEAN, moved BOOLEAN, joins VARCHAR, sequence BIGINT)")
    rows = {
        "events": [(e["event_id"], e["doc_id"], e["event_type"], e["event_date"], e["event_date_precision"],
                    e["event_weekday"], e["location"], e["targets"], e["start_char"], None) for e in events],
        "documents": sorted({(r["doc_id"], None if r["doc_id"] == "d9" else date(2022, 3, 3)) for r in events + figures}),
        "entities": [(area, "location", f"centre {city}") for area, city in centres.items()],
        "casualties": [(f["fact_id"], f["doc_id"], f["part_of"], f["location"], f["event_date"], f["period"], f["start_char"],
                        "killed", 1, None, f.get("review_status", "machine")) for f in figures],
        # the figures a person decided on (corrections.sql): only these may differ from the previous build's
        "corrections_applied": [(f"c-{f['fact_id']}", "casualty", f["fact_id"], False) for f in figures if f.get("decided")]
                               + [(f"c-{d['event_id']}", "event", d["event_id"], False) for d in decisions],
        # the reports a person rejected, took out of their incident or moved into another's (corrections.sql)
        "event_decisions": [(d["event_id"], d["rejected"], d["moved"], d["joins"], n) for n, d in enumerate(decisions)],
    }
    for table, values in rows.items():
        if values:
            columns = [c for (c,) in con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                                                  "ORDER BY ordinal_position", [table]).fetchall()][:len(values[0])]
            con.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(values[0]))})", values)


def _clustered(events, figures, centres, decisions=(), previous=None) -> tuple[list, list]:
    """The incident of each report and each figure, from a build that clusters again only the places that
    changed since the build in the database file `previous`, when one is given."""
    import duckdb
    from newsfacts.consolidate.build import _cluster_incidents

    with duckdb.connect() as con:
        _incident_tables(con, events, figures, centres, decisions)
        if previous:
            con.execute(f"ATTACH '{previous}' AS previous (READ_ONLY)")
        _cluster_incidents(con, reuse_previous=previous is not None)
        return (con.execute("SELECT event_id, cluster_id FROM events ORDER BY ALL").fetchall(),
                con.execute("SELECT * FROM incident_figures ORDER BY ALL").fetchall())


def test_clustering_again_only_the_places_changes_touch_gives_the_incidents_of_a_build_of_every_place(tmp_path):
    import random

    import duckdb
    from newsfacts.consolidate.build import _cluster_incidents

    rng = random.Random(11)
    places = ["Kharkiv", "Kharkiv Oblast", "Izium", "Chuhuiv", None]
    kinds = ["shelling/artillery/missile attack", "air/drone strike", "armed clash"]
    days = [None, date(2022, 3, 1), date(2022, 3, 2), date(2022, 3, 3)]

    def report(i, doc):
        return _event(f"e{i:02d}", doc, place=rng.choice(places), kind=rng.choice(kinds), day=rng.choice(days),
                      published=None if doc == "d9" else date(2022, 3, 3), start=rng.randint(0, 900))

    def figure(i, doc):
        return {"fact_id": f"f{i:02d}", "doc_id": doc, "part_of": None, "location": rng.choice(places),
                "event_date": rng.choice(days), "period": None, "start_char": rng.randint(0, 900)}

    def decisions(events):
        """A person's decisions on some of the reports with a place: rejected, taken out, or moved to another's incident."""
        placed = [e["event_id"] for e in events if e["location"]]
        chosen = rng.sample(placed, k=min(len(placed), rng.choice([0, 0, 1, 2, 3])))
        return [{"event_id": e, "rejected": (how := rng.random()) < 0.3, "moved": how >= 0.3,
                 "joins": rng.choice(placed) if how >= 0.6 else None} for e in chosen]

    def same_as_a_build_of_everything(name, before, after) -> None:
        previous = tmp_path / f"previous-{name}.duckdb"
        with duckdb.connect(str(previous)) as con:
            _incident_tables(con, *before)
            _cluster_incidents(con, reuse_previous=False)
        assert _clustered(*after, previous=previous) == _clustered(*after), name

    # A figure given in the area, in a report whose strike is placed in the city: once the area is placed at
    # its city, the figure counts for that strike, though no report changed.
    strike = _event("e1", "d1", place="Kharkiv", day=date(2022, 3, 1), published=date(2022, 3, 3))
    in_the_area = {"fact_id": "f1", "doc_id": "d1", "part_of": None, "location": "Kharkiv Oblast",
                   "event_date": None, "period": None, "start_char": 40}
    same_as_a_build_of_everything("area placed", ([strike], [in_the_area], {}), ([strike], [in_the_area], {"Kharkiv Oblast": "Kharkiv"}))
    same_as_a_build_of_everything("area no longer placed", ([strike], [in_the_area], {"Kharkiv Oblast": "Kharkiv"}), ([strike], [in_the_area], {}))

    for trial in range(40):
        docs = [f"d{i}" for i in range(rng.randint(2, 10))]
        events = [report(i, rng.choice(docs)) for i in range(rng.randint(3, 16))]
        figures = [figure(i, rng.choice(docs)) for i in range(rng.randint(0, 10))]
        centres = {"Kharkiv Oblast": "Kharkiv"} if rng.random() < 0.5 else {}
        before = (events, figures, centres, decisions(events))
        gone = set(rng.sample(docs, k=rng.randint(0, 2)))  # documents superseded by another version
        events = [e for e in events if e["doc_id"] not in gone] + [report(i, "new") for i in range(16, 16 + rng.randint(0, 3))]
        figures = [f for f in figures if f["doc_id"] not in gone] + [figure(i, "new") for i in range(10, 10 + rng.randint(0, 3))]
        if rng.random() < 0.3:  # the area now placed at its city, or no longer
            centres = {} if centres else {"Kharkiv Oblast": "Kharkiv"}
        if figures and rng.random() < 0.5:  # a person rejects a figure, or moves it to another place
            decided = rng.randrange(len(figures))
            change = {"review_status": "rejected"} if rng.random() < 0.5 else {"location": rng.choice(places)}
            figures = [{**f, **change, "decided": True} if n == decided else f for n, f in enumerate(figures)]
        same_as_a_build_of_everything(trial, before, (events, figures, centres, decisions(events)))


def test_a_quote_added_to_a_speakers_block_is_compared_with_its_quotes_and_groups_as_a_fresh_grouping_does(monkeypatch):
    spoken = [
        "Make no mistake, he still has significant combat power at his disposal.",
        "They have had setbacks, but I do not think we can assume they will stay set back.",
        "Make no mistake: he still has significant combat power at his disposal.",
        "The convoy reached the northern districts of the city before dawn on Sunday.",
        "We have seen no sign that the forces are withdrawing from the north.",
    ]
    quotes = [_quote(f"q{i}", f"d{i}", "spokesman", text) for i, text in enumerate(spoken)]
    first = SimilarityMemo()
    group_quotes(quotes, first)
    # a new document quotes the spokesman twice: once close to a statement he made before, once anew
    added = [{**_quote("q8", "d8", "spokesman", "They have had setbacks, yet I do not think we can assume they will remain set back."), "added": True},
             {**_quote("q9", "d9", "spokesman", "Our aid to the region will double over the coming year, he said."), "added": True}]
    scored = []
    real_cdist = quote_groups.process.cdist
    monkeypatch.setattr(quote_groups.process, "cdist", lambda *a, **k: scored.append((len(a[0]), len(a[1]))) or real_cdist(*a, **k))
    grown = group_quotes(quotes + added, SimilarityMemo(first.used))
    # the two added quotes against the block's six wordings, both ways; never the six against the six
    assert sorted(scored) == [(2, 6), (6, 2)]
    assert grown == group_quotes(quotes + [{k: v for k, v in q.items() if k != "added"} for q in added])
    assert grown["q8"] == grown["q1"] != grown["q9"] and grown["q0"] == grown["q2"]
    # without the block's earlier comparisons, every pair is scored, to the same groups
    scored.clear()
    assert group_quotes(quotes + added, SimilarityMemo()) == grown and (6, 6) in scored
