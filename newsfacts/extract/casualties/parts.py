"""The parts of a casualty figure: 'including three children' after a figure, linked to it, and ', 23 of them
children' or '; 16 were children' after it, which the sentence patterns do not read."""

from __future__ import annotations

import re

from newsfacts.extract.casualties.lexicon import CasualtyFigure, _lexicon, _victims_in
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


# ' were dead', ' had been injured': a fate of the words for each kind (rules/casualties.toml kinds) after 'N of whom'
_FATE_WORDS = sorted((word for word, kind in _lexicon()[0].items() if " " not in word and kind in ("killed", "injured")),
                     key=len, reverse=True)
_FATE = re.compile(r"\s+(?:were|are|had been|have been)\s+(%s)\b" % "|".join(map(re.escape, _FATE_WORDS)), re.IGNORECASE)


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
        fate = _FATE.match(match.group(rest)) if num != "num3" else None
        if whole is None and fate is not None and count is not None and count.count_min > 0:
            # 'Divers found 11 fishermen, six of whom were dead': the part told a fate is a figure of its own
            found.append(CasualtyFigure(_lexicon()[0][fate.group(1).lower()], count, "people", match.start(num),
                                        match.start(rest) + fate.end(), match.start(num)))
            continue
        if whole is None or count is None or not 0 < count.count_min < whole.count.count_min:
            continue
        words = match.group(rest).split()
        start = match.start(qual) if match.group(qual) else match.start(num)
        found.append(CasualtyFigure(whole.kind, count, (_victims_in(words[0]) if words else None) or "people", start,
                                    match.start(rest) + len(match.group(rest).rstrip()), match.start(num), is_subset=True,
                                    part_of_index=figures.index(whole)))
    return found


# '17 deaths, with eight in Kurmin, five in Dalen and four in Sorby', '33 killed - 32 with the army and one with the
# navy': shares of a figure, each a number and where or with whom, listed after it
_SHARE_OPENING = rf"(?:{NUMBER_PATTERN})\s+(?:in|with|at|from|on)\s+"
_A_SHARE = rf"{_SHARE_OPENING}[^,;:.()]+?"
_SHARES = re.compile(rf"(?<![\w-]){_A_SHARE}(?:,\s+{_A_SHARE})*,?\s+and\s+{_A_SHARE}(?=[,;:.()]|\s+while\b|$)", re.IGNORECASE)
# (each share's number, within a list _SHARES found)
_SHARE_NUMBER = re.compile(rf"(?:^|,\s+|\s+and\s+)(?P<num>{NUMBER_PATTERN})\s+(?:in|with|at|from|on)\s+", re.IGNORECASE)


def shares_of_a_figure(text: str, figures: list[CasualtyFigure]) -> list[CasualtyFigure]:
    """The shares a list after a figure of `text` (a sentence) splits it into, where they add up to it: each a
    sub-figure of that figure (the shares a finder read already are left as they are)."""
    found = []
    for whole in [f for f in figures if f.part_of_index is None and f.kind in ("killed", "injured")]:
        listing = _SHARES.search(text, whole.end_char)
        if listing is None or any(whole.end_char <= f.number_start < listing.start() for f in figures):
            continue
        shares = [(m, parse_count(m.group("num"))) for m in _SHARE_NUMBER.finditer(listing.group())]
        if any(count is None for _m, count in shares) or sum(count.count_min for _m, count in shares) != whole.count.count_min:
            continue
        for share, count in shares:
            start = listing.start() + share.start("num")
            if any(f.number_start == start or f.start_char <= start < f.end_char for f in figures):
                continue
            # (its words end where the next share begins, or with the list)
            end = listing.start() + next((m.start() for m in re.finditer(r",|\s+and\s+|$", listing.group()) if m.start() > share.end()),
                                         len(listing.group()))
            found.append(CasualtyFigure(whole.kind, count, whole.victims or "people", start, end, start, is_subset=True,
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
