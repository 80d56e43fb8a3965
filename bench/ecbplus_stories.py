"""Story clustering on ECB+: separate documents into their real events (sub-topics).

Each ECB+ topic holds two different real events of the same kind (two arrests of polygamist
leaders, two Sonoma County earthquakes, two AMD acquisitions); the gold cluster of a document is
its sub-topic. Scored with B³ over documents, annotated sentences only, on the test topics
36–45, in two settings:

- **joint**: all 206 test documents clustered at once (topics not given) — the harder one;
- **per topic**: the documents of each gold topic clustered separately (the usual setup).

Beside ours, in the same run: TF-IDF (sublinear, English stop words) + average-link
agglomerative clustering on cosine distance, its thresholds (one per setting) tuned on the dev
topics (bench/ecbplus_calibrate.py).

    .venv/bin/python bench/ecbplus_stories.py [--json]
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

from corroborator.evaluate.ecbplus import EcbDoc
from corroborator.evaluate.metrics import b_cubed
from corroborator.link.stories import cluster_stories

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


def _score(gold: dict[str, str], clusters: Sequence[Sequence[str]]) -> dict[str, float]:
    s = b_cubed(gold, clusters)
    return {"recall": s.recall, "precision": s.precision, "f1": s.f1, "clusters": len(clusters)}


def run(
    topics: Sequence[int] = common.TEST_TOPICS, feats: Sequence[common.DocFeatures] | None = None
) -> dict[str, Any]:
    """Features (unless given), our clustering and the baseline on ``topics``; scores, timings."""
    started = time.perf_counter()
    if feats is None:
        feats = common.doc_features(common.load(topics))
    featured = time.perf_counter()
    gold = {f.ecb.name: f.ecb.subtopic for f in feats}
    joint = cluster_stories([f.story for f in feats])
    per_topic: list[tuple[str, ...]] = []
    for topic in topics:
        per_topic += cluster_stories([f.story for f in feats if f.ecb.topic == topic])
    clustered = time.perf_counter()
    docs = [f.ecb for f in feats]
    base_joint = tfidf_baseline(docs)
    base_topic: list[list[str]] = []
    for topic in topics:
        base_topic += tfidf_baseline(
            [d for d in docs if d.topic == topic], BASELINE_DISTANCE_PER_TOPIC
        )
    return {
        "documents": len(feats),
        "subtopics": len(set(gold.values())),
        "ours": {"joint": _score(gold, joint), "per_topic": _score(gold, per_topic)},
        "tfidf_baseline": {
            "joint": _score(gold, base_joint),
            "per_topic": _score(gold, base_topic),
        },
        "seconds": {
            "features": featured - started,
            "clustering": clustered - featured,
            "baseline": time.perf_counter() - clustered,
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
    print(f"ECB+ test topics 36-45: {result['documents']} documents, "
          f"{result['subtopics']} sub-topics; B3 over documents")  # fmt: skip
    print(f"{'':22} {'setting':10} {'R':>6} {'P':>6} {'F1':>6} {'clusters':>9}")
    for system in ("ours", "tfidf_baseline"):
        for setting in ("joint", "per_topic"):
            s = result[system][setting]
            print(f"{system:22} {setting:10} {s['recall']:6.3f} {s['precision']:6.3f} "
                  f"{s['f1']:6.3f} {s['clusters']:9d}")  # fmt: skip
    secs = result["seconds"]
    print(f"features {secs['features']:.1f} s (spaCy, dates, embeddings), "
          f"clustering {secs['clustering']:.2f} s, baseline {secs['baseline']:.2f} s")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
