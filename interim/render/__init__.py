"""Rendering: the report context (interim.summary's `build_report`) → html, md, json, csv or
pdf bytes, from the context alone: rendering never reads the records' files again, and
needs neither the folder nor its settings (the context carries the page's and the CSV's).

Jinja, markdown-it and Typst are imported when a report in a format that needs them is
rendered, not when this package is imported: a JSON or CSV report never loads them.
"""

from __future__ import annotations

from pathlib import Path

from interim.diagnostics import Diagnostic
from interim.render.problems import SafetyNoticeMissing, TemplateProblem
from interim.render.table import report_csv
from interim.render.write import json_bytes
from interim.summary.context import ReportContext

FORMATS = ("html", "md", "json", "csv", "pdf")

__all__ = ["FORMATS", "SafetyNoticeMissing", "TemplateProblem", "render"]


def render(
    context: ReportContext,
    fmt: str,
    *,
    folder_root: Path | None = None,
    warnings: list[str] | None = None,
    use_cache: bool = True,
    notes: list[Diagnostic] | None = None,
) -> bytes:
    """The report as bytes (UTF-8; PDF for `pdf`). `folder_root` is where the folder's own
    templates are looked for (none: interim's). Raises TemplateProblem for a template that
    cannot be used and SafetyNoticeMissing when the safety notice could not be placed.
    Lines for stderr (the PDF's missing glyphs, Typst's warnings) go to `warnings`.
    `use_cache=False` (`--no-cache`): no compiled template is read or kept. Warnings
    about the template (IM921, its own styles) go to `notes`."""
    if fmt == "pdf":  # Typst is imported here, never at `interim --help`
        from interim.render.pdf import render_pdf

        pdf = render_pdf(context, folder_root)
        if warnings is not None:
            warnings.extend(pdf.warnings)
        return pdf.data
    if fmt == "json":
        return json_bytes(context.to_data())
    if fmt == "csv":
        return report_csv(context)
    from interim.render.document import render_html, render_md  # Jinja: only when used

    if fmt == "html":
        html = render_html(context, folder_root, cache=use_cache, notes=notes)
        return html.encode("utf-8")
    if fmt == "md":
        return render_md(context, folder_root, cache=use_cache).encode("utf-8")
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
