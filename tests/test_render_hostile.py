"""Hostile text — `<script>`, `<img onerror>`, javascript: and data: links, a remote image,
`{{ 7*7 }}`, `=HYPERLINK(...)` — in bodies, titles, tags, settings and file names never
comes out live in any output.

What "live" means, precisely: in the HTML, no `<script>` or `<img>` element, no attribute
named `on…`, no `src` attribute at all, every `href` http(s), mailto, relative or a fragment,
no `url(` in styles, and the CSP first in <head>; in the Markdown, the same after rendering
it with a permissive renderer (CommonMark with raw HTML on, as many viewers allow); in the
CSV, every formula-looking cell starts with `'`; in every output, `{{ 7*7 }}` as written and
never 49 where it stood."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from test_render_support import (
    FORMULA,
    HOSTILE,
    TEMPLATE,
    Tags,
    make_folder,
    rendered,
)

# The report's policy: nothing loads, no script, no form, no <base>, and no style but
# interim's own sheet, named by its hash (issue 10).
CSP = re.compile(
    r"default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]{43}='; base-uri 'none'; form-action 'none'"
)

ALLOWED_HREF = re.compile(r"(https?:|mailto:|#|[^:]*$)", re.IGNORECASE)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_folder(tmp_path_factory.mktemp("hostile"))


def assert_not_live(html: str) -> None:
    tags = Tags(html).tags
    names = {tag for tag, _ in tags}
    assert not names & {"script", "img", "iframe", "object", "embed", "form", "base", "link"}
    for tag, attrs in tags:
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        assert "src" not in attrs and "srcset" not in attrs, (tag, attrs)
        href = (attrs.get("href") or "").strip()
        assert ALLOWED_HREF.match(href), (tag, href)
        assert "url(" not in (attrs.get("style") or "")
    assert "javascript:alert" not in " ".join(str(a.get("href")) for _, a in tags)


@pytest.mark.parametrize("profile", ["full", "scores-only"])
def test_html(folder: Path, profile: str) -> None:
    html = rendered(folder, "html", profile)
    assert_not_live(html)
    assert not re.search(r"<script", html, re.IGNORECASE)
    head = html.index("<head>") + len("<head>\n")
    meta = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
    found = meta.match(html, head)
    assert found is not None and CSP.fullmatch(found.group(1))
    assert "script-src" not in found.group(1) and "unsafe-inline" not in found.group(1)
    assert '<meta name="referrer" content="no-referrer">' in html
    assert '<meta name="viewport"' in html


def test_hostile_text_shows_as_text(folder: Path) -> None:
    html = rendered(folder, "html")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert f"Template {TEMPLATE} here." in html and "Template 49 here." not in html
    assert "[image: pixel]" in html  # the remote image in a body: its alt text only
    assert "=HYPERLINK(" in html


def test_markdown_stays_inert_when_rendered(folder: Path) -> None:
    text = rendered(folder, "md")
    html = MarkdownIt("commonmark", {"html": True}).render(text)
    assert_not_live(html)
    assert "<script" not in html.lower()
    assert TEMPLATE in html and "49" not in html


def test_csv_cells_are_neutralised(folder: Path) -> None:
    rows = list(csv.reader(io.StringIO(rendered(folder, "csv"))))
    assert rows[0] == ["kind", "date", "time", "type", "id", "path", "field", "value"]
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), row
    assert any(cell.startswith("'=HYPERLINK(1)") for row in rows for cell in row)  # file name
    assert any(FORMULA in cell for row in rows for cell in row)  # inside text: left as text


def strings(value: object) -> set[str]:
    if isinstance(value, dict):
        return set().union(*(strings(v) for v in value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*(strings(v) for v in value)) if value else set()
    return {value} if isinstance(value, str) else set()


def test_json_is_data(folder: Path) -> None:
    text = rendered(folder, "json")
    assert HOSTILE in strings(json.loads(text))  # values as written: no markup added
    assert "<svg" not in text


def test_a_user_template_cannot_drop_the_csp(folder: Path, tmp_path: Path) -> None:
    root = make_folder(tmp_path)
    (root / "templates").mkdir()
    (root / "templates" / "report.html.j2").write_text(
        "<html><head><title>t</title></head><body>{{ safety_banner }}<p>x</p></body></html>"
    )
    html = rendered(root, "html")
    policy = CSP.search(html)
    assert policy is not None
    assert policy.start() < html.index("<title>") < html.index("<p>x</p>")


@pytest.mark.parametrize(
    "template",
    [
        "<html><head></head><body>{{ safety_banner }}<script>x()</script></body></html>",
        "<html><head></head><body>{{ safety_banner }}<iframe src=x></iframe></body></html>",
        '<!DOCTYPE html><img src="http://x/y.png"><html><head></head><body>{{ safety_banner }}</body></html>',
    ],
)
def test_a_user_template_cannot_run_code_or_load_before_the_csp(
    tmp_path: Path, template: str
) -> None:
    from interim.render import TemplateProblem

    root = make_folder(tmp_path)
    (root / "templates").mkdir()
    (root / "templates" / "report.html.j2").write_text(template)
    with pytest.raises(TemplateProblem):
        rendered(root, "html")


def test_output_is_byte_identical_across_runs(folder: Path) -> None:
    for fmt in ("html", "md", "json", "csv"):
        assert rendered(folder, fmt) == rendered(folder, fmt)
