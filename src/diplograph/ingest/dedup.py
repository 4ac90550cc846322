"""Duplicate detection: exact (hash of normalised text) and near (MinHash over word shingles, Jaccard).

Duplicates are not dropped: a new document is linked to the first copy with its similarity.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

SHINGLE = 3  # words per shingle
PERMUTATIONS = 64
BANDS = 16  # 16 bands of 4 rows: candidates from Jaccard ~0.5 on, verified exactly afterwards
THRESHOLD = 0.8
_WORD = re.compile(r"\w+")
_QUOTES = str.maketrans({c: '"' for c in "“”„‟«»″"} | {c: "'" for c in "‘’‚‛‹›′`´"})


def normalise_for_hash(text: str) -> str:
    """Lower case, NFKC, one kind of quotation mark, single spaces."""
    t = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()
    return " ".join(t.split())


def content_hash(text: str) -> str:
    """SHA-256 of the normalised text (hex)."""
    return hashlib.sha256(normalise_for_hash(text).encode("utf-8")).hexdigest()


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    words = _WORD.findall(normalise_for_hash(text))
    if len(words) <= k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + k]) for i in range(len(words) - k + 1)}


def _coefficients(n: int) -> tuple[np.ndarray, np.ndarray]:
    a, b = [], []
    for i in range(n):
        h = hashlib.sha256(f"diplograph-minhash-{i}".encode()).digest()
        a.append(int.from_bytes(h[:8], "big") | 1)  # odd multiplier: multiply-shift hashing mod 2**64
        b.append(int.from_bytes(h[8:16], "big"))
    return np.array(a, dtype=np.uint64)[:, None], np.array(b, dtype=np.uint64)[:, None]


_A, _B = _coefficients(PERMUTATIONS)


def _h(s: str) -> int:
    return int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "big")


def minhash(sh: set[str]) -> list[int]:
    """MinHash signature of a shingle set (stable across runs and machines)."""
    if not sh:
        return [0] * PERMUTATIONS
    x = np.fromiter((_h(s) for s in sh), dtype=np.uint64, count=len(sh))
    with np.errstate(over="ignore"):
        values = (_A * x[None, :] + _B) >> np.uint64(32)
    return [int(v) for v in values.min(axis=1)]


def jaccard(a: set[str], b: set[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


@dataclass
class Match:
    duplicate_of: object  # the key of the first copy
    similarity: float
    exact: bool


@dataclass
class DedupIndex:
    """Index of first copies; ``check`` finds the copy a text duplicates, ``add`` records a first copy."""

    threshold: float = THRESHOLD
    _by_hash: dict[str, object] = field(default_factory=dict)
    _bands: dict[tuple[int, tuple[int, ...]], list[object]] = field(default_factory=lambda: defaultdict(list))
    _shingles: dict[object, set[str]] = field(default_factory=dict)

    def check(self, text: str, digest: str | None = None) -> Match | None:
        digest = digest or content_hash(text)
        if digest in self._by_hash:
            return Match(self._by_hash[digest], 1.0, True)
        sh = shingles(text)
        best: Match | None = None
        for key in self._candidates(minhash(sh)):
            sim = jaccard(sh, self._shingles[key])
            if sim >= self.threshold and (best is None or sim > best.similarity):
                best = Match(key, round(sim, 4), False)
        return best

    def add(self, key: object, text: str, digest: str | None = None) -> None:
        digest = digest or content_hash(text)
        self._by_hash.setdefault(digest, key)
        sh = shingles(text)
        self._shingles[key] = sh
        for band in self._band_keys(minhash(sh)):
            self._bands[band].append(key)

    def _candidates(self, sig: list[int]) -> list[object]:
        seen: dict[object, None] = {}
        for band in self._band_keys(sig):
            for key in self._bands.get(band, ()):
                seen[key] = None
        return list(seen)

    @staticmethod
    def _band_keys(sig: list[int]) -> list[tuple[int, tuple[int, ...]]]:
        rows = PERMUTATIONS // BANDS
        return [(b, tuple(sig[b * rows:(b + 1) * rows])) for b in range(BANDS)]


def band_keys(text: str) -> list[tuple[int, int]]:
    """LSH keys of a text: (band number, 63-bit hash of the band's MinHash rows), for a database index."""
    keys = []
    for band, rows in DedupIndex._band_keys(minhash(shingles(text))):
        h = hashlib.blake2b(",".join(map(str, rows)).encode("ascii"), digest_size=8).digest()
        keys.append((band, int.from_bytes(h, "big") & ((1 << 63) - 1)))
    return keys
