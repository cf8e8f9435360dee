"""`interim types` and `interim schema`: the record types in words and as JSON Schema.

As in every command module, each command imports the library inside itself, so
`interim --help` stays fast."""

from __future__ import annotations

from pathlib import Path

import click

from interim.cli.group import FOLDER_OPTION, folder_types, main


@main.command("types")
@click.argument("type_name", metavar="TYPE", required=False)
@FOLDER_OPTION
def types_command(type_name: str | None, folder: Path | None) -> None:
    """List the record types, or describe the fields of one TYPE."""
    # Imported here, not at the top: `interim --help` stays fast.
    from interim.commands.types import describe_type, list_types

    types = folder_types(folder, type_name)
    click.echo(describe_type(types[type_name]) if type_name else list_types(types))


@main.command()
@click.argument("type_name", metavar="TYPE", required=False)
@FOLDER_OPTION
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write one TYPE.schema.json per type into this directory instead of printing.",
)
def schema(type_name: str | None, folder: Path | None, out: Path | None) -> None:
    """Print (or write with --out) the JSON Schema of each record type, for editors."""
    # Imported here, not at the top: `interim --help` stays fast.
    from interim.types.schema import schemas_text, write_schemas

    types = folder_types(folder, type_name)
    chosen = [types[type_name]] if type_name else list(types.values())
    if out is None:
        click.echo(schemas_text(chosen, one=type_name is not None))
        return
    for path in write_schemas(chosen, out):
        click.echo(str(path))
