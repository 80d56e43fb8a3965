"""Checks that need the parsed sentence: is this match really a time?

The grammar reads characters; some of its words are also ordinary words ("May" the modal,
"March" the verb, "now" the discourse marker is still a time in TimeML, a bare "1990" may be a
count). These checks use capitalisation, part-of-speech tags and spaCy's DATE/TIME entities.
"""

from __future__ import annotations

import re
from typing import Any

from corroborator.analyze.timex.grammar import Match

# Words before a bare four-digit number that make it a year ("in 1998", "since 2000").
_YEAR_CUES = frozenset(
    {
        "in", "since", "by", "of", "from", "until", "till", "to", "before", "after", "during",
        "through", "for", "year", "early", "late", "mid", "fiscal", "calendar", "between",
        "and", "or", "around", "circa", "the", "as", "at", "on", "spring", "summer", "fall",
        "autumn", "winter", "end", "beginning", "start", "middle", "than", "back", "pre",
        "post", "about", "–", "-", "—", "(", "'s", "s", "within", "into", "across",
        "throughout", "over", "past", "next", "last", "this", "that",
    }
)  # fmt: skip
# Nouns after a bare four-digit number that make it a count ("2000 people"), not a year.
_COUNT_NOUN_TAGS = frozenset({"NNS"})
_YEAR_NOUNS_OK = frozenset(
    {"elections", "games", "olympics", "levels", "prices", "figures", "results", "sales",
     "earnings", "profits", "talks", "budget", "accords", "agreement", "census"}
)  # fmt: skip

_MONTH_GROUPS = ("month", "month2", "dmonth")


def _tokens(doc: Any, start: int, end: int) -> list[Any]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _prev_token(doc: Any, start: int) -> Any:
    toks = _tokens(doc, start, start + 1)
    if not toks or toks[0].i == 0:
        return None
    return doc[toks[0].i - 1]


def _next_token(doc: Any, end: int) -> Any:
    toks = _tokens(doc, max(0, end - 1), end)
    if not toks or toks[-1].i + 1 >= len(doc):
        return None
    return doc[toks[-1].i + 1]


