"""People, organisations and places: spaCy's NER, repaired by rules, keyed across spellings.

An entity's id is derived from its type and spelling key, so the same person spelled
Bohdanenko/Bogdanenko/Bogdanenco in different documents and runs gets one id. Within a document a
surname alone ('Smith') joins the full name ('Jane Smith').

This package's front is what other code imports from. The passes run as spaCy components registered by
name, in the order `pipeline.ENTITY_COMPONENTS` gives (extract_mentions); they live in its modules, one
concern each: ner (NER's entities read as mentions),
datelines, places_missed and place_repairs (places), people_missed, people_names and not_people
(people), bodies (organisations), retype (labels from the whole text), keys (which mentions are one
entity), resolve with place_qualifiers and namesakes (geocoding), countries (what countries a document
is about) and ministries; with the shared model, vocabulary, given_names, name_clues and place_clues.
"""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS

from newsfacts.extract.entities.countries import context_countries, principal_country
from newsfacts.extract.entities.datelines import HEADLINE_CHARS
from newsfacts.extract.entities.given_names import given_name_gender, is_given_name, name_gender
from newsfacts.extract.entities.keys import without_a_legal_form
from newsfacts.extract.entities.ministries import qualify_state_ministries
from newsfacts.extract.entities.model import A_CITY_ANYWHERE, Entity, LABEL_TYPES, Mention, clean_surface, entity_id
from newsfacts.extract.entities.name_clues import POST_DISTRICT, role_of, sex_an_honorific_states
from newsfacts.extract.entities.ner import _with_the_side_word_before
from newsfacts.extract.entities.people_missed import _people_after_a_noun_for_people, name_given_after
from newsfacts.extract.entities.pipeline import ENTITY_COMPONENTS, entity_pipeline, extract_mentions
from newsfacts.extract.entities.place_clues import measured_from
from newsfacts.extract.entities.place_qualifiers import FAR_KM, NEAR_DEGREES
from newsfacts.extract.entities.place_repairs import _towns_before_their_offices
from newsfacts.extract.entities.places_missed import _major_cities_of_not_named_like_people, _major_cities_of_one_country
from newsfacts.extract.entities.resolve import resolve_entities
from newsfacts.extract.entities.vocabulary import organisation_words, person_prefix_words

# What other modules import from here (the tests also import a few of the passes, by their own names).
__all__ = ["A_CITY_ANYWHERE", "ENTITY_COMPONENTS", "FAR_KM", "HEADLINE_CHARS", "LABEL_TYPES", "NEAR_DEGREES", "POST_DISTRICT",
           "STOP_WORDS", "Entity", "Mention", "clean_surface", "context_countries", "entity_id", "entity_pipeline",
           "extract_mentions", "given_name_gender", "is_given_name", "measured_from", "name_gender", "name_given_after",
           "organisation_words", "person_prefix_words", "principal_country", "qualify_state_ministries", "resolve_entities",
           "role_of", "sex_an_honorific_states", "without_a_legal_form"]
