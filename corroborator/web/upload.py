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


def add_upload(data: bytes, filename: str | None, folder: Path, settings: Settings) -> UploadResult:
    """Save ``data`` in ``folder``, build it into the store of ``settings`` and relink."""
    digest = hashlib.sha256(data).hexdigest()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"upload-{digest[:20]}{suffix_for(filename)}"
    with _LOCK:
        if not path.exists():
            tmp = path.with_suffix(path.suffix + ".part")
            tmp.write_bytes(data)
            tmp.replace(path)
        store = open_store(settings.db)
        try:
            report = build([path], store, settings)
            result = UploadResult(str(path), new=report.articles_new)
            result.errors = [str(e) for e in report.errors]
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
