"""Bytes to text: BOMs and UTF-16 first, then strict UTF-8, then charset-normalizer's detection."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer


class DecodeFailure(Exception):
    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
# Share of control characters (other than tab/newline/CR/form feed) above which text is binary.
_MAX_CONTROL_SHARE = 0.01


def decode_bytes(data: bytes) -> Decoded:
    """Decode a news file's bytes or raise DecodeFailure('binary' | 'undecodable' | 'empty')."""
    if not data.strip():
        raise DecodeFailure("empty", "the file holds only whitespace")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(encoding), encoding)
    utf16 = _bomless_utf16(data)
    if utf16:
        return _checked(data.decode(utf16), utf16)
    if b"\x00" in data:
        raise DecodeFailure("binary", "the file contains NUL bytes: it is binary, not text")
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise DecodeFailure("undecodable", "no text encoding fits the bytes (tried UTF-8/16 and legacy code pages)")
    return _checked(str(best), best.encoding)


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


def _checked(text: str, encoding: str) -> Decoded:
    if text.strip() == "":
        raise DecodeFailure("empty", "the file holds only whitespace")
    controls = len(_CONTROL_CHARACTER.findall(text))
    if controls / len(text) > _MAX_CONTROL_SHARE:
        raise DecodeFailure("binary", f"{controls} control characters in {len(text)}: binary content, not text")
    return Decoded(text, encoding)
