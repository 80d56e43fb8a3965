"""ECB+ figures of :mod:`corroborator.link.coref`, a coreference model the product does not run.

The product merges event mentions with :func:`corroborator.link.timeline.merge_mentions`
(measured by bench/ecbplus_coref.py). ``coref.py`` was benchmarked on gold mentions only; whether
to wire it into linking or delete it is pending (issue 11), and this script gives the figures
for that decision, on the ECB+ test topics 36–45:

- **predicted** (default): on *our* event mentions, in *our* stories — the product run of
  bench/ecbplus_coref.py (``corroborator build`` + link) — scored on the mentions that match a
  gold action mention, as there. Side by side, on the very same mentions: ``merge_mentions``
  (what the product shows), ``coref.py`` given the features bench/ecbplus_features.py builds
  (without and with our event types), and two baselines: same story and same trigger lemma,
  same story and same event type.
- ``--gold``: the earlier setting — all 1,780 gold action mentions, merged within our stories
  (from the product run), the gold sub-topics or the gold topics.

    .venv/bin/python bench/ecbplus_coref_module.py [--gold] [--json]
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Hashable, Mapping, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ecbplus_common as common
import ecbplus_coref
import ecbplus_features as features

from corroborator.evaluate.metrics import coref_scores
from corroborator.link.coref import CorefMention, cluster_mentions

GOLD_SETTINGS = ("predicted", "subtopic", "topic")


def lemma_baseline(mentions: Sequence[CorefMention]) -> dict[str, tuple[str, str]]:
    """Same story and same head lemma: one event."""
    return {m.id: (m.story, m.lemma) for m in mentions}


def _scores(gold: Mapping[str, str], response: Any) -> dict[str, Any]:
    out: dict[str, Any] = coref_scores(gold, response).as_dict()
    return out


def run_gold(
    topics: Sequence[int] = common.TEST_TOPICS,
    settings: Sequence[str] = GOLD_SETTINGS,
    joint: common.ProductRun | None = None,
) -> dict[str, Any]:
    """coref.py and the lemma baseline over all gold action mentions of ``topics``."""
    if joint is None and "predicted" in settings:
        with common.product_run(common.load(topics)) as fresh:
            return run_gold(topics, settings, fresh)
    started = time.perf_counter()
    feats = features.doc_features(joint.docs if joint else common.load(topics))
    mentions = features.mention_features(feats)
    vectors = features.mention_vectors(mentions)
    featured = time.perf_counter()
    gold = {f"{m.doc}:{m.ecb.m_id}": m.ecb.chain for m in mentions}
    result: dict[str, Any] = {"documents": len(feats), "mentions": len(mentions),
                              "gold_chains": len(set(gold.values()))}  # fmt: skip
    for setting in settings:
        story_of = (
            joint.story_of()
            if setting == "predicted" and joint is not None
            else features.story_assignment(feats, setting)
        )
        records = features.coref_mentions(mentions, story_of, vectors)
        result[setting] = {
            "stories": len(set(story_of.values())),
            "coref_module": _scores(gold, cluster_mentions(records)),
            "lemma_baseline": _scores(gold, lemma_baseline(records)),
        }
    result["seconds"] = {"features": featured - started,
                         "total": time.perf_counter() - started}  # fmt: skip
    return result


def run_predicted(
    topics: Sequence[int] = common.TEST_TOPICS, joint: common.ProductRun | None = None
) -> dict[str, Any]:
    """merge_mentions, coref.py and baselines on the same matched predicted mentions."""
    if joint is None:
        with common.product_run(common.load(topics)) as fresh:
            return run_predicted(topics, fresh)
    started = time.perf_counter()
    predicted = ecbplus_coref.predicted_mentions(joint)
    gold = ecbplus_coref.gold_mentions(joint)
    matched = ecbplus_coref.match(predicted, gold)
    lemma = ecbplus_coref.trigger_lemmas(joint, predicted)
    subtype = {}
    for story in joint.store.iter_stories():
        for event in story.events:
            for em in event.mentions:
                subtype[(em.article_id, em.trigger_start, em.trigger_end)] = em.subtype
    feats = features.doc_features(joint.docs)
    mentions = features.span_features(
        feats, [(p.doc, p.key, p.start, p.end, p.trigger) for p in predicted]
    )
    sent_vecs, trig_vecs, _ = features.mention_vectors(mentions)
    responses: dict[str, dict[str, Hashable]] = {
        "merge_mentions": {p.key: p.event for p in predicted},
        "lemma_baseline": {p.key: (p.story, lemma[p.key]) for p in predicted},
        "type_baseline": {p.key: (p.story, p.type) for p in predicted},
    }
    for name, typed in (("coref_module", False), ("coref_module_typed", True)):
        records = []
        for k, (p, m) in enumerate(zip(predicted, mentions, strict=True)):
            records.append(CorefMention(
                id=p.key, doc=p.doc, story=p.story, lemma=m.lemma,
                type=p.type if typed else None,
                subtype=subtype[(joint.article_of[p.doc], p.start, p.end)] if typed else None,
                trigger=trig_vecs[k], context=sent_vecs[k], sentence=m.ecb.sentence,
                date=m.date, participants=m.people, arguments=frozenset(m.args - features.ARG_STOP),
            ))  # fmt: skip
        responses[name] = {i: n for n, c in enumerate(cluster_mentions(records)) for i in c}
    chain = {g.key: g.chain for g in gold}
    found = set(matched.values())
    key = {k: v for k, v in chain.items() if k in found}
    result: dict[str, Any] = {
        "documents": len(joint.docs),
        "predicted": len(predicted),
        "matched": len(matched),
        "gold_chains_matched": len(set(key.values())),
    }
    for name, response in responses.items():
        on_gold = {matched.get(k, k): v for k, v in response.items()}
        result[name] = {
            "matched": _scores(key, {k: v for k, v in on_gold.items() if k in found}),
            "end_to_end": _scores(chain, on_gold),
        }
    result["seconds"] = {"build": joint.seconds["build"], "link": joint.seconds["link"],
                         "rest": time.perf_counter() - started}  # fmt: skip
    return result


def calibrate() -> None:
    """Fit coref.py on train (gold mentions in our stories), choose the threshold on dev."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    from corroborator.link import coref

    data = {}
    for split, topics in (("train", common.TRAIN_TOPICS), ("dev", common.DEV_TOPICS)):
        with common.product_run(common.load(topics)) as run:
            story_of = run.story_of()
            feats = features.doc_features(run.docs)
        mentions = features.mention_features(feats)
        records = features.coref_mentions(mentions, story_of)
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


