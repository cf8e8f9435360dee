"""Validate one record's front matter against its type, then the checks that span its
fields (the checks across records are `interim.check.crosscheck`). Everything found is a
diagnostic; nothing here raises on user data."""

from __future__ import annotations

import datetime as dt
import re
from itertools import pairwise
from typing import Any

from interim.diagnostics import did_you_mean, escape_text
from interim.domain.measures import Item, Measure, score
from interim.domain.model import Record
from interim.domain.sleep import forward, night
from interim.load.yaml.tree import Mapping, Scalar, Sequence
from interim.measures import builtin_measures
from interim.types.common import COMMON
from interim.types.kinds import Context, convert, is_missing
from interim.types.language import FieldSpec, RecordType

_BAD_ID = frozenset('/\\:*?"<>|')


def validate_record(
    front: Mapping, path: str, stem: str, types: dict[str, RecordType], ctx: Context
) -> Record | None:
    """Read a record's fields by its type. Returns None when the type is missing or unknown."""
    rtype = _record_type(front, types, ctx)
    if rtype is None:
        return None
    ctx.cuts = front.cuts or {}
    fields: dict[str, Any] = {}
    positions: dict[str, tuple[int, int]] = {}
    for key, entry in front.entries.items():
        if key == "type":
            continue
        spec = rtype.fields.get(key) or COMMON.get(key)
        _remember(positions, key, entry.value)
        if spec is None:
            _unknown_field(key, entry.key_line, entry.key_col, rtype, ctx)
            continue
        if key == "date" and (stamp := _date_time(entry.value, ctx)) is not None:
            fields["date"], fields["_stamp"] = stamp  # the time is settled below
            continue
        value = _read(spec, entry.value, ctx, key)
        if not is_missing(value):
            fields[key] = value
    if "_stamp" in fields:
        _stamp_time(fields, front, ctx)
    _required(rtype, front, ctx)
    return make_record(rtype, fields, positions, path, stem, ctx)


# Obsidian's date-time property (issue 13): `date: 2026-11-20T21:30` (seconds optional).
_DATE_TIME = re.compile(r"(\d{4}-\d{1,2}-\d{1,2})T(\d{1,2}:\d{2})(?::\d{2})?\Z")


def _date_time(node: Any, ctx: Context) -> tuple[Any, Any] | None:
    """(date, time) of a `date:` written as Obsidian's date-time, or None for any other
    value (read as a date, as always). A part that is not valid is said as for `date:` and
    `time:` (and is then missing)."""
    if not isinstance(node, Scalar):
        return None
    m = _DATE_TIME.match(node.text.strip())
    if m is None:
        return None
    day = convert(COMMON["date"], Scalar(m[1], None, node.line, node.col), ctx, "date")
    col = node.col + m.start(2) + (1 if node.style else 0)
    time = convert(COMMON["time"], Scalar(m[2], None, node.line, col), ctx, "date")
    return (None if is_missing(day) else day, None if is_missing(time) else time)


def _stamp_time(fields: dict[str, Any], front: Mapping, ctx: Context) -> None:
    """The time in `date:` is the entry's time when `time:` is absent or empty; when both
    are written they must agree (which one is right cannot be guessed)."""
    stamp = fields.pop("_stamp")
    if fields.get("date") is None:
        fields.pop("date", None)
    if stamp is None:
        return
    written = fields.get("time")
    if written is None:
        fields["time"] = stamp
    elif written != stamp:
        node = front.entries["date"].value
        ctx.error(
            "IM206",
            node,
            f"`date` says {stamp:%H:%M} but `time` says {written:%H:%M}",
            f"keep one time: write date: {fields.get('date') or 'YYYY-MM-DD'} and time: "
            f'"{written:%H:%M}", or make them agree',
        )


def _remember(positions: dict[str, tuple[int, int]], key: str, node: Any) -> None:
    """Keep where each value (and each list item and mapping key) is, for later checks."""
    positions[key] = (node.line, node.col)
    if isinstance(node, Sequence):
        for i, item in enumerate(node.items):
            positions[f"{key}[{i + 1}]"] = (item.line, item.col)
    elif isinstance(node, Mapping):
        for name, entry in node.entries.items():
            positions[f"{key}.{name}"] = (entry.key_line, entry.key_col)


