"""The grammar finder reads figures from the dependency parse: one shape, whatever lies between its parts.
Sentences written for these tests (none from any corpus)."""

import pytest

from newsfacts.extract.casualty_grammar import find_grammar_figures


def grammar(nlp, text):
    doc = nlp(text)
    return [(f.kind, f.count.count_min, f.count.count_max, f.count.precision, f.sub_figure_of is not None)
            for f in find_grammar_figures(doc[:])]


@pytest.mark.parametrize("text,expected", [
    # an apposition between the number and its verb
    ("Four farmers, two of them brothers, were killed in the raid.",
     [("killed", 4, 4, "exact", False), ("killed", 2, 2, "exact", True)]),
    # the figure as a noun phrase
    ("The dead included six police officers.", [("killed", 6, 6, "exact", False)]),
    ("The storm left five dead and 20 wounded.", [("killed", 5, 5, "exact", False), ("injured", 20, 20, "exact", False)]),
    ("The fire claimed the lives of at least 20 people.", [("killed", 20, None, "at_least", False)]),
    ("Prosecutors condemned the killing of 34 soldiers.", [("killed", 34, 34, "exact", False)]),
    ("Officials said the clashes brought the toll to nine.", [("killed", 9, 9, "exact", False)]),
    ("The death toll stands at 27.", [("killed", 27, 27, "exact", False)]),
    ("The raids bring the number of rebels killed this month to at least 212.", [("killed", 212, None, "at_least", False)]),
    # single victims described, not named
    ("A guard was shot dead outside the bank.", [("killed", 1, 1, "exact", False)]),
    ("A steward was hurt when a flare landed in the stand.", [("injured", 1, 1, "exact", False)]),
    # the treated, when the text says for what
    ("Doctors treated more than 1,900 people for gunshot wounds this year.", [("injured", 1900, None, "at_least", False)]),
    # a running total told by the victim's ordinal, from the third on
    ("A fourth, a 52-year-old shift supervisor, died in hospital on Friday.", [("killed", 4, 4, "exact", False)]),
    ("A fifth victim was killed on Sunday.", [("killed", 5, 5, "exact", False)]),
    ("A member of a vigilante force was killed in the raid.", [("killed", 1, 1, "exact", False)]),
    ("A woman was fatally stabbed on the platform.", [("killed", 1, 1, "exact", False)]),
    ("His brother, a driver, was killed in the ambush.", [("killed", 1, 1, "exact", False)]),
    ("One soldier was killed and another wounded in the shelling.", [("killed", 1, 1, "exact", False), ("injured", 1, 1, "exact", False)]),
    # a raising verb between subject and predicate
    ("Up to 60 people are believed to have died in the flood.", [("killed", 60, 60, "at_most", False)]),
    ("Nine people, including two nurses, were taken to hospital.",
     [("injured", 9, 9, "exact", False), ("injured", 2, 2, "exact", True)]),
    ("Tens of thousands have died since the war began.", [("killed", 10000, None, "vague", False)]),
    ("A dozen people were hurt.", [("injured", 12, None, "approximately", False)]),
    ("The blast killed between 10 and 15 workers.", [("killed", 10, 15, "approximately", False)]),
    ("Twelve people were treated for injuries at the scene.", [("injured", 12, 12, "exact", False)]),
    # the injuries a noun before them sorts
    ("Another 14 sustained various degrees of injuries in the stampede.", [("injured", 14, 14, "exact", False)]),
    ("Six passengers were treated for different degrees of burns.", [("injured", 6, 6, "exact", False)]),
    ("Nine climbers were treated for frostbite and injuries.", [("injured", 9, 9, "exact", False)]),
    # 'both' counts two
    ("Both were killed when the roof fell in.", [("killed", 2, 2, "exact", False)]),
    ("Three firefighters suffered burns.", [("injured", 3, 3, "exact", False)]),
    ("Among the dead were three children.", [("killed", 3, 3, "exact", False)]),
    ("A total of 20 people died in the fire.", [("killed", 20, 20, "exact", False)]),
    ("The floods claimed 30 lives last week.", [("killed", 30, 30, "exact", False)]),
    # 'including' hung on the verb, counted nouns, 'there were ... among the dead'
    ("The strike killed at least 11, including three children.", [("killed", 11, None, "at_least", False), ("killed", 3, 3, "exact", True)]),
    # ... or on the verb the casualty verb completes
    ("At least eight hikers were reported to be killed, including two guides.",
     [("killed", 8, None, "at_least", False), ("killed", 2, 2, "exact", True)]),
    ("Fifteen deaths have been reported in the county.", [("killed", 15, 15, "exact", False)]),
    ("Four bodies were found in the church.", [("killed", 4, 4, "exact", False)]),
    ("There were two teenage boys among the dead.", [("killed", 2, 2, "exact", False)]),
    # a running total (the guide: 'the sixth fatality' counts 6)
    ("Health officials confirmed a 6th fatality linked to the outbreak.", [("killed", 6, 6, "exact", False)]),
    ("It was the ninth death in the region this year.", [("killed", 9, 9, "exact", False)]),
    ("Another man, believed to be a contractor, died in the blast.", [("killed", 1, 1, "exact", False)]),
    ("In the region, a woman was killed and another two people injured in the attack.",
     [("killed", 1, 1, "exact", False), ("injured", 2, 2, "exact", False)]),
    # bodies recovered, a gunman who killed himself, a victim inside a figure, a martyrdom, a toll's earlier count
    ("The body of a fisherman was recovered from the estuary.", [("killed", 1, 1, "exact", False)]),
    ("Rescuers said the bodies of eight climbers had been recovered.", [("killed", 8, 8, "exact", False)]),
    ("The gunman killed four colleagues before killing himself.",
     [("killed", 4, 4, "exact", False), ("killed", 1, 1, "exact", False)]),
    ("Five people were killed, including the gunman.", [("killed", 5, 5, "exact", False), ("killed", 1, 1, "exact", True)]),
    ("Eleven of our men were martyred in the assault.", [("killed", 11, 11, "exact", False)]),
    # each part of a list of victims is a figure, though it lies between the first number and the verb
    ("Two soldiers and three civilians were killed in the attack.",
     [("killed", 2, 2, "exact", False), ("killed", 3, 3, "exact", False)]),
    ("The death toll rose to 14 on Monday, up from 11 on Saturday.",
     [("killed", 14, 14, "exact", False), ("killed", 11, 11, "exact", False)]),
    # an aside the parser takes for a clause of its own; a death as the result of an active verb; a lost limb
    ("Eleven passengers, most of them returning from a pilgrimage, were injured when the bus overturned.",
     [("injured", 11, 11, "exact", False)]),
    ("An elephant trampled a farmer to death near the reserve.", [("killed", 1, 1, "exact", False)]),
    ("Fourteen survivors lost limbs in the blast.", [("injured", 14, 14, "exact", False)]),
    # a count of deaths given by its verb, as a toll's is
    ("Monitors say civilian deaths since the start of the invasion exceed 11,000.", [("killed", 11000, 11000, "exact", False)]),
    # one person named beside what they do
    ("A ferry engineer, Jonas Pellegrini, was killed when the boiler burst.", [("killed", 1, 1, "exact", False)]),
])
def test_shapes_of_a_figure(nlp, text, expected):
    assert grammar(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "No one was hurt in the fire.",
    "Experts warned the virus could kill thousands.",
    "The board killed the deal and cut 300 jobs.",
    "The company sold 120 cars, compared with 91 last year.",
    "Thirty sheep died in the storm.",
    "He scored 30 goals before he was injured in 2010.",
    "Two men were gunned down outside the club.",  # shot, but the text does not say hurt or killed
    "He was treated for shock.",
    "No deaths were reported.",
    "It was the first time the club had won the cup.",
    "Deaths from the virus could reach thousands.",
    "The gang threatened to kill 20 hostages unless a ransom was paid.",  # an intent, not a deed
    "After forcing them to lie in rows, the soldiers killed the prisoners one by one.",  # how, not how many
    "Medics treated 40 people for shock.",  # shock is no injury
    "The second victim died on Tuesday.",  # 'the second' tells a pair apart
    "The rebels received arms from abroad and the team lost two games.",  # arms are weapons; games are no limbs
    "The crowd beat the two thieves.",  # beaten, but not to death
    "If you kill 27 people and nobody is tried, you are telling them to do it again.",  # a condition
    "The president is in stable condition after surgery.",  # no count
    "The merger led to the loss of 300 jobs.",  # jobs are no people
    "The clinic receives 40 patients a day.",  # a clinic's routine, not an incident's hurt
    "The ward admitted 35 patients with a fever overnight.",  # an illness, not a harm
    "Not one person was killed.",  # denied, on the number
    "Not a single officer was hurt.",  # denied, on the noun
    "In not one of the 37 incidents was a police officer killed.",  # denied, on the clause's place
    "If three of the villagers are dead, we will leave.",  # a condition
    "The company eliminated 300 jobs.",  # 'eliminated' kills only counted people
    "Kurmistan eliminated Dalen from the tournament.",
    "The team eliminated two rivals on its way to the final.",
    "The reform eliminated 40 posts.",
    "Troops neutralised 12 militants in the forest.",  # captured or killed: no death told
    "One body represents the farmers.",  # a body that is found is a dead one; this one is not
    "A governing body was set up to run the camp.",
    '"Every time they find a body I run to see if it is my son," he said.',  # in someone's words: what keeps happening
])
def test_look_alikes_are_no_figures(nlp, text):
    assert grammar(nlp, text) == []


