"""Scoring temporal expressions against TimeML gold, TempEval-3 style.

* strict extent: the same character offsets;
* relaxed extent: overlapping offsets (each gold and each system expression used once);
* value accuracy and type accuracy: among relaxed matches, the share with the gold value/type;
* value F1: a system expression counts when it overlaps a gold one *and* has its value
  (TempEval-3's "value F1"), precision over all system expressions, recall over all gold ones.

Two systems are provided: ours (:func:`tag_ours`) and a baseline made of
``dateparser.search.search_dates`` (:func:`tag_dateparser`), both anchored at each document's
DCT.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from corroborator.evaluate.tml import TmlDocument


@dataclass(frozen=True)
class SysTimex:
    """A system expression for scoring: offsets, type and value."""

    start: int
    end: int
    type: str
    value: str | None
    text: str = ""


@dataclass
class Score:
    """Counts over a corpus, and the measures derived from them."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value_ok: int = 0
    type_ok: int = 0
    seconds: float = 0.0
    errors: list[tuple[str, str, str, str | None, str | None]] = field(default_factory=list)

    @staticmethod
    def _f1(hits: int, system: int, gold: int) -> tuple[float, float, float]:
        p = hits / system if system else 0.0
        r = hits / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def strict_prf(self) -> tuple[float, float, float]:
        """Strict extent precision, recall, F1."""
        return self._f1(self.strict, self.system, self.gold)

    @property
    def relaxed_prf(self) -> tuple[float, float, float]:
        """Relaxed (overlap) extent precision, recall, F1."""
        return self._f1(self.relaxed, self.system, self.gold)

    @property
    def value_prf(self) -> tuple[float, float, float]:
        """Value precision, recall, F1 (overlap and equal value)."""
        return self._f1(self.value_ok, self.system, self.gold)

    @property
    def value_accuracy(self) -> float:
        """Correct values among relaxed matches."""
        return self.value_ok / self.relaxed if self.relaxed else 0.0

    @property
    def type_accuracy(self) -> float:
        """Correct types among relaxed matches."""
        return self.type_ok / self.relaxed if self.relaxed else 0.0

    def as_dict(self) -> dict[str, float]:
        """The headline measures, rounded to four places."""
        return {
            "strict_f1": round(self.strict_prf[2], 4),
            "relaxed_f1": round(self.relaxed_prf[2], 4),
            "value_accuracy": round(self.value_accuracy, 4),
            "value_f1": round(self.value_prf[2], 4),
            "type_accuracy": round(self.type_accuracy, 4),
        }


_WEEK = re.compile(r"-W(\d)(?!\d)")
_WHOLE_HOUR = re.compile(r"(T\d\d):00$")


def canonical_value(value: str) -> str:
    """A value in one spelling of the several TimeML annotators used for the same thing: ISO
    week numbers with two digits ("2000-W7" → "2000-W07"), whole hours without minutes
    ("T17:00" → "T17"). Applied to gold and to every system alike."""
    v = value.strip().upper()
    v = _WEEK.sub(r"-W0\1", v)
    return _WHOLE_HOUR.sub(r"\1", v)


def _same_value(gold: str, system: str | None) -> bool:
    return system is not None and canonical_value(gold) == canonical_value(system)


def score_document(doc: TmlDocument, system: list[SysTimex], into: Score) -> None:
    """Add the counts of one document to ``into``."""
    gold = list(doc.timexes)
    into.gold += len(gold)
    into.system += len(system)
    strict_keys = {(g.start, g.end) for g in gold}
    into.strict += sum(1 for s in system if (s.start, s.end) in strict_keys)
    used: set[int] = set()
    matched_sys: set[int] = set()
    for g in gold:
        best, best_overlap = -1, 0
        for k, s in enumerate(system):
            if k in used:
                continue
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > best_overlap:
                best, best_overlap = k, overlap
        if best < 0:
            into.errors.append((doc.name, "missed", g.text, g.value, None))
            continue
        used.add(best)
        matched_sys.add(best)
        s = system[best]
        into.relaxed += 1
        if _same_value(g.value, s.value):
            into.value_ok += 1
        else:
            into.errors.append((doc.name, "value", f"{g.text} | {s.text}", g.value, s.value))
        if g.type == s.type:
            into.type_ok += 1
    for k, s in enumerate(system):
        if k not in matched_sys:
            into.errors.append((doc.name, "spurious", s.text, None, s.value))


