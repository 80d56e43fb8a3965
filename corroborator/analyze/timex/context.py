"""What the sentence around an expression says about its time: tense, quotation, speech.

Everything here reads the spaCy ``Doc`` (tags and the dependency parse): the verb that governs
an expression, that verb's tense ("will hold" → future, "began" → past, "is expected to sign" →
future), whether the expression stands inside a quotation, and, for reported speech, which
reporting verb ("said", "told") carries the time of speaking.

The mechanism (climbing to the governing verb, staying inside a quotation, falling back to the
sentence root, finding the reporting verb) is one for every language; what a language marks
differently is a :class:`TenseReading`: how a verb shows its tense (English auxiliaries and
tags here, Russian morphology in ``context_ru.py``), which words may govern, what a word just
before the expression says, and the reporting verbs of its word pack.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from corroborator.analyze.quotes import quote_spans
from corroborator.analyze.timex.words import words

Tense = Literal["past", "present", "future"]
Direction = Literal["past", "future", "bound"]

# How far up the parse to look for the verb that governs an expression. Six steps cover a date
# inside a prepositional phrase inside a noun phrase inside a clause ("on the eve of the
# summit on November 27"); past that, the sentence root decides.
_MAX_CLIMB = 6

_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would", "ll"})
# Modal verbs that look forward ("may meet on Friday", "should be done by March").
# "could" and "can" are left out: "could not be reached Friday" is news for the past.
_FORWARD_MODALS = frozenset({"may", "might", "should", "must"})
_HAVE = frozenset({"have", "has", "had", "'ve", "'d"})


@dataclass(frozen=True)
class Context:
    """The context of one expression in its sentence."""

    tense: Tense | None
    quoted: bool
    governor: int | None  # token index of the governing verb
    governor_lemma: str | None
    speech_verb: int | None  # token index of the reporting verb, for reported speech
    sentence: int  # index of the sentence
    tense_cue: str | None = None  # the words that decided the tense
    lead: str | None = None  # a word just before that sets the direction: "by", "since"
    lead_direction: Literal["past", "future", "bound"] | None = None
    possessive: bool = False  # "Wednesday's ruling": a day already past


def _tense_of(verb: Any, depth: int = 0) -> tuple[Tense | None, str | None]:
    """The tense a verb expresses, from its tag and auxiliaries, with the cue words."""
    w = words()
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowers = [a.lower_ for a in auxes]
    for a in auxes:
        if a.lower_ in _FUTURE_AUX:
            return "future", a.text
        if a.tag_ == "MD" and a.lower_ in _FORWARD_MODALS:
            return "future", a.text
    if verb.lower_ in _FUTURE_AUX or (verb.tag_ == "MD" and verb.lower_ in _FORWARD_MODALS):
        return "future", verb.text
    if "to" in lowers and (verb.tag_ == "VB" or (verb.tag_ == "VBN" and "be" in lowers)):
        head = verb.head
        if head.i == verb.i:
            return None, None
        # An infinitive after a word of planning or readiness looks forward ("is expected to
        # sign on Friday", "readiness to assume the chair in 2026") unless the plan itself is
        # told in the past perfect ("had been scheduled to expire Friday"); after another verb
        # it shares that verb's time ("staged celebrations to mark the entry on Friday").
        if any(c.lower_ == "had" for c in head.children if c.dep_ in ("aux", "auxpass")):
            return "past", f"had {head.text} to"
        if head.lemma_.lower() in w.plan_heads and _told_in_past(head):
            # a plan told in the past ("was originally scheduled to arrive late Tuesday"):
            # the future of a past moment, which may lie on either side of the article
            return None, None
        if head.lemma_.lower() in w.plan_heads or head.pos_ in ("NOUN", "PROPN", "ADJ"):
            return "future", f"{head.text} to"
        if head.pos_ in ("VERB", "AUX") and depth < 3:
            return _tense_of(head, depth + 1)
        return None, None
    lemma = verb.lemma_.lower()
    set_for = lemma == "set" and any(c.lower_ == "for" for c in verb.children)
    planned = lemma in ("schedule", "slate", "due", "plan") or set_for
    if planned and verb.tag_ == "VBN" and not any(x in lowers for x in _HAVE):
        # "was scheduled for Tuesday" is a plan told in the past: no direction of its own
        return (None, None) if _told_in_past(verb) else ("future", verb.text)
    if any(x in _HAVE for x in lowers) and verb.tag_ in ("VBN", "VBD", "VBG"):
        return "past", f"{lowers[0]} {verb.text}"
    if verb.tag_ == "VBD":
        return "past", verb.text
    for a in auxes:
        if a.tag_ == "VBD":
            return "past", f"{a.text} {verb.text}"
    if verb.tag_ == "VBN":
        if any(a.tag_ in ("VBZ", "VBP") for a in auxes):
            return "present", f"{auxes[0].text} {verb.text}"
        return "past", verb.text
    if verb.tag_ in ("VBZ", "VBP"):
        return "present", verb.text
    if verb.tag_ == "VBG":
        if any(a.tag_ in ("VBZ", "VBP") for a in auxes):
            return "present", f"{auxes[0].text} {verb.text}"
        if any(a.tag_ == "VBD" for a in auxes):
            return "past", f"{auxes[0].text} {verb.text}"
        # "starting Monday" is often parsed as a preposition; other participles used so
        # ("following the talks on Monday") order events rather than share their time
        opening = verb.dep_ == "prep" and verb.lemma_.lower() in w.start_verbs
        if (verb.dep_ in ("acl", "advcl") or opening) and depth < 3 and not auxes:
            # a bare participle has no time of its own: it takes the clause it hangs on
            # ("ahead of her visit starting Monday, the minister will hold talks" looks
            # forward, "arrived on Sunday, beginning a four-day visit" back)
            above = _clause_verb(verb)
            if above is not None:
                return _tense_of(above, depth + 1)
        return None, None
    return None, None


def _clause_verb(tok: Any) -> Any:
    """The nearest verb above ``tok`` (through the nouns and prepositions between them)."""
    cur = tok
    for _ in range(_MAX_CLIMB):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("amod", "compound"):
            return cur
    return None


def _told_in_past(verb: Any) -> bool:
    """The verb's auxiliary is a past form of "be" ("was scheduled", "were expected")."""
    return any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" and c.lemma_.lower() == "be"
        for c in verb.children
    )


