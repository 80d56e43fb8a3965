"""Linking at scale: time and peak memory of linking synthetic stores of 1k, 10k (100k) articles.

The articles and their analyses are made in code (no model runs): stories of realistic sizes
(most of 1–10 articles, a few of hundreds), grouped in topics; each article has a title and a
text of made-up words (topic, story and common vocabulary), an outlet, a publication date,
people, places and organisations as resolved mentions, dated event mentions, a figure or two,
and a stored embedding (a shared "news" direction, its topic's, its story's and its own noise:
unrelated pairs score about 0.25, one topic's about 0.45, one story's about 0.75, as MiniLM
scores real news). They are written to a SQLite store, and then, each in a fresh process:

* **scratch**: ``link(store)`` on the unlinked store (the whole store: faiss blocks, every
  block's stories, the linking index written);
* **add one**: one more article stored with its analysis and vector, then ``link(store, [id])``
  (what ``build`` and uploads do: the article is placed through the linking index and only the
  stories it touches are rebuilt), and ``link(store)`` (the periodic run over the whole
  store) on a copy of the same store.

* **report**: ``corroborator report --format json -o FILE`` on the store linked from scratch
  (the CLI in its own process: what a user runs), its wall and CPU seconds, peak resident memory
  and output size; ``--report-only`` measures just that on the linked stores ``--keep`` kept.

Each run reports wall and CPU seconds of the ``link`` call and the process's peak resident
memory (with the interpreter, the sentence encoder and the data packs, loaded first as after
analysis: ``baseline`` is that peak before linking starts). A run that passes ``--timeout``
seconds or ``--memory-gb`` of address space is stopped and reported so.

    .venv/bin/python bench/scale.py                   # 1k and 10k
    .venv/bin/python bench/scale.py --sizes 1000 10000 100000 --timeout 1800
    .venv/bin/python bench/scale.py --keep /tmp/scale --report-only   # the JSON report again
    .venv/bin/python bench/scale.py --blocks-only --sizes 10000 100000  # block cutting alone
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DIM = 384
# Shares of the squared norm of an embedding (see the module docstring): the cosine of two
# articles is the sum of the shares they have in common, give or take ~0.05 of noise.
SHARE_NEWS, SHARE_TOPIC, SHARE_STORY, SHARE_OWN = 0.25, 0.20, 0.30, 0.25
SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "zu", "be", "do", "fa", "ge", "pi"]
EVENT_TYPES = ["meeting", "talks", "visit", "summit", "signing", "attack", "earthquake",
               "election", "protest", "fire", "arrest", "trial"]  # fmt: skip


def _word(rng: np.random.Generator, syllables: int = 3) -> str:
    return "".join(rng.choice(SYLLABLES, syllables))


def _unit(rng: np.random.Generator) -> np.ndarray:
    v = rng.standard_normal(DIM)
    return v / np.linalg.norm(v)


def story_sizes(n: int, rng: np.random.Generator) -> list[int]:
    """Story sizes summing to ``n``: about 3% of the articles in a few stories of 100–500,
    the rest in stories of 1–10 (geometric: most of one to three)."""
    sizes: list[int] = []
    big = max(1, round(n * 0.03 / 200)) if n >= 500 else 0
    for _ in range(big):
        sizes.append(int(rng.integers(100, 500 if n >= 10_000 else 200)))
    while sum(sizes) < n:
        sizes.append(int(min(10, rng.geometric(0.35))))
    sizes[-1] -= sum(sizes) - n
    return [s for s in sizes if s > 0]


class World:
    """The shared vocabulary, people, places and outlets of one synthetic corpus."""

    def __init__(self, rng: np.random.Generator, n: int) -> None:
        from corroborator.analyze.gazetteer import load_gazetteer

        self.rng = rng
        self.news = _unit(rng)
        self.common = [_word(rng, 2) for _ in range(400)]
        self.countries = sorted(load_gazetteer().country_names.values())
        self.outlets = [f"The {_word(rng, 2).capitalize()} Post" for _ in range(60)]
        self.topics: list[dict[str, object]] = []
        for _ in range(max(5, n // 60)):
            self.topics.append({
                "vector": _unit(rng),
                "words": [_word(rng) for _ in range(40)],
                "people": [f"{_word(rng, 2).capitalize()} {_word(rng, 3).capitalize()}"
                           for _ in range(12)],
                "places": list(rng.choice(self.countries, 4, replace=False)),
                "type": str(rng.choice(EVENT_TYPES)),
            })  # fmt: skip


def _text(
    rng: np.random.Generator,
    world: World,
    topic: dict[str, object],
    words: list[str],
    people: list[str],
    place: str,
) -> tuple[str, list[tuple[int, int, str, str]]]:
    """Eight sentences of common, topic and story words, most naming a person and the place;
    with the spans of those names."""
    parts: list[str] = []
    spans: list[tuple[int, int, str, str]] = []
    pos = 0
    for _sentence in range(8):
        bag = [*rng.choice(world.common, 6), *rng.choice(topic["words"], 3),  # type: ignore[arg-type]
               *rng.choice(words, 3)]  # fmt: skip
        pieces = [(" ".join(rng.permutation(bag)).capitalize() + " ", None)]
        if rng.random() < 0.6:
            pieces += [(str(rng.choice(people)), "PERSON"), (" said in ", None), (place, "GPE"),
                       (". ", None)]  # fmt: skip
        for piece, label in pieces:
            if label:
                spans.append((pos, pos + len(piece), label, piece))
            parts.append(piece)
            pos += len(piece)
    return "".join(parts).rstrip(), spans


def make_corpus(n: int, seed: int = 1) -> tuple[list[tuple[object, object, bytes]], World]:
    """``n`` articles with analyses and vectors, in stories; a deterministic function of ``n``
    and ``seed``. Returns ``(article, analysis, vector bytes)`` triples."""
    from corroborator.model import Article, ArticleAnalysis, ClaimValue, EventMention, Mention

    rng = np.random.default_rng(seed)
    world = World(rng, n)
    start = date(2024, 1, 1)
    out: list[tuple[object, object, bytes]] = []
    for s, size in enumerate(story_sizes(n, rng)):
        topic = world.topics[int(rng.integers(len(world.topics)))]
        story_vec = _unit(rng)
        day = start + timedelta(days=int(rng.integers(0, 730)))
        people = list(rng.choice(topic["people"], int(rng.integers(1, 4)), replace=False))  # type: ignore[arg-type]
        place = str(rng.choice(topic["places"]))  # type: ignore[arg-type]
        words = [_word(rng) for _ in range(15)]
        figure = float(rng.integers(2, 5000))
        kind = str(topic["type"])
        for k in range(size):
            vec = (
                np.sqrt(SHARE_NEWS) * world.news
                + np.sqrt(SHARE_TOPIC) * topic["vector"]  # type: ignore[operator]
                + np.sqrt(SHARE_STORY) * story_vec
                + np.sqrt(SHARE_OWN) * _unit(rng)
            )
            vec = (vec / np.linalg.norm(vec)).astype(np.float32)
            published = day + timedelta(days=int(rng.integers(0, 4)))
            title = " ".join(rng.choice(words, 4)).capitalize()
            text, spans = _text(rng, world, topic, words, people, place)
            outlet = str(rng.choice(world.outlets))
            aid = Article.make_id(text + f" #{s}.{k}", None, outlet)
            article = Article(
                id=aid,
                text=text,
                source_path=f"synthetic/{s:06d}-{k:03d}.txt",
                title=title,
                outlet=outlet,
                published=published.isoformat(),
                language="en",
            )
            mentions = tuple(
                Mention(aid, a, b, label, t, canonical=t, resolved_by="gazetteer")
                for a, b, label, t in spans
            )
            events = (
                EventMention(
                    aid, 0, 60, text[:60], kind, None, "reported", date=day.isoformat(),
                    place=place, participants=tuple(people[:2]), trigger=kind,
                ),
            )  # fmt: skip
            claims = (
                (ClaimValue(aid, "count", None, None, "numeric", figure, f"{figure:g}",
                            text[:60], 0, 5, measure="count"),)
                if rng.random() < 0.5 else ()
            )  # fmt: skip
            analysis = ArticleAnalysis(
                article_id=aid,
                model="synthetic",
                analyzer_version="synthetic",
                mentions=mentions,
                event_mentions=events,
                claim_values=claims,
            )
            out.append((article, analysis, vec.tobytes()))
    order = rng.permutation(len(out))
    return [out[i] for i in order], world


def make_vectors(n: int, seed: int = 1) -> np.ndarray:
    """Only the embeddings of a corpus of ``n`` articles, made as :func:`make_corpus` makes
    them (the same shares of news, topic, story and own direction; not the same numbers): what
    cutting the blocks reads, in seconds instead of the minutes texts and analyses take."""
    rng = np.random.default_rng(seed)
    news = _unit(rng)
    topics = [_unit(rng) for _ in range(max(5, n // 60))]
    # written in place, in shuffled order: the process's peak is the matrix alone
    out = np.empty((n, DIM), dtype=np.float32)
    where = iter(rng.permutation(n).tolist())
    for size in story_sizes(n, rng):
        topic, story = topics[int(rng.integers(len(topics)))], _unit(rng)
        for _ in range(size):
            vec = (np.sqrt(SHARE_NEWS) * news + np.sqrt(SHARE_TOPIC) * topic
                   + np.sqrt(SHARE_STORY) * story + np.sqrt(SHARE_OWN) * _unit(rng))  # fmt: skip
            out[next(where)] = vec / np.linalg.norm(vec)
    return out


def blocks_child(n: int) -> None:
    """Cut the blocks of ``n`` synthetic vectors in this (fresh) process; print the seconds and
    the peak resident memory over what the vectors alone took, as JSON."""
    import faiss  # noqa: F401  (loaded before the baseline: the search's own memory is counted)

    from corroborator.link.blocks import block_indices

    vectors = make_vectors(n)
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0, c0 = time.perf_counter(), time.process_time()
    found = block_indices(vectors, np.full(n, -1, dtype=np.int64), np.zeros((n, 1), np.float32))
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "cpu": cpu, "peak_mb": peak, "baseline_mb": baseline,
                      "blocks": len(found), "largest": max(map(len, found))}))  # fmt: skip


def write_store(path: Path, items: list[tuple[object, object, bytes]]) -> None:
    from corroborator.engine.link import EMBEDDING_MODEL
    from corroborator.store import SQLiteStore

    store = SQLiteStore(str(path))
    try:
        for start in range(0, len(items), 500):
            with store.transaction():
                chunk = items[start : start + 500]
                for article, analysis, _ in chunk:
                    store.put_article(article)  # type: ignore[arg-type]
                    store.put_analysis(analysis)  # type: ignore[arg-type]
                store.put_vectors(EMBEDDING_MODEL, {a.id: v for a, _, v in chunk})  # type: ignore[attr-defined]
    finally:
        store.close()


def warm(article: object, analysis: object, vec: bytes) -> None:
    """Load what a linking process has loaded after analysis (the sentence encoder, the data
    packs), by linking a store of one article: ``build`` links in the process that analysed,
    and the explorer keeps them between uploads."""
    from corroborator.analyze.embeddings import load_embedder
    from corroborator.engine.link import EMBEDDING_MODEL, link
    from corroborator.store import SQLiteStore

    load_embedder()
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(str(Path(tmp) / "warm.db"))
        with store.transaction():
            store.put_article(article)  # type: ignore[arg-type]
            store.put_analysis(analysis)  # type: ignore[arg-type]
            store.put_vectors(EMBEDDING_MODEL, {article.id: vec})  # type: ignore[attr-defined]
        link(store)
        store.close()


def child(mode: str, store_path: str, extra: str) -> None:
    """Run one measurement in this (fresh) process and print it as JSON."""
    from corroborator.engine.link import EMBEDDING_MODEL, link
    from corroborator.store import SQLiteStore

    article, analysis, vec = pickle.loads(Path(extra).read_bytes())
    warm(article, analysis, vec)
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    store = SQLiteStore(store_path)
    try:
        new_ids: list[str] = []
        if mode != "scratch":
            with store.transaction():
                store.put_article(article)
                store.put_analysis(analysis)
                store.put_vectors(EMBEDDING_MODEL, {article.id: vec})
            new_ids = [article.id] if mode == "add-placed" else []
        t0, c0 = time.perf_counter(), time.process_time()
        report = link(store, new_ids)
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    finally:
        store.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "cpu": cpu, "peak_mb": peak, "baseline_mb": baseline,
                      "stories": report.stories, "rebuilt": report.stories_rebuilt}))  # fmt: skip


def measure(
    mode: str, store: Path, extra: Path, timeout: float, memory_gb: float
) -> dict[str, object]:
    def limit() -> None:
        cap = int(memory_gb * 2**30)
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    cmd = [sys.executable, __file__, "--child", mode, str(store), str(extra)]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                              preexec_fn=limit, cwd=ROOT)  # fmt: skip
    except subprocess.TimeoutExpired:
        return {"stopped": f"over {timeout:.0f} s"}
    if done.returncode != 0:
        tail = done.stderr.strip().splitlines()[-1:] or ["?"]
        if "MemoryError" in done.stderr or "Unable to allocate" in done.stderr:
            return {"stopped": f"over {memory_gb:g} GB ({tail[0][:80]})"}
        return {"stopped": f"failed: {tail[0][:120]}"}
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def measure_report(store: Path, timeout: float, memory_gb: float) -> dict[str, object]:
    """``corroborator report --format json -o FILE`` on ``store`` in a fresh process: wall and
    CPU seconds, peak resident memory (the child's ``ru_maxrss``) and the output's size."""

    def limit() -> None:
        cap = int(memory_gb * 2**30)
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    out = store.with_suffix(".report.json")
    code = (
        "import resource, subprocess, sys, time, json\n"
        "t0 = time.perf_counter()\n"
        "done = subprocess.run([sys.executable, '-m', 'corroborator.cli', 'report', '--db', "
        "sys.argv[1], '--format', 'json', '-o', sys.argv[2]], capture_output=True, text=True)\n"
        "wall = time.perf_counter() - t0\n"
        "use = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(json.dumps({'rc': done.returncode, 'err': done.stderr[-300:], 'seconds': wall, "
        "'cpu': use.ru_utime + use.ru_stime, 'peak_mb': use.ru_maxrss / 1024}))\n"
    )
    cmd = [sys.executable, "-c", code, str(store), str(out)]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                              preexec_fn=limit, cwd=ROOT)  # fmt: skip
    except subprocess.TimeoutExpired:
        return {"stopped": f"over {timeout:.0f} s"}
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    if result.pop("rc") != 0:
        return {"stopped": f"failed: {str(result['err']).strip()[-120:]}"}
    result.pop("err")
    result["output_mb"] = out.stat().st_size / 2**20
    with out.open("rb") as f:
        result["sha256"] = hashlib.file_digest(f, "sha256").hexdigest()
    out.unlink()
    return result


def _cell(r: dict[str, object]) -> str:
    if "stopped" in r:
        return f"stopped: {r['stopped']}"
    return f"{r['seconds']:.2f} s ({r['cpu']:.2f} s CPU), {r['peak_mb']:.0f} MB"


def blocks_main(sizes: list[int], timeout: float) -> int:
    """``--blocks-only``: each size's block cutting in a fresh process, as a table."""
    print("| vectors | cutting the blocks | peak over the vectors | blocks (largest) |")
    print("|---:|---:|---:|---:|")
    for n in sizes:
        cmd = [sys.executable, __file__, "--blocks-child", str(n)]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=ROOT)
        if done.returncode != 0:
            print(f"| {n:,} | failed: {done.stderr.strip().splitlines()[-1:]} | | |")
            continue
        r = json.loads(done.stdout.strip().splitlines()[-1])
        print(f"| {n:,} | {r['seconds']:.1f} s ({r['cpu']:.1f} s CPU) | "
              f"{r['peak_mb'] - r['baseline_mb']:.0f} MB (of {r['peak_mb']:.0f}) | "
              f"{r['blocks']:,} ({r['largest']}) |", flush=True)  # fmt: skip
    return 0


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(*sys.argv[2:5])
        return 0
    if len(sys.argv) > 1 and sys.argv[1] == "--blocks-child":
        blocks_child(int(sys.argv[2]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000])
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds per run")
    parser.add_argument("--memory-gb", type=float, default=8.0, help="address space per run")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--keep", type=Path, help="keep the stores in this folder (and reuse the unlinked ones)"
    )
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument(
        "--blocks-only",
        action="store_true",
        help="measure only cutting the blocks, on synthetic vectors alone (no store)",
    )
    parser.add_argument(
        "--report-only",
        action="store_true",
        help="measure only the JSON report, on the linked stores --keep kept (linking if none)",
    )
    parser.add_argument(
        "--no-relink",
        action="store_true",
        help="skip 'add one, relinking all' (about the cost of scratch)",
    )
    args = parser.parse_args()
    if args.blocks_only:
        return blocks_main(args.sizes, args.timeout)
    results: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for n in args.sizes:
            t0 = time.perf_counter()
            store = folder / f"scale-{n}.db"
            pristine = folder / f"scale-{n}-seed{args.seed}.unlinked.db"
            extra = folder / f"scale-{n}-extra.pickle"
            for old in folder.glob(f"scale-{n}.db*"):
                old.unlink()
            if not (pristine.exists() and extra.exists()):  # made once per --keep folder
                items, _ = make_corpus(n + 1, args.seed)
                write_store(pristine, items[:n])
                extra.write_bytes(pickle.dumps(items[n]))
            linked = folder / f"scale-{n}-seed{args.seed}.linked.db"
            row: dict[str, object] = {}
            if not (args.report_only and linked.exists()):
                shutil.copyfile(pristine, store)
                made = time.perf_counter() - t0
                print(f"{n:,} articles: store written in {made:.0f} s", file=sys.stderr)
                row["scratch"] = measure("scratch", store, extra, args.timeout, args.memory_gb)
                print(f"  scratch: {_cell(row['scratch'])}", file=sys.stderr)  # type: ignore[arg-type]
                if "stopped" not in row["scratch"]:  # type: ignore[operator]
                    shutil.copyfile(store, linked)
            if linked.exists():
                row["report"] = measure_report(linked, args.timeout, args.memory_gb)
                print(f"  report json: {_cell(row['report'])}", file=sys.stderr)  # type: ignore[arg-type]
            if not args.report_only and "stopped" not in row["scratch"]:  # type: ignore[operator]
                copy = folder / f"scale-{n}-copy.db"
                shutil.copyfile(store, copy)
                modes = [("add-placed", store)] + ([] if args.no_relink else [("add-full", copy)])
                for mode, path in modes:
                    row[mode] = measure(mode, path, extra, args.timeout, args.memory_gb)
                    print(f"  {mode}: {_cell(row[mode])}", file=sys.stderr)  # type: ignore[arg-type]
            results[str(n)] = row
    print(
        "| articles | link from scratch | add one, placed (`link(store, [id])`) | add one, "
        "relinking all |"
    )
    print("|---:|---:|---:|---:|")
    for n, row in results.items():
        cells = [_cell(row.get(m, {"stopped": "not run"})) for m in  # type: ignore[arg-type]
                 ("scratch", "add-placed", "add-full")]  # fmt: skip
        print(f"| {int(n):,} | " + " | ".join(cells) + " |")
    print("\n| articles | `report --format json` | output |")
    print("|---:|---:|---:|")
    for n, row in results.items():
        r = row.get("report", {"stopped": "not run"})
        size = f"{r['output_mb']:.0f} MB" if "output_mb" in r else "—"  # type: ignore[operator,index]
        print(f"| {int(n):,} | {_cell(r)} | {size} |")  # type: ignore[arg-type]
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
