import pytest

from newsfacts.extract.casualties import find_casualty_figures


def figures(text):
    return [(f.kind, f.count.count_min, f.count.count_max, f.count.precision, f.victims,
             f.part_of_index, text[f.start_char:f.end_char]) for f in find_casualty_figures(text)]


@pytest.mark.parametrize("text,expected", [
    ("Officials said 21 people were killed and at least 112 were injured.",
     [("killed", 21, 21, "exact", "people"), ("injured", 112, None, "at_least", None)]),
    ("A gunman killed at least 20 people and injured 42 others in a nightclub.",
     [("killed", 20, None, "at_least", "people"), ("injured", 42, 42, "exact", "people")]),
    ("The strike left eleven dead.", [("killed", 11, 11, "exact", None)]),
    ("Two United States service members have been killed in a crash.", [("killed", 2, 2, "exact", "soldiers")]),
    ("A 17-year-old girl was killed by shrapnel.", [("killed", 1, 1, "exact", "children")]),
    ("Dozens of civilians are dying every day.", [("killed", 12, None, "vague", "civilians")]),
    ("Between 5 and 7 people were injured.", [("injured", 5, 7, "approximately", "people")]),
    ("The death toll has risen to 37.", [("killed", 37, 37, "exact", "people")]),
    ("More than 2,500 Afghan civilians have been killed this year.", [("killed", 2500, None, "at_least", "civilians")]),
    ("Nearly half a million people have been forced to flee.", [("displaced", 500000, 500000, "approximately", "people")]),
    ("Three miners are still missing after the collapse.", [("missing", 3, 3, "exact", None)]),
    ("By dusk 17 corpses had been pulled from the river.", [("killed", 17, 17, "exact", None)]),
    ("The gunman shot dead seven people at the depot.", [("killed", 7, 7, "exact", "people")]),
    # 'fatally' makes a wound a death
    ("Five suspects were fatally wounded in the exchange of fire.", [("killed", 5, 5, "exact", None)]),
    # a round number written with 'a'
    ("The militia killed more than a thousand people in the valley.", [("killed", 1000, None, "at_least", "people")]),
    ("A hundred and twenty people were injured in the stampede.", [("injured", 120, 120, "exact", "people")]),
    # a toll that comes close to a number is about that number
    ("The quake's death toll nears 3,500.", [("killed", 3500, None, "approximately", "people")]),
    ("Quake Death Toll Heads Towards 3,500", [("killed", 3500, None, "approximately", "people")]),
    # a vague number of a group of victims, which its noun names (its verb says what befell them after)
    ("Dozens of wounded were evacuated to the capital.", [("injured", 12, None, "vague", None)]),
    ("Medics reported hundreds of dead and thousands of injured.",
     [("killed", 100, None, "vague", None), ("injured", 1000, None, "vague", None)]),
])
def test_figures_it_must_catch(text, expected):
    assert [f[:5] for f in figures(text)] == expected


def test_including_children_is_a_subset_of_its_total():
    found = figures("The midday attack killed at least 11, including three children.")
    assert found[0][:4] == ("killed", 11, None, "at_least")
    assert found[1][:5] == ("killed", 3, 3, "exact", "children") and found[1][5] == 0
    found = figures("Kyiv said 352 civilians, including 14 children, had been killed.")
    assert [(f[0], f[1], f[5]) for f in found] == [("killed", 352, None), ("killed", 14, 0)]


@pytest.mark.parametrize("text", [
    "Several Russian planes were shot down over the city.",
    "Satellite images show a 64km-long convoy of troops.",
    "The city of 1.5 million people is 25 miles from the border.",
    "It was too early to know the number of casualties.",
    "No one was killed in the attack.",
    "Police arrested a 57-year-old man on Tuesday.",
    "The storm could kill hundreds, forecasters warned.",
    "Prices rose 75 percent and the company lost $3 million.",
    "The decision to storm the club saved at least 30 lives.",
    "Spain won 2-1 over Russia in the final.",
    # money paid to the injured
    "The state will pay ₹50,000 to the injured and Rs 2,000 each to those slightly injured.",
    "A thousand troops were deployed to the capital.",
    # a number shared out over the dead counts something else
    "On the wall hang thirty paper lanterns, one for each of the dead.",
    # a vague group of victims that might have been
    "If it had come at night, we would be counting hundreds of dead.",
    "If cholera takes hold, we could see thousands of deaths.",
    "Hundreds of dead fish washed up on the shore.",
    # animals counted after 'of'
    "The floods also killed thousands of cattle and hundreds of sheep.",
])
def test_numbers_it_must_leave_alone(text):
    assert figures(text) == []


def test_evidence_span_points_at_the_figure():
    text = "On Monday, the governor said 9 people were wounded in the shelling."
    (kind, _n, _m, _p, _v, _part, evidence), = figures(text)
    assert evidence == "9 people were wounded"


def test_a_named_victim_is_a_figure_of_one():
    from newsfacts.extract.casualties import find_named_victims

    text = "Fritz von Weizsacker was stabbed to death during a lecture."
    (figure,) = find_named_victims(text, [(0, len("Fritz von Weizsacker"))])
    assert (figure.kind, figure.count.count_min) == ("killed", 1)
    assert text[figure.start_char:figure.end_char] == "Fritz von Weizsacker was stabbed to death"
    text = "A gunman fatally shot Christina Grimmie after a concert."
    start = text.index("Christina")
    assert [f.kind for f in find_named_victims(text, [(start, start + len("Christina Grimmie"))])] == ["killed"]
    assert find_named_victims("Putin said the strikes would go on.", [(0, 5)]) == []


def test_a_named_person_who_died_of_injuries_is_a_figure_of_one_and_a_natural_death_is_none():
    from newsfacts.extract.casualties import find_named_victims

    for text in ("Jan Dorvalo succumbed to head injuries after debris hit him.", "Jan Dorvalo, 34, later died of his wounds."):
        (figure,) = find_named_victims(text, [(0, len("Jan Dorvalo"))])
        assert (figure.kind, figure.count.count_min) == ("killed", 1)
        assert text[figure.end_char - 6:figure.end_char] in ("juries", "wounds")
    assert find_named_victims("Jan Dorvalo died of cancer at his home.", [(0, len("Jan Dorvalo"))]) == []


def test_a_named_person_who_survived_with_injuries_was_hurt():
    from newsfacts.extract.casualties import find_named_victims

    for text in ("Jan Dorvalo, 41, survived but with burns to his arms and chest.", "Jan Dorvalo escaped with minor injuries."):
        (figure,) = find_named_victims(text, [(0, len("Jan Dorvalo"))])
        assert (figure.kind, figure.count.count_min) == ("injured", 1)
    assert find_named_victims("Jan Dorvalo survived with his life savings intact.", [(0, len("Jan Dorvalo"))]) == []


def test_a_named_person_hurt_and_then_dead_or_pronounced_dead_is_a_figure_of_one():
    from newsfacts.extract.casualties import find_named_victims

    for text in ("Jan Dorvalo, 19, was shot in the neck and died.", "Jan Dorvalo was struck by a lorry and later died.",
                 "Jan Dorvalo was declared dead by the roadside."):
        (figure,) = find_named_victims(text, [(0, len("Jan Dorvalo"))])
        assert (figure.kind, figure.count.count_min) == ("killed", 1)
    # shot and then anything but dead is no figure (the guide: 'shot' alone says no one was hurt)
    assert find_named_victims("Jan Dorvalo was shot at and ran into the woods.", [(0, len("Jan Dorvalo"))]) == []


