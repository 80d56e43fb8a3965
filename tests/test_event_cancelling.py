"""Events called off without a cancelling verb on them, in English and Russian: a noun of
calling off ("the cancellation of the summit", «отмена саммита»), an event replaced by another
("instead of", «вместо»), a phrasal cancel verb with the event as object ("called off the
forum"), and a format dropped since a date (cancelled, undated) against a single act negated
since a date (reported, at that date). Texts are our own."""

from __future__ import annotations

from typing import Any

import pytest

from corroborator.analyze.nlp import load_model
from corroborator.config import Settings
from corroborator.model import EventMention
from tests.event_text import events_in
from tests.test_russian_events import events as events_ru
from tests.test_russian_events import one


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_model(Settings().spacy_model)


def _only(nlp: Any, text: str, kind: str) -> EventMention:
    [mention] = [m for m in events_in(nlp, text, "2031-04-15") if m.type == kind]
    return mention


@pytest.mark.parametrize(
    "text",
    [
        "The cancellation of the summit in Tallinn was announced by the palace.",
        "The summit's postponement surprised the diplomats in Tallinn.",
        "The premier called off the summit in Tallinn.",
    ],
)
def test_an_event_called_off_by_a_noun_or_a_phrasal_verb(nlp: Any, text: str) -> None:
    assert _only(nlp, text, "summit").status == "cancelled"


def test_an_event_replaced_by_another_is_cancelled(nlp: Any) -> None:
    text = "Instead of a trip to Bergen, the king of Norway flew to Tromso on Friday."
    mention = _only(nlp, text, "visit")
    assert (mention.status, mention.status_reason) == ("cancelled", "replaced by another")


def test_the_replacing_event_keeps_its_own_status(nlp: Any) -> None:
    text = "The two ministers had tea together instead of a formal dinner."
    assert _only(nlp, text, "reception").status == "cancelled"
    assert _only(nlp, text, "meeting").status == "reported"


def test_a_circumstance_of_a_cancel_verb_is_not_called_off(nlp: Any) -> None:
    text = "The state visit was scrapped after the earthquake."
    assert _only(nlp, text, "visit").status == "cancelled"
    assert _only(nlp, text, "disaster").status == "reported"


def test_a_format_dropped_since_a_year_is_cancelled_and_undated(nlp: Any) -> None:
    text = "The annual summit of the two neighbours has not been held since 2019."
    mention = _only(nlp, text, "summit")
    assert (mention.status, mention.status_reason) == ("cancelled", "format dropped")
    assert mention.date is None


def test_a_single_act_negated_since_a_date_is_its_last_time(nlp: Any) -> None:
    text = "The Chilean president has not visited Oslo since May 2012."
    mention = _only(nlp, text, "visit")
    assert (mention.status, mention.date) == ("reported", "2012-05")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Об отмене саммита в Таллине объявили в пятницу.", "summit"),
        ("Перенос саммита в Таллине объяснили погодой.", "summit"),
        ("Король решил отменить встречу с премьером в Бергене.", "meeting"),
    ],
)
def test_russian_calling_off(text: str, kind: str) -> None:
    found = events_ru(text)
    hits = [m for m in found if m.type == kind]
    assert hits and all(m.status == "cancelled" for m in hits), found


def test_russian_replaced_event_is_cancelled() -> None:
    found = events_ru("Вместо поездки в Берген король отправился в Тромсё.")
    by_trigger = {m.trigger: m for m in found if m.type == "visit"}
    replaced, going = by_trigger["поездки"], by_trigger["отправился"]
    assert (replaced.status, replaced.status_reason) == ("cancelled", "replaced by another")
    assert going.status == "reported"


def test_russian_format_dropped_and_single_act() -> None:
    summit = one(events_ru("Ежегодный саммит двух соседей не проводится с 2019 года."), "summit")
    assert (summit.status, summit.status_reason, summit.date) == (
        "cancelled",
        "format dropped",
        None,
    )
    visit = one(events_ru("Президент Чили не посещал Осло с мая 2012 года."), "visit")
    assert (visit.status, visit.date) == ("reported", "2012-05")
