"""The CSV report: the safety notice's rows first, then one row per field of each record in
the period (tidy, long), then the values interim derived from them (issue 13: so the CSV is
of use in a spreadsheet): each night's TIB, TST and SE, each form's total and band, each
measure's change, each homework's expected and done. The first column, `kind`, says which
(interim.render.write.CSV_COLUMNS). Which records, sections and fields is the context's
(trimmed by the profile the way the other formats are); this module turns them into cells."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from interim.render.write import cell, csv_bytes
from interim.summary.context import RecordRow, ReportContext
from interim.summary.course import CourseSummary
from interim.summary.homework import HomeworkRow
from interim.summary.questionnaires import QuestionnaireSummary
from interim.summary.safety import NOT_ANSWERED, SafetyEntry, SafetyNotice
from interim.summary.sleep import SleepSummary

_HOMEWORK = ("unit", "expected", "done", "entry_count", "days_practised", "done_text")


def report_csv(context: ReportContext) -> bytes:
    course = context.section("course")
    rows = course_rows(course) if isinstance(course, CourseSummary) else iter(())
    return csv_bytes(
        [
            *safety_rows(context.safety),
            *record_cells(context.records),
            *derived_rows(context),
            *rows,
        ]
    )


def course_rows(course: CourseSummary) -> Iterator[list[str]]:
    """The course view, after the derived rows, kind `course`: type `course`, id the
    measure's key — each score (`score`, `band`, `session` of its form), then the measure's
    `reading`, `rule` and `flag`; type `course-homework`, id the homework's — per session
    period (`session`, its `start` day), `done`, `expected`, `quality`, `stuck`."""
    for m in course.measures:
        for p in m.points:
            head = ["course", cell(p.date), "", "course", m.key, p.path]
            yield [*head, "score", cell(p.total)]
            if p.band is not None:
                yield [*head, "band", p.band]
            if p.session is not None:
                yield [*head, "session", cell(p.session)]
        for name, text in (("reading", m.reading), ("rule", m.rule), ("flag", m.flag)):
            if text is not None:
                yield ["course", "", "", "course", m.key, "", name, text]
    for h in course.homework:
        head = ["course", cell(h.start), "", "course-homework", h.homework, ""]
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
        head = ["record", cell(r.day), cell(r.time), r.type, r.id, r.path]
        for name, value in r.fields:
            yield [*head, name, cell(value)]


def derived_rows(context: ReportContext) -> Iterator[list[str]]:
    """What interim computed, one value a row: nights, forms, change, homework."""
    sleep, forms = context.section("sleep"), context.section("questionnaires")
    if isinstance(sleep, SleepSummary):
        for n in sleep.nights:
            head = ["night", cell(n.date), "", "sleep", _stem(n.path), n.path]
            for name, value in (("tib", n.tib), ("tst", n.tst), ("se", n.se)):
                yield [*head, name, cell(value)]
            yield [*head, "status", n.status]
    if isinstance(forms, QuestionnaireSummary):
        for q in forms.instruments:
            for a in q.administrations:
                head = ["form", cell(a.date), cell(a.time), a.instrument, _stem(a.path), a.path]
                yield [*head, "total", cell(a.total)]
                yield [*head, "band", cell(a.band)]
            if q.latest is not None and q.change is not None:
                latest = q.latest
                head = ["change", cell(latest.date), "", q.key, "", latest.path]
                yield [*head, "change", cell(q.change)]
                yield [*head, "reliable", cell(q.reliable)]
    for h in context.glance.homework:
        yield from _homework(h)


def _homework(h: HomeworkRow) -> Iterator[list[str]]:
    head = ["homework", cell(h.due), "", "homework", h.id, h.path]
    for name in _HOMEWORK:
        value: Any = getattr(h, name)
        yield [*head, name, cell(value)]


def _stem(path: str) -> str:
    name = path.rsplit("/", 1)[-1]
    return name[:-3] if name.lower().endswith(".md") else name


def safety_rows(safety: SafetyNotice) -> Iterator[list[str]]:
    """The safety notice opens the CSV too, as rows of type `safety-notice` (kind `safety`):
    one per entry (field `<instrument>_item<n>`, such as `phq9_item9`, plus a row `note`
    when the entry has one: a copy left out of the numbers, a future date), then the crisis
    contacts (`crisis_contacts`) and the statement that nobody monitors these files
    (`monitoring`), which go wherever the notice goes."""
    if not safety.show:
        return
    for entry in safety.entries:
        field = f"{entry.instrument}_item{entry.item}"
        yield [*_safety_head(entry), field, entry.answer_text or NOT_ANSWERED]
        if entry.note:
            yield [*_safety_head(entry), "note", entry.note]
    for name, text in (("crisis_contacts", safety.contacts), ("monitoring", safety.monitoring)):
        yield ["safety", "", "", "safety-notice", "", "", name, text]


def _safety_head(entry: SafetyEntry) -> list[str]:
    return ["safety", cell(entry.date), cell(entry.time), "safety-notice", "", entry.path]
