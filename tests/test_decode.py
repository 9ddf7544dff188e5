import codecs

import pytest

from newsfacts.ingest.decode import DecodeFailure, decode_bytes

TEXT = "Officials said five people were injured in Kharkiv on Friday — “a tragedy”, one witness said."


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with BOM
        TEXT.encode("utf-16-le"),  # without BOM
        TEXT.encode("utf-16-be"),
    ],
)
def test_unicode_encodings_decode_to_the_same_text(data):
    assert decode_bytes(data).text == TEXT


def test_cp1251_cyrillic_is_detected():
    text = "Харків: унаслідок обстрілу загинули двадцять одна людина, поранені понад сто. " * 4
    decoded = decode_bytes(text.encode("cp1251"))
    assert decoded.text == text
    assert decoded.encoding.replace("_", "") in ("cp1251", "windows1251")


def test_latin1_accents_survive():
    text = "The café owner in Zürich said the façade was damaged; no one was hurt. " * 3
    assert decode_bytes(text.encode("latin-1")).text == text


def test_binary_content_is_refused():
    with pytest.raises(DecodeFailure) as failure:
        decode_bytes(bytes(range(256)) * 20)
    assert failure.value.reason == "binary"


def test_whitespace_only_is_empty():
    with pytest.raises(DecodeFailure) as failure:
        decode_bytes(b"  \n\t \n")
    assert failure.value.reason == "empty"
