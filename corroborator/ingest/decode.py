"""Bytes to text: byte-order marks, UTF-8, UTF-16/32, and the single-byte Cyrillic/Latin codepages.

The cascade, first match wins:

1. known binary signatures (PDF, ZIP, images, …) → :class:`BinaryInput`;
2. a byte-order mark → UTF-8/UTF-16/UTF-32 as marked;
3. NUL bytes: BOM-less UTF-16 when they sit on every other byte, else binary;
4. strict UTF-8;
5. too many control characters → binary;
6. a single-byte codepage: cp1251 when the high bytes form Cyrillic words, else cp1252,
   else latin-1 (which decodes anything, so it comes last).

The result is NFC-normalised with Unix newlines; offsets everywhere refer to this text.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter

from corroborator.errors import BinaryInput, UndecodableInput

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"7z\xbc\xaf", "a 7-zip archive"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"RIFF", "a media file"),
    (b"OggS", "a media file"),
    (b"ID3", "an MP3 file"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Bytes that never occur in text: C0 controls other than tab, newline, form feed, carriage return.
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")
# 1% of control bytes: text files seen in the wild (old Windows exports with stray \x1a or \x0b)
# stay far below it, while random or compressed data has about 10%.
_MAX_CONTROL_RATIO = 0.01
# BOM-less UTF-16: 90% of the high bytes fall on three values in English, Russian and mixed
# samples (the tests'), against about 10% for binary data; at least 5% are NUL (spaces).
_UTF16_HIGH_CONCENTRATION = 0.9
_UTF16_MIN_NUL = 0.05
_CYR = re.compile(r"[\u0400-\u04ff]")
_LAT_HIGH = re.compile(r"[\u00c0-\u024f]")
_WORD = re.compile(r"\w+")


def _sniff_binary(data: bytes) -> str | None:
    for magic, what in _SIGNATURES:
        if data.startswith(magic):
            return what
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """The byte order of BOM-less UTF-16, judged from which bytes carry the high halves.

    In UTF-16 of one script the high bytes take a handful of values (0x00 for ASCII, 0x04 for
    Cyrillic, …) while the low bytes vary; the high bytes include NULs (spaces, digits) and the
    low bytes almost never do.
    """
    sample = data[:4096]
    if len(sample) < 8:
        return None
    for high, order in ((sample[1::2], "utf-16-le"), (sample[0::2], "utf-16-be")):
        low = sample[0::2] if order == "utf-16-le" else sample[1::2]
        top3 = sum(count for _, count in Counter(high).most_common(3)) / len(high)
        if (
            top3 >= _UTF16_HIGH_CONCENTRATION
            and high.count(0) / len(high) >= _UTF16_MIN_NUL
            and low.count(0) / len(low) < 0.05
        ):
            return order
    return None


def _cyrillic_score(text: str) -> float:
    """Share of words with Cyrillic letters that are wholly Cyrillic (1.0 for real Russian)."""
    words = [w for w in _WORD.findall(text) if _CYR.search(w)]
    if not words:
        return 0.0
    pure = sum(1 for w in words if all(_CYR.match(c) or c.isdigit() for c in w))
    return pure / len(words)


def _single_byte(data: bytes) -> tuple[str, str]:
    high = sum(1 for b in data if b >= 0x80)
    as_cyr = data.decode("cp1251", errors="replace")
    cyr_letters = len(_CYR.findall(as_cyr))
    # cp1251 when most high bytes decode to Cyrillic letters that form whole Cyrillic words.
    # Western text read as cp1251 gives Cyrillic letters glued inside Latin words ("Mьnchen"),
    # so its score stays low; 0.8 was chosen on German, French and Russian samples in the tests.
    if high and cyr_letters >= 0.6 * high and _cyrillic_score(as_cyr) >= 0.8:
        return as_cyr, "cp1251"
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _finish(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    return unicodedata.normalize("NFC", text)


def decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    """Decode ``data`` read from ``path`` into normalised text; return ``(text, encoding)``.

    Raises :class:`BinaryInput` for non-text data and :class:`UndecodableInput` when a marked
    encoding does not hold.
    """
    what = _sniff_binary(data)
    if what:
        raise BinaryInput(path, f"binary file, not text (looks like {what})")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _finish(data[len(bom) :].decode(encoding)), encoding
            except UnicodeDecodeError as exc:
                raise UndecodableInput(
                    path,
                    f"starts with a {encoding} byte-order mark but is not valid {encoding}"
                    f" at byte {exc.start + len(bom)}",
                ) from exc
    if b"\x00" in data:
        encoding16 = _utf16_without_bom(data)
        if encoding16:
            try:
                return _finish(data.decode(encoding16)), encoding16
            except UnicodeDecodeError:
                pass
        raise BinaryInput(path, "binary file, not text (contains NUL bytes)")
    try:
        return _finish(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    if data and len(_CONTROL.findall(data)) / len(data) > _MAX_CONTROL_RATIO:
        raise BinaryInput(path, "binary file, not text (control bytes throughout)")
    text, encoding = _single_byte(data)
    return _finish(text), encoding


def check_text(text: str, path: str) -> None:
    """Refuse decoded text that is mostly unprintable (a mis-detected binary)."""
    if not text:
        return
    bad = sum(
        1 for c in text if unicodedata.category(c) in {"Cc", "Co", "Cn", "Cs"} and c not in "\n\t\f"
    )
    bad += text.count("\ufffd")
    # 2% of unprintable characters: clean text has none; mojibake or binary data many more.
    if bad / len(text) > 0.02:
        raise UndecodableInput(
            path, f"text is not readable in any supported encoding ({bad} unprintable characters)"
        )
