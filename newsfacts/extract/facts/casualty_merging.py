"""One row per casualty figure: a document states a figure in its headline, its lead and again in its body,
and each statement is one row until here. Statements of one figure become one, the best-attributed; equal
figures the text tells apart (another place, another victim, 'separately', a repeated paragraph's copy)
stay apart, and a part whose whole was merged points at the whole that was kept."""

from __future__ import annotations

import calendar
import re
from datetime import date
from functools import cache

from newsfacts.extract.casualty_grammar import perpetrator_nouns
from newsfacts.extract.gazetteer import (country_codes, division_holds, division_name_key, divisions_of, geocode, is_county,
                                         is_division)
from newsfacts.extract.numbers import words_to_int
from newsfacts.rules import load_rules


def one_row_per_figure(rows: list[dict], text: str = "", headline_end: int = 0,
                       named: dict[str, frozenset[str]] | None = None, published: date | None = None) -> list[dict]:
    """The same figure repeated in a document is one fact, whoever states it (the annotation guide): keep its
    best-attributed statement. Equal figures at two different places ('two killed in A', later 'two killed in B') stay apart, and
    so do single victims told apart by their own words ('a man was shot dead', later 'a man was killed'):
    the finders read a single victim only where the text introduces one ('a', 'another', 'his brother'), or
    names one (`named`: the person entities each single victim's figure names, by fact id)."""
    statements = _Statements(rows, text, headline_end, named or {}, published)
    survivors: list[dict] = []
    for i, row in enumerate(rows):
        if any(statements.repeated(earlier, row) for earlier in rows[:i]) \
                or any(statements.points_back_at(kept, row) for kept in survivors):
            continue
        twin = next((kept for kept in survivors if statements.twins(kept, row)), None)
        if twin is None:
            survivors.append(row)
            continue
        if _score(row) > _score(twin):
            survivors[survivors.index(twin)] = row
            row, twin = twin, row
        if twin.get("located_by_dateline") and row["location"] is not None and not row.get("located_by_dateline"):
            twin.update(location=row["location"], located_by_dateline=False)  # the place a sentence names it at
    ids = {r["fact_id"] for r in survivors}
    for r in rows:
        r.pop("located_by_dateline", None)
        r.pop("number_start", None)
    for r in survivors:
        if r["part_of"] and r["part_of"] not in ids:
            r["part_of"] = _replacement_parent(r, rows, survivors)
    return sorted(survivors, key=lambda r: r["start_char"])


