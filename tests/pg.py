"""A real PostgreSQL server for the test session.

``pg_url`` (session scope) initialises a cluster from the PostgreSQL 15 binaries in
a temporary directory, starts it on a free loopback port (socket in the same
directory), creates a database and yields a ``postgresql+psycopg://`` URL; the
server is stopped and its directory removed at the end.  As root the server runs
as the ``postgres`` OS user (PostgreSQL refuses to run as root).  PostgreSQL is
required (``make install`` installs it): without it these tests fail, they do not skip.

Loaded from tests/conftest.py (``from pg import pg_url``).
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

PG_BIN = Path(os.environ.get("DIPLOGRAPH_PG_BIN", "/usr/lib/postgresql/15/bin"))


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresServer:
    """A throw-away PostgreSQL cluster; ``start()`` then ``url`` then ``stop()``."""

    def __init__(self, bin_dir: Path = PG_BIN) -> None:
        self.bin_dir = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="diplograph-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self.db = "diplograph"
        self.user = "postgres" if os.geteuid() == 0 else pwd.getpwuid(os.geteuid()).pw_name

    def _cmd(self, *args: str) -> list[str]:
        cmd = [str(self.bin_dir / args[0]), *args[1:]]
        if os.geteuid() == 0:
            return ["runuser", "-u", "postgres", "--", *cmd]
        return cmd

    def _run(self, *args: str) -> None:
        proc = subprocess.run(self._cmd(*args), capture_output=True, text=True, cwd=self.root)
        if proc.returncode != 0:
            log = (self.root / "server.log").read_text() if (self.root / "server.log").exists() else ""
            raise RuntimeError(f"{' '.join(args[:2])} failed: {proc.stderr}\n{proc.stdout}\n{log}")

    def start(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
        self._run("initdb", "-D", str(self.data), "-U", self.user, "--auth=trust", "-E", "UTF8",
                  "--locale=C.UTF-8", "--no-sync")
        opts = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off -c max_connections=100")
        self._run("pg_ctl", "-D", str(self.data), "-o", opts, "-l", str(self.root / "server.log"), "-w", "-t", "60",
                  "start")
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", self.user, self.db)

    def create_database(self) -> str:
        """A further empty database on the same server; returns its URL."""
        name = "t" + uuid.uuid4().hex[:12]
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", self.user, name)
        return self.url_for(name)

    def url_for(self, db: str) -> str:
        return f"postgresql+psycopg://{self.user}@127.0.0.1:{self.port}/{db}"

    @property
    def url(self) -> str:
        return self.url_for(self.db)

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            subprocess.run(self._cmd("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop"),
                           capture_output=True, cwd=self.root)
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    """A running PostgreSQL server for the whole session."""
    if not (PG_BIN / "initdb").exists():
        pytest.fail(f"PostgreSQL is not installed (no {PG_BIN / 'initdb'}): run `make install` (Debian package "
                    "postgresql) or set DIPLOGRAPH_PG_BIN")
    server = PostgresServer()
    try:
        server.start()
    except Exception:
        server.stop()
        raise
    yield server
    server.stop()


@pytest.fixture(scope="session")
def pg_url(pg_server: PostgresServer) -> str:
    """``postgresql+psycopg://`` URL of the session's database."""
    return pg_server.url


@pytest.fixture
def pg_fresh_url(pg_server: PostgresServer) -> str:
    """URL of a new, empty database on the session's server (one per test)."""
    return pg_server.create_database()
