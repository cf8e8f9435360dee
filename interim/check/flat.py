"""The record of a flat, clean front matter, read in one pass (issue 12: a cold check near
the floor). Most record files are `key: value` lines at the left edge — words, numbers,
dates, times, `[a, b]` lists, or a list of words one per line — and hold no mistake. For
those, building the positioned tree (interim.load.yaml) and then walking it
(interim.check.validate) cost two thirds of reading a file.

`flat_record` reads such a front matter's lines straight into the Record, converting the
common kinds inline and every other one through the same `convert` the tree path uses. It
gives up (None) at the first thing it does not read exactly as the tree path would — a
comment, a tab, an indented mapping, a record list, an empty value, an unknown field, a
value that is not valid, a missing required field, any diagnostic at all — and the caller
then takes the tree path, which says what is wrong. So it never decides anything the tree
path would decide otherwise: tests/test_flat.py compares the two on every corpus.
"""

from __future__ import annotations

import datetime as dt
import re
from sys import intern
from typing import Any

from interim.check.validate import make_record
from interim.domain.model import Record
from interim.load.yaml.fast import ITEM, inline, scalar
from interim.load.yaml.tree import Node, Scalar, Sequence
from interim.types.common import COMMON
from interim.types.kinds import Context, convert, is_missing
from interim.types.language import FieldSpec, RecordType

# A key at the left edge, as the fast path reads it (libyaml's 1,024-character key cap).
_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]{0,1000}):(?: +(.*))?\Z")
_INT = re.compile(r"[+-]?\d+\Z")
_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})\Z")
_HHMM = re.compile(r"(\d{1,2}):(\d{2})\Z")
_WHOLE = frozenset({"integer", "scale", "minutes"})
_NO = object()  # "not read inline": `convert` reads it


def flat_record(
    text: str,
    line_offset: int,
    path: str,
    stem: str,
    types: dict[str, RecordType],
    ctx: Context,
) -> Record | None:
    """The Record of this front matter (the text between the `---` lines), or None when
    the tree path must read it. `ctx` is a fresh Context; on None it may hold leftovers."""
    if "#" in text or "\t" in text or "\r" in text:
        return None  # comments (IM223, hints) and tabs are the tree path's
    pairs = _pairs(text.split("\n"), line_offset)
    if pairs is None:
        return None
    rtype = _type_of(pairs, types)
    if rtype is None:
        return None
    fields: dict[str, Any] = {}
    positions: dict[str, tuple[int, int]] = {}
    specs = _specs(rtype)
    for key, value, line, col in pairs:
        spec = specs.get(key)
        if spec is None:
            if key == "type":
                continue
            return None  # an unknown field: IM203 from the tree path
        if isinstance(value, str):
            found = _inline_kind(spec, value) if value else _NO
            if found is _NO:  # not read inline: as the tree path reads it, or give up
                found = _converted(spec, Scalar(value, None, line, col), ctx, key)
            positions[key] = (line, col)
        else:
            found = _converted(spec, value, ctx, key)
            _remember(positions, key, value)
        if found is _NO:
            return None
        fields[key] = found
    if not _has_required(rtype, pairs):
        return None
    record = make_record(rtype, fields, positions, path, stem, ctx)
    return None if ctx.diagnostics else record


# (key, value, line, col): a plain scalar's text as a str (plain scalars are the hot case:
# no Scalar object is made for them), anything else as its node.
Pair = tuple[str, "str | Node", int, int]


def _pairs(lines: list[str], offset: int) -> list[Pair] | None:
    """(key, value, line, col) for each key line, or None for anything but the flat shape."""
    pairs: list[Pair] = []
    seen: set[str] = set()
    i, count = 0, len(lines)
    while i < count:
        line = lines[i]
        m = _KEY.match(line)
        if m is None:
            if line.strip(" "):
                return None
            i += 1
            continue
        key, value = intern(m[1]), m[2]  # one string per field name, shared by every record
        if key in seen or not line.isprintable():
            return None
        seen.add(key)
        number, col = i + 1 + offset, m.start(2) + 1
        i += 1
        if value is not None:
            value = value.rstrip(" ")
        if not value:
            node, i = _words_below(lines, i, offset)
            if node is None:
                return None
            pairs.append((key, node, node.line, node.col))
        elif _plain(value):
            pairs.append((key, value, number, col))
        else:
            found = inline(value, number, col)  # a quoted word or a flow list
            if found is None:
                return None
            pairs.append((key, found, number, col))
    return pairs


