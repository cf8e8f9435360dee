"""Goals and their progress over the whole treatment: each check-in rates goals 0–10
(`goals: {goal-id: 4}`), so a goal's series is every rating up to the report date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from interim.summary.data import Data
from interim.summary.scope import Scope


@dataclass
class Rating(Data):
    date: dt.date | None
    rating: int  # 0 no progress – 10 goal reached
    path: str  # the check-in it comes from
    in_period: bool


@dataclass
class GoalRow(Data):
    id: str
    path: str
    title: str | None
    status: str | None  # active, achieved, dropped
    set: dt.date | None
    series: list[Rating] = field(default_factory=list)
    first: Rating | None = None
    latest: Rating | None = None
    change: int | None = None  # latest − first; None with fewer than two ratings


@dataclass
class GoalSummary(Data):
    goals: list[GoalRow]
    scale: str = "0–10 (0 no progress, 10 goal reached)"


def summarise_goals(scope: Scope) -> GoalSummary | None:
    goals = scope.of_type("goal")
    if not goals:
        return None
    ratings: dict[str, list[Rating]] = {}
    for checkin in scope.up_to_report("checkin"):
        values = checkin.get("goals") or {}
        for goal_id, value in sorted(values.items()) if isinstance(values, dict) else ():
            if isinstance(value, int) and not isinstance(value, bool):
                rating = Rating(checkin.date, value, checkin.path, checkin.date in scope.period)
                ratings.setdefault(goal_id, []).append(rating)
    rows = [
        _row(g.id, g.path, g.get("title"), g.get("status"), g.get("set"), ratings) for g in goals
    ]
    return GoalSummary(sorted(rows, key=lambda r: (r.set or dt.date.min, r.path)))


def _row(
    goal_id: str,
    path: str,
    title: object,
    status: str | None,
    set_on: dt.date | None,
    ratings: dict[str, list[Rating]],
) -> GoalRow:
    series = ratings.get(goal_id, [])
    first = series[0] if series else None
    latest = series[-1] if series else None
    change = latest.rating - first.rating if first and latest and len(series) > 1 else None
    title_text = None if title is None else str(title).strip() or None  # shown in every profile
    return GoalRow(goal_id, path, title_text, status, set_on, series, first, latest, change)
