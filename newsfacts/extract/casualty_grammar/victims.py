"""The victims a casualty predicate states, as (kind, head token) pairs: _victims_of asks verb_victims about a
verb and reads here the predicates a noun or a verb of being heads: a toll, a counted noun ('15 deaths'), a hurt
condition ('three are critical'), a group ('among the dead were ...'), an event noun ('the killing of 34 soldiers'),
a count noun ('the number of rebels killed').
"""

from __future__ import annotations

from newsfacts.extract.casualty_grammar.counts import _is_number, _number_token, _with_conjuncts
from newsfacts.extract.casualty_grammar.lexicon import _NUMBER_NOUNS, AMONG, _Lexicon
from newsfacts.extract.casualty_grammar.parse_checks import (_an_injury, _compound, _denied_or_hypothetical,
                                                             _in_a_hurt_condition, _in_hospital, _kind_of_those,
                                                             _named_after_a_comma, _of_whom, _people_like, _sentence_before,
                                                             _to_hospital)
from newsfacts.extract.casualty_grammar.phrase_figures import _is_single_person
from newsfacts.extract.casualty_grammar.tolls import _toll_numbers
from newsfacts.extract.casualty_grammar.verb_victims import _victims_of_a_verb


def _victims_of(token, lex: _Lexicon) -> list[tuple[str, object]]:
    """(kind, victims' head token) pairs that `token`, as a casualty predicate, states."""
    if _denied_or_hypothetical(token, lex):
        return []
    found: list[tuple[str, object]] = []
    # (and a state word the parser read as a noun after 'be': 'were harm', see _what_a_state_word_describes)
    if token.pos_ in ("VERB", "AUX", "ADJ") or token.tag_ in ("VBN", "VBD", "VBG") \
            or (token.dep_ == "attr" and token.lower_ in lex.states and token.head.lemma_ == "be"):
        found += _victims_of_a_verb(token, lex)
    found += _victims_of_a_toll_noun(token, lex)
    found += _victims_of_a_counted_noun(token, lex)
    found += _victims_in_a_hurt_condition(token, lex)
    found += _victims_among_a_group(token, lex)
    found += _victims_of_an_event_noun(token, lex)
    found += _victims_of_a_count_noun(token, lex)
    found += _everyone_aboard(token, lex)
    found += _brought_out_with_injuries(token, lex)
    return found


def _brought_out_with_injuries(token, lex: _Lexicon) -> list[tuple[str, object]]:
    """'Three miners were rescued with serious injuries', 'two were left with burns': the counted subject of a passive
    verb of rescue (rules/casualties.toml rescue_verbs) whose 'with' phrase names an injury is hurt (not 'five men
    were found with gunshot wounds', who may have been found dead; not 'ruled out of the rally with injuries')."""
    if token.dep_ != "pobj" or token.head.lower_ != "with" or not _an_injury(token, lex):
        return []
    verb = token.head.head
    if verb.pos_ != "VERB" or not any(c.dep_ == "auxpass" for c in verb.children) or verb.lemma_.lower() not in lex.rescue_verbs \
            or _denied_or_hypothetical(verb, lex):
        return []
    return [("injured", c) for c in verb.children if c.dep_ == "nsubjpass" and _number_token(c) is not None
            and _people_like(c, lex) and not _of_whom(c)]


_EVERYONE = frozenset({"all", "everyone", "everybody"})


def _everyone_aboard(token, lex: _Lexicon) -> list[tuple[str, object]]:
    """'A plane carrying 48 people crashed, killing all aboard', 'killing everyone on board': the people the sentence
    counted before the verb (not 'all but two')."""
    if lex.transitive.get(token.lemma_.lower()) != "killed" or token.pos_ != "VERB":
        return []
    everyone = [t for t in token.subtree if t.lower_ in _EVERYONE and t.i > token.i]
    if not everyone or any(t.lower_ in ("but", "except") for t in token.subtree if t.i > token.i):
        return []
    counted = next((t for t in token.sent if t.i < token.i and t.pos_ == "NOUN" and _number_token(t) is not None
                    and (t.lemma_.lower() in lex.person_nouns or t.lower_ in ("people", "persons"))), None)
    return [("killed", counted)] if counted is not None and not any(_victims_phrase(c) for c in token.children) else []


