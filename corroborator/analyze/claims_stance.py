"""Claims, part fourteen: a country's stance towards another ("Ruritania fully supports
its neighbour", "voiced full support for the government in Arden", "Lisbon keeps a neutral
stance on the dispute", «Словения выразила полную поддержку соседу»), as a
categorical claim.

A stance phrase (``stance_words`` of data/categories.yaml: a supporting verb, or a support noun
after a stating verb, a neutral stance, a condemning verb; English words whole with their listed
forms, Russian stems) gives its stance key ("support", "neutral", "condemnation"); an intensifier
right before it (``stance_full``: fully, full, unconditionally, «полную») makes a support "full
support". The holder is the country named last before the phrase in its clause (a nationality
counts), the target the first country named after it in its sentence; without both there is no
claim ("support for international law" is no stance of one country towards another). The subject
is "stance of <holder> towards <target>". Values agree when they share their last word ("full
support" and "support"); "support" and "neutral" conflict.
"""

from __future__ import annotations

import re
from functools import cache

from corroborator import lexicon
from corroborator.analyze.claims_offices import country_of
from corroborator.analyze.claims_text import (
    keyed_words,
    sentence_bounds,
    word_alternation,
    word_key,
    word_value,
)
from corroborator.analyze.entities import ArticleEntities
from corroborator.model import ClaimValue

STANCE_MEASURE = "stance"
_COUNTRY_LABELS = frozenset({"GPE", "NORP"})
_CLAUSE_CUTS = ",;:—–("
_WORD = re.compile(r"[\w’'-]+")
# Words a holder may stand before its stance: a stating verb and an intensifier ("expresses full
# support") plus a two-word name; four cover the development texts and our probes.
_HOLDER_WORDS = 4


@cache
def _tables() -> tuple[re.Pattern[str], dict[str, str], re.Pattern[str]]:
    """The stance pattern, each stance word's key, and the intensifiers (right before it)."""
    data = lexicon.load("categories.yaml")
    pattern, keys = keyed_words(data.get("stance_words") or {})
    full = [str(w) for w in data.get("stance_full") or []]
    intensifier = re.compile(rf"(?<![\w-])(?:{word_alternation(full)})\s+$", re.IGNORECASE)
    return pattern, keys, intensifier


def _country(entities: ArticleEntities, text: str, lo: int, hi: int, last: bool) -> str | None:
    """The country named last (or first) in ``[lo, hi)``, not in a possessive before the stance
    ("the Union's support for …" is a deed, not a stance)."""
    named = [
        (m.start, c)
        for m in entities.at(lo, hi)
        if m.label in _COUNTRY_LABELS
        and lo <= m.start
        and m.end <= hi
        and not (last and re.match(r"[’']s\b", text[m.end : m.end + 2]))
        and (c := country_of(m))
    ]
    if not named:
        return None
    return (max if last else min)(named)[1]


def stance_claims(entities: ArticleEntities, text: str, article_id: str) -> list[ClaimValue]:
    """The stances an article tells of (module docstring); one value per subject, the first."""
    pattern, keys, intensifier = _tables()
    found: dict[str, ClaimValue] = {}
    for m in pattern.finditer(text):
        q_start, q_end = sentence_bounds(text, m.start(), m.end())
        c_start = max([q_start, *(text.rfind(c, q_start, m.start()) + 1 for c in _CLAUSE_CUTS)])
        # the holder stands within _HOLDER_WORDS words before the stance ("North Korea fully
        # supports", "North Korea “expresses full support"): further back it is seldom its subject
        near = [w.start() for w in _WORD.finditer(text, c_start, m.start())][-_HOLDER_WORDS:]
        lo = near[0] if near else m.start()
        holder = _country(entities, text, max(c_start, lo), m.start(), last=True)
        target = _country(entities, text, m.end(), q_end, last=False)
        if holder is None or target is None or holder == target:
            continue
        stance = word_key(m.group(0), keys)
        start = m.start()
        if stance == "support":
            full = intensifier.search(text[max(q_start, m.start() - 30) : m.start()])
            if full is not None:
                stance = "full support"
                start = m.start() - len(full.group(0))
        subject = f"stance of {holder} towards {target}"
        if subject in found:
            continue
        found[subject] = word_value(
            text,
            article_id,
            subject,
            "stance",
            stance,
            (start, m.end()),
            (q_start, q_end),
            STANCE_MEASURE,
        )
    return list(found.values())


def stances_agree(a: str, b: str) -> bool:
    """Two stances agree when they share their last word ("full support", "support")."""
    return a.lower().split()[-1:] == b.lower().split()[-1:]
