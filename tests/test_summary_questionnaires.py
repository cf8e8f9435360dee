"""Questionnaires: bands at every boundary (Kroenke 2001; Spitzer 2006), reliable change at
exactly the threshold and one below (PHQ-9 6, GAD-7 4), caseness, incomplete forms."""

from __future__ import annotations

import json
from dataclasses import asdict

import pytest
from test_summary_support import gad7, items_for, period, phq9, rec, scope

from interim.domain.model import Record
from interim.summary.questionnaires import (
    InstrumentSummary,
    QuestionnaireSummary,
    summarise_questionnaires,
)

P = period("2026-11-12", "2026-11-18", last_session="2026-11-11")


def summary(records: list[Record]) -> QuestionnaireSummary:
    found = summarise_questionnaires(scope(records, P))
    assert found is not None
    return found


def inst(records: list[Record], key: str) -> InstrumentSummary:
    return next(i for i in summary(records).instruments if i.key == key)


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "minimal"),
        (4, "minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate"),
        (14, "moderate"),
        (15, "moderately severe"),
        (19, "moderately severe"),
        (20, "severe"),
        (24, "severe"),
    ],
)
def test_phq9_bands_at_every_boundary(total: int, band: str) -> None:
    latest = inst([phq9("2026-11-15", items_for(total, 9))], "phq9").latest
    assert latest is not None and (latest.total, latest.band) == (total, band)


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "minimal"),
        (4, "minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate"),
        (14, "moderate"),
        (15, "severe"),
        (21, "severe"),
    ],
)
def test_gad7_bands_at_every_boundary(total: int, band: str) -> None:
    latest = inst([gad7("2026-11-15", items_for(total, 7))], "gad7").latest
    assert latest is not None and (latest.total, latest.band) == (total, band)


def two(key: str, first: int, latest: int) -> list[Record]:
    make, n = (phq9, 9) if key == "phq9" else (gad7, 7)
    return [make("2026-10-01", items_for(first, n)), make("2026-11-15", items_for(latest, n))]


@pytest.mark.parametrize(
    ("key", "first", "latest", "verdict"),
    [
        ("phq9", 16, 10, "reliable improvement"),  # drop of exactly 6
        ("phq9", 16, 11, "no reliable change"),  # drop of 5
        ("phq9", 10, 16, "reliable deterioration"),  # rise of exactly 6
        ("phq9", 10, 15, "no reliable change"),  # rise of 5
        ("gad7", 12, 8, "reliable improvement"),  # drop of exactly 4
        ("gad7", 12, 9, "no reliable change"),  # drop of 3
        ("gad7", 8, 12, "reliable deterioration"),  # rise of exactly 4
        ("gad7", 8, 11, "no reliable change"),  # rise of 3
    ],
)
def test_reliable_change_at_the_threshold(key: str, first: int, latest: int, verdict: str) -> None:
    found = summary(two(key, first, latest))
    i = found.instruments[0]
    assert (i.change, i.reliable) == (latest - first, verdict)
    assert found.reliable_improvement is (verdict == "reliable improvement")
    assert found.reliable_deterioration is (verdict == "reliable deterioration")


def test_improvement_does_not_count_when_the_other_measure_deteriorated() -> None:
    found = summary(two("phq9", 16, 10) + two("gad7", 6, 10))
    phq, gad = found.instruments
    assert phq.reliable == "improvement, other measure deteriorated"
    assert "GAD-7" in (phq.reliable_text or "")
    assert gad.reliable == "reliable deterioration"
    assert (found.reliable_improvement, found.reliable_deterioration) == (False, True)


def test_improvement_on_both_is_reliable_improvement() -> None:
    found = summary(two("phq9", 16, 10) + two("gad7", 12, 11))
    assert found.instruments[0].reliable == "reliable improvement"
    assert found.reliable_improvement is True


def test_one_score_has_no_change() -> None:
    i = inst([phq9("2026-11-15", items_for(12, 9))], "phq9")
    assert (i.change, i.reliable) == (None, None)
    assert i.first is i.latest


@pytest.mark.parametrize(("total", "above"), [(9, False), (10, True)])
def test_phq9_caseness(total: int, above: bool) -> None:
    i = inst([phq9("2026-11-15", items_for(total, 9))], "phq9")
    assert i.above_cutoff is above
    word = "at or above" if above else "below"
    assert i.caseness_text == f"{word} the cut-off (10) at the latest score"
    assert i.cutoff_note is None


@pytest.mark.parametrize(
    ("total", "above", "note"),
    [(7, False, False), (8, True, True), (9, True, True), (10, True, False)],
)
def test_gad7_caseness_and_the_mild_note(total: int, above: bool, note: bool) -> None:
    i = inst([gad7("2026-11-15", items_for(total, 7))], "gad7")
    assert i.above_cutoff is above
    assert (i.cutoff_note is not None) is note
    if note:
        assert "mild" in (i.cutoff_note or "") and "cut-off of 8" in (i.cutoff_note or "")
    assert "8–9" in i.cutoff_text and "mild" in i.cutoff_text


