"""Record bodies → HTML, and plain values → Markdown text, safely.

A body is the user's Markdown, rendered by markdown-it-py's CommonMark preset with raw HTML
off (a `<script>` or `<img onerror>` is printed as text), linkify off, and links allowed only
to http, https, mailto and #fragments (markdown-it's own check blocks javascript: and
friends but lets some `data:image` through; we allow-list instead). A relative link stays
text: in a report opened somewhere else it points nowhere, and `//host/x` would reach
another machine (the report's allow-list, interim.render.allowlist, has the same rule). Images never load: an
image is shown as its alt text, so a record cannot make the report fetch a remote file. Body
text is never a template: it is a value passed to the template, so `{{ 7*7 }}` stays text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
# A scheme is whatever precedes the first ":" that comes before any "/", "?" or "#". After
# normalisation, tabs and newlines (which browsers strip from URLs) are percent-encoded, so
# "java\tscript:" arrives as "java%09script:" and is refused as an unknown scheme.
_SCHEME = re.compile(r"^([^/?#]*?):")


def safe_link(url: str) -> bool:
    """True for http(s), mailto and relative links; false for every other scheme."""
    match = _SCHEME.match(url.strip())
    return match is None or match.group(1).lower() in SAFE_SCHEMES


_REPORT_LINK = re.compile(r"(?:https?://|mailto:|#)", re.IGNORECASE)


def report_link(url: str) -> bool:
    """True for the links an HTML report keeps: http(s), mailto and #fragments."""
    return bool(_REPORT_LINK.match(url.strip())) and safe_link(url)


def _image_as_text(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    """An image becomes its alt text in brackets: nothing is ever fetched."""
    token = tokens[idx]
    alt = self.renderInlineAsText(token.children or [], options, env)
    return f'<span class="image-alt">[image: {_escape(alt)}]</span>' if alt else ""


def _link_open(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    """Links leave no trace: no referrer, no window handle for the page they open."""
    tokens[idx].attrSet("rel", "noopener noreferrer")
    return str(self.renderToken(tokens, idx, options, env))


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


@functools.cache
def _parser() -> MarkdownIt:
    # markdown-it is imported here, on the first body to render: a report whose bodies are
    # all in interim.render.bodies' cache never loads it (~25 ms).
    from markdown_it import MarkdownIt

    class _SafeMarkdown(MarkdownIt):
        def validateLink(self, url: str) -> bool:  # markdown-it calls it by this name
            return report_link(url)

    md = _SafeMarkdown("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.add_render_rule("image", _image_as_text)
    md.add_render_rule("link_open", _link_open)
    return md


def to_html(text: str) -> str:
    """A record body as HTML that is safe to mark as Markup."""
    return str(_parser().render(text))


# Markdown output: characters that could start markup (emphasis, links, code, raw HTML,
# tables) are backslash-escaped; an entity-looking "&" is escaped so `&lt;` stays literal.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#!~])|&(?=#?[A-Za-z0-9]+;)")


def escape_md(text: str) -> str:
    """Plain text made inert in Markdown: no link, image, HTML or table cell break can form,
    and line breaks become spaces so a value cannot start a new block."""
    one_line = re.sub(r"\s*[\r\n]+\s*", " ", text)
    return _MD_SPECIAL.sub(lambda m: "\\" + (m.group(1) or "&"), one_line)


def body_md(text: str) -> str:
    """A record body for Markdown output: escaped line by line (so its own Markdown cannot
    form HTML or links) and kept as a quotation, each line prefixed with `> `."""
    lines = [escape_md(line) for line in text.strip().splitlines()]
    return "\n".join(f"> {line}" if line else ">" for line in lines)
