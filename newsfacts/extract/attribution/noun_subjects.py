"""Subjects that are common nouns: a statement (its issuer speaks), a spokesman (the body speaks, unless named), a
title or a description with 'the' (the one it points back at).
"""

from __future__ import annotations

from newsfacts.extract.entities import organisation_words
from newsfacts.extract.nlp import paragraph_text_of
from newsfacts.extract.translit import name_key

from newsfacts.extract.attribution.noun_phrases import (_a_parent_of_so_many, _an_age, _introduced_anew,
                                                        _named_in_lower_case)
from newsfacts.extract.attribution.parser_slips import _first_piece_of_a_hyphenated_word, _hyphenated_title
from newsfacts.extract.attribution.positions import _before_the_quotation
from newsfacts.extract.attribution.speaker import _UNDECIDED, Speaker
from newsfacts.extract.attribution.words import (_THE_ONE_JUST_NAMED, GENDERED_NOUNS, GENERIC_ORGANISATION_NOUNS,
                                                 INSTITUTION_NOUNS, ISSUING_VERBS, RELAYING_VERBS, REPORT_NOUNS,
                                                 SPOKESPERSON_NOUNS, STATE_INSTITUTION_NOUNS, TITLE_CLASSES)


# Nouns for a kind of body that may name one the text named ('a union statement'), not a state's own ('a military
# statement', read below as the country's armed forces)
_KINDS_OF_BODY = (GENERIC_ORGANISATION_NOUNS | INSTITUTION_NOUNS) - STATE_INSTITUTION_NOUNS


# How far back, in tokens, a bare 'a spokesman' looks for the spokesperson of a body the text told of.
_SPOKESPERSON_LOOKBACK = 120


def _words_of_a_body(spokesperson) -> bool:
    """Whether words on a spokesperson's noun may name whose spokesperson it is ('army', 'Kenyan', 'its', 'for X')."""
    return any(c.dep_ in ("compound", "amod", "poss", "prep", "nmod") for c in spokesperson.children)


