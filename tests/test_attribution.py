"""Who said it: the shapes of attribution in news writing (texts written for these tests)."""

import json
import re
from pathlib import Path

import pytest

from newsfacts.extract.facts import extract_document
from newsfacts.extract.nlp import paragraph_text_of

CHALLENGE_ARTICLES = Path(__file__).resolve().parents[1] / "bench" / "challenge" / "articles9.jsonl"


def speakers(nlp, text):
    facts = extract_document({"doc_id": "x", "text": text, "published_date": None}, nlp(text))
    return [(q["speaker"], q["speaker_description"]) for q in facts["quotes"]]


@pytest.mark.parametrize("text,expected", [
    # the speaker named after a long quotation, with an apposition
    ('Police said the attack began at dawn.\n\n"We have never seen anything like this in our town, and we will not '
     'forget the people we lost today," said John Smith, the mayor of the town.', [("John Smith", None)]),
    # a title for the person named earlier
    ('Interior Minister Jane Doe visited the site on Monday.\n\nRescuers worked through the night.\n\n'
     '"We are working with all our partners to find the people responsible," the minister said.', [("Jane Doe", None)]),
    # a pronoun across paragraphs
    ('John Smith, the regional governor, said the shelling continued overnight.\n\nOfficials counted the damage.\n\n'
     '"Our teams are still clearing the rubble from the streets," he said.', [("John Smith", None)]),
    # an organisation and its spokesman, an organisation's pronoun, a statement
    ('A spokesman for the United Nations said: "The humanitarian situation is getting worse every single day."',
     [("United Nations", None)]),
    ('The Red Cross said on Monday that aid was blocked. "Our convoys cannot reach the people who need them most," it said.',
     [("Red Cross", None)]),
    # unnamed speakers go to speaker_description
    ('"It was horrible, there was blood everywhere on the street," a witness said.', [(None, "a witness")]),
    # the outermost reporting verb: the spokesman reports the president's words
    ('President Jane Doe urged both sides "to exercise restraint so as to avoid new casualties," her spokesman '
     'John Smith was quoted as saying.', [("John Smith", None)]),
    # an apposition, not the possessor
    ('"He was a quiet boy who liked football more than school," said Mr. Brown\'s former teacher, Marie Dupont.',
     [("Marie Dupont", None)]),
    # a clause ending in a colon introduces the speaker, whatever its verb
    ('Mayor John Smith put it bluntly: "We cannot rebuild this town without help from the capital."', [("John Smith", None)]),
    # a quotation after an attributed one in the same paragraph, and in a paragraph of its own
    ('"The water rose in minutes," Maria Lopez wrote on Facebook. "Not all of our neighbours survived the night."\n\n'
     '"We will not leave this town again without our families."',
     [("Maria Lopez", None), ("Maria Lopez", None), ("Maria Lopez", None)]),
    # a relative clause speaks for the noun it describes; a verb of purpose for its head verb's subject
    ('The Red Cross, which warned of "a shortage of clean water in every shelter", sent two convoys on Monday.',
     [("Red Cross", None)]),
    ('The Red Cross took to social media to say "the convoys will not move until the shelling stops".',
     [("Red Cross", None)]),
    # the one a newspaper quotes speaks; a person's words relayed by an organisation are the person's
    ('"There are around three thousand fighters left in the hills," the newspaper quoted army chief John Smith as saying.',
     [("John Smith", None)]),
    # a headline's '"...", says mayor' (the parser leaves 'mayor' unlabelled): the mayor the body names
    ("‘We will not give up on our city’, says mayor\n\nMayor Joan Petit spoke to residents at the town hall on Monday "
     "about the rebuilding plans for the old quarter.", [("Joan Petit", None)]),
    # (the parser takes 'quoted' for an adjective of the title and hangs 'as saying' on the name)
    ('"Our units are holding their positions despite heavy artillery fire," the agency quoted commander Yuri Salko '
     'as saying.', [("Yuri Salko", None)]),
    # ... and the one it cites as saying them
    ('"The bridge shook like paper before the water took it away," the news agency cited Jan Dalen, a resident, '
     'as saying.', [("Jan Dalen", None)]),
    ('"The bridge shook like paper before the water took it away," the agency cited a resident as saying.',
     [(None, "a resident")]),
    ('According to the ministry, Jane Doe told the visiting envoy that talks could resume "only if the shelling stops first."',
     [("Jane Doe", None)]),
    # the name in an apposition to the title, not a place the title names
    ('The foreign minister of Norland, Ana Lopes Pereira, wrote on X: "We condemn this attack in the strongest terms."',
     [("Ana Lopes Pereira", None)]),
    # 'the health minister' is the one whose title says health, though another minister was named since
    ('Health Minister Maria Lopez and Interior Minister John Smith visited the camp on Tuesday.\n\n'
     '"We have opened three field hospitals near the border," the health minister said.', [("Maria Lopez", None)]),
    # a title of two words the tagger splits ('secretary-general'), for the person named with it
    ('Jane Doe, secretary-general of the regional council, opened the session.\n\n'
     '"The damage will be felt for a generation," the secretary-general told delegates.', [("Jane Doe", None)]),
    # a generic noun for the organisation last named; a unit named with its number; a spokesman for a body
    ('A group calling itself the Mountain Liberation Front claimed the ambush.\n\n'
     '"Our fighters targeted a convoy carrying weapons to the border," the group said in a statement.',
     [("Mountain Liberation Front", None)]),
    ('The 54th Mechanised Brigade said its soldiers had held the line.\n\n'
     '"The enemy lost two tanks in the attempt to cross," the brigade said.', [("54th Mechanised Brigade", None)]),
    ('The Regional Relief Committee said 300 families had been displaced.\n\nA spokesman for the committee said: '
     '"Our teams have distributed tents, but the needs are far greater."', [("Regional Relief Committee", None)]),
    ('The Ministry of Foreign Affairs summoned the ambassador on Sunday.\n\n'
     '"Any further violation will be met with a firm response," the ministry said in a statement.',
     [("Ministry of Foreign Affairs", None)]),
    # a quotation that opens its paragraph, and the sentence after it names who spoke
    ('"We have no shelter, no medicine and no word from anyone." Maria Lopez, 52, spoke from a tent by the road.',
     [("Maria Lopez", None)]),
    ('"I have never seen a whole town without a single building left standing."\n\n'
     'Those were the words of John Smith, head of the rescue service, after he toured the ruins.', [("John Smith", None)]),
    # a description that names the class of the title given earlier
    ("The country's envoy to the talks, John Smith, arrived on Monday.\n\n"
     'Asked about the ceasefire, the diplomat said: "Both sides have asked us for more time."', [("John Smith", None)]),
    # the parse leaves the verb without its subject; the name set off by commas just before it speaks
    ('In a post on Facebook, the town\'s mayor, Jean-Marc Dubois, wrote: "Our thoughts are with the families tonight."',
     [("Jean-Marc Dubois", None)]),
    # a name with accents set off after a title and a town of 'San ...', which NER took in with the town
    ("Gunmen kill eight\n\nA waitress told El Correo: «They just came in and started shooting at everyone», she said.\n\n"
     "The municipal president of San Isidro de la Loma, Verónica Lerma Ortiz, declared three days of mourning.\n\n"
     "«Our municipality is living through a pain it does not deserve», she said.", [(None, "A waitress"), ("Verónica Lerma Ortiz", None)]),
    # translated copy: the outlet told between the verb and the speaker; a passive explained 'by the fact that' names no one
    ('Floods kill 300\n\nThe toll is explained in particular by the fact that "people tend to live near waterways", '
     'explained to AFP Mohammad Dorvik, deputy head of the relief office.', [("Mohammad Dorvik", None)]),
    # 'she' after a man who reported what an unnamed woman said is that woman, not the man
    ('Temple reopens\n\nTodd Dorvik, reporting from the shrine, said a woman who lost seven members of her family blamed '
     'the police.\n\n"Everything happened due to police negligence," she said.', [(None, None)]),
    # ... but with no one else of her sex brought in, the one named before speaks, whatever the given name suggests
    ('Fires raze homes\n\nIn the town, Jordie Dorvik said it had been a frightening night.\n\n'
     '"I have lived here since I was four and we always thought the house was safe," she told reporters.',
     [("Jordie Dorvik", None)]),
    # a bracket glued to the next word on a page stripped of its markup
    ('Floods kill 50\n\n"There are more bodies under the rubble and mud," Mohammad Dorvik, the head of the Kurmin '
     'Disaster Management Authority (KDMA)in Baghlan said.', [("Mohammad Dorvik", None)]),
    # 'Mrs Doe' is not the man 'Jan Doe' but the wife the text named by her given name after him
    ('Church shooting kills 26\n\nAmong those killed was the daughter of the pastor, Frank Dorvik, and his wife, Sherri, '
     'who were out of town.\n\n"We lost our 14-year-old daughter today and many friends," Mrs. Dorvik told the AP.',
     [("Sherri Dorvik", None)]),
    ('Church shooting kills 26\n\nThe pastor, Frank Dorvik, was out of town.\n\n'
     '"We lost our 14-year-old daughter today and many friends," Mrs. Dorvik told the AP.', [("Dorvik", None)]),
    # an unnamed person at a venue NER took for a person ('Club ...'); a paper with its 'The' is no 'he'
    ('Man shot dead\n\nWitnesses said the gunman pulled up near a bus stop.\n\nA barman at Club Kurmin, who asked not to be '
     'named, said: "My colleague came running past me with two first aid cases."', [(None, "A barman at Club Kurmin")]),
    ('Five killed\n\nYesterday, when The Kurmiser team visited the scene, onlookers described gunfire.\n\nA landscaper '
     'working in the area said he mistook the gunfire for a robbery.\n\n"This is the first time I hear something like this '
     'in the area," he added.', [(None, "A landscaper")]),
    # a title the recogniser took for a body, and the name right after it
    ('Stampede kills 133\n\n"The police teams have counted 123 dead bodies at the hospital," Kurmin Additional Director '
     'General of Police Daljit Singh Dorvik said by telephone.', [("Daljit Singh Dorvik", None)]),
    # a statement of the body named before by the noun for its kind
    ('Miners found dead\n\nA fifth miner was rescued with serious injuries on Friday after the accident at the Kurmin Lekoa '
     'Mine in the town of Dalen, the National Union of Mineworkers (NUM) said.\n\n"The four mineworkers were found dead," '
     'a union statement said.', [("National Union of Mineworkers", None)]),
    # "the city's police commissioner" set beside a name makes it no city's
    ('Hostages freed\n\n"It was a very brave act," said Robert Dorvik, the city\'s acting police commissioner.',
     [("Robert Dorvik", None)]),
    # an industrial area NER took for a person is no 'he'
    ('Man stabbed\n\nPolice were called after workers at a labour camp in Al Kurmin Industrial Area 2 found the victim.\n\n'
     '"Someone was screaming and I rushed to the source of the screams," said the supervisor.\n\n'
     '"He was shaking his head and moving his eyes, but could not speak."\n\n'
     '"I also found the knife he used to stab the victim," he said.', [(None, "the supervisor"), (None, "the supervisor"), (None, None)]),
    # 'he' after a sentence whose subject is a thing of a titled person's
    ('Shelling kills 9\n\nGovernor Anatoliy Dorvik visited the town.\n\nIn the afternoon Dorvik laid flowers at the bus stop, '
     'as Father Dmytro Kurmich, the town\'s priest, read out the names of the dead. The governor\'s voice broke when he '
     'turned to speak to the crowd.\n\n"These were people who survived two winters without heating," he said.',
     [("Anatoliy Dorvik", None)]),
])
def test_speaker_shapes(nlp, text, expected):
    assert speakers(nlp, text) == expected


def test_a_pronoun_is_the_person_the_last_sentences_were_about(nlp):
    text = ('The mayor, John Smith, said the city had done what it could.\n\nAhmed Benali, a brother of the suspects, '
            'stood outside the family home on Tuesday.\n\n"They were normal boys who liked football and cars," he said.')
    assert speakers(nlp, text) == [("Ahmed Benali", None)]
    text = ('Maria Lopez, a nurse, said the clinic was full.\n\nHer colleague, David Brown, said supplies had run out.\n\n'
            '"We had to send people home with open wounds," she said.')
    assert speakers(nlp, text) == [("Maria Lopez", None)]  # 'she' is not a man the text names
    text = ("Commentator Marco Bellini said the minister has to do something about the railways.\n\n"
            '"Getting around by train in the south is an enterprise for adventurers," he wrote.')
    assert speakers(nlp, text) == [("Marco Bellini", None)]  # the main clause's subject


def test_a_title_names_the_person_it_was_given_to(nlp):
    text = ('Prime Minister Peter Wood visited the district on Tuesday.\n\nThe visit came days after the attacks.\n\n'
            '"We will not abandon this neighborhood," the prime minister said.')
    assert speakers(nlp, text) == [("Peter Wood", None)]
    text = ('The police chief, Omar Haddad, spoke to reporters outside the building.\n\n'
            '"The attackers were well trained and well armed," the police chief said.')
    assert speakers(nlp, text) == [("Omar Haddad", None)]


def test_a_ranks_abbreviation_ends_no_sentence_before_the_name_it_belongs_to(nlp):
    doc = nlp("Fire Department spokeswoman Capt. Tavemi Okorundo said the two children did not survive.")
    assert len(list(doc.sents)) == 1


def test_the_head_of_state_or_of_government_is_the_president_or_prime_minister_named_before(nlp):
    text = ('President Jan Dalen visited the wounded officer. "He is a hero of the whole nation," said the head of state '
            'during a televised address.')
    assert speakers(nlp, text) == [("Jan Dalen", None)]
    text = 'Prime Minister Jan Dalen visited the site. "We will rebuild every home," the head of government told reporters.'
    assert speakers(nlp, text) == [("Jan Dalen", None)]


def test_a_headline_title_names_the_person_the_body_names_after_it(nlp):
    text = ("'We will not abandon this city to the gangs', says mayor\n\n"
            "The mayor of the city, Maria Lopez, spoke on Tuesday after a night of shootings left four people dead.")
    assert speakers(nlp, text) == [("Maria Lopez", None)]


def test_a_pronoun_is_not_a_person_the_text_says_died(nlp):
    text = ('John Smith, who represents the family, said the hearing had been delayed three times. The teenager, '
            'Samuel Cole, was 19 when he died.\n\n"The family has waited two years for a single answer," he said.')
    assert speakers(nlp, text) == [("John Smith", None)]
    # a name in apposition to a sentence's subject is what a following 'he' refers to
    text = ('The governor, John Smith, said 60 people were killed.\n\nHis neighbour, Ahmed Benali, was still digging.\n\n'
            '"I have pulled out eleven people with my own hands," he said.')
    assert speakers(nlp, text) == [("Ahmed Benali", None)]


def test_a_pronoun_after_a_person_the_text_describes_but_does_not_name(nlp):
    text = ('John Smith, who lives across the street, said he heard a single shot.\n\n'
            'Another neighbour, who asked that her name not be used, said the corner had grown rougher. '
            '"There are people hanging around that lot at all hours now," she said.')
    assert speakers(nlp, text) == [(None, "Another neighbour")]


def test_she_after_sentences_about_one_who_spoke_to_reporters_without_a_name(nlp):
    text = ('"We heard the shots and ran," said local resident Dana Colbert.\n\n'
            'One woman, who gave no name, spoke to reporters by the cordon. She runs the bakery on the corner and '
            'opened early that day. She says the van had been parked outside since dawn.\n\n'
            '"I saw two men get out, and then I heard the bang from the back of the shop," she said.')
    assert speakers(nlp, text) == [("Dana Colbert", None), (None, "One woman")]


def test_a_village_resident_is_a_person_and_he_is_not_someone_named_in_his_words(nlp):
    text = ('Gunmen killed dozens of people in a village, residents said.\n'
            '"Nobody has counted the dead yet because nobody has dared to go back there" said Sani Kerimu, '
            'a village resident who fled to a nearby town.\n'
            '"The men who came were Boko Haram fighters, everyone in the market knew their faces by noon," '
            'he said.\n'
            '"They burned the granary first and then they went from house to house," he said.')
    assert speakers(nlp, text) == [("Sani Kerimu", None)] * 3


def test_a_paragraph_of_nothing_but_a_quotation_after_one_that_reported_a_persons_words(nlp):
    text = ('Gunmen attacked the town on Sunday.\n\n'
            'Musa Tindarwa said he was feeding his goats when the first trucks reached the well. '
            'He and his brothers hid in the millet until dark.\n\n'
            '\u201cWe could hear them calling out names, one family after another, for hours.\u201d')
    assert speakers(nlp, text) == [("Musa Tindarwa", None)]
    # (not where the paragraph before reported no one)
    text = ('Gunmen attacked the town on Sunday and burned the market.\n\n'
            '\u201cWe could hear them calling out names, one family after another, for hours.\u201d')
    assert speakers(nlp, text) == [(None, None)]


def test_a_body_whose_letters_spell_its_name_after_a_word_of_its_own(nlp):
    text = ('The UN Office for the Coordination of Refugee Affairs (OCRA) published its figures on Tuesday. '
            'OCRA said the closure of the crossing had left "more than half of the camp without clean water".')
    assert speakers(nlp, text) == [("UN Office for the Coordination of Refugee Affairs", None)]


def test_a_name_ner_missed_that_the_sentence_treats_as_a_person(nlp):
    # set beside a role, then quoted by surname
    text = ('Aminu Kazaure, a water-policy researcher at the university, said the talks had collapsed.\n\n'
            '"The technical gap between the two sides is small," Kazaure said.')
    assert speakers(nlp, text) == [("Aminu Kazaure", None)]


def test_an_honorific_tells_who_she_is_and_that_a_mistyped_name_is_a_person(nlp):
    text = ("The party's fisheries spokesman, Mr David Morgan-Hale, said the Government had given in. "
            "'The minister went into those talks with a white flag,' Mr Morgan-Hale said.\n\n"
            "Among the crowd was Mrs Jean Buchanan, whose sons crew a trawler. "
            "'People down south think this is about fish and nothing else,' she said.")
    assert speakers(nlp, text) == [("David Morgan-Hale", None), ("Jean Buchanan", None)]


@pytest.mark.parametrize("text,expected", [
    # words the subject of a passive 'told' heard: no one the text names said them
    ('The head of the Kurmin Red Cross, Jan Doe, said he had asked the navy for help and was told "they would send a '
     'boat as soon as the wind dropped".', [(None, None)]),
    ('Jan Doe was told "there is nothing more we can do for your son" when she called the hospital.', [(None, None)]),
    # (but the one 'by' names told them)
    ('Jan Doe said she was told by the police "there is nothing more we can do for your son".', [(None, "the police")]),
])
def test_words_a_passive_told_says_its_subject_heard_are_not_its_subjects(nlp, text, expected):
    assert speakers(nlp, text) == expected


def test_mister_abbreviated_mtr_is_no_part_of_the_name(nlp):
    # 'Mtr', as some papers abbreviate 'Mister'
    text = '"The gunmen came out of the forest and fired at everyone in the market," said Mtr Dalen.'
    assert speakers(nlp, text) == [("Dalen", None)]


def test_one_who_spoke_without_a_name_is_the_he_that_follows(nlp):
    text = ('Government spokesman John Smith told a news conference that the authorities were ready to talk.\n\n'
            'At the shipyard gate, one striker, a 28-year-old welder who declined to give his name, said he had not '
            'been paid. "My children eat bread and potatoes, the same as before," he said.')
    (name, description), = speakers(nlp, text)
    assert name is None and description.startswith("one striker")


def test_the_description_of_one_who_spoke_without_a_name_is_who_the_definite_one_is(nlp):
    # 'the minister' after 'a senior minister ... said' is that minister, not the minister named before
    text = ("Prime Minister John Smith defended the budget on Monday.\n\n"
            "However, a senior minister, speaking on condition of anonymity, said four ministers would vote against it. "
            '"The prime minister is counting heads, and he does not like the number," the minister said.')
    (name, description), = speakers(nlp, text)
    assert name is None and description.startswith("a senior minister")
    # a surname NER missed is the person named in full before
    text = ("Interior Minister Ziad Haddad warned of unrest on Monday.\n\nTannous, a lawyer, disagreed. Haddad, for his part, "
            'said the police were on alert. "We are prepared for every scenario," the interior minister said.')
    assert speakers(nlp, text) == [("Ziad Haddad", None)]


def test_a_short_paragraph_that_brings_in_no_one_keeps_the_speaker(nlp):
    text = ('"I have written to the governor eleven times," Maria Lopez says. "Eleven letters, and not one reply."\n\n'
            "She laughs, then turns serious.\n\n"
            '"What we are asking for is not complicated at all."\n\n'
            "Another resident, a fisherman, shook his head.\n\n"
            '"Nobody listens to us out here, nobody ever has."')
    assert [name for name, _ in speakers(nlp, text)] == ["Maria Lopez", "Maria Lopez", "Maria Lopez", None]


def test_a_paragraph_the_speaker_is_the_subject_of_keeps_the_speaker(nlp):
    # (whoever else it names: the soldier whose widow the speaker writes to)
    text = ('"He was an inspirational leader and a highly respected member of his unit," General Jan Kurmo said.\n\n'
            'General Kurmo sent his "sincere sympathy" to the family of Sergeant Dalen Doe.\n\n'
            '"We will look after his family for as long as they need us, whatever happens."')
    assert [name for name, _ in speakers(nlp, text)] == ["Jan Kurmo", "Jan Kurmo"]


@pytest.mark.parametrize("text,expected", [
    # a name with particles, which NER cuts in two
    ('Regional delegate Inmaculada de la Torre Benítez said the brakes would be examined. '
     '"We owe the families the full truth, whatever it is," she told reporters.', "Inmaculada de la Torre Benítez"),
    ('The mayor of the town, José Antonio dos Santos Rey, insisted the road was safe. '
     '"The road is narrow, but it is not a dangerous road," he said.', "José Antonio dos Santos Rey"),
    # a name NER took into an organisation, set after a role or an occupation
    ("Minister of Regional Development Nana Tsertsvadze also visited the site. "
     "«The families who lost their homes will receive compensation,» she declared.", "Nana Tsertsvadze"),
    ("Paramedic Rocío Ibáñez Salgado, 33, who helped free the passengers, said: "
     '"The seats had folded like cardboard when the coach rolled."', "Rocío Ibáñez Salgado"),
    ("Member of Parliament from the opposition Alliance for the Regions, Salome Japaridze, stated that "
     "«this is the price of years of negligence, and someone must answer for it».", "Salome Japaridze"),
    # a hyphenated given name the parser hangs on its second part
    ("In a post on Facebook, the town's mayor, Jean-Marc Dufresne, wrote: « Our thoughts are with the "
     "families of the two workers. »", "Jean-Marc Dufresne"),
    # a capitalised title after the name was given with it ('Minister of ...')
    ("Minister of Internal Affairs Givi Lomidze arrived at the site in the morning.\n\n"
     "«The ground is still moving, and we are not risking the lives of rescuers,» the Minister noted.", "Givi Lomidze"),
    # a person set off after a body's name, which ends in a noun for a kind of body
    ('Village attacked\n\nA member of the Kurmin Defence Group, Musa Dorvik, told reporters that '
     '"there was an attack and many people were killed in the night."', "Musa Dorvik"),
    # a name at a paragraph's start that the parser cut in two sentences after its first word
    ('Village attacked\n\nMusa Dorvik confirmed that "there was an attack and many people were killed in the night."',
     "Musa Dorvik"),
    # a title of letters, which NER took for a body, written before the name earlier
    ('Floods kill 12\n\nKurmin Ward MCA Hillary Dorvik accused the county of ignoring warnings about the hillside.\n\n'
     '"We warned the county two years ago that this hill was cracking," the MCA said.', "Hillary Dorvik"),
    # a kinship noun with 'the' points back at the person the sentences before were about
    ('Strike kills four\n\nMusa Dorvik lost his three daughters in the strike.\n\n'
     '"I thought it was a nightmare, we crawled out of the house," adds the bereaved father.', "Musa Dorvik"),
])
def test_names_the_recogniser_cuts_or_mistypes(nlp, text, expected):
    assert speakers(nlp, text) == [(expected, None)]


