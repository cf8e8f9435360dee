"""One number in every format (issue 9): a questionnaire whose stated total disagrees with
its items shows the items' sum, with the problem beside it, in HTML, PDF, Markdown, JSON, CSV
and `summary`; an answer that is not a whole number is "not scored", never "not answered"."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from tests.conftest import Write

Run = Callable[..., Result]
GAD7 = "---\ntype: questionnaire\ndate: {day}\ninstrument: gad7\nitems: {items}\n{extra}---\n"
PROBLEM = "the stated total (10) is not the sum of the items (8)"


@pytest.fixture
def folder(tmp_path: Path, write: Write) -> Path:
    write(tmp_path, "interim.yaml", "report_date: 2026-11-20\n")
    write(
        tmp_path,
        "q/a.md",
        GAD7.format(day="2026-11-02", items="[2,2,2,2,0,0,0]", extra="total: 10\n"),
    )
    write(tmp_path, "q/b.md", GAD7.format(day="2026-11-16", items="[1,1,1,1,0,0,0]", extra=""))
    return tmp_path


def _report(run: Run, root: Path, fmt: str) -> str:
    result = run(["report", str(root), "--format", fmt, "-o", "-", "--since", "30d"])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_json_html_md_and_summary_show_the_items_sum_and_the_problem(
    folder: Path, run_cli: Run
) -> None:
    data = json.loads(_report(run_cli, folder, "json"))
    q = next(s for s in data["sections"] if s["id"] == "questionnaires")["data"]
    first = q["instruments"][0]["administrations"][0]
    assert (first["total"], first["problem"]) == (8, PROBLEM)
    # The change rests on that form, and says so.
    assert (
        "the first form" in q["instruments"][0]["reliable_text"]
        and PROBLEM in q["instruments"][0]["reliable_text"]
    )
    html = _report(run_cli, folder, "html")
    md = _report(run_cli, folder, "md")
    for text in (html, md):
        assert PROBLEM in text
    assert "| Mon 2 Nov 2026 | 8 | mild | complete · " + PROBLEM in md.replace("\\", "")
    summary = run_cli(["summary", str(folder), "--since", "30d"]).stdout
    assert "GAD-7" in summary and "4" in summary


def test_csv_gives_the_same_total_as_the_other_formats(folder: Path, run_cli: Run) -> None:
    rows = list(csv.DictReader(io.StringIO(_report(run_cli, folder, "csv"))))
    a = {r["field"]: r["value"] for r in rows if r["path"] == "q/a.md"}
    assert (a["total"], a["stated_total"], a["problem"], a["band"]) == ("8", "10", PROBLEM, "mild")
    b = {r["field"]: r["value"] for r in rows if r["path"] == "q/b.md"}
    assert b["total"] == "4" and "stated_total" not in b


def test_pdf_shows_the_items_sum_and_the_problem(
    folder: Path, run_cli: Run, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    out = tmp_path / "r.pdf"
    result = run_cli(["report", str(folder), "-o", str(out), "--since", "30d"])
    assert result.exit_code == 0, result.output
    text = " ".join(p.extract_text() for p in PdfReader(out).pages)
    assert PROBLEM in " ".join(text.split())


def test_a_fraction_is_not_scored_not_unanswered(
    tmp_path: Path, write: Write, run_cli: Run
) -> None:
    write(tmp_path, "interim.yaml", "report_date: 2026-11-20\n")
    write(tmp_path, "q.md", GAD7.format(day="2026-11-16", items="[1,1,1.5,1,0,0,0]", extra=""))
    data = json.loads(_report(run_cli, tmp_path, "json"))
    q = next(s for s in data["sections"] if s["id"] == "questionnaires")["data"]
    (a,) = q["instruments"][0]["administrations"]
    assert a["status"] == "not scored" and a["missing"] == []
    assert a["problem"] == "answers are whole numbers 0–3 (item 3 is 1.5)"
    check = run_cli(["check", str(tmp_path)]).stdout
    assert "not answered" not in check and "whole number" in check


# -- no crash -------------------------------------------------------------------------------


@pytest.mark.parametrize("since", ["1000-01-01", "0001-01-01", "999999999d"])
def test_a_period_back_to_the_calendars_start_resolves(since: str) -> None:
    """`--since 1000-01-01` ended in OverflowError: the previous period of equal length would
    start before year 1. It is cut at the calendar's first day. (A report over such a span
    is issue 12's: its cost must follow what the span holds, not its length.)"""
    import datetime as dt

    from interim.summary import resolve_period

    period = resolve_period([], until=dt.date(2026, 11, 20), since=since)
    assert period.start == (dt.date(1000, 1, 1) if since == "1000-01-01" else dt.date.min)
    assert period.previous.start == dt.date.min and period.previous.end <= period.start


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (
            ["report", "{f}", "-o", "{f}/interim.yaml/r.html"],
            "a file stands where a folder is needed",
        ),
        (["report", "{f}", "-o", "/proc/r.html"], "cannot write /proc/r.html"),
        (["remind", "{f}", "-o", "/proc/r.ics"], "cannot write /proc/r.ics"),
        (["schema", "--out", "{f}/interim.yaml/x"], "cannot write"),
        (["init", "{f}/interim.yaml/sub", "--no-input"], "cannot write"),
    ],
)
def test_a_place_that_cannot_be_written_is_said_in_words(
    tmp_path: Path, write: Write, run_cli: Run, args: list[str], words: str
) -> None:
    write(tmp_path, "interim.yaml", "report_date: 2026-11-20\n")
    result = run_cli([a.format(f=tmp_path) for a in args])
    assert result.exit_code == 2
    assert words in result.stderr and "internal error" not in result.stderr
    assert "Traceback" not in result.output


def test_new_in_a_folder_that_cannot_be_written(
    tmp_path: Path, write: Write, run_cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "interim.yaml", "report_date: 2026-11-20\n")
    write(tmp_path, "records", "a file where the records folder should be")
    result = run_cli(["new", "mood", "--folder", str(tmp_path), "--no-input"])
    assert result.exit_code == 2 and "cannot write" in result.stderr
