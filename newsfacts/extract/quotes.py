"""Direct quotations: the words inside quotation marks (straight or curly), quotes that run over
several paragraphs, quotations inside quotations (words a speaker reports someone said: '"He said, ‘There are
more,’ and drove off," she recalled'), and embedded tweets ('... — Name (@handle) March 1, 2022')."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsfacts.rules import load_rules

# (AP's archive wrote the straight mark as a double prime, '″', which opens and closes as the straight one does)
OPENERS = "“„«\"”″"
CLOSERS = "”“»\"″"
# Scare quotes ('special operation') are not statements: a quotation needs this many words (the
# annotation guide's five).
MIN_QUOTE_WORDS = 5
_TWEET = re.compile(
    r"^(?P<body>.+?)\s*(?:pic\.twitter\.com/\S+\s*)?[—–-]+\s*(?P<name>[^()—–\n]{2,80}?)\s*\(@(?P<handle>\w{1,30})\)\s*(?P<date>\w+\s+\d{1,2},\s+\d{4})\s*$"
)


@dataclass
class QuoteSpan:
    text: str
    start_char: int  # the opening mark
    end_char: int  # after the closing mark
    tweet_author: str | None = None
    within: tuple[int, int] | None = None  # the quotation it lies inside, if any: (start_char, end_char)


def _is_opening(text: str, i: int) -> bool:
    ch = text[i]
    if ch in "“„«":
        return True
    if ch == "”":
        # '”Soldiers came at dawn,” said a witness': some sites' typesetting opens with the closing mark too; before
        # a word, at a paragraph's start or after a space, it can only open
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        return (prev.isspace() or prev in "([{—–:") and nxt.isalnum()
    if ch in '"″':
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        # 'said."We have', 'said,"We have' (text whose spaces were lost after punctuation) opens a quotation too.
        return prev.isspace() or prev in "([{—–-:" or i == 0 or (prev in ".!?;," and nxt.isupper())
    return False


def _is_closing(text: str, i: int) -> bool:
    ch = text[i]
    if ch in "”»":
        return True
    if ch == "“":  # machine-translated text sometimes closes with an opening mark
        nxt = text[i + 1] if i + 1 < len(text) else " "
        return nxt.isspace() or nxt in ".,;:!?)"
    if ch in '"″':
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        # ('the attack,"local police said', text whose space was lost after the closing mark: after a clause's
        # punctuation, inside a quotation, the mark closes it)
        return nxt.isspace() or nxt in ".,;:!?)—–-" or (prev in ",.!?" and nxt.isalpha())
    return False


def find_quotes(text: str) -> list[QuoteSpan]:
    """Quotations in a document whose paragraphs are separated by blank lines.

    Double quotation marks first; then single ones ('...' and ‘...’, as British papers quote), outside them or
    wholly inside one (a quotation inside a quotation; one that opens inside and closes outside is an apostrophe's
    mistake). A quotation inside another says which (`within`)."""
    quotes = _double_quotes(text)
    covered = [(q.start_char, q.end_char) for q in quotes]
    quotes += [q for q in _single_quotes(text)
               if not any(s <= q.start_char < e and (q.end_char > e or q.start_char == s) for s, e in covered)]
    for quote in quotes:
        holders = [q for q in quotes if q.start_char < quote.start_char and quote.end_char <= q.end_char]
        if holders:
            holder = max(holders, key=lambda q: q.start_char)  # the innermost
            quote.within = (holder.start_char, holder.end_char)
    return sorted(quotes, key=lambda q: q.start_char)


# An opening single mark starts a capitalised word; a closing one ends a sentence or clause, or is
# followed by the attribution ('..., ' Yermak wrote). An apostrophe inside a word ("don't") is neither.
_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–:]))['‘](?=[A-Za-z0-9])")
# Words an apostrophe shortens at their start: ''em', ''til', 'rock 'n' roll' are no quotations
# (rules/attribution.toml elided_words).
_ELISIONS = re.compile(r"['‘](?:%s)\b" % "|".join(load_rules("attribution")["elided_words"]), re.IGNORECASE)
_SINGLE_CLOSE = re.compile(r"(?<=[.,!?;:…\w])['’](?=$|[\s,.;:!?)\]—–-])")
# The forms of reporting verbs that open an attribution after a closing mark ('...,' said Doe', '...,' Doe added)
_SAID = "said|says|added|told"
_ATTRIBUTION_AFTER = re.compile(rf"^['’]\s*(?:$|[,.;:!?)\]—–-]|\s+(?:[A-Z]|{_SAID}|he|she|they|it|the|a|an|according|wrote|tweeted)\b)")


def _single_quotes(text: str) -> list[QuoteSpan]:
    quotes: list[QuoteSpan] = []
    paragraphs = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text)]
    pending: tuple[int, list[str]] | None = None  # a quotation continuing from the previous paragraph
    for index, (p_start, paragraph) in enumerate(paragraphs):
        position = 0
        if pending is not None and paragraph[:1] in "'‘":
            start, pieces = pending
            position = 1
        else:
            start, pieces = None, []
        pending = None
        while True:
            if start is None:
                opening = _SINGLE_OPEN.search(paragraph, position)
                while opening is not None and _ELISIONS.match(paragraph, opening.start()):
                    opening = _SINGLE_OPEN.search(paragraph, opening.end())
                if opening is None:
                    break
                start, position = p_start + opening.start(), opening.end()
            # (a typeset opening mark, '‘', is never an apostrophe: its quotation closes at the first typeset closing
            # mark that ends a word, whatever follows: 'neighbours vowed to ‘stand by them every day’ in the months ahead')
            curly = text[start] == "‘"
            closing = None
            for candidate in _SINGLE_CLOSE.finditer(paragraph, position):
                before = paragraph[candidate.start() - 1]
                if before in ".,!?;:…" or _ATTRIBUTION_AFTER.match(paragraph[candidate.start():]) \
                        or (curly and candidate.group() == "’"):
                    closing = candidate
                    break
            if closing is None:
                pieces.append(paragraph[position:])
                next_paragraph = paragraphs[index + 1][1] if index + 1 < len(paragraphs) else ""
                if next_paragraph[:1] and next_paragraph[:1] in "'‘":
                    pending = (start, pieces)
                elif curly:
                    _add(quotes, pieces, start, p_start + len(paragraph))  # an unclosed quotation ends with its paragraph
                break
            pieces.append(paragraph[position:closing.start()])
            _add(quotes, pieces, start, p_start + closing.end())
            start, pieces, position = None, [], closing.end()
    return quotes


# Two closing single marks for one double ('’’'), as some sites' typesetting writes it, before a space or punctuation
# (and the typewriter's '``', which some wire archives close with too).
_TWO_SINGLE_CLOSERS = re.compile(r"(?:[’']{2}|``)(?=$|[\s,.;:!?)\]—–-])")
# ... and two opening ones ('‘‘', the typewriter's '``', or two apostrophes), at a word's start, before a word.
_MARK = re.compile("[%s‘’'`]" % re.escape(OPENERS + CLOSERS))
_TWO_SINGLE_OPENERS = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–:]))(?:‘‘|``|'')(?=\w)")


# A single closing mark after a clause's last word and before a reporting clause ('...,’ he added', '...,’ Doe said'),
# in a quotation a double mark opened and none closed
_SINGLE_MARK_THEN_ATTRIBUTION = re.compile(
    rf"(?<=[.,!?])['’](?=\s+(?:he|she|they|it|we|{_SAID}|[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?\s(?:{_SAID}))\b)")


# A closing mark after a clause's last word, then a reporting clause ('...,” he said', '...,” Doe added')
_A_DROPPED_OPENING_MARK = re.compile(
    rf"(?<=[.,!?])”(?=\s+(?:he|she|they|it|we|{_SAID}|[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?\s(?:{_SAID}))\b)")


def _double_quotes(text: str) -> list[QuoteSpan]:
    quotes: list[QuoteSpan] = []
    paragraphs = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text)]
    open_at: int | None = None
    pieces: list[str] = []
    inner_at: int | None = None  # a double mark opened inside a quotation « opened
    for p_index, (p_start, paragraph) in enumerate(paragraphs):
        tweet = _TWEET.match(paragraph)
        if tweet and open_at is None:
            body = re.sub(r"\s*pic\.twitter\.com/\S+", "", tweet.group("body")).strip(" “”\"")
            quotes.append(QuoteSpan(body, p_start, p_start + len(paragraph), tweet.group("name").strip()))
            continue
        skip_to = 0
        for mark in _MARK.finditer(paragraph):  # (only the marks matter: no loop over every character)
            i = mark.start()
            if i < skip_to:
                continue
            ch = paragraph[i]
            if open_at is not None and text[open_at] == "«" and ch != "»":
                # (« ... "Are you one of them?" ... »: only » closes what « opened; double marks inside quote someone)
                if ch == '"' and inner_at is None and _is_opening(paragraph, i):
                    inner_at = p_start + i
                elif ch == '"' and inner_at is not None and _is_closing(paragraph, i):
                    _add(quotes, [text[inner_at + 1:p_start + i]], inner_at, p_start + i + 1)
                    inner_at = None
                continue
            if open_at is None and ch in OPENERS and _is_opening(paragraph, i):
                open_at, pieces, piece_start = p_start + i, [], i + 1
            elif open_at is None and _TWO_SINGLE_OPENERS.match(paragraph, i):
                open_at, pieces, piece_start = p_start + i, [], i + 2  # '‘‘The water came in fast,’’ the council said'
                skip_to = i + 2
            elif open_at is None and ch == "”" and _A_DROPPED_OPENING_MARK.match(paragraph, i) \
                    and not _MARK.search(paragraph, 0, i):
                # 'The target was our staff,” he said.': a paragraph whose opening mark the page dropped, closed before
                # its attribution, is quoted from its start
                _add(quotes, [paragraph[:i]], p_start, p_start + i + 1)
            elif open_at is not None and ch in CLOSERS and _is_closing(paragraph, i) and i >= piece_start:
                pieces.append(paragraph[piece_start:i])
                _add(quotes, pieces, open_at, p_start + i + 1)
                open_at = None
            elif open_at is not None and _TWO_SINGLE_CLOSERS.match(paragraph, i) and i >= piece_start:
                pieces.append(paragraph[piece_start:i])  # '“... the CBD,’’ the council posted': two single marks close it
                _add(quotes, pieces, open_at, p_start + i + 2)
                open_at, skip_to = None, i + 2
        closed_by_a_single_mark = _SINGLE_MARK_THEN_ATTRIBUTION.search(paragraph, piece_start) if open_at is not None else None
        if closed_by_a_single_mark is not None:
            # '”Even so, the state must act,’ he added.': a double mark that a single one closes, before its attribution
            pieces.append(paragraph[piece_start:closed_by_a_single_mark.start()])
            _add(quotes, pieces, open_at, p_start + closed_by_a_single_mark.end())
            open_at = None
        if open_at is not None:
            pieces.append(paragraph[piece_start:])
            next_paragraph = paragraphs[p_index + 1][1] if p_index + 1 < len(paragraphs) else ""
            if next_paragraph[:1] and next_paragraph[:1] in OPENERS:
                piece_start = 1  # the quotation goes on in the next paragraph
                continue
            if next_paragraph[:1].islower() and paragraphs[p_index + 1][0] == p_start + len(paragraph) + 1:
                piece_start = 0  # a line the text wrapped mid-sentence ('at least 30 injured people\nin the city'): it goes on
                continue
            # An unclosed quotation ends with its paragraph.
            _add(quotes, pieces, open_at, p_start + len(paragraph))
            open_at = None
        piece_start = 0
        inner_at = None
    return quotes


def _add(quotes: list[QuoteSpan], pieces: list[str], start: int, end: int) -> None:
    words = " ".join(" ".join(p.split()) for p in pieces if p.strip()).strip()
    if len(words.split()) >= MIN_QUOTE_WORDS:
        quotes.append(QuoteSpan(words, start, end))
