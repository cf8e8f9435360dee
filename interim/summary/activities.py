"""Behavioural activation (activities planned and done, pleasure and mastery, mood before and
after) and skills practice (days and minutes per skill)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from interim.domain.model import Record
from interim.summary.data import Data, Stat, paired_change, stat
from interim.summary.scope import Scope


@dataclass
class ActivityRow(Data):
    date: dt.date | None
    time: dt.time | None
    path: str
    activity: str | None
    planned: bool | None
    done: bool | None
    pleasure: int | None  # 0–10
    mastery: int | None  # 0–10
    mood_before: int | None  # 0–10
    mood_after: int | None
    body: str | None


@dataclass
class ActivitySummary(Data):
    n: int
    planned: int  # entries marked planned
    planned_done: int  # of those, marked done
    unplanned_done: int  # done without being planned
    not_done: int  # marked not done
    pleasure: Stat
    mastery: Stat
    mood_before: Stat
    mood_after: Stat
    mood_change: Stat  # mean after − before over entries with both
    activities: list[ActivityRow]


def _activity(r: Record, scope: Scope) -> ActivityRow:
    g = r.get
    return ActivityRow(
        r.date,
        r.time,
        r.path,
        scope.text(g("activity")),
        g("planned"),
        g("done"),
        g("pleasure"),
        g("mastery"),
        g("mood_before"),
        g("mood_after"),
        scope.body(r),
    )


def summarise_activities(scope: Scope) -> ActivitySummary | None:
    records = scope.in_period("activity")
    if not records:
        return None
    rows = [_activity(r, scope) for r in records]
    return ActivitySummary(
        n=len(rows),
        planned=sum(r.planned is True for r in rows),
        planned_done=sum(r.planned is True and r.done is True for r in rows),
        unplanned_done=sum(r.planned is False and r.done is True for r in rows),
        not_done=sum(r.done is False for r in rows),
        pleasure=stat(r.pleasure for r in rows),
        mastery=stat(r.mastery for r in rows),
        mood_before=stat(r.mood_before for r in rows),
        mood_after=stat(r.mood_after for r in rows),
        mood_change=paired_change((r.mood_before, r.mood_after) for r in rows),
        activities=rows,
    )


# -- skills practice ---------------------------------------------------------------------


@dataclass
class PracticeRow(Data):
    date: dt.date | None
    time: dt.time | None
    path: str
    minutes: int | None
    helpfulness: int | None  # 0–10
    body: str | None


@dataclass
class SkillGroup(Data):
    number: int
    skill: str | None  # as first written (free text)
    sessions: int
    days: int  # distinct days practised
    dates: list[dt.date]
    minutes: int  # total, over sessions that say
    minutes_n: int
    helpfulness: Stat
    practices: list[PracticeRow]


@dataclass
class PracticeSummary(Data):
    n: int
    skills: list[SkillGroup]


def summarise_practice(scope: Scope) -> PracticeSummary | None:
    records = scope.in_period("practice")
    if not records:
        return None
    groups: dict[str, tuple[object, list[Record]]] = {}
    for r in records:
        key = " ".join(str(r.get("skill") or "").split()).casefold()
        groups.setdefault(key, (r.get("skill"), []))[1].append(r)
    skills = [_skill(i + 1, skill, rs, scope) for i, (skill, rs) in enumerate(groups.values())]
    return PracticeSummary(len(records), skills)


def _skill(number: int, skill: object, records: list[Record], scope: Scope) -> SkillGroup:
    rows = [
        PracticeRow(r.date, r.time, r.path, r.get("minutes"), r.get("helpfulness"), scope.body(r))
        for r in records
    ]
    dates = sorted({r.date for r in records if r.date is not None})
    minutes = [row.minutes for row in rows if row.minutes is not None]
    return SkillGroup(
        number=number,
        skill=scope.text(skill),
        sessions=len(rows),
        days=len(dates),
        dates=dates,
        minutes=sum(minutes),
        minutes_n=len(minutes),
        helpfulness=stat(row.helpfulness for row in rows),
        practices=rows,
    )
