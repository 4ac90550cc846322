"""Dutch analysis with Frog (lemmas, CGN tags, named entities, dependencies).

One long-lived ``frog -S PORT`` server runs per analyzer, in its own scratch
directory (Frog writes debug files into its working directory), reached over one
persistent socket.

Design (found by experiment with Frog 0.20):

* Frog runs with ``-n --skip=t``: its tokenizer is skipped and every input line is
  one sentence of space-separated tokens.  The server then answers each line with
  the token rows (``idx word lemma morph tag conf ner chunk head rel``, tab
  separated), a blank line and ``READY``.  (With its own tokenizer the server
  instead reads text up to a line ``EOT`` and may split sentences itself.)
* So sentence boundaries and tokens come from :mod:`diplograph.language.simple`,
  and every token keeps exact character offsets: the cascade and the full parse
  give identical sentences.
* Frog joins multi-word units (``Dmitri_Peskov``, tags ``B-PER_I-PER``); they are
  split back into the tokens that were sent.  The first part carries the unit's
  head and relation, the other parts attach to it with relation ``mwp``.

Token fields: ``pos`` the CGN main tag (N, WW, SPEC, ADJ, VZ, LID, VNW, VG, BW, TW,
LET, TSW), ``tag`` the full tag ("WW(pv,verl,ev)"), ``ner`` BIO with PER/ORG/LOC/MISC
(Frog's PRO and EVE become MISC), ``head`` the index of the head in the sentence (-1
for a root; a sentence may have several), ``rel`` Frog's Alpino-style relation (su,
obj1, obj2, vc, body, mod, app, det, predc, cnj, crd, punct, mwp, ROOT, ...; empty when
the parser was skipped or the sentence is longer than ``max_parser_tokens``).
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from diplograph.language.simple import SimpleAnalyzer
from diplograph.model import Sentence, Token

log = logging.getLogger(__name__)

FROG_BINARY = "frog"
# Frog's entity types mapped to the four CoNLL types of Token.ner.
NER_TYPES = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC", "PRO": "MISC", "EVE": "MISC"}


class FrogError(RuntimeError):
    """Frog is missing, did not start, or its answer could not be read."""


@dataclass
class FrogRow:
    """One row of Frog's tab-separated answer (a word or a multi-word unit)."""

    word: str
    lemma: str
    tag: str
    ner: str
    head: int  # 1-based, 0 for the root
    rel: str