def _record_type(front: Mapping, types: dict[str, RecordType], ctx: Context) -> RecordType | None:
    entry = front.entries.get("type")
    if entry is None:
        ctx.error_at(
            "IM201",
            1,
            1,
            "the record has no `type:`",
            "add a line `type: mood` (see `interim types` for the names)",
        )
        return None
    node = entry.value
    name = node.text.strip().lower() if isinstance(node, Scalar) else ""
    if name in types:
        return types[name]
    hint = did_you_mean(name, types, "see `interim types` for the type names")
    ctx.error("IM200", node, f"`{name or '(empty)'}` is not a record type", hint)
    return None


def _read(spec: FieldSpec, node: Any, ctx: Context, key: str) -> Any:
    # `mood: ""` is as empty as `mood:`, whatever the kind: not filled in yet, never an error.
    if isinstance(node, Scalar) and (node.is_null() or not node.text.strip()):
        if spec.optional:  # left empty on purpose: fine, and nothing to say (issue 13)
            return None
        if node.is_null() and node.text:  # `~` or `null`: YAML's words for "empty"
            ctx.error(
                "IM202",
                node,
                f"`{key}` is `{node.text}`, which YAML reads as empty: not filled in yet",
                f'to keep the word, quote it: {key}: "{node.text}"; else fill it in: {spec.hint()}',
            )
            return None
        ctx.error("IM202", node, f"`{key}` is not filled in yet", f"fill it in: {spec.hint()}")
        return None
    return convert(spec, node, ctx, key)


def _unknown_field(key: str, line: int, col: int, rtype: RecordType, ctx: Context) -> None:
    known = sorted(set(rtype.fields) | set(COMMON))
    hint = did_you_mean(key, known, f"`interim types {rtype.name}` lists its fields")
    ctx.error_at("IM203", line, col, f"`{escape_text(key)}` is not a field of `{rtype.name}`", hint)


def _required(rtype: RecordType, front: Mapping, ctx: Context) -> None:
    required = [n for n, s in rtype.fields.items() if s.required]
    if rtype.dated:
        required.insert(0, "date")
    for name in required:
        if name not in front.entries:
            spec = rtype.fields.get(name) or COMMON[name]
            ctx.error_at(
                "IM201", 1, 1, f"`{rtype.name}` needs `{name}:`", f"add `{name}: …` — {spec.hint()}"
            )


def make_record(
    rtype: RecordType,
    fields: dict[str, Any],
    positions: dict[str, tuple[int, int]],
    path: str,
    stem: str,
    ctx: Context,
) -> Record:
    written = fields.pop("id", None)
    record_id = written or stem
    if not _BAD_ID.isdisjoint(record_id):
        _bad_id(record_id, written is None, positions, ctx)
    record = Record(
        path=path,
        type=rtype.name,
        id=str(record_id),
        date=fields.pop("date", None),
        time=fields.pop("time", None),
        fields=fields,
        private=bool(fields.pop("private", False)),
        tags=tuple(str(t) for t in (fields.pop("tags", None) or ()) if t is not None),
        homework=fields.pop("homework", None),
        positions=positions,
    )
    _CROSS_FIELD.get(rtype.name, _nothing)(record, ctx, rtype)
    record.positions = _kept_positions(record)
    return record


# The positions a record keeps once it is read: those that checks across records, the
# safety notice and the date checks point at (interim.check.crosscheck, .dates,
# .duplicates, interim.summary.safety). The others served this record's own checks; a
# record keeps ~10 fewer tuples, which is a third of what a loaded folder holds.
_KEPT = frozenset({"id", "date", "number", "homework", "goal", "items"})


def _kept_positions(record: Record) -> dict[str, tuple[int, int]]:
    fields = record.fields
    return {
        name: where
        for name, where in record.positions.items()
        if name in _KEPT or name.startswith("goals.") or isinstance(fields.get(name), dt.date)
    }


