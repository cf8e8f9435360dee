"""Mood series: one value per day by the field's reducer, gaps stay None (never zeros), the
mean is over days with a value, change against the previous period in words."""

from __future__ import annotations

from dataclasses import asdict
from fractions import Fraction

import pytest
from test_summary_support import D, period, rec, scope

from interim.domain.model import Record
from interim.summary.mood import MoodSummary, reduce_day, series, summarise_mood
from interim.types.language import FieldSpec

P = period("2026-11-12", "2026-11-14", "2026-11-09", "2026-11-11")


def mood(records: list[Record]) -> MoodSummary:
    found = summarise_mood(scope(records, P))
    assert found is not None
    return found


def test_gaps_stay_gaps() -> None:
    s = mood([rec("mood", "2026-11-12", mood=4), rec("mood", "2026-11-14", mood=6)]).series[0]
    assert [d.value for d in s.daily] == [4.0, None, 6.0]
    assert [d.entries for d in s.daily] == [1, 0, 1]
    assert s.missing_days == [D("2026-11-13")]
    assert (s.mean, s.n, s.days, s.lowest, s.highest) == (5.0, 2, 3, 4.0, 6.0)


def test_an_empty_field_is_not_a_zero() -> None:
    s = mood([rec("mood", "2026-11-12", mood=None, anxiety=3), rec("mood", "2026-11-13", mood=8)])
    mood_series, anxiety = s.series
    assert [d.value for d in mood_series.daily] == [None, 8.0, None]
    assert [d.value for d in anxiety.daily] == [3.0, None, None]


def test_the_mean_is_over_days_not_entries() -> None:
    records = [
        rec("mood", "2026-11-12", time="08:00", mood=2),
        rec("mood", "2026-11-12", time="20:00", mood=4),
        rec("mood", "2026-11-13", mood=9),
    ]
    s = mood(records).series[0]
    assert [d.value for d in s.daily] == [3.0, 9.0, None]
    assert (s.mean, s.n) == (6.0, 2)  # (3 + 9) / 2, not (2 + 4 + 9) / 3


@pytest.mark.parametrize(
    ("how", "want"), [("mean", Fraction(13, 3)), ("max", 7), ("min", 2), ("last", 4), ("sum", 13)]
)
def test_reducers(how: str, want: object) -> None:
    assert reduce_day([2, 7, 4], how) == want


def test_last_is_the_latest_time_of_day() -> None:
    spec = FieldSpec("mood", "scale", "Mood", min=0, max=10, better="higher", reduce="last")
    records = [
        rec("mood", "2026-11-12", time="21:00", mood=3),
        rec("mood", "2026-11-12", time="08:00", mood=7),
    ]
    s = scope(records, P)  # sorts by date, then time
    assert series(spec, s.in_period("mood"), [], P).daily[0].value == 3.0


def test_change_in_words_by_better() -> None:
    records = [
        rec("mood", "2026-11-10", mood=4, anxiety=5),  # previous period
        rec("mood", "2026-11-13", mood=5, anxiety=6),
    ]
    mood_series, anxiety = mood(records).series
    assert (mood_series.previous_mean, mood_series.change, mood_series.direction) == (
        4.0,
        1.0,
        "better",
    )
    assert (anxiety.change, anxiety.direction) == (1.0, "worse")  # anxiety: lower is better


def test_no_change_and_no_previous() -> None:
    same = mood([rec("mood", "2026-11-10", mood=5), rec("mood", "2026-11-13", mood=5)]).series[0]
    assert (same.change, same.direction) == (0.0, "no change")
    alone = mood([rec("mood", "2026-11-13", mood=5)]).series[0]
    assert (alone.previous_mean, alone.previous_n, alone.change, alone.direction) == (
        None,
        0,
        None,
        None,
    )


def test_change_is_between_the_shown_means() -> None:
    records = [
        rec("mood", "2026-11-09", mood=5),
        rec("mood", "2026-11-10", mood=5),
        rec("mood", "2026-11-11", mood=6),  # previous mean 5.333 → 5.3
        rec("mood", "2026-11-12", mood=6),
        rec("mood", "2026-11-13", mood=6),
        rec("mood", "2026-11-14", mood=7),  # mean 6.333 → 6.3
    ]
    s = mood(records).series[0]
    assert (s.previous_mean, s.mean, s.change) == (5.3, 6.3, 1.0)


def test_entries_and_private_records() -> None:
    records = [
        rec("mood", "2026-11-12", mood=4, emotions=["sad", "Tired"], situation="work", body="text"),
        rec("mood", "2026-11-13", mood=9, emotions=["tired"], private=True),
    ]
    m = mood(records)
    assert m.entries_n == 1 and m.series[0].mean == 4.0
    assert [asdict(e) for e in m.emotions] == [
        {"name": "sad", "count": 1},
        {"name": "tired", "count": 1},
    ]
    assert (m.entries[0].situation, m.entries[0].body) == ("work", "text")


def test_no_entries_no_section() -> None:
    assert summarise_mood(scope([rec("mood", "2026-11-10", mood=4)], P)) is None
