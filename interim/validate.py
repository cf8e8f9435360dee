"""Validate one record's front matter against its type, then the checks that span fields and
records. Everything found is a diagnostic; nothing here raises on user data."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from interim.errors import Diagnostic, Severity, diag
from interim.frontmatter import Mapping, Scalar, Sequence
from interim.measures import MEASURES, safety_answer
from interim.model import Record
from interim.sleep import forward, night
from interim.types.kinds import Context, convert, is_missing
from interim.types.language import FieldSpec, RecordType

COMMON = {
    "type": FieldSpec(
        "type", "text", "The record's type (mood, sleep, homework...).", required=True
    ),
    "date": FieldSpec("date", "date", "The day of the entry, YYYY-MM-DD."),
    "time": FieldSpec("time", "time", "The time of the entry, HH:MM."),
    "tags": FieldSpec("tags", "list", "Tags, for your own grouping and for homework tracking."),
    "private": FieldSpec("private", "boolean", "true: never shown in a report (only counted)."),
    "homework": FieldSpec("homework", "text", "The id of the homework this entry is practice for."),
    "id": FieldSpec("id", "text", "The record's id (defaults to the file name without .md)."),
}
_BAD_ID = frozenset('/\\:*?"<>|')


def validate_record(
    front: Mapping, path: str, stem: str, types: dict[str, RecordType], ctx: Context
) -> Record | None:
    """Read a record's fields by its type. Returns None when the type is missing or unknown."""
    rtype = _record_type(front, path, types, ctx)
    if rtype is None:
        return None
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
        value = _read(spec, entry.value, ctx, key)
        if not is_missing(value):
            fields[key] = value
    _required(rtype, front, fields, path, ctx)
    return _record(rtype, fields, positions, path, stem, ctx)


def _remember(positions: dict[str, tuple[int, int]], key: str, node: Any) -> None:
    """Keep where each value (and each list item and mapping key) is, for later checks."""
    positions[key] = (node.line, node.col)
    if isinstance(node, Sequence):
        for i, item in enumerate(node.items):
            positions[f"{key}[{i + 1}]"] = (item.line, item.col)
    elif isinstance(node, Mapping):
        for name, entry in node.entries.items():
            positions[f"{key}.{name}"] = (entry.key_line, entry.key_col)


def _record_type(
    front: Mapping, path: str, types: dict[str, RecordType], ctx: Context
) -> RecordType | None:
    entry = front.entries.get("type")
    if entry is None:
        ctx.diagnostics.append(
            diag(
                "IM201",
                path,
                1,
                1,
                "the record has no `type:`",
                "add a line `type: mood` (see `interim types` for the names)",
            )
        )
        return None
    node = entry.value
    name = node.text.strip().lower() if isinstance(node, Scalar) else ""
    if name in types:
        return types[name]
    close = difflib.get_close_matches(name, sorted(types), n=1)
    hint = f"did you mean `{close[0]}`?" if close else "see `interim types` for the type names"
    ctx.error("IM200", node, f"`{name or '(empty)'}` is not a record type", hint)
    return None


def _read(spec: FieldSpec, node: Any, ctx: Context, key: str) -> Any:
    # `mood: ""` is as empty as `mood:`, whatever the kind: not filled in yet, never an error.
    if isinstance(node, Scalar) and (node.is_null() or not node.text.strip()):
        ctx.diagnostics.append(
            diag(
                "IM202",
                ctx.path,
                node.line,
                node.col,
                f"`{key}` is not filled in yet",
                f"fill it in: {spec.hint()}",
            )
        )
        return None
    return convert(spec, node, ctx, key)


def _unknown_field(key: str, line: int, col: int, rtype: RecordType, ctx: Context) -> None:
    known = sorted(set(rtype.fields) | set(COMMON))
    close = difflib.get_close_matches(key, known, n=1)
    hint = (
        f"did you mean `{close[0]}`?" if close else f"`interim types {rtype.name}` lists its fields"
    )
    from interim.errors import escape_text

    ctx.diagnostics.append(
        diag(
            "IM203",
            ctx.path,
            line,
            col,
            f"`{escape_text(key)}` is not a field of `{rtype.name}`",
            hint,
        )
    )


