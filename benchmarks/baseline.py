"""The naive baseline: what a user would write to check the folder without interim.

    python benchmarks/baseline.py FOLDER

Walk with `pathlib.rglob`, load each file with python-frontmatter, validate its metadata with
`jsonschema.validate` against a hand-written JSON Schema for its type, print "N files, E
errors" and exit 0. Deliberately plain: no caching, no cross-record checks, no positions.

PyYAML (YAML 1.1) reads `bedtime: 23:30` as the integer 1410 (but `07:05` as a string), `yes`
and `no` as booleans, and dates as `datetime.date`, so the schema accepts what that loader
produces: times are integer-or-string, yes/no/partly is true/false/"partly", and dates are
turned into strings with a JSON round trip (`default=str`) before validating.

The schemas declare draft-07, the draft most hand-written schemas (and editors) use.
`jsonschema.validate` checks the schema against its metaschema on every call, which is what
makes the naive loop slow; without a `$schema` (draft 2020-12) that check costs about 4x more
per file, and a validator built once per type would be about 10x cheaper. See README.md.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import frontmatter
import jsonschema

Schema = dict[str, Any]

TEXT: Schema = {"type": "string"}
LIST: Schema = {"type": "array", "items": {"type": "string"}}
BOOL: Schema = {"type": "boolean"}
TIME: Schema = {"type": ["integer", "string"]}
DATE: Schema = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
COUNT: Schema = {"type": "integer", "minimum": 0}
YES_NO_PARTLY: Schema = {"enum": [True, False, "partly"]}


def scale(lo: int, hi: int) -> Schema:
    return {"type": "integer", "minimum": lo, "maximum": hi}


def choice(*values: str) -> Schema:
    return {"type": "string", "enum": list(values)}


TRACK: Schema = {
    "anyOf": [
        TEXT,
        {
            "type": "object",
            "properties": {"type": TEXT, "tag": TEXT, "skill": TEXT},
            "required": ["type"],
        },
    ]
}
EMOTIONS: Schema = {
    "type": "array",
    "items": {
        "type": "object",
        "properties": {"name": TEXT, "before": scale(0, 100), "after": scale(0, 100)},
        "required": ["name"],
    },
}
TRAPS = choice(
    "all-or-nothing", "overgeneralization", "mental-filter", "disqualifying-the-positive",
    "mind-reading", "fortune-telling", "catastrophizing", "emotional-reasoning",
    "should-statements", "labeling", "personalization",
)  # fmt: skip

# type -> (fields, required fields besides `type`)
TYPES: dict[str, tuple[Schema, list[str]]] = {
    "session": (
        {"number": COUNT, "status": choice("held", "planned", "cancelled", "missed")},
        ["date", "number", "status"],
    ),
    "homework": (
        {
            "title": TEXT, "assigned": DATE, "due": DATE, "track": TRACK, "goal": TEXT,
            "frequency": {"type": "string", "pattern": r"^(once|daily|weekdays|\d+/(week|day))$"},
            "specifics": TEXT, "rationale": TEXT, "obstacles": TEXT, "plan": TEXT,
            "confidence": scale(0, 10),
            "status": choice("not-started", "in-progress", "done", "stuck", "dropped"),
        },
        ["date", "title", "assigned", "due", "frequency"],
    ),
    "review": (
        {
            "quality": scale(0, 4), "difficulty": scale(0, 4), "helpfulness": scale(0, 4),
            "barriers": LIST, "learned": TEXT,
        },
        ["date", "homework"],
    ),
    "goal": (
        {"title": TEXT, "set": DATE, "status": choice("active", "achieved", "dropped")},
        ["title", "set", "status"],
    ),
    "mood": (
        {"mood": scale(0, 10), "anxiety": scale(0, 10), "emotions": LIST, "situation": TEXT},
        ["date", "mood"],
    ),
    "thought-record": (
        {
            "situation": TEXT, "emotions": EMOTIONS, "hot_thought": TEXT,
            "belief_before": scale(0, 100), "thinking_traps": {"type": "array", "items": TRAPS},
            "evidence_for": LIST, "evidence_against": LIST, "balanced_thought": TEXT,
            "belief_balanced": scale(0, 100), "belief_after": scale(0, 100),
        },
        ["date", "situation", "hot_thought"],
    ),
    "experiment": (
        {
            "belief": TEXT, "belief_before": scale(0, 100), "prediction": TEXT, "plan": TEXT,
            "safety_behaviours_dropped": LIST, "outcome": TEXT,
            "prediction_came_true": YES_NO_PARTLY, "learned": TEXT,
            "belief_after": scale(0, 100),
        },
        ["date", "belief", "prediction"],
    ),
    "exposure": (
        {
            "step": TEXT, "planned": BOOL, "minutes": COUNT, "suds_before": scale(0, 100),
            "suds_peak": scale(0, 100), "suds_after": scale(0, 100), "feared_outcome": TEXT,
            "expectancy_before": scale(0, 100), "expectancy_after": scale(0, 100),
            "feared_outcome_happened": YES_NO_PARTLY, "safety_behaviours": LIST,
            "learned": TEXT,
        },
        ["date", "step"],
    ),
    "activity": (
        {
            "activity": TEXT, "planned": BOOL, "done": BOOL, "pleasure": scale(0, 10),
            "mastery": scale(0, 10), "mood_before": scale(0, 10), "mood_after": scale(0, 10),
        },
        ["date", "activity"],
    ),
    "sleep": (
        {
            "bedtime": TIME, "lights_out": TIME, "minutes_to_sleep": COUNT,
            "awakenings": COUNT, "minutes_awake": COUNT, "final_wake": TIME,
            "out_of_bed": TIME, "quality": scale(1, 5), "naps_minutes": COUNT,
            "caffeine": COUNT, "alcohol": COUNT, "medication": TEXT,
        },
        ["date", "bedtime", "lights_out", "final_wake", "out_of_bed"],
    ),
    "eating": (
        {
            "food": TEXT, "place": TEXT, "binge": BOOL, "context": TEXT,
            "compensatory": {
                "type": "array",
                "items": choice("vomit", "laxative", "exercise", "other"),
            },
        },
        ["date", "food"],
    ),
    "practice": (
        {"skill": TEXT, "minutes": COUNT, "helpfulness": scale(0, 10)},
        ["date", "skill"],
    ),
    "reading": (
        {"title": TEXT, "source": TEXT, "read": DATE, "takeaways": TEXT, "questions": LIST},
        ["date", "title"],
    ),
    "checkin": (
        {
            "went_well": TEXT, "hard": TEXT, "barriers": LIST, "questions": LIST,
            "goals": {"type": "object", "additionalProperties": scale(0, 10)},
        },
        ["date"],
    ),
    "questionnaire": (
        {
            "instrument": choice("phq9", "gad7"),
            "items": {"type": "array", "items": scale(0, 3), "minItems": 7, "maxItems": 9},
            "total": COUNT, "difficulty": scale(0, 3),
        },
        ["date", "instrument", "items"],
    ),
    "note": ({"title": TEXT}, ["date"]),
}  # fmt: skip

COMMON: Schema = {
    "type": TEXT, "date": DATE, "time": TIME, "tags": LIST, "private": BOOL,
    "homework": TEXT, "id": TEXT,
}  # fmt: skip

SCHEMAS: dict[str, Schema] = {
    name: {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "type": "object",
        "properties": {**COMMON, **fields},
        "required": ["type", *required],
    }
    for name, (fields, required) in TYPES.items()
}


def check_file(path: Path) -> str | None:
    """The first problem in one file, or None."""
    try:
        post = frontmatter.load(path)
    except Exception as exc:  # a user's script: any load failure is "an error in this file"
        return f"cannot load: {exc}"
    meta = json.loads(json.dumps(post.metadata, default=str))
    schema = SCHEMAS.get(meta.get("type"))
    if schema is None:
        return f"unknown type {meta.get('type')!r}"
    try:
        jsonschema.validate(meta, schema)
    except jsonschema.ValidationError as exc:
        return str(exc.message)
    return None


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else Path(".")
    files = errors = 0
    for path in folder.rglob("*.md"):
        files += 1
        problem = check_file(path)
        if problem:
            errors += 1
            print(f"{path}: {problem}")
    print(f"{files} files, {errors} errors")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
