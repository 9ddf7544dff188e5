"""Casualty figures: who was killed, injured, missing or displaced, how many, per whom, where, when.

Three sentence shapes cover most news writing, each a pattern built from the lexicons in
rules/casualties.toml:
  number first   '14 people were killed', 'at least 30 were injured', 'a 17-year-old girl was killed'
  verb first     'killed at least 11', 'injuring 42 others'
  toll noun      'the death toll rose to 20'
and 'including three children' after a figure is a subset of it (part_of).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

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
    "overnight", "among", "of", "but", "so", "amid", "following", "within", "—", "-",
    # ('wounded eight late Friday night', 'killed 12 Monday')
    "late", "early", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}
# Words that end a noun phrase: a number before them does not belong to a kind word after them.
_NOT_IN_FILLER = {"said", "says", "that", "who", "which", "when", "after", "before", "and", "or", "but", "while", "than", "as"}

# A count right after a figure's verb: the verb has its own object ('Two bombers killed at least 22 people').
_COUNT_AFTER = re.compile(rf"\s+(?:(?:{QUALIFIER_PATTERN})\s+)?(?:{NUMBER_PATTERN})(?![\w%-]|[.,]\d)\s+(?!of\b)[a-z]", re.IGNORECASE)


def _written_as_a_tally(match) -> bool:
    """'8-7', '3-1': a pair written from the larger number down is a vote or a score, never a range."""
    first, second = match.group("num") or "", match.group("num2") or ""
    return first.isdigit() and second.isdigit() and int(second) < int(first)


_SINGULAR_DETERMINERS = r"(?:a|an|one|another)"
# verbs by which a toll goes past a number, to at least that number ('the toll tops 40', 'crossed 160')
_PAST_A_MARK = "tops|topped|crosses|crossed|passes|passed|exceeds|exceeded"
_AGE_UNIT = r"(?:year|month|week|day)s?[-\s]old"  # (of '52-year-old', '27 year-old', 'five-month-old')
_AGE = rf"(?:\d+|[a-z]+)[-\s]{_AGE_UNIT}"


@dataclass
class CasualtyFigure:
    kind: str
    count: Count
    victims: str | None
    start_char: int
    end_char: int
    number_start: int
    is_subset: bool = False
    part_of_index: int | None = None  # index of the larger figure in the same list


@cache
def _lexicon():
    rules = load_rules("casualties")
    kind_of = {}
    for kind, phrases in rules["kinds"].items():
        for phrase in phrases:
            kind_of[phrase.lower()] = kind
    active_of = {}
    for kind, phrases in rules["active_verbs"].items():
        for phrase in phrases:
            active_of[phrase.lower()] = kind
    toll_of = {}
    for kind, phrases in rules["toll_nouns"].items():
        for phrase in phrases:
            toll_of[phrase.lower()] = kind
    victims = {k.lower(): v for k, v in rules["victims"].items()}
    not_people = {w.lower() for w in rules["not_people"]["units"] + rules["not_people"]["things"]}
    return kind_of, active_of, toll_of, victims, not_people


def _alternation(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@cache
def _patterns():
    kind_of, active_of, toll_of, victims, _ = _lexicon()
    kinds = _alternation(kind_of)
    singular_nouns = _alternation([v for v in victims if not v.endswith("s") or v in ("boss",)])
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
        rf"\b(?P<det>{_SINGULAR_DETERMINERS})\s+(?P<adj>(?:{_AGE}\s+|[a-z][\w'-]*\s+){{0,2}}?)(?P<noun>{singular_nouns})"
        rf"(?P<filler>)\s+(?:{_AUX}\s+){{0,3}}(?P<kind>{kinds})\b",
        re.IGNORECASE,
    )
    verb_first = re.compile(
        rf"\b(?P<verb>{_alternation(active_of)})\s+{number}(?![\w%-])(?=(?P<after>(?:\s*[,.;:]|\s+[\w'’-]+){{0,3}}))",
        re.IGNORECASE,
    )
    toll = re.compile(
        # ('pushing the overall toll over 2,000', 'bringing the toll to nearly 400': a qualifier after the noun says it all)
        rf"\b(?P<toll>{_alternation(toll_of)})\s+(?:[\w'’-]+\s+){{0,3}}?(?:(?:rose|rises|risen|climbed|climbs|reached|reaches|stands|stood|is|was|of|at|to|hit|hits|{_PAST_A_MARK}|now)\s+(?:to\s+|at\s+)?"
        rf"|(?=(?:over|above|nearly|almost|more\s+than|close\s+to|upwards\s+of|in\s+excess\s+of)\s+\d)){number}(?![\w%-])",
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


def _victims_in(words: str) -> str | None:
    _, _, _, victims, _ = _lexicon()
    tokens = [w.strip(".,;:'’").lower() for w in words.split()]
    for i in range(len(tokens)):
        pair = " ".join(tokens[i : i + 2])
        if pair in victims:
            return victims[pair]
        if tokens[i] in victims:
            return victims[tokens[i]]
    return None


def victims_class(word: str) -> str:
    """The victims' class for a head noun ('workers' -> 'civilians'), 'people' when it names none."""
    return _victims_in(word) or "people"


