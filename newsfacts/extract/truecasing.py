"""Case restored, for the parser, to articles written all in capitals (old wire copy, monitoring-service
transcripts). spaCy's model finds names by their capitals, so in 'COL MAURICIO VARGAS, MILITARY CHIEF OF
THE REGION' every word looks like a name, or none does.

Each word takes the casing it has most often in running English text: the unigram counts of the
`truecase` package's English model (trained on NLTK's corpora). A word the model never saw is taken
for a name ('MORAZAN' -> 'Morazan') unless it is short, as initials are ('FMLN', '(EFE)').
A sentence's first word is capitalised. The restored text has the original's length, character for
character, so every offset into it is an offset into the article.

The table of words written with a capital (about 30,000) is built once from the installed package
(`make install` does it; otherwise the first all-capitals article does, in a child process, so the
0.4 GB the model takes to read never counts against a pipeline process) and lives in the user's cache
folder, named after the package's version.
"""

from __future__ import annotations

import json
import os
import pickle
import re
import tempfile
from collections import Counter
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from importlib.resources import files
from pathlib import Path

from newsfacts import cache_dir
from newsfacts.built_once import built_in_a_child_process
from newsfacts.extract.dates import MONTHS

_FORMAT = 1  # bump when the table changes
# An article is in capitals when this share of its cased letters are capitals (headlines alone are not).
SHOUTING_SHARE = 0.8
_MIN_LETTERS = 200
# A word is capitalised when most of its uses are ('Monday', 'Baghdad'), not when it is often part of a
# name ('states', 'north', 'president').
CAPITAL_SHARE = 0.8
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# Before a sentence's first word: the end of a sentence, a paragraph break or a dash, then maybe an
# opening quotation mark or bracket.
_SENTENCE_START = re.compile(r"(?:[.!?:\]]['\"’”)]*\s+|\n\s*|^\s*|\s--\s*)[\"“‘(\[]?$")
_VOWELS = set("AEIOUY")
_UPPER, _LOWER = re.compile(r"[A-ZÀ-ÖØ-Þ]"), re.compile(r"[a-zß-öø-ÿ]")
_MONTHS = frozenset(MONTHS.split("|"))
_NUMBER_BESIDE = re.compile(r"\d\s+[^\W\d_]+\b|\b[^\W\d_]+\s+\d")


def table_path() -> Path:
    return cache_dir() / f"truecase-{_package_version()}-v{_FORMAT}.json"


def _package_version() -> str:
    try:
        return version("truecase")
    except PackageNotFoundError:
        return "none"


class _ModelUnpickler(pickle.Unpickler):
    """The model is a pickle of dicts, sets and NLTK FreqDists (Counters): read those, and nothing else,
    without importing NLTK."""

    def find_class(self, module: str, name: str):
        if (module, name) == ("nltk.probability", "FreqDist"):
            return Counter
        if (module, name) in (("builtins", "set"), ("collections", "Counter"), ("collections", "defaultdict")):
            return getattr(__import__(module), name)
        raise pickle.UnpicklingError(f"unexpected {module}.{name} in the truecase model")


def build(path: Path) -> None:
    """Write {lowercase word: its usual casing} for every word not usually written in lowercase."""
    with files("truecase").joinpath("data/english.dist").open("rb") as handle:
        model = _ModelUnpickler(handle).load()
    counts = model["uni_dist"]
    usual = {}
    for lower, casings in model["word_casing_lookup"].items():
        # Capitals throughout come from headlines, except in short acronyms ('NATO').
        written = [c for c in casings if c != lower and c.lower() == lower and len(c) == len(lower) and not c.isupper()]
        capital = max(sorted(written), key=lambda c: counts[c]) if written else None
        if capital and counts[capital] >= CAPITAL_SHARE * (counts[capital] + counts[lower]):
            usual[lower] = capital
        elif len(lower) <= 5 and counts[lower.upper()] > 2 * (counts[lower] + (counts[capital] if capital else 0)):
            usual[lower] = lower.upper()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".json.tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump({"known": sorted(model["word_casing_lookup"]), "capitalised": usual}, out)
    os.replace(temporary, path)


@cache
def _table() -> tuple[frozenset[str], dict[str, str]] | None:
    path = built_in_a_child_process(table_path(), "newsfacts.extract.truecasing", "articles in capitals are parsed as written")
    if path is None:
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return frozenset(data["known"]), data["capitalised"]


def is_shouting(text: str) -> bool:
    """Whether the article is written in capitals (its body, not only a headline or a dateline)."""
    upper, lower = len(_UPPER.findall(text)), len(_LOWER.findall(text))
    return upper + lower >= _MIN_LETTERS and upper >= SHOUTING_SHARE * (upper + lower)


def restore_case(text: str) -> str:
    """`text` with its words in their usual casing when it is written in capitals; otherwise `text`."""
    if not is_shouting(text):
        return text
    table = _table()
    if table is None:
        return text
    from newsfacts.extract.entities import STOP_WORDS, is_given_name

    known, capitalised = table
    words = [m for m in _WORD.finditer(text) if len(m.group().lower()) == len(m.group())]  # 'İ' lowers to two characters
    usual = [m.group() if text[m.start() - 1:m.start()] == "(" and text[m.end():m.end() + 1] == ")" and len(m.group()) <= 6
             else _usual_casing(m.group(), known, capitalised) for m in words]  # '(EFE)': an agency's or a group's initials
    # 'EDUARDO ALAS': the word after a given name is a surname, whatever else it means, here and wherever
    # the article repeats it ('ALAS SAID').
    surnames = {words[i].group().lower() for i in range(1, len(words))
                if usual[i].islower() and usual[i] not in STOP_WORDS and not usual[i - 1].islower()
                and is_given_name(usual[i - 1]) and text[words[i - 1].end():words[i].start()] == " "}
    pieces, last = [], 0
    for match, cased in zip(words, usual):
        if match.group().lower() in surnames or _SENTENCE_START.search(text, max(0, match.start() - 6), match.start()):
            cased = cased[0].upper() + cased[1:]
        elif cased.lower() in _MONTHS and _NUMBER_BESIDE.search(text, max(0, match.start() - 3), match.end() + 3):
            cased = cased[0].upper() + cased[1:]  # '20 MAY 88'
        pieces += [text[last:match.start()], cased]
        last = match.end()
    pieces.append(text[last:])
    restored = "".join(pieces)
    return restored if len(restored) == len(text) else text


def written_as_a_name(word: str) -> bool:
    """Whether English text usually capitalises `word` or never uses it ('Aminu'): a name, not a word."""
    table = _table()
    if table is None:
        return False
    known, capitalised = table
    return word.lower() in capitalised or word.lower() not in known


def is_english_word(word: str) -> bool:
    """Whether English text uses `word` (in any casing)."""
    table = _table()
    return table is not None and word.lower() in table[0]


def _usual_casing(word: str, known: frozenset[str], capitalised: dict[str, str]) -> str:
    lower = word.lower()
    if lower in capitalised:
        return capitalised[lower]
    if lower in known:
        return lower
    if len(word) <= 3 or (len(word) <= 4 and not _VOWELS & set(word.upper())):
        return word  # initials ('FMLN', 'UPI')
    return word[0].upper() + lower[1:]  # a word no English text used: a name


if __name__ == "__main__":
    build(table_path())
