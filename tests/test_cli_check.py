"""`interim check`: exit codes, the three output formats, escaping, the default folder and
the safety notice (DESIGN §2.3, §3)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from conftest import Write

RunCli = Callable[..., Result]
REPO = Path(__file__).resolve().parent.parent

GOOD = "---\ntype: mood\ndate: 2026-11-20\nmood: 4\n---\n"
WARNS = "---\ntype: mood\ndate: 2026-11-21\nmod: 4\n---\n"  # unknown field: IM203 warning
ERRS = "---\ntype: mood\ndate: 2026-11-22\nmood: 40\n---\n"  # out of range: IM205 error
PHQ9_ITEM9 = (
    "---\ntype: questionnaire\ndate: 2026-11-20\ninstrument: phq9\n"
    "items: [1, 1, 1, 1, 1, 1, 1, 1, 2]\n---\n"
)
DEFAULT_CONTACT = "If you are in danger now, call your local emergency number"


def check(run_cli: RunCli, root: Path, *options: str) -> Result:
    return run_cli(["check", str(root), *options])


# -- exit codes ----------------------------------------------------------------------------


def test_clean_folder_exits_0(tmp_path: Path, write: Write, run_cli: RunCli) -> None:
    write(tmp_path, "m.md", GOOD)
    result = check(run_cli, tmp_path)
    assert result.exit_code == 0
    assert (
        result.stdout
        == "0 errors, 0 warnings in 1 record (1 file: 1 read now, 0 from the cache).\n"
    )


def test_warnings_only_exit_0(tmp_path: Path, write: Write, run_cli: RunCli) -> None:
    write(tmp_path, "m.md", WARNS)
    result = check(run_cli, tmp_path)
    assert result.exit_code == 0
    assert "m.md:4:1: warning IM203" in result.stdout


def test_errors_exit_1(tmp_path: Path, write: Write, run_cli: RunCli) -> None:
    write(tmp_path, "m.md", ERRS)
    result = check(run_cli, tmp_path)
    assert result.exit_code == 1
    assert "m.md:4:7: error IM205" in result.stdout


def test_strict_makes_warnings_exit_1(tmp_path: Path, write: Write, run_cli: RunCli) -> None:
    write(tmp_path, "m.md", WARNS)
    assert check(run_cli, tmp_path, "--strict").exit_code == 1


def test_strict_with_a_clean_folder_exits_0(tmp_path: Path, write: Write, run_cli: RunCli) -> None:
    write(tmp_path, "m.md", GOOD)
    assert check(run_cli, tmp_path, "--strict").exit_code == 0


def test_strict_ignores_info_notices(tmp_path: Path, write: Write, run_cli: RunCli) -> None:
    write(tmp_path, "README.md", "# handout\n")
    result = check(run_cli, tmp_path, "--strict")
    assert "info IM101" in result.stdout
    assert result.exit_code == 0


def test_bad_settings_exit_2(tmp_path: Path, write: Write, run_cli: RunCli) -> None:
    write(tmp_path, "interim.yaml", "sleep:\n  efficiency_target: lots\n")
    write(tmp_path, "m.md", GOOD)
    result = check(run_cli, tmp_path)
    assert result.exit_code == 2
    # check lists the settings errors with everything else (on stdout), then says why it stops
    assert "interim.yaml:2:22: error IM901" in result.stdout
    assert "interim.yaml has errors" in result.stderr
    assert "Traceback" not in result.output


def test_nonexistent_folder_exits_2(tmp_path: Path, run_cli: RunCli) -> None:
    result = check(run_cli, tmp_path / "nope")
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_a_file_given_as_folder_exits_2(tmp_path: Path, write: Write, run_cli: RunCli) -> None:
    path = write(tmp_path, "m.md", GOOD)
    assert check(run_cli, path).exit_code == 2


def test_closing_line_counts_errors_warnings_and_records(
    tmp_path: Path, write: Write, run_cli: RunCli
) -> None:
    write(tmp_path, "a.md", GOOD)
    write(tmp_path, "b.md", WARNS)
    write(tmp_path, "c.md", ERRS)
    write(tmp_path, "README.md", "# hi\n")
    lines = check(run_cli, tmp_path).stdout.splitlines()
    assert lines[-1] == "1 error, 1 warning in 3 records (4 files: 4 read now, 0 from the cache)."


def test_text_lines_have_the_documented_shape(
    tmp_path: Path, write: Write, run_cli: RunCli
) -> None:
    write(tmp_path, "sub/m.md", ERRS)
    [line, _] = check(run_cli, tmp_path).stdout.splitlines()
    assert line.startswith("sub/m.md:4:7: error IM205 `mood` must be 0–10; got 40")
    assert "(hint: " in line


# -- formats -------------------------------------------------------------------------------


def test_json_is_valid_and_holds_the_same_diagnostics(
    tmp_path: Path, write: Write, run_cli: RunCli
) -> None:
    write(tmp_path, "b.md", WARNS)
    write(tmp_path, "c.md", ERRS)
    text = check(run_cli, tmp_path).stdout.splitlines()[:-1]
    result = check(run_cli, tmp_path, "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    from_json = [
        f"{d['path']}:{d['line']}:{d['col']}: {d['severity']} {d['code']} {d['message']}"
        for d in data["diagnostics"]
    ]
    assert [line.split(" (hint:")[0] for line in text] == from_json
    assert data["summary"] == {"errors": 1, "warnings": 1, "records": 2, "files": 2}


def test_json_of_a_clean_folder(tmp_path: Path, write: Write, run_cli: RunCli) -> None:
    write(tmp_path, "m.md", GOOD)
    result = check(run_cli, tmp_path, "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["diagnostics"] == []


def test_github_format_lines(tmp_path: Path, write: Write, run_cli: RunCli) -> None:
    write(tmp_path, "b.md", WARNS)
    write(tmp_path, "c.md", ERRS)
    result = check(run_cli, tmp_path, "--format", "github")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("::warning file=b.md,line=4,col=1,title=IM203::")
    assert lines[1].startswith("::error file=c.md,line=4,col=7,title=IM205::")


def test_github_format_escapes_properties(tmp_path: Path, write: Write, run_cli: RunCli) -> None:
    write(tmp_path, "a,b: c.md", ERRS)
    line = check(run_cli, tmp_path, "--format", "github").stdout.splitlines()[-1]
    assert line.startswith("::error file=a%2Cb%3A c.md,line=4,col=7,")


# -- escaping ------------------------------------------------------------------------------


@pytest.fixture
def hostile_names(tmp_path: Path, write: Write) -> Path:
    """File names with an ANSI colour sequence, a bell, a C1 CSI and a bidi override, and
    values with ESC, CSI and U+202E written as YAML escapes."""
    write(tmp_path, "evil\x1b[31m.md", ERRS)
    write(tmp_path, "bell\x07.md", WARNS)
    write(tmp_path, "c1\x9b31m.md", ERRS)
    write(tmp_path, "bidi\u202egnp.md", ERRS)
    write(tmp_path, "val.md", '---\ntype: "\\e[2Jmood"\ndate: 2026-11-20\n---\n')
    write(tmp_path, "val2.md", '---\ntype: "\\x9b2J\\u202emood"\ndate: 2026-11-20\n---\n')
    return tmp_path


def unprintable(text: str) -> list[str]:
    return [hex(ord(ch)) for ch in text if not ch.isprintable() and ch not in " \n"]


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_control_characters_are_escaped_in_every_format(
    fmt: str, hostile_names: Path, run_cli: RunCli
) -> None:
    result = run_cli(["check", str(hostile_names), "--format", fmt], color=True)
    assert result.exit_code == 1
    assert unprintable(result.stdout) == [], result.stdout
    if fmt == "json":
        paths = {d["path"] for d in json.loads(result.stdout)["diagnostics"]}
        assert "evil\x1b[31m.md" in paths  # escaped in the text, exact in the data
        assert "bidi\u202egnp.md" in paths


@pytest.mark.skipif(sys.platform == "darwin", reason="APFS refuses names that are not UTF-8")
@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_file_name_that_is_not_utf8_is_escaped(
    fmt: str, tmp_path: Path, write: Write, run_cli: RunCli
) -> None:
    name = os.fsdecode(b"caf\xe9.md")  # a Latin-1 name from an old archive
    write(tmp_path, name, ERRS)
    result = run_cli(["check", str(tmp_path), "--format", fmt])
    assert result.exit_code == 1
    assert unprintable(result.stdout) == []
    assert "caf\\udce9.md" in result.stdout


def test_escaped_file_name_is_readable_in_text(hostile_names: Path, run_cli: RunCli) -> None:
    out = run_cli(["check", str(hostile_names)], color=True).stdout
    assert "evil\\x1b[31m.md:4:7: error IM205" in out
    assert "bell\\x07.md:4:1: warning IM203" in out


# -- default folder ------------------------------------------------------------------------


def test_interim_folder_environment_variable_is_the_default(
    tmp_path: Path, write: Write, run_cli: RunCli
) -> None:
    write(tmp_path, "m.md", ERRS)
    result = run_cli(["check"], env={"INTERIM_FOLDER": str(tmp_path)})
    assert result.exit_code == 1
    assert "m.md:4:7: error IM205" in result.stdout


def test_current_directory_is_the_last_default(
    tmp_path: Path, write: Write, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "m.md", ERRS)
    monkeypatch.chdir(tmp_path)
    result = run_cli(["check"], env={"INTERIM_FOLDER": None})
    assert result.exit_code == 1
    assert "m.md:4:7" in result.stdout


def test_an_argument_wins_over_the_environment(
    tmp_path: Path, write: Write, run_cli: RunCli
) -> None:
    write(tmp_path, "a/m.md", ERRS)
    write(tmp_path, "b/m.md", GOOD)
    result = run_cli(["check", str(tmp_path / "b")], env={"INTERIM_FOLDER": str(tmp_path / "a")})
    assert result.exit_code == 0


# -- the safety notice ---------------------------------------------------------------------


def test_safety_notice_never_changes_the_exit_code(
    tmp_path: Path, write: Write, run_cli: RunCli
) -> None:
    write(tmp_path, "q.md", PHQ9_ITEM9)
    assert check(run_cli, tmp_path).exit_code == 0
    assert check(run_cli, tmp_path, "--strict").exit_code == 0


def test_text_output_ends_with_the_safety_lines(
    tmp_path: Path, write: Write, run_cli: RunCli
) -> None:
    write(tmp_path, "q.md", PHQ9_ITEM9)
    lines = check(run_cli, tmp_path).stdout.rstrip("\n").splitlines()
    assert "q.md:5:8: info IM220" in lines[0]
    assert lines[-3].startswith("SAFETY:")
    assert DEFAULT_CONTACT in lines[-2]
    assert "Nobody monitors these files" in lines[-1]


def test_safety_lines_show_the_configured_crisis_contacts(
    tmp_path: Path, write: Write, run_cli: RunCli
) -> None:
    write(tmp_path, "interim.yaml", 'crisis_contacts: "Samaritans (UK): 116 123"\n')
    write(tmp_path, "q.md", PHQ9_ITEM9)
    out = check(run_cli, tmp_path).stdout
    assert "Samaritans (UK): 116 123" in out
    assert DEFAULT_CONTACT not in out
    assert "Nobody monitors these files" in out


def test_unanswered_item_9_also_shows_the_safety_lines(
    tmp_path: Path, write: Write, run_cli: RunCli
) -> None:
    write(tmp_path, "q.md", PHQ9_ITEM9.replace("1, 2]", "1, null]"))
    out = check(run_cli, tmp_path).stdout
    assert "not answered" in out
    assert DEFAULT_CONTACT in out


def test_safety_lines_follow_an_error_elsewhere(
    tmp_path: Path, write: Write, run_cli: RunCli
) -> None:
    write(tmp_path, "q.md", PHQ9_ITEM9)
    write(tmp_path, "z.md", ERRS)
    result = check(run_cli, tmp_path)
    assert result.exit_code == 1
    assert "Nobody monitors these files" in result.stdout.splitlines()[-1]


def test_no_safety_lines_without_a_safety_notice(
    tmp_path: Path, write: Write, run_cli: RunCli
) -> None:
    write(tmp_path, "q.md", PHQ9_ITEM9.replace("1, 2]", "1, 0]"))
    out = check(run_cli, tmp_path).stdout
    assert "SAFETY" not in out
    assert DEFAULT_CONTACT not in out


def test_github_format_leaves_out_the_safety_notice(
    tmp_path: Path, write: Write, run_cli: RunCli
) -> None:
    write(tmp_path, "q.md", PHQ9_ITEM9)
    result = check(run_cli, tmp_path, "--format", "github")
    assert result.exit_code == 0
    assert result.stdout == ""


def test_json_keeps_the_safety_notice(tmp_path: Path, write: Write, run_cli: RunCli) -> None:
    write(tmp_path, "q.md", PHQ9_ITEM9)
    data = json.loads(check(run_cli, tmp_path, "--format", "json").stdout)
    assert [d["code"] for d in data["diagnostics"]] == ["IM220"]
    assert data["diagnostics"][0]["severity"] == "info"


# -- start-up ------------------------------------------------------------------------------


def test_help_imports_no_heavy_modules() -> None:
    code = (
        "import sys, interim.cli; from click.testing import CliRunner; "
        "CliRunner().invoke(interim.cli.main, ['--help']); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'yaml','jinja2','typst','markdown_it','watchdog','icalendar'}))"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    )
    assert proc.stdout.strip() == "[]"


def test_check_help_lists_the_exit_codes(run_cli: RunCli) -> None:
    result = run_cli(["check", "--help"])
    assert result.exit_code == 0
    assert "--strict" in result.stdout
    assert "--format" in result.stdout
