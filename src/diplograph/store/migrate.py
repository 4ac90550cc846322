"""Run the store's Alembic migrations (shipped in the package) on a database URL."""

from __future__ import annotations

from importlib import resources

from alembic import command
from alembic.config import Config
from sqlalchemy import text
from sqlalchemy.engine import Engine


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("diplograph.store") / "migrations"))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(engine: Engine) -> None:
    """Bring the database at ``engine`` to the newest schema (no-op when it is current)."""
    cfg = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":  # processes opening a new database at once migrate one by one
            conn.execute(text("SELECT pg_advisory_xact_lock(7263514)"))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
