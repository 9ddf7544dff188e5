"""The entity passes as spaCy pipeline components, registered by name (as spaCy's own entity_ruler and
span_ruler are) and run in this order on a parsed document by a pipeline of their own: each reads and
changes the document's mentions, which ride on the Doc while it flows through them.

The order matters: a place found early keeps a later pass from taking its name for a person, and the
keys come last, once every name is typed. The pipeline runs on the whole parsed article (a long one is
parsed in pieces and joined first), inside the extraction of one document, so a pass that fails costs that
document its facts and no other.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language

from newsfacts.extract.entities.bodies import (_bodies_defined_with_their_letters, _bodies_named_beside_their_kind,
                                               _bodies_named_for_their_field, _bodies_named_with_a_plural_possessive,
                                               _bodies_named_with_their_country,
                                               _bodies_of_two_fields)
from newsfacts.extract.entities.datelines import _with_the_datelines
from newsfacts.extract.entities.keys import _assign_keys
from newsfacts.extract.entities.model import Mention
from newsfacts.extract.entities.ner import _ner_mentions
from newsfacts.extract.entities.not_people import (_names_after_the_are_no_people, _outlets_are_no_people,
                                                   _phrases_in_quotation_marks_are_no_people, _streets_are_no_people)
from newsfacts.extract.entities.people_missed import (_people_after_a_noun_for_people, _people_named_in_passing,
                                                      _people_ner_missed)
from newsfacts.extract.entities.people_names import (_given_name_mentions, _given_names_before_a_shared_surname,
                                                     _given_names_joined_to_persons,
                                                     _given_names_that_speak, _names_taken_for_adverbs,
                                                     _names_with_particles, _people_given_an_age,
                                                     _posts_written_as_initials, _spouses_called_by_the_shared_surname,
                                                     _surname_mentions, _two_people_under_one_name,
                                                     _without_the_rest_of_a_portfolio)
from newsfacts.extract.entities.place_clues import _placed_names
from newsfacts.extract.entities.place_repairs import (_area_lists, _cities_and_their_parts, _extend_areas_and_sites,
                                                      _join_bare_names, _named_localities,
                                                      _towns_before_an_abbreviated_division, _towns_before_their_division,
                                                      _towns_before_their_offices, _towns_listed_with_places,
                                                      _towns_named_like_people, _towns_of_local_bodies,
                                                      _towns_of_residents)
from newsfacts.extract.entities.places_missed import (_gazetteer_mentions, _hyphened_places,
                                                      _places_after_in_inside_a_name, _places_named_with_particles)
from newsfacts.extract.entities.retype import _retype_by_the_whole_text
from newsfacts.extract.nlp import text_of



STATE = "newsfacts_entities"  # the key of the mentions' state in Doc.user_data


@dataclass
class _Mentions:
    """What the components pass along on a Doc: its mentions, and what each pass reads besides the parse."""

    sentence_index_of: object
    countries: frozenset[str]
    mentions: list[Mention] = field(default_factory=list)
    placed_in_or_near: object = None


def _ner(doc, state: _Mentions) -> None:
    state.mentions = _ner_mentions(doc, state.sentence_index_of, state.countries)


def _datelines(doc, state: _Mentions) -> None:
    state.mentions = _with_the_datelines(doc, state.sentence_index_of, state.mentions)


def _retype(doc, state: _Mentions) -> None:
    # 'In Shegal Kalay, ...': the prepositions that put a name on the map ('from X' and 'at X' also start other phrases)
    state.placed_in_or_near = _placed_names(text_of(doc), state.mentions, frozenset({"in", "near", "outside"}))
    _retype_by_the_whole_text(doc, state.mentions, state.countries, state.placed_in_or_near)
    _towns_named_like_people(state.mentions, state.placed_in_or_near, state.countries)


def _keys(doc, state: _Mentions) -> None:
    _streets_are_no_people(state.mentions, state.placed_in_or_near)
    _assign_keys(text_of(doc), state.sentence_index_of, state.mentions)


def _rewriting(rewrite):
    """A step that replaces the mentions with what `rewrite(doc, sentence_index_of, mentions, countries)` makes of them."""
    def step(doc, state: _Mentions) -> None:
        state.mentions = rewrite(doc, state.sentence_index_of, state.mentions, state.countries)
    return step


def _places_ner_cut_or_missed(doc, sentence_index_of, mentions: list[Mention], countries: frozenset[str]) -> list[Mention]:
    """Places whose names NER cut apart, ran into another name or passed over (and a country that ends a body's
    name, which is no place of its own there); then the places the text names in lists, as localities and as
    parts of a city."""
    mentions = _hyphened_places(doc, sentence_index_of, mentions, countries)
    mentions = _places_after_in_inside_a_name(mentions, sentence_index_of, countries)
    mentions = _bodies_named_with_their_country(text_of(doc), mentions)
    mentions = _bodies_named_for_their_field(text_of(doc), mentions)
    mentions.extend(_gazetteer_mentions(doc, sentence_index_of, mentions, countries))
    mentions = _places_named_with_particles(doc, mentions, countries)
    mentions = _area_lists(doc, sentence_index_of, mentions)
    mentions.extend(_named_localities(doc, sentence_index_of, mentions))
    return _cities_and_their_parts(doc, sentence_index_of, mentions, countries)


def _people_ner_cut_or_missed(doc, sentence_index_of, mentions: list[Mention], countries: frozenset[str]) -> list[Mention]:
    """People NER passed over, and people's names NER cut short or in two."""
    mentions.extend(_people_ner_missed(doc, sentence_index_of, mentions))
    mentions = _names_with_particles(text_of(doc), mentions)
    mentions = _given_names_joined_to_persons(text_of(doc), mentions)
    mentions = _two_people_under_one_name(doc, mentions)
    _given_names_before_a_shared_surname(text_of(doc), mentions)
    _spouses_called_by_the_shared_surname(text_of(doc), mentions)
    mentions = _without_the_rest_of_a_portfolio(text_of(doc), mentions)
    _people_after_a_noun_for_people(text_of(doc), mentions, countries)
    return mentions


