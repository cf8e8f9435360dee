"""What each diagnostic code means, for people: an explanation and a bad and a good example,
one module per family of codes (files, fields, records, settings).

Kept apart from the registry (`interim.diagnostics.codes`) so that making a diagnostic stays
light; `python -m interim.diagnostics.docgen` turns both into `docs/diagnostics.md`, and
tests check that every code has its entry and that every example does what it says.
"""

from __future__ import annotations

from interim.diagnostics.explain.codedoc import CodeDoc, example_files
from interim.diagnostics.explain.fields import FIELDS
from interim.diagnostics.explain.files import FILES
from interim.diagnostics.explain.records import RECORDS
from interim.diagnostics.explain.settings import SETTINGS

__all__ = ["DOCS", "CodeDoc", "example_files"]

DOCS: dict[str, CodeDoc] = {**FILES, **FIELDS, **RECORDS, **SETTINGS}
