"""`interim watch`: rebuild on every save.

The watcher is dumb and never dies (STYLE 6, after mkdocs' livereload): file-system events
only set a flag (`Signal`); one loop (`run_loop`) waits until the folder has been quiet for a
moment, or a maximum wait has passed, and calls a rebuild function it is given. This module
knows nothing of records or reports: `interim.commands.watch` passes a rebuild that loads the folder
(with the per-file cache, so only changed files are read) and renders. An exception in a
rebuild is reported and the loop goes on; Ctrl-C stops the observer and returns.
"""

from __future__ import annotations

import errno
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from watchdog.events import FileSystemEvent, FileSystemEventHandler

from interim.load.filenames import skipped_name

# An editor's save is a burst of events a few ms apart (write beside, rename over): it is
# rebuilt after SHORT seconds without another. A burst that goes on longer than that (a sync
# client or `git pull` writing many files) waits for QUIET seconds without an event instead,
# so it still gives one rebuild.
SHORT = 0.05
QUIET = 0.2
MAX_WAIT = 2.0  # ...but never wait longer than this after the first event of a burst
SETTLE_TRIES = 5  # rebuilds put off while a changed file looks half-written (QUIET apart)
POLL_INTERVAL = 1.0  # seconds between two looks at the folder when polling

# rebuild(changed paths, may_wait) → False asks to be called again once the files settle
# (honoured only while may_wait); anything else means done.
Rebuild = Callable[[frozenset[str], bool], "bool | None"]
# Events that are not changes: reading a file (as every rebuild does) opens and closes it.
_NOT_CHANGES = frozenset({"opened", "closed_no_write"})


class Signal:
    """The flag between the observer's thread and the loop, with what changed and when.
    `clock` and `wait` are injectable so the debounce can be tested without sleeping."""

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        wait: Callable[[threading.Condition, float | None], Any] | None = None,
    ) -> None:
        self._cond = threading.Condition()
        self._clock = clock
        self._wait = wait or (lambda cond, timeout: cond.wait(timeout))
        self._pending = False
        self._first = self._last = 0.0
        self._paths: set[str] = set()
        self._stopped = False

    def notify(self, *paths: str) -> None:
        with self._cond:
            now = self._clock()
            if not self._pending:
                self._pending, self._first = True, now
            self._last = now
            self._paths.update(paths)
            self._cond.notify_all()

    def stop(self) -> None:
        with self._cond:
            self._stopped = True
            self._cond.notify_all()

    def next_batch(
        self, quiet: float, max_wait: float, short: float | None = None
    ) -> frozenset[str] | None:
        """Block until a change was followed by `quiet` seconds without another (or
        `max_wait` passed since the first), then hand over the changed paths and clear the
        flag. None once stopped. With `short`: a burst that has lasted less than `short`
        seconds so far needs only `short` seconds without an event."""
        with self._cond:
            while not self._stopped:
                if not self._pending:
                    self._wait(self._cond, None)
                    continue
                still = quiet
                if short is not None and self._last - self._first < short:
                    still = short
                due = min(self._last + still, self._first + max_wait)
                now = self._clock()
                if now >= due:
                    batch = frozenset(self._paths)
                    self._pending = False
                    self._paths.clear()
                    return batch
                self._wait(self._cond, due - now)
            return None


def run_loop(
    signal: Signal,
    rebuild: Rebuild,
    on_error: Callable[[BaseException], None],
    *,
    quiet: float = QUIET,
    max_wait: float = MAX_WAIT,
    short: float | None = SHORT,
) -> None:
    """Rebuild once per quiet burst until the signal stops (`short`, `quiet`: see
    `Signal.next_batch`). A change during a rebuild sets the flag again, so it is followed
    by exactly one more."""
    tries = 0
    # A file that looked half-written is tried again after the full quiet period.
    while (batch := signal.next_batch(quiet, max_wait, None if tries else short)) is not None:
        may_wait = tries < SETTLE_TRIES
        if call(rebuild, batch, may_wait, on_error) or not may_wait:
            tries = 0
        else:
            tries += 1
            signal.notify(*batch)  # again after a quiet period, with the same paths


def call(
    rebuild: Rebuild,
    batch: frozenset[str],
    may_wait: bool,
    on_error: Callable[[BaseException], None],
) -> bool:
    """One guarded rebuild: True when done (an error counts as done, once reported)."""
    try:
        return rebuild(batch, may_wait) is not False
    except Exception as exc:  # the watcher never dies: report, and go on watching
        on_error(exc)
        return True


