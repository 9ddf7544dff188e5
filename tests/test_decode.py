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


STRAY = ("Critics in Köln and Zürich said the plan — as written — would cost €4 billion. ".encode("utf-8")
         + b"The physicist Weizs\xe4cker said so too. " + "The vote is on Monday, the mayor’s office said.".encode("utf-8"))


def test_one_stray_latin1_byte_in_utf8_text_is_replaced_not_a_reason_to_guess():
    decoded = decode_bytes(STRAY)
    assert decoded.encoding == "utf-8" and decoded.bytes_replaced == 1 and decoded.confidence is None
    assert "Weizs\ufffdcker" in decoded.text
    assert "Köln and Zürich" in decoded.text and "— as written —" in decoded.text and "mayor’s" in decoded.text


def test_many_legacy_bytes_are_not_stray_bytes():
    # A Latin-1 file that happens to hold one valid UTF-8 pair ('Ã©') is not UTF-8 with stray bytes.
    text = "Le maire a déclaré que la façade était endommagée; à côté, Ã© rien. " * 3
    decoded = decode_bytes(text.encode("latin-1"))
    assert decoded.encoding != "utf-8" and decoded.bytes_replaced == 0 and "\ufffd" not in decoded.text


def test_ascii_with_a_legacy_pound_sign_or_umlaut_is_read_as_windows_1252():
    # The detector, on one byte, guesses cp932 or gb18030 and garbles the letters around it.
    for text in ("The club paid a £12m fee for the striker in the summer, the chairman said on Friday.",
                 "The physicist Müller told the committee on Monday that the budget would not change."):
        decoded = decode_bytes(text.encode("latin-1"))
        assert decoded.text == text and decoded.encoding == "cp1252"
        assert 0.9 < decoded.confidence < 1 and decoded.bytes_replaced == 0


def test_a_guess_by_the_detector_records_its_confidence():
    text = "Харків: унаслідок обстрілу загинули двадцять одна людина, поранені понад сто. " * 4
    decoded = decode_bytes(text.encode("cp1251"))
    assert 0 < decoded.confidence <= 1
    assert decode_bytes(text.encode("utf-8")).confidence is None


@pytest.mark.parametrize("data", [
    codecs.BOM_UTF32_LE + "Officials said the road reopened.".encode("utf-32-le")[:-3],  # cut short
    codecs.BOM_UTF16_LE + "Officials said the road reopened.".encode("utf-16-le") + b"\x00",
])
def test_a_damaged_utf16_or_utf32_file_is_refused_with_a_reason(data):
    with pytest.raises(DecodeFailure) as failure:
        decode_bytes(data)
    assert failure.value.reason == "undecodable" and "byte-order mark" in failure.value.detail


def test_a_stray_byte_behind_a_utf8_bom_is_replaced():
    decoded = decode_bytes(codecs.BOM_UTF8 + "Officials in Köln said the road reopened; the café é".encode("utf-8") + b"\x80")
    assert decoded.text == "Officials in Köln said the road reopened; the café é\ufffd" and decoded.bytes_replaced == 1


def test_read_file_records_how_the_bytes_became_text(tmp_path):
    from newsfacts.ingest.discover import discover_files
    from newsfacts.ingest.documents import read_file

    (tmp_path / "stray.txt").write_bytes(STRAY)
    (tmp_path / "cyrillic.txt").write_bytes(("Харків: поранені понад сто людей, повідомили в понеділок. " * 4).encode("cp1251"))
    (tmp_path / "plain.txt").write_bytes(STRAY.replace(b"\xe4", "ä".encode("utf-8")))
    files, _ = discover_files(tmp_path, 2**20)
    outcomes = {f.rel_path: read_file(f)[2] for f in files}
    how = {path: (o.encoding, o.encoding_confidence, o.bytes_replaced) for path, o in outcomes.items()}
    assert how["stray.txt"] == ("utf-8", None, 1) and how["plain.txt"] == ("utf-8", None, 0)
    assert how["cyrillic.txt"][0].replace("_", "") in ("cp1251", "windows1251") and 0 < how["cyrillic.txt"][1] <= 1
