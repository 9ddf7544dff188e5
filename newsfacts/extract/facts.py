"""All facts of a batch of documents: one spaCy pass, then each extractor over its sentences.

Every row carries its document, its character span into documents.text and the pipeline version.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from itertools import islice

from newsfacts.extract.attribution import BYLINE_LABEL, REPORTING_LEMMAS, Attributor, Speaker
from newsfacts.extract.casualties import (CasualtyFigure, find_casualty_figures, find_named_victims, partitions_of_figures,
                                           victims_class)
from newsfacts.extract.casualty_grammar import conjoined_counts, find_grammar_figures, lexicon, parts_of_earlier_figures
from newsfacts.extract.numbers import NUMBER_PATTERN, QUALIFIER_PATTERN, parse_count
from newsfacts.extract.dates import date_in_text
from newsfacts.extract.nlp import parse_texts, text_of
from newsfacts.extract.entities import (context_countries, extract_mentions, measured_from, person_prefix_words, principal_country,
                                        qualify_state_ministries, resolve_entities)
from newsfacts.extract.gazetteer import COUNTY_BASIS, DIVISION_BASIS, country_codes, division_holds, geocode, is_county, is_division
from newsfacts.extract.events import event_candidate, merge_candidates
from newsfacts.extract.quotes import find_quotes
from newsfacts.extract.translit import name_key
from newsfacts.rules import RulesError, load_rules

FACT_TABLES = ("entity_observations", "mentions", "casualties", "quotes", "events")
_PERIOD = re.compile(
    r"\b(?:over|in|during|within|for)\s+the\s+(past|last|previous)\s+((?:\d+|\w+)\s+)?(hours?|days?|weeks?|months?|years?|night|weekend)\b"
    r"|\b(so far this (?:year|month|week)|so far|to date)\b"
    r"|\b(since (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|then|the (?:start|beginning|outbreak) of the \w+"
    r"|the \w+ (?:began|started|broke out|fell)|\w+ \d{4}))\b",
    re.IGNORECASE,
)


@dataclass
class FactBatch:
    """Rows per fact table, plus documents whose extraction failed (they load without facts)."""

    rows: dict[str, list[dict]] = field(default_factory=lambda: {t: [] for t in FACT_TABLES})
    failures: list[tuple[str, str]] = field(default_factory=list)  # (doc_id, message)


def fact_id(*parts) -> str:
    return hashlib.sha1("|".join(str(p) for p in parts).encode()).hexdigest()[:16]


def extract_batch(documents: list[dict], nlp, pipeline_version: str, run_id: str) -> FactBatch:
    batch = FactBatch()
    for document, doc in zip(documents, parse_texts(nlp, [d["text"] for d in documents])):
        try:
            facts = extract_document(document, doc)
        except RulesError:
            raise  # a broken rules file breaks every document: the run stops and says which file
        except Exception as exc:  # one bad document must not stop the batch
            batch.failures.append((document["doc_id"], f"{type(exc).__name__}: {exc}"))
            continue
        for table, rows in facts.items():
            for row in rows:
                row["pipeline_version"] = pipeline_version
                row["run_id"] = run_id
            batch.rows[table].extend(rows)
    return batch


def period_in(text: str) -> str | None:
    match = _PERIOD.search(text)
    if not match:
        return None
    if match.group(1):
        amount = (match.group(2) or "").strip()
        return " ".join(filter(None, ["past", amount, match.group(3).lower()]))
    return (match.group(4) or match.group(5)).lower()


def extract_document(document: dict, doc) -> dict[str, list[dict]]:
    doc_id, published = document["doc_id"], document.get("published_date")
    # What the parser read: the article, or for one written in capitals the article with its case restored
    # (truecasing; the same length, so every offset holds). Kept with the doc: spaCy's doc.text joins every
    # token again on each call.
    text = doc.user_data.setdefault("newsfacts_text", document["text"])
    sentences = list(doc.sents)
    sentence_texts = [text[s.start_char:s.end_char] for s in sentences]  # Span.text joins its tokens on every call
    sentence_starts = [s.start_char for s in sentences]

    def sentence_index_of(position: int) -> int:
        return max(bisect_right(sentence_starts, position) - 1, 0)

    countries = context_countries(doc)
    mentions = extract_mentions(doc, sentence_index_of, countries)
    entities = resolve_entities(mentions, countries, text)
    country = principal_country(doc, mentions)  # whose 'Interior Ministry' and 'the military' the text means
    qualify_state_ministries(entities, mentions, text, country)
    attributor = Attributor(doc, mentions, entities, country)
    places_by_sentence = _places_by_sentence(text, mentions, entities)

    people_by_sentence: dict[int, list[tuple[int, int]]] = {}
    for m in mentions:
        if m.entity_type == "person":
            people_by_sentence.setdefault(m.sentence_index, []).append((m.start_char, m.end_char))
    filed_from = {m.surface for m in mentions if m.dateline}
    casualties = _casualties(doc_id, text, sentences, sentence_texts, places_by_sentence, people_by_sentence, attributor,
                             published, document.get("title"), filed_from)
    sentences_with_figures = {sentence_index_of(c["start_char"]) for c in casualties}

    quotes = []
    previous: tuple | None = None  # (speaker, end_char) of the quote before
    quotations = find_quotes(document["text"])  # a quotation's words as the article prints them
    attributor.set_quotations([(q.start_char, q.end_char) for q in quotations])
    # a reaction round-up's quotations, each signed on the line after it: the line before signs the one before
    signed_after = attributor.quotations_signed_after([(q.start_char, q.end_char) for q in quotations])
    attributed_in_place: list[bool] = []  # whether each quotation's speaker is named in or beside it
    for q in quotations:
        signer = attributor.signed_speaker(q.end_char) if signed_after and _alone_on_its_line(text, q) else None
        if signer is not None:
            speaker = signer
        elif previous is not None and previous[0] is not None and (_PRONOUN_BETWEEN.fullmatch(text, previous[1], q.start_char)
                                                                 or _names_between(doc, previous, q.start_char)) \
                and not _names_another_after(doc, q, previous[0]):
            # '"...," she said. "..."', '"...," said Jane Doe from her porch. "..."': the one attributed between
            # two quotations of a paragraph speaks both
            speaker = previous[0]
        else:
            speaker = attributor.labelled_speaker(q.start_char) or _quote_speaker(q, doc, sentences, sentence_index_of, attributor)
        attributed_in_place.append(speaker is not None and (speaker.entity_id is not None or speaker.proper)
                                   and not _alone_on_its_line(text, q))
        if speaker is None:  # '"..." / Jane Doe, EU foreign policy chief': signed on the line after
            speaker = attributor.signed_speaker(q.end_char)
        if speaker is None:  # '"...." That was the view of X': named after, before any continuation
            speaker = attributor.lede_speaker(q.start_char, q.end_char, phrases_only=True)
        if speaker is None:  # an interviewer's question between two quotations changes who speaks
            speaker = attributor.interview_answer_speaker(q.start_char, q.end_char)
        if speaker is None and previous is not None and _quote_paragraph_follows(text, q, previous[1], attributor, previous[0]):
            speaker = previous[0]  # a paragraph that is only a quotation goes on the quote before it
        if speaker is None:
            speaker = attributor.lede_speaker(q.start_char, q.end_char)
        previous = (speaker, q.end_char)
        # A tweet's author and an institution the text describes ('the national army') are names too.
        named = speaker is not None and (speaker.entity_id is not None or q.tweet_author is not None
                                         or speaker.institution or speaker.proper)
        quotes.append({
            "quote_id": fact_id(doc_id, "quote", q.start_char),
            "doc_id": doc_id,
            "speaker": _without_article(speaker.name) if named else None,
            "speaker_entity_id": speaker.entity_id if named else None,
            "speaker_description": speaker.name if speaker is not None and not named else None,
            "text": q.text,
            "start_char": q.start_char,
            "end_char": q.end_char,
            "quote_group_id": None,  # set by the warehouse build, across documents
        })
    _echoes_take_their_speaker(quotes, attributed_in_place)

    candidates = []
    for index, sent in enumerate(sentences):
        cand = event_candidate(sentence_texts[index], sent.start_char, places_by_sentence.get(index, []), published,
                               index in sentences_with_figures)
        if cand:
            candidates.append(cand)
    events = []
    for cand in merge_candidates(candidates):
        events.append({
            "event_id": fact_id(doc_id, "event", cand.start_char),
            "doc_id": doc_id,
            "event_type": cand.event_type,
            "event_date": cand.event_date,
            "event_date_precision": cand.event_date_precision,
            "location": cand.location,
            "location_surface": cand.location_surface,
            "weapons": cand.weapons,
            "targets": cand.targets,
            "actor": cand.actor,
            "event_weekday": cand.weekday,
            "start_char": cand.start_char,
            "end_char": cand.end_char,
            "cluster_id": None,  # set by the warehouse build, across documents
        })

    return {
        "entity_observations": [
            {"entity_id": e.entity_id, "canonical_name": e.canonical_name, "entity_type": e.entity_type,
             "aliases": e.aliases, "latitude": e.latitude, "longitude": e.longitude,
             "country_code": e.country_code, "geocode_basis": e.geocode_basis, "role": e.role, "name_key": name_key(e.canonical_name), "doc_id": doc_id}
            for e in entities.values()
        ],
        "mentions": [
            {"doc_id": doc_id, "entity_id": m.entity_id, "surface": document["text"][m.start_char:m.end_char], "start_char": m.start_char,
             "end_char": m.end_char, "sentence_index": m.sentence_index}
            for m in mentions
        ],
        "casualties": casualties,
        "quotes": quotes,
        "events": events,
    }


def _casualties(doc_id, text, sentences, sentence_texts, places_by_sentence, people_by_sentence, attributor, published,
                title: str | None = None, filed_from: frozenset[str] = frozenset()) -> list[dict]:
    """The document's casualty figures, one row each. `filed_from` are the surfaces of the dateline's places."""
    headline_end = len(title) if title and text[:len(title)].lower() == title.lower() else 0
    rows: list[dict] = []
    for index, sent in enumerate(sentences):
        sentence = sentence_texts[index]
        unlinked: list[CasualtyFigure] = []
        figures = find_casualty_figures(sentence, unlinked)
        people = [(s - sent.start_char, e - sent.start_char) for s, e in people_by_sentence.get(index, [])]
        figures += [f for f in find_named_victims(sentence, people)
                    if not any(g.start_char <= f.number_start < g.end_char for g in figures)]
        figures = _with_grammar_figures(figures, sent)
        figures += partitions_of_figures(sentence, figures)
        figures += _conjoined_parts(figures, sent)
        figures = _gapped_counts(figures, sentence)
        parts = _parts_of_earlier_figures(doc_id, rows, figures, sent, sentences[max(0, index - 5)].start_char)
        rows += parts + _included_in_parts(doc_id, unlinked, parts, sent)
        if not figures:
            continue
        speaker = attributor.speaker_in(sent) or _paragraph_speaker(text, sentences, index, attributor)
        places = places_by_sentence.get(index, []) or _paragraph_places(text, sentences, index, places_by_sentence)
        when, _precision = date_in_text(sentence, published)
        ids = []
        for figure in figures:
            start, end = sent.start_char + figure.start_char, sent.start_char + figure.end_char
            ids.append(fact_id(doc_id, "casualty", start, end, figure.kind))
            place = _place_of(figure, figures, sentence, places)
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
    # the people a single victim's figure names ('Jan Doe was killed', later 'the strike killed Jan Doe')
    people = [m for m in attributor.mentions if m.entity_type == "person"]
    named = {row["fact_id"]: frozenset(m.entity_id for m in people if row["start_char"] <= m.start_char < row["end_char"])
             for row in rows if row["count_min"] == 1 and row["count_max"] == 1}
    return _one_row_per_figure(_the_hurt_who_died(rows, text), text, headline_end, named)


def _place_of(figure, figures: list, sentence: str, places: list[tuple[str, str]]) -> tuple[str, str] | None:
    """Where a figure was counted: the place its own words name ('300 in Kurmin' in a list of counts by place),
    else the sentence's (or paragraph's) most specific place that no other figure's words name."""
    own_words = sentence[figure.start_char:figure.end_char]
    others = [sentence[f.start_char:f.end_char] for f in figures if f.start_char >= figure.end_char or f.end_char <= figure.start_char]
    return next(((name, surface) for name, surface in places if surface in own_words),
                next(((name, surface) for name, surface in places if not any(surface in words for words in others)), None))


