"""`interim.yaml`: every setting with its default, description and validation, read into
`Settings`."""

from __future__ import annotations

from interim.settings.read import (
    SETTINGS_FILE,
    SPEC,
    WEEKDAYS,
    BrokenSettings,
    Settings,
    checked_settings,
    load_settings,
    settings_errors,
)

__all__ = [
    "SETTINGS_FILE",
    "SPEC",
    "WEEKDAYS",
    "BrokenSettings",
    "Settings",
    "checked_settings",
    "load_settings",
    "settings_errors",
]
