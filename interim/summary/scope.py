"""What every summary works from: the period, the profile, the settings and types, and the
records a report may show (never `private: true` ones), sorted by date, time and path so the
same folder always gives the same data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from interim.config import Settings
from interim.model import Record
from interim.summary.period import Period, Span
from interim.summary.profiles import Profile
from interim.types import RecordType, builtin_types


def record_key(record: Record) -> tuple[dt.date, bool, dt.time, str]:
    """Date, then time (untimed entries first on their day), then path."""
    return (
        record.date or dt.date.min,
        record.time is not None,
        record.time or dt.time.min,
        record.path,
    )


@dataclass
class Scope:
    period: Period
    profile: Profile
    settings: Settings
    types: dict[str, RecordType]
    records: list[Record] = field(default_factory=list)  # shown records, sorted

    @classmethod
    def of(
        cls,
        records: Iterable[Record],
        period: Period,
        profile: Profile,
        settings: Settings | None = None,
        types: dict[str, RecordType] | None = None,
    ) -> Scope:
        shown = sorted((r for r in records if not r.private), key=record_key)
        return cls(period, profile, settings or Settings(), types or builtin_types(), shown)

    def of_type(self, name: str) -> list[Record]:
        return [r for r in self.records if r.type == name]

    def dated(self, name: str, span: Span) -> list[Record]:
        return [r for r in self.records if r.type == name and r.date in span]

    def in_period(self, name: str) -> list[Record]:
        return self.dated(name, self.period)

    def in_previous(self, name: str) -> list[Record]:
        return self.dated(name, self.period.previous)

    def up_to_report(self, name: str) -> list[Record]:
        """A type over the whole treatment: every dated record up to the report date."""
        end = self.period.end
        return [r for r in self.records if r.type == name and r.date and r.date <= end]

    # -- free text: present only when the profile allows it -----------------------------

    @property
    def free_text(self) -> bool:
        return self.profile.free_text

    def text(self, value: Any) -> str | None:
        if not self.free_text or value is None:
            return None
        text = str(value).strip()
        return text or None

    def texts(self, values: Any) -> list[str]:
        if not self.free_text or not isinstance(values, list):
            return []
        return [str(v).strip() for v in values if v is not None and str(v).strip()]

    def body(self, record: Record) -> str | None:
        """The record's Markdown body as written (the renderer converts it)."""
        return self.text(record.body)
