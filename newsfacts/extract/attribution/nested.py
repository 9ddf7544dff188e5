"""Quotations inside quotations: the words a speaker reports someone else said ('"He came in and said, ‘She is
cold,’ and I did not know what to answer," the doctor recalled'). The inner quotation is the words of whoever
the reporting clause around it, inside the outer quotation, makes speak them: the speaker of the outer
quotation ('I told them, ‘...’'), a person it names ('my neighbour Jane Doe came running, shouting ‘...’'),
or someone it describes without a name ('a man came in and said ‘...’'), who has no name to give.
"""

from __future__ import annotations

from newsfacts.extract.nlp import paragraph_text_of

from newsfacts.extract.attribution.speaker import Speaker
from newsfacts.extract.attribution.words import _SUBJECTS, PERSON_NOUNS, REPORTING_LEMMAS

# The outer quotation's speaker speaks the inner words too ('I told him, ‘...’', 'we said ‘...’').
_FIRST_PERSON = frozenset({"i", "we"})
_THIRD_PERSON = frozenset({"he", "she", "they"})
# How far an attribution after the inner quotation may stand ('‘...,’ he told me'): a clause, no more.
_ATTRIBUTION_AFTER_CHARS = 40


class NestedQuotations:
    """The speaker of a quotation inside another."""

    def nested_speaker(self, start: int, end: int, within: tuple[int, int], outer: Speaker | None) -> Speaker | None:
        """The speaker of the quotation at [start, end) inside the one at `within`, which `outer` speaks: the
        subject of the reporting verb that brings it in, inside the outer quotation; `outer` where none does
        (a title or a phrase the speaker quotes) or where the speaker reports their own words."""
        verb = self._verb_bringing_in(start, end, within)
        subject = self._subject_of(verb) if verb is not None else None
        if subject is None or subject.lower_ in _FIRST_PERSON:
            return outer
        named = self.mention_at(subject.idx, subject.idx + len(subject))
        if named is not None and named.entity_type in ("person", "organization") and not named.dateline:
            return self._speaker_from_mention(named)
        if subject.lower_ in _THIRD_PERSON:
            return self._someone_the_outer_quotation_brought_in(within[0], subject.idx) \
                or self._someone_else_named_before(within[0], subject.lower_, outer)
        if subject.pos_ == "NOUN":  # 'the supervisor' (the one the text gave that title), 'a man': someone without a name
            described = self.speaker_of_token(subject, (start, end))
            return described if described is not None and described.entity_id else Speaker(self._phrase_of(subject), None)
        if subject.pos_ in ("PRON", "NUM"):  # 'one of the soldiers'
            return Speaker(self._phrase_of(subject), None)
        return outer

    def _verb_bringing_in(self, start: int, end: int, within: tuple[int, int]):
        """The reporting verb of the inner quotation's own sentence inside the outer one: the last before it
        ('He said, ‘...’'), else one right after it ('‘...,’ he told me')."""
        sentence = self._sentence_at(start)
        opens = max(within[0], self.sentences[sentence].start_char) if sentence is not None else within[0]
        before = self.doc.char_span(opens, start, alignment_mode="expand") if opens < start else None
        verbs = [t for t in before or () if opens <= t.idx < start and self._reports(t)]
        if verbs:
            return verbs[-1]
        closes = min(within[1], end + _ATTRIBUTION_AFTER_CHARS)
        after = self.doc.char_span(end, closes, alignment_mode="expand") if end < closes else None
        for token in after or ():
            if token.is_sent_start and token.idx > end or token.text in "“”\"«»":
                break
            if token.idx >= end and self._reports(token):
                return token
        return None

    @staticmethod
    def _reports(token) -> bool:
        return token.lemma_.lower() in REPORTING_LEMMAS and token.pos_ in ("VERB", "AUX")

    @staticmethod
    def _subject_of(verb):
        """The verb's subject, or that of the verb it hangs from ('She was shouting, saying ‘...’')."""
        for candidate in (verb, verb.head):
            subject = next((c for c in candidate.children if c.dep_ in _SUBJECTS), None)
            if subject is not None:
                return subject
            if verb.dep_ not in ("xcomp", "advcl", "conj", "ccomp"):
                break
        return None

    def _someone_the_outer_quotation_brought_in(self, opens: int, position: int) -> Speaker | None:
        """Whom a pronoun inside the outer quotation points back at: the last person it names before the pronoun,
        else the last person it describes ('A man came in carrying his daughter, and he said'); None (someone
        the text around it brings in, whom the quotation does not name) otherwise."""
        named = [m for m in self._mentions_from(opens, position) if m.entity_type == "person" and m.end_char <= position]
        if named:
            return self._speaker_from_mention(named[-1])
        span = self.doc.char_span(opens, position, alignment_mode="expand") if opens < position else None
        described = [t for t in span or () if t.idx >= opens and t.pos_ == "NOUN" and t.lemma_.lower() in PERSON_NOUNS
                     and t.dep_ in _SUBJECTS]
        return Speaker(self._phrase_of(described[-1]), None) if described else None

    def _someone_else_named_before(self, opens: int, pronoun: str, outer: Speaker | None) -> Speaker | None:
        """The last person its paragraph names before the outer quotation, besides its speaker, whom the pronoun
        fits ('said Jane had been threatened. "She would say to us, ‘...’"'); None if there is none (the one
        the paragraphs before name is as likely to be someone the quotation never names)."""
        paragraph = paragraph_text_of(self.doc).rfind("\n", 0, opens) + 1
        others = [m for m in self._mentions_from(paragraph, opens) if m.entity_type == "person" and m.end_char <= opens
                  and self._speaker_from_mention(m).entity_id != (outer.entity_id if outer else None)
                  and self._agrees(m.entity_id, pronoun)]
        return self._speaker_from_mention(others[-1]) if others else None

    @staticmethod
    def _phrase_of(token) -> str:
        """The noun phrase a noun heads, without what a clause after it says ('a man' of 'a man who ...')."""
        words = [t for t in token.subtree if t.i <= token.i or t.dep_ in ("prep", "pobj", "det", "amod", "compound")
                 and t.head.i <= token.i + 2]
        words = [t for t in words if not t.is_punct]
        return " ".join(t.text for t in words[:8]) if words else token.text
