"""Documentation generated from the code stays current."""

from __future__ import annotations

from pathlib import Path

from corroborator import clidocs

REPO = Path(__file__).resolve().parents[1]


def test_cli_reference_is_current() -> None:
    assert (REPO / "docs" / "cli.md").read_text() == clidocs.render(), "run `make docs`"


def test_readme_opens_with_the_two_commands() -> None:
    head = (REPO / "README.md").read_text().split("\n## ")[0]
    assert "make demo" in head and "make test" in head
    assert "make test" in (REPO / ".ci" / "run").read_text()
