import pytest

from newsfacts.extract.gazetteer import geocode
from newsfacts.extract.translit import name_key


@pytest.mark.parametrize("a,b", [
    ("Oleg Synegubov", "Oleh Sinehubov"), ("Dmitro Kuleba", "Dmytro Kuleba"), ("Zelensky", "Zelenskyy"),
    ("Mihajlo Podoljak", "Mykhailo Podolyak"), ("Medinski", "Medinsky"),
])
def test_transliterations_share_a_key(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize("a,b", [("Vladimir Putin", "Vladimir Medinski"), ("Gary Lineker", "Harry Lineker"), ("Ivan Petrov", "Ivan Petrenko")])
def test_different_people_keep_different_keys(a, b):
    assert name_key(a) != name_key(b)


@pytest.mark.parametrize("name,canonical,country", [
    ("Kharkov", "Kharkiv", "UA"), ("Kiev", "Kyiv", "UA"), ("Charkiw", "Kharkiv", "UA"), ("Odessa", "Odesa", "UA"),
    ("Berlin", "Berlin", "DE"),
])
def test_places_geocode_offline_with_alternate_names(name, canonical, country):
    place = geocode(name, frozenset({"UA"}))
    assert (place.name, place.country_code) == (canonical, country)
    assert place.latitude is not None and place.longitude is not None


def test_context_country_disambiguates():
    assert geocode("Odessa", frozenset({"US"})).country_code == "US"
    assert geocode("Odessa", frozenset({"UA"})).country_code == "UA"
    assert geocode("Nowhereville") is None
