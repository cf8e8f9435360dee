"""What `interim check` prints: the diagnostics in the chosen format, the closing count line,
and the safety notice's words."""

from __future__ import annotations

from interim.diagnostics.formats import as_json, github_line, text_line
from interim.domain.model import Folder
from interim.settings import Settings
from interim.summary.notice_words import SAFETY_CODE, notice_kinds, safety_lines


def check_lines(folder: Folder, fmt: str) -> list[str]:
    """What `interim check` prints: `json`, `github` annotations, or (`text`) a line per
    diagnostic, the counts, and the safety notice's words when one of them is the notice."""
    diags = folder.diagnostics
    summary = {
        "errors": folder.errors,
        "warnings": folder.warnings,
        "records": folder.record_count,
        "files": folder.files_read,
    }
    if fmt == "json":
        return [as_json(diags, summary)]
    if fmt == "github":
        return [line for d in diags if (line := github_line(d))]
    lines = [text_line(d) for d in diags]
    lines.append(closing_line(folder))
    if any(d.code == SAFETY_CODE for d in diags):
        kinds = notice_kinds(diags)
        lines += ["", *safety_lines((folder.settings or Settings()).crisis_contacts, kinds)]
    return lines


def closing_line(folder: Folder) -> str:
    """`0 errors, 2 warnings in 202 records (203 files: 3 read now, 200 from the cache).`"""

    def n(count: int, word: str) -> str:
        return f"{count} {word}{'' if count == 1 else 's'}"

    files, cached = folder.files_read, folder.files_cached
    where = f"{n(files, 'file')}: {files - cached} read now, {cached} from the cache"
    counts = f"{n(folder.errors, 'error')}, {n(folder.warnings, 'warning')}"
    return f"{counts} in {n(folder.record_count, 'record')} ({where})."
