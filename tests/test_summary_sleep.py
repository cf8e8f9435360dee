"""Sleep diary arithmetic, by hand: TIB = out_of_bed − bedtime; TST = (final_wake −
lights_out) − minutes_to_sleep − minutes_awake; SE = TST / TIB × 100 (Carney et al. 2012).
The period is 12–18 Nov (7 nights)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from test_summary_support import T, period, rec, scope, settings

from interim.domain.model import Record
from interim.summary.sleep import SleepSummary, summarise_sleep

P = period("2026-11-12", "2026-11-18")


def diary(
    date: str,
    bed: str | None,
    lights: str | None,
    wake: str | None,
    up: str | None,
    to_sleep: int | None,
    awake: int | None,
    **kw: Any,
) -> Record:
    times = {"bedtime": bed, "lights_out": lights, "final_wake": wake, "out_of_bed": up}
    fields: dict[str, Any] = {k: T(v) for k, v in times.items() if v is not None}
    if to_sleep is not None:
        fields["minutes_to_sleep"] = to_sleep
    if awake is not None:
        fields["minutes_awake"] = awake
    return rec("sleep", date, **fields, **kw)


ACROSS_MIDNIGHT = ("23:30", "23:45", "06:30", "06:50", 20, 30)
AFTER_MIDNIGHT = ("00:30", "00:40", "07:00", "07:15", 10, 0)


def sleep(records: list[Record], **sets: Any) -> SleepSummary:
    found = summarise_sleep(scope(records, P, sets=settings(**sets)))
    assert found is not None
    return found


def test_a_night_across_midnight() -> None:
    night = sleep([diary("2026-11-13", *ACROSS_MIDNIGHT)]).nights[0]
    # TIB 23:30 → 06:50 = 440; TST (23:45 → 06:30 = 405) − 20 − 30 = 355; SE 80.68 → 80.7
    assert (night.tib, night.tst, night.se, night.status) == (440, 355, 80.7, "complete")


def test_a_bedtime_after_midnight() -> None:
    night = sleep([diary("2026-11-13", *AFTER_MIDNIGHT)]).nights[0]
    # TIB 00:30 → 07:15 = 405; TST (00:40 → 07:00 = 380) − 10 − 0 = 370; SE 91.36 → 91.4
    assert (night.tib, night.tst, night.se) == (405, 370, 91.4)


def test_efficiency_rounds_half_up() -> None:
    # TIB 400, TST 321: SE is exactly 80.25 → 80.3 (round() would give 80.2); 341: 85.25 → 85.3.
    night = sleep([diary("2026-11-13", "23:00", "23:00", "05:40", "05:40", 59, 0)]).nights[0]
    assert (night.tib, night.tst, night.se) == (400, 341, 85.3)
    tie = sleep([diary("2026-11-13", "23:00", "23:00", "05:40", "05:40", 79, 0)]).nights[0]
    assert (tie.tib, tie.tst, tie.se) == (400, 321, 80.3)


def test_a_partial_night_is_shown_not_averaged() -> None:
    s = sleep(
        [
            diary("2026-11-13", *ACROSS_MIDNIGHT),
            diary("2026-11-14", "23:00", "23:10", None, "07:00", 15, None),
        ]
    )
    partial = s.nights[1]
    assert partial.status == "partial" and partial.counted is False
    assert partial.tib == 480 and partial.se is None
    assert partial.missing == ["minutes_awake", "final_wake"]
    assert [asdict(n) for n in s.partial] == [
        {"date": partial.date, "path": partial.path, "missing": partial.missing}
    ]
    assert (s.complete, s.expected, s.n_text) == (1, 7, "1 of 7 nights")
    assert (s.se.mean, s.se.n) == (80.7, 1)


def test_means_over_complete_nights() -> None:
    s = sleep([diary("2026-11-13", *ACROSS_MIDNIGHT), diary("2026-11-14", *AFTER_MIDNIGHT)])
    assert (s.tib.mean, s.tst.mean) == (422.5, 362.5)  # (440 + 405) / 2, (355 + 370) / 2
    assert s.se.mean == 86.1  # (80.7 + 91.4) / 2 = 86.05, half up
    assert s.n_text == "2 of 7 nights"
    assert s.tst_text == "6 h 3 min"  # 362.5 → 363 minutes
    assert [d.value for d in s.daily_se] == [None, 80.7, 91.4, None, None, None, None]


def test_a_too_long_night_is_a_likely_typo() -> None:
    # 08:00 written for 20:00 (an am/pm slip): 23 h in bed.
    s = sleep([diary("2026-11-13", "08:00", "08:10", "06:30", "07:00", 10, 0)])
    night = s.nights[0]
    assert (night.status, night.tib, night.se, night.counted) == ("likely typo", None, None, False)
    assert [asdict(n) for n in s.likely_typos] == [{"date": night.date, "path": night.path}]


def test_two_diaries_for_one_night_count_once() -> None:
    s = sleep([diary("2026-11-13", *ACROSS_MIDNIGHT), diary("2026-11-13", *AFTER_MIDNIGHT)])
    assert len(s.nights) == 2 and s.complete == 1


def test_change_against_the_previous_period() -> None:
    before = diary("2026-11-08", "23:00", "23:00", "05:40", "05:40", 79, 0)  # SE 80.3
    s = sleep([before, diary("2026-11-13", *AFTER_MIDNIGHT)])
    assert (s.previous_se.mean, s.previous_se.n) == (80.3, 1)
    assert (s.se_change, s.se_direction) == (11.1, "better")


def test_no_window_unless_turned_on() -> None:
    assert sleep([diary("2026-11-13", *ACROSS_MIDNIGHT)]).window is None


def nights(se_high: bool, tst: int, n: int = 5) -> list[Record]:
    """n complete nights of `tst` minutes asleep, in bed tst + 30 (SE ≈ 92) or tst + 90."""
    extra = 30 if se_high else 90
    out = []
    for i in range(n):
        up = 7 * 60
        bed = (up - tst - extra) % (24 * 60)
        bedtime = f"{bed // 60:02d}:{bed % 60:02d}"
        out.append(diary(f"2026-11-{12 + i}", bedtime, bedtime, "07:00", "07:00", extra, 0))
    return out


def test_window_widens_when_efficiency_is_high() -> None:
    w = sleep(nights(True, 360), sleep__window=True).window
    assert w is not None and w.kind == "suggestion"
    assert (w.base_minutes, w.adjustment_minutes, w.minutes, w.text) == (360, 15, 375, "6 h 15 min")
    assert "bipolar" in w.note and "epilepsy" in w.note and "not a prescription" in w.note
    assert "90%" in w.rule and "85%" in w.rule


def test_window_narrows_when_efficiency_is_low_but_not_below_the_minimum() -> None:
    w = sleep(nights(False, 360), sleep__window=True).window  # SE 80
    assert w is not None and (w.minutes, w.adjustment_minutes) == (345, -15)
    floor = sleep(nights(False, 290), sleep__window=True).window  # TST 4 h 50
    assert floor is not None and (floor.base_minutes, floor.minutes) == (300, 300)
    higher = sleep(nights(False, 360), sleep__window=True, sleep__window_min_hours=6).window
    assert higher is not None and higher.minutes == 360


def test_window_never_below_five_hours_whatever_the_settings() -> None:
    w = sleep(nights(False, 200), sleep__window=True, sleep__window_min_hours=3).window
    assert w is not None and w.minutes == 300


def test_window_needs_five_complete_nights() -> None:
    w = sleep(nights(True, 360, n=4), sleep__window=True).window
    assert w is not None and w.minutes is None and "5" in w.reason


def test_no_diaries_no_section() -> None:
    assert summarise_sleep(scope([], P)) is None
