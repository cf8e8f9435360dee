"""Messy folders as phones, sync clients and hurried people leave them (issue 9): one folder
per hazard in `tests/hazards/`, each with `expected.txt` (everything `interim check`
prints for it) and `facts.json` (what the report must say: how many records of each type
are counted, the "not counted" line, and the files the safety notice lists).

`expected.txt` is regenerated with `UPDATE_GOLDEN=1 pytest tests/test_hazards.py` (read the
diff); `facts.json` is written by hand: it is what a clinician must be able to rely on.
"""

from __future__ import annotations

import json
import os
import shutil
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

HAZARDS = Path(__file__).parent / "hazards"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
FOLDERS = sorted(p.name for p in HAZARDS.iterdir() if p.is_dir())

Run = Callable[..., Result]


def _copy(name: str, tmp_path: Path) -> Path:
    root = tmp_path / name
    shutil.copytree(
        HAZARDS / name, root, ignore=shutil.ignore_patterns("expected.txt", "facts.json")
    )
    return root


def facts_of(run: Run, root: Path) -> dict[str, Any]:
    """What the default report says about the folder, in the terms of facts.json."""
    result = run(["report", str(root), "--format", "json", "-o", "-", "--no-cache"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    from interim.folder import load_folder

    folder = load_folder(root)
    return {
        "counted": dict(sorted(Counter(r.type for r in folder.records if not r.salvaged).items())),
        "not_counted": report["problems"]["not_counted"]["text"],
        "safety": sorted(e["path"] for e in report["safety"]["entries"]),
    }


@pytest.mark.parametrize("name", FOLDERS)
def test_check_says_every_problem(name: str, tmp_path: Path, run_cli: Run) -> None:
    root = _copy(name, tmp_path)
    result = run_cli(["check", str(root), "--no-cache"])
    expected = HAZARDS / name / "expected.txt"
    if UPDATE:
        expected.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == expected.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", FOLDERS)
def test_the_report_counts_what_the_folder_holds(name: str, tmp_path: Path, run_cli: Run) -> None:
    root = _copy(name, tmp_path)
    expected = json.loads((HAZARDS / name / "facts.json").read_text(encoding="utf-8"))
    assert facts_of(run_cli, root) == expected


@pytest.mark.parametrize("name", FOLDERS)
def test_check_and_the_notice_list_the_same_forms(name: str, tmp_path: Path, run_cli: Run) -> None:
    root = _copy(name, tmp_path)
    check = json.loads(run_cli(["check", str(root), "--format", "json"]).stdout)
    im220 = sorted(d["path"] for d in check["diagnostics"] if d["code"] == "IM220")
    assert im220 == facts_of(run_cli, root)["safety"]


# -- "N files not counted", near the top of every output -------------------------------------

LINE = "4 files not counted: 2 unreadable, 2 with errors"


@pytest.mark.parametrize("fmt", ["html", "md", "pdf", "json"])
def test_every_format_says_what_was_left_out(fmt: str, tmp_path: Path, run_cli: Run) -> None:
    root = _copy("unreadable-and-broken", tmp_path)
    out = tmp_path / f"r.{fmt}"
    assert run_cli(["report", str(root), "-o", str(out)]).exit_code == 0
    if fmt == "pdf":
        from pypdf import PdfReader

        first_page = " ".join(PdfReader(out).pages[0].extract_text().split())
        assert LINE in first_page
    elif fmt == "json":
        assert json.loads(out.read_text())["problems"]["not_counted"]["text"] == LINE
    else:
        text = out.read_text(encoding="utf-8")
        assert text.index(LINE) < text.index("At a glance")


def test_watch_says_what_was_left_out(tmp_path: Path) -> None:
    from interim.commands.watch import rebuilder

    root = _copy("unreadable-and-broken", tmp_path)
    lines: list[str] = []
    rebuild = rebuilder(root, None, lambda folder: "r.html", echo=lines.append, warn=lines.append)
    assert rebuild(frozenset(), False) is True
    assert f"{LINE} (`interim check` lists them)." in lines
