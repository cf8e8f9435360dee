"""The safety notice holds "whatever errors in that file" (DESIGN §2.3): a PHQ-9 whose front
matter cannot be read, or whose answers are out of range, still reaches it — and nothing
crashes on the way."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from interim.domain.measures import score
from interim.load.salvage import salvage
from interim.measures import builtin_measures
from tests.conftest import Write

PHQ9 = builtin_measures()["phq9"]
RISK = (PHQ9,)

Run = Callable[..., Result]

BROKEN_YAML = (
    "---\ntype: questionnaire\ndate: 2026-11-17\ninstrument: PHQ-9\nnote: a: b\n"
    "items: [1,1,1,1,1,1,1,1,2]\n---\n"
)
WRONG_TYPE = (
    "---\ntype: questionare\ndate: 2026-11-16\ninstrument: phq9\nprivate: true\nitems:\n"
    + "".join(f"  - {v}\n" for v in (0, 0, 1, 0, 0, 0, 0, 0, 3))
    + "---\n"
)


def test_a_phq9_with_broken_yaml_is_salvaged_for_the_notice() -> None:
    record = salvage(BROKEN_YAML, "q.md", RISK)
    assert record is not None
    assert record.get("items")[8] == 2 and record.salvaged and record.has_errors
    assert str(record.date) == "2026-11-17"
    assert record.position("items") == (6, 1)  # where IM220 points


def test_a_clear_zero_adds_nothing_and_other_files_are_not_touched() -> None:
    assert salvage(BROKEN_YAML.replace("1,1,2]", "1,1,0]"), "q.md", RISK) is None
    assert salvage("---\ntype: mood\nmood: [\n---\n", "m.md", RISK) is None


def test_an_unreadable_item_9_counts_as_not_ruled_out() -> None:
    found = salvage(BROKEN_YAML.replace("1,1,2]", "1,1,two]"), "q.md", RISK)
    assert found is not None and found.get("items")[8] == "two"  # listed as written


@pytest.mark.parametrize("items", [[0] * 8 + [-1], [3] * 8 + [4], [3, 3, 3, 3, 3, 3, 3, 3, 33]])
def test_an_answer_out_of_range_gives_no_total_instead_of_a_crash(items: list[int]) -> None:
    s = score(PHQ9, items)
    assert s.total is None and s.band is None


@pytest.mark.parametrize("text", [BROKEN_YAML, WRONG_TYPE])
def test_every_output_shows_the_notice_for_a_broken_phq9(
    tmp_path: Path, write: Write, run_cli: Run, text: str
) -> None:
    write(tmp_path, "q.md", text)
    write(
        tmp_path,
        "g.md",
        "---\ntype: questionnaire\ndate: 2026-11-16\ninstrument: gad7\nitems: [3,3,3,3,3,3,33]\n---\n",
    )
    check = run_cli(["check", str(tmp_path), "--no-cache"])
    assert ": info IM220 PHQ-9 item 9 " in check.stdout
    assert "the file cannot be read in full" in check.stdout
    assert "SAFETY" in check.stdout
    report = run_cli(
        ["report", str(tmp_path), "--until", "2026-11-18", "--format", "json", "-o", "-"]
    )
    assert report.exit_code == 0
    data = json.loads(report.stdout)
    assert data["safety"]["show"] is True
    assert data["safety"]["entries"][0]["path"] == "q.md"
    summary = run_cli(["summary", str(tmp_path), "--until", "2026-11-18"])
    assert summary.exit_code == 0 and summary.stdout.lstrip().startswith("!! SAFETY")


def test_a_short_since_never_narrows_the_safety_window(
    tmp_path: Path, write: Write, run_cli: Run
) -> None:
    for day in ("04", "11"):
        write(
            tmp_path, f"s{day}.md", f"---\ntype: session\ndate: 2026-11-{day}\nstatus: held\n---\n"
        )
    risk = "---\ntype: questionnaire\ndate: 2026-11-12\ninstrument: phq9\nitems: [0,0,0,0,0,0,0,0,2]\n---\n"
    write(tmp_path, "q12.md", risk)
    write(tmp_path, "q15.md", risk.replace("11-12", "11-15").replace("0,2]", "0,0]"))
    for since in ("1d", "3d"):
        result = run_cli(
            [
                "report",
                str(tmp_path),
                "--until",
                "2026-11-18",
                "--since",
                since,
                "--format",
                "json",
                "-o",
                "-",
            ]
        )
        data = json.loads(result.stdout)
        assert data["safety"]["show"] is True, since
        assert [e["path"] for e in data["safety"]["entries"]] == ["q12.md"]


UNDECODABLE = {
    "a stray byte in the body": BROKEN_YAML.replace("note: a: b\n", "").encode() + b"\xff\xfe\n",
    "a Latin-1 front matter": BROKEN_YAML.replace("note: a: b", "note: caf\xe9").encode("latin-1"),
    "broken UTF-16": b"\xff\xfe" + BROKEN_YAML.encode("utf-16-le") + b"\x00\xd8",
}


@pytest.mark.parametrize("name", list(UNDECODABLE))
def test_a_form_that_is_not_valid_text_still_reaches_the_notice(
    tmp_path: Path, run_cli: Run, name: str
) -> None:
    """A byte no decoder takes (IM102) loses the file for the numbers, not for the notice:
    its risk answer is searched for with the bad bytes replaced."""
    (tmp_path / "q.md").write_bytes(UNDECODABLE[name])
    check = run_cli(["check", str(tmp_path), "--no-cache"])
    assert " IM102 " in check.stdout and ": info IM220 PHQ-9 item 9 " in check.stdout, name
    report = run_cli(
        ["report", str(tmp_path), "--until", "2026-11-18", "--format", "json", "-o", "-"]
    )
    (entry,) = json.loads(report.stdout)["safety"]["entries"]
    assert entry["answer"] == 2 and "cannot be read in full" in entry["note"]


def test_binary_files_and_clear_zeros_add_nothing(tmp_path: Path, run_cli: Run) -> None:
    (tmp_path / "b.md").write_bytes(b"\x00\x01instrument: phq9\nitems: [3,3,3,3,3,3,3,3,3]\n")
    (tmp_path / "z.md").write_bytes(BROKEN_YAML.replace("1,1,2]", "1,1,0]").encode() + b"\xff")
    report = run_cli(
        ["report", str(tmp_path), "--until", "2026-11-18", "--format", "json", "-o", "-"]
    )
    assert json.loads(report.stdout)["safety"]["entries"] == []
