"""What every summary works from: the period, the profile, the settings and types, and the
records a report may show (never `private: true` ones), sorted by date, time and path so the
same folder always gives the same data. Within a day, times before the `day_start` setting
(04:00 by default) come last: they are the small hours of that date's evening."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from interim.domain.model import Record
from interim.settings import Settings
from interim.summary.data import DAY_START, day_start_of, time_key
from interim.summary.period import Period, Span
from interim.summary.profiles import Profile
from interim.types import RecordType, builtin_types

SHOWN_DAYS = 92  # about three months: the longest run of days drawn one per column


def shown_days(period: Span, records: Iterable[Record]) -> Span:
    """See `Scope.days`. `records` are sorted by date (undated ones first)."""
    if period.days <= SHOWN_DAYS:
        return period
    first = next((r.date for r in records if r.date is not None and r.date in period), None)
    floor = period.end - dt.timedelta(days=SHOWN_DAYS - 1)
    start = floor if first is None else min(first, floor)
    return Span(max(start, period.start), period.end)


def record_key(record: Record, day_start: dt.time = DAY_START) -> tuple[dt.date, int, dt.time, str]:
    """Date, then time in diary-day order (see `time_key`), then path."""
    return (record.date or dt.date.min, *time_key(record.time, day_start), record.path)


@dataclass
class Scope:
    period: Period
    profile: Profile
    settings: Settings
    types: dict[str, RecordType]
    records: list[Record] = field(default_factory=list)  # shown records, sorted
    # The course's homework rows as a report of the same unchanged folder worked them out
    # (interim.commands.report.keep_course); None: work them out from `records`.
    course_rows: tuple[tuple[Any, ...], ...] | None = None

    @cached_property
    def days(self) -> Span:
        """The days the day-by-day views (calendar strip, daily series, pacing strips) cover:
        the period, but never a long run of days before its first entry — a report
        `--since 1900-01-01` draws from the first record on (or the last `SHOWN_DAYS` days
        when that is earlier), so it costs what the folder holds, not what the dates span."""
        return shown_days(self.period, self.records)

    @classmethod
    def of(
        cls,
        records: Iterable[Record],
        period: Period,
        profile: Profile,
        settings: Settings | None = None,
        types: dict[str, RecordType] | None = None,
    ) -> Scope:
        start = day_start_of(settings)
        shown = sorted((r for r in records if not r.private), key=lambda r: record_key(r, start))
        return cls(period, profile, settings or Settings(), types or builtin_types(), shown)

    @cached_property
    def _dates(self) -> list[dt.date]:
        return [r.date or dt.date.min for r in self.records]

    def between(self, first: dt.date, last: dt.date) -> list[Record]:
        """Shown records dated `first` to `last`, in order, without a look at the others."""
        lo = bisect.bisect_left(self._dates, first)
        return self.records[lo : bisect.bisect_right(self._dates, last, lo)]

    @cached_property
    def _linked(self) -> dict[str, tuple[list[dt.date], list[Record]]]:
        """Shown records that name a homework (`homework:`), by its id, in order, with
        their dates to bisect."""
        out: dict[str, tuple[list[dt.date], list[Record]]] = {}
        for r in self.records:
            if r.homework is not None:
                dates, found = out.setdefault(r.homework, ([], []))
                dates.append(r.date or dt.date.min)
                found.append(r)
        return out

    @cached_property
    def _type_dates(self) -> dict[str, list[dt.date]]:
        return {k: [r.date or dt.date.min for r in v] for k, v in self._by_type.items()}

    @cached_property
    def _ids(self) -> dict[str, dict[str, Record]]:
        """By type, the first shown record of each id."""
        out: dict[str, dict[str, Record]] = {}
        for name, found in self._by_type.items():
            ids = out[name] = {}
            for r in found:
                ids.setdefault(r.id, r)
        return out

    def by_id(self, name: str, record_id: str) -> Record | None:
        """The first shown record of type `name` whose id is `record_id`."""
        return self._ids.get(name, {}).get(record_id)

    def linked_between(self, homework: str, first: dt.date, last: dt.date) -> list[Record]:
        """Shown records naming the homework `homework`, dated `first` to `last`, in order."""
        dates, found = self._linked.get(homework, ([], []))
        lo = bisect.bisect_left(dates, first)
        return found[lo : bisect.bisect_right(dates, last, lo)]

    def of_type_between(self, name: str, first: dt.date, last: dt.date) -> list[Record]:
        """Shown records of type `name` dated `first` to `last`, in order."""
        dates, found = self._type_dates.get(name, []), self._by_type.get(name, [])
        lo = bisect.bisect_left(dates, first)
        return found[lo : bisect.bisect_right(dates, last, lo)]

    def record_key(self, record: Record) -> tuple[dt.date, int, dt.time, str]:
        """`record_key` with this scope's `day_start`."""
        return record_key(record, day_start_of(self.settings))

    @cached_property
    def _by_type(self) -> dict[str, list[Record]]:
        """Shown records by type, each in order: a summary asks for one type many times."""
        out: dict[str, list[Record]] = {}
        for r in self.records:
            out.setdefault(r.type, []).append(r)
        return out

    def of_type(self, name: str) -> list[Record]:
        return list(self._by_type.get(name, ()))

    def dated(self, name: str, span: Span) -> list[Record]:
        return [r for r in self._by_type.get(name, ()) if r.date in span]

    def in_period(self, name: str) -> list[Record]:
        return self.dated(name, self.period)

    def in_previous(self, name: str) -> list[Record]:
        return self.dated(name, self.period.previous)

    def up_to_report(self, name: str) -> list[Record]:
        """A type over the whole treatment: every dated record up to the report date."""
        end = self.period.end
        return [r for r in self._by_type.get(name, ()) if r.date and r.date <= end]

    # -- free text: present only when the profile allows it -----------------------------

    @property
    def free_text(self) -> bool:
        return self.profile.free_text

    def text(self, value: object) -> str | None:
        if not self.free_text or value is None:
            return None
        text = str(value).strip()
        return text or None

    def texts(self, values: object) -> list[str]:
        if not self.free_text or not isinstance(values, list):
            return []
        return [str(v).strip() for v in values if v is not None and str(v).strip()]

    def body(self, record: Record) -> str | None:
        """The record's Markdown body as written (the renderer converts it)."""
        return self.text(record.body)
