"""The safety notice (PHQ-9 item 9), every clause at its boundary. The period is 12–17 Nov
2026; the previous period starts on 5 Nov, so the listing window is 5–17 Nov."""

from __future__ import annotations

import json
from typing import Any

import pytest
from test_summary_support import D, folder, gad7, period, phq9, session, settings

from interim.domain.model import Record
from interim.summary import build_report, resolve_period
from interim.summary.safety import EMERGENCY, safety_notice

P = period("2026-11-12", "2026-11-17", "2026-11-05", "2026-11-11", last_session="2026-11-11")


def item9(answer: int | None) -> list[int | None]:
    return [1, 1, 1, 1, 1, 1, 1, 1, answer]


def listed(records: list[Record], p: Any = P) -> list[tuple[str, int | None, str]]:
    notice = safety_notice(records, p, settings())
    assert notice.show is bool(notice.entries)
    return [(e.date.isoformat() if e.date else "", e.answer, e.answer_text) for e in notice.entries]


def test_nothing_to_show() -> None:
    notice = safety_notice([phq9("2026-11-15", item9(0))], P, settings())
    assert notice.show is False and notice.entries == []
    assert notice.to_data()["show"] is False  # the object is there, with show: false


@pytest.mark.parametrize(
    ("answer", "text"),
    [
        (1, "several days"),
        (2, "more than half the days"),
        (3, "nearly every day"),
        (None, "not answered"),
    ],
)
def test_answers_in_words(answer: int | None, text: str) -> None:
    assert listed([phq9("2026-11-15", item9(answer))]) == [("2026-11-15", answer, text)]


def test_previous_period_start_is_included() -> None:
    records = [phq9("2026-11-05", item9(1)), phq9("2026-11-15", item9(0))]
    assert listed(records) == [("2026-11-05", 1, "several days")]


def test_the_day_before_is_excluded_unless_it_is_the_latest() -> None:
    records = [phq9("2026-11-04", item9(2)), phq9("2026-11-10", item9(0))]
    assert listed(records) == []
    assert listed(records[:1]) == [("2026-11-04", 2, "more than half the days")]


def test_latest_on_record_however_old() -> None:
    notice = safety_notice(
        [phq9("2026-06-01", item9(0)), phq9("2026-09-01", item9(1))], P, settings()
    )
    assert [(e.date, e.latest) for e in notice.entries] == [(D("2026-09-01"), True)]


def test_report_date_and_session_day_are_included_and_a_future_form_too() -> None:
    records = [
        phq9("2026-11-11", item9(1)),  # the last session's day
        phq9("2026-11-17", item9(2)),  # the report date
        phq9("2026-11-18", item9(3)),  # after it: a typo for the year, most likely (issue 9)
    ]
    assert [d for d, _, _ in listed(records)] == ["2026-11-11", "2026-11-17", "2026-11-18"]
    notice = safety_notice(records, P, settings())
    future = notice.entries[-1]
    assert future.note == "dated after the report date: check the year"
    assert not future.latest and notice.entries[1].latest  # never "the latest form"


@pytest.mark.parametrize(
    "record",
    [
        phq9("2026-11-14", item9(1), private=True),
        phq9("2026-11-14", item9(1), fields={"total": 3}, has_errors=True),  # wrong total
        phq9("2026-11-14", [None, 1, None, 1, 1, 1, 1, 1, 1], has_errors=True),  # incomplete
        phq9("2026-11-14", [7, 1, 1, 1, 1, 1, 1, 1, 1], has_errors=True),  # item out of range
        phq9("2026-11-14", [1, 1, 1, 1, 1, 1, 1, 1], has_errors=True),  # item 9 missing
        phq9("2026-11-14", None, has_errors=True),  # `items` could not be read
    ],
    ids=["private", "wrong-total", "incomplete", "out-of-range", "too-short", "no-items"],
)
def test_whatever_is_wrong_with_the_file(record: Record) -> None:
    assert len(listed([record])) == 1


def test_an_out_of_range_answer_is_listed_as_written() -> None:
    assert listed([phq9("2026-11-14", item9(5), has_errors=True)])[0][2].startswith("answered 5")


def test_an_undated_phq9_cannot_be_ruled_out() -> None:
    undated = phq9("2026-11-14", item9(2))
    undated.date = None
    assert listed([undated]) == [("", 2, "more than half the days")]


def test_gad7_is_not_phq9() -> None:
    assert listed([gad7("2026-11-14", [3, 3, 3, 3, 3, 3, 3])]) == []


def test_several_on_the_latest_day_each_count_as_latest() -> None:
    records = [
        phq9("2026-09-01", item9(0), path="q/a.md"),
        phq9("2026-09-01", item9(1), path="q/b.md"),
    ]
    assert len(listed(records)) == 1


