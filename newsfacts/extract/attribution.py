"""Who a sentence attributes something to: 'X said', 'said X', 'according to X', 'X tweeted'.

Pronoun subjects ('he said') resolve to the person most recently mentioned before them, 'it said' to the
organisation; a definite description ('the minister', 'the ministry', 'the diplomat') to the last entity
whose name or role holds its head noun; a statement ('the statement said', 'a statement from X read')
to whoever issued it. Of several reporting verbs in a sentence the outermost wins ('Putin urged "...",
his spokesman was quoted as saying' is the spokesman's). Word lists: rules/attribution.toml.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import dropwhile, takewhile
import re
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from spacy.lang.en.stop_words import STOP_WORDS

from newsfacts.extract.gazetteer import adjective_of_country, country_adjective, country_codes, demonyms, geocode
from newsfacts.extract.entities import (HEADLINE_CHARS, POST_DISTRICT, given_name_gender, is_given_name, name_gender, organisation_words,
                                        name_given_after, person_prefix_words)
from newsfacts.extract.translit import name_key, plain_words
from newsfacts.extract.nlp import text_of
from newsfacts.rules import load_rules

_RULES = load_rules("attribution")
REPORTING_LEMMAS = frozenset(_RULES["reporting_verbs"])
_SPEAKING_LEMMAS = REPORTING_LEMMAS | frozenset(_RULES["speaking_verbs"])
_ASKING_LEMMAS = frozenset(_RULES["asking_verbs"])
_NAMING_LEMMAS = frozenset(_RULES["naming_verbs"])
STATEMENT_NOUNS = frozenset(_RULES["statement_nouns"])
ORGANISATION_PRONOUNS = frozenset(_RULES["organisation_pronouns"])
PERSON_PRONOUNS = frozenset(_RULES["person_pronouns"])
RELATIVE_PRONOUNS = frozenset(_RULES["relative_pronouns"])
INSTITUTION_NOUNS = frozenset(_RULES["institution_nouns"])
STATE_INSTITUTION_NOUNS = frozenset(_RULES["state_institution_nouns"])
_STATE_BODY = re.compile(r"(?:(?:%s) )*(?:%s)" % ("|".join(map(re.escape, _RULES["state_institution_modifiers"])),
                                                 "|".join(map(re.escape, _RULES["state_institution_nouns"]))))
_STATE_VOICE = re.compile(r"(%s)['’]s? (?:%s)" % ("|".join(map(re.escape, _RULES["state_institution_nouns"])),
                                                 "|".join(map(re.escape, _RULES["state_voice_nouns"]))))
GENERIC_ORGANISATION_NOUNS = frozenset(_RULES["generic_organisation_nouns"])
_STATE_MODIFIERS = frozenset(w for phrase in _RULES["state_institution_modifiers"] for w in phrase.split())
_STATE_ARMED_FORCES = frozenset(_RULES["state_armed_forces"])
SPOKESPERSON_NOUNS = frozenset(_RULES["spokesperson_nouns"])
DEATH_LEMMAS = frozenset(_RULES["death_lemmas"])
# Nouns for a person the text describes without naming ('one striker', 'his mother'): rules/casualties.toml's
# list of people, and this file's words for sources.
PERSON_NOUNS = frozenset(load_rules("casualties")["grammar"]["person_nouns"]) | frozenset(_RULES["source_nouns"])
TITLE_CLASSES = {noun: frozenset(titles) for noun, titles in _RULES["title_classes"].items()}
TITLE_ABBREVIATIONS = _RULES["title_abbreviations"]
GENDERED_NOUNS = {noun: sex for sex, nouns in _RULES["gendered_nouns"].items() for noun in nouns}
# 'Those were the words of X', 'The message came from X', 'That is how X described it'
LEDE_PHRASES = re.compile(r"\b(?:%s)\b" % "|".join(re.escape(p) for p in _RULES["quote_lede_phrases"]), re.IGNORECASE)
PRONOUNS = {"he", "she", "they", "it", "we", "i"}
_SUBJECTS = ("nsubj", "nsubjpass")
_OBJECT_PRONOUNS = {"him": "he", "her": "she"}
_OFFICE_HOLDERS = frozenset(load_rules("entities")["role_words"]) | person_prefix_words()
_PERSON_NOUN_ENDINGS = tuple(_RULES["person_noun_endings"])
# 'who gave his name only as Kurmasim', 'identified only as Kurmi', 'who identified himself only as Kurmi',
# 'asked to be named only by her first name, Kurma', 'identified by his call sign, Kurm'
# (not 'known as', which names places and groups as often)
_NAMED_ONLY_AS = re.compile(r"\b(?:gave (?:only )?(?:his|her|their) (?:first )?name(?: only)?(?: as|,)|(?:identified|named)(?: (?:himself|herself|themselves))?"
                            r" (?:only )?(?:as|by (?:his|her|their) first name,?|by (?:the|his|her|their) (?:call ?sign|nom de guerre|"
                            r"pseudonym|nickname),?)|only by (?:his|her|their) first name,?)\s+"
                            r"([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)")
_AGED = re.compile(r"\b\d{1,3}-year-old\b")
_ROLE_NOUNS = "|".join(re.escape(w) for w in load_rules("entities")["role_words"] + _RULES["spokesperson_nouns"])
# A title in lower case between a reporting verb and the name: '"...," confirmed junta spokesman Jan Doe'.
_TITLE_IN_LOWER_CASE = re.compile(r"\s*(?:[a-z][a-z-]+\s+){0,3}?(?:%s)\s+" % _ROLE_NOUNS)
# A role written between a body's name and a person's: 'Kurmin Police spokesperson ', 'Kurmin FA chief executive '.
_ROLE_AFTER_A_BODY = re.compile(r"\s+(?:[a-z]+[ -])?(?:%s)\s+" % _ROLE_NOUNS, re.IGNORECASE)


@dataclass(frozen=True)
class Speaker:
    name: str  # canonical entity name, or the noun phrase the text uses ('the doctor')
    entity_id: str | None
    institution: bool = False  # an organisation the text describes rather than names ('the national army')
    proper: bool = False  # a proper name the entity recogniser missed (a name tagged as a work of art)


class Attributor:
    """Finds the speaker of a span, given the document's resolved entity mentions."""

    def __init__(self, doc, mentions, entities, country: str | None = None):
        self.doc = doc
        # (a photographer credited under a picture, '(AFP: Jan Doe)', said nothing in the text)
        self.mentions = sorted((m for m in mentions if not _credited_for_a_picture(text_of(doc), m)), key=lambda m: m.start_char)
        self.starts = [m.start_char for m in self.mentions]
        self.entities = entities
        # the document's country names its state's institutions: 'the military' is the Myanmar military
        self.country_adjective = country_adjective(country) if country else None
        self.sentences = list(doc.sents)
        self.sentence_starts = [s.start_char for s in self.sentences]
        # Surname -> the one person of the document with that surname ('Opelka' -> 'Reilly Opelka').
        by_surname: dict[str, set[str]] = {}
        first_surnames: dict[str, set[str]] = {}
        for entity in entities.values():
            if entity.entity_type == "person":
                by_surname.setdefault(name_key(entity.canonical_name).split()[-1], set()).add(entity.entity_id)
                words = entity.canonical_name.split()
                if len(words) >= 3 and words[-2][:1].isupper() and len(words[-2]) > 2 and not is_given_name(words[-2]):
                    # 'María Guadalupe Ortiz Benavides' is 'Ortiz', the first of her two surnames, too (where no
                    # one's last name is 'Ortiz'; not a particle: 'van', 'bin')
                    first_surnames.setdefault(name_key(words[-2]), set()).add(entity.entity_id)
        for key, ids in first_surnames.items():
            by_surname.setdefault(key, ids)
        self.by_surname = {k: next(iter(v)) for k, v in by_surname.items() if len(v) == 1}
        # People who share a surname ('Kurvind Ramalathan' and his wife 'Jaya Ramalathan'), in the order the
        # text names them: whom the surname alone means is a speaker's question (_namesake_speaking)
        first_named = {}
        for m in self.mentions:
            first_named.setdefault(m.entity_id, m.start_char)
        self.namesakes = {k: sorted(v, key=lambda i: first_named.get(i, 1 << 30)) for k, v in by_surname.items() if len(v) > 1}
        # 'Mrs Jean Doe' is a woman whatever the given name suggests, 'Mr Jean Doe' a man.
        text = text_of(doc)
        self.stated_gender: dict[str, str] = {}
        self._question_count: int | None = None
        self._quotations: list[tuple[int, int]] = []
        self._quotation_starts: list[int] = []
        for m in self.mentions:
            honorific = _HONORIFIC_BEFORE.search(text, max(0, m.start_char - 12), m.start_char)
            if m.entity_type == "person" and honorific:
                self.stated_gender[m.entity_id] = "female" if honorific.group(1).lower() in _FEMALE_HONORIFICS else "male"
            elif m.entity_type == "person":
                sex = self._sex_of_apposition(m)
                if sex:
                    self.stated_gender.setdefault(m.entity_id, sex)
        for m in self.mentions:
            # a name its given name does not tell the sex of (or a name alone, which may be a surname): the pronoun its
            # own sentence uses for it
            name = self.entities[m.entity_id].canonical_name if m.entity_type == "person" else ""
            if m.entity_type == "person" and m.entity_id not in self.stated_gender \
                    and (name_gender(name) not in _KNOWN_GENDERS or " " not in name):
                sex = self._sex_of_the_pronoun_after(m)
                if sex:
                    self.stated_gender[m.entity_id] = sex

    def _sex_of_the_pronoun_after(self, mention) -> str | None:
        """'Jan Kurmi was 23 when he was shot', 'Kurma Doe paid tribute to her son Dalen': the first personal pronoun
        after a name that is its sentence's subject, with no other person named in the sentence before the pronoun;
        or, where its own sentence has none, the 'He' or 'She' that opens the next sentence of its paragraph as its
        subject ('Kurmi said the roads were cut. He said ...')."""
        span = self.doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
        if span is None or not any(t.dep_ in ("nsubj", "nsubjpass") for t in span):
            return None
        sent = span.sent
        pronoun = next((t for t in self.doc[span.end:sent.end] if t.lower_ in _PRONOUN_SEXES and t.pos_ == "PRON"), None)
        if pronoun is None and sent.end < len(self.doc):
            opening = next((t for t in self.doc[sent.end:] if not t.is_space), None)
            if opening is not None and opening.lower_ in ("he", "she") and opening.dep_ in ("nsubj", "nsubjpass") \
                    and "\n" not in text_of(self.doc)[span.end_char:opening.idx]:
                pronoun = opening
        if pronoun is None or any(m.entity_type == "person" and m.entity_id != mention.entity_id
                                  and sent.start_char <= m.start_char < pronoun.idx for m in self.mentions):
            return None
        return _PRONOUN_SEXES.get(pronoun.lower_)

    def _sex_of_apposition(self, mention) -> str | None:
        """'Her husband, Sher Mohammad,', 'Sher Mohammad, her husband,', 'spokeswoman Capt. Sher Mohammad' or 'a boy
        called Sher': a noun set beside the name, written just before it (a title between), or that the name is given
        to, that says the person's sex."""
        span = self.doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
        if span is None:
            return None
        head = span.root
        beside = [c for c in head.children if c.dep_ == "appos"] + ([head.head] if head.dep_ == "appos" else [])
        # the word just before the name, past a title ('Capt.', or 'Capt' and '.'), in the name's paragraph (the
        # sentence splitter may end a sentence at a title's full stop)
        before = span.start - 1
        title = before - (before >= 1 and self.doc[before].text == ".")
        if title >= 0 and self.doc[title].text[:1].isupper() and self.doc[title].lower_.rstrip(".") in person_prefix_words():
            before = title - 1
        if before >= 0 and "\n" not in text_of(self.doc)[self.doc[before].idx:span.start_char] and self.doc[before].text != ".":
            beside.append(self.doc[before])
        if head.head.dep_ == "acl" and head.head.lower_ in ("named", "called"):
            beside.append(head.head.head)
        for noun in beside:
            if any(c.lower_ == "whose" for c in noun.children):
                continue  # 'Jan Doe, whose son ...': the son is someone else
            sex = GENDERED_NOUNS.get(noun.lemma_.lower())
            if sex:
                return sex
        return None

    def mention_at(self, start: int, end: int):
        """The entity mention overlapping [start, end)."""
        i = bisect_right(self.starts, end) - 1
        while i >= 0 and self.mentions[i].end_char > start - 60:
            m = self.mentions[i]
            if m.start_char < end and m.end_char > start:
                return m
            i -= 1
        return None

    def person_named_at(self, position: int) -> Speaker | None:
        """The person whose name begins at `position`, as a speaker."""
        mention = self.mention_at(position, position + 1)
        if mention is not None and mention.entity_type == "person" and mention.start_char == position:
            return self._speaker_from_mention(mention)
        return None

    def _mentions_from(self, start: int, until: int):
        """The mentions that begin at `start` or after, and at `until` or before."""
        return self.mentions[bisect_right(self.starts, start - 1):bisect_right(self.starts, until)]

    def only_person_between(self, start: int, end: int) -> Speaker | None:
        """The one person the text names between two offsets, or None (none, or several)."""
        named = {m.entity_id: m for m in self._mentions_from(start, end) if m.end_char <= end and m.entity_type == "person"}
        return self._speaker_from_mention(next(iter(named.values()))) if len(named) == 1 else None

    def entity_called(self, name: str, people_only: bool = True) -> Speaker | None:
        """The document's person (or, with people_only False, entity of any kind) with this full name, or
        the one person with this surname."""
        key = name_key(name)
        for entity in self.entities.values():
            if (entity.entity_type == "person" or not people_only) and name_key(entity.canonical_name) == key:
                return Speaker(entity.canonical_name, entity.entity_id)
        if len(key.split()) == 1 and key in self.by_surname:
            entity = self.entities[self.by_surname[key]]
            return Speaker(entity.canonical_name, entity.entity_id)
        return None

    def _named_in_full_before(self, name: str) -> Speaker | None:
        """The one person named in full whose name holds every word of `name` ('General Kurmo' for the
        Kurmo Tadalen the text named before), else the one organisation whose name opens with it, or None."""
        called = self.entity_called(name)
        if called is not None:
            return called
        words = name_key(name).split()
        fitting = [e for e in self.entities.values() if e.entity_type == "person"
                   and len(name_key(e.canonical_name).split()) > len(words) and set(words) <= set(name_key(e.canonical_name).split())]
        if not fitting:
            # 'Gulfmark said' for the Gulfmark Polymers the text named before: the one body whose name opens so
            fitting = [e for e in self.entities.values() if e.entity_type == "organization"
                       and name_key(e.canonical_name).split()[:len(words)] == words and len(name_key(e.canonical_name).split()) > len(words)]
        return Speaker(fitting[0].canonical_name, fitting[0].entity_id) if len(fitting) == 1 else None

    def _agrees(self, entity_id: str, pronoun: str | None) -> bool:
        """'she' is not a man the text names with a man's given name, nor 'he' a woman."""
        if pronoun is None:
            return True
        sex = self._sex(entity_id)
        return not ((pronoun == "she" and sex == "male") or (pronoun == "he" and sex == "female"))

    def salient_person_before(self, position: int, exclude: tuple[int, int] | None = None, pronoun: str | None = None,
                              lookback: int = 2):
        """The person who is the subject of the nearest sentence before `position` (its own sentence
        first, up to the pronoun), within `lookback` sentences and never across a quotation's words."""
        index = self._sentence_at(position)
        if index is None:
            return None
        for earlier in range(index, max(index - 1 - lookback, -1), -1):
            sent = self.sentences[earlier]
            subjects = []
            i = bisect_right(self.starts, min(position, sent.end_char)) - 1
            while i >= 0 and self.mentions[i].start_char >= sent.start_char:
                m = self.mentions[i]
                if (m.entity_type == "person" and m.end_char <= position and not _inside(m, exclude) and not self._in_quotation(m)
                        and self._agrees(m.entity_id, pronoun) and self._is_subject(m) and not self._died(m, sent)):
                    subjects.append(m)
                i -= 1
            if subjects:
                # 'Bellini said the minister has to act': the main clause's subject, not the reported one.
                return min(subjects, key=self._clause_depth)
        return None

    def _person_a_relative_clause_describes(self, pronoun, exclude: tuple[int, int] | None) -> Speaker | None:
        """'a speech by the president, Jan Doe, in which he said': a pronoun in a relative clause is the
        person named last before it in the same sentence (who agrees with it)."""
        if pronoun.head.dep_ != "relcl":
            return None
        sent = pronoun.sent
        i = bisect_right(self.starts, pronoun.idx) - 1
        while i >= 0 and self.mentions[i].start_char >= sent.start_char:
            m = self.mentions[i]
            if m.entity_type == "person" and not _inside(m, exclude) and not self._in_quotation(m):
                return self._speaker_from_mention(m) if self._agrees(m.entity_id, pronoun.lower_) else None
            i -= 1
        return None

    def _only_person_just_before(self, position: int, exclude: tuple[int, int] | None, pronoun: str) -> Speaker | None:
        """'In Tromsø, Jan Doe, 67, a herder, drove two hours to vote. "...," he said': where no sentence
        subject is a person, the one person (agreeing with the pronoun) that the pronoun's own sentence or,
        in the same paragraph, the sentence before it names (before the quotation, when it comes first)."""
        position = _before_the_quotation(position, exclude)
        index = self._sentence_at(position)
        if index is None:
            return None
        text = text_of(self.doc)
        for earlier in (index, index - 1):
            if earlier < 0 or (earlier < index and "\n" in text[self.sentences[earlier].end_char:self.sentences[index].start_char]):
                return self._only_person_of_the_paragraph_before(position, exclude, pronoun) if earlier >= 0 else None
            sent = self.sentences[earlier]
            named = self._mentions_from(sent.start_char, min(position, sent.end_char))
            people = {m.entity_id for m in named if m.entity_type == "person" and m.end_char <= position
                      and not _inside(m, exclude) and not self._in_quotation(m) and not self._asks(m)}
            if people:
                agreeing = [e for e in people if self._agrees(e, pronoun)]
                if len(agreeing) != 1:
                    return None
                entity = self.entities[agreeing[0]]
                return Speaker(entity.canonical_name, entity.entity_id)
        return self._only_person_of_the_paragraph_before(position, exclude, pronoun)

    def _only_person_of_the_paragraph_before(self, position: int, exclude: tuple[int, int] | None, pronoun: str) -> Speaker | None:
        """'At a shelter in X, Jane Doe, 38, sat with her children. Her house had gone.' and then '"...," she said'
        opening the next paragraph: the one person (agreeing with the pronoun) that a short paragraph without
        quotations names, whatever the parser made of the sentence that brings her in."""
        text = text_of(self.doc)
        paragraph_start = text.rfind("\n", 0, position) + 1
        if text[paragraph_start:position].strip(" \"“”«»'‘’") and not (exclude and exclude[0] - paragraph_start <= 2):
            return None  # (only for a quotation that opens its paragraph)
        before_end = len(text[:paragraph_start].rstrip())
        before_start = text.rfind("\n", 0, before_end) + 1
        paragraph = text[before_start:before_end]
        if not paragraph or any(mark in paragraph for mark in '"“”«»') or paragraph.count(". ") > 2:
            return None
        named = self._mentions_from(before_start, before_end)
        people = {m.entity_id for m in named if m.entity_type == "person" and not self.dead(m.entity_id)}
        agreeing = [e for e in people if self._agrees(e, pronoun)]
        if len(people) != 1 or len(agreeing) != 1:
            return None
        entity = self.entities[agreeing[0]]
        return Speaker(entity.canonical_name, entity.entity_id)

    def _asks(self, mention) -> bool:
        """'Asked by Ms Kurmova what happened next, she replied': the one asking is not the one who answers."""
        span = self.doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
        by = span.root.head if span is not None and span.root.dep_ == "pobj" else None
        return by is not None and by.lower_ == "by" and by.head.lemma_.lower() in _ASKING_LEMMAS

    def brings_in_someone(self, start: int, end: int, people_only: bool = False, besides: Speaker | None = None) -> bool:
        """The text between `start` and `end` names a person or organisation (only a person, with `people_only`;
        other than the speaker `besides`), or describes a person ('another resident', 'a doctor'): someone other
        than the last speaker may speak next."""
        i = bisect_right(self.starts, start)
        while i < len(self.mentions) and self.mentions[i].start_char < end:
            m = self.mentions[i]
            if (not people_only or m.entity_type == "person") and (besides is None or m.entity_id != besides.entity_id):
                return True
            i += 1
        words = re.findall(r"[a-z]+", text_of(self.doc)[start:end].lower())
        if people_only:
            # (one person described: 'a doctor', 'another resident'; not 'a people of herders')
            return any(w in PERSON_NOUNS and before in ("a", "an", "another", "one") for before, w in zip(words, words[1:]))
        return any(w in PERSON_NOUNS or w.rstrip("s") in PERSON_NOUNS for w in words)

    def _unnamed_subject_before(self, position: int, exclude: tuple[int, int] | None, lookback: int = 3):
        """The subject token of the last sentence before `position` (its own sentence first, up to
        `position`; sentences inside the quotation are skipped) when it is a person the text describes but
        does not name ('one striker', 'his mother', 'a spokesman for the police'): the main clause's
        subject, outside any quotation."""
        main = self._main_subject_before(position, exclude, lookback)
        if main is None:
            return None
        # one who spoke ('another neighbour ... said'), not one the text only tells of ('her mother was hurt')
        lemma = main.lemma_.lower()
        someone = lemma in PERSON_NOUNS or (
            any(c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one", "another") for c in main.children)
            and lemma not in STATEMENT_NOUNS | INSTITUTION_NOUNS | GENERIC_ORGANISATION_NOUNS
            # ('A total of 96 people were pulled alive from the river': a count of people, not someone)
            and not any(c.dep_ == "prep" and c.lower_ == "of" for c in main.children))
        # 'A nurse puts her head round the door. "...," she says': someone new brought in by the sentence
        # right before the quotation, in its paragraph, speaks whatever its verb ('Her mother was hurt' does not)
        just_before = exclude is not None and main.sent.end_char <= exclude[0] \
            and not text_of(self.doc)[main.sent.end_char:exclude[0]].strip() \
            and any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") or c.dep_ == "nummod" and c.lower_ == "one"
                    and main.head.lemma_ != "be" for c in main.children) \
            and not any(c.dep_ == "conj" for c in main.children) \
            and not self._died(_Phrase(main.idx, main.idx + len(main)), main.sent)  # ('A farmer and his son were crushed')
        # ('one of the sources', 'another of the survivors': one of people the text does not name)
        one_of = main.lower_ in ("one", "another") and any(
            p.dep_ == "pobj" and p.lemma_.lower() in PERSON_NOUNS and p.tag_ == "NNS"
            for c in main.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children)
        # (a noun in lower case the tagger took for a name counts: 'a senior coast guard official')
        if (((main.pos_ == "NOUN" and main.tag_ == "NN" or main.tag_ == "NNP" and main.text.islower()) and someone or one_of)
                and (main.head.lemma_.lower() in _SPEAKING_LEMMAS or just_before)
                and self.mention_at(main.idx, main.idx + len(main)) is None
                and self._named_apposition(main) is None
                and (not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in main.children)
                     or _of_someone_unnamed(main) or self._the_unnamed_one_who_just_spoke(main, position, exclude))):
            return main
        return None

    def _the_unnamed_one_who_just_spoke(self, main, position: int, exclude: tuple[int, int] | None) -> bool:
        """'"...," the police official said. / "...," he added': the one the last sentence before the quotation
        has speak, with 'the' and a title that names no one the text has named ('the official' after 'Jan Doe, an
        official,' is Jan Doe; 'the woman' after 'Jane Doe was seeking word' is Jane Doe)."""
        before = _before_the_quotation(position, exclude)
        last = self._sentence_at(max(before - 1, 0))
        # (not 'the woman', 'the widow': a bare noun, or one that points back at the one just named; not 'The mayor of
        # Kurmby, Jan Doe, said', a title with its name; not 'The minister was asked', who did not speak)
        return main.head.lemma_.lower() in _SPEAKING_LEMMAS and main.dep_ == "nsubj" and main.lemma_.lower() not in _THE_ONE_JUST_NAMED \
            and any(c.dep_ in ("compound", "amod") for c in main.children) \
            and not any(m.entity_type == "person" for m in self._mentions_from(main.left_edge.idx, main.right_edge.idx + len(main.right_edge))) \
            and last is not None and main.sent.start_char == self.sentences[last].start_char \
            and self.described_entity(main, exclude) is None

    def _titled_person_before(self, position: int, exclude: tuple[int, int] | None, pronoun: str):
        """'The minister has appealed for help. "...," she said': when the last sentence's subject is a
        title with 'the', the person the text named with that title (and who agrees with the pronoun)."""
        main = self._main_subject_before(position, exclude, lookback=2)
        if main is None or main.pos_ != "NOUN" or self.mention_at(main.idx, main.idx + len(main)) is not None \
                or not any(c.dep_ == "det" and c.lower_ == "the" for c in main.children) \
                or self._died(_Phrase(main.idx, main.idx + len(main)), main.sent):
            return None
        described = self.described_entity(main, exclude)
        if described is None or described.entity_id is None or self.entities[described.entity_id].entity_type != "person" \
                or not self._agrees(described.entity_id, pronoun):
            return None
        return main, described

    def _person_named_beside_the_subject_before(self, position: int, exclude: tuple[int, int] | None, pronoun: str):
        """(subject token, speaker): when the last sentence's subject is someone described ('a farmer') whom an
        apposition or a clause names ('a farmer who gave only his first name, Kurmo,'), that person (who agrees
        with the pronoun)."""
        main = self._main_subject_before(position, exclude, lookback=2)
        # (one who spoke, not one the sentence only tells of: 'The teenager, Jan Doe, was 19 when he died')
        if main is None or main.pos_ != "NOUN" or main.lemma_.lower() not in PERSON_NOUNS \
                or main.head.lemma_.lower() not in _SPEAKING_LEMMAS:
            return None
        named = self._named_apposition(main) or self._named_in_passing(main)
        if named is None or named.entity_id is None or self.entities[named.entity_id].entity_type != "person" \
                or not self._agrees(named.entity_id, pronoun):
            return None
        return main, named

    def _main_subject_before(self, position: int, exclude: tuple[int, int] | None, lookback: int):
        """The main clause's subject token in the last sentence before `position` that has one (its own
        sentence first, up to `position`), outside `exclude` and any other quotation."""
        index = self._sentence_at(position)
        if index is None:
            return None
        # the sentences of the quotation itself count for nothing ('"They took my wife. I don't know where
        # they are," the resident said' looks back past the quotation's sentences)
        quoted = 0
        while exclude is not None and index - quoted - 1 >= 0 and exclude[0] <= self.sentences[index - quoted - 1].start_char \
                and self.sentences[index - quoted - 1].end_char <= exclude[1] + 1:
            quoted += 1
        for earlier in [index, *range(index - quoted - 1, max(index - quoted - 1 - lookback, -1), -1)]:
            subjects = [t for t in self.sentences[earlier] if t.dep_ in _SUBJECTS and t.idx < position
                        and not (exclude and exclude[0] <= t.idx < exclude[1]) and t.head.pos_ in ("VERB", "AUX")]
            subjects = [t for t in subjects if not self._in_quotation_at(t.idx)]
            if subjects:
                return min(subjects, key=_depth)
        return None

    def set_quotations(self, spans: list[tuple[int, int]]) -> None:
        """The quotations the text holds ((start, end), in order), which report no one themselves."""
        self._quotations = sorted(spans)
        self._quotation_starts = [start for start, _end in self._quotations]

    def quotation_within(self, start: int, end: int, besides: tuple[int, int] | None = None) -> bool:
        """Whether a quotation other than `besides` begins between two offsets."""
        i = bisect_left(self._quotation_starts, start)
        return any(q != besides for q in self._quotations[i:] if q[0] < end)

    def _quotation_just_before(self, token) -> tuple[int, int] | None:
        """The quotation a subject right after it attributes: '"...," he said'."""
        i = bisect_right(self._quotation_starts, token.idx) - 1
        if i < 0 or self._quotations[i][1] > token.idx:
            return None
        start, end = self._quotations[i]
        return (start, end) if not text_of(self.doc)[end:token.idx].strip(" ,.;:\"'”’»—–-") else None

    def _in_a_quotation_found(self, position: int) -> bool:
        i = bisect_right(self._quotation_starts, position) - 1
        return i >= 0 and position < self._quotations[i][1]

    def _in_quotation_at(self, position: int) -> bool:
        """`position` lies inside an open quotation of its paragraph."""
        text = text_of(self.doc)
        before = text[text.rfind("\n", 0, position) + 1:position]
        return (before.count('"') % 2 == 1) or before.count("“") > before.count("”") or before.count("«") > before.count("»")

    def _died(self, mention, sent) -> bool:
        """'The teenager, Sam Cole, was 19 when he died': a person whose death the sentence tells says nothing later."""
        text = text_of(self.doc)
        if _THE_DEAD_NAMED.search(text, sent.start_char, mention.start_char):
            return True  # 'The dead were identified as patrolman Jan Doe, 24, and ...'
        among = _AMONG_THE_DEAD.search(text, mention.end_char, sent.end_char)
        if among is not None and re.search(r"\bwhose\b", text[mention.end_char:among.start()]):
            among = None  # 'Jan Doe, whose son was among the dead,': the parser can make her the subject
        verb = self.doc.char_span(among.start(), among.start() + len(among.group(1))) if among else None
        if verb is not None and any(c.dep_ in _SUBJECTS and min(t.idx for t in c.subtree) <= mention.start_char
                                    <= max(t.idx for t in c.subtree) for c in verb.root.children):
            return True  # 'Her husband, Sher Mohammad, is among the dead' (not 'Jan Doe, whose son was among the dead,')
        for token in sent:
            if token.lemma_.lower() in DEATH_LEMMAS and token.idx >= mention.start_char:
                for child in token.children:
                    if child.dep_ in _SUBJECTS and (mention.start_char <= child.idx < mention.end_char
                                                    or (child.lower_ in PERSON_PRONOUNS and child.idx > mention.end_char)):
                        return True
        return False

    def _sentence_at(self, position: int) -> int | None:
        """The index of the sentence that holds `position`, or None (the space between two sentences)."""
        i = bisect_right(self.sentence_starts, position) - 1
        return i if i >= 0 and position < self.sentences[i].end_char else None

    def _clause_depth(self, mention) -> float:
        span = self.doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
        # ('A neighbour, Jan Doe, said ...': a name in apposition stands nearly where the noun it names
        # stands, above the subject of a clause below; but below the name itself: 'Jan Doe, the head of Kurmin Aid, said')
        return min((_depth(t) - 0.5 * (t.dep_ == "appos") for t in span), default=99) if span is not None else 99

    def _in_quotation(self, mention) -> bool:
        """A name inside someone's quoted words is talked about, not talking."""
        return self._in_quotation_at(mention.start_char)

    def last_of_type_before(self, position: int, entity_type: str, exclude: tuple[int, int] | None = None,
                            window: int | None = None, pronoun: str | None = None, speakers_within: int = 0):
        """The last mention of an entity of this type before `position` (not inside the quotation `exclude`,
        within `window` characters, agreeing with `pronoun`), preferring one that was a sentence's subject:
        the person a 'he'/'she' refers to, the organisation an 'it' does. Within `speakers_within` characters
        before, one that was the subject of a reporting verb comes before any other subject: 'the group said'
        is the body that spoke before, not another that did something in its words."""
        fallback, subject, quoted, died = None, None, None, None
        i = bisect_right(self.starts, position) - 1
        while i >= 0 and (window is None or self.mentions[i].start_char > position - window):
            m = self.mentions[i]
            if (m.entity_type == entity_type and m.end_char <= position and not _inside(m, exclude)
                    and (entity_type != "person" or self._agrees(m.entity_id, pronoun))):
                if self._in_a_quotation_found(m.start_char):
                    quoted = quoted or m  # (one talked about in someone's words: only where no one else is named)
                elif pronoun is not None and self._told_dead(m):
                    died = died or m  # ('The dead were identified as Jan Doe ... Later he added': the living speak first)
                else:
                    if self._is_subject(m) and (not speakers_within or self._spoke(m)):
                        return m
                    if self._is_subject(m):
                        subject = subject or m
                    fallback = fallback or m
            if speakers_within and subject is not None and self.mentions[i].start_char < position - speakers_within:
                break
            i -= 1
        return subject or fallback or died or quoted

    def _told_dead(self, mention) -> bool:
        """Whether the sentence that names the person tells of the person's death."""
        index = self._sentence_at(mention.start_char)
        return index is not None and self._died(mention, self.sentences[index])

    def _spoke(self, mention) -> bool:
        """Whether the mention is the subject of a reporting verb ('The Kurmin Union said in a statement')."""
        span = self.doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
        subject = span.root.head if span is not None and span.root.dep_ == "appos" else span.root if span is not None else None
        # ('A little-known group, the Kurmin Front, claimed it': a name in apposition to the subject)
        return subject is not None and subject.dep_ in _SUBJECTS and subject.head.lemma_.lower() in REPORTING_LEMMAS

    def described_entity(self, token, exclude: tuple[int, int] | None = None, window: int = 8000) -> Speaker | None:
        """'the ministry' -> the last organisation named with 'Ministry'; 'the diplomat' -> the last person
        whose role the text gave with that word."""
        def words_of(m) -> set[str]:
            """The words of a mention's name, role and title."""
            entity = self.entities[m.entity_id]
            words = set(plain_words(entity.canonical_name)) | set((entity.role or "").lower().replace("-", " ").split())
            return words | self._title_words(m) if m.entity_type == "person" else words

        body_noun = token.lemma_.lower() in GENERIC_ORGANISATION_NOUNS | INSTITUTION_NOUNS
        state_noun = self.country_adjective is not None and token.lower_ in _STATE_ARMED_FORCES

        def described(m) -> bool:
            if _inside(m, exclude) or m.entity_type not in ("person", "organization") or m.start_char <= token.idx < m.end_char:
                return False  # (the title itself, which the entity recogniser may take for a name: 'the IGP')
            if body_noun and m.entity_type == "person":
                return False  # 'the agency' is no person, whatever agency the text said its head runs
            if state_noun and m.entity_type == "organization" and not self._a_state_body_by_name(m, token):
                return False  # 'the national army' in a text about one country is its army, not a 'Kurmin Hill Army'
            # (a title's other words name people only: 'the judge' is no Kurmin Justice Council)
            titles = TITLE_CLASSES.get(token.lemma_.lower(), ()) if m.entity_type == "person" else ()
            return bool({token.lemma_.lower(), token.lower_, *titles} & words_of(m)) \
                and not (m.entity_type == "person" and _introduced_anew(text_of(self.doc), token, m.end_char))

        # 'the health minister' is the minister whose title says health, when one does
        modifiers = {c.lower_ for c in token.children if c.dep_ in ("compound", "amod") and c.is_alpha}
        earlier = []
        i = bisect_right(self.starts, token.idx) - 1
        while i >= 0 and self.mentions[i].start_char > token.idx - window:
            if described(self.mentions[i]):
                earlier.append(self.mentions[i])
            i -= 1
        if earlier:
            fitting = [m for m in earlier if modifiers <= words_of(m)] or earlier
            # (not one whose death the text told: 'The dead were identified as Sergeant Jan Doe ...')
            fitting = [m for m in fitting if m.entity_type != "person" or not self.dead(m.entity_id)] or fitting
            # 'Doe denied it. "...," the spokesman said': of the people the title fits, the one the last
            # sentence was about
            subject = self.salient_person_before(_before_the_quotation(token.idx, exclude), exclude, lookback=1)
            if subject is not None and subject.entity_id in {m.entity_id for m in fitting}:
                return self._speaker_from_mention(subject)
            return self._speaker_from_mention(fitting[0])
        if self._in_the_headline(token):
            # A headline names a title before the body names the person ('..., says mayor'): look ahead.
            for m in self.mentions[bisect_right(self.starts, token.idx):]:
                if m.start_char > token.idx + window:
                    break
                if described(m):
                    return self._speaker_from_mention(m)
        if token.lemma_.lower() in GENERIC_ORGANISATION_NOUNS:
            # 'the group said', 'the militia said': the organisation the text last named, or one it described
            # since with this noun ("Indonesia's meteorology and geophysics agency ... a spokesperson for the agency")
            mention = self.last_of_type_before(token.idx, "organization", exclude, window=1500, speakers_within=600)
            described = self._institution_described_before(token, after=mention.end_char if mention else max(0, token.idx - 1500))
            if described is not None:
                return described
            return self._speaker_from_mention(mention) if mention else None
        return None

    def _in_the_headline(self, token) -> bool:
        """Whether a token is in the text's first line, and that line is as short as a headline (a text that
        runs its sentences together on one line has none)."""
        return "\n" not in text_of(self.doc)[:token.idx] and token.idx < HEADLINE_CHARS

    def _a_state_body_by_name(self, mention, token) -> bool:
        """Whether an organisation's name is that of a state's institution: the institution's noun with nothing
        but a country, a nationality word or a state's modifiers ('the Kurmin Army', 'National Army'), not an
        armed group's ('Kurmin Hill Army')."""
        words = set(plain_words(self.entities[mention.entity_id].canonical_name)) - {token.lower_}
        return words <= _words_of_a_state()

    def _body_in_the_words_before(self, token) -> Speaker | None:
        """'A Kurmin Army statement', 'a Chilean navy spokesman', 'a Kurmin City police spokesperson': the body
        named, or described by a place and an institution noun, in the words before a statement or a spokesman."""
        modifiers = [c for c in token.children if c.dep_ in ("amod", "compound", "nmod") and c.i < token.i]
        for modifier in modifiers:
            mention = self.mention_at(modifier.idx, modifier.idx + len(modifier))
            if mention is not None and mention.entity_type == "organization":
                return self._speaker_from_mention(mention)
        if len(modifiers) >= 2 and modifiers[-1].lower_ in INSTITUTION_NOUNS and modifiers[-1].pos_ in ("NOUN", "ADJ") \
                and (modifiers[0].ent_type_ in ("NORP", "GPE") or modifiers[0].lower_ in demonyms()) \
                and modifiers[-1].i - modifiers[0].i == len(modifiers) - 1:
            # (from the first word of the place's name: 'a Kurmin Province police spokesman')
            written = text_of(self.doc)[modifiers[0].left_edge.idx:modifiers[-1].idx + len(modifiers[-1])]
            return Speaker(_institution_name(written, self.country_adjective), None, institution=True)
        return None

    def _office_of(self, mention, token) -> Speaker | None:
        """'The UN mission in Somalia said', 'the United Nations human rights office said': an organisation's
        office, mission or agency, written in lower case after its name (and with the country it serves), speaks
        as itself, not as the whole organisation."""
        text = text_of(self.doc)
        name = self.doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
        if name is None or token.lemma_.lower() not in INSTITUTION_NOUNS or not token.text.islower() or token.i < name.end \
                or not all(t.text.islower() for t in self.doc[name.end:token.i]):
            return None  # (the words between the name and the noun in lower case: 'the UN human rights office')
        end = token.idx + len(token)
        place = next((p for c in token.children if c.dep_ == "prep" and c.lower_ in ("in", "to", "for")
                      for p in c.children if p.dep_ == "pobj"), None)
        served = self.mention_at(place.idx, place.idx + len(place)) if place is not None else None
        # (the country or body it serves: 'the UN mission in Somalia'; not the city it sits in, 'the rights office in Geneva')
        if served is not None and served.start_char == place.left_edge.idx and (served.entity_type == "organization" or (
                served.entity_type == "location" and self.entities[served.entity_id].place_kind in ("country", "region"))) \
                and text[end:served.start_char].strip() in ("in", "to", "for"):
            end = served.end_char
        return Speaker(text[mention.start_char:end], None, institution=True)

    def _issuer_of_a_statement_before(self, token, exclude: tuple[int, int] | None, lookback: int = 3) -> Speaker | None:
        """'The regional government, in a statement issued on Friday, expressed its sorrow. "...," the
        statement said': the subject of the last sentence before that tells of a statement."""
        index = self._sentence_at(_before_the_quotation(token.idx, exclude))
        if index is None:
            return None
        for earlier in range(index - 1, max(index - 1 - lookback, -1), -1):
            sent = self.sentences[earlier]
            statements = [t for t in sent if t.lemma_.lower() in STATEMENT_NOUNS and t.dep_ in ("pobj", "dobj")]
            # (not 'According to early reports, the blast killed five': reports the sentence cites, issued by no one in it)
            told = [t for t in statements if not (t.head.lower_ == "to" and t.head.head.lower_ == "according")]
            # 'She received a text message from Sgt Jane Doe', 'as a statement from the Kurmin board put it': the one
            # it came from, 'according to' or not (a statement 'by its spokesperson, Jane Doe,' is the body's, the
            # subject of the sentence)
            sender = next((m for t in statements for prep in t.children if prep.dep_ == "prep" and prep.lower_ == "from"
                           for g in prep.children if g.dep_ == "pobj" and g.lemma_.lower() not in SPOKESPERSON_NOUNS
                           for m in [self.mention_at(g.idx, g.idx + len(g)) or self._named_apposition_mention(g)]
                           if m is not None and m.entity_type in ("person", "organization")), None)
            if sender is not None:
                return self._speaker_from_mention(sender)
            # 'according to a police statement. ... "...," the statement said': the body its compound names
            body = next((c for t in sent if t.lemma_.lower() in STATEMENT_NOUNS and t.pos_ == "NOUN"
                         for c in t.children if c.dep_ == "compound" and c.lower_ in INSTITUTION_NOUNS), None)
            if body is not None:
                return Speaker(_institution_name(body.lower_, self.country_adjective), None, institution=True)
            if told:
                subject = next((c for c in sent.root.children if c.dep_ in _SUBJECTS), None)
                speaker = self.speaker_of_token(subject) if subject is not None and subject.lower_ not in PRONOUNS else None
                if speaker is not None and (speaker.entity_id or speaker.institution or speaker.proper):
                    return speaker
        return None

    def _country_of_a_state_body_before(self, token, exclude: tuple[int, int] | None, lookback: int = 3) -> str | None:
        """The nationality word of the last state body the sentences before name ('Kurmish' of 'the Kurmish army')."""
        index = self._sentence_at(_before_the_quotation(token.idx, exclude))
        for earlier in range(index - 1, max(index - 1 - lookback, -1), -1) if index is not None else ():
            for body in reversed([t for t in self.sentences[earlier] if t.lower_ in STATE_INSTITUTION_NOUNS]):
                nationality = next((c.text for c in body.children if c.dep_ in ("amod", "compound") and c.lower_ in demonyms()), None)
                if nationality is not None:
                    return nationality
        return None

    def _named_apposition_mention(self, token):
        """The person or body named in apposition to a noun ('one of the defendants, Jane Doe,'), or None."""
        return next((m for c in token.children if c.dep_ == "appos" for m in [self.mention_at(c.idx, c.idx + len(c))]
                     if m is not None), None)

    def _body_the_sentence_before_was_about(self, token, exclude: tuple[int, int] | None) -> Speaker | None:
        """'The Kurmin Home Department suspended the internet. "...," the order said': the organisation the
        sentence before was about issued it."""
        earlier = self._main_subject_before(_before_the_quotation(token.idx, exclude), exclude, lookback=1)
        if earlier is None or earlier.lower_ in PRONOUNS or earlier.i == token.i:
            return None
        mention = self.mention_at(earlier.idx, earlier.idx + len(earlier))
        speaker = self.speaker_of_token(earlier, exclude)
        if speaker is not None and speaker.entity_id and self.entities[speaker.entity_id].entity_type == "organization" \
                and (mention is None or mention.entity_type == "organization"):
            return speaker
        return None

    def _institution_described_before(self, token, after: int = 0) -> Speaker | None:
        """'the military' for the institution the text described earlier (after position `after`) with its
        country ('Myanmar's military', 'the Israeli military'), when the text names no organisation it could be."""
        if token.lemma_.lower() not in INSTITUTION_NOUNS or any(c.dep_ in ("amod", "compound", "poss") for c in token.children):
            return None
        for earlier in reversed(self.doc[:token.i]):
            if earlier.idx < after:
                break
            if _same_institution_noun(earlier.lower_, token.lower_) and (earlier.pos_ == "NOUN" or earlier.text.islower()) \
                    and _describes_institution(earlier):
                return self._description(earlier)
        return None

    def _named_apposition(self, token) -> Speaker | None:
        """The person or organisation named in an apposition to `token` ('the mayor, Jane Doe,'), or after the
        clause that describes it ('The company that runs the mine, Kurmin Carbones,': the parser hangs the name
        on the clause's last noun)."""
        after_clause = [t for c in token.children if c.dep_ == "relcl" for t in c.subtree if t.dep_ == "appos"
                        and t.i == max(x.i for x in c.subtree if not x.is_punct)]
        for child in [*token.children, *after_clause]:
            if child.dep_ == "appos":
                name = sorted((child, *(c for c in child.children if c.dep_ == "compound")), key=lambda t: t.i)
                for candidate in name:
                    mention = self.mention_at(candidate.idx, candidate.idx + len(candidate))
                    if mention is not None and mention.entity_type in ("person", "organization"):
                        return self._speaker_from_mention(mention)
                if all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in name) and name[-1].i - name[0].i == len(name) - 1:
                    # a name the entity recogniser missed, set beside a title: a person's name as written
                    return Speaker(text_of(self.doc)[name[0].idx:name[-1].idx + len(name[-1])], None, proper=True)
        # 'a man identifying himself as Jan Doe', 'the girl, named only as Kurma,': the name the words after the noun give
        given = name_given_after(text_of(self.doc), token.idx + len(token)) if token.lemma_.lower() in PERSON_NOUNS else None
        mention = self.mention_at(*given) if given is not None else None
        if mention is not None and mention.entity_type == "person":
            return self._speaker_from_mention(mention)
        # 'The chief spokesman, Qari Sayed Mangal, said', where the parser read a name as a verb: the person
        # named between commas right after the noun, titles and honorifics allowed
        after = _NAME_SET_OFF.match(text_of(self.doc), token.idx + len(token))
        if after is not None:
            mention = self.mention_at(after.end(), after.end() + 1)
            if mention is not None and mention.entity_type == "person" and mention.start_char == after.end() \
                    and text_of(self.doc).startswith(",", mention.end_char):
                return self._speaker_from_mention(mention)
        return None

    def _title_words(self, mention) -> set[str]:
        """Words the text gives a person as a title: just before the name ('Interior Minister Peter Wood',
        'The police chief, Omar Haddad') or in an apposition after it ('Jane Doe, the mayor,')."""
        text = text_of(self.doc)
        i = bisect_right(self.starts, mention.start_char - 1) - 1
        while i >= 0 and (self.mentions[i].entity_type != "person" or self.mentions[i].end_char > mention.start_char):
            i -= 1
        # never back into another person's name ('Health Minister Jane Doe and Interior Minister ...')
        since = max(mention.start_char - 60, self.mentions[i].end_char if i >= 0 else 0)
        before = text[since:mention.start_char]
        honorifics = _PERSON_PREFIX_AT_END.search(before)
        end = mention.start_char
        if honorifics:  # 'The chief spokesman, Qari Sayed Mangal': the title is what comes before the honorific
            before, end = before[:honorifics.start()], since + honorifics.start()
        before = re.split(r"[.;:!?\n\"“”]", before)[-1]  # after the honorific's own dot ('Col. Jane Doe')
        verbs = self._finite_verbs(end - len(before), end)
        if verbs:  # never across a finite verb: 'judge tells Tom Varga' gives Varga no title
            before = text[verbs[-1].idx + len(verbs[-1]):end]
        if before.endswith(", "):
            # 'The police chief, Omar Haddad': a description set off just before the name
            clause = before[:-2].split(",")[-1].split()
            located = [i for i, w in enumerate(clause) if w.lower() in ("in", "at", "from", "near", "outside")]
            if located:
                clause = clause[located[-1] + 1:]  # 'a diplomat in the capital, Dravno': Dravno is the capital
            described = clause and (clause[0].lower() in ("the", "a", "an", "his", "her", "its", "their") or clause[0].endswith(("'s", "’s")))
            # ("Kurmin's Minister of Fisheries and Coastal Affairs, Jan Doe": the office holder's word before its 'of')
            title = clause[-4:] + [w for w in clause[:-4] if w.lower() in _OFFICE_HOLDERS] if described else []
        else:
            # 'Commissioner of Police (CP) Jane Doe', 'DCP (north) Jane Doe': the title's initials or its district in
            # brackets belong to it
            initials = re.search(r"\s*\((?:[A-Z]{2,6}|[a-z][a-z-]{2,15})\)\s*$", before)
            words = re.split(r"[,()]", before[:initials.start()] + " " if initials else before)[-1].split()
            # 'Interior Minister Peter Wood': up to three words, back to a word of grammar ('officials since
            # President Jan Doe' has no title but the honorific; 'the governor of Kurmin State' is someone else's)
            title = list(takewhile(lambda w: w.lower() not in STOP_WORDS, reversed(words[-3:])))[::-1]
            # 'Minister of Internal Affairs Givi Lomidze': a capitalised title with its 'of'
            run = 0
            while run < min(len(words), 6) and (words[-1 - run][:1].isupper() or words[-1 - run] in ("of", "for", "and")):
                run += 1
            title = title + words[len(words) - run:]
            # 'Head of the regional military administration Jane Doe': a capitalised office holder and the body
            # after its 'of', in lower case
            office = _OFFICE_OF_A_BODY_BEFORE.search(" ".join(words[-7:]))
            if office:
                title.append(office.group(1))
        after = text[mention.end_char:mention.end_char + 80]
        apposition = re.split(r"[,.;:!?\"“”]", after[1:])[0] if after.startswith(",") else ""
        verb = next(iter(self._finite_verbs(mention.end_char + 1, mention.end_char + 1 + len(apposition))), None)
        if verb is not None:
            # 'Jane Doe, a nurse who works at ...' is a nurse; 'Jane Doe, the government said ...' is no government:
            # the noun after the name is the verb's subject
            subject_after_the_name = verb.dep_ != "relcl" and any(c.dep_ in _SUBJECTS and c.idx > mention.end_char for c in verb.children)
            apposition = "" if subject_after_the_name else text[mention.end_char + 1:verb.idx]
        surface = text[mention.start_char:mention.end_char]  # NER may take the title in: 'Interior Minister Peter Wood'
        words = {w.lower() for w in re.findall(r"[A-Za-z]+", " ".join(title) + " " + apposition + " " + surface)}
        if honorifics:
            words |= {w.lower().rstrip(".") for w in honorifics.group().split()}  # 'Dr Shabnam Wardak' is the doctor
        words |= {TITLE_ABBREVIATIONS[w] for w in words if w in TITLE_ABBREVIATIONS}  # 'Col. Jane Doe' is the colonel
        # 'one of three female doctors' is a doctor
        return words | {w[:-1] for w in words if len(w) > 4 and w.endswith("s") and not w.endswith("ss")}

    def verbs_between(self, start: int, end: int) -> bool:
        """Whether any verb stands wholly between two offsets (one with a tense, or any the tagger calls a verb)."""
        span = self.doc.char_span(start, end, alignment_mode="expand") if start < end else None
        return span is not None and any((t.tag_ in _FINITE_VERB_TAGS or t.pos_ == "VERB") and start <= t.idx and t.idx + len(t) <= end
                                        for t in span)

    def _finite_verbs(self, start: int, end: int) -> list:
        """The verbs with a tense ('tells', 'said') wholly between two offsets."""
        span = self.doc.char_span(start, end, alignment_mode="expand") if start < end else None
        return [t for t in span if t.tag_ in _FINITE_VERB_TAGS and t.idx >= start and t.idx + len(t) <= end] if span is not None else []

    def last_named_speaker_before(self, position: int, exclude: tuple[int, int] | None = None, lookback: int = 8,
                                  people_only: bool = True, pronoun: str | None = None):
        """The person the passage is about: the last named person who said something before `position`
        (or, with people_only False, the last person or organisation)."""
        index = self._sentence_at(position)
        if index is None:
            return None
        for earlier in range(index - 1, max(index - 1 - lookback, -1), -1):
            sent = self.sentences[earlier]
            if exclude and sent.start_char >= exclude[0]:
                continue
            labelled = self._person_labelling_the_paragraph(sent.start_char + 1, pronoun) \
                if sent.start_char > 0 and text_of(self.doc)[sent.start_char - 1] == "\n" else None
            if labelled is not None:
                return labelled  # 'Kurmish President Jan Doe: the attacks were "..."', a round-up's line: Doe speaks
            for token in sent:
                if token.lemma_.lower() in REPORTING_LEMMAS and token.pos_ == "VERB":
                    for child in token.children:
                        if child.dep_ in _SUBJECTS and child.lower_ not in PRONOUNS and child.lemma_.lower() not in STATEMENT_NOUNS:
                            speaker = self.speaker_of_token(child)
                            if speaker and speaker.entity_id and (
                                    not people_only or self.entities[speaker.entity_id].entity_type == "person") \
                                    and (self.entities[speaker.entity_id].entity_type != "person" or self._agrees(speaker.entity_id, pronoun)):
                                return speaker
                            if speaker and speaker.entity_id is None and pronoun in ("he", "she") and _a_name_ner_missed(speaker.name):
                                return speaker  # '"...," Jan Kurmov told Reuters.', a name the recogniser missed
        return None

    def labelled_speaker(self, start: int) -> Speaker | None:
        """'Kurmish Deputy Mayor Jane Doe: "..."', '– US PRESIDENT JAN DOE: “...”': the one a paragraph names, with a
        colon, before the quotation at `start` that follows it (a reaction round-up, a live blog); not 'He later
        added:', a sentence with a verb."""
        text = text_of(self.doc)
        line_start = text.rfind("\n", 0, start) + 1
        # (not the headline's 'HORROR IN KURMBY: "..."', a kicker, not a speaker)
        label = _SPEAKER_LABEL.fullmatch(text, line_start, start) if line_start > 0 else None
        if label is None:
            return None
        begin, end = label.span("label")
        span = self.doc.char_span(begin, end, alignment_mode="expand")
        if span is None or any(t.pos_ in ("VERB", "AUX") and not t.text.isupper() for t in span):
            return None
        named = [m for m in self._mentions_from(begin, end) if m.end_char <= end and m.entity_type in ("person", "organization")]
        chosen = next((m for m in reversed(named) if m.entity_type == "person"), named[-1] if named else None)
        if not text[begin:end].isupper():
            return self._speaker_from_mention(chosen) if chosen is not None else None
        # a label in capitals, which the recogniser reads badly: the name from its first given name, else after the
        # titles and places before it ('US PRESIDENTIAL HOPEFUL JANE DOE', "KURMISTAN'S QUEEN JANE II")
        words = text[begin:end].split()
        given = next((i for i, word in enumerate(words) if is_given_name(word.title())), None)
        words = words[given:] if given is not None else words
        while words and (words[0].lower().rstrip(".") in person_prefix_words() or _POSSESSIVE_S.sub("", words[0]).lower() in demonyms()
                         or (_POSSESSIVE_S.search(words[0]) and geocode(_POSSESSIVE_S.sub("", words[0]).title()) is not None)
                         or len(words[0]) <= 2):
            words = words[1:]
        if not 2 <= len(words) <= 4:
            return None
        return Speaker(" ".join(w.title() if not _ROMAN_NUMERAL.fullmatch(w) else w for w in words),
                       chosen.entity_id if chosen is not None else None, proper=chosen is None)

    def _person_labelling_the_paragraph(self, position: int, pronoun: str | None = None) -> Speaker | None:
        """The person a label names where the paragraph around `position` opens with one ('Kurmish President Jan Doe:
        the attacks were "...," he said')."""
        text = text_of(self.doc)
        paragraph_start = text.rfind("\n", 0, position) + 1
        if paragraph_start == 0 or BYLINE_LABEL.search(text):
            return None  # (in a transcript, 'he said' in a speaker's line reports someone else)
        label = _SPEAKER_LABEL.match(text, paragraph_start, position)
        labelled = self.labelled_speaker(label.end()) if label is not None else None
        if labelled is not None and labelled.entity_id and self.entities[labelled.entity_id].entity_type == "person" \
                and self._agrees(labelled.entity_id, pronoun):
            return labelled
        return None

    def signed_speaker(self, end: int) -> Speaker | None:
        """'"..." / Jane Doe, EU foreign policy chief': a quotation that fills its paragraph, signed by the short line
        after it that names someone and says nothing more (no verb)."""
        text = text_of(self.doc)
        paragraph_end = text.find("\n", end)
        if paragraph_end < 0 or text[end:paragraph_end].strip():
            return None
        line_start = paragraph_end + len(text[paragraph_end:]) - len(text[paragraph_end:].lstrip())
        line_end = text.find("\n", line_start)
        return self._signature(line_start, len(text) if line_end < 0 else line_end)

    def signed_before(self, start: int) -> Speaker | None:
        """'Jane Doe, EU foreign policy chief / "..."': the signature line just before the paragraph that a quotation
        opens, if there is one."""
        text = text_of(self.doc)
        paragraph_start = text.rfind("\n", 0, start) + 1
        if paragraph_start == 0 or text[paragraph_start:start].strip(" \t\"“'‘«"):
            return None
        line_end = len(text[:paragraph_start].rstrip())
        return self._signature(text.rfind("\n", 0, line_end) + 1, line_end) if line_end > 0 else None

    def _signature(self, line_start: int, line_end: int) -> Speaker | None:
        """The person a short line names, alone or after a title, with nothing more said (no verb)."""
        text = text_of(self.doc)
        if line_end - line_start > 100 or line_start >= line_end:
            return None
        span = self.doc.char_span(line_start, line_end, alignment_mode="expand")
        first = next((m for m in self._mentions_from(line_start, line_end) if m.entity_type == "person"), None)
        # (the name first, or after its title: 'Chief Inspector, Jan Doe', 'Foreign Minister, Jan Doe')
        title = text[line_start:first.start_char].replace(",", " ").split() if first is not None else []
        if span is None or first is None or any(t.pos_ in ("VERB", "AUX") for t in span) \
                or not (all(w.lower().rstrip(".") in person_prefix_words() for w in title)
                        or " ".join(title).lower() in person_prefix_words()):
            return None
        return self._speaker_from_mention(first)

    def quotations_signed_after(self, quotations) -> bool:
        """Whether a round-up signs its quotations on the line after them, not before: the first quotation with a
        signature line beside it has one after it only."""
        for start, end in quotations:
            before, after = self.signed_before(start), self.signed_speaker(end)
            if before is not None or after is not None:
                return before is None
        return False

    def interview_answer_speaker(self, start: int, end: int) -> Speaker | None:
        """In an interview written as questions and quoted answers (two questions or more, each a paragraph
        of its own), a quotation that answers a question is the interviewee's: the person the article
        names most. So is a quotation in an answer marked 'A:'."""
        text = text_of(self.doc)
        paragraph_start = text.rfind("\n", 0, start) + 1
        if _ANSWER_MARK.match(text, paragraph_start):
            # 'A: ... I wrote in my notebook, "..."': the interviewee quoting herself, not someone she tells of
            sentence = self._sentence_at(start)
            said_by_me = sentence is not None and any(
                t.lower_ in ("i", "we") and t.dep_ in _SUBJECTS and t.idx < start for t in self.sentences[sentence])
            return self._interviewee(start) if said_by_me else None
        if text[paragraph_start:start].strip() or self._answered_questions() < 2:
            return None
        before = text[:paragraph_start].rstrip()
        prompt = before[before.rfind("\n") + 1:]
        # the interviewer's question, or a short prompt of theirs ('You have been critical of donors.')
        if _QUESTION_PARAGRAPH.fullmatch(prompt) or _PROMPT_PARAGRAPH.fullmatch(prompt):
            return self._interviewee(start)
        return None

    def _answered_questions(self) -> int:
        """How many of the text's paragraphs are an interviewer's questions (unquoted, ending in '?', or
        'Q:') that a paragraph opening with a quotation mark answers: two or more make an interview."""
        if self._question_count is None:
            paragraphs = [p.strip() for p in text_of(self.doc).split("\n") if p.strip()]
            self._question_count = sum(1 for p, after in zip(paragraphs, paragraphs[1:])
                                       if _QUESTION_PARAGRAPH.fullmatch(p) and after[:1] in "\"“«‘'")
        return self._question_count

    def _interviewee(self, answer_start: int) -> Speaker | None:
        """The person the article names most; of those its introduction to the questions names, when it
        names any ('Five minutes with Jan Doe', then the questions, in a match report about others)."""
        counts: dict[str, int] = {}
        text = text_of(self.doc)
        for m in self.mentions:
            line = text[text.rfind("\n", 0, m.start_char) + 1:m.start_char]
            if m.entity_type == "person" and not self._in_quotation(m) and not _BYLINE.match(line):
                counts[m.entity_id] = counts.get(m.entity_id, 0) + 1
        if not counts:
            return None
        introduced = self._introduced_before_the_questions(answer_start)
        if introduced & counts.keys():
            counts = {e: n for e, n in counts.items() if e in introduced}
        entity = self.entities[max(counts, key=lambda e: (counts[e], -min(m.start_char for m in self.mentions if m.entity_id == e)))]
        return Speaker(entity.canonical_name, entity.entity_id)

    def _introduced_before_the_questions(self, answer_start: int, paragraphs: int = 2) -> set[str]:
        """The people named in the paragraphs just before the run of questions and answers that holds
        `answer_start` (not in one that quotes someone: a third voice brought in before the questions)."""
        text = text_of(self.doc)
        spans = [(p.start(), p.end()) for p in re.finditer(r"[^\n]*\S[^\n]*", text)]
        index = bisect_right([start for start, _end in spans], answer_start) - 1
        while index >= 0:  # back over the answer, the questions and the other quoted answers
            paragraph = text[spans[index][0]:spans[index][1]].strip()
            if not (spans[index][0] <= answer_start < spans[index][1] or _QUESTION_PARAGRAPH.fullmatch(paragraph)
                    or paragraph[:1] in "\"“«‘'"):
                break
            index -= 1
        people = set()
        for start, end in spans[max(index - paragraphs + 1, 0):index + 1] if index >= 0 else []:
            if not any(mark in text[start:end] for mark in "\"“”«»"):
                people |= {m.entity_id for m in self._mentions_from(start, end)
                           if m.entity_type == "person"}
        return people

    def lede_speaker(self, start: int, end: int, phrases_only: bool = False) -> Speaker | None:
        """A quotation that opens its paragraph with no attribution of its own, followed by a sentence
        about a named person: '"...." Jane Doe, 52, spoke from a tent', '"...." Those were the words of
        Jane Doe', '"...." The message came from Jane Doe'. The person is the speaker. With `phrases_only`,
        only a phrase that says so ('the words of', 'the view of') counts."""
        text = text_of(self.doc)
        paragraph_start = text.rfind("\n", 0, start) + 1
        if text[paragraph_start:start].strip():
            return None
        # The words after the quotation up to the end of their sentence: the rest of the quotation's own
        # sentence when the parser ran the two together, else the next sentence (in the next paragraph
        # only when the quotation is a paragraph of its own).
        index = self._sentence_at(max(end - 1, 0))
        if index is None:
            return None
        if not text[end:self.sentences[index].end_char].strip(" \n\"”'’»"):
            index += 1
        if index >= len(self.sentences):
            return None
        sent = self.sentences[index]
        begin = max(end, sent.start_char)
        between = text[end:begin]
        if between.count("\n") > 2 or between.strip(" \n\"”'’»"):
            return None
        words = [t for t in sent if t.idx >= begin] if not phrases_only else []
        for token in words:
            if token.dep_ in _SUBJECTS and token.head.idx >= begin and token.head.pos_ in ("VERB", "AUX"):
                mention = self.mention_at(token.idx, token.idx + len(token))
                if mention is not None and mention.entity_type == "person" and not self._in_quotation(mention):
                    return self._speaker_from_mention(mention)
                break  # the first clause's subject only
        lede = LEDE_PHRASES.search(text, begin, sent.end_char)
        if lede is not None:
            for m in self.mentions[bisect_right(self.starts, lede.end() - 1):]:
                if m.start_char >= sent.end_char:
                    break
                if m.entity_type == "person":
                    return self._speaker_from_mention(m)
        return None

    def _is_subject(self, mention) -> bool:
        span = self.doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
        # 'Her neighbour, Sher Khan, was digging': a name in apposition to the subject is the subject
        # and 'Among the crowd was Jean Doe' names its subject after the verb
        if _ACCORDING_TO_BEFORE.search(text_of(self.doc), max(0, mention.start_char - 80), mention.start_char):
            return True  # '..., according to the village elder, Jan Doe' names the source the sentence speaks for
        if span is not None and span[0].is_sent_start and span.sent.root.pos_ not in ("VERB", "AUX") \
                and span.sent.root.tag_ in ("NNS", "VBZ") and len(span.sent) - len(span) <= 3:
            return True  # 'Kurtiz kneels.', which the parser reads as an adjective and a plural noun: a name and its verb
        return span is not None and any(t.dep_ in _SUBJECTS or (t.dep_ == "appos" and t.head.dep_ in _SUBJECTS)
                                        or _named_after_a_title_of_a_place(t) or _subject_of_a_verb_taken_for_a_noun(t)
                                        or _the_subject_the_parser_hung_elsewhere(t)
                                        or (t.dep_ == "attr" and t.head.lemma_ == "be"
                                            and not any(c.dep_ in _SUBJECTS for c in t.head.children)) for t in span)

    def _speaker_from_mention(self, mention) -> Speaker:
        entity = self.entities[mention.entity_id]
        if entity.entity_type == "person" and " " not in entity.canonical_name and name_key(entity.canonical_name) in self.namesakes:
            entity = self._namesake_speaking(mention, self.namesakes[name_key(entity.canonical_name)])
        return Speaker(entity.canonical_name, entity.entity_id)

    def _namesake_speaking(self, mention, namesakes: list[str]):
        """Of the people who share the surname written alone, the one who speaks: not one whose death the
        text tells, of the sex an honorific before the surname says ('Mr Doe'), the first the text named
        (a story names its subject first, a relative by a full name or a given name)."""
        text = text_of(self.doc)
        honorific = _HONORIFIC_BEFORE.search(text, max(0, mention.start_char - 12), mention.start_char)
        sex = ("female" if honorific.group(1).lower() in _FEMALE_HONORIFICS else "male") if honorific else None
        living = [i for i in namesakes if not self.dead(i)] or namesakes
        fitting = [i for i in living if sex is None or self._sex(i) in (sex, None)] or living
        # ('Her mother, Kurma Doe, sat through the hearing. "...," Mrs Doe said': with an honorific, the one of that
        # sex the sentences before were about; a surname alone is the person the story named first)
        salient = self.salient_person_before(mention.start_char, (mention.start_char, mention.end_char), lookback=4) if honorific else None
        if salient is not None and salient.entity_id in fitting[1:]:
            return self.entities[salient.entity_id]
        return self.entities[fitting[0]]

    def dead(self, entity_id: str) -> bool:
        """Whether the text tells of this person's death ('the death of Jan Doe', 'Jan Doe was killed')."""
        text = text_of(self.doc)
        for m in self.mentions:
            if m.entity_id == entity_id:
                index = self._sentence_at(m.start_char)
                if _DEATH_OF_BEFORE.search(text, max(0, m.start_char - 60), m.start_char) or (
                        index is not None and self._died(m, self.sentences[index])):
                    return True
        return False

    def _sex(self, entity_id: str) -> str | None:
        """'male' or 'female' as an honorific or apposition states it, else as the given name suggests."""
        gender = self.stated_gender.get(entity_id) or name_gender(self.entities[entity_id].canonical_name)
        return "male" if gender in ("male", "mostly_male") else "female" if gender in ("female", "mostly_female") else None

    def speaker_of_token(self, token, exclude: tuple[int, int] | None = None) -> Speaker | None:
        """The speaker a subject token stands for."""
        if _a_transcript_label(token):
            return None  # 'QUESTION (Jane Doe, Radio Kurmin): The mayor said ...': a line's label is no subject
        if token.lower_ == "i" and token.pos_ == "PRON":
            # 'DOE: ... I said it yesterday and I repeat it today: "..."': in a transcript, whose turn it is
            turn = self._speaker_of_the_turn(token.idx)
            if turn is not None:
                return turn
        if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl" and token.head.head is not token.head:
            # 'The ministry, which warned of "..."': the relative clause speaks for the noun it describes.
            return self.speaker_of_token(token.head.head, exclude)
        ranked = _ranked_name_first(token)
        if ranked is not None:
            # 'Sergeant Jan Doe of the Kurmin police told': a rank and a name, whatever the parser made the head
            mention = self.mention_at(ranked[0], ranked[1])
            return self._speaker_from_mention(mention) if mention is not None and mention.entity_type == "person" \
                else Speaker(text_of(self.doc)[ranked[0]:ranked[1]], None, proper=True)
        named = next((t for t in token.subtree if _named_after_a_title_of_a_place(t) and t.head.head.i == token.i), None)
        mention = self.mention_at(named.idx, named.idx + len(named)) if named is not None else None
        if mention is not None and mention.entity_type == "person" and mention.entity_id:
            return self._speaker_from_mention(mention)  # 'the governor of Dala province Jane Doe told reporters'
        if any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) and token.pos_ in ("NOUN", "ADJ") \
                and (token.lower_ == "old" or token.lemma_.lower() in PERSON_NOUNS or token.lower_.endswith(_PERSON_NOUN_ENDINGS)) \
                and _AGED.search(text_of(self.doc), min(c.idx for c in token.children), token.idx + len(token)):
            # '"...," the 26-year-old said', 'says the 70-year-old retired teacher': the person the sentences
            # before were about
            # (from where its sentence starts: a quotation before the description in it names no one)
            salient = self.salient_person_before(min(_before_the_quotation(token.idx, exclude), token.sent.start_char), exclude,
                                                 lookback=3)
            if salient is not None:
                return self._speaker_from_mention(salient)
        if _a_person_by_nationality_or_party(token):
            # '"...," the Democrat said', 'the 34-year-old Canadian said': the person the sentences before were about
            salient = self.salient_person_before(min(_before_the_quotation(token.idx, exclude), token.sent.start_char), exclude,
                                                 lookback=3)
            if salient is not None:
                return self._speaker_from_mention(salient)
            return self._description(token)  # (a nationality is no one's name)
        if token.lower_ in PRONOUNS and token.pos_ == "PRON":
            if token.lower_ in PERSON_PRONOUNS:
                described = self._person_a_relative_clause_describes(token, exclude)
                if described is not None:
                    return described
                # The person the last sentences were about (their subject) first, then the last one quoted;
                # the sentences before the quotation, when the pronoun follows it.
                before = _before_the_quotation(token.idx, exclude)
                earlier = self._main_subject_before(before, exclude, lookback=1)
                if earlier is not None and earlier.lower_ == token.lower_ and earlier.i != token.i:
                    # 'She said she would stay. "...," she said': the 'she' of the sentence before, resolved
                    # (without the words of the quotation that 'she' attributes)
                    return self.speaker_of_token(earlier, self._quotation_just_before(earlier))
                labelled = self._person_labelling_the_paragraph(token.idx, token.lower_)
                if labelled is not None:
                    return labelled  # 'Kurmish President Jan Doe: the attacks were "...," he said'
                salient = self.salient_person_before(before, exclude, pronoun=token.lower_)
                unnamed = self._unnamed_subject_before(token.idx, exclude)
                if unnamed is not None and (salient is None or unnamed.idx > salient.end_char):
                    # 'Another neighbour, who asked not to be named, said ... "...," she said': the
                    # person the text describes, or the body a spokesman speaks for
                    speaker = self._unnamed_speaker(unnamed, exclude)
                    if speaker is not None:
                        return speaker
                titled = self._titled_person_before(token.idx, exclude, token.lower_)
                if titled is not None and (salient is None or titled[0].idx > salient.end_char):
                    return titled[1]
                described = self._person_named_beside_the_subject_before(token.idx, exclude, token.lower_)
                if described is not None and (salient is None or described[0].idx > salient.end_char):
                    # 'A farmer who gave only his first name, Kurmo, said ... "...," he said'
                    return described[1]
                if salient is not None:
                    return self._speaker_from_mention(salient)
                named = self._only_person_just_before(token.idx, exclude, token.lower_)
                if named is not None:
                    return named
                speaker = self.last_named_speaker_before(token.idx, exclude, pronoun=token.lower_)
                if speaker:
                    return speaker
                mention = self.last_of_type_before(token.idx, "person", exclude, pronoun=token.lower_)
                return self._speaker_from_mention(mention) if mention else None
            if token.lower_ in ORGANISATION_PRONOUNS:
                # 'Jan Doe sent me a text message. "...," it read': whoever sent the message the text told of
                issuer = self._issuer_of_a_statement_before(token, exclude, lookback=1)
                if issuer is not None:
                    return issuer
                # 'The Kurmin Interior Ministry condemned the attack. "...," it said': the body the sentence
                # before was about
                earlier = self._main_subject_before(_before_the_quotation(token.idx, exclude), exclude, lookback=1)
                if earlier is not None and token.lower_ == "they" and earlier.tag_ in ("NNS", "NN") \
                        and earlier.lemma_.lower() in PERSON_NOUNS and self.mention_at(earlier.idx, earlier.idx + len(earlier)) is None:
                    # 'About 100 protesters gathered. ... They chanted: "..."', 'One witness told the paper ... "...,"
                    # they said': the people or the person the text describes
                    return self._description(earlier)
                if earlier is not None and earlier.lower_ not in PRONOUNS and earlier.i != token.i:
                    speaker = self.speaker_of_token(earlier, exclude)
                    if speaker is not None and earlier.lemma_.lower() in STATEMENT_NOUNS and earlier.pos_ == "NOUN":
                        return speaker  # '"...," the statement said. "...," it added': whoever issued the statement
                    mention = self.mention_at(earlier.idx, earlier.idx + len(earlier))
                    if speaker is not None and (speaker.institution or (speaker.entity_id and self.entities[speaker.entity_id].entity_type == "organization")) \
                            and (mention is None or mention.entity_type == "organization"):
                        return speaker
                    if speaker is not None and speaker.entity_id is None and mention is None and earlier.lemma_.lower() in INSTITUTION_NOUNS:
                        return speaker  # '"...," state police said. "...," it said': the body, though unnamed
                mention = self.last_of_type_before(token.idx, "organization", exclude, window=1500, speakers_within=600)
                return self._speaker_from_mention(mention) if mention else None
            return None
        if token.pos_ == "NOUN" and token.lemma_.lower() in STATEMENT_NOUNS:
            # 'A statement from the club read', "The club's statement added", 'the statement said'
            # ('The statement, signed by the command's spokesman, read': whom the signer speaks for)
            signers = [agent for c in token.children if c.dep_ == "acl" for agent in c.children if agent.dep_ == "agent"]
            for child in [*token.children, *signers]:
                if child.dep_ == "poss" or (child.dep_ in ("prep", "agent") and child.lower_ in ("from", "by", "of")):
                    issuer = child if child.dep_ == "poss" else next((g for g in child.children if g.dep_ == "pobj"), None)
                    if issuer is not None and issuer.lemma_.lower() in SPOKESPERSON_NOUNS:
                        # a statement the spokesman signed is the body's, whether or not he is named
                        issuer = next((g for g in issuer.children if g.dep_ == "poss"), issuer)
                    speaker = self.speaker_of_token(issuer, exclude) if issuer is not None else None
                    if speaker and speaker.entity_id:
                        return speaker
            # 'the Kurmin Police statement said': the body named in the noun's compounds (where the recogniser
            # missed it, a name whose last word is a body's)
            names = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.text[:1].isupper()]
            issuer = next((m for c in names for m in [self.mention_at(c.idx, c.idx + len(c))]
                           if m is not None and m.entity_type == "organization"), None)
            if issuer is not None:
                return self._speaker_from_mention(issuer)
            if names and names[-1].lower_ in organisation_words() and not any(self.mention_at(c.idx, c.idx + len(c)) for c in names):
                first = min(t.idx for c in names for t in c.subtree if t.pos_ == "PROPN")
                return Speaker(text_of(self.doc)[first:names[-1].idx + len(names[-1])], None, institution=True)
            issuer = self._body_in_the_words_before(token)
            if issuer is not None:
                return issuer
            state_body = next((c for c in token.children if c.dep_ in ("amod", "compound") and c.lower_ in STATE_INSTITUTION_NOUNS), None)
            if state_body is not None:
                # 'a military statement said': the armed forces (or government) of the country whose body the
                # sentences before named ('the Kurmish army said'), else of the document's country
                adjective = self._country_of_a_state_body_before(token, exclude) or self.country_adjective
                return Speaker(f"{adjective} {state_body.lower_}" if adjective else f"the {state_body.lower_}", None, institution=True)
            return self._issuer_of_a_statement_before(token, exclude) or self._body_the_sentence_before_was_about(token, exclude) \
                or self.last_named_speaker_before(token.idx, exclude, people_only=False)
        if token.pos_ == "PROPN" and name_key(token.text) in self.by_surname and self.mention_at(token.idx, token.idx + len(token)) is None:
            entity = self.entities[self.by_surname[name_key(token.text)]]
            return Speaker(entity.canonical_name, entity.entity_id)
        if token.lemma_.lower() in SPOKESPERSON_NOUNS and token.pos_ == "NOUN" and not any(c.dep_ == "appos" for c in token.children):
            # 'a spokesman for the committee', "the command's spokesman": the organisation speaks (the annotation
            # guide); a spokesman the text names speaks in his own name ('the group's spokesman, Jan Doe, said')
            for prep in token.children:
                if prep.dep_ == "poss" or (prep.dep_ == "prep" and prep.lower_ in ("for", "of")):
                    body = prep if prep.dep_ == "poss" else next((c for c in prep.children if c.dep_ == "pobj"), None)
                    named = self._person_beside_a_body(body) if body is not None else None
                    if named is not None:
                        return named  # 'a spokeswoman for the Kurmin Ministry, Jane Doe, said', the name hung on the body
                    speaker = self.speaker_of_token(body, exclude) if body is not None else None
                    if speaker is not None and (speaker.entity_id or speaker.institution):
                        return speaker
            body = self._body_in_the_words_before(token)
            if body is not None and (body.entity_id is None or self.entities[body.entity_id].entity_type == "organization"):
                return body  # 'a Kurmin City police spokesperson', 'a Chilean navy spokesman': the body speaks
            for body in (c for c in token.children if c.dep_ == "compound" and c.pos_ == "NOUN"):
                if body.lower_ == "police":  # 'a police spokesman said': the force speaks
                    named = next((t for t in self.doc[token.left_edge.i:body.i] if t.pos_ == "PROPN"), None)
                    if named is not None:  # ('a Dalen Province police spokesman': the force the phrase names)
                        return Speaker(text_of(self.doc)[named.idx:body.idx + len(body)], None, institution=True)
                    force = self._police_force(body, exclude)
                    if force is not None:
                        return force
                # 'a ministry spokesperson told journalists': the ministry the text named last
                described = self.described_entity(body, exclude)
                if described is not None and described.entity_id and self.entities[described.entity_id].entity_type == "organization":
                    return described
                if self.country_adjective and body.lower_ in STATE_INSTITUTION_NOUNS:
                    # 'an army spokesman said', in a document about one country: that state's army
                    return Speaker(f"{self.country_adjective} {body.lower_}", None, institution=True)
        if token.text.isupper() and token.lower_ in TITLE_CLASSES and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            # 'the IGP said', which the entity recogniser may take for an organisation's initials
            described = self.described_entity(token, exclude)
            if described is not None:
                return described
        named = self._named_apposition(token) if token.pos_ == "NOUN" and self.mention_at(token.idx, token.idx + len(token)) is None else None
        if named is not None:
            return named  # 'The foreign minister of X, Jane Doe, wrote': the name set beside the title
        # 'the minister', 'the police chief': a common noun (the tagger sometimes calls a title a proper noun)
        # ('the secretary-general', whose last part the tagger calls an adjective)
        # ('the Minister noted', as translated state media capitalise a title)
        capitalised_title = token.pos_ == "PROPN" and token.text.istitle() \
            and (not any(c.dep_ == "compound" for c in token.children) or _hyphenated_title(token)) \
            and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        if (token.pos_ == "NOUN" or (token.pos_ in ("PROPN", "ADJ") and token.text.islower()) or capitalised_title) \
                and self.mention_at(token.idx, token.idx + len(token)) is None \
                and (any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "its", "their", "his", "her", "this", "that") for c in token.children)
                     or self._in_the_headline(token)  # a headline drops its articles ('says mayor')
                     # ('Kurmistan captain talked about ...', as sports pages drop the article before a team's title)
                     or (not any(c.dep_ in ("det", "poss") for c in token.children)
                         and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children))):
            unnamed = self._unnamed_subject_before(token.idx, exclude, lookback=2)
            if unnamed is not None and unnamed.lemma_ == token.lemma_ and unnamed.i != token.i:
                # 'a senior minister, speaking on condition of anonymity, said ... "...," the minister said'
                return self._unnamed_speaker(unnamed, exclude)
            if _named_in_lower_case(token):
                return self._description(token)  # 'the national disaster management agency has posted'
            described = self.described_entity(token, exclude) or self._institution_described_before(token)
            if described is not None:
                return described
            if (token.lemma_.lower() in _THE_ONE_JUST_NAMED or _a_parent_of_so_many(token)) and token.text.islower() \
                    and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) \
                    and not any(c.dep_ in ("appos", "prep", "compound") and not _an_age(c) for c in token.children):
                # 'Another survivor, Jane Doe, described how she escaped. "...," the woman recounted': the person
                # the sentences before were about, of the noun's sex (not 'the Resident Coordinator for X, Jane Doe',
                # a title with its own name)
                pronoun = {"male": "he", "female": "she"}.get(GENDERED_NOUNS.get(token.lemma_.lower()))
                before = _before_the_quotation(token.idx, exclude)
                if self._spoke_unnamed_before(token, before):
                    return self._description(token)  # 'a witness told the group ... "...," the witness said'
                subject = self.salient_person_before(before, exclude, pronoun=pronoun, lookback=2)
                if subject is None:
                    # (a parent's epithet points back past the quotations of the one it names: 'Jane Doe said ... "..."
                    # "..." The mother of three said: "..."')
                    speaker = self.last_named_speaker_before(before, exclude, lookback=4 if _a_parent_of_so_many(token) else 2,
                                                             pronoun=pronoun)
                    if speaker is not None:
                        return speaker
                elif not _introduced_anew(text_of(self.doc), token, subject.end_char):
                    return self._speaker_from_mention(subject)
            if any(c.dep_ == "det" and c.lower_ in ("this", "that") for c in token.children) \
                    or any(c.dep_ == "amod" and c.lower_ == "same" for c in token.children):
                # '"...," added this source', 'the same official said': the one named as speaking just before
                before = self.last_named_speaker_before(token.idx, exclude, lookback=2, people_only=False)
                if before is not None:
                    return before
        if token.lower_.rstrip(".") in person_prefix_words():
            # 'said Sgt. Jane Doe', where the parser made the rank the subject and hung the name elsewhere
            named = self._name_just_after(token, exclude)
            if named is not None and named.entity_id is not None and self.entities[named.entity_id].entity_type == "person":
                return named
        phrase = list(token.subtree)
        mention = self.mention_at(token.idx, token.idx + len(token))
        if mention is None:
            # 'the head of the regional administration, Name' or 'regional governor Name'; an apposition
            # first, and never the possessor ("Mr. Brown's former teacher, Marie Dupont" is Dupont).
            possessed = {t.i for c in token.children if c.dep_ == "poss" for t in c.subtree}
            appositions = [t for c in token.children if c.dep_ == "appos" for t in c.subtree]
            rest = [t for t in phrase if t.i not in possessed and t not in appositions]
            named = [m for m in (self.mention_at(c.idx, c.idx + len(c)) for c in appositions + rest)
                     if m is not None and m.entity_type in ("person", "organization")]
            # a person named in the phrase before an organisation or country it names ('the foreign minister
            # of X, Jane Doe')
            mention = next((m for m in named if m.entity_type == "person"), named[0] if named else None)
            office = self._office_of(mention, token) if mention is not None and mention.entity_type == "organization" else None
            if office is not None:
                return office
            whose = {t.idx for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree}
            if mention is not None and mention.entity_type == "person" and mention.start_char in whose \
                    and token.lemma_.lower() in PERSON_NOUNS and token.pos_ == "NOUN" and not self._beside_a_place_or_body(mention):
                # 'the parents of Jan Doe said': the parents speak, not Jan Doe (but 'the mayor of Dalen, Jan Doe,
                # said' is the mayor, named beside the town the parser hung the name on)
                return self._description(token)
            if mention is not None and mention.entity_type == "organization" and not any(m.entity_type == "person" for m in named) \
                    and token.lemma_.lower() in PERSON_NOUNS - SPOKESPERSON_NOUNS and token.pos_ == "NOUN":
                # 'a senior official at the Kurmin Energy Ministry said', 'one fund manager whose fund owns Kurmin
                # shares said': an unnamed person speaks, not the organisation ('a Kurmin FA spokesman' speaks for the body)
                return self._description(token)
        if mention is not None and mention.entity_type == "location" and _after_a_preposition(text_of(self.doc), mention.start_char):
            # 'In Addis Ababa, the government spokeswoman, Jane Doe, called ...', which the parser made the
            # subject with the speaker in apposition to the place
            apposition = next((c for c in token.children if c.dep_ == "appos"), None)
            return self.speaker_of_token(apposition, exclude) if apposition is not None else None
        if mention is not None and mention.entity_type == "person":
            # 'In a statement signed by its spokesperson, Jane Doe, the National Police Service said': an
            # organisation is no apposition to a person; the parser hung the subject on the name before it
            body = next((m for c in token.children if c.dep_ == "appos"
                         for m in [self.mention_at(c.idx, c.idx + len(c))] if m is not None and m.entity_type == "organization"), None)
            if body is not None and text_of(self.doc)[mention.end_char:body.start_char].lstrip().startswith(",") \
                    and token.head.i > token.i:
                # (not 'Sergeant Jane Doe of the Kurmin Police Unit said', a member of the body the parser set beside her,
                # nor 'said Captain Jane Doe, Kurmin Police Department', the body she works for after her name)
                return self._speaker_from_mention(body)
        if mention is not None and mention.entity_type == "organization" and _a_title_taken_for_a_body(mention.surface):
            # 'The Humanitarian Coordinator a.i. for Kurmistan, Jane Doe, said', a title the recogniser took for a body:
            # the person named beside it, wherever the parser hung the name in the phrase
            named = next((m for t in token.subtree if t.dep_ == "appos"
                          for m in [self.mention_at(t.idx, t.idx + len(t))] if m is not None and m.entity_type == "person"), None)
            if named is not None:
                return self._speaker_from_mention(named)
        if mention is not None and mention.entity_type == "organization":
            # 'said Kurmin Civil Protection Office spokesperson Jane Doe', which the parser hangs on the body's name
            titled = _ROLE_AFTER_A_BODY.match(text_of(self.doc), mention.end_char)
            person = self.mention_at(titled.end(), titled.end() + 1) if titled else None
            if person is not None and person.entity_type == "person" and person.start_char == titled.end():
                return self._speaker_from_mention(person)
        if mention is not None and mention.entity_type in ("person", "organization", "location"):
            return self._speaker_from_mention(mention)
        if token.pos_ == "PROPN" and token.text[:1].isupper():
            # A name the entity recogniser missed: the proper nouns of the subject's head, as written (not a
            # letter alone, as an interview's 'Q:')
            names = [t for t in token.subtree if t.i <= token.i and (t.dep_ == "compound" or t.i == token.i) and t.pos_ == "PROPN"]
            titled = False
            while len(names) > 1 and (names[0].lower_.rstrip(".") in person_prefix_words() or (titled and re.fullmatch(POST_DISTRICT, names[0].text))):
                names, titled = names[1:], True  # 'Ms Ramanathan' is Ramanathan; 'DCP North Jan Doe', a post and its district, Jan Doe
            if len(names) == 1 and token.lower_ in person_prefix_words():
                return self._description(token)  # 'the Minister said': a title alone names no one
            if names and names[-1].i == token.i and token.i - names[0].i == len(names) - 1 and len(names) <= 4 \
                    and token.idx + len(token) - names[0].idx > 1:
                written = text_of(self.doc)[names[0].idx:token.idx + len(token)]
                return self._named_in_full_before(written) or Speaker(written, None, proper=True)
        if token.lower_ == "police" and not any(c.dep_ in ("compound", "amod", "poss", "nummod") or (c.dep_ == "det" and c.lower_ != "the")
                                                for c in token.children):
            force = self._police_force(token, exclude)  # '"...," police said'
            if force is not None:
                return force
        return self._description(token)

    def _police_force(self, token, exclude: tuple[int, int] | None) -> Speaker | None:
        """The police force that speaks for 'police' (the annotation guide's organisation): the one the text named ('the
        Kurmin Police Service'), or called by its town ('the Dalen police said'), or else the police of the document's
        country."""
        described = self.described_entity(token, exclude)
        if described is not None and described.entity_id and self.entities[described.entity_id].entity_type == "organization":
            return described
        towns = list(_POLICE_OF_A_PLACE.finditer(text_of(self.doc), 0, token.idx))
        town = towns[-1] if towns else None  # (the last the text named before)
        if town is not None:
            place = self.mention_at(town.start(1), town.end(1))
            if place is not None and place.entity_type == "location":
                return Speaker(f"{town.group(1)} police", None, institution=True)
        if self.country_adjective:
            return Speaker(f"{self.country_adjective} police", None, institution=True)
        return None

    def _speaker_of_the_turn(self, position: int, paragraphs: int = 6) -> Speaker | None:
        """The person whose label ('DOE:', 'JANE DOE (Kurmin Police):') opens the transcript's turn that
        `position` is in: the nearest labelled line at or before it, a few paragraphs back at most."""
        text = text_of(self.doc)
        end = position
        for _ in range(paragraphs):
            start = text.rfind("\n", 0, end) + 1
            label = _TURN_LABEL.match(text, start)
            if label is not None:
                # (someone the text names outside the labels too: 'QUESTION' is no one)
                speaker = self.entity_called(label.group(1).title())
                named = speaker is not None and any(m.entity_id == speaker.entity_id and not m.surface.isupper() for m in self.mentions)
                return speaker if named else None
            if start == 0:
                return None
            end = start - 1
        return None

    def _beside_a_place_or_body(self, mention) -> bool:
        """Whether the parser set a person's name in apposition to a place's or an organisation's name."""
        span = self.doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
        head = span.root.head if span is not None and span.root.dep_ == "appos" else None
        beside = self.mention_at(head.idx, head.idx + len(head)) if head is not None else None
        return beside is not None and beside.entity_type in ("location", "organization")

    def _person_beside_a_body(self, body) -> Speaker | None:
        """The person an organisation's name has in apposition ('the Kurmin Ministry, Jane Doe,'): no name of the
        body, but of the one who speaks for it, where the parser hung the spokesman's name on the body."""
        mention = self.mention_at(body.idx, body.idx + len(body))
        if mention is None or mention.entity_type != "organization":
            return None
        for child in body.children:
            named = self.mention_at(child.idx, child.idx + len(child)) if child.dep_ == "appos" else None
            if named is not None and named.entity_type == "person" and named.start_char > mention.end_char:
                return self._speaker_from_mention(named)
        return None

    def _named_in_passing(self, token) -> Speaker | None:
        """'One survivor, a builder named Kurmin Dasrun,', 'a man called Kurmo': the person a description of
        someone names with 'named' or 'called' (its own or its apposition's, which the parser may take for a
        second subject of the verb)."""
        beside = [c for c in token.children if c.dep_ == "appos"]
        if token.dep_ in ("nsubj", "nsubjpass"):
            beside += [c for c in token.head.children if c.dep_ == token.dep_ and token.i < c.i < token.head.i]
        for noun in (token, *beside):
            # (the parser may make the participle itself the apposition: 'one camper, a 15-year-old called Kurma,')
            for verb in noun.children:
                if verb.dep_ in ("acl", "appos") and verb.lower_ in ("named", "called"):
                    for name in verb.children:
                        mention = self.mention_at(name.idx, name.idx + len(name)) if name.pos_ == "PROPN" and name.i > verb.i else None
                        if mention is not None and mention.entity_type == "person":
                            return self._speaker_from_mention(mention)
                        if name.pos_ == "PROPN" and name.i > verb.i and noun.lemma_.lower() in PERSON_NOUNS \
                                and (mention is None or mention.entity_type != "location"):
                            # a name the recogniser missed or took for a body's: a person's, as the text says
                            first = next((t for t in name.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"), name)
                            return Speaker(text_of(self.doc)[first.idx:name.idx + len(name)], None, proper=True)
        return None

    def _titled_person_named_after_the_lede(self, token) -> Speaker | None:
        """'The storm will be "..." , Kurmistan's president says. / President Jan Doe said ...': a title in the
        article's opening paragraph (after its headline) names the person the next paragraph gives that title to;
        'his grieving mother told mourners. / Jane Doe paid tribute to her son ...': a relative the lede does
        not name is the person the next paragraph opens with, of the relative's sex."""
        text = text_of(self.doc)
        headline_end = text.find("\n")
        lede_end = text.find("\n", token.idx)
        lemma = token.lemma_.lower()
        relative = lemma in GENDERED_NOUNS and any(c.dep_ == "poss" and c.lower_ in ("his", "her", "their") for c in token.children)
        if headline_end < 0 or lede_end < 0 or text.count("\n\n", headline_end, token.idx) > 1 or token.pos_ != "NOUN" \
                or not (lemma in person_prefix_words() or relative):
            return None
        next_paragraph_end = text.find("\n", lede_end + 2)
        for m in self.mentions[bisect_right(self.starts, lede_end):]:
            if next_paragraph_end >= 0 and m.start_char > next_paragraph_end:
                break
            if m.entity_type == "person" and lemma in self._title_words(m):
                return self._speaker_from_mention(m)
            if relative and m.entity_type == "person" and self._is_subject(m) \
                    and self._agrees(m.entity_id, {"male": "he", "female": "she"}[GENDERED_NOUNS[lemma]]):
                return self._speaker_from_mention(m)  # (the first person the paragraph names, as its subject)
            if relative and m.entity_type == "person":
                return None
        return None

    def _description(self, token) -> Speaker | None:
        """The noun phrase itself, without what a clause or an aside adds ('the government, which warns of ...')."""
        called = self._named_in_passing(token) or self._titled_person_named_after_the_lede(token)
        if called is not None:
            return called
        subtree = list(token.subtree)
        end = subtree[-1].idx + len(subtree[-1])
        named = _NAMED_ONLY_AS.search(text_of(self.doc), subtree[0].idx, end + 40)  # (the parser may hang the name elsewhere)
        if named and named.start() < end:
            # 'a survivor, who gave his name only as Kurmasim,': the name the person gave is the speaker's
            mention = self.mention_at(named.start(1), named.end(1))
            if mention is not None and mention.entity_type == "person":
                return self._speaker_from_mention(mention)
            return Speaker(named.group(1), None, proper=True)
        asides = {t.i for c in token.subtree if c.dep_ in ("relcl", "acl", "appos") and c.i != token.i for t in c.subtree}
        # ('the president's office in a statement said': how it spoke, not who)
        asides |= {t.i for c in token.children if c.dep_ == "prep" and any(p.lemma_.lower() in STATEMENT_NOUNS for p in c.children)
                   for t in c.subtree}
        # (without the punctuation around it: the parser may hang a closing quotation mark before it on the noun)
        core = list(dropwhile(lambda t: t.is_punct, (t for t in token.subtree if t.i not in asides and not (t.i > token.i and t.is_punct))))
        if not core:
            return None  # a 'subject' of punctuation alone
        if len(core) > 8:  # 'a volunteer from the ... society': the words up to the noun itself
            core = [t for t in core if t.i <= token.i]
        start, end = core[0].idx, core[-1].idx + len(core[-1])
        text = text_of(self.doc)[start:end].strip()
        if token.pos_ == "PRON" and len(core) == 1:
            return None  # 'you', 'they': no description of anyone
        bare = text.lower().removeprefix("the ")
        if _named_in_lower_case(token):
            # 'the regional emergency service' for the 'Kurmin Regional Emergency Service' the text named
            key = name_key(bare)
            named = [e for e in self.entities.values() if e.entity_type == "organization"
                     and (name_key(e.canonical_name) == key or name_key(e.canonical_name).endswith(" " + key))]
            if len(named) == 1:
                return Speaker(named[0].canonical_name, named[0].entity_id)
            # ... or the one the text wrote before with a place's name ('the Kurmin regional emergency service')
            # (the body's words as this phrase writes them, in lower case: a headline's capitals are no such name)
            earlier = list(re.finditer(r"(?<![\w'’-])(?:The |the )?((?:[A-Z][\w'’-]+ ){1,3}%s)\b" % re.escape(bare),
                                       text_of(self.doc)[:token.idx]))
            if earlier:
                return Speaker(earlier[-1].group(1), None, institution=True)
        ministry = token.lower_ == "ministry" and _named_in_lower_case(token) and not any(
            c.dep_ == "prep" and c.lower_ == "of" for c in token.children)
        if self.country_adjective and text.lower().startswith("the ") and (_STATE_BODY.fullmatch(bare) or ministry):
            # 'the military said in a statement', 'the military government said', 'the interior ministry said',
            # in a document about one country: that state's
            return Speaker(f"{self.country_adjective} {bare}", None, institution=True)
        voice = _STATE_VOICE.fullmatch(bare) if self.country_adjective and text.lower().startswith("the ") else None
        if voice:
            # "the military's information team said": the military speaks, or the body the sentence before
            # named, which the phrase describes ('The Kurmin Press Directorate said ... "...," the army's
            # media wing said')
            return self._body_the_sentence_before_was_about(token, None) \
                or Speaker(f"{self.country_adjective} {voice.group(1)}", None, institution=True)
        if 0 < len(text.split()) <= 8 and any(ch.isalpha() for ch in text) and len(text) > 1:  # not an interview's 'Q'
            institution = _describes_institution(token)
            return Speaker(_institution_name(text, self.country_adjective) if institution else text, None, institution=institution)
        return None

    def _unnamed_speaker(self, token, exclude: tuple[int, int] | None) -> Speaker | None:
        """A person the text describes: the body a spokesman speaks for, else the description itself."""
        if token.lemma_.lower() in SPOKESPERSON_NOUNS:
            speaker = self.speaker_of_token(token, exclude)
            if speaker is not None and (speaker.entity_id or speaker.institution):
                return speaker
        if any(c.dep_ == "poss" and c.lower_ in ("his", "her", "their") for c in token.children):
            # 'His mother said she would keep going' after 'His mother, Jane Doe,': the person the text gave that title
            described = self.described_entity(token, exclude)
            if described is not None and described.entity_id and self.entities[described.entity_id].entity_type == "person":
                return described
        return self._description(token)

    def speaker_in(self, sent, exclude: tuple[int, int] | None = None) -> Speaker | None:
        """The attributed source of a sentence, ignoring tokens inside `exclude` (a quotation)."""
        def outside(tok) -> bool:
            # outside the quotation attributed, and outside any other: 'People here ask it' inside an
            # answer reports nothing
            return (exclude is None or not (exclude[0] <= tok.idx < exclude[1])) and not self._in_a_quotation_found(tok.idx)

        # A reporting verb right after the quotation first ('X urged "...", Y was quoted as saying' is Y's
        # report), then the outermost of the rest. Its subject speaks before the source a sentence cites
        # ('According to the ministry, the minister told reporters "..."': the words are the minister's).
        # ('As Jane Doe put it, "..."' reports as 'said' does)
        verbs = [t for t in sent if ((t.lemma_.lower() in REPORTING_LEMMAS or _puts_it(t)) and (t.pos_ == "VERB" or _verb_taken_for_a_noun(t))
                                     or _reporting_gerund_taken_for_a_noun(t) or _verb_right_after(t, exclude))
                 and outside(t) and not _goes_on_doing(t)]
        # ('"...," she told the Kurmin Times, which said 40 died': what the listener reported is not the quotation)
        verbs = [t for t in verbs if not (t.dep_ == "relcl" and t.head.dep_ in ("dobj", "dative") and t.head.head in verbs)
                 and not _says_something_of_its_noun(t, exclude)]
        after = exclude[1] if exclude is not None else None

        def reports_after(t) -> bool:
            # (not a verb of a relative clause after it: 'X added that it was "...", and a rumour that the militia had
            # agreed to negotiate' tells of the rumour)
            return after is not None and t.idx >= after and t.dep_ not in ("relcl", "acl")

        # ('"...," the minister said, a news agency reported': the verb next to the quotation, with its own
        # subject, tells who spoke; the outer one who passed it on)
        nearest = min((t for t in verbs if reports_after(t)), key=lambda t: t.i, default=None)
        if nearest is not None and not any(c.dep_ == "nsubj" and outside(c) and c.i < nearest.i for c in nearest.children):
            nearest = None
        # ('a quarter that one analyst called "a massacre"': a verb of naming whose complement is the quotation
        # speaks first, however deep the parser puts it)
        naming = next((t for t in verbs if exclude is not None and t.lemma_.lower() in _NAMING_LEMMAS and any(
            c.dep_ in ("oprd", "xcomp", "attr") and exclude[0] <= c.idx < exclude[1] for c in t.children)), None)
        inner = self._reporting_verb_inside_a_report(verbs, exclude, outside)
        introducing = _verb_whose_clause_opens_it(verbs, exclude)
        for token in sorted(verbs, key=lambda t: (t is not naming, t is not inner, t is not introducing, not reports_after(t),
                                                  t is not nearest, _depth(t), t.i)):
            quoted = next((c for c in token.children if c.dep_ == "dobj" and c.lower_ in _OBJECT_PRONOUNS and outside(c)), None) \
                if token.lemma_.lower() == "quote" and any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in token.children) else None
            if quoted is not None:
                # '... said on Sunday, and I am quoting him exactly, "..."': the one quoted, named before
                mention = self.last_of_type_before(quoted.idx, "person", exclude, pronoun=_OBJECT_PRONOUNS[quoted.lower_])
                if mention is not None:
                    return self._speaker_from_mention(mention)
            if token.lemma_.lower() == "quote" and any(g.lower_ in ("saying", "telling", "said", "stating") for c in token.children
                                                       for g in (c, *c.children)):
                # 'the newspaper quoted the army chief as saying "..."' ('... to have said'): the one quoted speaks.
                quoted = next((c for c in token.children if c.dep_ == "dobj" and outside(c)), None)
                if quoted is not None and quoted.lower_ in _OBJECT_PRONOUNS:
                    # 'the agency quoted him as saying': the person the sentences before were about
                    salient = self.salient_person_before(quoted.sent.start_char, exclude, pronoun=_OBJECT_PRONOUNS[quoted.lower_])
                    if salient is not None:
                        return self._speaker_from_mention(salient)
                speaker = self.speaker_of_token(quoted, exclude) if quoted is not None else None
                if speaker:
                    return speaker
            # (of two subjects the parser gives one verb, the one next to it: 'In a statement signed by its
            # spokesperson, Jane Doe, the National Police Service said')
            for child in self._nearest_children_named_first(token):
                # A passive subject speaks only when quoted ('X was quoted as saying'); 'X was told' listened.
                if (child.dep_ == "nsubj" or (child.dep_ == "nsubjpass" and token.lemma_.lower() == "quote")
                        or (child.dep_ == "compound" and token.pos_ == "NOUN")
                        or (child in _subject_taken_for_an_object(token) and _verb_right_after(token, exclude))) and outside(child):
                    speaker = self.speaker_of_token(child, exclude)
                    if speaker:
                        return speaker
                if child.dep_ == "agent" and token.lemma_.lower() not in ("quote", "read") and outside(child) \
                        and any(c.dep_ == "auxpass" for c in token.children):  # (not 'said by telephone')
                    # 'This was announced by the district governor, Jan Doe': who announced it (but one who read
                    # out another's statement did not write it)
                    agent = next((c for c in child.children if c.dep_ == "pobj"), None)
                    speaker = self.speaker_of_token(agent, exclude) if agent is not None else None
                    if speaker:
                        return speaker
        # 'According to A, ..., but according to B, "..."': the source nearest before the quotation speaks
        according = [t for t in sent if t.lower_ == "according" and outside(t)]
        if exclude is not None:
            according.sort(key=lambda t: (t.idx > exclude[0], abs(exclude[0] - t.idx)))
        for token in according:
            for child in token.children:
                if child.lower_ == "to":
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            speaker = self.speaker_of_token(obj)
                            if speaker:
                                return speaker
        for token in verbs:
            # (a subject the parser found inside the quotation is none: '"... a bang," a neighbour said')
            if not any(c.dep_ in _SUBJECTS and outside(c) and not c.is_punct for c in token.children):
                if token.dep_ == "acl" and token.head.lemma_.lower() in STATEMENT_NOUNS:
                    # 'The statement, signed by ..., read in part:': whoever issued the statement
                    speaker = self.speaker_of_token(token.head, exclude)
                    if speaker:
                        return speaker
                # 'The ministry updated its advice to warn of "..."': a verb of purpose or complement
                # without a subject of its own speaks for the subject of the verb it depends on, and so
                # does a second verb of its subject ('X stood before the cameras and promised "..."').
                if token.dep_ in ("xcomp", "advcl", "conj") and token.head.pos_ in ("VERB", "AUX"):
                    governor = token.head
                    while token.dep_ == "advcl" and token.tag_ == "VBG" and governor.dep_ == "ccomp" and governor.head.pos_ in ("VERB", "AUX"):
                        # 'He pointed out that officials had barred the families, adding, "..."': the participle goes
                        # with the main clause (the parser hangs it on the clause reported)
                        governor = governor.head
                    subject = next((c for c in governor.children if c.dep_ == "nsubj" and outside(c)), None)
                    speaker = self.speaker_of_token(subject, exclude) if subject is not None else None
                    if speaker:
                        return speaker
                speaker = self._name_before(token, exclude) or self._name_just_after(token, exclude) \
                    or self._phrase_after_the_quotation(token, exclude) or self._subject_after_the_verb(token, exclude)
                if speaker:
                    return speaker
        return None

    def _spoke_unnamed_before(self, noun, position: int) -> bool:
        """Whether someone the text calls by this noun ('witness', 'survivor') and never names spoke before
        `position`: 'the witness told the group ... "...," the witness said' is that witness again, not the
        person the text named last."""
        lemma = noun.lemma_.lower()
        return any(t.lemma_.lower() == lemma and t.pos_ == "NOUN" and t.dep_ in ("nsubj", "nsubjpass") and t.i != noun.i
                   and t.head.lemma_.lower() in _SPEAKING_LEMMAS and self.mention_at(t.idx, t.idx + len(t)) is None
                   and self._named_apposition(t) is None and not any(c.dep_ == "appos" for c in t.children)
                   for t in self.doc[:noun.i] if t.idx < position)

    @staticmethod
    def _reporting_verb_inside_a_report(verbs, exclude: tuple[int, int] | None, outside):
        """'He said the attacker had shouted, "..."': of two reporting verbs, the inner one, whose clause holds the
        quotation and which has a subject of its own, tells whose words they are; the outer one, before them, who
        passed them on."""
        if exclude is None:
            return None
        for verb in verbs:
            # the clause the outer verb reports, itself (not 'X said she wanted people to remember "..."'), and no order
            # ('the presidency said the president had ordered them to "..."': the statement's words)
            reporter = verb.head if verb.dep_ == "ccomp" and verb.head in verbs else None
            subject = next((c for c in verb.children if c.dep_ == "nsubj" and outside(c)), None)
            # (one who reports after the quotation passed on words of their own: 'X urged "...," her spokesman was
            # quoted as saying')
            if reporter is None or subject is None or subject.lower_ in ("i", "we", "you") or reporter.idx > exclude[0] \
                    or verb.lemma_.lower() in _DIRECTIVE_LEMMAS:
                continue
            # (the quotation in the inner verb's clause, none of it hung on the outer verb)
            if any(exclude[0] <= t.idx < exclude[1] for t in verb.subtree) \
                    and not any(c.dep_ in ("ccomp", "dobj", "xcomp") and exclude[0] <= c.idx < exclude[1] for c in reporter.children):
                return verb
        return None

    def _nearest_children_named_first(self, verb) -> list:
        """A verb's children, nearest first; of two subjects the parser gave it, the one that names someone
        first ('The gunmen, said Jan Doe, "..."'), else the one that is a noun for a person ('the woman in her
        early forties recalled', the parser taking 'forties' for a second subject), and not one after a preposition
        ('Jane Doe, with the Kurmin Sheriff's Office, explains')."""
        def named(child) -> bool:
            return self.mention_at(child.idx, child.idx + len(child)) is not None

        def a_person(child) -> bool:
            return named(child) or child.lemma_.lower() in PERSON_NOUNS

        def after_a_preposition(child) -> bool:
            # ('Deputy Jane Doe, with the Kurmin Sheriff's Office explains': the parser makes the body a second subject)
            start = child.left_edge.i
            return start > 0 and child.doc[start - 1].lower_ in ("with", "of", "from", "for", "at")
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        two = len(subjects) > 1 and any(a_person(c) for c in subjects)
        return sorted(verb.children, key=lambda c: (two and c.dep_ == "nsubj" and not named(c), two and c.dep_ == "nsubj" and not a_person(c),
                                                    two and c.dep_ == "nsubj" and after_a_preposition(c), abs(c.i - verb.i)))

    def _subject_after_the_verb(self, verb, exclude: tuple[int, int] | None) -> Speaker | None:
        """'«...,» declared the officer to the media': a verb right after the quotation, and its subject after
        it, which the parser took for the verb's object (a person, or a noun for one)."""
        if exclude is None or verb.idx < exclude[1] or text_of(self.doc)[exclude[1]:verb.idx].strip(" ,»”\"'’"):
            return None
        subject = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i and c.left_edge.i == verb.i + 1), None)
        if subject is None or not (subject.lemma_.lower() in PERSON_NOUNS or subject.lemma_.lower() in TITLE_CLASSES
                                   or self.mention_at(subject.idx, subject.idx + len(subject)) is not None):
            return None
        return self.speaker_of_token(subject, exclude)

    def _phrase_after_the_quotation(self, verb, exclude: tuple[int, int] | None) -> Speaker | None:
        """'"...," a neighbour, who gave his name only as Kurma, said': the noun phrase between the
        quotation and its verb, which the parser hung inside the quotation."""
        if exclude is None or verb.idx < exclude[1]:
            return None
        between = [t for t in verb.doc[:verb.i] if t.idx >= exclude[1] and not t.is_punct]
        phrase = list(takewhile(lambda t: t.pos_ in ("DET", "ADJ", "NUM", "NOUN", "PROPN"), between))
        nouns = [t for t in phrase if t.pos_ in ("NOUN", "PROPN")]
        # (the phrase's last noun is its head: 'a neighbour', 'Kurmin nurse')
        return self.speaker_of_token(nouns[-1], exclude) if nouns else None

    def _name_just_after(self, word, exclude: tuple[int, int] | None) -> Speaker | None:
        """The name written right after `word` (a reporting verb or a rank, its abbreviation's dot allowed):
        '"...," said Jane Doe, 52, whose son ...', where the parser left the verb without a subject because it
        hung the name on a clause after it; 'said Sgt. Jane Doe', where it made the rank the subject; 'confirmed
        army spokesman Jan Doe', where it took the verb for an adjective of the title."""
        end = word.idx + len(word)
        i = bisect_right(self.starts, end)
        if i < len(self.mentions):
            m = self.mentions[i]
            between = text_of(self.doc)[end:m.start_char]
            initials = _POST_INITIALS_BETWEEN.fullmatch(between)
            if m.entity_type in ("person", "organization") and not _inside(m, exclude) and (
                    not between.strip(" .") or (m.entity_type == "person" and (_TITLE_IN_LOWER_CASE.fullmatch(between) or (
                        initials and initials.group(1).lower() in person_prefix_words())))):
                return self._speaker_from_mention(m)
        return None

    def _name_before(self, verb, exclude: tuple[int, int] | None) -> Speaker | None:
        """A reporting verb the parser left without a subject: the name written just before it, alone or
        with an apposition or a relative clause ('..., Jan Hollis, a deputy agent in charge, said:')."""
        i = bisect_right(self.starts, verb.idx) - 1
        while i >= 0 and self.mentions[i].start_char > verb.idx - 120:
            m = self.mentions[i]
            if m.entity_type in ("person", "organization") and m.end_char <= verb.idx and not _inside(m, exclude):
                between = text_of(self.doc)[m.end_char:verb.idx]
                aside = between.lstrip().startswith(",") and between.rstrip().endswith(",") and '"' not in between \
                    and "“" not in between
                if re.search(r",\s*(?:who|whose|which)\b[^,]*,\s*$", text_of(self.doc)[max(0, m.start_char - 60):m.start_char]):
                    i -= 1
                    continue  # (a name inside the relative clause is not the one it tells of: 'whose church, Kurmin Chapel,')
                # (or a relative clause: 'The Rev. Jan Doe, whose church, Kurmin Chapel, sits nearby, said')
                if between.strip() in ("", ",") or aside and (between.count(",") == 2
                                                              or re.match(r"\s*,\s*(?:who|whose)\b", between) is not None):
                    return self._speaker_from_mention(m)
            i -= 1
        return None


