"""The casualty rows of a document: each sentence's figures as the finders read them (casualties' word
patterns, casualty_grammar's parse, named victims, partitions, conjoined and gapped counts), parts of earlier
figures, each with its source, place, date and period; then a single injured victim who is told of dying
later is dropped, and casualty_merging keeps one row per figure."""

from __future__ import annotations

import re
from functools import cache

from newsfacts.extract.casualties import (CasualtyFigure, find_casualty_figures, find_named_victims, partitions_of_figures,
                                           shares_of_a_figure, victims_class)
from newsfacts.extract.casualty_grammar import conjoined_counts, find_grammar_figures, lexicon, parts_of_earlier_figures
from newsfacts.extract.facts.casualty_merging import one_row_per_figure
from newsfacts.extract.dates import date_in_text
from newsfacts.extract.facts.fact_ids import fact_id
from newsfacts.extract.numbers import NUMBER_PATTERN, QUALIFIER_PATTERN, parse_count
from newsfacts.extract.facts.sentence_places import paragraph_places, place_of
from newsfacts.rules import load_rules


_PERIOD = re.compile(
    r"\b(?:over|in|during|within|for)\s+the\s+(past|last|previous)\s+((?:\d+|\w+)\s+)?(hours?|days?|weeks?|months?|years?|night|weekend)\b"
    r"|\b(so far this (?:year|month|week)|so far|to date)\b"
    r"|\b(since (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|then|the (?:start|beginning|outbreak) of the \w+"
    r"|the \w+ (?:began|started|broke out|fell)|\w+ \d{4}))\b",
    re.IGNORECASE,
)


def period_in(text: str) -> str | None:
    match = _PERIOD.search(text)
    if not match:
        return None
    if match.group(1):
        amount = (match.group(2) or "").strip()
        return " ".join(filter(None, ["past", amount, match.group(3).lower()]))
    return (match.group(4) or match.group(5)).lower()


def casualty_rows(doc_id, text, sentences, sentence_texts, places_by_sentence, people_by_sentence, attributor, published,
                  title: str | None = None, filed_from: frozenset[str] = frozenset()) -> list[dict]:
    """The document's casualty figures, one row each. `filed_from` are the surfaces of the dateline's places."""
    headline_end = len(title) if title and text[:len(title)].lower() == title.lower() else 0
    rows: list[dict] = []
    for index, sent in enumerate(sentences):
        sentence = sentence_texts[index]
        unlinked: list[CasualtyFigure] = []
        stated = frozenset((row["kind"], row["count_min"]) for row in rows if row["count_max"] == row["count_min"])
        figures = _sentence_figures(sentence, sent, people_by_sentence.get(index, []), unlinked, stated)
        own_rows = []
        if figures:
            speaker = attributor.speaker_in(sent) or _paragraph_speaker(text, sentences, index, attributor)
            places = places_by_sentence.get(index, []) or paragraph_places(text, sentences, index, places_by_sentence)
            when, _precision = date_in_text(sentence, published)
            own_rows = _figure_rows(doc_id, figures, sent, sentence, places, speaker, when, filed_from)
        since = sentences[max(0, index - 5)].start_char
        _link_parts_among_an_earlier_group(own_rows, rows, sentence, since)
        parts = _parts_of_earlier_figures(doc_id, rows + own_rows, figures, sent, since)
        rows += parts + _included_in_parts(doc_id, unlinked, parts, sent) + own_rows
    named = _single_victims_named(rows, attributor)
    rows = _the_one_told_of_again(_the_hurt_who_died(rows, text), text)
    return one_row_per_figure(rows, text, headline_end, named, published)


def _sentence_figures(sentence: str, sent, people_in_sentence: list[tuple[int, int]],
                      unlinked: list[CasualtyFigure], stated: frozenset[tuple[str, int]] = frozenset()) -> list[CasualtyFigure]:
    """A sentence's figures, as each finder reads them in turn (word patterns, named victims, the parse,
    partitions, conjoined parts, gapped counts). Figures the patterns found but could not link go to `unlinked`;
    `stated` are the (kind, count) of the figures of the sentences before."""
    figures = find_casualty_figures(sentence, unlinked)
    people = [(s - sent.start_char, e - sent.start_char) for s, e in people_in_sentence]
    figures += [f for f in find_named_victims(sentence, people, stated)
                if not any(g.start_char <= f.number_start < g.end_char for g in figures)]
    figures = _with_grammar_figures(figures, sent)
    figures += partitions_of_figures(sentence, figures)
    figures += shares_of_a_figure(sentence, figures)
    figures += _conjoined_parts(figures, sent)
    return _gapped_counts(figures, sentence)


