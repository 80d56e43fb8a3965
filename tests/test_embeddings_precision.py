"""Article embeddings in bfloat16 (where the CPU has it) stay float32's vectors for linking:
the same bytes on every call, and the similarities between articles within a hair of
float32's."""

from __future__ import annotations

import numpy as np
import pytest

from corroborator.analyze.embeddings import _one_thread, embed, load_embedder, native_bf16
from corroborator.config import load_settings
from corroborator.errors import ConfigError

# Our own wording: two reports of one flood, one of a trade deal, one of a football match.
TEXTS = [
    "Floods in the river valley\nHeavy rain swelled the river overnight and water entered "
    "hundreds of homes in three villages; rescuers evacuated about 1,200 residents by boat.",
    "Villages evacuated as river bursts its banks\nEmergency crews moved some 1,200 people out "
    "of flooded houses on Tuesday after two days of rain raised the river past its banks.",
    "Ministers sign a trade agreement\nThe two governments agreed to cut tariffs on grain and "
    "machinery over five years, the trade ministry said after talks in the capital.",
    "Late goal settles the derby\nA header in the final minute gave the home side a 2-1 win "
    "before a crowd of 40,000, lifting them to second place in the league.",
]


def test_the_same_text_gives_the_same_bytes() -> None:
    for text in TEXTS:  # as analysis embeds them: one article at a time
        assert embed([text]).tobytes() == embed([text]).tobytes()


@pytest.mark.skipif(not native_bf16(), reason="this CPU multiplies bfloat16 in software")
def test_bfloat16_vectors_keep_float32_similarities() -> None:
    model = load_embedder()
    with _one_thread():
        exact = np.stack(
            [model.encode([t], convert_to_numpy=True, normalize_embeddings=True)[0] for t in TEXTS]
        )
    # "float32" (for clusters of mixed CPUs) is the exact path
    pinned = np.stack([embed([t], precision="float32")[0] for t in TEXTS])
    assert pinned.tobytes() == exact.tobytes()
    fast = np.stack([embed([t])[0] for t in TEXTS])
    assert fast.tobytes() != exact.tobytes()  # the fast path is taken
    assert float(np.min(np.sum(fast * exact, axis=1))) > 0.9995
    assert float(np.max(np.abs(fast @ fast.T - exact @ exact.T))) < 0.005
    # what linking reads: the two flood reports are each other's nearest neighbour
    sims = fast @ fast.T
    np.fill_diagonal(sims, -1.0)
    assert int(np.argmax(sims[0])) == 1 and int(np.argmax(sims[1])) == 0


def test_an_unknown_precision_is_a_settings_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CORROBORATOR_EMBEDDING_PRECISION", "float16")
    with pytest.raises(ConfigError, match="embedding_precision"):
        load_settings()
    monkeypatch.setenv("CORROBORATOR_EMBEDDING_PRECISION", "float32")
    assert load_settings().embedding_precision == "float32"
