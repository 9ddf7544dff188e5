"""All facts of a batch of documents: one spaCy pass, then each extractor over its sentences.

Every row carries its document, its character span into documents.text and the pipeline version.

This package's front reads a document as steps, in the order the extractors depend on each other
(entities first, the places and speakers they give, then casualty figures, quotations and events); the
rows of each table are made in its modules:
    sentence_places    each sentence's places, most specific first (casualty figures' and events' places)
    casualty_rows      the casualty figures of each sentence, one row each, and the period a sentence names
    casualty_merging   one row per figure however often the document repeats it
    quote_rows         the quotations and who speaks each
    quote_speakers     the speaker a quotation's own sentences and paragraphs give
    fact_ids           the ids every fact row is keyed on
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from newsfacts.extract.attribution import Attributor
from newsfacts.extract.facts.casualty_rows import casualty_rows, period_in
from newsfacts.extract.entities import (context_countries, extract_mentions, principal_country, qualify_state_ministries,
                                        resolve_entities)
from newsfacts.extract.events import event_candidate, merge_candidates
from newsfacts.extract.facts.fact_ids import fact_id
from newsfacts.extract.nlp import parse_texts
from newsfacts.extract.facts.quote_rows import quote_rows
from newsfacts.extract.facts.sentence_places import places_of_each_sentence
from newsfacts.extract.translit import name_key
from newsfacts.rules import RulesError

__all__ = ["FACT_TABLES", "FactBatch", "extract_batch", "extract_document", "fact_id", "period_in"]

FACT_TABLES = ("entity_observations", "mentions", "casualties", "quotes", "events")


@dataclass
class FactBatch:
    """Rows per fact table, plus documents whose extraction failed (they load without facts)."""

    rows: dict[str, list[dict]] = field(default_factory=lambda: {t: [] for t in FACT_TABLES})
    failures: list[tuple[str, str]] = field(default_factory=list)  # (doc_id, message)


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
    places_by_sentence = places_of_each_sentence(text, mentions, entities)

    filed_from = {m.surface for m in mentions if m.dateline}
    casualties = casualty_rows(doc_id, text, sentences, sentence_texts, places_by_sentence, _people_by_sentence(mentions),
                               attributor, published, document.get("title"), filed_from)
    sentences_with_figures = {sentence_index_of(c["start_char"]) for c in casualties}
    quotes = quote_rows(doc_id, document["text"], text, doc, sentences, sentence_index_of, attributor)
    events = _event_rows(doc_id, sentences, sentence_texts, places_by_sentence, published, sentences_with_figures)
    return {
        "entity_observations": _entity_observation_rows(doc_id, entities),
        "mentions": _mention_rows(doc_id, document["text"], mentions),
        "casualties": casualties,
        "quotes": quotes,
        "events": events,
    }


def _people_by_sentence(mentions) -> dict[int, list[tuple[int, int]]]:
    """The spans of the people each sentence names (the victims a figure may name), by sentence index."""
    people_by_sentence: dict[int, list[tuple[int, int]]] = {}
    for m in mentions:
        if m.entity_type == "person":
            people_by_sentence.setdefault(m.sentence_index, []).append((m.start_char, m.end_char))
    return people_by_sentence


def _event_rows(doc_id: str, sentences, sentence_texts: list[str], places_by_sentence, published,
                sentences_with_figures: set[int]) -> list[dict]:
    """Each sentence's event candidate, merged where sentences tell of one event, one row each."""
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
    return events


def _entity_observation_rows(doc_id: str, entities) -> list[dict]:
    return [
        {"entity_id": e.entity_id, "canonical_name": e.canonical_name, "entity_type": e.entity_type,
         "aliases": e.aliases, "latitude": e.latitude, "longitude": e.longitude,
         "country_code": e.country_code, "geocode_basis": e.geocode_basis, "role": e.role, "name_key": name_key(e.canonical_name), "doc_id": doc_id}
        for e in entities.values()
    ]


def _mention_rows(doc_id: str, article: str, mentions) -> list[dict]:
    """Each mention, its surface as the article prints it (not as the truecased text the parser read)."""
    return [
        {"doc_id": doc_id, "entity_id": m.entity_id, "surface": article[m.start_char:m.end_char], "start_char": m.start_char,
         "end_char": m.end_char, "sentence_index": m.sentence_index}
        for m in mentions
    ]
