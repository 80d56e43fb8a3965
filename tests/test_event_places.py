"""Where events happen: "here" is the dateline's place, and a venue the gazetteers cannot
place in a city is not passed on to the events that follow. Texts are our own."""

from __future__ import annotations

from typing import Any

import pytest

from corroborator.analyze.entities import resolve_entities
from corroborator.analyze.events import extract_events
from corroborator.analyze.nlp import load_model
from corroborator.analyze.timex import analyze_dates
from corroborator.config import Settings
from corroborator.model import Article, EventMention


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_model(Settings().spacy_model)


def _events(nlp: Any, text: str, dateline: str | None) -> list[EventMention]:
    article = Article(
        id="art_places", text=text, source_path="p.txt", published="2031-05-08",
        dateline_place=dateline,
    )  # fmt: skip
    doc = nlp(text)
    dates = analyze_dates(doc, article)
    return extract_events(
        doc, article, resolve_entities(doc, "2031-05-08", article.id), dates.timexes, "2031-05-08"
    )


TEXT = (
    "HANOI: The Chilean president arrived here on Wednesday for a three-day state visit and "
    "will watch a naval parade at Ba Dinh Square on Friday.\n"
    "After long talks, the two presidents signed a trade agreement."
)


def test_here_is_the_dateline_place(nlp: Any) -> None:
    [arrival] = [m for m in _events(nlp, TEXT, "HANOI") if m.type == "arrival"]
    assert arrival.place == "Hanoi"


def test_a_venue_is_not_passed_on_to_later_events(nlp: Any) -> None:
    found = _events(nlp, TEXT, "HANOI")
    later = [m for m in found if m.type in {"talks", "signing"}]
    assert later and all(m.place != "Ba Dinh Square" for m in later)


def test_without_a_dateline_here_places_nothing(nlp: Any) -> None:
    [arrival] = [m for m in _events(nlp, TEXT.replace("HANOI: ", ""), None) if m.type == "arrival"]
    assert arrival.place != "Hanoi"  # the text names Hanoi nowhere else
