"""The dateline: the place an article was filed from ('KHARKIV, Ukraine —', 'PESHAWAR:', 'Juba — ',
under a headline or a standfirst), which is a place whatever NER made of it, and the patterns of the
agencies' abbreviations of states and provinces that datelines write.
"""

from __future__ import annotations

import re

from newsfacts.extract.entities.given_names import is_given_name
from newsfacts.extract.entities.model import Mention, _title_case
from newsfacts.extract.gazetteer import geocode, subdivision_name
from newsfacts.extract.nlp import text_of
from newsfacts.extract.translit import name_key
from newsfacts.extract.truecasing import is_english_word
from newsfacts.rules import load_rules


# A month as a dateline abbreviates it, or longer ('Nov 3', 'June 21', 'Sept. 9'; rules/entities.toml)
_MONTH = r"(?:%s)[a-z]*\.?" % "|".join(load_rules("entities")["dateline_month_abbreviations"])
# The dashes that close a dateline: em, en, a horizontal bar ('IPOH, Malaysia, Nov 3 ―') and a hyphen
_LONG_DASHES = "—–―"
_DASH = f"[{_LONG_DASHES}-]"
# 'KHARKIV, Ukraine —' or 'MADRID —' or 'HAYWARD, Calif. (AP) —' opening the article names where it was filed.
# ('BAGHDAD/KURMIN, Iraq (Reuters) -': filed from two places)
_DATELINE = re.compile(r"([A-ZÀ-ÞĀ-Ž][A-ZÀ-ÞĀ-Ž .'-]{2,40}?(?:/[A-ZÀ-ÞĀ-Ž][A-ZÀ-ÞĀ-Ž .'-]{2,40}?)*)(?:,\s*([A-ZÀ-ÞĀ-Ž][A-Za-zÀ-ÿ.'’ -]{1,30}?))?"
                       r"(?:,\s*" + _MONTH + r" \d{1,2}(?:,\s*\d{4})?)?"
                       r"\s*(?:\([A-Za-z0-9 .&/-]+\))?\s*" + _DASH + r"{1,2}\s")
# A dateline in title case closed by a dash ('Idlib, Syria — ', 'Juba — ', 'Juba- '): a place the gazetteer knows
# ('Adré, Chad — ', 'Kurmore, NSW — ': the country or state after the comma, group 2)
_TITLE_DATELINE = re.compile(r"([A-Z][a-zà-ÿ'’]+(?:[ -][A-Z][a-zà-ÿ'’]+){0,2})(?:,\s*([A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?))?(?:\s+[" + _LONG_DASHES + r"]|-)\s")


# Datelines that lost their dash in a repost ('TBILISI Protesters gathered', 'TBILISI/ANKARA Talks opened'), or
# never had one ('TBILISI (Kurmin News / Agency - 3rd May, 2021) Protesters'), and agency datelines in title
# case ('Hamburg (dpa) - Dock workers').
_BARE_DATELINE = re.compile(r"([A-Z]{3,}(?:[ -][A-Z]{3,})*(?:/[A-Z]{3,}(?:[ -][A-Z]{3,})*)*)\s+(\([^()\n]{2,80}\)\s+)?(?=[A-Z][a-z]|[A-Z]\s)")
_AGENCY_DATELINE = re.compile(r"([A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})\s*\([A-Za-z0-9 .&/]{2,25}\)\s*" + _DASH + r"{1,2}\s")
# ... and in title case with its date and agency, dash or none ('Kurmin City, June 21 (Agency) At least ...')
_DATED_AGENCY_DATELINE = re.compile(r"([A-Z][a-z]+(?: [A-Z][a-z]+){0,2}),\s*" + _MONTH
                                    + r" \d{1,2}(?:,\s*\d{4})?\s*\([A-Za-z0-9 .&/]{2,25}\)\s*(?:" + _DASH + r"{1,2}\s)?(?=[A-Z])")


