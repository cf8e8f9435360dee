"""The course of treatment at a glance: every score of every measure since the first record,
with its bands and the sessions marked; the change from the first score by the measure's
reliable-change rule; homework session by session; and a flag, with its rule written out,
when a measure reliably deteriorates from the first score or has not reliably improved
after the number of sessions the settings give (`course.review_after`).

Descriptive words only, nothing is a diagnosis: "reliable improvement from 16 to 9 since Tue
7 Oct" states the rule it rests on. The headline keeps DESIGN §2.3's paired PHQ-9/GAD-7 rule
(`interim.summary.questionnaires`); every other measure gets its own line. A measure with no
published reliable-change threshold gets its change in points and no verdict.

Homework per session period: each held session opens a period that runs to the next held
session (or the report date); the homework set at that session is counted over its active
days in that period with the homework section's own arithmetic (`interim.summary.homework`:
`expected`, `done_entries`), quality is the client's review (0–4), and stuck is the
homework's status.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from interim.domain.measures import Measure
from interim.domain.model import Record
from interim.summary.data import Data, day_text, weekday
from interim.summary.homework import (
    _rule,
    count_text,
    done_count,
    done_entries,
    expected,
    unit,
)
from interim.summary.questionnaires import PAIRED, administration
from interim.summary.scope import Scope
from interim.types import measures_of

_ONE_DAY = dt.timedelta(days=1)


@dataclass
class CoursePoint(Data):
    date: dt.date | None
    total: int
    band: str | None
    session: int | None
    """the number of the last held session on or before the form's day (`null` before the first)"""
    path: str


@dataclass
class CourseMeasure(Data):
    key: str
    """`"phq9"`, `"PHQ-9"`, `"Patient Health Questionnaire (depression)"`"""
    name: str
    title: str
    max_total: int
    """the top score"""
    cutoff: int | None
    """the caseness cut-off (`null` when none is published)"""
    bands: list[dict[str, object]]
    """`[{low, high, label}]`; empty when none are published"""
    points: list[CoursePoint]
    """every scored form up to the report date, oldest first: `[{date, total, band, session, path}]`"""
    change: int | None
    """latest − first (`null` with fewer than two scored forms)"""
    reliable_change: int | None
    """the measure's threshold; `null` when none is published"""
    verdict: str | None
    """`"reliable improvement"`, `"reliable deterioration"`, `"no reliable change"`, or `null`
    (fewer than two scores, or no published threshold)"""
    rule: str
    """the rule the reading rests on, in words: `"a change of 6 or more points is reliable (NHS
    Talking Therapies manual (2024), after Richards & Borglin (2011))"`"""
    reading: str
    """one line that states its rule: `"PHQ-9: reliable improvement from 16 to 9 since Wed 7 Oct
    2026 (a change of 6 or more is reliable)"`"""
    flag: str | None
    """`"reliable deterioration from the first score"` or `"no reliable improvement after 6
    sessions"`, with `flag_rule`; `null` when neither holds"""
    flag_rule: str | None


@dataclass
class CourseSession(Data):
    date: dt.date
    number: int | None


@dataclass
class HomeworkPeriod(Data):
    session: int
    """the held session that opens the period (its number; its place in order when it has none)"""
    start: dt.date
    """the period: from the session's day to the day before the next held session (or the
    report date)"""
    end: dt.date
    homework: str
    """its id, and its title"""
    title: str | None
    set_here: bool
    """it was set at this session (else it carries on from an earlier one)"""
    expected: int | None
    """expected over its active days in the period, in `unit` (`null`: the frequency could not
    be read)"""
    done: int
    """done in the period, in `unit`: the homework section's rule (days with an entry for a
    task counted in days, entries otherwise)"""
    unit: str
    """`"days"` (`daily`, `weekdays`, `N/day`) or `"entries"` (`N/week`, `once`)"""
    entry_count: int
    """entries that count as doing it in the period"""
    done_text: str
    """`"5 of 6 days"`, `"2 of 2 entries"`"""
    quality: int | None
    """the client's review of it, 0–4 (`null`: no review)"""
    stuck: bool
    """its status is `stuck` (shown in the last period it runs in)"""


@dataclass
class CourseSummary(Data):
    measures: list[CourseMeasure]
    """one per measure with a scored form, PHQ-9 and GAD-7 first"""
    sessions: list[CourseSession]
    """every held session up to the report date, for the chart's marks"""
    homework: list[HomeworkPeriod]
    """one row per homework per session period"""
    headline: str | None
    """the paired PHQ-9/GAD-7 reading (DESIGN §2.3), when both or either has two scores"""
    review_after: int
    """the `course.review_after` setting: sessions after which no reliable improvement is flagged (0: never)"""
    flags: list[str] = field(default_factory=list)
    """each measure's flag with its rule, in words"""


