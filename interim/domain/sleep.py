"""Sleep-diary arithmetic (Consensus Sleep Diary; Carney et al. 2012, Sleep 35:287–302).

All values are minutes on the wall clock. Times are read in diary order — bedtime,
lights out, final wake, out of bed — and a time earlier than the one before it is the next
day, so 23:30 → 06:50 is 7 h 20 min, never negative:

    TIB = out_of_bed − bedtime
    TST = (final_wake − lights_out) − minutes_to_sleep − minutes_awake
    SE% = TST / TIB × 100

A night with more than 16 hours in bed is a likely typo (an am/pm slip): it is reported,
never computed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from itertools import pairwise
from typing import Any

MAX_TIB = 16 * 60


@dataclass(frozen=True)
class Night:
    tib: int | None  # time in bed
    tst: int | None  # total sleep time
    se: float | None  # sleep efficiency, percent
    missing: tuple[str, ...]  # fields a complete night needs that are not filled in
    too_long: bool = False  # more than 16 h in bed
    exceeds: bool = False  # minutes awake or to sleep exceed the time between lights out and wake

    @property
    def complete(self) -> bool:
        return self.se is not None


def _percent(part: int, whole: int) -> float:
    """part / whole × 100 to one decimal, half up (321 of 400 → 80.3), as by hand: round()
    would round a tie to even on a binary float (80.25 → 80.2)."""
    exact = Decimal(part * 100) / Decimal(whole)
    return float(exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def minutes(t: dt.time) -> int:
    return t.hour * 60 + t.minute


def forward(start: dt.time, end: dt.time) -> int:
    """Minutes from start to end, moving forward on the clock (past midnight if need be)."""
    return (minutes(end) - minutes(start)) % (24 * 60)


NEEDED = ("bedtime", "lights_out", "minutes_to_sleep", "minutes_awake", "final_wake", "out_of_bed")


def night(fields: Mapping[str, Any]) -> Night:
    """One diary entry's TIB, TST and SE, or what is missing to compute them."""
    missing = tuple(name for name in NEEDED if fields.get(name) is None)
    bed, lights, wake, up = (
        fields.get(k) for k in ("bedtime", "lights_out", "final_wake", "out_of_bed")
    )
    tib = None
    if bed is not None and up is not None:
        # Sum the steps in diary order so a wrong order shows as an impossible long night.
        points = [t for t in (bed, lights, wake, up) if t is not None]
        tib = sum(forward(a, b) for a, b in pairwise(points))
        if tib > MAX_TIB:
            return Night(None, None, None, missing, too_long=True)
    if missing or tib is None:
        return Night(tib, None, None, missing)
    assert lights is not None and wake is not None  # not missing, so filled in
    asleep_window = forward(lights, wake)
    tst = asleep_window - fields["minutes_to_sleep"] - fields["minutes_awake"]
    if tst < 0:
        return Night(tib, None, None, missing, exceeds=True)
    se = _percent(tst, tib) if tib else None
    return Night(tib, tst, se, missing)
