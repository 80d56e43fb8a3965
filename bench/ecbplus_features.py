"""The separate ECB+ feature path of :mod:`corroborator.link.coref`, which the product does not run.

:mod:`corroborator.link.coref` takes :class:`~corroborator.link.coref.CorefMention` records;
nothing in ``corroborator build`` or linking makes them: the product's timelines are merged by
:func:`corroborator.link.timeline.merge_mentions`. This module builds them for ECB+ documents
from spaCy entities, our dates stage and MiniLM vectors, for bench/ecbplus_coref_module.py
(the module measured on gold mentions, and on our own predicted mentions beside
``merge_mentions``) and its calibration (bench/ecbplus_calibrate.py coref). Whether
``coref.py`` is wired into linking or deleted is pending (issue 11); this file goes with it.

Features are made from predicted annotation only; the gold action mentions, when used, give
their spans alone, as in the usual gold-mention setting.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from ecbplus_common import detokenize

from corroborator.analyze.embeddings import embed, embed_spans
from corroborator.analyze.nlp import load_model
from corroborator.config import Settings
from corroborator.evaluate.ecbplus import EcbDoc, EcbMention
from corroborator.link.coref import CorefMention

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_ORG_LABELS = {"ORG", "NORP"}
_KEY_LABELS = {"PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
_NUMBER_LABELS = {"CARDINAL", "MONEY", "QUANTITY", "PERCENT"}
_DROP = re.compile(r"^(the|a|an)\s+|'s$|’s$", re.IGNORECASE)
_SMALL_NUMBERS = {str(n) for n in range(0, 11)}


def _name_key(text: str) -> str:
    return re.sub(r"\s+", " ", _DROP.sub("", text.strip())).lower()


def _person_key(text: str) -> str:
    """A person by surname: "Warren Jeffs", "Jeffs" and "Jeffs's" are one key."""
    words = [w for w in _name_key(text).replace(".", " ").split() if w not in {"jr", "sr", "ii"}]
    return words[-1] if words else ""


def _number_key(text: str) -> str | None:
    """A figure worth matching across reports ("4.6", "$334 million"); small counts are not."""
    digits = re.sub(r"[^\d.]", "", text).strip(".")
    if not digits or digits in _SMALL_NUMBERS:
        return None
    scale = re.search(r"(million|billion|thousand)", text.lower())
    return digits + (scale.group(1)[0] if scale else "")


@dataclass
class DocFeatures:
    """What the analysis of one ECB+ document gives the linking stage."""

    ecb: EcbDoc
    text: str  # detokenized
    mapping: list[int]  # old offset → new offset
    sentences: list[tuple[int, int]]  # new offsets of each annotated sentence
    ents: list[tuple[int, int, str, str]]  # (start, end, label, key) in the new text
    timexes: list[tuple[int, int, str]]  # (start, end, value) of resolved DATE expressions
    doc: Any = None  # spaCy Doc (kept only while building mention features)


_ISO = re.compile(r"^\d{4}-\d\d(-\d\d)?$")


def _dates(doc: Any, name: str) -> list[tuple[int, int, str]]:
    """Resolved dates at day or month precision (bare years in these snippets are mostly
    history the article recalls, not the happening it reports)."""
    from corroborator.analyze.timex import analyze_dates
    from corroborator.model import Article

    article = Article(id=name, text=doc.text, source_path=name)
    found = analyze_dates(doc, article)
    out = []
    for t in found.timexes:
        if t.type != "DATE" or not t.value or not _ISO.match(t.value[:10]):
            continue
        if (
            found.published
            and t.anchor
            and "published" not in (t.anchor or "")
            and (t.granularity == "day" and not re.search(r"\d{4}", t.text))
        ):
            # a weekday resolved against a publication date guessed from nothing: no evidence
            continue
        out.append((t.start, t.end, t.value[:10]))
    return out


def doc_features(docs: Sequence[EcbDoc], nlp: Any = None) -> list[DocFeatures]:
    """spaCy, dates and entities of each document."""
    nlp = nlp or load_model(Settings().spacy_model)
    texts = [detokenize(d.text) for d in docs]
    out: list[DocFeatures] = []
    parsed = list(nlp.pipe([t for t, _ in texts], batch_size=32))
    for ecb, (text, mapping), doc in zip(docs, texts, parsed, strict=True):
        ents: list[tuple[int, int, str, str]] = []
        for ent in doc.ents:
            label = ent.label_
            if label == "PERSON":
                key = _person_key(ent.text)
            elif label in _PLACE_LABELS | _ORG_LABELS | _KEY_LABELS:
                key = _name_key(ent.text)
            elif label in _NUMBER_LABELS:
                num = _number_key(ent.text)
                if num is None:
                    continue
                key = num
            else:
                continue
            if key:
                ents.append((ent.start_char, ent.end_char, label, key))
        try:
            timexes = _dates(doc, ecb.name)
        except Exception:  # the dates stage is still being built; a crash costs dates only
            timexes = []
        sentences = [(mapping[s], mapping[e]) for _, s, e in ecb.sentences]
        out.append(DocFeatures(ecb, text, mapping, sentences, ents, timexes, doc))
    return out


@dataclass
class MentionFeatures:
    """An event mention (gold or ours) with what our analysis says about it."""

    ecb: EcbMention
    doc: str
    start: int  # in the detokenized text
    end: int
    lemma: str
    sentence: str
    sentence_start: int
    people: frozenset[str]
    places: frozenset[str]
    date: str | None
    args: frozenset[str] = frozenset()  # lemmas of the trigger's core arguments


_ARG_DEPS = {"nsubj", "nsubjpass", "dobj", "obj", "iobj", "agent", "poss", "compound", "amod",
             "nmod", "npadvmod", "attr", "acomp", "oprd"}  # fmt: skip
_ARG_PREPS = {"pobj"}


def _args(head: Any, ent_key: dict[int, str]) -> frozenset[str]:
    """The trigger's arguments: subject, object, modifiers and prepositional objects, by
    entity key when they are named, else by lemma."""
    out: set[str] = set()
    for child in head.children:
        dep = child.dep_
        targets = []
        if dep in _ARG_DEPS:
            targets.append(child)
        elif dep == "prep":
            targets += [g for g in child.children if g.dep_ in _ARG_PREPS]
        elif dep == "agent":
            targets += [g for g in child.children if g.dep_ == "pobj"]
        for t in targets:
            if t.is_stop or t.is_punct:
                continue
            out.add(ent_key.get(t.i, t.lemma_.lower()))
    # a noun trigger's verb ("the shooting killed ...") and a verb's noun head
    if head.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and head.head.i != head.i:
        out.add(head.head.lemma_.lower())
    return frozenset(out)


def _head(span: Any) -> Any:
    """The syntactic head of a span: the token whose head lies outside it (the first such)."""
    for tok in span:
        if tok.head.i < span.start or tok.head.i >= span.end or tok.head.i == tok.i:
            return tok
    return span[0]


def _mention(f: DocFeatures, m: EcbMention, start: int, end: int) -> MentionFeatures:
    """Lemma, sentence, people, places, date and arguments of the mention ``m`` at
    ``start``-``end`` (offsets in the detokenised text) of ``f``."""
    doc = f.doc
    ent_key: dict[int, str] = {}
    for a, b, _, key in f.ents:
        span_e = doc.char_span(a, b, alignment_mode="expand")
        for tok in span_e if span_e is not None else []:
            ent_key[tok.i] = key
    span = doc.char_span(start, end, alignment_mode="expand")
    head = _head(span) if span is not None and len(span) else None
    lemma = head.lemma_.lower() if head is not None else m.text.lower()
    args = _args(head, ent_key) if head is not None else frozenset()
    s_start, s_end = next(((a, b) for a, b in f.sentences if a <= start < b + 1), (start, end))
    people = frozenset(
        k
        for a, b, label, k in f.ents
        if s_start <= a < s_end and label in ("PERSON", "ORG", "NORP")
    )
    places = frozenset(
        k for a, b, label, k in f.ents if s_start <= a < s_end and label in _PLACE_LABELS
    )
    dates = [v for a, b, v in f.timexes if s_start <= a < s_end]
    return MentionFeatures(
        ecb=m, doc=f.ecb.name, start=start, end=end, lemma=lemma,
        sentence=f.text[s_start:s_end], sentence_start=s_start,
        people=people, places=places, date=dates[0] if dates else None, args=args,
    )  # fmt: skip


def mention_features(feats: Sequence[DocFeatures]) -> list[MentionFeatures]:
    """Lemma, sentence and arguments of every gold action mention of ``feats``."""
    return [
        _mention(f, m, f.mapping[m.start], f.mapping[m.end])
        for f in feats
        for m in f.ecb.mentions
        if m.is_action
    ]


def span_features(
    feats: Sequence[DocFeatures], spans: Sequence[tuple[str, str, int, int, str]]
) -> list[MentionFeatures]:
    """The same for our own mentions: ``(document, id, start, end, trigger)`` with offsets in
    the detokenised text; ``ecb.m_id`` is the id, ``ecb.sentence`` the sentence number."""
    by_name = {f.ecb.name: f for f in feats}
    out = []
    for name, key, start, end, trigger in spans:
        f = by_name[name]
        sentence = next(
            (
                n
                for n, (a, b) in zip(f.ecb.sentences, f.sentences, strict=True)
                if a <= start < b + 1
            ),
            (0, 0, 0),
        )[0]
        m = EcbMention(name, key, "PREDICTED", sentence, start, end, trigger, chain="")
        out.append(_mention(f, m, start, end))
    return out


def mention_vectors(
    mentions: Sequence[MentionFeatures],
) -> tuple[np.ndarray, np.ndarray, dict[str, np.ndarray]]:
    """Sentence vectors, contextual trigger vectors and lemma vectors of ``mentions``."""
    sentences = sorted({(m.doc, m.sentence_start, m.sentence) for m in mentions})
    where = {(d, s): k for k, (d, s, _) in enumerate(sentences)}
    spans: list[list[tuple[int, int]]] = [[] for _ in sentences]
    slot: list[tuple[int, int]] = []
    for m in mentions:
        k = where[(m.doc, m.sentence_start)]
        slot.append((k, len(spans[k])))
        spans[k].append((m.start - m.sentence_start, m.end - m.sentence_start))
    texts = [t for _, _, t in sentences]
    sent_vecs = embed(texts)
    trig = embed_spans(texts, spans)
    lemmas = sorted({m.lemma for m in mentions})
    lemma_vecs = dict(zip(lemmas, embed(lemmas), strict=True))
    return (
        np.stack([sent_vecs[k] for k, _ in slot]),
        np.stack([trig[k][j] for k, j in slot]),
        lemma_vecs,
    )


ARG_STOP = {"in", "of", "at", "on", "for", "during", "with", "to", "by", "from", "after",
             "before", "as", "the", "a", "an"}  # fmt: skip


def coref_mentions(
    mentions: Sequence[MentionFeatures],
    story_of: dict[str, str],
    vectors: tuple[np.ndarray, np.ndarray, dict[str, np.ndarray]] | None = None,
    *,
    with_places: bool = False,
) -> list[CorefMention]:
    """:class:`CorefMention` records for ``mentions``, in the stories ``story_of`` gives each
    document. ECB+ mentions carry no event type; a place is given only with ``with_places``
    (the place named in the sentence is often not where the event happened)."""
    sent_vecs, trig_vecs, _ = vectors if vectors is not None else mention_vectors(mentions)
    out = []
    for k, m in enumerate(mentions):
        places = sorted(m.places)
        out.append(CorefMention(
            id=f"{m.doc}:{m.ecb.m_id}", doc=m.doc, story=story_of[m.doc], lemma=m.lemma,
            trigger=trig_vecs[k], context=sent_vecs[k], sentence=m.ecb.sentence, date=m.date,
            place=places[0] if with_places and len(places) == 1 else None,
            participants=m.people, arguments=frozenset(m.args - ARG_STOP),
        ))  # fmt: skip
    return out


def story_assignment(feats: Sequence[DocFeatures], setting: str) -> dict[str, str]:
    """Each document's gold story: ``subtopic`` or ``topic`` (our own stories come from the
    product run: :meth:`ecbplus_common.ProductRun.story_of`)."""
    if setting == "subtopic":
        return {f.ecb.name: f.ecb.subtopic for f in feats}
    if setting == "topic":
        return {f.ecb.name: str(f.ecb.topic) for f in feats}
    raise ValueError(setting)
