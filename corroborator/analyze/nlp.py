"""spaCy pipelines, loaded lazily and once per process.

English articles go through the configured model (tagger, parser, NER); articles in other
languages get sentence boundaries from a rule-based multilingual sentenciser, since no packaged
model for them is installed (see docs/install.md).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from corroborator.errors import ModelError


@cache
def load_model(name: str) -> Any:
    """The spaCy pipeline ``name``; raises :class:`ModelError` with a hint when it is missing."""
    import spacy

    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy model {name!r} is not installed",
            hint="run `make install`, or set CORROBORATOR_SPACY_MODEL to an installed model",
        ) from exc


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
