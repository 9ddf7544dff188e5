"""The victims of a casualty predicate that is a verb, participle or state word: the kind it states
(killed, injured, missing ...) and the phrases it makes its victims by voice and kind ('killed 12 workers', 'five
were injured', '30 people killed in the blast', 'left five dead'), and those of the verbs of lives lost, of patients
admitted, of injuries, of bodies recovered and of a group's members.
"""

from __future__ import annotations

from newsfacts.extract.casualty_grammar.counts import _is_number, _number_token, _tally_number, _with_conjuncts
from newsfacts.extract.casualty_grammar.lexicon import _Lexicon
from newsfacts.extract.casualty_grammar.parse_checks import (_after_treatment, _along_with, _compound, _denied_or_hypothetical, _group_kind,
                                                             _has_life_object, _has_result, _listing_verb,
                                                             _in_hospital, _names_injuries, _people_like, _phrasal_kind,
                                                             _quoted, _sentence_before, _struck_by_a_shot_or_in_the_body, _to_a_hospital, _to_hospital,
                                                             _what_it_is_made_of, _with_an_injury)
from newsfacts.extract.casualty_grammar.phrase_figures import _with_its_modifier


def _victims_of_a_verb(token, lex: _Lexicon) -> list[tuple[str, object]]:
    """The victims a verb, participle or state word states: those its kind governs ('killed 12', 'five were injured'),
    and those of verbs of lives lost, of patients admitted, of injuries, of bodies recovered and of a group's members."""
    lemma = token.lemma_.lower()
    found: list[tuple[str, object]] = []
    kind = _kind_of_a_verb(token, lemma, lex)
    if kind is not None and any(c.dep_ == "prt" and f"{lemma} {c.lower_}" in lex.figurative_phrasal for c in token.children):
        kind = None  # 'a fare war that killed off two rivals': a phrasal verb news writes of firms and plans
    if kind is not None:
        # (what is burnt may be shops and cars: only people are hurt)
        found += [(kind, v) for v in _predicate_victims(token, lemma, lex)
                  if lemma not in lex.passive_only or _people_like(v, lex)]
    found += _lives_lost(token, lemma, lex)
    found += _patients_admitted(token, lemma, lex)
    found += _the_hurt(token, lemma, lex, found)
    found += _bodies_recovered(token, lemma, lex)
    found += _members_of_a_group(token, lemma, lex)
    return found


def _kind_of_a_verb(token, lemma: str, lex: _Lexicon) -> str | None:
    """The kind of casualty a verb, participle or state word states, by itself or with the words it governs ('shot
    dead', 'trampled to death', 'taken to hospital', 'fatally wounded'), or None."""
    lower = token.lower_
    kind = lex.transitive.get(lemma) or lex.counted_only.get(lemma) or lex.intransitive.get(lemma) or _phrasal_kind(token, lex)
    if kind is None and lemma in lex.active_only and not any(c.dep_ in ("auxpass", "nsubjpass") or c.lower_ == "alive" for c in token.children) \
            and not (token.tag_ == "VBN" and token.dep_ in ("acl", "amod")):
        # ('thousands buried under the rubble', 'buried alive': people who may be living)
        kind = lex.active_only[lemma]
    if kind is None and lemma in lex.with_result and _has_result(token, lex):
        kind = lex.with_result[lemma]
    if kind is None and lemma in lex.intransitive_with_result and _has_result(token, lex):
        kind = lex.intransitive_with_result[lemma]
    if kind is None and lemma in lex.passive_only and any(c.dep_ == "auxpass" for c in token.children) \
            and not any(c.lower_ == "alive" for c in token.children):
        kind = lex.passive_only[lemma]
    if kind is None and lower in lex.states:
        kind = lex.states[lower]
    if kind is None and lemma in lex.hospital_verbs and (_to_hospital(token, lex) or _admitted_where_a_hospital_was_named(token, lemma, lex)):
        kind = "injured"
    if kind is None and lemma in lex.discharge_verbs and _after_treatment(token, lex):
        kind = "injured"  # 'were allowed home after treatment', 'were treated and released'
    if kind == "injured" and any(c.lower_ in lex.fatal_adverbs for c in token.children):
        kind = "killed"  # 'fatally wounded', 'mortally injured'
    if kind is None and lemma in lex.with_result and any(c.lower_ in lex.fatal_adverbs for c in token.children):
        kind = "killed"  # 'fatally shot', 'fatally stabbed'
    return kind


