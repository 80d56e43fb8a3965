"""Units real reports write that a figure carries itself: volumes ("38 bcm", "billion cubic
metres", «кубометров»), currencies of Asia (baht, yen, dong, kyat, tugrik) and multipliers in
one word ("fivefold", "5x", «впятеро», «пятикратно»), in English and Russian, in sentences
written for these tests."""

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


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_model(Settings().spacy_model)


def english(nlp: Any, text: str, aid: str = "en_a") -> list[ClaimValue]:
    article = Article(id=aid, text=text, source_path=f"{aid}.txt", published="2025-03-10")
    doc = nlp(text)
    dates = analyze_dates(doc, article)
    found = extract_claims(doc, article, resolve_entities(doc, "2025-03-10", aid), dates.timexes)
    return [c for c in found if c.kind == "numeric"]


def russian(text: str, aid: str = "ru_a") -> list[ClaimValue]:
    adapter = ADAPTERS["ru"]
    assert adapter.claims is not None
    article = Article(
        id=aid, text=text, source_path=f"{aid}.txt", language="ru", published="2025-03-10"
    )
    doc = adapter.parse(text)
    entities = entities_of(adapter.mentions(doc, article.id))
    return [c for c in adapter.claims(doc, article, entities, [], []) if c.kind == "numeric"]


def one(claims: list[ClaimValue], value: float) -> ClaimValue:
    found = [c for c in claims if abs(float(c.value) - value) <= 1e-6 * max(1.0, value)]
    assert len(found) == 1, [(c.text, c.value, c.unit) for c in claims]
    return found[0]


# -- volumes -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "figure"),
    [
        ("The pipeline delivered 22 bcm of gas to Europe last year.", 22e9, "22 bcm"),
        (
            "The pipeline delivered 22 billion cubic metres of gas to Europe last year.",
            22e9,
            "22 billion cubic metres",
        ),
        ("The new reservoir will store 4.5 million cubic meters of water.", 4.5e6, None),
        ("The field holds proven reserves of 1.3 tcm of gas.", 1.3e12, "1.3 tcm"),
        ("Each tanker carries 170,000 m3 of liquefied gas.", 170000, "170,000 m3"),
    ],
)
def test_english_volumes_are_amounts_in_cubic_metres(
    nlp: Any, text: str, value: float, figure: str | None
) -> None:
    claim = one(english(nlp, text), value)
    assert (claim.unit, claim.measure) == ("m3", "amount")
    if figure is not None:
        assert claim.text == figure
    # "of gas", "of water": what the volume is of, not who holds or ships it
    assert claim.subject.split()[-1] in {"gas", "water"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Газопровод прокачал в Европу 22 млрд кубометров газа.", 22e9),
        ("Газопровод прокачал в Европу 22 млрд кубических метров газа.", 22e9),
        ("Поставки газа по трубе выросли до 31 млрд куб. м в год.", 31e9),
        ("В водохранилище накопилось 4,5 млн кубометров воды.", 4.5e6),
    ],
)
def test_russian_volumes_are_amounts_in_cubic_metres(text: str, value: float) -> None:
    claim = one(russian(text), value)
    assert (claim.unit, claim.measure) == ("m3", "amount")


def test_one_volume_in_three_wordings_is_one_claim(nlp: Any) -> None:
    """ "22 bcm", "22 billion cubic metres" and «22 млрд кубометров» are one figure."""
    values = [
        one(english(nlp, "Russia shipped 22 bcm of gas to Turkey in 2024.", "en_1"), 22e9),
        one(
            english(
                nlp, "Russia shipped 22 billion cubic metres of gas to Turkey in 2024.", "en_2"
            ),
            22e9,
        ),
        one(
            russian("В 2024 году Россия поставила в Турцию 22 млрд кубометров газа.", "ru_1"), 22e9
        ),
    ]
    built = build_claims("sty", values, find_dependence([]))
    assert len(built) == 1, [[v.text for v in c.values] for c in built]
    assert built[0].verdict != "conflicting"