def test_a_number_written_in_words_with_a_hyphen_is_one_figure(nlp):
    # the tokenizer splits 'Forty-three' at its hyphen: the parse must still read 43, not a second figure of 3
    assert grammar(nlp, "Forty-three passengers lost their lives when the ferry capsized.") == [("killed", 43, 43, "exact", False)]


def test_a_bare_number_with_its_own_clause_is_not_a_conjunct_of_the_figure(nlp):
    # '18 who are missing' states its own fate; a conjoined noun phrase without one shares the verb's
    assert grammar(nlp, "They gave a list of 57 people who were killed in the raid and 18 who are missing.") == [
        ("killed", 57, 57, "exact", False)]
    assert grammar(nlp, "Gunmen killed 12 workers and three policemen who were guarding the site.") == [
        ("killed", 12, 12, "exact", False), ("killed", 3, 3, "exact", False)]


@pytest.mark.parametrize("text,expected", [
    # a verb with its particle
    ("Eight others passed away while receiving treatment.", [("killed", 8, 8, "exact", False)]),
    # the group noun as the subject of 'be', and 'the deceased' as a group
    ("The dead were 11 policemen and three civilians.", [("killed", 11, 11, "exact", False), ("killed", 3, 3, "exact", False)]),
    ("Among the deceased are eight women and three children.", [("killed", 8, 8, "exact", False), ("killed", 3, 3, "exact", False)]),
    # a part after a later figure is that figure's, wherever the parser hangs it
    ("The ministry said 38 people had died and 27 had been injured, nine of them seriously.",
     [("killed", 38, 38, "exact", False), ("injured", 27, 27, "exact", False), ("injured", 9, 9, "exact", True)]),
    # each conjunct of an apposition with its own number
    ("At least 40 people were killed, among them 12 women and nine children.",
     [("killed", 40, None, "at_least", False), ("killed", 12, 12, "exact", True), ("killed", 9, 9, "exact", True)]),
    # burying in the active; a death pronounced
    ("So far we have buried 23 people.", [("killed", 23, 23, "exact", False)]),
    ("Three people were declared dead at the hospital.", [("killed", 3, 3, "exact", False)]),
    # 'those killed' as a group; the count a toll rose from; a toll 'as high as'
    ("Health workers said those killed included four monks.", [("killed", 4, 4, "exact", False)]),
    ("The death toll has risen to 26, from 19 on Tuesday.", [("killed", 26, 26, "exact", False), ("killed", 19, 19, "exact", False)]),
    ("Local sources put the death toll as high as 38.", [("killed", 38, 38, "at_most", False)]),
    # a part set after the victims as 'among them', which the parser hangs on the verb
    ("Armed men killed at least 64 villagers, among them 19 children, in a raid.",
     [("killed", 64, None, "at_least", False), ("killed", 19, 19, "exact", True)]),
    # the count a figure is compared with, of another period
    ("At least 127 policemen were killed in the first half of the year, compared with 91 in the same period last year.",
     [("killed", 127, None, "at_least", False), ("killed", 91, 91, "exact", False)]),
    # ... but not a count of other things, nor of people the clause after it says something else of
    ("Twelve people died on the roads over the weekend, compared with 40 million travellers last year.",
     [("killed", 12, 12, "exact", False)]),
    ("At least 14 people were killed in the riots, compared to 300 who were arrested.", [("killed", 14, None, "at_least", False)]),
    # the victims 'with' their wounds; people 'in critical condition'
    ("The hospital received 27 patients with gunshot and shrapnel wounds.", [("injured", 27, 27, "exact", False)]),
    ("Five people were wounded. Three are in critical condition.",
     [("injured", 5, 5, "exact", False), ("injured", 3, 3, "exact", False)]),
    ("Five people remain in serious condition.", [("injured", 5, 5, "exact", False)]),
    # 'with the loss of' the victims; a hospital that received patients from the scene
    ("The trawler sank with the loss of six men.", [("killed", 6, 6, "exact", False)]),
    ("The city hospital received 11 patients from the scene.", [("injured", 11, 11, "exact", False)]),
    # a toll that rose to a number of people, with what it is a toll of between
    ("Officials said the death toll for the landslide had risen to 47 people.", [("killed", 47, 47, "exact", False)]),
    # one person the text told of before, whose death it states here; not one of a count ('the second victim')
    ("The gunman was shot dead by officers outside the depot.", [("killed", 1, 1, "exact", False)]),
    ("The second victim was killed near the market.", []),
    # a perfect tense's subject did the killing; its object was killed
    ("Three attacks on the highway have killed 12 people this month.", [("killed", 12, 12, "exact", False)]),
    # the one victim whose life a disaster claimed; a headline's victim without its article
    ("The blaze claimed a tenant's life early on Sunday.", [("killed", 1, 1, "exact", False)]),
    ("Teenager dies after fall from bridge\n\nDetectives appealed for witnesses.", [("killed", 1, 1, "exact", False)]),
    # a number beside a count that says how far it lies from another is no part of it
    ("The flood took the toll for the season to 31 deaths, seven fewer than in the last one.", [("killed", 31, 31, "exact", False)]),
    ("Detectives appealed for witnesses.\nTeenager was last seen in the park.", []),
    # everyone on board, counted before the verb; not all but some
    ("A passenger plane carrying 48 people on a domestic flight crashed on a mountainside, killing all aboard.",
     [("killed", 48, 48, "exact", False)]),
    ("A bus carrying 40 people plunged into a gorge, killing all but two of them.", []),
    # a state word set on the first of two phrases is that phrase's alone
    ("Search for ferry missing\n\nSix dead and at least 20 passengers missing after second ferry accident in a week.",
     [("killed", 6, 6, "exact", False)]),
])
def test_more_shapes_of_a_figure(nlp, text, expected):
    assert grammar(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Of the injured, six are in critical condition.", [("injured", 6)]),
    ("Officials said 11 of the dead had been recovered from the landslide.", [("killed", 11)]),
    ("The hospital received 19 of the injured, the director said.", [("injured", 19)]),
    ("We have verified every one of these deaths with families and hospitals.", []),  # each of them, not one more
])
def test_parts_of_the_dead_or_the_injured(nlp, text, expected):
    from newsfacts.extract.casualty_grammar import parts_of_earlier_figures

    parts = parts_of_earlier_figures(nlp(text)[:])
    assert [(p.kind, p.count.count_min) for p in parts] == expected


