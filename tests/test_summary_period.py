"""Period resolution (DESIGN §3 "Periods"): both ends inclusive; default from the last held
session before the report date; 14 days without one; Nd; explicit dates; previous period."""

from __future__ import annotations

import datetime as dt

import pytest
from test_summary_support import D, session, settings

from interim.errors import InterimError
from interim.summary.period import resolve_period

REPORT = D("2026-11-17")  # a Tuesday
SESSIONS = [
    session("2026-11-04", number=5),
    session("2026-11-11", number=6),
    session("2026-11-18", "planned", number=7),
]


def test_default_starts_the_day_after_the_last_held_session() -> None:
    p = resolve_period(SESSIONS, until=REPORT)
    assert (p.start, p.end, p.days) == (D("2026-11-12"), REPORT, 6)
    assert p.basis == "last-session"
    assert p.last_session is not None and p.last_session.number == 6


def test_previous_period_is_the_session_interval_before() -> None:
    p = resolve_period(SESSIONS, until=REPORT)
    # The day after session 5 through the day of session 6: the two periods touch.
    assert (p.previous.start, p.previous.end) == (D("2026-11-05"), D("2026-11-11"))
    assert p.previous.days == 7


def test_next_session_is_the_earliest_planned_one() -> None:
    p = resolve_period([*SESSIONS, session("2026-11-25", "planned", number=8)], until=REPORT)
    assert p.next_session is not None
    assert (p.next_session.date, p.next_session.number) == (D("2026-11-18"), 7)


def test_a_session_on_the_report_date_is_the_one_prepared_for() -> None:
    records = [*SESSIONS[:2], session("2026-11-17", number=7)]
    p = resolve_period(records, until=REPORT)
    assert p.start == D("2026-11-12")  # not the 18th: the 17th is not *before* the report
    assert p.next_session is not None and p.next_session.date == REPORT


def test_a_planned_or_cancelled_session_does_not_start_a_period() -> None:
    records = [*SESSIONS, session("2026-11-14", "cancelled"), session("2026-11-15", "planned")]
    assert resolve_period(records, until=REPORT).start == D("2026-11-12")


def test_no_held_session_means_the_last_14_days() -> None:
    p = resolve_period([session("2026-11-18", "planned")], until=REPORT)
    assert (p.start, p.end, p.days) == (D("2026-11-04"), REPORT, 14)
    assert p.basis == "no-session"
    assert (p.previous.start, p.previous.end) == (D("2026-10-21"), D("2026-11-03"))


def test_one_held_session_previous_is_the_same_length_before() -> None:
    p = resolve_period([session("2026-11-11")], until=REPORT)
    assert (p.start, p.days) == (D("2026-11-12"), 6)
    assert (p.previous.start, p.previous.end) == (D("2026-11-06"), D("2026-11-11"))


def test_n_days_ends_on_the_report_date() -> None:
    p = resolve_period(SESSIONS, until=REPORT, since="7d")
    assert (p.start, p.end, p.days, p.basis) == (D("2026-11-11"), REPORT, 7, "days")
    assert (p.previous.start, p.previous.end) == (D("2026-11-04"), D("2026-11-10"))
    one = resolve_period(SESSIONS, until=REPORT, since="1d")
    assert (one.start, one.end, one.days) == (REPORT, REPORT, 1)


def test_explicit_start_date_as_text_or_date() -> None:
    p = resolve_period(SESSIONS, until=REPORT, since="2026-11-01")
    assert (p.start, p.days, p.basis) == (D("2026-11-01"), 17, "dates")
    assert (p.previous.start, p.previous.end) == (D("2026-10-15"), D("2026-10-31"))
    assert resolve_period(SESSIONS, until=REPORT, since=D("2026-11-17")).days == 1


def test_last_session_is_the_explicit_default() -> None:
    assert resolve_period(SESSIONS, until=REPORT, since="last-session") == resolve_period(
        SESSIONS, until=REPORT
    )


