"""Read TimeML (``.tml``) files: the raw text of ``<TEXT>``, its gold TIMEX3 tags and the DCT.

The gold offsets index into the text with every tag removed and XML entities decoded, which is
exactly the text the tagger under test is given.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'([A-Za-z_:]+)\s*=\s*"([^"]*)"')
_DCT = re.compile(r"<DCT>\s*<TIMEX3([^>]*)>", re.S)
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)


@dataclass(frozen=True, slots=True)
class GoldTimex:
    """One gold TIMEX3: offsets into the document text, its type and normalised value."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class TmlDocument:
    """A TimeML document: name, document creation time (ISO date), text and gold expressions."""

    name: str
    dct: str
    text: str
    timexes: tuple[GoldTimex, ...]


def _attrs(raw: str) -> dict[str, str]:
    return {k: html.unescape(v) for k, v in _ATTR.findall(raw)}


def parse_tml(source: str, name: str = "") -> TmlDocument:
    """Parse the TimeML ``source`` of one document."""
    dct_match = _DCT.search(source)
    dct = _attrs(dct_match.group(1)).get("value", "")[:10] if dct_match else ""
    body_match = _TEXT.search(source)
    body = body_match.group(1) if body_match else ""
    parts: list[str] = []
    length = 0
    open_timex: list[tuple[int, dict[str, str]]] = []
    gold: list[GoldTimex] = []
    pos = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos : m.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, tag = m.group(1) == "/", m.group(2)
        if tag != "TIMEX3" or m.group(4):
            continue
        if not closing:
            open_timex.append((length, _attrs(m.group(3))))
        elif open_timex:
            start, attrs = open_timex.pop()
            gold.append(GoldTimex(start, length, "", attrs.get("type", ""), attrs.get("value", "")))
    tail = html.unescape(body[pos:])
    parts.append(tail)
    text = "".join(parts)
    timexes = tuple(
        GoldTimex(g.start, g.end, text[g.start : g.end], g.type, g.value)
        for g in sorted(gold, key=lambda g: g.start)
    )
    return TmlDocument(name=name, dct=dct, text=text, timexes=timexes)


def read_corpus(root: Path, limit: int | None = None) -> list[TmlDocument]:
    """The ``.tml`` documents under ``root`` (recursively, sorted by path), at most ``limit``."""
    paths = sorted(root.rglob("*.tml"))
    if limit is not None:
        paths = paths[:limit]
    return [parse_tml(p.read_text(encoding="utf-8"), p.stem) for p in paths]
