"""In a real browser (Debian's chromium driven by Playwright): the report file and the explorer
show each disagreement with both sides quoted, a click lands on the highlighted quote, and no
script from an article ever runs. Screenshots are kept as test artifacts."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import EXAMPLE_ARTICLES, REPO, run_cli

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# `make test` sets this, so CI fails rather than skips when the browser is missing.
REQUIRED = os.environ.get("CORROBORATOR_REQUIRE_BROWSER") == "1"
ARTIFACTS = Path(os.environ.get("CORROBORATOR_ARTIFACTS", REPO / "test-artifacts"))
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# What an article's injected code would do if it ran: set a flag, open a dialog.
PWNED = "() => window.__pwned === undefined ? null : String(window.__pwned)"
UNSAFE = (
    "() => [document.scripts.length,"
    " document.querySelectorAll('[onerror],[onload],[onclick],[onmouseover]').length,"
    " document.querySelectorAll('a[href^=\"javascript\"],iframe,svg').length]"
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        if REQUIRED:
            pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium")
        pytest.skip("chromium is not installed (make test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    pg = context.new_page()
    pg.dialogs = []  # type: ignore[attr-defined]
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    context.close()


def shot(page: Any, name: str, full: bool = False) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full)
    assert path.stat().st_size > 10_000  # a rendered page, not a blank one
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def serve() -> Iterator[Any]:
    """Start ``corroborator serve`` on a store; yields a function returning the base URL."""
    procs: list[subprocess.Popen[bytes]] = []

    def start(db: Path, *extra: str) -> str:
        port = _free_port()
        cmd = [sys.executable, "-m", "corroborator.cli", "serve", "--db", str(db), *extra]
        proc = subprocess.Popen(
            [*cmd, "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        procs.append(proc)
        url = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                with urllib.request.urlopen(url + "/api/stories", timeout=2) as r:
                    if r.status == 200:
                        return url
            except OSError:
                if proc.poll() is not None:
                    problem = proc.stderr.read().decode() if proc.stderr else ""
                    raise AssertionError(problem) from None
                time.sleep(0.2)
        raise AssertionError("server did not start")

    yield start
    for proc in procs:
        proc.terminate()
        proc.wait(timeout=10)


def _clicked_target(page: Any) -> dict[str, Any]:
    return dict(
        page.evaluate(
            """() => { const t = document.querySelector(':target');
                 if (!t) return {};
                 const s = t.closest('.s') || t;
                 return {id: t.id, text: t.textContent, sentence: s.textContent,
                         outline: getComputedStyle(t).outlineStyle,
                         background: getComputedStyle(s).backgroundColor}; }"""
        )
    )


def test_report_file_conflicts_and_quotes(example_db: Path, tmp_path: Path, page: Any) -> None:
    report = tmp_path / "report.html"
    assert run_cli("report", "--db", str(example_db), "-o", str(report)).exit_code == 0
    page.goto(report.as_uri())
    conflicts = page.locator("li.conflict")
    assert conflicts.count() == 2
    talks = page.locator("li.event-conflict").first
    assert "talks" in talks.inner_text() and "dates" in talks.inner_text()
    sides = talks.locator(".side .val").all_inner_texts()
    assert sides == ["2025-11-26", "2025-11-25"]
    assert talks.locator("q").count() >= 2  # each side quoted
    firms = page.locator("li.claim-conflict").first
    assert {"some 1,700", "1,800"} <= set(firms.locator(".val").all_inner_texts())
    page.locator("li.conflict").first.scroll_into_view_if_needed()
    shot(page, "report-conflicts")
    # the one source that puts the talks on Tuesday: a click shows its sentence highlighted
    talks.locator(".side").nth(1).locator("a.quote-link").first.click()
    target = _clicked_target(page)
    assert target["text"] == "talks" and "Tuesday" in target["sentence"]
    assert target["outline"] != "none"
    assert target["background"] not in ("rgba(0, 0, 0, 0)", "transparent")
    shot(page, "report-quote-highlighted")
    # printed: every article at full length, stories on their own pages
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('.text')).maxHeight") == "none"
    pdf = ARTIFACTS / "report.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    assert pdf.read_bytes().count(b"/Type /Page") > 5
    page.emulate_media(media="screen")
    assert page.evaluate(PWNED) is None and not page.dialogs


def test_explorer_story_click_highlights_quote(example_db: Path, serve: Any, page: Any) -> None:
    base = serve(example_db)
    page.goto(base + "/")
    shot(page, "explorer-stories")
    page.locator("a.story-link").first.click()
    page.wait_for_load_state()
    assert page.locator("li.conflict").count() == 2
    shot(page, "explorer-story")
    link = page.locator("li.claim-conflict a.quote-link").first
    link.click()
    page.wait_for_load_state()
    assert "/articles/art_" in page.url and "#q-" in page.url
    target = _clicked_target(page)
    assert "1,700" in target["text"] and target["outline"] != "none"
    shot(page, "explorer-article-highlight")
    page.goto(base + "/search?q=Lukashenko")
    assert page.locator("ul.cards li").count() >= 2
    shot(page, "explorer-search")


def test_hostile_article_never_runs(
    hostile_db: Path, tmp_path: Path, serve: Any, page: Any
) -> None:
    base = serve(hostile_db)

    with urllib.request.urlopen(base + "/api/articles") as r:
        articles = json.load(r)
    with urllib.request.urlopen(base + "/api/stories") as r:
        stories = json.load(r)
    paths = ["/", "/articles", "/search?q=%3Cscript%3E", "/search?q=pwned"]
    paths += [f"/stories/{s['id']}" for s in stories]
    paths += [f"/articles/{a['id']}" for a in articles]
    for path in paths:
        page.goto(base + path)
        for el in page.locator("mark, q, a, .val").all()[:60]:
            el.hover(timeout=2000, force=True)  # mouse-over handlers would fire now
        assert page.evaluate(PWNED) is None, path
        assert page.evaluate(UNSAFE) == [0, 0, 0], path
    assert not page.dialogs
    hostile_id = next(a["id"] for a in articles if "hostile" in a["source_path"])
    page.goto(f"{base}/articles/{hostile_id}")
    assert "<script>window.__pwned" in page.locator(".text").inner_text()
    shot(page, "hostile-article")

    report = tmp_path / "hostile.html"
    assert run_cli("report", "--db", str(hostile_db), "-o", str(report)).exit_code == 0
    page.goto(report.as_uri())
    for el in page.locator("mark").all()[:80]:
        el.hover(timeout=2000, force=True)
    assert page.evaluate(PWNED) is None and page.evaluate(UNSAFE) == [0, 0, 0]
    assert not page.dialogs
    shot(page, "hostile-report")


def test_upload_form_adds_an_article(
    example_db: Path, tmp_path: Path, serve: Any, page: Any
) -> None:
    db = tmp_path / "up.db"
    shutil.copy(example_db, db)
    base = serve(db, "--allow-upload")
    # another site's page posting to the explorer is refused, and adds nothing
    evil = tmp_path / "evil.html"
    evil.write_text(
        f'<form action="{base}/upload" method="post" enctype="multipart/form-data">'
        '<input name="text" value="Forged report: Putin met Japarov."><button>go</button></form>'
    )
    page.goto(evil.as_uri())
    with page.expect_response(f"{base}/upload") as forged:
        page.click("button")
    assert forged.value.status == 403
    with urllib.request.urlopen(base + "/api/articles") as r:
        assert len(json.load(r)) == EXAMPLE_ARTICLES
    page.goto(base + "/upload")
    page.fill("input[name=title]", "Japarov and Putin end talks with trade pledge")
    page.fill(
        "textarea[name=text]",
        "BISHKEK, November 26, 2025 - Vladimir Putin and Sadyr Japarov held talks in Bishkek "
        "on Wednesday. About 1,900 companies with Russian capital operate in Kyrgyzstan, "
        "Japarov said.",
    )
    # the upload runs in the server's child process, which loads the models first: the answer
    # may take longer than a click's own wait for its navigation
    page.click("form.upload button[type=submit]", no_wait_after=True)
    page.wait_for_url("**/articles/art_*", timeout=180_000)
    assert "1,900" in page.locator(".text").inner_text()
    assert page.locator("mark.claim").count() >= 1
    story = page.locator("a[href^='/stories/']").first
    story.click()
    page.wait_for_load_state()
    # the new figure joins the company-count dispute
    assert "1,900" in page.locator("li.claim-conflict").first.inner_text()
    shot(page, "explorer-after-upload")


def test_the_desk_walk(example_db: Path, tmp_path: Path, serve: Any, page: Any) -> None:
    """A fact-checker's walk: a story narrowed to its conflicts, one outlet's reports, and an
    article's date corrected — its dates move with it."""
    db = tmp_path / "desk.db"
    shutil.copy(example_db, db)
    base = serve(db, "--allow-upload")
    with urllib.request.urlopen(base + "/api/stories") as r:
        story = max(json.load(r), key=lambda s: s["conflicts"])
    page.goto(base + f"/stories/{story['id']}")
    page.click("nav.filters >> text=conflicting")
    page.wait_for_url("**verdict=conflicting")
    rows = page.locator("table.claims tbody tr")
    assert rows.count() >= 1
    assert all(rows.nth(i).get_attribute("class") == "conflicting" for i in range(rows.count()))
    assert "not shown" in page.locator("nav.filters").inner_text()
    shot(page, "desk-story-conflicts", full=True)

    # an outlet's report whose dates include a weekday, which reads against the article's day
    weekdays = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    with urllib.request.urlopen(base + "/api/articles") as r:
        listed = json.load(r)
    aid, outlet = "", ""
    for art in listed:
        with urllib.request.urlopen(base + f"/api/articles/{art['id']}") as r:
            dates = json.load(r)["analysis"]["dates"]
        if art.get("outlet") and any(t["text"].lower() in weekdays for t in dates):
            aid, outlet = art["id"], art["outlet"]
            break
    assert aid
    page.goto(base + "/articles")
    page.locator("table.sources tbody tr td:nth-child(2) a", has_text=outlet).first.click()
    page.wait_for_url("**/articles?outlet=*")
    outlets = page.locator("table.sources tbody tr td:nth-child(2)").all_inner_texts()
    assert outlets and all(o == outlet for o in outlets)
    shot(page, "desk-one-outlet")

    page.locator(f"a[href='/articles/{aid}']").first.click()
    page.wait_for_url(f"**/articles/{aid}")
    with urllib.request.urlopen(base + f"/api/articles/{aid}") as r:
        before = {t["text"]: t["value"] for t in json.load(r)["analysis"]["dates"]}
    page.click("details.noprint summary")
    page.fill("form.correct input[name=published]", "2024-02-14")
    page.fill("form.correct input[name=by]", "desk editor")
    page.click("form.correct button[type=submit]", no_wait_after=True)
    page.wait_for_selector("ul.corrections", timeout=180_000)
    assert "desk editor" in page.locator("ul.corrections").inner_text()
    assert "2024-02-14" in page.locator("body").inner_text()
    with urllib.request.urlopen(base + f"/api/articles/{aid}") as r:
        after = json.load(r)
    assert after["published"] == "2024-02-14"
    moved = {t["text"]: t["value"] for t in after["analysis"]["dates"]}
    assert moved != before  # relative dates now read against the corrected day
    shot(page, "desk-corrected-article", full=True)

    # the story's date span corrected from its page: the dates, the title and the grid follow
    with urllib.request.urlopen(base + "/api/stories") as r:
        largest = max(json.load(r), key=lambda s: s["articles"])
    page.goto(base + f"/stories/{largest['id']}")
    page.click("details.noprint >> text=Correct this story's dates")
    page.fill("form.correct input[name=start]", "2025-12-01")
    page.fill("form.correct input[name=end]", "2025-12-03")
    page.fill("form.correct input[name=by]", "desk editor")
    page.click("form.correct button[type=submit]", no_wait_after=True)
    page.wait_for_selector("span.correction", timeout=180_000)
    facts = page.locator("dl.facts").inner_text()
    assert "2025-12-01" in facts and "corrected by desk editor" in facts
    assert "2025-12-01" in page.locator("h2").first.inner_text()
    shot(page, "desk-corrected-story-span", full=True)
