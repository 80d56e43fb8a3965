"""Hostile and odd inputs beside good articles: no traceback, no stall, bounded memory.

A seeded batch (corroborator.evaluate.hostile) of random bytes, wrong encodings, broken HTML
and JSON, huge integers, deep nesting, invisible texts, odd file names and texts built to make
an extractor's cost grow faster than the text, all in one folder with three good articles,
built into a new store through the product's build. Reports the slowest file (analysis one
article at a time, so each file's cost is its own), peak memory and whether every good article
was stored. The test suite runs a smaller batch (tests/test_hostile_fuzz.py).

    .venv/bin/python bench/hostile.py [--seed 7] [--count 400] [--scale 200] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from corroborator.evaluate.hostile import run_batch, write_batch


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--count", type=int, default=400)
    parser.add_argument("--scale", type=int, default=200, help="size of pathological texts")
    parser.add_argument("--json", help="write the result here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        kinds = write_batch(folder, args.seed, args.count, scale=args.scale)
        result = run_batch(folder, str(Path(tmp) / "fuzz.db"))
    result["kinds"] = kinds
    lines = result.pop("error_lines")
    print(json.dumps(result, indent=1))
    print(f"{len(lines)} refused, e.g.:", *lines[:5], sep="\n  ")  # type: ignore[call-overload]
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1))
    return 0 if result["good_stored"] else 1


if __name__ == "__main__":
    sys.exit(main())
