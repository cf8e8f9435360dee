"""`interim.yaml`: every setting with its default, description and validation, as one frozen
dataclass tree (`model`), read from the folder with positioned diagnostics (`read`)."""

from __future__ import annotations

from interim.settings.model import SPEC, WEEKDAYS, Settings, SettingValue
from interim.settings.read import (
    SETTINGS_FILE,
    BrokenSettings,
    checked_settings,
    load_settings,
    settings_errors,
)

__all__ = [
    "SETTINGS_FILE",
    "SPEC",
    "WEEKDAYS",
    "BrokenSettings",
    "SettingValue",
    "Settings",
    "checked_settings",
    "load_settings",
    "settings_errors",
]
