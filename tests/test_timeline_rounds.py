"""Rounds of one set of talks (an expanded round, then a one-on-one) are one event across
reports; an informal talk is an occasion of its own (mentions of our own)."""

from __future__ import annotations

from corroborator.link.event_merge import merge_mentions
from corroborator.model import EventMention


def _talks(article: str, subtype: str | None, date: str | None = None) -> EventMention:
    quote = "The two presidents held talks."
    return EventMention(
        article, 0, len(quote), quote, "talks", subtype, "reported", date=date,
        participants=("Ana Lima", "Jon Berg"), date_source="expression" if date else None,
    )  # fmt: skip


def test_an_undated_round_joins_the_dated_talks_of_another_format() -> None:
    one_on_one = _talks("art_a", "one_on_one", "2031-09-04")
    expanded = _talks("art_b", "expanded")
    restricted = _talks("art_c", "restricted", "2031-09-04")
    groups = merge_mentions([one_on_one, expanded, restricted])
    assert len(groups) == 1


def test_an_informal_talk_stays_apart_from_the_rounds() -> None:
    expanded = _talks("art_a", "expanded", "2031-09-04")
    informal = _talks("art_b", "informal")
    groups = merge_mentions([expanded, informal])
    assert sorted(len(g) for g in groups) == [1, 1]
