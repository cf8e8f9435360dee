"""`interim report` and `interim summary`: formats, paths, exit codes and messages."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from test_render_support import make_folder

Run = Callable[..., Result]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.chdir(out)
    return make_folder(tmp_path / "f", hostile=False)


def test_report_default_path_is_owner_only(run_cli: Run, folder: Path) -> None:
    result = run_cli(["report", str(folder)])
    assert result.exit_code == 0, result.output
    path = Path(result.stdout.strip())
    assert path == Path.cwd() / "interim-report-2026-11-17.html"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(
    ("args", "name", "start"),
    [
        (["-o", "week.md"], "week.md", "# Session report"),
        (["--format", "json"], "interim-report-2026-11-17.json", "{"),
        (["--format", "csv", "-o", "x.txt"], "x.txt", "kind,date,time,type"),
        (["-o", "page.html"], "page.html", "<!DOCTYPE html>"),
    ],
)
def test_formats_and_paths(
    run_cli: Run, folder: Path, args: list[str], name: str, start: str
) -> None:
    result = run_cli(["report", str(folder), *args])
    assert result.exit_code == 0, result.output
    assert (Path.cwd() / name).read_text(encoding="utf-8").startswith(start)


def test_dash_writes_to_stdout(run_cli: Run, folder: Path) -> None:
    result = run_cli(["report", str(folder), "--format", "json", "-o", "-"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["safety"]["show"] is True
    assert list(Path.cwd().iterdir()) == []


def test_since_until_profile(run_cli: Run, folder: Path) -> None:
    args = ["--since", "3d", "--until", "2026-11-16", "--profile", "scores-only"]
    result = run_cli(["report", str(folder), "--format", "json", "-o", "-", *args])
    data = json.loads(result.stdout)
    assert data["period"]["start"] == "2026-11-14" and data["period"]["end"] == "2026-11-16"
    assert data["profile"] == "scores-only"


def test_files_with_errors_still_give_a_report(run_cli: Run, folder: Path) -> None:
    (folder / "records" / "broken.md").write_text("---\ntype: mood\ndate: 2026-13-01\n---\n")
    result = run_cli(["report", str(folder)])
    assert result.exit_code == 0
    assert result.stderr == "interim: 1 file has errors (listed in the report).\n"


@pytest.mark.parametrize(
    "args",
    [
        ["--since", "2026-11-20", "--until", "2026-11-17"],
        ["--since", "soon"],
        ["--profile", "nope"],
        ["--until", "17/11/2026"],
    ],
)
def test_usage_errors_exit_2(run_cli: Run, folder: Path, args: list[str]) -> None:
    result = run_cli(["report", str(folder), *args])
    assert result.exit_code == 2
    assert list(Path.cwd().iterdir()) == []


def test_settings_errors_exit_2(run_cli: Run, folder: Path) -> None:
    (folder / "interim.yaml").write_text("report_date: someday\n")
    assert run_cli(["report", str(folder)]).exit_code == 2


def test_template_errors_are_im920(run_cli: Run, folder: Path) -> None:
    (folder / "templates").mkdir()
    (folder / "templates" / "report.html.j2").write_text("<html>\n{{ ''.__class__ }}\n")
    result = run_cli(["report", str(folder)])
    assert result.exit_code == 2
    assert result.stderr.startswith("templates/report.html.j2:2:1: error IM920 ")
    assert "unsafe" in result.stderr
    assert list(Path.cwd().iterdir()) == []


def test_refused_without_the_safety_notice(run_cli: Run, folder: Path) -> None:
    (folder / "templates").mkdir()
    (folder / "templates" / "report.html.j2").write_text("no body here")
    result = run_cli(["report", str(folder)])
    assert result.exit_code == 2
    assert "safety notice" in result.stderr
    assert list(Path.cwd().iterdir()) == []


def test_summary_puts_safety_first(run_cli: Run, folder: Path) -> None:
    result = run_cli(["summary", str(folder)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("!! SAFETY: PHQ-9 item 9")
    assert "Mon 16 Nov 2026: PHQ-9 item 9 answered: more than half the days" in lines[1]
    assert "Nobody monitors these files" in result.stdout
    assert "Homework" in result.stdout and "Key numbers" in result.stdout


def test_summary_escapes_control_characters(run_cli: Run, folder: Path) -> None:
    # A value cannot hold a control character (`"\e"` is refused, IM107), but a file name
    # can, and the safety notice prints its path.
    phq9 = "---\ntype: questionnaire\ndate: 2026-11-16\ninstrument: phq9\nitems: [1,1,1,1,1,1,1,1,1]\n---\n"
    (folder / "questionnaires" / "\x1b[31mred\x07.md").write_text(phq9)
    result = run_cli(["summary", str(folder)])
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "\\x1b[31mred\\x07" in result.stdout


def test_help_imports_no_jinja_or_markdown() -> None:
    code = (
        "import sys\nfrom click.testing import CliRunner\nfrom interim.cli import main\n"
        "CliRunner().invoke(main, ['--help'])\nCliRunner().invoke(main, ['report', '--help'])\n"
        "print([m for m in sys.modules if m.startswith(('jinja2', 'markdown_it'))])"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.stdout.strip() == "[]", done.stderr