def _is_verb(tok: Any) -> bool:
    return bool(tok.pos_ in ("VERB", "AUX"))


def _governs(cur: Any, tok: Any) -> bool:
    """An English verb governs unless it modifies a noun ("the planned talks")."""
    return _is_verb(cur) and cur.dep_ not in ("amod", "compound")


def _lead(doc: Any, span: Any) -> tuple[str | None, Direction | None]:
    """A cue word among the two tokens before the expression — a cue and its preposition:
    "payable on Dec. 15", "since 1949", "until Tuesday" — or right after it ("the Nov. 20
    deadline")."""
    w = words()
    words_before = [doc[i] for i in range(max(0, span.start - 2), span.start)]
    for tok in reversed(words_before):
        if tok.lower_ in w.forward_cues or tok.lemma_.lower() in w.forward_cues:
            return tok.lower_, "future"
        if tok.lower_ in w.backward_cues:
            return tok.lower_, "past"
        if tok.lower_ in w.bound_cues:
            return tok.lower_, "bound"
        if tok.lower_ in w.deadline_cues:
            return tok.lower_, "bound" if tok.is_sent_start else "future"
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ in ("deadline",):
        return after.lower_, "future"
    return None, None


def _possessive(doc: Any, span: Any) -> bool:
    nxt = doc[span.end] if span.end < len(doc) else None
    return nxt is not None and nxt.tag_ == "POS"


# A caption is a short line: the longest of ours (by hand, wire captions of several agencies)
# run about 30 words with their credit; a longer line is prose even when it opens on a label.
_CAPTION_WORDS = 30
# a sentence end inside a line, not after a short capitalised abbreviation ("Dec. 9", "Mr.")
_SENTENCE_END = re.compile(r"(?<![A-Z])(?<![A-Z][a-z])(?<![A-Z][a-z]{2})[.!?]\s+(?=[\"\u201c(A-Z])")


@cache
def _caption_res() -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    labels = sorted(words().caption_labels, key=len, reverse=True)
    if not labels:
        return None
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in labels)
    # a label opening the line and followed by ":" or "|" ("Photo: …"; "Image-conscious …"
    # is prose), or a credit closing it ("… Photo: Reuters", "(AP Photo/Jane Doe)")
    opening = re.compile(rf"^\s*\(?(?:{alt})\s*[:|]", re.IGNORECASE)
    credit = re.compile(rf"[(\s](?:{alt})\s*[:/][^.!?\n]{{0,60}}\)?\s*$", re.IGNORECASE)
    return opening, credit


def in_caption(text: str, pos: int) -> bool:
    """``pos`` lies in a photo caption (labels: ``caption_labels`` in the pack): a short line
    that opens on a label, or the sentence a closing credit follows — not the rest of a line
    that ends on a credit."""
    patterns = _caption_res()
    if patterns is None:
        return False
    opening, credit = patterns
    begin = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[begin : end if end >= 0 else len(text)]
    if len(line.split()) <= _CAPTION_WORDS and opening.search(line):
        return True
    found = credit.search(line)
    if found is None:
        return False
    # the sentence the credit closes: from the last sentence end before the credit's own
    body = line[: found.start()].rstrip().rstrip(".!?")
    ends = list(_SENTENCE_END.finditer(body))
    caption_start = begin + (ends[-1].end() if ends else 0)
    return pos >= caption_start and len(line[caption_start - begin :].split()) <= _CAPTION_WORDS


