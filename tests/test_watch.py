"""interim.watcher: the debounce loop (with a fake clock: no sleeping), the event filter, and a
real watchdog observer on a temporary folder saved to the way editors save."""

from __future__ import annotations

import errno
import itertools
import os
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from watchdog.events import (
    DirModifiedEvent,
    FileClosedEvent,
    FileClosedNoWriteEvent,
    FileCreatedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileOpenedEvent,
)

from interim import watcher as watch_module
from interim.commands.watch import DiagnosticLog
from interim.diagnostics import Diagnostic, Severity
from interim.watcher import SETTLE_TRIES, Signal, Watcher, _Handler, run_loop

# -- the loop, on a fake clock -------------------------------------------------------------


class FakeTime:
    """Time moves only when the loop waits; scripted events fire when their time comes."""

    def __init__(self, script: list[tuple[float, str]]) -> None:
        self.now = 0.0
        self.script = sorted(script)
        self.signal = Signal(clock=lambda: self.now, wait=self.wait)

    def wait(self, cond: threading.Condition, timeout: float | None) -> None:
        if self.script and (timeout is None or self.script[0][0] <= self.now + timeout):
            at, path = self.script.pop(0)
            self.now = max(self.now, at)
            self.signal.notify(path)
        elif timeout is not None:
            self.now += timeout
        else:
            self.signal.stop()  # nothing left to happen


class Log:
    def __init__(self, clock: FakeTime) -> None:
        self.clock = clock
        self.calls: list[tuple[float, frozenset[str], bool]] = []
        self.errors: list[BaseException] = []

    def rebuild(self, changed: frozenset[str], may_wait: bool) -> bool | None:
        self.calls.append((round(self.clock.now, 3), changed, may_wait))
        return None

    def run(self, rebuild: Callable[[frozenset[str], bool], Any] | None = None) -> None:
        run_loop(self.clock.signal, rebuild or self.rebuild, self.errors.append)


def test_a_burst_gives_one_rebuild_after_the_quiet_period() -> None:
    clock = FakeTime([(0.0, "a"), (0.05, "b"), (0.1, "a"), (0.15, "c")])
    log = Log(clock)
    log.run()
    assert log.calls == [(0.35, frozenset("abc"), True)]


def test_two_bursts_give_two_rebuilds() -> None:
    """A save (events a few ms apart) is rebuilt 50 ms after its last event; a burst that
    goes on past 50 ms (a sync client) waits for 200 ms of quiet."""
    clock = FakeTime([(0.0, "a"), (0.03, "a"), (1.0, "b"), (1.04, "c"), (1.08, "b")])
    log = Log(clock)
    log.run()
    assert [(t, sorted(p)) for t, p, _ in log.calls] == [(0.08, ["a"]), (1.28, ["b", "c"])]


def test_two_saves_a_moment_apart_give_two_rebuilds() -> None:
    clock = FakeTime([(0.0, "a"), (0.01, "a"), (0.5, "b"), (0.51, "b")])
    log = Log(clock)
    log.run()
    assert [(t, sorted(p)) for t, p, _ in log.calls] == [(0.06, ["a"]), (0.56, ["b"])]


@pytest.mark.parametrize(("gap", "expected"), [(0.049, 0.099), (0.05, 0.25), (0.051, 0.05)])
def test_the_short_wait_at_its_boundary(gap: float, expected: float) -> None:
    """An event within 50 ms of the last joins the burst; a burst that has lasted less
    than 50 ms needs 50 ms of quiet, one that has lasted 50 ms or more 200 ms."""
    clock = FakeTime([(0.0, "a"), (gap, "b")])
    log = Log(clock)
    log.run()
    assert log.calls[0][0] == expected


def test_endless_changes_still_rebuild_every_max_wait() -> None:
    clock = FakeTime([(i / 50, "a") for i in range(250)])  # every 20 ms for 5 s
    log = Log(clock)
    log.run()
    # the first event of each batch starts its clock: 0.0, then 2.02 (2.0 was in the first);
    # the last batch ends 200 ms after the last event (4.98)
    assert [t for t, _, _ in log.calls] == [2.0, 4.02, 5.18]


