"""Record bodies as a small JSON tree for the PDF template.

Typst markup is code: `#read(...)`, `#import`, `$x$` or `@ref` in a body would run or
resolve if a body were pasted into a Typst source. So a body never becomes Typst text.
markdown-it-py parses it (CommonMark, raw HTML off, the same link allow-list as the HTML
report), and this module reduces the syntax tree to plain data that the template walks
with functions that only ever place strings as content:

    block:  {"t": "p" | "h", "c": [inline], "level"?}   {"t": "code", "s": str}
            {"t": "quote", "c": [block]}   {"t": "hr"}
            {"t": "list", "ordered": bool, "start": int, "tight": bool, "items": [[block]]}
    inline: {"t": "text" | "code", "s": str}   {"t": "strong" | "em", "c": [inline]}
            {"t": "link", "c": [inline], "url": str | None}   {"t": "br"}

Nesting deeper than MAX_DEPTH (a hostile `>>>>>>…` or `*_*_…`) is flattened to its text,
so the template's recursion stays far below Typst's call-depth limit. The syntax tree is
built from markdown-it's flat token stream with an explicit stack (`_tree`), and flattened
text is gathered the same way (`_plain`): markdown-it's own SyntaxTreeNode recurses once per
level, and ten thousand `*` in a row took the report down with a RecursionError.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from interim.render.markdown import safe_link

Node = dict[str, Any]
MAX_DEPTH = 6
_INLINE_WRAP = {"strong": "strong", "em": "em"}
_LISTS = ("bullet_list", "ordered_list")
_INLINE_CONTAINERS = frozenset({"inline", "strong", "em", "link"})


@functools.cache
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.validateLink = safe_link  # type: ignore[method-assign]  # markdown-it's hook name
    return md


@dataclass(eq=False)
class SyntaxTreeNode:
    """The part of markdown-it's SyntaxTreeNode this module uses, built without recursion."""

    type: str
    tag: str = ""
    content: str = ""
    hidden: bool = False
    attrs: dict[str, str | int | float] = field(default_factory=dict)
    children: list[SyntaxTreeNode] = field(default_factory=list)


def _tree(tokens: list[Token]) -> SyntaxTreeNode:
    """Tokens (block tokens, and each inline token's children) as a tree: an `_open` token
    starts a node that its `_close` ends, any other token is a leaf."""
    root = SyntaxTreeNode("root")
    stack = [root]
    pending: list[tuple[SyntaxTreeNode, list[Token]]] = []
    for token in tokens:
        _place(token, stack, pending)
    while pending:  # inline tokens' children, each list with its own stack
        node, children = pending.pop()
        inner = [node]
        for token in children:
            _place(token, inner, pending)
    return root


def _place(
    token: Token, stack: list[SyntaxTreeNode], pending: list[tuple[SyntaxTreeNode, list[Token]]]
) -> None:
    if token.nesting == -1:
        if len(stack) > 1:
            stack.pop()
        return
    kind = token.type.removesuffix("_open") if token.nesting == 1 else token.type
    node = SyntaxTreeNode(kind, token.tag, token.content, token.hidden, dict(token.attrs))
    stack[-1].children.append(node)
    if token.nesting == 1:
        stack.append(node)
    elif token.children:
        pending.append((node, token.children))


def body_tree(text: str) -> list[Node]:
    """A record body (Markdown) as a list of block nodes."""
    return _blocks(_tree(_parser().parse(text)).children, 0)


def _blocks(nodes: list[SyntaxTreeNode], depth: int) -> list[Node]:
    return [block for node in nodes for block in _block(node, depth)]


def _block(node: SyntaxTreeNode, depth: int) -> list[Node]:
    kind = node.type
    if depth >= MAX_DEPTH and kind not in ("paragraph", "inline"):
        return [{"t": "p", "c": [_text(_plain(node))]}]
    if kind == "paragraph":
        return [{"t": "p", "c": _inline_of(node, depth)}]
    if kind == "heading":
        return [{"t": "h", "level": int(node.tag[1:]), "c": _inline_of(node, depth)}]
    if kind in ("fence", "code_block"):
        return [{"t": "code", "s": node.content.rstrip("\n")}]
    if kind == "blockquote":
        return [{"t": "quote", "c": _blocks(node.children, depth + 1)}]
    if kind in _LISTS:
        return [_list(node, depth)]
    if kind == "hr":
        return [{"t": "hr"}]
    # html_block cannot occur with html off; anything unforeseen still prints as text.
    return [{"t": "p", "c": [_text(_plain(node))]}] if _plain(node).strip() else []


def _list(node: SyntaxTreeNode, depth: int) -> Node:
    start = node.attrs.get("start", 1)
    items = [_blocks(item.children, depth + 1) for item in node.children]
    tight = any(p.hidden for item in node.children for p in item.children)
    return {
        "t": "list",
        "ordered": node.type == "ordered_list",
        "start": int(start) if isinstance(start, int | str) else 1,
        "tight": tight,
        "items": items,
    }


def _inline_of(node: SyntaxTreeNode, depth: int) -> list[Node]:
    inline = node.children[0] if node.children else None
    return _merge(_inlines(inline.children, depth)) if inline is not None else []


def _inlines(nodes: list[SyntaxTreeNode], depth: int) -> list[Node]:
    return [out for node in nodes for out in _inline(node, depth)]


def _inline(node: SyntaxTreeNode, depth: int) -> list[Node]:
    kind = node.type
    if kind == "text":
        return [_text(node.content)]
    if kind == "softbreak":
        return [_text(" ")]
    if kind == "hardbreak":
        return [{"t": "br"}]
    if kind == "code_inline":
        return [{"t": "code", "s": node.content}]
    if kind == "image":  # never fetched: its description in brackets, as in the HTML report
        alt = _plain(node)
        return [_text(f"[image: {alt}]")] if alt else []
    if depth >= MAX_DEPTH:
        return [_text(_plain(node))]
    children = _merge(_inlines(node.children, depth + 1))
    if kind in _INLINE_WRAP:
        return [{"t": _INLINE_WRAP[kind], "c": children}]
    if kind == "link":
        href = str(node.attrs.get("href", ""))
        return [{"t": "link", "c": children, "url": href or None}]
    return children  # html_inline cannot occur with html off


def _text(s: str) -> Node:
    return {"t": "text", "s": s}


def _plain(node: SyntaxTreeNode) -> str:
    """All the text under a node, markup dropped (for flattened deep nesting): inline parts
    joined as they are, block parts with a space. Iterative, whatever the depth."""
    out: list[str] = []
    stack: list[SyntaxTreeNode | str] = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            out.append(item)
        elif item.type in ("text", "code_inline", "fence", "code_block", "image"):
            out.append(item.content)  # markdown-it keeps an image's alt text here
        elif item.type in ("softbreak", "hardbreak"):
            out.append(" ")
        else:
            glue = "" if item.type in _INLINE_CONTAINERS else " "
            parts: list[SyntaxTreeNode | str] = []
            for i, child in enumerate(item.children):
                parts += [glue, child] if i and glue else [child]
            stack.extend(reversed(parts))
    return "".join(out)


def _merge(nodes: list[Node]) -> list[Node]:
    """Adjacent text runs joined: a smaller tree for Typst to walk."""
    out: list[Node] = []
    for node in nodes:
        if node["t"] == "text" and out and out[-1]["t"] == "text":
            out[-1] = _text(out[-1]["s"] + node["s"])
        else:
            out.append(node)
    return out
