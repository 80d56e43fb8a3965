"""The Russian parse: natasha's tokens, morphology, dependencies and names as a spaCy ``Doc``.

The extractors read one kind of object whatever the language: a spaCy ``Doc`` whose text is the
article's text character for character, with sentences, universal POS tags, morphological
features (``token.morph``: Case, Tense, Aspect, Mood, ...), lemmas and a dependency tree with
Universal Dependencies labels (``nsubj``, ``obj``, ``obl``, ``case``, ``nummod``, ...), and the
named entities in ``doc.ents`` (natasha's labels: ``PER``, ``LOC``, ``ORG``).

- natasha (``razdel`` segmentation, ``slovnet`` NewsMorphTagger, NewsSyntaxParser and
  NewsNERTagger) gives tokens, sentences, tags, features, heads and names;
- pymorphy3 gives the lemma, choosing the analysis whose part of speech agrees with natasha's
  tag (verbs and participles lemmatise to the infinitive: проведут → провести, отменён →
  отменить), which is what the language packs in ``corroborator/data`` list.

Whitespace between tokens other than one space becomes a whitespace token (as spaCy's own
tokenizer does), attached to the token before it, so character offsets stay the text's.
Models load lazily, once per process (about 2 s).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from corroborator.analyze import budget

# natasha's universal tags → the OpenCorpora parts of speech pymorphy3 may give that word
_POS_AGREES = {
    "NOUN": {"NOUN"},
    "PROPN": {"NOUN"},
    "VERB": {"VERB", "INFN", "PRTF", "PRTS", "GRND"},
    "AUX": {"VERB", "INFN"},
    "ADJ": {"ADJF", "ADJS", "COMP", "PRTF", "PRTS", "NUMR"},
    "ADV": {"ADVB", "COMP", "PRED"},
    "NUM": {"NUMR"},
    "DET": {"NPRO", "ADJF"},
    "PRON": {"NPRO"},
    "ADP": {"PREP"},
    "CCONJ": {"CONJ"},
    "SCONJ": {"CONJ"},
    "PART": {"PRCL"},
}


@cache
def _models() -> tuple[Any, Any, Any, Any, Any, Any]:
    """natasha's segmenter, morphology tagger, syntax parser and NER tagger, a pymorphy3
    analyser and a spaCy vocabulary for Russian, once per process."""
    import pymorphy3
    import spacy
    from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter

    emb = NewsEmbedding()
    return (
        Segmenter(),
        NewsMorphTagger(emb),
        NewsSyntaxParser(emb),
        NewsNERTagger(emb),
        pymorphy3.MorphAnalyzer(),
        spacy.blank("ru").vocab,
    )


def morph_analyzer() -> Any:
    """The process's pymorphy3 analyser (shared with name resolution)."""
    return _models()[4]


def _lemma(word: str, pos: str, morph: Any) -> str:
    if not any(ch.isalpha() for ch in word):
        return word
    parses = morph.parse(word)
    if not parses:
        return word.lower()
    agree = _POS_AGREES.get(pos, set())
    chosen = next((p for p in parses if p.tag.POS in agree), parses[0])
    return str(chosen.normal_form)


def _feats(feats: dict[str, str]) -> str:
    return "|".join(f"{k}={v}" for k, v in sorted(feats.items()))


def _break_cycles(heads: list[int], deps: list[str], first: int, end: int) -> None:
    """Make the tree of tokens ``first..end`` a tree: the parser now and then returns heads
    that loop (a → b → a), on which a spaCy ``subtree`` never ends; the loop's first token
    becomes a root."""
    for i in range(first, end):
        seen: list[int] = []
        current = i
        while heads[current] != current and current not in seen:
            seen.append(current)
            current = heads[current]
        if heads[current] != current:  # came back to a token already on the path: a loop
            loop = seen[seen.index(current) :]
            top = min(loop)
            heads[top], deps[top] = top, "ROOT"


@dataclass(frozen=True)
class _Token:
    """One natasha token, its offsets in the whole text."""

    id: str
    text: str
    start: int
    stop: int
    pos: str | None
    feats: dict[str, str] | None
    head_id: str | None
    rel: str | None


# A line break ends a sentence: headlines, date stamps and captions stand on lines of their
# own without a full stop, and razdel would run them into the sentence after them.
_LINE = re.compile(r"[^\n]+")
# A full stop glued to the next sentence ("закрыла метро.Власти объявили …"), as pages scraped
# without their paragraph breaks print it, ends a sentence too; razdel would read it as one
# token. A word of at least four lower-case letters before the stop keeps abbreviations
# ("г.Москва", "ул.Ленина") and initials ("А.С.Пушкин") whole.
_GLUED_STOP = re.compile(r"(?<=[а-яё]{4}[.!?])(?=[А-ЯЁ][а-яё])")


