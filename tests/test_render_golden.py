"""Golden files: example-folder rendered at its pinned report date must match
tests/golden/example-report.{html,md,json} byte for byte. After an intended change, run

    UPDATE_GOLDEN=1 PYTHONPATH=. pytest tests/test_render_golden.py

and review the diff of tests/golden/ before committing it (tests/golden/README.md)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from interim.commands.report import make_report
from interim.folder import load_folder
from interim.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "example-folder"
GOLDEN = Path(__file__).resolve().parent / "golden"
FORMATS = ("html", "md", "json")


def example_report(fmt: str) -> bytes:
    settings, problems = load_settings(EXAMPLE)
    assert not problems
    folder = load_folder(EXAMPLE, settings=settings)
    data, _ = make_report(folder, fmt)
    return data


def test_example_folder_is_pinned_and_not_a_repository() -> None:
    settings, _ = load_settings(EXAMPLE)
    assert settings.report_date is not None  # otherwise the report would change every day
    assert not (EXAMPLE / ".git").exists()  # otherwise the footer would carry a commit


@pytest.mark.parametrize("fmt", FORMATS)
def test_golden(fmt: str) -> None:
    path = GOLDEN / f"example-report.{fmt}"
    data = example_report(fmt)
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_bytes(data)
        return
    assert path.exists(), f"{path.name} is missing: run with UPDATE_GOLDEN=1 to create it"
    expected = path.read_bytes()
    if data != expected:
        got, want = data.decode("utf-8").splitlines(), expected.decode("utf-8").splitlines()
        first = next(
            (i for i, (a, b) in enumerate(zip(got, want, strict=False)) if a != b),
            min(len(got), len(want)),
        )
        pytest.fail(
            f"{path.name} differs from line {first + 1}:\n"
            f"  expected: {want[first] if first < len(want) else '<end>'}\n"
            f"  got:      {got[first] if first < len(got) else '<end>'}\n"
            "If the change is intended, regenerate with UPDATE_GOLDEN=1 (tests/golden/README.md)."
        )


def test_two_runs_are_identical() -> None:
    for fmt in (*FORMATS, "csv"):
        assert example_report(fmt) == example_report(fmt)
