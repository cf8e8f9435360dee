"""The command line: parse options, call the library, print, exit. The only package that
imports click. Each command imports what it needs inside itself, so `interim --help` stays
fast and loads no YAML, Jinja or Typst (tests/test_cli_check.py holds it to that).

`group` is the `interim` group with the shared options and helpers; each other module adds
its commands to it.
"""

from __future__ import annotations

# Imported for their commands: each module adds its own to `main` as it is imported.
from interim.cli import caseload, check, course, measures, new, report, todo, types
from interim.cli.group import main

__all__ = ["caseload", "check", "course", "main", "measures", "new", "report", "todo", "types"]
