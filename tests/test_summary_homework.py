"""Homework arithmetic, worked by hand. The period is Thu 12 Nov – Wed 18 Nov 2026 (7 days);
the last session was Wed 11 Nov."""

from __future__ import annotations

import datetime as dt
import sys
from fractions import Fraction

import pytest
from test_summary_support import D, homework, period, rec, scope

from interim.domain.model import Record
from interim.summary.data import half_up, half_up_int
from interim.summary.homework import HomeworkRow, expected, summarise_homework
from interim.summary.pacing import pacing
from interim.summary.period import Period

P = period("2026-11-12", "2026-11-18", last_session="2026-11-11")


def rows(records: list[Record], p: Period = P) -> dict[str, HomeworkRow]:
    return {r.id: r for r in summarise_homework(scope(records, p))}


def days(start: str, end: str) -> list[dt.date]:
    first, last = D(start), D(end)
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


# -- expected -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("frequency", "start", "end", "want"),
    [
        ("daily", "2026-11-12", "2026-11-18", 7),
        ("daily", "2026-11-15", "2026-11-18", 4),
        ("once", "2026-11-12", "2026-11-18", 1),
        ("2/day", "2026-11-15", "2026-11-18", 4),  # days: a day counts with 2 entries
        # weekdays: Thu 12 – Wed 18 holds Sat 14 and Sun 15, so 5 of 7
        ("weekdays", "2026-11-12", "2026-11-18", 5),
        ("weekdays", "2026-11-13", "2026-11-16", 2),  # Fri, Sat, Sun, Mon
        ("weekdays", "2026-11-14", "2026-11-15", 0),  # a weekend
        # N/week: N × days / 7, half up
        ("3/week", "2026-11-12", "2026-11-18", 3),  # 21/7 = 3
        ("3/week", "2026-11-12", "2026-11-17", 3),  # 18/7 = 2.57
        ("2/week", "2026-11-12", "2026-11-17", 2),  # 12/7 = 1.71
        ("5/week", "2026-11-12", "2026-11-17", 4),  # 30/7 = 4.29
        ("1/week", "2026-11-12", "2026-11-14", 0),  # 3/7 = 0.43
        ("1/week", "2026-11-12", "2026-11-15", 1),  # 4/7 = 0.57
        ("7/week", "2026-11-12", "2026-11-13", 2),  # 14/7 = 2
    ],
)
def test_expected(frequency: str, start: str, end: str, want: int) -> None:
    assert expected(frequency, days(start, end)) == want


def test_expected_with_no_active_days_or_no_frequency() -> None:
    assert expected("once", []) == 0
    assert expected("daily", []) == 0
    assert expected(None, days("2026-11-12", "2026-11-13")) is None


def test_half_up_at_exactly_half() -> None:
    # N × days / 7 never ends in exactly .5 (2·N·days would equal 7 × an odd number), so the
    # rule is checked on the rounding itself: Python's round() would give 2, 0 and 0.2.
    assert half_up_int(Fraction(5, 2)) == 3
    assert half_up_int(Fraction(3, 2)) == 2
    assert half_up_int(Fraction(1, 2)) == 1
    assert half_up_int(Fraction(7, 3)) == 2
    assert half_up(0.25, 1) == 0.3
    assert half_up(2.675, 2) == 2.68  # the float 2.675 is 2.67499…: rounded as written
    assert half_up(-0.25, 1) == -0.3  # away from zero


# -- active days clip at assigned, due and the period's ends ---------------------------------


def test_active_from_the_day_after_assigned() -> None:
    row = rows([homework("h", "2026-11-14", "daily", due="2026-11-25")])["h"]
    assert (row.active_days, row.expected) == (4, 4)  # 15, 16, 17, 18


def test_active_until_due() -> None:
    row = rows([homework("h", "2026-11-11", "daily", due="2026-11-15")])["h"]
    assert (row.active_days, row.expected) == (4, 4)  # 12–15


def test_active_clipped_to_the_period_both_ends() -> None:
    row = rows([homework("h", "2026-11-01", "daily", due="2026-12-01")])["h"]
    assert (row.active_days, row.expected) == (7, 7)


def test_no_due_runs_to_the_report_date() -> None:
    row = rows([homework("h", "2026-11-16", "daily")])["h"]
    assert (row.active_days, row.expected) == (2, 2)


def test_assigned_defaults_to_date() -> None:
    hw = homework("h", "2026-11-16", "daily")
    del hw.fields["assigned"]
    assert rows([hw])["h"].active_days == 2


