"""interim.render.charts: inline SVG that is deterministic, well-formed, escaped and honest about
gaps."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest

from interim.measures import builtin_measures
from interim.render import charts

PHQ9, GAD7 = builtin_measures()["phq9"], builtin_measures()["gad7"]

NS = "{http://www.w3.org/2000/svg}"
DAYS = [dt.date(2026, 11, 4) + dt.timedelta(days=i) for i in range(14)]
HOSTILE = '<script>alert("x")</script> & "quotes" \x07bell'


def every_chart(label: str = "Mood") -> list[charts.Chart]:
    bands = [(b.low, b.high, b.label) for b in PHQ9.bands]
    return [
        charts.line_chart(
            DAYS,
            [(label, [3, 4, None, 5] + [None] * 10), ("Anxiety", [7] * 14)],
            y_min=0,
            y_max=10,
            ident="mood",
            title="Mood and anxiety",
        ),
        charts.sleep_chart(list(zip(DAYS, [80.0, None] * 7, strict=True)), ident="sleep"),
        charts.score_chart(
            [(DAYS[0], 14), (DAYS[5], None), (DAYS[10], 9)],
            name=label,
            bands=bands,
            max_total=27,
            cutoff=10,
            ident="phq9",
        ),
        charts.calendar_strip(DAYS, [(label, [1, 0, 2] + [0] * 11)], ident="cal"),
        charts.goal_chart([(label, [(DAYS[0], 2), (DAYS[9], 5)])], ident="goals"),
        charts.pacing_strip(DAYS, [0] * 12 + [3, 1], ident="hw-1", label=label),
    ]


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def test_every_chart_is_well_formed_and_labelled() -> None:
    for chart in every_chart():
        root = parse(chart.svg)
        assert root.tag == NS + "svg"
        assert root.get("role") == "img"
        title_id, desc_id = root.get("aria-labelledby", "").split()
        assert root.find(f"{NS}title").get("id") == title_id
        assert root.find(f"{NS}desc").get("id") == desc_id
        assert root.find(f"{NS}desc").text == chart.alt
        assert root.get("viewBox", "").startswith("0 0 ")
        assert chart.alt


def test_charts_are_deterministic() -> None:
    assert every_chart() == every_chart()


def test_numbers_have_fixed_formatting() -> None:
    for chart in every_chart():
        for number in re.findall(r' (?:x|y|cx|cy|width|height)="([^"]+)"', chart.svg):
            assert re.fullmatch(r"-?\d+\.\d", number), number


def test_user_text_is_escaped_everywhere() -> None:
    drawn = every_chart(HOSTILE)
    for chart in drawn:
        assert "<script>" not in chart.svg
        root = parse(chart.svg)  # a bell character would make the XML ill-formed
        assert not root.findall(f".//{NS}script")
        text = "".join(root.itertext())
        assert "\x07" not in text
    labelled = [c for c in drawn if "&lt;script&gt;" in c.svg]
    assert len(labelled) == len(drawn) - 1  # all but the sleep chart show the label


def test_ids_come_from_the_prefix_and_are_safe() -> None:
    chart = charts.pacing_strip(DAYS[:2], [1, 0], ident='9 "bad" id', label="x")
    root = parse(chart.svg)
    title_id = root.find(f"{NS}title").get("id")
    assert re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", title_id)


def paths(svg: str) -> list[str]:
    return [p.get("d", "") for p in parse(svg).iter(f"{NS}path") if p.get("fill") == "none"]


def test_gaps_break_lines_and_isolated_points_are_dots() -> None:
    values = [1, 2, None, 4, None, None, 5, 6, 7] + [None] * 5
    chart = charts.line_chart(DAYS, [("Mood", values)], y_min=0, y_max=10, ident="m", title="Mood")
    legend_sample = "M40.0 14.0 L64.0 14.0"
    lines = [d for d in paths(chart.svg) if d != legend_sample]
    # runs [1, 2] and [5, 6, 7] are lines of 2 and 3 points; the lone 4 is a marker only
    assert [d.count("L") + 1 for d in lines] == [2, 3]
    markers = parse(chart.svg).findall(f"{NS}circle")
    assert len(markers) == 6 + 1  # six values and the legend's marker


def test_a_gap_is_never_drawn_as_zero() -> None:
    chart = charts.line_chart(
        DAYS[:3], [("Mood", [5, None, 5])], y_min=0, y_max=10, ident="m", title="Mood"
    )
    y_zero = "184.0"
    circles = parse(chart.svg).findall(f"{NS}circle")
    assert all(c.get("cy") != y_zero for c in circles)
    assert "entries on 2 of 3 days" in chart.alt


def test_sleep_target_line_is_labelled() -> None:
    chart = charts.sleep_chart([(DAYS[0], 91.2), (DAYS[1], None)], target=85, ident="s")
    assert "target 85%" in chart.svg
    assert "No efficiency for: 5 Nov" in chart.alt


def test_score_chart_has_bands_and_cutoff() -> None:
    bands = [(b.low, b.high, b.label) for b in GAD7.bands]
    chart = charts.score_chart(
        [(DAYS[0], 12), (DAYS[7], 6)], name="GAD-7", bands=bands, max_total=21, cutoff=8, ident="g"
    )
    texts = [t.text for t in parse(chart.svg).iter(f"{NS}text")]
    for band in GAD7.bands:
        assert band.label in texts
    assert "cut-off 8" in texts
    assert "4 Nov 12, 11 Nov 6" in chart.alt


def test_calendar_cells_show_entries_and_gaps() -> None:
    chart = charts.calendar_strip(DAYS[:3], [("mood", [1, 0, 2])], ident="c")
    rects = [
        r for r in parse(chart.svg).iter(f"{NS}rect") if r.get("fill") in ("#0072B2", "#ffffff")
    ]
    assert [r.get("fill") for r in rects] == ["#0072B2", "#ffffff", "#0072B2"]
    assert "mood on 2 of 3 days" in chart.alt
    assert "Days with no entry: 5 Nov" in chart.alt
    labels = [t.text for t in parse(chart.svg).iter(f"{NS}text")]
    assert "W" in labels and "4" in labels  # weekday and date labels


def test_series_differ_by_more_than_colour() -> None:
    chart = charts.goal_chart(
        [("A", [(DAYS[0], 1), (DAYS[1], 2)]), ("B", [(DAYS[0], 3), (DAYS[1], 4)])], ident="g"
    )
    root = parse(chart.svg)
    dashes = {p.get("stroke-dasharray") for p in root.iter(f"{NS}path")}
    assert len(dashes) >= 2  # one solid, one dashed
    assert root.findall(f"{NS}circle") and root.findall(f"{NS}polygon")  # circles and squares


def test_pacing_strip_text_alternative() -> None:
    chart = charts.pacing_strip(DAYS, [0] * 12 + [3, 1], ident="p", label="Thought records")
    assert chart.alt == "Thought records: practised on 2 of 14 days: 16 Nov (3), 17 Nov (1)."


def test_mismatched_lengths_are_a_caller_bug() -> None:
    with pytest.raises(ValueError):
        charts.pacing_strip(DAYS, [1], ident="p", label="x")


def test_pacing_strip_leaves_days_the_homework_did_not_run_blank() -> None:
    ran = [False] * 11 + [True] * 3
    chart = charts.pacing_strip(DAYS, [0] * 12 + [3, 1], ident="p", label="Sleep", active=ran)
    assert (
        chart.alt
        == "Sleep: practised on 2 of 3 days it ran (15 Nov – 17 Nov): 16 Nov (3), 17 Nov (1)."
    )
    everything = charts.pacing_strip(DAYS, [0] * 12 + [3, 1], ident="p", label="Sleep")
    ticks = len(parse(everything.svg).findall(f"{NS}rect"))
    assert len(parse(chart.svg).findall(f"{NS}rect")) == ticks - 11  # no tick on 11 days
    with pytest.raises(ValueError):
        charts.pacing_strip(DAYS, [0] * 14, ident="p", label="x", active=[True])
