"""Jinja filters for the report templates. Every one is deterministic (English names
whatever the locale, fixed decimals) and accepts the JSON context's values: dates as ISO
strings, None for "no value" (shown as a dash, never as zero)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from markupsafe import Markup

from interim.render.charts import MONTHS
from interim.render.markdown import body_md, escape_md, to_html

DASH = "—"
MINUS = "\u2212"  # a real minus sign: "−2" reads as a number, "-2" can look like a hyphen
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
LONG_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
SPARKS = "▁▂▃▄▅▆▇█"


def as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        return dt.date.fromisoformat(value[:10])
    return None


def date(value: Any, style: str = "medium", year_of: Any = None) -> str:
    """`medium` Tue 17 Nov 2026, `long` Tuesday 17 November 2026, `short` 17 Nov,
    `day` Tue 17 Nov, `iso` 2026-11-17. `year_of`: a date whose year `short` and `day` may
    leave out; a date of another year is written with its year (17 Nov 2025)."""
    d = as_date(value)
    if d is None:
        return DASH
    if style == "iso":
        return d.isoformat()
    if style in ("short", "day"):
        other = as_date(year_of) if year_of is not None else None
        year = f" {d.year}" if other is not None and other.year != d.year else ""
        weekday = f"{DAYS[d.weekday()][:3]} " if style == "day" else ""
        return f"{weekday}{d.day} {MONTHS[d.month - 1]}{year}"
    if style == "long":
        return f"{DAYS[d.weekday()]} {d.day} {LONG_MONTHS[d.month - 1]} {d.year}"
    return f"{DAYS[d.weekday()][:3]} {d.day} {MONTHS[d.month - 1]} {d.year}"


def num(value: Any, places: int = 1) -> str:
    """A number with fixed decimals (an integer stays whole); None is a dash."""
    if value is None or isinstance(value, bool):
        return DASH if value is None else str(value).lower()
    if isinstance(value, int) or (isinstance(value, float) and places == 0):
        return f"{value:.0f}"
    if isinstance(value, float):
        return f"{value:.{places}f}"
    return str(value)


def signed(value: Any, places: int = 0) -> str:
    """+3, −2 (a real minus), 0; None is a dash."""
    if value is None:
        return DASH
    text = num(abs(value), places) if isinstance(value, int | float) else str(value)
    if isinstance(value, int | float) and value > 0:
        return "+" + text
    if isinstance(value, int | float) and value < 0:
        return MINUS + text
    return text


def mean_places(stat: Any, places: int = 1) -> int:
    """Decimals for a stat's mean (`{mean, n}`): a mean of one whole value is that value
    ("SUDS 45 (n=1)", not "45.0"), so 0; otherwise `places`. For a mean in a sentence; a
    table column keeps one number of decimals for all its rows."""
    mean = stat.get("mean") if isinstance(stat, dict) else None
    single = isinstance(stat, dict) and stat.get("n") == 1
    whole = (
        isinstance(mean, int | float) and not isinstance(mean, bool) and float(mean).is_integer()
    )
    return 0 if single and whole else places


def spark(values: Sequence[Any], low: float | None = None, high: float | None = None) -> str:
    """A unicode sparkline for the terminal; a day without a value is "·", never a bar."""
    known = [float(v) for v in values if isinstance(v, int | float)]
    if not known:
        return "·" * len(values)
    lo = min(known) if low is None else low
    hi = max(known) if high is None else high
    span = (hi - lo) or 1.0

    def bar(v: Any) -> str:
        if not isinstance(v, int | float):
            return "·"
        level = round((min(max(float(v), lo), hi) - lo) / span * (len(SPARKS) - 1))
        return SPARKS[level]

    return "".join(bar(v) for v in values)


def pace(strip: Sequence[Any], active: Sequence[bool] | None = None) -> str:
    """A homework's pacing strip for text: a bar per day it ran (a low bar for none), a
    blank on a day it was not running (issue 13: not drawn like an active day missed)."""
    bars = spark(strip, 0)
    if not active:
        return bars
    return "".join(b if on else " " for b, on in zip(bars, active, strict=False))


def duration(minutes: Any) -> str:
    """Minutes → "7 h 20 min", "45 min", "8 h"; None is a dash."""
    if not isinstance(minutes, int | float) or isinstance(minutes, bool):
        return DASH
    total = round(minutes)
    sign, total = (MINUS, -total) if total < 0 else ("", total)
    hours, mins = divmod(total, 60)
    if hours and mins:
        return f"{sign}{hours} h {mins} min"
    return f"{sign}{hours} h" if hours else f"{sign}{mins} min"


def md(body: Any) -> Markup:
    """A record body (Markdown) → safe HTML."""
    return Markup(to_html(str(body or "")))


def md_body(body: Any) -> Markup:
    """A record body for Markdown output: escaped, quoted."""
    return Markup(body_md(str(body or "")))


def md_text(value: Any) -> Markup:
    """Plain text escaped for Markdown (the text environment does this to every `{{ }}`)."""
    return Markup(escape_md(str(value)))


# The per-entry helpers of report/macros.html.j2 as filters: a long report calls them for
# every entry, and a sandboxed macro call costs ten times a filter. Each gives what its
# macro gives, character for character (tests/test_render_details.py holds them together).


def when(entry: Any) -> str:
    """An entry's day and time: `Tue 17 Nov 21:00`, `no date` (the `when` macro)."""
    day, time = entry["date"], entry["time"]
    return (date(day, "day") if day else "no date") + (f" {time}" if time else "")


def yesno(value: Any) -> Any:
    """true → `yes`, false → `no`, nothing → `—`, anything else as it is (the macro)."""
    if value is True:
        return "yes"
    if value is False:
        return "no"
    return value if value else DASH


def block_of(md_filter: Callable[[Any], Markup]) -> Callable[[Any], Markup]:
    """The `body_block` filter over a page's `md` filter (the report's keeps each body it
    rendered: interim.render.bodies)."""

    def body_block(text: Any) -> Markup:
        """A body in its `<div class="body">` (the `body` macro); nothing when empty."""
        return Markup('<div class="body">%s</div>') % md_filter(text) if text else Markup()

    return body_block


def labelled(value: Any, label: Any) -> Markup:
    """`<p><span class="label">Label:</span> value</p>`, nothing when empty (`text`)."""
    if not value:
        return Markup()
    return Markup('<p><span class="label">%s:</span> %s</p>') % (label, value)


def labelled_list(values: Any, label: Any) -> Markup:
    """The same for a list, joined by `; ` (the `items` macro)."""
    if not values:
        return Markup()
    joined = Markup("; ").join(v if hasattr(v, "__html__") else str(v) for v in values)
    return Markup('<p><span class="label">%s:</span> %s</p>') % (label, joined)


HTML_FILTERS: dict[str, Callable[..., Any]] = {
    "when": when,
    "yesno": yesno,
    "body_block": block_of(md),
    "labelled": labelled,
    "labelled_list": labelled_list,
    "date": date,
    "num": num,
    "signed": signed,
    "mean_places": mean_places,
    "spark": spark,
    "pace": pace,
    "duration": duration,
    "md": md,
}
_HTML_ONLY = ("md", "when", "yesno", "body_block", "labelled", "labelled_list")
TEXT_FILTERS: dict[str, Callable[..., Any]] = {
    **{k: v for k, v in HTML_FILTERS.items() if k not in _HTML_ONLY},
    "md": md_body,
    "md_text": md_text,
}