# -- done -----------------------------------------------------------------------------------


def test_done_counts_track_rule_inside_active_days_only() -> None:
    records = [
        homework("h", "2026-11-14", "daily", due="2026-11-17", track={"type": "mood"}),
        rec("mood", "2026-11-14", mood=5),  # the day it was set: not active yet
        rec("mood", "2026-11-15", mood=5),
        rec("mood", "2026-11-15", mood=6),
        rec("mood", "2026-11-17", mood=6),
        rec("mood", "2026-11-18", mood=6),  # after due
        rec("sleep", "2026-11-16"),  # another type
    ]
    row = rows(records)["h"]
    # Daily homework counts days: 15 and 17 Nov of the three active days (15, 16, 17).
    assert (row.expected, row.done, row.days_practised, row.entry_count) == (3, 2, 2, 3)
    assert (row.unit, row.done_text) == ("days", "2 of 3 days")
    assert [e.date for e in row.entries] == [D("2026-11-15"), D("2026-11-15"), D("2026-11-17")]


def test_explicit_link_beats_track_rule() -> None:
    records = [
        homework("diary", "2026-11-11", "daily", track={"type": "mood"}),
        homework("other", "2026-11-11", "once"),
        rec("mood", "2026-11-13", homework="other", mood=5),
        rec("mood", "2026-11-14", mood=5),
    ]
    found = rows(records)
    assert found["diary"].done == 1  # only the unlinked entry (one day)
    assert found["other"].done == 1  # one entry


def test_a_link_to_an_unknown_homework_counts_for_none() -> None:
    records = [
        homework("diary", "2026-11-11", "daily", track={"type": "mood"}),
        rec("mood", "2026-11-13", homework="gone", mood=5),
    ]
    assert rows(records)["diary"].done == 0


def test_a_record_matching_several_rules_counts_for_each() -> None:
    records = [
        homework("any", "2026-11-11", "daily", track={"type": "mood"}),
        homework("evening", "2026-11-11", "daily", track={"type": "mood", "tag": "evening"}),
        rec("mood", "2026-11-13", tags=("Evening",), mood=5),  # tags match case-insensitively
        rec("mood", "2026-11-14", tags=("morning",), mood=5),
    ]
    found = rows(records)
    assert (found["any"].done, found["evening"].done) == (2, 1)


def test_skill_rule_matches_case_and_spacing_insensitively() -> None:
    records = [
        homework("wt", "2026-11-11", "5/week", track={"type": "practice", "skill": "Worry Time"}),
        rec("practice", "2026-11-12", skill="worry  time"),
        rec("practice", "2026-11-13", skill="relaxation"),
    ]
    assert rows(records)["wt"].done == 1


def test_done_can_exceed_expected() -> None:
    records = [
        homework("once", "2026-11-11", "once", track={"type": "experiment"}),
        rec("experiment", "2026-11-13"),
        rec("experiment", "2026-11-16"),
    ]
    row = rows(records)["once"]
    assert (row.done, row.expected, row.done_text) == (2, 1, "2 of 1 entry")
    assert (row.unit, row.entry_count) == ("entries", 2)


def test_not_done_and_private_entries_do_not_count() -> None:
    records = [
        homework("ba", "2026-11-11", "daily", track={"type": "activity"}),
        homework("read", "2026-11-11", "once", track={"type": "reading"}),
        rec("activity", "2026-11-12", activity="swim", done=False),
        rec("activity", "2026-11-13", activity="walk", done=True),
        rec("activity", "2026-11-14", activity="cook"),  # `done` not written: counts
        rec("activity", "2026-11-15", activity="secret", private=True),
        rec("reading", "2026-11-13", title="Sleep", read=None),  # not read yet
        rec("reading", "2026-11-14", title="Worry", read=D("2026-11-14")),
    ]
    found = rows(records)
    assert (found["ba"].done, found["read"].done) == (2, 1)


def test_unreadable_frequency_shows_a_question_mark() -> None:
    row = rows([homework("h", "2026-11-11", None)])["h"]
    assert (row.expected, row.done_text, row.unit) == (None, "0 of ? entries", "entries")


