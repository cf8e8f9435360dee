"""Per-file results kept between runs, so a second `check` or `report` on an unchanged folder
reads no record file.

What is kept, in two files per folder:

- `folder-….cache`, for each record file: what the file gave — its record (pickled apart,
  as bytes, so a load unpickles only the records it needs), the record's type and date (to
  choose by without unpickling), the file's own diagnostics and whether it was "not a
  record" — under the file's size, mtime, inode and change time.
- `folder-….state`, the whole folder's result at the last load (`FolderState`: every
  diagnostic, the copies left out, the counts) under one key: the fingerprint, the report
  date and every file's identity. A second `check` of an unchanged folder is then the walk,
  one comparison and the printing: no record is read or unpickled.

Both belong to one fingerprint (interim's version, the code, the record types and the
settings): any change there starts them afresh.

Where: one file per folder, named by a hash of the folder's resolved path, in the user's cache
directory (`interim.cachedir.cache_dir()`: `$INTERIM_CACHE_DIR`, else the platform's
place). It holds health data, so the directory is 0700, the file 0600 (written atomically),
and `interim cache --clear` deletes it.

Why pickle is acceptable here: the file is only read when it is a regular file owned by this
user and writable by nobody else, in a directory only this user can enter; whoever can write
it can already run code as this user (edit their shell profile). On top of that, unpickling
may build only the few classes a cache holds (`_Unpickler.find_class`), and a file that fails
any check is ignored and rebuilt: a broken cache only ever costs one cold run.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import gc
import hashlib
import io
import os
import pickle
import shutil
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, TypeVar, cast

from interim import __version__
from interim.atomic import write_with
from interim.cachedir import cache_dir
from interim.diagnostics import Diagnostic
from interim.domain.model import Record

__all__ = [
    "FolderCache",
    "FolderState",
    "Meta",
    "Stored",
    "cache_dir",
    "cache_file",
    "clear",
    "fingerprint",
    "record_bytes",
    "record_from",
]

# What a record is chosen by, without unpickling it: its type and its date (ordinal; 0 for
# none), and whether it is left out of the numbers (a copy).
Meta = tuple[str, int, bool]
# (size, mtime_ns, (inode, ctime_ns), meta or None, the file's own diagnostics,
#  "not a record", the pickled record or None)
Stored = tuple[
    int, int, tuple[int, int], "Meta | None", tuple[Diagnostic, ...], bool, "bytes | None"
]

FORMAT = b"interim-cache 8\n"  # bump when `Stored`, `FolderState` or a file's layout changes
CHUNK = 2000  # entries per pickle in the file (see `_write`)
SUFFIX = ".cache"
STATE_SUFFIX = ".state"
# A file changed within this many seconds of a load may change again with the same size and
# mtime (coarse file-system clocks: FAT has 2 s, many Linux file systems a few ms), so its
# result is not kept: the next run reads it again. Git's "racily clean" entries, same idea.
RACY_NS = 2_000_000_000


def cache_file(root: Path, directory: Path | None = None) -> Path:
    """The cache file of one folder: a hash of its resolved path, so the name tells nothing."""
    key = hashlib.sha256(os.fsencode(Path(root).resolve())).hexdigest()[:32]
    return (directory or cache_dir()) / f"folder-{key}{SUFFIX}"


def fingerprint(*parts: str) -> bytes:
    """What every cached result depends on besides the file itself: interim's version, its
    code, and the `parts` the caller gives (the settings and the record types)."""
    digest = hashlib.sha256()
    for part in (__version__, _code_stamp(), *parts):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest().encode("ascii")


@functools.cache
def _code_stamp() -> str:
    """Size and mtime of interim's own modules and type files, in every package: a
    development checkout edited without a version bump must not be served results from the
    old code."""
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # interim/
    parts = []
    folders = [package]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError:
            parts.append(folder)
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False) and entry.name not in _NOT_CODE:
                folders.append(entry.path)
            elif entry.name.endswith((".py", ".yaml")):
                st = entry.stat()
                rel = os.path.relpath(entry.path, package)
                parts.append(f"{rel}:{st.st_size}:{st.st_mtime_ns}")
    return ";".join(parts)


_NOT_CODE = frozenset({"__pycache__", "templates", "fonts"})  # nothing a record's result uses


def clear(directory: Path | None = None) -> int:
    """Delete every folder's cache file (and the directory when it is left empty)."""
    folder = directory or cache_dir()
    removed = 0
    try:
        names = os.listdir(folder)
    except OSError:
        return 0
    for name in names:
        ours = name.lstrip(".").startswith(("folder-", BUILTIN_PREFIX))
        if ours and name.endswith((SUFFIX, STATE_SUFFIX, ".pickle", ".tmp")):
            try:
                os.unlink(folder / name)
                removed += name.endswith(SUFFIX)
            except FileNotFoundError:
                pass
    # The report templates compiled by interim.render.compiled: only the folders it names, since
    # INTERIM_CACHE_DIR may point into a folder that holds other things too.
    compiled = folder / "compiled-templates"
    for sub in compiled.glob("*-*"):
        if (
            sub.is_dir()
            and not sub.is_symlink()
            and sub.name.startswith(("html-", "text-", "bodies-"))
        ):
            shutil.rmtree(sub, ignore_errors=True)
    with contextlib.suppress(OSError):
        compiled.rmdir()
    with contextlib.suppress(OSError):  # not empty (something else lives there), or gone
        os.rmdir(folder)
    return removed


