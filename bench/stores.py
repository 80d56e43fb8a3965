"""The same work on an SQLite store and a PostgreSQL store, in one process.

1. **build**: ``build`` then ``link`` then the JSON dossier of one corpus (default: news-dev's
   development clusters and their distractors; the held-out ones are left out), on a new store
   of each kind, after the models are loaded and an untimed build of the same corpus; ``--rounds``
   times each, alternating which backend goes first, the fastest shown; every dossier must be
   identical.
2. **store only**: ``--synthetic`` articles with analyses made in code (no model): writing them
   (one transaction per article, as ``build`` commits), reading every analysis back, and
   ``search_articles`` (median of the needles, ``--repeat`` times each).

Wall seconds. The PostgreSQL server's own CPU is not in this process's: wall time is the
measure. Without ``--pg URL`` a throwaway server is started on loopback (as the tests do, with
``fsync`` off, so its writes are not durable: a real server's commits cost more).

    .venv/bin/python bench/stores.py [--corpus DIR ...] [--synthetic 2000] [--pg URL]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEWS_DEV = ROOT.parent / "shared" / "datasets" / "news-dev" / "texts"
HELD_OUT = ("modi2024", "mongolia2024")
NEEDLES = ("Amara Velt", "kestrel bay", "budget", "the council agreed", "Москва", "xx")


def default_corpus() -> list[Path]:
    if not NEWS_DEV.is_dir():
        return [ROOT / "examples" / "bishkek-2025"]
    return sorted(p for p in NEWS_DEV.iterdir() if p.is_dir() and not p.name.endswith(HELD_OUT))


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def run_build(location: str, corpus: list[Path]) -> dict[str, object]:
    from corroborator.config import Settings
    from corroborator.engine import build
    from corroborator.engine.link import link
    from corroborator.report.dossier import build_dossier
    from corroborator.store import open_store

    store = open_store(location)
    settings = Settings(db=location)
    build_s, report = timed(lambda: build(corpus, store, settings))
    link_s, _ = timed(lambda: link(store))
    dossier_s, dossier = timed(
        lambda: json.dumps(build_dossier(store), sort_keys=True, ensure_ascii=False)
    )
    articles = store.counts()["articles"]
    store.close()
    return {
        "articles": articles,
        "build_s": round(build_s, 2),
        "link_s": round(link_s, 2),
        "dossier_s": round(dossier_s, 2),
        "dossier": dossier,
        "ok": getattr(report, "ok", None),
    }


def run_store_only(location: str, n: int, repeat: int) -> dict[str, float]:
    from corroborator.evaluate.hostile import _prose
    from corroborator.model import Article, ArticleAnalysis, Mention, Sentence
    from corroborator.store import open_store

    rng = random.Random(3)
    store = open_store(location)
    rows = []
    for i in range(n):
        text = _prose(rng, 40) + (" Москва." if i % 7 == 0 else "")
        a = Article(Article.make_id(text, None, None), text, f"s/{i:05d}.txt", title=f"Item {i}")
        mentions = tuple(
            Mention(a.id, k * 10, k * 10 + 5, "PERSON", f"Name {k % 13}", f"Name {k % 13}")
            for k in range(20)
        )
        sentences = tuple(Sentence(k, k * 100, k * 100 + 99) for k in range(30))
        rows.append((a, ArticleAnalysis(a.id, "m", "1", sentences, mentions)))

    def write() -> None:
        for a, analysis in rows:
            with store.transaction():
                store.put_article(a)
                store.put_analysis(analysis)

    def read() -> None:
        for a, _ in rows:
            store.get_analysis(a.id)

    write_s, _ = timed(write)
    read_s, _ = timed(read)
    search = []
    for needle in NEEDLES:
        for _ in range(repeat):
            search.append(timed(lambda n=needle: store.search_articles(n, 20))[0])
    store.close()
    return {
        "write_s": round(write_s, 2),
        "write_ms_per_article": round(1000 * write_s / n, 2),
        "read_s": round(read_s, 2),
        "search_p50_ms": round(1000 * statistics.median(search), 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", nargs="*", type=Path, default=None)
    parser.add_argument("--synthetic", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--pg", help="a postgresql:// URL to an empty database (one round; no store-only run on it)"
    )
    parser.add_argument("--skip-build", action="store_true", help="the store-only part alone")
    parser.add_argument(
        "--rounds", type=int, default=2, help="builds per backend (the fastest is shown)"
    )
    args = parser.parse_args()
    corpus = args.corpus or default_corpus()
    if args.pg is not None:
        args.rounds = 1  # one database: one fresh build

    server = None
    if args.pg is None:
        sys.path.insert(0, str(ROOT))
        from tests.postgres_server import PostgresServer

        server = PostgresServer()
        pg_build, pg_store = "", server.create_database()
    else:
        pg_build = pg_store = args.pg
    try:
        with tempfile.TemporaryDirectory() as tmp:
            results: dict[str, dict[str, object]] = {}
            if not args.skip_build:
                from corroborator.analyze.embeddings import embed
                from corroborator.analyze.nlp import load_model
                from corroborator.config import Settings
                from corroborator.ingest.language import detect_language

                settings = Settings()
                load_model(settings.spacy_model)
                detect_language("warm up the language detector", settings.languages)
                embed(["warm up the sentence embedder"])
                # and everything loaded on first use (the Russian pipeline, packs, encoders,
                # the linker's models: 25 s of the first link on news-dev): one untimed build
                run_build(str(Path(tmp) / "warm.db"), corpus)
                dossiers = set()
                for round_ in range(args.rounds):  # alternating which backend goes first
                    order = ["sqlite", "postgres"][:: 1 if round_ % 2 == 0 else -1]
                    for name in order:
                        if name == "sqlite":
                            location = str(Path(tmp) / f"b{round_}.db")
                        else:
                            location = pg_build if args.pg else server.create_database()  # type: ignore[union-attr]
                        row = run_build(location, corpus)
                        dossiers.add(row.pop("dossier"))
                        best = results.setdefault(name, row)
                        for key in ("build_s", "link_s", "dossier_s"):
                            best[key] = min(best[key], row[key])  # type: ignore[type-var]
                same = len(dossiers) == 1
                print(f"build of {', '.join(p.name for p in corpus)}, best of {args.rounds}")
                for name, row in results.items():
                    print(f"  {name:9} {json.dumps(row)}")
                print(f"  dossiers identical: {same}")
                if not same:
                    return 1
            print(f"store only, {args.synthetic} synthetic articles")
            if args.pg is not None and not args.skip_build:
                print("  (skipped on postgres: --pg gives one database, used by the build)")
                targets = (("sqlite", str(Path(tmp) / "s.db")),)
            else:
                targets = (("sqlite", str(Path(tmp) / "s.db")), ("postgres", pg_store))
            for name, location in targets:
                row = run_store_only(location, args.synthetic, args.repeat)
                print(f"  {name:9} {json.dumps(row)}")
    finally:
        if server is not None:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
