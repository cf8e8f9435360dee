"""Split a record file into front matter and body, and read the front matter with a safe,
positioned YAML loader.

The loader keeps every scalar as the text the user wrote (with its style and position) and
leaves its meaning to the field's kind (`interim.fields`). That is what makes YAML 1.1's
surprises go away: `bedtime: 23:30` is not the sexagesimal integer 1410, `no` in a text field
stays the word "no", and `045` in a text field keeps its zero.

We build the tree from PyYAML's *events* instead of composing nodes, because events carry what
the composer throws away: anchors (refused), explicit tags (refused), aliases (refused before
they can expand into a "billion laughs") and the mark of every key and value.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from interim.errors import Diagnostic, diag

# Front matter is a handful of lines; a cap keeps a pasted novel or a generated bomb from
# reaching the parser. Nesting is capped below the depth any record type uses (3), with room.
MAX_FRONT_MATTER_CHARS = 256 * 1024
MAX_DEPTH = 24
MAX_BRACKETS = 2000


@dataclass(slots=True)
class Scalar:
    text: str
    style: str | None  # None: plain; "'" or '"': quoted; "|" or ">": block
    line: int
    col: int

    @property
    def plain(self) -> bool:
        return self.style is None

    def is_null(self) -> bool:
        """An empty value: nothing written, `~` or `null` (plain only)."""
        return self.style is None and self.text in _NULLS


@dataclass(slots=True)
class Entry:
    key: str
    key_line: int
    key_col: int
    value: Node


@dataclass(slots=True)
class Mapping:
    entries: dict[str, Entry]
    line: int
    col: int


@dataclass(slots=True)
class Sequence:
    items: list[Node]
    line: int
    col: int


Node = Scalar | Mapping | Sequence

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


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
        warn = diag(
            "IM103",
            path,
            1,
            1,
            "this file is saved as UTF-16, not UTF-8",
            "interim read it; re-save it as UTF-8 so every tool can",
        )
        if "\x00" in text:
            return None, [
                diag(
                    "IM114",
                    path,
                    1,
                    1,
                    "this file holds binary data, not text",
                    "records are text files; move this file out of the folder",
                )
            ]
        return text, [warn]
    if b"\x00" in data[:8192]:
        return None, [
            diag(
                "IM114",
                path,
                1,
                1,
                "this file holds binary data, not text",
                "records are text files; move this file out of the folder",
            )
        ]
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


def split(text: str, path: str) -> Document:
    """Split text into front matter and body, with exact line numbers.

    Line 1 must be `---`; the front matter closes at the next `---` or `...` line. Near
    misses (`+++`, `----`, a blank line first, no closing line) get their own message instead
    of a silent "no metadata"."""
    lines = text.splitlines()
    diags = _conflict_markers(lines, path)
    first = lines[0] if lines else ""
    if not _OPEN.match(first):
        return _no_front_matter(text, lines, path, diags)
    for i in range(1, len(lines)):
        if _CLOSE.match(lines[i]):
            yaml_text = "\n".join(lines[1:i])
            body = "\n".join(lines[i + 1 :])
            if any(d.line <= i + 1 for d in diags):
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


def _no_front_matter(text: str, lines: list[str], path: str, diags: list[Diagnostic]) -> Document:
    first = lines[0] if lines else ""
    message = hint = ""
    if first.strip() == "+++":
        message = "this is TOML front matter (`+++`); interim reads YAML front matter"
        hint = "write the keys as `key: value` between two `---` lines"
    elif _DASHES.match(first):
        message = f"line 1 is `{first.strip()}`; front matter opens with exactly `---`"
        hint = "make line 1 exactly three dashes: ---"
    elif not first.strip():
        n = next((k for k, line in enumerate(lines) if line.strip()), None)
        if n is not None and _OPEN.match(lines[n].strip()):
            message = f"the front matter starts on line {n + 1}, not line 1"
            hint = "delete the blank lines above `---` so it is the very first line"
    elif _KEY_LINE.match(first) and first.split(":", 1)[0].strip() == "type":
        message = "the file starts with `type:` but has no `---` line above it"
        hint = "add a line with just `---` above and below the keys"
    if message:
        diags.append(diag("IM105", path, 1, 1, message, hint))
    return Document(None, text, 1, False, diags)


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


# -- the YAML loader -----------------------------------------------------------------------


def load_yaml(
    text: str, path: str, line_offset: int = 0
) -> tuple[Mapping | None, list[Diagnostic]]:
    """Read a YAML mapping into a positioned tree. `line_offset` is the number of file lines
    above the YAML text (1 for front matter under its `---`)."""
    import yaml

    if len(text) > MAX_FRONT_MATTER_CHARS or text.count("[") + text.count("{") > MAX_BRACKETS:
        return None, [
            diag(
                "IM111",
                path,
                line_offset + 1,
                1,
                f"the front matter is too large to be a record ({len(text):,} characters)",
                "keep long text in the body, below the closing `---`",
            )
        ]
    if not text.strip():
        return Mapping({}, line_offset + 1, 1), []
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    builder = _Builder(path, line_offset)
    try:
        for event in yaml.parse(text, Loader=loader):
            if builder.feed(event):
                break
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_diag(exc, path, line_offset)]
    except yaml.reader.ReaderError as exc:
        return None, [_reader_diag(exc, text, path, line_offset)]
    except yaml.YAMLError as exc:
        return None, [
            diag(
                "IM107",
                path,
                line_offset + 1,
                1,
                f"the front matter is not valid YAML: {exc}",
                "check the lines between the two `---` lines",
            )
        ]
    except RecursionError:
        return None, [
            diag(
                "IM111",
                path,
                line_offset + 1,
                1,
                "the front matter is nested too deep",
                "records use at most three levels of indentation",
            )
        ]
    return builder.result()


def _syntax_diag(exc: object, path: str, line_offset: int) -> Diagnostic:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = (mark.line + 1 + line_offset) if mark else line_offset + 1
    col = (mark.column + 1) if mark else 1
    problem = getattr(exc, "problem", None) or "invalid YAML"
    context = getattr(exc, "context", None)
    if "maximum nesting depth" in str(problem):
        return diag(
            "IM111",
            path,
            line,
            col,
            "the front matter is nested too deep",
            "records use at most three levels of indentation",
        )
    message = f"YAML could not be read: {problem}" + (f" ({context})" if context else "")
    return diag("IM107", path, line, col, message, _syntax_hint(str(problem)))


def _reader_diag(exc: object, text: str, path: str, line_offset: int) -> Diagnostic:
    """PyYAML refuses control characters with a character offset, not a line."""
    pos = min(int(getattr(exc, "position", 0)), len(text))
    line = text.count("\n", 0, pos) + 1 + line_offset
    col = pos - (text.rfind("\n", 0, pos) + 1) + 1
    char = getattr(exc, "character", None)
    what = f"U+{char:04X}" if isinstance(char, int) else "a control character"
    return diag(
        "IM107",
        path,
        line,
        col,
        f"an invisible control character ({what}) is not allowed here",
        "delete it: retype the value (it may have come from a copy and paste)",
    )


def _syntax_hint(problem: str) -> str:
    if "mapping values are not allowed" in problem:
        return 'a value with ": " in it must be quoted: note: "went: fine"'
    if "could not find expected ':'" in problem:
        return "every line needs `key: value`; quote text that runs over several lines"
    if "found character '\\t'" in problem or "tab" in problem:
        return "YAML indentation uses spaces, not tabs"
    if "found undefined alias" in problem or "found unexpected end" in problem:
        return "close every quote and bracket you open"
    return "check the indentation, and quote values that contain `:`, `#`, `[` or `{`"


class _Builder:
    """Turns a stream of PyYAML events into Mapping/Sequence/Scalar with file positions."""

    def __init__(self, path: str, line_offset: int) -> None:
        self.path = path
        self.offset = line_offset
        self.stack: list[Mapping | Sequence] = []
        self.pending_key: list[Scalar | None] = []
        self.root: Node | None = None
        self.diags: list[Diagnostic] = []
        self.fatal = False

    def pos(self, event: object) -> tuple[int, int]:
        mark = event.start_mark  # type: ignore[attr-defined]
        return mark.line + 1 + self.offset, mark.column + 1

    def feed(self, event: object) -> bool:
        """Take one event; True stops the parse (a refused construct)."""
        import yaml

        if isinstance(event, yaml.AliasEvent):
            return self.refuse(
                event,
                "IM109",
                f"`*{event.anchor}` is a YAML alias",
                "write the value out in full; aliases are not allowed in records",
            )
        if isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if event.anchor is not None:
                return self.refuse(
                    event,
                    "IM109",
                    f"`&{event.anchor}` is a YAML anchor",
                    "remove the `&name`; anchors are not allowed in records",
                )
            if event.tag is not None and not (
                isinstance(event, yaml.ScalarEvent) and event.tag == "!"
            ):
                return self.refuse(
                    event,
                    "IM110",
                    f"`{event.tag}` is a YAML tag",
                    "remove the tag; values are read by the field's kind",
                )
            if event.tag == "!":
                return self.refuse(
                    event,
                    "IM110",
                    "`!` is a YAML tag",
                    "remove the `!`; quote the value if it is text",
                )
        if isinstance(event, yaml.ScalarEvent):
            line, col = self.pos(event)
            # The C parser says '' for a plain scalar, the Python one None.
            self.add(Scalar(event.value, event.style or None, line, col))
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if len(self.stack) >= MAX_DEPTH:
                return self.refuse(
                    event,
                    "IM111",
                    "the front matter is nested too deep",
                    "records use at most three levels of indentation",
                )
            line, col = self.pos(event)
            node: Mapping | Sequence = (
                Mapping({}, line, col)
                if isinstance(event, yaml.MappingStartEvent)
                else Sequence([], line, col)
            )
            self.add(node)
            self.stack.append(node)
            self.pending_key.append(None)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            self.stack.pop()
            self.pending_key.pop()
        elif isinstance(event, yaml.DocumentStartEvent) and self.root is not None:
            return self.refuse(
                event,
                "IM107",
                "a second YAML document starts here",
                "the front matter is one block of `key: value` lines",
            )
        return False

    def refuse(self, event: object, code: str, message: str, hint: str) -> bool:
        line, col = self.pos(event)
        self.diags.append(diag(code, self.path, line, col, message, hint))
        self.fatal = True
        return True

    def add(self, node: Node) -> None:
        if not self.stack:
            self.root = node
            return
        parent = self.stack[-1]
        if isinstance(parent, Sequence):
            parent.items.append(node)
            return
        key = self.pending_key[-1]
        if key is None:
            if not isinstance(node, Scalar):
                self.diags.append(
                    diag(
                        "IM113",
                        self.path,
                        node.line,
                        node.col,
                        "a key must be a plain word, not a list or mapping",
                        "write keys as `name: value`",
                    )
                )
                self.pending_key[-1] = Scalar("\x00invalid", None, node.line, node.col)
            else:
                self.pending_key[-1] = node
            return
        self.pending_key[-1] = None
        if key.text == "\x00invalid":
            return
        previous = parent.entries.get(key.text)
        if previous is not None:
            self.diags.append(
                diag(
                    "IM108",
                    self.path,
                    key.line,
                    key.col,
                    f"`{key.text}` appears twice: on line {previous.key_line} and on line {key.line}",
                    "keep one of the two lines and delete the other",
                )
            )
            return
        parent.entries[key.text] = Entry(key.text, key.line, key.col, node)

    def result(self) -> tuple[Mapping | None, list[Diagnostic]]:
        if self.fatal:
            return None, self.diags
        root = self.root
        if root is None:
            return Mapping({}, self.offset + 1, 1), self.diags
        if not isinstance(root, Mapping):
            what = "a list" if isinstance(root, Sequence) else f"the text `{root.text[:40]}`"
            return None, [
                *self.diags,
                diag(
                    "IM113",
                    self.path,
                    root.line,
                    root.col,
                    f"the front matter must be `key: value` lines; found {what}",
                    "write one `key: value` per line, starting with `type:`",
                ),
            ]
        return root, self.diags


def plain_value(node: Node) -> object:
    """A node as plain Python data with no kind applied: scalars stay strings (empty → None).
    Used for fields a type does not define, and for display."""
    if isinstance(node, Scalar):
        return None if node.is_null() else node.text
    if isinstance(node, Sequence):
        return [plain_value(item) for item in node.items]
    return {k: plain_value(e.value) for k, e in node.entries.items()}
