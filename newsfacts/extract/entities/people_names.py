"""People's names made whole and found again: a name NER cut at a particle, a nickname or a given name
('Inmaculada de la Torre Benítez'), and the surname or given name alone by which the text goes on to name a
person it named in full; and names that speak or are given an age, which are people's.
"""

from __future__ import annotations

import re

from spacy.attrs import POS
from spacy.lang.en.stop_words import STOP_WORDS

from newsfacts.extract.entities.given_names import is_given_name
from newsfacts.extract.entities.model import Mention
from newsfacts.extract.entities.name_clues import (POST_DISTRICT, _AGE_AFTER, _CAPITALISED_WORD_BEFORE, _NAME_WORD, _PARTICLES,
                                                   _PARTICLE_INSIDE, _TITLE_INITIALS, _begins_the_name, _named_storm,
                                                   _tokens_where, _well_known_places, honorific_just_before)
from newsfacts.extract.entities.vocabulary import (_ROLE_WORDS, _RULES, PLACE_NAME_FIRST_WORDS, _person_evidence_words, organisation_words,
                                                   person_prefix_words)
from newsfacts.extract.gazetteer import geocode
from newsfacts.extract.nlp import text_of
from newsfacts.extract.translit import name_key
from newsfacts.extract.truecasing import written_as_a_name


# The words of a portfolio's or an office's name before a name: 'Minister of Fisheries and ', 'Secretary for '
# (rules/entities.toml portfolio_words)
_IN_A_PORTFOLIO = re.compile(r"\b(?:%s)\s+(?:of|for)\s+(?:(?:the|and|&|[A-Z][\w'’-]*),?\s+)*$"
                             % "|".join(_RULES["portfolio_words"]))


def _given_names_joined_to_persons(text: str, mentions: list[Mention]) -> list[Mention]:
    """'Mayor Esteban Ruiz Calderón' where NER took 'Esteban' for an organisation and the rest for a
    person: a given name written just before a person's name is the start of that name."""
    ordered = sorted(mentions, key=lambda m: m.start_char)
    joined: list[Mention] = []
    for mention in ordered:
        previous = joined[-1] if joined else None
        if (mention.entity_type == "person" and previous is not None and previous.entity_type != "person"
                and (len(previous.surface.split()) == 1 and is_given_name(previous.surface)
                     or _given_names_run_into_a_body(previous))
                and text[previous.end_char:mention.start_char] == " " and geocode(previous.surface) is None):
            mention.start_char = previous.start_char
            mention.surface = text[mention.start_char:mention.end_char]
            joined[-1] = mention
            continue
        untagged = _CAPITALISED_WORD_BEFORE.search(text, max(0, mention.start_char - 20), mention.start_char)
        if (mention.entity_type == "organization" and " " not in mention.surface and untagged
                and is_given_name(untagged.group(1)) and written_as_a_name(untagged.group(1))
                and untagged.group(1).lower() not in person_prefix_words()
                and written_as_a_name(mention.surface) and geocode(mention.surface) is None
                and (previous is None or previous.end_char <= untagged.start(1))):
            # 'Taras ' + 'Kurmaniuk', which NER took for an organisation without the given name before it
            mention.entity_type, mention.start_char = "person", untagged.start(1)
            mention.surface = text[mention.start_char:mention.end_char]
        for _ in range(2):  # 'Ana' + 'Beatriz' + 'Coelho'
            untagged = _CAPITALISED_WORD_BEFORE.search(text, max(0, mention.start_char - 20), mention.start_char)
            if not (mention.entity_type == "person" and untagged and _begins_the_name(untagged.group(1), mention.surface)
                    and (previous is None or previous.end_char <= untagged.start(1))) \
                    or honorific_just_before(text, mention.start_char):  # ('Tan Sri' + 'Jan Doe': no given names)
                break
            # 'María Guadalupe Ortiz' where NER began the name at 'Guadalupe'
            mention.start_char = untagged.start(1)
            mention.surface = text[mention.start_char:mention.end_char]
        joined.append(mention)
    return joined


