"""Article embeddings are made by the analysis and stored with it, so linking runs no model."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from corroborator.analyze.embeddings import (
    EMBEDDING_MODEL,
    MULTILINGUAL_MODEL,
    embed,
    embedding_text,
)
from corroborator.engine.link import link
from corroborator.store import SQLiteStore

from .conftest import EXAMPLES, run_cli


def test_build_stores_vectors_and_linking_embeds_nothing(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    assert run_cli("build", str(EXAMPLES), "--db", str(db), "-q", "--no-link").exit_code == 0
    store = SQLiteStore(str(db))
    try:
        articles = list(store.iter_articles())
        main = store.get_vectors(EMBEDDING_MODEL)
        multi = store.get_vectors(MULTILINGUAL_MODEL)
        assert set(main) == {a.id for a in articles}
        foreign = {a.id for a in articles if a.language not in (None, "en")}
        assert foreign and foreign <= set(multi)  # the Russian preview
        # the vector is the one linking used to make: title and lead, MiniLM
        first = articles[0]
        again = embed([embedding_text(first, EMBEDDING_MODEL)])[0]
        assert np.allclose(np.frombuffer(main[first.id], dtype=np.float32), again, atol=1e-5)
        analysis = store.get_analysis(first.id)
        assert analysis is not None and {v.model for v in analysis.vectors} >= {EMBEDDING_MODEL}
        # the store is bilingual: linking embeds the English articles on the multilingual
        # encoder once (analysis does not, for a store that may stay English), and only that
        english = [a for a in articles if a.id not in foreign]
        assert link(store).vectors_computed == len(english)
        assert link(store).vectors_computed == 0
    finally:
        store.close()
