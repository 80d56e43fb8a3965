"""Where analysis runs: in this process, in a pool of local processes, or on a Dask cluster.

Every engine cuts the stream of articles into the same groups of ``batch_size`` articles, in
order, and analyses each group with one call of
:func:`~corroborator.analyze.analyze_articles` (one ``nlp.pipe`` batch, one embedding batch).
A group's analysis depends on its articles alone, and the results are handed back in the order
the articles came, so every engine stores the same analyses and writes the same dossiers.

The process that builds only reads files, writes the store and hands out groups; the models
are loaded lazily in each worker process, once, on its first group. A few groups more than
there are workers are in flight at a time, so reading keeps ahead of analysis without reading
the whole input first. When a worker fails on a group other than by a missing model (it died,
or the group could not be sent), each of its articles is tried again alone, and one that still
fails gets its own error line: one bad text never costs the others.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from types import TracebackType
from typing import Any, Protocol

from corroborator.analyze import analyze_articles
from corroborator.config import Settings
from corroborator.errors import AnalysisFailed, EngineError, ModelError, first_line
from corroborator.model import Article, ArticleAnalysis

Analysed = tuple[Article, ArticleAnalysis | AnalysisFailed]

ENGINES = ("local", "dask")

# Groups in flight per worker: one being analysed and one waiting, so a worker never idles
# while the builder stores the results it handed back.
_IN_FLIGHT_PER_WORKER = 2
# Seconds an interrupted pool's workers get to finish their group: a group of 32 articles takes
# about 3 s of one core (bench/throughput.py).
_GRACE_S = 5.0
# One analysis at a time per process: spaCy pipelines are not documented as thread-safe, and a
# Dask worker started with several threads would otherwise run groups side by side on one model.
_ONE_AT_A_TIME = threading.Lock()


def analyse_group(
    group: list[Article],
    model: str,
    batch_size: int,
    seconds: float = 0.0,
    precision: str = "auto",
) -> list[Analysed]:
    """The analyses of one group, in order (what every engine runs, wherever it runs), each
    article within the per-article time budget ``seconds`` (0: none), its vectors computed in
    ``precision`` (:func:`~corroborator.analyze.embeddings.embed`)."""
    with _ONE_AT_A_TIME:
        return list(
            analyze_articles(
                group, model=model, batch_size=batch_size, seconds=seconds, precision=precision
            )
        )


def groups(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """``articles`` in consecutive lists of ``size`` (the last may be shorter)."""
    group: list[Article] = []
    for art in articles:
        group.append(art)
        if len(group) >= size:
            yield group
            group = []
    if group:
        yield group


class Engine(Protocol):
    """Analyses a stream of articles and yields each with its analysis, in order."""

    seconds: float  # the per-article time budget, CPU seconds (0: none)
    precision: str  # the embedder's precision ("auto" or "float32"; Settings)

    def analyse(self, articles: Iterable[Article]) -> Iterator[Analysed]: ...

    def close(self, *, abort: bool = False) -> None: ...


class InProcess:
    """Analysis in the building process: ``--workers 1``, the default."""

    seconds = 0.0  # the per-article time budget (set by open_engine)
    precision = "auto"  # the embedder's precision (set by open_engine)

    def __init__(self, model: str, batch_size: int) -> None:
        self.model = model
        self.batch_size = batch_size

    def analyse(self, articles: Iterable[Article]) -> Iterator[Analysed]:
        for group in groups(articles, self.batch_size):
            yield from analyse_group(
                group, self.model, self.batch_size, self.seconds, self.precision
            )

    def close(self, *, abort: bool = False) -> None:
        """Nothing to release."""


class _Ordered:
    """Groups sent to workers, a bounded number in flight, results taken back in order."""

    model: str
    batch_size: int
    in_flight: int
    seconds = 0.0  # the per-article time budget (set by open_engine)
    precision = "auto"  # the embedder's precision (set by open_engine)

    def _submit(self, group: list[Article]) -> Any:
        raise NotImplementedError

    def _recover(self, exc: BaseException) -> None:
        """Make the engine usable again after a failed group (a fresh pool, say)."""

    def analyse(self, articles: Iterable[Article]) -> Iterator[Analysed]:
        window: deque[tuple[list[Article], Any]] = deque()
        for group in groups(articles, self.batch_size):
            window.append((group, self._submit(group)))
            if len(window) >= self.in_flight:
                yield from self._collect(*window.popleft())
        while window:
            yield from self._collect(*window.popleft())

    def _collect(self, group: list[Article], future: Any) -> list[Analysed]:
        try:
            return list(future.result())
        except ModelError:
            raise  # no worker can analyse anything: the build stops with the model's hint
        except Exception as exc:  # the worker died, or the group could not travel
            self._recover(exc)
            return [self._alone(art) for art in group]

    def _alone(self, art: Article) -> Analysed:
        try:
            [pair] = self._submit([art]).result()
            return art, pair[1]
        except ModelError:
            raise
        except Exception as exc:  # this article takes its worker down: it alone is left out
            self._recover(exc)
            why = f"{type(exc).__name__}: {first_line(exc)}"
            return art, AnalysisFailed(art.source_path, f"could not be analysed ({why})")


def _worker_start(threads: int) -> None:
    """Each pool process: Ctrl-C is the builder's to handle (it stops the pool), and the
    numeric libraries share the cores with the other workers instead of each taking all."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from threadpoolctl import threadpool_limits

    threadpool_limits(threads)


