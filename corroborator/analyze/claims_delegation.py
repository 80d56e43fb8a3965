"""Claims, part twelve: who led a country's delegation ("the Russian delegation, led by Foreign
Minister Lavrov", "Lavrov headed the delegation of Russia", «российскую делегацию возглавил
Лавров», «делегация Вьетнама во главе с премьером»), as a categorical claim.

A delegation word (``delegation_nouns`` of data/categories.yaml) with a leading cue
(``delegation_led``: "led by", "headed by", «во главе с», «под руководством», «возглавил») in its
sentence gives the person the cue names: the first after a cue that ends in "by", «с» or
«руководством» (a Russian name there, in an oblique case, only when resolved to a known
person), the first after a Russian verb told after the delegation («делегацию возглавил
Лавров»), else the last before the verb ("Lavrov headed the delegation"). The country is the
adjective or name right before the
delegation word ("the Russian delegation", «российскую делегацию») or after it ("delegation of
Russia", «делегация России»); a delegation of no named country gives nothing, since both sides
of a meeting send one. The value is the person's canonical name in Latin letters; two reports
that give different people for one country's delegation disagree (names compare as office
holders' do).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from corroborator import lexicon
from corroborator.analyze.claims_offices import adjective_country, country_of
from corroborator.analyze.claims_parties import at_visit, meeting_parties
from corroborator.analyze.claims_text import CYRILLIC, sentence_bounds, word_value
from corroborator.analyze.entities import ArticleEntities
from corroborator.analyze.russian import transliterate
from corroborator.model import ClaimValue, EventMention, Mention

DELEGATION_MEASURE = "delegation"
# How near the delegation word its country stands ("the visiting Russian delegation": 8
# characters; "delegation of the Republic of Korea": 8 to the name).
_COUNTRY_GAP = 12
# How far from the delegation word its cue stands ("the Russian delegation, which arrived on
# Monday, was led by" is 45 characters; «делегацию … возглавил» closer).
_CUE_GAP = 60


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = lexicon.load("categories.yaml")

    def alternation(name: str) -> str:
        return "|".join(
            re.escape(str(w)) + (r"\w*" if CYRILLIC.match(str(w)) else "")
            for w in sorted(data.get(name, []), key=lambda w: -len(str(w)))
        )

    return (
        re.compile(rf"(?<![\w-])(?:{alternation('delegation_nouns')})(?![\w-])", re.I),
        re.compile(rf"(?<![\w-])(?:{alternation('delegation_led')})(?![\w-])", re.I),
    )


def _country(entities: ArticleEntities, text: str, start: int, end: int) -> str | None:
    """The country named right before or after the delegation word at ``start:end``."""
    for m in entities.at(max(0, start - 40), end + 40):
        if m.label not in {"GPE", "NORP"}:
            continue
        before = 0 <= start - m.end <= _COUNTRY_GAP
        after = 0 <= m.start - end <= _COUNTRY_GAP and re.fullmatch(
            r"\s*(?:of|from)?\s*(?:the\s+)?", text[end : m.start], re.I
        )
        if before or after:
            named = country_of(m)
            if named:
                return named
    # the adjective right before the delegation word: 30 characters hold the longest country
    # adjective with a space («казахстанскую» 13, "Vietnamese" 10)
    word = re.search(r"([\w-]+)\s+$", text[max(0, start - 30) : start])
    return adjective_country(word.group(1)) if word else None


def _name(m: Mention) -> str:
    name = m.canonical or m.text
    return transliterate(name) if CYRILLIC.search(name) else name


def delegation_claims(
    entities: ArticleEntities,
    text: str,
    article_id: str,
    events: Sequence[EventMention] = (),
    offices: Sequence[ClaimValue] = (),
) -> list[ClaimValue]:
    """Who led each named country's delegation (module docstring); one value per country, the
    first; none for a country the article gives two leaders for."""
    nouns, led = _patterns()
    found: dict[str, ClaimValue] = {}
    mixed: set[str] = set()
    for d in nouns.finditer(text):
        q_start, q_end = sentence_bounds(text, d.start(), d.end())
        cue = min(
            led.finditer(text, q_start, q_end),
            key=lambda m: abs(m.start() - d.start()),
            default=None,
        )
        if cue is None:
            continue
        people = [
            m
            for m in entities.at(q_start, q_end)
            if m.label == "PERSON" and q_start <= m.start and m.end <= q_end
        ]
        if abs(cue.start() - d.start()) > _CUE_GAP:
            continue
        after = [p for p in people if p.start >= cue.end()]
        before = [p for p in people if p.end <= cue.start()]
        if re.search(r"(?:\bby|\sс|руководством)$", cue.group(0), re.I):
            person = after[0] if after else None  # "led by X", «во главе с X»
            if person is not None and _unresolved(person):
                # «во главе с Руи Алмадой»: a name in the instrumental or genitive is only
                # sure when resolved to a known person's (Latin) name
                person = None
        elif cue.start() > d.start() and CYRILLIC.match(cue.group(0)):
            person = after[0] if after else None  # «делегацию возглавил X»
        else:
            person = before[-1] if before else None  # "X headed the delegation"
        country = _country(entities, text, d.start(), d.end())
        if person is None or country is None:
            continue
        subject = at_visit(
            f"head of the delegation of {country}", *meeting_parties(events, offices, d.start())
        )
        value = _name(person)
        if subject in found:
            if found[subject].value != value:
                mixed.add(subject)
            continue
        found[subject] = word_value(
            text,
            article_id,
            subject,
            "person",
            value,
            (person.start, person.end),
            (q_start, q_end),
            DELEGATION_MEASURE,
        )
    return [v for s, v in found.items() if s not in mixed]


def _unresolved(m: Mention) -> bool:
    """A Russian name the entity layer only spelled in Latin letters, not resolved to a known
    person's name ("Руи Алмадой" → "Rui Almadoy", case ending and all)."""
    if not CYRILLIC.search(m.text):
        return False
    return (
        not m.canonical
        or m.canonical == transliterate(m.text)
        or bool(CYRILLIC.search(m.canonical))
    )
