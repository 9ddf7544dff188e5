"""Who a sentence attributes a quotation to: its reporting verbs, in the order their subjects are asked (the verb
right after the quotation, then the outermost), a source it cites with 'according to', and a verb without a
subject of its own.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import dropwhile, takewhile
import re

from newsfacts.extract.entities import person_prefix_words
from newsfacts.extract.nlp import paragraph_text_of
from newsfacts.rules import outlet_aliases

from newsfacts.extract.attribution.parser_slips import (_name_quoted_as_an_adjective, _reporting_gerund_taken_for_a_noun,
                                                        _subject_after_an_opening_verb, _subject_taken_for_an_object,
                                                        _verb_taken_for_a_noun)
from newsfacts.extract.attribution.positions import _depth, _inside
from newsfacts.extract.attribution.reporting_verbs import (_reports_no_words, _puts_it, _says_something_of_its_noun,
                                                           _verb_right_after, _verb_whose_clause_opens_it,
                                                           _words_foretold_in_a_report)
from newsfacts.extract.attribution.words import (_DIRECTIVE_LEMMAS, _NAMING_LEMMAS, _OBJECT_PRONOUNS,
                                                 _LISTENER_BETWEEN, _LISTENERS, _POST_INITIALS_BETWEEN, _QUOTED_AS, _QUOTING_VERBS,
                                                 _SUBJECTS, _TITLE_IN_LOWER_CASE, PERSON_NOUNS,
                                                 REPORTING_LEMMAS, SAID_MISSPELT, STATEMENT_NOUNS, TITLE_CLASSES)


def _a_fact_that(noun) -> bool:
    """'the fact that ...', 'the idea that ...': a common noun whose clause with 'that' says what it is."""
    return noun.pos_ == "NOUN" and any(c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                                       for c in noun.children)


def _said_misspelt(token) -> bool:
    """'..., eyewitness Jan Doe sid.': 'said' as a typing slip wrote it, right after a name."""
    return token.lower_ in SAID_MISSPELT and token.i > 0 and token.nbor(-1).pos_ == "PROPN"


class SentenceSpeakers:
    """The attributed source of a sentence."""

    def speaker_in(self, sent, exclude: tuple[int, int] | None = None) -> Speaker | None:
        """The attributed source of a sentence, ignoring tokens inside `exclude` (a quotation): the subject of its
        reporting verbs, taken in the order of _verbs_by_who_speaks_first; else the source it cites ('according
        to'); else whoever a reporting verb without a subject of its own speaks for."""
        def outside(tok) -> bool:
            # outside the quotation attributed, and outside any other: 'People here ask it' inside an
            # answer reports nothing
            return (exclude is None or not (exclude[0] <= tok.idx < exclude[1])) and not self._in_a_quotation_found(tok.idx)

        verbs = self._reporting_verbs(sent, exclude, outside)
        for token in self._verbs_by_who_speaks_first(verbs, exclude, outside):
            speaker = self._the_one_a_verb_quotes(token, exclude, outside) or self._subject_of_a_reporting_verb(token, exclude, outside)
            if speaker:
                return speaker
        speaker = self._source_cited(sent, exclude, outside)
        if speaker:
            return speaker
        for token in verbs:
            # (a subject the parser found inside the quotation is none: '"... a bang," a neighbour said')
            if not any(c.dep_ in _SUBJECTS and outside(c) and not c.is_punct for c in token.children):
                speaker = self._speaker_of_a_verb_without_a_subject(token, exclude, outside)
                if speaker:
                    return speaker
        return None

    @staticmethod
    def _reporting_verbs(sent, exclude: tuple[int, int] | None, outside) -> list:
        """The verbs of a sentence that report words, outside the quotations."""
        # ('As Jane Doe put it, "..."' reports as 'said' does)
        verbs = [t for t in sent if ((t.lemma_.lower() in REPORTING_LEMMAS or _puts_it(t)) and (t.pos_ == "VERB" or _verb_taken_for_a_noun(t))
                                     or _reporting_gerund_taken_for_a_noun(t) or _verb_right_after(t, exclude) or _said_misspelt(t))
                 and outside(t) and not _reports_no_words(t)]
        # ('"...," she told the Kurmin Times, which said 40 died': what the listener reported is not the quotation)
        return [t for t in verbs if not (t.dep_ == "relcl" and t.head.dep_ in ("dobj", "dative") and t.head.head in verbs)
                and not _says_something_of_its_noun(t, exclude) and not _words_foretold_in_a_report(t)]

    def _verbs_by_who_speaks_first(self, verbs: list, exclude: tuple[int, int] | None, outside) -> list:
        """The reporting verbs in the order their subjects are asked. A reporting verb right after the quotation
        first ('X urged "...", Y was quoted as saying' is Y's report), then the outermost of the rest. Its subject
        speaks before the source a sentence cites ('According to the ministry, the minister told reporters "..."':
        the words are the minister's)."""
        after = exclude[1] if exclude is not None else None

        def reports_after(t) -> bool:
            # (not a verb of a relative clause after it: 'X added that it was "...", and a rumour that the militia had
            # agreed to negotiate' tells of the rumour)
            return after is not None and t.idx >= after and t.dep_ not in ("relcl", "acl")

        # ('"...," the minister said, a news agency reported': the verb next to the quotation, with its own
        # subject, tells who spoke; the outer one who passed it on)
        nearest = min((t for t in verbs if reports_after(t)), key=lambda t: t.i, default=None)
        if nearest is not None and not any(c.dep_ == "nsubj" and outside(c) and c.i < nearest.i for c in nearest.children):
            nearest = None
        # ('a quarter that one analyst called "a massacre"': a verb of naming whose complement is the quotation
        # speaks first, however deep the parser puts it)
        naming = next((t for t in verbs if exclude is not None and t.lemma_.lower() in _NAMING_LEMMAS and any(
            c.dep_ in ("oprd", "xcomp", "attr") and exclude[0] <= c.idx < exclude[1] for c in t.children)), None)
        inner = self._reporting_verb_inside_a_report(verbs, exclude, outside)
        introducing = _verb_whose_clause_opens_it(verbs, exclude)
        return sorted(verbs, key=lambda t: (t is not naming, t is not inner, t is not introducing, not reports_after(t),
                                            t is not nearest, _depth(t), t.i))

    def _the_one_a_verb_quotes(self, token, exclude: tuple[int, int] | None, outside) -> Speaker | None:
        """The one a verb of quoting quotes: '... and I am quoting him exactly', 'the newspaper quoted the army chief
        as saying'."""
        quoted = next((c for c in token.children if c.dep_ == "dobj" and c.lower_ in _OBJECT_PRONOUNS and outside(c)), None) \
            if token.lemma_.lower() == "quote" and any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in token.children) else None
        if quoted is not None:
            # '... said on Sunday, and I am quoting him exactly, "..."': the one quoted, named before
            mention = self.last_of_type_before(quoted.idx, "person", exclude, pronoun=_OBJECT_PRONOUNS[quoted.lower_])
            if mention is not None:
                return self._speaker_from_mention(mention)
        if token.lemma_.lower() in _QUOTING_VERBS and any(g.lower_ in _QUOTED_AS for c in token.children
                                                   for g in (c, *c.children)):
            # 'the newspaper quoted the army chief as saying "..."' ('... to have said'): the one quoted speaks (the
            # parser may make the one quoted a second subject after the verb)
            quoted = next((c for c in token.children if (c.dep_ == "dobj" or c.dep_ == "nsubj" and c.i > token.i) and outside(c)), None)
        else:
            # ('the agency quoted commander Jan Doe as saying', 'quoted' parsed as the name's adjective)
            quoted = _name_quoted_as_an_adjective(token)
            quoted = quoted if quoted is not None and outside(quoted) else None
        if quoted is not None:
            if quoted.lower_ in _OBJECT_PRONOUNS:
                # 'the agency quoted him as saying': the person the sentences before were about
                salient = self.salient_person_before(quoted.sent.start_char, exclude, pronoun=_OBJECT_PRONOUNS[quoted.lower_])
                if salient is not None:
                    return self._speaker_from_mention(salient)
            speaker = self.speaker_of_token(quoted, exclude)
            if speaker:
                return speaker
        return None

    def _subject_of_a_reporting_verb(self, token, exclude: tuple[int, int] | None, outside) -> Speaker | None:
        """Who the subject of a reporting verb (or the agent of its passive) is."""
        # (of two subjects the parser gives one verb, the one next to it: 'In a statement signed by its
        # spokesperson, Jane Doe, the National Police Service said')
        for child in self._nearest_children_named_first(token):
            # A passive subject speaks only when quoted ('X was quoted as saying'); 'X was told' listened.
            if (child.dep_ == "nsubj" or (child.dep_ == "nsubjpass" and token.lemma_.lower() in _QUOTING_VERBS)
                    or (child.dep_ == "compound" and token.pos_ == "NOUN")
                    or (child in _subject_taken_for_an_object(token) and _verb_right_after(token, exclude))
                    or child in _subject_after_an_opening_verb(token)) and outside(child):
                speaker = self.speaker_of_token(child, exclude)
                if speaker:
                    return speaker
            if child.dep_ == "agent" and token.lemma_.lower() not in ("quote", "read") and outside(child) \
                    and any(c.dep_ == "auxpass" for c in token.children):  # (not 'said by telephone')
                # 'This was announced by the district governor, Jan Doe': who announced it (but one who read
                # out another's statement did not write it)
                agent = next((c for c in child.children if c.dep_ == "pobj"), None)
                if agent is not None and _a_fact_that(agent):
                    continue  # 'The toll is explained by the fact that "...", ...': a fact says nothing
                speaker = self.speaker_of_token(agent, exclude) if agent is not None else None
                if speaker:
                    return speaker
        return None

    def _source_cited(self, sent, exclude: tuple[int, int] | None, outside) -> Speaker | None:
        """'According to A, ..., but according to B, "..."': the source nearest before the quotation speaks."""
        according = [t for t in sent if t.lower_ == "according" and outside(t)]
        if exclude is not None:
            according.sort(key=lambda t: (t.idx > exclude[0], abs(exclude[0] - t.idx)))
        for token in according:
            for child in token.children:
                if child.lower_ == "to":
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            speaker = self.speaker_of_token(obj)
                            if speaker:
                                return speaker
        return None

    def _speaker_of_a_verb_without_a_subject(self, token, exclude: tuple[int, int] | None, outside) -> Speaker | None:
        """Whom a reporting verb without a subject of its own speaks for: the statement it belongs to, the subject
        of the verb it depends on, or a name the parser hung elsewhere."""
        if token.dep_ == "pcomp" and token.head.lower_ == "as" and token.head.head.lemma_.lower() in _QUOTING_VERBS:
            # 'the agency cited a resident as saying': the one the verb quotes
            speaker = self._the_one_a_verb_quotes(token.head.head, exclude, outside)
            if speaker:
                return speaker
        if token.dep_ == "acl" and token.head.lemma_.lower() in STATEMENT_NOUNS:
            # 'The statement, signed by ..., read in part:': whoever issued the statement
            speaker = self.speaker_of_token(token.head, exclude)
            if speaker:
                return speaker
        # 'The ministry updated its advice to warn of "..."': a verb of purpose or complement
        # without a subject of its own speaks for the subject of the verb it depends on, and so
        # does a second verb of its subject ('X stood before the cameras and promised "..."').
        if token.dep_ in ("xcomp", "advcl", "conj") and token.head.pos_ in ("VERB", "AUX"):
            governor = token.head
            while token.dep_ == "advcl" and token.tag_ == "VBG" and governor.dep_ == "ccomp" and governor.head.pos_ in ("VERB", "AUX"):
                # 'He pointed out that officials had barred the families, adding, "..."': the participle goes
                # with the main clause (the parser hangs it on the clause reported)
                governor = governor.head
            # ('a teacher can be heard whispering: "..."', 'he was filmed saying': the one heard or seen speaking)
            passive = token.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in governor.children)
            subject = next((c for c in governor.children if (c.dep_ == "nsubj" or (passive and c.dep_ == "nsubjpass")) and outside(c)), None)
            speaker = self.speaker_of_token(subject, exclude) if subject is not None else None
            if speaker:
                return speaker
        return self._name_before(token, exclude) or self._name_just_after(token, exclude) \
            or self._phrase_after_the_quotation(token, exclude) or self._subject_after_the_verb(token, exclude)

    @staticmethod
    def _reporting_verb_inside_a_report(verbs, exclude: tuple[int, int] | None, outside):
        """'He said the attacker had shouted, "..."': of two reporting verbs, the inner one, whose clause holds the
        quotation and which has a subject of its own, tells whose words they are; the outer one, before them, who
        passed them on."""
        if exclude is None:
            return None
        for verb in verbs:
            # the clause the outer verb reports, itself (not 'X said she wanted people to remember "..."'), and no order
            # ('the presidency said the president had ordered them to "..."': the statement's words)
            reporter = verb.head if verb.dep_ == "ccomp" and verb.head in verbs else None
            subject = next((c for c in verb.children if c.dep_ == "nsubj" and outside(c)), None)
            # (one who reports after the quotation passed on words of their own: 'X urged "...," her spokesman was
            # quoted as saying')
            # (nor a country's stand that its envoy words: 'the secretary of state said the U.S. condemns "..."')
            if reporter is None or subject is None or subject.lower_ in ("i", "we", "you") or reporter.idx > exclude[0] \
                    or verb.lemma_.lower() in _DIRECTIVE_LEMMAS or subject.ent_type_ == "GPE":
                continue
            # (the quotation in the inner verb's clause, none of it hung on the outer verb)
            if any(exclude[0] <= t.idx < exclude[1] for t in verb.subtree) \
                    and not any(c.dep_ in ("ccomp", "dobj", "xcomp") and exclude[0] <= c.idx < exclude[1] for c in reporter.children):
                return verb
        return None

    def _nearest_children_named_first(self, verb) -> list:
        """A verb's children, nearest first; of two subjects the parser gave it, the one that names someone
        first ('The gunmen, said Jan Doe, "..."'), else the one that is a noun for a person ('the woman in her
        early forties recalled', the parser taking 'forties' for a second subject), and not one after a preposition
        ('Jane Doe, with the Kurmin Sheriff's Office, explains')."""
        def named(child) -> bool:
            return self.mention_at(child.idx, child.idx + len(child)) is not None

        def a_person(child) -> bool:
            return named(child) or child.lemma_.lower() in PERSON_NOUNS

        def after_a_preposition(child) -> bool:
            # ('Deputy Jane Doe, with the Kurmin Sheriff's Office explains': the parser makes the body a second subject)
            start = child.left_edge.i
            return start > 0 and child.doc[start - 1].lower_ in ("with", "of", "from", "for", "at")
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        two = len(subjects) > 1 and any(a_person(c) for c in subjects)
        # ('Kurmistan: "...," says mother': a headline's place and colon before the quotation is no second subject)
        kickers = {c.i for c in subjects if _a_kicker(c, verb)}
        return sorted((c for c in verb.children if c.i not in kickers), key=lambda c: (
                                                    two and c.dep_ == "nsubj" and not named(c), two and c.dep_ == "nsubj" and not a_person(c),
                                                    two and c.dep_ == "nsubj" and after_a_preposition(c), abs(c.i - verb.i)))

    def _subject_after_the_verb(self, verb, exclude: tuple[int, int] | None) -> Speaker | None:
        """'«...,» declared the officer to the media': a verb right after the quotation, and its subject after
        it, which the parser took for the verb's object or left unlabelled (a person, or a noun for one: a headline's
        '"...", says mayor')."""
        if exclude is None or verb.idx < exclude[1] or paragraph_text_of(self.doc)[exclude[1]:verb.idx].strip(" ,»”\"'’"):
            return None
        subject = next((c for c in verb.children if c.dep_ in ("dobj", "dep") and c.i > verb.i and c.left_edge.i == verb.i + 1), None)
        if subject is None or not (subject.lemma_.lower() in PERSON_NOUNS or subject.lemma_.lower() in TITLE_CLASSES
                                   or self.mention_at(subject.idx, subject.idx + len(subject)) is not None):
            return None
        return self.speaker_of_token(subject, exclude)

    def _phrase_after_the_quotation(self, verb, exclude: tuple[int, int] | None) -> Speaker | None:
        """'"...," a neighbour, who gave his name only as Kurma, said': the noun phrase between the
        quotation and its verb, which the parser hung inside the quotation."""
        if exclude is None or verb.idx < exclude[1]:
            return None
        after = dropwhile(lambda t: t.is_punct, (t for t in verb.doc[:verb.i] if t.idx >= exclude[1]))
        # (the phrase ends at a comma: in 'Jan Doe, a student in his 20s told ...' it is the name)
        between = [t for t in takewhile(lambda t: t.text != ",", after) if not t.is_punct]
        phrase = list(takewhile(lambda t: t.pos_ in ("DET", "ADJ", "NUM", "NOUN", "PROPN"), between))
        nouns = [t for t in phrase if t.pos_ in ("NOUN", "PROPN")]
        # (the phrase's last noun is its head: 'a neighbour', 'Kurmin nurse')
        return self.speaker_of_token(nouns[-1], exclude) if nouns else None

    def _name_just_after(self, word, exclude: tuple[int, int] | None) -> Speaker | None:
        """The name written right after `word` (a reporting verb or a rank, its abbreviation's dot allowed):
        '"...," said Jane Doe, 52, whose son ...', where the parser left the verb without a subject because it
        hung the name on a clause after it; 'said Sgt. Jane Doe', where it made the rank the subject; 'confirmed
        army spokesman Jan Doe', where it took the verb for an adjective of the title."""
        end = word.idx + len(word)
        i = bisect_right(self.starts, end)
        if i < len(self.mentions):
            m = self.mentions[i]
            between = paragraph_text_of(self.doc)[end:m.start_char]
            initials = _POST_INITIALS_BETWEEN.fullmatch(between)
            # ('said Brig. Gen. Jan Doe': ranks written one after another)
            ranks = re.fullmatch(r"(?:\.?\s+[A-Za-z]+)+\.?\s+", between)
            # ('explained to AFP Jan Doe': the news outlet or the reporters told, then the speaker)
            listener = _LISTENER_BETWEEN.fullmatch(between)
            told = listener is not None and (listener.group(1).lower() in outlet_aliases() or listener.group(1) in _LISTENERS)
            if m.entity_type in ("person", "organization") and not _inside(m, exclude) and (
                    not between.strip(" .") or (m.entity_type == "person" and (told or _TITLE_IN_LOWER_CASE.fullmatch(between) or (
                        initials and initials.group(1).lower() in person_prefix_words()) or (
                        ranks and all(w.lower() in person_prefix_words() for w in re.findall(r"[A-Za-z]+", between)))))):
                return self._speaker_from_mention(m)
        return None

    def _a_verb_between(self, start: int, end: int) -> bool:
        """Whether a verb lies between two offsets (a clause that ends there is whole)."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)

    def _name_before(self, verb, exclude: tuple[int, int] | None) -> Speaker | None:
        """A reporting verb the parser left without a subject: the name written just before it, alone or
        with an apposition or a relative clause ('..., Jan Hollis, a deputy agent in charge, said:')."""
        i = bisect_right(self.starts, verb.idx) - 1
        while i >= 0 and self.mentions[i].start_char > verb.idx - 120:
            m = self.mentions[i]
            if m.entity_type in ("person", "organization") and m.end_char <= verb.idx and not _inside(m, exclude):
                between = paragraph_text_of(self.doc)[m.end_char:verb.idx]
                aside = between.lstrip().startswith(",") and between.rstrip().endswith(",") and '"' not in between \
                    and "“" not in between
                relative = re.search(r",\s*(?:who|whose|which)\b[^,]*,\s*$", paragraph_text_of(self.doc)[max(0, m.start_char - 60):m.start_char])
                if relative and not self._a_verb_between(max(0, m.start_char - 60) + relative.start(), m.start_char):
                    i -= 1
                    continue  # (a name inside the relative clause is not the one it tells of: 'whose church, Kurmin Chapel,';
                    # but one after a relative clause its verb closed is: 'In Kurmy, which borders the sea, Jan Doe, ... said')
                # (or a relative clause: 'The Rev. Jan Doe, whose church, Kurmin Chapel, sits nearby, said')
                if between.strip() in ("", ",") or aside and (between.count(",") == 2
                                                              or re.match(r"\s*,\s*(?:who|whose)\b", between) is not None):
                    return self._speaker_from_mention(m)
            i -= 1
        return None


def _a_kicker(subject, verb) -> bool:
    """A name the parser made a verb's subject that a colon closes before the quotation the verb reports: a
    headline's kicker ('Kurmistan: "...," says mother')."""
    doc = subject.doc
    return subject.i + 1 < verb.i and doc[subject.i + 1].text == ":" \
        and any(t.is_quote for t in doc[subject.i + 2:verb.i])
