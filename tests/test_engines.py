"""Engines: analysis in this process, in a process pool and on a Dask cluster gives the same
stored analyses and byte-identical dossiers; the store is written by the building process only;
a worker that dies costs no article.

The pool and the real-process Dask cluster start fresh processes that load their own models
(several seconds each on 2 cores), so each corpus is built once per engine in a module fixture.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psutil
import pytest

from corroborator.analyze import ADAPTERS
from corroborator.analyze.languages import LanguageAdapter
from corroborator.config import Settings
from corroborator.engine import build
from corroborator.engine.link import link
from corroborator.engine.workers import InProcess, ProcessPool, groups, open_engine
from corroborator.errors import AnalysisFailed, EngineError, ModelError
from corroborator.model import Article
from corroborator.report import build_dossier
from corroborator.store import SQLiteStore

from .conftest import EXAMPLES, REPO, SEEDS

# Small groups, so that a dozen articles make several groups and two workers run side by side.
GROUP = 3


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example corpus and three of the seeds (English and Russian, several formats)."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent (it sits beside the repository in CI)")
    root = tmp_path_factory.mktemp("engines") / "in"
    shutil.copytree(EXAMPLES, root)
    for path in sorted(SEEDS.glob("*.txt"))[:3]:
        shutil.copy(path, root / f"seed-{path.name}")
    return root


def _build(
    corpus: Path, db: Path, progress: Any = None, **changes: Any
) -> tuple[str, dict[str, Any], Any]:
    """(dossier JSON, analyses by article id, build report) of ``corpus`` built with
    ``changes`` to the default settings, then linked."""
    settings = Settings(db=str(db)).replace(**changes)
    store = SQLiteStore(settings.db)
    try:
        report = build([corpus], store, settings, progress)
        link(store)
        dossier = json.dumps(build_dossier(store), ensure_ascii=False, sort_keys=True)
        analyses = {a.id: store.get_analysis(a.id) for a in store.iter_articles()}
    finally:
        store.close()
    return dossier, analyses, report


@pytest.fixture(scope="module")
def in_process(
    corpus: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, dict[str, Any]]:
    dossier, analyses, report = _build(corpus, tmp_path_factory.mktemp("one") / "s.db")
    assert report.ok, report.errors
    assert report.articles_analysed == len(analyses) >= 12
    return dossier, analyses


def test_a_pool_gives_the_in_process_dossier(
    corpus: Path, in_process: tuple[str, dict[str, Any]], tmp_path: Path
) -> None:
    """Two workers, small groups (so the groups differ from the in-process ones too): the
    same analyses, byte for byte, and the same dossier."""
    dossier, analyses, report = _build(corpus, tmp_path / "s.db", workers=2, batch_size=GROUP)
    assert report.ok, report.errors
    assert analyses == in_process[1]
    assert dossier == in_process[0]


def test_dask_on_an_in_process_cluster_gives_the_same_dossier(
    corpus: Path, in_process: tuple[str, dict[str, Any]], tmp_path: Path
) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        dossier, analyses, report = _build(
            corpus, tmp_path / "s.db", engine="dask", scheduler=cluster.scheduler_address,
            batch_size=GROUP,
        )  # fmt: skip
    assert report.ok, report.errors
    assert analyses == in_process[1]
    assert dossier == in_process[0]


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "corroborator.cli", *args],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip


@pytest.mark.slow
def test_the_cli_on_a_local_dask_cluster_of_processes(tmp_path: Path) -> None:
    """``build --engine dask`` without a scheduler starts a LocalCluster of real processes
    from the CLI (its entry point guards the start) and writes what the in-process build does."""
    outs = {}
    for name, extra in (("one", []), ("dask", ["--engine", "dask", "--workers", "2"])):
        db = str(tmp_path / f"{name}.db")
        built = _cli("build", str(EXAMPLES), "--db", db, "-q", "--batch-size", "3", *extra,
                     cwd=tmp_path)  # fmt: skip
        assert built.returncode == 0, built.stderr
        assert built.stderr == "", built.stderr  # the cluster's own logging stays quiet
        outs[name] = _cli("report", "--db", db, "--format", "json", cwd=tmp_path).stdout
    assert outs["dask"] == outs["one"] and json.loads(outs["one"])["stories"]


def _articles(n: int) -> list[Article]:
    return [Article(id=f"a{i}", text=f"Text {i}.", source_path=f"{i}.txt") for i in range(n)]


def test_every_engine_cuts_the_same_groups() -> None:
    assert [len(g) for g in groups(_articles(7), 3)] == [3, 3, 1]
    assert [a.id for g in groups(_articles(7), 3) for a in g] == [f"a{i}" for i in range(7)]
    assert list(groups([], 3)) == []


def test_engine_choice(tmp_path: Path) -> None:
    assert isinstance(open_engine(Settings()), InProcess)
    pool = open_engine(Settings(workers=2))
    assert isinstance(pool, ProcessPool)
    pool.close()
    with pytest.raises(EngineError, match="unknown engine"):
        open_engine(Settings(engine="spark"))


def test_an_unreachable_scheduler_is_one_error_line(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    with pytest.raises(EngineError, match="cannot reach the Dask scheduler"):
        open_engine(Settings(engine="dask", scheduler="tcp://127.0.0.1:9"))


def _kill_a_worker_once() -> Iterator[None]:
    """Kills one of this process's pool workers the first time it is called."""
    workers = [
        p for p in psutil.Process().children()
        if any("spawn_main" in part for part in p.cmdline())
        and not any("resource_tracker" in part for part in p.cmdline())
    ]  # fmt: skip
    assert workers
    os.kill(workers[0].pid, signal.SIGKILL)
    yield


