"""Quality gate: story clustering and event coreference on ECB+ against the floors in
tests/floors/linking.json (the benchmarks of bench/ecbplus_stories.py and bench/ecbplus_coref.py,
run as tests on the same test topics)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO

sys.path.insert(0, str(REPO / "bench"))
import ecbplus_common as common
import ecbplus_coref
import ecbplus_stories

FLOORS: dict[str, float] = {
    k: v
    for k, v in json.loads((Path(__file__).parent / "floors" / "linking.json").read_text()).items()
    if not k.startswith("_")
}


@pytest.fixture(scope="module")
def features() -> list[common.DocFeatures]:
    """spaCy, dates, entities and embeddings of the 206 test documents, computed once."""
    if not common.ROOT.is_dir():
        pytest.skip(f"{common.ROOT} is absent (it sits beside the repository in CI)")
    return common.doc_features(common.load(common.TEST_TOPICS))


def test_story_clustering_floor(features: list[common.DocFeatures]) -> None:
    result: dict[str, Any] = ecbplus_stories.run(feats=features)
    assert result["documents"] == 206
    ours, baseline = result["ours"], result["tfidf_baseline"]
    assert ours["joint"]["f1"] >= FLOORS["stories_joint_b3_f1"], ours
    assert ours["per_topic"]["f1"] >= FLOORS["stories_per_topic_b3_f1"], ours
    assert ours["joint"]["f1"] > baseline["joint"]["f1"]


def test_event_coreference_floor(features: list[common.DocFeatures]) -> None:
    result: dict[str, Any] = ecbplus_coref.run(settings=("predicted",), feats=features)
    assert result["mentions"] == 1780
    ours = result["predicted"]["ours"]["conll"]
    lemma = result["predicted"]["lemma_baseline"]["conll"]
    assert ours >= FLOORS["coref_predicted_conll_f1"], result["predicted"]
    assert ours - lemma >= FLOORS["coref_predicted_conll_margin_over_lemma"], (ours, lemma)
