"""Compiled report templates kept between runs, only where nobody else can write (issue 10).

Compiling the report's templates costs about 150 ms of every `interim report` (measured:
whole-process medians, see the issue 10 note), so compiled code is kept in interim's cache
folder. Loading it runs it — it is Python code objects, and Jinja's sandbox acts when a
template is compiled, not when its code runs — so a file is loaded only when every level
from the cache folder down to the file is ours and writable by nobody else:

- `cache_dir()`, `compiled-templates/`, `<kind>-<versions>/`: directories owned by this user
  and not group- or world-writable, opened one from the other with O_NOFOLLOW (only the
  cache folder itself may be reached through a link, as `INTERIM_CACHE_DIR` may be one);
- the file: a regular file, owned by this user, not writable by group or others, with one
  name, opened with O_NOFOLLOW | O_NONBLOCK.

Anything else — another user's file, a file or folder others can write, a link, a pipe, a
header from another version, a broken file — is ignored and the template is compiled
afresh (and not written back into a place that failed the checks). There is no pickle:
the file is a text header (the format and the template source's checksum) and the
marshalled code. Where these checks cannot be made (no openat or no uids: Windows), compiled
templates are not kept at all. `--no-cache` keeps none either.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import marshal
import os
import stat
import sys
import types
from pathlib import Path

import jinja2
from jinja2 import BytecodeCache
from jinja2.bccache import Bucket

from interim import __version__
from interim.cachedir import cache_dir

COMPILED = "compiled-templates"  # in interim's cache folder; `interim cache --clear` empties it
SUFFIX = ".jinja"
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
SUPPORTED = (
    hasattr(os, "getuid")
    and bool(_NOFOLLOW)
    and os.open in os.supports_dir_fd
    and os.name == "posix"
)


def _private(st: os.stat_result) -> bool:
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


class PrivateFiles:
    """Files in `top`/`levels`…, read and written only where they pass the checks above."""

    def __init__(self, top: Path, levels: tuple[str, ...], magic: bytes = b"") -> None:
        self.top = top
        self.levels = levels
        self.magic = magic

    def _dir(self, create: bool) -> int | None:
        """The innermost cache folder, open, when every level is private; else None."""
        try:
            fd = os.open(self.top, os.O_RDONLY | _DIRECTORY)
        except OSError:
            return None
        for name in self.levels:
            if not _private(os.fstat(fd)):
                os.close(fd)
                return None
            if create:
                with contextlib.suppress(FileExistsError, OSError):
                    os.mkdir(name, 0o700, dir_fd=fd)
            try:
                child = os.open(name, os.O_RDONLY | _DIRECTORY | _NOFOLLOW, dir_fd=fd)
            except OSError:
                child = -1
            os.close(fd)
            if child < 0:
                return None
            fd = child
        if not _private(os.fstat(fd)):
            os.close(fd)
            return None
        return fd

    def _read(self, name: str) -> bytes | None:
        folder = self._dir(create=False)
        if folder is None:
            return None
        try:
            fd = os.open(name, os.O_RDONLY | _NOFOLLOW | _NONBLOCK, dir_fd=folder)
        except OSError:
            return None
        finally:
            os.close(folder)
        try:
            st = os.fstat(fd)
            if not (stat.S_ISREG(st.st_mode) and _private(st) and st.st_nlink == 1):
                return None
            with os.fdopen(fd, "rb", closefd=False) as handle:
                return handle.read()
        except OSError:
            return None
        finally:
            os.close(fd)

    def read(self, name: str) -> bytes | None:
        """The file's bytes, or None when it is missing or fails a check."""
        return self._read(name)

    def write(self, name: str, data: bytes) -> None:
        """Write the file atomically (0600), only into folders that pass the checks."""
        folder = self._dir(create=True)
        if folder is None:
            return
        tmp = f".{name}.{os.getpid()}.tmp"
        try:
            fd = os.open(
                tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600, dir_fd=folder
            )
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, name, src_dir_fd=folder, dst_dir_fd=folder)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(tmp, dir_fd=folder)
        finally:
            os.close(folder)


class PrivateBytecodeCache(PrivateFiles, BytecodeCache):
    """Jinja's bytecode cache protocol over files that pass the checks above."""

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self._read(bucket.key + SUFFIX)
        header = self.magic + bucket.checksum.encode("ascii") + b"\n"
        if data is None or not data.startswith(header):
            return
        try:
            code = marshal.loads(data[len(header) :])
        except (EOFError, ValueError, TypeError):
            return
        if isinstance(code, types.CodeType):
            bucket.code = code

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.code is None:
            return
        data = self.magic + bucket.checksum.encode("ascii") + b"\n" + marshal.dumps(bucket.code)
        self.write(bucket.key + SUFFIX, data)


def private_files(kind: str, versions: str) -> PrivateFiles | None:
    """Private files of one kind (`rendered-bodies`, …) for these versions, in interim's
    cache folder; None where the checks cannot be made."""
    if not SUPPORTED:
        return None
    try:
        top = cache_dir()
        top.mkdir(parents=True, exist_ok=True, mode=0o700)
    except (OSError, RuntimeError):
        return None
    return PrivateFiles(top, (kind, versions))


def bytecode_cache(kind: str) -> BytecodeCache | None:
    """The compiled-template cache for one kind of environment ("html", "text"): Jinja
    keys compiled code by template name and file only, and the two compile differently."""
    if not SUPPORTED:
        return None

    versions = (
        f"{kind}-{__version__}-{_filters_stamp()}-{jinja2.__version__}"
        f"-{sys.implementation.cache_tag}"
    )
    magic = f"interim compiled template 1 {versions}\n".encode()
    try:
        top = cache_dir()
        top.mkdir(parents=True, exist_ok=True, mode=0o700)
    except (OSError, RuntimeError):  # no home directory to put it in
        return None
    return PrivateBytecodeCache(top, (COMPILED, versions), magic)


@functools.cache
def _filters_stamp() -> str:
    """A checksum of the filters' code: Jinja compiles into a template whether each filter
    takes the environment or the context, so compiled code from other filters (a
    development tree, an upgrade without a new version number) must not be used."""
    code = Path(__file__).with_name("filters.py").read_bytes()
    return hashlib.sha256(code).hexdigest()[:12]
