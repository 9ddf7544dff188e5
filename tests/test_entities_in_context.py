"""Entity rules that need spaCy's parse: roles, NER repairs, places NER misses, squares within cities."""

import pytest

from newsfacts.extract.entities import context_countries, extract_mentions, is_given_name, resolve_entities


@pytest.fixture
def entities_of(nlp):
    def run(text):
        doc = nlp(text)
        starts = [s.start_char for s in doc.sents]

        def sentence_index_of(position):
            return max(i for i, s in enumerate(starts) if s <= position)

        countries = context_countries(doc)
        mentions = extract_mentions(doc, sentence_index_of, countries)
        entities = resolve_entities(mentions, countries)
        return mentions, {e.canonical_name: e for e in entities.values()}

    return run


def test_roles_stated_with_the_name_are_kept(entities_of):
    _m, entities = entities_of(
        "Ukraine's foreign minister Dmytro Kuleba said the strikes were a war crime. "
        "Oleg Sinehubov, head of the regional administration, said 21 people were killed."
    )
    assert entities["Dmytro Kuleba"].role == "foreign minister"
    assert entities["Oleg Sinehubov"].role == "head of the regional administration"


def test_a_square_is_placed_in_its_city_and_a_sea_is_not(entities_of):
    _m, entities = entities_of("Explosions thundered on Constitution Square in Kharkiv, Ukraine, on Wednesday.")
    square = entities["Constitution Square"]
    assert square.country_code == "UA" and square.latitude is not None and square.geocode_basis == "within Kharkiv"
    _m, entities = entities_of("Ships in the Black Sea fired missiles at Odesa, Ukraine.")
    assert entities["Black Sea"].geocode_basis is None


def test_given_names_repair_labels_and_companies_stay_organisations(entities_of):
    assert is_given_name("Oleksiy") and is_given_name("Diego") and not is_given_name("Maxar") and not is_given_name("Kharkiv")
    mentions, entities = entities_of(
        "Satellite photos from Maxar Technologies show new graves, Maxar said. "
        "Oleksiy Danilov, secretary of the security council, said the plant was still held."
    )
    assert entities["Oleksiy Danilov"].entity_type == "person"
    assert all(m.entity_type == "organization" for m in mentions if m.surface.startswith("Maxar"))


def test_country_abbreviations_and_places_ner_missed(entities_of):
    mentions, entities = entities_of("The US has warned that the offensive has slowed, officials in the U.K. said.")
    assert sorted(m.surface for m in mentions if m.entity_type == "location") == ["U.K.", "US"]
    assert {entities["United States"].country_code, entities["United Kingdom"].country_code} == {"US", "GB"}


def test_a_person_named_like_a_town_stays_a_person(entities_of):
    mentions, _entities = entities_of("Guido Pella lost in straight sets. Pella said he was tired after the long season.")
    assert {m.entity_type for m in mentions if "Pella" in m.surface} == {"person"}


def test_sentences_never_run_across_a_paragraph_break(nlp):
    doc = nlp("“It happens every day. This is a crime. “\n\nThe operation has failed to take any city, officials said.")
    assert all("\n\n" not in sent.text.strip() for sent in doc.sents)
    assert any(sent.text.startswith("The operation") for sent in doc.sents)
