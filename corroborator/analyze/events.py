"""Event mentions from the dependency parse: who met whom, where, when — planned or done.

Per sentence, triggers are found from the ontology (data/events.yaml): nouns ("talks",
"welcome ceremony"), verbs ("arrive", "sign"), verb-object pairs ("lay a wreath"). For each:

* **status** — cancelled if a cancelling word governs it; planned if the chain of governing
  verbs carries a modal of the future, a planning verb ("expected", "set to", "is to"), a
  planning adjective ("upcoming", "ready for"), a preposition of things to come ("ahead of",
  "on the eve of"), or if the date lies after the article's date; otherwise reported;
* **participants** — canonical people only (never "the Russian leader"): subjects, objects,
  "with"/"between" complements, possessors; group mentions ("the two presidents") expand;
* **place** — the most specific place in the trigger's or its verb's prepositions;
* **date** — the date expression nearest the trigger in its clause, else inherited from the
  discourse: an anaphoric "the talks" takes its antecedent's date and place, and a sentence
  ruled by a date ("Day two, November 26, brings …", "The first day will …") dates the
  undated events that follow it;
* **said_by** — the speaker of a speech verb or of the quotation the trigger stands in;
* **background** — history the article recalls (dated well before the article, or marked
  "previous", "last", …), kept with its own date so it stays out of the story's timeline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from corroborator.analyze.entities import ArticleEntities
from corroborator.analyze.gazetteer import load_gazetteer
from corroborator.analyze.nlp import Sentences
from corroborator.analyze.ontology import Ontology, load_ontology
from corroborator.analyze.quotes import quote_spans
from corroborator.model import (
    Article,
    DateSource,
    EventMention,
    Status,
    StatusReason,
    TimeExpression,
)

_QUOTES = "\"'“”‘’«»"

# An event dated this many days or more before the article's own date is history the article
# recalls, not part of its story: a state visit and its programme span under a week, and the
# seeds' background (a July meeting, an August call, a 2023 visit) lies months back.
BACKGROUND_DAYS = 14
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_WEEKDAY_ONLY = re.compile(r"^XXXX-WXX-\d$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")
_FUTURE_MODALS = frozenset({"will", "shall", "'ll", "wo", "would"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "agent"})
# Verbs of relative clauses that locate and date the event they follow.
_HAPPENING = frozenset(
    {"take", "hold", "convene", "happen", "occur", "begin", "start", "run", "meet"}
)
_LIGHT_VERBS = frozenset(
    {
        "hold",
        "have",
        "conduct",
        "attend",
        "participate",
        "take",
        "join",
        "begin",
        "start",
        "open",
        "commence",
        "pay",
        "make",
        "host",
        "include",
        "feature",
        "chair",
        "lead",
    }
)


@dataclass
class _Trigger:
    token: Any
    type: str
    tokens: list[Any]
    subtype: str | None = None


def _date_bounds(value: str | None) -> tuple[str, str] | None:
    """First and last ISO day of a TIMEX3 date value at day, month or year granularity."""
    if not value:
        return None
    if _DAY.match(value):
        return value, value
    if _MONTH.match(value):
        y, m = int(value[:4]), int(value[5:7])
        last = [
            31,
            29 if y % 4 == 0 and (y % 100 or y % 400 == 0) else 28,
            31,
            30,
            31,
            30,
            31,
            31,
            30,
            31,
            30,
            31,
        ][m - 1]
        return f"{value}-01", f"{value}-{last:02d}"
    if _YEAR.match(value):
        return f"{value}-01-01", f"{value}-12-31"
    return None


def _timex_dates(t: TimeExpression) -> tuple[str | None, str | None]:
    """The ``(date, date_end)`` an expression gives an event: a day, a month, a year or a range."""
    if t.type not in {"DATE", "TIME"}:
        return None, None
    if t.begin and t.end_value and _date_bounds(t.begin) and _date_bounds(t.end_value):
        return t.begin, t.end_value
    value = t.value
    if value and "T" in value:
        value = value.split("T")[0]
    if value and (_DAY.match(value) or _MONTH.match(value) or _YEAR.match(value)):
        return value, None
    return None, None


def _days_between(a: str, b: str) -> int:
    from datetime import date

    return (date.fromisoformat(b) - date.fromisoformat(a)).days


class _Extractor:
    def __init__(
        self,
        doc: Any,
        article: Article,
        entities: ArticleEntities,
        timexes: Sequence[TimeExpression],
        anchor: str | None,
    ) -> None:
        self.doc = doc
        self.text: str = doc.text  # Doc.text rebuilds the string on every access
        self.article = article
        self.entities = entities
        self.ont: Ontology = load_ontology()
        self.gaz = load_gazetteer()
        bounds = _date_bounds(anchor) if anchor else None
        # an article dated only to a month or year ("2025-11" inferred) is judged by the first
        # day of that period for history and by the last day for what is still to come
        self.anchor = bounds[0] if bounds else None
        self.anchor_end = bounds[1] if bounds else None
        # dated expressions, plus bare weekdays the article cannot date ("on Tuesday" in a text
        # without a date of its own): the story dates those
        self.timexes = [
            t for t in timexes if _timex_dates(t)[0] or _WEEKDAY_ONLY.match(t.value or "")
        ]
        # "the second day" when the article never dates the visit: kept for the story to resolve
        self.day_spans = [t for t in timexes if t.day_of_span and not _timex_dates(t)[0]]
        self.sentences = Sentences(doc)
        self.quotes = quote_spans(doc.text)

    # -- triggers -----------------------------------------------------------------------------

    def _noun_trigger(self, tok: Any) -> _Trigger | None:
        lemma = tok.lemma_.lower()
        if tok.dep_ == "compound" or tok.pos_ not in {"NOUN", "PROPN"}:
            return None
        if (
            tok.dep_ == "pobj"
            and tok.head.lower_ == "for"
            and tok.head.head.lemma_.lower() in self.ont.blocking_heads
        ):
            return None  # "a warrant for his arrest"
        nxt = tok.nbor() if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.pos_ == "NOUN" and tok.tag_ == "NN" and nxt.dep_ != "conj":
            return None  # a modifier of the next noun ("arrest warrant", "summit venue")
        if lemma in self.ont.nouns_of_org and self._has_org(tok):
            return _Trigger(tok, self.ont.nouns_of_org[lemma], [tok])
        options = self.ont.nouns.get(lemma, [])
        mods = [c for c in tok.children if c.dep_ in {"compound", "amod", "nmod"} and c.i < tok.i]
        mod_lemmas = [c.lemma_.lower() for c in mods]
        # hyphenated compounds ("wreath-laying") arrive as several tokens before the head
        left = [t.lemma_.lower() for t in tok.doc[max(tok.i - 3, 0) : tok.i] if t.text != "-"]
        for required, type_name in options:
            if not required or all(r in mod_lemmas or r in left for r in required):
                spec = self.ont.types[type_name]
                if lemma in spec.plural_only and tok.tag_ != "NNS":
                    continue
                if type_name == "visit" and tok.dep_ == "pobj" and tok.head.lower_ == "of":
                    return None  # "the core of the visit", "the second day of the visit": a frame
                return _Trigger(
                    tok, type_name, [*[c for c in mods if c.lemma_.lower() in required], tok]
                )
        return None

    def _has_org(self, tok: Any) -> bool:
        """The noun names a body's gathering: "meeting of the CSTO …", "the CSTO's … session"."""
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for t in child.subtree:
                    if self._label_at(t) == "ORG":
                        return True
            if child.dep_ in {"compound", "poss"} and any(
                self._label_at(t) == "ORG" for t in child.subtree
            ):
                return True
        return False

    def _label_at(self, tok: Any) -> str | None:
        for m in self.entities.at(tok.idx, tok.idx + len(tok.text)):
            return m.label
        return None

    def _verb_trigger(self, tok: Any) -> _Trigger | None:
        if tok.pos_ != "VERB":
            return None
        lemma = tok.lemma_.lower()
        objects = [c for c in tok.children if c.dep_ in {"dobj", "obj"}]
        for obj in objects:
            pair = (lemma, obj.lemma_.lower())
            if pair in self.ont.verb_objects:
                return _Trigger(tok, self.ont.verb_objects[pair], [tok, obj])
        if lemma in self.ont.place_kind_verbs:
            kind, type_name = self.ont.place_kind_verbs[lemma]
            place = self._place(tok)
            if place and self.gaz.places.get(place) and self.gaz.places[place].place_kind == kind:
                return _Trigger(tok, type_name, [tok])
        verb_type = self.ont.verbs.get(lemma)
        if verb_type is None:
            return None
        spec = self.ont.types[verb_type]
        if any(o.lemma_.lower() in spec.exclude_objects for o in objects):
            return None
        if spec.arg_lemmas:
            args = [c for c in tok.children if c.dep_ in {"dobj", "nsubj", "nsubjpass"}]
            if tok.dep_ in {"xcomp", "conj"}:
                args += [c for c in tok.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if not any(a.lemma_.lower() in spec.arg_lemmas for a in args):
                return None
        if spec.needs_counterpart and not self._has_counterpart(tok):
            return None
        return _Trigger(tok, verb_type, [tok])

    def _has_counterpart(self, tok: Any) -> bool:
        for child in tok.children:
            if child.dep_ in {"dobj", "obj"} and self._people_or_actors(child):
                return True
            if (
                child.dep_ == "prep"
                and child.lower_ in {"with", "between"}
                and self._people_or_actors(child)
            ):
                return True
            if child.dep_ in _SUBJECTS and (
                len(self._people(child)) >= 2 or any(c.dep_ == "conj" for c in child.children)
            ):
                return True
        return False

    def _people_or_actors(self, tok: Any) -> bool:
        """The phrase headed by ``tok`` names people, a country or an organisation."""
        head = tok
        if tok.dep_ == "prep":
            objects = [c for c in tok.children if c.dep_ == "pobj"]
            if not objects:
                return False
            head = objects[0]
        names = {"PERSON", "ORG", "GPE", "NORP"}
        return any(m.label in names for m in self.entities.at(head.idx, head.idx + len(head.text)))

    # -- arguments ----------------------------------------------------------------------------

    def _mentions_in(self, tok: Any) -> list[Any]:
        start = min(t.idx for t in tok.subtree)
        end = max(t.idx + len(t.text) for t in tok.subtree)
        return self.entities.at(start, end)

    def _people(self, tok: Any) -> list[str]:
        out: list[str] = []
        for m in self._mentions_in(tok):
            if m.label != "PERSON":
                continue
            for name in m.members or ((m.canonical,) if m.canonical else ()):
                if name and name not in out:
                    out.append(name)
        return out

    def _actors(self, tok: Any) -> list[str]:
        """Countries and organisations among an argument's entities, the way event data codes
        actors: a nationality adjective is its country ("Russian-Kyrgyz" is Russia and
        Kyrgyzstan), a city or a venue is a place rather than an actor, and a nationality the
        gazetteer does not know is left out rather than guessed."""
        out: list[str] = []
        for m in self._mentions_in(tok):
            if m.label not in {"ORG", "GPE", "NORP"} or not m.canonical:
                continue
            names = [m.canonical.strip(_QUOTES + " ")]
            if m.label == "NORP":
                codes = [self.gaz.countries.get(w) for w in re.split(r"[-–/ ]+", names[0])]
                names = [self.gaz.country_names[c] for c in codes if c in self.gaz.country_names]
            elif m.label == "GPE":
                entry = self.gaz.places.get(names[0])
                if entry is not None and entry.place_kind not in {None, "country"}:
                    continue
            for name in names:
                if name and name not in out:
                    out.append(name)
        return out

    def _governor(self, tok: Any) -> Any:
        """The verb that governs a trigger (itself for a verb)."""
        current = tok
        for _ in range(8):
            if current.pos_ in {"VERB", "AUX"} and current.i != tok.i:
                return current
            if current.pos_ == "VERB":
                return current
            if current.head.i == current.i:
                return current
            current = current.head
        return current

    def _participants(self, trig: _Trigger) -> tuple[list[str], list[str]]:
        tok = trig.token
        people: list[str] = []
        actors: list[str] = []
        sources = []
        for child in tok.children:
            if child.dep_ in {"poss", "compound", "amod", "nmod"} or (
                child.dep_ == "prep" and child.lower_ in {"with", "between", "among", "by"}
            ):
                sources.append(child)
            if tok.pos_ == "VERB" and child.dep_ in {*_SUBJECTS, "dobj", "obj"}:
                sources.append(child)
        gov = self._governor(tok)
        if gov.i != tok.i:
            for child in gov.children:
                if child.dep_ in _SUBJECTS or (
                    child.dep_ == "prep" and child.lower_ in {"with", "between"}
                ):
                    sources.append(child)
            # "X will hold talks" / "talks … followed by negotiations": climb xcomp/conj once
            if not any(c.dep_ in _SUBJECTS for c in gov.children) and gov.dep_ in {
                "xcomp",
                "conj",
                "advcl",
                "acl",
            }:
                for child in gov.head.children:
                    if child.dep_ in _SUBJECTS:
                        sources.append(child)
        elif tok.dep_ in {"xcomp", "conj", "advcl"} and not any(
            c.dep_ in _SUBJECTS for c in tok.children
        ):
            for child in tok.head.children:
                if child.dep_ in _SUBJECTS:
                    sources.append(child)
        for src in sources:
            for p in self._people(src):
                if p not in people:
                    people.append(p)
            for a in self._actors(src):
                if a not in actors:
                    actors.append(a)
        return people, actors

    def _place(self, tok: Any, extra: list[Any] | None = None) -> str | None:
        """The most specific place in the prepositions of the trigger and its governing verb."""
        holders = [tok, *(extra or [])]
        gov = self._governor(tok)
        if gov.i != tok.i:
            holders.append(gov)
        if tok.dep_ == "acl":  # "an event in Kant commemorating …"
            holders.append(tok.head)
        # "exercises scheduled for … in Kyrgyzstan", "the summit, which will take place in Bishkek"
        holders += [c for c in tok.children if c.dep_ in {"acl", "relcl"}]
        found: list[str] = []
        for holder in holders:
            for child in holder.children:
                if child.dep_ == "prep" and child.lower_ in {
                    "at",
                    "in",
                    "on",
                    "to",
                    "near",
                    "inside",
                }:
                    for m in self._mentions_in(child):
                        if m.label in {"FAC", "GPE", "LOC"} and m.canonical:
                            found.append(m.canonical)
                if child.dep_ in {"npadvmod", "pobj"}:
                    for m in self._mentions_in(child):
                        if m.label == "FAC" and m.canonical:
                            found.append(m.canonical)
        if not found and tok.dep_ in {"advcl", "xcomp"}:
            # "planned to attend a formal event in Kant …, commemorating …": the place of the
            # clause the trigger hangs from
            for t in tok.head.subtree:
                if t.dep_ == "prep" and t.lower_ in {"at", "in"} and tok not in t.subtree:
                    found += [
                        m.canonical
                        for m in self._mentions_in(t)
                        if m.label in {"FAC", "GPE", "LOC"} and m.canonical
                    ]
        return self._most_specific(found)

    def _most_specific(self, places: list[str]) -> str | None:
        best = None
        for p in places:
            if best is None or (self.gaz.within(p, best) and p != best):
                best = p
        return best

    # -- time and status ----------------------------------------------------------------------

    def _clause_tokens(self, tok: Any) -> set[int]:
        gov = self._governor(tok)
        ids = {t.i for t in gov.subtree}
        # leave out subordinate clauses that carry their own verb (other events' dates)
        for t in gov.subtree:
            if (
                t.i != gov.i
                and t.pos_ == "VERB"
                and t.dep_ in {"ccomp", "advcl"}
                and tok not in t.subtree
                and t.head.i != tok.i
            ):
                ids -= {s.i for s in t.subtree}
        return ids

    def _happening_clauses(self, trig: _Trigger, sent: Any, others: list[_Trigger]) -> list[Any]:
        """Relative clauses of happening ("…, which will take place in Bishkek on November 27")
        that belong to this trigger: the nearest event named before them. The parser often
        hangs them on the last noun instead."""
        out = []
        for tok in sent:
            if tok.dep_ != "relcl" or tok.lemma_.lower() not in _HAPPENING:
                continue
            before = [o for o in others if o.token.i < tok.i]
            if before and max(before, key=lambda o: o.token.i) is trig:
                out.append(tok)
        return out

    def _date(
        self, trig: _Trigger, sent: Any, others: list[_Trigger]
    ) -> tuple[str | None, str | None, str | None]:
        clause = self._clause_tokens(trig.token)
        for rel in self._happening_clauses(trig, sent, others):
            clause |= {t.i for t in rel.subtree}
        # dates inside another trigger's own phrase belong to that event ("previous visits …
        # in 2000" does not date "this will mark his third visit")
        for other in others:
            if (
                other is not trig
                and other.token.pos_ != "VERB"
                and trig.token not in other.token.subtree
            ):
                clause -= {t.i for t in other.token.subtree}
        best: tuple[tuple[int, int], TimeExpression] | None = None
        for t in self.timexes:
            if not (sent.start_char <= t.start < sent.end_char):
                continue
            toks = [
                tk.i for tk in self.doc.char_span(t.start, t.end, alignment_mode="expand") or []
            ]
            if not toks or not any(i in clause for i in toks):
                continue
            date, date_end = _timex_dates(t)
            # prefer days over months over years ("exercises titled … 2023, scheduled for
            # October 9-13"), then the nearest
            granularity = (
                0
                if date and _DAY.match(date)
                else 1
                if date and _MONTH.match(date)
                else 2
                if date
                else 3
            )
            rank = (granularity, min(abs(i - trig.token.i) for i in toks))
            if best is None or rank < best[0]:
                best = (rank, t)
        if best is None:
            return None, None, None
        date, date_end = _timex_dates(best[1])
        return date, date_end, best[1].text

    def _chain(self, tok: Any) -> list[Any]:
        """The trigger and the words above it up to the first finite verb of its clause; a
        participle or infinitive ("featuring", "to sign") takes its tense from above."""
        chain = [tok]
        current = tok
        for _ in range(10):
            if current.head.i == current.i:
                break
            if current.dep_ in {"ccomp", "parataxis"} and current.i != tok.i:
                break
            current = current.head
            chain.append(current)
            finite = current.tag_ in {"VBD", "VBZ", "VBP", "MD"} or any(
                c.dep_ in {"aux", "auxpass"} for c in current.children
            )
            if current.pos_ in {"VERB", "AUX"} and finite:
                break
        return chain

    def _status(self, trig: _Trigger, date: str | None) -> tuple[Status, StatusReason]:
        tok = trig.token
        chain = self._chain(tok)
        words: list[Any] = []
        for t in chain:
            words.append(t)
            words.extend(
                c
                for c in t.children
                if c.dep_ in {"aux", "auxpass", "neg", "amod", "advmod", "acomp"}
            )
        lemmas = {w.lemma_.lower() for w in words}
        texts = {w.lower_ for w in words}
        if lemmas & self.ont.cancelled_verbs or lemmas & self.ont.cancelled_adjectives:
            return "cancelled", "cancel word"
        verbs = [t for t in chain if t.pos_ in {"VERB", "AUX"}]
        negated = any(c.dep_ == "neg" for v in verbs for c in v.children)
        if texts & _FUTURE_MODALS:
            return "planned", "future modal"
        if lemmas & self.ont.planned_verbs - {"set", "agree", "invite"} or "set to" in _joined(
            words
        ):
            return "planned", "planning verb"
        if lemmas & self.ont.planned_adjectives:
            return "planned", "planning word"
        for v in verbs:
            if any(
                c.dep_ in _SUBJECTS and c.lemma_.lower() in self.ont.programme_nouns
                for c in v.children
            ):
                return "planned", "part of a programme"
        for head in chain[1:3]:
            phrase = tuple(x.lower_ for x in head.doc[max(head.i - 2, 0) : head.i + 1])
            if any(phrase[-len(p) :] == p for p in self.ont.planned_preps):
                return "planned", "preposition of things to come"
        if any(t.lower_ == "to" and t.dep_ == "aux" for v in verbs for t in v.children) and not any(
            v.tag_ in {"VBD", "VBZ", "VBP"} for v in verbs
        ):
            return "planned", "infinitive (headline style)"
        # "is to hold", "are to sign"
        if any(v.lemma_ == "be" and v.tag_ in {"VBZ", "VBP"} for v in verbs) and any(
            c.lower_ == "to" for v in verbs for c in v.children
        ):
            return "planned", "be + to"
        past = any(v.tag_ in {"VBD", "VBN"} for v in verbs)
        if negated and past:
            return "cancelled", "negated past"
        if (
            date
            and self.anchor_end
            and date > self.anchor_end
            and not any(v.tag_ == "VBD" for v in verbs)
        ):
            return "planned", "date after the article"
        if past:
            return "reported", "past tense"
        if date and self.anchor_end and date <= self.anchor_end:
            return "reported", "date not after the article"
        if not verbs or all(v.tag_ in {"VBZ", "VBP"} for v in verbs):
            return (
                ("planned", "present tense, article a preview")
                if self._preview()
                else ("reported", "present tense")
            )
        return "reported", "default"

    def _preview(self) -> bool:
        """True when most finite verbs of the article are future modals (a programme preview)."""
        if not hasattr(self, "_is_preview"):
            modals = sum(1 for t in self.doc if t.lower_ in {"will", "shall"})
            past = sum(1 for t in self.doc if t.tag_ == "VBD")
            # A preview states its programme in the future; 2:1 over past forms separates the
            # seeds' previews (000, 001) from their reports (003, 004).
            self._is_preview = modals >= 2 * max(past, 1)
        return self._is_preview

    def _said_by(self, trig: _Trigger, sent: Any) -> str | None:
        in_quote = any(s <= trig.token.idx < e for s, e in self.quotes)
        for tok in sent:
            if tok.pos_ == "VERB" and tok.lemma_.lower() in self.ont.speech_verbs:
                if tok.i == trig.token.i:
                    continue
                governs = trig.token in tok.subtree or in_quote
                if not governs:
                    continue
                for child in tok.children:
                    if child.dep_ in _SUBJECTS:
                        people = self._people(child)
                        if people:
                            return people[0]
        for tok in sent:
            if tok.lower_ == "according" and tok.nbor().lower_ == "to":
                people = self._people(tok.nbor())
                if people:
                    return people[0]
        return None

    def _subtype(self, trig: _Trigger, sent: Any) -> str | None:
        spec = self.ont.types[trig.type]
        if not spec.subtypes:
            return None
        tok = trig.token
        left = tok.doc[max(tok.left_edge.i, tok.i - 6)].idx
        right = (
            max(t.idx + len(t.text) for t in tok.subtree)
            if tok.pos_ != "VERB"
            else tok.idx + len(tok.text)
        )
        window = self.text[left:right].lower()
        found = [
            name
            for name, cues in spec.subtypes.items()
            if any(re.search(rf"(?<![\w-]){re.escape(c)}(?![\w-])", window) for c in cues)
        ]
        # "talks in both restricted and expanded formats" names no one subtype
        return found[0] if len(found) == 1 else None

    def _generic(self, trig: _Trigger) -> bool:
        """A statement about such events in general, not about one ("Such visits are rare")."""
        tok = trig.token
        if tok.pos_ == "VERB":
            return False
        dets = {c.lower_ for c in tok.children if c.dep_ in {"det", "predet"}}
        if dets & {"such", "any", "every", "each", "no", "these", "those"}:
            return True
        gov = self._governor(tok)
        present = gov.tag_ in {"VBZ", "VBP"} and not any(
            c.lower_ in _FUTURE_MODALS for c in gov.children
        )
        if dets & {"a", "an"} and present and tok.dep_ in _SUBJECTS:
            return True
        mods = {c.lower_ for c in tok.children if c.dep_ in {"amod", "det", "advmod"}}
        if tok.tag_ == "NNS" and mods & self.ont.vague_modifiers:
            return True
        plural_bare = (
            tok.tag_ == "NNS"
            and not dets
            and not any(c.dep_ in {"poss", "nummod"} for c in tok.children)
        )
        return plural_bare and not self.ont.types[trig.type].plural_ok

    def _generic_sentence(self, sent: Any) -> bool:
        """A statement about events in general: a generic subject ("A state visit …", "Such
        visits …", bare plurals) with a present-tense main verb and no date."""
        root = sent.root
        present_aux = any(
            c.dep_ in {"aux", "auxpass"} and c.tag_ in {"VBZ", "VBP"} for c in root.children
        )
        if root.tag_ not in {"VBZ", "VBP"} and not present_aux:
            return False
        if any(c.lower_ in _FUTURE_MODALS for c in root.children):
            return False
        if any(sent.start_char <= t.start < sent.end_char for t in self.timexes):
            return False
        for subj in (c for c in root.children if c.dep_ in _SUBJECTS):
            dets = {c.lower_ for c in subj.children if c.dep_ in {"det", "predet", "amod"}}
            if dets & {"a", "an", "such", "any", "every", "each"}:
                return True
            if subj.tag_ == "NNS" and not dets and not any(c.dep_ == "poss" for c in subj.children):
                return True
        return False

    def _background(self, trig: _Trigger, date: str | None, date_end: str | None) -> bool:
        cues = {c.lower_ for c in trig.token.children if c.dep_ in {"amod", "advmod", "det"}}
        if cues & self.ont.background_cues and trig.type != "talks":
            return True
        if any(t.lower_ == "ago" for t in self.sentences.of(trig.token.i)):
            return True
        end = date_end or date
        bounds = _date_bounds(end) if end else None
        return bool(
            bounds and self.anchor and _days_between(bounds[1], self.anchor) >= BACKGROUND_DAYS
        )

    # -- the pass over the article -------------------------------------------------------------

    def run(self) -> list[EventMention]:
        out: list[EventMention] = []
        ruling: tuple[str | None, str | None] = (None, None)
        ruling_day: int | None = None
        last_by_family: dict[str, EventMention] = {}
        for sent in self.sentences.spans:
            if self._heading(sent):
                ruling, ruling_day = (None, None), None  # a new section: the day no longer holds
                continue
            own = self._ruling_date(sent)
            own_day = self._ruling_day_of_span(sent)
            if own[0]:
                ruling = own
                ruling_day = None
            elif own_day:
                ruling, ruling_day = (None, None), own_day
            if self._generic_sentence(sent):
                continue
            triggers: list[_Trigger] = []
            seen: set[int] = set()
            for tok in sent:
                if tok.i in seen:
                    continue
                trig = self._verb_trigger(tok) or self._noun_trigger(tok)
                if trig is None or self._generic(trig):
                    continue
                seen.update(t.i for t in trig.tokens)
                triggers.append(trig)
            context = _Context(
                ruling=ruling,
                last_by_family=last_by_family,
                previous=out[-1] if out else None,
                sequenced=self._sequenced(sent) and not own[0],
                day_of_span=ruling_day,
            )
            found: list[EventMention] = []
            for trig in triggers:
                # the event a trigger follows is the one just before it, in this sentence if any
                context.previous = found[-1] if found else (out[-1] if out else None)
                found.append(self._mention(trig, sent, triggers, context))
            context.previous = out[-1] if out else None
            found = _share_places(_merge_same_type(found))
            if context.sequenced and context.previous and context.previous.place:
                found = [
                    replace(
                        m,
                        place=context.previous.place,
                        evidence=(*m.evidence, "place from the event it follows"),
                    )
                    if m.place is None and not m.background
                    else m
                    for m in found
                ]
            for m in found:
                out.append(m)
                if not m.background:
                    last_by_family[_family(m.type)] = m
        return _inherit_places(_fill_frame(out, self._frame_date(out)), self.gaz)

    def _frame_date(self, so_far: list[EventMention]) -> str | None:
        """The day of the article's own one-day visit, if it names one: its undated events
        happen that day. A visit given a span, or dates that disagree, give no such default."""
        days = set()
        for m in so_far:
            if m.type != "visit" or m.background:
                continue
            if m.date_end:
                return None
            if m.date and m.date_source == "expression" and _DAY.match(m.date):
                days.add(m.date)
        return days.pop() if len(days) == 1 else None

    def _heading(self, sent: Any) -> bool:
        """A section heading line ("Bilateral Relations"): short, on its own line, no stop."""
        line = sent.text.strip()
        return (
            0 < len(line.split()) <= 4
            and not re.search(r"[.!?:;,”\"]$", line)
            and line[:1].isupper()
            and (
                sent.end_char >= len(self.text)
                or "\n" in self.text[sent.end_char - 1 : sent.end_char + 1]
            )
            and not any(sent.start_char <= t.start < sent.end_char for t in self.timexes)
        )

    def _sequenced(self, sent: Any) -> bool:
        """The sentence chains its events to the previous ones ("This will be followed by …")."""
        first = sent[0].lower_ if len(sent) else ""
        return first in {"this", "then", "afterwards", "it"} or any(
            t.lemma_.lower() in self.ont.sequence_cues or t.lower_ in self.ont.sequence_cues
            for t in sent
        )

    def _ruling_day_of_span(self, sent: Any) -> int | None:
        """ "The second day (of the visit) will …" as the sentence's subject, undated."""
        for t in self.day_spans:
            if sent.start_char <= t.start < sent.end_char:
                span = self.doc.char_span(t.start, t.end, alignment_mode="expand")
                if span is not None and (
                    span.root.dep_ in _SUBJECTS or t.start - sent.start_char <= 3
                ):
                    return t.day_of_span or None
        return None

    def _ruling_date(self, sent: Any) -> tuple[str | None, str | None]:
        """A date that rules the sentence: its subject ("November 26 will …", "The first day …")
        or an opening adverbial ("On November 27, Putin will …"). A date line is not one."""
        if not any(t.pos_ in {"VERB", "AUX"} for t in sent):
            return None, None
        for t in self.timexes:
            if not (sent.start_char <= t.start < sent.end_char):
                continue
            span = self.doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            # a sentence-initial adverbial clause sets the time of the sentence ("Speaking at a
            # meeting … on Wednesday, Putin said …")
            opener = next(
                (
                    a
                    for a in root.ancestors
                    if a.head.i == sent.root.i and a.dep_ in {"advcl", "prep"}
                ),
                None,
            )
            first = next((tk.i for tk in sent if not tk.is_space and not tk.is_punct), sent.start)
            fronted = opener is not None and opener.left_edge.i <= first and opener.i < sent.root.i
            if root.dep_ in _SUBJECTS or (t.start - sent.start_char <= 3) or fronted:
                date, date_end = _timex_dates(t)
                bounds = _date_bounds(date) if date else None
                if (
                    bounds
                    and self.anchor
                    and _days_between(bounds[1], self.anchor) >= BACKGROUND_DAYS
                ):
                    continue  # a date of the past rules only its own sentence
                return date, date_end
        return None, None

    def _mention(
        self, trig: _Trigger, sent: Any, others: list[_Trigger], ctx: _Context
    ) -> EventMention:
        evidence: list[str] = []
        source: DateSource | None = None
        date, date_end, date_text = self._date(trig, sent, others)
        place = self._place(trig.token, self._happening_clauses(trig, sent, others))
        if date:
            source = "expression"
            evidence.append(f"date from {date_text!r}")
        elif date_text:
            source = "weekday_for_story"
            evidence.append(f"weekday {date_text!r}, to be dated by the story")
        anaphor = ctx.last_by_family.get(_family(trig.type))
        definite = any(
            c.lower_ in {"the", "this", "these", "their"}
            for c in trig.token.children
            if c.dep_ in {"det", "poss"}
        )
        # history ("previous visits", "signed a quarter-century ago") takes no date from context,
        # nor does an event still to come after the one in context ("ahead of the summit")
        cued = bool(date_text) or (
            self._background(trig, None, None)
            or self._status(trig, None)[1] == "preposition of things to come"
        )
        if date is None and anaphor is not None and definite and not cued:
            date, date_end = anaphor.date, anaphor.date_end
            place = place or anaphor.place
            source = "earlier_mention" if date else None
            evidence.append("date and place from the earlier mention of the same event")
        previous = ctx.previous if ctx.sequenced else None
        if date is None and not cued and previous and not previous.background and previous.date:
            date, date_end = previous.date, previous.date_end
            source = "previous_event"
            evidence.append("date from the event it follows")
        if date is None and ctx.ruling[0] and not cued:
            date, date_end = ctx.ruling
            source = "ruling_sentence"
            evidence.append("date from the sentence ruling the passage")
        day_of_span = ctx.day_of_span if date is None and not cued else None
        if day_of_span:
            source = "day_of_span"
            evidence.append(f"day {day_of_span} of the visit, to be dated by the story")
        status, why = self._status(trig, date)
        evidence.append(f"status: {why}")
        people, actors = self._participants(trig)
        text = self.text
        start, end = sent.start_char, sent.end_char
        while end > start and text[end - 1].isspace():
            end -= 1
        first, last = min(t.idx for t in trig.tokens), max(t.idx + len(t.text) for t in trig.tokens)
        return EventMention(
            article_id=self.article.id,
            start=start,
            end=end,
            quote=text[start:end],
            type=trig.type,
            subtype=self._subtype(trig, sent),
            status=status,
            date=date,
            date_end=date_end if date_end != date else None,
            place=place,
            participants=tuple(people),
            said_by=self._said_by(trig, sent),
            trigger=text[first:last],
            trigger_start=first,
            trigger_end=last,
            actors=tuple(actors),
            background=self._background(trig, date, date_end),
            evidence=tuple(evidence),
            day_of_span=day_of_span,
            date_text=date_text,
            date_source=source,
            status_reason=why,
        )


@dataclass
class _Context:
    ruling: tuple[str | None, str | None]
    last_by_family: dict[str, EventMention]
    previous: EventMention | None
    sequenced: bool
    day_of_span: int | None = None


# Types that may name the same happening, for anaphora ("held talks … The meeting took place").
_FAMILIES = {"meeting": "talks"}


def _family(type_name: str) -> str:
    return _FAMILIES.get(type_name, type_name)


def _fill_frame(mentions: list[EventMention], frame: str | None) -> list[EventMention]:
    """Undated events of an article about a one-day visit happen on that day."""
    if frame is None:
        return mentions
    return [
        replace(
            m,
            date=frame,
            date_source="one_day_visit",
            evidence=(*m.evidence, "the day of the one-day visit the article reports"),
        )
        if m.date is None and not m.background and not m.day_of_span
        else m
        for m in mentions
    ]


def _share_places(mentions: list[EventMention]) -> list[EventMention]:
    """Events of one sentence without a place take the place of a sibling that has one."""
    place = next((m.place for m in mentions if m.place and not m.background), None)
    if place is None:
        return mentions
    return [
        replace(m, place=place, evidence=(*m.evidence, "place from the same sentence"))
        # not to an event still to come ("the meeting … on the eve of the summit")
        if m.place is None
        and not m.background
        and m.status_reason != "preposition of things to come"
        else m
        for m in mentions
    ]


def _joined(tokens: list[Any]) -> str:
    return " ".join(t.lower_ for t in sorted(tokens, key=lambda t: t.i))


def _merge_same_type(mentions: list[EventMention]) -> list[EventMention]:
    """One mention per event type per sentence ("adopting a statement and signing documents")."""
    merged: dict[str, EventMention] = {}
    order: list[str] = []
    for m in mentions:
        if m.type not in merged:
            merged[m.type] = m
            order.append(m.type)
            continue
        first = merged[m.type]
        # the date's provenance comes with the date, from whichever mention gives it
        dated = m if m.date and not first.date else first
        merged[m.type] = replace(
            first,
            date=first.date or m.date,
            date_text=dated.date_text,
            date_source=dated.date_source,
            date_end=first.date_end or m.date_end,
            place=first.place or m.place,
            participants=tuple(dict.fromkeys(first.participants + m.participants)),
            actors=tuple(dict.fromkeys(first.actors + m.actors)),
            subtype=first.subtype or m.subtype,
        )
    return [merged[t] for t in order]


def _inherit_places(mentions: list[EventMention], gaz: Any) -> list[EventMention]:
    """Fill missing places with the city of the last place the story's events were at."""
    out: list[EventMention] = []
    last_place: str | None = None
    for m in mentions:
        if m.place is None and not m.background and last_place:
            city = gaz.city_of(last_place) or last_place
            m = replace(
                m, place=city, evidence=(*m.evidence, "place: city of the last place named")
            )
        if m.place and not m.background:
            last_place = m.place
        out.append(m)
    return out


def extract_events(
    doc: Any,
    article: Article,
    entities: ArticleEntities,
    timexes: Sequence[TimeExpression],
    anchor: str | None,
) -> list[EventMention]:
    """Event mentions of one article. ``anchor`` is the article's date (published or inferred)."""
    return _Extractor(doc, article, entities, timexes, anchor).run()
