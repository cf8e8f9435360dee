"""Questionnaires over the whole treatment (every administration up to the report date):
totals, severity bands, first → latest change, reliable change and caseness (DESIGN §2.3).

- Bands: PHQ-9 Kroenke, Spitzer & Williams 2001; GAD-7 Spitzer et al. 2006 (see
  interim.domain.measures).
- Reliable improvement: a drop of at least the measure's reliable change (PHQ-9 6, GAD-7 4)
  with no reliable deterioration on the other measure; reliable deterioration: a rise of the
  same size (NHS Talking Therapies manual, 2024). The headline judges PHQ-9 and GAD-7 together;
  every other measure (interim.measures) is judged alone by its own published threshold, and
  one with none published gets no verdict, only its change in points.
- Caseness: at or above the cut-off (PHQ-9 10, GAD-7 8) at the latest score. The wording
  stays descriptive ("below the cut-off at the latest score"), never "recovered": this is
  mid-treatment, and one score is not a diagnosis. When later forms on record have no score
  (incomplete, not scored), the wording names the date of the form it rests on ("at the
  latest scored form (Tue 17 Nov)").

An incomplete form has no total and no band: it is listed with its missing items. A form
with an item outside the range or the wrong number of items is listed, not scored. When the
stated `total` disagrees with the items, the items' sum is shown and the disagreement said.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TypeGuard

from interim.domain.measures import NONE_PUBLISHED, Measure, score
from interim.domain.model import Record
from interim.summary.data import Data, day_text, weekday
from interim.summary.scope import Scope
from interim.types import measures_of

# DESIGN §2.3's headline rule judges these two together; every other measure is judged alone.
PAIRED = ("phq9", "gad7")


@dataclass
class Administration(Data):
    date: dt.date | None
    time: dt.time | None
    path: str
    instrument: str  # "phq9"
    status: str  # "complete", "incomplete", "not scored"
    total: int | None
    band: str | None
    missing: list[int]  # 1-based numbers of unanswered items
    items: list[int | str | None]  # as written: an answer that is no whole number stays text
    difficulty: int | None
    in_period: bool
    has_errors: bool
    problem: str | None  # what is wrong with the form, in words
    prorated: bool = False
    """the total was prorated over unanswered items, as the measure's manual states"""
    not_applicable: list[int] = field(default_factory=list)
    """items that do not apply to this person (PHQ-15 item 4), left out of the total"""
    subscales: dict[str, int | None] = field(default_factory=dict)
    """each subscale's score by name (`null` when one of its items is unanswered)"""


@dataclass
class BandRow(Data):
    low: int
    high: int
    label: str


@dataclass
class ScorePoint(Data):
    date: dt.date | None
    total: int | None
    band: str | None
    path: str


@dataclass
class InstrumentSummary(Data):
    key: str
    """`"phq9"`, `"PHQ-9"`, `"Patient Health Questionnaire (depression)"`"""
    name: str  # "PHQ-9"
    title: str
    source: str
    """the papers the bands and thresholds come from"""
    max_total: int
    """PHQ-9 27, 10, 6; GAD-7 21, 8, 4; `null` where none is published"""
    cutoff: int | None
    reliable_change: int | None
    bands: list[BandRow]
    """`[{low, high, label}]`"""
    administrations: list[Administration]
    """every form, see below"""
    first: Administration | None
    """the first and latest scored forms"""
    latest: Administration | None
    change: int | None
    """latest − first (`null` with fewer than two scored forms)"""
    reliable: str | None  # see `_verdict`; None with fewer than two scored forms
    """`"reliable improvement"`, `"reliable deterioration"`, `"no reliable change"`, `"improvement,
    other measure deteriorated"` (dropped reliably while another measure rose reliably: not counted
    as improvement)"""
    reliable_text: str | None
    """e.g. `"down 7 points (a drop of 6 or more is reliable)"`"""
    above_cutoff: bool | None
    """the latest score is at or above the cut-off"""
    caseness_text: str | None
    """`"below the cut-off (10) at the latest score"` — descriptive, never "recovered"; `"… at the
    latest scored form (Tue 17 Nov)"` when later forms on record have no score"""
    cutoff_text: str
    """the cut-off explained (for GAD-7: a score of 8–9 is "mild" and yet above it)"""
    cutoff_note: str | None  # e.g. a GAD-7 of 8–9: "mild" yet above the cut-off
    """set when the latest score is such a case (GAD-7 8 or 9)"""
    series: list[ScorePoint] = field(default_factory=list)
    """`[{date, total, band, path}]` of scored forms, for the chart"""
    bands_text: str = ""
    """`"none published"` when the measure has no published severity bands, else `""`"""


