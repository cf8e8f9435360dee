"""Write outputs atomically and owner-only: a temp file in the target folder, fsync, rename.
A reader never sees half a report, and health data is never world-readable."""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from interim.errors import InterimError


def write_bytes(path: Path, data: bytes) -> Path:
    return write_with(path, lambda handle: handle.write(data))


def save(path: Path, data: bytes) -> Path:
    """`write_bytes` for an output a person asked for (a report, a calendar, a schema): a
    folder that cannot be written is an `OutputNotWritten` in plain words, not a traceback."""
    try:
        return write_bytes(path, data)
    except OSError as exc:
        raise OutputNotWritten(path, exc) from exc


class OutputNotWritten(InterimError):
    """An output could not be written; the message says where and why, in plain words."""

    def __init__(self, path: Path, exc: OSError) -> None:
        super().__init__(f"cannot write {path}: {os_reason(exc)}")


def os_reason(exc: OSError) -> str:
    """Why the system refused, as a person would say it."""
    if isinstance(exc, PermissionError):
        return "permission denied (choose a folder you can write to, with -o)"
    if isinstance(exc, FileNotFoundError):
        return "that folder does not exist or cannot hold files"
    if isinstance(exc, NotADirectoryError | FileExistsError):
        return "a file stands where a folder is needed"
    if isinstance(exc, IsADirectoryError):
        return "that is a folder; give a file name"
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno == errno.EROFS:
        return "the disk is read-only"
    return exc.strerror or type(exc).__name__


def write_with(path: Path, fill: Callable[[BinaryIO], object]) -> Path:
    """Like `write_bytes`, for an output written piece by piece by `fill(handle)`, so it is
    never whole in memory (the record cache)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            fill(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)  # mkstemp already uses 0600; say it, in case of an odd umask
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)
    return path


def write_text(path: Path, text: str) -> Path:
    return write_bytes(path, text.encode("utf-8"))


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot sync a directory; the rename is done either way
    finally:
        os.close(fd)
