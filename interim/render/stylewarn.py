"""IM921: a report template that brings its own styles. The browser ignores them (the
report's policy allows only interim's style sheet, interim.render.stylesheet), so the
template author is told where CSS goes instead: templates/report.css."""

from __future__ import annotations

from pathlib import Path

from jinja2.sandbox import ImmutableSandboxedEnvironment

from interim.diagnostics import Diagnostic, diag
from interim.render.confine import read_template
from interim.render.problems import TemplateProblem

HINT = "put your CSS in templates/report.css, a layer of its own (docs/template-api.md)"


def style_warnings(
    env: ImmutableSandboxedEnvironment,
    template: str,
    where: str,
    root: Path | None,
    lines: list[int],
) -> list[Diagnostic]:
    """At most one IM921 for the page's <style>/style= (`lines`: where in the report), one
    for a `style` block that no longer exists, one for an old report/style.css.j2."""
    found = []
    if lines:
        many = f" and {len(lines) - 1} more" if len(lines) > 1 else ""
        found.append(
            diag(
                "IM921",
                where,
                1,
                1,
                f"it writes its own style (`<style>` or `style=`, line {lines[0]} of the "
                f"report{many}): browsers ignore it, since a report applies only interim's "
                "style sheet",
                HINT,
            )
        )
    if where.startswith("templates/") and "style" in env.get_template(template).blocks:
        found.append(
            diag(
                "IM921",
                where,
                1,
                1,
                "it fills a `style` block, which interim's report no longer has: its CSS is "
                "not used",
                HINT,
            )
        )
    if root is not None and _exists(root, ("report", "style.css.j2")):
        found.append(
            diag(
                "IM921",
                "templates/report/style.css.j2",
                1,
                1,
                "interim's style sheet can no longer be replaced: this file is not used",
                HINT,
            )
        )
    return found


def _exists(root: Path, parts: tuple[str, ...]) -> bool:
    try:
        return read_template(root, parts) is not None
    except TemplateProblem:
        return True
