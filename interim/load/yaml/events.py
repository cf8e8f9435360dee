"""Read YAML into the positioned tree of `interim.load.yaml.tree`, safely.

The loader keeps every scalar as the text the user wrote (with its style and position) and
leaves its meaning to the field's kind (`interim.types.kinds`). That is what makes YAML 1.1's
surprises go away: `bedtime: 23:30` is not the sexagesimal integer 1410, `no` in a text field
stays the word "no", and `045` in a text field keeps its zero.

We build the tree from PyYAML's *events* instead of composing nodes, because events carry what
the composer throws away: anchors (refused), explicit tags (refused), aliases (refused before
they can expand into a "billion laughs") and the mark of every key and value. PyYAML itself is
imported on first use, in the functions that need it: front matter the fast path (`fast`)
reads in full never loads it, which is most folders' every file.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

from interim.diagnostics import Diagnostic, diag
from interim.load.yaml.fast import fast_mapping
from interim.load.yaml.hints import explain
from interim.load.yaml.tree import REFUSED_CHARACTERS, Entry, Mapping, Node, Scalar, Sequence

# Front matter is a handful of lines; a cap keeps a pasted novel or a generated bomb from
# reaching the parser. Nesting is capped below the depth any record type uses (3), with room.
MAX_FRONT_MATTER_CHARS = 256 * 1024
MAX_DEPTH = 24
MAX_BRACKETS = 2000
# YAML counts these as line breaks too; refused so YAML's positions stay the editor's.
_YAML_ONLY_BREAKS = re.compile("[\x85\u2028\u2029]")
_ESCAPED = REFUSED_CHARACTERS  # what an escape in a double-quoted value may not make
_COMMENT_AFTER = re.compile(r"[ \t]+(#.*)")
MAX_REFUSALS = 50  # tags named in one file before the parse stops


def load_yaml(
    text: str, path: str, line_offset: int = 0
) -> tuple[Mapping | None, list[Diagnostic]]:
    """Read a YAML mapping into a positioned tree. `line_offset` is the number of file lines
    above the YAML text (1 for front matter under its `---`)."""
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

    simple = fast_mapping(text, line_offset)  # the usual shape, same tree, no events
    if simple is not None:
        return simple, []
    return _from_events(text, path, line_offset)


def _from_events(text: str, path: str, line_offset: int) -> tuple[Mapping | None, list[Diagnostic]]:
    """Any other YAML: PyYAML's events through `_Builder`, its errors as diagnostics."""
    import yaml  # here: a folder the fast path reads in full never loads PyYAML

    builder = _Builder(path, line_offset, text)
    try:
        builder.run(_parser(text))
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_diag(exc, path, line_offset, text)]
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
        return None, [_too_deep(path, line_offset + 1, 1)]
    return builder.result()


def _parser(text: str) -> Callable[[], object]:
    """A parser's own `get_event` (None after the last event). `yaml.parse` wraps the same
    parser in a generator that also calls `check_event` for every event: a tenth of a load."""
    try:
        from yaml._yaml import CParser  # libyaml, through PyYAML's C extension (first use)
    except ImportError:  # a PyYAML built without libyaml: the same events, slower
        import yaml  # first use, as above

        return yaml.SafeLoader(text).get_event
    return CParser(text).get_event


_HANDLERS: dict[type, Callable[[_Builder, Any], bool]] = {}


def _handlers() -> dict[type, Callable[[_Builder, Any], bool]]:
    """Event class → `_Builder` method, filled on first use."""
    if not _HANDLERS:
        import yaml  # first use: see the module's docstring

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


