"""A folder of hostile files beside good articles: one `newsfacts run` loads the good ones, and every
hostile file ends as a document or a quarantine row with a reason; a second run adds nothing (the
warehouse kept inside the folder is not read as input)."""

from __future__ import annotations

import json
import os

import pytest

from newsfacts.cli import main

from conftest import query

FERRY = (
    "Ferry crossings to the northern islands resumed on Thursday after a storm kept every boat in harbour for three days, "
    "the port authority said.\n\n"
    "The first sailing left at seven in the morning with about two hundred passengers, many of them islanders who had "
    "been stranded on the mainland since the weekend. Crews checked the piers for damage overnight and found only minor "
    "problems, a spokeswoman said."
)
LIBRARY = (
    "The city library reopened its main reading room on Saturday after a renovation that took eighteen months and cost "
    "more than planned, officials said.\n\n"
    "Visitors queued before the doors opened, and staff said more than a thousand people came through in the first "
    "hour. The new room has longer opening hours, more desks and a quiet floor for students preparing for exams."
)
ORCHARD = (
    "Frost damaged about a third of the apple blossom in the valley orchards this week, growers said on Wednesday, "
    "and some expect a smaller harvest in the autumn. Several farms ran sprinklers through the night to protect the "
    "buds, a method that works only when the temperature stays just below freezing."
)
GORGE = (
    "Rescue crews pulled two hikers from the gorge on Saturday after they spent a night on a ledge in freezing fog. "
    "Both were taken to hospital with mild hypothermia, the mountain rescue service said, and the trail stays closed "
    "until the footbridge above the falls has been inspected by engineers."
)
COUNCIL = (
    "The council approved the new budget on Tuesday after a long debate about school funding and road repairs, and "
    "members voted nine to four in favour of the plan. The mayor said work on the ring road would start in the spring."
)
MARKET = (
    "Traders at the covered market in the old town said on Monday that rents would rise by a tenth next year. "
    "Stallholders including the cheese seller Weizs{}cker said the increase would force some of them to close, "
    "while the market’s managers said the roof repairs — delayed twice — had to be paid for."
)
DEEP = "[" * 100_000 + "]" * 100_000


@pytest.fixture(scope="module")
def hostile_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "ferry.txt").write_text("Ferry crossings resume after storm\n\n" + FERRY, encoding="utf-8")
    (folder / "library.json").write_text(json.dumps({"title": "City library reopens reading room", "text": LIBRARY}), encoding="utf-8")
    os.symlink("loop.txt", folder / "loop.txt")
    (folder / "deep.json").write_text(DEEP, encoding="utf-8")
    (folder / "feed.jsonl").write_text(DEEP + "\n" + json.dumps({"title": "Frost hits orchards", "text": ORCHARD}) + "\n", encoding="utf-8")
    (folder / "post.txt").write_text("---\ntitle: Frost hits valley orchards\ndate: 2025-02-30\n---\n" + ORCHARD.replace("this week", "on Monday"), encoding="utf-8")
    (folder / "gorge.html").write_text("<html><head><title>Hikers rescued from gorge</title></head><body>" + "<div>" * 50_000
                                       + f"<p>{GORGE}</p>" + "</div>" * 50_000 + "</body></html>", encoding="utf-8")
    (folder / "council.json").write_text(json.dumps({"title": "Council passes budget", "text": f"{COUNCIL} © 2024 Some Agency. All rights reserved."}), encoding="utf-8")
    (folder / "market.txt").write_bytes(MARKET.format("ä").encode("utf-8").replace("ä".encode("utf-8"), b"\xe4"))
    return folder


@pytest.fixture(scope="module")
def two_runs(hostile_folder, prefect_harness, tmp_path_factory):
    """Two CLI runs in this process, the warehouse inside the source folder."""
    from prefect.settings import PREFECT_API_URL

    warehouse = hostile_folder / "wh"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PREFECT_API_URL", PREFECT_API_URL.value())  # the harness's server: the CLI starts none
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
        command = ["run", str(hostile_folder), "--warehouse", str(warehouse), "--workers", "1", "--quiet"]
        assert main(command) == 0
        first = query(warehouse, "SELECT source_path, reason, detail FROM quarantine ORDER BY source_path")
        assert main(command) == 0
    return warehouse, first


def test_good_files_load_and_every_hostile_file_is_accounted_for(two_runs):
    warehouse, _ = two_runs
    documents = {path: (title, text, published) for path, title, text, published in
                 query(warehouse, "SELECT source_path, title, text, published_date FROM documents")}
    reasons = dict(query(warehouse, "SELECT source_path, reason FROM quarantine"))
    assert reasons == {"loop.txt": "symlink_loop", "deep.json": "too_deep", "feed.jsonl#1": "too_deep"}
    assert set(documents) == {"ferry.txt", "library.json", "feed.jsonl#2", "post.txt", "gorge.html", "council.json", "market.txt"}

    title, text, published = documents["post.txt"]
    assert title == "Frost hits valley orchards" and "sprinklers through the night" in text and published is None
    assert GORGE in documents["gorge.html"][1]
    assert documents["council.json"][1].endswith("in the spring.") and "rights reserved" not in documents["council.json"][1]
    assert "Weizs\ufffdcker" in documents["market.txt"][1] and "market’s managers" in documents["market.txt"][1]
    assert query(warehouse, "SELECT encoding, encoding_confidence, bytes_replaced FROM source_files WHERE source_path = 'market.txt'") == [("utf-8", None, 1)]


def test_quarantine_details_name_the_file_in_one_sentence(two_runs):
    _, first = two_runs
    for source_path, _reason, detail in first:
        assert detail.startswith(source_path.split("#")[0]) and "Traceback" not in detail and detail.count(". ") == 0


def test_the_warehouse_inside_the_folder_is_never_read_and_a_rerun_adds_nothing(two_runs):
    warehouse, first = two_runs
    assert query(warehouse, "SELECT source_path, reason, detail FROM quarantine ORDER BY source_path") == first
    assert not query(warehouse, "SELECT source_path FROM source_files WHERE source_path LIKE 'wh/%'")
    assert query(warehouse, "SELECT count(*) FROM runs")[0][0] == 2


def test_a_record_that_cleaning_empties_is_quarantined_with_a_sentence(tmp_path):
    from newsfacts.config import Settings
    from newsfacts.ingest.discover import discover_files
    from newsfacts.load.warehouse import KnownState
    from newsfacts.pipeline import ingest_files

    (tmp_path / "notice.json").write_text(json.dumps({"title": "Notice", "body": "© 2024 Example Agency. All rights reserved."}))
    files, _ = discover_files(tmp_path, 2**20)
    result = ingest_files(files, KnownState(), Settings())
    assert result.documents == []
    assert [(q.reason, q.detail) for q in result.quarantined] == [
        ("empty_text", "notice.json: no article text was left after removing page furniture.")]