def _row(label: str, s: Mapping[str, Any]) -> str:
    return (f"{label:26} {s['muc']['f1'] * 100:6.1f} {s['b3']['f1'] * 100:6.1f} "
            f"{s['ceafe']['f1'] * 100:7.1f} {s['conll'] * 100:6.1f}")  # fmt: skip


def main(argv: list[str]) -> int:
    if not common.ROOT.is_dir():
        print(f"skipped: {common.ROOT} is absent", file=sys.stderr)
        return 0
    header = f"{'':26} {'MUC':>6} {'B3':>6} {'CEAF-e':>7} {'CoNLL':>6}"
    if "--gold" in argv:
        result = run_gold()
        if "--json" in argv:
            print(json.dumps(result, indent=2))
            return 0
        print(f"ECB+ test topics 36-45: {result['mentions']} gold action mentions in "
              f"{result['gold_chains']} gold chains")  # fmt: skip
        print(header)
        for setting in GOLD_SETTINGS:
            for system in ("coref_module", "lemma_baseline"):
                print(_row(f"{setting} {system}", result[setting][system]))
        return 0
    result = run_predicted()
    if "--json" in argv:
        print(json.dumps(result, indent=2))
        return 0
    print(f"ECB+ test topics 36-45, built and linked: {result['predicted']} predicted event "
          f"mentions, {result['matched']} matched to gold ({result['gold_chains_matched']} gold "
          "chains); coreference on the matched mentions (end-to-end CoNLL last)")  # fmt: skip
    print(header + f" {'e2e':>6}")
    for name in ("merge_mentions", "coref_module", "coref_module_typed", "lemma_baseline",
                 "type_baseline"):  # fmt: skip
        s = result[name]
        print(_row(name, s["matched"]) + f" {s['end_to_end']['conll'] * 100:6.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
