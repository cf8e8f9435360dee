"""build_report: the context's shape, profiles (full, scores-only, the folder's own), private
records, determinism, and one end-to-end run on example-folder/."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from test_summary_support import D, T, folder, homework, items_for, phq9, rec, session, settings

from interim.domain.model import Record
from interim.errors import InterimError
from interim.folder import load_folder
from interim.summary import build_report, resolve_period
from interim.summary.profiles import SECTION_IDS, resolve_profile

EXAMPLE = Path(__file__).resolve().parent.parent / "example-folder"
TOP = {
    "interim",
    "generated_for",
    "period",
    "header",
    "safety",
    "glance",
    "calendar",
    "sections",
    "problems",
    "private_count",
    "profile",
    "free_text",
    "footer",
}


def secret_folder(**profiles: Any) -> list[Record]:
    """A record of every type, every text field and body holding SECRET."""
    s = "SECRET"
    return [
        session("2026-11-04", body=s),
        session("2026-11-11", body=s),
        homework(
            "hw",
            "2026-11-11",
            "daily",
            title="Homework title",
            track={"type": "mood"},
            specifics=s,
            status="stuck",
            body=s,
        ),
        rec("review", "2026-11-16", homework="hw", quality=2, barriers=[s], learned=s, body=s),
        rec(
            "goal", None, id="g", path="goals/g.md", title="Goal title", set=D("2026-10-01"), body=s
        ),
        rec("mood", "2026-11-12", mood=4, anxiety=6, emotions=[s], situation=s, body=s),
        rec(
            "sleep",
            "2026-11-13",
            bedtime=T("23:00"),
            lights_out=T("23:10"),
            final_wake=T("06:30"),
            out_of_bed=T("07:00"),
            minutes_to_sleep=20,
            minutes_awake=10,
            medication=s,
            body=s,
        ),
        rec(
            "thought-record",
            "2026-11-13",
            situation=s,
            hot_thought=s,
            emotions=[{"name": s, "before": 70, "after": 40}],
            belief_before=80,
            belief_after=50,
            thinking_traps=["mind-reading", s],
            evidence_for=[s],
            evidence_against=[s],
            balanced_thought=s,
            body=s,
        ),
        rec(
            "experiment",
            "2026-11-14",
            belief=s,
            prediction=s,
            plan=s,
            outcome=s,
            learned=s,
            safety_behaviours_dropped=[s],
            prediction_came_true="yes",
            belief_before=70,
            belief_after=70,
            body=s,
        ),
        rec(
            "exposure",
            "2026-11-14",
            step=s,
            feared_outcome=s,
            learned=s,
            safety_behaviours=[s],
            suds_before=50,
            feared_outcome_happened="yes",
            body=s,
        ),
        rec("activity", "2026-11-14", activity=s, planned=True, done=True, pleasure=5, body=s),
        rec("practice", "2026-11-15", skill=s, minutes=10, body=s),
        rec("eating", "2026-11-15", food=s, place=s, context=s, binge=False, body=s),
        rec(
            "reading",
            "2026-11-15",
            title=s,
            source=s,
            takeaways=s,
            questions=[s],
            read=D("2026-11-15"),
            body=s,
        ),
        rec(
            "checkin",
            "2026-11-15",
            went_well=s,
            hard=s,
            barriers=[s],
            questions=[s],
            goals={"g": 4},
            body=s,
        ),
        rec("note", "2026-11-16", title=s, body=s),
        phq9("2026-11-16", items_for(8, 9), body=s),
    ]


def report(records: list[Record], profile: str = "full", **sets: Any) -> dict[str, Any]:
    f = folder(records, settings(report_date=D("2026-11-17"), **sets))
    p = resolve_period(f.records, settings=f.settings)
    return build_report(f, p, profile=profile).to_data()


def test_top_level_shape() -> None:
    r = report(secret_folder())
    assert set(r) >= TOP
    assert r["generated_for"] == "2026-11-17" and r["profile"] == "full"
    assert r["period"]["start"] == "2026-11-12"
    assert set(r["glance"]) == {"homework", "key_numbers", "to_discuss"}
    assert r["safety"]["show"] is False
    assert r["footer"] == {"version": r["interim"], "files_read": 0, "git_commit": None}
    ids = [s["id"] for s in r["sections"]]
    assert ids == [s for s in SECTION_IDS if s in ids]  # DESIGN §4.5 order
    assert set(ids) == set(SECTION_IDS)
    assert all(set(s) == {"id", "title", "data"} for s in r["sections"])
    json.dumps(r, allow_nan=False)


def test_scores_only_has_no_free_text_anywhere() -> None:
    r = report(secret_folder(), "scores-only")
    text = json.dumps(r)
    assert "SECRET" not in text
    assert "Homework title" in text and "Goal title" in text  # titles of homework and goals stay
    assert "mind-reading" in text  # a listed thinking trap is a choice, not free text
    assert r["free_text"] is False
    assert "notes" not in [s["id"] for s in r["sections"]]


def test_full_profile_has_the_text() -> None:
    text = json.dumps(report(secret_folder()))
    assert text.count("SECRET") > 40


def test_unknown_profile_is_an_error() -> None:
    with pytest.raises(InterimError, match="scores-only"):
        report(secret_folder(), "scores_only")


def test_a_folder_profile_trims_sections_and_what_feeds_the_glance() -> None:
    profiles = {"gp": {"free_text": "false", "sections": ["questionnaires", "mood"]}}
    r = report(secret_folder(), "gp", profiles=profiles)
    assert [s["id"] for s in r["sections"]] == ["questionnaires", "mood"]
    assert [k["section"] for k in r["glance"]["key_numbers"]] == ["mood", "mood", "questionnaires"]
    assert [i["kind"] for i in r["glance"]["to_discuss"]] == ["stuck homework"]
    kinds = {k for d in r["calendar"]["days"] for k in d["kinds"]}
    assert "sleep" not in kinds and "eating" not in kinds and "mood" in kinds
    assert "SECRET" not in json.dumps(r)


def test_a_folder_profile_with_free_text() -> None:
    r = report(secret_folder(), "talk", profiles={"talk": {"sections": ["checkins"]}})
    assert [s["id"] for s in r["sections"]] == ["checkins"] and r["free_text"] is True
    assert [i["kind"] for i in r["glance"]["to_discuss"]] == ["question", "stuck homework"]


@pytest.mark.parametrize(
    ("spec", "words"),
    [
        ({"free-text": "false"}, "free-text"),  # a typo must not share free text
        ({"free_text": "maybe"}, "true or false"),
        ({"sections": ["moods"]}, "did you mean `mood`"),
        ({"sections": "x"}, "not a report section"),
        ("just text", "mapping"),
    ],
)
def test_a_broken_folder_profile_is_an_error(spec: Any, words: str) -> None:
    with pytest.raises(InterimError, match=words):
        resolve_profile("mine", settings(profiles={"mine": spec}))


def test_private_records_never_appear_but_are_counted() -> None:
    records = [
        *secret_folder(),
        rec("mood", "2026-11-13", mood=1, private=True, body="PRIVATE"),
        rec("note", "2026-11-13", title="PRIVATE", private=True),
        rec("mood", "2026-10-01", mood=1, private=True),  # before the period: not counted
        phq9("2026-11-14", [1, 1, 1, 1, 1, 1, 1, 1, 2], private=True),
    ]
    r = report(records)
    assert "PRIVATE" not in json.dumps(r)
    assert r["private_count"] == 3
    mood = next(s for s in r["sections"] if s["id"] == "mood")["data"]
    assert mood["entries_n"] == 1
    phq = next(s for s in r["sections"] if s["id"] == "questionnaires")["data"]["instruments"][0]
    assert len(phq["administrations"]) == 1
    assert [e["answer"] for e in r["safety"]["entries"]] == [2]  # except the safety notice


def test_header_name() -> None:
    assert report(secret_folder(), name="Sam R.")["header"] == {"name": "Sam R."}
    assert report(secret_folder())["header"] == {"name": None}


def test_same_input_same_data_whatever_the_record_order() -> None:
    records = secret_folder()
    assert report(records) == report(list(reversed(records)))


# -- end to end: the demo folder --------------------------------------------------------------


@pytest.fixture(scope="module")
def example() -> dict[str, Any]:
    if not (EXAMPLE / "interim.yaml").is_file():
        pytest.skip("example-folder/ is not there")
    f = load_folder(EXAMPLE)
    return build_report(f, resolve_period(f.records, settings=f.settings)).to_data()


def test_example_folder_end_to_end(example: dict[str, Any]) -> None:
    assert set(example) >= TOP
    assert example["generated_for"] == "2026-11-17"
    assert example["period"]["start"] == "2026-11-12"  # the day after session 6
    assert example["period"]["next_session"]["date"] == "2026-11-18"
    text = json.dumps(example, allow_nan=False, sort_keys=True)
    f = load_folder(EXAMPLE)
    again = build_report(f, resolve_period(f.records, settings=f.settings)).to_data()
    assert json.dumps(again, allow_nan=False, sort_keys=True) == text  # deterministic
    for row in example["glance"]["homework"]:
        assert row["done_text"].startswith(f"{row['done']} of {row['expected']} ")
        assert row["done_text"].endswith(("day", "days")) == (row["unit"] == "days")
        assert len(row["pacing"]["strip"]) == example["period"]["days"]
        assert sum(row["pacing"]["strip"]) == row["done"]
    ids = [s["id"] for s in example["sections"]]
    assert ids == [s for s in SECTION_IDS if s in ids]
    assert {"questionnaires", "mood", "sleep"} <= set(ids)
    for day in example["calendar"]["days"]:
        assert day["count"] == sum(day["counts"].values())


def test_example_folder_scores_only(example: dict[str, Any]) -> None:
    f = load_folder(EXAMPLE)
    bare = build_report(
        f, resolve_period(f.records, settings=f.settings), profile="scores-only"
    ).to_data()
    assert bare["safety"] == example["safety"]
    assert all(s["data"] for s in bare["sections"])
    for section in bare["sections"]:
        for value in _strings(
            section["data"],
            ("body", "situation", "learned", "hot_thought", "questions", "barriers"),
        ):
            assert value in (None, [])


def _strings(data: Any, keys: tuple[str, ...]) -> list[Any]:
    found = []
    if isinstance(data, dict):
        for k, v in data.items():
            if k in keys:
                found.append(v)
            else:
                found += _strings(v, keys)
    elif isinstance(data, list):
        for v in data:
            found += _strings(v, keys)
    return found


def test_profile_none_takes_the_settings_default() -> None:
    f = folder(
        secret_folder(), settings(report_date=D("2026-11-17"), **{"report.profile": "scores-only"})
    )
    r = build_report(f, resolve_period(f.records, settings=f.settings), profile=None).to_data()
    assert r["profile"] == "scores-only" and "SECRET" not in json.dumps(r)


def test_nested_periods_keep_their_shape() -> None:
    r = report(secret_folder())
    assert r["safety"]["window"] == {"start": "2026-11-05", "end": "2026-11-17", "days": 13}
