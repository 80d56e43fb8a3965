"""Ingest: files and folders → :class:`~corroborator.model.Article` objects.

:func:`discover` expands the paths a user gives; :func:`read_articles` turns one file into its
articles, yielding an :class:`~corroborator.errors.InputError` for each record it cannot use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

from corroborator.config import Settings
from corroborator.errors import EmptyInput, InputError, MissingInput, TooLargeInput, UnreadableInput
from corroborator.ingest.language import detect_language, normalise_language
from corroborator.ingest.metadata import read_metadata
from corroborator.ingest.paths import shown_path
from corroborator.ingest.readers import RawRecord, read_file
from corroborator.model import Article

# Files a folder walk passes over: project notes that sit beside a corpus, not reports.
# A path the user names explicitly is always read.
SKIPPED_STEMS = frozenset(
    {"readme", "license", "licence", "copying", "changelog", "notice", "authors"}
)


# An article needs words: at least this many runs of two or more letters or digits (any
# script). A file of NULs, zero-width characters, punctuation or one stray byte has none, and
# a parser would only waste time on it; the shortest real item (a one-line wire flash) has many.
MIN_WORDS = 3
_WORD = re.compile(r"[^\W_]{2,}")


def discover(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Every file under ``paths`` in a stable order; a missing path becomes an error.

    A symbolic link inside a folder is followed only when it stays inside that folder: a link
    out of it (to a system file, a home folder) is reported and not read. A path the user names
    explicitly is always read.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            try:
                found = sorted(p for p in path.rglob("*") if p.is_file() or p.is_symlink())
                root = path.resolve()
            except OSError as exc:
                yield UnreadableInput(
                    shown_path(path), f"cannot list folder ({exc.strerror or exc})"
                )
                continue
            for p in found:
                rel = p.relative_to(path)
                if any(part.startswith(".") for part in rel.parts):
                    continue
                if p.stem.lower() in SKIPPED_STEMS:
                    continue
                if p.is_symlink() and not _inside(p, root):
                    yield UnreadableInput(
                        shown_path(p), "symbolic link leads outside the input folder; not followed"
                    )
                    continue
                yield p
        elif path.exists() or path.is_symlink():
            yield path
        else:
            yield MissingInput(shown_path(path), "no such file or folder")


def _inside(link: Path, root: Path) -> bool:
    try:
        return link.resolve().is_relative_to(root)
    except (OSError, RuntimeError):  # a loop of links
        return False


def to_article(raw: RawRecord, settings: Settings) -> Article:
    """Detect what the text says about itself and build the :class:`Article`."""
    text = raw.text.strip("\n")
    where = raw.source_path if raw.ordinal == 0 else f"{raw.source_path}#{raw.ordinal}"
    if not text.strip():
        raise EmptyInput(where, "empty article (no text)")
    if sum(1 for _ in islice(_WORD.finditer(text), MIN_WORDS)) < MIN_WORDS:
        raise EmptyInput(
            where, "no words to analyse (only symbols, spaces or invisible characters)"
        )
    if len(text) > settings.max_article_chars:
        raise TooLargeInput(
            where,
            f"article is {len(text):,} characters, over the {settings.max_article_chars:,} limit",
            hint="raise max_article_chars to accept it",
        )
    meta = read_metadata(
        text,
        meta_title=raw.title,
        meta_published=raw.published,
        meta_outlet=raw.outlet,
        meta_authors=raw.authors,
        url=raw.url,
    )
    language = normalise_language(raw.language) or detect_language(text, settings.languages)
    return Article(
        id=Article.make_id(text, raw.url, meta.outlet),
        text=text,
        source_path=raw.source_path,
        url=raw.url,
        title=meta.title,
        outlet=meta.outlet,
        published=meta.published,
        published_evidence=meta.published_evidence,
        language=language,
        attributed_to=meta.attributed_to,
        authors=meta.authors,
        dateline_place=meta.dateline_place,
        dateline_date=meta.dateline_date,
        source_format=raw.source_format,
        encoding=raw.encoding,
    )


def read_articles(path: Path, settings: Settings) -> Iterator[Article | InputError]:
    """The articles in ``path``, with an error for each record that cannot be used.

    Raises :class:`InputError` when the whole file is unusable — including a file of one record
    whose record is unusable (an empty or oversized text file).
    """
    results: list[Article | InputError] = []
    for item in read_file(path, max_bytes=settings.max_file_bytes):
        if isinstance(item, InputError):
            results.append(item)
            continue
        try:
            results.append(to_article(item, settings))
        except InputError as err:
            results.append(err)
    if len(results) == 1 and isinstance(results[0], InputError):
        raise results[0]
    yield from results
