"""The report command's library side: choose the format, resolve the period, build the
context and render it — so the command line only turns options into these calls and prints."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import stat
from pathlib import Path
from typing import Any

from interim.diagnostics import Diagnostic, Severity
from interim.domain.model import Folder, Record
from interim.errors import InterimError
from interim.folder import Wanted
from interim.load.cache import FolderCache
from interim.render import FORMATS, render
from interim.render.write import default_path, format_for
from interim.settings import Settings
from interim.summary import build_report, resolve_period
from interim.summary.context import ReportContext
from interim.summary.course import CourseSummary, course_key

# What a report reads whatever their dates, besides every record from its previous period on
# (and the default period's: the safety notice's window never narrows): the sessions that
# set the period, every form (the latest risk form ever, the course of scores), homework
# still open or carried over and its reviews, goals and their check-ins, readings.
HISTORY = frozenset(
    {"session", "questionnaire", "homework", "review", "goal", "checkin", "reading"}
)


def report_records(since: str | None = None, until: dt.date | None = None) -> Wanted:
    """The records a report over this period needs (see `HISTORY`): first the sessions,
    then, once they give the period, the rest. A selection changes no number: the JSON of
    a report from it is the JSON of a report from every record (tests/test_report_selection.py)."""

    def then(sessions: list[Record], settings: Settings, kept: dict[str, Any]) -> Wanted | None:
        try:
            period = resolve_period(sessions, until=until, since=since, settings=settings)
            default = resolve_period(sessions, until=period.end, settings=settings)
        except InterimError:
            return None  # every record; the report then says what is wrong with the period
        start = min(period.previous.start, default.previous.start)
        if course_key(period.end) in kept:  # the course's rows are kept: no need to read back
            return Wanted(HISTORY, start)
        return Wanted(HISTORY, min(start, course_start(sessions, period.end)))

    return Wanted(frozenset({"session"}), then=then)


def course_start(sessions: list[Record], end: dt.date) -> dt.date:
    """The first day the course of treatment counts homework from: the first held session,
    once there are two by the report date (interim.summary.course counts what was done in
    every session period, so it needs every record since). Once a report has worked the
    course out, its rows are kept in the folder state (`keep_course`) and the next report of
    the unchanged folder need not read them back."""
    held = sorted(
        {r.date for r in sessions if r.get("status") == "held" and r.date and r.date <= end}
    )
    return held[0] if len(held) >= 2 else dt.date.max


def keep_course(folder: Folder, context: ReportContext) -> None:
    """Keep the course's homework rows in the folder state the folder was loaded under,
    when the report worked them out afresh (no state: nothing kept, nothing lost)."""
    course = context.section("course")
    key = course_key(context.period.end)
    if not isinstance(course, CourseSummary) or not folder.state_key or key in folder.course_kept:
        return
    cache = FolderCache(folder.root)
    state = cache.state(folder.state_key)
    if state is None:
        return
    rows = tuple(dataclasses.astuple(h) for h in course.homework)
    cache.keep_state(
        folder.state_key, dataclasses.replace(state, course={**state.course, key: rows})
    )
    cache.flush()


_COMMIT = re.compile(r"[0-9a-f]{40}(?:[0-9a-f]{24})?")


def choose_format(fmt: str | None, out: str | None) -> str:
    """`--format`, else the output's extension (`-o week.md`), else HTML. A `--format` that
    contradicts a known extension is a usage error: HTML in `out.pdf` helps nobody."""
    inferred = format_for(out) if out and out != "-" else None
    if fmt is not None and inferred in FORMATS and inferred != fmt:
        raise InterimError(
            f"`-o {out}` is a .{inferred} file name but --format is {fmt}: "
            "drop --format, or give the file the right extension"
        )
    if fmt is not None:
        return fmt
    return inferred if inferred in FORMATS else "html"


def git_commit(root: Path) -> str | None:
    """The folder's HEAD commit, only when the folder itself is a git repository (a folder
    inside someone else's repository is not reported), read from git's own files: no git
    is run (a client's repository is not the clinician's code, and a process per report is
    ~10 ms). A branch, a detached HEAD, packed refs and a worktree's `.git` file are read;
    anything else gives None."""
    gitdir = _git_dir(root)
    if gitdir is None:
        return None
    head = _small_text(gitdir / "HEAD")
    if head is None or not head.startswith("ref:"):
        return head if head is not None and _COMMIT.fullmatch(head) else None
    ref = head[len("ref:") :].strip()
    if not ref.startswith("refs/") or ".." in ref.split("/") or "\\" in ref:
        return None
    common = gitdir
    if (pointer := _small_text(gitdir / "commondir")) is not None:
        common = (gitdir / pointer).resolve()
    for folder in dict.fromkeys((gitdir, common)):
        found = _small_text(folder.joinpath(*ref.split("/")))
        if found is not None:
            return found if _COMMIT.fullmatch(found) else None
    packed = _small_text(common / "packed-refs", limit=1 << 20) or ""
    for line in packed.splitlines():
        commit, _, name = line.partition(" ")
        if name == ref and _COMMIT.fullmatch(commit):
            return commit
    return None


def _git_dir(root: Path) -> Path | None:
    """`.git` as a folder, or the folder a worktree's `.git` file names."""
    dot = root / ".git"
    if dot.is_dir():
        return dot
    pointer = _small_text(dot) if dot.is_file() else None
    if pointer is None or not pointer.startswith("gitdir:"):
        return None
    found = (root / pointer[len("gitdir:") :].strip()).resolve()
    return found if found.is_dir() else None


