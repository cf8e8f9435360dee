"""Plain data: the JSON-safe form every summary hands to the templates, and the small bits
of arithmetic every summary shares (half-up rounding, means that say what they rest on,
change words).

Rounding is half up (2.5 → 3), done on decimals, never Python's `round()`: `round()` rounds
halves to even and works on binary floats, so `round(2.5) == 2` and `round(0.15, 1) == 0.1`,
which is not what a person checking the report by hand would get.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import math
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import TypeAlias

from interim.settings import Settings

Number = int | float | Fraction
# JSON: what `to_data()` gives, what the templates receive and `--format json` writes.
Json: TypeAlias = "str | int | float | bool | list[Json] | dict[str, Json] | None"
# A field excluded from `to_data()`: in the typed context for the renderer, never in the
# template API (`field(metadata=NOT_DATA)`).
NOT_DATA = {"interim.data": False}
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def display_name(text: str) -> str:
    """A name the client wrote (settings `name:`, a folder's name) as one line of visible
    text: line breaks and other control characters become spaces, and the invisible
    characters that reorder or hide text — bidi marks, overrides and isolates, zero-width
    spaces — are dropped, so a name cannot reverse the text after it on a page. (The
    joiners that some scripts spell with, U+200C and U+200D, are kept.)"""
    out = []
    for ch in text:
        if ch in _HIDDEN:
            continue
        out.append(" " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch)
    return " ".join("".join(out).split())


_HIDDEN = frozenset(
    "\u061c\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)


def plain(value: object) -> Json:
    """`value` as JSON-safe data: dataclasses and mappings become dicts, tuples lists, dates
    ISO strings (YYYY-MM-DD), times "HH:MM". Anything else is a bug, so it raises."""
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:  # most of a report
        return value  # type: ignore[return-value]
    fields = _DATA_FIELDS.get(kind)
    if fields is not None:  # a summary dataclass seen before, without its own to_data
        return {name: plain(getattr(value, name)) for name in fields}
    if kind is list or kind is tuple:
        return [plain(v) for v in value]  # type: ignore[attr-defined]
    if isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, enum.Enum):
        return plain(value.value)
    if isinstance(value, Fraction):
        return float(value)
    if isinstance(value, Data) and type(value).to_data is not Data.to_data:
        return value.to_data()  # its own shape (a period adds its label and day counts)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = tuple(
            f.name for f in dataclasses.fields(value) if f.metadata.get("interim.data", True)
        )
        _DATA_FIELDS[kind] = names
        return {name: plain(getattr(value, name)) for name in names}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (set, frozenset)):  # in a fixed order, whatever the hash seed
        return [plain(v) for v in sorted(value, key=str)]
    raise TypeError(f"not plain data: {type(value).__name__}")


# The data fields of each dataclass `plain` has met (those without a to_data of their own),
# so the fields are looked up once per class, not once per value.
_DATA_FIELDS: dict[type, tuple[str, ...]] = {}


class Data:
    """Mixin for summary dataclasses: `to_data()` is the JSON-safe dict."""

    def to_data(self) -> dict[str, Json]:
        data = plain(self)
        assert isinstance(data, dict)
        return data


def _decimal(value: Number | Decimal) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, Fraction):
        return Decimal(value.numerator) / Decimal(value.denominator)
    # repr() of a float is the shortest text that reads back the same: 0.15 stays 0.15.
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)


def half_up(value: Number | Decimal, places: int = 1) -> float:
    """Round half away from zero to `places` decimals (0.15 → 0.2, -0.25 → -0.3)."""
    quantum = Decimal(1).scaleb(-places)
    return float(_decimal(value).quantize(quantum, rounding=ROUND_HALF_UP))


def half_up_int(value: Number) -> int:
    """Round to a whole number, half up: floor(x + 0.5), so 1.5 → 2 and 2.5 → 3."""
    return math.floor(Fraction(value) + Fraction(1, 2))


def exact_mean(values: Sequence[Number]) -> Number | None:
    """The mean, exact for whole numbers (a Fraction), so rounding happens once, at the end."""
    if not values:
        return None
    whole = [v for v in values if isinstance(v, int)]
    if len(whole) == len(values):  # a sum of whole numbers is exact
        return Fraction(sum(whole), len(values))
    exact = [v for v in values if isinstance(v, (int, Fraction))]
    if len(exact) == len(values):
        return Fraction(sum(exact, Fraction(0)), len(values))
    return math.fsum(float(v) for v in values) / len(values)


@dataclass
class Stat(Data):
    """A mean with the number of values it rests on (DESIGN §2.3: every average says so)."""

    mean: float | None
    n: int


def stat(values: Iterable[Number | None]) -> Stat:
    present = [v for v in values if v is not None and not isinstance(v, bool)]
    m = exact_mean(present)
    return Stat(None if m is None else half_up(m), len(present))


def paired_change(pairs: Iterable[tuple[Number | None, Number | None]]) -> Stat:
    """Mean of after − before over the pairs where both are filled in."""
    return stat([b - a for a, b in pairs if a is not None and b is not None])


def difference(now: float | None, before: float | None) -> float | None:
    """Change between two shown (rounded) values, so the change agrees with what is shown."""
    if now is None or before is None:
        return None
    return half_up(_decimal(now) - _decimal(before))


def direction(change: float | None, better: str | None) -> str | None:
    """Change in words: "better"/"worse" when the field says which way is good news
    (FieldSpec.better), otherwise "higher"/"lower"; "no change" for zero."""
    if change is None:
        return None
    if change == 0:
        return "no change"
    if better not in ("higher", "lower"):
        return "higher" if change > 0 else "lower"
    return "better" if (change > 0) == (better == "higher") else "worse"


def most_common(counts: dict[str, int]) -> list[tuple[str, int]]:
    """Most frequent first; ties in alphabetical order (Counter.most_common keeps insertion
    order for ties, which would make the report depend on file order)."""
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


DAY_START = dt.time(4, 0)  # the `day_start` setting's default


def time_key(time: dt.time | None, day_start: dt.time = DAY_START) -> tuple[int, dt.time]:
    """Where a time falls in its diary day: untimed first, then from `day_start` on, then
    the small hours. A `date` is the day as written, so an entry at 01:28 dated the 25th was
    made late on the evening of the 25th: after that date's 21:00, not before its 08:00."""
    if time is None:
        return (0, dt.time.min)
    return (1 if time >= day_start else 2, time)


def day_start_of(settings: Settings | None) -> dt.time:
    """The `day_start` setting (no settings: the default)."""
    return settings.day_start if settings is not None else DAY_START


def day_text(day: dt.date, *, year: bool = True) -> str:
    """`12 Nov 2026`: month names written out here, never through the locale (strftime's
    %b changes with the computer's language, and the report must not)."""
    text = f"{day.day} {MONTHS[day.month - 1]}"
    return f"{text} {day.year}" if year else text


def weekday(day: dt.date) -> str:
    return WEEKDAYS[day.weekday()]


def label(field: str) -> str:
    """`mood_before` → `Mood before`."""
    words = field.replace("_", " ").replace("-", " ").strip()
    return words[:1].upper() + words[1:]


def hours_text(minutes: int) -> str:
    """`375` → `6 h 15 min`."""
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest} min" if rest else f"{hours} h"
