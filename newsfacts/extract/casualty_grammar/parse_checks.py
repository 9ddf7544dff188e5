"""Questions the finders ask of the parse around a predicate or a victims' phrase: is the predicate denied,
hypothetical or quoted; does the phrase name people; does the sentence put them in a hurt condition, in hospital, or
name their injuries; which group of victims ('the dead', 'those killed') a subject is; where the parser hung an
'along with' or a verb of listing.
"""

from __future__ import annotations

from functools import cache

from newsfacts.extract.casualty_grammar.counts import _is_number, _with_conjuncts
from newsfacts.extract.casualty_grammar.lexicon import _Lexicon
from newsfacts.extract.nlp import text_of
from newsfacts.rules import load_rules

# (rules/casualties.toml [grammar_words])
_HOSPITAL_PURPOSES = frozenset(load_rules("casualties")["grammar_words"]["hospital_purposes"])


def _denied_or_hypothetical(token, lex: _Lexicon) -> bool:
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ in ("aux", "auxpass") and child.lower_ in lex.modal_auxiliaries):
            return True
        if child.dep_ == "prep" and child.i < token.i and any(
                g.dep_ == "neg" or (g.dep_ == "aux" and g.lower_ in lex.modal_auxiliaries) for g in child.children):
            return True  # 'I would never in any circumstances hurt ...', the parser hanging 'would never' on the 'in'
        if child.dep_ == "mark" and child.lower_ in ("if", "unless") and token.dep_ == "advcl":
            return True  # 'If they kill 20 people and nobody is punished, ...': a condition, not a deed ('checking if' asks)
    head = token.head
    # ('In not one of the 37 incidents was a police officer killed': the clause the participle's noun stands in is denied)
    clause = head.head if token.dep_ == "acl" and head.dep_ in ("attr", "nsubj", "nsubjpass") else token
    if any(child.dep_ == "prep" and any(p.dep_ == "pobj" and any(g.dep_ == "neg" for g in p.children) for p in child.children)
           for child in clause.children):
        return True
    if token.dep_ == "xcomp" and head.lemma_.lower() in lex.intention_verbs:
        return True  # 'threatened to kill 20 hostages'
    if token.dep_ == "ccomp" and head.lemma_.lower() == "deny":
        return True  # 'she denied that she had ever hurt her daughter'
    if token.dep_ in ("xcomp", "oprd", "acomp", "conj") and head.i != token.i:
        return any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in lex.modal_auxiliaries) for c in head.children)
    return False


def _sentence_before(token, in_its_paragraph: bool = True):
    """The sentence before the token's (a Span), or None at the text's start or, when `in_its_paragraph`, where a line
    break lies between them."""
    sentence = token.sent
    if sentence.start == 0:
        return None
    before = token.doc[sentence.start - 1].sent
    if in_its_paragraph and "\n" in text_of(token.doc)[before.end_char:sentence.start_char]:
        return None
    return before


def _quoted(token) -> bool:
    """Whether `token` stands inside a quotation its paragraph opens ('"They killed him," she said': a witness
    speaks of someone the text has counted). Single quotation marks are left out: apostrophes look like them."""
    text = text_of(token.doc)
    before = text[text.rfind("\n", 0, token.idx) + 1:token.idx]
    return before.count("\u201c") > before.count("\u201d") or before.count("\u00ab") > before.count("\u00bb") \
        or before.count('"') % 2 == 1


@cache
def _victim_words() -> frozenset[str]:
    """Nouns for victims (rules/casualties.toml's [victims]): 'people', 'civilians', 'soldiers' ..."""
    return frozenset(load_rules("casualties")["victims"])


def _of_whom(token) -> bool:
    """'..., of whom two remain in serious condition': a part of the figure before, however it is hung."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ == "whom" for g in c.children)
               for holder in (token, token.head) for c in holder.children)


def _people_like(token, lex: _Lexicon) -> bool:
    """A bare number, people, or a number 'of' people ('Three', 'five people', 'two of the wounded'), not 'two of
    the bridges'."""
    nouns = [token] if not _is_number(token) else [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                                                   for g in c.children if g.dep_ == "pobj"]
    return all(n.lemma_.lower() not in lex.not_people and (n.lower_ in ("them", "those", "these") or n.lower_ in lex.group_nouns
               or n.lower_ in _victim_words() or n.lemma_.lower() in lex.person_nouns) for n in nouns)


def _in_a_hurt_condition(token, lex: _Lexicon) -> bool:
    """'are in critical condition', 'were in a serious condition', 'remained in intensive care'."""
    return any(c.dep_ == "prep" and c.lower_ == "in" and any(
        g.lower_ in lex.hurt_condition_nouns and any(a.lower_ in lex.hurt_conditions for a in g.children) for g in c.children)
        for c in token.children)


