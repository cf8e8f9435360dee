"""What a rendered HTML report may contain: an allow-list of elements and attributes (issue
10, DESIGN §6). A folder template is someone else's code, and a deny-list always misses one
(`<meta http-equiv="refresh">`, `<link rel="dns-prefetch">`, `<base>`, forms all passed the
old one). Everything outside this list is refused, with the element and its line in the
output; the Content-Security-Policy stays as the second wall.

The check parses the final output with the standard library's `html.parser`, and makes sure
that parser and a browser cannot disagree about what is markup: every `<` that starts a
tag in the raw text must be a tag the parser reported (so nothing hides inside a comment,
a <style> or a <title>), each tag is written plainly (attribute values quoted or simple),
and comments that a browser closes early (`<!-->`, `--!>`), CDATA sections, processing
instructions and declarations other than the doctype are refused. Record text is always
escaped, so all of this can only come from a template.

Links stay links: `a href` may be http(s), mailto or a fragment (`#...`), and every link
that leaves the page gets `rel="noreferrer noopener"`. Nothing may load a URL: no `src`,
`srcset`, `poster`, `action`, `ping`, SVG `href`, and in CSS no `url()`, `@import` or
`image-set()`. A `<style>` or `style=` is allowed here but the browser ignores it (only
interim's own style sheet is allowed by the policy, see interim.render.stylesheet); the
renderer warns about it (IM921).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from interim.render.problems import TemplateProblem

_TEXT = frozenset(
    [
        "a",
        "abbr",
        "address",
        "article",
        "aside",
        "b",
        "bdi",
        "bdo",
        "blockquote",
        "br",
        "caption",
        "cite",
        "code",
        "col",
        "colgroup",
        "dd",
        "del",
        "details",
        "dfn",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "i",
        "ins",
        "kbd",
        "li",
        "main",
        "mark",
        "nav",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "samp",
        "section",
        "small",
        "span",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "time",
        "tr",
        "u",
        "ul",
        "var",
        "wbr",
    ]
)
_PAGE = frozenset({"html", "head", "body", "title", "meta", "style"})
# The SVG elements interim's charts draw (interim/svg.py, interim/charts.py), and a few more
# that draw shapes or text and load nothing.
SVG = frozenset({"svg", "g", "title", "desc", "path", "line", "polyline", "polygon", "rect"}) | {
    "circle",
    "ellipse",
    "text",
    "tspan",
}
ELEMENTS = _TEXT | _PAGE | SVG
GLOBAL = frozenset({"class", "id", "title", "lang", "dir", "role", "hidden", "style"})
PER_ELEMENT: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "rel", "hreflang"}),
    "html": frozenset({"xmlns"}),
    "td": frozenset({"colspan", "rowspan", "headers"}),
    "th": frozenset({"colspan", "rowspan", "headers", "scope", "abbr"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "ol": frozenset({"start", "reversed", "type"}),
    "li": frozenset({"value"}),
    "time": frozenset({"datetime"}),
    "details": frozenset({"open"}),
    "meta": frozenset({"charset", "name", "content", "http-equiv"}),
}
# Presentation and geometry attributes of the SVG elements above: none loads anything.
SVG_ATTRS = frozenset(
    [
        "xmlns",
        "viewbox",
        "width",
        "height",
        "x",
        "y",
        "x1",
        "y1",
        "x2",
        "y2",
        "cx",
        "cy",
        "r",
        "rx",
        "ry",
        "d",
        "points",
        "dx",
        "dy",
        "fill",
        "stroke",
        "stroke-width",
        "stroke-dasharray",
        "stroke-linecap",
        "stroke-linejoin",
        "stroke-opacity",
        "fill-opacity",
        "opacity",
        "font-family",
        "font-size",
        "font-weight",
        "font-style",
        "text-anchor",
        "dominant-baseline",
        "transform",
        "preserveaspectratio",
    ]
)
LINK_REL = "noreferrer noopener"
_SAFE_HREF = re.compile(r"(?:https?://|mailto:|#)", re.IGNORECASE)
# A tag as interim writes it: a name, then attributes with quoted or simple values. A browser
# and html.parser read such a tag the same way.
_TAG = re.compile(
    r"""<[a-zA-Z][a-zA-Z0-9-]*(?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*"""
    r"""(?:\s*=\s*(?:"[^"<]*"|'[^'<]*'|[^\s"'=<>`]+))?)*\s*/?>""",
    re.DOTALL,
)
_TAG_START = re.compile(r"</?[a-zA-Z]")
_CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6}\s?|[^\n])")
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_CSS_LOADS = re.compile(r"url\(|@import|image-set\(|image\(|src\(|@font-face|expression\(", re.I)


