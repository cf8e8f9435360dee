"""`interim init`: the layout, a settings file that lists every setting and loads back as
the defaults, and the promise that running it again changes nothing."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
from pathlib import Path

import pytest

from interim.commands.init import LAYOUT, init_folder, obsidian_types, settings_text
from interim.settings import SETTINGS_FILE, SPEC, load_settings
from interim.types import builtin_types
from tests.conftest import write_file


def tree_digest(root: Path) -> dict[str, str]:
    """Every path under root with its kind, permissions and content hash."""
    out = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        mode = stat.S_IMODE(path.lstat().st_mode)
        if path.is_dir():
            out[rel] = f"dir {mode:o}"
        else:
            out[rel] = f"file {mode:o} {hashlib.sha256(path.read_bytes()).hexdigest()}"
    return out


def test_layout_and_printed_paths(tmp_path: Path, run_cli) -> None:
    root = tmp_path / "my-therapy"
    result = run_cli(["init", str(root)])
    assert result.exit_code == 0
    printed = result.output.splitlines()
    for name in (*LAYOUT, SETTINGS_FILE, "README.md", ".gitignore"):
        assert (root / name).exists()
        assert str(root / name) in printed  # each path written is printed
    assert not (root / ".obsidian").exists()


def test_running_init_twice_changes_nothing(tmp_path: Path, run_cli) -> None:
    assert run_cli(["init", str(tmp_path), "--obsidian"]).exit_code == 0
    before = tree_digest(tmp_path)
    again = run_cli(["init", str(tmp_path), "--obsidian"])
    assert again.exit_code == 0
    assert tree_digest(tmp_path) == before
    assert "nothing written" in again.output


def test_never_overwrites_and_fills_in_what_is_missing(tmp_path: Path, run_cli) -> None:
    write_file(tmp_path, "README.md", "my notes\n")
    write_file(tmp_path, SETTINGS_FILE, "name: Sam\n")
    (tmp_path / "records").mkdir()
    result = run_cli(["init", str(tmp_path)])
    assert (tmp_path / "README.md").read_text() == "my notes\n"
    assert (tmp_path / SETTINGS_FILE).read_text() == "name: Sam\n"
    assert str(tmp_path / "README.md") not in result.output.splitlines()
    assert str(tmp_path / "sessions") in result.output.splitlines()


def test_settings_file_lists_every_setting_and_loads_as_the_defaults(tmp_path: Path) -> None:
    init_folder(tmp_path)
    text = (tmp_path / SETTINGS_FILE).read_text(encoding="utf-8")
    for key, _, spec in SPEC:
        leaf = key.rsplit(".", 1)[-1]
        assert f"{leaf}:" in text, key
        assert spec.description in text, key  # commented with its description
    settings, problems = load_settings(tmp_path)
    assert problems == []
    assert settings.flat() == {key: default for key, default, _ in SPEC}


@pytest.mark.parametrize("contacts", ["Samaritans: 116 123", "#1 call 999", "no", "'quoted' \"x\""])
def test_crisis_contacts_are_written_as_typed(tmp_path: Path, contacts: str) -> None:
    (tmp_path / SETTINGS_FILE).write_text(settings_text({"crisis_contacts": contacts}))
    settings, problems = load_settings(tmp_path)
    assert problems == [] and settings.crisis_contacts == contacts


def test_gitignore_covers_generated_reports(tmp_path: Path) -> None:
    init_folder(tmp_path)
    lines = (tmp_path / ".gitignore").read_text().splitlines()
    assert "interim-report-*" in lines and "interim-reminders.ics" in lines


def test_readme_is_not_a_record_and_the_folder_checks_clean(tmp_path: Path, run_cli) -> None:
    init_folder(tmp_path)
    result = run_cli(["check", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0
    codes = {d["code"] for d in json.loads(result.output)["diagnostics"]}
    assert codes <= {"IM101"}
    readme = (tmp_path / "README.md").read_text()
    assert "interim new mood" in readme and "interim report" in readme and "Help" in readme


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_files_are_owner_only(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        init_folder(tmp_path / "f")
    finally:
        os.umask(old)
    for name in (SETTINGS_FILE, "README.md", ".gitignore"):
        assert stat.S_IMODE((tmp_path / "f" / name).stat().st_mode) == 0o600


def test_obsidian_types(tmp_path: Path, run_cli) -> None:
    result = run_cli(["init", str(tmp_path), "--obsidian"])
    assert str(tmp_path / ".obsidian/types.json") in result.output
    data = json.loads((tmp_path / ".obsidian/types.json").read_text())
    types = data["types"]
    assert types["date"] == "date" and types["mood"] == "number" and types["tags"] == "tags"
    assert types["emotions"] == "multitext"  # a list in mood; a list of rows elsewhere
    assert types["private"] == "checkbox" and types["binge"] == "checkbox"
    assert types["bedtime"] == "text"  # Obsidian has no time-of-day type
    assert "goals" not in types  # a mapping: Obsidian has no type that holds it
    allowed = {"text", "multitext", "number", "checkbox", "date", "datetime", "aliases", "tags"}
    assert set(types.values()) <= allowed


def test_obsidian_existing_types_are_left_alone(tmp_path: Path, run_cli) -> None:
    mine = {"types": {"mood": "text", "rating": "number"}}
    write_file(tmp_path, ".obsidian/types.json", json.dumps(mine))
    result = run_cli(["init", str(tmp_path), "--obsidian"])
    assert json.loads((tmp_path / ".obsidian/types.json").read_text()) == mine
    assert '"mood": "number"' in result.output  # the entries to add, printed
    assert '"anxiety": "number"' in result.output


def test_folder_types_count_for_obsidian(tmp_path: Path) -> None:
    write_file(
        tmp_path,
        "types/urge.yaml",
        "name: urge\nfields:\n  strength:\n    kind: scale\n    min: 0\n    max: 10\n"
        "    description: How strong.\n  acted:\n    kind: boolean\n    description: Acted on it?\n",
    )
    init_folder(tmp_path, obsidian=True)
    types = json.loads((tmp_path / ".obsidian/types.json").read_text())["types"]
    assert types["strength"] == "number" and types["acted"] == "checkbox"
    assert obsidian_types(builtin_types())["quality"] == "number"


def test_pre_commit_hook() -> None:
    import yaml

    hooks = yaml.safe_load((Path(__file__).parents[1] / ".pre-commit-hooks.yaml").read_text())
    [hook] = [h for h in hooks if h["id"] == "interim-check"]
    assert hook["entry"] == "interim check" and hook["language"] == "python"
    assert hook["pass_filenames"] is False and hook["always_run"] is True
