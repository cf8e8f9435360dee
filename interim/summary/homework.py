"""Homework: what was set, what was done and how well (DESIGN §2.3 and §4.3).

Quantity (expected, done, days practised, pacing) and quality (the client's review) stay
side by side: there is no single adherence score, because "3 of 5, done well and found
helpful" and "5 of 5, rushed the night before" are different stories.

A homework is active from the day after it was assigned (`assigned`, default its `date`)
through `due` (or the report date), clipped to the period.

Counted in what the homework asks for (issue 13): a daily diary kept twice on some days is
not "11 of 6", which reads as ahead when days were missed.
- `daily`, `weekdays`, `N/day` are counted in **days**. Expected: the active days (for
  `weekdays` the Monday–Friday ones). Done: those days with an entry (for `N/day`, with at
  least N entries). The entry count stands beside it ("5 of 6 days, 9 entries").
- `N/week` and `once` are counted in **entries**. Expected: `N/week` N × days / 7 rounded
  half up (3/week over 6 days: 18/7 = 2.57 → 3); `once` one. Done: the entries.

Entries: records dated inside the period and the homework's active days that name it in
`homework:`, or else match its `track:` rule. An explicit link wins: a record that names a
homework counts for that one only. A record matching several rules counts for each. Done in
entries may exceed expected ("2 of 1 entry") and is shown as it is. Pacing is judged over the
same active days (a task set mid-period and done every day is not "mostly at the end"), in
the homework's own unit: one mark per day done for a task counted in days.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from interim.domain.model import Record
from interim.summary.data import Data, half_up_int
from interim.summary.pacing import Pacing, pacing
from interim.summary.scope import Scope

_PER = re.compile(r"(\d+)/(day|week)\Z")
CLOSED = frozenset({"done", "dropped"})  # any other status, or none, is still open
_ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Rule:
    type: str
    tag: str | None = None
    skill: str | None = None

    def matches(self, record: Record) -> bool:
        if record.type != self.type:
            return False
        if self.tag is not None and _fold(self.tag) not in {_fold(t) for t in record.tags}:
            return False
        return self.skill is None or _fold(self.skill) == _fold(record.get("skill") or "")


def _fold(text: object) -> str:
    return " ".join(str(text).split()).casefold()


@dataclass
class EntryRef(Data):
    date: dt.date | None
    time: dt.time | None
    type: str
    path: str


@dataclass
class Review(Data):
    date: dt.date | None
    path: str
    quality: int | None  # 0–4, 4 done fully as planned
    difficulty: int | None  # 0–4, 4 very hard
    helpfulness: int | None  # 0–4, 4 very helpful
    barriers: list[str]
    learned: str | None
    body: str | None


@dataclass
class HomeworkRow(Data):
    id: str
    """the homework's id and file"""
    path: str
    title: str | None
    """shown in every profile"""
    frequency: str | None
    """`once`, `daily`, `weekdays`, `N/day`, `N/week`; `null` if unreadable"""
    track: dict[str, str] | None
    """`{type, tag?, skill?}`: the records that count as doing it"""
    goal: str | None
    """the goal it serves, and that goal's title"""
    goal_title: str | None
    assigned: dt.date | None
    due: dt.date | None
    active_days: int
    """days of the period it ran"""
    expected: int | None  # None: the frequency could not be read
    """expected over those days, in `unit`: `daily` every day, `weekdays` every Monday–Friday,
    `N/day` every day (days); `N/week` N × days / 7 rounded half up, `once` 1 (entries); `null`
    when the frequency is unreadable"""
    done: int
    """done, in `unit`. Days (`daily`, `weekdays`, `N/day`): the expected days with an entry (for
    `N/day`, with at least N entries). Entries (`N/week`, `once`): the entries, which may exceed
    `expected`. Until issue 13 (CHANGELOG.md) `done` always counted entries: that count is now
    `entry_count`"""
    unit: str
    """`"days"` (`daily`, `weekdays`, `N/day`) or `"entries"` (`N/week`, `once`, or an unreadable
    frequency): what `expected` and `done` count"""
    entry_count: int
    """records dated on its active days that name it in `homework:` or match its `track` (a
    `homework:` link counts only for the homework it names; an activity with `done: false` or a
    reading with no `read` date is not done)"""
    done_text: str
    """`"5 of 6 days"`, `"4 of 3 entries"`, `"0 of 1 entry"` (`"0 of ? entries"` without an
    expected count)"""
    days_practised: int
    """distinct days among those records"""
    pacing: Pacing
    """spread over the days it ran (its active days in the period)"""
    carried_over: bool
    """set before the last held session and still open (status not `done`/`dropped`)"""
    status: str | None
    """`not-started`, `in-progress`, `done`, `stuck`, `dropped`"""
    confidence: int | None
    """0–10"""
    review: Review | None
    """the client's latest review of it, made after it was set and by the report date: `{date, path,
    quality 0–4, difficulty 0–4, helpfulness 0–4, barriers: [string], learned: string|null, body:
    string|null}`"""
    specifics: str | None
    """what, when and where (free text)"""
    entries: list[EntryRef] = field(default_factory=list)
    """`[{date, time, type, path}]`: the records counted in `done`"""


