"""The JSON dossier written as it is read: each article's and story's entry goes out before the
next is read from the store, so writing the report of 100,000 articles takes no more memory
than writing that of 1,000 (docs/benchmarks.md).

The bytes are those of ``json.dumps(build_dossier(store), indent=2, ensure_ascii=False)`` plus
a newline (what :func:`render.render` writes for ``json``): each entry is dumped with the same
settings and indented to its depth (a JSON string holds no raw line break, so every line break
in an entry's dump is the encoder's).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from corroborator.report.dossier import article_entries, dossier_head, story_entries
from corroborator.store.base import Store

INDENT = 2


def _dump(value: Any, depth: int) -> str:
    """``value`` as the indented encoder writes it at ``depth`` levels in."""
    text = json.dumps(value, indent=INDENT, ensure_ascii=False)
    return text.replace("\n", "\n" + " " * (INDENT * depth))


def _write_list(out: TextIO, entries: Iterable[dict[str, Any]]) -> None:
    """A list that is a top-level field's value, written entry by entry."""
    pad = " " * (INDENT * 2)
    first = True
    for entry in entries:
        out.write(("[\n" if first else ",\n") + pad + _dump(entry, 2))
        first = False
    out.write("[]" if first else "\n" + " " * INDENT + "]")


def write_dossier_json(store: Store, out: TextIO) -> None:
    """Write the dossier of ``store`` to ``out`` as the JSON report, entry by entry."""
    pad = " " * INDENT
    out.write("{\n")
    for key, value in dossier_head().items():
        out.write(f"{pad}{_dump(key, 1)}: {_dump(value, 1)},\n")
    out.write(f'{pad}"articles": ')
    _write_list(out, article_entries(store))
    out.write(f',\n{pad}"stories": ')
    _write_list(out, story_entries(store))
    out.write("\n}\n")
