"""Diagnostics for people and machines: text (`path:line:col: severity CODE message`),
JSON, and GitHub Actions annotations."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING

from interim.errors import Diagnostic, Severity, escape_text

if TYPE_CHECKING:
    from interim.model import Folder

SAFETY_CODE = "IM220"


def check_lines(folder: Folder, fmt: str) -> list[str]:
    """What `interim check` prints: `json`, `github` annotations, or (`text`) a line per
    diagnostic, the counts, and the safety notice's words when one of them is the notice."""
    diags = folder.diagnostics
    summary = {
        "errors": folder.errors,
        "warnings": folder.warnings,
        "records": len(folder.records),
        "files": folder.files_read,
    }
    if fmt == "json":
        return [as_json(diags, summary)]
    if fmt == "github":
        return [line for d in diags if (line := github_line(d))]
    lines = [text_line(d) for d in diags]
    lines.append(closing_line(folder))
    if any(d.code == SAFETY_CODE for d in diags):
        lines += ["", *safety_lines(folder.settings.crisis_contacts)]
    return lines


def text_line(d: Diagnostic) -> str:
    hint = f" (hint: {escape_text(d.hint)})" if d.hint else ""
    return f"{escape_text(d.path)}:{d.line}:{d.col}: {d.severity.value} {d.code} {escape_text(d.message)}{hint}"


def closing_line(folder: Folder) -> str:
    """`0 errors, 2 warnings in 202 records (203 files: 3 read now, 200 from the cache).`"""

    def n(count: int, word: str) -> str:
        return f"{count} {word}{'' if count == 1 else 's'}"

    files, cached = folder.files_read, folder.files_cached
    where = f"{n(files, 'file')}: {files - cached} read now, {cached} from the cache"
    counts = f"{n(folder.errors, 'error')}, {n(folder.warnings, 'warning')}"
    return f"{counts} in {n(len(folder.records), 'record')} ({where})."


def as_json(diags: Iterable[Diagnostic], summary: dict[str, int]) -> str:
    items = [
        {
            "path": d.path,
            "line": d.line,
            "col": d.col,
            "severity": d.severity.value,
            "code": d.code,
            "message": d.message,
            "hint": d.hint,
        }
        for d in diags
    ]
    text = json.dumps({"diagnostics": items, "summary": summary}, ensure_ascii=False, indent=2)
    # json.dumps escapes only U+0000–U+001F; C1 controls (U+009B is a terminal's CSI) and
    # invisible format characters (bidi overrides) get \u escapes too. The data is unchanged.
    return "".join(ch if ch.isprintable() or ch in " \n" else _json_escape(ch) for ch in text)


def _json_escape(ch: str) -> str:
    code = ord(ch)
    if code > 0xFFFF:  # JSON escapes are UTF-16 code units: a surrogate pair
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def github_line(d: Diagnostic) -> str | None:
    """A workflow command; info notices (and so the safety notice) are not emitted, since a CI
    log is no place for health information."""
    if d.severity is Severity.INFO:
        return None
    level = "error" if d.severity is Severity.ERROR else "warning"

    def prop(text: str) -> str:
        return (
            text.replace("%", "%25")
            .replace("\r", "%0D")
            .replace("\n", "%0A")
            .replace(":", "%3A")
            .replace(",", "%2C")
        )

    def data(text: str) -> str:
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    # Control characters are escaped here too: a CI log is shown in terminals and browsers.
    message = escape_text(d.message + (f" (hint: {d.hint})" if d.hint else ""))
    path = escape_text(d.path)
    return f"::{level} file={prop(path)},line={d.line},col={d.col},title={d.code}::{data(message)}"


def safety_lines(crisis_contacts: str) -> list[str]:
    """The words that stand beside every safety notice (DESIGN §2.3)."""
    contact = (
        crisis_contacts.strip() or "If you are in danger now, call your local emergency number."
    )
    return [
        "SAFETY: a PHQ-9 answer shows thoughts of being better off dead or of self-harm.",
        f"  {escape_text(contact)}",
        "  Nobody monitors these files: tell your clinician, or someone you trust, today.",
    ]