@pytest.mark.parametrize("text,expected", [
    # 'the other' alone is one person of those the sentence told of
    ("Seven hikers died on the ridge while the other succumbed in hospital.",
     [("killed", 7, 7, "exact", False), ("killed", 1, 1, "exact", False)]),
    ("The other soldiers were sent home.", []),
    # hurt, then dead: the same people died
    ("Three porters were injured and later died.", [("killed", 3, 3, "exact", False)]),
    ("Two other people with injuries were flown to the city but died on the way.", [("killed", 2, 2, "exact", False)]),
    ("Five cyclists were injured and two died.", [("injured", 5, 5, "exact", False), ("killed", 2, 2, "exact", False)]),
    # filed under a state word with 'as'
    ("Thirty people were listed as injured.", [("injured", 30, 30, "exact", False)]),
    ("The toll stood at six dead, with 14 passengers still listed as injured.",
     [("killed", 6, 6, "exact", False), ("injured", 14, 14, "exact", False)]),
    ("Four were confirmed as dead by the coroner.", [("killed", 4, 4, "exact", False)]),
    ("He was listed as a witness in the case.", []),
    # sent home after treatment: hurt
    ("About 20 others were sent home after treatment.", [("injured", 20, 20, "approximately", False)]),
    ("Nine walkers were treated and released.", [("injured", 9, 9, "exact", False)]),
    ("The four suspects were released after questioning.", []),
    # single victims listed, though the parser makes two subjects of them or an apposition of the second
    ("A patient and a nurse were wounded in the shelling.", [("injured", 2, 2, "exact", False)]),
    ("Raiders fatally shot a guard, a driver and a cook.", [("killed", 3, 3, "exact", False)]),
    ("Two men, a driver and a cook, were killed.", [("killed", 2, 2, "exact", False)]),
    # a list that 'among them' opens is parts of the figure before it, up to 'others'
    ("Elders said 41 villagers had been killed, among them eight pupils and six women, and more than 60 others wounded.",
     [("killed", 41, 41, "exact", False), ("killed", 8, 8, "exact", True), ("killed", 6, 6, "exact", True),
      ("injured", 60, None, "at_least", False)]),
    # a count listed after a figure with the place it was counted in, a word or two before the name
    ("The quakes killed more than 5,000 people in Kurmin and about 600 in neighbouring Dalen.",
     [("killed", 5000, None, "at_least", False), ("killed", 600, 600, "approximately", False)]),
    # one person's natural death is no casualty
    ("A 61-year-old fan who had a heart attack during the match died in hospital.", []),
    # hurt, then dead, told in a relative clause
    ("A porter, who was hurt in the explosion and died in hospital a week later, was not counted.",
     [("killed", 1, 1, "exact", False)]),
    # a part of a vague figure may be larger than its lowest count
    ("Shelling has killed thousands of villagers, including up to 1,500 in one valley.",
     [("killed", 1000, None, "vague", False), ("killed", 1500, 1500, "at_most", True)]),
])
def test_fates_after_the_first_verb_lists_parts_and_natural_deaths(nlp, text, expected):
    assert grammar(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # lying dead is dead
    ("A guard lay dead at the gate.", [("killed", 1, 1, "exact", False)]),
    ("A woman was found lying dead in her kitchen.", [("killed", 1, 1, "exact", False)]),
    # the body of someone, whatever the verb the parser hangs its participle on
    ("Rescue workers carry the body of a woman recovered from a collapsed house.", [("killed", 1, 1, "exact", False)]),
    # 'those of' stands for the noun after it, among the parts of a count of bodies
    ("Officials said 17 bodies had been recovered by Sunday evening, among them those of three women and two children.",
     [("killed", 17, 17, "exact", False), ("killed", 3, 3, "exact", True), ("killed", 2, 2, "exact", True)]),
    ("He told reporters that 17 bodies had been recovered by Sunday evening, among them those of three women and two children.",
     [("killed", 17, 17, "exact", False), ("killed", 3, 3, "exact", True), ("killed", 2, 2, "exact", True)]),
    # a later count joined to the first with 'and to'
    ("The death toll rose to 38 on Tuesday and to 51 on Wednesday.",
     [("killed", 38, 38, "exact", False), ("killed", 51, 51, "exact", False)]),
    # single victims by what they do, as their trade's noun
    ("A roadside bomb killed a rubber tapper on his way to work.", [("killed", 1, 1, "exact", False)]),
    ("Gunfire from across the border wounded a serviceman, the ministry said.", [("injured", 1, 1, "exact", False)]),
    ("A supporter was taken to hospital with burns to his face after a flare hit him.", [("injured", 1, 1, "exact", False)]),
    # treated for or admitted with an injury, whatever the injury's noun (not a cut of pay)
    ("An officer was treated for a cut to his hand.", [("injured", 1, 1, "exact", False)]),
    ("Thirty-one people were admitted with gunshot or shrapnel wounds.", [("injured", 31, 31, "exact", False)]),
    ("Three workers suffered pay cuts this year.", []),
    # people a hospital received with wounds (not with their belongings)
    ("The district hospital received 15 people with gunshot and machete wounds on Sunday.", [("injured", 15, 15, "exact", False)]),
    ("The shelter received 200 people with their belongings.", []),
    # animals counted by a vague number are no casualties
    ("Volunteers said dozens of horses died in their stables.", []),
    ("Dozens of people died in the floods.", [("killed", 12, None, "vague", False)]),
])
def test_lying_dead_bodies_those_of_a_later_count_and_animals(nlp, text, expected):
    assert grammar(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # more verbs that kill with a result word; bleeding to death
    ("Eleven workers were charred to death in the blaze.", [("killed", 11, 11, "exact", False)]),
    ("Two hikers were mauled to death by a bear.", [("killed", 2, 2, "exact", False)]),
    ("Three men bled to death before help arrived.", [("killed", 3, 3, "exact", False)]),
    # 'among' a plural noun for people that a participle says what befell
    ("Two officials of the county are among the people killed by gunmen.", [("killed", 2, 2, "exact", False)]),
    ("Three students were among the passengers hurt in the crash.", [("injured", 3, 3, "exact", False)]),
    # (but 'the eight' are the eight the text counted before, no figure of their own)
    ("The eight are among the 43 people killed since dawn.", [("killed", 43, 43, "exact", False)]),
    # people struck by something fired, or in a part of the body (not houses hit by shells)
    ("Three soldiers were struck by shrapnel.", [("injured", 3, 3, "exact", False)]),
    ("Of those hurt by pellets, nine were hit in the face.", [("injured", 9, 9, "exact", False)]),
    ("Two houses were hit by shells.", []),
    ("Four of the dead had been hit by live rounds.", []),
    # a family counted by its number; people said to be in a condition
    ("At least 25 people died, including a family of six.", [("killed", 25, None, "at_least", False), ("killed", 6, 6, "exact", True)]),
    ("About a dozen others were said to be in critical condition.", [("injured", 12, None, "approximately", False)]),
    # a toll that climbed from one count to another is each count in turn, not a range
    ("The toll climbed during the night from four to nine and then 12.",
     [("killed", 4, 4, "exact", False), ("killed", 9, 9, "exact", False), ("killed", 12, 12, "exact", False)]),
    ("The death toll rose from 26 to 31.", [("killed", 26, 26, "exact", False), ("killed", 31, 31, "exact", False)]),
    # swept to their deaths; left in a critical condition, one person or a number
    ("Five people were swept to their deaths by the flood.", [("killed", 5, 5, "exact", False)]),
    ("A second passenger was left in a critical condition after the collision.", [("injured", 1, 1, "exact", False)]),
    ("The blast left three people in critical condition.", [("injured", 3, 3, "exact", False)]),
    # ... and such a noun as a group that 'included' its members
    ("The adults killed included two teachers, officials said.", [("killed", 2, 2, "exact", False)]),
])
def test_result_verbs_and_groups_named_by_a_participle(nlp, text, expected):
    assert grammar(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # burnt people are hurt (burnt to death or alive, killed); burnt shops and cars are no casualty
    ("Eleven other villagers were badly burnt in the fire.", [("injured", 11, 11, "exact", False)]),
    ("Three porters were burned to death in the store.", [("killed", 3, 3, "exact", False)]),
    ("The mob said 14 kiosks and 30 buses were burned.", []),
    # a body told as someone's, introduced as new
    ("A fisherman's body was recovered from the lake on Tuesday.", [("killed", 1, 1, "exact", False)]),
    ("She collapsed after identifying her cousin's body at the mortuary.", []),
    # 'both' with a noun for people is two
    ("Both pilots died when the trainer jet hit a ridge.", [("killed", 2, 2, "exact", False)]),
    # in hospital after what hurt them, one person and another or a number (not staff at work there)
    ("A baker and his nephew are in the hospital after receiving stab wounds.", [("injured", 2, 2, "exact", False)]),
    ("Four cyclists are in the hospital after the pile-up.", [("injured", 4, 4, "exact", False)]),
    ("Two porters were in the hospital when the lights went out.", []),
])
def test_burns_bodies_both_and_the_hospital(nlp, text, expected):
    assert grammar(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # the second participle of a passive, and a distance the parser took for its object
    ("Last month, a 14-year-old boy was shot and wounded three blocks from the school.", [("injured", 1, 1, "exact", False)]),
    # a result the parser hung on the object; the one who did it is no victim
    ("A man who stabbed a 23-year-old to death outside a bar has been jailed for life.", [("killed", 1, 1, "exact", False)]),
    # the count of a number of people a participle says were hurt or died
    ("The ministry later put the number of people taken to hospital at 27.", [("injured", 27, 27, "exact", False)]),
    ("The number of people known to have died when the boat capsized has risen to 38.", [("killed", 38, 38, "exact", False)]),
    # lives given, not savings
    ("Four of our comrades sacrificed their lives for the revolution.", [("killed", 4, 4, "exact", False)]),
    ("She gave her life savings to the hospital.", []),
    # the count a figure rose or fell from, set off after it (not a share of sales)
    ("At least 20 people were killed in March, up from 14 in February.",
     [("killed", 20, None, "at_least", False), ("killed", 14, 14, "exact", False)]),
    ("Sales rose 20 percent, up from 14 percent.", []),
    # the last of ordinals joined before a plural is the running total; 'N more' joined to a figure's clause
    ("The deaths were the city's 13th and 14th homicides of the year.", [("killed", 14, 14, "exact", False)]),
    ("Soldiers found four bodies at the camp on Tuesday and two more in a ravine on Wednesday.",
     [("killed", 4, 4, "exact", False), ("killed", 2, 2, "exact", False)]),
    ("The club signed two players in May and two more in June.", []),
    # people carried to a hospital by the active verb (not pilgrims to a shrine)
    ("Paramedics took one woman to Kurmin Base Hospital overnight.", [("injured", 1, 1, "exact", False)]),
    ("The bus took 40 pilgrims to the shrine.", []),
    # wounds people had, treatment they needed (not for a disease, not a plant), a toll that rose past a count
    ("Both men had stab wounds to the chest.", [("injured", 2, 2, "exact", False)]),
    ("All six victims had gunshot and stab wounds.", []),
    ("The company had job cuts last year.", []),
    ("Nine people needed hospital treatment after the crash.", [("injured", 9, 9, "exact", False)]),
    ("Two hundred people needed treatment for cholera.", []),
    ("Three investors received treatment as preferred shareholders.", []),
    ("The firm needs treatment plants.", []),
    ("The death toll rose past 300 on Friday.", [("killed", 300, None, "at_least", False)]),
    ("In the past 24 hours, 30 people were killed.", [("killed", 30, 30, "exact", False)]),
    # people brought to hospital, or brought in with wounds (not relatives brought to identify the dead)
    ("Seven patients were brought in with gunshot wounds.", [("injured", 7, 7, "exact", False)]),
    ("Relatives were brought to the hospital to identify the bodies.", []),
    # 'amongst' as 'among'
    ("Amongst the injured were five children, the mayor said.", [("injured", 5, 5, "exact", False)]),
    ("Twelve people were killed, amongst them three children.",
     [("killed", 12, 12, "exact", False), ("killed", 3, 3, "exact", True)]),
    # a number after 'aged' is an age, no count
    ("Among the injured were five children, the youngest aged 3, the mayor said.", [("injured", 5, 5, "exact", False)]),
    ("Five children were injured, the youngest aged three.", [("injured", 5, 5, "exact", False)]),
    # a toll put higher at a count, where the parser hangs the toll on the adverb
    ("The ministry put the death toll higher, at 26.", [("killed", 26, 26, "exact", False)]),
    # reworded copy (reposts run through synonym software): 'useless' for dead, 'harm' for hurt, 'together with' for
    # including, 'demise toll', 'crucial situation'; not things made useless, nor 'harm' as a noun
    ("The gunman left two males useless.", [("killed", 2, 2, "exact", False)]),
    ("A police officer shot him useless.", [("killed", 1, 1, "exact", False)]),
    ("At least 60 others were harm.", [("injured", 60, None, "at_least", False)]),
    ("The strike killed 12 individuals, together with two youngsters.",
     [("killed", 12, 12, "exact", False), ("killed", 2, 2, "exact", True)]),
    ("The demise toll rose to 14.", [("killed", 14, 14, "exact", False)]),
    ("Fourteen remained in a crucial situation.", [("injured", 14, 14, "exact", False)]),
    ("Three radars were rendered useless.", []),
    ("The reforms were a harm to workers.", []),
])
def test_second_participles_results_on_the_object_counts_of_people_and_lives_given(nlp, text, expected):
    assert grammar(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # the count a toll was revised from is a figure the text states
    ("The toll was revised downward from 96 after two victims were counted twice.", [("killed", 96, 96, "exact", False)]),
    ("Officials updated the death toll from six on Friday morning.", [("killed", 6, 6, "exact", False)]),
    # a family is counted by its number
    ("Raiders killed a family of five in the hamlet.", [("killed", 5, 5, "exact", False)]),
])
def test_revised_tolls_and_a_family_of_five(nlp, text, expected):
    assert grammar(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a headline's '41 as six more bodies' read as one quantity
    ("Death toll in flooded valley rises to 41 as six more bodies recovered",
     [("killed", 41, 41, "exact", False), ("killed", 6, 6, "exact", False)]),
    # the count a toll rose from, said after the toll as a noun phrase
    ("The agency reported a death toll of 87, up from 64 on Monday.",
     [("killed", 87, 87, "exact", False), ("killed", 64, 64, "exact", False)]),
    # a number of things joined to the toll's count is no later toll
    ("The toll from the grass fires has climbed to 37 and 210 homes have been destroyed.", [("killed", 37, 37, "exact", False)]),
    ("Three hundred and four passengers drowned.", [("killed", 304, 304, "exact", False)]),
    # the whole that a part was taken from is no figure
    ("At least 90 of the island’s 2,300 inhabitants were killed.", [("killed", 90, None, "at_least", False)]),
])
def test_tolls_in_headlines_counts_risen_from_and_wholes_of_parts(nlp, text, expected):
    assert grammar(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a count the toll went up to, hung on 'up' (not 'up to', a ceiling)
    ("The toll has climbed to 17 while the number of the wounded went up to 412.",
     [("killed", 17, 17, "exact", False), ("injured", 412, 412, "exact", False)]),
    # a figure of the hurt, carried to its count
    ("That takes the figure of wounded to 13.", [("injured", 13, 13, "exact", False)]),
    # the 'to' of a carrier verb hung inside a phrase after the toll
    ("Unrest broke out again, taking the toll from two days of rioting to six.", [("killed", 6, 6, "exact", False)]),
    # under treatment is hurt
    ("Seven people, including a reporter, were under treatment at two hospitals.",
     [("injured", 7, 7, "exact", False), ("injured", 1, 1, "exact", True)]),
    ("The law is under review.", []),
    # filed 'as having been killed'
    ("Monitors said that 44 civilians, including nine children, had been confirmed as having died.",
     [("killed", 44, 44, "exact", False), ("killed", 9, 9, "exact", True)]),
])
def test_counts_went_up_to_figures_of_the_hurt_and_what_the_dead_are_filed_as(nlp, text, expected):
    assert grammar(nlp, text) == expected


