"""Spelling keys: which mentions of a document are one person or one body. A surname or a given name
alone joins the one full name it fits, two spellings of one given name are one person, another name the text
gives a person is that person; letters, a body's noun or its first word alone join the full name of the body.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from newsfacts.extract.entities.bodies import _DEFINED_ACRONYM, _are_letters
from newsfacts.extract.entities.given_names import is_given_name, name_gender
from newsfacts.extract.entities.model import Mention
from newsfacts.extract.entities.name_clues import sex_an_honorific_states
from newsfacts.extract.entities.vocabulary import _RULES, organisation_words
from newsfacts.extract.gazetteer import country_codes, demonyms, province_country
from newsfacts.extract.translit import name_key
from newsfacts.extract.truecasing import is_english_word, written_as_a_name
from newsfacts.rules import outlet_aliases


# A word for a body of a state in an organisation's name: 'Interior Ministry', 'National Police' (rules/entities.toml)
_STATE_BODY = re.compile(rf"\b(?:{'|'.join(_RULES['state_body_words'])})\b", re.IGNORECASE)


def _assign_keys(text: str, sentence_index_of, mentions: list[Mention]) -> None:
    """Every mention's spelling key: people's first (a name alone joins a full name), then every other mention's
    own, which a body's letters, its noun or its first word alone then join to the full name."""
    _assign_person_keys([m for m in mentions if m.entity_type == "person"], text)
    _people_called_by_another_name(text, sentence_index_of, mentions)
    for mention in mentions:
        if mention.entity_type == "organization":
            mention.key = without_a_legal_form(name_key(mention.surface))
        elif mention.entity_type != "person":
            mention.key = name_key(mention.place_query or mention.surface)
    _acronyms_to_full_names(mentions, text)
    _body_nouns_to_full_names(mentions)
    _short_names_to_full_names(mentions)
    _state_bodies_with_their_country(mentions)


# A company's legal form after its name (rules/entities.toml company_legal_forms), in lower case
_LEGAL_FORM_LAST = re.compile(r"(?<=\S) (?:%s)$" % "|".join(re.escape(f) for f in sorted(_RULES["company_legal_forms"], key=len, reverse=True)))


def without_a_legal_form(name: str) -> str:
    """'kurmin knitwear' for 'kurmin knitwear ltd' (a name in lower case): a company is one with or without its
    legal form."""
    return _LEGAL_FORM_LAST.sub("", name)


# ' of Chile', ' of the Philippines': a country after a body's name
_OF_A_COUNTRY = re.compile(r"(.+) of (?:the )?([A-Z].*)")


def _state_bodies_with_their_country(mentions: list[Mention]) -> None:
    """A body of a state is one with the country the text names it with once: a bare 'Interior Ministry' in a
    text that names the Algerian Interior Ministry is that one (where the text names only one such); so is any
    body of two words or more named once with its country's adjective ('Red Cross' after 'the Lebanese Red Cross')."""
    organisations = [m for m in mentions if m.entity_type == "organization"]
    bodies = [m for m in organisations if _STATE_BODY.search(m.surface) or len(m.key.split()) >= 2]
    qualified = {m.key for m in organisations if any(w.lower() in demonyms() for w in m.surface.split()[:2])}
    # ... or with 'of' and the country after it ('the National Police of Chile')
    of_a_country = {(m.key, name_key(written.group(1))) for m in bodies for written in [_OF_A_COUNTRY.fullmatch(m.surface)]
                    if written and written.group(2) in country_codes()}
    for mention in bodies:
        longer = {k for k in qualified if k.endswith(" " + mention.key)} | {k for k, body in of_a_country if body == mention.key}
        if len(longer) == 1:
            mention.key = longer.pop()