def test_a_daily_diary_kept_twice_a_day_is_not_ahead() -> None:
    """Issue 13: 11 entries over 5 of 6 days read "11 of 6" and 183%; it is 5 of 6 days."""
    p = period("2026-11-12", "2026-11-17", last_session="2026-11-11")
    records = [homework("diary", "2026-11-11", "daily", track={"type": "mood"})]
    for day in ("12", "12", "13", "13", "14", "14", "15", "15", "16", "16", "16"):
        records.append(rec("mood", f"2026-11-{day}", mood=5))
    row = rows(records, p)["diary"]
    assert (row.done_text, row.entry_count, row.days_practised) == ("5 of 6 days", 11, 5)
    assert row.pacing.strip == [1, 1, 1, 1, 1, 0]  # pacing in days: one mark a day done


def test_n_a_day_counts_a_day_when_it_has_n_entries() -> None:
    records = [homework("twice", "2026-11-11", "2/day", track={"type": "mood"})]
    records += [rec("mood", "2026-11-12", mood=5), rec("mood", "2026-11-12", mood=6)]
    records += [rec("mood", "2026-11-13", mood=5)]  # one of two: not done
    records += [rec("mood", "2026-11-14", mood=5) for _ in range(3)]  # more is still one day
    row = rows(records)["twice"]
    assert (row.expected, row.done, row.entry_count, row.days_practised) == (7, 2, 6, 3)
    assert row.done_text == "2 of 7 days"


def test_weekday_homework_counts_monday_to_friday_days() -> None:
    records = [homework("wd", "2026-11-11", "weekdays", track={"type": "mood"})]
    # Thu 12, Fri 13, Sat 14 (not expected, not counted in days), Mon 16
    records += [rec("mood", f"2026-11-{d}", mood=5) for d in ("12", "13", "14", "16")]
    row = rows(records)["wd"]
    assert (row.expected, row.done, row.entry_count) == (5, 3, 4)
    assert row.done_text == "3 of 5 days"


def test_week_and_once_homework_count_entries() -> None:
    records = [homework("w", "2026-11-11", "3/week", track={"type": "practice"})]
    records += [rec("practice", "2026-11-12"), rec("practice", "2026-11-12")]
    row = rows(records)["w"]
    assert (row.unit, row.done, row.days_practised, row.done_text) == (
        "entries",
        2,
        1,
        "2 of 3 entries",
    )


# -- which homework appear ------------------------------------------------------------------


def test_which_homework_appear() -> None:
    records = [
        homework("over", "2026-11-01", "daily", due="2026-11-11"),  # ended before the period
        homework("later", "2026-11-20", "daily"),  # set after the report date
        homework("running", "2026-11-01", "daily", due="2026-11-12"),
        homework("set-last-time", "2026-11-11", "once", due="2026-11-11"),  # no active days
    ]
    found = rows(records)
    assert sorted(found) == ["running", "set-last-time"]
    assert found["set-last-time"].expected == 0


def test_carried_over_is_open_homework_set_before_the_last_session() -> None:
    records = [
        homework("old-open", "2026-11-04", "daily", status="in-progress"),
        homework("old-none", "2026-11-04", "daily"),
        homework("old-done", "2026-11-04", "daily", status="done"),
        homework("old-dropped", "2026-11-04", "daily", status="dropped"),
        homework("new", "2026-11-11", "daily", status="stuck"),
    ]
    found = rows(records)
    assert [k for k, r in sorted(found.items()) if r.carried_over] == ["old-none", "old-open"]


def test_status_confidence_and_goal_title() -> None:
    records = [
        homework("h", "2026-11-11", "daily", status="stuck", confidence=4, goal="g"),
        rec("goal", None, id="g", path="goals/g.md", title="See friends", set=D("2026-10-01")),
    ]
    row = rows(records)["h"]
    assert (row.status, row.confidence, row.goal_title) == ("stuck", 4, "See friends")


def test_latest_review_after_it_was_set() -> None:
    records = [
        homework("h", "2026-11-11", "daily"),
        rec("review", "2026-11-10", homework="h", quality=1),  # before it was set
        rec("review", "2026-11-15", homework="h", quality=2, barriers=["tired"]),
        rec("review", "2026-11-17", homework="h", quality=3, difficulty=1, helpfulness=4),
        rec("review", "2026-11-19", homework="h", quality=4),  # after the report date
        rec("review", "2026-11-16", homework="other", quality=0),
    ]
    review = rows(records)["h"].review
    assert review is not None
    assert (review.date, review.quality, review.difficulty, review.helpfulness) == (
        D("2026-11-17"),
        3,
        1,
        4,
    )