def test_a_part_of_the_ones_a_participle_counts(nlp):
    from newsfacts.extract.casualty_grammar import parts_of_earlier_figures

    doc = nlp("Of the villagers killed, eight were farmers.")
    assert [(p.kind, p.count.count_min) for p in parts_of_earlier_figures(doc[:])] == [("killed", 8)]


def test_the_number_tokens_of_a_sentence_are_those_like_a_number_or_tagged_a_numeral(nlp):
    from newsfacts.extract.casualty_grammar import number_tokens

    doc = nlp("Twelve villagers and 3,400 cattle died.\n\nA dozen of the 40 houses stood, and one in five was empty.")
    for sentence in doc.sents:
        assert [t.i for t in number_tokens(sentence)] == [t.i for t in sentence if t.like_num or t.pos_ == "NUM"]
    assert [t.text for t in number_tokens(list(doc.sents)[0])] == ["Twelve", "3,400"]


@pytest.mark.parametrize("text,expected", [
    # a qualifier written after the number
    ("Officials said 51 or more people were killed after the storm.", [("killed", 51, None, "at_least", False)]),
    ("Some 30 or so people were wounded.", [("injured", 30, 30, "approximately", False)]),
    # one victim the text brings in among people it does not count
    ("A reporter was among those killed in the blast.", [("killed", 1, 1, "exact", False)]),
    ("A reporter was among the 12 people killed in the blast.", [("killed", 12, 12, "exact", False)]),
    # people a place lost; not a job, nor players lost to injury
    ("The village lost at least 32 people in the landslide.", [("killed", 32, None, "at_least", False)]),
    # (a relative someone lost is most often one of a count the text gives: no figure of its own)
    ("She lost her husband in the earthquake.", []),
    ("He lost his job and his wife left him.", []),
    ("The club lost 5 players to injury.", []),
    # a running ordinal as the subject
    ("Three guards were killed in the raid. A fourth died on Monday.",
     [("killed", 3, 3, "exact", False), ("killed", 4, 4, "exact", False)]),
    ("The first died instantly.", []),
    ("Two guards were killed and a third was wounded.", [("killed", 2, 2, "exact", False)]),
])
def test_qualifiers_after_the_number_one_among_the_dead_people_lost_and_a_running_ordinal(nlp, text, expected):
    assert grammar(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Gunmen opened fire on the convoy, killing the pilot and wounding two guards.",
     [("killed", 1, 1, "exact", False), ("injured", 2, 2, "exact", False)]),
    ("The explosion also killed the minibus driver.", [("killed", 1, 1, "exact", False)]),
    # not a person: no figure
    ("The vote killed the project.", []),
])
def test_one_person_killed_named_by_the_noun_for_them(nlp, text, expected):
    assert grammar(nlp, text) == expected