def test_wording_is_descriptive_never_recovered() -> None:
    found = summary(two("phq9", 20, 3) + two("gad7", 15, 2))
    assert "recover" not in json.dumps(found.to_data()).lower()


def test_incomplete_form_has_no_total_and_lists_missing_items() -> None:
    items = [1, 1, None, 2, 1, 1, None, 0, 0]
    i = inst([phq9("2026-10-01", items_for(10, 9)), phq9("2026-11-15", items)], "phq9")
    form = i.administrations[-1]
    assert (form.status, form.total, form.band, form.missing) == ("incomplete", None, None, [3, 7])
    assert i.latest is i.administrations[0]  # the incomplete form is not scored
    assert i.change is None


def test_wrong_total_and_out_of_range_and_wrong_count() -> None:
    wrong_total = phq9("2026-11-13", items_for(11, 9), fields={"total": 12}, has_errors=True)
    out_of_range = phq9("2026-11-14", [5, 0, 0, 0, 0, 0, 0, 0, 0], has_errors=True)
    short = phq9("2026-11-15", [1, 1, 1, 1, 1, 1, 1, 1], has_errors=True)
    no_items = phq9("2026-11-16", None, has_errors=True)
    forms = inst([wrong_total, out_of_range, short, no_items], "phq9").administrations
    assert (forms[0].total, forms[0].has_errors) == (11, True)
    assert "stated total (12)" in (forms[0].problem or "")
    assert [f.status for f in forms[1:]] == ["not scored"] * 3
    assert all(f.total is None and f.band is None for f in forms[1:])


def test_whole_treatment_up_to_the_report_date_and_flags_the_period() -> None:
    records = [
        phq9("2026-09-01", items_for(18, 9)),
        phq9("2026-11-13", items_for(12, 9)),
        phq9("2026-11-19", items_for(3, 9)),  # after the report date
        phq9("2026-11-14", items_for(2, 9), private=True),
    ]
    i = inst(records, "phq9")
    assert [a.total for a in i.administrations] == [18, 12]
    assert [a.in_period for a in i.administrations] == [False, True]
    assert i.change == -6 and i.series[0].total == 18


def test_sources_and_thresholds_are_carried() -> None:
    i = inst([phq9("2026-11-15", items_for(3, 9))], "phq9")
    assert "Kroenke" in i.source and (i.cutoff, i.reliable_change, i.max_total) == (10, 6, 27)
    assert asdict(i.bands[0]) == {"low": 0, "high": 4, "label": "minimal"}


def test_no_questionnaires_no_section() -> None:
    assert summarise_questionnaires(scope([rec("mood", "2026-11-13", mood=3)], P)) is None


def test_caseness_names_the_scored_form_when_later_forms_have_no_score() -> None:
    from interim.summary.glance import questionnaire_numbers

    incomplete = items_for(6, 9)
    incomplete[3] = None
    records = [
        phq9("2026-10-27", items_for(12, 9)),
        phq9("2026-11-10", incomplete),
        phq9("2026-11-17", [1, 1]),  # wrong number of items: not scored
        gad7("2026-11-03", items_for(8, 7)),
        gad7("2026-11-17", [None, *items_for(5, 6)]),
    ]
    found = summary(records)
    phq, gad = found.instruments
    assert phq.latest is not None and phq.latest.total == 12
    assert (
        phq.caseness_text == "at or above the cut-off (10) at the latest scored form (Tue 27 Oct)"
    )
    assert gad.caseness_text == "at or above the cut-off (8) at the latest scored form (Tue 3 Nov)"
    assert gad.cutoff_note == (
        "The GAD-7 of 8 at the latest scored form (Tue 3 Nov) is in the “mild” band and at or "
        "above the cut-off of 8."
    )
    keys = {k.id: k for k in questionnaire_numbers(found)}
    assert keys["questionnaire.phq9"].cutoff_text == (
        "at or above the cut-off (10) at the latest scored form (Tue 27 Oct)"
    )


def test_caseness_wording_is_unchanged_when_the_latest_form_is_scored() -> None:
    from interim.summary.glance import questionnaire_numbers

    incomplete = items_for(6, 9)
    incomplete[3] = None
    found = summary([phq9("2026-11-10", incomplete), phq9("2026-11-17", items_for(9, 9))])
    assert found.instruments[0].caseness_text == "below the cut-off (10) at the latest score"
    assert questionnaire_numbers(found)[0].cutoff_text == "below the cut-off (10)"
