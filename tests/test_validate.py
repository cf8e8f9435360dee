"""interim.check.validate and interim.domain.sleep: every problem at the line and column of
the offending key or value, checks across the fields of one record, and across records
(DESIGN §2.2, §2.3)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Checked, Write

from interim.diagnostics import Severity
from interim.domain.sleep import MAX_TIB, night
from interim.folder import load_folder

CheckText = Callable[..., Checked]
T = dt.time


def mood(*lines: str) -> str:
    return "---\ntype: mood\ndate: 2026-11-20\n" + "".join(f"{line}\n" for line in lines) + "---\n"


def phq9(items: str, *extra: str) -> str:
    more = "".join(f"{line}\n" for line in extra)
    return (
        f"---\ntype: questionnaire\ndate: 2026-11-20\ninstrument: phq9\nitems: {items}\n{more}---\n"
    )


# -- one record: missing, empty, unknown ---------------------------------------------------


def test_a_valid_record_has_no_diagnostics(check_text: CheckText) -> None:
    result = check_text(mood("time: 21:30", "mood: 4", "anxiety: 7", "emotions: [sad, tired]"))
    assert result.diagnostics == []
    assert result.record is not None
    assert result.record.type == "mood"
    assert result.record.date == dt.date(2026, 11, 20)
    assert result.record.time == T(21, 30)
    assert result.fields == {"mood": 4, "anxiety": 7, "emotions": ["sad", "tired"]}


def test_missing_type_is_im201_at_line_1_col_1(check_text: CheckText) -> None:
    result = check_text("---\ndate: 2026-11-20\n---\n")
    assert result.where("IM201") == (1, 1)
    assert result.record is None


def test_missing_required_date_is_im201_at_line_1_col_1(check_text: CheckText) -> None:
    result = check_text("---\ntype: mood\nmood: 4\n---\n")
    d = result.only("IM201")
    assert (d.line, d.col) == (1, 1)
    assert "date" in d.message


def test_missing_required_field_of_the_type_is_im201(check_text: CheckText) -> None:
    d = check_text("---\ntype: homework\ndate: 2026-11-20\ntitle: t\n---\n").only("IM201")
    assert "frequency" in d.message
    assert (d.line, d.col) == (1, 1)


def test_goal_needs_no_date_but_needs_set(check_text: CheckText) -> None:
    result = check_text("---\ntype: goal\ntitle: Sleep better\n---\n")
    d = result.only("IM201")
    assert "set" in d.message


def test_unknown_type_is_im200_with_did_you_mean(check_text: CheckText) -> None:
    d = check_text("---\ntype: mod\ndate: 2026-11-20\n---\n").only("IM200")
    assert (d.line, d.col) == (2, 7)
    assert "`mood`" in d.hint


def test_type_is_case_insensitive(check_text: CheckText) -> None:
    result = check_text("---\ntype: Mood\ndate: 2026-11-20\n---\n")
    assert result.record is not None
    assert result.record.type == "mood"


def test_empty_value_is_im202_warning_and_none_never_zero(check_text: CheckText) -> None:
    result = check_text(mood("mood:", "anxiety: 3"))
    d = result.only("IM202")
    assert (d.line, d.col, d.severity) == (4, 6, Severity.WARNING)
    assert result.fields["mood"] is None
    assert result.fields["anxiety"] == 3


@pytest.mark.parametrize("empty", ["~", "null", '""', "''"])
def test_every_spelling_of_empty_is_im202_and_none(empty: str, check_text: CheckText) -> None:
    result = check_text(mood(f"anxiety: {empty}"))
    assert result.codes == ["IM202"]
    assert result.fields["anxiety"] is None


def test_empty_text_field_is_im202(check_text: CheckText) -> None:
    result = check_text("---\ntype: goal\ntitle: ''\nset: 2026-11-20\n---\n")
    assert result.codes == ["IM202"]
    assert result.fields["title"] is None


def test_empty_optional_field_is_fine_and_silent(check_text: CheckText) -> None:
    """Issue 13: `optional: true` in the type (a mood's situation) — empty says nothing."""
    for empty in ("situation: ''", "situation:", "situation: ~"):
        result = check_text(mood(empty))
        assert result.codes == []
        assert result.fields["situation"] is None


SLEEP = (
    "---\ntype: sleep\ndate: 2026-11-20\n{bedtime}lights_out: 23:40\nminutes_to_sleep: 20\n"
    "awakenings: 1\nminutes_awake: 10\nfinal_wake: 06:30\nout_of_bed: 07:00\nquality: 3\n"
    "naps_minutes:\ncaffeine:\nalcohol:\nmedication:\n---\n"
)


def test_a_sleep_entry_with_its_optional_fields_empty_gives_no_warning(
    check_text: CheckText,
) -> None:
    assert check_text(SLEEP.format(bedtime="bedtime: 23:15\n")).codes == []


def test_a_sleep_entry_without_its_bedtime_does(check_text: CheckText) -> None:
    assert check_text(SLEEP.format(bedtime="bedtime:\n")).codes == ["IM202"]  # empty
    assert check_text(SLEEP.format(bedtime="")).codes == ["IM201"]  # missing: an error


def test_empty_required_field_is_a_warning_not_an_error(check_text: CheckText) -> None:
    result = check_text("---\ntype: homework\ndate: 2026-11-20\ntitle:\nfrequency: daily\n---\n")
    assert result.codes == ["IM202"]


def test_empty_field_hint_shows_the_range_and_anchors(check_text: CheckText) -> None:
    d = check_text(mood("mood:")).only("IM202")
    assert "0–10" in d.hint
    assert "best" in d.hint


def test_unknown_field_is_im203_warning_with_did_you_mean(check_text: CheckText) -> None:
    result = check_text(mood("mod: 4"))
    d = result.only("IM203")
    assert (d.line, d.col, d.severity) == (4, 1, Severity.WARNING)
    assert "did you mean `mood`" in d.hint
    assert "mod" not in result.fields


def test_unknown_field_without_a_close_name_points_to_interim_types(check_text: CheckText) -> None:
    d = check_text(mood("zzzzzz: 4")).only("IM203")
    assert "interim types mood" in d.hint


def test_wrong_kind_is_im204_at_the_value(check_text: CheckText) -> None:
    result = check_text(mood("mood: [4, 5]"))
    assert result.where("IM204") == (4, 7)


def test_value_position_is_exact_after_a_multibyte_character(check_text: CheckText) -> None:
    result = check_text("---\ntype: mood\ndate: 2026-11-20\nemotions: [é, 😀, 7]\n---\n")
    assert result.diagnostics == []
    result = check_text("---\ntype: mood\ndate: 2026-11-20\nsituation: é😀\tx\nmood: é\n---\n")
    assert result.where("IM204") == (5, 7)


def test_value_position_after_an_emoji_on_the_same_line(check_text: CheckText) -> None:
    result = check_text("---\ntype: checkin\ndate: 2026-11-20\ngoals: {😀é: 4, b: 11}\n---\n")
    assert result.where("IM205") == (4, 19)


def test_positions_are_the_same_with_crlf_and_bom(check_text: CheckText) -> None:
    text = mood("mood: 11", "mod: 1")
    lf = check_text(text)
    crlf = check_text(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    assert [(d.code, d.line, d.col) for d in lf.diagnostics] == [
        ("IM205", 4, 7),
        ("IM203", 5, 1),
    ]
    assert [(d.code, d.line, d.col) for d in crlf.diagnostics] == [
        (d.code, d.line, d.col) for d in lf.diagnostics
    ]


def test_id_defaults_to_the_file_stem(check_text: CheckText) -> None:
    result = check_text(mood(), path="records/2026-11-20-mood.md")
    assert result.record is not None
    assert result.record.id == "2026-11-20-mood"


def test_id_with_a_slash_is_im221_at_the_value(check_text: CheckText) -> None:
    assert check_text(mood("id: a/b")).where("IM221") == (4, 5)


# -- sleep arithmetic (interim.domain.sleep.night) ------------------------------------------------


def full_night(**overrides: object) -> dict[str, object]:
    fields: dict[str, object] = {
        "bedtime": T(23, 30),
        "lights_out": T(23, 45),
        "minutes_to_sleep": 20,
        "minutes_awake": 30,
        "final_wake": T(6, 30),
        "out_of_bed": T(6, 50),
    }
    fields.update(overrides)
    return fields


def test_night_hand_worked_tib_tst_se() -> None:
    # TIB 23:30→06:50 = 440; TST = (23:45→06:30 = 405) − 20 − 30 = 355; SE = 355/440.
    n = night(full_night())
    assert (n.tib, n.tst, n.se) == (440, 355, 80.7)
    assert n.complete
    assert n.missing == ()


def test_night_with_bedtime_after_midnight() -> None:
    # TIB 00:40→07:20 = 400; TST = (00:50→07:00 = 370) − 10 − 0 = 360; SE = 90.0.
    n = night(
        full_night(
            bedtime=T(0, 40),
            lights_out=T(0, 50),
            minutes_to_sleep=10,
            minutes_awake=0,
            final_wake=T(7, 0),
            out_of_bed=T(7, 20),
        )
    )
    assert (n.tib, n.tst, n.se) == (400, 360, 90.0)


def test_partial_night_keeps_tib_and_has_no_se() -> None:
    fields = full_night()
    del fields["minutes_awake"]
    n = night(fields)
    assert n.tib == 440
    assert (n.tst, n.se) == (None, None)
    assert n.missing == ("minutes_awake",)
    assert not n.complete


def test_empty_field_counts_as_missing_not_zero() -> None:
    n = night(full_night(minutes_awake=None))
    assert n.se is None
    assert n.missing == ("minutes_awake",)


def test_night_over_16_hours_in_bed_is_too_long_and_not_computed() -> None:
    n = night(full_night(bedtime=T(8, 0), lights_out=None, final_wake=None, out_of_bed=T(7, 0)))
    assert n.too_long
    assert (n.tib, n.tst, n.se) == (None, None, None)


def test_times_out_of_order_make_an_impossibly_long_night() -> None:
    n = night(full_night(out_of_bed=T(6, 20)))  # up before the final wake
    assert n.too_long


def test_exactly_16_hours_in_bed_is_not_too_long() -> None:
    n = night(full_night(bedtime=T(20, 0), lights_out=None, final_wake=None, out_of_bed=T(12, 0)))
    assert n.tib == MAX_TIB
    assert not n.too_long


def test_minutes_exceeding_the_night_are_flagged_not_negative() -> None:
    # 23:45→01:00 is 75 minutes; 20 to fall asleep + 90 awake do not fit.
    n = night(full_night(minutes_awake=90, final_wake=T(1, 0), out_of_bed=T(1, 10)))
    assert n.exceeds
    assert n.tst is None


def sleep_record(**fields: str) -> str:
    body = "".join(f"{k}: {v}\n" for k, v in fields.items())
    return f"---\ntype: sleep\ndate: 2026-11-20\n{body}---\n"


def test_sleep_record_2330_to_0650_is_7h20m(check_text: CheckText) -> None:
    result = check_text(sleep_record(bedtime="23:30", out_of_bed="06:50"))
    assert result.diagnostics == []
    assert night(result.fields).tib == 7 * 60 + 20


def test_sleep_record_over_16_hours_is_im210_warning_at_out_of_bed(check_text: CheckText) -> None:
    result = check_text(sleep_record(bedtime="08:00", out_of_bed="07:00"))
    d = result.only("IM210")
    assert (d.line, d.col, d.severity) == (5, 13, Severity.WARNING)


def test_sleep_minutes_exceeding_the_night_is_im211_at_minutes_awake(
    check_text: CheckText,
) -> None:
    result = check_text(
        sleep_record(
            bedtime="23:00",
            lights_out="23:00",
            minutes_to_sleep="60",
            minutes_awake="90",
            final_wake="01:00",
            out_of_bed="01:10",
        )
    )
    d = result.only("IM211")
    assert (d.line, d.col) == (7, 16)
    assert "150" in d.message  # 60 + 90 minutes, against 120 from lights out to waking


# -- homework ------------------------------------------------------------------------------


def test_homework_due_before_assigned_is_im212_at_due(check_text: CheckText) -> None:
    result = check_text(
        "---\ntype: homework\ndate: 2026-11-18\ntitle: t\nfrequency: daily\n"
        "assigned: 2026-11-18\ndue: 2026-11-17\n---\n"
    )
    assert result.where("IM212") == (7, 6)


def test_homework_due_before_its_date_when_not_assigned_is_im212(check_text: CheckText) -> None:
    result = check_text(
        "---\ntype: homework\ndate: 2026-11-18\ntitle: t\nfrequency: daily\ndue: 2026-11-01\n---\n"
    )
    assert result.codes == ["IM212"]


def test_homework_due_on_the_day_assigned_is_fine(check_text: CheckText) -> None:
    result = check_text(
        "---\ntype: homework\ndate: 2026-11-18\ntitle: t\nfrequency: once\ndue: 2026-11-18\n---\n"
    )
    assert result.diagnostics == []


# -- questionnaires ------------------------------------------------------------------------


def test_complete_phq9_with_right_total_is_clean(check_text: CheckText) -> None:
    assert check_text(phq9("[1, 1, 1, 1, 1, 1, 1, 1, 0]", "total: 8")).diagnostics == []


def test_total_not_the_sum_is_im213_at_total(check_text: CheckText) -> None:
    result = check_text(phq9("[1, 1, 1, 1, 1, 1, 1, 1, 0]", "total: 9"))
    d = result.only("IM213")
    assert (d.line, d.col) == (6, 8)
    assert "8" in d.message


def test_wrong_item_count_is_im214_at_items(check_text: CheckText) -> None:
    result = check_text(phq9("[1, 1, 1, 1, 1, 1, 1, 1]"))
    d = result.only("IM214")
    assert (d.line, d.col) == (5, 8)
    assert "9" in d.message
    assert "8" in d.message


def test_item_out_of_range_in_a_flow_list_is_im205_at_the_item(check_text: CheckText) -> None:
    result = check_text(phq9("[1, 1, 1, 4, 1, 1, 1, 1, 0]"))
    d = result.only("IM205")
    assert (d.line, d.col) == (5, 18)
    assert "item 4" in d.message


def test_item_out_of_range_in_a_block_list_is_im205_at_the_item(check_text: CheckText) -> None:
    items = "\n" + "".join(f"  - {v}\n" for v in [0, 0, 5, 0, 0, 0, 0, 0, 0]).rstrip("\n")
    result = check_text(phq9(items))
    assert result.where("IM205") == (8, 5)


def test_negative_item_is_im205(check_text: CheckText) -> None:
    assert check_text(phq9("[-1, 0, 0, 0, 0, 0, 0, 0, 0]")).codes == ["IM205"]


def test_unanswered_item_is_im219_and_no_total_check(check_text: CheckText) -> None:
    result = check_text(phq9("[null, 1, 1, 1, 1, 1, 1, 1, 0]", "total: 99"))
    assert result.codes == ["IM219"]
    assert "1" in result.only("IM219").message


def test_phq9_spelled_differently_is_the_same_instrument(check_text: CheckText) -> None:
    for name in ("PHQ-9", "phq9", "Phq 9"):
        text = phq9("[0, 0, 0, 0, 0, 0, 0, 0, 0]").replace("phq9", name)
        result = check_text(text)
        assert result.diagnostics == []
        assert result.fields["instrument"] == "phq9"


def test_gad7_has_seven_items(check_text: CheckText) -> None:
    text = phq9("[0, 0, 0, 0, 0, 0, 0, 0, 0]").replace("phq9", "GAD-7")
    assert check_text(text).codes == ["IM214"]


def test_phq9_item_9_above_0_is_im220_info(check_text: CheckText) -> None:
    result = check_text(phq9("[0, 0, 0, 0, 0, 0, 0, 0, 1]"))
    d = result.only("IM220")
    assert d.severity is Severity.INFO
    assert (d.line, d.col) == (5, 8)
    assert result.record is not None


def test_phq9_item_9_unanswered_is_im220_not_answered(check_text: CheckText) -> None:
    result = check_text(phq9("[0, 0, 0, 0, 0, 0, 0, 0, null]"))
    assert sorted(result.codes) == ["IM219", "IM220"]
    assert "not answered" in result.only("IM220").message


def test_phq9_item_9_zero_has_no_safety_notice(check_text: CheckText) -> None:
    assert "IM220" not in check_text(phq9("[3, 3, 3, 3, 3, 3, 3, 3, 0]")).codes


def test_safety_notice_survives_a_wrong_total(check_text: CheckText) -> None:
    result = check_text(phq9("[0, 0, 0, 0, 0, 0, 0, 0, 2]", "total: 0"))
    assert sorted(result.codes) == ["IM213", "IM220"]


def test_gad7_never_raises_the_safety_notice(check_text: CheckText) -> None:
    text = phq9("[3, 3, 3, 3, 3, 3, 3]").replace("phq9", "gad7")
    assert check_text(text).diagnostics == []


# -- across records ------------------------------------------------------------------------


def folder_codes(root: Path) -> list[tuple[str, str, int, int]]:
    found = load_folder(root)
    return [(d.code, d.path, d.line, d.col) for d in found.diagnostics]


def test_duplicate_id_is_im301_on_the_second_file(tmp_path: Path, write: Write) -> None:
    write(tmp_path, "a/x.md", "---\ntype: note\ndate: 2026-11-20\n---\n")
    write(tmp_path, "b/x.md", "---\ntype: note\ndate: 2026-11-21\n---\n")
    assert folder_codes(tmp_path) == [("IM301", "b/x.md", 1, 1)]


def test_duplicate_written_id_is_im301_at_the_id_value(tmp_path: Path, write: Write) -> None:
    write(tmp_path, "a.md", "---\ntype: note\ndate: 2026-11-20\n---\n")
    write(tmp_path, "b.md", "---\ntype: note\ndate: 2026-11-21\nid: A\n---\n")
    [d] = load_folder(tmp_path).diagnostics
    assert (d.code, d.path, d.line, d.col) == ("IM301", "b.md", 4, 5)
    assert "a.md" in d.message


def test_two_sleep_diaries_for_one_night_is_im302(tmp_path: Path, write: Write) -> None:
    text = "---\ntype: sleep\ndate: 2026-11-20\nbedtime: 23:00\nout_of_bed: 07:00\n---\n"
    write(tmp_path, "s1.md", text)
    write(tmp_path, "s2.md", text)
    assert folder_codes(tmp_path) == [("IM302", "s2.md", 3, 7)]


def test_two_sessions_with_one_number_is_im303(tmp_path: Path, write: Write) -> None:
    write(tmp_path, "s1.md", "---\ntype: session\ndate: 2026-11-13\nstatus: held\nnumber: 3\n---\n")
    write(tmp_path, "s2.md", "---\ntype: session\ndate: 2026-11-20\nstatus: held\nnumber: 3\n---\n")
    assert folder_codes(tmp_path) == [("IM303", "s2.md", 5, 9)]


HOMEWORK = "---\ntype: homework\ndate: 2026-11-18\ntitle: Thought records\nfrequency: daily\n---\n"


def test_homework_link_to_a_missing_id_is_im304_with_did_you_mean(
    tmp_path: Path, write: Write
) -> None:
    write(tmp_path, "homework/thought-records.md", HOMEWORK)
    write(tmp_path, "m.md", "---\ntype: mood\ndate: 2026-11-20\nhomework: thought-record\n---\n")
    [d] = load_folder(tmp_path).diagnostics
    assert (d.code, d.path, d.line, d.col) == ("IM304", "m.md", 4, 11)
    assert "did you mean `thought-records`" in d.hint


def test_review_of_a_missing_homework_is_im304(tmp_path: Path, write: Write) -> None:
    write(tmp_path, "homework/thought-records.md", HOMEWORK)
    write(tmp_path, "r.md", "---\ntype: review\ndate: 2026-11-20\nhomework: nothing-like\n---\n")
    assert folder_codes(tmp_path) == [("IM304", "r.md", 4, 11)]


def test_homework_link_to_an_existing_id_is_fine(tmp_path: Path, write: Write) -> None:
    write(tmp_path, "homework/thought-records.md", HOMEWORK)
    write(tmp_path, "m.md", "---\ntype: mood\ndate: 2026-11-20\nhomework: thought-records\n---\n")
    assert folder_codes(tmp_path) == []


def test_checkin_rating_an_unknown_goal_is_im305_at_the_goal_key(
    tmp_path: Path, write: Write
) -> None:
    write(tmp_path, "sleep-better.md", "---\ntype: goal\ntitle: Sleep\nset: 2026-11-01\n---\n")
    write(
        tmp_path,
        "c.md",
        "---\ntype: checkin\ndate: 2026-11-20\ngoals:\n  sleep-better: 4\n  sleep-beter: 5\n---\n",
    )
    [d] = load_folder(tmp_path).diagnostics
    assert (d.code, d.path, d.line, d.col) == ("IM305", "c.md", 6, 3)
    assert "did you mean `sleep-better`" in d.hint


def test_homework_serving_an_unknown_goal_is_im305(tmp_path: Path, write: Write) -> None:
    write(
        tmp_path, "h.md", HOMEWORK.replace("frequency: daily\n", "frequency: daily\ngoal: nope\n")
    )
    assert [c for c, *_ in folder_codes(tmp_path)] == ["IM305"]


# -- several labels in one (IM224, issue 13) ------------------------------------------------


def test_a_comma_in_an_emotion_is_im224_at_the_item(check_text: CheckText) -> None:
    result = check_text(mood("emotions:", "  - sad, tired", "  - calm"))
    d = result.only("IM224")
    assert (d.line, d.col) == (5, 5) and "`emotions[1]` holds 2 labels" in d.message
    assert result.fields["emotions"] == ["sad, tired", "calm"]  # kept as written


def test_a_comma_in_free_text_lists_is_never_im224(check_text: CheckText) -> None:
    text = (
        "---\ntype: thought-record\ndate: 2026-11-20\nevidence_for:\n  - late, again\n"
        "evidence_against:\n  - Aisha laughed, and asked me along\n---\n"
    )
    assert "IM224" not in check_text(text).codes


def test_labels_is_for_lists_and_text_only() -> None:
    from interim.load.yaml.events import load_yaml
    from interim.types.language import parse_type

    text = "fields:\n  n:\n    kind: integer\n    labels: true\n    description: A count.\n"
    tree, _ = load_yaml(text, "types/x.yaml")
    assert tree is not None
    rtype, diags = parse_type(tree, "types/x.yaml", "x")
    assert [d.code for d in diags] == ["IM910"] and "`labels` is for a list" in diags[0].message
    assert rtype is not None and not rtype.fields["n"].labels


# -- Obsidian's date-time in `date:` (issue 13) -----------------------------------------------


def test_obsidians_date_time_gives_the_date_and_the_time(check_text: CheckText) -> None:
    result = check_text(
        mood("mood: 4", "anxiety: 3").replace("date: 2026-11-20", "date: 2026-11-20T21:30")
    )
    assert result.codes == []
    assert result.record is not None
    assert (result.record.date, result.record.time) == (dt.date(2026, 11, 20), dt.time(21, 30))


def test_a_date_time_and_a_time_that_agree_are_fine(check_text: CheckText) -> None:
    text = mood('time: "21:30"', "mood: 4", "anxiety: 3").replace(
        "date: 2026-11-20", 'date: "2026-11-20T21:30:00"'
    )
    result = check_text(text)
    assert result.codes == [] and result.record is not None
    assert result.record.time == dt.time(21, 30)


def test_a_date_time_and_a_time_that_disagree_are_an_error(check_text: CheckText) -> None:
    text = mood('time: "22:00"', "mood: 4", "anxiety: 3").replace(
        "date: 2026-11-20", "date: 2026-11-20T21:30"
    )
    d = check_text(text).only("IM206")
    assert d.message == "`date` says 21:30 but `time` says 22:00" and (d.line, d.col) == (3, 7)


def test_a_date_time_with_an_impossible_part_says_which(check_text: CheckText) -> None:
    result = check_text(mood("mood: 4").replace("date: 2026-11-20", "date: 2026-02-30T21:30"))
    assert "IM206" in result.codes and "not a real date" in result.only("IM206").message
    result = check_text(mood("mood: 4").replace("date: 2026-11-20", "date: 2026-11-20T24:30"))
    assert result.only("IM207").col == 18  # at the time, inside the value
