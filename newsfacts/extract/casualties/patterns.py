"""The word patterns for casualty figures and the finder that reads a sentence with them.

Three sentence shapes cover most news writing, each a pattern built from the lexicons in
rules/casualties.toml:
  number first   '14 people were killed', 'at least 30 were injured', 'a 15-year-old boy was killed'
  verb first     'killed at least 11', 'injuring 42 others'
  toll noun      'the death toll rose to 20'
and 'including three children' after a figure is a subset of it (part_of). A match is only a candidate: the
readers below turn away what the words around it show is no toll (an age, money, a year, a capacity, a condition).
"""

from __future__ import annotations

import re
from functools import cache
from itertools import chain

from newsfacts.extract.casualties.lexicon import CasualtyFigure, _lexicon, _victims_in
from newsfacts.extract.casualties.parts import _link_subsets
from newsfacts.extract.phrase_gate import PhraseGate
from newsfacts.extract.numbers import NUMBER_PATTERN, ORDINAL_WORDS, QUALIFIER_PATTERN, VAGUE_PATTERN, Count, in_a_numeric_date, parse_count
from newsfacts.rules import load_rules


_AUX = r"(?:were|was|have\s+been|has\s+been|had\s+been|are|is|being|been|got|have|has|had|reportedly|also|all|now|later|since|confirmed|believed\s+to\s+have\s+been|feared|reported|left|critically|seriously|badly|slightly|lightly)"
_NEGATORS = {"no", "not", "none", "nobody", "without", "zero"}
_MODALS = {"could", "would", "may", "might", "will", "can", "to", "should", "must", "shall"}

# 'the graves could hold 9,000 bodies': a modal before a number makes it a capacity, not a toll
_MODALS_BEFORE_A_COUNT = frozenset(_MODALS - {"to"})

# 'If you kill 20 people': a condition opening its clause ('checking if the gunmen killed 20' asks, and stays)
_CONDITION_BEFORE = re.compile(r"(?:^|[.,;:!?\n\"“]\s*)(?:[Ii]f|[Uu]nless)\s+(?:[\w'’]+\s+){0,2}$")
_WORD = re.compile(r"[\w']+")
_NOT_DONE_WORDS = frozenset(load_rules("casualties")["grammar"]["not_done_words"])
_FOLLOWERS = {
    "and", "in", "on", "at", "after", "before", "as", "when", "while", "during", "including", "across", "near",
    "inside", "outside", "with", "by", "since", "from", "over", "this", "last", "earlier", "yesterday", "today",
    "overnight", "among", "amongst", "of", "but", "so", "amid", "following", "within", "—", "-",
    # ('wounded eight late Friday night', 'killed 12 Monday')
    "late", "early", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}

# Words that end a noun phrase: a number before them does not belong to a kind word after them.
_NOT_IN_FILLER = {"said", "says", "that", "who", "which", "when", "after", "before", "and", "or", "but", "while", "than", "as"}


# Kin of the victims the kind word names, right before it ('two women relatives of those killed', 'the families of the
# dead': rules/casualties.toml kin_of_victims; not 'three sons of the village chief were killed')
_KIN_OF_THE_VICTIMS = re.compile(r"\b(?:%s)\s+of\s+(?:the|those|all\s+those)\s*$" % "|".join(
    re.escape(w) for w in load_rules("casualties")["not_people"]["kin_of_victims"]), re.IGNORECASE)

# A count right after a figure's verb: the verb has its own object ('Two bombers killed at least 22 people').
_COUNT_AFTER = re.compile(rf"\s+(?:(?:{QUALIFIER_PATTERN})\s+)?(?:{NUMBER_PATTERN})(?![\w%-]|[.,]\d)\s+(?!of\b)(?P<next>[a-z][\w-]*)", re.IGNORECASE)


def _written_as_a_tally(match) -> bool:
    """'8-7', '3-1': a pair written from the larger number down is a vote or a score, never a range."""
    first, second = match.group("num") or "", match.group("num2") or ""
    return first.isdigit() and second.isdigit() and int(second) < int(first)


_SINGULAR_DETERMINERS = r"(?:a|an|one|another)"
# (plurals without an 's', which a single victim's determiner never counts: rules/casualties.toml)
_PLURALS_WITHOUT_S = frozenset(load_rules("casualties")["grammar_words"]["plurals_without_s"])

