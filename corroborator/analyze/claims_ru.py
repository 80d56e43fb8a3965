"""Russian claims: the English claims pass (:mod:`.claims`) reading a Russian parse.

The figures are found by :mod:`.claims_ru_figures`; this module says what each measures and
who gives it, from the Universal Dependencies tree of :func:`~.russian_doc.parse_russian`:

* **subject** — the subject of the verb the figure hangs from ("товарооборот увеличился …"), the
  noun it counts ("200 российских спасателей" → "российские спасатели"), or the noun a wrapper
  governs ("число погибших" → "погибшие"); a plain nominative phrase (the head and its
  adjectives put in the nominative, the rest as written), so that it can be embedded and
  compared across languages;
* **unit** — a currency, ``percent``, a duration or measure unit, or what is counted, in English
  where ``data/claims_ru.yaml`` knows it ("человек" → ``people``);
* **measure** — growth or decline from a verb or noun of change ("увеличился на 8%", "рост на
  17%"), a share, an amount, a count; casualty counts (death, injury, missing) from the words
  around the figure, which makes them running totals as in English;
* **period** — a date expression of its clause (the article's time expressions), else a year
  written in the sentence ("по итогам 2023 г.", "в 2024 году");
* **speaker** — the quotation's speaker («…», „…“ and dash-introduced speech), the subject of a
  speech verb of its sentence ("заявил министр"), an attribution ("по словам министра", "по данным
  МЧС"), or the paragraph's running speaker.

Interval arithmetic, qualifier semantics and the ClaimValue itself are the English pass's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from corroborator.analyze.claims_figures import _Figure
from corroborator.analyze.claims_periods import timex_period
from corroborator.analyze.claims_ru_figures import _norm, counted_lemma
from corroborator.analyze.claims_ru_ranks import _RussianRanks
from corroborator.analyze.claims_words import word_claims
from corroborator.analyze.entities import ArticleEntities
from corroborator.analyze.russian_doc import morph_analyzer
from corroborator.model import Article, ClaimValue, EventMention, TimeExpression

# dependents that belong to a subject's noun phrase; clauses, conjuncts and appositions do not
_PHRASE_DEPS = {"amod", "nmod", "case", "flat", "flat:name", "flat:foreign", "compound", "det"}
# a subject phrase longer than this many words has swallowed more than the noun phrase (a long
# nmod chain); six words hold every subject in the development texts
_MAX_WORDS = 6
# "по итогам 2023 г.", "в 2024 году", "за 2023 год": a year in the sentence, when the article has
# no date expression there
_YEAR = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)\s*(?:г\.|год\w*|гг\.)", re.IGNORECASE)
_SUBJECT_DEPS = {"nsubj", "nsubj:pass"}


class _RussianClaims(_RussianRanks):
    # -- what the figure measures ----------------------------------------------------------------

    def _measure(self, fig: _Figure) -> tuple[str, str | None, str | None]:
        tokens = self._tokens(fig)
        if not tokens:
            return "amount", None, None
        last = tokens[-1]
        inside = {t.i for t in tokens}
        counted = None
        if fig.unit is None and fig.measure is None:
            counted = self._counted_after(last)
            if counted is not None and counted.i in inside:
                counted = None
        if counted is not None:
            lemma = counted_lemma(counted)
            if lemma in self.ru["measure_units"]:
                fig.unit = self.ru["measure_units"][lemma]
                counted = None
            elif lemma not in self.lex.wrappers:
                unit = self.ru["counted_units"].get(lemma, lemma)
                people = (
                    self._subject_of_people(tokens, inside | {counted.i})
                    if unit == "people"
                    else None
                )
                return "count", people or self._phrase_ru(counted, inside), unit
        verb = self._verb_of(tokens)
        described = self._described(fig, tokens, verb, inside)
        if described is not None:
            return described
        change = self._change(fig, tokens, verb)
        subject = (
            self._changing_noun(fig, tokens, inside)
            or self._money_of(fig, last, inside)
            or self._worth_of(fig, last, inside)
            or self._priced(fig, last, inside)
            or self._changed_object(verb, inside)
        )
        if subject is None and verb is not None:
            subj = self._subject(verb, inside)
            if subj is None and verb.dep_ == "conj":
                subj = next((c for c in verb.head.children if c.dep_ in _SUBJECT_DEPS), None)
            if subj is not None and subj.pos_ in {"NOUN", "PROPN", "PRON", "VERB", "ADJ"}:
                subject = self._resolve_ru(subj, inside)
                of = self._wrapped(subj)
                if of is not None and fig.unit is None:
                    lemma = _norm(of.lemma_)
                    return "count", subject, self.ru["counted_units"].get(lemma, lemma)
        if subject is None:
            head = self._noun_head(tokens)
            if head is not None:
                subject = self._phrase_ru(head, inside)
        if change is not None:
            return change, subject or self.last_subject, None
        if fig.unit == "percent":
            share_of = next(
                (c for c in last.children if c.dep_ == "nmod" and c.i not in inside), None
            )
            if share_of is not None:
                return "share", self._phrase_ru(share_of, inside), None
            return "share", subject, None
        return "amount", subject, None

    def _described(
        self, fig: _Figure, tokens: list[Any], verb: Any, inside: set[int]
    ) -> tuple[str, str | None, str | None] | None:
        """Figures that are words describing a noun: a number-unit adjective ("40-градусная
        жара", "стопроцентные пошлины") is about the noun it modifies; an ordinal about the
        visit it numbers ("второй визит", "визит уже третий") or, for "в 7-й раз", what is done
        that time (the verb and its object: "посещать Россию")."""
        word = tokens[0]
        if fig.unit == "occurrence":
            if _norm(word.head.lemma_) in self.ru["ordinal_nouns"] and word.head.i not in inside:
                return "count", self._phrase_ru(word.head, inside), "occurrence"
            subj = next((c for c in word.children if c.dep_ in _SUBJECT_DEPS), None)
            if subj is not None:
                return "count", self._phrase_ru(subj, inside), "occurrence"
            if verb is not None:
                obj = next((c for c in verb.children if c.dep_ == "obj"), None)
                done = _norm(verb.lemma_) + (f" {obj.text}" if obj is not None else "")
                return "count", done, "occurrence"
            return "count", None, "occurrence"
        if len(tokens) == 1 and word.dep_ == "amod" and word.head.pos_ in {"NOUN", "PROPN"}:
            grown = self._changing_noun(fig, tokens, inside) if fig.unit == "times" else None
            if grown is not None:  # "пятикратный рост продаж": the sales grew fivefold
                lemma = _norm(word.head.lemma_)
                return ("decline" if lemma in self.ru["decline_nouns"] else "growth"), grown, None
            measure = "share" if fig.unit == "percent" else fig.measure or "amount"
            return measure, self._phrase_ru(word.head, inside), None
        return None

    def _before(self, tokens: list[Any]) -> list[Any]:
        """The few words before the figure, in its sentence ("рост товарооборота на 17%": the
        parse may hang the figure on the verb, past the noun of change written before it)."""
        first = tokens[0]
        out = []
        for t in reversed(self.doc[max(0, first.i - 3) : first.i]):
            if t.is_punct:
                break
            out.append(t)
        return out

    def _changing_noun(self, fig: _Figure, tokens: list[Any], inside: set[int]) -> str | None:
        """ "рост товарооборота на 17%", "снижение пошлин на 10%": a change noun's "of" phrase
        is what changes, whoever the clause is about."""
        if fig.unit not in {"percent", "times"}:
            return None
        for t in [*_up(tokens[-1], 2), *self._before(tokens)]:
            lemma = _norm(t.lemma_)
            if lemma not in self.ru["growth_nouns"] and lemma not in self.ru["decline_nouns"]:
                continue
            of = next(
                (c for c in t.children if c.dep_ == "nmod" and c.i not in inside and c.i > t.i),
                None,
            )
            if of is not None and of.pos_ in {"NOUN", "PROPN"}:
                return self._resolve_ru(of, inside)
        return None

    def _money_of(self, fig: _Figure, last: Any, inside: set[int]) -> str | None:
        """ "2 млрд долларов инвестиций", "300 млн долларов кредитов": the noun in the genitive
        right after the currency is what the money is (as English "$2 billion in investment")."""
        if fig.unit in {None, "percent", "times", "magnitude"} or fig.measure is not None:
            return None
        nxt = self.doc[last.i + 1] if last.i + 1 < len(self.doc) else None
        while nxt is not None and nxt.pos_ == "ADJ" and nxt.i + 1 < len(self.doc):
            nxt = self.doc[nxt.i + 1]  # "долларов иностранных инвестиций"
        if (
            nxt is None
            or nxt.pos_ != "NOUN"
            or "Gen" not in nxt.morph.get("Case")
            or nxt.head.i != last.i
            or self._in_timex(nxt.idx, nxt.idx + len(nxt.text))
        ):
            return None
        return self._phrase_ru(nxt, inside)

    def _worth_of(self, fig: _Figure, last: Any, inside: set[int]) -> str | None:
        """ "железная дорога стоимостью 4 млрд долларов": an amount hung from a noun of worth in
        the instrumental (``worth_nouns``) is the worth of the noun that one qualifies, as
        English "a railway worth $4 billion", whoever the clause is about."""
        worth = last.head
        if fig.unit in {None, "percent", "times", "magnitude"} or worth.i in inside:
            return None
        if worth.pos_ != "NOUN" or "Ins" not in worth.morph.get("Case"):
            return None
        if _norm(worth.lemma_) not in self.ru["worth_nouns"] or worth.head.i == worth.i:
            return None
        thing = worth.head
        if thing.pos_ not in {"NOUN", "PROPN"}:
            return None
        return self._phrase_ru(thing, inside | {t.i for t in _subtree(worth)})

    def _priced(self, fig: _Figure, last: Any, inside: set[int]) -> str | None:
        """ "кредитная линия на 300 млн долларов", "контракт на 2 млрд": an amount a noun is
        "for" (на, в) is that noun's, whoever the clause is about."""
        head = last.head
        if fig.unit in {None, "percent", "times"} or last.dep_ != "nmod" or head.i in inside:
            return None
        if head.pos_ != "NOUN" or not any(
            c.dep_ == "case" and _norm(c.text) in {"на", "в"} for c in last.children
        ):
            return None
        lemma = _norm(head.lemma_)
        if (
            lemma in self.lex.wrappers
            or lemma in self.ru["growth_nouns"]
            or lemma in self.ru["decline_nouns"]
        ):
            return None  # "рост на 17%", "объем в 5 млрд": the change, or a wrapper's own noun
        return self._phrase_ru(head, inside)

    def _changed_object(self, verb: Any, inside: set[int]) -> str | None:
        """ "довести товарооборот до 5 млрд", "Россия увеличила экспорт на 8%": what a verb of
        change or level changes is its object, not who changes it."""
        if verb is None:
            return None
        lemma = _norm(verb.lemma_)
        if not (
            lemma in self.lex.growth_verbs
            or lemma in self.lex.decline_verbs
            or lemma in self.ru["level_verbs"]
        ):
            return None
        obj = next(
            (
                c
                for c in verb.children
                if c.dep_ == "obj" and c.i not in inside and c.pos_ == "NOUN" and c.i < min(inside)
            ),
            None,
        )
        return None if obj is None else self._resolve_ru(obj, inside)

    def _subject(self, verb: Any, inside: set[int]) -> Any:
        """The verb's subject outside the figure and in its own sentence (a parse that runs
        two sentences together may hang the previous one's subject on it)."""
        for c in verb.children:
            if c.dep_ not in _SUBJECT_DEPS or c.i in inside:
                continue
            lo, hi = sorted((c.i, verb.i))
            if any(t.text in {".", "!", "?"} for t in self.doc[lo:hi]):
                continue
            return c
        return None

    def _subject_of_people(self, tokens: list[Any], inside: set[int]) -> str | None:
        """ "Число погибших возросло до 412 человек": a count of "people" is about the subject
        of its verb, when it has one."""
        verb = self._verb_of(tokens)
        if verb is not None and not any(t.i in inside for t in _subtree(verb)):
            return None  # the verb found is not the one the count belongs to
        subj = None if verb is None else self._subject(verb, inside)
        if subj is None or subj.pos_ not in {"NOUN", "PROPN", "VERB", "ADJ"}:
            return None
        return self._resolve_ru(subj, inside)

    def _tokens(self, fig: _Figure) -> list[Any]:
        span = self.doc.char_span(fig.start, fig.end, alignment_mode="expand")
        return [t for t in span if not t.is_space] if span is not None else []

    def _verb_of(self, tokens: list[Any]) -> Any:
        """The verb the figure hangs from: up the tree from its last word, through nouns."""
        node = tokens[-1]
        for _ in range(5):
            if node.pos_ in {"VERB", "AUX"} and "Part" not in node.morph.get("VerbForm"):
                return node
            if node.head.i == node.i or node.dep_ in {"acl", "acl:relcl", "parataxis"}:
                return None
            node = node.head
        return None

    def _noun_head(self, tokens: list[Any]) -> Any:
        """The noun the figure modifies when no verb governs it ("товарооборот в 5 млрд")."""
        inside = {t.i for t in tokens}
        node = tokens[-1]
        for _ in range(3):
            node = node.head
            if node.i in inside:
                continue
            if node.pos_ in {"NOUN", "PROPN"}:
                return node
            break
        return None

    def _change(self, fig: _Figure, tokens: list[Any], verb: Any) -> str | None:
        """ "вырос на 8%", "рост на 17%", "сократился в 1,8 раза": growth or decline."""
        if fig.unit not in {"percent", "times", None} or fig.measure is not None:
            return None
        near = _up(tokens[-1], 3) + self._before(tokens)
        if verb is not None:
            near.append(verb)
        for t in near:
            lemma = _norm(t.lemma_)
            if lemma in self.lex.growth_verbs or lemma in self.ru["growth_nouns"]:
                kind = "growth"
            elif lemma in self.lex.decline_verbs or lemma in self.ru["decline_nouns"]:
                kind = "decline"
            else:
                continue
            before = self.text[max(0, fig.start - 12) : fig.start + len(fig.text)].lower()
            # "в 1,8 раза", "впятеро", "пятикратно": a factor is a change with or without "в"
            if re.search(r"(?<!\w)(?:на|в)\s", before) or fig.unit in {"percent", "times"}:
                if re.search(r"(?<!\w)до\s", before):
                    return None  # "вырос до 7 млрд": the level reached
                return kind
        return None

    def _wrapped(self, subj: Any) -> Any:
        """ "число погибших" → погибших: what a wrapper noun counts."""
        if _norm(subj.lemma_) not in self.lex.wrappers:
            return None
        return next((c for c in subj.children if c.dep_ == "nmod"), None)

    def _resolve_ru(self, subj: Any, inside: set[int]) -> str | None:
        if subj.pos_ == "PRON":
            return self.last_subject
        of = self._wrapped(subj)
        return self._phrase_ru(of if of is not None else subj, inside)

    def _phrase_ru(self, head: Any, inside: set[int]) -> str | None:
        """The noun phrase of ``head`` as plain text: head and its adjectives in the
        nominative, the words it governs as written, no figures, clauses or conjuncts."""
        keep = {head.i}
        frontier = [head]
        while frontier:
            node = frontier.pop()
            for c in node.children:
                if c.dep_ in _PHRASE_DEPS and c.i not in inside and not c.like_num:
                    if c.dep_ in {"det", "case"} and c.head.i == head.i:
                        continue  # "всей", "этот", "в (обмен)": not what is measured
                    keep.add(c.i)
                    frontier.append(c)
        words = sorted(keep)
        # a contiguous stretch around the head: a parse that hangs far words on it is cut
        lo = hi = words.index(head.i)
        while lo > 0 and words[lo - 1] == words[lo] - 1:
            lo -= 1
        while hi + 1 < len(words) and words[hi + 1] == words[hi] + 1:
            hi += 1
        words = words[lo : hi + 1]
        if len(words) > _MAX_WORDS:
            words = [i for i in words if i <= head.i][-_MAX_WORDS:]
        agreeing = {c.i for c in head.children if c.dep_ in {"amod", "det"}}
        out = []
        for i in words:
            tok = self.doc[i]
            if tok.pos_ == "ADP" and i == words[-1]:
                break
            out.append(
                _nominative(tok, tok.morph.get("Number"))
                if i == head.i or i in agreeing
                else tok.text
            )
        text = " ".join(out).strip(' ,.«»"')
        return text or None

    # -- casualty counts -----------------------------------------------------------------------

    def _kind_of_count(
        self, fig: _Figure, measure: str, unit: str | None, subject: str | None
    ) -> tuple[str, str | None]:
        """Magnitudes ("магнитудой 6,1", "6,1 балла") and casualty counts, named by the words
        right after the figure, its verb and that verb's dependents, or its subject."""
        if measure == "duration" or (fig.unit is not None and fig.unit != "magnitude"):
            return measure, unit
        near = self.text[max(0, fig.start - 25) : fig.end + 12].lower()
        # the magnitude may also be the figure's subject, however far before it ("Магнитуда
        # подземных толчков составила 6,1"), as "The quake's magnitude was 6.1" in English
        named = subject is not None and re.search(self.lex.magnitude, subject.lower())
        if fig.unit == "magnitude" or re.search(self.lex.magnitude, near) or named:
            return "amount", "magnitude"
        tokens = self._tokens(fig)
        if not tokens:
            return measure, unit
        kinds = self.ru["casualties"]
        last = tokens[-1]
        after: list[Any] = []
        for t in self.doc[last.i + 1 : last.i + 4]:
            if t.is_punct:
                break  # "превысило 2 тысячи, ранены …": the next clause counts another thing
            after.append(t)
        verb = self._verb_of(tokens)
        around: list[Any] = []
        if verb is not None:
            around.append(verb)
            for c in verb.children:
                if c.dep_ in _SUBJECT_DEPS:
                    around += _subtree(c)[:_MAX_WORDS]  # "число погибших … достигло"
                elif c.dep_ not in {"conj", "parataxis", "ccomp", "advcl", "punct"}:
                    around.append(c)
        for group in (after, around):
            for t in group:
                kind = kinds.get(_norm(t.lemma_))
                if kind is not None:
                    return "count", kind
        for word in (subject or "").lower().split():
            for lemma in _lemmas(word):
                if lemma in kinds:
                    return "count", kinds[lemma]
        return measure, unit

    # -- when --------------------------------------------------------------------------------------

    def _root(self, fig: _Figure) -> Any:
        """The figure's word whose head lies outside it (natasha's trees may hold a cycle,
        which spaCy's ``Span.root`` cannot walk)."""
        tokens = self._tokens(fig)
        inside = {t.i for t in tokens}
        return next((t for t in tokens if t.head.i not in inside), tokens[-1] if tokens else None)

    def _period(self, fig: _Figure, sent: Any) -> str | None:
        """A date expression of the figure's clause, else the nearest year in the sentence."""
        root = self._root(fig)
        clause: set[int] = set()
        other: set[int] = set()
        if root is not None:
            top = root
            for node in _up(root, 8):
                if top.dep_ in {"ccomp", "advcl", "acl:relcl"} or top.pos_ in {"VERB", "AUX"}:
                    break
                top = node
            for node in _up(top, 3):  # "вырос на 14% и достиг …": conjoined verbs share it
                if top.dep_ != "conj":
                    break
                top = node
            clause = {t.i for t in _subtree(top)}
            # «о строительстве дороги стоимостью … и о создании рынка до 2030 года»: a date of
            # another noun conjunct than the figure's (off the figure's path up) is that one's
            # (conjoined verbs share theirs: «вырос на 14% и достиг … в 2024 году»)
            path = {root.i, *(n.i for n in _up(root, 8))}
            nouns = {"NOUN", "PROPN"}
            for i in path:
                if self.doc[i].pos_ not in nouns:
                    continue
                for c in self.doc[i].children:
                    if c.dep_ == "conj" and c.i not in path and c.pos_ in nouns:
                        other |= {t.i for t in _subtree(c)}
            clause -= other
        best: tuple[int, str] | None = None
        # «за первые шесть месяцев 2024 года», "in the first nine months": a stretch of the
        # year (the year written inside it is part of it)
        months = self._first_months(sent)
        for t in self.timexes_from(sent.start_char, sent.end_char):
            if t.type != "DATE" or not t.value:
                continue
            if any(a <= t.start < b for a, b, _ in months):
                continue
            span = self.doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is None or (clause and not any(tok.i in clause for tok in span)):
                continue
            if t.value in {"PRESENT_REF", "PAST_REF", "FUTURE_REF"} or t.value.startswith("X"):
                continue
            distance = abs(t.start - fig.start)
            if best is None or distance < best[0]:
                best = (distance, timex_period(t))
        if best is not None:
            return best[1]
        # «за девять месяцев», «за первые шесть месяцев 2024 года»: a stretch of the year
        for a, _, period in months:
            if best is None or abs(a - fig.start) < best[0]:
                best = (abs(a - fig.start), period)
        if best is not None:
            return best[1]
        for m in _YEAR.finditer(self.text, sent.start_char, sent.end_char):
            span = self.doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is not None and any(tok.i in other for tok in span):
                continue  # the year of another conjunct
            distance = abs(m.start() - fig.start)
            if best is None or distance < best[0]:
                best = (distance, m.group("y"))
        return best[1] if best else None

    # -- who says so ---------------------------------------------------------------------------

    def _quote_speaker(self, start: int, end: int) -> str | None:
        """The subject of a speech verb in the sentence where the quotation closes or opens."""
        text = self.text
        # the words after the closing mark, to the end of their sentence ("», — сказал X."),
        # then those before the opening one, from the start of theirs ("X заявил: «")
        stop = re.search(r"[.!?…\n]", text[end:])
        after = (end, end + stop.start() if stop else len(text))
        begin = max(text.rfind(c, 0, start) for c in ".!?…\n") + 1
        for a, b in (after, (begin, start)):
            span = self.doc.char_span(a, b, alignment_mode="contract")
            for t in span if span is not None else []:
                person = self._says(t)
                if person:
                    return person
        return None

    def _says(self, tok: Any) -> str | None:
        """The person or organisation a speech verb's subject names."""
        if tok.pos_ not in {"VERB", "AUX"} or _norm(tok.lemma_) not in self.ru["speech_verbs"]:
            return None
        for c in tok.children:
            if c.dep_ in _SUBJECT_DEPS:  # "привел пример министр": the parse may give two
                named = self._named(c) or self._body_ru(c)
                if named:
                    return named
        return None

    def _named(self, tok: Any, labels: frozenset[str] = frozenset({"PERSON", "ORG"})) -> str | None:
        words = _subtree(tok)
        start = min(t.idx for t in words)
        end = max(t.idx + len(t.text) for t in words)
        for m in self.entities.at(start, end):
            if m.label in labels and m.canonical:
                return m.canonical
        return None

    def _person(self, tok: Any) -> str | None:
        return self._named(tok, frozenset({"PERSON"}))

    def _body_ru(self, tok: Any) -> str | None:
        """An unnamed organisation as the speaker ("сообщило министерство здравоохранения"):
        the noun phrase of a body (``speaking_bodies`` in data/claims_ru.yaml)."""
        if _norm(tok.lemma_) not in self.ru["bodies"] and _norm(tok.text) not in self.ru["bodies"]:
            return None
        return self._phrase_ru(tok, set())

    def _speaker(self, sent: Any, fig: _Figure) -> str | None:
        quote = next((q for q in self.quotes if q[0] <= fig.start < q[1]), None)
        if quote is not None and self.quote_speakers.get(quote):
            return self.quote_speakers[quote]
        dash = self._dash_speech(sent, fig)
        if dash:
            return dash
        for tok in self._whole(sent):
            person = self._says(tok)
            if person:
                return person
        low = sent.text.lower()
        for phrase in self.ru["attribution"]:
            at = low.find(phrase)
            if at < 0:
                continue
            after = sent.start_char + at + len(phrase)
            named = [
                m.canonical
                for m in self.entities.at(after, min(sent.end_char, after + 60))
                if m.label in {"PERSON", "ORG"} and m.canonical
            ]
            if named:
                return named[0]
            body = self._token_at(after + 1) if after + 1 < sent.end_char else None
            if body is not None and self._body_ru(body):
                return self._body_ru(body)  # "по данным министерства", "как сообщило ведомство"
            if re.match(r"\s*(?:его|ее|её|их)\b", low[at + len(phrase) :]) or re.match(
                r"\s*по\s+(?:его|ее|её|их)\s+словам", low[at:]
            ):
                return self._previous_subject(sent)
        m = re.search(r"(?<!\w)по\s+(?:его|ее|её|их)\s+(?:словам|данным|мнению)", low)
        if m is not None:
            person = self._previous_subject(sent) or self.last_speaker[1]
            if person:
                return person
        para = self.text.count("\n", 0, sent.start_char)
        if self.last_speaker[0] == para:
            return self.last_speaker[1]
        return None

    def _whole(self, sent: Any) -> list[Any]:
        """The sentence's words, continued to its final stop when the parse ended it early
        (natasha may root "…, сообщил министр" apart from the clause it reports)."""
        doc = self.doc
        end = sent.end
        while (
            end < len(doc)
            and "\n" not in doc[end - 1].text
            and doc[end - 1].text not in {".", "!", "?", "…"}
        ):
            end += 1
        return list(doc[sent.start : end])

    def _dash_speech(self, sent: Any, fig: _Figure) -> str | None:
        """ "— …, — сказал министр.": a paragraph of direct speech opened by a dash, its speaker
        the subject of the speech verb after the closing dash."""
        line_start = self.text.rfind("\n", 0, fig.start) + 1
        line_end = self.text.find("\n", fig.start)
        line = self.text[line_start : line_end if line_end >= 0 else len(self.text)]
        if not re.match(r"\s*[—–-]\s", line):
            return None
        close = re.search(r"[,.!?…]\s*[—–]\s+(?=\w)", line[2:])
        if close is None or line_start + 2 + close.start() < fig.start:
            return None
        tok = self._token_at(line_start + 2 + close.end())
        for t in self.sentences.of(tok.i):
            if t.idx >= line_start + 2 + close.end():
                person = self._says(t)
                if person:
                    return person
        return None


def _up(tok: Any, steps: int) -> list[Any]:
    """Up to ``steps`` heads above ``tok``, stopping at the root or at a cycle."""
    out: list[Any] = []
    seen = {tok.i}
    node = tok
    for _ in range(steps):
        node = node.head
        if node.i in seen:
            break
        seen.add(node.i)
        out.append(node)
    return out


def _subtree(tok: Any) -> list[Any]:
    """``tok`` and the words below it (``Token.subtree`` loops on a cycle in natasha's tree)."""
    out = [tok]
    seen = {tok.i}
    frontier = [tok]
    while frontier:
        for c in frontier.pop().children:
            if c.i not in seen:
                seen.add(c.i)
                out.append(c)
                frontier.append(c)
    return sorted(out, key=lambda t: t.i)


def _nominative(tok: Any, number: list[str]) -> str:
    """A noun, adjective or participle put in the nominative, keeping its number ("российских
    спасателей" → "российские спасатели", "погибших" → "погибшие")."""
    morph = morph_analyzer()
    for parse in morph.parse(tok.text):
        if parse.tag.POS not in {"NOUN", "ADJF", "PRTF"}:
            continue
        grams = {"nomn"} | ({"plur"} if "Plur" in number else set())
        form = parse.inflect(grams)
        if form is not None:
            word: str = form.word
            return word if tok.text[:1].islower() else word[:1].upper() + word[1:]
    return str(tok.text)


def _lemmas(word: str) -> set[str]:
    return {_norm(p.normal_form) for p in morph_analyzer().parse(word)}


def extract_claims_ru(
    doc: Any,
    article: Article,
    entities: ArticleEntities,
    timexes: Sequence[TimeExpression],
    events: Sequence[EventMention] = (),
) -> list[ClaimValue]:
    """The figures of one Russian article (parsed by :func:`~.russian_doc.parse_russian`) as
    claim values, in the same shape as the English :func:`~.claims.extract_claims`, with the
    visit's protocol category and the meeting's city from its events (as in English)."""
    # A Russian cardinal is always followed by what it counts; a number left with no unit, no
    # counted noun and no casualty or magnitude reading is a label ("Россия 24"), a page's
    # counter or a score, not a figure to check (on the development texts every such number
    # was one).
    figures = [
        c
        for c in _RussianClaims(doc, article, entities, timexes).run()
        if c.kind != "numeric" or c.unit is not None
    ]
    return figures + word_claims(article, entities, events)
