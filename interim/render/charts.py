"""Inline SVG charts drawn by interim: no JavaScript, no chart library.

Every function is pure — plain data in, a `Chart(svg, alt)` out — and deterministic: fixed
float formatting, English month names whatever the locale, ids derived from the caller's
`ident`. Text is real `<text>` and XML-escaped (labels come from user data: goal titles, type
names). Each SVG has `role="img"`, a `<title>` and a `<desc>` it is labelled by, and `alt`
is the same description for a text alternative. Colours are the Okabe–Ito palette (Okabe &
Ito 2008, "Color Universal Design"), safe for every common colour-vision deficiency; series
differ by dash pattern and marker shape too, so a greyscale print still tells them apart.
Gaps stay gaps (DESIGN §2.3): a missing value breaks a line; it is never drawn as zero.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from typing import NamedTuple

from interim.render.svg import Style, Svg

WIDTH = 640
# Okabe–Ito colours, in the order series use them.
BLUE, VERMILLION, GREEN, PURPLE = "#0072B2", "#D55E00", "#009E73", "#CC79A7"
ORANGE, BLACK = "#E69F00", "#000000"
GRID, MUTED = "#d0d0d0", "#595959"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WEEKDAYS = ("M", "T", "W", "T", "F", "S", "S")
# Band shading: light to dark greys, so severity reads as darkness in colour and in print.
BAND_FILLS = ("#f4f4f4", "#e6e6e6", "#d6d6d6", "#c6c6c6", "#b6b6b6", "#a6a6a6")


class Chart(NamedTuple):
    svg: str
    alt: str


_DASHES = ("", "6 4", "2 3", "8 3 2 3", "4 2", "1 3")
_MARKERS = ("circle", "square", "triangle", "diamond", "circle", "square")
STYLES = tuple(map(Style, (BLUE, VERMILLION, GREEN, PURPLE, ORANGE, BLACK), _DASHES, _MARKERS))

Value = float | int | None
Point = tuple[dt.date, Value]  # a dated value; None = no value that day (a gap)
Row = tuple[str, Sequence[int]]  # a label and one count per day
Scale = Callable[[float], float]


def number(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:.1f}"


def day_label(d: dt.date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]}"


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters, an ellipsis standing for what was cut (labels, columns)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _linear(lo: float, hi: float, out_lo: float, out_hi: float) -> Scale:
    span = (hi - lo) or 1.0
    return lambda v: out_lo + (v - lo) / span * (out_hi - out_lo)


def _by_day(count: int, left: float, right: float) -> Scale:
    """x of the i-th day: the middle of its column."""
    step = (right - left) / max(count, 1)
    return lambda i: left + step * (i + 0.5)


def _ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    """Round tick values (1, 2, 5 × 10^n steps) covering lo..hi."""
    raw = (hi - lo) / count if hi > lo else 1.0
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    first = math.ceil(lo / step) * step
    return [first + i * step for i in range(int((hi - first) / step + 1e-9) + 1)]


def _draw_series(svg: Svg, points: Sequence[tuple[float, float] | None], style: Style) -> None:
    """Split a series at its gaps (None): each run of consecutive values is one line, and a
    value with no neighbour is its marker alone — a gap is never bridged or drawn as zero."""
    runs: list[list[tuple[float, float]]] = [[]]
    for p in points:
        if p is None:
            runs.append([])
        else:
            runs[-1].append(p)
    for run in runs:
        if len(run) > 1:
            svg.polyline(run, style)
        for px, py in run:
            svg.marker(px, py, style)


def _y_axis(svg: Svg, y: Scale, lo: float, hi: float, left: float, right: float) -> None:
    for tick in _ticks(lo, hi):
        svg.line(left, y(tick), right, y(tick), GRID)
        svg.text(left - 6, y(tick) + 4, number(tick), "end", fill=MUTED)


def _x_labels(svg: Svg, days: Sequence[dt.date], x: Scale, base: float) -> None:
    """Day numbers, thinned so they never overlap; the month under the first and each 1st."""
    step = max(1, math.ceil(len(days) / 16))
    for i, d in enumerate(days):
        if i % step == 0:
            svg.text(x(i), base, str(d.day), "middle", fill=MUTED)
        if i == 0 or d.day == 1:
            svg.text(x(i), base + 14, MONTHS[d.month - 1], "middle", fill=MUTED)


def _legend(svg: Svg, labels: Sequence[str], left: float, y: float) -> None:
    x = left
    for i, label in enumerate(labels):
        style = STYLES[i % len(STYLES)]
        svg.polyline([(x, y), (x + 24, y)], style)
        svg.marker(x + 12, y, style, 3.5)
        svg.text(x + 30, y + 4, shorten(label, 40))
        x += 40 + 9 * min(len(label), 40)  # room for the larger labels on a phone


def _series_alt(label: str, days: Sequence[dt.date], values: Sequence[Value]) -> str:
    known = [(d, v) for d, v in zip(days, values, strict=True) if v is not None]
    head = f"{label}: entries on {len(known)} of {len(days)} days"
    if not known:
        return head + "."
    lo, hi = min(v for _, v in known), max(v for _, v in known)
    (d0, v0), (d1, v1) = known[0], known[-1]
    return (
        f"{head}; range {number(lo)}–{number(hi)}; first {number(v0)} ({day_label(d0)}), "
        f"latest {number(v1)} ({day_label(d1)})."
    )


def line_chart(
    days: Sequence[dt.date],
    series: Sequence[tuple[str, Sequence[Value]]],
    *,
    y_min: float,
    y_max: float,
    ident: str,
    title: str,
) -> Chart:
    """Daily values (mood, anxiety) over the period; None is a day with no entry, a gap in
    the line. A value with no neighbour shows as its marker alone."""
    alt = f"{title}. " + " ".join(_series_alt(label, days, vals) for label, vals in series)
    height, left, right, top, bottom = 220.0, 40.0, WIDTH - 12.0, 34.0, 184.0
    svg = Svg(ident, WIDTH, height, title, alt)
    x = _by_day(len(days), left, right)
    y = _linear(y_min, y_max, bottom, top)
    _y_axis(svg, y, y_min, y_max, left, right)
    _x_labels(svg, days, x, bottom + 18)
    _legend(svg, [label for label, _ in series], left, 14)
    for i, (_, values) in enumerate(series):
        points = [None if v is None else (x(j), y(v)) for j, v in enumerate(values)]
        _draw_series(svg, points, STYLES[i % len(STYLES)])
    return Chart(svg.done(), alt)


def sleep_chart(
    nights: Sequence[Point], *, target: float = 85, ident: str, title: str = "Sleep efficiency (%)"
) -> Chart:
    """One point per night on a line broken where a night has no efficiency (no diary, or a
    partial one — named in the text alternative), with the target line labelled. Points, not
    bars: the axis starts near the lowest night, and a bar on a cut axis would mislead."""
    days = [d for d, _ in nights]
    values = [v for _, v in nights]
    missing = [day_label(d) for d, v in nights if v is None]
    alt = f"{title}; target {number(target)}%. " + _series_alt("Sleep efficiency", days, values)
    if len(missing) > 10:  # a long list would drown the numbers that are there
        alt += f" No efficiency for {len(missing)} of {len(nights)} nights."
    elif missing:
        alt += " No efficiency for: " + ", ".join(missing) + "."
    known = [float(v) for v in values if v is not None]
    low = min([50.0, target - 10, *(10 * math.floor(v / 10) for v in known)])
    height, left, right, top, bottom = 220.0, 40.0, WIDTH - 84.0, 16.0, 184.0
    svg = Svg(ident, WIDTH, height, title, alt)
    x, y = _by_day(len(nights), left, right), _linear(max(low, 0.0), 100, bottom, top)
    _y_axis(svg, y, max(low, 0.0), 100, left, right)
    _x_labels(svg, days, x, bottom + 18)
    svg.line(left, y(target), right, y(target), BLACK, stroke_width="2", stroke_dasharray="6 4")
    svg.text(right + 6, y(target) + 4, f"target {number(target)}%", font_weight="bold")
    _draw_series(
        svg, [None if v is None else (x(i), y(v)) for i, v in enumerate(values)], STYLES[0]
    )
    return Chart(svg.done(), alt)


def _time_scale(dates: Sequence[dt.date], left: float, right: float) -> Scale:
    """x by calendar time (ratings are unevenly spaced); a single date sits in the middle."""
    first, last = min(dates), max(dates)
    if first == last:
        return lambda _: (left + right) / 2
    span = (last - first).days
    return lambda ordinal: left + (ordinal - first.toordinal()) / span * (right - left)


def _date_ticks(svg: Svg, dates: Sequence[dt.date], x: Scale, base: float) -> None:
    unique = sorted(set(dates))
    step = max(1, math.ceil(len(unique) / 8))
    for d in unique[::step]:
        svg.text(x(d.toordinal()), base, day_label(d), "middle", fill=MUTED)


def score_chart(
    points: Sequence[Point],
    *,
    name: str,
    bands: Sequence[tuple[int, int, str]],
    max_total: int,
    cutoff: int | None,
    ident: str,
    sessions: Sequence[tuple[dt.date, str]] = (),
) -> Chart:
    """Scores over the whole treatment on shaded severity bands, with the caseness cut-off.
    An incomplete form (None) has no score and leaves a gap. `sessions`: (day, label) of
    the held sessions, marked as thin vertical lines (the course view)."""
    known = [f"{day_label(d)} {number(v)}" for d, v in points if v is not None]
    incomplete = [day_label(d) for d, v in points if v is None]
    title = f"{name} scores over treatment"
    scale = f"0–{max_total}" + ("" if cutoff is None else f"; cut-off {cutoff}")
    alt = f"{title} ({scale}): " + (", ".join(known) or "none") + "."
    if incomplete:
        alt += " Incomplete (no score): " + ", ".join(incomplete) + "."
    if sessions:
        alt += " Sessions: " + ", ".join(f"{label} {day_label(d)}" for d, label in sessions) + "."
    height, left, right, top, bottom = 240.0, 40.0, WIDTH - 12.0, 12.0, 204.0
    svg = Svg(ident, WIDTH, height, title, alt)
    y = _linear(0, max_total, bottom, top)
    for i, (low, high, label) in enumerate(bands):
        y_top = y(min(high + 1, max_total))
        svg.rect(left, y_top, right - left, y(low) - y_top, BAND_FILLS[i % len(BAND_FILLS)])
        svg.text(right - 4, y_top + 13, label, "end", fill=MUTED, font_size="11")
    _y_axis(svg, y, 0, max_total, left, left)
    if cutoff is not None:
        svg.line(
            left, y(cutoff), right, y(cutoff), VERMILLION, stroke_width="2", stroke_dasharray="6 4"
        )
        svg.text(left + 4, y(cutoff) - 4, f"cut-off {cutoff}", fill=VERMILLION, font_weight="bold")
    if points:
        x = _time_scale([d for d, _ in points] + [d for d, _ in sessions], left + 16, right - 110)
        for day, label in sessions:
            sx = x(day.toordinal())
            svg.line(sx, top, sx, bottom, MUTED, stroke_width="1", stroke_dasharray="2 3")
            svg.text(sx, top + 10, label, "middle", fill=MUTED, font_size="10")
        coords = [None if v is None else (x(d.toordinal()), y(v)) for d, v in points]
        _draw_series(svg, coords, STYLES[0])
        _date_ticks(svg, [d for d, _ in points], x, bottom + 18)
    return Chart(svg.done(), alt)


def calendar_strip(
    days: Sequence[dt.date],
    rows: Sequence[Row],
    *,
    ident: str,
    title: str = "Entries by day",
    unit: str = "day",
) -> Chart:
    """Rows are record types, columns are days (or weeks or months, from their first day:
    `unit`); a filled cell is a column with an entry (the number says how many when more
    than one), an empty cell one without."""
    alt = _calendar_alt(days, rows, title, unit)
    label_w, head = 124.0, 36.0
    cell = min(30.0, (WIDTH - label_w - 8) / max(len(days), 1))
    width, height = label_w + cell * len(days) + 8, head + 24.0 * len(rows) + 6
    svg = Svg(ident, width, height, title, alt)
    step = max(1, math.ceil(len(days) / 31))
    for i, d in enumerate(days):
        cx = label_w + cell * (i + 0.5)
        if unit == "day" and d.weekday() >= 5:  # weekends shaded: pacing shows at a glance
            svg.rect(label_w + cell * i, head - 30, cell, height - head + 30, "#f0f0f0")
        if i % step == 0:
            upper, lower = _column_head(d, unit)
            svg.text(cx, 12, upper, "middle", fill=MUTED, font_size="10")
            svg.text(cx, 26, lower, "middle", fill=MUTED, font_size="10")
    for r, (label, counts) in enumerate(rows):
        top = head + 24.0 * r
        svg.text(label_w - 8, top + 15, shorten(label, 17), "end")
        for i, count in enumerate(counts):
            _calendar_cell(svg, label_w + cell * i, top, cell, count)
    return Chart(svg.done(), alt)


def _column_head(d: dt.date, unit: str) -> tuple[str, str]:
    """A column's two header lines: weekday and day; day and month; month and year."""
    if unit == "month":
        return MONTHS[d.month - 1], f"{d.year % 100:02d}"
    if unit == "week":
        return str(d.day), MONTHS[d.month - 1]
    return WEEKDAYS[d.weekday()], str(d.day)


