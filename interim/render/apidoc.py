"""Write the key tables of `docs/template-api.md` from the context's types: each row's type
from the field's annotation, its meaning from the field's docstring (the string right
under it in the class, after PEP 257's attribute docstrings). The prose around the tables
is written by hand; each table stands between `<!-- generated: NAME -->` and
`<!-- end generated: NAME -->`.

    python -m interim.render.apidoc            # rewrite the tables in docs/template-api.md
    python -m interim.render.apidoc --check    # exit 1 if the page differs

The layout (which keys share a row, in what order) is `TABLES` below; a test fails when a
key of the context is in no table, or when the page and the code disagree.
"""

from __future__ import annotations

import argparse
import ast
import dataclasses
import functools
import inspect
import itertools
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from interim.summary.context import ReportContext
from interim.summary.course import CourseMeasure, CourseSummary, HomeworkPeriod
from interim.summary.days import CalendarDay
from interim.summary.discuss import DiscussItem
from interim.summary.glance import KeyNumber
from interim.summary.homework import HomeworkRow
from interim.summary.mood import MoodSummary, Series
from interim.summary.pacing import Pacing
from interim.summary.period import Period
from interim.summary.problems import Problems
from interim.summary.questionnaires import InstrumentSummary, QuestionnaireSummary
from interim.summary.safety import SafetyNotice
from interim.summary.sleep import SleepSummary

# interim/render/apidoc.py → the project folder → docs/
DEFAULT_PATH = Path(__file__).resolve().parents[2] / "docs" / "template-api.md"


@dataclass(frozen=True)
class Table:
    name: str  # the marker's name in the page
    cls: type
    # The rows, `;` between rows and `,` between the keys that share one; `entries[].x` is
    # a key of the items of the list `entries`, and the keys after it in its row are too.
    layout: str

    @property
    def rows(self) -> tuple[str, ...]:
        return tuple(row.strip() for row in self.layout.split(";"))


TABLES: tuple[Table, ...] = (
    Table(
        "top",
        ReportContext,
        "interim; generated_for; period; header; safety; safety_latest; glance; calendar; "
        "sections; "
        "problems; private_count; profile; free_text; footer",
    ),
    Table(
        "period",
        Period,
        "start, end; days; label; basis; previous; last_session; next_session",
    ),
    Table(
        "safety",
        SafetyNotice,
        "show; entries; entries[].answer; entries[].answer_text; entries[].prefix; "
        "entries[].latest; entries[].date, time, path; entries[].instrument, instrument_name; "
        "entries[].item, item_text, label; entries[].counted; entries[].note; contacts; "
        "has_contacts; emergency; monitoring; item; topic, about, heading; summary; window",
    ),
    Table(
        "homework",
        HomeworkRow,
        "id, path; title; frequency; track; goal, goal_title; assigned, due; active_days; "
        "expected; done; unit; entry_count; done_text; days_practised; pacing; carried_over; "
        "status; confidence; review; specifics; entries",
    ),
    Table(
        "pacing",
        Pacing,
        "label; strip; start; active; n; first_two_share, last_two_share; even_share; rule",
    ),
    Table(
        "key_numbers",
        KeyNumber,
        "id; section; label; value; unit; range; n, n_text; previous; change, direction; "
        "compared_with; band, date; note; cutoff, above_cutoff; cutoff_text; problem",
    ),
    Table(
        "to_discuss",
        DiscussItem,
        "kind; section; date, time, path; title; text; details",
    ),
    Table(
        "calendar",
        CalendarDay,
        "date; end; days; weekday; kinds; counts; count",
    ),
    Table(
        "series",
        Series,
        "field, label; range; min, max; better; reduce; daily; mean, lowest, highest; n, "
        "days; previous_mean, previous_n; change, direction; missing_days",
    ),
    Table(
        "questionnaires",
        QuestionnaireSummary,
        "instruments; reliable_improvement; reliable_deterioration; overall_text",
    ),
    Table(
        "instrument",
        InstrumentSummary,
        "key, name, title; source; max_total, cutoff, reliable_change; bands; "
        "administrations; first, latest; change; reliable; reliable_text; above_cutoff; "
        "caseness_text; cutoff_text; cutoff_note; series; bands_text",
    ),
    Table(
        "course",
        CourseSummary,
        "measures; sessions; homework; headline; review_after; flags",
    ),
    Table(
        "course-measure",
        CourseMeasure,
        "key, name, title; max_total; cutoff; bands; points; change; reliable_change; verdict; "
        "rule; reading; flag, flag_rule",
    ),
    Table(
        "course-homework",
        HomeworkPeriod,
        "session; start, end; homework, title; set_here; expected; done; unit; entry_count; "
        "done_text; quality; stuck",
    ),
    Table(
        "mood",
        MoodSummary,
        "entries_n; series; emotions; entries",
    ),
    Table(
        "sleep",
        SleepSummary,
        "nights; expected; complete; n_text; tib, tst, se; tib_text, tst_text; previous_se; "
        "se_change, se_direction; target; daily_se; partial; likely_typos; window",
    ),
    Table(
        "problems",
        Problems,
        "files_with_errors; skipped; not_records; not_counted; errors, warnings; files_read, "
        "records",
    ),
)

