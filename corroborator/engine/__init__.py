"""Engine: runs the stages over inputs (ingest → analyze → store); analysis in this process, a
process pool or a Dask cluster (:mod:`.workers`)."""

from corroborator.engine.build import BuildReport, build

__all__ = ["BuildReport", "build"]