def _bad_id(
    record_id: str, from_name: bool, positions: dict[str, tuple[int, int]], ctx: Context
) -> None:
    bad = " ".join(f"`{c}`" for c in sorted(set(record_id) & _BAD_ID))
    where = " (taken from the file name)" if from_name else ""
    hint = "rename the file, or add an `id:` line" if from_name else "change the `id:`"
    line, col = positions.get("id", (1, 1))
    ctx.error_at(
        "IM221",
        line,
        col,
        f"the id `{record_id}`{where} contains {bad}, which a file name cannot hold",
        f"{hint}; use letters, digits and hyphens",
    )


def _nothing(record: Record, ctx: Context, rtype: RecordType) -> None:
    return None


# -- checks across the fields of one record ------------------------------------------------


def _sleep(record: Record, ctx: Context, rtype: RecordType) -> None:
    n = night(record.fields)
    if n.too_long:
        where, message = _long_night(record.fields)
        ctx.error_at(
            "IM210",
            *record.position(where),
            message,
            "check am/pm and the order: bedtime, lights_out, final_wake, out_of_bed",
        )
    elif n.exceeds:
        where = "minutes_awake" if "minutes_awake" in record.positions else "minutes_to_sleep"
        ctx.error_at(
            "IM211",
            *record.position(where),
            _exceeds_message(record.fields),
            "check the minutes and the times",
        )


_ORDER = ("bedtime", "lights_out", "final_wake", "out_of_bed")


def _long_night(fields: dict[str, Any]) -> tuple[str, str]:
    """Name the step that made the night long: a time just before the one above it (lights
    out at 22:50 after a 23:00 bedtime) reads as the next day, almost 24 hours later."""
    present = [(name, fields[name]) for name in _ORDER if fields.get(name) is not None]
    for (before, t0), (after, t1) in pairwise(present):
        gap = forward(t0, t1)
        if gap > 16 * 60:
            return after, (
                f"`{after}` ({t1:%H:%M}) is earlier than `{before}` ({t0:%H:%M}), so it reads as "
                f"the next day, {gap // 60} h {gap % 60} min later: likely a typo"
            )
    total = sum(forward(a[1], b[1]) for a, b in pairwise(present))
    return "out_of_bed", (
        f"{total // 60} h {total % 60} min between bedtime and getting up, more than 16 hours: "
        "likely a typo"
    )


def _exceeds_message(fields: dict[str, Any]) -> str:
    """Expected and found, in numbers: the minutes cannot fit between lights out and waking."""
    lights, wake = fields["lights_out"], fields["final_wake"]
    to_sleep, awake = fields["minutes_to_sleep"], fields["minutes_awake"]
    return (
        f"minutes_to_sleep ({to_sleep}) + minutes_awake ({awake}) = {to_sleep + awake} minutes, "
        f"more than the {forward(lights, wake)} minutes from lights_out ({lights:%H:%M}) "
        f"to final_wake ({wake:%H:%M})"
    )


def _homework(record: Record, ctx: Context, rtype: RecordType) -> None:
    assigned = record.get("assigned") or record.date
    due = record.get("due")
    if assigned is not None and due is not None and due < assigned:
        ctx.error_at(
            "IM212",
            *record.position("due"),
            f"`due` ({due}) is before the homework was assigned ({assigned})",
            "due is the last day of the task, usually the next session's day",
        )


def _questionnaire(record: Record, ctx: Context, rtype: RecordType) -> None:
    measure = (rtype.measures or builtin_measures()).get(record.get("instrument") or "")
    items = record.get("items")
    if measure is None or not isinstance(items, list):
        return
    line, col = record.position("items")
    if len(items) != measure.items:
        ctx.error_at(
            "IM214",
            line,
            col,
            f"{measure.name} has {measure.items} items; found {len(items)}",
            "write one answer per item, null for an unanswered one",
        )
    _item_ranges(record, measure, ctx)
    skipped = _not_applicable(record, measure, items, ctx)
    _total(record, measure, items, skipped, ctx)
    # Risk answers (IM220) are the safety notice's: interim.summary.safety, for every form
    # the folder holds, copies and broken files too.


