"""The words and patterns the attribution finder reads: reporting verbs, pronouns, nouns for statements, bodies and
people (rules/attribution.toml, with rules/casualties.toml's people and rules/entities.toml's roles and honorifics),
and the text patterns built from them. Loaded once, at import.
"""

from __future__ import annotations

import re

from newsfacts.extract.entities import POST_DISTRICT, person_prefix_words
from newsfacts.rules import load_rules


# Words from the rules files: verbs that report or ask, pronouns, nouns for statements, bodies and people

_RULES = load_rules("attribution")
REPORTING_LEMMAS = frozenset(_RULES["reporting_verbs"])
SAID_MISSPELT = frozenset(_RULES["said_misspelt"])
_SPEAKING_LEMMAS = REPORTING_LEMMAS | frozenset(_RULES["speaking_verbs"])
_ACCOUNT_LEMMAS = frozenset(_RULES["account_verbs"])
_ASKING_LEMMAS = frozenset(_RULES["asking_verbs"])
_NAMING_LEMMAS = frozenset(_RULES["naming_verbs"])
_DIRECTIVE_LEMMAS = frozenset(_RULES["directive_verbs"])
STATEMENT_NOUNS = frozenset(_RULES["statement_nouns"])
REPORT_NOUNS = frozenset(_RULES["report_nouns"])
REPORTING_PHRASAL_VERBS = frozenset(_RULES["reporting_phrasal_verbs"])
# 'will', 'would', 'could': what someone will say is no report of what they said (rules/casualties.toml, where the same
# words make a figure hypothetical)
MODAL_AUXILIARIES = frozenset(load_rules("casualties")["grammar"]["modal_auxiliaries"])
ISSUING_VERBS = frozenset(_RULES["issuing_verbs"])
RELAYING_VERBS = frozenset(_RULES["relaying_verbs"])
ORGANISATION_PRONOUNS = frozenset(_RULES["organisation_pronouns"])
PERSON_PRONOUNS = frozenset(_RULES["person_pronouns"])
RELATIVE_PRONOUNS = frozenset(_RULES["relative_pronouns"])
INSTITUTION_NOUNS = frozenset(_RULES["institution_nouns"])
STATE_INSTITUTION_NOUNS = frozenset(_RULES["state_institution_nouns"])
_STATE_BODY = re.compile(r"(?:(?:%s) )*(?:%s)" % ("|".join(map(re.escape, _RULES["state_institution_modifiers"])),
                                                 "|".join(map(re.escape, _RULES["state_institution_nouns"]))))
_STATE_VOICE = re.compile(r"(%s)['’]s? (?:%s)" % ("|".join(map(re.escape, _RULES["state_institution_nouns"])),
                                                 "|".join(map(re.escape, _RULES["state_voice_nouns"]))))
GENERIC_ORGANISATION_NOUNS = frozenset(_RULES["generic_organisation_nouns"])
_STATE_MODIFIERS = frozenset(w for phrase in _RULES["state_institution_modifiers"] for w in phrase.split())
_STATE_ARMED_FORCES = frozenset(_RULES["state_armed_forces"])
_INSTITUTION_SYNONYMS = [frozenset(group) for group in _RULES["institution_synonyms"]]
SPOKESPERSON_NOUNS = frozenset(_RULES["spokesperson_nouns"])
DEATH_LEMMAS = frozenset(_RULES["death_lemmas"])
# Nouns for a person the text describes without naming ('one striker', 'his mother'): rules/casualties.toml's
# list of people, and this file's words for sources.
PERSON_NOUNS = frozenset(load_rules("casualties")["grammar"]["person_nouns"]) | frozenset(_RULES["source_nouns"])
HOUSEHOLD_NOUNS = frozenset(_RULES["household_nouns"])
TITLE_CLASSES = {noun: frozenset(titles) for noun, titles in _RULES["title_classes"].items()}
BODY_CLASSES = {noun: frozenset(words) for noun, words in _RULES["body_classes"].items()}
TITLE_ABBREVIATIONS = _RULES["title_abbreviations"]
GENDERED_NOUNS = {noun: sex for sex, nouns in _RULES["gendered_nouns"].items() for noun in nouns}
# Nouns by which a text points back at the person it has just named: 'the woman recounted', 'said the grief-stricken man'
_THE_ONE_JUST_NAMED = frozenset(_RULES["the_one_just_named"])
# 'identified as', 'known as' at the end of the words before a name: the noun before them describes the person
NAMING_LINK_AT_END = re.compile(r"\s(?:%s)\s*$" % "|".join(r"\s+".join(map(re.escape, p.split())) for p in _RULES["naming_links"]))
# 'Those were the words of X', 'The message came from X', 'That is how X described it'
LEDE_PHRASES = re.compile(r"\b(?:%s)\b" % "|".join(r"\s+(?:\w+ly\s+)?".join(map(re.escape, p.split())) for p in _RULES["quote_lede_phrases"]),
                          re.IGNORECASE)