@cache
def _the_one_told_of() -> re.Pattern:
    """'The man', 'The victim', 'He': the first words of a figure about a single victim the text told of before (the
    grammar's nouns for people, rules/casualties.toml)."""
    nouns = "|".join(re.escape(n) for n in sorted(lexicon().person_nouns, key=len, reverse=True))
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


def _sentences_between(text: str, start: int, end: int) -> int:
    return len(re.findall(r"[.!?][\"”’]?\s", text[start:end]))


def _paragraph_places(text: str, sentences, index: int, places_by_sentence) -> list:
    """'In Vesnik, a drone hit a substation. Three people were killed.': a sentence that names no place
    happened where the sentences before it in its paragraph did."""
    for earlier in range(index - 1, -1, -1):
        if "\n" in text[sentences[earlier].end_char:sentences[earlier + 1].start_char] or "\n" in text[sentences[earlier].start_char:sentences[earlier].end_char].strip():
            return []
        if places_by_sentence.get(earlier):
            return places_by_sentence[earlier]
    return []


def _parts_of_earlier_figures(doc_id: str, rows: list[dict], figures: list, sent, since: int) -> list[dict]:
    """'Eleven of them were children' after '30 people were killed': a sub-figure of the latest earlier
    figure (within five sentences) it can be part of."""
    found = []
    for part in parts_of_earlier_figures(sent):
        if any(sent.start_char + f.number_start == part.start_char for f in figures):
            continue  # the sentence's own finders read it
        whole = next((r for r in reversed(rows) if since <= r["start_char"] < sent.start_char and r["part_of"] is None
                      and r["kind"] in ("killed", "injured") and (part.kind is None or r["kind"] == part.kind)
                      and r["count_min"] > part.count.count_min and (part.whole is None or r["count_min"] == part.whole)), None)
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
_PLACE_WORDS = r"(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:(?:and|de|la|el)\s+)?(?:[A-Z][\w'’-]*|district|province|village|town|city|county|state))*"
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
        if same is not None or any(f.start_char <= number_start < f.end_char and f.count == found.count for f in combined):
            continue
        parent = None
        if found.sub_figure_of is not None:
            parent_start = found.sub_figure_of - start_of_sentence
            parent = next((i for i, f in enumerate(combined) if f.number_start == parent_start), None)
        combined.append(CasualtyFigure(found.kind, found.count, victims_class(found.victim_word),
                                       found.start_char - start_of_sentence, found.end_char - start_of_sentence,
                                       number_start, is_subset=parent is not None, part_of_index=parent))
    return combined


