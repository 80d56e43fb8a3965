"""Adding articles through the explorer: the upload is saved under a name made from its content
hash (never from the name the client sent), then built and linked like any other input.

The build analyses only the new file's articles, and linking is incremental: they join the
stored stories (or start their own) and only the stories they touch are rebuilt. The next
``corroborator build`` reclusters everything exactly. One upload is processed at a time.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from corroborator.config import Settings
from corroborator.engine import build
from corroborator.engine.link import link
from corroborator.errors import InputError
from corroborator.ingest import read_articles
from corroborator.ingest.readers import (
    HTML_SUFFIXES,
    JSON_SUFFIXES,
    JSONL_SUFFIXES,
    MARKDOWN_SUFFIXES,
    TEXT_SUFFIXES,
)
from corroborator.store import open_store

SUFFIXES = HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | MARKDOWN_SUFFIXES | TEXT_SUFFIXES
_LOCK = threading.Lock()
# Articles one upload may add. Each is analysed and linked before the answer comes, so a
# request stays within seconds (about 0.1 s an article once the models are loaded); batches
# go through `corroborator build`. A JSON of 10,000 tiny records held the server for minutes.
MAX_ARTICLES = 100


@dataclass
class UploadResult:
    """What an upload added."""

    path: str
    article_ids: list[str] = field(default_factory=list)
    new: int = 0
    errors: list[str] = field(default_factory=list)
    stories: int = 0
    conflicts: int = 0
    rebuilt: int = 0  # stories relinked for this upload


def suffix_for(filename: str | None) -> str:
    """The reader to use, from the client's file name; plain text when it names none we read.
    Only the suffix is taken, so no part of the client's name reaches the file system."""
    suffix = PurePath(filename or "").suffix.lower()
    return suffix if suffix in SUFFIXES else ".txt"


def _public(err: InputError, path: Path) -> str:
    """An error as the client may see it: the upload's own name, not the server's folders."""
    where = err.path.replace(str(path), "the upload")
    return f"{where}: {err.problem}"


def add_upload(data: bytes, filename: str | None, folder: Path, settings: Settings) -> UploadResult:
    """Save ``data`` in ``folder``, build it into the store of ``settings`` and link it. An
    upload that yields no article, or more than :data:`MAX_ARTICLES`, is refused and its file
    removed."""
    digest = hashlib.sha256(data).hexdigest()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"upload-{digest[:20]}{suffix_for(filename)}"
    with _LOCK:
        known = path.exists()
        if not known:
            tmp = path.with_suffix(path.suffix + ".part")
            tmp.write_bytes(data)
            tmp.replace(path)
        result = UploadResult(path.name)
        try:
            # read once to count before anything is analysed (reading is milliseconds; the
            # analysis of a refused batch would be minutes)
            count = 0
            for item in read_articles(path, settings):
                if isinstance(item, InputError):
                    result.errors.append(_public(item, path))
                else:
                    count += 1
            if count > MAX_ARTICLES:
                result.errors = [
                    f"the upload holds {count} articles; at most {MAX_ARTICLES} are taken at once"
                    " (build larger batches with `corroborator build`)"
                ]
                return result
            if count == 0:
                return result
            store = open_store(settings.db)
            try:
                report = build([path], store, settings)
                result.new = report.articles_new
                result.errors = [_public(e, path) for e in report.errors]
                record = store.get_file(str(path))
                result.article_ids = list(record.article_ids) if record else []
                linked_before = store.story_assignments()
                unlinked = [a for a in result.article_ids if a not in linked_before]
                if unlinked:
                    linked = link(store, unlinked)
                    result.stories, result.conflicts = linked.stories, linked.conflicts
                    result.rebuilt = linked.stories_rebuilt
                else:
                    result.stories = len(set(linked_before.values()))
            finally:
                store.close()
            return result
        except InputError as err:
            result.errors = [_public(err, path)]
            return result
        finally:
            if not result.article_ids and not known:
                path.unlink(missing_ok=True)  # nothing came of it: keep no file


def correct_in_store(
    settings: Settings, article_id: str, changes: dict[str, str | None], author: str
) -> int:
    """A correction made in the explorer (run in the upload worker's child): recorded, the
    article analysed again and the stories relinked; returns the number of stories."""
    from corroborator.engine.correct import correct_article

    store = open_store(settings.db, existing=True)
    try:
        return correct_article(store, settings, article_id, changes, author).stories
    finally:
        store.close()


def correct_span_in_store(
    settings: Settings, story_id: str, start: str | None, end: str | None, author: str
) -> tuple[int, str]:
    """A story's span corrected in the explorer (run in the upload worker's child): recorded
    and the story rebuilt; returns the number of stories and the story's id now."""
    from corroborator.engine.correct import correct_story_span

    store = open_store(settings.db, existing=True)
    try:
        report, story = correct_story_span(store, story_id, start, end, author)
        return report.stories, story
    finally:
        store.close()


def regroup_in_store(
    settings: Settings, story_id: str, other_id: str | None, article_ids: list[str]
) -> tuple[int, str]:
    """A merge (``other_id``) or a split (``article_ids``) made in the explorer, run in the
    upload worker's child: recorded as corrections and the stories relinked; returns the
    number of stories and the id of the story to show."""
    from corroborator.engine.correct import merge_stories, split_story

    store = open_store(settings.db, existing=True)
    try:
        if other_id is not None:
            report, story = merge_stories(store, story_id, other_id)
        else:
            report, story = split_story(store, story_id, article_ids)
        return report.stories, story
    finally:
        store.close()
