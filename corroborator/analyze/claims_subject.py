"""Claims, part two: what a figure measures — its measure (amount, share, growth, decline,
count), its subject noun phrase, and the period of its clause."""

from __future__ import annotations

import re
from typing import Any

from corroborator.analyze.claims_figures import _Figure, _FigureReader
from corroborator.analyze.claims_periods import first_months, timex_period
from corroborator.analyze.claims_shares import held_share

# Prepositions that bring in examples of a noun, not a part of what it is: "12 agreements,
# including a rail deal", "fees, excluding taxes"
_EXAMPLES = frozenset({"including", "excluding"})


def _such_as(tok: Any) -> bool:
    """Whether ``tok`` is the "as" of "such as" ("exports such as grain"): examples again."""
    return bool(tok.lower_ == "as" and any(c.lower_ == "such" for c in tok.children))


class _SubjectReader(_FigureReader):
    # -- what the figure measures -----------------------------------------------------------------

    def _root(self, fig: _Figure) -> Any:
        span = self.doc.char_span(fig.start, fig.end, alignment_mode="expand")
        return span.root if span is not None else None

    def _phrase(self, tok: Any, fig: _Figure | None = None) -> str:
        """A noun phrase without determiners, the figure itself, conjuncts or trailing clauses."""
        keep = [
            t
            for t in tok.subtree
            if t.dep_ not in {"relcl", "acl", "appos", "punct", "cc"} or t.i == tok.i
        ]
        drop: set[int] = set()
        for t in tok.subtree:
            if t.dep_ in {"relcl", "acl", "appos", "conj"} and t.i != tok.i:
                drop |= {s.i for s in t.subtree}
            if t.dep_ == "prep" and t.i != tok.i:
                sub = sorted(t.subtree, key=lambda s: s.i)
                phrase = self.doc[sub[0].i : sub[-1].i + 1].text
                if self.lex.attribution.fullmatch(phrase):
                    drop |= {s.i for s in sub}  # "by his figures" names a source, not a subject
                elif t.lower_ in _EXAMPLES or _such_as(t):
                    drop |= {s.i for s in sub}  # "agreements, including a rail deal": examples
            if t.lower_ == "worth" and t.i != tok.i:
                drop |= {s.i for s in t.subtree}  # "a deal worth $9 million": its value
            if fig is not None and fig.start <= t.idx < fig.end:
                drop.add(t.i)
        words = [t for t in keep if t.i not in drop and t.dep_ not in {"det"} and t.tag_ != "PRP$"]
        words = [
            t
            for t in words
            if not t.like_num and t.tag_ != "CD" and t.lower_ not in {"%", "percent", "$"}
        ]
        words = self._mend(sorted(words, key=lambda t: t.i), tok)
        text = " ".join(t.text for t in words)
        text = re.sub(r"\s+(['’]s)\b", r"\1", text).strip(" ,.")
        for wrapper in self.lex.wrappers:
            if text.lower().startswith(wrapper + " "):
                text = text[len(wrapper) + 1 :]
        return text

    def _mend(self, words: list[Any], head: Any) -> list[Any]:
        """Repair what a wrong parse does to a noun phrase: cut it at a finite verb the parser
        hung inside it ("companies with Russian capital operate in …"), and complete a
        preposition left without its object ("companies with" when "capital" was attached
        elsewhere) with the adjectives and nouns that follow it in the text."""
        for n, t in enumerate(words):
            if t.i > head.i and t.tag_ in {"VBP", "VBZ", "VBD", "MD"}:
                words = words[:n]
                break
        if words and words[-1].dep_ == "prep" and words[-1].i > head.i:
            nxt = words[-1].i + 1
            sent_end = words[-1].sent.end
            while nxt < sent_end and self.doc[nxt].pos_ in {"ADJ", "NOUN", "PROPN"}:
                words.append(self.doc[nxt])
                nxt += 1
        return words

    def _numbered(self, noun: Any) -> str:
        """What an ordinal numbers, as whose visit to where: the noun with its possessor and
        its "to", "with" and "by" phrases ("Putin's visit to Vietnam"), without the span or the
        other phrases around it ("in 24 years", "as head of state"), which tell no other visit."""
        poss = next((c for c in noun.children if c.dep_ == "poss"), None)
        own = "" if poss is None or poss.pos_ == "PRON" else f"{poss.text}'s"  # "his": no one
        words = [own, noun.lemma_.lower()]
        for prep in noun.children:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if prep.dep_ == "prep" and prep.lower_ in {"to", "with", "by"} and obj is not None:
                name = " ".join(t.text for t in obj.subtree if t.dep_ not in {"det", "prep"})
                name = name.split(" ")[0] if obj.pos_ != "PROPN" else self._phrase(obj)
                words.append(f"{prep.lower_} {name}")
        return " ".join(w for w in words if w)

    def _worth(self, root: Any) -> Any:
        """The noun a figure says the worth of ("a deal worth $9 million", "the deal is worth
        …", "signed deals worth …"), or None when the figure hangs from no "worth"."""
        worth = root.head
        if root.dep_ != "npadvmod" or worth.lower_ != "worth":
            return None
        if worth.dep_ == "amod" and worth.head.pos_ in {"NOUN", "PROPN"}:
            return worth.head
        if worth.dep_ in {"acomp", "oprd"}:
            deps = {"nsubj", "nsubjpass"} if worth.dep_ == "acomp" else {"dobj", "obj"}
            found = next((c for c in worth.head.children if c.dep_ in deps), None)
            if found is not None and found.pos_ in {"NOUN", "PROPN"}:
                return found
        return None

    def _subject_of(self, verb: Any) -> Any:
        for v in [verb, *([verb.head] if verb.dep_ in {"conj", "xcomp", "advcl"} else [])]:
            for c in v.children:
                if c.dep_ in {"nsubj", "nsubjpass"}:
                    return c
        if verb.dep_ == "acl":  # "investment exceeding $1.8 billion"
            return verb.head
        return None

    def _measure(self, fig: _Figure) -> tuple[str, str | None, str | None]:
        """``(measure, subject, counted)`` of a figure."""
        root = self._root(fig)
        if root is None:
            return "amount", None, None
        if fig.unit == "occurrence":  # "his second visit to Pyongyang": the visit numbered
            noun = root.head
            verb = noun.head
            if noun.lemma_.lower() == "time" and "VERB" in {verb.pos_, verb.head.pos_}:
                verb = verb if verb.pos_ == "VERB" else verb.head
                # "for the fourth time, the council rejected the plan": what is done that time
                obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
                done = verb.lemma_.lower() + (f" {self._phrase(obj)}" if obj is not None else "")
                return "count", done, "occurrence"
            return "count", self._numbered(noun), "occurrence"
        counted = None
        if fig.unit is None and root.dep_ == "nummod":
            counted = root.head
        elif fig.unit is None and root.head.dep_ == "nummod":
            counted = root.head.head
        dated = counted is not None and self._in_timex(counted.idx, counted.idx + len(counted.text))
        if dated and counted is not None and counted.head.pos_ in {"VERB", "AUX"}:
            # "reached 45,000 last year": the parser hung the figure on the date after it; the
            # figure belongs to the verb, and a year is not what it counts
            root, counted = counted.head, None
        transparent = {
            *self.lex.record_words,
            "figure",
            "total",
            "sum",
            "level",
            "mark",
            "high",
            "number",
        }
        if (
            counted is not None
            and counted.pos_ in {"NOUN", "PROPN"}
            and counted.lemma_.lower() not in transparent
        ):
            return "count", self._phrase(counted, fig), counted.lemma_.lower()
        of_change = self.lex.growth_verbs | self.lex.decline_verbs
        # "a fivefold increase in arrivals", "a 3-fold rise in exports", "a 5x jump in sales":
        # what grew (the figure's last word modifies the noun of change)
        last = self.doc.char_span(fig.end - 1, fig.end, alignment_mode="expand")
        word = last[0] if fig.unit == "times" and last is not None and len(last) else None
        change = word.head if word is not None and word.dep_ in {"amod", "nummod"} else None
        if change is not None and change.lemma_.lower() in of_change:
            of = next(
                (c for c in change.children if c.dep_ == "prep" and c.lower_ in {"in", "of"}),
                None,
            )
            grown = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
            if grown is not None:
                return "amount", self._phrase(grown, fig), None
        money = fig.unit not in {None, "percent", "times", "magnitude"} and fig.measure is None
        spent = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "in"), None)
        if money and spent is not None:
            # "$2 billion in investment", "$100 billion in bilateral trade": what the money is
            what = next((c for c in spent.children if c.dep_ == "pobj"), None)
            if (
                what is not None
                and what.pos_ == "NOUN"
                and not self._in_timex(what.idx, what.idx + len(what.text))
            ):
                return "amount", self._phrase(what, fig), None
        volume = fig.unit in {u for u, _ in self.lex.figure_units.values()}
        of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        what = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        if volume and what is not None and what.pos_ in {"NOUN", "PROPN"}:
            return "amount", self._phrase(what, fig), None  # "38 bcm of gas": the gas
        valued = self._worth(root)
        if money and valued is not None:
            # "a rail deal worth $900 million", "the contract is worth $2 billion", "signed
            # deals worth $10 billion": what is worth the money
            return "amount", self._phrase(valued, fig), None
        # climb to the verb that governs the figure, through "a record $4.1 billion"
        prep = None
        node = root
        while node.dep_ in {"compound", "nmod", "quantmod", "nummod", "amod", "appos"} and (
            node.head.lemma_.lower() in transparent
        ):
            node = node.head
        for _ in range(4):
            if node.dep_ == "pobj" and node.head.dep_ in {"prep", "agent"}:
                prep = node.head.lower_
                node = node.head.head
                continue
            if node.pos_ in {"VERB", "AUX"}:
                break
            if (
                node.dep_ in {"dobj", "attr", "npadvmod", "nsubj", "appos", "oprd", "advmod"}
                or node.head.pos_ == "VERB"
            ):
                node = node.head
                if node.pos_ in {"VERB", "AUX"}:
                    break
                continue
            break
        after = self.text[fig.end : fig.end + 40].lower()
        before = self.text[max(0, fig.start - 6) : fig.start].lower()
        wider = self.text[max(0, fig.start - 20) : fig.start].lower()
        if fig.unit == "percent" and re.search(r"\b(?:up|down)\s+from\s*$", wider):
            # "turnout was 61%, up from 55% in 2020": the figure after "up/down from" is the
            # same measure at an earlier time, not a change of its own
            return "share", None, None  # claims._compared_with: the last figure's subject
        if fig.unit == "percent" and (
            re.match(r"\s*(?:more|higher|up|increase)\b.{0,25}\b(?:than|on|from|year)", after)
            or re.search(r"\bup\s*$", before)
            or re.search(r"\b(?:rise|increase|growth|gain|jump|climb)\s+of\s*$", wider)
        ):
            return "growth", self._resolve_near(root), None
        if fig.unit == "percent" and (
            re.match(r"\s*(?:less|lower|down|decrease)\b.{0,25}\b(?:than|on|from|year)", after)
            or re.search(r"\bdown\s*$", before)
            or re.search(r"\b(?:fall|decrease|decline|drop|contraction)\s+of\s*$", wider)
        ):
            return "decline", self._resolve_near(root), None
        if fig.unit == "percent":
            of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
            shared = held_share(self, root, obj)
            if shared is not None:
                return "share", shared, None
            if obj is not None:
                return "share", self._phrase(obj), None
        if node.pos_ in {"VERB", "AUX"}:
            lemma = node.lemma_.lower()
            if prep == "at" and lemma in self.lex.valuation_verbs:
                valued = next((c for c in node.children if c.dep_ in {"dobj", "obj"}), None)
                if valued is not None and valued.pos_ == "PRON" and node.dep_ == "advcl":
                    # "turnout was lower, putting it at 52%": the pronoun is the subject of
                    # the clause the participle hangs from
                    valued = self._subject_of(node.head) or valued
                if valued is not None:
                    measure = "share" if fig.unit == "percent" else "amount"
                    return measure, self._phrase(valued, fig), None
            subj = self._subject_of(node)
            subject = self._resolve(subj)
            changed = next((c for c in node.children if c.dep_ in {"dobj", "obj"}), None)
            if prep in {"to", "from", "by"} and changed is not None and changed.i != root.i:
                # "would reduce tariffs on Chinese goods to 47%", "raised the death toll to
                # 2,886": the figure is what the object became, not what the subject is
                subj = changed
                subject = self._phrase(changed, fig)
            counted_of = self._number_of(subj)
            if fig.unit is None and counted_of is not None:
                return "count", subject, counted_of
            changes = lemma in self.lex.growth_verbs or lemma in self.lex.decline_verbs
            if fig.unit == "percent" and changes and prep in {None, "by"}:
                kind = "growth" if lemma in self.lex.growth_verbs else "decline"
                return kind, subject, None
            if fig.unit == "percent":
                return "share", subject, None
            return "amount", subject, None
        if root.dep_ in {"nsubj", "nsubjpass"}:
            return "amount", None, None
        head = root.head if root.head.pos_ in {"NOUN", "PROPN"} else None
        return (
            ("share" if fig.unit == "percent" else "amount"),
            (self._phrase(head) if head is not None else None),
            None,
        )

    def _place_of(self, fig: _Figure) -> str | None:
        """Where a casualty count was counted, said by its clause rather than its subject:
        "1,670 are from Mandalay", "Mandalay suffered the highest casualties, with 694 deaths,
        1,640 injured" — a place named as the object of "in"/"from"/"at" of the verb the
        figure hangs from, or as that verb's subject."""
        after = re.match(
            r"\s+(?:(?:people|persons|are|were|is|was)\s+)?(?:in|from|at)\s+(?:the\s+)?",
            self.text[fig.end : fig.end + 40],
        )
        if after:  # "… and 694 in Mandalay Region": a place named right after the figure
            at = fig.end + after.end()
            tok = next((t for t in self.doc if t.idx == at), None)
            if tok is not None and self._is_place(tok):
                return self._phrase(tok, fig)
        node = self._root(fig)
        for _ in range(6):  # up through the clauses the figure hangs from
            if node is None or node.head.i == node.i:
                break
            node = node.head
            if node.pos_ not in {"VERB", "AUX"}:
                continue
            candidates = [
                obj
                for prep in node.children
                if prep.dep_ == "prep" and prep.lower_ in {"in", "from", "at"}
                for obj in prep.children
                if obj.dep_ == "pobj"
            ]
            candidates += [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}]
            for tok in candidates:
                if self._is_place(tok):
                    return self._phrase(tok, fig)
        return None

    def _is_place(self, tok: Any) -> bool:
        """A proper noun that names no person, people or organisation: the statistical NER
        often misses or mislabels a region or town ("Mandalay", "Sagaing"), so a proper noun
        it does not call a person, group or outlet counts as a place."""
        capitalised_object = tok.text[:1].isupper() and tok.dep_ == "pobj"  # tagged VERB at times
        if tok.pos_ != "PROPN" and not capitalised_object:
            return False
        labels = {m.label for m in self.entities.at(tok.idx, tok.idx + len(tok.text))}
        return not labels & {"PERSON", "NORP"}

    def _resolve_near(self, root: Any) -> str | None:
        """The subject of the verb a growth figure hangs from ("trade had hit …, 13.6% more")."""
        node = root
        for _ in range(6):
            # a verb that heads a preposition ("according to customs data, an increase of
            # 12%") is no clause of the figure: go on to the clause's own verb
            if node.pos_ in {"VERB", "AUX"} and node.dep_ != "prep":
                return self._resolve(self._subject_of(node))
            if node.head.i == node.i:
                break
            node = node.head
        return self.last_subject

    def _number_of(self, subj: Any) -> str | None:
        """ "the number of Russian companies" → "company": the thing a count counts."""
        if subj is None or subj.lemma_.lower() not in {"number", "total", "count"}:
            return None
        for child in subj.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    lemma = str(obj.lemma_.lower())
                    return self.lex.unit_synonyms.get(lemma, lemma)
        return None

    def _resolve(self, subj: Any) -> str | None:
        if subj is None:
            return None
        if subj.lower_ in {"that", "which", "who"} and subj.head.dep_ == "relcl":
            # "held talks that lasted three hours": the relative pronoun stands for the noun
            # its clause hangs from
            return self._phrase(subj.head.head) or None
        if subj.lower_ in {"it", "this", "that", "they"}:
            return self.last_subject
        return self._phrase(subj) or None

    def _period(self, fig: _Figure, sent: Any) -> str | None:
        root = self._root(fig)
        clause: set[int] = set()
        if root is not None:
            top = root
            while (
                top.head.i != top.i
                and top.dep_ not in {"ccomp", "advcl", "relcl"}
                and top.pos_ not in {"VERB", "AUX"}
            ):
                top = top.head
            while top.head.i != top.i and top.dep_ in {"conj", "xcomp"}:
                top = top.head
            clause = {t.i for t in top.subtree}
        # "61%, up from 55% in 2020", "higher than in 2020": a date of the figure compared
        # with is that figure's, not this one's
        baseline: set[int] = set()
        for tok in sent:
            compares = tok.lower_ == "than" or (
                tok.lower_ == "from"
                and (tok.head.lower_ in {"up", "down"} or tok.head.tag_ in {"JJR", "RBR"})
            )
            if compares and tok.dep_ == "prep" and (root is None or root not in tok.subtree):
                baseline |= {t.i for t in tok.subtree}
        best: tuple[int, str] | None = None
        # «за первые шесть месяцев 2024 года», "in the first nine months": a stretch of the
        # year (the year written inside it is part of it)
        months = first_months(
            self.text,
            sent.start_char,
            sent.end_char,
            self.article.published,
            "en",
            sent.start_char,
        )
        for t in self.timexes_from(sent.start_char, sent.end_char):
            if t.type != "DATE" or not t.value:
                continue
            if any(a <= t.start < b for a, b, _ in months):
                continue
            span = self.doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is None or (clause and not any(tok.i in clause for tok in span)):
                continue
            if any(tok.i in baseline for tok in span):
                continue
            value = t.value
            if value in {"PRESENT_REF", "PAST_REF", "FUTURE_REF"} or value.startswith("X"):
                continue
            distance = abs(t.start - fig.start)
            if best is None or distance < best[0]:
                best = (distance, timex_period(t))
        if best is None:  # "in the first nine months": a stretch of the year, not a duration
            for a, _, period in months:
                if best is None or abs(a - fig.start) < best[0]:
                    best = (abs(a - fig.start), period)
        return best[1] if best else None
