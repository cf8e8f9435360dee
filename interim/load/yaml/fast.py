"""A fast path for the front matter most records have: `key: value` lines whose values are
one-line words (plain, or quoted with nothing to escape), flow lists of plain words
(`[sad, tired]`), block lists of such words or of flat `name: value` entries, and flat
mappings one level down. It builds exactly the tree `events.load_yaml` builds from
libyaml's events (the same positions, styles and interned keys) in a third of the time,
because it makes no event objects.

Anything else returns None and goes to the positioned libyaml loader, which is the one that
reports problems: anchors, aliases, tags, escapes, comments after a value, tabs, a `: ` or
`#` inside a plain value, a repeated key, unusual characters, a value continued on the next
line, deeper nesting. Nothing here decides what a value means; it only saves the events.
`tests/test_fastyaml.py` compares the two on every corpus and on generated near-misses.
"""

from __future__ import annotations

import re
import sys

from interim.load.yaml.tree import Entry, Mapping, Node, Scalar, Sequence

# libyaml allows at most 1024 characters before a key's `:`; a longer key goes to it and is
# refused there.
_KEY = re.compile(r"( *)([A-Za-z_][A-Za-z0-9_-]{0,1000}):(?: +(.*))?\Z")
ITEM = re.compile(r"( *)- +(.*)\Z")
_ITEM = ITEM
_FIRST = frozenset("_(./+~$")  # with letters and digits: a plain scalar may start with these
_NOT_IN_FLOW = re.compile(r"[\[\]{}:#'\"]")

Lines = list[str]
Found = tuple["Node | None", int]  # a node (None: leave it to libyaml) and the next line


def fast_mapping(text: str, line_offset: int) -> Mapping | None:
    """The tree of a front matter in the simple shape, or None (use the full loader)."""
    if "\t" in text or "\r" in text:
        return None
    lines = text.split("\n")
    tree, end = _mapping(lines, _next(lines, 0), 0, line_offset, {})
    return tree if isinstance(tree, Mapping) and end == len(lines) else None


def _next(lines: Lines, i: int) -> int:
    """The next line that is not blank or a comment (YAML skips those; a comment with a
    control character is not skipped: libyaml refuses it, and says where; nor is an indented
    one, which may be the continuation of a value that YAML cut short)."""
    while i < len(lines):
        stripped = lines[i].lstrip(" ")
        # An indented comment may cut a value short (IM223): libyaml's loader looks at it.
        if stripped and (
            stripped[0] != "#" or not stripped.isprintable() or len(stripped) != len(lines[i])
        ):
            return i
        i += 1
    return i


def _mapping(lines: Lines, i: int, indent: int, offset: int, entries: dict[str, Entry]) -> Found:
    """`key: value` lines at exactly `indent` spaces from line i, added to `entries` (a
    list item's mapping arrives with its first entry)."""
    while i < len(lines):
        m = _KEY.match(lines[i])
        if m is None or len(m[1]) != indent:
            break
        if m[2] in entries or not lines[i].isprintable():
            return None, i
        number = i + 1 + offset
        value, i = _value(lines, i, m, offset, indent)
        if value is None:
            return None, i
        key = sys.intern(m[2])
        entries[key] = Entry(key, number, indent + 1, value)
        i = _next(lines, i)
    if not entries:
        return None, i
    first = next(iter(entries.values()))
    return Mapping(entries, first.key_line, first.key_col), i


def _value(lines: Lines, i: int, m: re.Match[str], offset: int, indent: int) -> Found:
    """The value of the key line `lines[i]`, and the index of the line after it."""
    number = i + 1 + offset
    text = (m[3] or "").rstrip(" ")
    if text:
        return _inline(text, number, m.start(3) + 1), i + 1
    j = _next(lines, i + 1)
    below = _ITEM.match(lines[j]) if j < len(lines) else None
    deeper = j < len(lines) and len(lines[j]) - len(lines[j].lstrip(" ")) > indent
    if indent == 0 and below is not None:
        return _block(lines, j, offset, len(below[1]))
    if indent == 0 and deeper:
        inner = _KEY.match(lines[j])
        return _mapping(lines, j, len(inner[1]), offset, {}) if inner else (None, j)
    if below is not None or deeper:
        return None, j  # nested deeper than records go: libyaml
    return Scalar("", None, number, m.end(2) + 2), i + 1  # `key:` alone: empty


def inline(text: str, line: int, col: int) -> Node | None:
    """A value on its key's line: a flow list of words, or one scalar (None: libyaml)."""
    return _flow(text, line, col) if text[0] == "[" else scalar(text, line, col)


_inline = inline


def scalar(text: str, line: int, col: int) -> Scalar | None:
    """One line that YAML reads as exactly these characters: plain, or quoted with no
    escapes (no backslash, and no quote of the same kind inside)."""
    first = text[0]
    if first in "\"'":
        inner = text[1:-1]
        if len(text) > 1 and text[-1] == first and first not in inner and "\\" not in inner:
            return Scalar(inner, first, line, col)
        return None
    plain = (
        (first.isalnum() or first in _FIRST)
        and "#" not in text
        and ": " not in text
        and text[-1] != ":"
    )
    return Scalar(text, None, line, col) if plain else None


def _flow(text: str, line: int, col: int) -> Sequence | None:
    """`[a, b c, d]`: plain words only."""
    if text[-1] != "]":
        return None
    inner = text[1:-1]
    items: list[Node] = []
    if inner.strip(" "):
        start = col + 1  # the column just after `[`
        for part in inner.split(","):
            word = part.strip(" ")
            if not word or not (word[0].isalnum() or word[0] in _FIRST):
                return None
            if _NOT_IN_FLOW.search(word):
                return None
            items.append(Scalar(word, None, line, start + len(part) - len(part.lstrip(" "))))
            start += len(part) + 1
    return Sequence(items, line, col)


def _block(lines: Lines, i: int, offset: int, indent: int) -> Found:
    """`- item` lines at exactly `indent` spaces: words, or flat `name: value` entries."""
    items: list[Node] = []
    first = i
    while i < len(lines):
        m = _ITEM.match(lines[i])
        if m is None or len(m[1]) != indent:
            break
        if not lines[i].isprintable():
            return None, i
        item, i = _item(lines, i, m, offset)
        if item is None:
            return None, i
        items.append(item)
        i = _next(lines, i)
    return Sequence(items, first + 1 + offset, indent + 1), i


def _item(lines: Lines, i: int, m: re.Match[str], offset: int) -> Found:
    number, col = i + 1 + offset, m.start(2) + 1
    text = m[2].rstrip(" ")
    entry = _KEY.match(text)
    if entry is None:
        return (scalar(text, number, col) if text else None), i + 1
    value_text = (entry[3] or "").rstrip(" ")
    if not value_text:
        return None, i + 1  # `- name:` with the value below or empty: libyaml
    value = _inline(value_text, number, col + entry.start(3))
    if value is None:
        return None, i + 1
    key = sys.intern(entry[2])
    entries = {key: Entry(key, number, col, value)}
    return _mapping(lines, _next(lines, i + 1), col - 1, offset, entries)