def css_problem(css: str) -> str | None:
    """What in a piece of CSS would load something, after undoing CSS escapes (`u\\72l(`)
    and comments; None when nothing does."""
    plain = _CSS_ESCAPE.sub(_unescape, _CSS_COMMENT.sub("", css))
    found = _CSS_LOADS.search(plain)
    return found.group(0) if found else None


def _unescape(match: re.Match[str]) -> str:
    text = match.group(1).strip()
    if re.fullmatch(r"[0-9a-fA-F]{1,6}", text):
        code = int(text, 16)
        return chr(code) if 0 < code < 0x110000 else "\ufffd"
    return text


@dataclass(frozen=True)
class Own:
    """What interim itself put in the page: its <meta> tags (each as its sorted attribute
    pairs), the offset of its <style> tag, and the span of the safety notice."""

    meta: frozenset[tuple[tuple[str, str], ...]]
    style: int = -1
    banner: tuple[int, int] = (0, 0)


@dataclass
class Checked:
    """What the check found that is allowed but worth a warning, and the links to mark."""

    styles: list[int] = field(default_factory=list)  # lines with a template <style>/style=
    links: list[int] = field(default_factory=list)  # offsets of `<a` that need rel added


class _Checker(HTMLParser):
    def __init__(self, template: str, own: Own) -> None:
        super().__init__(convert_charrefs=True)
        self.template = template
        self.own = own
        self.lines: list[int] = []
        self.tags: set[int] = set()
        self.stack: list[str] = []
        self.found = Checked()

    def position(self) -> int:
        line, col = self.getpos()
        return self.lines[line - 1] + col

    def refuse(self, what: str, why: str) -> None:
        raise TemplateProblem(
            f"line {self.getpos()[0]} of the report writes {what}: {why}", self.template
        )

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.start(tag, attrs, void=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.start(tag, attrs, void=True)

    def start(self, tag: str, attrs: list[tuple[str, str | None]], void: bool) -> None:
        at = self.position()
        self.tags.add(at)
        raw = self.get_starttag_text() or ""
        shown = _short(raw)
        if tag not in ELEMENTS:
            self.refuse(f"`{shown}`", f"<{tag}> is not an element interim's reports may hold")
        if not _TAG.fullmatch(raw):
            self.refuse(f"`{shown}`", "write the tag plainly: quote its attribute values")
        in_svg = "svg" in self.stack or tag == "svg"
        if tag in SVG and tag not in ("svg", "title") and not in_svg:
            self.refuse(f"`{shown}`", f"<{tag}> belongs inside an <svg>")
        if tag == "style" and in_svg:
            self.refuse(f"`{shown}`", "a style sheet inside an SVG is not allowed")
        if tag == "meta":
            self.meta(attrs, shown)
        if not self.own.banner[0] <= at < self.own.banner[1]:
            self.reserved(attrs, shown)
        for name, value in attrs:
            self.attribute(tag, name, value or "", shown, in_svg)
        if tag == "a" and any(n == "href" for n, _ in attrs):
            self.link(attrs, at)
        if tag == "style" and at != self.own.style:
            self.found.styles.append(self.getpos()[0])
        if not void and tag not in ("meta", "br", "hr", "wbr", "col"):
            self.stack.append(tag)

    def meta(self, attrs: list[tuple[str, str | None]], shown: str) -> None:
        if tuple(sorted((n, v or "") for n, v in attrs)) not in self.own.meta:
            self.refuse(f"`{shown}`", "a report holds only interim's own <meta> tags")

    def reserved(self, attrs: list[tuple[str, str | None]], shown: str) -> None:
        """The notice's id and classes are interim's: a look-alike could take its rules."""
        for name, value in attrs:
            words = (value or "").split()
            if (name == "id" and words and words[0].startswith("safety")) or (
                name == "class" and any(w.startswith("interim-") for w in words)
            ):
                self.refuse(f"`{shown}`", f'`{name}="{value}"` is reserved for the safety notice')

    def attribute(self, tag: str, name: str, value: str, shown: str, in_svg: bool) -> None:
        allowed = (
            name in GLOBAL
            or name in PER_ELEMENT.get(tag, ())
            or name.startswith(("aria-", "data-"))
            or (in_svg and name in SVG_ATTRS)
        )
        if not allowed:
            self.refuse(f"`{shown}`", f"the attribute `{name}` is not allowed on <{tag}>")
        if name == "href" and not _SAFE_HREF.match(_url(value)):
            self.refuse(f"`{shown}`", "a link goes only to http(s), mailto or a #fragment")
        loads = css_problem(value) if name == "style" or "(" in value else None
        if loads:
            self.refuse(f"`{shown}`", f"`{loads}` would load something; reports load nothing")
        if name == "style":
            self.found.styles.append(self.getpos()[0])

    def link(self, attrs: list[tuple[str, str | None]], at: int) -> None:
        href = _url(next(v or "" for n, v in attrs if n == "href"))
        rel = next((v or "" for n, v in attrs if n == "rel"), "").lower().split()
        if not href.startswith("#") and not {"noreferrer", "noopener"} <= set(rel):
            self.found.links.append(at)

    def handle_endtag(self, tag: str) -> None:
        self.tags.add(self.position())
        if tag in self.stack:
            del self.stack[len(self.stack) - 1 - self.stack[::-1].index(tag) :]

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] == "style":
            loads = css_problem(data)
            if loads:
                self.refuse("a style sheet", f"`{loads}` would load something")

    def handle_comment(self, data: str) -> None:
        # A browser ends `<!-->` and `<!--->` at once and `<!-- --!>` at `--!>`; this parser
        # reads on to `-->`. Refused, so both see the same comment.
        if data.startswith((">", "->")) or "--!>" in data or "<!--" in data:
            self.refuse("`<!--…-->`", "a comment a browser would read differently")

    def handle_decl(self, decl: str) -> None:
        if decl.lower() != "doctype html":
            self.refuse(f"`<!{_short(decl)}>`", "only <!DOCTYPE html> may be declared")

    def unknown_decl(self, data: str) -> None:
        self.refuse(f"`<![{_short(data)}`", "CDATA and marked sections are not allowed")

    def handle_pi(self, data: str) -> None:
        self.refuse(f"`<?{_short(data)}`", "processing instructions are not allowed")