def test_a_title_points_back_only_where_it_came_right_before_a_name_and_a_kinship_noun_only_at_its_sex(nlp):
    # 'UN' is written before an honorific, not right before the name: 'the UN' is the body
    assert speakers(nlp, 'Talks stall\n\nUN Secretary-General Jan Dorvik met the envoys.\n\n'
                         '"We cannot accept any delay in the delivery of aid," the UN said in a statement.') == [("UN", None)]
    # 'the grieving mother' is no man the sentence before was about; 'the father of one victim' is someone else
    assert speakers(nlp, 'Strike kills four\n\nMusa Dorvik lost his three daughters in the strike.\n\n'
                         '"I thought it was a nightmare, we crawled out of the house," the grieving mother said.') \
        == [(None, "the grieving mother")]
    assert speakers(nlp, 'Strike kills four\n\nMusa Dorvik lost his three daughters in the strike.\n\n'
                         '"I thought it was a nightmare, we crawled out of the house," the father of one victim said.') \
        == [(None, "the father of one victim")]


def test_a_noun_beside_the_name_says_who_she_is_not(nlp):
    # 'Her husband, X,' is a man, and a man the text says is among the dead says nothing later
    text = ("Nasrin Karimova, who is about 60, was asleep when the shaking began. Her husband, Sher Tolkun, is among the "
            "dead. “The mountain came down on us while we slept,” she said.")
    assert speakers(nlp, text) == [("Nasrin Karimova", None)]


def test_a_title_given_with_an_honorific_between_names_the_person(nlp):
    text = ("The government’s chief spokesman, Qari Sayed Ahmad Mangal, said the toll would rise. “Many villages cannot "
            "be reached by road,” the spokesman told a news conference.\n\n"
            "Survivors were examined by Dr Farida Osmani, one of only three female doctors in the province. “Women are "
            "waiting outside because nobody may examine them,” the doctor said.")
    assert speakers(nlp, text) == [("Sayed Ahmad Mangal", None), ("Farida Osmani", None)]


def test_a_title_is_never_read_across_another_persons_name(nlp):
    text = ("Health Minister Carmen Villalobos and Interior Minister Diego Santamaría toured the valley on Tuesday.\n\n"
            "“We have opened three field hospitals and more are on the way,” the health minister said.")
    assert speakers(nlp, text) == [("Carmen Villalobos", None)]


def test_an_interviews_quoted_answers_are_the_interviewees(nlp):
    text = ("Dr. Amina Farah Warsame runs the only surgical ward in the district. Dr. Warsame trained abroad and came "
            "back in 2016.\n\n"
            "We spoke in her office between two operations.\n\n"
            "Why did you come back?\n\n"
            "“Everybody asks that. People here ask it as if I must be a spy.”\n\n"
            "What does a normal day look like?\n\n"
            "“There is no normal day. Yesterday we had a child with a burst appendix.”\n\n"
            "You have been critical of donors.\n\n"
            "“Critical is a strong word. Frustrated, maybe. Buildings do not save lives.”")
    assert speakers(nlp, text) == [("Amina Farah Warsame", None)] * 3


def test_questions_as_subheads_make_no_interview(nlp):
    text = ("Floods have cut the main road, officials say.\n\n"
            "What happened?\n\n"
            "Heavy rain fell for three days on the hills above the town.\n\n"
            "Why is aid not getting through?\n\n"
            "“The bridge is gone and the boats cannot cross the river at night,” said Tomas Berg, a logistics officer.")
    assert speakers(nlp, text) == [("Tomas Berg", None)]


@pytest.mark.parametrize("text,expected", [
    # a second verb of a subject speaks for it; a lede that gives a view names who holds it
    ('In February, Defence Minister Omar Haji Farah stood in front of a row of armoured vehicles and promised '
     '"a war that will not end until the last of them has surrendered".\n\n'
     'The gangs raid villages and kidnap for ransom across the region.\n\n'
     '"The soldiers left the camp two weeks ago, and everyone in the bush knew it before we did."\n\n'
     'That was the view of Malam Sani Garba Dogo, a schoolteacher who fled with his family on Sunday.',
     [("Omar Haji Farah", None), ("Sani Garba Dogo", None)]),
    # of two sources cited, the one nearest before the quotation speaks
    ('According to the rebels, a woman was wounded in the raid, but according to Col Ernesto Quijano, the '
     'commander of the region, "there was no bombing, only clashes with a group of rebels."', [("Ernesto Quijano", None)]),
    # a subheading quoting words of a statement takes its speaker; words no statement holds keep none
    ("'We will rebuild every house'\n\n"
     "The mayor, Tomas Berg, visited the site on Monday. \"We will rebuild every single house they destroy, "
     "and we will do it quickly,\" Berg said.", [("Tomas Berg", None)] * 2),
    ("'Nobody came to help us for days'\n\nResidents of the village waited for the army.", [(None, None)]),
    # a name right after a subjectless verb, and after a rank
    ('"They came up the road in formation, and when we did not move, they fired," said Wilfreda Quispe Mamani, '
     '47, whose nephew was among the dead.', [("Wilfreda Quispe Mamani", None)]),
    ('"Visibility went to zero in less than a minute, people had no time," said Sgt. Marisol Fuentes-Ortega, '
     'a police spokeswoman.', [("Marisol Fuentes-Ortega", None)]),
    # a pronoun after a sentence about 'the minister' is the minister
    ("Amina Diallo, the health minister, spoke first. Fatou Sow, a teacher, said the school had closed.\n\n"
     "The minister has appealed for international help. \"We should not have to beg for the money to "
     "rebuild,\" she said.", [("Amina Diallo", None)]),
    # a nickname is not part of the speaker's name
    ('The provincial governor, Emilio "Toto" Barrios, spoke after the admiral. "Somebody signed that '
     'certificate and I want to know who," he said.', [("Emilio Barrios", None)]),
    # a headline quote, then a colon or a dash and a name, is that person's; what is no name leaves a description
    ("‘I left as a refugee. I came back as a surgeon’: Dr. Ifrah Warsame on rebuilding the hospital\n\nIt reopened in May.",
     [("Ifrah Warsame", None)]),
    ("“We will rebuild every house in this town” - Mayor Tomas Berg\n\nThe mayor spoke on Monday.", [("Tomas Berg", None)]),
    ("“We will rebuild every house in this town”: what the mayor promised\n\nThe mayor spoke on Monday.",
     [(None, "the mayor")]),
])
def test_more_speaker_shapes(nlp, text, expected):
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a country that spoke, then 'it added'
    ("The Kurmin Workers' Union blamed the company for the blast.\n\nIn a commentary on Wednesday, Norway said the "
     "authorities must \"find out the cause quickly and punish those responsible\". It added: \"Safety rules are "
     "written for days like this one.\"", [("Norway", None), ("Norway", None)]),
    # a given name alone, for the one named in full (once with a middle name)
    ("Ernestina Bih Kolo ran the school for twenty years. Ernestina Kolo never closed it.\n\nHer sister, Comfort Ayuk, "
     "said Ernestina had been threatened many times. \"She would say to us, 'Who will teach them if I lock the door?' "
     "She was stubborn,\" Ayuk said.", [("Comfort Ayuk", None), ("Ernestina Bih Kolo", None)]),
    # a family name written first, shared by father and son: the one just named speaking
    ("Outside the hospital, relatives waited for news. Wen Jianguo, whose son Wen Hao, 24, worked night shifts in the "
     "workshop, said officials had told him nothing.\n\n\"Nobody has called us back since the first day,\" the "
     "elder Wen said.", [("Wen Jianguo", None)]),
    # an honorific before a name, and a given name shortened from its start
    ("Every October, Aling Rosalinda Kurmaco lights two candles outside her house.\n\n\"The men took him away "
     "before dawn and never said why,\" Aling Linda, as neighbours call her, told reporters.",
     [("Rosalinda Kurmaco", None)]),
    # a title by its initials
    ("Confirming the attack, the state Police Public Relations Officer, DSP Musa Kurmi, said 11 people were killed.\n\n"
     "Residents said the police arrived late. Garba Lawal, a farmer, said he lost two sons.\n\n\"Our teams are "
     "searching the forest for the kidnapped villagers tonight,\" the PPRO added.", [("Musa Kurmi", None)]),
    # a title 'of' a force, the name, and an aside before the verb: 'he' is that officer
    ("\"The car had been parked in a side street near the market,\" police chief Tariq Awan said.\n\n"
     "Deputy Superintendent of Police Rehan Ali Kurmi, who reached the site shortly after the blast, said the impact "
     "was powerful.\n\n\"Our forensic team is still working on what is left of the car,\" he said.",
     [("Tariq Awan", None), ("Rehan Ali Kurmi", None)]),
    # the body that spoke in a communique, however the parser reads the sentence
    ("Twenty-seven soldiers were wounded, including 11 who were in serious condition and were flown to the capital, "
     "Dalen, the Ministry of National Defence said in a communique read on state broadcaster Tele Kurmin. A first "
     "statement late Wednesday had put the toll at 15.\n\n\"The attack, carried out by several hundred fighters on "
     "motorcycles, targeted our position at dawn,\" the communique said.", [("Ministry of National Defence", None)]),
    # 'she' is the one person her own paragraph names, over sentences about her, not a speaker of the paragraph before
    ("Dr. Amina Kurmi, the hospital's head of surgery, remembers the night well. \"We put them in the corridors and in "
     "the courtyard,\" she said.\n\nIn the village itself, I met Omar Dalen, a shepherd who lost his house. His "
     "neighbor, a widow who gave her name only as Shirin, stood behind him and listened. The aid that came, she said, "
     "came first to the men. \"They give the flour to the men,\" she said, \"and the men give it to whoever they "
     "want.\"", [("Amina Kurmi", None), ("Shirin", None), ("Shirin", None)]),
    # a title the recogniser took for a body ('Humanitarian Coordinator for'), and a name it ran into the body's
    ("The outbreak is spreading.\n\n\u201cThe disease is spreading faster than we can reach people, because the war "
     "has destroyed the roads,\u201d said the Humanitarian Coordinator for Sudan, Marta Lindqvist.",
     [("Marta Lindqvist", None)]),
    ("Forests have been cleared on steep slopes. \"The hills used to be covered with trees and now they are potato "
     "fields,\" said Rahmat Kurniadi of the East Dalen chapter of the Kurmin Forum for the Environment.",
     [("Rahmat Kurniadi", None)]),
    # 'said' as a typing slip writes it
    ("Blast kills 20\n\n\"We were closing the shop for the night when the windows blew in and everyone fell to the "
     "floor,\" eyewitness Rehan Kurmi sid.\n\nPolice said the device had been hidden in a parked van.", [("Rehan Kurmi", None)]),
    # 'the family of X' speaks as a family, not as a body whose name holds 'Family', and issues its statement
    ("Shooting at a grocery\n\nThe gunman opened fire at Kurmin Family Market on Saturday, killing five people.\n\n"
     "In a statement released through the sheriff's office, the family of Ms. Dalen said she had taught third grade "
     "for 34 years and \"never once forgot a student's name.\"\n\n\"We ask for privacy as we grieve a woman who "
     "belonged to this whole town,\" the statement said.", [(None, "the family of Ms. Dalen")] * 2),
    # a title for a place, then its holder's name; 'the Humanitarian Coordinator' and 'she' after it are that holder
    ("Aid is not getting through.\n\n\u201cFamilies who have already fled twice are now being shelled in the camps "
     "they fled to,\u201d said the UN Resident and Humanitarian Coordinator for Sudan, Rosalind Kurmberg. \u201cEvery "
     "party to this war must protect them.\u201d\n\nMSF said its teams had treated 96 people. \u201cThe operating "
     "theatre has not stopped for three days,\u201d said Tomas Dalen, the group's emergency coordinator.\n\nThe "
     "Humanitarian Coordinator called on all parties to let convoys through. \u201cAid workers must be allowed to reach "
     "these sites without delay,\u201d she said.",
     [("Rosalind Kurmberg", None), ("Rosalind Kurmberg", None), ("Tomas Dalen", None), ("Rosalind Kurmberg", None)]),
    # 'the words are those of' a name with a particle inside its given name
    ("Villagers buried their dead on Sunday.\n\n\"They told us the army was coming to protect us. We are still "
     "waiting.\"\n\nThe words are those of Jean-de-Dieu Kambale Kurmo, the pastor of the village church, who keeps a "
     "register of the dead.", [("Jean-de-Dieu Kambale Kurmo", None)]),
    # two ranks before the name
    ("Two soldiers were killed in the clash.\n\n\u201cOur troops were on patrol when they were fired upon from the high "
     "ground,\u201d said Brig. Gen. Rommel Kurmin Dizon, the brigade commander.", [("Rommel Kurmin Dizon", None)]),
    # a surname with its particle is a namesake's question; a body's first word after its name in a headline and in full
    ("Governor Mahmoud Zaher al-Kurmi visited the injured at the hospital. His cousin, Samer Ali al-Kurmi, owns a shop "
     "in the market.\n\nAl-Kurmi said the governorate would pay for the treatment of the injured, adding \u00abthe state "
     "will not abandon the families of the victims\u00bb.", [("Mahmoud Zaher al-Kurmi", None)]),
    ("Kurmo Platinum to cut 3,200 jobs\n\nKurmo Platinum Holdings said on Tuesday it would close two shafts.\n\nKurmo "
     "said its smelter had \"bled the balance sheet dry over five years.\"", [("Kurmo Platinum Holdings", None)]),
    # 'declare a dispute' reports no words: the one who said so speaks
    ("The Kurmin Mineworkers' Front, the largest union at the mine, said it would fight the job cuts. \"This is a "
     "massacre of jobs. Three thousand families will go hungry,\" said the union's general secretary, Thandeka "
     "Kurmalo.\n\nKurmalo said the union would declare a dispute and was prepared to \"fight this to the bitter end, "
     "in the courts and on the streets.\"", [("Thandeka Kurmalo", None)] * 2),
    # someone told by an age alone, brought in unnamed, speaks as 'she', not the one named before
    ("Police chief Jenna Dalen said officers were called at 1 a.m. \"We need witnesses to come forward,\" she said.\n\n"
     "A 17-year-old who was at the party, and who asked that her name not be used because she feared for her safety, "
     "said the argument began over a post online. \"Somebody said something about somebody's cousin, and then there "
     "were shots,\" she said.", [("Jenna Dalen", None), (None, "A 17-year-old")]),
    # Malaysia's titles of two words are no part of the name, where the recogniser took them in, took the name from
    # inside them, or took them alone for the person
    ("Airline cuts jobs\n\nThe carrier lost money in the quarter.\n\nGroup chief executive Tan Sri Chong Mei Ling said "
     "the cuts were painful. \"We have been flying too many routes,\" she said.\n\nFinance Minister Datuk Seri Azlan "
     "Rahmat said the state would not step in. \u201cThe days of rescues are over,\u201d he told reporters in the capital.",
     [("Chong Mei Ling", None), ("Azlan Rahmat", None)]),
    ("Airline to cut jobs\n\nThe airline will cut 900 jobs, it said on Monday.\n\nTransport Minister Datuk Seri Rosli "
     "Hamdan said the government would not bail the airline out. \u201cThe era of taxpayers rescuing private airlines "
     "is over,\u201d he told reporters in the capital.", [("Rosli Hamdan", None)]),
    # a given name joined by 'and' to a full name shares its surname
    ("Brothers lead side into final\n\nThe home side won by 74 runs on Sunday, with brothers Rohan and Vikram Joshi "
     "doing most of the damage.\n\nRohan, the captain, scored 88. \"When Vikram bowls like that, nobody can play "
     "him,\" Rohan said after the match.", [("Rohan Joshi", None)]),
    ("Couple lose home in flood\n\nThe river burst its banks overnight.\n\nMaria and Jose Herrera Ruiz lost their "
     "home and everything in it. \"We had ten minutes to get out,\" Maria said.\n\n\"The water came through the "
     "floor,\" Jose said.", [("Maria Herrera Ruiz", None), ("Jose Herrera Ruiz", None)]),
    # a noun for one person of a nation ('the Pole') is the person the text just named
    ("Visitors win at the death\n\nThe visitors won 2-1 on Saturday.\n\nHome manager Aleksander Kowal was "
     "full of praise for his striker. \u2018He was a killer in front of goal today. When he gets chances like "
     "that, he does not miss,\u2019 said the Pole, who took charge in October.",
     [("Aleksander Kowal", None)]),
    # a title the text gave letters in brackets, a place it serves and the holder's name: 'the SP', 'the DC'
    ("Bus falls into gorge\n\nFourteen people were killed when a bus fell into a gorge on "
     "Sunday.\n\nSuperintendent of Police (SP), Kurmi, Harjeet Singh Dalal, said 11 persons died on the "
     "spot.\n\n\"Among the deceased are four women and two children aged below 10,\" the SP said.",
     [("Harjeet Singh Dalal", None)]),
    ("Bus falls into gorge\n\nFourteen people were killed when a bus fell into a gorge on Sunday.\n\nDeputy "
     "Commissioner (DC) Meenakshi Rawal, who reached the site in the evening, ordered an "
     "inquiry.\n\n\"Overloading on hill roads will not be tolerated at all,\" the DC said.",
     [("Meenakshi Rawal", None)]),
    # a body's capitalised title with its possessive is the person named with it
    ("Clinic attacked\n\nGunmen attacked a clinic on Sunday.\n\n\"She was killed while caring for her "
     "patients,\" said Dr Amina Kurmi-Dalo, KHA's Head of Mission in the country. \"There is no excuse for "
     "this.\"\n\nKHA has suspended night work at the clinic.\n\nKHA's Head of Mission added: \"We are not "
     "leaving. The community has asked us to stay.\"",
     [("Amina Kurmi-Dalo", None), ("Amina Kurmi-Dalo", None), ("Amina Kurmi-Dalo", None)]),
    # 'a Kurmley spokesperson': the one body named in full that begins with the word
    ("Fan dies at match\n\nKurmley Athletic beat Dalen Town 2-1 on Saturday.\n\nThe match was held up when "
     "a supporter suffered a cardiac arrest. He later died in hospital.\n\n\u2018Our thoughts are with his "
     "family and friends at this time,\u2019 a Kurmley spokesperson said.",
     [("Kurmley Athletic", None)]),
    # a surname that is also a common word before a romanised given name, at a sentence's start
    ("Shares fall\n\nPark Seo-yeon, an analyst at Kurmi Securities, said the deal was dead. \"Management bet "
     "the house on this merger. Without it, they have to start again,\" she said.",
     [("Park Seo-yeon", None)]),
    # a hyphenated given name the recogniser took for a body with the middle name
    ("Clinic attacked\n\nGunmen attacked a clinic on Sunday.\n\nJean-Baptiste Mumbere Kasereka, a member of "
     "the local health committee, said in a message to KHA: \"The population is traumatised. People are "
     "afraid to come to the centre.\"",
     [("Jean-Baptiste Mumbere Kasereka", None)]),
    # a West African honorific
    ("Floods hit town\n\nThe river burst its banks on Monday.\n\nThe mayor of the commune, Hadja Aissatou "
     "Kurmila, appealed for aid. \"Families have lost everything, their houses and their food,\" she said.",
     [("Aissatou Kurmila", None)]),
    # 'That was how X described it', 'That was X, speaking at the scene' after a quotation of its own
    ("Shooting at party\n\nFive people were killed at a party on Saturday.\n\n\"You plan a party for months. You rent "
     "the hall, you order the cake. Nobody tells you that you will spend the night looking for your child.\"\n\nThat "
     "was how Renata Kurmi-Brooks described the night.", [("Renata Kurmi-Brooks", None)]),
    ("Building collapse\n\nSix people died when a building collapsed on Sunday.\n\n\"We are still receiving "
     "information from families about relatives they cannot reach.\"\n\nThat was Regional Police Commander Joseph "
     "Kurmi Langat, speaking at the scene at dawn yesterday.", [("Joseph Kurmi Langat", None)]),
    # 'mentioned', 'informed reporters' (as reworded copy writes 'said', 'told reporters')
    ("Strike hits city\n\nA missile struck a residential building on Monday.\n\nThe regional governor informed "
     "reporters: \"Rescue work is continuing through the night at the site.\"", [(None, "The regional governor")]),
    # a council member's title is no part of the name
    ("Shooting at block party\n\nThree people were shot on Sunday.\n\nCouncilmember Denise Kurmon said residents "
     "had asked for help. \"We have been asking for help on this corner for two years,\" she said.",
     [("Denise Kurmon", None)]),
    # 'the group said' after a body's name the recogniser did not see, the subject of the sentence before
    ("Market bombed\n\nAn air strike hit a market on Sunday.\n\nThe Dalen Emergency Room, one of hundreds of "
     "neighbourhood committees, said more than 80 people were wounded.\n\n\"The bombs fell exactly where the traders "
     "had spread out their goods,\" the group said in a statement.", [("Dalen Emergency Room", None)]),
    # 'she' is the woman the paragraph is about, not someone brought in who did something to her
    ("Landslide buries homes\n\nA landslide buried homes on the hillside on Monday.\n\nMaria Kurmina dos Santos, 63, "
     "stayed home on the night of the storm. Her house slid 30 metres down the hill two hours after the siren sounded. "
     "She was not in it; a neighbour had dragged her out minutes before.\n\n\"I heard the siren. How was I supposed "
     "to know this time was different?\" she said, standing on the concrete slab.", [("Maria Kurmina dos Santos", None)]),
    # a body named in a relative clause on the subject is not the subject
    ("Village attacked\n\nGunmen attacked a village on Monday.\n\nThe Kurmish army, which has been fighting the Dalen "
     "Shield Forces (DSF) since April, accused the paramilitaries of committing \"a new massacre against defenceless "
     "civilians\" and said more than 100 people had been killed.", [("Kurmish army", None)]),
    # a rank the recogniser took with the given name for a body
    ("The Kurmin State Police Command put the number of people killed at 37. The command's spokesman, ASP Sani "
     "Abdullahi Kurmi, said in a statement in the capital that the attackers struck at night.\n\n\"The command has "
     "sent more teams to the area and calm has returned,\" Kurmi said.", [("Sani Abdullahi Kurmi", None)]),
    # 'a Republican whose district includes X' makes her no place: 'she' is the representative
    ("Ms Okafor said her son had sent a text. \"I told him yes, of course,\" she said.\n\nState Representative "
     "Lorna Kurmberg, a Republican whose district includes Dalen, wrote on social media that she had shopped at the "
     "store \"every Saturday of my adult life.\" \"Tonight I am praying for the families, and tomorrow I will ask "
     "questions,\" she added.", [("Okafor", None), ("Lorna Kurmberg", None), ("Lorna Kurmberg", None)]),
])
def test_speakers_by_part_of_their_name_title_or_initials_and_after_parser_slips(nlp, text, expected):
    assert speakers(nlp, text) == expected


