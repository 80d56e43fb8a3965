"""Whether a Russian event mention happened, is under way, is still to come or was called off,
from the tense, aspect and voice of the verbs governing it (UD morphology) and the pack's
words of planning and cancelling; and whether it is history the article recalls."""

from __future__ import annotations

from typing import Any

from corroborator.analyze.events.cancelling import (
    called_off_ru,
    is_format_ru,
    replaced_ru,
    since_date_ru,
)
from corroborator.analyze.events.dates import BACKGROUND_DAYS, date_bounds, days_between
from corroborator.analyze.events.russian_pack import SUBJECTS_RU, lemma, load_russian_pack
from corroborator.analyze.events.russian_triggers import case_words, prepositions
from corroborator.analyze.events.view import ArticleView, Trigger
from corroborator.model import Status, StatusReason

# Dependents of a governing word that carry its tense, mood, negation or a planning word.
_CARRIERS = frozenset({"aux", "aux:pass", "cop", "advmod", "amod", "xcomp"})


def _feature(tok: Any, name: str) -> str:
    values = tok.morph.get(name)
    return str(values[0]) if values else ""


def _finite(tok: Any) -> bool:
    """A word that carries the clause's tense: a finite verb, a short participle ("отменён")
    or a word with an auxiliary or a copula ("был подписан", "будет проведена")."""
    if _feature(tok, "VerbForm") == "Fin" or _feature(tok, "Variant") == "Short":
        return True
    return any(c.dep_ in {"aux", "aux:pass", "cop"} for c in tok.children)


def verb_chain(tok: Any) -> list[Any]:
    """The trigger and the words above it up to the first word that carries a tense; an
    infinitive or a full participle ("намерены провести", "прилетевшего") takes its time from
    above, a reported clause keeps its own."""
    chain = [tok]
    current = tok
    for _ in range(10):
        if current.i != tok.i and current.pos_ in {"VERB", "AUX", "ADJ"} and _finite(current):
            break
        if current.head.i == current.i:
            break
        if current.dep_ in {"ccomp", "parataxis", "acl:relcl"} and current.i != tok.i:
            break
        if current.i == tok.i and tok.pos_ == "VERB" and _finite(tok):
            break
        current = current.head
        chain.append(current)
    return chain


def _tense(tok: Any) -> str:
    """The tense of a verb; быть has no present but "есть", so its other non-past forms
    ("будет подписан", which the tagger calls present) are the future."""
    tense = _feature(tok, "Tense")
    if tense == "Pres" and lemma(tok) == "быть" and tok.lower_ != "есть":
        return "Fut"
    return tense


def _tenses(words: list[Any]) -> set[str]:
    return {_tense(w) for w in words if w.pos_ in {"VERB", "AUX"}} - {""}


def _above(tok: Any) -> tuple[str, ...]:
    """The preposition and noun a genitive hangs from ("в ходе" of "в ходе визита")."""
    head = tok.head
    return (*sorted(case_words(head)), lemma(head)) if tok.dep_ == "nmod" else ()


def _is_frame(trig: Trigger) -> bool:
    """The event frames the clause's action ("во время визита", "в ходе переговоров", "по
    случаю визита"): the verb's tense tells when the action was, not whether the frame is
    over."""
    frames = load_russian_pack().frame_preps
    above = _above(trig.token)
    own = prepositions(trig.token)
    return any(p in own or (above and above[-len(p) :] == p) for p in frames)


def _planned_by_preposition(trig: Trigger) -> bool:
    """A noun still to come after its preposition: "перед переговорами", "накануне визита",
    "в преддверии саммита" (the preposition's own noun governs the trigger)."""
    preps = load_russian_pack().planned_preps
    tok = trig.token
    own = case_words(tok)
    above = _above(tok)
    return any(p in prepositions(tok) or (len(p) == 1 and p[0] in own) for p in preps) or any(
        p == above[-len(p) :] for p in preps if above and len(p) > 1
    )


