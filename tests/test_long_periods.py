"""A report over a long period costs what the folder holds, not what its dates span: the
day-by-day views start at the first record (keeping at least the last 92 days), and past 92
days the calendar strip counts weeks, past two years months — with every entry in one column."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path
from typing import Any

import pytest
from test_summary_support import rec, settings

from interim.commands.report import build_context
from interim.folder import load_folder
from interim.summary.days import calendar, unit_of
from interim.summary.period import Period, Span
from interim.summary.profiles import BUILT_IN
from interim.summary.scope import SHOWN_DAYS, Scope, shown_days

D = dt.date
EXAMPLE = Path(__file__).resolve().parent.parent / "example-folder"


def period(start: dt.date, end: dt.date) -> Period:
    length = (end - start).days + 1
    if length >= (start - dt.date.min).days:
        before = Span(dt.date.min, dt.date.min)
    else:
        before = Span(start - dt.timedelta(days=length), start - dt.timedelta(days=1))
    return Period(start, end, before, "dates", None, None)


def mood(day: dt.date) -> Any:
    return rec("mood", day.isoformat(), mood=5)


def test_a_short_period_is_shown_whole() -> None:
    p = period(D(2026, 11, 1), D(2026, 11, 30))
    assert shown_days(p, [mood(D(2026, 11, 20))]) == p


def test_a_long_period_starts_at_its_first_record_or_the_last_92_days() -> None:
    end = D(2026, 11, 30)
    p = period(D(1000, 1, 1), end)
    floor = end - dt.timedelta(days=SHOWN_DAYS - 1)
    assert shown_days(p, []) == Span(floor, end)  # an empty century: 92 days
    assert shown_days(p, [mood(D(2026, 11, 20))]) == Span(floor, end)
    early = [rec("mood", None, mood=1), mood(D(2020, 3, 4)), mood(D(2026, 1, 1))]
    assert shown_days(p, early) == Span(D(2020, 3, 4), end)  # undated records are not a day
    before = [mood(D(2026, 6, 1)), mood(D(2026, 7, 9))]  # one before the period starts
    assert shown_days(period(D(2026, 7, 1), end), before) == Span(D(2026, 7, 9), end)


@pytest.mark.parametrize(
    ("days", "unit"),
    [(1, "day"), (92, "day"), (93, "week"), (731, "week"), (732, "month")],
)
def test_the_unit_at_its_boundaries(days: int, unit: str) -> None:
    end = D(2026, 11, 30)
    assert unit_of(Span(end - dt.timedelta(days=days - 1), end)) == unit


def scope_of(records: list[Any], p: Period) -> Scope:
    return Scope.of(records, p, BUILT_IN["full"], settings())


def test_weeks_count_every_entry_once_in_its_week() -> None:
    end = D(2026, 11, 30)
    days = [D(2026, 6, 1) + dt.timedelta(days=3 * i) for i in range(60)]
    s = scope_of([mood(d) for d in days], period(D(1900, 1, 1), end))
    strip = calendar(s)
    assert unit_of(s.days) == "week"
    assert strip[0].date == D(2026, 6, 1) and strip[-1].end == end
    assert all(d.days == 7 for d in strip[:-1]) and 1 <= strip[-1].days <= 7
    assert sum(d.count for d in strip) == len(days)
    for d in strip:
        assert d.count == sum(d.date <= day <= d.end for day in days)
    for a, b in itertools.pairwise(strip):
        assert b.date == a.end + dt.timedelta(days=1)  # no gap, no overlap


def test_months_are_calendar_months_cut_to_the_span() -> None:
    end = D(2026, 11, 17)
    days = [D(2021, 2, 14), D(2021, 2, 28), D(2024, 2, 29), D(2026, 11, 17)]
    strip = calendar(scope_of([mood(d) for d in days], period(D(1000, 1, 1), end)))
    assert strip[0].date == D(2021, 2, 14) and strip[0].end == D(2021, 2, 28)
    assert strip[0].count == 2 and strip[0].days == 15
    leap = next(d for d in strip if d.date == D(2024, 2, 1))
    assert (leap.end, leap.days, leap.count) == (D(2024, 2, 29), 29, 1)
    assert (strip[-1].date, strip[-1].end, strip[-1].count) == (D(2026, 11, 1), end, 1)
    assert sum(d.count for d in strip) == len(days)


def test_the_last_month_of_the_calendar_does_not_overflow() -> None:
    end = dt.date.max
    strip = calendar(scope_of([mood(D(9990, 1, 1))], period(D(9990, 1, 1), end)))
    assert strip[-1].date == D(9999, 12, 1) and strip[-1].end == end


def test_an_empty_century_gives_the_report_of_its_last_92_days() -> None:
    """Whatever the `--since`, the day-by-day data are the same once it is before the
    records: the work is in the records, not in the dates."""
    loaded = load_folder(EXAMPLE)
    far = build_context(loaded, since="1000-01-01").to_data()
    near = build_context(loaded, since="1990-01-01").to_data()
    assert far["calendar"] == near["calendar"]
    assert far["glance"]["homework"] == near["glance"]["homework"]
    assert len(far["calendar"]["days"]) == SHOWN_DAYS
    mood_series = next(s for s in far["sections"] if s["id"] == "mood")["data"]["series"][0]
    assert len(mood_series["daily"]) == SHOWN_DAYS
    assert mood_series["days"] == far["period"]["days"]  # the numbers are over the period


def test_the_shown_records_between_two_days() -> None:
    records = [mood(D(2026, 11, d)) for d in (1, 3, 3, 5, 9)] + [rec("note", None)]
    s = scope_of(records, period(D(2026, 11, 1), D(2026, 11, 30)))
    assert [r.date for r in s.between(D(2026, 11, 2), D(2026, 11, 5))] == [D(2026, 11, 3)] * 2 + [
        D(2026, 11, 5)
    ]
    assert s.between(D(2026, 11, 10), D(2026, 11, 30)) == []


@pytest.mark.parametrize("fmt", ["html", "md", "json", "csv", "pdf"])
def test_records_at_the_end_of_the_calendar(
    tmp_path: Path, write: Any, run_cli: Any, fmt: str
) -> None:
    """A year typo puts records in 9999: a report still renders, in every format, on the
    latest report date interim takes (9000-12-31: a report reaches days past its date, so
    one dated at the calendar's end is a usage error, tests/test_config.py), and on a
    report date of 9999 the command says so instead of failing inside."""
    root = tmp_path / "f"
    write(root, "a.md", "---\ntype: mood\ndate: 9999-01-03\nmood: 5\n---\n")
    write(root, "b.md", "---\ntype: eating\ndate: 9999-01-04\ntime: 12:00\nwhat: toast\n---\n")
    out = tmp_path / f"r.{fmt}"
    args = ["report", str(root), "--since", "8990-01-01", "-o", str(out)]
    result = run_cli([*args, "--until", "9000-12-31"])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0
    result = run_cli([*args, "--until", "9999-12-31"])
    assert result.exit_code == 2 and "a report date must be between" in result.stderr