def test_an_article_longer_than_the_parser_takes_is_parsed_in_pieces(nlp):
    from newsfacts.extract.facts import extract_batch
    from newsfacts.extract.nlp import pieces_for_parser

    paragraph = ("Officials said {n} people were killed when shells hit the northern district on day {n}. "
                 "Rescuers searched the rubble of the damaged buildings until the evening.")
    text = "\n\n".join(paragraph.format(n=n) for n in range(2, 120))
    assert "".join(pieces_for_parser(text, 2_000)) == text
    assert all(len(piece) <= 2_000 for piece in pieces_for_parser(text, 2_000))
    saved = nlp.max_length
    nlp.max_length = 2_000  # spaCy refuses longer texts (E088), as it refuses articles over a million characters
    try:
        batch = extract_batch([{"doc_id": "long", "text": text, "published_date": None, "title": None}], nlp, "v", "r")
    finally:
        nlp.max_length = saved
    assert batch.failures == []
    killed = sorted(row["count_min"] for row in batch.rows["casualties"] if row["kind"] == "killed")
    assert killed == list(range(2, 120))
    for row in batch.rows["casualties"]:
        assert str(row["count_min"]) in text[row["start_char"]:row["end_char"]]


def test_a_year_before_the_event_it_dates_is_no_figure():
    assert figures("The 1976 earthquake killed an estimated 240,000 people.")[0][:4] == ("killed", 240000, 240000, "approximately")
    assert len(figures("The 1976 earthquake killed an estimated 240,000 people.")) == 1


def test_dozens_written_with_a_number_word():
    assert figures("Eleven people died and two dozen were injured.")[1][:4] == ("injured", 24, None, "approximately")


def document_figures(nlp, text):
    from newsfacts.extract.facts import extract_document

    facts = extract_document({"doc_id": "x", "text": text, "published_date": None}, nlp(text))
    by_id = {row["fact_id"]: row for row in facts["casualties"]}
    return [(row["kind"], row["count_min"], by_id[row["part_of"]]["count_min"] if row["part_of"] else None, row["location"])
            for row in facts["casualties"]]


@pytest.mark.parametrize("text,expected", [
    ("The bombs killed 40 people at the market. Eleven of them were children.",
     [("killed", 40, None, None), ("killed", 11, 40, None)]),
    ("Eight people died of cholera last week. Three of the eight were children under five.",
     [("killed", 8, None, None), ("killed", 3, 8, None)]),
    # 'the dead' says what the part is of, even where the text gave no total
    ("At least 44 of the dead were women.", [("killed", 44, None, None)]),
    ("The strike injured 31 people. Fourteen of the injured remain in hospital.",
     [("injured", 31, None, None), ("injured", 14, 31, None)]),
    # carried for care, as the hurt are; not those carried off under arrest
    ("The bus crash injured 25 people. Three of them were flown to the capital for surgery.",
     [("injured", 25, None, None), ("injured", 3, 25, None)]),
    ("The crash injured 25 people. Police detained the driver and three of his friends.", [("injured", 25, None, None)]),
    # more parts after the first that leave out its words and keep its preposition
    ("The storm killed 14 people. Eight of the fatalities were recorded in the north, four in the east and two in "
     "the west.", [("killed", 14, None, None), ("killed", 8, 14, None), ("killed", 4, 14, None), ("killed", 2, 14, None)]),
    # what they have says whether they are a part: a wound, not a record
    ("Ten people were injured on Sunday. Three of them have gunshot wounds.", [("injured", 10, None, None), ("injured", 3, 10, None)]),
    ("Ten people were injured on Sunday. Three of them have a past criminal record.", [("injured", 10, None, None)]),
    # counted among the group of the last figure of their kind, not the same figure as an equal one before it
    ("Two people were injured in the first strike.\n\nLater, at least 18 people were injured in the city. Two children, "
     "aged 7 and 12, are among the injured.", [("injured", 2, None, None), ("injured", 18, None, None), ("injured", 2, 18, None)]),
    ("Shelling killed 12 people on Monday. Among the dead were three children.", [("killed", 12, None, None), ("killed", 3, 12, None)]),
    # the same victims counted among the group again are the same figure
    ("Four women among the dead in attack on bar\n\nGunmen killed 11 people in a bar on Saturday night. Four women were "
     "among the dead, the prosecutor's office said.", [("killed", 11, None, None), ("killed", 4, 11, None)]),
    ("Gunmen killed 11 people in a bar on Saturday night. Among the dead are four children from one family, officials "
     "said.\n\nA neighbour said her four children were among those killed.", [("killed", 11, None, None), ("killed", 4, 11, None)]),
    # a group larger than the figure before it is none of its parts
    ("One soldier was killed on Monday. Three civilians were among the dead, the ministry said.",
     [("killed", 1, None, None), ("killed", 3, None, None)]),
])
def test_a_part_of_a_figure_stated_in_a_later_sentence(nlp, text, expected):
    assert document_figures(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # the places of care people were taken to are no people
    ("Officials said about 150 people were taken to 10 hospitals for treatment of injuries.", [("injured", 150)]),
    # the dead's bodies taken to hospital to be identified are no injured
    ("The plane's 42 passengers died. Six crew members aboard it were taken to hospital for DNA testing to help "
     "identify them.", [("killed", 42)]),
    ("Six crew members were taken to hospital for treatment.", [("injured", 6)]),
])
def test_places_of_care_and_bodies_taken_to_be_identified_are_no_hurt(nlp, text, expected):
    assert [(kind, count) for kind, count, _part, _place in document_figures(nlp, text)] == expected


def test_a_conjunct_keeps_its_own_state(nlp):
    text = "The hospital received the bodies of five martyrs and nine injured."
    assert document_figures(nlp, text) == [("killed", 5, None, None), ("injured", 9, None, None)]


def test_running_totals_and_a_victim_told_by_age(nlp):
    assert document_figures(nlp, "He became the 37th deminer to die on duty.") == [("killed", 37, None, None)]
    assert document_figures(nlp, "A 17-year-old was shot to death on Elm Street.")[0][:2] == ("killed", 1)
    # 'the second' tells two victims apart; it is no count of its own
    assert document_figures(nlp, "Police were at the scene of the second homicide within hours.") == []


def test_a_sentence_without_a_place_happened_where_its_paragraph_did(nlp):
    text = ("A missile struck a power plant in Odesa on Monday. Three workers were killed.\n\n"
            "A drone hit a substation in Lviv on Tuesday. Three people were killed, the governor said.")
    found = document_figures(nlp, text)
    assert [(kind, count, place) for kind, count, _whole, place in found] == [("killed", 3, "Odesa"), ("killed", 3, "Lviv")]


@pytest.mark.parametrize("text,expected", [
    # 'N of them ...' after a figure the parser read as a passive's subject: a part of it, whatever follows
    ("At least 60 people were injured, 23 of them children.", [("injured", 60, None, None), ("injured", 23, 60, None)]),
    ("Police said 30 people were hurt, two of them critically.", [("injured", 30, None, None), ("injured", 2, 30, None)]),
    ("Twelve people were wounded, four of them fighting for their lives.",
     [("injured", 12, None, None), ("injured", 4, 12, None)]),
    # no part larger than its whole, and no part of what is not a figure
    ("Twelve people were wounded, 40 of them in the market.", [("injured", 12, None, None)]),
    ("The council owns 200 houses, 40 of them empty.", []),
    ("Eight people were injured, of whom two remain in serious condition.",
     [("injured", 8, None, None), ("injured", 2, 8, None)]),
    ("The blast killed 5 people, 12 were injured.", [("killed", 5, None, None), ("injured", 12, None, None)]),
    ("At least 40 people were injured. At least 15 of the injured had gunshot wounds.",
     [("injured", 40, None, None), ("injured", 15, 40, None)]),
    # shares of a figure listed after it, where they add up to it (each where its words place it)
    ("Kurmo Watch confirmed 17 deaths, with eight in Dalen, five in Sorby and four in Kurmin.",
     [("killed", 17, None, None), ("killed", 8, 17, "Dalen"), ("killed", 5, 17, "Sorby"), ("killed", 4, 17, "Kurmin")]),
    ("The death toll has risen to 31 with 12 in Dalen and 19 in Sorby, police said.",
     [("killed", 31, None, None), ("killed", 12, 31, "Dalen"), ("killed", 19, 31, "Sorby")]),
    ("His death brings to 33 the number of Kurman soldiers killed abroad - 32 with the army and one with the navy.",
     [("killed", 33, None, None), ("killed", 32, 33, None), ("killed", 1, 33, None)]),
    # (numbers that do not add up to it are no shares of it)
    ("Kurmo Watch confirmed 17 deaths, with eight in Dalen and five in Sorby.", [("killed", 17, None, "Dalen")]),
])
def test_a_part_set_after_a_figure(nlp, text, expected):
    assert document_figures(nlp, text) == expected