def _calendar_cell(svg: Svg, x: float, top: float, cell: float, count: int) -> None:
    pad = min(2.0, cell / 8)
    if count <= 0:
        svg.rect(x + pad, top + 2, cell - 2 * pad, 18, "#ffffff", stroke="#9a9a9a")
        return
    svg.rect(x + pad, top + 2, cell - 2 * pad, 18, BLUE)
    if count > 1 and cell >= 14:
        svg.text(x + cell / 2, top + 15, str(count), "middle", fill="#ffffff", font_size="11")


def _calendar_alt(days: Sequence[dt.date], rows: Sequence[Row], title: str, unit: str) -> str:
    if not days:
        return f"{title}: no days."
    span = f"{day_label(days[0])} to {day_label(days[-1])}"
    units = f"{unit}s"
    parts = [
        f"{label} in {sum(c > 0 for c in counts)} of {len(days)} {units}"
        if unit != "day"
        else f"{label} on {sum(c > 0 for c in counts)} of {len(days)} days"
        for label, counts in rows
    ]
    text = f"{title}, {span}: " + ("; ".join(parts) or "no entries") + "."
    empty = [day_label(d) for i, d in enumerate(days) if all(c[i] <= 0 for _, c in rows)]
    if not empty:
        return text
    what = "Days with no entry" if unit == "day" else f"{unit.capitalize()}s with no entry, from"
    return text + f" {what}: " + ", ".join(empty) + "."


