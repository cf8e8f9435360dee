"""The report context as types: `ReportContext` and the parts that are not one area's
summary (header, glance, calendar, a section, footer). Every report format is drawn from
it; templates and `--format json` get `to_data()`, its plain JSON form (the template API,
docs/template-api.md), and the renderer reads its typed attributes.

Two fields are for the renderer only and never in `to_data()`: `page` (the settings that
shape the page) and `records` (the CSV's rows, already trimmed by the profile), so that
rendering needs the context alone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from interim.domain.model import Value
from interim.summary.activities import ActivitySummary, PracticeSummary
from interim.summary.course import CourseSummary
from interim.summary.custom import CustomSummary
from interim.summary.data import NOT_DATA, Data
from interim.summary.days import CalendarDay
from interim.summary.discuss import DiscussItem
from interim.summary.eating import EatingSummary
from interim.summary.exposure import ExposureSummary
from interim.summary.glance import KeyNumber
from interim.summary.goals import GoalSummary
from interim.summary.homework import HomeworkRow
from interim.summary.journal import CheckinSummary, NoteSummary, ReadingSummary
from interim.summary.mood import MoodSummary
from interim.summary.period import Period
from interim.summary.problems import Problems
from interim.summary.questionnaires import QuestionnaireSummary
from interim.summary.safety import LatestRisk, SafetyNotice
from interim.summary.sleep import SleepSummary
from interim.summary.thoughts import ExperimentSummary, ThoughtSummary

# What one section holds: one area's summary, or a folder type's.
SectionData = (
    QuestionnaireSummary
    | CourseSummary
    | GoalSummary
    | MoodSummary
    | SleepSummary
    | ThoughtSummary
    | ExperimentSummary
    | ExposureSummary
    | ActivitySummary
    | PracticeSummary
    | EatingSummary
    | ReadingSummary
    | CheckinSummary
    | NoteSummary
    | CustomSummary
)


@dataclass
class Header(Data):
    name: str | None


@dataclass
class Glance(Data):
    homework: list[HomeworkRow]
    key_numbers: list[KeyNumber]
    to_discuss: list[DiscussItem]


@dataclass
class Calendar(Data):
    days: list[CalendarDay]
    unit: str = "day"
    """what one entry of `days` covers: `"day"`, or `"week"` / `"month"` for a long period (past
    92 and 731 days); the strip never starts long before the period's first record"""


@dataclass
class Section(Data):
    id: str
    title: str
    data: SectionData


@dataclass
class Footer(Data):
    version: str
    files_read: int
    git_commit: str | None


@dataclass(frozen=True)
class Page:
    """The settings that shape the rendered page (not part of the template API's data)."""

    paper: str = "a4"  # "a4" or "letter"
    efficiency_target: int = 85
    pdf_font: str = ""  # `report.pdf_font` as written: resolved by the PDF renderer


@dataclass(frozen=True)
class RecordRow:
    """One record as the CSV shows it: the day (a goal's is the day it was set), the
    columns, and the fields the profile shares, in the file's order, then the body."""

    day: dt.date | None
    time: dt.time | None
    type: str
    id: str
    path: str
    fields: tuple[tuple[str, Value], ...]


@dataclass
class ReportContext(Data):
    interim: str
    """interim's version, e.g. `"0.1.0"`"""
    generated_for: dt.date
    """the report date (the period's last day)"""
    period: Period
    """the days the report covers"""
    header: Header
    """`{"name": string|null}`: the name or initials from the settings"""
    safety: SafetyNotice
    """the safety notice; **always present**, with `show`"""
    safety_latest: list[LatestRisk]
    """when the notice lists nothing (`safety.show` false): for each measure with risk items, its
    latest form and answer (`{label, instrument_name, answer, date, path, text}`, `text`: `"PHQ-9
    item 9: 0 on 17 Nov, the latest form"`), shown as a neutral line beside where the notice would
    be; empty when the notice shows, and when the latest form is private"""
    glance: Glance
    """"at a glance": homework table, key numbers, to discuss"""
    calendar: Calendar
    """`{"days": [calendar day], "unit": "day"|"week"|"month"}` (see [calendar](#calendar))"""
    sections: list[Section]
    """the sections with data, in report order (see [sections](#sections))"""
    problems: Problems
    """files with errors, skipped files, files that are not records"""
    private_count: int
    """private records the report would otherwise have drawn on: dated in the period, undated, or
    (questionnaires, goals, check-ins, homework, reading) dated by the report date"""
    profile: str
    """the profile used: `"full"`, `"scores-only"` or one of the folder's"""
    free_text: bool
    """whether the profile shows free text"""
    footer: Footer
    """`{"version": string, "files_read": int, "git_commit": string|null}`"""
    page: Page = field(default_factory=Page, metadata=NOT_DATA)
    records: list[RecordRow] = field(default_factory=list, metadata=NOT_DATA)

    def section(self, sid: str) -> SectionData | None:
        """The data of the section `sid`, when the report has it."""
        return next((s.data for s in self.sections if s.id == sid), None)