# A headline is one short paragraph: the dateline opens the paragraph after it.
HEADLINE_CHARS = 300
# A dateline in capitals closed by a colon, as South Asian papers write it ('PESHAWAR: ...'); 'UPDATE:' is no place.
# ('KURMIN/DALEN: ...', 'KURMIN / DALEN: ...': a story filed from two towns; 'KURMINTON, Ark.: ...', with the
# state abbreviated)
_COLON_DATELINE = re.compile(r"([A-Z][A-Z'-]{2,20}(?: [A-Z][A-Z'-]{2,20})?(?: ?/ ?[A-Z][A-Z'-]{2,20}(?: [A-Z][A-Z'-]{2,20})?)*)"
                             r"(?:,\s*[A-Z][A-Za-z]+\.?(?: [A-Z][a-z]+\.?)?)?:\s")


# ... and in title case, right under the headline ('Kurmipur: Floods swept ...', or 'Kurmipur:Floods', a page that
# lost the space), when it names a town (not 'Update:', nor a transcript's 'Doe:')
_TITLE_COLON_DATELINE = re.compile(r"([A-Z][a-z'’-]{2,20}(?: [A-Z][a-z'’-]{2,20})?):\s?(?=[A-Z])")


def _a_town_by_its_name(name: str) -> bool:
    place = geocode(name)
    # (a word of English is no dateline, but a great city's name that English writes often is: 'Kabul')
    return place is not None and place.kind == "city" and not place.small and not is_given_name(name.split()[0]) \
        and (not is_english_word(name.split()[0].lower()) or place.population >= 1_000_000)


# A headline opened by the town its story is set in and a colon ('Kurmipur: two held over ...')
_HEADLINE_KICKER = re.compile(r"([A-Z][a-z'’-]{2,20}(?: [A-Z][a-z'’-]{2,20})?): (?=[\w])")


def _town_opening_the_headline(text: str, sentence_index_of, mentions: list[Mention]) -> list[Mention]:
    """'Kurmipur: two held over ...': a headline that opens with a town's name and a colon names where its story
    is set, whatever NER made of the name (not a person the text names: 'Kurmova: we will stay')."""
    kicker = _HEADLINE_KICKER.match(text)
    if kicker is None or not 0 < text.find("\n") <= HEADLINE_CHARS or not _a_town_by_its_name(kicker.group(1)):
        return mentions
    name = kicker.group(1)
    if any(m.entity_type == "person" and name in m.surface.split() for m in mentions):
        return mentions
    if any(m.start_char < kicker.end(1) and m.end_char > 0 and m.entity_type == "location" for m in mentions):
        return mentions
    kept = [m for m in mentions if m.start_char >= kicker.end(1) or m.end_char <= 0]
    return [Mention(name, 0, kicker.end(1), sentence_index_of(0), "location"), *kept]


def _with_the_datelines(doc, sentence_index_of, mentions: list[Mention]) -> list[Mention]:
    """The dateline is a place whatever NER made of it (the headline above it keeps its names), and so is a body
    NER saw elsewhere by the dateline's name; so is a town that opens the headline with a colon."""
    mentions = _town_opening_the_headline(text_of(doc), sentence_index_of, mentions)
    datelines = _dateline_mentions(doc, sentence_index_of)
    if not datelines:
        return mentions
    mentions = [m for m in mentions if m.start_char >= datelines[-1].end_char or m.end_char <= datelines[0].start_char] + datelines
    dateline_keys = {name_key(_title_case(m.surface)) for m in datelines}
    for mention in mentions:
        if not mention.dateline and mention.entity_type == "organization" and name_key(mention.surface) in dateline_keys:
            mention.entity_type = "location"  # 'Derna floods' over 'DERNA, Libya —': the town the dateline names
    return mentions


