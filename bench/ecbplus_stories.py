"""Story clustering on ECB+, through the product: separate documents into their real events.

Each ECB+ topic holds two different real events of the same kind (two arrests of polygamist
leaders, two Sonoma County earthquakes, two AMD acquisitions); the gold cluster of a document is
its sub-topic. The test topics 36–45 (annotated sentences, detokenised) are written as plain
text files, built into a fresh store by ``corroborator build`` and linked, as a user would
(bench/ecbplus_common.py, :func:`~ecbplus_common.product_run`); each document's story is read
back from the store. Scored with B³ over documents, in two settings:

- **joint**: all 206 test documents in one store (topics not given) — the harder one;
- **per topic**: one build and link per gold topic (the usual setup).

Beside ours, in the same run: TF-IDF (sublinear, English stop words) over the ECB+ token text
+ average-link agglomerative clustering on cosine distance, its thresholds (one per setting)
tuned on the dev topics (bench/ecbplus_calibrate.py).

    .venv/bin/python bench/ecbplus_stories.py [--json]
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ecbplus_common as common

from corroborator.evaluate.ecbplus import EcbDoc
from corroborator.evaluate.metrics import Clustering, b_cubed

# Cosine-distance thresholds of the baseline: the best B³ F1 on the dev topics
# (bench/ecbplus_calibrate.py). Joint: 0.847 at 0.825 (0.828 at 0.8, 0.825 at 0.85). Per topic,
# where IDF comes from one topic's documents: 0.855 at 0.9 (0.847 at 0.875, 0.848 at 0.925).
BASELINE_DISTANCE = 0.825
BASELINE_DISTANCE_PER_TOPIC = 0.9


def tfidf_baseline(docs: Sequence[EcbDoc], distance: float = BASELINE_DISTANCE) -> list[list[str]]:
    """TF-IDF + average-link agglomerative clusters of ``docs`` (as lists of names)."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    if len(docs) < 2:
        return [[d.name for d in docs]] if docs else []
    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(
        [d.text for d in docs]
    )
    labels = AgglomerativeClustering(
        n_clusters=None, metric="cosine", linkage="average", distance_threshold=distance
    ).fit_predict(matrix.toarray())
    groups: dict[int, list[str]] = {}
    for doc, label in zip(docs, labels, strict=True):
        groups.setdefault(int(label), []).append(doc.name)
    return sorted(groups.values())


def _score(gold: Mapping[str, str], clusters: Clustering) -> dict[str, float]:
    s = b_cubed(gold, clusters)
    count = len(set(clusters.values())) if isinstance(clusters, Mapping) else len(list(clusters))
    return {"recall": s.recall, "precision": s.precision, "f1": s.f1, "clusters": count}


def run(
    topics: Sequence[int] = common.TEST_TOPICS, joint: common.ProductRun | None = None
) -> dict[str, Any]:
    """Build and link ``topics`` jointly (unless ``joint`` is given) and per topic; our stories
    and the baseline scored against the gold sub-topics, with timings."""
    started = time.perf_counter()
    if joint is None:
        with common.product_run(common.load(topics)) as fresh:
            return run(topics, fresh)
    docs = joint.docs
    gold = {d.name: d.subtopic for d in docs}
    ours_joint = joint.story_of()
    ours_topic: dict[str, str] = {}
    per_topic_seconds = {"build": 0.0, "link": 0.0}
    for topic in topics:
        with common.product_run([d for d in docs if d.topic == topic]) as one:
            ours_topic.update({n: f"{topic}:{s}" for n, s in one.story_of().items()})
            for k in per_topic_seconds:
                per_topic_seconds[k] += one.seconds[k]
    ours_done = time.perf_counter()
    base_joint = tfidf_baseline(docs)
    base_topic: list[list[str]] = []
    for topic in topics:
        base_topic += tfidf_baseline(
            [d for d in docs if d.topic == topic], BASELINE_DISTANCE_PER_TOPIC
        )
    return {
        "documents": len(docs),
        "articles": len(set(joint.article_of.values())),
        "subtopics": len(set(gold.values())),
        "ours": {"joint": _score(gold, ours_joint), "per_topic": _score(gold, ours_topic)},
        "tfidf_baseline": {
            "joint": _score(gold, base_joint),
            "per_topic": _score(gold, base_topic),
        },
        "seconds": {
            "joint_build": joint.seconds["build"],
            "joint_link": joint.seconds["link"],
            "per_topic_build": per_topic_seconds["build"],
            "per_topic_link": per_topic_seconds["link"],
            "per_topic_total": ours_done - started,
            "baseline": time.perf_counter() - ours_done,
        },
    }


def main(argv: list[str]) -> int:
    if not common.ROOT.is_dir():
        print(f"skipped: {common.ROOT} is absent", file=sys.stderr)
        return 0
    result = run()
    if "--json" in argv:
        print(json.dumps(result, indent=2))
        return 0
    print(f"ECB+ test topics 36-45: {result['documents']} documents ({result['articles']} "
          f"distinct articles), {result['subtopics']} sub-topics; B3 over documents; ours = "
          "corroborator build + link")  # fmt: skip
    print(f"{'':22} {'setting':10} {'R':>6} {'P':>6} {'F1':>6} {'clusters':>9}")
    for system in ("ours", "tfidf_baseline"):
        for setting in ("joint", "per_topic"):
            s = result[system][setting]
            print(f"{system:22} {setting:10} {s['recall']:6.3f} {s['precision']:6.3f} "
                  f"{s['f1']:6.3f} {s['clusters']:9d}")  # fmt: skip
    secs = result["seconds"]
    print(f"joint: build {secs['joint_build']:.1f} s, link {secs['joint_link']:.1f} s; "
          f"per topic (10 stores): build {secs['per_topic_build']:.1f} s, "
          f"link {secs['per_topic_link']:.1f} s; baseline {secs['baseline']:.2f} s")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
