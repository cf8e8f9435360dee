"""`interim todo` and `interim remind`: the client's view forward, in the terminal and as a
calendar.

As in every command module, each command imports the library inside itself, so
`interim --help` stays fast."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from interim.cli.group import FOLDER, load_or_stop, main, root_of


@main.command()
@FOLDER
def todo(folder: Path | None) -> None:
    """What is still to do: open homework with done-so-far against expected, what is due
    before the next session, and whether today's mood and sleep entries exist."""
    # Imported here, not at the top: `interim --help` stays fast.
    from interim.commands.todo import build_todo, todo_lines
    from interim.summary.queries import report_today

    loaded = load_or_stop(root_of(folder), quiet=True)
    for line in todo_lines(build_todo(loaded, report_today(loaded))):
        click.echo(line)
    if loaded.errors:
        click.echo(f"\n{loaded.errors} errors in the files: `interim check` lists them.", err=True)


@main.command()
@FOLDER
@click.option(
    "-o",
    "--output",
    "out",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    help="Where to write the calendar (default: interim-reminders.ics here; - for stdout).",
)
def remind(folder: Path | None, out: Path | None) -> None:
    """Write an iCalendar file to import into a calendar app: the weekly check-in (with an
    alarm), each open homework's due date and the next planned session.

    Titles are neutral ("homework due") unless `reminders.details: true`, because calendars
    sync to the cloud. Importing it again updates the events instead of duplicating them."""
    # Imported here, not at the top: `interim --help` stays fast.
    from interim.commands.remind import DEFAULT_OUTPUT, build_calendar, write_calendar
    from interim.summary.queries import report_today

    loaded = load_or_stop(root_of(folder), quiet=True)
    data, notes = build_calendar(loaded, report_today(loaded))
    for note in notes:
        click.echo(f"interim: {note}", err=True)
    if str(out) == "-":  # like `report -o -`: to stdout, for a pipe
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    click.echo(str(write_calendar(out or Path(DEFAULT_OUTPUT), data)))
