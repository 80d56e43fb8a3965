"""news-dev: real news about seven events, English and Russian, scored as the shared scorer does.

``../shared/datasets/news-dev/`` holds excerpts of real news pages (``texts/CLUSTER/N.txt``), a
manifest (url, outlet, language, publication date per document) and a hand-made gold. Two feeds
are measured, as users have them:

* ``meta`` — each excerpt as a news-crawler JSON record (``url``, ``source_domain``,
  ``date_publish``, ``maintext``, ``language``), the domain taken from the url as a crawler
  gives it;
* ``bare`` — the ``.txt`` file alone: dates and outlets must be found in the text.

Scores come from ``../shared/tools/score_dossier.py`` itself: it is loaded from its file and
each aspect's one-line summary (``key=value …``) is read into numbers, its detail lines kept
as the misses. The per-cluster figures are the same scorer run on the dossier restricted to a
cluster's documents (its members and its distractors), so a cross-cluster merge shows in the
totals, not in the cluster's row.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import urlparse

import yaml

ASPECTS = ("stories", "events", "claims", "dependence")
FEEDS = ("meta", "bare")
# Kept out of sight while developing (docs/benchmarks.md, "Generalisation discipline"): their
# texts, gold and misses are not read; they are reported apart from the five others.
HELD_OUT = ("modi2024", "mongolia2024")


@dataclass(frozen=True)
class Document:
    """One news-dev excerpt: its id (``CLUSTER/N``), file and manifest entry."""

    id: str
    path: Path
    cluster: str
    language: str
    url: str | None
    published: str | None

    @property
    def group(self) -> str:
        """The cluster a distractor is confusable with, or the document's own cluster."""
        return self.cluster.removeprefix("distractors-")


def load_documents(root: Path) -> list[Document]:
    """Every document of news-dev, in a stable order, with its manifest metadata."""
    manifest = yaml.safe_load((root / "manifest.yaml").read_text(encoding="utf-8"))
    entries: dict[str, dict[str, Any]] = {}
    for section in ("clusters", "distractors"):
        raw = manifest.get(section) or []
        groups = [raw] if isinstance(raw, dict) else raw  # distractors: one group of articles
        for group in groups:
            for a in group.get("articles", []):
                entries[str(a["id"])] = a
    docs = []
    for path in sorted((root / "texts").glob("*/*.txt"), key=_doc_order):
        doc_id = f"{path.parent.name}/{path.stem}"
        entry = entries.get(doc_id, {})
        published = entry.get("published")
        docs.append(
            Document(
                id=doc_id,
                path=path,
                cluster=path.parent.name,
                language=str(entry.get("language") or "en"),
                url=entry.get("url"),
                published=str(published) if published else None,
            )
        )
    return docs


def _doc_order(path: Path) -> tuple[str, int]:
    return path.parent.name, int(path.stem) if path.stem.isdigit() else 0


def crawler_record(doc: Document) -> dict[str, Any]:
    """The record a news crawler (news-please style) would give for ``doc``."""
    domain = urlparse(doc.url).netloc.lower().removeprefix("www.") if doc.url else None
    return {
        "url": doc.url,
        "source_domain": domain or None,
        "date_publish": doc.published,
        "maintext": doc.path.read_text(encoding="utf-8"),
        "language": doc.language,
    }


def write_feed(docs: Iterable[Document], feed: str, out: Path) -> Path:
    """Lay ``docs`` out under ``out`` as ``CLUSTER/N.json`` (meta) or ``CLUSTER/N.txt`` (bare),
    the layout the scorer maps back to document ids; return ``out``."""
    if feed not in FEEDS:
        raise ValueError(f"unknown feed {feed!r} (one of {', '.join(FEEDS)})")
    for doc in docs:
        folder = out / doc.cluster
        folder.mkdir(parents=True, exist_ok=True)
        if feed == "meta":
            target = folder / f"{doc.path.stem}.json"
            target.write_text(json.dumps(crawler_record(doc), ensure_ascii=False), "utf-8")
        else:
            (folder / doc.path.name).write_bytes(doc.path.read_bytes())
    return out


