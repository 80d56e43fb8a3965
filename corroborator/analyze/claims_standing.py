"""Claims, part ten: a rank-like standing stated in words ("the first foreign guest", "the first
foreign leader to visit", "the second stop of the tour", «первый зарубежный гость», «второй
точкой азиатского турне»), as a categorical claim.

An ordinal (``standing_ordinals`` of data/categories.yaml) before a standing noun
(``standing_nouns``: guest, leader, stop …), with listed qualifiers between them
(``standing_qualifiers``: foreign), gives the value "<ordinal> <qualifiers> <noun>" in English
whatever the report's language ("first foreign guest"). The subject is "standing of <holder> as
<noun>": the holder is the person or country named last before the ordinal in its clause (its
canonical English name), not one in a possessive ("Ivo Marek's first foreign guest" is Marek's
guest, not Marek), and left out when the clause names none. "One of the first" ranks
nothing. A visit or trip is no standing noun: "his first trip in 24 years" and "his fifth
visit" count different things and would only seem to disagree.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from corroborator import lexicon
from corroborator.analyze.claims_offices import country_of
from corroborator.analyze.claims_parties import at_visit, meeting_parties
from corroborator.analyze.claims_text import CYRILLIC, sentence_bounds, word_value
from corroborator.analyze.entities import ArticleEntities
from corroborator.analyze.russian import transliterate
from corroborator.model import ClaimValue, EventMention

STANDING_MEASURE = "standing"
_WORD = re.compile(r"[\w’'-]+")
# Words a standing phrase may hold between the ordinal and the noun beyond the qualifiers
# (articles are never between: "the first foreign guest"); two covers the longest on our probes
# and the development texts ("first foreign head of state's" counts "foreign" as a qualifier,
# «первым зарубежным лидером» one), a third word is mostly the next phrase's.
_MAX_BETWEEN = 2
_Table = dict[str, tuple[str, ...]]


@cache
def _tables() -> tuple[_Table, _Table, _Table]:
    data = lexicon.load("categories.yaml")

    def table(name: str) -> _Table:
        return {str(k): tuple(str(w).lower() for w in v) for k, v in (data.get(name) or {}).items()}

    return (
        table("standing_ordinals"),
        table("standing_qualifiers"),
        table("standing_nouns"),
    )


@cache
def _only_nouns() -> dict[str, frozenset[str]]:
    """Ordinals that rank only some nouns (``standing_only_nouns``): "the last stop", not "its
    last leader"; "the leading cause", not "a leading guest"."""
    data = lexicon.load("categories.yaml").get("standing_only_nouns") or {}
    return {str(k): frozenset(str(w) for w in v) for k, v in data.items()}


# The endings a Russian ordinal stem takes («первый», «второй», «третьего», «последней»).
_ADJ_ENDINGS = frozenset(
    {"ый", "ой", "ий", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ому", "ему", "ым"}
    | {"им", "ом", "ем", "ую", "юю", "ых", "их", "ыми", "ими", "ей", "ьего", "ьему", "ьим"}
    | {"ьей", "ья", "ье", "ьи", "ью", "ьих", "ьими"}
)


def _key(word: str, table: _Table, adjective: bool = False) -> str | None:
    """The key one of whose words ``word`` is: English whole, Russian as a stem (with an
    adjective ending only where ``adjective``)."""
    low = word.lower()
    for key, forms in table.items():
        for form in forms:
            if low == form:
                return key
            if (
                CYRILLIC.match(form)
                and low.startswith(form)
                and (not adjective or low[len(form) :] in _ADJ_ENDINGS)
            ):
                return key
    return None


@cache
def _host_verbs() -> re.Pattern[str]:
    words = lexicon.load("categories.yaml").get("standing_host_verbs") or []
    alt = "|".join(re.escape(str(w)) + r"\w*" for w in words) or r"(?!x)x"
    return re.compile(rf"\s+(?:[\w-]+\s+)?(?:{alt})(?![\w-])", re.IGNORECASE)


def holder(entities: ArticleEntities, text: str, lo: int, at: int) -> str | None:
    """The person or country named last in ``text[lo:at]``, not in a possessive nor the
    subject of a welcoming verb (the host)."""
    for m in sorted(entities.at(lo, at), key=lambda m: -m.start):
        if m.end > at or m.start < lo:
            continue
        if _host_verbs().match(text, m.end, at):
            continue  # "Valdoria welcomed its first guest": the host, not the guest
        if re.match(r"[’']s\b", text[m.end : m.end + 2]):
            continue  # "Ivo Marek's first foreign guest"
        if re.search(r"(?<!\w)для\s", text[lo : m.start], re.I):
            continue  # «для президента Вьетнама это первый гость»: the host, not the guest
        if m.label == "PERSON" and m.canonical:
            name = m.canonical
        elif m.label in {"GPE", "NORP"}:
            name = country_of(m) or m.canonical or ""
        else:
            continue
        if name:
            return transliterate(name) if CYRILLIC.search(name) else name
    return None


def standing_claims(
    entities: ArticleEntities,
    text: str,
    article_id: str,
    events: Sequence[EventMention] = (),
    offices: Sequence[ClaimValue] = (),
) -> list[ClaimValue]:
    """The standings an article states (module docstring); one value per subject, the first."""
    ordinals, qualifiers, nouns = _tables()
    found: dict[str, ClaimValue] = {}
    words = list(_WORD.finditer(text))
    for i, w in enumerate(words):
        ordinal = _key(w.group(0), ordinals, adjective=True)
        if ordinal is None:
            continue
        said: list[str] = []
        noun = None
        end = w.end()
        for nxt in words[i + 1 : i + 2 + _MAX_BETWEEN]:
            if re.search(r"[.,;:!?()—–\n]", text[end : nxt.start()]):
                break
            noun = _key(nxt.group(0), nouns)
            if noun is not None:
                end = nxt.end()
                break
            q = _key(nxt.group(0), qualifiers)
            if q is None:
                break
            said.append(q)
            end = nxt.end()
        if noun is None:
            continue
        if ordinal in _only_nouns() and noun not in _only_nouns()[ordinal]:
            continue  # "its last leader" was a former ruler
        q_start = sentence_bounds(text, w.start(), w.start())[0]
        before = text[max(q_start, w.start() - 20) : w.start()]
        if re.search(r"(?:\bone of|\bamong|\bодн\w+ из|\bсреди)(?:\s+the)?\s+$", before, re.I):
            continue  # "one of the first leaders" ranks nothing
        cuts = [text.rfind(c, q_start, w.start()) + 1 for c in ",;:—–("]
        c_start = max([q_start, *cuts])
        who = holder(entities, text, c_start, w.start())
        subject = f"standing of {who} as {noun}" if who else f"standing as {noun}"
        subject = at_visit(subject, *meeting_parties(events, offices, w.start()))
        if subject in found:
            continue
        q_end = sentence_bounds(text, end, end)[1]
        found[subject] = word_value(
            text,
            article_id,
            subject,
            "standing",
            " ".join([ordinal, *dict.fromkeys(said), noun]),
            (w.start(), end),
            (q_start, q_end),
            STANDING_MEASURE,
        )
    return list(found.values())
