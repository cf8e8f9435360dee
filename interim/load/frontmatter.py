"""Split a record file into front matter and body, with exact line numbers, after decoding
its bytes. The front matter is read by `interim.load.yaml.events` into the tree of
`interim.load.yaml.tree`.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from interim.diagnostics import Diagnostic, diag
from interim.load.yaml.events import load_yaml
from interim.load.yaml.tree import Mapping


@dataclass(slots=True)
class Document:
    """A split file: the front matter tree (None when the file is not a record or the front
    matter is broken), the body text and the line where the body starts."""

    front: Mapping | None
    body: str
    body_line: int
    has_front_matter: bool
    diagnostics: list[Diagnostic] = field(default_factory=list)


# -- decoding ------------------------------------------------------------------------------


def decode(data: bytes, path: str) -> tuple[str | None, list[Diagnostic]]:
    """Bytes to text: UTF-8 (a BOM is fine), UTF-16 with a BOM (read, with a warning); anything
    else is refused at the line of the first bad byte."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_utf16(data, path)
    if b"\x00" in data[:8192]:
        return None, [_binary(path)]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        start = data.rfind(b"\n", 0, exc.start) + 1
        col = len(data[start : exc.start].decode("utf-8", "replace")) + 1
        bad = data[exc.start : exc.start + 1]
        guess = _guess_legacy(data)
        return None, [
            diag(
                "IM102",
                path,
                line,
                col,
                f"byte 0x{bad.hex()} is not valid UTF-8{guess}",
                "re-save the file as UTF-8 (in Notepad: Save As, Encoding: UTF-8)",
            )
        ]


def _decode_utf16(data: bytes, path: str) -> tuple[str | None, list[Diagnostic]]:
    """Windows editors still save UTF-16 now and then: read it, and say so."""
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError:
        return None, [
            diag(
                "IM102",
                path,
                1,
                1,
                "this UTF-16 file has broken bytes",
                "re-save it as UTF-8 in your editor",
            )
        ]
    if "\x00" in text:
        return None, [_binary(path)]
    return text, [
        diag(
            "IM103",
            path,
            1,
            1,
            "this file is saved as UTF-16, not UTF-8",
            "interim read it; re-save it as UTF-8 so every tool can",
        )
    ]


BINARY = "IM114"


def _binary(path: str) -> Diagnostic:
    return diag(
        BINARY,
        path,
        1,
        1,
        "this file holds binary data, not text",
        "records are text files; move this file out of the folder",
    )


def _guess_legacy(data: bytes) -> str:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return ""
    return " (the file looks like Windows-1252 or Latin-1)"


# -- splitting -----------------------------------------------------------------------------

_OPEN = re.compile(r"---[ \t]*\Z")
_CLOSE = re.compile(r"(---|\.\.\.)[ \t]*\Z")
_DASHES = re.compile(r"-{2,}[ \t]*\Z|[ \t]+---[ \t]*\Z|(- ){2,}-[ \t]*\Z")
_CONFLICT = re.compile(r"(<{7}|>{7})( |\Z)|={7}\Z")
_KEY_LINE = re.compile(r"[A-Za-z_][\w-]*[ \t]*:(\s|\Z)")
# Lines end where an editor ends them: LF, CRLF or CR. (`str.splitlines` also breaks at form
# feeds, U+001C-U+001E, NEL and U+2028/U+2029, which would shift every line number after one.)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# A phone's "smart punctuation" turns `---` into an em dash (—) or an en dash and a hyphen
# (–-): a line of dashes with one of another kind among them is meant as `---`.
_OTHER_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_SMART_DASH = re.compile(f"[-{_OTHER_DASHES}]{{1,6}}[ \t]*\\Z")
_TYPE_LINE = re.compile(r"""[ \t]*["']?type["']?[ \t]*[:=]""")
_LOOKS_WITHIN = 20  # lines searched for a `type:` that has no front matter around it


def _lines(text: str) -> list[str]:
    lines = _LINE_BREAK.split(text)
    if lines[-1] == "":
        lines.pop()  # like splitlines(): a final line break does not start a line
    return lines


def split(text: str, path: str) -> Document:
    """Split text into front matter and body, with exact line numbers.

    Line 1 must be `---`; the front matter closes at the next `---` or `...` line. Near
    misses (`+++`, `----`, a blank line first, no closing line) get their own message instead
    of a silent "no metadata"."""
    found = _plain_split(text, path)
    return found if found is not None else careful_split(text, path)


def careful_split(text: str, path: str) -> Document:
    """`split` for every file, line by line: the near misses, conflict markers, other line
    ends and dashes are found here."""
    diags: list[Diagnostic] = []
    if text.startswith("\ufeff"):  # decode() removed one byte-order mark; this is another
        text = text.lstrip("\ufeff")
        diags.append(_extra_bom(path))
    lines = _lines(text)
    # Every marker holds seven equal characters: three scans of the text spare a Python loop
    # over every line of nearly every file.
    marked = "<<<<<<<" in text or ">>>>>>>" in text or "=======" in text
    diags += _conflict_markers(lines, path) if marked else []
    first = lines[0] if lines else ""
    smart = _smart(first)
    if not _OPEN.match(first) and not smart:
        return _no_front_matter(text, lines, path, diags)
    for i in range(1, len(lines)):
        if _CLOSE.match(lines[i]) or (smart and _smart(lines[i])):
            if smart:
                diags.append(_smart_dashes(path, first, lines[i], i + 1))
            yaml_text = "\n".join(lines[1:i])
            body = "\n".join(lines[i + 1 :])
            if any(d.code == "IM106" and d.line <= i + 1 for d in diags):
                return Document(None, body, i + 2, True, diags)
            front, errs = load_yaml(yaml_text, path, line_offset=1)
            return Document(front, body, i + 2, True, diags + errs)
    near = next((n for n in range(1, len(lines)) if _DASHES.match(lines[n])), None)
    hint = (
        f"line {near + 1} has `{lines[near].strip()}`: the closing line must be exactly `---`"
        if near is not None
        else "add a line with just `---` after the last key"
    )
    diags.append(diag("IM104", path, 1, 1, "the front matter opened here is never closed", hint))
    return Document(None, "", len(lines) + 1, True, diags)


