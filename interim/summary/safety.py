"""The safety notice: every risk item of every measure (PHQ-9 item 9 today: thoughts of
being better off dead or of self-harm).

This is the one part of the report nothing may weaken (DESIGN §2.3). It lists, for each
measure with risk items, built-in or the folder's own (`interim.types.measures_of`):

- every form whose risk answer is above 0 or not answered, dated from the start of the
  previous period through the report date (session days included),
- the latest form of that measure on record up to the report date, if its risk answer is
  above 0 or not answered, however long ago it was,
- every such form dated after the report date (most likely a typo for the year; it is never
  "the latest form on record"), and every such form whose date cannot be read —

whatever `--since`, the profile, `private: true`, or errors in the file (incomplete, wrong
total, an item out of range). It reads every form the folder holds, the counted records
*and* the ones left out of the numbers (conflict copies, repeated copies: `Folder.left_out`,
each marked in its entry), and the forms salvaged from files whose front matter could not
be read (`interim.load.salvage`). `interim check` turns the same entries into its IM220 lines
(`safety_diagnostics`), so the two can never disagree.

Erring on the side of showing: an answer missing from a short list, or an `items` value that
could not be read, counts as "not answered"; an answer outside the range, a fraction or text
is listed as written; when several forms share the latest date, each counts as the latest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from interim.diagnostics import Diagnostic, diag
from interim.domain.measures import Measure, RiskItem, risk_answer, risk_measures
from interim.domain.model import Folder, Record
from interim.settings import Settings
from interim.summary.data import Data, day_start_of
from interim.summary.notice_words import EMERGENCY, SAFETY_CODE, emergency, phq9_item
from interim.summary.period import Period, Span, resolve_period
from interim.summary.scope import record_key
from interim.types import RecordType, measures_of

NOT_ANSWERED = "not answered"
MONITORING = (
    "Nobody monitors these files. interim sends nothing to anyone and alerts no one: if you "
    "need help, contact someone directly."
)
SUMMARY = (
    "PHQ-9 item 9 (thoughts of being better off dead or of hurting yourself) was answered "
    "above 0, or not answered, on the questionnaires listed here."
)
FUTURE_NOTE = "dated after the report date: check the year"
SALVAGED_NOTE = "the file cannot be read in full: fix its errors"


@dataclass
class SafetyEntry(Data):
    date: dt.date | None
    """`date` is `null` when the file's date cannot be read (listed, since it cannot be ruled out)
    """
    time: dt.time | None
    path: str
    answer: int | None
    """the answer; `null` when not answered (also when the list is too short, or `items` could not
    be read) and when the answer is not a whole number"""
    answer_text: str
    """`"several days"` (1), `"more than half the days"` (2), `"nearly every day"` (3), `"not
    answered"`, `"answered 5 (answers run 0–3)"` for a value out of range, `"answered 1.5 (answers
    are whole numbers 0–3)"`"""
    latest: bool
    """it is (on the day of) the latest form of its measure on record"""
    instrument: str = "phq9"  # the measure's key
    """`"phq9"`, `"PHQ-9"`"""
    instrument_name: str = "PHQ-9"
    item: int = 9
    """the risk item's number, wording, and `"PHQ-9 item 9"`"""
    item_text: str = field(default_factory=lambda: phq9_item().wording)  # its wording
    label: str = "PHQ-9 item 9"
    counted: bool = True
    """false for a form left out of the numbers (a copy)"""
    note: str | None = None
    """why it is listed beyond its answer: `"a Dropbox conflict copy of …: not counted"`, `"a repeat
    of …: not counted"`, `"the file cannot be read in full: fix its errors"`, `"dated after the
    report date: check the year"` (joined by `; `)"""
    prefix: str = ""
    """`"answered: "` before an answer in words, else `""`"""


@dataclass
class SafetyNotice(Data):
    show: bool
    """true when there is at least one entry"""
    entries: list[SafetyEntry]
    """one per form and risk item, by date (undated last), then time"""
    contacts: str
    """the crisis contacts from the settings, or `"If you are in danger now, call your local
    emergency number."`"""
    emergency: str
    """the emergency sentence, always"""
    monitoring: str
    """the plain statement that nobody monitors these files"""
    item: str
    """the wording of PHQ-9 item 9"""
    summary: str
    """one sentence saying what the list is"""
    window: Span  # the dates listed whatever their answer's age: previous period start → report
    """`{start, end, days}`: the dates listed whatever their age"""
    has_contacts: bool = field(default=False)
    """crisis contacts are configured"""
    topic: str = "PHQ-9 item 9"  # the risk items listed ("PHQ-9 item 9, EPDS item 10")
    """`"PHQ-9 item 9"`, what it asks in words, and `"Safety: PHQ-9 item 9"` (each lists every risk
    item in the entries)"""
    about: str = field(default_factory=lambda: phq9_item().short)  # what they ask, in words
    heading: str = "Safety: PHQ-9 item 9"