def _dateline_mentions(doc, sentence_index_of) -> list[Mention]:
    text = text_of(doc)
    found = _dateline_at(text, 0, sentence_index_of)
    headline_end = text.find("\n")
    if found or not 0 < headline_end <= HEADLINE_CHARS:
        return found
    below = headline_end + 2 if text[headline_end + 1:headline_end + 2] == "\n" else headline_end + 1
    titled = _TITLE_COLON_DATELINE.match(text, below)
    if titled and not text[:headline_end].rstrip().endswith((".", ":")) and _a_town_by_its_name(titled.group(1)):
        # 'Kurmipur: Floods swept through ...' under the headline: a town's name in title case, closed by a colon
        name = titled.group(1)
        return [Mention(name, below, below + len(name), sentence_index_of(below), "location", dateline=True)]
    if text[headline_end + 1:headline_end + 2] == "\n":  # a headline, a blank line, then the dateline
        return _dateline_at(text, headline_end + 2, sentence_index_of) or _dateline_under_a_standfirst(text, sentence_index_of)
    # a headline's line with the dateline on the next: a dash dateline the gazetteer knows, under a line that
    # is no sentence ('MARTIN: Good morning' in a transcript, 'UPDATE — Police ...' are no datelines)
    match = _DATELINE.match(text, headline_end + 1)
    if match and not text[:headline_end].rstrip().endswith((".", ":")) and geocode(_first_name_of(match)) is not None:
        return _dateline_at(text, headline_end + 1, sentence_index_of)
    return _dateline_under_a_standfirst(text, sentence_index_of)


# Where a page puts a standfirst, a byline or a date between the headline and the story, the dateline opens
# one of the next few paragraphs.
_DATELINE_PARAGRAPHS = 6
_DATELINE_WITHIN = 800


def _dateline_under_a_standfirst(text: str, sentence_index_of) -> list[Mention]:
    """'SFAX, Tunisia — Dock workers ...' under a headline and a standfirst: a dateline in capitals, closed by a
    dash, with its country or state or naming a place the gazetteer knows, opening one of the first paragraphs."""
    starts = [m.start() for m in re.finditer(r"(?:^|\n)\s*(?=\S)", text[:_DATELINE_WITHIN])][1:_DATELINE_PARAGRAPHS + 1]
    for start in starts:
        start += len(text[start:]) - len(text[start:].lstrip())
        match = _DATELINE.match(text, start)
        # ('KURMINVILLE, Mo. –': a town too small for the gazetteer without its state, which the dateline writes)
        if match and match.group(1).strip().isupper() and (match.group(2) or geocode(_first_name_of(match)) is not None):
            return _names_filed_from(match, sentence_index_of)
        colon = _COLON_DATELINE.match(text, start)  # 'KURMIN: Police said ...' under a standfirst
        filed_from = _colon_dateline_places(colon, sentence_index_of) if colon else []
        if filed_from:
            return filed_from
        alone = _DATELINE_ON_ITS_OWN_LINE.match(text, start)  # 'KURMIN, Kurmistan' on a line of its own, the story under it
        if alone and _filed_from_a_known_place(_title_case(alone.group(1)), alone.group(2)):
            return [Mention(alone.group(1), start, start + len(alone.group(1)), sentence_index_of(start), "location", dateline=True)]
        bare = _BARE_DATELINE.match(text, start)  # 'KURMIN (Agency - 3rd May, 2021) Police said ...'
        if bare and bare.group(2) and "/" not in bare.group(1) and geocode(_title_case(bare.group(1))) is not None:
            return [Mention(bare.group(1), start, start + len(bare.group(1)), sentence_index_of(start), "location", dateline=True)]
    return []


# A dateline in capitals on a line of its own, with its country or state perhaps, under a headline: 'KURMIN, Kurmistan'
_DATELINE_ON_ITS_OWN_LINE = re.compile(r"([A-ZÀ-ÞĀ-Ž][A-ZÀ-ÞĀ-Ž'-]{2,25}(?: [A-ZÀ-ÞĀ-Ž'-]{2,25})?)(?:,\s*([A-Z][A-Za-z.'’ -]{1,30}?))?[ \t]*(?=\n)")


def _first_name_of(dateline: re.Match) -> str:
    return _title_case(dateline.group(1).split("/")[0].strip())


def _names_filed_from(dateline: re.Match, sentence_index_of) -> list[Mention]:
    """The places a dash dateline names: one, or several joined by slashes."""
    found, position = [], dateline.start(1)
    for name in dateline.group(1).split("/"):
        surface = name.strip()
        start = position + len(name) - len(name.lstrip())
        found.append(Mention(surface, start, start + len(surface), sentence_index_of(start), "location", dateline=True))
        position += len(name) + 1
    return found