class _Statements:
    """What tells two statements of a figure in one document apart, or makes them one: where in the text each
    stands (a headline, a heading, a repeated paragraph), its words, its place and victims, and whether the text
    tells of it as another incident."""

    def __init__(self, rows: list[dict], text: str, headline_end: int, named: dict[str, frozenset[str]],
                 published: date | None = None):
        self.text, self.headline_end, self.named, self.published = text, headline_end, named, published
        self.another = {id(row): bool(text) and _another_incident(row, rows, text) for row in rows}
        self.frames = {id(row): self._time_frame(row) for row in rows}

    def twins(self, kept: dict, row: dict) -> bool:
        """Whether `row` states the figure `kept` states."""
        return (not _apart(kept, row, self.text) and not self.told_apart(kept, row)
                and (kept["kind"], kept["count_min"]) == (row["kind"], row["count_min"])
                and ((kept["part_of"] is None) == (row["part_of"] is None) or _same_named_victims(kept, row))
                and (kept["part_of"] is None or kept["victims"] == row["victims"])
                and (self.headline(kept) or self.heading(kept) or (self.same_place(kept, row)
                                             and _same_victims(kept["victims"], row["victims"])))
                and (kept["precision"] == "vague") == (row["precision"] == "vague")
                # ('up to 15 had died', later 'at least 15 had been killed': a ceiling and a floor, two figures)
                and {kept["precision"], row["precision"]} != {"at_least", "at_most"}
                and self.same_time(kept, row)
                and self.same_person(kept, row))

    def _time_frame(self, row) -> str | None:
        """The time a sentence sets before its figure ('In September, eight bodies were found': 'in september'), or the
        date a clause with 'when' that tells the figure hangs on ('the worst since Jan. 19, when a bomb killed 22':
        'jan. 19'), or None."""
        start = row.get("sentence_start")
        if not self.text or start is None:
            return None
        frame = _time_frame_pattern().match(self.text, start)
        if frame is not None:
            return " ".join(frame.group(0).lower().split())
        dated = [m for m in _dated_when_pattern().finditer(self.text, start, row["start_char"])]
        return " ".join(dated[-1].group("date").lower().split()) if dated else None

    def same_time(self, one, other) -> bool:
        """Whether two statements of a figure tell of one time: neither sets a time of its own, both set the same, or
        one sets the month or year the other is dated to (its event date, else the day the story was published:
        'In March, gunmen killed ten' in a story of that March)."""
        frames = self.frames[id(one)], self.frames[id(other)]
        if frames[0] == frames[1]:
            return True
        if None not in frames:
            return False
        frame, plain = (frames[0], other) if frames[0] else (frames[1], one)
        return _a_frame_of(frame, plain["event_date"] or self.published)

    def points_back_at(self, kept: dict, row: dict) -> bool:
        """'the five wounded were taken to ...', 'The two minors killed were identified as ...' after a figure of five
        wounded, two minors killed: a count with 'the' before it is the figure the text stated before, wherever it
        places it and whatever part it makes of it."""
        before = self.text[max(0, row["start_char"] - 4):row["start_char"]]
        return (kept["kind"], kept["count_min"]) == (row["kind"], row["count_min"]) and kept["start_char"] < row["start_char"] \
            and row["precision"] == "exact" and _the_count(self.evidence(row), before)

    def evidence(self, row) -> str:
        return " ".join(self.text[row["start_char"]:row["end_char"]].lower().split())

    def headline(self, row) -> bool:
        # A headline states the body's figure in fewer words: no place, no source, 'man' for 'passenger'.
        return row["start_char"] < self.headline_end

    def heading(self, row) -> bool:
        # a short line without a full stop over a paragraph ('Kurmin: two hurt in shelling')
        text = self.text
        end = text.find("\n", row["start_char"])
        line = text[text.rfind("\n", 0, row["start_char"]) + 1:end if end >= 0 else len(text)].strip()
        return len(line) <= 100 and not line.endswith((".", "!", "?", '"', "”", "’"))

    def same_person(self, a, b) -> bool:
        # The headline's single victim is the one the body tells of ('Man stabbed to death on train'), and
        # a bare 'one' ('one died') or 'the' ('the man died') points back at a victim already told of; but an
        # attacker who died is not the victim the attack killed ('killing one ... The attacker died in hospital').
        back_reference = any(re.match(r"(?:one\b(?! of)|the\b)", self.evidence(r)) for r in (a, b))
        # a victim counted as 'one' ('killing one person') is the one another statement describes ('an elderly
        # woman died'), unless that one is told as more ('one more', 'one other', 'another')
        counted_as_one = any(_COUNTED_AS_ONE.search(self.evidence(r)) for r in (a, b)) \
            and not any(_ONE_MORE.search(self.evidence(r)) for r in (a, b))
        if a["count_max"] == 1 and a["count_min"] == 1 and self.text \
                and len({bool(_perpetrator_pattern().search(self.evidence(r))) for r in (a, b)}) == 2:
            return False
        return (a["count_max"] != 1 or a["count_min"] != 1 or not self.text or self.headline(a) or self.headline(b)
                or back_reference or counted_as_one or self.evidence(a) == self.evidence(b)
                or bool(self.named.get(a["fact_id"], frozenset()) & self.named.get(b["fact_id"], frozenset())))

    def same_place(self, one, other) -> bool:
        a, b = one["location"], other["location"]
        return (a is None or b is None or a == b or _one_holds_the_other(a, b)
                # ('killed 52 in the Kurmo and Dalen areas', placed at the first, later placed at Dalen)
                or self.names_in_its_sentence(one, b) or self.names_in_its_sentence(other, a)
                or ((one.get("located_by_dateline", False) or other.get("located_by_dateline", False))
                    and one["precision"] == other["precision"]))

    def names_in_its_sentence(self, row, place: str) -> bool:
        """Whether the sentence that states `row`, a toll of several people, lists `place` with the place it is placed at
        ('in the Kurmo and Dalen areas', 'in Kurmo, Ashby and Dalen': a toll of several places is placed at the first)."""
        start, end, own = row.get("sentence_start"), row.get("sentence_end"), row["location"]
        if not self.text or start is None or own is None or (row["count_min"] or 0) <= 1:
            return False
        first, other = re.escape(own), re.escape(place)
        listed = rf"\b{first}(?:,\s+{_A_NAME})*,?\s+(?:and|or|&)\s+(?:the\s+)?{other}\b|\b{first},\s+(?:the\s+)?{other}\b"
        return re.search(listed, self.text[start:end]) is not None

    def told_apart(self, kept, row) -> bool:
        # the text tells of `row` as another incident than those before, unless `kept` is the headline or
        # heading that told of it first
        return self.another[id(row)] and not (self.headline(kept) or self.headline(row) or self.heading(kept))

    def paragraph(self, row) -> tuple[int, str]:
        text = self.text
        start = text.rfind("\n", 0, row["start_char"]) + 1
        end = text.find("\n", row["end_char"])
        return start, " ".join(text[start:end if end >= 0 else len(text)].split())

    def repeated(self, earlier, row) -> bool:
        # A paragraph the page prints twice (a lead repeated under a dateline) states its figures once,
        # wherever each copy's dateline places them. (The figures compared first: most pairs differ there.)
        if (earlier["kind"], earlier["count_min"], earlier["victims"]) != (row["kind"], row["count_min"], row["victims"]):
            return False
        (start, one), (other_start, other) = self.paragraph(earlier), self.paragraph(row)
        shorter, longer = sorted((one, other), key=len)
        return start != other_start and len(shorter) >= 40 and shorter in longer and self.evidence(earlier) == self.evidence(row)


