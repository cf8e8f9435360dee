"""`interim measures`: the questionnaires interim can score, with source and licence.

As in every command module, the command imports the library inside itself, so
`interim --help` stays fast."""

from __future__ import annotations

from pathlib import Path

import click

from interim.cli.group import FOLDER_OPTION, fail, folder_types, main


@main.command("measures")
@click.argument("name", required=False)
@FOLDER_OPTION
def measures_command(name: str | None, folder: Path | None) -> None:
    """List the measures (built-in and the folder's) with source and licence, or describe
    one NAME: its items, answers, bands, cut-off, reliable change and risk items."""
    # Imported here, not at the top: `interim --help` stays fast.
    from interim.commands.measures import describe_measure, list_measures
    from interim.measures import measure_key
    from interim.types import measures_of

    measures = measures_of(folder_types(folder))
    if name is None:
        click.echo(list_measures(measures))
        return
    measure = measures.get(measure_key(name))
    if measure is None:
        from interim.diagnostics import did_you_mean

        fail(
            f"there is no measure `{name}`; "
            + did_you_mean(measure_key(name), measures, "`interim measures` lists them.")
        )
    click.echo(describe_measure(measure))