def _given_names_run_into_a_body(mention: Mention) -> bool:
    """'Jean-Baptiste Mumbere', which NER took for a body before the surname it took for a person: a hyphenated
    given name of given names first, and no word of a body's."""
    words = mention.surface.split()
    parts = words[0].split("-")
    return mention.entity_type == "organization" and 2 <= len(words) <= 3 and len(parts) >= 2 \
        and all(is_given_name(p) for p in parts) and not any(w.lower() in organisation_words() for w in words)


# ', and his wife, ' between a person's full name and a given name alone
_SPOUSE_BETWEEN = re.compile(r",?\s+(?:and\s+)?(?:his|her)\s+(?P<spouse>wife|husband),?\s+$")
_SPOUSE_SEX = {"wife": "female", "husband": "male"}


def _spouses_called_by_the_shared_surname(text: str, mentions: list[Mention]) -> None:
    """'the pastor, Jan Doe, and his wife, Sherri, ... Mrs. Doe told reporters': a spouse named by a given name alone
    after the other's full name, where the text goes on to call someone of the spouse's sex by the surname with an
    honorific, is the given name with that surname (the mention's full_name). Not where the text never does: many
    spouses keep their own surnames."""
    ordered = sorted(mentions, key=lambda m: m.start_char)
    for first, second in zip(ordered, ordered[1:]):
        words = first.surface.split()
        spouse = _SPOUSE_BETWEEN.fullmatch(text, first.end_char, second.start_char)
        if first.entity_type != "person" or len(words) < 2 or spouse is None or " " in second.surface \
                or second.entity_type == "location" or not is_given_name(second.surface):
            continue
        surname = words[-1]
        sex = _SPOUSE_SEX[spouse.group("spouse")]
        called = re.compile(r"\b(?:%s)\.? %s\b" % ("|".join(_RULES["honorifics"][sex]), re.escape(surname)))
        if called.search(text, second.end_char):
            second.entity_type, second.full_name = "person", f"{second.surface} {surname}"


def _two_people_under_one_name(doc, mentions: list[Mention]) -> list[Mention]:
    """'two students, called Hollis and Carrick, ... said Hollis': a name of two parts joined by 'and', which NER
    took for one (often a body, as it takes a firm's name), is two people where the text names each part alone as
    a person, or has it speak alone ('said Hollis', whatever NER made of it)."""
    if not any(" and " in m.surface for m in mentions):
        return mentions
    reporting, _people = _person_evidence_words()
    people_alone = {m.surface for m in mentions if m.entity_type == "person" and " and " not in m.surface}
    people_alone |= {t.text for t in doc if t.dep_ == "nsubj" and t.tag_ == "NNP" and t.head.lemma_.lower() in reporting
                     and not any(c.dep_ == "compound" for c in t.children)}
    kept: list[Mention] = []
    for mention in mentions:
        parts = mention.surface.split(" and ")
        if mention.entity_type in ("person", "organization") and len(parts) == 2 and all(parts) \
                and all(p in people_alone and not any(w.lower() in organisation_words() for w in p.split()) for p in parts):
            second_start = mention.start_char + len(parts[0]) + len(" and ")
            kept += [Mention(parts[0], mention.start_char, mention.start_char + len(parts[0]), mention.sentence_index, "person"),
                     Mention(parts[1], second_start, mention.end_char, mention.sentence_index, "person")]
        else:
            kept.append(mention)
    return kept


