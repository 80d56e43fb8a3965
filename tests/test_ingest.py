"""Ingest of every format, with what each article says about itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corroborator.config import Settings
from corroborator.errors import EmptyInput, InputError, MalformedInput, TooLargeInput
from corroborator.ingest import discover, read_articles
from corroborator.model import Article

BODY = (
    "The two presidents held talks on trade and energy in the capital on Wednesday. "
    "Officials said a joint statement would be signed before the end of the visit, "
    "and that several agreements on education were also ready."
)


def read(path: Path, settings: Settings | None = None) -> list[Article | InputError]:
    return list(read_articles(path, settings or Settings()))


def only(path: Path, settings: Settings | None = None) -> Article:
    items = read(path, settings)
    assert len(items) == 1
    assert isinstance(items[0], Article), items[0]
    return items[0]


def test_plain_text_with_headline_and_date_line(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(
        f"Leaders agree on new trade targets\nNovember 26, 2025\n\n{BODY}\n", encoding="utf-8"
    )
    art = only(f)
    assert art.title == "Leaders agree on new trade targets"
    assert art.published == "2025-11-26"
    assert "date line" in (art.published_evidence or "")
    assert art.language == "en"
    assert art.text.startswith("Leaders agree")


def test_no_date_stays_unknown(tmp_path: Path) -> None:
    f = tmp_path / "b.txt"
    f.write_text(BODY + " The summit is due on November 27, 2025.\n", encoding="utf-8")
    art = only(f)
    assert art.published is None
    assert art.published_evidence is None
    assert art.title is None


def test_dateline_with_wire_slug(tmp_path: Path) -> None:
    f = tmp_path / "c.txt"
    f.write_text(f"MOSCOW, November 25. /TASS/. {BODY}\n", encoding="utf-8")
    art = only(f)
    assert art.attributed_to == ("TASS",)
    assert art.dateline_place == "MOSCOW"
    assert art.dateline_date == "--11-25"
    assert art.published is None  # no year printed: not invented


def test_dateline_with_year_gives_publication_date(tmp_path: Path) -> None:
    f = tmp_path / "d.txt"
    f.write_text(f"WASHINGTON, Nov. 25, 2025 (AP) — {BODY}\n", encoding="utf-8")
    art = only(f)
    assert art.published == "2025-11-25"
    assert art.attributed_to == ("Associated Press",)


def test_dateline_outlet_and_reuters_slug(tmp_path: Path) -> None:
    f = tmp_path / "e.txt"
    f.write_text(f"BISHKEK (Steppe Courier). {BODY}\n", encoding="utf-8")
    assert only(f).outlet == "Steppe Courier"
    g = tmp_path / "f.txt"
    g.write_text(f"BISHKEK, Nov 26 (Reuters) - {BODY}\n", encoding="utf-8")
    art = only(g)
    assert art.attributed_to == ("Reuters",)
    assert art.outlet is None


def test_photo_credit_is_not_attribution(tmp_path: Path) -> None:
    f = tmp_path / "g.txt"
    f.write_text(
        "Presidents meet in the capital\nThe two leaders shake hands before talks. / Reuters\n"
        f"Photo: AFP\n\n{BODY}\n",
        encoding="utf-8",
    )
    assert only(f).attributed_to == ()


def test_based_on_materials_and_signature_outlet(tmp_path: Path) -> None:
    f = tmp_path / "h.txt"
    f.write_text(
        f"{BODY}\nThe Steppe Ledger\nPhoto: press service\nBased on materials from Interfax\n",
        encoding="utf-8",
    )
    art = only(f)
    assert art.attributed_to == ("Interfax",)
    assert art.outlet == "The Steppe Ledger"


def test_rewrite_note_names_wire_and_desk(tmp_path: Path) -> None:
    f = tmp_path / "i.txt"
    f.write_text(
        f"{BODY}\nThis story was rewritten from Reuters wire copy by the Valley Post desk.\n"
    )
    art = only(f)
    assert art.attributed_to == ("Reuters",)
    assert art.outlet == "Valley Post"


def test_markdown(tmp_path: Path) -> None:
    f = tmp_path / "j.md"
    f.write_text(
        f"# Key facts on trade\n\n## Trade\n\n**Turnover** grew, see [the data](http://x.invalid).\n\n{BODY}\n"
    )
    art = only(f)
    assert art.title == "Key facts on trade"
    assert art.source_format == "markdown"
    assert "**" not in art.text and "](" not in art.text and "#" not in art.text
    assert "Turnover grew, see the data." in art.text


def test_html_metadata_and_text(tmp_path: Path) -> None:
    f = tmp_path / "k.html"
    f.write_text(
        "<html><head><title>Talks | Site</title>"
        '<meta property="og:site_name" content="Valley Times">'
        '<meta property="article:published_time" content="2025-11-26T14:05:00+06:00">'
        "</head><body><nav>Home | World</nav><article><h1>Talks in the capital</h1>"
        f"<p>{BODY}</p><p>{BODY}</p></article><footer>© Valley Times</footer></body></html>",
        encoding="utf-8",
    )
    art = only(f)
    assert art.title == "Talks in the capital"
    assert art.outlet == "Valley Times"
    assert art.published == "2025-11-26"
    assert art.source_format == "html"
    assert "Home | World" not in art.text
    assert "joint statement" in art.text


def test_broken_html_still_gives_text(tmp_path: Path) -> None:
    f = tmp_path / "l.htm"
    f.write_text(f"<html><body><div><p>{BODY}<p>{BODY}<b>unclosed", encoding="utf-8")
    assert "joint statement" in only(f).text


def test_html_without_text_is_empty(tmp_path: Path) -> None:
    f = tmp_path / "m.html"
    f.write_text("<html><head><title>x</title></head><body><script>var a=1;</script></body></html>")
    with pytest.raises(EmptyInput, match=r"m\.html"):
        read(f)


def test_json_object_array_and_wrapper(tmp_path: Path) -> None:
    record = {
        "title": "Summit opens",
        "maintext": BODY,
        "url": "https://news.example.org/a",
        "date_publish": "2025-11-27 18:40:00",
        "source_domain": "news.example.org",
        "language": "en",
        "authors": ["A. Writer"],
    }
    one = tmp_path / "one.json"
    one.write_text(json.dumps(record))
    art = only(one)
    assert (art.title, art.url, art.published, art.outlet) == (
        "Summit opens", "https://news.example.org/a", "2025-11-27", "news.example.org",
    )  # fmt: skip
    assert art.authors == ("A. Writer",)
    assert "metadata" in (art.published_evidence or "")

    many = tmp_path / "many.json"
    newsapi = {"title": "B", "content": BODY + " More.", "publishedAt": "2025-11-28T08:00:00Z",
               "source": {"id": None, "name": "Wire Review"}}  # fmt: skip
    many.write_text(json.dumps({"articles": [record, newsapi]}))
    items = read(many)
    assert [type(i) for i in items] == [Article, Article]
    assert isinstance(items[1], Article)
    assert items[1].outlet == "Wire Review" and items[1].published == "2025-11-28"


def test_jsonl_bad_line_is_reported_and_others_kept(tmp_path: Path) -> None:
    f = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"text": BODY, "url": "u1"}),
        "{not json",
        json.dumps({"title": "no text here"}),
        json.dumps({"text": BODY + " Second.", "url": "u2", "date": "bogus"}),
    ]
    f.write_text("\n".join(lines) + "\n")
    items = read(f)
    arts = [i for i in items if isinstance(i, Article)]
    errs = [i for i in items if isinstance(i, InputError)]
    assert [a.url for a in arts] == ["u1", "u2"]
    assert arts[1].published is None  # an unparseable date field is not guessed
    assert len(errs) == 2
    assert isinstance(errs[0], MalformedInput) and f"{f}:2" in str(errs[0])
    assert isinstance(errs[1], EmptyInput) and f"{f}:3" in str(errs[1])


def test_broken_json_file(tmp_path: Path) -> None:
    f = tmp_path / "broken.json"
    f.write_text('{"title": "x", "text": ')
    with pytest.raises(MalformedInput, match=r"broken.json: invalid JSON at line 1"):
        read(f)


def test_empty_and_whitespace_files(tmp_path: Path) -> None:
    for name, content in (("empty.txt", b""), ("blank.txt", b"  \n\n\t\n")):
        f = tmp_path / name
        f.write_bytes(content)
        with pytest.raises(EmptyInput, match=name):
            read(f)


def test_huge_article_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "huge.txt"
    f.write_text(BODY * 20)
    with pytest.raises(TooLargeInput, match=r"huge\.txt"):
        read(f, Settings(max_article_chars=1000))
    with pytest.raises(TooLargeInput, match=r"huge\.txt: file is"):
        read(f, Settings(max_file_bytes=100))


def test_cp1251_russian_article(tmp_path: Path) -> None:
    text = (
        "Президент России прибыл в Бишкек с государственным визитом. Переговоры с президентом "
        "Киргизии прошли в резиденции, стороны подписали совместное заявление."
    )
    f = tmp_path / "ru.txt"
    f.write_bytes(text.encode("cp1251"))
    art = only(f)
    assert art.text == text
    assert art.encoding == "cp1251"
    assert art.language == "ru"


def test_discover_walks_folders_and_names_missing_paths(tmp_path: Path) -> None:
    (tmp_path / "corpus" / "sub").mkdir(parents=True)
    for name in ("b.txt", "a.json", "README.md", ".hidden.txt", "sub/c.html"):
        (tmp_path / "corpus" / name).write_text("x")
    found = list(
        discover([tmp_path / "corpus", tmp_path / "nope.txt", tmp_path / "corpus" / "README.md"])
    )
    names = [p.name if isinstance(p, Path) else "ERR" for p in found]
    assert names == ["a.json", "b.txt", "c.html", "ERR", "README.md"]
    err = found[3]
    assert isinstance(err, InputError) and "nope.txt: no such file or folder" in str(err)


def test_same_text_gives_same_id(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text(BODY)
    (tmp_path / "y.txt").write_text(BODY)
    assert only(tmp_path / "x.txt").id == only(tmp_path / "y.txt").id


def test_byline_names_authors_and_outlet(tmp_path: Path) -> None:
    f = tmp_path / "by.txt"
    f.write_text(f"Talks end with a deal\nBy Jane Doe and Amir Karimov, Valley Times\n\n{BODY}\n")
    art = only(f)
    assert art.authors == ("Jane Doe", "Amir Karimov")
    assert art.outlet == "Valley Times"
    g = tmp_path / "by-wire.txt"
    g.write_text(f"Talks end with a deal\nBy John Smith | Reuters\n\n{BODY}\n")
    art = only(g)
    assert art.attributed_to == ("Reuters",) and art.outlet is None
    h = tmp_path / "not-by.txt"
    h.write_text(f"By Wednesday, both sides expect a deal\n{BODY}\n")
    assert only(h).authors == ()


def test_hostile_json_is_refused_or_repaired(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(MalformedInput, match="nested too deeply"):
        list(read_articles(deep, Settings()))
    lines = tmp_path / "deep.jsonl"
    lines.write_text('{"text": "Talks were held in Bishkek."}\n' + "[" * 100_000 + "]" * 100_000)
    items = list(read_articles(lines, Settings()))
    assert isinstance(items[0], Article)
    assert isinstance(items[1], MalformedInput) and "deep.jsonl:2" in str(items[1])
    # a lone surrogate spelled in JSON is no character: it becomes U+FFFD, title and text
    surrogate = tmp_path / "surrogate.json"
    surrogate.write_text('{"title": "T\\ud800", "text": "Putin met Japarov \\udfff in Bishkek."}')
    (art,) = read_articles(surrogate, Settings())
    assert isinstance(art, Article)
    assert art.title == "T\ufffd" and "\ufffd" in art.text
    art.text.encode("utf-8")  # storable
