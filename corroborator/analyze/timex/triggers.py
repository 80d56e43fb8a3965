"""Which grammar rules can match a text at all, decided before any of them runs.

Every rule of :mod:`.grammar` needs some literal text: a month name, a unit, "fiscal", a digit.
:func:`needs` reads each compiled rule's own parse tree (the standard library's regular
expression parser) and finds, for the rule, a set of strings one of which every match must
contain; :func:`can_match` tells whether any of them occurs in the text, case folded exactly as
``re.IGNORECASE`` folds it. A rule none of whose strings occurs cannot match, so skipping it
leaves the matches the same. Derived from the rules themselves, the sets follow any word a
user adds to ``temporal.yaml``. Measured on the seeds and the development texts of news-dev:
the same matches, a fraction of the scans (docs/benchmarks.md, "Throughput").
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


def _rank(need: Need) -> tuple[int, int, int]:
    # the most telling need: not a bare digit, its shortest string longest, fewest strings
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


def _need(seq: Any) -> Need | None:
    """A set of strings one of which every match of the parsed sequence ``seq`` contains (or
    that the text holds around it, for a lookaround), or None when none is found."""
    candidates: list[Need] = []
    run: list[str] = []

    def close() -> None:
        if run:
            candidates.append(frozenset({fold("".join(run))}))
            run.clear()

    for op, av in seq:
        if op is _consts.LITERAL:
            run.append(chr(av))
            continue
        close()
        found: Need | None = None
        if op is _consts.SUBPATTERN:
            found = _need(av[-1])
        elif op is _consts.BRANCH:
            parts = [_need(alt) for alt in av[1]]
            if parts and all(p is not None for p in parts):
                found = frozenset().union(*(p for p in parts if p is not None))
        elif op in (_consts.MAX_REPEAT, _consts.MIN_REPEAT, _consts.POSSESSIVE_REPEAT):
            if av[0] >= 1:
                found = _need(av[2])
        elif op is _consts.ATOMIC_GROUP:
            found = _need(av)
        elif op is _consts.ASSERT:  # a positive lookaround: the text holds it
            found = _need(av[1])
        elif op is _consts.IN and _digits_only(av):
            found = frozenset({DIGIT})
        if found:
            candidates.append(found)
    close()
    return max(candidates, key=_rank) if candidates else None


def needs(pattern: re.Pattern[str]) -> Need | None:
    """The strings (folded; :data:`DIGIT` for a digit) one of which every match of
    ``pattern`` needs in the text, or None when the rule has no such need (it always runs)."""
    try:
        return _need(_parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # an interpreter whose parser differs: the rule always runs
        return None


def can_match(need: Need | None, folded: str, has_digit: bool) -> bool:
    """Whether a rule with ``need`` may match a text whose :func:`fold` is ``folded``."""
    if need is None:
        return True
    return any(has_digit if s == DIGIT else s in folded for s in need)


def has_digit(text: str) -> bool:
    """Whether ``text`` holds a decimal digit as ``\\d`` reads it."""
    return _ANY_DIGIT.search(text) is not None