# 'Mrs', 'Mr' before a name state the person's sex (rules/entities.toml [honorifics])
_HONORIFICS = load_rules("entities")["honorifics"]
_FEMALE_HONORIFICS = {h.lower() for h in _HONORIFICS["female"]}
# An interviewer's question: a paragraph of its own, not quoted, ending in '?' ('Q:' may open it).
_QUESTION_PARAGRAPH = re.compile(r"(?:Q[:.]\s*)?[^\"“”«»\n]{3,400}\?")
_ANSWER_MARK = re.compile(r"A[:.]\s")
_PROMPT_PARAGRAPH = re.compile(r"[^\"“”«»\n]{3,300}[.?!]")
_BYLINE = re.compile(r"(?:(?:interview(?:ed)?|words|reporting|photographs?)\s+)?by\s+$", re.IGNORECASE)
# Honorifics and titles written before a name ('Dr ', 'Qari ', 'Col. '), as rules/entities.toml lists them.
_PERSON_PREFIXES = r"(?:(?:%s)\.?\s+)" % "|".join(re.escape(p) for p in sorted(person_prefix_words(), key=len, reverse=True))
_PERSON_PREFIX_AT_END = re.compile(r"(?:(?<![\w'’-])%s)+$" % _PERSON_PREFIXES, re.IGNORECASE)
# ', Qari Sayed Mangal,': a name set off by commas after a noun, its titles first
_NAME_SET_OFF = re.compile(r",\s+%s*" % _PERSON_PREFIXES, re.IGNORECASE)
# 'according to Jan Doe', 'according to the village elder, Haji Jan Doe': the words before a cited source's name
_ACCORDING_TO_BEFORE = re.compile(r"\baccording to\s+(?:[\w'’-]+\s+){0,8}?(?:[\w'’-]+,\s+)?%s*$" % _PERSON_PREFIXES, re.IGNORECASE)
# 'the death of winemaker Jan Doe', 'the funeral of Jan Doe': a person the text reports dead
_DEATH_OF_BEFORE = re.compile(r"\b(?:death|deaths|killing|murder|funeral|burial)s? of (?:[\w'’-]+ ){0,3}$", re.IGNORECASE)
# 'The dead were identified as patrolman Jan Doe, 24, and ...': whom the sentence names after it died
_THE_DEAD_NAMED = re.compile(r"\b(?:the\s+)?(?:dead|deceased|victims?|fatalities)\s+(?:were|was|have\s+been|has\s+been)\s+"
                             r"(?:identified|named)\s+as\b", re.IGNORECASE)
