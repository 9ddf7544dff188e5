"""Organisations named in ways NER misreads: beside a noun for their kind ('a militant outfit, X,'), with
the letters they go by ('Médecins Kurmans Frontières (MKF)'), with their country, a plural possessive or two
fields in their name ('the Department of Water Supply and Sanitation').
"""

from __future__ import annotations

import re

from spacy.attrs import DEP
from spacy.lang.en.stop_words import STOP_WORDS

from newsfacts.extract.entities.given_names import is_given_name
from newsfacts.extract.entities.model import Mention
from newsfacts.extract.entities.name_clues import _HONORIFICS, _tokens_where
from newsfacts.extract.entities.vocabulary import _ROLE_WORDS, organisation_words
from newsfacts.extract.gazetteer import geocode
from newsfacts.extract.nlp import text_of
from newsfacts.rules import load_rules


def _bodies_named_beside_their_kind(doc, sentence_index_of, mentions: list[Mention]) -> list[Mention]:
    """'The company that runs the mine, Kurmin Carbones S.A.S., said', 'a militant outfit, Lashkar-i-Kurm,
    claimed': a name set beside a noun for an organisation names an organisation, whatever NER made of it."""
    text = text_of(doc)
    appositions = list(_tokens_where(doc, DEP, "appos"))
    for token in appositions:
        if token.pos_ != "PROPN":
            continue
        # the noun it is set beside, or the one whose clause that noun ends ('the company that runs the mine, X,')
        beside = [token.head] + [a for a in list(token.head.ancestors)[:3] if a.i < token.i and a.pos_ == "NOUN"]
        # (a noun as written in lower case: 'the Kurmin Vigilante Group, Jan Doe,' sets a person beside a body's name)
        if not any(noun.lemma_.lower() in _ORGANISATION_KIND_NOUNS and noun.text.islower() for noun in beside):
            continue
        words = [t for t in token.subtree if not (t.is_punct and t.text not in "-.&'’")]
        while words and words[-1].is_punct:
            words.pop()
        if not words or words[0].i > token.i or not words[0].text[:1].isupper() or len(text[words[0].idx:words[-1].idx].split()) > 7 \
                or any(t.dep_ in ("relcl", "acl", "prep") and t.i > token.i for t in words):
            continue
        start, end = words[0].idx, words[-1].idx + len(words[-1])
        overlapping = [m for m in mentions if m.start_char < end and start < m.end_char]
        if any(m.entity_type in ("organization", "location") and m.start_char <= start and m.end_char >= end for m in overlapping):
            continue  # (the name NER found, whole)
        mentions = [m for m in mentions if m not in overlapping]
        mentions.append(Mention(text[start:end], start, end, sentence_index_of(start), "organization"))
    # 'KTU-9, a local teachers union, said': a name whose apposition is a kind of organisation names one,
    # which the text may go on to call by that noun ('the union said'). (Found from the appositions, in order:
    # a name's first such apposition is its kind.)
    kinds: dict[int, object] = {}
    for c in appositions:
        token = c.head
        if token.i not in kinds and c.i > token.i + 1 and text[token.idx + len(token):c.idx].startswith(", ") \
                and c.lemma_.lower() in _ORGANISATION_KIND_NOUNS | _INSTITUTION_NOUNS \
                and any(d.lower_ in ("a", "an") for d in c.children if d.dep_ == "det"):
            kinds[token.i] = c
    for i in sorted(kinds):
        token, kind = doc[i], kinds[i]
        if token.pos_ != "PROPN" or not token.text[:1].isupper():
            continue
        words = [t for t in token.lefts if t.dep_ in ("compound", "flat") and t.pos_ == "PROPN"] + [token]
        if words[-1].i - words[0].i != len(words) - 1:
            continue
        start, end = words[0].idx, token.idx + len(token)
        role = " ".join(text[kind.left_edge.idx:kind.idx + len(kind)].split()[1:])
        overlapping = [m for m in mentions if m.start_char < end and start < m.end_char]
        if not overlapping:
            mentions.append(Mention(text[start:end], start, end, sentence_index_of(start), "organization", role=role))
        elif len(overlapping) == 1 and overlapping[0].entity_type == "organization" and overlapping[0].role is None:
            overlapping[0].role = role
    return sorted(mentions, key=lambda m: m.start_char)