# Abbreviations of four letters or more written before a name ("проф.Иванов", "акад.
# Сахарова", "просп.Мира", "обл.центр"): a stop after one of them ends no sentence.
_ABBREVIATIONS = frozenset(
    {"проф", "акад", "просп", "пров", "наб", "обл", "респ", "канд", "докт", "тыс", "млрд", "млн"}
)


def _abbreviated(line: str, cut: int) -> bool:
    """The word before a glued stop at ``cut`` is an abbreviation."""
    word = re.search(r"([а-яё]+)[.!?]$", line[:cut])
    return word is not None and word.group(1) in _ABBREVIATIONS


def _segments(text: str) -> Iterator[tuple[int, str]]:
    """``(offset, text)`` of each line of ``text``, cut again at glued full stops."""
    for line in _LINE.finditer(text):
        at = line.start()
        cuts = [
            m.start()
            for m in _GLUED_STOP.finditer(line.group())
            if not _abbreviated(line.group(), m.start())
        ]
        for lo, hi in zip([0, *cuts], [*cuts, len(line.group())], strict=True):
            yield at + lo, line.group()[lo:hi]


def _natasha(text: str) -> tuple[list[list[_Token]], list[tuple[int, int, str]]]:
    """natasha's sentences (tokens with text offsets) and names ``(first token start, last
    token start, label)`` of ``text``, read line by line."""
    from natasha import Doc as NatashaDoc

    segmenter, morph_tagger, syntax, ner = _models()[:4]
    sentences: list[list[_Token]] = []
    names: list[tuple[int, int, str]] = []
    for at, segment in _segments(text):
        if not segment.strip():
            continue
        budget.check()
        nd = NatashaDoc(segment)
        nd.segment(segmenter)
        nd.tag_morph(morph_tagger)
        nd.parse_syntax(syntax)
        nd.tag_ner(ner)
        for k, sent in enumerate(nd.sents):
            prefix = f"{at}.{k}."  # token ids unique in the whole text
            sentences.append(
                [
                    _Token(
                        prefix + t.id,
                        t.text,
                        at + t.start,
                        at + t.stop,
                        t.pos,
                        t.feats,
                        prefix + t.head_id if t.head_id else None,
                        t.rel,
                    )
                    for t in sent.tokens
                ]
            )
        names.extend(
            (at + s.tokens[0].start, at + s.tokens[-1].start, s.type) for s in nd.spans if s.tokens
        )
    return sentences, names


def parse_russian(text: str) -> Any:
    """A spaCy ``Doc`` of a Russian ``text`` (see the module docstring for what it holds)."""
    from spacy.tokens import Doc, Span

    morph, vocab = _models()[4:]
    sentences, names = _natasha(text)

    words: list[str] = []
    spaces: list[bool] = []
    pos: list[str] = []
    morphs: list[str] = []
    lemmas: list[str] = []
    heads: list[int] = []
    deps: list[str] = []
    starts: dict[int, int] = {}  # character offset → token index
    cursor = 0

    def gap(until: int) -> None:
        """Whitespace before ``until`` that one trailing space cannot carry: its own token."""
        nonlocal cursor
        between = text[cursor:until]
        if not between:
            return
        if between == " " and words:
            spaces[-1] = True
        else:
            if words and between.startswith(" ") and not spaces[-1]:
                spaces[-1] = True
                between = between[1:]
            if between:
                words.append(between)
                spaces.append(False)
                pos.append("SPACE")
                morphs.append("")
                lemmas.append(between)
                heads.append(max(len(words) - 2, 0))
                deps.append("dep" if len(words) > 1 else "ROOT")
        cursor = until

    for sent in sentences:
        ids: dict[str, int] = {}
        first = len(words)
        for tok in sent:
            gap(tok.start)
            ids[tok.id] = len(words)
            starts[tok.start] = len(words)
            words.append(tok.text)
            spaces.append(False)
            pos.append(tok.pos or "X")
            morphs.append(_feats(tok.feats or {}))
            lemmas.append(_lemma(tok.text, tok.pos or "", morph))
            heads.append(-1)  # filled below, once every id of the sentence is known
            deps.append(tok.rel or "dep")
            cursor = tok.stop
        for tok in sent:
            i = ids[tok.id]
            head = ids.get(tok.head_id or "")
            if head is None or deps[i] == "root":
                heads[i], deps[i] = i, "ROOT"
            else:
                heads[i] = head
        for i in range(first, len(words)):  # a head natasha left out: the token is a root
            if heads[i] == -1:
                heads[i], deps[i] = i, "ROOT"
        _break_cycles(heads, deps, first, len(words))
    gap(len(text))
    doc = Doc(
        vocab,
        words=words,
        spaces=spaces,
        pos=pos,
        morphs=morphs,
        lemmas=lemmas,
        heads=heads,
        deps=deps,
    )
    ents = []
    for first_char, last_char, label in names:
        first_tok, last_tok = starts.get(first_char), starts.get(last_char)
        if first_tok is not None and last_tok is not None:
            ents.append(Span(doc, first_tok, last_tok + 1, label=label))
    doc.ents = ents
    return doc
