"""The temporal lexicon (``corroborator/data/temporal.yaml``) as lookup tables for the tagger.

Every word the grammar knows comes from the data file, so users extend the tagger by adding
words there (or in their own ``temporal.yaml`` in ``$CORROBORATOR_DATA_DIR``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from corroborator import lexicon


@dataclass(frozen=True)
class Unit:
    """A unit of time: its canonical name, ISO 8601 designator and how many of it one counts."""

    name: str
    code: str
    time: bool
    multiplier: int


@dataclass(frozen=True)
class Words:
    """Lookup tables, all keyed by lower-case text."""

    months: dict[str, int]
    weekdays: dict[str, int]
    abbreviations: frozenset[str]  # month and weekday names shorter than the full one
    decade_words: dict[str, int]
    numbers: dict[str, float]
    vague_numbers: frozenset[str]
    ordinals: dict[str, int]
    units: dict[str, Unit]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    clock_words: dict[str, str]
    fixed_holidays: dict[str, str]
    weekday_holidays: dict[str, tuple[int, int, int]]
    references: dict[str, str]
    shifts: dict[str, int]
    offsets: dict[str, int]
    point_modifiers: dict[str, str]
    duration_modifiers: dict[str, str]
    boundary_signals: dict[str, str]
    frequencies: dict[str, str]
    set_quantifiers: frozenset[str]
    start_verbs: frozenset[str]
    caption_labels: tuple[str, ...]
    end_verbs: frozenset[str]
    forward_cues: frozenset[str]
    bound_cues: frozenset[str]
    deadline_cues: frozenset[str]
    backward_cues: frozenset[str]
    plan_heads: frozenset[str]
    reporting_verbs: frozenset[str]


def _lower_map(raw: dict[Any, Any]) -> dict[str, Any]:
    return {str(k).lower(): v for k, v in raw.items()}


def _invert(raw: dict[Any, list[str]], cast: Any = str) -> dict[str, Any]:
    return {name.lower(): cast(key) for key, names in raw.items() for name in names}


@cache
def words() -> Words:
    """The lexicon, read once per process."""
    data = lexicon.load("temporal.yaml")
    units: dict[str, Unit] = {}
    for name, spec in data["units"].items():
        unit = Unit(
            name=name,
            code=spec["code"],
            time=bool(spec.get("time", False)),
            multiplier=int(spec.get("multiplier", 1)),
        )
        for form in spec["names"]:
            units[form.lower()] = unit
    abbreviations = frozenset(
        name.lower()
        for table in (data["months"], data["weekdays"])
        for names in table.values()
        for name in names
        if len(name) < max(len(n) for n in names)
    )
    return Words(
        months=_invert(data["months"], int),
        weekdays=_invert(data["weekdays"], int),
        abbreviations=abbreviations,
        decade_words={str(k).lower(): int(v) for k, v in data.get("decade_words", {}).items()},
        numbers={str(k).lower(): float(v) for k, v in data["numbers"].items()},
        vague_numbers=frozenset(w.lower() for w in data["vague_numbers"]),
        ordinals={str(k).lower(): int(v) for k, v in data["ordinals"].items()},
        units=units,
        seasons=_invert(data["seasons"]),
        parts_of_day=_invert(data["parts_of_day"]),
        clock_words=_lower_map(data["clock_words"]),
        fixed_holidays=_lower_map(data["fixed_holidays"]),
        weekday_holidays={
            str(k).lower(): (int(v["month"]), int(v["weekday"]), int(v["nth"]))
            for k, v in data["weekday_holidays"].items()
        },
        references=_invert(data["references"]),
        shifts={str(k).lower(): int(v) for k, v in data["shifts"].items()},
        offsets={str(k).lower(): int(v) for k, v in data["offsets"].items()},
        point_modifiers=_lower_map(data["point_modifiers"]),
        duration_modifiers=_lower_map(data["duration_modifiers"]),
        boundary_signals=_lower_map(data["boundary_signals"]),
        frequencies=_lower_map(data["frequencies"]),
        set_quantifiers=frozenset(w.lower() for w in data["set_quantifiers"]),
        start_verbs=frozenset(w.lower() for w in data["start_verbs"]),
        caption_labels=tuple(str(w) for w in data.get("caption_labels", [])),
        end_verbs=frozenset(w.lower() for w in data.get("end_verbs", [])),
        forward_cues=frozenset(w.lower() for w in data["forward_cues"]),
        bound_cues=frozenset(w.lower() for w in data["bound_cues"]),
        deadline_cues=frozenset(w.lower() for w in data["deadline_cues"]),
        backward_cues=frozenset(w.lower() for w in data["backward_cues"]),
        plan_heads=frozenset(w.lower() for w in data["plan_heads"]),
        reporting_verbs=frozenset(w.lower() for w in data["reporting_verbs"]),
    )


def number(text: str) -> float | None:
    """The value of a written count: ``"3"``, ``"1,500"``, ``"twenty-five"``, ``"a"``,
    ``"half a dozen"``; None for a vague or unknown count."""
    s = " ".join(text.lower().replace("-", " ").split())
    if not s:
        return None
    digits = s.replace(",", "")
    frac = {"1/2": 0.5, "1/4": 0.25, "3/4": 0.75}
    parts = digits.split()
    if len(parts) == 2 and parts[1] in frac and parts[0].isdigit():
        return int(parts[0]) + frac[parts[1]]
    try:
        return float(digits)
    except ValueError:
        pass
    table = words().numbers
    if s in table:
        return table[s]
    total = 0.0
    for part in s.split():
        if part == "and":
            continue
        if part not in table:
            return None
        value = table[part]
        total = total * value if value == 100 and total else total + value
    return total


def ordinal(text: str) -> int | None:
    """The value of an ordinal: ``"second"`` → 2, ``"21st"`` → 21, ``"last"`` → -1."""
    s = text.lower().strip()
    if s in words().ordinals:
        return words().ordinals[s]
    digits = s.rstrip("stndrh")
    return int(digits) if digits.isdigit() else None
