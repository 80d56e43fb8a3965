"""Claims, part seven: the names of documents signed or discussed ("the comprehensive strategic
partnership treaty", "a Treaty on Friendship and Cooperation", «Договор о всеобъемлющем
стратегическом партнерстве»), as categorical claims.

A document noun (``document_nouns`` of data/categories.yaml: treaty, pact, agreement, «договор»…)
with the words of its name before it ("strategic partnership treaty") or after "on", "of",
«о» ("Treaty on Comprehensive Strategic Partnership") gives the value "<name words> <noun>", in
English whatever the report's language (``document_words``), so that reports in any language
compare. Only listed words make a name ("a new … pact" names the same treaty as "the … treaty").
The subject names the document: a story's documents are many, and two names are two documents
rather than one document in dispute (linking joins a name said less fully to the fuller one).
"""

from __future__ import annotations

import re
from functools import cache

from corroborator import lexicon
from corroborator.analyze.claims_text import sentence_bounds, word_value
from corroborator.model import ClaimValue

DOCUMENT_MEASURE = "document"
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_WORD = re.compile(r"[\w’'&-]+")
# Prepositions after a document noun that introduce its name: "Treaty on …", «Договор о …».
_OF = re.compile(r"\s+(?:on|of|about|о|об)\s+", re.IGNORECASE)

_Table = dict[str, tuple[str, ...]]


@cache
def _tables() -> tuple[_Table, _Table, frozenset[str], re.Pattern[str]]:
    data = lexicon.load("categories.yaml")

    def table(name: str) -> _Table:
        return {str(k): tuple(str(w).lower() for w in v) for k, v in (data.get(name) or {}).items()}

    nouns, words = table("document_nouns"), table("document_words")
    joiners = frozenset(str(w).lower() for w in data.get("document_joiners", []))
    alt = "|".join(
        # a Russian noun with its case ending only: «договором», not «договоренность»
        re.escape(f) + (r"\w{0,3}" if _CYRILLIC.match(f) else r"s?")
        for forms in nouns.values()
        for f in sorted(forms, key=len, reverse=True)
    )
    return nouns, words, joiners, re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", re.IGNORECASE)


def _key(word: str, table: _Table) -> str | None:
    low = word.lower()
    for key, forms in table.items():
        for form in forms:
            if low == form or (_CYRILLIC.match(form) and low.startswith(form)):
                return key
    return None


def _name(words: list[re.Match[str]], table: _Table, joiners: frozenset[str]) -> list[str]:
    """The listed words at the start of ``words`` (joiners among them), in English."""
    out: list[str] = []
    for m in words:
        key = _key(m.group(0), table)
        if key is not None:
            out.append(key)
        elif m.group(0).lower() not in joiners:
            break
    return out


def document_mentions(text: str) -> list[tuple[int, int, str, bool]]:
    """``(start, end, value, named)`` of each document noun of ``text`` with the words of its
    name ("comprehensive strategic partnership treaty"), or the noun's key alone ("treaty",
    ``named`` false) when the text gives none."""
    nouns, table, joiners, pattern = _tables()
    out: list[tuple[int, int, str, bool]] = []
    for m in pattern.finditer(text):
        word = m.group(0)
        noun = _key(word if _CYRILLIC.match(word) else word.rstrip("sS"), nouns)
        if noun is None:
            continue
        # a document's name before its noun runs to the clause's start; 80 characters hold the
        # longest named in the development texts and our own (about 60) with room to spare
        head = text[max(0, m.start() - 80) : m.start()]
        cut = max(head.rfind(c) for c in '.;:!?()«»"\n—–')
        before = list(_WORD.finditer(head[cut + 1 :]))[::-1]
        name = _name(before, table, joiners)[::-1]
        start = m.start()
        if name:
            listed = [w for w in before if _key(w.group(0), table)]
            start = m.start() - len(head) + cut + 1 + listed[len(name) - 1].start()
        end = m.end()
        of = _OF.match(text, m.end())
        if of is not None:
            # "Treaty on …" names run longer after the noun (up to about 80 characters seen)
            tail = text[of.end() : of.end() + 100]
            stop = min([i for c in '.;:!?()«»"\n—–' if (i := tail.find(c)) >= 0] or [len(tail)])
            after = list(_WORD.finditer(tail[:stop]))
            named_after = _name(after, table, joiners)
            if named_after:
                last = [w for w in after if _key(w.group(0), table)][len(named_after) - 1]
                end = of.end() + last.end()
                name += named_after
        out.append((start, end, " ".join([*dict.fromkeys(name), noun]), bool(name)))
    return out


def document_claims(text: str, article_id: str) -> list[ClaimValue]:
    """The named documents of an article, one value per name (module docstring)."""
    found: dict[str, ClaimValue] = {}
    for start, end, value, named in document_mentions(text):
        if not named:
            continue
        if value in found:
            continue
        found[value] = word_value(
            text,
            article_id,
            f"name of the {value}",
            "name",
            value,
            (start, end),
            sentence_bounds(text, start, end),
            DOCUMENT_MEASURE,
        )
    return list(found.values())
