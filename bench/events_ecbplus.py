"""Event typing on ECB+ action mentions: a coverage check on news outside diplomacy.

Our ontology is built for diplomatic timelines (visits, talks, signings, summits); ECB+ test
topics (36–45) are about arrests, earthquakes, product launches, sports and more. This counts
how many gold action mentions our trigger detection types at all, by type, and which gold
lemmas it misses most, so that gaps in the ontology are visible.

    .venv/bin/python bench/events_ecbplus.py
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

from corroborator.analyze.entities import resolve_entities
from corroborator.analyze.events import extract_events
from corroborator.analyze.nlp import load_model
from corroborator.config import Settings
from corroborator.evaluate.ecbplus import load_ecbplus
from corroborator.model import Article

ROOT = Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "ecbplus"


def main() -> int:
    if not ROOT.is_dir():
        print(f"skipped: {ROOT} is absent", file=sys.stderr)
        return 0
    started = time.perf_counter()
    nlp = load_model(Settings().spacy_model)
    docs = load_ecbplus(ROOT)
    gold = covered = ours_total = ours_on_gold = 0
    by_type: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    for ecb in docs:
        doc = nlp(ecb.text)
        article = Article(id=ecb.name, text=ecb.text, source_path=ecb.name)
        found = extract_events(doc, article, resolve_entities(doc, None), (), None)
        actions = [m for m in ecb.mentions if m.is_action]
        for m in actions:
            gold += 1
            hit = next(
                (e for e in found if e.trigger_start < m.end and m.start < e.trigger_end), None
            )
            if hit:
                covered += 1
                by_type[hit.type] += 1
            else:
                missed[m.text.lower()] += 1
        for e in found:
            ours_total += 1
            ours_on_gold += any(
                e.trigger_start < m.end and m.start < e.trigger_end for m in actions
            )
    seconds = time.perf_counter() - started
    print(f"ECB+ test topics 36-45: {len(docs)} documents, {gold} gold action mentions")
    print(f"typed by our ontology: {covered} ({covered / gold:.1%})")
    print(f"our triggers on a gold action mention: {ours_on_gold}/{ours_total}"
          f" ({ours_on_gold / max(ours_total, 1):.1%})")  # fmt: skip
    print("typed as:", ", ".join(f"{t} {n}" for t, n in by_type.most_common()))
    print(
        "most frequent untyped gold mentions:",
        ", ".join(f"{w} {n}" for w, n in missed.most_common(15)),
    )
    print(f"{seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
