"""Record types: the built-in definitions, the field language a user writes in
`types/NAME.yaml`, and `interim types` (DESIGN §2.3, §3)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from conftest import Write

from interim.diagnostics import Diagnostic, Severity
from interim.load.yaml.events import load_yaml
from interim.types import builtin_types, load_types
from interim.types.language import NUMERIC, RecordType, parse_type

RunCli = Callable[..., Result]

URGE = (
    "name: urge\nversion: 2\ndescription: An urge log.\nfields:\n"
    "  strength:\n    kind: scale\n    min: 0\n    max: 10\n"
    "    anchors: {0: none, 10: strongest}\n    better: lower\n"
    "    description: How strong the urge was.\n"
    "  acted:\n    kind: boolean\n    required: true\n    description: Did you act on it?\n"
)
BUILT_IN = [
    "activity", "checkin", "eating", "experiment", "exposure", "goal", "homework", "mood",
    "note", "practice", "questionnaire", "reading", "review", "session", "sleep",
    "thought-record",
]  # fmt: skip


def parse(text: str, name: str = "urge") -> tuple[RecordType | None, list[Diagnostic]]:
    tree, errs = load_yaml(text, f"types/{name}.yaml")
    assert tree is not None, errs
    return parse_type(tree, f"types/{name}.yaml", name)


def where(diags: list[Diagnostic]) -> list[tuple[str, int, int]]:
    return [(d.code, d.line, d.col) for d in diags]


# -- built-in types ------------------------------------------------------------------------


def test_the_built_in_types_are_the_designed_ones() -> None:
    assert sorted(builtin_types()) == BUILT_IN


def test_every_built_in_field_has_a_description() -> None:
    for rtype in builtin_types().values():
        assert rtype.description, rtype.name
        for name, spec in rtype.fields.items():
            assert spec.description, f"{rtype.name}.{name}"
            for sub in spec.fields.values():
                assert sub.description, f"{rtype.name}.{name}.{sub.name}"


def test_every_built_in_scale_has_a_range_anchors_and_a_direction() -> None:
    for rtype in builtin_types().values():
        specs = [*rtype.fields.values()]
        specs += [sub for spec in rtype.fields.values() for sub in spec.fields.values()]
        specs += [spec.values for spec in rtype.fields.values() if spec.values is not None]
        for spec in specs:
            if spec.kind == "scale":
                label = f"{rtype.name}.{spec.name}"
                assert spec.min is not None and spec.max is not None, label
                assert set(spec.anchors) == {int(spec.min), int(spec.max)}, label
                assert spec.better in ("higher", "lower"), label


def test_mood_is_better_higher_and_anxiety_better_lower() -> None:
    mood = builtin_types()["mood"].fields
    assert (mood["mood"].better, mood["anxiety"].better) == ("higher", "lower")


def test_numeric_fields_combine_by_a_known_reducer() -> None:
    for rtype in builtin_types().values():
        for spec in rtype.fields.values():
            if spec.kind in NUMERIC:
                assert spec.reduce in ("mean", "max", "min", "last", "sum")


def test_goal_is_the_only_undated_type() -> None:
    assert [n for n, t in builtin_types().items() if not t.dated] == ["goal"]


def test_hint_shows_range_and_anchors() -> None:
    hint = builtin_types()["mood"].fields["mood"].hint()
    assert "0–10" in hint
    assert "0 worst" in hint
    assert "10 best" in hint


# -- the field language --------------------------------------------------------------------


def test_a_valid_user_type_is_read() -> None:
    rtype, diags = parse(URGE)
    assert diags == []
    assert rtype is not None
    assert (rtype.name, rtype.version, rtype.dated) == ("urge", 2, True)
    strength = rtype.fields["strength"]
    assert (strength.kind, strength.min, strength.max, strength.better) == ("scale", 0, 10, "lower")
    assert strength.anchors == {0: "none", 10: "strongest"}
    assert rtype.fields["acted"].required


def test_the_name_defaults_to_the_file_stem() -> None:
    rtype, _ = parse(URGE.replace("name: urge\n", ""), name="craving")
    assert rtype is not None
    assert rtype.name == "craving"


def test_unknown_kind_is_im910_with_did_you_mean() -> None:
    _, diags = parse("fields:\n  x:\n    kind: scael\n    description: d\n")
    [d] = diags
    assert (d.code, d.line, d.col) == ("IM910", 3, 11)
    assert "did you mean `scale`" in d.hint


def test_unknown_field_key_is_im910_with_did_you_mean() -> None:
    _, diags = parse("fields:\n  x:\n    kind: text\n    descripton: d\n")
    assert ("IM910", 4, 5) in where(diags)
    assert any("did you mean `description`" in d.hint for d in diags)


def test_unknown_type_key_is_im910() -> None:
    _, diags = parse("nmae: urge\nfields:\n  x:\n    kind: text\n    description: d\n")
    assert where(diags) == [("IM910", 1, 1)]


def test_field_without_description_is_im910() -> None:
    rtype, diags = parse("fields:\n  x:\n    kind: text\n")
    assert [d.code for d in diags] == ["IM910"]
    assert "description" in diags[0].message
    assert rtype is not None


def test_choice_without_choices_is_im910() -> None:
    _, diags = parse("fields:\n  x:\n    kind: choice\n    description: d\n")
    assert [d.code for d in diags] == ["IM910"]
    assert "choices" in diags[0].message


def test_type_without_fields_is_unusable() -> None:
    rtype, diags = parse("name: urge\ndescription: d\n")
    assert rtype is None
    assert where(diags) == [("IM910", 1, 1)]


def test_non_numeric_min_is_im910_at_the_value() -> None:
    _, diags = parse("fields:\n  x:\n    kind: scale\n    min: low\n    description: d\n")
    assert where(diags) == [("IM910", 4, 10)]


def test_version_must_be_a_whole_number() -> None:
    rtype, diags = parse("version: two\n" + URGE.replace("version: 2\n", ""))
    assert where(diags) == [("IM910", 1, 10)]
    assert rtype is not None
    assert rtype.version == 1


def test_bad_better_is_im910() -> None:
    _, diags = parse("fields:\n  x:\n    kind: scale\n    better: up\n    description: d\n")
    assert where(diags) == [("IM910", 4, 13)]


# -- folder types --------------------------------------------------------------------------


def test_folder_type_is_loaded_beside_the_built_ins(tmp_path: Path, write: Write) -> None:
    write(tmp_path, "types/urge.yaml", URGE)
    types, diags = load_types(tmp_path)
    assert diags == []
    assert set(types) == {*BUILT_IN, "urge"}
    assert types["urge"].source == "types/urge.yaml"


def test_broken_folder_type_is_im910_with_its_position(tmp_path: Path, write: Write) -> None:
    write(tmp_path, "types/broken.yaml", "fields:\n  x:\n    kind: scael\n    description: d\n")
    _, diags = load_types(tmp_path)
    assert [(d.path, d.code, d.line, d.col) for d in diags] == [
        ("types/broken.yaml", "IM910", 3, 11)
    ]


def test_folder_type_with_bad_yaml_is_reported(tmp_path: Path, write: Write) -> None:
    write(tmp_path, "types/bad.yaml", "fields: [\n")
    types, diags = load_types(tmp_path)
    assert [d.path for d in diags] == ["types/bad.yaml"]
    assert all(d.severity is Severity.ERROR for d in diags)
    assert "bad" not in types


def test_folder_type_named_like_a_built_in_is_im911(tmp_path: Path, write: Write) -> None:
    write(tmp_path, "types/mood.yaml", URGE.replace("name: urge", "name: mood"))
    types, diags = load_types(tmp_path)
    assert [(d.path, d.code, d.severity) for d in diags] == [
        ("types/mood.yaml", "IM911", Severity.WARNING)
    ]
    assert types["mood"].source == "types/mood.yaml"


def test_non_yaml_and_hidden_files_in_types_are_ignored(tmp_path: Path, write: Write) -> None:
    write(tmp_path, "types/README.md", "# my types\n")
    write(tmp_path, "types/.urge.yaml.swp", b"\x00\x01")
    types, diags = load_types(tmp_path)
    assert diags == []
    assert sorted(types) == BUILT_IN


def test_yml_extension_is_read(tmp_path: Path, write: Write) -> None:
    write(tmp_path, "types/urge.yml", URGE)
    assert "urge" in load_types(tmp_path)[0]


def test_a_user_type_validates_records(tmp_path: Path, write: Write, run_cli: RunCli) -> None:
    write(tmp_path, "types/urge.yaml", URGE)
    write(tmp_path, "u1.md", "---\ntype: urge\ndate: 2026-11-20\nstrength: 4\nacted: no\n---\n")
    write(tmp_path, "u2.md", "---\ntype: urge\ndate: 2026-11-20\nstrength: 14\n---\n")
    result = run_cli(["check", str(tmp_path)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("u2.md:1:1: error IM201")  # acted is required
    assert lines[1].startswith("u2.md:4:11: error IM205")
    assert lines[-1] == "2 errors, 0 warnings in 2 records (2 files: 2 read now, 0 from the cache)."


def test_check_reports_a_broken_folder_type(tmp_path: Path, write: Write, run_cli: RunCli) -> None:
    write(tmp_path, "types/broken.yaml", "fields:\n  x:\n    kind: scael\n    description: d\n")
    result = run_cli(["check", str(tmp_path)])
    assert result.exit_code == 1
    assert "types/broken.yaml:3:11: error IM910" in result.stdout


# -- `interim types` -----------------------------------------------------------------------


def test_types_lists_every_built_in_with_its_description(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli(["types", "--folder", str(tmp_path)])
    assert result.exit_code == 0
    for name, rtype in builtin_types().items():
        assert f"{name} " in result.stdout
        assert rtype.description in result.stdout


def test_types_describes_one_type(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli(["types", "sleep", "--folder", str(tmp_path)])
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("sleep (version 1):")
    assert "bedtime (time, required)" in out
    assert "quality (scale): " in out
    assert "1–5 (1 very poor, 5 very good)" in out


def test_types_of_an_unknown_type_exits_2(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli(["types", "nosuch", "--folder", str(tmp_path)])
    assert result.exit_code == 2
    assert "nosuch" in result.stderr


def test_types_lists_a_folder_type_with_its_source(
    run_cli: RunCli, tmp_path: Path, write: Write
) -> None:
    write(tmp_path, "types/urge.yaml", URGE)
    result = run_cli(["types", "--folder", str(tmp_path)])
    assert result.exit_code == 0
    [line] = [x for x in result.stdout.splitlines() if x.startswith("urge ")]
    assert "An urge log." in line
    assert "types/urge.yaml" in line
    described = run_cli(["types", "urge", "--folder", str(tmp_path)])
    assert "strength (scale): How strong the urge was. [0–10 (0 none, 10 strongest)]" in (
        described.stdout
    )


def test_types_reports_broken_folder_types_on_stderr(
    run_cli: RunCli, tmp_path: Path, write: Write
) -> None:
    write(tmp_path, "types/broken.yaml", "fields:\n  x:\n    kind: scael\n    description: d\n")
    result = run_cli(["types", "--folder", str(tmp_path)])
    assert result.exit_code == 0
    assert "types/broken.yaml:3:11: error IM910" in result.stderr


def test_types_uses_interim_folder_by_default(
    run_cli: RunCli, tmp_path: Path, write: Write
) -> None:
    write(tmp_path, "types/urge.yaml", URGE)
    result = run_cli(["types", "urge"], env={"INTERIM_FOLDER": str(tmp_path)})
    assert result.exit_code == 0
    assert result.stdout.startswith("urge (version 2)")


@pytest.mark.parametrize("name", BUILT_IN)
def test_every_built_in_type_can_be_described(name: str, run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli(["types", name, "--folder", str(tmp_path)])
    assert result.exit_code == 0
    for field in builtin_types()[name].fields:
        assert f"  {field} (" in result.stdout


# -- optional fields (issue 13) -------------------------------------------------------------


def test_optional_is_read_and_conflicts_with_required() -> None:
    rtype, diags = parse(
        URGE.replace("    better: lower\n", "    better: lower\n    optional: true\n")
    )
    assert not diags and rtype is not None
    assert rtype.fields["strength"].optional and not rtype.fields["acted"].optional
    both = URGE.replace("    required: true\n", "    required: true\n    optional: true\n")
    rtype, diags = parse(both)
    assert [d.code for d in diags] == ["IM910"]
    assert "both `required` and `optional`" in diags[0].message
    assert rtype is not None and not rtype.fields["acted"].optional  # required wins


def test_the_sleep_diary_optional_fields() -> None:
    sleep = builtin_types()["sleep"]
    optional = [n for n, s in sleep.fields.items() if s.optional]
    assert optional == ["naps_minutes", "caffeine", "alcohol", "medication"]
    # Everything the sleep arithmetic (TIB, TST, SE) needs stays needed.
    for name in ("bedtime", "lights_out", "minutes_to_sleep", "minutes_awake", "final_wake"):
        assert not sleep.fields[name].optional


def test_a_folder_type_without_the_key_warns_as_before(
    tmp_path: Path, write: Write, run_cli: RunCli
) -> None:
    write(tmp_path, "types/urge.yaml", URGE)
    write(tmp_path, "u.md", "---\ntype: urge\ndate: 2026-11-20\nstrength:\nacted: true\n---\n")
    result = run_cli(["check", str(tmp_path)])
    assert "warning IM202 `strength` is not filled in yet" in result.output
    optional = URGE.replace("    better: lower\n", "    better: lower\n    optional: true\n")
    write(tmp_path, "types/urge.yaml", optional)
    result = run_cli(["check", str(tmp_path)])
    assert "IM202" not in result.output, result.output


def test_types_and_the_scaffold_say_which_fields_are_optional(
    run_cli: RunCli, tmp_path: Path
) -> None:
    out = run_cli(["types", "sleep", "--folder", str(tmp_path)]).output
    assert "caffeine (integer, optional)" in out and "bedtime (time, required)" in out
    assert "lights_out (time):" in out  # neither: best filled in
    made = run_cli(
        ["new", "sleep", "--folder", str(tmp_path), "--no-input", "--date", "2026-11-20"]
    )
    text = Path(made.output.strip()).read_text(encoding="utf-8")
    assert "caffeine:  # Caffeinated drinks the day before. [0–50] (optional)" in text
    assert "bedtime:  # What time you got into bed.\n" in text
