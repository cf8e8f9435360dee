"""The safety notice in rendered output (DESIGN §2.3): the renderer puts it there, not the
template, and refuses the output when it cannot.

The banner is rendered from a package-only partial (the folder's templates/ cannot replace
it) and handed to the report template as `safety_banner`. After rendering, the banner must
appear exactly once, visibly and first: in HTML as a child of <body> itself (not in a
comment, `<head>`, `<details>`, a `hidden` element or any other element), with at most
two elements and no loose text before it and no report section; in Markdown as a top-level
block quote before the first `##` section (interim.render.mdcheck). Otherwise every copy is
removed and the banner is inserted right after `<body…>` (HTML) or under the title
(Markdown), then checked again; if it still cannot be verified, `SafetyNoticeMissing` is
raised and nothing is written.

Style cannot hide it either: the browser applies only interim's style sheet, whose notice
rules no folder CSS can outrank (report/notice.css, interim.render.stylesheet), and what
may stand before the notice is kept short there. Both are proved in Chromium
(tests/test_browser_notice.py).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from interim.render.mdcheck import md_placed
from interim.render.problems import SafetyNoticeMissing

# Elements a visible banner may sit in: the page itself. Inside anything else (details,
# svg, a, table, even a div) it could be hidden or covered by that element's box, and its
# styles hold for its ancestors only when those are html and body (report/notice.css).
_CONTAINERS = frozenset({"html", "body"})
MAX_BEFORE = 2  # elements before it in <body>: the header (report/notice.css bounds each)
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
_HIDING_ATTRS = frozenset({"hidden", "inert", "aria-hidden"})
_HIDING_STYLE = re.compile(
    r"display|visibility|opacity|position|clip|transform|height|overflow|font-size|filter|"
    r"zoom|scale|content-visibility|margin|indent|color|top|left",
    re.IGNORECASE,
)
# Report content that must not come before the banner: section headings, tables, charts.
_SECTION_START = re.compile(r"<(h[2-6]|table|svg|section|ul|ol|dl|figure)\b", re.IGNORECASE)
_BODY_OPEN = re.compile(r"<body\b[^>]*>", re.IGNORECASE)
BANNER_CLASS = "interim-safety"


class _OpenElements(HTMLParser):
    """The elements still open at the end of the text fed in."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.style_text: list[str] = []
        self.in_body = 0  # elements opened as children of <body>
        self.loose_text = False  # text straight in <body>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.stack and self.stack[-1][0] == "body":
            self.in_body += 1
        if tag not in _VOID:
            self.stack.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1][0] == "style":
            self.style_text.append(data)
        if self.stack and self.stack[-1][0] == "body" and data.strip():
            self.loose_text = True


def _hides(tag: str, attrs: dict[str, str | None]) -> bool:
    if tag not in _CONTAINERS or _HIDING_ATTRS & attrs.keys():
        return True
    if tag in ("html", "body"):
        return False  # styling these moves the whole report, the banner with it
    return bool(_HIDING_STYLE.search(attrs.get("style") or ""))


def html_placed(output: str, banner: str, own_css: str = "") -> bool:
    """The banner appears once, a child of <body>, after at most MAX_BEFORE elements and no
    loose text, before any section. `own_css` is interim's style sheet, which may name it."""
    if output.count(banner) != 1:
        return False
    start = output.index(banner)
    parser = _OpenElements()
    parser.feed(output[:start])
    if "<" in parser.rawdata:  # the text before it ends inside a comment or a tag
        return False
    tags = [tag for tag, _ in parser.stack]
    if not tags or tags[-1] != "body" or any(_hides(tag, attrs) for tag, attrs in parser.stack):
        return False
    if parser.in_body > MAX_BEFORE or parser.loose_text:
        return False
    parser.feed(output[start:])
    css = "".join(t for t in parser.style_text if t != own_css)
    if BANNER_CLASS in css or "#safety" in css:
        return False  # a style sheet aimed at the banner
    body = _BODY_OPEN.search(output)
    return body is not None and not _SECTION_START.search(output, body.end(), start)


def place_html(output: str, banner: str, own_css: str = "") -> str:
    if html_placed(output, banner, own_css):
        return output
    cleaned = output.replace(banner, "")
    body = _BODY_OPEN.search(cleaned)
    if body is not None:
        cleaned = cleaned[: body.end()] + "\n" + banner + "\n" + cleaned[body.end() :]
    if not html_placed(cleaned, banner, own_css):
        raise SafetyNoticeMissing(
            "the report template leaves no place for the safety notice (it needs a <body> "
            "in which nothing hides the notice); the report was not written"
        )
    return cleaned


def place_md(output: str, banner: str) -> str:
    if md_placed(output, banner):
        return output
    cleaned = output.replace(banner, "")
    title = re.match(r"# [^\n]*\n(?:[^\n#][^\n]*\n)*", cleaned)
    cut = title.end() if title else 0
    cleaned = cleaned[:cut] + ("\n" if cut else "") + banner + "\n\n" + cleaned[cut:].lstrip("\n")
    if not md_placed(cleaned, banner):
        raise SafetyNoticeMissing(
            "the safety notice could not be placed at the top of the Markdown report; "
            "the report was not written"
        )
    return cleaned
