"""Bytes to text: the encodings scrapers hand over, told apart without guessing wildly.

UTF-8 (with or without BOM), UTF-16/32 with a BOM, and UTF-16 without one (recognised by its NUL bytes)
are read as such. Bytes that are not UTF-8 are read as Windows-1252, the usual encoding of older Western
pages (a superset of Latin-1's printable characters), with a logged warning; this also mends pages that
mix both. A file where more than a tenth of the bytes are not UTF-8 is more likely another legacy encoding
(Greek, Cyrillic) or binary, and is refused rather than turned into mojibake. Stray NULs and control
characters are removed with a warning; more than one byte in a hundred of them (and more than two) means
binary, refused. So are invisible and direction-changing characters (zero-width spaces and joiners, bidi
overrides, a BOM inside the text): they let a name look like another on screen, and they split the words
extraction must match.
"""

from __future__ import annotations

import logging
import re

import ftfy

from accord.errors import ReadError

log = logging.getLogger(__name__)

SAMPLE = 64 * 1024  # bytes looked at to tell text from binary
BINARY_SHARE = 0.01  # NULs and control bytes above this share of the sample: binary ...
BINARY_FLOOR = 2  # ... unless there are only this many: a scraper's slip in a short text
LEGACY_SHARE = 0.10  # non-UTF-8 bytes above this share: not Windows-1252 text either
LEGACY_FLOOR = 16  # ... but a short line may have a few: a headline's accents and curly quotes
BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
# What text may not carry: C0 controls other than whitespace, DEL, and lone surrogates (from JSON escapes).
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff]")
# Invisible and direction-changing characters: soft hyphen, Arabic letter mark, Mongolian vowel separator,
# zero-width space/joiners, left-to-right and right-to-left marks, bidi embeddings, overrides and isolates,
# word joiner and invisible operators, and the zero-width no-break space (a BOM inside the text).
INVISIBLE_CHARS = re.compile(
    r"[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
# What `tidy` removes from text, and what `printable` shows escaped.
UNWANTED = re.compile(f"{CONTROL_CHARS.pattern}|{INVISIBLE_CHARS.pattern}")
# Lone surrogates that `surrogateescape` did not make (those come from JSON escapes, not from bytes).
ESCAPED_SURROGATES = re.compile(r"[\ud800-\udc7f\udd00-\udfff]")
ESCAPED_BYTES = re.compile(r"[\udc80-\udcff]")  # bytes `surrogateescape` could not decode as UTF-8
WINDOWS_1252 = {
    0xDC00 + byte: bytes([byte]).decode("cp1252", errors="replace") for byte in range(0x80, 0x100)
}

__all__ = ["UNWANTED", "decode", "looks_binary", "printable", "tidy", "wide_codec"]


def printable(text: str) -> str:
    """A name or message on one printable line: control, invisible and bidi characters, lone surrogates
    (from JSON escapes) and undecodable bytes (from file names) escaped, so it can neither break nor spoof
    the line it is printed on."""
    text = ESCAPED_SURROGATES.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return UNWANTED.sub(
        lambda m: m.group().encode("unicode_escape").decode("ascii"),
        text.replace("\n", "\\n").replace("\r", "\\r"),
    )


def unicode_text(data: bytes, name: str) -> str:
    """Text from bytes, by BOM, by the NUL pattern of UTF-16, else UTF-8 with Windows-1252 for the rest."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec).removeprefix("\ufeff")
            except UnicodeDecodeError as err:
                raise ReadError(
                    f"{name} has a {codec} byte-order mark but is not {codec}: {err.reason}"
                ) from None
    sample = data[:SAMPLE]
    wide = utf16_without_bom(sample)
    if wide:
        try:
            return data.decode(wide)
        except UnicodeDecodeError:
            raise ReadError(
                f"{name} looks like {wide} without a byte-order mark but is not valid {wide}"
            ) from None
    if looks_binary(sample):
        raise ReadError(f"{name} looks binary (it contains NUL or control bytes), not text")
    text = data.decode("utf-8", "surrogateescape")
    undecodable = len(ESCAPED_BYTES.findall(text)) if not data.isascii() else 0
    if undecodable > max(LEGACY_FLOOR, len(data) * LEGACY_SHARE):
        raise ReadError(
            f"{name} is not UTF-8 text ({undecodable} of {len(data)} bytes are not UTF-8, too many for "
            "Windows-1252 text); convert it with iconv first"
        )
    if undecodable:
        log.warning("%s is not valid UTF-8: %d bytes read as Windows-1252", printable(name), undecodable)
        text = ESCAPED_BYTES.sub(lambda m: WINDOWS_1252[ord(m.group())], text)
    return text


def looks_binary(sample: bytes) -> bool:
    """More NUL and control bytes than a scraper's slip leaves in text."""
    controls = sum(sample.count(byte) for byte in CONTROL_BYTES)
    return controls > max(BINARY_FLOOR, len(sample) * BINARY_SHARE)


def wide_codec(head: bytes) -> str | None:
    """The UTF-16 or UTF-32 codec the first bytes of a file show (by BOM or NUL pattern), else None."""
    for bom, codec in BOMS:
        if head.startswith(bom) and codec != "utf-8-sig":
            return codec.rsplit("-", 1)[0]  # "utf-16" and "utf-32" read the BOM and drop it
    return utf16_without_bom(head[:SAMPLE])


def utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 of mostly Latin text has a NUL in every other byte: even places for BE, odd ones for LE."""
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    nul_even, nul_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if nul_odd > 0.3 and nul_even < 0.05:
        return "utf-16-le"
    if nul_even > 0.3 and nul_odd < 0.05:
        return "utf-16-be"
    return None


def tidy(text: str, name: str) -> str:
    """Remove stray NULs, control characters, lone surrogates and invisible or direction-changing
    characters, which no article needs."""
    found = len(UNWANTED.findall(text))
    if not found:
        return text
    log.warning("%s: removed %d control, invisible or direction-changing characters", printable(name), found)
    return UNWANTED.sub("", text)


def mend(text: str, name: str) -> str:
    """Text decoded twice on its way to us ("Akufo-Addoâ€™s", "2020Â\xa0") read as its writer meant it;
    ftfy tells mojibake from real accents far better than a list of pairs could."""
    mended: str = ftfy.fix_encoding(text)
    if mended != text:
        log.warning("%s: mended text that was decoded with the wrong encoding", printable(name))
    return mended


def decode(data: bytes, name: str) -> str:
    """Text from a file's bytes (see the module docstring for the encodings); empty or binary is an error."""
    if not data.strip():
        raise ReadError(f"{name} is empty")
    text = tidy(unicode_text(data, name), name)
    if not text.strip():
        raise ReadError(f"{name} is empty (only whitespace)")
    return text