def _joined_across_a_conjunction(figure: CasualtyFigure, sent) -> bool:
    """Whether the word patterns joined a number to a kind word across 'and' ('killed two and injured 12')."""
    return re.search(r"\band\b", sent.text[figure.number_start:figure.end_char]) is not None


def _country_names() -> frozenset[str]:
    return frozenset(country_codes())


def _one_holds_the_other(one: str, other: str) -> bool:
    """Whether one location is too wide to tell two reports of a figure apart from the other: a country, a part of
    one the text names by its compass point ('northeast Kurmistan'), a state or province, or the county or US state
    the other lies in."""
    def holds(wide: str, narrow: str) -> bool:
        area, place = geocode(wide), geocode(narrow)
        if wide in _country_names() or (area is not None and area.kind == "region" and area.basis.startswith("part of ")
                                         and area.basis.removeprefix("part of ") in _country_names()):
            return True
        if is_division(area) and not is_county(area):
            return True  # (a state or province, as a country, is too wide to tell two reports of one figure apart)
        if is_county(area) and place is not None and division_holds(area, place):
            return True
        return area is not None and place is not None and area.kind == "state" and place.kind == "city" \
            and (place.country_code, place.admin1) == (area.country_code, area.admin1)

    return holds(one, other) or holds(other, one)