_AMONG_THE_DEAD = re.compile(r"\b(is|was|are|were)\s+(?:\w+\s+)?among\s+(?:the\s+dead|those\s+killed|the\s+victims)\b", re.IGNORECASE)
_HONORIFIC_BEFORE = re.compile(r"\b(%s)\.? $" % "|".join(re.escape(h) for h in _HONORIFICS["female"] + _HONORIFICS["male"]))


_PRONOUN_SEXES = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female", "hers": "female"}
_KNOWN_GENDERS = ("male", "mostly_male", "female", "mostly_female")


class _Phrase(NamedTuple):
    """Where a phrase lies in the text, for the checks that take a mention."""

    start_char: int
    end_char: int


@cache
def _words_of_a_state() -> frozenset[str]:
    """The words of countries' names, nationality words and a state's modifiers ('national', 'federal')."""
    return frozenset(w for name in country_codes() for w in plain_words(name)) | frozenset(demonyms()) | _STATE_MODIFIERS


# What comes before a photographer's name in a picture's credit: '(AFP: ', '(Photo: ', 'Picture: '.
_PICTURE_CREDIT_BEFORE = re.compile(r"(?:\(\s*[\w.&/' -]{1,40}?|\b(?:photo|picture|image|photograph|credit)s?)\s*:\s*$", re.IGNORECASE)


