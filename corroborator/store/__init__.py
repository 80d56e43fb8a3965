"""Store: where articles and everything derived from them are kept.

:func:`open_store` picks the backend from the location (a file path means SQLite). Every backend
implements :class:`~corroborator.store.base.Store` and passes the same contract tests.
"""

from __future__ import annotations

from corroborator.store.base import FileRecord, Store
from corroborator.store.sqlite import SQLiteStore


def open_store(location: str, *, existing: bool = False, read_only: bool = False) -> Store:
    """Open (creating and migrating if needed) the store at ``location``.

    ``existing``: refuse to create one (a missing, empty or foreign file is an error);
    ``read_only``: never write to it (readers: ``report``, listings, the explorer's pages).
    """
    if location.startswith(("postgresql://", "postgres://")):
        from corroborator.errors import StoreError

        raise StoreError(f"{location.split('@')[-1]}: PostgreSQL stores are not supported yet")
    return SQLiteStore(location, existing=existing or read_only, read_only=read_only)


__all__ = ["FileRecord", "SQLiteStore", "Store", "open_store"]
