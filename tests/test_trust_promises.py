"""The three promises of issue 9, each reproduced on a messy folder: the safety notice reads
every copy, every entry is counted once, and nothing is left out without a word."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

from tests.conftest import Write

SETTINGS = "report_date: 2026-11-20\n"
PHQ9 = "---\ntype: questionnaire\ndate: 2026-11-17\ninstrument: phq9\nitems: [1, 1, 1, 1, 1, 1, 1, 1, {nine}]\n---\n"
MOOD = '---\ntype: mood\ndate: 2026-11-20\ntime: "21:30"\nmood: {mood}\n---\n'


def _report(run_cli: Callable[..., Result], root: Path) -> dict:
    result = run_cli(["report", str(root), "--format", "json", "-o", "-"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _safety_paths(report: dict) -> set[str]:
    return {e["path"] for e in report["safety"]["entries"]}


def test_notice_reads_sync_copies_and_odd_front_matter(
    tmp_path: Path, write: Write, run_cli: Callable[..., Result]
) -> None:
    write(tmp_path, "interim.yaml", SETTINGS)
    write(tmp_path, "q/2026-11-17-phq9.md", PHQ9.format(nine=0))
    write(tmp_path, "q/2026-11-17-phq9 2.md", PHQ9.format(nine=2))  # iCloud, edited
    write(
        tmp_path,
        "q/2026-11-17-phq9 (Sam's conflicted copy 2026-11-18).md",  # Dropbox
        PHQ9.format(nine=3),
    )
    toml = '+++\ntype = "questionnaire"\ndate = 2026-11-18\ninstrument = "phq9"\nitems = [0, 0, 0, 0, 0, 0, 0, 0, 1]\n+++\n'
    write(tmp_path, "q/2026-11-18-phq9.md", toml)
    write(tmp_path, "q/2026-11-19-phq9.md", "\n" + PHQ9.format(nine=2).replace("11-17", "11-19"))
    paths = _safety_paths(_report(run_cli, tmp_path))
    assert paths == {
        "q/2026-11-17-phq9 2.md",
        "q/2026-11-17-phq9 (Sam's conflicted copy 2026-11-18).md",
        "q/2026-11-18-phq9.md",
        "q/2026-11-19-phq9.md",
    }


def test_entries_are_counted_once(
    tmp_path: Path, write: Write, run_cli: Callable[..., Result]
) -> None:
    write(tmp_path, "interim.yaml", SETTINGS)
    write(tmp_path, "2026-11-20-mood.md", MOOD.format(mood=2))
    for copy in (
        "2026-11-20-mood (conflicted copy sam 2026-11-20 213512).md",  # Nextcloud with a user
        "2026-11-20-mood - Copy.md",  # Windows Explorer
        "2026-11-20-mood copy.md",  # macOS Finder
        "evening.md",  # the same entry under an unrelated name
    ):
        write(tmp_path, copy, MOOD.format(mood=8))
    report = _report(run_cli, tmp_path)
    mood = next(s["data"] for s in report["sections"] if s["id"] == "mood")
    assert mood["entries_n"] == 1
    assert [e["values"]["mood"] for e in mood["entries"]] == [2]


def test_nothing_is_left_out_in_silence(
    tmp_path: Path, write: Write, run_cli: Callable[..., Result]
) -> None:
    write(tmp_path, "interim.yaml", SETTINGS)
    tr = "---\ntype: thought-record\ndate: 2026-11-20\nhot_thought: I am worthless #always\n---\n"
    write(tmp_path, "a-thought.md", tr)
    dash = MOOD.format(mood=3).replace("---", "\u2014")
    write(tmp_path, "2026-11-19-mood.md", dash)
    write(tmp_path, "2026-11-18-mood.md", "\ufeff\ufeff" + MOOD.format(mood=3))
    write(tmp_path, "2026-11-17-mood.md", '{"type": "mood", "date": "2026-11-17", "mood": 3}\n')
    write(tmp_path, "2026-11-16-mood.markdown", MOOD.format(mood=3))
    write(tmp_path, "2026-11-15-mood.md.txt", MOOD.format(mood=3))
    write(tmp_path, "2026-11-14-mood.txt", MOOD.format(mood=3))
    result = run_cli(["check", str(tmp_path), "--format", "json"])
    found = json.loads(result.stdout)["diagnostics"]
    warned = {d["path"] for d in found if d["severity"] in ("warning", "error")}
    assert {
        "a-thought.md",
        "2026-11-19-mood.md",
        "2026-11-18-mood.md",
        "2026-11-17-mood.md",
        "2026-11-15-mood.md.txt",
        "2026-11-14-mood.txt",
    } <= warned
    cut = next(d for d in found if d["path"] == "a-thought.md")
    assert "#" in cut["message"] and cut["col"] == len("hot_thought: I am worthless ") + 1
    summary = run_cli(["summary", str(tmp_path)]).stdout
    assert "not counted" in summary
