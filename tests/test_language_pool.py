"""get_analyzer: one analyzer per name and process, so each worker of a pool gets its own."""

from __future__ import annotations

import multiprocessing as mp

import pytest

from diplograph.language import get_analyzer, make_analyzer

_PARENT = get_analyzer("simple")


def _child_gets_its_own(_: int) -> bool:
    mine = get_analyzer("simple")
    return mine is not _PARENT and mine is get_analyzer("simple")


def test_one_analyzer_per_process() -> None:
    assert get_analyzer("simple") is _PARENT
    with mp.get_context("fork").Pool(2) as pool:
        assert pool.map(_child_gets_its_own, range(4)) == [True] * 4


def test_unknown_analyzer_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown analyzer"):
        make_analyzer("alpino")
