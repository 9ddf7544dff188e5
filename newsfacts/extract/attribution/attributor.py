"""The Attributor: finds the speaker of a span, given the document's resolved entity mentions. Its steps live in
the modules of this package, one concern each, and meet here as one class.
"""

from __future__ import annotations

from newsfacts.extract.gazetteer import country_adjective
from newsfacts.extract.nlp import paragraph_text_of

from newsfacts.extract.attribution.antecedents import Antecedents
from newsfacts.extract.attribution.bare_quotations import BareQuotations
from newsfacts.extract.attribution.bodies import Bodies
from newsfacts.extract.attribution.layouts import Layouts
from newsfacts.extract.attribution.mentions import MentionIndex
from newsfacts.extract.attribution.nested import NestedQuotations
from newsfacts.extract.attribution.noun_subjects import NounSubjects
from newsfacts.extract.attribution.positions import _credited_for_a_picture
from newsfacts.extract.attribution.sentences import SentenceSpeakers
from newsfacts.extract.attribution.subjects import SubjectSpeakers
from newsfacts.extract.attribution.titles import Titles
from newsfacts.extract.attribution.traits import PersonTraits
from newsfacts.extract.attribution.unnamed import UnnamedPeople


class Attributor(SentenceSpeakers, SubjectSpeakers, NounSubjects, BareQuotations, Layouts, Bodies,
                 Titles, UnnamedPeople, NestedQuotations, Antecedents, PersonTraits, MentionIndex):
    """Finds the speaker of a span, given the document's resolved entity mentions."""

    def __init__(self, doc, mentions, entities, country: str | None = None):
        self.doc = doc
        # (a photographer credited under a picture, '(AFP: Jan Doe)', said nothing in the text)
        self.mentions = sorted((m for m in mentions if not _credited_for_a_picture(paragraph_text_of(doc), m)), key=lambda m: m.start_char)
        self.starts = [m.start_char for m in self.mentions]
        self.entities = entities
        # the document's country names its state's institutions: 'the military' is the Myanmar military
        self.country_adjective = country_adjective(country) if country else None
        self.sentences = list(doc.sents)
        self.sentence_starts = [s.start_char for s in self.sentences]
        self._index_surnames(entities)
        self.stated_gender: dict[str, str] = {}
        self._question_count: int | None = None
        self._quotations: list[tuple[int, int]] = []
        self._quotation_starts: list[int] = []
        self._read_stated_genders()
