"""Cross-document event coreference on ECB+ with gold action mentions.

All 1,780 gold action mentions of the test topics 36–45 (annotated sentences only), scored
with MUC, B³, CEAF-e and their mean, the CoNLL F1 (singletons included, as in the CoNLL-2012
scorer). Mentions may merge only within one story, in three settings:

- **predicted**: our own story clusters (bench/ecbplus_stories.py, joint) — the realistic one;
- **subtopic**: the gold sub-topics (what the published lemma baseline, 77.8 B³, used);
- **topic**: the gold topics, each holding two real events.

Beside ours, in the same run and the same story clusters: the same-lemma baseline (mentions
with the same head lemma corefer).

    .venv/bin/python bench/ecbplus_coref.py [--json]
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ecbplus_common as common

from corroborator.evaluate.metrics import coref_scores
from corroborator.link.coref import CorefMention, cluster_mentions

SETTINGS = ("predicted", "subtopic", "topic")


def lemma_baseline(mentions: Sequence[CorefMention]) -> dict[str, tuple[str, str]]:
    """Same story and same head lemma: one event."""
    return {m.id: (m.story, m.lemma) for m in mentions}


def _scores(gold: dict[str, str], response: Any) -> dict[str, Any]:
    s = coref_scores(gold, response)
    out: dict[str, Any] = {k: v for k, v in s.as_dict().items()}
    return out


def run(
    topics: Sequence[int] = common.TEST_TOPICS,
    settings: Sequence[str] = SETTINGS,
    feats: Sequence[common.DocFeatures] | None = None,
) -> dict[str, Any]:
    """Features (unless given), our coreference and the lemma baseline on ``topics``; scores
    and timings."""
    started = time.perf_counter()
    if feats is None:
        feats = common.doc_features(common.load(topics))
    mentions = common.mention_features(feats)
    vectors = common.mention_vectors(mentions)
    featured = time.perf_counter()
    gold = {f"{m.doc}:{m.ecb.m_id}": m.ecb.chain for m in mentions}
    result: dict[str, Any] = {"documents": len(feats), "mentions": len(mentions),
                              "gold_chains": len(set(gold.values()))}  # fmt: skip
    for setting in settings:
        story_of = common.story_assignment(feats, setting)
        records = common.coref_mentions(mentions, story_of, vectors)
        t0 = time.perf_counter()
        ours = cluster_mentions(records)
        result[setting] = {
            "stories": len(set(story_of.values())),
            "ours": _scores(gold, ours),
            "lemma_baseline": _scores(gold, lemma_baseline(records)),
            "seconds": time.perf_counter() - t0,
        }
    result["seconds"] = {"features": featured - started,
                         "total": time.perf_counter() - started}  # fmt: skip
    return result


def calibrate() -> None:
    """Fit the coreference model on train (our story clusters), choose the threshold on dev."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    from corroborator.link import coref

    data = {}
    for split, topics in (("train", common.TRAIN_TOPICS), ("dev", common.DEV_TOPICS)):
        feats = common.doc_features(common.load(topics))
        mentions = common.mention_features(feats)
        records = common.coref_mentions(mentions, common.story_assignment(feats, "predicted"))
        gold = {f"{m.doc}:{m.ecb.m_id}": m.ecb.chain for m in mentions}
        data[split] = (records, gold)
    records, gold = data["train"]
    pairs, x = coref.story_pair_features(records)
    y = np.array([gold[a] == gold[b] for a, b in pairs])
    model = LogisticRegression(C=1.0, max_iter=5000).fit(x, y)
    bias, weights = (
        round(float(model.intercept_[0]), 1),
        [round(float(w), 1) for w in model.coef_[0]],
    )
    print(f"coref pairs in stories: {len(pairs)} ({int(y.sum())} coreferent)")
    print(f"BIAS = {bias}")
    print("WEIGHTS = (" + ", ".join(f"{w}" for w in weights) + ")")
    saved = coref.BIAS, coref.WEIGHTS
    coref.BIAS, coref.WEIGHTS = bias, tuple(weights)
    try:
        records, gold = data["dev"]
        base = coref_scores(gold, lemma_baseline(records))
        print(f"dev lemma baseline: CoNLL {base.conll * 100:.1f}")
        for threshold in (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5):
            s = coref_scores(gold, cluster_mentions(records, threshold=threshold))
            print(
                f"threshold {threshold:.2f}: dev CoNLL {s.conll * 100:.1f} (MUC "
                f"{s.muc.f1 * 100:.1f} B3 {s.b3.f1 * 100:.1f} CEAF-e {s.ceafe.f1 * 100:.1f})"
            )
    finally:
        coref.BIAS, coref.WEIGHTS = saved


def main(argv: list[str]) -> int:
    if not common.ROOT.is_dir():
        print(f"skipped: {common.ROOT} is absent", file=sys.stderr)
        return 0
    result = run()
    if "--json" in argv:
        print(json.dumps(result, indent=2))
        return 0
    print(f"ECB+ test topics 36-45: {result['documents']} documents, {result['mentions']} gold "
          f"action mentions in {result['gold_chains']} gold chains")  # fmt: skip
    print(f"{'stories':10} {'system':15} {'MUC':>6} {'B3':>6} {'CEAF-e':>7} {'CoNLL':>6}")
    for setting in SETTINGS:
        for system in ("ours", "lemma_baseline"):
            s = result[setting][system]
            print(
                f"{setting:10} {system:15} {s['muc']['f1'] * 100:6.1f} "
                f"{s['b3']['f1'] * 100:6.1f} {s['ceafe']['f1'] * 100:7.1f} {s['conll'] * 100:6.1f}"
            )
    secs = result["seconds"]
    print(
        f"features {secs['features']:.1f} s (spaCy, dates, embeddings), total {secs['total']:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
