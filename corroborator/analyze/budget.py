"""The per-article time budget of analysis, checked cooperatively.

:func:`deadline` sets the budget for the analysis of one article; the extractors call
:func:`check` at points where stopping is safe — between stages, once per sentence, per
expression or per name — and it raises :class:`OverBudget` once the budget is spent. Nothing
is interrupted mid-write: analysis writes nothing (the build stores an article's analysis only
when it is whole), and no thread is killed. The caller turns :class:`OverBudget` into the
article's one-line refusal (:class:`~corroborator.errors.OverTimeBudget`, E109).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_DEADLINE: ContextVar[float | None] = ContextVar("analysis_deadline", default=None)


class OverBudget(Exception):
    """The analysis of the current article ran past its time budget."""


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Analyse within ``seconds`` from now (0 or less: no budget)."""
    token = _DEADLINE.set(time.monotonic() + seconds if seconds > 0 else None)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def check() -> None:
    """Raise :class:`OverBudget` when the current article's budget is spent."""
    limit = _DEADLINE.get()
    if limit is not None and time.monotonic() > limit:
        raise OverBudget