def test_a_worker_that_dies_costs_no_article(
    corpus: Path, in_process: tuple[str, dict[str, Any]], tmp_path: Path
) -> None:
    """A worker killed mid-build (as the OS kills one out of memory): the groups in flight are
    analysed again, one article at a time, in a new pool; nothing is lost or reported."""
    killed: list[Iterator[None]] = []

    def on_event(event: str, detail: object) -> None:
        if event == "article" and not killed:
            killed.append(_kill_a_worker_once())
            next(killed[0])

    dossier, analyses, report = _build(
        corpus, tmp_path / "s.db", on_event, workers=2, batch_size=GROUP
    )
    assert killed and report.ok, report.errors
    assert analyses == in_process[1]
    assert dossier == in_process[0]


def test_errors_travel_between_processes_whole() -> None:
    """A worker sends an article's failure back pickled; a missing model is raised from it."""
    failed = pickle.loads(pickle.dumps(AnalysisFailed("a.txt", "could not be analysed (x)")))
    assert (type(failed), failed.path, failed.problem) == (
        AnalysisFailed,
        "a.txt",
        "could not be analysed (x)",
    )
    assert str(failed) == "a.txt: could not be analysed (x)" and failed.code == "E108"
    model = pickle.loads(pickle.dumps(ModelError("no model", hint="run `make install`")))
    assert str(model) == "no model (run `make install`)"


@pytest.fixture
def failing_language() -> Iterator[str]:
    """A language pack whose parser fails on every text, registered as users register theirs
    (in this process: the in-process Dask cluster's workers see it)."""

    def parse(text: str) -> object:
        raise RuntimeError("parser gave up on this text")

    ADAPTERS["zz"] = LanguageAdapter("zz", parse=parse, mentions=lambda doc, article_id: [])
    yield "zz"
    del ADAPTERS["zz"]


def test_an_article_failing_on_a_worker_gets_its_one_line(
    tmp_path: Path, failing_language: str
) -> None:
    distributed = pytest.importorskip("distributed")
    corpus = tmp_path / "in"
    corpus.mkdir()
    good = "The harbour board opened a new ferry pier in Aldmouth on Monday, its chair said."
    (corpus / "odd.jsonl").write_text(
        json.dumps({"text": good.replace("ferry", "canal"), "language": failing_language})
        + "\n"
        + json.dumps({"text": good})
        + "\n"
    )
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        settings = Settings(
            db=str(tmp_path / "s.db"), engine="dask", scheduler=cluster.scheduler_address
        )
        store = SQLiteStore(settings.db)
        report = build([corpus], store, settings)
        stored = store.counts()["articles"]
        store.close()
    assert [type(e) for e in report.errors] == [AnalysisFailed]
    assert "odd.jsonl" in str(report.errors[0]) and "parser gave up" in str(report.errors[0])
    assert report.articles_analysed == 1 and stored == 1  # the failing one is left out
