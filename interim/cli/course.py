"""`interim course`: the course of treatment in the terminal — every score since the first
with the sessions, the reading of each measure with its rule, the flags, and homework
session by session (the report's "Course of treatment" section), after the safety notice.

As in every command module, the command imports the library inside itself, so
`interim --help` stays fast."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from interim.cli.group import FOLDER, UNTIL, load_or_stop, main, root_of


@main.command()
@FOLDER
@UNTIL
def course(folder: Path | None, until: Any) -> None:
    """The course of treatment: each measure's scores since the first, by session, with
    its reading and rule; flags (reliable deterioration, or no reliable improvement after
    `course.review_after` sessions); homework session by session. The safety notice first."""
    # Imported here, not at the top: `interim --help` stays fast.
    from interim.commands.report import build_context
    from interim.render.terminal import course_lines

    loaded = load_or_stop(root_of(folder), quiet=True)
    context = build_context(loaded, since=None, until=until and until.date())
    for line in course_lines(context):
        click.echo(line)
