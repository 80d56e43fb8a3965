"""What a Russian sentence says about the time of an expression: tense from the morphology.

Russian marks time on the verb (``token.morph``): ``Tense=Fut`` (a perfective non-past,
"проведёт", or "будет" with an infinitive) looks forward, ``Tense=Past`` back, ``Tense=Pres``
is the present (with a weekday: a schedule, as in English). A clause under a word of planning
or expectation ("планируется", "ожидается, что…", "намерены", "должны", "запланирована на …")
is still to come whatever its own form. The words are in ``data/temporal_ru.yaml``. This is the
Russian :class:`~.context.TenseReading`; the shared :func:`~.context.contexts` does the rest, so
anchoring reads Russian as it reads English.
"""

from __future__ import annotations

from typing import Any

from corroborator.analyze.timex.context import Context, Direction, Tense, TenseReading, contexts
from corroborator.analyze.timex.grammar_ru import ru_words

_VERBAL = ("VERB", "AUX")


def _is_head_word(tok: Any) -> bool:
    """A verb, or a predicate adjective that carries a plan ("намерен", "должны")."""
    if tok.pos_ in _VERBAL:
        return True
    return tok.pos_ == "ADJ" and tok.lemma_.lower() in ru_words().forward_heads


def _tense_of(verb: Any, depth: int = 0) -> tuple[Tense | None, str | None]:
    """The tense ``verb`` expresses, with the words that decided it."""
    w = ru_words()
    lemma = verb.lemma_.lower()
    if lemma in w.forward_heads or verb.lower_ in w.forward_heads:
        return "future", verb.text
    head = verb.head
    # a clause or infinitive under a plan ("ожидается, что встретятся", "намерены подписать")
    if (
        head is not verb
        and verb.dep_ in ("xcomp", "ccomp", "csubj")
        and (head.lemma_.lower() in w.forward_heads or head.lower_ in w.forward_heads)
    ):
        return "future", head.text
    for aux in verb.children:
        if aux.dep_ in ("aux", "aux:pass", "cop") and "Fut" in aux.morph.get("Tense"):
            return "future", f"{aux.text} {verb.text}"
    forms = verb.morph.get("VerbForm")
    if "Inf" in forms or "Conv" in forms:
        # an infinitive or a gerund shares the time of the verb it depends on
        if head is not verb and depth < 3 and _is_head_word(head):
            return _tense_of(head, depth + 1)
        return None, None
    tense = verb.morph.get("Tense")
    if "Fut" in tense:
        return "future", verb.text
    if "Past" in tense:
        return "past", verb.text
    if "Pres" in tense:
        return "present", verb.text
    return None, None


def _root(span: Any) -> Any:
    """The token of ``span`` whose head lies outside it (spaCy's ``Span.root`` walks the tree,
    which a converted parse may leave cyclic)."""
    for tok in span:
        if tok.head is tok or not span.start <= tok.head.i < span.end:
            return tok
    return span[0]


def _closed_before(participle: Any, tok: Any) -> bool:
    """Whether the participle's phrase is closed by its comma before ``tok`` ("Соглашение,
    подписанное 24 ноября, вступит в силу в январе": "в январе" lies outside it, whatever
    the parser attached it to)."""
    lo, hi = sorted((participle.i, tok.i))
    return any(c.dep_ == "punct" and lo < c.i < hi for c in participle.children)


def _governs(cur: Any, tok: Any) -> bool:
    """A verb governs unless it modifies a noun; a participle carries its own tense
    ("подписанное 24 ноября соглашение вступит…": signed in the past, whatever the main verb
    says), unless its phrase closed before the expression."""
    participle = "Part" in cur.morph.get("VerbForm")
    verbal = _is_head_word(cur) and (participle or cur.dep_ not in ("amod", "acl"))
    return verbal and not (participle and _closed_before(cur, tok))


def _lead(doc: Any, span: Any) -> tuple[str | None, Direction | None]:
    """A cue among the two tokens before the expression ("запланирована на 30 октября",
    "ещё в 2019 году", "до 22 апреля", "к 2030 году")."""
    w = ru_words()
    for tok in reversed([doc[i] for i in range(max(0, span.start - 2), span.start)]):
        low = tok.lower_
        if low in w.forward_cues:
            return low, "future"
        if low in w.backward_cues:
            return low, "past"
        signal = w.boundary_signals.get(low)
        if signal == "until":
            # "продлили перемирие до 22 апреля": a deadline still to come, even told in the
            # past — unless it opens the sentence ("До вторника они молчали"), as in English
            return low, "bound" if tok.is_sent_start else "future"
        if signal in ("by", "no later than"):
            return low, "bound"
    return None, None


RUSSIAN = TenseReading(
    tense_of=_tense_of,
    head_word=_is_head_word,
    governs=_governs,
    lead=_lead,
    reporting_verbs=lambda: ru_words().reporting_verbs,
    root=_root,
)


def contexts_ru(doc: Any, text: str, spans: list[tuple[int, int]]) -> list[Context]:
    """The :class:`Context` of each character span of the Russian ``doc``."""
    return contexts(doc, text, spans, RUSSIAN)