def test_counts_of_them_after_a_figure_are_its_parts_wherever_the_parser_hangs_them(nlp):
    # not figures of the hurt that the sentence goes on to count
    assert grammar(nlp, "Police said 38 people had died, 29 of them in Kurmby and nine in neighbouring Dalen, and 61 had "
                        "been injured.") == [("killed", 38, 38, "exact", False), ("killed", 29, 29, "exact", True),
                                             ("killed", 9, 9, "exact", True), ("injured", 61, 61, "exact", False)]
    # but a part with a verb of its own is a figure of that verb
    assert ("killed", 2, 2, "exact", False) in grammar(nlp, "She said 19 wounded had been brought in, two of whom died in "
                                                            "the afternoon.")


def test_a_part_of_those_a_clause_says_died_or_were_hurt(nlp):
    from newsfacts.extract.casualty_grammar import parts_of_earlier_figures

    doc = nlp("At least 14 of those who died were children.")
    assert [(p.kind, p.count.count_min) for p in parts_of_earlier_figures(doc[:])] == [("killed", 14)]
    doc = nlp("Nine of those who were injured were children.")
    assert [(p.kind, p.count.count_min) for p in parts_of_earlier_figures(doc[:])] == [("injured", 9)]


@pytest.mark.parametrize("text,expected", [
    # a head of a village or a group, by its compound or alone
    ("Gunmen stormed the settlement on Sunday, killing the village head.", [("killed", 1, 1, "exact", False)]),
    ("The rebel leader was killed in an air strike on Monday.", [("killed", 1, 1, "exact", False)]),
    # (not a party's leader, whom politics 'kills'; nor a victim named inside a count)
    ("This is a government that has spent a month killing its own leader.", []),
    ("Gunmen stormed the building, killing 11 policemen, including the station chief, Colonel Jan Kurmo, and wounding four.",
     [("killed", 11, 11, "exact", False), ("injured", 4, 4, "exact", False)]),
    # one person with an aside the parser hangs as a participle
    ("Police shot a man who stabbed three people. The attacker, believed to be 31, died in hospital.",
     [("killed", 1, 1, "exact", False)]),
    # 'dozens' after a number is that many dozen, and a qualifier before it holds
    ("More than two dozens of workers were injured in the blast.", [("injured", 24, None, "at_least", False)]),
    ("Up to two dozen people were killed.", [("killed", 24, 24, "at_most", False)]),
    # an age between commas after a noun for a person, which the parser made the subject
    ("Boy, 16, dies after exchange of gunfire with police", []),
    # an Irish police officer is a person
    ("A garda was hospitalised after the attack.", [("injured", 1, 1, "exact", False)]),
    # 'several hundred' is as vague as 'hundreds'
    ("Several hundred people were injured in the stampede.", [("injured", 100, None, "vague", False)]),
    # an infinitive of death hung apart from the verb that confirms it
    ("At least 93 people were confirmed on Friday to have died in the floods.", [("killed", 93, None, "at_least", False)]),
    # (not the subject of a verb that sends people to kill)
    ("Soldiers were sent on Monday to kill the rebels.", []),
    # bodies counted by whose they are, whatever is done with them (not bodies of water, nor some of the bodies)
    ("The charred bodies of the 42 passengers were taken to hospital for DNA testing.", [("killed", 42, 42, "exact", False)]),
    ("The army flew the bodies of six soldiers home on Friday.", [("killed", 6, 6, "exact", False)]),
    ("The bodies of water in the region are drying up.", []),
    ("Three of the bodies were identified on Monday.", []),
    # people brought out of a place with injuries are hurt (not those found with wounds, whom the text may say died)
    ("Three miners were rescued with serious injuries on Tuesday.", [("injured", 3, 3, "exact", False)]),
    ("Two men were pulled from the rubble with severe burns.", [("injured", 2, 2, "exact", False)]),
    ("When the gunfire stopped, five men were found with gunshot wounds. They were pronounced dead in hospital.", []),
    ("Two men were charged with murder.", []),
    ("Three members of the squad have been ruled out of the rally with injuries sustained in testing.", []),
    # a count conjoined to the name a victim is given, where the parser hangs it
    # (and the one person told of beside the count of the others)
    ("Gunmen stormed the village, killing the village head identified as Jan Kurmo and 14 other villagers.",
     [("killed", 1, 1, "exact", False), ("killed", 14, 14, "exact", False)]),
])
def test_heads_of_villages_asides_dozens_several_hundred_deaths_confirmed_later_and_bodies_counted(nlp, text, expected):
    assert grammar(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # the subject of 'be' a state word describes
    ("Three of the villagers are dead.", [("killed", 3, 3, "exact", False)]),
    ("Three of my friends from the same batch are dead.", [("killed", 3, 3, "exact", False)]),
])
def test_the_subject_a_state_word_after_be_describes(nlp, text, expected):
    assert grammar(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # the count a toll's own clause gives, besides the one its verb gives
    ("The toll, which stood at 11 on Sunday, rose to 14.", [("killed", 11, 11, "exact", False), ("killed", 14, 14, "exact", False)]),
    ("The death toll, which rose to 20 overnight, is expected to climb.", [("killed", 20, 20, "exact", False)]),
    # (not a count the clause only fears)
    ("The toll, which could rise to 100, stood at 14 on Monday.", [("killed", 14, 14, "exact", False)]),
])
def test_the_count_a_tolls_own_clause_gives(nlp, text, expected):
    assert sorted(grammar(nlp, text)) == expected