def _acronyms_to_full_names(mentions: list[Mention], text: str = "") -> None:
    """'IOM' is the 'International Organization for Migration' the document names: an organisation
    written in capitals is the one organisation of the document whose capitalised words it abbreviates, or the
    one the text defined it as ('the Kurmin Unity Brigades (BUK)', whatever language the letters come from). Letters
    that spell a state or province the text names, and no news agency's name, are that place ('MP' for Madhya
    Pradesh)."""
    defined: dict[str, str] = {}
    for mention in mentions:
        if mention.entity_type == "organization" and not mention.surface.isupper() and len(mention.surface.split()) >= 2:
            letters = _DEFINED_ACRONYM.match(text, mention.end_char)
            if letters and _are_letters(letters.group(1)):
                defined.setdefault(letters.group(1).replace(".", ""), mention.key)
    for mention in mentions:
        acronym = mention.surface.replace(".", "")
        if acronym in defined and not mention.dateline:
            mention.entity_type, mention.key = "organization", defined[acronym]  # (whatever NER made of the letters)
    by_initials: dict[str, set[str]] = {}
    for mention in mentions:
        words = mention.surface.split()
        if mention.entity_type == "organization" and len(words) >= 2 and not mention.surface.isupper():
            for initials in _initials(mention.surface):
                by_initials.setdefault(initials, set()).add(mention.key)
    divisions: dict[str, set[str]] = {}  # 'KS' for 'Kurmin State': a state's initials, as a text writes them
    for mention in mentions:
        words = mention.surface.split()
        if mention.entity_type == "location" and len(words) >= 2 and all(w[:1].isupper() for w in words) \
                and province_country(mention.surface):
            divisions.setdefault("".join(w[0] for w in words), set()).add(mention.surface)
    for mention in mentions:
        acronym = mention.surface.replace(".", "")
        if mention.entity_type == "organization" and acronym.isalpha() and acronym.isupper() and 2 <= len(acronym) <= 7 \
                and acronym not in defined:
            full = by_initials.get(acronym, set())
            if len(full) == 1:
                mention.key = next(iter(full))
            elif not full and len(divisions.get(acronym, ())) == 1 and acronym.lower() not in outlet_aliases() \
                    and acronym not in _INTERNATIONAL_BODY_LETTERS:
                mention.entity_type, mention.place_query = "location", next(iter(divisions[acronym]))


# Letters of bodies the world knows by them ('UN', 'NATO'): never a state's initials ('UN' is no 'Upper Nile')
_INTERNATIONAL_BODY_LETTERS = frozenset(_RULES["international_body_letters"])


def _initials(name: str) -> set[str]:
    """The letters a body's name may be written short as: the first of each capitalised word, and the same with
    the letters of a short word in capitals written whole ('UNVMC' for the 'UN Verification Mission in Colombia')."""
    words = [w for w in re.split(r"[\s-]+", name) if w[:1].isupper()]
    forms = {"".join(w[0] for w in words), "".join(w if w.isupper() and w.isalpha() and len(w) <= 3 else w[0] for w in words)}
    return {f for f in forms if len(f) >= 2}


def _bodies_by_their_nouns(mentions: list[Mention]) -> dict[str, list[Mention]]:
    """The nouns for a body ('observatory', 'council') in the names of the document's organisations of two words
    or more, each with the mentions of those organisations."""
    found: dict[str, list[Mention]] = {}
    for mention in mentions:
        words = mention.surface.split()
        if mention.entity_type == "organization" and len(words) >= 2:
            for word in words:
                if word.lower() in organisation_words():
                    found.setdefault(word.lower(), []).append(mention)
    return found


def _body_nouns_to_full_names(mentions: list[Mention]) -> None:
    """'the Observatory' is the 'Kurmin Observatory for Human Rights' the document names: an organisation
    written as one noun for a body is the one organisation of the document whose name holds that noun."""
    holding = {noun: {m.key for m in bodies} for noun, bodies in _bodies_by_their_nouns(mentions).items()}
    for m in mentions:  # ('the Chronicle' for the 'Kurmin Valley Chronicle': a common noun that ends a name as well)
        if m.entity_type == "organization" and len(m.surface.split()) >= 2 and m.surface.split()[-1][:1].isupper() \
                and is_english_word(m.surface.split()[-1].lower()) and not written_as_a_name(m.surface.split()[-1].lower()):
            holding.setdefault(m.surface.split()[-1].lower(), set()).add(m.key)
    for mention in mentions:
        if mention.entity_type == "organization" and " " not in mention.surface and not mention.surface.isupper() \
                and len(holding.get(mention.surface.lower(), ())) == 1:
            mention.key = next(iter(holding[mention.surface.lower()]))


