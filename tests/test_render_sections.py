"""Every section template renders: one clean record of every built-in type (the corpus's
`valid/` folder) plus a folder type of the user's own, in HTML and Markdown, with and
without free text."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from test_render_support import Tags, load

from interim.commands.report import build_context
from interim.render import render

VALID = Path(__file__).parent / "corpus" / "valid"
URGE_TYPE = """name: urge
version: 1
description: Urge log
fields:
  strength:
    kind: scale
    min: 0
    max: 10
    better: lower
    description: How strong, 0-10.
  acted:
    kind: boolean
    description: Acted on it?
  note:
    kind: text
    description: What happened.
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("sections") / "valid"
    shutil.copytree(VALID, root, ignore=shutil.ignore_patterns("expected.txt"))
    (root / "types").mkdir()
    (root / "types" / "urge.yaml").write_text(URGE_TYPE, encoding="utf-8")
    for day, strength in (("2026-11-20", 7), ("2026-11-22", None)):
        value = "" if strength is None else str(strength)
        (root / "records" / f"{day}-urge.md").write_text(
            f"---\ntype: urge\ndate: {day}\nstrength: {value}\nacted: false\n"
            "note: <b>rode it out</b>\n---\nA *body*.\n",
            encoding="utf-8",
        )
    return root


@pytest.mark.parametrize("profile", ["full", "scores-only"])
@pytest.mark.parametrize("fmt", ["html", "md"])
def test_every_section_renders(folder: Path, fmt: str, profile: str) -> None:
    loaded = load(folder)
    context = build_context(loaded, since="30d", until=dt.date(2026, 11, 24), profile=profile)
    data = context.to_data()
    ids = {s["id"] for s in data["sections"]}
    assert {"mood", "sleep", "eating", "reading", "urge"} <= ids, ids
    text = render(context, fmt, folder_root=folder).decode()
    for section in data["sections"]:
        assert section["title"] in text
    if fmt == "html":
        assert not [t for t, _ in Tags(text).tags if t in ("script", "b")]
        assert text.count("<svg") >= 3
    if profile == "full":
        assert "rode it out" in text  # as text: `<b>` escaped in HTML, `\<b\>` in Markdown
    else:
        assert "rode it out" not in text
        assert "<em>body</em>" not in text and "\\*body\\*" not in text