def test_a_change_during_a_rebuild_schedules_exactly_one_more() -> None:
    clock = FakeTime([(0.0, "a")])
    log = Log(clock)

    def rebuild(changed: frozenset[str], may_wait: bool) -> None:
        log.rebuild(changed, may_wait)
        if len(log.calls) == 1:
            for path in ("b", "c", "b"):  # saves while the rebuild runs
                clock.now += 0.05
                clock.signal.notify(path)

    log.run(rebuild)
    assert [sorted(p) for _, p, _ in log.calls] == [["a"], ["b", "c"]]


def test_an_exception_in_a_rebuild_is_reported_and_the_loop_goes_on() -> None:
    clock = FakeTime([(0.0, "a"), (1.0, "b")])
    log = Log(clock)

    def rebuild(changed: frozenset[str], may_wait: bool) -> None:
        log.rebuild(changed, may_wait)
        if changed == {"a"}:
            raise ValueError("template exploded")

    log.run(rebuild)
    assert [sorted(p) for _, p, _ in log.calls] == [["a"], ["b"]]
    assert [str(e) for e in log.errors] == ["template exploded"]


def test_an_unsettled_rebuild_is_tried_again_then_reported() -> None:
    clock = FakeTime([(0.0, "a")])
    log = Log(clock)

    def rebuild(changed: frozenset[str], may_wait: bool) -> bool:
        log.rebuild(changed, may_wait)
        return False  # "a file looks half-written"

    log.run(rebuild)
    assert [w for _, _, w in log.calls] == [True] * SETTLE_TRIES + [False]
    assert all(p == {"a"} for _, p, _ in log.calls)
    times = [t for t, _, _ in log.calls]
    assert all(round(b - a, 3) == 0.2 for a, b in itertools.pairwise(times))


# -- which events count ----------------------------------------------------------------------


class Notes:
    def __init__(self) -> None:
        self.paths: list[str] = []

    def notify(self, *paths: str) -> None:
        self.paths.extend(paths)


@pytest.fixture
def handler(tmp_path: Path) -> tuple[_Handler, Notes]:
    notes = Notes()
    return _Handler(str(tmp_path), notes, {str(tmp_path / "report.html")}), notes  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("rel", "counts"),
    [
        ("records/x.md", True),
        ("interim.yaml", True),
        ("types/urge.yaml", True),
        ("x.md (conflicted copy 2026-11-20 101010).md", True),  # reported by check: counts
        ("records/4913", False),  # vim's write test
        ("records/x.md~", False),
        ("records/x.md___jb_tmp___", False),
        ("records/x.md___jb_old___", False),
        ("records/.#x.md", False),  # emacs lock link
        ("records/#x.md#", False),
        ("records/.x.md.swp", False),
        (".git/index", False),
        (".obsidian/workspace.json", False),
        ("records/.syncthing.x.md.tmp", False),
        ("report.html", False),  # the output, inside the folder
    ],
)
def test_which_paths_count(
    handler: tuple[_Handler, Notes], tmp_path: Path, rel: str, counts: bool
) -> None:
    assert handler[0].relevant(str(tmp_path / rel)) is counts


def test_reads_and_folder_times_are_not_changes(
    handler: tuple[_Handler, Notes], tmp_path: Path
) -> None:
    h, notes = handler
    x = str(tmp_path / "x.md")
    for event in (FileOpenedEvent(x), FileClosedNoWriteEvent(x), DirModifiedEvent(str(tmp_path))):
        h.dispatch(event)
    assert notes.paths == []
    for event in (FileCreatedEvent(x), FileModifiedEvent(x), FileClosedEvent(x)):
        h.dispatch(event)
    assert notes.paths == [x, x, x]