def _victims_phrase(child) -> bool:
    """A victims' phrase of the verb's own ('killing 12 and wounding'): then the verb counts its own."""
    return child.dep_ == "dobj" and child.lower_ not in _EVERYONE


def _victims_of_a_toll_noun(token, lex: _Lexicon) -> list[tuple[str, object]]:
    """The counts of a toll ('the death toll rose to 20') or of a number of the dead ('the number of deaths rose to 28')."""
    lower = token.lower_
    found: list[tuple[str, object]] = []
    if token.pos_ == "NOUN" and (lower in lex.toll_nouns or f"{_compound(token)} {lower}" in lex.toll_nouns):
        found += [(lex.toll_nouns.get(lower, "killed"), n) for n in _toll_numbers(token)]
    elif token.pos_ == "NOUN" and lower in _NUMBER_NOUNS:
        # 'the total number of deaths linked to the storm rose to 28': a number of the dead is a toll
        counted = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                   if g.dep_ == "pobj" and g.lower_ in lex.group_nouns and _number_token(g) is None]
        if counted and not _denied_or_hypothetical(token.head, lex):
            found += [(lex.group_nouns[counted[0].lower_], n) for n in _toll_numbers(token)]
        elif token.dep_ == "nsubj" and token.head.lemma_.lower() in lex.rise_verbs and not _denied_or_hypothetical(token.head, lex) \
                and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) \
                and not any(c.dep_ == "prep" for c in token.children):
            # 'Officials confirmed 13 deaths. By Wednesday the figure had gone up to 19': the count of the one kind of
            # casualty the sentence before counted
            kind = _kind_of_the_sentence_before(token, lex)
            found += [(kind, n) for n in _toll_numbers(token)] if kind else []
    return found


def _victims_of_a_counted_noun(token, lex: _Lexicon) -> list[tuple[str, object]]:
    """A noun that counts casualties by its number: '15 deaths have been reported', 'dozens of deaths', 'civilian
    deaths exceed 11,000'."""
    lower = token.lower_
    found: list[tuple[str, object]] = []
    if token.pos_ == "NOUN" and lower in lex.counted_nouns and any(c.lower_ in lex.not_done_words for c in token.children):
        pass  # '1,800 attempted murders' killed no one
    elif token.pos_ in ("NOUN", "ADJ") and lower in lex.counted_nouns and _number_token(token) is not None \
            and (token.dep_ != "pobj" or (token.head.lower_ in ("to", "in") and token.head.head.pos_ == "VERB")) \
            and not _denied_or_hypothetical(token.head, lex):
        # '15 deaths have been reported', '22 homicides were recorded', 'four bodies were found', 'the strike
        # led to four martyrs' (not 'the families of the two martyrs')
        found.append((lex.counted_nouns[lower], token))
    elif token.pos_ == "NOUN" and lower in lex.counted_nouns and token.dep_ == "pobj" and token.head.lower_ == "of" \
            and _is_number(token.head.head) and token.head.head.pos_ == "NOUN" and not _denied_or_hypothetical(token.head.head.head, lex):
        # 'the fighting caused dozens of deaths', 'hundreds of injuries' (not 'three of the bodies', a part of a count)
        found.append((lex.counted_nouns[lower], token.head.head))
    elif token.pos_ == "NOUN" and lower in lex.counted_nouns and token.dep_ == "nsubj" and not _denied_or_hypothetical(token.head, lex):
        # 'civilian deaths since the invasion exceed 11,000': the count is the verb's, as a toll's is
        found += [(lex.counted_nouns[lower], n) for n in _toll_numbers(token)]
    if token.pos_ == "NOUN" and lower in lex.body_nouns and (lower in lex.counted_nouns or lower in ("body", "corpse")) \
            and not _denied_or_hypothetical(token.head, lex):
        # 'the bodies of 42 passengers were taken to hospital', 'flew home the charred bodies of the six crew': counted
        # by whose they are, bodies are the dead's, whatever is done with them ('the bodies of a family of five'; 'the
        # bodies of six women and three children', each count, where the parser hangs the second on the bodies)
        owners = [m for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"
                  for m in _with_conjuncts(p)]
        owners += [c for c in token.children if c.dep_ == "conj" and owners and c.i > owners[0].i and c.lower_ not in lex.body_nouns]
        found += [("killed", p) for p in owners
                  if _number_token(p) is not None and (_people_like(p, lex) or p.lower_ in ("family", "household"))]
        # ('he saw the body of a European woman', 'carrying the body of her infant son': one dead, whatever is done
        # with the body; not one it names, 'the body of his brother, Jan Doe,', a victim of a count the text gave)
        found += [("killed", p) for p in owners if lower in ("body", "corpse") and _is_single_person(p, lex)
                  and not _named_after_a_comma(p)]
    return found


