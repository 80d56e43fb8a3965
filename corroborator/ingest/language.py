"""Language identification with lingua, restricted to the configured languages, loaded once."""

from __future__ import annotations

from functools import cache
from typing import Any

from corroborator.errors import ConfigError

# lingua needs a little text to be reliable; below 20 letters its guesses on news snippets are
# close to chance, so short texts are left unknown.
_MIN_LETTERS = 20
# The first 1000 characters decide: detection time grows linearly with the sample, and 1000
# gave the answer 3000 gave on every text measured (the seeds, the example corpus, the
# development texts of news-dev in English and Russian, the 256 TempEval-3 TBAQ documents;
# 400 did too on all but TBAQ, not measured there), at a third of the CPU.
_SAMPLE = 1000


@cache
def _detector(codes: tuple[str, ...]) -> Any:
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    isos = []
    for code in codes:
        try:
            isos.append(getattr(IsoCode639_1, code.upper()))
        except AttributeError as exc:
            raise ConfigError(f"languages: unknown ISO 639-1 code {code!r}") from exc
    if len(isos) < 2:
        raise ConfigError("languages: name at least two languages to choose among")
    return LanguageDetectorBuilder.from_iso_codes_639_1(*isos).build()


def detect_language(text: str, codes: tuple[str, ...]) -> str | None:
    """ISO 639-1 code of ``text``'s language among ``codes``, or ``None`` when unsure."""
    sample = text[:_SAMPLE]
    if sum(c.isalpha() for c in sample) < _MIN_LETTERS:
        return None
    language = _detector(tuple(codes)).detect_language_of(sample)
    return None if language is None else str(language.iso_code_639_1.name).lower()


def normalise_language(raw: str | None) -> str | None:
    """A metadata language tag ("en", "en-US", "eng", "English") as ISO 639-1, or ``None``."""
    if not raw:
        return None
    tag = raw.strip().lower().replace("_", "-").split("-")[0]
    names = {"english": "en", "eng": "en", "russian": "ru", "rus": "ru", "german": "de",
             "deu": "de", "ger": "de", "french": "fr", "fra": "fr", "fre": "fr",
             "spanish": "es", "spa": "es"}  # fmt: skip
    tag = names.get(tag, tag)
    return tag if len(tag) == 2 and tag.isalpha() else None
