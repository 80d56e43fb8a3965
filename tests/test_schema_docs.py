"""The dossier's JSON Schema documents every field, and docs/schema.md is generated from it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema

from corroborator.schema import docs

from .conftest import REPO


def _properties(node: Any, path: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every property schema anywhere in ``node`` (under $defs, items, prefixItems, …)."""
    if isinstance(node, dict):
        for name, prop in (node.get("properties") or {}).items():
            yield f"{path}/properties/{name}", prop
        for key, child in node.items():
            yield from _properties(child, f"{path}/{key}")
    elif isinstance(node, list):
        for i, child in enumerate(node):
            yield from _properties(child, f"{path}/{i}")


def test_schema_is_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(docs.load_schema())


def test_every_property_has_a_description() -> None:
    props = list(_properties(docs.load_schema()))
    assert len(props) > 140  # the walk reaches the nested objects
    missing = [path for path, prop in props if not str(prop.get("description", "")).strip()]
    assert not missing, missing


def test_schema_md_is_current() -> None:
    text = (REPO / "docs" / "schema.md").read_text(encoding="utf-8")
    assert text == docs.render(), "run `python -m corroborator.schema.docs`"


def test_reference_has_a_row_per_property() -> None:
    text = docs.render()
    for path, prop in _properties(docs.load_schema()):
        name = path.rsplit("/", 1)[-1]
        row = f"| `{name}` | "
        assert row in text, path
        assert prop["description"].split("`")[0].replace("|", "\\|") in text, path
    for name in ("dossier", "article", "story", "event", "claim", "claim.values[]"):
        assert f"## {name}\n" in text or f"### {name}\n" in text, name


def test_generator_writes_the_file(tmp_path: Path) -> None:
    out = tmp_path / "schema.md"
    assert docs.main([str(out)]) == 0
    assert out.read_text(encoding="utf-8") == docs.render()
    assert docs.main([str(tmp_path / "missing" / "schema.md")]) == 2


def test_docs_link_the_reference() -> None:
    assert "(schema.md)" in (REPO / "docs" / "dossier.md").read_text(encoding="utf-8")
