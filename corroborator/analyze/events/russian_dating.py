"""When a Russian event happens: the date expression the trigger or its verb governs, else the
English extractor's nearest date in the trigger's clause (:func:`.dating.date_of`), else, where
the parser split the sentence into several trees, the nearest date in the sentence. An event
named inside another event's phrase takes only a date of its own. A date after "до" ("перемирие
до 22 апреля") is the day the event ends, not the day it happens, as "until" in English. A
count takes the day of the report told after it (:func:`reported_after`: "…, сообщает агентство
в пятницу", "Об этом в субботу сообщает …")."""

from __future__ import annotations

from typing import Any

from corroborator.analyze.events.dates import rank, timex_dates
from corroborator.analyze.events.dating import SPOKEN, date_of, reported_by
from corroborator.analyze.events.russian_pack import lemma, load_russian_pack, norm
from corroborator.analyze.events.russian_triggers import case_words, prepositions
from corroborator.analyze.events.spans import start_verbs
from corroborator.analyze.events.view import ArticleView, Trigger, governor
from corroborator.analyze.timex.grammar_ru import ru_words
from corroborator.model import TimeExpression

DateFound = tuple[str | None, str | None, str | None]


def _in_sentence(view: ArticleView, sent: Any) -> list[tuple[TimeExpression, Any]]:
    """The sentence's dated expressions with their spans."""
    out = []
    for t in view.timexes:
        if sent.start_char <= t.start < sent.end_char and timex_dates(t)[0]:
            span = view.doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is not None:
                out.append((t, span))
    return out


def _found(t: TimeExpression) -> DateFound:
    date, date_end = timex_dates(t)
    return date, date_end, t.text


def _nearest(trig: Trigger, found: list[tuple[TimeExpression, Any]]) -> TimeExpression:
    """Days before months before years, then the nearest to the trigger."""
    return min(
        found,
        key=lambda f: (
            rank(f[0]),
            min(abs(tk.i - trig.token.i) for tk in f[1]),
        ),
    )[0]


def _until(view: ArticleView, span: Any) -> bool:
    """The date follows a preposition that makes it a span's end ("до 22 апреля"), not at the
    sentence's start ("До вторника они молчали" tells what was before, as in English)."""
    if span.start == 0:
        return False
    prev = view.doc[span.start - 1]
    return ru_words().boundary_signals.get(prev.lower_) == "until" and not prev.is_sent_start


def date_of_ru(view: ArticleView, trig: Trigger, sent: Any, others: list[Trigger]) -> DateFound:
    """``(date, date_end, date_text)`` of a Russian trigger (see the module docstring)."""
    date, date_end, text = _date_of_ru(view, trig, sent, others)
    if date and not date_end:
        for t, span in _in_sentence(view, sent):
            if t.text == text and _until(view, span):
                return None, date, text
    if text and not (date or date_end) and _undated_until(view, sent, text):
        # "визит продлится до пятницы" in an undated text: Friday is the end the story cannot
        # place, not the day the visit happens
        return None, None, None
    return date, date_end, text


def _undated_until(view: ArticleView, sent: Any, text: str) -> bool:
    """The undated expression ``text`` of ``sent`` (a weekday, a day without a year) follows
    "до"."""
    for t in view.timexes:
        if t.text != text or not sent.start_char <= t.start < sent.end_char:
            continue
        span = view.doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is not None and _until(view, span):
            return True
    return False


# Marks that end a written sentence; a parse tree that ends without one ("…визит в Южную Корею
# 29 октября" before ", где президент встретится …") runs on into the next tree.
_TERMINAL = frozenset({".", "!", "?", "…", "?!", "!?"})


def _ends_sentence(view: ArticleView, span: Any) -> bool:
    """The tree ends a written sentence: a final stop, or a line break after it."""
    words = [t for t in span if not t.is_space]
    return (
        not words
        or words[-1].text in _TERMINAL
        or "\n" in view.text[span.end_char : span.end_char + 2]
        or span.end >= len(view.doc)
    )


# Words that open a relative clause of place or time ("визит в Корею 29 октября, где он
# встретится …", "…, когда лидеры подписали …"): the clause happens when its antecedent does.
_RELATIVE = frozenset({"где", "куда", "когда", "который"})


def _antecedent_tree(view: ArticleView, sent: Any) -> Any:
    """The tree before ``sent`` in the same written sentence, when ``sent`` is a relative
    clause of place or time that the parser left as a tree of its own (spaCy makes each tree a
    sentence); else ``sent``."""
    spans = view.sentences.spans
    k = next((j for j, s in enumerate(spans) if s.start == sent.start), None)
    opener = next((t for t in sent if not (t.is_punct or t.is_space)), None)
    if not k or opener is None or norm(opener.lemma_) not in _RELATIVE:
        return sent
    before = spans[k - 1]
    return sent if _ends_sentence(view, before) else before


