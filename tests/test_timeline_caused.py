"""A collapse the story dates by its article's one day of disaster (mentions of our own)."""

from __future__ import annotations

from typing import Any

from corroborator.link.caused import dated_by_cause
from corroborator.model import EventMention


def _m(article: str, type_: str, start: int, **kw: Any) -> EventMention:
    return EventMention(article, start, start + 1, "…", type_, None, "reported", **kw)


def test_an_undated_collapse_takes_its_articles_day_of_quake() -> None:
    quake = _m("art_a", "disaster", 0, date="2031-10-14")
    collapse = _m("art_a", "building_collapse", 5)
    elsewhere = _m("art_b", "building_collapse", 5)  # no quake dated in its own article
    [_, dated, undated] = dated_by_cause([quake, collapse, elsewhere])
    assert (dated.date, dated.date_source) == ("2031-10-14", "previous_event")
    assert undated.date is None


def test_two_days_of_shocks_or_words_of_its_own_leave_it_undated() -> None:
    shocks = [
        _m("art_a", "disaster", 0, date="2031-10-14"),
        _m("art_a", "disaster", 2, date="2031-10-15"),
    ]
    assert dated_by_cause([*shocks, _m("art_a", "building_collapse", 5)])[-1].date is None
    quake = _m("art_b", "disaster", 0, date="2031-10-14")
    own_words = _m("art_b", "building_collapse", 5, date_text="Sunday")
    history = _m("art_b", "building_collapse", 7, background=True)
    out = dated_by_cause([quake, own_words, history])
    assert out[1].date is None and out[2].date is None
