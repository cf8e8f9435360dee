"""The calendar strip (DESIGN §4.4): for each day of the period, which kinds of entry it has
and how many. It shows pacing ("all done the night before") and gaps at a glance."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from interim.summary.custom import custom_types
from interim.summary.data import Data, weekday
from interim.summary.profiles import SECTION_IDS, SECTION_OF_TYPE
from interim.summary.scope import Scope


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


def calendar(scope: Scope) -> list[CalendarDay]:
    """Shown records only (never private ones), and only types whose section the profile
    includes (a profile that leaves out eating does not reveal eating entries here)."""
    by_day: dict[dt.date, Counter[str]] = {}
    sections = _sections(scope)
    for r in scope.records:
        section = SECTION_OF_TYPE.get(r.type, r.type)
        if r.date is None or r.date not in scope.period:
            continue
        if section not in sections or scope.profile.shows(section):
            by_day.setdefault(r.date, Counter())[r.type] += 1
    days = []
    for day in scope.period.dates():
        counts = by_day.get(day, Counter())
        kinds = sorted(counts)
        days.append(
            CalendarDay(
                day, weekday(day), kinds, {k: counts[k] for k in kinds}, sum(counts.values())
            )
        )
    return days


def _sections(scope: Scope) -> set[str]:
    """Section ids: the built-in ones and the folder's own types."""
    return set(SECTION_IDS) | {t.name for t in custom_types(scope.types)}