def _bodies_defined_with_their_letters(doc, sentence_index_of, mentions: list[Mention], countries: frozenset[str]) -> list[Mention]:
    """'Médecins Kurmans Frontières (MKF)', "The Kurmin Governor's Office (KGO)": capitalised words the text gives
    letters for are an organisation's name, whatever NER made of them (not a place's: 'Democratic Republic of
    the Congo (DRC)')."""
    text = text_of(doc)
    for match in _NAME_WITH_ITS_LETTERS.finditer(text):
        if not _are_letters(match.group(2)):
            continue
        start, end = match.span(1)
        name = match.group(1)
        while (name.split()[0].lower() in STOP_WORDS or name.split()[0].endswith(("'s", "’s"))) and len(name.split()) > 1:
            # ('But the Kurmin Workers' Union (KWU)': the sentence's first words are no part of the name, nor is
            # the country that owns it: "Kurmistan's Disaster Agency (DA)")
            cut = len(name.split()[0]) + 1
            start, name = start + cut, name[cut:]
        if geocode(name, countries) is not None or len(name.split()) < 2:
            continue
        overlapping = [m for m in mentions if m.start_char < end and start < m.end_char]
        holder = _HOLDER_AFTER_THE_LETTERS.match(text, match.end())
        if any(m.entity_type == "person" and m.start_char == holder.end() for m in mentions):
            # a title and its letters before the name of the one who holds it: 'Medical Superintendent (MS), Dr Jane
            # Doe' (no body, whatever NER made of the title)
            mentions = [m for m in mentions if m not in overlapping or m.entity_type != "organization"]
            continue
        # (the letters spell the name from its first word, or after a word of its own: 'UN Office for the Kurmin Affairs (OKA)')
        spelled = "".join(w[0] for w in name.split() if w[0].isupper()).endswith(match.group(2).replace(".", ""))
        if any((m.start_char <= start or (m.entity_type == "organization" and not spelled and re.search(r"\b[a-z]", text[start:m.start_char])))
               and m.end_char >= end for m in overlapping):
            continue  # (the name NER found, whole, or the organisation it found after words of a phrase: 'Fighters of the ...')
        if any(m.entity_type == "person" for m in overlapping) and is_given_name(name.split()[0]):
            continue
        mentions = [m for m in mentions if m not in overlapping]
        mentions.append(Mention(name, start, end, sentence_index_of(start), "organization"))
    letters = {match.group(2) for match in _NAME_WITH_ITS_LETTERS.finditer(text) if _are_letters(match.group(2))
               and any(m.entity_type == "organization" and m.end_char == match.end(1) for m in mentions)}
    taken = [(m.start_char, m.end_char) for m in mentions]
    for word in re.finditer(r"(?<![\w'’-])(%s)(?![\w-])" % "|".join(map(re.escape, sorted(letters, key=len, reverse=True))), text) if letters else ():
        if not any(s < word.end() and word.start() < e for s, e in taken):
            # the letters wherever else the text writes them ('BUK and KLF fighters', 'Kurdena said')
            mentions.append(Mention(word.group(), word.start(), word.end(), sentence_index_of(word.start()), "organization"))
    return sorted(mentions, key=lambda m: m.start_char)


# Letters in brackets after a name: '(KLF)', '(Kurdena)', '(U.N.)'
_LETTERS = r"\(([A-Z][A-Za-z.&]{1,9})\)"
# Capitalised words, with the small words of names between them, and then their letters in brackets
_NAME_WITH_ITS_LETTERS = re.compile(r"(?<![\w'’-])(?:The )?([A-ZÀ-Þ][\w'’.-]*(?:(?: (?:of|the|for|and|on|&|de|du|des|del|la|le|sans|y))* [A-ZÀ-Þ][\w'’.-]*){1,7})"
                                    r" " + _LETTERS)


# What may stand between a title's letters and the name NER found of its holder: ', Dr ', and given names it left out
_HOLDER_AFTER_THE_LETTERS = re.compile(r",?\s*(?:(?:%s)\.?\s+)?(?:[A-Z][\w'’-]+\s+){0,2}" % _HONORIFICS)


def _are_letters(word: str) -> bool:
    """Two capitals or more: 'KLF', 'Kurdena' is not ('Kurmosh (Bakhdura)' gives a second name, no letters)."""
    return sum(ch.isupper() for ch in word) >= 2


# Nouns for an organisation, beside which a name is the organisation's (rules/attribution.toml)
_ORGANISATION_KIND_NOUNS = frozenset(load_rules("attribution")["generic_organisation_nouns"]) - {"insurgents", "rebels"}
_INSTITUTION_NOUNS = frozenset(noun for noun in load_rules("attribution")["institution_nouns"] if " " not in noun)


# A capitalised plural possessive just before an organisation's name: 'Seafarers’ ' of 'Seafarers’ Welfare
# Alliance', which NER leaves out of the name.
_PLURAL_POSSESSIVE_BEFORE = re.compile(r"(?<![\w’'])[A-Z][a-z]+s['’] $")


def _bodies_named_with_a_plural_possessive(text: str, mentions: list[Mention]) -> None:
    """'the Seafarers’ Welfare Alliance', 'the Kurmin Teachers' Union': a capitalised plural possessive right
    before an organisation's name is part of the name (where no other name holds it)."""
    for mention in mentions:
        before = _PLURAL_POSSESSIVE_BEFORE.search(text, max(0, mention.start_char - 30), mention.start_char) \
            if mention.entity_type == "organization" else None
        if before is not None and not any(m.start_char < mention.start_char and m.end_char > before.start() for m in mentions):
            mention.start_char, mention.surface = before.start(), text[before.start():mention.end_char]