def _figure_rows(doc_id: str, figures: list[CasualtyFigure], sent, sentence: str, places: list[tuple[str, str]], speaker,
                 when, filed_from: frozenset[str]) -> list[dict]:
    """One row for each of a sentence's figures, with the sentence's source, date and period, and its place."""
    rows = []
    ids = []
    for figure in figures:
        start, end = sent.start_char + figure.start_char, sent.start_char + figure.end_char
        ids.append(fact_id(doc_id, "casualty", start, end, figure.kind))
        place = place_of(figure, figures, sentence, places)
        rows.append({
            "fact_id": ids[-1],
            "doc_id": doc_id,
            "kind": figure.kind,
            "count_min": figure.count.count_min,
            "count_max": figure.count.count_max,
            "precision": figure.count.precision,
            "victims": figure.victims,
            "part_of": ids[figure.part_of_index] if figure.part_of_index is not None else None,
            "location": place[0] if place else None,
            # (only where the story was filed: the figure may be the same one another sentence places)
            "located_by_dateline": place is not None and place[1] in filed_from,
            "number_start": sent.start_char + figure.number_start,  # (read while merging, then dropped)
            "period": period_in(sentence),
            "reported_by": speaker.name if speaker and speaker.entity_id else None,
            "reported_by_entity_id": speaker.entity_id if speaker else None,
            "reported_by_description": speaker.name if speaker and not speaker.entity_id else None,
            "event_date": when,
            "start_char": start,
            "end_char": end,
            "sentence_start": sent.start_char,
            "sentence_end": sent.end_char,
        })
    return rows


def _single_victims_named(rows: list[dict], attributor) -> dict[str, frozenset[str]]:
    """The people a single victim's figure names ('Jan Doe was killed', later 'the strike killed Jan Doe'), by
    fact id."""
    people = [m for m in attributor.mentions if m.entity_type == "person"]
    return {row["fact_id"]: frozenset(m.entity_id for m in people if row["start_char"] <= m.start_char < row["end_char"])
            for row in rows if row["count_min"] == 1 and row["count_max"] == 1}


@cache
def _the_one_told_of(possessives: bool = False) -> re.Pattern:
    """'The man', 'The victim', 'He': the first words of a figure about a single victim the text told of before (the
    grammar's nouns for people, rules/casualties.toml); with `possessives`, 'His driver' too, and no pronoun alone."""
    nouns = "|".join(re.escape(n) for n in sorted(lexicon().person_nouns, key=len, reverse=True))
    if possessives:
        return re.compile(rf"(?:the|this|his|her|their)\s+(?:\w+\s+)?(?P<noun>{nouns})\b", re.IGNORECASE)
    return re.compile(rf"(?:the|this)\s+(?:\w+\s+)?(?P<noun>{nouns})\b|(?P<pronoun>he|she)\b", re.IGNORECASE)


def _the_hurt_who_died(rows: list[dict], text: str) -> list[dict]:
    """'Police found a man critically injured. The man died at the scene.': one person, killed, not also injured.
    A single injured victim is dropped when one of the next two sentences tells of the same person dying: 'the'
    and the noun the injured one was told by, 'the victim', or 'he'/'she' ('The suspect was shot dead' after
    'another officer was injured' is someone else)."""
    dead = [r for r in rows if r["kind"] == "killed" and r["count_min"] == r["count_max"] == 1]

    def the_same_one(hurt: dict, died: dict) -> bool:
        told = _the_one_told_of().match(text, died["start_char"])
        noun = (told.group("noun") or "").lower() if told else ""
        return told is not None and (told.group("pronoun") is not None or noun == "victim"
                                     or noun in text[hurt["start_char"]:hurt["end_char"]].lower().split())

    kept = []
    for row in rows:
        died = row["kind"] == "injured" and row["count_min"] == row["count_max"] == 1 and row["part_of"] is None and any(
            row["sentence_end"] <= d["sentence_start"] and _sentences_between(text, row["sentence_end"], d["sentence_start"]) <= 1
            and the_same_one(row, d) for d in dead)
        if not died:
            kept.append(row)
    return kept


