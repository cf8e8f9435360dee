"""`interim init` and `interim new`: a folder's layout and a new record, never overwriting.

As in every command module, each command imports the library inside itself, so
`interim --help` stays fast."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from interim.cli.group import (
    FOLDER_OPTION,
    checked,
    console,
    fail,
    folder_types,
    load_or_stop,
    main,
    root_of,
)


@main.command()
@click.argument(
    "folder",
    required=False,
    type=click.Path(file_okay=False, path_type=Path),
    envvar="INTERIM_FOLDER",
)
@click.option(
    "--obsidian",
    is_flag=True,
    help="Also tell Obsidian the kind of each field (.obsidian/types.json).",
)
@click.option(
    "--capture",
    is_flag=True,
    help="Add the capture templates (capture/) to a folder set up before them.",
)
@click.option("--no-input", is_flag=True, help="Ask nothing (no crisis contacts question).")
def init(folder: Path | None, obsidian: bool, capture: bool, no_input: bool) -> None:
    """Make a records folder: sessions/, homework/, records/, questionnaires/, goals/,
    types/, templates/, an interim.yaml listing every setting, a README and a .gitignore,
    and capture/: a template per record type for writing entries in Obsidian or any
    editor (docs/phone.md).

    Only what is missing is created; nothing is ever overwritten, so running it again is
    safe. Each path written is printed."""
    # Imported here, not at the top: `interim --help` stays fast.
    from interim.commands.init import ask_contacts, init_folder, settings_missing

    root = root_of(folder)
    contacts = ""
    if settings_missing(root) and not no_input and sys.stdin.isatty():
        contacts = ask_contacts(console())
    for line in init_folder(root, contacts, obsidian, capture=capture).lines(root):
        click.echo(line)


@main.command("new")
@click.argument("type_name", metavar="TYPE")
@FOLDER_OPTION
@click.option("--date", "date_text", metavar="YYYY-MM-DD", help="The entry's day (default: today).")
@click.option("--time", "time_text", metavar="HH:MM", help="The entry's time (default: now).")
@click.option("--edit", is_flag=True, help="Open the new file in $EDITOR, then check it.")
@click.option("--no-input", is_flag=True, help="Ask nothing: write the empty scaffold.")
@click.option(
    "--instrument",
    metavar="NAME",
    help="For a questionnaire: which measure (`interim measures` lists them).",
)
def new_command(
    type_name: str,
    folder: Path | None,
    date_text: str | None,
    time_text: str | None,
    edit: bool,
    no_input: bool,
    instrument: str | None,
) -> None:
    """Write a new record of TYPE (mood, sleep, phq9, homework, ...) and print its path.

    In a terminal it asks for each field, with its description and range, and re-asks when
    an answer is not valid; Enter leaves a field empty. In a folder not set up with
    `interim init`, it first asks whether to set it up. Before `day_start` (04:00) the date
    is yesterday's. An existing file is never overwritten: the name gets -2, -3, ..."""
    # Imported here, not at the top: `interim --help` stays fast.
    from interim.commands.init import offer_init, settings_missing
    from interim.commands.new import check_lines, plan_new, write_record
    from interim.commands.prompts import ask_new
    from interim.settings import checked_settings

    root = root_of(folder)
    interactive = not no_input and sys.stdin.isatty()
    if interactive and settings_missing(root):
        for line in offer_init(root, console()):
            click.echo(line)
    types = folder_types(root)
    settings = checked(lambda: checked_settings(root))[0]
    plan = plan_new(root, type_name, settings, types, date_text, time_text)
    if instrument is not None:
        _instrument(plan.rtype.name, instrument, plan.values, types)
    values = dict(plan.values)
    if interactive:
        values = ask_new(plan, load_or_stop(root, quiet=True), console())
    path = write_record(plan, values)
    click.echo(str(path))
    if edit:
        click.edit(filename=str(path))
        for line in check_lines(root, path, types):
            click.echo(line)


def _instrument(type_name: str, name: str, values: dict[str, Any], types: dict[str, Any]) -> None:
    """`--instrument NAME`: the questionnaire's measure, or exit 2 with the names known."""
    from interim.diagnostics import did_you_mean
    from interim.measures import measure_key
    from interim.types import measures_of

    if type_name != "questionnaire":
        fail(f"--instrument is for a questionnaire, not a {type_name} record")
    measures = measures_of(types)
    key = measure_key(name)
    if key not in measures:
        fail(
            f"there is no measure `{name}`; "
            + did_you_mean(key, measures, "`interim measures` lists them.")
        )
    values["instrument"] = key
