"""The document's entity mentions, sentences and quotations, indexed by offset for the attribution steps: which
mention lies at an offset, whom a surname means, which sentence or quotation holds a position.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
import re

from newsfacts.extract.entities import is_given_name, sex_an_honorific_states
from newsfacts.extract.nlp import paragraph_text_of
from newsfacts.extract.translit import name_key

from newsfacts.extract.attribution.positions import _paragraph_before
from newsfacts.extract.attribution.speaker import Speaker
from newsfacts.extract.attribution.words import _FINITE_VERB_TAGS, GENDERED_NOUNS

# 'his brother ', 'her daughter ' just before a name
_KIN_BEFORE = re.compile(r"\b(?:his|her|their) (?:%s) $" % "|".join(sorted(map(re.escape, GENDERED_NOUNS))), re.IGNORECASE)


class MentionIndex:
    """Lookups over the mentions, surnames, sentences and quotations an Attributor was given."""

    def _index_surnames(self, entities) -> None:
        """Surname -> the one person of the document with that surname ('Opelka' -> 'Reilly Opelka'), and the
        people who share one."""
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
        # ('Sun Jianguo' and his son 'Sun Hao': a family name written first; or a given name two people share): a
        # first word two people the text names in full share is, alone, a namesake's question too
        written_first: dict[str, set[str]] = {}
        for entity in entities.values():
            words = entity.canonical_name.split()
            if entity.entity_type == "person" and len(words) in (2, 3):
                written_first.setdefault(name_key(words[0]), set()).add(entity.entity_id)
        for key, ids in written_first.items():
            if len(ids) > 1:
                by_surname[key] = by_surname.get(key, set()) | ids
        self.by_surname = {k: next(iter(v)) for k, v in by_surname.items() if len(v) == 1}
        # People who share a surname ('Kurvind Ramalathan' and his wife 'Jaya Ramalathan'), in the order the
        # text names them: whom the surname alone means is a speaker's question (_namesake_speaking)
        first_named = {}
        for m in self.mentions:
            first_named.setdefault(m.entity_id, m.start_char)
        self.namesakes = {k: sorted(v, key=lambda i: (first_named.get(i, 1 << 30), i)) for k, v in by_surname.items() if len(v) > 1}

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

    def with_the_body_named_in_full(self, speaker: Speaker | None) -> Speaker | None:
        """A body the words name without an entity ('the Civil Defence said', which the recogniser missed) is the
        one organisation of the document whose name ends with those words ('the Lebanese Civil Defence')."""
        if speaker is None or speaker.entity_id is not None or not (speaker.institution or speaker.proper):
            return speaker
        key = name_key(speaker.name.removeprefix("the ").removeprefix("The "))
        fitting = {e.entity_id: e for e in self.entities.values() if e.entity_type == "organization"
                   and (name_key(e.canonical_name) == key or name_key(e.canonical_name).endswith(" " + key))}
        if len(fitting) != 1 or len(key.split()) < 2:
            return speaker
        entity = next(iter(fitting.values()))
        return Speaker(entity.canonical_name, entity.entity_id)

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

    def _speaker_from_mention(self, mention) -> Speaker:
        entity = self.entities[mention.entity_id]
        # (the surname with its particle, 'al-Hassan', is the surname's namesakes' question too)
        namesakes = self.namesakes.get(name_key(entity.canonical_name)) or self.namesakes.get(name_key(entity.canonical_name).split()[-1]) \
            if entity.entity_type == "person" and " " not in entity.canonical_name else None
        if namesakes:
            entity = self._namesake_speaking(mention, namesakes)
        return Speaker(entity.canonical_name, entity.entity_id)

    def _namesake_speaking(self, mention, namesakes: list[str]):
        """Of the people who share the surname written alone, the one who speaks: not one whose death the
        text tells, of the sex an honorific before the surname says ('Mr Doe'), the first the text named
        (a story names its subject first, a relative by a full name or a given name)."""
        text = paragraph_text_of(self.doc)
        sex = sex_an_honorific_states(text, mention.start_char)
        living = [i for i in namesakes if not self.dead(i)] or namesakes
        fitting = [i for i in living if sex is None or self._sex(i) in (sex, None)] or living
        # ('Her mother, Kurma Doe, sat through the hearing. "...," Mrs Doe said': with an honorific, the one of that
        # sex the sentences before were about; a surname alone is the person the story named first)
        salient = self.salient_person_before(mention.start_char, (mention.start_char, mention.end_char), lookback=4) if sex else None
        if salient is not None and salient.entity_id in fitting[1:]:
            return self.entities[salient.entity_id]
        # ('Her father, Jan Kurmo Doe, went in first. / "...," Doe said': the one named in full in the paragraph
        # before or its own, where only one was; not one named as the speaker of a quotation, after whose words
        # the surname alone turns to the other: '"...," Jane Doe recalled. / "...," Doe wrote')
        just_named = {m.entity_id for m in self._mentions_from(_paragraph_before(text, mention.start_char)[0], mention.start_char - 1)
                      if m.entity_id in fitting and " " in m.surface.strip() and m.end_char <= mention.start_char
                      and not self._beside_a_quotation(m.start_char) and not self._a_relative_told_of_in_passing(m)}
        if len(just_named) == 1:
            return self.entities[just_named.pop()]
        return self.entities[fitting[0]]

    def _a_relative_told_of_in_passing(self, mention) -> bool:
        """'... the province where his brother Jan Doe was running': a relative the sentence names after 'his brother', not
        as its main clause's subject, whom a surname alone after it does not mean (the story's subject, named first, it does)."""
        kin = _KIN_BEFORE.search(paragraph_text_of(self.doc), max(0, mention.start_char - 30), mention.start_char)
        span = self.doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand") if kin else None
        return span is not None and not (span.root.dep_ in ("nsubj", "nsubjpass") and span.root.head.dep_ == "ROOT")

    def _beside_a_quotation(self, position: int) -> bool:
        """Whether the sentence holding `position` holds a quotation, or touches one (its words, not the space after it)."""
        return self.quotation_beside(position) is not None

    def quotation_beside(self, position: int) -> tuple[int, int] | None:
        """The last quotation the sentence holding `position` holds or touches (its words, not the space after it)."""
        index = self._sentence_at(position)
        if index is None:
            return None
        sentence = self.sentences[index]
        ends = sentence.start_char + len(sentence.text.rstrip())
        return next((q for q in reversed(self._quotations) if q[0] <= ends and sentence.start_char <= q[1]), None)

    def _sentence_at(self, position: int) -> int | None:
        """The index of the sentence that holds `position`, or None (the space between two sentences)."""
        i = bisect_right(self.sentence_starts, position) - 1
        return i if i >= 0 and position < self.sentences[i].end_char else None

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
        return (start, end) if not paragraph_text_of(self.doc)[end:token.idx].strip(" ,.;:\"'”’»—–-") else None

    def _in_a_quotation_found(self, position: int) -> bool:
        i = bisect_right(self._quotation_starts, position) - 1
        return i >= 0 and position < self._quotations[i][1]

    def _in_quotation_at(self, position: int) -> bool:
        """`position` lies inside an open quotation of its paragraph."""
        text = paragraph_text_of(self.doc)
        before = text[text.rfind("\n", 0, position) + 1:position]
        return (before.count('"') % 2 == 1) or before.count("“") > before.count("”") or before.count("«") > before.count("»")

    def _in_quotation(self, mention) -> bool:
        """A name inside someone's quoted words is talked about, not talking."""
        return self._in_quotation_at(mention.start_char)

    def verbs_between(self, start: int, end: int) -> bool:
        """Whether any verb stands wholly between two offsets (one with a tense, or any the tagger calls a verb)."""
        span = self.doc.char_span(start, end, alignment_mode="expand") if start < end else None
        return span is not None and any((t.tag_ in _FINITE_VERB_TAGS or t.pos_ == "VERB") and start <= t.idx and t.idx + len(t) <= end
                                        for t in span)

    def _finite_verbs(self, start: int, end: int) -> list:
        """The verbs with a tense ('tells', 'said') wholly between two offsets."""
        span = self.doc.char_span(start, end, alignment_mode="expand") if start < end else None
        return [t for t in span if t.tag_ in _FINITE_VERB_TAGS and t.idx >= start and t.idx + len(t) <= end] if span is not None else []

