"""Claims, part thirteen: which place a disaster hit worst ("Rancagua suffered the highest
casualties", "the worst hit town, Talca", «сильнее всего пострадал Вальпараисо»), as a
categorical claim.

A superlative of harm (``worst_hit`` of data/categories.yaml: "the highest casualties", «больше
всего погибших» for the most casualties; "hardest-hit", "worst affected", «сильнее всего
пострадал» for the worst hit) with the place named nearest it in its clause gives that place's
English name (the gazetteer's or the world tables' city, else the entity's canonical name) for
the subject "place with the most casualties" or "worst-hit place": two reports naming two
places disagree, while the two measures stay two claims (one town may lose the most lives,
another the most houses). A place "among the worst hit" and a list ("the worst affected
regions were A and B") rank no single place and give nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from corroborator import lexicon
from corroborator.analyze.claims_text import CYRILLIC, sentence_bounds, word_value
from corroborator.analyze.claims_venue import city_of
from corroborator.analyze.entities import ArticleEntities
from corroborator.analyze.russian import transliterate
from corroborator.analyze.world import load_world
from corroborator.model import ClaimValue, EventMention, Mention

WORST_MEASURE = "worst_hit"
_SUBJECTS = {"casualties": "place with the most casualties", "hit": "worst-hit place"}
_PLACES = frozenset({"GPE", "LOC", "FAC", "ORG"})
# Events that make an article one of harm done: only there does a place "worst hit" rank a
# disaster's toll, not a tariff's or a sanction's.
_HARM = frozenset({"disaster", "casualties", "attack", "killing", "building_collapse"})
# "hit by …", "affected by …": the cause named right after the phrase
_BY = re.compile(r"\s+by\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}[\w-]+", re.IGNORECASE)
_CLAUSE = ".;:!?\n—–("
# "among the worst hit towns", «одним из наиболее пострадавших»: ranks no single place.
_ONE_OF = re.compile(r"(?:\bone of|\bamong|(?<!\w)одн\w* из|(?<!\w)среди)(?:\s+the)?\s*$", re.I)
# A plural after the phrase names several places ("the most affected areas are …").
_PLURAL = re.compile(r"^\s*(?:areas|cities|regions|towns|places|districts|provinces)\b", re.I)


@cache
def _phrases() -> dict[str, re.Pattern[str]]:
    data = lexicon.load("categories.yaml").get("worst_hit") or {}
    out = {}
    for measure, forms in data.items():
        alt = "|".join(
            r"[\s-]+".join(re.escape(w) for w in str(f).split())
            + (r"\w*" if CYRILLIC.match(str(f)) else "")
            for f in sorted(forms, key=lambda f: -len(str(f)))
        )
        out[str(measure)] = re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", re.IGNORECASE)
    return out


def _place_name(m: Mention) -> str | None:
    """The English name of a place mention: a city, else a place the world tables know, else
    the canonical name of a place the entity model tagged as one."""
    for name in (m.canonical, m.text):
        if not name:
            continue
        city = city_of(name)
        if city:
            return city
        found = load_world().lookup(name)
        if found is not None:
            return found.name
    if m.label == "ORG":
        return None  # a body, unless the tables know it as a place
    name = m.canonical or m.text
    return transliterate(name) if CYRILLIC.search(name) else name


def worst_hit_claims(
    entities: ArticleEntities, text: str, article_id: str, events: Sequence[EventMention] = ()
) -> list[ClaimValue]:
    """The worst-hit place of each measure an article names (module docstring); the first.
    "Worst hit" counts only in an article that tells of a disaster, an attack or casualties;
    "the most casualties" names its harm itself."""
    harm = [e for e in events if e.type in _HARM]
    found: dict[str, ClaimValue] = {}
    for measure, pattern in _phrases().items():
        if measure == "hit" and not harm:
            continue  # "the most affected by the new tariffs": no harm told
        subject = _SUBJECTS.get(measure, f"place with the most {measure}")
        for p in pattern.finditer(text):
            if subject in found:
                break
            lo = max(text.rfind(c, 0, p.start()) for c in _CLAUSE) + 1
            ends = [i for c in _CLAUSE if (i := text.find(c, p.end())) >= 0]
            hi = min(ends) if ends else len(text)
            by = _BY.match(text, p.end())
            if by and not any(by.start() <= e.trigger_start < by.end() for e in harm):
                continue  # "most affected by the new tariffs": no disaster's harm
            # 20 characters before the phrase hold "one of the", «одним из» (10-12) with room
            if _ONE_OF.search(text[max(lo, p.start() - 20) : p.start()]):
                continue
            # a plural noun comes first after the phrase (20 holds "provinces" with spaces)
            if _PLURAL.match(text[p.end() : p.end() + 20]):
                continue
            places = [
                (m.start - p.end() if m.start >= p.end() else p.start() - m.end, m, name)
                for m in entities.at(lo, hi)
                if m.label in _PLACES and lo <= m.start and m.end <= hi and (name := _place_name(m))
            ]
            # a place the entity model left untagged ("Talca, the worst hit town"): a
            # capitalised word of the clause the tables know as a place
            tagged = [(m.start, m.end) for _, m, _ in places]
            for w in re.finditer(r"\b[A-ZА-ЯЁ][\w-]+", text[lo:hi]):
                start, end = lo + w.start(), lo + w.end()
                if any(s <= start < e for s, e in tagged):
                    continue
                known = _place_name(Mention(article_id, start, end, "ORG", w.group(0)))
                if known and not (p.start() <= start < p.end()):
                    gap = start - p.end() if start >= p.end() else p.start() - end
                    places.append((gap, Mention(article_id, start, end, "LOC", w.group(0)), known))
            if not places:
                continue
            _, m, name = min(places, key=lambda x: x[0])
            q_start, q_end = sentence_bounds(text, p.start(), p.end())
            found[subject] = word_value(
                text,
                article_id,
                subject,
                "place",
                name,
                (m.start, m.end),
                (q_start, q_end),
                WORST_MEASURE,
            )
    return list(found.values())
