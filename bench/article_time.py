"""The slowest articles to analyse: what calibrates ``max_article_seconds``.

Reads every file of the given folders as ``build`` does, analyses the articles one at a time
(parse and every stage, no budget, no vectors) and prints, per folder, the article count, the
median and the slowest articles with their size. With ``--hostile N`` it adds a folder of N
generated hostile inputs (corroborator.evaluate.hostile, seed 7, --scale).

    .venv/bin/python bench/article_time.py FOLDER... [--hostile 300] [--scale 200] [--top 3]

The default folders are the news-dev development clusters and their distractors (the held-out
clusters are left out) and the seeds, beside the repository.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from corroborator.analyze import analyze_articles
from corroborator.analyze.nlp import load_model
from corroborator.config import Settings
from corroborator.errors import InputError
from corroborator.evaluate.hostile import write_batch
from corroborator.ingest import discover, read_articles

SHARED = Path(__file__).resolve().parents[2] / "shared"
HELD_OUT = ("modi2024", "mongolia2024")


def default_folders() -> list[Path]:
    texts = SHARED / "datasets" / "news-dev" / "texts"
    dev = sorted(
        p for p in texts.iterdir() if p.is_dir() and not any(h in p.name for h in HELD_OUT)
    )
    return [*dev, SHARED / "seeds"]


def timings(folder: Path, settings: Settings) -> list[tuple[float, int, str]]:
    """(seconds, characters, file) of each article of ``folder``, analysed alone."""
    out = []
    for path in discover([folder]):
        if isinstance(path, InputError):
            continue
        for art in read_articles(path, settings):
            if isinstance(art, InputError):
                continue
            started = time.perf_counter()
            list(analyze_articles([art], model=settings.spacy_model, batch_size=1, vectors=False))
            out.append((time.perf_counter() - started, len(art.text), path.name))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--hostile", type=int, default=0, help="generated hostile inputs")
    parser.add_argument("--scale", type=int, default=200)
    parser.add_argument("--top", type=int, default=3)
    args = parser.parse_args()
    settings = Settings()
    load_model(settings.spacy_model)
    groups = {f.name: f for f in (args.folders or default_folders())}
    with tempfile.TemporaryDirectory() as tmp:
        if args.hostile:
            folder = Path(tmp) / "hostile"
            write_batch(folder, 7, args.hostile, scale=args.scale)
            groups["hostile"] = folder
        slowest: list[tuple[float, int, str, str]] = []
        for name, folder in groups.items():
            found = timings(folder, settings)
            if not found:
                continue
            found.sort(reverse=True)
            median = statistics.median(t for t, _, _ in found)
            top = ", ".join(f"{f} {t:.2f} s ({n:,} chars)" for t, n, f in found[: args.top])
            print(f"{name}: {len(found)} articles, median {median:.2f} s; slowest: {top}")
            slowest += [(t, n, f, name) for t, n, f in found[:1]]
    worst = max(slowest)
    print(f"slowest of all: {worst[3]}/{worst[2]} {worst[0]:.2f} s ({worst[1]:,} chars)")


if __name__ == "__main__":
    main()