# 'killing one person', 'one civilian was killed': a single victim counted by the number; 'one more', 'another' count another
_COUNTED_AS_ONE = re.compile(r"\bone\b(?! of| more| other)")
_ONE_MORE = re.compile(r"\b(?:one (?:more|other)|another|second|third)\b")


# 'the five wounded', 'the 12 dead': a count with 'the' before it
_THE_COUNT = re.compile(r"the ([\w,-]+) ")


def _the_count(evidence: str, before: str) -> bool:
    """Whether a figure's words open with 'the' and a number ('the five wounded'), or 'the' comes just before them
    and they open with one (not 'the suspected gunman', nor an ordinal: 'the third death')."""
    if before.lower() == "the ":
        evidence = "the " + evidence
    count = _THE_COUNT.match(evidence)
    return count is not None and words_to_int(count.group(1)) is not None


def _score(row) -> int:
    return sum(row[k] is not None for k in ("reported_by", "reported_by_description", "period", "location"))


def _same_victims(a, b) -> bool:
    # 'a child died' and 'a migrant died' are two people; '14 people' and '14 civilians' may be one figure.
    return a is None or b is None or a == b or "people" in (a, b)


# a capitalised name of one to three words, in a list of places
_A_NAME = r"(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}"


def _same_named_victims(a, b) -> bool:
    # 'four women among the dead', later 'Four women were among the dead', are one figure however each is linked to
    # a total; 'two people were injured', later 'two children are among the injured', are two.
    return a["victims"] == b["victims"] and a["victims"] not in (None, "people")


def _apart(a, b, text: str = "") -> bool:
    # One sentence states a figure once: 'a shell killed three, a second left three dead', 'two died in
    # the cab and the other two on the road', 'four in one village and four in the next' are two figures each.
    # (two finders' readings of one figure overlap; so do the counts of a list, 'Two soldiers and two civilians
    # were killed', each written with its own number)
    return a.get("sentence_start") is not None and a.get("sentence_start") == b.get("sentence_start") \
        and (a["end_char"] <= b["start_char"] or b["end_char"] <= a["start_char"] or _counts_listed(a, b, text))


