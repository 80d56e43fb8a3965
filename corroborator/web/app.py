"""The explorer: server-rendered pages and a JSON API over one store.

Pages: ``/`` stories with their conflict counts, ``/stories/{id}`` (the report's story section),
``/articles`` and ``/articles/{id}`` (the text with every extracted item highlighted),
``/search?q=``, and ``/upload`` when uploads are allowed. The JSON API lives under ``/api``
and is described at ``/api/openapi.json``.

Read-only unless ``allow_upload``; every id in a path is checked against the id format before
it is looked up, and nothing from a request is ever used as a file path.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from corroborator import __version__
from corroborator.config import Settings
from corroborator.report import views
from corroborator.report.formats import FORMATS
from corroborator.report.render import disagreements_first, render, template_env
from corroborator.store import is_server
from corroborator.web.data import (
    MAX_QUERY_CHARS,
    DossierCache,
    article_listing,
    search,
    story_summary,
)
from corroborator.web.filters import SORTS, STATUSES, VERDICTS, filter_articles, filter_story
from corroborator.web.guard import Guard
from corroborator.web.upload import correct_in_store, correct_span_in_store, regroup_in_store
from corroborator.web.upload_worker import UploadCancelled, UploadFailed, UploadWorker

# File name and media type of each export.
EXPORT_FILES = {
    "html": ("report.html", "text/html; charset=utf-8"),
    "md": ("report.md", "text/markdown; charset=utf-8"),
    "json": ("dossier.json", "application/json"),
    "events-csv": ("events.csv", "text/csv; charset=utf-8"),
    "claims-csv": ("claims.csv", "text/csv; charset=utf-8"),
    "event-table": ("events.tsv", "text/tab-separated-values; charset=utf-8"),
}
ARTICLE_ID = re.compile(r"art_[0-9a-f]{16}")
STORY_ID = re.compile(r"sty_[0-9a-f]{16}")
ISO_DAY = re.compile(r"\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])")
# Uploads larger than this are refused (413) before they are read: a long news report is under
# 100 kB of text and a JSONL batch of a few hundred articles fits in 5 MB.
DEFAULT_MAX_UPLOAD_BYTES = 5 * 1024 * 1024
# Room for multipart boundaries and form fields around the file itself.
_FORM_OVERHEAD = 64 * 1024

Query_ = Annotated[str, Query(max_length=MAX_QUERY_CHARS, description="Text to look for.")]


def _css() -> str:
    return (
        resources.files("corroborator.report")
        .joinpath("templates/report.css")
        .read_text(encoding="utf-8")
    )


def create_app(
    settings: Settings,
    *,
    allow_upload: bool = False,
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES,
    upload_dir: str | None = None,
    allowed_hosts: tuple[str, ...] | None = ("127.0.0.1", "localhost", "::1"),
) -> Guard:
    """The explorer over the store of ``settings``, wrapped in :class:`Guard`."""
    cache = DossierCache(settings.db)
    env = template_env("corroborator.web")
    css = _css()
    if upload_dir:
        uploads = Path(upload_dir)
    elif is_server(settings.db):  # a database server: the files stay where the explorer runs
        uploads = Path.cwd() / "uploads"
    else:
        uploads = Path(settings.db).resolve().parent / "uploads"
    worker = UploadWorker()

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        worker.stop()
        cache.close()

    app = FastAPI(
        lifespan=lifespan,
        title="corroborator explorer",
        version=__version__,
        description="Stories, timelines, cross-checked claims and sources from one store.",
        openapi_url="/api/openapi.json",
        docs_url=None,  # the interactive docs load scripts from a CDN: not offline, not safe
        redoc_url=None,
    )

    def page(template: str, code: int = 200, **context: Any) -> HTMLResponse:
        html = env.get_template(template).render(
            allow_upload=allow_upload, version=__version__, **context
        )
        return HTMLResponse(html, status_code=code)

    def story_or_404(story_id: str) -> dict[str, Any]:
        story = cache.get().stories.get(story_id) if STORY_ID.fullmatch(story_id) else None
        if story is None:
            raise HTTPException(404, "no such story")
        return story

    def article_or_404(article_id: str) -> dict[str, Any]:
        snap = cache.get()
        art = snap.article(article_id) if ARTICLE_ID.fullmatch(article_id) else None
        if art is None:
            raise HTTPException(404, "no such article")
        return art

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        return page("error.html.j2", exc.status_code, status=exc.status_code, detail=exc.detail)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": jsonable_encoder(exc.errors())}, status_code=422)
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e.get('msg', '')}"
            for e in exc.errors()
        )
        return page("error.html.j2", 422, status=422, detail=problems)

    # -- pages ---------------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index() -> HTMLResponse:
        snap = cache.get()
        ordered = disagreements_first(list(snap.stories.values()))
        stories = [story_summary(s) for s in ordered]
        unlinked = [a for a in snap.articles.values() if not a.get("story")]
        return page(
            "index.html.j2",
            stories=stories,
            articles=len(snap.articles),
            unlinked=unlinked,
            names=snap.names,
            exports=EXPORT_FILES,
        )

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(
        story_id: str,
        verdict: Annotated[str | None, Query(pattern=f"^({'|'.join(VERDICTS)})$")] = None,
        status: Annotated[str | None, Query(pattern=f"^({'|'.join(STATUSES)})$")] = None,
    ) -> HTMLResponse:
        story = filter_story(story_or_404(story_id), verdict, status)
        snap = cache.get()

        def header(s: dict[str, Any]) -> dict[str, Any]:
            return views.story_header(s, snap.articles)

        return page(
            "story.html.j2",
            s=story,
            verdicts=VERDICTS,
            statuses=STATUSES,
            verdict=verdict,
            status=status,
            names=snap.names,
            arts=snap.articles,
            link=snap.linker(),
            header=header,
            others=[o for k, o in snap.stories.items() if k != story_id] if allow_upload else [],
        )

    @app.get("/articles", response_class=HTMLResponse, include_in_schema=False)
    def articles_page(
        outlet: Annotated[str | None, Query(max_length=200)] = None,
        language: Annotated[str | None, Query(pattern="^[a-z]{2}$")] = None,
        story: Annotated[str | None, Query(pattern="^sty_[0-9a-f]{16}$")] = None,
        sort: Annotated[str | None, Query(pattern=f"^({'|'.join(SORTS)})$")] = None,
        order: Annotated[str, Query(pattern="^(asc|desc)$")] = "asc",
    ) -> HTMLResponse:
        snap = cache.get()
        every = list(snap.articles.values())
        shown = filter_articles(
            every, outlet=outlet, language=language, story=story, sort=sort,
            descending=order == "desc",
        )  # fmt: skip
        return page(
            "articles.html.j2",
            articles=shown,
            total=len(every),
            stories=snap.stories,
            outlets=sorted({a["outlet"] for a in every if a.get("outlet")}, key=str.casefold),
            languages=sorted({a["language"] for a in every if a.get("language")}),
            chosen={"outlet": outlet, "language": language, "story": story},
            sort=sort,
            order=order,
        )

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(article_id: str) -> HTMLResponse:
        art = article_or_404(article_id)
        snap = cache.get()
        return page(
            "article.html.j2",
            a=art,
            view=snap.view(art["id"]),
            story=snap.stories.get(art.get("story") or ""),
        )

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(q: Query_ = "") -> HTMLResponse:
        snap = cache.get()
        return page("search.html.j2", q=q, r=search(snap, q), names=snap.names)

    @app.get("/static/report.css", include_in_schema=False)
    def stylesheet() -> Response:
        return Response(css, media_type="text/css; charset=utf-8")

    @app.get("/upload", response_class=HTMLResponse, include_in_schema=False)
    def upload_form() -> HTMLResponse:
        if not allow_upload:
            raise HTTPException(403, "uploads are off: start the server with --allow-upload")
        return page("upload.html.j2", limit=max_upload_bytes)

    async def _receive_upload(
        request: Request, file: UploadFile | None, text: str | None, title: str | None
    ) -> Any:
        if not allow_upload:
            raise HTTPException(403, "uploads are off: start the server with --allow-upload")
        if file is not None and file.filename:
            data = await file.read(max_upload_bytes + 1)
            name: str | None = file.filename
        elif text and text.strip():
            body = (f"{title.strip()}\n\n" if title and title.strip() else "") + text
            data, name = body.encode("utf-8"), "pasted.txt"
        else:
            raise HTTPException(400, "send a file or some text")
        if len(data) > max_upload_bytes:
            raise HTTPException(413, f"upload over {max_upload_bytes} bytes")
        try:
            result = await worker.run(data, name, uploads, settings, request.is_disconnected)
        except UploadCancelled as exc:
            cache.invalidate()
            raise HTTPException(503, str(exc)) from exc
        except UploadFailed as exc:
            cache.invalidate()
            problem = (
                f"the store could not take the upload ({exc.code})"
                if exc.code
                else ("the upload could not be processed")
            )
            raise HTTPException(500, problem) from exc
        await asyncio.to_thread(cache.refresh)
        if not result.article_ids:
            raise HTTPException(422, "; ".join(result.errors) or "no article found in the upload")
        return result

    @app.post("/upload", include_in_schema=False)
    async def upload_submit(
        request: Request,
        file: Annotated[UploadFile | None, File()] = None,
        text: Annotated[str | None, Form()] = None,
        title: Annotated[str | None, Form(max_length=500)] = None,
    ) -> Response:
        result = await _receive_upload(request, file, text, title)
        return RedirectResponse(f"/articles/{result.article_ids[0]}", status_code=303)

    async def _correct(
        request: Request,
        article_id: str,
        published: str | None,
        outlet: str | None,
        title: str | None,
        author: str | None,
    ) -> int:
        if not allow_upload:
            raise HTTPException(403, "corrections are off: start the server with --allow-upload")
        article_or_404(article_id)
        changes: dict[str, str | None] = {}
        if published is not None:
            day = published.strip()
            if day and not ISO_DAY.fullmatch(day):
                raise HTTPException(422, "published: a day as YYYY-MM-DD, or empty to clear it")
            changes["published"] = day or None
        for field, value in (("outlet", outlet), ("title", title)):
            if value is not None and value.strip():
                changes[field] = " ".join(value.split())
        if not changes:
            raise HTTPException(400, "give published, outlet or title")
        who = " ".join((author or "").split()) or "explorer"
        job = (settings, article_id, changes, who)
        try:
            stories = await worker.run_job(correct_in_store, job, request.is_disconnected)
        except UploadCancelled as exc:
            cache.invalidate()
            raise HTTPException(503, str(exc)) from exc
        except UploadFailed as exc:
            cache.invalidate()
            raise HTTPException(500, "the correction could not be applied") from exc
        await asyncio.to_thread(cache.refresh)
        return int(stories)

    @app.post("/articles/{article_id}/corrections", include_in_schema=False)
    async def correct_submit(
        request: Request,
        article_id: str,
        published: Annotated[str | None, Form(max_length=10)] = None,
        outlet: Annotated[str | None, Form(max_length=200)] = None,
        title: Annotated[str | None, Form(max_length=500)] = None,
        by: Annotated[str | None, Form(max_length=100)] = None,
    ) -> Response:
        await _correct(request, article_id, published or None, outlet, title, by)
        return RedirectResponse(f"/articles/{article_id}", status_code=303)

    async def _run_story_job(
        request: Request, fn: Callable[..., Any], job: tuple[Any, ...]
    ) -> tuple[int, str]:
        """Run a story correction in the worker process (off the request path, cancelled when
        the client leaves); ``(stories, the corrected story's id now)``."""
        try:
            stories, now = await worker.run_job(fn, job, request.is_disconnected)
        except UploadCancelled as exc:
            cache.invalidate()
            raise HTTPException(503, str(exc)) from exc
        except UploadFailed as exc:
            cache.invalidate()
            raise HTTPException(500, "the correction could not be applied") from exc
        await asyncio.to_thread(cache.refresh)
        return int(stories), str(now)

    async def _correct_span(
        request: Request, story_id: str, start: str, end: str | None, author: str | None
    ) -> tuple[int, str]:
        if not allow_upload:
            raise HTTPException(403, "corrections are off: start the server with --allow-upload")
        story_or_404(story_id)
        first, last = start.strip(), (end or "").strip() or None
        if first and (not ISO_DAY.fullmatch(first) or (last and not ISO_DAY.fullmatch(last))):
            raise HTTPException(422, "start and end: days as YYYY-MM-DD (empty start clears)")
        if first and last and last < first:
            raise HTTPException(422, f"the span's end ({last}) comes before its start ({first})")
        who = " ".join((author or "").split()) or "explorer"
        job = (settings, story_id, first or None, last or first or None, who)
        return await _run_story_job(request, correct_span_in_store, job)

    @app.post("/stories/{story_id}/span", include_in_schema=False)
    async def span_submit(
        request: Request,
        story_id: str,
        start: Annotated[str, Form(max_length=10)] = "",
        end: Annotated[str | None, Form(max_length=10)] = None,
        by: Annotated[str | None, Form(max_length=100)] = None,
    ) -> Response:
        _, now = await _correct_span(request, story_id, start, end, by)
        return RedirectResponse(f"/stories/{now}", status_code=303)

    async def _regroup(
        request: Request, story_id: str, other: str | None, articles: list[str]
    ) -> tuple[int, str]:
        """Merge ``other`` into the story, or split ``articles`` out of it, off the request
        path; refused before any work when the ids do not fit."""
        if not allow_upload:
            raise HTTPException(403, "corrections are off: start the server with --allow-upload")
        members = story_or_404(story_id)["articles"]
        if other is not None:
            if other == story_id:
                raise HTTPException(422, "a story cannot be merged with itself")
            story_or_404(other)
        else:
            moving = [a for a in articles if a]
            if not moving or any(a not in members for a in moving):
                raise HTTPException(422, "choose articles of this story to split out")
            if len(set(moving)) >= len(members):
                raise HTTPException(422, "splitting every article out leaves the story as it is")
        job = (settings, story_id, other, articles)
        return await _run_story_job(request, regroup_in_store, job)

    @app.post("/stories/{story_id}/merge", include_in_schema=False)
    async def merge_submit(
        request: Request,
        story_id: str,
        other: Annotated[str, Form(pattern="^sty_[0-9a-f]{16}$")],
    ) -> Response:
        _, now = await _regroup(request, story_id, other, [])
        return RedirectResponse(f"/stories/{now}", status_code=303)

    @app.post("/stories/{story_id}/split", include_in_schema=False)
    async def split_submit(
        request: Request,
        story_id: str,
        article: Annotated[list[str], Form(max_length=10_000)],
    ) -> Response:
        _, now = await _regroup(request, story_id, None, article)
        return RedirectResponse(f"/stories/{now}", status_code=303)

    # -- JSON API ------------------------------------------------------------------------
    @app.get("/api/stories", tags=["stories"])
    def api_stories() -> list[dict[str, Any]]:
        """Every story with its counts of articles, independent sources, events, claims and
        conflicts."""
        return [story_summary(s) for s in cache.get().stories.values()]

    @app.get("/api/stories/{story_id}", tags=["stories"])
    def api_story(story_id: str) -> dict[str, Any]:
        """One story as in the dossier: events with their mentions and conflicts, claims with
        every source's value and verdict."""
        return story_or_404(story_id)

    @app.post("/api/stories/{story_id}/span", tags=["stories"])
    async def api_span(
        request: Request,
        story_id: str,
        start: Annotated[
            str, Form(max_length=10, description="First day, YYYY-MM-DD; empty clears")
        ] = "",
        end: Annotated[
            str | None, Form(max_length=10, description="Last day (default: start)")
        ] = None,
        by: Annotated[str | None, Form(max_length=100, description="Who corrects")] = None,
    ) -> dict[str, Any]:
        """Correct a story's date span (only with ``--allow-upload``): kept with who and when
        by the story's first article, and the story rebuilt before the answer comes (its id may
        change: ``story`` is the one holding it now)."""
        stories, now = await _correct_span(request, story_id, start, end, by)
        found = cache.get().stories.get(now, {})
        return {
            "story": now,
            "start": found.get("start"),
            "end": found.get("end"),
            "span_correction": found.get("span_correction"),
            "stories": stories,
        }

    @app.post("/api/stories/{story_id}/merge", tags=["stories"])
    async def api_merge(
        request: Request,
        story_id: str,
        other: Annotated[str, Form(pattern="^sty_[0-9a-f]{16}$", description="Story to merge in")],
    ) -> dict[str, Any]:
        """Merge another story into this one (only with ``--allow-upload``): kept as
        corrections applied by every later linking run, as `corroborator stories merge`."""
        stories, now = await _regroup(request, story_id, other, [])
        return {"story": now, "stories": stories}

    @app.post("/api/stories/{story_id}/split", tags=["stories"])
    async def api_split(
        request: Request,
        story_id: str,
        article: Annotated[list[str], Form(description="Articles to move out (repeatable)")],
    ) -> dict[str, Any]:
        """Move articles out of a story into one of their own (only with ``--allow-upload``),
        as `corroborator stories split`."""
        stories, now = await _regroup(request, story_id, None, article)
        return {"story": now, "stories": stories}

    @app.get("/api/articles", tags=["articles"])
    def api_articles() -> list[dict[str, Any]]:
        """Every article's metadata (no text)."""
        return [article_listing(a) for a in cache.get().articles.values()]

    @app.get("/api/articles/{article_id}", tags=["articles"])
    def api_article(article_id: str) -> dict[str, Any]:
        """One article as in the dossier: text, metadata and analysis with offsets."""
        return article_or_404(article_id)

    @app.post("/api/articles/{article_id}/corrections", tags=["articles"])
    async def api_correct(
        request: Request,
        article_id: str,
        published: Annotated[
            str | None, Form(max_length=10, description="YYYY-MM-DD; empty clears")
        ] = None,
        outlet: Annotated[str | None, Form(max_length=200)] = None,
        title: Annotated[str | None, Form(max_length=500)] = None,
        by: Annotated[str | None, Form(max_length=100, description="Who corrects")] = None,
    ) -> dict[str, Any]:
        """Correct an article's publication date, outlet or title (only with
        ``--allow-upload``): kept with who and when, the article analysed again and the stories
        relinked before the answer comes."""
        stories = await _correct(request, article_id, published, outlet, title, by)
        art = article_or_404(article_id)
        return {
            "article": article_id,
            "corrections": art.get("corrections", []),
            "stories": stories,
        }

    @app.get("/api/search", tags=["search"])
    def api_search(q: Query_) -> dict[str, Any]:
        """Articles, entities and claims matching ``q`` (case-insensitive)."""
        return search(cache.get(), q)

    @app.get("/api/dossier", tags=["dossier"])
    def api_dossier() -> dict[str, Any]:
        """The whole dossier (docs/dossier.md)."""
        return cache.dossier()

    @app.get("/api/export/{fmt}", tags=["dossier"], response_class=Response)
    def api_export(fmt: str) -> Response:
        """The dossier in one of the report formats (html, md, json, events-csv, claims-csv,
        event-table), as a file to download."""
        if fmt not in FORMATS:
            raise HTTPException(404, f"no format {fmt[:40]!r}; choose one of {', '.join(FORMATS)}")
        name, media = EXPORT_FILES[fmt]
        return Response(
            render(cache.dossier(), fmt),
            media_type=media,
            headers={"content-disposition": f'attachment; filename="{name}"'},
        )

    @app.post("/api/articles", tags=["articles"], status_code=201)
    async def api_upload(
        request: Request,
        file: Annotated[UploadFile | None, File(description="An article file.")] = None,
        text: Annotated[str | None, Form(description="Or the article's text.")] = None,
        title: Annotated[str | None, Form(max_length=500)] = None,
    ) -> dict[str, Any]:
        """Add an article (only when the server runs with ``--allow-upload``): it is analysed
        and the store relinked before the answer comes."""
        result = await _receive_upload(request, file, text, title)
        return {
            "articles": result.article_ids,
            "new": result.new,
            "stories": result.stories,
            "stories_rebuilt": result.rebuilt,
            "conflicts": result.conflicts,
            "errors": result.errors,
        }

    return Guard(app, max_upload_bytes + _FORM_OVERHEAD, allowed_hosts)
