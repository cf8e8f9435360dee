"""Reading a folder's own templates: only from inside its `templates/` (issue 10).

A folder is shared and synced, so whoever wrote a file in `templates/` may not be the person
running interim. interim opens template files itself, one path component at a time, each
relative to the folder opened before it and never through a symbolic link (`O_NOFOLLOW`):
no link at or below `templates/` is followed, `..` and absolute names are refused before
anything is opened (Jinja's `split_template_path`), and only a regular file with one name
(not a hard link to a file elsewhere) of at most MAX_TEMPLATE_BYTES is read. A pipe,
socket or device is refused without being opened for reading, so a FIFO cannot hang a run.
The folder itself may be reached through a link (`~/therapy` → a cloud drive): the walk
starts at the folder, wherever it is.

The same rules serve the HTML and Markdown loaders (`FolderLoader`), the Typst template
(interim.render.pdf) and `templates/report.css` (interim.render.stylesheet).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path

from interim.render.problems import TemplateProblem

USER_TEMPLATES = "templates"
MAX_TEMPLATE_BYTES = 1_000_000
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_BINARY = getattr(os, "O_BINARY", 0)
# openat() where the system has it (Linux, macOS, the BSDs): nothing between the checks and
# the open can swap a component for a link. Elsewhere (Windows) each component is checked
# with lstat first, and the file's identity compared after opening.
_AT = os.open in os.supports_dir_fd and os.stat in os.supports_dir_fd and bool(_NOFOLLOW)


def shown(parts: Sequence[str]) -> str:
    return "/".join((USER_TEMPLATES, *parts))


def read_template(root: Path, parts: Sequence[str]) -> bytes | None:
    """The bytes of templates/<parts...> in the folder `root`; None when there is no such
    file (then interim's own is used). Raises TemplateProblem for a symbolic link, a
    special file, a hard link or a file over the size cap."""
    try:
        fd = os.open(root, os.O_RDONLY | _DIRECTORY | _BINARY)  # the folder may be a link
    except OSError:
        return None
    try:
        return _walk(fd, root, (USER_TEMPLATES, *parts))
    finally:
        os.close(fd)


def _walk(top: int, root: Path, names: Sequence[str]) -> bytes | None:
    opened: list[int] = []
    fd = top
    try:
        for depth in range(len(names)):
            path = names[: depth + 1]
            where = "/".join(path)
            st = _lstat(fd, root, path)
            if st is None:
                return None
            if stat.S_ISLNK(st.st_mode):
                raise TemplateProblem(
                    "is a symbolic link; interim reads templates only from inside "
                    "templates/ and follows no link there: copy the file in instead",
                    where,
                )
            if depth == len(names) - 1:
                return _read_file(fd, root, path, st, where)
            if not stat.S_ISDIR(st.st_mode):
                return None
            fd = _open(fd, root, path, _DIRECTORY)
            opened.append(fd)
            _same(fd, st, where)
    finally:
        for each in opened:
            os.close(each)
    return None


def _lstat(fd: int, root: Path, names: Sequence[str]) -> os.stat_result | None:
    try:
        if _AT:
            return os.stat(names[-1], dir_fd=fd, follow_symlinks=False)
        return os.lstat(root.joinpath(*names))
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise TemplateProblem(f"cannot be read: {exc.strerror}", "/".join(names)) from exc


def _open(fd: int, root: Path, names: Sequence[str], flags: int) -> int:
    flags |= os.O_RDONLY | _NOFOLLOW | _BINARY
    try:
        if _AT:
            return os.open(names[-1], flags, dir_fd=fd)
        return os.open(root.joinpath(*names), flags)
    except OSError as exc:  # swapped for a link after the check (ELOOP), or unreadable
        raise TemplateProblem(f"cannot be read: {exc.strerror}", "/".join(names)) from exc


def _same(fd: int, before: os.stat_result, where: str) -> os.stat_result:
    """The file opened is the one checked (on systems without openat, a link could have
    been put in its place in between)."""
    st = os.fstat(fd)
    if (st.st_dev, st.st_ino) != (before.st_dev, before.st_ino):
        raise TemplateProblem("changed while it was being read; try again", where)
    return st


def _read_file(
    fd: int, root: Path, names: Sequence[str], before: os.stat_result, where: str
) -> bytes:
    if not stat.S_ISREG(before.st_mode):
        raise TemplateProblem(
            "is not a regular file (a folder, named pipe, socket or device); "
            "a template must be a plain text file",
            where,
        )
    handle = _open(fd, root, names, _NONBLOCK)
    try:
        st = _same(handle, before, where)
        if st.st_nlink > 1:
            raise TemplateProblem(
                "has another name on this disk (a hard link), so it may be a file from "
                "outside the folder: copy the file in instead",
                where,
            )
        if st.st_size > MAX_TEMPLATE_BYTES:
            raise TemplateProblem(f"is larger than {MAX_TEMPLATE_BYTES // 1_000_000} MB", where)
        with os.fdopen(handle, "rb", closefd=False) as f:
            data = f.read(MAX_TEMPLATE_BYTES + 1)
    finally:
        os.close(handle)
    if len(data) > MAX_TEMPLATE_BYTES:  # it grew while being read
        raise TemplateProblem(f"is larger than {MAX_TEMPLATE_BYTES // 1_000_000} MB", where)
    return data


def decode(data: bytes, where: str) -> str:
    """Template text: UTF-8, with or without a byte-order mark."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TemplateProblem(
            f"is not UTF-8 text (byte {exc.start + 1} cannot be read); save it as UTF-8", where
        ) from exc