def active_days(homework: Record, scope: Scope) -> list[dt.date]:
    assigned = homework.get("assigned") or homework.date
    if assigned is None:
        return []
    due = homework.get("due")
    end = min(due, scope.period.end) if due is not None else scope.period.end
    start = max(assigned + _ONE_DAY, scope.period.start)
    return [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]


def expected(frequency: str | None, days: list[dt.date]) -> int | None:
    """Expected over `days` (the active days in the period), in the frequency's `unit`."""
    if frequency is None:
        return None
    if not days:
        return 0
    if frequency == "once":
        return 1
    if frequency == "daily":
        return len(days)  # days, as for N/day below: done counts the days it was done
    if frequency == "weekdays":
        return sum(d.weekday() < 5 for d in days)
    per = _PER.match(frequency)
    if per is None:
        return None
    n = int(per[1])
    # N/week: rounded half up, never Python's round() (which gives 2 for 2.5).
    return len(days) if per[2] == "day" else half_up_int(Fraction(n * len(days), 7))


def unit(frequency: str | None) -> str:
    """What a homework's `expected` and `done` count: `"days"` or `"entries"`."""
    if frequency in ("daily", "weekdays"):
        return "days"
    per = _PER.match(frequency) if isinstance(frequency, str) else None
    return "days" if per is not None and per[2] == "day" else "entries"


def done_count(frequency: str | None, dates: Sequence[dt.date | None], days: list[dt.date]) -> int:
    """Done over the active `days`, in the homework's unit, from its entries' `dates`."""
    if unit(frequency) == "entries":
        return len(dates)
    return len(done_days(frequency, dates, days))


def done_days(
    frequency: str | None, dates: Sequence[dt.date | None], days: list[dt.date]
) -> list[dt.date]:
    """The expected days that count as done: one entry (N for `N/day`) on an active day
    (a Monday–Friday for `weekdays`)."""
    per = _PER.match(frequency) if isinstance(frequency, str) else None
    need = int(per[1]) if per is not None and per[2] == "day" else 1
    counts = Counter(d for d in dates if d is not None)
    wanted = [d for d in days if frequency != "weekdays" or d.weekday() < 5]
    return [d for d in wanted if counts[d] >= max(need, 1)]


def count_text(done: int, want: int | None, what: str) -> str:
    """`"5 of 6 days"`, `"0 of 1 entry"`: the unit agrees with the expected count."""
    total = "?" if want is None else str(want)
    one = want == 1
    word = ("day" if one else "days") if what == "days" else ("entry" if one else "entries")
    return f"{done} of {total} {word}"


def summarise_homework(scope: Scope) -> list[HomeworkRow]:
    """Homework active on any day of the period, or assigned on the last held session's day,
    oldest first."""
    last = scope.period.last_session
    rows = []
    for hw in scope.of_type("homework"):
        days = active_days(hw, scope)
        assigned = hw.get("assigned") or hw.date
        if days or (last is not None and assigned == last.date):
            rows.append(_row(hw, days, scope))
    return sorted(rows, key=lambda r: (r.assigned or dt.date.min, r.path))


