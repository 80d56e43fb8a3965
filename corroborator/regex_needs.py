"""Whether a regular expression can match a text at all, decided before it scans the text.

Most patterns over news text need some literal text: a month name, a unit, "fiscal", a digit.
:func:`needs` reads a compiled pattern's own parse tree (the standard library's regular
expression parser) and finds a set of strings one of which every match must contain;
:func:`can_match` tells whether any of them occurs in the text, case folded exactly as
``re.IGNORECASE`` folds it (for a case-sensitive pattern the test is looser, never wrong). A
pattern none of whose strings occurs cannot match, so skipping it leaves the matches the same.
Derived from the patterns themselves, the sets follow any word a user adds to the data packs.
Used by the English date grammar (:mod:`corroborator.analyze.timex.grammar`) and by the page
date lines of ingest (:mod:`corroborator.ingest.dates`); measured on the seeds and the
development texts of news-dev: the same matches, a fraction of the scans (docs/benchmarks.md,
"Throughput").
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from typing import Any

# The standard library's own parser and case-folding table (CPython 3.11, the pinned
# interpreter); private modules, so a rule they cannot read simply always runs.
_parser: Any = importlib.import_module("re._parser")
_consts: Any = importlib.import_module("re._constants")
_casefix: Any = importlib.import_module("re._casefix")

#: Stands for "a decimal digit" (``\d``) in a rule's needs.
DIGIT = "\\d"
_ANY_DIGIT = re.compile(r"\d")

# re.IGNORECASE matches a character against a literal when their simple lower cases are equal
# or are listed together in the interpreter's table of extra cases ("ſ" and "s", "ı" and "i").
# str.lower() is the full lower case, which differs from the simple one for "İ" only.
_CANON: dict[int, int] = {
    k: min((k, *others)) for k, others in _casefix._EXTRA_CASES.items() if min((k, *others)) != k
}


def fold(text: str) -> str:
    """``text`` folded so that a literal matches under ``re.IGNORECASE`` iff its fold occurs."""
    return text.replace("\u0130", "i").lower().translate(_CANON)


Need = frozenset[str]
#: A pattern's needs: every match needs one string of each set.
Needs = tuple[Need, ...]

# Sets kept per pattern, the cheapest first: a digit, then the fewest strings.
_KEEP = 3


def _cost(need: Need) -> tuple[int, int]:
    return (0 if need == {DIGIT} else 1, len(need))


def _rank(need: Need) -> tuple[int, int, int]:
    # the one set standing for an alternative: not a bare digit, its shortest string longest,
    # fewest strings
    return (0 if DIGIT in need else 1, min(len(s) for s in need), -len(need))


def _digits_only(items: Iterable[tuple[Any, Any]]) -> bool:
    for op, av in items:
        if op is _consts.CATEGORY and av is _consts.CATEGORY_DIGIT:
            continue
        if op is _consts.RANGE and av[0] >= 0x30 and av[1] <= 0x39:
            continue
        if op is _consts.LITERAL and 0x30 <= av <= 0x39:
            continue
        return False
    return True


def _need(seq: Any) -> list[Need]:
    """Sets of strings such that every match of the parsed sequence ``seq`` contains one string
    of each (or the text holds it around the match, for a lookaround); empty when none."""
    found: list[Need] = []
    run: list[str] = []

    def close() -> None:
        if run:
            found.append(frozenset({fold("".join(run))}))
            run.clear()

    for op, av in seq:
        if op is _consts.LITERAL:
            run.append(chr(av))
            continue
        close()
        if op is _consts.SUBPATTERN:
            found += _need(av[-1])
        elif op is _consts.BRANCH:
            parts = [_need(alt) for alt in av[1]]
            if parts and all(parts):  # one telling set of each alternative, together
                found.append(frozenset().union(*(max(p, key=_rank) for p in parts)))
        elif op in (_consts.MAX_REPEAT, _consts.MIN_REPEAT, _consts.POSSESSIVE_REPEAT):
            if av[0] >= 1:
                found += _need(av[2])
        elif op is _consts.ATOMIC_GROUP:
            found += _need(av)
        elif op is _consts.ASSERT:  # a positive lookaround: the text holds it
            found += _need(av[1])
        elif op is _consts.IN and _digits_only(av):
            found.append(frozenset({DIGIT}))
    close()
    return found


def needs(pattern: re.Pattern[str]) -> Needs:
    """Sets of strings (folded; :data:`DIGIT` for a digit) such that every match of
    ``pattern`` needs one string of each in the text, the cheapest to test first; empty when
    the pattern has no such need (it always runs)."""
    try:
        found = _need(_parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # an interpreter whose parser differs: the pattern always runs
        return ()
    return tuple(sorted(set(found), key=lambda n: (_cost(n), sorted(n)))[:_KEEP])


def can_match(needs: Needs, folded: str, has_digit: bool) -> bool:
    """Whether a pattern with ``needs`` may match a text whose :func:`fold` is ``folded``."""
    return all(any(has_digit if s == DIGIT else s in folded for s in need) for need in needs)


def has_digit(text: str) -> bool:
    """Whether ``text`` holds a decimal digit as ``\\d`` reads it."""
    return _ANY_DIGIT.search(text) is not None