def _short_names_to_full_names(mentions: list[Mention]) -> None:
    """'Gulfmark said' after 'Gulfmark Polymers', 'Shelter' after 'Shelter International': an organisation written
    later by the first word of the one organisation named in full before it that opens with that word."""
    full = [m for m in mentions if m.entity_type == "organization" and len(m.key.split()) >= 2]
    for mention in mentions:
        if mention.entity_type != "organization" or " " in mention.key or mention.surface.isupper():
            continue
        # ('Shelter' for 'Shelter International', but not 'Defense' for the 'Defense Ministry': a common word
        # before a word for a body says what the body does, and any body's name may open with it)
        opening = {m.key for m in full if m.key.split()[0] == mention.key
                   and not (is_english_word(mention.surface) and m.surface.split()[-1].lower() in organisation_words())}
        longest = max(opening, key=len, default="")
        if all((longest + " ").startswith(key + " ") for key in opening):
            opening = {longest} if longest else opening  # ('Kwena Platinum' in a headline, then 'Kwena Platinum Holdings')
        if len(opening) == 1 and any(m.start_char < mention.start_char for m in full if m.key.split()[0] == mention.key):
            mention.key = next(iter(opening))


# 'Everyone in the market calls him "Kurmo Dal"', 'Jan Doe, known to all as "Kurmo"', 'nicknamed "Kurmo"': another
# name for the person named just before (a name in quotation marks, or one after 'calls him')
_ANOTHER_NAME = re.compile(
    r"\b(?:call(?:s|ed)?\s+(?:him|her)\s+[\"“‘']?|(?:known|referred\s+to)(?:\s+to\s+\w+)?\s+as\s+[\"“‘']|nicknamed\s+[\"“‘'])"
    r"(?P<name>[A-ZÀ-ÞĀ-Ž][\w'’-]+(?: [A-ZÀ-ÞĀ-Ž][\w'’-]+){0,2})")


def _people_called_by_another_name(text: str, sentence_index_of, mentions: list[Mention]) -> None:
    """Mentions of another name the text gives a person ('calls him "Kurmo Dal"') are that person: the last
    person named in full before it, in its sentence or the one before."""
    for match in _ANOTHER_NAME.finditer(text):
        sentence = sentence_index_of(match.start())
        named = [m for m in mentions if m.entity_type == "person" and len(m.surface.split()) >= 2 and m.key
                 and m.end_char <= match.start() and m.sentence_index >= sentence - 1]
        if not named:
            continue
        person = max(named, key=lambda m: m.start_char)
        other = name_key(match.group("name"))
        if other == person.key or any(m.entity_type == "person" and m.key == other and len(m.surface.split()) >= 2
                                      and m.start_char < match.start() for m in mentions):
            continue  # (a name that is someone else's, written before)
        start, end = match.span("name")
        for mention in mentions:
            if mention.entity_type in ("person", "organization") and (
                    name_key(mention.surface) == other or (start <= mention.start_char and mention.end_char <= end)):
                mention.entity_type, mention.key, mention.another_name = "person", person.key, True


