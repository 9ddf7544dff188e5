"""People, organisations and places: spaCy's NER, repaired by rules, keyed across spellings.

An entity's id is derived from its type and spelling key, so the same person spelled
Bohdanenko/Bogdanenko/Bogdanenco in different documents and runs gets one id. Within a document a
surname alone ('Smith') joins the full name ('Jane Smith').

This package's front runs the passes in order (extract_mentions) and is what other code imports from;
the passes themselves live in its modules, one concern each: ner (NER's entities read as mentions),
datelines, places_missed and place_repairs (places), people_missed, people_names and not_people
(people), bodies (organisations), retype (labels from the whole text), keys (which mentions are one
entity), resolve with place_qualifiers and namesakes (geocoding), countries (what countries a document
is about) and ministries; with the shared model, vocabulary, given_names, name_clues and place_clues.
"""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS

from newsfacts.extract.entities.bodies import (_bodies_defined_with_their_letters, _bodies_named_beside_their_kind,
                                               _bodies_named_with_a_plural_possessive,
                                               _bodies_named_with_their_country, _bodies_of_two_fields)
from newsfacts.extract.entities.countries import context_countries, principal_country
from newsfacts.extract.entities.datelines import HEADLINE_CHARS, _with_the_datelines
from newsfacts.extract.entities.given_names import given_name_gender, is_given_name, name_gender
from newsfacts.extract.entities.keys import _assign_keys
from newsfacts.extract.entities.ministries import qualify_state_ministries
from newsfacts.extract.entities.model import A_CITY_ANYWHERE, Entity, LABEL_TYPES, Mention, clean_surface, entity_id
from newsfacts.extract.entities.name_clues import POST_DISTRICT, role_of
from newsfacts.extract.entities.ner import _ner_mentions, _with_the_side_word_before
from newsfacts.extract.entities.not_people import (_names_after_the_are_no_people, _outlets_are_no_people,
                                                   _phrases_in_quotation_marks_are_no_people, _streets_are_no_people)
from newsfacts.extract.entities.people_missed import (_people_after_a_noun_for_people, _people_named_in_passing,
                                                      _people_ner_missed, name_given_after)
from newsfacts.extract.entities.people_names import (_given_name_mentions, _given_names_joined_to_persons,
                                                     _given_names_that_speak, _names_taken_for_adverbs,
                                                     _names_with_particles, _people_given_an_age,
                                                     _posts_written_as_initials, _surname_mentions,
                                                     _without_the_rest_of_a_portfolio)
from newsfacts.extract.entities.place_clues import _placed_names, measured_from
from newsfacts.extract.entities.place_qualifiers import FAR_KM, NEAR_DEGREES
from newsfacts.extract.entities.place_repairs import (_area_lists, _cities_and_their_parts, _extend_areas_and_sites,
                                                      _join_bare_names, _named_localities,
                                                      _towns_before_an_abbreviated_division,
                                                      _towns_before_their_offices, _towns_listed_with_places,
                                                      _towns_named_like_people, _towns_of_local_bodies,
                                                      _towns_of_residents)
from newsfacts.extract.entities.places_missed import (_gazetteer_mentions, _hyphened_places,
                                                      _major_cities_of_not_named_like_people,
                                                      _major_cities_of_one_country, _places_after_in_inside_a_name,
                                                      _places_named_with_particles)
from newsfacts.extract.entities.resolve import resolve_entities
from newsfacts.extract.entities.retype import _retype_by_the_whole_text
from newsfacts.extract.entities.vocabulary import organisation_words, person_prefix_words
from newsfacts.extract.nlp import text_of


# What other modules import from here (the tests also import a few of the passes, by their own names).
__all__ = ["A_CITY_ANYWHERE", "FAR_KM", "HEADLINE_CHARS", "LABEL_TYPES", "NEAR_DEGREES", "POST_DISTRICT", "STOP_WORDS", "Entity",
           "Mention", "clean_surface", "context_countries", "entity_id", "extract_mentions", "given_name_gender",
           "is_given_name", "measured_from", "name_gender", "name_given_after", "organisation_words", "person_prefix_words",
           "principal_country", "qualify_state_ministries", "resolve_entities", "role_of"]


def extract_mentions(doc, sentence_index_of, countries: frozenset[str] = frozenset()) -> list[Mention]:
    """Mentions with their type and spelling key; persons' surnames joined to full names in the doc.

    The passes run in a fixed order, each on what the passes before it made of the text: a place found early
    keeps a later pass from taking its name for a person, and the keys come last, once every name is typed."""
    mentions = _ner_mentions(doc, sentence_index_of, countries)
    mentions = _with_the_datelines(doc, sentence_index_of, mentions)
    mentions = _places_ner_cut_or_missed(doc, sentence_index_of, mentions, countries)
    mentions = _people_ner_cut_or_missed(doc, sentence_index_of, mentions, countries)
    # 'In Shegal Kalay, ...': the prepositions that put a name on the map ('from X' and 'at X' also start other phrases)
    placed_in_or_near = _placed_names(text_of(doc), mentions, frozenset({"in", "near", "outside"}))
    _retype_by_the_whole_text(doc, mentions, countries, placed_in_or_near)
    _towns_named_like_people(mentions, placed_in_or_near, countries)
    mentions = _places_and_people_told_apart(doc, sentence_index_of, mentions, countries)
    mentions = _names_made_whole(doc, sentence_index_of, mentions, countries)
    _streets_are_no_people(mentions, placed_in_or_near)
    _assign_keys(text_of(doc), sentence_index_of, mentions)
    return mentions


def _places_ner_cut_or_missed(doc, sentence_index_of, mentions: list[Mention], countries: frozenset[str]) -> list[Mention]:
    """Places whose names NER cut apart, ran into another name or passed over (and a country that ends a body's
    name, which is no place of its own there); then the places the text names in lists, as localities and as
    parts of a city."""
    mentions = _hyphened_places(doc, sentence_index_of, mentions, countries)
    mentions = _places_after_in_inside_a_name(mentions, sentence_index_of, countries)
    mentions = _bodies_named_with_their_country(text_of(doc), mentions)
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
    mentions = _without_the_rest_of_a_portfolio(text_of(doc), mentions)
    _people_after_a_noun_for_people(text_of(doc), mentions, countries)
    return mentions


def _places_and_people_told_apart(doc, sentence_index_of, mentions: list[Mention], countries: frozenset[str]) -> list[Mention]:
    """Towns the text lists, abbreviates or names before their residents, and people it gives an age or names in
    passing; then the names NER takes for people that name no one (outlets, slogans, bodies after 'the')."""
    mentions = _towns_before_an_abbreviated_division(text_of(doc), mentions)
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