def status_of(view: ArticleView, trig: Trigger, date: str | None) -> tuple[Status, StatusReason]:
    """The mention's status and what decided it, from the words governing the trigger."""
    pack = load_russian_pack()
    tok = trig.token
    chain = verb_chain(tok)
    words: list[Any] = []
    for t in chain:
        words.append(t)
        words.extend(c for c in t.children if c.dep_ in _CARRIERS)
    lemmas = {lemma(w) for w in words}
    if lemmas & (pack.cancelled_verbs | pack.cancelled_adjectives):
        return "cancelled", "cancel word"
    if called_off_ru(tok):
        return "cancelled", "cancel word"  # «отмена саммита»
    if replaced_ru(tok):
        return "cancelled", "replaced by another"  # «вместо поездки на курорт»
    tenses = _tenses(words)
    negated = any(lemma(c) == "не" for v in chain for c in v.children if c.dep_ == "advmod")
    if negated and since_date_ru([t for t in chain if t.pos_ in {"VERB", "AUX", "ADJ"}]):
        if tok.pos_ != "VERB" and is_format_ru(tok):
            # «ежегодный саммит не проводится с 2021 года»: the format was dropped
            return "cancelled", "format dropped"
        # «не посещал КНДР с 2000 года» tells the last visit, in 2000
        return "reported", "not since"
    # a negation bears on the event when the trigger is the verb or its argument, not the frame
    # of a complement ("во время визита не сообщалось …", "по итогам переговоров не сделали
    # заявления": the trigger in an oblique phrase, or the genitive of one): "не состоится"
    oblique = tok.dep_ == "obl" or (tok.dep_ == "nmod" and tok.head.dep_ == "obl")
    if negated and tenses & {"Fut", "Past"} and not oblique:
        return "cancelled", "negated past" if "Past" in tenses else "negated future"
    if case_words(tok) & pack.negating_preps:  # "завершилась без заявления для прессы"
        return "cancelled", "negated past" if "Past" in tenses else "negated future"
    if lemmas & pack.planned_verbs:
        return "planned", "planning verb"
    if lemmas & pack.planned_adjectives:
        return "planned", "planning word"
    for v in chain[1:]:
        if any(
            c.dep_ in {*SUBJECTS_RU, "obl"} and lemma(c) in pack.programme_nouns for c in v.children
        ):
            return "planned", "part of a programme"
    if _planned_by_preposition(trig):
        return "planned", "preposition of things to come"
    if "Fut" in tenses:
        return "planned", "future modal"
    if _is_frame(trig) and not tenses & {"Pres"}:
        return "reported", "default"  # the timeline tells a visit under way by its days
    past = "Past" in tenses
    if date and view.anchor_end and date > view.anchor_end and not past:
        return "planned", "date after the article"
    if past:
        return "reported", "past tense"
    top = chain[-1]
    if _feature(top, "VerbForm") == "Inf" and top.head.i == top.i:
        return "planned", "infinitive (headline style)"
    if lemmas & pack.in_progress_words and "Pres" in tenses:
        return "in_progress", "under way at writing"
    if date and view.anchor and date < view.anchor:
        return "reported", "date not after the article"
    # the present of an imperfective verb ("проводят", "идут переговоры"), or a sentence
    # without a verb (Russian has no present copula: "Это второй визит"), is under way
    imperfective = all(_feature(v, "Aspect") != "Perf" for v in words if v.pos_ in {"VERB", "AUX"})
    if (not tenses or tenses == {"Pres"}) and imperfective:
        # a present with a time of its own, the article's day or later, is a schedule:
        # "прибывает вечером 19 июня" (the article's day), "вылетает завтра"
        if date and view.anchor and date >= view.anchor and tenses:
            return "planned", "present tense for a time to come"
        return "in_progress", "under way at writing"
    if date and view.anchor_end and date <= view.anchor_end:
        return "reported", "date not after the article"
    return "reported", "default"


def is_background(
    view: ArticleView,
    trig: Trigger,
    date: str | None,
    date_end: str | None,
    relative_day: bool = False,
) -> bool:
    """History the article recalls: cued ("прошлый визит", "год назад") or dated well before
    the article."""
    pack = load_russian_pack()
    cues = {lemma(c) for c in trig.token.children if c.dep_ in {"amod", "advmod", "det"}}
    if cues & pack.background_cues and trig.type != "talks":
        return True
    if any(lemma(t) in pack.ago_words for t in view.sentences.of(trig.token.i)):
        return True
    end = date_end or date
    bounds = date_bounds(end) if end else None
    return bool(bounds and view.anchor and days_between(bounds[1], view.anchor) >= BACKGROUND_DAYS)
