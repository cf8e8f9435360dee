"""interim.types.schema and `interim schema`: each record type compiles to a valid JSON Schema
(draft 2020-12) that agrees with interim's own validation (DESIGN §2.3, §3)."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import Result
from conftest import Checked, Write
from jsonschema import Draft202012Validator

from interim.types import builtin_types
from interim.types.schema import SCHEMA_URI, type_schema

RunCli = Callable[..., Result]
CheckText = Callable[..., Checked]

DAY = {"date": "2026-11-20"}
# A valid record of every built-in type, as plain data (dates ISO strings, times "HH:MM").
EXAMPLES: dict[str, dict[str, Any]] = {
    "activity": {
        **DAY,
        "activity": "Walk in the park",
        "planned": True,
        "done": "yes",
        "pleasure": 6,
        "mastery": 4,
        "mood_before": 3,
        "mood_after": 5,
    },
    "checkin": {
        **DAY,
        "went_well": "Did three walks.",
        "hard": "Monday.",
        "barriers": ["tired"],
        "questions": ["Is this normal?"],
        "goals": {"sleep-better": 4},
    },
    "eating": {
        **DAY,
        "time": "12:30",
        "food": "Sandwich",
        "place": "Desk",
        "binge": False,
        "compensatory": ["exercise"],
        "context": "Busy",
    },
    "experiment": {
        **DAY,
        "belief": "They will laugh",
        "belief_before": 80,
        "prediction": "Someone laughs",
        "plan": "Speak at the meeting",
        "safety_behaviours_dropped": ["rehearsing"],
        "outcome": "Nobody laughed",
        "prediction_came_true": "no",
        "learned": "It went fine",
        "belief_after": 30,
    },
    "exposure": {
        **DAY,
        "step": "Lunch in the canteen",
        "planned": True,
        "minutes": 25,
        "suds_before": 60,
        "suds_peak": 75,
        "suds_after": 30,
        "feared_outcome": "Everyone stares",
        "expectancy_before": 70,
        "expectancy_after": 20,
        "feared_outcome_happened": "partly",
        "safety_behaviours": [],
        "learned": "Nobody cared",
    },
    "goal": {"title": "Sleep better", "set": "2026-10-07", "status": "active"},
    "homework": {
        **DAY,
        "title": "Worry time",
        "assigned": "2026-11-20",
        "due": "2026-11-27",
        "frequency": "3/week",
        "track": {"type": "practice", "skill": "worry time"},
        "goal": "sleep-better",
        "specifics": "15 minutes at 18:00",
        "rationale": "Postpone worry",
        "obstacles": "Forgetting",
        "plan": "Phone alarm",
        "confidence": 7,
        "status": "in-progress",
    },
    "mood": {
        **DAY,
        "time": "21:30",
        "mood": 4,
        "anxiety": 7,
        "emotions": ["sad", "tired"],
        "situation": "At home",
    },
    "note": {**DAY, "title": "A thought", "tags": ["work"], "private": True},
    "practice": {**DAY, "skill": "worry time", "minutes": 15, "helpfulness": 6},
    "questionnaire": {
        **DAY,
        "instrument": "phq9",
        "items": [1, 1, 2, 0, 1, 0, 1, 0, 0],
        "total": 6,
        "difficulty": 1,
    },
    "reading": {
        **DAY,
        "title": "Worry handout",
        "source": "Clinic",
        "read": "2026-11-21",
        "takeaways": "Worry is a habit",
        "questions": ["How long?"],
    },
    "review": {
        **DAY,
        "homework": "2026-11-13-worry-time",
        "quality": 3,
        "difficulty": 2,
        "helpfulness": 4,
        "barriers": ["busy"],
        "learned": "It helps",
    },
    "session": {**DAY, "time": "10:00", "number": 4, "status": "held", "id": "session-4"},
    "sleep": {
        **DAY,
        "bedtime": "23:30",
        "lights_out": "23:45",
        "minutes_to_sleep": 20,
        "awakenings": 2,
        "minutes_awake": 30,
        "final_wake": "06:30",
        "out_of_bed": "06:50",
        "quality": 3,
        "naps_minutes": 0,
        "caffeine": 2,
        "alcohol": 0,
        "medication": "none",
    },
    "thought-record": {
        **DAY,
        "situation": "Meeting",
        "emotions": [{"name": "anxious", "before": 80, "after": 40}],
        "hot_thought": "They think I'm boring",
        "belief_before": 90,
        "thinking_traps": ["mind-reading"],
        "evidence_for": ["Someone yawned"],
        "evidence_against": ["Two people asked questions"],
        "balanced_thought": "Some were interested",
        "belief_balanced": 60,
        "belief_after": 40,
    },
}


def instance(name: str, **changes: Any) -> dict[str, Any]:
    return {"type": name, **EXAMPLES[name], **changes}


def errors(name: str, data: dict[str, Any]) -> list[str]:
    validator = Draft202012Validator(type_schema(builtin_types()[name]))
    return [e.message for e in validator.iter_errors(data)]


def test_there_is_an_example_for_every_built_in_type() -> None:
    assert set(EXAMPLES) == set(builtin_types())


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_type_schema_is_a_valid_draft_2020_12_schema(name: str) -> None:
    schema = type_schema(builtin_types()[name])
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == SCHEMA_URI
    assert schema["properties"]["type"] == {
        "const": name,
        "description": builtin_types()[name].description,
    }


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_a_valid_record_validates_against_its_schema(name: str) -> None:
    assert errors(name, instance(name)) == []


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_interim_agrees_that_the_example_is_valid(name: str, check_text: CheckText) -> None:
    front = yaml.safe_dump(instance(name), sort_keys=False, allow_unicode=True)
    result = check_text(f"---\n{front}---\n")
    assert result.diagnostics == []
    assert result.record is not None
    assert result.record.type == name


@pytest.mark.parametrize(
    ("name", "changes"),
    [
        ("mood", {"mood": 11}),
        ("mood", {"type": "sleep"}),
        ("mood", {"time": "24:00"}),
        ("sleep", {"bedtime": "25:10"}),
        ("homework", {"frequency": "0/week"}),
        ("homework", {"frequency": "sometimes"}),
        ("homework", {"status": "finished"}),
        ("homework", {"track": {"tag": "x"}}),
        ("activity", {"done": "on"}),
        ("thought-record", {"emotions": [{"before": 50}]}),
        ("checkin", {"goals": {"sleep-better": 11}}),
    ],
)
def test_an_invalid_record_fails_its_schema(name: str, changes: dict[str, Any]) -> None:
    assert errors(name, instance(name, **changes)) != []


def test_missing_date_fails_the_schema_of_a_dated_type() -> None:
    data = instance("mood")
    del data["date"]
    assert errors("mood", data) != []


def test_goal_schema_does_not_require_a_date() -> None:
    assert "date" not in type_schema(builtin_types()["goal"])["required"]


def test_empty_values_are_allowed_by_the_schema() -> None:
    assert errors("mood", instance("mood", mood=None, anxiety=None)) == []


def test_every_property_has_a_description() -> None:
    for rtype in builtin_types().values():
        schema = type_schema(rtype)
        for prop, sub in schema["properties"].items():
            assert sub.get("description"), (rtype.name, prop)


# -- the command ---------------------------------------------------------------------------


def test_schema_command_prints_every_type(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli(["schema", "--folder", str(tmp_path)])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert set(data) == set(builtin_types())
    for schema in data.values():
        Draft202012Validator.check_schema(schema)


def test_schema_command_prints_one_type(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli(["schema", "mood", "--folder", str(tmp_path)])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == type_schema(builtin_types()["mood"])


def test_schema_command_with_an_unknown_type_exits_2(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli(["schema", "nosuch", "--folder", str(tmp_path)])
    assert result.exit_code == 2
    assert "nosuch" in result.stderr


def test_schema_out_writes_owner_only_files(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "schemas"
    result = run_cli(["schema", "--folder", str(tmp_path), "--out", str(out)])
    assert result.exit_code == 0
    files = sorted(p.name for p in out.iterdir())
    assert files == sorted(f"{name}.schema.json" for name in builtin_types())
    for path in out.iterdir():
        Draft202012Validator.check_schema(json.loads(path.read_text(encoding="utf-8")))
        if os.name == "posix":
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
    assert str(out / "mood.schema.json") in result.stdout
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) & 0o077 == 0  # the new folder too


def test_schema_out_of_one_type_writes_one_file(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "s"
    assert run_cli(["schema", "sleep", "--folder", str(tmp_path), "--out", str(out)]).exit_code == 0
    assert [p.name for p in out.iterdir()] == ["sleep.schema.json"]


def test_schema_includes_the_folders_own_types(
    run_cli: RunCli, tmp_path: Path, write: Write
) -> None:
    write(
        tmp_path,
        "types/urge.yaml",
        "name: urge\ndescription: An urge log.\nfields:\n  strength:\n    kind: scale\n"
        "    min: 0\n    max: 10\n    description: How strong.\n",
    )
    result = run_cli(["schema", "urge", "--folder", str(tmp_path)])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    assert validator.is_valid({"type": "urge", "date": "2026-11-20", "strength": 4})
    assert not validator.is_valid({"type": "urge", "date": "2026-11-20", "strength": 14})
