"""`interim new`: scaffolds that pass `check` as written, never overwriting, safe names,
the `day_start` default date, values that round-trip, and the questions' logic."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
import sys
from pathlib import Path
from typing import Any

import pytest

from interim import clock as wall_clock
from interim.commands import new as scaffold
from interim.commands.prompts import Console, Offers, ask_record, read_answer
from interim.folder import load_folder
from interim.settings import Settings
from interim.types import builtin_types
from tests.conftest import write_file as write

TYPES = sorted(builtin_types())


def _codes(run_cli: Any, folder: Path) -> tuple[int, set[str]]:
    result = run_cli(["check", str(folder), "--format", "json"])
    data = json.loads(result.output)
    return result.exit_code, {d["code"] for d in data["diagnostics"]}


@pytest.mark.parametrize("type_name", [*TYPES, "phq9", "gad7"])
def test_every_scaffold_passes_check_as_written(tmp_path: Path, run_cli, type_name: str) -> None:
    result = run_cli(["new", type_name, "--folder", str(tmp_path), "--no-input"])
    assert result.exit_code == 0, result.output
    path = Path(result.output.strip())
    assert path.is_file() and path.is_relative_to(tmp_path)
    code, found = _codes(run_cli, tmp_path)
    assert code == 0
    # Only "not filled in yet": nothing made up, nothing wrong. A blank PHQ-9 has item 9
    # not answered, which the safety notice lists (IM220, an info notice) until it is.
    assert found <= ({"IM202", "IM220"} if type_name == "phq9" else {"IM202"})


def test_without_a_terminal_nothing_is_asked(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from interim.cli import main

    # CliRunner's stdin is a pipe, as in a script or a git hook: the answer is never read.
    result = CliRunner().invoke(main, ["new", "mood", "--folder", str(tmp_path)], input="7\n")
    assert result.exit_code == 0
    text = Path(result.output.strip()).read_text(encoding="utf-8")
    assert "\nmood:  # Mood right now, 0 (worst) to 10 (best). [0–10 (0 worst, 10 best)]" in text


def test_hints_and_dates(tmp_path: Path, run_cli) -> None:
    args = ["new", "mood", "--folder", str(tmp_path), "--date", "2026-11-20", "--time", "9:05 pm"]
    path = Path(run_cli(args).output.strip())
    assert path == tmp_path / "records/2026/11/2026-11-20-mood.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[:4] == [
        "---",
        "type: mood",
        "date: 2026-11-20",
        'time: "21:05"  # The time of the entry, HH:MM.',
    ]
    assert (
        "anxiety:  # Anxiety right now, 0 (calm) to 10 (most anxious). [0–10 (0 calm, 10 most anxious)]"
        in lines
    )
    assert lines[-1] == "---"


def test_bad_date_or_type_is_a_usage_error(tmp_path: Path, run_cli) -> None:
    bad = run_cli(["new", "mood", "--folder", str(tmp_path), "--date", "2026-02-30"])
    assert bad.exit_code == 2 and "not a real date" in bad.output
    unknown = run_cli(["new", "moood", "--folder", str(tmp_path)])
    assert unknown.exit_code == 2 and "did you mean `mood`?" in unknown.output
    late = run_cli(["new", "mood", "--folder", str(tmp_path), "--time", "24:10"])
    assert late.exit_code == 2 and "not a time of day" in late.output


def test_never_overwrites(tmp_path: Path, run_cli) -> None:
    original = write(tmp_path, "records/2026/11/2026-11-20-mood.md", "my own words\n")
    args = ["new", "mood", "--folder", str(tmp_path), "--date", "2026-11-20", "--no-input"]
    second = Path(run_cli(args).output.strip())
    third = Path(run_cli(args).output.strip())
    assert second.name == "2026-11-20-mood-2.md" and third.name == "2026-11-20-mood-3.md"
    assert original.read_text() == "my own words\n"
    session = write(tmp_path, "sessions/2026-11-20.md", "x")
    again = Path(
        run_cli(
            ["new", "session", "--folder", str(tmp_path), "--date", "2026-11-20"]
        ).output.strip()
    )
    assert again == tmp_path / "sessions/2026-11-20-2.md" and session.read_text() == "x"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_files_are_owner_only(tmp_path: Path, run_cli) -> None:
    path = Path(run_cli(["new", "sleep", "--folder", str(tmp_path)]).output.strip())
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Thought records: catching mind-reading", "thought-records-catching-mind-reading"),
        ("Café au lait!", "cafe-au-lait"),
        ("../../etc/passwd", "etc-passwd"),
        ('a<b>c:d"e|f?g*h\\i', "a-b-c-d-e-f-g-h-i"),
        ("CON", ""),
        ("nul.txt", "nul-txt"),
        ("  . trailing dot. ", "trailing-dot"),
        ("日本語", ""),
        ("x" * 80, "x" * 40),
        ("word " * 20, "word-word-word-word-word-word-word-word"),
    ],
)
def test_slugs_are_safe_everywhere(text: str, slug: str) -> None:
    assert scaffold.slugify(text) == slug


def test_file_names_from_titles(tmp_path: Path) -> None:
    settings = Settings()
    types = builtin_types()
    plan = scaffold.plan_new(tmp_path, "homework", settings, types, "2026-11-18")
    path = scaffold.write_record(plan, {**plan.values, "title": "Worry time: 15 min/day"})
    assert path == tmp_path / "homework/2026-11-18-worry-time-15-min-day.md"
    plan = scaffold.plan_new(tmp_path, "practice", settings, types, "2026-11-19")
    path = scaffold.write_record(plan, {"skill": "Body scan"})
    assert path == tmp_path / "records/2026/11/2026-11-19-practice-body-scan.md"
    plan = scaffold.plan_new(tmp_path, "review", settings, types, "2026-11-19")
    path = scaffold.write_record(plan, {"homework": "2026-11-18-worry-time"})
    assert path.name == "2026-11-19-review-worry-time.md"
    plan = scaffold.plan_new(tmp_path, "goal", settings, types, "2026-10-07")
    assert scaffold.write_record(plan, {"title": ""}).name == "2026-10-07-goal.md"


def test_record_path_setting(tmp_path: Path, run_cli) -> None:
    write(tmp_path, "interim.yaml", 'files:\n  record_path: "diary/{type}/{date}{slug}.md"\n')
    result = run_cli(["new", "mood", "--folder", str(tmp_path), "--date", "2026-11-20"])
    assert Path(result.output.strip()) == tmp_path / "diary/mood/2026-11-20.md"
    write(tmp_path, "interim.yaml", 'files:\n  record_path: "../{date}.md"\n')
    outside = run_cli(["new", "mood", "--folder", str(tmp_path)])
    assert outside.exit_code == 2 and "inside the folder" in outside.output
    write(tmp_path, "interim.yaml", 'files:\n  record_path: "{when}.md"\n')
    assert run_cli(["new", "mood", "--folder", str(tmp_path)]).exit_code == 2


@pytest.mark.parametrize(
    ("clock", "day_start", "expected"),
    [
        ("2026-11-20 01:30", None, "2026-11-19"),  # before 04:00: still last night's diary
        ("2026-11-20 03:59", None, "2026-11-19"),
        ("2026-11-20 04:00", None, "2026-11-20"),
        ("2026-11-20 23:30", None, "2026-11-20"),
        ("2026-11-20 01:30", '"01:00"', "2026-11-20"),
        ("2026-11-20 05:30", '"06:00"', "2026-11-19"),
    ],
)
def test_day_start_sets_the_default_date(
    tmp_path: Path,
    run_cli,
    monkeypatch: pytest.MonkeyPatch,
    clock: str,
    day_start: str | None,
    expected: str,
) -> None:
    if day_start:
        write(tmp_path, "interim.yaml", f"day_start: {day_start}\n")
    monkeypatch.setattr(wall_clock, "now", lambda: dt.datetime.fromisoformat(clock))
    path = Path(run_cli(["new", "mood", "--folder", str(tmp_path)]).output.strip())
    text = path.read_text(encoding="utf-8")
    assert f"date: {expected}\n" in text
    assert f'time: "{clock[-5:]}"' in text  # the clock's own time, whatever the day


@pytest.mark.parametrize(
    "typed",
    [
        "no: really",
        "#1",
        "*star",
        "045",
        "yes",
        "null",
        "- a list?",
        "23:30",
        "&anchor",
        'it\'s "quoted"',
        "   ",
        "tab\tand\x07bell",
        "---",
        "émotions ☂",
    ],
)
def test_typed_text_round_trips_exactly(tmp_path: Path, typed: str) -> None:
    plan = scaffold.plan_new(tmp_path, "mood", Settings(), builtin_types(), "2026-11-20")
    scaffold.write_record(plan, {"situation": typed, "emotions": [typed, "sad"]})
    folder = load_folder(tmp_path)
    [record] = folder.records
    kept = typed.replace("\x07", "")  # a control character cannot be in a record: dropped
    assert record.get("situation") == (kept if kept.strip() else None)
    assert record.get("emotions") == [kept, "sad"]
    assert not [d for d in folder.diagnostics if d.severity.value == "error"]


def test_read_answer_uses_checks_rules() -> None:
    types = builtin_types()
    sleep, mood = types["sleep"].fields, types["mood"].fields
    value, problem = read_answer(sleep["bedtime"], "25:99", "bedtime")
    assert value is None and problem and "not a time of day" in problem
    assert read_answer(sleep["bedtime"], "11:30 pm", "bedtime") == (dt.time(23, 30), None)
    assert read_answer(mood["mood"], "010", "mood") == (10, None)  # never octal 8
    assert "got 12" in str(read_answer(mood["mood"], "12", "mood")[1])
    assert read_answer(mood["situation"], " no ", "situation") == (" no ", None)
    assert read_answer(types["activity"].fields["done"], "Yes", "done") == (True, None)


class Script:
    """A console that answers from a list and records what was shown."""

    def __init__(self, answers: list[str]) -> None:
        self.answers = list(answers)
        self.shown: list[str] = []

    def ask(self, prompt: str) -> str:
        self.shown.append(prompt)
        assert self.answers, f"asked {prompt!r} after the last answer"
        return self.answers.pop(0)

    def echo(self, text: str) -> None:
        self.shown.append(text)

    @property
    def console(self) -> Console:
        return Console(self.ask, self.echo)


def test_questionnaire_safety_notice_comes_at_once(tmp_path: Path) -> None:
    plan = scaffold.plan_new(tmp_path, "questionnaire", Settings(), builtin_types(), "2026-11-20")
    script = Script(["PHQ-9", "0", "1", "2", "3", "", "0", "1", "2", "2", "1"])
    values = ask_record(plan.rtype, plan.values, script.console, Offers(crisis_contacts="Call 999"))
    assert values["instrument"] == "phq9" and values["items"] == [0, 1, 2, 3, None, 0, 1, 2, 2]
    assert values["total"] is None  # an unanswered item: no total, nothing prorated
    item9 = script.shown.index("item 9: ")
    difficulty = script.shown.index("difficulty: ")
    notice = script.shown[item9:difficulty]
    assert any("SAFETY" in line for line in notice) and "  Call 999" in notice
    assert any("Several days" in line for line in script.shown)


def test_review_offers_open_homework(tmp_path: Path) -> None:
    write(
        tmp_path,
        "homework/2026-11-11-walks.md",
        "---\ntype: homework\ndate: 2026-11-11\ntitle: Walks\nfrequency: daily\n---\n",
    )
    write(
        tmp_path,
        "homework/2026-11-04-old.md",
        "---\ntype: homework\ndate: 2026-11-04\ntitle: Old\nfrequency: once\nstatus: done\n---\n",
    )
    from interim.commands.prompts import offers_from

    offers = offers_from(load_folder(tmp_path))
    assert offers.homework == [("2026-11-11-walks", "Walks")]  # done homework is not offered
    plan = scaffold.plan_new(tmp_path, "review", Settings(), builtin_types(), "2026-11-17")
    script = Script(["nope", "1", "5", "3", "", "", "", "Small steps work"])
    values = ask_record(plan.rtype, plan.values, script.console, offers)
    assert values["homework"] == "2026-11-11-walks"
    assert any(
        "no homework has the id `nope`; type a number from 1 to 1" in line for line in script.shown
    )
    assert any("quality must be 0–4" in line.replace("`", "") for line in script.shown)
    path = scaffold.write_record(plan, values)
    assert path.name == "2026-11-17-review-walks.md"
    text = path.read_text(encoding="utf-8")
    assert "learned: Small steps work" in text
    assert text.count("homework:") == 1  # its own field, never the common one as well
    loaded = load_folder(tmp_path)
    assert not [d for d in loaded.diagnostics if d.severity.value == "error"]


def test_thought_record_rows_and_lists(tmp_path: Path, run_cli) -> None:
    plan = scaffold.plan_new(tmp_path, "thought-record", Settings(), builtin_types(), "2026-11-20")
    # The emotion's after-rating is asked last, after the balanced thought (issue 13).
    answers = ["At work, 3pm", "anxious", "80", "", "They think I'm useless", "90",
               "mind reading", "", "No reply to my email", "", "", "", "", "", "40"]  # fmt: skip
    script = Script(answers)
    values = ask_record(plan.rtype, plan.values, script.console, Offers())
    assert values["emotions"] == [{"name": "anxious", "before": 80, "after": 40}]
    after = script.shown.index("emotions 1 after (anxious): ")
    assert script.shown.index("balanced_thought: ") < after
    assert script.shown.index("belief_after: ") < after
    assert values["thinking_traps"] == ["mind-reading"]
    path = scaffold.write_record(plan, values)
    assert "  - {name: anxious, before: 80, after: 40}" in path.read_text(encoding="utf-8")
    code, found = _codes(run_cli, tmp_path)
    assert code == 0 and found <= {"IM202"}


def test_edit_opens_the_editor_then_checks(
    tmp_path: Path, run_cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    import click

    opened: list[str] = []

    def fake_edit(filename: str, **_: Any) -> None:
        opened.append(filename)
        text = Path(filename).read_text(encoding="utf-8").replace("mood:  #", "mood: 12  #")
        Path(filename).write_text(text, encoding="utf-8")

    monkeypatch.setattr(click, "edit", fake_edit)
    result = run_cli(["new", "mood", "--folder", str(tmp_path), "--edit", "--no-input"])
    assert result.exit_code == 0
    assert opened == [result.output.splitlines()[0]]
    assert "error IM205 `mood` must be 0–10; got 12" in result.output


def test_umask_does_not_widen_permissions(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        scaffold.write_exclusive(tmp_path / "x.md", "x")
    finally:
        os.umask(old)
    if sys.platform != "win32":
        assert stat.S_IMODE((tmp_path / "x.md").stat().st_mode) == 0o600
    with pytest.raises(FileExistsError):
        scaffold.write_exclusive(tmp_path / "x.md", "y")
    assert (tmp_path / "x.md").read_text() == "x"


DOCS = Path(__file__).parents[1] / "docs"


def _examples(kind: str) -> list[str]:
    import re

    found = []
    for name in ("guide.md", "clinician.md"):
        text = (DOCS / name).read_text(encoding="utf-8")
        found += re.findall(rf"```{kind}\n(.*?)```", text, re.S)
    return found


@pytest.mark.parametrize("example", [b for b in _examples("markdown") if b.startswith("---\n")])
def test_the_docs_examples_are_valid_records(example: str) -> None:
    from tests.conftest import check_record

    checked = check_record(example)
    assert checked.record is not None
    assert [d for d in checked.diagnostics if d.severity.value != "info"] == []


def test_the_clinicians_own_type_example_loads(tmp_path: Path, run_cli) -> None:
    from interim.types import load_types

    [example] = [b for b in _examples("yaml") if b.startswith("# types/urge.yaml")]
    write(tmp_path, "types/urge.yaml", example)
    types, problems = load_types(tmp_path)
    assert problems == [] and set(types["urge"].fields) == {
        "urge",
        "strength",
        "acted",
        "what_helped",
    }
    assert types["urge"].fields["what_helped"].optional
    result = run_cli(["new", "urge", "--folder", str(tmp_path), "--no-input"])
    assert result.exit_code == 0
    code, found = _codes(run_cli, tmp_path)
    assert code == 0 and found <= {"IM202"}


def test_an_entry_can_be_linked_to_open_homework(tmp_path: Path) -> None:
    write(
        tmp_path,
        "homework/2026-11-11-walks.md",
        "---\ntype: homework\ndate: 2026-11-11\ntitle: Walks\nfrequency: daily\n---\n",
    )
    from interim.commands.prompts import offers_from

    offers = offers_from(load_folder(tmp_path))
    plan = scaffold.plan_new(tmp_path, "practice", Settings(), builtin_types(), "2026-11-12")
    script = Script(["walking", "30", "", "1"])
    values = ask_record(plan.rtype, plan.values, script.console, offers, link_homework=True)
    text = scaffold.write_record(plan, values).read_text(encoding="utf-8")
    assert "\nhomework: 2026-11-11-walks  #" in text and "# homework:" not in text
    assert "# tags:" in text  # unanswered optional fields stay comments
    [practice] = [r for r in load_folder(tmp_path).records if r.type == "practice"]
    assert practice.homework == "2026-11-11-walks"


def test_checkin_asks_for_each_active_goal(tmp_path: Path) -> None:
    for slug, status in (("sleep", "active"), ("friends", "achieved"), ("work", "")):
        write(
            tmp_path,
            f"goals/2026-10-07-{slug}.md",
            f"---\ntype: goal\ntitle: Goal {slug}\nset: 2026-10-07\nstatus: {status}\n---\n",
        )
    from interim.commands.prompts import offers_from

    offers = offers_from(load_folder(tmp_path))
    assert [g for g, _ in offers.goals] == ["2026-10-07-sleep", "2026-10-07-work"]
    plan = scaffold.plan_new(tmp_path, "checkin", Settings(), builtin_types(), "2026-11-22")
    script = Script(["A walk", "", "", "What next?", "", "11", "4", ""])
    values = ask_record(plan.rtype, plan.values, script.console, offers)
    assert values["goals"] == {"2026-10-07-sleep": 4}
    assert values["questions"] == ["What next?"]
    text = scaffold.write_record(plan, values).read_text(encoding="utf-8")
    assert "goals:  #" in text and "\n  2026-10-07-sleep: 4\n" in text


# -- prompts that fit how people answer (issue 13) -----------------------------------------


def test_a_list_of_labels_splits_at_commas(tmp_path: Path) -> None:
    plan = scaffold.plan_new(tmp_path, "mood", Settings(), builtin_types(), "2026-11-20")
    script = Script(["4", "6", "sad, tired", "", "At home"])
    values = ask_record(plan.rtype, plan.values, script.console, Offers())
    assert values["emotions"] == ["sad", "tired"]
    assert any("an empty line ends the list" in line for line in script.shown)
    assert "  2 emotions: sad, tired" in script.shown
    assert values["situation"] == "At home"  # the empty line ended the list


def test_a_free_text_list_keeps_its_commas(tmp_path: Path) -> None:
    plan = scaffold.plan_new(tmp_path, "thought-record", Settings(), builtin_types(), "2026-11-20")
    answers = ["", "", "", "", "", "Late, and no reply", "", "", "", "", ""]
    values = ask_record(plan.rtype, plan.values, Script(answers).console, Offers())
    assert values["evidence_for"] == ["Late, and no reply"]


def test_an_emotion_entry_takes_one_name_at_a_time(tmp_path: Path) -> None:
    plan = scaffold.plan_new(tmp_path, "thought-record", Settings(), builtin_types(), "2026-11-20")
    answers = ["", "anxious, ashamed", "anxious", "70", "ashamed", "50", ""]
    answers += ["", "", "", "", "", "", "", "", "30", ""]
    script = Script(answers)
    values = ask_record(plan.rtype, plan.values, script.console, Offers())
    assert [e["name"] for e in values["emotions"]] == ["anxious", "ashamed"]
    assert values["emotions"][0]["after"] == 30 and "after" not in values["emotions"][1]
    assert any("One at a time" in line for line in script.shown)


def test_an_obvious_time_is_read_and_echoed_for_a_yes(tmp_path: Path) -> None:
    from interim.commands.prompts import obvious

    plan = scaffold.plan_new(tmp_path, "sleep", Settings(), builtin_types(), "2026-11-20")
    answers = ["7", "", "2330", "n", "23:40"] + [""] * 10
    script = Script(answers)
    values = ask_record(plan.rtype, plan.values, script.console, Offers())
    assert "  7 → 07:00? [Y/n] " in script.shown
    assert values["bedtime"] == dt.time(7, 0)
    assert "  2330 → 23:30? [Y/n] " in script.shown and values["lights_out"] == dt.time(23, 40)
    spec = builtin_types()["sleep"].fields
    assert obvious(spec["bedtime"], "7.30") == "07:30" and obvious(spec["bedtime"], "25") is None
    assert obvious(builtin_types()["activity"].fields["done"], "y") == "yes"
    assert obvious(builtin_types()["mood"].fields["mood"], "7/10") == "7"
    assert obvious(builtin_types()["mood"].fields["mood"], "7/5") is None


def test_a_refused_answer_says_how_in_words() -> None:
    spec = builtin_types()["sleep"].fields["bedtime"]
    _, problem = read_answer(spec, "half past", "bedtime")
    assert problem is not None and "Write the time, for example 23:30 or 11:30 pm" in problem
    assert 'bedtime: "' not in problem  # no file syntax in a prompt
    _, problem = read_answer(builtin_types()["mood"].fields["mood"], "good", "mood")
    assert problem is not None and problem.endswith("Type a number from 0 to 10")
