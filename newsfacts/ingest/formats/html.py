"""HTML pages: trafilatura finds the main text and the page's metadata (title, date, site name).

Photo captions and embedded posts (tweets) that lie among the article's paragraphs are the article's too:
where trafilatura leaves them out, they go back after the paragraph they follow in the page.

The publication date comes from the page's markup (meta tags, structured data, <time>, via htmldate
without its free-text search), else from an element the page itself labels as the article's date
(class "published-date", "articleDate"...). htmldate's free-text search is not used: it takes a site
header's "today" or a copyright year (stored as 1 January) for the article's date.
"""

from __future__ import annotations

import html as html_entities
import logging
import re
from functools import cache
from html.parser import HTMLParser

import lxml.html
import trafilatura

from newsfacts.ingest.published import parse_published
from newsfacts.rules import load_rules

# trafilatura logs a warning for every page it finds nothing in; the quarantine row already says so.
logging.getLogger("trafilatura").setLevel(logging.ERROR)

from newsfacts.ingest.models import Quarantined, RawRecord
from schemas.values import Reason, Stage


# The page's own date elements: class, id or itemprop naming the article's, post's or publication date.
_DATE_LABEL = re.compile(
    r"(?:article|post|entry|story|news|publish(?:ed)?|pub|release|created)[-_ ]?(?:date|time|launched)"
    r"|(?:date|time)[-_ ]?(?:published|posted|line|created)|^(?:dateline|byline[-_ ]?date|timestamp)$",
    re.IGNORECASE,
)


def _extract(content: str, *, with_metadata: bool):
    # deduplicate=False: trafilatura's duplicate filter is a process-wide cache, so a page's text would
    # depend on what else the process read before it.
    return trafilatura.bare_extraction(
        content,
        with_metadata=with_metadata,
        include_comments=False,
        include_tables=False,
        include_images=True,  # for the captions: photo captions state figures and places too
        deduplicate=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )


def labelled_date(content: str) -> str | None:
    """The first full date in an element the page labels as the article's date, as 'YYYY-MM-DD'."""
    try:
        tree = lxml.html.fromstring(content)
    except (ValueError, lxml.etree.ParserError):
        return None
    dateline = None  # a 'dateline' element is often the site header's date of today: the article's own label first
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style", "meta"):
            continue
        label = " ".join(filter(None, (element.get("class"), element.get("id"), element.get("itemprop"))))
        if not label or not _DATE_LABEL.search(label):
            continue
        candidate = element.get("datetime") or element.get("content") or " ".join(element.text_content().split())
        # 'Posted: Nov. 18, 2009 | Updated: 11:52 p.m.' -> the first part; 'Article Launched: 12/30/2007
        # 01:50:35 AM PST' -> the part after a label.
        candidate = re.split(r"\s[|·•]\s", candidate)[0]
        candidate = candidate.split(":", 1)[1] if re.match(r"^[A-Za-z ]{3,30}:\s", candidate) else candidate
        found = parse_published(candidate[:80])
        if found and "dateline" in label.lower():
            dateline = dateline or found.isoformat()
        elif found:
            return found.isoformat()
    return dateline


# trafilatura writes an image as Markdown ('![alt](src)'), then its caption; some sites repeat the caption
# with a 'hide caption' button label. The image line and the button's copy are not text.
_IMAGE_LINE = re.compile(r"^\s*!\[[^\]]*\]\([^)]*\)\s*$")
_CAPTION_BUTTON = re.compile(r"\s*(?:hide|toggle|show) caption\s*$", re.IGNORECASE)


def _without_images(text: str | None) -> str | None:
    if not text:
        return text
    lines = [line for line in text.split("\n") if not _IMAGE_LINE.match(line) and not _CAPTION_BUTTON.search(line)]
    return "\n".join(lines)


# Elements around an article's paragraphs that trafilatura may leave out though they are the article's:
# photo captions (the figures and places they state) and embedded posts (the words they quote).
_ARTICLE_EXTRAS = "//figcaption | //*[contains(concat(' ', normalize-space(@class), ' '), ' caption ')] | //blockquote[contains(@class, 'twitter-tweet')]"
# Credits inside a caption ('Photograph: Jane Doe', '(Image: Getty)')
_CREDIT_CLASSES = ("credit", "copyright", "byline", "photographer")


