"""The caseload benchmark's generator setting (issue 15): `generate.py --per-day F` makes a
lighter client, about F files a day, with every session, homework and form kept; without it
the generator is unchanged."""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"


@pytest.fixture(scope="module")
def generate():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(BENCH))
    try:
        import generate as module

        yield module
    finally:
        sys.path.remove(str(BENCH))


def digest(root: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(root.rglob("*.md")):
        h.update(p.relative_to(root).as_posix().encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


def test_about_four_a_day(generate, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    last = generate.generate(1460, tmp_path / "light", seed=3, per_day=4)
    days = (last - generate.START).days + 1
    assert 300 <= days <= 460, days  # about a year at ~4 a day
    sessions = len(list((tmp_path / "light" / "sessions").glob("*.md")))
    assert sessions >= days // 7 - 4  # weekly sessions all there
    assert last < dt.date(2021, 6, 1)


# The record files of `generate.py 300 OUT --seed 2` before `--per-day` was added (commit
# 8ac5b1b): the setting must leave the default folders byte for byte as they were.
BEFORE = "9cd05a6719ad24f2c23e279451cf11440508e21605c552e5932fcd97e22746de"


def test_without_per_day_nothing_changes(generate, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    generate.generate(300, tmp_path / "a", seed=2)
    light = tmp_path / "c"
    generate.generate(300, light, seed=2, per_day=4)
    assert digest(tmp_path / "a") == BEFORE != digest(light)
