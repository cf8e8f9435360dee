"""The loaded folder: records with their values read by field kind, and the diagnostics.

Value conventions (what `Record.fields` holds, by field kind):
text → str; integer, scale, minutes → int; number → int or float; date → datetime.date;
time → datetime.time; boolean → bool; choice → the choice as defined in the type (lower case);
list → list of str (or of the item kind); record list → list of dict; mapping → dict.
A field written but left empty holds None ("not filled in yet": never averaged). A field that
is absent, or whose value was invalid (an error diagnostic says so), is not in `fields`.
The common keys live in attributes, not in `fields`: date, time, tags, private, id and
homework — a review's `homework:` (the homework it reviews) is `Record.homework` too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from pathlib import Path
from sys import intern as _intern
from typing import TYPE_CHECKING, Any, TypeAlias

from interim.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:  # the model only names them: domain/ imports neither
    from interim.settings import Settings
    from interim.types import RecordType


# What a field holds, by its kind (above): `Record.fields`' values.
Value: TypeAlias = (
    "str | int | float | bool | dt.date | dt.time | list[Value] | dict[str, Value] | None"
)


# Slots: a loaded folder holds one Record per file, and an instance dictionary was a fifth
# of what each record costs (memory per record, issue 12).
@dataclass(slots=True)
class Record:
    path: str  # relative to the folder, with forward slashes
    type: str  # the type's canonical name, e.g. "thought-record"
    id: str  # `id:` or the file name's stem
    date: dt.date | None  # None for a goal (it has `set`) or an invalid date
    time: dt.time | None
    fields: dict[str, Any]
    body: str = ""
    body_line: int = 1
    private: bool = False
    tags: tuple[str, ...] = ()
    homework: str | None = None  # the homework id this entry is practice for
    positions: dict[str, tuple[int, int]] = field(default_factory=dict)  # field → (line, col)
    has_errors: bool = False
    salvaged: bool = False  # read from broken text for the safety notice (interim.load.salvage)
    # Why this record is left out of the numbers (a conflict copy, a repeat of another
    # file): such records live in `Folder.left_out`, where only the safety notice reads them.
    left_out: str | None = None
    digest: bytes = b""  # the file's text, hashed for finding copies (interim.check.duplicates)

    def get(self, name: str, default: Any = None) -> Any:
        return self.fields.get(name, default)

    def __getstate__(self) -> tuple[Any, ...]:
        """Pickled (into the cache, or back from a forked reader) as its values in field
        order: no name is written per record."""
        return tuple(getattr(self, name) for name in _RECORD_FIELDS)

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        """Unpickled: the type's and the fields' names are shared between records, as they
        are in records read afresh. Each record's own copy of `mood`, `date`, … was a third
        of what a loaded folder holds. A state of another shape is refused (the cache then
        reads the file again)."""
        if type(state) is not tuple or len(state) != len(_RECORD_FIELDS):
            raise ValueError("not a record's state")
        for name, value in zip(_RECORD_FIELDS, state, strict=True):
            if name in ("fields", "positions") and type(value) is dict:
                value = {_intern(k) if type(k) is str else k: v for k, v in value.items()}
            elif name == "type" and type(value) is str:
                value = _intern(value)
            object.__setattr__(self, name, value)

    def position(self, name: str) -> tuple[int, int]:
        return self.positions.get(name, (1, 1))


_RECORD_FIELDS = tuple(f.name for f in fields(Record))


@dataclass
class Folder:
    root: Path
    records: list[Record]
    diagnostics: list[Diagnostic]
    files_read: int = 0
    not_records: list[str] = field(default_factory=list)
    # Records read but not counted (conflict copies, copies repeating another file): every
    # summary leaves them out; the safety notice reads them (interim.summary.safety).
    left_out: list[Record] = field(default_factory=list)
    files_cached: int = 0  # of `files_read`, how many results came from the cache
    settings: Settings | None = None  # None: every default
    types: dict[str, RecordType] = field(default_factory=dict)  # by name
    # How many records the folder counts: `len(records)`, unless the load chose only the
    # records a command needs (`interim.folder.Wanted`); then `records` is that choice.
    counted: int | None = None
    # With such a choice: the counted records' files among those with diagnostics (which a
    # count of the files left out must pass over). None: every counted record is in `records`.
    counted_paths: frozenset[str] | None = None
    # The folder state's key and its kept course rows (interim.load.cache.FolderState), when
    # the load came from a cache: a report stores the course it worked out under the key.
    state_key: bytes = b""
    course_kept: dict[str, tuple[tuple[Any, ...], ...]] = field(default_factory=dict)

    @property
    def record_count(self) -> int:
        return len(self.records) if self.counted is None else self.counted

    @property
    def errors(self) -> int:
        return sum(d.severity is Severity.ERROR for d in self.diagnostics)

    @property
    def warnings(self) -> int:
        return sum(d.severity is Severity.WARNING for d in self.diagnostics)

    def of_type(self, name: str) -> list[Record]:
        return [r for r in self.records if r.type == name]
