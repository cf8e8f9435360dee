"""interim.settings: `interim.yaml` has a default for every key and is validated with positions;
a broken settings file stops a command with exit 2 and a positioned message (DESIGN §2, §3)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from conftest import Write

from interim.diagnostics import Diagnostic, Severity
from interim.settings import SETTINGS_FILE, SPEC, Settings, load_settings, settings_errors

RunCli = Callable[..., Result]


def settings_of(root: Path, write: Write, text: str | bytes) -> tuple[Settings, list[Diagnostic]]:
    write(root, SETTINGS_FILE, text)
    return load_settings(root)


def where(diags: list[Diagnostic]) -> list[tuple[str, int, int]]:
    return [(d.code, d.line, d.col) for d in diags]


def test_no_settings_file_gives_every_default(tmp_path: Path) -> None:
    settings, diags = load_settings(tmp_path)
    assert diags == []
    assert settings.path is None
    assert settings.flat() == {key: default for key, default, _ in SPEC}


def test_every_setting_has_a_default_and_a_description() -> None:
    for key, _, spec in SPEC:
        assert spec.description, key
    settings = Settings()
    assert settings.checkin.day == "sunday"
    assert settings.checkin.time == dt.time(18, 0)
    assert settings.day_start == dt.time(4, 0)
    assert settings.sleep.window is False
    assert settings.sleep.window_min_hours == 5
    assert settings.report.paper == "a4"
    assert settings.crisis_contacts == ""
    assert settings.report_date is None


def test_empty_settings_file_gives_every_default(tmp_path: Path, write: Write) -> None:
    settings, diags = settings_of(tmp_path, write, "# nothing yet\n")
    assert diags == []
    assert settings.flat() == Settings().flat()


def test_settings_values_are_read_by_kind(tmp_path: Path, write: Write) -> None:
    settings, diags = settings_of(
        tmp_path,
        write,
        "name: Sam\nreport_date: 2026-11-17\ncheckin:\n  day: Friday\n  time: 7:30 pm\n"
        "sleep:\n  window: yes\n  efficiency_target: 080\nfiles:\n  ignore: [drafts/]\n",
    )
    assert diags == []
    assert settings.name == "Sam"
    assert settings.report_date == dt.date(2026, 11, 17)
    assert settings.checkin.day == "friday"
    assert settings.checkin.time == dt.time(19, 30)
    assert settings.sleep.window is True
    assert settings.sleep.efficiency_target == 80
    assert settings.files.ignore == ("drafts/",)


def test_unquoted_time_setting_is_a_time_not_sexagesimal(tmp_path: Path, write: Write) -> None:
    settings, _ = settings_of(tmp_path, write, "day_start: 05:30\n")
    assert settings.day_start == dt.time(5, 30)


def test_empty_setting_keeps_its_default(tmp_path: Path, write: Write) -> None:
    settings, diags = settings_of(tmp_path, write, "checkin:\n  day:\n")
    assert diags == []
    assert settings.checkin.day == "sunday"


def test_crisis_contacts_are_read(tmp_path: Path, write: Write) -> None:
    settings, _ = settings_of(tmp_path, write, 'crisis_contacts: "Samaritans: 116 123"\n')
    assert settings.crisis_contacts == "Samaritans: 116 123"


def test_bad_value_is_im901_at_the_value(tmp_path: Path, write: Write) -> None:
    _, diags = settings_of(tmp_path, write, "name: Sam\ncheckin:\n  day: Sundy\n")
    [d] = diags
    assert (d.code, d.path, d.line, d.col) == ("IM901", "interim.yaml", 3, 8)
    assert d.severity is Severity.ERROR
    assert "did you mean `sunday`" in d.hint


def test_out_of_range_setting_is_im901_and_keeps_the_default(tmp_path: Path, write: Write) -> None:
    settings, diags = settings_of(tmp_path, write, "sleep:\n  efficiency_target: 120\n")
    assert where(diags) == [("IM901", 2, 22)]
    assert settings.sleep.efficiency_target == 85


def test_sleep_window_never_goes_below_five_hours(tmp_path: Path, write: Write) -> None:
    _, diags = settings_of(tmp_path, write, "sleep:\n  window_min_hours: 4\n")
    assert where(diags) == [("IM901", 2, 21)]


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("report_date: 2026-02-30\n", (1, 14)),
        ("checkin:\n  time: 25:00\n", (2, 9)),
        ("files:\n  max_size: 10\n", (2, 13)),
        ("report:\n  paper: A5\n", (2, 10)),
        ("profiles: 3\n", (1, 11)),
    ],
)
def test_bad_settings_are_im901_with_positions(
    text: str, position: tuple[int, int], tmp_path: Path, write: Write
) -> None:
    _, diags = settings_of(tmp_path, write, text)
    assert where(diags) == [("IM901", *position)]


def test_unknown_key_is_im902_warning_with_did_you_mean(tmp_path: Path, write: Write) -> None:
    _, diags = settings_of(tmp_path, write, "checkin:\n  tim: 18:00\n")
    [d] = diags
    assert (d.code, d.line, d.col, d.severity) == ("IM902", 2, 3, Severity.WARNING)
    assert "checkin.tim" in d.message
    assert "did you mean `checkin.time`" in d.hint


def test_unknown_top_level_key_is_im902(tmp_path: Path, write: Write) -> None:
    _, diags = settings_of(tmp_path, write, "nmae: Sam\n")
    [d] = diags
    assert (d.code, d.line, d.col) == ("IM902", 1, 1)
    assert "did you mean `name`" in d.hint


def test_unknown_key_is_not_a_settings_error(tmp_path: Path, write: Write) -> None:
    _, diags = settings_of(tmp_path, write, "colour: blue\n")
    assert settings_errors(diags) == []


def test_a_section_written_as_a_value_is_an_error_not_an_unknown_key(
    tmp_path: Path, write: Write
) -> None:
    _, diags = settings_of(tmp_path, write, "sleep: 3\n")
    [d] = diags
    assert d.code == "IM901"
    assert "not an interim setting" not in d.message


def test_an_empty_section_keeps_its_defaults(tmp_path: Path, write: Write) -> None:
    settings, diags = settings_of(tmp_path, write, "sleep:\n")
    assert diags == []
    assert settings.sleep.efficiency_target == 85


def test_yaml_syntax_error_is_im901_with_position(tmp_path: Path, write: Write) -> None:
    _, diags = settings_of(tmp_path, write, "name: Sam\ncheckin:\n  day: sunday\n   time: x: y\n")
    [d] = diags
    assert d.code == "IM901"
    assert d.line == 4


def test_duplicate_setting_is_im901_naming_both_lines(tmp_path: Path, write: Write) -> None:
    _, diags = settings_of(tmp_path, write, "name: A\nname: B\n")
    [d] = diags
    assert (d.code, d.line) == ("IM901", 2)
    assert "line 1" in d.message


def test_settings_in_windows_1252_are_im901_at_the_bad_byte(tmp_path: Path, write: Write) -> None:
    _, diags = settings_of(tmp_path, write, "name: Zo\xeb\n".encode("cp1252"))
    assert where(diags) == [("IM901", 1, 9)]


def test_settings_with_crlf_and_bom_have_the_same_positions(tmp_path: Path, write: Write) -> None:
    _, diags = settings_of(tmp_path, write, b"\xef\xbb\xbfname: Sam\r\ncheckin:\r\n  day: x\r\n")
    assert where(diags) == [("IM901", 3, 8)]


def test_anchors_in_settings_are_refused(tmp_path: Path, write: Write) -> None:
    _, diags = settings_of(tmp_path, write, "name: &a Sam\ncrisis_contacts: *a\n")
    assert [d.code for d in diags] == ["IM901"]


def test_broken_settings_stop_check_with_exit_2(
    tmp_path: Path, write: Write, run_cli: RunCli
) -> None:
    write(tmp_path, SETTINGS_FILE, "name: Sam\ncheckin:\n  day: Sundy\n")
    write(tmp_path, "m.md", "---\ntype: mood\ndate: 2026-11-20\n---\n")
    result = run_cli(["check", str(tmp_path)])
    assert result.exit_code == 2
    assert "interim.yaml:3:8: error IM901" in result.stdout
    assert "interim.yaml has errors" in result.stderr
    assert "Traceback" not in result.output


def test_settings_with_bad_yaml_stop_check_with_exit_2(
    tmp_path: Path, write: Write, run_cli: RunCli
) -> None:
    write(tmp_path, SETTINGS_FILE, "name: [Sam\n")
    result = run_cli(["check", str(tmp_path)])
    assert result.exit_code == 2
    assert "interim.yaml:" in result.stdout
    assert "IM901" in result.stdout
    assert "interim.yaml has errors" in result.stderr
    assert "Traceback" not in result.output


def test_unknown_setting_does_not_stop_check(tmp_path: Path, write: Write, run_cli: RunCli) -> None:
    write(tmp_path, SETTINGS_FILE, "nmae: Sam\n")
    result = run_cli(["check", str(tmp_path)])
    assert result.exit_code == 0
    assert result.stdout.count("interim.yaml:1:1: warning IM902") == 1


# -- the typed tree ------------------------------------------------------------------------


def test_every_setting_is_an_attribute_of_the_tree() -> None:
    """SPEC is derived from the dataclass tree: each dotted key is the attribute path."""
    settings = Settings()
    for key, default, _ in SPEC:
        node: object = settings
        for part in key.split("."):
            node = getattr(node, part)
        assert node == default, key


def test_the_tree_is_frozen() -> None:
    import dataclasses

    with pytest.raises(dataclasses.FrozenInstanceError):
        Settings().sleep.window = True


def _another(value: object, spec_kind: str, choices: tuple[str, ...]) -> object:
    """A value of the setting's kind that differs from `value`."""
    if spec_kind == "choice":
        return next(c for c in choices if c != value)
    if spec_kind == "boolean":
        return not value
    if spec_kind in ("integer", "scale", "minutes", "number"):
        return int(value) + 1
    if spec_kind == "date":
        return dt.date(2026, 11, 20)
    if spec_kind == "time":
        return dt.time(5, 5)
    if spec_kind == "list":
        return ("drafts/",)
    if spec_kind == "mapping":
        return {"gp": {"free_text": "false"}}
    return f"{value}x"


