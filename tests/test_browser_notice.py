"""The safety notice cannot be hidden by style: proved in a real browser (DESIGN §2.3,
issue 10).

Each hostile style sheet below is tried two ways: written by a folder template (a <style>
in the page, which the report's Content-Security-Policy makes the browser ignore) and as
the folder's `templates/report.css` (which interim applies in a cascade layer below its own
`!important` rules for the notice). For the default report and for each of them, on screen
(1280 × 800 and a 390 × 844 phone) and with print media: the notice's box is inside the
first viewport, its computed display, visibility, opacity, transform, font size and colours
are interim's, nothing around it fades, clips or transforms it, and the element drawn at its
centre and at points inside it is the notice. Printed to PDF by Chromium, its text is on
page 1.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from browser import Browser, contrast, notice_facts
from test_render_support import make_folder, rendered

NOTICE_BG = "rgb(255, 243, 196)"
INK = "rgb(0, 0, 0)"
HEADING = "Safety: PHQ-9 item 9"

# A hostile style sheet per way of hiding a block of text. Selectors aim at the notice
# (`#safety`, `[role=alert]`, `.interim-safety`), its text, its ancestors, or the page.
HOSTILE_CSS: dict[str, str] = {
    "filter-opacity": "section[role=alert]{filter:opacity(0)!important}",
    "opacity": "#safety{opacity:0!important}",
    "visibility": "#safety,#safety *{visibility:hidden!important}",
    "display-none": ".interim-safety{display:none!important}",
    "body-display-none": "body{display:none!important}",
    "html-display-none": "html{display:none!important}",
    "clip-path": ".interim-safety{clip-path:inset(50%)!important}",
    "clip": "#safety{position:absolute!important;clip:rect(0 0 0 0)!important}",
    "mask": "#safety{mask:linear-gradient(transparent,transparent)!important;"
    "-webkit-mask:linear-gradient(transparent,transparent)!important}",
    "transform-scale": "#safety{transform:scale(0)!important}",
    "translate": "#safety{translate:-9999px 0!important;rotate:90deg!important}",
    "body-transform": "body{transform:translateY(-5000px)!important}",
    "font-size-0": "#safety,#safety *{font-size:0!important}",
    "colour-is-background": "#safety *{color:#fff3c4!important}",
    "transparent-text": "#safety *{color:transparent!important;"
    "-webkit-text-fill-color:transparent!important}",
    "background-is-ink": "#safety,#safety *{background:#000!important}",
    "content-visibility": "#safety{content-visibility:hidden!important}",
    "zoom": "#safety{zoom:0.01!important} body{zoom:0.05!important}",
    "blend": "#safety{mix-blend-mode:screen!important}",
    "text-indent": "#safety *{text-indent:-9999px!important;overflow:hidden!important}",
    "letter-spacing": "#safety *{letter-spacing:-1em!important;word-spacing:-1em!important}",
    "line-height-0": "#safety,#safety *{line-height:0!important;max-height:0!important;"
    "overflow:hidden!important}",
    "ancestor-max-height": "body{max-height:10px!important;overflow:hidden!important}"
    "html{max-height:10px!important;overflow:hidden!important}",
    "columns": "#safety{columns:40!important;column-gap:0!important;height:1px!important}",
    "all-unset": "#safety,#safety *{all:unset!important}",
    "first-line": "#safety *::first-line{color:transparent!important;font-size:0!important}",
    "before-cover": "#safety::before{content:'';position:absolute;inset:0;"
    "background:#fff3c4;z-index:99}",
    "fixed-overlay": "footer{position:fixed!important;inset:0!important;background:#fff!important;"
    "z-index:2147483647!important}",
    "html-after-overlay": "html::after{content:'';position:fixed;inset:0;background:#fff;"
    "z-index:2147483647}",
    "body-after-overlay": "body::after{content:'';position:fixed;inset:0;background:#fff;"
    "z-index:2147483647}",
    "outline-cover": "#safety{outline:3000px solid #fff3c4!important;"
    "outline-offset:-1500px!important}",
    "shadow-cover": "#safety h2{box-shadow:0 0 0 3000px #000!important}",
    "content-image": "#safety p,#safety h2,#safety li{content:linear-gradient(#fff3c4,#fff3c4)!important}",
    "contain": "#safety{contain:strict!important}",
    "container-size": "#safety{container-type:size!important}",
    "position-offscreen": "#safety{position:absolute!important;top:-9999px!important}",
    "margin-offscreen": "#safety{margin-top:-9999px!important}",
    "animation": "@keyframes gone{to{opacity:0;transform:scale(0)}}"
    "#safety{animation:gone 1ms forwards!important}",
    "push-down-padding": "body{padding-top:3000px!important}",
    "push-down-header": "header{height:3000px!important;margin-bottom:3000px!important}",
    "push-down-font": "h1{font-size:600px!important}",
    "push-down-before": "body::before{content:'';display:block;height:5000px}",
    "scroll-snap": "html{scroll-snap-type:y mandatory!important}"
    "footer{scroll-snap-align:start!important}",
    "writing-mode": "html{writing-mode:vertical-rl!important}",
    "nowrap": "#safety,#safety *{white-space:nowrap!important}",
    "text-security": "#safety *{-webkit-text-security:disc!important}",
    "font-family-blank": "#safety,#safety *{font-family:'Adobe Blank',monospace!important}",
    "print-hide": "@media print{#safety,body{display:none!important}}",
    "layer-trick": "@layer interim{#safety{display:none!important}}",
}


def evasive(css: str) -> str:
    """The same rules aimed at the notice by its role: a style sheet that names the notice's
    id or class is refused outright (interim.render.safety), so the browser is tried with
    the selectors that get past that check."""
    return css.replace("#safety", "body>[role=alert]").replace(".interim-safety", "[role=alert]")


def template_with_style(css: str) -> str:
    """A folder template that writes the style sheet into the page itself."""
    css = evasive(css)
    return (
        '{% extends "default:report.html.j2" %}'
        "{% block header %}<style>" + css + "</style>{{ super() }}{% endblock %}"
    )


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_folder(tmp_path_factory.mktemp("notice"), hostile=False)


def report_with(base: Path, tmp_path: Path, files: dict[str, str]) -> Path:
    """The folder's HTML report, with these files added under templates/."""
    import shutil

    root = tmp_path / "folder"
    shutil.copytree(base, root)
    for name, text in files.items():
        path = root / "templates" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    out = tmp_path / "report.html"
    out.write_text(rendered(root, "html"), encoding="utf-8")
    return out


