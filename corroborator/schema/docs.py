"""Write docs/schema.md, the dossier's field reference, from its JSON Schema.

Run ``python -m corroborator.schema.docs`` from the repository root (or give the output path;
``-`` writes to standard output). A test fails when docs/schema.md is out of date.

One table per object (field, type, required, description): the dossier itself, each object of
``$defs`` and each object nested inline in one (``article.dateline``, ``claim.values[]``).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

SCHEMA_PATH = Path(__file__).with_name("dossier.schema.json")
DEFAULT_OUTPUT = Path("docs") / "schema.md"


def load_schema() -> dict[str, Any]:
    """The dossier's JSON Schema."""
    schema: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return schema


def slug(title: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to ``-``."""
    return re.sub(r"[^a-z0-9 _-]", "", title.lower()).replace(" ", "-")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _is_object(node: dict[str, Any]) -> bool:
    return "properties" in node


class _Renderer:
    """Renders one schema; remembers the nested objects met so each gets its own table."""

    def __init__(self, schema: dict[str, Any]) -> None:
        self.schema = schema
        self.defs: dict[str, Any] = schema.get("$defs", {})

    def type_of(self, node: dict[str, Any], path: str) -> str:
        """The type of ``node`` in words, with links to the tables of objects."""
        if "$ref" in node:
            name = str(node["$ref"]).rsplit("/", 1)[-1]
            target = self.defs[name]
            return f"[{name}](#{slug(name)})" if _is_object(target) else self.type_of(target, path)
        if "enum" in node:
            return "one of " + ", ".join(f"`{json.dumps(v)}`" for v in node["enum"])
        if "prefixItems" in node:
            return "[" + ", ".join(self.type_of(i, path) for i in node["prefixItems"]) + "]"
        types = node.get("type")
        if types is None:
            return "any"
        words = []
        for t in [types] if isinstance(types, str) else types:
            if t == "array":
                words.append("array of " + self.type_of(node.get("items", {}), path + "[]"))
            elif t == "object" and _is_object(node):
                words.append(f"[object](#{slug(path)})")
            elif t == "string" and "pattern" in node:
                words.append(f"string matching `{node['pattern']}`")
            elif t == "integer" and node.get("minimum") == 0:
                words.append("integer ≥ 0")
            else:
                words.append(str(t))
        return " or ".join(words)

    def tables(self, title: str, node: dict[str, Any], level: int) -> list[str]:
        """The table of the object ``node`` under heading ``title``, then its nested objects."""
        lines = ["#" * level + " " + title, ""]
        if node.get("description"):
            lines += [str(node["description"]), ""]
        lines += ["| Field | Type | Required | Description |", "|---|---|---|---|"]
        required = set(node.get("required", []))
        nested: list[tuple[str, dict[str, Any]]] = []
        for name, prop in node["properties"].items():
            path = f"{title}.{name}"
            kind = self.type_of(prop, path)
            lines.append(
                f"| `{name}` | {_cell(kind)} | {'yes' if name in required else ''} "
                f"| {_cell(str(prop.get('description', '')))} |"
            )
            if _is_object(prop):
                nested.append((path, prop))
            items = prop.get("items", {})
            if isinstance(items, dict) and _is_object(items):
                nested.append((path + "[]", items))
        lines.append("")
        for path, child in nested:
            lines += self.tables(path, child, level + 1)
        return lines

    def render(self) -> str:
        lines = [
            "# Dossier field reference",
            "",
            "Generated from [`corroborator/schema/dossier.schema.json`]"
            "(../corroborator/schema/dossier.schema.json) by `python -m corroborator.schema.docs`;"
            " a test fails when it is out of date. What the dossier is for, and how offsets work,"
            " is in [dossier.md](dossier.md).",
            "",
            "Objects: "
            + ", ".join(
                f"[{name}](#{slug(name)})"
                for name in ["dossier", *(n for n, d in self.defs.items() if _is_object(d))]
            )
            + ".",
            "",
        ]
        lines += self.tables("dossier", self.schema, 2)
        for name, node in self.defs.items():
            if _is_object(node):
                lines += self.tables(name, node, 2)
        return "\n".join(lines).rstrip("\n") + "\n"


def render(schema: dict[str, Any] | None = None) -> str:
    """The field reference of ``schema`` (default: the dossier's) as Markdown."""
    return _Renderer(schema if schema is not None else load_schema()).render()


def main(argv: list[str] | None = None) -> int:
    """Write the reference to ``argv[0]`` (default docs/schema.md; ``-``: standard output)."""
    args = sys.argv[1:] if argv is None else argv
    target = args[0] if args else str(DEFAULT_OUTPUT)
    if target.startswith("-") and target != "-":  # "--help" is a question, not a file name
        sys.stdout.write("usage: python -m corroborator.schema.docs [OUTPUT.md | -]\n")
        return 0 if target in ("-h", "--help") else 2
    text = render()
    if target == "-":
        sys.stdout.write(text)
        return 0
    out = Path(target)
    if not out.parent.is_dir():
        sys.stderr.write(f"error: {out.parent}/ does not exist; run from the repository root\n")
        return 2
    out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
