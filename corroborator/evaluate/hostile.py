"""A seeded generator of hostile and odd inputs, for the fuzz test and ``bench/hostile.py``.

Each input is a file name (bytes, since POSIX names are bytes) and its content. The kinds are
what crawls and careless exports really produce — random bytes, wrong encodings, broken HTML
and JSON, huge integers, deep nesting, empty and invisible texts — and texts built to defeat
an extractor whose cost grows faster than the text: runs of numbers, quotes, dashes, dates,
one endless sentence, emphasis markup, thousands of tiny records, hundreds of thousands of
short lines. Same seed, same inputs.
"""

from __future__ import annotations

import json
import os
import random
import resource
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from corroborator.config import Settings
from corroborator.engine import build
from corroborator.ingest.paths import shown_path
from corroborator.store import SQLiteStore

WORDS = [
    "council",
    "minister",
    "harbour",
    "report",
    "agreed",
    "talks",
    "visit",
    "summit",
    "trade",
    "city",
    "river",
    "bridge",
    "board",
    "company",
    "workers",
    "prices",
    "water",
    "school",
    "road",
    "station",
    "market",
    "fund",
    "plan",
    "budget",
    "port",
    "rail",
]
NAMES = ("Amara Velt", "Jon Castell", "Ilse Morrow", "Petra Lund", "Omar Seki", "Lena Hart")
CITIES = ("Port Alder", "Marrow Vale", "Kestrel Bay", "Tarnfield", "Ostrava Nova")
MONTHS = ("January", "March", "May", "July", "September", "November")


@dataclass(frozen=True)
class Hostile:
    """One generated input: its kind, file name and bytes."""

    kind: str
    name: bytes
    data: bytes


def _sentence(rng: random.Random) -> str:
    words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 14)))
    return f"{rng.choice(NAMES)} said the {words} in {rng.choice(CITIES)}."


def _prose(rng: random.Random, n: int) -> str:
    return " ".join(_sentence(rng) for _ in range(n))


def _numbers(rng: random.Random, scale: int) -> str:
    return " ".join(
        f"The fund paid ${rng.randint(1, 999)} billion to {rng.randint(2, 90)} firms, "
        f"{rng.randint(1, 99)}% more, {rng.choice(NAMES)} said."
        for _ in range(scale)
    )


def _quotes(rng: random.Random, scale: int) -> str:
    return " ".join(
        f'"{_sentence(rng)}" {rng.choice(NAMES)} said. "{rng.choice(WORDS)}' for _ in range(scale)
    )


def _dashes(rng: random.Random, scale: int) -> str:
    return " — ".join(f"{rng.choice(WORDS)} – {rng.randint(1, 99)}" for _ in range(scale * 4))


def _dates(rng: random.Random, scale: int) -> str:
    return " ".join(
        f"On {rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(1990, 2030)} and on "
        f"Tuesday the {rng.choice(WORDS)} met, from {rng.randint(1, 12)} to "
        f"{rng.randint(13, 28)} {rng.choice(MONTHS)}."
        for _ in range(scale)
    )


def _long_sentence(rng: random.Random, scale: int) -> str:
    parts = (
        f"{rng.choice(NAMES)} met {rng.choice(NAMES)} in {rng.choice(CITIES)} and said "
        f"{rng.randint(2, 900)} {rng.choice(WORDS)}"
        for _ in range(scale * 3)
    )
    return ", and ".join(parts) + "."


def _emphasis(rng: random.Random, scale: int) -> str:
    return " ".join(
        rng.choice(("*", "_", "**", "__")) + rng.choice(WORDS) + rng.choice(("", "*", "_ "))
        for _ in range(scale * 20)
    )


def _punctuation(rng: random.Random, scale: int) -> str:
    return "Start. " + "".join(rng.choice("!?.,;:-()[]'\"/\\") for _ in range(scale * 200))


def _short_lines(rng: random.Random, scale: int) -> str:
    return "\n".join(rng.choice(WORDS) for _ in range(scale * 400))


TEXTS: dict[str, Callable[[random.Random, int], str]] = {
    "numbers": _numbers,
    "quotes": _quotes,
    "dashes": _dashes,
    "dates": _dates,
    "long-sentence": _long_sentence,
    "emphasis": _emphasis,
    "punctuation": _punctuation,
    "short-lines": _short_lines,
}