def load_scorer(path: Path) -> ModuleType:
    """The shared scorer module, loaded from its file."""
    spec = importlib.util.spec_from_file_location("score_dossier", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"{path}: cannot load the scorer")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")


def parse_summary(line: str) -> dict[str, Any]:
    """``"claims values_found=3/10 value_precision=0.500"`` → numbers (a ratio ``a/b`` gives
    ``{"values_found": 3, "values_found_total": 10}``)."""
    out: dict[str, Any] = {}
    for token in line.split()[1:]:
        key, sep, raw = token.partition("=")
        if not sep:
            continue
        if "/" in raw and all(_NUMBER.match(p) for p in raw.split("/", 1)):
            num, den = raw.split("/", 1)
            out[key] = int(num)
            out[f"{key}_total"] = int(den)
        elif _NUMBER.match(raw):
            out[key] = float(raw) if "." in raw else int(raw)
        else:
            out[key] = raw
    return out


@dataclass
class AspectScore:
    """One aspect as the scorer gives it: the numbers of its summary and its detail lines."""

    numbers: dict[str, Any]
    details: list[str] = field(default_factory=list)


def score(
    scorer: ModuleType, dossier: dict[str, Any], gold: dict[str, Any]
) -> dict[str, AspectScore]:
    """Every aspect of ``dossier`` scored against ``gold`` by the shared scorer (``--docmap
    news``)."""
    arts = {a["id"]: a for a in dossier.get("articles", [])}
    key_of = {aid: scorer.doc_key(a, "news") for aid, a in arts.items()}
    out: dict[str, AspectScore] = {}
    for aspect in ASPECTS:
        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer):
            summary = scorer.ASPECTS[aspect](dossier, gold, arts, key_of, "news")
        out[aspect] = AspectScore(parse_summary(summary), buffer.getvalue().splitlines())
    return out


def restrict(dossier: dict[str, Any], doc_ids: set[str], scorer: ModuleType) -> dict[str, Any]:
    """The dossier with only the articles whose document id is in ``doc_ids`` (stories keep
    those of their articles; events, mentions and values of other articles go)."""
    keep = {a["id"] for a in dossier.get("articles", []) if scorer.doc_key(a, "news") in doc_ids}
    stories = []
    for s in dossier.get("stories", []):
        members = [a for a in s.get("articles", []) if a in keep]
        if not members:
            continue
        events = []
        for e in s.get("events", []):
            mentions = [m for m in e.get("mentions", []) if m.get("article") in keep]
            if mentions:
                events.append({**e, "mentions": mentions})
        claims = []
        for c in s.get("claims", []):
            values = [v for v in c.get("values", []) if v.get("article") in keep]
            if values:
                claims.append({**c, "values": values})
        stories.append({**s, "articles": members, "events": events, "claims": claims})
    return {
        **dossier,
        "articles": [a for a in dossier.get("articles", []) if a["id"] in keep],
        "stories": stories,
    }


def restrict_gold(gold: dict[str, Any], clusters: set[str]) -> dict[str, Any]:
    """The gold with only the event clusters named (the scorer counts every gold conflict,
    present or not: a cluster's row must not count another cluster's)."""
    return {**gold, "clusters": [c for c in gold.get("clusters", []) if c["id"] in clusters]}