PRONOUNS = {"he", "she", "they", "it", "we", "i"}
_SUBJECTS = ("nsubj", "nsubjpass")
_OBJECT_PRONOUNS = {"him": "he", "her": "she"}
# 'quoted X as saying' ('... as having said'): the words after 'as' that make X the one quoted
_QUOTED_AS = frozenset({"saying", "telling", "said", "stating"})
# ... and the verbs that quote X so: 'the agency quoted X as saying', 'the agency cited X as saying'
_QUOTING_VERBS = frozenset({"quote", "cite"})
_OFFICE_HOLDERS = frozenset(load_rules("entities")["role_words"]) | person_prefix_words()
_PERSON_NOUN_ENDINGS = tuple(_RULES["person_noun_endings"])
# Penn tags of a verb with a tense ('tells', 'said'), which a title never holds (the tagger calls a rare noun
# before a name a verb now and then: 'Skarvik midfielder Jan Doe')
_FINITE_VERB_TAGS = frozenset({"VBZ", "VBD", "VBP", "MD"})

# Names, titles and honorifics around a name, and the sex they state

# 'who gave his name only as Kurmasim', 'identified only as Kurmi', 'who identified himself only as Kurmi',
# 'asked to be named only by her first name, Kurma', 'identified by his call sign, Kurm'
# (not 'known as', which names places and groups as often)
_NAMED_ONLY_AS = re.compile(r"\b(?:gave (?:only )?(?:his|her|their) (?:first )?name(?: only)?(?: as|,)|(?:identified|named)(?: (?:himself|herself|themselves))?"
                            r" (?:only )?(?:as|by (?:his|her|their) first name,?|by (?:the|his|her|their) (?:call ?sign|nom de guerre|"
                            r"pseudonym|nickname),?)|only by (?:his|her|their) first name,?)\s+"
                            r"([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)")
_AGED = re.compile(r"\b\d{1,3}-year-old\b")
_ROLE_NOUNS = "|".join(re.escape(w) for w in load_rules("entities")["role_words"] + _RULES["spokesperson_nouns"])
# A title in lower case between a reporting verb and the name: '"...," confirmed junta spokesman Jan Doe'.
_TITLE_IN_LOWER_CASE = re.compile(r"\s*(?:[a-z][a-z-]+\s+){0,3}?(?:%s)\s+" % _ROLE_NOUNS)
# A role written between a body's name and a person's: 'Kurmin Police spokesperson ', 'Kurmin FA chief executive '.
_ROLE_AFTER_A_BODY = re.compile(r"\s+(?:[a-z]+[ -])?(?:%s)\s+" % _ROLE_NOUNS, re.IGNORECASE)
# Honorifics and titles written before a name ('Dr ', 'Qari ', 'Col. '), as rules/entities.toml lists them.
_PERSON_PREFIXES = r"(?:(?:%s)\.?\s+)" % "|".join(re.escape(p) for p in sorted(person_prefix_words(), key=len, reverse=True))
_PERSON_PREFIX_AT_END = re.compile(r"(?:(?<![\w'’-])%s)+$" % _PERSON_PREFIXES, re.IGNORECASE)
# ', Qari Sayed Mangal,': a name set off by commas after a noun, its titles first
_NAME_SET_OFF = re.compile(r",\s+%s*" % _PERSON_PREFIXES, re.IGNORECASE)
# 'according to Jan Doe', 'according to the village elder, Haji Jan Doe': the words before a cited source's name
_ACCORDING_TO_BEFORE = re.compile(r"\baccording to\s+(?:[\w'’-]+\s+){0,8}?(?:[\w'’-]+,\s+)?%s*$" % _PERSON_PREFIXES, re.IGNORECASE)
_PRONOUN_SEXES = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female", "hers": "female"}
_KNOWN_GENDERS = ("male", "mostly_male", "female", "mostly_female")
_INTERIM = re.compile(r"\s+(?:a\.i\.?|ad interim)$", re.IGNORECASE)
_POSSESSIVE_S = re.compile(r"['’]S?$", re.IGNORECASE)
_ROMAN_NUMERAL = re.compile(r"[IVX]{1,4}")
# A post's initials, and the district it serves, between a verb and a name: 'said DCP North Jan Doe'
_POST_INITIALS_BETWEEN = re.compile(rf"\s+([A-Z]{{2,4}})\.?(?:\s+{POST_DISTRICT})?\s+")
# The one a verb tells, between the verb and the speaker's name in translated copy: 'explained to AFP Jan Doe'
_LISTENER_BETWEEN = re.compile(r"\s+to\s+(?:the\s+)?([\w.' -]{2,40}?),?\s+")
_LISTENERS = frozenset(_RULES["listener_nouns"])
_OFFICE_OF_A_BODY_BEFORE = re.compile(r"(?:^|\s)([A-Z][a-z]+)\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}[\w'’-]+$")
# "Chile's defence ministry", "the Kurmin State's emergency agency": a place's body in lower case
_PLACE_POSSESSES = re.compile(r"(?:[Tt]he )?([A-Z][\w-]+(?: [A-Z][\w-]+){0,2})['’]s? ([a-z][\w -]+)")
# A town's police, as a text calls the force: 'the Dalen police'
_POLICE_OF_A_PLACE = re.compile(r"\b[Tt]he ([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?) police\b")
# The end of an aside set off after a name ('Jane Doe, a spokeswoman for the group,')
_ASIDE_END = re.compile(r"[,.;:!?\n]")
_QUOTED_WORDS = re.compile(r"[“\"][^“”\"]*[”\"]")

