"""The Russian adapter: names in Russian texts under the canonical names English ones use."""

from __future__ import annotations

from corroborator.analyze import analyze_articles
from corroborator.analyze.russian import russian_mentions, transliterate
from corroborator.model import Article

# our own wording, not from any dataset
TEXT = (
    "Владимир Путин провёл в Пхеньяне переговоры с Ким Чен Ыном. "
    "Песков сообщил, что затем Путин вылетит во Вьетнам. "
    "Юрий Ушаков добавил, что визит в Бишкек к Садыру Жапарову готовится. "
    "Ушаков уточнил сроки."
)


def _canon(text: str) -> dict[str, tuple[str, str | None]]:
    return {m.text: (m.label, m.canonical) for m in russian_mentions(text, "a")}


def test_russian_names_are_canonical_across_scripts() -> None:
    found = _canon(TEXT)
    assert found["Владимир Путин"] == ("PERSON", "Vladimir Putin")
    assert found["Пхеньяне"] == ("GPE", "Pyongyang")  # world tables, from the normal form
    assert found["Ким Чен Ыном"] == ("PERSON", "Kim Jong Un")  # stem match, case ending
    assert found["Песков"] == ("PERSON", "Dmitry Peskov")
    assert found["Вьетнам"] == ("GPE", "Vietnam")  # data/names_ru.yaml
    assert found["Бишкек"] == ("GPE", "Bishkek")
    assert found["Ушаков"] == ("PERSON", "Yuri Ushakov")


def test_unknown_people_are_transliterated() -> None:
    assert transliterate("Ереван") == "Yerevan"
    assert transliterate("Жапаров") == "Zhaparov"
    found = _canon("Министр Анна Кузнецова встретилась с Игорем Смирновым.")
    assert found["Анна Кузнецова"] == ("PERSON", "Anna Kuznetsova")
    assert found["Игорем Смирновым"] == ("PERSON", "Igor Smirnov")


def test_russian_articles_get_mentions_through_the_language_seam() -> None:
    article = Article(id="ru1", text=TEXT, source_path="ru1.txt", language="ru")
    ((_, analysis),) = list(analyze_articles([article], model="unused"))
    people = {m.canonical for m in analysis.mentions if m.label == "PERSON"}
    assert {"Vladimir Putin", "Kim Jong Un", "Sadyr Japarov"} <= people
    assert analysis.sentences


def test_every_country_has_its_russian_name() -> None:
    """Countries the curated lists do not name come from CLDR's Russian names, in any case,
    under the English name the world tables give them; РФ is Russia."""
    text = (
        "Подземные толчки в Мьянме почувствовали в Таиланде, на Филиппинах и в Бангладеш. "
        "Власти РФ и Сербии предложили помощь."
    )
    found = {m.text: (m.label, m.canonical) for m in russian_mentions(text)}
    assert found["Мьянме"] == ("GPE", "Myanmar")
    assert found["Филиппинах"] == ("GPE", "Philippines")
    assert found["Бангладеш"] == ("GPE", "Bangladesh")
    assert found["Сербии"] == ("GPE", "Serbia")
    assert found["РФ"][1] == "Russia"


def test_foreign_names_keep_their_nominative_and_lose_only_endings() -> None:
    # our own sentences: a name read as nominative is its own normal form (not a form of a
    # common noun it happens to spell), and an unknown name loses a case ending, never gains one
    found = _canon("На ступенях дворца гостей встретил президент То Лам.")
    assert found["То Лам"] == ("PERSON", "To Lam")
    found = _canon("Затем министр побеседовал с премьер-министром Нгуен Ван Зунгом.")
    canonical = found["Нгуен Ван Зунгом"][1] or ""
    assert canonical.startswith("Nguyen") and canonical.endswith("Zung")
    # a surname ending in a soft sign loses it with the case ending (Марель → Марелем)
    found = _canon("Затем министр побеседовал с президентом Кеша Томасом Марелем.")
    assert (found["Томасом Марелем"][1] or "").endswith("Marel"), found


def test_names_of_several_words_take_the_nominative_of_their_head() -> None:
    # our own sentences: the head noun and the adjectives before it go to the nominative and
    # agree with it; the complement after the head keeps its case, as Russian names it
    found = _canon(
        "Представители Министерства иностранных дел и Государственной думе направили "
        "письмо в Совет Безопасности. Делегация Объединённых Арабских Эмиратов посетила "
        "Московский государственный университет."
    )
    canonical = {text: canon for text, (_, canon) in found.items()}
    assert canonical["Министерства иностранных дел"] == "Министерство иностранных дел"
    assert canonical["Государственной думе"] == "Государственная дума"
    assert canonical["Объединённых Арабских Эмиратов"] == "Объединённые Арабские Эмираты"
    found = _canon("Об этом сообщили в Министерстве экономики и в Белом доме.")
    assert found["Министерстве экономики"][1] == "Министерство экономики"
    assert found["Белом доме"][1] == "Белый дом"
