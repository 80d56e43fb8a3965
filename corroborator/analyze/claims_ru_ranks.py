"""Russian claims, part three: rank statements, read from the UD parse as the English ranks are.

The forms Russian writes a position in ("занимает третье место среди торговых партнеров",
"на первом месте по объему торговли", "вторая по величине экономика региона", "второй
крупнейший инвестор", "крупнейший торговый партнер", "ведущий партнер") become figures of unit
and measure ``rank`` with the English subject shape ("rank of China as trade partner"): the
ranked noun and its domain are put in English where ``rank_nouns`` and ``rank_domains`` of
``data/claims_ru.yaml`` know them, the one ranked is its canonical name, so that a Russian and
an English report of one rank compare. "Один из крупнейших" (one of) and plurals (a group)
rank nothing, as in English.
"""

from __future__ import annotations

from typing import Any

from corroborator import lexicon
from corroborator.analyze.claims_ru_figures import _DIGIT_ORDINAL, _norm, _RussianFigures
from corroborator.model import ClaimValue

_SUBJECTS = {"nsubj", "nsubj:pass"}
# "один из крупнейших", "в числе ведущих", "среди крупнейших": one of a group, no rank
_ONE_OF = {"один", "одна", "одно", "одним", "одной", "одного", "числе", "ряду", "среди"}


