"""What a newcomer's trial found: each message names the real mistake, and no problem hides
another."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from tests.conftest import Write

Run = Callable[..., Result]

PHQ9_RISK = (
    "---\ntype: questionnaire\ndate: 2026-11-20\ninstrument: phq9\n"
    "items: [1, 1, 1, 1, 1, 1, 1, 1, 2]\n---\n"
)


def test_a_broken_settings_file_still_checks_every_record(
    tmp_path: Path, write: Write, run_cli: Run
) -> None:
    write(tmp_path, "interim.yaml", "sleeep: 3\nday_start: 25:00\n")
    write(tmp_path, "q.md", PHQ9_RISK)
    write(tmp_path, "m.md", "---\ntype: mood\ndate: 2026-11-20\nmood: 12\n---\n")
    result = run_cli(["check", str(tmp_path), "--no-cache"])
    assert result.exit_code == 2
    assert "interim.yaml:2:12: error IM901" in result.stdout
    assert (
        "interim.yaml:1:1: warning IM902 `sleeep` is not an interim setting (hint: did you mean `sleep`?)"
        in result.stdout
    )
    assert "m.md:4:7: error IM205" in result.stdout
    assert "q.md:5:8: info IM220" in result.stdout
    assert "SAFETY" in result.stdout
    assert "interim.yaml has errors" in result.stderr


def test_remind_to_stdout(
    tmp_path: Path, write: Write, run_cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "s.md", "---\ntype: session\ndate: 2026-11-20\nstatus: held\n---\n")
    result = run_cli(["remind", str(tmp_path), "-o", "-"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("BEGIN:VCALENDAR")
    assert not (tmp_path / "-").exists()


def test_a_format_that_contradicts_the_file_name_is_refused(
    tmp_path: Path, write: Write, run_cli: Run
) -> None:
    write(tmp_path, "n.md", "---\ntype: note\ndate: 2026-11-20\ntitle: x\n---\n")
    out = tmp_path.parent / "out.pdf"
    result = run_cli(["report", str(tmp_path), "-o", str(out), "--format", "html"])
    assert result.exit_code == 2
    assert "is a .pdf file name but --format is html" in result.stderr
    assert not out.exists()


def test_an_unknown_type_name_gets_a_suggestion(run_cli: Run) -> None:
    result = run_cli(["types", "moood"])
    assert result.exit_code == 2
    assert "did you mean `mood`?" in result.stderr


def test_a_date_option_hint_is_command_line_syntax(tmp_path: Path, run_cli: Run) -> None:
    result = run_cli(
        ["new", "mood", "--folder", str(tmp_path), "--date", "20/11/2026", "--no-input"]
    )
    assert result.exit_code == 2
    assert "for example --date 2026-11-20" in result.stderr


def test_lights_out_before_bedtime_is_named(tmp_path: Path, write: Write, run_cli: Run) -> None:
    write(
        tmp_path,
        "s.md",
        "---\ntype: sleep\ndate: 2026-11-20\nbedtime: 23:00\nlights_out: 22:50\n"
        "final_wake: 06:30\nout_of_bed: 06:45\n---\n",
    )
    result = run_cli(["check", str(tmp_path), "--no-cache"])
    assert (
        "s.md:5:13: warning IM210 `lights_out` (22:50) is earlier than `bedtime` (23:00)"
        in result.stdout
    )


def test_hand_editing_mistakes_are_named_at_their_line(
    tmp_path: Path, write: Write, run_cli: Run
) -> None:
    write(tmp_path, "tab.md", "---\ntype: mood\ndate: 2026-11-20\nemotions:\n\t- sad\n---\n")
    write(tmp_path, "colon.md", "---\ntype: mood\ndate: 2026-11-20\nmood:4\nanxiety: 3\n---\n")
    write(tmp_path, "curly.md", "---\ntype: mood\ndate: 2026-11-20\ntime: \u201c21:30\u201d\n---\n")
    result = run_cli(["check", str(tmp_path), "--no-cache"])
    assert "tab.md:5:1: error IM107 this line is indented with a tab" in result.stdout
    assert (
        "colon.md:4:5: error IM107 `mood:` needs a space after the colon (hint: write `mood: 4`)"
        in result.stdout
    )
    assert "curly.md:4:7: error IM207" in result.stdout
    assert "use straight quotes" in result.stdout


def test_a_comma_list_is_kept_as_written_with_a_warning(
    tmp_path: Path, write: Write, run_cli: Run
) -> None:
    write(tmp_path, "m.md", "---\ntype: mood\ndate: 2026-11-20\nemotions: sad, tired\n---\n")
    result = run_cli(["check", str(tmp_path), "--no-cache"])
    assert result.exit_code == 0
    assert "m.md:4:11: warning IM222" in result.stdout
    assert "emotions: [sad, tired]" in result.stdout