def _not_applicable(record: Record, measure: Measure, items: list[Any], ctx: Context) -> set[int]:
    """`not_applicable: [4]`: items that apply to some people only (PHQ-15 item 4) and not
    to this one. Only such an item may be named, and it is left unanswered."""
    named = record.get("not_applicable") or []
    skipped: set[int] = set()
    for i, n in enumerate(named):
        if n is None:
            continue
        where = record.position(f"not_applicable[{i + 1}]")
        if n not in measure.conditional:
            which = ", ".join(map(str, measure.conditional))
            ctx.error_at(
                "IM205",
                *where,
                f"{measure.name} item {n} applies to everyone, so it cannot be not applicable",
                f"only item {which} may be" if which else f"{measure.name} has no such items",
            )
        elif n <= len(items) and items[n - 1] is not None:
            ctx.error_at(
                "IM205",
                *where,
                f"{measure.name} item {n} is marked not applicable but answered {items[n - 1]}",
                f"write null for item {n}, or take {n} out of not_applicable",
            )
        else:
            skipped.add(n)
    return skipped


def _total(
    record: Record, measure: Measure, items: list[Any], skipped: set[int], ctx: Context
) -> None:
    """No total without every item (unless the measure states a proration); a total written
    must be the items' score."""
    if not all(v is None or isinstance(v, int) for v in items):
        return  # an answer that is not a whole number: said at the item, no total
    missing = [
        i + 1 for i, v in enumerate(items[: measure.items]) if v is None and i + 1 not in skipped
    ]
    total = record.get("total")
    got = score(measure, items, sorted(skipped))
    if missing and got.total is None:
        many = len(missing) > 1
        ctx.error_at(
            "IM219",
            *record.position("items"),
            f"{measure.name} item{'s' if many else ''} {', '.join(map(str, missing))} "
            f"{'are' if many else 'is'} not answered, so the form has no total score",
            "answer every item for a score (an incomplete form is shown as incomplete)",
        )
        return
    expected = got.total
    if expected is None and not missing and len(items) == measure.items:
        # An answer out of range (said at the item): the written numbers' sum, as scored.
        expected = sum(items) * measure.multiplier if measure.records == "score" else None
    if total is not None and expected is not None and total != expected:
        what = "the items' prorated score is" if got.prorated else "the items add up to"
        ctx.error_at(
            "IM213",
            *record.position("total"),
            f"`total` is {total} but {what} {expected}",
            f"write total: {expected}, or check the items",
        )


def _item_ranges(record: Record, measure: Measure, ctx: Context) -> None:
    items = record.get("items") or []
    for i, value in enumerate(items[: measure.items]):
        item = measure.questions[i]
        allowed = measure.recorded(item)
        if isinstance(value, int) and value not in allowed:
            low, high = allowed[0], allowed[-1]
            contiguous = list(allowed) == list(range(low, high + 1))
            what = f"{low}–{high}" if contiguous else f"one of {_or(allowed)}"
            first, last = _anchor(measure, item, low), _anchor(measure, item, high)
            ctx.error_at(
                "IM205",
                *record.position(f"items[{i + 1}]"),
                f"{measure.name} item {i + 1} must be {what}; got {value}",
                f"answers run from {low} ({first}) to {high} ({last})"
                if contiguous
                else "answers are "
                + ", ".join(f"{v} ({_anchor(measure, item, v)})" for v in allowed),
            )


def _anchor(measure: Measure, item: Item, recorded: int) -> str:
    if measure.records == "position":
        return str(item.answers[recorded][1]).lower()
    return next(a for s, a in item.answers if s == recorded).lower()


def _or(values: tuple[int, ...]) -> str:
    words = [str(v) for v in values]
    return ", ".join(words[:-1]) + " or " + words[-1] if len(words) > 1 else words[0]


_CROSS_FIELD = {"sleep": _sleep, "homework": _homework, "questionnaire": _questionnaire}