def test_a_part_of_people_no_figure_counts_is_a_figure_where_its_fate_is_told(nlp):
    assert document_figures(nlp, "Divers found 11 fishermen, six of whom were dead.") == [("killed", 6, None, None)]
    assert document_figures(nlp, "The boat carried 30 migrants, five of whom were injured.") == [("injured", 5, None, None)]
    assert document_figures(nlp, "Police stopped 40 cars, 12 of which were damaged.") == []


def test_the_same_figure_from_two_sources_is_one_fact(nlp):
    # the annotation guide: the same count, kind and victims stated again is one entry, whoever states it
    text = ("Nine civilians were killed in the car bomb attack, the Kurmin Rights Monitor said.\n\n"
            "The Kurmin Civil Defence said its teams had recovered the bodies of nine civilians from the site.")
    assert [(kind, count) for kind, count, _whole, _place in document_figures(nlp, text)] == [("killed", 9)]


@pytest.mark.parametrize("text,expected", [
    # the annotation guide: different incidents are separate entries, even with the same number
    ("Shelling killed three people in the north on Monday, a spokesman said.\n\n"
     "Separately, three people died when a shell hit a farm in the south.", [("killed", 3), ("killed", 3)]),
    ("Shelling killed three people in the north on Monday, a spokesman said.\n\n"
     "Three more died when a mortar round hit a bus near the border, he said.", [("killed", 3), ("killed", 3)]),
    # ... and a sentence whose subject is another event
    ("A roadside bomb hit a patrol in Kurmo, and two soldiers were injured, the army said.\n\n"
     "And another suicide bomb, the fifth this week, went off near a convoy in Kurmo, wounding two soldiers.",
     [("injured", 2), ("injured", 2)]),
    # ... but 'more' after a figure of the dead adds the hurt to them, and a line that tells of 'four more'
    # above a paragraph that says it again is one figure
    ("Shelling killed five people on Monday. Another five were injured, a spokesman said.\n\n"
     "The strike injured five people, the spokesman said.", [("killed", 5), ("injured", 5)]),
    ("Divers resume search\n\n10:20am: Four more bodies recovered\n\n"
     "Divers recovered four more bodies from the hull on Monday morning.", [("killed", 4)]),
    # ... nor does 'Elsewhere' under a line that told of the same figure
    ("Shelling killed five people in the north on Monday.\n\nKurmin: three hurt as shell hits market\n\n"
     "Elsewhere, a shell that hit the Kurmin market injured three people, the mayor said.", [("killed", 5), ("injured", 3)]),
])
def test_a_figure_told_as_another_incident_is_its_own_fact(nlp, text, expected):
    assert [(kind, count) for kind, count, _whole, _place in document_figures(nlp, text)] == expected


def test_a_count_of_martyrs_that_a_verb_led_to(nlp):
    text = "The agency said the shelling of the school led to four martyrs on Tuesday."
    assert [(kind, count) for kind, count, _whole, _place in document_figures(nlp, text)] == [("killed", 4)]
    assert document_figures(nlp, "Families of the two martyrs gathered outside the hospital on Friday.") == []


def test_a_place_that_owns_a_body_is_not_where_its_figure_happened(nlp):
    text = "Najaf's civil defence said a blast killed nine people in the central city Karbala on Tuesday."
    assert [(count, place) for _kind, count, _whole, place in document_figures(nlp, text)] == [(9, "Karbala")]


def test_the_one_victim_the_text_names_again_is_one_fact(nlp):
    # 'the man' points back at the man whose death the text told of
    text = "A man was shot dead outside a bar in Kurmin on Friday.\n\nThe man died at the scene, police said."
    assert [(kind, count) for kind, count, _whole, _place in document_figures(nlp, text)] == [("killed", 1)]


@pytest.mark.parametrize("text,expected", [
    # 'including' after a part of an earlier figure is a part of that part, each conjunct too
    ("The blast wounded 40 people. A doctor said 22 of the injured, including nine women and six children, were "
     "being treated at her clinic.",
     [("injured", 40, None, None), ("injured", 22, 40, None), ("injured", 9, 22, None), ("injured", 6, 22, None)]),
    # 'of whom 19 were children and 11 were women': the second clause is a part too
    ("Officials said at least 38 villagers were killed, of whom 14 were children and 9 were women.",
     [("killed", 38, None, None), ("killed", 14, 38, None), ("killed", 9, 38, None)]),
    # ... but one of them who was an attacker is no part of the victims
    ("At least 57 people were killed and 194 injured in the blast.\n\n"
     "There were two attackers but only one of them was a suicide bomber, he said.",
     [("killed", 57, None, None), ("injured", 194, None, None)]),
])
def test_parts_of_parts_and_conjoined_parts(nlp, text, expected):
    assert document_figures(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a toll that includes a figure (read as a figure of its own, not linked to the toll's); a part a state word
    # names ('of the seriously injured passengers'); a bare number that were people of some kind, after the figure
    ("At least 200 people died in the floods, a toll that includes 19 children.", [("killed", 200, None, None), ("killed", 19, None, None)]),
    ("Officials said 23 passengers were injured. Seven of the seriously injured passengers were flown to the capital.",
     [("injured", 23, None, None), ("injured", 7, 23, None)]),
    ("Forty people were injured; 16 were children.", [("injured", 40, None, None), ("injured", 16, 40, None)]),
    # ... not a number of anything else, nor one victim of a group
    ("Forty were injured; 16 were arrested.", [("injured", 40, None, None)]),
    ("A doctor said he tried to save one of the wounded demonstrators.", []),
    # a number of the dead is a toll, even where the parser hangs its 'to' inside the noun's phrase
    ("The council reported two deaths, bringing the total number of deaths linked to the storm to 28.",
     [("killed", 2, None, None), ("killed", 28, None, None)]),
])
def test_parts_told_by_a_toll_a_state_word_or_a_bare_number(nlp, text, expected):
    assert document_figures(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # the subject of a killing verb with an object of its own did the killing
    ("Two suicide bombers killed at least 22 people at a camp for the displaced.", [("killed", 22, None, None)]),
    ("A gunman killed at least 20 people before police shot him dead.", [("killed", 20, None, None), ("killed", 1, None, None)]),
    # a magnitude, a proportion and a vote are no counts of people
    ("In 2017, a magnitude 7.1 quake killed 370 people in and around the capital.", [("killed", 370, None, None)]),
    ("Nine out of ten homicides in this state are never solved.", []),
    ("Minutes earlier, aldermen killed, 8-7, an amendment that would have restored 40 police positions.", []),
    # a witness's 'they killed him' speaks of a victim the text has counted
    ("\u201cThey killed him, and now they want me to say that he fell,\u201d his mother said.", []),
    # animals counted by the head; a year the relative clause's month carries
    ("The storm killed about 2,100 head of livestock in the two provinces.", []),
    ("It revived memories of the factory blaze in November 2012 that killed at least 112 workers.", [("killed", 112, None, None)]),
])
def test_who_killed_whom_and_numbers_that_count_no_one(nlp, text, expected):
    assert document_figures(nlp, text) == expected