def _admitted_where_a_hospital_was_named(token, lemma: str, lex: _Lexicon) -> bool:
    """'All five were taken to a hospital, where two were pronounced dead. The other three were admitted.': admitted,
    with no place after it, where this sentence or the one before names a hospital (not 'admitted to the bar')."""
    if lemma != "admit" or not any(c.dep_ == "auxpass" for c in token.children) \
            or any(c.dep_ == "prep" and c.lower_ in ("to", "into", "as") for c in token.children):
        return False
    before = _sentence_before(token, in_its_paragraph=False)
    return any(t.lower_ in lex.hospital_nouns for t in (*(before or ()), *token.sent))


def _lives_lost(token, lemma: str, lex: _Lexicon) -> list[tuple[str, object]]:
    """The killed of a verb of lives lost: 'lost their lives', 'claimed 30 lives', 'the village lost 32 people'."""
    found: list[tuple[str, object]] = []
    if (lemma in lex.life_verbs_subject or lemma in lex.life_verbs_given) and _has_life_object(token, lex):
        found += [("killed", c) for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    if lemma in lex.life_verbs_object:
        lives = [c for c in token.children if c.dep_ == "dobj" and c.lower_ in lex.life_nouns]
        found += [("killed", p) for life in lives for prep in life.children if prep.lower_ == "of"
                  for p in prep.children if p.dep_ == "pobj"]
        # 'the blaze claimed a tenant's life'
        found += [("killed", p) for life in lives for p in life.children if p.dep_ == "poss" and p.pos_ in ("NOUN", "PROPN")]
        # 'the flood claimed 30 lives'
        found += [("killed", life) for life in lives if _number_token(life) is not None]
        # 'the epidemic claimed thousands of lives'
        found += [("killed", c) for c in token.children if c.dep_ == "dobj" and _is_number(c)
                  and any(p.lower_ in lex.life_nouns for prep in c.children if prep.dep_ == "prep" and prep.lower_ == "of"
                          for p in prep.children if p.dep_ == "pobj")]
    if lemma in lex.life_verbs_subject and not any(c.dep_ == "prep" and c.lower_ == "to" for c in token.children):
        # 'the village lost at least 32 people', 'he lost three brothers in the attack'
        found += [("killed", c) for c in token.children if c.dep_ == "dobj" and _people_one_loses(c, lex)
                  and _number_token(c) is not None and not any(g.dep_ == "prep" and g.lower_ == "to" for g in c.children)]
        # 'I lost seven of my sons, brothers and cousins': a count of the people one loses
        found += [("killed", c) for c in token.children if c.dep_ == "dobj" and _is_number(c) and any(
            _people_one_loses(p, lex) for prep in c.children if prep.dep_ == "prep" and prep.lower_ == "of"
            for p in prep.children if p.dep_ == "pobj")]
    if lemma in lex.life_verbs_subject and any(c.dep_ == "nsubjpass" and c.lower_ in lex.life_nouns for c in token.children):
        # '30 lives were lost'
        found += [("killed", c) for c in token.children if c.dep_ == "nsubjpass" and _number_token(c) is not None]
    if (lemma in lex.life_verbs_subject or lemma in lex.life_verbs_object) and token.dep_ == "acl" and token.tag_ == "VBN" \
            and token.head.lower_ in lex.life_nouns and _number_token(token.head) is not None:
        found.append(("killed", token.head))  # 'the 26 lives lost in the attack', 'the 26 lives taken'
    return found


def _people_one_loses(noun, lex: _Lexicon) -> bool:
    """People a place, a group or a family 'lost': 'lost 32 villagers', 'lost two sisters-in-law', 'lost two family
    members', 'lost four members of our family'."""
    # (the tokenizer cuts 'sisters-in-law' at its hyphens: the parse heads it by 'sisters')
    if noun.lemma_.lower() in lex.lost_people_nouns | lex.kin_nouns or _with_its_modifier(noun) in lex.lost_people_nouns:
        return True
    return noun.lemma_.lower() == "member" and any(p.lemma_.lower() in lex.lost_members_of for prep in noun.children
                                                   if prep.dep_ == "prep" and prep.lower_ == "of" for p in prep.children)


def _patients_admitted(token, lemma: str, lex: _Lexicon) -> list[tuple[str, object]]:
    """The injured a hospital admitted: 'the hospital received 11 patients from the scene'."""
    found: list[tuple[str, object]] = []
    if lemma in lex.admitting_verbs and token.tag_ in ("VBD", "VBN") and not any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children):
        # 'the hospital received 11 patients from the scene': people brought in hurt (not 'receives 40 a day')
        # ('received 40 patients with flu' is no harm done: a 'with' phrase, on the noun or the verb the parser
        # hangs it on, must then name an injury)
        found += [("injured", c) for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() in lex.patient_nouns
                  and _number_token(c) is not None
                  and (not any(g.dep_ == "prep" and g.lower_ == "with" for w in (token, c) for g in w.children)
                       or _with_an_injury(c, lex) or _with_an_injury(token, lex))]
        # 'the hospital received 15 people with gunshot wounds'
        found += [("injured", c) for c in token.children if c.dep_ == "dobj" and _number_token(c) is not None
                  and c.lemma_.lower() not in lex.patient_nouns and _people_like(c, lex)
                  and (_with_an_injury(c, lex) or _with_an_injury(token, lex))]  # (the parser may hang 'with' on the verb)
    if lemma in lex.hospital_verbs and token.tag_ in ("VBD", "VBZ", "VBP") and _to_a_hospital(token, lex):
        # 'paramedics took two people to hospital', 'took one woman to Kurmin Base Hospital': those carried there
        found += [("injured", c) for c in token.children if c.dep_ == "dobj" and _number_token(c) is not None
                  and _people_like(c, lex)]
    return found



