"""Temporal expressions: TIMEX3-style tagging, normalisation, anchoring and the inference of
an article's publication date from its text. See docs/dates.md.

Entry points: :func:`analyze_dates` (an article and its spaCy ``Doc``) and :func:`tag_text`
(bare text, for the CLI and the benchmark).
"""

from __future__ import annotations

from corroborator.analyze.timex.analysis import DateAnalysis, analyze_dates, tag_text

__all__ = ["DateAnalysis", "analyze_dates", "tag_text"]
