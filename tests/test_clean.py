import textwrap

from newsfacts.ingest.clean import clean_article

from conftest import SEEDS


def seed(name: str) -> str:
    return next(SEEDS.glob(f"{name}_*.txt")).read_text(encoding="utf-8")


def test_app_promotion_sign_up_and_related_lists_are_removed():
    cleaned = clean_article(seed("004"))
    for furniture in ("Get all your news", "One app.", "Start reading", "Sign up to read", "Related Stories",
                      "Download the app", "Follow the latest updates", "via Getty"):
        assert furniture not in cleaned.text, furniture
    assert cleaned.text.startswith("Russia has been accused of war crimes")
    assert cleaned.text.rstrip().endswith("distribution of food.”")
    assert cleaned.publisher == "Daily Mirror"
    assert cleaned.title.startswith("Ukraine invasion: 11 dead")


def test_source_link_leave_a_reply_captions_and_repeated_headlines_are_removed():
    cleaned = clean_article(seed("002"))
    assert "Source link" not in cleaned.text and "Leave a Reply" not in cleaned.text
    assert "© Sergey" not in cleaned.text
    assert cleaned.title not in cleaned.text
    assert cleaned.text.rstrip().endswith("humanitarian and financial aid.")


def test_headline_found_below_section_furniture_and_standfirst_kept():
    cleaned = clean_article(seed("003"))
    assert cleaned.title.startswith("21 dead in Kharkiv")
    assert cleaned.text.startswith("112 injured in city over last 24 hours")
    for furniture in ("NewsWorld", "Actions", "Posted", "and last updated"):
        assert furniture not in cleaned.text.split("\n\n")[:3]


def test_leading_date_line_is_a_stated_date():
    cleaned = clean_article(seed("001"))
    assert cleaned.stated_date == "2022-03-01"
    assert cleaned.text.startswith("Kharkiv region head")
    assert cleaned.title is None


def test_article_without_furniture_is_left_alone():
    body = "\n\n".join([
        "Officials said the bridge reopened on Monday after repairs that lasted three months.",
        "Traffic was light in the morning, and drivers said the new surface was smooth and quiet.",
    ])
    assert clean_article(body).text == body


def test_short_opening_sentences_are_kept_when_there_is_no_headline():
    # Lines before the first long paragraph are a header only where a headline heads it; without one,
    # a short opening sentence and a short quoted line are the article's own.
    body = "\n\n".join([
        "Police said the road would remain closed.",
        "“Drivers should avoid the area,” a police spokesman said.",
        "Officials said the bridge reopened on Monday after repairs that lasted three months.",
    ])
    cleaned = clean_article(body)
    assert cleaned.title is None
    assert cleaned.text == body
    # Short lines that are not sentences (section names, tags) are still page furniture.
    assert clean_article("News\n\nWorld | Europe\n\n" + body).text == body


def test_hard_wrapped_paragraphs_are_joined():
    paragraph = ("Officials said the bridge reopened on Monday after repairs that lasted three months and cost "
                 "more than the city had planned to spend on all of its roads for the whole of the year.")
    wrapped = textwrap.fill(paragraph, width=70)
    assert wrapped.count("\n") >= 2
    assert clean_article(wrapped).text == paragraph


def test_a_closing_copyright_notice_goes_and_the_paragraph_it_ends_stays():
    sentences = ("The council approved the new budget on Tuesday after a long debate about school funding. "
                 "Members voted nine to four in favour of the plan.")
    for notice in ("© 2024 Some Agency. All rights reserved.", "Copyright 2023 Some Agency", "(c) Some Agency. All Rights Reserved."):
        assert clean_article(f"{sentences} {notice}").text == sentences, notice
    assert clean_article(f"{sentences}\n\nCopyright 2024 Some Agency. All rights reserved.").text == sentences


def test_a_photo_credit_is_still_dropped_whole():
    caption = "Smoke rises over the harbour after the fire on Tuesday morning, seen from the ferry terminal. © Jane Doe/Some Agency"
    body = "Firefighters said the blaze at the harbour warehouse was under control by noon and nobody was hurt."
    assert clean_article(f"{body}\n\n{caption}").text == body


def test_sentences_glued_where_paragraph_tags_were_dropped_are_set_apart():
    article = clean_article("Gunmen attacked a checkpoint in the capital.On Sunday, a second bomb exploded near the market. "
                            "The U.S.Army said it was ready to help.")
    assert "capital. On Sunday" in article.text and "U.S.Army" in article.text