def _the_hurt(token, lemma: str, lex: _Lexicon, found_before: list[tuple[str, object]]) -> list[tuple[str, object]]:
    """The injured of a verb of injury: 'treated for injuries', 'were hit by stray bullets', 'lost limbs', 'doctors
    treated 1,900 people for gunshot wounds' (a subject `found_before` holds as injured already is not repeated)."""
    found: list[tuple[str, object]] = []
    if (lemma in lex.injury_verbs or lemma in lex.hospital_verbs or lemma in lex.healing_verbs or lemma in lex.treatment_verbs
            or lemma in lex.surviving_verbs) \
            and _names_injuries(token, lex):
        # 'twelve were treated for injuries', 'three suffered burns'
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and ("injured", c) not in found_before]
        # ('Eleven others who sustained gunshot wounds are in hospital': the people the relative clause tells of)
        subjects = [token.head if c.lower_ in ("who", "that") and token.dep_ == "relcl" else c for c in subjects]
        if token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX") \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
            # ('he was flung from his bicycle and suffered burns': the subject of the verb it is joined to, one
            # that underwent it or a person, not 'Police arrested three and treated two for injuries')
            subjects += [c for c in token.head.children if ("injured", c) not in found_before and (
                c.dep_ == "nsubjpass" or (c.dep_ == "nsubj" and (c.lower_ in ("he", "she") or _people_like(c, lex))))]
        if lemma in lex.surviving_verbs and token.dep_ == "acl" and token.tag_ == "VBD" and token.head.dep_ == "ROOT":
            subjects.append(token.head)  # ('Two passengers survived with burns', parsed as a noun the verb describes)
        if token.dep_ == "acl" and token.tag_ == "VBG" and _people_like(token.head, lex) and ("injured", token.head) not in found_before:
            subjects.append(token.head)  # ('two people suffering from serious injuries were airlifted')
        if lemma == "have":
            # 'three people had gunshot wounds' (not 'all six victims had gunshot wounds': the dead's; nor 'one has a
            # suspected concussion': a patient's state, not the harm done; nor '15 of the injured had gunshot wounds',
            # a part of a figure, which the parts read)
            subjects = [c for c in subjects if token.tag_ == "VBD" and lex.group_nouns.get(c.lemma_.lower()) != "killed"
                        and lex.group_nouns.get(c.lower_) != "killed"
                        and not any(p.dep_ == "prep" and p.lower_ == "of" and any(lex.group_nouns.get(g.lower_) for g in p.children)
                                    for p in c.children)]
        found += [("injured", c) for c in subjects]
    if lemma in lex.striking_verbs and token.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in token.children) \
            and _struck_by_a_shot_or_in_the_body(token, lex) \
            and not any(c.dep_ == "conj" and (c.lemma_.lower() in lex.hospital_verbs or c.lemma_.lower() in lex.transitive)
                        for c in token.children):  # ('hit by bullets and taken to hospital': the verb after tells it)
        # 'Four were hit by stray bullets', 'nine were hit in the face'
        # (not 'four of the dead had been hit by live rounds': the dead were counted as killed)
        found += [("injured", c) for c in token.children if c.dep_ == "nsubjpass" and _number_token(c) is not None
                  and _people_like(c, lex) and not any(
                      p.dep_ == "prep" and p.lower_ == "of" and any(g.dep_ == "pobj" and lex.group_nouns.get(g.lower_) == "killed"
                                                                    for g in p.children) for p in c.children)]
    if lemma in lex.life_verbs_subject and any(c.dep_ == "dobj" and c.lower_ in lex.lost_body_parts
                                               and not any(g.dep_ == "prep" and g.lower_ == "of" for g in c.children)
                                               for c in token.children):
        # 'Fourteen survivors lost limbs' (not 'lost sight of him', who went out of view)
        found += [("injured", c) for c in token.children if c.dep_ == "nsubj"]
    if lemma == "treat" and _treated_in_hospital(token, lex):
        # '46 others were being treated in hospitals': people in hospital care after the harm are hurt
        # ('22 of the injured were being treated at her clinic': a part of a figure before it, read as such)
        found += [("injured", c) for c in token.children if c.dep_ == "nsubjpass" and _number_token(c) is not None
                  and _people_like(c, lex) and ("injured", c) not in found_before and ("injured", c) not in found
                  and not any(p.dep_ == "prep" and p.lower_ == "of" for p in c.children)]
    if lemma == "treat" and not any(c.dep_ == "nsubjpass" for c in token.children):
        # 'doctors treated 1,900 people for gunshot wounds': the treated are the victims
        found += [("injured", c) for c in token.children if c.dep_ == "dobj" and (_names_injuries(token, lex) or _names_injuries(c, lex))]
    return found


