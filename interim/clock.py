"""The wall clock, in one place: `new` dates an entry by it and `todo` and `remind` take
today from it. A module attribute, so a test sets the time with one monkeypatch."""

from __future__ import annotations

import datetime as dt


def now() -> dt.datetime:
    return dt.datetime.now()


# The report dates interim works with. A report reaches weeks before its date (the previous
# period, the safety window) and days after it (dates too far ahead to be meant): far from
# the calendar's ends, where such sums would overflow. Nobody's report date is outside it.
FIRST_REPORT_DATE = dt.date(1900, 1, 1)
LAST_REPORT_DATE = dt.date(9000, 12, 31)


def report_date_problem(day: dt.date) -> str | None:
    """Why `day` cannot be a report date, or None when it can."""
    if FIRST_REPORT_DATE <= day <= LAST_REPORT_DATE:
        return None
    return (
        f"a report date must be between {FIRST_REPORT_DATE.isoformat()} and "
        f"{LAST_REPORT_DATE.isoformat()}; got {day.isoformat()}"
    )
