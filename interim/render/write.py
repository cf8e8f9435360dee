"""Outputs that need no template — JSON (the template API itself) and CSV (tidy, long) — and
writing any output: atomically and owner-only through `interim.atomic`, or to stdout for
`-o -`."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, BinaryIO

from interim.atomic import save
from interim.summary.data import Json

# `kind` (issue 13): `safety` (the notice), `record` (a field as written), or a value interim
# derived: `night` (TIB, TST, SE), `form` (total, band), `change` (first → latest),
# `homework` (expected, done, ...), so one stream holds the raw rows and the derived ones.
CSV_COLUMNS = ("kind", "date", "time", "type", "id", "path", "field", "value")
# A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(...),
# +cmd|..., @SUM); OWASP "CSV Injection": prefix a quote so it stays text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
EXTENSIONS = {"html": "html", "md": "md", "json": "json", "csv": "csv", "pdf": "pdf"}
_BY_SUFFIX = {
    ".html": "html",
    ".htm": "html",
    ".md": "md",
    ".json": "json",
    ".csv": "csv",
    ".pdf": "pdf",
}


def format_for(path: str | Path) -> str | None:
    """The format a file name asks for (`-o week.md` → md), or None."""
    return _BY_SUFFIX.get(Path(str(path)).suffix.lower())


def default_path(report_date: str, fmt: str, cwd: Path | None = None) -> Path:
    return (cwd or Path.cwd()) / f"interim-report-{report_date}.{EXTENSIONS[fmt]}"


def write_output(data: bytes, target: str | Path, stdout: BinaryIO | None = None) -> Path | None:
    """Write to `target` atomically with mode 0600, or to stdout when it is `-`. Returns
    the path written, or None for stdout."""
    if str(target) == "-":
        out = stdout if stdout is not None else sys.stdout.buffer
        out.write(data)
        out.flush()
        return None
    return save(Path(target), data)


def json_bytes(context: Mapping[str, Json]) -> bytes:
    """The context as the templates see it, two-space indent, UTF-8: the safety notice first
    (it opens every report, DESIGN §2.3), then the other keys sorted, as are the keys of
    every object inside."""
    first = {"safety": context["safety"]} if "safety" in context else {}
    ordered = {**first, **{k: context[k] for k in sorted(context) if k != "safety"}}
    text = json.dumps(
        _sorted_keys(ordered, top=True), indent=2, ensure_ascii=False, allow_nan=False
    )
    return (text + "\n").encode("utf-8")


def _sorted_keys(value: Any, *, top: bool = False) -> Any:
    """`value` with every object's keys sorted (`json.dumps(sort_keys=True)` would sort the
    top level too); the top level keeps the order it was given."""
    if isinstance(value, dict):
        keys = list(value) if top else sorted(value)
        return {k: _sorted_keys(value[k]) for k in keys}
    if isinstance(value, list | tuple):
        return [_sorted_keys(v) for v in value]
    return value


def neutralise(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def csv_bytes(rows: Iterable[Iterable[str]]) -> bytes:
    """RFC 4180 CSV (CRLF line ends) with a header; every cell neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])
    return buffer.getvalue().encode("utf-8")


def cell(value: Any) -> str:
    """One value as CSV text: dates ISO, times HH:MM, booleans true/false, lists joined by
    "; ", record lists and mappings as compact JSON, None empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
        return "; ".join(str(v) for v in value)
    if isinstance(value, list | dict):
        return json.dumps(value, sort_keys=True, ensure_ascii=False, default=cell)
    return str(value)
