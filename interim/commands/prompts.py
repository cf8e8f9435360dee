"""The questions `interim new` asks in a terminal, one field at a time.

Each answer is read by the same field kinds `interim check` uses (`interim.types.kinds` on a
Scalar), so a value accepted here is never refused later, and a refused one is re-asked with
the same reason check would give, in words rather than file syntax ("write the time, for
example 23:30"). An obvious answer is read and echoed for a yes ("7 → 07:00?"). Enter leaves a
field empty. A list of labels (emotions) splits `sad, tired` in two. A record list's `after`
ratings (a thought record's emotions) are asked once the rest is answered, as the worksheet
is filled in: the re-rating comes after the balanced thought. No click here: the command
line passes in how to ask and how to print (`Console`)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from interim.commands.new import SESSION_TIME, Plan
from interim.diagnostics import Severity, escape_text
from interim.domain.measures import Measure, score
from interim.domain.model import Folder
from interim.domain.wording import choices_text, item_choices, shared_choices
from interim.load.yaml.tree import Scalar
from interim.measures import builtin_measures
from interim.summary.notice_words import safety_lines
from interim.summary.queries import open_homework
from interim.types import measures_of
from interim.types.common import COMMON
from interim.types.kinds import Context, convert, is_missing
from interim.types.language import FieldSpec, RecordType

_HOW = {
    "time": "a time such as 23:30 or 11:30 pm",
    "date": "a date, YYYY-MM-DD",
    "boolean": "yes or no",
    "track": "a record type such as sleep; edit the file for a tag or skill",
    "instrument": "phq9, gad7, …: `interim measures` lists them",
}
_ITEM = FieldSpec("item", "integer", "An answer, 0–3.", min=0, max=3)
_AFTER = "after"  # a record list's re-rating, asked at the end (see the module's docstring)
# Obvious answers, read for a yes: `7` or `730` or `7.30` for a time, `y` for yes, `7/10`.
_HOUR = re.compile(r"(\d{1,2})(?:[.h]?(\d{2}))?\Z")
_YES, _NO = frozenset({"y", "yep", "yeah", "ja", "oui", "si"}), frozenset({"n", "nope", "nah"})
_OUT_OF = re.compile(r"(\d+)\s*/\s*(\d+)\Z")


@dataclass
class Console:
    ask: Callable[[str], str]  # shows the prompt, returns the line typed
    echo: Callable[[str], None]


@dataclass
class Offers:
    """What the folder already holds, offered as answers."""

    homework: list[tuple[str, str]] = field(default_factory=list)  # open: (id, title)
    homework_ids: frozenset[str] = frozenset()  # every homework id
    goals: list[tuple[str, str]] = field(default_factory=list)  # active: (id, title)
    type_names: frozenset[str] = frozenset()
    crisis_contacts: str = ""
    measures: dict[str, Measure] = field(default_factory=builtin_measures)  # and the folder's


def ask_new(plan: Plan, folder: Folder, console: Console) -> dict[str, Any]:
    """Ask for a new record planned by `interim.commands.new.plan_new`, offering what `folder`
    holds (open homework, goals). Returns the answers."""
    when = plan.date.isoformat() + (f" {plan.time:%H:%M}" if plan.time else "")
    console.echo(f"New {plan.rtype.name} record for {when} (change with --date and --time).")
    return ask_record(
        plan.rtype, plan.values, console, offers_from(folder), link_homework=plan.self_monitoring
    )


def ask_record(
    rtype: RecordType,
    values: dict[str, Any],
    console: Console,
    offers: Offers,
    link_homework: bool = False,
) -> dict[str, Any]:
    """Ask every field of `rtype` in order; `values` are the answers known already (shown as
    defaults). Returns the answers (None: left empty)."""
    out = dict(values)
    console.echo(
        "Press Enter to leave a question empty: you can fill it in later in the file "
        "(one marked optional can stay empty)."
    )
    if rtype.name == "questionnaire":
        return ask_questionnaire(out, console, offers)
    if rtype.name == "session":  # its time is a common field, but the one most needed
        console.echo("")
        out["time"] = ask_value(SESSION_TIME, "time", console, offers, out.get("time"))
    for name, spec in rtype.fields.items():
        out[name] = _ask_field(name, spec, out.get(name), console, offers)
    for name, spec in rtype.fields.items():
        if spec.kind == "record list" and _AFTER in spec.fields and out.get(name):
            _ask_after(name, spec, out[name], console, offers)
    if link_homework and offers.homework and "homework" not in rtype.fields:
        out["homework"] = _ask_homework(COMMON["homework"], "homework", console, offers)
    return out


def _ask_after(
    name: str, spec: FieldSpec, rows: list[dict[str, Any]], console: Console, offers: Offers
) -> None:
    """Each entry's `after` rating, asked last: how strong each emotion is now."""
    console.echo("")
    console.echo(f"Now, looking back over it: {spec.fields[_AFTER].hint()}")
    first = next(iter(spec.fields))
    for i, row in enumerate(rows, 1):
        about = f" ({row[first]})" if row.get(first) is not None else ""
        value = ask_value(spec.fields[_AFTER], f"{name} {i} after{about}", console, offers)
        if value is not None:
            row[_AFTER] = value


