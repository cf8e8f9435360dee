"""build_report(): the report's context (`interim.summary.context.ReportContext`), whose
`to_data()` the HTML, Markdown and PDF templates and the JSON output share (the template
API, docs/template-api.md).

The safety notice is built first, from every record in the folder, before and apart from
the profile: no profile, `since` or `private: true` can remove or trim it (DESIGN §2.3).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from interim import __version__
from interim.domain.model import Folder, Record
from interim.settings import Settings
from interim.summary.activities import summarise_activities, summarise_practice
from interim.summary.context import (
    Calendar,
    Footer,
    Glance,
    Header,
    Page,
    ReportContext,
    Section,
    SectionData,
)
from interim.summary.course import course_key, summarise_course
from interim.summary.custom import custom_types, summarise_custom
from interim.summary.data import day_start_of, display_name
from interim.summary.days import calendar, unit_of
from interim.summary.discuss import to_discuss
from interim.summary.eating import summarise_eating
from interim.summary.exposure import summarise_exposure
from interim.summary.glance import KeyNumber, mood_numbers, questionnaire_numbers, sleep_numbers
from interim.summary.goals import summarise_goals
from interim.summary.homework import summarise_homework
from interim.summary.journal import summarise_checkins, summarise_notes, summarise_reading
from interim.summary.mood import MoodSummary, summarise_mood
from interim.summary.period import Period, resolve_period
from interim.summary.problems import problems
from interim.summary.profiles import SECTIONS, resolve_profile
from interim.summary.questionnaires import QuestionnaireSummary, summarise_questionnaires
from interim.summary.records import record_rows
from interim.summary.safety import every_form, latest_risk, safety_notice
from interim.summary.scope import Scope
from interim.summary.sleep import SleepSummary, summarise_sleep
from interim.summary.thoughts import summarise_experiments, summarise_thought_records
from interim.types import builtin_types

Summariser = Callable[[Scope], SectionData | None]
SUMMARISERS: dict[str, Summariser] = {
    "questionnaires": summarise_questionnaires,
    "course": summarise_course,
    "goals": summarise_goals,
    "mood": summarise_mood,
    "sleep": summarise_sleep,
    "thought-records": summarise_thought_records,
    "experiments": summarise_experiments,
    "exposure": summarise_exposure,
    "activities": summarise_activities,
    "practice": summarise_practice,
    "eating": summarise_eating,
    "reading": summarise_reading,
    "checkins": summarise_checkins,
    "notes": summarise_notes,
}
# Types shown over the whole treatment: a private one before the period is still left out.
_WHOLE_TREATMENT = frozenset({"questionnaire", "goal", "checkin", "homework", "reading"})


def build_report(
    folder: Folder,
    period: Period,
    *,
    profile: str | None = "full",
    git_commit: str | None = None,
    rows: bool = True,
) -> ReportContext:
    """The report context. `profile=None` takes the settings' `report.profile`; an unknown
    or invalid profile raises InterimError. `git_commit` goes in the footer (summaries do no
    I/O, so the caller finds it). `rows=False`: no CSV rows (`records`), for a report in
    another format, which never reads them."""
    settings = folder.settings or Settings()
    types = folder.types or builtin_types()
    extra = custom_types(types)
    name = profile if profile is not None else settings.report.profile
    chosen = resolve_profile(name, settings, [t.name for t in extra])
    # All records, before any profile; and never a narrower window than the default period's.
    default = resolve_period(folder.records, until=period.end, settings=settings)
    safety = safety_notice(every_form(folder), period, settings, default.previous.start, types)
    scope = Scope.of(folder.records, period, chosen, settings, types)
    scope.course_rows = folder.course_kept.get(course_key(period.end))
    sections = _sections(scope)
    found = {s.id: s.data for s in sections}
    questionnaires = found.get("questionnaires")
    return ReportContext(
        interim=__version__,
        generated_for=period.end,
        period=period,
        header=Header(display_name(settings.name) or None),
        safety=safety,
        safety_latest=latest_risk(every_form(folder), safety, period.end, types),
        glance=_glance(scope, found),
        calendar=Calendar(calendar(scope), unit_of(scope.days)),
        sections=sections,
        problems=problems(folder, free_text=chosen.free_text),
        private_count=private_count(folder.records, period),
        profile=chosen.name,
        free_text=chosen.free_text,
        footer=Footer(__version__, folder.files_read, git_commit),
        page=Page(
            settings.report.paper, settings.sleep.efficiency_target, settings.report.pdf_font
        ),
        records=record_rows(
            folder.records,
            period.start,
            period.end,
            chosen,
            types,
            questionnaires if isinstance(questionnaires, QuestionnaireSummary) else None,
            day_start_of(settings),
        )
        if rows
        else [],
    )


def _sections(scope: Scope) -> list[Section]:
    """Sections in DESIGN §4.5 order, then the folder's own types by name; a section with no
    data, or one the profile leaves out, is not there at all."""
    out: list[Section] = []
    for sid, title in SECTIONS:
        data = SUMMARISERS[sid](scope) if scope.profile.shows(sid) else None
        if data is not None:
            out.append(Section(sid, title, data))
    for rtype in custom_types(scope.types):
        custom = summarise_custom(rtype, scope) if scope.profile.shows(rtype.name) else None
        if custom is not None:
            out.append(Section(rtype.name, rtype.description or rtype.name, custom))
    return out


def _glance(scope: Scope, found: dict[str, SectionData]) -> Glance:
    homework = summarise_homework(scope)
    return Glance(homework, _key_numbers(found), to_discuss(scope, homework))


def _key_numbers(found: dict[str, SectionData]) -> list[KeyNumber]:
    out: list[KeyNumber] = []
    mood, sleep, questionnaires = found.get("mood"), found.get("sleep"), found.get("questionnaires")
    if isinstance(mood, MoodSummary):
        out += mood_numbers(mood)
    if isinstance(sleep, SleepSummary):
        out += sleep_numbers(sleep)
    if isinstance(questionnaires, QuestionnaireSummary):
        out += questionnaire_numbers(questionnaires)
    return out


def private_count(records: Iterable[Record], period: Period) -> int:
    """Private records this report would otherwise have drawn on: dated in the period,
    undated, or of a type shown over the whole treatment and dated by the report date."""
    return sum(
        r.private
        and (
            r.date is None
            or r.date in period
            or (r.type in _WHOLE_TREATMENT and r.date <= period.end)
        )
        for r in records
    )
