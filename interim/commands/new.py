"""`interim new`: a record file from its type's scaffold. Every field is present, the ones
to fill are left empty (so `check` says "not filled in yet" and nothing made up ever enters
an average; a field marked "(optional)" may stay empty without a word), each with its
one-line hint as a YAML comment. A file is never overwritten: an
existing name gets `-2`, `-3`, …, created with an exclusive open, owner-only.

`interim init` lives in `interim.commands.init`; the questions asked in a terminal in
`interim.commands.prompts`."""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from interim import clock
from interim.atomic import OutputNotWritten
from interim.check.validate import validate_record
from interim.diagnostics import Diagnostic, diag, did_you_mean, escape_text
from interim.diagnostics.formats import text_line
from interim.domain.measures import Measure
from interim.domain.wording import choices_text, item_choices, shared_choices
from interim.errors import InterimError
from interim.load.frontmatter import decode, split
from interim.load.yaml import emit
from interim.load.yaml.tree import Scalar
from interim.settings import Settings
from interim.summary.queries import diary_day
from interim.types import measures_of
from interim.types.common import COMMON
from interim.types.kinds import Context, instrument_key, parse_date, parse_time
from interim.types.language import FieldSpec, RecordType

# Types with a folder of their own (DESIGN §2); every other type goes to files.record_path.
_OWN_FOLDER = {"session": "sessions", "homework": "homework", "goal": "goals"}
_SLUG_FIELDS = ("title", "activity", "skill", "step")  # the first filled one names the file
_MAX_SLUG = 40
_MAX_COPIES = 999
SESSION_TIME = FieldSpec("time", "time", "The time of the session, HH:MM.")
# A reserved Windows device name is refused however it is cased or extended (CON.md, nul.md).
_RESERVED = re.compile(r"(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?\Z")


def slugify(text: str, limit: int = _MAX_SLUG) -> str:
    """A file-name part that every system accepts: lowercase ASCII letters, digits and single
    hyphens (accents dropped: `Café` → `cafe`), cut at a hyphen near `limit`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > limit:
        cut = slug.rfind("-", 0, limit + 1)
        slug = slug[: cut if cut > limit // 2 else limit].strip("-")
    return "" if _RESERVED.match(slug) else slug


@dataclass
class Plan:
    """What `new` is about to write: the type, its day and time, and the values known so far."""

    root: Path
    rtype: RecordType
    date: dt.date
    time: dt.time | None
    settings: Settings
    types: dict[str, RecordType]
    values: dict[str, Any] = field(default_factory=dict)
    time_given: bool = False  # --time was given (not just "now")

    @property
    def self_monitoring(self) -> bool:
        return self.rtype.name not in (*_OWN_FOLDER, "questionnaire")


def plan_new(
    root: Path,
    type_arg: str,
    settings: Settings,
    types: dict[str, RecordType],
    date_text: str | None = None,
    time_text: str | None = None,
) -> Plan:
    """Resolve TYPE (`phq9` and `gad7` are questionnaire shortcuts) and the date and time."""
    moment = clock.now()
    name, values = type_arg.strip().lower(), {}
    if instrument_key(name) in measures_of(types):
        name, values = "questionnaire", {"instrument": instrument_key(name)}
    if name not in types:
        raise InterimError(_unknown_type(type_arg, types))
    date = _parse_date(date_text) if date_text else diary_day(moment, settings.day_start)
    if time_text:
        time: dt.time | None = _parse_time(time_text)
    else:  # "now" only makes sense for an entry made now, not one dated another day
        time = moment.time().replace(second=0, microsecond=0) if not date_text else None
    plan = Plan(root, types[name], date, time, settings, types, values, bool(time_text))
    plan.values.update(_known_values(plan))
    return plan


def _known_values(plan: Plan) -> dict[str, Any]:
    """Facts, not guesses: the day a task or goal was set is the day it is written."""
    name = plan.rtype.name
    if name == "session":
        return {"time": plan.time} if plan.time_given else {}
    if name == "homework":
        return {"assigned": plan.date, "status": "not-started"}
    if name == "goal":
        return {"set": plan.date, "status": "active"}
    return {}


def _unknown_type(type_arg: str, types: dict[str, RecordType]) -> str:
    hint = did_you_mean(type_arg.lower(), types, "`interim types` lists them")
    return f"there is no record type `{escape_text(type_arg)}`; {hint}"


def _parse_date(text: str) -> dt.date:
    ctx = Context("--date")
    value = parse_date(Scalar(text, None, 1, 1), ctx, "--date")
    if not isinstance(value, dt.date):  # not a date: the reason is the diagnostic
        # The hint is written for a file (`--date: 2026-11-20`); on a command line it is a space.
        hint = ctx.diagnostics[0].hint.replace("--date: ", "--date ")
        raise InterimError(ctx.diagnostics[0].message + f" ({hint})")
    return value


def _parse_time(text: str) -> dt.time:
    ctx = Context("--time")
    value = parse_time(Scalar(text, None, 1, 1), ctx, "--time")
    if not isinstance(value, dt.time):
        raise InterimError(ctx.diagnostics[0].message)
    return value


# -- the file's text -----------------------------------------------------------------------


def render(plan: Plan, values: dict[str, Any], stamp: tuple[str, str | None] | None = None) -> str:
    """The record: front matter with every field (hints as comments), then an empty body.
    `stamp`, for a capture template (interim.commands.capture): the date's and the time's
    text as written (`"{{date}}"`, or "" to leave empty), None for no time line."""
    rtype = plan.rtype
    lines = ["---", f"type: {rtype.name}"]
    if rtype.dated:
        day = plan.date.isoformat() if stamp is None else stamp[0]
        lines.append(_raw("date", day, COMMON["date"].hint() if stamp is not None else ""))
    if rtype.name == "session":  # "now" is never a session's time: asked, or left to fill
        lines.append(_line("time", values.get("time"), SESSION_TIME.hint()))
    elif stamp is not None:
        if stamp[1] is not None:
            lines.append(_raw("time", stamp[1], COMMON["time"].hint()))
    elif _writes_time(plan):
        lines.append(_line("time", plan.time, COMMON["time"].hint()))
    measure = measures_of(plan.types).get(str(values.get("instrument") or ""))
    for name, spec in rtype.fields.items():
        if rtype.name == "questionnaire" and not _asks(measure, name):
            continue
        lines += _field_lines(name, spec, values.get(name))
        if name == "items" and rtype.name == "questionnaire":
            lines += _item_wording(values.get("instrument"), measures_of(plan.types))
    if plan.self_monitoring:
        lines += _optional_common(values, rtype)
    lines.append("---")
    return "\n".join(lines) + "\n"


def _writes_time(plan: Plan) -> bool:
    """An entry made now has a time; one dated another day only when --time says it (an
    empty `time:` would only be a warning to clear); a task or a goal only with --time."""
    if plan.rtype.name in ("homework", "goal"):
        return plan.time_given
    return plan.rtype.dated and plan.time is not None


def _asks(measure: Measure | None, name: str) -> bool:
    """A questionnaire's field the measure has: no `difficulty:` for one without the
    unscored last question, no `not_applicable:` for one whose items apply to everyone."""
    if name == "not_applicable":
        return measure is not None and bool(measure.conditional)
    if name == "difficulty":
        return measure is None or bool(measure.difficulty)
    return True


def _item_wording(instrument: Any, measures: dict[str, Measure]) -> list[str]:
    """A questionnaire's items and answers as comments, for filling it in by hand."""
    measure = measures.get(str(instrument or ""))
    if measure is None:
        return []
    shared = shared_choices(measure)
    lines = [f"#  {emit.comment(measure.stem)}"] if measure.stem else []
    if shared is not None:
        lines.append(f"#  Answers: {emit.comment(choices_text(shared))}")
    for q in measure.questions:
        applies = f" ({q.applies})" if q.applies else ""
        lines.append(f"#  {q.number}. {emit.comment(q.text + applies)}")
        if shared is None:
            lines.append(f"#     Answers: {emit.comment(choices_text(item_choices(measure, q)))}")
    if measure.conditional:
        which = ", ".join(map(str, measure.conditional))
        lines.append(
            f"#  Item {which} may not apply: then write null for it and not_applicable: [{which}]"
        )
    return lines