@dataclass
class QuestionnaireSummary(Data):
    instruments: list[InstrumentSummary]
    """one per questionnaire, PHQ-9 first"""
    reliable_improvement: bool  # some measure improved reliably and none deteriorated
    """some measure dropped by at least its reliable change and none rose by as much"""
    reliable_deterioration: bool
    """some measure rose by at least its reliable change"""
    overall_text: str | None
    """that in words"""


def administration(r: Record, measure: Measure, scope: Scope) -> Administration:
    items = r.get("items")
    items = list(items) if isinstance(items, list) else []
    skipped = r.get("not_applicable")
    skipped = [n for n in skipped if isinstance(n, int)] if isinstance(skipped, list) else []
    s = score(measure, items, skipped)
    status, problem = _status(r, measure, items, s.complete)
    total = s.total if status == "complete" else None
    stated = r.get("total")
    if total is not None and stated is not None and stated != total:
        what = "the items' prorated score" if s.prorated else "the sum of the items"
        problem = f"the stated total ({stated}) is not {what} ({total})"
    return Administration(
        date=r.date,
        time=r.time,
        path=r.path,
        instrument=measure.key,
        status=status,
        total=total,
        band=s.band.label if total is not None and s.band else None,
        missing=list(s.missing) if status == "incomplete" else [],
        items=items,
        difficulty=r.get("difficulty"),
        in_period=r.date in scope.period,
        has_errors=r.has_errors,
        problem=problem,
        prorated=s.prorated and total is not None,
        not_applicable=list(s.not_applicable),
        subscales=dict(s.subscales) if total is not None else {},
    )


def _status(
    r: Record, measure: Measure, items: list[int | str | None], complete: bool
) -> tuple[str, str | None]:
    """complete, incomplete or not scored, and what is wrong in words. An answer that is not
    a whole number (`1.5`, `two`) is "not scored", never "not answered": it was answered."""
    low, high = measure.item_min, measure.item_max
    not_whole = [i + 1 for i, v in enumerate(items) if v is not None and not _whole(v)]
    outside = [
        i + 1
        for i, v in enumerate(items[: measure.items])
        if _whole(v) and v not in measure.recorded(measure.questions[i])
    ]
    if r.salvaged:  # its front matter is broken: listed for the safety notice, never scored
        return "not scored", "the file could not be read in full (see Problems)"
    if not items:
        return "not scored", "the items could not be read"
    if not_whole:
        shown = ", ".join(f"item {i} is {items[i - 1]}" for i in not_whole)
        return "not scored", f"answers are whole numbers {low}–{high} ({shown})"
    if outside:
        return "not scored", f"item {', '.join(map(str, outside))} outside {low}–{high}"
    if len(items) != measure.items:
        return "not scored", f"{len(items)} items; {measure.name} has {measure.items}"
    if not complete and not _only_missing(r, measure, items):
        return "not scored", "an item marked not applicable is answered, or applies to everyone"
    return ("complete" if complete else "incomplete"), None


