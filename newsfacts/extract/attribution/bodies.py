"""Organisations and institutions as speakers: a state's bodies ('the military' in a text about one country), a
body's office, the issuer of a statement, the police force that speaks for 'police', and the noun phrase
itself when it names no one.
"""

from __future__ import annotations

from itertools import dropwhile
import re

from newsfacts.extract.gazetteer import demonyms
from newsfacts.extract.nlp import paragraph_text_of
from newsfacts.extract.translit import name_key, plain_words

from newsfacts.extract.attribution.noun_phrases import (_describes_institution, _institution_name,
                                                        _named_in_lower_case, _same_institution_noun, _words_of_a_state)
from newsfacts.extract.attribution.parser_slips import _phrase_of_a_hyphenated_word
from newsfacts.extract.attribution.positions import _before_the_quotation
from newsfacts.extract.attribution.speaker import Speaker
from newsfacts.extract.attribution.words import (_NAMED_ONLY_AS, _POLICE_OF_A_PLACE, _STATE_BODY, _STATE_VOICE,
                                                 _SUBJECTS, HOUSEHOLD_NOUNS, INSTITUTION_NOUNS, PERSON_NOUNS, PRONOUNS, SPOKESPERSON_NOUNS,
                                                 REPORTING_LEMMAS, STATE_INSTITUTION_NOUNS, STATEMENT_NOUNS)


# ', the ministry said on Thursday in a statement': a reporting verb, a few words, and the statement its words went out in
_SAID_IN_A = re.compile(r",?\s+(?:has\s+|had\s+)?(\w+)(?:\s+[\w-]+){0,3}?\s+(?:in|on|via|through)\s+(?:a|an|its|their|the)\s+(?:[\w-]+\s+){0,2}")