def test_calling_someone_reports_no_words_but_calling_them_something_does(nlp):
    from newsfacts.extract.attribution.reporting_verbs import _reports_no_words

    def called(sentence):
        return next(t for t in nlp(sentence) if t.lemma_ == "call")

    assert _reports_no_words(called("He was driving his taxi when the police called him."))
    assert not _reports_no_words(called("The minister called him a liar."))
    assert not _reports_no_words(called("The minister called the attack barbaric."))


@pytest.mark.parametrize("text,expected", [
    # a title written short ('Col.') is the one 'the colonel' names
    ('The army said it had not fired on the town.\n\nIts spokesman, Col. Peter Okafor-Lind, spoke in the capital. '
     'Pressed by reporters, the colonel said: "We have a mechanism for investigating every incident."',
     [("Peter Okafor-Lind", None)]),
    # a source cited with 'according to' is who 'he' is next ('Haji' says he is a man)
    ('The provincial governor, Omar Haddad, said the toll would rise.\n\nNine houses were destroyed, according to '
     'the village elder, Haji Gul Rahman Zadran. "Every family has lost something," he said.',
     [("Gul Rahman Zadran", None)]),
    # a coach named in an apposition is a person, and the 'he' of the next paragraph
    ('Tomas Berg, the league president, spoke first. "We are all shocked," he said.\n\nPersilaut\'s coach, Rahmat '
     'Hidayat Siregar, came to the media room close to midnight. He did not talk about the match.\n\n'
     '"We played for ninety minutes and none of it matters now," he said.', [("Rahmat Hidayat Siregar", None)]),
    # a capitalised title with its portfolio before a name the recogniser missed
    ('"The dam is being built with the money of our farmers," Minister of Water and Energy Abdirashid Hersi '
     'Warsame told reporters.', [("Abdirashid Hersi Warsame", None)]),
    # a pronoun in a relative clause is the person named just before it
    ('Minister Omar Haddad told reporters "the river belongs to everyone".\n\nJane Doe, an analyst, said war was '
     'unlikely. She pointed to a speech by the president, Tomas Berg, in which he said that "all options remain '
     'on the table."', [("Omar Haddad", None), ("Tomas Berg", None)]),
    # where no subject is a person, the one person the sentence before names
    ('Prime Minister Omar Haddad voted in the capital. "I feel calm," he told reporters.\n\nIn Guovdavuotna, Aslak '
     'Nilsen Eira, 67, a reindeer herder, drove two hours to cast his ballot. "I have voted in every election since '
     'I was eighteen," he said.', [("Aslak Nilsen Eira", None)]),
    # of two people with the title, the one the last sentence was about ('Brig.' alone is no one)
    ('Defence Ministry spokesman Brig. Gen. Tomas Berg said the city was retaken.\n\n"The so-called operation is a '
     'lie," the rebels\' spokesman, Omar Haddad, said. Haddad said soldiers had surrendered.\n\nBerg denied that '
     'airstrikes had hit civilians. "Our strikes only hit confirmed positions," the spokesman said.',
     [("Omar Haddad", None), ("Tomas Berg", None)]),
    # someone new brought in just before a quotation speaks it; 'her mother' told of does not
    ('Dr. Jane Doe showed us the ward. A nurse puts her head around the door. "Doctor, bed four is bleeding '
     'again," she says.', [(None, "A nurse")]),
    # an archbishop 'of' a city is a person, not an organisation
    ('Archbishop Ludvik Santor of Sorvenik appealed for calm in a sermon. "Violence is the weapon of the weak," he '
     'told the congregation.', [("Ludvik Santor", None)]),
    # relatives of a person speak for themselves
    ('In a statement read outside court, the parents of Tomas Berg said: "He was the first in our family to go to '
     'university."', [(None, "the parents of Tomas Berg")]),
    # an interviewer's label is no speaker
    ('Q: The head of the health bureau, Dr Tomas Berg, told state television the hospital was "fully operational '
     'and well supplied throughout". Is that true?', [("Tomas Berg", None)]),
    # a son told of in a 'whose' clause says nothing of who she is
    ('Ana Ruiz, the club chairwoman, said it was a dark day.\n\nMaria Lopez, whose 15-year-old son Pablo was among '
     'the dead, waited outside the morgue at the general hospital on Sunday morning. "He begged me for the ticket '
     'for a week," she said.', [("Maria Lopez", None)]),
    # a subheading quoting words is no continuation of the quotation before it
    ('Ketut Ariawan, a farmer, said: "The whole village ran to the rice fields in the dark."\n\n15.30\n\n'
     "'The ground moved like a wave'\n\nResidents have been describing the quake.\n\n"
     '"The ground moved like a wave, and the minaret fell across the road," a resident told local television.',
     [("Ketut Ariawan", None), (None, None), (None, "a resident")]),
    # an honorific before a surname the recogniser missed is no part of it
    ('Anjali Kurmanathan KC, defending, told jurors her client had acted in self-defence.\n\n'
     '"You will hear that my client was frightened that night," Ms Kurmanathan said.', [("Anjali Kurmanathan", None)]),
    # the interviewee is the person the questions' introduction names, not the one named most
    ("Oleksandr Hnatiuk scored twice, and Dawit Tesfaye headed the third. Hnatiuk was substituted late. Hnatiuk "
     "will play in the final.\n\n"
     "Five minutes with Dawit Tesfaye\n\nThe midfielder spoke to us after the match.\n\n"
     "Was this the biggest night of your career?\n\n\"Of course. When I was a boy I watched football on a television.\"\n\n"
     "What will you tell your family?\n\n\"Nothing. My mother will already know what happened tonight.\"",
     [("Dawit Tesfaye", None)] * 2),
    # the 'she' of a sentence before is who 'she' is
    ("Faduma Ahmed Hirsi runs the airline. Tana Air announced the merger on Monday.\n\n"
     "For Hirsi, the deal marks the end of an era. She said she expected to stay on as deputy chief executive.\n\n"
     '"I have seen this airline survive wars, droughts and a pandemic," she said.', [("Faduma Ahmed Hirsi", None)]),
    # 'the military' is the institution the text described with its country; 'the statement' its issuer
    ("Myanmar's military has bombed the village before.\n\nIn a statement, the military said it had carried out "
     '"precision strikes on a training camp of terrorists".', [("Myanmar military", None)]),
    ("Bus crash kills 29\n\nThe Amhara Regional State Government, in a statement issued on Friday, expressed deep "
     "sorrow.\n\n"
     '"The regional government extends its condolences to the families of the victims," the statement said.',
     [("Amhara Regional State Government", None)]),
    # 'it read': the message of the sentence before is its sender's
    ('Later on Saturday, Zaw Min Htike sent me a text message. "They came back this afternoon, two jets, but they '
     'bombed the fields," it read.', [("Zaw Min Htike", None)]),
    # words inside « » are inside a quotation
    ("Claire Dumontel, who runs a road safety charity, said the crash showed the danger.\n\n« A coach full of families "
     "should never meet a fuel tanker on a narrow road », she said. « This is not fate. These deaths can be prevented. »",
     [("Claire Dumontel", None)] * 2),
    # a name and a colon at the head of a line give the quotation after them
    ("Cup final beckons\n\nMontoya: 'We were robbed in broad daylight'\n\nRafael Montoya, the visiting coach, was "
     "furious at the referee.", [("Rafael Montoya", None)]),
    # 'the judge' is the one the text called Justice; a headline's bare title the person named below it, not
    # the one the judge 'tells'
    ("'You did not make a mistake, you made a choice,' judge tells Tom Varga\n\nJustice Ana Lopes Pereira sentenced Tom Varga to ten years on Friday.\n\n"
     '"You had every chance to stop, and you chose to drive on," the judge said as she delivered her decision.',
     [("Ana Lopes Pereira", None)] * 2),
    # a police title written as initials is the person named with it in full ('the IGP', 'the CP')
    ('Provincial Inspector General of Police Omar Haddad visited the injured on Monday.\n\n"The sacrifices of our '
     'men will not go in vain," the IGP said.', [("Omar Haddad", None)]),
    ('The Commissioner of Police, CP Musa Bello Garba, led a team to the village.\n\n"We recovered two rifles from '
     'the hoodlums," the CP added.', [("Musa Bello Garba", None)]),
    # a hyphenated surname used alone is the person named in full, whatever the recogniser called it
    ("The second try came from a turnover by openside Rangi Walker-Ngata.\n\nWalker-Ngata, the captain, was named player of the match.\n\n"
     "'Honestly, we got a bit comfortable in the second half,' he admitted.", [("Rangi Walker-Ngata", None)]),
    # a subheading that quotes words printed in full below is theirs who speak them, though the full quotation
    # continues that speaker's words without naming her
    ("Defence lawyer Tom Varga asked for seven years.\n\n'Our house is too quiet'\n\nThe mother spoke first.\n\n"
     '"Kavitha called me every morning on her way to work," said Maria Lopez.\n\n"Our house is too quiet now. Her '
     'brother does not laugh the way he used to."', [("Maria Lopez", None)] * 3),
    # a place in a phrase before the subject is no speaker, though the parser makes it one
    ("In Kabul, the government spokeswoman, Maryam Sadat, called the raid 'a deliberate act of terror against a "
     "civilian population'.", [("Maryam Sadat", None)]),
    # a group in apposition to a plural noun, and the broadcast it put out
    ('The rebels, the Northern Freedom Tigers, gave a different account. In a broadcast on their radio station, the '
     'group said its fighters had killed "more than 200 government soldiers".\n\n"Our fighters have dealt a decisive '
     'blow to the occupying army," the broadcast said.', [("Northern Freedom Tigers", None)] * 2),
    # a statement signed by a spokesperson is the organisation's
    ('In a statement signed by its spokesperson, Dr Jane Doe, the National Police Service said four people had died '
     '"in circumstances that are being investigated".', [("National Police Service", None)]),
    ("Confirming the attack, the Kurmin State Police Command said it had deployed teams to the area.\n\nThe statement, "
     "signed by the command's spokesman, SP Musa Bello Garba, read in part: \"Information was received that armed "
     "bandits invaded the village at about 2100hrs.\"", [("Kurmin State Police Command", None)]),
    # the words after a name's comma are no apposition when they are the next verb's subject
    ('The Kurmin State Government condemned the attack.\n\nIn a statement by the governor\'s media aide, Alhaji Musa '
     'Bello Garba, the government said relief was on its way.\n\n"The government will not relent in its efforts to '
     'rid the state of these criminals," the statement said.', [("Kurmin State Government", None)]),
    # a given name ending in '-man' that is no English word before it ('Abdirahman') begins the name NER cut short,
    # so the name's first word says nothing of his sex
    ("Yosief Tekle, the information minister, was unrepentant.\n\nAbdirahman Farah Warsame, a Somali who runs food "
     "deliveries in the region, says the conflict is forgotten.\n\n'Everybody is looking somewhere else. Nobody is "
     "looking at this border,' he says.", [("Abdirahman Farah Warsame", None)]),
    # one described but not named speaks, however many sentences the quotation has
    ('A resident, Malam Sani Bello, said the gunmen came at night.\n\n"They came in large numbers," Bello said.\n\n'
     'Another resident, who pleaded anonymity for fear of reprisal, disclosed that the bandits took cattle and sheep.\n\n'
     '"They took my wife and my two daughters. I don\'t know where they are now. We are begging for help," the resident '
     'said.', [("Sani Bello", None), (None, "Another resident")]),
    # 'it' is the body the sentence before was about, though the text named another since
    ("Provincial police chief Omar Haddad paid tribute to the policemen in a statement issued by the Central Police "
     "Office.\n\nThe Prime Minister's Office also condemned the attack. \"The nation salutes the courage of the men who "
     "laid down their lives,\" it said in a statement.", [("Prime Minister's Office", None)]),
    # a caption's 'Name: "..."' right after another speaker's paragraph
    ("\u201cThe early signs are good, but we will know more tomorrow,\u201d Hargreaves added.\n\nKwame Mensah: "
     "\u2018I told them to play with no fear\u2019\n\nThe second half was a different game.",
     [("Hargreaves", None), ("Kwame Mensah", None)]),
    # 'the judge' is no department of justice; a person's surname ending in -s is no group
    ('The Justice Department charged Tom Smith with fraud on Monday. A hearing was held in Miami. "This case is about '
     'greed and nothing else," the judge said.', [(None, "the judge")]),
    ('Volunteers for the Kamala Harris campaign knocked on doors. "We are going to win this state," Harris said.',
     [("Kamala Harris", None)]),
    # a title's initials in brackets, then the initials alone
    ("Kurmin Commissioner of Police (CP) Dauda Bala Kurfi said the force would not be deterred.\n\n"
     "\u201cWe will not be cowed by these cowards, and every attacker will be found,\u201d the CP said.",
     [("Dauda Bala Kurfi", None)]),
    # a body's name, a role and a name: the person speaks
    ("\u201cWe expect the number to go up as reports come in from isolated areas,\u201d said Kurmin Civil Defense "
     "Office spokesperson Liza Marquez-Tolentino.", [("Liza Marquez-Tolentino", None)]),
    # an unnamed official at a ministry is described, not the ministry; a spokesman speaks for it
    ("A senior official at the Kurmin Energy Ministry said the project was \u201cfully aligned with the target of "
     "producing clean hydrogen by the end of the decade.\u201d",
     [(None, "A senior official at the Kurmin Energy Ministry")]),
    # 'the 26-year-old', 'as X put it'
    ("Dilan Varatharajah, who grew up in the north, dedicated the win to his father.\n\n\"My father used to drive me "
     "three hours every weekend so I could play,\" the 26-year-old said.", [("Dilan Varatharajah", None)]),
    ("Analysts were gloomy about the prisons. As Varatharajah put it, \"the war outside is only the echo of the war "
     "inside.\"", [("Varatharajah", None)]),
    # a Spanish name's first surname alone; a given name alone, as Indonesian papers write it
    ("Renato Villalba Quishpe, a prison researcher, spoke first.\n\nAs Villalba put it, \"the war outside is only the "
     "echo of the war inside.\"", [("Renato Villalba Quishpe", None)]),
    ("Kurmin village head Sutrisno Lamawa said the mine had operated for four years.\n\n\u201cWe have asked them many "
     "times to stop, but this is how people here feed their families,\u201d Sutrisno said.", [("Sutrisno Lamawa", None)]),
    # one name and an age in an apposition makes a person, whom 'he' refers to later
    ("Rescuer Tomas Kurfi Arnaldo said bodies were still being recovered.\n\nRahmat, a 27-year-old miner, climbed out "
     "unhurt.\n\n\u201cI heard a sound like thunder, and then the wall came down,\u201d Rahmat told reporters.\n\n"
     "\u201cMy cousin and two friends from my village are still down there,\u201d he said.",
     [("Rahmat", None), ("Rahmat", None)]),
    # a patronymic the recogniser cut off its given name; a rank before the name
    ("Kurmin Energy's chief executive, Eng. Turki bin Saleh Al-Kurmani, said the deal marked \u201ca turning point "
     "in the company's history as a producer.\u201d", [("Turki bin Saleh Al-Kurmani", None)]),
    ("\u201cBased on our initial investigation, the master of the vessel decided to leave,\u201d said Commodore "
     "Renato Kurmaculangan.", [("Renato Kurmaculangan", None)]),
])
def test_speaker_shapes_across_sentences(nlp, text, expected):
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # one name that speaks with a noun for a person beside it is a person, wherever the name recurs
    ('"They came from the east side, maybe 30 or 40 motorbikes," said Haroun, a farmer in his fifties who asked '
     'that only his first name be used.\n\nIn the camp, Haroun said he did not know whether his family would go '
     'home.\n\n"Our land is there, our fathers are buried there," he said.', [("Haroun", None), ("Haroun", None)]),
    # a statement noun for what the body the sentence before was about did
    ("Tomba Singh, a village elder, said the attack was planned.\n\nThe Kurmin State Home Department has suspended "
     "mobile internet services in five districts for three days.\n\n\u201cThe suspension is necessary to prevent the "
     "spread of rumours that may disturb public order,\u201d the order said.", [("Kurmin State Home Department", None)]),
    # a reporting verb in -s that the tagger takes for a noun; a description with an age for the person just named
    ("Olha Kurmenko was standing at her kitchen window when the light went out.\n\nHer neighbour was among the "
     "dead. \"The evening before, Valya knocked on my door and said we should go down to the basement,\" Kurmenko "
     "recalls.", [("Olha Kurmenko", None)]),
    ("Olha Kurmenko was standing at her kitchen window when the light went out. \"I didn't hear an explosion,\" says "
     "the 67-year-old retired bookkeeper. \"I heard the building breathe out.\"",
     [("Olha Kurmenko", None), ("Olha Kurmenko", None)]),
    # a rank before a name the recogniser took for an organisation; a given name it left off one
    ("Dmytro Kurval, a battalion commander, said the line was holding.\n\nSergeant Taras Kurhatiuk keeps a notebook "
     "in his pocket. He allows us to read a few pages.\n\nHe wrote: \"Lost two men today at the tree line. Drone, "
     "then artillery, then another drone.\"", [("Taras Kurhatiuk", None)]),
    ("Dmytro Kurval, a battalion commander, said the line was holding.\n\nTaras Dovzhuk keeps a notebook in the "
     "pocket of his uniform. He allows us to read a few pages.\n\nHe wrote: \"Lost two men today at the tree line. "
     "Drone, then artillery, then another drone.\"", [("Taras Dovzhuk", None)]),
    # letters after a judge's name are no organisation
    ("Sentencing, Judge Nadia Kurishi KC said the defendant had shown \"not one flicker of remorse at any point in "
     "the trial\" and had lied to the jury.", [("Nadia Kurishi", None)]),
    # the description with an age speaks for the second quotation too
    ("Aminata Kurmallo had gone to the well when she heard the first vehicles. It was market day in the town. "
     "\u00ab I thought it was the army coming to protect the market, as they sometimes do \u00bb, the 24-year-old "
     "woman told reporters by telephone. \u00ab Then I saw them go into the houses. \u00bb",
     [("Aminata Kurmallo", None), ("Aminata Kurmallo", None)]),
    # an honorific before a name NER did not see, the byline's author aside
    ("By Clara Kurmpool\n\nDaw Khin Myo Kurmaye keeps her husband's sandals by the door of the shelter where she "
     "now lives. \u201cHe took them off to run,\u201d she told me, the first time we met.", [("Khin Myo Kurmaye", None)]),
    # "the sheriff's office" is an institution, whose statement the statement is
    ("A county supervisor, Darren Kurloway, wrote on Facebook that \"11 of our neighbors are gone,\" putting the toll "
     "at 11.\n\nThe sheriff's office said in a statement early Friday that the figure was incorrect. \"That number is "
     "not accurate, and we ask the public to rely on official information only,\" the statement said.",
     [("Darren Kurloway", None), ("sheriff's office", None)]),
    # 'quoted him as saying': the person the sentence before was about
    ("The provincial governor, Mansour Kurmi-Karimi, gave a very different account. \u201cA number of rioters, incited "
     "by foreign-based media, attacked the police headquarters,\u201d the semi-official news agency quoted him as "
     "saying.", [("Mansour Kurmi-Karimi", None)]),
    # 'a ministry spokesperson': the ministry the text named
    ("In a statement, the Kurmin Interior Ministry said police had acted lawfully.\n\n\u2018Any attempt to storm the "
     "Parliament building will be met with a lawful and proportionate response,\u2019 a ministry spokesperson told "
     "journalists on Sunday afternoon.", [("Kurmin Interior Ministry", None)]),
])
def test_speakers_told_by_what_the_text_said_of_them(nlp, text, expected):
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a state's one military, and a ministry the text names without its country, are the document's country's
    ("YANGON, Myanmar \u2014 Air strikes hit a village in Sagaing region on Sunday. The military said in a statement that "
     "it had carried out \u201cprecision strikes on a training camp of terrorists\u201d near Kurmaw.",
     [("Myanmar military", None)]),
    ("DAKAR, Senegal \u2014 Protesters clashed with police in the capital. The Interior Ministry said in a statement that "
     "\u201csome of them were seriously hurt by stones and pellets\u201d during the night.",
     [("Senegalese Interior Ministry", None)]),
    # ... but not where the text names the country with it (a country's body is its adjective's, as a name is
    # written), nor where no one country stands out
    ("Russia's defence ministry said its forces had struck \u201ca temporary deployment point of the enemy\u201d overnight.",
     [("Russian defence ministry", None)]),
    ("Kharkiv's regional administration said it was reviewing its guidance. \u2018No barrier can offer complete protection to a "
     "crowd,\u2019 the administration said.", [("Kharkiv regional administration", None)]),
    ("The army said \u201cour gallant troops are in hot pursuit of the bandits\u201d after the raid.", [(None, "The army")]),
    # a name NER began after its 'and'
    # ... its military government, its army's spokesman, its army's general staff, its military's media wing
    ("ABECHE, Chad \u2014 Chadian soldiers raided a village near Moundou on Sunday. Chad is ruled by the army.\n\n"
     "The military government has never acknowledged the raid. A statement read on state television described "
     "\u201ca clash between rival armed groups in the area.\u201d\n\nAn army spokesman said troops had been sent. "
     "\u201cOur troops are in hot pursuit of the fleeing criminals,\u201d he said.\n\nIn a communique, the army general "
     "staff said its units had carried out \u201ca vast operation to secure the whole district.\u201d\n\nThe military's "
     "information team said the air force had struck \u201ca training camp of armed bandits near the town.\u201d",
     [("Chadian military government", None), ("Chadian army", None), ("Chadian army general staff", None),
      ("Chadian military", None)]),
    # ... but a media wing the text has just named is that body
    ("PESHAWAR, Pakistan \u2014 Police in Pakistan said two officers died in Bannu.\n\nSeparately, the Kurmin Press "
     "Directorate said troops had killed seven militants overnight.\n\n\u201cAfter an intense exchange of fire, seven "
     "militants were killed,\u201d the military's media wing said.", [("Kurmin Press Directorate", None)]),
    ("The Energy and Mineral Resources Ministry said in a statement that \u201cillegal mining endangers lives and damages "
     "the land.\u201d", [("Energy and Mineral Resources Ministry", None)]),
    # a name with a hyphenated given name is its middle word alone, later; titles English outlets write before names
    ("The provincial minister, Jean-Pierre Kurmaba Kurlokwe, told AFP the toll had risen.\n\n\u00abThe divers will go "
     "on searching through the night,\u00bb Kurmaba said by telephone.", [("Jean-Pierre Kurmaba Kurlokwe", None)]),
    ("The union\u2019s general secretary, Comrade Aminu Kurmello Yauri, said: \u201cNo worker was told before the "
     "announcement was made.\u201d", [("Aminu Kurmello Yauri", None)]),
])
def test_institutions_named_with_the_documents_country(nlp, text, expected):
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # 'a member of the village committee' is no village: the honorific's name is a person's
    ("Daw Khin Kurmyo, a member of the village administration committee, said the dead included three monks.\n\n"
     "\u201cMost of the families buried their dead this morning,\u201d she said.", [("Khin Kurmyo", None)]),
    # a hyphened given name NER passed over, beside a role
    ("The verdict was read on Thursday. His lead counsel, Jean-Kurm Dubrelle, told reporters the defence would appeal. "
     "'My client was a political figure at the time of these events,' he said.", [("Jean-Kurm Dubrelle", None)]),
    # a count of people is no one who speaks; a rank of two words before the name
    ("A total of 96 people were pulled alive from the river, Lt Cdr Syeda Kurmana Haque, a coast guard spokeswoman, "
     "told reporters.\n\n\u201cDivers will go on searching the channel until dark,\u201d she said.",
     [("Syeda Kurmana Haque", None)]),
    # the name an unnamed speaker gave
    ("A passenger, who gave his name only as Kurmasim, said the ferry had been listing for an hour.\n\n"
     "\u201cNobody came to tell us what was happening below deck,\u201d he said.", [("Kurmasim", None)]),
])
def test_speakers_the_text_names_in_passing(nlp, text, expected):
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a name NER took for a title, doing something; the surname alone is the person the story named first, not a
    # relative named after him
    ("On the morning of Aug. 12, Kurvind Ramalathan walked out of the control room and called his wife.\n\n"
     "\u201cHe told me that nobody at the plant listens,\u201d Priya Ramalathan recalled in an interview.\n\n\u201cIf this valve fails again "
     "under load, we will not get a second warning,\u201d Ramalathan wrote in an email to his supervisor.",
     [("Priya Ramalathan", None), ("Kurvind Ramalathan", None)]),
    # ... nor one whose death the text tells
    ("The death of winemaker Trevor Kurmaton in the blast will not stop the harvest.\n\nJohn Kurmaton said the family "
     "would carry on.\n\n\u201cWe are still in shock at our loss and grieving for our brother,\u201d Mr Kurmaton said in "
     "a statement.", [("John Kurmaton", None)]),
    # the namesake the paragraph before named in full, not the one the story named first
    ("Toma Vell, 19, had started work at the mine in May.\n\n"
     "His father, Ilir Vell, was working a shift in a neighbouring shaft when the blast shook the hill.\n\n"
     '"I knew it was his gallery before anyone told me," Vell said.', [("Ilir Vell", None)]),
])
def test_people_who_share_a_surname(nlp, text, expected):
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a name set beside a noun for an organisation is one, whatever NER made of it; 'it' and 'the group' are it
    ("The company that operates the mine, Kurmenes del Alto Urbaque S.A.S., said in a statement that it was "
     "cooperating. \"Our priority right now is the rescue of our five colleagues,\" it said.\n\nA little-known "
     "militant outfit, Lashkar-i-Kurmideen-i-Sarhad, claimed the attack in a message. \"Our fighters attacked the "
     "police post and killed many,\" the group claimed.",
     [("Kurmenes del Alto Urbaque S.A.S.", None), ("Lashkar-i-Kurmideen-i-Sarhad", None)]),
    # a news agency a person spoke to is no person the next pronoun could mean
    ("\"I lost my house and my sheep in a few minutes,\" Gul Kurmad, a resident of the district, told Xinhua by "
     "phone.\n\n\"My neighbours climbed onto the roof of the mosque,\" he said.",
     [("Gul Kurmad", None), ("Gul Kurmad", None)]),
    # the pronoun between two quotations of one paragraph is one speaker's, not the next paragraph's
    ("\u201cI am not leaving this place until I find her,\u201d said Rokeya Kurmum, whose daughter is missing.\n\n"
     "The search resumed at dawn, Syeda Farhana Kurmaque, media officer of the coast guard, told The Daily Star over "
     "phone.\n\n\u201cOur divers are working with the fire service and the navy,\u201d she said. \u201cWe are also "
     "searching the downstream islands, as bodies may have drifted.\u201d",
     [("Rokeya Kurmum", None), ("Syeda Farhana Kurmaque", None), ("Syeda Farhana Kurmaque", None)]),
])
def test_speakers_of_bodies_and_second_halves(nlp, text, expected):
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a body named in lower case speaks for itself; 'the agency' after it is that body, not a person whose title
    # names an agency
    ("The head of the regional disaster agency, Abdul Kurmis Rahmatullah, gave a briefing.\n\n16.40 WITA\n\nThe national "
     "disaster management agency has posted an update:\n\n\u201cLogistics assistance of 2,000 family tents is being sent "
     "to the town today.\u201d\n\nIndonesia\u2019s meteorology and geophysics agency has confirmed the depth of the quake.\n\n"
     "\u201cThis was a shallow earthquake on a local fault,\u201d a spokesperson for the agency told reporters.",
     [("national disaster management agency", None), ("Indonesian meteorology and geophysics agency", None)]),
])
def test_a_body_named_in_lower_case_and_the_agency_after_it(nlp, text, expected):
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # the first of two surnames written alone, in a sentence of a name and its verb that the parser misreads
    ("Ana Lucía Kurtiz Benavides drives a rod into the earth. Rosa Elvira Kurmanilla waits beside her.\n\n"
     "Kurmanilla opens her umbrella over the hole. Kurtiz kneels.\n\n\u00abWe will keep digging until we find them "
     "all,\u00bb she says.", [("Ana Lucía Kurtiz Benavides", None)]),
])
def test_a_first_surname_alone_and_a_name_with_its_verb(nlp, text, expected):
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a body's name written in lower case is a name, and its later 'the ministry' is that body
    ("The ministry of social affairs says it has released funds for families who lost their homes.\n\n\u201cShelter "
     "and clean water come first for every family,\u201d the ministry said in a statement.",
     [("ministry of social affairs", None)]),
    # ... the one the text wrote before with a place's name
    ("The Kurmin regional emergency service says the toll rose overnight.\n\nThe regional emergency service has raised "
     "the death toll to seven. \"The work is complicated by the risk of collapse,\" it said.",
     [("Kurmin regional emergency service", None)]),
    # the police department alone is no name
    ("\u201cWe ask people to stay away from damaged buildings,\u201d the police department said.",
     [(None, "the police department")]),
])
def test_bodies_named_in_lower_case(nlp, text, expected):
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a country's possessive before a ministry stays in its name; a later bare one is the one last qualified
    ("Chile's Defence Ministry said on Tuesday that its aircraft had \"hit a fuel store used by the rebels\" in the "
     "north.\n\nPeru's Foreign Ministry protested. \"Nothing can justify an attack so close to our border towns,\" the "
     "ministry said in a note.", [("Chilean Defence Ministry", None), ("Peruvian Foreign Ministry", None)]),
    # a sentence's first adverb is no part of the body's name NER took it into
    ('The Chilean Defence Ministry said 40 drones were destroyed. Later the Defence Ministry said in a statement: "Air '
     'defence crews on duty intercepted and destroyed many drones over the coast."', [("Chilean Defence Ministry", None)]),
    # the one who spoke in the main clause, named in apposition, not the subject of what he reported
    ('A neighbour, Jan Dobrow, said Kurmin Haram had raided three farms in the district in recent weeks.\n\n'
     '"They took the cattle and set fire to every barn in the valley," he added.', [("Jan Dobrow", None)]),
    # 'the Democrat' for the person the sentence before was about
    ('Senator Jan Kurmin conceded on Monday that the budget would not pass. "We simply do not have the votes for it this '
     'week," the Democrat said after a meeting.', [("Jan Kurmin", None)]),
    # 'the army' for the military the text described before; a military's statement named by its adjectives
    ('The Chilean military said that "a group of armed men crossed the river at night" near the border.\n\n"Patrols '
     'turned them back before dawn," the army said in a note.\n\nA Chilean military statement later said that patrols '
     '"found two abandoned trucks on the riverbank" near the crossing.', [("Chilean military", None)] * 3),
    # the secretary-general's statement, issued by his spokesman, and what 'it' added
    ('Secretary-General Jan Kurminen condemned the shelling of a Kurmin Aid warehouse.\n\nIn a statement issued by his '
     'spokesman, the Secretary-General expressed his concern.\n\nAccording to early reports, the shelling destroyed '
     'food for thousands of families.\n\n"Warehouses of aid agencies must be spared by every side," the statement '
     'said.\n\n"Those who block food from reaching civilians will be held to account," it added.',
     [("Jan Kurminen", None)] * 2),
    # a passive report's agent speaks for the quotation in the next paragraph
    ('Two houses burned down. This was announced by the district governor Jan Dobrenko at a briefing in the evening.\n\n'
     '"The fire started in a shed behind the first house and spread with the wind."', [("Jan Dobrenko", None)]),
    # a word the surname of one person and the given name of another: the one the text just named
    ("Mayor Jan Ahmed opened the new bridge.\n\nAhmed Kurmin, a fisherman, says the river rose overnight. Ahmed, who "
     'spoke from his boat, said his nets were lost.\n\n"The water came faster than any of us had seen before," he said.',
     [("Ahmed Kurmin", None)]),
    # a word for what a person is, capitalised at the start of a sentence, is no part of the name after it
    ('Two shops and a school were damaged in the storm.\n\nVillager Kyaw Kurmin and her son hid in the school hall.\n\n'
     '"We stayed under the tables until the wind dropped," she said.', [("Kyaw Kurmin", None)]),
    ('The final was close.\n\nBarring Kurmin, who scored twice in the match, every other forward struggled to find '
     'space.\n\n"You want to score early and then control the game from the middle," Kurmin told the broadcaster.',
     [("Kurmin", None)]),
    # the county public defender's office speaks as a body
    ('"The raid broke every rule that officers are bound by," the county public defender\'s office said in a statement.',
     [("county public defender's office", None)]),
    # a subject the parser found inside the quotation is none: the description after it speaks
    ('District governor Jan Kurmenko said a rocket had hit a block of flats.\n\n"I was in the kitchen, I heard a bang, '
     'probably a rocket," a neighbour, who gave her name only as Kurma, said outside the block as she held her son.',
     [("Kurma", None)]),
    # the pronoun a name's own sentence uses tells the sex its given name does not: 'she' is the mother
    ('Thandeka Mabuza keeps her son\'s football boots by the door. Sizwe Mabuza was 19 when he was shot dead outside '
     'a shop. She has kept everything.\n\n"They shot him in the back as he ran," she said.', [("Thandeka Mabuza", None)]),
    # of namesakes of one sex, the one the sentences before were about
    ('Kurma Loren, 12, was killed at the market. Her sister, Anna Loren, was hurt.\n\nHer mother, Teresa Loren, sat '
     'through every day of the hearing. Outside the court, she held a photograph.\n\n"They knew about him. They knew '
     'twice," Mrs Loren said.', [("Teresa Loren", None)]),
    # an Indian honorific is no part of the name
    ('"Our first priority is to reach every injured passenger," said Shri Kurmendra Prakash, the district collector.',
     [("Kurmendra Prakash", None)]),
    # a country's border guards speak as a body
    ('"Our patrol was fired on from the other bank and returned fire," the Kyrgyz border guards said in a statement.',
     [("Kyrgyz border guards", None)]),
    # a body named by the one who leads or backs it speaks as that body, and its spokesman for it
    ('"The strikes hit only military targets in the north," the Kurmin-led coalition said in a statement.',
     [("Kurmin-led coalition", None)]),
    ('Rebels blamed the Kurmin-led coalition for the raid. "We take this report very seriously and it will be '
     'investigated," a spokesman for the coalition said.', [("Kurmin-led coalition", None)]),
    ('"We pushed the fighters back from the northern districts," the Kurmin-backed forces said on Sunday.',
     [("Kurmin-backed forces", None)]),
    # of two subjects the parser gave the verb, the one that names someone
    ('Jan Al-Kurmis blamed the blast outside the market on gunmen.\n\nThe gunmen, said Al-Kurmis, \u201ccannot frighten a '
     'city that has rebuilt itself twice, and we will find every one of them.\u201d', [("Jan Al-Kurmis", None)]),
])
def test_bodies_by_country_and_people_by_what_the_text_just_said(nlp, text, expected):
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # one who gives only a first name or a call sign is named by it
    ('"Forty men from my company were wounded this week," said a medic at the gate who identified himself only '
     'as Tarkan, 31. "It gets worse every day."', [("Tarkan", None), ("Tarkan", None)]),
    ('"They hunt the drone crews first now," said one gunner, identified by his call sign, Falko.', [("Falko", None)]),
    # a newspaper quoting someone 'to have said'
    ('A tanker burst into flames on the highway.\n\n"The crash was caused by reckless driving on a busy road," the '
     'Kurmin Courier quoted Dele Kurmawa to have said.', [("Dele Kurmawa", None)]),
    # a police title in initials with its district in brackets, and 'the DCP' later
    ('A warehouse roof gave way on Monday.\n\nDCP (north) Kamal Rustam said the crowd slowed the rescue.\n\n'
     '"We sent every team we had, but the lane was too narrow for the cranes," said the DCP.',
     [("Kamal Rustam", None)]),
    # a name hung on its title's 'of' phrase is the subject, for the pronoun after it and as a subject itself
    ('Gunmen attacked a base near the border on Sunday, the high commissioner of Dala province Amadou Kone said by phone.'
     '\n\n"They came on foot from the river and set the fuel store alight," he said.', [("Amadou Kone", None)]),
    ('"We will hunt them down wherever they are hiding now," the governor of Dala province Amadou Kone told reporters.',
     [("Amadou Kone", None)]),
    # the one attributed between two quotations of a paragraph, with a long phrase after the name, speaks both
    ('"Twice a shell landed by the lorry and I ran away," said Zainabu, resting on a bench outside a clinic in a town '
     'that rebels hold. "Each time the drivers asked for more money." Aid workers say many families still wait there.',
     [("Zainabu", None), ("Zainabu", None)]),
    # the first of two surnames alone, where that word is a given name elsewhere too
    ('Miners said the seam had been closed for years. Marco Cruz Quintana, 52, has worked it since he was a boy.\n\n'
     '"You hear the rock talk before it moves," Cruz said.', [("Marco Cruz Quintana", None)]),
    # letters after a name the recogniser missed are no part of it
    ("Dinesh Kurunath KC, defending, told the jury the evidence was thin.\n\n"
     "\u2018Not one witness saw my client holding the bottle,\u2019 Mr Kurunath said.",
     [("Dinesh Kurunath", None)]),
    # a portfolio named before its holder gives the title, and the rest of its name is no one
    ("Kurmin's Minister of Fisheries and Coastal Affairs, Nikos Darvelis, defended the harbour police on Tuesday."
     '\n\n"The smugglers who sent that boat out will answer for every life lost," the minister told reporters.',
     [("Nikos Darvelis", None)]),
    # a police title in initials names the officer given it
    ("On Friday, Kurmin Director General of Police (DGP) Ravinder Kalsi said the operation had ended at dawn."
     '\n\n"The checkpoints will stay on the highway until the roads are safe again," the DGP said.',
     [("Ravinder Kalsi", None)]),
    # a ministry written in lower case is the body of the text's country
    ("KURMIN CITY, Chile (Agency) - A lorry bomb struck a convoy of customs officers in the Chilean capital on "
     'Monday.\n\n"Three officers died at the scene and a dozen more are in hospital tonight," the interior ministry told reporters.',
     [("Chilean interior ministry", None)]),
    # 'the organization said': the body that spoke before, not another its words were about
    ("The Kurmin Medical Union told reporters on Friday that the Dalen Front had shelled a clinic in the valley, leaving "
     "nine dead.\n\n\"We ask every government to help us keep the last clinic of the valley open,\" the organization said.",
     [("Kurmin Medical Union", None)]),
    # ... a name set in apposition to the subject of a reporting verb too
    ("Police said the Kurmin Union had spoken to reporters on Monday. A little-known armed outfit, the Dalen Front, claimed "
     "the attack in a message.\n\n\"Our fighters attacked the post and all of them returned safely,\" the group claimed.",
     [("Dalen Front", None)]),
    # a photographer credited under a picture said nothing
    ("One witness, Jan Kurmato, survived the blast and says help came late.\n\nA man runs past burning cars at the "
     "market. (AFP: Dale Ostrakov)\n\n\"I had just parked the car when the whole street shook and went dark,\" he said.",
     [("Jan Kurmato", None)]),
    # a body's advice with two closing single marks
    ("Rain fell all week.\n\n\u201cThe low lying roads around the town will be under water again tonight,\u2019\u2019 "
     "the Kurmin Emergency Service advised.", [("Kurmin Emergency Service", None)]),
])
def test_speakers_named_by_a_first_name_a_title_or_a_body(nlp, text, expected):
    assert speakers(nlp, text) == expected


