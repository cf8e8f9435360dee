"""Pacing: were a homework's entries spread over the days it ran, or made in a rush at one
end ("all done the night before the session")?

Rule (one rule, written in the report beside the label): over the days the homework was
active within the period (all of the period when no active days are given), compare the
share of the entries made on the first two of those days, and on the last two, with the
share an even spread puts in two days (2 / active days). A share at least twice the even
share *and* at least half of all entries is "mostly at the start" (or "at the end").
Otherwise "even", which here means "not bunched at either end". Fewer than 5 active days
have no separate start and end ("too short to judge"): a task that ran for 3 days and was
done on all 3 is not "mostly at the end". Fewer than 2 entries make no pattern.

The strip covers the days the report draws day by day (`Scope.days`: the period, or, for a
long one, its last 92 days and those since its first record), first day first, with `active`
saying which of its days the homework ran on.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from interim.summary.data import Data, half_up
from interim.summary.period import Span

MIN_DAYS = 5
MIN_ENTRIES = 2
RULE = (
    "Mostly at the start (or end): at least half of the entries, and at least twice an "
    "even spread's share, fell in the first (or last) two days the homework ran."
)


@dataclass
class Pacing(Data):
    label: str
    """`"even"` (not bunched at either end), `"mostly at the start"`, `"mostly at the end"`, `"at
    the start and the end"`, `"too short to judge"` (it ran on under 5 days of the period), `"too
    few entries to judge"` (under 2), `"no entries"`"""
    strip: list[int]
    """on each day of the period, first day first: the entries, or for homework counted in days
    (`daily`, `weekdays`, `N/day`) 1 on each day that counts as done (for a period over 92 days,
    only its last 92 days and those since its first record: `start` is the first)"""
    n: int
    """the marks of `strip` it rests on: entries, or days done for homework counted in days"""
    first_two_share: float | None
    """share (0–1) of the entries on the first / last two days it ran"""
    last_two_share: float | None  # of the last two active days
    even_share: float | None
    """the share an even spread puts in two days (2 / days it ran)"""
    rule: str = RULE
    """the rule in words: a share at least half of all entries and at least twice the even share
    counts as "mostly"; judged over the days it ran, not the whole period"""
    active: list[bool] = field(default_factory=list)  # per strip day: did the homework run
    """for each day of `strip`: whether the homework ran that day (from the day after it was
    assigned through its due date)"""
    start: dt.date | None = None
    """the strip's first day (the period's first day, unless the period is long: see `strip`)"""


def pacing(
    dates: list[dt.date],
    period: Span,
    active: Sequence[dt.date] | None = None,
    shown: Span | None = None,
) -> Pacing:
    """Entries on `dates`, judged over the `active` days (default: the whole period); the
    strip over `shown` (default: the period)."""
    window = period.dates() if active is None else sorted(d for d in set(active) if d in period)
    ran = set(window)
    counts = Counter(d for d in dates if d in period)
    days = (shown or period).dates()
    strip = [counts.get(day, 0) for day in days]
    flags = [day in ran for day in days]
    first_day = days[0] if days else None
    judged = [counts.get(day, 0) for day in window]
    n = sum(strip)
    if len(window) < MIN_DAYS:
        return Pacing(
            "too short to judge", strip, n, None, None, None, active=flags, start=first_day
        )
    if n == 0:
        return Pacing("no entries", strip, n, None, None, None, active=flags, start=first_day)
    even = Fraction(2, len(window))
    first = Fraction(sum(judged[:2]), n)
    last = Fraction(sum(judged[-2:]), n)
    shares = (half_up(first, 2), half_up(last, 2), half_up(even, 2))
    if n < MIN_ENTRIES:
        return Pacing("too few entries to judge", strip, n, *shares, active=flags, start=first_day)
    at_start = first >= 2 * even and first >= Fraction(1, 2)
    at_end = last >= 2 * even and last >= Fraction(1, 2)
    if at_start and at_end:
        text = "at the start and the end"
    elif at_start or at_end:
        text = "mostly at the start" if at_start else "mostly at the end"
    else:
        text = "even"
    return Pacing(text, strip, n, *shares, active=flags, start=first_day)
