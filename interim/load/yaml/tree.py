"""The tree both YAML loaders build (`events`, and `fast` for the usual simple shape): every
scalar kept as the text the user wrote, with its style and its 1-based position in the file.
Meaning is left to the field's kind (`interim.types.kinds`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TypeAlias

# What no record value may hold, raw or made by an escape (`"\e"`): the characters the YAML
# reader refuses raw — control characters other than tab and line feed, NEL, LS and PS.
REFUSED_CHARACTERS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]"
)


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
    # The root only: plain values a comment cut short, by the value's (line, col), with
    # where the comment starts and its text (interim.load.yaml.events; IM223).
    cuts: dict[tuple[int, int], tuple[int, int, str]] | None = None


@dataclass(slots=True)
class Sequence:
    items: list[Node]
    line: int
    col: int


Node = Scalar | Mapping | Sequence

# What `plain_value` gives: YAML as written, with no kind applied.
Plain: TypeAlias = "str | list[Plain] | dict[str, Plain] | None"

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


def plain_value(node: Node) -> Plain:
    """A node as plain Python data with no kind applied: scalars stay strings (empty → None).
    Used for fields a type does not define, and for display."""
    if isinstance(node, Scalar):
        return None if node.is_null() else node.text
    if isinstance(node, Sequence):
        return [plain_value(item) for item in node.items]
    return {k: plain_value(e.value) for k, e in node.entries.items()}
