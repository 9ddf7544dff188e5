"""The quick test that spares the casualty and event patterns must never say no to a sentence they match."""

from newsfacts.extract import casualties, events
from newsfacts.extract.phrase_gate import PhraseGate
from newsfacts.rules import load_rules


def _lexicon_phrases() -> list[str]:
    kind_of, active_of, toll_of, _victims, _not_people = casualties._lexicon()
    triggers = [t for event_type in load_rules("events")["event_types"] for t in event_type["triggers"]]
    return [*kind_of, *active_of, *toll_of, *triggers]


def test_every_phrase_of_the_lexicons_opens_the_gate_in_any_case():
    gate = PhraseGate(_lexicon_phrases())
    for phrase in _lexicon_phrases():
        for written in (phrase, phrase.upper(), phrase.title()):
            assert gate.may_contain(f"Officials said on Monday that {written}, according to the report."), written


def test_a_sentence_with_none_of_them_is_turned_away():
    gate = PhraseGate(_lexicon_phrases())
    assert not gate.may_contain("The central bank kept its main interest rate unchanged at 4.5 percent.")
    assert not gate.may_contain("")


def test_a_phrase_needs_its_whole_key_word():
    gate = PhraseGate(["death toll", "killed"])
    assert gate.may_contain("The death toll rose.")
    assert not gate.may_contain("Deathly quiet streets; the tollbooth was closed.")


def test_figures_and_events_read_the_same_with_the_gate():
    sentence = "Three people were killed and 12 injured when a car bomb exploded near a market in the town."
    figures = casualties.find_casualty_figures(sentence)
    assert [(f.kind, f.count.count_min) for f in figures] == [("killed", 3), ("injured", 12)]
    assert events.classify_sentence(sentence) is not None
    assert casualties.find_casualty_figures("The market reopened on Tuesday after the holiday.") == []
    assert events.classify_sentence("The market reopened on Tuesday after the holiday.") is None
