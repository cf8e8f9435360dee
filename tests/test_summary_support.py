"""Helpers for the summary tests: records built directly (interim.domain.model.Record), periods and
scopes, so each test states its arithmetic without files. (Named test_summary_* so it sits
with the tests it serves; it holds no tests.)"""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path, PurePosixPath
from typing import Any

from interim.domain.model import Folder, Record
from interim.settings import Settings
from interim.settings.model import build
from interim.summary.period import Period, SessionRef, Span
from interim.summary.profiles import BUILT_IN, Profile
from interim.summary.scope import Scope
from interim.types import builtin_types

_counter = itertools.count(1)


def D(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def T(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


def rec(
    type: str,
    date: str | None = None,
    *,
    time: str | None = None,
    path: str | None = None,
    id: str | None = None,
    private: bool = False,
    tags: tuple[str, ...] = (),
    homework: str | None = None,
    has_errors: bool = False,
    body: str = "",
    **fields: Any,
) -> Record:
    """A record as the loader makes it. Field values are given already read by kind
    (dates as dt.date, times as dt.time)."""
    path = path or f"records/{date or 'undated'}-{type}-{next(_counter):03d}.md"
    return Record(
        path=path,
        type=type,
        id=id or PurePosixPath(path).stem,
        date=D(date) if date else None,
        time=T(time) if time else None,
        fields=dict(fields),
        body=body,
        private=private,
        tags=tags,
        homework=homework,
        has_errors=has_errors,
    )


def session(date: str, status: str = "held", number: int | None = None, **kw: Any) -> Record:
    path = kw.pop("path", f"sessions/{date}-{status}.md")
    return rec("session", date, path=path, status=status, number=number, **kw)


def homework(
    hid: str, assigned: str, frequency: str | None, *, due: str | None = None, **fields: Any
) -> Record:
    if due is not None:
        fields["due"] = D(due)
    if frequency is not None:
        fields["frequency"] = frequency
    return rec(
        "homework",
        assigned,
        path=f"homework/{hid}.md",
        id=hid,
        title=fields.pop("title", f"Title {hid}"),
        assigned=D(assigned),
        **fields,
    )


def period(
    start: str,
    end: str,
    prev_start: str | None = None,
    prev_end: str | None = None,
    *,
    last_session: str | None = None,
) -> Period:
    """A period; the previous one defaults to the same length just before."""
    s, e = D(start), D(end)
    length = (e - s).days + 1
    ps = D(prev_start) if prev_start else s - dt.timedelta(days=length)
    pe = D(prev_end) if prev_end else s - dt.timedelta(days=1)
    last = None
    if last_session:
        last = SessionRef(D(last_session), None, None, "held", f"sessions/{last_session}.md")
    return Period(s, e, Span(ps, pe), "dates", last, None)


def settings(**values: Any) -> Settings:
    """Settings with dotted keys given as keyword arguments: sleep__window=True."""
    return build({key.replace("__", "."): value for key, value in values.items()})


def scope(
    records: list[Record],
    p: Period,
    profile: Profile | str = "full",
    sets: Settings | None = None,
) -> Scope:
    chosen = BUILT_IN[profile] if isinstance(profile, str) else profile
    return Scope.of(records, p, chosen, sets or Settings(), builtin_types())


def folder(records: list[Record], sets: Settings | None = None, **kw: Any) -> Folder:
    return Folder(
        Path("."),
        records,
        kw.pop("diagnostics", []),
        settings=sets or Settings(),
        types=dict(builtin_types()),
        **kw,
    )


def phq9(date: str, items: list[int | None] | None, **kw: Any) -> Record:
    fields: dict[str, Any] = {"instrument": "phq9"}
    if items is not None:
        fields["items"] = items
    fields.update(kw.pop("fields", {}))
    return rec(
        "questionnaire",
        date,
        path=kw.pop("path", None) or f"questionnaires/{date}-phq9-{next(_counter)}.md",
        **fields,
        **kw,
    )


def gad7(date: str, items: list[int | None], **kw: Any) -> Record:
    return rec(
        "questionnaire",
        date,
        path=f"questionnaires/{date}-gad7-{next(_counter)}.md",
        instrument="gad7",
        items=items,
        **kw,
    )


def items_for(total: int, n: int) -> list[int | None]:
    """Items 0–3 adding up to `total`, filled from the first item (so PHQ-9 item 9 stays 0
    for totals up to 24)."""
    out: list[int | None] = []
    left = total
    for _ in range(n):
        out.append(min(3, left))
        left -= min(3, left)
    assert left == 0
    return out
