"""Foreign names in Russian oblique cases, and one office holder named in two languages, on
sentences written for these tests.

A name of the first declension loses its case ending back to -а («Лулой» → «Лула»); a
consonant stem pymorphy guesses with a fleeting vowel loses only the case's ending («Мерцем» →
«Мерц»). Not yet: an accusative «Лулу», which pymorphy also knows as the dative of a first
name «Лул». Romanised back, the names compare with their English spellings as one person, so
an office holder told in both languages is one value spelled two ways (compatible), not a
dispute.
"""

from __future__ import annotations

import pytest

from corroborator.analyze.claims_offices import names_agree
from corroborator.model import Claim, ClaimValue
from tests.claim_text import claim_values, story_claims

PUBLISHED = "2026-03-03"


def _values(language: str, text: str) -> tuple[ClaimValue, ...]:
    return claim_values(language, text, PUBLISHED)


def _office(language: str, text: str) -> str:
    found = [v for v in _values(language, text) if v.measure == "office"]
    assert len(found) == 1, [(v.subject, v.value) for v in _values(language, text)]
    return str(found[0].value)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # first declension: the instrumental -ой, the genitive -ы go back to -а
        ("Переговоры прошли с президентом Бразилии Лулой да Силвой.", "Lula da Silva"),
        ("Визит президента Бразилии Лулы да Силвы завершился.", "Lula da Silva"),
        # a consonant stem in the instrumental and the dative
        ("Переговоры прошли с канцлером Германии Фридрихом Мерцем.", "Fridrikh Merts"),
        ("Письмо направлено канцлеру Германии Фридриху Мерцу.", "Fridrikh Merts"),
        # the nominative is its own normal form
        ("Президент Бразилии Лула да Силва прибыл в Лиссабон.", "Lula da Silva"),
    ],
)
def test_foreign_names_in_oblique_cases(text: str, name: str) -> None:
    assert _office("ru", text) == name


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Luiz Inacio Lula da Silva", "Luis Inasiu Lula da Silva", True),
        ("Friedrich Merz", "Fridrikh Merts", True),
        ("Olaf Scholz", "Olaf Sholts", True),
        ("Sadyr Japarov", "Zhaparov", True),
        ("Olaf Scholz", "Friedrich Merz", False),
        ("Jair Bolsonaro", "Luiz Inacio Lula da Silva", False),
        ("Kim Jong Un", "Kim Il Sung", False),
        ("Moon Jae-in", "Yoon Suk Yeol", False),
    ],
)
def test_spellings_of_one_name(a: str, b: str, same: bool) -> None:
    assert names_agree(a, b) is same


def _claims(*pairs: tuple[str, str]) -> list[Claim]:
    return story_claims(pairs, PUBLISHED)


def test_one_office_holder_in_two_languages_is_not_disputed() -> None:
    claims = _claims(
        ("en", "Portugal's president received Brazilian President Luiz Inacio Lula da Silva."),
        (
            "ru",
            "Президент Португалии встретился с президентом Бразилии Луисом Инасиу Лулой да Силвой.",
        ),
    )
    (office,) = [c for c in claims if c.subject == "president of Brazil"]
    assert len(office.values) == 2
    assert office.verdict == "compatible"  # two spellings of one name


def test_two_office_holders_conflict() -> None:
    claims = _claims(
        ("en", "Portugal's president received Brazilian President Jair Bolsonaro."),
        (
            "ru",
            "Президент Португалии встретился с президентом Бразилии Луисом Инасиу Лулой да Силвой.",
        ),
    )
    (office,) = [c for c in claims if c.subject == "president of Brazil"]
    assert office.verdict == "conflicting"
