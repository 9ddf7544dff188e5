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
