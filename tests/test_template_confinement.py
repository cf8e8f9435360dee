"""Folder templates are read only from inside the folder's templates/ (issue 10): no symbolic
link at or below it, no special file, nothing over the size cap — for HTML, Markdown and
Typst alike. A folder that is itself reached through a link still works."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_render_support import make_folder, rendered

from interim.render import TemplateProblem
from interim.render.confine import MAX_TEMPLATE_BYTES, read_template

SECRET = "the contents of a file outside the folder"
INCLUDE = '{% extends "default:report.html.j2" %}{% block glance %}{% include "notes.txt" %}{% endblock %}'
MD_INCLUDE = (
    '{% extends "default:report.md.j2" %}{% block glance %}{% include "notes.txt" %}{% endblock %}'
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = make_folder(tmp_path / "client", hostile=False)
    (root / "templates").mkdir()
    (tmp_path / "secret.txt").write_text(SECRET, encoding="utf-8")
    return root


@pytest.mark.parametrize(("fmt", "template"), [("html", INCLUDE), ("md", MD_INCLUDE)])
def test_a_symlinked_include_is_not_followed(folder: Path, fmt: str, template: str) -> None:
    """The hole: `{% include "notes.txt" %}` with notes.txt → a file elsewhere put that file
    into the report."""
    (folder / "templates" / f"report.{fmt}.j2").write_text(template, encoding="utf-8")
    os.symlink(folder.parent / "secret.txt", folder / "templates" / "notes.txt")
    with pytest.raises(TemplateProblem) as caught:
        output = rendered(folder, fmt)
        assert SECRET not in output
    assert caught.value.path == "templates/notes.txt"
    assert "symbolic link" in caught.value.message


def test_a_symlinked_folder_inside_templates_is_not_followed(folder: Path) -> None:
    outside = folder.parent / "elsewhere"
    outside.mkdir()
    (outside / "notes.txt").write_text(SECRET, encoding="utf-8")
    os.symlink(outside, folder / "templates" / "parts")
    (folder / "templates" / "report.html.j2").write_text(
        INCLUDE.replace("notes.txt", "parts/notes.txt"), encoding="utf-8"
    )
    with pytest.raises(TemplateProblem) as caught:
        rendered(folder, "html")
    assert caught.value.path == "templates/parts"


def test_templates_itself_may_not_be_a_link(folder: Path) -> None:
    (folder / "templates").rmdir()
    shared = folder.parent / "shared-templates"
    shared.mkdir()
    (shared / "report.html.j2").write_text("{{ period.label }}", encoding="utf-8")
    os.symlink(shared, folder / "templates")
    with pytest.raises(TemplateProblem) as caught:
        rendered(folder, "html")
    assert caught.value.path == "templates"


def test_a_folder_reached_through_a_link_still_works(folder: Path) -> None:
    (folder / "templates" / "report.html.j2").write_text(
        '{% extends "default:report.html.j2" %}{% block glance %}<p>mine</p>{% endblock %}',
        encoding="utf-8",
    )
    link = folder.parent / "therapy"
    os.symlink(folder, link)
    assert "<p>mine</p>" in rendered(link, "html")


def test_a_named_pipe_is_refused_without_waiting(folder: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    os.mkfifo(folder / "templates" / "report.html.j2")  # opening it to read would block
    with pytest.raises(TemplateProblem) as caught:
        rendered(folder, "html")
    assert "not a regular file" in caught.value.message


def test_a_hard_link_is_refused(folder: Path) -> None:
    target = folder / "templates" / "notes.txt"
    try:
        os.link(folder.parent / "secret.txt", target)
    except OSError as exc:
        pytest.skip(f"no hard links here: {exc}")
    (folder / "templates" / "report.html.j2").write_text(INCLUDE, encoding="utf-8")
    with pytest.raises(TemplateProblem) as caught:
        rendered(folder, "html")
    assert "hard link" in caught.value.message


def test_the_size_cap(folder: Path) -> None:
    (folder / "templates" / "report.html.j2").write_text(
        "x" * (MAX_TEMPLATE_BYTES + 1), encoding="utf-8"
    )
    with pytest.raises(TemplateProblem) as caught:
        rendered(folder, "html")
    assert "larger than" in caught.value.message


def test_not_utf8(folder: Path) -> None:
    (folder / "templates" / "report.html.j2").write_bytes(b"<p>caf\xe9</p>")
    with pytest.raises(TemplateProblem) as caught:
        rendered(folder, "html")
    assert "UTF-8" in caught.value.message


@pytest.mark.parametrize("name", ["../interim.yaml", "/etc/passwd", "a/../../x"])
def test_names_cannot_leave_templates(folder: Path, name: str) -> None:
    (folder / "templates" / "report.html.j2").write_text(
        '{% include "' + name + '" %}', encoding="utf-8"
    )
    with pytest.raises(TemplateProblem) as caught:
        rendered(folder, "html")
    assert "no template named" in caught.value.message


def test_read_template_finds_nothing_where_there_is_nothing(tmp_path: Path) -> None:
    assert read_template(tmp_path, ("report.html.j2",)) is None
    (tmp_path / "templates").mkdir()
    assert read_template(tmp_path, ("report.html.j2",)) is None
    (tmp_path / "templates" / "report.html.j2").write_bytes(b"ok")
    assert read_template(tmp_path, ("report.html.j2",)) == b"ok"


def test_typst_follows_the_same_rules(folder: Path) -> None:
    from interim.render.pdf import template_source

    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    os.mkfifo(folder / "templates" / "report.typ")
    with pytest.raises(TemplateProblem) as caught:
        template_source(folder)
    assert "not a regular file" in caught.value.message
    os.unlink(folder / "templates" / "report.typ")
    os.symlink(folder.parent / "secret.txt", folder / "templates" / "report.typ")
    with pytest.raises(TemplateProblem):
        template_source(folder)
