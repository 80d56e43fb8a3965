"""Claims, part four: ranks ("the leading trade partner", "ranking second after China", "the
country's second-largest city": figures of unit ``rank``) and the visit's protocol category
(from the events; a categorical claim)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from corroborator import lexicon
from corroborator.analyze.claims_figures import _Figure, interval
from corroborator.analyze.claims_parties import (
    article_guests,
    parties_subject,
    same_parties,
    visit_parties,
)
from corroborator.analyze.claims_speaker import _SpeakerReader
from corroborator.model import ClaimValue, EventMention

VISIT_SUBJECT = "protocol category of the visit"


class _CategoricalReader(_SpeakerReader):
    # -- categorical claims ------------------------------------------------------------------------

    def _ranks(self, sent: Any) -> list[ClaimValue]:
        """Rank statements as figures (unit and measure ``rank``): "ranking second after China",
        "China ranks first in trade", "rank 3", "Kyrgyzstan's leading trade partner", "the
        country's second-largest city" (an ordinal before a superlative ranks any noun)."""
        data = lexicon.load("claims.yaml")
        pattern, context_pattern, ordinals, domains = _rank_patterns()
        # the domain of a bare "ranking second": the partner noun phrase elsewhere in the sentence
        context = context_pattern.search(sent.text)
        out = []
        text = self.text
        for m in pattern.finditer(text, sent.start_char, sent.end_char):
            before = text[max(sent.start_char, m.start() - 40) : m.start()].lower()
            if re.search(r"\b(?:one of|among)\b(?:(?!\band\b)[^.,;])*$", before):
                continue  # "one of the largest investors" ranks nothing (but "one of … and")
            rank_word = (
                m.group("ord") or m.group("rank") or m.group("rank2") or m.group("ord3") or ""
            ).lower()
            rank = ordinals.get(rank_word) or _number_rank(rank_word)
            if rank is None and m.group("rank"):
                rank = 1  # "leading", "largest", "top"
            if rank is None:
                continue
            elided = self._elided(sent, m) if m.group("ord3") else None
            if m.group("ord3") and elided is None:
                continue
            who = elided[0] if elided else self._ranked(sent, m)
            if who is None and not m.group("noun2"):
                continue
            found = (m.group("domain") or m.group("domain2") or "").split() or (
                context.group("domain").split() if context else []
            )
            domain = next((domains[w.lower()] for w in found if w.lower() in domains), "")
            noun = m.group("noun") or m.group("noun2") or (elided[1] if elided else None)
            noun = (noun or (context.group("noun") if context else "")).lower()
            noun = f"{domain} {_singular(noun)}".strip()
            subject = f"rank of {who}" if who else "rank"
            subject += f" as {noun}" if noun else ""
            if m.group("after"):
                subject += f" after {m.group('after')}"
            loose = rank_word in {str(w) for w in data.get("loose_rank_words", [])}
            out.append(self._rank_value(sent, subject, float(rank), m.start(), m.end(), loose))
        return out

    def _rank_value(
        self, sent: Any, subject: str, rank: float, start: int, end: int, loose: bool
    ) -> ClaimValue:
        """A rank figure of ``subject`` at ``start:end``, in either language; a ``loose`` rank
        word ("the leading partner", «ведущий») is one of the first few (``loose_rank_span``
        of data/claims.yaml)."""
        low, high = interval(rank, 1.0, "exact")
        if loose:
            high = float(lexicon.load("claims.yaml").get("loose_rank_span", 1)) + 0.5
        text = self.text[start:end]
        return ClaimValue(
            article_id=self.article.id,
            subject=subject,
            period=None,
            unit="rank",
            kind="numeric",
            value=rank,
            text=text,
            quote=sent.text.strip(),
            start=start,
            end=end,
            low=low,
            high=high,
            qualifier="around" if loose else "exact",
            said_by=self._speaker(sent, _Figure(start, end, text, 0.0, 1.0, None)),
            measure="rank",
            quote_start=sent.start_char,
            quote_end=sent.start_char + len(sent.text.rstrip()),
        )

    def _elided(self, sent: Any, m: re.Match[str]) -> tuple[str, str] | None:
        """ "Tarvik — among the worst-affected towns, and Norland's third-largest —": a rank
        whose noun is left unsaid stands in apposition to a name after a dash or comma; the
        noun is the last one said between them ("cities")."""
        text = self.text
        lo = max(text.rfind(c, sent.start_char, m.start()) for c in "—–,(")
        if lo < 0:
            return None
        name = next(
            (
                t
                for t in reversed(list(sent))
                if t.idx + len(t.text) <= lo and not t.is_space and not t.is_punct
            ),
            None,
        )
        if name is None or name.pos_ != "PROPN":
            return None
        nouns = [t for t in sent if lo < t.idx < m.start() and t.pos_ == "NOUN"]
        words = [t for t in name.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
        named = " ".join(t.text for t in [*words, name])
        return named, str(nouns[-1].lemma_).lower() if nouns else ""

    def _ranked(self, sent: Any, m: re.Match[str]) -> str | None:
        """Who holds the rank: the place or body a ranked noun stands beside ("Mandalay, the
        country's second-biggest city"; "the second largest city of Mandalay"), the one a naming
        verb names ("Putin called Russia Kyrgyzstan's leading partner"), else the subject of
        the sentence (a pronoun says nothing)."""
        if m.group("noun2"):
            tok = next((t for t in sent if t.idx == m.start("noun2")), None)
            if tok is not None:
                if tok.dep_ == "appos":
                    return str(self._phrase(tok.head))
                of = next(
                    (
                        g
                        for c in tok.children
                        if c.dep_ == "prep" and c.lower_ == "of"
                        for g in c.children
                        if g.dep_ == "pobj" and g.pos_ == "PROPN"
                    ),
                    None,
                )
                if of is not None:
                    return str(self._phrase(of))
                if tok.dep_ not in {"attr", "oprd"}:
                    return None  # "in South Korea's second-largest city": unnamed
        # the subject of the nearest clause above the rank ("Russia is …, the ministry said":
        # Russia, not the ministry)
        node = next((t for t in sent if t.idx >= m.start()), sent.root)
        subj = None
        while subj is None:
            subj = next((c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if node.i == node.head.i or not (sent.start <= node.head.i < sent.end):
                break
            node = node.head
        if sent.root.lemma_.lower() in self.lex.naming_verbs:
            # the first country or organisation of the object (the parse often fuses the two
            # noun phrases into one)
            obj = next((t for t in sent.root.children if t.dep_ in {"dobj", "obj", "oprd"}), None)
            if obj is not None:
                start = min(t.idx for t in obj.subtree)
                named = next(
                    (
                        e.canonical or e.text
                        for e in self.entities.at(start, m.start())
                        if e.label in {"GPE", "ORG", "NORP"}
                    ),
                    None,
                )
                if named is not None:
                    return str(named)
        if subj is None or subj.pos_ == "PRON":
            return None
        return str(self._phrase(subj))


def _number_rank(word: str) -> int | None:
    """ "3", "3rd", "21st" as a rank."""
    digits = re.match(r"\d+", word)
    return int(digits.group(0)) if digits else None


def _singular(noun: str) -> str:
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


def visit_type_claims(
    events: Sequence[EventMention],
    text: str = "",
    published: str | None = None,
    offices: Sequence[ClaimValue] = (),
) -> list[ClaimValue]:
    """The protocol category of the visit an article reports ("state visit", «дружественный
    визит»), read from the words before each visit word of its events (``visit_levels`` and
    ``visit_epithets`` of data/categories.yaml), else from the event's subtype. An article
    gives one value per category it names, in text order ("a state visit …, the two-day
    official visit"); the value's span covers the category words. Visit words in a sentence
    that names a year before the article's (``published``) are of a past visit ("in 2021, when
    the leader made a further official visit") and give nothing. The subject says whose visit
    it is where the event shows it (:func:`~corroborator.analyze.claims_parties.visit_parties`,
    with the article's ``offices``): "protocol category of the visit of Russia to Vietnam"."""
    out: list[ClaimValue] = []
    seen: set[tuple[str, str]] = set()
    nouns = _visit_nouns()
    year = int(published[:4]) if published and published[:4].isdigit() else None
    done: set[int] = set()  # sentences read
    guests = article_guests(events, offices)
    for e in sorted(events, key=lambda x: x.trigger_start):
        if e.background:
            continue
        # each visit word of a sentence that reports an event of the story ("arrived … for a
        # four-day state visit", "talks concluded … as part of his two-day official visit"):
        # the trigger may be the verb («посетит … с государственным визитом»)
        named = []
        if e.start not in done:
            named = [
                (*f, m.end())
                for m in nouns.finditer(text, e.start, e.end)
                if not _past(text[e.start : m.start()], year)
                and (f := _category_before(text, m.start()))
            ]
        done.add(e.start)
        past = _past(text[e.start : e.trigger_start], year)
        if not named and e.type == "visit" and e.subtype and not past:
            value = f"{e.subtype.replace('_', ' ')} visit"
            named = [(value, e.trigger_start, e.trigger_end)]
        guest, host = visit_parties(e, offices)
        subject = parties_subject(VISIT_SUBJECT, guest or guests.get(host), host)
        for value, start, end in named:
            if any(v == value and same_parties(subject, s, VISIT_SUBJECT) for s, v in seen):
                continue  # one visit's category told twice
            seen.add((subject, value))
            out.append(
                ClaimValue(
                    article_id=e.article_id,
                    subject=subject,
                    period=None,
                    unit="category",
                    kind="categorical",
                    value=value,
                    text=text[start:end],
                    quote=e.quote,
                    start=start,
                    end=end,
                    qualifier="exact",
                    said_by=e.said_by,
                    measure="category",
                    quote_start=e.start,
                    quote_end=e.end,
                )
            )
    return out


def _past(before: str, year: int | None) -> bool:
    """Whether a sentence names, before a visit word, a year earlier than the article's ("in
    May 2021, when the leader made a further official visit"): that visit is a past one. A year
    after "since" («с», «после») dates the last visit, not this one ("the first since 2000")."""
    if year is None:
        return False
    return any(
        int(m.group(1)) < year
        for m in re.finditer(
            r"(?<!since )(?<!с )(?<!после )\b((?:19|20)\d\d)\b", _governing_clause(before)
        )
    )


# Clause boundaries inside a sentence, and the words that open a clause told at the time of the
# one before it ("in 2021, when the leader made …", «в 2019 году, когда …»).
_CLAUSE_CUT = re.compile(r"[,;:—–]\s*")
_TIME_CLAUSE = re.compile(r"(?:when|where|as|когда|где)\b", re.IGNORECASE)


def _governing_clause(before: str) -> str:
    """The clause a visit word stands in (the text after the last clause boundary), with the
    clause before it when this one is told at its time ("in May 2021, when …"): a year in an
    earlier clause of another matter ("After tensions that began in 2022, Xi arrived … for a
    state visit") does not make the visit a past one."""
    cuts = [m.end() for m in _CLAUSE_CUT.finditer(before)]
    if not cuts:
        return before
    clause = before[cuts[-1] :]
    if _TIME_CLAUSE.match(clause) and len(cuts) > 1:
        return before[cuts[-2] :]
    if _TIME_CLAUSE.match(clause):
        return before
    return clause


# How far before the visit word its category words are looked for: "a long-awaited four-day
# friendly state visit" is 45 characters; a clause boundary ends the search sooner.
_CATEGORY_WINDOW = 80


def _category_before(text: str, trigger: int) -> tuple[str, int] | None:
    """``(value, start)`` of the category words right before the visit word at ``trigger``:
    levels and epithets, with ``visit_between`` words allowed among them."""
    levels, epithets, between = _visit_words()
    window = text[max(0, trigger - _CATEGORY_WINDOW) : trigger]
    cut = max(window.rfind(c) for c in '.,;:!?()«»"\n—–')
    offset = trigger - len(window) + cut + 1
    words = list(re.finditer(r"[\w’'-]+", window[cut + 1 :]))
    named: list[str] = []  # nearest the visit word first
    start = None
    for m in reversed(words):
        word = m.group(0).lower()
        key = _word_key(word, levels) or _word_key(word, epithets)
        if key is not None:
            named.append(key)
            start = offset + m.start()
        elif not _between(word, between):
            break
    if start is None:
        return None
    # epithets first, then the levels as the text orders them ("official state visit")
    said = list(dict.fromkeys(reversed(named)))
    value = [k for k in epithets if k in said] + [k for k in said if k in levels]
    return " ".join([*value, "visit"]), start


def _between(word: str, forms: tuple[str, ...]) -> bool:
    """Whether ``word`` may stand among category words: a listed English word, any "-day"
    compound or number, or a word holding a listed Russian stem («двухдневный»)."""
    if re.fullmatch(r"\w+-day|\d+", word):
        return True
    return any(word == f or (_CYRILLIC.match(f) and f in word) for f in forms)


def _word_key(word: str, table: _Table) -> str | None:
    """The key of ``table`` one of whose words ``word`` is: an English word whole, a Russian
    one as a stem (any case ending)."""
    for key, forms in table.items():
        for form in forms:
            if word == form or (_CYRILLIC.match(form) and word.startswith(form)):
                return key
    return None


_CYRILLIC = re.compile(r"[а-яё]")
_Table = dict[str, tuple[str, ...]]  # a key (English) → its words


@cache
def _visit_nouns() -> re.Pattern[str]:
    """The visit words (``visit_nouns`` of data/categories.yaml): English whole, Russian stems."""
    forms = [str(w).lower() for w in lexicon.load("categories.yaml").get("visit_nouns", [])]
    alt = "|".join(re.escape(f) + (r"\w*" if _CYRILLIC.match(f) else "") for f in forms)
    return re.compile(rf"\b(?:{alt})\b", re.IGNORECASE)


@cache
def _visit_words() -> tuple[
    dict[str, tuple[str, ...]], dict[str, tuple[str, ...]], tuple[str, ...]
]:
    data = lexicon.load("categories.yaml")

    def table(name: str) -> _Table:
        return {str(k): tuple(str(w).lower() for w in v) for k, v in (data.get(name) or {}).items()}

    between = tuple(str(w).lower() for w in data.get("visit_between", []))
    return table("visit_levels"), table("visit_epithets"), between


@cache
def _rank_patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, int], dict[str, str]]:
    """The rank pattern, the domain pattern of a sentence, the ordinals and the rank domains,
    built from ``data/claims.yaml`` once per process (the lexicon is loaded once too): built
    per sentence, they took half of ``_ranks``' CPU (0.081 s against 0.040 s for 42 articles)."""
    data = lexicon.load("claims.yaml")
    nouns = "|".join(re.escape(str(n)) for n in data["rank_nouns"])
    words = "|".join(re.escape(str(w)) for w in sorted(data["rank_words"], key=len, reverse=True))
    ordinals = {str(k): int(v) for k, v in (data.get("ordinals") or {}).items()}
    ords = "|".join(sorted(ordinals, key=len, reverse=True))
    supers = "|".join(re.escape(str(w)) for w in data.get("superlatives", []))
    domains = {str(k): str(v) for k, v in data.get("rank_domains", {}).items()}
    dom = "|".join(re.escape(d) for d in domains)
    pattern = re.compile(
        rf"\b(?P<ord>{ords}|\d{{1,2}}(?:st|nd|rd|th))[-\s](?:{supers})\s+"
        rf"(?P<domain2>(?:(?:{dom})\s+)*)(?P<noun2>[a-z]+)"
        rf"|\b(?P<rank>{words})(?:[-\s](?:{supers}))?\b(?P<domain>(?:\s+(?:{dom}|and))*)"
        rf"\s+(?P<noun>{nouns})\b"  # singular: "the largest exporters" is a group
        # "Tarvik — … and Norland's third-largest —": the ranked noun left unsaid
        rf"|(?<=['’]s\s)(?P<ord3>{ords}|\d{{1,2}}(?:st|nd|rd|th))[-\s](?:{supers})"
        rf"(?=\s*(?:[—–,.;)]|$))"
        rf"|\brank(?:s|ed|ing)?\s+(?:no\.\s*|number\s+)?"
        rf"(?P<rank2>{ords}|\d{{1,2}}(?:st|nd|rd|th)?)\b(?:\s+after\s+(?P<after>[A-Z]\w+))?",
        re.IGNORECASE,
    )
    context = re.compile(rf"\b(?P<domain>(?:(?:{dom})\s+)+)(?P<noun>{nouns})s?\b", re.IGNORECASE)
    return pattern, context, ordinals, domains
