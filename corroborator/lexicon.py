"""Lexicons, gazetteers and the event ontology live in YAML files under ``corroborator/data``.

Users extend them without touching code: a file of the same name in the data directory
(``$CORROBORATOR_DATA_DIR``) is merged in — its lists are appended and its mappings update ours.
Each file is read once per process.
"""

from __future__ import annotations

import os
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from corroborator.errors import ConfigError


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = _merge(base[key], value) if key in base else value
        return merged
    if isinstance(base, list) and isinstance(extra, list):
        return base + extra
    return extra


def _read_yaml(text: str, where: str) -> Any:
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{where}: invalid YAML ({exc})") from exc


@cache
def load(name: str) -> Any:
    """The merged content of the data file ``name`` (e.g. ``"wires.yaml"``)."""
    data = _read_yaml(resources.files("corroborator.data").joinpath(name).read_text("utf-8"), name)
    user_dir = os.environ.get("CORROBORATOR_DATA_DIR")
    if user_dir:
        user_file = Path(user_dir) / name
        if user_file.is_file():
            data = _merge(data, _read_yaml(user_file.read_text("utf-8"), str(user_file)))
    return data