class FolderCache:
    """The cached results of one folder: read from disk on first use, kept in memory across
    loads (the watcher keeps one for its whole run), written back by `flush`. Nothing here
    raises on a broken, missing or unwritable cache: it just starts empty."""

    def __init__(self, root: Path, directory: Path | None = None) -> None:
        try:
            self.path: Path | None = cache_file(root, directory)
        except (OSError, RuntimeError):  # no home directory to put it in
            self.path = None
        self._fingerprint: bytes | None = None
        self._entries: dict[str, Stored] = {}
        self._loaded = False
        self._dirty = False
        self._state: tuple[bytes, FolderState] | None = None  # to write
        self._kept_state: tuple[bytes, FolderState] | None = None  # the last one seen
        # Records unpickled in this process, by path, with the payload they came from: a
        # cache kept across loads (the watcher) unpickles an unchanged file's record once.
        self._decoded: dict[str, tuple[bytes, Record]] = {}

    def record(self, rel: str, payload: bytes) -> Record | None:
        """The record kept as `payload` (None when it cannot be read), unpickled once per
        payload in this process. Records are never changed once read, so one can be
        shared by every load that finds its file unchanged."""
        known = self._decoded.get(rel)
        if known is not None and known[0] is payload:
            return known[1]
        record = record_from(payload)
        if record is not None:
            self._decoded[rel] = (payload, record)
        return record

    def lookup(self, fp: bytes) -> dict[str, Stored]:
        """The entries saved under this fingerprint (empty when it differs)."""
        if not self._loaded:
            self._loaded = True
            self._entries = _read(self.path, fp) if self.path is not None else {}
            self._fingerprint = fp
        if fp != self._fingerprint:
            self._fingerprint, self._entries, self._dirty = fp, {}, True
        return self._entries

    def update(self, fp: bytes, entries: dict[str, Stored], changed: bool, started_ns: int) -> None:
        """Keep this load's entries, less those too recent to trust (see RACY_NS)."""
        cutoff = started_ns - RACY_NS
        fresh = {rel: e for rel, e in entries.items() if e[1] < cutoff}
        changed = changed or len(fresh) != len(entries) or fresh.keys() != self._entries.keys()
        self._fingerprint, self._entries = fp, fresh
        self._dirty = self._dirty or changed

    def flush(self) -> bool:
        """Write what changed. False when it could not be written (no harm done)."""
        written = True
        if self._dirty and self.path is not None and self._fingerprint is not None:
            try:
                _write(self.path, self._fingerprint, self._entries)
                self._dirty = False
            except (OSError, pickle.PicklingError, RecursionError):
                written = False
        if self._state is not None and self.path is not None:
            key, state = self._state
            try:
                _write_state(self.path.with_suffix(STATE_SUFFIX), key, state)
                self._state = None
            except (OSError, pickle.PicklingError, RecursionError):
                written = False
        return written

    def state(self, key: bytes) -> FolderState | None:
        """The folder's result kept under this key (see the module's doc), or None."""
        if self._kept_state is not None and self._kept_state[0] == key:
            return self._kept_state[1]
        if self.path is None:
            return None
        found = _read_state(self.path.with_suffix(STATE_SUFFIX), key)
        if found is not None:
            self._kept_state = (key, found)
        return found

    def keep_state(self, key: bytes, state: FolderState) -> None:
        """Keep this load's folder result, to write at `flush`."""
        self._state = self._kept_state = (key, state)