def _a_title_taken_for_a_body(surface: str) -> bool:
    """'Humanitarian Coordinator a.i.', 'Resident Coordinator for Kurmistan': an office holder's title, capitalised, that the entity
    recogniser took for an organisation's name (its last word names a person's post, no body)."""
    words = re.split(r"\s+(?:for|of|in|to)\s+", _INTERIM.sub("", surface))[0].split()  # ('Resident Coordinator for Kurmistan')
    return len(words) >= 2 and words[-1].lower() in _OFFICE_HOLDERS and words[-1].lower() not in organisation_words()


_INTERIM = re.compile(r"\s+(?:a\.i\.?|ad interim)$", re.IGNORECASE)


def _of_someone_unnamed(noun) -> bool:
    """'the mother of one of the dead soldiers', 'the owner of a bakery': a person the text brings in by whom they
    are to someone or something it does not name (not 'the head of the regional administration', a title)."""
    return any(p.dep_ == "pobj" and (p.lower_ == "one" or any(d.dep_ in ("det", "nummod") and d.lower_ in ("a", "an", "one")
                                                                for d in p.children))
               for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children)


# A transcript's label of who speaks, opening a line: 'DOE:', 'JANE DOE (Kurmin Police):'
# (any label ends the search, 'Q:' and 'QUESTION:' too, which name no one)
_TURN_LABEL = re.compile(r"([A-ZÀ-Þ][A-ZÀ-Þ'’.-]*(?: [A-ZÀ-Þ][A-ZÀ-Þ'’.-]+){0,3})\s*(?:\([^()\n]{1,80}\))?\s*:\s")