def _places_by_sentence(text, mentions, entities) -> dict[int, list[tuple[str, str]]]:
    """Each sentence's places as (canonical, surface), most specific first: a city named after
    'in'/'near'/'on' before a country, and the dateline last. A site inside a city ('Constitution Square')
    stands for its city. A country not introduced by a preposition is an actor ('Russia has been accused'), not a place."""
    ranked: dict[int, list[tuple[tuple, str, str]]] = {}
    for order, m in enumerate(sorted(mentions, key=lambda m: m.start_char)):
        if m.entity_type != "location" or m.in_a_body_name or measured_from(text, m.start_char):
            # (the town of 'the Kurmin Police said' is where the police serve, not where things happened, and the
            # town of '60 km north of Kurmin' is where a distance is measured from)
            continue
        entity = entities[m.entity_id]
        after_preposition = bool(_LOCATIVE.search(text[max(0, m.start_char - 20):m.start_char]))
        # Countries, US states and counties: too broad to place an event when a city is named.
        is_broad = entity.place_kind in ("country", "state", "county") or entity.geocode_basis in (DIVISION_BASIS, COUNTY_BASIS) \
            or (entity.latitude is None and entity.country_code is not None)
        if is_broad and not after_preposition:
            continue
        name = entity.canonical_name
        if entity.geocode_basis and entity.geocode_basis.startswith("within "):
            name = entity.geocode_basis.removeprefix("within ")
        # (a dateline names where the story was filed: its sentence's other places say where things happened,
        # and so do they where a place is the owner of a body: 'Kurmin's civil defence said')
        # ('taken to the Kurmin district hospital': where the hurt went, which may not be where they were hurt)
        owner = text.startswith(("'s ", "’s "), m.end_char) or bool(_care_facility().match(text, m.end_char))
        rank = (m.dateline, is_broad, owner, not after_preposition, order)
        ranked.setdefault(m.sentence_index, []).append((rank, name, m.surface))
    return {i: [(name, surface) for _r, name, surface in sorted(items)] for i, items in ranked.items()}


@cache
def _care_facility() -> re.Pattern:
    """What follows a town that names a hospital or mortuary ('Kurmin district hospital', 'Dalen General Hospital')."""
    words = "|".join(map(re.escape, load_rules("entities")["care_facility_words"]))
    # (the words between are the hospital's own, not a clause's: 'Kurmin were in hospital' is not one)
    between = r"(?:\s+(?!(?:in|to|at|on|the|a|an|and|or|but|was|were|is|are|had|has|have|been|of|for|with|from|by|into)\b)[\w'’-]+)"
    return re.compile(r"%s{0,2}?\s+(?:%s)\b" % (between, words), re.IGNORECASE)


_LOCATIVE = re.compile(r"\b(?:in|near|on|at|outside|over|of|across|around|into|from|to|towards|toward)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+)?$")


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




@cache
def _another_incident_patterns() -> tuple[re.Pattern, re.Pattern]:
    rules = load_rules("casualties")["another_incident"]
    opener = re.compile(r"(?:%s)\b" % "|".join(map(re.escape, rules["sentence_openers"])), re.IGNORECASE)
    added = re.compile(r"(?:\b(?:%s)\s+$)|(?:^[\w-]+\s+(?:%s)\b(?!\s+than))" % (
        "|".join(map(re.escape, rules["before_the_number"])), "|".join(map(re.escape, rules["after_the_number"]))), re.IGNORECASE)
    return opener, added


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


def _one_row_per_figure(rows: list[dict], text: str = "", headline_end: int = 0,
                        named: dict[str, frozenset[str]] | None = None) -> list[dict]:
    """The same figure repeated in a document is one fact, whoever states it (the annotation guide): keep its
    best-attributed statement. Equal figures at two different places ('two killed in A', later 'two killed in B') stay apart, and
    so do single victims told apart by their own words ('a man was shot dead', later 'a man was killed'):
    the finders read a single victim only where the text introduces one ('a', 'another', 'his brother'), or
    names one (`named`: the person entities each single victim's figure names, by fact id)."""
    named = named or {}
    def evidence(row) -> str:
        return " ".join(text[row["start_char"]:row["end_char"]].lower().split())

    def headline(row) -> bool:
        # A headline states the body's figure in fewer words: no place, no source, 'man' for 'passenger'.
        return row["start_char"] < headline_end

    def heading(row) -> bool:
        # a short line without a full stop over a paragraph ('Kurmin: two hurt in shelling')
        end = text.find("\n", row["start_char"])
        line = text[text.rfind("\n", 0, row["start_char"]) + 1:end if end >= 0 else len(text)].strip()
        return len(line) <= 100 and not line.endswith((".", "!", "?", '"', "”", "’"))

    def same_person(a, b) -> bool:
        # The headline's single victim is the one the body tells of ('Man stabbed to death on train'), and
        # a bare 'one' ('one died') or 'the' ('the man died') points back at a victim already told of.
        back_reference = any(re.match(r"(?:one\b(?! of)|the\b)", evidence(r)) for r in (a, b))
        return (a["count_max"] != 1 or a["count_min"] != 1 or not text or headline(a) or headline(b)
                or back_reference or evidence(a) == evidence(b)
                or bool(named.get(a["fact_id"], frozenset()) & named.get(b["fact_id"], frozenset())))

    def score(row) -> int:
        return sum(row[k] is not None for k in ("reported_by", "reported_by_description", "period", "location"))

    def same_place(one, other) -> bool:
        a, b = one["location"], other["location"]
        return (a is None or b is None or a == b or _one_holds_the_other(a, b)
                or ((one.get("located_by_dateline", False) or other.get("located_by_dateline", False))
                    and one["precision"] == other["precision"]))

    def same_victims(a, b) -> bool:
        # 'a child died' and 'a migrant died' are two people; '14 people' and '14 civilians' may be one figure.
        return a is None or b is None or a == b or "people" in (a, b)

    def apart(a, b) -> bool:
        # One sentence states a figure once: 'a shell killed three, a second left three dead', 'two died in
        # the cab and the other two on the road', 'four in one village and four in the next' are two figures each.
        # (two finders' readings of one figure overlap)
        return a.get("sentence_start") is not None and a.get("sentence_start") == b.get("sentence_start") \
            and (a["end_char"] <= b["start_char"] or b["end_char"] <= a["start_char"])

    another = {id(row): bool(text) and _another_incident(row, rows, text) for row in rows}

    def told_apart(kept, row) -> bool:
        # the text tells of `row` as another incident than those before, unless `kept` is the headline or
        # heading that told of it first
        return another[id(row)] and not (headline(kept) or headline(row) or heading(kept))

    def paragraph(row) -> tuple[int, str]:
        start = text.rfind("\n", 0, row["start_char"]) + 1
        end = text.find("\n", row["end_char"])
        return start, " ".join(text[start:end if end >= 0 else len(text)].split())

    def repeated(earlier, row) -> bool:
        # A paragraph the page prints twice (a lead repeated under a dateline) states its figures once,
        # wherever each copy's dateline places them. (The figures compared first: most pairs differ there.)
        if (earlier["kind"], earlier["count_min"], earlier["victims"]) != (row["kind"], row["count_min"], row["victims"]):
            return False
        (start, one), (other_start, other) = paragraph(earlier), paragraph(row)
        shorter, longer = sorted((one, other), key=len)
        return start != other_start and len(shorter) >= 40 and shorter in longer and evidence(earlier) == evidence(row)

    survivors: list[dict] = []
    for i, row in enumerate(rows):
        if any(repeated(earlier, row) for earlier in rows[:i]):
            continue
        twin = next((kept for kept in survivors
                     if not apart(kept, row) and not told_apart(kept, row)
                     and (kept["kind"], kept["count_min"], kept["part_of"] is not None) == (row["kind"], row["count_min"], row["part_of"] is not None)
                     and (kept["part_of"] is None or kept["victims"] == row["victims"])
                     and (headline(kept) or (same_place(kept, row)
                                             and same_victims(kept["victims"], row["victims"])))
                     and (kept["precision"] == "vague") == (row["precision"] == "vague")
                     and same_person(kept, row)), None)
        if twin is None:
            survivors.append(row)
            continue
        if score(row) > score(twin):
            survivors[survivors.index(twin)] = row
            row, twin = twin, row
        if twin.get("located_by_dateline") and row["location"] is not None and not row.get("located_by_dateline"):
            twin.update(location=row["location"], located_by_dateline=False)  # the place a sentence names it at
    ids = {r["fact_id"] for r in survivors}
    for r in rows:
        r.pop("located_by_dateline", None)
    for r in survivors:
        if r["part_of"] and r["part_of"] not in ids:
            r["part_of"] = _replacement_parent(r, rows, survivors)
    return sorted(survivors, key=lambda r: r["start_char"])