def _given_names_before_a_shared_surname(text: str, mentions: list[Mention]) -> None:
    """'brothers Rohan and Vikram Joshi', 'Maria and Jose Herrera Ruiz': a given name alone, joined by 'and' to a
    person's full name, shares its surname, and its full name is the given name with that surname (the mention's
    full_name; its surface stays). Not a word the text gives as part of someone's full name elsewhere ('Sharif and
    Jan Doe' after 'Nawaz Sharif'), nor a place."""
    ordered = sorted(mentions, key=lambda m: m.start_char)
    words_of_full_names = {word for m in mentions if m.entity_type == "person" and len(m.surface.split()) >= 2
                           for word in name_key(m.surface).split()}
    for first, second in zip(ordered, ordered[1:]):
        words = second.surface.split()
        if second.entity_type != "person" or len(words) < 2 or " " in first.surface or first.entity_type == "location" \
                or text[first.end_char:second.start_char] != " and " or not is_given_name(first.surface) \
                or not is_given_name(words[0]) or name_key(first.surface) in words_of_full_names:
            continue
        given = 1
        while given < len(words) - 1 and is_given_name(words[given]):
            given += 1  # ('Jose Luis Herrera': the surname starts after the given names)
        first.entity_type, first.full_name = "person", f"{first.surface} {' '.join(words[given:])}"


# A name's words and then its particles, just before a person's name ('Inmaculada de la ' + 'Torre Benítez').
_NAME_WITH_PARTICLES_BEFORE = re.compile(rf"(?<![\w'’-])((?:{_NAME_WORD} ){{1,3}})((?:(?:{_PARTICLES}) ){{1,2}})$")
# Particles and a name's words just after a person's name ('José Antonio' + ' dos Santos Rey').
_PARTICLES_AND_NAME_AFTER = re.compile(rf" (?:(?:{_PARTICLES}) ){{1,2}}{_NAME_WORD}(?: {_NAME_WORD}){{0,2}}(?![\w'’-])")


_LEADING_PARTICLES = re.compile(rf"(?:(?:{_PARTICLES}) ){{1,2}}(?=[A-ZÀ-ÞĀ-Ž])")


# A nickname in quotation marks and the rest of the name, just after a person's given name ('Emilio' + ' "Toto" Barrios').
_NICKNAME_AND_NAME_AFTER = re.compile(rf" [\"“‘'][A-ZÀ-ÞĀ-Ž][\w.’-]{{0,20}}[\"”’'] {_NAME_WORD}(?![\w'’-])")


