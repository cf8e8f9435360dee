"""The caseload (issue 15): one row per client, drawn from that client's own report context
(`build_report`), so the page can never disagree with `interim report`; the risk answers of
every client first.

No free text from records reaches the page: a row holds numbers, dates, the display name,
homework titles and interim's own words (a measure's name and band, the reliable-change
verdict). A risk answer that is not a whole number is not quoted: it says to read the
client's report. Paths are left out too (a file name is the client's text).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from interim.domain.model import Folder, Record
from interim.summary.context import ReportContext
from interim.summary.data import Data
from interim.summary.notice_words import EMERGENCY
from interim.summary.questionnaires import InstrumentSummary, QuestionnaireSummary
from interim.summary.safety import (
    FUTURE_NOTE,
    MONITORING,
    NOT_ANSWERED,
    SALVAGED_NOTE,
    SafetyEntry,
)

# What the clinician writes, not the client: not an entry for "days since the last entry".
NOT_ENTRIES = frozenset({"session", "homework", "goal"})
UNQUOTED = "not a whole number: see the client's report"
HEALTH_DATA = (
    "This page holds health data of {n} in one file. Keep it on this computer, outside "
    "every client's folder; do not sync, mail or print it where others can read it."
)
NONE = "No client has a risk answer in their safety window."
NONE_READ = "No other client has a risk answer in their safety window."
UNREAD = (
    "Not read for risk answers: {names}. Their folders could not be read (see their rows): "
    "open them directly before the clinic."
)
HEADING = "Safety: risk answers across the caseload"
SUMMARY = (
    "Each client below answered a risk item (PHQ-9 item 9, and any a measure names) above 0, "
    "or left it unanswered, in their safety window: the same rules as their own report's notice."
)


@dataclass
class RiskRow(Data):
    client: str
    """the client's display name"""
    key: str
    """the client's key (the slug of its row and report)"""
    date: dt.date | None
    time: dt.time | None
    measure: str
    """`"PHQ-9"`"""
    item: int
    label: str
    """`"PHQ-9 item 9"`"""
    answer: int | None
    answer_text: str
    """interim's words for the answer: `"several days"`, `"not answered"`, …"""
    latest: bool
    counted: bool
    """false for a copy left out of the numbers (still listed)"""
    note: str | None = None
    """interim's own words on the form, never a path: `"the file cannot be read in full: fix
    its errors"`, `"dated after the report date: check the year"` (joined by `; `)"""


@dataclass
class HomeworkCount(Data):
    title: str | None
    done: int
    expected: int | None
    unit: str
    """`"days"` or `"entries"`"""
    text: str
    """`"5 of 6 days"`"""


@dataclass
class Score(Data):
    measure: str
    key: str
    date: dt.date | None
    total: int | None
    band: str | None
    change: int | None
    """latest − first"""
    reliable: str | None
    """`"reliable deterioration"`, `"reliable improvement"`, `"no reliable change"`, …"""


@dataclass
class ProblemCounts(Data):
    files_with_errors: int
    left_out: int
    """files left out of every number (conflict copies among them)"""
    conflict_copies: int


@dataclass
class When(Data):
    date: dt.date
    time: dt.time | None


@dataclass
class ClientRow(Data):
    key: str
    name: str
    folder: str
    error: str | None = None
    """why this client's numbers are not shown (its risk answers still are)"""
    notes: list[str] = field(default_factory=list)
    next_session: When | None = None
    last_entry: dt.date | None = None
    days_since_entry: int | None = None
    homework: list[HomeworkCount] = field(default_factory=list)
    scores: list[Score] = field(default_factory=list)
    reliable: str | None = None
    """`"reliable deterioration"` or `"reliable improvement"` over the client's measures"""
    problems: ProblemCounts | None = None
    safety: list[RiskRow] = field(default_factory=list)
    report: str | None = None
    """the client's own report, relative to the page (`--reports`)"""
    risk_read: bool = True
    """false when the folder could not be read for risk answers (it cannot be read, or a bug
    in interim was met): the safety section then says so"""


@dataclass
class SkippedFolder(Data):
    folder: str
    reason: str


@dataclass
class CaseloadSafety(Data):
    show: bool
    entries: list[RiskRow]
    heading: str = HEADING
    summary: str = SUMMARY
    emergency: str = EMERGENCY
    monitoring: str = MONITORING
    none: str = NONE
    """what the section says when it lists nobody"""
    unread: str | None = None
    """the clients whose risk answers could not be read, in a sentence (None: every client's
    were): no page may say "no client has a risk answer" over folders it did not read"""


@dataclass
class CaseloadContext(Data):
    interim: str
    report_date: dt.date
    health_data: str
    safety: CaseloadSafety
    clients: list[ClientRow]
    with_errors: list[str]
    """display names of the clients whose row has an error"""
    skipped: list[SkippedFolder]