def _small_text(path: Path, limit: int = 4096) -> str | None:
    """A small regular file's text, stripped; None when it is missing, larger, unreadable
    or not a regular file. Opened without blocking: a FIFO named `.git/HEAD` (the folder is
    the client's) would wait forever for a writer."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        data = b""
        while len(data) <= limit and (chunk := os.read(fd, limit + 1 - len(data))):
            data += chunk
    except OSError:
        return None
    finally:
        os.close(fd)
    if len(data) > limit:
        return None
    return data.decode("utf-8", "replace").strip()


def build_context(
    folder: Folder,
    *,
    since: str | None = None,
    until: dt.date | None = None,
    profile: str | None = None,
    rows: bool = True,
) -> ReportContext:
    """The report context for the folder. Raises InterimError for a bad period or profile.
    `rows=False`: without the CSV's rows (see `build_report`)."""
    period = resolve_period(folder.records, until=until, since=since, settings=folder.settings)
    name = profile or (folder.settings or Settings()).report.profile
    commit = git_commit(folder.root)
    return build_report(folder, period, profile=name, git_commit=commit, rows=rows)


def make_report(
    folder: Folder,
    fmt: str,
    *,
    since: str | None = None,
    until: dt.date | None = None,
    profile: str | None = None,
    warnings: list[str] | None = None,
    use_cache: bool = True,
    notes: list[Diagnostic] | None = None,
) -> tuple[bytes, ReportContext]:
    """The rendered report and its context. Raises InterimError (bad period or profile),
    TemplateProblem or SafetyNoticeMissing. Lines for stderr are added to `warnings`,
    diagnostics about the template (IM921) to `notes`."""
    context = build_context(folder, since=since, until=until, profile=profile, rows=fmt == "csv")
    data = render(
        context,
        fmt,
        folder_root=folder.root,
        warnings=warnings,
        use_cache=use_cache,
        notes=notes,
    )
    return data, context


def report_target(out: str | Path | None, context: ReportContext, fmt: str) -> str | Path:
    """`-o` (`-` is stdout), else interim-report-<report date>.<ext> in the current folder."""
    return out or default_path(context.generated_for.isoformat(), fmt)


def files_with_errors(folder: Folder) -> int:
    return len({d.path for d in folder.diagnostics if d.severity is Severity.ERROR})
