"""People the text describes without naming them ('one striker', 'a senior official', 'his mother'): whether one
spoke just before a quotation, whom a title with 'the' or a name set beside such a noun resolves to, and
what an unnamed speaker is called.
"""

from __future__ import annotations

from bisect import bisect_right

from newsfacts.extract.entities import person_prefix_words
from newsfacts.extract.nlp import paragraph_text_of

from newsfacts.extract.attribution.noun_phrases import _a_noun_for_a_person, _of_someone_unnamed
from newsfacts.extract.attribution.positions import _before_the_quotation
from newsfacts.extract.attribution.speaker import _Phrase, Speaker
from newsfacts.extract.attribution.words import (_SPEAKING_LEMMAS, _THE_ONE_JUST_NAMED, GENDERED_NOUNS,
                                                 GENERIC_ORGANISATION_NOUNS, INSTITUTION_NOUNS, PERSON_NOUNS,
                                                 SPOKESPERSON_NOUNS, STATEMENT_NOUNS)


class UnnamedPeople:
    """Speakers the text describes rather than names."""

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
            and (not paragraph_text_of(self.doc)[main.sent.end_char:exclude[0]].strip()
                 or self._only_the_pronouns_sentence_between(main, position, exclude)) \
            and any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") or c.dep_ == "nummod" and c.lower_ == "one"
                    and main.head.lemma_ != "be" for c in main.children) \
            and not any(c.dep_ == "conj" for c in main.children) \
            and not self._died(_Phrase(main.idx, main.idx + len(main)), main.sent)  # ('A farmer and his son were crushed')
        # ('one of the sources', 'another of the survivors': one of people the text does not name)
        one_of = main.lower_ in ("one", "another") and any(
            p.dep_ == "pobj" and p.lemma_.lower() in PERSON_NOUNS and p.tag_ == "NNS"
            for c in main.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children)
        # (a noun in lower case the tagger took for a name counts: 'a senior coast guard official'; so does an age the
        # tagger took for an adjective: 'A 17-year-old who was at the party said')
        aged = main.lower_ == "old" and main.tag_ == "JJ" and any(c.dep_ == "npadvmod" and c.lemma_ == "year" for c in main.children)
        if (((main.pos_ == "NOUN" and main.tag_ == "NN" or main.tag_ == "NNP" and main.text.islower() or aged) and someone or one_of)
                and (main.head.lemma_.lower() in _SPEAKING_LEMMAS or just_before)
                and self.mention_at(main.idx, main.idx + len(main)) is None
                and self._named_apposition(main) is None
                and (not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in main.children)
                     or _of_someone_unnamed(main) or self._the_unnamed_one_who_just_spoke(main, position, exclude))):
            return main
        return None

    def _only_the_pronouns_sentence_between(self, main, position: int, exclude: tuple[int, int]) -> bool:
        """'One man had tears running down his face. / "Thank God," he said. "...": the sentence of the pronoun (its few
        quoted words too short to count) is all that lies between the one brought in and the quotation."""
        index = self._sentence_at(position)
        return index is not None and index == self._sentence_at(main.idx) + 1 \
            and not paragraph_text_of(self.doc)[self.sentences[index].end_char:exclude[0]].strip()

    def _the_unnamed_one_who_just_spoke(self, main, position: int, exclude: tuple[int, int] | None) -> bool:
        """'"...," the police official said. / "...," he added': the one the last sentence before the quotation
        has speak, with 'the' and a title (or a clause: 'The driver, who was hurt, told ...') that names no one the
        text has named ('the official' after 'Jan Doe, an official,' is Jan Doe; 'the woman' after 'Jane Doe was
        seeking word' is Jane Doe)."""
        before, text = _before_the_quotation(position, exclude), paragraph_text_of(self.doc)
        while before > 1 and text[before - 1].isspace():  # (the space between two sentences is in neither)
            before -= 1
        last = self._sentence_at(max(before - 1, 0))
        # (not 'the woman', 'the widow': a bare noun, or one that points back at the one just named; not 'The mayor of
        # Kurmby, Jan Doe, said', a title with its name; not 'The minister was asked', who did not speak)
        return main.head.lemma_.lower() in _SPEAKING_LEMMAS and main.dep_ == "nsubj" and main.lemma_.lower() not in _THE_ONE_JUST_NAMED \
            and any(c.dep_ in ("compound", "amod", "relcl") for c in main.children) \
            and not any(m.entity_type == "person" for m in self._mentions_from(main.left_edge.idx, main.right_edge.idx + len(main.right_edge))) \
            and last is not None and main.sent.start_char == self.sentences[last].start_char \
            and self.described_entity(main, exclude) is None

    def _titled_person_before(self, position: int, exclude: tuple[int, int] | None, pronoun: str):
        """'The minister has appealed for help. "...," she said': when the last sentence's subject is a
        title with 'the', the person the text named with that title (and who agrees with the pronoun)."""
        main = self._main_subject_before(position, exclude, lookback=2)
        owner = next((c for c in main.children if c.dep_ == "poss" and c.pos_ == "NOUN"), None) if main is not None else None
        if owner is not None and not _a_noun_for_a_person(main):
            main = owner  # "The governor's voice broke when he turned to speak": the governor's, a thing of his
        # (a title in capitals, too: 'The Humanitarian Coordinator called for ...')
        if main is None or not (main.pos_ == "NOUN" or (main.pos_ == "PROPN" and main.text.istitle())) \
                or self.mention_at(main.idx, main.idx + len(main)) is not None \
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

    def _spoke_unnamed_before(self, noun, position: int) -> bool:
        """Whether someone the text calls by this noun ('witness', 'survivor') and never names spoke before
        `position`: 'the witness told the group ... "...," the witness said' is that witness again, not the
        person the text named last."""
        lemma = noun.lemma_.lower()
        return any(t.lemma_.lower() == lemma and t.pos_ == "NOUN" and t.dep_ in ("nsubj", "nsubjpass") and t.i != noun.i
                   and t.head.lemma_.lower() in _SPEAKING_LEMMAS and self.mention_at(t.idx, t.idx + len(t)) is None
                   and self._named_apposition(t) is None and not any(c.dep_ == "appos" for c in t.children)
                   for t in self.doc[:noun.i] if t.idx < position)

    def _unnamed_speaker(self, token, exclude: tuple[int, int] | None) -> Speaker | None:
        """A person the text describes: the body a spokesman speaks for, else the description itself."""
        if token.lemma_.lower() in SPOKESPERSON_NOUNS:
            speaker = self.speaker_of_token(token, exclude)
            if speaker is not None and (speaker.entity_id or speaker.institution):
                return speaker
        if any(c.dep_ == "poss" and c.lower_ in ("his", "her", "their") for c in token.children) or self._of_someone_named(token):
            # 'His mother said she would keep going' after 'His mother, Jane Doe,': the person the text gave that title
            # (so is "Jan's mother")
            described = self.described_entity(token, exclude)
            if described is not None and described.entity_id and self.entities[described.entity_id].entity_type == "person":
                return described
        # 'But a doctor at the district hospital, Jan Doe, said ... "...," he said': the person the phrase names
        # (the parser may hang the name on the hospital, not the doctor), as when the phrase itself attributes
        named = self._speaker_named_in_the_phrase(token, exclude)
        if isinstance(named, Speaker) and named.entity_id and self.entities[named.entity_id].entity_type == "person":
            return named
        return self._description(token)

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
                            return Speaker(paragraph_text_of(self.doc)[first.idx:name.idx + len(name)], None, proper=True)
        return None

    def _titled_person_named_after_the_lede(self, token) -> Speaker | None:
        """'The storm will be "..." , Kurmistan's president says. / President Jan Doe said ...': a title in the
        article's opening paragraph (after its headline) names the person the next paragraph gives that title to;
        'his grieving mother told mourners. / Jane Doe paid tribute to her son ...': a relative the lede does
        not name is the person the next paragraph opens with, of the relative's sex."""
        text = paragraph_text_of(self.doc)
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
