"""Problems in user data are values, never exceptions: the `Diagnostic` (with its
`Severity`), the registry of stable codes (`codes`), their explanations for people
(`explain`), the generator of docs/diagnostics.md (`docgen`) and the text, JSON and GitHub
formats (`formats`).

This package imports nothing else from interim: every other part may use it, and it knows
nothing of records, types, settings or the clinical model.
"""

from __future__ import annotations

from interim.diagnostics.diagnostic import Diagnostic, diag, did_you_mean, escape_text
from interim.diagnostics.severity import Severity

__all__ = ["Diagnostic", "Severity", "diag", "did_you_mean", "escape_text"]
