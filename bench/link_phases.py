"""Where a full linking run's peak memory is: resident and peak memory at each step's start and
end (``/proc/self/status``: VmRSS, VmHWM), Linux only.

Runs as ``bench/scale.py``'s scratch child does (the sentence encoder and the data packs loaded
first, then ``link(store)`` on an unlinked store, in this fresh process), with the steps of
``engine.link.link_all`` and ``link.blocks`` wrapped to log memory as they start and end. The
step whose end raises VmHWM holds the peak. Link a copy: the store is linked in place.

    cp /tmp/scale/scale-100000-seed1.unlinked.db /tmp/x.db
    .venv/bin/python bench/link_phases.py /tmp/x.db /tmp/scale/scale-100000-extra.pickle
"""

from __future__ import annotations

import functools
import json
import pickle
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.scale import warm
from corroborator.engine import link as link_module
from corroborator.link import blocks, neighbours
from corroborator.store import SQLiteStore

LOG: list[tuple[str, str, float, dict[str, int]]] = []


def memory() -> dict[str, int]:
    """VmRSS and VmHWM in MB."""
    out = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(("VmRSS", "VmHWM")):
            key, value = line.split(":")
            out[key] = int(value.split()[0]) // 1024
    return out


def wrap(owner: Any, name: str, calls: int | None = None) -> None:
    """Log memory around ``owner.name`` (its first ``calls`` calls)."""
    inner: Callable[..., Any] = getattr(owner, name)
    seen = [0]

    @functools.wraps(inner)
    def logged(*args: Any, **kwargs: Any) -> Any:
        seen[0] += 1
        on = calls is None or seen[0] <= calls
        if on:
            LOG.append((name, "start", time.time(), memory()))
        result = inner(*args, **kwargs)
        if on:
            LOG.append((name, "end", time.time(), memory()))
        return result

    setattr(owner, name, logged)


def main() -> int:
    store_path, extra = sys.argv[1], sys.argv[2]
    article, analysis, vec = pickle.loads(Path(extra).read_bytes())
    warm(article, analysis, vec)
    for name in ("group_sources", "band_hashes", "_vector_matrix", "block_indices"):
        wrap(link_module, name)
    wrap(link_module, "_link_block", calls=3)
    wrap(neighbours.VectorFile, "write")
    for name in ("candidate_pairs", "knn_pairs", "pair_cosines", "_labels"):
        wrap(blocks, name)
    store = SQLiteStore(store_path)
    t0, c0 = time.time(), time.process_time()
    LOG.append(("link", "start", t0, memory()))
    report = link_module.link(store)
    LOG.append(("link", "end", time.time(), memory()))
    store.close()
    for name, edge, at, mem in LOG:
        rss, peak_now = mem["VmRSS"], mem["VmHWM"]
        print(f"{at - t0:8.1f} s  {name:16} {edge:5}  rss {rss:5} MB  peak {peak_now:5} MB")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": time.time() - t0, "cpu": time.process_time() - c0,
                      "peak_mb": peak, "stories": report.stories}))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
