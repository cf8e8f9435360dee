"""`interim todo`: open homework with done so far against expected, what is due before the
next session, and today's diary."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from interim.commands.todo import build_todo
from interim.folder import load_folder
from interim.summary.queries import open_homework, report_today
from tests.conftest import write_file


def _record(root: Path, rel: str, **fields: object) -> None:
    lines = ["---"] + [f"{k}: {v}" for k, v in fields.items()] + ["---", ""]
    write_file(root, rel, "\n".join(lines))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    write_file(tmp_path, "interim.yaml", "report_date: 2026-11-15\n")
    _record(tmp_path, "sessions/2026-11-11.md", type="session", date="2026-11-11", status="held")
    _record(tmp_path, "sessions/2026-11-18.md", type="session", date="2026-11-18",
            time='"17:30"', number=7, status="planned")  # fmt: skip
    _record(tmp_path, "homework/2026-11-11-mood-diary.md", type="homework", date="2026-11-11",
            title="Mood diary", frequency="daily", track="mood", due="2026-11-18",
            status="in-progress")  # fmt: skip
    _record(tmp_path, "homework/2026-11-11-thought-records.md", type="homework",
            date="2026-11-11", title="Thought records", frequency="2/week",
            track="thought-record", due="2026-11-25")  # fmt: skip
    _record(tmp_path, "homework/2026-11-04-reading.md", type="homework", date="2026-11-04",
            title="Read the handout", frequency="once", due="2026-11-11", status="done")  # fmt: skip
    for day in (12, 13, 14, 15):
        private = "true" if day == 13 else "false"
        _record(tmp_path, f"records/2026-11-{day}-mood.md", type="mood",
                date=f"2026-11-{day}", mood=5, private=private)  # fmt: skip
    _record(tmp_path, "records/2026-11-13-tr.md", type="thought-record", date="2026-11-13")
    return tmp_path


def test_todo_in_the_terminal(folder: Path, run_cli) -> None:
    result = run_cli(["todo", str(folder)])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Today: Sun 15 Nov 2026" in out
    assert "Next session: Wed 18 Nov 2026 at 17:30 (session 7), in 3 days" in out
    assert "Mood diary [2026-11-11-mood-diary]" in out
    # Daily: counted in days. 12–15 Nov: four days so far, four entries (a private one is
    # still practice done); seven days to the due date.
    assert "done 4 of 4 days so far, 4 entries; 7 days by the due date" in out
    # 2/week: counted in entries. Over 4 days: 8/7 rounds to 1; over 14 days: 4.
    assert "done 1 of 1 entry so far, on 1 day; 4 entries by the due date" in out
    assert "Read the handout" not in out  # done homework is not open
    due = out.split("Due before the next session:")[1].split("Today's diary:")[0]
    assert "Mood diary" in due and "Thought records" not in due  # due after the session
    assert "mood   1 entry" in out
    assert "sleep  not yet (interim new sleep)" in out


def test_open_homework_and_today(folder: Path) -> None:
    loaded = load_folder(folder)
    assert [r.id for r in open_homework(loaded.records)] == [
        "2026-11-11-mood-diary",
        "2026-11-11-thought-records",
    ]
    assert report_today(loaded) == dt.date(2026, 11, 15)
    todo = build_todo(loaded, dt.date(2026, 11, 19))  # after the session: none planned
    assert todo.next_session is None
    assert [t.title for t in todo.due_before_next] == ["Mood diary", "Thought records"]
    mood = todo.tasks[0]
    assert (mood.done, mood.expected_so_far, mood.expected_total) == (4, 7, 7)
    assert (mood.unit, mood.entries) == ("days", 4)


def test_todo_counts_a_twice_kept_diary_in_days(folder: Path, run_cli) -> None:
    """Issue 13: a second entry on a day is not a day ahead."""
    _record(folder, "records/2026-11-14-mood-2.md", type="mood", date="2026-11-14", mood=6)
    _record(folder, "records/2026-11-15-mood-2.md", type="mood", date="2026-11-15", mood=6)
    out = run_cli(["todo", str(folder)]).output
    assert "done 4 of 4 days so far, 6 entries; 7 days by the due date" in out
    assert "Wed 18 Nov 2026: Mood diary (done 4 of 7 days)" in out


def test_an_empty_folder(tmp_path: Path, run_cli) -> None:
    result = run_cli(["todo", str(tmp_path)])
    assert result.exit_code == 0
    assert "Next session: none planned" in result.output
    assert "Open homework:\n  none" in result.output


def test_day_start_for_today(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from interim import clock

    monkeypatch.setattr(clock, "now", lambda: dt.datetime(2026, 11, 20, 1, 30))
    assert report_today(load_folder(tmp_path)) == dt.date(2026, 11, 19)


def test_daily_homework_adds_its_type_to_the_diary(folder: Path) -> None:
    _record(folder, "homework/2026-11-12-practice.md", type="homework", date="2026-11-12",
            title="Worry time", frequency="daily", track="{type: practice, skill: worry time}")  # fmt: skip
    todo = build_todo(load_folder(folder), dt.date(2026, 11, 15))
    assert todo.diary == {"mood": 1, "sleep": 0, "practice": 0}
