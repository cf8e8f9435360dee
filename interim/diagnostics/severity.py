"""How bad a diagnostic is. Its own module, so the code registry (which gives each code its
severity) and the diagnostic (whose `diag()` looks the code up) need not import each other."""

from __future__ import annotations

import enum


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
