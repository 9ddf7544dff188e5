"""The agencies' own formats are first-class inputs: NewsML-G2, NewsML 1.2, ninjs and IPTC 7901 each load
with headline, date, outlet and body (small files written for these tests, shaped as the standards say)."""

import json

from newsfacts.ingest.documents import build_document
from newsfacts.ingest.formats import jsonrec, text, xml

BODY_1 = "Two people were killed when a roadside bomb struck a minibus on the main road, police said on Tuesday."
BODY_2 = "Rescue workers searched the wreckage until nightfall, and the road was closed to traffic."

NEWSML_G2 = f"""<?xml version="1.0" encoding="UTF-8"?>
<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">
  <header><sent>2021-03-09T22:15:00.000Z</sent><sender>agency.example</sender></header>
  <itemSet>
    <packageItem guid="tag:agency.example,2021:pkg1" version="1" standard="NewsML-G2">
      <itemMeta><itemClass qcode="icls:composite"/><provider literal="agency.example"/></itemMeta>
      <contentMeta><headline>Package headline, not an article</headline></contentMeta>
    </packageItem>
    <newsItem guid="tag:agency.example,2021:text1" version="2" standard="NewsML-G2">
      <rightsInfo><copyrightHolder literal="Reuters"/></rightsInfo>
      <itemMeta><itemClass qcode="icls:text"/><provider literal="Reuters"/>
        <versionCreated>2021-03-10T08:00:00.000Z</versionCreated><firstCreated>2021-03-09T21:40:00.000Z</firstCreated></itemMeta>
      <contentMeta><headline xml:lang="en">Roadside bomb kills two on minibus</headline><dateline>March 9</dateline></contentMeta>
      <contentSet><inlineXML contenttype="application/xhtml+xml">
        <html xmlns="http://www.w3.org/1999/xhtml"><head><title/></head>
          <body><p>{BODY_1}</p><p>{BODY_2}</p></body></html>
      </inlineXML></contentSet>
    </newsItem>
    <newsItem guid="tag:agency.example,2021:video1" version="1" standard="NewsML-G2">
      <itemMeta><itemClass qcode="icls:video"/></itemMeta>
      <contentMeta><headline>Video of the scene</headline></contentMeta>
      <contentSet><remoteContent residref="tag:agency.example,2021:bin1" contenttype="video/mpeg"/></contentSet>
    </newsItem>
  </itemSet>
</newsMessage>"""

NEWSML_1 = f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE NewsML PUBLIC "urn:newsml:iptc.org:20001006:NewsMLv1.0.dtd:1" "../DTD/NewsMLv1.0.dtd" [
  <!ENTITY % nitf SYSTEM "../nitf/dtd/nitf-3-0.dtd">
  %nitf;
]>
<NewsML Version="1.2">
  <NewsEnvelope><DateAndTime>20210310T010203+0900</DateAndTime></NewsEnvelope>
  <NewsItem>
    <NewsManagement><FirstCreated>20210309T231500+0900</FirstCreated></NewsManagement>
    <NewsComponent>
      <NewsLines><HeadLine>Roadside bomb kills two on minibus</HeadLine><CreditLine>Kyodo</CreditLine></NewsLines>
      <AdministrativeMetadata><Provider><Party FormalName="KYODONEWS"/></Provider></AdministrativeMetadata>
      <ContentItem><DataContent><nitf><body><body.head><hedline><hl1>NITF headline</hl1></hedline></body.head>
        <body.content><p>{BODY_1}</p><p>{BODY_2}</p></body.content></body></nitf></DataContent></ContentItem>
    </NewsComponent>
  </NewsItem>
