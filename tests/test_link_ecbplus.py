"""Quality gate: story clustering and event coreference on ECB+, through the product, against
the floors in tests/floors/linking.json.

The ECB+ test topics 36–45 are written as text files, built by ``corroborator build`` into a
fresh store and linked, once for the module (bench/ecbplus_common.py); the stories and the
events are read back from the store, as bench/ecbplus_stories.py and bench/ecbplus_coref.py do.
About a minute on 2 cores: marked ``slow`` (``make test`` runs it; ``-m "not slow"`` skips it).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO

sys.path.insert(0, str(REPO / "bench"))
import ecbplus_common as common
import ecbplus_coref
import ecbplus_stories

pytestmark = pytest.mark.slow

FLOORS: dict[str, float] = {
    k: v
    for k, v in json.loads((Path(__file__).parent / "floors" / "linking.json").read_text()).items()
    if not k.startswith("_")
}


@pytest.fixture(scope="module")
def joint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[common.ProductRun]:
    """The 206 test documents built and linked in one store, once for the module."""
    if not common.ROOT.is_dir():
        pytest.skip(f"{common.ROOT} is absent (it sits beside the repository in CI)")
    with common.product_run(
        common.load(common.TEST_TOPICS), tmp_path_factory.mktemp("ecbplus")
    ) as run:
        yield run


def test_story_clustering_floor(joint: common.ProductRun) -> None:
    result: dict[str, Any] = ecbplus_stories.run(joint=joint)
    assert result["documents"] == 206
    ours, baseline = result["ours"], result["tfidf_baseline"]
    assert ours["joint"]["f1"] >= FLOORS["stories_joint_b3_f1"], ours
    assert ours["per_topic"]["f1"] >= FLOORS["stories_per_topic_b3_f1"], ours
    assert ours["joint"]["f1"] > baseline["joint"]["f1"], (ours, baseline)
    assert ours["per_topic"]["f1"] > baseline["per_topic"]["f1"], (ours, baseline)


def test_event_coreference_floor(joint: common.ProductRun) -> None:
    result: dict[str, Any] = ecbplus_coref.run(joint=joint)
    detection = result["detection"]
    assert detection["gold"] == 1780
    assert detection["recall"] >= FLOORS["events_detection_recall"], detection
    assert detection["precision"] >= FLOORS["events_detection_precision"], detection
    matched = result["matched"]
    ours, lemma = matched["ours"]["conll"], matched["lemma_baseline"]["conll"]
    assert ours >= FLOORS["coref_matched_conll_f1"], matched
    assert ours - lemma >= FLOORS["coref_matched_conll_margin_over_lemma"], (ours, lemma)