def _replacement_parent(row, rows, survivors):
    """A subset whose parent was merged into an equal figure elsewhere points at the kept one."""
    parent = next((r for r in rows if r["fact_id"] == row["part_of"]), None)
    if parent is None:
        return None
    for kept in survivors:
        if kept["kind"] == parent["kind"] and kept["count_min"] == parent["count_min"] and kept["part_of"] is None:
            return kept["fact_id"]
    return None


def _without_article(name: str) -> str:
    return re.sub(r"^(?:the|The)\s+", "", name)


def _quote_paragraph_follows(text: str, quote, previous_end: int, attributor=None, speaker=None) -> bool:
    """The quotation is a paragraph of its own and the paragraph before it ends in a quotation, or it ends
    its paragraph right after an earlier quotation and its attribution ('"A," X wrote. "B."'), or one or two
    short paragraphs that bring in no one else lie between ('"...," she says.  She laughs.  "..."', an
    interviewer's question)."""
    paragraph_start = text.rfind("\n", 0, quote.start_char) + 1
    paragraph_end = text.find("\n", quote.end_char)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    to_the_end = not text[quote.end_char:paragraph_end].strip(" \"“”'‘’«».,")
    if previous_end > paragraph_start:
        # (or a longer aside between that brings in no other person: '"...," Doe told me. The Kurm, whom the army
        # accuses of ..., are herders. "...."')
        return to_the_end and (len(text[previous_end:quote.start_char]) < 150 or (
            attributor is not None and len(text[previous_end:quote.start_char]) < 400
            and not attributor.brings_in_someone(previous_end, quote.start_char, people_only=True, besides=speaker)))
    alone = to_the_end and not text[paragraph_start:quote.start_char].strip(" \"“”'‘’«»")
    if alone and not re.search(r"[.!?…,;:-]\W*$", text[quote.start_char:paragraph_end]):
        return False  # a subheading ("'The ground moved like a wave'"), not the next of someone's words
    between = text[previous_end:paragraph_start]
    if not alone:
        return False
    if between.count("\n\n") <= 1 and len(between.strip()) < 200:
        return True
    return (attributor is not None and between.count("\n\n") <= 3 and len(between.strip()) < 300
            and not attributor.brings_in_someone(previous_end, paragraph_start))


def _alone_on_its_line(text: str, quote) -> bool:
    """A quotation with nothing else on its line (a subheading, or a paragraph of quoted words alone):
    its speaker comes from the sentences around it, not from its own."""
    line_start = text.rfind("\n", 0, quote.start_char) + 1
    line_end = text.find("\n", quote.end_char)
    rest = text[line_start:quote.start_char] + text[quote.end_char:line_end if line_end >= 0 else len(text)]
    return not rest.strip(" \"“”'‘’«».,:;")


def _words_in_order(few: list[str], many: list[str]) -> bool:
    """Whether `many` holds the words of `few` in the same order, other words between them allowed."""
    remaining = iter(many)
    return all(word in remaining for word in few)


