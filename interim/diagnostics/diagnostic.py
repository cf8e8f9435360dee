"""Diagnostics: problems in user data are values, never exceptions.

A `Diagnostic` names the file (relative to the folder), a 1-based line and column counted in
the file itself, a severity, a stable code from the registry in `interim.diagnostics.codes`,
a message that says what was expected and what was found, and a hint that says how to fix it.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from interim.diagnostics.codes import CODES
from interim.diagnostics.severity import Severity


@dataclass(frozen=True)
class Diagnostic:
    path: str
    line: int
    col: int
    severity: Severity
    code: str
    message: str
    hint: str = ""

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.col, self.code)


def diag(code: str, path: str, line: int, col: int, message: str, hint: str = "") -> Diagnostic:
    """Make a diagnostic whose severity comes from the code's registry entry."""
    return Diagnostic(path, max(line, 1), max(col, 1), CODES[code].severity, code, message, hint)


def did_you_mean(word: str, known: Iterable[str], otherwise: str) -> str:
    """The hint for a name that is not one of `known`: the closest one (difflib's ratio of at
    least 0.6) as "did you mean `x`?", else `otherwise`, which says where the names are."""
    close = difflib.get_close_matches(word, list(known), n=1)
    return f"did you mean `{close[0]}`?" if close else otherwise


def escape_text(text: str) -> str:
    """Escape control characters so a file name or value cannot move the cursor or hide
    text in a terminal (ESC sequences, carriage returns, bells)."""
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if ch.isprintable() or ch == " ":
            out.append(ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        else:
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
    return "".join(out)
