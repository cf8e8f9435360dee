"""The records the CSV report lists, one `RecordRow` each: those dated in the period (a goal
by the day it was set), never private ones, trimmed by the profile the way the other
formats are — only its sections (sessions, homework and reviews always), and without free
text only the fields of kinds that hold none. A questionnaire carries the report's own
numbers, so every format shows one total.

Ordered by date, time (times before `day_start` last on their day, as in the report), type
and path. Rendering turns the rows into cells (interim.render.table).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from interim.domain.model import Record, Value
from interim.summary.context import RecordRow
from interim.summary.data import time_key
from interim.summary.profiles import SECTION_OF_TYPE, Profile
from interim.summary.questionnaires import Administration, QuestionnaireSummary
from interim.types import RecordType

# Kinds that hold no free text: what a profile without free text still shares.
_NOT_FREE_TEXT = frozenset(
    {"integer", "number", "scale", "minutes", "date", "time", "boolean", "choice", "instrument"}
)
_TITLES = frozenset({("homework", "title"), ("goal", "title")})  # kept as in the report
# The report's numbers for a form (`_scored`): no free text, whatever the profile.
_DERIVED = frozenset({"stated_total", "status", "band", "problem"})
# Types that feed the report without a section of their own (kept whatever the sections).
_NO_SECTION = frozenset({"session", "homework", "review"})
_IN_COLUMNS = frozenset({"date", "time", "id", "private"})  # already columns of every row


def record_rows(
    records: Iterable[Record],
    period_start: dt.date,
    period_end: dt.date,
    profile: Profile,
    types: dict[str, RecordType],
    questionnaires: QuestionnaireSummary | None,
    day_start: dt.time,
) -> list[RecordRow]:
    forms = _forms(questionnaires)
    chosen = [
        r
        for r in records
        if not r.private and _shown(r, profile) and _in(r, period_start, period_end)
    ]
    chosen.sort(key=lambda r: (_day(r) or dt.date.min, time_key(r.time, day_start), r.type, r.path))
    return [_row(r, forms.get(r.path), profile, types) for r in chosen]


def _row(
    r: Record, form: Administration | None, profile: Profile, types: dict[str, RecordType]
) -> RecordRow:
    fields = _scored(r, form) if r.type == "questionnaire" and form is not None else r.fields
    named: list[tuple[str, Value]] = [(k, v) for k, v in fields.items() if k not in _IN_COLUMNS]
    if r.body.strip():
        named.append(("body", r.body.strip()))
    if not profile.free_text:
        named = [(k, v) for k, v in named if _no_free_text(r.type, k, types)]
    return RecordRow(_day(r), r.time, r.type, r.id, r.path, tuple(named))


def _forms(questionnaires: QuestionnaireSummary | None) -> dict[str, Administration]:
    """Each questionnaire form the report scored, by path (the section's own numbers)."""
    out: dict[str, Administration] = {}
    for inst in questionnaires.instruments if questionnaires is not None else ():
        out.update((a.path, a) for a in inst.administrations)
    return out


def _scored(record: Record, form: Administration) -> dict[str, Value]:
    """A questionnaire's fields with the report's own numbers: the items' sum as `total`
    (empty when the form has none), what the file states as `stated_total` when it differs,
    and the form's `status`, `band` and `problem`."""
    fields: dict[str, Value] = {k: v for k, v in record.fields.items() if k != "total"}
    fields["total"] = form.total
    stated = record.fields.get("total")
    if stated is not None and stated != form.total:
        fields["stated_total"] = stated
    fields.update(status=form.status, band=form.band, problem=form.problem)
    return fields


def _shown(record: Record, profile: Profile) -> bool:
    if record.type in _NO_SECTION:
        return True
    return profile.shows(SECTION_OF_TYPE.get(record.type, record.type))


def _no_free_text(type_name: str, name: str, types: dict[str, RecordType]) -> bool:
    """A field a profile without free text still shares: of a kind that holds no text a
    person wrote, a homework's or goal's title, or a questionnaire's derived numbers."""
    if (type_name, name) in _TITLES or (type_name == "questionnaire" and name in _DERIVED):
        return True
    rtype = types.get(type_name)
    spec = rtype.fields.get(name) if rtype is not None else None
    if spec is None:
        return False  # the body, tags, links and unknown fields: text a person wrote
    if spec.kind == "list" and spec.items is not None:
        return spec.items.kind in _NOT_FREE_TEXT
    return spec.kind in _NOT_FREE_TEXT


def _day(record: Record) -> dt.date | None:
    set_day = record.fields.get("set")  # a goal has no `date`: the day it was set stands in
    return record.date or (set_day if isinstance(set_day, dt.date) else None)


def _in(record: Record, start: dt.date, end: dt.date) -> bool:
    day = _day(record)
    return day is not None and start <= day <= end