def _echoes_take_their_speaker(quotes: list[dict], attributed_in_place: list[bool]) -> None:
    """A headline or a subheading quotes words of a statement the article prints in full ("'I saw the
    truck just fold'" over '"I saw the truck in front of me just fold," he said'): when nothing beside the
    short quote names its speaker, it is the speaker of the quotation (as long or longer) that holds its words in order,
    or of the one whose words it begins with."""
    words = [re.findall(r"\w+", q["text"].lower()) for q in quotes]
    for index, quote in enumerate(quotes):
        if attributed_in_place[index] or len(words[index]) < 4:
            continue
        # (or the quotation its words begin with, cut short by its attribution: "'We heard them knocking on the roofs.
        # Then it stopped'" over '"We heard them knocking on the roofs," said Jane Doe. "..."')
        holders = [(attributed_in_place[j], other) for j, other in enumerate(quotes) if j != index and other["speaker"]
                   and (len(words[j]) >= len(words[index]) and _words_in_order(words[index], words[j])
                        or len(words[j]) >= 5 and words[index][:len(words[j])] == words[j])]
        # the quotation whose speaker is named beside it, else one that continues a named speaker's words
        holders = [other for in_place, other in holders if in_place] or [other for _in_place, other in holders]
        if holders and len({h["speaker_entity_id"] or h["speaker"] for h in holders}) == 1:
            for column in ("speaker", "speaker_entity_id", "speaker_description"):
                quote[column] = holders[0][column]


# Between two quotations of one paragraph, only a pronoun and its verb ('," she said. "', '," he added, "')
# '," said Jane Doe from the porch of her house. "': one clause of one line, no other quotation in it
_ONE_CLAUSE_BETWEEN = re.compile(r"[ ,.!?…”\"’'»]*([^\n“\"‘«».!?]{1,240}?)[.:;] *[“\"‘'«]? *")


def _names_between(doc, previous: tuple, start: int) -> bool:
    """Whether the words between the quotation before and the one at `start` are its attribution, a reporting
    verb first, which names its speaker ('," said Jane Doe from her porch. "')."""
    between = _ONE_CLAUSE_BETWEEN.fullmatch(text_of(doc), previous[1], start)
    span = doc.char_span(between.start(1), between.end(1), alignment_mode="expand") if between else None
    return span is not None and len(span) > 1 and span[0].lemma_.lower() in REPORTING_LEMMAS \
        and previous[0].name.split()[-1] in between.group(1)


# ('," he said, per the Kurmin Star. "', '," she told Kurmin Radio. "': the outlet, the one name allowed between)
_PRONOUN_BETWEEN = re.compile(r"[ ,.!?…”\"’'»]*(?:he|she|they)\b(?:[^\n“\"‘«»A-Z]|\b(?:per|to|told|with) (?:the )?[A-Z][\w&.'’-]*"
                              r"(?: [A-Z][\w&.'’-]*){0,3}){0,60}[.,:;—–-] *[“\"‘'«]? *")


def _quote_speaker(quote, doc, sentences, sentence_index_of, attributor):
    if quote.tweet_author:
        author = re.sub(r"[^\w\s.'’-]", "", quote.tweet_author).strip()
        return attributor.entity_called(author, people_only=False) or Speaker(author, None)
    span = (quote.start_char, quote.end_char)
    first, last = sentence_index_of(quote.start_char), sentence_index_of(max(quote.end_char - 2, quote.start_char))  # the closing mark can belong to the next sentence
    paragraph_start = text_of(doc).rfind("\n", 0, quote.start_char) + 1
    lead_in = text_of(doc)[paragraph_start:quote.start_char].rstrip()
    named = _named_before_a_headline_quote(lead_in, attributor) if lead_in.endswith(":") else None
    if named is not None:
        # 'Jane Doe: "..."', a caption's, a subheading's or a transcript's way to give the speaker; but in a
        # broadcast transcript the reporter's line quotes the person interviewed ('DOE, BYLINE: "...," she
        # says'), and a name after the quotation ('"...," Roe says') speaks whoever's line it is
        subject = _subject_of_a_reporting_clause_after(doc, quote)
        if subject is not None and subject.pos_ == "PROPN":
            named = None
        elif _a_reporters_label(text_of(doc), named, attributor):
            return _label_of_the_lines_before(text_of(doc), paragraph_start, named, attributor) or named
        else:
            return named
    # 'X said: "..."' names the speaker before the quotation; otherwise look after it first ('"...," X said').
    if lead_in.endswith((":", ",")) and lead_in[:-1].strip():
        order = [sentence_index_of(paragraph_start + len(lead_in) - 1), first, last]
    else:
        order = [last, first]
    for index in dict.fromkeys([*order, min(last + 1, len(sentences) - 1), max(first - 1, 0)]):
        sent = sentences[index]
        if index > last and text_of(doc)[quote.end_char:sent.start_char].count("\n"):
            continue  # a following sentence counts only within the quote's paragraph
        if index > last and attributor.quotation_within(sent.start_char, sent.end_char, besides=span):
            continue  # ('... one of the "most lovable people". Jan Roe wrote: "..."': its verb reports its own quotation)
        if index > last and _reports_a_clause_of_its_own(sent, quote.end_char):
            continue  # ('"... It was not clear how it started." Jan Roe said officers ran to the scene': what Roe said)
        if index < first and not text_of(doc)[sent.start_char:quote.start_char].rstrip().endswith((":", ",")):
            if text_of(doc)[sent.end_char:quote.start_char].count("\n"):
                continue
        speaker = attributor.speaker_in(sent, exclude=span)
        if speaker:
            return speaker
    return _named_after_it_without_a_verb(doc, quote, attributor) \
        or _introducer(doc, quote, lead_in, paragraph_start, sentence_index_of, sentences, attributor, span) \
        or _named_after_a_headline_quote(text_of(doc), quote, lead_in, attributor) \
        or _speaker_of_the_paragraph_before(doc, quote, lead_in, paragraph_start, sentence_index_of, sentences, attributor) \
        or _person_the_lead_in_brings_in(doc, lead_in, paragraph_start, sentence_index_of, sentences, attributor)


_COMMA_AFTER_A_QUOTE = re.compile(r",?[ \t]*")