def test_contacts_and_monitoring() -> None:
    none = safety_notice([], P, settings())
    assert none.contacts == EMERGENCY and none.has_contacts is False
    assert "Nobody monitors these files" in none.monitoring
    mine = safety_notice([], P, settings(crisis_contacts="Call 116 123"))
    assert mine.contacts == "Call 116 123" and mine.emergency == EMERGENCY


# -- through build_report: no since, profile or privacy removes it ---------------------------

SESSIONS = [session("2026-11-04"), session("2026-11-11"), session("2026-11-18", "planned")]
PROFILES = {
    "gp": {"free_text": "false", "sections": ["mood"]},
    "nothing": {"free_text": "false", "sections": []},
}


@pytest.mark.parametrize("profile", ["full", "scores-only", "gp", "nothing"])
@pytest.mark.parametrize("since", [None, "1d", "2026-11-17", "last-session"])
def test_every_profile_and_since_keeps_the_notice(profile: str, since: str | None) -> None:
    records = [*SESSIONS, phq9("2026-11-06", item9(1), private=True, body="SECRET")]
    f = folder(records, settings(report_date=D("2026-11-17"), profiles=PROFILES))
    p = resolve_period(f.records, since=since, settings=f.settings)
    report = build_report(f, p, profile=profile).to_data()
    safety = report["safety"]
    assert safety["show"] is True  # 6 Nov is the latest PHQ-9: listed whatever the window
    assert [e["date"] for e in safety["entries"]] == ["2026-11-06"]
    assert "SECRET" not in json.dumps(report)  # the notice names the form, not its body
    assert report["private_count"] >= 1


def test_an_explicit_since_can_widen_the_window_but_never_narrow_it() -> None:
    records = [*SESSIONS, phq9("2026-11-01", item9(1)), phq9("2026-11-06", item9(1))]
    records.append(phq9("2026-11-16", item9(0)))
    f = folder(records, settings(report_date=D("2026-11-17")))
    # 3d: its own previous period is 12–14 Nov, but the default one (after the session held
    # on 4 Nov) still counts, so 6 Nov is listed "whatever --since".
    short = build_report(f, resolve_period(f.records, since="3d", settings=f.settings)).to_data()
    assert [e["date"] for e in short["safety"]["entries"]] == ["2026-11-06"]
    # 20d: its previous period starts 8 Oct, wider than the default: 1 Nov is listed too.
    wide = build_report(f, resolve_period(f.records, since="20d", settings=f.settings)).to_data()
    assert [e["date"] for e in wide["safety"]["entries"]] == ["2026-11-01", "2026-11-06"]


# -- the neutral line when nothing is listed (issue 13) -------------------------------------


def _latest(records: list[Record]) -> list[str]:
    from interim.summary.safety import latest_risk

    notice = safety_notice(records, P, settings())
    return [r.text for r in latest_risk(records, notice, P.end)]


def test_the_latest_form_is_named_when_nothing_is_listed() -> None:
    records = [
        phq9("2026-10-01", item9(0)),
        phq9("2026-11-15", item9(0)),
        gad7("2026-11-16", [1] * 7),
    ]
    assert _latest(records) == ["PHQ-9 item 9: 0 on 15 Nov, the latest form"]
    assert _latest([phq9("2025-06-01", item9(0))]) == [
        "PHQ-9 item 9: 0 on 1 Jun 2025, the latest form"
    ]


def test_no_neutral_line_beside_the_notice_nor_for_a_private_form() -> None:
    assert _latest([phq9("2026-11-15", item9(2))]) == []  # the notice says it, never replaced
    assert _latest([phq9("2026-11-15", item9(0), private=True)]) == []
    assert _latest([gad7("2026-11-16", [1] * 7)]) == []  # no form holds a risk item
    assert _latest([phq9("2026-11-20", item9(0))]) == []  # after the report date


def test_the_report_and_summary_carry_the_line_outside_the_alert(run_cli) -> None:
    from pathlib import Path

    example = Path(__file__).resolve().parent.parent / "example-folder"
    line = "PHQ-9 item 9: 0 on 17 Nov, the latest form"
    html = run_cli(["report", str(example), "-o", "-"]).stdout
    assert (
        f'<aside class="meta safety-latest" aria-label="Latest risk answer">\n<p>{line}</p>' in html
    )
    assert 'class="interim-safety' not in html.split(line)[0].split("<body>")[1]
    assert line in run_cli(["report", str(example), "--format", "md", "-o", "-"]).stdout
    assert line in run_cli(["summary", str(example)]).stdout
