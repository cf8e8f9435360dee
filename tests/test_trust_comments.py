"""No silent cut (issue 9): text after ` #` in an unquoted value is a YAML comment and is
dropped; interim says so (IM223) — except where the comment is the hint `interim new`
wrote beside the field, which a client keeps when filling the scaffold in."""

from __future__ import annotations

import re

import pytest

from interim.commands.new import plan_new, render
from interim.settings import Settings
from interim.types import builtin_types
from tests.conftest import check_record

TYPES = sorted(builtin_types())
_FIELD_LINE = re.compile(r"^(?P<key>[a-z_]+):(?P<value>[^#\n]*?)(?P<hint>  # .*)$", re.M)


def _filled(type_name: str) -> str:
    """The scaffold of a type with every empty text field filled in, hints kept."""
    from pathlib import Path

    rtype = builtin_types()[type_name]
    plan = plan_new(Path("."), type_name, Settings(), builtin_types(), "2026-11-20")
    text = render(plan, dict(plan.values))

    def fill(m: re.Match[str]) -> str:
        spec = rtype.fields.get(m["key"])
        if spec is None or spec.kind != "text" or m["value"].strip():
            return m.group(0)
        return f"{m['key']}: some words written here{m['hint']}"

    return _FIELD_LINE.sub(fill, text)


@pytest.mark.parametrize("type_name", TYPES)
def test_a_filled_in_scaffold_keeps_its_hints_without_a_warning(type_name: str) -> None:
    text = _filled(type_name)
    checked = check_record(text, f"{type_name}.md")
    assert "IM223" not in checked.codes, checked.diagnostics
    if "some words written here" in text:
        assert checked.record is not None
        assert "some words written here" in checked.record.fields.values()


@pytest.mark.parametrize(
    ("line", "field", "col"),
    [
        ("hot_thought: I am worthless #always", "hot_thought", 29),
        ("hot_thought: I am worthless\t#always", "hot_thought", 29),
        ("hot_thought: I am\n  worthless #always", "hot_thought", 13),
        ("situation: at home\n  # then it got worse", "situation", 3),
        ("evidence_for:\n  - I failed #2\n  - fine", "evidence_for", 14),
    ],
)
def test_a_comment_that_cuts_text_is_said_at_its_hash(line: str, field: str, col: int) -> None:
    text = f"---\ntype: thought-record\ndate: 2026-11-20\n{line}\n---\n"
    checked = check_record(text)
    d = checked.only("IM223")
    assert d.col == col and f"`{field}" in d.message and "quotes" in d.hint


@pytest.mark.parametrize(
    "line",
    [
        'hot_thought: "I am worthless #always"',
        "hot_thought: 'I am worthless #always'",
        "hot_thought: I am #1 at worrying",  # `#` after a space is a comment: this one warns
        "hot_thought: |\n  I am worthless #always",
        "hot_thought: I am worthless#always",  # no space before `#`: part of the text
        "belief_before: 80  # about",  # a number: nothing is lost from a text
    ],
)
def test_quoted_block_and_unspaced_hashes_are_kept(line: str) -> None:
    checked = check_record(f"---\ntype: thought-record\ndate: 2026-11-20\n{line}\n---\n")
    expected = ["IM223"] if "#1 at" in line else []
    assert [c for c in checked.codes if c == "IM223"] == expected