def goal_chart(
    goals: Sequence[tuple[str, Sequence[Point]]], *, ident: str, title: str = "Goal progress (0–10)"
) -> Chart:
    """Each goal's progress ratings (0–10) over time, one line style per goal, with the goal
    titles in a legend under the plot (titles can be long)."""
    ratings = [
        ", ".join(f"{number(v)} ({day_label(d)})" for d, v in pts if v is not None) or "none"
        for _, pts in goals
    ]
    alt = f"{title}. " + " ".join(f"{g[0]}: {r}." for g, r in zip(goals, ratings, strict=True))
    left, right, top, bottom = 40.0, WIDTH - 24.0, 12.0, 172.0
    height = bottom + 30 + 20.0 * len(goals)
    svg = Svg(ident, WIDTH, height, title, alt)
    y = _linear(0, 10, bottom, top)
    _y_axis(svg, y, 0, 10, left, right)
    dates = [d for _, pts in goals for d, _ in pts]
    x = _time_scale(dates, left + 16, right - 16) if dates else _linear(0, 1, left, right)
    for i, (label, pts) in enumerate(goals):
        style = STYLES[i % len(STYLES)]
        _draw_series(svg, [None if v is None else (x(d.toordinal()), y(v)) for d, v in pts], style)
        ly = bottom + 44 + 20.0 * i
        svg.polyline([(left, ly - 4), (left + 24, ly - 4)], style)
        svg.marker(left + 12, ly - 4, style, 3.5)
        svg.text(left + 32, ly, shorten(label, 56))  # the table beside it has the full title
    if dates:
        _date_ticks(svg, dates, x, bottom + 18)
    return Chart(svg.done(), alt)