# verbs by which a toll goes past a number, to at least that number ('the toll tops 40', 'crossed 160')
_PAST_A_MARK = "tops|topped|crosses|crossed|passes|passed|exceeds|exceeded"
_AGE_UNIT = r"(?:year|month|week|day)s?[-\s]old"  # (of '52-year-old', '27 year-old', 'five-month-old')
_AGE = rf"(?:\d+|[a-z]+)[-\s]{_AGE_UNIT}"


_PASSED_A_MARK = re.compile(rf"\b(?:{_PAST_A_MARK})\b", re.IGNORECASE)
# verbs by which a toll comes close to a number, about that number ('the toll nears 40', 'heads towards 3,500')
_NEAR_A_MARK = r"nears|neared|nearing|approaches|approached|approaching|(?:heads|headed|heading|edges|edged|edging)\s+towards?"
_NEARED_A_MARK = re.compile(rf"\b(?:{_NEAR_A_MARK})\b", re.IGNORECASE)


def _alternation(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@cache
def _patterns():
    kind_of, active_of, toll_of, victims, _ = _lexicon()
    kinds = _alternation(kind_of)
    # (not the plurals without an 's': 'Another nine people' counts nine)
    singular_nouns = _alternation([v for v in victims if (not v.endswith("s") or v in ("boss",)) and v not in _PLURALS_WITHOUT_S])
    number = (
        rf"(?P<qual>(?:{QUALIFIER_PATTERN})\s+)?"
        rf"(?:between\s+(?P<lo>{NUMBER_PATTERN})\s+and\s+(?P<hi>{NUMBER_PATTERN})"
        rf"|(?P<num>{VAGUE_PATTERN}|{NUMBER_PATTERN})(?:\s*(?:-|–|to|or)\s*(?P<num2>{NUMBER_PATTERN}))?)"
    )
    # (not a word of sharing out: 'fourteen pins, one for each of the dead' counts pins)
    filler = r"(?P<filler>(?:\s+(?:of\s+)?(?!(?:each|every|per)\b)[A-Za-z][\w'’.-]*){0,4}?)(?P<aside>\s*[,–—-]\s*(?:including|among\s+them)\s[^,;.–—]{1,80}?\s*[,–—-])?"
    # (nor the number of an age written with a space: '27 year-old' counts no one)
    number_first = re.compile(
        rf"(?<![\w$£€.,-]){number}(?![\w%-]|[.,]\d|\s{_AGE_UNIT}){filler}\s+(?:{_AUX}\s+){{0,3}}(?P<kind>{kinds})\b", re.IGNORECASE
    )
    singular_first = re.compile(
        rf"\b(?P<det>{_SINGULAR_DETERMINERS})\s+(?P<adj>(?:{_AGE}\s+|(?!(?:{NUMBER_PATTERN})\s)[a-z][\w'-]*\s+){{0,2}}?)(?P<noun>{singular_nouns})"
        rf"(?P<filler>)\s+(?:{_AUX}\s+){{0,3}}(?P<kind>{kinds})\b",
        re.IGNORECASE,
    )
    verb_first = re.compile(
        rf"\b(?P<verb>{_alternation(active_of)})\s+{number}(?![\w%-])(?=(?P<after>(?:\s*[,.;:]|\s+[\w'’-]+){{0,3}}))",
        re.IGNORECASE,
    )
    toll = re.compile(
        # ('pushing the overall toll over 2,000', 'bringing the toll to nearly 400': a qualifier after the noun says it all)
        rf"\b(?P<toll>{_alternation(toll_of)})\s+(?:[\w'’-]+\s+){{0,3}}?(?:(?:rose|rises|risen|climbed|climbs|reached|reaches|stands|stood|is|was|of|at|to|hit|hits|{_PAST_A_MARK}|{_NEAR_A_MARK}|now)\s+(?:to\s+|at\s+)?"
        rf"|(?=(?:over|above|nearly|almost|more\s+than|close\s+to|upwards\s+of|in\s+excess\s+of)\s+\d)){number}(?![\w%-])"
        # (not a number that ranks: 'the toll is one of the bloodiest in the conflict')
        rf"(?!\s+of\s+the\s+(?:most\b|worst\b|[\w-]+est\b))",
        re.IGNORECASE,
    )
    subset = re.compile(
        rf"\b(?:including|among\s+them|among\s+whom|of\s+whom)\s+(?:(?P<det>{_SINGULAR_DETERMINERS})\s+(?:{_AGE}\s+)?(?P<snoun>{singular_nouns})\b|{number}(?![\w%-])\s+(?:[\w'-]+\s+){{0,2}}?(?P<pnoun>{_alternation(victims)})\b)",
        re.IGNORECASE,
    )
    # Every figure needs one of the lexicon's kind words, active verbs or toll nouns: a sentence without
    # any cannot hold one, and most sentences have none, so one quick test spares the five patterns.
    return number_first, singular_first, verb_first, toll, subset, PhraseGate([*kind_of, *active_of, *toll_of])


# an ordinal from the third on: a running total ('a third person died'), which the parse reads
_RUNNING_ORDINAL = re.compile(r"\b(?:%s|\d+(?:rd|th))\b" % "|".join(w for w, n in ORDINAL_WORDS.items() if n >= 3), re.IGNORECASE)


def _count(match) -> Count | None:
    if match.group("lo"):
        return parse_count(match.group("lo"), None, match.group("hi"))
    return parse_count(match.group("num"), match.group("qual"), match.group("num2"))


# A currency's symbol or abbreviation just before a number (rules/casualties.toml [not_people])
_CURRENCY_BEFORE = re.compile(r"(?:[%s]|\b(?:%s)\.?)\s?$" % ("".join(load_rules("casualties")["not_people"]["currency_signs"]),
                                                            "|".join(load_rules("casualties")["not_people"]["currency_abbreviations"])))


# Words that put a year, not a count, after them ('the 1987 earthquake', 'since 2014').
_BEFORE_A_YEAR = frozenset({"the", "in", "since", "of", "by", "until", "till", "from", "during", "before", "after"})


def _preceding_word(text: str, position: int) -> str:
    before = re.findall(r"[\w']+", text[max(0, position - 30) : position])
    return before[-1].lower() if before else ""


# The ages of the people a figure counts, written before the last of them: 'aged 12 and ', 'aged between nine and '
_AGES_BEFORE = re.compile(r"\baged\s+(?:(?:between\s+)?(?:\d{1,3}|[a-z]+)(?:\s*(?:,|and|to|or)\s*(?:\d{1,3}|[a-z]+))*"
                          r"\s*(?:,|and|to|or)\s*)?$")


# The words before the whole a part is taken from: '40 of the hamlet's ' (900 people)
_WHOLE_OF_A_PART_BEFORE = re.compile(r"\b\w+\s+of\s+(?:the\s+)?\w+['’]s\s+$", re.IGNORECASE)


def find_casualty_figures(text: str, unlinked: list[CasualtyFigure] | None = None) -> list[CasualtyFigure]:
    """Every casualty figure in `text` (a sentence or passage), offsets relative to `text`. An 'including
    three children' that follows none of these figures goes into `unlinked` (kind ''), when given, for the
    caller to join to a figure found otherwise."""
    number_first, singular_first, verb_first, toll, subset, kind_words = _patterns()
    if not kind_words.may_contain(text):
        return []
    figures: list[CasualtyFigure] = []
    taken: list[tuple[int, int]] = []
    # The patterns run from subsets to tolls, and a number one of them read is not read again by a later one.
    candidates = chain(_subset_figures(text, subset), _vague_groups(text), _number_first_figures(text, number_first), _singular_first_figures(text, singular_first),
                       _verb_first_figures(text, verb_first), _toll_figures(text, toll))
    for figure in candidates:
        if any(s <= figure.number_start < e for s, e in taken):
            continue
        taken.append((figure.number_start, figure.end_char))
        figures.append(figure)
    return _link_subsets(sorted(figures, key=lambda f: f.number_start), unlinked)


def _subset_figures(text: str, subset: re.Pattern):
    """'including three children', 'among them a woman': a part of the figure before it, linked to it later."""
    _, _, _, victims, _ = _lexicon()
    for match in subset.finditer(text):
        if match.group("det"):
            count, noun, number_start = Count(1, 1, "exact"), match.group("snoun"), match.start("det")
        else:
            count, noun, number_start = _count(match), match.group("pnoun"), match.start("num") if match.group("num") else match.start("lo")
        if count is None:
            continue
        yield CasualtyFigure("", count, victims.get(noun.lower(), "people"), match.start(), match.end(), number_start, is_subset=True)


@cache
def _vague_group_pattern() -> tuple[re.Pattern, dict[str, str]]:
    """'dozens of wounded', 'hundreds of dead' (rules/casualties.toml [vague_groups]), with each noun's kind."""
    kind_of = {noun: kind for kind, nouns in load_rules("casualties")["vague_groups"].items() for noun in nouns}
    nouns = "|".join(re.escape(n) for n in sorted(kind_of, key=len, reverse=True))
    return re.compile(rf"\b(?P<num>{VAGUE_PATTERN})\s+of\s+(?P<noun>{nouns})\b", re.IGNORECASE), kind_of


def _vague_groups(text: str):
    """'Dozens of wounded were evacuated', 'hundreds of dead': a vague number of a group of victims."""
    pattern, kind_of = _vague_group_pattern()
    _, _, _, _, not_people = _lexicon()
    for match in pattern.finditer(text):
        count = parse_count(match.group("num"))
        after = _WORD.findall(text, match.end(), match.end() + 20)[:1]
        # (not 'we could see thousands of deaths', 'we would be counting hundreds of dead'; nor 'hundreds of dead fish')
        if count is not None and _preceding_word(text, match.start()) not in _NEGATORS and not _a_modal_before(text, match.start()) \
                and not (after and after[0].lower() in not_people and text[match.end():match.end() + 1] == " "):
            yield CasualtyFigure(kind_of[match.group("noun").lower()], count, None, match.start(), match.end(), match.start())


def _number_first_figures(text: str, number_first: re.Pattern):
    """'14 people were killed', 'at least 30 were injured', less what the words around the number show counts
    no victims."""
    kind_of, _, _, _, _ = _lexicon()
    for match in number_first.finditer(text):
        filler = match.group("filler") or ""
        words = [w.strip(".,'’").lower() for w in filler.split()]
        if _filler_counts_no_victims(filler, words) or _number_is_no_count(text, match, filler, words):
            continue
        count = _count(match)
        if count is None or count.count_min == 0:
            continue
        start = match.start()
        yield CasualtyFigure(kind_of[" ".join(match.group("kind").lower().split())], count, _victims_in(filler), start, match.end(), start)


def _filler_counts_no_victims(filler: str, words: list[str]) -> bool:
    """Whether the words between a number and its kind word say the number counts something else, or is
    no figure of its own."""
    _, _, _, _, not_people = _lexicon()
    if any(w in not_people or w.isdigit() for w in words) or (words and words[0] == "of" and len(words) == 1):
        return True
    if words and words[-1] in _NOT_DONE_WORDS:
        return True  # '1,800 attempted murders' killed no one
    if any(w in _NOT_IN_FILLER for w in words[:-1]) or (words and words[-1] in _NOT_IN_FILLER - {"who"}):
        return True
    if re.match(r"\s*of\s+(?:the|those|them|these|whom|us)\b", filler, re.IGNORECASE):
        return True  # 'one of the wounded' refers back to a figure, it is not one
    if re.match(r"\s*(?:out\s+of|in)\s", filler, re.IGNORECASE):
        return True  # 'nine out of ten homicides', 'one in five': a proportion, not a count
    if _KIN_OF_THE_VICTIMS.search(filler):
        return True  # 'two women relatives of those killed': kin of the victims, not victims
    return False


def _number_is_no_count(text: str, match: re.Match, filler: str, words: list[str]) -> bool:
    """Whether the text around a number-first match shows its number is no count of victims."""
    if _COUNT_AFTER.match(text, match.end()):
        return True  # 'Two suicide bombers killed at least 22 people': the killers, not the killed
    if _a_modal_before(text, match.start()):
        return True  # 'the graves could hold 9,000 bodies' is a capacity, not a toll
    start = match.start()
    if _CURRENCY_BEFORE.search(text, max(0, start - 5), start):
        return True  # '₹50,000 to the injured', 'Rs 5,000 each to the wounded': money, not people
    if _AGES_BEFORE.search(text, max(0, start - 40), start):
        return True  # 'Two boys aged 12 and 14 were killed': an age, not a count
    if _WHOLE_OF_A_PART_BEFORE.search(text, max(0, start - 40), start):
        return True  # '40 of the hamlet's 900 people were killed': the whole the part came from
    if _preceding_word(text, start) in _NEGATORS or (match.group("num") or "").lower() in ("no", "zero"):
        return True
    if match.group("num") and in_a_numeric_date(text, match.start("num"), match.end("num")):
        return True  # the last part of a date written in numbers ('14/10/2020 three people'), not a count
    if re.match(r"\d{4}$", match.group("num") or "") and 1900 <= int(match.group("num")) <= 2100 and (
            not words or _victims_in(filler) is None or _preceding_word(text, start) in _BEFORE_A_YEAR):
        return True  # a year, not a count ('in 2004', 'the 1987 earthquake killed')
    return False


def _a_modal_before(text: str, start: int) -> bool:
    """Whether one of the three words before `start` is a modal ('could hold 9,000 bodies', 'we could see thousands')."""
    return any(w.lower() in _MODALS_BEFORE_A_COUNT for w in _WORD.findall(text, max(0, start - 25), start)[-3:])


def _singular_first_figures(text: str, singular_first: re.Pattern):
    """'a 15-year-old boy was killed', 'a guard was shot dead': a figure of one."""
    kind_of, _, _, victims, not_people = _lexicon()
    for match in singular_first.finditer(text):
        if _preceding_word(text, match.start()) in _NEGATORS:
            continue
        if _RUNNING_ORDINAL.search(match.group("adj") or ""):
            continue  # 'a third person died' is a running total, which the parse reads
        count_after = _COUNT_AFTER.match(text, match.end())
        if count_after and count_after.group("next").lower() not in not_people:
            continue  # 'A gunman killed at least 8 people': the killer, not one killed (but 'shot three blocks away')
        noun = match.group("noun").lower()
        yield CasualtyFigure(kind_of[" ".join(match.group("kind").lower().split())], Count(1, 1, "exact"), victims.get(noun, "people"),
                             match.start(), match.end(), match.start())


def _verb_first_figures(text: str, verb_first: re.Pattern):
    """'killed at least 11', 'injuring 42 others': a count after an active verb, when what follows it makes it
    the verb's victims (a noun for victims, or the end of the phrase)."""
    _, active_of, _, _, not_people = _lexicon()
    for match in verb_first.finditer(text):
        verb = " ".join(match.group("verb").lower().split())
        if _preceding_word(text, match.start()) in _MODALS:
            continue
        if _CONDITION_BEFORE.search(text, max(0, match.start() - 40), match.start()):
            continue  # 'If they kill 20 people and nobody is punished': a condition, not a deed
        after = re.split(r"\b(?:including|among)\b", match.group("after") or "")[0]
        first_after = re.match(r"\s*([,.;:]|[\w'’-]+)", after)
        follower = first_after.group(1).lower() if first_after else ""
        victim = _victims_in(after)
        if victim is None and follower not in _FOLLOWERS and follower not in (",", ".", ";", ":", ""):
            continue
        things = re.match(r"\s*of\s+(?:the\s+|their\s+)?([\w'’-]+)", after)
        if follower in not_people or (things and things.group(1).lower() in not_people):
            continue  # ('killed 40 goats', 'killed thousands of cattle')
        count = _count(match)
        if count is None or count.count_min == 0 or _written_as_a_tally(match):
            continue  # ('killed, 8-7, an amendment': a vote, not a range)
        start = match.start("qual") if match.group("qual") else (match.start("lo") if match.group("lo") else match.start("num"))
        yield CasualtyFigure(active_of[verb], count, victim, match.start(), _end_of_verb_first(match, after, victim), start)


def _end_of_verb_first(match: re.Match, after: str, victim: str | None) -> int:
    """Where a verb-first figure ends: after its number, or after the noun for its victims when one follows."""
    end = match.end("num") if match.group("num") else match.end("hi")
    if victim is not None:
        for word in after.split():
            if _victims_in(word) is not None:
                end = match.start("after") + after.find(word) + len(word.rstrip(",.;:"))
                break
    return end


def _toll_figures(text: str, toll: re.Pattern):
    """'the death toll rose to 20', 'the toll tops 40' (at least that many), but not 'the toll could rise to 100'."""
    _, _, toll_of, _, _ = _lexicon()
    for match in toll.finditer(text):
        count = _count(match)
        if count is None or count.count_min == 0:
            continue
        if any(w.lower() in _MODALS_BEFORE_A_COUNT for w in _WORD.findall(match.group())):
            continue  # 'the toll could rise to 100': a fear, not a count
        if count.precision == "exact" and _PASSED_A_MARK.search(match.group()):
            count = Count(count.count_min, None, "at_least")  # 'the toll tops 40': more than that
        elif count.precision == "exact" and _NEARED_A_MARK.search(match.group()):
            count = Count(count.count_min, None, "approximately")  # 'the toll nears 40': about that
        start = match.start("qual") if match.group("qual") else (match.start("lo") if match.group("lo") else match.start("num"))
        yield CasualtyFigure(toll_of[" ".join(match.group("toll").lower().split())], count, "people", match.start(), match.end(), start)
