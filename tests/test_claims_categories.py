"""Categorical claims of the kinds every visit report states in words (issue 13): the visit's
protocol category, who holds an office, named documents — in English and Russian, aligned
across the two, and judged: a different level or a different office holder conflicts, an
epithet or a second spelling does not. Texts are our own invented reports."""

from __future__ import annotations

from corroborator.analyze import analyze_articles
from corroborator.config import Settings
from corroborator.link.claim_categories import categories_agree, names_agree
from corroborator.link.claims import build_claims
from corroborator.link.dependence import find_dependence
from corroborator.model import Article, ClaimValue


def _article(aid: str, language: str, text: str) -> Article:
    return Article(
        id=aid, source_path=f"{aid}.txt", language=language, published="2026-03-04", text=text
    )


def _analysed(*articles: Article) -> dict[str, list[ClaimValue]]:
    out = {}
    for art, analysis in analyze_articles(articles, model=Settings().spacy_model):
        out[art.id] = [c for c in analysis.claim_values if c.kind == "categorical"]
    return out


def _of(values: list[ClaimValue], measure: str) -> list[tuple[str, str]]:
    return [(v.subject, str(v.value)) for v in values if v.measure == measure]


EN_STATE = _article(
    "en1",
    "en",
    "HANOI, March 4 — Kazakh President Kassym-Jomart Tokayev arrived in Hanoi on Tuesday for a "
    "three-day state visit at the invitation of Vietnamese President Luong Cuong. Later in the "
    "day the two-day official visit moved on to talks. In 2023, when Tokayev paid a working "
    "visit to Hanoi, the two sides met in the same hall.",
)
EN_WORKING = _article(
    "en2",
    "en",
    "Kazakhstan's leader began a working visit to Vietnam on Tuesday, the ministry said. "
    "Tokayev met President To Lam of Vietnam on Wednesday, and former President Nguyen Minh "
    "Triet attended a dinner.",
)
RU_STATE = _article(
    "ru1",
    "ru",
    "Президент Казахстана Касым-Жомарт Токаев прибыл во Вьетнам с государственным визитом. "
    "Переговоры Токаева с президентом Вьетнама Лыонг Кыонгом прошли в среду.",
)
RU_FRIENDLY = _article(
    "ru2",
    "ru",
    "Касым-Жомарт Токаев во вторник начал второй дружественный визит во Вьетнам. Председатель "
    "КНР Си Цзиньпин направил участникам встречи приветствие.",
)


def test_visit_categories_and_office_holders_in_both_languages() -> None:
    found = _analysed(EN_STATE, EN_WORKING, RU_STATE, RU_FRIENDLY)
    # whose visit: the guest's country and the host's, the same in both languages
    visit = "protocol category of the visit of Kazakhstan to Vietnam"
    # one value per category an article names, the epithet kept; a past visit's gives none
    assert _of(found["en1"], "category") == [(visit, "state visit"), (visit, "official visit")]
    assert _of(found["en2"], "category") == [(visit, "working visit")]
    assert _of(found["ru1"], "category") == [(visit, "state visit")]
    assert _of(found["ru2"], "category") == [(visit, "friendly visit")]
    # the office and its holder, whatever the language; a former holder is no claim
    assert ("president of Vietnam", "Luong Cuong") in _of(found["en1"], "office")
    assert ("president of Kazakhstan", "Kassym-Jomart Tokayev") in _of(found["en1"], "office")
    assert _of(found["en2"], "office") == [("president of Vietnam", "To Lam")]
    # «председатель» before a country is its head of state
    assert ("president of China", "Xi Jinping") in _of(found["ru2"], "office")
    ru_offices = dict(_of(found["ru1"], "office"))
    assert names_agree(ru_offices["president of Vietnam"], "Luong Cuong")
    assert names_agree(ru_offices["president of Kazakhstan"], "Kassym-Jomart Tokayev")