class NounSubjects:
    """Statements, spokesmen and titles as subjects."""

    def _issuer_of_the_statement(self, token, exclude: tuple[int, int] | None) -> Speaker | None:
        """Who issued the statement a subject names: 'A statement from the club read', "The club's statement
        added", 'the statement said'."""
        if token.dep_ == "dobj" and token.head.lemma_.lower() in RELAYING_VERBS:
            # ('The Dalen Monitoring Group quoted a statement posted on the group's channels saying "..."': not the one who
            # passed it on, but the body the sentence before was about, if any)
            return self._body_the_sentence_before_was_about(token.sent[0], exclude)
        # ('X issued a statement saying "...", 'X released a statement expressing "...": the subject of the verb that
        # put it out (not 'X read a statement', perhaps another's)
        if token.dep_ == "dobj" and token.head.lemma_.lower() in ISSUING_VERBS - {"read"}:
            subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
            speaker = self.speaker_of_token(subject, exclude) if subject is not None else None
            if speaker:
                return speaker
        # ('The statement, signed by the command's spokesman, read': whom the signer speaks for)
        # (not 'a memo seen by the Post': who saw it did not issue it)
        signers = [agent for c in token.children if c.dep_ == "acl" and c.lemma_.lower() in ISSUING_VERBS
                   for agent in c.children if agent.dep_ == "agent"]
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
            return Speaker(paragraph_text_of(self.doc)[first:names[-1].idx + len(names[-1])], None, institution=True)
        issuer = self._body_in_the_words_before(token)
        if issuer is not None:
            return issuer
        kind = next((c for c in token.children if c.dep_ == "compound" and c.pos_ == "NOUN" and c.text.islower()
                     and c.lower_ in _KINDS_OF_BODY), None)
        described = self.described_entity(kind, exclude) if kind is not None else None
        if described is not None and described.entity_id and self.entities[described.entity_id].entity_type == "organization":
            return described  # 'a union statement said': the union the text named ('the Kurmin Union of Mineworkers')
        state_body = next((c for c in token.children if c.dep_ in ("amod", "compound") and c.lower_ in STATE_INSTITUTION_NOUNS), None)
        if state_body is not None:
            # 'a military statement said': the armed forces (or government) of the country whose body the
            # sentences before named ('the Kurmish army said'), else of the document's country
            adjective = self._country_of_a_state_body_before(token, exclude) or self.country_adjective
            return Speaker(f"{adjective} {state_body.lower_}" if adjective else f"the {state_body.lower_}", None, institution=True)
        issuer = self._issuer_of_a_statement_before(token, exclude) or self._body_the_sentence_before_was_about(token, exclude)
        if issuer is None and token.lemma_.lower() in REPORT_NOUNS:
            # '..., Kurmin Rights Watch says. ... "...," the report added': a report is a body's, the last the text had
            # say something, past any person who spoke since
            issuer = self.last_named_speaker_before(token.idx, exclude, lookback=len(self.sentences), bodies_only=True)
        return issuer or self.last_named_speaker_before(token.idx, exclude, people_only=False)

    def _speaker_for_a_spokesperson(self, token, exclude: tuple[int, int] | None) -> Speaker | None:
        """'a spokesman for the committee', "the command's spokesman": the organisation speaks (the annotation
        guide); a spokesman the text names speaks in his own name ('the group's spokesman, Jan Doe, said')."""
        if not (token.lemma_.lower() in SPOKESPERSON_NOUNS and token.pos_ == "NOUN" and not any(c.dep_ == "appos" for c in token.children)):
            return None
        if any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            # 'Its spokesman, Lt Col Jan Doe, says ... "...," the army spokesman said': the spokesman the text named
            # (and of the body a word before the noun names, when one does: 'the army spokesman' is no rebel group's)
            named = self.described_entity(token, exclude)
            if named is not None and named.entity_id and self.entities[named.entity_id].entity_type == "person" \
                    and self._titled_with_the_words_before(token, named.entity_id):
                return named
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
                    return Speaker(paragraph_text_of(self.doc)[named.idx:body.idx + len(body)], None, institution=True)
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
        if not _words_of_a_body(token):
            return self._body_of_the_spokesperson_before(token, exclude)
        return None

    def _body_of_the_spokesperson_before(self, token, exclude: tuple[int, int] | None) -> Speaker | None:
        """'A Kurmin army spokesman said ... "...," a spokesman told reporters': a spokesperson the text gives no
        body speaks for the body of the last spokesperson it told of with one, in the sentences just before."""
        for earlier in reversed(self.doc[max(0, token.i - _SPOKESPERSON_LOOKBACK):token.i]):
            if earlier.lemma_.lower() in SPOKESPERSON_NOUNS and earlier.pos_ == "NOUN" and _words_of_a_body(earlier):
                body = self._speaker_for_a_spokesperson(earlier, exclude)
                if body is not None and (body.institution or (body.entity_id and self.entities[body.entity_id].entity_type == "organization")):
                    return body
                return None
        return None

    def _titled_with_the_words_before(self, token, entity_id: str) -> bool:
        """Whether the words written before a title ('army' of 'the army spokesman') are among those the text
        gave the person with a name or a title, or the text gave the person that title with no such word ('Its
        spokesman, Jan Doe'; not 'KRF spokesman Jan Doe'); true where the title has none."""
        modifiers = {c.lower_ for c in token.children if c.dep_ in ("compound", "amod") and c.is_alpha}
        if not modifiers:
            return True
        entity = self.entities[entity_id]
        words = set(name_key(entity.canonical_name).split()) | set((entity.role or "").lower().replace("-", " ").split())
        bare_title = False
        for mention in (m for m in self.mentions if m.entity_id == entity_id and m.start_char < token.idx):
            words |= self._title_words(mention)
            title, _honorifics = self._title_before_the_name(mention)
            other_words = [w for w in title if w.lower() not in ("the", "a", "an", "its", "their", "his", "her")
                           and w.lower() != token.lower_]
            bare_title = bare_title or (bool(title) and not other_words)
        return bool(modifiers & words) or bare_title

    def _named_beside_a_title(self, token, exclude: tuple[int, int] | None) -> Speaker | None:
        """The one a title in capitals stands for, or the name set beside a title."""
        if token.text.isupper() and token.lower_ in TITLE_CLASSES and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            # 'the IGP said', which the entity recogniser may take for an organisation's initials
            described = self.described_entity(token, exclude)
            if described is not None:
                return described
        # ('the secretary-general', whose last piece the tagger calls an adjective)
        a_noun = token.pos_ == "NOUN" or _first_piece_of_a_hyphenated_word(token, lower_case=True) is not token
        named = self._named_apposition(token) if a_noun and self.mention_at(token.idx, token.idx + len(token)) is None else None
        return named  # 'The foreign minister of X, Jane Doe, wrote': the name set beside the title

    def _of_someone_named(self, token) -> bool:
        """Whether a noun's possessor is a person the text names ('Kurmo's mother', 'Jan Doe's lawyer')."""
        possessor = next((c for c in token.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        if possessor is None:
            return False
        named = self.mention_at(possessor.idx, possessor.idx + len(possessor))
        # (or a word of a person's name the recogniser left untagged here: 'Kurmo' of 'Kurmo Doe')
        return named.entity_type == "person" if named is not None else any(
            e.entity_type == "person" and name_key(possessor.text) in name_key(e.canonical_name).split() for e in self.entities.values())

    def _of_a_body_named(self, token) -> bool:
        """Whether a noun's possessor is a body the text names ('KHA's Head of Mission')."""
        possessor = next((c for c in token.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        named = self.mention_at(possessor.idx, possessor.idx + len(possessor)) if possessor is not None else None
        return named is not None and named.entity_type == "organization"

    def _person_a_title_stands_for(self, token, exclude: tuple[int, int] | None):
        """Whom a title or a description with 'the' (or another pointing word) stands for: someone described
        before, the body or person the text named with that word; _UNDECIDED for any other subject, or when
        none fits."""
        # 'the minister', 'the police chief': a common noun (the tagger sometimes calls a title a proper noun)
        # ('the secretary-general', whose last part the tagger calls an adjective)
        # ('the Minister noted', as translated state media capitalise a title)
        # ("KHA's Head of Mission added", after 'Dr Jan Doe, KHA's Head of Mission in the country')
        of_a_body = self._of_a_body_named(token)
        capitalised_title = token.pos_ == "PROPN" and token.text.istitle() \
            and (not any(c.dep_ == "compound" for c in token.children) or _hyphenated_title(token)) \
            and (any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) or of_a_body)
        if not ((token.pos_ == "NOUN" or (token.pos_ in ("PROPN", "ADJ") and token.text.islower()) or capitalised_title)
                and self.mention_at(token.idx, token.idx + len(token)) is None
                and (any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "its", "their", "his", "her", "this", "that") for c in token.children)
                     or self._of_someone_named(token) or of_a_body  # "Jan's mother said" after 'His mother, Jane Doe,'
                     or self._in_the_headline(token)  # a headline drops its articles ('says mayor')
                     # ('Kurmistan captain talked about ...', as sports pages drop the article before a team's title)
                     or (not any(c.dep_ in ("det", "poss") for c in token.children)
                         and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children)))):
            return _UNDECIDED
        unnamed = self._unnamed_subject_before(token.idx, exclude, lookback=2)
        if unnamed is not None and unnamed.lemma_ == token.lemma_ and unnamed.i != token.i:
            # 'a senior minister, speaking on condition of anonymity, said ... "...," the minister said'
            return self._unnamed_speaker(unnamed, exclude)
        if _named_in_lower_case(token):
            return self._description(token)  # 'the national disaster management agency has posted'
        described = self.described_entity(token, exclude) or self._institution_described_before(token)
        if described is not None:
            return described
        pointed_at = self._the_one_the_noun_points_back_at(token, exclude)
        if pointed_at is not _UNDECIDED:
            return pointed_at
        if token.dep_ == "nsubj" and token.head.lemma_ == "add" and token.text.islower():
            # 'One lawmaker, Jan Doe, put the toll at 90. "...," the former minister added': a title no one named bears,
            # with 'added', goes on with the person the sentence before was about
            subject = self.salient_person_before(_before_the_quotation(token.idx, exclude), exclude, lookback=1)
            if subject is not None:
                return self._speaker_from_mention(subject)
            # ('"...," Jan Doe said on the radio. The minister said ... "...," the minister added': the one named
            # as speaking last, where the sentence before names no one)
            speaker = self.last_named_speaker_before(_before_the_quotation(token.idx, exclude), exclude, lookback=4)
            if speaker is not None:
                return speaker
        if any(c.dep_ == "det" and c.lower_ in ("this", "that") for c in token.children) \
                or any(c.dep_ == "amod" and c.lower_ == "same" for c in token.children):
            # '"...," added this source', 'the same official said': the one named as speaking just before
            before = self.last_named_speaker_before(token.idx, exclude, lookback=2, people_only=False)
            if before is not None:
                return before
        return _UNDECIDED

    def _the_one_the_noun_points_back_at(self, token, exclude: tuple[int, int] | None):
        """'Another survivor, Jane Doe, described how she escaped. "...," the woman recounted': the person the
        sentences before were about, of the noun's sex (not 'the Resident Coordinator for X, Jane Doe', a title
        with its own name); _UNDECIDED for another noun, or when no one fits."""
        if not ((token.lemma_.lower() in _THE_ONE_JUST_NAMED or _a_parent_of_so_many(token)) and token.text.islower()
                and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
                and not any(c.dep_ in ("appos", "prep", "compound") and not _an_age(c) for c in token.children)):
            return _UNDECIDED
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
        elif not _introduced_anew(paragraph_text_of(self.doc), token, subject.end_char):
            return self._speaker_from_mention(subject)
        return _UNDECIDED
