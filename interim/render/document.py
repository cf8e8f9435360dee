"""HTML and Markdown reports: the template, then the renderer's own guarantees on top —
the safety notice placed and verified (interim.render.safety) and, for HTML, the
Content-Security-Policy present before anything else in <head>."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from markupsafe import Markup

from interim.render.chartdata import GLOBALS
from interim.render.env import make_env, render_template
from interim.render.safety import place_html, place_md, shown

# No script-src at all: default-src 'none' forbids scripts, and inline event handlers with
# them. Inline styles are needed (one self-contained file); images only as data: URLs.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
HEAD_META = Markup(
    f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
    '<meta name="referrer" content="no-referrer">'
)
_HEAD_OPEN = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
_BLANK_RUNS = re.compile(r"\n{3,}")
_DOCTYPE = re.compile(r"\A\s*<!doctype[^>]*>", re.IGNORECASE)
# Record text is escaped, so these can only come from a template itself.
_SCRIPT = re.compile(r"<script\b|<iframe\b|<object\b|<embed\b", re.IGNORECASE)
# Before <head> only a doctype, comments and <html> may stand: anything else would load or
# run before the Content-Security-Policy (a meta policy covers only what follows it).
_BEFORE_HEAD = re.compile(
    r"\A\s*(?:<!doctype[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<html\b[^>]*>\s*)?(?:<!--.*?-->\s*)*<head\b",
    re.IGNORECASE | re.DOTALL,
)


def refuse_active_content(output: str, template: str) -> None:
    """A report never runs code or loads anything before its policy is in force: a template
    that writes a script, or content above <head>, is refused (IM920, exit 2)."""
    from interim.render.problems import TemplateProblem

    found = _SCRIPT.search(output)
    if found:
        raise TemplateProblem(
            f"it writes `{found.group(0)}`; interim reports never run code or embed pages",
            template,
        )
    if _HEAD_OPEN.search(output) and not _BEFORE_HEAD.match(output):
        raise TemplateProblem(
            "it writes content above <head>, where the Content-Security-Policy does not reach",
            template,
        )


def _page_vars(context: dict[str, Any], banner: str, settings: Any) -> dict[str, Any]:
    paper = settings["report.paper"] if settings is not None else "a4"
    target = settings["sleep.efficiency_target"] if settings is not None else 85
    return {
        **context,
        "safety_banner": Markup(banner),
        "head_meta": HEAD_META,
        "paper": "letter" if paper == "letter" else "A4",
        "efficiency_target": target,
    }


def _banner(context: dict[str, Any], root: Path | None, html: bool, cache: bool) -> str:
    """The safety banner from the package's own partial; "" when there is nothing to show."""
    if not shown(context):
        return ""
    env = make_env(root, html=html, user=False, cache=cache)
    name = "report/_safety.html.j2" if html else "report/_safety.md.j2"
    return render_template(env, name, {"safety": context["safety"]}, root).strip()


def render_html(
    context: dict[str, Any],
    root: Path | None,
    settings: Any,
    template: str = "report.html.j2",
    *,
    cache: bool = True,
) -> str:
    banner = _banner(context, root, html=True, cache=cache)
    env = make_env(root, html=True, cache=cache)
    env.globals.update(GLOBALS)
    output = render_template(env, template, _page_vars(context, banner, settings), root)
    refuse_active_content(output, template)
    output = ensure_head_meta(output)
    return place_html(output, banner) if banner else output


def render_md(
    context: dict[str, Any],
    root: Path | None,
    settings: Any,
    template: str = "report.md.j2",
    *,
    cache: bool = True,
) -> str:
    banner = _banner(context, root, html=False, cache=cache)
    env = make_env(root, html=False, cache=cache)
    output = render_template(env, template, _page_vars(context, banner, settings), root)
    output = _BLANK_RUNS.sub("\n\n", output).strip("\n") + "\n"  # template spacing, tidied
    return place_md(output, banner) if banner else output


def ensure_head_meta(output: str) -> str:
    """The CSP must come first in <head> (a meta policy covers only what follows it): when a
    template left it out or put it later, it is added right after <head>."""
    meta = str(HEAD_META)  # plain text: adding Markup to a str would escape the str
    head = _HEAD_OPEN.search(output)
    if head is not None and output.startswith(meta, head.end() + 1):
        return output
    if head is not None:
        return output[: head.end()] + "\n" + meta + output[head.end() :]
    doctype = _DOCTYPE.search(output)
    cut = doctype.end() if doctype else 0
    return output[:cut] + "\n" + meta + "\n" + output[cut:]
