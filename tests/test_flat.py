"""The one-pass reading of flat front matter (interim.check.flat) against the tree path
(interim.load.yaml + interim.check.validate): wherever the one-pass reader gives a record,
it is the tree path's record, and the tree path has nothing to say about the file. Run on
every corpus, the example folder, a generated year of records and hypothesis's texts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interim.check.flat import flat_record
from interim.check.validate import validate_record
from interim.domain.model import Record
from interim.load.frontmatter import plain_parts
from interim.load.yaml import load_yaml
from interim.measures import builtin_measures as _builtin
from interim.types import builtin_types
from interim.types.kinds import Context

MEASURES = _builtin()

ROOT = Path(__file__).parent.parent
TYPES = builtin_types()


def _both(text: str, rel: str = "x.md") -> tuple[Record | None, Record | None, list[object]]:
    parts = plain_parts(text)
    if parts is None:
        return None, None, []
    yaml_text = parts[0]
    ctx = Context(rel, frozenset(TYPES), frozenset(MEASURES))
    flat = flat_record(yaml_text, 1, rel, "x", TYPES, ctx)
    front, errs = load_yaml(yaml_text, rel, line_offset=1)
    tree_ctx = Context(rel, frozenset(TYPES), frozenset(MEASURES))
    tree = validate_record(front, rel, "x", TYPES, tree_ctx) if front is not None else None
    return flat, tree, [*errs, *tree_ctx.diagnostics]


def _agree(text: str) -> bool:
    """True when the one-pass reader gave a record (and it agreed)."""
    flat, tree, said = _both(text)
    if flat is None:
        return False
    assert said == [], text
    assert flat == tree, text
    return True


def _texts(folder: Path) -> list[str]:
    out = []
    for f in sorted(folder.rglob("*.md")):
        try:
            out.append(f.read_bytes().decode("utf-8"))
        except UnicodeDecodeError:
            continue
    return out


@pytest.mark.parametrize("folder", ["tests/corpus", "tests/hazards", "example-folder"])
def test_the_corpora(folder: str) -> None:
    texts = _texts(ROOT / folder)
    read = sum(_agree(t) for t in texts)
    assert read > 0, "the one-pass reader read none of them"


def test_a_generated_year(tmp_path: Path) -> None:
    out = tmp_path / "g"
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "generate.py"), "3000", str(out), "--seed", "3"],
        check=True,
        capture_output=True,
    )
    texts = _texts(out)
    read = sum(_agree(t) for t in texts)
    assert read > len(texts) * 0.8  # most plain records go the one-pass way


KEYS = st.sampled_from(
    ["type", "date", "time", "mood", "anxiety", "emotions", "situation", "tags", "private",
     "bedtime", "items", "instrument", "id", "homework", "x", "total", "status", "done"]
)  # fmt: skip
VALUES = st.sampled_from(
    ["mood", "sleep", "questionnaire", "activity", "2026-11-20", "2026-02-30", "23:30", "7:05",
     "24:00", "11:30 pm", "045", "no", "yes", "true", "~", "null", "", "3", "-1", "12", "4.0",
     "'quoted'", '"dq"', "[sad, tired]", "[]", "[a, b c]", "phq9", "[1,1,1,1,1,1,1,1,1]",
     "sad, tired", "{a: 1}", "é😀", "done", "x: y", "a:b", "0", "10", "+4"]
)  # fmt: skip


@st.composite
def front_matters(draw: st.DrawFn) -> str:
    lines = ["type: " + draw(st.sampled_from(["mood", "sleep", "activity", "questionnaire"]))]
    for _ in range(draw(st.integers(0, 8))):
        key, value = draw(KEYS), draw(VALUES)
        lines.append(f"{key}: {value}" if value else f"{key}:")
        if draw(st.booleans()) and not value:
            lines += [f"  - {draw(VALUES)}" for _ in range(draw(st.integers(1, 3)))]
    draw(st.randoms()).shuffle(lines)
    return "---\n" + "\n".join(lines) + "\n---\nbody\n"


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(front_matters())
def test_generated_front_matter(text: str) -> None:
    _agree(text)