def _ask_field(name: str, spec: FieldSpec, default: Any, console: Console, offers: Offers) -> Any:
    if name == "homework":
        return _ask_homework(spec, name, console, offers)
    if spec.kind == "list":
        return _ask_list(name, spec, console, offers)
    if spec.kind == "record list":
        return _ask_rows(name, spec, console, offers)
    if spec.kind == "mapping":
        return _ask_goals(name, spec, console, offers)
    console.echo("")
    return ask_value(spec, name, console, offers, default)


def ask_value(
    spec: FieldSpec, label: str, console: Console, offers: Offers, default: Any = None
) -> Any:
    """One value, re-asked with the reason until it is valid or left empty."""
    how = _HOW.get(spec.kind, "")
    extra = "; ".join(x for x in (how, _need(spec)) if x)
    console.echo(spec.hint() + (f" ({extra})" if extra else ""))
    shown = f" [{_show(default)}]" if default is not None else ""
    return _until_accepted(spec, label, f"{label}{shown}: ", console, offers, default)


def _need(spec: FieldSpec) -> str:
    """`needed` (the key must be there), `optional` (fine left empty) or nothing (best filled
    in: left empty, `check` reminds you)."""
    return "needed" if spec.required else "optional" if spec.optional else ""


def _until_accepted(
    spec: FieldSpec, label: str, prompt: str, console: Console, offers: Offers, empty: Any
) -> Any:
    """Ask until the answer is valid, showing why each refused one was, or is left empty
    (which gives `empty`)."""
    while True:
        text = console.ask(prompt)
        if not text.strip():
            return empty
        value, problem = read_answer(spec, text, label, offers)
        if problem is None:
            return value
        reading = obvious(spec, text)
        if reading is not None:
            value, problem = read_answer(spec, reading, label, offers)
            if problem is None and _confirmed(console, f"  {text.strip()} → {reading}? [Y/n] "):
                return value
            if problem is None:
                continue
        console.echo(f"  Not accepted: {problem}")


def _confirmed(console: Console, question: str) -> bool:
    return console.ask(question).strip().lower() in ("", "y", "yes")


def obvious(spec: FieldSpec, text: str) -> str | None:
    """The plain reading of an answer a person means but the file would refuse: `7` is
    07:00 for a time, `y` is yes, `7/10` is 7 on a 0–10 scale. None when there is none."""
    typed = text.strip().lower()
    if spec.kind == "time":
        m = _HOUR.match(typed)
        if m and int(m[1]) < 24 and (m[2] is None or int(m[2]) < 60):
            return f"{int(m[1]):02d}:{m[2] or '00'}"
    if spec.kind == "boolean" and typed in _YES | _NO:
        return "yes" if typed in _YES else "no"
    if spec.kind in ("scale", "integer"):
        m = _OUT_OF.match(typed)
        if m and spec.max is not None and int(m[2]) == spec.max:
            return m[1]
    return None


def read_answer(
    spec: FieldSpec, text: str, label: str, offers: Offers | None = None
) -> tuple[Any, str | None]:
    """(value, None) or (None, the reason). Text is kept exactly as typed; other kinds go
    through the field kind's reader, as `check` does."""
    names = offers.type_names if offers else frozenset()
    ctx = Context("answer", names, frozenset(offers.measures if offers else builtin_measures()))
    style = '"' if spec.kind == "text" else None  # quoted: `null` typed in a text is text
    value = convert(spec, Scalar(text if style else text.strip(), style, 1, 1), ctx, label)
    errors = [d for d in ctx.diagnostics if d.severity is Severity.ERROR]
    if is_missing(value) or errors:
        d = errors[0] if errors else ctx.diagnostics[0]
        how = in_words(spec) or (f"{d.hint[:1].upper()}{d.hint[1:]}" if d.hint else "")
        return None, d.message + (f". {how}" if how else "")
    return value, None


