"""Fuzzing the ingest path: whatever a file holds, it ends as documents or quarantine rows, never as an
exception, and nothing it yields would stop the warehouse from storing it.

Each example goes through what a run does with one file (discover_files, then pipeline.ingest_files:
read_file, build_document and validation). Derandomized, so that CI sees the same examples every time.
"""

from __future__ import annotations

import json
import re
import tempfile
from html import escape
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
import pytest

from newsfacts.config import Settings
from newsfacts.ingest.discover import FORMAT_BY_SUFFIX, discover_files
from newsfacts.ingest.formats import jsonrec
from newsfacts.load.warehouse import KnownState
from newsfacts.pipeline import ingest_files

pytestmark = pytest.mark.slow  # hypothesis draws hundreds of inputs per parser

FUZZ = settings(
    max_examples=120,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large],
)
SETTINGS = Settings()
_REASON = re.compile(r"^[a-z]+(?:_[a-z]+)*$")


def ingest_one(name: str, data: bytes) -> tuple[list[dict], list]:
    """The documents and quarantine rows a run makes of one file called `name` holding `data`."""
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / name).write_bytes(data)
        found, rejected = discover_files(Path(folder), SETTINGS.max_file_bytes)
        result = ingest_files(found, KnownState(), SETTINGS)
    quarantined = rejected + result.quarantined
    accounted = {path.split("#", 1)[0] for path in [d["source_path"] for d in result.documents] + [q.source_path for q in quarantined]}
    assert name in accounted, f"{name} was dropped without a quarantine row"
    for row in quarantined:
        assert _REASON.match(row.reason) and row.detail.strip(), row
        _storable(row.source_path, row.detail)
    for document in result.documents:
        _storable(*(value for value in document.values() if isinstance(value, str)))
    return result.documents, quarantined


def as_bytes(text: str) -> bytes:
    """UTF-8, with any lone surrogate written as its (invalid) three bytes: the decoder meets those too."""
    return text.encode("utf-8", errors="surrogatepass")


def _storable(*values: str) -> None:
    for value in values:
        value.encode("utf-8")  # Parquet strings are UTF-8: a lone surrogate would fail the load


# ---- text pieces ------------------------------------------------------------------------------------
WORDS = ("the council said water rose near bridge on Monday after three families left their homes in "
         "valley officials reported crews worked through night and roads stayed closed until weekend").split()
sentences = st.lists(st.sampled_from(WORDS), min_size=3, max_size=30).map(lambda words: " ".join(words).capitalize() + ".")
prose = st.lists(sentences, min_size=1, max_size=8).map(" ".join)
articles = st.lists(prose, min_size=2, max_size=5).map("\n\n".join)
noise = st.text(max_size=120)
texts = st.one_of(prose, noise, st.text(st.characters(categories=["Cs", "Cc", "Zs", "L"]), max_size=20))
dates = st.one_of(
    st.builds("{:04d}-{:02d}-{:02d}".format, st.integers(0, 9999), st.integers(0, 99), st.integers(0, 99)),
    st.sampled_from(["2024-02-29", "2025-02-30", "yesterday", "31/31/2031", "0000-00-00T99:99:99Z", "Mon, 32 Foo 2020"]),
    noise,
)


# ---- random bytes, named as every supported type ---------------------------------------------------------
suffixes = st.sampled_from(sorted(FORMAT_BY_SUFFIX) + [".TXT", ".md", ""])


@FUZZ
@given(suffix=suffixes, data=st.binary(min_size=1, max_size=3000))
def test_random_bytes(suffix, data):
    ingest_one(f"input{suffix}", data)


@FUZZ
@given(
    suffix=suffixes,
    text=st.one_of(prose, texts),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "cp1252", "cp1251", "latin-1", "shift_jis"]),
    stray=st.binary(max_size=6),
    at=st.integers(min_value=0),
)
def test_text_in_any_encoding_with_stray_bytes(suffix, text, encoding, stray, at):
    data = text.encode(encoding, errors="replace")
    at %= len(data) + 1
    ingest_one(f"input{suffix}", data[:at] + stray + data[at:])


# ---- JSON shapes, with and without the fields the readers look for -----------------------------------------
KEYS = sorted({*jsonrec.TEXT_FIELDS, *jsonrec.TITLE_FIELDS, *jsonrec.URL_FIELDS, *jsonrec.DATE_FIELDS,
               *jsonrec.PUBLISHER_FIELDS, *jsonrec.NINJS_BODY_FIELDS, "uri", "headlines", "value", "contenttype",
               "name", "copyrightholder", "provider"})
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), texts, dates,
                    st.builds(lambda t: f"<p>{t}</p><p>{t}", texts))
json_values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=8), children, max_size=6),
    max_leaves=25,
)
# Records a reader takes: an article text under one of its fields, and anything under the others.
records = st.builds(
    lambda text_field, text, extra: {**extra, text_field: text},
    st.sampled_from(["text", "body", "content", "articleBody", "body_text", "body_html"]),
    articles | articles.map(lambda a: "".join(f"<p>{escape(p)}</p>" for p in a.split("\n\n"))),
    st.dictionaries(st.sampled_from(KEYS), json_values, max_size=6),
)


@FUZZ
@given(value=st.one_of(json_values, records, st.lists(records, max_size=3)), ascii_only=st.booleans())
def test_random_json(value, ascii_only):
    ingest_one("input.json", as_bytes(json.dumps(value, ensure_ascii=ascii_only)))


@FUZZ
@given(lines=st.lists(st.one_of(json_values.map(json.dumps), records.map(json.dumps), noise), min_size=1, max_size=6))
def test_random_jsonl(lines):
    ingest_one("input.jsonl", as_bytes("\n".join(lines)))