def answer_text(answer: object, item: RiskItem | None = None) -> str:
    item = item or phq9_item()
    if answer is None:
        return NOT_ANSWERED
    if isinstance(answer, int) and not isinstance(answer, bool) and answer in item.answers:
        return item.answers[answer]
    low, high = min(item.answers, default=0), max(item.answers, default=0)
    if isinstance(answer, int) and not isinstance(answer, bool):
        return f"answered {answer} (answers run 0–{high})"
    return f"answered {answer} (answers are whole numbers {min(low, 0)}–{high})"


def every_form(folder: Folder) -> list[Record]:
    """The counted records and those left out of the numbers: what the notice reads."""
    return [*folder.records, *folder.left_out]


def safety_notice(
    records: Iterable[Record],
    period: Period,
    settings: Settings | None,
    earliest: dt.date | None = None,
    types: dict[str, RecordType] | None = None,
) -> SafetyNotice:
    """Built from every form in the folder: private ones, those with errors, and copies
    left out of the numbers. `earliest` widens the window back to the default period's
    previous period, so a short `--since` never narrows what the notice lists ("whatever
    --since"). `types`: the folder's, whose questionnaire type carries its measures (the
    built-in ones and those in its `types/`): every risk item of every one is read."""
    risky = risk_measures(measures_of(types))
    forms = _risk_forms(records, settings, risky)
    start = min(period.previous.start, earliest) if earliest else period.previous.start
    window = Span(start, period.end)
    entries: list[SafetyEntry] = []
    for key, chosen in forms.items():
        measure = risky[key]
        dated = [r.date for r in chosen if r.date is not None and r.date <= period.end]
        latest_day = max(dated) if dated else None
        for r in chosen:
            entries += _entries(r, measure, window, latest_day)
    entries.sort(key=_entry_order)
    contacts = (settings.crisis_contacts if settings is not None else "").strip()
    return SafetyNotice(
        show=bool(entries),
        entries=entries,
        contacts=contacts or EMERGENCY,
        emergency=EMERGENCY,
        monitoring=MONITORING,
        item=phq9_item().wording,
        summary=_summary(entries),
        window=window,
        has_contacts=bool(contacts),
        topic=_topic(entries),
        about=_about(entries, risky),
        heading="Safety: " + _topic(entries),
    )


def _risk_forms(
    records: Iterable[Record], settings: Settings | None, risky: dict[str, Measure]
) -> dict[str, list[Record]]:
    """Forms of each measure with risk items (by its key), in diary order."""
    out: dict[str, list[Record]] = {}
    for r in records:
        if r.type == "questionnaire":
            key = str(r.get("instrument") or "")
            if key in risky:
                out.setdefault(key, []).append(r)
    start = day_start_of(settings)
    for chosen in out.values():
        chosen.sort(key=lambda r: record_key(r, start))
    return out


def _entries(
    r: Record, measure: Measure, window: Span, latest_day: dt.date | None
) -> list[SafetyEntry]:
    is_latest = r.date is not None and r.date == latest_day
    future = r.date is not None and r.date > window.end
    if not (r.date is None or r.date in window or is_latest or future):
        return []
    out = []
    for item in measure.risk_items:
        listed, answer = risk_answer(item, r.get("items"))
        if not listed:
            continue
        broken = SALVAGED_NOTE if r.salvaged else None
        notes = [n for n in (r.left_out, broken, FUTURE_NOTE if future else None) if n]
        out.append(
            SafetyEntry(
                date=r.date,
                time=r.time,
                path=r.path,
                answer=answer if isinstance(answer, int) and not isinstance(answer, bool) else None,
                answer_text=answer_text(answer, item),
                latest=is_latest,
                instrument=measure.key,
                instrument_name=measure.name,
                item=item.number,
                item_text=item.wording,
                label=f"{measure.name} item {item.number}",
                counted=r.left_out is None,
                note="; ".join(notes) or None,
                prefix="answered: " if answer in item.answers else "",
            )
        )
    return out