def _places_and_people_told_apart(doc, sentence_index_of, mentions: list[Mention], countries: frozenset[str]) -> list[Mention]:
    """Towns the text lists, abbreviates or names before their residents, and people it gives an age or names in
    passing; then the names NER takes for people that name no one (outlets, slogans, bodies after 'the')."""
    mentions = _towns_before_an_abbreviated_division(text_of(doc), mentions, sentence_index_of)
    mentions = _towns_before_their_division(doc, sentence_index_of, mentions, countries)
    # (after the repairs above, which make places of names NER took for people or bodies)
    mentions.extend(_towns_listed_with_places(doc, sentence_index_of, mentions, countries))
    _people_given_an_age(text_of(doc), mentions)
    mentions.extend(_towns_of_residents(doc, sentence_index_of, mentions, countries))
    _given_names_that_speak(doc, mentions, countries)
    mentions = _people_named_in_passing(doc, sentence_index_of, mentions)
    _outlets_are_no_people(text_of(doc), mentions)
    _names_after_the_are_no_people(doc, mentions)
    mentions = _phrases_in_quotation_marks_are_no_people(text_of(doc), mentions)
    _posts_written_as_initials(mentions)
    return mentions


def _names_made_whole(doc, sentence_index_of, mentions: list[Mention], countries: frozenset[str]) -> list[Mention]:
    """Bodies' names with their kind, their letters or the rest of their name; areas and sites with their kind;
    and the names alone (a surname, a given name, a town of a public body) by which the text names again what
    it named in full."""
    mentions = _bodies_named_beside_their_kind(doc, sentence_index_of, mentions)
    mentions = _bodies_defined_with_their_letters(doc, sentence_index_of, mentions, countries)
    _extend_areas_and_sites(doc, mentions)
    _join_bare_names(doc, sentence_index_of, mentions)
    mentions.extend(_names_taken_for_adverbs(doc, sentence_index_of, mentions))
    mentions.extend(_given_name_mentions(doc, sentence_index_of, mentions))
    mentions.extend(_surname_mentions(doc, sentence_index_of, mentions))
    mentions.extend(_towns_of_local_bodies(sentence_index_of, mentions, countries))
    _towns_before_their_offices(text_of(doc), mentions, countries)
    _bodies_named_with_a_plural_possessive(text_of(doc), mentions)
    return _bodies_of_two_fields(text_of(doc), mentions)


# The components, in the order they run: the names spaCy knows them by, and what each does.
ENTITY_STEPS = (
    ("newsfacts_ner_mentions", _ner),  # NER's entities read as mentions
    ("newsfacts_datelines", _datelines),  # the places a dateline names
    # places NER cut apart, ran together or passed over; people it passed over or cut short
    ("newsfacts_places_ner_missed", _rewriting(_places_ner_cut_or_missed)),
    ("newsfacts_people_ner_missed", _rewriting(_people_ner_cut_or_missed)),
    ("newsfacts_retype_by_the_text", _retype),  # labels the whole text gives a name
    # towns and people told apart, names that name no one; bodies, areas and sites whole, names alone joined
    ("newsfacts_places_and_people_apart", _rewriting(_places_and_people_told_apart)),
    ("newsfacts_names_made_whole", _rewriting(_names_made_whole)),
    ("newsfacts_entity_keys", _keys),  # which mentions are one entity
)
ENTITY_COMPONENTS = tuple(name for name, _step in ENTITY_STEPS)


def _component(step):
    """A spaCy component that runs `step` on the mentions the Doc carries."""
    def component(doc):
        step(doc, doc.user_data[STATE])
        return doc
    return component


for _name, _step in ENTITY_STEPS:
    Language.component(_name, func=_component(_step))


def extract_mentions(doc, sentence_index_of, countries: frozenset[str] = frozenset()) -> list[Mention]:
    """Mentions with their type and spelling key; persons' surnames joined to full names in the doc."""
    doc.user_data[STATE] = _Mentions(sentence_index_of, countries)
    try:
        entity_pipeline(doc.vocab)(doc)
        return doc.user_data[STATE].mentions
    finally:
        del doc.user_data[STATE]


_PIPELINES: dict[int, Language] = {}


def entity_pipeline(vocab) -> Language:
    """The components in order, as a spaCy pipeline that takes a parsed Doc (one per vocabulary, kept)."""
    if id(vocab) not in _PIPELINES:
        pipeline = Language(vocab)
        for name in ENTITY_COMPONENTS:
            pipeline.add_pipe(name)
        _PIPELINES[id(vocab)] = pipeline
    return _PIPELINES[id(vocab)]
