"""The command line: parse options, call the library, print, exit. The only module that
imports click. Each command imports what it needs inside itself, so `interim --help` stays
fast and loads no YAML, Jinja or Typst."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from interim import __version__

if TYPE_CHECKING:
    from interim.errors import Diagnostic
    from interim.model import Folder
    from interim.prompts import Console
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


class InterimGroup(click.Group):
    """Turns library errors and unexpected exceptions into a message and exit code 2: a user
    never sees a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        from interim.errors import InterimError

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


def _root(folder: Path | None) -> Path:
    return (folder or Path.cwd()).resolve()


def _fail(message: str) -> NoReturn:
    click.echo(f"interim: {message}", err=True)
    sys.exit(EXIT_USAGE)


def _checked(load: Callable[[], T]) -> T:
    """Run a load, stopping with exit 2 (after its errors) on a broken interim.yaml."""
    from interim.config import BrokenSettings
    from interim.output import text_line

    try:
        return load()
    except BrokenSettings as exc:
        for d in exc.problems:
            click.echo(text_line(d), err=True)
        _fail(str(exc))


def _load(root: Path, quiet: bool = False, use_cache: bool = True) -> Folder:
    """Load the folder (unchanged files from the per-file cache unless `use_cache` is
    False), stopping with exit 2 on a broken settings file."""
    from interim.folder import load_checked

    progress = None if quiet else _progress()
    folder = _checked(lambda: load_checked(root, progress=progress, use_cache=use_cache))
    # The folder lives until this command ends and holds no cycles: without this the cyclic
    # collector walks its million objects again and again while the report is made (~75 ms
    # on 10,000 records). Not in `watch`, whose folders come and go.
    import gc

    gc.freeze()
    return folder


def _progress() -> Callable[[int, int], None] | None:
    """A progress line on a terminal for long runs; nothing when piped."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        if total >= 2000 and (done % 500 == 0 or done == total):
            end = "\n" if done == total else "\r"
            click.echo(f"reading {done:,} / {total:,} files", err=True, nl=False)
            click.echo(end, err=True, nl=False)

    return show


@main.command()
@FOLDER
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "github"]),
    default="text",
    show_default=True,
    help="Output: lines for people, JSON, or GitHub Actions annotations.",
)
@click.option("--strict", is_flag=True, help="Warnings fail the check too (exit 1).")
@NO_CACHE
def check(folder: Path | None, fmt: str, strict: bool, no_cache: bool) -> None:
    """Check every record file and report every problem in one run.

    Each problem is one line, `path:line:col: severity CODE message`. Exit codes: 0 no
    errors, 1 errors found (or warnings with --strict), 2 usage or settings error."""
    from interim.config import BrokenSettings
    from interim.errors import Diagnostic
    from interim.folder import load_checked, load_folder
    from interim.output import check_lines

    root, broken = _root(folder), False
    progress = _progress() if fmt == "text" else None
    try:
        loaded = load_checked(root, progress=progress, use_cache=not no_cache)
    except BrokenSettings as exc:
        # Check the records all the same (with what could be read of the settings), so every
        # problem shows in one run, the safety notice too; the exit code still says 2.
        broken = True
        loaded = load_folder(root, settings=exc.settings, use_cache=False)
        loaded.diagnostics = sorted(exc.problems + loaded.diagnostics, key=Diagnostic.sort_key)
    for line in check_lines(loaded, fmt):
        click.echo(line)
    if broken:
        _fail("interim.yaml has errors; fix them and run again.")
    failed = loaded.errors > 0 or (strict and loaded.warnings > 0)
    sys.exit(EXIT_PROBLEMS if failed else EXIT_OK)


def _types(folder: Path | None, type_name: str | None = None) -> dict[str, RecordType]:
    """The folder's record types (their problems on stderr); exit 2 for an unknown TYPE."""
    from interim.output import text_line
    from interim.types import load_types

    types, problems = load_types(_root(folder))
    for d in problems:
        click.echo(text_line(d), err=True)
    if type_name is not None and type_name not in types:
        from interim.errors import did_you_mean

        _fail(
            f"there is no type `{type_name}`; "
            + did_you_mean(type_name, types, "`interim types` lists them.")
        )
    return types


@main.command("types")
@click.argument("type_name", metavar="TYPE", required=False)
@FOLDER_OPTION
def types_command(type_name: str | None, folder: Path | None) -> None:
    """List the record types, or describe the fields of one TYPE."""
    from interim.describe import describe_type, list_types

    types = _types(folder, type_name)
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
    from interim.types.schema import schemas_text, write_schemas

    types = _types(folder, type_name)
    chosen = [types[type_name]] if type_name else list(types.values())
    if out is None:
        click.echo(schemas_text(chosen, one=type_name is not None))
        return
    for path in write_schemas(chosen, out):
        click.echo(str(path))


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
@click.option("--no-input", is_flag=True, help="Ask nothing (no crisis contacts question).")
def init(folder: Path | None, obsidian: bool, no_input: bool) -> None:
    """Make a records folder: sessions/, homework/, records/, questionnaires/, goals/,
    types/, templates/, an interim.yaml listing every setting, a README and a .gitignore.

    Only what is missing is created; nothing is ever overwritten, so running it again is
    safe. Each path written is printed."""
    from interim.layout import ask_contacts, init_folder, settings_missing

    root = _root(folder)
    contacts = ""
    if settings_missing(root) and not no_input and sys.stdin.isatty():
        contacts = ask_contacts(_console())
    for line in init_folder(root, contacts, obsidian).lines(root):
        click.echo(line)