# -- the file ------------------------------------------------------------------------------

_ALLOWED = {
    ("interim.domain.model", "Record"),
    ("interim.diagnostics.diagnostic", "Diagnostic"),
    ("interim.diagnostics.severity", "Severity"),
    ("interim.load.cache", "FolderState"),
    ("datetime", "date"),
    ("datetime", "time"),
    ("datetime", "datetime"),
    ("datetime", "timedelta"),
}


def record_bytes(record: Record) -> bytes:
    """A record as the cache keeps it."""
    return pickle.dumps(record, pickle.HIGHEST_PROTOCOL)


def record_from(data: bytes) -> Record | None:
    """A record the cache kept, or None when it cannot be read (the caller reads the file)."""
    try:
        found = _Unpickler(io.BytesIO(data)).load()
    except Exception:  # a corrupt pickle can fail in many ways; all mean "read the file"
        return None
    return found if type(found) is Record else None


@dataclass(frozen=True)
class FolderState:
    """The whole folder's result at one load, for the next load of the same folder and
    report date (see the module's doc): everything that is not a single file's."""

    diagnostics: tuple[Diagnostic, ...]  # every one, sorted, the files' own included
    repeats: dict[str, str]  # path of a record that repeats another → why it is left out
    private: frozenset[str]  # paths of records made private by a private copy
    not_records: tuple[str, ...]
    files_read: int
    counted: int  # records counted
    counted_paths: frozenset[str]  # counted records' files among those with diagnostics
    # The course of treatment's homework rows (interim.summary.course), by the report's last
    # day, once a report has worked them out: they need every record since the first held
    # session, which a report of an unchanged folder then need not read (issue 14).
    course: dict[str, tuple[tuple[Any, ...], ...]] = field(default_factory=dict)


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a cache")
        return super().find_class(module, name)


def _read(path: Path, fp: bytes) -> dict[str, Stored]:
    handle = _owned_file(path)
    if handle is None:
        return {}
    enabled = gc.isenabled()
    gc.disable()  # the load makes ~40 objects per record and no cycles: 2–3× faster
    try:
        with handle:
            if handle.read(len(FORMAT) + len(fp) + 1) != FORMAT + fp + b"\n":
                return {}  # from another version, code, types or settings
            return _load_chunks(handle)
    except Exception:  # a corrupt pickle can fail in many ways; all mean "start afresh"
        return {}
    finally:
        if enabled:
            gc.enable()


def _load_chunks(handle: BinaryIO) -> dict[str, Stored]:
    """The pickles `_write` wrote, one after the other; each needs its own unpickler, since
    each was written with a fresh memo."""
    count = _Unpickler(handle).load()
    if type(count) is not int:
        return {}
    entries: dict[str, Stored] = {}
    for _ in range(count):
        entries.update(_Unpickler(handle).load())
    valid = all(type(k) is str and type(v) is tuple and len(v) == 7 for k, v in entries.items())
    return entries if valid else {}


