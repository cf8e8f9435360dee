"""The keys every record takes whatever its type (DESIGN §2.1): type data, read by the
checks, the scaffolds, the prompts, `interim types` and the JSON Schemas alike. The values
of all but `type` live on the Record itself, not in its fields (interim.domain.model)."""

from __future__ import annotations

from interim.types.language import FieldSpec

COMMON = {
    "type": FieldSpec(
        "type", "text", "The record's type (mood, sleep, homework...).", required=True
    ),
    "date": FieldSpec("date", "date", "The day of the entry, YYYY-MM-DD."),
    "time": FieldSpec("time", "time", "The time of the entry, HH:MM."),
    "tags": FieldSpec(
        "tags", "list", "Tags, for your own grouping and for homework tracking.", labels=True
    ),
    "private": FieldSpec("private", "boolean", "true: never shown in a report (only counted)."),
    "homework": FieldSpec("homework", "text", "The id of the homework this entry is practice for."),
    "id": FieldSpec("id", "text", "The record's id (defaults to the file name without .md)."),
}
