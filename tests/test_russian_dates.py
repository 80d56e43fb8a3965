"""Russian dates: the Russian grammar and tense reading on the real parse, anchored by the
shared resolver; Cyrillic datelines read by ingest; the publication date of a bare Russian text.

Every sentence here is our own wording. 26 November 2025 is a Wednesday.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corroborator.analyze import ADAPTERS, analyze_articles
from corroborator.analyze.russian_doc import parse_russian
from corroborator.analyze.timex.russian import analyze_dates_ru, tag_text_ru
from corroborator.config import Settings
from corroborator.ingest.metadata import read_metadata
from corroborator.model import Article, TimeExpression

from .conftest import run_cli

PUBLISHED = "2025-11-26"


def _timexes(text: str, published: str | None = PUBLISHED) -> dict[str, TimeExpression]:
    article = Article(id="t", text=text, source_path="t.txt", published=published, language="ru")
    found = analyze_dates_ru(parse_russian(text), article).timexes
    return {t.text: t for t in found}


def _values(text: str, published: str | None = PUBLISHED) -> dict[str, str | None]:
    return {k: t.value for k, t in _timexes(text, published).items()}


def test_the_adapter_has_a_dates_stage() -> None:
    assert ADAPTERS["ru"].dates is analyze_dates_ru


def test_day_and_month_in_the_genitive_with_and_without_a_year() -> None:
    got = _values(
        "Соглашение подписали 25 ноября. Переговоры прошли 24 ноября 2025 года в столице. "
        "Форум открылся в среду, 26 ноября."
    )
    assert got["25 ноября"] == "2025-11-25"
    assert got["24 ноября 2025 года"] == "2025-11-24"
    assert got["среду, 26 ноября"] == "2025-11-26"


def test_ranges_of_days_and_months() -> None:
    got = _values(
        "Выставка пройдёт с 1 по 3 декабря. Саммит пройдёт 8–10 декабря. "
        "В январе–сентябре товарооборот вырос на треть."
    )
    assert got["1 по 3 декабря"] == "2025-12-01/2025-12-03"
    assert got["8–10 декабря"] == "2025-12-08/2025-12-10"
    assert got["январе–сентябре"] == "2025-01/2025-09"


def test_deictic_words_and_the_day_before() -> None:
    got = _values(
        "Сегодня министры встретились снова. Вчера они обсуждали торговлю. Завтра они "
        "подпишут протокол. Накануне глава ведомства выступил с речью."
    )
    assert got["Сегодня"] == "2025-11-26"
    assert got["Вчера"] == "2025-11-25"
    assert got["Завтра"] == "2025-11-27"
    assert got["Накануне"] == "2025-11-25"


def test_the_eve_of_something_is_not_a_date() -> None:
    got = _values("Накануне визита министр провёл совещание.")
    assert "Накануне" not in got


def test_relative_units_and_years() -> None:
    got = _values(
        "В прошлом году стороны подписали договор. В этом году торговля растёт. "
        "На следующей неделе делегация посетит столицу. В минувшие выходные прошли учения. "
        "В 2024 году объём сократился. В январе цены выросли."
    )
    assert got["прошлом году"] == "2024"
    assert got["этом году"] == "2025"
    assert got["следующей неделе"] == "2025-W49"
    assert got["минувшие выходные"] == "2025-W47-WE"
    assert got["2024 году"] == "2024"
    assert got["январе"] == "2025-01"


def test_a_bare_number_is_not_a_year() -> None:
    got = _values("На площади собрались 2024 человека.")
    assert not any(v == "2024" for v in got.values())


def test_weekdays_look_the_way_the_verb_looks() -> None:
    future = _timexes("Лидеры проведут переговоры во вторник.")["вторник"]
    past = _timexes("Лидеры провели переговоры во вторник.")["вторник"]
    assert (future.value, future.tense) == ("2025-12-02", "future")
    assert (past.value, past.tense) == ("2025-11-25", "past")
    both = _values("Учения прошли в субботу и воскресенье. Делегации и среда обитания.")
    assert (both["субботу"], both["воскресенье"]) == ("2025-11-22", "2025-11-23")
    assert "среда" not in both


def test_plans_and_expectations_look_forward() -> None:
    got = _timexes(
        "Встреча запланирована на понедельник. Ожидается, что министры встретятся в пятницу. "
        "Стороны намерены подписать договор в четверг."
    )
    assert got["понедельник"].value == "2025-12-01"
    assert got["пятницу"].value == "2025-11-28"
    assert got["четверг"].value == "2025-11-27"
    assert got["четверг"].tense == "future"


def test_a_part_of_the_day_is_a_time_of_that_day() -> None:
    got = _timexes("Делегация прилетела в понедельник вечером, а вечером 20 ноября уехала.")
    assert got["понедельник вечером"].value == "2025-11-24TEV"
    assert got["понедельник вечером"].type == "TIME"
    assert got["вечером 20 ноября"].value == "2025-11-20TEV"


def test_modifiers_and_bounds() -> None:
    got = _timexes("Перемирие продлится до 15 декабря. В конце мая цены упали.")
    assert got["15 декабря"].value == "2025-12-15"
    assert got["15 декабря"].mod == "ON_OR_BEFORE"
    assert got["конце мая"].mod == "END"


@pytest.mark.parametrize(
    ("text", "place", "day"),
    [
        (
            "БИШКЕК, 26 ноября. /ТАСС/. Президенты подписали соглашение о границе.",
            "БИШКЕК",
            "--11-26",
        ),
        ("МОСКВА, 26 ноя — РИА Новости. Министры обсудили поставки зерна.", "МОСКВА", "--11-26"),
    ],
)
def test_cyrillic_datelines_give_the_day(text: str, place: str, day: str) -> None:
    meta = read_metadata(text)
    assert meta.dateline_place == place
    assert meta.dateline_date == day
    assert meta.published is None  # no year: the dates stage finds it


def test_a_cyrillic_dateline_with_its_year_is_the_publication_date() -> None:
    meta = read_metadata("МОСКВА, 7 мая 2025 года. /ТАСС/. Министры обсудили поставки зерна.")
    assert (meta.published, meta.dateline_date) == ("2025-05-07", "2025-05-07")


def test_a_headline_opening_with_an_acronym_stays_a_title() -> None:
    meta = read_metadata("США и Китай договорились о пошлинах на сталь\nМинистры обсудили всё.")
    assert meta.title == "США и Китай договорились о пошлинах на сталь"
    assert meta.dateline_place is None


def test_a_bare_russian_text_with_a_dateline_and_a_year_gets_its_date() -> None:
    text = (
        "БИШКЕК, 26 ноября. /ТАСС/. Президенты двух стран в среду подписали договор о "
        "стратегическом партнёрстве. В 2024 году товарооборот между странами вырос на "
        "треть, сообщили в правительстве."
    )
    meta = read_metadata(text)
    article = Article(
        id="ru1", text=text, source_path="ru1.txt", language="ru",
        dateline_place=meta.dateline_place, dateline_date=meta.dateline_date,
    )  # fmt: skip
    ((_, analysis),) = list(analyze_articles([article], model=Settings().spacy_model))
    assert analysis.published == "2025-11-26"
    assert analysis.published_confidence is not None and analysis.published_confidence >= 0.7
    by_text = {t.text: t.value for t in analysis.timexes}
    assert by_text["среду"] == "2025-11-26"
    assert by_text["2024 году"] == "2024"


def test_hours_after_v_are_a_clock_time_and_a_story_day_is_anaphoric() -> None:
    got = _timexes(
        "Делегация прилетела 20 ноября в 18 часов по московскому времени. Переговоры длились "
        "3 часа. На следующий день министры посетили завод."
    )
    assert got["18 часов по московскому времени"].value == "2025-11-20T18:00"
    assert got["3 часа"].value == "PT3H"
    assert got["следующий день"].value == "2025-11-21"


def test_quarters_halves_seasons_and_decades() -> None:
    got = _values(
        "В третьем квартале 2025 года выпуск вырос, а в первом полугодии прошлого года упал. "
        "Летом 2024 года прошли выборы. В 1990-е годы связи ослабли. Зима близко."
    )
    assert got["третьем квартале 2025 года"] == "2025-Q3"
    assert got["первом полугодии прошлого года"] == "2024-H1"
    assert got["Летом 2024 года"] == "2024-SU"
    assert got["1990-е годы"] == "199"
    assert "Зима" not in got


def test_until_is_a_deadline_still_to_come_unless_it_opens_the_sentence() -> None:
    got = _values("Власти продлили перемирие до 2 января. До вторника стороны молчали.")
    assert got["2 января"] == "2026-01-02"
    assert got["вторника"] == "2025-11-25"


def test_the_dates_command_reads_a_russian_file(tmp_path: Path) -> None:
    f = tmp_path / "ru.txt"
    f.write_text("Министры встретятся в пятницу. В прошлом году торговля выросла.", "utf-8")
    result = run_cli("dates", "--anchor", PUBLISHED, str(f))
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["text"], r["value"]) for r in rows] == [
        ("пятницу", "2025-11-28"),
        ("прошлом году", "2024"),
    ]


def test_a_capitalised_month_inside_a_sentence_is_a_name() -> None:
    got = _values("Вчера Марта Иванова открыла выставку «Август». Май выдался тёплым.")
    assert "Марта" not in got and "Август" not in got
    assert got["Май"] == "2025-05"


def test_a_participle_has_its_own_tense_within_its_commas() -> None:
    got = _timexes("Соглашение, подписанное 24 ноября, вступит в силу в январе.")
    assert (got["24 ноября"].tense, got["24 ноября"].value) == ("past", "2025-11-24")
    assert (got["январе"].tense, got["январе"].value) == ("future", "2026-01")


def test_a_title_case_dateline_needs_the_agency_between_slashes() -> None:
    meta = read_metadata("Пекин, 3 июня /Синьхуа/ -- Министры двух стран обсудили поставки.")
    assert (meta.dateline_place, meta.dateline_date) == ("Пекин", "--06-03")
    # a sentence opening with a city and a date is no dateline
    meta = read_metadata("Пекин, 3 июня, принял делегацию из десяти стран.\nДругое.")
    assert meta.dateline_date is None


def test_a_weekday_printed_with_a_day_is_kept_without_a_year() -> None:
    analysis = tag_text_ru("Делегация прибыла в четверг, 12 июня, и провела переговоры.")
    (day,) = [t for t in analysis.timexes if "12 июня" in t.text]
    assert day.value == "XXXX-06-12"
    assert day.weekday == 3  # Thursday: 2025 fits, 2024 does not


def test_adjectives_of_a_length_are_durations() -> None:
    got = {
        k: (t.type, t.value)
        for k, t in _timexes(
            "Министр начала двухдневный визит, а затем 5-дневное турне и двухнедельный отпуск."
        ).items()
    }
    assert got["двухдневный"] == ("DURATION", "P2D")
    assert got["5-дневное"] == ("DURATION", "P5D")
    assert got["двухнедельный"] == ("DURATION", "P2W")


def test_a_word_of_the_day_alone_is_no_length() -> None:
    assert "дневной" not in _timexes("После дневного заседания был дневной перерыв.")


def test_an_ordinal_day_is_a_day_of_the_span() -> None:
    found = _timexes(
        "Во второй день визита министр посетила порт. Последний день пройдёт в Бергене."
    )
    assert found["второй день"].day_of_span == 2
    assert found["Последний день"].day_of_span == -1
