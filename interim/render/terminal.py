"""`interim summary`: the report's essentials as plain text for a terminal — the safety
notice first, then the period, the homework table, key numbers with sparklines, and what to
discuss. Every line has its control characters escaped (text comes from the user's files)."""

from __future__ import annotations

from collections.abc import Iterator

from interim.diagnostics import escape_text
from interim.render.charts import shorten
from interim.render.filters import date, num, pace, signed, spark
from interim.summary.context import ReportContext
from interim.summary.course import CourseSummary
from interim.summary.discuss import DiscussItem
from interim.summary.glance import KeyNumber
from interim.summary.mood import MoodSummary
from interim.summary.questionnaires import QuestionnaireSummary
from interim.summary.safety import SafetyNotice
from interim.summary.sleep import SleepSummary

RULE = "-" * 72


def summary_lines(context: ReportContext) -> list[str]:
    lines = [*_safety(context.safety), *_header(context)]
    lines += [r.text for r in context.safety_latest] + ([""] if context.safety_latest else [])
    lines += [*_homework(context)]
    lines += [*_key_numbers(context), *_discuss(context.glance.to_discuss)]
    return [escape_text(line) for line in lines]


def _safety(safety: SafetyNotice) -> Iterator[str]:
    if not safety.show:
        return
    yield f"!! SAFETY: {safety.topic} ({safety.about})"
    for e in safety.entries:
        when = date(e.date) if e.date else "date unknown"
        latest = f" (the latest {e.instrument_name})" if e.latest else ""
        note = f" ({e.note})" if e.note else ""
        yield f"   {when}: {e.label} {e.prefix}{e.answer_text}{latest} — {e.path}{note}"
    yield f"   {safety.contacts}"
    yield f"   {safety.monitoring}"
    yield RULE


def _header(context: ReportContext) -> Iterator[str]:
    period, name = context.period, context.header.name
    yield f"Session report{' · ' + name if name else ''} — {period.label}"
    nxt = period.next_session
    if nxt:
        time = f" {nxt.time:%H:%M}" if nxt.time else ""
        yield f"Next session: {date(nxt.date)}{time}"
    private = context.private_count
    if private:
        yield f"{private} private entr{'y' if private == 1 else 'ies'} left out."
    left_out = context.problems.not_counted.text
    if left_out:
        yield f"{left_out} (`interim check` lists them)."
    yield ""


def _homework(context: ReportContext) -> Iterator[str]:
    rows = context.glance.homework
    if not rows:
        return
    yield "Homework                            done             entries pacing      conf status"
    for h in rows:
        conf = "—" if h.confidence is None else f"{h.confidence}/10"
        quality = h.review.quality if h.review else None
        review = "" if quality is None else f" review {quality}/4"
        strip = shorten(pace(h.pacing.strip, h.pacing.active), 11)
        yield (
            f"{shorten(h.title or h.id, 35):<35} {h.done_text:<16} {h.entry_count:>7} "
            f"{strip:<11} {conf:>5} {h.status or '—'}{review}"
        )
    yield ""


def _daily(context: ReportContext, key_id: str) -> str:
    """The day-by-day values behind a key number as a sparkline on the measure's own scale
    (0–10, 0–100, 0–27): a steady 5 of 10 is a middle bar, not the floor (issue 13)."""
    section, _, field = key_id.partition(".")
    mood, sleep = context.section("mood"), context.section("sleep")
    questionnaires = context.section("questionnaires")
    if section == "mood" and isinstance(mood, MoodSummary):
        for s in mood.series:
            if s.field == field:
                return spark([d.value for d in s.daily], s.min, s.max)
    if key_id == "sleep.se" and isinstance(sleep, SleepSummary):
        return spark([d.value for d in sleep.daily_se], 0, 100)
    if section == "questionnaire" and isinstance(questionnaires, QuestionnaireSummary):
        for q in questionnaires.instruments:
            if q.key == field:
                return spark([a.total for a in q.administrations], 0, q.max_total)
    return ""


def _key_numbers(context: ReportContext) -> Iterator[str]:
    numbers = context.glance.key_numbers
    if not numbers:
        return
    yield "Key numbers"
    for k in numbers:
        places = 0 if k.unit == "points" else 1
        value = num(k.value, places) + ("%" if k.unit == "%" and k.value is not None else "")
        band = f" {k.band}" if k.band else ""
        line = f"  {shorten(k.label, 18):<18} {value + band:>14}  {_change(k, places)}"
        yield f"{line}  ({k.n_text})  {_daily(context, k.id)}"
        if k.cutoff_text:
            yield f"{'':<37}{k.cutoff_text}"
        if k.problem:
            yield f"{'':<37}problem: {k.problem}"
    yield ""


def _change(k: KeyNumber, places: int) -> str:
    """`+0.4 better vs previous period`; with nothing to compare, say so rather than print
    a comparison with no number in it."""
    if k.change is None:
        return f"no {k.compared_with} to compare with"
    unit = " pts" if k.unit == "%" else ""
    word = f" {k.direction}" if k.direction else ""
    return f"{signed(k.change, places)}{unit}{word} vs {k.compared_with}"


def _discuss(items: list[DiscussItem]) -> Iterator[str]:
    if not items:
        return
    yield "To discuss"
    for item in items:
        text = f": {item.text}" if item.text else ""
        yield f"  - {item.title}{text}"
        for detail in item.details:
            yield f"      {detail}"


def course_lines(context: ReportContext) -> list[str]:
    """`interim course`: the safety notice first (as in every output), then the course view
    (`interim.summary.course`): each measure's scores by session with its reading and rule,
    the flags with their rules, and homework session by session."""
    course = context.section("course")
    lines = [*_safety(context.safety)]
    if not isinstance(course, CourseSummary):
        lines.append("The course view starts after the second held session.")
        return lines
    lines += [f"Course of treatment up to {date(context.period.end)}", ""]
    if course.headline:
        lines += [course.headline, ""]
    for flag in course.flags:
        lines.append(f"FLAG: {escape_text(flag)}")
    if course.flags:
        lines.append("")
    for m in course.measures:
        lines.append(f"{escape_text(m.name)} (0–{m.max_total})")
        for p in m.points:
            session = f"S{p.session}" if p.session is not None else "before S1"
            when = date(p.date) if p.date else "undated"
            band = f"  {escape_text(p.band)}" if p.band else ""
            lines.append(f"  {when:<16} {session:<9} {p.total:>3}{band}")
        lines.append(f"  {escape_text(m.reading)}.")
        lines.append(f"  Rule: {escape_text(m.rule)}.")
        lines.append("")
    if course.homework:
        lines.append("Homework by session (done in the unit each asks for; quality 0–4)")
        for h in course.homework:
            title = escape_text(h.title or h.homework) + ("" if h.set_here else " (continued)")
            quality = "—" if h.quality is None else str(h.quality)
            stuck = "  stuck" if h.stuck else ""
            lines.append(f"  S{h.session:<3} {h.done_text:>9}  quality {quality}  {title}{stuck}")
    return lines
