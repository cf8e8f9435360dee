"""load_folder(): discover files → read bytes → decode → split front matter → validate
against types → cross-record checks → Folder.

One bad file never stops the run: every problem becomes a diagnostic on that file and the
loader goes on with the next one. Each file's result depends on that file alone (and on the
types and settings), so results can come from the per-file cache (`interim.load.cache`) or from
forked workers; only the cross-record checks look at the whole folder, and they always run.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import gc
import hashlib
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interim.diagnostics import Diagnostic
from interim.domain.model import Folder, Record
from interim.load.cache import (
    RACY_NS,
    FolderCache,
    FolderState,
    Meta,
    Stored,
    builtins_afresh,
    fingerprint,
    record_bytes,
    record_from,
)
from interim.load.discover import Candidate, Discovery, discover
from interim.settings import Settings, checked_settings, load_settings
from interim.types import RecordType, load_types, types_identity

if TYPE_CHECKING:
    from interim.load.parallel import Progress
    from interim.reader import FileReader, Result


@dataclass(frozen=True)
class Wanted:
    """The records a command needs, when not all: those of `types`, those dated from
    `since` on, and undated ones. Which records are chosen never changes a number: what is
    counted, left out or wrong is the whole folder's (its diagnostics and `FolderState`).

    `then`, when given, chooses again once these records are read (the report reads the
    sessions, finds its period, then asks for what the period needs); None from it: every
    record."""

    types: frozenset[str] = frozenset()
    since: dt.date = dt.date.max
    then: Callable[[list[Record], Settings, dict[str, Any]], Wanted | None] | None = field(
        default=None, compare=False
    )

    def __call__(self, meta: Meta) -> bool:
        kind, day, _ = meta
        return kind in self.types or day == 0 or day >= self.since.toordinal()


NOTHING = Wanted()  # `check`: the diagnostics and the counts are enough


def load_folder(
    root: Path,
    *,
    settings: Settings | None = None,
    progress: Progress | None = None,
    use_cache: bool = False,
    cache: FolderCache | None = None,
    wanted: Wanted | None = None,
) -> Folder:
    """Read and validate every record under `root`. Settings problems are among the
    diagnostics (code IM901); the caller decides whether they stop the command.

    `use_cache`: reuse the results of files unchanged since the last run, from the user's
    cache directory, and save this run's. `cache`: a `FolderCache` the caller keeps across
    loads (the watcher); the caller then writes it with `cache.flush()`. `wanted`: only
    these records when the folder is unchanged since the cache's last load (every record
    otherwise, and always without a cache)."""
    enabled = gc.isenabled()
    # A load makes ~100 objects per file, keeps nearly all of them and makes no cycles; the
    # cyclic collector, run every 700 allocations over an ever larger heap, was 40% of it.
    gc.disable()
    try:
        return _load(root, settings, progress, use_cache, cache, wanted)
    finally:
        if enabled:
            gc.enable()


def load_checked(
    root: Path,
    *,
    progress: Progress | None = None,
    use_cache: bool = False,
    cache: FolderCache | None = None,
    wanted: Wanted | None = None,
) -> Folder:
    """`load_folder` for a command: raises BrokenSettings, before reading any record, when
    interim.yaml has errors; its warnings join the folder's diagnostics."""
    settings, problems = checked_settings(root)
    folder = load_folder(
        root, settings=settings, progress=progress, use_cache=use_cache, cache=cache, wanted=wanted
    )
    folder.diagnostics = sorted(problems + folder.diagnostics, key=Diagnostic.sort_key)
    return folder


