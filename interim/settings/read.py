"""`interim.yaml`: every setting, its default and its one-line description, validated with
positions through the same field kinds as records. A broken settings file stops a command
(exit 2) with positioned messages; it is never a traceback."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from interim.diagnostics import Diagnostic, Severity, diag, did_you_mean
from interim.errors import InterimError
from interim.load.frontmatter import decode
from interim.load.yaml.events import load_yaml
from interim.load.yaml.tree import Mapping, Scalar, plain_value
from interim.types.kinds import Context, convert, is_missing
from interim.types.language import FieldSpec

SETTINGS_FILE = "interim.yaml"
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _f(kind: str, description: str, **kw: Any) -> FieldSpec:
    return FieldSpec("", kind, description, **kw)


# (dotted key, default, spec). The order is the order `interim init` writes them in.
SPEC: list[tuple[str, Any, FieldSpec]] = [
    ("name", "", _f("text", "Name or initials shown in the report header (empty: none).")),
    ("crisis_contacts", "", _f("text", "Crisis contacts shown beside the safety notice.")),
    ("report_date", None, _f("date", "Pin the report date (YYYY-MM-DD); empty means today.")),
    (
        "day_start",
        dt.time(4, 0),
        _f("time", "Entries made before this time default to the day before."),
    ),
    (
        "timezone",
        "",
        _f("text", "IANA time zone for reminders, e.g. Europe/London (empty: this computer's)."),
    ),
    (
        "checkin.day",
        "sunday",
        _f("choice", "Weekday of the weekly self-guided check-in.", choices=WEEKDAYS),
    ),
    ("checkin.time", dt.time(18, 0), _f("time", "Time of the weekly check-in reminder.")),
    (
        "checkin.reminder_minutes",
        30,
        _f("minutes", "Minutes before the check-in that the alarm rings."),
    ),
    (
        "sessions.day",
        None,
        _f("choice", "Usual weekday of sessions (empty: none).", choices=WEEKDAYS),
    ),
    ("sessions.time", None, _f("time", "Usual time of sessions (empty: none).")),
    (
        "sleep.efficiency_target",
        85,
        _f("scale", "Sleep efficiency (%) drawn as the target line.", min=0, max=100),
    ),
    (
        "sleep.window",
        False,
        _f("boolean", "Suggest a sleep window (sleep restriction); clinician's choice."),
    ),
    (
        "sleep.window_min_hours",
        5,
        _f("number", "The suggested window never goes below this.", min=5, max=12),
    ),
    (
        "sleep.window_increase_above",
        90,
        _f("scale", "Widen the window when mean SE is at least this.", min=0, max=100),
    ),
    (
        "sleep.window_decrease_below",
        85,
        _f("scale", "Narrow the window when mean SE is below this.", min=0, max=100),
    ),
    ("sleep.window_step_minutes", 15, _f("minutes", "How much the window moves per step.", max=60)),
    (
        "files.ignore",
        [],
        _f("list", "Extra file or folder patterns to ignore (glob, e.g. drafts/)."),
    ),
    ("files.max_size", 1 << 20, _f("integer", "Largest record file read, in bytes.", min=1024)),
    (
        "files.record_path",
        "records/{yyyy}/{mm}/{date}-{type}{slug}.md",
        _f("text", "Where `interim new` writes self-monitoring records."),
    ),
    (
        "report.profile",
        "full",
        _f("text", "Default report profile: full, scores-only, or one of yours."),
    ),
    ("report.paper", "a4", _f("choice", "Paper size for print and PDF.", choices=("a4", "letter"))),
    (
        "reminders.details",
        False,
        _f("boolean", "Show homework titles in calendar events (they sync to the cloud)."),
    ),
    (
        "profiles",
        {},
        _f("mapping", "Your own report profiles: name: {free_text: false, sections: [...]}."),
    ),
]
_SPECS = {key: spec for key, _, spec in SPEC}
_SECTIONS = {key.split(".")[0] for key in _SPECS if "." in key}


@dataclass
class Settings:
    values: dict[str, Any] = field(default_factory=lambda: {k: v for k, v, _ in SPEC})
    path: Path | None = None  # the file read, if any

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    @property
    def name(self) -> str:
        return str(self.values["name"])

    @property
    def crisis_contacts(self) -> str:
        return str(self.values["crisis_contacts"])

    @property
    def report_date(self) -> dt.date | None:
        value = self.values["report_date"]
        return value if isinstance(value, dt.date) else None


def load_settings(root: Path) -> tuple[Settings, list[Diagnostic]]:
    """Read `interim.yaml` if there is one; every key has a default."""

    file = root / SETTINGS_FILE
    settings = Settings(path=file if file.is_file() else None)
    if settings.path is None:
        return settings, []
    try:
        data = file.read_bytes()
    except OSError as exc:
        return settings, [
            diag(
                "IM901",
                SETTINGS_FILE,
                1,
                1,
                f"cannot read {SETTINGS_FILE}: {exc.strerror}",
                "check the file's permissions",
            )
        ]
    text, problems = decode(data, SETTINGS_FILE)
    if text is None:
        return settings, _as_settings(problems)
    tree, errs = load_yaml(text, SETTINGS_FILE)
    if tree is None:
        return settings, _as_settings(problems + errs)
    ctx = Context(SETTINGS_FILE)
    _walk(tree, "", settings, ctx)
    return settings, _as_settings(problems + errs + ctx.diagnostics)


def _as_settings(diags: list[Diagnostic]) -> list[Diagnostic]:
    """Problems in the settings file are settings errors (IM901), whatever the YAML was."""
    out = []
    for d in diags:
        if d.severity is Severity.ERROR and d.code != "IM901":
            d = diag("IM901", d.path, d.line, d.col, d.message, d.hint)
        out.append(d)
    return out


def _walk(node: Mapping, prefix: str, settings: Settings, ctx: Context) -> None:
    for key, entry in node.entries.items():
        dotted = prefix + key
        if dotted in _SPECS:
            value = entry.value
            if isinstance(value, Scalar) and value.is_null():
                continue  # empty: keep the default
            if dotted == "profiles":
                _profiles(value, settings, ctx)
                continue
            converted = convert(_SPECS[dotted], value, ctx, dotted)
            if not is_missing(converted):
                settings.values[dotted] = converted
        elif not prefix and key in _SECTIONS and isinstance(entry.value, Mapping):
            _walk(entry.value, key + ".", settings, ctx)
        elif not prefix and key in _SECTIONS:
            if not (isinstance(entry.value, Scalar) and entry.value.is_null()):
                first = next(k for k in _SPECS if k.startswith(key + "."))
                ctx.error(
                    "IM901",
                    entry.value,
                    f"`{key}` is a section: its settings go on the lines below it, indented",
                    f"write `{key}:` alone, then for example `  {first.split('.', 1)[1]}: …`",
                )
        else:
            ctx.diagnostics.append(
                diag(
                    "IM902",
                    SETTINGS_FILE,
                    entry.key_line,
                    entry.key_col,
                    f"`{dotted}` is not an interim setting",
                    did_you_mean(
                        dotted,
                        [*_SPECS, *_SECTIONS],
                        "`interim init` writes a commented list of every setting",
                    ),
                )
            )


def _profiles(node: Any, settings: Settings, ctx: Context) -> None:
    """Profiles are checked by the report (it knows the sections); here only their shape."""

    if not isinstance(node, Mapping) or any(
        not isinstance(e.value, Mapping) for e in node.entries.values()
    ):
        ctx.error(
            "IM901",
            node,
            "`profiles` must map each profile name to its settings",
            "profiles: {family: {free_text: false}}",
        )
        return
    settings.values["profiles"] = plain_value(node)


def settings_errors(diags: list[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diags if d.code == "IM901"]


class BrokenSettings(InterimError):
    """interim.yaml has errors: a command stops rather than run with defaults in their place.
    `errors` are the IM901 diagnostics; `settings` what could be read (crisis contacts)."""

    def __init__(
        self, errors: list[Diagnostic], settings: Settings, problems: list[Diagnostic]
    ) -> None:
        self.errors, self.settings = errors, settings
        self.problems = problems  # the errors and the warnings, to show all in one run
        super().__init__("interim.yaml has errors; fix them and run again.")


def checked_settings(root: Path) -> tuple[Settings, list[Diagnostic]]:
    """`load_settings`, raising BrokenSettings when the file has errors; the diagnostics
    returned are its warnings."""
    settings, problems = load_settings(root)
    errors = settings_errors(problems)
    if errors:
        raise BrokenSettings(errors, settings, problems)
    return settings, problems
