"""The `interim` group, the options several commands share, and the helpers every command
uses: the folder argument, loading it (exit 2 on a broken interim.yaml), a progress line,
the record types, questions in the terminal. Library errors and unexpected exceptions become
a message and exit code 2 here, so a user never sees a traceback."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from interim import __version__

if TYPE_CHECKING:
    from interim.commands.prompts import Console
    from interim.domain.model import Folder
    from interim.folder import Wanted
    from interim.types import RecordType

T = TypeVar("T")

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2

FOLDER = click.argument(
    "folder",
    required=False,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    envvar="INTERIM_FOLDER",
)
FOLDER_OPTION = click.option(
    "--folder",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    envvar="INTERIM_FOLDER",
    help="The records folder (default: $INTERIM_FOLDER, else the current directory).",
)
NO_CACHE = click.option(
    "--no-cache",
    is_flag=True,
    help="Read every file afresh; neither use nor update the cache (`interim cache --path`).",
)
SINCE = click.option(
    "--since",
    metavar="DATE|Nd|last-session",
    help="First day: a date, the N days ending on the report date, or (default) the day "
    "after the last session held.",
)


def report_day(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """`--until`'s check: a date interim can report on (interim.clock.report_date_problem)."""
    from interim.clock import report_date_problem

    problem = report_date_problem(value.date()) if value is not None else None
    if problem is not None:
        raise click.BadParameter(problem)
    return value


UNTIL = click.option(
    "--until",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    callback=report_day,
    help="The report date, YYYY-MM-DD (default: today, or report_date in interim.yaml).",
)


class InterimGroup(click.Group):
    """Turns library errors and unexpected exceptions into a message and exit code 2: a user
    never sees a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        # Imported here, not at the top: `interim --help` stays fast.
        from interim.errors import InterimError  # in the command's time, not at --help

        try:
            return super().invoke(ctx)
        except InterimError as exc:
            click.echo(f"interim: {exc}", err=True)
            sys.exit(EXIT_USAGE)
        except (
            click.ClickException,
            click.exceptions.Exit,
            click.Abort,
            SystemExit,
            KeyboardInterrupt,
        ):
            raise
        except BrokenPipeError:
            sys.exit(EXIT_PROBLEMS)
        except Exception as exc:  # the last line of defence; the library never raises on data
            click.echo(f"interim: internal error: {type(exc).__name__}: {exc}", err=True)
            click.echo(
                "This is a bug in interim, not a problem with your files. Please report it.",
                err=True,
            )
            sys.exit(EXIT_USAGE)


@click.group(cls=InterimGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="interim")
def main() -> None:
    """Keep therapy homework and self-monitoring records as plain Markdown files, check them,
    and turn them into a report for the next session.

    Commands that act on a folder take it as an argument (default: $INTERIM_FOLDER, else the
    current directory)."""


def root_of(folder: Path | None) -> Path:
    return (folder or Path.cwd()).resolve()


def fail(message: str) -> NoReturn:
    click.echo(f"interim: {message}", err=True)
    sys.exit(EXIT_USAGE)


def checked(load: Callable[[], T]) -> T:
    """Run a load, stopping with exit 2 (after its errors) on a broken interim.yaml."""
    # Here and in every command: imported when used, so `interim --help` stays fast.
    from interim.diagnostics.formats import text_line
    from interim.settings import BrokenSettings

    try:
        return load()
    except BrokenSettings as exc:
        for d in exc.problems:
            click.echo(text_line(d), err=True)
        fail(str(exc))


def load_or_stop(
    root: Path, quiet: bool = False, use_cache: bool = True, wanted: Wanted | None = None
) -> Folder:
    """Load the folder (unchanged files from the per-file cache unless `use_cache` is
    False; of an unchanged folder only the records `wanted`), stopping with exit 2 on a
    broken settings file."""
    # Imported here, not at the top: `interim --help` stays fast.
    from interim.folder import load_checked

    progress = None if quiet else progress_line()
    folder = checked(
        lambda: load_checked(root, progress=progress, use_cache=use_cache, wanted=wanted)
    )
    # The folder lives until this command ends and holds no cycles: without this the cyclic
    # collector walks its million objects again and again while the report is made (~75 ms
    # on 10,000 records). `watch`, whose folders come and go, freezes after each rebuild
    # (interim.commands.watch.Heap).
    import gc  # only a command that loads a folder needs it

    gc.freeze()
    return folder


def progress_line() -> Callable[[int, int], None] | None:
    """A progress line on a terminal for long runs; nothing when piped."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        if total >= 2000 and (done % 500 == 0 or done == total):
            end = "\n" if done == total else "\r"
            click.echo(f"reading {done:,} / {total:,} files", err=True, nl=False)
            click.echo(end, err=True, nl=False)

    return show


def folder_types(folder: Path | None, type_name: str | None = None) -> dict[str, RecordType]:
    """The folder's record types (their problems on stderr); exit 2 for an unknown TYPE."""
    # Imported here, not at the top: `interim --help` stays fast.
    from interim.diagnostics.formats import text_line
    from interim.types import load_types

    types, problems = load_types(root_of(folder))
    for d in problems:
        click.echo(text_line(d), err=True)
    if type_name is not None and type_name not in types:
        from interim.diagnostics import did_you_mean

        fail(
            f"there is no type `{type_name}`; "
            + did_you_mean(type_name, types, "`interim types` lists them.")
        )
    return types


def console() -> Console:
    """Questions asked in the terminal; Enter gives an empty answer."""
    # Imported here, not at the top: `interim --help` stays fast.
    from interim.commands.prompts import Console

    return Console(
        ask=lambda text: click.prompt(text, default="", show_default=False, prompt_suffix=""),
        echo=click.echo,
    )
