"""The web explorer over real stores: pages, JSON API, search, uploads and its protections."""

from __future__ import annotations

import ast
import csv
import io
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from corroborator.config import Settings
from corroborator.web import create_app
from corroborator.web.guard import allowed_hosts_for

from .conftest import EXAMPLE_ARTICLES, REPO

HOST = ("testserver",)


@pytest.fixture(scope="module")
def client(example_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(db=str(example_db)), allowed_hosts=HOST)) as c:
        yield c


@pytest.fixture(scope="module")
def hostile(hostile_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(db=str(hostile_db)), allowed_hosts=HOST)) as c:
        yield c


def _talks_story(client: TestClient) -> dict[str, object]:
    stories = client.get("/api/stories").json()
    return max(stories, key=lambda s: s["conflicts"])


def test_stories_list_and_api(client: TestClient) -> None:
    stories = client.get("/api/stories").json()
    assert len(stories) == 2
    top = _talks_story(client)
    # the 2025 story: every report but the 2023 visit's, the Russian preview an outlet of its own
    assert top["conflicts"] == 2 and top["articles"] == EXAMPLE_ARTICLES - 1
    assert top["independent_sources"] == 7
    page = client.get("/")
    assert page.status_code == 200
    # the story with disagreements is listed first, with its count
    first = re.search(r'class="story-link" href="/stories/(sty_[0-9a-f]{16})"', page.text)
    assert first and first.group(1) == top["id"]
    assert '<span class="tag conflicting">2</span>' in page.text


def test_story_page_quotes_both_sides_and_links_to_highlights(client: TestClient) -> None:
    top = _talks_story(client)
    page = client.get(f"/stories/{top['id']}").text
    assert "Where the sources disagree" in page
    assert page.index("Where the sources disagree") < page.index("Timeline")
    for side in ("2025-11-26", "2025-11-25", "some 1,700", "1,800"):
        assert f'<span class="val">{side}</span>' in page
    links = re.findall(r'class="quote-link" href="/articles/(art_[0-9a-f]{16})#([^"]+)"', page)
    assert len(links) > 20
    # every link lands on an element the article page really has
    for aid, anchor in set(links):
        art = client.get(f"/articles/{aid}").text
        assert f'id="{anchor}"' in art, (aid, anchor)


def test_story_api_matches_dossier(client: TestClient) -> None:
    top = _talks_story(client)
    story = client.get(f"/api/stories/{top['id']}").json()
    dossier = client.get("/api/dossier").json()
    assert story == next(s for s in dossier["stories"] if s["id"] == top["id"])
    talks = [e for e in story["events"] if e["type"] == "talks" and e["conflicts"]]
    assert talks and talks[0]["conflicts"][0]["field"] == "date"


def test_article_page_highlights_every_item(client: TestClient) -> None:
    arts = client.get("/api/articles").json()
    assert len(arts) == EXAMPLE_ARTICLES and all("text" not in a for a in arts)
    for summary in arts:
        full = client.get(f"/api/articles/{summary['id']}").json()
        page = client.get(f"/articles/{summary['id']}").text
        for c in full["analysis"]["claims"]:
            anchor = f"q-{full['id']}-{c['start']}-{c['end']}"
            assert f'id="{anchor}"' in page, c["text"]
        for e in full["analysis"]["events"]:
            own = f'id="q-{full["id"]}-{e["trigger_start"]}-{e["trigger_end"]}"' in page
            # an event word inside a figure ("state visit") is under the figure's highlight
            under = any(
                c["start"] <= e["trigger_start"] and e["trigger_end"] <= c["end"]
                for c in full["analysis"]["claims"]
            )
            assert own or under, e["trigger"]


def test_search_finds_articles_entities_and_claims(client: TestClient) -> None:
    r = client.get("/api/search", params={"q": "1,800"}).json()
    assert r["articles"] and any(c["verdict"] == "conflicting" for c in r["claims"])
    r = client.get("/api/search", params={"q": "japarov"}).json()
    assert any(e["name"] == "Sadyr Japarov" for e in r["entities"])
    assert client.get("/search", params={"q": "Lukashenko"}).status_code == 200
    assert client.get("/api/search", params={"q": "x" * 201}).status_code == 422
    assert client.get("/search", params={"q": "x" * 201}).status_code == 422


