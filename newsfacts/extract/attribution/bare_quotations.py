"""Quotations that open their paragraph with no attribution of their own: an interview's answers (the
interviewee's) and a lede's quotation followed by a sentence about the person who said it.
"""

from __future__ import annotations

from bisect import bisect_right
import re

from newsfacts.extract.nlp import paragraph_text_of

from newsfacts.extract.attribution.speaker import Speaker
from newsfacts.extract.attribution.noun_phrases import _a_noun_for_a_person
from newsfacts.extract.attribution.words import (_ACCOUNT_LEMMAS, _ANSWER_MARK, _BYLINE, _PROMPT_PARAGRAPH,
                                                 _QUESTION_PARAGRAPH, _SPEAKING_LEMMAS, _SUBJECTS, LEDE_PHRASES)


class BareQuotations:
    """Speakers of quotations with no reporting verb: interviews and ledes."""

    def interview_answer_speaker(self, start: int, end: int) -> Speaker | None:
        """In an interview written as questions and quoted answers (two questions or more, each a paragraph
        of its own), a quotation that answers a question is the interviewee's: the person the article
        names most. So is a quotation in an answer marked 'A:'."""
        text = paragraph_text_of(self.doc)
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
            paragraphs = [p.strip() for p in paragraph_text_of(self.doc).split("\n") if p.strip()]
            self._question_count = sum(1 for p, after in zip(paragraphs, paragraphs[1:])
                                       if _QUESTION_PARAGRAPH.fullmatch(p) and after[:1] in "\"“«‘'")
        return self._question_count

    def _interviewee(self, answer_start: int) -> Speaker | None:
        """The person the article names most; of those its introduction to the questions names, when it
        names any ('Five minutes with Jan Doe', then the questions, in a match report about others)."""
        counts: dict[str, int] = {}
        text = paragraph_text_of(self.doc)
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
        text = paragraph_text_of(self.doc)
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

    def lede_speaker(self, start: int, end: int, only: str | None = None) -> Speaker | None:
        """A quotation that opens its paragraph with no attribution of its own, followed by a sentence
        about a named person: '"...." Jane Doe, 52, spoke from a tent', '"...." The woman, Jane Doe, has
        waited since Tuesday', '"...." Those were the words of
        Jane Doe', '"...." The message came from Jane Doe'. The person is the speaker. With `only="phrases"`,
        only a phrase that says so ('the words of', 'the view of') counts; with `only="speaking"`, only such a
        phrase or a person who speaks in the sentence ('"...." Jane Doe, a trader, spoke by telephone')."""
        speaking_only = only == "speaking"
        text = paragraph_text_of(self.doc)
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
        # (one who speaks after it: in the next paragraph only, and where what the verb reports is a clause of its
        # own, 'Jan Roe said officers ...', only someone the text brings in there)
        words = [t for t in sent if t.idx >= begin] if only != "phrases" and (not speaking_only or "\n" in between) else []
        for token in words:
            if token.dep_ in _SUBJECTS and token.head.idx >= begin and token.head.pos_ in ("VERB", "AUX"):
                reports_a_clause = any(c.dep_ == "ccomp" for c in token.head.children)
                if speaking_only and (token.head.lemma_.lower() not in _SPEAKING_LEMMAS
                                      or any(c.dep_ == "advmod" and c.lower_ == "also" for c in token.head.children)):
                    break  # (not 'Jan Roe also said ...': another's words besides the quotation's)
                mention = self.mention_at(token.idx, token.idx + len(token))
                named = self._named_apposition(token) if mention is None and token.pos_ == "NOUN" else None
                if named is not None and named.entity_id and self.entities[named.entity_id].entity_type == "person":
                    mention = next((m for m in self.mentions if m.entity_id == named.entity_id and m.start_char >= token.idx), None)
                    if mention is None:
                        return named
                elif mention is None or mention.entity_type != "person" or self._in_quotation(mention):
                    break  # the first clause's subject only
                if speaking_only and reports_a_clause and any(m.entity_id == mention.entity_id for m in self.mentions
                                                              if m.start_char < mention.start_char):
                    break
                # ('"...." The woman, Jane Doe, has waited at the gate since Tuesday')
                return self._speaker_from_mention(mention)
        lede = LEDE_PHRASES.search(text, begin, sent.end_char)
        if lede is not None:
            for m in self.mentions[bisect_right(self.starts, lede.end() - 1):]:
                if m.start_char >= sent.end_char:
                    break
                if m.entity_type == "person":
                    return self._speaker_from_mention(m)
        return None

    def described_speaker_before(self, start: int, end: int) -> Speaker | None:
        """A quotation that is a paragraph of its own, right after a paragraph that brings in someone the text does
        not name and has them speak ('An inmate, reached by phone, gave a different account. He spoke on condition
        of anonymity.'): that someone, by the words that describe them. None where that paragraph names a person."""
        text = paragraph_text_of(self.doc)
        paragraph_start = text.rfind("\n", 0, start) + 1
        if text[paragraph_start:start].strip():
            return None
        before_end = len(text[:paragraph_start].rstrip())
        before_start = text.rfind("\n", 0, before_end) + 1
        first = self._sentence_at(before_start)
        if first is None or any(m.entity_type == "person" for m in self._mentions_from(before_start, before_end)) \
                or any(mark in text[before_start:before_end] for mark in "\"“”«»"):
            return None
        subject = next((t for t in self.sentences[first] if t.dep_ in _SUBJECTS and t.head.dep_ == "ROOT"), None)
        if subject is None or subject.pos_ != "NOUN" or not _a_noun_for_a_person(subject) \
                or not any(c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one", "another") for c in subject.children):
            return None
        sentences = [s for s in self.sentences[first:] if s.start_char < before_end]
        if not any(t.lemma_.lower() in _SPEAKING_LEMMAS or t.lemma_.lower() in _ACCOUNT_LEMMAS
                   for s in sentences for t in s if t.pos_ == "VERB"):
            return None
        return self._description(subject)
