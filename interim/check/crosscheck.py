"""The checks across records, once every file is read: ids, sleep nights and session
numbers used twice, and links (`homework:`, `goal:`, a check-in's `goals`) to records that
do not exist. Each file's own checks are `interim.check.validate`'s."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from interim.diagnostics import Diagnostic, diag, did_you_mean
from interim.domain.model import Record


def cross_check(records: Iterable[Record]) -> list[Diagnostic]:
    """Linear in the records: one sort, one pass that sorts them by what each check needs,
    and dict and set lookups. (Every pass over a big folder's records costs its memory
    traffic: at 50,000 records one list comprehension is 20 ms, so there is one.)"""
    records = sorted(records, key=lambda r: r.path)
    sleep, sessions, homework, goals = [], [], set(), set()
    for r in records:
        kind = r.type
        if kind == "sleep" and r.date is not None:
            sleep.append(r)
        elif kind == "session" and r.get("number") is not None:
            sessions.append(r)
        elif kind == "homework":
            homework.add(r.id)
        elif kind == "goal":
            goals.add(r.id)
    out: list[Diagnostic] = []
    out += _duplicates(
        records,
        lambda r: r.id.lower(),
        "IM301",
        "id",
        "the id `{r.id}` is also used by {p}",  # k is the id in lower case
        "give one of them another `id:` or file name",
    )
    out += _duplicates(
        sleep,
        lambda r: r.date,
        "IM302",
        "date",
        "a second sleep diary for the night before {k} (also {p})",
        "keep one diary per night: merge the two files",
    )
    out += _duplicates(
        sessions,
        lambda r: r.get("number"),
        "IM303",
        "number",
        "session number {k} is also used by {p}",
        "number sessions 1, 2, 3... once each",
    )
    out += _links(records, homework, goals)
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


def _links(records: list[Record], homework: set[str], goals: set[str]) -> list[Diagnostic]:
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
    what = "homework" if code == "IM304" else "goal"
    hint = did_you_mean(link, known, f"use the {what}'s file name without .md")
    line, col = r.position(field)
    return diag(code, r.path, line, col, f"no {what} has the id `{link}`", hint)
