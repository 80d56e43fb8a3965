"""The build: read inputs, analyse what is new, store it — resumable and idempotent.

How re-runs stay cheap and safe:

* a file whose bytes (SHA-256) match its stored clean ``done`` record is skipped unparsed;
* an article whose content id is stored with a current analysis is not analysed again;
* articles are written with their analysis in transactions of ``commit_every`` articles, and a
  file is marked ``done`` in the transaction that writes its last article. A build killed at
  any point leaves whole transactions only: the next run redoes the unfinished files and skips
  the articles already stored, so nothing is lost or duplicated;
* a file that turns unreadable keeps what was stored from it; a file whose content changed
  replaces its articles (the old ones are deleted unless another file still holds them).

Analysis runs where ``settings.engine`` and ``settings.workers`` say (:mod:`.workers`: in this
process, a process pool or a Dask cluster); whatever the engine, only this process writes the
store, and the results come back in the order the articles were read.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from corroborator.analyze import ANALYZER_VERSION
from corroborator.config import Settings
from corroborator.engine.workers import EngineScope
from corroborator.errors import InputError, UnreadableInput, first_line
from corroborator.ingest import discover, read_articles
from corroborator.ingest.paths import shown_path
from corroborator.ingest.readers import read_bytes
from corroborator.model import Article, ArticleAnalysis
from corroborator.store.base import FileRecord, Store

# Progress callback: (event, detail) with event "file" (a Path), "article" (an Article) or
# "error" (an InputError).
Progress = Callable[[str, object], None]


@dataclass
class BuildReport:
    """What a build did. ``errors`` hold one entry per unusable file or record."""

    files_seen: int = 0
    files_unchanged: int = 0
    files_read: int = 0
    articles_new: int = 0
    articles_known: int = 0
    articles_analysed: int = 0
    articles_removed: int = 0
    words_analysed: int = 0
    errors: list[InputError] = field(default_factory=list)
    seconds: float = 0.0
    # ids of the articles analysed by this run (linking clusters only their blocks again)
    analysed_ids: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every input was usable."""
        return not self.errors


@dataclass
class _PendingFile:
    record: FileRecord
    articles: list[Article]
    previous: tuple[str, ...]
    waiting: set[str]


