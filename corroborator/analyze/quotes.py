"""Where a text quotes someone: the character ranges of its quotations.

Used by every extractor that treats quoted words differently (dates told in a quotation are
counted from the time of the quote; a figure inside a quotation belongs to its speaker).

Double quotes of every style pair up as written. Single quotes are quotations too (British and
wire copy use them), but the same characters are apostrophes, so they are paired only in the
shape a quotation has: an opening mark at the start of a word (after a space or an opening
bracket) and a closing mark after the last word, not followed by a letter ("Russia's", "don't"
and "the leaders' summit" quote nothing). Straight marks pair within a paragraph.
"""

from __future__ import annotations

import re

_PAIRS = (("“", "”"), ("«", "»"), ("``", "''"), ("„", "“"))
# A quotation shorter than this ("'No'") is too short to hold a date or a figure.
MIN_CHARS = 3
_SINGLE = re.compile(
    r"(?:^|(?<=[\s(\[“\"—–-]))(?P<open>['‘])(?=[^\s'’])"  # opening: at a word's start
    r"(?P<body>[^\n]*?[^\s‘])"  # the quotation, on one line
    r"(?P<close>['’])(?!\w)",  # closing: not followed by a letter (not an apostrophe)
    re.MULTILINE,
)


def _possessive(text: str, close: int) -> bool:
    """ "the leaders' summit": a plural possessive, not the end of a quotation."""
    return text[close - 1 : close] == "s" and bool(re.match(r" [a-z]", text[close + 1 : close + 3]))


def _closing(text: str, start: int, open_q: str, close_q: str) -> int:
    """Where the quotation opened at ``start`` closes: the mark that balances it when marks nest
    ("«… завода «Заря» …»", as Russian typography writes a quotation inside another), else the
    first closing mark; -1 when there is none."""
    first = text.find(close_q, start + len(open_q))
    depth, pos = 1, start + len(open_q)
    while first >= 0:
        o, c = text.find(open_q, pos), text.find(close_q, pos)
        if c < 0:
            break
        if 0 <= o < c:
            depth, pos = depth + 1, o + len(open_q)
            continue
        depth, pos = depth - 1, c + len(close_q)
        if depth == 0:
            return c
    return first


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of the quotations in ``text``, sorted (they may nest)."""
    spans: list[tuple[int, int]] = []
    for open_q, close_q in _PAIRS:
        pos = 0
        while True:
            s = text.find(open_q, pos)
            if s < 0:
                break
            e = _closing(text, s, open_q, close_q)
            if e < 0:
                break
            if e - s - len(open_q) >= MIN_CHARS:
                spans.append((s, e + len(close_q)))
            pos = s + len(open_q)  # quotations inside this one are quotations too
    for para in re.finditer(r"[^\n]+", text):
        marks = [m.start() + para.start() for m in re.finditer('"', para.group(0))]
        for a, b in zip(marks[::2], marks[1::2], strict=False):
            if b - a - 1 >= MIN_CHARS:
                spans.append((a, b + 1))
    pos = 0
    while (m := _SINGLE.search(text, pos)) is not None:
        opener, closer = m.group("open"), m.group("close")
        if (opener == "'") != (closer == "'") or _possessive(text, m.start("close")):
            pos = m.start() + 1  # a curly opener closes with a curly mark, a straight one straight
            continue
        if len(m.group("body")) >= MIN_CHARS:
            spans.append((m.start(), m.end()))
        pos = m.end()
    return sorted(set(spans))


def inside(spans: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The innermost quotation holding ``offset``."""
    holding = [(s, e) for s, e in spans if s <= offset < e]
    return min(holding, key=lambda q: q[1] - q[0]) if holding else None