def _counts_listed(a, b, text: str) -> bool:
    """Two counts of a list, their numbers parted by 'and' (not one victim read twice: 'a traffic policeman,
    Sergeant Jan Doe, was stabbed', by the noun and by the name; nor a count and the people it is, 'Two more, a
    woman and a boy')."""
    first, second = sorted((a.get("number_start"), b.get("number_start")), key=lambda n: -1 if n is None else n)
    return first is not None and first != second and a["count_min"] > 1 and b["count_min"] > 1 \
        and re.search(r"\band\b", text[first:second]) is not None


def _replacement_parent(row, rows, survivors):
    """A subset whose parent was merged into an equal figure elsewhere points at the kept one."""
    parent = next((r for r in rows if r["fact_id"] == row["part_of"]), None)
    if parent is None:
        return None
    for kept in survivors:
        if kept["kind"] == parent["kind"] and kept["count_min"] == parent["count_min"] and kept["part_of"] is None:
            return kept["fact_id"]
    return None


@cache
def _perpetrator_pattern() -> re.Pattern:
    """The nouns for one who attacked, in the words of a figure's statement."""
    return re.compile(r"\b(?:%s)s?\b" % "|".join(re.escape(n) for n in sorted(perpetrator_nouns())))


@cache
def _another_incident_patterns() -> tuple[re.Pattern, re.Pattern]:
    rules = load_rules("casualties")["another_incident"]
    openers = "|".join(map(re.escape, rules["sentence_openers"]))
    other_event = r"(?:and\s+|but\s+)?(?:in\s+)?(?:%s)\s+(?:[\w-]+\s+){0,2}?(?:%s)s?" % (
        "|".join(map(re.escape, rules["other_event_words"])), "|".join(map(re.escape, rules["another_event_nouns"])))
    opener = re.compile(r"(?:%s|%s)\b" % (openers, other_event), re.IGNORECASE)
    # ('another ' just before the number, 'two more' opening the figure, or 'Another protester was killed': a single
    # victim's figure that opens with the word)
    before = "|".join(map(re.escape, rules["before_the_number"]))
    added = re.compile(r"(?:\b(?:%s)\s+$)|(?:^[\w-]+\s+(?:%s)\b(?!\s+than))|(?:^(?:%s)\s)" % (
        before, "|".join(map(re.escape, rules["after_the_number"])), before), re.IGNORECASE)
    return opener, added


@cache
def _time_frame_pattern() -> re.Pattern:
    """'In November,', 'Last summer,', 'In 2019,', 'In March 2021,' opening a sentence, set off by a comma
    (rules/casualties.toml, another_incident)."""
    rules = load_rules("casualties")["another_incident"]
    openers = "|".join(re.escape(o).replace(r"\ ", r"\s+") for o in sorted(rules["time_frame_openers"], key=len, reverse=True))
    names = "|".join(map(re.escape, rules["time_frame_names"]))
    return re.compile(rf"(?:{openers})\s+(?:(?:the\s+)?(?:{names})(?:\s+(?:of\s+)?(?:1[89]|20)\d\d)?|(?:1[89]|20)\d\d)\b(?=\s*,)",
                      re.IGNORECASE)


@cache
def _dated_when_pattern() -> re.Pattern:
    """'since Jan. 19, when', 'in March 2019, when', 'on 4 May, when': a date with a clause about what happened then
    (no full stop between it and the figure)."""
    months = "|".join(sorted(_MONTHS, key=len, reverse=True))
    month = rf"(?:{months})\.?"
    day, year = r"\d{1,2}(?:st|nd|rd|th)?", r"(?:1[89]|20)\d\d"
    return re.compile(rf"\b(?P<date>{month}\s+{day}(?:,?\s+{year})?|{day}\s+{month}(?:\s+{year})?|{month}\s+{year}|{year}),"
                      rf"\s+when\b[^.!?]*$", re.IGNORECASE)