def _plain(value: str) -> bool:
    """A plain scalar the fast path would keep as written (no `#` can be in the text)."""
    first = value[0]
    return (first.isalnum() or first in _FIRST) and ": " not in value and value[-1] != ":"


_FIRST = frozenset("_(./+~$")  # as interim.load.yaml.fast: what a plain scalar may start with
_NULLS = frozenset({"~", "null", "Null", "NULL"})
# By type name: (the fields dict it was made from, the merged lookup). Made again when a
# type of that name has other fields (a folder's own types, another folder in `watch`).
_SPECS: dict[str, tuple[dict[str, FieldSpec], dict[str, FieldSpec]]] = {}


def _specs(rtype: RecordType) -> dict[str, FieldSpec]:
    """The type's fields and the common ones (but `type`), by key: made once per type."""
    cached = _SPECS.get(rtype.name)
    if cached is not None and cached[0] is rtype.fields:
        return cached[1]
    merged = {k: v for k, v in COMMON.items() if k != "type"}
    merged.update(rtype.fields)
    _SPECS[rtype.name] = (rtype.fields, merged)
    return merged


def _converted(spec: FieldSpec, node: Node, ctx: Context, key: str) -> Any:
    if type(node) is Scalar and (node.is_null() or not node.text.strip()):
        return _NO  # not filled in yet: IM202
    value = convert(spec, node, ctx, key)
    return _NO if is_missing(value) or ctx.diagnostics else value


def _words_below(lines: list[str], i: int, offset: int) -> tuple[Node | None, int]:
    """A list of words, one `- word` per line, under a key with no value of its own; None
    for an empty value or anything nested."""
    while i < len(lines) and not lines[i].strip(" "):
        i += 1
    first = i
    items: list[Node] = []
    indent = -1
    while i < len(lines):
        m = ITEM.match(lines[i])
        if m is None or (indent >= 0 and len(m[1]) != indent) or not lines[i].isprintable():
            break
        indent = len(m[1])
        word = m[2].rstrip(" ")
        item = scalar(word, i + 1 + offset, m.start(2) + 1) if word else None
        if item is None or ": " in word or word.endswith(":"):
            return None, i
        items.append(item)
        i += 1
        while i < len(lines) and not lines[i].strip(" "):
            i += 1
    if not items or (i < len(lines) and lines[i][:1] == " "):
        return None, i  # empty, or something indented the list does not explain
    return Sequence(items, first + 1 + offset, indent + 1), i


def _type_of(pairs: list[Pair], types: dict[str, RecordType]) -> RecordType | None:
    value = next((v for key, v, _, _ in pairs if key == "type"), None)
    if type(value) is Scalar:
        value = value.text
    if type(value) is not str or value in _NULLS:
        return None
    return types.get(value.strip().lower())


def _inline_kind(spec: FieldSpec, text: str) -> Any:
    """A plain scalar of the kinds most fields have, read as interim.types.kinds reads
    them; _NO for anything else (an empty word, YAML's nulls, other kinds)."""
    if text in _NULLS:
        return _NO
    kind = spec.kind
    if kind == "text":
        return _NO if spec.labels and "," in text else text  # IM224 is the tree path's
    if kind in _WHOLE:
        if not _INT.match(text):
            return _NO
        value = int(text, 10)
        low = spec.min if spec.min is not None else (0 if kind == "minutes" else None)
        inside = (low is None or value >= low) and (spec.max is None or value <= spec.max)
        return value if inside else _NO
    if kind == "date":
        m = _DATE.match(text)
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])) if m else _NO
        except ValueError:
            return _NO
    if kind == "time":
        m = _HHMM.match(text)
        if m is None or int(m[1]) >= 24 or int(m[2]) >= 60:
            return _NO
        return dt.time(int(m[1]), int(m[2]))
    if kind == "boolean":
        word = text.lower()
        return True if word in ("true", "yes") else False if word in ("false", "no") else _NO
    return _NO


def _remember(positions: dict[str, tuple[int, int]], key: str, node: Node) -> None:
    """Where the value is, and each list item (as interim.check.validate keeps them)."""
    positions[key] = (node.line, node.col)
    if type(node) is Sequence:
        for i, item in enumerate(node.items):
            positions[f"{key}[{i + 1}]"] = (item.line, item.col)


def _has_required(rtype: RecordType, pairs: list[Pair]) -> bool:
    present = {key for key, _, _, _ in pairs}
    if rtype.dated and "date" not in present:
        return False
    return all(name in present for name, spec in rtype.fields.items() if spec.required)
