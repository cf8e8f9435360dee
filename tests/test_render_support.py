"""Helpers for the rendering tests (no tests here): a small folder with a session history,
a PHQ-9 whose item 9 is above 0, and hostile text in every place text can come from."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser
from pathlib import Path

from interim.domain.model import Folder
from interim.folder import load_folder
from interim.render import render
from interim.settings import load_settings
from interim.summary import build_report, resolve_period
from interim.summary.context import ReportContext

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
JS_LINK = "[js](javascript:alert(1))"
DATA_LINK = "[data](data:text/html,<script>alert(2)</script>)"
REMOTE_IMAGE = "![pixel](http://evil.example/x.png)"
TEMPLATE = "{{ 7*7 }}"
FORMULA = '=HYPERLINK("http://evil.example","x")'
HOSTILE = f"{SCRIPT} {IMG} {JS_LINK} {DATA_LINK} {REMOTE_IMAGE} {TEMPLATE} {FORMULA}"
REPORT_DATE = dt.date(2026, 11, 17)


def _q(text: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def session(day: str, status: str, number: int) -> str:
    return (
        f"---\ntype: session\ndate: {day}\ntime: 17:30\nnumber: {number}\nstatus: {status}\n---\n"
    )


def phq9(day: str, items: str, extra: str = "") -> str:
    return f"---\ntype: questionnaire\ndate: {day}\ninstrument: phq9\nitems: {items}\n{extra}---\n"


def make_folder(root: Path, *, hostile: bool = True, phq9_file: str | None = None) -> Path:
    """A folder reported on 17 Nov 2026 (period 12–17 Nov, previous 5–11 Nov)."""
    text = HOSTILE if hostile else "An ordinary day."
    files = {
        "interim.yaml": "report_date: 2026-11-17\nname: " + _q(text[:40]) + "\n"
        "crisis_contacts: " + _q("Samaritans 116 123 " + (SCRIPT if hostile else "")) + "\n",
        "sessions/2026-11-04.md": session("2026-11-04", "held", 1),
        "sessions/2026-11-11.md": session("2026-11-11", "held", 2),
        "sessions/2026-11-18.md": session("2026-11-18", "planned", 3),
        "questionnaires/2026-11-16-phq9.md": phq9_file
        or phq9("2026-11-16", "[1, 1, 1, 1, 1, 1, 1, 1, 2]", "total: 10\n"),
        "homework/2026-11-11-mood.md": "---\ntype: homework\ndate: 2026-11-11\n"
        f"title: {_q(text)}\nfrequency: daily\ntrack: mood\nstatus: stuck\nconfidence: 5\n---\n",
    }
    for i, day in enumerate(("2026-11-12", "2026-11-13", "2026-11-15")):
        files[f"records/{day}-mood.md"] = (
            f'---\ntype: mood\ndate: {day}\ntime: "21:00"\nmood: {4 + i}\nanxiety: {6 - i}\n'
            f"emotions: [{_q(text[:30])}]\ntags: [{_q(text[:20])}]\nsituation: {_q(text)}\n---\n"
            f"Body before. {text}\n\nTemplate {TEMPLATE} here.\n"
        )
    if hostile:
        files["records/=HYPERLINK(1) {{ 7*7 }} <b>x.md"] = (
            "---\ntype: note\ndate: 2026-11-14\ntitle: " + _q(text) + "\n---\n" + text + "\n"
        )
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    return root


def load(root: Path) -> Folder:
    settings, _ = load_settings(root)
    return load_folder(root, settings=settings, use_cache=False)


def context_for(root: Path, profile: str = "full") -> tuple[ReportContext, Folder]:
    folder = load(root)
    period = resolve_period(folder.records, settings=folder.settings)
    return build_report(folder, period, profile=profile), folder


def rendered(root: Path, fmt: str, profile: str = "full") -> str:
    context, _ = context_for(root, profile)
    data = render(context, fmt, folder_root=root)
    return data.decode("utf-8")


class Tags(HTMLParser):
    """Every start tag and its attributes, for assertions about live HTML."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