# A currency's symbol or abbreviation just before a number
_CURRENCY_BEFORE = re.compile(r"(?:[$£€¥₹₦₱₩₽₴₺₵₸₪฿]|\b(?:Rs|Sh|KSh|Ksh|Tk|Rp|USD|EUR|GBP|INR|PKR|NGN|KES)\.?)\s?$")

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
    kind_of, active_of, toll_of, victims, not_people = _lexicon()
    number_first, singular_first, verb_first, toll, subset, kind_words = _patterns()
    if not kind_words.may_contain(text):
        return []
    figures: list[CasualtyFigure] = []
    taken: list[tuple[int, int]] = []

    def add(figure: CasualtyFigure) -> None:
        if any(s <= figure.number_start < e for s, e in taken):
            return
        taken.append((figure.number_start, figure.end_char))
        figures.append(figure)

    for match in subset.finditer(text):
        if match.group("det"):
            count, noun, number_start = Count(1, 1, "exact"), match.group("snoun"), match.start("det")
        else:
            count, noun, number_start = _count(match), match.group("pnoun"), match.start("num") if match.group("num") else match.start("lo")
        if count is None:
            continue
        add(CasualtyFigure("", count, victims.get(noun.lower(), "people"), match.start(), match.end(), number_start, is_subset=True))

    for match in number_first.finditer(text):
        filler = match.group("filler") or ""
        words = [w.strip(".,'’").lower() for w in filler.split()]
        if any(w in not_people or w.isdigit() for w in words) or (words and words[0] == "of" and len(words) == 1):
            continue
        if words and words[-1] in _NOT_DONE_WORDS:
            continue  # '1,800 attempted murders' killed no one
        if any(w in _NOT_IN_FILLER for w in words[:-1]) or (words and words[-1] in _NOT_IN_FILLER - {"who"}):
            continue
        if re.match(r"\s*of\s+(?:the|those|them|these|whom|us)\b", filler, re.IGNORECASE):
            continue  # 'one of the wounded' refers back to a figure, it is not one
        if re.match(r"\s*(?:out\s+of|in)\s", filler, re.IGNORECASE):
            continue  # 'nine out of ten homicides', 'one in five': a proportion, not a count
        if _COUNT_AFTER.match(text, match.end()):
            continue  # 'Two suicide bombers killed at least 22 people': the killers, not the killed
        if any(w.lower() in _MODALS_BEFORE_A_COUNT for w in _WORD.findall(text, max(0, match.start() - 25), match.start())[-3:]):
            continue  # 'the graves could hold 9,000 bodies' is a capacity, not a toll
        start = match.start()
        if _CURRENCY_BEFORE.search(text, max(0, start - 5), start):
            continue  # '₹50,000 to the injured', 'Rs 5,000 each to the wounded': money, not people
        if _AGES_BEFORE.search(text, max(0, start - 40), start):
            continue  # 'Two boys aged 12 and 14 were killed': an age, not a count
        if _WHOLE_OF_A_PART_BEFORE.search(text, max(0, start - 40), start):
            continue  # '40 of the hamlet's 900 people were killed': the whole the part came from
        if _preceding_word(text, start) in _NEGATORS or (match.group("num") or "").lower() in ("no", "zero"):
            continue
        if match.group("num") and in_a_numeric_date(text, match.start("num"), match.end("num")):
            continue  # the last part of a date written in numbers ('14/10/2020 three people'), not a count
        if re.match(r"\d{4}$", match.group("num") or "") and 1900 <= int(match.group("num")) <= 2100 and (
                not words or _victims_in(filler) is None or _preceding_word(text, start) in _BEFORE_A_YEAR):
            continue  # a year, not a count ('in 2004', 'the 1987 earthquake killed')
        count = _count(match)
        if count is None or count.count_min == 0:
            continue
        add(CasualtyFigure(kind_of[" ".join(match.group("kind").lower().split())], count, _victims_in(filler), start, match.end(), start))

    for match in singular_first.finditer(text):
        if _preceding_word(text, match.start()) in _NEGATORS:
            continue
        if _RUNNING_ORDINAL.search(match.group("adj") or ""):
            continue  # 'a third person died' is a running total, which the parse reads
        if _COUNT_AFTER.match(text, match.end()):
            continue  # 'A gunman killed at least 20 people': the killer, not one killed
        noun = match.group("noun").lower()
        add(CasualtyFigure(kind_of[" ".join(match.group("kind").lower().split())], Count(1, 1, "exact"), victims.get(noun, "people"), match.start(), match.end(), match.start()))

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
        if follower in not_people:
            continue
        count = _count(match)
        if count is None or count.count_min == 0 or _written_as_a_tally(match):
            continue  # ('killed, 8-7, an amendment': a vote, not a range)
        start = match.start("qual") if match.group("qual") else (match.start("lo") if match.group("lo") else match.start("num"))
        end = match.end("num") if match.group("num") else match.end("hi")
        if victim is not None:
            for word in after.split():
                if _victims_in(word) is not None:
                    end = match.start("after") + after.find(word) + len(word.rstrip(",.;:"))
                    break
        add(CasualtyFigure(active_of[verb], count, victim, match.start(), end, start))

    for match in toll.finditer(text):
        count = _count(match)
        if count is None or count.count_min == 0:
            continue
        if any(w.lower() in _MODALS_BEFORE_A_COUNT for w in _WORD.findall(match.group())):
            continue  # 'the toll could rise to 100': a fear, not a count
        if count.precision == "exact" and _PASSED_A_MARK.search(match.group()):
            count = Count(count.count_min, None, "at_least")  # 'the toll tops 40': more than that
        start = match.start("qual") if match.group("qual") else (match.start("lo") if match.group("lo") else match.start("num"))
        add(CasualtyFigure(toll_of[" ".join(match.group("toll").lower().split())], count, "people", match.start(), match.end(), start))

    return _link_subsets(sorted(figures, key=lambda f: f.number_start), unlinked)