def test_verdicts_tell_a_different_level_or_holder_from_wording() -> None:
    found = _analysed(EN_STATE, EN_WORKING, RU_STATE, RU_FRIENDLY)
    arts = [EN_STATE, EN_WORKING, RU_STATE, RU_FRIENDLY]
    values = [v for vs in found.values() for v in vs]
    claims = build_claims("s", values, find_dependence(arts))
    by_subject: dict[str, list[tuple[str, set[str]]]] = {}
    for c in claims:
        by_subject.setdefault(c.subject, []).append((c.verdict, {v.article_id for v in c.values}))
    # the state, official, friendly and working visit are one claim: working is a conflict
    assert by_subject["protocol category of the visit of Kazakhstan to Vietnam"] == [
        ("conflicting", {"en1", "en2", "ru1", "ru2"})
    ]
    # two reports name one president of Vietnam (English and Russian), a third another
    assert by_subject["president of Vietnam"] == [("conflicting", {"en1", "en2", "ru1"})]
    # Kazakhstan's president: the same man in both languages
    assert [v for v, _ in by_subject["president of Kazakhstan"]] == ["corroborated"]
    without_working = [v for v in values if v.article_id != "en2"]
    claims = build_claims("s", without_working, find_dependence(arts))
    verdicts = {c.subject: c.verdict for c in claims}
    assert verdicts["protocol category of the visit of Kazakhstan to Vietnam"] != "conflicting"
    assert verdicts["president of Vietnam"] != "conflicting"


def test_category_and_name_agreement() -> None:
    assert categories_agree("friendly visit", "state visit")  # both shorten "friendly state"
    assert categories_agree("friendly state visit", "official visit")
    assert categories_agree("friendly visit", "working visit")  # an epithet names no level
    assert categories_agree("official state visit", "state visit")  # one says more
    assert not categories_agree("state visit", "working visit")
    assert not categories_agree("official state visit", "working visit")
    assert not categories_agree("Busan", "Gyeongju")
    assert names_agree("Sadyr Zhaparov", "Japarov")
    assert names_agree("Sadyr Zhaparov", "Sadyr Japarov")
    assert not names_agree("Kim Jong Un", "Kim Il Sung")  # a family name alone
    assert not names_agree("Moon Jae-in", "Yoon Suk Yeol")  # short words match exactly
    assert not names_agree("Luong Cuong", "To Lam")


def test_named_documents_compare_across_languages() -> None:
    en = _article(
        "d1",
        "en",
        "The two leaders signed a new comprehensive strategic partnership pact on Wednesday, "
        "alongside a Treaty on Friendship and Cooperation.",
    )
    ru = _article(
        "d2",
        "ru",
        "Лидеры подписали Договор о всеобъемлющем стратегическом партнерстве. Стороны также "
        "договорились о сотрудничестве в области энергетики.",
    )
    short = _article("d3", "en", "The comprehensive partnership treaty takes effect in a year.")
    found = _analysed(en, ru, short)
    names = {a: [str(v.value) for v in vs if v.measure == "document"] for a, vs in found.items()}
    assert names["d1"] == [
        "comprehensive strategic partnership treaty",
        "friendship cooperation treaty",
    ]
    # «договорились о сотрудничестве» (they agreed to cooperate) names no document
    assert names["d2"] == ["comprehensive strategic partnership treaty"]
    assert names["d3"] == ["comprehensive partnership treaty"]
    claims = build_claims("s", found["d1"] + found["d2"], find_dependence([en, ru]))
    shared = [c for c in claims if len(c.values) == 2]
    # the name, and that it was signed, in both languages
    assert sorted((c.values[0].measure, c.verdict) for c in shared) == [
        ("document", "corroborated"),
        ("signed", "corroborated"),
    ]
    # a name said less fully is the same document; another name is another document
    values = [v for v in found["d1"] + found["d2"] + found["d3"] if v.measure == "document"]
    claims = build_claims("s", values, find_dependence([en, ru, short]))
    by_docs = sorted(sorted(v.article_id for v in c.values) for c in claims)
    assert by_docs == [["d1"], ["d1", "d2", "d3"]]
    assert all(c.verdict != "conflicting" for c in claims)


def test_a_year_in_another_clause_does_not_make_the_visit_past() -> None:
    # our own sentences: a year in a clause of another matter leaves the visit current; one in
    # the clause a "when" clause is told at makes it a past visit
    texts = {
        "p1": "After tensions that began in 2022, the Chilean president arrived in Lima on "
        "Monday for a three-day state visit.",
        "p2": "The two leaders last met in May 2021, when the Chilean president made an "
        "official visit to Lima.",
        "p3": "The Chilean president arrived in Lima on Monday for a state visit, his first "
        "since 2019.",
    }
    analysed = _analysed(*(_article(aid, "en", text) for aid, text in texts.items()))
    found = {aid: _of(values, "category") for aid, values in analysed.items()}
    assert found["p1"] == [("protocol category of the visit to Peru", "state visit")]
    assert found["p2"] == []
    assert found["p3"] == [("protocol category of the visit to Peru", "state visit")]
