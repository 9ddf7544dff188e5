"""Articles written in capitals are parsed with their case restored; what is stored stays as printed.
Passages written for these tests (none from any corpus)."""

from newsfacts.extract.facts import extract_document
from newsfacts.extract.nlp import parse_texts
from newsfacts.extract.truecasing import is_shouting, restore_case

WIRE = (
    "BOGOTA, 14 MAR 89 (EFE) -- [TEXT] THE ARMY SAID TODAY THAT GUERRILLAS HAD ATTACKED A POLICE POST IN THE TOWN "
    "OF SOGAMOSO, IN BOYACA DEPARTMENT, KILLING FOUR POLICEMEN AND WOUNDING SEVEN CIVILIANS.\n\n"
    "\"THE ATTACK BEGAN AT DAWN AND LASTED FOR THREE HOURS,\" SAID COLONEL ERNESTO QUIJANO, THE COMMANDER OF THE "
    "REGION. HE ADDED THAT THE ATTACKERS HAD ESCAPED TOWARD THE MOUNTAINS.\n\n"
    "RESIDENTS SAID THE GUERRILLAS HAD BURNED TWO BUSES ON THE ROAD TO TUNJA ON 12 MAY."
)


def test_only_an_article_in_capitals_is_restored():
    assert is_shouting(WIRE)
    plain = "The army said on Tuesday that guerrillas had attacked a police post in the town. " * 5
    assert not is_shouting(plain) and restore_case(plain) is plain
    # a headline in capitals over an ordinary body is not an article in capitals
    assert not is_shouting("ARMY SAYS FOUR POLICEMEN KILLED IN ATTACK\n\n" + plain)


def test_the_restored_text_keeps_every_offset():
    restored = restore_case(WIRE)
    assert len(restored) == len(WIRE) and restored.upper() == WIRE.upper()
    assert "The army said today that guerrillas had attacked a police post" in restored
    assert "colonel Ernesto Quijano, the commander of the region" in restored  # names the model never saw
    assert "(EFE)" in restored  # an acronym stays in capitals
    assert "on 12 May." in restored  # a month beside a number


def test_facts_of_an_article_in_capitals(nlp):
    document = {"doc_id": "w", "text": WIRE, "published_date": None}
    facts = extract_document(document, next(parse_texts(nlp, [WIRE])))
    assert [(q["speaker"], q["text"][:16]) for q in facts["quotes"]] == [("Ernesto Quijano", "THE ATTACK BEGAN")]
    assert [(c["kind"], c["count_min"], c["location"]) for c in facts["casualties"]] == [
        ("killed", 4, "Sogamoso"), ("injured", 7, "Sogamoso")]
    placed = {o["canonical_name"]: o["country_code"] for o in facts["entity_observations"] if o["latitude"] is not None}
    assert {"Bogotá", "Sogamoso", "Tunja"} <= set(placed) and set(placed.values()) == {"CO"}
    # a mention is the article's own characters, as printed
    assert all(m["surface"] == WIRE[m["start_char"]:m["end_char"]] for m in facts["mentions"])