def _owned_file(path: Path) -> BinaryIO | None:
    """The file, open, if it is a regular file of ours that nobody else can write."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        ours = not hasattr(os, "getuid") or (st.st_uid == os.getuid() and not st.st_mode & 0o022)
        if stat.S_ISREG(st.st_mode) and ours:
            return os.fdopen(fd, "rb")
    except OSError:
        pass
    os.close(fd)
    return None


def _write(path: Path, fp: bytes, entries: dict[str, Stored]) -> None:
    """Pickled in chunks, each with a fresh memo: one pickle of everything keeps a memo entry
    per object written, which at 50,000 records was 120 MB more than the records themselves."""
    _private_dir(path.parent)
    items = list(entries.items())
    chunks = [items[i : i + CHUNK] for i in range(0, len(items), CHUNK)]

    def fill(handle: BinaryIO) -> None:
        handle.write(FORMAT + fp + b"\n")
        pickler = pickle.Pickler(handle, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.dump(len(chunks))
        for chunk in chunks:
            pickler.dump(chunk)
            pickler.clear_memo()

    write_with(path, fill)


def _write_state(path: Path, key: bytes, state: FolderState) -> None:
    _private_dir(path.parent)

    def fill(handle: BinaryIO) -> None:
        handle.write(FORMAT + key + b"\n")
        pickle.dump(state, handle, protocol=pickle.HIGHEST_PROTOCOL)

    write_with(path, fill)


# -- interim's own data, parsed once: the built-in types and measures -------------------------

BUILTIN_PREFIX = "builtin-"
T = TypeVar("T")
_KEEP = contextvars.ContextVar("interim_keep_builtins", default=True)


@contextlib.contextmanager
def builtins_afresh() -> Iterator[None]:
    """Within it, `kept` neither reads nor writes its files (`--no-cache`)."""
    token = _KEEP.set(False)
    try:
        yield
    finally:
        _KEEP.reset(token)


def kept(name: str, build: Callable[[], T], classes: frozenset[tuple[str, str]]) -> T:
    """What `build` makes from interim's own files (the built-in types, the measures: ~25 ms
    of YAML, and PyYAML's import, on every run), kept in the cache folder under interim's
    version and code stamp. Unpickled only from a file of ours that nobody else can write,
    building only `classes`; a file that fails any check is built again and replaced. No
    cache folder, or one that cannot be written: built every time."""
    if not _KEEP.get():
        return build()
    header = FORMAT + fingerprint(name) + b"\n"
    try:
        path = cache_dir() / f"{BUILTIN_PREFIX}{name}.pickle"
    except RuntimeError:  # no home directory
        return build()
    handle = _owned_file(path)
    if handle is not None:
        try:
            with handle:
                if handle.read(len(header)) == header:
                    return cast(T, _KeptUnpickler(handle, classes).load())
        except Exception:  # corrupt, or another version's: build it again
            pass
    value = build()

    def fill(handle: BinaryIO) -> None:
        handle.write(header)
        pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)

    with contextlib.suppress(OSError):
        _private_dir(path.parent)
        write_with(path, fill)
    return value


class _KeptUnpickler(pickle.Unpickler):
    def __init__(self, handle: BinaryIO, classes: frozenset[tuple[str, str]]) -> None:
        super().__init__(handle)
        self.classes = classes

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in self.classes:
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed here")
        return super().find_class(module, name)


def _read_state(path: Path, key: bytes) -> FolderState | None:
    handle = _owned_file(path)
    if handle is None:
        return None
    try:
        with handle:
            if handle.read(len(FORMAT) + len(key) + 1) != FORMAT + key + b"\n":
                return None
            found = _Unpickler(handle).load()
    except Exception:  # corrupt: as if there were none
        return None
    return found if type(found) is FolderState else None


def _private_dir(folder: Path) -> None:
    """Make the cache directory owner-only (0700), whoever created it — except a folder the
    user chose with INTERIM_CACHE_DIR that existed already: interim does not change the
    user's folders, and the cache file in it is 0600 whatever the folder's mode."""
    chosen = bool(os.environ.get("INTERIM_CACHE_DIR")) and folder.is_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix" and not chosen and stat.S_IMODE(folder.stat().st_mode) != 0o700:
        os.chmod(folder, 0o700)