def test_a_part_whose_including_has_no_figure_before_it_points_at_its_own_whole(nlp):
    text = "Relatives mourned, including two children, after 30 people were killed, including five women."
    assert document_figures(nlp, text) == [("killed", 30, None, None), ("killed", 5, 30, None)]


@pytest.mark.parametrize("text,expected", [
    # a wire dateline is no subject of the sentence it opens, its dash glued to the first word or not
    ("KURMIN, Chile (Reuters) - Twelve villagers and five soldiers were killed on Sunday.",
     [("killed", 12, None, None), ("killed", 5, None, None)]),
    ("DALA (Reuters) -Twelve villagers and five soldiers were killed on Sunday.",
     [("killed", 12, None, None), ("killed", 5, None, None)]),
    # those who died along with the victims the verb names are victims too
    ("The gunman died in the siege along with two hostages.", [("killed", 1, None, None), ("killed", 2, None, None)]),
    ("A soldier was killed together with his wife and two children in the strike.",
     [("killed", 1, None, None), ("killed", 1, None, None), ("killed", 2, None, None)]),
    ("The minister arrived along with two aides.", []),
    # what a witness saw done to people; a number of those who died
    ("He told reporters he saw three neighbours butchered as he fled.", [("killed", 3, None, None)]),
    ("By Friday the number who perished had climbed to 90, while 200 were injured.",
     [("killed", 90, None, None), ("injured", 200, None, None)]),
    ("The number of residents who were evacuated rose to 3,000.", []),
    # a second counted object with its own place and time; a toll put at a number; bodies of two counted groups
    ("The group killed 60 people at a market in 2012 and nearly 140 pupils at a school in 2015.",
     [("killed", 60, None, None), ("killed", 140, None, None)]),
    ("An earlier tally had set the number of killed at 31.", [("killed", 31, None, None)]),
    ("The bodies of at least four women and 11 men were recovered near the river bank.",
     [("killed", 4, None, None), ("killed", 11, None, None)]),
    # a date in numbers is no count; people recovering from injuries were hurt; the deceased are dead
    ("2021-03-09 A bus crash left six people dead and two injured.", [("killed", 6, None, None), ("injured", 2, None, None)]),
    ("On 09/03/2021 four people were killed.", [("killed", 4, None, None)]),
    ("Three firefighters are still recovering from burn injuries.", [("injured", 3, None, None)]),
    ("The economy is recovering from the crisis.", []),
    ("Divers recovered approximately 15 deceased persons from the lake.", [("killed", 15, None, None)]),
    # thousands set apart by a space
    ("Fighting since 2015 has killed more than 250 000 people.", [("killed", 250_000, None, None)]),
    ("Floods killed 1 200 people in the region.", [("killed", 1_200, None, None)]),
    # or closed by a colon, after capitals or an agency in brackets
    ("KURMIN (Agencies): Nine people, including two guards, were killed in a warehouse blaze on Friday.",
     [("killed", 9, None, None), ("killed", 2, 9, None)]),
    ("DALA: Four soldiers were killed and two wounded when gunmen attacked a checkpoint.",
     [("killed", 4, None, None), ("injured", 2, None, None)]),
    # in one sentence 'the other two' are two more people, and two equal parts of one whole are a partition
    ("Two miners died underground and the other two died in the ambulance.",
     [("killed", 2, None, None), ("killed", 2, None, None)]),
    ("Raiders killed at least 11 herders, four in the village of Kurmin and four in the hamlet of Dala.",
     [("killed", 11, None, None), ("killed", 4, 11, None), ("killed", 4, 11, None)]),
    # 'claimed thousands of lives' is a vague figure; a toll the parser leaves without its verb still rises
    ("The epidemic claimed thousands of lives in the north.", [("killed", 1000, None, None)]),
    ("A bridge collapsed on Friday as the toll from the landslide reached 40 people.", [("killed", 40, None, None)]),
    # one sentence, two shells, the same count twice: two figures
    ("A shell killed three farmers near the mill, and a second shell left three dead at the market.",
     [("killed", 3, None, None), ("killed", 3, None, None)]),
    # a vague number of deaths or injuries ('dozens of deaths'), not a part of a count ('three of the bodies')
    ("The clashes have caused dozens of deaths this year.", [("killed", 12, None, None)]),
    ("Relatives had named three of the bodies by noon.", []),
    # people among 'those killed' are a figure (one victim named among them is part of the count)
    ("Three children were among those injured.", [("injured", 3, None, None)]),
    # people called injured who then die are killed
    ("By Sunday five injured miners had died in the clinic.", [("killed", 5, None, None)]),
    ("Two more climbers succumbed to their wounds overnight.", [("killed", 2, None, None)]),
    # a hurt condition said with the adjective alone
    ("Doctors said nine patients were in serious condition and three more were stable.",
     [("injured", 9, None, None), ("injured", 3, None, None)]),
    ("Prices were stable.", []),
])
def test_figures_of_one_sentence_by_count_and_whole(nlp, text, expected):
    assert [figure[:3] for figure in document_figures(nlp, text)] == [figure[:3] for figure in expected]


def test_a_dateline_places_the_figures_of_the_sentence_it_opens(nlp):
    text = "KURMIN, Chile (Reuters) - Twelve villagers were killed on Sunday."
    assert document_figures(nlp, text) == [("killed", 12, None, "KURMIN")]


@pytest.mark.parametrize("text,expected", [
    # a breakdown by place after the figure: parts of it, each in its own place
    ("The agency said 640 people were injured; 300 in Kurmin, 120 in Dalen Creek and 15 in Velmora.",
     [("injured", 640, None, None), ("injured", 300, 640, "Kurmin"), ("injured", 120, 640, "Dalen Creek"),
      ("injured", 15, 640, "Velmora")]),
    # a figure counted in one place, and the count of another place beside it: two figures, neither part of the other
    ("At least 42 deaths were reported in Kurmin and 17 in Dalen over the weekend.",
     [("killed", 42, None, "Kurmin"), ("killed", 17, None, "Dalen")]),
    # a count of another period
    ("Police said 12 people had died on the road in 2019 and 15 in 2020.", [("killed", 12, None, None), ("killed", 15, None, None)]),
    # a number with a clause of its own is about something else
    ("Five people were killed on Monday and 20 in Kurmin were left homeless.", [("killed", 5, None, "Kurmin")]),
    # what the injured were made of
    ("The 57 wounded were composed of 41 villagers and 16 police.",
     [("injured", 57, None, None), ("injured", 41, 57, None), ("injured", 16, 57, None)]),
])
def test_counts_listed_by_place_and_what_a_figure_is_made_of(nlp, text, expected):
    assert document_figures(nlp, text) == expected


def test_a_toll_for_part_of_a_country_and_the_same_toll_in_a_town_there_are_one_figure(nlp):
    text = ("Gunmen shot dead at least 14 farmers in southeast Democratic Republic of Congo, officials said.\n\n"
            "\"We have counted 14 bodies in the fields since dawn,\" said the mayor of Kurmin.")
    assert document_figures(nlp, text) == [("killed", 14, None, "southeast Democratic Republic of Congo")]


