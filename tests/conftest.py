"""Shared test fixtures."""

from pg import pg_fresh_url, pg_server, pg_url  # noqa: F401  (PostgreSQL server for the session: tests/pg.py)
