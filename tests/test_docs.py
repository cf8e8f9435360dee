"""Documentation that cannot drift: every code has docs whose examples do what they say, the
generated `docs/diagnostics.md` is current, every command has help, and the README names
every command (STYLE.md 9, after sqlite-utils' tests/test_docs.py)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from interim.cli import main
from interim.diagnostics import docgen
from interim.diagnostics.codes import CODES
from interim.diagnostics.explain import DOCS, example_files
from interim.folder import load_folder

ROOT = Path(__file__).parent.parent
DOCS_PAGE = ROOT / "docs" / "diagnostics.md"
REGENERATE = "run `python -m interim.diagnostics.docgen` to regenerate docs/diagnostics.md"


# -- the code docs -------------------------------------------------------------------------


def test_every_code_has_docs_and_no_docs_without_a_code() -> None:
    assert sorted(DOCS) == sorted(CODES)


@pytest.mark.parametrize("code", sorted(CODES))
def test_code_docs_are_filled_in(code: str) -> None:
    doc = DOCS[code]
    for name in ("explanation", "bad", "good"):
        assert getattr(doc, name).strip(), f"{code}: empty {name}"
    sentences = re.findall(r"[.!?](?:\s|$)", doc.explanation.strip())
    assert 2 <= len(sentences) <= 4, f"{code}: explain in 2–4 sentences"
    assert doc.bad != doc.good


def write_example(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    return root


def reported(root: Path) -> list[tuple[str, str]]:
    return [(d.code, d.message) for d in load_folder(root).diagnostics]


FILE_EXAMPLES = sorted(code for code, doc in DOCS.items() if example_files(doc.bad) is not None)


def test_most_examples_are_real_files() -> None:
    """Descriptions are for what text cannot show (encodings, pipes, links, huge files)."""
    described = sorted(set(DOCS) - set(FILE_EXAMPLES))
    assert described == [
        "IM100", "IM102", "IM103", "IM112", "IM114", "IM115", "IM116", "IM123", "IM920",
        "IM921",
    ]  # fmt: skip


@pytest.mark.parametrize("code", FILE_EXAMPLES)
def test_bad_example_reports_its_code(code: str, tmp_path: Path) -> None:
    if code == "IM124" and os.name == "nt":
        pytest.skip("Windows cannot create the bad name (that is the point)")
    files = example_files(DOCS[code].bad)
    assert files is not None
    found = reported(write_example(tmp_path, files))
    assert code in {c for c, _ in found}, found


@pytest.mark.parametrize("code", FILE_EXAMPLES)
def test_good_example_reports_nothing(code: str, tmp_path: Path) -> None:
    files = example_files(DOCS[code].good)
    if files is None:
        assert code == "IM220", "only the safety notice has nothing to fix"
        return
    assert reported(write_example(tmp_path, files)) == []


def test_example_files_splits_on_headers() -> None:
    text = "==> a.md <==\n---\ntype: note\n---\n==> sub/b.yaml <==\nname: b\n"
    assert example_files(text) == {"a.md": "---\ntype: note\n---\n", "sub/b.yaml": "name: b\n"}
    assert example_files("a named pipe called mood.md") is None


# -- the generated page --------------------------------------------------------------------


def test_diagnostics_page_is_current() -> None:
    assert DOCS_PAGE.exists(), REGENERATE
    on_disk = DOCS_PAGE.read_bytes().decode("utf-8")
    assert on_disk == docgen.generate(), REGENERATE


def test_page_documents_every_code_once() -> None:
    text = docgen.generate()
    for code in CODES.values():
        assert text.count(f"\n### {code.code} {code.name}\n") == 1, code.code


def test_generation_is_deterministic() -> None:
    assert docgen.generate() == docgen.generate()


def test_docgen_writes_and_checks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "docs" / "diagnostics.md"
    assert docgen.main(["--check", "--output", str(page)]) == 1  # missing
    assert docgen.main(["--output", str(page)]) == 0
    assert page.read_bytes().decode("utf-8") == docgen.generate()
    assert docgen.main(["--check", "--output", str(page)]) == 0
    page.write_bytes(page.read_bytes() + b"edited by hand\n")
    assert docgen.main(["--check", "--output", str(page)]) == 1
    assert "python -m interim.diagnostics.docgen" in capsys.readouterr().err


def test_fence_outgrows_backticks_inside() -> None:
    assert docgen.fence("a ```b``` c", "text") == "````text\na ```b``` c\n````\n"


# -- commands ------------------------------------------------------------------------------


def listed_commands() -> list[str]:
    """The command names in the "Commands:" section of `interim --help`."""
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    section = result.output.split("Commands:\n", 1)[1]
    return re.findall(r"^  (\S+)", section, re.M)


def test_help_lists_every_command() -> None:
    assert sorted(listed_commands()) == sorted(main.commands)


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_has_help(name: str) -> None:
    command = main.commands[name]
    assert (command.help or "").strip(), f"`interim {name}` has no help text"
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert f"Usage: main {name}" in result.output or f"Usage: interim {name}" in result.output
    for param in command.params:
        if param.param_type_name == "option":
            assert getattr(param, "help", None), f"`interim {name} {param.opts[0]}` has no help"


def test_readme_mentions_every_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [name for name in listed_commands() if f"interim {name}" not in readme]
    assert not missing, f"README.md does not mention: {missing}"