class _RussianRanks(_RussianFigures):
    def _ranks(self, sent: Any) -> list[ClaimValue]:
        data = lexicon.load("claims_ru.yaml")
        ordinals = {str(k): float(v) for k, v in data.get("ordinals", {}).items()}
        nouns = {str(k): str(v) for k, v in data.get("rank_nouns", {}).items()}
        words = {str(k): str(v) for k, v in data.get("rank_words", {}).items()}
        measures = {str(w) for w in data.get("rank_measures", [])}
        places = {str(w) for w in data.get("rank_places", [])}
        out: list[ClaimValue] = []
        taken: set[int] = set()
        for tok in sent:
            if tok.i in taken:
                continue
            lemma = _norm(tok.lemma_)
            digits = _DIGIT_ORDINAL.fullmatch(tok.text)
            nth = float(digits.group(1)) if digits else ordinals.get(lemma)
            loose = False
            head = tok.head
            if nth is not None and tok.dep_ == "amod":
                # "третье место", "на первом месте": a place in a ranking
                if _norm(head.lemma_) in places:
                    noun = None
                # "вторая по величине экономика", "второй крупнейший инвестор"
                elif any(
                    c.dep_ == "nmod" and _norm(c.lemma_) in measures for c in tok.children
                ) or any(
                    c.dep_ == "amod" and c.i > tok.i and self._superlative(c, words)
                    for c in head.children
                ):
                    noun = head
                else:
                    continue
            elif (
                tok.dep_ == "amod"
                and tok.i < head.i
                and self._superlative(tok, words)
                and _norm(head.lemma_) in nouns
                and "Plur" not in head.morph.get("Number")
                and not any(_norm(c.lemma_) in ordinals for c in head.children)
            ):
                nth = 1.0  # "крупнейший торговый партнер": first
                loose = words.get(lemma) == "loose"  # "ведущий партнер": one of the first few
                noun = head
            else:
                continue
            before = self.text[max(sent.start_char, tok.idx - 25) : tok.idx].lower().split()
            if any(w.strip(",") in _ONE_OF for w in before[-3:]):
                continue
            ranked = head if noun is None else noun
            who = self._holder(ranked)
            if noun is None:
                noun = next(
                    (c for c in ranked.children if c.dep_ == "nmod" and _norm(c.lemma_) in nouns),
                    None,
                )
            if who is None and noun is None:
                continue
            domain = self._domain(ranked, noun, data)
            name = ""
            if noun is not None:
                name = nouns.get(_norm(noun.lemma_), _norm(noun.lemma_))
            name = f"{domain} {name}".strip()
            subject = f"rank of {who}" if who else "rank"
            subject += f" as {name}" if name else ""
            start = tok.idx
            end = max(tok.idx + len(tok.text), ranked.idx + len(ranked.text))
            taken |= {tok.i, ranked.i}
            out.append(self._rank_value(sent, subject, nth, start, end, loose))
        return out

    @staticmethod
    def _superlative(tok: Any, words: dict[str, str]) -> bool:
        """ "крупнейший", "ведущий" (``rank_words``), "самый крупный" (a superlative form)."""
        lemma = _norm(tok.lemma_)
        if _norm(tok.text) in words or lemma in words:
            return True
        return "Sup" in tok.morph.get("Degree") and lemma in {"крупный", "большой"}

    def _holder(self, ranked: Any) -> str | None:
        """Who holds the rank: the subject of the ranked noun ("Индонезия — вторая … экономика")
        or of the verb it completes ("Китай остается крупнейшим партнером", "Чили занимает
        третье место"), or the name it is in apposition to; its canonical name when it is one."""
        case = ranked.morph.get("Case")
        first = min(
            [ranked.i, *(c.i for c in ranked.children if c.i < ranked.i and c.dep_ != "punct")]
        )
        doc = ranked.doc
        if first >= 2 and doc[first - 1].text in {"—", "–", ","}:
            # "в Арекипе — втором по величине городе Перу": the name the phrase stands beside,
            # in its case (a parse may hang the phrase on the verb)
            before = doc[first - 2]
            if before.pos_ == "PROPN" and before.morph.get("Case") == case:
                return self._name_of(before)
        near = [*ranked.children, *(g for c in ranked.children for g in c.children)]
        appos = next(  # the parse may hang it on the noun's own "of" phrase
            (c for c in near if c.dep_ == "appos" and c.morph.get("Case") == case), None
        )
        if appos is not None:  # "крупнейший партнер Монголии — Китай" (not "городе Перу")
            return self._name_of(appos)
        naming = {str(w) for w in lexicon.load("claims_ru.yaml").get("naming_verbs", [])}
        if ranked.dep_ == "xcomp" and _norm(ranked.head.lemma_) in naming:
            # "Индия называет Россию ведущим партнером": the one named, not the one naming
            obj = next((c for c in ranked.head.children if c.dep_ == "obj"), None)
            if obj is not None:
                return self._name_of(obj)
        node = ranked
        for _ in range(3):
            subj = next((c for c in node.children if c.dep_ in _SUBJECTS), None)
            if subj is not None and subj.i != ranked.i:
                return self._name_of(subj)
            if (node.dep_ == "appos" and node.head.pos_ in {"PROPN", "NOUN"}) or (
                node.dep_ == "nsubj" and node.head.pos_ == "PROPN"
            ):
                return self._name_of(node.head)
            if node.dep_ not in {"obj", "obl", "xcomp", "nmod", "conj"} or node.head.i == node.i:
                break
            node = node.head
        return None

    def _name_of(self, tok: Any) -> str | None:
        if tok.pos_ == "PRON":
            return None
        end = tok.idx + len(tok.text)
        for c in tok.children:
            if c.dep_.startswith("flat"):
                end = max(end, c.idx + len(c.text))
        for m in self.entities.at(tok.idx, end):
            if m.canonical and m.label in {"GPE", "ORG", "NORP", "LOC", "PERSON"}:
                return str(m.canonical)
        if tok.pos_ != "PROPN":
            return None  # a common noun ("страна", "компания") says nothing of who
        return str(tok.lemma_).capitalize()

    @staticmethod
    def _domain(ranked: Any, noun: Any, data: dict[str, Any]) -> str:
        """The domain of the ranking: an adjective of the ranked noun or of what it ranks among
        ("торговых партнеров" → trade), or what it is measured by ("по объему торговли")."""
        domains = {str(k): str(v) for k, v in data.get("rank_domains", {}).items()}
        near = [ranked, *([noun] if noun is not None else [])]
        if ranked.dep_ in {"obl", "obj", "xcomp"}:
            # "по объему торговли на первом месте находится Китай": the verb's other words
            near.append(ranked.head)
        for node in near:
            for c in node.children:
                for t in [c, *c.children]:
                    found = domains.get(_norm(t.lemma_))
                    if found:
                        return found
        return ""
