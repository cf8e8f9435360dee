"""Issue 13: homework is counted in what it asks for, in the same words in the report,
`summary` and `todo` (example-folder, report date Tue 17 Nov 2026)."""

from __future__ import annotations

import json
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parent.parent / "example-folder"


def test_the_report_says_6_of_6_days_for_the_daily_diary(run_cli) -> None:
    md = run_cli(["report", str(EXAMPLE), "--format", "md", "-o", "-"]).stdout
    assert "| Daily mood diary (daily) | 6 of 6 days | 11 | 6 |" in md
    assert "| Worry time (5/week) | 5 of 4 entries | 5 | 5 |" in md


def test_summary_uses_the_same_words(run_cli) -> None:
    out = run_cli(["summary", str(EXAMPLE)]).stdout
    line = next(x for x in out.splitlines() if x.startswith("Daily mood diary"))
    assert "6 of 6 days" in line and " 11 " in line  # the entry count beside it
    worry = next(x for x in out.splitlines() if x.startswith("Worry time"))
    assert "5 of 4 entries" in worry


def test_todo_agrees_with_the_report_over_the_same_days(run_cli) -> None:
    """`todo` counts from the day after the homework was set to today; a report over the
    same days gives the same numbers."""
    out = run_cli(["todo", str(EXAMPLE)]).stdout
    assert "done 37 of 41 days so far, 53 entries; 42 days by the due date" in out
    assert "done 11 of 9 entries so far, on 11 days; 10 entries by the due date" in out
    args = ["report", str(EXAMPLE), "--since", "2026-10-08", "--format", "json", "-o", "-"]
    rows = {h["id"]: h for h in json.loads(run_cli(args).stdout)["glance"]["homework"]}
    diary = rows["2026-10-07-mood-diary"]
    assert (diary["done"], diary["expected"], diary["unit"], diary["entry_count"]) == (
        37,
        41,
        "days",
        53,
    )