# Deaths the text tells

# 'the death of winemaker Jan Doe', 'the funeral of Jan Doe': a person the text reports dead (rules/attribution.toml
# death_of_nouns)
_DEATH_OF_BEFORE = re.compile(r"\b(?:%s)s? of (?:[\w'’-]+ ){0,3}$" % "|".join(_RULES["death_of_nouns"]), re.IGNORECASE)
# 'The dead were identified as patrolman Jan Doe, 24, and ...': whom the sentence names after it died
_THE_DEAD_NAMED = re.compile(r"\b(?:the\s+)?(?:dead|deceased|victims?|fatalities)\s+(?:were|was|have\s+been|has\s+been)\s+"
                             r"(?:identified|named)\s+as\b", re.IGNORECASE)
_AMONG_THE_DEAD = re.compile(r"\b(is|was|are|were)\s+(?:\w+\s+)?among(?:st)?\s+(?:the\s+dead|those\s+killed|the\s+victims)\b", re.IGNORECASE)
# ... and with the subject after it: 'Among the dead was Jan Doe'
_THE_DEAD_INCLUDED = re.compile(r"\bamong(?:st)?\s+(?:the\s+dead|those\s+killed|the\s+victims)\s+(?:is|was|are|were)\s+", re.IGNORECASE)

# Layouts: interviews, transcripts, labels, bylines and picture credits

# An interviewer's question: a paragraph of its own, not quoted, ending in '?' ('Q:' may open it).
_QUESTION_PARAGRAPH = re.compile(r"(?:Q[:.]\s*)?[^\"“”«»\n]{3,400}\?")
_ANSWER_MARK = re.compile(r"A[:.]\s")
_PROMPT_PARAGRAPH = re.compile(r"[^\"“”«»\n]{3,300}[.?!]")
_BYLINE = re.compile(r"(?:(?:interview(?:ed)?|words|reporting|photographs?)\s+)?by\s+$", re.IGNORECASE)
# What comes before a photographer's name in a picture's credit: '(AFP: ', '(Photo: ', 'Picture: '.
_PICTURE_CREDIT_BEFORE = re.compile(r"(?:\(\s*[\w.&/' -]{1,40}?|\b(?:photo|picture|image|photograph|credit)s?)\s*:\s*$", re.IGNORECASE)
# A transcript's label of who speaks, opening a line: 'DOE:', 'JANE DOE (Kurmin Police):'
# (any label ends the search, 'Q:' and 'QUESTION:' too, which name no one)
_TURN_LABEL = re.compile(r"([A-ZÀ-Þ][A-ZÀ-Þ'’.-]*(?: [A-ZÀ-Þ][A-ZÀ-Þ'’.-]+){0,3})\s*(?:\([^()\n]{1,80}\))?\s*:\s")
# What follows a transcript's label on its line: 'QUESTION:', 'DOE (Radio Kurmin):'
_FIRST_WORD = re.compile(r"\s*[\w'’.-]+")
_AFTER_A_LABEL = re.compile(r"\s*(?:\([^()\n]{1,80}\))?\s*:")
# 'JANE DOE, BYLINE:' opens a broadcast reporter's lines in a radio or television transcript
BYLINE_LABEL = re.compile(r"^([A-ZÀ-Þ][A-ZÀ-Þ'’ .-]+), BYLINE:", re.MULTILINE)
# who speaks, with a colon, opening the paragraph of a quotation: 'Kurmish Deputy Mayor Jane Doe: ', '– US PRESIDENT JAN DOE: '
_SPEAKER_LABEL = re.compile(r"[ \t]*(?:[-–—•*][ \t]*)?(?P<label>[^\n:\"“”«]{3,100}?)[ \t]*:[ \t]*")