def with_captions_and_posts(content: str, body: str | None) -> str | None:
    """`body` with the captions and embedded posts that lie among the article's paragraphs in the page and
    that trafilatura left out, each after the paragraph it follows in the page (a lead photo's caption
    before the first). Not in asides, navigation, footers or boxes of other stories."""
    if not body:
        return body
    try:
        tree = lxml.html.fromstring(content)
    except (ValueError, lxml.etree.ParserError):
        return body
    paragraphs = body.split("\n")
    lines = set(paragraphs)
    order = {element: i for i, element in enumerate(tree.iter())}
    # the article's paragraphs: whole lines of the body, long enough not to be a footer's 'Monday' or 'Reuters'
    kept = [(p, text) for p in tree.iter("p") for text in [_plain(p.text_content())]
            if len(text.split()) >= _MIN_PARAGRAPH_WORDS and text in lines]
    if len(kept) < 2:
        return body
    container = next((a for a in kept[0][0].iterancestors() if a.tag in ("article", "main")), None)
    first = order[container] if container is not None else order[kept[0][0]]
    last = order[kept[-1][0]]
    kept = [(order[p], text) for p, text in kept]
    inserted: dict[int, int] = {}  # extras already put after each paragraph, to keep the page's order
    for extra in tree.xpath(_ARTICLE_EXTRAS):
        if not first < order.get(extra, -1) < last or _in_furniture(extra, container) or _credit(extra):
            continue
        for credit in [c for c in extra.iterdescendants() if _credit(c)]:
            credit.drop_tree()
        text = _plain(extra.text_content())
        if len(text.split()) < 4 or text in body:
            continue
        before = [t for i, t in kept if i < order[extra]]
        at = next((k + 1 for k, p in enumerate(paragraphs) if p == before[-1]), None) if before \
            else next((k for k, p in enumerate(paragraphs) if p == kept[0][1]), None)
        if at is None:
            continue
        paragraphs.insert(at + inserted.get(at, 0), text)
        inserted[at] = inserted.get(at, 0) + 1
        body = "\n".join(paragraphs)
    return body


_MIN_PARAGRAPH_WORDS = 8
# Boxes of other stories and page furniture, by tag or by a word in their class or id
_FURNITURE_TAGS = frozenset({"aside", "nav", "footer", "header"})
_FURNITURE_WORDS = ("related", "promo", "card", "teaser", "carousel", "recommend", "more-", "read-more", "most-", "sidebar",
                    "newsletter", "trending", "popular", "comment")


def _in_furniture(element, container) -> bool:
    """Whether `element` sits in a box of other stories or page furniture, below the article's container
    (or the page's body: a body's classes say nothing of one element)."""
    for holder in (element, *element.iterancestors()):
        if holder is container or holder.tag in ("body", "html"):
            return False
        label = f"{holder.get('class', '')} {holder.get('id', '')}".lower()
        if holder.tag in _FURNITURE_TAGS or any(word in label for word in _FURNITURE_WORDS):
            return True
    return False


def _credit(element) -> bool:
    return isinstance(element.tag, str) and any(c in (element.get("class") or "").lower() for c in _CREDIT_CLASSES)


# trafilatura may end a line at an inline element inside a table cell or a run of <br>s ('a researcher with the \n
# Kurmin Rights Group\n, said'): a line that ends in a word in lower case and a space before its break, or in a
# word no line ends in (rules/boilerplate.toml), goes on with the next line, and so does a line that opens with a
# comma or a full stop after it.
_LINE_OPENING_WITH_PUNCTUATION = re.compile(r"\n(?=[,.;:!?)](?:\s|$))")


@cache
def _line_ending_inside_a_sentence() -> re.Pattern:
    words = "|".join(re.escape(w) for w in load_rules("boilerplate")["words_that_never_end_a_line"])
    return re.compile(rf"(?<!\S)(?:([a-z][a-z'’-]*)[ \t]+|({words}))\n(?=\S)")


def _inline_breaks_joined(text: str | None) -> str | None:
    if not text:
        return text
    joined = _line_ending_inside_a_sentence().sub(lambda m: (m.group(1) or m.group(2)) + " ", text)
    return _LINE_OPENING_WITH_PUNCTUATION.sub("", joined)