def _required(
    rtype: RecordType, front: Mapping, fields: dict[str, Any], path: str, ctx: Context
) -> None:
    required = [n for n, s in rtype.fields.items() if s.required]
    if rtype.dated:
        required.insert(0, "date")
    for name in required:
        if name not in front.entries:
            spec = rtype.fields.get(name) or COMMON[name]
            ctx.diagnostics.append(
                diag(
                    "IM201",
                    path,
                    1,
                    1,
                    f"`{rtype.name}` needs `{name}:`",
                    f"add `{name}: …` — {spec.hint()}",
                )
            )


def _record(
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
        _bad_id(record_id, written is None, positions, path, ctx)
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
    _CROSS_FIELD.get(rtype.name, _nothing)(record, ctx)
    return record


def _bad_id(
    record_id: str, from_name: bool, positions: dict[str, tuple[int, int]], path: str, ctx: Context
) -> None:
    bad = " ".join(f"`{c}`" for c in sorted(set(record_id) & _BAD_ID))
    where = " (taken from the file name)" if from_name else ""
    hint = "rename the file, or add an `id:` line" if from_name else "change the `id:`"
    line, col = positions.get("id", (1, 1))
    ctx.diagnostics.append(
        diag(
            "IM221",
            path,
            line,
            col,
            f"the id `{record_id}`{where} contains {bad}, which a file name cannot hold",
            f"{hint}; use letters, digits and hyphens",
        )
    )


def _nothing(record: Record, ctx: Context) -> None:
    return None


# -- checks across the fields of one record ------------------------------------------------


def _at(record: Record, name: str) -> tuple[int, int]:
    return record.position(name)


def _sleep(record: Record, ctx: Context) -> None:
    n = night(record.fields)
    if n.too_long:
        line, col = _at(record, "out_of_bed")
        ctx.diagnostics.append(
            diag(
                "IM210",
                record.path,
                line,
                col,
                "more than 16 hours between bedtime and getting up: likely a typo",
                "check am/pm and the order: bedtime, lights_out, final_wake, out_of_bed",
            )
        )
    elif n.exceeds:
        line, col = _at(
            record, "minutes_awake" if "minutes_awake" in record.positions else "minutes_to_sleep"
        )
        ctx.diagnostics.append(
            diag(
                "IM211",
                record.path,
                line,
                col,
                _exceeds_message(record.fields),
                "check the minutes and the times",
            )
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


def _homework(record: Record, ctx: Context) -> None:
    assigned = record.get("assigned") or record.date
    due = record.get("due")
    if assigned is not None and due is not None and due < assigned:
        line, col = _at(record, "due")
        ctx.diagnostics.append(
            diag(
                "IM212",
                record.path,
                line,
                col,
                f"`due` ({due}) is before the homework was assigned ({assigned})",
                "due is the last day of the task, usually the next session's day",
            )
        )


def _questionnaire(record: Record, ctx: Context) -> None:
    measure = MEASURES.get(record.get("instrument") or "")
    items = record.get("items")
    if measure is None or not isinstance(items, list):
        return
    line, col = _at(record, "items")
    if len(items) != measure.items:
        ctx.diagnostics.append(
            diag(
                "IM214",
                record.path,
                line,
                col,
                f"{measure.name} has {measure.items} items; found {len(items)}",
                "write one answer per item, null for an unanswered one",
            )
        )
    _item_ranges(record, measure.item_min, measure.item_max, measure.name, ctx)
    missing = [i + 1 for i, v in enumerate(items[: measure.items]) if v is None]
    total = record.get("total")
    if missing:
        ctx.diagnostics.append(
            diag(
                "IM219",
                record.path,
                line,
                col,
                f"{measure.name} item{'s' if len(missing) > 1 else ''} "
                f"{', '.join(map(str, missing))} {'are' if len(missing) > 1 else 'is'} "
                "not answered, so the form has no total score",
                "answer every item for a score (an incomplete form is shown as incomplete)",
            )
        )
    elif total is not None and len(items) == measure.items and total != sum(items):
        tl, tc = _at(record, "total")
        ctx.diagnostics.append(
            diag(
                "IM213",
                record.path,
                tl,
                tc,
                f"`total` is {total} but the items add up to {sum(items)}",
                f"write total: {sum(items)}, or check the items",
            )
        )
    _safety(record, measure, items, ctx)


def _item_ranges(record: Record, low: int, high: int, name: str, ctx: Context) -> None:
    items = record.get("items") or []
    for i, value in enumerate(items):
        if value is not None and not low <= value <= high:
            line, col = _at(record, f"items[{i + 1}]")
            ctx.diagnostics.append(
                diag(
                    "IM205",
                    record.path,
                    line,
                    col,
                    f"{name} item {i + 1} must be {low}–{high}; got {value}",
                    f"answers run from {low} (not at all) to {high} (nearly every day)",
                )
            )


def _safety(record: Record, measure: Any, items: list[Any], ctx: Context) -> None:
    answer = safety_answer(measure, items)
    # A list too short to reach the safety item leaves it unanswered: the report lists it
    # as "not answered" (interim.summary.safety), so the notice says so here too.
    if measure.safety_item is None or answer == 0:
        return
    line, col = _at(record, "items")
    said = "not answered" if answer is None or answer == "absent" else f"answered {answer}"
    ctx.diagnostics.append(
        diag(
            "IM220",
            record.path,
            line,
            col,
            f"{measure.name} item {measure.safety_item} (thoughts of death or self-harm) "
            f"is {said}: the safety notice is shown in the report",
            "if you are in danger now, call your local emergency number",
        )
    )


_CROSS_FIELD = {"sleep": _sleep, "homework": _homework, "questionnaire": _questionnaire}


# -- checks across records -----------------------------------------------------------------


def cross_check(records: Iterable[Record]) -> list[Diagnostic]:
    records = sorted(records, key=lambda r: r.path)
    out: list[Diagnostic] = []
    out += _duplicates(
        records,
        lambda r: r.id.lower(),
        "IM301",
        "id",
        "the id `{r.id}` is also used by {p}",  # k is the id in lower case
        "give one of them another `id:` or file name",
    )
    sleep = [r for r in records if r.type == "sleep" and r.date is not None]
    out += _duplicates(
        sleep,
        lambda r: r.date,
        "IM302",
        "date",
        "a second sleep diary for the night before {k} (also {p})",
        "keep one diary per night: merge the two files",
    )
    sessions = [r for r in records if r.type == "session" and r.get("number") is not None]
    out += _duplicates(
        sessions,
        lambda r: r.get("number"),
        "IM303",
        "number",
        "session number {k} is also used by {p}",
        "number sessions 1, 2, 3... once each",
    )
    out += _links(records)
    return out


def _duplicates(
    records: list[Record], key: Any, code: str, field: str, message: str, hint: str
) -> list[Diagnostic]:
    seen: dict[Any, Record] = {}
    out = []
    for r in records:
        k = key(r)
        if k in seen:
            line, col = r.position(field)
            out.append(
                diag(code, r.path, line, col, message.format(k=k, p=seen[k].path, r=r), hint)
            )
        else:
            seen[k] = r
    return out


def _links(records: list[Record]) -> list[Diagnostic]:
    homework = {r.id for r in records if r.type == "homework"}
    goals = {r.id for r in records if r.type == "goal"}
    out = []
    for r in records:
        link = r.homework  # a review names its homework in the same `homework:` key
        if link is not None and str(link) not in homework:
            out.append(_link_diag(r, "IM304", "homework", str(link), homework))
        if r.type == "homework" and r.get("goal") and str(r.get("goal")) not in goals:
            out.append(_link_diag(r, "IM305", "goal", str(r.get("goal")), goals))
        for goal in (r.get("goals") or {}) if r.type == "checkin" else ():
            if goal not in goals:
                out.append(_link_diag(r, "IM305", f"goals.{goal}", goal, goals))
    return out


def _link_diag(r: Record, code: str, field: str, link: str, known: set[str]) -> Diagnostic:
    close = difflib.get_close_matches(link, sorted(known), n=1)
    what = "homework" if code == "IM304" else "goal"
    hint = f"did you mean `{close[0]}`?" if close else f"use the {what}'s file name without .md"
    line, col = r.position(field)
    return diag(code, r.path, line, col, f"no {what} has the id `{link}`", hint)


def severity_counts(diags: Iterable[Diagnostic]) -> dict[Severity, int]:
    counts = dict.fromkeys(Severity, 0)
    for d in diags:
        counts[d.severity] += 1
    return counts
