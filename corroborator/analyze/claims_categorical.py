"""Claims, part four: categorical statements — rank ("the leading trade partner", "ranking
second after China") and the visit's protocol category (from the events)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from corroborator import lexicon
from corroborator.analyze.claims_figures import _ORDINALS, _Figure
from corroborator.analyze.claims_speaker import _SpeakerReader
from corroborator.model import ClaimValue, EventMention


class _CategoricalReader(_SpeakerReader):
    # -- categorical claims ------------------------------------------------------------------------

    def _ranks(self, sent: Any) -> list[ClaimValue]:
        """ "ranking second after China", "Kyrgyzstan's leading trade partner": a rank claim."""
        data = lexicon.load("claims.yaml")
        nouns = "|".join(re.escape(str(n)) for n in data["rank_nouns"])
        words = "|".join(
            re.escape(str(w)) for w in sorted(data["rank_words"], key=len, reverse=True)
        )
        domains = {str(k): str(v) for k, v in data.get("rank_domains", {}).items()}
        dom = "|".join(re.escape(d) for d in domains)
        pattern = re.compile(
            rf"\b(?P<rank>{words})(?:[-\s](?:largest|biggest))?\b(?P<domain>(?:\s+(?:{dom}|and))*)"
            rf"\s+(?P<noun>{nouns})s?\b|\branking\s+(?P<rank2>first|second|third|fourth|fifth)"
            rf"(?:\s+after\s+(?P<after>[A-Z]\w+))?",
            re.IGNORECASE,
        )
        # the domain of a bare "ranking second": the partner noun phrase elsewhere in the sentence
        context = re.search(
            rf"\b(?P<domain>(?:(?:{dom})\s+)+)(?P<noun>{nouns})s?\b", sent.text, re.IGNORECASE
        )
        out = []
        text = self.text
        for m in pattern.finditer(text, sent.start_char, sent.end_char):
            before = text[max(sent.start_char, m.start() - 40) : m.start()].lower()
            if re.search(r"\b(?:one of|among)\b[^.,;]*$", before):
                continue  # "one of the largest investors" ranks nothing
            rank_word = (m.group("rank") or m.group("rank2") or "").lower()
            rank = _ORDINALS.get(rank_word, 1 if m.group("rank") else None)
            if rank is None:
                continue
            subj = next(
                (t for t in sent if t.dep_ in {"nsubj", "nsubjpass"} and t.head.i == sent.root.i),
                None,
            )
            named: str | None = None
            if sent.root.lemma_.lower() in self.lex.naming_verbs:
                # "Putin called Russia Kyrgyzstan's leading partner": the one named ranks, the
                # first country or organisation of the object (the parse often fuses the two
                # noun phrases into one)
                obj = next(
                    (t for t in sent.root.children if t.dep_ in {"dobj", "obj", "oprd"}), None
                )
                if obj is not None:
                    start = min(t.idx for t in obj.subtree)
                    named = next(
                        (
                            e.canonical or e.text
                            for e in self.entities.at(start, m.start())
                            if e.label in {"GPE", "ORG", "NORP"}
                        ),
                        None,
                    )
            if named is None and (subj is None or subj.pos_ == "PRON"):
                continue
            who = named or self._phrase(subj)
            words_found = (m.group("domain") or "").split() or (
                context.group("domain").split() if context else []
            )
            domain = next((domains[w.lower()] for w in words_found if w.lower() in domains), "")
            noun = (m.group("noun") or (context.group("noun") if context else "partner")).lower()
            noun = f"{domain} {noun}".strip()
            value = f"rank {rank}" + (f" (after {m.group('after')})" if m.group("after") else "")
            out.append(
                ClaimValue(
                    article_id=self.article.id,
                    subject=f"rank of {who} as {noun}",
                    period=None,
                    unit="rank",
                    kind="categorical",
                    value=value,
                    text=m.group(0),
                    quote=sent.text.strip(),
                    start=m.start(),
                    end=m.end(),
                    qualifier="exact",
                    said_by=self._speaker(
                        sent, _Figure(m.start(), m.end(), m.group(0), 0.0, 1.0, None)
                    ),
                    measure="rank",
                    quote_start=sent.start_char,
                    quote_end=sent.start_char + len(sent.text.rstrip()),
                )
            )
        return out


def visit_type_claims(events: Sequence[EventMention], text: str = "") -> list[ClaimValue]:
    """The protocol category of the visit an article reports ("state visit"), from its events.
    The value's span covers the category words too when they stand before the visit word."""
    out = []
    for e in events:
        if e.type == "visit" and e.subtype and not e.background:
            start = e.trigger_start
            words = f"{e.subtype.replace('_', ' ')} "
            if text[max(0, start - len(words)) : start].lower() == words.lower():
                start -= len(words)
            out.append(
                ClaimValue(
                    article_id=e.article_id,
                    subject="protocol category of the visit",
                    period=None,
                    unit="category",
                    kind="categorical",
                    value=f"{e.subtype} visit",
                    text=text[start : e.trigger_end] if text else f"{e.subtype} visit",
                    quote=e.quote,
                    start=start,
                    end=e.trigger_end,
                    qualifier="exact",
                    said_by=e.said_by,
                    measure="category",
                    quote_start=e.start,
                    quote_end=e.end,
                )
            )
            break  # one category per article: the first time it names the visit's type
    return out