class _Builder:
    def __init__(self, store: Store, settings: Settings, notify: Progress) -> None:
        self.store = store
        self.settings = settings
        self.notify = notify
        self.report = BuildReport()
        self.pending: dict[str, _PendingFile] = {}
        self.waiting_on: dict[str, list[str]] = {}
        self.in_flight: set[str] = set()
        self.batch: list[tuple[Article, ArticleAnalysis]] = []

    def run(self, paths: Iterable[str | Path]) -> BuildReport:
        started = time.perf_counter()
        with EngineScope(self.settings) as engine:
            self._store_results(engine.analyse(self._to_analyse(paths)))
        for key in list(self.pending):
            self._finish(key)
        self.report.seconds = time.perf_counter() - started
        return self.report

    def _store_results(
        self, results: Iterable[tuple[Article, ArticleAnalysis | InputError]]
    ) -> None:
        for art, analysis in results:
            if isinstance(analysis, InputError):
                self._fail(analysis)
                self._drop(art, analysis)
                continue
            self.batch.append((art, analysis))
            self.report.articles_analysed += 1
            self.report.analysed_ids.append(art.id)
            self.report.words_analysed += art.word_count
            self.notify("article", art)
            if len(self.batch) >= self.settings.commit_every:
                self._commit()
        self._commit()

    def _fail(self, err: InputError) -> None:
        self.report.errors.append(err)
        self.notify("error", err)

    def _drop(self, art: Article, why: InputError) -> None:
        """Leave out an article whose analysis failed; its file is finished with the error
        noted, so the next build tries that file again."""
        self.in_flight.discard(art.id)
        for key in self.waiting_on.pop(art.id, []):
            entry = self.pending[key]
            entry.articles = [a for a in entry.articles if a.id != art.id]
            entry.record = replace(
                entry.record,
                article_ids=tuple(a.id for a in entry.articles),
                error=entry.record.error or f"an article could not be analysed: {why.problem}",
            )
            entry.waiting.discard(art.id)
            if not entry.waiting:
                self._finish(key)

    def _read(self, path: Path) -> tuple[FileRecord, list[Article]] | None:
        key = shown_path(path)
        try:
            data = read_bytes(path, self.settings.max_file_bytes)
        except InputError as err:
            self._fail(err)
            return None
        digest = hashlib.sha256(data).hexdigest()
        known = self.store.get_file(key)
        if (
            known
            and known.status == "done"
            and known.sha256 == digest
            and not known.error
            # an analysis of another version is redone even when its file has not changed
            and self.store.analysed_ids(known.article_ids, ANALYZER_VERSION)
            >= set(known.article_ids)
        ):
            self.report.files_unchanged += 1
            return None
        articles: list[Article] = []
        problems: list[str] = []
        try:
            for item in read_articles(path, self.settings):
                if isinstance(item, InputError):
                    self._fail(item)
                    problems.append(str(item))
                else:
                    articles.append(item)
        except InputError as err:
            self._fail(err)
            self.store.put_file(FileRecord(key, len(data), digest, "error", err.problem, ()))
            return None
        except Exception as exc:  # a reader or a library it calls failed on odd input
            problem = f"could not be read ({type(exc).__name__}: {first_line(exc)})"
            failed = UnreadableInput(key, problem)
            self._fail(failed)
            self.store.put_file(FileRecord(key, len(data), digest, "error", failed.problem, ()))
            return None
        self.report.files_read += 1
        error = f"{len(problems)} record(s) skipped; first: {problems[0]}" if problems else None
        ids = tuple(a.id for a in articles)
        return FileRecord(key, len(data), digest, "done", error, ids), articles

    def _to_analyse(self, paths: Iterable[str | Path]) -> Iterator[Article]:
        for item in discover(paths):
            if isinstance(item, InputError):
                self._fail(item)
                continue
            self.report.files_seen += 1
            self.notify("file", item)
            found = self._read(item)
            if found is None:
                continue
            record, articles = found
            key = record.path
            known = self.store.get_file(key)
            analysed = self.store.analysed_ids(record.article_ids, ANALYZER_VERSION)
            fresh = [a for a in articles if a.id not in analysed and a.id not in self.in_flight]
            waiting = {a.id for a in articles if a.id not in analysed}
            self.report.articles_known += sum(1 for a in articles if a.id in analysed)
            self.pending[key] = _PendingFile(
                record, articles, known.article_ids if known else (), waiting
            )
            for aid in waiting:
                self.waiting_on.setdefault(aid, []).append(key)
            if not waiting:
                self._finish(key)
            for art in fresh:
                if art.id not in self.in_flight:
                    self.in_flight.add(art.id)
                    # analysed as corrected: a corrected publication date anchors its dates
                    yield self.store.corrected(art)

    def _commit(self) -> None:
        if not self.batch:
            return
        with self.store.transaction():
            finished: list[str] = []
            for art, analysis in self.batch:
                if self.store.put_article(art):
                    self.report.articles_new += 1
                self.store.put_analysis(analysis)
                self.in_flight.discard(art.id)
                for key in self.waiting_on.pop(art.id, []):
                    entry = self.pending[key]
                    entry.waiting.discard(art.id)
                    if not entry.waiting:
                        finished.append(key)
            for key in finished:
                self._finish(key)
        self.batch.clear()

    def _finish(self, key: str) -> None:
        entry = self.pending.pop(key)
        with self.store.transaction():
            for art in entry.articles:
                if self.store.put_article(art):
                    self.report.articles_new += 1
            self.store.put_file(entry.record)
            stale = set(entry.previous) - set(entry.record.article_ids)
            self.report.articles_removed += self.store.delete_orphans(stale)


def build(
    paths: Iterable[str | Path],
    store: Store,
    settings: Settings,
    progress: Progress | None = None,
) -> BuildReport:
    """Ingest ``paths`` into ``store``, analysing only what is not stored yet."""
    return _Builder(store, settings, progress or (lambda event, detail: None)).run(paths)
