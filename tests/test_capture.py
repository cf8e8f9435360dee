"""Capture templates (issue 13): `interim init` writes one template per record type into
`capture/` (Obsidian's core Templates plugin and plain), made from the types; each passes
`check` once filled in; `capture/` is never read as records; nothing is overwritten."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from interim.commands.capture import OBSIDIAN_TEMPLATES, capture_templates
from interim.commands.init import init_folder
from interim.types import builtin_types, load_types, measures_of
from interim.types.language import FieldSpec
from tests.conftest import write_file

URGE = (
    "name: urge\nversion: 1\ndescription: An urge log.\nfields:\n"
    "  urge:\n    kind: text\n    required: true\n    description: What the urge was to do.\n"
    "  strength:\n    kind: scale\n    min: 0\n    max: 10\n    anchors: {0: none, 10: strongest}\n"
    "    better: lower\n    description: How strong the urge was.\n"
    "  triggers:\n    kind: list\n    labels: true\n    optional: true\n"
    "    description: What set it off, one word each.\n"
)
_EMPTY = re.compile(r"^(?P<key>[a-z_]+):(?P<hint>  # .*)$", re.M)


def _value(spec: FieldSpec) -> str:
    """A valid value of the field's kind, as a person would type it."""
    kind = spec.kind
    if kind == "choice":
        return spec.choices[0]
    if kind in ("integer", "scale", "minutes", "number"):
        return str(int(spec.min if spec.min is not None else 1) + 1)
    simple = {
        "text": "a few words",
        "date": "2026-11-19",
        "time": '"07:15"',
        "boolean": "yes",
        "frequency": "daily",
        "track": "mood",
        "instrument": "phq9",
    }
    if kind in simple:
        return simple[kind]
    if kind == "list":
        return f"[{_value(spec.items) if spec.items else 'one'}]"
    if kind == "record list":
        row = ", ".join(f"{n}: {_value(s)}" for n, s in spec.fields.items())
        return f"[{{{row}}}]"
    assert kind == "mapping"
    return "{}"


# A night that adds up (TIB, TST), and a task due after it is set.
_TIMES = {"bedtime": "23:00", "lights_out": "23:15", "final_wake": "06:30", "out_of_bed": "07:00"}
_DAYS = {"assigned": "2026-11-20", "due": "2026-11-27", "read": "2026-11-20", "set": "2026-11-20"}
HOMEWORK = (
    "---\ntype: homework\ndate: 2026-11-18\ntitle: Walks\nfrequency: daily\ntrack: mood\n"
    "due: 2026-11-25\nspecifics: A walk\nconfidence: 7\nstatus: in-progress\n---\n"
)


def _fill(text: str, fields: dict[str, FieldSpec], instrument_items: int) -> str:
    """What a client does: Obsidian fills in {{date}} and {{time}}; then a value per field
    (the date and time typed in a plain template)."""
    text = text.replace("{{date}}", "2026-11-20").replace("{{time}}", "21:30")

    def one(m: re.Match[str]) -> str:
        key = m["key"]
        if key == "date":
            return f"date: 2026-11-20{m['hint']}"
        if key == "time":
            return f'time: "21:30"{m["hint"]}'
        if key == "items":
            return f"items: [{', '.join(['0'] * instrument_items)}]{m['hint']}"
        if key == "total":
            return f"total: 0{m['hint']}"
        if key == "not_applicable":  # every item answered: none left out
            return f"not_applicable: []{m['hint']}"
        if key == "homework":
            return f"homework: 2026-11-18-walks{m['hint']}"  # the folder's homework
        if key == "goal":
            return m.group(0)  # optional, and the folder has no goal to name
        value = _TIMES.get(key) or _DAYS.get(key) or _value(fields[key])
        return f"{key}: {value}{m['hint']}"

    return _EMPTY.sub(one, text)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    write_file(tmp_path, "types/urge.yaml", URGE)
    init_folder(tmp_path, obsidian=True)
    return tmp_path