def _the_one_told_of_again(rows: list[dict], text: str) -> list[dict]:
    """'..., including a schoolteacher and her son. The teacher, identified as Jana Doe, suffered shrapnel wounds': a
    single victim a sentence opens with 'The' (or 'His', 'Her') and the noun an earlier single victim of the same kind
    was told by (or the noun that ends it: 'schoolteacher') is that victim, not another one; and one its own sentence
    named before ('The two customers, a man and a woman, were taken to hospital, where the woman was listed in serious
    condition') is one of those the sentence told of."""
    singles = [r for r in rows if r["count_min"] == r["count_max"] == 1]
    kept = []
    for row in rows:
        single = row["count_min"] == row["count_max"] == 1
        start = row.get("sentence_start", row["start_char"])
        told = _the_one_told_of(possessives=True).match(text, start) if single else None
        noun = told.group("noun").lower() if told else ""
        # ('..., a man and a woman, were taken to hospital, where the woman was listed in serious condition': the one
        # the figure opens with, whom its own sentence named before it)
        again = _the_one_told_of(possessives=True).match(text, row["start_char"]) if single and start < row["start_char"] else None
        if again is not None and re.search(rf"\b{re.escape(again.group('noun'))}\b", text[start:row["start_char"]], re.IGNORECASE):
            continue
        if noun and noun != "victim" and any(
                earlier["kind"] == row["kind"] and earlier.get("sentence_end", earlier["end_char"]) <= start
                and any(word.endswith(noun) for word in re.findall(r"\w+", text[earlier["start_char"]:earlier["end_char"]].lower()))
                for earlier in singles):
            continue
        kept.append(row)
    return kept


def _sentences_between(text: str, start: int, end: int) -> int:
    return len(re.findall(r"[.!?][\"”’]?\s", text[start:end]))


def _parts_of_earlier_figures(doc_id: str, rows: list[dict], figures: list, sent, since: int) -> list[dict]:
    """'Eleven of them were children' after '30 people were killed', '37 wounded, and nine of them had to be operated
    on': a sub-figure of the latest figure before it (in its sentence, else within five sentences) it can be part of."""
    found = []
    for part in parts_of_earlier_figures(sent):
        if any(sent.start_char + f.number_start == part.start_char for f in figures):
            continue  # the sentence's own finders read it
        whole = _latest_whole(rows, since, part.start_char, part.kind, part.count.count_min, part.whole)
        if whole is None and part.kind is not None:
            # 'At least 44 of the dead were women' states its figure even when the text gave no total
            whole = {"fact_id": None, "doc_id": doc_id, "kind": part.kind, "location": None, "period": None,
                     "reported_by": None, "reported_by_entity_id": None, "reported_by_description": None, "event_date": None}
        if whole is None:
            continue
        found.append({**whole,
                      "fact_id": fact_id(doc_id, "casualty", part.start_char, part.end_char, whole["kind"]),
                      "count_min": part.count.count_min, "count_max": part.count.count_max,
                      "precision": part.count.precision, "victims": victims_class(part.victim_word),
                      "part_of": whole["fact_id"], "start_char": part.start_char, "end_char": part.end_char,
                      "sentence_start": sent.start_char, "sentence_end": sent.end_char})
    return found


def _latest_whole(rows: list[dict], since: int, before: int, kind: str | None, count: int, whole_count: int | None = None) -> dict | None:
    """The latest figure of killed or injured (of `kind`, when given) from `since` to `before` that a part of `count`
    can be of: no part itself, larger (of `whole_count` exactly, when the part says: 'three of the eight')."""
    return next((r for r in reversed(rows) if since <= r["start_char"] < before and r["part_of"] is None
                 and r["kind"] in ("killed", "injured") and (kind is None or r["kind"] == kind)
                 and (r["count_min"] or 0) > count and (whole_count is None or r["count_min"] == whole_count)), None)


@cache
def _among_the_group() -> re.Pattern:
    """'among the injured', 'amongst the dead': a group of victims named by its noun alone (no count of its own)."""
    nouns = "|".join(re.escape(n) for n in sorted(lexicon().group_nouns, key=len, reverse=True))
    return re.compile(rf"\bamong(?:st)?\s+the\s+(?P<noun>{nouns})\b", re.IGNORECASE)


