"""Read a value by its field's kind: the one place where YAML text becomes a number, a date,
a time or a choice. Problems come back as diagnostics, never exceptions.

Because the loader keeps every scalar as written, each kind decides for itself: a numeric
field reads `045` as 45 (never YAML 1.1 octal), a text field keeps "045"; a time field reads
`23:30` as 23:30 (never the sexagesimal 1410); only a yes/no field reads `no` as false.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from interim.diagnostics import Diagnostic, diag, did_you_mean, escape_text
from interim.load.yaml.hints import CURLY_HINT, curly_quoted
from interim.load.yaml.tree import Mapping, Node, Scalar, Sequence
from interim.types.language import NUMERIC, FieldSpec

_INT = re.compile(r"[+-]?\d+\Z")
_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)\Z")
_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})\Z")
_TIME = re.compile(r"(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*([ap]\.?m\.?)?\Z", re.IGNORECASE)
_FREQ = re.compile(r"(\d+)\s*(?:x|times)?\s*(?:/|per |a |each )\s*(day|week)\Z")
_TRUE = frozenset({"true"})
_FALSE = frozenset({"false"})


@dataclass
class Context:
    """What a conversion needs besides the node: where it is, and what the folder knows."""

    path: str
    type_names: frozenset[str] = frozenset()
    instruments: frozenset[str] = frozenset()
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # Plain values a YAML comment cut short (`Mapping.cuts` of the front matter).
    cuts: dict[tuple[int, int], tuple[int, int, str]] = field(default_factory=dict)

    def error(self, code: str, node: Node, message: str, hint: str = "") -> None:
        if isinstance(node, Scalar) and curly_quoted(node.text):
            hint = CURLY_HINT  # the likeliest cause, and invisible to the writer
        self.error_at(code, node.line, node.col, message, hint)

    def error_at(self, code: str, line: int, col: int, message: str, hint: str = "") -> None:
        """For a place that is not a value: a key, or line 1 for a key that is missing."""
        self.diagnostics.append(diag(code, self.path, line, col, message, hint))


_MISSING = object()


def convert(spec: FieldSpec, node: Node, ctx: Context, label: str) -> Any:
    """The value of `node` read as `spec`'s kind, or `_MISSING` when invalid (a diagnostic
    says why). An empty value is None, with an "empty" warning from the caller."""
    scalar = _SCALAR_READERS.get(spec.kind)
    if scalar is None:
        return _NODE_READERS[spec.kind](spec, node, ctx, label)
    expected, read = scalar
    if not isinstance(node, Scalar):
        return _not_scalar(node, ctx, label, expected)
    return read(spec, node, ctx, label)


def is_missing(value: Any) -> bool:
    return value is _MISSING


def _not_scalar(node: Mapping | Sequence, ctx: Context, label: str, expected: str) -> Any:
    found = "a list" if isinstance(node, Sequence) else "a mapping"
    ctx.error(
        "IM204",
        node,
        f"`{label}` must be {expected}; got {found}",
        f"write it on one line: {label.rsplit('.', 1)[-1]}: <{expected}>",
    )
    return _MISSING


def _text(spec: FieldSpec, s: Scalar, ctx: Context, label: str) -> Any:
    if ctx.cuts and (cut := ctx.cuts.get((s.line, s.col))) is not None:
        _cut(spec, s, cut, ctx, label)
    if spec.labels and "," in s.text:
        _several_labels(s, ctx, label)
    return s.text


def _several_labels(s: Scalar, ctx: Context, label: str) -> None:
    """`- sad, tired` in an emotions list is one emotion called "sad, tired" to YAML, counted
    apart from "sad" and "tired". Kept as written (nothing is guessed), with a warning. Only
    fields the type marks `labels: true`: in evidence, a comma is part of a sentence."""
    parts = [p.strip() for p in s.text.split(",") if p.strip()]
    key = label.split("[", 1)[0].rsplit(".", 1)[-1]
    if "." in label:  # a field of an entry (a thought record's emotion): an entry each
        each = " and ".join(f"`{p}`" for p in parts)
        hint = f"one label per entry: give {each} an entry each"
    else:
        hint = (
            f"one label per item: write {key}: [{', '.join(parts)}], or each on its own `- ` line"
        )
    ctx.error("IM224", s, f"`{label}` holds {len(parts)} labels in one: `{_short(s.text)}`", hint)


def _cut(spec: FieldSpec, s: Scalar, cut: tuple[int, int, str], ctx: Context, label: str) -> None:
    """YAML drops `#…` after a space as a comment: `hot_thought: I am worthless #always` is
    stored as "I am worthless". Said at the `#`, unless the comment is the field's own hint
    that `interim new` wrote beside it."""
    line, col, comment = cut
    words = " ".join(comment.lstrip("#").split())
    hints = (spec.hint(), spec.scaffold_hint(), spec.description)
    if words and words in {" ".join(h.split()) for h in hints}:
        return
    ctx.error_at(
        "IM223",
        line,
        col,
        f"text after `#` was dropped as a comment: `{label}` reads `{_short(s.text)}`",
        f"to keep the text, put the whole value in quotes: {label.rsplit('.', 1)[-1]}: "
        f'"{_short(s.text)} {_short(comment)}"',
    )


def _integer(spec: FieldSpec, s: Scalar, ctx: Context, label: str) -> Any:
    text = s.text.strip()
    if _INT.match(text):
        return _in_range(spec, int(text, 10), s, ctx, label)
    if _NUMBER.match(text) and float(text).is_integer():
        return _in_range(spec, int(float(text)), s, ctx, label)
    ctx.error(
        "IM204",
        s,
        f"`{label}` must be a whole number{_range(spec)}; got `{_short(text)}`",
        f"write just the number, for example {label.rsplit('.', 1)[-1]}: {_example(spec)}",
    )
    return _MISSING


def _number(spec: FieldSpec, s: Scalar, ctx: Context, label: str) -> Any:
    text = s.text.strip()
    if _INT.match(text):
        return _in_range(spec, int(text, 10), s, ctx, label)
    if _NUMBER.match(text):
        return _in_range(spec, float(text), s, ctx, label)
    ctx.error(
        "IM204",
        s,
        f"`{label}` must be a number{_range(spec)}; got `{_short(text)}`",
        f"write just the number, with a dot for decimals: {label.rsplit('.', 1)[-1]}: 7.5",
    )
    return _MISSING


def _in_range(spec: FieldSpec, value: float, s: Scalar, ctx: Context, label: str) -> Any:
    low = spec.min if spec.min is not None else (0 if spec.kind == "minutes" else None)
    if (low is not None and value < low) or (spec.max is not None and value > spec.max):
        ctx.error(
            "IM205",
            s,
            f"`{label}` must be {_range_words(spec, low)}; got {s.text.strip()}",
            f"use a number from the range{': ' + spec.range_text() if spec.anchors else ''}",
        )
        return _MISSING
    return value


def _range(spec: FieldSpec) -> str:
    text = spec.range_text()
    return f", {text}" if text else ""


def _range_words(spec: FieldSpec, low: float | None) -> str:
    if low is not None and spec.max is not None:
        return f"{_n(low)}–{_n(spec.max)}"
    return f"at least {_n(low)}" if low is not None else f"at most {_n(spec.max or 0)}"


def _n(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def _example(spec: FieldSpec) -> str:
    if spec.min is not None and spec.max is not None:
        return _n((spec.min + spec.max) // 2)
    return "5"


def _short(text: str) -> str:
    text = escape_text(text)
    return text if len(text) <= 40 else text[:37] + "..."


def _date(spec: FieldSpec, s: Scalar, ctx: Context, label: str) -> Any:
    return parse_date(s, ctx, label)


def parse_date(s: Scalar, ctx: Context, label: str) -> Any:
    m = _DATE.match(s.text.strip())
    if not m:
        ctx.error(
            "IM206",
            s,
            f"`{label}` must be a date written YYYY-MM-DD; got `{_short(s.text)}`",
            f"for example {label}: 2026-11-20",
        )
        return _MISSING
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        ctx.error(
            "IM206",
            s,
            f"`{label}`: {s.text.strip()} is not a real date",
            "check the day and month (a month has 28 to 31 days)",
        )
        return _MISSING


def _time(spec: FieldSpec, s: Scalar, ctx: Context, label: str) -> Any:
    return parse_time(s, ctx, label)


def parse_time(s: Scalar, ctx: Context, label: str) -> Any:
    text = s.text.strip()
    m = _TIME.match(text)
    if not m or (m[2] is None and m[4] is None):
        ctx.error(
            "IM207",
            s,
            f"`{label}` must be a time such as 23:30 or 11:30 pm; got `{_short(text)}`",
            f'write hours and minutes: {label}: "23:30"',
        )
        return _MISSING
    hour, minute, second = int(m[1]), int(m[2] or 0), int(m[3] or 0)
    if m[4]:
        if not 1 <= hour <= 12:
            ctx.error(
                "IM207",
                s,
                f"`{label}`: {text} is not a time (am/pm hours run 1–12)",
                "write 12:30 am for half past midnight, or use 24-hour time: 00:30",
            )
            return _MISSING
        hour = hour % 12 + (12 if m[4][0].lower() == "p" else 0)
    if hour >= 24 or minute >= 60 or second >= 60:
        ctx.error(
            "IM207",
            s,
            f"`{label}`: {text} is not a time of day (24:00 and later are not)",
            "midnight is 00:00; a time after midnight is the next day: 00:30",
        )
        return _MISSING
    return dt.time(hour, minute, second)


def _boolean(spec: FieldSpec, s: Scalar, ctx: Context, label: str) -> Any:
    word = s.text.strip().lower()
    if word in _TRUE or word == "yes":
        return True
    if word in _FALSE or word == "no":
        return False
    ctx.error(
        "IM209",
        s,
        f"`{label}` must be true or false (or yes / no); got `{_short(s.text)}`",
        f"write {label.rsplit('.', 1)[-1]}: true",
    )
    return _MISSING


def normalise(word: str) -> str:
    """Choice matching ignores case and treats spaces, hyphens and underscores alike, and
    takes British -ise/-lling spellings (overgeneralisation, labelling)."""
    w = re.sub(r"[\s_]+", "-", word.strip().lower())
    return w.replace("isation", "ization").replace("lling", "ling")


def _choice(spec: FieldSpec, s: Scalar, ctx: Context, label: str) -> Any:
    word = normalise(s.text)
    for choice in spec.choices:
        if normalise(choice) == word:
            return choice
    hint = did_you_mean(word, spec.choices, "choose one of: " + ", ".join(spec.choices))
    if spec.others == "warn":
        ctx.error(
            "IM217",
            s,
            f"`{_short(s.text)}` in `{label}` is not one of the listed choices;"
            " it is kept as written",
            hint,
        )
        return s.text.strip()
    ctx.error(
        "IM208",
        s,
        f"`{label}` must be one of {', '.join(spec.choices)}; got `{_short(s.text)}`",
        hint,
    )
    return _MISSING


def _list(spec: FieldSpec, node: Node, ctx: Context, label: str) -> Any:
    item_spec = spec.items or FieldSpec(spec.name, "text", spec.description)
    nodes = node.items if isinstance(node, Sequence) else [node]
    if isinstance(node, Mapping):
        ctx.error(
            "IM204",
            node,
            f"`{label}` must be a list; got a mapping",
            "write one item per line starting with `- `, or [a, b] on one line",
        )
        return _MISSING
    if isinstance(node, Scalar) and node.is_null():
        return []
    if isinstance(node, Scalar) and node.plain and "," in node.text:
        _comma_list(node, ctx, label)
    out: list[Any] = []
    for i, item in enumerate(nodes):
        if isinstance(item, Scalar) and item.is_null():
            out.append(None)
            continue
        where = f"{label}[{i + 1}]" if spec.items or spec.labels else label
        value = convert(item_spec, item, ctx, where)
        labelled = spec.labels and not item_spec.labels and item is not node
        if labelled and isinstance(item, Scalar) and "," in item.text:
            _several_labels(item, ctx, where)  # not for IM222's one line, said above
        if value is _MISSING and item_spec.kind in NUMERIC and isinstance(item, Scalar):
            value = item.text.strip()  # kept as written: "not a whole number", not unanswered
        out.append(None if value is _MISSING else value)
    return out


def _comma_list(node: Scalar, ctx: Context, label: str) -> None:
    """`emotions: sad, tired` is one item of text to YAML, so "sad, tired" would be counted
    apart from "sad" and "tired". Kept as written (nothing is guessed), with a warning."""
    parts = ", ".join(p.strip() for p in node.text.split(",") if p.strip())
    ctx.error(
        "IM222",
        node,
        f"`{label}` is one piece of text, not a list: `{_short(node.text)}`",
        f"if these are separate items, write {label}: [{parts}]",
    )


def _record_list(spec: FieldSpec, node: Node, ctx: Context, label: str) -> Any:
    if not isinstance(node, Sequence):
        ctx.error(
            "IM204",
            node,
            f"`{label}` must be a list of entries, each `- name: …`",
            f"see `interim types` for the fields of `{label}`",
        )
        return _MISSING
    rows = []
    for i, item in enumerate(node.items):
        where = f"{label}[{i + 1}]"
        if not isinstance(item, Mapping):
            ctx.error(
                "IM204",
                item,
                f"`{where}` must be an entry with keys, like {{name: sad, before: 70}}",
            )
            continue
        rows.append(read_mapping(spec.fields, item, ctx, where))
    return rows


def read_mapping(
    fields: dict[str, FieldSpec], node: Mapping, ctx: Context, label: str
) -> dict[str, Any]:
    """Read nested fields (a record-list row): unknown keys warn, required keys must be there."""
    row: dict[str, Any] = {}
    for key, entry in node.entries.items():
        sub = fields.get(key)
        if sub is None:
            ctx.error_at(
                "IM203",
                entry.key_line,
                entry.key_col,
                f"`{label}` has no field `{_short(key)}`",
                did_you_mean(key, fields, "fields: " + ", ".join(fields)),
            )
            continue
        value = (
            None
            if isinstance(entry.value, Scalar) and entry.value.is_null()
            else convert(sub, entry.value, ctx, f"{label}.{key}")
        )
        if value is not _MISSING:
            row[key] = value
    for name, sub in fields.items():
        if sub.required and name not in node.entries:
            ctx.error(
                "IM201",
                node,
                f"`{label}` is missing `{name}`",
                f"add `{name}: …` ({sub.description})",
            )
    return row


def _mapping(spec: FieldSpec, node: Node, ctx: Context, label: str) -> Any:
    if not isinstance(node, Mapping):
        ctx.error(
            "IM204",
            node,
            f"`{label}` must be a mapping of `id: value` pairs",
            f"write {label}: {{first-id: 5, second-id: 3}}",
        )
        return _MISSING
    value_spec = spec.values or FieldSpec(spec.name, "text", spec.description)
    out: dict[str, Any] = {}
    for key, entry in node.entries.items():
        if isinstance(entry.value, Scalar) and entry.value.is_null():
            out[key] = None
            continue
        value = convert(value_spec, entry.value, ctx, f"{label}.{key}")
        if value is not _MISSING:
            out[key] = value
    return out


def _frequency(spec: FieldSpec, s: Scalar, ctx: Context, label: str) -> Any:
    text = s.text.strip().lower()
    if text in ("once", "daily", "weekdays"):
        return text
    m = _FREQ.match(text)
    if m and int(m[1]) > 0:
        return f"{int(m[1])}/{m[2]}"
    ctx.error(
        "IM216",
        s,
        f"`{label}` must be once, daily, weekdays, N/week or N/day; got `{_short(text)}`",
        "for three times a week write: frequency: 3/week",
    )
    return _MISSING


def _track(spec: FieldSpec, node: Node, ctx: Context, label: str) -> Any:
    if isinstance(node, Scalar):
        rule = {"type": node.text.strip()}
        type_node: Node = node
    elif isinstance(node, Mapping):
        rule = {
            k: str(e.value.text).strip()
            for k, e in node.entries.items()
            if isinstance(e.value, Scalar)
        }
        bad = [k for k in node.entries if k not in ("type", "tag", "skill")]
        if bad or "type" not in rule:
            ctx.error(
                "IM218",
                node,
                f"`{label}` takes `type` and optionally `tag` and `skill`",
                "write track: {type: practice, skill: worry time}",
            )
            return _MISSING
        type_node = node.entries["type"].value
    else:
        ctx.error(
            "IM218",
            node,
            f"`{label}` must be a type name or {{type, tag, skill}}",
            "write track: sleep",
        )
        return _MISSING
    rule["type"] = rule["type"].lower()  # like `type:`, a type name is case-insensitive
    if ctx.type_names and rule["type"] not in ctx.type_names:
        ctx.error(
            "IM218",
            type_node,
            f"`{label}` names the type `{_short(rule['type'])}`, which does not exist",
            did_you_mean(rule["type"], ctx.type_names, "see `interim types` for the type names"),
        )
        return _MISSING
    return rule


def instrument_key(name: str) -> str:
    """`PHQ-9`, `phq 9` and `phq9` are one instrument."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


