"""The whole seeds dossier against ../shared/seeds-gold.yaml: stories, timeline, claims,
verdicts, conflicts, source dependence (the numbers tests/test_quality_seeds.py gates).

    .venv/bin/python bench/seeds_eval.py
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from corroborator.config import Settings
from corroborator.engine import build
from corroborator.engine.link import link
from corroborator.evaluate.seeds import notes_text, score_dossier
from corroborator.report import build_dossier
from corroborator.store import SQLiteStore

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def main() -> int:
    if not (SHARED / "seeds").is_dir():
        print(f"skipped: {SHARED / 'seeds'} is absent", file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(db=str(Path(tmp) / "seeds.db"))
        store = SQLiteStore(settings.db)
        build([SHARED / "seeds"], store, settings)
        link(store)
        dossier = build_dossier(store)
        store.close()
    scores = score_dossier(SHARED / "seeds-gold.yaml", dossier)
    print(json.dumps(scores.as_dict(), indent=2))
    if scores.notes:
        print("misses:\n" + notes_text(scores.notes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