def assert_shown(facts: dict[str, Any] | None, where: str, *, whole: bool = True) -> None:
    """The notice as the first screen must show it. `whole=False` is for a notice that may
    outgrow a screen (the caseload lists every client with a risk answer): it must start in
    the top half of the first one, where its heading and first rows are read."""
    assert facts is not None, f"{where}: no notice in the page"
    rect, view, notice = facts["rect"], facts["viewport"], facts["notice"]
    assert view["scrollY"] == 0, where
    assert rect["height"] > 60 and rect["width"] > 250, (where, rect)
    bottom = rect["bottom"] if whole else rect["top"] + view["height"] / 2
    assert rect["top"] >= 0 and bottom <= view["height"], (where, "not in view", rect)
    assert rect["left"] >= 0 and rect["right"] <= view["width"] + 0.5, (where, rect)
    expected = {
        "display": "block",
        "visibility": "visible",
        "opacity": "1",
        "transform": "none",
        "filter": "none",
        "clipPath": "none",
        "fontSize": 16,
        "color": INK,
        "background": NOTICE_BG,
        "position": "relative",
        "zoom": "1",
        "contentVisibility": "visible",
        "mixBlendMode": "normal",
        "mask": "none",
    }
    assert {k: notice[k] for k in expected} == expected, where
    for tag, style, length in facts["texts"]:
        assert style["visibility"] == "visible" and style["opacity"] == "1", (where, tag)
        assert style["display"] != "none" and style["filter"] == "none", (where, tag)
        assert style["fontSize"] >= 14 and style["textIndent"] == 0, (where, tag, style)
        assert style["letterSpacing"] == "normal" and style["zoom"] == "1", (where, tag)
        assert style["textFill"] == style["color"], (where, tag)
        assert contrast(style["color"], NOTICE_BG) >= 7, (where, tag, style["color"])
        assert style["background"] == "rgba(0, 0, 0, 0)", (where, tag, style["background"])
        assert length > 0
    for tag, style in facts["ancestors"]:
        assert style["display"] == "block" and style["visibility"] == "visible", (where, tag)
        assert style["opacity"] == "1" and style["filter"] == "none", (where, tag, style)
        assert style["transform"] == "none" and style["clipPath"] == "none", (where, tag)
        assert style["zoom"] == "1" and style["mask"] == "none", (where, tag)
        assert style["contentVisibility"] == "visible", (where, tag)
    # A point past the first screen has no element to hit: the part of a longer notice
    # that is on screen must be uncovered.
    hits = [h for h in facts["hits"] if whole or h["y"] < view["height"]]
    assert hits, (where, "no point of the notice on screen was tried")
    covered = [h for h in hits if not h["hit"]]
    assert not covered, (where, "covered at", covered)
    assert HEADING in facts["text"], where