_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name} \
    | {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name} | {"sept": 9}


def _a_frame_of(frame: str, when: date | None) -> bool:
    """Whether a time a sentence sets ('in november', 'last march', 'in 2019', 'in march 2021') holds the day `when`:
    its month (of its year, where it names one), else its year; a season or no day known holds none."""
    if when is None:
        return False
    words = [w.strip(".,") for w in frame.split()]
    month = next((_MONTHS[w] for w in words if w in _MONTHS), None)
    year = next((int(w) for w in words if w.isdigit() and len(w) == 4), None)
    if month is None and year is None:
        return False
    return (month is None or month == when.month) and (year is None or year == when.year)


def _another_incident(row: dict, rows: list[dict], text: str) -> bool:
    """Whether the text tells of the figure as one more than those before: 'Separately, two soldiers
    died', or 'Two more died' just after a figure of the killed (not 'five were killed; another
    three were hurt', which adds the hurt to the dead)."""
    opener, added = _another_incident_patterns()

    def told_as_more(r: dict) -> bool:
        return bool(added.search(text[max(0, r["start_char"] - 12):r["start_char"]]) or added.match(text[r["start_char"]:r["end_char"]]))

    sentence = row.get("sentence_start")
    if sentence is not None and opener.match(text, sentence):
        return True
    earlier = [r for r in rows if r["end_char"] <= row["start_char"]]
    before = max(earlier, key=lambda r: r["start_char"], default=None)
    # (a line that says 'Five more bodies found' above a paragraph that says it again is one figure)
    return before is not None and before["kind"] == row["kind"] and told_as_more(row) \
        and not any((r["kind"], r["count_min"]) == (row["kind"], row["count_min"]) and told_as_more(r) for r in earlier)


def _country_names() -> frozenset[str]:
    return frozenset(country_codes())


def _one_holds_the_other(one: str, other: str) -> bool:
    """Whether one location is too wide to tell two reports of a figure apart from the other: a country, a part of
    one the text names by its compass point ('northeast Kurmistan'), a state or province, a region of the other's
    country, the county or US state the other lies in, or a town and a site the gazetteer does not know."""
    def holds(wide: str, narrow: str) -> bool:
        area, place = geocode(wide), geocode(narrow)
        if wide in _country_names() or (area is not None and area.kind == "region" and area.basis.startswith("part of ")
                                         and area.basis.removeprefix("part of ") in _country_names()):
            return True
        if is_division(area) and not is_county(area):
            return True  # (a state or province, as a country, is too wide to tell two reports of one figure apart)
        if is_county(area) and place is not None and division_holds(area, place):
            return True
        if area is not None and area.kind == "city" and place is None and _a_site(narrow):
            return True  # ('a shooting at a Kurmo nightclub', later placed at 'the Dalen nightclub'): a site in the town
        if area is not None and area.kind == "region" and not is_county(area) and place is None:
            return True  # ('killed 21 in West Darfur', later placed at a village no gazetteer knows): a place in the region
        if area is not None and area.kind == "region" and not is_county(area) and place is not None \
                and place.country_code == area.country_code and (wide.lower() in narrow.lower() or (place.kind == "city" and any(
                    division_name_key(wide) in division for _country, _level, division in divisions_of(place)))):
            return True  # a region ('Darfur', 'Borno') and a town of a state named after it ('Nyala', in South Darfur), or a part of it
        return area is not None and place is not None and area.kind == "state" and place.kind == "city" \
            and (place.country_code, place.admin1) == (area.country_code, area.admin1)

    return holds(one, other) or holds(other, one)


@cache
def _site_last_words() -> frozenset[str]:
    rules = load_rules("entities")
    return frozenset(w.split()[-1].lower() for w in rules["site_nouns"] + rules["landmark_last_words"])


def _a_site(name: str) -> bool:
    """Whether a location is a site or a street named by its kind ('the Dalen nightclub', 'Kurmo Street'), which no
    gazetteer holds."""
    return name.split()[-1].lower() in _site_last_words()
