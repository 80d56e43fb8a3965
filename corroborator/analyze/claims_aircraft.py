"""Claims, part thirteen: the type of aircraft that carried someone ("his Il-96-300 landed",
«самолет Ил-96-300 Путина», "aboard a Boeing 747"), as a categorical claim.

A maker's designation (``aircraft_makers`` of data/categories.yaml: Il, Tu, An, Boeing, Airbus …,
each with its English spelling) followed by a model number ("96-300", "747", "A321") in a sentence
that names an aircraft (``aircraft_words``: plane, jet, «самолет», «борт») gives the value "<maker>
<model>" in English whatever the report's language ("Il-96-300"; the makers written with a hyphen
keep it). The subject is "aircraft of <person>", the person named nearest the designation in its
sentence, else "aircraft". Values of one subject agree when one names the other's model more
exactly ("Il-96" and "Il-96-300").
"""

from __future__ import annotations

import re
from functools import cache

from corroborator import lexicon
from corroborator.analyze.claims_text import sentence_bounds, word_value
from corroborator.analyze.entities import ArticleEntities
from corroborator.analyze.russian import transliterate
from corroborator.model import ClaimValue

AIRCRAFT_MEASURE = "aircraft"


@cache
def _tables() -> tuple[re.Pattern[str], dict[str, str], re.Pattern[str]]:
    """The designation pattern, each maker word's English spelling, and the aircraft words."""
    data = lexicon.load("categories.yaml")
    makers = {
        str(w).lower(): str(key)
        for key, words in (data.get("aircraft_makers") or {}).items()
        for w in words
    }
    names = [str(w) for ws in (data.get("aircraft_makers") or {}).values() for w in ws]
    # a short maker ("Il", «Ан») only with its hyphen, as written: "an 80" is no aircraft
    short = "|".join(re.escape(w) for w in names if len(w) <= 3)
    long = "|".join(re.escape(w) for w in sorted(names, key=len, reverse=True) if len(w) > 3)
    model = r"[A-ZА-Я]?\d{2,3}(?:-\d{2,3})?[A-Z]?"
    pattern = re.compile(
        rf"(?<![\w-])(?:(?P<short>{short})-|(?P<long>{long})[-\s]?)(?P<model>{model})(?![\w-])"
    )
    words = [str(w) for w in data.get("aircraft_words") or []]
    aircraft = re.compile(
        "|".join(rf"(?<![\w-]){re.escape(w)}\w*" for w in words) or r"(?!x)x", re.IGNORECASE
    )
    return pattern, makers, aircraft


def aircraft_claims(entities: ArticleEntities, text: str, article_id: str) -> list[ClaimValue]:
    """The aircraft types an article names (module docstring); one value per subject, the
    first."""
    pattern, makers, aircraft = _tables()
    found: dict[str, ClaimValue] = {}
    for m in pattern.finditer(text):
        q_start, q_end = sentence_bounds(text, m.start(), m.end())
        if not aircraft.search(text, q_start, q_end):
            continue  # "An 18-year-old", "Tu 22" without a plane told
        maker = makers[(m.group("short") or m.group("long")).lower()]
        model = transliterate(m.group("model")).upper()
        value = f"{maker}-{model}" if m.group("short") else f"{maker} {model}"
        people = [p for p in entities.at(q_start, q_end) if p.label == "PERSON" and p.canonical]
        near = min(people, key=lambda p: abs(p.start - m.start()), default=None)
        subject = f"aircraft of {near.canonical}" if near else "aircraft"
        if subject in found:
            continue
        found[subject] = word_value(
            text,
            article_id,
            subject,
            "aircraft",
            value,
            (m.start(), m.end()),
            (q_start, q_end),
            AIRCRAFT_MEASURE,
        )
    return list(found.values())


def aircraft_agree(a: str, b: str) -> bool:
    """Two aircraft types agree when one names the other's model more exactly."""
    x, y = a.lower(), b.lower()
    return x == y or x.startswith(y + "-") or y.startswith(x + "-")
