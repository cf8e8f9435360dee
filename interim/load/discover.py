"""Walk a folder and decide which files are records (DESIGN §2).

The walk is iterative (`os.scandir`, one listing per folder, no recursion limit) and never
follows a symbolic link. Problems are diagnostics, never exceptions: a folder that cannot be
opened is reported and the walk goes on. Files are only ever opened by `read_bytes`, which
re-checks what it opened, so a pipe swapped in after the walk cannot block a run.
"""

from __future__ import annotations

import errno
import json
import operator
import os
import stat
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from interim.diagnostics import Diagnostic, diag, escape_text
from interim.load.filenames import (
    ICLOUD,
    SYSTEM,
    TEMP,
    TOP_ONLY,
    CopyName,
    all_simple,
    certain_copy,
    look_alike,
    other_text_extension,
    record_extension,
    simple_name,
    windows_problem,
)
from interim.load.ignore import IgnoreRules, LegacyRules, changed

__all__ = ["Candidate", "Discovery", "discover", "read_bytes"]

DEFAULT_MAX_SIZE = 1 << 20
_IGNORE_HINT = "or add it to `files: ignore:` in interim.yaml"


class Candidate(NamedTuple):
    """A file the walk found. A named tuple: one is made per file on every run, and a tuple
    is made in C (a frozen dataclass sets each field through object.__setattr__)."""

    path: str  # absolute path (a string: a Path object per file cost a fifth of the walk)
    rel: str  # relative to the root, forward slashes: the path in every diagnostic
    size: int
    mtime_ns: int
    inode: int
    copy_of: str | None = None  # rel of the original this copy (or look-alike) may copy
    # The inode's change time: an edit that keeps size and mtime (rsync --inplace -t,
    # `touch -r`) still changes it, and no user can set it (git's index does the same).
    ctime_ns: int = 0
    # "record"; "copy": a conflict copy, read only for the safety notice and never counted;
    # "other": a text file of another extension, reported when it looks like a record.
    kind: str = "record"
    made_by: str = ""  # who makes such a copy ("Dropbox"), for the messages


@dataclass
class Discovery:
    files: list[Candidate] = field(default_factory=list)  # sorted by rel
    diagnostics: list[Diagnostic] = field(default_factory=list)


def discover(
    root: Path, *, ignore: Sequence[str] = (), max_size: int = DEFAULT_MAX_SIZE
) -> Discovery:
    """Every record candidate under `root`, with a diagnostic for each file left out for a
    reason the user should know about (conflict copies, links, pipes, size)."""
    walker = _Walker(Path(os.path.abspath(root)), ignore, max_size)
    walker.editor_templates = editor_template_folders(walker.root)
    walker.run()
    files = sorted(walker.files, key=_rel)
    return Discovery(files, sorted(walker.diags, key=Diagnostic.sort_key))


# Where Obsidian's core Templates plugin and the Templater plugin keep note templates: a
# template's blanks are not an entry. (Each file holds a folder path relative to the vault.)
_TEMPLATE_SETTINGS = (
    (".obsidian/templates.json", "folder"),
    (".obsidian/plugins/templater-obsidian/data.json", "templates_folder"),
)


def editor_template_folders(root: Path) -> frozenset[str]:
    """The folders (relative, forward slashes) an editor's settings name as its templates."""
    found = set()
    for rel, key in _TEMPLATE_SETTINGS:
        try:
            with open(root / rel, "rb") as handle:
                data = json.loads(handle.read(65536))
        except (OSError, ValueError):
            continue
        folder = data.get(key) if isinstance(data, dict) else None
        if isinstance(folder, str) and folder.strip("/ "):
            found.add(folder.replace("\\", "/").strip("/ "))
    return frozenset(found)


_name = operator.attrgetter("name")
_rel = operator.itemgetter(1)  # Candidate.rel