# What follows a transcript's label on its line: 'QUESTION:', 'DOE (Radio Kurmin):'
_FIRST_WORD = re.compile(r"\s*[\w'’.-]+")
_AFTER_A_LABEL = re.compile(r"\s*(?:\([^()\n]{1,80}\))?\s*:")


def _a_transcript_label(token) -> bool:
    """Whether a word is part of the label that opens its line in a transcript ('QUESTION (Jane Doe, Radio
    Kurmin):'): a word in capitals, then what it says of the speaker in brackets, and a colon."""
    text = text_of(token.doc)
    line_start = text.rfind("\n", 0, token.idx) + 1
    first = _FIRST_WORD.match(text, line_start)
    if first is None or not first.group().isupper() or len(first.group()) < 2:
        return False
    label = _AFTER_A_LABEL.match(text, first.end())
    return label is not None and token.idx < label.end()


def _credited_for_a_picture(text: str, mention) -> bool:
    """'(AFP: Jan Doe)', 'Photo: Jan Doe/Reuters': a person named as a picture's photographer."""
    return mention.entity_type == "person" and bool(_PICTURE_CREDIT_BEFORE.search(text, max(0, mention.start_char - 45), mention.start_char)) \
        and text[mention.end_char:mention.end_char + 1] in (")", "/", "\n", "")


