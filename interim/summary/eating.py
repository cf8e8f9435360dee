"""Eating self-monitoring (CBT-E, Fairburn 2008): episodes, binges and compensatory
behaviours, counted per week of the period.

Weeks are counted from the period's first day (days 1–7, 8–14, ...), so the last one may be
shorter; each says how many days it has. The per-week rate is total × 7 / period days. Of a
long period, the weeks listed start with the one that holds the first day the report shows
day by day (`Scope.days`).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from fractions import Fraction

from interim.domain.model import Record
from interim.summary.data import Data, half_up
from interim.summary.period import Span, ahead
from interim.summary.scope import Scope

BEHAVIOURS = ("vomit", "laxative", "exercise", "other")


@dataclass
class EatingRow(Data):
    date: dt.date | None
    time: dt.time | None
    path: str
    food: str | None
    place: str | None
    binge: bool | None
    compensatory: list[str]  # from the fixed list: vomit, laxative, exercise, other
    context: str | None
    body: str | None


@dataclass
class Week(Data):
    start: dt.date
    end: dt.date
    days: int
    episodes: int
    binges: int
    compensatory: int  # behaviours recorded (one entry may record several)


@dataclass
class EatingSummary(Data):
    n: int  # eating episodes recorded
    binges: int
    compensatory: dict[str, int]  # behaviour → times recorded
    weeks: list[Week]
    per_week: dict[str, float]  # {episodes, binges, compensatory}, total × 7 / days
    entries: list[EatingRow]


def _compensatory(r: Record) -> list[str]:
    values = r.get("compensatory")
    return [str(v) for v in values if v is not None] if isinstance(values, list) else []


def _weeks(rows: list[EatingRow], period: Span, shown: Span) -> list[Week]:
    """Weeks from the period's first day; of a long period only those from the week that
    holds `shown`'s first day (`Scope.days`: never a run of empty weeks before the records)."""
    by_week: dict[int, list[EatingRow]] = {}
    for r in rows:
        if r.date is not None and r.date in period:
            by_week.setdefault((r.date - period.start).days // 7, []).append(r)
    out = []
    week = (shown.start - period.start).days // 7
    start = period.start + dt.timedelta(days=7 * week)
    while start <= period.end:
        end = min(ahead(start, 6), period.end)
        inside = by_week.get(week, [])
        out.append(
            Week(
                start,
                end,
                (end - start).days + 1,
                len(inside),
                sum(r.binge is True for r in inside),
                sum(len(r.compensatory) for r in inside),
            )
        )
        if end == period.end:
            break
        start, week = end + dt.timedelta(days=1), week + 1
    return out


def summarise_eating(scope: Scope) -> EatingSummary | None:
    records = scope.in_period("eating")
    if not records:
        return None
    rows = [
        EatingRow(
            r.date,
            r.time,
            r.path,
            scope.text(r.get("food")),
            scope.text(r.get("place")),
            r.get("binge"),
            _compensatory(r),
            scope.text(r.get("context")),
            scope.body(r),
        )
        for r in records
    ]
    counts = Counter(b for row in rows for b in row.compensatory)
    binges = sum(row.binge is True for row in rows)
    totals = {"episodes": len(rows), "binges": binges, "compensatory": sum(counts.values())}
    days = scope.period.days
    return EatingSummary(
        n=len(rows),
        binges=binges,
        compensatory={
            b: counts.get(b, 0) for b in (*BEHAVIOURS, *sorted(set(counts) - set(BEHAVIOURS)))
        },
        weeks=_weeks(rows, scope.period, scope.days),
        per_week={k: half_up(Fraction(v * 7, days)) for k, v in totals.items()},
        entries=rows,
    )