def _colon_dateline_places(colon: re.Match, sentence_index_of) -> list[Mention]:
    """The towns a colon dateline names ('KURMIN:', 'KURMIN/DALEN:'), when the gazetteer knows the first."""
    named = _names_filed_from(colon, sentence_index_of)
    known = [m for m in named if geocode(_title_case(m.surface)) is not None]
    return known if known and known[0] is named[0] else []


def _dateline_at(text: str, start: int, sentence_index_of) -> list[Mention]:
    colon = _COLON_DATELINE.match(text, start)
    filed_from = _colon_dateline_places(colon, sentence_index_of) if colon else []
    if filed_from:  # 'KURMIN: Militants attacked ...'
        return filed_from
    match = _DATELINE.match(text, start)
    if match:
        return _names_filed_from(match, sentence_index_of)
    titled = _TITLE_DATELINE.match(text, start)
    if titled and _filed_from_a_known_place(titled.group(1), titled.group(2)):
        name = titled.group(1)
        return [Mention(name, start, start + len(name), sentence_index_of(start), "location", dateline=True)]
    match = _BARE_DATELINE.match(text, start) or _AGENCY_DATELINE.match(text, start) or _DATED_AGENCY_DATELINE.match(text, start)
    if not match:
        return []
    found, position = [], start
    for name in match.group(1).split("/"):
        # Only names the gazetteer knows: a capitalised first word is not a place by itself.
        if geocode(_title_case(name)) is not None and (name.isupper() or match.re in (_AGENCY_DATELINE, _DATED_AGENCY_DATELINE)):
            found.append(Mention(name, position, position + len(name), sentence_index_of(position), "location", dateline=True))
        position += len(name) + 1
    return found


def _filed_from_a_known_place(name: str, country_or_state: str | None) -> bool:
    """Whether a title-case dateline names a place the gazetteer knows: anywhere, or in the country or state the
    dateline writes after it ('Kurmore, NSW —', where towns of that name abroad leave the name alone unplaced)."""
    if geocode(name) is not None:
        return True
    if not country_or_state:
        return False
    division = _DATELINE_DIVISIONS.get(country_or_state)
    written = geocode(country_or_state) if division is None else None
    if division is not None:
        codes = frozenset({division.split(".")[0], division})
    elif written is not None and written.kind in ("country", "region", "state") and written.country_code:
        codes = frozenset({written.country_code})
    else:
        return False
    return geocode(name, codes) is not None


# A dateline's country: 'BAMAKO, Mali —', 'MOPTI, Mali (Reuters) -'.
_DATELINE_COUNTRY = re.compile(r"[A-Z][A-Za-z .'-]+, ([A-Z][A-Za-z]+(?: [A-Z][a-z]+){0,2})\s*(?:\([A-Za-z0-9 .-]+\)\s*)?" + _DASH + r"\s")


# A dateline's state or province as news agencies abbreviate it: abbreviation -> 'country.division'
_DATELINE_DIVISIONS: dict[str, str] = {**{abbreviation: f"US.{code}" for abbreviation, code in load_rules("regions")["ap_state_abbreviations"].items()},
                              **load_rules("regions")["dateline_division_abbreviations"]}
_TOWN_AND_ABBREVIATED_DIVISION = re.compile(r"[A-Z][A-Za-z]+, (%s)(?=[\s,):])" % "|".join(
    re.escape(a) for a in sorted(_DATELINE_DIVISIONS, key=len, reverse=True) if a.endswith(".")))
_DATELINE_DIVISION = re.compile((r"^[A-Z][A-Za-zà-ÿ .'-]+, (%s)(?=[\s(]|" + _DASH + ")") % "|".join(re.escape(a) for a in sorted(_DATELINE_DIVISIONS, key=len, reverse=True)))


def us_state_named(abbreviation: str) -> str | None:
    """The US state an agency's abbreviation names ('Ark.' -> 'Arkansas', by ISO 3166-2), or None."""
    code = load_rules("regions")["ap_state_abbreviations"].get(abbreviation)
    return subdivision_name("US", code) if code else None
