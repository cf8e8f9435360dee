"""The caseload page (issue 15) as html, md, json, csv or pdf, from its context alone and
from interim's own templates only (`templates/caseload/`): no client's `templates/` is
read, so the clinician's machine runs no code from a client's folder.

The safety section is placed and checked as the report's notice is (interim.render.safety,
interim.render.mdcheck): in HTML a child of <body> right after the header, under interim's
notice rules (report/notice.css, proved in Chromium by tests/test_browser_caseload.py); in
Markdown a top-level block quote before the first section; in JSON the first key; in CSV
the first rows; in the PDF on page 1. Output without it is refused (SafetyNoticeMissing).

The HTML allow-list (interim.render.allowlist) is not run here: it guards against a folder's
templates, and this page has none (it would also refuse the relative links to the clients'
reports). Every value is autoescaped, and the page has the report's Content-Security-Policy.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from markupsafe import Markup

from interim.render.document import Head
from interim.render.env import make_env, render_template
from interim.render.mdcheck import md_placed
from interim.render.problems import SafetyNoticeMissing
from interim.render.safety import place_html
from interim.render.stylesheet import page_css
from interim.render.write import cell, json_bytes, neutralise
from interim.summary.caseload import CaseloadContext, ClientRow

CSV_COLUMNS = ("kind", "client", "key", "date", "time", "field", "value")


def render_caseload(
    context: CaseloadContext, fmt: str, *, warnings: list[str] | None = None
) -> bytes:
    """The page as bytes (UTF-8; PDF for `pdf`). Lines for stderr go to `warnings`."""
    if fmt == "json":
        return json_bytes(context.to_data())
    if fmt == "csv":
        return caseload_csv(context)
    if fmt == "html":
        return caseload_html(context).encode("utf-8")
    if fmt == "md":
        return caseload_md(context).encode("utf-8")
    if fmt == "pdf":  # Typst is imported here, never at `interim --help`
        from interim.render.caseload_pdf import caseload_pdf

        pdf, notes = caseload_pdf(context)
        if warnings is not None:
            warnings.extend(notes)
        return pdf
    raise ValueError(f"unknown format {fmt!r}")


def caseload_html(context: CaseloadContext) -> str:
    data = context.to_data()
    env = make_env(None, html=True, user=False)
    banner = render_template(env, "caseload/_safety.html.j2", {"safety": data["safety"]}, None)
    banner = banner.strip()
    base = render_template(env, "report/style.css.j2", {"paper": "A4"}, None)
    own = render_template(env, "caseload/caseload.css", {}, None)
    head = Head.build(page_css(base + "\n" + own, None))
    page = {**data, "safety_banner": Markup(banner), "head_meta": Markup(head.meta)}
    output = render_template(env, "caseload/page.html.j2", page, None)
    return place_html(output, banner, head.css)


def caseload_md(context: CaseloadContext) -> str:
    data = context.to_data()
    env = make_env(None, html=False, user=False)
    banner = render_template(env, "caseload/_safety.md.j2", {"safety": data["safety"]}, None)
    banner = banner.strip()
    page = {**data, "safety_banner": Markup(banner)}
    output = render_template(env, "caseload/page.md.j2", page, None)
    output = "\n".join(line.rstrip() for line in output.splitlines())
    while "\n\n\n" in output:
        output = output.replace("\n\n\n", "\n\n")
    output = output.strip("\n") + "\n"
    if not md_placed(output, banner):
        raise SafetyNoticeMissing("the caseload's safety section is not at the top of the page")
    return output


def caseload_csv(context: CaseloadContext) -> bytes:
    """Tidy and long: the safety rows first (kind `safety`), then each client's values
    (`client`, `homework`, `score`, `problems`); every cell neutralised for spreadsheets."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in _csv_rows(context):
        writer.writerow([neutralise(c) for c in row])
    return buffer.getvalue().encode("utf-8")


def _csv_rows(context: CaseloadContext) -> Iterator[list[str]]:
    day = cell(context.report_date)
    for e in context.safety.entries:
        head = ["safety", e.client, e.key, cell(e.date), cell(e.time)]
        yield [*head, e.label, e.answer_text if e.answer is None else str(e.answer)]
        yield [*head, e.label + " in words", e.answer_text]
        if e.note:
            yield [*head, e.label + " note", e.note]
    unread = [c for c in context.clients if not c.risk_read]
    for c in unread:
        yield ["safety", c.name, c.key, day, "", "risk answers", "not read: see the error row"]
    if not context.safety.entries:
        yield [
            "safety",
            "",
            "",
            day,
            "",
            "risk answers",
            "none" + (" among those read" if unread else ""),
        ]
    yield ["notice", "", "", day, "", "health data", context.health_data]  # after safety: first
    for c in context.clients:
        yield from _client_rows(c)
    for s in context.skipped:
        yield ["skipped", "", "", "", "", s.folder, s.reason]


def _client_rows(c: ClientRow) -> Iterator[list[str]]:
    head = ["client", c.name, c.key]
    yield [*head, "", "", "folder", c.folder]
    for note in c.notes:
        yield [*head, "", "", "note", note]
    if c.error is not None:
        yield [*head, "", "", "error", c.error]
        return
    if c.next_session is not None:
        yield [*head, cell(c.next_session.date), cell(c.next_session.time), "next session", ""]
    yield [*head, cell(c.last_entry), "", "days since last entry", cell(c.days_since_entry)]
    for h in c.homework:
        for name, value in (("done", h.done), ("expected", h.expected), ("unit", h.unit)):
            yield ["homework", c.name, c.key, "", "", f"{h.title or ''}: {name}", cell(value)]
    for s in c.scores:
        for name, value in (
            ("total", s.total),
            ("band", s.band),
            ("change", s.change),
            ("reliable", s.reliable),
        ):
            yield ["score", c.name, c.key, cell(s.date), "", f"{s.measure}: {name}", cell(value)]
    if c.reliable is not None:
        yield [*head, "", "", "reliable change", c.reliable]
    if c.problems is not None:
        for name, n in (
            ("files with errors", c.problems.files_with_errors),
            ("left out", c.problems.left_out),
            ("conflict copies", c.problems.conflict_copies),
        ):
            yield ["problems", c.name, c.key, "", "", name, str(n)]
    if c.report is not None:
        yield [*head, "", "", "report", c.report]