def _is_upper_text(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def keep(m: Match, doc: Any, text: str) -> bool:
    """Whether match ``m`` in ``doc`` (whose text is ``text``) is a temporal expression."""
    for name in _MONTH_GROUPS:
        word = m.g(name)
        if word is None:
            continue
        start = m.group_spans[name][0]
        # a lower-case month name is a word ("may", "march") unless the text around it (forty
        # characters each side, a headline's width) is all capitals
        if not word[:1].isupper() and not _is_upper_text(text[max(0, start - 40) : start + 40]):
            return False
        if word.lower() in ("may", "march") and m.rule in ("month",):
            toks = _tokens(doc, *m.group_spans[name])
            if toks and toks[0].tag_ in ("MD", "VB", "VBP", "VBZ"):
                return False
    wd = m.g("wd")
    if wd is not None and not wd[:1].isupper():
        return False
    if m.rule == "month" and _is_name(m, doc):
        return False
    if m.rule == "year":
        return _is_year(m, doc)
    if m.rule == "year_range":
        prev = _prev_token(doc, m.start)
        if prev is not None and prev.text in ("$", "€", "£"):
            return False
        after = text[m.end : m.end + 12].lstrip().lower()  # the next word or two
        if re.match(r"(percent|per cent|%|people|points|votes|units|tons|shares)", after):
            return False
    if _title_word(m, doc, text):
        return False
    if m.rule == "pod" and not m.g("podshift"):
        toks = _tokens(doc, m.start, m.end)
        prev = _prev_token(doc, m.start)
        if toks and toks[-1].dep_ in ("compound", "amod", "nmod"):
            return False  # "morning talk show": a kind of thing, not a time
        if prev is not None and prev.lower_ in ("good",):
            return False  # a greeting
    if m.rule == "set" and m.g("freq"):
        toks = _tokens(doc, m.start, m.end)
        if toks and toks[0].pos_ in ("NOUN", "PROPN") and toks[0].dep_ != "npadvmod":
            return False  # "the party daily Granma": a newspaper
    fraction_unit = (m.g("unit") or "").lower() in ("quarter", "quarters", "half")
    if m.rule == "duration" and fraction_unit and text[m.end : m.end + 4].lower() == " of ":
        return False  # "three-quarters of its food": a fraction
    if m.rule == "duration" and (m.g("dshift") or "").lower() == "early" and "hour" in m.text:
        return False  # "in the early hours of October 12": the date is the expression
    if m.rule == "duration" and (m.g("unit") or "").lower() == "second":
        toks = _tokens(doc, *m.group_spans["unit"])
        if toks and toks[0].tag_ in ("JJ", "RB"):
            return False  # "a second betrayal": an ordinal
    if m.rule == "ref":
        return _keep_ref(m, doc)
    # an age ("a 44-year-old") is not a time
    return not (m.rule == "duration" and (m.g("long") or "").strip().lower().endswith("old"))


def _is_name(m: Match, doc: Any) -> bool:
    """A month name inside a name: "the March of the Mothers", "the annual March for Life"."""
    prev = _prev_token(doc, m.start)
    nxt = _next_token(doc, m.end)
    if prev is None or nxt is None:
        return False
    return prev.lower_ in ("the", "a", "an", "annual") and nxt.lower_ in ("of", "for", "to")


_TITLE_GROUPS = ("unit", "clock", "deictic", "pod", "ref")


def _title_word(m: Match, doc: Any, text: str) -> bool:
    """A time word written as part of a title ("60 Minutes", "This Week", "High Noon",
    "VOA Today"): capitalised in mid-sentence beside other capitalised words."""
    for name in _TITLE_GROUPS:
        word = m.g(name)
        if not word or not word[:1].isupper() or _is_upper_text(text[m.start : m.end]):
            continue
        toks = _tokens(doc, *m.group_spans[name])
        if not toks or toks[0].is_sent_start:
            continue
        prev = doc[toks[0].i - 1]
        if toks[0].i == _tokens(doc, m.start, m.end)[0].i:
            # the word opens the expression: a title only after another capitalised word
            if prev.is_title and not prev.is_sent_start and prev.pos_ == "PROPN":
                return True
            continue
        return True
    return False


def _is_year(m: Match, doc: Any) -> bool:
    toks = _tokens(doc, m.group_spans["year"][0], m.group_spans["year"][1])
    if not toks:
        return False
    tok = toks[0]
    if m.g("calendar"):
        return True
    prev = doc[tok.i - 1] if tok.i > 0 else None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if prev is not None and prev.text in ("$", "€", "£", "#", "No.", "no."):
        return False
    if nxt is not None and nxt.text.upper().replace(".", "") in ("BC", "BCE", "AD"):
        return bool(nxt.text.upper().startswith("A"))  # "2000 BC" is no year of ours
    if nxt is not None and (nxt.text == "%" or nxt.lower_ == "percent"):
        return False
    counted = nxt is not None and nxt.tag_ in _COUNT_NOUN_TAGS and nxt.lower_ not in _YEAR_NOUNS_OK
    # a number with an article and nothing after it to modify is the head of its noun phrase,
    # a count ("compared to the 1002 announced earlier", "up from the 1500."); a year takes an
    # article only to modify a noun ("the 2024 election", "the 2019 and 2020 polls")
    if (
        prev is not None
        and prev.lower_ in ("the", "a", "an", "these", "those")
        and (nxt is None or nxt.pos_ in ("VERB", "AUX") or nxt.text in (".", ";", ":"))
    ):
        return False
    if counted and tok.ent_type_ not in ("DATE", "EVENT"):
        return False
    if tok.ent_type_ in ("DATE", "EVENT", "TIME"):
        return True
    if prev is not None and prev.lower_ in _YEAR_CUES:
        return True
    if prev is not None and prev.ent_type_ in ("EVENT", "ORG", "WORK_OF_ART"):
        return True
    if prev is not None and prev.is_punct and prev.text in (",", "(", "–", "—", "-"):
        return True
    return bool(tok.is_sent_start)


# References that are also ordinary adverbs; kept only where TimeML would tag them.
def _keep_ref(m: Match, doc: Any) -> bool:
    word = " ".join((m.g("ref") or "").lower().split())
    toks = _tokens(doc, m.start, m.end)
    if not toks:
        return False
    if word == "once":
        # "once a week" is a frequency and "once he arrives" a conjunction
        nxt = _next_token(doc, m.end)
        return bool(toks[0].dep_ == "advmod" and (nxt is None or nxt.lower_ not in ("a", "an")))
    if word == "future":
        return True
    if word == "current":
        return bool(toks[0].dep_ == "amod")
    if word == "earlier":
        # "earlier" alone is a time only as an adverb of the clause ("Earlier, he said")
        return toks[0].dep_ == "advmod" and toks[0].head.pos_ in ("VERB", "AUX")
    if word == "later":
        return toks[0].dep_ == "advmod" and toks[0].head.pos_ in ("VERB", "AUX")
    return True