@pytest.mark.parametrize("text,expected", [
    # a 'not' that sets one count against another, or opens a qualifier, denies no figure
    ("Relatives are saying the toll is 15, not 13.", [("killed", 15, 15, "exact", False), ("killed", 13, 13, "exact", True)]),
    ("The army said no more than five people had been killed.", [("killed", 5, 5, "at_most", False)]),
])
def test_a_not_that_denies_no_figure(nlp, text, expected):
    assert grammar(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("The military said the strike had eliminated three terrorists operating from the site.", [("killed", 3, 3, "exact", False)]),
    ("The ministry claimed it had eliminated up to 60 servicemen.", [("killed", 60, 60, "at_most", False)]),
])
def test_verbs_that_kill_only_counted_people(nlp, text, expected):
    assert grammar(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("A body was found in the river on Monday.", [("killed", 1, 1, "exact", False)]),
    ("One body was discovered in a burnt-out car.", [("killed", 1, 1, "exact", False)]),
    ("Another body was pulled from the rubble overnight.", [("killed", 1, 1, "exact", False)]),
])
def test_one_body_found_is_one_dead(nlp, text, expected):
    assert grammar(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # one person with 'the', told of beside a count of the others
    ("The blast killed the police officer and three other people.", [("killed", 1, 1, "exact", False), ("killed", 3, 3, "exact", False)]),
    # (not one of two people told of alone: 'the driver' of 'the driver and the guard' stays as before)
    ("The blast killed the driver and the guard.", []),
])
def test_one_person_told_of_beside_a_count_of_the_others(nlp, text, expected):
    assert grammar(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a list that tells a figure's people as one person and a count of others: each is a part
    ("Four people, a tram driver and three commuters, died in the attack on Thursday.",
     [("killed", 4, 4, "exact", False), ("killed", 1, 1, "exact", True), ("killed", 3, 3, "exact", True)]),
    # (a list of single people alone spells the figure out)
    ("Three people, a man, a woman and a child, died in the attack on Thursday.", [("killed", 3, 3, "exact", False)]),
    # (and one it names is a victim named inside the count, not a part)
    ("It killed three people: our ambulance driver, Jan Kurmo, and two patients who were waiting to be seen.",
     [("killed", 3, 3, "exact", False), ("killed", 2, 2, "exact", True)]),
])
def test_a_list_of_one_person_and_a_count_is_the_figures_parts(nlp, text, expected):
    assert grammar(nlp, text) == expected