def headline(scores: dict[str, AspectScore]) -> dict[str, float]:
    """The figures the issues and the floors speak of, as fractions."""

    def ratio(aspect: str, key: str) -> float:
        n = scores[aspect].numbers
        total = n.get(f"{key}_total", 0)
        return round(n.get(key, 0) / total, 4) if total else 0.0

    ev = scores["events"].numbers
    gold_mentions = ev.get("gold_mentions", 0)
    typed = ev.get("type", 0)
    return {
        "story_b3_f1": float(scores["stories"].numbers.get("b3_f1", 0.0)),
        "story_b3_p": float(scores["stories"].numbers.get("b3_p", 0.0)),
        "story_b3_r": float(scores["stories"].numbers.get("b3_r", 0.0)),
        "event_full_match": float(ev.get("recall", 0.0)),
        "event_type_found": round(typed / gold_mentions, 4) if gold_mentions else 0.0,
        "event_date_right": round(ev.get("date", 0) / gold_mentions, 4) if gold_mentions else 0.0,
        "event_date_right_when_typed": round(ev.get("date", 0) / typed, 4) if typed else 0.0,
        "event_type_precision": float(ev.get("type_precision", 0.0)),
        "claim_values_found": ratio("claims", "values_found"),
        "claims_aligned": ratio("claims", "aligned"),
        "numeric_conflicts_flagged": ratio("claims", "numeric_conflicts_flagged"),
        "false_conflicts": float(scores["claims"].numbers.get("false_conflicts", 0)),
        "claim_value_precision": float(scores["claims"].numbers.get("value_precision", 0.0)),
        "dependence_pairs": ratio("dependence", "pairs_grouped"),
    }


def counts(scores: dict[str, AspectScore]) -> dict[str, str]:
    """The raw counts behind the fractions (``113/233``), for tables."""
    ev = scores["events"].numbers
    cl = scores["claims"].numbers
    dep = scores["dependence"].numbers
    return {
        "event_full_match": f"{ev.get('full_match', 0)}/{ev.get('gold_mentions', 0)}",
        "claim_values_found": f"{cl.get('values_found', 0)}/{cl.get('values_found_total', 0)}",
        "claims_aligned": f"{cl.get('aligned', 0)}/{cl.get('aligned_total', 0)}",
        "numeric_conflicts_flagged": "{}/{}".format(
            cl.get("numeric_conflicts_flagged", 0), cl.get("numeric_conflicts_flagged_total", 0)
        ),
        "dependence_pairs": f"{dep.get('pairs_grouped', 0)}/{dep.get('pairs_grouped_total', 0)}",
    }


def build_dossier_for(docs: Iterable[Document], feed: str, workdir: Path) -> dict[str, Any]:
    """Feed ``docs`` to the product as ``corroborator build`` and ``report --format json`` do
    (ingest, analysis, linking, dossier), in a fresh store under ``workdir``."""
    from corroborator.config import Settings
    from corroborator.engine import build
    from corroborator.engine.link import link
    from corroborator.report import build_dossier
    from corroborator.store import SQLiteStore

    inputs = write_feed(docs, feed, workdir / f"input-{feed}")
    settings = Settings(db=str(workdir / f"news-dev-{feed}.db"))
    store = SQLiteStore(settings.db)
    try:
        build([inputs], store, settings)
        link(store)
        return build_dossier(store)
    finally:
        store.close()


# A duration in the gold may be matched in any time unit, as the scorer does (minutes per unit).
_MINUTES = {
    "seconds": 1 / 60,
    "minutes": 1.0,
    "hours": 60.0,
    "days": 1440.0,
    "weeks": 10080.0,
    "months": 43830.0,
    "years": 525960.0,
}


def _number(x: Any) -> float | None:
    try:
        return float(x)
    except (TypeError, ValueError):
        return None