def evaluate(
    docs: Iterable[TmlDocument], tagger: Callable[[list[TmlDocument]], list[list[SysTimex]]]
) -> Score:
    """Run ``tagger`` over ``docs`` (all at once, so it can batch) and score it."""
    docs = list(docs)
    start = time.perf_counter()
    outputs = tagger(docs)
    score = Score(seconds=time.perf_counter() - start)
    for doc, sys_timexes in zip(docs, outputs, strict=True):
        score_document(doc, sys_timexes, score)
    return score


_RANGE_SPLIT = re.compile(r"\s*(?:-|–|—|\bto\b|\bthrough\b|\buntil\b|\btill\b|\band\b)\s*")


def _split_range(start: int, text: str, begin: str | None, end: str | None) -> list[SysTimex]:
    """TimeML tags the two ends of a range separately: split ours the same way."""
    pieces = [p for p in _RANGE_SPLIT.finditer(text)]
    if not pieces:
        return [SysTimex(start, start + len(text), "DATE", begin, text)]
    cut = pieces[-1] if len(pieces) > 1 and "," in text else pieces[0]
    left, right = text[: cut.start()], text[cut.end() :]
    return [
        SysTimex(start, start + len(left), "DATE", begin, left),
        SysTimex(start + cut.end(), start + len(text), "DATE", end, right),
    ]


def tag_ours(
    docs: list[TmlDocument], nlp: Any = None, batch_size: int = 16
) -> list[list[SysTimex]]:
    """Our tagger, anchored at each document's DCT, ranges split into their two ends."""
    from corroborator.analyze.nlp import load_model
    from corroborator.analyze.timex.analysis import DEFAULT_MODEL, _analyze

    nlp = nlp if nlp is not None else load_model(DEFAULT_MODEL)
    out: list[list[SysTimex]] = []
    for doc, parsed in zip(
        docs, nlp.pipe((d.text for d in docs), batch_size=batch_size), strict=True
    ):
        analysis = _analyze(parsed, doc.name, doc.dct, None, None, kind="given")
        found: list[SysTimex] = []
        for t in analysis.timexes:
            if t.begin is not None and t.end_value is not None and t.type == "DATE":
                found.extend(_split_range(t.start, t.text, t.begin, t.end_value))
            else:
                found.append(SysTimex(t.start, t.end, t.type, t.value, t.text))
        out.append(found)
    return out


_YEAR_ONLY = re.compile(r"^\s*(?:in\s+)?(1\d|20)\d\d\s*$", re.IGNORECASE)
_HAS_DAY = re.compile(r"\d{1,2}(?:st|nd|rd|th)?\b(?!\d)")
_HAS_TIME = re.compile(r"\d:\d\d|\b[ap]\.?m\b", re.IGNORECASE)
_MONTHISH = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b", re.IGNORECASE
)


def _dateparser_value(found: str, when: datetime) -> tuple[str, str]:
    if _HAS_TIME.search(found):
        return "TIME", when.strftime("%Y-%m-%dT%H:%M")
    if _YEAR_ONLY.match(found):
        return "DATE", when.strftime("%Y")
    has_month = bool(_MONTHISH.search(found))
    digits = re.sub(r"\b(1\d|20)\d\d\b", "", found)
    if has_month and not _HAS_DAY.search(digits):
        return "DATE", when.strftime("%Y-%m")
    return "DATE", when.strftime("%Y-%m-%d")


_LEADING_PREP = re.compile(r"(?:on|in|at|by|since|until|from|for|of|during)\s+", re.IGNORECASE)


def tag_dateparser(docs: list[TmlDocument]) -> list[list[SysTimex]]:
    """The baseline: ``dateparser.search.search_dates`` with ``RELATIVE_BASE`` = DCT. Each
    string it finds becomes an expression at its first occurrence after the previous one; the
    value is the date it returns at the precision the string shows (year, month, day, time)."""
    from dateparser.search import search_dates

    out: list[list[SysTimex]] = []
    for doc in docs:
        try:
            base = datetime.fromisoformat(doc.dct)
        except ValueError:
            base = datetime(2000, 1, 1)
        settings = {"RELATIVE_BASE": base}
        found = search_dates(doc.text, languages=["en"], settings=settings) or []
        pos = 0
        items: list[SysTimex] = []
        for substring, when in found:
            at = doc.text.find(substring, pos)
            if at < 0:
                continue
            pos = at + len(substring)
            # TimeML leaves the preposition out of the expression; so does the baseline
            lead = _LEADING_PREP.match(substring)
            cut = lead.end() if lead and lead.end() < len(substring) else 0
            typ, value = _dateparser_value(substring[cut:], when)
            items.append(SysTimex(at + cut, at + len(substring), typ, value, substring[cut:]))
        out.append(items)
    return out