_PASSED_A_MARK = re.compile(rf"\b(?:{_PAST_A_MARK})\b", re.IGNORECASE)


# ', 23 of them children', ', two of them critically', ', with three of them in a serious condition': a part of
# the figure before it in the sentence, however the parser hangs it.
_PARTITION = re.compile(rf",\s+(?:with\s+)?(?P<qual>(?:{QUALIFIER_PATTERN})\s+)?(?P<num>{NUMBER_PATTERN})\s+of\s+(?:them|whom)\b(?P<rest>[^,;:.()]*)"
                        # ', of whom 12 remain in serious condition'
                        rf"|,\s+of\s+whom\s+(?P<qual2>(?:{QUALIFIER_PATTERN})\s+)?(?P<num2>{NUMBER_PATTERN})\b(?P<rest2>[^,;:.()]*)"
                        # '; 16 were children', ', and two were women', ' and three are civilians' (the people they
                        # were: a word for victims)
                        rf"|(?:[,;]\s+(?:and\s+)?|\s+and\s+)(?P<qual3>(?:{QUALIFIER_PATTERN})\s+)?(?P<num3>{NUMBER_PATTERN})\s+(?:were|are)\s+"
                        rf"(?P<rest3>(?:(?!\s+and\s+(?:{NUMBER_PATTERN})\s+(?:were|are)\b)[^,;:.()])*)",
                        re.IGNORECASE)


def partitions_of_figures(text: str, figures: list[CasualtyFigure]) -> list[CasualtyFigure]:
    """The parts ('N of them ...') that follow a figure of `text` (a sentence) and no finder read, as
    sub-figures of the nearest figure before them that is not itself a part."""
    found = []
    for match in _PARTITION.finditer(text):
        num, qual, rest = next((f"num{n}", f"qual{n}", f"rest{n}") for n in ("", "2", "3") if match.group(f"num{n}"))
        if num == "num3" and not (match.group(rest).split() and _victims_in(match.group(rest).split()[0])):
            continue
        # (read already: its number, or a number inside a whole figure's words; a part's words may run on over the
        # next part, '24 are soldiers and three are civilians')
        if any(f.number_start == match.start(num) or (f.start_char <= match.start(num) < f.end_char and f.part_of_index is None
                                                      and not f.is_subset) for f in figures):
            continue
        whole = next((f for f in sorted(figures, key=lambda f: -f.end_char)
                      if f.end_char <= match.start() and f.part_of_index is None and f.kind in ("killed", "injured")), None)
        count = parse_count(match.group(num), match.group(qual))
        if whole is None or count is None or not 0 < count.count_min < whole.count.count_min:
            continue
        words = match.group(rest).split()
        start = match.start(qual) if match.group(qual) else match.start(num)
        found.append(CasualtyFigure(whole.kind, count, (_victims_in(words[0]) if words else None) or "people", start,
                                    match.start(rest) + len(match.group(rest).rstrip()), match.start(num), is_subset=True,
                                    part_of_index=figures.index(whole)))
    return found


