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
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

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
# Lines end where an editor ends them: LF, CRLF or CR. (`str.splitlines` also breaks at form
# feeds, U+001C-U+001E, NEL and U+2028/U+2029, which would shift every line number after one.)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# YAML counts these as line breaks too; refused so YAML's positions stay the editor's.
_YAML_ONLY_BREAKS = re.compile("[\x85\u2028\u2029]")


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
    lines = _lines(text)
    # Every marker holds seven equal characters: three scans of the text spare a Python loop
    # over every line of nearly every file.
    marked = "<<<<<<<" in text or ">>>>>>>" in text or "=======" in text
    diags = _conflict_markers(lines, path) if marked else []
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
        message = f"line 1 is `{first.rstrip()}`; front matter opens with exactly `---`"
        if first[:1] in " \t":
            message += " at the very start of the line (no space before it)"
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
    if (odd := _YAML_ONLY_BREAKS.search(text)) is not None:
        found = SimpleNamespace(position=odd.start(), character=ord(odd.group()))
        return None, [_reader_diag(found, text, path, line_offset)]
    from interim.fastyaml import fast_mapping

    simple = fast_mapping(text, line_offset)  # the usual shape, same tree, no events
    if simple is not None:
        return simple, []
    builder = _Builder(path, line_offset)
    try:
        builder.run(_parser(text))
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


def _parser(text: str) -> Callable[[], object]:
    """A parser's own `get_event` (None after the last event). `yaml.parse` wraps the same
    parser in a generator that also calls `check_event` for every event: a tenth of a load."""
    try:
        from yaml._yaml import CParser  # libyaml, through PyYAML's C extension
    except ImportError:  # a PyYAML built without libyaml: the same events, slower
        import yaml

        return yaml.SafeLoader(text).get_event
    return CParser(text).get_event


_HANDLERS: dict[type, Callable[[_Builder, Any], bool]] = {}


def _handlers() -> dict[type, Callable[[_Builder, Any], bool]]:
    """Event class → `_Builder` method, filled on first use: importing this module must not
    import yaml (`interim --help` stays fast)."""
    if not _HANDLERS:
        import yaml

        _HANDLERS.update(
            {
                yaml.ScalarEvent: _Builder.scalar,
                yaml.MappingStartEvent: _Builder.mapping,
                yaml.SequenceStartEvent: _Builder.sequence,
                yaml.MappingEndEvent: _Builder.close,
                yaml.SequenceEndEvent: _Builder.close,
                yaml.AliasEvent: _Builder.alias,
                yaml.DocumentStartEvent: _Builder.document,
            }
        )
    return _HANDLERS


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
    plain = _PLAIN_PROBLEMS.get(str(problem))
    if plain is not None:
        message = f"YAML could not be read: {plain}"
    else:
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


