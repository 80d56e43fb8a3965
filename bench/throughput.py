"""Throughput of the whole `build` against bare spaCy `nlp.pipe` on the same texts, in CPU time,
with 1 worker (in process) and with a pool of 2.

The seeds (../shared/seeds) are replicated, each copy made unique by a trailing line so that
content hashing does not collapse them, until the corpus reaches --words words. Each run is
repeated --repeat times and the median is reported, since one run on a shared machine swings.

* ``nlp.pipe``: the baseline, the model alone, already loaded.
* ``build, 1 worker``: read, decode, metadata, language, the same model, then dates, entities,
  events, claims and the article embeddings (MiniLM), and the SQLite writes, in this process
  with the models loaded and used once on two articles. build/baseline in CPU time (this
  process and its children, ``resource.getrusage``) is the cost of everything around the model.
* ``build, 2 workers``: the same build with ``--workers 2``. The pool's processes load their
  models on their first group; that start (timed alone on a two-article build) is reported and
  taken out of the speed-up, which is in wall time: 2 workers are about wall clock on 2 cores.

Linking and a re-run with nothing new are timed once, after the first 1-worker build.

    .venv/bin/python bench/throughput.py [--words 200000] [--batch-size 32] [--repeat 3]
                                         [--no-pool]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from corroborator.analyze.embeddings import embed
from corroborator.analyze.nlp import load_model
from corroborator.config import Settings
from corroborator.engine import build
from corroborator.engine.link import link
from corroborator.ingest.language import detect_language
from corroborator.store import SQLiteStore

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def make_corpus(folder: Path, words: int) -> list[str]:
    """Write replicated seeds to ``folder`` until ``words`` words; return the texts."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts: list[str] = []
    total, i = 0, 0
    while total < words:
        text = f"{seeds[i % len(seeds)]}\nReplica {i}.\n"
        (folder / f"{i:05d}.txt").write_text(text, encoding="utf-8")
        texts.append(text.strip("\n"))
        total += len(text.split())
        i += 1
    return texts


def cpu_seconds() -> float:
    """User + system CPU of this process and of its children that have ended."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def timed(step: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of ``step()``."""
    wall, cpu = time.perf_counter(), cpu_seconds()
    step()
    return time.perf_counter() - wall, cpu_seconds() - cpu


def fresh_build(corpus: Path, folder: Path, settings: Settings, expect: int) -> None:
    """A build of ``corpus`` into a new store under ``folder``."""
    db = folder / f"run-{time.monotonic_ns()}.db"
    store = SQLiteStore(str(db))
    report = build([corpus], store, settings.replace(db=str(db)))
    store.close()
    assert report.ok and report.articles_analysed == expect, report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--batch-size", type=int, default=Settings.batch_size)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--no-pool", action="store_true", help="time nlp.pipe and the 1-worker build only"
    )
    args = parser.parse_args()
    if not SEEDS.is_dir():
        print(f"skipped: {SEEDS} is absent", file=sys.stderr)
        return 0

    settings = Settings(batch_size=args.batch_size)
    t0 = time.perf_counter()
    nlp = load_model(settings.spacy_model)
    detect_language("warm up the language detector with a sentence", settings.languages)
    embed(["warm up the sentence embedder"])  # the build embeds each article (its analysis)
    load_s = time.perf_counter() - t0

    runs: dict[str, list[tuple[float, float]]] = {"pipe": [], "one": [], "two": []}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = folder / "corpus"
        corpus.mkdir()
        texts = make_corpus(corpus, args.words)
        words = sum(len(t.split()) for t in texts)
        n = len(texts)
        tiny = folder / "tiny"
        tiny.mkdir()
        for i, text in enumerate(texts[:2]):
            (tiny / f"{i}.txt").write_text(text, encoding="utf-8")

        def pipe() -> None:
            for _ in nlp.pipe(texts, batch_size=args.batch_size):
                pass

        # first use of the rule packs, gazetteers and date parsers, outside the timings
        fresh_build(tiny, folder, settings, 2)
        pool = settings.replace(workers=2)
        start_s = (0.0, 0.0)
        if not args.no_pool:
            start_s = timed(lambda: fresh_build(tiny, folder, pool.replace(batch_size=1), 2))
        for _ in range(args.repeat):
            runs["pipe"].append(timed(pipe))
            runs["one"].append(timed(lambda: fresh_build(corpus, folder, settings, n)))
            if not args.no_pool:
                runs["two"].append(timed(lambda: fresh_build(corpus, folder, pool, n)))

        store = SQLiteStore(str(folder / "linked.db"))
        build([corpus], store, settings.replace(db=str(folder / "linked.db")))
        link_s = timed(lambda: link(store))[0]
        rerun_s = timed(lambda: build([corpus], store, settings))[0]
        store.close()

    def median(name: str, k: int) -> float:
        return statistics.median(r[k] for r in runs[name])

    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus: {n} articles, {words:,} words (seeds replicated); batch size {args.batch_size}")
    print(f"runs: {args.repeat}, medians; load average before: {os.getloadavg()[0]:.2f}")
    print(f"model + detector + embedder load: {load_s:.1f} s (outside the timings)")
    print(f"{'run':<24}{'wall s':>8}{'CPU s':>8}{'articles/s':>12}{'words/s (CPU)':>15}")
    labels = {"pipe": "nlp.pipe", "one": "build, 1 worker", "two": "build, 2 workers"}
    for name, label in labels.items():
        if not runs[name]:
            continue
        wall, cpu = median(name, 0), median(name, 1)
        print(f"{label:<24}{wall:>8.1f}{cpu:>8.1f}{n / wall:>12.1f}{words / cpu:>15,.0f}")
        print("  each run (wall/CPU): " + ", ".join(f"{w:.1f}/{c:.1f}" for w, c in runs[name]))
    print(f"link (all stories): {link_s:.1f} s; re-run with nothing new: {rerun_s:.2f} s")
    ratio = median("one", 1) / median("pipe", 1)
    print(f"build (1 worker) / nlp.pipe, CPU: {ratio:.2f}x (target <= 1.4x)")
    if runs["two"]:
        one, two = median("one", 0), median("two", 0)
        print(f"2-worker pool start (two one-article groups): {start_s[0]:.1f} s wall")
        print(
            f"2 workers / 1 worker, wall: {one / two:.2f}x; without the pool's start "
            f"{one / max(two - start_s[0], 1e-9):.2f}x (target >= 1.7x)"
        )
    print(f"peak RSS of this process {rss_mb:,.0f} MB; load after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