def _names_with_particles(text: str, mentions: list[Mention]) -> list[Mention]:
    """A person's name with a particle or a nickname in it, which NER cuts in two: 'Inmaculada de la Torre
    Benítez', 'José Antonio dos Santos Rey', 'Emilio "Toto" Barrios'. The whole name is one person when it
    starts with a given name. And a name NER cut in two with nothing between the pieces."""
    grown = []
    for mention in mentions:
        # 'Carola van der Linde', where NER made the given name a place or a body and the rest another
        if mention.entity_type != "person" and " " not in mention.surface and is_given_name(mention.surface) \
                and _PARTICLES_AND_NAME_AFTER.match(text, mention.end_char) and not mention.dateline:
            mention.entity_type = "person"
        # ... or the whole name, given name first, a body ('Lucía Henríquez de Paz')
        words = mention.surface.split()
        if mention.entity_type == "organization" and 3 <= len(words) <= 6 and is_given_name(words[0]) and not mention.dateline \
                and words[0].lower() not in PLACE_NAME_FIRST_WORDS \
                and _PARTICLE_INSIDE.search(mention.surface) and words[-1].lower() not in organisation_words():
            mention.entity_type = "person"
    for mention in [m for m in mentions if m.entity_type == "person"]:
        if any(g.start_char <= mention.start_char and mention.end_char <= g.end_char for g in grown):
            continue  # 'Santos Rey', the end of 'José Antonio dos Santos Rey' made whole already
        start, end = mention.start_char, mention.end_char
        leading = _LEADING_PARTICLES.match(mention.surface)
        # 'Faisal ' + 'bin Kurman Al-Kurmani': NER kept the particle but not the given name before it
        probe = start + leading.end() if leading else start
        before = _NAME_WITH_PARTICLES_BEFORE.search(text, max(0, start - 60), probe)
        if before:
            lead = before.group(1).split()
            titles = next((k for k, w in enumerate(lead) if w.lower().rstrip(".") not in person_prefix_words()), len(lead))
            # 'Prince Mishaal bin ' + 'Nasser': 'son of' comes only after a given name
            patronymic = before.group(2).split()[0] in ("bin", "ibn", "bint", "binti")
            if titles < len(lead) and not is_given_name(lead[titles]) and patronymic \
                    and lead[-1].lower() not in person_prefix_words() and not _ROLE_WORDS.fullmatch(lead[-1]):
                titles = len(lead) - 1  # only the word just before 'bin' ('Foreign Minister ' stays out)
            if titles < len(lead) and (is_given_name(lead[titles]) or patronymic):
                start = before.start() + len(" ".join(lead[:titles])) + (1 if titles else 0)
        after = _PARTICLES_AND_NAME_AFTER.match(text, end)
        if after and is_given_name(text[start:end].split()[0]):
            end = after.end()
        nickname_and_name = _NICKNAME_AND_NAME_AFTER.match(text, end)
        if nickname_and_name:  # 'Emilio' + ' "Toto" Barrios'
            end = nickname_and_name.end()
        if (start, end) != (mention.start_char, mention.end_char):
            mention.start_char, mention.end_char, mention.surface = start, end, text[start:end]
            grown.append(mention)
    # the pieces of a name made whole go
    mentions = [m for m in mentions if m in grown or not any(g.start_char < m.end_char and m.start_char < g.end_char for g in grown)]
    # 'Ronaldo Dimaculangan' + 'Salcedo': two people's names one space apart are one person's; so are a
    # full name and one more capitalised word NER took for an organisation or a place, unless that word is
    # a well-known place.
    ordered = sorted(mentions, key=lambda m: m.start_char)
    for first, second in zip(ordered, ordered[1:]):
        if first.entity_type != "person" or text[first.end_char:second.start_char] != " " or first not in mentions:
            continue
        if second.entity_type != "person":
            words = first.surface.split()
            while len(words) > 2 and (words[0].lower().rstrip(".") in person_prefix_words() or re.fullmatch(r"[A-Z]{2,4}", words[0])):
                words = words[1:]  # ('MLA Jan Kurmo' + 'Dalen': a title or a post's initials before the given name)
            if not (len(words) >= 2 and is_given_name(words[0]) and re.fullmatch(r"[A-ZÀ-ÞĀ-Ž][a-zß-ÿ'’-]+", second.surface)
                    and second.surface not in _well_known_places()):
                continue
        first.end_char, first.surface = second.end_char, text[first.start_char:second.end_char]
        mentions.remove(second)
    return mentions


def _without_the_rest_of_a_portfolio(text: str, mentions: list[Mention]) -> list[Mention]:
    """'the Minister of Fisheries and Coastal Affairs, Jan Doe': the rest of a portfolio's name before its
    holder's is no person or body."""
    person_starts = {m.start_char for m in mentions if m.entity_type == "person"}
    return [m for m in mentions if m.entity_type not in ("person", "organization")
            or not (_IN_A_PORTFOLIO.search(text, max(0, m.start_char - 80), m.start_char)
                    and text.startswith(", ", m.end_char) and m.end_char + 2 in person_starts)]


# A post's initials inside a name NER ran on from the place the post serves: ' SHO ' of 'Kurmabad SHO Jan Doe'
_TITLE_INITIALS_INSIDE = re.compile(rf"\s([A-Z]{{3,4}})\s+(?:{POST_DISTRICT}\s+)?(?=[A-Z][a-z])")


