"""Article search at scale: the full-text index against the scan it replaced, same process.

Writes --articles synthetic articles (the hostile-input generator's plain prose, ~5,000
characters each) into a new store, then times ``search_articles`` for a set of needles (a
name, a place, a common word, a phrase, a Cyrillic word, a two-letter needle that falls back to
the scan) against the former scan query over the same rows. Reports p50 and p95 in ms.

    .venv/bin/python bench/search.py [--articles 2000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from corroborator.evaluate.hostile import _prose
from corroborator.model import Article
from corroborator.store import SQLiteStore

NEEDLES = ("Amara Velt", "kestrel bay", "budget", "the council agreed", "Москва", "xx")
SCAN = (
    "SELECT id, (length(hay) - length(replace(hay, ?1, ''))) / length(?1) AS hits "
    "FROM (SELECT id, casefold(COALESCE(title, '') || ' ' || text) AS hay "
    "FROM articles) WHERE instr(hay, ?1) > 0 ORDER BY hits DESC, id LIMIT ?2"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(3)
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(str(Path(tmp) / "search.db"))
        with store.transaction():
            for i in range(args.articles):
                text = _prose(rng, 40) + (" Встреча прошла в Москве." if i % 50 == 0 else "")
                store.put_article(Article(id=f"art_{i:06d}", text=text, source_path=f"{i}.txt"))
        timings: dict[str, list[float]] = {"index": [], "scan": []}
        for _ in range(args.repeat):
            for needle in NEEDLES:
                t = time.perf_counter()
                store.search_articles(needle, 50)
                timings["index"].append((time.perf_counter() - t) * 1000)
                t = time.perf_counter()
                store._db.execute(SCAN, (needle.casefold(), 50)).fetchall()
                timings["scan"].append((time.perf_counter() - t) * 1000)
        store.close()
    print(f"{args.articles} articles, {len(NEEDLES)} needles x {args.repeat}")
    for name, values in timings.items():
        values.sort()
        p95 = values[int(0.95 * (len(values) - 1))]
        print(f"{name:6s} p50 {statistics.median(values):8.2f} ms   p95 {p95:8.2f} ms")


if __name__ == "__main__":
    main()
