"""What places an article in time for story clustering (engine/link.py ``_story_doc``)."""

from __future__ import annotations

import numpy as np

from corroborator.analyze import analyze_articles
from corroborator.config import Settings
from corroborator.engine.link import _story_doc
from corroborator.model import Article

# our own wording, not from any dataset: a truce reported on 3 April that runs "until 22 April"
TEXT = (
    "Власти объявили о перемирии до 22 апреля, чтобы спасатели могли работать в районе "
    "землетрясения. Об этом сообщили во вторник. Число погибших превысило тысячу человек."
)


def test_a_reported_happening_after_publication_is_not_the_lead() -> None:
    article = Article(
        id="truce", text=TEXT, source_path="truce.txt", published="2025-04-03", language="ru"
    )
    ((_, analysis),) = list(analyze_articles([article], model=Settings().spacy_model))
    # the truce runs until 22 April (the span's end, or its date where "до" is not read so)
    assert any("2025-04-22" in (e.date, e.date_end) for e in analysis.event_mentions)
    doc = _story_doc(article, analysis, np.zeros(4, dtype=np.float32))
    # the truce's end is not when the article's happening is: 25 days off, it would veto
    # joining the reports of the disaster (LEAD_WINDOW_DAYS)
    assert doc.lead_date != "2025-04-22"
    assert "2025-04-22" not in doc.dates


def test_a_bare_text_keeps_its_days_without_a_year() -> None:
    # our own wording: a dateline with no year and a day printed with its weekday
    text = (
        "КАЗАНЬ, 14 июня. /ТАСС/. Делегация прибыла в четверг, 12 июня, и провела переговоры "
        "о поставках зерна."
    )
    article = Article(
        id="bare", text=text, source_path="bare.txt", language="ru", dateline_date="--06-14"
    )
    ((_, analysis),) = list(analyze_articles([article], model=Settings().spacy_model))
    doc = _story_doc(article, analysis, np.zeros(4, dtype=np.float32))
    assert doc.published is None and not doc.dates
    assert (6, 14, None) in doc.yearless  # the dateline's day
    assert (6, 12, 3) in doc.yearless  # Thursday, 12 June