@pytest.mark.parametrize("text,expected", [
    # people in a hurt condition listed after the injured are part of them
    ("Four people were killed and 29 injured, seven in critical condition.",
     [("killed", 4, None, None), ("injured", 29, None, None), ("injured", 7, 29, None)]),
    # 'left critical' is hurt; 'fell to their deaths' and 'decapitated' killed; corpses are the dead
    ("Three people died on the spot and eight more were left critical.", [("killed", 3, None, None), ("injured", 8, None, None)]),
    ("At least six workers fell to their deaths from the scaffold.", [("killed", 6, None, None)]),
    ("Police said at least nine victims were decapitated.", [("killed", 9, None, None)]),
    ("Divers said eleven corpses were recovered from the lake.", [("killed", 11, None, None)]),
    # a number the word patterns would join to the kind word across 'and' is the parse's
    ("The blast killed two and injured 12.", [("killed", 2, None, None), ("injured", 12, None, None)]),
    # ... and what only looks like such shapes is no figure
    ("Prices fell to their lowest level in a decade.", []),
    ("The report left critical questions unanswered.", []),
])
def test_hurt_conditions_falls_and_kinds_across_a_conjunction(nlp, text, expected):
    assert document_figures(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a number of a date written with dashes counts no one
    (" date 2017-09-30 11 killings spark fear in the township\nPolice said 11 people were shot dead.", [("killed", 11, None, None)]),
    # an aside about one person told of: by a verb of violence, not by 'hospitalized'
    ("The suspect, who has not been named, was shot and wounded by officers.", [("injured", 1, None, None)]),
    ("The patient, who has not been named, was hospitalized in the county.", []),
    # one person found hurt who then died is killed, not also injured ('the man', 'the victim' is the one told of)
    ("Officers found a man critically injured on the sidewalk. The man, who has not been named, died at the scene.",
     [("killed", 1, None, None)]),
    ("Officers found a man hurt on the pavement. Medics treated him. The victim died in hospital.", [("killed", 1, None, None)]),
    ("A woman was injured in the first crash. A man died in a second crash.", [("injured", 1, None, None), ("killed", 1, None, None)]),
    ("One guard was wounded at the gate. The gunman was shot dead by a second guard.",
     [("injured", 1, None, None), ("killed", 1, None, None)]),
])
def test_dates_are_no_counts_and_the_hurt_who_died_are_dead(nlp, text, expected):
    assert [figure[:3] for figure in document_figures(nlp, text)] == [figure[:3] for figure in expected]


def test_a_toll_in_a_state_and_the_same_toll_near_a_town_there_are_one_figure(nlp):
    text = ("A storm killed at least four people in Ohio on Friday.\n\nThe twister tore through a row of farms some "
            "40 miles north of Dayton, killing at least 4 people, officials said.")
    assert [figure[:2] for figure in document_figures(nlp, text)] == [("killed", 4)]


def test_a_figure_placed_only_by_the_dateline_is_the_one_a_later_sentence_places(nlp):
    # the dateline says where the story was filed; the later sentence where the three were killed
    text = ("BEIRUT: The health ministry said three people were killed in a strike in the south on Thursday.\n\n"
            "The strike on the town of Hermel killed three people, the ministry said.")
    assert [(kind, count, location) for kind, count, _part, location in document_figures(nlp, text)] == [("killed", 3, "El Hermel")]


@pytest.mark.parametrize("text,expected", [
    # a toll the text fears is no count
    ("Rescuers said the death toll could rise to 100 as the search went on.", []),
    ("The toll may climb to 50, a rescuer said.", []),
    # attempts killed no one
    ("He faces 18 years for each of 1,820 attempted murders.", []),
    ("He was charged with three attempted murders and two murders.", [("killed", 2, None, None)]),
    # the part a count is of, where the parser hangs the part on the whole's number
    ("A district official said nine of 13 people found alive at the scene later died in hospital.", [("killed", 9, None, None)]),
])
def test_feared_tolls_attempts_and_a_part_of_a_group(nlp, text, expected):
    assert document_figures(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # single victims listed one by one are one figure of them all
    ("Gunmen killed a man and a woman in the village on Sunday.", [("killed", 2, None, None)]),
    ("A man and his son were killed when the roof fell.", [("killed", 2, None, None)]),
    # a list with numbers in it is a figure for each
    ("Two soldiers and three civilians were killed.", [("killed", 2, None, None), ("killed", 3, None, None)]),
])
def test_single_victims_listed_one_by_one(nlp, text, expected):
    assert document_figures(nlp, text) == expected


def test_a_named_victim_told_of_twice_is_one_figure_and_another_victim_stays_apart(nlp):
    text = ("The armed group said in a statement that its fighter Jan Dorvalo was killed in fighting on the frontier.\n\n"
            "A drone strike on Monday killed Jan Dorvalo, also known as Kurmo, in the south, the agency said.\n\n"
            "A farmer was shot dead in the next valley.")
    assert [(kind, count) for kind, count, _part, _place in document_figures(nlp, text)] == [("killed", 1), ("killed", 1)]
    text = "Jan Dorvalo was shot dead near the mill on Monday.\n\nPolice said Jan Dorvalo was killed by two men on a motorbike."
    assert [(kind, count) for kind, count, _part, _place in document_figures(nlp, text)] == [("killed", 1)]


def test_parts_told_one_after_another_with_and(nlp):
    text = "Of the 31 injured, 26 are police officers and five are farmers."
    assert document_figures(nlp, text) == [("injured", 31, None, None), ("injured", 26, 31, None), ("injured", 5, 31, None)]
    text = "Twelve guests died when the hall burned; ten were men and two were children."
    assert document_figures(nlp, text) == [("killed", 12, None, None), ("killed", 10, 12, None), ("killed", 2, 12, None)]


@pytest.mark.parametrize("text,expected", [
    ("Two boys aged 12 and 14 were killed in the crash.", [("killed", 2)]),
    ("Two girls aged between nine and 11 were injured.", [("injured", 2)]),
    # the parser may take 'aged' for the verb and the victims for its subject
    ("Two toddlers aged eight months to three years were killed.", [("killed", 2)]),
])
def test_ages_after_the_victims_are_no_counts(nlp, text, expected):
    from newsfacts.extract.facts import extract_document

    facts = extract_document({"doc_id": "x", "text": text, "published_date": None}, nlp(text))
    assert [(c["kind"], c["count_min"]) for c in facts["casualties"]] == expected


def test_a_part_set_after_a_figure_with_with_is_a_sub_figure(nlp):
    from newsfacts.extract.facts import extract_document
    text = "At least 40 people were hurt, with 12 of them in critical condition, officials said."
    facts = extract_document({"doc_id": "x", "text": text, "published_date": None}, nlp(text))
    figures = [(c["kind"], c["count_min"], c["part_of"] is not None) for c in facts["casualties"]]
    assert figures == [("injured", 40, False), ("injured", 12, True)]


@pytest.mark.parametrize("text,expected", [
    # people burned alive were killed
    ("Thirty villagers, among them several infants, were burned alive in the mosque.", [("killed", 30, None, None)]),
    # a toll the text gives with a qualifier after its noun, and no verb
    ("The agency registered 950 more deaths overnight, pushing the overall toll over 12,000.",
     [("killed", 950, None, None), ("killed", 12000, None, None)]),
    # a harm denied, or ruled out with 'would never' however the parser hangs the words, was done to no one
    ('"I would never in any circumstances hurt my daughter, and I would never in any circumstances hurt my son," he '
     'told the jury.', []),
    ("She denied that she had ever hurt her daughter or her son.", []),
])
def test_burned_alive_tolls_with_a_qualifier_and_harms_denied(nlp, text, expected):
    assert document_figures(nlp, text) == expected


def test_a_paragraph_printed_twice_states_its_figures_once(nlp):
    # a page that repeats its lead under the dateline: the copy is no second incident, wherever it is filed from
    lead = "Floods killed at least 14 people, including three members of a family, on Friday."
    text = f"14 killed in floods in Sindh\n\n{lead}\n\nHYDERABAD: {lead}\n\nRescuers searched the river banks on Saturday."
    assert document_figures(nlp, text) == [("killed", 14, None, "Sindh"), ("killed", 3, 14, "Sindh")]


def test_counts_that_leave_out_the_figure_s_noun_and_verb_are_figures_of_their_own_places(nlp):
    text = "The minister said 41 people died in Multan, 17 in Bahawalpur and two in Quetta."
    assert [(kind, count, whole, place) for kind, count, whole, place in document_figures(nlp, text)] == [
        ("killed", 41, None, "Multan"), ("killed", 17, None, "Bahawalpur"), ("killed", 2, None, "Quetta")]
    # (a year after a place is no count)
    assert [count for _k, count, _w, _p in document_figures(nlp, "Floods killed 40 people in Multan, 2019 in all.")] == [40]


