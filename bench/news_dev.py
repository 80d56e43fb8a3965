"""news-dev: the product on real news nobody tuned it for, scored by the shared scorer.

    .venv/bin/python bench/news_dev.py                   # both feeds, all / English / Russian
    .venv/bin/python bench/news_dev.py --feed meta --languages all --misses
    .venv/bin/python bench/news_dev.py --json out.json   # every figure, machine-readable

Each run is the real ``build`` + ``link`` + dossier over a fresh store (see
corroborator/evaluate/newsdev.py for the two feeds). Tables: per cluster (members with their
distractors), the five development clusters, the two held out (never looked at while
developing: docs/benchmarks.md), and all of news-dev; then one line per feed and language. With
both languages, a line counts the gold claims whose values are found in an English and a
Russian document and how many of them sit in one predicted claim ("aligned EN–RU",
:func:`~corroborator.evaluate.newsdev.cross_language_alignment`). The tests gate the totals
with tests/floors/newsdev.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

from corroborator.evaluate.newsdev import (
    FEEDS,
    HELD_OUT,
    categorical_claims,
    counts,
    cross_language_alignment,
    headline,
    load_documents,
    load_scorer,
    restrict,
    restrict_gold,
    score,
)
from corroborator.evaluate.newsdev import build_dossier_for as run_product

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ROOT = SHARED / "datasets" / "news-dev"
SCORER = SHARED / "tools" / "score_dossier.py"
LANGUAGES = ("all", "en", "ru")

COLUMNS = (
    ("story_b3_f1", "B³ F1"),
    ("event_full_match", "events matched"),
    ("event_type_found", "type found"),
    ("event_date_right", "date right"),
    ("event_date_right_when_typed", "date right when typed"),
    ("event_type_precision", "type prec."),
    ("claim_values_found", "values found"),
    ("claim_value_precision", "value prec."),
    ("claims_aligned", "aligned"),
    ("numeric_conflicts_flagged", "conflicts flagged"),
    ("false_conflicts", "false conflicts"),
    ("dependence_pairs", "dependence pairs"),
)


def _row(name: str, n_docs: int, scores: dict[str, Any]) -> str:
    figures = headline(scores)
    raw = counts(scores)
    cells = []
    for key, _ in COLUMNS:
        value = figures[key]
        cell = f"{value:.0f}" if key == "false_conflicts" else f"{value:.2f}"
        if key in raw:
            cell += f" ({raw[key]})"
        cells.append(cell)
    return f"| {name} | {n_docs} | " + " | ".join(cells) + " |"


def _header() -> str:
    names = [label for _, label in COLUMNS]
    return "| | docs | " + " | ".join(names) + " |\n|---|---:|" + "---:|" * len(names)


def _print_stories(dossier: dict[str, Any], docs: list[Any], scorer: Any) -> None:
    """Each predicted story as its development documents (``cluster/N:lang``); held-out
    documents are counted, never named."""
    by_key = {d.id: d for d in docs}
    key_of = {a["id"]: scorer.doc_key(a, "news") for a in dossier.get("articles", [])}
    print("\n### stories (held-out documents counted, not named)")
    for s in sorted(
        dossier.get("stories", []), key=lambda s: sorted(key_of.get(a) or "" for a in s["articles"])
    ):
        keys = sorted(k for a in s.get("articles", []) if (k := key_of.get(a)) in by_key)
        shown = [f"{k}:{by_key[k].language}" for k in keys if by_key[k].group not in HELD_OUT]
        hidden = len(keys) - len(shown)
        if shown:
            print("- " + " ".join(shown) + (f" (+{hidden} held out)" if hidden else ""))


def run(feed: str, language: str, misses: bool, tmp: Path, stories: bool = False) -> dict[str, Any]:
    """One build of news-dev (``feed``, ``language``), scored whole and by cluster."""
    scorer = load_scorer(SCORER)
    gold = yaml.safe_load((ROOT / "gold.yaml").read_text(encoding="utf-8"))
    docs = [d for d in load_documents(ROOT) if language == "all" or d.language == language]
    started = time.perf_counter()
    dossier = run_product(docs, feed, tmp / f"{feed}-{language}")
    seconds = time.perf_counter() - started

    groups: dict[str, set[str]] = {}
    for d in docs:
        groups.setdefault(d.group, set()).add(d.id)
    dev = {d.id for d in docs if d.group not in HELD_OUT}
    held = {d.id for d in docs if d.group in HELD_OUT}
    print(
        f"\n## news-dev, feed {feed}, languages {language}: {len(docs)} documents, {seconds:.0f} s"
    )
    print(_header())
    result: dict[str, Any] = {"feed": feed, "language": language, "seconds": round(seconds, 1)}
    for name in sorted(groups, key=lambda g: (g in HELD_OUT, g)):
        sub = score(scorer, restrict(dossier, groups[name], scorer), restrict_gold(gold, {name}))
        label = f"{name} (held out)" if name in HELD_OUT else name
        print(_row(label, len(groups[name]), sub))
        result.setdefault("clusters", {})[name] = headline(sub)
    parts = (
        ("**development (5)**", dev, set(groups) - set(HELD_OUT)),
        ("**held out (2)**", held, set(HELD_OUT)),
    )
    for name, ids, names in parts:
        if ids:
            sub = score(scorer, restrict(dossier, ids, scorer), restrict_gold(gold, names))
            print(_row(name, len(ids), sub))
            part = "development" if "development" in name else "held_out"
            result[part] = headline(sub)
            # the scorer's per-field counts of event mentions (type, date, status, place)
            result[f"{part}_event_fields"] = sub["events"].numbers
    whole = score(scorer, dossier, gold)
    print(_row("**all**", len(docs), whole))
    result["all"] = headline(whole)
    result["counts"] = counts(whole)
    languages = {d.id: d.language for d in docs}
    for name, ids, names in (*parts, ("all", set(languages), set(groups))):
        if not ids:
            continue
        sub = restrict(dossier, ids, scorer)
        hit, together, total = cross_language_alignment(
            sub, restrict_gold(gold, names), scorer, languages
        )
        key = {"all": "all"}.get(name, "development" if "development" in name else "held_out")
        result[key]["claims_aligned_across_languages"] = round(hit / total, 4) if total else 0.0
        result["counts"][f"claims_aligned_across_languages_{key}"] = f"{hit}/{total}"
        if total:
            print(
                f"{name}: gold claims with values found in EN and RU, aligned {hit}/{total}"
                f" ({together} with those values in one predicted story)"
            )
    for name, ids, names in parts:
        if not ids:
            continue
        cat = categorical_claims(restrict(dossier, ids, scorer), restrict_gold(gold, names), scorer)
        key = "development" if "development" in name else "held_out"
        result[key]["categorical"] = cat
        print(
            f"{name}: categorical claims (our own measure, not the scorer's): values found"
            f" {cat['found']}/{cat['total']}, aligned {cat['aligned']}/{cat['aligned_total']},"
            f" genuine conflicts flagged {cat['flagged']}/{cat['genuine']},"
            f" false conflicts {cat['false']}"
        )
    if stories:
        _print_stories(dossier, docs, scorer)
    if misses:
        for aspect, s in whole.items():
            lines = [x for x in s.details if not any(h in x for h in HELD_OUT)]
            print(f"\n### {aspect}: details (held-out clusters hidden)\n" + "\n".join(lines))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--feed", choices=(*FEEDS, "both"), default="both")
    parser.add_argument("--languages", choices=(*LANGUAGES, "each"), default="each")
    parser.add_argument("--misses", action="store_true", help="print the scorer's detail lines")
    parser.add_argument(
        "--stories", action="store_true", help="print each story's development documents"
    )
    parser.add_argument("--json", type=Path, help="write every figure to this file")
    args = parser.parse_args(argv)
    if not ROOT.is_dir() or not SCORER.is_file():
        print(f"skipped: {ROOT} or {SCORER} is absent", file=sys.stderr)
        return 0
    feeds = FEEDS if args.feed == "both" else (args.feed,)
    languages = LANGUAGES if args.languages == "each" else (args.languages,)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for feed in feeds:
            for language in languages:
                results.append(run(feed, language, args.misses, Path(tmp), args.stories))
    print("\n## Totals by feed and language\n")
    print(
        "| feed | languages | " + " | ".join(label for _, label in COLUMNS) + " | aligned EN–RU |"
    )
    print("|---|---|" + "---:|" * (len(COLUMNS) + 1))
    for r in results:
        cells = [f"{r['all'][k]:.2f}" for k, _ in COLUMNS]
        cells.append(r["counts"].get("claims_aligned_across_languages_all", "—"))
        print(f"| {r['feed']} | {r['language']} | " + " | ".join(cells) + " |")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
