"""An undated toll that repeats the figure of a toll another report dates is that release
(sentences of our own). The link stage reads the figures from the mentions' ``counts``, which
the analysis fills (tests/test_event_counts.py reads them from real text)."""

from __future__ import annotations

from corroborator.link.event_merge import merge_mentions
from corroborator.link.same_count import counts
from corroborator.model import EventMention


def _toll(
    article: str, quote: str, figures: tuple[int, ...], date: str | None = None
) -> EventMention:
    return EventMention(
        article, 0, len(quote), quote, "casualties", None, "reported", date=date,
        date_source="expression" if date else None, counts=figures,
    )  # fmt: skip


def test_an_undated_toll_with_a_dated_reports_figure_joins_that_toll() -> None:
    sunday = _toll("art_a", "Officials said on Sunday that 2,317 people had died in the floods.",
                   (2317,), "2031-07-13")  # fmt: skip
    monday = _toll("art_b", "By Monday the toll had climbed to 2,950 dead.", (2950,), "2031-07-14")
    undated = _toll("art_c", "The floods have killed at least 2,317 people.", (2317,))
    russian = _toll("art_d", "По данным властей, погибли 2 950 человек.", (2950,))
    groups = merge_mentions([sunday, monday, undated, russian])
    assert sorted(len(g) for g in groups) == [2, 2]
    assert any(undated in g and sunday in g for g in groups)
    assert any(russian in g and monday in g for g in groups)


def test_a_figure_two_dated_tolls_give_names_neither() -> None:
    """A figure repeated as the earlier count ("up from 2,317") is in two days' events: the
    undated toll that gives it stays apart."""
    sunday = _toll("art_a", "At least 2,317 people have died, officials said.", (2317,),
                   "2031-07-13")  # fmt: skip
    monday = _toll("art_b", "The toll rose to 2,950, up from 2,317 a day earlier.", (2317, 2950),
                   "2031-07-14")  # fmt: skip
    undated = _toll("art_c", "The floods have killed 2,317 people.", (2317,))
    groups = merge_mentions([sunday, monday, undated])
    assert [undated] in groups


def test_small_counts_and_the_same_articles_figure_name_no_release() -> None:
    toll = _toll("art_a", "The quake killed 45 people and 1,203 were hurt.", (45, 1203))
    assert counts(toll) == {1203}
    dated = _toll("art_a", "By Sunday 45 had died.", (45,), "2031-07-13")
    undated = _toll("art_b", "Some 45 people died.", (45,))
    assert [undated] in merge_mentions([dated, undated])
    # the same article repeating its own figure is no second report
    dated = _toll("art_a", "By Sunday 1,203 were hurt.", (1203,), "2031-07-13")
    undated = _toll("art_a", "Some 1,203 people were hurt.", (1203,))
    assert [undated] in merge_mentions([dated, undated])


def test_a_mention_without_counts_joins_nothing_by_its_quote() -> None:
    """Data from an analysis before ``counts`` was kept reads as no counts: the quote's
    numbers are not read again."""
    dated = _toll("art_a", "By Sunday 2,317 people had died.", (2317,), "2031-07-13")
    older = _toll("art_b", "The floods have killed 2,317 people.", ())
    assert [older] in merge_mentions([dated, older])
