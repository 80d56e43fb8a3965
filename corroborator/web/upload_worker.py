"""Uploads and corrections off the request path: one child process analyses, stores and
links them.

Analysis is Python work that would hold the server's interpreter (its GIL) for as long as it
runs, so pages would wait behind an upload. The child keeps the models loaded between uploads
and takes one upload at a time. While it works, the request only waits; when the client goes
away, or the upload runs past its time budget, the child is ended (what it committed stays,
whole transactions only, as with a killed build) and the next upload starts a new one.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from collections.abc import Awaitable, Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from corroborator.config import Settings
from corroborator.errors import CorroboratorError
from corroborator.web.upload import UploadResult, add_upload

# An upload holds at most MAX_ARTICLES articles of at most max_article_chars each; at the
# measured speed (a few seconds for the largest article on a loaded 2-core machine) two
# minutes covers any upload that is not hostile, model loading in a new child included.
UPLOAD_SECONDS = 120.0
# How often the waiting request looks at the child and at its client.
POLL_SECONDS = 0.1


class UploadCancelled(Exception):
    """The upload was stopped: its client left, or it ran past its budget."""


class UploadFailed(Exception):
    """The child reported an error: ``code`` is a store error's code, or None."""

    def __init__(self, code: str | None) -> None:
        super().__init__(code or "failed")
        self.code = code


def _serve(conn: Connection) -> None:
    """The child's loop: one upload in, its result (or the kind of failure) out."""
    while True:
        try:
            fn, args = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(("ok", fn(*args)))
        except CorroboratorError as exc:
            conn.send(("store", exc.code))
        except Exception:  # never lose the child to one input
            conn.send(("error", None))


class UploadWorker:
    """The child process, started on the first upload and after each one that was stopped."""

    def __init__(self, seconds: float = UPLOAD_SECONDS) -> None:
        self.seconds = seconds
        self._proc: BaseProcess | None = None
        self._conn: Connection | None = None
        self._lock = asyncio.Lock()

    def _start(self) -> Connection:
        ctx = multiprocessing.get_context("spawn")  # no copy of the server's threads and sockets
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_serve, args=(child,), daemon=True, name="corroborator-upload")
        proc.start()
        child.close()
        self._proc, self._conn = proc, parent
        return parent

    def stop(self) -> None:
        """End the child (if any) now."""
        if self._proc is not None and self._proc.is_alive():
            self._proc.terminate()
            self._proc.join(5)
        if self._conn is not None:
            self._conn.close()
        self._proc = self._conn = None

    async def run(
        self,
        data: bytes,
        filename: str | None,
        folder: Path,
        settings: Settings,
        disconnected: Callable[[], Awaitable[bool]],
    ) -> UploadResult:
        """Add one upload through the child (see :meth:`run_job`)."""
        result = await self.run_job(add_upload, (data, filename, folder, settings), disconnected)
        return result  # type: ignore[no-any-return]

    async def run_job(
        self,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        disconnected: Callable[[], Awaitable[bool]],
    ) -> Any:
        """``fn(*args)`` in the child (``fn`` a module-level function, arguments picklable);
        raises :class:`UploadCancelled` when the client leaves or the budget runs out,
        :class:`UploadFailed` when the child reports an error."""
        async with self._lock:
            alive = self._proc is not None and self._proc.is_alive()
            conn = self._conn if alive and self._conn is not None else self._start()
            conn.send((fn, args))
            loop = asyncio.get_running_loop()
            deadline = loop.time() + self.seconds
            while not conn.poll():
                if await disconnected():
                    self.stop()
                    raise UploadCancelled("the client left before the work was done")
                if loop.time() > deadline:
                    self.stop()
                    raise UploadCancelled(f"the work ran past its {self.seconds:.0f} s budget")
                if self._proc is None or not self._proc.is_alive():
                    self.stop()
                    raise UploadFailed(None)
                await asyncio.sleep(POLL_SECONDS)
            status, payload = self._recv(conn)
            if status == "ok":
                return payload
            raise UploadFailed(payload if status == "store" else None)

    def _recv(self, conn: Connection) -> tuple[str, Any]:
        try:
            return conn.recv()  # type: ignore[no-any-return]
        except (EOFError, OSError):  # the child died while answering
            self.stop()
            return ("error", None)
