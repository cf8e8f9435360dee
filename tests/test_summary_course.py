"""The course view (issue 14): every score since the first with its session, the reading
of each measure by its own reliable-change rule (at exactly the threshold and one below), the
deterioration and no-improvement flags with their rules (N from `course.review_after`),
homework per session period, and the section, CSV rows and `interim course` command."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from test_render_support import rendered
from test_summary_support import homework, period, rec, scope, session, settings

from interim.domain.model import Record
from interim.summary.course import CourseMeasure, CourseSummary, summarise_course

P = period("2026-11-12", "2026-11-18", last_session="2026-11-11")
HELD = [session(f"2026-10-{d:02d}", number=i) for i, d in enumerate((7, 14, 21, 28), 1)]


def phq9(day: str, total: int, **kw: Any) -> Record:
    items = []
    left = total
    for _ in range(9):
        items.append(min(3, left))
        left -= min(3, left)
    return rec("questionnaire", day, path=f"q/{day}-phq9.md", instrument="phq9", items=items, **kw)


def course(records: list[Record], **values: Any) -> CourseSummary:
    found = summarise_course(scope(records, P, sets=settings(**values) if values else None))
    assert found is not None
    return found


def measure(records: list[Record], key: str = "phq9", **values: Any) -> CourseMeasure:
    return next(m for m in course(records, **values).measures if m.key == key)


def test_nothing_before_the_second_held_session() -> None:
    assert summarise_course(scope([HELD[0], phq9("2026-10-07", 16)], P)) is None
    assert summarise_course(scope([*HELD[:2], phq9("2026-10-07", 16)], P)) is not None


def test_every_score_since_the_first_with_its_session() -> None:
    m = measure([*HELD, phq9("2026-10-07", 16), phq9("2026-10-20", 14), phq9("2026-11-17", 9)])
    assert [(p.total, p.session, p.band) for p in m.points] == [
        (16, 1, "moderately severe"),
        (14, 2, "moderate"),
        (9, 4, "mild"),
    ]
    assert m.change == -7


@pytest.mark.parametrize(
    ("latest", "verdict"),
    [
        (10, "reliable improvement"),  # down 6: exactly the threshold
        (11, "no reliable change"),  # down 5: one below
        (22, "reliable deterioration"),  # up 6
        (21, "no reliable change"),  # up 5
    ],
)
def test_reliable_change_at_the_threshold_and_one_below(latest: int, verdict: str) -> None:
    m = measure([*HELD, phq9("2026-10-07", 16), phq9("2026-11-17", latest)], course__review_after=0)
    assert m.verdict == verdict
    assert m.rule.startswith("a change of 6 or more points is reliable (NHS Talking Therapies")
    if verdict == "reliable improvement":
        assert m.reading == (
            "PHQ-9: reliable improvement from 16 to 10 since Wed 7 Oct 2026 "
            "(a change of 6 or more is reliable)"
        )


def test_reliable_deterioration_is_flagged_with_its_rule() -> None:
    found = course([*HELD, phq9("2026-10-07", 10), phq9("2026-11-17", 16)])
    (m,) = found.measures
    assert m.flag == "reliable deterioration from the first score"
    assert m.flag_rule == "a rise of 6 or more points from the first score"
    assert found.flags == [f"PHQ-9: {m.flag} ({m.flag_rule})"]
    assert found.headline == "Reliable deterioration on PHQ-9 or GAD-7 since the first score."


def test_no_reliable_improvement_after_n_sessions_is_flagged() -> None:
    records = [*HELD, phq9("2026-10-07", 16), phq9("2026-11-17", 12)]
    assert measure(records, course__review_after=5).flag is None  # 4 held sessions: not yet
    m = measure(records, course__review_after=4)
    assert m.flag == "no reliable improvement after 4 sessions"
    assert m.flag_rule == (
        "no drop of 6 or more points from the first score within 4 held sessions of it "
        "(the course.review_after setting)"
    )
    assert measure(records, course__review_after=0).flag is None  # 0: never
    improved = [*HELD, phq9("2026-10-07", 16), phq9("2026-11-17", 10)]
    assert measure(improved, course__review_after=4).flag is None


def test_the_default_is_six_sessions() -> None:
    held = [session(f"2026-10-{d:02d}", number=i) for i, d in enumerate(range(1, 8), 1)]
    m = measure([*held, phq9("2026-10-01", 16), phq9("2026-11-17", 12)])
    assert course([*held, phq9("2026-10-01", 16)]).review_after == 6
    assert m.flag == "no reliable improvement after 7 sessions"


def test_a_measure_without_a_threshold_gets_no_verdict_and_no_flag() -> None:
    forms = [
        rec("questionnaire", d, path=f"q/{d}.md", instrument="phq15", items=items)
        for d, items in (("2026-10-07", [2] * 15), ("2026-11-17", [0] * 15))
    ]
    m = measure([*HELD, *forms], "phq15", course__review_after=1)
    assert (m.change, m.verdict, m.flag) == (-30, None, None)
    assert m.reading == (
        "PHQ-15: from 30 to 0 since Wed 7 Oct 2026; no reliable-change threshold is "
        "published, so no verdict"
    )
    assert m.rule == "no reliable-change threshold is published for this measure"


def test_the_headline_keeps_the_paired_rule() -> None:
    gad = [
        rec("questionnaire", "2026-10-07", path="g1.md", instrument="gad7", items=[3] * 5 + [0, 0]),
        rec("questionnaire", "2026-11-17", path="g2.md", instrument="gad7", items=[3] * 5 + [3, 1]),
    ]
    found = course([*HELD, phq9("2026-10-07", 16), phq9("2026-11-17", 9), *gad])
    # PHQ-9 down 7, GAD-7 up 4: no reliable improvement overall.
    assert found.headline == "Reliable deterioration on PHQ-9 or GAD-7 since the first score."


def test_homework_per_session_period() -> None:
    records = [
        *HELD,
        homework("diary", "2026-10-07", "daily", due="2026-10-20", track={"type": "mood"}),
        homework("once", "2026-10-14", "once", due="2026-10-21", status="stuck"),
        *[rec("mood", f"2026-10-{d:02d}", path=f"m{d}.md", mood=5) for d in (8, 9, 15)],
        rec("review", "2026-10-20", path="r.md", homework="diary", quality=3),
    ]
    rows = [
        (h.session, h.homework, h.set_here, h.done_text, h.quality, h.stuck)
        for h in course(records).homework
    ]
    assert rows == [
        (1, "diary", True, "2 of 6 days", None, False),  # 8–13 Oct: 6 days, 2 entries
        (2, "diary", False, "1 of 7 days", 3, False),  # 14–20 Oct, the session's day too
        (2, "once", True, "0 of 1 entry", None, True),
    ]


def test_a_private_form_is_left_out_of_the_course() -> None:
    m = measure([*HELD, phq9("2026-10-07", 16), phq9("2026-11-17", 9, private=True)])
    assert [p.total for p in m.points] == [16]


# -- in the report and the terminal --------------------------------------------------------

EXAMPLE = Path(__file__).parent.parent / "example-folder"


def test_the_example_report_shows_the_course_in_every_format() -> None:
    data = json.loads(rendered(EXAMPLE, "json"))
    section = next(s for s in data["sections"] if s["id"] == "course")
    names = [m["name"] for m in section["data"]["measures"]]
    assert names == ["PHQ-9", "GAD-7", "Social situations"]
    html = rendered(EXAMPLE, "html")
    assert 'id="sec-course"' in html and "Sessions: S1 7 Oct, S2 14 Oct" in html
    assert html.index("<h2") < html.index('id="sec-course"')
    md = rendered(EXAMPLE, "md")
    assert "## Course of treatment" in md
    assert "PHQ-9: reliable improvement from 16 to 9 since Wed 7 Oct 2026" in md
    rows = list(csv.reader(io.StringIO(rendered(EXAMPLE, "csv"))))
    course_rows = [r for r in rows if r[0] == "course"]  # the `kind` column
    assert [
        "course",
        "2026-10-07",
        "",
        "course",
        "phq9",
        "questionnaires/2026-10-07-phq9.md",
        "score",
        "16",
    ] in course_rows
    assert any(r[3] == "course-homework" and r[6] == "done" for r in course_rows)
    assert rows.index(course_rows[0]) > max(i for i, r in enumerate(rows) if r[0] != "course")


def test_a_profile_without_the_section_leaves_it_out(tmp_path: Path) -> None:
    import shutil

    root = tmp_path / "f"
    shutil.copytree(EXAMPLE, root)
    with (root / "interim.yaml").open("a", encoding="utf-8") as handle:
        handle.write("profiles:\n  gp:\n    free_text: false\n    sections: [mood]\n")
    data = json.loads(rendered(root, "json", "gp"))
    assert all(s["id"] != "course" for s in data["sections"])
    assert all(r[0] != "course" for r in csv.reader(io.StringIO(rendered(root, "csv", "gp"))))


def test_interim_course(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli(["course", str(EXAMPLE)])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "Course of treatment up to Tue 17 Nov 2026"
    assert "  Wed 7 Oct 2026   S1         16  moderately severe" in lines
    assert "  Rule: no reliable-change threshold is published for this measure." in lines
    assert any("Message Jo to arrange a meet-up  stuck" in line for line in lines)


def test_interim_course_puts_the_safety_notice_first(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    from test_render_support import make_folder

    root = make_folder(tmp_path, hostile=False)
    result = run_cli(["course", str(root)])
    assert result.exit_code == 0
    assert result.output.startswith("!! SAFETY: PHQ-9 item 9")


def test_interim_course_before_the_second_session(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "s.md").write_text("---\ntype: session\ndate: 2026-11-04\nstatus: held\n---\n")
    result = run_cli(["course", str(tmp_path)])
    assert result.exit_code == 0
    assert "The course view starts after the second held session." in result.output