def pacing_strip(
    days: Sequence[dt.date],
    counts: Sequence[int],
    *,
    ident: str,
    label: str,
    active: Sequence[bool] | None = None,
) -> Chart:
    """A small strip for the homework table: one column per day, bar height = entries that
    day (capped at 3), a faint tick for a day without, nothing for a day the homework did not
    run (`active` False; default: it ran every day). "All done the night before" shows as
    one tall bar at the end."""
    ran = [True] * len(days) if active is None else list(active)
    if len(ran) != len(days):
        raise ValueError("one active flag per day")
    done = [(d, c) for d, c in zip(days, counts, strict=True) if c > 0]
    alt = f"{label}: practised on {len(done)} of {_ran_text(days, ran)}" + (
        ": " + ", ".join(f"{day_label(d)} ({c})" for d, c in done) + "." if done else "."
    )
    cell = min(8.0, 160.0 / max(len(days), 1))
    width, height = cell * len(days) + 2, 22.0
    svg = Svg(ident, width, height, f"{label}: entries per day", alt)
    for i, c in enumerate(counts):
        x = 1 + i * cell
        if c > 0:
            h = 6 + 14 * min(c, 3) / 3
            svg.rect(x + cell * 0.15, 21 - h, cell * 0.7, h, BLUE)
        elif ran[i]:
            svg.rect(x + cell * 0.15, 19, cell * 0.7, 2, "#9a9a9a")
    return Chart(svg.done(), alt)


def _ran_text(days: Sequence[dt.date], ran: Sequence[bool]) -> str:
    """`14 days`, or `3 days it ran (16 Nov – 18 Nov)` when it ran on only some of them."""
    on = [d for d, r in zip(days, ran, strict=True) if r]
    if len(on) == len(days):
        return f"{len(days)} days"
    if not on:
        return "0 days it ran"
    span = day_label(on[0]) if len(on) == 1 else f"{day_label(on[0])} – {day_label(on[-1])}"
    return f"{len(on)} day{'' if len(on) == 1 else 's'} it ran ({span})"
