"""Plain-words explanations for the YAML mistakes people make when they edit a file by hand.

PyYAML's messages describe its parser ("could not find expected ':'", "found character that
cannot start any token") and often point at the line *after* the mistake. When a front
matter fails to parse, these checks look at the lines up to the reported one for the usual
causes — a tab, a missing space after a colon, a no-break space, curly quotes from a phone
keyboard, a stray indent — and name the line where the mistake is. They run only after a
failure, so a good file never pays for them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

CURLY_HINT = 'use straight quotes: "like this" (a phone or word processor changes them as you type)'
Hint = tuple[int, int, str, str]  # 0-based line, 0-based column, message, how to fix

_KEY_NO_SPACE = re.compile(r"(?P<indent> *)(?P<key>[A-Za-z_][\w-]*):(?P<after>\S)")
_KEY_NBSP = re.compile(r"(?P<indent> *)(?P<key>[A-Za-z_][\w-]*):(?P<after>[\u00a0\u2007\u202f])")
_CURLY = re.compile(
    r"(?P<indent> *)(?:- +)?(?:[A-Za-z_][\w-]*: *)?(?P<quote>[\u201c\u201d\u2018\u2019\u201e])"
)
_KEY = re.compile(r"(?P<indent> *)(?:- +)?[A-Za-z_][\w-]*:(?P<rest>.*)\Z")


def _tab(lines: list[str], n: int) -> Hint | None:
    line = lines[n]
    rest = line.lstrip(" \t")
    if "\t" not in line[: len(line) - len(rest)]:
        return None
    above = next((lines[k] for k in range(n - 1, -1, -1) if lines[k].strip()), "")
    parent = _KEY.match(above)
    opens = above.lstrip().startswith("- ") or bool(parent and not parent["rest"].strip())
    if _KEY.match(rest) and not rest.startswith("-") and not opens:
        # Issue 13: at a key of its own, spaces instead of the tab still break it.
        hint = "delete the tab: a key of its own starts at the left edge of the line"
    else:
        hint = "YAML indents with spaces only: replace the tab with spaces"
    return (n, line.index("\t"), "this line is indented with a tab", hint)


def _no_space(line: str, n: int) -> Hint | None:
    m = _KEY_NBSP.match(line)
    if m:
        return (
            n,
            m.end("key") + 1,
            f"the space after `{m['key']}:` is a no-break space",
            "delete it and type an ordinary space (phones and Mac keyboards insert these)",
        )
    m = _KEY_NO_SPACE.match(line)
    if m:
        return (
            n,
            m.end("key"),
            f"`{m['key']}:` needs a space after the colon",
            f"write `{m['key']}: {line[m.end('key') + 1 :].strip()}`",
        )
    return None


def _curly(line: str, n: int) -> Hint | None:
    m = _CURLY.match(line)
    if not m:
        return None
    return (
        n,
        m.start("quote"),
        "these are curly quotes (“ ”), which YAML reads as ordinary text",
        CURLY_HINT,
    )


def _stray_indent(lines: list[str], n: int) -> Hint | None:
    line = lines[n]
    m = _KEY.match(line)
    if not m or not m["indent"] or n == 0:
        return None
    above = next((lines[k] for k in range(n - 1, -1, -1) if lines[k].strip()), "")
    parent = _KEY.match(above)
    if parent and parent["rest"].strip() and len(parent["indent"]) < len(m["indent"]):
        return (
            n,
            0,
            "this line is indented, but the line above already has its value",
            "remove the spaces at the start of this line",
        )
    return None


_LINE_CHECKS: tuple[Callable[[str, int], Hint | None], ...] = (_no_space, _curly)


def explain(text: str, error_line: int) -> Hint | None:
    """The first usual mistake on the lines up to the one PyYAML reported (0-based), if any."""
    lines = text.split("\n")
    for n in range(min(error_line, len(lines) - 1) + 1):
        found = _tab(lines, n)
        if found:
            return found
        for check in _LINE_CHECKS:
            found = check(lines[n], n)
            if found:
                return found
        found = _stray_indent(lines, n)
        if found:
            return found
    return None


def curly_quoted(text: str) -> bool:
    """A value written between curly quotes (“23:30”), for a friendlier hint on field errors."""
    return (
        len(text) >= 2
        and text[0] in "\u201c\u201d\u2018\u2019\u201e"
        and text[-1] in "\u201c\u201d\u2018\u2019"
    )