def _url(value: str) -> str:
    """A URL as a browser reads it: tabs and newlines removed, spaces and controls trimmed."""
    return re.sub(r"[\t\n\r]", "", value).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08 \x0b\x0c")


def _short(text: str) -> str:
    one = " ".join(text.split())
    return one if len(one) <= 80 else one[:79] + "…"


def check_html(output: str, template: str, own: Own) -> Checked:
    """Raise TemplateProblem, naming `template`, for anything in `output` outside the
    allow-list; return the lines that use template styles and the links to mark."""
    checker = _Checker(template, own)
    checker.lines = [0] + [m.end() for m in re.finditer("\n", output)]
    checker.feed(output)
    checker.close()
    for match in _TAG_START.finditer(output):
        if match.start() not in checker.tags:
            line = output.count("\n", 0, match.start()) + 1
            raise TemplateProblem(
                f"line {line} of the report writes `{_short(output[match.start() :][:40])}` "
                "where a browser could read it as markup (in a comment, a style sheet or a "
                "title): write `&lt;` for a literal <",
                template,
            )
    return checker.found


def mark_links(output: str, links: list[int]) -> str:
    """`rel="noreferrer noopener"` added first in each link that lacks it (a browser uses
    the first of two `rel` attributes)."""
    for at in sorted(links, reverse=True):
        output = output[: at + 2] + f' rel="{LINK_REL}"' + output[at + 2 :]
    return output
