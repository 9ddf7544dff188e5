"""Where a mention or a token stands: inside a quotation or after it, after a preposition, under a picture as its
credit, how deep in its sentence's parse, and where the paragraph before it lies. Small tests the attribution steps
share.
"""

from __future__ import annotations

from newsfacts.extract.attribution.words import _PICTURE_CREDIT_BEFORE


def _credited_for_a_picture(text: str, mention) -> bool:
    """'(AFP: Jan Doe)', 'Photo: Jan Doe/Reuters': a person named as a picture's photographer."""
    return mention.entity_type == "person" and bool(_PICTURE_CREDIT_BEFORE.search(text, max(0, mention.start_char - 45), mention.start_char)) \
        and text[mention.end_char:mention.end_char + 1] in (")", "/", "\n", "")


def _before_the_quotation(position: int, exclude: tuple[int, int] | None) -> int:
    """Where the quotation `exclude` starts when `position` follows it ('"...," she said'), else `position`:
    what the sentences before say is read from there."""
    return exclude[0] if exclude is not None and exclude[0] < position else position


def _after_a_preposition(text: str, position: int) -> bool:
    """Whether the word before `position` is a preposition of place or time ('In Kabul, ...')."""
    words = text[max(0, position - 12):position].split()
    return bool(words) and words[-1].lower() in ("in", "at", "from", "near", "inside", "outside")


def _inside(mention, exclude: tuple[int, int] | None) -> bool:
    """The mention lies in the quotation `exclude`: a name in someone's words is not who speaks them."""
    return exclude is not None and exclude[0] <= mention.start_char < exclude[1]


def _depth(token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:  # spaCy makes a new Token object on each access
        token, depth = token.head, depth + 1
    return depth


def _paragraph_before(text: str, position: int) -> tuple[int, int]:
    """Where the paragraph before the one holding `position` begins and ends ((0, 0) for the first paragraph)."""
    own_start = text.rfind("\n", 0, position) + 1
    before_end = len(text[:own_start].rstrip())
    return (text.rfind("\n", 0, before_end) + 1 if before_end else 0), before_end