def in_words(spec: FieldSpec) -> str:
    """How to answer, in words: the file's syntax (`bedtime: "23:30"`) is for files."""
    if spec.kind == "time":
        return "Write the time, for example 23:30 or 11:30 pm"
    if spec.kind == "date":
        return "Write the date as year-month-day, for example 2026-11-20"
    if spec.kind == "boolean":
        return "Type yes or no"
    if spec.kind == "choice" and spec.choices:
        return "Type one of: " + ", ".join(spec.choices)
    if spec.kind in ("integer", "scale", "minutes", "number") and spec.max is not None:
        low = 0 if spec.min is None else spec.min
        return f"Type a number from {low:g} to {spec.max:g}"
    if spec.kind in ("integer", "scale", "minutes", "number"):
        return "Type a number"
    if spec.kind == "frequency":
        return "Type once, daily, weekdays, or times a week or a day, for example 3/week"
    return ""


def _show(value: Any) -> str:
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _ask_homework(spec: FieldSpec, label: str, console: Console, offers: Offers) -> Any:
    """Offer the open homework by number; an id typed in must be a homework's id."""
    console.echo("")
    console.echo(spec.hint())
    if offers.homework:
        console.echo("Open homework:")
        for n, (hid, title) in enumerate(offers.homework, 1):
            console.echo(f"  {n}  {hid}  {title}")
        console.echo("Type its number or its id.")
    while True:
        text = console.ask(f"{label}: ").strip()
        if not text:
            return None
        if text.isdigit() and 1 <= int(text) <= len(offers.homework):
            return offers.homework[int(text) - 1][0]
        if not offers.homework_ids or text in offers.homework_ids:
            return text
        numbers = f"a number from 1 to {len(offers.homework)}" if offers.homework else "its id"
        console.echo(f"  Not accepted: no homework has the id `{text}`; type {numbers}")


def _ask_list(name: str, spec: FieldSpec, console: Console, offers: Offers) -> Any:
    item = spec.items or FieldSpec(name, "text", spec.description)
    console.echo("")
    optional = "optional; " if spec.optional else ""
    console.echo(f"{spec.hint()} ({optional}one per line; an empty line ends the list)")
    if item.choices:
        console.echo("Choices: " + ", ".join(item.choices))
    if spec.labels:
        console.echo("Several on one line are fine, with commas between: sad, tired")
    values: list[Any] = []
    while True:
        label = f"{name} {len(values) + 1}"
        text = console.ask(f"{label}: ")
        if not text.strip():
            return values or None
        parts = [p.strip() for p in text.split(",") if p.strip()] if spec.labels else [text]
        read = [read_answer(item, part, label, offers) for part in parts]
        problems = [problem for _, problem in read if problem is not None]
        if problems:
            console.echo(f"  Not accepted: {problems[0]}")
            continue
        values += [value for value, _ in read]
        if len(parts) > 1:
            console.echo(f"  {len(parts)} {name}: " + ", ".join(str(v) for v, _ in read))


_NOT_APPLICABLE = ("na", "n/a")


def _ask_item(
    spec: FieldSpec,
    label: str,
    console: Console,
    offers: Offers,
    allowed: list[int] | None = None,
    conditional: bool = False,
) -> Any:
    """One answer; `allowed`: the answers a record may hold (a measure's item); `conditional`:
    `na` says the item does not apply (returned as "na")."""
    if allowed is None and not conditional:
        return _until_accepted(spec, label, f"{label}: ", console, offers, None)
    while True:
        text = console.ask(f"{label}: ").strip()
        if not text:
            return None
        if conditional and text.lower() in _NOT_APPLICABLE:
            return "na"
        value, problem = read_answer(spec, text, label, offers)
        if problem is None and allowed is not None and value not in allowed:
            problem = f"{label} must be one of {', '.join(map(str, allowed))}"
        if problem is None:
            return value
        console.echo(f"  Not accepted: {problem}")


def _ask_rows(name: str, spec: FieldSpec, console: Console, offers: Offers) -> Any:
    """A list of entries (emotions with before/after): the first question left empty ends it."""
    console.echo("")
    optional = "optional; " if spec.optional else ""
    console.echo(
        f"{spec.hint()} ({optional}one entry at a time; leave the first question empty to end)"
    )
    rows: list[dict[str, Any]] = []
    first = next(iter(spec.fields), None)
    while first is not None:
        row: dict[str, Any] = {}
        for sub_name, sub in spec.fields.items():
            label = f"{name} {len(rows) + 1} {sub_name}"
            if sub_name == first:
                console.echo(sub.hint())
                row[sub_name] = _ask_label(sub, label, console, offers)
                if row[sub_name] is None:
                    return rows or None
            elif sub_name != _AFTER:  # asked at the end (ask_record)
                row[sub_name] = ask_value(sub, label, console, offers)
        rows.append({k: v for k, v in row.items() if v is not None})
    return None