# PyYAML's wording for the mistake people make most (a colon inside text), in plain words.
_PLAIN_PROBLEMS = {
    "mapping values are not allowed in this context": (
        "this `:` looks like the start of a second `key: value` on the same line"
    ),
}


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
    """Turns a stream of PyYAML events into Mapping/Sequence/Scalar with file positions.

    This runs once per YAML event (~30 per record), the loader's hottest code: events are
    dispatched on their exact class through one dict (`_handlers`), not a chain of
    isinstance checks, and nothing is imported per event."""

    def __init__(self, path: str, line_offset: int) -> None:
        self.path = path
        self.offset = line_offset
        self.stack: list[Mapping | Sequence] = []
        self.pending_key: list[Scalar | None] = []
        self.root: Node | None = None
        self.diags: list[Diagnostic] = []
        self.fatal = False

    def pos(self, event: Any) -> tuple[int, int]:
        mark = event.start_mark
        return mark.line + 1 + self.offset, mark.column + 1

    def run(self, get_event: Callable[[], object]) -> None:
        """Feed every event of a parser (its `get_event`, None at the end) until done or
        until a refused construct stops the parse."""
        handlers = _handlers()
        while (event := get_event()) is not None:
            handler = handlers.get(type(event))
            if handler is not None and handler(self, event):
                return

    def feed(self, event: object) -> bool:
        """Take one event; True stops the parse (a refused construct)."""
        handler = _handlers().get(type(event))
        return handler is not None and handler(self, event)

    def scalar(self, event: Any) -> bool:
        if event.anchor is not None or event.tag is not None:
            return self.marked(event)
        mark = event.start_mark
        # The C parser says '' for a plain scalar, the Python one None.
        node = Scalar(
            event.value, event.style or None, mark.line + 1 + self.offset, mark.column + 1
        )
        stack, pending = self.stack, self.pending_key
        if stack and pending[-1] is None and type(stack[-1]) is Mapping:
            pending[-1] = node  # a key, the most common event: no call to `add`
        else:
            self.add(node)
        return False

    def mapping(self, event: Any) -> bool:
        return self.open(event, Mapping({}, *self.pos(event)))

    def sequence(self, event: Any) -> bool:
        return self.open(event, Sequence([], *self.pos(event)))

    def open(self, event: Any, node: Mapping | Sequence) -> bool:
        if event.anchor is not None or event.tag is not None:
            return self.marked(event)
        if len(self.stack) >= MAX_DEPTH:
            return self.refuse(
                event,
                "IM111",
                "the front matter is nested too deep",
                "records use at most three levels of indentation",
            )
        self.add(node)
        self.stack.append(node)
        self.pending_key.append(None)
        return False

    def close(self, event: Any) -> bool:
        self.stack.pop()
        self.pending_key.pop()
        return False

    def alias(self, event: Any) -> bool:
        return self.refuse(
            event,
            "IM109",
            f"`*{event.anchor}` is a YAML alias",
            "write the value out in full; aliases are not allowed in records",
        )

    def document(self, event: Any) -> bool:
        if self.root is None:
            return False
        return self.refuse(
            event,
            "IM107",
            "a second YAML document starts here",
            "the front matter is one block of `key: value` lines",
        )

    def marked(self, event: Any) -> bool:
        """An anchor (`&a`) or a tag (`!!int`, `!`) on a value: refused."""
        if event.anchor is not None:
            return self.refuse(
                event,
                "IM109",
                f"`&{event.anchor}` is a YAML anchor",
                "remove the `&name`; anchors are not allowed in records",
            )
        import yaml

        if event.tag == "!" and isinstance(event, yaml.ScalarEvent):
            return self.refuse(
                event, "IM110", "`!` is a YAML tag", "remove the `!`; quote the value if it is text"
            )
        # PyYAML expands `!!int` to `tag:yaml.org,2002:int`; show what was written.
        tag = event.tag.replace("tag:yaml.org,2002:", "!!", 1)
        return self.refuse(
            event,
            "IM110",
            f"`{tag}` is a YAML tag",
            "remove the tag; values are read by the field's kind",
        )

    def refuse(self, event: object, code: str, message: str, hint: str) -> bool:
        line, col = self.pos(event)
        self.diags.append(diag(code, self.path, line, col, message, hint))
        self.fatal = True
        return True

    def add(self, node: Node) -> None:
        stack = self.stack
        if not stack:
            self.root = node
            return
        parent = stack[-1]
        if type(parent) is Sequence:
            parent.items.append(node)
            return
        key = self.pending_key[-1]
        if key is None:
            self.set_key(node)
            return
        self.pending_key[-1] = None
        if key.text == "\x00invalid":
            return
        entries = parent.entries  # type: ignore[union-attr]
        previous = entries.get(key.text)
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
        # Interned: every record repeats the same few dozen keys, and they end up as the
        # keys of each Record's fields and positions (a third of a loaded record's memory).
        text = sys.intern(key.text)
        entries[text] = Entry(text, key.line, key.col, node)

    def set_key(self, node: Node) -> None:
        if type(node) is Scalar:
            self.pending_key[-1] = node
            return
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
