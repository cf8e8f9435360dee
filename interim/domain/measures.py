"""Questionnaire definitions and scoring: items, ranges, severity bands, reliable change and
cut-offs, each with its source. Pure data and arithmetic, no I/O."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Band:
    low: int
    high: int
    label: str


@dataclass(frozen=True)
class RiskItem:
    """An item whose answer raises the safety notice (DESIGN §2.3): PHQ-9 item 9 today;
    measures added as data bring theirs (EPDS item 10, …). `raises` are the scored answers
    that list a form; any other answer but those in `clear` (an out-of-range value, a
    fraction, text) is listed too, as written: the notice errs on the side of showing."""

    number: int  # 1-based, in item order
    wording: str
    short: str  # "thoughts of being better off dead or of hurting yourself"
    answers: dict[int, str] = field(compare=False)  # answer → its anchor ("several days")
    raises: frozenset[int] = frozenset()
    clear: frozenset[int] = frozenset({0})


@dataclass(frozen=True)
class Measure:
    key: str  # the normalised name records use: "phq9"
    name: str  # how people write it: "PHQ-9"
    title: str
    items: int
    item_min: int
    item_max: int
    bands: tuple[Band, ...]
    reliable_change: int  # a change of at least this much is reliable
    cutoff: int  # caseness: a score at or above is "above the clinical cut-off"
    source: str
    risk_items: tuple[RiskItem, ...] = ()

    @property
    def safety_item(self) -> int | None:
        """The first risk item's number (None when the measure has none)."""
        return self.risk_items[0].number if self.risk_items else None

    @property
    def max_total(self) -> int:
        return self.items * self.item_max

    def band(self, total: int) -> Band:
        for band in self.bands:
            if band.low <= total <= band.high:
                return band
        raise ValueError(f"{self.name} total {total} is outside 0–{self.max_total}")


PHQ9 = Measure(
    key="phq9",
    name="PHQ-9",
    title="Patient Health Questionnaire (depression)",
    items=9,
    item_min=0,
    item_max=3,
    # Kroenke, Spitzer & Williams (2001), J Gen Intern Med 16:606–613.
    bands=(
        Band(0, 4, "minimal"),
        Band(5, 9, "mild"),
        Band(10, 14, "moderate"),
        Band(15, 19, "moderately severe"),
        Band(20, 27, "severe"),
    ),
    # Reliable change ≥ 6 and caseness ≥ 10: NHS Talking Therapies manual (2024), after
    # Kroenke 2001 and Richards & Borglin (2011).
    reliable_change=6,
    cutoff=10,
    source="Kroenke, Spitzer & Williams 2001; reliable change and cut-off: NHS Talking Therapies manual",
    risk_items=(
        RiskItem(
            number=9,
            wording="Thoughts that you would be better off dead, or of hurting yourself in some way",
            short="thoughts of being better off dead or of hurting yourself",
            # The PHQ-9's answer anchors (Kroenke, Spitzer & Williams 2001).
            answers={1: "several days", 2: "more than half the days", 3: "nearly every day"},
            raises=frozenset({1, 2, 3}),
        ),
    ),
)

GAD7 = Measure(
    key="gad7",
    name="GAD-7",
    title="Generalized Anxiety Disorder scale",
    items=7,
    item_min=0,
    item_max=3,
    # Spitzer, Kroenke, Williams & Löwe (2006), Arch Intern Med 166:1092–1097.
    bands=(
        Band(0, 4, "minimal"),
        Band(5, 9, "mild"),
        Band(10, 14, "moderate"),
        Band(15, 21, "severe"),
    ),
    # Reliable change ≥ 4 and caseness ≥ 8: NHS Talking Therapies manual (2024).
    reliable_change=4,
    cutoff=8,
    source="Spitzer, Kroenke, Williams & Löwe 2006; reliable change and cut-off: NHS Talking Therapies manual",
)

MEASURES: dict[str, Measure] = {m.key: m for m in (PHQ9, GAD7)}


@dataclass(frozen=True)
class Score:
    total: int | None  # None when any item is unanswered: an incomplete form has no total
    missing: tuple[int, ...]  # 1-based numbers of unanswered items
    band: Band | None

    @property
    def complete(self) -> bool:
        return self.total is not None


def score(measure: Measure, items: Sequence[int | None]) -> Score:
    """Sum the items. A form with an unanswered item, the wrong number of items, or an
    answer outside the item range has no total (nothing is prorated, clipped or made up)."""
    padded = list(items) + [None] * (measure.items - len(items))
    missing = tuple(i + 1 for i, v in enumerate(padded[: measure.items]) if v is None)
    in_range = all(
        v is None or (isinstance(v, int) and measure.item_min <= v <= measure.item_max)
        for v in items
    )
    if missing or len(items) != measure.items or not in_range:
        return Score(None, missing, None)
    total = sum(v for v in padded if v is not None)
    return Score(total, (), measure.band(total))


RISK_MEASURES: dict[str, Measure] = {k: m for k, m in MEASURES.items() if m.risk_items}


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
