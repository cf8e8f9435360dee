"""Capture templates (issue 13): most entries are made away from a terminal (a mood at 21:30,
a sleep diary within an hour of waking), on a phone, in Obsidian or a plain Markdown editor.
`interim init` writes one ready template per record type into `capture/` — a folder never
read as records (interim.load.filenames.TOP_ONLY) and apart from the report templates in
`templates/`:

- `capture/obsidian/NAME.md` for Obsidian's core Templates plugin: `{{date}}` and `{{time}}`
  are its placeholders, filled in when the template is inserted; `.obsidian/templates.json`
  (written with `--obsidian`, or when `.obsidian/` is there) names the folder and the
  formats interim reads (YYYY-MM-DD, HH:mm).
- `capture/plain/NAME.md` for any other editor: the date and time are left to type.

Each is the scaffold `interim new` writes (every field, its hint as a comment), made from the
types, so a folder's own types get templates too; a questionnaire gets one per measure
(`phq9.md`), with its items' wording. Nothing is ever overwritten: a template that is no
longer what the types give is named, for the user to delete and make again.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import partial
from pathlib import Path
from typing import Any, Protocol

from interim.commands.new import Plan, create_new, plan_new, render
from interim.settings import Settings
from interim.types import measures_of
from interim.types.language import RecordType

CAPTURE = "capture"
OBSIDIAN = f"{CAPTURE}/obsidian"
PLAIN = f"{CAPTURE}/plain"
OBSIDIAN_TEMPLATES = ".obsidian/templates.json"
# Obsidian's placeholders, quoted so the template itself is valid YAML; what they become
# (`"2026-11-20"`, `"21:30"`) is what interim reads as a date and a time.
_DATE, _TIME = '"{{date}}"', '"{{time}}"'
_OBSIDIAN_SETTINGS = {"folder": OBSIDIAN, "dateFormat": "YYYY-MM-DD", "timeFormat": "HH:mm"}
_DATE_FIELDS = ("assigned", "set")  # the day a task or goal is set: the day it is written
_ANY_DAY = dt.date(2000, 1, 1)  # plan_new needs a day; no template shows it


class Written(Protocol):
    """What init reports (interim.commands.init.InitResult): paths written, notes."""

    written: list[str]
    notes: list[str]


def capture_templates(types: dict[str, RecordType]) -> dict[str, str]:
    """Every template, by folder-relative path: both flavours of every type."""
    out: dict[str, str] = {}
    for name in sorted(types):
        for stem, plan in _plans(name, types):
            out[f"{OBSIDIAN}/{stem}.md"] = _text(plan, obsidian=True)
            out[f"{PLAIN}/{stem}.md"] = _text(plan, obsidian=False)
    return out


def _plans(name: str, types: dict[str, RecordType]) -> list[tuple[str, Plan]]:
    """(file stem, plan) for a type: a questionnaire has one per measure the folder can
    score (interim's and the folder's own, from its types/)."""
    settings = Settings()
    day = _ANY_DAY.isoformat()
    if name == "questionnaire":
        return [
            (key, plan_new(Path("."), key, settings, types, day))
            for key in sorted(measures_of(types))
        ]
    return [(name, plan_new(Path("."), name, settings, types, day))]


def _text(plan: Plan, obsidian: bool) -> str:
    values: dict[str, Any] = {k: v for k, v in plan.values.items() if k not in _DATE_FIELDS}
    name = plan.rtype.name
    if obsidian:
        values.update({k: "{{date}}" for k in _DATE_FIELDS if k in plan.rtype.fields})
    now = plan.self_monitoring or name == "questionnaire"  # an entry made now has a time
    # Obsidian fills in the day and time; in a plain editor they are typed.
    stamp = (_DATE, _TIME if now else None) if obsidian else ("", "" if now else None)
    return render(plan, values, stamp=stamp)


def write_capture(
    root: Path, types: dict[str, RecordType], result: Written, obsidian: bool = False
) -> None:
    """Write the missing templates and `.obsidian/templates.json` into `root`, never over
    anything; name each template that differs from what the types give now."""
    stale = []
    for rel, text in capture_templates(types).items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if create_new(path, partial(str, text)):
            result.written.append(rel)
        elif _read(path) != text:
            stale.append(rel)
    if stale:
        result.notes.append(
            "These capture templates differ from what the record types give now (a type "
            "changed, or you edited them); interim left them alone. To get the new ones, "
            "delete them and run `interim init --capture` again:\n"
            + "\n".join(f"  {rel}" for rel in stale)
        )
    if obsidian:  # `init --obsidian`, or a folder Obsidian already opened as a vault
        _obsidian_templates(root, result)


def _obsidian_templates(root: Path, result: Written) -> None:
    path = root / OBSIDIAN_TEMPLATES
    text = json.dumps(_OBSIDIAN_SETTINGS, indent=2) + "\n"
    path.parent.mkdir(exist_ok=True, mode=0o700)
    if create_new(path, lambda: text):
        result.written.append(OBSIDIAN_TEMPLATES)
        return
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = None
    if not isinstance(data, dict) or data.get("folder") != OBSIDIAN:
        result.notes.append(
            f"{OBSIDIAN_TEMPLATES} exists, so interim left it alone. To use the capture "
            f"templates in Obsidian, set Settings → Templates → Template folder location "
            f"to {OBSIDIAN}."
        )


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