def test_the_bodies_of_a_family_are_counted_by_the_family(nlp):
    assert grammar(nlp, "The bodies of a family of five were taken to the morgue.") == [("killed", 5, 5, "exact", False)]


@pytest.mark.parametrize("text,expected", [
    # the body of one person is one dead, whatever is done with it
    ("A fisherman told a local radio station he saw the body of an elderly man.", [("killed", 1, 1, "exact", False)]),
    ("She arrived at the clinic carrying the body of her infant son.", [("killed", 1, 1, "exact", False)]),
    # (not one it names: a victim of a count the text gave)
    ("Relatives waited for the body of his younger brother, Jan Kurmo, the rickshaw driver.", []),
])
def test_the_body_of_one_person_is_one_dead(nlp, text, expected):
    assert grammar(nlp, text) == expected


def test_the_bodies_of_people_counted_in_a_list_are_each_count(nlp):
    # where the parser hangs the second count on the bodies
    assert grammar(nlp, "The bodies of six nurses and three children were found Monday afternoon.") == [
        ("killed", 6, 6, "exact", False), ("killed", 3, 3, "exact", False)]


def test_what_a_counted_group_of_victims_includes_are_its_parts(nlp):
    assert grammar(nlp, "The 38 injured include 12 women and seven children, she added.") == [
        ("injured", 38, 38, "exact", False), ("injured", 12, 12, "exact", True), ("injured", 7, 7, "exact", True)]


@pytest.mark.parametrize("text,expected", [
    # an apposition with the figure's own count describes the same people again
    ("Divers said three more bodies, three men, were found near the engine room.", [("killed", 3, 3, "exact", False)]),
    # (fewer is a part; as many of a vague count is a part too)
    ("Dozens of people, 12 of them children, were killed.", [("killed", 12, None, "vague", False), ("killed", 12, 12, "exact", True)]),
])
def test_an_apposition_with_the_figures_own_count_is_no_part(nlp, text, expected):
    assert grammar(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # people listed one by one among the dead tell who died of a toll, as names do: no figure of their own
    ("The dead include a baker and his wife and a retired teacher.", []),
    # (a count among them is one, and so is one person alone)
    ("The dead include a police officer and two children.", [("killed", 2, 2, "exact", False)]),
    ("The dead included the bus's driver.", [("killed", 1, 1, "exact", False)]),
])
def test_people_listed_one_by_one_among_the_dead_are_no_figures(nlp, text, expected):
    assert grammar(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # admitted, with no place after it, where the sentence before names a hospital
    ("Two of the victims died at a hospital in the town. The remaining four were admitted.",
     [("killed", 2, 2, "exact", False), ("injured", 4, 4, "exact", False)]),
    # (not admitted elsewhere, nor where no hospital is named)
    ("Three students were admitted on Monday.", []),
    ("Four people were admitted to the university.", []),
])
def test_admitted_where_the_sentence_before_names_a_hospital(nlp, text, expected):
    assert grammar(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # people who came through with injuries were hurt, however the parser hangs a short sentence
    ("Two passengers escaped with minor injuries.", [("injured", 2, 2, "exact", False)]),
    ("Two passengers survived with serious burns.", [("injured", 2, 2, "exact", False)]),
    # (not with their lives, nor a body that survived with a loss)
    ("Two passengers escaped with their lives.", []),
    ("The company survived with a loss.", []),
])
def test_people_who_survived_or_escaped_with_injuries_were_hurt(nlp, text, expected):
    assert grammar(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a sentence-opening 'he' or 'she' stands for the one person the sentence before introduced with 'a'
    ("Part of a wall gave way on Saturday. A 60-year-old watchman was asleep on the ground floor. He died on the spot, "
     "police said.", [("killed", 1, 1, "exact", False)]),
    ("A nurse was walking home from her shift. She was shot dead at a checkpoint.", [("killed", 1, 1, "exact", False)]),
    # (not one the sentence before counted, or told of as hurt, nor one who died of an illness)
    ("Three people were wounded. A woman was among them. She was killed.", [("injured", 3, 3, "exact", False)]),
    ("A guard was shot in the leg. He died in hospital.", []),
    ("A former minister was a fierce critic of the plan. He died of cancer in 2019.", []),
])
def test_a_pronoun_after_a_sentence_that_introduced_one_person(nlp, text, expected):
    assert grammar(nlp, text) == expected