def _odd(rng: random.Random, i: int) -> Hostile:
    """A small broken or odd file of one of many kinds."""
    good = _prose(rng, 3)
    choice = rng.randrange(16)
    if choice == 0:
        return Hostile("random-bytes", f"r{i}.txt".encode(), rng.randbytes(rng.randint(1, 4000)))
    if choice == 1:
        return Hostile("utf16", f"u{i}.txt".encode(), good.encode("utf-16"))
    if choice == 2:
        return Hostile("latin1", f"l{i}.txt".encode(), (good + " café naïve").encode("latin-1"))
    if choice == 3:
        cut = good.encode()[: rng.randint(1, 60)]
        return Hostile("broken-json", f"j{i}.json".encode(), b'{"text": "' + cut)
    if choice == 4:
        digits = "9" * rng.randint(4400, 9000)
        return Hostile(
            "huge-int", f"h{i}.json".encode(), f'{{"text": "{good}", "n": {digits}}}'.encode()
        )
    if choice == 5:
        depth = rng.randint(2000, 50000)
        return Hostile("deep-json", f"d{i}.json".encode(), b"[" * depth + b"]" * depth)
    if choice == 6:
        return Hostile("nul-json", f"n{i}.json".encode(), json.dumps({"text": "\0" * 99}).encode())
    if choice == 7:
        return Hostile("invisible", f"z{i}.txt".encode(), ("\u200b\u200d" * 50).encode())
    if choice == 8:
        return Hostile("one-byte", f"o{i}.txt".encode(), rng.choice([b"x", b"\n", b"\xff", b"."]))
    if choice == 9:
        body = "<html><body><p>" + good + "<div><span>" * rng.randint(10, 3000)
        return Hostile("broken-html", f"p{i}.html".encode(), body.encode())
    if choice == 10:
        name = b"bad\xff\xfe" + str(i).encode() + b".txt"
        return Hostile("non-utf8-name", name, good.encode())
    if choice == 11:
        return Hostile("control-name", f"c\x1b[31m{i}\u202e.txt".encode(), good.encode())
    if choice == 12:
        record = {"title": "[/red][bold]" * 3, "source_domain": "[/]", "text": good}
        name = f"m[bold]{i}[.json".encode()  # rich markup in the name, title and outlet
        return Hostile("markup", name, json.dumps(record).encode())
    if choice == 13:
        lines = "\n".join(
            json.dumps({"text": rng.choice(WORDS)}) for _ in range(rng.randint(50, 400))
        )
        return Hostile("tiny-records", f"t{i}.jsonl".encode(), lines.encode())
    if choice == 14:
        return Hostile(
            "json-types",
            f"y{i}.json".encode(),
            json.dumps(rng.choice([[], 7, "x", None, [1, {"text": 5}]])).encode(),
        )
    return Hostile("good", f"g{i}.txt".encode(), good.encode())


def generate(seed: int, count: int, *, scale: int = 200) -> Iterator[Hostile]:
    """``count`` inputs from ``seed``: the pathological texts at ``scale`` (sentences, or their
    equivalent; 200 makes texts of 20–60 KB), the rest small odd files."""
    rng = random.Random(seed)
    kinds = list(TEXTS)
    for i in range(count):
        if i < len(kinds) or rng.random() < 0.15:
            kind = kinds[i % len(kinds)]
            text = TEXTS[kind](rng, scale)
            yield Hostile(kind, f"{kind}-{i}.txt".encode(), text.encode())
        else:
            yield _odd(rng, i)


GOOD_ARTICLES = (
    "PORT ALDER, 4 March (Tidewater Courier) - The harbour master of Port Alder met the transport "
    "minister on Tuesday to discuss a new ferry pier. The two agreed to spend $6 million on the "
    "work, the harbour master said after the meeting.",
    "MARROW VALE, 5 March (Vale Gazette) - The council of Marrow Vale approved a bus depot on "
    "Wednesday after a two-hour debate. The depot will cost 12 million euros, the mayor said.",
    "KESTREL BAY, 6 March (Bay Observer) - Fishermen in Kestrel Bay held a protest on Thursday "
    "against new quotas. About 300 people joined the march to the town hall, police said.",
)


def write_batch(folder: Path, seed: int, count: int, *, scale: int) -> dict[str, int]:
    """Write ``count`` generated inputs and the good articles into ``folder``; return how
    many of each kind were written."""
    folder.mkdir(parents=True, exist_ok=True)
    kinds: dict[str, int] = {}
    for item in generate(seed, count, scale=scale):
        with open(os.path.join(os.fsencode(folder), item.name), "wb") as fh:
            fh.write(item.data)
        kinds[item.kind] = kinds.get(item.kind, 0) + 1
    for i, text in enumerate(GOOD_ARTICLES):
        (folder / f"good-article-{i}.txt").write_text(text, encoding="utf-8")
    return kinds


def run_batch(folder: Path, db: str) -> dict[str, object]:
    """Build ``folder`` into a new store the way ``corroborator build`` does, one article per
    analysis batch so that each file's cost can be timed; return what a fuzz run checks."""
    settings = Settings(db=db, batch_size=1, commit_every=8)
    store = SQLiteStore(db)
    seen: list[tuple[float, str]] = []

    def note(event: str, detail: object) -> None:
        if event == "file":
            seen.append((time.perf_counter(), shown_path(detail)))  # type: ignore[arg-type]

    started = time.perf_counter()
    report = build([folder], store, settings, note)
    seen.append((time.perf_counter(), ""))
    slowest = max(((b[0] - a[0], a[1]) for a, b in pairwise(seen)), default=(0.0, ""))
    stored = {Path(a.source_path).name for a in store.iter_articles()}
    store.close()
    return {
        "files": report.files_seen,
        "articles": report.articles_new,
        "errors": len(report.errors),
        "error_lines": [str(e) for e in report.errors],
        "good_stored": all(f"good-article-{i}.txt" in stored for i in range(len(GOOD_ARTICLES))),
        "slowest_file_s": round(slowest[0], 2),
        "slowest_file": slowest[1],
        "seconds": round(time.perf_counter() - started, 1),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
    }
