"""What the text says of the people it names, as the attribution steps ask it: their sex (an honorific, a noun set
beside the name, a pronoun after it), whether they died, whether a mention is its sentence's subject or
speaker, or one who asks rather than answers.
"""

from __future__ import annotations

import re

from newsfacts.extract.entities import name_gender, person_prefix_words, sex_an_honorific_states
from newsfacts.extract.nlp import paragraph_text_of

from newsfacts.extract.attribution.parser_slips import (_named_after_a_title_of_a_place,
                                                        _subject_of_a_verb_taken_for_a_noun,
                                                        _the_subject_the_parser_hung_elsewhere)
from newsfacts.extract.attribution.positions import _depth
from newsfacts.extract.attribution.words import (_ACCORDING_TO_BEFORE, _AMONG_THE_DEAD, _ASKING_LEMMAS, _DEATH_OF_BEFORE,
                                                 _KNOWN_GENDERS, _PRONOUN_SEXES, _SUBJECTS, _THE_DEAD_INCLUDED,
                                                 _THE_DEAD_NAMED, DEATH_LEMMAS, GENDERED_NOUNS, PERSON_PRONOUNS,
                                                 REPORTING_LEMMAS)


class PersonTraits:
    """The sex, death and sentence role of a mentioned person."""

    def _read_stated_genders(self) -> None:
        """The sex the text states for its people: 'Mrs Jean Doe' is a woman whatever the given name suggests,
        'Mr Jean Doe' a man; else a noun set beside the name, or the pronoun its own sentence uses for it."""
        text = paragraph_text_of(self.doc)
        for m in self.mentions:
            honorific_sex = sex_an_honorific_states(text, m.start_char)
            if m.entity_type == "person" and honorific_sex:
                self.stated_gender[m.entity_id] = honorific_sex
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
                    and "\n" not in paragraph_text_of(self.doc)[span.end_char:opening.idx]:
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
        if before >= 0 and "\n" not in paragraph_text_of(self.doc)[self.doc[before].idx:span.start_char] and self.doc[before].text != ".":
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

    def fits_the_pronoun(self, speaker, pronoun: str | None) -> bool:
        """Whether a speaker can be the 'he' or 'she' that reports a quotation (a body or an unnamed one can)."""
        return speaker.entity_id is None or self.entities[speaker.entity_id].entity_type != "person" \
            or self._agrees(speaker.entity_id, pronoun)

    def _agrees(self, entity_id: str, pronoun: str | None) -> bool:
        """'she' is not a man the text names with a man's given name, nor 'he' a woman."""
        if pronoun is None:
            return True
        sex = self._sex(entity_id)
        return not ((pronoun == "she" and sex == "male") or (pronoun == "he" and sex == "female"))

    def _sex(self, entity_id: str) -> str | None:
        """'male' or 'female' as an honorific or apposition states it, else as the given name suggests."""
        gender = self.stated_gender.get(entity_id) or name_gender(self.entities[entity_id].canonical_name)
        return "male" if gender in ("male", "mostly_male") else "female" if gender in ("female", "mostly_female") else None

    def _clause_depth(self, mention) -> float:
        span = self.doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
        # ('A neighbour, Jan Doe, said ...': a name in apposition stands nearly where the noun it names
        # stands, above the subject of a clause below; but below the name itself: 'Jan Doe, the head of Kurmin Aid, said')
        return min((_depth(t) - 0.5 * (t.dep_ == "appos") for t in span), default=99) if span is not None else 99

    def _is_subject(self, mention) -> bool:
        span = self.doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
        # 'Her neighbour, Sher Khan, was digging': a name in apposition to the subject is the subject
        # and 'Among the crowd was Jean Doe' names its subject after the verb
        if _ACCORDING_TO_BEFORE.search(paragraph_text_of(self.doc), max(0, mention.start_char - 80), mention.start_char):
            return True  # '..., according to the village elder, Jan Doe' names the source the sentence speaks for
        if span is not None and span[0].is_sent_start and span.sent.root.pos_ not in ("VERB", "AUX") \
                and span.sent.root.tag_ in ("NNS", "VBZ") and len(span.sent) - len(span) <= 3:
            return True  # 'Kurtiz kneels.', which the parser reads as an adjective and a plural noun: a name and its verb
        return span is not None and any(t.dep_ in _SUBJECTS or (t.dep_ == "appos" and t.head.dep_ in _SUBJECTS)
                                        or _named_after_a_title_of_a_place(t) or _subject_of_a_verb_taken_for_a_noun(t)
                                        or _the_subject_the_parser_hung_elsewhere(t)
                                        or (t.dep_ == "attr" and t.head.lemma_ == "be"
                                            and not any(c.dep_ in _SUBJECTS for c in t.head.children)) for t in span)

    def _died(self, mention, sent) -> bool:
        """'The teenager, Sam Cole, was 19 when he died': a person whose death the sentence tells says nothing later."""
        text = paragraph_text_of(self.doc)
        if _THE_DEAD_NAMED.search(text, sent.start_char, mention.start_char):
            return True  # 'The dead were identified as patrolman Jan Doe, 24, and ...'
        included = _THE_DEAD_INCLUDED.search(text, sent.start_char, mention.start_char)
        if included is not None and not any(m.entity_type == "person" and included.end() <= m.start_char < mention.start_char
                                            for m in self._mentions_from(included.end(), mention.start_char)):
            return True  # 'Among the dead was Jan Doe, whose wife, Ama Doe, escaped': he died, not she
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

    def _told_dead(self, mention) -> bool:
        """Whether the sentence that names the person tells of the person's death."""
        index = self._sentence_at(mention.start_char)
        return index is not None and self._died(mention, self.sentences[index])

    def dead(self, entity_id: str) -> bool:
        """Whether the text tells of this person's death ('the death of Jan Doe', 'Jan Doe was killed')."""
        text = paragraph_text_of(self.doc)
        for m in self.mentions:
            if m.entity_id == entity_id:
                index = self._sentence_at(m.start_char)
                if _DEATH_OF_BEFORE.search(text, max(0, m.start_char - 60), m.start_char) or (
                        index is not None and self._died(m, self.sentences[index])):
                    return True
        return False

    def _spoke(self, mention) -> bool:
        """Whether the mention is the subject of a reporting verb ('The Kurmin Union said in a statement')."""
        span = self.doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
        subject = span.root.head if span is not None and span.root.dep_ == "appos" else span.root if span is not None else None
        # ('A little-known group, the Kurmin Front, claimed it': a name in apposition to the subject)
        return subject is not None and subject.dep_ in _SUBJECTS and subject.head.lemma_.lower() in REPORTING_LEMMAS

    def _asks(self, mention) -> bool:
        """'Asked by Ms Kurmova what happened next, she replied': the one asking is not the one who answers."""
        span = self.doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
        by = span.root.head if span is not None and span.root.dep_ == "pobj" else None
        return by is not None and by.lower_ == "by" and by.head.lemma_.lower() in _ASKING_LEMMAS
