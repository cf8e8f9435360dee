"""Charts from the report context: template globals that turn the JSON-safe section data
(ISO dates, None for gaps) into `interim.render.charts` calls and hand back the SVG as Markup.

The context stays values (DESIGN §4: JSON is the template API — no rendered SVG in it); the
templates ask for a chart where they want one. Every function returns a `Figure` with the
SVG and its text alternative, or None when there is nothing to draw.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple

from markupsafe import Markup

from interim.render import charts
from interim.render.filters import as_date


class Figure(NamedTuple):
    svg: Markup
    alt: str


def _figure(chart: charts.Chart) -> Figure:
    return Figure(Markup(chart.svg), chart.alt)


def _days(items: Sequence[Mapping[str, Any]]) -> list[dt.date]:
    return [d for d in (as_date(i.get("date")) for i in items) if d is not None]


def _num(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def series_chart(series: Sequence[Mapping[str, Any]], ident: str, title: str) -> Figure | None:
    """Daily series of one record type (mood and anxiety) on one chart. Each series is
    `{label, min, max, daily: [{date, value}]}`; the y-axis spans the fields' ranges."""
    drawn = [s for s in series if s.get("daily")]
    if not drawn:
        return None
    days = _days(drawn[0]["daily"])
    lows = [_num(s.get("min")) for s in drawn]
    highs = [_num(s.get("max")) for s in drawn]
    values = [v for s in drawn for v in (_num(d.get("value")) for d in s["daily"]) if v is not None]
    y_min = min([v for v in lows if v is not None] or [min(values, default=0.0)])
    y_max = max([v for v in highs if v is not None] or [max(values, default=1.0)])
    lines = [(str(s.get("label", "")), [_num(d.get("value")) for d in s["daily"]]) for s in drawn]
    chart = charts.line_chart(days, lines, y_min=y_min, y_max=y_max, ident=ident, title=title)
    return _figure(chart)


def sleep_chart(nights: Sequence[Mapping[str, Any]], target: Any, ident: str) -> Figure | None:
    """Nights `[{date, se}]` or `[{date, value}]` (None: no complete night) and the target."""
    if not nights:
        return None
    points = [
        (as_date(n.get("date")), _num(n["se"] if "se" in n else n.get("value"))) for n in nights
    ]
    dated = [(d, v) for d, v in points if d is not None]
    return _figure(charts.sleep_chart(dated, target=_num(target) or 85.0, ident=ident))


def score_chart(instrument: Mapping[str, Any], ident: str) -> Figure | None:
    """One instrument's totals over treatment (`administrations`, an incomplete form has no
    total and leaves a gap) on its `bands`, with its `cutoff` — a folder's own instrument
    brings its own."""
    points = [
        (as_date(a.get("date")), _num(a.get("total")))
        for a in instrument.get("administrations", [])
    ]
    dated = sorted(((d, v) for d, v in points if d is not None), key=lambda p: p[0])
    max_total = _num(instrument.get("max_total"))
    if not dated or not max_total:
        return None
    bands = [(int(b["low"]), int(b["high"]), str(b["label"])) for b in instrument.get("bands", [])]
    cutoff = _num(instrument.get("cutoff"))
    chart = charts.score_chart(
        dated,
        name=str(instrument.get("name", "")),
        bands=bands,
        max_total=int(max_total),
        cutoff=None if cutoff is None else int(cutoff),
        ident=ident,
    )
    return _figure(chart)


def course_chart(
    measure: Mapping[str, Any], sessions: Sequence[Mapping[str, Any]], ident: str
) -> Figure | None:
    """One measure's every score since the first (`points`) on its `bands`, with its
    `cutoff` and the held `sessions` marked (`S1`, `S2`, …): the course view's chart."""
    points = [(as_date(p.get("date")), _num(p.get("total"))) for p in measure.get("points", [])]
    dated = sorted(((d, v) for d, v in points if d is not None), key=lambda p: p[0])
    max_total = _num(measure.get("max_total"))
    if not dated or not max_total:
        return None
    marks = []
    for i, s in enumerate(sessions, 1):
        day = as_date(s.get("date"))
        if day is not None and dated[0][0] <= day <= dated[-1][0]:
            number = s.get("number")
            marks.append((day, f"S{number if isinstance(number, int) else i}"))
    bands = [(int(b["low"]), int(b["high"]), str(b["label"])) for b in measure.get("bands", [])]
    cutoff = _num(measure.get("cutoff"))
    chart = charts.score_chart(
        dated,
        name=str(measure.get("name", "")),
        bands=bands,
        max_total=int(max_total),
        cutoff=None if cutoff is None else int(cutoff),
        ident=ident,
        sessions=marks,
    )
    return _figure(chart)


def calendar_chart(days: Sequence[Mapping[str, Any]], ident: str) -> Figure | None:
    """The calendar strip from `[{date, counts: {type: count}}]` (or `kinds: [type, ...]`);
    entries that cover several days (`days`: 7 or about 30) make a strip by week or month."""
    dates = _days(days)
    if not dates:
        return None
    counts = [_kind_counts(d.get("counts") or d.get("kinds")) for d in days]
    kinds = sorted({k for c in counts for k in c})
    rows = [(kind, [c.get(kind, 0) for c in counts]) for kind in kinds]
    widest = max((int(d["days"]) for d in days if isinstance(d.get("days"), int)), default=1)
    unit = "month" if widest > 7 else "week" if widest > 1 else "day"
    title = f"Entries by {unit}"
    return _figure(charts.calendar_strip(dates, rows, ident=ident, title=title, unit=unit))


def _kind_counts(kinds: Any) -> dict[str, int]:
    if isinstance(kinds, Mapping):
        return {str(k): int(v) for k, v in kinds.items() if isinstance(v, int)}
    out: dict[str, int] = {}
    for kind in kinds or []:
        out[str(kind)] = out.get(str(kind), 0) + 1
    return out


def goal_chart(goals: Sequence[Mapping[str, Any]], ident: str) -> Figure | None:
    """Goals `[{title, id, series: [{date, rating}]}]`, each a line."""
    lines = []
    for goal in goals:
        ratings = [(as_date(r.get("date")), _num(r.get("rating"))) for r in goal.get("series", [])]
        points = [(d, v) for d, v in ratings if d is not None]
        if points:
            lines.append((str(goal.get("title") or goal.get("id") or "goal"), points))
    return _figure(charts.goal_chart(lines, ident=ident)) if lines else None


def pacing_chart(
    strip: Sequence[int], start: Any, ident: str, label: str, active: Any = None
) -> Figure | None:
    """The homework table's pacing strip: entries per day from the period's first day;
    `active` (the pacing's `active`, one flag per day) leaves days it did not run blank."""
    first = as_date(start)
    if first is None or not strip:
        return None
    days = [first + dt.timedelta(days=i) for i in range(len(strip))]
    counts = [int(c) if isinstance(c, int) else 0 for c in strip]
    ran = None
    if isinstance(active, Sequence) and len(active) == len(strip):
        ran = [a is not False for a in active]
    return _figure(charts.pacing_strip(days, counts, ident=ident, label=label, active=ran))


GLOBALS: dict[str, Callable[..., Figure | None]] = {
    "series_chart": series_chart,
    "sleep_chart": sleep_chart,
    "score_chart": score_chart,
    "course_chart": course_chart,
    "calendar_chart": calendar_chart,
    "goal_chart": goal_chart,
    "pacing_chart": pacing_chart,
}
