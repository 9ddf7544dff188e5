"""The scorer's held-out split is fixed by rule, and the gold files follow their documented format."""

import json

import pytest
from pathlib import Path

from newsfacts.evaluate import _same_name, load_gold, split_of

GOLD = Path(__file__).parent / "gold"


def test_the_check_split_is_fixed_by_the_file_name_and_never_holds_seeds_or_tuned_files():
    golds, _ = load_gold(GOLD)
    check = [g for g in golds if split_of(g) == "check"]
    assert len(check) >= 15
    assert not any(g["source_file"].startswith("seeds/") or g.get("tuned_before_split") for g in check)
    assert split_of({"source_file": "seeds/000_x.txt"}) == "tune"
    assert split_of({"source_file": "corpus/articles/any.txt", "tuned_before_split": True}) == "tune"
    assert len(load_gold(GOLD, "check")[0]) + len(load_gold(GOLD, "tune")[0]) == len(golds)


def test_every_gold_file_follows_the_format():
    for path in sorted(GOLD.glob("*.json")):
        if path.name == "ALIASES.json":
            continue
        gold = json.loads(path.read_text(encoding="utf-8"))
        assert {"source_file", "casualties", "quotes", "places"} <= gold.keys(), path.name
        for figure in gold["casualties"]:
            assert figure["kind"] in ("killed", "injured"), path.name
            assert figure["precision"] in ("exact", "at_least", "approximately", "at_most", "vague"), path.name
            assert isinstance(figure["count_min"], int) and figure["evidence"], path.name
        for quote in gold["quotes"]:
            assert quote["text_start"] and "kind" not in quote, path.name
        for place in gold["places"]:
            if place.get("place_type") in ("city", "town", "village", "district") and place.get("latitude") is not None:
                assert -90 <= place["latitude"] <= 90 and -180 <= place["longitude"] <= 180, path.name


def test_a_speaker_is_matched_with_or_without_middle_names_and_by_surname_alone():
    assert _same_name("Ivan Petrovych Kurmenko", "Ivan Kurmenko", {})
    assert _same_name("Ivan Kurmenko", "Ivan Petrovych Kurmenko", {})
    assert _same_name("Kurmenko", "Ivan Kurmenko", {})
    assert not _same_name("Olena Kurmenko", "Ivan Kurmenko", {})
    assert not _same_name("Ivan Petrovych", "Ivan Petrovych Kurmenko", {})
    assert not _same_name("Ivan", "Ivan Kurmenko", {})


@pytest.mark.parametrize("predicted,gold,same", [
    ("Chilean Defence Ministry", "Chile's Defense Ministry", True),  # a country's possessive is its adjective; UK/US spelling
    ("Chilean Defence Ministry", "Peru's Defence Ministry", False),
    ("Jan Abu Kurmin", "Sheikh Jan Abu Kurmin", True),  # a title is no part of the name
    ("Jan Kurmin", "Ahmed Kurmin", False),
    ("Kurmin Safety Board", "the Kurmin Safety Board", True),  # an article is no part of a name
    # a body written with or without its nationality is one body, but two nationalities are two
    ("Defence Ministry", "Chilean Defence Ministry", True),
    ("Chilean Ministry of Home Affairs", "Ministry of Home Affairs", True),
    ("Chilean Defence Ministry", "Peruvian Defence Ministry", False),
    ("Red Cross", "Red Crescent", False),
    ("Chilean internal security ministry", "Ministry of Internal Security", True),  # the words of a body in any order
    ("Ministry of Defence", "Ministry of Health", False),
    ("Kurmin Plantations Ltd", "Kurmin Plantations", True),  # a company with or without its legal form
    ("Kurmin Plantations Ltd", "Dalen Plantations", False),
])
def test_speaker_names_compare_as_names(predicted, gold, same):
    assert _same_name(predicted, gold, {}) is same


def test_a_gold_quotation_inside_another_is_matched_with_the_one_that_opens_with_its_words():
    from newsfacts.evaluate import Score, score_quotes

    predicted = [("He said, 'There are more people under the houses,' and drove away.", "Kurma Tadesse"),
                 ("There are more people under the houses,", None)]
    gold = {"quotes": [{"text_start": "He said, 'There are more people", "speaker": "Kurma Tadesse"},
                       {"text_start": "There are more people under the houses", "speaker": None}]}
    found, speakers = Score("quotes found"), Score("quote speakers")
    score_quotes(predicted, gold, {}, found, speakers, "x")
    assert (found.true_positive, speakers.true_positive) == (2, 2)
