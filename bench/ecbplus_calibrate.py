"""Refit the linking constants on the ECB+ train and dev topics (never the test topics).

Prints the values that `corroborator/link/stories.py` and the baseline in
`bench/ecbplus_stories.py` carry as constants, with the scores that chose them:

- stories: the train and dev topics are each built and linked by the product
  (bench/ecbplus_common.py, :func:`~ecbplus_common.product_run`), and the story features are
  those linking computes (:func:`corroborator.engine.link._story_doc` over the stored analyses
  and vectors). Then the theme threshold by B³ F1 of themes against topics, a logistic
  regression over every pair of train documents inside one predicted theme (label: same
  sub-topic), and the average-link threshold by B³ F1 of joint clustering on train and dev;
- TF-IDF baseline: the cosine-distance threshold by B³ F1 on dev.

    .venv/bin/python bench/ecbplus_calibrate.py
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ecbplus_common as common

from corroborator.engine.link import EMBEDDING_MODEL, _story_doc
from corroborator.evaluate.ecbplus import EcbDoc
from corroborator.evaluate.metrics import b_cubed
from corroborator.link import stories
from corroborator.link.stories import StoryDoc


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


def product_story_docs(docs: Sequence[EcbDoc]) -> tuple[list[StoryDoc], dict[str, EcbDoc]]:
    """The story features linking computes for ``docs`` after ``corroborator build``, and the
    ECB+ document of each article (of two documents with one text, the first)."""
    with common.product_run(docs) as run:
        vectors = run.store.get_vectors(EMBEDDING_MODEL)
        ecb_of: dict[str, EcbDoc] = {}
        for doc in docs:
            ecb_of.setdefault(run.article_of[doc.name], doc)
        out = []
        for article in run.store.iter_articles():
            vector = np.frombuffer(vectors[article.id], dtype=np.float32)
            out.append(_story_doc(article, run.store.get_analysis(article.id), vector))
    return out, ecb_of


def calibrate_stories() -> None:
    """Fit the story model on train, choose the thresholds on train + dev."""
    started = time.perf_counter()
    data = {
        name: product_story_docs(common.load(topics))
        for name, topics in (("train", common.TRAIN_TOPICS), ("dev", common.DEV_TOPICS))
    }
    print(f"build and link: {time.perf_counter() - started:.0f} s")
    for theme_threshold in (0.25, 0.3, 0.35, 0.4):
        row = []
        for split, (docs, ecb_of) in data.items():
            saved = stories.THEME_THRESHOLD
            stories.THEME_THRESHOLD = theme_threshold
            try:
                vectors = np.stack([d.embedding for d in docs]).astype(np.float64)
                themes = stories._themes(vectors, ())
            finally:
                stories.THEME_THRESHOLD = saved
            topic_of = {d.id: ecb_of[d.id].topic for d in docs}
            score = b_cubed(topic_of, [[docs[i].id for i in t] for t in themes])
            row.append(f"{split} {score.f1:.3f}")
        print(f"theme threshold {theme_threshold:.2f}: B3 F1 against topics " + ", ".join(row))
    train, train_ecb = data["train"]
    pairs, x = stories.theme_pair_features(train)
    y = np.array([train_ecb[a].subtopic == train_ecb[b].subtopic for a, b in pairs])
    bias, weights = _fit(x, y)
    print(f"pairs in themes: {len(pairs)} ({int(y.sum())} same sub-topic)")
    print(f"BIAS = {bias:.1f}")
    print("WEIGHTS = (" + ", ".join(f"{w:.1f}" for w in weights) + ")")
    for label, (b, w) in (
        ("refit", (round(bias, 1), [round(v, 1) for v in weights])),
        ("current", (stories.BIAS, list(stories.WEIGHTS))),
    ):
        for threshold in (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6):
            row = []
            for split, (docs, ecb_of) in data.items():
                with _story_weights(b, w):
                    clusters = stories.cluster_stories(docs, threshold=threshold)
                score = b_cubed({d.id: ecb_of[d.id].subtopic for d in docs}, clusters)
                row.append(
                    f"{split} B3 F1 {score.f1:.3f} (R {score.recall:.3f} P {score.precision:.3f})"
                )
            print(f"{label} weights, threshold {threshold:.2f}: " + "; ".join(row))
    # the TF-IDF + agglomerative baseline of bench/ecbplus_stories.py
    from ecbplus_stories import tfidf_baseline

    dev = common.load(common.DEV_TOPICS)
    dev_gold = {d.name: d.subtopic for d in dev}
    for distance in (0.7, 0.75, 0.8, 0.825, 0.85, 0.875, 0.9, 0.925, 0.95):
        joint = b_cubed(dev_gold, tfidf_baseline(dev, distance))
        per_topic: list[list[str]] = []
        for topic in common.DEV_TOPICS:
            per_topic += tfidf_baseline([d for d in dev if d.topic == topic], distance)
        each = b_cubed(dev_gold, per_topic)
        print(
            f"tf-idf baseline distance {distance}: dev B3 F1 joint {joint.f1:.3f}, "
            f"per topic {each.f1:.3f}"
        )


def main(argv: list[str]) -> int:
    calibrate_stories()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
