"""The per-article time budget of analysis (``max_article_seconds``): past it an article is
refused with one line naming its file, the batch goes on, and the next build tries again."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborator.analyze import analyze_articles
from corroborator.analyze.budget import OverBudget, check, deadline
from corroborator.config import Settings, load_settings
from corroborator.errors import OverTimeBudget
from corroborator.model import Article
from corroborator.store import SQLiteStore

from .conftest import run_cli

# Own wording: an ordinary report, a few sentences with dates, names and figures.
REPORT = (
    "Ferry pier approved in Port Alder\n\n"
    "PORT ALDER, 4 March 2025 (Tidewater Courier) - The harbour board of Port Alder approved a "
    "new ferry pier on Tuesday after a two-hour debate. The work will cost $6 million and take "
    "eighteen months, the harbour master, Amara Velt, told reporters. Work is due to start in "
    "May, and the old pier will close on 1 June.\n"
)
SECOND = (
    "Bus depot vote in Marrow Vale\n\n"
    "MARROW VALE, 5 March 2025 (Vale Gazette) - The council of Marrow Vale voted on Wednesday "
    "to build a bus depot for 12 million euros, the mayor said.\n"
)


def test_an_article_past_its_budget_is_refused_and_the_budget_ends_with_it() -> None:
    settings = Settings()
    art = Article(Article.make_id(REPORT, None, None), REPORT, "pier.txt")
    ((_, refused),) = list(
        analyze_articles([art], model=settings.spacy_model, vectors=False, seconds=1e-9)
    )
    assert isinstance(refused, OverTimeBudget) and refused.code == "E109"
    assert str(refused).startswith("pier.txt: analysis ran past the 1e-09 s budget per article")
    assert "max_article_seconds" in str(refused) and "\n" not in str(refused)
    # no budget left behind: the same text analysed within an ordinary budget is whole
    check()
    ((_, done),) = list(analyze_articles([art], model=settings.spacy_model, vectors=False))
    assert not isinstance(done, OverTimeBudget) and done.claim_values


def test_deadlines_nest_and_zero_means_none() -> None:
    with deadline(0):
        check()
    with deadline(-1.0), pytest.raises(OverBudget), deadline(1e-9):
        check()
    check()


def test_the_budget_is_a_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings().max_article_seconds > 0
    monkeypatch.setenv("CORROBORATOR_MAX_ARTICLE_SECONDS", "2.5")
    assert load_settings().max_article_seconds == 2.5


def test_a_build_refuses_each_slow_article_and_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "pier.txt").write_text(REPORT, encoding="utf-8")
    (corpus / "depot.txt").write_text(SECOND, encoding="utf-8")
    db = tmp_path / "s.db"
    monkeypatch.setenv("CORROBORATOR_MAX_ARTICLE_SECONDS", "0.000001")
    tight = run_cli("build", str(corpus), "--db", str(db), "--no-link")
    assert tight.exit_code == 1, tight.output
    lines = [line for line in tight.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 2, tight.stderr  # one line per file, and the second file was tried
    for name in ("pier.txt", "depot.txt"):
        assert sum(name in line and "budget per article" in line for line in lines) == 1
    store = SQLiteStore(str(db))
    assert store.counts()["analyses"] == 0
    store.close()

    monkeypatch.delenv("CORROBORATOR_MAX_ARTICLE_SECONDS")
    again = run_cli("build", str(corpus), "--db", str(db), "--no-link")
    assert again.exit_code == 0, again.output  # refused files are tried again
    store = SQLiteStore(str(db))
    assert store.counts()["analyses"] == 2
    store.close()
