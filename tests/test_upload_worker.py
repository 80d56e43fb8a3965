"""Uploads run in a child process: pages answer while one runs; a client that leaves, or an
upload past its budget, ends it; nothing half-done is stored; the next upload works."""

from __future__ import annotations

import asyncio
import random
import shutil
import threading
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from corroborator.config import Settings
from corroborator.evaluate.hostile import TEXTS
from corroborator.store import SQLiteStore
from corroborator.web import create_app
from corroborator.web.upload_worker import UploadCancelled, UploadWorker

from .test_web import HOST, NEW_REPORT

# A slow but legitimate-looking upload: about 60 KB of numbers, several seconds of analysis.
SLOW = TEXTS["numbers"](random.Random(5), 900).encode()


async def _never() -> bool:
    return False


def _count(db: Path) -> int:
    store = SQLiteStore(str(db))
    try:
        return store.counts()["articles"]
    finally:
        store.close()


def test_leaving_client_stops_the_upload_and_the_next_one_works(
    example_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "w.db"
    shutil.copy(example_db, db)
    settings = Settings(db=str(db))
    before = _count(db)
    worker = UploadWorker()
    started = time.monotonic()

    async def gone_after_a_while() -> bool:
        return time.monotonic() - started > 3.0

    with pytest.raises(UploadCancelled, match="client left"):
        asyncio.run(worker.run(SLOW, "slow.txt", tmp_path / "up", settings, gone_after_a_while))
    assert _count(db) == before  # nothing of the stopped upload was stored
    new = NEW_REPORT.encode()
    result = asyncio.run(worker.run(new, "new.txt", tmp_path / "up", settings, _never))
    assert result.new == 1 and _count(db) == before + 1
    worker.stop()


def test_an_upload_past_its_budget_is_stopped(example_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    shutil.copy(example_db, db)
    worker = UploadWorker(seconds=1.0)  # less than the child needs to load its models
    with pytest.raises(UploadCancelled, match="budget"):
        asyncio.run(worker.run(SLOW, "slow.txt", tmp_path / "up", Settings(db=str(db)), _never))
    worker.stop()


def test_pages_answer_while_an_upload_runs(example_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    shutil.copy(example_db, db)
    app = create_app(
        Settings(db=str(db)),
        allow_upload=True,
        max_upload_bytes=200_000,
        upload_dir=str(tmp_path / "up"),
        allowed_hosts=HOST,
    )
    with TestClient(app) as client:
        assert client.get("/").status_code == 200  # the snapshot is read before timing
        answered: list[tuple[int, str]] = []

        def upload() -> None:
            files = {"file": ("slow.txt", SLOW[: len(SLOW) // 3], "text/plain")}
            response = client.post("/api/articles", files=files)
            answered.append((response.status_code, response.text[:200]))

        thread = threading.Thread(target=upload)
        thread.start()
        time.sleep(1.0)
        latencies = []
        while thread.is_alive() and len(latencies) < 20:
            t = time.perf_counter()
            assert client.get("/api/stories").status_code == 200
            latencies.append(time.perf_counter() - t)
            time.sleep(0.2)
        thread.join(300)
        assert answered and answered[0][0] == 201, answered
        assert latencies and max(latencies) < 1.0, latencies