def _load(
    root: Path,
    settings: Settings | None,
    progress: Progress | None,
    use_cache: bool,
    cache: FolderCache | None,
    wanted: Wanted | None,
) -> Folder:
    started_ns = time.time_ns()
    diagnostics: list[Diagnostic] = []
    if settings is None:
        settings, found = load_settings(root)
        diagnostics += found
    found_files = discover(root, ignore=settings.files.ignore, max_size=settings.files.max_size)
    folder = Folder(root, [], [], settings=settings)
    if cache is None and use_cache:
        cache = own = FolderCache(root)
    else:
        own = None
    fp = cache_key(settings, types_identity(root)) if cache is not None else b""
    key = state_key(fp, report_day(settings), found_files, diagnostics) if cache else b""
    state = cache.state(key) if cache is not None else None
    folder.state_key = key
    # No record wanted: neither the types nor the per-file cache need be read.
    if (
        state is not None
        and wanted is NOTHING
        and _from_state(folder, [], {}, state, wanted, cache)
    ):
        return folder
    with builtins_afresh() if not use_cache and cache is None else contextlib.nullcontext():
        folder.types, found = load_types(root)  # `--no-cache`: the built-ins parsed, too
    diagnostics += found + found_files.diagnostics
    known = cache.lookup(fp) if state is not None and cache is not None else {}
    if state is not None and _from_state(folder, found_files.files, known, state, wanted, cache):
        return folder
    folder.diagnostics = diagnostics
    # Imported here: an unchanged folder reads no file and checks nothing across records.
    from interim.check.crosscheck import cross_check

    results, folder.files_cached = _results(
        found_files.files, folder.types, settings, cache, fp, started_ns, progress
    )
    _assemble(folder, found_files.files, results)
    folder.diagnostics += cross_check(folder.records)
    folder.diagnostics += folder_notices(folder)
    folder.diagnostics.sort(key=Diagnostic.sort_key)
    if cache is not None and not _racy(found_files.files, started_ns):
        cache.keep_state(key, _state_of(folder, results))
    if own is not None:
        own.flush()
    return folder


def report_day(settings: Settings) -> dt.date:
    """The default report date: what IM220 and the date checks are relative to."""
    return settings.report_date or dt.date.today()


def state_key(fp: bytes, day: dt.date, found: Discovery, said: list[Diagnostic]) -> bytes:
    """What the folder's result depends on: the fingerprint, the report date, every file's
    identity, what the walk said (a pipe or a link that appeared) and what the settings
    file said (`said`: a key interim does not know changes no setting)."""
    digest = hashlib.blake2b(fp + day.isoformat().encode(), digest_size=32)
    for d in said:
        digest.update(repr(d).encode("utf-8", "surrogatepass"))
    for c in found.files:
        digest.update(
            f"{c.rel}\0{c.size}\0{c.mtime_ns}\0{c.inode}\0{c.ctime_ns}\0{c.kind}\0{c.copy_of}\n".encode(
                "utf-8", "surrogatepass"
            )
        )
    for d in found.diagnostics:
        digest.update(repr(d).encode("utf-8", "surrogatepass"))
    return digest.hexdigest().encode("ascii")


def _racy(files: list[Candidate], started_ns: int) -> bool:
    """A file changed within the last 2 s may change again with the same size and mtime
    (FAT and phone file systems keep 2-second times): the folder's result is not kept."""
    cutoff = started_ns - RACY_NS
    return any(c.mtime_ns >= cutoff for c in files)


def folder_notices(folder: Folder) -> list[Diagnostic]:
    """What depends on the whole folder and on the report date, so no file's cached result
    can hold it: the safety notice's IM220 lines (the same entries as the default report's
    notice) and dates too far from the report date to be meant."""
    from interim.check.dates import implausible_dates  # an unchanged folder needs neither
    from interim.summary.safety import safety_diagnostics

    return safety_diagnostics(folder) + implausible_dates(folder)


def cache_key(settings: Settings, types: str) -> bytes:
    """The cache's fingerprint for these settings and the folder's own types (their
    `types_identity`): any change to either (every setting counts, not only those a file's
    result uses) starts the cache afresh."""
    return fingerprint(repr(sorted(settings.flat().items())), types)


