"""docs/template-api.md, "Writing your own templates", cannot drift: its example templates
are taken from the page and rendered against example-folder, its error messages are the
ones interim prints, and its lists of blocks, globals and filters (with their arguments and
examples) are the renderer's own."""

from __future__ import annotations

import inspect
import io
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from jinja2 import nodes

from interim.render.chartdata import GLOBALS
from interim.render.document import _page_vars
from interim.render.env import make_env
from interim.render.filters import HTML_FILTERS, TEXT_FILTERS
from interim.render.stylesheet import policy, style_hash

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "template-api.md"
EXAMPLE = ROOT / "example-folder"
SECTION = "## Writing your own templates"
Run = Callable[..., Result]
# The example folder's latest PHQ-9, and the same form with item 9 answered "several days".
PHQ9 = ROOT / "example-folder" / "questionnaires" / "2026-11-17-phq9.md"
ITEMS = (
    "items: [1, 1, 2, 2, 1, 1, 1, 0, 0]\ntotal: 9\n",
    "items: [1, 1, 2, 2, 1, 1, 1, 0, 1]\ntotal: 10\n",
)
BANNER = 'class="interim-safety"'


def section_text() -> str:
    text = PAGE.read_text(encoding="utf-8")
    assert text.count(SECTION) == 1, f"{PAGE.name} has no '{SECTION}'"
    start = text.index(SECTION)
    end = text.find("\n## ", start + len(SECTION))
    return text[start : end if end != -1 else len(text)]


def part(heading: str) -> str:
    """The text under one `### heading` of the section, up to the next heading."""
    text = section_text()
    match = re.search(rf"^### {re.escape(heading)}\n(.*?)(?=^#{{2,3}} |\Z)", text, re.M | re.S)
    assert match, f"no '### {heading}' in {SECTION}"
    return match.group(1)


def fenced(text: str, after: str, lang: str) -> str:
    """The first ```lang block after the marker `after`."""
    assert after in text, f"marker {after!r} is gone from the docs"
    match = re.compile(rf"```{lang}\n(.*?)```", re.S).search(text, text.index(after))
    assert match, f"no ```{lang} block after {after!r}"
    return match.group(1)


def html_example() -> tuple[str, str]:
    """The example override and the line the docs say it gives."""
    text = section_text()
    template = fenced(text, "<!-- docs-example: templates/report.html.j2", "jinja")
    output = fenced(text, "<!-- docs-example-output -->", "html").strip()
    return template, output


def folder_copy(tmp_path: Path, *, safety: bool = False) -> Path:
    root = tmp_path / "folder"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".git", "templates"))
    if safety:
        phq9 = root / PHQ9.relative_to(EXAMPLE)
        text = phq9.read_text(encoding="utf-8")
        assert ITEMS[0] in text, "example-folder's latest PHQ-9 changed; update ITEMS"
        phq9.write_text(text.replace(*ITEMS), encoding="utf-8")
    return root


def with_template(root: Path, text: str, name: str = "report.html.j2") -> Path:
    (root / "templates").mkdir(exist_ok=True)
    (root / "templates" / name).write_text(text, encoding="utf-8")
    return root


def report(run_cli: Run, root: Path, out: Path) -> Result:
    return run_cli(["report", str(root), "-o", str(out)])


# -- the example override ------------------------------------------------------------------


@pytest.mark.parametrize("safety", [False, True], ids=["no-notice", "with-notice"])
def test_the_html_example_renders_as_documented(tmp_path: Path, run_cli: Run, safety: bool) -> None:
    template, expected = html_example()
    assert template.lstrip().splitlines()[1] == '{% extends "default:report.html.j2" %}'
    root = with_template(folder_copy(tmp_path, safety=safety), template)
    out = tmp_path / "report.html"
    result = report(run_cli, root, out)
    assert result.exit_code == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert expected in html  # the documented change is visible ...
    assert "Nothing in this file was sent anywhere" not in html  # ... in place of the footer
    assert '<h2 id="glance-h">At a glance</h2>' in html  # and the rest is interim's
    assert html.index("<head>\n" + '<meta http-equiv="Content-Security-Policy"') > 0
    if safety:  # extending the default keeps one notice, right after the header
        assert html.count(BANNER) == 1
        assert html.index("</header>") < html.index(BANNER) < html.index("<main>")
    else:
        assert BANNER not in html


def test_the_documented_template_error(tmp_path: Path, run_cli: Run) -> None:
    """The IM920 line in the docs is the example with `period` misspelt on line 5."""
    template, _ = html_example()
    assert "{{ period.label }}" in template.splitlines()[4]
    root = with_template(folder_copy(tmp_path), template.replace("period.label", "perod.label"))
    out = tmp_path / "report.html"
    result = report(run_cli, root, out)
    assert result.exit_code == 2
    assert not out.exists()
    documented = fenced(section_text(), "one\nIM920 line", "text").strip()
    assert result.stderr.strip() == documented


def test_the_documented_safety_refusal(tmp_path: Path, run_cli: Run) -> None:
    root = with_template(folder_copy(tmp_path, safety=True), "{{ period.label }}\n")
    out = tmp_path / "report.html"
    result = report(run_cli, root, out)
    assert result.exit_code == 2
    assert not out.exists()
    documented = fenced(part("The safety notice"), "the report is refused", "text").strip()
    assert result.stderr.strip() == documented