def course_key(end: dt.date) -> str:
    """What a course's kept homework rows are filed under: the report's last day (the rows
    depend on the held sessions up to it and on nothing else the folder state does not key)."""
    return end.isoformat()


def summarise_course(scope: Scope) -> CourseSummary | None:
    """The course, or None before the second held session (the section shows from then on)."""
    held = _held(scope)
    if len(held) < 2:
        return None
    review_after = scope.settings.course.review_after
    measures = measures_of(scope.types)
    by_key: dict[str, list[Record]] = {}
    for r in scope.up_to_report("questionnaire"):
        key = str(r.get("instrument") or "")
        if key in measures:
            by_key.setdefault(key, []).append(r)
    rows = [
        _measure(measures[k], by_key[k], held, scope, review_after) for k in measures if k in by_key
    ]
    rows = [m for m in rows if m.points]
    flags = [f"{m.name}: {m.flag} ({m.flag_rule})" for m in rows if m.flag]
    return CourseSummary(
        measures=rows,
        sessions=[CourseSession(d, n) for d, n in held],
        homework=_kept(scope.course_rows)
        if scope.course_rows is not None
        else _homework(scope, held),
        headline=_headline(rows),
        review_after=review_after,
        flags=flags,
    )


def _held(scope: Scope) -> list[tuple[dt.date, int | None]]:
    """Held sessions up to the report date, one per day, oldest first."""
    by_day: dict[dt.date, int | None] = {}
    for r in scope.of_type("session"):
        if r.get("status") == "held" and r.date is not None and r.date <= scope.period.end:
            number = r.get("number")
            by_day.setdefault(r.date, number if isinstance(number, int) else None)
    return sorted(by_day.items())


def _session_on(day: dt.date | None, held: list[tuple[dt.date, int | None]]) -> int | None:
    if day is None:
        return None
    before = [(d, n) for d, n in held if d <= day]
    if not before:
        return None
    d, n = before[-1]
    return n if n is not None else held.index((d, n)) + 1


def _measure(
    m: Measure,
    forms: list[Record],
    held: list[tuple[dt.date, int | None]],
    scope: Scope,
    review_after: int,
) -> CourseMeasure:
    points = []
    for r in forms:
        a = administration(r, m, scope)
        if a.total is not None:
            points.append(CoursePoint(a.date, a.total, a.band, _session_on(a.date, held), a.path))
    first, latest = (points[0], points[-1]) if points else (None, None)
    change = (
        None if first is None or latest is None or first is latest else latest.total - first.total
    )
    rule = _rule_text(m)
    verdict = None
    if change is not None and m.reliable_change is not None:
        if change >= m.reliable_change:
            verdict = "reliable deterioration"
        elif -change >= m.reliable_change:
            verdict = "reliable improvement"
        else:
            verdict = "no reliable change"
    sessions_since = sum(
        1 for d, _ in held if first is not None and first.date is not None and d >= first.date
    )
    flag, flag_rule = _flag(m, verdict, sessions_since, review_after)
    return CourseMeasure(
        key=m.key,
        name=m.name,
        title=m.title,
        max_total=m.max_total,
        cutoff=m.cutoff,
        bands=[{"low": b.low, "high": b.high, "label": b.label} for b in m.bands],
        points=points,
        change=change,
        reliable_change=m.reliable_change,
        verdict=verdict,
        rule=rule,
        reading=_reading(m, first, latest, change, verdict),
        flag=flag,
        flag_rule=flag_rule,
    )


def _rule_text(m: Measure) -> str:
    if m.reliable_change is None:
        return "no reliable-change threshold is published for this measure"
    source = f" ({m.reliable_source})" if m.reliable_source else ""
    return f"a change of {m.reliable_change} or more points is reliable{source}"


def _since(p: CoursePoint) -> str:
    return (
        f"since {weekday(p.date)} {day_text(p.date)}"
        if p.date is not None
        else "since the first form"
    )


