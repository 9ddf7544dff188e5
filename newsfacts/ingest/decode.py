"""Bytes to text: BOMs and UTF-16 first, then UTF-8 (strict, or with a few stray bytes replaced), then
charset-normalizer's detection."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer

from schemas.values import Reason


class DecodeFailure(Exception):
    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    # How sure the encoding is when it was a guess (the detector's confidence); None when a BOM or the
    # bytes themselves (UTF-16 shape, UTF-8) decided it.
    confidence: float | None = None
    # Bytes that were not valid in `encoding`, each replaced by U+FFFD.
    bytes_replaced: int = 0


_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
# Share of control characters (other than tab/newline/CR/form feed) above which text is binary.
_MAX_CONTROL_SHARE = 0.01
# UTF-8 with stray bytes (a Latin-1 'ä' pasted into UTF-8 text) is read as UTF-8, the stray bytes replaced,
# when they are few: at most this many, or under 1% of the non-ASCII bytes, and fewer than the well-formed
# multi-byte characters. Decoding the whole file in a legacy code page instead garbles every correct
# multi-byte character to save one.
_MAX_STRAY_BYTES = 4
_MAX_STRAY_SHARE = 0.01
# Python's 'surrogateescape' writes each undecodable byte as one of these code points.
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
_ASCII = bytes(range(128))


def decode_bytes(data: bytes) -> Decoded:
    """Decode a news file's bytes or raise DecodeFailure('binary' | 'undecodable' | 'empty')."""
    if not data.strip():
        raise DecodeFailure(Reason.EMPTY, "the file holds only whitespace")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding), encoding)
            except UnicodeDecodeError:
                if encoding == "utf-8-sig":
                    break  # UTF-8 with stray bytes, read below
                raise DecodeFailure(Reason.UNDECODABLE, f"the file starts with a {encoding.upper()} byte-order mark but its bytes "
                                                   f"are not {encoding.upper()} (cut short or damaged); export it again") from None
    utf16 = _bomless_utf16(data)
    if utf16:
        return _checked(data.decode(utf16), utf16)
    if b"\x00" in data:
        raise DecodeFailure(Reason.BINARY, "the file contains NUL bytes: it is binary, not text")
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    mostly_utf8 = _utf8_with_stray_bytes(data)
    if mostly_utf8 is not None:
        return mostly_utf8
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise DecodeFailure(Reason.UNDECODABLE, "no text encoding fits the bytes (tried UTF-8/16 and legacy code pages)")
    # 1 - chaos is the confidence charset-normalizer's chardet-style detect() reports.
    return _checked(str(best), best.encoding, confidence=round(1.0 - best.chaos, 3))


def _utf8_with_stray_bytes(data: bytes) -> Decoded | None:
    """Text that is UTF-8 (or ASCII) but for a few stray bytes; None when the file is not mostly UTF-8."""
    escaped = data.decode("utf-8", errors="surrogateescape")
    stray = len(escaped) - len(_ESCAPED_BYTE.sub("", escaped))
    non_ascii = len(data.translate(None, _ASCII))
    multibyte_characters = len(escaped) - (len(data) - non_ascii) - stray
    if multibyte_characters == 0 and stray <= _MAX_STRAY_BYTES:
        # ASCII with a '£' or 'ü' from a legacy code page: too little for the detector, which then picks
        # cp932 or gb18030 and garbles the letters around them. Windows-1252 is the Western default (what
        # browsers read 'latin-1' as); confidence is the share of the text that does not hang on the guess.
        try:
            return _checked(data.decode("cp1252"), "cp1252", confidence=round(1 - stray / len(escaped), 4))
        except UnicodeDecodeError:
            pass  # a byte that cp1252 leaves undefined: replaced, as in UTF-8 text
    elif multibyte_characters < stray or (stray > _MAX_STRAY_BYTES and stray > _MAX_STRAY_SHARE * non_ascii):
        return None
    text = _ESCAPED_BYTE.sub("\ufffd", escaped).removeprefix("\ufeff")
    return _checked(text, "utf-8", bytes_replaced=stray)


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM shows as NUL in every other byte of mostly-ASCII text."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / len(sample[0::2])
    odd_nuls = sample[1::2].count(0) / len(sample[1::2])
    for encoding, nul_share in (("utf-16-le", odd_nuls), ("utf-16-be", even_nuls)):
        if nul_share > 0.4:
            try:
                data.decode(encoding)
                return encoding
            except UnicodeDecodeError:
                return None
    return None


# Control characters other than tab, line feed, carriage return and form feed.
_CONTROL_CHARACTER = re.compile("[\x00-\x08\x0b\x0e-\x1f]")


def _checked(text: str, encoding: str, *, confidence: float | None = None, bytes_replaced: int = 0) -> Decoded:
    if text.strip() == "":
        raise DecodeFailure(Reason.EMPTY, "the file holds only whitespace")
    controls = len(_CONTROL_CHARACTER.findall(text))
    if controls / len(text) > _MAX_CONTROL_SHARE:
        raise DecodeFailure(Reason.BINARY, f"{controls} control characters in {len(text)}: binary content, not text")
    return Decoded(text, encoding, confidence, bytes_replaced)
