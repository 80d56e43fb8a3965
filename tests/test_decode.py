"""Bytes to text: every supported encoding decodes exactly; non-text is refused clearly."""

from __future__ import annotations

import codecs
import os

import pytest

from corroborator.errors import BinaryInput, UndecodableInput
from corroborator.ingest.decode import check_text, decode_bytes

RUSSIAN = "Президент прибыл в Бишкек во вторник. Переговоры прошли в резиденции «Ынтымак Ордо»."
FRENCH = "Le président est arrivé à Bishkek mardi ; les négociations ont eu lieu à la résidence."
GERMAN = "Der Präsident traf am Dienstag in Bischkek ein. Die Gespräche fanden in München statt."
ENGLISH = "Talks were held on Wednesday – “a record year”, said the minister."


@pytest.mark.parametrize(
    ("data", "expected", "encoding"),
    [
        (ENGLISH.encode("utf-8"), ENGLISH, "utf-8"),
        (codecs.BOM_UTF8 + ENGLISH.encode("utf-8"), ENGLISH, "utf-8"),
        (codecs.BOM_UTF16_LE + RUSSIAN.encode("utf-16-le"), RUSSIAN, "utf-16-le"),
        (codecs.BOM_UTF16_BE + RUSSIAN.encode("utf-16-be"), RUSSIAN, "utf-16-be"),
        (RUSSIAN.encode("utf-16-le"), RUSSIAN, "utf-16-le"),
        (RUSSIAN.encode("cp1251"), RUSSIAN, "cp1251"),
        (FRENCH.encode("latin-1"), FRENCH, "cp1252"),
        (GERMAN.encode("latin-1"), GERMAN, "cp1252"),
        (ENGLISH.encode("cp1252"), ENGLISH, "cp1252"),
    ],
)
def test_decodes_exactly(data: bytes, expected: str, encoding: str) -> None:
    text, found = decode_bytes(data, "x.txt")
    assert text == expected
    assert found == encoding


def test_latin1_only_bytes_fall_back_to_latin1() -> None:
    # 0x81 is undefined in cp1252 but a control character in latin-1; with enough letters the
    # text is still accepted as latin-1.
    data = ("Caf\xe9 ouvert " * 20).encode("latin-1") + b"\x81"
    text, found = decode_bytes(data, "x.txt")
    assert found == "latin-1"
    assert text.startswith("Café ouvert")


def test_newlines_are_normalised() -> None:
    text, _ = decode_bytes(b"one\r\ntwo\rthree\n", "x.txt")
    assert text == "one\ntwo\nthree\n"


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (b"\x89PNG\r\n\x1a\n" + os.urandom(200), "PNG"),
        (b"%PDF-1.7\n" + os.urandom(200), "PDF"),
        (b"PK\x03\x04" + os.urandom(200), "ZIP"),
        (b"abc\x00\x01\x02\xff\xfe" * 50, "NUL"),
    ],
)
def test_binary_is_refused(data: bytes, needle: str) -> None:
    with pytest.raises(BinaryInput) as info:
        decode_bytes(data, "junk.bin")
    assert "junk.bin" in str(info.value)
    assert needle in str(info.value)


def test_random_bytes_without_nul_are_refused() -> None:
    data = bytes(b for b in os.urandom(4000) if b) or b"\x01"
    with pytest.raises((BinaryInput, UndecodableInput)):
        text, _ = decode_bytes(data, "noise.txt")
        check_text(text, "noise.txt")


def test_broken_bom_text_is_undecodable() -> None:
    with pytest.raises(UndecodableInput):
        decode_bytes(codecs.BOM_UTF8 + b"abc\xff\xfe def", "bad.txt")
