"""The caseload page as PDF, rendered by Typst from interim's own template
(`templates/caseload/caseload.typ`) with interim's fonts only, offline, in a fresh compile
root that holds nothing but interim's templates; the safety section must land on page 1
(the same check as the report's notice: interim.render.pdf)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from interim.render.pdf import TEMPLATES, _check_safety, _compile
from interim.render.pdfdata import FONTS
from interim.summary.caseload import CaseloadContext

if TYPE_CHECKING:
    import typst

TEMPLATE = TEMPLATES / "caseload" / "caseload.typ"
SHOWN = "default:caseload/caseload.typ"


def caseload_pdf(context: CaseloadContext) -> tuple[bytes, list[str]]:
    """The PDF's bytes and Typst's warnings. Raises SafetyNoticeMissing when the safety
    section is not on page 1."""
    # lib.typ (whose date helpers the template imports) reads the report's `pdf` part.
    data: dict[str, object] = {**context.to_data(), "pdf": {"paper": "a4", "charts": {}, "md": {}}}
    text = json.dumps(data, ensure_ascii=False, allow_nan=False)
    when = dt.datetime.combine(context.report_date, dt.time(0), tzinfo=dt.timezone.utc)
    with tempfile.TemporaryDirectory(prefix="interim-pdf-") as tmp:
        project = Path(tmp) / "typst-root"
        shutil.copytree(TEMPLATES / "pdf", project / "interim")
        shutil.copyfile(TEMPLATE, project / "interim" / "caseload.typ")
        (Path(tmp) / "packages").mkdir()
        compiler = _compiler(project, Path(tmp) / "packages", text)
        pdf, notes = _compile(compiler, when, SHOWN)
        _check_safety(compiler, SHOWN)
    return pdf, notes


def _compiler(project: Path, packages: Path, data: str) -> typst.Compiler:
    """As the report's (interim.render.pdf): interim's fonts only, no package found or
    fetched, the data in `sys.inputs`."""
    import typst  # here: the Typst binding is large, and only a PDF needs it

    fonts = typst.Fonts(
        include_system_fonts=False, include_embedded_fonts=False, font_paths=[str(FONTS)]
    )
    return typst.Compiler(
        str(project / "interim" / "caseload.typ"),
        root=str(project),
        font_paths=fonts,
        ignore_system_fonts=True,
        sys_inputs={"data": data},
        package_path=str(packages),
        package_cache_path=str(packages),
    )
