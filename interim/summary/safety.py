"""The safety notice: PHQ-9 item 9 (thoughts of being better off dead or of self-harm).

This is the one part of the report nothing may weaken (DESIGN §2.3). It lists:

- every PHQ-9 whose item 9 is above 0 or not answered, dated from the start of the previous
  period through the report date (session days included), and
- the latest PHQ-9 on record up to the report date, if its item 9 is above 0 or not answered,
  however long ago it was —

whatever `--since`, the profile, `private: true`, or errors in the file (incomplete, wrong
total, an item out of range). So it reads *all* records, not the report's shown ones.

Erring on the side of showing: item 9 missing from a too-short list, or an `items` value that
could not be read at all, counts as "not answered"; an answer outside 0–3 is listed as
written; a PHQ-9 whose date cannot be read is listed (its date is unknown, so it cannot be
ruled out); when several PHQ-9s share the latest date, each counts as the latest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from interim.config import Settings
from interim.measures import PHQ9
from interim.model import Record
from interim.summary.data import Data, day_start_of
from interim.summary.period import Period, Span
from interim.summary.scope import record_key

ITEM = "Thoughts that you would be better off dead, or of hurting yourself in some way"
# PHQ-9 answer anchors (Kroenke, Spitzer & Williams 2001).
ANSWERS = {1: "several days", 2: "more than half the days", 3: "nearly every day"}
NOT_ANSWERED = "not answered"
EMERGENCY = "If you are in danger now, call your local emergency number."
MONITORING = (
    "Nobody monitors these files. interim sends nothing to anyone and alerts no one: if you "
    "need help, contact someone directly."
)
SUMMARY = (
    "PHQ-9 item 9 (thoughts of being better off dead or of hurting yourself) was answered "
    "above 0, or not answered, on the questionnaires listed here."
)


@dataclass
class SafetyEntry(Data):
    date: dt.date | None
    time: dt.time | None
    path: str
    answer: int | None  # None: not answered
    answer_text: str  # "several days", "more than half the days", "nearly every day", ...
    latest: bool  # the latest PHQ-9 on record


@dataclass
class SafetyNotice(Data):
    show: bool
    entries: list[SafetyEntry]
    contacts: str  # the configured crisis contacts, or the emergency sentence
    emergency: str
    monitoring: str
    item: str  # the item's wording
    summary: str
    window: Span  # the dates listed whatever their answer's age: previous period start → report
    has_contacts: bool = field(default=False)  # crisis contacts are configured


def item9(record: Record) -> tuple[bool, int | None]:
    """(listed, answer): listed when item 9 is anything but 0."""
    items = record.get("items")
    if not isinstance(items, list) or len(items) < (PHQ9.safety_item or 9):
        return True, None
    answer = items[(PHQ9.safety_item or 9) - 1]
    if answer is None or isinstance(answer, bool) or not isinstance(answer, int):
        return True, None
    return answer != 0, answer


def answer_text(answer: int | None) -> str:
    if answer is None:
        return NOT_ANSWERED
    low, high = PHQ9.item_min, PHQ9.item_max
    return ANSWERS.get(answer, f"answered {answer} (answers run {low}–{high})")


def safety_notice(
    records: Iterable[Record],
    period: Period,
    settings: Settings | None,
    earliest: dt.date | None = None,
) -> SafetyNotice:
    """Built from every record in the folder: private ones and those with errors too.
    `earliest` widens the window back to the default period's previous period, so a short
    `--since` never narrows what the notice lists ("whatever --since")."""
    phq9 = sorted(
        (r for r in records if r.type == "questionnaire" and r.get("instrument") == PHQ9.key),
        key=lambda r: record_key(r, day_start_of(settings)),
    )
    dated = [r.date for r in phq9 if r.date is not None and r.date <= period.end]
    latest_day = max(dated) if dated else None
    start = min(period.previous.start, earliest) if earliest else period.previous.start
    window = Span(start, period.end)
    entries = []
    for r in phq9:
        listed, answer = item9(r)
        is_latest = r.date is not None and r.date == latest_day
        if listed and (r.date is None or r.date in window or is_latest):
            entries.append(
                SafetyEntry(r.date, r.time, r.path, answer, answer_text(answer), is_latest)
            )
    contacts = (settings.crisis_contacts if settings is not None else "").strip()
    return SafetyNotice(
        show=bool(entries),
        entries=entries,
        contacts=contacts or EMERGENCY,
        emergency=EMERGENCY,
        monitoring=MONITORING,
        item=ITEM,
        summary=SUMMARY,
        window=window,
        has_contacts=bool(contacts),
    )