def _in_hospital(token, lex: _Lexicon, treated: bool = False) -> bool:
    """'are in hospital', 'are under treatment', and 'are in the hospital' after what hurt them ('after the crash',
    'after suffering gunshot wounds': not a nurse at work there). With `treated` (the token is a passive treatment:
    'were treated at a clinic', 'in the city hospital') any hospital it is in or at."""
    after = treated or any((c.dep_ == "prep" and c.lower_ == "after") or (c.dep_ == "advcl" and any(m.lower_ == "after" for m in c.children))
                           for c in token.children)
    return any(c.dep_ == "prep" and (c.lower_ in (("in", "at") if treated else ("in",)) and any(
        g.lower_ in lex.hospital_nouns and (after or not any(d.dep_ == "det" for d in g.children)) for g in c.children)
        or c.lower_ == "under" and any(g.lower_ == "treatment" for g in c.children))  # ('seven were under treatment')
        for c in token.children)


def _struck_by_a_shot_or_in_the_body(verb, lex: _Lexicon) -> bool:
    """'hit by bullets', 'struck by shrapnel', 'hit in the head': what struck is fired, or where is a part of a body."""
    for prep in (c for c in verb.children if c.dep_ in ("agent", "prep")):
        for noun in (g for g in prep.children if g.dep_ == "pobj"):
            if prep.lower_ == "by" and (noun.lower_ in lex.projectile_nouns or f"{_compound(noun)} {noun.lower_}" in lex.projectile_nouns):
                return True
            if prep.lower_ == "in" and noun.lower_ in lex.struck_body_parts:
                return True
    return False


def _an_injury(noun, lex: _Lexicon) -> bool:
    """Whether the noun, or one joined to it, names an injury ('for hypothermia and injuries', 'various degrees of
    injuries'; not 'pay cuts', 'budget cuts': a cut of something named before it)."""
    injuries = lex.injury_nouns | {w.rstrip("s") for w in lex.injury_nouns}
    return any((n.lemma_.lower() in injuries or n.lower_ in lex.injury_nouns)
               and not (n.lemma_.lower() == "cut" and any(c.dep_ == "compound" for c in n.children))
               or any(c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and g.lower_ in lex.injury_nouns
                                                                     for g in c.children) for c in n.children)
               for n in _with_conjuncts(noun))


def _names_injuries(token, lex: _Lexicon) -> bool:
    """'treated for injuries' (passive, a 'for' phrase) or 'suffered serious wounds' (the object); 'sustained various
    degrees of injuries' (the injuries a noun before them sorts); '31 people were admitted with gunshot wounds';
    'needed hospital treatment', 'are receiving treatment in hospital'."""
    for child in token.children:
        if child.dep_ == "dobj" and _an_injury(child, lex):
            return True
        if child.dep_ == "dobj" and child.lower_ in lex.treatment_nouns and token.lemma_.lower() in lex.treatment_verbs:
            reasons = [g for w in (token, child) for p in w.children if p.dep_ == "prep" and p.lower_ == "for"
                       for g in p.children if g.dep_ == "pobj"]
            medical = any(c.dep_ in ("amod", "compound") and c.lower_ in ("hospital", "medical", "emergency") for c in child.children)
            # ('are receiving treatment at the district hospital', and the others a toll leaves: '11 others were
            # undergoing treatment')
            in_care = any(p.dep_ == "prep" and p.lower_ in ("at", "in") and any(g.lemma_.lower() in lex.hospital_nouns for g in p.children)
                          for w in (token, child) for p in w.children)
            others = any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "others" for c in token.children)
            if ((medical or in_care or others) and not reasons) or (reasons and all(_an_injury(g, lex) for g in reasons)):
                # 'nine people needed hospital treatment', 'received treatment for burns' (not 'treatment for
                # cholera', no injury; nor 'received treatment as preferred shareholders')
                return True
        if child.dep_ == "prep" and child.lower_ == "for" and any(g.dep_ == "pobj" and _an_injury(g, lex) for g in child.children):
            return True
        if child.dep_ == "prep" and child.lower_ == "from" and token.lemma_.lower() in lex.healing_verbs \
                and any(g.dep_ == "pobj" and _an_injury(g, lex) for g in child.children):
            return True  # 'three firefighters are still recovering from burn injuries'
        if child.dep_ == "prep" and child.lower_ == "with" and token.lemma_.lower() in lex.surviving_verbs \
                and any(g.dep_ == "pobj" and _an_injury(g, lex) for g in child.children):
            return True  # 'he survived with burns to 80 per cent of his body'
    return token.lemma_.lower() in lex.hospital_verbs and any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children) \
        and _with_an_injury(token, lex)


def _with_an_injury(word, lex: _Lexicon) -> bool:
    """'people with gunshot and knife wounds', 'admitted with burns': a 'with' phrase on the word that names an injury."""
    return any(c.dep_ == "prep" and c.lower_ == "with" and any(g.dep_ == "pobj" and _an_injury(g, lex) for g in c.children)
               for c in word.children)


