"""File names as text a user can read, a store can keep and a terminal can print safely.

A POSIX file name is bytes. Python decodes the bytes that are not UTF-8 as lone surrogates
(``\\udcff``), which no UTF-8 store or console can encode; control and bidirectional-override
characters in a name would move the cursor, recolour the terminal or reorder what a user reads.
:func:`shown_path` spells each of those as a visible escape (``\\xff``, ``\\x1b``, ``\\u202e``),
and leaves every other name exactly as it is — so the keys of files already stored do not change.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

# Categories escaped in names: controls (Cc), format characters (Cf: bidi overrides, zero-width
# joiners, byte-order marks), lone surrogates (Cs), unassigned (Cn) and line/paragraph
# separators (Zl, Zp). Letters, marks, digits, punctuation, symbols and spaces pass through.
_ESCAPED = frozenset({"Cc", "Cf", "Cs", "Cn", "Zl", "Zp"})


def _escape(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that is not UTF-8, as os.fsdecode gave it
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def shown_path(path: str | Path) -> str:
    """``path`` as printable UTF-8 text: undecodable bytes and control characters escaped."""
    text = str(path)
    if text.isprintable():
        return text
    return "".join(_escape(c) if unicodedata.category(c) in _ESCAPED else c for c in text)
