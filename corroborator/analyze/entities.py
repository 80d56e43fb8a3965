"""Canonical entities within one article: gazetteer aliases, role descriptions, acronyms.

The cascade, per article:

1. gazetteer aliases (data/gazetteer.yaml) are matched first and win over the model's entities;
2. "Long Name (ACR)" definitions in the text teach the article its own acronyms;
3. titles before names ("Kyrgyz President Sadyr Japarov") teach who holds which office here;
4. role descriptions ("the Russian leader", "the head of state", "the two presidents") resolve
   to that person — from the article's own titles first, then the gazetteer's offices on the
   article's date — or to the most recent holder mentioned when no country is named;
5. the model's remaining entities are kept, with its known slips corrected (an agency tagged as
   a person, "Putin's Bishkek" as one facility) and surnames linked to full names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from corroborator.analyze import budget
from corroborator.analyze.gazetteer import Gazetteer, load_gazetteer
from corroborator.analyze.nlp import doc_text
from corroborator.analyze.world import load_world
from corroborator.model import Mention

# Labels of the model's entities that name things (the rest are numbers and dates).
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
_KIND_LABEL = {"person": "PERSON", "org": "ORG"}
_PLACE_LABEL = {"country": "GPE", "city": "GPE", "region": "GPE"}
# Offices that make someone a head of state or government, for "the leaders", "the two heads".
HEAD_ROLES = frozenset({"president", "prime_minister"})


@dataclass
class ArticleEntities:
    """Resolved mentions of one article, with what was learned from its text."""

    mentions: list[Mention] = field(default_factory=list)
    offices: dict[tuple[str, str], str] = field(default_factory=dict)  # (role, country) → person
    acronyms: dict[str, str] = field(default_factory=dict)
    by_char: dict[int, Mention] = field(default_factory=dict)  # start offset → mention

    def at(self, start: int, end: int) -> list[Mention]:
        """Mentions overlapping ``[start, end)``."""
        return [m for m in self.mentions if m.start < end and start < m.end]


@cache
def _alias_regex(aliases: tuple[str, ...]) -> re.Pattern[str]:
    alt = "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])")


def _role_patterns(
    gaz: Gazetteer,
) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    return _role_regexes(tuple(sorted(gaz.role_nouns)), tuple(sorted(gaz.countries)))


@cache
def _role_regexes(
    roles: tuple[str, ...], countries: tuple[str, ...]
) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    role = "|".join(re.escape(r) for r in sorted(roles, key=len, reverse=True))
    country = "|".join(re.escape(c) for c in sorted(countries, key=len, reverse=True))
    before = re.compile(
        rf"(?:\b(?:[Tt]he)\s+)?\b(?P<country>{country})(?:['’]s)?\s+(?:(?:[Pp]residential|[Ss]tate)\s+)?"
        rf"(?P<role>{role})\b",
        re.IGNORECASE,
    )
    after = re.compile(
        rf"(?:\b[Tt]he\s+)?\b(?P<role>{role})\s+of\s+(?:the\s+)?(?P<country>{country})\b"
    )
    bare = re.compile(rf"\b[Tt]he\s+(?P<role>{role})\b(?!['’]s\s)")
    plural = re.compile(
        r"\b(?:[Tt]he|[Bb]oth)\s+(?:two\s+)?"
        r"(?P<plural>presidents|leaders|heads of state|heads of government)\b"
    )
    return before, after, bare, plural


_ACRONYM_MARK = re.compile(r"\((?P<acr>[A-Z]{2,8})\)")
# The long form just before "(ACR)": up to eight capitalised words with their joiners. Words are
# bounded in length and the search runs in a window before each mark, so a hostile text (one
# 200,000-letter word) costs no more than a normal one; 200 characters hold eight long words.
_LONG_FORM = re.compile(
    r"(?P<long>(?:[A-Z][\w-]{0,40}\s+(?:(?:of|the|and|for|on)\s+)*){1,8}[A-Z][\w-]{0,40})"
    r"(?:['’]s)?\s*$"
)
_LONG_FORM_WINDOW = 200


def _acronyms(text: str) -> dict[str, str]:
    """``ACR → Long Name`` for each "Long Name (ACR)" whose initials spell the acronym."""
    found: dict[str, str] = {}
    for mark in _ACRONYM_MARK.finditer(text):
        window = text[max(0, mark.start() - _LONG_FORM_WINDOW) : mark.start()]
        m = _LONG_FORM.search(window)
        if m is None:
            continue
        acr = mark.group("acr")
        words = m.group("long").split()
        # Take the shortest tail of the phrase whose capitalised initials spell the acronym.
        for i in range(len(words)):
            tail = words[i:]
            if not tail[0][0].isupper():
                continue
            initials = "".join(w[0] for w in tail if w[0].isupper())
            if initials == acr:
                found[acr] = " ".join(tail)
                break
    return found


def _person_after(text: str, end: int, gaz: Gazetteer, ents: list[Any]) -> tuple[str, int] | None:
    """The person named right after a title ending at ``end``: ``(canonical, end)``."""
    rest = text[end:]
    gap = len(rest) - len(rest.lstrip(" "))
    if gap == 0 or gap > 1:
        return None
    start = end + gap
    m = _alias_regex(tuple(k for k, v in gaz.aliases.items() if v.kind == "person")).match(
        text, start
    )
    if m:
        entry = gaz.lookup(m.group(0))
        assert entry is not None
        return entry.name, m.end()
    for ent in ents:
        if ent.label_ == "PERSON" and ent.start_char == start:
            return ent.text, ent.end_char
    return None


def resolve_entities(doc: Any, on: str | None, article_id: str = "") -> ArticleEntities:
    """Resolve the entities of ``doc`` (a spaCy Doc) as of date ``on`` (ISO or None)."""
    gaz = load_gazetteer()
    text: str = doc_text(doc)
    result = ArticleEntities(acronyms=_acronyms(text))
    taken: list[tuple[int, int]] = []
    ents = list(doc.ents)

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    def add(
        start: int,
        end: int,
        label: str,
        canonical: str | None,
        how: str,
        members: tuple[str, ...] = (),
    ) -> None:
        budget.check()
        result.mentions.append(
            Mention(
                article_id,
                start,
                end,
                label,
                text[start:end],
                canonical,
                resolved_by=how,
                members=members,
            )
        )
        taken.append((start, end))

    # 1. gazetteer aliases, longest first
    for m in _alias_regex(tuple(gaz.aliases)).finditer(text):
        entry = gaz.lookup(m.group(0))
        if entry is None or not free(m.start(), m.end()):
            continue
        label = _KIND_LABEL.get(entry.kind) or _PLACE_LABEL.get(entry.place_kind or "", "FAC")
        add(m.start(), m.end(), label, entry.name, "gazetteer")

    # 2. acronyms the text defines (and their long forms when not in the gazetteer)
    for acr, long in result.acronyms.items():
        canonical = gaz.lookup(long) or gaz.lookup(acr)
        name = canonical.name if canonical else long
        for m in re.finditer(rf"(?<![\w-]){re.escape(acr)}(?![\w-])|{re.escape(long)}", text):
            if free(m.start(), m.end()):
                add(m.start(), m.end(), "ORG", name, "acronym")

    # 3 + 4. titles and role descriptions, in text order
    before, after, bare, plural = _role_patterns(gaz)
    roles: list[
        tuple[int, int, str, str | None, str | None]
    ] = []  # start, end, role, country, plural
    for pat in (before, after):
        for m in pat.finditer(text):
            word = m.group("country")
            code = gaz.countries.get(word) or _country_ci(gaz, word)
            roles.append((m.start(), m.end(), gaz.role_nouns[m.group("role").lower()], code, None))
    for m in bare.finditer(text):
        roles.append((m.start(), m.end(), gaz.role_nouns[m.group("role").lower()], None, None))
    for m in plural.finditer(text):
        roles.append((m.start(), m.end(), "president", None, m.group("plural")))
    # "the presidents of Russia and Kyrgyzstan": the holders of each named country's office
    of_countries = re.compile(
        r"\s+of\s+(?:the\s+)?(?P<a>[A-Z][\w ]+?)"
        r"\s+and\s+(?:the\s+)?(?P<b>[A-Z][\w]+(?:\s[A-Z]\w+)*)"
    )
    roles.sort(key=lambda r: (r[0], -(r[1] - r[0])))

    people_order: list[tuple[int, str]] = [
        (mm.start, mm.canonical) for mm in result.mentions if mm.label == "PERSON" and mm.canonical
    ]
    for start, end, role, country, plural_word in roles:
        # A title before a name ("Kyrgyz President Sadyr Japarov") teaches who holds the office
        # here, even where a gazetteer name overlaps it.
        titled = _person_after(text, end, gaz, ents)
        if titled is not None and plural_word is None:
            if country:
                result.offices.setdefault((role, country), titled[0])
            continue
        if not free(start, end):
            continue
        if plural_word is not None:
            heads = _recent_heads(people_order, start, result, gaz, on)
            named = of_countries.match(text, end)
            if named:
                codes = [gaz.countries.get(named.group(k)) for k in ("a", "b")]
                holders = [
                    result.offices.get((role, c)) or gaz.holder(role, c, on) for c in codes if c
                ]
                if len(holders) == 2 and all(holders):
                    heads = [h for h in holders if h]
                    end = named.end()
            if len(heads) >= 2:
                add(start, end, "PERSON", None, "role", members=tuple(heads))
            continue
        person: str | None = None
        if country:
            person = result.offices.get((role, country)) or gaz.holder(role, country, on)
        else:
            person = _recent_holder(people_order, start, role, result, gaz, on)
        if person:
            add(start, end, "PERSON", person, "role")
            people_order.append((start, person))
            people_order.sort()

    # 5. the model's entities, corrected
    agencies = {e.name for e in gaz.aliases.values() if e.kind == "org"}
    for ent in ents:
        if ent.label_ not in NAME_LABELS or not free(ent.start_char, ent.end_char):
            continue
        if "\n" in ent.text:  # a section heading glued to the next line
            continue
        t = ent.text
        stripped = t[4:] if t.lower().startswith("the ") else t
        if stripped in result.acronyms:
            add(ent.start_char, ent.end_char, "ORG", result.acronyms[stripped], "acronym")
            continue
        if ent.label_ == "PERSON" and stripped in agencies:
            add(ent.start_char, ent.end_char, "ORG", stripped, "gazetteer")
            continue
        if ent.label_ == "PERSON" and (capital := _capital_named(stripped, ents)):
            # a capital speaking for its government ("Kyiv has dismissed the offer"), which the
            # model may take for a person's name
            add(ent.start_char, ent.end_char, "GPE", capital, "world")
            continue
        canonical = stripped
        if ent.label_ in {"NORP", "GPE"}:
            code = gaz.countries.get(stripped)
            canonical = gaz.country_names.get(code, stripped) if code else stripped
        add(ent.start_char, ent.end_char, ent.label_, canonical, "model")

    # surnames → full names within the article
    full = {
        m.canonical.split()[-1]: m.canonical
        for m in result.mentions
        if m.label == "PERSON" and m.canonical and len(m.canonical.split()) > 1
    }
    result.mentions = [
        _replace(m, canonical=full[m.canonical], resolved_by="surname")
        if m.label == "PERSON"
        and m.resolved_by == "model"
        and m.canonical in full
        and full[m.canonical] != m.canonical
        else m
        for m in result.mentions
    ]
    result.mentions.sort(key=lambda m: (m.start, m.end))
    result.by_char = {m.start: m for m in result.mentions}
    return result


def _capital_named(name: str, ents: list[Any]) -> str | None:
    """The capital city a one-word name tagged as a person spells ("Kyiv", "Lima"), when the
    article never uses it as the last word of a longer name, as a surname is ("Mr Lima",
    "Carlos Lima"); None otherwise. A capital only: a bare capital's name as a speaker is its
    government (news metonymy), while other towns share their names with people."""
    if " " in name or not name[:1].isupper():
        return None
    world = load_world()
    found = world.lookup(name)
    if found is None or found.kind != "city" or world.capitals.get(found.country) != found.name:
        return None
    longer = (e.text.split() for e in ents if e.label_ == "PERSON")
    if any(len(words) > 1 and words[-1] == name for words in longer):
        return None  # a surname here ("Carlos Lima")
    return found.name


def _replace(m: Mention, **changes: Any) -> Mention:
    from dataclasses import replace

    return replace(m, **changes)


def _country_ci(gaz: Gazetteer, word: str) -> str | None:
    for key, code in gaz.countries.items():
        if key.lower() == word.lower():
            return code
    return None


def _holds(person: str, role: str, result: ArticleEntities, gaz: Gazetteer, on: str | None) -> bool:
    if any(r == role and p == person for (r, _), p in result.offices.items()):
        return True
    return any(r == role for r, _ in gaz.roles_of(person, on))


def _recent_holder(
    people: list[tuple[int, str]],
    before: int,
    role: str,
    result: ArticleEntities,
    gaz: Gazetteer,
    on: str | None,
) -> str | None:
    """The last person mentioned before ``before`` who holds ``role``."""
    for _, person in reversed([p for p in people if p[0] < before]):
        if _holds(person, role, result, gaz, on):
            return person
    return None


def _recent_heads(
    people: list[tuple[int, str]],
    before: int,
    result: ArticleEntities,
    gaz: Gazetteer,
    on: str | None,
) -> list[str]:
    """The two heads of state or government mentioned last before ``before``, in text order."""
    heads: list[str] = []
    for _, person in reversed([p for p in people if p[0] < before]):
        if person not in heads and any(_holds(person, r, result, gaz, on) for r in HEAD_ROLES):
            heads.append(person)
        if len(heads) == 2:
            break
    return list(reversed(heads))
