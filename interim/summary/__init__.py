"""Pure analytics for the report: no I/O, nothing from rendering. Each module summarises one
area and returns plain data (dataclasses with `to_data()`); `build_report` puts them together
into the report context that every template and the JSON output share (docs/template-api.md).
"""

from __future__ import annotations

from interim.summary.period import Period, Span, resolve_period
from interim.summary.profiles import Profile, resolve_profile
from interim.summary.report import build_report

__all__ = ["Period", "Profile", "Span", "build_report", "resolve_period", "resolve_profile"]
