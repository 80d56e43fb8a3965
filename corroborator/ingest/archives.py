"""Readers for what monitoring desks collect: news feeds (RSS, Atom) and web archives (WARC).

A feed becomes one record per entry, with the entry's title, link, date and authors and the
feed's title as the outlet; the text is the entry's content, or its summary when the feed
carries no more (many feeds carry only a lead: that lead is what the source said there). A WARC
file becomes one record per archived HTML page, read as :mod:`.readers` reads an HTML file; the
capture date is not a publication date and is not used as one.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from corroborator.errors import EmptyInput, InputError, MalformedInput, first_line

FEED_SUFFIXES = frozenset({".rss", ".atom"})
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc.gz")
# A .xml file is read as a feed when its root element is one.
_FEED_ROOT = re.compile(
    r"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.S
)


def is_feed(text: str) -> bool:
    """Whether an XML text is an RSS or Atom feed (by its root element)."""
    return bool(_FEED_ROOT.match(text[:4096]))


def is_warc(name: str) -> bool:
    """Whether a file name is a web archive's."""
    return name.lower().endswith(WARC_SUFFIXES)


_BLOCKS = ("p", "div", "li", "br", "h1", "h2", "h3", "h4", "blockquote", "tr")


def _html_to_text(html: str) -> str:
    """The text of an HTML fragment (a feed entry's content), one paragraph per line."""
    if "<" not in html:
        return html
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return re.sub(r"<[^>]*>", " ", html)
    for el in root.iter(*_BLOCKS):
        el.tail = "\n" + (el.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def read_feed(text: str, path: str, encoding: str) -> Iterator[Any]:
    """One :class:`~corroborator.ingest.readers.RawRecord` (or error) per feed entry."""
    import feedparser

    from corroborator.ingest.readers import RawRecord

    feed = feedparser.parse(text)
    if not feed.entries:
        problem = "feed has no entries"
        if feed.bozo:
            problem = f"not a readable feed ({first_line(feed.bozo_exception, 120)})"
        raise EmptyInput(path, problem)
    outlet = (feed.feed.get("title") or "").strip() or None
    language = feed.feed.get("language")
    for i, entry in enumerate(feed.entries):
        where = f"{path}#{i}"
        content = entry.get("content") or []
        html = content[0].get("value", "") if content else entry.get("summary", "")
        body = _html_to_text(html or "").strip()
        if not body:
            yield EmptyInput(where, "feed entry has no text (no content or summary)")
            continue
        authors = tuple(a.get("name", "") for a in entry.get("authors", []) if a.get("name"))
        yield RawRecord(
            source_path=path,
            text=body,
            source_format="feed",
            encoding=encoding,
            ordinal=i,
            title=(entry.get("title") or "").strip() or None,
            url=entry.get("link"),
            published=entry.get("published") or entry.get("updated"),
            outlet=outlet,
            language=language,
            authors=authors,
        )


def read_warc(data: bytes, path: str) -> Iterator[Any]:
    """One record (or error) per archived HTML response in a WARC (or ARC) file."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from corroborator.ingest.decode import decode_bytes
    from corroborator.ingest.readers import read_html

    found = 0
    try:
        for i, record in enumerate(ArchiveIterator(io.BytesIO(data), arc2warc=True)):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            kind = (record.http_headers.get_header("Content-Type") or "").lower()
            if "html" not in kind:
                continue
            found += 1
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{path}#{i}"
            try:
                html, encoding = decode_bytes(record.content_stream().read(), where)
                raw = read_html(html, where, encoding)
            except InputError as err:
                yield err
                continue
            url = raw.url or url
            yield replace(raw, source_path=path, ordinal=i, url=url, source_format="warc")
    except ArchiveLoadFailed as exc:
        raise MalformedInput(path, f"not a readable web archive ({first_line(exc, 120)})") from exc
    if not found:
        raise EmptyInput(path, "web archive holds no HTML pages")
