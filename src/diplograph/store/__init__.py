"""The store: documents and what was found in them, in SQLite or PostgreSQL (SQLAlchemy 2, Alembic)."""

from diplograph.store.repository import SaveResult, Store, default_url, open_store

__all__ = ["SaveResult", "Store", "default_url", "open_store"]