def _named_after_it_without_a_verb(doc, quote, attributor):
    """'"...," Jan Doe, a regional police officer.': a person named right after the quotation, with no verb in what
    follows up to the sentence's end (the reporting verb left out), speaks."""
    text = text_of(doc)
    start = _COMMA_AFTER_A_QUOTE.match(text, quote.end_char).end()
    mention = attributor.mention_at(start, start + 1)
    if mention is None or mention.start_char != start or mention.entity_type != "person":
        return None
    end = text.find(".", mention.end_char)
    line_end = text.find("\n", mention.end_char)
    if end < 0 or (0 <= line_end < end) or not (text[mention.end_char:mention.end_char + 1] in (".", ",")):
        return None
    if attributor.verbs_between(mention.end_char, end):
        return None
    return attributor.person_named_at(start)


def _speaker_of_the_paragraph_before(doc, quote, lead_in, paragraph_start, sentence_index_of, sentences, attributor):
    """'Jan Doe said he was at the market when the shelling began. He and others ran for a cellar.' and then a
    paragraph of nothing but a quotation: the person whose words the paragraph before reported speaks on (a
    person the text names, in one of its last two sentences)."""
    text = text_of(doc)
    if paragraph_start == 0 or not _alone_on_its_line(text, quote):
        return None
    before = len(text[:paragraph_start].rstrip()) - 1
    paragraph_before = text.rfind("\n", 0, before) + 1
    last = sentence_index_of(before)
    for index in range(last, max(last - 2, -1), -1):
        sent = sentences[index]
        if index < last and sent.start_char < paragraph_before:
            break  # (within that paragraph)
        reported = any(t.lemma_.lower() in REPORTING_LEMMAS and t.pos_ == "VERB" and t.idx < quote.start_char for t in sent)
        speaker = attributor.speaker_in(sent) if reported else None
        if speaker is not None:
            return speaker if speaker.entity_id and attributor.entities[speaker.entity_id].entity_type == "person" else None
    return _person_the_paragraph_before_brings_in(doc, paragraph_before, paragraph_start, sentence_index_of, sentences, attributor)