def _treated_in_hospital(token, lex: _Lexicon) -> bool:
    """'were being treated in hospitals', 'are treated at a clinic': a passive treatment in a hospital, for no named
    illness (a 'for' phrase must name an injury: 'treated in hospital for cholera' is no harm done)."""
    passive = any(c.dep_ == "auxpass" for c in token.children)
    for_other = any(c.dep_ == "prep" and c.lower_ == "for" for c in token.children) and not _names_injuries(token, lex)
    return passive and not for_other and _in_hospital(token, lex, treated=True)


def _bodies_recovered(token, lemma: str, lex: _Lexicon) -> list[tuple[str, object]]:
    """The killed whose bodies a verb of recovery finds: 'the body of a fisherman was recovered'."""
    found: list[tuple[str, object]] = []
    if lemma in lex.recovery_verbs:
        # 'the body of a fisherman was recovered', 'pulled the bodies of eight hikers from the snow', 'carry the
        # body of a woman recovered from the rubble'
        bodies = [c for c in token.children if c.dep_ in ("nsubjpass", "dobj") and c.lower_ in lex.body_nouns]
        if token.dep_ == "acl" and token.tag_ == "VBN":  # (the parser hangs the participle on the body or on whose it is)
            bodies += [token.head] if token.head.lower_ in lex.body_nouns else []
            found += [("killed", token.head)] if token.head.dep_ == "pobj" and token.head.head.lower_ == "of" \
                and token.head.head.head.lower_ in lex.body_nouns else []
        found += [("killed", p) for body in bodies for prep in body.children if prep.dep_ == "prep" and prep.lower_ == "of"
                  for p in prep.children if p.dep_ == "pobj"]
        # ('One body was discovered in a vehicle', 'a body was found': one dead, where no 'of' says whose)
        # (the phrase's figure counts it: 'one', or 'a' and 'another', _figure; not in someone's words, 'Every time they
        # find a body I run to see')
        found += [("killed", body) for body in bodies if body.lower_ in ("body", "corpse")
                  and not any(c.dep_ in ("prep", "poss") for c in body.children) and not _quoted(body)]
        # ('a man's body has been found'; not 'her sister's body', someone the text counted or told of before)
        found += [("killed", p) for body in bodies for p in body.children if p.dep_ == "poss"
                  and any(d.dep_ == "det" and d.lower_ in ("a", "an", "another") for d in p.children)]
        # ('the bodies of four women and 11 men were recovered', where the parser makes the second a subject of its own)
        found += [("killed", c) for c in token.children if c.dep_ == "nsubjpass" and c not in bodies and _number_token(c) is not None
                  and any(b.i < c.i and b.dep_ == "nsubjpass" for b in bodies) and c.left_edge.i > 0
                  and c.doc[c.left_edge.i - 1].lower_ == "and"]
    return found