def _results(
    files: list[Candidate],
    types: dict[str, RecordType],
    settings: Settings,
    cache: FolderCache | None,
    fp: bytes,
    started_ns: int,
    progress: Progress | None,
) -> tuple[list[Result], int]:
    """One result per file, and how many came from the cache: from the cache when the
    file's size, mtime, inode and change time are the ones it was cached under (and its
    record can be read back), else read now."""
    from interim.load.parallel import read_all
    from interim.reader import FileReader

    known: dict[str, Stored] = cache.lookup(fp) if cache is not None else {}
    out: list[Result | None] = []
    todo: list[int] = []
    for i, c in enumerate(files):
        hit = known.get(c.rel)
        result = _cached(hit, c, cache) if hit is not None and cache is not None else None
        out.append(result)
        if result is None:
            todo.append(i)
    reader = FileReader(types, settings.files.max_size)
    read = _PickledOnce(reader, keep=cache is not None)
    fresh = iter(read_all(read, [files[i] for i in todo], progress))
    payloads: dict[str, bytes] = {}
    done: list[Result] = []
    for c, r in zip(files, out, strict=True):  # in order: todo is ascending
        if r is None:
            r, payload = read.unpack(next(fresh), c)
            if payload is not None:
                payloads[c.rel] = payload
        done.append(r)
    if cache is not None:
        entries = {
            c.rel: _stored(c, r, known.get(c.rel), payloads.get(c.rel))
            for c, r in zip(files, done, strict=True)
            if r[3]
        }
        cache.update(fp, entries, bool(todo), started_ns)
    return done, len(files) - len(todo)


class _PickledOnce:
    """The per-file read, with the record pickled as the cache keeps it. A forked child
    sends back only those bytes, which the parent unpickles into the record: one pickling
    per record, done in the children, where the parent pickled every record again."""

    def __init__(self, reader: FileReader, keep: bool) -> None:
        self.reader, self.keep, self.parent = reader, keep, os.getpid()

    def __call__(self, c: Candidate) -> tuple[Result, bytes | None]:
        result = self.reader.read(c)
        record = result[0]
        if not self.keep or record is None:
            return result, None
        payload = record_bytes(record)
        if os.getpid() != self.parent:
            return (None, *result[1:]), payload
        return result, payload

    def unpack(
        self, sent: tuple[Result, bytes | None], c: Candidate
    ) -> tuple[Result, bytes | None]:
        result, payload = sent
        if result[0] is not None or payload is None:
            return result, payload
        record = record_from(payload)
        if record is None:  # cannot happen with bytes a child just made; read it here
            return self.reader.read(c), None
        return (record, *result[1:]), payload


def _cached(hit: Stored, c: Candidate, cache: FolderCache) -> Result | None:
    """The cached result of an unchanged file (None: read it)."""
    size, mtime, ids, _, diags, not_record, payload = hit
    if (size, mtime, ids) != (c.size, c.mtime_ns, (c.inode, c.ctime_ns)):
        return None
    record = cache.record(c.rel, payload) if payload is not None else None
    if payload is not None and record is None:
        return None  # unreadable: read the file again
    return record, diags, not_record, True


def _stored(c: Candidate, result: Result, old: Stored | None, payload: bytes | None) -> Stored:
    """A result as the cache keeps it (an unchanged file's entry is kept as it was;
    `payload`: the record already pickled)."""
    if old is not None and old[:3] == (c.size, c.mtime_ns, (c.inode, c.ctime_ns)):
        return old
    record, diags, not_record, _ = result
    meta = _meta(record) if record is not None else None
    if payload is None and record is not None:
        payload = record_bytes(record)
    return (c.size, c.mtime_ns, (c.inode, c.ctime_ns), meta, diags, not_record, payload)


def _meta(record: Record) -> Meta:
    day = record.date.toordinal() if record.date is not None else 0
    return (record.type, day, record.left_out is not None)


def _assemble(folder: Folder, files: list[Candidate], results: list[Result]) -> None:
    """Each file's result into the folder: counted records, records left out of the numbers
    (conflict copies, files of another extension: the safety notice still reads them), and
    every diagnostic; then one entry per set of files that hold the same one."""
    from interim.check.duplicates import drop_duplicates

    counted: list[Record] = []
    for candidate, (record, diags, not_record, was_read) in zip(files, results, strict=True):
        folder.diagnostics += diags
        folder.files_read += was_read
        if not_record:
            folder.not_records.append(candidate.rel)
        if record is None:
            continue
        (folder.left_out if record.left_out is not None else counted).append(record)
    copies = frozenset(c.rel for c in files if c.copy_of is not None)
    folder.records, dropped, found = drop_duplicates(counted, folder.types, copies)
    folder.left_out += dropped
    repeats = {r.path for r in dropped}  # IM306 says more than "may be a copy" (IM121)
    folder.diagnostics = [
        d for d in folder.diagnostics if d.code != "IM121" or d.path not in repeats
    ]
    folder.diagnostics += found


