"""Write docs/cli.md from the commands' own --help (``make docs``; a test checks it is current)."""

from __future__ import annotations

import click

from corroborator.cli import cli


def render() -> str:
    """The CLI reference as Markdown."""
    parts = [
        "# Command-line reference",
        "",
        "Generated from `--help` by `make docs`; a test fails when it is out of date.",
        "",
    ]
    with click.Context(
        cli, info_name="corroborator", terminal_width=100, **cli.context_settings
    ) as ctx:
        parts += ["## corroborator", "", "```", cli.get_help(ctx), "```", ""]
        for name in cli.list_commands(ctx):
            command = cli.get_command(ctx, name)
            assert command is not None
            with click.Context(command, info_name=name, parent=ctx, terminal_width=100) as sub:
                parts += [f"## corroborator {name}", "", "```", command.get_help(sub), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    print(render(), end="")
