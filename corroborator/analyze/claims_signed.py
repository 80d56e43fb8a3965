"""Claims, part eleven: what reports say of a document as yes or no — whether it was signed ("the
leaders signed a comprehensive strategic partnership treaty", "no agreement was signed",
«соглашение не подписали») and what it provides for ("the treaty provides for mutual assistance",
«договор предусматривает взаимную помощь»).

A document (:func:`~corroborator.analyze.claims_documents.document_mentions`) with a signing verb
(``signing_verbs`` of data/categories.yaml) in its clause gives "yes", or "no" with a negation
before the verb or "no" before the document. The subject names the document ("whether the
comprehensive strategic partnership treaty was signed"), in English whatever the report's
language. A document the text does not name gives only "yes": "no peace treaty was signed"
after a war and "a treaty was signed" this week are two documents. A plan ("will sign", «должны
подписать»: ``plan_words``) is no claim. A provision verb after the document (``provision_verbs``)
with listed name words after it gives "whether the <noun> provides for <words>": "yes", or "no"
after a negation.
"""

from __future__ import annotations

import re
from functools import cache

from corroborator import lexicon
from corroborator.analyze.claims_documents import document_mentions
from corroborator.analyze.claims_text import CYRILLIC, sentence_bounds, word_value
from corroborator.model import ClaimValue

SIGNED_MEASURE = "signed"
PROVIDES_MEASURE = "provides"
# A signing verb this near a document, in its clause, is its signing ("signed on Wednesday a
# comprehensive … treaty" is 40 characters; «договор, подписанный в среду» 20).
_NEAR = 60
_STOPS = ".;:!?\n"
# An English infinitive before a verb ("to be signed", "to be discussed", "to have been
# raised") tells of a plan or a duty, not of what happened.
INFINITIVE = re.compile(r"\bto\s+(?:be\s+|have\s+been\s+)?$", re.IGNORECASE)
_NEGATION = re.compile(
    r"(?:\bnot|n[’']t|\bnever|(?<![\w-])не)\s+(?:been\s+|be\s+|был\w*\s+)?$", re.I
)
# Russian past forms and participles of the signing verb («подписали», «подписан», «подписанный»);
# «подпишут» and «подписать» are plans or infinitives.
_RU_DONE = re.compile(r"(?:л|ла|ло|ли|н|на|но|ны|нн\w+)$", re.IGNORECASE)


@cache
def plan_pattern() -> re.Pattern[str]:
    """The plan words of data/categories.yaml: ``plan_words`` (English words, Russian stems),
    ``plan_words_whole`` (whole words only) and ``plan_words_lower`` (lower case only, and not
    before a number: "may" but not "May 5")."""
    data = lexicon.load("categories.yaml")

    def alternation(words: list[object], stems: bool) -> str:
        return "|".join(
            re.escape(str(w)) + (r"\w*" if stems and CYRILLIC.match(str(w)) else "")
            for w in sorted(words, key=lambda w: -len(str(w)))
        )

    parts = [
        alternation(data.get("plan_words", []), stems=True),
        alternation(data.get("plan_words_whole", []), stems=False),
    ]
    lower = alternation(data.get("plan_words_lower", []), stems=False)
    if lower:
        parts.append(rf"(?-i:{lower})(?![\w-])(?!\s*\d)")
    alt = "|".join(p for p in parts if p)
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", re.IGNORECASE)


@cache
def _tables() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], dict[str, str]]:
    data = lexicon.load("categories.yaml")

    def alternation(name: str) -> str:
        return "|".join(
            re.escape(str(w)) + (r"\w*" if CYRILLIC.match(str(w)) else "")
            for w in sorted(data.get(name, []), key=lambda w: -len(str(w)))
        )

    words = {
        str(w).lower(): str(key)
        for key, forms in (data.get("document_words") or {}).items()
        for w in forms
    }
    return (
        re.compile(rf"(?<![\w-])(?:{alternation('signing_verbs')})(?![\w-])", re.I),
        re.compile(rf"(?<![\w-])(?:{alternation('provision_verbs')})(?![\w-])", re.I),
        plan_pattern(),
        words,
    )


