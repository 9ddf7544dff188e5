"""Attack events in single sentences: the attacker is the country whose forces the sentence names nearest
before the attack word, not whoever reports the attack first."""

from __future__ import annotations

import pytest

from newsfacts.extract.events import actor_in, classify_sentence


def _actor(sentence: str) -> str | None:
    _event_type, trigger = classify_sentence(sentence)
    return actor_in(sentence, sentence.lower().find(trigger) + len(trigger))


@pytest.mark.parametrize("sentence, attacker", [
    ("Officials in the capital said Russian forces shelled a village near the border overnight.", "Russia"),
    ("A Ukrainian spokesman told reporters that Russian artillery hit two schools in the district.", "Russia"),
    ("Russia said Ukrainian drones attacked an oil depot in the region on Sunday.", "Ukraine"),
    ("A Syrian monitoring group said Turkish drones struck a convoy on the road to the town.", "Turkey"),
    ("Israeli air strikes hit a school in the south, the Palestinian health ministry said.", "Israel"),
    ("Residents said the shelling of the market lasted for hours.", None),
])
def test_the_attacker_is_the_country_named_nearest_before_the_attack_word(sentence, attacker):
    assert _actor(sentence) == attacker
