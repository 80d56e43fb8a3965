"""Engine: runs the stages over inputs (ingest → analyze → store), in process for now."""

from corroborator.engine.build import BuildReport, build

__all__ = ["BuildReport", "build"]
