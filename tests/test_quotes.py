from newsfacts.extract.quotes import find_quotes


def test_curly_and_straight_quotes_over_several_paragraphs():
    text = ("He said: \u201cThe talks were hard. We will go on.\n\n\u201cWe have no other way,\u201d the envoy added.\n\n"
            "\"This is a crime against civilians,\" said the mayor.")
    quotes = find_quotes(text)
    assert [q.text for q in quotes] == [
        "The talks were hard. We will go on. We have no other way,",
        "This is a crime against civilians,",
    ]
    assert text[quotes[1].start_char:quotes[1].end_char] == "\"This is a crime against civilians,\""


def test_embedded_tweet_has_its_author():
    text = ("Shelling hit the city centre again this morning. pic.twitter.com/AbC123 \u2014 City Council (@citycouncil) "
            "March 1, 2022")
    (quote,) = find_quotes(text)
    assert quote.tweet_author == "City Council"
    assert quote.text == "Shelling hit the city centre again this morning."


def test_scare_quotes_are_not_statements():
    assert find_quotes('Moscow calls it a \u201cspecial operation\u201d and denies targeting civilians.') == []


def test_single_quotation_marks_as_british_papers_use_them():
    text = ("Yermak wrote of the attack: 'These are only those who were found. And most likely, there will be more.'\n\n"
            "'We want to see peaceful skies,' one woman said. The soldiers' families don't know where they are.")
    quotes = find_quotes(text)
    assert [q.text for q in quotes] == [
        "These are only those who were found. And most likely, there will be more.",
        "We want to see peaceful skies,",
    ]


def test_apostrophes_are_not_quotation_marks():
    assert find_quotes("The soldiers' families say they don't know where the men's unit went.") == []


def test_two_closing_single_marks_close_a_double_quotation():
    text = ("\u201cThere are many people in the centre who are hampering the checks,\u2019\u2019 the council posted.\n\n"
            "\u201cKeep away from the river banks until the water goes down.\u201d")
    quotes = find_quotes(text)
    assert [q.text for q in quotes] == ["There are many people in the centre who are hampering the checks,",
                                        "Keep away from the river banks until the water goes down."]
    assert text[quotes[0].end_char:].startswith(" the council posted")


def test_a_quotation_goes_on_over_a_line_the_text_wrapped_mid_sentence():
    text = ("\u201cWe counted at least 30 people hurt in the market\nand nine more near the bridge,\u201d said the mayor.\n"
            "\u201cThe roads are open again\nBut nothing else is said here")
    quotes = find_quotes(text)
    # the wrapped line goes on in lower case; a line in capitals starts a paragraph of its own
    assert [q.text for q in quotes] == ["We counted at least 30 people hurt in the market and nine more near the bridge,",
                                        "The roads are open again"]
    assert text[quotes[0].end_char - 1] == "\u201d"


def test_two_opening_single_marks_open_a_double_quotation():
    # some print pages set a double mark as two single ones on both sides, and typewriters as `` and ''
    text = ("\u2018\u2018The water came through the door before anyone could move,\u2019\u2019 the statement said. "
            "A neighbour said it was ``like nothing we had ever seen before,'' and left.")
    quotes = find_quotes(text)
    assert [q.text for q in quotes] == ["The water came through the door before anyone could move,",
                                        "like nothing we had ever seen before,"]
    assert text[quotes[0].start_char:quotes[0].end_char].startswith("\u2018\u2018The water")


def test_a_quotation_left_open_at_the_end_of_the_text_is_kept():
    # a page cut short, or a last paragraph whose closing mark never came
    text = "The coach was calm.\n\n\u201cWe lost today, but the season is long and we will learn from every game"
    (quote,) = find_quotes(text)
    assert quote.text == "We lost today, but the season is long and we will learn from every game"
    assert quote.end_char == len(text)


def test_a_closing_mark_before_a_word_at_a_paragraphs_start_opens_a_quotation():
    text = "Witnesses described the raid.\n\n”Soldiers came at dawn and took the men away,” said one witness.\n\nNo one answered."
    assert [q.text for q in find_quotes(text)] == ["Soldiers came at dawn and took the men away,"]


