"""A named person killed or hurt is a casualty figure of one: 'X was stabbed to death', 'X succumbed to his
injuries', 'X sustained serious injuries', 'fatally shot X'. The caller finds the people's names; these patterns
read what befell them."""

from __future__ import annotations

import re

from newsfacts.extract.casualties.lexicon import CasualtyFigure
from newsfacts.extract.numbers import Count
from newsfacts.rules import load_rules


# What befell a person or people named before it, in the passive ('was killed', 'were confirmed dead')
_KILLED_OR_HURT = (r"killed|shot\s+dead|stabbed\s+to\s+death|murdered|found\s+dead|(?:pronounced|declared|confirmed)\s+dead|"
                   r"injured|wounded|hurt")
_NAMED_PASSIVE = re.compile(
    # ('was later found dead', 'was also killed': a word or two of when or too between)
    r"^(?:\s*,[^,]{1,100},)?\s+(?:was|has\s+been|had\s+been|is)\s+(?:(?:\w+ly|later|also|then|since|soon)\s+){0,2}"
    rf"(?P<kind>{_KILLED_OR_HURT}|fatally\s+(?:shot|stabbed|wounded)|beheaded|executed|assassinated|abducted|kidnapped|"
    r"reported\s+missing|"
    # 'was shot in the chest and died', 'was struck by a bus and later died'
    r"(?:shot|stabbed|struck|hit|run\s+over)\b[^.,;:\n]{0,50}?\band\s+(?:later\s+)?died)\b",
    re.IGNORECASE,
)

# 'X succumbed to head injuries', 'X, 34, died of his wounds': a death the text puts down to its injuries (not a
# natural death, which is no casualty)
_NAMED_DEATH_OF_INJURIES = re.compile(
    r"^(?:\s*,[^,]{1,100},)?\s+(?:later\s+|subsequently\s+)?(?:succumbed\s+to|died\s+(?:of|from))\s+"
    r"(?:(?:his|her|their|the)\s+)?(?:[a-z-]+\s+){0,2}(?:%s)\b" % "|".join(
        sorted(load_rules("casualties")["grammar"]["injury_nouns"], key=len, reverse=True)),
    re.IGNORECASE,
)
# 'X survived but with burns to 80 per cent of his body', 'X escaped with minor injuries': hurt
# (rules/casualties.toml surviving_verbs, in the past tense)
_NAMED_SURVIVED_HURT = re.compile(
    r"^(?:\s*,[^,]{1,100},)?\s+(?:%s)\s+(?:but\s+)?with\s+(?:[a-z-]+\s+){0,2}(?:%s)\b" % (
        "|".join(v + "d" if v.endswith("e") else v + "ed" for v in load_rules("casualties")["grammar"]["surviving_verbs"]),
        "|".join(sorted(load_rules("casualties")["grammar"]["injury_nouns"], key=len, reverse=True))),
    re.IGNORECASE,
)
# 'X sustained serious injuries', 'X, 19, suffered gunshot wounds': hurt (injuries in the plural: 'suffered a knee
# injury' is a sportsman's)
_NAMED_INJURIES = re.compile(
    r"^(?:\s*,[^,]{1,100},)?\s+(?:also\s+)?(?:sustained|suffered|received)\s+(?:[a-z-]+\s+){0,3}(?:%s)\b" % "|".join(
        sorted((n for n in load_rules("casualties")["grammar"]["injury_nouns"] if n.endswith("s")), key=len, reverse=True)),
    re.IGNORECASE,
)
# 'X, 29, his father Y, 63, and firefighter Z were confirmed dead': the words between two names of a list (an age, a
# comma or 'and', a relation or a trade in lower case)
_BETWEEN_LISTED_NAMES = re.compile(r"^(?:\s*,\s*\d{1,3})?(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:[a-z][\w'-]*\s+){0,3}$")
_LISTED_PASSIVE = re.compile(r"^(?:\s*,\s*\d{1,3},)?\s+(?:were|have\s+been|had\s+been|are)\s+(?:(?:\w+ly|later|also|all|both|then)\s+){0,2}"
                             rf"(?P<kind>{_KILLED_OR_HURT})\b", re.IGNORECASE)
_NAMED_ACTIVE = re.compile(r"\b(?P<kind>killed|fatally\s+shot|shot\s+dead|murdered|assassinated|stabbed\s+to\s+death|wounded|injured)\s+$", re.IGNORECASE)
_NAMED_KIND = {"injured": "injured", "wounded": "injured", "hurt": "injured", "abducted": "missing", "kidnapped": "missing",
               "reported missing": "missing"}


def find_named_victims(text: str, person_spans: list[tuple[int, int]],
                       stated_counts: frozenset[tuple[str, int]] = frozenset()) -> list[CasualtyFigure]:
    """A named person killed or hurt is a figure of one: 'X was stabbed to death', 'fatally shot X'.
    `stated_counts` are the (kind, count) of the figures the text stated before."""
    figures = _listed_names_befallen(text, person_spans, stated_counts)
    for start, end in person_spans:
        if any(f.start_char == start for f in figures):
            continue
        passive = _NAMED_PASSIVE.match(text[end:])
        died = _NAMED_DEATH_OF_INJURIES.match(text[end:end + 200])
        survived = _NAMED_SURVIVED_HURT.match(text[end:end + 200]) or _NAMED_INJURIES.match(text[end:end + 200])
        active = _NAMED_ACTIVE.search(text[max(0, start - 40):start])
        if passive:
            kind_word = " ".join(passive.group("kind").lower().split())
            figures.append(CasualtyFigure(_NAMED_KIND.get(kind_word, "killed"), Count(1, 1, "exact"), "people", start, end + passive.end(), start))
        elif died:
            figures.append(CasualtyFigure("killed", Count(1, 1, "exact"), "people", start, end + died.end(), start))
        elif survived:
            figures.append(CasualtyFigure("injured", Count(1, 1, "exact"), "people", start, end + survived.end(), start))
        elif active:
            kind_word = " ".join(active.group("kind").lower().split())
            verb_start = max(0, start - 40) + active.start()
            figures.append(CasualtyFigure(_NAMED_KIND.get(kind_word, "killed"), Count(1, 1, "exact"), "people", verb_start, end, start))
    return figures


def _listed_names_befallen(text: str, person_spans: list[tuple[int, int]],
                           stated_counts: frozenset[tuple[str, int]]) -> list[CasualtyFigure]:
    """Each name of a list the verb after it tells of is a figure of one: 'X, 29, his father Y, 63, and Z
    were confirmed dead' (the guide's single victims). A list as long as a count of its kind stated before
    ('two people killed ... X and Y were pronounced dead') names the victims of that count: no figure."""
    figures = []
    spans = sorted(person_spans)
    run = spans[:1]
    for span in spans[1:] + [None]:
        if span is not None and _BETWEEN_LISTED_NAMES.match(text[run[-1][1]:span[0]]):
            run.append(span)
            continue
        befell = _LISTED_PASSIVE.match(text[run[-1][1]:]) if len(run) > 1 else None
        if befell:
            kind_word = " ".join(befell.group("kind").lower().split())
            kind = _NAMED_KIND.get(kind_word, "killed")
            if (kind, len(run)) not in stated_counts:
                figures += [CasualtyFigure(kind, Count(1, 1, "exact"), "people", start, end, start) for start, end in run]
        run = [span]
    return figures
