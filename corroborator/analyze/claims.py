"""Claims: each figure an article gives — what it measures, for when, how qualified, said by whom.

A figure becomes a :class:`~corroborator.model.ClaimValue` with

* its **value** (scale words applied: "$4.1 billion" → 4.1e9) and **unit** (a currency code,
  ``percent``, or the lemma of what is counted: ``company``, ``teacher``);
* its **measure**: ``amount`` (a level or total), ``share`` ("97% of payments"), ``growth`` /
  ``decline`` ("rose by 13.6%"), ``count``;
* its **qualifier** (exact, around, over, under, nearly, at_least, at_most) and the **interval**
  it implies (:func:`interval`), from the qualifier and the rounding of the written number;
* its **subject** — the noun phrase the figure is about ("trade turnover", "Russian companies
  in Kyrgyzstan"), with "It" resolved to the subject before and "the number of X" read as X;
* its **period** from a date expression in the same clause ("last year" → 2024);
* its **speaker**: the subject of a speech verb governing it, the speaker of the quotation it
  stands in, or the speaker of the previous sentence of the paragraph when the sentence goes
  on reporting without an attribution of its own.

A year, a date, an age, an ordinal of other than a visit, a meeting or a time ("the third
floor") or a number inside a name is not a claim; "his second visit" is a count (unit
``occurrence``), as the Russian «второй визит» is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from corroborator.analyze import budget
from corroborator.analyze.claims_categorical import _CategoricalReader, visit_type_claims
from corroborator.analyze.claims_figures import (
    _clean,
    _Figure,
    compatible,
    interval,
    rounding_step,
)
from corroborator.analyze.claims_words import word_claims
from corroborator.analyze.entities import ArticleEntities
from corroborator.model import Article, ClaimValue, EventMention, TimeExpression

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# the verb between a count and its casualty word: "95 remain missing", "40 have died", "12
# were still unaccounted for", "30 had been injured"
_BE = r"(?:(?:were|was|are|is|have|has|had|remain|remained|remains)\s+)?(?:still\s+)?(?:been\s+)?"

__all__ = ["compatible", "extract_claims", "interval", "rounding_step", "visit_type_claims"]


class _Claims(_CategoricalReader):
    """Every figure and categorical statement of one article, sentence by sentence."""

    # -- what is counted, and when ------------------------------------------------------------

    def _kind_of_count(
        self, fig: _Figure, measure: str, unit: str | None, subject: str | None
    ) -> tuple[str, str | None]:
        """Casualty counts ("the death toll rose to 2,056", "3,900 injured", "lives") and
        quake magnitudes ("a 7.7-magnitude quake") named by the words around the figure."""
        if fig.unit is not None or measure == "duration":
            return measure, unit
        after = self.text[fig.end : fig.end + 25].lower()
        near = self.text[max(0, fig.start - 25) : fig.end + 25].lower()
        if re.search(self.lex.magnitude, near):
            return "amount", "magnitude"
        for word, kind in self.lex.casualties:
            if re.match(rf"\s*(?:(?:people|persons|others)\s+)?{_BE}{word}\b", after):
                return "count", kind
        toll = self._toll_before(fig)
        if toll is not None:
            return "count", toll[1]
        clause = self.text[max(0, fig.start - 160) : fig.start]
        for word, kind in self.lex.casualties:
            # "Among those injured, 132 are from Naypyidaw, …, and 1,670 are from Mandalay"
            among = rf"\b(?:among|of)\s+(?:the|those)\s+{word}\s*,(?:(?![.!?]\s)[^;:])*$"
            if re.search(among, clause, re.I) and (unit is None or unit in {"people", "person"}):
                return "count", kind
        before = self.text[max(0, fig.start - 20) : fig.start].lower()
        for word, kind in self.lex.casualties:
            # "the quake killed nearly 3,000 people", "left 200 injured": the verb before
            if re.search(rf"\b{word}\s+$", before) and (
                unit is None or unit in {"people", "person"}
            ):
                return "count", kind
        if unit is not None and unit in self.lex.casualty_units:
            return "count", self.lex.casualty_units[unit]
        words = (subject or "").lower()
        for word, kind in self.lex.casualties:
            if re.search(rf"\b{word}\b", words) and (unit is None or unit in {"people", "person"}):
                return "count", kind
        return measure, unit

    def _toll_before(self, fig: _Figure) -> tuple[str, str] | None:
        """``(toll words, casualty kind)`` when the figure is what a toll was changed to:
        "raised the death toll from Friday's quake near Mandalay to 2,886", however far the
        parse hangs "to 2,886" from "toll"."""
        clause = self.text[max(0, fig.start - 160) : fig.start]
        for word, kind in self.lex.casualties:  # longest first: "death toll" before "toll"
            if not word.endswith("toll"):
                continue
            m = re.search(rf"\b{word}\b(?:(?![.!?]\s)[^;:])*\bto\s*$", clause, re.I)
            if m:
                return " ".join(m.group(0).split()[: len(word.split())]), kind
        return None

    def _changing(
        self, fig: _Figure, sent: Any, unit: str | None, period: str | None = None
    ) -> bool:
        """Whether the figure is a running total that changes over time: a casualty count, or
        a figure said to hold "so far" or to "have risen to" (its moment is the publication
        day, :attr:`ClaimValue.as_of`) — unless a verb of reaching a level is told of a
        stated period longer than a day ("rose to $65 billion in 2024": that period's total)."""
        if unit in self.lex.casualty_kinds:
            return True
        before = self.text[sent.start_char : fig.start].lower()[-40:]
        after = self.text[fig.end : sent.end_char].lower()[:25]
        cues = [c for c in self.lex.changing_cues if c in before or c in after]
        if cues and period and not _DAY.fullmatch(period):
            return any(c in self.lex.moment_cues for c in cues)
        return bool(cues)

    def _stated_moment(self, period: str | None, sent: Any) -> str | None:
        """The day a running total's clause states it holds: a single day, not after the
        publication day, told of the verb ("as of Thursday, … had killed", "on Thursday the
        toll was") — not of a noun ("the earthquake on March 28", "Friday's quake" date the
        quake, not the toll). An undated article's running total keeps no moment."""
        published = (self.article.published or "")[:10]
        if not period or not published or not _DAY.fullmatch(period) or period > published:
            return None
        for t in self.timexes:
            if t.value != period or not (sent.start_char <= t.start < sent.end_char):
                continue
            span = self.doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is None:
                continue
            root = next((tok for tok in span if not (span.start <= tok.head.i < span.end)), None)
            head = root.head if root is not None else None
            while head is not None and head.pos_ == "ADP" and head.head.i != head.i:
                head = head.head  # "as of Thursday", "on Thursday": the preposition's head
            told_of_verb = head is not None and head.pos_ in {"VERB", "AUX"}
            if root is not None and root.head.i != root.i and told_of_verb:
                return period
        return None

    def _compared_with(
        self,
        fig: _Figure,
        measure: str,
        unit: str | None,
        subject: str | None,
        last: ClaimValue | None,
    ) -> tuple[str, str | None, str] | None:
        """``(subject, unit, measure)`` of the figure a number is compared with: "the figure
        was a sharp rise compared to the 1,002 announced earlier", "up from $31 million" — a
        number without a subject of its own, right after a comparison, measures what the
        last figure of this or the previous sentence measures (its unit too, when it names none)."""
        if last is None or subject or unit not in {None, last.unit}:
            return None
        before = self.text[max(0, fig.start - 30) : fig.start].lower()
        if not re.search(self.lex.comparison, before):
            return None
        return last.subject, last.unit, (last.measure or measure) if unit is None else measure

    # -- the pass ----------------------------------------------------------------------------------

    def run(self) -> list[ClaimValue]:
        out: list[ClaimValue] = []
        # the last figure with a unit, and the sentence it stands in: news paragraphs are often
        # one sentence, so "The figure was up from …" may open the paragraph after its figure
        last_figure: ClaimValue | None = None
        last_at = -2
        for at, sent in enumerate(self.sentences.spans):
            budget.check()
            if at - last_at > 1:
                last_figure = None  # a comparison looks back one sentence at most
            ranks = self._ranks(sent)
            # "rank 3", "the 2nd largest": the number is the rank's, not a figure of its own
            figures = [
                f for f in self._figures(sent) if not any(r.start <= f.start < r.end for r in ranks)
            ]
            speaker_here: str | None = None
            for fig in figures:
                if fig.qualifier != "range":  # a range's interval is its own
                    self._qualify(fig)
                measure, subject, counted = self._measure(fig)
                unit = fig.unit or (
                    self.lex.unit_synonyms.get(counted, counted) if counted else None
                )
                if fig.measure:
                    measure = fig.measure
                if fig.of_change and self.last_subject:
                    subject = self.last_subject  # the change of what its two ends measure
                measure, unit = self._kind_of_count(fig, measure, unit, subject)
                if subject and fig.text.lower().endswith(("-strong", "-member")):
                    # "150-strong delegation", "100-member delegation"
                    subject = re.sub(r"^(?:strong|member)\s+", "", subject)
                earlier = self._compared_with(fig, measure, unit, subject, last_figure)
                if earlier is not None:
                    subject, unit, measure = earlier
                toll = self._toll_before(fig) if fig.unit is None else None
                if toll is not None and "toll" not in (subject or "").lower():
                    subject = toll[0]
                if unit in self.lex.casualty_kinds:
                    place = self._place_of(fig)
                    if place and place.lower() not in (subject or "").lower():
                        # the place is the count's own; an inherited subject may name another
                        own = subject if subject and subject != self.last_subject else unit
                        subject = f"{own} in {place}"
                period = self._period(fig, sent)
                changing = self._changing(fig, sent, unit, period)
                as_of = None
                if changing:
                    # a running total has a moment, not a period: the day its clause states
                    # ("as of Thursday", "on Thursday the toll was …"), else the publication day
                    as_of = self._stated_moment(period, sent) or (
                        self.article.published[:10] if self.article.published else None
                    )
                    period = None
                if subject:
                    self.last_subject = subject
                said_by = self._speaker(sent, fig)
                speaker_here = speaker_here or said_by
                low, high = (_clean(x) for x in interval(fig.value, fig.step, fig.qualifier))
                if fig.qualifier == "range":
                    high = _clean(fig.high)
                record = any(
                    w in self.text[max(0, fig.start - 20) : fig.start].lower()
                    for w in self.lex.record_words
                )
                out.append(
                    ClaimValue(
                        article_id=self.article.id,
                        subject=" ".join((subject or "").split()),
                        period=period,
                        changing=changing,
                        as_of=as_of,
                        unit=unit,
                        kind="numeric",
                        value=_clean(fig.value) or 0.0,
                        text=fig.text,
                        quote=sent.text.strip(),
                        start=fig.start,
                        end=fig.end,
                        low=low,
                        high=high,
                        qualifier=fig.qualifier,  # type: ignore[arg-type]
                        said_by=said_by,
                        measure=measure,
                        record=record,
                        quote_start=sent.start_char,
                        quote_end=sent.start_char + len(sent.text.rstrip()),
                    )
                )
                if out[-1].unit is not None:
                    last_figure, last_at = out[-1], at
            out += ranks
            para = self.text.count("\n", 0, sent.start_char)
            if speaker_here:
                self.last_speaker = (para, speaker_here)
            elif self.last_speaker[0] != para:
                self.last_speaker = (-1, None)
        return out


def extract_claims(
    doc: Any,
    article: Article,
    entities: ArticleEntities,
    timexes: Sequence[TimeExpression],
    events: Sequence[EventMention] = (),
) -> list[ClaimValue]:
    """The figures and categorical statements of one article as claim values."""
    return _Claims(doc, article, entities, timexes).run() + word_claims(article, entities, events)