class _Walker:
    def __init__(self, root: Path, patterns: Sequence[str], max_size: int) -> None:
        self.root, self.max_size = root, max_size
        self.rules, self.legacy = IgnoreRules(patterns), LegacyRules(patterns)
        # Without ignore patterns a simple name needs no rule either (see `_simple`).
        self.plain = self.rules.empty and not self.legacy.rules
        self.files: list[Candidate] = []
        self.diags: list[Diagnostic] = []
        self.editor_templates: frozenset[str] = frozenset()

    def run(self) -> None:
        # (path, rel prefix, whether the old ignore rules left this folder out: IM125)
        stack: list[tuple[str, str, bool]] = [(str(self.root), "", False)]
        while stack:
            path, prefix, was_ignored = stack.pop()
            entries = self._list(path, prefix)
            if self.plain and all_simple([e.name for e in entries]):
                self._simple_folder(entries, prefix, was_ignored, stack)
                continue
            entries.sort(key=_name)  # the portability check's "first" is the first by name
            kept: list[tuple[str, str]] = []
            names = {e.name for e in entries}
            for entry in entries:
                rel = prefix + entry.name
                kind = self._entry(entry, rel, prefix == "", names, was_ignored)
                if kind == "dir":
                    stack.append((entry.path, rel + "/", self._old(entry, rel, was_ignored)))
                if kind:
                    kept.append((entry.name, rel))
            self._portability(kept)

    def _simple_folder(
        self,
        entries: list[os.DirEntry[str]],
        prefix: str,
        was_ignored: bool,
        stack: list[tuple[str, str, bool]],
    ) -> None:
        """A folder whose every name is simple (the usual `records/2026/11/`): each file
        needs only its stat, and no two such names can collide on another system, so the
        portability check has nothing to say."""
        add, limit, regular = self.files.append, self.max_size, stat.S_ISREG
        for entry in entries:
            rel = prefix + entry.name
            if entry.is_dir(follow_symlinks=False):
                if self._entry(entry, rel, prefix == "", set(), was_ignored) == "dir":
                    stack.append((entry.path, rel + "/", self._old(entry, rel, was_ignored)))
                continue
            try:  # the usual case inline (`_simple` for the rest: links, errors, odd files)
                st = entry.stat(follow_symlinks=False)
            except OSError:
                st = None
            if st is None or entry.is_symlink() or not regular(st.st_mode) or st.st_size > limit:
                self._simple(entry, rel)
                continue
            add(
                Candidate(
                    entry.path, rel, st.st_size, st.st_mtime_ns, st.st_ino, None, st.st_ctime_ns
                )
            )

    def _list(self, path: str, prefix: str) -> list[os.DirEntry[str]]:
        try:
            with os.scandir(path) as it:
                return list(it)
        except OSError as exc:
            rel = prefix.rstrip("/") or "."
            self.diags.append(_os_diag(rel, exc, "folder"))
            return []

    def _entry(
        self, entry: os.DirEntry[str], rel: str, top: bool, names: set[str], was_ignored: bool
    ) -> str:
        """'dir' to walk into, 'file' for a candidate, '' when left out."""
        name = entry.name
        if self.plain and simple_name(name) and not entry.is_dir(follow_symlinks=False):
            return self._simple(entry, rel)
        if name.startswith(".") or name.casefold() in SYSTEM or (top and name in TOP_ONLY):
            if (m := ICLOUD.fullmatch(name)) is not None:
                self.diags.append(_placeholder(rel, m["orig"]))
            return ""
        is_dir = entry.is_dir(follow_symlinks=False)
        if self.rules.match(rel, is_dir):
            if not self._old(entry, rel, was_ignored):
                self._newly_ignored(entry, rel, is_dir)
            return ""
        if not is_dir and record_extension(name) and self._old(entry, rel, was_ignored):
            self.diags.append(changed(rel, now_ignored=False))
        if not is_dir and TEMP.fullmatch(name):
            return ""
        if entry.is_symlink():
            self._symlink(entry, rel)
            return ""
        if is_dir:
            return "" if rel in self.editor_templates else "dir"
        return "file" if self._file(entry, rel, names) else ""

    def _simple(self, entry: os.DirEntry[str], rel: str) -> str:
        """A record file with a simple name (interim.load.filenames.simple_name): a link is
        reported as any other, and only its stat is left to check."""
        if entry.is_symlink():
            self._symlink(entry, rel)
            return ""
        st = self._stat(entry, rel, "record")
        if st is None:
            return ""
        self.files.append(
            Candidate(entry.path, rel, st.st_size, st.st_mtime_ns, st.st_ino, None, st.st_ctime_ns)
        )
        return "file"

    def _old(self, entry: os.DirEntry[str], rel: str, was_ignored: bool) -> bool:
        """Whether interim 0.1's ignore rules left this entry out (see interim.load.ignore)."""
        return was_ignored or self.legacy.match(
            rel, entry.name, entry.is_dir(follow_symlinks=False)
        )

    def _newly_ignored(self, entry: os.DirEntry[str], rel: str, is_dir: bool) -> None:
        """IM125 for a record file the new rules leave out and the old ones did not: the
        file itself, or each one in a folder they now leave out."""
        if not is_dir:
            if record_extension(entry.name) and not entry.is_symlink():
                self.diags.append(changed(rel, now_ignored=True))
            return
        if entry.is_symlink():
            return
        for sub in self._list(entry.path, rel + "/"):
            sub_rel = f"{rel}/{sub.name}"
            if sub.name.startswith(".") or self.legacy.match(sub_rel, sub.name, sub.is_dir()):
                continue
            self._newly_ignored(sub, sub_rel, sub.is_dir(follow_symlinks=False))

    def _file(self, entry: os.DirEntry[str], rel: str, names: set[str]) -> bool:
        name = entry.name
        folder = rel[: len(rel) - len(name)]
        kind, copy = "record", certain_copy(name)
        if copy is not None:
            kind = "copy"
            self.diags.append(_conflict(rel, folder + copy.original, copy, copy.original in names))
        elif not record_extension(name):
            if not other_text_extension(name):
                return False
            kind = "other"
        st = self._stat(entry, rel, kind)
        if st is None:
            return False
        if kind == "record" and (look := look_alike(name, names)) is not None:
            copy = look
            self.diags.append(_possible_copy(rel, folder + look.original, look.who))
        self.files.append(
            Candidate(
                entry.path,
                rel,
                st.st_size,
                st.st_mtime_ns,
                st.st_ino,
                folder + copy.original if copy is not None else None,
                ctime_ns=st.st_ctime_ns,
                kind=kind,
                made_by=copy.who if copy is not None else "",
            )
        )
        return True

    def _stat(self, entry: os.DirEntry[str], rel: str, kind: str) -> os.stat_result | None:
        """The entry's stat, when it is a regular file within the size cap. A text file of
        another extension that is no regular file or too large is no record: no word."""
        try:
            st = entry.stat(follow_symlinks=False)
        except FileNotFoundError:
            return None  # deleted since the listing: nothing to report
        except OSError as exc:
            if kind != "other":
                self.diags.append(_os_diag(rel, exc, "file"))
            return None
        if not stat.S_ISREG(st.st_mode):
            if kind != "other":
                self.diags.append(_special(rel, st.st_mode))
            return None
        if st.st_size > self.max_size:
            if kind != "other":
                self.diags.append(_too_large(rel, st.st_size, self.max_size))
            return None
        return st

    def _symlink(self, entry: os.DirEntry[str], rel: str) -> None:
        try:
            target = escape_text(os.readlink(entry.path))
        except OSError:
            target = "?"
        is_dir = False
        try:
            is_dir = stat.S_ISDIR(os.stat(entry.path).st_mode)
        except OSError:  # dangling, or a loop: it could have been either
            what = f"a symbolic link that leads nowhere (to `{target}`: missing, or a loop)"
        else:
            if not is_dir and not record_extension(entry.name):
                return  # a link to some other file: ignored like the file would be
            kind = "folder" if is_dir else "file"
            what = f"a symbolic link to the {kind} `{target}`"
        hint = f"move or copy the real {'folder' if is_dir else 'file'} here, {_IGNORE_HINT}"
        msg = f"this is {what}; symbolic links are not followed, so it was not read"
        self.diags.append(diag("IM116", rel, 1, 1, msg, hint))

    def _portability(self, kept: list[tuple[str, str]]) -> None:
        """Names that another system cannot hold side by side (kept is sorted by name)."""
        seen: dict[str, str] = {}
        for name, rel in kept:
            if simple_name(name):  # its own portable spelling, and one Windows takes
                if seen.setdefault(name, name) != name:
                    self.diags.append(_collision(rel, seen[name], name))
                continue
            if (why := windows_problem(name)) is not None:
                hint = "rename it so the folder can sync to Windows"
                self.diags.append(diag("IM124", rel, 1, 1, why, hint))
            key = unicodedata.normalize("NFC", unicodedata.normalize("NFC", name).casefold())
            first = seen.setdefault(key, name)
            if first != name:
                self.diags.append(_collision(rel, first, name))


