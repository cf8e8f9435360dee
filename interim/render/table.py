"""The CSV report: the safety notice's rows first, then one row per field of each record in
the period (tidy, long). Which records and fields is the context's (`records`, trimmed by
the profile the way the other formats are); this module turns them into cells."""

from __future__ import annotations

from collections.abc import Iterator

from interim.render.write import cell, csv_bytes
from interim.summary.context import RecordRow, ReportContext
from interim.summary.safety import NOT_ANSWERED, SafetyEntry, SafetyNotice


def report_csv(context: ReportContext) -> bytes:
    return csv_bytes([*safety_rows(context.safety), *record_cells(context.records)])


def record_cells(records: list[RecordRow]) -> Iterator[list[str]]:
    """One row per field of each record, in the context's order; the body is the field
    `body`."""
    for r in records:
        head = [cell(r.day), cell(r.time), r.type, r.id, r.path]
        for name, value in r.fields:
            yield [*head, name, cell(value)]


def safety_rows(safety: SafetyNotice) -> Iterator[list[str]]:
    """The safety notice opens the CSV too, as rows of type `safety-notice`: one per entry
    (field `<instrument>_item<n>`, such as `phq9_item9`, plus a row `note` when the entry
    has one: a copy left out of the numbers, a future date), then the crisis contacts
    (`crisis_contacts`) and the statement that nobody monitors these files (`monitoring`),
    which go wherever the notice goes."""
    if not safety.show:
        return
    for entry in safety.entries:
        field = f"{entry.instrument}_item{entry.item}"
        yield [*_safety_head(entry), field, entry.answer_text or NOT_ANSWERED]
        if entry.note:
            yield [*_safety_head(entry), "note", entry.note]
    for name, text in (("crisis_contacts", safety.contacts), ("monitoring", safety.monitoring)):
        yield ["", "", "safety-notice", "", "", name, text]


def _safety_head(entry: SafetyEntry) -> list[str]:
    return [cell(entry.date), cell(entry.time), "safety-notice", "", entry.path]