def test_openapi_describes_the_api(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    assert spec["info"]["title"] == "corroborator explorer"
    for path in ("/api/stories", "/api/stories/{story_id}", "/api/articles", "/api/search"):
        assert path in spec["paths"]
    assert "post" in spec["paths"]["/api/articles"]
    assert not any(p.startswith("/stories") for p in spec["paths"])
    assert client.get("/docs").status_code == 404  # no CDN-loaded interactive docs


@pytest.mark.parametrize(
    "path",
    [
        "/articles/..%2F..%2F..%2Fetc%2Fpasswd",
        "/articles/../../etc/passwd",
        "/stories/..%2F..%2Fpyproject.toml",
        "/static/..%2F..%2Fpyproject.toml",
        "/static/../report/templates/report.html.j2",
        "/api/articles/art_0000000000000000",
        "/api/stories/sty_%00",
        "/articles/art_69b9a6627d27916b%27%20OR%201=1--",
    ],
)
def test_no_path_traversal_or_injection(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404
    assert "root:" not in r.text and "[project]" not in r.text


def test_protections_on_every_response(client: TestClient) -> None:
    for path in ("/", "/api/stories", "/nope", "/static/report.css"):
        r = client.get(path)
        assert "script-src" not in r.headers["content-security-policy"]
        assert r.headers["content-security-policy"].startswith("default-src 'none'")
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"
    assert client.get("/", headers={"host": "evil.example"}).status_code == 400
    head = client.head("/stories/" + _talks_story(client)["id"])
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-type"].startswith("text/html")


@pytest.mark.parametrize(
    "host",
    ["evil.example", "127.0.0.1.evil.com", "localhost:8000@evil", "127.0.0.1:evil",
     "[::1]evil.com", "localhost:99999999", "localhost\t", ""],
)  # fmt: skip
def test_host_must_be_loopback_and_well_formed(example_db: Path, host: str) -> None:
    app = create_app(Settings(db=str(example_db)))  # default: loopback names only
    with TestClient(app, base_url="http://127.0.0.1") as c:
        assert c.get("/api/stories").status_code == 200
        assert c.get("/api/stories", headers={"host": host}).status_code == 400


def test_loopback_in_any_spelling() -> None:
    for bound in ("127.0.0.1", "127.0.0.2", "localhost", "::1", "0:0:0:0:0:0:0:1", "[::1]"):
        assert allowed_hosts_for(bound) is not None, bound
    for bound in ("0.0.0.0", "::", "192.168.1.5", "example.org"):
        assert allowed_hosts_for(bound) is None, bound


def test_read_only_by_default(client: TestClient) -> None:
    assert client.get("/upload").status_code == 403
    assert client.post("/api/articles", data={"text": "Leaders met."}).status_code == 403
    assert allowed_hosts_for("127.0.0.1") is not None
    assert allowed_hosts_for("0.0.0.0") is None


def test_hostile_article_is_inert_on_every_page(hostile: TestClient) -> None:
    pages = ["/", "/articles", "/search?q=script", "/search?q=%3Cscript%3E"]
    pages += [f"/stories/{s['id']}" for s in hostile.get("/api/stories").json()]
    pages += [f"/articles/{a['id']}" for a in hostile.get("/api/articles").json()]
    hostile_ids = [
        a["id"]
        for a in hostile.get("/api/articles").json()
        if "hostile" in (a["source_path"] or "")
    ]
    assert len(hostile_ids) == 2
    for path in pages:
        html = hostile.get(path).text
        assert "<script" not in html.lower(), path
        for bad in ("<img src=x", "<svg onload", "<iframe", "<b onclick", 'href="javascript'):
            assert bad not in html, (path, bad)
        # a quote that tries to close an attribute stays inside it
        assert not re.search(r"<[^>]*\s on\w+\s*=", html, re.I), path
    art = hostile.get(f"/articles/{hostile_ids[0]}").text
    assert "&lt;script&gt;window.__pwned = " in art and "&lt;/script&gt;" in art
    api = hostile.get(f"/api/articles/{hostile_ids[0]}").json()
    assert "<script>" in api["text"]  # the API returns the text as read, as JSON
    assert (
        hostile.get(f"/api/articles/{hostile_ids[0]}")
        .headers["content-type"]
        .startswith("application/json")
    )


# -- uploads ---------------------------------------------------------------------------------


@pytest.fixture
def writable(example_db: Path, tmp_path: Path) -> Iterator[tuple[TestClient, Path]]:
    db = tmp_path / "w.db"
    shutil.copy(example_db, db)
    app = create_app(
        Settings(db=str(db)),
        allow_upload=True,
        max_upload_bytes=20_000,
        upload_dir=str(tmp_path / "up"),
        allowed_hosts=HOST,
    )
    with TestClient(app) as c:
        yield c, tmp_path / "up"


NEW_REPORT = (
    "Japarov and Putin end talks with trade pledge\n\n"
    "BISHKEK, November 26, 2025 - Vladimir Putin and Sadyr Japarov held talks in Bishkek on "
    "Wednesday. Trade between the two countries reached $4.1 billion in 2024, Putin said. "
    "About 1,900 companies with Russian capital operate in Kyrgyzstan, Japarov said.\n"
)


def test_upload_adds_analyses_and_links(writable: tuple[TestClient, Path]) -> None:
    client, folder = writable
    before = {s["id"]: s for s in client.get("/api/stories").json()}
    r = client.post(
        "/api/articles",
        files={"file": ("../../../etc/evil name.txt", NEW_REPORT.encode(), "text/plain")},
    )
    assert r.status_code == 201, r.text
    body = r.json()
    assert len(body["articles"]) == 1 and body["new"] == 1 and not body["errors"]
    aid = body["articles"][0]
    saved = list(folder.iterdir())
    assert len(saved) == 1 and saved[0].name.startswith("upload-") and saved[0].suffix == ".txt"
    art = client.get(f"/api/articles/{aid}").json()
    assert art["story"] in before  # linked into the existing visit story
    assert any(c["text"] == "$4.1 billion" for c in art["analysis"]["claims"])
    story = client.get(f"/api/stories/{art['story']}").json()
    assert aid in story["articles"]
    # the same bytes again add nothing
    again = client.post("/api/articles", files={"file": ("x.txt", NEW_REPORT.encode())}).json()
    assert again["articles"] == [aid] and again["new"] == 0
    # the form redirects to the new article
    form = client.post(
        "/upload", data={"title": "Pasted", "text": "Putin met Japarov."}, follow_redirects=False
    )
    assert form.status_code == 303 and form.headers["location"].startswith("/articles/art_")


def test_upload_limits_and_origin(writable: tuple[TestClient, Path]) -> None:
    client, folder = writable
    big = b"word " * 5_000  # 25 kB > 20 kB limit
    r = client.post("/api/articles", files={"file": ("big.txt", big)})
    assert r.status_code == 413

    def chunks() -> Iterator[bytes]:  # no Content-Length: the body is counted as it streams
        yield b"text="
        for _ in range(100):
            yield b"x" * 1024

    form = {"content-type": "application/x-www-form-urlencoded"}
    r = client.post("/api/articles", content=chunks(), headers=form)
    assert r.status_code == 413
    for headers in (
        {"origin": "http://evil.ex"},
        {"origin": "null"},  # a sandboxed frame
        {"origin": "https://testserver"},  # another scheme
        {"sec-fetch-site": "same-site"},  # a sibling site on this machine
        {"sec-fetch-site": "cross-site", "origin": "http://testserver"},
    ):
        r = client.post("/api/articles", data={"text": "Putin met Japarov."}, headers=headers)
        assert r.status_code == 403, headers
    assert client.post("/api/articles", data={"text": "   "}).status_code == 400
    junk = client.post("/api/articles", files={"file": ("a.txt", b"\x00\x01\x02PNG\x00" * 50)})
    assert junk.status_code == 422 and "a.txt" not in junk.text
    assert not any(p.suffix == ".part" for p in folder.iterdir())
    # refused uploads leave no file behind, and errors name the upload, not server folders
    empty = client.post("/api/articles", files={"file": ("e.txt", b"   \n")})
    assert empty.status_code == 422 and str(folder) not in empty.text
    deep = client.post("/api/articles", files={"file": ("d.json", b"[" * 5_000 + b"]" * 5_000)})
    assert deep.status_code == 422 and "nested too deeply" in deep.text
    assert list(folder.iterdir()) == []


def test_sql_is_parameterised() -> None:
    """Values never reach SQL through string formatting: an f-string in an execute call may only
    insert a table name from the store's constant lists, its constant column list, or a run of
    ``?`` placeholders."""
    tree = ast.parse((REPO / "corroborator" / "store" / "sqlite.py").read_text())
    seen = 0
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr not in ("execute", "executemany", "executescript", "_one") or not (
            node.args
        ):
            continue
        sql = node.args[0]
        seen += 1
        assert not isinstance(sql, ast.BinOp), ast.unparse(sql)
        assert not (isinstance(sql, ast.Call) and ast.unparse(sql.func).endswith("format"))
        if isinstance(sql, ast.JoinedStr):
            names = {ast.unparse(v.value) for v in sql.values if isinstance(v, ast.FormattedValue)}
            assert names <= {"table", "t", "self._ARTICLE_COLUMNS", "marks"}, ast.unparse(sql)
    assert seen > 20


def test_ids_are_unique(client: TestClient, hostile: TestClient) -> None:
    for c in (client, hostile):
        dossier = c.get("/api/dossier").json()
        claims = [x["id"] for s in dossier["stories"] for x in s["claims"]]
        events = [x["id"] for s in dossier["stories"] for x in s["events"]]
        assert len(claims) == len(set(claims)) and len(events) == len(set(events))


def test_highlights_cover_exactly_the_words_read(client: TestClient) -> None:
    """Each figure's and event's offsets cover the very words the dossier quotes for it."""
    for a in client.get("/api/dossier").json()["articles"]:
        text = a["text"]
        for c in a["analysis"]["claims"]:
            assert text[c["start"] : c["end"]] == c["text"]
            assert c["text"] in c["quote"]
        for e in a["analysis"]["events"]:
            assert text[e["trigger_start"] : e["trigger_end"]] == e["trigger"]


def test_exports_download(client: TestClient) -> None:
    from corroborator.report.formats import FORMATS
    from corroborator.web.app import EXPORT_FILES

    assert set(EXPORT_FILES) == set(FORMATS)
    for fmt, (name, media) in EXPORT_FILES.items():
        r = client.get(f"/api/export/{fmt}")
        assert r.status_code == 200, fmt
        assert r.headers["content-disposition"] == f'attachment; filename="{name}"'
        assert r.headers["content-type"].split(";")[0] == media.split(";")[0]
    rows = list(csv.reader(io.StringIO(client.get("/api/export/events-csv").text)))
    story = client.get(f"/api/stories/{_talks_story(client)['id']}").json()
    other = next(s for s in client.get("/api/stories").json() if s["id"] != story["id"])
    assert len(rows) == 1 + len(story["events"]) + other["events"]
    assert client.get("/api/export/..%2F..%2Fetc%2Fpasswd").status_code == 404
    assert client.get("/api/export/pdf").status_code == 404
    assert 'href="/api/export/events-csv"' in client.get("/").text


def test_serve_refuses_clearly(example_db: Path, tmp_path: Path) -> None:
    import socket

    from .conftest import run_cli

    missing = run_cli("serve", "--db", str(tmp_path / "none.db"))
    assert missing.exit_code == 3 and "no such store" in missing.output
    (tmp_path / "junk.db").write_bytes(b"not a database at all" * 10)
    junk = run_cli("serve", "--db", str(tmp_path / "junk.db"))
    assert junk.exit_code == 3 and "junk.db" in junk.output
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        taken = run_cli("serve", "--db", str(example_db), "--port", str(port))
    assert taken.exit_code == 3 and f"cannot listen on 127.0.0.1:{port}" in taken.output


def test_upload_article_cap(writable: tuple[TestClient, Path]) -> None:
    from corroborator.web.upload import MAX_ARTICLES

    client, folder = writable
    many = "\n".join(
        json.dumps({"text": f"Officials met in Osh on 3 April 2025. Item {i}."})
        for i in range(MAX_ARTICLES + 1)
    )
    r = client.post("/api/articles", files={"file": ("many.jsonl", many.encode())})
    assert r.status_code == 422 and f"at most {MAX_ARTICLES}" in r.text
    assert list(folder.iterdir()) == []
    assert len(client.get("/api/articles").json()) == EXAMPLE_ARTICLES  # nothing was added


def test_snippet_is_the_passage_as_written(hostile: TestClient) -> None:
    r = hostile.get("/api/search", params={"q": "PUTIN MET"}).json()
    hit = next(a for a in r["articles"] if a["snippet"])
    assert hit["snippet"]["match"] == "Putin met"
