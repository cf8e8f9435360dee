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


def test_text_pacing_strips_leave_inactive_days_blank() -> None:
    from interim.render.filters import pace

    # Set on the period's 3rd day: two days it was not running, then done, missed, done.
    assert pace([0, 0, 1, 0, 1], [False, False, True, True, True]) == "  █▁█"
    assert pace([0, 1]) == "▁█"


def test_summary_sparklines_are_on_the_measures_own_scale(run_cli) -> None:
    out = run_cli(["summary", str(EXAMPLE)]).stdout
    mood = next(x for x in out.splitlines() if x.strip().startswith("Mood "))
    # Mood 4.5–6.5 on 0–10: middle bars, not the floor and the ceiling.
    assert mood.endswith("▄▅▅▅▅▆")
    phq = next(x for x in out.splitlines() if x.startswith("  PHQ-9 "))
    assert phq.endswith("▅▅▄▃")  # 16, 14, 11, 9 of 27


def test_summary_prints_one_safety_block(tmp_path: Path, run_cli) -> None:
    import shutil

    folder = tmp_path / "f"
    shutil.copytree(EXAMPLE, folder)
    form = folder / "questionnaires" / "2026-11-17-phq9.md"
    text = form.read_text(encoding="utf-8")
    lines = [x for x in text.splitlines() if not x.startswith("total:")]
    lines = [x[: x.rindex(",")] + ", 1]" if x.startswith("items:") else x for x in lines]
    form.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = run_cli(["summary", str(folder)]).stdout
    assert out.count("!! SAFETY") == 1 and out.count("Nobody monitors these files") == 1
    assert "the latest form" not in out  # the neutral line never stands beside the notice