_CLOSE_LINE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


def plain_parts(text: str) -> tuple[str, str, int] | None:
    """The usual file's (front matter, body, body's first line), split without touching
    its body: LF line ends, `---` on line 1, a closing line, no conflict markers. One regex
    search finds the closing line, so a long body costs nothing; anything else is None and
    goes the careful way (`careful_split`), which splits it the same (tests compare)."""
    if not text.startswith("---") or "\r" in text:
        return None
    if "<<<<<<<" in text or ">>>>>>>" in text or "=======" in text:
        return None
    first_end = text.find("\n")
    if first_end < 0 or not _OPEN.match(text, 0, first_end):
        return None
    close = _CLOSE_LINE.search(text, first_end + 1)
    if close is None:
        return None
    closing_index = text.count("\n", 0, close.start())  # the closing line, 0-based
    yaml_text = text[first_end + 1 : close.start() - 1] if closing_index > 1 else ""
    body = text[close.end() + 1 :]
    if body.endswith("\n"):
        body = body[:-1]  # a final line break does not start a line (see `_lines`)
    return yaml_text, body, closing_index + 2


def _plain_split(text: str, path: str) -> Document | None:
    parts = plain_parts(text)
    if parts is None:
        return None
    yaml_text, body, body_line = parts
    front, errs = load_yaml(yaml_text, path, line_offset=1)
    return Document(front, body, body_line, True, errs)


def _smart(line: str) -> bool:
    """A line of dashes with one that is not a hyphen among them (see `_SMART_DASH`)."""
    if not line or line[0] not in "-" + _OTHER_DASHES or not _SMART_DASH.match(line):
        return False
    return any(ch in _OTHER_DASHES for ch in line)


def _smart_dashes(path: str, first: str, last: str, close_line: int) -> Diagnostic:
    shown = first.strip()
    return diag(
        "IM118",
        path,
        1,
        1,
        f"the front matter opens with `{shown}` (line 1) and closes on line {close_line} with "
        f"`{last.strip()}`, dashes a phone's smart punctuation makes of `---`; interim read it",
        "make both lines three hyphens, ---, and turn off smart punctuation (smart dashes) in "
        "your phone's keyboard settings or your editor",
    )


def _extra_bom(path: str) -> Diagnostic:
    return diag(
        "IM119",
        path,
        1,
        1,
        "the file starts with more than one byte-order mark (an invisible U+FEFF character, "
        "often left by copying between editors); interim read it",
        "re-save the file as UTF-8 (a byte-order mark once at most), or delete the invisible "
        "characters before `---`",
    )


def _no_front_matter(text: str, lines: list[str], path: str, diags: list[Diagnostic]) -> Document:
    first = lines[0] if lines else ""
    message = hint = ""
    if first.strip() == "+++":
        message = "this is TOML front matter (`+++`); interim reads YAML front matter"
        hint = "write the keys as `key: value` between two `---` lines"
    elif _DASHES.match(first):
        message = f"line 1 is `{first.rstrip()}`; front matter opens with exactly `---`"
        if first[:1] in " \t":
            message += " at the very start of the line (no space before it)"
        hint = "make line 1 exactly three dashes: ---"
    elif not first.strip():
        n = next((k for k, line in enumerate(lines) if line.strip()), None)
        if n is not None and _OPEN.match(lines[n].strip()):
            message = f"the front matter starts on line {n + 1}, not line 1"
            hint = "delete the blank lines above `---` so it is the very first line"
    elif first.lstrip().startswith("{") and _TYPE_LINE.search(text[:4096].replace("{", "\n", 1)):
        message = "this is JSON front matter (`{`); interim reads YAML front matter"
        hint = "write the keys as `key: value` lines between two `---` lines"
    elif _KEY_LINE.match(first) and first.split(":", 1)[0].strip() == "type":
        message = "the file starts with `type:` but has no `---` line above it"
        hint = "add a line with just `---` above and below the keys"
    elif (n := _type_line(lines)) is not None:
        message = f"line {n + 1} has `{lines[n].strip()[:40]}`, a record's key, but the file has no front matter"
        hint = "start the file with a line `---`, then the keys (`type:` …), then a line `---`"
    if message:
        diags.append(diag("IM105", path, 1, 1, message, hint))
    return Document(None, text, 1, False, diags)


def _type_line(lines: list[str]) -> int | None:
    """The first `type:` line within the first lines of a file without front matter."""
    for n, line in enumerate(lines[:_LOOKS_WITHIN]):
        if _TYPE_LINE.match(line):
            return n
    return None


def _conflict_markers(lines: list[str], path: str) -> list[Diagnostic]:
    out = []
    for n, line in enumerate(lines):
        if line[:1] in "<=>" and _CONFLICT.match(line):
            out.append(
                diag(
                    "IM106",
                    path,
                    n + 1,
                    1,
                    f"a git merge conflict marker `{line[:7]}`: two versions of this file were merged",
                    "keep the right lines, delete the <<<<<<<, ======= and >>>>>>> lines",
                )
            )
    return out