# -- currencies --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("A night at the resort costs 4,200 baht.", 4200, "THB"),
        ("The central bank lent 12 billion THB to small farms.", 12e9, "THB"),
        ("Tokyo pledged 80 billion yen in loans for the railway.", 80e9, "JPY"),
        ("The fund invested JP¥3 billion in the port.", 3e9, "JPY"),
        ("The province earned 9 trillion dong from exports.", 9e12, "VND"),
        ("A litre of petrol now sells for 2,500 kyat.", 2500, "MMK"),
        ("The mine paid 640 billion tugriks in royalties.", 640e9, "MNT"),
        ("Pensions were raised by ₮50,000 a month.", 50000, "MNT"),
    ],
)
def test_english_asian_currencies(nlp: Any, text: str, value: float, unit: str) -> None:
    claim = one(english(nlp, text), value)
    assert (claim.unit, claim.measure) == (unit, "amount")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Ночь в отеле обходится в 4200 батов.", 4200, "THB"),
        ("Токио выделил на строительство дороги 80 млрд иен.", 80e9, "JPY"),
        ("Провинция заработала на экспорте 9 трлн донгов.", 9e12, "VND"),
        ("Литр бензина теперь стоит 2500 кьятов.", 2500, "MMK"),
        ("Рудник перечислил в бюджет 640 млрд тугриков.", 640e9, "MNT"),
    ],
)
def test_russian_asian_currencies(text: str, value: float, unit: str) -> None:
    claim = one(russian(text), value)
    assert (claim.unit, claim.measure) == (unit, "amount")


# -- multipliers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "figure"),
    [
        ("Exports of fruit grew fivefold in three years.", 5, "fivefold"),
        ("The ministry reported a fivefold increase in visitors.", 5, "fivefold"),
        ("Rents have risen tenfold since the war.", 10, "tenfold"),
        ("Sales of electric cars jumped 5x last year.", 5, "5x"),
        ("Its output rose ten-fold.", 10, "ten-fold"),
    ],
)
def test_english_multipliers_in_one_word(nlp: Any, text: str, value: float, figure: str) -> None:
    claim = one(english(nlp, text), value)
    assert (claim.text, claim.unit, claim.measure) == (figure, "times", "factor")


@pytest.mark.parametrize(
    ("text", "value", "subject"),
    [
        ("The ministry reported a fivefold increase in visitors.", 5, "visitors"),
        ("Farmers saw a 3-fold rise in fertiliser prices.", 3, "fertiliser prices"),
        ("The bank posted a 5x jump in profit.", 5, "profit"),
    ],
)
def test_a_factor_of_a_change_noun_measures_what_changed(
    nlp: Any, text: str, value: float, subject: str
) -> None:
    assert one(english(nlp, text), value).subject == subject


@pytest.mark.parametrize(
    "text",
    [
        "The reasons for the delay are twofold.",
        "The plan has a threefold aim: roads, schools and water.",
    ],
)
def test_a_fold_word_counting_parts_is_no_figure(nlp: Any, text: str) -> None:
    assert not [c for c in english(nlp, text) if c.unit == "times"]


def test_an_x_between_numbers_is_no_multiplier(nlp: Any) -> None:
    claims = english(nlp, "The rooms measure 3 x 4 metres and the jeeps are 4x4 models.")
    assert not [c for c in claims if c.unit == "times"]


@pytest.mark.parametrize(
    ("text", "value", "figure"),
    [
        ("Товарооборот вырос впятеро.", 5, "впятеро"),
        ("За пять лет экспорт фруктов увеличился вдесятеро.", 10, "вдесятеро"),
        ("Продажи электромобилей выросли пятикратно.", 5, "пятикратно"),
        ("Министерство отметило пятикратный рост числа туристов.", 5, "пятикратный"),
        ("Товарооборот вырос в пять раз.", 5, "пять раз"),
    ],
)
def test_russian_multipliers(text: str, value: float, figure: str) -> None:
    claim = one(russian(text), value)
    assert claim.unit == "times" and claim.text.endswith(figure)


def test_a_russian_factor_of_a_change_noun_measures_what_changed() -> None:
    claim = one(russian("Министерство отметило двукратный рост продаж."), 2)
    assert (claim.measure, claim.subject) == ("growth", "продажи")


def test_once_is_no_multiplier() -> None:
    claims = russian("Пенсионерам выплатят однократную помощь.")
    assert not [c for c in claims if c.unit == "times"]


def test_halved_and_a_twofold_fall_are_one_factor(nlp: Any) -> None:
    """ "halved" (0.5 times) and «сократился вдвое» (two times, down) say one thing."""
    values = [
        one(english(nlp, "In 2024 the country's grain imports halved.", "en_1"), 0.5),
        one(russian("В 2024 году импорт зерна в страну сократился вдвое.", "ru_1"), 2),
    ]
    built = build_claims("sty", values, find_dependence([]))
    assert len(built) == 1, [[v.text for v in c.values] for c in built]
    assert built[0].verdict != "conflicting"
