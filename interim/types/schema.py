"""Compile a record type to JSON Schema (draft 2020-12), for editors (VS Code's YAML
extension, Obsidian plugins) and other tools. interim itself validates with its own compiled
checks (`interim.types.kinds`), which keep exact positions and friendlier messages; a test
checks that both agree on the example folder."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from interim.atomic import save
from interim.domain.measures import Measure
from interim.types.common import COMMON
from interim.types.language import FieldSpec, RecordType

SCHEMA_URI = "https://json-schema.org/draft/2020-12/schema"
_TIME = r"^([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d)?$|^(1[0-2]|0?[1-9])(:[0-5]\d)?\s*[AaPp]\.?[Mm]\.?$"
_FREQ = r"^(once|daily|weekdays|[1-9]\d*/(day|week))$"


def field_schema(spec: FieldSpec) -> dict[str, Any]:
    schema = _kind_schema(spec)
    schema["description"] = spec.hint()
    # An empty value is allowed ("not filled in yet": interim warns, never fails).
    return {"anyOf": [schema, {"type": "null"}], "description": spec.hint()}


def _kind_schema(spec: FieldSpec) -> dict[str, Any]:
    kind = spec.kind
    if kind in ("integer", "scale", "minutes", "number"):
        out: dict[str, Any] = {"type": "number" if kind == "number" else "integer"}
        low = spec.min if spec.min is not None else (0 if kind == "minutes" else None)
        if low is not None:
            out["minimum"] = low
        if spec.max is not None:
            out["maximum"] = spec.max
        return out
    simple: dict[str, dict[str, Any]] = {
        "text": {"type": "string"},
        "date": {"type": "string", "format": "date"},
        "time": {"type": "string", "pattern": _TIME},
        "boolean": {"anyOf": [{"type": "boolean"}, {"enum": ["yes", "no"]}]},
        "frequency": {"type": "string", "pattern": _FREQ},
        "instrument": {"type": "string"},
        "track": {
            "anyOf": [
                {"type": "string"},
                {
                    "type": "object",
                    "required": ["type"],
                    "properties": {k: {"type": "string"} for k in ("type", "tag", "skill")},
                    "additionalProperties": False,
                },
            ]
        },
    }
    if kind in simple:
        return dict(simple[kind])
    if kind == "choice":
        return (
            {"enum": list(spec.choices)}
            if spec.others == "error"
            else {"type": "string", "examples": list(spec.choices)}
        )
    if kind == "list":
        item = spec.items or FieldSpec(spec.name, "text", spec.description)
        return {"type": "array", "items": {"anyOf": [_kind_schema(item), {"type": "null"}]}}
    if kind == "record list":
        return {
            "type": "array",
            "items": _object(spec.fields, [n for n, f in spec.fields.items() if f.required]),
        }
    if kind == "mapping":
        value = spec.values or FieldSpec(spec.name, "text", spec.description)
        return {"type": "object", "additionalProperties": field_schema(value)}
    raise ValueError(f"no JSON Schema for kind {kind}")


def _object(fields: dict[str, FieldSpec], required: list[str]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {n: field_schema(f) for n, f in fields.items()},
        "required": required,
    }


def schemas_text(types: list[RecordType], one: bool) -> str:
    """What `interim schema` prints: one type's schema, or an object of them by name."""
    docs = {t.name: type_schema(t) for t in types}
    return _dumps(docs[types[0].name] if one else docs)


def write_schemas(types: list[RecordType], out: Path) -> list[Path]:
    """Write TYPE.schema.json for each type into `out`; the paths written."""
    return [
        save(out / f"{t.name}.schema.json", (_dumps(type_schema(t)) + "\n").encode("utf-8"))
        for t in types
    ]


def _dumps(doc: Any) -> str:
    return json.dumps(doc, indent=2, ensure_ascii=False)


def type_schema(rtype: RecordType) -> dict[str, Any]:
    fields = {**{k: v for k, v in COMMON.items() if k != "type"}, **rtype.fields}
    required = (
        ["type"]
        + (["date"] if rtype.dated else [])
        + [n for n, f in rtype.fields.items() if f.required]
    )
    schema = _object(fields, required)
    schema["properties"]["type"] = {"const": rtype.name, "description": rtype.description}
    if rtype.measures:
        _measures(schema, rtype.measures)
    return {
        "$schema": SCHEMA_URI,
        "$id": f"interim:type/{rtype.name}/v{rtype.version}",
        "title": f"interim {rtype.name} record",
        "description": rtype.description,
        **schema,
    }


def _measures(schema: dict[str, Any], measures: dict[str, Measure]) -> None:
    """The questionnaire's measures: their names as the instrument's examples, and for each
    one, its number of items and each item's answers (an editor then flags a PHQ-9 with ten
    items or an answer of 4 as `check` would). Names match case- and punctuation-insensitively
    (`PHQ-9` = `phq9`), so each is a pattern."""
    props = schema["properties"]
    props["instrument"]["examples"] = [m.name for m in measures.values()]
    rules = []
    for m in measures.values():
        prefix = [
            {"anyOf": [{"enum": list(m.recorded(q))}, {"type": "null"}], "description": q.text}
            for q in m.questions
        ]
        rules.append(
            {
                "if": {
                    "properties": {
                        "instrument": {"type": "string", "pattern": _name_pattern(m.key)}
                    },
                    "required": ["instrument"],
                },
                "then": {
                    "properties": {
                        "items": {
                            "type": "array",
                            "minItems": m.items,
                            "maxItems": m.items,
                            "prefixItems": prefix,
                            "description": f"{m.name}: {m.items} answers in item order",
                        }
                    }
                },
            }
        )
    schema["allOf"] = rules


def _name_pattern(key: str) -> str:
    """`phq9` → a pattern matching `PHQ-9`, `phq 9`, `Phq_9`: `measure_key`'s rule."""
    sep = "[^A-Za-z0-9]*"
    chars = [f"[{c.upper()}{c}]" if c.isalpha() else c for c in key]
    return f"^{sep}{sep.join(chars)}{sep}$"
