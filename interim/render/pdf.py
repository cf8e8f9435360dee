"""The PDF report, rendered in-process by Typst (the `typst` package).

Record text is data, never Typst code: the whole context goes to Typst as one JSON string
through `sys.inputs` (pdfdata.py), record bodies as block trees (mdtree.py), and the
template only places strings.

Typst reads nothing it is not given. The template in use (the folder's
templates/report.typ, else interim's) is copied with interim's own partials into a fresh
temporary folder, which is the compile root: Typst refuses paths outside its root, so a
template can read neither records nor anything else on disk. Fonts are interim's own
(interim/fonts: Noto Sans and Noto Sans Mono, OFL), with the system's fonts and Typst's
built-in ones both turned off, and the PDF's creation date is the report date — so the same
folder, period and version give the same bytes on every machine. Typst packages (`@preview`
imports) are refused: they would download from the internet (see `_offline`).

interim's wrapper (templates/pdf/main.typ) draws the page and the safety notice, then
includes the template's body in a clipped container, so no template can drop or cover the
notice; after compiling, the renderer checks that the notice is on page 1 and refuses the
PDF if not (DESIGN §2.3).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from interim.render.confine import read_template
from interim.render.pdfdata import FONTS, glyph_warning, typst_data, user_font
from interim.render.problems import SafetyNoticeMissing, TemplateProblem
from interim.summary.context import ReportContext

if TYPE_CHECKING:
    import typst

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
TEMPLATE = "report.typ"
ROOT_NAME = "typst-root"  # the compile root's folder name, stripped from Typst's messages
SAFETY_LABEL = "<interim-safety>"
# An address nothing answers on, used as every proxy while Typst runs (see `_offline`).
DEAD_PROXY = "http://127.0.0.1:9"
PROXY_VARS = ("https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY")
NO_PROXY_VARS = ("no_proxy", "NO_PROXY")
_WHERE = re.compile(r"┌─ (\S+?):(\d+):(\d+)")


class PdfOutput(NamedTuple):
    data: bytes
    warnings: list[str]  # one line each, for stderr: glyphs no font has, Typst's warnings


def render_pdf(context: ReportContext, root: Path | None) -> PdfOutput:
    """The report as PDF bytes. Raises TemplateProblem for a template that cannot be used,
    SafetyNoticeMissing when the notice is due and did not land on page 1."""
    extra, problem = user_font(context.page.pdf_font, root)
    warnings = [w for w in [problem, glyph_warning(context.to_data(), extra)] if w]
    with typst_compiler(context, root, extra) as (compiler, shown_as):
        pdf, notes = _compile(compiler, _timestamp(context), shown_as)
        if context.safety.show:
            _check_safety(compiler, shown_as)
    return PdfOutput(pdf, warnings + notes)


@contextlib.contextmanager
def typst_compiler(
    context: ReportContext, root: Path | None, extra_font: Path | None = None
) -> Iterator[tuple[typst.Compiler, str]]:
    """A Typst compiler set up for this report — the template staged alone in a temporary
    compile root, interim's fonts only, the data in `sys.inputs` — and the template's name
    for messages. The folder is removed when the block ends."""
    source, shown_as = template_source(root)
    data = json.dumps(typst_data(context), ensure_ascii=False, allow_nan=False)
    with tempfile.TemporaryDirectory(prefix="interim-pdf-") as tmp:
        project = _stage(Path(tmp), source)
        fonts = [str(FONTS)]
        if extra_font is not None:  # its own folder: Typst reads font folders, not files
            (Path(tmp) / "fonts").mkdir()
            shutil.copyfile(extra_font, Path(tmp) / "fonts" / extra_font.name)
            fonts.append(str(Path(tmp) / "fonts"))
        yield _compiler(project, Path(tmp) / "packages", data, fonts), shown_as


def template_source(root: Path | None) -> tuple[bytes, str]:
    """The template in use and how to name it: the folder's templates/report.typ first
    (read here, so Typst never sees the folder, under the rules every folder template
    follows: interim.render.confine), else interim's."""
    if root is not None:
        data = read_template(root, (TEMPLATE,))
        if data is not None:
            return data, f"templates/{TEMPLATE}"
    return (TEMPLATES / TEMPLATE).read_bytes(), f"default:{TEMPLATE}"


