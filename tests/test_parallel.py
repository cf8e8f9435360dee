"""interim.load.parallel: results come back in order, chunk after chunk, and a child that
fails costs time, never a result."""

from __future__ import annotations

import os
import sys

import pytest

from interim.load import parallel

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="forked readers: Linux only")


@pytest.fixture(autouse=True)
def _forked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "PARALLEL_MIN_FILES", 1)
    monkeypatch.setattr(parallel, "CHUNK", 7)  # many chunks, and a short last one
    monkeypatch.setenv("INTERIM_WORKERS", "3")


def square(n: int) -> tuple[int, str]:
    return n * n, "x" * (n % 50)


@pytest.mark.parametrize("count", [1, 2, 20, 21, 22, 300])
def test_results_in_order_across_chunks(count: int) -> None:
    items = list(range(count))
    assert parallel.read_all(square, items, None) == [square(n) for n in items]


def test_the_children_did_the_reading() -> None:
    parent = os.getpid()
    pids = parallel.read_all(lambda _: os.getpid(), list(range(60)), None)
    assert pids[0] == parent and len(set(pids)) == 3


def test_a_child_that_fails_mid_way_is_read_here() -> None:
    parent = os.getpid()

    def read(n: int) -> int:
        if n == 250 and os.getpid() != parent:
            raise RuntimeError("a child breaks after sending nothing")
        return n + 1

    items = list(range(300))
    assert parallel.read_all(read, items, None) == [n + 1 for n in items]
