"""Client folders for the caseload tests (issue 15): small, hand-made folders reported on
17 Nov 2026, and the demo caseload of the issue — the example folder plus four clients:
one with a risk answer, one with a broken settings file, one who stopped recording three
weeks before, one whose PHQ-9 reliably deteriorated."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "example-folder"
DAY = dt.date(2026, 11, 17)  # the demo's report date (the example folder's pinned one)
UNTIL = DAY.isoformat()


def _write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def phq9_items(total: int, item9: int = 0) -> list[int]:
    """Nine answers 0–3 summing to `total`, the ninth being `item9`."""
    items, left = [0] * 8 + [item9], total - item9
    for i in range(8):
        items[i] = min(3, left)
        left -= items[i]
    assert left == 0, total
    return items


def make_client(
    root: Path,
    name: str,
    *,
    settings: str | None = None,
    last_mood: dt.date = DAY,
    first_mood: dt.date = DAY - dt.timedelta(days=20),
    phq9: tuple[tuple[dt.date, int, int], ...] = (),
    homework: str = "Rate mood every evening",
) -> Path:
    """A client in weekly sessions (Tuesdays, the next on 18 Nov at 17:30), with a daily mood
    diary set on 10 Nov, mood entries from `first_mood` to `last_mood`, and PHQ-9s given
    as (date, total, item 9)."""
    _write(root, "interim.yaml", settings if settings is not None else f'name: "{name}"\n')
    for n, day in enumerate(("2026-10-27", "2026-11-03", "2026-11-10"), start=1):
        _write(root, f"sessions/{day}.md", _session(day, "held", n))
    _write(root, "sessions/2026-11-18.md", _session("2026-11-18", "planned", 4))
    _write(
        root,
        "homework/2026-11-10-mood-diary.md",
        f'---\ntype: homework\ndate: 2026-11-10\ntitle: "{homework}"\nfrequency: daily\n'
        "track: mood\nstatus: in-progress\n---\n",
    )
    day = first_mood
    while day <= last_mood:
        _write(
            root,
            f"records/{day.isoformat()}-mood.md",
            f'---\ntype: mood\ndate: {day.isoformat()}\ntime: "21:00"\nmood: 5\nanxiety: 4\n---\n',
        )
        day += dt.timedelta(days=1)
    for when, total, item9 in phq9:
        items = ", ".join(str(i) for i in phq9_items(total, item9))
        _write(
            root,
            f"questionnaires/{when.isoformat()}-phq9.md",
            f"---\ntype: questionnaire\ndate: {when.isoformat()}\ninstrument: phq9\n"
            f"items: [{items}]\n---\n",
        )
    return root


def _session(day: str, status: str, number: int) -> str:
    return (
        f'---\ntype: session\ndate: {day}\ntime: "17:30"\nnumber: {number}\nstatus: {status}\n---\n'
    )


def demo_caseload(parent: Path) -> Path:
    """The issue's demo under `parent` (a parent of clients): the example folder as `sam`,
    and `alex` (a risk answer), `bo` (broken interim.yaml), `cy` (stopped recording on
    27 Oct, three weeks before), `dee` (PHQ-9 from 6 to 15: reliable deterioration)."""
    shutil.copytree(EXAMPLE, parent / "sam")
    d = dt.timedelta
    make_client(
        parent / "alex",
        "Alex K.",
        phq9=((DAY - d(days=14), 12, 0), (DAY - d(days=1), 14, 2)),
    )
    make_client(parent / "bo", "Bo", settings='name: "Bo L."\ncheckin:\n  day: funday\n')
    make_client(parent / "cy", "Cy M.", last_mood=DAY - d(days=21), first_mood=DAY - d(days=40))
    make_client(
        parent / "dee",
        "Dee P.",
        phq9=((DAY - d(days=28), 6, 0), (DAY - d(days=14), 10, 0), (DAY, 15, 0)),
        homework="Activity schedule: one valued activity a day",
    )
    return parent