def _person_a_passage_brings_in(doc, start: int, end: int, sentence_index_of, sentences, attributor):
    """The living person a passage of at most three sentences without quotations brings in by name as the subject of
    its first sentence (or by the name that opens it, where the parser found its root no subject: 'Jane Doe, 29, who
    ..., was'; by a name set beside the subject: 'Its chairman, Jane Doe,'; or as the 'he', 'she' or title that stands
    for someone named before), with the passage's first and last sentences; or None."""
    if any(mark in text_of(doc)[start:end] for mark in '"“”«»'):
        return None
    first, last = sentence_index_of(start), sentence_index_of(max(start, end - 2))
    if last - first > 2:
        return None
    opening = sentences[first]
    subject = next((c for c in opening.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    subject = subject if subject is not None else opening[0]
    mention = attributor.mention_at(subject.idx, subject.idx + len(subject))
    if mention is None:  # 'Its chairman, Jane Doe, was blunt.': the name in apposition to the subject
        mention = next((m for c in subject.children if c.dep_ == "appos"
                        for m in [attributor.mention_at(c.idx, c.idx + len(c))] if m is not None), None)
    if mention is None and (subject.lower_ in ("he", "she") or subject.pos_ == "NOUN"):
        # 'He did not expect surprises.', 'The captain talked about ...': the person 'he' or the title stands for
        speaker = attributor.speaker_of_token(subject)
        if speaker is not None and speaker.entity_id:
            mention = next((m for m in reversed(attributor.mentions) if m.entity_id == speaker.entity_id
                            and m.start_char < subject.idx), None)
    if mention is None or mention.entity_type != "person" or attributor.dead(mention.entity_id):
        return None
    return mention, first, last


def _person_the_paragraph_before_brings_in(doc, paragraph_before: int, paragraph_start: int, sentence_index_of, sentences, attributor):
    """'Jane Doe lives a block away. Last night she went out for dinner.' and then a paragraph of nothing but a
    quotation: the one person a short paragraph without quotations brings in speaks (a feature's way of giving a
    witness the word), where it names no one else."""
    brought = _person_a_passage_brings_in(doc, paragraph_before, paragraph_start, sentence_index_of, sentences, attributor)
    if brought is None:
        return None
    mention = brought[0]
    people = {m.entity_id for m in attributor.mentions
              if m.entity_type == "person" and paragraph_before <= m.start_char < paragraph_start}
    return attributor.person_named_at(mention.start_char) if people <= {mention.entity_id} else None


def _person_the_lead_in_brings_in(doc, lead_in: str, paragraph_start: int, sentence_index_of, sentences, attributor):
    """'Jane Doe, 44, buried her son on the hill. "He only wanted to work."': the person the sentences before a
    quotation in its own paragraph bring in (or the last of them alone: 'The council met. Its chairman, Jane Doe,
    was blunt.') speaks, without a verb of saying, where no one else is the subject of a sentence there."""
    if not lead_in.strip() or lead_in[-1] not in ".!?":
        return None
    end = paragraph_start + len(lead_in)
    brought = _person_a_passage_brings_in(doc, paragraph_start, end, sentence_index_of, sentences, attributor) \
        or _person_a_passage_brings_in(doc, sentences[sentence_index_of(end - 2)].start_char, end, sentence_index_of,
                                       sentences, attributor)  # 'The council met. Its chairman, Jane Doe, was blunt. "…"'
    if brought is None:
        return None
    mention, first, last = brought
    subjects = {m.entity_id for index in range(first, last + 1) for c in sentences[index].root.children if c.dep_ in ("nsubj", "nsubjpass")
                for m in [attributor.mention_at(c.idx, c.idx + len(c))] if m is not None and m.entity_type in ("person", "organization")}
    return attributor.person_named_at(mention.start_char) if subjects <= {mention.entity_id} else None


# 'Montoya: ', 'Jane Doe: ' at the start of a line, before a quotation
_NAME_AND_COLON = re.compile(r"([A-ZÀ-Þ][\w'’-]+(?: [A-ZÀ-Þ][\w'’-]+){0,3})\s*:\s*[\"“‘'«]?\s*")


def _named_before_a_headline_quote(lead_in: str, attributor):
    """'Montoya: "We were robbed in broad daylight"': a line that opens with a person's name (or surname)
    and a colon before a quotation gives that person's words."""
    match = _NAME_AND_COLON.fullmatch(lead_in)
    return attributor.entity_called(match.group(1)) if match else None


def _reports_a_clause_of_its_own(sent, after: int) -> bool:
    """Whether a sentence after a quotation is reported speech of its own: its main reporting verb has a clause
    for its object ('Jan Roe said officers ran to the scene'), which is what it reports."""
    root = sent.root
    return root.idx >= after and root.lemma_.lower() in REPORTING_LEMMAS \
        and any(c.dep_ == "ccomp" and c.idx > root.idx for c in root.children)


def _names_another_after(doc, quote, speaker) -> bool:
    """'"...," said Jane Doe. "...," says Jon Roe': the quotation's own reporting clause names someone else."""
    subject = _subject_of_a_reporting_clause_after(doc, quote)
    if subject is None or subject.pos_ != "PROPN":
        return False
    name = " ".join(t.text for t in subject.subtree if t.pos_ == "PROPN")
    return speaker.name.split()[-1] not in name


def _subject_of_a_reporting_clause_after(doc, quote):
    """The subject of a reporting verb written right after a quotation ('"...," she says'), or None."""
    after = doc.char_span(quote.end_char, min(len(text_of(doc)), quote.end_char + 40), alignment_mode="expand")
    if after is None:
        return None
    for token in after:
        if "\n" in token.text:
            return None  # (the next line is another's)
        if token.lemma_.lower() in REPORTING_LEMMAS and token.pos_ in ("VERB", "AUX"):
            return next((c for c in token.children if c.dep_ == "nsubj" and c.idx >= quote.end_char), None)
    return None


def _a_reporters_label(text: str, named, attributor) -> bool:
    """Whether the person a line's 'NAME:' gives is the transcript's reporter."""
    return named.entity_id is not None and any(
        (reporter := attributor.entity_called(match.group(1).title())) is not None and reporter.entity_id == named.entity_id
        for match in BYLINE_LABEL.finditer(text))


def _label_of_the_lines_before(text: str, paragraph_start: int, reporter, attributor, lines: int = 3):
    """The person whose 'NAME:' opens one of the last few lines before, other than the reporter's: in a
    transcript the reporter quotes the one who spoke just before ('ROE: (Speaking Spanish).')."""
    end = paragraph_start
    for _ in range(lines):
        start = text.rfind("\n", 0, max(end - 1, 0)) + 1
        line = text[start:end].strip()
        match = re.match(r"([A-ZÀ-Þ][\w'’-]+(?: [A-ZÀ-Þ][\w'’-]+){0,3}):", line)
        speaker = attributor.entity_called(match.group(1)) if match else None
        if speaker is not None and speaker.entity_id != reporter.entity_id:
            return speaker
        if start == 0:
            return None
        end = start
    return None


_AFTER_A_HEADLINE_QUOTE = re.compile(r"\s*[:—–-]\s+")


def _named_after_a_headline_quote(text: str, quote, lead_in: str, attributor):
    """'"I left as a refugee": Dr. Ifrah Nur on rebuilding the hospital', '"We will rebuild" - Mayor Jane
    Doe': a quotation that opens its line, then a colon or a dash and a person's name (after an honorific
    or a title, if any), is that person's."""
    gap = _AFTER_A_HEADLINE_QUOTE.match(text, quote.end_char)
    if lead_in.strip() or gap is None:
        return None
    for word in islice(re.finditer(r"\S+", text[gap.end():gap.end() + 60]), 3):
        speaker = attributor.person_named_at(gap.end() + word.start())
        if speaker is not None:
            return speaker
        if word.group().lower().rstrip(".") not in person_prefix_words():
            return None
    return None


def _introducer(doc, quote, lead_in, paragraph_start, sentence_index_of, sentences, attributor, span):
    """'Mr. Smith put it this way: "..."': a clause that ends in a colon before the quotation (in its own
    paragraph or the one before) introduces its subject as the speaker, whatever its verb."""
    text = text_of(doc)
    if lead_in.endswith(":"):
        colon = paragraph_start + len(lead_in) - 1
    elif not lead_in.strip(" \"“”'‘’«»") and text[:paragraph_start].rstrip().endswith(":"):
        colon = len(text[:paragraph_start].rstrip()) - 1
    else:
        return None
    sent = sentences[sentence_index_of(colon)]
    root = sent.root
    if root.idx > colon:
        # 'The minister was blunt: "..."', where the parser made the quotation's verb the root and hung the clause
        # before the colon on it: that clause's own head
        root = next((t for t in sent if t.idx < colon and t.head.idx > colon and t.pos_ in ("VERB", "AUX")), root)
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and root.idx < colon:
        # 'Shaking her head, Jane Doe, who has lived there for years, echoed her neighbours: "..."', the parser hanging the
        # name on the words before it: the one person the clause names
        return attributor.only_person_between(sent.start_char, root.idx)
    if subject is None or subject.idx >= colon:
        return None
    speaker = attributor.speaker_of_token(subject, exclude=span)
    return speaker if speaker is not None and (speaker.entity_id or speaker.institution) else None
