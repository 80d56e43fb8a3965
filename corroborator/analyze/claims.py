"""Claims: each figure an article gives — what it measures, for when, how qualified, said by whom.

A figure becomes a :class:`~corroborator.model.ClaimValue` with

* its **value** (scale words applied: "$4.1 billion" → 4.1e9) and **unit** (a currency code,
  ``percent``, or the lemma of what is counted: ``company``, ``teacher``);
* its **measure**: ``amount`` (a level or total), ``share`` ("97% of payments"), ``growth`` /
  ``decline`` ("rose by 13.6%"), ``count``;
* its **qualifier** (exact, around, over, under, nearly, at_least, at_most) and the **interval**
  it implies (:func:`interval`), from the qualifier and the rounding of the written number;
* its **subject** — the noun phrase the figure is about ("trade turnover", "Russian companies
  in Kyrgyzstan"), with "It" resolved to the subject before and "the number of X" read as X;
* its **period** from a date expression in the same clause ("last year" → 2024);
* its **speaker**: the subject of a speech verb governing it, the speaker of the quotation it
  stands in, or the speaker of the previous sentence of the paragraph when the sentence goes
  on reporting without an attribution of its own.

A year, a date, a duration, an ordinal, an age or a number inside a name is not a claim.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from corroborator import lexicon
from corroborator.analyze.entities import ArticleEntities
from corroborator.analyze.nlp import Sentences
from corroborator.analyze.ontology import load_ontology
from corroborator.analyze.quotes import inside, quote_spans
from corroborator.model import Article, ClaimValue, EventMention, TimeExpression

# Half a rounding step is capped at 10% of the value: a bare "2 billion" is not read as
# anything from 1.5 to 2.5 billion, while "1,800" keeps its ±50.
MAX_HALF_STEP = 0.10
# "over X" / "under X": the speaker truncated to the precision they wrote, so the value lies
# within one rounding step beyond X; the step is capped at 25% of X so that "over 2 billion"
# is not read as up to 3 billion. (With these, "over $1.8 billion" and "nearly $2 billion"
# overlap, and "some 1,700" and "1,800" do not — as fact-checkers read them.)
MAX_STEP = 0.25
# "around X" allows at least 2% either side on top of rounding ("around 97 percent" ≈ 95–99).
AROUND_MIN = 0.02
# "nearly X" lies below X and not far below: one rounding step, at most 10% of X.
NEARLY_MAX = 0.10

_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


@dataclass(frozen=True)
class _Lexicon:
    qualifiers: list[tuple[str, str]]  # (phrase, kind), longest first
    scales: dict[str, float]
    currency_symbols: dict[str, str]
    currency_words: dict[str, str]
    percent_words: tuple[str, ...]
    number_words: dict[str, int]
    not_counted: frozenset[str]
    growth_verbs: frozenset[str]
    decline_verbs: frozenset[str]
    record_words: tuple[str, ...]
    unit_synonyms: dict[str, str]
    wrappers: tuple[str, ...]
    figure: re.Pattern[str]
    attribution: re.Pattern[str]  # "by his figures", "according to her"
    valuation_verbs: frozenset[str]
    naming_verbs: frozenset[str]


@cache
def _lexicon() -> _Lexicon:
    data = lexicon.load("claims.yaml")
    qualifiers = sorted(
        ((str(p).lower(), kind) for kind, phrases in data["qualifiers"].items() for p in phrases),
        key=lambda q: -len(q[0]),
    )
    symbols = {str(s): code for code, c in data["currencies"].items() for s in c.get("symbols", [])}
    words = {
        str(w).lower(): code for code, c in data["currencies"].items() for w in c.get("words", [])
    }
    scales = {str(k).lower(): float(v) for k, v in data["scales"].items()}
    percent = tuple(str(p) for p in data["percent_words"])
    synonyms = {}
    for group in data.get("unit_synonyms", []):
        for word in group:
            synonyms[str(word)] = str(group[0])

    def alt(items: Sequence[str]) -> str:
        return "|".join(re.escape(i) for i in sorted(items, key=len, reverse=True))

    figure = re.compile(
        rf"(?:(?P<sym>{alt(list(symbols))})\s?)?(?P<num>{_NUMBER})"
        rf"(?:\s?(?P<scale>{alt(list(scales))})\b)?"
        rf"(?:\s?(?P<pct>{alt(list(percent))}))?"
        rf"(?:\s(?P<cur>{alt(list(words))})\b)?",
        re.IGNORECASE,
    )
    return _Lexicon(
        qualifiers=qualifiers,
        scales=scales,
        currency_symbols=symbols,
        currency_words=words,
        percent_words=percent,
        number_words={str(k): int(v) for k, v in data["number_words"].items()},
        not_counted=frozenset(str(w) for w in data["not_counted"]),
        growth_verbs=frozenset(str(w) for w in data["growth_verbs"]),
        decline_verbs=frozenset(str(w) for w in data["decline_verbs"]),
        record_words=tuple(str(w) for w in data["record_words"]),
        unit_synonyms=synonyms,
        wrappers=tuple(str(w) for w in data["subject_wrappers"]),
        figure=figure,
        valuation_verbs=frozenset(str(w) for w in data.get("valuation_verbs", [])),
        naming_verbs=frozenset(str(w) for w in data.get("naming_verbs", [])),
        attribution=re.compile(
            rf"\b(?:by|in|on|from)\s+(?:(?P<pron>his|her|their)\s+)?(?:own\s+)?"
            rf"(?:{alt([str(n) for n in data.get('attribution_nouns', [])])})\b"
            rf"|\baccording to (?P<pron2>him|her|them)\b",
            re.IGNORECASE,
        ),
    )


def rounding_step(number: str, scale: float = 1.0) -> float:
    """The place value of the last significant digit as written: "1,800" → 100, "4.1" → 0.1."""
    digits = number.replace(",", "")
    if "." in digits:
        return float(10 ** -len(digits.split(".")[1])) * scale
    stripped = digits.rstrip("0")
    zeros = len(digits) - len(stripped) if stripped else 0
    return float(10**zeros) * scale


def interval(value: float, step: float, qualifier: str) -> tuple[float | None, float | None]:
    """The ``[low, high]`` a figure allows, from its qualifier and rounding step (None: open)."""
    size = abs(value)
    half = min(step / 2, MAX_HALF_STEP * size) if size else step / 2
    full = min(step, MAX_STEP * size) if size else step
    if qualifier == "exact":
        return value - half, value + half
    if qualifier == "around":
        spread = max(half, AROUND_MIN * size)
        return value - spread, value + spread
    if qualifier == "nearly":
        return value - min(step, NEARLY_MAX * size), value
    if qualifier == "over":
        return value, value + full
    if qualifier == "under":
        return value - full, value
    if qualifier == "at_least":
        return value, None
    if qualifier == "at_most":
        return None, value
    return value - half, value + half


def _clean(x: float | None) -> float | None:
    """Drop float noise (4049999999.9999995 → 4050000000.0)."""
    return None if x is None else float(f"{x:.12g}")


def compatible(a: tuple[float | None, float | None], b: tuple[float | None, float | None]) -> bool:
    """True when two intervals share more than a point (open ends reach infinity).

    Rounding intervals are half-open — 1,750 rounds to 1,800, not to 1,700 — so "some 1,700"
    (1,650–1,750) and "1,800" (1,750–1,850), which only touch, do not agree.
    """
    lo = max(-math.inf if a[0] is None else a[0], -math.inf if b[0] is None else b[0])
    hi = min(math.inf if a[1] is None else a[1], math.inf if b[1] is None else b[1])
    if not (math.isfinite(lo) and math.isfinite(hi)):
        return lo <= hi
    # a point value (an exact count like 157 has width 1, so this is only float noise)
    eps = 1e-9 * max(1.0, abs(lo), abs(hi))
    return hi - lo > eps


@dataclass
class _Figure:
    start: int
    end: int
    text: str
    value: float
    step: float
    unit: str | None
    qualifier: str = "exact"


class _Claims:
    def __init__(
        self,
        doc: Any,
        article: Article,
        entities: ArticleEntities,
        timexes: Sequence[TimeExpression],
    ) -> None:
        self.doc = doc
        self.text: str = doc.text  # Doc.text rebuilds the string on every access
        self.article = article
        self.entities = entities
        self.timexes = list(timexes)
        self.lex = _lexicon()
        self.ont = load_ontology()
        self.quotes = quote_spans(doc.text)
        self.sentences = Sentences(doc)
        self.quote_speakers = {q: self._quote_speaker(*q) for q in self.quotes}
        self.last_subject: str | None = None
        self.last_speaker: tuple[int, str | None] = (-1, None)

    # -- figures --------------------------------------------------------------------------------

    def _in_timex(self, start: int, end: int) -> bool:
        return any(t.start < end and start < t.end for t in self.timexes)

    def _in_name(self, start: int, end: int) -> bool:
        return any(
            m.label in {"PERSON", "ORG", "FAC", "GPE", "LOC", "NORP"}
            for m in self.entities.at(start, end)
        )

    def _figures(self, sent: Any) -> list[_Figure]:
        text = self.text
        out: list[_Figure] = []
        for m in self.lex.figure.finditer(text, sent.start_char, sent.end_char):
            num = m.group("num")
            if not num or not re.search(r"\d", num):
                continue
            start, end = m.start(), m.end()
            while end > start and text[end - 1].isspace():
                end -= 1
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-–/"):
                continue  # part of a word, a range or a code ("CS-2", "2024-2030")
            if end < len(text) and (
                text[end].isalnum() or (text[end] in "-–" and text[end + 1 : end + 2].isdigit())
            ):
                continue
            scale = self.lex.scales.get((m.group("scale") or "").lower(), 1.0)
            unit = None
            if m.group("pct"):
                unit = "percent"
            elif m.group("sym") or m.group("cur"):
                unit = self.lex.currency_symbols.get(
                    m.group("sym") or ""
                ) or self.lex.currency_words.get((m.group("cur") or "").lower())
            bare = unit is None and scale == 1.0
            value = float(num.replace(",", "")) * scale
            if bare and ("." not in num and 1900 <= value <= 2100 and "," not in num):
                continue  # a year
            if self._in_timex(start, end) or self._in_name(start, end):
                continue
            if bare and re.match(
                r"\s*(?:st|nd|rd|th)\b|-year|\s+years?\s+old", text[end : end + 12]
            ):
                continue
            out.append(_Figure(start, end, text[start:end], value, rounding_step(num, scale), unit))
        out += self._number_words(sent)
        return sorted(out, key=lambda f: f.start)

    def _number_words(self, sent: Any) -> list[_Figure]:
        out = []
        for tok in sent:
            value = self.lex.number_words.get(tok.lower_)
            if value is None or tok.dep_ != "nummod":
                continue
            text = self.text
            if (
                text[tok.idx - 1 : tok.idx] == "-"
                or text[tok.idx + len(tok.text) : tok.idx + len(tok.text) + 1] == "-"
            ):
                continue  # "one-on-one", "three-day"
            noun = tok.head
            if noun.lemma_.lower() in self.lex.not_counted or noun.tag_ != "NNS":
                continue
            if any(
                c.lower_ in {"the", "these", "those", "both", "all"}
                for c in noun.children
                if c.dep_ == "det"
            ):
                continue  # "the two leaders": a reference, not a count
            if self._in_timex(tok.idx, tok.idx + len(tok.text)):
                continue
            out.append(_Figure(tok.idx, tok.idx + len(tok.text), tok.text, float(value), 1.0, None))
        return out

    def _qualify(self, fig: _Figure) -> None:
        before = self.text[max(0, fig.start - 30) : fig.start].lower()
        for phrase, kind in self.lex.qualifiers:
            if re.search(rf"(?<![\w-]){re.escape(phrase)}\s*(?:a\s+|another\s+|the\s+)?$", before):
                fig.qualifier = kind
                fig.text = self.text[fig.start - len(before) + before.rfind(phrase) : fig.end]
                fig.start = fig.end - len(fig.text)
                return

    # -- what the figure measures -----------------------------------------------------------------

    def _root(self, fig: _Figure) -> Any:
        span = self.doc.char_span(fig.start, fig.end, alignment_mode="expand")
        return span.root if span is not None else None

    def _phrase(self, tok: Any, fig: _Figure | None = None) -> str:
        """A noun phrase without determiners, the figure itself, conjuncts or trailing clauses."""
        keep = [
            t
            for t in tok.subtree
            if t.dep_ not in {"relcl", "acl", "appos", "punct", "cc"} or t.i == tok.i
        ]
        drop: set[int] = set()
        for t in tok.subtree:
            if t.dep_ in {"relcl", "acl", "appos", "conj"} and t.i != tok.i:
                drop |= {s.i for s in t.subtree}
            if t.dep_ == "prep" and t.i != tok.i:
                sub = sorted(t.subtree, key=lambda s: s.i)
                phrase = self.doc[sub[0].i : sub[-1].i + 1].text
                if self.lex.attribution.fullmatch(phrase):
                    drop |= {s.i for s in sub}  # "by his figures" names a source, not a subject
            if fig is not None and fig.start <= t.idx < fig.end:
                drop.add(t.i)
        words = [t for t in keep if t.i not in drop and t.dep_ not in {"det"} and t.tag_ != "PRP$"]
        words = [
            t
            for t in words
            if not t.like_num and t.tag_ != "CD" and t.lower_ not in {"%", "percent", "$"}
        ]
        words = self._mend(sorted(words, key=lambda t: t.i), tok)
        text = " ".join(t.text for t in words)
        text = re.sub(r"\s+(['’]s)\b", r"\1", text).strip(" ,.")
        for wrapper in self.lex.wrappers:
            if text.lower().startswith(wrapper + " "):
                text = text[len(wrapper) + 1 :]
        return text

    def _mend(self, words: list[Any], head: Any) -> list[Any]:
        """Repair what a wrong parse does to a noun phrase: cut it at a finite verb the parser
        hung inside it ("companies with Russian capital operate in …"), and complete a
        preposition left without its object ("companies with" when "capital" was attached
        elsewhere) with the adjectives and nouns that follow it in the text."""
        for n, t in enumerate(words):
            if t.i > head.i and t.tag_ in {"VBP", "VBZ", "VBD", "MD"}:
                words = words[:n]
                break
        if words and words[-1].dep_ == "prep" and words[-1].i > head.i:
            nxt = words[-1].i + 1
            sent_end = words[-1].sent.end
            while nxt < sent_end and self.doc[nxt].pos_ in {"ADJ", "NOUN", "PROPN"}:
                words.append(self.doc[nxt])
                nxt += 1
        return words

    def _subject_of(self, verb: Any) -> Any:
        for v in [verb, *([verb.head] if verb.dep_ in {"conj", "xcomp", "advcl"} else [])]:
            for c in v.children:
                if c.dep_ in {"nsubj", "nsubjpass"}:
                    return c
        if verb.dep_ == "acl":  # "investment exceeding $1.8 billion"
            return verb.head
        return None

    def _measure(self, fig: _Figure) -> tuple[str, str | None, str | None]:
        """``(measure, subject, counted)`` of a figure."""
        root = self._root(fig)
        if root is None:
            return "amount", None, None
        counted = None
        if fig.unit is None and root.dep_ == "nummod":
            counted = root.head
        elif fig.unit is None and root.head.dep_ == "nummod":
            counted = root.head.head
        transparent = {
            *self.lex.record_words,
            "figure",
            "total",
            "sum",
            "level",
            "mark",
            "high",
            "number",
        }
        if (
            counted is not None
            and counted.pos_ in {"NOUN", "PROPN"}
            and counted.lemma_.lower() not in transparent
        ):
            return "count", self._phrase(counted, fig), counted.lemma_.lower()
        # climb to the verb that governs the figure, through "a record $4.1 billion"
        prep = None
        node = root
        while node.dep_ in {"compound", "nmod", "quantmod", "nummod", "amod", "appos"} and (
            node.head.lemma_.lower() in transparent
        ):
            node = node.head
        for _ in range(4):
            if node.dep_ == "pobj" and node.head.dep_ in {"prep", "agent"}:
                prep = node.head.lower_
                node = node.head.head
                continue
            if node.pos_ in {"VERB", "AUX"}:
                break
            if (
                node.dep_ in {"dobj", "attr", "npadvmod", "nsubj", "appos", "oprd", "advmod"}
                or node.head.pos_ == "VERB"
            ):
                node = node.head
                if node.pos_ in {"VERB", "AUX"}:
                    break
                continue
            break
        after = self.text[fig.end : fig.end + 40].lower()
        before = self.text[max(0, fig.start - 6) : fig.start].lower()
        wider = self.text[max(0, fig.start - 20) : fig.start].lower()
        if fig.unit == "percent" and (
            re.match(r"\s*(?:more|higher|up|increase)\b.{0,25}\b(?:than|on|from|year)", after)
            or re.search(r"\bup\s*$", before)
            or re.search(r"\b(?:rise|increase|growth|gain|jump|climb)\s+of\s*$", wider)
        ):
            return "growth", self._resolve_near(root), None
        if fig.unit == "percent" and (
            re.match(r"\s*(?:less|lower|down|decrease)\b.{0,25}\b(?:than|on|from|year)", after)
            or re.search(r"\bdown\s*$", before)
            or re.search(r"\b(?:fall|decrease|decline|drop|contraction)\s+of\s*$", wider)
        ):
            return "decline", self._resolve_near(root), None
        if fig.unit == "percent":
            of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            if of is not None:
                obj = next((c for c in of.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    return "share", self._phrase(obj), None
        if node.pos_ in {"VERB", "AUX"}:
            lemma = node.lemma_.lower()
            if prep == "at" and lemma in self.lex.valuation_verbs:
                valued = next((c for c in node.children if c.dep_ in {"dobj", "obj"}), None)
                if valued is not None:
                    measure = "share" if fig.unit == "percent" else "amount"
                    return measure, self._phrase(valued, fig), None
            subj = self._subject_of(node)
            subject = self._resolve(subj)
            counted_of = self._number_of(subj)
            if fig.unit is None and counted_of is not None:
                return "count", subject, counted_of
            changes = lemma in self.lex.growth_verbs or lemma in self.lex.decline_verbs
            if fig.unit == "percent" and changes and prep in {None, "by"}:
                kind = "growth" if lemma in self.lex.growth_verbs else "decline"
                return kind, subject, None
            if fig.unit == "percent":
                return "share", subject, None
            return "amount", subject, None
        if root.dep_ in {"nsubj", "nsubjpass"}:
            return "amount", None, None
        head = root.head if root.head.pos_ in {"NOUN", "PROPN"} else None
        return (
            ("share" if fig.unit == "percent" else "amount"),
            (self._phrase(head) if head is not None else None),
            None,
        )

    def _resolve_near(self, root: Any) -> str | None:
        """The subject of the verb a growth figure hangs from ("trade had hit …, 13.6% more")."""
        node = root
        for _ in range(6):
            if node.pos_ in {"VERB", "AUX"}:
                return self._resolve(self._subject_of(node))
            if node.head.i == node.i:
                break
            node = node.head
        return self.last_subject

    def _number_of(self, subj: Any) -> str | None:
        """ "the number of Russian companies" → "company": the thing a count counts."""
        if subj is None or subj.lemma_.lower() not in {"number", "total", "count"}:
            return None
        for child in subj.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    lemma = str(obj.lemma_.lower())
                    return self.lex.unit_synonyms.get(lemma, lemma)
        return None

    def _resolve(self, subj: Any) -> str | None:
        if subj is None:
            return None
        if subj.lower_ in {"it", "this", "that", "they"}:
            return self.last_subject
        return self._phrase(subj) or None

    def _period(self, fig: _Figure, sent: Any) -> str | None:
        root = self._root(fig)
        clause: set[int] = set()
        if root is not None:
            top = root
            while (
                top.head.i != top.i
                and top.dep_ not in {"ccomp", "advcl", "relcl"}
                and top.pos_ not in {"VERB", "AUX"}
            ):
                top = top.head
            while top.head.i != top.i and top.dep_ in {"conj", "xcomp"}:
                top = top.head
            clause = {t.i for t in top.subtree}
        best: tuple[int, str] | None = None
        for t in self.timexes:
            if not (sent.start_char <= t.start < sent.end_char) or t.type != "DATE" or not t.value:
                continue
            span = self.doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is None or (clause and not any(tok.i in clause for tok in span)):
                continue
            value = t.value
            if value in {"PRESENT_REF", "PAST_REF", "FUTURE_REF"} or value.startswith("X"):
                continue
            distance = abs(t.start - fig.start)
            if best is None or distance < best[0]:
                best = (distance, value)
        return best[1] if best else None

    # -- who says so -----------------------------------------------------------------------------

    def _quote_speaker(self, start: int, end: int) -> str | None:
        """Who speaks a quotation: the subject of a speech verb in the sentence where it closes
        ("…,” said Putin) or opens (Putin said: “…"), outside the quotation itself."""
        for at in (end - 1, start):
            span = self.doc.char_span(at, at + 1, alignment_mode="expand")
            if span is None:
                continue
            for tok in self.sentences.of(span.start):
                if start <= tok.idx < end or tok.pos_ != "VERB":
                    continue
                if tok.lemma_.lower() not in self.ont.speech_verbs:
                    continue
                for child in tok.children:
                    if child.dep_ in {"nsubj", "nsubjpass"}:
                        person = self._person(child)
                        if person:
                            return person
        return None

    def _speaker(self, sent: Any, fig: _Figure) -> str | None:
        quote = inside(self.quotes, fig.start)
        if quote is not None and self.quote_speakers.get(quote):
            return self.quote_speakers[quote]
        in_quote = quote is not None
        root = self._root(fig)
        for tok in sent:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in self.ont.speech_verbs:
                continue
            if not (
                in_quote
                or (root is not None and root in tok.subtree)
                or self._colon_after(tok, fig)
            ):
                continue
            # "Putin put … and said …": a conjoined speech verb shares its head's subject
            heads = [tok, *([tok.head] if tok.dep_ == "conj" else [])]
            for child in (c for h in heads for c in h.children):
                if child.dep_ in {"nsubj", "nsubjpass"}:
                    person = self._person(child)
                    if person:
                        return person
        for tok in sent:
            if (
                tok.lower_ == "according"
                and tok.i + 1 < len(self.doc)
                and self.doc[tok.i + 1].lower_ == "to"
            ):
                person = self._person(self.doc[tok.i + 1])
                if person:
                    return person
        match = self.lex.attribution.search(sent.text)
        if match and (match.group("pron") or match.group("pron2")):
            person = self._previous_subject(sent)
            if person:
                return person
        para = self.text.count("\n", 0, sent.start_char)
        if self.last_speaker[0] == para:
            return self.last_speaker[1]
        return None

    def _previous_subject(self, sent: Any) -> str | None:
        """The person the sentence before ``sent`` is about: its subject when that is a person,
        else the last person it names ("Japarov offered a higher count. By his figures, …")."""
        spans = self.sentences.spans
        index = next((i for i, s in enumerate(spans) if s.start_char == sent.start_char), 0)
        if index == 0:
            return None
        prev = spans[index - 1]
        for tok in prev:
            if tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.i == prev.root.i:
                person = self._person(tok)
                if person:
                    return person
        people = [
            m.canonical
            for m in self.entities.at(prev.start_char, prev.end_char)
            if m.label == "PERSON" and m.canonical
        ]
        return people[-1] if people else None

    def _colon_after(self, verb: Any, fig: _Figure) -> bool:
        """ "X highlighted record trade: turnover grew …" — the figures after the colon."""
        between = self.text[verb.idx : fig.start]
        return ":" in between

    def _person(self, tok: Any) -> str | None:
        start = min(t.idx for t in tok.subtree)
        end = max(t.idx + len(t.text) for t in tok.subtree)
        for m in self.entities.at(start, end):
            if m.label == "PERSON" and m.canonical:
                return m.canonical
        return None

    # -- categorical claims ------------------------------------------------------------------------

    def _ranks(self, sent: Any) -> list[ClaimValue]:
        """ "ranking second after China", "Kyrgyzstan's leading trade partner": a rank claim."""
        data = lexicon.load("claims.yaml")
        nouns = "|".join(re.escape(str(n)) for n in data["rank_nouns"])
        words = "|".join(
            re.escape(str(w)) for w in sorted(data["rank_words"], key=len, reverse=True)
        )
        domains = {str(k): str(v) for k, v in data.get("rank_domains", {}).items()}
        dom = "|".join(re.escape(d) for d in domains)
        pattern = re.compile(
            rf"\b(?P<rank>{words})\b(?P<domain>(?:\s+(?:{dom}|and))*)"
            rf"\s+(?P<noun>{nouns})s?\b|\branking\s+(?P<rank2>first|second|third|fourth|fifth)"
            rf"(?:\s+after\s+(?P<after>[A-Z]\w+))?",
            re.IGNORECASE,
        )
        # the domain of a bare "ranking second": the partner noun phrase elsewhere in the sentence
        context = re.search(
            rf"\b(?P<domain>(?:(?:{dom})\s+)+)(?P<noun>{nouns})s?\b", sent.text, re.IGNORECASE
        )
        out = []
        text = self.text
        for m in pattern.finditer(text, sent.start_char, sent.end_char):
            before = text[max(sent.start_char, m.start() - 40) : m.start()].lower()
            if re.search(r"\b(?:one of|among)\b[^.,;]*$", before):
                continue  # "one of the largest investors" ranks nothing
            rank_word = (m.group("rank") or m.group("rank2") or "").lower()
            rank = _ORDINALS.get(rank_word, 1 if m.group("rank") else None)
            if rank is None:
                continue
            subj = next(
                (t for t in sent if t.dep_ in {"nsubj", "nsubjpass"} and t.head.i == sent.root.i),
                None,
            )
            named: str | None = None
            if sent.root.lemma_.lower() in self.lex.naming_verbs:
                # "Putin called Russia Kyrgyzstan's leading partner": the one named ranks, the
                # first country or organisation of the object (the parse often fuses the two
                # noun phrases into one)
                obj = next(
                    (t for t in sent.root.children if t.dep_ in {"dobj", "obj", "oprd"}), None
                )
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
            if named is None and (subj is None or subj.pos_ == "PRON"):
                continue
            who = named or self._phrase(subj)
            words_found = (m.group("domain") or "").split() or (
                context.group("domain").split() if context else []
            )
            domain = next((domains[w.lower()] for w in words_found if w.lower() in domains), "")
            noun = (m.group("noun") or (context.group("noun") if context else "partner")).lower()
            noun = f"{domain} {noun}".strip()
            value = f"rank {rank}" + (f" (after {m.group('after')})" if m.group("after") else "")
            out.append(
                ClaimValue(
                    article_id=self.article.id,
                    subject=f"rank of {who} as {noun}",
                    period=None,
                    unit="rank",
                    kind="categorical",
                    value=value,
                    text=m.group(0),
                    quote=sent.text.strip(),
                    start=m.start(),
                    end=m.end(),
                    qualifier="exact",
                    said_by=self._speaker(
                        sent, _Figure(m.start(), m.end(), m.group(0), 0.0, 1.0, None)
                    ),
                    measure="rank",
                    quote_start=sent.start_char,
                    quote_end=sent.start_char + len(sent.text.rstrip()),
                )
            )
        return out

    # -- the pass ----------------------------------------------------------------------------------

    def run(self) -> list[ClaimValue]:
        out: list[ClaimValue] = []
        for sent in self.sentences.spans:
            figures = self._figures(sent)
            speaker_here: str | None = None
            for fig in figures:
                self._qualify(fig)
                measure, subject, counted = self._measure(fig)
                unit = fig.unit or (
                    self.lex.unit_synonyms.get(counted, counted) if counted else None
                )
                if subject:
                    self.last_subject = subject
                said_by = self._speaker(sent, fig)
                speaker_here = speaker_here or said_by
                low, high = (_clean(x) for x in interval(fig.value, fig.step, fig.qualifier))
                record = any(
                    w in self.text[max(0, fig.start - 20) : fig.start].lower()
                    for w in self.lex.record_words
                )
                out.append(
                    ClaimValue(
                        article_id=self.article.id,
                        subject=subject or "",
                        period=self._period(fig, sent),
                        unit=unit,
                        kind="numeric",
                        value=_clean(fig.value) or 0.0,
                        text=fig.text,
                        quote=sent.text.strip(),
                        start=fig.start,
                        end=fig.end,
                        low=low,
                        high=high,
                        qualifier=fig.qualifier,  # type: ignore[arg-type]
                        said_by=said_by,
                        measure=measure,
                        record=record,
                        quote_start=sent.start_char,
                        quote_end=sent.start_char + len(sent.text.rstrip()),
                    )
                )
            out += self._ranks(sent)
            para = self.text.count("\n", 0, sent.start_char)
            if speaker_here:
                self.last_speaker = (para, speaker_here)
            elif self.last_speaker[0] != para:
                self.last_speaker = (-1, None)
        return out


def visit_type_claims(events: Sequence[EventMention], text: str = "") -> list[ClaimValue]:
    """The protocol category of the visit an article reports ("state visit"), from its events.
    The value's span covers the category words too when they stand before the visit word."""
    out = []
    for e in events:
        if e.type == "visit" and e.subtype and not e.background:
            start = e.trigger_start
            words = f"{e.subtype.replace('_', ' ')} "
            if text[max(0, start - len(words)) : start].lower() == words.lower():
                start -= len(words)
            out.append(
                ClaimValue(
                    article_id=e.article_id,
                    subject="protocol category of the visit",
                    period=None,
                    unit="category",
                    kind="categorical",
                    value=f"{e.subtype} visit",
                    text=text[start : e.trigger_end] if text else f"{e.subtype} visit",
                    quote=e.quote,
                    start=start,
                    end=e.trigger_end,
                    qualifier="exact",
                    said_by=e.said_by,
                    measure="category",
                    quote_start=e.start,
                    quote_end=e.end,
                )
            )
            break  # one category per article: the first time it names the visit's type
    return out


def extract_claims(
    doc: Any,
    article: Article,
    entities: ArticleEntities,
    timexes: Sequence[TimeExpression],
    events: Sequence[EventMention] = (),
) -> list[ClaimValue]:
    """The figures and categorical statements of one article as claim values."""
    return _Claims(doc, article, entities, timexes).run() + visit_type_claims(events, article.text)
