"""`interim todo`: the client's view forward. Open homework with what is done so far
against what is expected, what is due before the next session, and whether today's diary
entries exist. The homework arithmetic is the report's own (`interim.summary.homework`), so
the two never disagree."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from interim.domain.model import Folder, Record
from interim.settings import Settings
from interim.summary.data import day_start_of, day_text, weekday
from interim.summary.homework import Rule, count_text, done_count, done_entries, expected, unit
from interim.summary.period import Period, SessionRef, Span
from interim.summary.profiles import BUILT_IN
from interim.summary.queries import next_session, open_homework
from interim.summary.scope import Scope, record_key

_DIARY = ("mood", "sleep")  # always asked about; daily homework adds its tracked type
_DAILY = ("daily", "weekdays")


@dataclass
class Task:
    id: str
    title: str
    frequency: str | None
    due: dt.date | None
    status: str | None
    done: int  # in `unit`, as in the report (interim.summary.homework)
    expected_so_far: int | None  # None: the frequency could not be read
    expected_total: int | None  # over every day to `due`; None without a due date
    days: int = 0  # distinct days with an entry
    unit: str = "entries"  # "days" for daily, weekdays and N/day homework
    entries: int = 0  # the entries counted, shown beside a count in days


@dataclass
class Todo:
    today: dt.date
    next_session: SessionRef | None
    tasks: list[Task] = field(default_factory=list)
    diary: dict[str, int] = field(default_factory=dict)  # type → entries today

    @property
    def due_before_next(self) -> list[Task]:
        """Open tasks whose due date falls by the next session (all dated ones if none is
        planned: the client still wants to know)."""
        limit = self.next_session.date if self.next_session else dt.date.max
        return [t for t in self.tasks if t.due is not None and t.due <= limit]


def build_todo(folder: Folder, today: dt.date) -> Todo:
    todo = Todo(today, next_session(folder, today))
    for hw in open_homework(folder.records):
        todo.tasks.append(_task(hw, folder, today))
    diary = list(_DIARY)
    for hw in open_homework(folder.records):
        tracked = _tracked_type(hw)
        if tracked and _is_daily(hw.get("frequency")) and tracked not in diary:
            diary.append(tracked)
    for name in diary:
        todo.diary[name] = sum(r.type == name and r.date == today for r in folder.records)
    return todo


def _tracked_type(hw: Record) -> str | None:
    track = hw.get("track")
    return str(track["type"]) if isinstance(track, dict) and track.get("type") else None


def _is_daily(frequency: Any) -> bool:
    return frequency in _DAILY or (isinstance(frequency, str) and frequency.endswith("/day"))


def _task(hw: Record, folder: Folder, today: dt.date) -> Task:
    start = (hw.get("assigned") or hw.date or today) + dt.timedelta(days=1)
    due = hw.get("due")
    so_far = _days(start, min(today, due) if due else today)
    track = hw.get("track")
    rule = (
        Rule(str(track["type"]), track.get("tag"), track.get("skill"))
        if _tracked_type(hw)
        else None
    )
    done = done_entries(hw, rule, so_far, _scope(folder, today))
    frequency = hw.get("frequency")
    return Task(
        id=hw.id,
        title=str(hw.get("title") or hw.id),
        frequency=frequency,
        due=due,
        status=hw.get("status"),
        done=done_count(frequency, [r.date for r in done], so_far),
        days=len({r.date for r in done if r.date is not None}),
        unit=unit(frequency),
        entries=len(done),
        expected_so_far=expected(hw.get("frequency"), so_far),
        expected_total=expected(hw.get("frequency"), _days(start, due)) if due else None,
    )


def _days(start: dt.date, end: dt.date) -> list[dt.date]:
    return [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]


def _scope(folder: Folder, today: dt.date) -> Scope:
    """The summary's Scope over every record, private ones included: this is the client's
    own view in their own terminal, and a private entry is still practice done."""
    period = Period(today, today, Span(today, today), "dates", None, None)
    start = day_start_of(folder.settings)
    records = sorted(folder.records, key=lambda r: record_key(r, start))
    return Scope(period, BUILT_IN["full"], folder.settings or Settings(), folder.types, records)


# -- words -----------------------------------------------------------------------------------


def todo_lines(todo: Todo) -> list[str]:
    """What `interim todo` prints."""
    lines = [f"Today: {_day(todo.today)}", _session_line(todo)]
    lines += ["", "Open homework:"] + (
        [line for t in todo.tasks for line in _task_lines(t)] or ["  none"]
    )
    if todo.tasks:
        due = todo.due_before_next
        head = "Due before the next session:" if todo.next_session else "Due (no session planned):"
        lines += ["", head] + ([f"  {_due(t)}" for t in due] or ["  nothing"])
    lines += ["", "Today's diary:"]
    width = max(len(name) for name in todo.diary)
    for name, count in todo.diary.items():
        said = f"{count} entr{'y' if count == 1 else 'ies'}" if count else "not yet"
        fix = "" if count else f" (interim new {name})"
        lines.append(f"  {name:<{width}}  {said}{fix}")
    return lines


def _day(day: dt.date) -> str:
    return f"{weekday(day)} {day_text(day)}"


def _session_line(todo: Todo) -> str:
    s = todo.next_session
    if s is None:
        return "Next session: none planned (add one with `interim new session --date …`)"
    when = f"{_day(s.date)}{f' at {s.time:%H:%M}' if s.time else ''}"
    days = (s.date - todo.today).days
    rel = "today" if days == 0 else "tomorrow" if days == 1 else f"in {days} days"
    number = f" (session {s.number})" if s.number else ""
    return f"Next session: {when}{number}, {rel}"


def _task_lines(t: Task) -> list[str]:
    head = f"  - {t.title} [{t.id}]"
    detail = [t.frequency or "no frequency", f"due {_day(t.due)}" if t.due else "no due date"]
    if t.status:
        detail.append(t.status)
    count = f"    done {count_text(t.done, t.expected_so_far, t.unit)} so far{_beside(t)}"
    if t.expected_total is not None and t.expected_total != t.expected_so_far:
        count += f"; {_of(t.expected_total, t.unit)} by the due date"
    return [head, f"    {', '.join(detail)}", count]


def _beside(t: Task) -> str:
    """Beside a count in days, the entries; beside a count in entries, the days."""
    if t.unit == "days":
        return f", {t.entries} entr{'y' if t.entries == 1 else 'ies'}" if t.entries else ""
    return f", on {t.days} day{'' if t.days == 1 else 's'}" if t.done else ""


def _of(n: int, what: str) -> str:
    return count_text(0, n, what).partition(" of ")[2]  # "42 days", "1 entry"


def _due(t: Task) -> str:
    assert t.due is not None
    return f"{_day(t.due)}: {t.title} (done {count_text(t.done, t.expected_total, t.unit)})"
