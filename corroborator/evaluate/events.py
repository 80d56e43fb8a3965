"""Event mentions scored against the timeline of ../shared/seeds-gold.yaml.

The gold names event types in its own words; :data:`GOLD_TYPES` says which of ours each may be
(a "bilateral meeting" between two leaders is our ``meeting`` or ``talks``, both CAMEO 040).
A gold mention is *recalled* when one of our non-background mentions in the same file has a
compatible type and the right date, place and status. Place is right when ours is the gold
place, or one lies within the other in the gazetteer (a venue in its city); strict equality is
reported too. Precision counts our non-background mentions other than ``visit`` (the gold
records the visit itself as claims, not as a timeline event).
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from corroborator.analyze.gazetteer import load_gazetteer
from corroborator.config import Settings
from corroborator.model import EventMention

GOLD_TYPES: dict[str, frozenset[str]] = {
    "arrival": frozenset({"arrival"}),
    "wreath_laying": frozenset({"wreath_laying"}),
    "informal_meeting": frozenset({"talks", "meeting"}),
    "official_welcome_ceremony": frozenset({"welcome_ceremony"}),
    "talks": frozenset({"talks", "meeting"}),
    "signing": frozenset({"signing"}),
    "press_statements": frozenset({"press_statements"}),
    "reception": frozenset({"reception"}),
    "bilateral_meeting": frozenset({"meeting", "talks"}),
    "summit": frozenset({"summit"}),
    "school_opening": frozenset({"opening"}),
    "ceremony": frozenset({"ceremony"}),
    "military_exercise": frozenset({"military_exercise"}),
    "award": frozenset({"award"}),
}
_MONTHS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}


@dataclass(frozen=True)
class GoldMention:
    """One gold mention: an event of the timeline as one file reports it."""

    event: str
    file: str
    types: frozenset[str]
    date: str | None  # ISO day, "A/B" range, "before X", or None when any date is right
    place: str | None
    status: str


@dataclass
class EventScores:
    """Recall per field and overall, and precision, with the misses for a report."""

    gold: int = 0
    recalled: int = 0
    type_found: int = 0
    date_right: int = 0
    place_right: int = 0
    place_strict: int = 0
    place_scored: int = 0
    status_right: int = 0
    predicted: int = 0
    predicted_type_ok: int = 0
    predicted_correct: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        """Share of gold mentions found with type, date, place and status right."""
        return self.recalled / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        """Share of our story mentions that match a gold mention by type and date."""
        return self.predicted_correct / self.predicted if self.predicted else 0.0

    @property
    def type_precision(self) -> float:
        """Share of our story mentions whose type a gold mention of that file has."""
        return self.predicted_type_ok / self.predicted if self.predicted else 0.0

    def as_dict(self) -> dict[str, float | int]:
        """The numbers, for JSON and floors."""
        return {
            "gold_mentions": self.gold,
            "recall": round(self.recall, 4),
            "precision": round(self.precision, 4),
            "type_recall": round(self.type_found / self.gold, 4) if self.gold else 0.0,
            "type_precision": round(self.type_precision, 4),
            "date_accuracy": round(self.date_right / self.type_found, 4)
            if self.type_found
            else 0.0,
            "place_accuracy": round(self.place_right / self.place_scored, 4)
            if self.place_scored
            else 0.0,
            "place_accuracy_strict": round(self.place_strict / self.place_scored, 4)
            if self.place_scored
            else 0.0,
            "status_accuracy": round(self.status_right / self.type_found, 4)
            if self.type_found
            else 0.0,
            "predicted_mentions": self.predicted,
        }


def _gold_place(raw: Any) -> str | None:
    if not raw:
        return None
    text = raw["canonical"] if isinstance(raw, dict) else str(raw)
    gaz = load_gazetteer()
    for candidate in (text, text.split(" (")[0], text.split(",")[0]):
        entry = gaz.lookup(candidate.strip())
        if entry is not None:
            return entry.name
    return text


def _override_date(mention: dict[str, Any], event_date: str) -> str | None:
    resolution = str(mention.get("date_resolution", ""))
    note = str(mention.get("note", ""))
    said = re.search(r"text says \w+ \((\d{1,2}) (\w{3})", resolution)
    if said:
        return f"{event_date[:4]}-{_MONTHS[said.group(2).lower()]:02d}-{int(said.group(1)):02d}"
    if "no date" in note:
        return None
    return event_date


def load_gold(path: Path) -> list[GoldMention]:
    """The gold timeline's mentions."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = []
    for event in data["timeline"]:
        date = str(event["date"])
        for mention in event["mentions"]:
            out.append(GoldMention(
                event=event["id"], file=mention["file"], types=GOLD_TYPES[event["type"]],
                date=_override_date(mention, date), place=_gold_place(event.get("place")),
                status=mention["status"],
            ))  # fmt: skip
    return out