def _same_given_name(a: str, b: str) -> bool:
    """'Will' and 'William' (a short form), 'Habibullah' and 'Habiullah' (one letter of transliteration)."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if len(short) >= 3 and long.startswith(short):
        return True
    return len(short) >= 5 and Levenshtein.distance(a, b) <= 1


def _one_spelling_per_person(full_keys: set[str]) -> dict[str, str]:
    """Full names of one surname whose given names are one name in two spellings: each to the longest."""
    canonical: dict[str, str] = {}
    for key in sorted(full_keys, key=lambda k: (-len(k), k)):
        given, surname = key.split()[0], key.split()[1:]
        same = [k for k in canonical.values() if k.split()[1:] == surname and _same_given_name(k.split()[0], given)]
        canonical[key] = same[0] if same else key
    return canonical


# Abbreviations written before a given name ('Md Kurmisur Rahman'): the given name is the word after
_GIVEN_NAME_PREFIXES = frozenset(w.lower() for w in _RULES["given_name_prefixes"])


def _last_full_mention_before(people: list[Mention], spelling: dict[str, str]) -> dict[str, dict[int, int]]:
    """For each full name, where the text last wrote it before each single-word mention: {key: {start: start}}."""
    full_starts: dict[str, list[int]] = {}
    for mention in people:
        key = name_key(mention.name)
        if len(key.split()) >= 2:
            full_starts.setdefault(spelling.get(key, key), []).append(mention.start_char)
    single = [m.start_char for m in people if len(name_key(m.name).split()) == 1]
    return {key: {start: max((s for s in starts if s < start), default=-1) for start in single}
            for key, starts in full_starts.items()}


def _named_last(last_named: dict[str, dict[int, int]], one: str, other: str, position: int) -> bool:
    """The text wrote `one` in full after `other`, before `position`."""
    return last_named.get(one, {}).get(position, -1) > last_named.get(other, {}).get(position, -1)


def _with_middle_names(words: list[str], full_keys: set[str]) -> list[str]:
    """The full names that are a name of two words with more between them ('jan doe': 'jan kurmi doe')."""
    return [k for k in full_keys if len(k.split()) > len(words) == 2 and k.split()[0] == words[0] and k.split()[-1] == words[-1]]


# Particles that bring in a father's name after a person's own: 'Siti Aishah binti Kurmi', 'Jan bin Doe'
_PATRONYMIC_PARTICLES = frozenset({"bin", "binti", "bint", "ibn", "ben"})


def _names_it_begins(key: str, full_keys: set[str]) -> list[str]:
    """The full names a name of two words or more begins, by which the text may go on to call their bearer: with a
    father's name after a particle ('siti aishah binti kurmi'), with the family's word again ('wan kurmo wan dalen'),
    or with one more name ('jana kurmi dalen'); not 'jan doe kurmin city', a name the recogniser ran into another."""
    words = key.split()
    if len(words) < 2:
        return []
    found = []
    for k in full_keys:
        rest = k.split()[len(words):] if k.startswith(key + " ") else []
        if rest and (len(rest) == 1 or rest[0] in _PATRONYMIC_PARTICLES or rest[0] == words[0]):
            found.append(k)
    return found


_OTHER_SEX = {"female": ("male", "mostly_male"), "male": ("female", "mostly_female")}


def _assign_person_keys(people: list[Mention], text: str = "") -> None:
    full_keys = {name_key(m.name) for m in people if len(name_key(m.name).split()) >= 2}
    spelling = _one_spelling_per_person(full_keys)
    full_keys = set(spelling.values())
    # ('Jan Doe' is the 'Jan Kurmi Doe' the text names in full: one person, so 'Jan' alone is still one)
    full_keys -= {key for key in full_keys if len(key.split()) == 2 and len(_with_middle_names(key.split(), full_keys)) == 1}
    # (and 'Siti Aishah' the 'Siti Aishah binti Kurmi' it begins, when it begins one full name alone)
    full_keys -= {key for key in full_keys if len(_names_it_begins(key, full_keys)) == 1}
    by_surname: dict[str, set[str]] = {}
    by_second_surname: dict[str, set[str]] = {}
    by_given_name: dict[str, set[str]] = {}
    written = {name_key(m.name): m.name for m in people}
    for key in full_keys:
        words = key.split()
        spelled = re.split(r"[\s-]+", written.get(key, ""))  # as the key splits them: 'Jean-Pierre' is two words
        if len(words) >= 3 and len(spelled) == len(words) and not is_given_name(spelled[-2]):
            # 'María Guadalupe Ortiz Benavides' is 'Ortiz' to the text that follows (the first of two
            # surnames), and 'Benavides' only when no one else's first surname is.
            by_surname.setdefault(words[-2], set()).add(key)
            by_second_surname.setdefault(words[-1], set()).add(key)
        else:
            by_surname.setdefault(words[-1], set()).add(key)
        by_given_name.setdefault(words[1] if words[0] in _GIVEN_NAME_PREFIXES and len(words) > 2 else words[0], set()).add(key)
    last_named = _last_full_mention_before(people, spelling)
    for mention in people:
        key = spelling.get(name_key(mention.name), name_key(mention.name))
        longer = [k for k in full_keys if k.endswith(" " + key)]
        if len(key.split()) >= 2 and len(longer) == 1:
            # 'Van Der Berg' -> 'anna van der berg': a surname of several words, written alone.
            mention.key = longer[0]
            continue
        words = key.split()
        with_middle = _with_middle_names(words, full_keys)
        if len(with_middle) == 1:
            mention.key = with_middle[0]  # 'Ifrah Nur' is the 'Ifrah Abdirahman Nur' the text names in full
            continue
        fuller = _names_it_begins(key, full_keys)
        if len(fuller) == 1:
            # 'Siti Aishah' is the 'Siti Aishah binti Kurmi' the text names in full: a name by which the text goes
            # on to call its bearer, without the father's name or the last name that follows
            mention.key = fuller[0]
            continue
        if len(key.split()) == 1:
            # 'Smith' -> 'jane smith' when only one full name ends so; else 'Jane' when only one begins so
            given = by_given_name.get(key, ()) if is_given_name(mention.surface) or not (
                by_surname.get(key) or by_second_surname.get(key)) else ()
            # (never one of the other sex: 'Mrs Doe' is not the 'Jan Doe' whose wife she is)
            sex = sex_an_honorific_states(text, mention.start_char)
            fitting = [next(iter(full_names)) for full_names in (by_surname.get(key, ()), by_second_surname.get(key, ()), given)
                       if len(full_names) == 1 and not (sex and name_gender(written.get(next(iter(full_names)), "")) in _OTHER_SEX[sex])]
            if fitting:
                key = fitting[0]
                if len(given) == 1 and fitting[-1] != key and _named_last(last_named, fitting[-1], key, mention.start_char):
                    key = fitting[-1]  # ('Ahmed', one person's surname and another's given name: the one the text just named)
            elif key not in by_given_name and key not in by_surname and key not in by_second_surname:
                # 'Cruz' for 'Marco Cruz Quintana' where 'Cruz' is also a given name somewhere: the first of two
                # surnames, when one full name alone has it there and no one's given name is it; or another word
                # inside a long name by which the text goes on to name its bearer ('Kurmi' for 'Jan Kurmi Dalen Mo')
                middle = [k for k in full_keys if len(k.split()) >= 3 and key in k.split()[1:-1]]
                # or the end of one person's given name, the short form it is called by ('Linda' for 'Rosalinda Doe')
                clipped = [k for k in full_keys if len(key) >= 4 and k.split()[0] != key and k.split()[0].endswith(key)]
                # or one person's surname with a letter dropped, added or changed, a slip of the text ('Kurmidoe' for the
                # 'Jan Kurmiddoe' it named in full), where no one else's is so near
                misspelled = [k for surname, keys in by_surname.items() if len(key) >= 5 and Levenshtein.distance(surname, key) == 1
                              for k in keys]
                key = (middle[0] if len(middle) == 1 else clipped[0] if len(middle) == 0 and len(clipped) == 1
                       else misspelled[0] if not middle and not clipped and len(misspelled) == 1 else key)
        mention.key = key