def cross_language_alignment(
    dossier: dict[str, Any], gold: dict[str, Any], scorer: ModuleType, languages: dict[str, str]
) -> tuple[int, int, int]:
    """``(aligned, one_story, total)``: gold claims with a value found (as the scorer finds
    one: within 1%, a duration in any time unit) in both an English and a Russian document;
    how many of them have all their found values in one predicted claim; and how many have
    all those values in one predicted story (claims are aligned within a story, so this bounds
    the first). ``languages`` maps document ids to their language."""
    key_of = {a["id"]: scorer.doc_key(a, "news") for a in dossier.get("articles", [])}
    holders: dict[tuple[str, float], set[str]] = {}  # (doc, value) -> predicted claim ids
    story_of: dict[str, str] = {}  # predicted claim id -> its story
    for story in dossier.get("stories", []):
        for c in story.get("claims", []):
            story_of[str(c.get("id"))] = str(story.get("id"))
            for v in c.get("values", []):
                x = _number(v.get("value"))
                doc = key_of.get(v.get("article"))
                if x is not None and doc is not None:
                    holders.setdefault((doc, x), set()).add(str(c.get("id")))

    def found(doc: str, value: float, unit: str | None) -> set[str]:
        targets = [value]
        if unit in _MINUTES:
            targets = [value * _MINUTES[unit] / f for f in _MINUTES.values()]
        out: set[str] = set()
        for (d, x), ids in holders.items():
            if d == doc and any(t and abs(x - t) <= 0.01 * abs(t) for t in targets):
                out |= ids
        return out

    aligned = one_story = total = 0
    for cluster in gold.get("clusters", []):
        for gc in cluster.get("claims", []):
            by_language: dict[str, list[set[str]]] = {}
            for gv in gc.get("values", []):
                doc = str(gv.get("file") or gv.get("doc"))
                x = _number(gv.get("value"))
                if x is None or doc not in languages:
                    continue
                ids = found(doc, x, gc.get("unit"))
                if ids:
                    by_language.setdefault(languages[doc], []).append(ids)
            if "en" in by_language and "ru" in by_language:
                total += 1
                every = [ids for sets in by_language.values() for ids in sets]
                aligned += bool(set.intersection(*every))
                one_story += bool(set.intersection(*({story_of[i] for i in ids} for ids in every)))
    return aligned, one_story, total


def categorical_claims(
    dossier: dict[str, Any], gold: dict[str, Any], scorer: ModuleType
) -> dict[str, int]:
    """Our own measure of categorical claims (the shared scorer counts numeric values only):
    gold categorical values (``unit: category``) that a predicted categorical value of the same
    document equals (case-insensitively: "state visit", "Busan"); gold claims with two or more
    values found whose found values all sit in one predicted claim; genuine categorical
    conflicts whose claim is ``conflicting``; and non-genuine ones marked ``conflicting``."""
    key_of = {a["id"]: scorer.doc_key(a, "news") for a in dossier.get("articles", [])}
    holders: dict[tuple[str, str], set[str]] = {}  # (doc, value) -> predicted claim ids
    verdict_of: dict[str, str] = {}
    for story in dossier.get("stories", []):
        for c in story.get("claims", []):
            if c.get("kind") != "categorical":
                continue
            verdict_of[str(c.get("id"))] = str(c.get("verdict"))
            for v in c.get("values", []):
                doc = key_of.get(v.get("article"))
                if doc is not None:
                    holders.setdefault((doc, str(v.get("value")).casefold()), set()).add(
                        str(c.get("id"))
                    )
    out = dict.fromkeys(
        ("found", "total", "aligned", "aligned_total", "flagged", "genuine", "false"), 0
    )
    present = set(key_of.values())
    claim_of: dict[str, set[str]] = {}
    for cluster in gold.get("clusters", []):
        for gc in cluster.get("claims", []):
            if gc.get("unit") != "category":
                continue
            found: list[set[str]] = []
            values = [v for v in gc.get("values", []) if str(v.get("doc")) in present]
            for gv in values:
                out["total"] += 1
                ids = holders.get((str(gv.get("doc")), str(gv.get("value")).casefold()), set())
                if ids:
                    out["found"] += 1
                    found.append(ids)
            common = set.intersection(*found) if found else set()
            if len(found) >= 2:
                out["aligned_total"] += 1
                out["aligned"] += bool(common)
            claim_of[str(gc.get("id"))] = common or (found[0] if len(found) == 1 else set())
        for cf in cluster.get("conflicts", []):
            if cf.get("kind") != "categorical":
                continue
            got = {verdict_of.get(x) for x in claim_of.get(str(cf.get("claim")), set())}
            if cf.get("genuine") is True:
                out["genuine"] += 1
                out["flagged"] += "conflicting" in got
            elif cf.get("genuine") is False:
                out["false"] += "conflicting" in got
    return out
