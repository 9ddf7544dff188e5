import json

from newsfacts.ingest.documents import build_document, read_file
from newsfacts.ingest.discover import discover_files
from newsfacts.ingest.formats import jsonrec, text, xml

import pytest

from conftest import CORPUS, SEEDS


def corpus_files():
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside this checkout")
    return discover_files(CORPUS, 20 * 2**20)[0]

BODY = "Police said three people were killed and four injured when a car bomb exploded near the market on Monday. " * 3


def test_json_record_with_nested_source_and_metadata_date():
    record = {"title": "Blast kills three - Reuters", "body": BODY, "published_date": "2022-04-23T10:26:41+00:00",
              "link": "https://example.org/a", "source": {"title": "Reuters", "url": "https://reuters.com"}}
    records, rejected = jsonrec.parse_json("a.json", json.dumps(record))
    assert rejected == []
    doc = build_document(records[0])
    assert doc["title"] == "Blast kills three"
    assert doc["publisher"] == "Reuters"
    assert str(doc["published_date"]) == "2022-04-23" and doc["published_date_basis"] == "metadata"
    assert doc["url"] == "https://example.org/a"


def test_jsonl_bad_line_is_quarantined_and_good_lines_are_kept():
    lines = [json.dumps({"text": BODY}), "{not json", json.dumps({"headline": "no body"}), "", json.dumps({"content": BODY + "!"})]
    records, rejected = jsonrec.parse_jsonl("feed.jsonl", "\n".join(lines))
    assert [r.source_path for r in records] == ["feed.jsonl#1", "feed.jsonl#5"]
    assert {(q.source_path, q.reason) for q in rejected} == {("feed.jsonl#2", "malformed_json"), ("feed.jsonl#3", "missing_text")}
    assert "line 2" in next(q.detail for q in rejected if q.reason == "malformed_json")


NITF = """<?xml version="1.0" encoding="utf-8"?>
<nitf><head><docdata><date.issue norm="20220511T193525Z"/></docdata></head>
<body><body.head><hedline><hl1>Shelling kills two in border town</hl1></hedline>
<distributor>The Associated Press</distributor></body.head>
<body.content><block><p>Two people were killed by shelling in the town on Wednesday, officials said.</p>
<p>Rescuers were still searching the rubble of a damaged apartment block.</p></block></body.content></body></nitf>"""


def test_nitf_headline_date_distributor_and_paragraphs():
    records, rejected = xml.parse("ap.xml", NITF)
    assert rejected == []
    doc = build_document(records[0])
    assert doc["title"] == "Shelling kills two in border town"
    assert doc["publisher"] == "Associated Press"
    assert str(doc["published_date"]) == "2022-05-11"
    assert doc["text"].split("\n\n")[0] == doc["title"]  # the headline opens the text
    assert doc["text"].split("\n\n")[2].startswith("Rescuers were still searching")


def test_xml_that_is_not_news_xml_is_refused_with_a_reason():
    records, rejected = xml.parse("feed.xml", "<rss><channel/></rss>")
    assert records == [] and rejected[0].reason == "unsupported_type"
    records, rejected = xml.parse("bad.xml", "<nitf><body>")
    assert rejected[0].reason == "malformed_xml"


def test_front_matter_gives_title_and_date():
    meta, body = text.split_front_matter("---\ntitle: \"Four killed\"\ndate: 2025-06-23T04:52:35\n---\nBody text.\n")
    assert meta["title"] == "Four killed" and body.strip() == "Body text."
    files = corpus_files()
    post = next(f for f in files if f.rel_path.startswith("004_bbc-repost"))
    records, _, _ = read_file(post)
    doc = build_document(records[0])
    assert doc["title"] == "Breaking: Four killed in Kyiv in latest Russian aerial attack"
    assert str(doc["published_date"]) == "2025-06-23"
    assert "layout: post" not in doc["text"]


def test_html_page_goes_through_trafilatura():
    files = corpus_files()
    page = next(f for f in files if f.format == "html")
    records, rejected, outcome = read_file(page)
    doc = build_document(records[0])
    assert rejected == [] and outcome.content_sha256
    assert doc["title"] and "stabbing" in doc["text"].lower()
    assert "<div" not in doc["text"] and "function(" not in doc["text"]
    assert doc["published_date_basis"] == "metadata"


def test_same_text_same_id_whatever_the_file_name(tmp_path):
    article = (SEEDS / "003_9ed8a98440132558.txt").read_bytes()
    (tmp_path / "one.txt").write_bytes(article)
    (tmp_path / "two.txt").write_bytes(article.replace(b"\n", b"\r\n"))
    files, _ = discover_files(tmp_path, 2**20)
    ids = {build_document(read_file(f)[0][0])["doc_id"] for f in files}
    assert len(ids) == 1
