"""Questionnaire definitions and scoring: items with their wording and answers, totals,
subscales, severity bands, reliable change and cut-offs, each with its source. Pure data and
arithmetic, no I/O.

The definitions themselves are data: the built-in ones are `interim/types/measures/*.yaml`,
a folder's own are YAML files in its `types/` with a `measure:` key, both read by
`interim.types.measures` into the `Measure` values here. Nothing a definition leaves out is
made up: a measure with no published bands has none, and its scores carry no band.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

NONE_PUBLISHED = "none published"


@dataclass(frozen=True)
class Band:
    low: int
    high: int
    label: str


@dataclass(frozen=True)
class Item:
    """One question. `answers`: (score, anchor) in the order the paper form prints them; a
    reverse-scored item lists its scores the other way round. `applies`: for an item that
    applies to some people only (PHQ-15 item 4: "women only"), who; None for everyone."""

    number: int  # 1-based
    text: str
    answers: tuple[tuple[int, str], ...]
    applies: str | None = None
    reverse: bool = False

    @property
    def scores(self) -> tuple[int, ...]:
        return tuple(s for s, _ in self.answers)

    @property
    def low(self) -> int:
        return min(self.scores)

    @property
    def high(self) -> int:
        return max(self.scores)


@dataclass(frozen=True)
class RiskItem:
    """An item whose answer raises the safety notice (DESIGN §2.3): PHQ-9 item 9, a folder's
    EPDS item 10, …. `raises` are the answers, as a record holds them, that list a form; any
    other answer but those in `clear` (an out-of-range value, a fraction, text) is listed
    too, as written: the notice errs on the side of showing."""

    number: int  # 1-based, in item order
    wording: str
    short: str  # "thoughts of being better off dead or of hurting yourself"
    answers: dict[int, str] = field(compare=False)  # answer → its anchor ("several days")
    raises: frozenset[int] = frozenset()
    clear: frozenset[int] = frozenset({0})


@dataclass(frozen=True)
class Subscale:
    """A part of the measure scored on its own: the sum of its items × `multiplier`."""

    name: str
    items: tuple[int, ...]  # 1-based item numbers
    multiplier: int = 1
    bands: tuple[Band, ...] = ()
    cutoff: int | None = None


@dataclass(frozen=True)
class Measure:
    key: str  # the normalised name records use: "phq9"
    name: str  # how people write it: "PHQ-9"
    title: str
    questions: tuple[Item, ...]
    bands: tuple[Band, ...]  # () when none are published
    reliable_change: int | None  # a change of at least this much is reliable; None: none published
    cutoff: int | None  # caseness: a score at or above is "above the clinical cut-off"
    source: str  # the papers the bands and thresholds come from
    risk_items: tuple[RiskItem, ...] = ()
    citation: str = ""  # the measure's own reference
    licence: str = ""  # its terms of use, in a line
    use: str = ""  # who may use it
    stem: str = ""  # the question every item answers
    records: str = "score"  # a record holds each item's "score", or its "position" on the form
    multiplier: int = 1  # the total is the items' sum × this
    prorate: int = 0  # how many unanswered items the measure's manual lets a total prorate
    prorate_rule: str = ""  # that rule in the manual's words
    subscales: tuple[Subscale, ...] = ()
    difficulty: str = ""  # an unscored last question (PHQ-9, GAD-7), "" when none
    difficulty_choices: tuple[str, ...] = ()
    bands_source: str = ""
    cutoff_source: str = ""
    reliable_source: str = ""
    origin: str = "built-in"  # or the folder-relative path of its definition

    @property
    def items(self) -> int:
        """How many items the form has."""
        return len(self.questions)

    @property
    def item_min(self) -> int:
        return min(self.recorded(q)[0] for q in self.questions)

    @property
    def item_max(self) -> int:
        return max(self.recorded(q)[-1] for q in self.questions)

    @property
    def safety_item(self) -> int | None:
        """The first risk item's number (None when the measure has none)."""
        return self.risk_items[0].number if self.risk_items else None

    @property
    def max_total(self) -> int:
        return sum(q.high for q in self.questions) * self.multiplier

    @property
    def conditional(self) -> tuple[int, ...]:
        """The numbers of the items that apply to some people only."""
        return tuple(q.number for q in self.questions if q.applies)

    def recorded(self, item: Item) -> tuple[int, ...]:
        """The answers a record may hold for `item`, in order."""
        if self.records == "position":
            return tuple(range(len(item.answers)))
        return tuple(sorted(item.scores))

    def item_score(self, item: Item, answer: int) -> int | None:
        """The score of a recorded answer, None when the item has no such answer."""
        if self.records == "position":
            return item.answers[answer][0] if 0 <= answer < len(item.answers) else None
        return answer if answer in item.scores else None

    def band(self, total: int) -> Band | None:
        """The band a total falls in; None when the measure has no published bands."""
        return band_of(self.bands, total)


