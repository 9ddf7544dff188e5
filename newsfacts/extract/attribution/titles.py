"""Titles and appositions: the entity a definite description stands for ('the minister' -> the person the text gave
that title, 'the ministry' -> the body named with it), the titles the text gives a person, and names set
beside a noun.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import takewhile
import re

from spacy.lang.en.stop_words import STOP_WORDS

from newsfacts.extract.entities import HEADLINE_CHARS, name_given_after
from newsfacts.extract.nlp import paragraph_text_of
from newsfacts.extract.translit import plain_words
from newsfacts.rules import load_rules, outlet_aliases

from newsfacts.extract.attribution.noun_phrases import _AGE_ASIDE, _introduced_anew
from newsfacts.extract.attribution.parser_slips import _first_piece_of_a_hyphenated_word, _whole_hyphenated_word
from newsfacts.extract.attribution.positions import _before_the_quotation, _inside
from newsfacts.extract.attribution.speaker import Speaker
from newsfacts.extract.attribution.words import (_NAME_SET_OFF, _OFFICE_HOLDERS, _OFFICE_OF_A_BODY_BEFORE,
                                                 _PERSON_PREFIX_AT_END, _STATE_ARMED_FORCES, _SUBJECTS, BODY_CLASSES,
                                                 GENERIC_ORGANISATION_NOUNS, HOUSEHOLD_NOUNS, INSTITUTION_NOUNS, NAMING_LINK_AT_END,
                                                 PERSON_NOUNS, SPOKESPERSON_NOUNS, TITLE_ABBREVIATIONS, TITLE_CLASSES)


# A title's letters in brackets and the place the post serves, set off before the holder's name: '(SP), Kurmi, ' of
# 'Superintendent of Police (SP), Kurmi, Jan Doe'
_PLACE_AFTER_A_TITLES_LETTERS = re.compile(r"(\([A-Z]{2,6}\)),\s*[A-Z][\w-]*(?: [A-Z][\w-]*)?,\s*$")


# 'the newspaper said', 'the radio said': a description of a news outlet (rules/outlets.toml outlet_nouns, and the
# radio and the paper); the kind written just before or after an outlet's name; verbs an outlet does
OUTLET_DESCRIPTIONS = frozenset(load_rules("outlets")["outlet_nouns"]) | {"radio", "paper"}
_OUTLET_KIND_BEFORE = re.compile(r"\b(?:%s) (?:the )?$" % "|".join(sorted(OUTLET_DESCRIPTIONS)))
_OUTLET_KIND_AFTER = re.compile(r" (?:%s)\b" % "|".join(sorted(OUTLET_DESCRIPTIONS)))
_ARTICLES_OF_TITLES = frozenset({"the", "el", "la", "le", "il", "lo", "los", "las", "les", "al"})
# (nouns of people that no list holds: 'a Kurmin chairman', 'the Kurmin chairperson')
_PERSON_ENDINGS = ("man", "woman", "person", "people")
_PUBLISHING_VERBS = frozenset({"publish", "report", "print", "carry", "broadcast", "air", "run", "reveal"})


def _title_of(noun) -> str:
    """The title a noun of a description gives: its lemma, with the 'of' phrase that makes it a title of its own
    ('head of state', 'head of government')."""
    of_what = next((p.lower_ for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                    if p.dep_ == "pobj"), None)
    return f"{noun.lemma_.lower()} of {of_what}" if of_what and f"{noun.lemma_.lower()} of {of_what}" in TITLE_CLASSES \
        else noun.lemma_.lower()


class Titles:
    """What a title or a description with 'the' refers to, and the titles people are given."""

    def described_entity(self, token, exclude: tuple[int, int] | None = None, window: int = 8000) -> Speaker | None:
        """'the ministry' -> the last organisation named with 'Ministry'; 'the diplomat' -> the last person
        whose role the text gave with that word."""
        def words_of(m) -> set[str]:
            """The words of a mention's name, role and title."""
            entity = self.entities[m.entity_id]
            words = set(plain_words(entity.canonical_name)) | set((entity.role or "").lower().replace("-", " ").split())
            return words | self._title_words(m) if m.entity_type == "person" else words | self._kind_after_the_name(m)

        if token.lemma_.lower() in OUTLET_DESCRIPTIONS and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            outlet = self._outlet_named_before(token, exclude)
            if outlet is not None:
                return self._speaker_from_mention(outlet)
        body_noun = token.lemma_.lower() in GENERIC_ORGANISATION_NOUNS | INSTITUTION_NOUNS
        whole_word = _whole_hyphenated_word(token)  # ('the secretary-general', split at its hyphen)
        state_noun = self.country_adjective is not None and token.lower_ in _STATE_ARMED_FORCES

        def described(m) -> bool:
            if _inside(m, exclude) or m.entity_type not in ("person", "organization") or m.start_char <= token.idx < m.end_char:
                return False  # (the title itself, which the entity recogniser may take for a name: 'the IGP')
            if 0 <= token.idx - m.end_char <= 1:
                return False  # (the name written before the noun itself: 'The UN mission said' is no earlier UN's)
            if body_noun and m.entity_type == "person":
                return False  # 'the agency' is no person, whatever agency the text said its head runs
            if token.lemma_.lower() in HOUSEHOLD_NOUNS and m.entity_type == "organization":
                return False  # 'the family' is no 'Kurmin Family Market'
            if state_noun and m.entity_type == "organization" and not self._a_state_body_by_name(m, token):
                return False  # 'the national army' in a text about one country is its army, not a 'Kurmin Hill Army'
            # (a title's other words name people only, 'the judge' is no Kurmin Justice Council; a body's, bodies
            # only: 'the force' is the police the text named)
            titles = TITLE_CLASSES.get(_title_of(token), ()) if m.entity_type == "person" else BODY_CLASSES.get(token.lemma_.lower(), ())
            return bool({token.lemma_.lower(), token.lower_, whole_word, *titles} & words_of(m)) \
                and not (m.entity_type == "person" and _introduced_anew(paragraph_text_of(self.doc), token, m.end_char))

        # 'the health minister' is the minister whose title says health, when one does
        modifiers = {c.lower_ for c in token.children if c.dep_ in ("compound", "amod") and c.is_alpha}
        earlier = []
        i = bisect_right(self.starts, token.idx) - 1
        while i >= 0 and self.mentions[i].start_char > token.idx - window:
            if described(self.mentions[i]):
                earlier.append(self.mentions[i])
            i -= 1
        if earlier:
            fitting = [m for m in earlier if modifiers <= words_of(m)] or earlier
            if token.text.isupper() and len(token.text) >= 2:
                # 'the CFO' is the one titled 'Chief Financial Officer', not the officer named after him
                fitting = [m for m in fitting if m.entity_type == "person" and token.text in self._title_initials(m)] or fitting
            # (not one whose death the text told: 'The dead were identified as Sergeant Jan Doe ...')
            fitting = [m for m in fitting if m.entity_type != "person" or not self.dead(m.entity_id)] or fitting
            # 'Doe denied it. "...," the spokesman said': of the people the title fits, the one the last
            # sentence was about
            subject = self.salient_person_before(_before_the_quotation(token.idx, exclude), exclude, lookback=1)
            if subject is not None and subject.entity_id in {m.entity_id for m in fitting}:
                return self._speaker_from_mention(subject)
            return self._speaker_from_mention(fitting[0])
        if self._in_the_headline(token):
            # A headline names a title before the body names the person ('..., says mayor'): look ahead.
            for m in self.mentions[bisect_right(self.starts, token.idx):]:
                if m.start_char > token.idx + window:
                    break
                if described(m):
                    return self._speaker_from_mention(m)
        if body_noun and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            # 'The ruling Unity Alliance said ... "...," the party said': a body named by no word of its noun, but the
            # subject of the sentence just before
            earlier = self._main_subject_before(_before_the_quotation(token.idx, exclude), exclude, lookback=1)
            mention = self.mention_at(earlier.idx, earlier.idx + len(earlier)) if earlier is not None and earlier.i != token.i else None
            if mention is not None and mention.entity_type == "organization" and mention.entity_id:
                return self._speaker_from_mention(mention)
            named = self._a_name_the_recogniser_missed(earlier) if mention is None and earlier is not None \
                and earlier.i != token.i and token.lemma_.lower() in GENERIC_ORGANISATION_NOUNS else None
            if isinstance(named, Speaker) and named.proper and " " in named.name:
                # 'The Kurmin Emergency Room, one of hundreds of committees, said ... "...," the group said': a body's
                # name the recogniser did not see, the subject of the sentence just before
                return named
        if token.lemma_.lower() in GENERIC_ORGANISATION_NOUNS:
            # 'the group said', 'the militia said': the organisation the text last named, or one it described
            # since with this noun ("Indonesia's meteorology and geophysics agency ... a spokesperson for the agency")
            mention = self.last_of_type_before(token.idx, "organization", exclude, window=1500, speakers_within=600)
            described = self._institution_described_before(token, after=mention.end_char if mention else max(0, token.idx - 1500))
            if described is not None:
                return described
            return self._speaker_from_mention(mention) if mention else None
        return None

    def _outlet_named_before(self, token, exclude: tuple[int, int] | None, window: int = 2000):
        """'El Kurmino has published a list ... The newspaper claims that "..."', 'according to Radio Kurmin ... The
        radio said': the last news outlet the text named before, known as one or written with its kind ('the
        newspaper Kurmin Daily', 'Kurmin Times newspaper', 'Radio Kurmin') or as the one that published or reported."""
        text = paragraph_text_of(self.doc)
        i = bisect_right(self.starts, token.idx) - 1
        while i >= 0 and self.mentions[i].start_char > token.idx - window:
            m = self.mentions[i]
            i -= 1
            # (or a name that opens with an article, which a recogniser may take for a person's: 'El Kurmino has published')
            titled = m.surface.split()[0].lower() in _ARTICLES_OF_TITLES and len(m.surface.split()) > 1
            if not (m.entity_type == "organization" or m.entity_type == "person" and titled) or m.end_char > token.idx \
                    or _inside(m, exclude):
                continue
            kind_before = _OUTLET_KIND_BEFORE.search(text.lower(), max(0, m.start_char - 25), m.start_char)
            kind_after = _OUTLET_KIND_AFTER.match(text.lower(), m.end_char)
            head = self.doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
            published = head is not None and head.root.dep_ in _SUBJECTS and head.root.head.lemma_.lower() in _PUBLISHING_VERBS
            if kind_before or kind_after or published or m.surface.lower() in outlet_aliases():
                return m
        return None

    def _kind_after_the_name(self, mention) -> set[str]:
        """The noun a text writes after a body's name for what kind of body it is ('the Kurmin Observatory monitor
        said', 'troops from the Kurmin force'), so that 'the monitor' and 'the force' later are that body. Not a
        person's noun ('Kurmin fighters', 'a Kurmin spokesman' are people of the body, not the body)."""
        name = self.doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
        if name is None or name.end >= len(self.doc):
            return set()
        kind = self.doc[name.end]
        if kind.pos_ != "NOUN" or kind.tag_ != "NN" or name[-1].head.i != kind.i or name[-1].dep_ != "compound":
            return set()
        noun = kind.lemma_.lower()
        if noun in PERSON_NOUNS or noun in SPOKESPERSON_NOUNS or noun in TITLE_CLASSES or noun in _OFFICE_HOLDERS \
                or noun.endswith(_PERSON_ENDINGS):
            return set()
        return {noun}

    def _in_the_headline(self, token) -> bool:
        """Whether a token is in the text's first line, and that line is as short as a headline (a text that
        runs its sentences together on one line has none)."""
        return "\n" not in paragraph_text_of(self.doc)[:token.idx] and token.idx < HEADLINE_CHARS

    def _named_apposition_mention(self, token):
        """The person or body named in apposition to a noun ('one of the defendants, Jane Doe,'), or None."""
        return next((m for c in token.children if c.dep_ == "appos" for m in [self.mention_at(c.idx, c.idx + len(c))]
                     if m is not None), None)

    def _named_apposition(self, token) -> Speaker | None:
        """The person or organisation named in an apposition to `token` ('the mayor, Jane Doe,'), or after the
        clause that describes it ('The company that runs the mine, Kurmin Carbones,': the parser hangs the name
        on the clause's last noun)."""
        after_clause = [t for c in token.children if c.dep_ == "relcl" for t in c.subtree if t.dep_ == "appos"
                        and t.i == max(x.i for x in c.subtree if not x.is_punct)]
        # ('Its secretary-general, Jane Doe, said': the parser may hang the name on the first piece of a word split
        # at its hyphens)
        first = _first_piece_of_a_hyphenated_word(token, lower_case=True)
        for child in [*token.children, *after_clause, *(first.children if first is not token else ())]:
            if child.dep_ == "appos":
                name = sorted((child, *(c for c in child.children if c.dep_ == "compound")), key=lambda t: t.i)
                named = [m for candidate in name for m in [self.mention_at(candidate.idx, candidate.idx + len(candidate))]
                         if m is not None and m.entity_type in ("person", "organization")]
                # (the person before the body: 'The spokesman, U.S. Army Col. Jan Doe,' is Jan Doe)
                named.sort(key=lambda m: m.entity_type != "person")
                if named:
                    return self._speaker_from_mention(named[0])
                if all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in name) and name[-1].i - name[0].i == len(name) - 1:
                    # a name the entity recogniser missed, set beside a title: a person's name as written
                    return Speaker(paragraph_text_of(self.doc)[name[0].idx:name[-1].idx + len(name[-1])], None, proper=True)
        # 'a man identifying himself as Jan Doe', 'the girl, named only as Kurma,': the name the words after the noun give
        given = name_given_after(paragraph_text_of(self.doc), token.idx + len(token)) if token.lemma_.lower() in PERSON_NOUNS else None
        mention = self.mention_at(*given) if given is not None else None
        if mention is not None and mention.entity_type == "person":
            return self._speaker_from_mention(mention)
        # 'The chief spokesman, Qari Sayed Mangal, said', where the parser read a name as a verb: the person
        # named between commas right after the noun, titles and honorifics allowed
        after = _NAME_SET_OFF.match(paragraph_text_of(self.doc), token.idx + len(token))
        if after is not None:
            mention = self.mention_at(after.end(), after.end() + 1)
            if mention is not None and mention.entity_type == "person" and mention.start_char == after.end() \
                    and paragraph_text_of(self.doc).startswith(",", mention.end_char):
                return self._speaker_from_mention(mention)
        return None

    def _title_words(self, mention) -> set[str]:
        """Words the text gives a person as a title: just before the name ('Interior Minister Peter Wood',
        'The police chief, Omar Haddad') or in an apposition after it ('Jane Doe, the mayor,')."""
        text = paragraph_text_of(self.doc)
        title, honorifics = self._title_before_the_name(mention)
        after = text[mention.end_char:mention.end_char + 80]
        if _AGE_ASIDE.match(after):  # 'Jan Doe, 47, a carpenter': the apposition after the age
            after = after[_AGE_ASIDE.match(after).end() - 1:]
        apposition = re.split(r"[,.;:!?\"“”]", after[1:])[0] if after.startswith(",") else ""
        verb = next(iter(self._finite_verbs(mention.end_char + 1, mention.end_char + 1 + len(apposition))), None)
        if verb is not None:
            # 'Jane Doe, a nurse who works at ...' is a nurse; 'Jane Doe, the government said ...' is no government:
            # the noun after the name is the verb's subject
            subject_after_the_name = verb.dep_ != "relcl" and any(c.dep_ in _SUBJECTS and c.idx > mention.end_char for c in verb.children)
            apposition = "" if subject_after_the_name else text[mention.end_char + 1:verb.idx]
        surface = text[mention.start_char:mention.end_char]  # NER may take the title in: 'Interior Minister Peter Wood'
        words = {w.lower() for w in re.findall(r"[^\W\d_]+", " ".join(title) + " " + apposition + " " + surface)}
        if honorifics:
            words |= {w.lower().rstrip(".") for w in honorifics.group().split()}  # 'Dr Shabnam Wardak' is the doctor
        words |= {TITLE_ABBREVIATIONS[w] for w in words if w in TITLE_ABBREVIATIONS}  # 'Col. Jane Doe' is the colonel
        # 'one of three female doctors' is a doctor
        return words | {w[:-1] for w in words if len(w) > 4 and w.endswith("s") and not w.endswith("ss")}

    def _person_titled_by_initials(self, token, exclude: tuple[int, int] | None, window: int = 3000) -> Speaker | None:
        """'the PPRO said': the last person before whom the text wrote a title whose initials spell it ('the state
        Police Public Relations Officer, Jan Doe'), though the recogniser took the title and its initials for a body;
        'the SP said': the person named after a title the text gave these letters in brackets ('Superintendent of
        Police (SP), Kurmi, Jan Doe')."""
        if not (token.text.isupper() and token.text.isalpha() and len(token.text) >= 2):
            return None
        if len(token.text) < 3 and f"({token.text})" not in paragraph_text_of(self.doc)[max(0, token.idx - window):token.idx]:
            return None  # (two letters name a title only where the text gave it them)
        i = bisect_right(self.starts, token.idx) - 1
        while i >= 0 and self.mentions[i].start_char > token.idx - window:
            m = self.mentions[i]
            if m.entity_type == "person" and not _inside(m, exclude) and m.end_char <= token.idx and self._title_initials(m) == token.text:
                return self._speaker_from_mention(m)
            i -= 1
        return None

    def _title_initials(self, mention) -> str:
        """The initials of the capitalised words of the title before a person's name ('CFO' of 'Chief Financial
        Officer')."""
        title, honorifics = self._title_before_the_name(mention)
        # (with a title word read as an honorific: 'Officer' of 'Divisional Forest Officer Jan Doe', the DFO)
        words = title + ([w for w in honorifics.group().split() if w.istitle() and len(w) > 4] if honorifics else [])
        return "".join(word[0] for word in words if word[:1].isupper())

    def _title_before_the_name(self, mention) -> tuple[list[str], re.Match | None]:
        """The words of the title written just before a person's name (back to a word of grammar, a finite verb or
        another person's name), and the honorifics right before the name."""
        text = paragraph_text_of(self.doc)
        i = bisect_right(self.starts, mention.start_char - 1) - 1
        while i >= 0 and (self.mentions[i].entity_type != "person" or self.mentions[i].end_char > mention.start_char):
            i -= 1
        # never back into another person's name ('Health Minister Jane Doe and Interior Minister ...')
        since = max(mention.start_char - 100, self.mentions[i].end_char if i >= 0 else 0)
        before = text[since:mention.start_char]
        honorifics = _PERSON_PREFIX_AT_END.search(before)
        end = mention.start_char
        if honorifics:  # 'The chief spokesman, Qari Sayed Mangal': the title is what comes before the honorific
            before, end = before[:honorifics.start()], since + honorifics.start()
        before = re.split(r"[.;:!?\n\"“”]", before)[-1]  # after the honorific's own dot ('Col. Jane Doe')
        before = _PLACE_AFTER_A_TITLES_LETTERS.sub(r"\1 ", before)  # ('Superintendent of Police (SP), Kurmi, Jan Doe')
        verbs = self._finite_verbs(end - len(before), end)
        if verbs:  # never across a finite verb: 'judge tells Tom Varga' gives Varga no title
            before = text[verbs[-1].idx + len(verbs[-1]):end]
        if before.endswith(", "):
            # 'The police chief, Omar Haddad': a description set off just before the name
            # (without a closing quotation mark before it: '"...," the interior minister, Jan Doe, said')
            clause = [w for w in before[:-2].split(",")[-1].split() if w.strip("'’‘\"“”«»")]
            located = [i for i, w in enumerate(clause) if w.lower() in ("in", "at", "from", "near", "outside")]
            if located:
                clause = clause[located[-1] + 1:]  # 'a diplomat in the capital, Dravno': Dravno is the capital
            determiner = next((k for k, w in enumerate(clause[:3]) if w.lower() in ("the", "a", "an", "his", "her", "its", "their")), 0)
            clause = clause[determiner:]  # ('But the state commissioner, Jan Doe,': from the determiner on)
            described = clause and (clause[0].lower() in ("the", "a", "an", "his", "her", "its", "their") or clause[0].endswith(("'s", "’s")))
            if described and re.fullmatch(r"\([A-Z]{2,6}\)", clause[-1]):
                # 'Its Medical Superintendent (MS), Dr Jane Doe': the title's letters in brackets, and no word of it
                # the determiner before it
                clause = clause[1:-1]
            # ("Kurmin's Minister of Fisheries and Coastal Affairs, Jan Doe": the office holder's word before its 'of')
            title = clause[-4:] + [w for w in clause[:-4] if w.lower() in _OFFICE_HOLDERS] if described else []
        else:
            before = NAMING_LINK_AT_END.sub(" ", before)  # 'a woman identified as Jan Doe' is a woman
            # 'Commissioner of Police (CP) Jane Doe', 'DCP (north) Jane Doe': the title's initials or its district in
            # brackets belong to it
            initials = re.search(r"\s*\((?:[A-Z]{2,6}|[a-z][a-z-]{2,15})\)\s*$", before)
            words = re.split(r"[,()]", before[:initials.start()] + " " if initials else before)[-1].split()
            # 'Interior Minister Peter Wood': up to three words, back to a word of grammar ('officials since
            # President Jan Doe' has no title but the honorific; 'the governor of Kurmin State' is someone else's)
            title = list(takewhile(lambda w: w.lower() not in STOP_WORDS, reversed(words[-3:])))[::-1]
            # 'Minister of Internal Affairs Givi Lomidze': a capitalised title with its 'of'
            run = 0
            while run < min(len(words), 6) and (words[-1 - run][:1].isupper() or words[-1 - run] in ("of", "for", "and")):
                run += 1
            if run > len(title):
                title = words[len(words) - run:]  # (the words of the run, once: its initials spell the title)
            # 'Head of the regional military administration Jane Doe': a capitalised office holder and the body
            # after its 'of', in lower case
            office = _OFFICE_OF_A_BODY_BEFORE.search(" ".join(words[-7:]))
            if office:
                title.append(office.group(1))
        return title, honorifics

    def _beside_a_place_or_body(self, mention) -> bool:
        """Whether the parser set a person's name in apposition to a place's or an organisation's name."""
        span = self.doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
        head = span.root.head if span is not None and span.root.dep_ == "appos" else None
        beside = self.mention_at(head.idx, head.idx + len(head)) if head is not None else None
        return beside is not None and beside.entity_type in ("location", "organization")

    def _person_beside_a_body(self, body) -> Speaker | None:
        """The person an organisation's name has in apposition ('the Kurmin Ministry, Jane Doe,'): no name of the
        body, but of the one who speaks for it, where the parser hung the spokesman's name on the body."""
        mention = self.mention_at(body.idx, body.idx + len(body))
        if mention is None or mention.entity_type != "organization":
            return None
        for child in body.children:
            named = self.mention_at(child.idx, child.idx + len(child)) if child.dep_ == "appos" else None
            if named is not None and named.entity_type == "person" and named.start_char > mention.end_char:
                return self._speaker_from_mention(named)
        return None
