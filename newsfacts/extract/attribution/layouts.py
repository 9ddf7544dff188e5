"""Speakers a page's layout names rather than its sentences: a label with a colon before a quotation (a round-up,
a live blog), a signature line, a transcript's turn.
"""

from __future__ import annotations

import re

from newsfacts.extract.entities import is_given_name, person_prefix_words
from newsfacts.extract.gazetteer import demonyms, geocode
from newsfacts.extract.nlp import paragraph_text_of

from newsfacts.extract.attribution.speaker import Speaker
from newsfacts.extract.attribution.words import _POSSESSIVE_S, _ROMAN_NUMERAL, _SPEAKER_LABEL, _TURN_LABEL, BYLINE_LABEL


# The closing mark of a quotation and a dash that signs it: '" -- ', '” — '
_DASH_BEFORE_A_SIGNATURE = re.compile(r"[\"”’'»]?[ \t]*(?:--|—|–)[ \t]*(?=[A-Z])")
# Words in quotation marks
_QUOTED = re.compile(r"[\"“«]([^\"“”«»]*)[\"”»]")
# The words that bring in a recorded clip in a broadcast transcript, opening a sentence: 'Here's Jan Doe on ...'
_INTRODUCING_A_CLIP = re.compile(r"(?:^|(?<=[.!?]\s))(?:Here['’]s|Here is|Listen to|Let's listen to)\s+")


class Layouts:
    """Labels, signatures and transcript turns."""

    def labelled_speaker(self, start: int) -> Speaker | None:
        """'Kurmish Deputy Mayor Jane Doe: "..."', '– US PRESIDENT JAN DOE: “...”': the one a paragraph names, with a
        colon, before the quotation at `start` that follows it (a reaction round-up, a live blog); not 'He later
        added:', a sentence with a verb."""
        text = paragraph_text_of(self.doc)
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
        text = paragraph_text_of(self.doc)
        paragraph_start = text.rfind("\n", 0, position) + 1
        if paragraph_start == 0 or BYLINE_LABEL.search(text):
            return None  # (in a transcript, 'he said' in a speaker's line reports someone else)
        label = _SPEAKER_LABEL.match(text, paragraph_start, position)
        if label is not None and text[label.start():label.end()].rstrip(": ").isupper():
            return None  # ('TOM DOE: ... Jan Roe runs a farm. "...," he said': a transcript speaker's line tells of another)
        labelled = self.labelled_speaker(label.end()) if label is not None else None
        if labelled is not None and labelled.entity_id and self.entities[labelled.entity_id].entity_type == "person" \
                and self._agrees(labelled.entity_id, pronoun):
            return labelled
        return None

    def signed_speaker(self, end: int) -> Speaker | None:
        """'"..." / Jane Doe, EU foreign policy chief': a quotation that fills its paragraph, signed by the short line
        after it that names someone and says nothing more (no verb)."""
        text = paragraph_text_of(self.doc)
        paragraph_end = text.find("\n", end)
        if paragraph_end < 0 or text[end:paragraph_end].strip():
            return None
        line_start = paragraph_end + len(text[paragraph_end:]) - len(text[paragraph_end:].lstrip())
        line_end = text.find("\n", line_start)
        return self._signature(line_start, len(text) if line_end < 0 else line_end)

    def signed_after_a_dash(self, end: int) -> Speaker | None:
        """'"..." -- Kurmin Premier Jan Doe.': a quotation signed at the end of its own paragraph, after a dash, by a
        short phrase that names someone (after a title, a place or a role) and says nothing more (no verb)."""
        text = paragraph_text_of(self.doc)
        dash = _DASH_BEFORE_A_SIGNATURE.match(text, end)
        if dash is None:
            return None
        line_end = text.find("\n", dash.end())
        line_end = len(text) if line_end < 0 else line_end
        span = self.doc.char_span(dash.end(), line_end, alignment_mode="expand")
        if line_end - dash.end() > 100 or span is None or any(t.pos_ in ("VERB", "AUX") for t in span):
            return None
        people = [m for m in self._mentions_from(dash.end(), line_end) if m.entity_type == "person" and m.end_char <= line_end]
        return self._speaker_from_mention(people[-1]) if people else None

    def introduced_before(self, start: int) -> Speaker | None:
        """'Here's former Speaker Jan Doe on a Sunday talk show. / "..."': a quotation that opens its paragraph, right
        after a paragraph that ends by bringing in a clip of someone, as broadcast transcripts do: that person."""
        text = paragraph_text_of(self.doc)
        paragraph_start = text.rfind("\n", 0, start) + 1
        if paragraph_start == 0 or text[paragraph_start:start].strip(" \t\"“'‘«"):
            return None
        before_end = len(text[:paragraph_start].rstrip())
        before_start = text.rfind("\n", 0, before_end) + 1
        introductions = list(_INTRODUCING_A_CLIP.finditer(text, before_start, before_end))
        introduction = introductions[-1] if introductions else None  # (the paragraph's last)
        # (a show's title in quotation marks may follow: 'on CBS's "Face the Nation"'; no one's words may)
        if introduction is None or any(len(quoted.split()) >= 5 for quoted in _QUOTED.findall(text, introduction.end(), before_end)):
            return None
        person = next((m for m in self._mentions_from(introduction.end(), before_end) if m.entity_type == "person"), None)
        return self._speaker_from_mention(person) if person is not None else None

    def signed_before(self, start: int) -> Speaker | None:
        """'Jane Doe, EU foreign policy chief / "..."': the signature line just before the paragraph that a quotation
        opens, if there is one."""
        text = paragraph_text_of(self.doc)
        paragraph_start = text.rfind("\n", 0, start) + 1
        if paragraph_start == 0 or text[paragraph_start:start].strip(" \t\"“'‘«"):
            return None
        line_end = len(text[:paragraph_start].rstrip())
        return self._signature(text.rfind("\n", 0, line_end) + 1, line_end) if line_end > 0 else None

    def _signature(self, line_start: int, line_end: int) -> Speaker | None:
        """The person a short line names, alone or after a title, with nothing more said (no verb)."""
        text = paragraph_text_of(self.doc)
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

    def _speaker_of_the_turn(self, position: int, paragraphs: int = 6) -> Speaker | None:
        """The person whose label ('DOE:', 'JANE DOE (Kurmin Police):') opens the transcript's turn that
        `position` is in: the nearest labelled line at or before it, a few paragraphs back at most."""
        text = paragraph_text_of(self.doc)
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
