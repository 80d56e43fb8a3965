"""Shared ECB+ harness for the linking benchmarks: splits, text clean-up and features.

ECB+ text is rebuilt from tokens joined by spaces ("U . S .", "4 . 6", "T - Mobile" in the
newer half of the corpus); :func:`detokenize` glues such tokens back so that spaCy and the
embedder see ordinary prose, and keeps a map from old to new offsets for the mentions.

Features are made from predicted annotation only (spaCy entities and our dates stage); the gold
action mentions are used for their spans alone, as in the usual gold-mention setting.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from corroborator.analyze.embeddings import embed, embed_spans
from corroborator.analyze.nlp import load_model
from corroborator.config import Settings
from corroborator.evaluate.ecbplus import EcbDoc, EcbMention, load_ecbplus
from corroborator.link.coref import CorefMention
from corroborator.link.lexical import content_terms
from corroborator.link.stories import StoryDoc

ROOT = Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "ecbplus"

# Cybulska & Vossen (2015). Topics 15 and 17 are not in the corpus.
DEV_TOPICS = (2, 5, 12, 18, 21, 23, 34, 35)
TRAIN_TOPICS = tuple(t for t in range(1, 36) if t not in (15, 17) and t not in DEV_TOPICS)
TEST_TOPICS = tuple(range(36, 46))


def load(topics: Iterable[int]) -> list[EcbDoc]:
    """The ECB+ documents of ``topics`` (annotated sentences only)."""
    return load_ecbplus(ROOT, tuple(topics))


_GLUE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "%", "'s", "'S", "n't", "'re", "'ve",
                "'ll", "'d", "'m", "''"}  # fmt: skip
_GLUE_AFTER = {"(", "[", "$", "``", "#"}
_WORDISH = re.compile(r"^[\w$]")


def _glue(prev2: str | None, prev: str, tok: str, after_open: bool) -> bool:
    """Whether ``tok`` joins the previous token with no space."""
    if after_open or tok in _GLUE_BEFORE:
        return True
    if prev in {".", ":", ","} and prev2 and prev2[-1].isdigit() and tok[:1].isdigit():
        return True  # "4 . 6", "2 : 09", "1 , 200": a number split at its separator
    if prev == "." and prev2 and len(prev2) == 1 and prev2.isalpha():
        return len(tok) == 1 and tok.isalpha()  # "U . S .", "p . m ."
    if tok == "-":
        return bool(_WORDISH.match(prev))  # "T - Mobile", "26 - year - old"
    if prev == "-":
        return prev2 is not None and bool(_WORDISH.match(prev2)) and bool(_WORDISH.match(tok))
    return False


def detokenize(text: str) -> tuple[str, list[int]]:
    """ECB+ token text as prose, and for every old character offset (and the end) its new one.

    >>> detokenize("U . S . Geological Survey , 4 . 6")[0]
    'U.S. Geological Survey, 4.6'
    """
    parts: list[str] = []
    length = 0
    mapping = [0] * (len(text) + 1)
    i = 0
    for line_no, line in enumerate(text.split("\n")):
        if line_no:
            mapping[i] = length
            parts.append("\n")
            length += 1
            i += 1
        tokens = line.split(" ")
        prev: str | None = None
        prev2: str | None = None
        for j, tok in enumerate(tokens):
            if prev is not None and not _glue(prev2, prev, tok, prev in _GLUE_AFTER):
                parts.append(" ")
                length += 1
            for k in range(len(tok)):
                mapping[i + k] = length + k
            parts.append(tok)
            length += len(tok)
            i += len(tok)
            mapping[i] = length
            if j < len(tokens) - 1:
                i += 1
            prev2, prev = prev, tok
    mapping[len(text)] = length
    return "".join(parts), mapping


# ---------------------------------------------------------------------------------------------
# features


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
    story: StoryDoc
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
    """spaCy, dates, entities and one embedding per document."""
    nlp = nlp or load_model(Settings().spacy_model)
    texts = [detokenize(d.text) for d in docs]
    out: list[DocFeatures] = []
    parsed = list(nlp.pipe([t for t, _ in texts], batch_size=32))
    vectors = embed([t for t, _ in texts])
    for ecb, (text, mapping), doc, vec in zip(docs, texts, parsed, vectors, strict=True):
        ents: list[tuple[int, int, str, str]] = []
        people: set[str] = set()
        places: set[str] = set()
        orgs: set[str] = set()
        keys: set[str] = set()
        figures: set[str] = set()
        for ent in doc.ents:
            label = ent.label_
            if label == "PERSON":
                key = _person_key(ent.text)
                people.add(key)
            elif label in _PLACE_LABELS:
                key = _name_key(ent.text)
                places.add(key)
            elif label in _ORG_LABELS:
                key = _name_key(ent.text)
                orgs.add(key)
            elif label in _KEY_LABELS:
                key = _name_key(ent.text)
                keys.add(key)
            elif label in _NUMBER_LABELS:
                num = _number_key(ent.text)
                if num is None:
                    continue
                key = num
                figures.add(key)
            else:
                continue
            if key:
                ents.append((ent.start_char, ent.end_char, label, key))
        try:
            timexes = _dates(doc, ecb.name)
        except Exception:  # the dates stage is still being built; a crash costs dates only
            timexes = []
        sentences = [(mapping[s], mapping[e]) for _, s, e in ecb.sentences]
        story = StoryDoc(
            id=ecb.name,
            embedding=vec,
            terms=content_terms(text),
            dates=tuple(sorted({v for _, _, v in timexes})),
            people=frozenset(p for p in people if p),
            places=frozenset(p for p in places if p),
            orgs=frozenset(o for o in orgs if o),
            keys=frozenset(k for k in keys if k),
            figures=frozenset(figures),
        )
        out.append(DocFeatures(ecb, text, mapping, story, sentences, ents, timexes, doc))
    return out


@dataclass
class MentionFeatures:
    """A gold action mention with what our analysis says about it."""

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


def mention_features(feats: Sequence[DocFeatures]) -> list[MentionFeatures]:
    """Lemma, sentence and arguments of every gold action mention of ``feats``."""
    out: list[MentionFeatures] = []
    for f in feats:
        doc = f.doc
        ent_key: dict[int, str] = {}
        for a, b, _, key in f.ents:
            span_e = doc.char_span(a, b, alignment_mode="expand")
            for tok in span_e if span_e is not None else []:
                ent_key[tok.i] = key
        for m in f.ecb.mentions:
            if not m.is_action:
                continue
            start, end = f.mapping[m.start], f.mapping[m.end]
            span = doc.char_span(start, end, alignment_mode="expand")
            head = _head(span) if span is not None and len(span) else None
            lemma = head.lemma_.lower() if head is not None else m.text.lower()
            args = _args(head, ent_key) if head is not None else frozenset()
            s_start, s_end = next(
                ((a, b) for a, b in f.sentences if a <= start < b + 1), (start, end)
            )
            people = frozenset(
                k
                for a, b, label, k in f.ents
                if s_start <= a < s_end and label in ("PERSON", "ORG", "NORP")
            )
            places = frozenset(
                k for a, b, label, k in f.ents if s_start <= a < s_end and label in _PLACE_LABELS
            )
            dates = [v for a, b, v in f.timexes if s_start <= a < s_end]
            out.append(MentionFeatures(
                ecb=m, doc=f.ecb.name, start=start, end=end, lemma=lemma,
                sentence=f.text[s_start:s_end], sentence_start=s_start,
                people=people, places=places, date=dates[0] if dates else None, args=args,
            ))  # fmt: skip
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


_ARG_STOP = {"in", "of", "at", "on", "for", "during", "with", "to", "by", "from", "after",
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
            participants=m.people, arguments=frozenset(m.args - _ARG_STOP),
        ))  # fmt: skip
    return out


def story_assignment(feats: Sequence[DocFeatures], setting: str) -> dict[str, str]:
    """Each document's story: ``predicted`` (our joint clustering), ``subtopic`` or ``topic``."""
    from corroborator.link.stories import cluster_stories

    if setting == "predicted":
        clusters = cluster_stories([f.story for f in feats])
        return {d: c[0] for c in clusters for d in c}
    if setting == "subtopic":
        return {f.ecb.name: f.ecb.subtopic for f in feats}
    if setting == "topic":
        return {f.ecb.name: str(f.ecb.topic) for f in feats}
    raise ValueError(setting)