def _link_parts_among_an_earlier_group(own_rows: list[dict], rows: list[dict], sentence: str, since: int) -> None:
    """'At least 18 injured ... Two children are among the injured': the group a sentence counts its victims among is
    the figure of that kind the text gave last (within five sentences, and larger), so each of the sentence's figures of
    that kind that has no whole in the sentence is a part of it."""
    groups = {lexicon().group_nouns[m.group("noun").lower()] for m in _among_the_group().finditer(sentence)}
    for row in own_rows:
        if row["part_of"] is not None or row["kind"] not in groups or not row["count_min"] \
                or any(o["kind"] == row["kind"] and o["part_of"] is None and (o["count_min"] or 0) > row["count_min"] for o in own_rows):
            continue
        whole = _latest_whole(rows, since, row["start_char"], row["kind"], row["count_min"])
        if whole is not None:
            row["part_of"] = whole["fact_id"]


def _conjoined_parts(figures: list[CasualtyFigure], sent) -> list[CasualtyFigure]:
    """'of whom 19 were children and 11 were women': each phrase conjoined to a part's is a part too."""
    found = []
    for figure in figures:
        if figure.part_of_index is None:
            continue
        whole = figures[figure.part_of_index]
        for count, noun, first, last in conjoined_counts(sent.doc, sent.start_char + figure.number_start):
            number_start = first - sent.start_char
            if count.count_min < (whole.count.count_min or 0) and not any(
                    f.start_char <= number_start < f.end_char for f in figures + found):
                found.append(CasualtyFigure(whole.kind, count, victims_class(noun), number_start, last - sent.start_char,
                                            number_start, is_subset=True, part_of_index=figure.part_of_index))
    return found


# A place after a figure's words ('... died at Kurmbar'), and a count that leaves out the figure's noun and verb,
# with a place of its own (', 12 at Dalen Heights', ' and one from Sorrel district')
# (rules/entities.toml kinds_in_a_figures_place)
_PLACE_WORDS = r"(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:(?:and|de|la|el)\s+)?(?:[A-Z][\w'’-]*|%s))*" % "|".join(
    load_rules("entities")["kinds_in_a_figures_place"])
_OWN_PLACE = re.compile(rf"[^,.;:\d\n]{{0,60}}?\b(?:at|in|from)\s+{_PLACE_WORDS}")
_GAPPED_COUNT = re.compile(rf"(?:,\s*(?:and\s+)?|\s+and\s+)(?:(?P<qualifier>{QUALIFIER_PATTERN})\s+)?(?P<number>{NUMBER_PATTERN})"
                           rf"\s+(?:at|in|from)\s+{_PLACE_WORDS}")


def _gapped_counts(figures: list[CasualtyFigure], sentence: str) -> list[CasualtyFigure]:
    """'40 people died at Kurmbar, 12 at Dalen Heights and three at Sorrel': the counts after a figure and its place
    that leave out its noun and verb, each with a place of its own, are figures of its kind and victims, told by
    their own words (where another finder read one, it keeps that reading's kind with these words)."""
    figures = list(figures)
    for figure in list(figures):
        if figure.is_subset or figure.kind not in ("killed", "injured"):
            continue
        own = _OWN_PLACE.match(sentence, figure.end_char)
        position = own.end() if own else None
        while position is not None:
            gapped = _GAPPED_COUNT.match(sentence, position)
            count = parse_count(gapped.group("number"), gapped.group("qualifier")) if gapped else None
            if count is None or not count.count_min or re.fullmatch(r"(?:19|20)\d\d", gapped.group("number")):
                break
            start = gapped.start("number")
            read = [i for i, f in enumerate(figures) if f.number_start == start]
            if any(figures[i].count != count for i in read):
                break
            if not read and any(f.start_char <= start < f.end_char and f.count == count for f in figures):
                read = [i for i, f in enumerate(figures) if f.start_char <= start < f.end_char and f.count == count]
            kind, victims = (figures[read[0]].kind, figures[read[0]].victims) if read else (figure.kind, figure.victims)
            told = CasualtyFigure(kind, count, victims, start, gapped.end(), start)
            for i in read:
                figures[i] = told  # (in its place: other figures point at their wholes by position)
            if not read:
                figures.append(told)
            position = gapped.end()
    return figures


