"""The quality gate for dates: TempEval-3 TBAQ value F1 above the floor and above dateparser.

Reads ../shared/datasets/tempeval3-tbaq at test time (skipped when absent). About 40 s: the
spaCy parse of 256 files is most of it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corroborator.analyze.nlp import load_model
from corroborator.config import Settings
from corroborator.evaluate.timex import evaluate, tag_dateparser, tag_ours
from corroborator.evaluate.tml import parse_tml, read_corpus

from .conftest import SHARED

TBAQ = SHARED / "datasets" / "tempeval3-tbaq"
FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text())["timex"]


def test_tml_reader_keeps_gold_offsets() -> None:
    doc = parse_tml(
        '<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08">19980108</TIMEX3></DCT>'
        '<TEXT>Sales rose &amp; fell <TIMEX3 tid="t1" type="DATE" value="1997">last year'
        "</TIMEX3>.</TEXT>",
        "x",
    )
    assert doc.dct == "1998-01-08" and doc.text == "Sales rose & fell last year."
    (g,) = doc.timexes
    assert doc.text[g.start : g.end] == "last year" and g.value == "1997"


def test_tbaq_value_f1_above_floor_and_baseline() -> None:
    if not TBAQ.is_dir():
        pytest.skip("../shared/datasets/tempeval3-tbaq is absent")
    docs = read_corpus(TBAQ)
    assert len(docs) == 256
    nlp = load_model(Settings().spacy_model)
    ours = evaluate(docs, lambda ds: tag_ours(ds, nlp))
    baseline = evaluate(docs, tag_dateparser)
    value_f1 = ours.value_prf[2]
    assert value_f1 >= FLOORS["tbaq_value_f1"], ours.as_dict()
    assert ours.relaxed_prf[2] >= FLOORS["tbaq_relaxed_f1"], ours.as_dict()
    assert value_f1 > baseline.value_prf[2]
    assert value_f1 >= FLOORS["tbaq_value_f1_over_dateparser"] * baseline.value_prf[2]
