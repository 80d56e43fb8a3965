"""News feeds (RSS, Atom) and web archives (WARC), made here, read into articles."""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from corroborator.config import Settings
from corroborator.engine import build
from corroborator.errors import InputError
from corroborator.ingest import read_articles
from corroborator.store import SQLiteStore

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Vale Gazette</title><language>en-gb</language>
<item><title>Council approves bus depot</title><link>https://vale.example/depot</link>
<pubDate>Wed, 05 Mar 2025 10:00:00 GMT</pubDate><author>desk@vale.example (Ann Lee)</author>
<description>&lt;p&gt;The council of Marrow Vale approved a bus depot on Wednesday after a
two-hour debate. It will cost 12 million euros, the mayor said.&lt;/p&gt;</description></item>
<item><title>Empty item</title><link>https://vale.example/empty</link><description></description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Bay Observer</title>
<entry><title>Fishermen march on town hall</title><link href="https://bay.example/march"/>
<updated>2025-03-06T16:00:00Z</updated><author><name>Omar Seki</name></author>
<content type="html">&lt;p&gt;About 300 fishermen in Kestrel Bay marched to the town hall on
Thursday against new quotas, police said.&lt;/p&gt;</content></entry></feed>"""

PAGE = """<html><head><title>Ferry pier agreed</title>
<meta property="og:site_name" content="Tidewater Courier">
<meta property="article:published_time" content="2025-03-04T09:00:00Z"></head>
<body><article><h1>Ferry pier agreed</h1><p>The harbour master of Port Alder met the transport
minister on Tuesday to discuss a new ferry pier. The two agreed to spend $6 million on the work,
the harbour master said after the meeting.</p></article></body></html>"""


def _warc(path: Path, pages: list[tuple[str, str, str]]) -> None:
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=path.suffix == ".gz")
        for url, content_type, body in pages:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body.encode()), http_headers=headers
            )
            writer.write_record(record)


def test_rss_entries_become_articles_with_their_metadata(tmp_path: Path) -> None:
    feed = tmp_path / "gazette.xml"
    feed.write_text(RSS)
    items = list(read_articles(feed, Settings()))
    articles = [a for a in items if not isinstance(a, InputError)]
    errors = [e for e in items if isinstance(e, InputError)]
    assert len(articles) == 1 and len(errors) == 1 and "no text" in str(errors[0])
    (art,) = articles
    assert art.title == "Council approves bus depot"
    assert art.url == "https://vale.example/depot"
    assert art.outlet == "Vale Gazette"
    assert art.published == "2025-03-05"
    assert "12 million euros" in art.text and "<p>" not in art.text
    assert art.source_format == "feed" and art.language == "en"


def test_atom_entry_is_read(tmp_path: Path) -> None:
    feed = tmp_path / "observer.atom"
    feed.write_text(ATOM)
    (art,) = list(read_articles(feed, Settings()))
    assert not isinstance(art, InputError)
    assert art.outlet == "Bay Observer" and art.published == "2025-03-06"
    assert "300 fishermen" in art.text and art.authors == ("Omar Seki",)


def test_warc_pages_are_read_and_other_records_skipped(tmp_path: Path) -> None:
    archive = tmp_path / "crawl.warc.gz"
    _warc(
        archive,
        [
            ("https://courier.example/pier", "text/html; charset=utf-8", PAGE),
            ("https://courier.example/logo.css", "text/css", "body { color: red }"),
        ],
    )
    (art,) = list(read_articles(archive, Settings()))
    assert not isinstance(art, InputError)
    assert art.url == "https://courier.example/pier"
    assert art.title == "Ferry pier agreed" and art.published == "2025-03-04"
    assert "$6 million" in art.text and art.source_format == "warc"


def test_archives_build_into_a_store_and_bad_ones_are_named(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "gazette.rss").write_text(RSS)
    _warc(corpus / "crawl.warc", [("https://courier.example/pier", "text/html", PAGE)])
    (corpus / "broken.warc.gz").write_bytes(b"\x1f\x8b\x08\x00garbage" * 10)
    (corpus / "nothing.atom").write_text("<feed xmlns='http://www.w3.org/2005/Atom'></feed>")
    settings = Settings(db=str(tmp_path / "s.db"))
    store = SQLiteStore(settings.db)
    report = build([corpus], store, settings)
    named = " | ".join(str(e) for e in report.errors)
    assert "broken.warc.gz" in named and "nothing.atom" in named and "gazette.rss#1" in named
    assert store.counts()["articles"] == 2
    store.close()
