"""`interim report`, `interim summary` and `interim watch`: the session report as a file,
in the terminal, and again on every save.

As in every command module, each command imports the library inside itself, so
`interim --help` stays fast (no Jinja, Typst or watchdog before a report is asked for)."""

from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from interim.cli.group import (
    EXIT_OK,
    EXIT_USAGE,
    FOLDER,
    NO_CACHE,
    SINCE,
    UNTIL,
    load_or_stop,
    main,
    root_of,
)

if TYPE_CHECKING:
    from interim.diagnostics import Diagnostic


@main.command()
@FOLDER
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
    help="Where to write (default: interim-report-<report date>.<ext> here; - for stdout).",
)
@SINCE
@UNTIL
@click.option("--profile", metavar="NAME", help="What to share: full, scores-only, or yours.")
@NO_CACHE
def report(
    folder: Path | None,
    fmt: str | None,
    out: str | None,
    since: str | None,
    until: Any,
    profile: str | None,
    no_cache: bool,
) -> None:
    """Write the session-ready report: safety notice, homework, key numbers, what to
    discuss, a day-by-day strip, one section per record type, and any problems.

    Exit 0 when the report is written, even if some files have errors (the report lists
    them); 2 for a usage, settings or template error. The file is readable by you only."""
    # Imported here, not at the top: `interim --help` stays fast.
    from interim.commands.report import (
        choose_format,
        files_with_errors,
        keep_course,
        make_report,
        report_records,
        report_target,
    )
    from interim.diagnostics.formats import text_line
    from interim.render import TemplateProblem
    from interim.render.write import write_output

    chosen = choose_format(fmt, out)
    wanted = report_records(since, until and until.date())
    loaded = load_or_stop(root_of(folder), out == "-", not no_cache, wanted)
    notes: list[str] = []  # e.g. characters the PDF's fonts cannot draw
    about: list[Diagnostic] = []  # the template's own styles, ignored (IM921)
    try:
        data, context = make_report(
            loaded,
            chosen,
            since=since,
            until=until and until.date(),
            profile=profile,
            warnings=notes,
            use_cache=not no_cache,
            notes=about,
        )
    except TemplateProblem as exc:
        click.echo(text_line(exc.diagnostic()), err=True)
        sys.exit(EXIT_USAGE)
    for diagnostic in about:
        click.echo(text_line(diagnostic), err=True)
    for note in notes:
        click.echo(f"interim: warning: {note}", err=True)
    written = write_output(data, report_target(out, context, chosen))
    if written is not None:
        click.echo(str(written))
    if not no_cache:
        keep_course(loaded, context)  # after the report is written: it never waits for this
    broken = files_with_errors(loaded)
    if broken:
        files = "file has" if broken == 1 else "files have"
        click.echo(f"interim: {broken} {files} errors (listed in the report).", err=True)


@main.command()
@FOLDER
@SINCE
@UNTIL
def summary(folder: Path | None, since: str | None, until: Any) -> None:
    """The report's essentials in the terminal: the safety notice first, then homework,
    key numbers with sparklines, and what to discuss."""
    # Imported here, not at the top: `interim --help` stays fast.
    from interim.commands.report import build_context, report_records
    from interim.render.terminal import summary_lines

    wanted = report_records(since, until and until.date())
    loaded = load_or_stop(root_of(folder), quiet=True, wanted=wanted)
    context = build_context(loaded, since=since, until=until and until.date())
    for line in summary_lines(context):
        click.echo(line)


@main.command()
@FOLDER
@click.option(
    "-o",
    "--output",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the report (default: interim-report-<report date>.<ext> here).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["html", "pdf"]),
    default="html",
    show_default=True,
    help="Report format.",
)
@click.option(
    "--poll",
    is_flag=True,
    help="Look for changes every second instead of waiting to be told: for network and "
    "cloud-mounted folders, which do not tell.",
)
@NO_CACHE
def watch(folder: Path | None, out: Path | None, fmt: str, poll: bool, no_cache: bool) -> None:
    """Check the folder and write the report now, then again on every save, printing the
    problems that appeared or went away. Ctrl-C stops."""
    # Imported here, not at the top: `interim --help` stays fast.
    from interim.commands.watch import watch_folder

    watch_folder(
        root_of(folder),
        out,
        fmt,
        poll=poll,
        use_cache=not no_cache,
        echo=click.echo,
        warn=functools.partial(click.echo, err=True),
    )
    sys.exit(EXIT_OK)
