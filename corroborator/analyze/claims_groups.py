"""Claims, part eleven: a standing in a group stated with a superlative and a plural noun ("one of
the leading trade partners", "the two largest economies in the region", «одним из ведущих
партнёров», «двух крупнейших экономик»), as a categorical claim.

A plural after a superlative names a group, not a rank (the rank figures of
analyze/claims_categorical.py take a singular noun only: "the leading partner"). After "one of"
(«один из») the value is "one of the <superlative> <noun>" ("one of the leading partners"); after a
cardinal ("two", «двух») it is "top <cardinal>" ("top two"). The superlatives, cardinals and the
Russian nouns (with their English plural) are ``group_superlatives``, ``group_cardinals`` and
``group_nouns`` of data/categories.yaml; an English noun is taken as written. Up to
:data:`_MAX_BETWEEN` words between the superlative and the noun ("external trade") qualify the
noun in the subject, not the value. The subject is "standing of <holder> among <noun>", the holder
named as for a standing in words (:func:`~corroborator.analyze.claims_standing.holder`); a top group
("the two largest economies") names no holder: it has as many as its cardinal says. Two values
of one subject never contradict each other: a member of the top two is one of the leading ones.
"""

from __future__ import annotations

import re
from functools import cache

from corroborator import lexicon
from corroborator.analyze.claims_standing import holder
from corroborator.analyze.claims_text import CYRILLIC, sentence_bounds, word_value
from corroborator.analyze.entities import ArticleEntities
from corroborator.model import ClaimValue

GROUP_MEASURE = "group standing"
# Words between the superlative and the plural noun ("the leading external trade partners"): two
# cover every such phrase of the development texts and our probes; a third is mostly another
# phrase's.
_MAX_BETWEEN = 2
_WORD = r"[^\W\d_][\w’'-]*"


@cache
def _tables() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]], dict[str, str]]:
    """The superlatives and cardinals (key → words), and the Russian noun stems (stem → English
    plural)."""
    data = lexicon.load("categories.yaml")

    def table(name: str) -> dict[str, tuple[str, ...]]:
        return {str(k): tuple(str(w).lower() for w in v) for k, v in (data.get(name) or {}).items()}

    nouns = {
        str(stem).lower(): str(plural)
        for plural, stems in (data.get("group_nouns") or {}).items()
        for stem in stems
    }
    return table("group_superlatives"), table("group_cardinals"), nouns


def _key(word: str, table: dict[str, tuple[str, ...]], stems: bool = True) -> str | None:
    """The key of ``word``: English words whole, Russian ones as stems where ``stems``."""
    low = word.lower()
    for key, forms in table.items():
        if any(low == f or (stems and CYRILLIC.match(f) and low.startswith(f)) for f in forms):
            return key
    return None


def _noun(word: str, nouns: dict[str, str]) -> str | None:
    """The English plural ``word`` is: an English plural as written, a Russian stem's plural."""
    low = word.lower()
    if CYRILLIC.match(low):
        return next((p for stem, p in nouns.items() if low.startswith(stem)), None)
    return low if len(low) > 3 and low.endswith("s") and not low.endswith("ss") else None


@cache
def _one_of() -> re.Pattern[str]:
    return re.compile(r"(?:\bone of|(?<!\w)одн\w*\s+из)(?:\s+the)?\s+$", re.IGNORECASE)


def group_claims(entities: ArticleEntities, text: str, article_id: str) -> list[ClaimValue]:
    """The group standings an article states (module docstring); one value per subject, the
    first."""
    superlatives, cardinals, nouns = _tables()
    words = list(re.finditer(_WORD, text))
    found: dict[str, ClaimValue] = {}
    for i, w in enumerate(words):
        sup = _key(w.group(0), superlatives)
        if sup is None:
            continue
        q_start, q_end = sentence_bounds(text, w.start(), w.end())
        before = text[max(q_start, w.start() - 30) : w.start()]
        prev = words[i - 1] if i else None
        cardinal = (
            _key(prev.group(0), cardinals, stems=False)
            if prev is not None and not text[prev.end() : w.start()].strip()
            else None
        )
        one_of = _one_of().search(before)
        if cardinal is None and one_of is None:
            continue
        noun = None
        between: list[str] = []
        end = w.end()
        for nxt in words[i + 1 : i + 2 + _MAX_BETWEEN]:
            if re.search(r"[.,;:!?()—–\n]", text[end : nxt.start()]):
                break
            end = nxt.end()
            noun = _noun(nxt.group(0), nouns)
            if noun is not None:
                break
            between.append(nxt.group(0).lower())
        if noun is None:
            continue
        if CYRILLIC.search(noun + "".join(between)):
            between = []  # Russian qualifiers are not translated: the noun alone
        if one_of is not None:
            start = max(q_start, w.start() - 30) + one_of.start()
        else:
            start = prev.start() if prev is not None else w.start()
        cuts = [text.rfind(c, q_start, start) + 1 for c in ",;:—–("]
        # a top group has as many holders as its cardinal, seldom named together: none
        who = holder(entities, text, max([q_start, *cuts]), start) if one_of else None
        kind = " ".join([*between, noun])
        subject = f"standing of {who} among {kind}" if who else f"standing among {kind}"
        if subject in found:
            continue
        value = f"one of the {sup} {noun}" if one_of else f"top {cardinal}"
        found[subject] = word_value(
            text,
            article_id,
            subject,
            "standing",
            value,
            (start, end),
            (q_start, q_end),
            GROUP_MEASURE,
        )
    return list(found.values())
