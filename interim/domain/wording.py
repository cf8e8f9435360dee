"""The wording of a questionnaire as `interim new` asks it and writes it: each item's answer
choices, as a record holds them, with their words. Scoring lives in `interim.domain.measures`;
this is only what a person reads. The words themselves are the measures' data
(`interim/measures/*.yaml`, and a folder's own in its `types/`)."""

from __future__ import annotations

from interim.domain.measures import Item, Measure


def item_choices(measure: Measure, item: Item) -> tuple[tuple[int, str], ...]:
    """(what a record holds, its words) for each answer of `item`, as the form prints them."""
    if measure.records == "position":
        return tuple((i, words) for i, (_, words) in enumerate(item.answers))
    return item.answers


def shared_choices(measure: Measure) -> tuple[tuple[int, str], ...] | None:
    """The answers every item shares (PHQ-9: 0 Not at all … 3 Nearly every day), or None when
    items differ (then each item shows its own)."""
    first = {item_choices(measure, q) for q in measure.questions}
    return next(iter(first)) if len(first) == 1 else None


def choices_text(choices: tuple[tuple[int, str], ...] | tuple[str, ...]) -> str:
    """`0 Not at all, 1 Several days, …`: the answer key shown with every item."""
    pairs = [c if isinstance(c, tuple) else (i, c) for i, c in enumerate(choices)]
    return ", ".join(f"{value} {label}" for value, label in pairs)