class Bodies:
    """Bodies, offices and statements as speakers, and a noun phrase as its own speaker."""

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
        if len(modifiers) == 1 and modifiers[0].pos_ == "PROPN":
            # 'a Kurmley spokesperson' after 'Kurmley Athletic': the one body named in full that begins with the word
            bodies = {e.entity_id for e in self.entities.values() if e.entity_type == "organization"
                      and e.canonical_name.startswith(modifiers[0].text + " ")}
            named = next((m for m in self.mentions if m.entity_id in bodies), None) if len(bodies) == 1 else None
            if named is not None:
                return self._speaker_from_mention(named)
        if len(modifiers) >= 2 and modifiers[-1].lower_ in INSTITUTION_NOUNS and modifiers[-1].pos_ in ("NOUN", "ADJ") \
                and (modifiers[0].ent_type_ in ("NORP", "GPE") or modifiers[0].lower_ in demonyms()) \
                and modifiers[-1].i - modifiers[0].i == len(modifiers) - 1:
            # (from the first word of the place's name: 'a Kurmin Province police spokesman')
            written = paragraph_text_of(self.doc)[modifiers[0].left_edge.idx:modifiers[-1].idx + len(modifiers[-1])]
            return Speaker(_institution_name(written, self.country_adjective), None, institution=True)
        return None

    def _office_of(self, mention, token) -> Speaker | None:
        """'The UN mission in Somalia said', 'the United Nations human rights office said': an organisation's
        office, mission or agency, written in lower case after its name (and with the country it serves), speaks
        as itself, not as the whole organisation."""
        text = paragraph_text_of(self.doc)
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
            body = next((g for t in statements for prep in t.children if prep.dep_ == "prep" and prep.lower_ == "from"
                         for g in prep.children if g.dep_ == "pobj" and g.text.islower() and _a_body_in_lower_case(g)), None)
            if body is not None:
                # ('in a communique from the army general staff': a body the text names in lower case)
                phrase = " ".join(t.text for t in body.subtree if t.i <= body.i and t.dep_ not in ("det", "poss"))
                return Speaker(_institution_name(phrase, self.country_adjective), None, institution=True)
            issuer = self._named_before_said_in_a_statement(sent)
            if issuer is not None:
                return self._speaker_from_mention(issuer)
            # 'according to a police statement. ... "...," the statement said': the body its compound names
            body = next((c for t in sent if t.lemma_.lower() in STATEMENT_NOUNS and t.pos_ == "NOUN"
                         for c in t.children if c.dep_ == "compound" and c.lower_ in INSTITUTION_NOUNS), None)
            if body is not None:
                return Speaker(_institution_name(body.lower_, self.country_adjective), None, institution=True)
            if told:
                # (the subject of the verb the statement hangs on: '27 were wounded, the ministry said in a communique')
                verb = next((h for h in told[-1].ancestors if h.pos_ in ("VERB", "AUX")), sent.root)
                subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None) \
                    or next((c for c in sent.root.children if c.dep_ in _SUBJECTS), None)
                speaker = self.speaker_of_token(subject) if subject is not None and subject.lower_ not in PRONOUNS else None
                # (or the people the text describes: 'the family of Jane Doe said in a statement')
                if speaker is not None and (speaker.entity_id or speaker.institution or speaker.proper
                                            or subject.lemma_.lower() in PERSON_NOUNS | HOUSEHOLD_NOUNS):
                    return speaker
        return None

    def _named_before_said_in_a_statement(self, sent):
        """'..., the Ministry of Defence said in a communique read on state radio': the person or body named just
        before a reporting verb whose words went out in a statement, whatever the parser made of the sentence."""
        text = paragraph_text_of(self.doc)
        for statement in (t for t in sent if t.lemma_.lower() in STATEMENT_NOUNS and t.pos_ == "NOUN"):
            for mention in self._mentions_from(sent.start_char, statement.idx):
                said = _SAID_IN_A.fullmatch(text, mention.end_char, statement.idx)
                verb = self.doc.char_span(said.start(1), said.end(1)) if said else None
                if verb is not None and mention.entity_type in ("person", "organization") \
                        and verb[0].lemma_.lower() in REPORTING_LEMMAS:
                    return mention
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

    def _police_force(self, token, exclude: tuple[int, int] | None) -> Speaker | None:
        """The police force that speaks for 'police' (the annotation guide's organisation): the one the text named ('the
        Kurmin Police Service'), or called by its town ('the Dalen police said'), or else the police of the document's
        country."""
        described = self.described_entity(token, exclude)
        if described is not None and described.entity_id and self.entities[described.entity_id].entity_type == "organization":
            return described
        towns = list(_POLICE_OF_A_PLACE.finditer(paragraph_text_of(self.doc), 0, token.idx))
        town = towns[-1] if towns else None  # (the last the text named before)
        if town is not None:
            place = self.mention_at(town.start(1), town.end(1))
            if place is not None and place.entity_type == "location":
                return Speaker(f"{town.group(1)} police", None, institution=True)
        if self.country_adjective:
            return Speaker(f"{self.country_adjective} police", None, institution=True)
        return None

    def _description(self, token) -> Speaker | None:
        """The noun phrase itself, without what a clause or an aside adds ('the government, which warns of ...')."""
        called = self._named_in_passing(token) or self._titled_person_named_after_the_lede(token)
        if called is not None:
            return called
        subtree = _phrase_of_a_hyphenated_word(token)
        end = subtree[-1].idx + len(subtree[-1])
        named = _NAMED_ONLY_AS.search(paragraph_text_of(self.doc), subtree[0].idx, end + 40)  # (the parser may hang the name elsewhere)
        if named and named.start() < end:
            # 'a survivor, who gave his name only as Kurmasim,': the name the person gave is the speaker's
            mention = self.mention_at(named.start(1), named.end(1))
            if mention is not None and mention.entity_type == "person":
                return self._speaker_from_mention(mention)
            return Speaker(named.group(1), None, proper=True)
        asides = {t.i for c in subtree if c.dep_ in ("relcl", "acl", "appos") and c.i != token.i for t in c.subtree}
        # ('the president's office in a statement said': how it spoke, not who)
        asides |= {t.i for c in token.children if c.dep_ == "prep" and any(p.lemma_.lower() in STATEMENT_NOUNS for p in c.children)
                   for t in c.subtree}
        # ('The U.S. military in a statement Friday said': when it spoke)
        asides |= {t.i for c in token.children if c.dep_ == "npadvmod" and c.ent_type_ in ("DATE", "TIME") for t in c.subtree}
        # (without the punctuation around it: the parser may hang a closing quotation mark before it on the noun)
        core = list(dropwhile(lambda t: t.is_punct, (t for t in subtree if t.i not in asides and not (t.i > token.i and t.is_punct))))
        if not core:
            return None  # a 'subject' of punctuation alone
        if len(core) > 8:  # 'a volunteer from the ... society': the words up to the noun itself
            core = [t for t in core if t.i <= token.i]
        start, end = core[0].idx, core[-1].idx + len(core[-1])
        text = paragraph_text_of(self.doc)[start:end].strip()
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
                                       paragraph_text_of(self.doc)[:token.idx]))
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
            if institution:
                # ('blamed the Kurmin-led coalition for the raid': a body's name goes on with 'of' alone)
                phrase = {t.i for c in token.children if c.dep_ == "prep" and c.lower_ != "of" for t in c.subtree}
                named = [t for t in core if t.i not in phrase]
                text = paragraph_text_of(self.doc)[named[0].idx:named[-1].idx + len(named[-1])].strip()
            return Speaker(_institution_name(text, self.country_adjective) if institution else text, None, institution=institution)
        return None


def _a_body_in_lower_case(noun) -> bool:
    """'the army general staff', 'military headquarters': a noun that names a body, alone or with the words before it."""
    words = [t.lower_ for t in noun.subtree if t.i <= noun.i and t.dep_ not in ("det", "poss")]
    return any(" ".join(words[i:]) in INSTITUTION_NOUNS | STATE_INSTITUTION_NOUNS for i in range(len(words)))