def test_a_broadcast_reporter_quotes_the_one_who_spoke_before(nlp):
    text = ("A missile hit a block of flats overnight. Our correspondent Nina Marlowe reports.\n\n"
            "NINA MARLOWE, BYLINE: Jana Okafor wept as she looked at the building.\n\n"
            "JANA OKAFOR: (Speaking Spanish).\n\n"
            'MARLOWE: "I searched the stairwell all morning," she says, "and nobody would tell me anything."\n\n'
            "OKAFOR: (Speaking Spanish).\n\n"
            'MARLOWE: "My brother kept the keys to every flat on that floor."\n\n'
            'MARLOWE: "He wanted to move out next spring, to the coast," Okafor says.')
    assert [s for s, _ in speakers(nlp, text)] == ["Jana Okafor"] * 4


def test_one_who_remembers_is_a_person_and_a_nationality_is_no_name(nlp):
    # 'Tesfu remembers' (which the parser reads as a name and a plural noun) makes Tesfu the one the text is about
    text = ("The guards came for the list at dawn, Tesfu remembers, when the queue for water had already formed.\n\n"
            '"Nobody told us where the buses were going or who would be on them," said the 31-year-old '
            "Chilean, who asked that his family name be left out.")
    assert speakers(nlp, text) == [("Tesfu", None)]
    # with no one named before, 'the Eritrean' is a description
    assert speakers(nlp, text.split("\n\n")[1]) == [(None, "the 31-year-old Chilean")]


def test_the_army_of_a_text_about_one_country_is_the_states_not_an_armed_group_named_army(nlp):
    text = ("BOGOTA (Kurmin Press) -- Two soldiers died when a bomb planted by the Dalen Hill Army went off near a town "
            "in eastern Colombia, the national army said on Thursday.\n\"We honour the two men who gave their lives "
            "protecting the valley,\" the army wrote on its website.")
    assert speakers(nlp, text) == [("Colombian national army", None)]



@pytest.mark.parametrize("text,expected", [
    # a title in lower case between the reporting verb and the name, the verb taken for an adjective
    ('The junta has confirmed it carried out the strike.\n\n"There was a ceremony at the office in the morning. We '
     'attacked this place," confirmed junta spokesman John Smith overnight from Tuesday to Wednesday.', [("John Smith", None)]),
    # the one who said it, not the agency that passed it on
    ('"We will not hold any talks with them at this stage," Foreign Minister Jane Doe said, a news agency reported, '
     'citing state television.', [("Jane Doe", None)]),
    # a word inside a long name by which the text goes on to name its bearer
    ('Rabei Karim Sayed Ahmed was the first to be led to the stand.\n\n"I do not accept any of the charges against me," '
     'Karim said through an interpreter.', [("Rabei Karim Sayed Ahmed", None)]),
    # a given name some countries give to men and others to women says nothing of a 'he'
    ('A district official, Umar Hadi, said nine of the injured later died in hospital.\n\nDeputy police chief Andrea '
     'Kurniadi told reporters the road was closed.\n\n"The road is unstable and very difficult for heavy trucks," he was '
     'quoted as saying.', [("Andrea Kurniadi", None)]),
])
def test_titles_relays_long_names_and_names_of_either_sex(nlp, text, expected):
    assert speakers(nlp, text) == expected


def test_a_title_alone_is_no_speaker_but_the_one_who_holds_it(nlp):
    text = ('Fire service director general Karim Uddin Chowdhury arrived in the evening.\n\nAt a briefing on Friday, the fire '
            'service DG said the tower lacked working sprinklers and alarms.\n\n"Most of the extinguishers we found on '
            'the upper floors were empty," he said.')
    assert speakers(nlp, text) == [("Karim Uddin Chowdhury", None)]


