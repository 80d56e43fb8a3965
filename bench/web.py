"""Latency of the explorer's pages and of an upload, against plain JSON of the same dossier.

The example corpus is built into a temporary store (or --corpus FOLDER). In one process, with
the models already loaded, it times:

* baseline: ``json.dumps`` of the whole dossier (what any API must at least do);
* the HTML report of the whole dossier;
* the explorer's snapshot (stories and article metadata, read again after each store change)
  against reading the whole dossier;
* each explorer page and API answer through the real ASGI app (median of --repeat requests);
* an upload: one new article analysed, stored and linked incrementally, against a full
  relinking of the same store and against building that article into an empty store (cold
  process excluded: the models are loaded first).

Then a bounded loopback load test (``bench/web_load.py``): ``corroborator serve`` on
127.0.0.1 in its own process, --clients threads requesting the main pages, the JSON API and
search for --seconds, reporting requests/s, p50/p99/max latency and errors; then the same pages
while one pathological upload (--upload-scale sentences packed with figures) is analysed.

    .venv/bin/python bench/web.py [--corpus examples/bishkek-2025] [--copies 1] [--repeat 30]
        [--clients 4] [--seconds 5] [--upload-scale 100] [--save-db F] [--db F]
        [--synthetic N]

``--copies N`` writes N copies of the corpus's text files, each made unique by a last line, to
see how the pages scale with the store (copies of one visit make one very large story: a worst
case for the story page). ``--synthetic N`` adds N articles with analyses and vectors made in
code (bench/scale.py's corpus: stories of realistic sizes, no model runs) to the store before
the corpus is built into it: a store of thousands in seconds. ``--save-db F`` keeps the built
store; ``--db F`` starts from a copy
of one instead of building (2,000 articles take a while to analyse).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient
from scale import make_corpus, write_store
from web_load import (
    during_upload,
    free_port,
    load,
    pathological_text,
    paths_for,
    start_server,
)

from corroborator.analyze.nlp import load_model
from corroborator.config import Settings
from corroborator.engine import build
from corroborator.engine.link import link
from corroborator.report import build_dossier, render
from corroborator.store import SQLiteStore
from corroborator.web import create_app
from corroborator.web.data import DossierCache

REPO = Path(__file__).resolve().parents[1]
NEW = (
    "Japarov and Putin end talks with a trade pledge\n\n"
    "BISHKEK, November 26, 2025 - Vladimir Putin and Sadyr Japarov held talks in Bishkek on "
    "Wednesday. Trade between the two countries reached $4.1 billion in 2024, Putin said.\n"
)


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=str(REPO / "examples" / "bishkek-2025"))
    ap.add_argument("--copies", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--clients", type=int, default=4, help="load test: concurrent clients")
    ap.add_argument("--seconds", type=float, default=5.0, help="load test: its length")
    ap.add_argument(
        "--upload-scale", type=int, default=100, help="sentences of the pathological upload"
    )
    ap.add_argument("--save-db", help="keep the built store here")
    ap.add_argument("--db", help="start from a copy of this store instead of building")
    ap.add_argument("--synthetic", type=int, default=0, help="synthetic analysed articles")
    args = ap.parse_args()
    settings = Settings()
    load_model(settings.spacy_model)
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "b.db")
        store = SQLiteStore(db)
        corpus = Path(args.corpus)
        if args.copies > 1:
            corpus = Path(tmp) / "corpus"
            corpus.mkdir()
            for i in range(args.copies):
                for f in sorted(Path(args.corpus).glob("*.txt")):
                    text = f.read_text(encoding="utf-8") + f"\nCopy {i}.\n"
                    (corpus / f"{i:04d}-{f.name}").write_text(text, encoding="utf-8")
        if args.db:
            store.close()
            shutil.copy(args.db, db)
            store = SQLiteStore(db)
        else:
            if args.synthetic:
                store.close()
                write_store(Path(db), make_corpus(args.synthetic)[0])
                store = SQLiteStore(db)
            build([corpus], store, settings.replace(db=db))
            link(store)
        if args.save_db:
            store.close()
            shutil.copy(db, args.save_db)
            store = SQLiteStore(db)
        dossier = build_dossier(store)
        store.close()
        n_art, n_sto = len(dossier["articles"]), len(dossier["stories"])
        base = median_ms(lambda: json.dumps(dossier), args.repeat)
        rows = [("json.dumps(dossier) — baseline", base)]
        rows.append(
            (
                "report --format html (whole dossier)",
                median_ms(lambda: render(dossier, "html"), max(3, args.repeat // 5)),
            )
        )
        t = time.perf_counter()
        DossierCache(db).get()
        snapshot = (time.perf_counter() - t) * 1000
        store = SQLiteStore(db)
        t = time.perf_counter()
        build_dossier(store)
        whole = (time.perf_counter() - t) * 1000
        store.close()
        rows.append(("explorer snapshot after a store change (stories + metadata)", snapshot))
        rows.append(("whole dossier read from the store, for comparison", whole))
        client = TestClient(create_app(settings.replace(db=db), allowed_hosts=("testserver",)))
        story = max(dossier["stories"], key=lambda s: len(s["articles"]))["id"]
        article = dossier["articles"][0]["id"]
        client.get("/")  # first request builds the cached dossier
        for label, path in [
            ("GET / (stories)", "/"),
            ("GET /stories/{id} (largest story)", f"/stories/{story}"),
            ("GET /articles/{id}", f"/articles/{article}"),
            ("GET /search?q=Putin", "/search?q=Putin"),
            ("GET /api/stories/{id}", f"/api/stories/{story}"),
            ("GET /api/dossier", "/api/dossier"),
        ]:
            rows.append((label, median_ms(lambda p=path: client.get(p), args.repeat)))

        loaded, during, upload_run = _load_test(db, args)

        up_client = TestClient(
            create_app(
                settings.replace(db=db),
                allow_upload=True,
                upload_dir=str(Path(tmp) / "up"),
                allowed_hosts=("testserver",),
            )
        )
        t = time.perf_counter()
        r = up_client.post("/api/articles", data={"text": NEW})
        upload = (time.perf_counter() - t) * 1000
        assert r.status_code == 201, r.text
        relink_store = SQLiteStore(db)
        t = time.perf_counter()
        link(relink_store)
        full_relink = (time.perf_counter() - t) * 1000
        relink_store.close()
        alone_db = str(Path(tmp) / "alone.db")
        single = Path(tmp) / "single.txt"
        single.write_text(NEW + "\nAlone.\n", encoding="utf-8")
        alone = SQLiteStore(alone_db)
        t = time.perf_counter()
        build([single], alone, settings.replace(db=alone_db))
        link(alone)
        fresh = (time.perf_counter() - t) * 1000
        alone.close()

    print(f"{n_art} articles, {n_sto} stories; median of {args.repeat} requests, models loaded\n")
    print("| what | ms | × baseline |")
    print("|---|---:|---:|")
    for label, ms in rows:
        print(f"| {label} | {ms:.1f} | {ms / base:.1f} |")
    print(
        f"| upload: analyse + store + link into {n_art} articles | {upload:.0f} | "
        f"{upload / base:.0f} |"
    )
    print(
        f"| full relinking of the {n_art} + 1 articles, for comparison | {full_relink:.0f} | "
        f"{full_relink / base:.0f} |"
    )
    print(
        f"| the same article built and linked into an empty store | {fresh:.0f} | "
        f"{fresh / base:.0f} |"
    )

    print(
        f"\nLoad test: `corroborator serve` on 127.0.0.1, {args.clients} clients for "
        f"{args.seconds:g} s over {loaded['paths']} pages, API calls and searches\n"
    )
    print("| phase | requests | requests/s | p50 ms | p99 ms | max ms | errors |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for label, row in (("pages, API, search", loaded), ("the same during the upload", during)):
        print(
            f"| {label} | {row['requests']} | {row['requests_per_s']} | {row['p50_ms']} | "
            f"{row['p99_ms']} | {row['max_ms']} | {row['errors']} |"
        )
    print(
        f"\npathological upload: {upload_run['bytes']:,} bytes, answered "
        f"{upload_run['status']} in {upload_run['seconds']} s"
    )


def _load_test(db: str, args: argparse.Namespace) -> tuple[dict, dict, dict]:
    """The loopback load test against a real server on a copy of ``db``."""
    served = str(Path(db).with_name("served.db"))
    shutil.copy(db, served)
    port = free_port()
    server = start_server(served, port, Path(__file__).resolve().parents[1])
    try:
        paths = paths_for(port)
        load(port, paths, args.clients, 1.0)  # warm: the first pages fill the caches
        loaded = load(port, paths, args.clients, args.seconds).summary()
        loaded["paths"] = len(paths)
        text = pathological_text(args.upload_scale)
        during, upload_run = during_upload(port, paths, args.clients, text, 180.0)
    finally:
        server.terminate()
        server.wait(30)
    return loaded, during.summary(), upload_run


if __name__ == "__main__":
    main()
