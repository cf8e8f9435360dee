"""Values written into YAML by `interim new` and `interim init`: quoted and escaped so that
what a person typed reads back exactly (`no: really`, `#1`, `*star` and `045` stay text) and
every value stays on its own line, so a front matter line can never be `---`."""

from __future__ import annotations

import datetime as dt
import decimal
import re
from typing import Any

import yaml

from interim.load.yaml.tree import REFUSED_CHARACTERS

# Characters that must not appear raw in a one-line scalar: line breaks of every kind YAML
# knows (PyYAML also breaks on NEL, LS and PS) and anything it cannot print.
_NEEDS_ESCAPES = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def scalar(text: str) -> str:
    """One string as a one-line YAML scalar: plain when that is safe, otherwise quoted.
    PyYAML's emitter decides the quoting (it knows YAML 1.1's `no`, `23:30`, `045`, `*x`);
    double quotes with escapes when the text holds line breaks or tabs. A control character
    (a stray bell or escape from a paste) is dropped: a record cannot hold one."""
    text = REFUSED_CHARACTERS.sub("", text)
    style = '"' if _NEEDS_ESCAPES.search(text) else None
    out = yaml.safe_dump(
        text, allow_unicode=True, width=float("inf"), default_style=style, explicit_end=False
    )
    if out.endswith("\n...\n"):  # a plain top-level scalar gets a document end marker
        out = out[: -len("\n...\n")]
    return out.rstrip("\n")


def number(value: float) -> str:
    """Positional notation: `1e+20` would not read back as a number."""
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    return format(decimal.Decimal(repr(value)), "f")


def time(value: dt.time) -> str:
    """Quoted, so no YAML 1.1 reader takes `07:30` for a base-60 number."""
    text = value.strftime("%H:%M:%S" if value.second else "%H:%M")
    return f'"{text}"'


def inline(value: Any) -> str:
    """Any value a field can hold, on one line (lists and mappings in flow style)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return number(value)
    if isinstance(value, dt.time):
        return time(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return scalar(value)
    if isinstance(value, dict):
        pairs = (f"{scalar(str(k))}: {inline(v) or 'null'}" for k, v in value.items())
        return "{" + ", ".join(pairs) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(inline(v) or "null" for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} as YAML")


def comment(text: str) -> str:
    """A comment's text on one line (a type's description could hold anything)."""
    return " ".join(_NEEDS_ESCAPES.sub(" ", text).split())