def _syntax_diag(exc: object, path: str, line_offset: int, text: str) -> Diagnostic:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = (mark.line + 1 + line_offset) if mark else line_offset + 1
    col = (mark.column + 1) if mark else 1
    problem = getattr(exc, "problem", None) or "invalid YAML"
    context = getattr(exc, "context", None)
    if "maximum nesting depth" in str(problem):  # libyaml's own cap, below ours
        return _too_deep(path, line, col)
    unclosed = _unclosed(exc, path, line_offset)
    if unclosed is not None:
        return unclosed
    # The usual hand-editing mistakes, named in plain words at their own line.
    usual = explain(text, line - 1 - line_offset)
    if usual is not None:
        n, c, message, hint = usual
        return diag("IM107", path, n + 1 + line_offset, c + 1, message, hint)
    plain = _PLAIN_PROBLEMS.get(str(problem))
    if plain is not None:
        message = f"YAML could not be read: {plain}"
    else:
        message = f"YAML could not be read: {problem}" + (f" ({context})" if context else "")
    return diag("IM107", path, line, col, message, _syntax_hint(str(problem)))


# libyaml's context for a bracket or quote that never closes; it reports the problem where it
# gave up (often the next line), and the context mark where the bracket or quote opened.
_OPENERS = {
    "while parsing a flow sequence": ("`[`", "`]`"),
    "while parsing a flow mapping": ("`{`", "`}`"),
    "while scanning a quoted scalar": ("quote", "the same quote"),
}


def _unclosed(exc: object, path: str, line_offset: int) -> Diagnostic | None:
    """A bracket or quote that is never closed, reported at the line where it opens."""
    opener = _OPENERS.get(str(getattr(exc, "context", "")))
    mark = getattr(exc, "context_mark", None)
    if opener is None or mark is None:
        return None
    what, closer = opener
    return diag(
        "IM107",
        path,
        mark.line + 1 + line_offset,
        mark.column + 1,
        f"the {what} opened here is never closed",
        f"close it with {closer} on the same line, or quote the whole value",
    )