def _posts_written_as_initials(mentions: list[Mention]) -> None:
    """'DPO Awan', 'DCP North Jan Doe', 'Kurmabad SHO Jan Doe': a post's initials before a name (and the place the post
    serves before them) are no part of it, and make a person of a name NER took for a body."""
    for mention in mentions:
        if mention.entity_type not in ("person", "organization"):
            continue
        initials = _TITLE_INITIALS.match(mention.surface)
        inside = _TITLE_INITIALS_INSIDE.search(mention.surface) if not initials else None
        if inside and inside.group(1).lower() in person_prefix_words():
            initials = inside
        rest = mention.surface[initials.end():].split() if initials else []
        if initials and mention.entity_type == "organization" and initials.group().split()[0].lower() in person_prefix_words() \
                and 2 <= len(rest) <= 3 and (initials is inside or is_given_name(rest[0])) and rest[-1].lower() not in organisation_words():
            mention.entity_type = "person"  # 'DCP North Jan Doe', which NER took for a body: a post's initials and a name
        if initials and mention.entity_type == "person":  # 'DPO Awan', 'SHO Kurmat Khan': a post's initials, no part of the name
            mention.start_char, mention.surface = mention.start_char + initials.end(), mention.surface[initials.end():]


def _people_given_an_age(text: str, mentions: list[Mention]) -> None:
    """'Guadalupe Ramírez, 38, sat with her children': a name of two words or more, a given name first, that the text
    follows with an age is a person's, whatever place the gazetteer holds of that name."""
    for mention in mentions:
        words = mention.surface.split()
        if mention.entity_type == "location" and not mention.dateline and len(words) >= 2 and is_given_name(words[0]) \
                and _AGE_AFTER.match(text, mention.end_char):
            mention.entity_type = "person"


def _surname_mentions(doc, sentence_index_of, mentions: list[Mention]) -> list[Mention]:
    """A surname alone ('Tannous, for his part, said') where NER missed it and the document names someone
    with it in full."""
    by_surname: dict[str, set[str]] = {}
    for m in mentions:
        words = m.surface.split()
        if m.entity_type == "person" and len(words) >= 2 and words[-1][:1].isupper() and len(words[-1]) > 2:
            by_surname.setdefault(words[-1], set()).add(m.surface)
        if m.entity_type == "person" and len(words) >= 3 and words[-2][:1].isupper() and len(words[-2]) > 2 and not is_given_name(words[-2]):
            by_surname.setdefault(words[-2], set()).add(m.surface)  # 'Ortiz' of 'María Guadalupe Ortiz Benavides'
    # (a surname that is also a given name, 'Ramalathan', only where no one's name begins with it)
    first_words = {m.surface.split()[0] for m in mentions if m.entity_type == "person" and " " in m.surface}
    surnames = {surname for surname in by_surname if surname.lower() not in STOP_WORDS
                and (not is_given_name(surname) or surname not in first_words)}
    return _names_alone(doc, sentence_index_of, mentions, surnames, followed_by_a_name=True)


def _names_alone(doc, sentence_index_of, mentions: list[Mention], names: set[str], followed_by_a_name: bool) -> list[Mention]:
    """Person mentions for each capitalised word of `names` written where no mention lies (and, unless
    `followed_by_a_name`, not followed by another capitalised word: 'Maria' but not 'Maria Lopez')."""
    if not names:
        return []
    text = text_of(doc)
    taken = [(m.start_char, m.end_char) for m in mentions]
    found = []
    for match in _CAPITALISED_WORD.finditer(text):
        if match.group() not in names:
            continue
        start, end = match.span()
        if not followed_by_a_name and _NEXT_IS_CAPITALISED.match(text, end):
            continue
        if any(s < end and start < e for s, e in taken):
            continue
        found.append(Mention(match.group(), start, end, sentence_index_of(start), "person"))
        taken.append((start, end))
    return found


# 'Maria', "O'Brien", 'Morgan-Hale'; 'Maria' of "Maria's"
_CAPITALISED_WORD = re.compile(r"(?<![\w'’-])[A-Z]\w*(?:[-'’][A-Z]\w*)*")
_NEXT_IS_CAPITALISED = re.compile(r" [A-Z]")


