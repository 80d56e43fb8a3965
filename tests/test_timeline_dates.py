"""Which day a timeline event and its undated mentions take: the best-told day, a dated event
of the same sentence, and the day each report was printed (short invented reports, the real
linker)."""

from __future__ import annotations

from typing import Any

from corroborator.link.dependence import find_dependence
from corroborator.link.timeline import build_events
from corroborator.model import Article, Event, EventMention

PAIR = ("Ilse Marrow", "Tomas Quill")  # two invented leaders


def _articles(printed: dict[str, str]) -> dict[str, Article]:
    """One article per id, printed on its day, each with wording of its own (no dependence)."""
    return {
        a: Article(
            id=a,
            text=f"Report number {i} from desk {a} about the visit, in words of its own.",
            source_path=f"{a}.txt",
            published=day,
        )
        for i, (a, day) in enumerate(sorted(printed.items()))
    }


def _told(article: str, type_: str, start: int, at: int, **kw: Any) -> EventMention:
    """A mention of ``type_`` in the sentence starting at ``start``, its trigger at ``at``."""
    kw.setdefault("status", "reported")
    status = kw.pop("status")
    return EventMention(
        article, start, start + 80, "…", type_, None, status, trigger_start=at, **kw
    )


def _events(told: list[EventMention], printed: dict[str, str]) -> list[Event]:
    arts = _articles(printed)
    return build_events("sty_test", told, arts, find_dependence(list(arts.values())))


def _mention(events: list[Event], article: str, type_: str) -> EventMention:
    [m] = [m for e in events for m in e.mentions if m.article_id == article and m.type == type_]
    return m


def test_an_event_told_as_done_takes_the_day_of_a_done_one_of_its_sentence() -> None:
    """'After the talks on Wednesday, the two signed a treaty': both done, one day."""
    told = [
        _told("art_a", "talks", 0, 10, date="2026-02-11", date_source="expression",
              participants=PAIR),
        _told("art_a", "signing", 0, 50),
    ]  # fmt: skip
    events = _events(told, {"art_a": "2026-02-12"})
    signing = _mention(events, "art_a", "signing")
    assert signing.date == "2026-02-11" and signing.date_source == "coreference"


def test_an_events_day_is_the_one_its_reports_tell_in_their_own_words() -> None:
    """One meeting of the same two people, a day apart in three reports: the one that prints
    the day outweighs two that only place it after the event they told before; the other day
    is kept as a date conflict, and no mention is re-dated."""
    told = [
        _told("art_a", "talks", 0, 10, date="2026-02-11", date_source="expression",
              participants=PAIR),
        _told("art_b", "talks", 0, 10, date="2026-02-12", date_source="previous_event",
              participants=PAIR),
        _told("art_c", "talks", 0, 10, date="2026-02-12", date_source="previous_event",
              participants=PAIR),
    ]  # fmt: skip
    events = _events(told, dict.fromkeys(("art_a", "art_b", "art_c"), "2026-02-13"))
    [talks] = [e for e in events if e.type == "talks"]
    assert talks.date == "2026-02-11"
    [conflict] = [c for c in talks.conflicts if c.field == "date"]
    assert dict(conflict.values) == {"2026-02-11": ("art_a",), "2026-02-12": ("art_b", "art_c")}
    assert {m.article_id: m.date for m in talks.mentions} == {
        "art_a": "2026-02-11",
        "art_b": "2026-02-12",
        "art_c": "2026-02-12",
    }


def test_a_done_event_is_not_one_that_happened_after_its_report() -> None:
    """Two reports date talks on 5 March; an undated 'the talks were held' printed on 1 March
    tells other, earlier talks, while one printed on 6 March tells these."""
    told = [
        _told("art_a", "talks", 0, 10, date="2026-03-05", date_source="expression",
              participants=PAIR),
        _told("art_b", "talks", 0, 10, date="2026-03-05", date_source="expression",
              participants=PAIR),
        _told("art_c", "talks", 0, 10),
        _told("art_d", "talks", 0, 10),
    ]  # fmt: skip
    printed = {"art_a": "2026-03-05", "art_b": "2026-03-06", "art_c": "2026-03-01",
               "art_d": "2026-03-06"}  # fmt: skip
    events = _events(told, printed)
    assert _mention(events, "art_c", "talks").date is None
    assert _mention(events, "art_d", "talks").date == "2026-03-05"