def test_a_save_by_rename_counts_for_its_destination(
    handler: tuple[_Handler, Notes], tmp_path: Path
) -> None:
    h, notes = handler
    h.dispatch(FileMovedEvent(str(tmp_path / "x.md~"), str(tmp_path / "x.md")))
    h.dispatch(FileMovedEvent(str(tmp_path / "x.md"), str(tmp_path / "x.md___jb_old___")))
    assert notes.paths == [str(tmp_path / "x.md")] * 2
    h.dispatch(FileMovedEvent(str(tmp_path / "a~"), str(tmp_path / "4913")))
    assert len(notes.paths) == 2


# -- what is printed between rebuilds ---------------------------------------------------------


def _d(path: str, code: str, line: int = 1, severity: Severity = Severity.ERROR) -> Diagnostic:
    return Diagnostic(path, line, 1, severity, code, f"{code} message", "")


def test_the_log_says_what_appeared_and_what_went_away(tmp_path: Path) -> None:
    log = DiagnosticLog(tmp_path)
    first = [_d("a.md", "IM205"), _d("b.md", "IM202", severity=Severity.WARNING)]
    assert log.update(first) == (first, [])
    moved = [_d("a.md", "IM205", line=9)]  # a line added above it: not news
    assert log.update(moved) == ([], [first[1]])
    safety = _d("q.md", "IM220", severity=Severity.INFO)
    lines = log.news([*moved, safety], "Call Sam: 555 0100")
    assert lines[0].startswith("q.md:1:1: info IM220")
    assert any("SAFETY" in line for line in lines) and any("555 0100" in line for line in lines)
    assert log.news(moved) == ["resolved: q.md:1:1: info IM220 IM220 message"]