@pytest.mark.parametrize("key", [key for key, _, _ in SPEC])
def test_the_cache_key_changes_with_every_setting(key: str) -> None:
    from interim.folder import cache_key
    from interim.settings.model import build

    default, spec = next((d, s) for k, d, s in SPEC if k == key)
    changed = build({key: _another(default, spec.kind, spec.choices)})
    assert changed.flat()[key] != default
    assert cache_key(changed, "") != cache_key(Settings(), "")


@pytest.mark.parametrize(
    ("day", "ok"),
    [("1899-12-31", False), ("1900-01-01", True), ("9000-12-31", True), ("9001-01-01", False)],
)
def test_report_date_at_its_bounds(tmp_path: Path, day: str, ok: bool) -> None:
    """A report reaches weeks before its date and days after it: near the calendar's ends
    those sums overflowed (an internal error in check and report alike)."""
    (tmp_path / SETTINGS_FILE).write_text(f"report_date: {day}\n", encoding="utf-8")
    settings, diags = load_settings(tmp_path)
    if ok:
        assert settings.report_date == dt.date.fromisoformat(day) and not diags
    else:
        assert settings.report_date is None
        assert [(d.code, d.line, d.col) for d in diags] == [("IM901", 1, 14)]
        assert "between 1900-01-01 and 9000-12-31" in diags[0].message


@pytest.mark.parametrize("command", ["report", "summary", "course", "caseload"])
@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_until_out_of_range_is_a_usage_error(
    run_cli: Callable[..., Result], tmp_path: Path, command: str, day: str
) -> None:
    (tmp_path / SETTINGS_FILE).write_text("name: A\n", encoding="utf-8")
    result = run_cli(
        [command, str(tmp_path), "--until", day, "-o", str(tmp_path / "x.html")]
        if command in ("report", "caseload")
        else [command, str(tmp_path), "--until", day]
    )
    assert result.exit_code == 2, result.output
    assert "a report date must be between 1900-01-01 and 9000-12-31" in result.stderr
    assert "Traceback" not in result.output
