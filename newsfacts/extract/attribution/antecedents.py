"""Whom a pronoun or a short reference points back at: the person the sentences before were about, the one a
relative clause describes, the only person named just before, the last named speaker, the last mention of a
kind.
"""

from __future__ import annotations

from bisect import bisect_right
import re

from newsfacts.extract.nlp import paragraph_text_of

from newsfacts.extract.attribution.parser_slips import _a_name_ner_missed
from newsfacts.extract.attribution.positions import _before_the_quotation, _depth, _inside, _paragraph_before
from newsfacts.extract.attribution.speaker import Speaker
from newsfacts.extract.attribution.words import _SUBJECTS, PERSON_NOUNS, PRONOUNS, RELATIVE_PRONOUNS, REPORTING_LEMMAS, STATEMENT_NOUNS

# The end of a dateline's credit: ') -', ') --', ') —'
_CREDIT_CLOSES = re.compile(r"\)\s*(?:-{1,2}|[–—])")


_PRONOUN_SEX = {"he": "male", "his": "male", "she": "female", "her": "female"}


def _pronoun_of(subject, with_its_list: bool = False):
    """The 'he' or 'she' a subject is, or the 'his' or 'her' whose it is ('Her father'; with `with_its_list`, of a noun
    listed with it too: 'Four adults and her grandson'); None otherwise."""
    if subject.lower_ in _PRONOUN_SEX:
        return subject
    nouns = [subject, *(c for c in subject.subtree if c.dep_ == "conj" and c.head.i >= subject.i)] if with_its_list else [subject]
    return next((c for noun in nouns for c in noun.children if c.dep_ == "poss" and c.lower_ in _PRONOUN_SEX), None)


