"""Pacing: were the entries spread over the period, or made in a rush at one end ("all done
the night before the session")?

Rule (one rule, written in the report beside the label): compare the share of the entries
made in the period's first two days, and in its last two days, with the share an even
spread puts in two days (2 / period days). A share at least twice the even share *and* at
least half of all entries is "mostly at the start" (or "at the end"). Otherwise "even",
which here means "not bunched at either end". Periods shorter than 5 days have no separate
start and end ("too short to judge"); fewer than 2 entries make no pattern.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from fractions import Fraction

from interim.summary.data import Data, half_up
from interim.summary.period import Span

MIN_DAYS = 5
MIN_ENTRIES = 2
RULE = (
    "Mostly at the start (or end): at least half of the entries, and at least twice an "
    "even spread's share, fell in the period's first (or last) two days."
)


@dataclass
class Pacing(Data):
    label: str  # "even", "mostly at the start", "mostly at the end", "at the start and
    # the end", "too short to judge", "too few entries to judge", "no entries"
    strip: list[int]  # entries on each day of the period, first day first
    n: int  # entries it rests on
    first_two_share: float | None  # 0–1
    last_two_share: float | None
    even_share: float | None  # what an even spread puts in two days
    rule: str = RULE


def pacing(dates: list[dt.date], period: Span) -> Pacing:
    counts = Counter(d for d in dates if d in period)
    strip = [counts.get(day, 0) for day in period.dates()]
    n = sum(strip)
    if period.days < MIN_DAYS:
        return Pacing("too short to judge", strip, n, None, None, None)
    if n == 0:
        return Pacing("no entries", strip, n, None, None, None)
    even = Fraction(2, period.days)
    first = Fraction(sum(strip[:2]), n)
    last = Fraction(sum(strip[-2:]), n)
    shares = (half_up(first, 2), half_up(last, 2), half_up(even, 2))
    if n < MIN_ENTRIES:
        return Pacing("too few entries to judge", strip, n, *shares)
    at_start = first >= 2 * even and first >= Fraction(1, 2)
    at_end = last >= 2 * even and last >= Fraction(1, 2)
    if at_start and at_end:
        text = "at the start and the end"
    elif at_start or at_end:
        text = "mostly at the start" if at_start else "mostly at the end"
    else:
        text = "even"
    return Pacing(text, strip, n, *shares)
