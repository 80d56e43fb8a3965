"""Event coreference on ECB+, through the product: how our timelines merge event mentions.

The product's event coreference is :func:`corroborator.link.event_merge.merge_mentions`, run by
linking over the event mentions our analysis extracts. This measures exactly that: the ECB+
test topics 36–45 are built and linked by the product (bench/ecbplus_common.py,
:func:`~ecbplus_common.product_run`); every mention of every event of every stored story is
mapped to a gold action mention (ACTION_* or NEG_ACTION_*) of the same document whose tokens
its trigger overlaps, one to one, most overlap first (gold offsets mapped through the
detokenisation). Reported:

- **mention detection**: gold action mentions matched by a predicted mention / all gold
  (recall), predicted mentions matched to a gold one / all predicted (precision). Our event
  ontology is built for diplomatic timelines: most ECB+ actions ("said", "injured", "deal")
  are not events to it, so recall is low by design;
- **coreference on the matched mentions**: MUC, B³, CEAF-e and the CoNLL F1 of our events
  against the gold chains, over the gold mentions our triggers found; beside it, on the very
  same mentions, two baselines: same story and same trigger lemma (the usual same-lemma
  baseline), and same story and same event type (our types, without dates, places or people);
- **end to end**: the same scores with every gold action mention in the key and every
  predicted mention in the response — a gold mention we missed costs recall, a predicted
  mention matching no gold one costs precision (the CoNLL-2012 scorer's convention).

    .venv/bin/python bench/ecbplus_coref.py [--json]
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ecbplus_common as common

from corroborator.evaluate.metrics import coref_scores


@dataclass(frozen=True)
class Predicted:
    """One mention of an event of the product's timelines, in one ECB+ document."""

    key: str  # "<document>:<trigger start>-<trigger end>"
    doc: str
    start: int  # trigger offsets in the detokenised text
    end: int
    story: str
    event: str  # the id of the event it was merged into
    type: str
    trigger: str


@dataclass(frozen=True)
class Gold:
    """One gold action mention, its offsets mapped into the detokenised text."""

    key: str  # "<document>:<m_id>"
    doc: str
    start: int
    end: int
    chain: str


def predicted_mentions(run: common.ProductRun) -> list[Predicted]:
    """Every mention of every stored event, once per document holding its article."""
    docs_of: dict[str, list[str]] = {}
    for name, aid in sorted(run.article_of.items()):
        docs_of.setdefault(aid, []).append(name)
    out = []
    for story in run.store.iter_stories():
        for event in story.events:
            for m in event.mentions:
                for doc in docs_of.get(m.article_id, []):
                    out.append(Predicted(
                        key=f"{doc}:{m.trigger_start}-{m.trigger_end}", doc=doc,
                        start=m.trigger_start, end=m.trigger_end, story=story.id,
                        event=event.id, type=m.type, trigger=m.trigger,
                    ))  # fmt: skip
    return sorted(out, key=lambda p: (p.doc, p.start, p.end))


def gold_mentions(run: common.ProductRun) -> list[Gold]:
    """The gold action mentions of the run's documents, in detokenised offsets."""
    out = []
    for doc in run.docs:
        mapping = run.mapping[doc.name]
        for m in doc.mentions:
            if m.is_action:
                out.append(Gold(f"{doc.name}:{m.m_id}", doc.name, mapping[m.start],
                                mapping[m.end], m.chain))  # fmt: skip
    return out


def match(predicted: Sequence[Predicted], gold: Sequence[Gold]) -> dict[str, str]:
    """Predicted key → gold key, one to one, for triggers that overlap a gold mention in the
    same document: pairs with the most characters in common first, then in text order."""
    by_doc: dict[str, list[Gold]] = {}
    for g in gold:
        by_doc.setdefault(g.doc, []).append(g)
    pairs = []
    for p in predicted:
        for g in by_doc.get(p.doc, []):
            overlap = min(p.end, g.end) - max(p.start, g.start)
            if overlap > 0:
                pairs.append((-overlap, p.doc, g.start, p.start, p.key, g.key))
    matched: dict[str, str] = {}
    taken: set[str] = set()
    for *_, pk, gk in sorted(pairs):
        if pk not in matched and gk not in taken:
            matched[pk] = gk
            taken.add(gk)
    return matched


