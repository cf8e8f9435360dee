"""Issue 9's "must show", as tests: over a folder that mixes every copy pattern interim knows
(and copies under names no pattern knows) with the originals, the report's numbers are those
of the folder with the copies deleted, and every copy is named in a warning; a risk answer
that exists only in a copy, a broken file or a `+++` file reaches the safety notice in every
format and in `summary`, and `check`'s IM220 lines list the same files."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from tests.test_discover import CERTAIN, LOOKALIKE

Run = Callable[..., Result]
SETTINGS = "report_date: 2026-11-20\nname: Sam\n"


def _originals() -> dict[str, str]:
    """A fortnight of entries: timed moods, sleep diaries (one per night), a PHQ-9."""
    files: dict[str, str] = {}
    for day in range(7, 21):
        date = f"2026-11-{day:02d}"
        files[f"records/{date}-mood.md"] = (
            f'---\ntype: mood\ndate: {date}\ntime: "21:{day:02d}"\nmood: {day % 7 + 2}\n---\n'
        )
        files[f"records/{date}-sleep.md"] = (
            f"---\ntype: sleep\ndate: {date}\nbedtime: 23:00\nlights_out: 23:10\n"
            f"minutes_to_sleep: {day}\nminutes_awake: 10\nfinal_wake: 06:50\nout_of_bed: 07:00\n---\n"
        )
    files["questionnaires/2026-11-17-phq9.md"] = (
        "---\ntype: questionnaire\ndate: 2026-11-17\ninstrument: phq9\n"
        "items: [2, 1, 2, 1, 1, 1, 1, 1, 0]\n---\n"
    )
    return files


def _copy_names(original: str) -> list[str]:
    """Every certain and look-alike name of test_discover, made for `original`."""
    stem = original.removesuffix(".md")
    return sorted(
        {n.replace("mood", stem, 1) for n, orig, _ in (*CERTAIN, *LOOKALIKE) if orig == "mood.md"}
    )


def _write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "interim.yaml").write_text(SETTINGS, encoding="utf-8")


def _numbers(run: Run, root: Path) -> dict[str, Any]:
    """The report's JSON without what names files (paths, the count of files read, the
    problems section): the numbers a clinician reads."""
    result = run(["report", str(root), "--format", "json", "-o", "-", "--no-cache"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    for key in ("problems", "footer"):
        data.pop(key)
    return _no_paths(data)


def _no_paths(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _no_paths(v) for k, v in value.items() if k != "path"}
    if isinstance(value, list):
        return [_no_paths(v) for v in value]
    return value


def test_copies_of_every_pattern_change_no_number(tmp_path: Path, run_cli: Run) -> None:
    originals = _originals()
    clean, messy = tmp_path / "clean", tmp_path / "messy"
    _write(clean, originals)
    copies: dict[str, str] = {}
    for rel in (
        "records/2026-11-20-mood.md",
        "records/2026-11-19-sleep.md",
        "questionnaires/2026-11-17-phq9.md",
    ):
        folder, name = rel.rsplit("/", 1)
        for copy in _copy_names(name):
            copies[f"{folder}/{copy}"] = originals[rel]
    # Names no pattern knows: the same text, or the same entry edited.
    copies["records/evening.md"] = originals["records/2026-11-18-mood.md"]
    copies["backup/2026-11-16-mood.md"] = originals["records/2026-11-16-mood.md"] + "\r\n  \n"
    copies["records/from-phone.md"] = originals["records/2026-11-15-mood.md"].replace(
        "mood: 3", "mood: 9"
    )
    copies["records/night.md"] = originals["records/2026-11-14-sleep.md"].replace(
        "minutes_awake: 10", "minutes_awake: 40"
    )
    _write(messy, {**originals, **copies})
    assert len(copies) > 100
    assert _numbers(run_cli, messy) == _numbers(run_cli, clean)
    check = json.loads(run_cli(["check", str(messy), "--format", "json"]).stdout)
    # Each copy is named in a warning: as the file left out, or as the one kept (a copy
    # first in sorted order is kept, and the original is the one named as left out).
    said = " ".join(
        d["path"] + " " + d["message"]
        for d in check["diagnostics"]
        if d["code"] in ("IM120", "IM302", "IM306")
    )
    assert [c for c in copies if c not in said] == []


RISK = {
    "q/2026-11-17-phq9 (Sam's conflicted copy 2026-11-18).md": (
        "---\ntype: questionnaire\ndate: 2026-11-17\ninstrument: phq9\nitems: [1,1,1,1,1,1,1,1,2]\n---\n"
    ),
    "q/2026-11-16-phq9.md": (
        "---\ntype: questionnaire\ndate: 2026-11-16\ninstrument: PHQ-9\nnote: felt: bad\n"
        "items: [1,1,1,1,1,1,1,1,1]\n---\n"
    ),
    "q/2026-11-15-phq9.md": (
        '+++\ntype = "questionnaire"\ndate = 2026-11-15\ninstrument = "phq9"\n'
        "items = [0, 0, 0, 0, 0, 0, 0, 0, 3]\n+++\n"
    ),
}


@pytest.fixture
def risky(tmp_path: Path) -> Path:
    root = tmp_path / "f"
    _write(
        root,
        {
            "q/2026-11-17-phq9.md": "---\ntype: questionnaire\ndate: 2026-11-17\ninstrument: phq9\nitems: [1,1,1,1,1,1,1,1,0]\n---\n",
            "2026-11-18-mood.md": '---\ntype: mood\ndate: 2026-11-18\ntime: "21:00"\nmood: 3\n---\nA day.\n',
            **RISK,
        },
    )
    return root


@pytest.mark.parametrize("fmt", ["html", "md", "json", "csv", "pdf"])
@pytest.mark.parametrize("profile", ["full", "scores-only"])
def test_a_risk_answer_only_in_a_copy_or_a_broken_file_is_in_every_format(
    risky: Path, run_cli: Run, fmt: str, profile: str, tmp_path: Path
) -> None:
    out = tmp_path / f"report.{fmt}"
    result = run_cli(
        ["report", str(risky), "-o", str(out), "--profile", profile, "--since", "2026-11-19"]
    )
    assert result.exit_code == 0, result.output
    if fmt == "pdf":
        from pypdf import PdfReader

        text = " ".join(PdfReader(out).pages[0].extract_text().split())
        found = {p for p in RISK if " ".join(p.split()) in text}
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
        found = {r["path"] for r in rows if r["type"] == "safety-notice" and r["path"]}
    elif fmt == "json":
        found = {e["path"] for e in json.loads(out.read_text())["safety"]["entries"]}
    else:
        text = out.read_text(encoding="utf-8").replace("\\", "").replace("&#39;", "'")
        head = text[: text.index("At a glance")]  # the notice comes before every section
        found = {p for p in RISK if p in head}
    assert found == set(RISK)


def test_summary_and_check_list_the_same_forms(risky: Path, run_cli: Run) -> None:
    summary = run_cli(["summary", str(risky), "--since", "2026-11-19"]).stdout
    head = summary.split("Session report")[0]
    assert summary.startswith("!! SAFETY") and all(p in head for p in RISK)
    check = json.loads(run_cli(["check", str(risky), "--format", "json"]).stdout)
    assert {d["path"] for d in check["diagnostics"] if d["code"] == "IM220"} == set(RISK)


def test_summary_says_how_many_files_were_left_out(tmp_path: Path, run_cli: Run) -> None:
    root = tmp_path / "f"
    shutil.copytree(Path(__file__).parent / "hazards" / "unreadable-and-broken", root)
    summary = run_cli(["summary", str(root)]).stdout
    assert (
        "4 files not counted: 2 unreadable, 2 with errors (`interim check` lists them)." in summary
    )


def test_identity_fast_paths_equal_the_general_rule() -> None:
    """`_key_maker` (one function per type, built once per load) gives the same key as
    `_identity` for every shape of identity and every missing, list or dict value."""
    import datetime as dt

    from interim.check.duplicates import _identity, _key_maker
    from interim.domain.model import Record

    day, at = dt.date(2026, 11, 20), dt.time(8, 30)
    shapes = [
        ("date", "time"),
        ("date", "time", "activity"),
        ("date", "time", "homework"),
        ("date",),
        ("date", "title"),
        ("title", "set"),
        ("date", "time", "a", "b"),
    ]
    values: list[object] = [None, "walk", 3, ["a"], {"k": 1}]
    for names in shapes:
        for date in (day, None):
            for time in (at, None):
                for value in values:
                    fields = {n: value for n in ("activity", "title", "set", "a", "b")}
                    r = Record("r.md", "activity", "r", date, time, fields, homework="hw")
                    assert _key_maker(names)(r) == _identity(r, names), (names, date, time, value)
