"""Refit the linking constants on the ECB+ train and dev topics (never the test topics).

Prints the values that `corroborator/link/stories.py`, `corroborator/link/coref.py` and the
baselines in `bench/ecbplus_stories.py` carry as constants, with the scores that chose them:

- stories: logistic regression over every pair of train documents inside one predicted theme
  (label: same sub-topic), then the average-link threshold by B³ F1 of joint clustering;
- TF-IDF baseline: the cosine-distance threshold by B³ F1 on dev;
- coreference: logistic regression over mention pairs of one gold sub-topic in train, then
  the average-link threshold by CoNLL F1 on dev (with our own story clusters).

    .venv/bin/python bench/ecbplus_calibrate.py [stories|coref]
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import numpy as np

from corroborator.evaluate.metrics import b_cubed
from corroborator.link import stories

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent))
import ecbplus_common as common


@contextmanager
def _story_weights(bias: float, weights: Sequence[float]) -> Iterator[None]:
    saved = stories.BIAS, stories.WEIGHTS
    stories.BIAS, stories.WEIGHTS = bias, tuple(weights)
    try:
        yield
    finally:
        stories.BIAS, stories.WEIGHTS = saved


def _fit(x: np.ndarray, y: np.ndarray) -> tuple[float, list[float]]:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=1.0, max_iter=5000).fit(x, y)
    return float(model.intercept_[0]), [float(w) for w in model.coef_[0]]


def calibrate_stories() -> None:
    """Fit the story model on train, choose the threshold on train + dev."""
    started = time.perf_counter()
    feats = {
        name: common.doc_features(common.load(topics))
        for name, topics in (("train", common.TRAIN_TOPICS), ("dev", common.DEV_TOPICS))
    }
    print(f"features: {time.perf_counter() - started:.0f} s")
    gold = {f.ecb.name: f.ecb.subtopic for fs in feats.values() for f in fs}
    for theme_threshold in (0.25, 0.3, 0.35, 0.4):
        row = []
        for split, fs in feats.items():
            saved = stories.THEME_THRESHOLD
            stories.THEME_THRESHOLD = theme_threshold
            try:
                vectors = np.stack([f.story.embedding for f in fs]).astype(np.float64)
                themes = stories._themes(vectors, ())
            finally:
                stories.THEME_THRESHOLD = saved
            topic = {f.ecb.name: f.ecb.topic for f in fs}
            score = b_cubed(topic, [[fs[i].ecb.name for i in t] for t in themes])
            row.append(f"{split} {score.f1:.3f}")
        print(f"theme threshold {theme_threshold:.2f}: B3 F1 against topics " + ", ".join(row))
    pairs, x = stories.theme_pair_features([f.story for f in feats["train"]])
    y = np.array([gold[a] == gold[b] for a, b in pairs])
    bias, weights = _fit(x, y)
    print(f"pairs in themes: {len(pairs)} ({int(y.sum())} same sub-topic)")
    print(f"BIAS = {bias:.1f}")
    print("WEIGHTS = (" + ", ".join(f"{w:.1f}" for w in weights) + ")")
    rounded = (round(bias, 1), [round(w, 1) for w in weights])
    for threshold in (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6):
        row = []
        for split, fs in feats.items():
            with _story_weights(*rounded):
                clusters = stories.cluster_stories([f.story for f in fs], threshold=threshold)
            score = b_cubed({f.ecb.name: f.ecb.subtopic for f in fs}, clusters)
            row.append(
                f"{split} B3 F1 {score.f1:.3f} (R {score.recall:.3f} P {score.precision:.3f})"
            )
        print(f"threshold {threshold:.2f}: " + "; ".join(row))
    # the TF-IDF + agglomerative baseline of bench/ecbplus_stories.py
    from ecbplus_stories import tfidf_baseline

    dev = feats["dev"]
    dev_gold = {f.ecb.name: f.ecb.subtopic for f in dev}
    for distance in (0.7, 0.75, 0.8, 0.825, 0.85, 0.875, 0.9, 0.925, 0.95):
        joint = b_cubed(dev_gold, tfidf_baseline([f.ecb for f in dev], distance))
        per_topic: list[list[str]] = []
        for topic in common.DEV_TOPICS:
            per_topic += tfidf_baseline([f.ecb for f in dev if f.ecb.topic == topic], distance)
        each = b_cubed(dev_gold, per_topic)
        print(
            f"tf-idf baseline distance {distance}: dev B3 F1 joint {joint.f1:.3f}, "
            f"per topic {each.f1:.3f}"
        )


def main(argv: list[str]) -> int:
    what = argv[1:] or ["stories", "coref"]
    if "stories" in what:
        calibrate_stories()
    if "coref" in what:
        from ecbplus_coref import calibrate

        calibrate()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
