"""Who takes part in an event, and who says it: canonical people (never a role description)
and the countries and organisations acting, from the trigger's and its verb's arguments."""

from __future__ import annotations

from typing import Any

from corroborator.analyze.events.view import SUBJECTS, ArticleView, Trigger, governor


def participants_of(view: ArticleView, trig: Trigger) -> tuple[list[str], list[str]]:
    """``(people, actors)`` of a trigger: subjects, objects, "with"/"between" complements,
    possessors and modifiers, and the subject of the verb the trigger hangs from."""
    tok = trig.token
    people: list[str] = []
    actors: list[str] = []
    sources = []
    for child in tok.children:
        if child.dep_ in {"poss", "compound", "amod", "nmod"} or (
            child.dep_ == "prep" and child.lower_ in {"with", "between", "among", "by"}
        ):
            sources.append(child)
        if tok.pos_ == "VERB" and child.dep_ in {*SUBJECTS, "dobj", "obj"}:
            sources.append(child)
    gov = governor(tok)
    if gov.i != tok.i:
        for child in gov.children:
            if child.dep_ in SUBJECTS or (
                child.dep_ == "prep" and child.lower_ in {"with", "between"}
            ):
                sources.append(child)
        # "X will hold talks" / "talks … followed by negotiations": climb xcomp/conj once
        if not any(c.dep_ in SUBJECTS for c in gov.children) and gov.dep_ in {
            "xcomp",
            "conj",
            "advcl",
            "acl",
        }:
            for child in gov.head.children:
                if child.dep_ in SUBJECTS:
                    sources.append(child)
    elif tok.dep_ in {"xcomp", "conj", "advcl"} and not any(
        c.dep_ in SUBJECTS for c in tok.children
    ):
        for child in tok.head.children:
            if child.dep_ in SUBJECTS:
                sources.append(child)
    for src in sources:
        for p in view.people(src):
            if p not in people:
                people.append(p)
        for a in view.actors(src):
            if a not in actors:
                actors.append(a)
    return people, actors


def said_by(view: ArticleView, trig: Trigger, sent: Any) -> str | None:
    """The speaker of a speech verb governing the trigger, or of the quotation it stands in."""
    in_quote = any(s <= trig.token.idx < e for s, e in view.quotes)
    for tok in sent:
        if tok.pos_ == "VERB" and tok.lemma_.lower() in view.ont.speech_verbs:
            if tok.i == trig.token.i:
                continue
            governs = trig.token in tok.subtree or in_quote
            if not governs:
                continue
            for child in tok.children:
                if child.dep_ in SUBJECTS:
                    people = view.people(child)
                    if people:
                        return people[0]
    for tok in sent:
        if tok.lower_ == "according" and tok.nbor().lower_ == "to":
            people = view.people(tok.nbor())
            if people:
                return people[0]
    return None
