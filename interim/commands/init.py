"""`interim init`: the folder layout of DESIGN §2, an `interim.yaml` listing every setting
with its description and default, a README for the client and a `.gitignore` for generated
reports. It creates only what is missing and never overwrites, so running it twice changes
nothing."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from interim.atomic import OutputNotWritten
from interim.commands.capture import write_capture
from interim.commands.new import create_new
from interim.commands.prompts import Console
from interim.load.yaml import emit
from interim.settings import SETTINGS_FILE, SPEC, SettingValue
from interim.types import load_types
from interim.types.language import RecordType

LAYOUT = ("sessions", "homework", "records", "questionnaires", "goals", "types", "templates")
_FILES = Path(__file__).resolve().parent.parent / "templates" / "scaffold"  # interim/templates
OBSIDIAN_TYPES = ".obsidian/types.json"


@dataclass
class InitResult:
    written: list[str] = field(default_factory=list)  # folder-relative; folders end in "/"
    notes: list[str] = field(default_factory=list)  # what the user should do by hand

    def lines(self, root: Path) -> list[str]:
        """What `init` prints: each path written, then the notes, or that all was there."""
        out = [str(root) if rel == "./" else str(root / rel) for rel in self.written]
        out += self.notes
        if not out:
            return [f"{root}: everything is there already; nothing written."]
        # A first-time user needs the next step more than the list of paths.
        return [
            *out,
            "",
            f"Next: add a record with `interim new mood --folder {root}`,",
            f"then check it with `interim check {root}`.",
        ]


def settings_missing(root: Path) -> bool:
    return not (root / SETTINGS_FILE).exists()


def ask_contacts(console: Console) -> str:
    """Ask for the crisis contacts that stand beside the safety notice; Enter skips."""
    console.echo("Reports show crisis contacts beside the safety notice, for example a")
    console.echo("helpline and your local emergency number. Press Enter to skip.")
    return console.ask("Crisis contacts: ").strip()


def offer_init(root: Path, console: Console) -> list[str]:
    """`new` in a folder `init` did not make (no interim.yaml), in a terminal: ask whether
    to set it up there first (issue 13), rather than leave `records/` wherever it was run.
    Returns the paths written (none when the answer is no)."""
    console.echo(f"{root} has no {SETTINGS_FILE}: it was not set up with `interim init`.")
    answer = console.ask("Set it up here first (folders, settings, a README)? [y/N] ")
    if answer.strip().lower() not in ("y", "yes"):
        console.echo("Writing the record here anyway.")
        return []
    result = init_folder(root, ask_contacts(console))
    return [str(root) if rel == "./" else str(root / rel) for rel in result.written]


def init_folder(
    root: Path,
    crisis_contacts: str = "",
    obsidian: bool = False,
    types: dict[str, RecordType] | None = None,
    capture: bool = False,
) -> InitResult:
    """Make what is missing. The capture templates (interim.commands.capture) come with a
    new folder (one without interim.yaml yet), or with `capture=True` (`init --capture`)."""
    result = InitResult()
    capture = capture or not (root / SETTINGS_FILE).exists()
    try:
        if not root.exists():
            root.mkdir(parents=True, mode=0o700)
            result.written.append("./")
        for name in LAYOUT:
            if not (root / name).exists():
                (root / name).mkdir(mode=0o700)
                result.written.append(name + "/")
    except OSError as exc:
        raise OutputNotWritten(Path(exc.filename or root), exc) from exc
    files = {
        SETTINGS_FILE: lambda: settings_text({"crisis_contacts": crisis_contacts}),
        "README.md": lambda: (_FILES / "README.md").read_text(encoding="utf-8"),
        ".gitignore": lambda: (_FILES / "gitignore").read_text(encoding="utf-8"),
    }
    for rel, make in files.items():
        if _create(root / rel, make):
            result.written.append(rel)
    if (obsidian or capture) and types is None:
        types = load_types(root)[0]
    if capture and types is not None:
        write_capture(root, types, result, obsidian or (root / ".obsidian").is_dir())
    if obsidian and types is not None:
        _obsidian(root, types, result)
    return result


def _create(path: Path, make: Any) -> bool:
    return create_new(path, make)


# -- interim.yaml --------------------------------------------------------------------------

_HEADER = """\
# interim settings. Every setting is listed below with its default value; change the ones
# you need and leave the rest. An empty value means "use the default".
# `interim check` tells you if something here is wrong.
"""


def settings_text(overrides: dict[str, SettingValue] | None = None) -> str:
    """Every setting in `settings.SPEC` order, each under a comment with its description.
    Dotted keys become sections (`checkin:` then `  day: sunday`)."""
    overrides = {k: v for k, v in (overrides or {}).items() if v not in (None, "")}
    lines = [_HEADER.rstrip("\n")]
    section = ""
    for key, default, spec in SPEC:
        head, _, leaf = key.rpartition(".")
        if not head or head != section:
            lines.append("")  # a blank line before each top-level key and each section
        if head and head != section:
            lines.append(f"{head}:")
        section = head
        indent = "  " if head else ""
        lines.append(f"{indent}# {emit.comment(spec.hint())}")
        value = _setting_value(overrides.get(key, default))
        lines.append(f"{indent}{leaf}: {value}" if value else f"{indent}{leaf}:")
    return "\n".join(lines) + "\n"


def _setting_value(value: SettingValue) -> str:
    if isinstance(value, str):
        return '""' if value == "" else emit.scalar(value)
    if isinstance(value, (list, tuple)) and not value:
        return "[]"
    if isinstance(value, Mapping) and not value:
        return "{}"
    return emit.inline(value)


# -- Obsidian ------------------------------------------------------------------------------

# Obsidian's property types (the values of .obsidian/types.json) for interim's field kinds.
# No entry: Obsidian has no type that holds it (a list of mappings, a mapping, a track
# that may be a mapping, a list of numbers), so Obsidian is left to guess.
_OBSIDIAN_KIND = {
    "text": "text",
    "integer": "number",
    "number": "number",
    "scale": "number",
    "minutes": "number",
    "date": "date",
    "time": "text",  # Obsidian's "datetime" needs a date too
    "boolean": "checkbox",
    "choice": "text",
    "frequency": "text",
    "instrument": "text",
}
_COMMON = {"type": "text", "date": "date", "time": "text", "tags": "tags", "private": "checkbox"}
_COMMON_TEXT = ("homework", "id")


def obsidian_types(types: dict[str, RecordType]) -> dict[str, str]:
    """One Obsidian type per property name. The same name in two types with different
    kinds takes the kind most types use (first seen on a tie), so `emotions` — a list in
    `mood`, a list of rows in `thought-record` — is multitext."""
    votes: dict[str, Counter[str]] = {}
    for rtype in types.values():
        for name, spec in rtype.fields.items():
            kind = _OBSIDIAN_KIND.get(spec.kind)
            if spec.kind == "list" and (
                spec.items is None or spec.items.kind in ("text", "choice")
            ):
                kind = "multitext"
            if kind is not None:
                votes.setdefault(name, Counter())[kind] += 1
    out = {name: counter.most_common(1)[0][0] for name, counter in votes.items()}
    out.update(_COMMON)
    out.update(dict.fromkeys(_COMMON_TEXT, "text"))
    return dict(sorted(out.items()))


def _obsidian(root: Path, types: dict[str, RecordType], result: InitResult) -> None:
    wanted = obsidian_types(types)
    path = root / OBSIDIAN_TYPES
    if not path.exists():
        path.parent.mkdir(exist_ok=True, mode=0o700)
        text = json.dumps({"types": wanted}, indent=2) + "\n"
        if _create(path, lambda: text):
            result.written.append(OBSIDIAN_TYPES)
            return
    missing = {k: v for k, v in wanted.items() if _existing(path).get(k) != v}
    if missing:
        entries = json.dumps(missing, indent=2)[1:-1].strip("\n")
        result.notes.append(
            f"{OBSIDIAN_TYPES} exists, so interim left it alone. Add these entries to its "
            f'"types" (Obsidian: Settings → Properties, or edit the file):\n{entries}'
        )


def _existing(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    types = data.get("types") if isinstance(data, dict) else None
    return types if isinstance(types, dict) else {}
