"""What the attribution finder answers with (a Speaker), and the small types its steps pass between them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


@dataclass(frozen=True)
class Speaker:
    name: str  # canonical entity name, or the noun phrase the text uses ('the doctor')
    entity_id: str | None
    institution: bool = False  # an organisation the text describes rather than names ('the national army')
    proper: bool = False  # a proper name the entity recogniser missed (a name tagged as a work of art)


class _Phrase(NamedTuple):
    """Where a phrase lies in the text, for the checks that take a mention."""

    start_char: int
    end_char: int


# What a step of the search for a subject's speaker returns when it does not apply, so that the next step is
# tried; None from a step is an answer (no one speaks), which ends the search.
_UNDECIDED = object()
