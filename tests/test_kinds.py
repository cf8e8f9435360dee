"""interim.types.kinds: every value is read by its field's kind, never by YAML 1.1's
guesses (DESIGN §2.2). Times, yes/no, numbers with leading zeros, dates, choices,
frequencies, track rules and instrument names."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from conftest import Checked

from interim.load.yaml.events import load_yaml
from interim.load.yaml.tree import Scalar
from interim.types.kinds import Context, convert, instrument_key, is_missing, normalise
from interim.types.language import FieldSpec

CheckText = Callable[..., Checked]


def sleep(bedtime: str, out_of_bed: str = "06:45") -> str:
    return (
        f"---\ntype: sleep\ndate: 2026-11-20\nbedtime: {bedtime}\nout_of_bed: {out_of_bed}\n---\n"
    )


def read(kind: str, text: str, **spec: Any) -> tuple[Any, list[str]]:
    """Read `value: <text>` as a field of `kind`; (value or None when invalid, codes)."""
    tree, errs = load_yaml(f"value: {text}\n", "x.md")
    assert tree is not None, errs
    ctx = Context("x.md", frozenset({"sleep", "practice", "mood"}), frozenset({"phq9", "gad7"}))
    value = convert(FieldSpec("value", kind, "d", **spec), tree.entries["value"].value, ctx, "v")
    return (None if is_missing(value) else value), [d.code for d in ctx.diagnostics]


# -- times ---------------------------------------------------------------------------------


def test_unquoted_bedtime_2330_is_a_time_not_sexagesimal(check_text: CheckText) -> None:
    result = check_text(sleep("23:30"))
    assert result.fields["bedtime"] == dt.time(23, 30)
    assert result.diagnostics == []


def test_unquoted_final_wake_0645_is_a_time(check_text: CheckText) -> None:
    result = check_text(
        "---\ntype: sleep\ndate: 2026-11-20\nbedtime: 23:30\nfinal_wake: 06:45\n"
        "out_of_bed: 07:00\n---\n"
    )
    assert result.fields["final_wake"] == dt.time(6, 45)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("07:05", dt.time(7, 5)),
        ("7:05", dt.time(7, 5)),
        ('"23:30"', dt.time(23, 30)),
        ("'23:30'", dt.time(23, 30)),
        ("11:30 pm", dt.time(23, 30)),
        ("11:30 PM", dt.time(23, 30)),
        ("12:15 am", dt.time(0, 15)),
        ("12:00 pm", dt.time(12, 0)),
        ("00:00", dt.time(0, 0)),
        ("23:59", dt.time(23, 59)),
    ],
)
def test_time_forms_are_read(written: str, expected: dt.time) -> None:
    assert read("time", written) == (expected, [])


@pytest.mark.parametrize("written", ["24:00", "25:10", "13:00 pm", "0:30 am", "07:60", "7", "noon"])
def test_impossible_or_malformed_times_are_im207(written: str) -> None:
    assert read("time", written) == (None, ["IM207"])


@pytest.mark.parametrize("written", ["24:00", "25:10", "13:00 pm"])
def test_bad_bedtime_is_im207_at_the_value(written: str, check_text: CheckText) -> None:
    result = check_text(sleep(written))
    assert result.where("IM207") == (4, 10)
    assert "bedtime" not in result.fields


def test_im207_message_says_how_to_fix(check_text: CheckText) -> None:
    d = check_text(sleep("25:10")).only("IM207")
    assert "25:10" in d.message
    assert d.hint


# -- booleans ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "expected"),
    [("true", True), ("false", False), ("yes", True), ("no", False), ("True", True), ("NO", False)],
)
def test_boolean_field_accepts_true_false_yes_no(written: str, expected: bool) -> None:
    assert read("boolean", written) == (expected, [])


@pytest.mark.parametrize("written", ["on", "off", "y", "n", "1", "0", "maybe"])
def test_boolean_field_refuses_yaml11_spellings_im209(written: str) -> None:
    assert read("boolean", written) == (None, ["IM209"])


def test_no_in_a_text_field_stays_the_word_no(check_text: CheckText) -> None:
    result = check_text("---\ntype: mood\ndate: 2026-11-20\nsituation: no\n---\n")
    assert result.fields["situation"] == "no"


def test_yes_and_no_in_a_list_of_text_stay_words(check_text: CheckText) -> None:
    result = check_text("---\ntype: mood\ndate: 2026-11-20\nemotions: [no, yes, off]\n---\n")
    assert result.fields["emotions"] == ["no", "yes", "off"]


def test_yes_no_fields_of_activity_are_booleans(check_text: CheckText) -> None:
    result = check_text(
        "---\ntype: activity\ndate: 2026-11-20\nactivity: walk\nplanned: yes\ndone: no\n---\n"
    )
    assert (result.fields["planned"], result.fields["done"]) == (True, False)


def test_private_yes_makes_the_record_private(check_text: CheckText) -> None:
    result = check_text("---\ntype: mood\ndate: 2026-11-20\nprivate: yes\n---\n")
    assert result.record is not None
    assert result.record.private is True


def test_true_in_a_text_field_stays_text(check_text: CheckText) -> None:
    result = check_text("---\ntype: note\ndate: 2026-11-20\ntitle: true\n---\n")
    assert result.fields["title"] == "true"


def test_yes_in_a_yes_no_partly_choice_is_the_choice_yes(check_text: CheckText) -> None:
    result = check_text("---\ntype: experiment\ndate: 2026-11-20\nprediction_came_true: No\n---\n")
    assert result.fields["prediction_came_true"] == "no"


# -- numbers -------------------------------------------------------------------------------


def test_045_in_a_numeric_field_is_45_not_octal() -> None:
    assert read("integer", "045") == (45, [])


def test_08_in_a_scale_is_8(check_text: CheckText) -> None:
    result = check_text("---\ntype: mood\ndate: 2026-11-20\nmood: 08\n---\n")
    assert result.fields["mood"] == 8


def test_045_in_a_text_field_keeps_its_zero(check_text: CheckText) -> None:
    result = check_text("---\ntype: mood\ndate: 2026-11-20\nsituation: 045\n---\n")
    assert result.fields["situation"] == "045"


def test_045_in_a_scale_0_to_10_is_out_of_range_as_45(check_text: CheckText) -> None:
    d = check_text("---\ntype: mood\ndate: 2026-11-20\nmood: 045\n---\n").only("IM205")
    assert (d.line, d.col) == (4, 7)


@pytest.mark.parametrize(("written", "expected"), [("7.5", 7.5), ("7", 7), ("-2", -2), (".5", 0.5)])
def test_number_field_reads_decimals(written: str, expected: float) -> None:
    assert read("number", written) == (expected, [])


@pytest.mark.parametrize("written", ["0x1F", "1e3", "1_000", "seven", "7,5", "inf", ".nan"])
def test_integer_field_refuses_yaml11_number_forms_im204(written: str) -> None:
    assert read("integer", written) == (None, ["IM204"])


def test_whole_decimal_in_an_integer_field_is_accepted() -> None:
    assert read("integer", "4.0") == (4, [])


def test_integer_out_of_range_is_im205() -> None:
    assert read("scale", "11", min=0, max=10) == (None, ["IM205"])


def test_minutes_are_never_negative() -> None:
    assert read("minutes", "-5") == (None, ["IM205"])


def test_list_in_a_numeric_field_is_im204() -> None:
    assert read("integer", "[1, 2]") == (None, ["IM204"])


# -- dates ---------------------------------------------------------------------------------


def test_iso_date_is_read() -> None:
    assert read("date", "2026-11-20") == (dt.date(2026, 11, 20), [])


@pytest.mark.parametrize("written", ["2026-02-30", "2026-13-01", "2025-02-29"])
def test_impossible_date_is_im206(written: str) -> None:
    assert read("date", written) == (None, ["IM206"])


@pytest.mark.parametrize("written", ["20/11/2026", "Nov 20", "2026-11", "tomorrow"])
def test_malformed_date_is_im206(written: str) -> None:
    assert read("date", written) == (None, ["IM206"])


def test_feb_30_in_a_record_is_im206_at_the_value(check_text: CheckText) -> None:
    result = check_text("---\ntype: mood\ndate: 2026-02-30\n---\n")
    d = result.only("IM206")
    assert (d.line, d.col) == (3, 7)
    assert "2026-02-30" in d.message
    assert result.record is not None
    assert result.record.date is None


# -- choices -------------------------------------------------------------------------------


@pytest.mark.parametrize("written", ["in-progress", "IN PROGRESS", "in_progress", "In-Progress"])
def test_choice_matches_case_and_separator_insensitively(written: str) -> None:
    choices = ("not-started", "in-progress", "done")
    assert read("choice", written, choices=choices) == ("in-progress", [])


def test_session_status_held_capitalised_is_held(check_text: CheckText) -> None:
    result = check_text("---\ntype: session\ndate: 2026-11-20\nstatus: Held\n---\n")
    assert result.fields["status"] == "held"


def test_unknown_choice_is_im208_with_did_you_mean(check_text: CheckText) -> None:
    d = check_text("---\ntype: session\ndate: 2026-11-20\nstatus: hled\n---\n").only("IM208")
    assert (d.line, d.col) == (4, 9)
    assert "did you mean `held`" in d.hint


def test_open_choice_warns_im217_and_keeps_the_value(check_text: CheckText) -> None:
    result = check_text(
        "---\ntype: thought-record\ndate: 2026-11-20\n"
        "thinking_traps: [Mind Reading, labelling, doom-thinking]\n---\n"
    )
    assert result.fields["thinking_traps"] == ["mind-reading", "labeling", "doom-thinking"]
    assert result.codes == ["IM217"]


def test_normalise_folds_case_separators_and_british_spelling() -> None:
    assert normalise("  Over_Generalisation ") == normalise("over-generalization")
    assert normalise("Labelling") == "labeling"


# -- frequency -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("3/week", "3/week"),
        ("3 per week", "3/week"),
        ("2x/day", "2/day"),
        ("3 times a week", "3/week"),
        ("daily", "daily"),
        ("Daily", "daily"),
        ("weekdays", "weekdays"),
        ("once", "once"),
    ],
)
def test_frequency_forms_are_read(written: str, expected: str) -> None:
    assert read("frequency", written) == (expected, [])


@pytest.mark.parametrize("written", ["sometimes", "0/week", "3/month", "often", "-1/day"])
def test_uncountable_frequencies_are_im216(written: str) -> None:
    assert read("frequency", written) == (None, ["IM216"])


def test_bad_frequency_in_homework_is_im216_at_the_value(check_text: CheckText) -> None:
    result = check_text(
        "---\ntype: homework\ndate: 2026-11-20\ntitle: t\nfrequency: sometimes\n---\n"
    )
    assert result.where("IM216") == (5, 12)


# -- track ---------------------------------------------------------------------------------


def test_track_by_type_name() -> None:
    assert read("track", "sleep") == ({"type": "sleep"}, [])


def test_track_type_name_is_case_insensitive_like_type() -> None:
    assert read("track", "Sleep") == ({"type": "sleep"}, [])


def test_track_mapping_with_tag_and_skill() -> None:
    value = read("track", "{type: practice, tag: worry, skill: worry time}")
    assert value == ({"type": "practice", "tag": "worry", "skill": "worry time"}, [])


@pytest.mark.parametrize(
    "written", ["nosuch", "{type: nosuch}", "{tag: x}", "{type: mood, colour: red}", "[sleep]"]
)
def test_bad_track_is_im218(written: str) -> None:
    assert read("track", written) == (None, ["IM218"])


def test_unknown_track_type_suggests_the_closest(check_text: CheckText) -> None:
    result = check_text(
        "---\ntype: homework\ndate: 2026-11-20\ntitle: t\nfrequency: daily\ntrack: sleeep\n---\n"
    )
    d = result.only("IM218")
    assert (d.line, d.col) == (6, 8)
    assert "`sleep`" in d.hint


def test_unknown_type_inside_a_track_mapping_points_at_the_type_value(
    check_text: CheckText,
) -> None:
    result = check_text(
        "---\ntype: homework\ndate: 2026-11-20\ntitle: t\nfrequency: daily\n"
        "track: {type: nosuch, tag: x}\n---\n"
    )
    assert result.where("IM218") == (6, 15)


# -- instruments ---------------------------------------------------------------------------


@pytest.mark.parametrize("written", ["PHQ-9", "phq9", "Phq 9", "phq_9"])
def test_instrument_names_match_case_and_punctuation_insensitively(written: str) -> None:
    assert read("instrument", written) == ("phq9", [])


def test_instrument_key() -> None:
    assert instrument_key("GAD-7") == instrument_key("gad 7") == "gad7"


def test_unknown_instrument_is_im215_with_did_you_mean(check_text: CheckText) -> None:
    result = check_text(
        "---\ntype: questionnaire\ndate: 2026-11-20\ninstrument: PHQ-8\nitems: [0]\n---\n"
    )
    d = result.only("IM215")
    assert (d.line, d.col) == (4, 13)
    assert "did you mean `phq9`" in d.hint


# -- lists, mappings, record lists ---------------------------------------------------------


def test_a_single_value_in_a_list_field_is_a_one_item_list() -> None:
    assert read("list", "tired") == (["tired"], [])


def test_a_mapping_in_a_list_field_is_im204() -> None:
    assert read("list", "{a: 1}") == (None, ["IM204"])


def test_record_list_row_with_unknown_key_is_im203_at_the_key(check_text: CheckText) -> None:
    result = check_text(
        "---\ntype: thought-record\ndate: 2026-11-20\nemotions:\n"
        "  - name: sad\n    befor: 70\n---\n"
    )
    d = result.only("IM203")
    assert (d.line, d.col) == (6, 5)
    assert "did you mean `before`" in d.hint


def test_record_list_row_missing_a_required_key_is_im201(check_text: CheckText) -> None:
    result = check_text(
        "---\ntype: thought-record\ndate: 2026-11-20\nemotions:\n  - before: 70\n---\n"
    )
    assert result.where("IM201") == (5, 5)


def test_record_list_value_out_of_range_is_im205_at_the_value(check_text: CheckText) -> None:
    result = check_text(
        "---\ntype: thought-record\ndate: 2026-11-20\nemotions: [{name: sad, before: 170}]\n---\n"
    )
    assert result.where("IM205") == (4, 32)


def test_mapping_values_are_read_by_their_kind(check_text: CheckText) -> None:
    result = check_text(
        "---\ntype: checkin\ndate: 2026-11-20\ngoals:\n  sleep-better: 04\n  speak-up:\n---\n"
    )
    assert result.fields["goals"] == {"sleep-better": 4, "speak-up": None}


def test_scalar_positions_are_those_of_the_value() -> None:
    tree, _ = load_yaml("a:   x\n", "x.md")
    assert tree is not None
    node = tree.entries["a"].value
    assert isinstance(node, Scalar)
    assert (node.line, node.col) == (1, 6)