def test_until_before_since_is_a_usage_error_in_words() -> None:
    with pytest.raises(InterimError) as err:
        resolve_period(SESSIONS, until=D("2026-11-01"), since="2026-11-10")
    assert "2026-11-01" in str(err.value) and "2026-11-10" in str(err.value)


@pytest.mark.parametrize("since", ["yesterday", "0d", "2026-02-30", "-3d"])
def test_unreadable_since_is_a_usage_error(since: str) -> None:
    with pytest.raises(InterimError):
        resolve_period(SESSIONS, until=REPORT, since=since)


def test_report_date_from_settings_then_until() -> None:
    pinned = settings(report_date=D("2026-11-13"))
    assert resolve_period(SESSIONS, settings=pinned).end == D("2026-11-13")
    assert resolve_period(SESSIONS, until=REPORT, settings=pinned).end == REPORT


def test_report_date_defaults_to_today() -> None:
    assert resolve_period([], since="1d").end == dt.date.today()


def test_two_held_sessions_on_one_day_do_not_make_an_empty_interval() -> None:
    records = [
        session("2026-11-04"),
        session("2026-11-11"),
        session("2026-11-11", path="sessions/again.md"),
    ]
    p = resolve_period(records, until=REPORT)
    assert (p.previous.start, p.previous.end) == (D("2026-11-05"), D("2026-11-11"))


def test_to_data_is_plain_and_labelled() -> None:
    data = resolve_period(SESSIONS, until=REPORT).to_data()
    assert data["start"] == "2026-11-12" and data["end"] == "2026-11-17" and data["days"] == 6
    assert data["previous"] == {"start": "2026-11-05", "end": "2026-11-11", "days": 7}
    assert data["next_session"]["date"] == "2026-11-18"
    assert data["next_session"]["time"] is None
    assert data["next_session"]["number"] == 7
    assert data["label"] == "12 Nov – 17 Nov 2026 (6 days)"


def test_inclusive_ends() -> None:
    p = resolve_period(SESSIONS, until=REPORT)
    assert p.start in p and p.end in p
    assert D("2026-11-11") not in p and D("2026-11-18") not in p
    assert p.dates()[0] == p.start and p.dates()[-1] == p.end


def test_looking_back_a_session_since_held_is_the_next_one() -> None:
    """`--until` in the past: the session after the report date took place since, so it
    is `held` now; it is still the one that came next (not the planned one after it)."""
    records = [
        session("2026-10-28", number=4),
        session("2026-11-03", "cancelled"),
        session("2026-11-04", number=5),
        session("2026-11-11", number=6),
        session("2026-11-18", "planned", number=7),
    ]
    p = resolve_period(records, until=D("2026-11-01"))
    assert p.next_session is not None
    assert (p.next_session.date, p.next_session.number) == (D("2026-11-04"), 5)
    assert p.next_session.status == "held"


@pytest.mark.parametrize("status", ["cancelled", "missed"])
def test_a_cancelled_or_missed_session_is_not_the_next_one(status: str) -> None:
    records = [*SESSIONS, session("2026-11-17", status, path=f"sessions/{status}.md")]
    p = resolve_period(records, until=REPORT)
    assert p.next_session is not None and p.next_session.date == D("2026-11-18")
    records = [session("2026-11-11"), session("2026-11-20", status)]
    assert resolve_period(records, until=REPORT).next_session is None


def test_sessions_in_the_small_hours_are_late_on_their_date() -> None:
    """Two sessions on the report date: one at 00:30 was late that evening (before the
    `day_start` setting), so the 10:00 one comes first."""
    late = session("2026-11-17", "planned", number=8, time="00:30", path="sessions/a.md")
    morning = session("2026-11-17", "planned", number=7, time="10:00", path="sessions/b.md")
    p = resolve_period([*SESSIONS[:2], late, morning], until=REPORT)
    assert p.next_session is not None and p.next_session.number == 7
    midnight = settings(day_start=dt.time(0, 0))
    p = resolve_period([*SESSIONS[:2], late, morning], until=REPORT, settings=midnight)
    assert p.next_session is not None and p.next_session.number == 8