def test_reviews_never_count_as_practice() -> None:
    records = [
        homework("h", "2026-11-11", "daily", track={"type": "review"}),
        rec("review", "2026-11-15", homework="h", quality=2),
    ]
    assert rows(records)["h"].done == 0


# -- pacing ---------------------------------------------------------------------------------


def on(*dates: str) -> list[dt.date]:
    return [D(d) for d in dates]


def test_pacing_mostly_at_the_end() -> None:
    # 7 days: an even spread puts 2/7 in two days; 3 of 3 in the last two days is 100%.
    p = pacing(on("2026-11-17", "2026-11-17", "2026-11-18"), P)
    assert p.label == "mostly at the end"
    assert p.strip == [0, 0, 0, 0, 0, 2, 1]
    assert (p.last_two_share, p.first_two_share, p.even_share) == (1.0, 0.0, 0.29)


def test_pacing_mostly_at_the_start() -> None:
    assert pacing(on("2026-11-12", "2026-11-13", "2026-11-16"), P).label == "mostly at the start"


def test_pacing_even() -> None:
    dates = on("2026-11-12", "2026-11-14", "2026-11-16", "2026-11-18")
    assert pacing(dates, P).label == "even"


def test_pacing_boundary_twice_the_even_share() -> None:
    # 7 days: twice the even share is 4/7 (above one half). 4 of 7 entries at the end: yes.
    four = on("2026-11-12", "2026-11-13", "2026-11-15", *["2026-11-17"] * 2, *["2026-11-18"] * 2)
    assert pacing(four, P).label == "mostly at the end"
    three = on("2026-11-12", "2026-11-14", "2026-11-15", "2026-11-16", *["2026-11-18"] * 3)
    assert pacing(three, P).label == "even"  # 3/7 in the last two days


def test_pacing_boundary_one_half_in_a_long_period() -> None:
    # 14 days: twice the even share is 2/7 = 0.29, so the half rule decides. 2 of 4: yes.
    long = period("2026-11-05", "2026-11-18")
    assert pacing(on("2026-11-05", "2026-11-06", "2026-11-10", "2026-11-12"), long).label == (
        "mostly at the start"
    )
    assert pacing(on("2026-11-05", "2026-11-08", "2026-11-10", "2026-11-12"), long).label == "even"


def test_pacing_short_periods_and_few_entries() -> None:
    short = period("2026-11-15", "2026-11-18")
    assert pacing(on("2026-11-18", "2026-11-18"), short).label == "too short to judge"
    assert pacing([], P).label == "no entries"
    assert pacing(on("2026-11-18"), P).label == "too few entries to judge"


def test_homework_row_has_pacing_strip_for_the_period() -> None:
    records = [
        homework("h", "2026-11-11", "daily", track={"type": "sleep"}),
        rec("sleep", "2026-11-17"),
        rec("sleep", "2026-11-18"),
    ]
    row = rows(records)["h"]
    assert row.pacing.strip == [0, 0, 0, 0, 0, 1, 1]
    assert row.pacing.label == "mostly at the end"
    data = row.to_data()
    assert data["assigned"] == "2026-11-11" and data["pacing"]["n"] == 2


# -- pacing over the homework's own active days ---------------------------------------------


def test_pacing_of_a_homework_set_mid_period_is_not_mostly_at_the_end() -> None:
    # Assigned Sun 15 Nov: active 16–18 Nov, done all three days. Perfect adherence over 3
    # active days is not "mostly at the end" of the 7-day period: too short to judge.
    records = [
        homework("h", "2026-11-15", "daily", track={"type": "sleep"}),
        *[rec("sleep", d) for d in ("2026-11-16", "2026-11-17", "2026-11-18")],
    ]
    row = rows(records)["h"]
    assert row.done_text == "3 of 3 days"
    assert row.pacing.label == "too short to judge"
    assert row.pacing.strip == [0, 0, 0, 0, 1, 1, 1]  # still the whole period
    assert row.pacing.active == [False, False, False, False, True, True, True]


def test_pacing_of_a_homework_due_early_is_not_mostly_at_the_start() -> None:
    records = [
        homework("h", "2026-11-11", "daily", due="2026-11-13", track={"type": "sleep"}),
        rec("sleep", "2026-11-12"),
        rec("sleep", "2026-11-13"),
    ]
    row = rows(records)["h"]
    assert row.done_text == "2 of 2 days"
    assert row.pacing.label == "too short to judge"
    assert row.pacing.active == [True, True, False, False, False, False, False]


