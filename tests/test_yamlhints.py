"""Hand-editing mistakes get plain words at the line where the mistake is, not PyYAML's
parser message at the line after it."""

from __future__ import annotations

import pytest

from interim.load.yaml.hints import curly_quoted, explain

CASES = [
    (
        "type: mood\ndate: 2026-11-20\nmood:4\nanxiety: 3",
        3,
        (2, 4),
        "needs a space after the colon",
    ),
    ("type: mood\nemotions:\n\t- sad", 2, (2, 0), "indented with a tab"),
    ("type: mood\nsituation: \u201cWork: the meeting\u201d", 1, (1, 11), "curly quotes"),
    ("type: mood\nmood: 4\n  anxiety: 3", 2, (2, 0), "indented, but the line above"),
    ("type: mood\nmood:\u00a05", 1, (1, 5), "no-break space"),
]


@pytest.mark.parametrize(("text", "error_line", "where", "words"), CASES)
def test_a_usual_mistake_is_named_at_its_own_line(
    text: str, error_line: int, where: tuple[int, int], words: str
) -> None:
    found = explain(text, error_line)
    assert found is not None
    assert found[:2] == where
    assert words in found[2]


def test_the_fix_for_a_missing_space_is_spelled_out() -> None:
    found = explain("mood:4", 0)
    assert found is not None and found[3] == "write `mood: 4`"


def test_an_indented_line_under_a_heading_is_fine() -> None:
    assert explain("goals:\n  sleep-better: 4\n  oops: [", 2) is None


def test_lines_after_the_reported_one_are_not_blamed() -> None:
    assert explain("a: [1,\nmood:4", 0) is None


def test_curly_quoted_values_are_recognised() -> None:
    assert curly_quoted("\u201c21:30\u201d")
    assert not curly_quoted('"21:30"')
    assert not curly_quoted("21:30")


def test_a_tab_before_a_key_of_its_own_says_delete_it() -> None:
    """Issue 13: "replace the tab with spaces" still breaks a top-level key."""
    found = explain("type: mood\n\tmood: 4\nanxiety: 3", 1)
    assert found is not None and found[:2] == (1, 0)
    assert found[3] == "delete the tab: a key of its own starts at the left edge of the line"


def test_a_tab_inside_a_list_or_mapping_says_use_spaces() -> None:
    for text in ("type: mood\nemotions:\n\t- sad", "type: checkin\ngoals:\n\tsleep: 4"):
        found = explain(text, 2)
        assert found is not None and found[3].endswith("replace the tab with spaces"), text
