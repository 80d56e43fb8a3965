"""spaCy pipelines, loaded lazily and once per process.

English articles go through the configured model (tagger, parser, NER); articles in other
languages get sentence boundaries from a rule-based multilingual sentenciser, since no packaged
model for them is installed (see docs/install.md).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from corroborator.errors import ModelError

# "a.m." and "p.m." end in a stop that ends no sentence when a time zone follows ("10 a.m.
# Macau time", "9 p.m. local time") or the next word is in lower case ("at 10 a.m. on Monday").
_CLOCK = frozenset({"a.m.", "p.m."})
# A "sentence" longer than this is no sentence of news but a list, a table or an unpunctuated
# dump, and every extractor's work on it grows with the square of its length. The longest
# sentence in news-dev and the seeds is 112 words (~130 tokens); past 250 tokens a sentence is
# cut at the next comma, semicolon or dash, and at 300 wherever it is.
SOFT_SENTENCE_TOKENS = 250
MAX_SENTENCE_TOKENS = 300
_STOPS = frozenset({".", "!", "?"})
_PAUSES = frozenset({",", ";", ":", "—", "–", "-"})
# spaCy's SENT_START value for "not a sentence start" (-1) in its unsigned attribute arrays.
_NOT_START = 2**64 - 1


def _line_breaks(doc: Any) -> Any:
    """Start a sentence after every line break: headlines, date lines and captions carry no
    final stop, and the parser would otherwise run them into the first paragraph. After a
    clock's "a.m."/"p.m." that a time zone or a lower-case word follows, none starts.

    The marks are written in one array: setting ``Token.is_sent_start`` one token at a time
    checks the whole document each time, which made a text of many short lines quadratic."""
    from spacy.attrs import SENT_START

    starts = doc.to_array([SENT_START])
    changed = False
    run = 0  # tokens since the last line break or likely sentence end
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        run += 1
        if "\n" in prev.text or "\n" in prev.whitespace_:
            starts[tok.i], changed, run = 1, True, 0
        elif prev.lower_ in _CLOCK and (
            tok.is_lower or any(t.lower_ == "time" for t in doc[tok.i : tok.i + 3])
        ):
            starts[tok.i], changed = _NOT_START, True
        elif prev.text in _STOPS and not tok.is_lower:
            run = 0
        elif run >= MAX_SENTENCE_TOKENS or (run >= SOFT_SENTENCE_TOKENS and prev.text in _PAUSES):
            starts[tok.i], changed, run = 1, True, 0
    if changed:
        doc.from_array([SENT_START], starts)
    return doc


@cache
def load_model(name: str) -> Any:
    """The spaCy pipeline ``name``; raises :class:`ModelError` with a hint when it is missing."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory("corroborator_line_breaks"):
        Language.component("corroborator_line_breaks")(_line_breaks)
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy model {name!r} is not installed",
            hint="run `make install`, or set CORROBORATOR_SPACY_MODEL to an installed model",
        ) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("corroborator_line_breaks", before="parser")
    return nlp


@cache
def load_sentencizer() -> Any:
    """A rule-based sentence splitter for languages without a packaged model."""
    import spacy

    nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    return nlp


def model_version(name: str) -> str:
    """``name@version`` of a loaded model, recorded with every analysis."""
    meta = load_model(name).meta
    return f"{meta.get('lang', '?')}_{meta.get('name', name)}@{meta.get('version', '?')}"


_TEXT = "corroborator_text"


def doc_text(doc: Any) -> str:
    """``doc.text``, joined once per Doc: spaCy rebuilds the string from its tokens on every
    access, and the extractors read it five times an article (about 6% of a build's CPU)."""
    store = getattr(doc, "user_data", None)
    if not isinstance(store, dict):
        return str(doc.text)
    text = store.get(_TEXT)
    if text is None:
        text = store[_TEXT] = doc.text
    return str(text)


class Sentences:
    """The sentences of a Doc with a fast lookup from token index to sentence.

    ``Token.sent`` and ``Span.sent`` walk the whole document on every call; extractors that
    ask for many tokens' sentences use this instead.
    """

    def __init__(self, doc: Any) -> None:
        self.spans = list(doc.sents)
        self.starts = [s.start for s in self.spans]

    def of(self, token_index: int) -> Any:
        """The sentence holding the token at ``token_index``."""
        from bisect import bisect_right

        return self.spans[max(0, bisect_right(self.starts, token_index) - 1)]
