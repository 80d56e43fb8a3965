"""Reported speech that is an event of its own, not only attribution.

"Putin said" attributes what follows; it is a statement event when the words were spoken on
an occasion the text names: after talks ("the president said after the talks in the capital",
the leaders' statements to the press), in a statement, an interview or an address ("said in a
statement"). An official body or its spokesman telling what will happen ("the premier will
travel to the coast next week, her office said on Friday", "the tariffs will be lifted,
according to the trade ministry") makes an announcement. Speakers must be named (a person,
body or country): "experts said" is no event."""

from __future__ import annotations

from typing import Any

from corroborator.analyze.events.arguments import has_named_speaker, official_voice, speakers
from corroborator.analyze.events.view import FUTURE_MODALS, ArticleView, Trigger

# prepositions that put words after an event ("said following the talks")
_AFTER = frozenset({"following", "after"})
# the types whose end leaders speak at: what they say then is their statement to the press
_CONSULTING = frozenset({"talks", "meeting", "summit"})


def speech_event(view: ArticleView, tok: Any) -> Trigger | None:
    """The statement or announcement a speech verb (or "according to") makes, if any."""
    ont = view.ont
    if tok.lower_ == "according":
        source = _according_to(tok)
        if source is not None and _announcer(view, source) and _tells_future(view, tok):
            return Trigger(tok, "announcement", [tok, source])
        return None
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in ont.speech_verbs:
        return None
    if tok.dep_ in {"acl", "amod"}:
        return None  # "the figure announced hours earlier" describes a thing
    subjects = speakers(tok)
    if not has_named_speaker(view, tok):
        return None
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "in":
            for noun in child.children:
                frame = ont.statement_frames.get(noun.lemma_.lower())
                if noun.dep_ == "pobj" and frame:
                    return Trigger(tok, frame, [tok, noun])  # "said in a statement"
    if _after_consulting(view, tok):
        return Trigger(tok, "statement", [tok])
    said = [c for c in tok.children if c.dep_ in {"dobj", "obj"} and c.pos_ in {"NOUN", "PROPN"}]
    if tok.lemma_.lower() in ont.object_speech_verbs and said:
        # "confirmed further elements of the deal": what is made public is named
        official = any(_announcer(view, s) for s in subjects)
        return Trigger(tok, "announcement" if official else "statement", [tok, said[0]])
    if any(_announcer(view, s) for s in subjects) and _tells_future(view, tok):
        return Trigger(tok, "announcement", [tok])
    return None


def _according_to(tok: Any) -> Any | None:
    for prep in tok.children:
        if prep.lower_ == "to":
            return next((o for o in prep.children if o.dep_ == "pobj"), None)
    return None


def _after_consulting(view: ArticleView, tok: Any) -> bool:
    """The verb is told after talks or a meeting ("said following talks", "Following the
    talks, Trump said", "said June 19 following talks"): the preposition hangs from the verb
    (or from its date), not from a phrase inside its arguments ("in a call after a meeting,
    Xi stressed" tells of the call)."""
    cues = [c for c in tok.children if c.lower_ in _AFTER]
    cues += [
        g
        for c in tok.children
        if c.dep_ in {"npadvmod", "tmod", "advmod"}
        for g in c.children
        if g.lower_ in _AFTER
    ]
    for cue in cues:
        for obj in cue.children:
            if obj.dep_ not in {"pobj", "dobj"}:
                continue
            types = {name for _, name in view.ont.nouns.get(obj.lemma_.lower(), [])}
            if types & _CONSULTING:
                return True
    return False


def _announcer(view: ArticleView, tok: Any) -> bool:
    """The phrase names an official body or its voice ("the Kremlin", "the Chinese commerce
    ministry", "Putin's aide Yury Ushakov", "Kremlin spokesman Dmitry Peskov"), not the
    media that relay it ("state media", "the news agency")."""
    phrase = [tok]
    for child in tok.children:
        if child.dep_ not in {"relcl", "acl", "prep"}:
            phrase += list(child.subtree)
    if {t.lemma_.lower() for t in phrase} & view.ont.media_words:
        return False
    # the body itself ("the Kremlin", "China"), not a person titled by one ("Treasury
    # Secretary Scott Bessent")
    return official_voice(view, tok) or view.label_at(tok) in {"ORG", "GPE"}


def _tells_future(view: ArticleView, tok: Any) -> bool:
    """What the speaker says is still to come: the reported clause (the verb's complement, or
    the clause a parenthetical "…, the Kremlin said" or "according to" hangs from) has a
    future modal or a planning verb ("will visit", "would pause", "is expected to sign")."""
    clauses = [c for c in tok.children if c.dep_ in {"ccomp", "parataxis"}]
    if tok.dep_ in {"parataxis", "ccomp", "advcl", "prep"}:
        clauses.append(tok.head)
    clauses += [c for cl in clauses for c in cl.conjuncts]
    for verb in clauses:
        if verb.i == tok.i or verb.pos_ not in {"VERB", "AUX"}:
            continue
        if any(c.dep_ in {"aux", "auxpass"} and c.lower_ in FUTURE_MODALS for c in verb.children):
            return True
        if verb.lemma_.lower() in view.ont.planned_verbs - {"agree", "invite"}:
            return True
    return False
