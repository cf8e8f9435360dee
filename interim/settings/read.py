"""Reading `interim.yaml`: every value validated with positions through the same field kinds
as records, against the spec of the settings tree (`interim.settings.model`). A broken
settings file stops a command (exit 2) with positioned messages; it is never a traceback."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from interim.clock import report_date_problem
from interim.diagnostics import Diagnostic, Severity, diag, did_you_mean
from interim.errors import InterimError
from interim.load.frontmatter import decode
from interim.load.yaml.events import load_yaml
from interim.load.yaml.tree import Mapping, Node, Scalar, plain_value
from interim.settings.model import SPEC, ProfileSpec, Settings, SettingValue, build
from interim.types.kinds import Context, convert, is_missing

SETTINGS_FILE = "interim.yaml"


_SPECS = {key: spec for key, _, spec in SPEC}
_SECTIONS = {key.split(".")[0] for key in _SPECS if "." in key}
Values = dict[str, SettingValue]


def load_settings(root: Path) -> tuple[Settings, list[Diagnostic]]:
    """Read `interim.yaml` if there is one; every key has a default."""
    file = root / SETTINGS_FILE
    if not file.is_file():
        return Settings(), []
    settings = Settings(path=file)
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
    values: Values = {}
    _walk(tree, "", values, ctx)
    return build(values, file), _as_settings(problems + errs + ctx.diagnostics)


def _as_settings(diags: list[Diagnostic]) -> list[Diagnostic]:
    """Problems in the settings file are settings errors (IM901), whatever the YAML was."""
    out = []
    for d in diags:
        if d.severity is Severity.ERROR and d.code != "IM901":
            d = diag("IM901", d.path, d.line, d.col, d.message, d.hint)
        out.append(d)
    return out


def _walk(node: Mapping, prefix: str, values: Values, ctx: Context) -> None:
    for key, entry in node.entries.items():
        dotted = prefix + key
        if dotted in _SPECS:
            value = entry.value
            if isinstance(value, Scalar) and value.is_null():
                continue  # empty: keep the default
            if dotted == "profiles":
                _profiles(value, values, ctx)
                continue
            converted = convert(_SPECS[dotted], value, ctx, dotted)
            if dotted == "report_date" and isinstance(converted, dt.date):
                problem = report_date_problem(converted)
                if problem is not None:
                    hint = "write a date in that range, or leave it empty for today"
                    ctx.error("IM901", value, f"`report_date`: {problem}", hint)
                    continue
            if not is_missing(converted):
                # A list setting is a tuple in the frozen tree.
                values[dotted] = tuple(converted) if isinstance(converted, list) else converted
        elif not prefix and key in _SECTIONS and isinstance(entry.value, Mapping):
            _walk(entry.value, key + ".", values, ctx)
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


def _profiles(node: Node, values: Values, ctx: Context) -> None:
    """Profiles are checked by the report (it knows the sections); here only their shape."""
    profiles: dict[str, ProfileSpec] = {}
    for name, entry in node.entries.items() if isinstance(node, Mapping) else ():
        spec = plain_value(entry.value)
        if isinstance(spec, dict):
            profiles[name] = spec
    if not isinstance(node, Mapping) or len(profiles) != len(node.entries):
        ctx.error(
            "IM901",
            node,
            "`profiles` must map each profile name to its settings",
            "profiles: {family: {free_text: false}}",
        )
        return
    values["profiles"] = profiles


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
