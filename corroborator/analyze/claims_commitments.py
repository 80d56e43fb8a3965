"""Claims, part twelve: what a deal commits a side to ("an agreement to resume soybean purchases",
"in return for a pledge to curb arms smuggling", «сторона возобновит закупки зерна»), as a
yes/no categorical claim.

A commitment verb (``commitment_verbs`` of data/categories.yaml: resume, curb, pause, help …,
each with its English key) followed within :data:`_MAX_BETWEEN` words of its clause by an object
word (``commitment_objects``: purchases, sanctions, tariffs …, each with its English key) gives
"yes", or "no" when a negation stands right before the verb, in a sentence that tells of a deal or
a promise (``commitment_cues``: agreed, deal, in exchange, would, will, «соглашение», «обещал»).
English words are matched whole (a verb with its listed forms), Russian ones as stems. The
subject is "commitment to <verb> <object>" in English whatever the report's language, so that
reports in either language of one deal compare, and "yes" against "no" conflicts. An article gives
one value per subject, the first.
"""

from __future__ import annotations

import re
from functools import cache

from corroborator import lexicon
from corroborator.analyze.claims_text import keyed_words, word_alternation, word_key, word_value
from corroborator.model import ClaimValue

COMMITMENT_MEASURE = "commitment"
# Words between a commitment verb and its object ("resume large-scale purchases", «пресечь
# нелегальные поставки в США фентанила»): five cover every such phrase of the development texts
# and our probes; further on, the word is mostly another clause's.
_MAX_BETWEEN = 5
_WORD = re.compile(r"[^\W\d_][\w’'-]*")
# A stop ends a sentence before a capital or the text's end only: "U.S. soybean purchases" is one
# phrase (the shared sentence_bounds cut at every stop).
_STOP = r"[!?\n]|\.(?=\s+[A-ZА-ЯЁ«\"“]|\s*$)"
_SENTENCE_END = re.compile(_STOP)
_CLAUSE_END = re.compile(rf"{_STOP}|[;:()—–]|,\s")
_NEGATION = re.compile(r"(?:\bnot|n[’']t|\bnever|(?<![\w-])не)\s+(?:\w+\s+)?$", re.IGNORECASE)


@cache
def _tables() -> tuple[
    re.Pattern[str], dict[str, str], re.Pattern[str], dict[str, str], re.Pattern[str]
]:
    """The verb pattern and its words' keys, the object pattern and its words' keys, and the
    cue pattern."""
    data = lexicon.load("categories.yaml")

    verbs, verb_keys = keyed_words(data.get("commitment_verbs") or {})
    objects, object_keys = keyed_words(data.get("commitment_objects") or {})
    cues = [str(w) for w in data.get("commitment_cues") or []]
    cue = re.compile(rf"(?<![\w-])(?:{word_alternation(cues)})(?![\w-])", re.I)
    return verbs, verb_keys, objects, object_keys, cue


def _sentence(text: str, at: int) -> tuple[int, int]:
    """The bounds of the sentence around ``at``, stops inside abbreviations left alone."""
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, at)), default=0)
    end = _SENTENCE_END.search(text, at)
    return start, end.end() if end else len(text)


def commitment_claims(text: str, article_id: str) -> list[ClaimValue]:
    """The commitments of a deal an article tells of (module docstring)."""
    verbs, verb_keys, objects, object_keys, cue = _tables()
    found: dict[str, ClaimValue] = {}
    for v in verbs.finditer(text):
        q_start, q_end = _sentence(text, v.start())
        if not cue.search(text, q_start, q_end):
            continue  # no deal nor promise told: "talks resumed the sanctions issue"
        stop = _CLAUSE_END.search(text, v.end(), q_end)
        limit = stop.start() if stop else q_end
        words = [w for w in _WORD.finditer(text, v.end(), limit)][:_MAX_BETWEEN]
        if not words:
            continue
        obj = objects.search(text, v.end(), words[-1].end())
        if obj is None:
            continue
        verb, what = word_key(v.group(0), verb_keys), word_key(obj.group(0), object_keys)
        subject = f"commitment to {verb} {what}"
        if subject in found:
            continue
        negated = _NEGATION.search(text[max(q_start, v.start() - 25) : v.start()])
        found[subject] = word_value(
            text,
            article_id,
            subject,
            "commitment",
            "no" if negated else "yes",
            (v.start(), obj.end()),
            (q_start, q_end),
            COMMITMENT_MEASURE,
        )
    return list(found.values())