# -- diagnostics ---------------------------------------------------------------------------


def _conflict(rel: str, orig: str, copy: CopyName, exists: bool) -> Diagnostic:
    orig_s = escape_text(orig)
    what = "a backup copy" if copy.who == "a backup" else f"a {copy.who} conflict copy"
    msg = (
        f"this is {what} of `{orig_s}`; it is not counted as a record (the safety notice"
        " still reads it)"
    )
    if exists:
        hint = f"compare it with `{orig_s}`, keep what you need in the original, then delete it"
    else:
        msg += f" (`{orig_s}` itself is not in the folder)"
        hint = f"if it holds the only copy, rename it to `{orig_s}`"
    return diag("IM120", rel, 1, 1, msg, hint)


def _possible_copy(rel: str, orig: str, client: str) -> Diagnostic:
    orig_s = escape_text(orig)
    msg = (
        f"this may be a copy of `{orig_s}` ({client} names copies this way); it is read as a"
        " record and left out only if it holds the same entry (the same text, or the same"
        " type, date and time)"
    )
    hint = f"if it is a copy, merge it into `{orig_s}` and delete it; if not, rename it"
    return diag("IM121", rel, 1, 1, msg, hint)


def _placeholder(rel: str, orig: str) -> Diagnostic:
    msg = (
        f"`{escape_text(orig)}` is in iCloud but not downloaded yet (only its placeholder is here)"
    )
    hint = "open it in Finder/Files to download it, then run interim again"
    return diag("IM122", rel, 1, 1, msg, hint)


