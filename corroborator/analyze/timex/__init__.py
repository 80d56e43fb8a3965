"""Temporal expressions: TIMEX3-style tagging, normalisation, anchoring and the inference of
an article's publication date from its text. See docs/dates.md.

Entry points: :func:`analyze_dates` (an article and its spaCy ``Doc``) and :func:`tag_text`
(bare text, for the CLI and the benchmark).
"""

from __future__ import annotations

from collections.abc import Callable

from corroborator.analyze.timex.analysis import DateAnalysis, analyze_dates, tag_text
from corroborator.analyze.timex.russian import tag_text_ru

# Taggers of bare text for the languages the English model does not read: (text, anchor, *,
# published, dateline_date) -> DateAnalysis.
TAGGERS: dict[str, Callable[..., DateAnalysis]] = {"ru": tag_text_ru}

__all__ = ["TAGGERS", "DateAnalysis", "analyze_dates", "tag_text"]
