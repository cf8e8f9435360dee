"""The corpus: one folder per diagnostic code, each proving its code with the exact output of
`interim check` (STYLE.md 9), plus `valid/`, one clean record of every built-in type.

`tests/corpus/IMnnn/` holds the smallest files that make interim report IMnnn and
`expected.txt`, everything `interim check` prints for that folder (paths relative to it, the
closing count line included). Objects git cannot hold, or that would break a checkout on
another system (a FIFO, a symlink, an unreadable file, names that differ only in Unicode form
or case, Windows-reserved names), are made by `SETUP` below in a temporary copy.

To regenerate the expected files after a deliberate change to a message:

    UPDATE_GOLDEN=1 pytest tests/test_corpus.py

then read every changed `expected.txt` (`git diff tests/corpus`): a golden file that
enshrines a wrong line, column or word is a bug, not a test.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from interim.cli import main
from interim.diagnostics.codes import CODES

CORPUS = Path(__file__).parent / "corpus"
EXPECTED = "expected.txt"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
PACKAGE = Path(__file__).parent.parent / "interim"

# Codes that nothing in interim emits yet, so no folder can prove them. A test below fails as
# soon as one of them is emitted, so that its corpus folder gets written.
NOT_EMITTED: dict[str, str] = {}

# Codes that `interim report` emits, not `check` (a folder's own template is read only to
# render): their folders are proven by running `report`, whose messages go to stderr.
REPORT_CODES = {"IM920", "IM921"}

NOTE = "---\ntype: note\ndate: 2026-11-20\ntitle: {title}\n---\n"

Namer = Callable[[str], str]
Setup = Callable[[Path, Namer, pytest.MonkeyPatch], None]


# -- objects made at run time --------------------------------------------------------------


def _unreadable(root: Path, name: Namer, monkeypatch: pytest.MonkeyPatch) -> None:
    """chmod 000; where that does not stop reading (root), refuse the open the same way."""
    target = root / name("2026-11-20-mood.md")
    target.chmod(0)
    try:
        target.read_bytes()
    except PermissionError:
        return
    real_open = os.open
    refused = target.resolve()

    def fake_open(path: str | os.PathLike[str], flags: int, *args: int, **kw: int) -> int:
        if Path(path).resolve() == refused:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kw)

    monkeypatch.setattr(os, "open", fake_open)


def _fifo(root: Path, name: Namer, monkeypatch: pytest.MonkeyPatch) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    os.mkfifo(root / name("2026-11-20-mood.md"))


def _symlink(root: Path, name: Namer, monkeypatch: pytest.MonkeyPatch) -> None:
    try:
        os.symlink(name("2026-11-20-mood.md"), root / name("latest.md"))
    except (OSError, NotImplementedError) as exc:  # Windows without the privilege
        pytest.skip(f"cannot make symlinks here: {exc}")


def _collisions(root: Path, name: Namer, monkeypatch: pytest.MonkeyPatch) -> None:
    nfc = unicodedata.normalize("NFC", "café.md")
    nfd = unicodedata.normalize("NFD", "café.md")
    before = len(os.listdir(root))
    for base, title in ((nfc, "NFC"), (nfd, "NFD"), ("mood.md", "lower"), ("Mood.md", "upper")):
        (root / name(base)).write_bytes(NOTE.format(title=title).encode())
    if len(os.listdir(root)) < before + 4:
        pytest.skip("this file system folds case or Unicode forms: it cannot hold both names")


def _windows_names(root: Path, name: Namer, monkeypatch: pytest.MonkeyPatch) -> None:
    if os.name == "nt":
        pytest.skip("Windows cannot create these names (that is the point of IM124)")
    for base in ("CON.md", "a:b.md"):
        (root / name(base)).write_bytes(NOTE.format(title=base).encode())


SETUP: dict[str, Setup] = {
    "IM100": _unreadable,
    "IM115": _fifo,
    "IM116": _symlink,
    "IM123": _collisions,
    "IM124": _windows_names,
}


# -- helpers -------------------------------------------------------------------------------

_ERROR_LINE = re.compile(r"^.*:\d+:\d+: error IM\d{3} ", re.M)
_CLOSING = re.compile(r"^(?P<errors>\d+) errors?, \d+ warnings? in \d+ records? ", re.M)


def folders() -> list[str]:
    return sorted(p.name for p in CORPUS.iterdir() if p.is_dir())


def needs_settings(name: str) -> bool:
    return (CORPUS / name / "interim.yaml").exists()


def copy(name: str, dst: Path) -> Path:
    shutil.copytree(CORPUS / name, dst, ignore=shutil.ignore_patterns(EXPECTED))
    return dst


def run_check(folder: Path) -> tuple[str, int]:
    result = CliRunner().invoke(main, ["check", str(folder)], catch_exceptions=False)
    return result.output, result.exit_code


def run_report(folder: Path) -> tuple[str, int]:
    out = folder.parent / "report.html"
    result = CliRunner().invoke(
        main, ["report", str(folder), "-o", str(out)], catch_exceptions=False
    )
    # A report that is written prints where: the same name in every temporary folder.
    return result.output.replace(str(out), "report.html"), result.exit_code


def expected_exit(text: str) -> int:
    """2 when the settings file stops the command, else 1 if any error is listed, else 0; the
    closing line's error count must agree with the lines above it."""
    if "interim: interim.yaml has errors" in text or ": error IM920 " in text:
        return 2
    if ": warning IM921 " in text:  # `report` warns, writes the report and exits 0
        return 0
    closing = _CLOSING.search(text)
    assert closing is not None, "no closing count line"
    errors = len(_ERROR_LINE.findall(text))
    assert int(closing["errors"]) == errors, "closing line disagrees with the error lines"
    return 1 if errors else 0