def _victims_in_a_hurt_condition(token, lex: _Lexicon) -> list[tuple[str, object]]:
    """The injured a verb of being or leaving puts in a hurt condition or in hospital: 'three are critical', 'eight
    more were left critical', 'Three are in critical condition'."""
    lemma = token.lemma_.lower()
    found: list[tuple[str, object]] = []
    if lemma in ("be", "remain") and any(c.dep_ == "acomp" and c.lower_ in lex.hurt_conditions for c in token.children):
        # 'two more are stable', 'three are critical': people in a hurt condition, said with the adjective alone
        found += [("injured", c) for c in token.children if c.dep_ == "nsubj" and _number_token(c) is not None
                  and not _of_whom(c) and _people_like(c, lex)]
    if lemma == "leave" and any(c.dep_ in ("oprd", "acomp") and c.lower_ in lex.hurt_conditions for c in token.children):
        # 'eight more were left critical'
        found += [("injured", c) for c in token.children if c.dep_ == "nsubjpass" and _number_token(c) is not None
                  and not _of_whom(c) and _people_like(c, lex)]
    in_hospital = lemma in ("be", "remain", "stay") and not _in_a_hurt_condition(token, lex) and _in_hospital(token, lex)
    listed = lemma in lex.listing_verbs and _in_a_hurt_condition(token, lex)  # 'Two were listed in critical condition'
    if (lemma in ("be", "remain", "stay", "lie", "leave") and (_in_a_hurt_condition(token, lex) or in_hospital)) or listed:
        # 'Three are in critical condition'
        # (a part of a figure before it, 'of whom two remain in serious condition', is read as a part)
        # ('about a dozen were said to be in critical condition': the subject of the verb that raises it)
        # ('The blast left three people in critical condition': the ones it left)
        subjects = [c for c in token.children if c.dep_ == ("dobj" if lemma == "leave" else "nsubj") or c.dep_ == "nsubjpass"] or (
            [c for c in token.head.children if c.dep_ == "nsubjpass"] if token.dep_ == "xcomp" else [])
        # ('A second passenger was left in a critical condition': one person, brought in with 'a' or 'another'; 'The
        # pilot was in critical condition', one the text told of before with no word of harm, in a condition only: in
        # hospital alone, the one may be a figure's victim visited again)
        found += [("injured", c) for c in subjects if (_number_token(c) is not None or (
                      c.tag_ == "NN" and any(d.dep_ == "det" and (d.lower_ in ("a", "an", "another") or (
                          d.lower_ == "the" and not in_hospital and lemma != "leave")) for d in c.children)))
                  and not _of_whom(c) and _people_like(c, lex)
                  # ('Fourteen of the injured remain in hospital': a part of a figure, read as such)
                  and not (in_hospital and any(p.dep_ == "prep" and p.lower_ == "of" for p in c.children))]
    return found