class ProcessPool(_Ordered):
    """``--workers N`` (N > 1): analysis in N local processes, started fresh (spawn), so no
    worker inherits threads or model state from the builder."""

    def __init__(self, model: str, batch_size: int, workers: int) -> None:
        self.model = model
        self.batch_size = batch_size
        self.workers = workers
        self.in_flight = _IN_FLIGHT_PER_WORKER * workers
        self.threads = max(1, (os.cpu_count() or 1) // workers)
        self.pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            self.workers,
            mp_context=get_context("spawn"),
            initializer=_worker_start,
            initargs=(self.threads,),
        )

    def _submit(self, group: list[Article]) -> Future[list[Analysed]]:
        return self.pool.submit(
            analyse_group, group, self.model, self.batch_size, self.seconds, self.precision
        )

    def _recover(self, exc: BaseException) -> None:
        # every group in flight fails with the pool that broke: only the first starts a new one
        if isinstance(exc, BrokenProcessPool) and getattr(self.pool, "_broken", False):
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = self._start()

    def close(self, *, abort: bool = False) -> None:
        # Interrupted, the groups not started are dropped and the workers (which ignore Ctrl-C)
        # get a few seconds to finish the one they hold; one still busy then is stopped.
        # (Stopping them at once leaves the pool's semaphores behind, and Python warns
        # about them at exit.)
        if abort:
            processes: dict[int, Any] = dict(getattr(self.pool, "_processes", None) or {})
            self.pool.shutdown(wait=False, cancel_futures=True)
            deadline = time.monotonic() + _GRACE_S
            for proc in processes.values():
                proc.join(max(0.0, deadline - time.monotonic()))
                if proc.is_alive():
                    proc.terminate()
        self.pool.shutdown(wait=True, cancel_futures=True)


class DaskEngine(_Ordered):
    """``--engine dask``: groups run as tasks on a Dask cluster, the one at ``scheduler``, or a
    ``LocalCluster`` of ``workers`` single-threaded processes started for this build."""

    def __init__(self, model: str, batch_size: int, *, scheduler: str | None, workers: int) -> None:
        try:
            import logging

            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise EngineError(
                "the dask engine needs dask.distributed", hint="run `make install`"
            ) from exc
        self.model = model
        self.batch_size = batch_size
        self.cluster: Any = None
        try:
            if scheduler:
                self.client = Client(scheduler, timeout="20s")
            else:
                self.cluster = LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
                self.client = Client(self.cluster)
        except (OSError, TimeoutError) as exc:
            raise EngineError(
                f"cannot reach the Dask scheduler {scheduler}: {first_line(exc)}",
                hint="start one with `dask scheduler` and workers with `dask worker ADDRESS`",
            ) from exc
        threads = sum(self.client.nthreads().values()) or workers
        self.in_flight = _IN_FLIGHT_PER_WORKER * max(1, threads)

    def _submit(self, group: list[Article]) -> Any:
        return self.client.submit(
            analyse_group,
            group,
            self.model,
            self.batch_size,
            self.seconds,
            self.precision,
            pure=False,
        )

    def close(self, *, abort: bool = False) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


class EngineScope:
    """The engine a build's settings ask for, closed on leaving (stopped when interrupted)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.engine: Engine | None = None

    def __enter__(self) -> Engine:
        self.engine = open_engine(self.settings)
        return self.engine

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self.engine is not None:
            self.engine.close(abort=kind is not None)


def open_engine(settings: Settings) -> Engine:
    """An engine for ``settings.engine`` with ``settings.workers`` workers (or the cluster at
    ``settings.scheduler``)."""
    model, size, workers = settings.spacy_model, settings.batch_size, settings.workers
    engine = "dask" if settings.scheduler else settings.engine
    chosen: Engine
    if engine == "dask":
        chosen = DaskEngine(model, size, scheduler=settings.scheduler, workers=workers)
    elif engine != "local":
        raise EngineError(f"unknown engine {engine!r}", hint=f"one of: {', '.join(ENGINES)}")
    else:
        chosen = InProcess(model, size) if workers <= 1 else ProcessPool(model, size, workers)
    chosen.seconds = settings.max_article_seconds
    chosen.precision = settings.embedding_precision
    return chosen