@dataclass(frozen=True)
class TenseReading:
    """What one language contributes to reading the time of an expression from its parse."""

    tense_of: Callable[[Any], tuple[Tense | None, str | None]]  # a verb's tense and cue words
    head_word: Callable[[Any], bool]  # a word that may govern an expression
    governs: Callable[[Any, Any], bool]  # whether ``cur`` governs the expression at ``tok``
    lead: Callable[[Any, Any], tuple[str | None, Direction | None]]  # a cue word before it
    reporting_verbs: Callable[[], frozenset[str]]  # lemmas of its word pack's reporting verbs
    root: Callable[[Any], Any] = lambda span: span.root  # the expression's head token
    possessive: Callable[[Any, Any], bool] = lambda doc, span: False


ENGLISH = TenseReading(
    tense_of=_tense_of,
    head_word=_is_verb,
    governs=_governs,
    lead=_lead,
    reporting_verbs=lambda: words().reporting_verbs,
    possessive=_possessive,
)


def _governor(tok: Any, quoted: bool, in_quote: Any, reading: TenseReading) -> Any:
    """The verb that governs ``tok``: climb the parse, but never out of a quotation."""
    cur = tok
    for _ in range(_MAX_CLIMB):
        if reading.governs(cur, tok):
            return cur
        head = cur.head
        if head is cur:
            break
        if quoted and not in_quote(head.idx):
            break
        cur = head
    return cur if reading.head_word(cur) else None


def _speech_verb(gov: Any, quoted: bool, sent: Any, verbs: frozenset[str]) -> Any:
    """The reporting verb whose speech contains ``gov``'s clause, if any."""
    cur = gov
    for _ in range(_MAX_CLIMB):
        if cur.dep_ in ("ccomp", "parataxis") and cur.head.lemma_.lower() in verbs:
            return cur.head
        if cur.head is cur:
            break
        cur = cur.head
    if quoted and sent.root.lemma_.lower() in verbs:
        return sent.root
    return None


def contexts(
    doc: Any, text: str, spans: list[tuple[int, int]], reading: TenseReading = ENGLISH
) -> list[Context]:
    """The :class:`Context` of each character span in ``doc`` (whose text is ``text``), read
    with the language's ``reading``."""
    quotes = quote_spans(text)

    def in_quote(pos: int) -> bool:
        return any(s < pos < e for s, e in quotes)

    # once: each Token.sent walks the whole document; a Doc with no sentence boundaries (no
    # parser, no sentenciser) is one sentence
    sentenced = doc.has_annotation("SENT_START") or doc.has_annotation("DEP")
    sents = list(doc.sents) if sentenced else [doc[:]]
    sent_starts = [s.start_char for s in sents]
    verbs = reading.reporting_verbs()
    out: list[Context] = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        quoted = in_quote(start)
        sent_index = max(0, sum(1 for s in sent_starts if s <= start) - 1)
        if span is None or len(span) == 0:
            out.append(Context(None, quoted, None, None, None, sent_index))
            continue
        gov = _governor(reading.root(span), quoted, in_quote, reading)
        if gov is None:
            sent_root = sents[sent_index].root
            gov = sent_root if reading.head_word(sent_root) else None
            if gov is not None and quoted and not in_quote(gov.idx):
                gov = None
        if gov is not None and span.start <= gov.i < span.end:
            gov = None  # a verb inside the expression itself ("the year-ago quarter" misparsed)
        tense, cue = reading.tense_of(gov) if gov is not None else (None, None)
        if tense == "present" and in_caption(text, start):
            tense, cue = "past", f"{cue} (a photo caption)"
        speech = _speech_verb(gov, quoted, sents[sent_index], verbs) if gov is not None else None
        if speech is not None and speech.i == (gov.i if gov is not None else -1):
            speech = None
        lead, lead_dir = reading.lead(doc, span)
        out.append(
            Context(
                lead=lead,
                lead_direction=lead_dir,
                possessive=reading.possessive(doc, span),
                tense=tense,
                quoted=quoted,
                governor=gov.i if gov is not None else None,
                governor_lemma=gov.lemma_.lower() if gov is not None else None,
                speech_verb=speech.i if speech is not None else None,
                sentence=sent_index,
                tense_cue=cue,
            )
        )
    return out
