"""Whom a subject token stands for: a pronoun's antecedent, a name, a rank, an age or a nationality, a body the
phrase names; the readings are tried in a fixed order, and the first that decides wins.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from newsfacts.extract.entities import POST_DISTRICT, person_prefix_words
from newsfacts.extract.nlp import paragraph_text_of
from newsfacts.extract.translit import name_key

from newsfacts.extract.attribution.noun_phrases import _a_noun_for_a_person, _a_person_by_nationality_or_party
from newsfacts.extract.attribution.parser_slips import (_a_title_taken_for_a_body, _a_transcript_label,
                                                        _last_piece_of_a_hyphenated_word, _named_after_a_title_for_a_place,
                                                        _named_after_a_title_of_a_place,
                                                        _ranked_name_first)
from newsfacts.extract.attribution.positions import _after_a_preposition, _before_the_quotation, _inside
from newsfacts.extract.attribution.speaker import _UNDECIDED, Speaker
from newsfacts.extract.attribution.words import (_AGED, _PRONOUN_SEXES, _ROLE_AFTER_A_BODY, GENDERED_NOUNS, HOUSEHOLD_NOUNS,
                                                 INSTITUTION_NOUNS, ORGANISATION_PRONOUNS, PERSON_NOUNS, PERSON_PRONOUNS, PRONOUNS,
                                                 RELATIVE_PRONOUNS, REPORTING_LEMMAS, SPOKESPERSON_NOUNS, STATEMENT_NOUNS)


def _did_something_to(subject, pronoun: str) -> bool:
    """Whether the subject's verb takes as its object another person the pronoun's gender names ('a neighbour had
    dragged her out'): that person, not the subject, is the one the text is about."""
    objective = {"she": "her", "he": "him"}.get(pronoun)
    verb = subject.head  # (its own objects, not those of a clause inside it: 'who signed a deal that bars him')
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")] \
        + [p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    return objective is not None and any(o.lower_ == objective for o in objects)


def _of_the_other_sex(noun, pronoun: str) -> bool:
    """Whether a noun for a person says the sex the pronoun does not ('the spokeswoman' is no 'he')."""
    sex = GENDERED_NOUNS.get(noun.lemma_.lower())
    return sex is not None and _PRONOUN_SEXES.get(pronoun) not in (None, sex)


class SubjectSpeakers:
    """The speaker a subject token stands for."""

    def speaker_of_token(self, token, exclude: tuple[int, int] | None = None) -> Speaker | None:
        """The speaker a subject token stands for: the readings below in this order, the first that decides
        winning (a name the phrase gives before a pronoun's antecedent, a statement's issuer before a title's
        holder), else the noun phrase itself."""
        token = _last_piece_of_a_hyphenated_word(token)
        if _a_transcript_label(token):
            return None  # 'QUESTION (Jane Doe, Radio Kurmin): The mayor said ...': a line's label is no subject
        title = self.mention_at(token.idx, token.idx + len(token))
        if title is not None and _a_title_in_quotation_marks(paragraph_text_of(self.doc), title):
            # 'Jan Doe speaking on Kurmin TV's “State of the Nation” says ...': a programme's name, which the parser
            # made the subject, is no speaker; the person the sentence names before it is
            person = next((m for m in reversed(self.mentions[:bisect_right(self.starts, title.start_char) - 1])
                           if m.entity_type == "person" and m.start_char >= token.sent.start_char), None)
            return self._speaker_from_mention(person) if person is not None else None
        if token.lower_ == "i" and token.pos_ == "PRON":
            # 'DOE: ... I said it yesterday and I repeat it today: "..."': in a transcript, whose turn it is
            turn = self._speaker_of_the_turn(token.idx)
            if turn is not None:
                return turn
        if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl" and token.head.head is not token.head:
            # 'The ministry, which warned of "..."': the relative clause speaks for the noun it describes.
            return self.speaker_of_token(token.head.head, exclude)
        named = self._named_after_a_rank_or_an_office(token) or self._person_titled_by_initials(token, exclude)
        if named is not None:
            return named
        described = self._person_an_age_or_a_nation_stands_for(token, exclude)
        if described is not _UNDECIDED:
            return described
        if token.lower_ in PRONOUNS and token.pos_ == "PRON":
            return self._speaker_of_a_pronoun(token, exclude)
        if token.pos_ == "NOUN" and token.lemma_.lower() in STATEMENT_NOUNS:
            return self._issuer_of_the_statement(token, exclude)
        if token.pos_ == "PROPN" and name_key(token.text) in self.by_surname and self.mention_at(token.idx, token.idx + len(token)) is None:
            entity = self.entities[self.by_surname[name_key(token.text)]]
            return Speaker(entity.canonical_name, entity.entity_id)
        for reading in (self._speaker_for_a_spokesperson, self._named_beside_a_title):
            found = reading(token, exclude)
            if found is not None:
                return found
        named = self._a_name_with_a_capitalised_preposition(token)
        if named is not None:
            return named
        for reading in (self._person_a_title_stands_for, self._named_after_a_rank, self._speaker_named_in_the_phrase):
            found = reading(token, exclude)
            if found is not _UNDECIDED:
                return found
        found = self._a_name_the_recogniser_missed(token)
        if found is not _UNDECIDED:
            return found
        if token.lower_ == "police" and not any(c.dep_ in ("compound", "amod", "poss", "nummod") or (c.dep_ == "det" and c.lower_ != "the")
                                                for c in token.children):
            force = self._police_force(token, exclude)  # '"...," police said'
            if force is not None:
                return force
        return self._description(token)

    def _named_after_a_rank_or_an_office(self, token) -> Speaker | None:
        """The person a phrase names after a rank, or after an office and the place it serves, whatever word of it
        the parser made the subject."""
        ranked = _ranked_name_first(token)
        if ranked is not None:
            # 'Sergeant Jan Doe of the Kurmin police told': a rank and a name, whatever the parser made the head
            mention = self.mention_at(ranked[0], ranked[1])
            return self._speaker_from_mention(mention) if mention is not None and mention.entity_type == "person" \
                else Speaker(paragraph_text_of(self.doc)[ranked[0]:ranked[1]], None, proper=True)
        named = next((t for t in token.subtree if (_named_after_a_title_of_a_place(t) and t.head.head.i == token.i)
                      or _named_after_a_title_for_a_place(t, token)), None)
        mention = self.mention_at(named.idx, named.idx + len(named)) if named is not None else None
        if mention is not None and mention.entity_type == "person" and mention.entity_id:
            return self._speaker_from_mention(mention)  # 'the governor of Dala province Jane Doe told reporters'
        return None

    def _person_an_age_or_a_nation_stands_for(self, token, exclude: tuple[int, int] | None):
        """'the 26-year-old', 'the Democrat': the person the sentences before were about (for a nationality with
        no one before it, the words themselves); _UNDECIDED for a subject of any other kind."""
        if any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) and token.pos_ in ("NOUN", "ADJ") \
                and (token.lower_ == "old" or _a_noun_for_a_person(token)) \
                and _AGED.search(paragraph_text_of(self.doc), min(c.idx for c in token.children), token.idx + len(token)):
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
        return _UNDECIDED

    def _speaker_of_a_pronoun(self, token, exclude: tuple[int, int] | None) -> Speaker | None:
        """A person for 'he' or 'she', a body (or people the text describes) for 'it' or 'they'; no one for
        the others."""
        if token.lower_ in PERSON_PRONOUNS:
            return self._person_a_pronoun_stands_for(token, exclude)
        if token.lower_ in ORGANISATION_PRONOUNS:
            return self._body_a_pronoun_stands_for(token, exclude)
        return None

    def _person_a_pronoun_stands_for(self, token, exclude: tuple[int, int] | None) -> Speaker | None:
        """The person a personal pronoun refers back to."""
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
        if unnamed is not None and (salient is None or unnamed.idx > salient.end_char) \
                and not _did_something_to(unnamed, token.lower_) and not _of_the_other_sex(unnamed, token.lower_) \
                and not self._named_person_quoted_since(unnamed.sent.end_char, before, exclude, token.lower_):
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
        if salient is not None and not self._named_in_an_earlier_paragraph(salient, before):
            return self._speaker_from_mention(salient)
        named = self._only_person_just_before(token.idx, exclude, token.lower_)
        if salient is not None and (named is None or not self._named_in_the_paragraph(named, before)):
            # ('I met Jan Doe, a shepherd. He had dug them out himself. "...," he said': the one person the pronoun's own
            # paragraph names, before the subject of one before it)
            return self._speaker_from_mention(salient)
        if named is not None:
            return named
        speaker = self.last_named_speaker_before(token.idx, exclude, pronoun=token.lower_)
        if speaker:
            return speaker
        mention = self.last_of_type_before(token.idx, "person", exclude, pronoun=token.lower_)
        return self._speaker_from_mention(mention) if mention else None

    def _named_person_quoted_since(self, start: int, position: int, exclude: tuple[int, int] | None, pronoun: str) -> bool:
        """'another top official said. | "...," secretary of state Jan Doe told a radio station. | "...," he added':
        a person (agreeing with the pronoun) named beside a reporting verb between `start` and `position`, whom
        the pronoun follows rather than the unnamed one before, whatever the parser made of the verb's subject."""
        for m in self._mentions_from(start, position):
            if m.entity_type == "person" and m.end_char <= position and not _inside(m, exclude) \
                    and not self._in_quotation(m) and self._agrees(m.entity_id, pronoun):
                span = self.doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
                if span is not None and any(t.lemma_.lower() in REPORTING_LEMMAS and t.pos_ == "VERB"
                                            for t in self.doc[max(span.start - 2, 0):span.end + 2]):
                    return True
        return False

    def _named_in_an_earlier_paragraph(self, mention, position: int) -> bool:
        """Whether a paragraph break lies between the mention and `position`."""
        return "\n" in paragraph_text_of(self.doc)[mention.end_char:position]

    def _named_in_the_paragraph(self, speaker: Speaker, position: int) -> bool:
        """Whether the paragraph holding `position` names the speaker before it."""
        paragraph_start = paragraph_text_of(self.doc).rfind("\n", 0, position) + 1
        return any(m.entity_id == speaker.entity_id for m in self._mentions_from(paragraph_start, position) if m.end_char <= position)

    def _body_a_pronoun_stands_for(self, token, exclude: tuple[int, int] | None) -> Speaker | None:
        """The organisation (or the people the text describes) that 'it' or 'they' refers back to."""
        # 'Jan Doe sent me a text message. "...," it read': whoever sent the message the text told of
        issuer = self._issuer_of_a_statement_before(token, exclude, lookback=1)
        if issuer is not None:
            return issuer
        # 'The Kurmin Interior Ministry condemned the attack. "...," it said': the body the sentence
        # before was about
        earlier = self._main_subject_before(_before_the_quotation(token.idx, exclude), exclude, lookback=1)
        if earlier is not None and earlier.sent == token.sent and token.head.dep_ == "parataxis" and token.head.head.i == earlier.head.i:
            # 'His death, they said, would "..."': the subject of the words reported is no one who spoke; the sentence
            # before says who 'they' are
            earlier = self._main_subject_before(token.sent.start_char, exclude, lookback=1)
        if earlier is not None and token.lower_ == "they" and earlier.lemma_.lower() in SPOKESPERSON_NOUNS:
            return self.speaker_of_token(earlier, exclude)  # ('Army spokesmen described it ... they said': as they spoke)
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
            if speaker is not None and mention is not None and mention.entity_type == "location" and speaker.entity_id \
                    and earlier.head.lemma_.lower() in REPORTING_LEMMAS and earlier.dep_ == "nsubj":
                return speaker  # 'Kurmistan said ... It added:' (or an agency the recogniser took for a place): who spoke before
            if speaker is not None and speaker.entity_id is None and mention is None and earlier.lemma_.lower() in INSTITUTION_NOUNS:
                return speaker  # '"...," state police said. "...," it said': the body, though unnamed
        mention = self.last_of_type_before(token.idx, "organization", exclude, window=1500, speakers_within=600)
        return self._speaker_from_mention(mention) if mention else None

    def _named_after_a_rank(self, token, exclude: tuple[int, int] | None):
        """'said Sgt. Jane Doe', where the parser made the rank the subject and hung the name elsewhere: the person
        named right after the rank, else _UNDECIDED."""
        if token.lower_.rstrip(".") in person_prefix_words():
            named = self._name_just_after(token, exclude)
            if named is not None and named.entity_id is not None and self.entities[named.entity_id].entity_type == "person":
                return named
        return _UNDECIDED

    def _speaker_named_in_the_phrase(self, token, exclude: tuple[int, int] | None):
        """The person, body or place the subject's phrase names, and what the parser made of it; _UNDECIDED when
        it names none."""
        mention = self.mention_at(token.idx, token.idx + len(token))
        if mention is None:
            named = self._names_in_the_phrase(token)
            # a person named in the phrase before an organisation or country it names ('the foreign minister
            # of X, Jane Doe')
            mention = next((m for m in named if m.entity_type == "person"), named[0] if named else None)
            unnamed = self._office_or_someone_of_the_name(token, mention, named)
            if unnamed is not _UNDECIDED:
                return unnamed
        apposition = next((c for c in token.children if c.dep_ == "appos"), None)
        if mention is not None and mention.entity_type == "location" and (
                _after_a_preposition(paragraph_text_of(self.doc), mention.start_char)
                or apposition is not None and _a_noun_for_a_person(apposition)):
            # 'In Addis Ababa, the government spokeswoman, Jane Doe, called ...', 'In Kurmin, Dalen, a fisherman
            # said', which the parser made the subject with the speaker in apposition to the place
            return self.speaker_of_token(apposition, exclude) if apposition is not None else None
        if mention is not None and mention.entity_type == "person":
            body = self._body_in_apposition_to_its_spokesperson(token, mention)
            if body is not None:
                return body
        if mention is not None and mention.entity_type == "organization":
            person = self._person_named_with_a_body(token, mention) or self._person_given_the_title_before(token, mention, exclude)
            if person is not None:
                return person
        if mention is not None and mention.entity_type in ("person", "organization", "location"):
            return self._speaker_from_mention(mention)
        return _UNDECIDED

    def _person_given_the_title_before(self, token, mention, exclude: tuple[int, int] | None) -> Speaker | None:
        """'Ward MCA Jan Doe accused ... "...," the MCA said': a title of one word, which the recogniser took for a
        body's name, after 'the', that the text wrote just before a person's name earlier: that person (the
        title's last word, right before the name, only: 'UN Secretary-General Jan Doe' makes no 'the UN' his)."""
        if " " in mention.surface or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return None
        i = bisect_right(self.starts, mention.start_char) - 1
        while i >= 0 and self.mentions[i].start_char > mention.start_char - 4000:
            earlier = self.mentions[i]
            i -= 1
            if earlier.entity_type == "person" and not _inside(earlier, exclude) and not self._in_quotation(earlier):
                title, honorifics = self._title_before_the_name(earlier)
                if title and honorifics is None and title[-1] == mention.surface:
                    return self._speaker_from_mention(earlier)
        return None

    def _names_in_the_phrase(self, token) -> list:
        """The people and organisations the subject's phrase names: 'the head of the regional administration,
        Name' or 'regional governor Name'; an apposition first, and never the possessor ("Mr. Brown's former
        teacher, Marie Dupont" is Dupont)."""
        phrase = list(token.subtree)
        possessed = {t.i for c in token.children if c.dep_ == "poss" for t in c.subtree}
        # (nor a body a relative clause on the subject names: 'The Kurmish army, which has been fighting the Dalen
        # Forces since April, accused ...' is the army; a person's name there may be the subject's own, which the
        # parser hung on the clause: 'A welder who was working near the unit, Jan Doe, 35, said')
        in_a_clause = {t.i for c in token.children if c.dep_ == "relcl" for t in c.subtree}
        appositions = [t for c in token.children if c.dep_ == "appos" for t in c.subtree]
        rest = [t for t in phrase if t.i not in possessed and t not in appositions]
        return [m for c in appositions + rest for m in [self.mention_at(c.idx, c.idx + len(c))]
                if m is not None and (m.entity_type == "person" or m.entity_type == "organization" and c.i not in in_a_clause)]

    def _office_or_someone_of_the_name(self, token, mention, named: list):
        """For a subject that is no name itself: the office of the body its phrase names, or the unnamed person the
        phrase is about rather than the one it names (the words themselves); _UNDECIDED otherwise."""
        office = self._office_of(mention, token) if mention is not None and mention.entity_type == "organization" else None
        if office is not None:
            return office
        whose = {t.idx for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree}
        if mention is not None and mention.entity_type == "person" and mention.start_char in whose \
                and token.lemma_.lower() in PERSON_NOUNS | HOUSEHOLD_NOUNS and token.pos_ == "NOUN" and not self._beside_a_place_or_body(mention):
            # 'the parents of Jan Doe said': the parents speak, not Jan Doe (but 'the mayor of Dalen, Jan Doe,
            # said' is the mayor, named beside the town the parser hung the name on)
            return self._description(token)
        modifier = {t.idx for c in token.children if c.dep_ == "compound" for t in c.subtree}
        if mention is not None and mention.entity_type == "person" and mention.start_char in modifier and token.pos_ == "NOUN" \
                and _a_noun_for_a_person(token) and any(c.dep_ == "det" and c.lower_ in ("a", "an", "another", "one") for c in token.children):
            # 'a Kurmo supporter who declined to give his name called ...': one of the named person's people speaks
            return self._description(token)
        if mention is not None and mention.entity_type == "organization" and not any(m.entity_type == "person" for m in named) \
                and _a_noun_for_a_person(token) and token.lemma_.lower() not in SPOKESPERSON_NOUNS and token.pos_ == "NOUN":
            # 'a senior official at the Kurmin Energy Ministry said', 'one fund manager whose fund owns Kurmin
            # shares said', 'a barman at Club Kurmin said': an unnamed person speaks, not the organisation ('a Kurmin
            # FA spokesman' speaks for the body)
            return self._description(token)
        return _UNDECIDED

    def _body_in_apposition_to_its_spokesperson(self, token, mention) -> Speaker | None:
        """'In a statement signed by its spokesperson, Jane Doe, the National Police Service said': an
        organisation is no apposition to a person; the parser hung the subject on the name before it."""
        body = next((m for c in token.children if c.dep_ == "appos"
                     for m in [self.mention_at(c.idx, c.idx + len(c))] if m is not None and m.entity_type == "organization"), None)
        if body is not None and paragraph_text_of(self.doc)[mention.end_char:body.start_char].lstrip().startswith(",") \
                and token.head.i > token.i:
            # (not 'Sergeant Jane Doe of the Kurmin Police Unit said', a member of the body the parser set beside her,
            # nor 'said Captain Jane Doe, Kurmin Police Department', the body she works for after her name)
            return self._speaker_from_mention(body)
        return None

    def _person_named_with_a_body(self, token, mention) -> Speaker | None:
        """The person named beside an organisation the parser made the subject: after a title the recogniser took
        for a body, or after the body's name and a role."""
        if _a_title_taken_for_a_body(mention.surface):
            # 'The Humanitarian Coordinator a.i. for Kurmistan, Jane Doe, said', a title the recogniser took for a body:
            # the person named beside it, wherever the parser hung the name in the phrase
            named = next((m for t in token.subtree if t.dep_ == "appos"
                          for m in [self.mention_at(t.idx, t.idx + len(t))] if m is not None and m.entity_type == "person"), None)
            # (or the name written right after it: 'Additional Director General of Police Jan Doe said')
            after = self.mention_at(mention.end_char + 1, mention.end_char + 2)
            if named is None and after is not None and after.entity_type == "person" and after.start_char == mention.end_char + 1 \
                    and paragraph_text_of(self.doc)[mention.end_char] == " ":
                named = after
            if named is not None:
                return self._speaker_from_mention(named)
        # 'said Kurmin Civil Protection Office spokesperson Jane Doe', which the parser hangs on the body's name
        titled = _ROLE_AFTER_A_BODY.match(paragraph_text_of(self.doc), mention.end_char)
        person = self.mention_at(titled.end(), titled.end() + 1) if titled else None
        if person is not None and person.entity_type == "person" and person.start_char == titled.end():
            return self._speaker_from_mention(person)
        return None

    def _a_name_with_a_capitalised_preposition(self, token) -> Speaker | None:
        """'Doctors Without Borders said': a body's name of common words, which a preposition written with a capital
        shows (the parser takes its first word for a plural noun and the recogniser sees a name in its last words)."""
        link = next((c for c in token.children if c.dep_ == "prep" and c.i == token.i + 1), None)
        if link is None or not (token.text.istitle() and link.text.istitle()):
            return None
        name = [token, *link.subtree]
        if any(t.is_alpha and not t.text.istitle() for t in name) or name[-1].i - token.i != len(name) - 1:
            return None
        return Speaker(paragraph_text_of(self.doc)[token.idx:name[-1].idx + len(name[-1])], None, proper=True)

    def _a_name_the_recogniser_missed(self, token):
        """A name the entity recogniser missed: the proper nouns of the subject's head, as written (not a
        letter alone, as an interview's 'Q:'); _UNDECIDED for a subject that is no proper noun."""
        if not (token.pos_ == "PROPN" and token.text[:1].isupper()):
            return _UNDECIDED
        names = [t for t in token.subtree if t.i <= token.i and (t.dep_ == "compound" or t.i == token.i) and t.pos_ == "PROPN"]
        titled = False
        while len(names) > 1 and (names[0].lower_.rstrip(".") in person_prefix_words() or (titled and re.fullmatch(POST_DISTRICT, names[0].text))):
            names, titled = names[1:], True  # 'Ms Ramanathan' is Ramanathan; 'DCP North Jan Doe', a post and its district, Jan Doe
        if len(names) == 1 and token.lower_ in person_prefix_words():
            return self._description(token)  # 'the Minister said': a title alone names no one
        if names and names[-1].i == token.i and token.i - names[0].i == len(names) - 1 and len(names) <= 4 \
                and token.idx + len(token) - names[0].idx > 1:
            written = paragraph_text_of(self.doc)[names[0].idx:token.idx + len(token)]
            return self._named_in_full_before(written) or Speaker(written, None, proper=True)
        return _UNDECIDED


def _a_title_in_quotation_marks(text: str, mention) -> bool:
    """Whether a name is set in quotation marks of its own ('“State of the Nation”'): a title, no speaker."""
    return text[mention.start_char - 1:mention.start_char] in ("“", '"') and text[mention.end_char:mention.end_char + 1] in ("”", '"')