def _link_subsets(figures: list[CasualtyFigure], unlinked: list[CasualtyFigure] | None = None) -> list[CasualtyFigure]:
    """'including three children' takes its kind from, and points to, the figure before it."""
    linked: list[CasualtyFigure] = []
    for figure in figures:
        if figure.is_subset:
            parent = next((i for i in range(len(linked) - 1, -1, -1) if not linked[i].is_subset), None)
            if parent is None:
                if unlinked is not None:
                    unlinked.append(figure)
                continue
            figure.kind = linked[parent].kind
            figure.part_of_index = parent
        linked.append(figure)
    return linked


_NAMED_PASSIVE = re.compile(
    r"^(?:\s*,[^,]{1,100},)?\s+(?:was|has\s+been|had\s+been|is)\s+(?:\w+ly\s+)?"
    r"(?P<kind>killed|shot\s+dead|stabbed\s+to\s+death|murdered|fatally\s+(?:shot|stabbed|wounded)|found\s+dead|beheaded|"
    r"executed|assassinated|injured|wounded|hurt|abducted|kidnapped|reported\s+missing|(?:pronounced|declared)\s+dead|"
    # 'was shot in the chest and died', 'was struck by a bus and later died'
    r"(?:shot|stabbed|struck|hit|run\s+over)\b[^.,;:\n]{0,50}?\band\s+(?:later\s+)?died)\b",
    re.IGNORECASE,
)
# 'X succumbed to head injuries', 'X, 34, died of his wounds': a death the text puts down to its injuries (not a
# natural death, which is no casualty)
_NAMED_DEATH_OF_INJURIES = re.compile(
    r"^(?:\s*,[^,]{1,100},)?\s+(?:later\s+|subsequently\s+)?(?:succumbed\s+to|died\s+(?:of|from))\s+"
    r"(?:(?:his|her|their|the)\s+)?(?:[a-z-]+\s+){0,2}(?:%s)\b" % "|".join(
        sorted(load_rules("casualties")["grammar"]["injury_nouns"], key=len, reverse=True)),
    re.IGNORECASE,
)
_NAMED_ACTIVE = re.compile(r"\b(?P<kind>killed|fatally\s+shot|shot\s+dead|murdered|assassinated|stabbed\s+to\s+death|wounded|injured)\s+$", re.IGNORECASE)
_NAMED_KIND = {"injured": "injured", "wounded": "injured", "hurt": "injured", "abducted": "missing", "kidnapped": "missing",
               "reported missing": "missing"}


def find_named_victims(text: str, person_spans: list[tuple[int, int]]) -> list[CasualtyFigure]:
    """A named person killed or hurt is a figure of one: 'X was stabbed to death', 'fatally shot X'."""
    figures = []
    for start, end in person_spans:
        passive = _NAMED_PASSIVE.match(text[end:])
        died = _NAMED_DEATH_OF_INJURIES.match(text[end:end + 200])
        active = _NAMED_ACTIVE.search(text[max(0, start - 40):start])
        if passive:
            kind_word = " ".join(passive.group("kind").lower().split())
            figures.append(CasualtyFigure(_NAMED_KIND.get(kind_word, "killed"), Count(1, 1, "exact"), "people", start, end + passive.end(), start))
        elif died:
            figures.append(CasualtyFigure("killed", Count(1, 1, "exact"), "people", start, end + died.end(), start))
        elif active:
            kind_word = " ".join(active.group("kind").lower().split())
            verb_start = max(0, start - 40) + active.start()
            figures.append(CasualtyFigure(_NAMED_KIND.get(kind_word, "killed"), Count(1, 1, "exact"), "people", verb_start, end, start))
    return figures
