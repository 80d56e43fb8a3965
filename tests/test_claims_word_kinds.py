"""More kinds of categorical claims (issue 13): whose visit a category is of, where a plane
landed, whether a topic was discussed, a standing ("the first foreign leader"), whether a
document was signed and what it provides for — in English and Russian, aligned across the two,
and judged: two different values of one fact at one moment conflict, a more specific one is
compatible, and two different visits never conflict. Texts are our own invented reports."""

from __future__ import annotations

from corroborator.analyze import analyze_articles
from corroborator.config import Settings
from corroborator.link.claim_categories import values_agree
from corroborator.link.claims import build_claims
from corroborator.link.dependence import find_dependence
from corroborator.model import Article, Claim, ClaimValue


def _article(aid: str, language: str, text: str) -> Article:
    return Article(
        id=aid, source_path=f"{aid}.txt", language=language, published="2026-03-04", text=text
    )


EN = _article(
    "en",
    "en",
    "LISBON, March 4 — Kazakh President Arman Nurlanov arrived in Lisbon on Tuesday for a "
    "three-day state visit. His jet landed at the Lisbon airport late in the evening. "
    "The president said the question of sanctions was not discussed at the talks. Arman "
    "Nurlanov became the first foreign leader to visit Portugal this year. The two presidents "
    "signed a comprehensive strategic partnership treaty, which provides for mutual "
    "assistance.",
)
RU = _article(
    "ru",
    "ru",
    "Президент Казахстана Арман Нурланов прибыл в Португалию с государственным визитом. "
    "Самолет казахстанского лидера приземлился в аэропорту Лиссабона. По словам Нурланова, тема "
    "санкций на переговорах не затрагивалась. Арман Нурланов стал первым зарубежным лидером, "
    "посетившим Португалию в этом году. Президенты подписали договор о всеобъемлющем "
    "стратегическом партнерстве, который предусматривает взаимную помощь.",
)
# another guest's visit to the same host, in the same story: never a conflict with the first
LAO = _article(
    "lao",
    "en",
    "Brazilian President Rafael Moura Lins began a working visit to Portugal on Wednesday. His "
    "plane landed in Porto. The leaders discussed sanctions and trade. The two sides will sign "
    "a free trade agreement next year, and the ministry raised tariffs on steel.",
)
# a report that disagrees with EN and RU on the landing city and the signing
OTHER = _article(
    "other",
    "en",
    "Kazakhstan's Nurlanov landed in Porto on Tuesday, state media said, before flying on to "
    "the capital. No comprehensive strategic partnership treaty was signed, an official said.",
)


KAZAKH_VISIT = "at the visit of Kazakhstan to Portugal"
BRAZIL_VISIT = "at the visit of Brazil to Portugal"


def _analysed(*articles: Article) -> dict[str, list[ClaimValue]]:
    out = {}
    for art, analysis in analyze_articles(articles, model=Settings().spacy_model):
        out[art.id] = [c for c in analysis.claim_values if c.kind == "categorical"]
    return out


def _of(values: list[ClaimValue], measure: str) -> list[tuple[str, str]]:
    return [(v.subject, str(v.value)) for v in values if v.measure == measure]


def _claims(found: dict[str, list[ClaimValue]], *articles: Article) -> list[Claim]:
    values = [v for a in articles for v in found[a.id]]
    return build_claims("s", values, find_dependence(list(articles)))


def _verdict(claims: list[Claim], measure: str, ids: set[str]) -> str:
    """The verdict of the one claim of ``measure`` whose values come from ``ids``."""
    [claim] = [
        c
        for c in claims
        if c.values[0].measure == measure and {v.article_id for v in c.values} == ids
    ]
    return claim.verdict


