"""Every setting of `interim.yaml` as one frozen dataclass tree: `Settings` with a section
class per dotted prefix (`settings.checkin.day`, `settings.sleep.window_min_hours`). Each
leaf carries its default, its kind and its one-line description (a `FieldSpec` in the
field's metadata), so the tree is the one place a setting is defined: `SPEC` (the order
`interim init` writes them in, the validation `read` applies) is derived from it.

Names are those of `interim.yaml`: a section is a key with its settings indented below it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from interim.load.yaml.tree import Plain  # re-exported: a profile as written
from interim.types.language import FieldSpec

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

__all__ = ["SPEC", "WEEKDAYS", "Plain", "ProfileSpec", "SettingValue", "Settings", "build"]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# A folder's own report profile as written: `{free_text: false, sections: [...]}`, checked
# by the report (which knows the sections, the folder's own types among them).
ProfileSpec = Mapping[str, Plain]
SettingValue = (
    str
    | int
    | float
    | bool
    | dt.date
    | dt.time
    | tuple[str, ...]
    | Mapping[str, ProfileSpec]
    | None
)

T = TypeVar("T")
_SPEC = "interim.setting"  # the metadata key of a leaf's FieldSpec


def setting(
    default: T,
    kind: str,
    description: str,
    *,
    choices: tuple[str, ...] = (),
    low: float | None = None,
    high: float | None = None,
) -> T:
    """A leaf: its default and how `interim.yaml` writes and checks it."""
    spec = FieldSpec("", kind, description, min=low, max=high, choices=choices)
    return field(default=default, metadata={_SPEC: spec})


def setting_made(make: Callable[[], T], kind: str, description: str) -> T:
    """A leaf whose default is a fresh mapping."""
    return field(default_factory=make, metadata={_SPEC: FieldSpec("", kind, description)})


@dataclass(frozen=True)
class CheckinSettings:
    day: str = setting(
        "sunday", "choice", "Weekday of the weekly self-guided check-in.", choices=WEEKDAYS
    )
    time: dt.time = setting(dt.time(18, 0), "time", "Time of the weekly check-in reminder.")
    reminder_minutes: int = setting(
        30, "minutes", "Minutes before the check-in that the alarm rings."
    )


@dataclass(frozen=True)
class SessionSettings:
    day: str | None = setting(
        None, "choice", "Usual weekday of sessions (empty: none).", choices=WEEKDAYS
    )
    time: dt.time | None = setting(None, "time", "Usual time of sessions (empty: none).")


@dataclass(frozen=True)
class SleepSettings:
    efficiency_target: int = setting(
        85, "scale", "Sleep efficiency (%) drawn as the target line.", low=0, high=100
    )
    window: bool = setting(
        False, "boolean", "Suggest a sleep window (sleep restriction); clinician's choice."
    )
    window_min_hours: float = setting(
        5, "number", "The suggested window never goes below this.", low=5, high=12
    )
    window_increase_above: int = setting(
        90, "scale", "Widen the window when mean SE is at least this.", low=0, high=100
    )
    window_decrease_below: int = setting(
        85, "scale", "Narrow the window when mean SE is below this.", low=0, high=100
    )
    window_step_minutes: int = setting(
        15, "minutes", "How much the window moves per step.", high=60
    )


@dataclass(frozen=True)
class FileSettings:
    ignore: tuple[str, ...] = setting(
        (), "list", "Extra file or folder patterns to ignore, as in .gitignore (e.g. drafts/)."
    )
    max_size: int = setting(1 << 20, "integer", "Largest record file read, in bytes.", low=1024)
    record_path: str = setting(
        "records/{yyyy}/{mm}/{date}-{type}{slug}.md",
        "text",
        "Where `interim new` writes self-monitoring records.",
    )


@dataclass(frozen=True)
class ReportSettings:
    profile: str = setting(
        "full", "text", "Default report profile: full, scores-only, or one of yours."
    )
    paper: str = setting("a4", "choice", "Paper size for print and PDF.", choices=("a4", "letter"))
    pdf_font: str = setting(
        "",
        "text",
        "A font file (.ttf, .otf) the PDF may use for scripts interim's fonts lack, such as "
        "Chinese, Japanese or Korean (Noto Sans CJK): its path, absolute or from the folder.",
    )


@dataclass(frozen=True)
class CourseSettings:
    review_after: int = setting(
        6,
        "integer",
        "Held sessions after which the course view flags a measure with no reliable improvement (0: never).",
        low=0,
    )


@dataclass(frozen=True)
class ReminderSettings:
    details: bool = setting(
        False, "boolean", "Show homework titles in calendar events (they sync to the cloud)."
    )


@dataclass(frozen=True)
class Settings:
    """The folder's settings; `Settings()` is every default. Built by `settings.read`."""

    name: str = setting("", "text", "Name or initials shown in the report header (empty: none).")
    crisis_contacts: str = setting("", "text", "Crisis contacts shown beside the safety notice.")
    report_date: dt.date | None = setting(
        None, "date", "Pin the report date (YYYY-MM-DD); empty means today."
    )
    day_start: dt.time = setting(
        dt.time(4, 0), "time", "Entries made before this time default to the day before."
    )
    timezone: str = setting(
        "", "text", "IANA time zone for reminders, e.g. Europe/London (empty: this computer's)."
    )
    checkin: CheckinSettings = field(default_factory=CheckinSettings)
    sessions: SessionSettings = field(default_factory=SessionSettings)
    sleep: SleepSettings = field(default_factory=SleepSettings)
    files: FileSettings = field(default_factory=FileSettings)
    report: ReportSettings = field(default_factory=ReportSettings)
    reminders: ReminderSettings = field(default_factory=ReminderSettings)
    course: CourseSettings = field(default_factory=CourseSettings)
    profiles: Mapping[str, ProfileSpec] = setting_made(
        dict, "mapping", "Your own report profiles: name: {free_text: false, sections: [...]}."
    )
    # Not a setting: the file the values were read from, if any.
    path: Path | None = field(default=None, compare=False)

    def flat(self) -> dict[str, SettingValue]:
        """Every setting by its dotted name (`checkin.day`), in `SPEC` order."""
        return {key: value for key, value, _ in _leaves(self, "")}


