"""Thought records (Beck's 7-column record) and behavioural experiments: the change in
emotion and belief before → after, thinking traps, and predictions against outcomes.

Changes are after − before, so a negative number is a drop (emotion eased, belief in the hot
thought or feared prediction weakened). Every mean says how many pairs it rests on.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import TypeGuard

from interim.domain.model import Record
from interim.summary.data import Data, Stat, most_common, paired_change, stat
from interim.summary.scope import Scope
from interim.types.kinds import normalise


@dataclass
class EmotionRating(Data):
    name: str | None  # free text: None without it
    before: int | None  # 0–100
    after: int | None
    change: int | None


@dataclass
class ThoughtRecordRow(Data):
    date: dt.date | None
    time: dt.time | None
    path: str
    situation: str | None
    emotions: list[EmotionRating]
    hot_thought: str | None
    belief_before: int | None  # 0–100, belief in the hot thought
    belief_after: int | None
    belief_change: int | None
    thinking_traps: list[str]
    evidence_for: list[str]
    evidence_against: list[str]
    balanced_thought: str | None
    belief_balanced: int | None
    body: str | None


@dataclass
class EmotionChange(Data):
    name: str
    n: int
    before: float | None
    after: float | None
    change: float | None


@dataclass
class TrapCount(Data):
    trap: str
    count: int


@dataclass
class ThoughtSummary(Data):
    n: int
    records: list[ThoughtRecordRow]
    emotion_change: Stat  # mean after − before over emotion ratings with both
    belief_change: Stat  # mean after − before over records with both
    by_emotion: list[EmotionChange]  # (free text)
    traps: list[TrapCount]  # most frequent first


def _minus(after: object, before: object) -> int | None:
    if _whole(after) and _whole(before):
        return after - before
    return None


def _whole(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _emotions(r: Record, scope: Scope) -> list[EmotionRating]:
    rows = r.get("emotions")
    out = []
    for row in rows if isinstance(rows, list) else []:
        before, after = row.get("before"), row.get("after")
        out.append(EmotionRating(scope.text(row.get("name")), before, after, _minus(after, before)))
    return out


def _trap_choices(scope: Scope) -> list[str]:
    """The thought-record type's listed traps (Burns' ten), as the type spells them."""
    rtype = scope.types.get("thought-record")
    spec = rtype.fields.get("thinking_traps") if rtype is not None else None
    return list(spec.items.choices) if spec is not None and spec.items is not None else []


def _traps(r: Record, scope: Scope) -> list[str]:
    """Traps from Burns' list are choices, shown in every profile; others are free text."""
    listed = set(_trap_choices(scope))
    values = r.get("thinking_traps")
    traps = [str(t) for t in values if t is not None] if isinstance(values, list) else []
    return [t for t in traps if t in listed or scope.free_text]


def _trap_counts(rows: list[ThoughtRecordRow], choices: list[str]) -> list[TrapCount]:
    """Traps counted by their matching key (`normalise`: case, spacing and British spellings
    alike), each shown as the type's choice it matches, else as first written: the key is
    for matching only ("fortune-telling" matches as "fortune-teling")."""
    canonical = {normalise(c): c for c in choices}
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for row in rows:
        for trap in row.thinking_traps:
            key = normalise(trap)
            counts[key] += 1
            shown.setdefault(key, canonical.get(key, trap.strip()))
    return [TrapCount(name, n) for name, n in most_common({shown[k]: v for k, v in counts.items()})]


def _thought_row(r: Record, scope: Scope) -> ThoughtRecordRow:
    g = r.get
    return ThoughtRecordRow(
        date=r.date,
        time=r.time,
        path=r.path,
        situation=scope.text(g("situation")),
        emotions=_emotions(r, scope),
        hot_thought=scope.text(g("hot_thought")),
        belief_before=g("belief_before"),
        belief_after=g("belief_after"),
        belief_change=_minus(g("belief_after"), g("belief_before")),
        thinking_traps=_traps(r, scope),
        evidence_for=scope.texts(g("evidence_for")),
        evidence_against=scope.texts(g("evidence_against")),
        balanced_thought=scope.text(g("balanced_thought")),
        belief_balanced=g("belief_balanced"),
        body=scope.body(r),
    )


def _by_emotion(rows: list[ThoughtRecordRow]) -> list[EmotionChange]:
    groups: dict[str, list[EmotionRating]] = {}
    for row in rows:
        for e in row.emotions:
            if e.name is not None and e.change is not None:
                groups.setdefault(e.name.casefold(), []).append(e)
    out = []
    for name in sorted(groups, key=lambda k: (-len(groups[k]), k)):
        ratings = groups[name]
        before = stat([e.before for e in ratings]).mean
        after = stat([e.after for e in ratings]).mean
        change = stat([e.change for e in ratings]).mean
        out.append(EmotionChange(name, len(ratings), before, after, change))
    return out


def summarise_thought_records(scope: Scope) -> ThoughtSummary | None:
    records = scope.in_period("thought-record")
    if not records:
        return None
    rows = [_thought_row(r, scope) for r in records]
    return ThoughtSummary(
        n=len(rows),
        records=rows,
        emotion_change=stat([e.change for row in rows for e in row.emotions]),
        belief_change=paired_change((row.belief_before, row.belief_after) for row in rows),
        by_emotion=_by_emotion(rows),
        traps=_trap_counts(rows, _trap_choices(scope)),
    )


# -- behavioural experiments ---------------------------------------------------------------


@dataclass
class ExperimentRow(Data):
    date: dt.date | None
    time: dt.time | None
    path: str
    belief: str | None
    belief_before: int | None  # 0–100
    belief_after: int | None
    belief_change: int | None
    belief_shifted: bool | None  # belief_after below belief_before
    prediction: str | None
    plan: str | None
    safety_behaviours_dropped: list[str]
    outcome: str | None
    prediction_came_true: str | None  # yes, no, partly
    learned: str | None
    body: str | None


@dataclass
class ExperimentSummary(Data):
    n: int
    experiments: list[ExperimentRow]
    came_true: dict[str, int]  # {yes, partly, no, not recorded}
    belief_change: Stat


def _experiment_row(r: Record, scope: Scope) -> ExperimentRow:
    g = r.get
    change = _minus(g("belief_after"), g("belief_before"))
    return ExperimentRow(
        date=r.date,
        time=r.time,
        path=r.path,
        belief=scope.text(g("belief")),
        belief_before=g("belief_before"),
        belief_after=g("belief_after"),
        belief_change=change,
        belief_shifted=None if change is None else change < 0,
        prediction=scope.text(g("prediction")),
        plan=scope.text(g("plan")),
        safety_behaviours_dropped=scope.texts(g("safety_behaviours_dropped")),
        outcome=scope.text(g("outcome")),
        prediction_came_true=g("prediction_came_true"),
        learned=scope.text(g("learned")),
        body=scope.body(r),
    )


def summarise_experiments(scope: Scope) -> ExperimentSummary | None:
    records = scope.in_period("experiment")
    if not records:
        return None
    rows = [_experiment_row(r, scope) for r in records]
    came_true = {"yes": 0, "partly": 0, "no": 0, "not recorded": 0}
    for row in rows:
        came_true[row.prediction_came_true or "not recorded"] += 1
    return ExperimentSummary(len(rows), rows, came_true, stat([r.belief_change for r in rows]))
