"""Mood, and the day-by-day series of any type's numeric fields (the folder's own types use
the same code).

For each numeric field: one value per day of the period, several entries on a day combined
by the field's reducer (`reduce:` in the type: mean, max, min, last, sum); a day without an
entry is None — gaps stay gaps, never zeros, never filled in (DESIGN §2.3). The period's
mean, lowest and highest are over days with a value (n says how many), and the change is
against the previous period's mean, in words by the field's `better:` direction.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass

from interim.domain.model import Record, Value
from interim.summary.data import (
    Data,
    Number,
    difference,
    direction,
    exact_mean,
    half_up,
    label,
    most_common,
)
from interim.summary.period import Span
from interim.summary.scope import Scope
from interim.types.language import NUMERIC, FieldSpec, RecordType


@dataclass
class DayValue(Data):
    date: dt.date
    value: float | None  # None: no entry that day (a gap, not a zero)
    entries: int  # entries that day with this field filled in


@dataclass
class Series(Data):
    field: str
    """`"anxiety"`, `"Anxiety"`"""
    label: str
    range: str  # "0–10 (0 worst, 10 best)"
    """`"0–10 (0 calm, 10 most anxious)"`"""
    min: float | None
    """the field's range"""
    max: float | None
    better: str | None  # "higher", "lower" or None
    """`"higher"`, `"lower"`"""
    reduce: str
    """how a day's entries combine: `mean`, `max`, `min`, `last` (latest time), `sum`"""
    daily: list[DayValue]
    """one per day of the period (of its last 92 days and those since its first record, when it is
    longer)"""
    mean: float | None
    """over days with a value"""
    lowest: float | None
    highest: float | None
    n: int
    """days with a value; days in the period"""
    days: int  # days in the period
    previous_mean: float | None
    """the same over the previous period"""
    previous_n: int
    change: float | None
    """mean − previous mean (of the shown, rounded means)"""
    direction: str | None  # "better", "worse", "no change" (or "higher"/"lower")
    missing_days: list[dt.date]
    """days of `daily` without a value"""


def reduce_day(values: list[Number], how: str) -> Number:
    """Combine one day's values (in time order) by the field's reducer."""
    if how == "max":
        return max(values)
    if how == "min":
        return min(values)
    if how == "last":
        return values[-1]
    if how == "sum":
        return sum(values)
    mean = exact_mean(values)
    assert mean is not None
    return mean


def daily_values(records: list[Record], name: str, how: str) -> dict[dt.date, Number]:
    """Day → combined value, from records already sorted by date and time."""
    by_day: dict[dt.date, list[Number]] = defaultdict(list)
    for r in records:
        value = r.get(name)
        if r.date is not None and _is_number(value):
            by_day[r.date].append(value)
    return {day: reduce_day(values, how) for day, values in by_day.items()}


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def series(
    spec: FieldSpec,
    now: list[Record],
    before: list[Record],
    period: Span,
    shown: Span | None = None,
) -> Series:
    """`daily` and `missing_days` are over the days shown (`Scope.days`; default: the
    period), the numbers over the whole period."""
    current = daily_values(now, spec.name, spec.reduce)
    previous = list(daily_values(before, spec.name, spec.reduce).values())
    counts = Counter(r.date for r in now if _is_number(r.get(spec.name)))
    daily = [
        DayValue(d, half_up(current[d]) if d in current else None, counts.get(d, 0))
        for d in (shown or period).dates()
    ]
    values = list(current.values())
    mean = _rounded(exact_mean(values))
    before_mean = _rounded(exact_mean(previous))
    change = difference(mean, before_mean)
    return Series(
        field=spec.name,
        label=label(spec.name),
        range=spec.range_text(),
        min=spec.min,
        max=spec.max,
        better=spec.better,
        reduce=spec.reduce,
        daily=daily,
        mean=mean,
        lowest=half_up(min(values)) if values else None,
        highest=half_up(max(values)) if values else None,
        n=len(values),
        days=period.days,
        previous_mean=before_mean,
        previous_n=len(previous),
        change=change,
        direction=direction(change, spec.better),
        missing_days=[d.date for d in daily if d.value is None],
    )


def _rounded(value: Number | None) -> float | None:
    return None if value is None else half_up(value)


def numeric_series(rtype: RecordType, scope: Scope) -> list[Series]:
    """A series for every numeric field of the type, in the type's field order."""
    now = scope.in_period(rtype.name)
    before = scope.in_previous(rtype.name)
    return [
        series(spec, now, before, scope.period, scope.days)
        for spec in rtype.fields.values()
        if spec.kind in NUMERIC
    ]


@dataclass
class MoodEntry(Data):
    date: dt.date | None
    time: dt.time | None
    path: str
    values: dict[str, Value]  # numeric fields as written
    emotions: list[str]
    situation: str | None
    body: str | None


@dataclass
class EmotionCount(Data):
    name: str
    count: int


@dataclass
class MoodSummary(Data):
    entries_n: int
    """mood entries in the period"""
    series: list[Series]
    """one per numeric field of the mood type (mood, anxiety, ...)"""
    emotions: list[EmotionCount]
    """`[{name, count}]`, most frequent first (free text)"""
    entries: list[MoodEntry]
    """`[{date, time, path, values: {field: number}, emotions: [string], situation, body}]`"""


def summarise_mood(scope: Scope) -> MoodSummary | None:
    rtype = scope.types.get("mood")
    records = scope.in_period("mood")
    if rtype is None or not records:
        return None
    numeric = [n for n, s in rtype.fields.items() if s.kind in NUMERIC]
    names = Counter(e.casefold() for r in records for e in scope.texts(r.get("emotions")))
    entries = [
        MoodEntry(
            r.date,
            r.time,
            r.path,
            {n: r.get(n) for n in numeric if n in r.fields},
            scope.texts(r.get("emotions")),
            scope.text(r.get("situation")),
            scope.body(r),
        )
        for r in records
    ]
    counts = [EmotionCount(k, v) for k, v in most_common(names)]
    return MoodSummary(len(records), numeric_series(rtype, scope), counts, entries)
