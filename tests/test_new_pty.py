"""`interim new` in a real terminal: a pseudo-terminal (stdlib `pty`) drives the prompts the
way a person would, answer by answer, with a timeout on every read so a prompt that never
comes fails the test instead of hanging it."""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pty is POSIX-only")
pty = pytest.importorskip("pty")

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 15.0


class Terminal:
    """A child process on the slave side of a pty; we read and type on the master side."""

    def __init__(self, args: list[str]) -> None:
        master, slave = pty.openpty()
        env = {**os.environ, "PYTHONPATH": str(ROOT), "TERM": "dumb", "COLUMNS": "200"}
        env.pop("INTERIM_FOLDER", None)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "interim", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            cwd=ROOT,
            close_fds=True,
        )
        os.close(slave)
        self.fd = master
        self.pending = ""
        self.seen = ""

    def expect(self, text: str, timeout: float = TIMEOUT) -> str:
        """Read until `text` appears; return everything up to and including it."""
        deadline = time.monotonic() + timeout
        while text not in self.pending:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"no {text!r} within {timeout}s; the screen:\n{self.seen}")
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                self._read(text)
        cut = self.pending.index(text) + len(text)
        found, self.pending = self.pending[:cut], self.pending[cut:]
        return found

    def _read(self, waiting_for: str) -> None:
        try:
            chunk = os.read(self.fd, 4096)
        except OSError:  # EIO: the child closed the terminal
            chunk = b""
        if not chunk:
            raise AssertionError(f"the program ended before {waiting_for!r}:\n{self.seen}")
        text = chunk.decode("utf-8", "replace").replace("\r\n", "\n")
        self.pending += text
        self.seen += text

    def answer(self, prompt: str, line: str) -> str:
        found = self.expect(prompt)
        os.write(self.fd, line.encode() + b"\n")
        return found

    def finish(self) -> int:
        try:
            return self.proc.wait(timeout=TIMEOUT)
        finally:
            os.close(self.fd)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "records").mkdir()
    (tmp_path / "interim.yaml").write_text("# set up\n")  # as `interim init` leaves it
    return tmp_path


def test_new_mood_splits_sad_tired_into_two_emotions(folder: Path, run_cli) -> None:
    """Issue 13: `sad, tired` at the emotions prompt is two emotions, and the prompt says
    how the list ends."""
    term = Terminal(["new", "mood", "--folder", str(folder), "--date", "2026-11-20"])
    term.answer("mood: ", "4")
    term.answer("anxiety: ", "6")
    shown = term.answer("emotions 1: ", "sad, tired")
    assert "an empty line ends the list" in shown
    assert "2 emotions: sad, tired" in term.answer("emotions 3: ", "")  # the next is the 3rd
    term.answer("situation: ", "At home")
    written = folder / "records" / "2026" / "11" / "2026-11-20-mood.md"
    term.expect(str(written))
    assert term.finish() == 0
    from interim.folder import load_folder

    [record] = load_folder(folder).records
    assert record.get("emotions") == ["sad", "tired"]  # two emotions, not "sad, tired"
    result = run_cli(["check", str(folder), "--format", "json"])
    assert '"diagnostics": []' in result.output


@pytest.mark.parametrize("answer", ["y", "n"])
def test_new_outside_a_set_up_folder_asks_whether_to_make_one(tmp_path: Path, answer: str) -> None:
    term = Terminal(["new", "note", "--folder", str(tmp_path), "--date", "2026-11-20"])
    shown = term.answer("Set it up here first (folders, settings, a README)? [y/N] ", answer)
    assert "it was not set up with `interim init`" in shown
    if answer == "y":
        term.answer("Crisis contacts: ", "")
    else:
        term.expect("Writing the record here anyway.")
    term.answer("title: ", "")
    term.expect("2026-11-20-note.md")
    assert term.finish() == 0
    assert (tmp_path / "interim.yaml").exists() == (answer == "y")
    assert (tmp_path / "sessions").is_dir() == (answer == "y")


def test_new_sleep_answered_field_by_field(folder: Path, run_cli) -> None:
    term = Terminal(["new", "sleep", "--folder", str(folder), "--date", "2026-11-20"])
    term.expect("New sleep record for 2026-11-20")
    described = term.answer("bedtime: ", "25:99")
    assert "What time you got into bed." in described  # the description comes with it
    refusal = term.expect("bedtime: ")  # asked again...
    assert "Not accepted" in refusal and "25:99 is not a time of day" in refusal  # ...with why
    os.write(term.fd, b"23:15\n")
    for prompt, line in [
        ("lights_out: ", "11:40 pm"),
        ("minutes_to_sleep: ", "20"),
        ("awakenings: ", "2"),
        ("minutes_awake: ", "25"),
        ("final_wake: ", "06:30"),
        ("out_of_bed: ", "07:05"),
        ("quality: ", "3"),
        ("naps_minutes: ", ""),  # Enter leaves it empty: optional, so nothing to say
        ("caffeine: ", "2"),
        ("alcohol: ", "0"),
        ("medication: ", "no: really #1"),
    ]:
        shown = term.answer(prompt, line)
        if prompt == "quality: ":
            assert "1–5 (1 very poor, 5 very good)" in shown  # range and anchors shown
        if prompt == "naps_minutes: ":
            assert "[0–960] (optional)" in shown  # the prompt says it may stay empty
    written = folder / "records" / "2026" / "11" / "2026-11-20-sleep.md"
    term.expect(str(written))
    assert term.finish() == 0

    text = written.read_text(encoding="utf-8")
    assert 'bedtime: "23:15"' in text and 'lights_out: "23:40"' in text
    assert "medication: 'no: really #1'" in text
    result = run_cli(["check", str(folder), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert '"diagnostics": []' in result.output  # naps_minutes is optional: no warning


def test_phq9_item_9_shows_the_safety_notice_at_once(folder: Path, run_cli) -> None:
    (folder / "interim.yaml").write_text('crisis_contacts: "Call 116 123, day or night"\n')
    term = Terminal(["new", "phq9", "--folder", str(folder), "--date", "2026-11-20"])
    term.expect("0 Not at all, 1 Several days, 2 More than half the days, 3 Nearly every day")
    for n in range(1, 9):
        term.answer(f"item {n}: ", "1")
    shown = term.answer("item 9: ", "1")
    assert "better off dead" in shown  # the item's own wording
    notice = term.expect("difficulty: ")  # the notice comes before the next question
    assert "SAFETY" in notice and "Call 116 123, day or night" in notice
    os.write(term.fd, b"1\n")
    term.expect("2026-11-20-phq9.md")
    assert term.finish() == 0
    text = (folder / "questionnaires" / "2026-11-20-phq9.md").read_text(encoding="utf-8")
    assert "items: [1, 1, 1, 1, 1, 1, 1, 1, 1]" in text and "total: 9 " in text
    assert run_cli(["check", str(folder)]).exit_code == 0


def test_init_asks_for_crisis_contacts_in_a_terminal(tmp_path: Path) -> None:
    from interim.settings import load_settings

    root = tmp_path / "my-therapy"
    term = Terminal(["init", str(root)])
    term.answer("Crisis contacts: ", "Samaritans: 116 123 #free")
    term.expect(str(root / "interim.yaml"))
    assert term.finish() == 0
    settings, problems = load_settings(root)
    assert problems == [] and settings.crisis_contacts == "Samaritans: 116 123 #free"
    again = Terminal(["init", str(root)])  # the settings exist: nothing to ask
    again.expect("nothing written")
    assert again.finish() == 0