# 'JANE DOE, BYLINE:' opens a broadcast reporter's lines in a radio or television transcript
BYLINE_LABEL = re.compile(r"^([A-ZÀ-Þ][A-ZÀ-Þ'’ .-]+), BYLINE:", re.MULTILINE)
# who speaks, with a colon, opening the paragraph of a quotation: 'Kurmish Deputy Mayor Jane Doe: ', '– US PRESIDENT JAN DOE: '
_SPEAKER_LABEL = re.compile(r"[ \t]*(?:[-–—•*][ \t]*)?(?P<label>[^\n:\"“”«]{3,100}?)[ \t]*:[ \t]*")
_POSSESSIVE_S = re.compile(r"['’]S?$", re.IGNORECASE)
_ROMAN_NUMERAL = re.compile(r"[IVX]{1,4}")


def _a_name_ner_missed(name: str) -> bool:
    """A person's name as a subject the recogniser did not tag: two to four capitalised words, none of them a body's
    word or a title, that name no place ('Jan Kurmov', not 'Kurmin Relief Agency', 'Deputy Mayor' nor 'Tierra Kurma')."""
    words = name.split()
    return 2 <= len(words) <= 4 and geocode(name) is None and all(
        w[:1].isupper() and w.lower() not in organisation_words() and w.lower().rstrip(".") not in person_prefix_words() for w in words)


