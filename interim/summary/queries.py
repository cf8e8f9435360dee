"""Questions several commands ask of a folder, answered by the report's own rules so that no
two commands disagree: the open homework (`new`'s prompts, `todo`, `remind`), the next
session (`todo`, `remind`) and today's diary day (`todo`, `remind`)."""

from __future__ import annotations

import datetime as dt

from interim import clock
from interim.domain.model import Folder, Record
from interim.summary.data import day_start_of
from interim.summary.period import SessionRef, resolve_period

CLOSED = frozenset({"done", "dropped"})  # any other status, or none, is still open


def open_homework(records: list[Record]) -> list[Record]:
    """Homework not marked done or dropped, soonest due first."""
    found = [r for r in records if r.type == "homework" and r.get("status") not in CLOSED]
    return sorted(found, key=lambda r: (r.get("due") or dt.date.max, r.id))


def next_session(folder: Folder, today: dt.date) -> SessionRef | None:
    """The next session on or after today, planned or held (the report's own rule, DESIGN
    §3)."""
    return resolve_period(folder.records, until=today, settings=folder.settings).next_session


def diary_day(moment: dt.datetime, day_start: dt.time) -> dt.date:
    """Before `day_start` (04:00 by default) an entry belongs to the day before: the diary
    filled in at 1 am is the evening's."""
    if moment.time() < day_start:
        return moment.date() - dt.timedelta(days=1)
    return moment.date()


def report_today(folder: Folder) -> dt.date:
    """The pinned report date, else today by the clock, with `day_start` (at 1 am it is
    still yesterday's diary)."""
    pinned = folder.settings.report_date if folder.settings is not None else None
    return pinned or diary_day(clock.now(), day_start_of(folder.settings))