def _row(hw: Record, days: list[dt.date], scope: Scope) -> HomeworkRow:
    rule = _rule(hw.get("track"))
    entries = done_entries(hw, rule, days, scope)
    frequency = hw.get("frequency")
    want = expected(frequency, days)
    dates = [e.date for e in entries]
    what = unit(frequency)
    done = done_count(frequency, dates, days)
    paced = dates if what == "entries" else done_days(frequency, dates, days)
    assigned = hw.get("assigned") or hw.date
    last = scope.period.last_session
    status = hw.get("status")
    goal = hw.get("goal")
    return HomeworkRow(
        id=hw.id,
        path=hw.path,
        title=_title(hw.get("title")),
        frequency=hw.get("frequency"),
        track=None if rule is None else {k: v for k, v in vars(rule).items() if v is not None},
        goal=goal,
        goal_title=_goal_title(goal, scope),
        assigned=assigned,
        due=hw.get("due"),
        active_days=len(days),
        expected=want,
        done=done,
        unit=what,
        entry_count=len(entries),
        done_text=count_text(done, want, what),
        days_practised=len({e.date for e in entries}),
        pacing=pacing([d for d in paced if d is not None], scope.period, days, scope.days),
        carried_over=bool(last and assigned and assigned < last.date and status not in CLOSED),
        status=status,
        confidence=hw.get("confidence"),
        review=_review(hw, scope),
        specifics=scope.text(hw.get("specifics")),
        entries=[EntryRef(e.date, e.time, e.type, e.path) for e in entries],
    )


def _title(value: object) -> str | None:
    """Homework titles are shown in every profile (the table needs a name)."""
    return None if value is None else str(value).strip() or None


def _goal_title(goal: object, scope: Scope) -> str | None:
    found = scope.by_id("goal", goal) if goal is not None and isinstance(goal, str) else None
    return _title(found.get("title")) if found is not None else None


def _rule(value: object) -> Rule | None:
    if not isinstance(value, dict) or not value.get("type"):
        return None
    return Rule(str(value["type"]), value.get("tag") or None, value.get("skill") or None)


def done_entries(hw: Record, rule: Rule | None, days: list[dt.date], scope: Scope) -> list[Record]:
    """The shown records that count as doing `hw`, in date order: those that name it (an
    explicit link wins, and counts for this one only) and those its `track:` rule matches
    that name no homework. Looked up by link and by type, never by a walk of the period."""
    if not days:
        return []
    active, first, last = set(days), days[0], days[-1]

    def done(r: Record) -> bool:
        return r.date in active and r.type not in ("homework", "review") and counts_as_done(r)

    out = [r for r in scope.linked_between(hw.id, first, last) if done(r)]
    if rule is not None:
        matched = scope.of_type_between(rule.type, first, last)
        out += [r for r in matched if r.homework is None and done(r) and rule.matches(r)]
    return sorted(out, key=scope.record_key)


def counts_as_done(record: Record) -> bool:
    """A record that says the thing was not done is not practice: an activity with
    `done: false`, a reading without a `read:` date ("not yet")."""
    if record.type == "activity":
        return record.get("done") is not False
    if record.type == "reading":
        return isinstance(record.get("read"), dt.date)
    return True


def _review(hw: Record, scope: Scope) -> Review | None:
    """The client's latest review of this homework, made after it was set and by the
    report date. A review names its homework in the common `homework:` key (Record.homework)."""
    assigned = hw.get("assigned") or hw.date or dt.date.min
    found = [
        r
        for r in scope.linked_between(hw.id, assigned, scope.period.end)
        if r.type == "review" and r.date is not None
    ]
    if not found:
        return None
    r = found[-1]  # scope.records are sorted: the last is the latest
    return Review(
        date=r.date,
        path=r.path,
        quality=r.get("quality"),
        difficulty=r.get("difficulty"),
        helpfulness=r.get("helpfulness"),
        barriers=scope.texts(r.get("barriers")),
        learned=scope.text(r.get("learned")),
        body=scope.body(r),
    )