@pytest.mark.parametrize("text,expected", [
    # 'the official' for the person the text named with a public office
    ('Jane Doe, head of the regional administration, wrote on Telegram that the shelling went on all night.\n\n'
     '"Three villages were left without power and water," wrote the official.', [("Jane Doe", None)]),
    # ... but not when an unnamed official was brought in after her, whom 'the official' points to
    ('Jane Doe, head of the regional administration, said the shelling went on all night.\n\nDivers found two more '
     'bodies on Monday. Relatives waited at the pier.\n\nA senior port official, whose name was withheld, told us the '
     'skipper was held overnight. Families were angry. "Someone is lying to us about the engine," the official said.',
     [(None, "the official")]),
    # ... and the unnamed one of the sentence before speaks, even where the tagger took the noun for a name
    ('The harbour master, Captain Jan Doe, said the search would go on.\n\nA senior port official, whose name was '
     'withheld while the inquiry lasts, said the skipper was held overnight. "The two accounts differ on every point '
     'that matters. Someone is lying to us," the official said.', [(None, "A senior port official")]),
    # a name NER may take for a body, which a clause with 'who' makes a person; and the 'he' after it
    ('Gunmen arrived at the camp at dawn and set the shelters alight, said Ndu Kalabe Wosso, who heads the camp.\n'
     '"We have buried the dead and the rest of us sleep in the open," he told local radio.', [("Ndu Kalabe Wosso", None)]),
    # 'continue' with a verb of its own reports nothing; a reporting verb in -ing taken for a noun has a subject;
    # 'the Observatory' is the body the text named with that noun
    ('The National Observatory for Human Rights said 12 people died in the shelling.\n\nShelling continued to shake the '
     'valley, with the Observatory reporting "heavy exchanges of fire near the northern bridge since midnight."',
     [("National Observatory for Human Rights", None)]),
])
def test_officials_people_the_ner_took_for_bodies_and_bodies_by_their_noun(nlp, text, expected):
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a name set beside a kind of organisation is a body, which the text may go on to call by that noun
    ('KTU-9, a local teachers union, said two teachers were hurt in the clashes. "Too many teachers have fallen '
     'this year and nobody answers for it," the union said.', [("KTU-9", None)]),
    # ... but a person NER found stays a person, whatever the apposition
    ('Jane Doe, a union organiser, spoke at the gate. "Nobody here will work another night shift for that pay," '
     'she said.', [("Jane Doe", None)]),
    # the words a subject calls, brands or considers something are that subject's
    ('The Kurmin Bar Association branded the ruling "an attack on the independence of every court in the land".',
     [("Kurmin Bar Association", None)]),
    ('Jane Doe visited the crossing on Monday. The Department of Transport considers the bridge "one of the least '
     'safe crossings in the region."', [("Department of Transport", None)]),
])
def test_bodies_named_beside_their_kind_and_words_a_subject_calls_something(nlp, text, expected):
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # the outlet named between two quotations is no new speaker
    ('Councillor Jan Dorvalo, who led the talks, called the vote "a disgrace to the whole chamber." "Which of them '
     'will keep a promise after this? Where do we even begin again?" he said, per the Kurmin Star. "We kept every '
     'part of the bargain and they walked away from it overnight." Council leader Jane Doe, who had proposed putting '
     'the vote off, said the plan would fail.',
     [("Jan Dorvalo", None), ("Jan Dorvalo", None), ("Jan Dorvalo", None)]),
    # a short paragraph that brings in one person by name, and then a paragraph of nothing but a quotation
    ('Officers closed the lane on Monday night.\n\nJane Doe owns the bakery on the corner. On Monday she walked to '
     'the market, and on her return the lane was full of officers.\n\n"Nobody told us anything for three hours. '
     'Then a sergeant waved us back in on foot."\n\nJan Dorvalo also caught what he now takes for a shot.\n\n'
     '"There was one loud crack and then silence. The officers came ten minutes after it."',
     [("Jane Doe", None), ("Jan Dorvalo", None)]),
    # ... but not one the text says died
    ('Flood water swept through the valley on Monday.\n\nJan Dorvalo was killed when the bridge gave way.\n\n'
     '"He was the first to help anyone on this street, always," a neighbour told reporters.',
     [(None, "a neighbour")]),
])
def test_speakers_across_an_outlet_and_after_a_paragraph_that_brings_someone_in(nlp, text, expected):
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a person named in passing, one word or more, speaks the quotation the pronoun after attributes
    ('The governor, Kurmo Dalitz, said six suspects were held. "We will not be intimidated," Dalitz said.\n\n'
     'A lorry driver who gave his name only as Wosso said he had been at a fuel stall when the bomb went off.\n\n'
     '"The sound lifted me off my feet and then there was smoke everywhere," he said.',
     [("Kurmo Dalitz", None), ("Wosso", None)]),
    ('The governor, Kurmo Dalitz, said six suspects were held. "We will not be intimidated," Dalitz said.\n\n'
     'A farmer who gave only his first name, Ternan, for fear of reprisals, said he hid in a field with his wife.\n\n'
     '"They were shouting, telling us to leave this land now," he said.',
     [("Kurmo Dalitz", None), ("Ternan", None)]),
    ('The governor, Kurmo Dalitz, said six suspects were held. "We will not be intimidated," Dalitz said.\n\n'
     'One survivor, a 35-year-old builder named Kurmin Dasrun, said he had been on the upper deck when the ferry began '
     'to list.\n\n"Nobody told us anything and then the lights went out," he said.',
     [("Kurmo Dalitz", None), ("Kurmin Dasrun", None)]),
    # ... not one the sentence only tells of, nor a boy for 'she'
    ('Jan Dorvalo, who represents the family, said the hearing had been delayed again. The teenager, Kurmo Dalitz, was '
     '19 when he died.\n\n"The family has waited two years for a single answer," he said.', [("Jan Dorvalo", None)]),
    ('Jane Doe keeps the book in which the dead are listed. The youngest, a boy called Kurmo, was two.\n\n'
     'She does not think she will go home. "Where would I go back to, after all this?" she asks.', [("Jane Doe", None)]),
    # ... and a description that names someone else is still the description
    ('The mother of a boy named Kurmo Dalitz said "we have waited for an answer for too many years" on Monday.',
     [(None, "The mother of a boy")]),
])
def test_a_person_named_in_passing_speaks_as_that_person(nlp, text, expected):
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # the one asking does not answer
    ('A member of staff at the shop, Jane Doe, told the court she had heard the defendant shout.\n\n'
     '"He said he was going to finish it. I thought it was just talk," she said.\n\n'
     'Asked by Ms Kurmova what happened next, she replied: "The tall man put his hand on his chest and sat down on the step."',
     [("Jane Doe", None), ("Jane Doe", None)]),
    # an organisation's office or mission, in lower case after its name, speaks as itself, with the place it serves
    ('The UN mission in Somalia said in a statement that it was "deeply shocked by this senseless attack on civilians" '
     'and called for justice.', [("UN mission in Somalia", None)]),
    ('The United Nations human rights office in Geneva said it was "deeply concerned by credible reports of excessive '
     'force" on Tuesday.', [("United Nations human rights office", None)]),
    # ... but a person at the organisation is that person
    ('A UN official said the attack was "a cowardly act against unarmed people" on Monday.', [(None, "A UN official")]),
])
def test_the_one_asking_and_an_organisations_office(nlp, text, expected):
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a verb of naming whose complement is the quotation: its subject speaks, however deep the clause
    ('The company said it would cut 1,400 jobs after a third quarter that one analyst called "a massacre from top to '
     'bottom."', [(None, "one analyst")]),
    # ... not a verb of considering with the quotation as its object
    ('In a report, the institute said that if the council considers "a sudden withdrawal of every patrol from the '
     'valley," fighting may follow.', [(None, "the institute")]),
    # a person described with an organisation in an aside speaks, not the organisation
    ('"It is a knife fight in a phone booth, and Kurmin brought a spoon," said one portfolio manager whose fund owns '
     'Kurmin Brands shares.', [(None, "one portfolio manager")]),
])
def test_a_naming_verbs_subject_and_a_person_described_with_an_organisation(nlp, text, expected):
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # the subject after a verb that follows the quotation, which the parser takes for its object; 'the officer' for
    # the colonel the text named, not for one of the dead it identified
    ('Two police officers were killed, according to the commander of the district police, Colonel Kurmo Dalitz Ruiz. '
     'The dead were identified as patrolman Jan Dorvalo, 24, and sergeant Ndu Wosso, 31.\n\n'
     '«Our men resisted with heroism until the army arrived,» declared the officer to the media gathered in the park.',
     [("Kurmo Dalitz Ruiz", None)]),
    # ... and 'he' after it is the living officer, not the last of the dead named
    ('Two police officers were killed, according to the commander of the district police, Colonel Kurmo Dalitz Ruiz. '
     'The dead were identified as patrolman Jan Dorvalo, 24, and sergeant Ndu Wosso, 31.\n\n'
     '«Our men resisted with heroism until the army arrived,» declared the officer to the media gathered in the park. '
     'Later he added: «Those who did this are not revolutionaries at all.»',
     [("Kurmo Dalitz Ruiz", None), ("Kurmo Dalitz Ruiz", None)]),
    ('"We never saw them coming until the first shots," recounted a witness to reporters at the scene.',
     [(None, "a witness")]),
])
def test_a_subject_after_its_verb_and_a_title_for_the_living(nlp, text, expected):
    assert speakers(nlp, text) == expected


def test_a_name_with_a_relative_in_a_whose_clause_is_a_person_who_speaks(nlp):
    text = ('Kurmata Binta Dalo, whose son Alpha Kurmo was among those killed, said the 19-year-old had gone to buy bread. '
            '"He was not protesting. He had the bread in his hand when they brought him home," she said.')
    assert speakers(nlp, text) == [("Kurmata Binta Dalo", None)]


@pytest.mark.parametrize("text,expected", [
    # a spokeswoman named beside the body she speaks for, where the parser hangs her name on the body
    ('By evening, a spokeswoman for the Kurmin Interior Ministry, Lucia Dalvaro, said teams had found more bodies, '
     '"most of them badly burned," in the cells.', [("Lucia Dalvaro", None)]),
    # a member of a body named after her, with 'of': she speaks, not the body
    ('Inspector Ciara Dolvane of the Kurmin Traffic Unit said: "We want to speak to the driver of a blue van seen there."',
     [("Ciara Dolvane", None)]),
    # 'the district police chief' after a name is a title, not a district
    ('The bomb went off at noon, said Police Colonel Anan Kurmasak, the district police chief. '
     '"They waited for the convoy to pass the bridge," the colonel said.', [("Anan Kurmasak", None)]),
    # a clause before a colon, which the parser hangs on the quotation's verb, introduces its subject
    ('Interior Minister Dev Kurmaran spoke first. The minister was unequivocal about the response: '
     '"We will not be deterred. Those men did not die in vain."', [("Dev Kurmaran", None)]),
    ('His wife, Lale Kurmaz, speaking to reporters outside the family home, was blunt: '
     '"For weeks I did not sleep. Now I will sleep for weeks."', [("Lale Kurmaz", None)]),
    # a verb of interrupting reports what is said
    ('Kavi Dalmesh spoke next. Opposition member Lata Kurmi interjected that his party had "left the province to the '
     'gangs for ten whole years", prompting uproar.', [("Lata Kurmi", None)]),
])
def test_names_beside_bodies_titles_after_names_and_clauses_before_a_colon(nlp, text, expected):
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a transcript's label opening a line is no subject; 'I' in a turn is whoever's label opens it
    ('Edited transcript of a news conference given by the state attorney general, Ruth Dalton, on Monday.\n\n'
     'DALTON: Good afternoon. I will begin with the facts.\n\nI said it yesterday and I repeat it today: "Nobody who took '
     'part in this will go unpunished in our state."\n\nQUESTION (Mara Kurt, Radio Sur): The mayor of Salamanca, Octavio '
     'Kurmon, said on Sunday, and I am quoting him exactly, "the state abandoned us months ago and now it counts the dead." '
     'What is your answer?\n\nDALTON: I respect the mayor.',
     [("Ruth Dalton", None), ("Octavio Kurmon", None)]),
    # a pronoun after a person brought in by whom they are to someone unnamed
    ('Deputy Minister Anna Kurmova told reporters the talks would go on. "We remain committed to the talks," Kurmova said.\n\n'
     'The mother of one of the dead soldiers, speaking to public television outside her home, said her son had been due '
     'home in spring. "He called me on Sunday and said the hills were white with snow," she said.',
     [("Anna Kurmova", None), (None, "The mother of one of the dead soldiers")]),
    # a company's legal form makes its name no person's; 'the company' is that company
    ('The operator, Dalmark Care GmbH, said in a statement that all inspections had been passed. "We will cooperate '
     'fully with the investigation and support the families," the company said.', [("Dalmark Care GmbH", None)]),
    # another name the text says a person goes by is that person
    ('At dawn, Ernesto Dalmaro is already stacking dried fish on his counter. Everyone in the market calls him '
     '"Tatay Kurmo", though he is only 41.\n\nLater, Tatay Kurmo finished arranging his fish. "I knew most of them by '
     'name," he said.', [("Ernesto Dalmaro", None)]),
    # a company's name that the recogniser took for a person's, and a capitalised title it took for a body's
    ('Nadia Karimova, a textile analyst at Kurmat Securities in Tashkent, said smaller mills were worse off. '
     '"The industry is under pressure from every side. More will close," she said.', [("Nadia Karimova", None)]),
    ('The Resident Coordinator for Malawi, Petra Lindkvist, said: "Families who had only just returned to their villages '
     'are fleeing again, some for the third time."', [("Petra Lindkvist", None)]),
    # 'Jr.' tells a son from his father and stays in the name; 'Later' opening a sentence is no part of a name
    ('"We have 27 dead in our own count," said Ramon Kurmeral Jr., the county sheriff. Later Kurmeral said: "There are '
     'more missing, and we are still looking for them."', [("Ramon Kurmeral Jr", None), ("Ramon Kurmeral Jr", None)]),
])
def test_transcript_turns_people_brought_in_by_kin_companies_and_other_names(nlp, text, expected):
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # the person the sentences before a quotation in its paragraph bring in speaks, without a verb of saying
    ('Police said the boat capsized at night.\n\nMireille Kurmanvil, 44, buried her son on the hill above the harbour. '
     '"He told me he would send money for his sisters. He only wanted to work."', [("Mireille Kurmanvil", None)]),
    ('Le Thi Kurm, 29, who packs chairs for export, was standing on the other side of the wall when she smelled smoke. '
     '"I heard someone shout fire, and then the lights went out. We ran to the back door."', [("Le Thi Kurm", None)]),
    # ... but not one the text says died
    ('Jan Kurmovic was killed on his way home from the market. "It is the third attack on this road this month."',
     [(None, None)]),
    # a given name and a surname with particles, which NER made a place and a body, or a body
    ('Mayor Carola van der Kurm visited the tram stop on Sunday morning, where residents had left flowers.\n\n'
     '"This is a city that looks out for each other, and a teenager showed us that," the mayor said.',
     [("Carola van der Kurm", None)]),
    ('Ana Lucía Kurmández de Paz, a lawyer who represents 63 families from the hamlet, said the trial would begin in spring.'
     '\n\n"For 44 years the State told these families that their children were guerrillas," Kurmández de Paz said.',
     [("Ana Lucía Kurmández de Paz", None)]),
    # 'his mother' is the person the text named as his mother
    ('Sipho Kurmalo was shot dead by police in August. His mother, Nomvula Kurmalo, keeps his school blazer in a bag.\n\n'
     'His mother said she would keep going. "I will go to that police station until I cannot walk anymore," she said.',
     [("Nomvula Kurmalo", None)]),
])
def test_a_person_brought_in_before_a_quotation_and_names_with_particles(nlp, text, expected):
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a title before the name is no part of it ('Treasurer', 'Provost')
    ('Provost Alan Kurmick told staff the campus would reopen. "We owe it to the students to be open," Kurmick said.',
     [("Alan Kurmick", None)]),
    ('Deputy Treasurer Jane Mullins said: "The budget is balanced and the state will pay its bills on time."',
     [("Jane Mullins", None)]),
    # 'the police chief' for the head of police the text named by another title
    ('Police Commissioner Akhtar Kurmat told reporters that an inspector, Ghulam Dalwat, was among the dead. '
     'Funeral prayers were offered on Monday.\n\nSpeaking after the funeral, the police chief said stations would get '
     'more walls. "We are asking for equipment, not sympathy," he said.', [("Akhtar Kurmat", None)]),
    # a body's name goes on with 'of' and its country
    ('The Human Rights Commission of Pakistan said: "Existing arrangements have clearly failed the people of this province."',
     [("Human Rights Commission of Pakistan", None)]),
    # the one person a short paragraph before brings in speaks as 'she' (a name with an age is a person's, whatever
    # village bears it)
    ('Civil protection chief Verónica Kurmas said two people had died. "The sea took them from us in the night," Kurmas said.\n\n'
     'At a shelter set up in a school in nearby Pochutla, Guadalupe Ramírez, 38, sat on a mattress with her three '
     'children. Her house had been washed away.\n\n"We left with the children in our arms and the water up to our '
     'waists," she said.', [("Verónica Kurmas", None), ("Guadalupe Ramírez", None)]),
    # a noun before 'identified as' or 'known as' describes the person named after it: 'the woman' is she
    ('One survivor, a woman identified as Marta Dalesi, said she was buried briefly in her home. "If my son is '
     'gone, then I want to go too," the woman said, weeping.', [("Marta Dalesi", None)]),
    # a post known by its initials is the title the text points back with ('the officer' for an SHO), and an
    # abbreviated rank is no part of the name
    ('Police denied the claims. "Both the men were criminals," Kurmin SHO Jan Dalesi maintained. "Hundreds of '
     'people were there when my men met them after they fired first," the officer explained.',
     [("Jan Dalesi", None), ("Jan Dalesi", None)]),
    ('Gda Jan Dalesi told the inquest he heard the shots from his car.\n\n\u201cI heard five bangs which I presumed '
     'were fireworks at the time,\u201d the garda said.', [("Jan Dalesi", None)]),
    # (a given name alone after 'a woman identified as' is hers, whatever NER made of it)
    ('One survivor, a woman identified as Kurmeta, said she was buried briefly in her home. "If my son is gone, then I '
     'want to go too," the woman said, weeping.', [("Kurmeta", None)]),
    ('Rescuers found a fisherman known only as Kuba Orlen on the rocks. "I swam for two hours before they found me," '
     'the fisherman said.', [("Kuba Orlen", None)]),
])
def test_titles_before_names_title_classes_and_bodies_of_a_country(nlp, text, expected):
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # the person the last sentence before a quotation brings in, named beside its subject
    ('Officials from the district council met on Monday. Its chairman, Tomas Okello, was blunt. '
     '"The bridge will not be ready before the rains come back."', [("Tomas Okello", None)]),
    # 'this source', 'the same official': the one named as speaking just before
    ('"The toll rose to six overnight," spokesperson Kiran Bose told reporters. "Some forty people are still in '
     'hospital, but they are stable," added this source.', [("Kiran Bose", None), ("Kiran Bose", None)]),
    # a statement named by the body that issued it, which the recogniser may miss
    ('Detectives were called to the scene. "A man in his forties was detained late on Sunday and will be questioned '
     'today," the Metropolitan Police statement said.', [("Metropolitan Police", None)]),
    # a title alone is no one's name
    ('In a statement on Wednesday, the Minister said "this report is a malicious distortion of what happened there".',
     [(None, "the Minister")]),
    # a noun for a person inside the quotation brings in no one new
    ('Justice Amara Bello heard the appeal. "Such abuse is sadly no longer unusual for us," said Justice Bello.\n\n'
     '"Whether throwing a shoe at a judge is only contempt of court," the judge asked the counsel.',
     [("Amara Bello", None), ("Amara Bello", None)]),
    # a reply or an email speaks for its writer
    ("Sergeant Ellen Doyle's reply was read to the court: \"I am sorry, all my cases are already on the system.\"",
     [("Ellen Doyle", None)]),
    # 'they' for the people the sentence before described, not the body named earlier
    ('Police made four arrests. Around 200 protesters gathered outside the assembly at dusk. They waved banners '
     'and chanted: "Officers ought to be on our side tonight."', [(None, "Around 200 protesters")]),
    # a verb of weeping reports words too
    ('Vera Lindqvist, 41, told reporters her son was lost in the blaze. She sat crying.\n\n"I cannot explain this to '
     'his little brother," Lindqvist wept, while a cousin, Anna Berg, held her and sobbed.', [("Vera Lindqvist", None)]),
    # a message speaks for the one it came from, named after a rank the recogniser passed over
    ('She received a text message from Sgt Joan Dunleavy later that day.\nThe jury was shown the message, which read: '
     '"Sorry to be bothering you but you stopped a young fella today."', [("Joan Dunleavy", None)]),
    # a paragraph of nothing but a quotation after one about 'he', the person named before
    ('Finance Minister Tom Reeve said the government had been frank with voters about the deficit.\n\nHe did not expect '
     'many surprises on budget day, as ministers had been open about their priorities.\n\n"Most families can name a '
     'clinic or a school near them that has waited far too long for money."', [("Tom Reeve", None)]),
    # 'the man', 'the woman' for the person the sentences before named
    ('Ravi Palan fractured his wrist when he leapt from a first-floor window. "There was smoke in every room when I '
     'woke," said Mr Palan.\n\n"My cousin did not get out, and I have nothing left but what I have on," said the '
     'grief stricken man.', [("Ravi Palan", None), ("Ravi Palan", None)]),
    # a singular 'they' for the witness the sentence before brought in, not a company named there
    ('"The wreckage was spread along the road and three cars were involved," Crabb said.\n\nOne witness has told The '
     'Dalen Mail the Audi was travelling far above the limit moments before it struck a van.\n\n"I was following the '
     'Audi when all of a sudden it braked inside the underpass," they said.',
     [("Crabb", None), (None, "One witness")]),
    # a name after an initial, beside a role
    ('Seven workers died. According to K Dharan, the district collector, the fire started at 9 am.\n\n"When the '
     'fire broke out, about 50 workers were inside the unit," the district collector told reporters.',
     [("K Dharan", None)]),
    # a name with an age in brackets is a person's, whom 'she' then stands for
    ('Witnesses said dozens of men raided the hamlet. Radia, a neighbour, said she hid in a barn.\n\n"Shots woke us '
     'before dawn, and then they herded everyone into the square," Houria (33) said.\n\n"Two of them held me down '
     'while a third searched the house for money," she said.', [("Houria", None), ("Houria", None)]),
    # a statement the sentence before called a police statement is the police's
    ('Gunmen fired on drinkers at a bar, according to a police statement.\n\n"Several armed men walked into the bar '
     'and began firing at the customers," the statement said.', [("police", None)]),
    # a paragraph of a quotation after one whose subject is a title without its article, as sports pages write it
    ('Kenya captain Otieno Barasa was unhappy with his fielders.\n\nKenya captain spoke about the effort the squad is '
     'making.\n\n"Losing like this hurts all of us, but there is another match next week."', [("Otieno Barasa", None)]),
    # a surname with an apostrophe, which the parser may take for a verb
    ('"Nobody wants to see a family go through this," said state Premier Barry O\u2019Dalen, adding that two rescuers '
     'were being treated.', [("Barry O\u2019Dalen", None)]),
])
def test_lead_ins_reporters_demonstratives_statements_and_replies(nlp, text, expected):
    assert speakers(nlp, text) == expected


def test_a_relative_clause_after_a_quotation_does_not_report_it(nlp):
    text = ('In a statement, Jane Doe, spokeswoman for the rebel group, said the ambush was its work.\n\n'
            'She added that the raid was "our reply to months of shelling of our villages" as well as to a rumour '
            'that the militia had agreed to negotiate.')
    assert speakers(nlp, text) == [("Jane Doe", None)]


def test_the_one_person_named_in_a_clause_that_ends_in_a_colon_speaks(nlp):
    # (the parser hangs the name on the words before it and leaves the verb without a subject)
    text = ('Shaking her head, Jane Doe, who has lived two doors down for years, echoed what the other neighbours '
            'felt: "We have never known a night like this on our road, never."')
    assert speakers(nlp, text) == [("Jane Doe", None)]


def test_a_body_written_later_by_a_common_first_word_of_its_name_speaks_by_its_full_name(nlp):
    text = ('At least 40 protesters were killed, Shelter International said on Monday.\n\n'
            'Shelter said "the real toll is certainly higher than the figures given so far" and called for an inquiry.')
    assert speakers(nlp, text) == [("Shelter International", None)]


def test_the_noun_for_the_one_just_named_with_her_age_after_it_is_that_person(nlp):
    text = ('Another survivor, Jane Doe, whose two children drowned, described how she escaped through a window. '
            '"When the wind rose, the crew told everyone to go below deck at once," the shaken woman in her early '
            'forties recalled.')
    assert speakers(nlp, text) == [("Jane Doe", None)]


def test_a_title_written_before_the_name_it_is_given_to_names_that_person(nlp):
    # (a caption's 'Minister of X, Name', and then 'the Minister said')
    text = ('Minister of Information and Culture, Jane Doe.\n\nIn a statement released on Thursday, the Minister said '
            '“the remark was twisted out of all recognition by those who reported the briefing’’.')
    assert speakers(nlp, text) == [("Jane Doe", None)]
    # (the parser attaches the name loosely where a headline and a signature come before)
    text = ('I never said the ministry would close the port – Minister says\n\nThe statement was signed by Jane Doe\'s '
            'Special Adviser, Mr Tom Kurmin.\n\nMinister of Transport and Works, Jane Doe.\n\nIn a statement released on '
            'Thursday, the Minister said “the remark was twisted out of all recognition by those who reported the '
            'briefing’’.')
    assert speakers(nlp, text) == [("Jane Doe", None)]


def test_one_who_read_out_another_s_statement_is_not_its_author(nlp):
    text = ('A letter from the victim’s uncle was read to the court by prosecutor Margaret Kurmin.\n\n'
            '“The violent nature of the offence has made possible what none of us could imagine,” he wrote.')
    assert speakers(nlp, text)[0][0] != "Margaret Kurmin"


def test_of_two_subjects_the_parser_gives_a_verb_the_person_speaks_before_the_body(nlp):
    text = ("Deputy Jane Doe, with the Kurmin County Sheriff's Office explains, “Someone rang to say a man was firing "
            "at cars on the highway and would not stop.”")
    assert speakers(nlp, text) == [("Jane Doe", None)]


def test_a_body_of_two_fields_is_one_body_whatever_ner_made_of_the_second(nlp):
    text = ('The Department of Community Health and Liaison in the province posted that the main had burst overnight.\n\n'
            '“The pipe was laid for half the load it now carries every single day,” the department said.')
    assert speakers(nlp, text) == [("Department of Community Health and Liaison", None)]
    # (but not a body and a person the sentence names after 'and')
    text = 'The Ministry of Health and Governor Jane Doe said "the new clinic will open its doors next spring".'
    assert speakers(nlp, text)[0][0] != "Ministry of Health and Governor Jane"