def _line(name: str, value: Any, hint: str) -> str:
    return _raw(name, emit.inline(value), hint)


def _raw(name: str, text: str, hint: str) -> str:
    head = f"{name}: {text}" if text else f"{name}:"
    return f"{head}  # {emit.comment(hint)}" if hint else head


def _field_lines(name: str, spec: FieldSpec, value: Any) -> list[str]:
    # "(optional)": may stay empty, silently; every other empty field is "not filled in yet".
    hint = spec.scaffold_hint()
    if spec.kind == "record list" and isinstance(value, list) and value:
        return [f"{name}:  # {emit.comment(hint)}"] + [f"  - {emit.inline(row)}" for row in value]
    if spec.kind == "record list":  # an example row shows the shape, as a comment
        example = ", ".join(f"{sub}: …" for sub in spec.fields)
        return [_line(name, None, hint), f"#  - {{{example}}}"]
    text_items = isinstance(value, list) and value and all(isinstance(v, str) for v in value)
    if spec.kind == "list" and text_items:  # one per line: easy to edit, and no width limit
        return [f"{name}:  # {emit.comment(hint)}"] + [f"  - {emit.inline(v)}" for v in value]
    if spec.kind == "mapping" and isinstance(value, dict) and value:
        return [f"{name}:  # {emit.comment(hint)}"] + [
            f"  {emit.scalar(str(k))}: {emit.inline(v) or 'null'}" for k, v in value.items()
        ]
    if spec.kind == "track" and isinstance(value, dict) and list(value) == ["type"]:
        value = value["type"]
    return [_line(name, value, hint)]