def trigger_lemmas(run: common.ProductRun, predicted: Sequence[Predicted]) -> dict[str, str]:
    """The lemma of each predicted trigger's syntactic head, by spaCy (the product's model)."""
    from corroborator.analyze.nlp import load_model
    from corroborator.config import Settings

    nlp = load_model(Settings().spacy_model)
    names = sorted({p.doc for p in predicted})
    parsed = dict(zip(names, nlp.pipe([run.text[n] for n in names], batch_size=32), strict=True))
    out = {}
    for p in predicted:
        span = parsed[p.doc].char_span(p.start, p.end, alignment_mode="expand")
        if span is None or not len(span):
            out[p.key] = p.trigger.lower()
            continue
        head = next((t for t in span if not (span.start <= t.head.i < span.end) or t.head == t),
                    span[0])  # fmt: skip
        out[p.key] = head.lemma_.lower()
    return out


def _scores(key: Mapping[str, str], response: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = coref_scores(key, response).as_dict()
    return out


def run(
    topics: Sequence[int] = common.TEST_TOPICS, joint: common.ProductRun | None = None
) -> dict[str, Any]:
    """Build and link ``topics`` in one store (unless ``joint`` is given); mention detection
    and coreference of our timelines and of the same-lemma baseline, with timings."""
    if joint is None:
        with common.product_run(common.load(topics)) as fresh:
            return run(topics, fresh)
    started = time.perf_counter()
    predicted = predicted_mentions(joint)
    gold = gold_mentions(joint)
    matched = match(predicted, gold)
    lemma = trigger_lemmas(joint, predicted)
    chain = {g.key: g.chain for g in gold}
    ours = {matched.get(p.key, p.key): p.event for p in predicted}
    same_lemma = {matched.get(p.key, p.key): (p.story, lemma[p.key]) for p in predicted}
    same_type = {matched.get(p.key, p.key): (p.story, p.type) for p in predicted}
    found = set(matched.values())
    on_matched = {k: v for k, v in chain.items() if k in found}

    def restricted(response: Mapping[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in response.items() if k in found}

    return {
        "documents": len(joint.docs),
        "stories": len({p.story for p in predicted}),
        "events": len({p.event for p in predicted}),
        "detection": {
            "gold": len(gold),
            "predicted": len(predicted),
            "matched": len(matched),
            "recall": len(matched) / len(gold) if gold else 0.0,
            "precision": len(matched) / len(predicted) if predicted else 0.0,
        },
        "matched": {
            "mentions": len(on_matched),
            "gold_chains": len(set(on_matched.values())),
            "ours": _scores(on_matched, restricted(ours)),
            "lemma_baseline": _scores(on_matched, restricted(same_lemma)),
            "type_baseline": _scores(on_matched, restricted(same_type)),
        },
        "end_to_end": {
            "gold_chains": len(set(chain.values())),
            "ours": _scores(chain, ours),
            "lemma_baseline": _scores(chain, same_lemma),
            "type_baseline": _scores(chain, same_type),
        },
        "seconds": {
            "build": joint.seconds["build"],
            "link": joint.seconds["link"],
            "scoring": time.perf_counter() - started,
        },
    }


def _row(label: str, system: str, s: Mapping[str, Any]) -> str:
    return (f"{label:12} {system:15} {s['muc']['f1'] * 100:6.1f} {s['b3']['f1'] * 100:6.1f} "
            f"{s['ceafe']['f1'] * 100:7.1f} {s['conll'] * 100:6.1f}")  # fmt: skip


def main(argv: list[str]) -> int:
    if not common.ROOT.is_dir():
        print(f"skipped: {common.ROOT} is absent", file=sys.stderr)
        return 0
    result = run()
    if "--json" in argv:
        print(json.dumps(result, indent=2))
        return 0
    det = result["detection"]
    print(f"ECB+ test topics 36-45: {result['documents']} documents built and linked; "
          f"{det['predicted']} event mentions in {result['events']} events of "
          f"{result['stories']} stories; {det['gold']} gold action mentions")  # fmt: skip
    print(f"mention detection: recall {det['matched']}/{det['gold']} = {det['recall']:.3f}, "
          f"precision {det['matched']}/{det['predicted']} = {det['precision']:.3f}")  # fmt: skip
    m = result["matched"]
    print(
        f"coreference on the {m['mentions']} matched gold mentions ({m['gold_chains']} gold "
        f"chains) and end to end ({result['end_to_end']['gold_chains']} gold chains):"
    )
    print(f"{'mentions':12} {'system':15} {'MUC':>6} {'B3':>6} {'CEAF-e':>7} {'CoNLL':>6}")
    for label in ("matched", "end_to_end"):
        for system in ("ours", "lemma_baseline", "type_baseline"):
            print(_row(label, system, result[label][system]))
    secs = result["seconds"]
    print(f"build {secs['build']:.1f} s, link {secs['link']:.1f} s, "
          f"matching and scoring {secs['scoring']:.1f} s")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