# ---- markup -----------------------------------------------------------------------------------------
TAGS = ["html", "head", "body", "title", "meta", "div", "p", "span", "article", "main", "section", "h1", "h2", "ul",
        "li", "a", "script", "style", "time", "nav", "footer", "figure", "figcaption", "img", "br", "table", "td"]
attributes = st.lists(st.tuples(
    st.sampled_from(["class", "id", "itemprop", "content", "datetime", "property", "name", "href", "lang"]),
    st.one_of(st.sampled_from(["published-date", "articleBody", "og:title", "article:published_time", "byline"]), dates, noise),
), max_size=3)


def _element(tag: str, attrs: list[tuple[str, str]], children: list[str], closed: bool) -> str:
    rendered = "".join(f' {name}="{escape(value)}"' for name, value in attrs)
    return f"<{tag}{rendered}>{''.join(children)}" + (f"</{tag}>" if closed else "")


html_leaves = st.one_of(texts.map(escape), texts, articles.map(lambda a: "".join(f"<p>{escape(p)}</p>" for p in a.split("\n\n"))))
html_trees = st.recursive(
    html_leaves,
    lambda children: st.builds(_element, st.sampled_from(TAGS), attributes, st.lists(children, max_size=4), st.booleans()),
    max_leaves=30,
)


@FUZZ
@given(tree=html_trees, title=texts, whole_page=st.booleans())
def test_random_html(tree, title, whole_page):
    page = f"<!DOCTYPE html><html><head><title>{escape(title)}</title></head><body>{tree}</body></html>" if whole_page else tree
    ingest_one("input.html", as_bytes(page))


def _xml_text(text: str, raw: bool) -> str:
    return text if raw else xml_escape(text)


NITF = ('<?xml version="1.0" encoding="UTF-8"?><nitf><head><title>{0}</title><docdata><date.issue norm="{1}"/>'
        '<doc.copyright holder="{0}"/></docdata></head><body><body.head><hedline><hl1>{0}</hl1></hedline>'
        '<distributor>{0}</distributor></body.head><body.content>{2}</body.content></body></nitf>')
NEWSML = ('<NewsML><NewsEnvelope><DateAndTime>{1}</DateAndTime></NewsEnvelope><NewsItem><NewsManagement>'
          '<FirstCreated>{1}</FirstCreated></NewsManagement><NewsComponent><NewsLines><HeadLine>{0}</HeadLine>'
          '<CreditLine>{0}</CreditLine></NewsLines><ContentItem><DataContent>{2}</DataContent></ContentItem>'
          '</NewsComponent></NewsItem></NewsML>')
NEWSML_G2 = ('<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header><sent>{1}</sent></header><itemSet>'
             '<newsItem><itemMeta><versionCreated>{1}</versionCreated></itemMeta><contentMeta><headline>{0}</headline>'
             '</contentMeta><contentSet><inlineXML><html xmlns="http://www.w3.org/1999/xhtml"><body>{2}</body></html>'
             '</inlineXML><inlineData>{0}</inlineData></contentSet></newsItem></itemSet></newsMessage>')


@FUZZ
@given(
    skeleton=st.sampled_from([NITF, NEWSML, NEWSML_G2, "<rss><channel><item>{0}{2}</item></channel></rss>"]),
    title=texts, date=dates, paragraphs=st.lists(st.one_of(prose, texts), max_size=4), raw=st.booleans(), cut=st.integers(min_value=0),
)
def test_random_news_xml(skeleton, title, date, paragraphs, raw, cut):
    body = "".join(f"<p>{_xml_text(p, raw)}</p>" for p in paragraphs)
    document = skeleton.format(_xml_text(title, raw), xml_escape(date, {'"': "&quot;"}), body)
    if cut % 4 == 0:  # a file cut short in transfer
        document = document[: cut % (len(document) + 1)]
    ingest_one("input.xml", as_bytes(document))


# ---- text with front matter, and wire copy ---------------------------------------------------------------
yaml_values = st.one_of(dates, texts, st.sampled_from(["[", "{a: b", "!!binary zz", "&a x", "*a", "- x", "~", "2025-02-30 10:00:00",
                                                     "1e999999", "!!timestamp 2020-13-45", "? [a]", "|", "'unclosed"]))
front_matter = st.lists(st.tuples(st.sampled_from(["title", "date", "post_date", "headline", "published", "url", "tags"]) | noise,
                                  yaml_values), max_size=6)


@FUZZ
@given(meta=front_matter, body=st.one_of(articles, texts), fence=st.sampled_from(["---", "--- ", "---\t"]))
def test_random_front_matter(meta, body, fence):
    header = "\n".join(f"{key}: {value}" for key, value in meta)
    ingest_one("post.txt", as_bytes(f"{fence}\n{header}\n---\n{body}\n"))


@FUZZ
@given(header=noise, heading=st.lists(texts, max_size=3), body=st.one_of(articles, texts), trailer=st.one_of(noise, dates),
       day=st.integers(0, 99), month=st.sampled_from(["Oct", "Okt", "Foo", "12", ""]), year=st.integers(0, 9999), etx=st.booleans())
def test_random_wire_copy(header, heading, body, trailer, day, month, year, etx):
    message = f"\x01{header}\r\n\x02" + "\r\n".join(heading) + f"\r\n\r\n{body}" + ("\x03" if etx else "") + f"\r\n{day:02d}1230 GMT {month} {year} {trailer}"
    ingest_one("wire.txt", as_bytes(message))