def _ask_label(spec: FieldSpec, label: str, console: Console, offers: Offers) -> Any:
    """An entry's first answer; one label each (an emotion's name), so `anxious, ashamed`
    is asked again, one at a time: each has its own ratings."""
    while True:
        value = _ask_item(spec, label, console, offers)
        if not (spec.labels and isinstance(value, str) and "," in value):
            return value
        console.echo("  One at a time, please: each has its own rating. Type the first now")
        console.echo("  and the next at the following entry.")


def _ask_goals(name: str, spec: FieldSpec, console: Console, offers: Offers) -> Any:
    """A check-in's goal ratings: one question per active goal."""
    console.echo("")
    if name != "goals" or not offers.goals or spec.values is None:
        console.echo(f"{name}: {spec.hint()} — fill it in in the file if you need it.")
        return None
    console.echo(spec.hint())
    ratings = {}
    for goal_id, title in offers.goals:
        console.echo(f"Goal {goal_id}: {title}")
        value = ask_value(spec.values, f"{name} {goal_id}", console, offers)
        if value is not None:
            ratings[goal_id] = value
    return ratings or None


def ask_questionnaire(values: dict[str, Any], console: Console, offers: Offers) -> dict[str, Any]:
    """The instrument (unless given), then each item with its wording and answer choices.
    An answer that raises one of the measure's risk items (PHQ-9 item 9 above 0) shows the
    safety notice at once (DESIGN §2.3)."""
    if not values.get("instrument"):
        spec = FieldSpec("instrument", "instrument", "Which questionnaire.", required=True)
        console.echo("")
        values["instrument"] = ask_value(spec, "instrument", console, offers)
    measure = offers.measures.get(values.get("instrument") or "")
    if measure is None:
        return values
    console.echo("")
    console.echo(f"{measure.name}. {measure.stem}".rstrip())
    shared = shared_choices(measure)
    if shared is not None:
        console.echo(f"Answers: {choices_text(shared)}. Enter skips an item.")
    risks = {r.number: r for r in measure.risk_items}
    items: list[int | None] = []
    skipped: list[int] = []
    for q in measure.questions:
        choices = item_choices(measure, q)
        applies = f" ({q.applies}: type na if it does not apply)" if q.applies else ""
        console.echo(f"{q.number}. {q.text}{applies}")
        if shared is None:
            console.echo(f"   Answers: {choices_text(choices)}. Enter skips it.")
        allowed = [value for value, _ in choices]
        spec = FieldSpec("item", "integer", "An answer.", min=min(allowed), max=max(allowed))
        answer = _ask_item(spec, f"item {q.number}", console, offers, allowed, bool(q.applies))
        if answer == "na":
            skipped.append(q.number)
            answer = None
        items.append(answer)
        risk = risks.get(q.number)
        if risk is not None and answer is not None and answer in risk.raises:
            _safety(console, offers, [(f"{measure.name} item {q.number}", risk.short)])
    values["items"] = items if any(v is not None for v in items) else None
    got = score(measure, items, skipped)
    values["total"] = got.total if got.total is not None and not got.prorated else None
    if skipped:
        values["not_applicable"] = skipped
    if measure.difficulty:
        console.echo("")
        console.echo(measure.difficulty)
        console.echo(f"Answers: {choices_text(measure.difficulty_choices)}.")
        values["difficulty"] = _ask_item(_ITEM, "difficulty", console, offers)
    return values


def _safety(console: Console, offers: Offers, kinds: list[tuple[str, str]]) -> None:
    console.echo("")
    for line in safety_lines(offers.crisis_contacts, kinds):
        console.echo(line)
    console.echo("")


def offers_from(folder: Folder) -> Offers:
    """Open homework, every homework id and the active goals of a loaded Folder."""
    records = folder.records
    return Offers(
        homework=[(r.id, escape_text(str(r.get("title") or ""))) for r in open_homework(records)],
        homework_ids=frozenset(r.id for r in records if r.type == "homework"),
        goals=[
            (r.id, escape_text(str(r.get("title") or "")))
            for r in sorted(records, key=lambda r: r.id)
            if r.type == "goal" and r.get("status") not in ("achieved", "dropped")
        ],
        type_names=frozenset(folder.types),
        crisis_contacts=folder.settings.crisis_contacts if folder.settings else "",
        measures=measures_of(folder.types),
    )
