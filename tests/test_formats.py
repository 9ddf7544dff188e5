import json

from newsfacts.ingest.documents import build_document, read_file
from newsfacts.ingest.discover import discover_files
from newsfacts.ingest.formats import html, jsonrec, text, xml

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


DEEP_JSON = "[" * 100_000 + "]" * 100_000


def test_json_nested_too_deep_is_quarantined():
    records, rejected = jsonrec.parse_json("deep.json", DEEP_JSON)
    assert records == [] and [q.reason for q in rejected] == ["too_deep"]
    assert rejected[0].detail.startswith("deep.json: ")


def test_a_jsonl_line_nested_too_deep_is_quarantined_and_the_other_lines_load():
    content = json.dumps({"title": "Bridge reopens", "text": BODY}) + "\n" + DEEP_JSON + "\n"
    records, rejected = jsonrec.parse_jsonl("feed.jsonl", content)
    assert [r.source_path for r in records] == ["feed.jsonl#1"]
    assert [(q.source_path, q.reason) for q in rejected] == [("feed.jsonl#2", "too_deep")]


def test_json_with_a_number_python_refuses_and_an_empty_list_are_quarantined():
    assert [q.reason for q in jsonrec.parse_json("n.json", '{"text": ' + "7" * 5000 + "}")[1]] == ["malformed_json"]
    assert [q.reason for q in jsonrec.parse_json("none.json", "[]")[1]] == ["no_records"]


def _input(tmp_path, name: str, content: str | bytes):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return next(f for f in discover_files(tmp_path, 2**24)[0] if f.rel_path == name)


def test_a_parser_that_fails_unexpectedly_quarantines_the_file_and_logs_why(tmp_path, monkeypatch, caplog):
    from newsfacts.ingest import formats

    def broken(rel_path, content):
        raise IndexError("a parser bug")

    monkeypatch.setitem(formats.PARSERS, "text", broken)
    with caplog.at_level("DEBUG", logger="newsfacts.ingest.formats"):
        records, rejected, outcome = read_file(_input(tmp_path, "story.txt", BODY))
    assert records == [] and [(q.reason, q.stage) for q in rejected] == [("unparseable", "parse")]
    assert rejected[0].detail.startswith("story.txt: ") and rejected[0].detail.count(". ") == 0
    assert "Traceback" not in rejected[0].detail and rejected[0].fingerprint == outcome.content_sha256
    assert any(r.exc_info for r in caplog.records) and any(r.levelname == "WARNING" and "story.txt" in r.getMessage() for r in caplog.records)


def test_a_lone_surrogate_escape_in_json_becomes_a_replacement_character(tmp_path):
    records, rejected, _ = read_file(_input(tmp_path, "s.json", json.dumps({"title": "Bridge \ud800 reopens", "text": BODY})))
    assert rejected == [] and records[0].title == "Bridge \ufffd reopens"


def test_an_impossible_front_matter_date_is_left_out_and_the_post_still_loads(tmp_path):
    post = "---\ntitle: Ferry service resumes after storm\ndate: 2025-02-30\nlayout: post\n---\n" + BODY
    records, rejected, _ = read_file(_input(tmp_path, "post.txt", post))
    doc = build_document(records[0])
    assert rejected == [] and doc["title"] == "Ferry service resumes after storm"
    assert doc["text"].endswith(BODY.strip()) and doc["published_date"] is None
    assert str(build_document(text.parse("ok.txt", post.replace("2025-02-30", "2025-02-28"))[0][0])["published_date"]) == "2025-02-28"


def test_an_article_inside_fifty_thousand_nested_divs_is_read(tmp_path):
    paragraph = ("Rescue crews pulled two hikers from the gorge on Saturday after a night in freezing fog. "
                 "Both were taken to hospital with mild hypothermia, the mountain service said. "
                 "The trail stays closed until the bridge above the falls is inspected.")
    page = ("<html><head><title>Hikers rescued from gorge</title></head><body>" + "<div>" * 50_000
            + f"<p>{paragraph}</p>" + "</div>" * 50_000 + "</body></html>")
    records, rejected, _ = read_file(_input(tmp_path, "deep.html", page))
    assert rejected == [] and paragraph in records[0].body and records[0].title == "Hikers rescued from gorge"
    assert "<div" not in build_document(records[0])["text"]


def test_a_paragraph_in_the_publisher_or_title_field_does_not_cost_the_article(tmp_path):
    misfiled = "Reporting by the regional desk, with additional material from three staff correspondents. " * 4
    doc = build_document(jsonrec.parse_json("a.json", json.dumps({"title": misfiled, "publisher": misfiled, "text": BODY}))[0][0])
    assert doc["publisher"] is None and doc["title"] is None and doc["text"] == BODY.strip()


