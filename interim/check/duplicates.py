"""Two files that hold one entry are counted once (DESIGN §2, issue 9).

Names are only a first signal: sync clients, file managers and people copy files under any
name (`evening.md` may hold the same mood entry as `2026-11-20-mood.md`). So two records are
one entry when

- their text is the same, ignoring line endings and trailing space (`content_digest`), or
- they agree on their type's identifying fields (`RecordType.identity`: date and time by
  default, plus the instrument for a questionnaire, the date alone for a sleep diary), each
  present in both — a missing time never matches, so two untimed entries of a day both count.

The file kept is the one whose name is not a copy's, else the first path in sorted order:
never chosen by file times, which git and sync clients do not keep, so every machine keeps
the same one. The other goes to `Folder.left_out` (the safety notice still reads it) with a
warning naming both files and, where they disagree, both values. If either is private, the
entry kept is private. Linear in the number of records: one dictionary per kind of match.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from collections.abc import Callable
from typing import Any

from interim.diagnostics import Diagnostic, diag, escape_text
from interim.domain.measures import Measure
from interim.domain.model import Record
from interim.types import RecordType, measures_of
from interim.types.language import DEFAULT_IDENTITY

_LINE_END = re.compile(r"[ \t]*(?:\r\n|\r|\n)")
_MAX_DIFFERENCES = 3
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def content_digest(text: str) -> bytes:
    """A file's text with line endings and trailing space ignored, hashed."""
    # Most files have neither CRs nor trailing blanks: three scans in C spare a regex pass.
    plain = "\r" not in text and " \n" not in text and "\t\n" not in text
    normal = (text if plain else _LINE_END.sub("\n", text)).rstrip()
    return hashlib.blake2b(normal.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def drop_duplicates(
    records: list[Record], types: dict[str, RecordType], copies: frozenset[str]
) -> tuple[list[Record], list[Record], list[Diagnostic]]:
    """(kept, left out, warnings). `copies`: paths whose names are a copy's (look-alikes),
    which lose to any other file holding the same entry."""
    kept: set[int] = set()
    left: list[Record] = []
    out: list[Diagnostic] = []
    by_text: dict[bytes, Record] = {}
    by_identity: dict[tuple[Any, ...], Record] = {}
    private: set[int] = set()  # ids of kept records a private copy makes private
    # Files whose names are not a copy's first, each set in path order (`records` is), so
    # the one kept is never chosen by anything but names.
    ordered = (
        [r for r in records if r.path not in copies] + [r for r in records if r.path in copies]
        if copies
        else records
    )
    makers = {name: _key_maker(t.identity) for name, t in types.items()}
    default = _key_maker(DEFAULT_IDENTITY)
    for r in ordered:
        key = makers.get(r.type, default)(r)
        same = by_text.get(r.digest) if r.digest else None
        why = "the same text"
        if same is None and key is not None:
            same = by_identity.get(key)
            why = _fields_words(key) if same is not None else why
        if same is None:
            kept.add(id(r))
            if r.digest:
                by_text.setdefault(r.digest, r)
            if key is not None:
                by_identity.setdefault(key, r)
            continue
        # Copies, never changes: a record may be shared with the cache (interim.folder).
        left.append(dataclasses.replace(r, left_out=f"a repeat of {same.path}: not counted"))
        rtype = types.get(r.type)
        timed = "time" in (rtype.identity if rtype else ("time",))
        out.append(_warning(r, same, why, timed, measures_of(types)))
        if r.private and not same.private:
            private.add(id(same))
    chosen = [
        dataclasses.replace(r, private=True) if id(r) in private else r
        for r in records
        if id(r) in kept
    ]
    return chosen, left, out


# The common keys live on the Record, not in its fields (interim.domain.model).
_COMMON_VALUES = {
    "date": lambda r: r.date,
    "time": lambda r: r.time,
    "homework": lambda r: r.homework,
}


def _key_maker(names: tuple[str, ...]) -> Callable[[Record], tuple[Any, ...] | None]:
    """`_identity` for one type's `names`, with the common shape — date, time and at most
    one field — made without a loop per record: every changed load pays it per record."""
    if names[:2] != ("date", "time") or len(names) > 3 or set(names[2:]) & _COMMON_VALUES.keys():
        return lambda r: _identity(r, names)
    if len(names) == 2:
        return lambda r: (
            None if r.date is None or r.time is None else (r.type, *names, r.date, r.time)
        )
    name = names[2]

    def key(r: Record) -> tuple[Any, ...] | None:
        value = r.fields.get(name)
        if r.date is None or r.time is None or value is None or isinstance(value, list | dict):
            return None
        return (r.type, *names, r.date, r.time, value)

    return key


def _identity(r: Record, names: tuple[str, ...]) -> tuple[Any, ...] | None:
    """The fields `names` (the type's `identity`) that make two files one entry, with the
    type; None when one is missing (such a record is one of a kind)."""
    if names is DEFAULT_IDENTITY or names == DEFAULT_IDENTITY:  # without a call per name
        if r.date is None or r.time is None:
            return None
        return (r.type, *names, r.date, r.time)
    values = []
    for name in names:
        value = _COMMON_VALUES[name](r) if name in _COMMON_VALUES else r.fields.get(name)
        if value is None or isinstance(value, list | dict):
            return None
        values.append(value)
    return (r.type, *names, *values)


def _fields_words(key: tuple[Any, ...]) -> str:
    names = [str(n) for n in key[1 : 1 + (len(key) - 1) // 2]]
    return "the same " + (
        ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]
    )


def _warning(
    dropped: Record, kept: Record, why: str, timed: bool, measures: dict[str, Measure]
) -> Diagnostic:
    entry = _entry_words(kept, measures)
    differences = _differences(kept, dropped)
    message = f"this holds {entry}, as {escape_text(kept.path)} does ({why}): counted once, from {escape_text(kept.path)}"
    if differences:
        message += "; the two versions differ: " + "; ".join(differences)
    if dropped.private and not kept.private:
        message += "; this copy is private, so the entry kept is private too"
    code = "IM302" if kept.type == "sleep" else "IM306"
    other = "give it its own time" if timed else "merge the two files into one"
    hint = (
        f"if it is a copy, keep what you need in {escape_text(kept.path)} and delete this file; "
        f"if it is a separate entry, {other}"
    )
    line, col = dropped.position("date")  # where the entry is dated; 1:1 for a goal
    return diag(code, dropped.path, line, col, message, hint)


def _entry_words(r: Record, measures: dict[str, Measure]) -> str:
    """ "the 20 Nov 21:30 mood entry", "the 17 Nov 2026 PHQ-9"."""
    when = []
    if r.date is not None:
        when.append(f"{r.date.day} {_MONTHS[r.date.month - 1]} {r.date.year}")
    if r.time is not None:
        when.append(r.time.strftime("%H:%M"))
    measure = measures.get(str(r.get("instrument") or ""))
    what = measure.name if r.type == "questionnaire" and measure else r.type
    if r.type == "sleep" and r.date is not None:
        return f"the sleep diary for the night before {when[0]}"
    return f"the {' '.join([*when, what])} entry".replace("  ", " ")


def _differences(kept: Record, dropped: Record) -> list[str]:
    pairs: list[tuple[str, Any, Any]] = [
        ("date", kept.date, dropped.date),
        ("time", kept.time, dropped.time),
    ]
    for name in sorted(set(kept.fields) | set(dropped.fields)):
        pairs.append((name, kept.fields.get(name), dropped.fields.get(name)))
    if kept.body.strip() != dropped.body.strip():
        pairs.append(("the text below the front matter", "", ""))
    out = []
    for name, a, b in pairs:
        if a != b or name.startswith("the text"):
            out.append(_difference(name, a, b))
        if len(out) == _MAX_DIFFERENCES:
            break
    return out


def _difference(name: str, kept: Any, other: Any) -> str:
    if name.startswith("the text"):
        return f"{name} differs"
    return f"`{name}` is {_value(kept)} in the one kept and {_value(other)} here"


def _value(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    text = escape_text(str(value))
    return text if len(text) <= 40 else text[:37] + "..."