def frog_available() -> bool:
    return shutil.which(FROG_BINARY) is not None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _die_with_parent() -> None:
    """In the child: ask Linux to kill Frog when the Python process dies."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").prctl(1, int(signal.SIGKILL))  # PR_SET_PDEATHSIG (Frog ignores SIGTERM)
    except Exception:  # noqa: BLE001 - best effort, not on every platform
        pass


class FrogServer:
    """A ``frog -S`` process in a scratch directory."""

    def __init__(self, skip: str = "ac", max_parser_tokens: int = 200, startup_timeout: float = 600.0) -> None:
        if not frog_available():
            raise FrogError("the `frog` program is not installed (`make install`: Debian packages frog, frogdata)")
        self.skip = "".join(sorted(set(skip + "t")))
        self.max_parser_tokens = max_parser_tokens
        self.startup_timeout = startup_timeout
        self.port = 0
        self.proc: subprocess.Popen[bytes] | None = None
        self.workdir: str | None = None
        self.connections: set[int] = set()  # pids of the server's connection processes

    def start(self) -> None:
        self.stop()
        self.workdir = tempfile.mkdtemp(prefix="diplograph-frog-")
        for _attempt in range(3):
            self.port = _free_port()
            cmd = [FROG_BINARY, "-S", str(self.port), "-n", f"--skip={self.skip}",
                   f"--max-parser-tokens={self.max_parser_tokens}"]
            # appended to, so that trim_log() can empty it: the server logs a line per sentence
            logf = open(os.path.join(self.workdir, "frog.log"), "ab")  # noqa: SIM115 - handed to the child
            # Frog's OpenMP threads spin while waiting; on a busy machine that burns most of the CPU
            # (measured: 10x slower).  Passive waiting costs nothing when idle.
            env = {**os.environ, "OMP_WAIT_POLICY": os.environ.get("OMP_WAIT_POLICY", "PASSIVE")}
            # Its own process group: the server forks one process per connection, and stop() ends them all.
            self.proc = subprocess.Popen(cmd, cwd=self.workdir, stdin=subprocess.DEVNULL, stdout=logf,
                                         stderr=subprocess.STDOUT, preexec_fn=_die_with_parent, env=env,
                                         start_new_session=True)
            logf.close()
            if self._wait_listening():
                return
            self.stop(keep_dir=True)
        raise FrogError(f"Frog did not start; see {self.workdir}/frog.log")

    def _wait_listening(self) -> bool:
        """Wait for the server's "Listening on port" line (a probe connection would cost a fork)."""
        assert self.workdir is not None
        logpath = os.path.join(self.workdir, "frog.log")
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self.proc is None or self.proc.poll() is not None:
                return False
            with open(logpath, "rb") as f:
                if b"Listening on port" in f.read():
                    return True
            time.sleep(0.2)
        return False

    def trim_log(self, max_bytes: int = 1 << 20) -> None:
        """Empty the server's log when it has grown past ``max_bytes``."""
        if self.workdir:
            path = os.path.join(self.workdir, "frog.log")
            with contextlib.suppress(OSError):
                if os.path.getsize(path) > max_bytes:
                    os.truncate(path, 0)

    def children(self) -> list[int]:
        """Process ids of the server's connection processes."""
        if self.proc is None:
            return []
        try:
            return [int(c) for c in Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children").read_text().split()]
        except OSError:
            return []

    def end_connections(self) -> None:
        """Kill the connection processes (also those whose server died), before their sockets close."""
        for pid in set(self.children()) | self.connections:
            try:
                if b"frog" in Path(f"/proc/{pid}/cmdline").read_bytes():
                    os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        self.connections.clear()

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def connect(self, timeout: float) -> socket.socket:
        before = set(self.children())
        sock = socket.create_connection(("127.0.0.1", self.port), timeout=timeout)
        sock.settimeout(timeout)
        for _ in range(20):  # note the process the server forks for this connection
            new = set(self.children()) - before
            if new:
                self.connections |= new
                break
            time.sleep(0.05)
        return sock

    def stop(self, keep_dir: bool = False) -> None:
        if self.proc is not None:
            if self.proc.poll() is None:
                self.end_connections()
                # the server does not stop on SIGTERM; it holds no state worth saving
                with contextlib.suppress(OSError):
                    os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.kill()
                self.proc.wait()
            self.proc = None
        if self.workdir and not keep_dir:
            shutil.rmtree(self.workdir, ignore_errors=True)
            self.workdir = None


def _clean_token(text: str) -> str:
    """The form of a token sent to Frog: no spaces or control/format characters."""
    out = "".join(ch for ch in text if unicodedata.category(ch)[0] not in "CZ")
    return out or "*"


def _parse_row(line: str) -> FrogRow:
    cols = line.split("\t")
    if len(cols) < 7:
        raise FrogError(f"unexpected Frog row: {line!r}")
    # head and relation are the last two columns; they are empty when the parser was skipped
    parsed = len(cols) >= 9 and cols[-2].isdigit()
    head = int(cols[-2]) if parsed else 0
    rel = cols[-1] if parsed and cols[-1] != "None" else ""
    return FrogRow(cols[1], cols[2], cols[4], cols[6], head, rel)


def _split_unit(row: FrogRow, n: int) -> list[tuple[str, str, str]]:
    """(lemma, tag, ner) for each of the ``n`` parts of a (multi-word) row."""
    if n == 1:
        return [(row.lemma, row.tag, row.ner)]
    lemmas, tags, ners = row.lemma.split("_"), row.tag.split(")_"), row.ner.split("_")
    tags = [t if t.endswith(")") else t + ")" for t in tags] if len(tags) == n else [row.tag] * n
    if len(lemmas) != n:
        lemmas = [""] * n
    if len(ners) != n:
        ners = [row.ner] + ["I-" + row.ner[2:] if row.ner != "O" else "O"] * (n - 1)
    return list(zip(lemmas, tags, ners, strict=True))


def _ner(tag: str) -> str:
    if tag == "O" or "-" not in tag:
        return "O"
    bio, _, typ = tag.partition("-")
    return f"{bio}-{NER_TYPES.get(typ, 'MISC')}"


def rows_to_tokens(rows: Sequence[FrogRow], tokens: Sequence[Token]) -> list[Token]:
    """Frog's rows for one sentence joined with the tokens that were sent (same offsets).

    Raises FrogError when the rows do not account for exactly the tokens sent.
    """
    sent = [_clean_token(t.text) for t in tokens]
    out: list[Token] = []
    first_of_row: list[int] = []  # new index of the first part of each Frog row
    units: list[tuple[FrogRow, int]] = []
    k = 0
    for row in rows:
        if k >= len(sent):
            raise FrogError(f"Frog answered more words than sent ({row.word!r})")
        n = next((m for m in range(1, row.word.count("_") + 2) if "_".join(sent[k:k + m]) == row.word), 0)
        if not n:
            if "_" in row.word:
                raise FrogError(f"Frog unit {row.word!r} does not match the tokens sent ({sent[k:k + 3]})")
            n = 1  # a word Frog rewrote: keep the one-to-one order
        first_of_row.append(k)
        units.append((row, n))
        k += n
    if k != len(sent):
        raise FrogError(f"Frog answered {k} of {len(sent)} tokens")
    for (row, n), k0 in zip(units, first_of_row, strict=True):
        for j, (lemma, tag, ner) in enumerate(_split_unit(row, n)):
            src = tokens[k0 + j]
            head = (first_of_row[row.head - 1] if 0 < row.head <= len(first_of_row) else -1) if j == 0 else k0
            out.append(Token(i=k0 + j, text=src.text, start=src.start, end=src.end, lemma=lemma or src.text.lower(),
                             pos=tag.split("(", 1)[0], tag=tag, ner=_ner(ner), head=head,
                             rel=row.rel if j == 0 else "mwp"))
    return out


class FrogAnalyzer:
    """The Analyzer protocol on a Frog server: sentences of tokens with lemma, tag, entity and dependency."""

    name = "frog"

    def __init__(self, skip: str = "ac", max_parser_tokens: int = 200, io_timeout: float = 300.0,
                 startup_timeout: float = 600.0) -> None:
        self.server = FrogServer(skip=skip, max_parser_tokens=max_parser_tokens, startup_timeout=startup_timeout)
        self.io_timeout = io_timeout
        self.sock: socket.socket | None = None
        self.splitter = SimpleAnalyzer()
        self._lock = threading.Lock()
        self.closed = False
        self.restarts = 0
        self._pid = os.getpid()
        self._start()
        atexit.register(self.close)

    # -- server and connection -------------------------------------------------
    def _start(self) -> None:
        self.server.start()
        self.sock = self.server.connect(self.io_timeout)
        self._buf = b""

    def _restart(self) -> None:
        self.server.end_connections()
        self._disconnect()
        self.restarts += 1
        log.warning("restarting the Frog server (restart %d)", self.restarts)
        self._start()

    def _reconnect(self) -> None:
        self.server.end_connections()  # first: a connection process that sees its socket close frees
        self._disconnect()  # all of Frog's models page by page (slow, and it copies 1.4 GB doing so)
        if self.server.alive():
            self.sock = self.server.connect(self.io_timeout)
            self._buf = b""

    def _disconnect(self) -> None:
        if self.sock is not None:
            with contextlib.suppress(OSError):
                self.sock.close()
            self.sock = None

    def close(self) -> None:
        """Shut the server down (idempotent)."""
        if self.closed:
            return
        self.closed = True
        if os.getpid() != self._pid:  # a forked child (atexit) must not stop its parent's server
            return
        self.server.end_connections()
        self._disconnect()
        self.server.stop()

    def __enter__(self) -> FrogAnalyzer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- protocol ----------------------------------------------------------------
    def _read_answer(self) -> list[FrogRow]:
        """Rows up to the next ``READY`` line."""
        assert self.sock is not None
        rows: list[FrogRow] = []
        while True:
            nl = self._buf.find(b"\n")
            while nl < 0:
                data = self.sock.recv(1 << 16)
                if not data:
                    raise ConnectionError("Frog closed the connection")
                self._buf += data
                nl = self._buf.find(b"\n")
            line, self._buf = self._buf[:nl].decode("utf-8", "replace").rstrip("\r"), self._buf[nl + 1:]
            if line == "READY":
                return rows
            if line.strip():
                rows.append(_parse_row(line))

    def _exchange(self, lines: list[str]) -> list[list[FrogRow]]:
        assert self.sock is not None
        payload = "".join(line + "\n" for line in lines).encode("utf-8")
        sock, error = self.sock, []

        def send() -> None:  # in a thread, so that a long batch cannot deadlock on full buffers
            try:
                sock.sendall(payload)
            except OSError as e:
                error.append(e)

        writer = threading.Thread(target=send, daemon=True)
        writer.start()
        try:
            answers = [self._read_answer() for _ in lines]
        finally:
            writer.join(timeout=5)
        if error:
            raise error[0]
        return answers

    def tag_token_lines(self, sentences: Sequence[Sequence[str]]) -> list[list[FrogRow]]:
        """Frog's rows for pre-tokenized sentences (one request; restarts the server once on failure)."""
        lines = [" ".join(_clean_token(t) for t in toks) for toks in sentences]
        if not lines:
            return []
        if self.closed:
            raise FrogError("the Frog analyzer is closed")
        with self._lock:
            for attempt in (1, 2):
                try:
                    if self.sock is None or not self.server.alive():
                        self._restart()
                    answers = self._exchange(lines)
                    self.server.trim_log()
                    return answers
                except (OSError, ConnectionError) as e:
                    if attempt == 2:
                        raise FrogError(f"Frog failed twice: {e}") from e
                    log.warning("Frog failed (%s); retrying once", e)
                    self._restart()
        raise AssertionError("unreachable")

    # -- the Analyzer protocol -----------------------------------------------------
    def parse(self, sentences: Sequence[Sentence]) -> None:
        """Replace the tokens of these (already split) sentences with Frog's analysis, in one request."""
        todo = [s for s in sentences if s.tokens]
        answers = self.tag_token_lines([[t.text for t in s.tokens] for s in todo])
        failed = 0
        for s, rows in zip(todo, answers, strict=True):
            try:
                s.tokens = rows_to_tokens(rows, s.tokens)
                s.parsed = True
            except FrogError as e:  # keep the fast tokens rather than lose the sentence
                failed += 1
                log.warning("sentence %d left unparsed: %s", s.index, e)
        if failed or self._buf.strip():  # answers may be out of step with the questions: a fresh connection
            with self._lock:
                self._reconnect()

    def analyse(self, text: str) -> list[Sentence]:
        sentences = self.splitter.analyse(text)
        self.parse(sentences)
        return sentences
