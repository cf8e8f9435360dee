"""The field language: record types as small YAML files, read into `RecordType`.

Built-in types (the *.yaml files beside this module) and the folder's own `types/NAME.yaml`
use the same language, so a clinician's worksheet is a first-class type. A definition is
validated with positions like any record: mistakes in it are IM910 diagnostics.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from interim.diagnostics import Diagnostic, diag, did_you_mean
from interim.load.yaml.tree import Entry, Mapping, Node, Scalar, Sequence, plain_value

if TYPE_CHECKING:
    from interim.domain.measures import Measure

KINDS = (
    "text",
    "integer",
    "number",
    "scale",
    "date",
    "time",
    "minutes",
    "boolean",
    "choice",
    "list",
    "record list",
    "mapping",
    "frequency",
    "track",
    "instrument",
)
NUMERIC = frozenset({"integer", "number", "scale", "minutes"})
REDUCERS = ("mean", "max", "min", "last", "sum")
_FIELD_KEYS = frozenset(
    {
        "kind",
        "description",
        "required",
        "optional",
        "labels",
        "min",
        "max",
        "anchors",
        "better",
        "reduce",
        "choices",
        "others",
        "items",
        "fields",
        "values",
    }
)
_TYPE_KEYS = frozenset({"name", "version", "description", "dated", "identity", "fields"})
# Two files are one entry when they hold the same values of these (each present in both):
# a missing time never matches, so two untimed entries of one day both count.
DEFAULT_IDENTITY = ("date", "time")
_IDENTITY_COMMON = frozenset({"date", "time", "homework"})


@dataclass
class FieldSpec:
    name: str
    kind: str
    description: str = ""
    required: bool = False  # a missing key is an error (IM201)
    # Issue 13: empty is fine and silent (naps, caffeine). Not optional (the default, so a
    # folder's own types keep today's behaviour): needed for the record to count, and an
    # empty value warns "not filled in yet" (IM202).
    optional: bool = False
    # A list of short labels (emotions, thinking traps, tags), or one label: an item holding
    # a comma is several labels in one (IM224), and a prompt splits `sad, tired` in two.
    # Never set on free-text lists (evidence), where a comma is part of a sentence.
    labels: bool = False
    min: float | None = None
    max: float | None = None
    anchors: dict[int, str] = field(default_factory=dict)
    better: str | None = None  # "higher" or "lower": which way change is good news
    reduce: str = "mean"  # how several entries on one day combine
    choices: tuple[str, ...] = ()
    others: str = "error"  # for a choice: "warn" lets other values through with a warning
    items: FieldSpec | None = None  # a list's item kind
    fields: dict[str, FieldSpec] = field(default_factory=dict)  # a record list's fields
    values: FieldSpec | None = None  # a mapping's value kind

    def range_text(self) -> str:
        """`0–10 (0 worst, 10 best)`: shown in every prompt, hint and label."""
        if self.min is None and self.max is None:
            return ""
        lo = "" if self.min is None else _num(self.min)
        hi = "" if self.max is None else _num(self.max)
        text = f"{lo}–{hi}" if lo and hi else (f"≥ {lo}" if lo else f"≤ {hi}")
        if self.anchors:
            text += " (" + ", ".join(f"{k} {v}" for k, v in sorted(self.anchors.items())) + ")"
        return text

    def hint(self) -> str:
        """The one-line description with the range and anchors or choices."""
        extra = self.range_text()
        if self.choices and self.others == "error":
            extra = " | ".join(self.choices)
        return f"{self.description} [{extra}]" if extra else self.description

    def scaffold_hint(self) -> str:
        """The comment `interim new` writes beside the field: the hint, and "(optional)"
        for a field that may stay empty."""
        return self.hint() + (" (optional)" if self.optional else "")


@dataclass
class RecordType:
    name: str
    version: int
    description: str
    fields: dict[str, FieldSpec]
    dated: bool = True
    source: str = "built-in"  # or the folder-relative path of the definition
    identity: tuple[str, ...] = DEFAULT_IDENTITY  # see DEFAULT_IDENTITY
    # The questionnaire type only: the measures its `instrument` may name, the built-in ones
    # and the folder's (interim.types.measures_of); None for every other type.
    measures: dict[str, Measure] | None = None


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def parse_type(
    root: Mapping, path: str, default_name: str
) -> tuple[RecordType | None, list[Diagnostic]]:
    """Read one type definition. Returns None when it is too broken to use."""
    out: list[Diagnostic] = []
    entries = root.entries
    for key, entry in entries.items():
        if key not in _TYPE_KEYS:
            out.append(_unknown(path, entry.key_line, entry.key_col, key, _TYPE_KEYS))
    name = _text(entries.get("name"), default_name)
    version = _text(entries.get("version"), "1")
    if not version.isdigit():
        out.append(_bad(path, entries["version"].value, "`version` must be a whole number"))
        version = "1"
    fields_entry = entries.get("fields")
    if fields_entry is None or not isinstance(fields_entry.value, Mapping):
        line, col = (fields_entry.key_line, fields_entry.key_col) if fields_entry else (1, 1)
        out.append(
            diag(
                "IM910",
                path,
                line,
                col,
                "a type needs `fields:`, a mapping of field names",
                "see `interim types mood` for an example",
            )
        )
        return None, out
    fields = _parse_fields(fields_entry.value, path, out)
    dated = _text(entries.get("dated"), "true").lower() != "false"
    description = _text(entries.get("description"), "")
    identity = _identity(entries.get("identity"), fields, path, out)
    return RecordType(name, int(version), description, fields, dated, path, identity), out


def _identity(
    entry: Entry | None, fields: dict[str, FieldSpec], path: str, out: list[Diagnostic]
) -> tuple[str, ...]:
    """`identity: [date, time]`: the fields that make two files one entry."""
    if entry is None:
        return DEFAULT_IDENTITY
    written = plain_value(entry.value)
    names = [n for n in written if isinstance(n, str)] if isinstance(written, list) else []
    if not names or len(names) != len(written or ()):
        out.append(
            _bad(path, entry.value, "`identity` must be a list of field names: [date, time]")
        )
        return DEFAULT_IDENTITY
    unknown = [n for n in names if n not in fields and n not in _IDENTITY_COMMON]
    if unknown:
        out.append(
            _bad(
                path,
                entry.value,
                f"`identity` names `{unknown[0]}`, which is not a field of this type",
                "use date, time or the type's own fields",
            )
        )
        return DEFAULT_IDENTITY
    return tuple(names)


def _parse_fields(node: Mapping, path: str, out: list[Diagnostic]) -> dict[str, FieldSpec]:
    fields: dict[str, FieldSpec] = {}
    for name, entry in node.entries.items():
        if not isinstance(entry.value, Mapping):
            out.append(
                _bad(path, entry.value, f"field `{name}` needs a mapping with at least `kind:`")
            )
            continue
        spec = _parse_field(name, entry.value, path, out)
        if spec is not None:
            fields[name] = spec
    return fields


def _parse_field(name: str, node: Mapping, path: str, out: list[Diagnostic]) -> FieldSpec | None:
    e = node.entries
    for key, entry in e.items():
        if key not in _FIELD_KEYS:
            out.append(_unknown(path, entry.key_line, entry.key_col, key, _FIELD_KEYS))
    kind = _kind(name, node, path, out)
    if kind is None:
        return None
    spec = FieldSpec(name, kind, _text(e.get("description"), ""))
    spec.required = _text(e.get("required"), "false").lower() == "true"
    spec.optional = _text(e.get("optional"), "false").lower() == "true"
    if spec.required and spec.optional:
        out.append(
            _bad(
                path,
                e["optional"].value,
                f"field `{name}` is both `required` and `optional`",
                "keep `required: true` (the key must be there) or `optional: true` (it may "
                "be left empty), not both",
            )
        )
        spec.optional = False
    spec.labels = _text(e.get("labels"), "false").lower() == "true"
    if spec.labels and kind not in ("list", "text"):
        out.append(
            _bad(
                path,
                e["labels"].value,
                f"`labels` is for a list or a text field; `{name}` is {kind}",
                "remove `labels: true`",
            )
        )
        spec.labels = False
    spec.min = _number(e.get("min"), path, out)
    if kind == "minutes" and spec.min is None:
        spec.min = 0  # minutes are never negative
    spec.max = _number(e.get("max"), path, out)
    spec.better = _choice(e.get("better"), ("higher", "lower"), path, out)
    spec.reduce = _choice(e.get("reduce"), REDUCERS, path, out) or "mean"
    spec.others = _choice(e.get("others"), ("error", "warn"), path, out) or "error"
    if "anchors" in e:
        spec.anchors = _anchors(e["anchors"].value, path, out)
    if "choices" in e:
        choices = plain_value(e["choices"].value)
        spec.choices = tuple(str(c).lower() for c in choices) if isinstance(choices, list) else ()
    _parse_children(spec, e, path, out)
    if kind == "choice" and not spec.choices:
        out.append(
            _bad(
                path,
                node,
                f"choice field `{name}` has no `choices:` list",
                "add `choices: [first, second]`",
            )
        )
    if not spec.description:
        out.append(
            _bad(
                path,
                node,
                f"field `{name}` has no `description:`",
                "every field needs a one-line description: it is shown in prompts and hints",
            )
        )
    return spec


def _kind(name: str, node: Mapping, path: str, out: list[Diagnostic]) -> str | None:
    """The field's `kind:`, or None (with a diagnostic) when it is not one of interim's."""
    kind = _text(node.entries.get("kind"), "")
    if kind in KINDS:
        return kind
    where = node.entries["kind"].value if "kind" in node.entries else node
    out.append(
        _bad(
            path,
            where,
            f"field `{name}` has kind `{kind or '(none)'}`; expected one of interim's kinds",
            did_you_mean(kind, KINDS, "kinds: " + ", ".join(KINDS)),
        )
    )
    return None


def _parse_children(spec: FieldSpec, e: dict[str, Entry], path: str, out: list[Diagnostic]) -> None:
    for key in ("items", "values"):
        entry = e.get(key)
        if entry is not None and isinstance(entry.value, Mapping):
            sub = entry.value
            if "description" not in sub.entries:
                sub.entries["description"] = _synthetic("description", spec.description)
            setattr(spec, key, _parse_field(spec.name, sub, path, out))
    fields = e.get("fields")
    if fields is not None and isinstance(fields.value, Mapping):
        spec.fields = _parse_fields(fields.value, path, out)


def _synthetic(key: str, text: str) -> Entry:
    return Entry(key, 0, 0, Scalar(text, '"', 0, 0))


def _text(entry: Entry | None, default: str) -> str:
    if entry is None:
        return default
    value = entry.value
    return value.text if isinstance(value, Scalar) else default


def _number(entry: Entry | None, path: str, out: list[Diagnostic]) -> float | None:
    if entry is None:
        return None
    text = _text(entry, "")
    try:
        return float(text)
    except ValueError:
        out.append(_bad(path, entry.value, f"expected a number; got `{text}`"))
        return None


def _choice(
    entry: Entry | None, allowed: tuple[str, ...], path: str, out: list[Diagnostic]
) -> str | None:
    if entry is None:
        return None
    text = _text(entry, "").lower()
    if text not in allowed:
        out.append(_bad(path, entry.value, f"expected one of {', '.join(allowed)}; got `{text}`"))
        return None
    return text


def _anchors(node: Node, path: str, out: list[Diagnostic]) -> dict[int, str]:
    if not isinstance(node, Mapping):
        out.append(_bad(path, node, "`anchors` must map numbers to labels: {0: worst, 10: best}"))
        return {}
    anchors = {}
    for key, entry in node.entries.items():
        if not key.lstrip("-").isdigit():
            out.append(
                diag(
                    "IM910",
                    path,
                    entry.key_line,
                    entry.key_col,
                    f"anchor `{key}` must be a whole number",
                    "write {0: worst, 10: best}",
                )
            )
            continue
        anchors[int(key)] = str(plain_value(entry.value) or "")
    return anchors


def _bad(
    path: str,
    node: Node | Sequence,
    message: str,
    hint: str = "see `interim types` for the field language",
) -> Diagnostic:
    return diag("IM910", path, node.line, node.col, message, hint)


def _unknown(path: str, line: int, col: int, key: str, known: frozenset[str]) -> Diagnostic:
    hint = did_you_mean(key, known, "known keys: " + ", ".join(sorted(known)))
    return diag("IM910", path, line, col, f"`{key}` is not part of the field language", hint)
