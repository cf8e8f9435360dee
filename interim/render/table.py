"""The CSV report: the safety notice's rows first, then one row per field of each record in
the period (tidy, long), trimmed by the report's profile the way the other formats are."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

from interim.domain.model import Folder, Record
from interim.render.write import csv_bytes, record_rows, safety_rows
from interim.summary.custom import custom_types
from interim.summary.data import day_start_of
from interim.summary.profiles import SECTION_OF_TYPE, Profile, resolve_profile

# Kinds that hold no free text: what a profile without free text still shares.
_NOT_FREE_TEXT = frozenset(
    {"integer", "number", "scale", "minutes", "date", "time", "boolean", "choice", "instrument"}
)
_TITLES = frozenset({("homework", "title"), ("goal", "title")})  # kept as in the report
# The report's numbers for a form (`_scored`): no free text, whatever the profile.
_DERIVED = frozenset({"stated_total", "status", "band", "problem"})
# Types that feed the report without a section of their own (kept whatever the sections).
_NO_SECTION = frozenset({"session", "homework", "review"})


def report_csv(context: dict[str, Any], folder: Folder) -> bytes:
    period = context["period"]
    start = dt.date.fromisoformat(period["start"])
    end = dt.date.fromisoformat(period["end"])
    rows = [*safety_rows(context.get("safety") or {})]
    scored = _administrations(context)
    profile = _profile(context, folder)
    records = [_scored(r, scored) for r in folder.records if _section_shown(r, profile)]
    rows += record_rows(
        records, start, end, _keeper(profile, folder), day_start_of(folder.settings)
    )
    return csv_bytes(rows)


def _administrations(context: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each questionnaire form the report scored, by path (the section's own numbers)."""
    out: dict[str, dict[str, Any]] = {}
    for section in context.get("sections") or []:
        if section.get("id") == "questionnaires":
            for inst in section["data"]["instruments"]:
                out.update((a["path"], a) for a in inst["administrations"])
    return out


def _scored(record: Record, scored: dict[str, dict[str, Any]]) -> Record:
    """A questionnaire with the report's own numbers, so every format shows one total: the
    items' sum as `total` (empty when the form has none), what the file states as
    `stated_total` when it differs, and the form's `status`, `band` and `problem`."""
    form = scored.get(record.path) if record.type == "questionnaire" else None
    if form is None:
        return record
    fields = {k: v for k, v in record.fields.items() if k != "total"}
    fields["total"] = form["total"]
    stated = record.fields.get("total")
    if stated is not None and stated != form["total"]:
        fields["stated_total"] = stated
    fields.update(status=form["status"], band=form["band"], problem=form["problem"])
    return dataclasses.replace(record, fields=fields)


def _profile(context: dict[str, Any], folder: Folder) -> Profile:
    """The report's profile (the context holds its name): its sections and free text."""
    extra = [t.name for t in custom_types(folder.types)]
    return resolve_profile(str(context.get("profile") or "full"), folder.settings, extra)


def _section_shown(record: Record, profile: Profile) -> bool:
    if record.type in _NO_SECTION:
        return True
    return profile.shows(SECTION_OF_TYPE.get(record.type, record.type))


def _keeper(profile: Profile, folder: Folder) -> Callable[[Record, str], bool] | None:
    """None keeps every field; without free text only fields of non-text kinds stay."""
    if profile.free_text:
        return None

    def keep(record: Record, name: str) -> bool:
        if (record.type, name) in _TITLES or (record.type == "questionnaire" and name in _DERIVED):
            return True
        rtype = folder.types.get(record.type)
        spec = rtype.fields.get(name) if rtype is not None else None
        if spec is None:
            return False  # the body, tags, links and unknown fields: text a person wrote
        if spec.kind == "list" and spec.items is not None:
            return spec.items.kind in _NOT_FREE_TEXT
        return spec.kind in _NOT_FREE_TEXT

    return keep
