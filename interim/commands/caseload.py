"""The caseload command's library side (issue 15): read every client's folder with the
report's own loader, cache and summaries, on one report date, and make one page.

Each client is read as `interim report` reads it (`report_records`, the per-file cache, the
client's `interim.yaml` for its numbers), and its row comes from its own report context
(`build_report`), so the caseload never disagrees with the client's report. Only interim's
own templates are ever used: a client's `templates/` is code the clinician did not write.

One client's trouble never ends the run: a broken or too-new `interim.yaml`, or a folder
that cannot be read, is that client's row with its error. A client whose settings are broken
is still read (with what could be read of them, as `check` does) so that its risk answers
are on the page all the same.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from interim import __version__
from interim.atomic import save
from interim.commands.clients import (
    CaseloadUsage,
    Client,
    find_clients,
    refuse_inside,
    resolved_path,
)
from interim.commands.report import git_commit, keep_course, report_records
from interim.diagnostics import Diagnostic
from interim.domain.model import Folder
from interim.errors import InterimError
from interim.folder import cache_key, load_checked, load_folder
from interim.load.cache import FolderCache
from interim.render import render
from interim.render.caseload import render_caseload
from interim.render.write import EXTENSIONS
from interim.settings import BrokenSettings, Settings
from interim.summary import build_report, resolve_period
from interim.summary.caseload import (
    NOT_ENTRIES,
    CaseloadContext,
    ClientRow,
    caseload,
    client_row,
    risk_rows,
)
from interim.summary.context import ReportContext
from interim.summary.data import display_name
from interim.types import types_identity

UNKNOWN_SETTING = "IM902"  # a key this interim does not know: settings from a newer one?
INTERNAL = (
    "internal error ({kind}): a bug in interim, not a problem with these files; its risk "
    "answers could not be read: run `interim check` on this folder, and please report the bug"
)
PINNED = "its report_date ({day}) is for demos and is ignored here: every client is read on {until}"


@dataclass
class Caseload:
    context: CaseloadContext
    data: bytes
    target: str | Path  # where the page goes: a path, or "-" for stdout
    reports: list[Path] = field(default_factory=list)  # the clients' reports written
    warnings: list[str] = field(default_factory=list)  # lines for stderr

    @property
    def failed(self) -> bool:
        return bool(self.context.with_errors)


@dataclass
class Read:
    """One client as read: its row, and when its numbers could be made, its folder and
    report context."""

    row: ClientRow
    folder: Folder | None = None
    context: ReportContext | None = None


def default_output(until: dt.date, fmt: str, cwd: Path | None = None) -> Path:
    return (cwd or Path.cwd()) / f"interim-caseload-{until.isoformat()}.{EXTENSIONS[fmt]}"


def make_caseload(
    dirs: list[Path],
    fmt: str,
    *,
    until: dt.date,
    out: str | None = None,
    reports: Path | None = None,
    use_cache: bool = True,
) -> Caseload:
    """Read the clients under `dirs` and render the page in `fmt`; write each client's
    report into `reports` when given. Raises CaseloadUsage (exit 2) before reading
    anything when a DIR is a folder of clients it cannot reach, or `out` or `reports` is
    inside a client's folder, or the page would be a client's report."""
    found = find_clients(dirs)
    target = Path(out) if out not in (None, "-") else None
    page = target or (default_output(until, fmt) if out is None else None)
    if page is not None:
        refuse_inside(page, found.clients, "the caseload page")
    if reports is not None:
        refuse_inside(reports, found.clients, "--reports")
        if page is not None:
            _refuse_overwrite(page, reports, found.clients, fmt)
    rows: list[ClientRow] = []
    written: list[Path] = []
    warnings = [f"{c.shown}: {note}" for c in found.clients for note in c.notes]
    base = page.parent if page is not None else Path.cwd()
    for c in found.clients:
        # One client at a time: its records are let go once its row (and report) is made.
        r = guarded(c, until, use_cache, with_commit=reports is not None)
        if reports is not None:
            written += _write_report(r, reports, fmt, base, warnings)
        rows.append(r.row)
    context = caseload(__version__, until, rows, found.skipped)
    data = render_caseload(context, fmt, warnings=warnings)
    return Caseload(context, data, page if page is not None else "-", written, warnings)


def _refuse_overwrite(page: Path, reports: Path, clients: list[Client], fmt: str) -> None:
    """Raise CaseloadUsage when the page would be written where a client's report goes."""
    where = resolved_path(page)
    for c in clients:
        if resolved_path(reports / f"{c.key}.{EXTENSIONS[fmt]}") == where:
            raise CaseloadUsage(
                f"the caseload page {page} is the file {c.shown}'s report is written to in "
                "--reports: choose another name for the page"
            )


