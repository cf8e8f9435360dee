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
    latest = report_date(folder) + AHEAD
    out = []
    for r in folder.records:
        for name, value in _dates(r):
            if value.year < EARLIEST_YEAR or value > latest:
                out.append(_warning(r, name, value, latest))
    return out


def _dates(r: Record) -> list[tuple[str, dt.date]]:
    found = [("date", r.date)] if r.date is not None else []
    for name, value in r.fields.items():
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            found.append((name, value))
    return found


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
