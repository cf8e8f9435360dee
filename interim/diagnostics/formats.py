"""Diagnostics for people and machines: text (`path:line:col: severity CODE message`),
JSON, and GitHub Actions annotations. Every format escapes the control characters a file's
name or text may hold."""

from __future__ import annotations

import json
from collections.abc import Iterable

from interim.diagnostics.diagnostic import Diagnostic, escape_text
from interim.diagnostics.severity import Severity


def text_line(d: Diagnostic) -> str:
    hint = f" (hint: {escape_text(d.hint)})" if d.hint else ""
    return f"{escape_text(d.path)}:{d.line}:{d.col}: {d.severity.value} {d.code} {escape_text(d.message)}{hint}"


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
