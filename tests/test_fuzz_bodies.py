"""No record body can stop a report (issue 9): the Markdown-to-Typst conversion, fuzzed in
process with hypothesis, and a fixed corpus of long pathological bodies compiled to PDF and
rendered to HTML. Each case is a body a client could paste; none may raise, hang or reach
the user as "internal error"."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interim.render.mdtree import MAX_DEPTH, body_tree

Run = Callable[..., Result]
CASES = 600  # the number of generated bodies per run

# Markdown's own punctuation, in the shapes that nest: emphasis, links, lists, quotes,
# code, tables, headings, HTML (off), entities, breaks.
PIECES = st.sampled_from(
    ["*", "**", "_", "__", "[", "]", "(", ")", "![", "](", "<", ">", "> ", "- ", "1. ", "  ",
     "\n", "\n\n", "`", "```", "~~~", "#", "# ", "|", "|---|", "\\", "&amp;", "&#x0;", "\t",
     "http://x", "javascript:alert(1)", "<script>", "---", "===", "$x$", "#read(\"/etc/passwd\")",
     "@ref", "<l>", "é", "😀", "\u202e", "\x00", "a", "word "]
)  # fmt: skip
BODIES = st.lists(PIECES, max_size=200).map("".join) | st.text(max_size=400)


def _depth(node: Any) -> int:
    """The deepest nesting of a block tree (what the Typst template recurses over)."""
    if isinstance(node, list):
        return max((_depth(n) for n in node), default=0)
    if isinstance(node, dict):
        inner = [v for k, v in node.items() if k in ("c", "items")]
        return 1 + max((_depth(v) for v in inner), default=0)
    return 0


@settings(max_examples=CASES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(BODIES)
def test_any_body_gives_a_shallow_tree_of_strings(body: str) -> None:
    tree = body_tree(body)
    assert _depth(tree) <= 2 * MAX_DEPTH + 2  # list → items → blocks, each level bounded


def _pathological() -> dict[str, str]:
    n = 20_000
    return {
        "emphasis": "*" * n + "a" + "*" * n,
        "alternating": "*a _" * n,
        "brackets": "[" * n + "x" + "]" * n,
        "links": "[a](" * n,
        "images": "![" * n,
        "quotes": "> " * 5000 + "deep",
        "lists": "".join("  " * i + "- x\n" for i in range(400)),
        "ordered": "".join("   " * i + "1. x\n" for i in range(300)),
        "table": "| a " * 2000 + "|\n|" + "---|" * 2000 + "\n" + ("| x " * 2000 + "|\n") * 20,
        "long_line": "word " * 200_000,  # a 1 MB line
        "backticks": "`" * n + "x" + "`" * (n - 1),
        "entities": "&#x0;&amp;&lt;" * 5000,
        "headings": "#" * 7 + " x\n" + "# " * 5000,
        "fences": "```\n" * 3000,
        "typst": '#read("/etc/passwd") #import "@preview/x:0.1.0" $x^2$ @ref <label> \\ ' * 500,
    }


CORPUS = _pathological()


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_pathological_bodies_convert(name: str) -> None:
    tree = body_tree(CORPUS[name])
    assert _depth(tree) <= 2 * MAX_DEPTH + 2


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("bodies")
    (root / "interim.yaml").write_text("report_date: 2026-11-20\n", encoding="utf-8")
    for i, (name, body) in enumerate(sorted(CORPUS.items())):
        note = f"---\ntype: note\ndate: 2026-11-{i + 1:02d}\ntitle: {name}\n---\n{body}\n"
        (root / f"2026-11-{i + 1:02d}-{name}.md").write_text(note, encoding="utf-8")
    return root


@pytest.mark.parametrize("fmt", ["pdf", "html", "md"])
def test_every_pathological_body_in_one_report(
    folder: Path, run_cli: Run, fmt: str, tmp_path: Path
) -> None:
    out = tmp_path / f"r.{fmt}"
    result = run_cli(["report", str(folder), "-o", str(out), "--since", "30d"])
    assert result.exit_code == 0, result.output
    assert "internal error" not in result.output and out.stat().st_size > 0
