"""Golden files for the caseload page (issue 15): the demo caseload of
tests/caseload_support.py as Markdown and CSV must match tests/golden/caseload.{md,csv}
byte for byte. After an intended change, run

    UPDATE_GOLDEN=1 PYTHONPATH=. pytest tests/test_caseload_golden.py

and review the diff of tests/golden/ before committing it (tests/golden/README.md)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from caseload_support import UNTIL, demo_caseload
from click.testing import CliRunner

from interim.cli import main

GOLDEN = Path(__file__).resolve().parent / "golden"


def caseload_page(fmt: str, where: Path, monkeypatch: pytest.MonkeyPatch) -> bytes:
    demo_caseload(where / "clients")
    monkeypatch.chdir(where)  # DIR is relative, so the page names the folders the same way
    args = ["caseload", "clients", "--until", UNTIL, "--format", fmt, "-o", "-"]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 1, result.output  # one client's interim.yaml is broken
    return result.stdout_bytes


@pytest.mark.parametrize("fmt", ["md", "csv"])
def test_golden(fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = GOLDEN / f"caseload.{fmt}"
    data = caseload_page(fmt, tmp_path, monkeypatch)
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_bytes(data)
        return
    assert path.exists(), f"{path.name} is missing: run with UPDATE_GOLDEN=1 to create it"
    got, want = data.decode("utf-8").splitlines(), path.read_text(encoding="utf-8").splitlines()
    first = next((i for i, (a, b) in enumerate(zip(got, want, strict=False)) if a != b), None)
    if first is None and len(got) == len(want):
        assert data == path.read_bytes()  # line ends too
        return
    first = min(len(got), len(want)) if first is None else first
    pytest.fail(
        f"{path.name} differs from line {first + 1}:\n"
        f"  expected: {want[first] if first < len(want) else '<end>'}\n"
        f"  got:      {got[first] if first < len(got) else '<end>'}\n"
        "If the change is intended, regenerate with UPDATE_GOLDEN=1 (tests/golden/README.md)."
    )