def test_he_after_a_relative_who_spoke_without_a_name_is_that_relative_not_the_judge_named_before(nlp):
    text = ('In his sentencing decision, Judge Tom Kurmin called the attack “cruel and senseless”.\n\n'
            'The teenager admitted manslaughter last month.\n\n'
            'The victim’s boyfriend told reporters the sentence was far too light for what had happened.\n\n'
            '“Nobody in that courtroom thought for a minute about what we lost,” he said.')
    assert speakers(nlp, text)[-1] == (None, "The victim’s boyfriend")


def test_a_reporting_verb_inside_another_report_gives_the_words_to_its_own_subject(nlp):
    text = ('Tom Kurmin said the stewards pinned the man to the floor of the carriage. He said the intruder '
            'had yelled, "Nobody on this train moves until I tell you to."')
    assert speakers(nlp, text) == [(None, "the intruder")]
    # (but one who, the report says, ordered something done passes on no words, and nor does a clause deeper down)
    text = ('In a statement issued in the capital, the Kurmin Presidency said the president had ordered the army to "find '
            'the raiders wherever they may be hiding" and to guard the roads.')
    assert speakers(nlp, text) == [("Kurmin Presidency", None)]
    text = ('Jane Doe, who was at the fair with her sister, did not speak to reporters. In a letter read by a cousin, she '
            'said she wanted people to remember "a boy who sang all day and feared nothing at all."')
    assert speakers(nlp, text) == [("Jane Doe", None)]


def test_he_after_one_of_the_sources_is_that_source_not_a_name_before(nlp):
    text = ('Three guards died in the ambush, Dalen Weekly reported, quoting two residents.\n\n'
            '"The raiders arrived before sunrise and began shooting at the granaries," said one of the residents.\n\n'
            'He added, "Sadly, the lorry sent to help hit an explosive on the track and three guards lost their lives."')
    assert speakers(nlp, text) == [(None, "one of the residents"), (None, "one of the residents")]


def test_a_name_ending_in_a_plural_noun_for_people_is_a_body_not_a_person(nlp):
    text = ('Kurmin Reporters quoted a herder as saying the raiders camped near the well all night.\n\n'
            '"They carried off every sack of grain we had put aside," he said.')
    assert speakers(nlp, text)[0][0] != "Kurmin Reporters"


def test_the_witness_told_of_before_and_never_named_speaks_again_not_the_person_named_last(nlp):
    text = ('Guards shot at a crowd outside the depot on Sunday, wounding a driver, a monitoring group said.\n\n'
            '"Those who gave the order must answer for it," said Jane Kurmin, who leads the group.\n\n'
            'An officer drew his rifle and fired twice, the witness told the group. The guards then charged the crowd, '
            'the witness said.\n\n'
            '"I turned round when I heard the bangs and saw a driver lying by his cab," the witness said.')
    assert speakers(nlp, text)[-1] == (None, "the witness")
    # (a survivor the text named is that survivor)
    text = ('Another survivor, Jane Dalby, told how she climbed onto the roof. "The river rose so quickly that nobody could '
            'save a thing," the survivor said.')
    assert speakers(nlp, text) == [("Jane Dalby", None)]


def test_a_statement_the_text_cited_with_according_to_is_its_sender_s(nlp):
    text = ('Raiders have killed six border guards at a post in the north, the interior ministry said.\n\n'
            'The raiders crossed the river in boats before dawn on Tuesday, the ministry stated in a communique on '
            'Wednesday, reports Radio Dalen.\n\n'
            'The assault by “dozens of gunmen carrying rifles and grenades on fast boats” killed six guards, according to a '
            'statement from the Interior Ministry broadcast on the radio.\n\n'
            '“After an exchange of fire lasting an hour, the raiders withdrew across the water,” added the statement, which '
            'said “patrol boats and a helicopter are still searching” the river banks.')
    assert speakers(nlp, text)[1:] == [("Interior Ministry", None)] * 2


def test_the_head_of_a_body_is_the_person_given_that_office_before_the_name(nlp):
    text = ('Rockets struck Dalen overnight, killing nine people, Head of the district civil defence administration Pavlo '
            'Kurmenko said.\n\n"Homes with nobody but pensioners in them were hit," Kurmenko said.\n\n'
            '"While the rockets keep falling, our crews cannot reach the worst streets," the head of the '
            'District Civil Administration said.')
    assert speakers(nlp, text) == [("Pavlo Kurmenko", None), ("Pavlo Kurmenko", None)]


def test_a_two_syllable_given_name_written_after_the_surname_belongs_to_the_name(nlp):
    text = ('Speaking to reporters, Dalen Police Commissioner Dennis Lo Wai-chung said 14 men were being held. Lo said the '
            'marchers had come armed. "Our officers were left with no other option but more force," Lo said.')
    assert speakers(nlp, text) == [("Dennis Lo Wai-chung", None)]


def test_a_person_named_right_after_a_quotation_with_no_verb_speaks_and_so_does_he_after(nlp):
    text = ('Nobody has said who planted the device. “About forty clerks from the tax office were on that coach,” Nasir '
            'Kurmani, a senior police official in the district.\n\n'
            '“A man on a scooter rode into its side and then the blast came,” he added.')
    assert speakers(nlp, text) == [("Nasir Kurmani", None), ("Nasir Kurmani", None)]


def test_police_speak_as_the_force_the_text_named_or_as_the_police_of_its_country(nlp):
    text = ('Bandits shot dead seven traders near Maiduguri in Nigeria on Tuesday. "Two suspects are in custody and we are '
            'hunting the rest," police said.')
    assert speakers(nlp, text) == [("Nigerian police", None)]
    text = ('Bandits shot dead seven traders near Maiduguri in Nigeria on Tuesday, the Kurmin State Police Command said. '
            '"Two suspects are in custody and we are hunting the rest," the police said.')
    assert speakers(nlp, text) == [("Kurmin State Police Command", None)]


@pytest.mark.parametrize("text,speaker", [
    # the words a body quotation begins with
    ("Flood survivors describe the night: 'We could hear them banging on the roofs. Then the banging stopped'\n\n"
     "The river burst its banks a little after midnight.\n\n"
     "“We could hear them banging on the roofs,” said Jane Kurmova, 81, from the steps of the school hall. “After "
     "an hour there was only the rain.”", ("Jane Kurmova", None)),
    # words of its own, most of which a body quotation holds
    ("'I held her hand until the river took her': floods sweep through Kurmin valley\n\n"
     "Water rose through the night in the valley's villages, officials said.\n\n"
     '"I held my daughter\'s hand until the river took her," Amina Dorrel, a market trader, told reporters. '
     '"I still feel her fingers."', ("Amina Dorrel", None)),
])
def test_a_headline_quotation_is_the_words_of_the_speaker_the_body_quotes_so(nlp, text, speaker):
    assert speakers(nlp, text)[0] == speaker


def test_he_after_a_source_given_with_according_to_and_a_long_title_is_that_source(nlp):
    text = ('Mr Dalen and Health Minister Tom Kurmin visited the clinics on Monday.\n\n'
            'According to opposition spokesman on health and social welfare Ricardo Kurmova, there have been 41 clinic '
            'closures so far this year in the region.\n\n'
            'The authorities must ”act at once to reopen every clinic that has shut its doors“, he said.')
    assert speakers(nlp, text) == [("Ricardo Kurmova", None)]


def test_a_post_s_initials_and_its_district_before_a_name_are_no_part_of_it(nlp):
    text = ('“The stairwell gave way under the water tank. The tank held the slab up and that saved them,” said DCP '
            'North Raja Kurmani on Thursday. Crews reached the couple after two days.')
    assert speakers(nlp, text) == [("Raja Kurmani", None)]


def test_a_sentence_after_a_quotation_that_reports_a_quotation_of_its_own_does_not_report_the_first(nlp):
    text = ('Mayor Jan Kurmin was visibly moved by the news. The city feels "grief beyond words," Kurmin told the council '
            'on Tuesday. Dalen had been "the kindest and most patient teacher in the county". '
            'Councillor Tom Ashby posted on Facebook: "A dreadful loss for all of us. My thoughts are with her family."')
    assert speakers(nlp, text) == [("Jan Kurmin", None), ("Tom Ashby", None)]


def test_a_participle_after_a_reported_clause_goes_with_the_one_who_reported_it(nlp):
    text = ('"Firing on people who pose no danger is a crime," said Peter Kurmov, who heads the group\'s research.'
            '\n\nHe pointed out that officers had stopped the widows from filing complaints, adding, "When no court at home will '
            'hear these cases, the world has to step in and investigate."')
    assert speakers(nlp, text) == [("Peter Kurmov", None)] * 2


def test_one_who_assures_that_reports_the_words_after(nlp):
    text = ('Minister of Internal Affairs Albert Kurmin spoke on Monday.\n\n'
            'Of the dozens of families who lost someone, just two went to the police, laments Shelter International, which '
            'denounces “a culture of silence in the villages”. The Minister of Internal Affairs assures reporters that the '
            'case is “followed through without any pause at all”, but “our officers have too few vehicles for the roads”.')
    assert speakers(nlp, text)[1:] == [("Albert Kurmin", None)] * 2


def test_a_police_spokesman_speaks_for_the_force_the_text_named_by_its_town(nlp):
    text = ('Strikers blocked the gates of the mill in Leeds on Monday. The Leeds police said officers were at the gates. '
            '"Nobody has broken the law there so far," a police spokesman said.')
    assert speakers(nlp, text) == [("Leeds police", None)]
    text = ('A lorry bomb exploded beside a bus station on Sunday. "We have counted 21 bodies and about 40 people hurt," '
            'said a Kurmin Province police spokesman.')
    assert speakers(nlp, text) == [("Kurmin Province police", None)]


def test_what_the_listener_reported_is_not_the_quotation(nlp):
    text = ('"They came at night and took everything we had," said the widow, named only as Amarech, in the Kurmin Courier.\n\n'
            '"My sons ran to the river and hid there until morning," she told the Courier, which said 60 people had died.')
    assert speakers(nlp, text) == [("Amarech", None), ("Amarech", None)]


def test_a_man_who_names_himself_speaks_by_that_name(nlp):
    text = ('A man identifying himself as Tarik Osmanov and claiming to lead a little-known brigade said it carried out the raid.\n\n'
            '"All of our men have come home safely and none of them were caught," he told a local radio station.')
    assert speakers(nlp, text) == [("Tarik Osmanov", None)]


def test_a_rank_and_a_name_before_of_speak_whatever_the_parser_made_the_head(nlp):
    text = ('"Four guards are dead, including the one who was badly wounded at first," Corporal Anan Sirikul of '
            'Dalenburi police told reporters.')
    assert speakers(nlp, text) == [("Anan Sirikul", None)]


def test_it_after_an_unnamed_body_that_spoke_is_that_body_not_a_place(nlp):
    text = ('Officers raided a meeting of gang leaders in the Vila Kurmina group of slums on Tuesday.\n\n'
            '"A gunfight broke out when our teams came under heavy fire," state police said in a news release.\n\n'
            '"Seven suspects were hurt" and taken to hospital, it said. "Five of them later died of their wounds."')
    assert [description for _name, description in speakers(nlp, text)] == ["state police", "state police"]


def test_a_name_the_parser_set_beside_a_place_before_a_verb_without_subject_is_that_verb_s_subject(nlp):
    text = ('"When they came, they tied the men up and then began to beat them with sticks," Celestin Mbuyi, a pastor '
            'in the area, said on Sunday.\n\n'
            'About 30 farmers were slain in the village of Mabalako alone, Pascal Kiwanuka, a military administrator for '
            'the Beni territory, told reporters.\n\n'
            '"Among the dead were old men who could not run from their houses," he said.')
    assert speakers(nlp, text) == [("Celestin Mbuyi", None), ("Pascal Kiwanuka", None)]


def test_any_verb_right_after_a_quotation_with_its_subject_reports_it(nlp):
    text = ('"The roof came down on the table but somehow missed us both," marvelled resident Ilse Varnholt.\n\n'
            'Greta Oyelaran waited by the fence all night.\n\n'
            '"We are going home as soon as they let us through," she beamed, holding her grandson.')
    assert speakers(nlp, text) == [("Ilse Varnholt", None), ("Greta Oyelaran", None)]


def test_a_quotation_with_its_own_named_speaker_does_not_go_on_the_one_before(nlp):
    text = ('"We thought the wind would pass without any rain," said 19-year-old Tomas Keriven. "I came back from the '
            'shop at 7 p.m. and barely had time to shut the gate," says 52-year-old neighbour Oriane Maltby.')
    assert speakers(nlp, text) == [("Tomas Keriven", None), ("Oriane Maltby", None)]


def test_one_man_brought_in_just_before_is_the_he_who_speaks(nlp):
    text = ('Prime Minister Aldo Venter toured the island on Thursday.\n\n'
            'One man, whose shop was also flattened, shared his neighbours\' fears.\n\n'
            '"My children have nowhere to sleep tonight," he told a local radio station.')
    assert speakers(nlp, text) == [(None, "One man")]


def test_a_storm_named_like_a_woman_is_no_speaker(nlp):
    text = ('Hurricane Marisol tore across the islands overnight.\n\n'
            'Marisol killed at least two people and flattened the harbour.\n\n'
            '"I prayed and held on to the bathroom door until it was over," she told a radio station.')
    assert speakers(nlp, text) == [(None, None)]


def test_the_woman_of_a_given_age_is_the_woman_just_named(nlp):
    text = ('Renata Olmos was looking for news of her son outside the jail.\n\n'
            '"Nobody here will tell us whether he is alive or not," said the woman of about 60, who had waited since dawn.')
    assert speakers(nlp, text) == [("Renata Olmos", None)]


def test_a_noun_of_a_class_of_people_with_the_is_the_one_just_named(nlp):
    # 'the diplomat', as 'the woman': the one the text has just named (not a title, which names whoever holds it)
    text = ('"We deal in facts and in the questions on the agenda, and nothing else," Jana Kurmova told a briefing.\n\n'
            '"Some of you ask these questions only to provoke me. What is the point of that?" - the diplomat asked.')
    assert speakers(nlp, text) == [("Jana Kurmova", None), ("Jana Kurmova", None)]


def test_of_the_verbs_before_a_colon_the_one_whose_clause_ends_there_speaks(nlp):
    text = ('The referee observed that the finish was "hard to believe", while home captain Ruben Aldous put it another way: '
            '"It was the strangest match I have ever played in."')
    assert speakers(nlp, text) == [("Ruben Aldous", None)]


def test_a_sentence_reporting_a_clause_of_its_own_after_a_quotation_does_not_speak_it(nlp):
    text = ('"When the truck turned over, people from the village ran to it with buckets and cans," district police '
            'chief Omar Halvorsen said.\n\n'
            '"Within minutes it caught fire and the flames swallowed everyone nearby." Highway police spokesman Karim '
            'Strand said officers tried to keep people away but nobody listened.')
    assert speakers(nlp, text) == [("Omar Halvorsen", None), ("Omar Halvorsen", None)]


def test_a_quotation_after_an_aside_about_a_people_goes_on_the_one_before(nlp):
    text = ('"They asked every man his name and took the herders aside," Oumar Tessougué told me. The Dalo, a farming '
            'people whom the militia has long accused of hiding fighters for the Jamaat Kurmin Front, live along the '
            'river. "After a while they stopped asking. They just took everyone and the shooting went on for hours."')
    assert speakers(nlp, text) == [("Oumar Tessougué", None), ("Oumar Tessougué", None)]


def test_the_mother_of_three_is_the_mother_just_named_before_her_quotations(nlp):
    text = ('Nomsa Dlamuka, whose shack burned first, said a neighbour may have knocked over a lamp. "I let him stay in '
            'my shack because I work in town and sleep at my employers.\n\n'
            '"He had no electricity, he used a paraffin lamp and we think the lamp fell over."\n\n'
            'The mother of three said: "Nothing is left. We could not carry a single thing out of the fire."')
    assert [name for name, _description in speakers(nlp, text)] == ["Nomsa Dlamuka"] * 2


def test_a_name_alone_takes_the_sex_of_the_pronoun_its_sentence_uses(nlp):
    text = ('Danielle Wicks said the house went up in minutes. "It was like a horror film," said Wicks.\n\n'
            'Mustafa, a friend of the family, met the mother at a language class.\n\n'
            'Mustafa said that once she learned of the fire, she called every hospital in the city.\n\n'
            '"We can only hope the family gets through this somehow," she told the radio station.')
    # (a name alone may be a surname: the text's 'she' says more than a list of given names)
    assert speakers(nlp, text)[-1][0] == "Mustafa"


def test_a_name_whose_relative_clause_the_parser_took_for_the_verb_speaks(nlp):
    text = ('The Rev. Ambrose Keel, whose church, Eastfield Mercy Chapel, sits two blocks from the house, said the street '
            'is "tired of burying our young people." He said the church will hold a vigil on Sunday.')
    assert speakers(nlp, text) == [("Ambrose Keel", None)]


def test_a_name_no_list_knows_speaks_after_a_title_or_a_role(nlp):
    # (no given name the lists know: the title, the rank and the bracketed role before the name say it is a person's)
    text = ("“The people who did this have shown no regard for anyone,” Assistant Chief Constable Tavemi Okorundo said.\n\n"
            "“We will find the people who did this and bring them to court,” Capt. Rizuka said.\n\n"
            "The envoy (a former foreign minister) Lusapo Kerevi said the raid was “a cold act meant to pull the valley "
            "into war”.")
    assert speakers(nlp, text) == [("Tavemi Okorundo", None), ("Rizuka", None), ("Lusapo Kerevi", None)]


def test_a_title_with_no_name_after_it_is_nobody(nlp):
    text = ("Deputy Administrator of the Valley, Ato Lusapo Kerevi, who visited the injured, said the valley would help "
            "the families.\n\n“The valley has paid every bill of the injured,” he said.")
    assert speakers(nlp, text) == [("Lusapo Kerevi", None)]


def test_a_noun_for_a_woman_before_her_rank_and_name_says_she_is_not_he(nlp):
    text = ("Commissioner Darel Vokanu watched the firefighters go in.\n\n"
            "Fire Department spokeswoman Capt. Tavemi Okorundo said the two children did not survive.\n\n"
            "“I saw them go in, very bravely,” he said.")
    assert speakers(nlp, text) == [("Darel Vokanu", None)]


def test_the_pronoun_after_a_name_says_her_sex_though_a_person_is_named_after_it(nlp):
    # 'her son Dalen': the son comes after 'her', which can only be the subject's
    text = ("Darel Vokanu, a neighbour, said he heard the crash from his kitchen.\n\n"
            "Tavemi Okorundo paid tribute to her son Dalen at his funeral on Friday.\n\n"
            "“He was the kindest boy in the valley,” he said.")
    assert speakers(nlp, text) == [("Darel Vokanu", None)]


def test_a_name_takes_the_sex_of_the_he_or_she_that_opens_the_next_sentence(nlp):
    text = ("Darel Vokanu, a neighbour, said the water reached the second floor.\n\n"
            "Tavemi Okorundo said the village has had no power since Monday. She said two people were missing.\n\n"
            "“The water came up so fast we had to climb onto the roof,” he said.")
    assert speakers(nlp, text) == [("Darel Vokanu", None)]


def test_a_name_that_shares_a_surname_with_a_person_named_in_full_is_a_relative_not_a_body(nlp):
    # NER takes the first name for an organisation; the surname the text gives a person in full says it is a family's
    text = ("Sepuzu Nupizu sat patiently in a crowded rescue centre in the valley. She was waiting for news of her cousin.\n\n"
            "“He was having lunch below the dam when it burst,” Nupizu said.\n\n"
            "Nutave Nepuzo was waiting at the shelter for news of her boyfriend, Davi Nupizu.")
    assert speakers(nlp, text) == [("Sepuzu Nupizu", None)]


def test_he_added_after_an_unnamed_official_goes_on_the_official_not_on_a_person_the_quotation_named(nlp):
    text = ('Officials said the commander died in the fighting.\n\n"The commander drove to the barracks the moment the alarm '
            'sounded," the Kurmish media official said.\n\n"We begged him to wait for the others, but he only smiled. Hours '
            'later we learned that he had fallen," he added.')
    assert speakers(nlp, text) == [(None, "the Kurmish media official")] * 2


def test_the_body_after_a_name_that_follows_said_is_where_the_speaker_works(nlp):
    text = ('A guard was shot behind the bank.\n\n"We are still counting the shell casings. Several rounds struck the '
            'wall behind the counter," said Captain Jana Velkova, Harbourton Police Department.')
    assert speakers(nlp, text) == [("Jana Velkova", None)]


def test_a_military_statement_is_the_military_of_the_country_the_sentences_before_named(nlp):
    text = ('Rockets hit the border town overnight, the Chilean army said.\n\n"Our aircraft answered the fire by striking four '
            'launch sites in the north," a military statement said.')
    assert speakers(nlp, text) == [("Chilean military", None)]


@pytest.mark.parametrize("text,expected", [
    # a title in the opening paragraph, named in the next
    ('Storm batters islands\n\nOfficials fear the damage will be "worse than anything we have ever seen" in the outer '
     'islands, Kurmistan\'s president says.\n\nPresident Tavemi Okorundo said many homes near the harbour were flattened.',
     [("Tavemi Okorundo", None)]),
    # a relative in the opening paragraph, the person the next one opens with
    ('Tributes to a young driver\n\nA student killed when his motorbike hit a lorry was "kind, loving and always smiling '
     'with everyone", his grieving mother told mourners on Friday.\n\nJana Velkova paid tribute to her son, 20, at the church.',
     [("Jana Velkova", None)]),
])
def test_the_lede_names_its_speaker_in_the_paragraph_after_it(nlp, text, expected):
    assert speakers(nlp, text) == expected


def test_a_label_with_a_colon_and_a_signature_line_name_who_speaks(nlp):
    text = ('World leaders react\n\nBritish Prime Minister Pavo Linden: "The murders in the capital are sickening and we stand '
            'with our friends."\n\n– CHILEAN PRESIDENT TAVEMI OKORUNDO: "Our nation grieves with every family in the city '
            'tonight."\n\n– KURMISH PRESIDENTIAL HOPEFUL JANA VELKOVA: "Every one of us will stand by the families who lost '
            'someone."\n\n"No city is safe from such cruelty, and none of us may rest until it ends."\n\nJana Velkova, the '
            'bloc\'s foreign policy chief')
    assert speakers(nlp, text) == [("Pavo Linden", None), ("Tavemi Okorundo", None), ("Jana Velkova", None), ("Jana Velkova", None)]


def test_a_round_up_signed_after_each_quotation_is_not_signed_by_the_line_before(nlp):
    # the first quotation has its signature after it only: each line after a quotation signs that quotation, and
    # the line before one (the last quotation's signature, or a body's heading) does not
    text = ('Leaders react to the bombing\n\n"Nobody may relax now. Our police forces share what they learn every hour of '
            'the day."\n\nJana Velkova, the bloc\'s foreign policy chief\n\nKurmin Relief Agency\n\n"These killings wound '
            'every family in the region. We grieve with the parents who buried children today."\n\nTavemi Okorundo, '
            'Secretary General\n\n"I condemn the bombers who chose a crowded market for their deed."\n\nPrime Minister, '
            'Pavo Linden')
    assert speakers(nlp, text) == [("Jana Velkova", None), ("Tavemi Okorundo", None), ("Pavo Linden", None)]