def test_init_writes_both_flavours_of_every_type_and_obsidians_setting(folder: Path) -> None:
    types, _ = load_types(folder)
    names = sorted(p.name for p in (folder / "capture" / "obsidian").iterdir())
    forms = {f"{key}.md" for key in measures_of(types)}  # one per measure the folder scores
    assert {"phq9.md", "gad7.md"} <= forms
    expected = {f"{n}.md" for n in types if n != "questionnaire"} | forms
    assert set(names) == expected and "urge.md" in names  # a folder's own type too
    plain = sorted(p.name for p in (folder / "capture" / "plain").iterdir())
    assert plain == names
    setting = json.loads((folder / OBSIDIAN_TEMPLATES).read_text(encoding="utf-8"))
    assert setting == {
        "folder": "capture/obsidian",
        "dateFormat": "YYYY-MM-DD",
        "timeFormat": "HH:mm",
    }
    sleep = (folder / "capture" / "obsidian" / "sleep.md").read_text(encoding="utf-8")
    assert 'date: "{{date}}"' in sleep and 'time: "{{time}}"' in sleep
    assert "caffeine:  # Caffeinated drinks the day before. [0–50] (optional)" in sleep
    assert "{{" not in (folder / "capture" / "plain" / "sleep.md").read_text(encoding="utf-8")


def test_the_capture_folder_is_never_read_as_records(folder: Path, run_cli) -> None:
    result = run_cli(["check", str(folder)])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1].startswith("0 errors, 0 warnings in 0 records")


def test_every_template_filled_in_passes_check(folder: Path, run_cli) -> None:
    """Must show (issue 13): from a template filled in with a value per field, check passes."""
    types, _ = load_types(folder)
    measures = measures_of(types)
    write_file(folder, "homework/2026-11-18-walks.md", HOMEWORK)
    for flavour in ("obsidian", "plain"):
        entries = folder / "entries"
        for template in sorted((folder / "capture" / flavour).iterdir()):
            stem = template.stem
            name = "questionnaire" if stem in measures else stem
            count = measures[stem].items if stem in measures else 0
            text = _fill(template.read_text(encoding="utf-8"), types[name].fields, count)
            write_file(entries, f"{stem}.md", text)
        result = run_cli(["check", str(folder), "--strict"])
        assert result.exit_code == 0, result.output
        n = len(list(entries.iterdir())) + 1  # and the homework
        assert n == len(types) - 1 + len(measures) + 1  # a template per measure
        last = result.stdout.splitlines()[-1]
        assert last.startswith(f"0 errors, 0 warnings in {n} records"), result.output
        for entry in entries.iterdir():
            entry.unlink()


def test_init_capture_adds_to_an_older_folder_and_never_overwrites(folder: Path, run_cli) -> None:
    sleep = folder / "capture" / "plain" / "sleep.md"
    sleep.write_text("my own sleep template\n", encoding="utf-8")
    (folder / "capture" / "obsidian" / "mood.md").unlink()
    again = run_cli(["init", str(folder), "--no-input"])  # set up: no templates without --capture
    assert "capture/" not in again.output
    result = run_cli(["init", str(folder), "--capture", "--no-input"])
    assert result.exit_code == 0
    assert str(folder / "capture" / "obsidian" / "mood.md") in result.output
    assert "differ from what the record types give now" in result.output
    assert "  capture/plain/sleep.md" in result.output
    assert sleep.read_text(encoding="utf-8") == "my own sleep template\n"  # left alone


def test_without_obsidian_no_obsidian_folder_is_made(tmp_path: Path) -> None:
    init_folder(tmp_path)
    assert (tmp_path / "capture" / "obsidian" / "mood.md").exists()
    assert not (tmp_path / ".obsidian").exists()


def test_an_obsidian_setting_of_its_own_is_left_alone(tmp_path: Path) -> None:
    write_file(tmp_path, OBSIDIAN_TEMPLATES, '{"folder": "Templates"}\n')
    result = init_folder(tmp_path)
    assert json.loads((tmp_path / OBSIDIAN_TEMPLATES).read_text()) == {"folder": "Templates"}
    assert any("Template folder location" in note for note in result.notes)


def test_templates_follow_the_types() -> None:
    templates: dict[str, Any] = capture_templates(builtin_types())
    assert "capture/plain/questionnaire.md" not in templates  # one per measure instead
    assert "instrument: phq9" in templates["capture/plain/phq9.md"]
    assert "time:" not in templates["capture/obsidian/goal.md"]  # a goal has no moment
    assert "set: '{{date}}'" in templates["capture/obsidian/goal.md"]
