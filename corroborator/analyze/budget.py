"""The per-article time budget of analysis, checked cooperatively.

Time is the analysing thread's CPU time (:func:`time.thread_time`), not the clock on the wall:
an article's budget does not run out because other processes share the machine (two cores
shared by five jobs make a 1,000-character article take 7 s of wall time and 0.3 s of CPU).

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
    """Analyse within ``seconds`` of this thread's CPU time from now (0 or less: no budget)."""
    token = _DEADLINE.set(time.thread_time() + seconds if seconds > 0 else None)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def check() -> None:
    """Raise :class:`OverBudget` when the current article's budget is spent."""
    limit = _DEADLINE.get()
    if limit is not None and time.thread_time() > limit:
        raise OverBudget
