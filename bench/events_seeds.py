"""Event mentions against the timeline of ../shared/seeds-gold.yaml, through the real build.

.venv/bin/python bench/events_seeds.py [--misses]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from corroborator.evaluate.events import seeds_event_scores

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list misses and false positives")
    args = parser.parse_args()
    if not (SHARED / "seeds").is_dir():
        print(f"skipped: {SHARED / 'seeds'} is absent", file=sys.stderr)
        return 0
    article_level, scores = seeds_event_scores(SHARED)
    print("each article alone:", json.dumps(article_level.as_dict()))
    print("dated by the story:", json.dumps(scores.as_dict(), indent=2))
    if args.misses:
        print("misses:", *scores.misses, sep="\n  ")
        print("false positives:", *scores.false_positives, sep="\n  ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