class _Handler(FileSystemEventHandler):
    """Every change counts (editors save by rename: vim, JetBrains, VS Code, Syncthing), except
    an editor's scratch files, reads, the folder's own modified-time and ignored paths."""

    def __init__(self, root: str, signal: Signal, ignore: set[str]) -> None:
        self.root, self.signal, self.ignore = root, signal, ignore

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in _NOT_CHANGES:
            return
        if event.is_directory and event.event_type == "modified":
            return  # a folder "changes" with every file created in it: the file event counts
        # A save by rename names the real file as the destination: it is the one to show.
        for raw in (getattr(event, "dest_path", ""), event.src_path):
            path = os.fsdecode(raw)
            if path and self.relevant(path):
                self.signal.notify(path)
                return

    def relevant(self, path: str) -> bool:
        if path in self.ignore:
            return False
        rel = os.path.relpath(path, self.root)
        if rel == os.curdir or rel.startswith(os.pardir):
            return False
        return not any(skipped_name(part) for part in rel.split(os.sep))


class Watcher:
    """Watch `root` recursively and call `rebuild` after each burst of changes, until Ctrl-C
    (or `stop()` from another thread)."""

    def __init__(
        self,
        root: Path,
        rebuild: Rebuild,
        *,
        poll: bool = False,
        ignore: Iterable[Path] = (),
        say: Callable[[str], None] = print,
        on_error: Callable[[BaseException], None] | None = None,
        quiet: float = QUIET,
        max_wait: float = MAX_WAIT,
        short: float | None = SHORT,
    ) -> None:
        self.root = Path(os.path.abspath(root))
        self.rebuild, self.poll, self.say = rebuild, poll, say
        self.on_error = on_error or (lambda exc: say(f"rebuild failed: {exc!r}"))
        self.quiet, self.max_wait, self.short = quiet, max_wait, short
        self.signal = Signal()
        self.handler = _Handler(str(self.root), self.signal, set())
        for path in ignore:
            self.ignore(path)
        self.observer: Any = None

    def ignore(self, path: Path) -> None:
        """Never count events for this path (an output written inside the folder)."""
        self.handler.ignore.add(os.path.abspath(path))

    def run(self) -> None:
        """Start watching, build once, then rebuild on changes until interrupted. Starting
        first means a save during the first build is not missed."""
        previous = self._stop_on_signals()
        try:
            self.observer = self.start_observer()
            call(self._rebuild, frozenset(), False, self.on_error)
            run_loop(
                self.signal,
                self._rebuild,
                self.on_error,
                quiet=self.quiet,
                max_wait=self.max_wait,
                short=self.short,
            )
        except KeyboardInterrupt:
            pass
        finally:
            self.close()
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    def _stop_on_signals(self) -> dict[int, Any]:
        """SIGTERM and SIGHUP (a closed terminal, a service manager) end the loop the way
        Ctrl-C does, so the observer is stopped and the cache saved. Only the main thread
        may set handlers; elsewhere (tests) nothing is changed."""
        previous: dict[int, Any] = {}
        for name in ("SIGTERM", "SIGHUP"):
            sig = getattr(signal, name, None)
            if sig is None:
                continue
            try:
                previous[sig] = signal.signal(sig, lambda *_: self.stop())
            except ValueError:
                break
        return previous

    def _rebuild(self, changed: frozenset[str], may_wait: bool) -> bool | None:
        return self.rebuild(changed, may_wait)  # looked up each time: it may be replaced

    def stop(self) -> None:
        self.signal.stop()

    def close(self) -> None:
        self.signal.stop()
        if self.observer is not None:
            _dispose(self.observer)
            self.observer = None

    def start_observer(self) -> Any:
        """The system's own notifications (inotify, FSEvents, ReadDirectoryChangesW), or
        polling: when asked (network and cloud folders do not notify) or when the system's
        limit on watches is reached."""
        if not self.poll:
            try:
                return self._started(native_observer())
            except OSError as exc:
                if exc.errno not in (errno.ENOSPC, errno.EMFILE):
                    raise
                self.say(
                    "interim: this system's limit on watched folders is reached (on Linux: "
                    "fs.inotify.max_user_watches, max_user_instances); the folder is polled "
                    "every second instead"
                )
        return self._started(polling_observer())

    def _started(self, observer: Any) -> Any:
        try:
            observer.schedule(self.handler, str(self.root), recursive=True)
            observer.start()
        except BaseException:
            _dispose(observer)
            raise
        return observer


def native_observer() -> Any:
    from watchdog.observers import Observer  # here: it loads the platform's backend

    return Observer()


def polling_observer() -> Any:
    from watchdog.observers.polling import PollingObserver  # only with --poll

    return PollingObserver(timeout=POLL_INTERVAL)


def _dispose(observer: Any) -> None:
    observer.stop()
    if observer.is_alive():
        observer.join()
