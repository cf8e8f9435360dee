"""A report of an unchanged folder reads only the records its period needs (the sessions,
then what the period and `HISTORY` ask for) — and changes no number: its JSON is the JSON
of a report from every record, over every kind of folder and period."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
HAZARDS = sorted(p.name for p in (ROOT / "tests" / "hazards").iterdir() if p.is_dir())
PERIODS = [
    [],
    ["--since", "7d"],
    ["--since", "1000-01-01"],
    ["--since", "2020-03-01", "--until", "2020-06-30"],
    ["--until", "2021-02-09"],
]


def aged(root: Path) -> Path:
    """Every file older than the cache's 2-second window, so the folder's result is kept."""
    old = time.time_ns() - 3600 * 10**9
    for path in root.rglob("*"):
        if path.is_file():
            os.utime(path, ns=(old, old))
    return root


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Fourteen months of one client's treatment (benchmarks/generate.py)."""
    out = tmp_path_factory.mktemp("history") / "folder"
    script = ROOT / "benchmarks" / "generate.py"
    subprocess.run([sys.executable, str(script), "1500", str(out), "--seed", "3"], check=True)
    return aged(out)


def report_json(run_cli: Callable[..., Any], root: Path, period: list[str], *cache: str) -> str:
    result = run_cli(["report", str(root), "-o", "-", "--format", "json", *period, *cache])
    assert result.exit_code == 0, result.output
    return str(result.stdout)


@pytest.mark.parametrize("period", PERIODS, ids=lambda p: " ".join(p) or "default")
def test_a_generated_history(
    history: Path, period: list[str], run_cli: Callable[..., Any], unpickled: list[int]
) -> None:
    full = report_json(run_cli, history, period, "--no-cache")
    report_json(run_cli, history, period)  # fills the cache
    assert report_json(run_cli, history, period) == full


@pytest.fixture(scope="module")
def one_session(history: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same history with one session held, the latest: no course of treatment, whose
    homework table needs every record since the first held session."""
    root = tmp_path_factory.mktemp("one") / "folder"
    shutil.copytree(history, root)
    sessions = sorted((root / "sessions").glob("*.md"))
    held = [p for p in sessions if "status: held" in p.read_text(encoding="utf-8")]
    for path in held[:-1]:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("status: held", "status: cancelled"), encoding="utf-8")
    return aged(root)


@pytest.mark.parametrize("period", [[], ["--since", "7d"]], ids=["default", "7d"])
def test_a_short_report_reads_a_few_weeks_of_the_records(
    one_session: Path, period: list[str], run_cli: Callable[..., Any], unpickled: list[int]
) -> None:
    full = report_json(run_cli, one_session, period, "--no-cache")
    report_json(run_cli, one_session, period)
    unpickled[0] = 0
    assert report_json(run_cli, one_session, period) == full
    assert 0 < unpickled[0] < 1500 // 2  # a few weeks of the history, and what it always needs


@pytest.mark.parametrize("name", ["example-folder", *HAZARDS])
def test_every_hazard_and_the_example(
    name: str, tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    source = ROOT / name if name == "example-folder" else ROOT / "tests" / "hazards" / name
    root = tmp_path / name
    shutil.copytree(source, root, symlinks=True)
    aged(root)
    for period in ([], ["--since", "1000-01-01"]):
        full = report_json(run_cli, root, period, "--no-cache")
        report_json(run_cli, root, period)
        assert report_json(run_cli, root, period) == full


def test_a_bad_period_still_says_what_is_wrong(tmp_path: Path, run_cli: Callable[..., Any]) -> None:
    root = tmp_path / "f"
    shutil.copytree(ROOT / "example-folder", root)
    aged(root)
    run_cli(["report", str(root), "-o", "-", "--format", "json"])
    result = run_cli(["report", str(root), "-o", "-", "--since", "next-tuesday"])
    assert result.exit_code == 2
    assert "--since takes a date" in result.output


OLD = {
    "goals/2025-01-10-walk.md": (
        "---\ntype: goal\ndate: 2025-01-10\ntitle: Walk to work\nset: 2025-01-10\n"
        "status: active\n---\n"
    ),
    "homework/2025-01-14-walk.md": (
        "---\ntype: homework\ndate: 2025-01-14\ntitle: Walk twice a week\nassigned: 2025-01-14\n"
        "frequency: 2/week\ntrack: activity\ngoal: 2025-01-10-walk\nstatus: in-progress\n---\n"
    ),
    "records/2025/01/2025-01-20-review-walk.md": (
        "---\ntype: review\ndate: 2025-01-20\nhomework: 2025-01-14-walk\nquality: 3\n"
        "difficulty: 1\nhelpfulness: 3\n---\n"
    ),
    "records/2025/01/2025-01-21-checkin.md": (
        "---\ntype: checkin\ndate: 2025-01-21\ngoals:\n  2025-01-10-walk: 4\n---\n"
    ),
    "records/2025/01/2025-01-22-reading.md": (
        "---\ntype: reading\ndate: 2025-01-22\ntitle: Walking and mood\n---\n"  # not yet read
    ),
}


def test_a_history_of_every_kind_a_report_reads_whatever_its_dates(
    tmp_path: Path, run_cli: Callable[..., Any], unpickled: list[int]
) -> None:
    """An old goal, its check-in, homework still open and its review, a reading not yet
    read: each is in the report, read from the cache as from the files."""
    root = tmp_path / "f"
    shutil.copytree(ROOT / "example-folder", root)
    for rel, text in OLD.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    aged(root)
    check = run_cli(["check", str(root)])
    assert "0 errors, 0 warnings" in check.output, check.output
    full = report_json(run_cli, root, [], "--no-cache")
    for title in ("Walk to work", "Walk twice a week", "Walking and mood"):
        assert title in full
    report_json(run_cli, root, [])
    assert report_json(run_cli, root, []) == full


def test_a_report_with_a_course_reads_its_period_once_the_course_is_kept(
    history: Path, run_cli: Callable[..., Any], unpickled: list[int]
) -> None:
    """The course's homework rows need every record since the first held session; once a
    report has worked them out they are kept with the folder's state, so the next report of
    the unchanged folder reads only its period (and gives the same JSON)."""
    full = report_json(run_cli, history, [], "--no-cache")
    assert '"id": "course"' in full
    report_json(run_cli, history, [])  # works the course out and keeps it
    unpickled[0] = 0
    assert report_json(run_cli, history, []) == full
    assert 0 < unpickled[0] < 1500 // 2


def test_a_changed_file_forgets_the_kept_course(
    history: Path, tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    root = tmp_path / "h"
    shutil.copytree(history, root)
    aged(root)
    report_json(run_cli, root, [])
    report_json(run_cli, root, [])
    review = next((root / "homework").glob("*-review.md"))
    text = review.read_text(encoding="utf-8")
    review.write_text(text.replace("quality: ", "quality: 0\nx_was: ", 1), encoding="utf-8")
    aged(root)
    assert report_json(run_cli, root, []) == report_json(run_cli, root, [], "--no-cache")