def _before_the_quotation(position: int, exclude: tuple[int, int] | None) -> int:
    """Where the quotation `exclude` starts when `position` follows it ('"...," she said'), else `position`:
    what the sentences before say is read from there."""
    return exclude[0] if exclude is not None and exclude[0] < position else position


def _after_a_preposition(text: str, position: int) -> bool:
    """Whether the word before `position` is a preposition of place or time ('In Kabul, ...')."""
    words = text[max(0, position - 12):position].split()
    return bool(words) and words[-1].lower() in ("in", "at", "from", "near", "inside", "outside")


# Penn tags of a verb with a tense ('tells', 'said'), which a title never holds (the tagger calls a rare noun
# before a name a verb now and then: 'Skarvik midfielder Jan Doe')
_FINITE_VERB_TAGS = frozenset({"VBZ", "VBD", "VBP", "MD"})


def _inside(mention, exclude: tuple[int, int] | None) -> bool:
    """The mention lies in the quotation `exclude`: a name in someone's words is not who speaks them."""
    return exclude is not None and exclude[0] <= mention.start_char < exclude[1]


def _institution_name(description: str, country_adjective_of_the_text: str | None = None) -> str:
    """An institution's name as a name is written: "Chile's defence ministry" is the Chilean defence ministry,
    "Hesse's interior ministry" the Hesse interior ministry, and "the country's foreign ministry" in a text about
    one country is that country's (as 'the Senegalese Interior Ministry', which qualify_state_ministries writes,
    names one country's)."""
    the_countrys = re.match(r"[Tt]he country['’]s ([a-z][\w -]+)$", description)
    if the_countrys and country_adjective_of_the_text:
        return f"{country_adjective_of_the_text} {the_countrys.group(1)}"
    possessed = _PLACE_POSSESSES.fullmatch(description)
    if possessed is None:
        return description
    place, rest = possessed.groups()
    adjective = adjective_of_country(place) if place in country_codes() else None
    words = place.split()
    if adjective is None and (words[0].lower().rstrip(".") in person_prefix_words() or is_given_name(words[0]) or geocode(place) is None):
        return description  # "President Jan Doe's office", "Doe's office": a person's, no place the gazetteer knows
    return f"{adjective or place} {rest}"


