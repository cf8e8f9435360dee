"""What the Markdown report may contain, read as a Markdown viewer reads it (issue 10).

Many viewers (Obsidian, VS Code's preview, most wikis) render raw HTML in Markdown and load
images. So the output is parsed with markdown-it (CommonMark, raw HTML on, as those viewers
do) and:

- the safety notice stands first: a top-level block quote on its own lines, before any
  `##` heading (placing it is interim.render.safety's job; this module says whether it is);
- nothing before the notice is raw HTML (a `<details>`, a `display:none` div or a comment
  opened above it would hide it), so a template that writes any is refused;
- no image anywhere (a viewer would fetch it, with the data in its address), no raw HTML
  outside the report allow-list (interim.render.allowlist), and no `<style>` or `style=`
  (nothing in a viewer makes them harmless, as the HTML report's policy does).

Record text is escaped for Markdown, so all of this can only come from a template.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import TYPE_CHECKING

from interim.render.allowlist import Own, check_html
from interim.render.problems import TemplateProblem

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_HTML = ("html_block", "html_inline")


@functools.cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt  # only a Markdown report is read back this way

    return MarkdownIt("commonmark", {"html": True})


def _walk(tokens: list[Token], line: int = 0) -> Iterator[tuple[Token, int]]:
    """Every token with its 0-based source line (inline tokens take their block's)."""
    for token in tokens:
        at = token.map[0] if token.map else line
        yield token, at
        if token.children:
            yield from _walk(token.children, at)


def banner_line(output: str, banner: str) -> int:
    """The 0-based line the banner starts on, or -1."""
    at = output.find(banner)
    return output.count("\n", 0, at) if at >= 0 else -1


def md_placed(output: str, banner: str) -> bool:
    """Once, as a top-level block quote that is exactly the banner's lines, before any `##`
    heading: not in a list, a fence, a comment, an HTML block or a link definition."""
    if output.count(banner) != 1:
        return False
    start = banner_line(output, banner)
    end = start + banner.count("\n") + 1
    if output.find(banner) and output[output.find(banner) - 1] != "\n":
        return False
    for token, line in _walk(_parser().parse(output)):
        if line >= start:
            return (
                token.type == "blockquote_open"
                and token.level == 0
                and token.map is not None
                and token.map[0] == start
                and token.map[1] >= end
            )
        if token.type == "heading_open" and token.tag != "h1":
            return False
    return False


def refuse_html_before(output: str, banner: str, template: str) -> None:
    """A template that wrote raw HTML above where it put the notice is refused, even when
    the notice is then moved above it: it meant to wrap or hide it."""
    start = banner_line(output, banner) if banner else -1
    before = output[: output.find(banner)] if start >= 0 else ""
    if before.count("<!--") > before.count("-->"):  # viewers differ on where it ends
        raise TemplateProblem(
            f"line {start + 1} of the report puts the safety notice inside an HTML comment",
            template,
        )
    for token, line in _walk(_parser().parse(output)):
        if token.type in _HTML and 0 <= line <= start:
            raise TemplateProblem(
                f"line {line + 1} of the report writes raw HTML "
                f"(`{token.content.strip()[:60]}`) before the safety notice, which could "
                "hide it in a Markdown viewer",
                template,
            )


def check_md(output: str, banner: str, template: str) -> None:
    """Refuse (TemplateProblem naming `template`) raw HTML before the notice, images, and
    raw HTML the allow-list does not allow."""
    start = banner_line(output, banner) if banner else -1
    own = Own(frozenset())
    for token, line in _walk(_parser().parse(output)):
        where = f"line {line + 1} of the report"
        if token.type == "image":
            raise TemplateProblem(
                f"{where} has an image (`{token.attrGet('src')}`): a Markdown viewer would "
                "fetch it; reports load nothing",
                template,
            )
        if token.type not in _HTML:
            continue
        if 0 <= line <= start:
            refuse_html_before(output, banner, template)
        # Blank lines first, so the allow-list's "line N of the report" is this line.
        checked = check_html("\n" * line + token.content, template, own)
        if checked.styles:
            raise TemplateProblem(
                f"{where} writes a style (`<style>` or `style=`): a Markdown viewer would "
                "apply it; the Markdown report holds no styles",
                template,
            )