def _only_missing(r: Record, measure: Measure, items: list[int | str | None]) -> bool:
    """The form lacks a total only for its unanswered items (not for a wrong not_applicable)."""
    named = r.get("not_applicable")
    for n in named if isinstance(named, list) else []:
        if n not in measure.conditional or (isinstance(n, int) and items[n - 1] is not None):
            return False
    return True


def _whole(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _change(inst: InstrumentSummary) -> int | None:
    if inst.first is None or inst.latest is None or inst.first is inst.latest:
        return None
    assert inst.first.total is not None and inst.latest.total is not None
    return inst.latest.total - inst.first.total


def _instrument(measure: Measure, admins: list[Administration]) -> InstrumentSummary:
    scored = [a for a in admins if a.total is not None]
    latest = scored[-1] if scored else None
    cutoff = measure.cutoff
    above = (
        None if latest is None or latest.total is None or cutoff is None else latest.total >= cutoff
    )
    where = rests_on(admins, latest) or "at the latest score"
    inst = InstrumentSummary(
        key=measure.key,
        name=measure.name,
        title=measure.title,
        source=measure.source,
        max_total=measure.max_total,
        cutoff=measure.cutoff,
        reliable_change=measure.reliable_change,
        bands=[BandRow(b.low, b.high, b.label) for b in measure.bands],
        administrations=admins,
        first=scored[0] if scored else None,
        latest=latest,
        change=None,
        reliable=None,
        reliable_text=None,
        above_cutoff=above,
        caseness_text=None if above is None or cutoff is None else _caseness(above, cutoff, where),
        cutoff_text=_cutoff_text(measure),
        cutoff_note=_cutoff_note(measure, latest, rests_on(admins, latest)),
        series=[ScorePoint(a.date, a.total, a.band, a.path) for a in scored],
        bands_text="" if measure.bands else NONE_PUBLISHED,
    )
    inst.change = _change(inst)
    return inst


def rests_on(admins: list[Administration], latest: Administration | None) -> str | None:
    """`at the latest scored form (Tue 17 Nov)` when a later form on record has no score
    (incomplete, not scored), so "at the latest score" would hide how old the score is;
    None when the latest scored form is the latest form on record."""
    if latest is None or not admins or latest is admins[-1]:
        return None
    if latest.date is None:
        return "at the latest scored form"
    last = admins[-1].date
    year = last is None or last.year != latest.date.year
    return f"at the latest scored form ({weekday(latest.date)} {day_text(latest.date, year=year)})"


def _caseness(above: bool, cutoff: int, where: str) -> str:
    side = "at or above" if above else "below"
    return f"{side} the cut-off ({cutoff}) {where}"


def _cutoff_text(measure: Measure) -> str:
    if measure.cutoff is None:
        return "Cut-off: none published for this measure."
    band = measure.band(measure.cutoff)
    text = (
        f"Cut-off {measure.cutoff}: a score of {measure.cutoff} or more is in the clinical range."
    )
    if band is not None and band.low < measure.cutoff:
        text += (
            f" A score of {measure.cutoff}–{band.high} is in the “{band.label}” band "
            f"({band.low}–{band.high}) and yet at or above the cut-off."
        )
    return text


def _cutoff_note(
    measure: Measure, latest: Administration | None, where: str | None = None
) -> str | None:
    """GAD-7 8–9: "mild" by band, and above the cut-off (DESIGN §2.3 asks to say so).
    `where`: see `rests_on`."""
    if latest is None or latest.total is None or measure.cutoff is None:
        return None
    band = measure.band(measure.cutoff)
    if band is not None and band.low < measure.cutoff <= latest.total <= band.high:
        score = (
            f"The latest {measure.name} of {latest.total}"
            if where is None
            else f"The {measure.name} of {latest.total} {where}"
        )
        return (
            f"{score} is in the “{band.label}” band and at or above the cut-off of "
            f"{measure.cutoff}."
        )
    return None


def _verdicts(instruments: list[InstrumentSummary]) -> tuple[bool, bool]:
    """Each instrument's reliable-change verdict: PHQ-9 and GAD-7 judged together (DESIGN
    §2.3), every other measure alone, by its own threshold; a measure with none published
    gets no verdict. Returns (reliable improvement overall, reliable deterioration on any
    measure) of the PHQ-9/GAD-7 pair."""
    judged = [i for i in instruments if i.change is not None and i.reliable_change is not None]
    rose = {i.key for i in judged if i.change >= i.reliable_change}  # type: ignore[operator]
    fell = {i.key for i in judged if -i.change >= i.reliable_change}  # type: ignore[operator]
    for inst in instruments:
        if inst.change is None:
            continue
        if inst.reliable_change is None:
            inst.reliable_text = _unjudged(inst) + _resting_on_problems(inst)
            continue
        paired = inst.key in PAIRED
        others = sorted(
            n.name
            for n in instruments
            if n.key in rose and n.key != inst.key and paired and n.key in PAIRED
        )
        inst.reliable, inst.reliable_text = _verdict(
            inst, inst.key in rose, inst.key in fell, others
        )
        inst.reliable_text += _resting_on_problems(inst)
    pair_rose, pair_fell = rose & set(PAIRED), fell & set(PAIRED)
    return bool(pair_fell) and not pair_rose, bool(pair_rose)


def _unjudged(inst: InstrumentSummary) -> str:
    change = inst.change or 0
    points = f"{abs(change)} point{'' if abs(change) == 1 else 's'}"
    moved = "no change" if change == 0 else f"{'up' if change > 0 else 'down'} {points}"
    return f"{moved} (no reliable-change threshold is published for the {inst.name})"


def _resting_on_problems(inst: InstrumentSummary) -> str:
    """A change that rests on a form with a problem (a stated total that disagrees with its
    items) says so: the items' sum is what is used."""
    notes = []
    for which, a in (("first", inst.first), ("latest", inst.latest)):
        if a is not None and a.problem:
            when = f", {weekday(a.date)} {day_text(a.date)}" if a.date else ""
            notes.append(f"the {which} form{when} has a problem ({a.problem})")
    return f"; {'; '.join(notes)}" if notes else ""


def _verdict(
    inst: InstrumentSummary, rose: bool, fell: bool, worse_others: list[str]
) -> tuple[str, str]:
    rc, change = inst.reliable_change, inst.change
    assert change is not None and rc is not None
    points = f"{abs(change)} point{'' if abs(change) == 1 else 's'}"
    if rose:
        return "reliable deterioration", f"up {points} (a rise of {rc} or more is reliable)"
    if fell and worse_others:
        return (
            "improvement, other measure deteriorated",
            f"down {points}, but {' and '.join(worse_others)} rose reliably: not counted as "
            "reliable improvement",
        )
    if fell:
        return "reliable improvement", f"down {points} (a drop of {rc} or more is reliable)"
    moved = "no change" if change == 0 else f"{'up' if change > 0 else 'down'} {points}"
    return "no reliable change", f"{moved} (less than the {rc} points a reliable change needs)"


def summarise_questionnaires(scope: Scope) -> QuestionnaireSummary | None:
    measures = measures_of(scope.types)
    by_measure: dict[str, list[Administration]] = {}
    for r in scope.up_to_report("questionnaire"):
        measure = measures.get(r.get("instrument") or "")
        if measure is not None:
            by_measure.setdefault(measure.key, []).append(administration(r, measure, scope))
    if not by_measure:
        return None
    instruments = [_instrument(measures[k], by_measure[k]) for k in measures if k in by_measure]
    improved, deteriorated = _verdicts(instruments)
    overall = None
    if improved:
        overall = "Reliable improvement: a reliable drop, with no reliable rise on any measure."
    elif deteriorated:
        overall = "Reliable deterioration on at least one measure."
    return QuestionnaireSummary(instruments, improved, deteriorated, overall)
