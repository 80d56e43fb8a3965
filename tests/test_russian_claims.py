"""Russian claims: figures read from the Russian parse as the same ClaimValues as English."""

from __future__ import annotations

from corroborator.analyze import ADAPTERS
from corroborator.analyze.claims import compatible
from corroborator.analyze.languages import entities_of
from corroborator.model import Article, ClaimValue


def _claims(text: str, published: str | None = "2025-04-02") -> list[ClaimValue]:
    adapter = ADAPTERS["ru"]
    assert adapter.claims is not None
    article = Article(
        id="ru-test", text=text, source_path="ru.txt", language="ru", published=published
    )
    doc = adapter.parse(text)
    entities = entities_of(adapter.mentions(doc, article.id))
    return adapter.claims(doc, article, entities, [], [])


def _by_value(claims: list[ClaimValue], value: float) -> ClaimValue:
    found = [c for c in claims if c.kind == "numeric" and abs(float(c.value) - value) < 1e-6]
    assert found, f"no claim with value {value}: {[(c.text, c.value) for c in claims]}"
    return found[0]


def test_scales_currencies_decimal_commas_and_growth() -> None:
    claims = _claims(
        "По итогам 2023 г. объем торговли между странами увеличился на 12%, до 7,2 млрд "
        "долларов, сообщил министр Антон Силуанов. Инвестиции составили 245 млрд рублей."
    )
    growth = _by_value(claims, 12)
    assert (growth.unit, growth.measure, growth.period) == ("percent", "growth", "2023")
    level = _by_value(claims, 7.2e9)
    assert (level.unit, level.qualifier, level.period) == ("USD", "exact", "2023")
    assert level.said_by is not None and level.said_by.startswith("Anton")
    assert _by_value(claims, 245e9).unit == "RUB"


def test_qualifiers_have_the_english_intervals() -> None:
    claims = _claims(
        "На площади собрались около 3 тыс. человек. Ущерб оценивается почти в 2 млрд долларов. "
        "Из города эвакуировали свыше 1700 жителей. Спасатели работали более трёх часов."
    )
    around = _by_value(claims, 3000)
    assert around.qualifier == "around" and around.unit == "people"
    nearly = _by_value(claims, 2e9)
    assert nearly.qualifier == "nearly" and nearly.high == 2e9
    over = _by_value(claims, 1700)
    assert over.qualifier == "over" and over.low == 1700
    hours = _by_value(claims, 3)
    assert (hours.unit, hours.measure, hours.qualifier) == ("hour", "duration", "over")
    # "more than 1,700" and "nearly 2,000" may be the same number; "about 3,000" is not 1,700
    assert not compatible((over.low, over.high), (around.low, around.high))


def test_thousands_separated_by_spaces_and_up_to() -> None:
    claims = _claims(
        "Завод выпустил 12 480 машин.\nПо его словам, будет подписано до 15 соглашений. "
        "Пошлину на сталь снизят с 35% до 20%. Кредит составит 3,5 млрд $."
    )
    assert _by_value(claims, 12480).qualifier == "exact"
    assert _by_value(claims, 20).qualifier == "exact"  # "с 35% до 20%": the level reached
    assert _by_value(claims, 3.5e9).unit == "USD"
    up_to = _by_value(claims, 15)
    assert up_to.qualifier == "at_most" and up_to.low is None


def test_number_words_vague_plurals_and_ordinals() -> None:
    claims = _claims(
        "В порт прибыли три танкера и четыре десятка барж. Встречать их вышли сотни горожан. "
        "Это уже третий визит министра в регион."
    )
    assert _by_value(claims, 3).unit in {"танкер", "tanker"}
    assert _by_value(claims, 40).measure == "count"
    vague = _by_value(claims, 100)
    assert vague.qualifier == "at_least" and vague.high is None
    assert any(c.text == "третий" and c.value == 3 for c in claims)


def test_death_toll_is_a_changing_count_with_subject() -> None:
    claims = _claims(
        "Число погибших в результате наводнения в провинции возросло до 412 человек, "
        "еще 95 числятся пропавшими без вести."
    )
    toll = _by_value(claims, 412)
    assert (toll.unit, toll.measure, toll.changing, toll.as_of) == (
        "death",
        "count",
        True,
        "2025-04-02",
    )
    assert toll.qualifier == "exact"  # "возросло до": the level reached, not "up to"
    assert "погибш" in toll.subject
    assert _by_value(claims, 95).unit == "missing"


def test_subject_is_a_plain_nominative_phrase() -> None:
    claims = _claims("В страну прибыли более 200 российских спасателей.")
    rescuers = _by_value(claims, 200)
    assert rescuers.subject == "российские спасатели"
    assert rescuers.unit == "rescuer" and rescuers.qualifier == "over"