def _to_hospital(token, lex: _Lexicon) -> bool:
    """'were taken to hospital', 'rushed to a nearby hospital' (passive: someone else took them there; not 'taken to
    hospital for a mental health assessment', which says why, and no injury)."""
    if not any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children) and token.dep_ not in ("acl", "conj"):
        return False
    if any(t.dep_ == "pobj" and t.head.lower_ == "for" and t.lemma_.lower() in _HOSPITAL_PURPOSES for t in token.subtree):
        return False
    return _to_a_hospital(token, lex)


def _to_a_hospital(token, lex: _Lexicon) -> bool:
    """'to hospital', 'to a nearby hospital', 'to Kurmin Base Hospital': the place a verb carries someone to."""
    return any(c.dep_ == "prep" and c.lower_ in ("to", "into") and any(g.lower_ in lex.hospital_nouns for g in c.children)
               for c in token.children)


def _after_treatment(token, lex: _Lexicon) -> bool:
    """'discharged after treatment', 'released following treatment', and 'treated and released'."""
    if token.dep_ == "conj" and token.head.lemma_.lower() == "treat":
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("after", "following") and any(g.lower_ in lex.treatment_nouns for g in c.children)
               for c in token.children)


def _has_result(token, lex: _Lexicon) -> bool:
    """'trampled to death', 'shot dead', 'swept to their deaths': the verb's result (hung on its object, too: 'stabbed a
    23-year-old to death')."""
    objects = [c for c in token.children if c.dep_ == "dobj"]
    for child in [*token.children, *(g for o in objects for g in o.children if g.dep_ == "prep")]:
        if child.lower_ in lex.result_words:
            return True
        if child.dep_ == "prep" and child.lower_ == "to" and any(g.lower_ in lex.result_words or g.lemma_.lower() in lex.result_words
                                                                  for g in child.children):  # ('swept to their deaths')
            return True
    return False


def _has_life_object(token, lex: _Lexicon) -> bool:
    return any(c.dep_ == "dobj" and c.lower_ in lex.life_nouns for c in token.children)


def _compound(token) -> str:
    return " ".join(c.lower_ for c in token.children if c.dep_ == "compound")


def _phrasal_kind(token, lex: _Lexicon) -> str | None:
    """The kind a verb with its particle or its object states ('passed away', 'committed suicide', 'took his own
    life'), or None."""
    return next((lex.phrasal[phrase] for c in token.children if c.dep_ in ("prt", "dobj")
                 for phrase in [f"{token.lemma_.lower()} {_own(c)}{c.lower_ if c.dep_ == 'prt' else c.lemma_.lower()}"]
                 if phrase in lex.phrasal), None)


def _own(word) -> str:
    return "own " if any(c.lower_ == "own" for c in word.children) else ""


def _kind_of_those(token, lex: _Lexicon) -> str | None:
    """'those killed', 'those injured', 'those who died', 'the people killed', 'the adults killed': the kind the
    participle or clause after 'those' (or after a plural noun for people) states, or None."""
    if token.lower_ not in ("those", "people") and not (token.tag_ == "NNS" and _people_like(token, lex)):
        return None
    for clause in (c for c in token.children if c.dep_ in ("acl", "amod", "relcl")):
        kind = lex.transitive.get(clause.lemma_.lower()) or lex.states.get(clause.lower_) \
            or ("killed" if clause.lemma_ == "die" else None)
        if kind:
            return kind
    return None


def _group_kind(subject, lex: _Lexicon) -> str | None:
    """The kind of casualty a subject names its victims by, as a group: 'the dead', 'the injured', and
    'those killed', 'those who died' (a pronoun the participle or clause after it makes a group)."""
    if subject.lower_ in lex.group_nouns:
        return lex.group_nouns[subject.lower_]
    return _kind_of_those(subject, lex)  # ('the adults killed included the driver and two teachers')


def _what_it_is_made_of(verb) -> list:
    """The object of 'comprised', or of the 'of' after 'consisted' and 'was composed'."""
    return [c for c in verb.children if c.dep_ == "dobj"] + [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "of"
                                                            for p in c.children if p.dep_ == "pobj"]


def _listing_verb(token):
    """The verb a state word is filed under with 'as' ('listed as injured', 'confirmed as having been killed'), as the
    parser hangs it."""
    if token.dep_ in ("amod", "pobj", "pcomp") and token.head.lower_ == "as" and token.head.dep_ == "prep":
        return token.head.head
    if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children):
        return token.head
    return None


def _along_with(verb) -> list:
    """The people of an 'along with' or 'together with' phrase on a verb (the parser hangs 'with' on the verb or on
    'along')."""
    besides = [c for c in verb.children if c.lower_ in ("along", "together")]
    withs = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" and any(b.i == c.i - 1 for b in besides)]
    withs += [w for b in besides for w in b.children if w.dep_ == "prep" and w.lower_ == "with"]
    return [p for w in withs for p in w.children if p.dep_ == "pobj"]


def _named_after_a_comma(noun) -> bool:
    """'our driver, Jan Doe,': a noun for a person with their name after a comma."""
    doc = noun.doc
    return noun.i + 2 < len(doc) and doc[noun.i + 1].text == "," and doc[noun.i + 2].ent_type_ == "PERSON"
