"""An undated toll that repeats the figure of a toll another report dates is that release
(sentences of our own)."""

from __future__ import annotations

from corroborator.link.same_count import counts
from corroborator.link.timeline import merge_mentions
from corroborator.model import EventMention


def _toll(article: str, quote: str, date: str | None = None) -> EventMention:
    return EventMention(
        article, 0, len(quote), quote, "casualties", None, "reported", date=date,
        date_source="expression" if date else None,
    )  # fmt: skip


def test_an_undated_toll_with_a_dated_reports_figure_joins_that_toll() -> None:
    sunday = _toll("art_a", "Officials said on Sunday that 2,317 people had died in the floods.",
                   "2031-07-13")  # fmt: skip
    monday = _toll("art_b", "By Monday the toll had climbed to 2,950 dead.", "2031-07-14")
    undated = _toll("art_c", "The floods have killed at least 2,317 people, officials say.")
    russian = _toll("art_d", "По данным властей, погибли 2 950 человек.")
    groups = merge_mentions([sunday, monday, undated, russian])
    assert sorted(len(g) for g in groups) == [2, 2]
    assert any(undated in g and sunday in g for g in groups)
    assert any(russian in g and monday in g for g in groups)


def test_a_figure_two_dated_tolls_give_names_neither() -> None:
    """A figure repeated as the earlier count ("up from 2,317") is in two days' events: the
    undated toll that gives it stays apart."""
    sunday = _toll("art_a", "At least 2,317 people have died, officials said.", "2031-07-13")
    monday = _toll("art_b", "The toll rose to 2,950, up from 2,317 a day earlier.", "2031-07-14")
    undated = _toll("art_c", "The floods have killed 2,317 people.")
    groups = merge_mentions([sunday, monday, undated])
    assert [undated] in groups


def test_days_years_decimals_and_small_counts_are_not_figures() -> None:
    toll = _toll("art_a", "A 6.8 quake on July 12, 2031 killed 45 people and 1,203 were hurt; "
                          "толчки силой 6,8 балла, 1 203 раненых.")  # fmt: skip
    assert counts(toll) == {1203}
    # and the same article repeating its own figure is no second report
    dated = _toll("art_a", "By Sunday 1,203 were hurt.", "2031-07-13")
    undated = _toll("art_a", "Some 1,203 people were hurt.")
    assert [undated] in merge_mentions([dated, undated])