def _optional_common(values: dict[str, Any], rtype: RecordType) -> list[str]:
    """`tags` and `homework` are optional for an entry: shown as comments unless answered,
    so an unlinked entry gets no "not filled in yet" warning for them. A type's own field
    of the same name (a review's `homework`) is already written: never a second key."""
    out = []
    for name in ("tags", "homework"):
        if name in rtype.fields:
            continue
        hint = COMMON[name].hint() + " (optional)"
        if values.get(name):
            out.append(_line(name, values[name], hint))
        else:
            out.append("# " + _line(name, None, hint))
    return out


# -- where it goes -------------------------------------------------------------------------


def target(plan: Plan, values: dict[str, Any]) -> tuple[str, str]:
    """(folder relative to the root, file stem without `.md`)."""
    name, day = plan.rtype.name, plan.date.isoformat()
    if name == "session":
        return "sessions", day
    if name in _OWN_FOLDER:
        slug = slugify(str(values.get("title") or "")) or name
        return _OWN_FOLDER[name], f"{day}-{slug}"
    if name == "questionnaire":
        return "questionnaires", f"{day}-{slugify(str(values.get('instrument') or name))}"
    return _record_path(plan, values)


def _record_path(plan: Plan, values: dict[str, Any]) -> tuple[str, str]:
    d, pattern = plan.date, plan.settings.files.record_path
    slug = _slug_of(plan.rtype.name, values)
    parts = {
        "yyyy": f"{d.year:04d}",
        "mm": f"{d.month:02d}",
        "dd": f"{d.day:02d}",
        "date": d.isoformat(),
        "type": slugify(plan.rtype.name) or "record",
        "slug": f"-{slug}" if slug else "",
    }
    try:
        rel = pattern.format_map(parts)
    except (KeyError, ValueError, IndexError) as exc:
        raise InterimError(
            f"`files.record_path` in interim.yaml cannot be used ({exc}); its placeholders "
            "are {yyyy} {mm} {dd} {date} {type} {slug}"
        ) from None
    path = PurePosixPath(rel.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or path.suffix.lower() != ".md":
        raise InterimError(
            f"`files.record_path` gives `{rel}`: it must be a path inside the folder ending in .md"
        )
    return str(path.parent), path.stem


def _slug_of(type_name: str, values: dict[str, Any]) -> str:
    if type_name == "review" and values.get("homework"):
        # The homework's id already starts with its date: keep only the words.
        return slugify(re.sub(r"^\d{4}-\d{2}-\d{2}-?", "", str(values["homework"])))
    for name in _SLUG_FIELDS:
        if isinstance(values.get(name), str) and values[name].strip():
            return slugify(values[name])
    return ""


def write_record(plan: Plan, values: dict[str, Any]) -> Path:
    folder, stem = target(plan, values)
    return create_unique(plan.root / folder, stem, ".md", render(plan, values))


def create_unique(folder: Path, stem: str, suffix: str, text: str) -> Path:
    """Create `stem.md`, or `stem-2.md`, `stem-3.md`… when taken: the exclusive open makes
    "never overwrite" hold even when two writers race (a synced folder on two devices)."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise OutputNotWritten(folder, exc) from exc
    for n in range(1, _MAX_COPIES + 1):
        path = folder / f"{stem}{'' if n == 1 else f'-{n}'}{suffix}"
        try:
            write_exclusive(path, text)
        except FileExistsError:
            continue
        except OSError as exc:
            raise OutputNotWritten(path, exc) from exc
        return path
    raise InterimError(f"{folder} already holds {_MAX_COPIES} files named {stem}…")


def create_new(path: Path, make: Callable[[], str]) -> bool:
    """Create the file unless something already has the name (the exclusive open decides,
    so a file that appears meanwhile is still never overwritten)."""
    if path.exists() or path.is_symlink():
        return False
    try:
        write_exclusive(path, make())
    except FileExistsError:
        return False
    except OSError as exc:
        raise OutputNotWritten(path, exc) from exc
    return True


def write_exclusive(path: Path, text: str) -> None:
    """Write a new file owner-only (health records), failing if the name exists."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(text.encode("utf-8"))
        handle.flush()
        os.fsync(handle.fileno())


# -- checking one file after the editor closes ---------------------------------------------


def check_lines(root: Path, path: Path, types: dict[str, RecordType]) -> list[str]:
    """What `new --edit` prints once the editor closes: the file's problems and a count."""
    diags = check_file(root, path, types)
    ending = "No problems found." if not diags else f"{len(diags)} to look at (above)."
    return [*map(text_line, diags), ending]


def check_file(root: Path, path: Path, types: dict[str, RecordType]) -> list[Diagnostic]:
    """Validate one record on its own (no cross-record checks): what `--edit` prints."""
    rel = path.relative_to(root).as_posix()
    try:
        data = path.read_bytes()
    except OSError as exc:
        return [diag("IM100", rel, 1, 1, f"cannot read the file: {exc.strerror}")]
    text, out = decode(data, rel)
    if text is None:
        return out
    doc = split(text, rel)
    out += doc.diagnostics
    if doc.front is not None:
        ctx = Context(rel, frozenset(types), frozenset(measures_of(types)))
        validate_record(doc.front, rel, path.stem, types, ctx)
        out += ctx.diagnostics
    return sorted(out, key=Diagnostic.sort_key)