def _entry_order(e: SafetyEntry) -> tuple[object, ...]:
    """By date (undated last), then time, instrument, item and path."""
    return (e.date is None, e.date or dt.date.min, e.time or dt.time.min, e.label, e.path)


def _topic(entries: list[SafetyEntry]) -> str:
    return ", ".join(sorted({e.label for e in entries}) or ["PHQ-9 item 9"])


def _about(entries: list[SafetyEntry], risky: dict[str, Measure]) -> str:
    shorts = sorted({_short(e, risky) for e in entries}) or [phq9_item().short]
    return "; ".join(shorts)


def _summary(entries: list[SafetyEntry]) -> str:
    kinds = sorted({(e.label, e.item_text) for e in entries})
    if not kinds or kinds == [("PHQ-9 item 9", phq9_item().wording)]:
        return SUMMARY
    named = "; ".join(f"{label} (“{text}”)" for label, text in kinds)
    return f"{named}: answered above 0, or not answered, on the questionnaires listed here."


# -- the neutral line when nothing is listed (issue 13) -----------------------------------------


@dataclass
class LatestRisk(Data):
    """The latest form holding a risk item, named when the notice lists nothing, so the
    clinician reads an answer rather than an absence. Never in place of the notice."""

    label: str
    """`"PHQ-9 item 9"`"""
    instrument_name: str
    answer: int
    """the answer (0: the notice would list anything else)"""
    date: dt.date
    path: str
    text: str
    """`"PHQ-9 item 9: 0 on 17 Nov, the latest form"` (the year is added when it is not the
    report date's)"""


def latest_risk(
    records: Iterable[Record],
    notice: SafetyNotice,
    end: dt.date,
    types: dict[str, RecordType] | None = None,
) -> list[LatestRisk]:
    """For each measure with risk items (built-in or the folder's: `types`), its latest form
    by `end` when the notice lists nothing: one line each. Empty when the notice shows (it
    says more), and for a measure whose latest form is private (its answer is the notice's
    alone to show)."""
    if notice.show:
        return []
    risky = risk_measures(measures_of(types))
    out = []
    for key, forms in _risk_forms(records, None, risky).items():
        measure = risky[key]
        dated = [r for r in forms if r.date is not None and r.date <= end and r.left_out is None]
        if not dated:
            continue
        day = max(r.date for r in dated if r.date is not None)
        latest = [r for r in dated if r.date == day]
        if any(r.private for r in latest):
            continue
        r = latest[-1]
        for item in measure.risk_items:
            _, answer = risk_answer(item, r.get("items"))
            if not isinstance(answer, int) or isinstance(answer, bool):
                continue  # not answered: the notice lists it
            label = f"{measure.name} item {item.number}"
            when = f"{day.day} {_MONTHS[day.month - 1]}" + (
                f" {day.year}" if day.year != end.year else ""
            )
            text = f"{label}: {answer} on {when}, the latest form"
            out.append(LatestRisk(label, measure.name, answer, day, r.path, text))
    return out


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


# -- the same entries as `interim check` lines ------------------------------------------------


def default_notice(folder: Folder) -> SafetyNotice:
    """The notice of the report `interim report` makes by default (its report date and
    period): what `check` shows as IM220."""
    period = resolve_period(folder.records, settings=folder.settings)
    return safety_notice(every_form(folder), period, folder.settings, types=folder.types)


def safety_diagnostics(folder: Folder) -> list[Diagnostic]:
    """One IM220 notice per entry of the default report's safety notice."""
    by_path = {r.path: r for r in every_form(folder)}
    risky = risk_measures(measures_of(folder.types))
    return [_notice_line(e, by_path.get(e.path), risky) for e in default_notice(folder).entries]


def _notice_line(e: SafetyEntry, record: Record | None, risky: dict[str, Measure]) -> Diagnostic:
    line, col = record.position("items") if record is not None else (1, 1)
    said = "not answered" if e.answer_text == NOT_ANSWERED else f"answered {e.answer_text}"
    if e.answer is not None:
        said = f"answered {e.answer} ({e.answer_text})"
    message = f"{e.label} ({_short(e, risky)}) is {said}: the safety notice lists this form"
    if e.note:
        message += f" ({e.note})"
    return diag(SAFETY_CODE, e.path, line, col, message, f"if you are in danger now, {emergency()}")


def _short(e: SafetyEntry, risky: dict[str, Measure]) -> str:
    measure = risky.get(e.instrument)
    for item in measure.risk_items if measure is not None else ():
        if item.number == e.item:
            return item.short
    return e.item_text
