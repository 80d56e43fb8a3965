"""Office holders in the forms reports write them (issue 13), on sentences written for these
tests with invented people: a title before or after the name, in apposition, with the country
as a name, an adjective or a genitive, in English and Russian; a former or predecessor's title
is no claim on the current office; and small two-report stories where a wrong name for an
office is a dispute while two forms of one name agree."""

from __future__ import annotations

from functools import cache

import pytest

from corroborator.analyze import analyze_articles
from corroborator.config import Settings
from corroborator.link.claim_categories import names_agree
from corroborator.link.claims import build_claims
from corroborator.link.dependence import find_dependence
from corroborator.model import Article, ClaimValue


def _article(aid: str, language: str, text: str) -> Article:
    return Article(
        id=aid, source_path=f"{aid}.txt", language=language, published="2026-05-12", text=text
    )


@cache
def _offices(language: str, text: str) -> tuple[tuple[str, str], ...]:
    art = _article(f"{language}-{abs(hash(text))}", language, text)
    ((_, analysis),) = list(analyze_articles([art], model=Settings().spacy_model))
    return tuple((v.subject, str(v.value)) for v in analysis.claim_values if v.measure == "office")


@pytest.mark.parametrize(
    ("text", "office"),
    [
        # apposition after the name, the country after "of" or before "'s"
        (
            "Tomas Varga, the president of Chile, landed in Lima.",
            ("president of Chile", "Tomas Varga"),
        ),
        ("Lima greeted Tomas Varga, president of Chile.", ("president of Chile", "Tomas Varga")),
        (
            "Elena Dorn, Canada's prime minister, opened the forum.",
            ("prime minister of Canada", "Elena Dorn"),
        ),
        (
            "Lima greeted Tomas Varga, the Chilean president, at noon.",
            ("president of Chile", "Tomas Varga"),
        ),
        # a title, a comma, then the name; a word that keeps the holder current
        (
            "The Japanese prime minister, Kenji Arata, spoke first.",
            ("prime minister of Japan", "Kenji Arata"),
        ),
        (
            "Japan's prime minister, Kenji Arata, spoke first.",
            ("prime minister of Japan", "Kenji Arata"),
        ),
        (
            "Kenji Arata, Japan's new prime minister, spoke first.",
            ("prime minister of Japan", "Kenji Arata"),
        ),
        # titles before the name
        ("The Chilean leader Tomas Varga landed in Lima.", ("leader of Chile", "Tomas Varga")),
        ("President Tomas Varga of Chile landed in Lima.", ("president of Chile", "Tomas Varga")),
        ("The host met with Chile President Tomas Varga.", ("president of Chile", "Tomas Varga")),
    ],
)
def test_english_title_forms(text: str, office: tuple[str, str]) -> None:
    assert _offices("en", text) == (office,)


@pytest.mark.parametrize(
    ("text", "office"),
    [
        ("Томас Варга, президент Чили, прибыл в Лиму.", ("president of Chile", "Tomas Varga")),
        ("Лиму посетил Томас Варга, чилийский президент.", ("president of Chile", "Tomas Varga")),
        ("Лидер Чили Томас Варга прибыл в Лиму.", ("leader of Chile", "Tomas Varga")),
        # the name and its title in oblique cases
        (
            "Переговоры прошли с Томасом Варгой, президентом Чили, в Лиме.",
            ("president of Chile", "Tomas Varga"),
        ),
        (
            "Журналисты спорили о президенте Чили Томасе Варге.",
            ("president of Chile", "Tomas Varga"),
        ),
        ("Новый президент Чили Томас Варга прибыл в Лиму.", ("president of Chile", "Tomas Varga")),
        (
            "Форум открыла Елена Дорн, премьер-министр Канады.",
            ("prime minister of Canada", "Elena Dorn"),
        ),
    ],
)
def test_russian_title_forms(text: str, office: tuple[str, str]) -> None:
    # romanised back, the name is a spelling of the English one ("Yelena" for "Elena")
    ((subject, name),) = _offices("ru", text)
    assert subject == office[0] and names_agree(name, office[1]), name


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Lima greeted Tomas Varga, the former president of Chile, at noon."),
        ("en", "Lima greeted Ana Ruiz, an adviser to the president of Chile, at noon."),
        ("en", "Lima greeted Ana Ruiz, the president of Chile's senate, at noon."),
        ("en", "The Chilean opposition leader Ana Ruiz spoke at noon."),
        ("ru", "Лиму посетил Томас Варга, бывший президент Чили."),
        ("en", "The former Japanese prime minister, Kenji Arata, spoke first."),
        # a name followed by "and" is an item of a list, not the title's holder
        ("en", "He thanked the Chilean president, Ana Ruiz and the guests."),
    ],
)
def test_not_a_current_holder(language: str, text: str) -> None:
    assert _offices(language, text) == ()


