"""Readers: one input file becomes one or more raw records (text plus whatever metadata it carries).

A reader never guesses what the text says about itself; that is :mod:`.metadata`'s job.
File-level problems raise :class:`~corroborator.errors.InputError`; a bad record inside a
multi-record file (one broken JSONL line) is yielded as an error and the others go on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corroborator.errors import (
    EmptyInput,
    InputError,
    MalformedInput,
    MissingInput,
    TooLargeInput,
    UnreadableInput,
    first_line,
)
from corroborator.ingest.archives import FEED_SUFFIXES, is_feed, is_warc, read_feed, read_warc
from corroborator.ingest.decode import check_text, decode_bytes
from corroborator.ingest.paths import shown_path

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
TEXT_SUFFIXES = frozenset({".txt", ".text"})

# News-crawler field names, most specific first (news-please, NewsAPI, GDELT GKG exports,
# schema.org NewsArticle, Event Registry).
TEXT_FIELDS = ("maintext", "text", "content", "body", "articleBody", "article", "full_text")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link", "canonical_url", "uri")
DATE_FIELDS = (
    "date_publish", "date", "published", "publish_date", "pubDate", "datePublished",
    "published_at", "date_published", "dateTime", "publishedAt",
)  # fmt: skip
OUTLET_FIELDS = (
    "source",
    "source_domain",
    "outlet",
    "publisher",
    "site_name",
    "sitename",
    "source_name",
)
LANGUAGE_FIELDS = ("language", "lang")
AUTHOR_FIELDS = ("authors", "author", "byline")


@dataclass(frozen=True)
class RawRecord:
    """One article's text and the metadata its container gave, before any detection."""

    source_path: str
    text: str
    source_format: str
    encoding: str
    ordinal: int = 0
    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    language: str | None = None
    authors: tuple[str, ...] = field(default=())


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """Read a file, refusing missing, unreadable and oversized ones with a clear error."""
    name = shown_path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise MissingInput(name, "no such file") from exc
    except OSError as exc:
        raise UnreadableInput(name, f"cannot read ({exc.strerror or exc})") from exc
    if not path.is_file():
        raise UnreadableInput(name, "not a regular file")
    if size > max_bytes:
        raise TooLargeInput(
            name,
            f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit",
            hint="raise max_file_bytes to accept it",
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UnreadableInput(name, f"cannot read ({exc.strerror or exc})") from exc


def _first(obj: dict[str, Any], names: tuple[str, ...]) -> Any:
    for name in names:
        value = obj.get(name)
        if value not in (None, "", [], {}):
            return value
    return None


def _as_str(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dict):  # NewsAPI: "source": {"id": ..., "name": ...}
        value = value.get("name") or value.get("title") or value.get("id")
    if isinstance(value, list):
        value = value[0] if value else None
    if value is None:
        return None
    text = _no_surrogates(str(value)).strip()
    return text or None


_SURROGATE = re.compile("[\ud800-\udfff]")


def _no_surrogates(text: str) -> str:
    """JSON can spell a lone UTF-16 surrogate ("\\ud800"), which is no character and cannot be
    stored or encoded: it becomes U+FFFD, as an undecodable byte would."""
    return _SURROGATE.sub("\ufffd", text)


def _authors(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        name = _as_str(item)
        if name:
            out.append(name)
    return tuple(out)


def _record_from_json(obj: Any, where: str, path: str, encoding: str, ordinal: int) -> RawRecord:
    if not isinstance(obj, dict):
        raise MalformedInput(
            where, f"expected a JSON object per article, found {type(obj).__name__}"
        )
    text = _first(obj, TEXT_FIELDS)
    if not isinstance(text, str) or not text.strip():
        raise EmptyInput(where, "record has no article text (no non-empty text/maintext field)")
    return RawRecord(
        source_path=path,
        text=_no_surrogates(text).replace("\r\n", "\n").replace("\r", "\n"),
        source_format="json",
        encoding=encoding,
        ordinal=ordinal,
        title=_as_str(_first(obj, TITLE_FIELDS)),
        url=_as_str(_first(obj, URL_FIELDS)),
        published=_as_str(_first(obj, DATE_FIELDS)),
        outlet=_as_str(_first(obj, OUTLET_FIELDS)),
        language=_as_str(_first(obj, LANGUAGE_FIELDS)),
        authors=_authors(_first(obj, AUTHOR_FIELDS)),
    )


def _json_value_problem(exc: ValueError) -> str:
    """One line for a JSON text the decoder refuses beyond its syntax (a number of thousands of
    digits, which Python will not convert)."""
    if "integer string conversion" in str(exc):
        return "JSON holds a number too long to read (thousands of digits)"
    return "JSON cannot be read: " + first_line(exc)


def _read_json(text: str, path: str, encoding: str) -> Iterator[RawRecord | InputError]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise MalformedInput(
            path, f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
        ) from exc
    except RecursionError as exc:
        raise MalformedInput(path, "JSON nested too deeply to be an article") from exc
    except ValueError as exc:  # an integer of more digits than Python converts, for one
        raise MalformedInput(path, _json_value_problem(exc)) from exc
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    items = data if isinstance(data, list) else [data]
    if not items:
        raise EmptyInput(path, "JSON holds no articles")
    for i, obj in enumerate(items):
        where = path if len(items) == 1 else f"{path}[{i}]"
        try:
            yield _record_from_json(obj, where, path, encoding, i)
        except InputError as err:
            yield err


def _read_jsonl(text: str, path: str, encoding: str) -> Iterator[RawRecord | InputError]:
    seen = 0
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        seen += 1
        where = f"{path}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield MalformedInput(where, f"invalid JSON at column {exc.colno}: {exc.msg}")
            continue
        except RecursionError:
            yield MalformedInput(where, "JSON nested too deeply to be an article")
            continue
        except ValueError as exc:  # an integer of more digits than Python converts, for one
            yield MalformedInput(where, _json_value_problem(exc))
            continue
        try:
            yield _record_from_json(obj, where, path, encoding, lineno)
        except InputError as err:
            yield err
    if not seen:
        raise EmptyInput(path, "empty file")


def read_html(text: str, path: str, encoding: str) -> RawRecord:
    """The article of one HTML page (text, title, URL, date, outlet, authors, language)."""
    import trafilatura  # heavy import; only HTML inputs pay for it

    doc = trafilatura.bare_extraction(
        text,
        with_metadata=True,
        favor_recall=True,
        include_comments=False,
        # Only dates the page states (meta tags, URL, markup); no guessing from body text.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    body = getattr(doc, "text", None) or trafilatura.html2txt(text) or ""
    if not body.strip():
        raise EmptyInput(path, "no article text found in the HTML")
    return RawRecord(
        source_path=path,
        text=body,
        source_format="html",
        encoding=encoding,
        title=getattr(doc, "title", None),
        url=getattr(doc, "url", None),
        published=getattr(doc, "date", None),
        outlet=getattr(doc, "sitename", None),
        language=getattr(doc, "language", None),
        authors=_authors(getattr(doc, "author", None)),
    )


_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_MD_HEADING = re.compile(r"^#{1,6}\s+", re.MULTILINE)


def markdown_to_text(text: str) -> tuple[str, str | None]:
    """Strip Markdown markup that would confuse the parser; return ``(text, first H1)``."""
    title_match = re.search(r"^#\s+(.+?)\s*#*\s*$", text, re.MULTILINE)
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    text = _MD_HEADING.sub("", text)
    return text, title_match.group(1) if title_match else None


def read_file(path: Path, *, max_bytes: int) -> Iterator[RawRecord | InputError]:
    """Yield the records in ``path``; raise :class:`InputError` if the file is unusable."""
    name = shown_path(path)
    data = read_bytes(path, max_bytes)
    if not data.strip():
        raise EmptyInput(name, "empty file")
    if is_warc(path.name):  # binary (often gzipped) container of pages
        yield from read_warc(data, name)
        return
    text, encoding = decode_bytes(data, name)
    check_text(text, name)
    if not text.strip():
        raise EmptyInput(name, "empty file (only whitespace)")
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(text, name, encoding)
    elif suffix in JSON_SUFFIXES:
        yield from _read_json(text, name, encoding)
    elif suffix in FEED_SUFFIXES or (suffix == ".xml" and is_feed(text)):
        yield from read_feed(text, name, encoding)
    elif suffix in HTML_SUFFIXES:
        yield read_html(text, name, encoding)
    elif suffix in MARKDOWN_SUFFIXES:
        body, title = markdown_to_text(text)
        yield RawRecord(name, body, "markdown", encoding, title=title)
    else:
        yield RawRecord(name, text, "text", encoding)
