"""The CSV report: the safety notice's rows first, then one row per field of each record in
the period (tidy, long). Which records and fields is the context's (`records`, trimmed by
the profile the way the other formats are); this module turns them into cells."""

from __future__ import annotations

from collections.abc import Iterator

from interim.render.write import cell, csv_bytes
from interim.summary.context import RecordRow, ReportContext
from interim.summary.course import CourseSummary
from interim.summary.safety import NOT_ANSWERED, SafetyEntry, SafetyNotice


def report_csv(context: ReportContext) -> bytes:
    course = context.section("course")
    rows = course_rows(course) if isinstance(course, CourseSummary) else iter(())
    return csv_bytes([*safety_rows(context.safety), *record_cells(context.records), *rows])


def course_rows(course: CourseSummary) -> Iterator[list[str]]:
    """The course view, after the records (DESIGN's tidy rows): type `course`, id the
    measure's key — each score (`score`, `band`, `session` of its form), then the measure's
    `reading`, `rule` and `flag`; type `course-homework`, id the homework's — per session
    period (`session`, its `start` day), `done`, `expected`, `quality`, `stuck`."""
    for m in course.measures:
        for p in m.points:
            head = [cell(p.date), "", "course", m.key, p.path]
            yield [*head, "score", cell(p.total)]
            if p.band is not None:
                yield [*head, "band", p.band]
            if p.session is not None:
                yield [*head, "session", cell(p.session)]
        for name, text in (("reading", m.reading), ("rule", m.rule), ("flag", m.flag)):
            if text is not None:
                yield ["", "", "course", m.key, "", name, text]
    for h in course.homework:
        head = [cell(h.start), "", "course-homework", h.homework, ""]
        yield [*head, "session", cell(h.session)]
        yield [*head, "done", cell(h.done)]
        yield [*head, "expected", cell(h.expected)]
        if h.quality is not None:
            yield [*head, "quality", cell(h.quality)]
        yield [*head, "stuck", cell(h.stuck)]


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