def _victims_among_a_group(token, lex: _Lexicon) -> list[tuple[str, object]]:
    """Victims 'among' a group of them: 'Among the dead were three children', 'A reporter was among those killed'."""
    lemma = token.lemma_.lower()
    found: list[tuple[str, object]] = []
    if lemma == "be":
        # 'Among the dead were three children', 'There were two boys among the dead' ('among' on the verb or the noun)
        # (each counted conjunct of a subject: 'Among them were women and at least six children')
        subjects = [(first, subject) for first in token.children if first.dep_ in ("attr", "nsubj")
                    for subject in [first] + [c for c in _with_conjuncts(first)[1:] if _number_token(c) is not None]]
        for first, subject in subjects:
            among = [p for holder in (token, first) for c in holder.children if c.dep_ == "prep" and c.lower_ in AMONG
                     for p in c.children if p.dep_ == "pobj"]
            kinds = [lex.group_nouns[p.lower_] if p.lower_ in lex.group_nouns else _kind_of_those(p, lex)
                     or (_kind_of_the_sentence_before(p, lex) if p.lower_ == "them" and _opens_its_sentence(p.head) else None)
                     for p in among]  # ('Among them were ...' opening a sentence: those the sentence before counted)
            # ('Three children were among those killed': 'those' and the participle that says what befell them; one
            # victim among them is part of the count, no figure of its own, as the guide says of a named victim)
            # ('A reporter was among those killed', 'A commander was among the fighters killed': one victim the text
            # brings in, among people it does not count, counts as one)
            counted = kinds and kinds[0] and (lex.group_nouns.get(among[0].lower_) or _number_token(subject) is not None
                                              or (_is_single_person(subject, lex) and _number_token(among[0]) is None
                                                  and not any(c.dep_ == "poss" for c in subject.children)))
            # ('The eight are among the 43 people killed': the eight the text counted before)
            told_before = subject.pos_ == "NUM" and any(c.dep_ == "det" and c.lower_ in ("the", "these", "those")
                                                        for c in subject.children)
            found += [(kinds[0], subject)] if counted and not told_before else []
    return found


def _opens_its_sentence(token) -> bool:
    """Whether the token is its sentence's first word (after an opening quotation mark)."""
    return all(t.is_punct for t in token.doc[token.sent.start:token.i])


def _kind_of_the_sentence_before(word, lex: _Lexicon) -> str | None:
    """'I counted 31 corpses. Among them were at least six children': the one kind of casualty the sentence before,
    in the word's paragraph, counts ('corpses', 'killed'), or None ('Police arrested 12 people. Among them ...')."""
    before = _sentence_before(word)
    if before is None or not any(_is_number(t) for t in before):
        return None
    kinds = {"killed" for t in before if t.lemma_.lower() in lex.body_nouns or t.lower_ in lex.body_nouns}
    kinds |= {kind for t in before for kind in (lex.transitive.get(t.lemma_.lower()), lex.intransitive.get(t.lemma_.lower()),
                                                 lex.states.get(t.lower_), lex.group_nouns.get(t.lower_), lex.event_nouns.get(t.lower_),
                                                 lex.toll_nouns.get(t.lower_)) if kind}
    kinds &= {"killed", "injured"}
    return next(iter(kinds)) if len(kinds) == 1 else None


def _victims_of_an_event_noun(token, lex: _Lexicon) -> list[tuple[str, object]]:
    """Victims a noun for an injury, a loss or a killing names: '27 patients with gunshot wounds', 'sank with the loss
    of six men', 'the killing of 34 soldiers'."""
    lower = token.lower_
    found: list[tuple[str, object]] = []
    if token.pos_ == "NOUN" and lower in lex.injury_nouns and token.dep_ == "pobj" and token.head.lower_ == "with" \
            and not _denied_or_hypothetical(token.head.head, lex) and _number_token(token.head.head) is not None:
        found.append(("injured", token.head.head))  # '27 patients with gunshot wounds', 'nine of them with serious injuries'
    if token.pos_ == "NOUN" and lower == "loss" and token.dep_ == "pobj" and token.head.lower_ == "with":
        # 'the trawler sank with the loss of six men' (but 'the loss of 300 jobs', 'the loss of 40 workers to rivals')
        found += [("killed", p) for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of"
                  for p in prep.children if p.dep_ == "pobj" and p.lower_ not in lex.life_nouns]
    if token.pos_ == "NOUN" and lower in lex.event_nouns:
        # 'the killing of 12 border guards', 'resulted in the deaths of at least 48 people'
        found += [(lex.event_nouns[lower], p) for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of"
                  for p in prep.children if p.dep_ == "pobj" and p.lower_ not in lex.life_nouns]  # 'the loss of 212 lives': read as lives lost
    return found


