"""The report's period (DESIGN §3 "Periods").

Both ends are inclusive days. The report date is `until` (default: the date the settings
pin, else today). `since` is a date, `Nd` (the N days ending on the report date) or
`last-session` (the default): the day after the latest session held *before* the report
date — a session on the report date itself is the one being prepared for. With no held
session before it, the last 14 days.

The previous period is the session interval before: from the day after the held session
before the last one, through the day of the last one (so the two periods touch). With only
one held session, or with an explicit `since`, it is the same number of days just before.

The next session is the earliest one on or after the report date that is planned or held
(for a report date in the past, a session since held did come next); cancelled and missed
sessions are not next sessions.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from interim.domain.model import Record
from interim.errors import InterimError
from interim.settings import Settings
from interim.summary.data import Data, Json, day_start_of, day_text, plain, time_key

DEFAULT_DAYS = 14
_DAYS = re.compile(r"(\d+)\s*d\Z", re.IGNORECASE)
_ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Span(Data):
    start: dt.date
    """first and last day, both inclusive; `end` is the report date"""
    end: dt.date

    @property
    def days(self) -> int:
        """days in the period"""
        return (self.end - self.start).days + 1

    def dates(self) -> list[dt.date]:
        return [self.start + dt.timedelta(days=i) for i in range(self.days)]

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end

    def to_data(self) -> dict[str, Json]:
        return {"start": plain(self.start), "end": plain(self.end), "days": self.days}


@dataclass(frozen=True)
class SessionRef(Data):
    date: dt.date
    time: dt.time | None
    number: int | None
    status: str
    path: str


@dataclass(frozen=True)
class Period(Span):
    previous: Span
    """`{start, end, days}`: the period before — the session interval before (the day after the held
    session before the last one, through the last one's day), or the same number of days just before
    """
    basis: str
    """how the start was chosen: `"last-session"` (the day after the last held session before the
    report date), `"no-session"` (no held session: the last 14 days), `"days"` (`--since Nd`),
    `"dates"` (`--since DATE`)"""
    last_session: SessionRef | None
    """the latest session held before the report date"""
    next_session: SessionRef | None
    """the earliest session on or after the report date that is `planned` or `held` (a session on
    the report date is the one the report is for; for a report date in the past, a session since
    held is the one that came next); never a `cancelled` or `missed` one"""

    @property
    def label(self) -> str:
        """`"12 Nov – 17 Nov 2026 (6 days)"`"""
        first = day_text(self.start, year=self.start.year != self.end.year)
        days = "1 day" if self.days == 1 else f"{self.days} days"
        return f"{first} – {day_text(self.end)} ({days})"

    def to_data(self) -> dict[str, Json]:
        return {
            **super().to_data(),
            "label": self.label,
            "basis": self.basis,
            "previous": self.previous.to_data(),
            "last_session": _session_data(self.last_session),
            "next_session": _session_data(self.next_session),
        }


def _session_data(session: SessionRef | None) -> dict[str, Json] | None:
    return None if session is None else session.to_data()


def resolve_period(
    records: Iterable[Record],
    *,
    until: dt.date | None = None,
    since: str | dt.date | None = None,
    settings: Settings | None = None,
) -> Period:
    """The period a report covers. Raises InterimError (a usage error) for a `since` that
    cannot be read, or one after the report date."""
    pinned = settings.report_date if settings is not None else None
    report = until or pinned or dt.date.today()
    sessions = _sessions(records, day_start_of(settings))
    held = _held_before(sessions, report)
    last = held[-1] if held else None
    upcoming = _next_session(sessions, report)
    spec = "last-session" if since is None else since
    if isinstance(spec, str) and spec.strip().lower() in ("last-session", "last session"):
        return _from_sessions(report, held, upcoming)
    start, basis = _explicit_start(spec, report)
    if start > report:
        raise InterimError(
            f"the period would end on {report.isoformat()}, before it starts on "
            f"{start.isoformat()}: choose an --until on or after --since"
        )
    length = (report - start).days + 1
    return Period(start, report, _days_before(start, length), basis, last, upcoming)


def _from_sessions(report: dt.date, held: list[SessionRef], upcoming: SessionRef | None) -> Period:
    if not held:
        start = report - dt.timedelta(days=DEFAULT_DAYS - 1)
        previous = _days_before(start, DEFAULT_DAYS)
        return Period(start, report, previous, "no-session", None, upcoming)
    last = held[-1]
    start = last.date + _ONE_DAY
    if len(held) >= 2:
        previous = Span(held[-2].date + _ONE_DAY, last.date)
    else:  # one held session: nothing before it to end an interval, so the same length
        previous = _days_before(start, (report - start).days + 1)
    return Period(start, report, previous, "last-session", last, upcoming)


def _explicit_start(spec: str | dt.date, report: dt.date) -> tuple[dt.date, str]:
    if isinstance(spec, dt.date):
        return spec, "dates"
    text = spec.strip()
    days = _DAYS.match(text)
    if days:
        n = int(days[1])
        if n < 1:
            raise InterimError("--since needs at least one day: 1d, 7d, 14d...")
        return _back(report, n - 1), "days"
    try:
        return dt.date.fromisoformat(text), "dates"
    except ValueError:
        raise InterimError(
            f"--since takes a date (2026-11-04), a number of days (14d) or last-session; "
            f"got `{text}`"
        ) from None


def _days_before(start: dt.date, length: int) -> Span:
    """The `length` days just before `start`, cut at the first day the calendar has (a
    period from year 1000 has no thousand years before it to compare with)."""
    if start == dt.date.min:
        return Span(start, start)
    return Span(_back(start, length), start - _ONE_DAY)


def ahead(day: dt.date, days: int) -> dt.date:
    """`days` days after `day`, or the calendar's last day when that is further on (a
    week that starts on 28 Dec 9999 ends with the calendar)."""
    if days > (dt.date.max - day).days:
        return dt.date.max
    return day + dt.timedelta(days=days)


def _back(day: dt.date, days: int) -> dt.date:
    """`days` days before `day`, or the calendar's first day when that is further back."""
    if days > (day - dt.date.min).days:
        return dt.date.min
    return day - dt.timedelta(days=days)


def _sessions(records: Iterable[Record], day_start: dt.time) -> list[SessionRef]:
    """Every dated session, private ones too: a period is dates, not content. In date and
    time order (a time before `day_start` late on its day, as for every record)."""
    out = [
        SessionRef(r.date, r.time, _number(r.get("number")), str(r.get("status") or ""), r.path)
        for r in records
        if r.type == "session" and r.date is not None
    ]
    return sorted(out, key=lambda s: (s.date, time_key(s.time, day_start), s.path))


def _number(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _held_before(sessions: list[SessionRef], report: dt.date) -> list[SessionRef]:
    """Held sessions before the report date, one per day (two files for one day would
    otherwise make an empty interval)."""
    by_day: dict[dt.date, SessionRef] = {}
    for s in sessions:
        if s.status == "held" and s.date < report:
            by_day.setdefault(s.date, s)
    return [by_day[d] for d in sorted(by_day)]


def _next_session(sessions: list[SessionRef], report: dt.date) -> SessionRef | None:
    """The earliest session on or after the report date that is planned or held: a session
    on the report date is the one the report is for (DESIGN §3), even when already marked
    held, and for a report date in the past a session since marked held is the one that
    came next. A cancelled or missed session is nobody's next session."""
    for s in sessions:
        if s.date >= report and s.status in ("planned", "held"):
            return s
    return None
