""" "To discuss": the agenda the records suggest (DESIGN §4.3) — questions from check-ins and
reading, stuck homework with what got in the way, experiments whose feared prediction came
true (or partly) or whose belief did not shift, exposure where the feared outcome happened.

Each item has interim's own one-line title (shown in every profile) and the client's words
(only with free text). Questions are nothing but the client's words, so a profile without
free text leaves them out. Items come in that order, then by date, time and path.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from interim.domain.model import Record
from interim.summary.data import Data, day_text
from interim.summary.homework import HomeworkRow
from interim.summary.scope import Scope


@dataclass
class DiscussItem(Data):
    kind: str
    """`"question"`, `"reading question"`, `"stuck homework"`, `"experiment"`, `"exposure"`"""
    section: str | None
    """the section it comes from (`null`: homework)"""
    date: dt.date | None
    """the source record"""
    time: dt.time | None
    path: str
    title: str
    """interim's own words, shown in every profile: `"Stuck: Message Jo"`, `"Experiment (16 Nov):
    the prediction came true (partly)"`"""
    text: str | None
    """the client's words: the question, the review's `learned`, the prediction, the feared outcome
    """
    details: list[str] = field(default_factory=list)
    """barriers; an experiment's outcome and what was learned; what exposure taught"""


def _on(record: Record) -> str:
    return f" ({day_text(record.date, year=False)})" if record.date else ""


def _questions(scope: Scope) -> list[DiscussItem]:
    out = []
    for r in scope.in_period("checkin"):
        for q in scope.texts(r.get("questions")):
            out.append(
                DiscussItem(
                    "question",
                    "checkins",
                    r.date,
                    r.time,
                    r.path,
                    f"Question from a check-in{_on(r)}",
                    q,
                )
            )
    for r in scope.up_to_report("reading"):
        read = r.get("read")
        if r.date in scope.period or (isinstance(read, dt.date) and read in scope.period):
            for q in scope.texts(r.get("questions")):
                title = f"Question from reading{_on(r)}"
                out.append(
                    DiscussItem("reading question", "reading", r.date, r.time, r.path, title, q)
                )
    return out


def _stuck(homework: list[HomeworkRow]) -> list[DiscussItem]:
    out = []
    for hw in homework:
        if hw.status != "stuck":
            continue
        review = hw.review
        out.append(
            DiscussItem(
                "stuck homework",
                None,
                hw.assigned,
                None,
                hw.path,
                f"Stuck: {hw.title or hw.id}",
                review.learned if review else None,
                list(review.barriers) if review else [],
            )
        )
    return out


def _experiments(scope: Scope) -> list[DiscussItem]:
    out = []
    for r in scope.in_period("experiment"):
        came_true = r.get("prediction_came_true")
        before, after = r.get("belief_before"), r.get("belief_after")
        reasons = []
        if came_true in ("yes", "partly"):
            reasons.append(f"the prediction came true ({came_true})")
        if isinstance(before, int) and isinstance(after, int) and after >= before:
            reasons.append(f"the belief did not shift ({before} → {after})")
        if reasons:
            details = [t for t in (scope.text(r.get("outcome")), scope.text(r.get("learned"))) if t]
            title = f"Experiment{_on(r)}: {' and '.join(reasons)}"
            out.append(
                DiscussItem(
                    "experiment",
                    "experiments",
                    r.date,
                    r.time,
                    r.path,
                    title,
                    scope.text(r.get("prediction")),
                    details,
                )
            )
    return out


def _exposure(scope: Scope) -> list[DiscussItem]:
    out = []
    for r in scope.in_period("exposure"):
        happened = r.get("feared_outcome_happened")
        if happened in ("yes", "partly"):
            title = f"Exposure{_on(r)}: the feared outcome happened ({happened})"
            details = [t for t in (scope.text(r.get("learned")),) if t]
            out.append(
                DiscussItem(
                    "exposure",
                    "exposure",
                    r.date,
                    r.time,
                    r.path,
                    title,
                    scope.text(r.get("feared_outcome")),
                    details,
                )
            )
    return out


def to_discuss(scope: Scope, homework: list[HomeworkRow]) -> list[DiscussItem]:
    items = _questions(scope) + _stuck(homework) + _experiments(scope) + _exposure(scope)
    return [i for i in items if i.section is None or scope.profile.shows(i.section)]