def guarded(client: Client, until: dt.date, use_cache: bool, with_commit: bool = False) -> Read:
    """`read_client`, with a bug in interim met in one client's folder made that client's
    row: the other clients, and their risk answers, are still on the page (as the watcher
    never dies: interim.watcher). Only the exception's type is shown, never its message,
    which could quote a record."""
    try:
        return read_client(client, until, use_cache, with_commit)
    except Exception as exc:  # the last line of defence for one client; see above
        row = _blank_row(client)
        row.error = INTERNAL.format(kind=type(exc).__name__)
        row.risk_read = False
        return Read(row)


def _blank_row(client: Client) -> ClientRow:
    """The row before the folder is read: named by its folder until its settings say."""
    name = display_name(client.root.name) or client.key
    return ClientRow(client.key, name, client.shown, notes=list(client.notes))


def read_client(client: Client, until: dt.date, use_cache: bool, with_commit: bool = False) -> Read:
    row = _blank_row(client)
    loaded = _load(client, until, use_cache, row)
    if loaded is None:
        row.risk_read = False
        return Read(row)
    folder, cache = loaded
    settings = folder.settings or Settings()
    row.name = display_name(settings.name) or row.name
    if settings.report_date is not None and settings.report_date != until:
        row.notes.append(PINNED.format(day=settings.report_date, until=until))
    try:
        period = resolve_period(folder.records, until=until, settings=settings)
        commit = git_commit(client.root) if with_commit else None
        context = build_report(folder, period, profile="full", git_commit=commit)
    except InterimError as exc:
        row.error = row.error or str(exc)
        return Read(row, folder)
    row.safety = risk_rows(row, context.safety.entries)
    last = _latest_cached(cache, folder, until) if cache is not None else None
    if cache is not None:
        cache.flush()
        if row.error is None:
            keep_course(folder, context)  # as `report` does: the next run reads less
    if row.error is None:
        client_row(row, context, folder, last=last)
    return Read(row, folder, context)


def _load(
    client: Client, until: dt.date, use_cache: bool, row: ClientRow
) -> tuple[Folder, FolderCache | None] | None:
    """The client's folder as `report` loads it, and the cache it was loaded with; a
    broken or too-new interim.yaml is the row's error (the folder is still read, for its
    risk answers); None when the folder cannot be read at all."""
    if client.unreadable is not None:
        row.error = client.unreadable
        return None
    cache = FolderCache(client.root) if use_cache else None
    try:
        folder = load_checked(
            client.root, use_cache=use_cache, cache=cache, wanted=report_records(None, until)
        )
    except BrokenSettings as exc:
        row.error = _broken(exc.errors)
        # Read without the cache, as `check` reads such a folder: its risk answers, still.
        return load_folder(client.root, settings=exc.settings), None
    except OSError as exc:
        row.error = f"cannot read this folder: {exc.strerror or exc}"
        return None
    row.error = _too_new(folder.diagnostics)
    return folder, cache


def _latest_cached(cache: FolderCache, folder: Folder, until: dt.date) -> dt.date | None:
    """The latest entry's day among every file the per-file cache holds: a load of an
    unchanged folder unpickles only the records the report needs, and the client may have
    stopped recording long before its period."""
    settings = folder.settings or Settings()
    entries = cache.lookup(cache_key(settings, types_identity(folder.root)))
    end = until.toordinal()
    days = [
        meta[1]
        for _, _, _, meta, _, _, _ in entries.values()
        if meta is not None and meta[0] not in NOT_ENTRIES and not meta[2] and 0 < meta[1] <= end
    ]
    return dt.date.fromordinal(max(days)) if days else None


def _broken(errors: list[Diagnostic]) -> str:
    first = errors[0]
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"interim.yaml has errors: line {first.line}: {first.message}{more}"


def _too_new(diagnostics: list[Diagnostic]) -> str | None:
    unknown = [d for d in diagnostics if d.code == UNKNOWN_SETTING]
    if not unknown:
        return None
    return (
        f"interim.yaml line {unknown[0].line}: {unknown[0].message}; it may be from a newer "
        f"interim (this is {__version__}): update interim, or fix the setting"
    )


def _write_report(r: Read, reports: Path, fmt: str, base: Path, warnings: list[str]) -> list[Path]:
    """The client's own report, as `interim report` makes it (its profile, interim's
    templates), into `reports`; the row links to it relative to the page's folder."""
    if r.row.error is not None or r.folder is None or r.context is None:
        return []
    context = r.context
    settings = r.folder.settings or Settings()
    if settings.report.profile != "full":
        context = build_report(
            r.folder, context.period, profile=None, git_commit=context.footer.git_commit
        )
    data = render(context, fmt, folder_root=None, warnings=warnings)
    path = save(reports / f"{r.row.key}.{EXTENSIONS[fmt]}", data)
    r.row.report = Path(os.path.relpath(path, base)).as_posix()
    return [path]