def test_the_whole_a_part_was_taken_from_is_no_figure():
    assert [f[:5] for f in figures("Some 90 of the hamlet's 700 residents were killed.")] == []


@pytest.mark.parametrize("text,count", [
    ("A truck bomb outside a checkpoint killed four people and wounded nine late Friday night.", 9),
    ("Gunmen wounded 12 Monday in the north.", 12),
])
def test_a_count_after_its_verb_followed_by_a_time(text, count):
    assert ("injured", count) in [(f[0], f[1]) for f in figures(text)]


@pytest.mark.parametrize("text,expected", [
    # an age written with a space counts no one
    ("A 27 year-old man was moderately wounded in the attack.", []),
    # a toll that rises above or goes past a number: at least that
    ("As the toll rises above 180, leaders condemned the blast.",
     [("killed", 180, None, "at_least", "people", None, "toll rises above 180")]),
    ("The death toll tops 40 after floods.", [("killed", 40, None, "at_least", "people", None, "death toll tops 40")]),
])
def test_ages_written_with_a_space_and_tolls_that_go_past_a_number(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text,expected", [
    # people being treated in hospital after the harm are hurt; a part set off after them, in intensive care, too
    ("The ministry said 17 people had died and that 46 others were being treated in hospitals.",
     [("killed", 17, None), ("injured", 46, None)]),
    ("Officials said 112 people were being treated in hospitals, 19 of them in intensive care.",
     [("injured", 112, None), ("injured", 19, 112)]),
    ("More than 40 people were wounded. Five remained in intensive care on Tuesday.",
     [("injured", 40, None), ("injured", 5, None)]),
    # a part set off after the figure, which the parser hangs elsewhere
    ("Nearly 30 people were injured, a dozen of them children, according to the authority.",
     [("injured", 30, None), ("injured", 12, 30)]),
    ("The group said 22 people had been killed, among them two market traders who had run stalls there.",
     [("killed", 22, None), ("killed", 2, 22)]),
    # 'two dozen' is 24; 'another nine people' nine, not one
    ("Two dozen survivors were treated for machete wounds at a clinic.", [("injured", 24, None)]),
    ("Two people died in the fire. Another nine people were hospitalised.", [("killed", 2, None), ("injured", 9, None)]),
])
def test_figures_of_treatment_and_parts_set_off(nlp, text, expected):
    assert [(kind, count, whole) for kind, count, whole, _place in document_figures(nlp, text)] == expected


@pytest.mark.parametrize("text,expected", [
    # 'N of them' in a clause of its own after the figure, in the same sentence: a part of that figure
    ('The surgeon said: "We have received 37 wounded, and nine of them had to be operated on overnight."',
     [("injured", 37, False), ("injured", 9, True)]),
    # a number word opening the paragraph after a byline and a dateline, which the tagger takes for part of a name
    ("By Ravi Kurmo Dalenpalli, Valley Chronicle\nDalenbridge, November 6, 2025\n\nEleven pilgrims, nine of them women, "
     "were killed in a stampede at the temple early on Wednesday.", [("killed", 11, False), ("killed", 9, True)]),
])
def test_parts_and_counts_the_tagger_or_the_order_of_finders_hid(nlp, text, expected):
    from newsfacts.extract.facts import extract_document

    facts = extract_document({"doc_id": "x", "text": text, "published_date": None}, nlp(text))
    assert [(c["kind"], c["count_min"], c["part_of"] is not None) for c in facts["casualties"]] == expected


@pytest.mark.parametrize("text,expected", [
    # 'the five wounded', 'the two minors killed': a count with 'the' points back at the figure told before, wherever
    # the sentence places it (the hospital's town is where the hurt went, not where they were hurt)
    ("Gunmen killed 12 people in Kurmin, among them two minors, and wounded five more.\n\nThe five wounded were taken "
     "to the General Hospital in Dalen. The two minors killed were identified as brothers.",
     [("killed", 12, None, "Kurmin"), ("killed", 2, 12, "Kurmin"), ("injured", 5, None, "Kurmin")]),
    # (not 'the' before another word)
    ("Three people were killed in Kurmin on Monday, including a boy.\n\nThe suspected gunman was shot and killed by an "
     "officer.", [("killed", 3, None, "Kurmin"), ("killed", 1, 3, "Kurmin"), ("killed", 1, None, "Kurmin")]),
    # a heading states the figure of the story under it in fewer words
    ("WORLD IN BRIEF\n\nKURMINIA: Ferry fire off Dalen leaves 7 dead\n\nAt least seven passengers died when a ferry "
     "caught fire off Dalen on Sunday.", [("killed", 7, None, None)]),
])
def test_counts_with_the_headings_and_bodies_state_a_figure_told_before(nlp, text, expected):
    assert document_figures(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # 'not less than' is at least (not 'less than'); so are 'greater than' and 'well over'; 'not more than' is at most
    ("Not less than 10 persons died in the crash.", [("killed", 10, None, "at_least")]),
    ("Greater than 50 individuals were killed in the assault.", [("killed", 50, None, "at_least")]),
    ("Well over 100 people were killed.", [("killed", 100, None, "at_least")]),
    ("Not more than five people were hurt.", [("injured", 5, 5, "at_most")]),
])
def test_qualifiers_with_not_and_greater(text, expected):
    assert [f[:4] for f in figures(text)] == expected



@pytest.mark.parametrize("text,expected", [
    # a verb that kills with a result word, its subject the victims
    ("Two people have starved to death in the besieged enclave.", [("killed", 2, False)]),
    ("Three climbers froze to death on the ridge overnight.", [("killed", 3, False)]),
    # a number that ranks among the worst is no toll
    ("The toll is one of the bloodiest in the five-year-old conflict.", []),
    ("The death toll rose to 20 on Monday, one of the worst days of the year.", [("killed", 20, False)]),
    # a single attacker who died is not the single victim the attack killed
    ("A gunman opened fire on a market on Monday, killing one.\n\nThe attacker, a man aged 31, died in hospital.",
     [("killed", 1, False), ("killed", 1, False)]),
    # taken to hospital for a reason that is no injury
    ("One officer suffered minor injuries during the arrest. The suspect was taken to hospital for a mental health "
     "assessment and later returned to custody.", [("injured", 1, False)]),
])
def test_deaths_by_a_result_word_a_toll_that_ranks_an_attacker_who_died_and_a_check_in_hospital(nlp, text, expected):
    from newsfacts.extract.facts import extract_document

    facts = extract_document({"doc_id": "x", "text": text, "published_date": None}, nlp(text))
    assert [(c["kind"], c["count_min"], c["part_of"] is not None) for c in facts["casualties"]] == expected


@pytest.mark.parametrize("text,expected", [
    # a named victim, a word of when or too between the verb and what befell them
    ("Jan Doe was later found dead inside his vehicle, police said.", [("killed", 1, False)]),
    ("Jan Doe was also killed during the raid on the village.", [("killed", 1, False)]),
    # people a report or a hospital lists in a hurt condition
    ("Seventeen people were reported in critical condition after the blast.", [("injured", 17, False)]),
    ("Two were listed in critical condition at the county hospital.", [("injured", 2, False)]),
    # the dead counted so far, written as a total
    ("The collapse of a second block brings the total confirmed dead to 15.", [("killed", 15, False)]),
    # kin of the victims are no victims
    ("At the hospital, two women relatives of those killed waited in a corridor.", []),
    # a bare number right before a verb of its own is that verb's subject, not a conjunct of the figure before
    ('"We have so far lost 15 people and one was injured," the village head said.', [("killed", 15, False)]),
])
def test_a_named_victim_after_an_adverb_people_listed_in_a_hurt_condition_and_a_total_of_the_dead(nlp, text, expected):
    from newsfacts.extract.facts import extract_document

    facts = extract_document({"doc_id": "x", "text": text, "published_date": None}, nlp(text))
    assert [(c["kind"], c["count_min"], c["part_of"] is not None) for c in facts["casualties"]] == expected