def test_a_noun_for_a_person_written_together_with_the_word_before_it(nlp):
    assert grammar(nlp, "A farmworker was killed in the crossfire.") == [("killed", 1, 1, "exact", False)]
    assert grammar(nlp, "A farmhouse was destroyed in the crossfire.") == []


@pytest.mark.parametrize("text,expected", [
    # 'among them' opening a sentence: those the sentence before counted, of the one kind it counted
    ("Rescuers counted 31 corpses in the village. Among them were women and at least six children.",
     [("killed", 6, None, "at_least", False)]),
    # (not people the sentence before counted for no casualty, nor 'them' within the sentence's own count)
    ("Police arrested 12 people on Monday. Among them were three students.", []),
    ("Of the injured, six were in a serious condition, among them a nine-year-old girl.", [("injured", 6, 6, "exact", False)]),
])
def test_among_them_after_a_sentence_that_counted_casualties(nlp, text, expected):
    found = [f for f in grammar(nlp, text) if f[1] != 31]
    assert found == expected


@pytest.mark.parametrize("text,expected", [
    # 'the figure', 'the number' that rose: a toll of the one kind the sentence before counted
    ("Officials confirmed 13 deaths on Tuesday. By Wednesday night, the figure had gone up to 19.", [("killed", 19)]),
    ("Police said 12 people were injured. The number later rose to 15.", [("injured", 15)]),
    ("The company sold 12 cars in April. The number rose to 15 in May.", []),
])
def test_a_number_that_rose_after_a_sentence_that_counted_casualties(nlp, text, expected):
    second = nlp(text)
    sentences = list(second.sents)
    assert [(f.kind, f.count.count_min) for f in find_grammar_figures(sentences[-1])] == expected


def test_people_a_relative_clause_says_were_wounded(nlp):
    assert grammar(nlp, "Eleven others who sustained gunshot wounds are receiving treatment.") == [("injured", 11, 11, "exact", False)]
    assert grammar(nlp, "Some residents who had suffered losses were angry.") == []


def test_businesses_killed_off_are_no_casualties(nlp):
    assert grammar(nlp, "Two airlines have been killed off already this year.") == []
    assert grammar(nlp, "A fare war that has already killed off two smaller rivals this year.") == []
    assert grammar(nlp, "Two earlier attempts to rescue the carrier died at the negotiating table.") == []


def test_a_passer_by_is_one_person(nlp):
    assert grammar(nlp, "Two men were killed in the strike. A passer-by was wounded.") == [
        ("killed", 2, 2, "exact", False), ("injured", 1, 1, "exact", False)]


@pytest.mark.parametrize("text,expected", [
    # the first of a list of kin, or of men, women and children, lends the bare nouns after it its word
    ("His mother, brother and niece were killed in the crash.", [("killed", 3, 3, "exact", False)]),
    ("A man, woman and child were killed when the wall fell.", [("killed", 3, 3, "exact", False)]),
    # (not one person told of by two nouns)
    ("His friend and fellow rider was injured in the crash.", [("injured", 1, 1, "exact", False)]),
    # people told of by their ages alone
    ("A 7-year-old and a 12-year-old were killed in the fire.", [("killed", 2, 2, "exact", False)]),
])
def test_single_victims_listed_with_one_word_for_all(nlp, text, expected):
    assert grammar(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("A police corporal died in the bomb attack.", [("killed", 1, 1, "exact", False)]),
    ("A detective was wounded in the shootout.", [("injured", 1, 1, "exact", False)]),
    # (a title written with a capital)
    ("Gunmen shot dead a Reverend outside his church.", [("killed", 1, 1, "exact", False)]),
])
def test_a_rank_tells_of_one_person(nlp, text, expected):
    assert grammar(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("The driver of the bus was killed in the accident.", [("killed", 1, 1, "exact", False)]),
    ("The owner of the shop was shot dead.", [("killed", 1, 1, "exact", False)]),
    # (not one of several people: 'the son of one of the victims')
    ("The son of one of the victims was wounded.", []),
])
def test_the_one_person_by_what_they_are_of(nlp, text, expected):
    assert grammar(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Jan Doe lost two sisters-in-law when the village was shelled.", [("killed", 2, 2, "exact", False)]),
    ('"We lost four members of our family in the fire," Jana Doe said.', [("killed", 4, 4, "exact", False)]),
    ("She lost two family members in the blast.", [("killed", 2, 2, "exact", False)]),
    # (players lost to injury and workers lost to a rival did not die)
    ("The team lost three players to injury this season.", []),
    ("The company lost 300 workers last year.", []),
])
def test_kin_a_person_lost(nlp, text, expected):
    assert grammar(nlp, text) == expected


def test_people_buried_alive_may_be_living(nlp):
    assert grammar(nlp, "Rescuers dug for thousands of others buried alive by the earthquake.") == []
    assert grammar(nlp, "Villagers buried 12 victims on Friday.") == [("killed", 12, 12, "exact", False)]


@pytest.mark.parametrize("text,expected", [
    ("Twelve people died and about 100 others are undergoing treatment at the district hospital.",
     [("killed", 12, 12, "exact", False), ("injured", 100, 100, "approximately", False)]),
    ("Three died and 11 others were receiving treatment.", [("killed", 3, 3, "exact", False), ("injured", 11, 11, "exact", False)]),
    # (not treatment for an illness)
    ("Forty people are receiving treatment for cholera in the district hospital.", []),
])
def test_people_under_treatment_in_hospital_or_left_by_a_toll_were_hurt(nlp, text, expected):
    assert grammar(nlp, text) == expected


def test_the_words_of_a_conjoined_count_end_at_its_noun(nlp):
    # ('three teachers' is the second figure's evidence, not the 'three' alone)
    doc = nlp("The blast killed 14 pupils and three teachers.")
    words = [doc.text[f.start_char:f.end_char] for f in find_grammar_figures(doc[:])]
    assert words[-1].endswith("three teachers")


@pytest.mark.parametrize("text,expected", [
    # a verb joined to another takes its subject: one who underwent the first, or a person
    ("A man was flung from his bicycle and suffered burns to his arms.", [("injured", 1, 1, "exact", False)]),
    ("Jan Kurmo said he was flung from his bicycle and suffered burns to his arms.", [("injured", 1, 1, "exact", False)]),
    # (not a body that acted on others)
    ("Police arrested three men and questioned two of them.", []),
    # (nor one who tells of losing sight of someone)
    ("Jana Doe, 70, said she had lost sight of her husband in the crowd.", []),
    # 'she' after a sentence whose subject is a woman named
    ("Jana Doe, 41, was walking to the bakery. She suffered cuts to her hands and neck.",
     [("injured", 1, 1, "exact", False)]),
])
def test_the_one_a_joined_verb_or_a_pronoun_tells_of(nlp, text, expected):
    assert grammar(nlp, text) == expected