@pytest.mark.parametrize(
    "template",
    [
        "<html><body><h2>Mine</h2></body></html>",  # left out
        "<html><body><!-- {{ safety_banner }} --><h2>x</h2></body></html>",  # in a comment
        "<html><body><h2>x</h2>{{ safety_banner }}</body></html>",  # after the sections
    ],
    ids=["left-out", "comment", "late"],
)
def test_the_notice_is_inserted_as_documented(tmp_path: Path, run_cli: Run, template: str) -> None:
    root = with_template(folder_copy(tmp_path, safety=True), template)
    out = tmp_path / "report.html"
    assert report(run_cli, root, out).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert html.count(BANNER) == 1
    assert re.search(r"<body>\n<section " + BANNER, html)


def test_the_pdf_example_renders(tmp_path: Path, run_cli: Run) -> None:
    from pypdf import PdfReader

    template = fenced(part("The PDF template (Typst)"), "**Extending interim's.**", "typst")
    assert template.startswith('#include "/interim/default.typ"\n')
    root = with_template(folder_copy(tmp_path), template, "report.typ")
    out = tmp_path / "report.pdf"
    result = report(run_cli, root, out)
    assert result.exit_code == 0, result.stderr
    pages = PdfReader(io.BytesIO(out.read_bytes())).pages
    text = " ".join(" ".join(page.extract_text().split()) for page in pages)
    assert "Prepared for the session after 12 Nov – 17 Nov 2026 (6 days)." in text
    assert "Nothing in this file was sent anywhere" in text  # interim's body is all there


def test_the_documented_policy_is_the_one_written() -> None:
    documented = fenced(part("Content-Security-Policy (HTML)"), "the policy", "text").strip()
    css = "h1 { color: teal }"  # any style sheet: the policy names it by its hash
    assert documented == policy(css).replace(style_hash(css), "'sha256-…'")


# -- blocks, globals, filters --------------------------------------------------------------


def template_blocks(name: str, *, html: bool) -> set[str]:
    env = make_env(None, html=html)
    assert env.loader is not None
    source = env.loader.get_source(env, name)[0]
    return {block.name for block in env.parse(source).find_all(nodes.Block)}


def test_the_documented_blocks_are_the_templates_blocks() -> None:
    rows = re.findall(r"^\| `(\w+)` \| ([^|]+) \|", part("Extending interim's report"), re.M)
    assert rows, "the block table is gone"
    in_html = {name for name, where in rows if "HTML" in where}
    in_md = {name for name, where in rows if "Markdown" in where}
    assert in_html == template_blocks("report.html.j2", html=True)
    assert in_md == template_blocks("report.md.j2", html=False)


Item = tuple[str, str | None]


def listed(text: str) -> list[Item]:
    """`- `name(args)` — …` items: each name, and its arguments as written (None: no call)."""
    return [(m[1], m[3]) for m in re.finditer(r"^- `(\w+)(\(([^)]*)\))?`", text, re.M)]


def spelt(function: Callable[..., Any], skip: int = 0) -> str:
    """A function's parameters as the docs write them, Jinja-style: `style="medium"`."""

    def one(p: inspect.Parameter) -> str:
        if p.default is inspect.Parameter.empty:
            return p.name
        default = "none" if p.default is None else repr(p.default).replace("'", '"')
        return f"{p.name}={default}"

    params = list(inspect.signature(function).parameters.values())[skip:]
    return ", ".join(one(p) for p in params)


def test_the_documented_globals_are_the_renderers() -> None:
    items = listed(part("Globals"))
    page_vars = set(_page_vars({}, "", None, ""))
    assert {name for name, _ in items} == page_vars | set(GLOBALS)
    for name, args in items:
        if name in GLOBALS:
            assert args == spelt(GLOBALS[name]), f"{name}: the docs' arguments are stale"
        else:
            assert args is None, f"{name} is a value, not a function"


def test_the_documented_filters_are_the_renderers() -> None:
    items = listed(part("Filters"))
    filters = {**TEXT_FILTERS, **HTML_FILTERS}  # `md` by its HTML form; both take no argument
    assert {name for name, _ in items} == set(filters)
    for name, args in items:
        assert args == spelt(filters[name], skip=1), f"{name}: the docs' arguments are stale"


EXAMPLE_CONTEXT = {"period": {"end": "2026-11-17"}, "s": {"mean": 45.0, "n": 1}}


def filter_examples() -> list[tuple[bool, str, str]]:
    """(html, template, result) for every `{{ … }}` → `…` in the filter list; an item
    marked "Markdown only" renders with the Markdown environment."""
    found = []
    for item in re.split(r"^- ", part("Filters"), flags=re.M)[1:]:
        html = "Markdown only" not in item
        for template, result in re.findall(r"`(\{\{[^`]*?\}\})` → `([^`]*)`", item):
            found.append((html, template, result))
    return found


@pytest.mark.parametrize(("html", "template", "result"), filter_examples())
def test_every_filter_example_is_right(html: bool, template: str, result: str) -> None:
    env = make_env(None, html=html)
    assert env.from_string(template).render(EXAMPLE_CONTEXT).strip() == result


def test_there_are_filter_examples() -> None:
    assert len(filter_examples()) >= 10
