"""HTML and Markdown reports: the template, then the renderer's own guarantees on top —
the Content-Security-Policy and interim's style sheet first in <head> (interim.render.
stylesheet), the safety notice placed and verified (interim.render.safety), and what the
page may contain checked against the allow-list (interim.render.allowlist; Markdown:
interim.render.mdcheck)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

from markupsafe import Markup

from interim import __version__
from interim.diagnostics import Diagnostic
from interim.render.allowlist import Own, check_html, mark_links
from interim.render.bodies import RenderedBodies
from interim.render.chartdata import GLOBALS
from interim.render.env import folder_templates_used, make_env, render_template, template_shown
from interim.render.filters import block_of
from interim.render.mdcheck import check_md, refuse_html_before
from interim.render.problems import TemplateProblem
from interim.render.safety import place_html, place_md
from interim.render.stylesheet import page_css, policy
from interim.render.stylewarn import style_warnings
from interim.summary.context import Page, ReportContext
from interim.summary.data import Json

_HEAD_OPEN = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
_BLANK_RUNS = re.compile(r"\n{3,}")
_DOCTYPE = re.compile(r"\A\s*<!doctype[^>]*>", re.IGNORECASE)
# Before <head> only a doctype, comments and <html> may stand: anything else would load or
# run before the Content-Security-Policy (a meta policy covers only what follows it).
_BEFORE_HEAD = re.compile(
    r"\A\s*(?:<!doctype[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<html\b[^>]*>\s*)?(?:<!--.*?-->\s*)*<head\b",
    re.IGNORECASE | re.DOTALL,
)
VIEWPORT = "width=device-width, initial-scale=1"


class Head(NamedTuple):
    """interim's part of <head>: the policy, charset, referrer rule and the style sheet."""

    meta: str
    css: str
    csp: str

    @classmethod
    def build(cls, css: str) -> Head:
        csp = policy(css)
        meta = (
            f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
            '<meta charset="utf-8">\n'
            '<meta name="referrer" content="no-referrer">\n'
            f"<style>{css}</style>"
        )
        return cls(meta, css, csp)

    def own(self, output: str, banner: str) -> Own:
        """Where interim's own parts are in the final `output`, for the allow-list."""
        pairs = [
            {"http-equiv": "Content-Security-Policy", "content": self.csp},
            {"charset": "utf-8"},
            {"name": "referrer", "content": "no-referrer"},
            {"name": "viewport", "content": VIEWPORT},
            {"name": "generator", "content": f"interim {__version__}"},
        ]
        meta = frozenset(tuple(sorted(p.items())) for p in pairs)
        start = output.find(self.meta)
        style = start + self.meta.index("<style>") if start >= 0 else -1
        at = output.find(banner) if banner else -1
        return Own(meta, style, (at, at + len(banner)) if at >= 0 else (0, 0))


def refuse_content_above_head(output: str, template: str) -> None:
    """A report never loads anything before its policy is in force: a template that writes
    content above <head> is refused (IM920, exit 2)."""
    if _HEAD_OPEN.search(output) and not _BEFORE_HEAD.match(output):
        raise TemplateProblem(
            "it writes content above <head>, where the Content-Security-Policy does not reach",
            template,
        )


def _page_vars(
    data: Mapping[str, Json], banner: str, page: Page | None, head: str
) -> dict[str, object]:
    """What a template receives: the context's plain data and the renderer's globals."""
    page = page or Page()
    return {
        **data,
        "safety_banner": Markup(banner),
        "head_meta": Markup(head),
        "paper": _paper(page),
        "efficiency_target": page.efficiency_target,
    }


def _paper(page: Page) -> str:
    return "letter" if page.paper == "letter" else "A4"


def _banner(
    context: ReportContext, data: Mapping[str, Json], root: Path | None, html: bool, cache: bool
) -> str:
    """The safety banner from the package's own partial; "" when there is nothing to show."""
    if not context.safety.show:
        return ""
    env = make_env(root, html=html, user=False, cache=cache)
    name = "report/_safety.html.j2" if html else "report/_safety.md.j2"
    return render_template(env, name, {"safety": data["safety"]}, root).strip()


def _head(root: Path | None, page: Page, cache: bool) -> Head:
    """interim's style sheet (from the package only: no folder can replace it) with the
    folder's templates/report.css, and the policy that allows only it."""
    env = make_env(root, html=True, user=False, cache=cache)
    base = render_template(env, "report/style.css.j2", {"paper": _paper(page)}, root)
    return Head.build(page_css(base, root))


def render_html(
    context: ReportContext,
    root: Path | None,
    template: str = "report.html.j2",
    *,
    cache: bool = True,
    notes: list[Diagnostic] | None = None,
    check_own: bool = False,
) -> str:
    """The HTML report. Raises TemplateProblem or SafetyNoticeMissing; a warning about the
    template's own styles (IM921) is added to `notes`. The allow-list is checked on a page
    that a folder template had a part in; `check_own` checks it on interim's own too (the
    tests do, to show that such a page passes unchanged)."""
    data = context.to_data()
    banner = _banner(context, data, root, html=True, cache=cache)
    head = _head(root, context.page, cache)
    env = make_env(root, html=True, cache=cache)
    env.globals.update(GLOBALS)
    bodies = RenderedBodies(root, enabled=cache)  # each body rendered once per content
    env.filters["md"] = bodies.md
    env.filters["body_block"] = block_of(bodies.md)
    page_vars = _page_vars(data, banner, context.page, head.meta)
    output = render_template(env, template, page_vars, root)
    where = template_shown(env, template, root)
    refuse_content_above_head(output, where)
    output = ensure_head_meta(output, head.meta)
    if banner:
        output = place_html(output, banner, head.css)
    bodies.save()
    if not check_own and not folder_templates_used(env):
        # interim's own templates, escaped values and bodies from interim.render.markdown:
        # inside the allow-list by construction (tests/test_render_allowlist.py renders
        # hostile folders with them and checks), so the parse is for the folder's code.
        return output
    checked = check_html(output, where, head.own(output, banner))
    if notes is not None:
        notes.extend(style_warnings(env, template, where, root, checked.styles))
    return mark_links(output, checked.links)


def render_md(
    context: ReportContext,
    root: Path | None,
    template: str = "report.md.j2",
    *,
    cache: bool = True,
) -> str:
    data = context.to_data()
    banner = _banner(context, data, root, html=False, cache=cache)
    env = make_env(root, html=False, cache=cache)
    output = render_template(env, template, _page_vars(data, banner, context.page, ""), root)
    output = _BLANK_RUNS.sub("\n\n", output).strip("\n") + "\n"  # template spacing, tidied
    where = template_shown(env, template, root)
    refuse_html_before(output, banner, where)  # where the template put it
    if banner:
        output = place_md(output, banner)
    check_md(output, banner, where)
    return output


def ensure_head_meta(output: str, meta: str) -> str:
    """The CSP must come first in <head> (a meta policy covers only what follows it): when a
    template left it out or put it later, it is added right after <head>."""
    head = _HEAD_OPEN.search(output)
    if head is not None and output.startswith(meta, head.end() + 1):
        return output
    if head is not None:
        return output[: head.end()] + "\n" + meta + output[head.end() :]
    doctype = _DOCTYPE.search(output)
    cut = doctype.end() if doctype else 0
    return output[:cut] + "\n" + meta + "\n" + output[cut:]