def test_each_kind_in_english_and_russian_with_one_subject() -> None:
    found = _analysed(EN, RU, LAO, OTHER)
    for measure, subject, value in [
        ("category", "protocol category of the visit of Kazakhstan to Portugal", "state visit"),
        ("landing", "landing place of Kazakhstan to Portugal", "Lisbon airport"),
        ("discussed", f"whether sanctions was discussed {KAZAKH_VISIT}", "no"),
        (
            "standing",
            f"standing of Arman Nurlanov as leader {KAZAKH_VISIT}",
            "first foreign leader",
        ),
        (
            "signed",
            "whether the comprehensive strategic partnership treaty was signed",
            "yes",
        ),
        ("provides", "whether the treaty provides for mutual assistance", "yes"),
    ]:
        assert _of(found["en"], measure) == [(subject, value)], measure
        assert _of(found["ru"], measure) == [(subject, value)], measure
    # another guest's visit names its own guest; the landing place as the report spells it
    assert _of(found["lao"], "category") == [
        ("protocol category of the visit of Brazil to Portugal", "working visit")
    ]
    assert _of(found["lao"], "landing") == [("landing place of Brazil to Portugal", "Porto")]
    # discussed topics, a named place and a listed word; a plan ("will sign") and "raised
    # tariffs" (not a discussion) give nothing
    assert _of(found["lao"], "discussed") == [
        (f"whether sanctions was discussed {BRAZIL_VISIT}", "yes"),
        (f"whether trade was discussed {BRAZIL_VISIT}", "yes"),
    ]
    assert _of(found["lao"], "signed") == []
    assert _of(found["other"], "signed") == [
        ("whether the comprehensive strategic partnership treaty was signed", "no")
    ]


def test_verdicts_across_languages_and_visits() -> None:
    found = _analysed(EN, RU, LAO, OTHER)
    agreeing = _claims(found, EN, RU)
    # every kind aligns across the two languages, and they agree
    for measure in ("category", "landing", "discussed", "standing", "signed", "provides"):
        assert _verdict(agreeing, measure, {"en", "ru"}) == "corroborated", measure
    # a second guest's visit to the same host is another claim, not a conflict, and so is what
    # was discussed at it: its "yes" on sanctions stands beside the first visit's two "no"
    story = _claims(found, EN, RU, LAO)
    assert _verdict(story, "category", {"en", "ru"}) == "corroborated"
    assert _verdict(story, "category", {"lao"}) == "single_source"
    assert _verdict(story, "landing", {"lao"}) == "single_source"
    assert _verdict(story, "discussed", {"en", "ru"}) == "corroborated"
    discussed_lao = [
        c for c in story if c.values[0].measure == "discussed" and c.values[0].article_id == "lao"
    ]
    assert [c.verdict for c in discussed_lao] == ["single_source", "single_source"]
    # another city for one guest's landing, and "not signed", conflict
    disputed = _claims(found, EN, RU, OTHER)
    assert _verdict(disputed, "landing", {"en", "ru", "other"}) == "conflicting"
    assert _verdict(disputed, "signed", {"en", "ru", "other"}) == "conflicting"


def test_more_specific_values_agree() -> None:
    def value(measure: str, v: str) -> ClaimValue:
        return ClaimValue(
            article_id="a",
            subject="s",
            period=None,
            unit=None,
            kind="categorical",
            value=v,
            text=v,
            quote=v,
            start=0,
            end=1,
            measure=measure,
        )

    # the city with its airport, or under another spelling of its name
    assert values_agree(value("landing", "Porto airport"), value("landing", "Porto"))
    assert values_agree(value("landing", "Lisbon"), value("landing", "Lisboa airport"))
    assert not values_agree(value("landing", "Porto airport"), value("landing", "Lisbon"))
    assert values_agree(value("standing", "first foreign guest"), value("standing", "first guest"))
    assert not values_agree(value("standing", "first stop"), value("standing", "second stop"))
    assert not values_agree(value("discussed", "yes"), value("discussed", "no"))


def test_who_led_a_delegation_in_both_languages() -> None:
    en = _article(
        "d-en",
        "en",
        "The Kazakh delegation, led by Foreign Minister Marat Omarov, arrived in Lisbon on "
        "Monday. Portuguese Prime Minister Rui Almada headed the delegation of Portugal at "
        "the talks. The head of state met the delegation later.",
    )
    ru = _article(
        "d-ru",
        "ru",
        "Казахстанскую делегацию возглавил министр иностранных дел Марат Омаров. Делегация "
        "Португалии во главе с премьер-министром Руи Алмадой встретила гостей.",
    )
    other = _article(
        "d-other",
        "en",
        "Kazakhstan's delegation was headed by Prime Minister Yerlan Sadykov, the ministry said.",
    )
    found = _analysed(en, ru, other)
    kazakh = "head of the delegation of Kazakhstan"
    # the English report names the visit's host; the others name no visit and align with any
    assert _of(found["d-en"], "delegation") == [
        (f"{kazakh} at the visit to Portugal", "Marat Omarov"),
        ("head of the delegation of Portugal at the visit to Portugal", "Rui Almada"),
    ]
    # a Russian name in the instrumental («во главе с … Алмадой») read back to its nominative
    assert _of(found["d-ru"], "delegation") == [
        (kazakh, "Marat Omarov"),
        ("head of the delegation of Portugal", "Rui Almada"),
    ]
    assert _of(found["d-other"], "delegation") == [(kazakh, "Yerlan Sadykov")]
    agreeing = [c.verdict for c in _claims(found, en, ru) if c.values[0].measure == "delegation"]
    assert agreeing == ["corroborated", "corroborated"]
    disputed = _claims(found, en, ru, other)
    assert _verdict(disputed, "delegation", {"d-en", "d-ru", "d-other"}) == "conflicting"


