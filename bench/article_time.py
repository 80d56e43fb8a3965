"""The slowest articles to analyse: what calibrates ``max_article_seconds``.

Reads every file of the given folders as ``build`` does, analyses the articles one at a time
(parse and every stage, no budget, no vectors) and prints, per folder, the article count, the
median and the slowest articles with their size, in CPU seconds of the analysing thread (what
the budget counts) and in wall seconds. Models and packs are loaded before the timings. With
``--hostile N`` it adds a folder of N generated hostile inputs (corroborator.evaluate.hostile,
seed 7, --scale).

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
from corroborator.model import Article

SHARED = Path(__file__).resolve().parents[2] / "shared"
HELD_OUT = ("modi2024", "mongolia2024")


def default_folders() -> list[Path]:
    texts = SHARED / "datasets" / "news-dev" / "texts"
    dev = sorted(
        p for p in texts.iterdir() if p.is_dir() and not any(h in p.name for h in HELD_OUT)
    )
    return [*dev, SHARED / "seeds"]


def timings(folder: Path, settings: Settings) -> list[tuple[float, float, int, str]]:
    """(CPU seconds, wall seconds, characters, file) of each article of ``folder``, alone."""
    out = []
    for path in discover([folder]):
        if isinstance(path, InputError):
            continue
        try:
            found = [a for a in read_articles(path, settings) if not isinstance(a, InputError)]
        except Exception:  # refused as a whole (the build's one line): nothing to analyse
            continue
        for art in found:
            cpu, wall = time.thread_time(), time.perf_counter()
            list(analyze_articles([art], model=settings.spacy_model, batch_size=1, vectors=False))
            cpu, wall = time.thread_time() - cpu, time.perf_counter() - wall
            out.append((cpu, wall, len(art.text), path.name))
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
    warm = [
        Article("art_warm_en", "Talks in Port Alder ended on Tuesday, the mayor said.", "en"),
        Article("art_warm_ru", "Переговоры в Москве завершились во вторник.", "ru", language="ru"),
    ]
    list(analyze_articles(warm, model=settings.spacy_model, vectors=False))  # lazy loads
    groups = {f.name: f for f in (args.folders or default_folders())}
    with tempfile.TemporaryDirectory() as tmp:
        if args.hostile:
            folder = Path(tmp) / "hostile"
            write_batch(folder, 7, args.hostile, scale=args.scale)
            groups["hostile"] = folder
        slowest: list[tuple[float, float, int, str, str]] = []
        for name, folder in groups.items():
            found = timings(folder, settings)
            if not found:
                continue
            found.sort(reverse=True)
            median = statistics.median(t for t, _, _, _ in found)
            top = ", ".join(
                f"{f} {t:.2f} s CPU / {w:.2f} s wall ({n:,} chars)"
                for t, w, n, f in found[: args.top]
            )
            print(f"{name}: {len(found)} articles, median {median:.2f} s CPU; slowest: {top}")
            slowest += [(t, w, n, f, name) for t, w, n, f in found[:1]]
    t, w, n, f, name = max(slowest)
    print(f"slowest of all: {name}/{f} {t:.2f} s CPU, {w:.2f} s wall ({n:,} chars)")


if __name__ == "__main__":
    main()
