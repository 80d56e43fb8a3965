"""The output formats of ``corroborator report``, with one line of help each."""

from __future__ import annotations

FORMATS: dict[str, str] = {
    "html": "one self-contained HTML file that opens offline",
    "md": "Markdown: each story's disagreements, timeline and figures, then the sources",
    "json": "the dossier, the documented JSON contract (corroborator/schema/dossier.schema.json)",
    "events-csv": "CSV, one row per story event with its sources and quotes",
    "claims-csv": "CSV, one row per source value of each cross-checked claim",
    "event-table": "tab-separated event table in the GDELT/CAMEO spirit, one row per event",
}
