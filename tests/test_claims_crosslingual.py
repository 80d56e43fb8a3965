"""Claim alignment across languages: a figure given in a Russian report and in an English one
is one claim with two values; different quantities stay apart. Russian values are built here as
the Russian extractor gives them (a lemma-phrase subject, the shared units and measures), in
sentences written for these tests, and compared with the real multilingual encoder."""

from __future__ import annotations

from corroborator.link.claim_meaning import (
    CROSS_ALIKE,
    CROSS_FLOOR,
    MeaningSimilarity,
    crosses_languages,
    language_of,
)
from corroborator.link.claims import ALIGN_SIMILARITY, build_claims, lexical_similarity
from corroborator.link.dependence import find_dependence
from corroborator.model import ClaimValue


def value(
    aid: str,
    subject: str,
    quote: str,
    figure: str,
    number: float,
    unit: str | None,
    measure: str,
    period: str | None = None,
    changing: bool = False,
    as_of: str | None = None,
) -> ClaimValue:
    start = quote.index(figure)
    return ClaimValue(
        article_id=aid,
        subject=subject,
        period=period,
        unit=unit,
        kind="numeric",
        value=number,
        text=figure,
        quote=quote,
        start=start,
        end=start + len(figure),
        low=number * 0.99,
        high=number * 1.01,
        measure=measure,
        quote_start=0,
        quote_end=len(quote),
        changing=changing,
        as_of=as_of,
    )


EN_TRADE = value(
    "art_en1",
    "trade turnover between Russia and China",
    "Trade turnover between Russia and China reached $245 billion last year, officials said.",
    "$245 billion",
    245e9,
    "USD",
    "amount",
    period="2024",
)
RU_TRADE = value(
    "art_ru1",
    "товарооборот между россия и китай",
    "По итогам прошлого года товарооборот между Россией и Китаем составил 245 млрд долларов.",
    "245 млрд долларов",
    245e9,
    "USD",
    "amount",
    period="2024",
)
EN_TOLL = value(
    "art_en1",
    "death toll in Myanmar",
    "The death toll in Myanmar has risen to 1,002, the military government said on Saturday.",
    "1,002",
    1002,
    "death",
    "count",
    changing=True,
    as_of="2025-03-29",
)
RU_TOLL = value(
    "art_ru1",
    "число погибший в мьянма",
    "Число погибших в Мьянме возросло до 1002 человек, сообщили власти в субботу.",
    "1002",
    1002,
    "death",
    "count",
    changing=True,
    as_of="2025-03-29",
)
EN_TALKS = value(
    "art_en2",
    "talks",
    "The talks in the airport lounge lasted 100 minutes.",
    "100 minutes",
    100,
    "minute",
    "duration",
)
RU_TALKS = value(
    "art_ru2",
    "переговоры",
    "Переговоры в зале аэропорта продолжались 1 час 40 минут.",
    "1 час 40 минут",
    100,
    "minute",
    "duration",
)
# a share of one story that is not the trade figure: settlements in national currencies
RU_SHARE = value(
    "art_ru2",
    "доля расчёт в рубль и юань",
    "Доля расчётов в рублях и юанях превысила 95%.",
    "95%",
    95,
    "percent",
    "share",
)
EN_TARIFF = value(
    "art_en2",
    "tariffs on Chinese goods",
    "Tariffs on Chinese goods will be cut to 47%, the president said.",
    "47%",
    47,
    "percent",
    "share",
)


def test_language_is_told_by_script() -> None:
    assert language_of("число погибших") == "ru" and language_of("death toll") == "en"
    assert language_of("1,002") is None
    assert crosses_languages(EN_TOLL, RU_TOLL) and not crosses_languages(EN_TOLL, EN_TRADE)


def test_cross_language_subjects_on_the_multilingual_scale() -> None:
    """Same-quantity EN/RU subjects reach the alignment threshold (or come close enough for a
    close value to carry them); different quantities of one story stay under it."""
    same = [
        ("trade turnover between Russia and China", "товарооборот между россия и китай"),
        ("talks lasted", "переговоры продолжаться"),
        ("documents on cooperation", "документ о сотрудничество"),
    ]
    different = [
        ("Russian planes", "спасатель"),
        ("cordial meeting", "азиатский турне"),
        ("rescuers", "число погибший в мьянма"),
    ]
    texts = [t for pair in same + different for t in pair]
    sim = MeaningSimilarity(texts, lexical_similarity, ALIGN_SIMILARITY)
    assert CROSS_FLOOR < CROSS_ALIKE
    for a, b in same:
        assert sim(a, b) >= ALIGN_SIMILARITY * 0.8, (a, b, sim.cross_cosine(a, b))
    for a, b in different:
        assert sim(a, b) < ALIGN_SIMILARITY * 0.5, (a, b, sim.cross_cosine(a, b))


def test_one_figure_in_two_languages_is_one_claim() -> None:
    values = [EN_TRADE, RU_TRADE, EN_TOLL, RU_TOLL, EN_TALKS, RU_TALKS, RU_SHARE, EN_TARIFF]
    built = build_claims("sty", values, find_dependence([]))
    by_value = {frozenset(v.article_id for v in c.values): c for c in built}
    groups = sorted(sorted(v.text for v in c.values) for c in built)
    assert ["$245 billion", "245 млрд долларов"] in groups
    assert ["1,002", "1002"] in groups
    assert ["1 час 40 минут", "100 minutes"] in groups
    # the tariff and the settlements share are two facts, not one figure in dispute
    assert ["47%"] in groups and ["95%"] in groups
    assert all(c.verdict != "conflicting" for c in built), by_value


def test_a_translated_figure_that_differs_is_a_dispute() -> None:
    """The same trade figure given as 245 and as 200 billion dollars in two languages is
    one claim in conflict (the values still lie within a factor of two)."""
    ru_other = value(
        "art_ru1",
        "товарооборот между россия и китай",
        "По итогам прошлого года товарооборот между Россией и Китаем составил 200 млрд долларов.",
        "200 млрд долларов",
        200e9,
        "USD",
        "amount",
        period="2024",
    )
    built = build_claims("sty", [EN_TRADE, ru_other], find_dependence([]))
    assert len(built) == 1 and built[0].verdict == "conflicting"
