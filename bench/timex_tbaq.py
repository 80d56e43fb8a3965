"""Temporal expressions on TempEval-3 TBAQ: our tagger against a dateparser baseline.

Both taggers read the raw <TEXT> of every .tml file in ../shared/datasets/tempeval3-tbaq
(TimeBank and AQUAINT, 256 files) and resolve relative expressions against the file's DCT.
Scores, TempEval-3 style (corroborator/evaluate/timex.py): strict and relaxed extent P/R/F1,
value accuracy and type accuracy on relaxed matches, and value F1 (a system expression counts
when it overlaps a gold one and has its value). The baseline is dateparser.search.search_dates
with RELATIVE_BASE set to the DCT, measured in the same run.

    .venv/bin/python bench/timex_tbaq.py [--files N] [--errors FILE] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from corroborator.analyze.nlp import load_model
from corroborator.analyze.timex.analysis import DEFAULT_MODEL
from corroborator.evaluate.timex import Score, evaluate, tag_dateparser, tag_ours
from corroborator.evaluate.tml import read_corpus

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "tempeval3-tbaq"


def _row(name: str, s: Score) -> str:
    sp, sr, sf = s.strict_prf
    rp, rr, rf = s.relaxed_prf
    vp, vr, vf = s.value_prf
    return (
        f"| {name} | {sp:.3f} / {sr:.3f} / **{sf:.3f}** | {rp:.3f} / {rr:.3f} / **{rf:.3f}** "
        f"| {s.value_accuracy:.3f} | {vp:.3f} / {vr:.3f} / **{vf:.3f}** | {s.type_accuracy:.3f} "
        f"| {s.seconds:.1f} |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, help="score only the first N files (quick run)")
    parser.add_argument("--data", type=Path, default=DATA, help="the tempeval3-tbaq folder")
    parser.add_argument("--errors", type=Path, help="write our misses and mistakes here")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args()
    if not args.data.is_dir():
        print(f"skipped: {args.data} is absent", file=sys.stderr)
        return 0
    docs = read_corpus(args.data, limit=args.files)
    gold = sum(len(d.timexes) for d in docs)
    t0 = time.perf_counter()
    nlp = load_model(DEFAULT_MODEL)
    load_s = time.perf_counter() - t0

    ours = evaluate(docs, lambda ds: tag_ours(ds, nlp))
    baseline = evaluate(docs, tag_dateparser)

    if args.errors:
        args.errors.write_text(
            "\n".join("\t".join(str(x) for x in e) for e in ours.errors) + "\n", encoding="utf-8"
        )
    if args.json:
        print(json.dumps({"files": len(docs), "gold": gold, "ours": ours.as_dict(),
                          "dateparser": baseline.as_dict()}))  # fmt: skip
        return 0
    print(f"{len(docs)} files, {gold} gold TIMEX3; model loaded in {load_s:.1f} s (not timed)")
    print()
    print("| system | strict P / R / F1 | relaxed P / R / F1 | value acc. | value P / R / F1 "
          "| type acc. | seconds |")  # fmt: skip
    print("|---|---|---|---:|---|---:|---:|")
    print(_row("corroborator (spaCy parse + rules)", ours))
    print(_row("dateparser search_dates (baseline)", baseline))
    print()
    print(f"value F1 ours/baseline: {ours.value_prf[2] / max(baseline.value_prf[2], 1e-9):.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