def _victims_of_a_count_noun(token, lex: _Lexicon) -> list[tuple[str, object]]:
    """The counts of a number of people a clause or participle says were killed or hurt: 'the number of rebels killed
    rose to 212', 'the number who perished climbed to 90'."""
    lower = token.lower_
    found: list[tuple[str, object]] = []
    if token.pos_ == "NOUN" and lower in lex.count_nouns:
        # 'the number of rebels killed since the offensive began rose to at least 212'
        described = [p for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of"
                     for p in prep.children if p.dep_ == "pobj"]
        # 'the number who perished climbed to 90', 'the number of people who died has risen to 45': a number of those the
        # clause says died is a toll
        clauses = [c for noun in (token, *described) for c in noun.children if c.dep_ == "relcl"
                   and any(s.dep_ in ("nsubj", "nsubjpass") and s.lower_ in ("who", "that") for s in c.children)]
        for clause in clauses:
            kind = lex.intransitive.get(clause.lemma_.lower()) or (
                lex.transitive.get(clause.lemma_.lower()) if any(c.dep_ == "auxpass" for c in clause.children) else None)
            if kind is not None and not _denied_or_hypothetical(clause, lex):
                found += [(kind, n) for n in _toll_numbers(token)]
                break
        # ('a tally had set the number of killed at 31': the participle itself after 'of', the count on it)
        participles = [p for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of" for p in prep.children
                       if p.dep_ == "pcomp" and p.tag_ == "VBN" and p.lemma_.lower() in lex.transitive]
        for participle in participles:
            found += [(lex.transitive[participle.lemma_.lower()], p) for prep in participle.children if prep.dep_ == "prep"
                      and prep.lower_ in ("to", "at") for p in prep.children if p.dep_ == "pobj" and _is_number(p)]
        for noun in described:
            participle = next((c for c in [*noun.children, *token.children] if c.dep_ in ("acl", "amod", "relcl")
                               and (c.lemma_.lower() in lex.transitive or c.lower_ in lex.states)), None)
            kind = (lex.transitive.get(participle.lemma_.lower()) or lex.states[participle.lower_]) if participle is not None else None
            if participle is None:
                participle, kind = _participle_of_harm(noun, lex)
            if participle is not None:
                # (the count on the participle, or on a verb of rising the parser hung inside its clause: 'the number of
                # people known to have died has risen to 38')
                holders = [participle, *(v for v in participle.subtree if v.lemma_.lower() in lex.rise_verbs)]
                numbers = _toll_numbers(token) + [p for holder in holders for prep in holder.children if prep.dep_ == "prep"
                                                  and prep.lower_ in ("to", "at") for p in prep.children
                                                  if p.dep_ == "pobj" and _is_number(p)]
                found += [(kind, n) for n in dict.fromkeys(numbers)]
    return found


def _participle_of_harm(noun, lex: _Lexicon):
    """'people taken to hospital' (injured), 'people known to have died', 'people believed to have been killed': the
    participle after the noun a count noun's 'of' names, and the kind of harm it says, or (None, None)."""
    for clause in (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"):
        if clause.lemma_.lower() in lex.hospital_verbs and _to_hospital(clause, lex):
            return clause, "injured"
        for verb in (c for c in clause.children if c.dep_ == "xcomp"):
            kind = lex.intransitive.get(verb.lemma_.lower()) or (
                lex.transitive.get(verb.lemma_.lower()) if any(c.dep_ == "auxpass" for c in verb.children) else None)
            if kind is not None:
                return clause, kind
    return None, None