def test_pacing_is_judged_at_the_due_date_not_the_period_end() -> None:
    # 14-day period, homework due 18 Nov (active 12–18, 7 days): 4 of 5 entries on its last
    # two days is the "night before" pattern, though the period runs on to 25 Nov. Daily
    # homework is paced in days: 12, 17 and 18 Nov, two of the three days at the end.
    long = period("2026-11-12", "2026-11-25", last_session="2026-11-11")
    dates = ("2026-11-12", "2026-11-17", "2026-11-17", "2026-11-18", "2026-11-18")
    records = [
        homework("h", "2026-11-11", "daily", due="2026-11-18", track={"type": "sleep"}),
        *[rec("sleep", d) for d in dates],
    ]
    p = rows(records, long)["h"].pacing
    assert p.label == "mostly at the end"
    assert (p.first_two_share, p.last_two_share, p.even_share) == (0.33, 0.67, 0.29)
    assert len(p.strip) == 14 and p.active == [True] * 7 + [False] * 7


def test_pacing_over_five_active_days_can_be_judged() -> None:
    # Assigned 13 Nov: active 14–18 (5 days). Even share 2/5; 2 of 5 at the end is not bunched.
    daily = ("2026-11-14", "2026-11-15", "2026-11-16", "2026-11-17", "2026-11-18")
    records = [
        homework("h", "2026-11-13", "daily", track={"type": "sleep"}),
        *[rec("sleep", d) for d in daily],
    ]
    p = rows(records)["h"].pacing
    assert (p.label, p.first_two_share, p.even_share) == ("even", 0.4, 0.4)


# -- done_entries by link and by type: the same as a walk of the days --------------------------


def _walked(hw: Record, rule: object, days_: list[dt.date], sc: object) -> list[Record]:
    """done_entries as it was: every shown record of the days, one by one."""
    from interim.summary.homework import counts_as_done

    active = set(days_)
    out = []
    for r in sc.between(days_[0], days_[-1]) if days_ else ():  # type: ignore[attr-defined]
        if r.date not in active or r.type in ("homework", "review") or not counts_as_done(r):
            continue
        if r.homework is not None:
            if r.homework == hw.id:
                out.append(r)
        elif rule is not None and rule.matches(r):  # type: ignore[attr-defined]
            out.append(r)
    return sorted(out, key=sc.record_key)  # type: ignore[attr-defined]


@pytest.mark.parametrize("which", ["example-folder", "generated"])
def test_done_entries_is_the_walk(which: str, tmp_path: object) -> None:
    """Over the example folder and a generated year (links, tracked types, tags, skills,
    reviews): for every homework and every window of days, the same entries in the same
    order as the walk it replaced."""
    import importlib.util
    from pathlib import Path

    from interim.folder import load_folder
    from interim.summary.homework import _rule, done_entries
    from interim.summary.period import resolve_period
    from interim.summary.profiles import BUILT_IN
    from interim.summary.scope import Scope

    root = Path(__file__).resolve().parent.parent / "example-folder"
    if which == "generated":
        bench = root.parent / "benchmarks" / "generate.py"
        spec = importlib.util.spec_from_file_location("generate", bench)
        assert spec is not None and spec.loader is not None
        gen = importlib.util.module_from_spec(spec)
        sys.path.insert(0, str(bench.parent))
        sys.modules["generate"] = gen  # its dataclasses look their module up
        try:
            spec.loader.exec_module(gen)
            root = Path(str(tmp_path)) / "g"
            gen.generate(1500, root, 3)
        finally:
            sys.path.remove(str(bench.parent))
            del sys.modules["generate"]
    folder = load_folder(root)
    p = resolve_period(folder.records, settings=folder.settings)
    sc = Scope.of(folder.records, p, BUILT_IN["full"], folder.settings, folder.types)
    tasks = sc.of_type("homework")
    assert tasks
    checked = some = 0
    for hw in tasks:
        start = hw.date or p.start
        for span in (7, 30, 400):
            days_ = [start + dt.timedelta(days=k) for k in range(1, span)]
            rule = _rule(hw.get("track"))
            found = done_entries(hw, rule, days_, sc)
            assert found == _walked(hw, rule, days_, sc)
            checked += 1
            some += bool(found)
    assert checked >= 3 * len(tasks)
    assert some >= len(tasks) // 2  # most homework has entries: the test reads real ones
