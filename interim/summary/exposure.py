"""Exposure practice, grouped by hierarchy step: distress (SUDS) before, at its peak and
after; how likely the feared outcome seemed before and after (expectancy violation, Craske
et al. 2014, Behav Res Ther 58:10–23); and whether it happened."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from interim.domain.model import Record
from interim.summary.data import Data, Stat, paired_change, stat
from interim.summary.scope import Scope


@dataclass
class ExposureRow(Data):
    date: dt.date | None
    time: dt.time | None
    path: str
    planned: bool | None
    minutes: int | None
    suds_before: int | None  # 0–100
    suds_peak: int | None
    suds_after: int | None
    expectancy_before: int | None  # 0–100, how likely the feared outcome seemed
    expectancy_after: int | None
    feared_outcome: str | None
    feared_outcome_happened: str | None  # yes, no, partly
    safety_behaviours: list[str]
    learned: str | None
    body: str | None


@dataclass
class StepGroup(Data):
    number: int  # 1 for the first step practised in the period
    step: str | None  # the step as first written (free text)
    n: int
    practices: list[ExposureRow]
    suds_before: Stat
    suds_peak: Stat
    suds_after: Stat
    expectancy_before: Stat
    expectancy_after: Stat
    expectancy_change: Stat  # mean after − before over practices with both
    happened: dict[str, int]  # {yes, partly, no, not recorded}
    minutes: int  # total minutes, over practices that say
    minutes_n: int


@dataclass
class ExposureSummary(Data):
    n: int
    steps: list[StepGroup]


def _row(r: Record, scope: Scope) -> ExposureRow:
    g = r.get
    return ExposureRow(
        date=r.date,
        time=r.time,
        path=r.path,
        planned=g("planned"),
        minutes=g("minutes"),
        suds_before=g("suds_before"),
        suds_peak=g("suds_peak"),
        suds_after=g("suds_after"),
        expectancy_before=g("expectancy_before"),
        expectancy_after=g("expectancy_after"),
        feared_outcome=scope.text(g("feared_outcome")),
        feared_outcome_happened=g("feared_outcome_happened"),
        safety_behaviours=scope.texts(g("safety_behaviours")),
        learned=scope.text(g("learned")),
        body=scope.body(r),
    )


def _group(number: int, step: object, rows: list[ExposureRow], scope: Scope) -> StepGroup:
    happened = {"yes": 0, "partly": 0, "no": 0, "not recorded": 0}
    for row in rows:
        happened[row.feared_outcome_happened or "not recorded"] += 1
    minutes = [row.minutes for row in rows if row.minutes is not None]
    return StepGroup(
        number=number,
        step=scope.text(step),
        n=len(rows),
        practices=rows,
        suds_before=stat(row.suds_before for row in rows),
        suds_peak=stat(row.suds_peak for row in rows),
        suds_after=stat(row.suds_after for row in rows),
        expectancy_before=stat(row.expectancy_before for row in rows),
        expectancy_after=stat(row.expectancy_after for row in rows),
        expectancy_change=paired_change((r.expectancy_before, r.expectancy_after) for r in rows),
        happened=happened,
        minutes=sum(minutes),
        minutes_n=len(minutes),
    )


def step_key(step: object) -> str:
    """Steps are the same when they differ only in case and spacing."""
    return " ".join(str(step or "").split()).casefold()


def summarise_exposure(scope: Scope) -> ExposureSummary | None:
    records = scope.in_period("exposure")
    if not records:
        return None
    groups: dict[str, tuple[object, list[ExposureRow]]] = {}
    for r in records:  # in date order, so steps come in the order first practised
        key = step_key(r.get("step"))
        groups.setdefault(key, (r.get("step"), []))[1].append(_row(r, scope))
    steps = [_group(i + 1, step, rows, scope) for i, (step, rows) in enumerate(groups.values())]
    return ExposureSummary(len(records), steps)
