"""What the report says, the same way in every format: a percentage's change in points, a
questionnaire's cut-off beside its band, the whole review (quality, difficulty,
helpfulness), stuck homework standing out, a value of one entry shown as it was written,
the private-entry line, and the summary's words when there is nothing to compare."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from pypdf import PdfReader
from test_render_support import context_for

from interim.render import render
from interim.render.filters import mean_places

Run = Callable[..., Result]


def _sleep(day: str, bedtime: str, out_of_bed: str) -> str:
    return (
        f'---\ntype: sleep\ndate: {day}\nbedtime: "{bedtime}"\nlights_out: "{bedtime}"\n'
        f'minutes_to_sleep: 20\nminutes_awake: 10\nfinal_wake: "06:30"\nout_of_bed: "{out_of_bed}"\n'
        "quality: 3\n---\n"
    )


FILES = {
    "interim.yaml": "report_date: 2026-11-17\n",
    "sessions/2026-11-04.md": "---\ntype: session\ndate: 2026-11-04\nnumber: 1\nstatus: held\n---\n",
    "sessions/2026-11-11.md": "---\ntype: session\ndate: 2026-11-11\nnumber: 2\nstatus: held\n---\n",
    "sessions/2026-11-18.md": "---\ntype: session\ndate: 2026-11-18\nnumber: 3\nstatus: planned\n---\n",
    # GAD-7 8 is "mild" and yet at the cut-off; PHQ-9 9 is below its cut-off of 10.
    "questionnaires/2026-11-16-gad7.md": "---\ntype: questionnaire\ndate: 2026-11-16\n"
    "instrument: gad7\nitems: [2, 1, 1, 1, 1, 1, 1]\n---\n",
    "questionnaires/2026-11-16-phq9.md": "---\ntype: questionnaire\ndate: 2026-11-16\n"
    "instrument: phq9\nitems: [1, 1, 1, 1, 1, 1, 1, 2, 0]\n---\n",
    "homework/2026-11-11-jo.md": "---\ntype: homework\ndate: 2026-11-11\n"
    "title: Message Jo\nfrequency: once\nstatus: stuck\nconfidence: 4\n---\n",
    "homework/2026-11-11-walk.md": "---\ntype: homework\ndate: 2026-11-11\n"
    "title: Walk after lunch\nfrequency: once\nstatus: dropped\n---\n",
    "records/2026-11-16-review-jo.md": "---\ntype: review\ndate: 2026-11-16\n"
    "homework: 2026-11-11-jo\nquality: 0\ndifficulty: 4\nhelpfulness: 1\n---\n",
    # Mood only in this period: nothing in the previous one to compare with.
    "records/2026-11-13-mood.md": '---\ntype: mood\ndate: 2026-11-13\ntime: "21:00"\n'
    "mood: 6\nanxiety: 4\n---\n",
    # Sleep in both periods: efficiency changes by percentage points.
    "records/2026-11-08-sleep.md": _sleep("2026-11-08", "22:30", "07:30"),
    "records/2026-11-14-sleep.md": _sleep("2026-11-14", "23:30", "06:45"),
    # One exposure practice: its SUDS are whole numbers, and so is a mean of one of them.
    "records/2026-11-12-exposure.md": '---\ntype: exposure\ndate: 2026-11-12\ntime: "13:00"\n'
    "step: Lunch in the canteen\nplanned: false\nminutes: 40\nsuds_before: 45\nsuds_peak: 55\n"
    "suds_after: 20\nexpectancy_before: 50\nexpectancy_after: 20\n"
    'feared_outcome_happened: "no"\n---\n',
    "records/2026-11-15-note.md": "---\ntype: note\ndate: 2026-11-15\nprivate: true\n"
    "title: Not for the report\n---\nPrivate.\n",
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("details")
    for rel, text in FILES.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def outputs(folder: Path) -> dict[str, str]:
    context, loaded = context_for(folder)
    assert not loaded.diagnostics, loaded.diagnostics
    out = {}
    for fmt in ("html", "md", "json"):
        data = render(context, fmt, folder_root=folder)
        out[fmt] = data.decode("utf-8")
    pdf = render(context, "pdf", folder_root=folder)
    out["pdf"] = " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages
    )
    out["pdf-bold"] = " ".join(_bold_text(pdf).split())
    return out


def _bold_text(pdf: bytes) -> str:
    """The text set in a bold font."""
    found: list[str] = []

    def visit(text: str, cm: object, tm: object, font: dict | None, size: object) -> None:
        if font is not None and "Bold" in str(font.get("/BaseFont", "")):
            found.append(text)

    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return " ".join(found)


def test_the_folder_has_what_the_tests_need(outputs: dict[str, str]) -> None:
    data = json.loads(outputs["json"])
    keys = {k["id"]: k for k in data["glance"]["key_numbers"]}
    assert keys["sleep.se"]["change"] is not None and keys["sleep.se"]["unit"] == "%"
    assert keys["mood.mood"]["change"] is None
    assert data["private_count"] == 1


# -- a change in a percentage is in points ---------------------------------------------------


def test_sleep_efficiency_change_is_in_points_in_every_format(outputs: dict[str, str]) -> None:
    change = json.loads(outputs["json"])["glance"]["key_numbers"]
    se = next(k for k in change if k["id"] == "sleep.se")
    shown = f"{se['change']:+.1f}".replace("-", "\u2212")
    for fmt in ("html", "md", "pdf"):
        assert f"{shown} pts" in outputs[fmt], fmt
        assert f"{shown}%" not in outputs[fmt], fmt


# -- the cut-off beside the band -------------------------------------------------------------


def test_key_numbers_carry_the_cut_off(outputs: dict[str, str]) -> None:
    keys = {k["id"]: k for k in json.loads(outputs["json"])["glance"]["key_numbers"]}
    gad7, phq9 = keys["questionnaire.gad7"], keys["questionnaire.phq9"]
    assert (gad7["value"], gad7["band"]) == (8, "mild")
    assert (gad7["cutoff"], gad7["above_cutoff"]) == (8, True)
    assert gad7["cutoff_text"] == "at or above the cut-off (8)"
    assert (phq9["value"], phq9["cutoff"], phq9["above_cutoff"]) == (9, 10, False)
    assert phq9["cutoff_text"] == "below the cut-off (10)"
    assert keys["mood.mood"]["cutoff_text"] is None


@pytest.mark.parametrize("fmt", ["html", "md", "pdf"])
def test_the_cut_off_is_shown_beside_the_band(outputs: dict[str, str], fmt: str) -> None:
    text = outputs[fmt]
    assert "at or above the cut-off (8)" in text
    assert "below the cut-off (10)" in text


def test_the_summary_shows_the_cut_off(run_cli: Run, folder: Path) -> None:
    result = run_cli(["summary", str(folder)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    gad7 = next(i for i, line in enumerate(lines) if line.strip().startswith("GAD-7"))
    assert "8 mild" in lines[gad7]
    assert lines[gad7 + 1].strip() == "at or above the cut-off (8)"
    assert "below the cut-off (10)" in result.stdout


# -- the whole review ------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["html", "md", "pdf"])
def test_the_review_shows_quality_difficulty_and_helpfulness(
    outputs: dict[str, str], fmt: str
) -> None:
    text = re.sub(r"<[^>]+>", " ", outputs[fmt])
    text = " ".join(text.replace(",", " ").split())
    assert "quality 0/4 difficulty 4/4 helpfulness 1/4" in text


# -- stuck homework stands out ---------------------------------------------------------------


@pytest.mark.parametrize("status", ["stuck", "dropped"])
def test_stuck_and_dropped_stand_out_in_html_and_markdown(
    outputs: dict[str, str], status: str
) -> None:
    assert f'<span class="status status-{status}">{status}</span>' in outputs["html"]
    assert re.search(rf"\.status-{status}\b[^{{]*\{{[^}}]*font-weight: 700", outputs["html"])
    assert f"| **{status}** |" in outputs["md"]


@pytest.mark.parametrize("status", ["stuck", "dropped"])
def test_stuck_and_dropped_stand_out_in_the_pdf(outputs: dict[str, str], status: str) -> None:
    assert status in outputs["pdf-bold"].split()  # bold, not colour alone


# -- a day and time on one line --------------------------------------------------------------


def test_dates_in_tables_do_not_wrap(outputs: dict[str, str]) -> None:
    html = outputs["html"]
    assert re.search(r"td\.when[^{]*\{[^}]*white-space: nowrap", html)
    assert '<td class="when">Thu 12 Nov 13:00<span class="sub">unplanned</span></td>' in html


# -- a value of one entry --------------------------------------------------------------------


def test_a_mean_of_one_whole_value_is_shown_whole(outputs: dict[str, str]) -> None:
    html, pdf = outputs["html"], outputs["pdf"]
    assert 'SUDS before 45 <span class="n">(n=1)</span>' in html
    assert 'peak 55 <span class="n">(n=1)</span>' in html
    assert not re.search(r"[0-9]\.0 <span class=\"n\">\(n=1\)", html)
    assert "SUDS before 45 (n=1), peak 55 (n=1), after 20 (n=1)" in pdf


def test_mean_places() -> None:
    assert mean_places({"mean": 45.0, "n": 1}) == 0
    assert mean_places({"mean": 45.5, "n": 1}) == 1  # a number field's one value keeps it
    assert mean_places({"mean": 45.0, "n": 2}, 1) == 1  # a mean of two keeps its decimals
    assert mean_places({"mean": None, "n": 0}, 2) == 2


# -- private entries -------------------------------------------------------------------------


def test_private_line_is_its_own_paragraph_in_markdown(outputs: dict[str, str]) -> None:
    md = outputs["md"]
    assert "\n\n1 private entry left out.\n\n" in md
    period = next(line for line in md.splitlines() if line.startswith("**Period:**"))
    assert "left out" not in period


def test_summary_counts_private_entries_in_good_english(run_cli: Run, folder: Path) -> None:
    result = run_cli(["summary", str(folder)])
    assert "1 private entry left out." in result.stdout
    assert "entries left out" not in result.stdout


# -- nothing to compare ----------------------------------------------------------------------


def test_summary_says_when_there_is_nothing_to_compare(run_cli: Run, folder: Path) -> None:
    result = run_cli(["summary", str(folder)])
    mood = next(line for line in result.stdout.splitlines() if line.strip().startswith("Mood"))
    assert "no previous period to compare with" in mood
    assert "vs previous period" not in mood


# -- the JSON opens with the safety notice ---------------------------------------------------


def test_json_report_opens_with_the_safety_notice(outputs: dict[str, str]) -> None:
    assert outputs["json"].startswith('{\n  "safety": {')
    keys = list(json.loads(outputs["json"]))
    assert keys[0] == "safety" and keys[1:] == sorted(keys[1:])


# -- looking back ----------------------------------------------------------------------------


def test_a_report_looking_back_names_the_session_that_came_next(run_cli: Run) -> None:
    """The example folder on 1 Nov: session 5 (4 Nov) is `held` by now, and it is still the
    session that came next, not session 7."""
    example = Path(__file__).resolve().parent.parent / "example-folder"
    args = ["report", str(example), "--until", "2026-11-01", "--format", "md", "-o", "-"]
    result = run_cli(args)
    assert result.exit_code == 0, result.output
    assert "**Next session:** Wed 4 Nov 17:30 (session 5)" in result.stdout


@pytest.mark.parametrize("fmt", ["html", "pdf"])
def test_key_cards_say_when_there_is_nothing_to_compare(outputs: dict[str, str], fmt: str) -> None:
    text = " ".join(re.sub(r"<[^>]+>", " ", outputs[fmt]).split())
    assert "no previous period to compare with" in text
    assert "— vs previous period" not in text


# -- the per-entry filters give what their macros give ------------------------------------------

_VALUES: list[object] = [
    None,
    "",
    'Late <b>bus</b> & "rain"',
    "{{ 7*7 }}",
    0,
    3,
    True,
    False,
    [],
    ["one", "<two>", 3],
]
_ENTRIES = [
    {"date": "2026-11-17", "time": "21:00"},
    {"date": "2026-11-17", "time": None},
    {"date": None, "time": "07:30"},
    {"date": None, "time": None},
]


@pytest.mark.parametrize(
    ("macro", "filtered", "values"),
    [
        ("m.when(v)", "v|when", _ENTRIES),
        ("m.yesno(v)", "v|yesno", _VALUES),
        ("m.body(v)", "v|body_block", [None, "", "A *small* <win>", "[x](javascript:1)"]),
        ('m.text(v, "Said <so>")', 'v|labelled("Said <so>")', _VALUES),
        ('m.items(v, "Traps")', 'v|labelled_list("Traps")', [None, [], ["a", "<b>"], [1, 2]]),
    ],
)
def test_each_filter_gives_what_its_macro_gives(
    macro: str, filtered: str, values: list[object]
) -> None:
    from interim.render.env import make_env

    env = make_env(None, html=True, cache=False)
    both = env.from_string(
        '{% import "report/macros.html.j2" as m %}{{ ' + macro + " }}|{{ " + filtered + " }}"
    )
    for v in values:
        by_macro, by_filter = both.render(v=v).split("|", 1)
        assert by_macro == by_filter, v
