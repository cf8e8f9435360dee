"""interim.load.yaml.fast must give exactly the tree the libyaml loader gives, or None: compared on
every example file, on a generated folder, and on generated near-misses."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interim.load.frontmatter import _lines, decode
from interim.load.yaml.events import load_yaml
from interim.load.yaml.fast import fast_mapping
from interim.load.yaml.tree import Mapping

ROOT = Path(__file__).resolve().parent.parent


def libyaml(text: str) -> tuple[Mapping | None, list[object]]:
    """The positioned libyaml loader alone, the fast path switched off."""
    with mock.patch("interim.load.yaml.fast.fast_mapping", return_value=None):
        return load_yaml(text, "x.md", line_offset=1)


def same_or_none(text: str) -> bool:
    fast = fast_mapping(text, 1)
    if fast is None:
        return False
    tree, diags = libyaml(text)
    assert (fast, []) == (tree, diags), text
    return True


def front_matters(folder: Path) -> Iterator[str]:
    for path in sorted(folder.rglob("*.md")):
        text, _ = decode(path.read_bytes(), "x.md")
        lines = _lines(text) if text else []
        if not lines or lines[0].rstrip() != "---":
            continue
        for n in range(1, len(lines)):
            if lines[n].rstrip() in ("---", "..."):
                yield "\n".join(lines[1:n])
                break


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("generated") / "f"
    script = ROOT / "benchmarks" / "generate.py"
    if not script.exists():
        pytest.skip("benchmarks/generate.py is not here")
    subprocess.run(
        [sys.executable, str(script), "600", str(folder)], check=True, capture_output=True
    )
    return folder


def test_the_fast_path_agrees_on_every_example(generated: Path) -> None:
    texts = [
        text
        for folder in (ROOT / "example-folder", ROOT / "tests" / "corpus", generated)
        for text in front_matters(folder)
    ]
    taken = sum(same_or_none(text) for text in texts)
    assert taken > len(texts) / 2  # the usual records do take it


@pytest.mark.parametrize(
    "text",
    [
        "type: mood\ndate: 2026-11-20\ntime: 23:30\nmood: 4",
        "a:\nb: 1",
        "a:   \n\n# note\nb: x y  ",
        "a: [x, y]\nb: []\nc: [ x ,y ]\nd: [3, 2, 1]",
        "a:\n- x\n- y\nb:\n  - one two\n\n  - three\nc: 1",
        "tags: [work]\nsituation: It's fine, really (mostly)\nnote: C-sharp/.NET +1 ~ $5",
        'time: "21:30"\nid: \'2026-11-20\'\nnote: "a: #b"\nempty: ""',
        "goals:\n  speak-up: 5\n  drive: 3\nnext: 1",
        "emotions:\n  - name: sad\n    before: 70\n  - name: flat\n    after:\nx: [a]",
        "track:\n    type: activity\n    tag: scheduled",
        "naïve: no\nétat: très bien",  # only ASCII keys are simple: the first falls back
    ],
)
def test_simple_shapes(text: str) -> None:
    fast = fast_mapping(text, 1)
    tree, diags = libyaml(text)
    assert fast is None or (fast, []) == (tree, diags)


@pytest.mark.parametrize(
    "text",
    [
        "a: x # comment",
        "a: x: y",
        "a: x:",
        "a: &anchor 1",
        "a: *alias",
        "a: !!int 1",
        "a: |\n  block",
        "a: {b: 1}",
        "a: [x, [y]]",
        "a: [12:30]",
        "a: [x,]",
        "a:\n  b:\n    c: 1",
        "a:\n  b:\n  - c",
        "a:\n  - b:\n    c: 1",
        "a:\n  - b: 1\n   c: 2",
        "a: 'it''s'",
        'a: "tab\\tescape"',
        "a: x\n  continued",
        "a: 1\na: 2",  # a repeated key: libyaml's loader reports it
        "a:\tb",
        "a: x\r\nb: y",
        "a: -1",
        "- x",
        "a: x\u00a0y",
        "# only a comment",
        "a:\n- x\n  - y",
        "a: 1\n# a control character \x07",
    ],
)
def test_other_shapes_are_left_to_libyaml(text: str) -> None:
    assert fast_mapping(text, 1) is None


_KEYS = st.sampled_from(["type", "date", "a", "b_c", "x-y", "2k", "a b", "a:b", "é"])
_SEPS = st.sampled_from([": ", ":", ":  ", " : ", ": \t"])
_VALUES = st.sampled_from(
    [
        "mood", "23:30", "a: b", "x #c", "#c", "'q'", '"q"', "'it''s'", '"a\\"b"', '"x: #y"',
        "'x'  ", '"x" y', "'", '"', "[a, b]", "[a,b,]", "[]", "[ a ]", "[a: b]", "[12:30]",
        "['a']", "{a: 1}", "&x 1", "*x", "!!int 1", "- a", "-1", "~", "null", "yes", "é", "🙂",
        "a,b", "x:", "it's", "C#", "|", ">", "%x", "@x", "`x`", "a\u0085b", "a\u00a0b",
        "trail  ", "", "[a, b] c", "a [b]", "a]", "(1) x", ".5", "+1", "$x",
    ]
)  # fmt: skip
_INDENTS = st.sampled_from(["", " ", "  ", "   ", "    "])
_LINES = st.one_of(
    st.tuples(_INDENTS, _KEYS, _SEPS, _VALUES).map("".join),
    st.tuples(_INDENTS, st.sampled_from(["- ", "-", "-  "]), _VALUES).map("".join),
    st.tuples(_INDENTS, st.sampled_from(["- "]), _KEYS, _SEPS, _VALUES).map("".join),
    st.sampled_from(["", "  ", "# c", "  # c", "# \x01", "  more", "---", "...", "? a"]),
)


_GOOD_KEYS = st.sampled_from(["type", "date", "a", "b_c", "x-y", "name", "before"])
_SPACES = st.sampled_from(["", "", " ", "  "])  # trailing spaces
_FINE = st.sampled_from(
    ["mood", "23:30", "2026-11-20", "a b c", "'q'", '"q r"', "[a, b]", "[]", "[ x ]", "7", "~", ""]
)
_SOME = st.one_of(_FINE, _FINE, _VALUES)


@st.composite
def _documents(draw: st.DrawFn) -> str:
    """Mostly the shapes the fast path takes, each part sometimes a near-miss."""
    lines: list[str] = []
    for key in draw(st.lists(_GOOD_KEYS, min_size=1, max_size=5, unique=True)):
        shape = draw(st.sampled_from(["inline", "inline", "empty", "block", "nested"]))
        if shape == "inline":
            lines.append(f"{key}: {draw(_SOME)}{draw(_SPACES)}")
        elif shape == "empty":
            lines.append(f"{key}:{draw(_SPACES)}")
        else:
            lines.append(f"{key}:")
            lines += draw(_block_lines() if shape == "block" else _nested_lines())
        lines += draw(st.sampled_from([[], [], [""], ["  # note"], ["   "]]))
    return "\n".join(lines)


@st.composite
def _block_lines(draw: st.DrawFn) -> list[str]:
    indent = " " * draw(st.integers(0, 3))
    out = []
    for _ in range(draw(st.integers(1, 3))):
        if draw(st.booleans()):
            out.append(f"{indent}- {draw(_SOME)}")
            continue
        keys = draw(st.lists(_GOOD_KEYS, min_size=1, max_size=3, unique=True))
        out.append(f"{indent}- {keys[0]}: {draw(_SOME)}")
        shift = draw(st.sampled_from([2, 2, 2, 1, 3]))  # 2 lines it up with the first key
        out += [f"{indent}{' ' * shift}{k}: {draw(_SOME)}" for k in keys[1:]]
    return out


@st.composite
def _nested_lines(draw: st.DrawFn) -> list[str]:
    indents = st.sampled_from([2, 2, 2, 1, 3, 4])
    first = draw(indents)
    keys = draw(st.lists(_GOOD_KEYS, min_size=1, max_size=3, unique=True))
    return [
        f"{' ' * (first if n == 0 else draw(st.sampled_from([first, first, first + 1])))}"
        f"{key}:{draw(st.sampled_from([' ', ' ', '']))}{draw(_SOME)}"
        for n, key in enumerate(keys)
    ]


@settings(max_examples=500, deadline=None)
@given(_documents())
def test_generated_documents_agree_or_fall_back(text: str) -> None:
    fast = fast_mapping(text, 1)
    if fast is not None:
        assert (fast, []) == libyaml(text), text


@settings(max_examples=600, deadline=None)
@given(st.lists(_LINES, min_size=1, max_size=8).map("\n".join))
def test_generated_near_misses_agree_or_fall_back(text: str) -> None:
    fast = fast_mapping(text, 1)
    if fast is not None:
        assert (fast, []) == libyaml(text), text


def test_a_key_longer_than_libyaml_allows_goes_to_libyaml() -> None:
    from interim.load.yaml.fast import fast_mapping

    assert fast_mapping("k" * 1000 + ": x", 1) is not None
    assert fast_mapping("k" * 1025 + ": x", 1) is None
    assert fast_mapping("a:\n- " + "k" * 1025 + ": x", 1) is None