def _console() -> Console:
    """Questions asked in the terminal; Enter gives an empty answer."""
    from interim.prompts import Console

    return Console(
        ask=lambda text: click.prompt(text, default="", show_default=False, prompt_suffix=""),
        echo=click.echo,
    )


@main.command("new")
@click.argument("type_name", metavar="TYPE")
@FOLDER_OPTION
@click.option("--date", "date_text", metavar="YYYY-MM-DD", help="The entry's day (default: today).")
@click.option("--time", "time_text", metavar="HH:MM", help="The entry's time (default: now).")
@click.option("--edit", is_flag=True, help="Open the new file in $EDITOR, then check it.")
@click.option("--no-input", is_flag=True, help="Ask nothing: write the empty scaffold.")
def new_command(
    type_name: str,
    folder: Path | None,
    date_text: str | None,
    time_text: str | None,
    edit: bool,
    no_input: bool,
) -> None:
    """Write a new record of TYPE (mood, sleep, phq9, homework, ...) and print its path.

    In a terminal it asks for each field, with its description and range, and re-asks when
    an answer is not valid; Enter leaves a field empty. Before `day_start` (04:00) the date
    is yesterday's. An existing file is never overwritten: the name gets -2, -3, ..."""
    from interim.config import checked_settings
    from interim.prompts import ask_new
    from interim.scaffold import check_lines, plan_new, write_record

    root = _root(folder)
    types = _types(root)
    settings = _checked(lambda: checked_settings(root))[0]
    plan = plan_new(root, type_name, settings, types, date_text, time_text)
    values = dict(plan.values)
    if not no_input and sys.stdin.isatty():
        values = ask_new(plan, _load(root, quiet=True), _console())
    path = write_record(plan, values)
    click.echo(str(path))
    if edit:
        click.edit(filename=str(path))
        for line in check_lines(root, path, types):
            click.echo(line)


@main.command()
@FOLDER
def todo(folder: Path | None) -> None:
    """What is still to do: open homework with done-so-far against expected, what is due
    before the next session, and whether today's mood and sleep entries exist."""
    from interim.todo import build_todo, report_today, todo_lines

    loaded = _load(_root(folder), quiet=True)
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
    from interim.remind import DEFAULT_OUTPUT, build_calendar, write_calendar
    from interim.todo import report_today

    loaded = _load(_root(folder), quiet=True)
    data, notes = build_calendar(loaded, report_today(loaded))
    for note in notes:
        click.echo(f"interim: {note}", err=True)
    if str(out) == "-":  # like `report -o -`: to stdout, for a pipe
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    click.echo(str(write_calendar(out or Path(DEFAULT_OUTPUT), data)))


SINCE = click.option(
    "--since",
    metavar="DATE|Nd|last-session",
    help="First day: a date, the N days ending on the report date, or (default) the day "
    "after the last session held.",
)
UNTIL = click.option(
    "--until",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="The report date, YYYY-MM-DD (default: today, or report_date in interim.yaml).",
)


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
    from interim.render import TemplateProblem
    from interim.render.run import choose_format, files_with_errors, make_report, report_target
    from interim.render.write import write_output

    chosen = choose_format(fmt, out)
    loaded = _load(_root(folder), quiet=out == "-", use_cache=not no_cache)
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
        from interim.output import text_line

        click.echo(text_line(exc.diagnostic()), err=True)
        sys.exit(EXIT_USAGE)
    if about:
        from interim.output import text_line

        for diagnostic in about:
            click.echo(text_line(diagnostic), err=True)
    for note in notes:
        click.echo(f"interim: warning: {note}", err=True)
    written = write_output(data, report_target(out, context, chosen))
    if written is not None:
        click.echo(str(written))
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
    from interim.render.run import build_context
    from interim.render.terminal import summary_lines

    loaded = _load(_root(folder), quiet=True)
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
    from interim.live import watch_folder

    watch_folder(
        _root(folder),
        out,
        fmt,
        poll=poll,
        use_cache=not no_cache,
        echo=click.echo,
        warn=functools.partial(click.echo, err=True),
    )
    sys.exit(EXIT_OK)


@main.command("cache")
@click.option("--path", "show_path", is_flag=True, help="Print where the cache is (the default).")
@click.option("--clear", is_flag=True, help="Delete the cache of every folder.")
@FOLDER
def cache_command(show_path: bool, clear: bool, folder: Path | None) -> None:
    """Where interim keeps its cache, or clear it.

    To make a second run fast, interim keeps what it read from each record file (values and
    problems: health data) in your user cache directory, one file per folder, readable by you
    only. Deleting it is always safe: the next run reads every file again."""
    from interim.cache import cache_dir, cache_file
    from interim.cache import clear as clear_cache

    if clear:
        removed = clear_cache()
        click.echo(f"removed {removed} cache file{'' if removed == 1 else 's'} from {cache_dir()}")
        return
    click.echo(f"cache directory: {cache_dir()}")
    click.echo(f"this folder's cache: {cache_file(_root(folder))}")


if __name__ == "__main__":  # pragma: no cover
    main()
