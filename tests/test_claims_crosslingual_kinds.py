"""One figure told in an English sentence and in a Russian one is one claim, for every kind of
quantity news reports carry: money, counts of people and things, casualties, durations,
shares, growth, distances, weights, magnitudes. Both sentences (written for this test) go
through the real analysis of their language; their values are aligned as in one story. The
Russian counted noun need not be in any word list: it is matched to the English unit it
translates."""

from __future__ import annotations

import pytest

from corroborator.link.claims import build_claims
from corroborator.link.dependence import find_dependence
from corroborator.model import Article, Claim, ClaimValue
from tests.claim_text import claim_values

PUBLISHED = "2024-06-20"

PAIRS = [
    (
        "Trade between the two countries reached $12.5 billion in 2023, the minister said.",
        "Товарооборот между двумя странами в 2023 году достиг 12,5 млрд долларов, сказал министр.",
        12.5e9,
    ),
    (
        "Russian companies have invested $3 billion in the country's economy.",
        "Российские компании вложили в экономику страны 3 млрд долларов.",
        3e9,
    ),
    (
        "At least 150 people were killed in the floods, officials said on Monday.",
        "Жертвами наводнения стали не менее 150 человек, сообщили в понедельник власти.",
        150,
    ),
    (
        "More than 300 people were injured in the blast.",
        "При взрыве пострадали более 300 человек.",
        300,
    ),
    ("The talks lasted about three hours.", "Переговоры продолжались около трех часов.", 180),
    ("The sides signed 15 agreements during the visit.", "Стороны подписали 15 соглашений.", 15),
    (
        "The share of national currencies in mutual payments rose to 95 percent.",
        "Доля национальных валют во взаимных расчетах выросла до 95%.",
        95,
    ),
    (
        "Bilateral trade grew by 18% last year.",
        "В прошлом году двусторонняя торговля выросла на 18%.",
        18,
    ),
    ("The epicentre was 17 kilometres from the city.", "Эпицентр находился в 17 км от города.", 17),
    (
        "The delegation includes more than 100 business people.",
        "В состав делегации вошли более 100 предпринимателей.",
        100,
    ),
    ("Eight fighter jets escorted the plane.", "Самолет сопровождали восемь истребителей.", 8),
    ("Among the dead were 12 children.", "Среди погибших 12 детей.", 12),
    ("The country exported 2 million tonnes of grain.", "Страна вывезла 2 млн тонн зерна.", 2e6),
    ("The earthquake had a magnitude of 7.7.", "Магнитуда землетрясения составила 7,7.", 7.7),
    # a packed unit ("гражданин" → citizen) that English words another way
    (
        "About 50 Indian nationals have joined the army.",
        "В армию вступили около 50 граждан Индии.",
        50,
    ),
    # English reads "N times" as a factor, Russian "вырос в N раза" as growth: one measure here
    ("Trade has grown 1.8 times since 2020.", "С 2020 года товарооборот вырос в 1,8 раза.", 1.8),
    # Indian English scales and the rupee
    ("The deal is worth 5,000 crore rupees.", "Сделка оценивается в 50 млрд рупий.", 5e10),
    # a day within the month the other report gives
    ("On June 18 the two sides signed 9 agreements.", "В июне стороны подписали 9 соглашений.", 9),
    # a fiscal year and the calendar year it holds
    (
        "Trade reached $65 billion in the 2023-24 fiscal year.",
        "В 2023 году товарооборот достиг 65 млрд долларов.",
        65e9,
    ),
]


def _values(language: str, text: str) -> tuple[ClaimValue, ...]:
    return claim_values(language, text, PUBLISHED)


def _claims(english: str, russian: str) -> list[Claim]:
    values = [*_values("en", english), *_values("ru", russian)]
    articles = [
        Article(id=v.article_id, text="", source_path=v.article_id, outlet=v.article_id)
        for v in values
    ]
    return build_claims("story", values, find_dependence(articles))


def _holder(claims: list[Claim], language: str, figure: float) -> Claim:
    def near(x: object) -> bool:
        if not isinstance(x, float | int):
            return False
        # a duration in hours or minutes
        return any(abs(x * f - figure) <= 0.01 * abs(figure) for f in (1, 60))

    found = [
        c for c in claims for v in c.values if v.article_id.startswith(language) and near(v.value)
    ]
    assert found, f"no {language} value {figure}: {[[v.text for v in c.values] for c in claims]}"
    return found[0]


@pytest.mark.parametrize(("english", "russian", "figure"), PAIRS)
def test_one_figure_in_two_languages_is_one_claim(
    english: str, russian: str, figure: float
) -> None:
    claims = _claims(english, russian)
    assert _holder(claims, "en", figure) is _holder(claims, "ru", figure)


def test_periods_of_other_years_stay_apart() -> None:
    claims = _claims(
        "Trade reached $65 billion in 2021.", "В 2023 году товарооборот достиг 65 млрд долларов."
    )
    assert _holder(claims, "en", 65e9) is not _holder(claims, "ru", 65e9)


def test_counts_of_different_things_stay_apart() -> None:
    # the same number of children and of journalists: a Russian noun translates only its own
    claims = _claims("Among the dead were 12 children.", "Делегацию сопровождали 12 журналистов.")
    assert _holder(claims, "en", 12) is not _holder(claims, "ru", 12)