def test_quoted_speaker_and_dash_speech() -> None:
    claims = _claims(
        "«Мы построим 40 новых школ», — заявил губернатор Олег Кувшинников.\n"
        "— В этом году урожай составит 5 млн тонн, — сказал министр Дмитрий Патрушев."
    )
    schools = _by_value(claims, 40)
    assert schools.said_by is not None
    harvest = _by_value(claims, 5e6)
    assert harvest.said_by is not None and harvest.said_by != schools.said_by


def test_dates_years_clock_times_and_references_are_not_figures() -> None:
    claims = _claims(
        "МОСКВА, 12 апр — Агентство. Самолет приземлился в 16 часов по местному времени "
        "30 марта 2025 года (см. стр. 4) рейсом номер 9. "
        "Празднование 80-летия города прошло в 7-й раз."
    )
    values = {float(c.value) for c in claims if c.kind == "numeric"}
    assert not values & {12, 16, 30, 2025, 4, 9, 80}
    assert 7 in values  # "в 7-й раз": the Nth time is a count


def test_number_unit_adjectives() -> None:
    claims = _claims("После полуторачасового совещания министры ввели стопроцентные пошлины.")
    meeting = _by_value(claims, 1.5)
    assert (meeting.unit, meeting.measure) == ("hour", "duration")
    assert _by_value(claims, 100).unit == "percent"


def test_factors() -> None:
    claims = _claims("Экспорт зерна вырос в 1,8 раза, а импорт сократился в два раза.")
    grew = _by_value(claims, 1.8)
    assert (grew.unit, grew.measure) == ("times", "growth")
    fell = _by_value(claims, 2)
    assert (fell.unit, fell.measure) == ("times", "decline")


def test_attribution_and_the_paragraphs_running_speaker() -> None:
    claims = _claims(
        "По словам Владимира Путина, в стране построено 120 новых мостов. "
        "Еще 35 мостов отремонтировано.\n\nВ городе живут 600 тысяч человек."
    )
    built, repaired, narrated = (_by_value(claims, v) for v in (120, 35, 600000))
    assert built.said_by == "Vladimir Putin"
    assert repaired.said_by == "Vladimir Putin"  # the paragraph goes on in his voice
    assert narrated.said_by is None  # a new paragraph: the narrator's


def test_a_range_is_one_figure_as_in_english() -> None:
    found = _claims("Сейсмологи оценили силу толчков от 6,1 до 6,4 балла.")
    fig = _by_value(found, 6.1)
    assert (fig.unit, fig.qualifier, fig.low, fig.high) == ("magnitude", "range", 6.1, 6.4)
    assert all(c.value != 6.4 for c in found)


def test_how_often_is_a_count_of_occurrences_and_in_n_times_a_factor() -> None:
    # our own sentences: «N раз» after a verb of happening counts occurrences, as English
    # "met 12 times" does; «в N раза» stays a factor; «один раз» is no figure
    claims = _claims(
        "Министры встречались более 12 раз. Президент трижды приезжал в страну, а премьер "
        "пять раз посещал столицу. Экспорт вырос в 2,5 раза. Он был там один раз."
    )
    often = _by_value(claims, 12)
    assert (often.unit, often.measure, often.qualifier) == ("occurrence", "count", "over")
    assert _by_value(claims, 5).unit == "occurrence"
    assert _by_value(claims, 2.5).unit == "times"  # a factor (its measure says the direction)
    assert not [c for c in claims if c.kind == "numeric" and c.value == 1.0]


def test_an_ordinal_in_digits_numbers_a_summit() -> None:
    claims = _claims("Лидеры открыли 14-й ежегодный саммит на побережье. Офис на 3-м этаже.")
    summit = _by_value(claims, 14)
    assert (summit.unit, summit.measure) == ("occurrence", "count")
    assert not [c for c in claims if c.kind == "numeric" and c.value == 3.0]


def test_the_first_months_are_a_period_not_a_duration() -> None:
    claims = _claims("За первые шесть месяцев экспорт упал на 8%. Переговоры шли шесть часов.")
    durations = [c for c in claims if c.measure == "duration"]
    assert [(c.value, c.unit) for c in durations] == [(6.0, "hour")]


def test_a_whole_number_and_a_half_of_time_units() -> None:
    claims = _claims(
        "Переговоры министров продолжались два с половиной часа. Ремонт моста займёт "
        "три с половиной года, сообщил губернатор."
    )
    talks = _by_value(claims, 2.5)
    assert (talks.unit, talks.measure) == ("hour", "duration")
    repair = _by_value(claims, 3.5)
    assert (repair.unit, repair.measure) == ("year", "duration")


def test_one_unit_measured_by_a_qualifier() -> None:
    claims = _claims("Переговоры продлились около часа. Перемирие продержалось менее суток.")
    hour = _by_value(claims, 1.0)
    assert (hour.unit, hour.qualifier, hour.measure) == ("hour", "around", "duration")
    day = [c for c in claims if c.unit == "day"]
    assert day and day[0].qualifier == "under"


def test_one_unit_told_as_ago_is_a_date() -> None:
    claims = _claims("Более года назад стороны подписали договор о торговле.")
    assert not [c for c in claims if c.measure == "duration"]
