"""Plain-text descriptions of the measures for `interim measures`: the built-in ones and the
folder's own (`types/` files with a `measure:` key), each with its source and licence."""

from __future__ import annotations

from interim.domain.measures import NONE_PUBLISHED, Measure
from interim.domain.wording import choices_text, item_choices, shared_choices


def list_measures(measures: dict[str, Measure]) -> str:
    width = max(len(m.name) for m in measures.values())
    lines = []
    for m in measures.values():
        where = "built-in" if m.origin == "built-in" else m.origin
        lines.append(f"{m.name:<{width}}  {m.title} ({where}, {m.items} items, 0–{m.max_total})")
        lines.append(f"{'':<{width}}  source: {m.citation}")
        lines.append(f"{'':<{width}}  licence: {m.licence} Use: {m.use}.")
    lines.append("")
    lines.append("`interim measures NAME` describes one: its items, answers, bands and rules.")
    lines.append("Measures whose terms do not allow them to ship with interim (EPDS, ISI, AUDIT,")
    lines.append(
        "CORE-10, DASS-21, …) can be defined in the folder's types/: see docs/measures.md."
    )
    return "\n".join(lines)


def describe_measure(m: Measure) -> str:
    where = "built-in" if m.origin == "built-in" else f"defined in {m.origin}"
    lines = [f"{m.name}: {m.title} ({where})", ""]
    lines.append(f"Source: {m.citation}")
    lines.append(f"Licence: {m.licence}")
    lines.append(f"Who may use it: {m.use}")
    lines.append("")
    if m.stem:
        lines.append(m.stem)
    shared = shared_choices(m)
    held = "the position of the answer on the form" if m.records == "position" else "the score"
    lines.append(f"A record holds, for each item, {held}.")
    if shared is not None:
        lines.append(f"Answers: {choices_text(shared)}")
    for q in m.questions:
        marks = []
        if q.applies:
            marks.append(f"{q.applies}: may be not applicable")
        if q.reverse:
            marks.append("reverse-scored")
        if any(r.number == q.number for r in m.risk_items):
            marks.append("risk item")
        mark = f" [{'; '.join(marks)}]" if marks else ""
        lines.append(f"  {q.number:>2}. {q.text}{mark}")
        if shared is None:
            lines.append(f"      answers: {choices_text(item_choices(m, q))}")
    lines.append("")
    lines += _rules(m)
    return "\n".join(lines)


def _rules(m: Measure) -> list[str]:
    lines = []
    times = f" × {m.multiplier}" if m.multiplier != 1 else ""
    top = f"0–{m.max_total}"
    if m.conditional:
        which = ", ".join(map(str, m.conditional))
        top += f" (over the other items when item {which} does not apply)"
    lines.append(f"Total: the items' scores added{times}, {top}.")
    if m.prorate:
        lines.append(
            f"Missing items: up to {m.prorate} prorated, as its manual states: {m.prorate_rule}"
        )
    else:
        lines.append("Missing items: none allowed; a form with an unanswered item has no total.")
    bands = ", ".join(f"{b.low}–{b.high} {b.label}" for b in m.bands) or NONE_PUBLISHED
    lines.append(f"Bands: {bands}{_from(m.bands_source) if m.bands else ''}.")
    cutoff = NONE_PUBLISHED if m.cutoff is None else f"{m.cutoff} or more"
    lines.append(f"Cut-off: {cutoff}{_from(m.cutoff_source) if m.cutoff is not None else ''}.")
    rc = NONE_PUBLISHED if m.reliable_change is None else f"a change of {m.reliable_change} or more"
    reliable = _from(m.reliable_source) if m.reliable_change is not None else ""
    lines.append(f"Reliable change: {rc}{reliable}.")
    for s in m.subscales:
        items = ", ".join(map(str, s.items))
        mult = f" × {s.multiplier}" if s.multiplier != 1 else ""
        sub_bands = ", ".join(f"{b.low}–{b.high} {b.label}" for b in s.bands) or NONE_PUBLISHED
        lines.append(f"Subscale {s.name}: items {items}{mult}; bands: {sub_bands}.")
    for r in m.risk_items:
        answers = ", ".join(map(str, sorted(r.raises)))
        lines.append(
            f"Risk item {r.number} ({r.short}): an answer of {answers} — or an unanswered or "
            "unreadable one — shows the safety notice at the top of every report."
        )
    if not m.risk_items:
        lines.append("Risk items: none.")
    return lines


def _from(source: str) -> str:
    return f" ({source})" if source else ""
