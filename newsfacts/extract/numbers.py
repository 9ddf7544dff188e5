"""Counts as news writes them: digits, words, vague amounts, ranges, and the qualifiers around them.

Vague amounts are coded as ACLED codes fatalities: 'tens' -> 10, 'dozens' -> 12, 'hundreds' -> 100.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# Vague plurals, as their lowest count. 'Several', 'many', 'a few' and 'a number of' with no number are
# no figure at all (the annotation guide), so they are not here.
VAGUE = {
    "tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000, "tens of thousands": 10_000,
    "hundreds of thousands": 100_000, "millions": 1_000_000, "several dozen": 24, "a dozen": 12, "dozen": 12,
    # ('several hundred', 'a few thousand': as vague as 'hundreds', 'thousands')
    "several hundred": 100, "a few hundred": 100, "several thousand": 1000, "a few thousand": 1000,
}
# qualifier -> precision
QUALIFIERS = {
    "at least": "at_least", "more than": "at_least", "over": "at_least", "above": "at_least", "upwards of": "at_least",
    "past": "at_least", "greater than": "at_least", "not less than": "at_least", "not fewer than": "at_least",
    "well over": "at_least",
    "in excess of": "at_least", "no fewer than": "at_least", "no less than": "at_least", "a minimum of": "at_least",
    "about": "approximately", "around": "approximately", "approximately": "approximately", "some": "approximately",
    "roughly": "approximately", "an estimated": "approximately", "estimated": "approximately",
    "nearly": "approximately", "almost": "approximately", "close to": "approximately", "just over": "at_least",
    "an average of": "approximately", "on average": "approximately",
    "up to": "at_most", "upto": "at_most", "as many as": "at_most", "as high as": "at_most", "at most": "at_most", "fewer than": "at_most",
    "less than": "at_most", "no more than": "at_most", "not more than": "at_most",
}

# qualifier written after the number, with 'or' ('51 or more', '30 or so') -> the qualifier before it that means the same
QUALIFIERS_AFTER = {"more": "at least", "so": "about"}

_word_number = "|".join(sorted([*UNITS, *TENS, *SCALES, "and", "a"], key=len, reverse=True))
_units_words = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
# Thousands set apart by commas ('300,000') or, as many African and European outlets write them, by spaces ('300 000')
_GROUPED_DIGITS = r"\d{1,3}(?:,\d{3})+|(?<![\d,.])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,])"
NUMBER_PATTERN = (
    rf"(?:{_GROUPED_DIGITS}|\d+)(?:\.\d+)?(?:\s+(?:million|thousand))?"
    rf"|(?:(?:{_units_words})(?:[\s-]+(?:{_word_number}))*(?:\s+dozens?)?)"
    r"|(?:half\s+a\s+million)"
    # 'more than a thousand people', 'a hundred and twenty'
    rf"|(?:a\s+(?:hundred|thousand)(?:[\s-]+(?:and\s+)?(?:{_units_words}))*)"
)
# A date written in numbers ('2020-10-14', '14/10/2020'): none of its parts is a count
_NUMERIC_DATE = re.compile(r"(?<![\d-])(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{2,4})(?![\d-])")


def in_a_numeric_date(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] (a number) is a part of a date written in numbers."""
    window = max(0, start - 6)
    return any(m.start() <= start - window and end - window <= m.end() for m in _NUMERIC_DATE.finditer(text[window:end + 6]))


VAGUE_PATTERN = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in sorted(VAGUE, key=len, reverse=True))
QUALIFIER_PATTERN = "|".join(re.escape(q).replace(r"\ ", r"\s+") for q in sorted(QUALIFIERS, key=len, reverse=True))


@dataclass(frozen=True)
class Count:
    count_min: int
    count_max: int | None
    precision: str


def words_to_int(text: str) -> int | None:
    """'twenty-one' -> 21, 'two hundred and five' -> 205, '1,200' and '1 200' -> 1200, '2.5 million' -> 2500000."""
    text = text.strip().lower().replace("-", " ")
    digits = re.fullmatch(rf"({_GROUPED_DIGITS}|\d+)(\.\d+)?(?:\s+(million|thousand))?", text)
    if digits:
        value = float(re.sub(r"[,\s]", "", digits.group(1)) + (digits.group(2) or ""))
        scale = SCALES.get(digits.group(3) or "", 1)
        return int(value * scale)
    if re.fullmatch(r"half\s+a\s+million", text):
        return 500_000
    total, current, seen = 0, 0, False
    for word in text.split():
        if word in ("and", "a"):
            if word == "a" and not seen:
                current = 1
            continue
        if word in UNITS:
            if current % 100 and (current % 10 or current % 100 < 20):
                return None  # 'two three' is no number ('twenty three' and 'a hundred and three' are)
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in SCALES:
            scale = SCALES[word]
            if scale == 100:
                current = max(current, 1) * 100
            else:
                total += max(current, 1) * scale
                current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_count(number_text: str, qualifier: str | None = None, upper_text: str | None = None) -> Count | None:
    """A Count from the number as written, its qualifier ('at least') and a range's upper bound."""
    cleaned = " ".join(number_text.lower().split())
    dozens = re.fullmatch(r"(a|one|\S+)\s+dozens?", cleaned)  # ('two dozens', as some outlets write it)
    if dozens and (dozens.group(1) in ("a", "one") or words_to_int(dozens.group(1))):
        # 'a dozen', 'two dozen': a round number, coded as approximately 12, 24; 'more than two dozen' as at least 24
        value = 12 * (1 if dozens.group(1) in ("a", "one") else words_to_int(dozens.group(1)))
        precision = QUALIFIERS.get(" ".join(qualifier.lower().split()), "approximately") if qualifier else "approximately"
        return Count(value, value if precision == "at_most" else None, precision)
    if cleaned in VAGUE:
        return Count(VAGUE[cleaned], None, "vague")
    value = words_to_int(cleaned)
    pair = re.fullmatch(r"(\S+?)[\s-]+(\S+)", cleaned)
    if value is None and pair and pair.group(1) in UNITS and pair.group(2) in UNITS and UNITS[pair.group(1)] < UNITS[pair.group(2)]:
        value, upper_text = UNITS[pair.group(1)], pair.group(2)  # 'two-three are badly hurt': two or three
    if value is None:
        return None
    if upper_text:
        upper = words_to_int(upper_text)
        if upper is not None and upper > value:
            return Count(value, upper, "approximately")
    precision = QUALIFIERS.get(" ".join(qualifier.lower().split()), "exact") if qualifier else "exact"
    if precision == "at_least":
        return Count(value, None, precision)
    if precision == "at_most":
        # 'up to 60': the figure stated is 60, and the text supports no more.
        return Count(value, value, precision)
    return Count(value, value, precision)


# 'third' -> 3: ordinals written as words, for running totals ('the sixth fatality', 'a fourth died').
ORDINAL_WORDS = {w: i for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(), start=1)}
