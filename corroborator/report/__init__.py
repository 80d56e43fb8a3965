"""Report: the dossier (JSON contract) and its renderings — Markdown and self-contained HTML."""

from corroborator.report.dossier import build_dossier
from corroborator.report.render import render

__all__ = ["build_dossier", "render"]
