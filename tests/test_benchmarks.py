"""The benchmarks measure what interim does: the floor reads the files `check` reads."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from interim.load.filenames import OTHER_TEXT_EXTENSIONS, RECORD_EXTENSIONS

ROOT = Path(__file__).resolve().parent.parent


def test_the_floor_reads_every_extension_check_reads() -> None:
    spec = importlib.util.spec_from_file_location("floor", ROOT / "benchmarks" / "floor.py")
    assert spec is not None and spec.loader is not None
    floor = importlib.util.module_from_spec(spec)
    sys.modules.pop("floor", None)
    spec.loader.exec_module(floor)
    assert set(floor.READ) == set(RECORD_EXTENSIONS) | OTHER_TEXT_EXTENSIONS


def test_the_floor_counts_them(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("floor", ROOT / "benchmarks" / "floor.py")
    assert spec is not None and spec.loader is not None
    floor = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(floor)
    for name in ("a.md", "b.MARKDOWN", "c.txt", "d.png", "e.md.txt"):
        (tmp_path / name).write_bytes(b"12345")
    assert floor.walk(str(tmp_path)) == (4, 20)