def band_of(bands: Sequence[Band], total: int) -> Band | None:
    for band in bands:
        if band.low <= total <= band.high:
            return band
    return None


@dataclass(frozen=True)
class Score:
    total: int | None  # None when it cannot be scored: an incomplete form has no total
    missing: tuple[int, ...]  # 1-based numbers of unanswered items
    band: Band | None
    prorated: bool = False  # the total was prorated over missing items (the manual's rule)
    subscales: dict[str, int | None] = field(default_factory=dict, compare=False)
    not_applicable: tuple[int, ...] = ()  # conditional items left out of the total

    @property
    def complete(self) -> bool:
        return self.total is not None


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def score(measure: Measure, items: Sequence[object], not_applicable: Sequence[int] = ()) -> Score:
    """Sum the items' scores. A form with the wrong number of items or an answer that is not
    one of the item's has no total (nothing is clipped or made up). Unanswered items: no total,
    unless the measure's manual states a proration (`prorate`) and no more are missing than it
    allows. `not_applicable`: conditional items that do not apply to this person (PHQ-15 item
    4): left out of the total, which is then over the other items."""
    skipped = tuple(sorted({n for n in not_applicable if n in measure.conditional}))
    padded = list(items) + [None] * (measure.items - len(items))
    missing = tuple(
        i + 1 for i, v in enumerate(padded[: measure.items]) if v is None and i + 1 not in skipped
    )
    scores: dict[int, int] = {}
    in_range = True
    for i, v in enumerate(items[: measure.items]):
        if v is None:
            continue
        s = measure.item_score(measure.questions[i], v) if _whole(v) else None  # type: ignore[arg-type]
        if s is None or i + 1 in skipped:
            in_range = False
        else:
            scores[i + 1] = s
    if len(items) != measure.items or not in_range:
        return Score(None, missing, None, not_applicable=skipped)
    if len(missing) > measure.prorate:
        return Score(None, missing, None, not_applicable=skipped)
    counted = measure.items - len(skipped)
    raw = sum(scores.values())
    prorated = bool(missing)
    if prorated:
        raw = _half_up(raw * counted / (counted - len(missing)))
    total = raw * measure.multiplier
    subs = {s.name: _subscale(s, scores, skipped) for s in measure.subscales}
    return Score(total, missing, measure.band(total), prorated, subs, skipped)


def _subscale(sub: Subscale, scores: dict[int, int], skipped: tuple[int, ...]) -> int | None:
    """A subscale's score; None when one of its items is unanswered (no proration inside)."""
    wanted = [n for n in sub.items if n not in skipped]
    if any(n not in scores for n in wanted):
        return None
    return sum(scores[n] for n in wanted) * sub.multiplier


def _half_up(value: float) -> int:
    """Rounded half up (12.5 → 13): the usual rule of a manual's proration."""
    return math.floor(value + 0.5)


def risk_measures(measures: dict[str, Measure]) -> dict[str, Measure]:
    """The measures with risk items, by key."""
    return {k: m for k, m in measures.items() if m.risk_items}


def risk_answer(item: RiskItem, items: object) -> tuple[bool, object]:
    """(listed, answer) for one risk item of a form's `items`. Listed unless the answer is
    one of `item.clear`: unanswered, missing from a short or unreadable list, out of range,
    a fraction or text all list the form (answer None for "not answered", else as written)."""
    if not isinstance(items, list) or len(items) < item.number:
        return True, None
    answer = items[item.number - 1]
    if answer is None:
        return True, None
    if isinstance(answer, int) and not isinstance(answer, bool):
        return answer not in item.clear, answer
    return True, answer


def weakens(builtin: Measure, other: Measure) -> list[str]:
    """What `other` (a folder's measure of the same name) would stop listing that `builtin`
    lists: each built-in risk item whose raising answers are not all among the other's."""
    theirs = {r.number: r for r in other.risk_items}
    out = []
    for item in builtin.risk_items:
        mine = theirs.get(item.number)
        lost = sorted(item.raises - (mine.raises if mine is not None else frozenset()))
        if lost:
            answers = ", ".join(map(str, lost))
            out.append(f"item {item.number} answer{'s' if len(lost) > 1 else ''} {answers}")
    return out