# The type column where the annotation alone does not say it: a link to the table of a
# type, the shape of a shared object, or nothing (a row whose keys differ in type).
TYPE_WORDS: dict[tuple[type, str], str] = {
    (ReportContext, "period"): "[period](#period)",
    (ReportContext, "safety"): "[safety](#safety)",
    (ReportContext, "glance"): "[glance](#glance)",
    (ReportContext, "problems"): "[problems](#problems)",
    (ReportContext, "sections"): "list",
    (SafetyNotice, "entries"): "list",
    (HomeworkRow, "pacing"): "[pacing](#pacing)",
    (Period, "last_session"): "session\\|null",
    (Period, "next_session"): "session\\|null",
}


@dataclass(frozen=True)
class Row:
    keys: tuple[str, ...]  # as shown: the first with its `entries[].` prefix
    type: str
    meaning: str


def rows_of(table: Table) -> Iterator[Row]:
    for spec in table.rows:
        names = [n.strip() for n in spec.split(",")]
        prefix, _, first = names[0].rpartition(".")
        owner = _item_class(table.cls, prefix[:-2]) if prefix else table.cls
        leaves = [first, *names[1:]]
        types = [_type_text(owner, name) for name in leaves]
        shown = types[0] if len(set(types)) == 1 else ", ".join(types)
        yield Row(tuple(names), shown, _doc(owner, first))


def keys_of(table: Table) -> set[str]:
    """Every key the table's rows document, items' keys as `entries[].x`."""
    out: set[str] = set()
    for spec in table.rows:
        names = [n.strip() for n in spec.split(",")]
        prefix = names[0].rpartition(".")[0]
        out.update(f"{prefix}.{n}" if prefix and i else n for i, n in enumerate(names))
    return out


def render_table(table: Table) -> str:
    lines = ["| key | type | meaning |", "|---|---|---|"]
    for row in rows_of(table):
        keys = ", ".join(f"`{k}`" for k in row.keys)
        lines.append(f"| {keys} | {row.type} | {_cell(row.meaning)} |".replace("|  |", "| |"))
    return "\n".join(lines)


def update(page: str) -> str:
    """The page with every table between its markers regenerated. Raises ValueError when
    a marker is missing."""
    for table in TABLES:
        start = f"<!-- generated: {table.name} -->\n"
        end = f"\n<!-- end generated: {table.name} -->"
        a, b = page.find(start), page.find(end)
        if a < 0 or b < a:
            raise ValueError(f"docs/template-api.md has no markers for the table {table.name}")
        page = page[: a + len(start)] + render_table(table) + page[b:]
    return page


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


