"""The two ways rendering stops. Both are `InterimError`s, so a command that forgets to
catch them still exits 2 with a message, never a traceback."""

from __future__ import annotations

from interim.diagnostics import Diagnostic, diag
from interim.errors import InterimError


class TemplateProblem(InterimError):
    """A report template could not be used: a syntax error, an undefined name, something
    the sandbox refused, or an error raised while rendering."""

    def __init__(self, message: str, path: str = "", line: int = 1) -> None:
        self.message = message
        self.path = path or "<template>"
        self.line = max(line, 1)
        super().__init__(f"{self.path}:{self.line}: {message}")

    def diagnostic(self) -> Diagnostic:
        """The problem as IM920, the way `report` and `watch` print it."""
        return diag(
            "IM920",
            self.path,
            self.line,
            1,
            f"this report template could not be used: {self.message}",
            "fix the template, or move it out of templates/ to use interim's own",
        )


class SafetyNoticeMissing(InterimError):
    """The safety notice should be in the output and could not be placed there: the report
    is refused rather than written without it (DESIGN §2.3)."""