def test_a_new_error_in_a_file_saved_a_moment_ago_is_unsettled(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\ntype: mo")
    log = DiagnosticLog(tmp_path)
    assert log.unsettled([_d("a.md", "IM104")])
    assert log.unsettled([_d("gone.md", "IM100")])  # vanished between event and read
    assert not log.unsettled([_d("a.md", "IM104")], clock=lambda: time.time() + 60)
    assert not log.unsettled([_d("a.md", "IM202", severity=Severity.WARNING)])
    log.update([_d("a.md", "IM104")])
    assert not log.unsettled([_d("a.md", "IM104")])  # already reported: not new


# -- a real observer -------------------------------------------------------------------------


class Session:
    """A Watcher on its own thread whose rebuild notes what `x.md` and `mark.md` held."""

    def __init__(self, root: Path, **options: Any) -> None:
        self.root = root
        self.seen: list[tuple[str | None, str | None]] = []
        self.said: list[str] = []
        self.lock = threading.Lock()
        options.setdefault("quiet", 0.3)
        options.setdefault("max_wait", 5.0)
        # One quiet period, not the 50 ms one after a short burst: on a busy machine a
        # thread can stall 50 ms between two writes of one save. The adaptive wait is
        # tested above with a clock that never stalls.
        options.setdefault("short", None)
        self.watcher = Watcher(root, self.rebuild, say=self.said.append, **options)
        self.thread = threading.Thread(target=self.watcher.run, daemon=True)

    def rebuild(self, changed: frozenset[str], may_wait: bool) -> bool:
        with self.lock:
            self.seen.append((self._read("x.md"), self._read("mark.md")))
        return True

    def _read(self, name: str) -> str | None:
        try:
            return (self.root / name).read_text()
        except FileNotFoundError:
            return None

    def count(self) -> int:
        with self.lock:
            return len(self.seen)

    def wait_until(self, test: Callable[[], bool], timeout: float = 10.0) -> None:
        end = time.monotonic() + timeout
        while not test():
            assert time.monotonic() < end, f"not within {timeout} s; seen {self.seen}"
            time.sleep(0.02)

    def saved(self, save: Callable[[], None], final: str) -> None:
        """Run one save; exactly one rebuild must follow and see `final`. A later write to
        another file shows that no second rebuild was still coming from the first save."""
        before = self.count()
        save()
        self.wait_until(lambda: self.count() > before and self.seen[-1][0] == final)
        mark = f"mark {time.monotonic()}"
        (self.root / "mark.md").write_text(mark)
        self.wait_until(lambda: self.seen[-1][1] == mark)
        assert self.count() == before + 2, self.seen[before:]

    def __enter__(self) -> Session:
        self.thread.start()
        self.wait_until(lambda: self.count() >= 1)  # the first build
        return self

    def __exit__(self, *exc: object) -> None:
        observer = self.watcher.observer
        self.watcher.stop()
        self.thread.join(10)
        assert not self.thread.is_alive()
        assert self.watcher.observer is None and not observer.is_alive()


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    root = tmp_path / "f"
    (root / "records").mkdir(parents=True)
    (root / "x.md").write_text("v0")
    yield root


def vim_save(root: Path, text: str) -> None:
    """vim: probe with `4913`, write the new text beside, rename it over the file."""
    (root / "4913").write_text("")
    (root / "4913").unlink()
    (root / "x.md~").write_text(text)
    os.replace(root / "x.md~", root / "x.md")


def jetbrains_save(root: Path, text: str) -> None:
    """JetBrains "safe write": tmp beside, original renamed away, tmp renamed in, old deleted."""
    (root / "x.md___jb_tmp___").write_text(text)
    os.replace(root / "x.md", root / "x.md___jb_old___")
    os.replace(root / "x.md___jb_tmp___", root / "x.md")
    (root / "x.md___jb_old___").unlink()


def truncate_save(root: Path, text: str) -> None:
    with open(root / "x.md", "w") as handle:
        handle.write(text[:2])
        handle.flush()
        handle.write(text[2:])


def burst_save(root: Path, text: str) -> None:
    for n in range(10):
        (root / "x.md").write_text(f"{text} draft {n}" if n < 9 else text)


@pytest.mark.parametrize("save", [vim_save, jetbrains_save, truncate_save, burst_save])
def test_each_way_of_saving_gives_one_rebuild_that_sees_the_saved_text(
    folder: Path, save: Callable[[Path, str], None]
) -> None:
    with Session(folder) as session:
        session.saved(lambda: save(folder, "v1 saved"), "v1 saved")
        session.saved(lambda: save(folder, "v2 saved again"), "v2 saved again")
        assert not any(p.name.endswith(("~", "___")) for p in folder.iterdir())


def test_a_failing_rebuild_is_reported_and_watching_goes_on(folder: Path) -> None:
    errors: list[BaseException] = []
    with Session(folder, on_error=errors.append) as session:
        real = session.rebuild

        def flaky(changed: frozenset[str], may_wait: bool) -> bool:
            real(changed, may_wait)
            if session.seen[-1][0] == "boom" and str(folder / "x.md") in changed:
                raise RuntimeError("boom")
            return True

        session.watcher.rebuild = flaky
        session.saved(lambda: (folder / "x.md").write_text("boom"), "boom")
        session.saved(lambda: (folder / "x.md").write_text("fine"), "fine")
    assert [str(e) for e in errors] == ["boom"]


def test_poll_forces_the_polling_observer(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from watchdog.observers.polling import PollingObserver

    monkeypatch.setattr(watch_module, "POLL_INTERVAL", 0.1)
    with Session(folder, poll=True) as session:
        assert isinstance(session.watcher.observer, PollingObserver)
        before = session.count()
        (folder / "x.md").write_text("polled")
        session.wait_until(lambda: session.count() > before and session.seen[-1][0] == "polled")


class _Exhausted:
    """A native observer on a system out of inotify watches."""

    def __init__(self, code: int) -> None:
        self.code, self.stopped = code, False

    def schedule(self, *args: Any, **kwargs: Any) -> None:
        return None

    def start(self) -> None:
        raise OSError(self.code, os.strerror(self.code))

    def stop(self) -> None:
        self.stopped = True

    def is_alive(self) -> bool:
        return False


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EMFILE])
def test_inotify_limits_fall_back_to_polling(
    folder: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    from watchdog.observers.polling import PollingObserver

    native = _Exhausted(code)
    monkeypatch.setattr(watch_module, "native_observer", lambda: native)
    monkeypatch.setattr(watch_module, "POLL_INTERVAL", 0.1)
    with Session(folder) as session:
        assert isinstance(session.watcher.observer, PollingObserver)
        assert native.stopped
        assert len(session.said) == 1 and "polled every second" in session.said[0]


def test_other_os_errors_are_not_hidden(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(watch_module, "native_observer", lambda: _Exhausted(errno.EACCES))
    with pytest.raises(PermissionError):
        Watcher(folder, lambda changed, may_wait: True).run()


def test_ctrl_c_stops_and_joins_the_observer(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[Any] = []
    real = watch_module.native_observer
    monkeypatch.setattr(watch_module, "native_observer", lambda: made.append(real()) or made[-1])

    def interrupted(changed: frozenset[str], may_wait: bool) -> bool:
        raise KeyboardInterrupt

    watcher = Watcher(folder, interrupted)
    watcher.run()  # returns: Ctrl-C is the way out, not an error
    assert watcher.observer is None and not made[0].is_alive()


# -- the command ---------------------------------------------------------------------------


def test_watch_command_builds_reports_and_exits_0_on_ctrl_c(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_cli: Callable[..., Any]
) -> None:
    root = tmp_path / "f"
    (root / "records").mkdir(parents=True)
    (root / "records" / "m.md").write_text("---\ntype: mood\ndate: 2026-11-20\nmood: 40\n---\n")

    def ctrl_c(*args: Any, **kwargs: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(watch_module, "run_loop", ctrl_c)
    out = tmp_path / "out" / "report.html"
    result = run_cli(["watch", str(root), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "records/m.md:4:7: error IM205" in result.output
    assert f"report: {out}" in result.output
    assert out.read_bytes().startswith(b"<!")


def test_watch_rebuild_waits_for_a_half_written_file(tmp_path: Path) -> None:
    from interim.commands.watch import rebuilder

    root = tmp_path / "f"
    root.mkdir()
    written: list[int] = []

    def write(loaded: Any) -> str:
        written.append(len(loaded.records))
        return "r.html"

    rebuild = rebuilder(root, None, write)
    (root / "m.md").write_text("---\ntype: mood\ndate: 2026-")  # caught mid-save
    assert rebuild(frozenset({str(root / "m.md")}), True) is False
    assert written == []
    (root / "m.md").write_text("---\ntype: mood\ndate: 2026-11-20\nmood: 4\n---\n")
    assert rebuild(frozenset({str(root / "m.md")}), True) is True
    assert written == [1]


def test_sigterm_ends_watch_cleanly(tmp_path: Path) -> None:
    """A service manager or a closed terminal stops `watch` the way Ctrl-C does: exit 0."""
    import signal
    import subprocess
    import sys
    import time as _time

    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "m.md").write_text("---\ntype: mood\ndate: 2026-11-20\nmood: 5\n---\n")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)}
    cmd = [sys.executable, "-m", "interim", "watch", str(folder), "-o", str(tmp_path / "r.html")]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = _time.monotonic() + 30
        while not (tmp_path / "r.html").exists() and _time.monotonic() < deadline:
            _time.sleep(0.1)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
        if proc.stdout is not None:
            proc.stdout.close()


def test_the_heap_is_frozen_after_each_rebuild_and_thawed_now_and_then() -> None:
    """What a rebuild leaves is collected, then frozen; every `Heap.EVERY` rebuilds all is
    unfrozen and collected, so a cycle frozen once is not kept for the whole watch."""
    import gc
    import weakref

    from interim.commands.watch import Heap

    class Node:
        pass

    heap = Heap()
    try:
        node = Node()
        node.me = node  # type: ignore[attr-defined]
        gone = weakref.ref(node)
        heap.settle()  # alive: frozen with the rest
        assert gc.get_freeze_count() > 0
        del node
        heap.settle()
        assert gone() is not None  # a frozen cycle waits for the thaw
        heap.rebuilds = Heap.EVERY - 1
        heap.settle()
        assert gone() is None  # unfrozen and collected
        assert gc.get_freeze_count() > 0  # the living frozen again
    finally:
        gc.unfreeze()