def test_a_pronoun_after_a_labelled_paragraph_goes_on_the_one_the_label_names(nlp):
    text = ('"No cause excuses such deeds," Archbishop Jan Kurmov said on Saturday.\n\nKurmov also called the attacks "a '
            'wound to every one of us".\n\nChilean President Tavemi Okorundo: The attacks were "an assault on the values we '
            'share," he said.\n\n"Chile will be pitiless with those who planned this," he added.')
    assert speakers(nlp, text)[-1] == ("Tavemi Okorundo", None)


def test_a_surname_a_title_comes_before_is_a_person_though_a_city_bears_it(nlp):
    # Kassel is a city of some 200,000 people; after 'President' the name is a person's
    text = ('Leaders condemned the killing on Thursday.\n\nPresident Kassel demanded that those responsible be caught.\n\n'
            '"The men who planned this will answer for it before a court," Kassel said.\n\n"We stand beside the families '
            'of the town in these days," the president said.')
    facts = extract_document({"doc_id": "x", "text": text, "published_date": None}, nlp(text))
    assert [(q["speaker"], q["speaker_description"]) for q in facts["quotes"]] == [("Kassel", None)] * 2
    assert {e["entity_type"] for e in facts["entity_observations"] if e["canonical_name"] == "Kassel"} == {"person"}


def test_a_name_given_with_called_is_the_speakers_though_the_recogniser_missed_it(nlp):
    text = ('"We had all sat down in the hall. Then we heard the blasts," one camper, a 15-year-old called Ilse, told the '
            'newspaper.')
    assert speakers(nlp, text) == [("Ilse", None)]


def test_an_unnamed_speakers_description_leaves_out_the_closing_quotation_mark(nlp):
    text = '"We had all sat down in the hall. Then we heard the blasts," one camper, a girl of 15, told the newspaper.'
    assert speakers(nlp, text) == [(None, "one camper")]


@pytest.mark.parametrize("text,expected", [
    # 'claimed the lives of' tells of deaths: the fire made no claim
    ("The fire that swept through the factory claimed the lives of twelve workers on the night shift.", (None, None)),
    ("The fire that swept through the factory claimed the lives of twelve workers, the fire service said.",
     (None, "the fire service")),
])
def test_who_reports_a_figure(nlp, text, expected):
    facts = extract_document({"doc_id": "x", "text": text, "published_date": None}, nlp(text))
    assert [(f["reported_by"], f["reported_by_description"]) for f in facts["casualties"]] == [expected]


@pytest.mark.parametrize("text,expected", [
    # a description whose name the parser hung on the place in it: the pronoun after is the person named
    ('But a doctor at Mavuso District Hospital, Ahmed Farouk Hassan, said two of the dead had gunshot wounds. “These '
     'were not rubber bullets. I removed a live round myself,” he said.', [("Ahmed Farouk Hassan", None)]),
    # a title split at its hyphen ('co-founder'), with the name in apposition to its last piece
    ('“We have buried too many of our young men,” said the coalition’s co-founder, Theo Marchetti-Banks.',
     [("Theo Marchetti-Banks", None)]),
    # someone new, described by a relative clause the parser hung on the noun, speaks next, not the person before
    ('Mine director Radu Cazacu said the rescue would take days. "We are doing everything we can for the men," Cazacu '
     'said.\n\nA rescuer who had just come off a twelve-hour shift described slow and dangerous work. "The air down there '
     'is bad and the rock is still moving," he said.', [("Radu Cazacu", None), (None, "A rescuer")]),
    ('Police chief Karl Osei said the car had been parked for an hour. "We are looking at the camera footage now," '
     'Osei said.\n\nThe driver, who was treated for cuts, told state radio he had felt the car lift. "There was a '
     'flash and then smoke everywhere around us," he said.', [("Karl Osei", None), (None, "The driver")]),
    # a quotation that is its own paragraph, and the next paragraph names who spoke
    ('"He called me at five to say he was going down. That was the last time I heard his voice."\n\nThe woman, Rosa '
     'Delane, has waited at the gate since Monday with their two children.', [("Rosa Delane", None)]),
    ('"I put her on the train myself. She never called me back that night."\n\nThe words were spoken softly by Omar '
     'Tessler, standing outside the hospital.', [("Omar Tessler", None)]),
    # a hyphenated title ('the secretary-general') is the person the text gave it
    ('Council of Nations Secretary-General Ilse Brandvold urged both sides to show restraint.\n\nThe army said it had '
     'struck back.\n\n"The cycle of retaliation must end before it consumes the region," the secretary-general said.',
     [("Ilse Brandvold", None)]),
    # a title set off after a closing single quotation mark, and a double-barrelled surname NER cut off
    ("'The operation is over. All the attackers have been neutralised,' the interior minister, Mamadou Diallo-Sène, "
     "said.\n\n'We will find out how they got weapons into the city, and who helped them,' the minister said.",
     [("Mamadou Diallo-Sène", None), ("Mamadou Diallo-Sène", None)]),
    ('"Entire villages are cut off and people are drinking floodwater," said Dr Amara Nwachukwu-Bello, RWB\'s country '
     'director.\n\nDr Nwachukwu-Bello said chlorine tablets were most needed. "Every day that the roads stay closed, the '
     'risk grows," she added.', [("Amara Nwachukwu-Bello", None), ("Amara Nwachukwu-Bello", None)]),
])
def test_speakers_named_apart_from_their_words(nlp, text, expected):
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a memo is its issuer's, not that of whoever saw it
    ('The cash position is "sufficient to operate through the winter season but not beyond it," according to an '
     'internal Halvorsen Air memo seen by the Post.', [("Halvorsen Air", None)]),
    # 'the party' after a sentence about a body its name does not call a party
    ('The ruling Unity Alliance said in a statement that the opposition bore responsibility. “We call on the '
     'opposition to accept the verdict of the people,” the party said.', [("Unity Alliance", None)]),
    # a body's name starts at its first capital ('the state Department of Corrections')
    ('Three inmates were killed, officials said.\n\n"Staff responded swiftly and professionally to regain control," '
     'according to a statement from the state Department of Corrections.', [("Department of Corrections", None)]),
])
def test_bodies_behind_statements_and_kind_nouns(nlp, text, expected):
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # the one heard or seen speaking
    ('In a 911 recording released by the sheriff’s office, a teacher can be heard whispering to a dispatcher: “He is '
     'in the science hallway. He is shooting into the classrooms.”', [(None, "a teacher")]),
    # a quotation paragraph after a paragraph that brings in someone unnamed and has them speak
    ('Warden Lorraine Fitzgerald-Obi said order had been restored. "The facility is secure and under our control," she '
     'said.\n\nThe department did not say how the three inmates died.\n\nAn inmate at the facility, reached by phone on '
     'Sunday, gave a different account of the evening. He spoke on condition of anonymity.\n\n"It started in the chow '
     'hall over nothing, a tray got knocked, and then the whole place went up."',
     [("Lorraine Fitzgerald-Obi", None), (None, "An inmate at the facility")]),
])
def test_speakers_heard_or_brought_in_unnamed(nlp, text, expected):
    assert speakers(nlp, text) == expected


def _body_run_together(text: str) -> str:
    """A text as feeds that drop line breaks give it: the headline, then every paragraph on one line."""
    headline, _, body = text.partition("\n\n")
    return headline + "\n\n" + re.sub(r"\s*\n\s*", " ", body)


def test_a_body_without_line_breaks_is_read_a_sentence_a_paragraph(nlp):
    # a long article written for the challenge sets, its paragraphs run together: without a paragraph to
    # go by, the survivors' "he said" went to a reporter named in the byline
    case = next(json.loads(line) for line in CHALLENGE_ARTICLES.read_text(encoding="utf-8").splitlines()
                if json.loads(line)["id"] == "H107")
    text = _body_run_together(case["text"])
    doc = nlp(text)
    view = paragraph_text_of(doc)
    assert len(view) == len(text) and view.count("\n") > text.count("\n") + 20
    assert {a for a, b in zip(text, view) if a != b} == {" "}  # only spaces between sentences became line breaks
    assert paragraph_text_of(nlp(case["text"])) == case["text"]  # a text with its paragraphs is read as it is
    facts = extract_document({"doc_id": "x", "text": text, "published_date": None}, doc)
    said = {q["text"][:30]: q["speaker"] for q in facts["quotes"]}
    expected = {q["text_start"][:30]: q["speaker"] for q in case["quotes"]}
    survivors = [start for start, speaker in expected.items() if speaker in ("Ahmad", "Rafiq")]
    assert len(survivors) == 4 and all(said[start] == expected[start] for start in survivors)


@pytest.mark.parametrize("text,expected", [
    # someone the outer quotation describes: no name to give, not the one who tells it
    ('Dr Kurma Tadesse runs the clinic. "A man came in carrying his daughter, and he said to me, \u2018Doctor, she is '
     'cold, please warm her up.\u2019 She had been dead for hours," Tadesse said.',
     [("Kurma Tadesse", None), (None, "A man")]),
    # a person the paragraph named before the outer quotation, whom the pronoun fits
    ('Her brother, Jon Varga, said Ilona Varga had been threatened twice. "She would say to us, \u2018If I close the '
     'shop, who will open it again?\u2019 She was stubborn," he said.', [("Jon Varga", None), ("Ilona Varga", None)]),
    # the speaker's own words, reported by the speaker
    ('"I told the commander, \u2018We will not leave this village without our families,\u2019 and he laughed," '
     'said Amos Kel.', [("Amos Kel", None), ("Amos Kel", None)]),
])
def test_a_quotation_inside_a_quotation_is_the_words_of_whom_the_outer_one_makes_speak(nlp, text, expected):
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a title given after the name's age
    ("Ravel Dunmore, 47, a carpenter travelling home with his son, said he woke because he could not breathe.\n\n"
     "Relatives waited at the port on Monday. Among them was Dunmore, who had come back to help.\n\n"
     '"Not for a long time. My son asks me every night if the house is going to burn," the carpenter said.',
     [("Ravel Dunmore", None)]),
    # "Jan's mother" after 'His mother, Jane Doe,' (and 'a mother's letters' in between brings in no one new)
    ("Kurmo Vance was stabbed on his way home.\n\nHis mother, Delia Vance, 44, told the inquest he had no enemies. "
     "The coroner said a mother's letters had gone unanswered for a year.\n\n"
     "Outside the court, Kurmo's mother said she hoped the letters would lead to change. "
     '"I do not want another mother sitting where I sat today," she said.', [("Delia Vance", None)]),
])
def test_a_description_is_the_person_the_text_gave_it_to(nlp, text, expected):
    assert speakers(nlp, text) == expected


def test_a_body_the_recogniser_missed_is_the_one_named_in_full_with_its_country(nlp):
    text = ("A three-storey house fell in on its tenants in the port city before dawn, killing four, the Lebanese "
            "Civil Defence said.\n\n"
            '"Our crews are digging by hand because any heavy machinery could bring down the rest," the Civil Defence '
            "said in a statement.")
    assert speakers(nlp, text) == [("Lebanese Civil Defence", None)]



@pytest.mark.parametrize("case_id,opening,speaker", [
    # 'Among the dead was X, whose wife, Y, escaped': the 'she' who speaks next is the wife
    ("N115", "They came in shouting and shooting", "Aisha Bukar"),
    # 'the IGP' is the one titled Inspector General of Police, not the inspector named after him
    ("N117", "Our men fought like lions", "Akhtar Hayat Khattak"),
])
def test_written_articles_where_the_dead_or_a_title_in_capitals_decide_who_speaks(nlp, case_id, opening, speaker):
    case = next(json.loads(line) for line in (CHALLENGE_ARTICLES.parent / "articles13.jsonl").open(encoding="utf-8")
                if json.loads(line)["id"] == case_id)
    facts = extract_document({"doc_id": "x", "text": case["text"], "published_date": None}, nlp(case["text"]))
    assert next(q["speaker"] for q in facts["quotes"] if q["text"].startswith(opening)) == speaker


def test_a_regents_title_and_district_before_the_name_are_no_part_of_it(nlp):
    text = ('"Our field data shows 23 dead. I have asked all agencies to keep searching," Sukamaju Regent Dadan '
            "Hermasto told reporters on Friday.")
    assert speakers(nlp, text) == [("Dadan Hermasto", None)]


def test_a_body_of_a_long_name_speaks_whole(nlp):
    # a name of eight words, and one NER cut at its 'and'
    assert speakers(nlp, "\"Our units inflicted heavy losses on the terrorist militias in lives and equipment,\" the General "
                         "Command of the Army and Armed Forces said in a statement on Monday.") == [
        ("General Command of the Army and Armed Forces", None)]
    assert speakers(nlp, "The Ministry of Foreign Affairs and International Cooperation said in a statement: \"The talks "
                         "have failed because the other side walked away.\"") == [
        ("Ministry of Foreign Affairs and International Cooperation", None)]


def test_a_phrase_after_a_quotation_names_its_speaker_before_the_paragraphs_around_it(nlp):
    # not the police of the paragraph before, nor the developer the naming sentence goes on to
    assert speakers(nlp, "Nine people were pulled alive from the rubble overnight, according to police.\n\n\"We are still "
                         "hearing from families who cannot reach their relatives, so we cannot rule out that more people are "
                         "trapped.\"\n\nThat was Regional Police Commander Samuel Kiprono Tanui, speaking at the scene at dawn "
                         "as excavators moved in.") == [("Samuel Kiprono Tanui", None)]
    assert speakers(nlp, "The county said the owner had been arrested.\n\n\"Every floor above the second was built without "
                         "approval.\" That was the verdict of Eng Paul Otieno Wekesa, who said the plans had been approved "
                         "for two floors but the developer added four more.") == [("Paul Otieno Wekesa", None)]


def test_a_hyphenated_title_with_its_holder_named_beside_it(nlp):
    # the parser hangs the name on 'secretary', and the tagger calls 'general' an adjective
    assert speakers(nlp, "The General Federation of Harbour Workers has threatened a general strike if the cuts are passed. "
                         "Its secretary-general, Samir Khaled, said: \"If they touch the bread, we will shut the country "
                         "down.\"") == [("Samir Khaled", None)]


@pytest.mark.parametrize("text,expected", [
    # a company named with its legal form, then without it, which NER took for a person
    ("The fire broke out on the third floor of the building of Meghna Denim Mills Ltd in Ashulia, police said.\n\nIn a "
     "statement, Meghna Denim Mills said, \"The factory management will bear all medical expenses of the injured workers.\"",
     "Meghna Denim Mills Ltd"),
    # a nationality word NER took for a person, before a state body
    ("In a statement read on state television, the Malagasy government said: \"The forces of order have acted with "
     "restraint in the face of looting.\"", "Malagasy government"),
    # letters after a name NER took for a body's, and a rank before one it cut
    ("Opening the prosecution case at Manchester Crown Court on Tuesday, Alistair Greaves KC said the two teenagers had "
     "never met. \"He went out that night looking for trouble, and he found it,\" Mr Greaves told the jury.", "Alistair Greaves"),
    ("ITBP Deputy Commandant Anil Kumar Singh, who led the rescue, said: \"The lane is barely eight feet wide, so no "
     "machine could get in.\"", "Anil Kumar Singh"),
])
def test_names_ner_typed_or_cut_wrongly_speak_as_the_text_names_them(nlp, text, expected):
    assert speakers(nlp, text) == [(expected, None)]


def test_a_quotation_paragraph_and_the_person_the_next_paragraph_brings_in_speaking(nlp):
    # after a paragraph that goes on the quotation before it, someone the next paragraph brings in speaking
    text = ("The army's spokesman in the region, Lieutenant Colonel Musa Bello, confirmed the attack but put the toll at 19."
            "\n\n\"Our troops responded swiftly and the terrorists fled, abandoning two of their motorcycles,\" Bello said in a "
            "statement. \"Clearance operations are ongoing in the general area.\"\n\n\"We counted the bodies ourselves, "
            "because there was nobody else to do it. We buried them before noon on Friday.\"\n\nAliyu Kachalla Modu, a "
            "cattle trader whose two brothers were among the dead, spoke by telephone from the market town on Friday.")
    assert [name for name, _description in speakers(nlp, text)] == ["Musa Bello", "Musa Bello", "Aliyu Kachalla Modu"]
    # but the one who spoke before, named again saying something of his own, goes on speaking
    text = ("Hospital spokesman Dr Imran Qadir said two of the injured had died. \"Blood is urgently needed, particularly "
            "O-negative,\" he said.\n\n\"We have called in every doctor and every nurse in the city, and the wards are "
            "full.\"\n\nDr Qadir said the hospital had asked the army for help.")
    assert [name for name, _description in speakers(nlp, text)] == ["Imran Qadir", "Imran Qadir"]


def test_a_body_named_for_a_list_of_fields_speaks_whole(nlp):
    # NER began the first name after its comma, and ended the second at it
    assert speakers(nlp, "\"Extreme weather is forecast to continue for the next three days,\" the Meteorology, "
                         "Climatology and Geophysics Agency said in a statement.") == [
        ("Meteorology, Climatology and Geophysics Agency", None)]
    assert speakers(nlp, "The Ministry of Foreign Affairs, Trade and Development said in a statement: \"We have summoned "
                         "the ambassador to explain these remarks.\"") == [("Ministry of Foreign Affairs, Trade and Development", None)]


@pytest.mark.parametrize("text,expected", [
    # a body's name NER ends on its 'of' or before it, and its country after
    ('The Office of the President of Ukraine said in a statement that the strike was "a deliberate act of terror '
     'against sleeping families".\n\n"Every missile that is not intercepted means more funerals in our cities," the '
     'statement said.', [("Office of the President of Ukraine", None)] * 2),
    ('The Office of the President of Kenya said in a statement that the strike was "a deliberate act of terror '
     'against sleeping families".', [("Office of the President of Kenya", None)]),
    # a title and its letters in brackets before its holder's name: the person, no body named by them
    ('The wounded were taken to the district hospital. Its Medical Superintendent (MS), Dr Amina Kolade, said they '
     'were stable.\n\n"All the injured have been operated upon and they are out of danger," the MS said.',
     [("Amina Kolade", None)]),
    # a statement from a body the text names in lower case
    ('The ruling council acknowledged the assault in a communique from the army general staff read on state '
     'television.\n\n"Unfortunately, eight soldiers lost their lives in the fighting," the communique said.',
     [("army general staff", None)]),
    # 'the prosecutor' for the attorney general the text named
    ('At a press conference, the state attorney general, Marta Ruiz Olmedo, said the attack was aimed at one man. '
     '"We will not allow this crime to go unpunished," said the prosecutor.', [("Marta Ruiz Olmedo", None)]),
    # 'the newspaper', 'the paper': the outlet the text named before, as the one that published or with its kind
    ('El Vocero has published a list of 47 people killed. The newspaper claims that soldiers "separated the men and '
     'women and killed the men inside the church."', [("El Vocero", None)]),
    ('The daily Kurmin Herald reported on Monday that the talks had failed. "Neither side is ready to give up an inch '
     'of ground," the paper said.', [("Kurmin Herald", None)]),
])
def test_bodies_by_their_country_letters_and_lower_case_names_prosecutors_and_outlets(nlp, text, expected):
    assert speakers(nlp, text) == expected


def test_the_agency_a_dateline_credits_is_no_antecedent(nlp):
    text = ('KURMIN, Dalen (AP) -- Gunmen raided a farm before dawn Saturday, killing nine workers, officials said.\n\n'
            'A communique said troops followed the attackers toward the border. Two soldiers were wounded, it said.\n\n'
            '"The gunmen fired into the sleeping quarters of the workers and set the roofs alight," the communique said.')
    assert speakers(nlp, text) == [(None, None)]


def test_a_place_the_parser_made_the_subject_gives_way_to_the_person_set_beside_it(nlp):
    text = ('In Iloilo City, Iloilo, a fisherman who declined to give his name said he lost the boat he had paid off '
            'only last year. "Our boats are our lives. Without a boat, how will I feed my children?"')
    assert speakers(nlp, text) == [(None, "a fisherman")]


@pytest.mark.parametrize("text,expected", [
    # a pronoun after a named person's quotation, whatever the parser made of that sentence's subject, is not the
    # unnamed official of the sentence before it
    ('The gunman behind the attack was a foreign student previously unknown to police, another top official said.\n\n'
     '"He is Kurmish, originally from the Dalen region (in central Kurmistan). He is a student," secretary of state for '
     'security Samir Dalelly told a local FM radio station.\n\n"This person was not known [to us]," he added.',
     [("Samir Dalelly", None)] * 2),
    # two people NER took for one body ('Hollis and Carrick'), each named alone later as a speaker
    ('Back in England, two gap-year students, called Hollis and Carrick, said they were lucky to be alive:\n\n'
     '"I thought I was dead, there was nothing we could do," said Hollis.\n\n"We were just waiting really, waiting '
     'for them to come up," said Carrick.', [("Hollis", None), ("Carrick", None)]),
    # a hyphenated surname the parser splits, of a name NER missed
    ('The rights group also accused officials of removing cameras at the toll gate.\n\nKurmin State Governor Babajide '
     'Sanwo-Dalu has said that about 25 people were wounded, adding that the authorities were investigating the death '
     'of one man by "blunt force trauma to the head".', [("Babajide Sanwo-Dalu", None)]),
    # a post's initials after the place it serves, before the name
    ('Police officials refuted all the allegations levelled by the protesters. "Both the youth were criminals," '
     'Shara-e-Kurmin SHO Sarwar Dalendo maintained.', [("Sarwar Dalendo", None)]),
    # someone brought in just before a pronoun whose own few quoted words are too short to count
    ('Relatives had waited outside the court since dawn, and Kurmo Dalesi had spoken to reporters.\n\nIt took a few '
     'minutes for the verdict to sink in.\n\nOne man, holding a home-made poster of his dead son, had tears running down '
     'his face.\n\n"Thank God," he said. "We have got justice for the people at last."', [(None, "One man")]),
    # a name after a relative clause its verb closed ('which borders the sea,') is the subject the parser lost
    ('"All services are on site. We are working. For now no casualties," said Vitalii Kurval, head of the Dalen region '
     'military administration.\n\nIn the northern region of Kurmy, which borders the sea, Dmytro Dalovskyi, the head of '
     'the regional military administration, said that "due to enemy attacks in the city and the region, emergency power '
     'outages have been imposed."', [("Vitalii Kurval", None), ("Dmytro Dalovskyi", None)]),
    # a quotation paragraph after a named speaker's is not the one who 'also said' something after it
    ('Contacted, Lt Col Kurmo Dalesi, director of the fire service, said, "The brother was not supposed to enter the '
     'building. Even fire service personnel were unable to access it."\n\n"We tried our best. There were multiple factors '
     'beyond our control."\n\nSamiul Kurmani, son of an engineer who worked in the building, also said a fast rescue '
     'could have saved his father.', [("Kurmo Dalesi", None)] * 2),
    # what someone will say, in the clause another reports: the reporter's words
    ('Republican Gov. Paul Kurmage and Democratic Rep. Mike Dalaud are running in a dead heat in the race.\n\n'
     'Dalaud countered that the outspoken governor will say "anything, whether it is factual or not."',
     [("Mike Dalaud", None)]),
])
def test_named_speakers_after_an_unnamed_one_two_people_as_one_name_and_hyphenated_surnames(nlp, text, expected):
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a reaction round-up that signs each quotation after a dash
    ('Ten people were killed in attacks on Sunday, police said.\n\nHere is some of the reaction:\n\n"They were our '
     'relatives, friends. Mostly we are all related here, so it is pretty hard." -- Kurmapasin Chief Calvin Dalerson.'
     '\n\n"My mind is somewhere else. It is a shock. No one in this town is ever going to sleep again." -- Weldon, '
     'Sask., resident Ruby Kurmworks.', [("Calvin Dalerson", None), ("Ruby Kurmworks", None)]),
    # the person in an apposition before the body that titles them
    ('U.S. forces said they conducted an airstrike on the city at 2:15 a.m. The spokesman, U.S. Army Col. Brian Dalbus, '
     'said the strike "may have resulted in collateral damage to a nearby medical facility" and that it was under '
     'investigation.', [("Brian Dalbus", None)]),
    # a body without the day it spoke
    ('An airstrike in a town caused several casualties, residents said.\n\nThe U.S. military in a statement Friday said '
     '"unfortunately, civilians were injured and killed" in the vicinity of a military operation.', [("U.S. military", None)]),
    # a report's words are the body's the text had speak before, not the last person who spoke
    ('More than 220 civilians were massacred by the military in a single day this year, Kurmin Rights Watch says.\n\n'
     'Authorities have not commented on the report.\n\nLast month, public prosecutor Aly Dalen Kurmibaly appealed for '
     'witnesses to identify the group behind the killings. He put the preliminary death toll at 170.\n\nThe soldiers went '
     'door-to-door, ejecting residents from their homes.\n\n"They then rounded up villagers in groups before opening fire '
     'on them," the report added, citing witness and survivor accounts.', [("Kurmin Rights Watch", None)]),
    # a broadcast transcript brings in each clip before it
    ('Members of both parties are condemning the attacks. Here\'s former House Speaker and presidential candidate Jan '
     'Kurmich on a Sunday talk show.\n\n"We obviously want to offer condolences to the families. We want to recognize '
     'this is a terrible event."\n\nAnd Senate Majority Leader Harry Dalreid speaking on a Sunday show says soldiers are '
     'under tremendous stress.\n\n"But no one can condone or make any suggestion that what he did was right."',
     [("Jan Kurmich", None), ("Harry Dalreid", None)]),
    # a name NER missed that the sentence says is a role ('X is the spokesman for ...'), then 'he'
    ('US officials are trying to determine what happened. Kurmique Dalequi is the spokesman for the Interior Ministry. '
     'He says an investigation is underway. "We are looking into it very carefully and seriously. A delegation of the '
     'ministry has traveled to the area."', [("Kurmique Dalequi", None)]),
    # a verb with a particle that reports words
    ('"His plan is a fiscal disaster for the commonwealth," Terry Kurmliffe said at the beginning of the debate.\n\n'
     '"He has been very clear that he does not like my plan," Ken Dalinelli shot back. "I like puppies, but I do not '
     'bring a puppy home without a plan for it."', [("Terry Kurmliffe", None), ("Ken Dalinelli", None), ("Ken Dalinelli", None)]),
])
def test_signatures_after_a_dash_ranks_run_into_a_body_and_when_a_body_spoke(nlp, text, expected):
    assert speakers(nlp, text) == expected


