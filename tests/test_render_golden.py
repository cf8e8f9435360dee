"""Golden files: example-folder rendered at its pinned report date must match
tests/golden/example-report.{html,md,json,csv} byte for byte, and so must the text of its
PDF (example-report.pdf.txt, each page's text as pypdf reads it: the PDF's bytes hold font
subsets that are Typst's business) and `interim summary` (example-summary.txt). After an
intended change, run

    UPDATE_GOLDEN=1 PYTHONPATH=. pytest tests/test_render_golden.py

and review the diff of tests/golden/ before committing it (tests/golden/README.md)."""

from __future__ import annotations

import functools
import io
import os
from pathlib import Path

import pytest

from interim.commands.report import make_report
from interim.folder import load_folder
from interim.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "example-folder"
GOLDEN = Path(__file__).resolve().parent / "golden"
FORMATS = ("html", "md", "json", "csv")


def example_report(fmt: str) -> bytes:
    settings, problems = load_settings(EXAMPLE)
    assert not problems
    folder = load_folder(EXAMPLE, settings=settings)
    data, _ = make_report(folder, fmt)
    return data


def example_pdf_text() -> bytes:
    from pypdf import PdfReader

    pages = PdfReader(io.BytesIO(example_report("pdf"))).pages
    text = "\n\f\n".join(page.extract_text() for page in pages)
    return (text.rstrip() + "\n").encode("utf-8")


def example_summary() -> bytes:
    from click.testing import CliRunner

    from interim.cli import main

    result = CliRunner().invoke(main, ["summary", str(EXAMPLE)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout.encode("utf-8")


GOLDEN_FILES = {
    **{f"example-report.{fmt}": functools.partial(example_report, fmt) for fmt in FORMATS},
    "example-report.pdf.txt": example_pdf_text,
    "example-summary.txt": example_summary,
}


def test_example_folder_is_pinned_and_not_a_repository() -> None:
    settings, _ = load_settings(EXAMPLE)
    assert settings.report_date is not None  # otherwise the report would change every day
    assert not (EXAMPLE / ".git").exists()  # otherwise the footer would carry a commit


@pytest.mark.parametrize("name", sorted(GOLDEN_FILES))
def test_golden(name: str) -> None:
    path = GOLDEN / name
    data = GOLDEN_FILES[name]()
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
