"""Claims, part three: who gives a figure — a speech verb's subject, the speaker of the
quotation it stands in, an attribution ("by his figures"), or the paragraph's running speaker."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from corroborator import lexicon
from corroborator.analyze.claims_figures import _Figure
from corroborator.analyze.claims_subject import _SubjectReader
from corroborator.analyze.entities import ArticleEntities
from corroborator.analyze.quotes import inside
from corroborator.model import Article, TimeExpression


class _SpeakerReader(_SubjectReader):
    def __init__(
        self,
        doc: Any,
        article: Article,
        entities: ArticleEntities,
        timexes: Sequence[TimeExpression],
    ) -> None:
        super().__init__(doc, article, entities, timexes)
        self.quote_speakers: dict[tuple[int, int], str | None] = {
            q: self._quote_speaker(*q) for q in self.quotes
        }

    # -- who says so -----------------------------------------------------------------------------

    def _quote_speaker(self, start: int, end: int) -> str | None:
        """Who speaks a quotation: the subject of a speech verb in the sentence where it closes
        ("…,” said Putin) or opens (Putin said: “…"), outside the quotation itself."""
        for at in (end - 1, start):
            span = self.doc.char_span(at, at + 1, alignment_mode="expand")
            if span is None:
                continue
            for tok in self.sentences.of(span.start):
                if start <= tok.idx < end or tok.pos_ != "VERB":
                    continue
                if tok.lemma_.lower() not in self.ont.speech_verbs:
                    continue
                for child in tok.children:
                    if child.dep_ in {"nsubj", "nsubjpass"}:
                        person = self._person(child)
                        if person:
                            return person
        return None

    def _speaker(self, sent: Any, fig: _Figure) -> str | None:
        quote = inside(self.quotes, fig.start)
        if quote is not None and self.quote_speakers.get(quote):
            return self.quote_speakers[quote]
        in_quote = quote is not None
        root = self._root(fig)
        for tok in sent:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in self.ont.speech_verbs:
                continue
            if not (
                in_quote
                or (root is not None and root in tok.subtree)
                or self._colon_after(tok, fig)
            ):
                continue
            # "Putin put … and said …": a conjoined speech verb shares its head's subject
            heads = [tok, *([tok.head] if tok.dep_ == "conj" else [])]
            for child in (c for h in heads for c in h.children):
                if child.dep_ in {"nsubj", "nsubjpass"}:
                    person = self._person(child) or self._body(child)
                    if person:
                        return person
        for tok in sent:
            if (
                tok.lower_ == "according"
                and tok.i + 1 < len(self.doc)
                and self.doc[tok.i + 1].lower_ == "to"
            ):
                person = self._person(self.doc[tok.i + 1])
                body = next((c for c in self.doc[tok.i + 1].children if c.dep_ == "pobj"), None)
                person = person or (self._body(body) if body is not None else None)
                if person:
                    return person
        match = self.lex.attribution.search(sent.text)
        if match and (match.group("pron") or match.group("pron2")):
            person = self._previous_subject(sent)
            if person:
                return person
        para = self.text.count("\n", 0, sent.start_char)
        if self.last_speaker[0] == para:
            return self.last_speaker[1]
        return None

    def _previous_subject(self, sent: Any) -> str | None:
        """The person the sentence before ``sent`` is about: its subject when that is a person,
        else the last person it names ("Japarov offered a higher count. By his figures, …")."""
        spans = self.sentences.spans
        index = next((i for i, s in enumerate(spans) if s.start_char == sent.start_char), 0)
        if index == 0:
            return None
        prev = spans[index - 1]
        for tok in prev:
            if tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.i == prev.root.i:
                person = self._person(tok)
                if person:
                    return person
        people = [
            m.canonical
            for m in self.entities.at(prev.start_char, prev.end_char)
            if m.label == "PERSON" and m.canonical
        ]
        return people[-1] if people else None

    def _colon_after(self, verb: Any, fig: _Figure) -> bool:
        """ "X highlighted record trade: turnover grew …" — the figures after the colon."""
        between = self.text[verb.idx : fig.start]
        return ":" in between

    def _body(self, tok: Any) -> str | None:
        """An organisation as the speaker ("the Indonesian foreign ministry said", "according to
        the health ministry"): its canonical name when it is a named organisation, else the
        noun phrase of a body (``speaking_bodies`` in data/claims.yaml)."""
        start = min(t.idx for t in tok.subtree)
        end = max(t.idx + len(t.text) for t in tok.subtree)
        # the report's own outlet, named in its dateline ("MARENSK, April 15 (Wire) - the
        # alliance said …" parses the dateline into the subject), is never its own source
        outlet = (self.article.outlet or "").casefold()
        for m in self.entities.at(start, end):
            if m.label == "ORG" and m.canonical and m.canonical.casefold() != outlet:
                return str(m.canonical)
        bodies = {str(w) for w in lexicon.load(self.pack).get("speaking_bodies", [])}
        if tok.lemma_.lower() in bodies or tok.lower_ in bodies:
            return str(self._phrase(tok))
        return None

    def _person(self, tok: Any) -> str | None:
        start = min(t.idx for t in tok.subtree)
        end = max(t.idx + len(t.text) for t in tok.subtree)
        for m in self.entities.at(start, end):
            if m.label == "PERSON" and m.canonical:
                return m.canonical
        return None