def _state_of(folder: Folder, results: list[Result]) -> FolderState:
    """The folder's result, as `_from_state` rebuilds it from the per-file cache."""
    private_in_file = {r.path for r, _, _, _ in results if r is not None and r.private}
    return FolderState(
        diagnostics=tuple(folder.diagnostics),
        repeats={
            r.path: r.left_out or ""
            for r in folder.left_out
            if r.path not in _left_by_file(results)
        },
        private=frozenset(
            r.path for r in folder.records if r.private and r.path not in private_in_file
        ),
        not_records=tuple(folder.not_records),
        files_read=folder.files_read,
        counted=len(folder.records),
        counted_paths=_counted_with_notes(folder),
    )


def _counted_with_notes(folder: Folder) -> frozenset[str]:
    """Counted records' files that have diagnostics: what `not_counted` must pass over,
    kept for a load that reads only some records."""
    counted = {r.path for r in folder.records if not r.salvaged}
    return frozenset(d.path for d in folder.diagnostics if d.path in counted)


def _left_by_file(results: list[Result]) -> set[str]:
    """Records a file's own result leaves out (copies, other extensions)."""
    return {r.path for r, _, _, _ in results if r is not None and r.left_out is not None}


def _from_state(
    folder: Folder,
    files: list[Candidate],
    known: dict[str, Stored],
    state: FolderState,
    wanted: Wanted | None,
    cache: FolderCache | None,
) -> bool:
    """The folder as its last load left it, with only the records `wanted` (all when None)
    unpickled from the per-file cache. False, and the folder untouched, when a record it
    needs is not in the per-file cache as it should be (the caller then loads afresh)."""
    stored: list[tuple[str, Meta, bytes]] = []
    for c in files if wanted is not NOTHING else ():
        entry = known.get(c.rel)
        if entry is None or entry[:3] != (c.size, c.mtime_ns, (c.inode, c.ctime_ns)):
            return False
        meta, payload = entry[3], entry[6]
        if meta is not None and payload is not None:
            stored.append((c.rel, meta, payload))
    chosen: dict[str, Record] = {}
    if not _take(chosen, stored, wanted, state, cache):
        return False
    if wanted is not None and wanted.then is not None:
        first = [r for r in chosen.values() if r.left_out is None]
        wanted = wanted.then(first, folder.settings or Settings(), state.course)
        if not _take(chosen, stored, wanted, state, cache):
            return False
    in_order = [chosen[rel] for rel, _, _ in stored if rel in chosen]
    folder.records = [r for r in in_order if r.left_out is None]
    folder.left_out = [r for r in in_order if r.left_out is not None]
    folder.diagnostics = list(state.diagnostics)
    folder.not_records = list(state.not_records)
    folder.files_read = folder.files_cached = state.files_read
    folder.course_kept = dict(state.course)
    if wanted is not None:
        folder.counted = state.counted
        folder.counted_paths = state.counted_paths
    return True


def _take(
    chosen: dict[str, Record],
    stored: list[tuple[str, Meta, bytes]],
    wanted: Wanted | None,
    state: FolderState,
    cache: FolderCache | None,
) -> bool:
    """Unpickle the `wanted` records not yet `chosen`, as the last load left them (a repeat
    left out, a record made private by its private copy). False when one cannot be read."""
    for rel, meta, payload in stored:
        if rel in chosen or (wanted is not None and not wanted(meta)):
            continue
        record = cache.record(rel, payload) if cache is not None else record_from(payload)
        if record is None:
            return False
        if rel in state.repeats:
            record = dataclasses.replace(record, left_out=state.repeats[rel])
        elif record.left_out is None and rel in state.private:
            record = dataclasses.replace(record, private=True)
        chosen[rel] = record
    return True
