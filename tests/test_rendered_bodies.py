"""Record bodies are rendered to HTML once per content and kept (interim.render.bodies):
a second report renders none again, gives the same bytes, keeps the file private, and
ignores a kept file that is broken, planted or writable by others."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_render_support import make_folder, rendered

from interim.render import bodies as bodies_module
from interim.render.compiled import COMPILED


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return make_folder(tmp_path / "client", hostile=True)


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every body rendered afresh."""
    seen: list[str] = []
    real = bodies_module.to_html

    def counting(text: str) -> str:
        seen.append(text)
        return real(text)

    monkeypatch.setattr(bodies_module, "to_html", counting)
    return seen


def kept(cache: Path) -> list[Path]:
    return sorted((cache / COMPILED).glob("bodies-*/*.json"))


def test_a_second_report_renders_no_body_again(
    folder: Path, private_cache: Path, renders: list[str]
) -> None:
    first = rendered(folder, "html")
    assert renders, "the folder has bodies"
    renders.clear()
    assert rendered(folder, "html") == first
    assert renders == []
    [path] = kept(private_cache)
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700


def test_an_edited_body_is_rendered_again(
    folder: Path, private_cache: Path, renders: list[str]
) -> None:
    rendered(folder, "html")
    note = next(p for p in folder.rglob("*.md") if "type: note" in p.read_text())
    note.write_text(note.read_text() + "\nA new line, *emphasised*.\n")
    renders.clear()
    html = rendered(folder, "html")
    assert len(renders) == 1 and "<em>emphasised</em>" in html


@pytest.mark.parametrize("damage", ["garbage", "not a dict", "wrong values", "others can write"])
def test_a_damaged_or_open_file_is_not_used(
    folder: Path, private_cache: Path, renders: list[str], damage: str
) -> None:
    first = rendered(folder, "html")
    [path] = kept(private_cache)
    keys = list(json.loads(path.read_text()))
    if damage == "garbage":
        path.write_bytes(b"\xff{not json")
    elif damage == "not a dict":
        path.write_text("[1, 2]")
    elif damage == "wrong values":
        path.write_text(json.dumps(dict.fromkeys(keys, 7)))
    else:  # planted text, in a file anyone could have written
        path.write_text(json.dumps(dict.fromkeys(keys, "<p>PLANTED</p>")))
        path.chmod(0o666)
    renders.clear()
    html = rendered(folder, "html")
    assert html == first and "PLANTED" not in html
    assert renders, "the bodies were rendered afresh"


def test_no_cache_keeps_no_body_and_clear_removes_them(
    folder: Path, private_cache: Path, tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    out = tmp_path / "r.html"
    assert run_cli(["report", str(folder), "-o", str(out), "--no-cache"]).exit_code == 0
    assert kept(private_cache) == []
    assert run_cli(["report", str(folder), "-o", str(out)]).exit_code == 0
    assert kept(private_cache)
    assert run_cli(["cache", "--clear"]).exit_code == 0
    assert kept(private_cache) == []
    assert not any(p.name.startswith("bodies-") for p in private_cache.rglob("*"))
