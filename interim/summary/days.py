"""The calendar strip (DESIGN §4.4): for each day of the period, which kinds of entry it has
and how many. It shows pacing ("all done the night before") and gaps at a glance.

A strip covers the scope's `days` (never a long run of days before the first entry). Past
`SHOWN_DAYS` days a column is a week, past two years a calendar month, so a report over all
dates draws a strip one can read, at a cost that does not grow with the dates it spans."""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter
from dataclasses import dataclass

from interim.summary.custom import custom_types
from interim.summary.data import Data, weekday
from interim.summary.period import Span, ahead
from interim.summary.profiles import SECTION_IDS, SECTION_OF_TYPE
from interim.summary.scope import SHOWN_DAYS, Scope


@dataclass
class CalendarDay(Data):
    date: dt.date
    weekday: str
    """`"Mon"` … `"Sun"` (not localised)"""
    kinds: list[str]
    """record types with entries that day, sorted"""
    counts: dict[str, int]
    """type → number of entries"""
    count: int
    """all entries that day"""
    end: dt.date
    """the last day the entry covers: its `date` for a day, else the week's or month's last day
    (within the period)"""
    days: int
    """days it covers: 1, or up to 7 (a week) or 31 (a month)"""


WEEKS_FROM = SHOWN_DAYS  # a strip longer than this is drawn by week
MONTHS_FROM = 731  # and longer than two years, by month


def unit_of(span: Span) -> str:
    """`"day"`, `"week"` or `"month"`: what one column of a strip over `span` covers."""
    if span.days > MONTHS_FROM:
        return "month"
    return "week" if span.days > WEEKS_FROM else "day"


def calendar(scope: Scope) -> list[CalendarDay]:
    """Shown records only (never private ones), and only types whose section the profile
    includes (a profile that leaves out eating does not reveal eating entries here)."""
    span = scope.days
    bins = _bins(span, unit_of(span))
    starts = [first for first, _ in bins]
    by_bin: dict[int, Counter[str]] = {}
    sections = _sections(scope)
    for r in scope.records:
        section = SECTION_OF_TYPE.get(r.type, r.type)
        if r.date is None or r.date not in span:
            continue
        if section not in sections or scope.profile.shows(section):
            by_bin.setdefault(bisect.bisect_right(starts, r.date) - 1, Counter())[r.type] += 1
    days = []
    for i, (first, last) in enumerate(bins):
        counts = by_bin.get(i, Counter())
        kinds = sorted(counts)
        days.append(
            CalendarDay(
                first,
                weekday(first),
                kinds,
                {k: counts[k] for k in kinds},
                sum(counts.values()),
                last,
                (last - first).days + 1,
            )
        )
    return days


def _bins(span: Span, unit: str) -> list[tuple[dt.date, dt.date]]:
    """First and last day of each column: days; weeks from the span's first day; calendar
    months (the first and last cut to the span)."""
    out = []
    first = span.start
    while first <= span.end:
        if unit == "day":
            last = first
        elif unit == "week":
            last = ahead(first, 6)
        elif (first.year, first.month) == (dt.MAXYEAR, 12):
            last = span.end
        else:
            following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
            last = following - dt.timedelta(days=1)
        last = min(last, span.end)
        out.append((first, last))
        if last == span.end:
            break  # (the calendar's last day has no day after it)
        first = last + dt.timedelta(days=1)
    return out


def _sections(scope: Scope) -> set[str]:
    """Section ids: the built-in ones and the folder's own types."""
    return set(SECTION_IDS) | {t.name for t in custom_types(scope.types)}
