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
    assert parse_published("12/30/2007 01:50:35 AM PST") == date(2007, 12, 30)
    assert parse_published("20190723T202119+0900") == date(2019, 7, 23)  # the source's own day
    assert date_in_url("https://example.org/2023/11/06/politics/story/index.html") == "2023-11-06"
    assert date_in_url("https://example.org/2023/11/story") is None
    assert dateline_date("LIMA, 20 MAY 88 (EFE) -- Survivors said") == "20 MAY 88"
    assert dateline_date("LONDON, JAN 17 (PTI) - A plane") is None  # no year: not a stated date


def test_a_page_date_comes_from_markup_or_a_labelled_element_never_from_furniture():
    from newsfacts.ingest.formats import html

    body = "<p>" + "Rescuers searched the rubble of the market through the night, officials said. " * 6 + "</p>"
    header = "<div class='masthead'>Your complete online news edition - Sunday, January 20, 2008</div>"
    records, _ = html.parse("a.html", f"<html><body>{header}<article>{body}</article></body></html>")
    assert records[0].published is None
    labelled = "<p class='published-date'>January 15, 2008 05:42am</p>"
    records, _ = html.parse("b.html", f"<html><body>{header}<article>{labelled}{body}</article></body></html>")
    assert records[0].published == "2008-01-15"
    copyright_only = "<footer>Copyright 2007 Example News</footer>"
    records, _ = html.parse("c.html", f"<html><body><article>{body}</article>{copyright_only}</body></html>")
    assert records[0].published is None  # a year alone is never 1 January