def test_a_predecessor_does_not_dispute_the_holder() -> None:
    text = (
        "Chilean President Tomas Varga landed in Lima on Monday. His predecessor, Chilean "
        "President Rafael Olmos, had made the same trip in 2019."
    )
    assert _offices("en", text) == (("president of Chile", "Tomas Varga"),)
    ru = (
        "Президент Чили Томас Варга прибыл в Лиму в понедельник. Его предшественник, президент "
        "Чили Рафаэль Олмос, совершил такую же поездку в 2019 году."
    )
    ((subject, name),) = _offices("ru", ru)
    assert subject == "president of Chile" and names_agree(name, "Tomas Varga")


def _verdict(*articles: Article, subject: str) -> str:
    values: list[ClaimValue] = []
    for _, analysis in analyze_articles(articles, model=Settings().spacy_model):
        values.extend(v for v in analysis.claim_values if v.kind == "categorical")
    claims = build_claims("s", values, find_dependence(list(articles)))
    (claim,) = [c for c in claims if c.subject == subject]
    return claim.verdict


def test_stories_with_a_wrong_name_and_with_two_forms_of_one() -> None:
    first = _article(
        "e1", "en", "Tomas Varga, the president of Chile, began a state visit to Peru on Monday."
    )
    wrong = _article(
        "e2", "en", "Chile's President Rafael Olmos landed in Lima on Monday for talks."
    )
    same = _article("e3", "en", "President Varga of Chile landed in Lima on Monday for talks.")
    russian = _article(
        "r1", "ru", "Президент Чили Томас Варга в понедельник прибыл в Лиму на переговоры."
    )
    russian_wrong = _article(
        "r2", "ru", "Рафаэль Олмос, президент Чили, в понедельник прибыл в Лиму на переговоры."
    )
    subject = "president of Chile"
    assert _verdict(first, wrong, subject=subject) == "conflicting"
    assert _verdict(first, same, subject=subject) != "conflicting"
    assert _verdict(first, russian, subject=subject) != "conflicting"
    assert _verdict(first, russian_wrong, subject=subject) == "conflicting"


def _categories(language: str, text: str) -> list[str]:
    art = _article(f"{language}-{abs(hash(text))}", language, text)
    ((_, analysis),) = list(analyze_articles([art], model=Settings().spacy_model))
    return [str(v.value) for v in analysis.claim_values if v.measure == "category"]


def test_visit_categories_and_a_first_trip() -> None:
    assert _categories("en", "Chilean President Tomas Varga began a working trip to Peru.") == [
        "working visit"
    ]
    # "his first foreign trip since …" says which trip it is, not its protocol level
    first = "Chilean President Tomas Varga reached Peru, his first foreign trip since March."
    assert _categories("en", first) == []
    ru = "Во время рабочего визита в Перу президент Чили Томас Варга посетил Лиму."
    assert _categories("ru", ru) == ["working visit"]
    state = _article("s1", "en", "Chilean President Tomas Varga began a state visit to Peru.")
    working = _article("s2", "ru", "Президент Чили Томас Варга прибыл в Перу с рабочим визитом.")
    same = _article(
        "s3", "ru", "Президент Чили Томас Варга прибыл в Перу с государственным визитом."
    )
    subject = "protocol category of the visit of Chile to Peru"
    assert _verdict(state, working, subject=subject) == "conflicting"
    assert _verdict(state, same, subject=subject) != "conflicting"
