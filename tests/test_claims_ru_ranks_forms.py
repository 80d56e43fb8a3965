"""Russian ranks, counted participles, first-months periods, bodies as speakers, and the
English forms they answer ("ranks third", "the first nine months", "the ministry said"), read
by the real parsers from sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from corroborator.analyze import ADAPTERS
from corroborator.analyze.claims import extract_claims
from corroborator.analyze.entities import resolve_entities
from corroborator.analyze.languages import entities_of
from corroborator.analyze.nlp import load_model
from corroborator.analyze.timex import analyze_dates
from corroborator.config import Settings
from corroborator.link.claims import build_claims
from corroborator.link.dependence import find_dependence
from corroborator.model import Article, ClaimValue


def _ru(text: str, published: str = "2025-10-15") -> list[ClaimValue]:
    adapter = ADAPTERS["ru"]
    assert adapter.claims is not None and adapter.dates is not None
    article = Article(id="ru", text=text, source_path="ru.txt", language="ru", published=published)
    doc = adapter.parse(text)
    entities = entities_of(adapter.mentions(doc, article.id))
    return adapter.claims(doc, article, entities, adapter.dates(doc, article).timexes, [])


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_model(Settings().spacy_model)


def _en(nlp: Any, text: str, published: str = "2025-10-15") -> list[ClaimValue]:
    article = Article(id="en", text=text, source_path="en.txt", published=published)
    doc = nlp(text)
    dates = analyze_dates(doc, article)
    return extract_claims(doc, article, resolve_entities(doc, published, "en"), dates.timexes)


def _ranks(claims: list[ClaimValue]) -> list[tuple[float, str]]:
    return [(float(c.value), c.subject) for c in claims if c.measure == "rank"]


def test_russian_rank_forms_have_the_english_subject() -> None:
    claims = _ru(
        "Чили занимает третье место среди торговых партнеров Индонезии. "
        "Индонезия — вторая по величине экономика Юго-Восточной Азии. "
        "Бразилия остается крупнейшим торговым партнером Аргентины. "
        "Крупнейший инвестор Лаоса — Таиланд. "
        "Кения называет Индию ведущим партнером. "
        "Норвегия — один из крупнейших экспортеров рыбы."
    )
    ranks = _ranks(claims)
    assert (3.0, "rank of Chile as trade partner") in ranks
    assert (2.0, "rank of Indonesia as economy") in ranks
    assert (1.0, "rank of Brazil as trade partner") in ranks
    assert (1.0, "rank of Thailand as investor") in ranks
    loose = next(c for c in claims if c.subject == "rank of India as partner")
    assert loose.qualifier == "around" and loose.high is not None and loose.high > 2
    assert not any("Norway" in s for _, s in ranks)  # "один из крупнейших": one of a group


def test_a_rank_beside_a_name_after_a_dash_is_that_names(nlp: Any) -> None:
    ru = _ranks(_ru("Пострадали дома в Арекипе — втором по величине городе Перу."))
    en = _ranks(_en(nlp, "Homes were damaged in Arequipa, Peru's second-largest city."))
    assert ru == en == [(2.0, "rank of Arequipa as city")]


def test_participles_and_adjectives_count_people() -> None:
    claims = _ru(
        "Спасатели нашли 42 выживших. В больницы доставили 130 пострадавших. "
        "Из района вывезли 3 тыс. эвакуированных."
    )
    got = {(float(c.value), c.unit) for c in claims if c.measure == "count"}
    assert {(42.0, "survivor"), (130.0, "injury"), (3000.0, "evacuee")} <= got


def test_first_in_years_is_no_count_and_bringing_to_a_level_is_exact() -> None:
    claims = _ru(
        "Это первый за 17 лет визит президента в страну. "
        "Это первый визит лидера за последние почти десять лет. "
        "Стороны решили довести товарооборот до 5 млрд долларов к 2030 году."
    )
    assert not [c for c in claims if c.unit == "occurrence"]
    assert [(c.value, c.unit) for c in claims if c.measure == "duration"] == [
        (17.0, "year"),
        (10.0, "year"),
    ]
    target = next(c for c in claims if c.unit == "USD")
    assert (target.qualifier, target.subject, target.period) == ("exact", "товарооборот", "2030")


def test_an_amount_for_a_noun_is_that_nouns() -> None:
    claims = _ru("Перу открыло Чили кредитную линию на 250 млн долларов.")
    assert next(c for c in claims if c.unit == "USD").subject == "кредитная линия"
    pledged = _ru("Корея пообещала 3 млрд долларов прямых инвестиций.")
    assert next(c for c in pledged if c.unit == "USD").subject == "прямые инвестиции"


def test_first_months_of_a_year_are_a_period_in_both_languages(nlp: Any) -> None:
    ru = _ru(
        "За девять месяцев инвестиции составили 420 млн долларов. "
        "За первые шесть месяцев 2024 года экспорт вырос на 8%."
    )
    assert not [c for c in ru if c.measure == "duration"]
    assert next(c for c in ru if c.unit == "USD").period == "2025-01/2025-09"
    assert next(c for c in ru if c.unit == "percent").period == "2024-01/2024-06"
    en = _en(nlp, "Investment reached $420 million in the first nine months of the year.")
    assert next(c for c in en if c.unit == "USD").period == "2025-01/2025-09"
    # read against the publication date: in February the first nine months are last year's
    early = _ru("За девять месяцев инвестиции составили 420 млн долларов.", "2026-02-10")
    assert next(c for c in early if c.unit == "USD").period == "2025-01/2025-09"


def test_organisations_give_figures(nlp: Any) -> None:
    ru = _ru(
        "Стороны подписали 14 соглашений, сообщило министерство иностранных дел Перу.\n"
        "По данным министерства, экспорт вырос на 6%."
    )
    assert next(c for c in ru if c.value == 14).said_by == ("министерство иностранных дел Перу")
    assert next(c for c in ru if c.unit == "percent").said_by == "министерство"
    en = _en(
        nlp,
        "The two sides signed 14 agreements, the Peruvian foreign ministry said. "
        "According to the trade ministry, exports grew 6%.",
    )
    assert next(c for c in en if c.value == 14).said_by == "Peruvian foreign ministry"
    assert next(c for c in en if c.unit == "percent").said_by == "trade ministry"


# One invented visit told in two languages, in wordings of our own.
_EN_VISIT = (
    "Chile ranks third among Indonesia's trading partners in Latin America. Indonesia is the "
    "second-largest economy in Southeast Asia. Fontana is accompanied by more than 80 business "
    "leaders. Russia sent more than 120 rescuers to the region."
)
_RU_VISIT = (
    "Чили занимает третье место среди торговых партнеров Индонезии в Латинской Америке. "
    "Индонезия — вторая по величине экономика Юго-Восточной Азии. В составе делегации — более "
    "80 представителей деловых кругов. Россия направила в регион более 100 спасателей."
)


def _ids(claim: Any) -> list[str]:
    return sorted(v.article_id for v in claim.values)


def test_ranks_and_agreeing_counts_align_across_languages(nlp: Any) -> None:
    values = [*_en(nlp, _EN_VISIT), *_ru(_RU_VISIT)]
    built = build_claims("sty", values, find_dependence([]))
    ranks = [c for c in built if c.values[0].measure == "rank"]
    # one claim per holder: Chile's third place in both languages, Indonesia's second in both
    assert sorted(sorted(float(v.value) for v in c.values) for c in ranks) == [
        [2.0, 2.0],
        [3.0, 3.0],
    ]
    assert all(_ids(c) == ["en", "ru"] for c in ranks)
    # "представители деловых кругов" is no packed translation of "business leaders": the
    # agreeing value says they are one count; "более 100" and "more than 120" overlap
    delegation = next(c for c in built if any(v.value == 80 for v in c.values))
    assert _ids(delegation) == ["en", "ru"]
    rescuers = next(c for c in built if any(v.value == 120 for v in c.values))
    assert _ids(rescuers) == ["en", "ru"] and rescuers.verdict != "conflicting"


def test_an_elided_rank_noun_is_the_one_said_before(nlp: Any) -> None:
    claims = _en(
        nlp,
        "The team moved to Arequipa — one of the worst-hit cities and Peru's second-largest — "
        "on Monday. Tacna, Peru's third-largest, was spared.",
    )
    assert _ranks(claims) == [(2.0, "rank of Arequipa as city"), (3.0, "rank of Tacna")]


def test_a_change_noun_says_what_changes() -> None:
    claims = _ru(
        "Рост экспорта на 9% отметил министр. Министр отметил снижение пошлин на 4%. "
        "Страна увеличила импорт угля на 6%."
    )
    got = {(float(c.value), c.measure, c.subject) for c in claims}
    assert (9.0, "growth", "экспорт") in got
    assert (4.0, "decline", "пошлины") in got
    assert (6.0, "growth", "импорт угля") in got


def test_money_in_something_is_that_things(nlp: Any) -> None:
    claims = _en(
        nlp,
        "The two sides set a goal of $40 billion in bilateral trade by 2030. "
        "Korea pledged $3 billion in loans. Exports reached $9 billion in 2024.",
    )
    subjects = {float(c.value): c.subject for c in claims if c.unit == "USD"}
    assert subjects[40e9] == "bilateral trade" and subjects[3e9] == "loans"
    assert subjects[9e9] == "Exports"  # a year after "in" is when, not what


def test_currency_codes_scales_that_multiply_and_pc(nlp: Any) -> None:
    claims = _en(
        nlp,
        "Exports stood at US$1.4 billion. Imports stood at US$ 2.6 billion. "
        "The port will cost Rs 1.5 lakh crore. Fuel makes up 80 pc of its imports. "
        "They signed a $3-billion deal. He led a 120-member delegation.",
    )
    got = {(c.unit, float(c.value)) for c in claims}
    assert {("USD", 1.4e9), ("USD", 2.6e9), ("INR", 1.5e12), ("percent", 80.0)} <= got
    assert {("USD", 3e9), ("people", 120.0)} <= got
    assert next(c for c in claims if c.unit == "people").subject == "delegation"