def _date_ok(gold: str | None, ours: EventMention) -> bool:
    if gold is None:
        return True
    if gold.startswith("before "):
        return ours.date is None or ours.date <= gold[7:]
    if "/" in gold:
        begin, end = gold.split("/")
        return ours.date == begin and ours.date_end == end
    return ours.date == gold and (ours.date_end is None or ours.date_end == gold)


def _place_ok(gold: str | None, ours: str | None, strict: bool) -> bool:
    if gold is None:
        return True
    if ours is None:
        return False
    if strict:
        return ours == gold
    gaz = load_gazetteer()
    return ours == gold or gaz.within(ours, gold) or gaz.within(gold, ours)


def score_events(
    gold: list[GoldMention], ours: Mapping[str, Iterable[EventMention]]
) -> EventScores:
    """Score our mentions (by file name) against the gold mentions."""
    scores = EventScores()
    by_file = {name: [m for m in mentions if not m.background] for name, mentions in ours.items()}
    for g in gold:
        scores.gold += 1
        candidates = [m for m in by_file.get(g.file, []) if m.type in g.types]
        if not candidates:
            scores.misses.append(
                f"{g.event} {g.file[:3]}: no mention of type {'/'.join(sorted(g.types))}"
            )
            continue
        scores.type_found += 1

        def fields(m: EventMention, g: GoldMention = g) -> tuple[bool, bool, bool]:
            return _date_ok(g.date, m), _place_ok(g.place, m.place, False), m.status == g.status

        best = max(candidates, key=lambda m: sum(fields(m)))
        date_ok, place_ok, status_ok = fields(best)
        scores.date_right += date_ok
        scores.status_right += status_ok
        if g.place is not None:
            scores.place_scored += 1
            scores.place_right += place_ok
            scores.place_strict += any(_place_ok(g.place, m.place, True) for m in candidates)
        if date_ok and place_ok and status_ok:
            scores.recalled += 1
        else:
            wrong = [
                n
                for n, ok in (("date", date_ok), ("place", place_ok), ("status", status_ok))
                if not ok
            ]
            scores.misses.append(
                f"{g.event} {g.file[:3]}: {', '.join(wrong)} wrong — "
                f"gold {g.date}/{g.place}/{g.status}, "
                f"ours {best.date}/{best.place}/{best.status} ({best.trigger!r})"
            )
    for name, mentions in by_file.items():
        golds = [g for g in gold if g.file == name]
        for m in mentions:
            if m.type == "visit":
                continue
            scores.predicted += 1
            typed = [g for g in golds if m.type in g.types]
            scores.predicted_type_ok += bool(typed)
            if any((_date_ok(g.date, m) and m.date is not None) or g.date is None for g in typed):
                scores.predicted_correct += 1
            else:
                scores.false_positives.append(
                    f"{name[:3]} {m.type} {m.date} {m.status} ({m.trigger!r})"
                )
    return scores


def seeds_event_scores(shared: Path) -> tuple[EventScores, EventScores]:
    """Build and link the seeds in a fresh store; score their event mentions as each article
    alone dates them, and as the story dates them ("the second day" of the visit another
    article spans, a bare weekday read within the story)."""
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(db=str(Path(tmp) / "seeds.db"))
        from corroborator.engine import build
        from corroborator.engine.link import link
        from corroborator.store import SQLiteStore

        store = SQLiteStore(settings.db)
        build([shared / "seeds"], store, settings)
        link(store)
        names = {a.id: Path(a.source_path).name for a in store.iter_articles()}
        article_level: dict[str, list[EventMention]] = {}
        for aid, name in names.items():
            analysis = store.get_analysis(aid)
            article_level[name] = list(analysis.event_mentions) if analysis else []
        story_level: dict[str, list[EventMention]] = {n: [] for n in names.values()}
        for story in store.iter_stories():
            for event in story.events:
                for m in event.mentions:
                    story_level[names[m.article_id]].append(m)
        store.close()
    gold = load_gold(shared / "seeds-gold.yaml")
    return score_events(gold, article_level), score_events(gold, story_level)
