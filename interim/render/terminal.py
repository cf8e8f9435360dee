"""`interim summary`: the report's essentials as plain text for a terminal — the safety
notice first, then the period, the homework table, key numbers with sparklines, and what to
discuss. Every line has its control characters escaped (text comes from the user's files)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from interim.diagnostics import escape_text
from interim.render.charts import shorten
from interim.render.filters import date, num, signed, spark

RULE = "-" * 72


def summary_lines(context: dict[str, Any]) -> list[str]:
    lines = [*_safety(context["safety"]), *_header(context), *_homework(context)]
    lines += [*_key_numbers(context), *_discuss(context["glance"]["to_discuss"])]
    return [escape_text(line) for line in lines]


def _safety(safety: dict[str, Any]) -> Iterator[str]:
    if not safety.get("show"):
        return
    yield f"!! SAFETY: {safety['topic']} ({safety['about']})"
    for e in safety["entries"]:
        when = date(e["date"]) if e.get("date") else "date unknown"
        latest = f" (the latest {e['instrument_name']})" if e.get("latest") else ""
        note = f" ({e['note']})" if e.get("note") else ""
        yield f"   {when}: {e['label']} {e['prefix']}{e['answer_text']}{latest} — {e['path']}{note}"
    yield f"   {safety['contacts']}"
    yield f"   {safety['monitoring']}"
    yield RULE


def _header(context: dict[str, Any]) -> Iterator[str]:
    period, name = context["period"], context["header"].get("name")
    yield f"Session report{' · ' + name if name else ''} — {period['label']}"
    nxt = period.get("next_session")
    if nxt:
        time = f" {nxt['time']}" if nxt.get("time") else ""
        yield f"Next session: {date(nxt['date'])}{time}"
    private = context.get("private_count")
    if private:
        yield f"{private} private entr{'y' if private == 1 else 'ies'} left out."
    left_out = context["problems"]["not_counted"]["text"]
    if left_out:
        yield f"{left_out} (`interim check` lists them)."
    yield ""


def _homework(context: dict[str, Any]) -> Iterator[str]:
    rows = context["glance"]["homework"]
    if not rows:
        return
    yield "Homework                            expected done days pacing      conf status"
    for h in rows:
        expected = "—" if h.get("expected") is None else str(h["expected"])
        conf = "—" if h.get("confidence") is None else f"{h['confidence']}/10"
        quality = h["review"]["quality"] if h.get("review") else None
        review = "" if quality is None else f" review {quality}/4"
        strip = shorten(spark(h["pacing"]["strip"], 0), 11)
        yield (
            f"{shorten(h.get('title') or h['id'], 35):<35} {expected:>8} {h['done']:>4} "
            f"{h['days_practised']:>4} {strip:<11} {conf:>5} {h.get('status') or '—'}{review}"
        )
    yield ""


def _daily(context: dict[str, Any], key_id: str) -> list[Any]:
    """The day-by-day values behind a key number, for its sparkline."""
    sections = {s["id"]: s["data"] for s in context["sections"]}
    section, _, field = key_id.partition(".")
    if section == "mood" and "mood" in sections:
        for s in sections["mood"]["series"]:
            if s["field"] == field:
                return [d["value"] for d in s["daily"]]
    if key_id == "sleep.se" and "sleep" in sections:
        return [d["value"] for d in sections["sleep"]["daily_se"]]
    if section == "questionnaire" and "questionnaires" in sections:
        for q in sections["questionnaires"]["instruments"]:
            if q["key"] == field:
                return [a["total"] for a in q["administrations"]]
    return []


def _key_numbers(context: dict[str, Any]) -> Iterator[str]:
    numbers = context["glance"]["key_numbers"]
    if not numbers:
        return
    yield "Key numbers"
    for k in numbers:
        places = 0 if k["unit"] == "points" else 1
        value = num(k["value"], places) + (
            "%" if k["unit"] == "%" and k["value"] is not None else ""
        )
        band = f" {k['band']}" if k.get("band") else ""
        line = f"  {shorten(k['label'], 18):<18} {value + band:>14}  {_change(k, places)}"
        yield f"{line}  ({k['n_text']})  {spark(_daily(context, k['id']))}"
        if k.get("cutoff_text"):
            yield f"{'':<37}{k['cutoff_text']}"
        if k.get("problem"):
            yield f"{'':<37}problem: {k['problem']}"
    yield ""


def _change(k: dict[str, Any], places: int) -> str:
    """`+0.4 better vs previous period`; with nothing to compare, say so rather than print
    a comparison with no number in it."""
    if k["change"] is None:
        return f"no {k['compared_with']} to compare with"
    unit = " pts" if k["unit"] == "%" else ""
    word = f" {k['direction']}" if k.get("direction") else ""
    return f"{signed(k['change'], places)}{unit}{word} vs {k['compared_with']}"


def _discuss(items: list[dict[str, Any]]) -> Iterator[str]:
    if not items:
        return
    yield "To discuss"
    for item in items:
        text = f": {item['text']}" if item.get("text") else ""
        yield f"  - {item['title']}{text}"
        for detail in item.get("details") or []:
            yield f"      {detail}"
