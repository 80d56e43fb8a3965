"""Shared ECB+ harness for the linking benchmarks: splits, text clean-up, and the product run.

ECB+ text is rebuilt from tokens joined by spaces ("U . S .", "4 . 6", "T - Mobile" in the
newer half of the corpus); :func:`detokenize` glues such tokens back so that the pipeline sees
ordinary prose, and keeps a map from old to new offsets for the gold mentions.

:func:`product_run` then does what a user would: it writes each document as a plain-text file
(``<name>.txt``, its annotated sentences one per line, so the reader takes the first line as
the title when it looks like a headline), runs ``corroborator build`` (:func:`corroborator.
engine.build`) into a fresh SQLite store and links it (:func:`corroborator.engine.link.link`).
The benchmarks read stories and events back from that store: they measure the code the
product runs, and nothing else.
"""

from __future__ import annotations

import re
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from corroborator.config import Settings
from corroborator.engine import build
from corroborator.engine.link import link
from corroborator.evaluate.ecbplus import EcbDoc, load_ecbplus
from corroborator.store import SQLiteStore

ROOT = Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "ecbplus"

# Cybulska & Vossen (2015). Topics 15 and 17 are not in the corpus.
DEV_TOPICS = (2, 5, 12, 18, 21, 23, 34, 35)
TRAIN_TOPICS = tuple(t for t in range(1, 36) if t not in (15, 17) and t not in DEV_TOPICS)
TEST_TOPICS = tuple(range(36, 46))


def load(topics: Iterable[int]) -> list[EcbDoc]:
    """The ECB+ documents of ``topics`` (annotated sentences only)."""
    return load_ecbplus(ROOT, tuple(topics))


_GLUE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "%", "'s", "'S", "n't", "'re", "'ve",
                "'ll", "'d", "'m", "''"}  # fmt: skip
_GLUE_AFTER = {"(", "[", "$", "``", "#"}
_WORDISH = re.compile(r"^[\w$]")


def _glue(prev2: str | None, prev: str, tok: str, after_open: bool) -> bool:
    """Whether ``tok`` joins the previous token with no space."""
    if after_open or tok in _GLUE_BEFORE:
        return True
    if prev in {".", ":", ","} and prev2 and prev2[-1].isdigit() and tok[:1].isdigit():
        return True  # "4 . 6", "2 : 09", "1 , 200": a number split at its separator
    if prev == "." and prev2 and len(prev2) == 1 and prev2.isalpha():
        return len(tok) == 1 and tok.isalpha()  # "U . S .", "p . m ."
    if tok == "-":
        return bool(_WORDISH.match(prev))  # "T - Mobile", "26 - year - old"
    if prev == "-":
        return prev2 is not None and bool(_WORDISH.match(prev2)) and bool(_WORDISH.match(tok))
    return False


def detokenize(text: str) -> tuple[str, list[int]]:
    """ECB+ token text as prose, and for every old character offset (and the end) its new one.

    >>> detokenize("U . S . Geological Survey , 4 . 6")[0]
    'U.S. Geological Survey, 4.6'
    """
    parts: list[str] = []
    length = 0
    mapping = [0] * (len(text) + 1)
    i = 0
    for line_no, line in enumerate(text.split("\n")):
        if line_no:
            mapping[i] = length
            parts.append("\n")
            length += 1
            i += 1
        tokens = line.split(" ")
        prev: str | None = None
        prev2: str | None = None
        for j, tok in enumerate(tokens):
            if prev is not None and not _glue(prev2, prev, tok, prev in _GLUE_AFTER):
                parts.append(" ")
                length += 1
            for k in range(len(tok)):
                mapping[i + k] = length + k
            parts.append(tok)
            length += len(tok)
            i += len(tok)
            mapping[i] = length
            if j < len(tokens) - 1:
                i += 1
            prev2, prev = prev, tok
    mapping[len(text)] = length
    return "".join(parts), mapping


# ---------------------------------------------------------------------------------------------
# the product run


@dataclass
class ProductRun:
    """ECB+ documents built and linked by the product, in one store.

    ``article_of`` gives each document's article id (two documents of identical text are one
    article, as the product stores them); ``text`` and ``mapping`` the detokenised text each
    document was written as and the map from ECB+ offsets to it.
    """

    docs: list[EcbDoc]
    store: SQLiteStore
    article_of: dict[str, str]
    text: dict[str, str] = field(default_factory=dict)
    mapping: dict[str, list[int]] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)

    def story_of(self) -> dict[str, str]:
        """Each document's story id, as the linking run stored it."""
        stories = self.store.story_assignments()
        return {d.name: stories[self.article_of[d.name]] for d in self.docs}


def write_articles(docs: Sequence[EcbDoc], folder: Path) -> dict[str, tuple[Path, str, list[int]]]:
    """Write each document as ``folder/<name>.txt``; its path, text and offset map by name."""
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for doc in docs:
        text, mapping = detokenize(doc.text)
        path = folder / f"{doc.name}.txt"
        path.write_text(text + "\n", encoding="utf-8")
        out[doc.name] = (path, text, mapping)
    return out


@contextmanager
def product_run(docs: Sequence[EcbDoc], workdir: Path | None = None) -> Iterator[ProductRun]:
    """Build and link ``docs`` with the product in a fresh store (in ``workdir``, else a
    temporary folder removed afterwards), as ``corroborator build <folder>`` does."""
    with tempfile.TemporaryDirectory(prefix="ecbplus-") as tmp:
        base = workdir or Path(tmp)
        base.mkdir(parents=True, exist_ok=True)
        db = base / "ecbplus.db"
        db.unlink(missing_ok=True)
        started = time.perf_counter()
        written = write_articles(docs, base / "articles")
        store = SQLiteStore(str(db))
        try:
            report = build([base / "articles"], store, Settings(db=str(db)))
            if report.errors:
                first = report.errors[0]
                raise RuntimeError(f"build refused {len(report.errors)} file(s): {first}")
            built = time.perf_counter()
            link(store)
            linked = time.perf_counter()
            article_of: dict[str, str] = {}
            for name, (path, _, _) in written.items():
                record = store.get_file(str(path))
                if record is None or len(record.article_ids) != 1:
                    raise RuntimeError(f"{path}: expected one stored article")
                article_of[name] = record.article_ids[0]
            yield ProductRun(
                docs=list(docs),
                store=store,
                article_of=article_of,
                text={n: t for n, (_, t, _) in written.items()},
                mapping={n: m for n, (_, _, m) in written.items()},
                seconds={"build": built - started, "link": linked - built},
            )
        finally:
            store.close()