# 'Ministry of Information and Culture', 'Department of Water Supply and Sanitation': a body 'of' one field and
# another, which NER cuts at 'and' (taking the second field for a name of its own; rules/entities.toml
# body_of_a_field_words)
_BODY_OF_A_FIELD = re.compile(r"(?:[Tt]he )?(?:[A-Z][\w'’-]+ )*(?:%s) (?:for|of) [A-Z]"
                              % "|".join(load_rules("entities")["body_of_a_field_words"]))
# (and a list of fields: ', Trade and Development' after 'the Ministry of Foreign Affairs')
_FIELD = r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}"
_AND_ANOTHER_FIELD = re.compile(rf"((?:, {_FIELD})*,? (?:and|&) {_FIELD})\b")


def _bodies_of_two_fields(text: str, mentions: list[Mention]) -> list[Mention]:
    """'the Department of Water Supply and Sanitation': a body's name 'of' one field goes on over 'and' and the
    capitalised words after it (whatever NER made of them)."""
    for mention in [m for m in mentions if m.entity_type == "organization" and _BODY_OF_A_FIELD.match(m.surface)]:
        more = _AND_ANOTHER_FIELD.match(text, mention.end_char)
        if more is None or _ROLE_WORDS.search(more.group(1)) or any(is_given_name(w) for w in more.group(1).split()):
            continue  # (not 'the Ministry of Health and Governor Jane Doe', two speakers)
        end = more.end(1)
        if any(m.start_char < end < m.end_char for m in mentions):
            continue  # (the words open a longer name)
        mentions = [m for m in mentions if m is mention or not (mention.end_char <= m.start_char < end)]
        mention.end_char, mention.surface = end, text[mention.start_char:end]
    return mentions


# '(ELN)', '(Sedena)', '(U.N.)' right after a name: the letters the text will use for it
_DEFINED_ACRONYM = re.compile(r"\s*" + _LETTERS)


# ' of Pakistan' after a body's name: 'the Human Rights Commission of Pakistan', which NER may end before its 'of'
_OF_A_COUNTRY_AFTER = re.compile(r" of (?:the )?([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})(?![\w'’-])")
# (or just after it: 'the Office of the President of' | 'Ukraine')
_A_COUNTRY_AFTER = re.compile(r" (?:the )?([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})(?![\w'’-])")


def _bodies_named_with_their_country(text: str, mentions: list[Mention]) -> list[Mention]:
    """A body's name goes on with 'of' and its country ('the Kurmin Audit Commission of Chile', 'the Office of the
    President of Ukraine', where NER may end the name on its 'of'): the country is part of the name (and no place of
    its own there)."""
    grown = []
    for mention in mentions:
        words = mention.surface.lower().split()
        ended_on_of = len(words) > 2 and words[-1] == "of"
        after = _A_COUNTRY_AFTER if ended_on_of else _OF_A_COUNTRY_AFTER
        country = after.match(text, mention.end_char) if mention.entity_type == "organization" else None
        if country is None or not any(w in organisation_words() for w in words):  # ('the Office of the President')
            continue
        place = geocode(country.group(1))
        if place is None or place.kind != "country":
            continue
        mention.surface, mention.end_char = text[mention.start_char:country.end()], country.end()
        grown.append(mention)
    return [m for m in mentions if m in grown or not any(g.start_char <= m.start_char and m.end_char <= g.end_char for g in grown)]


# ' for the Coordination of Humanitarian Affairs' after a body's name: capitalised words after 'for', which NER may
# leave out ('the UN Office for the Coordination of Humanitarian Affairs', 'the Centre for Disease Control')
_FOR_A_FIELD_AFTER = re.compile(r" for (?:the )?[A-Z][\w'’-]+(?:(?: (?:of|and|for|the|on|&))* [A-Z][\w'’-]+){0,6}(?![\w'’-])")


def _bodies_named_for_their_field(text: str, mentions: list[Mention]) -> list[Mention]:
    """A body's name goes on with 'for' and the capitalised words of its field ('the Office for the Coordination of
    Humanitarian Affairs'): they are part of the name (and no names of their own there)."""
    grown = []
    for mention in mentions:
        field = _FOR_A_FIELD_AFTER.match(text, mention.end_char) if mention.entity_type == "organization" else None
        if field is None or mention.surface.split()[-1].lower() not in organisation_words():
            continue
        if any(m.entity_type == "person" and mention.end_char <= m.start_char < field.end() for m in mentions):
            continue  # ('the Office for Jane Doe': a person, not a field)
        mention.surface, mention.end_char = text[mention.start_char:field.end()], field.end()
        grown.append(mention)
    return [m for m in mentions if m in grown or not any(g.start_char <= m.start_char and m.end_char <= g.end_char for g in grown)]