def _stage(tmp: Path, source: bytes) -> Path:
    """The compile root: the template as /report.typ, interim's partials in /interim/
    (with interim's own body as /interim/default.typ, for a template that extends it)."""
    project = tmp / ROOT_NAME
    shutil.copytree(TEMPLATES / "pdf", project / "interim")
    shutil.copyfile(TEMPLATES / TEMPLATE, project / "interim" / "default.typ")
    (project / TEMPLATE).write_bytes(source)
    (tmp / "packages").mkdir()
    return project


def _compiler(project: Path, packages: Path, data: str, paths: list[str]) -> typst.Compiler:
    import typst  # here: the Typst binding is large, and only a PDF needs it

    # interim's fonts (and the user's `report.pdf_font`) only; Typst falls back to any of
    # them, character by character, for a script Noto Sans lacks.
    fonts = typst.Fonts(include_system_fonts=False, include_embedded_fonts=False, font_paths=paths)
    return typst.Compiler(
        str(project / "interim" / "main.typ"),
        root=str(project),
        font_paths=fonts,
        ignore_system_fonts=True,
        sys_inputs={"data": data},
        package_path=str(packages),  # empty: no locally installed package is found either
        package_cache_path=str(packages),
    )


def _timestamp(context: ReportContext) -> dt.datetime:
    """The PDF's creation date: midnight UTC of the report date, never the clock."""
    return dt.datetime.combine(context.generated_for, dt.time(0), tzinfo=dt.timezone.utc)


def _compile(compiler: typst.Compiler, when: dt.datetime, shown_as: str) -> tuple[bytes, list[str]]:
    import typst  # as in `_compiler`

    try:
        with _offline():
            pdf, warnings = compiler.compile_with_warnings(format="pdf", timestamp=when)
    except typst.TypstError as exc:
        raise _problem(exc, shown_as) from exc
    assert isinstance(pdf, bytes)
    return pdf, [_warning_text(w, shown_as) for w in warnings]


def _check_safety(compiler: typst.Compiler, shown_as: str) -> None:
    """The notice's marker must be there once, on page 1 (main.typ puts it there)."""
    with _offline():
        found = json.loads(compiler.query(SAFETY_LABEL, format="json"))
    pages = [m.get("value") for m in found if isinstance(m, dict)]
    if pages != [1]:
        raise SafetyNoticeMissing(
            f"the safety notice is not first on page 1 of the PDF ({shown_as}); "
            "the report was not written"
        )


@contextlib.contextmanager
def _offline() -> Iterator[None]:
    """Typst downloads `@preview/…` packages on import, and a template could spell record
    data into a package name. Typst has no switch to turn that off; its downloader takes
    its proxy from these variables (typst-kit, env_proxy), so while Typst runs every proxy
    is an address nothing answers on: a download fails on this machine, and nothing —
    not even a DNS lookup of the package server — goes out."""
    saved = {name: os.environ.get(name) for name in PROXY_VARS + NO_PROXY_VARS}
    try:
        for name in PROXY_VARS:
            os.environ[name] = DEAD_PROXY
        for name in NO_PROXY_VARS:
            os.environ.pop(name, None)
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _display(file: str, shown_as: str) -> str:
    """A Typst file name as a person would name it: the template, or interim's partial."""
    # Typst names files relative to the working directory; what matters is the part
    # inside the compile root.
    file = file.rsplit(ROOT_NAME + "/", 1)[-1].lstrip("/")
    if file == TEMPLATE:
        return shown_as
    return "default:pdf/" + file.removeprefix("interim/")


def _problem(exc: typst.TypstError, shown_as: str) -> TemplateProblem:
    where = _WHERE.search(exc.diagnostic or "")
    path, line = (
        (_display(where.group(1), shown_as), int(where.group(2))) if where else (shown_as, 1)
    )
    message = exc.message or "the template could not be compiled"
    if "download package" in message or "package not found" in message:
        message = (
            "report templates cannot use Typst packages (interim never goes online): " + message
        )
    hints = "; ".join(exc.hints or [])
    return TemplateProblem(message + (f" (hint: {hints})" if hints else ""), path, line)


def _warning_text(warning: typst.TypstWarning, shown_as: str) -> str:
    where = _WHERE.search(warning.diagnostic or "")
    path = f"{_display(where.group(1), shown_as)}:{where.group(2)}: " if where else ""
    return f"{path}{warning.message}"
