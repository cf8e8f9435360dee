"""Dates too far from the report date to be meant (issue 9): a year before 1900 (`0026` for
`2026`, `1026`), or more than a year after the report date (`2062`). Each is a warning at the
value: the record still counts, as written, and the report shows it where its date puts it.

This depends on the report date, so it runs on the whole folder after every load, never from
a file's cached result (interim.folder.folder_notices).
"""

from __future__ import annotations

import datetime as dt

from interim.diagnostics import Diagnostic, diag
from interim.domain.model import Folder, Record

EARLIEST_YEAR = 1900
AHEAD = dt.timedelta(days=366)


def report_date(folder: Folder) -> dt.date:
    """The default report date: the one the settings pin, else today."""
    pinned = folder.settings.report_date if folder.settings is not None else None
    return pinned or dt.date.today()


def implausible_dates(folder: Folder) -> list[Diagnostic]:
    """Every date of every record (its `date`, then each date field in order) before 1900 or
    more than a year after the report date. One pass, comparisons only: it runs on every
    load of a changed folder, the watcher's included."""
    latest = report_date(folder) + AHEAD
    earliest = dt.date(EARLIEST_YEAR, 1, 1)
    out = []
    for r in folder.records:
        day = r.date
        if day is not None and not earliest <= day <= latest:
            out.append(_warning(r, "date", day, latest))
        for name, value in r.fields.items():
            # A date, not a datetime (a subclass of date: a time of day is no typo's sign).
            if type(value) is dt.date and not earliest <= value <= latest:
                out.append(_warning(r, name, value, latest))
    return out


def _warning(r: Record, name: str, value: dt.date, latest: dt.date) -> Diagnostic:
    line, col = r.position(name)
    if value.year < EARLIEST_YEAR:
        why = f"the year {value.year} is before {EARLIEST_YEAR}"
    else:
        why = f"it is more than a year after the report date ({(latest - AHEAD).isoformat()})"
    return diag(
        "IM225",
        r.path,
        line,
        col,
        f"`{name}` is {value.isoformat()}: {why}, so it is probably a typo",
        "check the year; the entry is shown under the date as written",
    )