def _listed(word: str, words: dict[str, str]) -> str | None:
    low = word.lower()
    for form, key in words.items():
        if low == form or (CYRILLIC.match(form) and low.startswith(form)):
            return key
    return None


def _value(
    article_id: str, text: str, subject: str, value: str, span: tuple[int, int], measure: str
) -> ClaimValue:
    start, end = span
    q_start, q_end = sentence_bounds(text, start, end)
    return word_value(
        text, article_id, subject, "outcome", value, (start, end), (q_start, q_end), measure
    )


def _determiner_no(before: str, words: dict[str, str]) -> bool:
    """Whether "no" («ни одного») is the document phrase's own determiner: only listed name
    words stand between it and the phrase ("no comprehensive … treaty"), not "there is no
    doubt the treaty" nor "no sooner had the treaty"."""
    m = re.search(r"(?:\bno|(?<![\w-])ни\s+одного)\s+((?:[\w’'-]+\s+){0,3})$", before, re.I)
    if m is None:
        return False
    return all(_listed(w, words) is not None for w in m.group(1).split())


def _done(word: str, before: str) -> bool:
    """A signing told as done: an English past form ("signed", "inked"), a bare form after
    "did" ("did not sign"), a Russian past form or participle."""
    if CYRILLIC.match(word):
        return bool(_RU_DONE.search(word))
    if INFINITIVE.search(before):
        return False  # "agreements to be signed": a plan
    if word.lower().endswith("ed"):
        return True
    return bool(re.search(r"\b(?:did|never)(?:\s+not|n[’']t)?\s+$", before, re.I))


def signed_claims(text: str, article_id: str) -> list[ClaimValue]:
    """Whether each document was signed and what it provides for (module docstring); one value
    per subject, the first."""
    signing, provision, plans, words = _tables()
    found: dict[str, ClaimValue] = {}
    for start, end, doc, named in document_mentions(text):
        s_lo = max(text.rfind(c, 0, start) for c in _STOPS) + 1
        ends = [i for c in _STOPS if (i := text.find(c, end)) >= 0]
        s_hi = min(ends) if ends else len(text)
        lo, hi = max(s_lo, start - _NEAR), min(s_hi, end + _NEAR)
        verb = min(
            signing.finditer(text, lo, hi),
            key=lambda m: abs(m.start() - start),
            default=None,
        )
        if verb is not None:
            # 30 characters hold an auxiliary and a negation before the verb ("had not yet
            # been", «так и не был»: 12-20 on our probes)
            before = text[max(s_lo, verb.start() - 30) : verb.start()]
            context = text[s_lo : max(verb.start(), start)]
            if _done(verb.group(0), before) and not plans.search(context):
                no = _NEGATION.search(before) or _determiner_no(text[s_lo:start], words)
                subject = f"whether the {doc} was signed"
                if subject not in found and (named or not no):
                    found[subject] = _value(
                        article_id,
                        text,
                        subject,
                        "no" if no else "yes",
                        (start, end),
                        SIGNED_MEASURE,
                    )
        provides = provision.search(text, end, min(s_hi, end + _NEAR))
        if provides is None:
            continue
        # the listed words after the verb ("provides for mutual assistance and
        # economic cooperation"), up to the first unlisted word after them
        tail = text[provides.end() : s_hi]
        terms: list[str] = []
        for w in re.finditer(r"[\w’'-]+", tail[:80]):
            key = _listed(w.group(0), words)
            if key is not None:
                terms.append(key)
            elif terms and w.group(0).lower() not in {"and", "и"}:
                break
        if not terms:
            continue
        noun = doc.split()[-1]
        subject = f"whether the {noun} provides for {' '.join(dict.fromkeys(terms))}"
        # 20 characters hold "does not" or «не» with an adverb ("does not explicitly" is 19)
        negated = _NEGATION.search(text[max(end, provides.start() - 20) : provides.start()])
        if subject not in found:
            found[subject] = _value(
                article_id,
                text,
                subject,
                "no" if negated else "yes",
                (provides.start(), provides.end()),
                PROVIDES_MEASURE,
            )
    return list(found.values())