def assert_everywhere(browser: Browser, report: Path, label: str) -> None:
    for width, height in ((1280, 800), (390, 844)):
        for media in ("screen", "print"):
            browser.open(report, width=width, height=height, media=media)
            assert_shown(notice_facts(browser), f"{label} {width}px {media}")


def first_page_text(browser: Browser) -> str:
    from pypdf import PdfReader

    return PdfReader(io.BytesIO(browser.pdf())).pages[0].extract_text()


def test_the_default_report(browser: Browser, base: Path, tmp_path: Path) -> None:
    report = report_with(base, tmp_path, {})
    assert_everywhere(browser, report, "default")
    assert HEADING in first_page_text(browser)


def test_the_css_hole_of_issue_10(browser: Browser, base: Path, tmp_path: Path) -> None:
    """The issue's own example: one CSS rule in a folder template blanked the notice."""
    template = (
        '{% extends "default:report.html.j2" %}{% block style %}{{ super() }}'
        "section[role=alert]{filter:opacity(0)!important}{% endblock %}"
    )
    report = report_with(base, tmp_path, {"report.html.j2": template})
    assert_everywhere(browser, report, "block style")


@pytest.mark.parametrize("name", sorted(HOSTILE_CSS))
def test_a_template_style_sheet_is_ignored(
    browser: Browser, base: Path, tmp_path: Path, name: str
) -> None:
    report = report_with(base, tmp_path, {"report.html.j2": template_with_style(HOSTILE_CSS[name])})
    assert_everywhere(browser, report, f"<style> {name}")


@pytest.mark.parametrize("name", sorted(HOSTILE_CSS))
def test_report_css_cannot_hide_it(browser: Browser, base: Path, tmp_path: Path, name: str) -> None:
    report = report_with(base, tmp_path, {"report.css": HOSTILE_CSS[name]})
    assert_everywhere(browser, report, f"report.css {name}")
    assert HEADING in first_page_text(browser)


def test_style_attributes_are_ignored(browser: Browser, base: Path, tmp_path: Path) -> None:
    template = (
        '{% extends "default:report.html.j2" %}{% block footer %}'
        '<footer style="position:fixed;inset:0;background:#fff;z-index:2147483647">x</footer>'
        "{% endblock %}"
    )
    report = report_with(base, tmp_path, {"report.html.j2": template})
    assert_everywhere(browser, report, "style=")


def h1_colour(browser: Browser, report: Path) -> str:
    browser.open(report)
    colour = browser.run("return getComputedStyle(document.querySelector('h1')).color")
    assert isinstance(colour, str)
    return colour


def test_report_css_restyles_the_report(browser: Browser, base: Path, tmp_path: Path) -> None:
    """The folder's CSS is applied, and beats interim's ordinary rules without !important."""
    report = report_with(base, tmp_path, {"report.css": "h1 { color: rgb(0, 128, 128) }"})
    assert h1_colour(browser, report) == "rgb(0, 128, 128)"


def test_a_template_style_does_nothing(browser: Browser, base: Path, tmp_path: Path) -> None:
    template = template_with_style("h1 { color: rgb(0, 128, 128) }")
    report = report_with(base, tmp_path / "a", {"report.html.j2": template})
    assert h1_colour(browser, report) == "rgb(26, 26, 26)"  # interim's --ink


def test_no_browser_is_said_plainly(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a browser the fixture skips (or, under INTERIM_REQUIRE_BROWSER=1, fails)
    with this reason; it never errors on a path that does not exist."""
    from browser import find_browser

    monkeypatch.setenv("INTERIM_CHROMIUM", "/nonexistent/chromium")
    found = find_browser()
    assert isinstance(found, str) and "apt-get install chromium chromium-driver" in found
