"""A bounded loopback load test of the explorer, for bench/web.py.

A real server (``corroborator serve``: uvicorn, in its own process, on 127.0.0.1 with uploads
allowed) and N client threads, each with its own keep-alive connection, requesting the main
pages, the JSON API and search in turn for T seconds. Then the same pages while one
pathological upload (a text built to make analysis slow, from the hostile-input generator) is
analysed by the server's upload worker. Reports requests/s, p50/p99/max latency and errors.
"""

from __future__ import annotations

import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corroborator.evaluate.hostile import TEXTS

# Needles the search pages are asked for: names and a place of the example corpus, a common
# word, a Cyrillic word, and one that matches nothing.
NEEDLES = ("Putin", "Bishkek", "trade", "Japarov", "Бишкек", "zzzq")


@dataclass
class Tally:
    """Latencies (seconds) and failures of one phase."""

    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, latency: float, ok: bool) -> None:
        with self.lock:
            self.latencies.append(latency)
            self.errors += not ok

    def summary(self) -> dict[str, Any]:
        ordered = sorted(self.latencies)
        n = len(ordered)
        return {
            "requests": n,
            "errors": self.errors,
            "requests_per_s": round(n / self.seconds, 1) if self.seconds else 0.0,
            "p50_ms": round(statistics.median(ordered) * 1000, 1) if n else None,
            "p99_ms": round(ordered[min(n - 1, int(0.99 * n))] * 1000, 1) if n else None,
            "max_ms": round(ordered[-1] * 1000, 1) if n else None,
        }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: str, port: int, repo: Path) -> subprocess.Popen[bytes]:
    """``corroborator serve`` on loopback, uploads allowed; returns once it answers."""
    env = {**os.environ, "PYTHONPATH": str(repo)}
    proc = subprocess.Popen(
        [sys.executable, "-c", "from corroborator.cli import main; main()", "serve",
         "--db", db, "--port", str(port), "--allow-upload", "--max-upload-mb", "5"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            said = proc.stderr.read().decode() if proc.stderr else ""
            raise RuntimeError(f"the server stopped: {said}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("GET", "/")
            conn.getresponse().read()
            conn.close()
            return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("the server did not answer within 60 s")


def paths_for(port: int) -> list[str]:
    """The pages and API calls a desk makes, with real ids from the store."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("GET", "/api/stories")
    stories = json.loads(conn.getresponse().read())
    conn.request("GET", "/api/articles")
    articles = json.loads(conn.getresponse().read())
    conn.close()
    rng = random.Random(5)
    by_size = sorted(stories, key=lambda s: -s["articles"])
    out = ["/", "/articles", "/api/stories"]
    out += [f"/stories/{s['id']}" for s in by_size[:3]]
    out += [f"/api/stories/{s['id']}" for s in by_size[:2]]
    picked = rng.sample(articles, min(20, len(articles)))
    out += [f"/articles/{a['id']}" for a in picked[:10]]
    out += [f"/api/articles/{a['id']}" for a in picked[10:]]
    if articles and articles[0].get("outlet"):
        out.append("/articles?" + urllib.parse.urlencode({"outlet": articles[0]["outlet"]}))
    # and words of two headlines of the store, whatever its corpus
    titled = [a["title"] for a in picked if a.get("title")]
    needles = [*NEEDLES, *(t.split()[0] for t in titled[:2])]
    out += ["/search?" + urllib.parse.urlencode({"q": q}) for q in needles]
    out += ["/api/search?" + urllib.parse.urlencode({"q": q}) for q in NEEDLES[:3]]
    return out


def _client(
    port: int,
    paths: list[str],
    until: float,
    tally: Tally,
    seed: int,
    stop: threading.Event | None = None,
) -> None:
    """GET random ``paths`` on one connection until ``until`` (or ``stop`` is set)."""
    rng = random.Random(seed)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    while time.monotonic() < until and not (stop is not None and stop.is_set()):
        path = rng.choice(paths)
        started = time.perf_counter()
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            ok = response.status == 200
        except (OSError, http.client.HTTPException):
            ok = False
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        tally.add(time.perf_counter() - started, ok)
    conn.close()


def load(port: int, paths: list[str], clients: int, seconds: float) -> Tally:
    """``clients`` threads requesting ``paths`` for ``seconds``."""
    tally = Tally()
    until = time.monotonic() + seconds
    threads = [
        threading.Thread(target=_client, args=(port, paths, until, tally, i))
        for i in range(clients)
    ]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    tally.seconds = time.perf_counter() - started
    return tally


def pathological_text(scale: int) -> str:
    """A text whose analysis is slow for its size: figures, quotes and dates packed together
    (the generator's "numbers" kind)."""
    return TEXTS["numbers"](random.Random(11), scale)


def during_upload(
    port: int, paths: list[str], clients: int, text: str, limit: float
) -> tuple[Tally, dict[str, Any]]:
    """Pages requested by ``clients`` threads while one upload of ``text`` runs (at most
    ``limit`` seconds of page requests)."""
    done = threading.Event()
    upload: dict[str, Any] = {}

    def post() -> None:
        body = urllib.parse.urlencode({"text": text, "title": "A pathological upload"})
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
        started = time.perf_counter()
        try:
            conn.request(
                "POST", "/api/articles", body,
                {"content-type": "application/x-www-form-urlencoded"},
            )  # fmt: skip
            response = conn.getresponse()
            upload["status"] = response.status
            upload["answer"] = response.read()[:200].decode("utf-8", "replace")
        except (OSError, http.client.HTTPException) as exc:
            upload["status"] = f"failed: {exc}"
        upload["seconds"] = round(time.perf_counter() - started, 1)
        upload["bytes"] = len(text.encode())
        done.set()

    poster = threading.Thread(target=post)
    poster.start()
    time.sleep(0.5)  # the upload has reached the worker
    tally = Tally()
    started = time.perf_counter()
    until = time.monotonic() + limit
    threads = []
    for i in range(clients):
        threads.append(
            threading.Thread(target=_client, args=(port, paths, until, tally, 100 + i, done))
        )
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    tally.seconds = time.perf_counter() - started
    poster.join()
    return tally, upload