def test_a_page_reads_the_same_however_often_and_beside_whatever_it_is_read():
    # trafilatura's duplicate filter is process-wide: with it, a paragraph seen in earlier pages (wire
    # copy, a standard background paragraph) vanished from later ones. A page's text is its own bytes'.
    shared = ("The ministry said the convoy carried food, water and medicine for the families who stayed in the "
              "town through the winter, and that more convoys would follow next week.")
    pages = [f"<html><head><title>Report {n}</title></head><body><article><h1>Report {n}</h1>"
             f"<p>Officials in the district described the situation on day {n} as calm but tense, with long queues "
             f"at the only working bakery and the bridge still closed to traffic.</p><p>{shared}</p></article></body></html>"
             for n in range(1, 9)]
    texts = [html.parse(f"page{n}.html", page)[0][0].body for n, page in enumerate(pages)]
    assert all(shared in text for text in texts)
    again = [html.parse(f"page{n}.html", page)[0][0].body for n, page in enumerate(pages)]
    assert again == texts


def test_the_articles_own_date_label_beats_the_site_headers_dateline():
    page = ("<html><body><table><tr><td class='dateline'>Thursday, November 19, 2009</td></tr></table>"
            "<div class='timestamp'>Posted: Nov. 18, 2009 | Updated: 11:52 p.m.</div><p>The council voted.</p></body></html>")
    assert html.labelled_date(page) == "2009-11-18"
    assert html.labelled_date("<html><body><td class='dateline'>March 3, 2011</td></body></html>") == "2011-03-03"


def test_captions_and_embedded_posts_among_the_paragraphs_are_the_articles():
    paragraphs = [f"<p>Paragraph {n} of the story about the storm that hit the coast on Monday night.</p>" for n in range(1, 7)]
    page = ("<html><body><nav><figure><figcaption>Related: ten photos of another story entirely</figcaption></figure></nav>"
            "<article><h1>Storm hits the coast</h1><figure class='wp-caption'><img src='h.jpg'><figcaption "
            "class='wp-caption-text'>Forensic teams at the scene on Monday, where residents said the water rose in "
            "minutes.</figcaption></figure>" + "".join(paragraphs[:3])
            + "<figure class='longform__hero'><img src='a.jpg'><figcaption>Rescuers search a flattened house, where two "
            "people died. <span class='credit'>Photo: Jane Doe</span></figcaption></figure>" + "".join(paragraphs[3:5])
            + "<aside class='related'><div class='card'><figcaption>Earthquake in Turkey kills 300 people, rescuers "
            "say</figcaption></div></aside>" + "".join(paragraphs[5:])
            + "<div class='article__embed article__embed--twitter'><blockquote class='twitter-tweet'><p>Our teams are on "
            "the ground in every town on the coast tonight.</p>&mdash; Coast Rescue (@coastrescue)</blockquote></div>"
            "<p>The storm moved inland on Tuesday, forecasters said, and weakened over the hills.</p></article></body></html>")
    body = html.parse("storm.html", page)[0][0].body
    assert "flattened house, where two people died." in body and "Photo: Jane Doe" not in body
    assert "Our teams are on the ground in every town" in body
    assert "ten photos of another story" not in body and "Earthquake in Turkey" not in body
    # after the paragraph they follow in the page, a lead photo's caption before the first
    assert body.index("Paragraph 3") < body.index("flattened house") < body.index("Paragraph 4")
    assert body.index("Forensic teams at the scene") < body.index("Paragraph 1")


def test_the_language_is_read_from_the_opening_of_the_text():
    spanish = ("La policía informó el martes que dos personas resultaron heridas cuando un camión chocó contra "
               "una tienda en el centro de la ciudad. Los vecinos dijeron que el conductor huyó a pie. ") * 30
    english = "Two people were hurt on Tuesday when a lorry hit a shop in the town centre, police said. " * 30
    records, _ = text.parse("a.txt", spanish)
    assert build_document(records[0])["language"] == "es"
    records, _ = text.parse("b.txt", english + spanish)  # (an English article quoting a long Spanish letter)
    assert build_document(records[0])["language"] == "en"


def test_an_inline_link_in_a_table_layout_page_stays_in_its_sentence():
    # An old table-and-<font> layout with <br> paragraphs: trafilatura ends a line at the inline link.
    page = """<html><head><title>Villagers caught in crossfire | Daily Mirror</title></head><body>
<table width="980"><tr><td class="menubar"><a href="/">Home</a> | <a href="/n">National</a></td></tr>
<tr><td><table><tr><td width="680" valign="top" class="content">
<h1>Villagers caught in crossfire</h1>
<font face="Arial">The attack on the village lasted for more than three hours on Sunday morning, residents said.<br><br>
No group has claimed responsibility for the attack, which followed weeks of threats against the village.<br><br>
Jane Doe-Roe, a researcher with the <a href="/topic/rights">Kurmin Rights Observatory</a>, said villages that had formed
self-defence groups were being singled out.<br><br>
"Communities are caught between armed groups and an army that cannot protect them," she said.<br><br>
Headline of another story killing 1100 <br>
A caption of a photo of the village.</font>
</td><td width="300" class="rightcol"><b>Most read</b><br><a href="/x">Markets close higher</a></td></tr></table>
</td></tr></table></body></html>"""
    records, quarantined = html.parse("page.html", page)
    body = records[0].body
    assert not quarantined
    assert "a researcher with the Kurmin Rights Observatory, said villages" in body
    # a line that ends in a number, as a headline may, is not run into the next
    assert "killing 1100 A caption" not in body and "A caption of a photo of the village." in body