def test_a_disaster_takes_no_day_from_its_aftermath_in_one_sentence() -> None:
    """'A truce was declared on Wednesday to clear up after the earthquake': the quake is the
    one two reports date to the Friday before, and the truce keeps its own day."""
    told = [
        _told("art_a", "disaster", 0, 10, date="2026-03-06", date_source="expression"),
        _told("art_b", "disaster", 0, 10, date="2026-03-06", date_source="expression"),
        _told("art_c", "ceasefire", 0, 10, date="2026-03-11", date_source="expression"),
        _told("art_c", "disaster", 0, 60),
        _told("art_c", "announcement", 100, 110),
        _told("art_c", "disaster", 100, 150, date="2026-03-06", date_source="expression"),
    ]  # fmt: skip
    printed = {"art_a": "2026-03-06", "art_b": "2026-03-07", "art_c": "2026-03-12"}
    events = _events(told, printed)
    quakes = [m for e in events for m in e.mentions if m.type == "disaster"]
    assert {m.date for m in quakes} == {"2026-03-06"}
    # nor does the quake date what its sentence tells of the days after it
    assert _mention(events, "art_c", "announcement").date != "2026-03-06"


def test_what_a_sentence_is_ahead_of_gives_no_day_to_the_rest_of_it() -> None:
    """'Trains were halted after a storm warning, ahead of Sunday's parade': the parade is
    later than the rest of the sentence, so the suspension is not Sunday's."""
    told = [
        _told("art_a", "parade", 0, 60, date="2026-05-17", date_source="expression",
              status="planned", status_reason="preposition of things to come"),
        _told("art_a", "transport_suspension", 0, 10),
    ]  # fmt: skip
    events = _events(told, {"art_a": "2026-05-14"})
    assert _mention(events, "art_a", "transport_suspension").date is None


def test_an_event_still_to_come_takes_the_day_of_a_done_one_in_its_sentence() -> None:
    """'She arrived on Tuesday and will lay a wreath': the wreath is of her visit's day."""
    told = [
        _told("art_a", "arrival", 0, 10, date="2026-02-10", date_source="expression"),
        _told("art_a", "wreath_laying", 0, 50, status="planned"),
    ]  # fmt: skip
    events = _events(told, {"art_a": "2026-02-10"})
    assert _mention(events, "art_a", "wreath_laying").date == "2026-02-10"


def test_an_undated_report_joins_the_one_event_of_its_type_and_people() -> None:
    """A report printed without a date tells talks of the two leaders with no day: the story
    has one such event, dated by two other reports, and the mention takes its day."""
    told = [
        _told("art_a", "talks", 0, 10, date="2026-04-02", date_source="expression",
              participants=PAIR),
        _told("art_b", "talks", 0, 10, date="2026-04-02", date_source="expression",
              participants=PAIR),
        _told("art_c", "talks", 0, 10, participants=PAIR),
    ]  # fmt: skip
    arts = _articles({"art_a": "2026-04-02", "art_b": "2026-04-03", "art_c": "2026-04-03"})
    arts["art_c"] = Article(id="art_c", text="An undated report in words of its own.",
                            source_path="art_c.txt", published=None)  # fmt: skip
    events = build_events("sty_test", told, arts, find_dependence(list(arts.values())))
    [talks] = [e for e in events if e.type == "talks"]
    assert {m.article_id for m in talks.mentions} == {"art_a", "art_b", "art_c"}
    assert _mention(events, "art_c", "talks").date == "2026-04-02"


def test_an_undated_mention_joins_the_one_event_of_its_people_whatever_its_place() -> None:
    """'Marrow greeted Quill on the tarmac' with no day, placed at a forum's name that is not
    the city the other reports give: the story has one arrival of the two, so it is that."""
    told = [
        _told("art_a", "arrival", 0, 10, date="2026-06-03", date_source="expression",
              participants=PAIR, place="Velmora"),
        _told("art_b", "arrival", 0, 10, date="2026-06-03", date_source="expression",
              participants=PAIR, place="Velmora"),
        _told("art_c", "arrival", 0, 10, participants=PAIR, place="Corvia Forum"),
    ]  # fmt: skip
    printed = {"art_a": "2026-06-03", "art_b": "2026-06-04", "art_c": "2026-06-04"}
    events = _events(told, printed)
    assert _mention(events, "art_c", "arrival").date == "2026-06-03"


def test_an_undated_mention_stays_apart_when_its_people_meet_twice() -> None:
    """Two dated meetings of the same two people in different towns: an undated one at a
    third place could be either, so it is left apart and undated."""
    told = [
        _told("art_a", "talks", 0, 10, date="2026-06-03", date_source="expression",
              participants=PAIR, place="Velmora"),
        _told("art_b", "talks", 0, 10, date="2026-06-09", date_source="expression",
              participants=PAIR, place="Corvia"),
        _told("art_c", "talks", 0, 10, participants=PAIR, place="Corvia Forum"),
    ]  # fmt: skip
    printed = {"art_a": "2026-06-03", "art_b": "2026-06-09", "art_c": "2026-06-10"}
    events = _events(told, printed)
    assert _mention(events, "art_c", "talks").date is None