def client_row(
    base: ClientRow, context: ReportContext, folder: Folder, *, last: dt.date | None = None
) -> ClientRow:
    """`base` (key, name, folder, notes) filled from the client's own report context.
    `last`: the latest entry's date when the folder's records were not all loaded."""
    q = context.section("questionnaires")
    scores = q.instruments if isinstance(q, QuestionnaireSummary) else []
    entry = latest_entry(folder.records, context.generated_for, last)
    counted = context.problems.not_counted
    nxt = context.period.next_session
    base.next_session = When(nxt.date, nxt.time) if nxt is not None else None
    base.last_entry = entry
    base.days_since_entry = (context.generated_for - entry).days if entry else None
    base.homework = [
        HomeworkCount(h.title, h.done, h.expected, h.unit, h.done_text)
        for h in context.glance.homework
    ]
    base.scores = [_score(i) for i in scores]
    if isinstance(q, QuestionnaireSummary) and q.reliable_deterioration:
        base.reliable = "reliable deterioration"
    elif isinstance(q, QuestionnaireSummary) and q.reliable_improvement:
        base.reliable = "reliable improvement"
    base.problems = ProblemCounts(
        len(context.problems.files_with_errors),
        counted.files,
        sum(r.files for r in counted.reasons if r.reason == "conflict or backup copy"),
    )
    return base


def _score(i: InstrumentSummary) -> Score:
    """The latest scored form of a measure, as the report's key number shows it."""
    latest = i.latest
    if latest is None:
        return Score(i.name, i.key, None, None, None, i.change, i.reliable)
    return Score(i.name, i.key, latest.date, latest.total, latest.band, i.change, i.reliable)


def risk_rows(row: ClientRow, entries: Iterable[SafetyEntry]) -> list[RiskRow]:
    """The client's notice entries as caseload rows: no path, only interim's own words of
    its note, and an answer that is not a whole number described rather than quoted."""
    out = []
    for e in entries:
        text = e.answer_text
        if e.answer is None and text != NOT_ANSWERED:
            text = UNQUOTED
        notes = [n for n in (e.note or "").split("; ") if n in (SALVAGED_NOTE, FUTURE_NOTE)]
        out.append(
            RiskRow(
                row.name,
                row.key,
                e.date,
                e.time,
                e.instrument_name,
                e.item,
                e.label,
                e.answer,
                text,
                e.latest,
                e.counted,
                "; ".join(notes) or None,
            )
        )
    return out


def latest_entry(
    records: Iterable[Record], end: dt.date, known: dt.date | None = None
) -> dt.date | None:
    """The latest day by `end` with an entry of the client's (private ones count: it is a
    date, not their content); sessions, homework and goals are the clinician's."""
    days = [
        r.date
        for r in records
        if r.type not in NOT_ENTRIES and r.date is not None and r.date <= end and not r.left_out
    ]
    if known is not None and known <= end:
        days.append(known)
    return max(days, default=None)


def caseload(
    version: str,
    report_date: dt.date,
    rows: list[ClientRow],
    skipped: list[SkippedFolder],
) -> CaseloadContext:
    """The page: clients with a risk answer first, then by next session (none last), then
    by name; every risk answer of every client in the safety section."""
    _tell_apart(rows)
    ordered = sorted(rows, key=_order)
    entries = [e for r in ordered for e in r.safety]
    people = "1 person" if len(rows) == 1 else f"{len(rows)} people"
    unread = [r for r in ordered if not r.risk_read]
    safety = CaseloadSafety(bool(entries), entries)
    if unread:
        safety.none = NONE_READ
        safety.unread = UNREAD.format(names=", ".join(r.name for r in unread))
    return CaseloadContext(
        interim=version,
        report_date=report_date,
        health_data=HEALTH_DATA.format(n=people),
        safety=safety,
        clients=ordered,
        with_errors=[r.name for r in ordered if r.error],
        skipped=skipped,
    )


def _tell_apart(rows: list[ClientRow]) -> None:
    """Clients who share a display name are shown with their key (`Jo (jo-2)`), on their
    rows and their risk answers alike: two people must never read as one."""
    seen = Counter(r.name for r in rows)
    for r in rows:
        if seen[r.name] > 1:
            r.name = f"{r.name} ({r.key})"
            for e in r.safety:
                e.client = r.name


def _order(row: ClientRow) -> tuple[object, ...]:
    nxt = row.next_session
    return (
        not row.safety,
        nxt is None,
        nxt.date if nxt else dt.date.max,
        (nxt.time if nxt else None) or dt.time.max,
        row.name.casefold(),
        row.key,
    )