def _reading(
    m: Measure,
    first: CoursePoint | None,
    latest: CoursePoint | None,
    change: int | None,
    verdict: str | None,
) -> str:
    if first is None or latest is None:
        return f"{m.name}: no scored form yet"
    if change is None:
        return f"{m.name}: one score so far ({first.total})"
    moved = f"from {first.total} to {latest.total} {_since(first)}"
    if verdict is not None:
        return f"{m.name}: {verdict} {moved} (a change of {m.reliable_change} or more is reliable)"
    return f"{m.name}: {moved}; no reliable-change threshold is published, so no verdict"


def _flag(
    m: Measure, verdict: str | None, sessions: int, review_after: int
) -> tuple[str | None, str | None]:
    if verdict == "reliable deterioration":
        return (
            "reliable deterioration from the first score",
            f"a rise of {m.reliable_change} or more points from the first score",
        )
    if (
        review_after
        and m.reliable_change is not None
        and sessions >= review_after
        and verdict != "reliable improvement"
    ):
        return (
            f"no reliable improvement after {sessions} sessions",
            f"no drop of {m.reliable_change} or more points from the first score within "
            f"{review_after} held sessions of it (the course.review_after setting)",
        )
    return None, None


def _headline(rows: list[CourseMeasure]) -> str | None:
    """DESIGN §2.3's paired rule: reliable improvement when PHQ-9 or GAD-7 dropped reliably
    and neither rose reliably."""
    pair = [m for m in rows if m.key in PAIRED and m.verdict is not None]
    if not pair:
        return None
    if any(m.verdict == "reliable deterioration" for m in pair):
        return "Reliable deterioration on PHQ-9 or GAD-7 since the first score."
    if any(m.verdict == "reliable improvement" for m in pair):
        return "Reliable improvement since the first score: a reliable drop on PHQ-9 or GAD-7, with no reliable rise on either."
    return "No reliable change on PHQ-9 or GAD-7 since the first score."


def _kept(rows: tuple[tuple[Any, ...], ...]) -> list[HomeworkPeriod]:
    """The homework rows a report worked out before, for the same unchanged folder."""
    return [HomeworkPeriod(*row) for row in rows]


def _homework(scope: Scope, held: list[tuple[dt.date, int | None]]) -> list[HomeworkPeriod]:
    """One row per homework active in each session period (or set at its session). Each
    row counts the records dated on its days only (looked up by link and by type:
    `done_entries`), so the cost grows with the folder, not with sessions × homework ×
    records."""
    out = []
    ends = [d - _ONE_DAY for d, _ in held[1:]] + [scope.period.end]
    tasks = scope.of_type("homework")
    reviews: dict[str, list[Record]] = {}
    for r in scope.of_type("review"):
        if r.homework is not None and r.date is not None:
            reviews.setdefault(r.homework, []).append(r)
    for i, ((start, number), end) in enumerate(zip(held, ends, strict=True)):
        nxt = held[i + 1][0] if i + 1 < len(held) else None
        for hw in tasks:
            assigned = hw.get("assigned") or hw.date
            if assigned is None or assigned > start:
                continue
            due = hw.get("due")
            if assigned != start and due is not None and due <= start:
                continue  # it ended by this session: it does not carry on
            # From the day after it was set; a homework carried on counts from the session's day.
            first = assigned + _ONE_DAY if assigned == start else start
            last = min(due, end) if due is not None else end
            days = [first + _ONE_DAY * k for k in range((last - first).days + 1)]
            if not days and assigned != start:
                continue
            entries = done_entries(hw, _rule(hw.get("track")), days, scope)  # days: in the period
            frequency = hw.get("frequency")
            want, what = expected(frequency, days), unit(frequency)
            done = done_count(frequency, [e.date for e in entries], days)
            title = hw.get("title")
            continues = nxt is not None and (due is None or due > nxt)
            out.append(
                HomeworkPeriod(
                    session=number if number is not None else i + 1,
                    start=start,
                    end=end,
                    homework=hw.id,
                    title=None if title is None else str(title).strip() or None,
                    set_here=assigned == start,
                    expected=want,
                    done=done,
                    unit=what,
                    entry_count=len(entries),
                    done_text=count_text(done, want, what),
                    quality=_quality(reviews.get(hw.id, []), start, end),
                    stuck=hw.get("status") == "stuck" and not continues,
                )
            )
    return out


def _quality(reviews: list[Record], start: dt.date, end: dt.date) -> int | None:
    """The client's latest review of the homework made in the period (or on the next
    session's day, when reviews are usually written)."""
    found = [
        r.get("quality")
        for r in reviews
        if r.date is not None and start <= r.date <= end + _ONE_DAY
    ]
    found = [q for q in found if isinstance(q, int)]
    return found[-1] if found else None