</NewsML>"""


def _document(records):
    assert len(records) == 1
    return build_document(records[0])


def test_newsml_g2_reads_the_text_item_with_its_headline_date_and_paragraphs():
    records, rejected = xml.parse("wire.xml", NEWSML_G2)
    assert rejected == []
    doc = _document(records)
    assert records[0].format == "newsml-g2"
    assert doc["title"] == "Roadside bomb kills two on minibus"
    assert str(doc["published_date"]) == "2021-03-09" and doc["published_date_basis"] == "metadata"
    assert doc["publisher"] == "Reuters"
    assert doc["text"] == f"{doc['title']}\n\n{BODY_1}\n\n{BODY_2}"  # the headline opens the text


def test_newsml_g2_without_text_is_quarantined_with_a_reason():
    video_only = NEWSML_G2.replace("<inlineXML", "<remoteContent").split("<contentSet><remoteContent")[0] + "</newsItem></itemSet></newsMessage>"
    records, rejected = xml.parse("video.xml", video_only)
    assert records == [] and rejected[0].reason in ("no_article_text", "malformed_xml")


def test_newsml_1_with_an_nitf_body_and_an_unresolvable_dtd():
    records, rejected = xml.parse("kyodo.xml", NEWSML_1)
    assert rejected == []
    doc = _document(records)
    assert records[0].format == "newsml"
    assert doc["title"] == "Roadside bomb kills two on minibus"
    # The item's own creation time, in its own time zone (the envelope is the later transmission).
    assert str(doc["published_date"]) == "2021-03-09"
    assert doc["publisher"] == "Kyodo News"
    assert BODY_1 in doc["text"]


def test_entity_expansion_is_never_performed():
    laughs = """<?xml version="1.0"?><!DOCTYPE nitf [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
<nitf><body><body.content><p>&lol2;</p></body.content></body></nitf>"""
    records, rejected = xml.parse("laughs.xml", laughs)
    assert records == [] and rejected[0].reason == "malformed_xml"


def test_ninjs_1_body_html_headline_and_versioncreated():
    item = {"uri": "http://agency.example/items/1", "type": "text", "versioncreated": "2021-03-09T21:40:00Z",
            "headline": "Roadside bomb kills two on minibus", "copyrightholder": "The Associated Press",
            "body_html": f"<p>{BODY_1}</p>\n<p>{BODY_2}</p>"}
    records, rejected = jsonrec.parse_json("item.json", json.dumps(item))
    assert rejected == []
    doc = _document(records)
    assert records[0].format == "ninjs"
    assert doc["title"] == "Roadside bomb kills two on minibus"
    assert str(doc["published_date"]) == "2021-03-09"
    assert doc["publisher"] == "Associated Press"
    assert doc["text"] == f"{doc['title']}\n\n{BODY_1}\n\n{BODY_2}"  # the headline opens the text


def test_ninjs_2_bodies_and_headlines():
    item = {"uri": "urn:agency:2", "firstcreated": "2021-03-09T10:00:00Z", "versioncreated": "2021-03-11T10:00:00Z",
            "headlines": [{"role": "main", "value": "Roadside bomb kills two on minibus"}],
            "bodies": [{"role": "main", "contenttype": "text/plain", "value": f"{BODY_1}\n\n{BODY_2}"}]}
    records, rejected = jsonrec.parse_json("item2.json", json.dumps(item))
    doc = _document(records)
    assert rejected == [] and doc["title"] == "Roadside bomb kills two on minibus"
    assert str(doc["published_date"]) == "2021-03-09" and BODY_1 in doc["text"]


IPTC_7901 = ("\x01abc123 4 i 0412 ccccb   ap 001\r\n\r\nAccident-Roads/Minibus/\r\n\x02URGENT\r\n"
             "Roadside bomb kills two on minibus\r\nBy A. Reporter, AP =\r\n\r\n"
             f"{BODY_1[:50]}\r\n{BODY_1[50:]}\r\n\r\n{BODY_2}\r\n\r\nap xy zz\r\n\x03091540 GMT Mar 21\r\n\x7f\x04")


def test_iptc_7901_headline_is_not_the_header_or_the_instruction_line():
    records, rejected = text.parse("wire.txt", IPTC_7901)
    assert rejected == []
    doc = _document(records)
    assert records[0].format == "iptc7901"
    assert doc["title"] == "Roadside bomb kills two on minibus"
    assert str(doc["published_date"]) == "2021-03-09"
    assert doc["publisher"] == "Associated Press"
    assert "URGENT" not in doc["text"] and "abc123" not in doc["text"] and "By A. Reporter" not in doc["text"]
    assert BODY_2 in doc["text"]


def test_every_agency_file_of_the_corpus_loads():
    from test_formats import corpus_files
    from newsfacts.ingest.documents import read_file

    agency = [f for f in corpus_files() if f.format == "xml" or any(k in f.rel_path for k in ("ninjs", "iptc7901", "newsml"))]
    assert len(agency) >= 7
    for source in agency:
        records, rejected, _ = read_file(source)
        assert rejected == [], source.rel_path
        assert records[0].format in ("nitf", "newsml", "newsml-g2", "ninjs", "iptc7901"), source.rel_path
        doc = build_document(records[0])
        assert doc["published_date"] is not None and len(doc["text"]) > 200, source.rel_path