def _collision(rel: str, first: str, name: str) -> Diagnostic:
    if unicodedata.normalize("NFC", first) == unicodedata.normalize("NFC", name):
        how = "only in how accented letters are encoded (Unicode NFC and NFD)"
    else:
        how = "only in upper and lower case"
    msg = (
        f"`{escape_text(name)}` and `{escape_text(first)}` differ {how}; Windows and macOS "
        "see one name, so syncing can overwrite one with the other"
    )
    return diag("IM123", rel, 1, 1, msg, "rename one of them, or merge them into one")


def _special(rel: str, mode: int) -> Diagnostic:
    if stat.S_ISFIFO(mode):
        kind = "a named pipe (FIFO)"
    elif stat.S_ISSOCK(mode):
        kind = "a socket"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "a device"
    elif stat.S_ISDIR(mode):
        kind = "a folder"
    else:
        kind = "not an ordinary file"
    msg = f"this is {kind}, not a regular file; it was not opened"
    hint = f"records are ordinary Markdown files: rename or remove it, {_IGNORE_HINT}"
    return diag("IM115", rel, 1, 1, msg, hint)


def _too_large(rel: str, size: int, cap: int) -> Diagnostic:
    suggest = -(-size // (1 << 20)) << 20  # the size rounded up to a whole MiB
    msg = f"this file is {_human(size)}, larger than the size cap of {_human(cap)}; it was not read"
    hint = (
        f"if it is a record, raise the cap in interim.yaml (`files:` then `max_size: {suggest}`,"
        " in bytes); otherwise move it out of the folder"
    )
    return diag("IM112", rel, 1, 1, msg, hint)


def _human(n: int) -> str:
    return f"{n / (1 << 20):.1f} MiB ({n:,} bytes)" if n >= 1 << 20 else f"{n:,} bytes"


def _os_diag(rel: str, exc: OSError, thing: str) -> Diagnostic:
    """An OSError in plain words: IM100, or IM116 when a link turned up where a file was."""
    if exc.errno == errno.ELOOP:
        msg = f"this {thing} is now a symbolic link (or a loop of them); links are not followed"
        return diag("IM116", rel, 1, 1, msg, f"put the real {thing} here")
    if rel == "." and isinstance(exc, (FileNotFoundError, NotADirectoryError)):
        msg, hint = "there is no folder at this path", "check the folder given to interim"
    else:
        msg, hint = _os_words(exc, thing)
    return diag("IM100", rel, 1, 1, msg, hint)


def _os_words(exc: OSError, thing: str) -> tuple[str, str]:
    if isinstance(exc, PermissionError):
        perm = "u+rx" if thing == "folder" else "u+r"
        hint = f"check its permissions (`chmod {perm}`), {_IGNORE_HINT}"
        return f"permission denied: interim cannot read this {thing}", hint
    if isinstance(exc, FileNotFoundError):
        msg = f"the {thing} disappeared while reading (moved or deleted during the run)"
        return msg, "run interim again"
    if isinstance(exc, (NotADirectoryError, IsADirectoryError)):
        return f"this {thing} was replaced by something else while reading", "run interim again"
    if exc.errno in (errno.EAGAIN, errno.EWOULDBLOCK, errno.EBUSY):
        msg = f"this {thing} is locked or busy (another program is using it)"
        return msg, "close the other program and run interim again"
    if exc.errno == errno.EIO:
        msg = f"the disk reported an input/output error reading this {thing}"
        return msg, "on a cloud drive, make sure the file is downloaded; else check the disk"
    msg = f"interim cannot read this {thing}: {escape_text(exc.strerror or str(exc))}"
    return msg, f"check the {thing} and run interim again"


# -- reading -------------------------------------------------------------------------------

_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NOFOLLOW", 0)  # a file swapped for a link since the walk: refuse it
    | getattr(os, "O_NONBLOCK", 0)  # a file swapped for a FIFO: open must not wait
    | getattr(os, "O_BINARY", 0)  # Windows: no newline translation
)


def read_bytes(candidate: Candidate, max_size: int = DEFAULT_MAX_SIZE) -> bytes | Diagnostic:
    """All bytes of a candidate, or a diagnostic saying why not. Never raises on user data."""
    try:
        fd = os.open(candidate.path, _OPEN_FLAGS)
    except OSError as exc:
        return _os_diag(candidate.rel, exc, "file")
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):  # swapped since the walk
            return _special(candidate.rel, st.st_mode)
        if st.st_size > max_size:
            return _too_large(candidate.rel, st.st_size, max_size)
        chunks: list[bytes] = []
        total = 0
        # Ask for the size fstat gave, plus one byte to see the end: `os.read` allocates the
        # whole request first, and asking for max_size (1 MiB) per file tripled the read time.
        want = st.st_size + 1
        while chunk := os.read(fd, want):
            chunks.append(chunk)
            total += len(chunk)
            if total > max_size:  # grew while reading
                return _too_large(candidate.rel, total, max_size)
            want = min(max_size + 1 - total, 1 << 16)
        return b"".join(chunks)
    except OSError as exc:
        return _os_diag(candidate.rel, exc, "file")
    finally:
        os.close(fd)
