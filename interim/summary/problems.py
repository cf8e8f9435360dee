"""Problems (DESIGN §4.6): every file with an error, every file skipped, every Markdown file
that is not a record — from the whole folder, not only the period, so nothing is silently
missing from the report.

A skipped file (unreadable, too large, binary, a sync conflict copy...) is listed once, under
`skipped`, not again under errors. Diagnostic messages quote what the file says; a profile
without free text shows each code's general summary instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from interim.diagnostics import Diagnostic, Severity
from interim.diagnostics.codes import CODES
from interim.domain.model import Folder
from interim.summary.data import Data

# Codes after which the file was not read as a record.
SKIPPED = frozenset(
    {"IM100", "IM112", "IM114", "IM115", "IM116", "IM117", "IM120", "IM122", "IM302", "IM306"}
)
# Why a file is left out of the numbers, by the code that says so, in the order of the line
# "5 files not counted: 1 unreadable, …" (a file is counted under its first reason).
_REASONS: tuple[tuple[str, frozenset[str]], ...] = (
    ("unreadable", frozenset({"IM100", "IM102", "IM112", "IM114", "IM115", "IM122"})),
    ("conflict or backup copy", frozenset({"IM120"})),
    ("repeat of another file", frozenset({"IM302", "IM306"})),
    ("not read as a record", frozenset({"IM117"})),
    ("symbolic link", frozenset({"IM116"})),
)


@dataclass
class ErrorLine(Data):
    line: int
    col: int
    code: str
    message: str
    hint: str


@dataclass
class FileProblems(Data):
    path: str
    errors: list[ErrorLine]


@dataclass
class Skipped(Data):
    path: str
    code: str
    reason: str


@dataclass
class Reason(Data):
    reason: str
    files: int


@dataclass
class NotCounted(Data):
    """Files left out of every number, by reason: said near the top of every output."""

    files: int
    reasons: list[Reason]
    text: str | None  # "3 files not counted: 1 unreadable, 2 with errors"; None when 0


@dataclass
class Problems(Data):
    files_with_errors: list[FileProblems]
    """`[{path, errors: [{line, col, code, message, hint}]}]`, every file with an error diagnostic
    (line and column 1-based, in the file itself)"""
    skipped: list[Skipped]
    """`[{path, code, reason}]`: files not read as records (unreadable, too large, binary, special,
    symlink, sync conflict or backup copy, cloud placeholder, a file that looks like a record but is
    not one, a repeat of another file); listed here, not again under errors"""
    not_records: list[str]
    """Markdown files without front matter"""
    errors: int
    """diagnostics in the folder"""
    warnings: int
    files_read: int
    records: int
    not_counted: NotCounted
    """`{files, reasons: [{reason, files}], text}`: every file left out of the numbers, once, under
    its first reason — `unreadable`, `conflict or backup copy`, `repeat of another file`, `not read
    as a record`, `symbolic link`, `with errors` (read, but giving no record); `text` is the line
    every output shows near the top, `"3 files not counted: 1 unreadable, 2 with errors"`, or `null`
    """


def _message(d: Diagnostic, free_text: bool) -> str:
    if free_text or d.code not in CODES:
        return d.message
    return CODES[d.code].summary


def problems(folder: Folder, *, free_text: bool = True) -> Problems:
    diagnostics = sorted(folder.diagnostics, key=Diagnostic.sort_key)
    skipped = [
        Skipped(d.path, d.code, _message(d, free_text)) for d in diagnostics if d.code in SKIPPED
    ]
    skipped_paths = {s.path for s in skipped}
    by_path: dict[str, list[ErrorLine]] = {}
    for d in diagnostics:
        if d.severity is Severity.ERROR and d.path not in skipped_paths:
            hint = d.hint if free_text else ""
            line = ErrorLine(d.line, d.col, d.code, _message(d, free_text), hint)
            by_path.setdefault(d.path, []).append(line)
    return Problems(
        files_with_errors=[FileProblems(p, errs) for p, errs in sorted(by_path.items())],
        skipped=skipped,
        not_records=sorted(folder.not_records),
        errors=folder.errors,
        warnings=folder.warnings,
        files_read=folder.files_read,
        records=folder.record_count,
        not_counted=not_counted(folder),
    )


def not_counted(folder: Folder) -> NotCounted:
    """Every file left out of the numbers, once, under the first reason that applies:
    unreadable, a copy, a repeat, not in a record's form, a link — or, for a file read
    without giving a record (broken front matter, an unknown type), "with errors"."""
    counted = folder.counted_paths
    if counted is None:
        counted = frozenset(r.path for r in folder.records if not r.salvaged)
    found: dict[str, str] = {}
    for d in folder.diagnostics:
        if d.path in counted or d.code.startswith("IM9"):  # settings, types: not record files
            continue
        for reason, codes in _REASONS:
            if d.code in codes and _before(reason, found.get(d.path)):
                found[d.path] = reason
        if d.severity is Severity.ERROR and d.path not in found:
            found[d.path] = "with errors"
    tally = {reason: 0 for reason, _ in (*_REASONS, ("with errors", frozenset()))}
    for reason in found.values():
        tally[reason] += 1
    reasons = [Reason(r, n) for r, n in tally.items() if n]
    return NotCounted(len(found), reasons, _words(len(found), reasons))


def _before(reason: str, other: str | None) -> bool:
    order = [r for r, _ in _REASONS]
    return other is None or other == "with errors" or order.index(reason) < order.index(other)


def _words(total: int, reasons: list[Reason]) -> str | None:
    if not total:
        return None
    plural = {
        "conflict or backup copy": "conflict or backup copies",
        "repeat of another file": "repeats of other files",
        "not read as a record": "not read as records",
        "symbolic link": "symbolic links",
    }
    parts = [
        f"{n} {plural.get(r, r) if n > 1 else r}" for r, n in ((x.reason, x.files) for x in reasons)
    ]
    return f"{total} file{'' if total == 1 else 's'} not counted: {', '.join(parts)}"