def test_a_figure_of_two_places_stated_again_at_one_of_them_is_one_figure(nlp):
    # the first statement is placed at the first of its places, the second at the place the paragraph before names
    text = ("Rebels have killed at least 52 civilians in the Mombasa and Malindi areas in recent days, officials said.\n\n"
            "About 30 civilians were killed in one village near Malindi alone, a local administrator said.\n\n"
            "The attacks killed at least 52 civilians, including eight women, the spokesperson said.")
    assert document_figures(nlp, text) == [("killed", 52, None, "Mombasa"), ("killed", 30, None, "Malindi"),
                                           ("killed", 8, 52, "Malindi")]
    # a place the sentence names elsewhere than in the figure's list of places is another figure's
    text = ("Floods killed five people in Mombasa on Monday, officials in Malindi said.\n\nSeparately, heavy rain flattened "
            "homes further north.\n\nIn Malindi, five people died when a wall collapsed on Tuesday.")
    assert document_figures(nlp, text) == [("killed", 5, None, "Mombasa"), ("killed", 5, None, "Malindi")]


def test_another_single_victim_is_one_more(nlp):
    text = ("At least three demonstrators have been killed when security forces fired live rounds during protests.\n\n"
            "One protester was killed after being hit by a bullet to the head on Monday, the doctors' committee said.\n\n"
            "Another protester was killed after he was directly hit by a live bullet to the chest, the committee said.")
    assert document_figures(nlp, text) == [("killed", 3, None, None), ("killed", 1, None, None), ("killed", 1, None, None)]


def test_a_victim_counted_as_one_is_the_one_a_later_sentence_describes(nlp):
    counted = "A drone struck a market in Kurmo on Sunday, killing one person and injuring four others, the governor said.\n\n"
    described = counted + '"Four people were hurt. Sadly, an elderly man died," Jan Doe wrote on Telegram.'
    assert document_figures(nlp, described) == [("killed", 1, None, "Kurmo"), ("injured", 4, None, "Kurmo")]
    # ... but another victim is one more
    another = counted + "Four people were hurt. Another man died later in hospital, Jan Doe wrote on Telegram."
    assert document_figures(nlp, another) == [("killed", 1, None, "Kurmo"), ("injured", 4, None, "Kurmo"), ("killed", 1, None, "Kurmo")]


def test_a_toll_in_a_region_and_the_same_toll_in_a_town_of_its_country_are_one_figure(nlp):
    # a region the gazetteer knows only as a whole ('Darfur') and a town of its country; two towns stay apart
    text = ('Clashes between rival tribes in {} killed at least 20 people, a tribal chief said.\n\n'
            'He spoke of "20 dead and 24 wounded" in {}.')
    assert document_figures(nlp, text.format("Darfur", "Nyala")) == [("killed", 20, None, "Darfur"), ("injured", 24, None, "Nyala")]
    assert document_figures(nlp, text.format("Kassala", "Nyala")) == [
        ("killed", 20, None, "Kassala"), ("killed", 20, None, "Nyala"), ("injured", 24, None, "Nyala")]


def test_a_toll_in_a_town_and_at_a_site_no_gazetteer_knows_are_one_figure(nlp):
    text = ("One man is dead and two others were hurt after gunfire at a Birmingham nightclub.\n\n"
            "Police said the gunfire broke out at the Kurmo nightclub on Dalen Street shortly before 4am.\n\n"
            "The man was taken to hospital but died there. Two others remain in hospital.")
    assert document_figures(nlp, text) == [("killed", 1, None, "Birmingham"), ("injured", 2, None, "Birmingham")]


def test_a_toll_in_a_region_and_at_a_village_no_gazetteer_knows_are_one_figure(nlp):
    text = ("Gunmen on motorbikes killed 14 people in a raid on a farming village in North Kordofan, officials said on "
            "Tuesday.\n\nPolice said they did not know who had raided Kurmo Dalenabad, a village some 30 kilometres east of "
            'the state capital.\n\n"They killed 14 villagers, among them women and old men," said a village elder.')
    assert [(kind, count) for kind, count, _part, _place in document_figures(nlp, text)] == [("killed", 14)]


def test_a_part_of_the_injured_the_parser_hung_apart_from_its_of(nlp):
    # 'Twenty-one of the injured remain hospitalized': the parser hangs 'injured' on the verb, not on 'of'
    text = "Thirty people were wounded when the roof fell. Twenty-one of the injured remain hospitalized."
    assert document_figures(nlp, text) == [("injured", 30, None, None), ("injured", 21, 30, None)]


def test_a_ceiling_and_a_floor_of_one_number_are_two_figures(nlp):
    text = ("A district official could not confirm reports from farmers that up to 12 guards had died. A foreign aid "
            "worker said villagers estimated at least 12 people had been killed.")
    assert [(kind, count) for kind, count, _part, _place in document_figures(nlp, text)] == [("killed", 12), ("killed", 12)]
    # (a count without a qualifier is the floor's or the ceiling's restatement still)
    text = "Up to 15 people died in the fire, officials said. The fire killed 15 people, the mayor said."
    assert [(kind, count) for kind, count, _part, _place in document_figures(nlp, text)] == [("killed", 15)]


def test_upto_written_as_one_word_is_a_ceiling():
    facts = figures("Upto 30 miners were killed in the collapse.")
    assert [(f[0], f[1], f[3]) for f in facts] == [("killed", 30, "at_most")]


@pytest.mark.parametrize("text,expected", [
    # a sentence that sets a time of its own before its figure tells of that time, not of the same count elsewhere
    ("Gunmen dumped eight bodies near the town hall on Thursday, officials said. Armed groups use such displays to "
     "frighten rivals. In September, eight bodies were found beside a motorway in the east of the province.",
     [("killed", 8, None, None), ("killed", 8, None, None)]),
    ("Ten people were killed in the blast on Monday. In 2019, ten people died in a similar attack.",
     [("killed", 10, None, None), ("killed", 10, None, None)]),
    # a date with a clause about what happened then is the time of the figure the clause tells
    ("A car bomb killed 17 people at a bus station on Friday. It was the deadliest attack since Oct. 4, when a suicide "
     "bomber killed 17 people in a mosque.", [("killed", 17, None, None), ("killed", 17, None, None)]),
    ("Five soldiers died in the ambush on Monday. The army has not lost so many since March 2019, when five soldiers "
     "died in a raid.", [("killed", 5, None, None), ("killed", 5, None, None)]),
    # (a count told again without a time of its own is the same figure)
    ("Ten people were killed in the blast on Monday, police said. The blast killed ten people, the mayor said.",
     [("killed", 10, None, None)]),
])
def test_a_count_told_of_a_time_of_its_own_is_another_figure(nlp, text, expected):
    assert document_figures(nlp, text) == expected


def test_a_time_of_its_own_that_is_the_stories_own_month_tells_of_the_same_figure(nlp):
    from datetime import date

    from newsfacts.extract.facts import extract_document

    text = ("Gunmen killed ten people in a market on Monday, officials said. In March, ten people were killed when gunmen "
            "stormed the market, a resident recalled.")
    counts = {}
    for published in (date(2021, 3, 20), date(2021, 6, 20)):
        facts = extract_document({"doc_id": "x", "text": text, "published_date": published}, nlp(text))
        counts[published.month] = [row["count_min"] for row in facts["casualties"]]
    assert counts == {3: [10], 6: [10, 10]}  # a March story's 'In March' is its own time; a June story's, another


