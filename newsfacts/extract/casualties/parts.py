"""The parts of a casualty figure: 'including three children' after a figure, linked to it, and ', 23 of them
children' or '; 16 were children' after it, which the sentence patterns do not read."""

from __future__ import annotations

import re

from newsfacts.extract.casualties.lexicon import CasualtyFigure, _victims_in
from newsfacts.extract.numbers import NUMBER_PATTERN, QUALIFIER_PATTERN, parse_count


# ', 23 of them children', ', two of them critically', ', with three of them in a serious condition': a part of
# the figure before it in the sentence, however the parser hangs it.
_PARTITION = re.compile(rf",\s+(?:with\s+)?(?P<qual>(?:{QUALIFIER_PATTERN})\s+)?(?P<num>{NUMBER_PATTERN})\s+of\s+(?:them|whom)\b(?P<rest>[^,;:.()]*)"
                        # ', of whom 12 remain in serious condition'
                        rf"|,\s+of\s+whom\s+(?P<qual2>(?:{QUALIFIER_PATTERN})\s+)?(?P<num2>{NUMBER_PATTERN})\b(?P<rest2>[^,;:.()]*)"
                        # '; 16 were children', ', and two were women', ' and three are civilians' (the people they
                        # were: a word for victims)
                        rf"|(?:[,;]\s+(?:and\s+)?|\s+and\s+)(?P<qual3>(?:{QUALIFIER_PATTERN})\s+)?(?P<num3>{NUMBER_PATTERN})\s+(?:were|are)\s+"
                        rf"(?P<rest3>(?:(?!\s+and\s+(?:{NUMBER_PATTERN})\s+(?:were|are)\b)[^,;:.()])*)",
                        re.IGNORECASE)


def partitions_of_figures(text: str, figures: list[CasualtyFigure]) -> list[CasualtyFigure]:
    """The parts ('N of them ...') that follow a figure of `text` (a sentence) and no finder read, as
    sub-figures of the nearest figure before them that is not itself a part."""
    found = []
    for match in _PARTITION.finditer(text):
        num, qual, rest = next((f"num{n}", f"qual{n}", f"rest{n}") for n in ("", "2", "3") if match.group(f"num{n}"))
        if num == "num3" and not (match.group(rest).split() and _victims_in(match.group(rest).split()[0])):
            continue
        # (read already: its number, or a number inside a whole figure's words; a part's words may run on over the
        # next part, '24 are soldiers and three are civilians')
        if any(f.number_start == match.start(num) or (f.start_char <= match.start(num) < f.end_char and f.part_of_index is None
                                                      and not f.is_subset) for f in figures):
            continue
        whole = next((f for f in sorted(figures, key=lambda f: -f.end_char)
                      if f.end_char <= match.start() and f.part_of_index is None and f.kind in ("killed", "injured")), None)
        count = parse_count(match.group(num), match.group(qual))
        if whole is None or count is None or not 0 < count.count_min < whole.count.count_min:
            continue
        words = match.group(rest).split()
        start = match.start(qual) if match.group(qual) else match.start(num)
        found.append(CasualtyFigure(whole.kind, count, (_victims_in(words[0]) if words else None) or "people", start,
                                    match.start(rest) + len(match.group(rest).rstrip()), match.start(num), is_subset=True,
                                    part_of_index=figures.index(whole)))
    return found


def _link_subsets(figures: list[CasualtyFigure], unlinked: list[CasualtyFigure] | None = None) -> list[CasualtyFigure]:
    """'including three children' takes its kind from, and points to, the figure before it."""
    linked: list[CasualtyFigure] = []
    for figure in figures:
        if figure.is_subset:
            parent = next((i for i in range(len(linked) - 1, -1, -1) if not linked[i].is_subset), None)
            if parent is None:
                if unlinked is not None:
                    unlinked.append(figure)
                continue
            figure.kind = linked[parent].kind
            figure.part_of_index = parent
        linked.append(figure)
    return linked