def _included_in_parts(doc_id: str, unlinked: list[CasualtyFigure], parts: list[dict], sent) -> list[dict]:
    """'19 of the wounded were brought to the clinic, including seven children': an 'including' after a
    part of an earlier figure is a part of that part."""
    found = []
    for figure in unlinked:
        start = sent.start_char + figure.start_char
        whole = next((r for r in reversed(parts) if r["start_char"] < start and r["count_min"] > figure.count.count_min), None)
        if whole is None:
            continue
        members = [(figure.count, figure.victims, start, sent.start_char + figure.end_char)] + [
            (count, victims_class(noun), first, last) for count, noun, first, last
            in conjoined_counts(sent.doc, sent.start_char + figure.number_start)]  # '... and six children'
        for count, victims, first, last in members:
            if count.count_min < whole["count_min"]:
                found.append({**whole, "fact_id": fact_id(doc_id, "casualty", first, last, whole["kind"]),
                              "count_min": count.count_min, "count_max": count.count_max, "precision": count.precision,
                              "victims": victims, "part_of": whole["fact_id"], "start_char": first, "end_char": last})
    return found


def _with_grammar_figures(figures: list, sent) -> list:
    """The parse finds figures whose number and predicate the word patterns cannot join; a figure both
    find (the same number) is kept once, as the patterns read it."""
    combined = list(figures)
    read_by_the_parse: set[int] = set()
    start_of_sentence = sent.start_char
    for found in find_grammar_figures(sent):
        number_start = found.number_start - start_of_sentence
        if found.listed:  # the victims listed one by one are one figure, not one for each number in the list
            start, end = found.start_char - start_of_sentence, found.end_char - start_of_sentence
            combined = [f for f in combined if f.kind != found.kind or not start <= f.number_start < end]
            combined.append(CasualtyFigure(found.kind, found.count, "people", start, end, number_start))
            continue
        same = next((i for i, f in enumerate(combined) if f.number_start == number_start), None)
        if same is not None and ((combined[same].kind in ("missing", "displaced") and found.kind in ("killed", "injured"))
                                 or (combined[same].kind == "injured" and found.died)
                                 or (combined[same].kind != found.kind and _joined_across_a_conjunction(combined[same], sent))):
            # 'the deaths of at least 40 displaced people', 'five injured miners died later': the parse sees what
            # befell the people the adjective describes; and 'killed two and injured 12' is no 'two ... injured'.
            combined[same] = CasualtyFigure(found.kind, found.count, victims_class(found.victim_word),
                                            found.start_char - start_of_sentence, found.end_char - start_of_sentence, number_start)
            continue
        # (a number inside the span of an equal figure of its kind the patterns read restates it; one the parse read
        # for other victims is a figure of its own: 'Two soldiers and two civilians were killed', 'killing two and
        # wounding two others')
        if same is not None or any(f.start_char <= number_start < f.end_char and f.count == found.count and f.kind == found.kind
                                   for f in combined if id(f) not in read_by_the_parse):
            continue
        parent = None
        if found.sub_figure_of is not None:
            parent_start = found.sub_figure_of - start_of_sentence
            parent = next((i for i, f in enumerate(combined) if f.number_start == parent_start), None)
        combined.append(CasualtyFigure(found.kind, found.count, victims_class(found.victim_word),
                                       found.start_char - start_of_sentence, found.end_char - start_of_sentence,
                                       number_start, is_subset=parent is not None, part_of_index=parent))
        read_by_the_parse.add(id(combined[-1]))
    return combined


def _joined_across_a_conjunction(figure: CasualtyFigure, sent) -> bool:
    """Whether the word patterns joined a number to a kind word across 'and' ('killed two and injured 12')."""
    return re.search(r"\band\b", sent.text[figure.number_start:figure.end_char]) is not None


def _paragraph_speaker(text, sentences, index, attributor):
    """A figure in a sentence without attribution takes the paragraph's earlier attribution."""
    paragraph_start = text.rfind("\n", 0, sentences[index].start_char) + 1
    for earlier in range(index - 1, -1, -1):
        if sentences[earlier].start_char < paragraph_start:
            break
        speaker = attributor.speaker_in(sentences[earlier])
        if speaker:
            return speaker
    return None
