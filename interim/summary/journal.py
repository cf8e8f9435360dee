"""The client's words: psychoeducation reading (read / not yet, takeaways, questions), weekly
check-ins (what went well, what was hard, barriers, questions, goal ratings) and notes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from interim.domain.model import Record
from interim.summary.data import Data
from interim.summary.scope import Scope


def _count(values: object) -> int:
    return sum(v is not None for v in values) if isinstance(values, list) else 0


@dataclass
class ReadingRow(Data):
    date: dt.date | None
    path: str
    title: str | None
    source: str | None
    read: dt.date | None  # the day it was finished
    status: str  # "read" or "not yet"
    takeaways: str | None
    questions: list[str]
    body: str | None


@dataclass
class ReadingSummary(Data):
    n: int
    read: int
    not_yet: int
    items: list[ReadingRow]


def summarise_reading(scope: Scope) -> ReadingSummary | None:
    """Reading dated in the period or finished in it, and anything not yet read (it stays
    on the list until it is)."""
    rows = []
    for r in scope.up_to_report("reading"):
        read = r.get("read") if isinstance(r.get("read"), dt.date) else None
        if r.date in scope.period or read in scope.period or read is None:
            rows.append(
                ReadingRow(
                    r.date,
                    r.path,
                    scope.text(r.get("title")),
                    scope.text(r.get("source")),
                    read,
                    "read" if read else "not yet",
                    scope.text(r.get("takeaways")),
                    scope.texts(r.get("questions")),
                    scope.body(r),
                )
            )
    if not rows:
        return None
    done = sum(row.read is not None for row in rows)
    return ReadingSummary(len(rows), done, len(rows) - done, rows)


@dataclass
class GoalRating(Data):
    id: str
    title: str | None  # the goal's title, shown in every profile
    rating: int | None  # 0–10


@dataclass
class CheckinRow(Data):
    date: dt.date | None
    time: dt.time | None
    path: str
    went_well: str | None
    hard: str | None
    barriers: list[str]
    questions: list[str]
    barriers_n: int  # counted in every profile
    questions_n: int
    goals: list[GoalRating]  # in the order written
    body: str | None


@dataclass
class CheckinSummary(Data):
    n: int
    checkins: list[CheckinRow]
    questions_n: int
    barriers_n: int


def summarise_checkins(scope: Scope) -> CheckinSummary | None:
    records = scope.in_period("checkin")
    if not records:
        return None
    titles = {g.id: g.get("title") for g in scope.of_type("goal")}
    rows = [_checkin(r, titles, scope) for r in records]
    return CheckinSummary(
        len(rows), rows, sum(r.questions_n for r in rows), sum(r.barriers_n for r in rows)
    )


def _checkin(r: Record, titles: dict[str, str | None], scope: Scope) -> CheckinRow:
    goals = r.get("goals")
    ratings = [
        GoalRating(k, titles.get(k), v)
        for k, v in (goals.items() if isinstance(goals, dict) else ())
    ]
    return CheckinRow(
        date=r.date,
        time=r.time,
        path=r.path,
        went_well=scope.text(r.get("went_well")),
        hard=scope.text(r.get("hard")),
        barriers=scope.texts(r.get("barriers")),
        questions=scope.texts(r.get("questions")),
        barriers_n=_count(r.get("barriers")),
        questions_n=_count(r.get("questions")),
        goals=ratings,
        body=scope.body(r),
    )


@dataclass
class NoteRow(Data):
    date: dt.date | None
    time: dt.time | None
    path: str
    title: str | None
    body: str | None


@dataclass
class NoteSummary(Data):
    n: int
    notes: list[NoteRow]


def summarise_notes(scope: Scope) -> NoteSummary | None:
    """Notes are nothing but text: a profile without free text has no notes section."""
    records = scope.in_period("note")
    if not records or not scope.free_text:
        return None
    rows = [
        NoteRow(r.date, r.time, r.path, scope.text(r.get("title")), scope.body(r)) for r in records
    ]
    return NoteSummary(len(rows), rows)
