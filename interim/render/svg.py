"""A tiny SVG writer for interim's charts: elements one per line, numbers with one decimal,
every attribute and text XML-escaped, ids derived from the caller's prefix (never random), so
the same data gives the same bytes."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import NamedTuple

INK = "#1a1a1a"


class Style(NamedTuple):
    """How one series is drawn: colour, dash pattern and marker shape, so series differ in
    greyscale as well as in colour."""

    colour: str
    dash: str
    marker: str


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _f(x: float) -> str:
    return f"{x:.1f}"


def esc(text: object) -> str:
    """XML-escape text (quotes too, for attributes); characters XML cannot hold at all
    become U+FFFD rather than making the SVG ill-formed."""
    return html.escape(_NOT_XML.sub("\ufffd", str(text)), quote=True)


def _ident(prefix: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9_-]", "-", prefix) or "chart"
    return cleaned if cleaned[0].isalpha() else "c" + cleaned


class Svg:
    """Collects SVG elements, one per line so golden-file diffs stay readable."""

    def __init__(self, ident: str, width: float, height: float, title: str, alt: str) -> None:
        self.id = _ident(ident)
        self.parts = [
            f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {_f(width)} '
            f'{_f(height)}" width="{_f(width)}" height="{_f(height)}" role="img" '
            f'aria-labelledby="{self.id}-title {self.id}-desc" '
            'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif" font-size="12">',
            f'<title id="{self.id}-title">{esc(title)}</title>',
            f'<desc id="{self.id}-desc">{esc(alt)}</desc>',
        ]

    def el(self, tag: str, body: str | None = None, **attrs: float | str) -> None:
        """One element; `stroke_width=` is written `stroke-width`, numbers with one decimal."""
        pairs = "".join(
            f' {k.replace("_", "-")}="{_f(v) if isinstance(v, float | int) else esc(v)}"'
            for k, v in attrs.items()
        )
        self.parts.append(
            f"<{tag}{pairs}/>" if body is None else f"<{tag}{pairs}>{esc(body)}</{tag}>"
        )

    def text(self, x: float, y: float, s: str, anchor: str = "start", **attrs: str) -> None:
        self.el("text", s, x=x, y=y, text_anchor=anchor, **({"fill": INK} | attrs))

    def line(self, x1: float, y1: float, x2: float, y2: float, stroke: str, **attrs: str) -> None:
        self.el("line", x1=x1, y1=y1, x2=x2, y2=y2, stroke=stroke, **attrs)

    def rect(self, x: float, y: float, w: float, h: float, fill: str, **attrs: str) -> None:
        self.el("rect", x=x, y=y, width=w, height=h, fill=fill, **attrs)

    def polyline(self, points: Sequence[tuple[float, float]], style: Style) -> None:
        d = " ".join(f"{'M' if i == 0 else 'L'}{_f(x)} {_f(y)}" for i, (x, y) in enumerate(points))
        dash = {"stroke_dasharray": style.dash} if style.dash else {}
        self.el("path", d=d, fill="none", stroke=style.colour, stroke_width="2", **dash)

    def marker(self, x: float, y: float, style: Style, r: float = 4.0) -> None:
        paint = {"fill": style.colour, "stroke": "#ffffff", "stroke_width": "1"}
        if style.marker == "circle":
            self.el("circle", cx=x, cy=y, r=r, **paint)
            return
        corners: tuple[tuple[float, float], ...]
        if style.marker == "square":
            corners = ((x - r, y - r), (x + r, y - r), (x + r, y + r), (x - r, y + r))
        elif style.marker == "triangle":
            corners = ((x, y - r - 1), (x + r + 1, y + r), (x - r - 1, y + r))
        else:  # diamond
            corners = ((x, y - r - 1), (x + r + 1, y), (x, y + r + 1), (x - r - 1, y))
        self.el("polygon", points=" ".join(f"{_f(a)},{_f(b)}" for a, b in corners), **paint)

    def done(self) -> str:
        return "\n".join([*self.parts, "</svg>"])
