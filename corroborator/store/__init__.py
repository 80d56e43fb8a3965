"""Store: where articles and everything derived from them are kept.

:func:`open_store` picks the backend from the location: a ``postgresql://`` URL means
PostgreSQL, anything else is an SQLite file. Every backend implements
:class:`~corroborator.store.base.Store` and passes the same contract tests.
"""

from __future__ import annotations

from corroborator.store.base import FileRecord, Store
from corroborator.store.sqlite import SQLiteStore

SERVER_SCHEMES = ("postgresql://", "postgres://")


def is_server(location: str) -> bool:
    """True when ``location`` names a database server (a URL), not a file."""
    return location.startswith(SERVER_SCHEMES)


def shown_location(location: str) -> str:
    """``location`` as messages show it: a URL loses its password."""
    if is_server(location):
        from corroborator.store.postgres import shown

        return shown(location)
    return location


def open_store(location: str, *, existing: bool = False, read_only: bool = False) -> Store:
    """Open (creating and migrating if needed) the store at ``location``.

    ``existing``: refuse to create one (a missing, empty or foreign file or database is an
    error); ``read_only``: never write to it (readers: ``report``, listings, the explorer's
    pages).
    """
    if is_server(location):
        from corroborator.store.postgres import PostgresStore

        return PostgresStore(location, existing=existing or read_only, read_only=read_only)
    return SQLiteStore(location, existing=existing or read_only, read_only=read_only)


__all__ = ["FileRecord", "SQLiteStore", "Store", "is_server", "open_store", "shown_location"]