def emitted(code: str) -> bool:
    """Whether any module (not the registry or its docs) names the code."""
    registry = PACKAGE / "diagnostics"
    skip = {registry / "codes.py", *(registry / "explain").glob("*.py")}
    return any(
        f'"{code}"' in path.read_text(encoding="utf-8")
        for path in PACKAGE.rglob("*.py")
        if path not in skip
    )


# -- the tests -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", folders())
def test_corpus_folder(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy(name, tmp_path / name)
    if name in SETUP:
        SETUP[name](root, lambda base: base, monkeypatch)
    output, exit_code = (run_report if name in REPORT_CODES else run_check)(root)
    golden = CORPUS / name / EXPECTED
    if UPDATE:
        golden.write_bytes(output.encode("utf-8"))
    assert golden.exists(), f"{golden} is missing; write it with UPDATE_GOLDEN=1"
    expected = golden.read_bytes().decode("utf-8")
    assert output == expected, f"output differs from {golden.relative_to(CORPUS.parent)}"
    assert exit_code == expected_exit(expected)
    if name == "valid":
        assert exit_code == 0
        assert not re.search(r": (error|warning|info) IM\d{3} ", output), output
    else:
        assert re.search(rf": (error|warning|info) {name} ", output), f"{name} never reported"


def test_every_code_has_a_corpus_folder() -> None:
    names = set(folders())
    assert names - set(CODES) == {"valid"}, "a corpus folder is named after no code"
    missing = set(CODES) - names - set(NOT_EMITTED)
    assert not missing, f"codes with no corpus folder: {sorted(missing)}"


def test_codes_without_a_folder_are_really_not_emitted() -> None:
    for code in NOT_EMITTED:
        assert code in CODES
        assert not emitted(code), f"{code} is emitted now: give it tests/corpus/{code}/"


def test_every_folder_code_is_emitted_somewhere() -> None:
    for name in folders():
        if name != "valid":
            assert emitted(name), f"{name} has a corpus folder but no module emits it"


def prefixed(code: str, base: str) -> str:
    """`IM207-mood.md`; a hidden name keeps its leading dot (`.IM122-mood.md.icloud`)."""
    if base.startswith("."):
        return f".{code}-{base[1:]}"
    return f"{code}-{base}"


def test_all_in_one_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every error corpus in one folder: every code is still reported, in one run."""
    root = tmp_path / "all"
    root.mkdir()
    codes = [n for n in folders() if n not in REPORT_CODES | {"valid"} and not needs_settings(n)]
    for code in codes:
        src = CORPUS / code
        for file in sorted(src.rglob("*")):
            if file.is_file() and file.name != EXPECTED:
                rel = file.relative_to(src)
                dst = root / rel.parent / prefixed(code, rel.name)
                dst.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(file, dst)
    skipped = set()
    for code in codes:
        if code in SETUP:
            try:
                SETUP[code](root, lambda base, code=code: prefixed(code, base), monkeypatch)
            except pytest.skip.Exception:  # this system cannot make the object: not expected
                skipped.add(code)
    output, exit_code = run_check(root)
    assert exit_code == 1
    reported = set(re.findall(r": (?:error|warning|info) (IM\d{3}) ", output))
    assert set(codes) - skipped - reported == set(), output
    assert expected_exit(output) == 1
