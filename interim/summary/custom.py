"""The folder's own record types (`types/NAME.yaml`: a clinician's worksheet, an urge log):
each gets a section, after the built-in ones, with a day-by-day series for every numeric
field (as mood) and its entries. Values are shown by their field's kind: numbers, dates,
times, yes/no and listed choices always; text only when the profile allows free text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from interim.domain.model import Value
from interim.summary.data import Data, label
from interim.summary.mood import Series, numeric_series
from interim.summary.profiles import NO_SECTION, SECTION_OF_TYPE
from interim.summary.scope import Scope
from interim.types.language import FieldSpec, RecordType

_ALWAYS = frozenset({"integer", "number", "scale", "minutes", "date", "time", "boolean"})


@dataclass
class CustomEntry(Data):
    date: dt.date | None
    time: dt.time | None
    path: str
    values: dict[str, Value]  # by the field's kind; text None without free text
    body: str | None


@dataclass
class CustomField(Data):
    name: str
    label: str
    description: str
    kind: str
    range: str


@dataclass
class CustomSummary(Data):
    type: str
    description: str
    fields: list[CustomField]  # in the type's order
    n: int
    series: list[Series]
    entries: list[CustomEntry]


def custom_types(types: dict[str, RecordType]) -> list[RecordType]:
    """Dated folder types that are not built-in sections, by name."""
    return sorted(
        (
            t
            for t in types.values()
            if t.source != "built-in"
            and t.dated
            and t.name not in SECTION_OF_TYPE
            and t.name not in NO_SECTION
        ),
        key=lambda t: t.name,
    )


def _value(spec: FieldSpec, value: Value, scope: Scope) -> Value:
    if value is None or spec.kind in _ALWAYS:
        return value
    if spec.kind == "choice" and str(value) in spec.choices:
        return value
    if spec.kind == "list" and spec.items is not None and spec.items.kind in _ALWAYS:
        return value
    if not scope.free_text:
        return None
    return value


def summarise_custom(rtype: RecordType, scope: Scope) -> CustomSummary | None:
    records = scope.in_period(rtype.name)
    if not records:
        return None
    entries = [
        CustomEntry(
            r.date,
            r.time,
            r.path,
            {
                name: _value(spec, r.fields[name], scope)
                for name, spec in rtype.fields.items()
                if name in r.fields
            },
            scope.body(r),
        )
        for r in records
    ]
    fields = [
        CustomField(n, label(n), s.description, s.kind, s.range_text())
        for n, s in rtype.fields.items()
    ]
    return CustomSummary(
        rtype.name, rtype.description, fields, len(records), numeric_series(rtype, scope), entries
    )
