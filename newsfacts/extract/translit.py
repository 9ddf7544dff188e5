"""Spelling keys that survive transliteration: Bohdanenko/Bogdanenko/Bogdanenco, Oleg/Oleh, Zelensky/Zelenskyy.

The key folds the letters that romanisations of Cyrillic (and German/Polish spellings) disagree on,
so two spellings of one name share a key while different names keep different keys.
"""

from __future__ import annotations

import re
from functools import lru_cache
import unicodedata

_FOLDS = [
    (r"kh", "h"),
    (r"(?<=\w)g", "h"),  # Oleg/Oleh, Bogdan/Bohdan; a leading G (Gary) stays
    (r"ie", "e"),
    (r"[yj]", "i"),
    (r"w", "v"),
    (r"ks", "x"),
    (r"ph", "f"),
    (r"ck", "k"),
    (r"c(?=[aou]|$)", "k"),
    (r"ou", "u"),
    (r"(?<=en)c(?=e$)", "s"),  # British and American spellings of a body's name: Defence/Defense, Licence/License
    (r"(?<=i)s(?=ation$)", "z"),  # Organisation/Organization
]


class _WithoutCombiningMarks(dict):
    """A str.translate table that drops combining marks (the accents NFKD splits off), filled as
    characters are first seen: the translation then runs in C, not a Python loop per character."""

    def __missing__(self, codepoint: int) -> int | None:
        kept = None if unicodedata.combining(chr(codepoint)) else codepoint
        self[codepoint] = kept
        return kept


_WITHOUT_COMBINING_MARKS = _WithoutCombiningMarks()


def ascii_fold(text: str) -> str:
    if text.isascii():  # (no accents to split off: most names and most texts)
        return text
    return unicodedata.normalize("NFKD", text).translate(_WITHOUT_COMBINING_MARKS)


_PLAIN_WORD = re.compile(r"[a-z0-9]+")


def plain_words(text: str) -> list[str]:
    """The words of a text without accents, case or punctuation: what two copies of one text share."""
    return _PLAIN_WORD.findall(ascii_fold(text).lower())


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """'Ihor Bohdanenko' and 'Igor Bogdanenco' -> 'ihor bohdanenko' (kept: the rules ask for the same names often)."""
    text = ascii_fold(name).lower()
    text = re.sub(r"[’'`ʼ]", "", text)
    text = re.sub(r"[^a-z\s-]", " ", text).replace("-", " ")
    words = []
    for word in text.split():
        for pattern, replacement in _FOLDS:
            word = re.sub(pattern, replacement, word)
        word = re.sub(r"(.)\1+", r"\1", word)  # doubled letters: Zelenskyy, Kirrby
        word = re.sub(r"i+$", "i", word)
        words.append(word)
    return " ".join(words)


@lru_cache(maxsize=200_000)
def sound_key(name: str) -> str:
    """The consonants of a place name as romanisations write it: 'Maydon Shahr', 'Maidan Shahr' and
    'Maydanshakhr' -> 'mdnsr'; 'Sayed Abad' and 'Saydabad' -> 'sdbd'. The first letter stays, vowels, 'h'
    and the spaces between words do not: romanisations disagree on exactly those."""
    folded = re.sub(r"[^a-z]", "", ascii_fold(name).lower())
    for pattern, replacement in _SOUND_FOLDS:
        folded = folded.replace(pattern, replacement)
    if not folded:
        return ""
    rest = re.sub(r"[aeiouyh]", "", folded[1:])
    return re.sub(r"(.)\1+", r"\1", folded[0] + rest)


# Letters romanisations write differently for one sound: 'Charkiw'/'Kharkiv' keep apart (a first 'C'/'K'
# differs), but 'Wardak'/'Vardak' and 'Qala'/'Kala' meet.
_SOUND_FOLDS = [("ph", "f"), ("ck", "k"), ("q", "k"), ("w", "v"), ("j", "y")]
