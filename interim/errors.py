"""The one exception a command stops on. Problems in a user's files are never exceptions:
they are diagnostics (`interim.diagnostics`)."""

from __future__ import annotations


class InterimError(Exception):
    """A problem that stops a command (bad settings, unknown type name on the command line).
    The command line words it for people and exits 2."""