def test_an_attacker_killed_that_a_quotation_tells_of_is_a_figure(nlp):
    # a quotation tells of a victim the text has counted ('"They killed him," she said'), but an attacker's death first
    text = ("Twenty-two people were killed when a gunman opened fire at a wedding. “It was a criminal attack”, Mr Doe "
            "said. “The attacker was killed,” he added.")
    assert document_figures(nlp, text) == [("killed", 22, None, None), ("killed", 1, None, None)]


@pytest.mark.parametrize("text,expected", [
    # the parser hangs 'including' on the noun of the verb's phrase ('killed in the attack, including ...')
    ("Eleven people were killed in the attack, including a teacher.", [("killed", 11, None, None), ("killed", 1, 11, None)]),
    ("Rebels raided a police base on Friday, killing six officers, including a brigadier, and wounding three others.",
     [("killed", 6, None, None), ("killed", 1, 6, None), ("injured", 3, None, None)]),
])
def test_single_victims_included_wherever_the_parser_hangs_including(nlp, text, expected):
    assert document_figures(nlp, text) == expected


def test_a_state_word_before_another_count_is_the_state_of_the_number_before_it(nlp):
    # 'Four dead and at least 15 passengers missing', which the parser reads as 'dead ... passengers' under a headline
    text = ("Search for Kurmin barge missing\n\nFour dead and at least 15 passengers missing after second barge sinking in a "
            "month.\n\nOn Tuesday navy boats searched the river.")
    assert document_figures(nlp, text) == [("killed", 4, None, None), ("missing", 15, None, None)]
    assert document_figures(nlp, "Rescuers found 20 dead passengers in the hull.") == [("killed", 20, None, None)]
    # (a count after the state word with no state of its own is the state word's, however the parser hangs them)
    text = '"We have 35 dead - more than 12 are police and the others are villagers," the governor said.'
    assert [(kind, count) for kind, count, _part, _place in document_figures(nlp, text)] == [("killed", 35), ("killed", 12)]


@pytest.mark.parametrize("text,expected", [
    # equal counts of a list are two figures ...
    ("Two soldiers and two civilians were killed in the attack.", [("killed", 2, None, None), ("killed", 2, None, None)]),
    # ... but a count and the people it is are one
    ("Two more, a woman in her sixties and a young boy, were taken to the provincial hospital with wounds.",
     [("injured", 2, None, None)]),
])
def test_equal_counts_listed_in_one_sentence(nlp, text, expected):
    assert document_figures(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Jana Doe sustained serious injuries in the crash.", [("injured", 1, None, None)]),
    ("Jan Doe, 19, suffered gunshot wounds to the chest.", [("injured", 1, None, None)]),
    # (a sportsman's injury is no casualty)
    ("Jan Doe suffered a knee injury in the first half.", []),
])
def test_a_named_person_who_sustained_injuries(nlp, text, expected):
    assert document_figures(nlp, text) == expected


def test_a_single_victim_told_of_again_by_the_noun_and_a_name(nlp):
    text = ("The bomb wounded five people, including a schoolteacher and her son. The teacher, identified by hospital "
            "staff as Jana Doe, 41, was injured in her legs.")
    assert [row[:2] for row in document_figures(nlp, text)] == [("injured", 5), ("injured", 1), ("injured", 1)]


def test_an_equal_count_of_another_kind_after_a_conjunction(nlp):
    assert document_figures(nlp, "A bomb exploded beside the patrol, killing two and wounding two others.") == [
        ("killed", 2, None, None), ("injured", 2, None, None)]


@pytest.mark.parametrize("text,expected", [
    # each person a list names, with ages, kin and trades between the names, is a single victim
    ("Jan Kurmo, 29, his father Dalen Kurmo, 63, and volunteer firefighter Sam Dorvik, 28, were confirmed dead "
     "earlier this week.", [("killed", 1, None, None)] * 3),
    ("Police said Jan Kurmo and Sam Dorvik were injured when the roof fell in.", [("injured", 1, None, None)] * 2),
    # (the people of a count stated before are part of it, not figures of their own)
    ("Two people were killed in a crash on the coast road on Tuesday.\n\nAll five crash victims were taken to a "
     "hospital, where Jan Kurmo and Sam Dorvik were pronounced dead.", [("killed", 2, None, None), ("injured", 5, None, None)]),
    ("Jan Kurmo and Sam Dorvik were arrested on Tuesday.", []),
])
def test_named_people_listed_before_what_befell_them(nlp, text, expected):
    assert document_figures(nlp, text) == expected


def test_a_figure_opening_a_paragraph_under_a_picture_credit(nlp):
    # (the parser ended a sentence after the number word that opens the paragraph, taking it from its verb)
    text = ("Bushfires sweep the coast\n\nA fire generated thunderstorm has formed over the Kurmin fire. Source: "
            "Rural Fire Service\n\nSeven people have died, two more are missing and at least 176 homes have been "
            "destroyed in the bushfires.")
    assert ("killed", 7) in [row[:2] for row in document_figures(nlp, text)]


@pytest.mark.parametrize("text,expected", [
    # (the guide's 'the gunman killed himself', in other words)
    ("The gunman committed suicide at the scene.", [("killed", 1, None, None)]),
    ("The attacker later took his own life.", [("killed", 1, None, None)]),
    ("Three of the wounded expired on the way to hospital.", [("killed", 3, None, None)]),
    ("The driver breathed his last on the way to hospital.", [("killed", 1, None, None)]),
    ("The porter gave up the ghost in the ambulance, the hospital said.", [("killed", 1, None, None)]),
    # (an attacker who takes others' lives is no victim; a permit that expires is no death)
    ("The gunman took the lives of 12 people.", [("killed", 12, None, None)]),
    ("The work permits of the 300 labourers expired in March.", []),
])
def test_a_life_taken_by_ones_own_hand_or_expired(nlp, text, expected):
    assert [row[:4] for row in document_figures(nlp, text)] == expected


@pytest.mark.parametrize("text,expected", [
    ("A flight attendant who was pulled alive from the wreckage died later at a hospital.", [("killed", 1)]),
    ("Officers found two men suffering from stab wounds.", [("injured", 2)]),
    ("Police said a man suffering from stab wounds walked into the station.", [("injured", 1)]),
    # (an illness is no injury)
    ("Thousands of people suffering from cholera were treated.", []),
    # one the text told of before with no word of harm, in a hurt condition ...
    ("The pilot and one passenger survived the crash.\n\nThe pilot was in critical condition at the university "
     "hospital.", [("injured", 1)]),
    # ... but not one whose harm was told already, nor one in hospital only
    ("A boy was injured in the blast. The boy remains in critical condition.", [("injured", 1)]),
    ("The boy remains in hospital.", []),
    # ... nor one of those its own sentence named before it
    ("A man opened fire in a store, killing a clerk and wounding two customers. The two customers, a young man and an "
     "older woman, were taken to a medical centre, where the woman was listed in serious condition.",
     [("killed", 1), ("injured", 2)]),
])
def test_single_victims_by_trade_and_those_suffering_from_injuries(nlp, text, expected):
    assert [row[:2] for row in document_figures(nlp, text)] == expected


@pytest.mark.parametrize("text,expected", [
    ("A vigil was held for the 26 lives taken in the shooting.", [("killed", 26)]),
    ("The 26 lives lost in the attack were remembered on Sunday.", [("killed", 26)]),
    ("The 26 lives saved by the crew were counted.", []),
    ("There is a lady dead in a car.", [("killed", 1)]),
    ("I lost seven of my sons, brothers and cousins in the attack.", [("killed", 7)]),
    ("The company lost seven of its biggest clients last year.", []),
    # a headline's participle after a count and its part tells of both
    ("Fourteen civilians including two children martyred in the shelling", [("killed", 14), ("killed", 2)]),
])
def test_lives_and_kin_lost_a_lady_and_a_headlines_participle(nlp, text, expected):
    assert [row[:2] for row in document_figures(nlp, text)] == expected
