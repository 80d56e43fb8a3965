"""The whole dossier of ../shared/seeds scored against seeds-gold.yaml: stories, timeline,
claims, verdicts, conflicts and source dependence.

The gold writes claims in prose; :data:`EXPECTED_VERDICTS` states the verdict each gold claim
implies (from its ``conflicts``/``not_conflicts`` entries and the figures it lists), and
:data:`CLAIM_UNITS` the unit of the values that are numbers. Gold numbers are matched to ours by
file, value and unit; categorical gold claims by file and kind.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from corroborator.evaluate.events import GOLD_TYPES

# What each gold claim's own text implies. "possible" conflicts accept either verdict.
EXPECTED_VERDICTS: dict[str, frozenset[str]] = {
    "s.c2": frozenset({"corroborated"}),  # the 2025 articles all say "state visit"
    "s.c5": frozenset({"conflicting"}),  # 1,700 vs 1,800, genuine
    "s.c6": frozenset({"compatible"}),  # over 1.8 vs nearly 2 billion, not a conflict
    "s.c7": frozenset({"corroborated", "compatible"}),  # 97%: aligned, not a conflict
    "s.c8": frozenset({"corroborated"}),
    "s.c9": frozenset({"corroborated"}),
    "s.c10": frozenset({"conflicting", "compatible"}),  # genuine: possible
    "s.c12": frozenset({"corroborated"}),
    "s.c13": frozenset({"corroborated"}),
}
# Categorical gold claims and the unit our claims of that kind carry.
CATEGORICAL_UNITS: dict[str, str] = {"s.c2": "category", "s.c10": "rank"}
CLAIM_UNITS: dict[str, str] = {
    "s.c5": "company",
    "s.c6": "USD",
    "s.c7": "percent",
    "s.c8": "USD",
    "s.c9": "percent",
    "s.c12": "teacher",
    "s.c13": "school",
}


@dataclass
class SeedScores:
    """Every number of the seeds evaluation."""

    story_b3_f1: float = 0.0
    stories_exact: bool = False
    timeline_events: int = 0
    timeline_found: int = 0
    claim_values: int = 0
    claim_values_found: int = 0
    alignment_pairs: int = 0
    alignment_found: int = 0
    predicted_pairs: int = 0
    predicted_pairs_right: int = 0
    verdicts: int = 0
    verdicts_right: int = 0
    conflicts_gold: int = 0
    conflicts_found: int = 0
    conflicts_predicted: int = 0
    conflicts_predicted_right: int = 0
    dependence_right: bool = False
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """The numbers, for JSON and floors."""

        def ratio(a: int, b: int) -> float:
            return round(a / b, 4) if b else 0.0

        return {
            "story_b3_f1": round(self.story_b3_f1, 4),
            "stories_exact": self.stories_exact,
            "timeline_recall": ratio(self.timeline_found, self.timeline_events),
            "claim_value_recall": ratio(self.claim_values_found, self.claim_values),
            "alignment_recall": ratio(self.alignment_found, self.alignment_pairs),
            "alignment_precision": ratio(self.predicted_pairs_right, self.predicted_pairs),
            "verdict_accuracy": ratio(self.verdicts_right, self.verdicts),
            "conflict_recall": ratio(self.conflicts_found, self.conflicts_gold),
            "conflict_precision": ratio(self.conflicts_predicted_right, self.conflicts_predicted),
            "dependence_right": self.dependence_right,
        }


def _b3(gold: list[set[str]], ours: list[set[str]]) -> float:
    items = set().union(*gold)
    g = {i: c for c in gold for i in c}
    o = {i: c for c in ours for i in c if i in items}
    p = sum(len(g[i] & o.get(i, {i})) / len(o.get(i, {i})) for i in items) / len(items)
    r = sum(len(g[i] & o.get(i, {i})) / len(g[i]) for i in items) / len(items)
    return 2 * p * r / (p + r) if p + r else 0.0


def _number(raw: Any) -> float | None:
    try:
        return float(raw)
    except (TypeError, ValueError):
        return None


def score_dossier(gold_path: Path, dossier: dict[str, Any]) -> SeedScores:
    """Score a dossier built from the seeds."""
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    scores = SeedScores()
    name = {a["id"]: Path(a["source_path"]).name for a in dossier["articles"]}

    # stories
    gold_stories = [set(s["members"]) for s in gold["stories"]]
    ours = [{name[a] for a in s["articles"]} for s in dossier["stories"]]
    scores.story_b3_f1 = _b3(gold_stories, ours)
    scores.stories_exact = sorted(map(sorted, gold_stories)) == sorted(map(sorted, ours))

    # timeline: each gold event of a story found in our story holding its files
    story_of = {name[a]: s for s in dossier["stories"] for a in s["articles"]}
    for event in gold["timeline"]:
        scores.timeline_events += 1
        files = [m["file"] for m in event["mentions"]]
        story = story_of.get(files[0])
        date = str(event["date"])
        found = story is not None and any(
            e["type"] in GOLD_TYPES[event["type"]]
            and (
                e["date"] == date
                or date.startswith("before")
                or f"{e['date']}/{e['date_end']}" == date
            )
            for e in story["events"]
        )
        scores.timeline_found += found
        if not found:
            scores.notes.append(f"timeline: {event['id']} {event['type']} {date} not found")

    # claims
    claims = [c for s in dossier["stories"] for c in s["claims"]]
    value_index: dict[tuple[str, float, str | None], list[str]] = {}
    for c in claims:
        for v in c["values"]:
            if isinstance(v["value"], int | float):
                value_index.setdefault(
                    (name[v["article"]], float(v["value"]), c["unit"]), []
                ).append(c["id"])
    claim_of_gold: dict[str, list[set[str]]] = {}
    for gc in gold["claims"]:
        unit = CLAIM_UNITS.get(gc["id"])
        if unit is None:
            continue
        per_value = []
        for v in gc["values"]:
            number = _number(v["value"])
            if number is None:
                continue
            scores.claim_values += 1
            hits = set(value_index.get((v["file"], number, unit), []))
            scores.claim_values_found += bool(hits)
            if not hits:
                scores.notes.append(
                    f"claim value: {gc['id']} {v['file'][:3]} {number} {unit} not found"
                )
            per_value.append(hits)
        claim_of_gold[gc["id"]] = per_value
        for i, a in enumerate(per_value):
            for b in per_value[i + 1 :]:
                scores.alignment_pairs += 1
                scores.alignment_found += bool(a & b)
    gold_pairs = {
        frozenset(((gc_id, i), (gc_id, j)))
        for gc_id, vals in claim_of_gold.items()
        for i in range(len(vals))
        for j in range(i + 1, len(vals))
    }
    # precision of alignment: pairs of our aligned values that the gold also aligns
    for c in claims:
        vals = [
            (name[v["article"]], v["value"])
            for v in c["values"]
            if isinstance(v["value"], int | float)
        ]
        for i in range(len(vals)):
            for j in range(i + 1, len(vals)):
                known = [
                    g
                    for g in gold["claims"]
                    if g["id"] in CLAIM_UNITS
                    and any(
                        (x["file"], _number(x["value"])) in {vals[i], vals[j]} for x in g["values"]
                    )
                ]
                if not known:
                    continue  # a pair the gold says nothing about
                scores.predicted_pairs += 1
                together = any(
                    {(x["file"], _number(x["value"])) for x in g["values"]} >= {vals[i], vals[j]}
                    for g in known
                )
                scores.predicted_pairs_right += together
    del gold_pairs

    # verdicts
    by_id = {c["id"]: c for c in claims}
    for gc_id, expected in EXPECTED_VERDICTS.items():
        scores.verdicts += 1
        if gc_id in CATEGORICAL_UNITS:
            gold_files = {
                v["file"] for g in gold["claims"] if g["id"] == gc_id for v in g["values"]
            }
            stories = [story_of[f] for f in sorted(gold_files) if f in story_of]
            home = max(
                stories,
                key=lambda st: sum(name[a] in gold_files for a in st["articles"]),
                default=None,
            )
            ours_v = [
                c["verdict"]
                for c in (home or {"claims": []})["claims"]
                if c["unit"] == CATEGORICAL_UNITS[gc_id]
            ]
        else:
            found_ids = set().union(*claim_of_gold.get(gc_id, [set()]))
            ours_v = [by_id[i]["verdict"] for i in found_ids]
        right = bool(ours_v) and all(v in expected for v in ours_v)
        scores.verdicts_right += right
        if not right:
            scores.notes.append(f"verdict: {gc_id} expected {sorted(expected)}, ours {ours_v}")

    # conflicts: gold genuine ones must be found; non-genuine must not be flagged
    genuine = [c for c in gold["conflicts"] if c.get("genuine") is True]
    scores.conflicts_gold = len(genuine)
    event_conflicts = [
        (e, c)
        for s in dossier["stories"]
        for e in s["events"]
        for c in e["conflicts"]
        if c["field"] == "date"
    ]
    for g in genuine:
        if g["kind"] == "date":
            hit = any(e["type"] in {"talks", "meeting"} for e, _ in event_conflicts)
        else:
            hit = any(
                by_id[i]["verdict"] == "conflicting"
                for i in set().union(*claim_of_gold.get(g["claim"], [set()]))
            )
        scores.conflicts_found += hit
        if not hit:
            scores.notes.append(f"conflict missed: {g['claim']} ({g['kind']})")
    predicted = [c for c in claims if c["verdict"] == "conflicting"]
    scores.conflicts_predicted = len(predicted) + len(event_conflicts)
    allowed = {g["claim"] for g in gold["conflicts"] if g.get("genuine") in (True, "possible")}
    for c in predicted:
        owners = [gid for gid, vals in claim_of_gold.items() if c["id"] in set().union(*vals)]
        rank = c["unit"] == "rank"  # s.c10, the gold's "possible" categorical conflict
        ok = any(o in allowed for o in owners) or (rank and "s.c10" in allowed)
        scores.conflicts_predicted_right += ok
        if not ok:
            scores.notes.append(f"conflict not in gold: {c['subject']} ({c['unit']})")
    scores.conflicts_predicted_right += sum(
        1 for e, _ in event_conflicts if e["type"] in {"talks", "meeting"}
    )

    # dependence: 000 and 001 share a group; no other article shares one
    groups: dict[str, set[str]] = {}
    for a in dossier["articles"]:
        groups.setdefault(a.get("dependence_group", a["id"]), set()).add(name[a["id"]])
    multi = [g for g in groups.values() if len(g) > 1]
    scores.dependence_right = multi == [{"000_96cf9c738c412eb9.txt", "001_010bcd381503b4c6.txt"}]
    return scores


def notes_text(notes: Iterable[str]) -> str:
    """The misses, one per line."""
    return "\n".join(f"  {n}" for n in notes)