class Antecedents:
    """The people and bodies the sentences before a position were about."""

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
        in the same paragraph, the sentence before it names (before the quotation, when it comes first), or an
        earlier sentence of the paragraph when those after it are about 'he' or 'she'."""
        position = _before_the_quotation(position, exclude)
        index = self._sentence_at(position)
        if index is None:
            return None
        text = paragraph_text_of(self.doc)
        paragraph_start = text.rfind("\n", 0, position) + 1
        earlier = index
        while earlier >= 0:
            if earlier < index and "\n" in text[self.sentences[earlier].end_char:self.sentences[index].start_char]:
                return self._only_person_of_the_paragraph_before(position, exclude, pronoun)
            if earlier < index - 1 and (self.sentences[earlier].start_char < paragraph_start
                                        or not self._about_the_one_it_stands_for(self.sentences[earlier + 1], pronoun)):
                # ('I met Jan Doe, a shepherd. He had dug them out himself. He spoke slowly. "...," he said': further back
                # through the paragraph only over sentences about 'he')
                break
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
            earlier -= 1
        return self._only_person_of_the_paragraph_before(position, exclude, pronoun) if earlier >= 0 else None

    @staticmethod
    def _about_the_one_it_stands_for(sentence, pronoun: str) -> bool:
        """Whether the sentence's subject is the pronoun ('He spoke slowly.')."""
        return any(t.lower_ == pronoun and t.dep_ in ("nsubj", "nsubjpass") for t in sentence)

    def _only_person_of_the_paragraph_before(self, position: int, exclude: tuple[int, int] | None, pronoun: str) -> Speaker | None:
        """'At a shelter in X, Jane Doe, 38, sat with her children. Her house had gone.' and then '"...," she said'
        opening the next paragraph: the one person (agreeing with the pronoun) that a short paragraph without
        quotations names, whatever the parser made of the sentence that brings her in."""
        text = paragraph_text_of(self.doc)
        paragraph_start = text.rfind("\n", 0, position) + 1
        if text[paragraph_start:position].strip(" \"“”«»'‘’") and not (exclude and exclude[0] - paragraph_start <= 2):
            return None  # (only for a quotation that opens its paragraph)
        before_start, before_end = _paragraph_before(text, position)
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
        words = re.findall(r"[a-z]+", paragraph_text_of(self.doc)[start:end].lower())
        if people_only:
            # (one person described: 'a doctor', 'another resident'; not 'a people of herders')
            return any(w in PERSON_NOUNS and before in ("a", "an", "another", "one") for before, w in zip(words, words[1:]))
        return any(w in PERSON_NOUNS or w.rstrip("s") in PERSON_NOUNS for w in words)

    def told_of_the_speaker(self, start: int, end: int, speaker: Speaker | None) -> bool:
        """Whether every paragraph between `start` and `end` opens with a sentence whose subject is `speaker`, named
        ('"...," Doe said. / Doe offered his condolences to the widow of Jan Kurmo. / "..."': the speaker goes on,
        whoever else the paragraph names), or the speaker's pronoun or one of the speaker's own ('"...," Ms Doe
        said. / Her father and sister were among the dead. / "..."'), of the sex the text gives the speaker."""
        if speaker is None or speaker.entity_id is None:
            return False
        text = paragraph_text_of(self.doc)
        paragraph_starts = [start + line.start() for line in re.finditer(r"[^\s][^\n]*", text[start:end])]
        for paragraph_start in paragraph_starts:
            first = self._sentence_at(paragraph_start)
            root = self.sentences[first].root if first is not None else None
            subject = next((t for t in root.children if t.dep_ in _SUBJECTS), None) if root is not None else None
            if subject is not None and self._the_speakers_own(subject, speaker):
                continue
            if subject is None or not any(m.entity_id == speaker.entity_id and m.start_char <= subject.idx < m.end_char
                                          for m in self._mentions_from(self.sentences[first].start_char, subject.idx + 1)):
                return False
        return bool(paragraph_starts)

    def person_the_paragraph_tells_of(self, start: int, end: int) -> Speaker | None:
        """A quotation with no attribution that ends a paragraph after sentences of its own: the words of the person
        the paragraph opens with as its subject, named ('Jan Doe, 19, was singing on the stage. "I was looking
        around ..."') or by his or her own, the person named last before of that sex ('Four adults and her grandson
        were inside. ... "We were so lucky."' after 'Jana Doe, a grandmother, stood outside'); None otherwise."""
        text = paragraph_text_of(self.doc)
        paragraph_start = text.rfind("\n", 0, start) + 1
        paragraph_end = text.find("\n", end)
        paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
        if not text[paragraph_start:start].strip() or text[end:paragraph_end].strip(" \"”’'».") \
                or any(mark in text[paragraph_start:start] for mark in "“”«»") or text[paragraph_start:start].count('"') % 2:
            return None  # (a quotation that ends a paragraph of the text's own words, none quoted before it)
        first = self._sentence_at(paragraph_start)
        root = self.sentences[first].root if first is not None else None
        subject = next((t for t in root.children if t.dep_ in _SUBJECTS), None) if root is not None else None
        if subject is None or subject.idx >= start:
            return None
        named = next((m for m in self._mentions_from(self.sentences[first].start_char, subject.idx + 1)
                      if m.start_char <= subject.idx < m.end_char), None)
        if named is not None:
            # (not one the paragraph tells of as killed: 'Jan Doe was killed on his way home. "It is the third attack."')
            alive = named.entity_type == "person" and not self._died(named, self.sentences[first])
            return self._speaker_from_mention(named) if alive else None
        # (the subject or one listed with it: 'Four adults and her grandson')
        word = _pronoun_of(subject, with_its_list=True)
        if word is None:
            return None
        person = self.salient_person_before(paragraph_start, lookback=3)
        if person is None or self._sex(person.entity_id) != _PRONOUN_SEX[word.lower_]:
            return None
        return self._speaker_from_mention(person)

    def _the_speakers_own(self, subject, speaker: Speaker) -> bool:
        """Whether a subject is the speaker's pronoun ('She'), or the speaker's by a possessive ('Her father'), of
        the sex the text gives the speaker (a person)."""
        word = _pronoun_of(subject)
        entity = self.entities.get(speaker.entity_id)
        return word is not None and entity is not None and entity.entity_type == "person" \
            and self._sex(speaker.entity_id) == _PRONOUN_SEX[word.lower_]

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
                subject = min(subjects, key=_depth)
                # 'A rescuer who had come off a shift described ...', which the parser hung on the noun: the
                # relative pronoun stands for the noun it describes
                if subject.lower_ in RELATIVE_PRONOUNS and subject.head.dep_ == "relcl" and subject.head.head.pos_ == "NOUN":
                    return subject.head.head
                return subject
        return None

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
                    and (entity_type != "person" or self._agrees(m.entity_id, pronoun)) and not self._a_dateline_credit(m)):
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

    def _a_dateline_credit(self, mention) -> bool:
        """'KURMIN, Dalen (AP) --': the agency a dateline credits in brackets, which no sentence of the story is about."""
        text = paragraph_text_of(self.doc)
        return text[mention.start_char - 1:mention.start_char] == "(" and _CREDIT_CLOSES.match(text, mention.end_char) is not None

    def last_named_speaker_before(self, position: int, exclude: tuple[int, int] | None = None, lookback: int = 8,
                                  people_only: bool = True, pronoun: str | None = None, bodies_only: bool = False):
        """The person the passage is about: the last named person who said something before `position`
        (or, with people_only False, the last person or organisation; with bodies_only, the last organisation)."""
        index = self._sentence_at(position)
        if index is None:
            return None
        for earlier in range(index - 1, max(index - 1 - lookback, -1), -1):
            sent = self.sentences[earlier]
            if exclude and sent.start_char >= exclude[0]:
                continue
            labelled = self._person_labelling_the_paragraph(sent.start_char + 1, pronoun) \
                if sent.start_char > 0 and paragraph_text_of(self.doc)[sent.start_char - 1] == "\n" else None
            if labelled is not None and not bodies_only:
                return labelled  # 'Kurmish President Jan Doe: the attacks were "..."', a round-up's line: Doe speaks
            for token in sent:
                if token.lemma_.lower() in REPORTING_LEMMAS and token.pos_ == "VERB":
                    for child in token.children:
                        if child.dep_ in _SUBJECTS and child.lower_ not in PRONOUNS and child.lemma_.lower() not in STATEMENT_NOUNS:
                            speaker = self.speaker_of_token(child)
                            kind = self.entities[speaker.entity_id].entity_type if speaker and speaker.entity_id else None
                            wanted = kind == "organization" if bodies_only else (not people_only or kind == "person")
                            if kind is not None and wanted and (kind != "person" or self._agrees(speaker.entity_id, pronoun)):
                                return speaker
                            if speaker and kind is None and not bodies_only and pronoun in ("he", "she") and _a_name_ner_missed(speaker.name):
                                return speaker  # '"...," Jan Kurmov told Reuters.', a name the recogniser missed
        return None
