"""Throughput of the whole `build` against bare spaCy `nlp.pipe` on the same texts.

The seeds (../shared/seeds) are replicated, each copy made unique by a trailing line so that
content hashing does not collapse them, until the corpus reaches --words words. Both runs use the
same process and the same already-loaded model; the ratio build/baseline is the cost of
everything around the model: reading, decoding, metadata, language id, dates, entities,
events, claims, storing. Linking (embeddings, stories, timelines, claims) is timed apart.

    .venv/bin/python bench/throughput.py [--words 200000] [--batch-size 32]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--batch-size", type=int, default=Settings.batch_size)
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

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        texts = make_corpus(corpus, args.words)
        words = sum(len(t.split()) for t in texts)

        t0 = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=args.batch_size):
            pass
        base_s = time.perf_counter() - t0

        store = SQLiteStore(str(Path(tmp) / "bench.db"))
        t0 = time.perf_counter()
        report = build([corpus], store, settings.replace(db=str(Path(tmp) / "bench.db")))
        build_s = time.perf_counter() - t0
        assert report.ok and report.articles_analysed == len(texts), report

        t0 = time.perf_counter()
        linked = link(store)
        link_s = time.perf_counter() - t0

        t0 = time.perf_counter()
        rerun = build([corpus], store, settings)
        rerun_s = time.perf_counter() - t0
        assert rerun.articles_analysed == 0
        store.close()

    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n = len(texts)
    print(f"corpus: {n} articles, {words:,} words (seeds replicated); batch size {args.batch_size}")
    print(f"model + language detector load: {load_s:.1f} s (outside both timings)")
    print(f"{'run':<22}{'seconds':>9}{'articles/s':>12}{'words/s':>10}")
    print(f"{'nlp.pipe (baseline)':<22}{base_s:>9.1f}{n / base_s:>12.1f}{words / base_s:>10,.0f}")
    print(f"{'corroborator build':<22}{build_s:>9.1f}{n / build_s:>12.1f}{words / build_s:>10,.0f}")
    print(f"{'link (all stories)':<22}{link_s:>9.1f}   ({linked.stories} stories)")
    print(f"{'re-run (no changes)':<22}{rerun_s:>9.2f}")
    print(f"ratio build / baseline: {build_s / base_s:.2f}x; peak RSS {rss_mb:,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
