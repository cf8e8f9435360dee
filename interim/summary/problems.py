"""Problems (DESIGN §4.6): every file with an error, every file skipped, every Markdown file
that is not a record — from the whole folder, not only the period, so nothing is silently
missing from the report.

A skipped file (unreadable, too large, binary, a sync conflict copy...) is listed once, under
`skipped`, not again under errors. Diagnostic messages quote what the file says; a profile
without free text shows each code's general summary instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from interim.codes import CODES
from interim.errors import Diagnostic, Severity
from interim.model import Folder
from interim.summary.data import Data

# Codes after which the file was not read as a record.
SKIPPED = frozenset({"IM100", "IM112", "IM114", "IM115", "IM116", "IM120", "IM122", "IM306"})


@dataclass
class FileProblems(Data):
    path: str
    errors: list[dict[str, Any]]  # [{line, col, code, message, hint}]


@dataclass
class Problems(Data):
    files_with_errors: list[FileProblems]
    skipped: list[dict[str, Any]]  # [{path, code, reason}]
    not_records: list[str]
    errors: int  # error diagnostics in the folder
    warnings: int
    files_read: int
    records: int


def _message(d: Diagnostic, free_text: bool) -> str:
    if free_text or d.code not in CODES:
        return d.message
    return CODES[d.code].summary


def problems(folder: Folder, *, free_text: bool = True) -> Problems:
    diagnostics = sorted(folder.diagnostics, key=Diagnostic.sort_key)
    skipped = [
        {"path": d.path, "code": d.code, "reason": _message(d, free_text)}
        for d in diagnostics
        if d.code in SKIPPED
    ]
    skipped_paths = {s["path"] for s in skipped}
    by_path: dict[str, list[dict[str, Any]]] = {}
    for d in diagnostics:
        if d.severity is Severity.ERROR and d.path not in skipped_paths:
            by_path.setdefault(d.path, []).append(
                {
                    "line": d.line,
                    "col": d.col,
                    "code": d.code,
                    "message": _message(d, free_text),
                    "hint": d.hint if free_text else "",
                }
            )
    return Problems(
        files_with_errors=[FileProblems(p, errs) for p, errs in sorted(by_path.items())],
        skipped=skipped,
        not_records=sorted(folder.not_records),
        errors=folder.errors,
        warnings=folder.warnings,
        files_read=folder.files_read,
        records=len(folder.records),
    )
