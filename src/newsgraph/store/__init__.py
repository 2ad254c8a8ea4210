"""The newsgraph store: every article's record in SQLite (default) or PostgreSQL.

    from newsgraph.store import open_store
    store = open_store("newsgraph.db")            # or "postgresql://user@localhost/newsgraph"
    store.add_record(record)                       # one transaction; None if already stored
    store.search_quotes(speaker="Macron", since="2022-03-01", text="regime change")
    store.get_record(42)                           # the Record exactly as extracted

Schema: ``newsgraph.store.schema`` (SQLAlchemy Core tables; Alembic migrations in
``migrations/``). Read functions: ``newsgraph.store.read.ReadMixin``. See docs/store.md.
"""

from .db import DEFAULT_DB, Store, StoreError, actor_key, normalise_statement, open_store, text_hash

__all__ = ["open_store", "Store", "StoreError", "DEFAULT_DB", "actor_key", "normalise_statement", "text_hash"]