def _too_deep(path: str, line: int, col: int) -> Diagnostic:
    return diag(
        "IM111",
        path,
        line,
        col,
        "the front matter is nested too deep",
        "records use at most three levels of indentation",
    )


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

    def __init__(self, path: str, line_offset: int, text: str = "") -> None:
        self.path = path
        self.offset = line_offset
        self.stack: list[Mapping | Sequence] = []
        self.pending_key: list[Scalar | None] = []
        self.root: Node | None = None
        self.diags: list[Diagnostic] = []
        self.fatal = False
        # Comments cut plain values short (`hot_thought: I am worthless #always`): only a
        # text with a `#` can have one, so only then are its lines kept to look.
        self.lines = text.split("\n") if "#" in text else None
        self.cuts: dict[tuple[int, int], tuple[int, int, str]] = {}

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

    def scalar(self, event: Any) -> bool:
        if (event.anchor is not None or event.tag is not None) and self.marked(event):
            return True
        mark = event.start_mark
        # The C parser says '' for a plain scalar, the Python one None.
        style = event.style or None
        if style == '"' and not event.value.isprintable() and _ESCAPED.search(event.value):
            return self.stop(self._escaped(event))
        node = Scalar(event.value, style, mark.line + 1 + self.offset, mark.column + 1)
        stack, pending = self.stack, self.pending_key
        if stack and pending[-1] is None and type(stack[-1]) is Mapping:
            pending[-1] = node  # a key, the most common event: no call to `add`
        else:
            if self.lines is not None and style is None:
                self.comment_after(node, event)
            self.add(node)
        return False

    def comment_after(self, node: Scalar, event: Any) -> None:
        """A comment that ends a plain value early: on its last line after ` #`, or on the
        lines below it, indented as its continuation would be."""
        assert self.lines is not None
        end = event.end_mark
        rest = self.lines[end.line][end.column :] if end.line < len(self.lines) else ""
        found = _COMMENT_AFTER.match(rest)
        if found is not None:
            col = end.column + found.start(1) + 1
            self.cuts[(node.line, node.col)] = (end.line + 1 + self.offset, col, found.group(1))
            return
        # An empty value PyYAML makes where a flow mapping breaks off (`{---#c`) may start past
        # the last line: it has no indent to compare, and nothing after it.
        first = event.start_mark.line
        start = self.lines[first] if first < len(self.lines) else ""
        indent = len(start) - len(start.lstrip(" "))
        for n in range(end.line + 1, len(self.lines)):
            line = self.lines[n]
            body = line.lstrip(" ")
            if not body:
                continue
            if body.startswith("#") and len(line) - len(body) > indent:
                where = (n + 1 + self.offset, len(line) - len(body) + 1, body)
                self.cuts[(node.line, node.col)] = where
            return

    def _escaped(self, event: Any) -> Diagnostic:
        bad = _ESCAPED.search(event.value)
        assert bad is not None
        line, col = self.pos(event)
        return diag(
            "IM107",
            self.path,
            line,
            col,
            f"an escape in this quoted value makes an invisible control character "
            f"(U+{ord(bad.group()):04X}), which is not allowed",
            "remove the backslash sequence (such as \\e or \\0), or use single quotes to "
            "keep a backslash as it is",
        )

    def mapping(self, event: Any) -> bool:
        return self.open(event, Mapping({}, *self.pos(event)))

    def sequence(self, event: Any) -> bool:
        return self.open(event, Sequence([], *self.pos(event)))

    def open(self, event: Any, node: Mapping | Sequence) -> bool:
        if (event.anchor is not None or event.tag is not None) and self.marked(event):
            return True
        if len(self.stack) >= MAX_DEPTH:
            return self.stop(_too_deep(self.path, *self.pos(event)))
        self.add(node)
        self.stack.append(node)
        self.pending_key.append(None)
        return False

    def close(self, event: Any) -> bool:
        self.stack.pop()
        self.pending_key.pop()
        return False

    def alias(self, event: Any) -> bool:
        line, col = self.pos(event)
        message = f"`*{event.anchor}` is a YAML alias"
        hint = "write the value out in full; aliases are not allowed in records"
        return self.stop(diag("IM109", self.path, line, col, message, hint))

    def document(self, event: Any) -> bool:
        if self.root is None:
            return False
        line, col = self.pos(event)
        return self.stop(
            diag(
                "IM107",
                self.path,
                line,
                col,
                "a second YAML document starts here",
                "the front matter is one block of `key: value` lines",
            )
        )

    def marked(self, event: Any) -> bool:
        """An anchor (`&a`) or a tag (`!!int`, `!`) on a value: refused. An anchor stops the
        parse (what follows may expand it); after a tag the parse goes on, so that every
        tag in the file is named in one run. True: stop."""
        if event.anchor is not None:
            line, col = self.pos(event)
            message = f"`&{event.anchor}` is a YAML anchor"
            hint = "remove the `&name`; anchors are not allowed in records"
            return self.stop(diag("IM109", self.path, line, col, message, hint))
        import yaml  # loaded already by the parse that gave this event

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
        """Refuse a tag: no tree, but the parse goes on to find the others (up to
        MAX_REFUSALS). True when it should stop."""
        line, col = self.pos(event)
        self.diags.append(diag(code, self.path, line, col, message, hint))
        self.fatal = True
        return len(self.diags) >= MAX_REFUSALS

    def stop(self, problem: Diagnostic) -> bool:
        """A refused construct: no tree, and the parse ends here."""
        self.diags.append(problem)
        self.fatal = True
        return True

    def add(self, node: Node) -> None:
        stack = self.stack
        if not stack:
            self.root = node
            return
        parent = stack[-1]
        if isinstance(parent, Sequence):
            parent.items.append(node)
            return
        key = self.pending_key[-1]
        if key is None:
            self.set_key(node)
            return
        self.pending_key[-1] = None
        if key.text == "\x00invalid":
            return
        entries = parent.entries
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
        if isinstance(self.root, Mapping) and self.cuts:
            self.root.cuts = self.cuts
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