def test_the_place_a_disaster_hit_worst() -> None:
    en = _article(
        "w-en",
        "en",
        "The earthquake left hundreds dead. Rancagua suffered the highest casualties, officials "
        "said. Concepcion, among the worst hit towns, lost a bridge. The worst affected regions "
        "were Rancagua and Concepcion.",
    )
    ru = _article("w-ru", "ru", "Больше всего погибших в Ранкагуа, сообщили власти.")
    other = _article("w-other", "en", "Talca recorded the most deaths, the ministry said.")
    found = _analysed(en, ru, other)
    subject = "place with the most casualties"
    # "one of the hardest-hit" and a list of the most affected rank no single place
    assert _of(found["w-en"], "worst_hit") == [(subject, "Rancagua")]
    assert _of(found["w-other"], "worst_hit") == [(subject, "Talca")]
    [(ru_subject, _)] = _of(found["w-ru"], "worst_hit")
    assert ru_subject == subject
    # a Russian spelling of the same place agrees; another place disagrees
    assert _verdict(_claims(found, en, ru), "worst_hit", {"w-en", "w-ru"}) in {
        "corroborated",
        "compatible",
    }
    disputed = _claims(found, en, ru, other)
    assert _verdict(disputed, "worst_hit", {"w-en", "w-ru", "w-other"}) == "conflicting"


def test_words_that_only_look_like_a_claim_give_none() -> None:
    """Review findings 1-5 and 15, in our own invented wording."""
    en = _article(
        "n-en",
        "en",
        "There is no doubt the free trade agreement was signed in Velmora. "
        "In May the two presidents signed a defence cooperation agreement. "
        "The central bank raised rates on trade credit, a matter of some concern. "
        "The ministers discussed energy in Lisbon. "
        "Farmers in Portugal are the most affected by the new tariffs.",
    )
    ru = _article(
        "n-ru",
        "ru",
        "Пошлины поднялись, и тем самым торговля упала. Должностные лица обсудили энергетику.",
    )
    harm = _article(
        "n-harm",
        "en",
        "A strong earthquake struck the coast on Sunday. Officials in Santiago reported the "
        "most deaths in Talca. Valparaiso was among the areas hardest hit by the earthquake.",
    )
    found = _analysed(en, ru, harm)
    # "no doubt" is no determiner of the agreement, and the month May is no plan
    assert ("whether the free trade agreement was signed", "yes") in _of(found["n-en"], "signed")
    assert ("whether the defence cooperation agreement was signed", "yes") in _of(
        found["n-en"], "signed"
    )
    discussed = dict(_of(found["n-en"], "discussed"))
    # a matter far from "raised" makes no discussion; the meeting's city is no topic
    assert "whether trade was discussed" not in discussed
    assert discussed.get("whether energy was discussed") == "yes"
    assert "whether Lisbon was discussed" not in discussed
    # tariffs raise no place to worst hit
    assert _of(found["n-en"], "worst_hit") == []
    # «тем самым» is no topic noun; officials («должностные лица») make no plan
    assert dict(_of(found["n-ru"], "discussed")) == {"whether energy was discussed": "yes"}
    # the place nearest after the phrase, measured from its end
    assert ("place with the most casualties", "Talca") in _of(found["n-harm"], "worst_hit")


def test_a_host_or_a_former_ruler_holds_no_standing() -> None:
    art = _article(
        "s-en",
        "en",
        "Chile welcomed its first foreign guest of the season on Friday. Valdoria's last "
        "leader, Ivo Marek, died in 1990. Santiago was the second stop of the tour.",
    )
    values = _of(_analysed(art)["s-en"], "standing")
    assert all("of Chile as guest" not in subject for subject, _ in values)
    assert all(value != "last leader" for _, value in values)
    assert any(value == "second stop" for _, value in values)