def _names_taken_for_adverbs(doc, sentence_index_of, mentions: list[Mention]) -> list[Mention]:
    """'Jan Kurmly, the band manager,': a given name and a surname the tagger read as an adverb for its -ly,
    which NER left out (English writes no adverb in title case after a name)."""
    taken = [(m.start_char, m.end_char) for m in mentions]
    found = []
    for token in _tokens_where(doc, POS, "ADV"):
        if token.i == 0:
            continue
        given = doc[token.i - 1]
        if token.text.istitle() and token.text.endswith("ly") and given.whitespace_ == " " \
                and given.text.istitle() and is_given_name(given.text) \
                and not any(s < token.idx + len(token.text) and given.idx < e for s, e in taken):
            found.append(Mention(f"{given.text} {token.text}", given.idx, token.idx + len(token.text), sentence_index_of(given.idx), "person"))
    return found


def _given_name_mentions(doc, sentence_index_of, mentions: list[Mention]) -> list[Mention]:
    """A first name alone ('Maria') where the document names exactly one person with it in full."""
    by_first: dict[str, set[str]] = {}
    for m in mentions:
        words = m.surface.split()
        if m.entity_type == "person" and len(words) >= 2:
            by_first.setdefault(words[0], set()).add(m.surface)
    unique = {first for first, names in by_first.items() if len(names) == 1 and is_given_name(first)}
    return _names_alone(doc, sentence_index_of, mentions, unique, followed_by_a_name=False)


_PERSON_ONLY_VERBS = frozenset(_RULES["person_only_verbs"])


def _given_names_that_speak(doc, mentions: list[Mention], countries: frozenset[str] = frozenset()) -> None:
    """'Kurmanuddin said', after 'village head Kurmanuddin Lasika': a name alone that begins one person's full
    name, and says something, is that person however NER typed it (many people are named by their given name); so
    is a given name that 'who' follows, or that speaks where the only town of that name lies in another country."""
    first_words: dict[str, int] = {}
    for m in mentions:
        words = name_key(m.surface).split()
        if m.entity_type == "person" and len(words) >= 2:
            first_words[words[0]] = first_words.get(words[0], 0) + 1
    reporting, _people = _person_evidence_words()
    for mention in mentions:
        if mention.entity_type == "person" or mention.dateline or " " in mention.surface:
            continue
        span = doc.char_span(mention.start_char, mention.end_char)
        following = doc[span.end] if span is not None and span.end < len(doc) else None
        if following is not None and (following.lemma_.lower() in _PERSON_ONLY_VERBS or following.lower_.rstrip("s") in _PERSON_ONLY_VERBS) \
                and span.root.dep_ in ("nsubj", "compound") and not mention.surface.isupper() and geocode(mention.surface) is None:
            mention.entity_type = "person"  # 'Kurmo remembers' (which the parser may read as a noun): no body or place remembers
            continue
        if mention.entity_type == "location" and span is not None and span.root.dep_ in ("nsubj", "nsubjpass") \
                and is_given_name(mention.surface) and geocode(mention.surface) is None and not _named_storm(doc, mention.surface):
            mention.entity_type = "person"  # 'Mykola is lucky to be alive': a given name no gazetteer knows, as a subject
            continue
        if span is not None and span.end + 1 < len(doc) and doc[span.end].text == "," and doc[span.end + 1].lower_ == "who" \
                and is_given_name(mention.surface) and geocode(mention.surface) is None:
            mention.entity_type = "person"  # 'said Chantelle, who did not give her last name': 'who' is said of people
            continue
        if mention.entity_type == "location" and span is not None and span.root.dep_ == "nsubj" \
                and span.root.head.lemma_.lower() in reporting and is_given_name(mention.surface) and countries:
            town = geocode(mention.surface, countries)
            if town is not None and town.kind == "city" and town.country_code not in countries:
                mention.entity_type = "person"  # 'Kurma said' in a story about Canada: a person, not a town abroad
                continue
        if first_words.get(name_key(mention.surface)) != 1:
            continue
        place = geocode(mention.surface)
        if place is not None and place.kind in ("country", "region", "state", "continent"):
            continue  # 'Israel said', beside a minister called Israel Katz, is the country
        if span is not None and span.root.dep_ == "nsubj" and span.root.head.lemma_.lower() in reporting:
            mention.entity_type = "person"
