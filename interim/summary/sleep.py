"""Sleep: the nightly diary table (TIB, TST, SE from `interim.domain.sleep.night`, Consensus Sleep
Diary, Carney et al. 2012), averages over complete nights as "n of expected", the change in
sleep efficiency, and — only when the clinician turns it on — a sleep-window suggestion.

A diary's `date` is the morning it is filled in, so the night of 16→17 Nov is 17 Nov.
A partial night is shown with what is missing and never averaged; a night with more than
16 h in bed is shown as a likely typo, never computed (DESIGN §2.3).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from interim.domain.model import Record
from interim.domain.sleep import Night, night
from interim.summary.data import (
    Data,
    Stat,
    difference,
    direction,
    half_up_int,
    hours_text,
    stat,
)
from interim.summary.mood import DayValue
from interim.summary.scope import Scope
from interim.summary.sleep_window import Window, sleep_window


@dataclass
class NightRow(Data):
    date: dt.date | None  # the morning
    path: str
    bedtime: dt.time | None
    lights_out: dt.time | None
    final_wake: dt.time | None
    out_of_bed: dt.time | None
    minutes_to_sleep: int | None
    awakenings: int | None
    minutes_awake: int | None
    tib: int | None  # minutes in bed
    tst: int | None  # minutes asleep
    se: float | None  # sleep efficiency, %
    status: str  # "complete", "partial", "likely typo", "minutes do not fit"
    missing: list[str]  # fields a complete night needs that are not filled in
    counted: bool  # in the averages (complete, and the first diary for its night)
    quality: int | None  # 1–5
    naps_minutes: int | None
    caffeine: int | None
    alcohol: int | None
    medication: str | None
    has_errors: bool
    body: str | None


@dataclass
class PartialNight(Data):
    date: dt.date | None
    path: str
    missing: list[str]


@dataclass
class NightRef(Data):
    date: dt.date | None
    path: str


@dataclass
class SleepSummary(Data):
    nights: list[NightRow]
    """one per diary, see below"""
    expected: int
    """nights in the period"""
    complete: int
    """complete nights in the averages"""
    n_text: str
    """`"11 of 14 nights"`"""
    tib: Stat
    """mean time in bed, total sleep time (minutes), sleep efficiency (%) over complete nights"""
    tst: Stat
    se: Stat
    tib_text: str | None
    """`"7 h 20 min"`"""
    tst_text: str | None
    previous_se: Stat
    """sleep efficiency over the previous period"""
    se_change: float | None
    """change against it"""
    se_direction: str | None
    target: int
    """the efficiency target line (`sleep.efficiency_target`)"""
    daily_se: list[DayValue]
    """each night's efficiency by morning, `null` without a complete night (over the days the
    day-by-day views show: the period, or its last 92 days and those since its first record)"""
    partial: list[PartialNight]
    """`[{date, path, missing: [field]}]`"""
    likely_typos: list[NightRef]
    """`[{date, path}]`: more than 16 h in bed, not computed"""
    window: Window | None  # None unless settings turn the suggestion on
    """the sleep-window suggestion; `null` unless `sleep.window: true`"""


def _status(n: Night) -> str:
    if n.too_long:
        return "likely typo"
    if n.exceeds:
        return "minutes do not fit"
    return "complete" if n.complete else "partial"


def _row(r: Record, n: Night, counted: bool, scope: Scope) -> NightRow:
    g = r.get
    return NightRow(
        date=r.date,
        path=r.path,
        bedtime=g("bedtime"),
        lights_out=g("lights_out"),
        final_wake=g("final_wake"),
        out_of_bed=g("out_of_bed"),
        minutes_to_sleep=g("minutes_to_sleep"),
        awakenings=g("awakenings"),
        minutes_awake=g("minutes_awake"),
        tib=n.tib,
        tst=n.tst,
        se=n.se,
        status=_status(n),
        missing=list(n.missing),
        counted=counted,
        quality=g("quality"),
        naps_minutes=g("naps_minutes"),
        caffeine=g("caffeine"),
        alcohol=g("alcohol"),
        medication=scope.text(g("medication")),
        has_errors=r.has_errors,
        body=scope.body(r),
    )


def nights(records: list[Record], scope: Scope) -> list[NightRow]:
    """One row per diary. Two diaries for one night (IM302) are both shown; only the first
    complete one is averaged, so a night never counts twice."""
    seen: set[dt.date] = set()
    rows = []
    for r in records:
        n = night(r.fields)
        counted = n.complete and r.date is not None and r.date not in seen
        if counted and r.date is not None:
            seen.add(r.date)
        rows.append(_row(r, n, counted, scope))
    return rows


def summarise_sleep(scope: Scope) -> SleepSummary | None:
    rows = nights(scope.in_period("sleep"), scope)
    if not rows:
        return None
    counted = [r for r in rows if r.counted]
    before = [r for r in nights(scope.in_previous("sleep"), scope) if r.counted]
    se, previous = stat([r.se for r in counted]), stat([r.se for r in before])
    tib, tst = stat([r.tib for r in counted]), stat([r.tst for r in counted])
    change = difference(se.mean, previous.mean)
    expected = scope.period.days
    se_by_day = {r.date: r.se for r in counted}
    return SleepSummary(
        nights=rows,
        expected=expected,
        complete=len(counted),
        n_text=f"{len(counted)} of {expected} night{'' if expected == 1 else 's'}",
        tib=tib,
        tst=tst,
        se=se,
        tib_text=_hours(tib),
        tst_text=_hours(tst),
        previous_se=previous,
        se_change=change,
        se_direction=direction(change, "higher"),
        target=scope.settings.sleep.efficiency_target,
        daily_se=[DayValue(d, se_by_day.get(d), int(d in se_by_day)) for d in scope.days.dates()],
        partial=[PartialNight(r.date, r.path, r.missing) for r in rows if r.status == "partial"],
        likely_typos=[NightRef(r.date, r.path) for r in rows if r.status == "likely typo"],
        window=sleep_window(tst, se, scope.settings),
    )


def _hours(s: Stat) -> str | None:
    return None if s.mean is None else hours_text(half_up_int(s.mean))
