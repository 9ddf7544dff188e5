from datetime import date

from newsfacts.extract.dates import date_in_text, resolve_weekday


def test_weekday_resolves_to_latest_on_or_before_publication():
    published = date(2022, 3, 2)  # a Wednesday
    assert resolve_weekday("Tuesday", published) == date(2022, 3, 1)
    assert resolve_weekday("Wednesday", published) == published
    assert date_in_text("Explosions on Wednesday thundered in the square.", published) == (published, "day")


def test_explicit_dates_and_no_anchor_means_no_date():
    assert date_in_text("The strike on March 1, 2022 killed four.", None) == (date(2022, 3, 1), "day")
    assert date_in_text("On Tuesday, a video showed an explosion.", None) == (None, "unknown")
    assert date_in_text("The war goes on.", date(2022, 3, 2)) == (None, "unknown")


def test_publication_dates_need_day_month_and_year():
    from newsfacts.ingest.published import date_in_url, dateline_date, parse_published

    assert parse_published("2008") is None and parse_published("January 2008") is None
    assert parse_published("2025-02-30") is None  # impossible, not a guess
    assert parse_published("03-09-2021") == date(2021, 3, 9)  # month first, as US JSON feeds write it
    assert parse_published("11/24/2009 03:15:00 PM PST") == date(2009, 11, 24)
    assert parse_published("20180312T231500+0900") == date(2018, 3, 12)  # the source's own day
    assert date_in_url("https://example.org/2023/11/06/politics/story/index.html") == "2023-11-06"
    assert date_in_url("https://example.org/2023/11/story") is None
    assert dateline_date("QUITO, 14 JUN 91 (EFE) -- Survivors said") == "14 JUN 91"
    assert dateline_date("DELHI, MAR 3 (PTI) - A train") is None  # no year: not a stated date


def test_a_page_date_comes_from_markup_or_a_labelled_element_never_from_furniture():
    from newsfacts.ingest.formats import html

    body = "<p>" + "Rescuers searched the rubble of the market through the night, officials said. " * 6 + "</p>"
    header = "<div class='masthead'>Today's edition - Monday, March 3, 2014</div>"
    records, _ = html.parse("a.html", f"<html><body>{header}<article>{body}</article></body></html>")
    assert records[0].published is None
    labelled = "<p class='published-date'>March 2, 2014 09:10am</p>"
    records, _ = html.parse("b.html", f"<html><body>{header}<article>{labelled}{body}</article></body></html>")
    assert records[0].published == "2014-03-02"
    copyright_only = "<footer>Copyright 2007 Example News</footer>"
    records, _ = html.parse("c.html", f"<html><body><article>{body}</article>{copyright_only}</body></html>")
    assert records[0].published is None  # a year alone is never 1 January