def _members_of_a_group(token, lemma: str, lex: _Lexicon) -> list[tuple[str, object]]:
    """The members a group of victims or a toll includes or consists of: 'the dead included six police officers'."""
    found: list[tuple[str, object]] = []
    if lemma in ("include", "number", "be"):
        # 'the dead included six police officers', 'The dead were 11 policemen and three civilians',
        # 'those killed included four monks'
        # ('the dead, who included 13 women': the group the relative pronoun stands for)
        groups = [(_group_kind(_what_the_pronoun_stands_for(token, lex) if c.lower_ in ("who", "which", "that")
                               and token.dep_ == "relcl" else c, lex), c)
                  for c in token.children if c.dep_ == "nsubj"]
        if lemma == "include":
            # 'the toll includes 19 children', 'a toll that includes 19 children'
            tolls = [c.head.head if c.lower_ in ("that", "which") and token.dep_ == "relcl" else c
                     for c in token.children if c.dep_ == "nsubj"]
            named = [(f"{_compound(t)} {t.lower_}" if _compound(t) else t.lower_, t) for t in tolls]
            groups += [(lex.toll_nouns[name], t) for name, t in named if name in lex.toll_nouns]
        members = [o for o in token.children if o.dep_ in ("dobj", "attr", "npadvmod")]
        if lemma == "include":
            members = [m for o in members for m in _one_or_the_counted(o)]
        found += [(kind, o) for kind, _s in groups if kind for o in members]
    if lemma in lex.made_up_of_verbs:
        # 'the dead consisted of 12 soldiers and three civilians'
        groups = [_group_kind(c, lex) for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        found += [(kind, o) for kind in groups if kind for o in _what_it_is_made_of(token)]
    return found


def _what_the_pronoun_stands_for(clause, lex: _Lexicon):
    """The noun a relative clause describes; or the group of victims after its 'of', where the parser hangs the clause
    on the noun before them ('the identities of the dead, who included 13 women')."""
    noun = clause.head
    if _group_kind(noun, lex) is None:
        group = next((g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                      if g.dep_ == "pobj" and _group_kind(g, lex) is not None), None)
        return group if group is not None else noun
    return noun


def _one_or_the_counted(member) -> list:
    """What a group of victims includes: a count ('six police officers'), one person ('the train's driver'), or of a
    list that names people one by one only the counts in it ('a husband and wife and a pensioner' spells out who died
    of a toll, as names do; 'a police officer and two children')."""
    if _number_token(member) is not None:
        return [member]
    listed = _with_conjuncts(member)
    return [member] if len(listed) == 1 else [m for m in listed[1:] if _number_token(m) is not None]


def _predicate_victims(token, lemma: str, lex: _Lexicon) -> list:
    """The victims' phrases a casualty predicate governs: its subject or object, as its voice and kind say, or the
    noun it describes; failing those, the people the parser hung elsewhere; and those 'along with' them."""
    children = list(token.children)
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in children)
    if lemma in lex.counted_only:
        # ('eliminated three terrorists', 'up to 60 servicemen were eliminated': counted people, or nothing)
        phrases = [c for c in children if c.dep_ == ("nsubjpass" if passive else "dobj")] \
            + [p for c in children if c.dep_ == "prep" and c.lower_ == "up" for p in c.subtree if p.dep_ == "pobj"]
        return [v for v in phrases if _number_token(v) is not None and v.lemma_.lower() in lex.person_nouns]
    victims = _subject_or_object(token, lemma, lex, passive)
    victims += _what_a_state_word_describes(token, lex)
    if not victims:
        victims += _victims_hung_elsewhere(token, lemma, lex, passive)
    if victims:
        # 'died in the crash along with a passenger', 'was killed together with his wife and two children': those
        # the verb takes along with its victims are victims too
        victims += _along_with(token)
    if token.dep_ == "acl" and token.tag_ == "VBN" and token.head in victims and token.head.dep_ == "pobj" \
            and token.head.head.lower_ == "including" and token.head.head.head.dep_ == "ROOT" \
            and _number_token(token.head.head.head) is not None:
        # 'Fourteen civilians including two children martyred': a headline's participle tells of the whole count
        victims.append(token.head.head.head)
    return victims


