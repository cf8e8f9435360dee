"""The HTML report's one style sheet, and the policy that lets the browser apply only it
(issue 10: no template style can hide the safety notice).

The sheet is interim's, rendered from the package alone (a folder's templates/ cannot
replace it), with the folder's `templates/report.css`, if there is one, after it:

    @layer interim, folder;
    @layer interim { <report/style.css.j2> <report/notice.css> }
    @layer folder { <templates/report.css> }

Layers, not order, decide: a normal rule in `folder` beats interim's normal rules (the
folder restyles the report as it likes), while interim's `!important` rules for the notice
beat every rule in `folder`, `!important` or not. The Content-Security-Policy names this
sheet by its SHA-256 hash and allows no other style (no 'unsafe-inline'): a template's own
<style> elements and style= attributes are ignored by the browser.

report.css is read under the folder-template rules (interim.render.confine) and must be a
plain style sheet that stays inside its layer: balanced braces, no unclosed comment or
string, no `<`, and nothing that loads (`url()`, `@import`, `@font-face`, `image-set()`).
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from interim.render.allowlist import css_problem
from interim.render.confine import decode, read_template
from interim.render.problems import TemplateProblem

FOLDER_CSS = "report.css"
SHOWN = f"templates/{FOLDER_CSS}"
NOTICE_CSS = Path(__file__).resolve().parent.parent / "templates" / "report" / "notice.css"
_TOKEN = re.compile(r"/\*.*?\*/|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|[{}]|/\*|[\"']", re.S)


def page_css(base: str, root: Path | None) -> str:
    """The text of the report's <style> element: interim's `base` CSS and the notice's
    rules in interim's layer, then the folder's report.css in its own."""
    notice = NOTICE_CSS.read_text(encoding="utf-8")
    parts = ["@layer interim, folder;", "@layer interim {", base.strip(), notice.strip(), "}"]
    folder = folder_css(root)
    if folder is not None:
        parts += ["@layer folder {", folder.strip(), "}"]
    return "\n" + "\n".join(parts) + "\n"


def folder_css(root: Path | None) -> str | None:
    """templates/report.css, checked; None when the folder has none."""
    if root is None:
        return None
    data = read_template(root, (FOLDER_CSS,))
    if data is None:
        return None
    css = decode(data, SHOWN)
    check_folder_css(css)
    return css


def check_folder_css(css: str) -> None:
    """Refuse (TemplateProblem with its line) a report.css that could load something or
    leave its layer."""
    lt = css.find("<")
    if lt >= 0:
        raise _problem(css, lt, "`<` cannot appear in report.css (it could end the style sheet)")
    loads = css_problem(css)
    if loads:
        at = css.lower().find(loads.lower().rstrip("("))
        raise _problem(css, max(at, 0), f"`{loads}` would load something; reports load nothing")
    depth = 0
    for token in _TOKEN.finditer(css):
        text = token.group(0)
        if text in ("/*", '"', "'"):
            raise _problem(css, token.start(), f"`{text}` is never closed")
        depth += {"{": 1, "}": -1}.get(text, 0)
        if depth < 0:
            raise _problem(css, token.start(), "this `}` closes a block that was never opened")
    if depth:
        raise _problem(css, len(css), f"{depth} `{{` never closed")


def _problem(css: str, at: int, message: str) -> TemplateProblem:
    return TemplateProblem(message, SHOWN, css.count("\n", 0, at) + 1)


def style_hash(css: str) -> str:
    """The CSP source for a <style> element whose text is exactly `css`."""
    digest = hashlib.sha256(css.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def policy(css: str) -> str:
    """The Content-Security-Policy of a report whose only style sheet is `css`: nothing
    loads, no script runs, no form is sent, no <base> applies, and no style but this one."""
    return f"default-src 'none'; style-src {style_hash(css)}; base-uri 'none'; form-action 'none'"