# -- reading the code -----------------------------------------------------------------------


def _doc(cls: type, name: str) -> str:
    """A field's docstring (in the class or a base), or a property's, on one line."""
    for klass in cls.__mro__:
        found = _docstrings(klass).get(name)
        if found is not None:
            return " ".join(found.split())
    member = getattr(cls, name, None)
    if isinstance(member, property) and member.__doc__:
        return " ".join(member.__doc__.split())
    return ""


@functools.cache
def _docstrings(cls: type) -> dict[str, str]:
    """`name: type` followed by a string, in the class body."""
    node = _class_node(cls)
    out: dict[str, str] = {}
    body = node.body if node is not None else []
    for here, after in itertools.pairwise(body):
        if (
            isinstance(here, ast.AnnAssign)
            and isinstance(here.target, ast.Name)
            and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        ):
            out[here.target.id] = after.value.value
    return out


@functools.cache
def _annotations(cls: type) -> dict[str, ast.expr]:
    out: dict[str, ast.expr] = {}
    for klass in reversed(cls.__mro__):
        node = _class_node(klass)
        for item in node.body if node is not None else []:
            if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                out[item.target.id] = item.annotation
    return out


def _class_node(cls: type) -> ast.ClassDef | None:
    if cls.__module__ == "builtins" or not dataclasses.is_dataclass(cls):
        return None
    tree = _module_tree(sys.modules[cls.__module__].__file__ or "")
    return next(
        (n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == cls.__name__), None
    )


@functools.cache
def _module_tree(path: str) -> ast.Module:
    return ast.parse(Path(path).read_text(encoding="utf-8"))


_SIMPLE = {"str": "string", "int": "int", "float": "number", "bool": "bool"}
_SIMPLE |= {"dt.date": "date", "dt.time": "time"}
# Shapes the page describes once and names (docs/template-api.md, "Shared shapes").
_SIMPLE |= {"Stat": "stat", "DayValue": "day value", "Series": "series"}
_SIMPLE |= {"Administration": "administration"}


def _type_text(cls: type, name: str) -> str:
    if (cls, name) in TYPE_WORDS:
        return TYPE_WORDS[(cls, name)]
    annotation = _annotations(cls).get(name)
    if annotation is None:  # a property: its return annotation
        member = getattr(cls, name)
        returns = inspect.signature(member.fget).return_annotation
        return _SIMPLE.get(str(returns), "object")
    return _words(annotation)


def _words(node: ast.expr) -> str:
    text = ast.unparse(node)
    if text.endswith(" | None"):
        return _words(ast.parse(text[: -len(" | None")], mode="eval").body) + "\\|null"
    if text in _SIMPLE:
        return _SIMPLE[text]
    if isinstance(node, ast.Subscript) and ast.unparse(node.value) == "list":
        inner = ast.unparse(node.slice)
        return f"[{_SIMPLE[inner]}]" if inner in _SIMPLE else "list"
    return "object"


def _item_class(cls: type, name: str) -> type:
    """The class of the items of the list field `name`."""
    annotation = _annotations(cls)[name]
    assert isinstance(annotation, ast.Subscript)
    found = getattr(sys.modules[cls.__module__], ast.unparse(annotation.slice))
    assert isinstance(found, type)
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m interim.render.apidoc", description=__doc__)
    parser.add_argument("--check", action="store_true", help="exit 1 if the page differs")
    parser.add_argument("--page", type=Path, default=DEFAULT_PATH, help="the page to update")
    args = parser.parse_args(argv)
    path: Path = args.page
    current = path.read_bytes().decode("utf-8")
    text = update(current)
    if args.check:
        if current != text:
            print(f"{path} is out of date: run `python -m interim.render.apidoc`", file=sys.stderr)
            return 1
        return 0
    path.write_bytes(text.encode("utf-8"))  # bytes: no newline translation on Windows
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
