"""`interim caseload`: one page across client folders, safety first (issue 15).

As in every command module, the command imports the library inside itself, so
`interim --help` stays fast."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from interim.cli.group import EXIT_OK, EXIT_PROBLEMS, NO_CACHE, fail, main, report_day


@main.command()
@click.argument(
    "dirs",
    nargs=-1,
    required=True,
    metavar="DIR...",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["html", "md", "json", "csv", "pdf"]),
    help="Output format (default: from the -o extension, else html).",
)
@click.option(
    "-o",
    "--output",
    "out",
    metavar="PATH",
    help="Where to write (default: interim-caseload-<report date>.<ext> here; - for stdout). "
    "Never inside a client's folder.",
)
@click.option(
    "--until",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    callback=report_day,
    help="The report date for every client, YYYY-MM-DD (default: today; a folder's "
    "report_date is ignored).",
)
@click.option(
    "--reports",
    metavar="DIR",
    type=click.Path(file_okay=False, path_type=Path),
    help="Also write each client's own report into DIR (one file per client, in the "
    "page's format) and link to it from the page. Never inside a client's folder.",
)
@NO_CACHE
def caseload(
    dirs: tuple[Path, ...],
    fmt: str | None,
    out: str | None,
    until: Any,
    reports: Path | None,
    no_cache: bool,
) -> None:
    """One page across client folders: every risk answer first, then one row per client
    (next session, days since the last entry, homework done against expected, latest
    scores with band and change, reliable change, problems), with no free text.

    A DIR holding interim.yaml is a client; a DIR whose sub-folders hold one is a parent of
    clients. Only interim's own templates are used. Exit 0 when every client was read, 1
    when any client's row has an error (the page says which), 2 for a usage error. The file
    holds health data of many people: it is readable by you only."""
    # Imported here, not at the top: `interim --help` stays fast.
    from interim import clock
    from interim.commands.caseload import make_caseload
    from interim.commands.clients import CaseloadUsage
    from interim.commands.report import choose_format
    from interim.render.write import write_output

    chosen = choose_format(fmt, out)
    day = until.date() if until else clock.now().date()
    try:
        made = make_caseload(
            list(dirs),
            chosen,
            until=day,
            out=out,
            reports=reports,
            use_cache=not no_cache,
        )
    except CaseloadUsage as exc:
        fail(str(exc))
    for line in made.warnings:
        click.echo(f"interim: warning: {line}", err=True)
    written = write_output(made.data, made.target)
    if written is not None:
        click.echo(str(written))
    for path in made.reports:
        click.echo(str(path))
    if made.failed:
        n = len(made.context.with_errors)
        who = "1 client has an error" if n == 1 else f"{n} clients have errors"
        names = ", ".join(made.context.with_errors)
        click.echo(f"interim: {who}: {names} (see their rows on the page).", err=True)
    sys.exit(EXIT_PROBLEMS if made.failed else EXIT_OK)