# "Chile's defence ministry", "the Kurmin State's emergency agency": a place's body in lower case
_PLACE_POSSESSES = re.compile(r"(?:[Tt]he )?([A-Z][\w-]+(?: [A-Z][\w-]+){0,2})['’]s? ([a-z][\w -]+)")


def _the_subject_the_parser_hung_elsewhere(token) -> bool:
    """'Thirty were killed in Kurmin, Jan Doe, an administrator for the district, told reporters': a name the parser
    set in apposition to a word before it, right before a reporting verb that has no subject of its own."""
    if token.dep_ != "appos":
        return False
    following = token.doc[token.right_edge.i + 1:token.right_edge.i + 3]
    verb = next((t for t in following if not t.is_punct), None)
    return verb is not None and verb.lemma_.lower() in REPORTING_LEMMAS and verb.pos_ == "VERB" \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _ranked_name_first(token) -> tuple[int, int] | None:
    """The span of the name in a phrase that opens with a rank or title, then a name, then 'of' ('Sergeant Jan Doe
    of the Kurmin police', which the parser may hang on 'police'), or None."""
    words = list(token.subtree)
    if len(words) < 4 or words[0].lower_.rstrip(".") not in person_prefix_words() or not words[0].text[:1].isupper():
        return None
    name = list(takewhile(lambda t: t.pos_ == "PROPN" and t.text[:1].isupper() and t.lower_.rstrip(".") not in person_prefix_words(), words[1:]))
    if not 1 <= len(name) <= 3 or len(words) <= len(name) + 1 or words[len(name) + 1].lower_ != "of":
        return None
    return name[0].idx, name[-1].idx + len(name[-1])


def _named_after_a_title_of_a_place(token) -> bool:
    """'the governor of Dala province Jane Doe said': the parser hangs the name on the title's 'of' phrase,
    and the title, the subject, is the person named last in it."""
    title = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None
    return title is not None and title.dep_ in _SUBJECTS and title.lemma_.lower() in _OFFICE_HOLDERS \
        and token.ent_type_ == "PERSON" and token.i == title.right_edge.i


def _hyphenated_title(token) -> bool:
    """'the Secretary-General', which the tokenizer splits at its hyphen: a title, not a name."""
    first = next((c for c in token.children if c.dep_ == "compound" and c.i < token.i), None)
    if first is None:
        return False
    written = text_of(token.doc)[first.idx:token.idx + len(token)]
    return "-" in written and " " not in written and written.lower() in person_prefix_words()


def _same_institution_noun(one: str, other: str) -> bool:
    """'army' and 'army'; 'army' and 'military' (rules/attribution.toml [institution_synonyms])."""
    return one == other or any(one in group and other in group for group in _INSTITUTION_SYNONYMS)


_INSTITUTION_SYNONYMS = [frozenset(group) for group in _RULES["institution_synonyms"]]


def _a_person_by_nationality_or_party(token) -> bool:
    """'the Democrat', 'the Canadian', 'the 34-year-old Briton': one person called by the nation or the
    party they belong to (a singular word of the NORP kind, or a nationality word, after 'the')."""
    return token.text[:1].isupper() and token.tag_ in ("NNP", "NN", "JJ") and not token.text.endswith("s") \
        and (token.ent_type_ == "NORP" or token.lower_ in demonyms()) \
        and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) \
        and all(c.dep_ in ("det", "amod", "compound", "punct", "relcl", "acl") for c in token.children)


def _describes_institution(token) -> bool:
    """'the national army', "the country's foreign ministry", 'the US military': an institution noun with a
    country or a proper name before it (not 'a senior official', not 'the ministry' alone)."""
    head = token.lemma_.lower()
    compound = " ".join(c.lower_ for c in token.children if c.dep_ == "compound")
    if head not in INSTITUTION_NOUNS and f"{compound} {token.lower_}".strip() not in INSTITUTION_NOUNS:
        return False
    # ('the Chilean border guards': the country's word modifies the noun's compound)
    modifiers = [*token.children, *(g for c in token.children if c.dep_ == "compound" for g in c.children)]
    return any(c.dep_ in ("amod", "compound", "poss", "nmod") and (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG")
                                                                   or (c.text[:1].isupper() and c.lower_ in demonyms()))
               or (c.dep_ == "poss" and c.lemma_.lower() in _OFFICE_HOLDERS)  # "the sheriff's office"
               for c in modifiers) or _named_in_lower_case(token)


def _named_in_lower_case(token) -> bool:
    """'the national disaster management agency', 'the ministry of social affairs': a body's name written in
    lower case, as some outlets write them: an institution noun with its portfolio, as nouns before it or
    after 'of' (not 'the police department' alone, nor 'the ministry of a country at war')."""
    if token.lower_ not in INSTITUTION_NOUNS or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return False
    # (the tagger calls such lower-case words proper nouns at times)
    nouns_before = [c for c in token.children if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN") and c.text.islower()]
    portfolio = [p for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                 if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN") and p.text.islower() and not any(d.dep_ == "det" for d in p.children)]
    modifiers = len(nouns_before) + sum(1 for c in token.children if c.dep_ == "amod")
    # ('the interior ministry', 'the foreign ministry': a ministry with its portfolio is a body of its state)
    return modifiers >= 2 or bool(portfolio) or (token.lower_ == "ministry" and modifiers >= 1)


def _subject_of_a_verb_taken_for_a_noun(token) -> bool:
    """', Jane Doe remembers, when': a name that the parser made the compound of a reporting verb in -s, which
    it took for a plural noun set off by commas."""
    head = token.head
    return token.dep_ == "compound" and token.pos_ == "PROPN" and head.tag_ == "NNS" and head.i == token.i + 1 \
        and head.lemma_.lower() in REPORTING_LEMMAS and head.i + 1 < len(head.doc) and head.doc[head.i + 1].is_punct


def _verb_taken_for_a_noun(token) -> bool:
    """'"...," Jane Doe recalls.': a reporting verb in -s after a quotation, which the tagger took for a plural
    noun with the name as its compound."""
    return token.tag_ == "NNS" and token.dep_ == "ROOT" and any(
        c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children) and any(
        c.is_punct and c.i < token.i and c.text in {'"', "”", "’", "'"} for c in token.children)


# The end of an aside set off after a name ('Jane Doe, a spokeswoman for the group,')
_ASIDE_END = re.compile(r"[,.;:!?\n]")


def _introduced_anew(text: str, token, since: int) -> bool:
    """'Jane Doe, the governor, ... A senior official, who asked not to be named, said ... "...," the official
    said': a noun brought in with 'a' after a person was named is someone new, whom 'the' then points to (not
    the name's own apposition: 'Jane Doe, a spokeswoman for the group,')."""
    if text.startswith(", ", since):
        aside = _ASIDE_END.search(text, since + 2)
        since = aside.end() if aside else since
    # (not in a quotation's words: '"... throwing a shoe at a judge ...," the judge asked')
    told = _QUOTED_WORDS.sub(" ", text[since:token.idx])
    return re.search(r"\b(?:[Aa]n?|[Aa]nother|[Oo]ne)\s+(?:[\w-]+\s+){0,3}%s\b" % re.escape(token.lower_), told) is not None


def _a_parent_of_so_many(token) -> bool:
    """'the mother of three', 'the father of two': an epithet news gives the parent it has just named."""
    return token.lemma_.lower() in ("mother", "father") and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(p.dep_ == "pobj" and p.like_num for p in c.children) for c in token.children)


def _an_age(prep) -> bool:
    """'in her early forties', 'in his 60s', 'of about 50': a person's age (or, after a parent, how many children:
    'the mother of three'), said after the noun for them."""
    return (prep.lower_ == "in" and any(t.dep_ == "poss" and t.lower_ in ("his", "her") for t in prep.subtree)) \
        or (prep.lower_ == "of" and any(p.dep_ == "pobj" and p.like_num for p in prep.children))


# Nouns by which a text points back at the person it has just named: 'the woman recounted', 'said the grief-stricken man'
_THE_ONE_JUST_NAMED = frozenset(_RULES["the_one_just_named"])
_DIRECTIVE_LEMMAS = frozenset(_RULES["directive_verbs"])
# A post's initials, and the district it serves, between a verb and a name: 'said DCP North Jan Doe'
_POST_INITIALS_BETWEEN = re.compile(rf"\s+([A-Z]{{2,4}})\.?(?:\s+{POST_DISTRICT})?\s+")
# A town's police, as a text calls the force: 'the Dalen police'
_POLICE_OF_A_PLACE = re.compile(r"\b[Tt]he ([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?) police\b")
_OFFICE_OF_A_BODY_BEFORE = re.compile(r"(?:^|\s)([A-Z][a-z]+)\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}[\w'’-]+$")
_QUOTED_WORDS = re.compile(r"[“\"][^“”\"]*[”\"]")


def _goes_on_doing(token) -> bool:
    """'Fighting continued to rage', 'the army continued its advance': 'continue' with an object or a verb of its
    own reports no words (as '"...," she continued' does)."""
    return token.lemma_.lower() == "continue" and any(c.dep_ in ("xcomp", "dobj") for c in token.children)


def _reporting_gerund_taken_for_a_noun(token) -> bool:
    """'with the monitor reporting "..."': a reporting verb in -ing with a subject of its own, which the tagger took
    for a noun."""
    stem = token.lower_[:-3]
    return token.tag_ == "NN" and token.lower_.endswith("ing") and bool({stem, stem + "e"} & REPORTING_LEMMAS) \
        and any(c.dep_ == "nsubj" for c in token.children)


def _says_something_of_its_noun(verb, quotation: tuple[int, int] | None) -> bool:
    """'the Kurm, whom the army accuses of hiding fighters': a reporting verb in a relative clause
    whose object is the relative pronoun says something of the noun, and passes on no quotation outside it."""
    if verb.dep_ != "relcl" or verb.lemma_.lower() in _NAMING_LEMMAS \
            or not any(c.dep_ == "dobj" and c.lower_ in RELATIVE_PRONOUNS | {"whom"} for c in verb.children):
        return False  # ('the sound, which she describes as a tearing, "..."': what she calls it is her words)
    subtree = list(verb.subtree)
    return quotation is None or not (subtree[0].idx <= quotation[0] < subtree[-1].idx + len(subtree[-1]))


def _verb_whose_clause_opens_it(verbs, quotation: tuple[int, int] | None):
    """'The commentator observed that it was "remarkable", while the captain put it another way: "..."': of the
    verbs before a quotation that opens after a colon, the one whose clause ends at the colon speaks."""
    if quotation is None or not verbs or not text_of(verbs[0].doc)[max(0, quotation[0] - 4):quotation[0]].rstrip(" “\"‘'«").endswith(":"):
        return None
    for verb in sorted((v for v in verbs if v.idx < quotation[0]), key=lambda v: -v.i):
        ends = max(t.idx + len(t) for t in verb.subtree if t.idx < quotation[0] and not t.is_punct)
        between = text_of(verb.doc)[ends:quotation[0]]
        return verb if between.strip(" “\"‘'«").strip() == ":" else None
    return None


def _verb_right_after(token, quotation: tuple[int, int] | None) -> bool:
    """'"...," marvelled resident Jane Doe', '"...!" she beamed': after a quotation that ends on a comma (or '!' or '?'),
    a verb right after the closing mark, with its subject beside it, reports the words, whatever verb it is."""
    if quotation is None or token.pos_ != "VERB" or token.idx < quotation[1] or token.dep_ not in ("ROOT", "parataxis"):
        return False
    closing = text_of(token.doc)[max(quotation[0], quotation[1] - 3):quotation[1]].rstrip(" ”\"’'»")
    if not closing.endswith((",", "!", "?")):
        return False
    subjects = [c for c in token.children if c.dep_ == "nsubj"] or _subject_taken_for_an_object(token)
    between = []
    for i in range(token.i - 1, max(token.i - 12, -1), -1):  # (a verb further on than a few words is no verb right after)
        if token.doc[i].idx < quotation[1]:
            break
        if not (token.doc[i].is_punct or token.doc[i].is_space):
            between.append(token.doc[i])
    else:
        return False
    # (nothing between, the subject after the verb; or the subject alone, a pronoun: '"...," she beamed')
    return bool(subjects) and (not between or len(between) == 1 and between[0].pos_ == "PRON" and between[0] in subjects)


def _subject_taken_for_an_object(verb) -> list:
    """'"...," marvelled resident Jane Doe': after a verb the parser does not know as one of speaking, the subject
    written after it looks like its object."""
    if verb.lemma_.lower() in REPORTING_LEMMAS:
        return []  # ('"...," read the banner': a verb of speaking the parser knows has its object)
    return [c for c in verb.children if c.dep_ == "dobj" and c.left_edge.i == verb.i + 1 and c.pos_ in ("PROPN", "NOUN")
            and not any(c2.dep_ == "nsubj" for c2 in verb.children)]


def _puts_it(token) -> bool:
    """'As Jane Doe put it, "..."', 'Jane Doe put it bluntly: "..."': 'put it' reports words."""
    return token.lemma_ == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children)


def _depth(token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:  # spaCy makes a new Token object on each access
        token, depth = token.head, depth + 1
    return depth
