"""What the PDF template receives: the report context as it is (docs/template-api.md), plus
`pdf` — what Typst cannot compute from it itself:

- `paper`: Typst's name for the `report.paper` setting;
- `charts`: the same charts as the HTML report (interim.render.chartdata, which calls
  interim.render.charts), as SVG text with its text alternative, under fixed keys the template
  asks for (`calendar`, `pace-1`…, `questionnaires/phq9`, `goals`, `mood`, `sleep`, and a
  folder type's section id);
- `md`: every record body's Markdown as a block tree (interim.render.mdtree), keyed by the
  body text, so the template's `md(entry.body)` finds it.

It also finds the characters no shipped font can draw, for the one warning the PDF gives.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from interim.render import chartdata
from interim.render.cmap import coverage, missing
from interim.render.mdtree import body_tree
from interim.summary.context import ReportContext, Section
from interim.summary.course import CourseSummary
from interim.summary.custom import CustomSummary
from interim.summary.data import Json
from interim.summary.goals import GoalSummary
from interim.summary.mood import MoodSummary
from interim.summary.questionnaires import QuestionnaireSummary
from interim.summary.sleep import SleepSummary

FONTS = Path(__file__).resolve().parent.parent / "fonts"
PAPER = {"a4": "a4", "letter": "us-letter"}
Figures = dict[str, dict[str, Any]]
_WIDTH = re.compile(r'<svg\b[^>]*?\swidth="([0-9.]+)"')


def typst_data(context: ReportContext) -> dict[str, object]:
    """The context's plain data with `pdf` added, for `sys.inputs`."""
    data = context.to_data()
    extra = {
        "paper": PAPER.get(context.page.paper, "a4"),
        "charts": charts(context),
        "md": bodies(data),
    }
    return {**data, "pdf": extra}


def charts(context: ReportContext) -> Figures:
    figures: Figures = {}

    def add(key: str, figure: chartdata.Figure | None) -> None:
        if figure is not None:
            width = _WIDTH.search(figure.svg)
            figures[key] = {
                "svg": str(figure.svg),
                "alt": figure.alt,
                "width": float(width.group(1)) if width else None,  # SVG px; the template scales
            }

    days = [d.to_data() for d in context.calendar.days]
    add("calendar", chartdata.calendar_chart(days, "calendar"))
    for i, h in enumerate(context.glance.homework, 1):
        pace, start = h.pacing, h.pacing.start or context.period.start
        chart = chartdata.pacing_chart(pace.strip, start, f"pace-{i}", h.title or h.id, pace.active)
        add(f"pace-{i}", chart)
    for section in context.sections:
        for key, figure in _section_charts(section):
            add(key, figure)
    return figures


def _section_charts(section: Section) -> Iterator[tuple[str, chartdata.Figure | None]]:
    """Each section's charts, made by the same calls as its HTML partial
    (templates/report/sections/*.html.j2), from the same plain data."""
    sid, data = section.id, section.data
    if isinstance(data, QuestionnaireSummary):
        for inst in data.instruments:
            key = inst.key
            yield f"questionnaires/{key}", chartdata.score_chart(inst.to_data(), f"score-{key}")
    elif isinstance(data, CourseSummary):
        sessions = [s.to_data() for s in data.sessions]
        for m in data.measures:
            figure = chartdata.course_chart(m.to_data(), sessions, f"course-{m.key}")
            yield f"course/{m.key}", figure
    elif isinstance(data, GoalSummary):
        yield "goals", chartdata.goal_chart([g.to_data() for g in data.goals], "goals")
    elif isinstance(data, MoodSummary):
        series = [s.to_data() for s in data.series]
        yield "mood", chartdata.series_chart(series, "mood", "Mood by day")
    elif isinstance(data, SleepSummary):
        nights = [d.to_data() for d in data.daily_se]
        yield "sleep", chartdata.sleep_chart(nights, data.target, "sleep")
    elif isinstance(data, CustomSummary) and data.series:  # a folder's own type
        series = [s.to_data() for s in data.series]
        yield sid, chartdata.series_chart(series, f"custom-{sid}", f"{section.title} by day")


def bodies(data: Json) -> dict[str, list[dict[str, Any]]]:
    """Every `body` in the context's data (records, reviews) as its block tree."""
    trees: dict[str, list[dict[str, Any]]] = {}
    for key, value, _ in _walk(data, ""):
        if key == "body" and isinstance(value, str) and value not in trees:
            trees[value] = body_tree(value)
    return trees


def _walk(value: Json, path: str) -> Iterator[tuple[str, Json, str]]:
    """(key, value, the nearest record path) for every value in the context, depth first."""
    if isinstance(value, dict):
        found = value.get("path")
        here = found if isinstance(found, str) else path
        for key, item in value.items():
            yield key, item, here
            yield from _walk(item, here)
    elif isinstance(value, list):
        for item in value:
            yield "", item, path
            yield from _walk(item, path)


FONT_SETTING = "report.pdf_font"
# Chinese, Japanese and Korean: scripts whose faces are too large to ship (issue 13).
_CJK = ((0x2E80, 0x9FFF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF), (0xFF00, 0xFFEF), (0x20000, 0x3FFFF))


def font_files(extra: Path | None = None) -> tuple[Path, ...]:
    """interim's fonts, and the user's `report.pdf_font` when it names a file."""
    return (*sorted(FONTS.glob("*.ttf")), *([extra] if extra is not None else []))


def user_font(setting: str, root: Path | None) -> tuple[Path | None, str | None]:
    """(the font file `report.pdf_font` names, or None; a warning when it names none)."""
    if not setting.strip():
        return None, None
    path = Path(setting.strip()).expanduser()
    if not path.is_absolute() and root is not None:
        path = root / path
    if path.is_file() and path.suffix.lower() in (".ttf", ".otf", ".ttc"):
        return path, None
    return None, (
        f"`{FONT_SETTING}: {setting.strip()}` in interim.yaml is not a font file (.ttf, .otf "
        "or .ttc); the PDF uses interim's fonts only"
    )


def glyph_warning(data: Json, extra: Path | None = None) -> str | None:
    """One line naming the characters the PDF's fonts cannot draw (emoji, say), with the
    first file each appears in; None when every character can be drawn. For Chinese,
    Japanese or Korean it names the setting that brings a font for them."""
    covered = coverage(font_files(extra))
    found: dict[str, str] = {}
    for _, value, path in _walk(data, ""):
        if isinstance(value, str):
            for ch in missing([value], covered):
                found.setdefault(ch, path)
    if not found:
        return None
    shown = [f"{ch} (U+{ord(ch):04X}{', ' + p if p else ''})" for ch, p in sorted(found.items())]
    more = f" and {len(shown) - 8} more" if len(shown) > 8 else ""
    cjk = any(lo <= ord(ch) <= hi for ch in found for lo, hi in _CJK)
    fix = (
        f"; for Chinese, Japanese or Korean set `{FONT_SETTING}` in interim.yaml to a font "
        "file that has them (such as NotoSansCJK-Regular.ttc)"
        if cjk
        else ""
    )
    return (
        "the PDF's fonts have no glyph for "
        + ", ".join(shown[:8])
        + more
        + ": the PDF shows them as empty boxes (the HTML report shows them)"
        + fix
    )
