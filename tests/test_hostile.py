"""Hostile files: each one gets a diagnostic naming the file (and line where there is one),
and the rest of the folder is still checked — no traceback, no hang (DESIGN §2.2, §6).

Every test puts a valid and an invalid ordinary record beside the hostile file and asserts
that both were processed."""

from __future__ import annotations

import codecs
import os
import random
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import Write

from interim.domain.model import Folder
from interim.folder import load_folder

GOOD = "---\ntype: mood\ndate: 2026-11-20\nmood: 4\n---\n"
BAD = "---\ntype: mood\ndate: 2026-11-21\nmood: 40\n---\n"
REPO = Path(__file__).resolve().parent.parent
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file types")


@pytest.fixture(autouse=True)
def no_hang() -> Iterator[None]:
    """Fail (instead of hanging the suite) when a test runs longer than 60 seconds."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def timeout(signum: int, frame: object) -> None:
        raise TimeoutError("hung on a hostile file")

    previous = signal.signal(signal.SIGALRM, timeout)
    signal.alarm(60)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def load_beside_normal_records(root: Path, write: Write) -> Folder:
    write(root, "records/good.md", GOOD)
    write(root, "records/bad.md", BAD)
    folder = load_folder(root)
    paths = sorted(r.path for r in folder.records)
    assert "records/good.md" in paths
    assert "records/bad.md" in paths
    bad = [(d.code, d.line, d.col) for d in folder.diagnostics if d.path == "records/bad.md"]
    assert bad == [("IM205", 4, 7)]
    return folder


def codes_for(folder: Folder, path: str) -> list[tuple[str, int, int]]:
    return [(d.code, d.line, d.col) for d in folder.diagnostics if d.path == path]


def test_billion_laughs(tmp_path: Path, write: Write) -> None:
    lol = ", ".join(['"lol"'] * 9)
    levels = [f"a0: &a0 [{lol}]"] + [
        f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)
    ]
    write(tmp_path, "bomb.md", "---\ntype: note\n" + "\n".join(levels) + "\n---\n")
    folder = load_beside_normal_records(tmp_path, write)
    assert codes_for(folder, "bomb.md") == [("IM109", 3, 5)]


def test_flow_nesting_100000_levels(tmp_path: Path, write: Write) -> None:
    write(tmp_path, "deep.md", "---\ntype: note\nx: " + "[" * 100_000 + "]" * 100_000 + "\n---\n")
    folder = load_beside_normal_records(tmp_path, write)
    assert [c for c, *_ in codes_for(folder, "deep.md")] == ["IM111"]


def test_block_nesting_100000_levels(tmp_path: Path, write: Write) -> None:
    write(tmp_path, "deep.md", "---\ntype: note\nx:\n" + "- " * 100_000 + "a\n---\n")
    folder = load_beside_normal_records(tmp_path, write)
    assert [c for c, *_ in codes_for(folder, "deep.md")] == ["IM111"]


def test_python_object_tag(tmp_path: Path, write: Write) -> None:
    marker = tmp_path / "pwned"
    write(
        tmp_path,
        "tag.md",
        f"---\ntype: note\nx: !!python/object/apply:os.system ['touch {marker}']\n---\n",
    )
    folder = load_beside_normal_records(tmp_path, write)
    assert codes_for(folder, "tag.md") == [("IM110", 3, 4)]
    assert not marker.exists()


def test_random_bytes(tmp_path: Path, write: Write) -> None:
    write(tmp_path, "random.md", random.Random(0).randbytes(4096))
    folder = load_beside_normal_records(tmp_path, write)
    assert [c for c, *_ in codes_for(folder, "random.md")] in (["IM114"], ["IM102"])


def test_random_bytes_without_nul(tmp_path: Path, write: Write) -> None:
    rng = random.Random(1)
    write(tmp_path, "random.md", b"---\n" + bytes(rng.randrange(1, 256) for _ in range(4096)))
    folder = load_beside_normal_records(tmp_path, write)
    [(code, line, col)] = codes_for(folder, "random.md")
    assert code == "IM102"
    assert line >= 1
    assert col >= 1


def test_utf16_file_is_read_with_a_warning_and_validated(tmp_path: Path, write: Write) -> None:
    text = "---\ntype: mood\ndate: 2026-11-22\nanxiety: 12\n---\n"
    write(tmp_path, "u16.md", codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    folder = load_beside_normal_records(tmp_path, write)
    assert codes_for(folder, "u16.md") == [("IM103", 1, 1), ("IM205", 4, 10)]
    assert "u16.md" in [r.path for r in folder.records]


def test_windows_1252_file(tmp_path: Path, write: Write) -> None:
    text = "---\ntype: mood\ndate: 2026-11-22\nsituation: at the café\n---\n"
    write(tmp_path, "cp.md", text.encode("cp1252"))
    folder = load_beside_normal_records(tmp_path, write)
    assert codes_for(folder, "cp.md") == [("IM102", 4, 22)]


@posix_only
def test_fifo_named_like_a_record(tmp_path: Path, write: Write) -> None:
    os.mkfifo(tmp_path / "x.md")
    folder = load_beside_normal_records(tmp_path, write)
    assert codes_for(folder, "x.md") == [("IM115", 1, 1)]


@posix_only
def test_symlink_loop(tmp_path: Path, write: Write) -> None:
    os.symlink(tmp_path / "loop-b.md", tmp_path / "loop-a.md")
    os.symlink(tmp_path / "loop-a.md", tmp_path / "loop-b.md")
    os.mkdir(tmp_path / "sub")
    os.symlink(tmp_path / "sub", tmp_path / "sub" / "again")
    folder = load_beside_normal_records(tmp_path, write)
    for path in ("loop-a.md", "loop-b.md", "sub/again"):
        assert [c for c, *_ in codes_for(folder, path)] == ["IM116"], path


def test_file_larger_than_the_cap(tmp_path: Path, write: Write) -> None:
    write(tmp_path, "huge.md", "---\ntype: note\n---\n" + "x" * (2 << 20))
    folder = load_beside_normal_records(tmp_path, write)
    assert codes_for(folder, "huge.md") == [("IM112", 1, 1)]


def test_empty_file(tmp_path: Path, write: Write) -> None:
    write(tmp_path, "empty.md", b"")
    folder = load_beside_normal_records(tmp_path, write)
    assert [c for c, *_ in codes_for(folder, "empty.md")] == ["IM101"]


def test_conflict_markers(tmp_path: Path, write: Write) -> None:
    write(
        tmp_path,
        "merged.md",
        "---\ntype: mood\n<<<<<<< HEAD\nmood: 4\n=======\nmood: 5\n>>>>>>> other\n---\n",
    )
    folder = load_beside_normal_records(tmp_path, write)
    assert codes_for(folder, "merged.md") == [("IM106", 3, 1), ("IM106", 5, 1), ("IM106", 7, 1)]


@posix_only
@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file(tmp_path: Path, write: Write) -> None:
    path = write(tmp_path, "locked.md", GOOD.replace("2026-11-20", "2026-11-23"))
    path.chmod(0)
    try:
        folder = load_beside_normal_records(tmp_path, write)
    finally:
        path.chmod(0o600)
    assert codes_for(folder, "locked.md") == [("IM100", 1, 1)]


@posix_only
def test_the_whole_zoo_through_the_cli_in_a_subprocess(tmp_path: Path, write: Write) -> None:
    """A real process with a timeout: a FIFO that blocked an open() would hang it."""
    write(tmp_path, "records/good.md", GOOD)
    write(tmp_path, "records/bad.md", BAD)
    write(tmp_path, "bomb.md", "---\ntype: note\na: &a [1]\nb: [*a, *a]\n---\n")
    write(tmp_path, "deep.md", "---\ntype: note\nx: " + "[" * 100_000 + "\n---\n")
    write(tmp_path, "tag.md", "---\ntype: note\nx: !!python/object/apply:os.system [ls]\n---\n")
    write(tmp_path, "random.md", random.Random(2).randbytes(2048))
    write(tmp_path, "u16.md", "---\ntype: note\ndate: 2026-11-20\n---\n".encode("utf-16"))
    write(tmp_path, "cp.md", "---\ntype: note\ntitle: caf\xe9\n---\n".encode("cp1252"))
    os.mkfifo(tmp_path / "x.md")
    os.symlink(tmp_path / "loop-b.md", tmp_path / "loop-a.md")
    os.symlink(tmp_path / "loop-a.md", tmp_path / "loop-b.md")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run(
        [sys.executable, "-m", "interim", "check", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stderr == ""
    out = proc.stdout
    for expected in (
        "records/bad.md:4:7: error IM205",
        "bomb.md:3:4: error IM109",
        "deep.md:",
        "tag.md:3:4: error IM110",
        "random.md:",
        "u16.md:1:1: warning IM103",
        "cp.md:3:11: error IM102",
        "x.md:1:1: warning IM115",
        "loop-a.md:1:1: warning IM116",
        "loop-b.md:1:1: warning IM116",
    ):
        assert expected in out, expected
    assert "records/good.md" not in out  # valid: no message, but counted
    assert "in 3 records" in out  # good, bad and the UTF-16 note


@posix_only
def test_fifo_in_the_types_folder(tmp_path: Path, write: Write) -> None:
    (tmp_path / "types").mkdir()
    os.mkfifo(tmp_path / "types" / "urge.yaml")
    folder = load_beside_normal_records(tmp_path, write)
    assert codes_for(folder, "types/urge.yaml") == [("IM115", 1, 1)]


@posix_only
def test_types_file_linked_to_an_endless_device(tmp_path: Path, write: Write) -> None:
    (tmp_path / "types").mkdir()
    os.symlink("/dev/zero", tmp_path / "types" / "zero.yaml")
    folder = load_beside_normal_records(tmp_path, write)
    assert [c for c, *_ in codes_for(folder, "types/zero.yaml")] == ["IM116"]


def test_huge_types_file_is_not_read(tmp_path: Path, write: Write) -> None:
    write(tmp_path, "types/huge.yaml", "fields: {}\n" + "#" * (4 << 20))
    folder = load_beside_normal_records(tmp_path, write)
    assert [c for c, *_ in codes_for(folder, "types/huge.yaml")] == ["IM112"]
    assert "huge" not in folder.types


@posix_only
def test_interim_types_does_not_hang_on_a_fifo(tmp_path: Path) -> None:
    (tmp_path / "types").mkdir()
    os.mkfifo(tmp_path / "types" / "urge.yaml")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    for command in (["types"], ["schema", "mood"]):
        proc = subprocess.run(
            [sys.executable, "-m", "interim", *command, "--folder", str(tmp_path)],
            capture_output=True,
            text=True,
            timeout=60,
            env=env,
            check=False,
        )
        assert proc.returncode == 0, proc.stderr
        assert "types/urge.yaml:1:1: warning IM115" in proc.stderr
