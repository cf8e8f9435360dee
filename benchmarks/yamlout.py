"""A tiny hand-written YAML emitter for the generator: the style people type by hand.

Times are written unquoted (`bedtime: 23:30`), dates plainly (`date: 2024-03-05`), simple
lists in flow style (`[sad, tired]`), everything else in block style. Strings that plain YAML
would misread (`no`, `12`, text with `: `) are double-quoted.
"""

from __future__ import annotations

import datetime as dt
import re

_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 ,.'()/*-]*|\d{4}-\d\d-\d\d-[a-z][a-z0-9-]*")
_FLOW_ITEM = re.compile(r"[a-z][a-z0-9 -]*")
_YAML_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}
Value = object


class Raw(str):
    """Text written exactly as it is, unquoted: a choice like `no` in a yes/no/partly field."""

    __slots__ = ()


class HM(Raw):
    """A time of day, written unquoted as HH:MM."""

    __slots__ = ()


def hm(minutes: int) -> HM:
    """Minutes after midnight (wrapping past 24 h) as an HH:MM time."""
    minutes %= 1440
    return HM(f"{minutes // 60:02d}:{minutes % 60:02d}")


def scalar(value: Value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, Raw)):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    plain = _PLAIN.fullmatch(text) and text.lower() not in _YAML_WORDS and text[-1] != " "
    if plain:
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _list(key: str, items: list[Value]) -> list[str]:
    if all(isinstance(i, int) for i in items):
        return [f"{key}: [{', '.join(str(i) for i in items)}]"]
    if all(isinstance(i, dict) for i in items):
        lines = [f"{key}:"]
        for item in items:
            assert isinstance(item, dict)
            pairs = [f"{k}: {scalar(v)}" for k, v in item.items()]
            lines.append("  - " + pairs[0])
            lines.extend("    " + p for p in pairs[1:])
        return lines
    words = [str(i) for i in items]
    if all(_FLOW_ITEM.fullmatch(w) for w in words) and sum(map(len, words)) < 60:
        return [f"{key}: [{', '.join(words)}]"]
    return [f"{key}:", *(f"  - {scalar(w)}" for w in words)]


def front_matter(pairs: list[tuple[str, Value]]) -> str:
    """The `---`-fenced front matter for (key, value) pairs, in order."""
    lines = ["---"]
    for key, value in pairs:
        if isinstance(value, list):
            lines.extend(_list(key, value))
        elif isinstance(value, dict):
            lines.append(f"{key}:")
            lines.extend(f"  {k}: {scalar(v)}" for k, v in value.items())
        else:
            lines.append(f"{key}: {scalar(value)}")
    lines.append("---\n")
    return "\n".join(lines)
