"""The two ways rendering stops. Both are `InterimError`s, so a command that forgets to
catch them still exits 2 with a message, never a traceback."""

from __future__ import annotations

from interim.errors import InterimError


class TemplateProblem(InterimError):
    """A report template could not be used: a syntax error, an undefined name, something
    the sandbox refused, or an error raised while rendering. `cli.py` shows it as IM920."""

    def __init__(self, message: str, path: str = "", line: int = 1) -> None:
        self.message = message
        self.path = path or "<template>"
        self.line = max(line, 1)
        super().__init__(f"{self.path}:{self.line}: {message}")


class SafetyNoticeMissing(InterimError):
    """The safety notice should be in the output and could not be placed there: the report
    is refused rather than written without it (DESIGN §2.3)."""
