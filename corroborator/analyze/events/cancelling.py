"""Events called off though no cancelling verb governs them, in English and Russian: named by
a noun of calling off ("the cancellation of the summit", «отмена саммита»), replaced by another
("instead of a trip to the coast", «вместо поездки»), or a format negated since a date ("the
annual summit has not been held since 2021", «саммиты не проводятся с 2021 года»). The words
are data (``status`` of data/events.yaml and data/events_ru.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from corroborator import lexicon


@dataclass(frozen=True)
class CancelWords:
    """One language's words of calling off beyond its cancelling verbs."""

    nouns: frozenset[str]  # "cancellation", «отмена»: their complement is called off
    replaced: tuple[tuple[str, ...], ...]  # "instead of", «вместо»
    format_cues: frozenset[str]  # "annual", «ежегодный»: a format held again and again


def _norm(word: object) -> str:
    return str(word).lower().replace("ё", "е")


@cache
def cancel_words(language: str) -> CancelWords:
    """The words of ``language`` ("en" or "ru"), merged with the user's data files."""
    name = "events_ru.yaml" if language == "ru" else "events.yaml"
    status = lexicon.load(name).get("status") or {}
    return CancelWords(
        nouns=frozenset(_norm(w) for w in status.get("cancelled_nouns") or []),
        replaced=tuple(tuple(_norm(p).split()) for p in status.get("replaced_preps") or []),
        format_cues=frozenset(_norm(w) for w in status.get("format_cues") or []),
    )


def _lemma(tok: Any) -> str:
    return _norm(tok.lemma_)


def called_off_en(tok: Any) -> bool:
    """The event is what a noun of calling off names: its "of"-complement ("the cancellation
    of the summit"), possessor ("the summit's postponement") or compound ("the visit
    cancellation")."""
    nouns = cancel_words("en").nouns
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.dep_ == "prep":
        return _lemma(tok.head.head) in nouns
    return tok.dep_ in {"poss", "compound"} and _lemma(tok.head) in nouns


def replaced_en(tok: Any) -> bool:
    """The event is the one another replaces: its phrase, or that of the gerund it is the
    object of ("instead of holding talks"), comes right after "instead of" or "in place of"
    (read off the words, as the parser hangs "instead of" on either side)."""
    if tok.dep_ in {"dobj", "obj"} and tok.head.tag_ == "VBG":
        tok = tok.head
    first = tok.left_edge.i
    doc = tok.doc
    for phrase in cancel_words("en").replaced:
        start = first - len(phrase)
        if start >= 0 and tuple(t.lower_ for t in doc[start:first]) == phrase:
            return True
    return False


def is_format_en(tok: Any, plural_by_nature: bool) -> bool:
    """The noun names a format held again and again: with a word of recurrence ("the annual
    summit") or in the plural of a noun that is not plural by nature ("summits have not been
    held since 2021"; not "talks")."""
    if tok.pos_ not in {"NOUN", "PROPN"}:
        return False
    mods = {_lemma(c) for c in tok.children if c.dep_ in {"amod", "compound", "advmod"}}
    if mods & cancel_words("en").format_cues:
        return True
    return tok.tag_ == "NNS" and not plural_by_nature


def called_off_ru(tok: Any) -> bool:
    """The event is the genitive of a noun of calling off («отмена саммита», «перенос
    визита», «срыв переговоров»)."""
    if tok.dep_ != "nmod" or any(c.dep_ == "case" for c in tok.children):
        return False
    return _lemma(tok.head) in cancel_words("ru").nouns


def replaced_ru(tok: Any) -> bool:
    """The event is the one another replaces («вместо поездки на курорт»)."""
    own = tuple(_lemma(c) for c in tok.children if c.dep_ == "case")
    return any(own[-len(p) :] == p for p in cancel_words("ru").replaced if own)


def is_format_ru(tok: Any) -> bool:
    """The noun names a format held again and again: with a word of recurrence («ежегодный
    саммит») or in the plural («саммиты не проводятся»)."""
    if tok.pos_ not in {"NOUN", "PROPN"}:
        return False
    mods = {_lemma(c) for c in tok.children if c.dep_ in {"amod", "advmod"}}
    mods |= {_lemma(c) for c in tok.head.children if c.dep_ == "advmod"}
    if mods & cancel_words("ru").format_cues:
        return True
    return "Plur" in tok.morph.get("Number")


def since_date_ru(verbs: list[Any]) -> bool:
    """A verb of the clause is counted from a date with «с» and the genitive («с 2021 года»,
    «с июля 2000 года», «с тех пор»)."""
    for v in verbs:
        for c in v.children:
            if c.dep_ != "obl" or "Gen" not in c.morph.get("Case"):
                continue
            if not any(_lemma(k) == "с" for k in c.children if k.dep_ == "case"):
                continue
            if any(t.like_num or _lemma(t) in {"год", "пора"} for t in c.subtree):
                return True
    return False