def _instrument(spec: FieldSpec, s: Scalar, ctx: Context, label: str) -> Any:
    key = instrument_key(s.text)
    if key in ctx.instruments:
        return key
    ctx.error(
        "IM215",
        s,
        f"`{_short(s.text)}` is not a questionnaire interim knows",
        did_you_mean(key, ctx.instruments, "known: " + ", ".join(sorted(ctx.instruments))),
    )
    return _MISSING


# Kinds read from one scalar: what the value must be (for the message when it is a list or
# a mapping), and the reader, which is given the Scalar.
ScalarReader = Callable[[FieldSpec, Scalar, Context, str], Any]
_SCALAR_READERS: dict[str, tuple[str, ScalarReader]] = {
    "text": ("text", _text),
    "integer": ("a whole number", _integer),
    "number": ("a number", _number),
    "scale": ("a whole number", _integer),
    "minutes": ("a whole number", _integer),
    "date": ("a date", _date),
    "time": ("a time", _time),
    "boolean": ("true or false", _boolean),
    "choice": ("one of the choices", _choice),
    "frequency": ("a frequency", _frequency),
    "instrument": ("an instrument name", _instrument),
}
_NODE_READERS: dict[str, Callable[[FieldSpec, Node, Context, str], Any]] = {
    "list": _list,
    "record list": _record_list,
    "mapping": _mapping,
    "track": _track,
}