def _subject_or_object(token, lemma: str, lex: _Lexicon, passive: bool) -> list:
    """The subject of a passive or intransitive predicate, the object of an active transitive one."""
    children = list(token.children)
    victims = [c for c in children if c.dep_ == "nsubjpass"]
    # (a past participle with a subject and an object and no auxiliary is a past tense the tagger misread:
    # 'Two suicide bombers killed at least 22 people'; with 'have' it is a perfect: 'three attacks have killed 12
    # people', whose subject did the killing)
    active_transitive = lemma in lex.transitive and not passive and (
        token.tag_ in ("VBD", "VBZ", "VBP", "VB", "VBG")
        or (token.tag_ == "VBN" and any(c.dep_ == "dobj" for c in children) and any(c.dep_ == "nsubj" for c in children)
            and all(c.lemma_ == "have" for c in children if c.dep_ == "aux")))
    if lemma in lex.intransitive or lemma in lex.intransitive_with_result or _phrasal_kind(token, lex) \
            or (token.lower_ in lex.states and not active_transitive):
        victims += [c for c in children if c.dep_ == "nsubj"]
    if not passive and (lemma in lex.transitive or lemma in lex.with_result or lemma in lex.active_only):
        # 'shelling killed 12', and 'an elephant trampled a farmer to death' (the kind came from the result)
        # (not a distance the parser took for the object: 'was shot and wounded three blocks away')
        victims += [c for c in children if c.dep_ == "dobj" and c.lower_ not in lex.not_people]
        if victims and lemma in lex.transitive:
            # 'killed 60 people at a market in 2012 and nearly 140 pupils at a school in 2015': a second counted object,
            # with its own place and time, that the parser hangs on the verb
            victims += [c for c in children if c.dep_ == "conj" and c.pos_ == "NOUN" and _number_token(c) is not None]
        if not victims:
            # 'killed between 10 and 15 workers', 'killed up to 60 people': the parser hangs the object on a preposition
            victims += [p for c in children if c.dep_ == "prep" and c.lower_ in ("between", "up", "over", "around", "about")
                        for p in c.children if p.dep_ == "pobj"]
    return victims


