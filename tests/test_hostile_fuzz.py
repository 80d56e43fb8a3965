"""A bounded fuzz run: hundreds of generated hostile inputs in one folder with good articles,
built through the product's build in a child process (so a stall fails the test instead of
hanging the suite). No traceback, no file slower than the budget, every good article stored.
The longer run is bench/hostile.py."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import REPO

# Per-file budget of the issue (10 s on this machine), with room for a loaded CI runner.
SLOWEST_FILE_S = 20.0
PEAK_RSS_MB = 2048


def test_generated_hostile_inputs_cost_only_themselves(tmp_path: Path) -> None:
    out = tmp_path / "fuzz.json"
    proc = subprocess.run(
        [sys.executable, str(REPO / "bench" / "hostile.py"), "--seed", "11", "--count", "300",
         "--scale", "30", "--json", str(out)],
        capture_output=True, text=True, timeout=900, cwd=tmp_path,
    )  # fmt: skip
    assert "Traceback" not in proc.stderr + proc.stdout, proc.stderr[-3000:]
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    result = json.loads(out.read_text())
    assert result["good_stored"] is True
    assert result["files"] >= 300 and result["errors"] > 50
    assert result["slowest_file_s"] <= SLOWEST_FILE_S, result
    assert result["peak_rss_mb"] <= PEAK_RSS_MB, result