def _main_text(extracted) -> str | None:
    """trafilatura's main text of a page, without its images and with the lines it broke at inline elements joined."""
    return _inline_breaks_joined(_without_images(getattr(extracted, "text", None))) if extracted is not None else None


def _plain(text: str) -> str:
    return " ".join(text.split())


def extract_main_text(content: str) -> str | None:
    """Main text of an HTML page or fragment, or None."""
    try:
        extracted = _extract(content, with_metadata=False)
    except Exception:  # trafilatura raises a variety of parser errors on broken markup
        extracted = None
    text = _main_text(extracted)
    if not text or not text.strip():
        text = deep_page_text(content)[0]
    return text


def parse(rel_path: str, content: str) -> tuple[list[RawRecord], list[Quarantined]]:
    try:
        extracted = _extract(content, with_metadata=True)
    except Exception as exc:  # trafilatura raises a variety of parser errors on broken markup
        return [], [Quarantined(rel_path, Stage.PARSE, Reason.MALFORMED_HTML, f"{rel_path}: the HTML could not be parsed ({exc}).")]
    body = with_captions_and_posts(content, _main_text(extracted))
    title = getattr(extracted, "title", None)
    if not body or not body.strip():
        body, title = deep_page_text(content)
    if not body or not body.strip():
        return [], [Quarantined(rel_path, Stage.PARSE, Reason.NO_ARTICLE_TEXT, f"{rel_path}: no article text found in the HTML page.")]
    date = getattr(extracted, "date", None) or labelled_date(content)
    return [
        RawRecord(
            source_path=rel_path,
            format="html",
            body=body,
            title=html_entities.unescape(title) if title else None,
            url=getattr(extracted, "url", None),
            published=date,
            published_basis="metadata" if date else None,
            publisher=getattr(extracted, "sitename", None),
        )
    ], []


# --- pages too deep for a tree ---------------------------------------------------------------------------
# libxml2 stops building a tree 256 elements deep (2048 with huge_tree) and drops what lies below: a page
# of thousands of unclosed or nested <div>s then shows trafilatura no text at all, though it has some.

def deep_page_text(content: str) -> tuple[str | None, str | None]:
    """(text, title) of a page deeper than lxml builds trees, read by a streaming parser that keeps no tree;
    (None, None) for any other page, whose lack of text trafilatura has already judged."""
    if not _beyond_lxml_limits(content):
        return None, None
    reader = _TextBlocks()
    try:
        reader.feed(content)
        reader.close()
    except Exception:  # html.parser is lenient, but a page this odd may still trip it
        return None, None
    return "\n".join(reader.blocks) or None, reader.title or None


def _beyond_lxml_limits(content: str) -> bool:
    parser = lxml.html.HTMLParser()
    try:
        lxml.html.fromstring(content, parser=parser)
    except (ValueError, lxml.etree.ParserError):
        return False
    return any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log)


class _TextBlocks(HTMLParser):
    """A page's text in reading order, one line per block (paragraph, heading, list item, cell), without
    scripts, styles, forms and navigation. Nesting costs nothing: only the current block is kept."""

    BLOCKS = frozenset("address article aside blockquote body br dd div dl dt figcaption footer h1 h2 h3 h4 h5 h6 "
                       "header hr li main ol p pre section table td th tr ul".split())
    SKIPPED = frozenset("button head iframe nav noscript script select style svg template textarea".split())

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.title = ""
        self._current: list[str] = []
        self._skipping = 0
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        if tag == "body":
            self._skipping = 0  # an unclosed <head> ends here
        if tag == "title":
            self._in_title = True
        elif tag in self.SKIPPED:
            self._skipping += 1
        elif tag in self.BLOCKS:
            self._end_block()

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        elif tag in self.SKIPPED:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self.BLOCKS:
            self._end_block()

    def handle_data(self, data):
        if self._in_title:
            self.title = " ".join(f"{self.title} {data}".split())
        elif not self._skipping:
            self._current.append(data)

    def close(self):
        super().close()
        self._end_block()

    def _end_block(self):
        block = " ".join("".join(self._current).split())
        self._current = []
        if block:
            self.blocks.append(block)