def _what_a_state_word_describes(token, lex: _Lexicon) -> list:
    """The victims a state word or participle describes: its own number, the noun it qualifies, the object of 'left'
    or 'found', the subject of 'lay'."""
    children = list(token.children)
    victims = []
    # 'left five dead': the state word's own number; '30 people killed in the blast': the noun it describes.
    if token.dep_ in ("oprd", "acomp", "amod", "conj", "ccomp", "xcomp") or token.lower_ in lex.states:
        victims += [c for c in children if c.dep_ in ("nummod", "npadvmod") and _is_number(c) and not _tally_number(c)]
    if token.dep_ in ("acl", "amod") and token.tag_ in ("VBN", "JJ") and token.head.pos_ in ("NOUN", "NUM", "PRON") \
            and token.head.lower_ not in lex.count_nouns and not any(c.dep_ == "dobj" for c in children):
        # ('A gunman killed at least 8 people', which the parser reads as a gunman who was killed: an object
        # says the noun did the killing)
        counted = _number_token(token.head)
        own_state = counted is not None and counted.i > token.i and any(
            c.dep_ in ("acl", "amod") and c.i > counted.i and c.pos_ in ("VERB", "ADJ") for c in token.head.children)
        if not own_state:
            victims.append(token.head)
        elif token.i > 0 and _is_number(token.doc[token.i - 1]):
            # 'Four dead and at least 15 passengers missing': a state word before a noun whose count has a state of its
            # own after it is the state of the number before it
            victims.append(token.doc[token.i - 1])
    # ('a man who died', 'a guard who was shot dead'; not 'a man who stabbed a neighbour to death', who did it)
    if token.dep_ == "relcl" and any(c.dep_ in ("nsubjpass", "nsubj") and c.lower_ in ("who", "that") for c in children) \
            and not any(c.dep_ == "dobj" for c in children):
        victims.append(token.head)
    if token.dep_ == "oprd" and token.head.lemma_ in ("leave", "find", "report", "confirm"):
        victims += [c for c in token.head.children if c.dep_ in ("dobj", "nsubjpass")]
    if token.dep_ == "oprd" and token.head.lemma_ == "leave" and not victims:
        # 'left two men dead', where the parser hangs the men on the state word ('useless' in reworded copy)
        victims += [c for c in children if c.dep_ == "npadvmod" and c.pos_ == "NOUN" and _number_token(c) is not None]
    if token.dep_ == "attr" and token.pos_ == "NOUN" and token.head.lemma_ == "be":
        # 'others were harm' (reworded copy's 'hurt'), which the parser reads as a noun after 'were'
        victims += [c for c in token.head.children if c.dep_ == "nsubj"]
    if token.dep_ == "acomp" and token.head.lemma_ == "be" and token.lower_ in lex.states and not _denied_or_hypothetical(token.head, lex):
        # 'Three of the villagers are dead', 'Three friends are dead': the counted subject of 'be' (not 'Three of them are
        # dead', a part of a figure before it, which the parts read; nor 'The suspect is also dead', 'my daughter is dead',
        # one person the text names or counts elsewhere)
        victims += [c for c in token.head.children if c.dep_ == "nsubj" and _number_token(c) is not None
                    and not _of_a_group_told_before(c, lex)]
    if token.dep_ in ("oprd", "acomp") and token.head.lemma_ == "lie":
        # 'a guard lay dead at the gate', 'my brother was lying dead', 'a woman was found lying dead'
        lying = token.head
        victims += [c for c in lying.children if c.dep_ == "nsubj"]
        if lying.dep_ == "xcomp" and lying.head.lemma_ in ("find", "leave"):
            victims += [c for c in lying.head.children if c.dep_ in ("dobj", "nsubjpass")]
    return victims