def _leaves(node: DataclassInstance, prefix: str) -> Iterator[tuple[str, SettingValue, FieldSpec]]:
    """(dotted key, value, spec) of every leaf below `node`, in the tree's order."""
    for f in dataclasses.fields(node):
        value = getattr(node, f.name)
        spec = f.metadata.get(_SPEC)
        if isinstance(spec, FieldSpec):
            yield prefix + f.name, value, spec
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            yield from _leaves(value, f"{prefix}{f.name}.")


# (dotted key, default, spec). The order is the order `interim init` writes them in.
SPEC: list[tuple[str, SettingValue, FieldSpec]] = list(_leaves(Settings(), ""))


S = TypeVar("S", bound="DataclassInstance")


def build(values: Mapping[str, SettingValue], path: Path | None = None) -> Settings:
    """The tree with `values` (by dotted key, as read and checked against `SPEC`) in place
    of the defaults; a key not in `values` keeps its default."""
    return dataclasses.replace(_with(Settings(), "", values), path=path)


def _with(node: S, prefix: str, values: Mapping[str, SettingValue]) -> S:
    changes: dict[str, object] = {}
    for f in dataclasses.fields(node):
        key = prefix + f.name
        current = getattr(node, f.name)
        if _SPEC in f.metadata:
            if key in values:
                changes[f.name] = values[key]
        elif dataclasses.is_dataclass(current) and not isinstance(current, type):
            changes[f.name] = _with(current, key + ".", values)
    return dataclasses.replace(node, **changes)