def _date_of_ru(view: ArticleView, trig: Trigger, sent: Any, others: list[Trigger]) -> DateFound:
    found = _in_sentence(view, sent)
    if not found:
        own = date_of(view, trig, sent, others)
        antecedent = _antecedent_tree(view, sent)
        if own[0] or own[2] or antecedent is sent:
            return own
        # a relative clause of place or time without a date of its own: its antecedent's
        elsewhere = _in_sentence(view, antecedent)
        return _found(_nearest(trig, elsewhere)) if elsewhere else own
    # an event named inside another's phrase ("число погибших при землетрясении", "перемирие
    # для ликвидации последствий землетрясения") is a reference: only its own date dates it
    # (not the words that report it: "МИД сообщил, что переговоры состоятся в среду")
    nested = any(
        o is not trig
        and o.token in trig.token.ancestors
        and o.token.i != trig.token.i
        and not (o.type in SPOKEN and o.token.pos_ == "VERB")
        for o in others
    )
    heads = {trig.token.i} if nested else {trig.token.i, governor(trig.token).i}
    if nested and _started_by(trig):
        # "прибыл в понедельник с визитом": the arrival's day is the visit's first
        heads.add(trig.token.head.i)
    # "проведёт встречу … 30 октября": the expression hangs from the verb of the event, which a
    # nearer date elsewhere in the sentence (a date line, another clause's) must not outrank
    governed = [f for f in found if f[1].root.head.i in heads and f[1].root.i not in heads]
    if governed:
        return _found(_nearest(trig, governed))
    if nested:
        return None, None, None
    own = date_of(view, trig, sent, others)
    if own[0] or own[2]:
        return own
    # a sentence the parser left in several trees: its clauses are not to be trusted, the
    # nearest date is the best guess
    roots = [t for t in sent if t.dep_ == "ROOT" and not (t.is_space or t.is_punct)]
    return _found(_nearest(trig, found)) if len(roots) > 1 else own


def _started_by(trig: Trigger) -> bool:
    """The trigger noun hangs on a verb of starting ("прибыл с визитом", "начал визит")."""
    head = trig.token.head
    return head.i != trig.token.i and head.pos_ == "VERB" and norm(head.lemma_) in start_verbs()


def hosts_ru(trig: Trigger) -> list[Any]:
    """The nouns of the trigger's clause in a phrase that frames it ("В ходе визита 2019 года
    он встретился …": "визита"; "в рамках саммита", "на полях саммита": the genitive after the
    frame's noun), the pack's frame prepositions: what it happens during."""
    frames = load_russian_pack().frame_preps
    gov = governor(trig.token)
    out = []
    for obl in (c for c in gov.children if c.dep_ == "obl" and c.i != trig.token.i):
        if prepositions(obl) & set(frames):
            out.append(obl)
        for nmod in (c for c in obl.children if c.dep_ == "nmod"):
            above = (*sorted(case_words(obl)), lemma(obl))
            if any(above[-len(p) :] == p for p in frames):
                out.append(nmod)
    return out


def reported_after(view: ArticleView, sent: Any) -> DateFound:
    """The day of the report that gives the figure of ``sent``, told after it: Russian news
    names the source of a figure in a clause after it, set off by a comma ("Число погибших
    превысило 80, сообщает агентство в пятницу"), or in a sentence of its own opened by "об
    этом" ("… превысило 80. Об этом в пятницу сообщает агентство"). The day must hang from that
    clause's reporting verb."""
    pack = load_russian_pack()
    # the comma clause, when the parser hangs it on the sentence ("parataxis")
    inserted = [t for t in sent if t.dep_ == "parataxis" and t.lemma_.lower() in pack.speech_verbs]
    for verb in inserted:
        found = reported_by(view, sent, pack.speech_verbs, verb)
        if found[2]:
            return found
    nxt = next((s for s in view.sentences.spans if s.start >= sent.end), None)
    if nxt is None:
        return None, None, None
    words = [t for t in nxt if not (t.is_punct or t.is_space)]
    opens = [norm(t.lower_) for t in words]
    # the comma clause, when the parser left it as a tree of its own
    runs_on = bool(words) and not _ends_sentence(view, sent) and words[0].pos_ == "VERB"
    if runs_on and words[0].lemma_.lower() in pack.speech_verbs:
        return reported_by(view, nxt, pack.speech_verbs, words[0])
    if any(tuple(opens[: len(o)]) == o for o in pack.report_back_openers):
        return reported_by(view, nxt, pack.speech_verbs)
    return None, None, None
