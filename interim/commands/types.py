"""Plain-text descriptions of record types for `interim types`."""

from __future__ import annotations

from interim.types.common import COMMON
from interim.types.language import FieldSpec, RecordType


def list_types(types: dict[str, RecordType]) -> str:
    width = max(len(name) for name in types)
    lines = [
        f"{name:<{width}}  {t.description}" + ("" if t.source == "built-in" else f"  ({t.source})")
        for name, t in sorted(types.items())
    ]
    lines.append("")
    lines.append("`interim types TYPE` describes a type's fields.")
    return "\n".join(lines)


def describe_type(rtype: RecordType) -> str:
    lines = [f"{rtype.name} (version {rtype.version}): {rtype.description}", ""]
    for name, spec in rtype.fields.items():
        lines += _field_lines(name, spec, "  ")
    lines.append("")
    common = [n for n in COMMON if n != "type"]
    needs = "date is required" if rtype.dated else "no date"
    lines.append(f"Every record also takes: type, {', '.join(common)} ({needs}).")
    lines.append(
        "Required: the key must be there. Optional: fine left empty. Any other field left "
        "empty is 'not filled in yet' (a warning)."
    )
    lines.append(
        f"Two files with the same {' and '.join(rtype.identity)} are one entry, counted once."
    )
    return "\n".join(lines)


def _field_lines(name: str, spec: FieldSpec, indent: str) -> list[str]:
    kind = spec.kind
    if spec.items is not None:
        kind = f"list of {spec.items.kind}"
    flag = ", required" if spec.required else ", optional" if spec.optional else ""
    lines = [f"{indent}{name} ({kind}{flag}): {spec.hint()}"]
    if spec.items is not None and spec.items.choices:
        lines.append(f"{indent}    choices: {', '.join(spec.items.choices)}")
    for sub_name, sub in spec.fields.items():
        lines += _field_lines(sub_name, sub, indent + "    ")
    return lines
