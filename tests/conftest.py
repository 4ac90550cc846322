"""Shared test fixtures."""

import pytest

from pg import pg_fresh_url, pg_server, pg_url  # noqa: F401  (PostgreSQL server for the session: tests/pg.py)


@pytest.fixture(scope="session")
def frog():
    """One Frog analyzer (server process) for the whole test session, shared with the pipeline; closed at the end.

    Frog is required (``make install`` installs it): without it the tests fail, they do not skip.
    """
    from diplograph.language import close_analyzers, get_analyzer
    from diplograph.language.frog import frog_available

    if not frog_available():
        pytest.fail("Frog is not installed: run `make install` (Debian packages frog and frogdata)")
    yield get_analyzer("frog")  # the same server the pipeline's language stage uses
    close_analyzers()