def _of_a_group_told_before(subject, lex: _Lexicon) -> bool:
    """'Three of them', 'two of the injured', 'five of those': a number of a group the text counted before."""
    return any(p.dep_ == "pobj" and (p.pos_ == "PRON" or p.lower_ in ("those", "these") or p.lower_ in lex.group_nouns)
               for c in subject.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children)


def _victims_hung_elsewhere(token, lemma: str, lex: _Lexicon, passive: bool) -> list:
    """The victims of a predicate that governs none itself, where the parser hung them: on an aside, on 'aged', on a
    verb of witnessing, of listing or of raising, or on the predicate the predicate is conjoined to."""
    children = list(token.children)
    victims = []
    if passive:
        # 'Eleven passengers, most of them returning from a pilgrimage, were injured': an aside between the
        # figure and its verb that the parser takes for a clause of its own, with the figure as its subject
        victims += [c for aside in children if aside.dep_ == "advcl" and aside.i < token.i
                    for c in aside.children if c.dep_ == "nsubj" and c.i < aside.i and _number_token(c) is not None]
    if not victims and passive and token.head.lower_ == "aged" and token.dep_ in ("ccomp", "conj", "advcl"):
        # 'two toddlers aged eight months to three years were killed': the parser takes 'aged' for the verb
        # and the victims for its subject
        victims += [c for c in token.head.children if c.dep_ == "nsubj" and _number_token(c) is not None]
    if not victims and token.tag_ == "VBN" and lemma in lex.transitive and token.dep_ in ("ccomp", "xcomp", "oprd") \
            and token.head.lemma_.lower() in lex.witnessing_verbs and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in children):
        # 'he saw three neighbours butchered': the people one saw it done to (the parser makes them the participle's subject)
        victims += [c for c in children if c.dep_ == "nsubj"]
    # 'thirty people were listed as injured', 'four were confirmed as dead': the subject of the verb that files them
    listing = _listing_verb(token)
    if not victims and listing is not None and listing.lemma_.lower() in lex.listing_verbs:
        # (a participle with no auxiliary, 'with 30 people still listed as injured', files its subject)
        unaided = listing.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in listing.children)
        victims += [c for c in listing.children if c.dep_ in ("nsubjpass", "dobj") or (unaided and c.dep_ == "nsubj")]
        if listing.dep_ == "acl" and listing.head.pos_ in ("NOUN", "NUM"):
            victims.append(listing.head)  # '30 people listed as injured'
    # 'are estimated to have been killed', 'is believed to have died': the subject is the raising verb's.
    if not victims and token.dep_ == "xcomp":
        victims += [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not victims and token.dep_ == "advcl" and {"to", "have"} <= {c.lower_ for c in children if c.dep_ == "aux"}:
        # 'were confirmed on Friday to have died': the same, where a phrase between makes the parser hang the
        # infinitive apart
        victims += [c for c in token.head.children if c.dep_ == "nsubjpass"]
    # 'twelve were killed and dozens more injured': a conjoined predicate shares its head's subject.
    previous = token.doc[token.i - 1] if token.i > 0 else token
    # ('a boy was shot and wounded': the second participle of a passive, which the tagger may read as a past tense)
    passive_head = token.tag_ == "VBD" and any(c.dep_ == "auxpass" for c in token.head.children)
    if not victims and token.dep_ == "conj" and (lemma in lex.intransitive or token.tag_ == "VBN" or passive_head) \
            and previous.pos_ in ("CCONJ", "PUNCT", "ADV"):  # not 'and another two people injured'
        victims += [c for c in token.head.children if c.dep_ in ("nsubjpass", "nsubj")]
        if token.head.dep_ == "relcl" and any(v.lower_ in ("who", "that") for v in victims):
            victims.append(token.head.head)  # 'an apprentice, who was injured in the blast and died in hospital'
    return victims
