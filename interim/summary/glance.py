"""Key numbers for "at a glance" (DESIGN §4.3): each mood scale's mean and sleep efficiency
with the change against the previous period and what they rest on, and each questionnaire's
latest score, band and change since the first."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from interim.summary.data import Data
from interim.summary.mood import MoodSummary
from interim.summary.questionnaires import QuestionnaireSummary, rests_on
from interim.summary.sleep import SleepSummary


@dataclass
class KeyNumber(Data):
    id: str
    """`"mood.mood"`, `"mood.anxiety"`, `"sleep.se"`, `"questionnaire.phq9"`, ..."""
    section: str
    """the section it summarises"""
    label: str
    """`"Mood"`, `"Sleep efficiency"`, `"PHQ-9"`"""
    value: float | None
    """the period's mean, or the latest score"""
    unit: str
    """`""`, `"%"`, `"points"`"""
    range: str
    """`"0–10 (0 worst, 10 best)"`, `"0–27"`"""
    n: int
    """what it rests on: `"6 of 6 days"`, `"5 of 7 nights"`, `"4 scored forms"`"""
    n_text: str  # "6 of 6 days", "5 of 6 nights", "4 forms"
    previous: float | None
    """previous period's mean, or the first score"""
    change: float | None
    """see conventions; for questionnaires a drop is `"better"`"""
    direction: str | None  # "better", "worse", "no change" (or "higher", "lower")
    compared_with: str
    """`"previous period"` or `"first score"`"""
    band: str | None = None
    """questionnaires: the latest band and date"""
    date: dt.date | None = None  # questionnaires: the latest score's date
    note: str | None = None
    """questionnaires: the reliable-change verdict in words"""
    cutoff: int | None = None
    """questionnaires: the caseness cut-off (PHQ-9 10, GAD-7 8) and whether the latest score is at
    or above it"""
    above_cutoff: bool | None = None  # the latest score is at or above it
    cutoff_text: str | None = None
    """questionnaires: `"at or above the cut-off (8)"` or `"below the cut-off (10)"`, to show beside
    the band (a GAD-7 of 8 is "mild" and yet at the cut-off); when later forms on record have no
    score (incomplete, not scored), it names the date of the score it rests on: `"below the cut-off
    (10) at the latest scored form (Tue 17 Nov)"`"""
    problem: str | None = None
    """questionnaires: what is wrong with the latest scored form (`"the stated total (10) is not the
    sum of the items (8)"`); its `value` is the items' sum"""


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def mood_numbers(mood: MoodSummary) -> list[KeyNumber]:
    return [
        KeyNumber(
            id=f"mood.{s.field}",
            section="mood",
            label=s.label,
            value=s.mean,
            unit="",
            range=s.range,
            n=s.n,
            n_text=f"{s.n} of {_plural(s.days, 'day')}",
            previous=s.previous_mean,
            change=s.change,
            direction=s.direction,
            compared_with="previous period",
        )
        for s in mood.series
    ]


def sleep_numbers(sleep: SleepSummary) -> list[KeyNumber]:
    return [
        KeyNumber(
            id="sleep.se",
            section="sleep",
            label="Sleep efficiency",
            value=sleep.se.mean,
            unit="%",
            range="0–100",
            n=sleep.se.n,
            n_text=sleep.n_text,
            previous=sleep.previous_se.mean,
            change=sleep.se_change,
            direction=sleep.se_direction,
            compared_with="previous period",
        )
    ]


def questionnaire_numbers(q: QuestionnaireSummary) -> list[KeyNumber]:
    out = []
    for inst in q.instruments:
        latest, first = inst.latest, inst.first
        scored = sum(a.total is not None for a in inst.administrations)
        out.append(
            KeyNumber(
                id=f"questionnaire.{inst.key}",
                section="questionnaires",
                label=inst.name,
                value=None if latest is None else latest.total,
                unit="points",
                range=f"0–{inst.max_total}",
                n=scored,
                n_text=_plural(scored, "scored form"),
                previous=None if first is None or inst.change is None else first.total,
                change=inst.change,
                direction=_lower_is_better(inst.change),
                compared_with="first score",
                band=None if latest is None else latest.band,
                date=None if latest is None else latest.date,
                note=inst.reliable_text,
                cutoff=inst.cutoff,
                above_cutoff=inst.above_cutoff,
                cutoff_text=_cutoff_words(
                    inst.above_cutoff, inst.cutoff, rests_on(inst.administrations, latest)
                ),
                problem=None if latest is None else latest.problem,
            )
        )
    return out


def _cutoff_words(above: bool | None, cutoff: int | None, where: str | None = None) -> str | None:
    """Beside the band, since a band can read milder than it is: a GAD-7 of 8 is "mild" and
    yet at the cut-off (DESIGN §2.3). `where` names the scored form's date when later forms
    have no score (`rests_on`)."""
    if above is None:
        return None
    words = f"{'at or above' if above else 'below'} the cut-off ({cutoff})"
    return words if where is None else f"{words} {where}"


def _lower_is_better(change: int | None) -> str | None:
    """Symptom scores: a drop is good news."""
    if change is None:
        return None
    return "no change" if change == 0 else ("better" if change < 0 else "worse")
