"""Pure analytics for the report: no I/O, nothing from rendering. Each module summarises one
area and returns plain data (dataclasses with `to_data()`); `build_report` puts them together
into the report context that every template and the JSON output share (docs/template-api.md).

The names below are loaded on first use: `interim check` reads one module of this package
(the safety notice, for its IM220 lines) and should not pay for importing every summary.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from interim.summary.period import Period, Span, resolve_period
    from interim.summary.profiles import Profile, resolve_profile
    from interim.summary.report import build_report

__all__ = ["Period", "Profile", "Span", "build_report", "resolve_period", "resolve_profile"]
_HOME = {
    "Period": "period",
    "Span": "period",
    "resolve_period": "period",
    "Profile": "profiles",
    "resolve_profile": "profiles",
    "build_report": "report",
}


def __getattr__(name: str) -> object:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)
