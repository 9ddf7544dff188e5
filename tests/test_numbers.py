import pytest

from newsfacts.extract.numbers import Count, parse_count, words_to_int


@pytest.mark.parametrize("text,value", [
    ("eleven", 11), ("twenty-one", 21), ("two hundred and five", 205), ("1,200", 1200),
    ("2.5 million", 2_500_000), ("half a million", 500_000), ("112", 112),
])
def test_numbers_in_digits_and_words(text, value):
    assert words_to_int(text) == value


@pytest.mark.parametrize("number,qualifier,upper,expected", [
    ("11", "at least", None, Count(11, None, "at_least")),
    ("20", "more than", None, Count(20, None, "at_least")),
    ("20", "about", None, Count(20, 20, "approximately")),
    ("20", "nearly", None, Count(20, 20, "approximately")),
    ("20", "up to", None, Count(20, 20, "at_most")),  # the guide: "up to 60" is 60, at most
    ("20", "upto", None, Count(20, 20, "at_most")),  # as South Asian outlets often write it
    ("5", None, "7", Count(5, 7, "approximately")),
    ("dozens", None, None, Count(12, None, "vague")),
    ("tens", None, None, Count(10, None, "vague")),
    ("hundreds", None, None, Count(100, None, "vague")),
])
def test_qualifiers_ranges_and_vague_amounts(number, qualifier, upper, expected):
    assert parse_count(number, qualifier, upper) == expected


def test_words_that_are_not_numbers():
    assert words_to_int("several planes") is None
    assert parse_count("banana") is None


def test_an_average_is_approximate_as_the_guide_codes_it():
    from newsfacts.extract.casualties import find_casualty_figures

    (figure,) = find_casualty_figures("An average of 30 people are killed every month on the roads.")
    assert (figure.kind, figure.count.count_min, figure.count.precision) == ("killed", 30, "approximately")


def test_thousands_set_apart_by_spaces_are_one_number():
    # ('300 000', as many African and European outlets write it; a no-break or thin space too)
    assert [words_to_int(text) for text in ("300 000", "1 200", "1\u00a0200\u00a0000", "12\u202f500")] == [300_000, 1_200, 1_200_000, 12_500]


def test_two_number_words_joined_by_a_hyphen_are_a_range_not_a_sum():
    # 'two-three are badly hurt' is two or three; 'twenty-three' and 'a hundred and three' are one number each
    assert words_to_int("two-three") is None
    assert parse_count("two-three") == Count(2, 3, "approximately")
    assert words_to_int("twenty-three") == 23
    assert words_to_int("a hundred and three") == 103
