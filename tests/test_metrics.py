"""Coreference metrics against hand-computed examples (CoNLL-2012 scorer conventions)."""

from __future__ import annotations

import pytest

from corroborator.evaluate.metrics import b_cubed, ceaf_e, clusters_of, conll_f1, coref_scores, muc

# The worked example of Pradhan et al. (2014), "Scoring coreference partitions of predicted
# mentions": key {a b c} {d e f g}; response {a b} {c d} {f g h i}.
KEY = [{"a", "b", "c"}, {"d", "e", "f", "g"}]
RESPONSE = [{"a", "b"}, {"c", "d"}, {"f", "g", "h", "i"}]


def test_muc_worked_example() -> None:
    # recall: K1 splits into {a b}{c} → 1 link of 2; K2 into {d}{e}{f g} → 1 of 3: 2/5
    # precision: R1 keeps 1 of 1; R2 {c}{d} 0 of 1; R3 {f g}{h}{i} 1 of 3: 2/5
    s = muc(KEY, RESPONSE)
    assert s.recall == pytest.approx(2 / 5)
    assert s.precision == pytest.approx(2 / 5)
    assert s.f1 == pytest.approx(2 / 5)


def test_b_cubed_worked_example() -> None:
    # recall: (2²+1²)/3 + (1²+2²)/4 over 7 key mentions = 35/84
    # precision: 2²/2 + (1²+1²)/2 + 2²/4 over 8 response mentions (h, i count) = 4/8
    s = b_cubed(KEY, RESPONSE)
    assert s.recall == pytest.approx(35 / 84)
    assert s.precision == pytest.approx(1 / 2)
    assert s.f1 == pytest.approx(2 * (35 / 84) * 0.5 / (35 / 84 + 0.5))


def test_ceaf_e_worked_example() -> None:
    # φ4: K1–R1 2·2/5 = 0.8, K2–R3 2·2/8 = 0.5; best alignment 1.3 over 2 key, 3 response
    s = ceaf_e(KEY, RESPONSE)
    assert s.recall == pytest.approx(1.3 / 2)
    assert s.precision == pytest.approx(1.3 / 3)


def test_conll_is_the_mean_of_the_three() -> None:
    s = coref_scores(KEY, RESPONSE)
    assert s.conll == pytest.approx((s.muc.f1 + s.b3.f1 + s.ceafe.f1) / 3)
    assert conll_f1(KEY, RESPONSE) == pytest.approx(s.conll)


def test_singletons() -> None:
    key = [{"a"}, {"b"}, {"c"}]
    response = [{"a", "b"}, {"c"}]
    # MUC: no key links to find, and the response's one link is wrong: 0 both ways
    assert muc(key, response).recall == 0.0
    assert muc(key, response).precision == 0.0
    # B³ over all mentions, singletons included: recall 1, precision (1/2+1/2+1)/3
    b3 = b_cubed(key, response)
    assert b3.recall == pytest.approx(1.0)
    assert b3.precision == pytest.approx(2 / 3)
    # CEAF-e: {a}–{a b} 2/3 and {c}–{c} 1 → 5/3 over 3 key and 2 response clusters
    ce = ceaf_e(key, response)
    assert ce.recall == pytest.approx(5 / 9)
    assert ce.precision == pytest.approx(5 / 6)


def test_muc_ignores_singletons_on_both_sides() -> None:
    key = [{"a", "b"}, {"c"}, {"d"}]
    response = [{"a", "b"}, {"c"}, {"d"}, {"e"}]
    assert muc(key, response).f1 == pytest.approx(1.0)


def test_identical_clusterings_score_one() -> None:
    s = coref_scores(KEY, [set(c) for c in KEY])
    assert (s.muc.f1, s.b3.f1, s.ceafe.f1, s.conll) == pytest.approx((1.0, 1.0, 1.0, 1.0))


def test_mapping_input_equals_sets() -> None:
    as_map = {"a": 1, "b": 1, "c": 2, "d": 2, "f": 3, "g": 3, "h": 3, "i": 3}
    assert coref_scores(KEY, as_map).as_dict() == coref_scores(KEY, RESPONSE).as_dict()


def test_all_in_one_cluster() -> None:
    key = [{"a", "b"}, {"c", "d"}]
    response = [{"a", "b", "c", "d"}]
    assert muc(key, response).recall == pytest.approx(1.0)
    assert muc(key, response).precision == pytest.approx(2 / 3)
    assert b_cubed(key, response).precision == pytest.approx(0.5)


def test_an_item_in_two_clusters_is_an_error() -> None:
    with pytest.raises(ValueError, match="more than one cluster"):
        clusters_of([{"a", "b"}, {"b", "c"}])


def test_empty_response() -> None:
    s = coref_scores(KEY, [])
    assert (s.muc.f1, s.b3.f1, s.ceafe.f1) == (0.0, 0.0, 0.0)
