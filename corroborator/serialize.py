"""The model's one serialisation: dataclasses to JSON-ready dicts and back.

The store keeps model objects in JSON columns with :func:`to_json` / :func:`from_json`; the
report builds its dossier entries from :func:`to_dict`, adding only what it derives (ids,
codes, the contract's names). Nothing here knows a stage; it reads the field types of
:mod:`corroborator.model` and nothing else.

Reading is lenient with data an older version wrote: a key the class no longer has is dropped
and a field the data lacks takes its default.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Collection, Mapping
from typing import Any, TypeVar

T = TypeVar("T")


def to_dict(obj: Any, *, omit: Collection[str] = ()) -> dict[str, Any]:
    """``obj`` (a model dataclass) as a dict of JSON values, in field order: nested dataclasses
    become dicts and tuples become lists. Fields named in ``omit`` are left out (at the top
    level only), for callers that write them their own way."""
    if not dataclasses.is_dataclass(obj) or isinstance(obj, type):
        raise TypeError(f"not a dataclass instance: {type(obj).__name__}")
    fields = dataclasses.fields(obj)
    unknown = set(omit) - {f.name for f in fields}
    if unknown:  # a misspelt name would leave the field in the output unnoticed
        raise ValueError(f"{type(obj).__name__} has no field {', '.join(sorted(unknown))}")
    return {f.name: _plain(getattr(obj, f.name)) for f in fields if f.name not in omit}


def from_dict(cls: type[T], raw: Mapping[str, Any]) -> T:
    """The dataclass ``cls`` from :func:`to_dict` output, nested objects and tuples rebuilt
    from the field types. Unknown keys are dropped; missing ones take the field's default."""
    hints = _hints(cls)
    kwargs = {key: _typed(hints[key], value) for key, value in raw.items() if key in hints}
    return cls(**kwargs)


def to_json(obj: Any) -> str:
    """``obj`` as JSON text: :func:`to_dict`, keys sorted, non-ASCII kept as written."""
    return json.dumps(to_dict(obj), ensure_ascii=False, sort_keys=True)


def from_json(cls: type[T], data: str) -> T:
    """The dataclass ``cls`` from :func:`to_json` output (or any JSON object of its fields)."""
    return from_dict(cls, json.loads(data))


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return to_dict(value)
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


# resolved field types per class: resolving the model's string annotations is slow
_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    """The resolved types of ``cls``'s fields (the model's annotations are strings)."""
    found = _HINTS.get(cls)
    if found is None:
        if not dataclasses.is_dataclass(cls):
            raise TypeError(f"not a dataclass: {cls!r}")
        hints = typing.get_type_hints(cls)
        found = _HINTS[cls] = {f.name: hints[f.name] for f in dataclasses.fields(cls)}
    return found


def _typed(tp: Any, value: Any) -> Any:
    """``value`` (plain JSON) as the type ``tp`` wants it: dataclasses and tuples rebuilt."""
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin is typing.Union or origin is types.UnionType:
        for arg in typing.get_args(tp):
            if arg is not type(None) and _fits(arg, value):
                return _typed(arg, value)
        return value
    if isinstance(tp, type) and dataclasses.is_dataclass(tp) and isinstance(value, Mapping):
        return from_dict(tp, value)
    if origin is tuple and isinstance(value, list | tuple):
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_typed(args[0], v) for v in value)
        return tuple(_typed(a, v) for a, v in zip(args, value, strict=True))
    return value  # str, int, float, bool, Literal: JSON has them already


def _fits(tp: Any, value: Any) -> bool:
    """Whether ``value`` is the JSON form of ``tp`` (to pick a member of a union)."""
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return isinstance(value, Mapping)
    if typing.get_origin(tp) is tuple:
        return isinstance(value, list | tuple)
    return not isinstance(value, Mapping | list)
