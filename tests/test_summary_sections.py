"""The per-type sections, "to discuss", the calendar strip, goals, the folder's own types and
the problems list. The period is 12–18 Nov 2026."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Any

from test_summary_support import D, folder, homework, period, rec, scope, settings

from interim.diagnostics import Diagnostic, Severity
from interim.domain.model import Record
from interim.settings import Settings
from interim.summary.activities import summarise_activities, summarise_practice
from interim.summary.custom import summarise_custom
from interim.summary.days import calendar
from interim.summary.discuss import to_discuss
from interim.summary.eating import summarise_eating
from interim.summary.exposure import summarise_exposure
from interim.summary.goals import summarise_goals
from interim.summary.homework import summarise_homework
from interim.summary.journal import summarise_checkins, summarise_notes, summarise_reading
from interim.summary.problems import problems
from interim.summary.thoughts import summarise_experiments, summarise_thought_records
from interim.types.language import FieldSpec, RecordType

P = period("2026-11-12", "2026-11-18", last_session="2026-11-11")


def thought(
    date: str, before: int, after: int, emotions: list[dict[str, Any]], traps: list[str]
) -> Record:
    return rec(
        "thought-record",
        date,
        belief_before=before,
        belief_after=after,
        emotions=emotions,
        thinking_traps=traps,
        hot_thought="I'm useless",
    )


def test_thought_records_changes_and_traps() -> None:
    records = [
        thought(
            "2026-11-12",
            80,
            40,
            [{"name": "anxious", "before": 70, "after": 30}],
            ["mind-reading", "labeling"],
        ),
        thought(
            "2026-11-14",
            60,
            50,
            [{"name": "Anxious", "before": 50, "after": 40}, {"name": "sad", "before": 60}],
            ["mind-reading"],
        ),
    ]
    s = summarise_thought_records(scope(records, P))
    assert s is not None and s.n == 2
    assert (s.belief_change.mean, s.belief_change.n) == (-25.0, 2)  # (−40 + −10) / 2
    assert (s.emotion_change.mean, s.emotion_change.n) == (-25.0, 2)  # sad has no "after"
    assert [asdict(t) for t in s.traps] == [
        {"trap": "mind-reading", "count": 2},
        {"trap": "labeling", "count": 1},
    ]
    assert asdict(s.by_emotion[0]) == {
        "name": "anxious",
        "n": 2,
        "before": 60.0,
        "after": 35.0,
        "change": -25.0,
    }


def test_traps_are_counted_by_key_and_named_as_the_type_lists_them() -> None:
    """The matching key ("fortune-teling", British spellings made American) is for counting
    only: a listed trap is named as the type spells it, anything else as first written."""
    records = [
        thought("2026-11-12", 80, 40, [], ["fortune-telling", "labelling", "Doom scrolling"]),
        thought("2026-11-13", 70, 50, [], ["Fortune Telling", "doom-scrolling"]),
    ]
    s = summarise_thought_records(scope(records, P))
    assert s is not None
    assert [asdict(t) for t in s.traps] == [
        {"trap": "Doom scrolling", "count": 2},
        {"trap": "fortune-telling", "count": 2},
        {"trap": "labeling", "count": 1},
    ]


def test_entries_after_midnight_come_last_on_their_date() -> None:
    """`date` is the day as written: an entry at 01:28 dated the 25th was made late that
    evening (before the `day_start` setting, 04:00), so it follows the 21:00 entry."""
    p = period("2026-11-24", "2026-11-26")
    made = [
        ("a-late", "2026-11-25", "01:28"),
        ("b-next", "2026-11-26", "00:10"),
        ("c-evening", "2026-11-25", "21:00"),
        ("d-untimed", "2026-11-25", None),
        ("e-morning", "2026-11-25", "08:00"),
        ("f-at-four", "2026-11-25", "04:00"),
    ]
    records = [
        rec("thought-record", day, time=time, path=f"records/{name}.md") for name, day, time in made
    ]
    records.append(homework("tr", "2026-11-23", "daily", track={"type": "thought-record"}))

    def order(sets: Settings | None = None) -> tuple[list[str], list[str]]:
        sc = scope(records, p, sets=sets)
        thoughts = summarise_thought_records(sc)
        assert thoughts is not None
        shown = [r.path.split("/")[1][:-3] for r in thoughts.records]
        counted = [e.path.split("/")[1][:-3] for e in summarise_homework(sc)[0].entries]
        return shown, counted

    expected = ["d-untimed", "f-at-four", "e-morning", "c-evening", "a-late", "b-next"]
    assert order() == (expected, expected)
    midnight = ["d-untimed", "a-late", "f-at-four", "e-morning", "c-evening", "b-next"]
    assert order(settings(day_start=dt.time(0, 0))) == (midnight, midnight)


def test_experiments_predictions_and_belief() -> None:
    records = [
        rec(
            "experiment",
            "2026-11-13",
            belief_before=70,
            belief_after=45,
            prediction_came_true="partly",
        ),
        rec(
            "experiment", "2026-11-15", belief_before=50, belief_after=50, prediction_came_true="no"
        ),
        rec("experiment", "2026-11-16"),
    ]
    s = summarise_experiments(scope(records, P))
    assert s is not None
    assert s.came_true == {"yes": 0, "partly": 1, "no": 1, "not recorded": 1}
    assert (s.belief_change.mean, s.belief_change.n) == (-12.5, 2)
    assert [e.belief_shifted for e in s.experiments] == [True, False, None]


def test_exposure_grouped_by_step() -> None:
    records = [
        rec(
            "exposure",
            "2026-11-12",
            step="Lunch with the team",
            suds_before=60,
            suds_peak=80,
            suds_after=30,
            expectancy_before=70,
            expectancy_after=40,
            feared_outcome_happened="partly",
            minutes=40,
        ),
        rec(
            "exposure",
            "2026-11-13",
            step="Phone the dentist",
            suds_before=50,
            feared_outcome_happened="no",
        ),
        rec(
            "exposure",
            "2026-11-16",
            step="lunch  with the team",
            suds_before=40,
            suds_peak=50,
            suds_after=20,
            expectancy_before=50,
            expectancy_after=30,
        ),
    ]
    s = summarise_exposure(scope(records, P))
    assert (
        s is not None
        and s.n == 3
        and [g.step for g in s.steps] == ["Lunch with the team", "Phone the dentist"]
    )
    lunch = s.steps[0]
    assert (lunch.n, lunch.suds_before.mean, lunch.suds_peak.mean, lunch.suds_after.mean) == (
        2,
        50.0,
        65.0,
        25.0,
    )
    assert (lunch.expectancy_change.mean, lunch.expectancy_change.n) == (-25.0, 2)
    assert lunch.happened == {"yes": 0, "partly": 1, "no": 0, "not recorded": 1}
    assert (lunch.minutes, lunch.minutes_n) == (40, 1)


def test_activities_planned_and_done() -> None:
    records = [
        rec(
            "activity",
            "2026-11-12",
            activity="swim",
            planned=True,
            done=True,
            pleasure=6,
            mastery=4,
            mood_before=4,
            mood_after=6,
        ),
        rec("activity", "2026-11-13", activity="climb", planned=True, done=False, mood_before=5),
        rec(
            "activity",
            "2026-11-14",
            activity="walk",
            planned=False,
            done=True,
            pleasure=8,
            mood_before=5,
            mood_after=8,
        ),
    ]
    s = summarise_activities(scope(records, P))
    assert s is not None
    assert (s.n, s.planned, s.planned_done, s.unplanned_done, s.not_done) == (3, 2, 1, 1, 1)
    assert (s.pleasure.mean, s.pleasure.n, s.mastery.n) == (7.0, 2, 1)
    assert (s.mood_change.mean, s.mood_change.n) == (2.5, 2)


def test_practice_days_and_minutes_per_skill() -> None:
    records = [
        rec("practice", "2026-11-12", skill="worry time", minutes=15, helpfulness=6),
        rec("practice", "2026-11-12", skill="Worry time", minutes=10),
        rec("practice", "2026-11-14", skill="worry time", helpfulness=8),
        rec("practice", "2026-11-15", skill="body scan", minutes=20),
    ]
    s = summarise_practice(scope(records, P))
    assert s is not None and [k.skill for k in s.skills] == ["worry time", "body scan"]
    worry = s.skills[0]
    assert (worry.sessions, worry.days, worry.minutes, worry.minutes_n) == (3, 2, 25, 2)
    assert (worry.helpfulness.mean, worry.helpfulness.n) == (7.0, 2)


def test_eating_per_week() -> None:
    ten = period("2026-11-09", "2026-11-18")
    records = [
        rec("eating", "2026-11-09", binge=True, compensatory=["vomit"]),
        rec("eating", "2026-11-10", binge=False),
        rec("eating", "2026-11-16", binge=True, compensatory=["exercise", "vomit"]),
    ]
    s = summarise_eating(scope(records, ten))
    assert s is not None and (s.n, s.binges) == (3, 2)
    assert s.compensatory == {"vomit": 2, "laxative": 0, "exercise": 1, "other": 0}
    assert [(w.days, w.episodes, w.binges, w.compensatory) for w in s.weeks] == [
        (7, 2, 1, 1),
        (3, 1, 1, 2),
    ]
    assert s.per_week == {"episodes": 2.1, "binges": 1.4, "compensatory": 2.1}  # × 7 / 10


def test_reading_read_and_not_yet() -> None:
    records = [
        rec("reading", "2026-10-01", title="Old, read", read=D("2026-10-02")),
        rec("reading", "2026-10-20", title="Still to read", read=None),
        rec(
            "reading",
            "2026-11-05",
            title="Read in the period",
            read=D("2026-11-13"),
            questions=["Why?"],
        ),
    ]
    s = summarise_reading(scope(records, P))
    assert s is not None and [i.title for i in s.items] == ["Still to read", "Read in the period"]
    assert (s.read, s.not_yet) == (1, 1)


def test_checkins_and_notes() -> None:
    records = [
        rec("goal", None, id="g", path="goals/g.md", title="Sleep better"),
        rec(
            "checkin",
            "2026-11-15",
            went_well="swim",
            barriers=["tired"],
            questions=["a?", "b?"],
            goals={"g": 4},
        ),
        rec("note", "2026-11-14", title="Better", body="A list."),
    ]
    s = summarise_checkins(scope(records, P))
    assert s is not None and (s.n, s.questions_n, s.barriers_n) == (1, 2, 1)
    assert [asdict(g) for g in s.checkins[0].goals] == [
        {"id": "g", "title": "Sleep better", "rating": 4}
    ]
    notes = summarise_notes(scope(records, P))
    assert notes is not None and (notes.notes[0].title, notes.notes[0].body) == (
        "Better",
        "A list.",
    )
    assert summarise_notes(scope(records, P, "scores-only")) is None  # nothing but text


def test_goals_over_the_whole_treatment() -> None:
    records = [
        rec(
            "goal",
            None,
            id="g",
            path="goals/g.md",
            title="See friends",
            status="active",
            set=D("2026-10-01"),
        ),
        rec("goal", None, id="quiet", path="goals/quiet.md", title="Unrated", set=D("2026-10-02")),
        rec("checkin", "2026-10-11", goals={"g": 2}),
        rec("checkin", "2026-11-15", goals={"g": 5, "quiet": None}),
        rec("checkin", "2026-11-20", goals={"g": 9}),  # after the report date
    ]
    s = summarise_goals(scope(records, P))
    assert s is not None
    g, quiet = s.goals
    assert [(r.date, r.rating, r.in_period) for r in g.series] == [
        (D("2026-10-11"), 2, False),
        (D("2026-11-15"), 5, True),
    ]
    assert g.change == 3 and g.latest is not None and g.latest.rating == 5
    assert (quiet.series, quiet.change) == ([], None)


def test_to_discuss() -> None:
    records = [
        homework("jo", "2026-11-11", "once", status="stuck", title="Message Jo"),
        rec(
            "review", "2026-11-16", homework="jo", barriers=["guilt"], learned="send it in session"
        ),
        rec("checkin", "2026-11-15", questions=["Up at 7 on Sundays?"]),
        rec(
            "reading", "2026-11-13", read=D("2026-11-13"), title="Sleep", questions=["20 minutes?"]
        ),
        rec("experiment", "2026-11-13", prediction="they leave", prediction_came_true="yes"),
        rec(
            "experiment",
            "2026-11-14",
            prediction="silence",
            prediction_came_true="no",
            belief_before=60,
            belief_after=60,
        ),
        rec(
            "experiment", "2026-11-15", prediction_came_true="no", belief_before=60, belief_after=40
        ),
        rec(
            "exposure",
            "2026-11-16",
            step="lunch",
            feared_outcome="quiet",
            feared_outcome_happened="partly",
        ),
        rec("exposure", "2026-11-17", step="lunch", feared_outcome_happened="no"),
    ]
    s = scope(records, P)
    items = to_discuss(s, summarise_homework(s))
    assert [(i.kind, i.text) for i in items] == [
        ("question", "Up at 7 on Sundays?"),
        ("reading question", "20 minutes?"),
        ("stuck homework", "send it in session"),
        ("experiment", "they leave"),
        ("experiment", "silence"),
        ("exposure", "quiet"),
    ]
    assert items[2].title == "Stuck: Message Jo" and items[2].details == ["guilt"]
    assert "did not shift (60 → 60)" in items[4].title
    assert all(i.path for i in items)


def test_to_discuss_without_free_text_keeps_titles_only() -> None:
    records = [
        homework("jo", "2026-11-11", "once", status="stuck", title="Message Jo"),
        rec("checkin", "2026-11-15", questions=["Up at 7 on Sundays?"]),
        rec("experiment", "2026-11-13", prediction="they leave", prediction_came_true="yes"),
    ]
    s = scope(records, P, "scores-only")
    items = to_discuss(s, summarise_homework(s))
    assert [(i.kind, i.title, i.text, i.details) for i in items] == [
        ("stuck homework", "Stuck: Message Jo", None, []),
        ("experiment", "Experiment (13 Nov): the prediction came true (yes)", None, []),
    ]


def test_calendar_strip() -> None:
    records = [
        rec("mood", "2026-11-12", mood=3),
        rec("mood", "2026-11-12", mood=4),
        rec("sleep", "2026-11-12"),
        rec("mood", "2026-11-14", mood=5, private=True),
        rec("mood", "2026-11-20", mood=5),
    ]
    days = calendar(scope(records, P))
    assert len(days) == 7 and days[0].weekday == "Thu"
    assert (days[0].kinds, days[0].counts, days[0].count) == (
        ["mood", "sleep"],
        {"mood": 2, "sleep": 1},
        3,
    )
    assert [d.count for d in days[1:]] == [0] * 6  # the private entry is not shown


def test_a_folder_type_gets_a_section() -> None:
    urge = RecordType(
        "urge",
        1,
        "Urge log",
        {
            "strength": FieldSpec(
                "strength", "scale", "Urge strength", min=0, max=10, better="lower"
            ),
            "acted": FieldSpec("acted", "boolean", "Acted on it"),
            "what": FieldSpec("what", "text", "What it was"),
        },
        source="types/urge.yaml",
    )
    records = [
        rec("urge", "2026-11-12", strength=7, acted=False, what="SECRET"),
        rec("urge", "2026-11-14", strength=5),
    ]
    full = summarise_custom(urge, scope(records, P))
    assert full is not None and full.n == 2
    assert [d.value for d in full.series[0].daily][:3] == [7.0, None, 5.0]
    assert full.entries[0].values == {"strength": 7, "acted": False, "what": "SECRET"}
    bare = summarise_custom(urge, scope(records, P, "scores-only"))
    assert bare is not None and bare.entries[0].values == {
        "strength": 7,
        "acted": False,
        "what": None,
    }


def test_problems_list_errors_skipped_and_not_records() -> None:
    E, W = Severity.ERROR, Severity.WARNING
    diagnostics = [
        Diagnostic(
            "q/a.md",
            5,
            1,
            E,
            "IM213",
            "`total` is 12 but the items add up to 11",
            "write total: 11",
        ),
        Diagnostic("q/a.md", 2, 3, E, "IM205", "item 3 must be 0–3; got 5"),
        Diagnostic("r/x (conflicted copy).md", 1, 1, W, "IM120", "a conflict copy"),
        Diagnostic("r/big.md", 1, 1, E, "IM112", "too large"),
        Diagnostic("r/m.md", 4, 1, W, "IM202", "`mood` is not filled in yet"),
    ]
    f = folder([], diagnostics=diagnostics, not_records=["README.md"])
    p = problems(f)
    assert [fp.path for fp in p.files_with_errors] == ["q/a.md"]
    assert [e.line for e in p.files_with_errors[0].errors] == [2, 5]
    assert [(s.path, s.code) for s in p.skipped] == [
        ("r/big.md", "IM112"),
        ("r/x (conflicted copy).md", "IM120"),
    ]
    assert p.not_records == ["README.md"] and (p.errors, p.warnings) == (3, 2)
    quiet = problems(f, free_text=False)
    assert (
        quiet.files_with_errors[0].errors[1].message
        == "A questionnaire's `total` is not the sum of its items."
    )