def test_two_apostrophes_open_and_close_a_quotation_as_old_wire_copy_writes_it():
    text = ("A mine hit a lorry on Friday. ''Our latest figures show that four drivers have died so far,'' an aide "
            "said.\n\n''No comment'' was all he added.")
    quotes = find_quotes(text)
    assert [q.text for q in quotes] == ["Our latest figures show that four drivers have died so far,"]


def test_a_typeset_single_opening_mark_opens_a_quotation_whatever_follows_its_close():
    text = ("Neighbours said they would ‘stand by them every day from now on’ in the months ahead.\n\n"
            "The sergeant spoke of the crash. ‘Seeing a mother lose three children in one morning. Nobody should have to")
    assert [q.text for q in find_quotes(text)] == ["stand by them every day from now on",
                                                   "Seeing a mother lose three children in one morning. Nobody should have to"]
    # (an apostrophe of a plural's possessive opens nothing)
    assert [q.text for q in find_quotes("The Does’ barn burned. He said ‘we lost every animal we had in the fire’ and wept.")] \
        == ["we lost every animal we had in the fire"]


def test_a_double_mark_that_a_single_mark_closes_before_its_attribution_ends_there():
    text = ("The rebels attacked the town.\n\n\u201dWhoever fired the shells, the army must protect the families in the "
            "camp,\u2019 he added.\n\nThe remarks came amid outrage.")
    (quote,) = find_quotes(text)
    assert quote.text == "Whoever fired the shells, the army must protect the families in the camp,"
    assert text[quote.end_char:].startswith(" he added.")


def test_a_quotation_inside_a_quotation_is_one_of_its_own_and_says_which_holds_it():
    text = ("\u201cHe got out of the truck and said, \u2018There are more people under the houses,\u2019 and then he drove "
            "away,\u201d the nurse said. The boys\u2019 bikes were gone.")
    outer, inner = find_quotes(text)
    assert inner.text == "There are more people under the houses,"
    assert inner.within == (outer.start_char, outer.end_char) and outer.within is None


def test_inside_guillemets_only_the_closing_guillemet_ends_the_quotation():
    text = ('\u00ab They lined us up. They asked everyone: "Which village are you from ?" Those who answered were taken '
            'away \u00bb, he says.')
    outer, inner = find_quotes(text)
    assert outer.text.startswith("They lined us up.") and outer.text.endswith("were taken away")
    assert inner.text == "Which village are you from ?" and inner.within == (outer.start_char, outer.end_char)


def test_wire_archives_double_primes_and_typewriter_marks_on_both_sides():
    # AP's archive writes the straight mark as a double prime; some wire archives close `` with `` too; a
    # double prime after a number is an inch, no mark
    text = ("\u2033We can\u2019t even find a chair,\u2033 said the sheriff. ``We have given up hope of any survivors,`` "
            "said the airline. The pipe was 12\u2033 wide and the crew said nothing more.")
    assert [q.text for q in find_quotes(text)] == ["We can\u2019t even find a chair,", "We have given up hope of any survivors,"]


def test_a_closing_mark_glued_to_the_words_after_it_still_closes():
    text = ('"A bomber blew himself up at the cafe and killed six people,"local police officer Jan Doe told AFP.\n\n'
            '"Two of his guards were among the wounded, one of them seriously," the officer added.')
    quotes = [q.text for q in find_quotes(text)]
    assert quotes == ["A bomber blew himself up at the cafe and killed six people,",
                      "Two of his guards were among the wounded, one of them seriously,"]


def test_a_paragraph_whose_opening_mark_the_page_dropped_is_quoted_from_its_start():
    text = ("\u201cA bomber blew himself up at the gate of the depot,\u201d said Jan Doe, a spokesman.\n\n"
            "The target was the staff who were leaving for home,\u201d he said.\n\n"
            "Nobody said that the \u201cnew rules\u201d would be kept, officials said.")
    quotes = find_quotes(text)
    assert [q.text for q in quotes] == ["A bomber blew himself up at the gate of the depot,",
                                        "The target was the staff who were leaving for home,"]
    assert text[quotes[1].start_char:].startswith("The target") and text[quotes[1].end_char:].startswith(" he said.")