def test_a_body_ner_calls_a_title_where_it_speaks_is_the_body_it_calls_it_elsewhere(nlp):
    text = ('Survivors were brought into the port, where they told Teach the Children aid workers there may have been 400 '
            'others who drowned.\n\n"There were 400 victims in this shipwreck, which occurred 24 hours after the vessel '
            'left the coast," Teach the Children said in a statement, citing survivors.')
    assert speakers(nlp, text) == [("Teach the Children", None)]


def test_a_name_that_speaks_is_no_place_of_that_name_but_a_country_speaks_for_its_government(nlp):
    text = ('Three climbers were rescued from a ridge in Scotland on Sunday.\n\n"There was nothing we could do but wait for the '
            'helicopter," said Lewis.')
    assert speakers(nlp, text) == [("Lewis", None)]
    text = 'Troops crossed the border overnight.\n\n"We will respond with force to this attack," Israel said in a statement.'
    assert speakers(nlp, text) == [("Israel", None)]


@pytest.mark.parametrize("text,expected", [
    # the kind of body the text wrote after its name, and later alone with 'the'
    ('Witnesses said troops from the 22,000-strong KURMISOM force killed at least eight civilians on Tuesday.\n\n'
     '"KURMISOM categorically denounces this devious allegation," the force said in a statement issued late Tuesday.',
     [("KURMISOM", None)]),
    # a body's name of common words, shown by a preposition written with a capital
    ('Reporters Without Borders said its office "was searched twice during the night and was left badly damaged."',
     [("Reporters Without Borders", None)]),
    # 'a garda car' brings in no new garda: the title is the one the text gave the named officer
    ('Gda Jan Doeman told the inquest he heard the shots as he sat in a garda car.\n\n"I heard five bangs which I '
     'presumed were fireworks at the time," the garda said.', [("Jan Doeman", None)]),
])
def test_a_body_by_the_kind_written_after_its_name_or_named_in_capitalised_common_words(nlp, text, expected):
    assert speakers(nlp, text) == expected


def test_a_persons_noun_after_a_body_is_no_kind_of_body(nlp):
    # 'a Kurmin Front commander' is a person of the body, not the body: 'the commander' does not become it
    text = ('A Kurmin Front commander crossed the river on Monday, officials said.\n\n"We took the post in an hour and lost '
            'no one," the commander said in a video.')
    assert speakers(nlp, text) == [(None, "the commander")]


@pytest.mark.parametrize("text,expected", [
    # a closing mark glued to the reporting clause after it
    ('"A bomber blew himself up at the cafe and killed six people,"local police officer Jan Dalemud told AFP by phone.',
     [("Jan Dalemud", None)]),
    # a rank of two words joined by a hyphen, which NER took alone for the person
    ('"Our forces were doing a search for the attackers," said army spokesman Brig-Gen Jan Kurmo Dalai.',
     [("Jan Kurmo Dalai", None)]),
    # a reporting verb that opens its sentence, its subject after it
    ('"The soldiers came in with tanks, shooting at anything that moved," said Kurmo Dalesi, who watched his village burn.'
     '\n\nSaid another, Jan Kurmira: "We managed to escape, but many people remained behind. We fear they are all dead."',
     [("Kurmo Dalesi", None), ("Jan Kurmira", None)]),
    # 'they' set inside the words they report: the sentence before says who they are, not the words' own subject
    ('Kurmo is the second Kurmin Front commander to have been killed in two weeks.\n\nKurmin army spokesmen described '
     'Kurmo as a "senior key facilitator and logistician responsible for the north". His death, they said, would "reduce '
     'the Kurmin Front ability to conduct operations against the army".', [("Kurmin army", None), ("Kurmin army", None)]),
    # ... but 'it' in a clause the body's verb governs is the body
    ('The Kurmin Interim Government also condemned the attack.\n\nMeanwhile, the Dalen News Agency reported that two '
     'civilians were killed in a drone attack on the town, blaming what it described as "terrorist groups active in the '
     'countryside."', [("Dalen News Agency", None)]),
])
def test_glued_marks_hyphenated_ranks_verbs_before_their_subjects_and_they_inside_the_words(nlp, text, expected):
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a closing mark glued to the reporting verb after it, and an opening one glued to the comma before it
    ('“We will rebuild every house that the flood took from these families,”said Jan Kurmira on Monday.',
     [("Jan Kurmira", None)]),
    ('Kurmo Dalesi, the mayor of the town, said,"We will rebuild every house that the flood took from these families."',
     [("Kurmo Dalesi", None)]),
])
def test_quotation_marks_glued_to_the_words_beside_them(nlp, text, expected):
    assert speakers(nlp, text) == expected


def test_a_nationality_word_before_a_noun_is_no_body_a_later_speaker_may_stand_for(nlp):
    from spacy.tokens import Span

    text = ('"Give us time to find them," Jan Kurmira said two days after the landslide that Peruvian authorities say '
            'left at least 30 dead.\n\nNew slides put two villages in danger, according to a release from the disaster '
            'agency. "This new flow will reach the river by night," the agency said.')
    doc = nlp(text)
    # NER takes some nationality words before a noun for a body ('<Nationality> authorities say'): so labelled here
    word = next(t for t in doc if t.text == "Peruvian")
    doc.ents = [e for e in doc.ents if word.i not in range(e.start, e.end)] + [Span(doc, word.i, word.i + 1, label="ORG")]
    facts = extract_document({"doc_id": "x", "text": text, "published_date": None}, doc)
    assert [(q["speaker"], q["speaker_description"]) for q in facts["quotes"]] == [("Jan Kurmira", None), (None, "the agency")]


def test_a_surname_the_text_misspells_is_the_person_named_in_full(nlp):
    # ('Kumiddoe', a letter dropped from the 'Jan Kurmiddoe' named before; the other ministers' names are far from it)
    text = ('Deputy Prime Minister Jan Kurmiddoe said he had been in a teleconference with key ministers on Saturday, '
            'including Emergency Minister David Dalenproud and Defence Minister Linda Kurmolds.\n\n"The situation as it is '
            'at the moment, as it is unfolding, is very, very worrying," Mr Kumiddoe told reporters in the town.')
    assert speakers(nlp, text) == [("Jan Kurmiddoe", None)]


def test_a_common_word_that_opens_a_sentence_and_is_written_in_lower_case_elsewhere_is_no_speaker(nlp):
    # an interview's answer that opens with the word the question used: NER takes it for a person, whom 'He' then names
    text = ('The police command said in a statement that "the situation has been brought under control and normalcy has '
            'returned to the area." Is that the situation on the ground?\n\nNormalcy? Half of the village is sleeping in '
            'the town now. Nobody goes to the farm. How can you call that normalcy?\n\nThe governor visited the community '
            'after the attack. What did he promise?\n\nHe stood in this compound and said, "Never again will our people be '
            'slaughtered like animals in their own homes." That was three weeks ago.')
    assert [speaker for speaker, _ in speakers(nlp, text)] == [None, None]


def test_a_bylines_credit_is_no_body_a_pronoun_stands_for(nlp):
    text = ('By JAN DOE\nDalen News Agency Writer\n\nKURMIN (DNA) -- Gunmen raided a tea estate before dawn Saturday, killing '
            'nine farm workers.\n\nTwo members of the security forces were wounded, it said. "The attackers fired into the '
            'sleeping quarters," it said.')
    assert "Dalen News Agency Writer" not in [speaker for speaker, _ in speakers(nlp, text)]


@pytest.mark.parametrize("text,expected", [
    # a mission's, an embassy's or a consulate's name goes on with the country or town it is in
    ('"We are deeply concerned by the reports of civilian deaths in the strike," the UN Stabilisation Mission in the '
     'Central African Republic said.', [("UN Stabilisation Mission in the Central African Republic", None)]),
    ('"Our citizens are advised to avoid the area until further notice," the Kurmish Embassy in Nairobi said.',
     [("Kurmish Embassy in Nairobi", None)]),
    ('"Staff are prohibited from travelling to the area at night," the Dalenian Consulate General in Mombasa said.',
     [("Dalenian Consulate General in Mombasa", None)]),
    # but not a body whose name does not say where it is
    ('"We have sent two teams to the valley this morning," the Kurmin Red Cross in Nairobi said.',
     [("Kurmin Red Cross", None)]),
])
def test_a_missions_name_goes_on_with_where_it_is(nlp, text, expected):
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # the statement's words speak for whoever put it out, not for the one who spoke before
    ('Jan Kurmov, the regional director of mining, confirmed the death count and said "initial reports suggest the '
     'incident was caused by gas".\n\nPrime Minister Kurmo Dalesi issued a statement expressing "profound sorrow and '
     'grief over the loss of precious lives".', [("Jan Kurmov", None), ("Kurmo Dalesi", None)]),
    ('The president issued a statement saying "we will rebuild every home that was lost in the flood".',
     [(None, "The president")]),
])
def test_a_statement_put_out_speaks_for_who_put_it_out(nlp, text, expected):
    assert speakers(nlp, text) == expected


def test_the_phrase_after_a_quotation_ends_at_its_comma(nlp):
    # 'Jan Kurmova, a nurse in her 40s told ...': the speaker is the name, not the apposition after its comma,
    # where the parser hangs the verb on the apposition's noun
    text = ("Hundreds of homes were flattened and rescuers fear more bodies lie under the debris.\n\n“There is nothing "
            "left of our street. Everything is gone,” Jan Kurmova, a nurse in her 40s told dpa in Kurmo, one of the "
            "hardest-hit villages. She said she had lost her neighbours.")
    assert speakers(nlp, text) == [("Jan Kurmova", None)]


def test_the_force_is_the_police_the_text_named(nlp):
    text = ("Kurmin Police said the man's family had been informed. ‘Our thoughts are with his family at this incredibly "
            "difficult time,’ the force said in a statement.")
    assert speakers(nlp, text) == [("Kurmin Police", None)]


def test_a_programmes_name_the_parser_made_the_subject_is_no_speaker(nlp):
    # 'Jan Kurmov speaking on CNN’s “State of the Union” says': the parser makes the programme the subject of 'says'
    text = ("Lawmakers from every party voiced their dismay on Sunday.\n\nAnd opposition leader Jan Kurmov speaking on "
            "CNN’s “State of the Union” says the army must leave the region at once.\n\n“Nobody can excuse what "
            "happened there. It was simply wrong.”")
    assert speakers(nlp, text) == [("Jan Kurmov", None)]


def test_a_statement_someone_passed_on_is_not_theirs(nlp):
    # 'The Dalen Monitoring Group quoted a statement ... saying': the body the sentence before was about put it out
    text = ("The Kurmin Front claimed the attack on Monday. The Dalen Monitoring Group quoted a statement posted on the "
            "group's channels saying, \"Our fighters stormed the main barracks of the enemy and held it for six hours.\"")
    assert speakers(nlp, text) == [("Kurmin Front", None)]


def test_a_quotation_paragraph_after_short_paragraphs_that_bring_in_no_one_goes_on_the_speaker_before(nlp):
    # the attribution of the quotation before names its own speaker and a place, which bring in no one else
    text = ("\"Hospitals received six bodies, including two children, and 16 injured,\" said Jan Kurmov, director of the "
            "health office in Kurmo.\n\nThe shelling comes just a week after government forces broke through the siege "
            "of the city.\n\nHospitals were finally stocked up with medical supplies this week following a widespread "
            "shortage.\n\n\"The hospitals received oxygen cylinders, medicines and other supplies, and they will receive "
            "more batches in the coming days.\"")
    assert speakers(nlp, text) == [("Jan Kurmov", None), ("Jan Kurmov", None)]
    # (a paragraph between that names someone else gives the quotation to them)
    text = text.replace("Hospitals were finally", "Aid agency Dalen Relief said hospitals were finally")
    assert speakers(nlp, text)[1] == ("Dalen Relief", None)


def test_a_name_after_a_boss_is_a_person_a_pronoun_may_stand_for(nlp):
    # 'police boss Kurmo Arome', whom NER takes for a body: a role's noun before a name makes it a person's
    text = ("“The information we have is that the driver lost control,” county police commander Jan Doe said.\n\n"
            "The bus was not licensed to operate at night, regional traffic police boss Kurmo Arome said.\n\n"
            "“It is very unfortunate what has happened,” he said.")
    assert speakers(nlp, text) == [("Jan Doe", None), ("Kurmo Arome", None)]


def test_a_title_no_one_named_bears_that_added_goes_on_with_the_person_the_sentence_before_was_about(nlp):
    text = ("“All I could see was scattered dead bodies,” said Jan Doe, who was close to the blast.\n\n"
            "One lawmaker, Kurmo Dalen, put the death toll at more than 90, although the information has not been confirmed.\n\n"
            "“May God have mercy on the victims of this barbaric attack,” the former internal security minister added.")
    assert speakers(nlp, text) == [("Jan Doe", None), ("Kurmo Dalen", None)]


def test_a_title_no_one_named_bears_that_added_goes_on_with_the_one_named_as_speaking_last(nlp):
    # the sentence before names no one: the one quoted last, by name, goes on
    text = ("The number of police officers killed in two ambushes this week has risen to 19, the interior minister said on "
            "Friday.\n\n“I salute these officers, who held their posts to the end,” Jan Doe said on state television.\n\n"
            "The minister said 12 officers thought missing had been found. He did not say whether any were hurt.\n\n"
            "An earlier count had put the number of dead at 11.\n\n"
            "“After such a loss, the whole country must stand together,” the minister added.")
    assert speakers(nlp, text) == [("Jan Doe", None), ("Jan Doe", None)]


def test_a_surname_alone_is_not_a_relative_the_paragraph_before_named_in_passing(nlp):
    # 'where his brother Dalen Kurmo was running': a relative in a clause of the sentence, not its subject
    text = ("Secretary Jan Kurmo and his 13 companions on Monday escaped unharmed after the governor allegedly fired at "
            "their convoy.\n\nNo one was hurt in the attack on the chief of the liaison office as he was checking on the "
            "voting in the province where his brother Dalen Kurmo was running against the governor.\n\n"
            "“This is impunity. He is the governor. Why would he do that? He thinks he owns the whole province,” Kurmo said.")
    assert speakers(nlp, text) == [("Jan Kurmo", None)]


def test_a_name_the_text_goes_on_to_use_without_the_fathers_name_is_the_person_named_in_full(nlp):
    text = ("At a relief centre, Jana Kurmi binti Dalen, 41, said she had fled with her three children.\n\n"
            "“The water came up to my chest in less than an hour and we climbed onto the roof,” Jana Kurmi said.\n\n"
            "Her neighbour, Wan Kurmo Wan Dalen, a rubber tapper, said the water had never been so high.\n\n"
            "“Every year we move out and every year we come back,” said Wan Kurmo.")
    assert speakers(nlp, text) == [("Jana Kurmi binti Dalen", None), ("Wan Kurmo Wan Dalen", None)]


def test_an_abbreviated_title_between_a_role_and_a_name_keeps_the_role(nlp):
    # 'Engr.' with its stop is one token: the parser ends no sentence there, and 'the commissioner' is the one named
    text = ("But the state Commissioner for Works, Engr. Jan Kurmo Dalen, insisted the levy had come to stay.\n\n"
            "“The door of the ministry is open, and they should come and table their grievances,” the commissioner stated.")
    assert speakers(nlp, text) == [("Jan Kurmo Dalen", None)]


def test_a_place_that_opens_a_headline_with_a_colon_is_no_speaker_of_its_quotation(nlp):
    text = ("Kurmistan: 'We ran with nothing but our children,' says mother as rebels take town\n\n"
            "“We ran with nothing but our children and we have not seen my husband since,” says Jana Doe, a mother of five.")
    assert speakers(nlp, text) == [("Jana Doe", None), ("Jana Doe", None)]


def test_a_spokesman_the_text_named_speaks_in_his_own_name_under_his_title_with_the(nlp):
    text = ("Rebels said they had taken the town of Kurmo in central Mali. The Malian army denied it. Its spokesman, Lt. Col. Jan Dalen, "
            "said troops held the hills.\n\n"
            "“We hold every position around the town and we will not retreat,” the army spokesman said.")
    assert speakers(nlp, text) == [("Jan Dalen", None)]


def test_a_title_before_a_name_the_recogniser_took_for_a_body_is_no_part_of_the_name(nlp):
    text = ("The accused's lawyer, Advocate Riaan du Kurmo, said his client had surrendered his passport.\n\n"
            "“My client has been in public service for 23 years and has nowhere to run,” Du Kurmo said.")
    assert speakers(nlp, text) == [("Riaan du Kurmo", None)]


def test_one_of_a_named_persons_people_speaks_not_the_person(nlp):
    text = ("Outside the court, a Kurmova supporter who declined to give his name called the ruling “an insult to the "
            "thousands who queued from dawn”. “We won once, and we shall win again by a bigger margin,” he said.\n\n"
            "Jan Kurmova, who did not attend, later wrote: “The fight is not over and we shall go to the Court of Appeal.”")
    assert speakers(nlp, text) == [(None, "a Kurmova supporter"), (None, "a Kurmova supporter"), ("Jan Kurmova", None)]


def test_an_occupation_that_opens_the_sentence_before_a_name_is_no_part_of_it(nlp):
    text = ("Fishmonger Jana Kurmi Dalen, whose son was treated last week, said she now boils all drinking water. "
            "“I spent the money for school fees on charcoal, but what can I do?” she said.")
    assert speakers(nlp, text) == [("Jana Kurmi Dalen", None)]


def test_a_title_written_as_initials_is_the_officer_named_with_the_title(nlp):
    text = ("District magistrate Jan Kurmo Dalen said every death was being verified. “We have not yet been able to "
            "establish that all these deaths are due to the liquor,” the DM said.")
    assert speakers(nlp, text) == [("Jan Kurmo Dalen", None)]


def test_a_title_read_in_part_as_an_honorific_still_gives_its_initials(nlp):
    text = ("According to Divisional Forest Officer Jan Kurmo Dalen, around 20 poachers attacked the camp.\n\n"
            "“The poachers attacked from three directions at around 11:30pm,” the DFO told this correspondent.")
    assert speakers(nlp, text) == [("Jan Kurmo Dalen", None)]


def test_a_country_whose_stand_its_envoy_words_is_no_speaker(nlp):
    # (a country does not utter words: the one who said what it condemns spoke them; one who shouted is still heard)
    text = ("The prime minister of Kurmistan called an emergency meeting.\n\nThe neighbouring country quickly condemned "
            "the bombings.\n\nIn Paris, Foreign Minister Jana Doe said France condemns \"this terrible terrorist incident "
            "and all who had a hand in it.\"")
    assert speakers(nlp, text) == [("Jana Doe", None)]
    assert speakers(nlp, 'Jan Doe said the attacker had shouted, "You will all die here today, every one of you."') == [
        (None, "the attacker")]


def test_the_speaker_goes_on_past_a_paragraph_about_her_own(nlp):
    # (the next paragraph brings in someone who confirms a toll: the words before it are still hers)
    text = ("“I have lost three members of my family,” Ms Jana Doe, who travelled to the hospital, told reporters.\n\n"
            "Her father, sister and nephew were among the dead.\n\n"
            "“I hoped that at least one of them had survived. It is doomsday for my family.”\n\n"
            "Mr Jan Kurmo, a senior official of the district, confirmed the death toll in a phone call from the site.")
    assert speakers(nlp, text) == [("Jana Doe", None), ("Jana Doe", None)]


def test_a_spokesman_of_no_body_speaks_for_the_body_whose_spokesman_spoke_before(nlp):
    text = ("A Kenyan army spokesman said the storming of the building was not planned. He said rebels began firing on "
            "the hostages.\n\n\"In order to save lives we also opened fire,\" a spokesman told reporters at the scene.")
    assert speakers(nlp, text) == [("Kenyan army", None)]
    # (with no body told of before, the spokesman stays unnamed)
    assert speakers(nlp, "Officials gave no details. \"In order to save lives we also opened fire,\" a spokesman told "
                         "reporters.") == [(None, "a spokesman")]


def test_a_quotation_ending_a_paragraph_about_someone_is_theirs(nlp):
    # the person the paragraph opens with, named ...
    text = ("Jana Doe, 19, was just starting a song on the karaoke stage. \"I was looking around, facing the window, "
            "when it happened.\"\n\nThe police arrived minutes later.")
    assert speakers(nlp, text) == [("Jana Doe", None)]
    # ... or by her own ('her grandson'), the woman named last before
    text = ("Outside a tent village, Jana Doe, a 64-year-old grandmother, stood with tears on her cheeks.\n\n"
            "Four adults and her grandson were in the house when it began to shake. They ran for the door. "
            "\"We were so lucky. I cannot believe it.\"")
    assert speakers(nlp, text) == [("Jana Doe", None)]
