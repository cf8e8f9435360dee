"""The command line: parse options, call the library, print, exit. The only module that
imports click. Each command imports what it needs inside itself, so `interim --help` stays
fast and loads no YAML, Jinja or Typst."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from interim import __version__

if TYPE_CHECKING:
    from interim.errors import Diagnostic
    from interim.model import Folder

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


def _load(root: Path, quiet: bool = False, use_cache: bool = True) -> Folder:
    """Load the folder, stopping with exit 2 on a broken settings file. Unchanged files come
    from the per-file cache (`interim.cache`) unless `use_cache` is False."""
    from interim.config import load_settings, settings_errors
    from interim.folder import load_folder
    from interim.output import text_line

    settings, problems = load_settings(root)
    errors = settings_errors(problems)
    if errors:
        for d in errors:
            click.echo(text_line(d), err=True)
        _fail("interim.yaml has errors; fix them and run again.")
    progress = None if quiet else _progress()
    folder = load_folder(root, settings=settings, progress=progress, use_cache=use_cache)
    folder.diagnostics = sorted(problems + folder.diagnostics, key=lambda d: d.sort_key())
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
    from interim.output import as_json, github_line

    loaded = _load(_root(folder), quiet=fmt != "text", use_cache=not no_cache)
    diags = loaded.diagnostics
    summary = {
        "errors": loaded.errors,
        "warnings": loaded.warnings,
        "records": len(loaded.records),
        "files": loaded.files_read,
    }
    if fmt == "json":
        click.echo(as_json(diags, summary))
    elif fmt == "github":
        for d in diags:
            line = github_line(d)
            if line:
                click.echo(line)
    else:
        _print_text(diags, loaded, summary)
    failed = loaded.errors > 0 or (strict and loaded.warnings > 0)
    sys.exit(EXIT_PROBLEMS if failed else EXIT_OK)


def _print_text(diags: list[Diagnostic], loaded: Folder, summary: dict[str, int]) -> None:
    from interim.output import SAFETY_CODE, closing_line, safety_lines, text_line

    for d in diags:
        click.echo(text_line(d))
    click.echo(
        closing_line(summary["errors"], summary["warnings"], summary["records"], summary["files"])
    )
    if any(d.code == SAFETY_CODE for d in diags):
        click.echo("")
        for line in safety_lines(loaded.settings.crisis_contacts):
            click.echo(line)


@main.command("types")
@click.argument("type_name", metavar="TYPE", required=False)
@FOLDER_OPTION
def types_command(type_name: str | None, folder: Path | None) -> None:
    """List the record types, or describe the fields of one TYPE."""
    from interim.describe import describe_type, list_types
    from interim.output import text_line
    from interim.types import load_types

    types, problems = load_types(_root(folder))
    for d in problems:
        click.echo(text_line(d), err=True)
    if type_name is None:
        click.echo(list_types(types))
        return
    if type_name not in types:
        _fail(f"there is no type `{type_name}`; `interim types` lists them.")
    click.echo(describe_type(types[type_name]))


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
    import json

    from interim.output import text_line
    from interim.types import load_types
    from interim.types.schema import type_schema

    types, problems = load_types(_root(folder))
    for d in problems:
        click.echo(text_line(d), err=True)
    if type_name is not None and type_name not in types:
        _fail(f"there is no type `{type_name}`; `interim types` lists them.")
    chosen = [types[type_name]] if type_name else list(types.values())
    if out is None:
        docs = {t.name: type_schema(t) for t in chosen}
        click.echo(json.dumps(docs[type_name] if type_name else docs, indent=2, ensure_ascii=False))
        return
    from interim.atomic import write_text

    for t in chosen:
        path = write_text(
            out / f"{t.name}.schema.json",
            json.dumps(type_schema(t), indent=2, ensure_ascii=False) + "\n",
        )
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
    from interim.layout import init_folder, settings_missing

    root = _root(folder)
    contacts = ""
    if settings_missing(root) and not no_input and sys.stdin.isatty():
        click.echo("Reports show crisis contacts beside the safety notice, for example a")
        click.echo("helpline and your local emergency number. Press Enter to skip.")
        contacts = click.prompt("Crisis contacts", default="", show_default=False)
    result = init_folder(root, contacts.strip(), obsidian)
    for rel in result.written:
        click.echo(str(root) if rel == "./" else str(root / rel))
    for note in result.notes:
        click.echo(note)
    if not result.written and not result.notes:
        click.echo(f"{root}: everything is there already; nothing written.")


def _settings_only(root: Path) -> Any:
    from interim.config import load_settings, settings_errors
    from interim.output import text_line

    settings, problems = load_settings(root)
    if settings_errors(problems):
        for d in settings_errors(problems):
            click.echo(text_line(d), err=True)
        _fail("interim.yaml has errors; fix them and run again.")
    return settings


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
    from interim.output import text_line
    from interim.scaffold import check_file, plan_new, write_record
    from interim.types import load_types

    root = _root(folder)
    types, problems = load_types(root)
    for d in problems:
        click.echo(text_line(d), err=True)
    plan = plan_new(root, type_name, _settings_only(root), types, date_text, time_text)
    values = dict(plan.values)
    if not no_input and sys.stdin.isatty():
        values = _ask_new(plan)
    path = write_record(plan, values)
    click.echo(str(path))
    if edit:
        click.edit(filename=str(path))
        diags = check_file(root, path, types)
        for d in diags:
            click.echo(text_line(d))
        click.echo("No problems found." if not diags else f"{len(diags)} to look at (above).")


def _ask_new(plan: Any) -> dict[str, Any]:
    from interim.prompts import Console, ask_record, offers_from

    loaded = _load(plan.root, quiet=True)
    when = plan.date.isoformat() + (f" {plan.time:%H:%M}" if plan.time else "")
    click.echo(f"New {plan.rtype.name} record for {when} (change with --date and --time).")
    console = Console(
        ask=lambda text: click.prompt(text, default="", show_default=False, prompt_suffix=""),
        echo=click.echo,
    )
    return ask_record(
        plan.rtype, plan.values, console, offers_from(loaded), link_homework=plan.self_monitoring
    )


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
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the calendar (default: interim-reminders.ics here).",
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
    from interim.render.run import choose_format, files_with_errors, make_report
    from interim.render.write import default_path, write_output

    chosen = choose_format(fmt, out)
    loaded = _load(_root(folder), quiet=out == "-", use_cache=not no_cache)
    notes: list[str] = []  # e.g. characters the PDF's fonts cannot draw
    try:
        data, context = make_report(
            loaded,
            chosen,
            since=since,
            until=until and until.date(),
            profile=profile,
            warnings=notes,
        )
    except TemplateProblem as exc:
        _template_problem(exc)
    for note in notes:
        click.echo(f"interim: warning: {note}", err=True)
    written = write_output(data, out or default_path(context["generated_for"], chosen))
    if written is not None:
        click.echo(str(written))
    broken = files_with_errors(loaded)
    if broken:
        files = "file has" if broken == 1 else "files have"
        click.echo(f"interim: {broken} {files} errors (listed in the report).", err=True)


def _template_problem(exc: Any) -> NoReturn:
    from interim.output import text_line

    click.echo(text_line(_template_diag(exc)), err=True)
    sys.exit(EXIT_USAGE)


def _template_diag(exc: Any) -> Diagnostic:
    from interim.errors import diag

    return diag(
        "IM920",
        exc.path,
        exc.line,
        1,
        f"this report template could not be used: {exc.message}",
        "fix the template, or move it out of templates/ to use interim's own",
    )


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
    from interim.cache import FolderCache
    from interim.render import FORMATS
    from interim.watch import Watcher

    if fmt not in FORMATS:
        _fail(f"`--format {fmt}` is not available yet; use html.")
    root = _root(folder)
    cache = None if no_cache else FolderCache(root)
    ignore = [p for p in (out, cache.path if cache else None) if p is not None]
    say = functools.partial(click.echo, err=True)
    watcher = Watcher(root, _no_rebuild, poll=poll, ignore=ignore, say=say, on_error=_watch_error)
    watcher.rebuild = _watch_rebuild(root, cache, _report_writer(out, fmt, watcher.ignore))
    say(f"watching {root} (Ctrl-C to stop)")
    watcher.run()
    if cache is not None:
        cache.flush()
    sys.exit(EXIT_OK)


def _no_rebuild(changed: frozenset[str], may_wait: bool) -> bool:
    return True


def _report_writer(out: Path | None, fmt: str, ignore: Callable[[Path], None]) -> Any:
    """Render and write the report exactly as `report` does; the path written is never
    watched (it may be inside the folder)."""

    def write(loaded: Folder) -> str:
        from interim.render.run import make_report
        from interim.render.write import default_path, write_output

        data, context = make_report(loaded, fmt)
        target = out or default_path(context["generated_for"], fmt)
        ignore(Path(target))
        write_output(data, target)
        return str(target)

    return write


def _watch_rebuild(root: Path, cache: Any, write: Callable[[Folder], str]) -> Any:
    """What the watcher calls after each burst of saves: load (through the cache kept in
    memory, so only changed files are read), print what changed, write the report."""
    import time

    from interim.output import closing_line
    from interim.watch import DiagnosticLog

    log = DiagnosticLog(root)

    def rebuild(changed: frozenset[str], may_wait: bool) -> bool:
        started = time.perf_counter()
        loaded, diags, contacts = _watch_load(root, cache)
        if may_wait and log.unsettled(diags):
            return False  # a file caught mid-save: read it again once it settles
        click.echo(f"[{time.strftime('%H:%M:%S')}] {_changed_text(root, changed)}")
        for line in log.news(diags, contacts):
            click.echo(line)
        if loaded is None:
            click.echo("interim.yaml has errors: fix them and save it again.")
            return True
        written = _watch_report(write, loaded)
        counts = closing_line(
            loaded.errors, loaded.warnings, len(loaded.records), loaded.files_read
        )
        click.echo(f"{counts}{written} ({time.perf_counter() - started:.2f} s)")
        if cache is not None:
            cache.flush()  # after the report: a save's result never waits for it
        return True

    return rebuild


def _watch_load(root: Path, cache: Any) -> tuple[Folder | None, list[Diagnostic], str]:
    """Like `_load`, but a broken interim.yaml is printed and waited out, not an exit."""
    from interim.config import load_settings, settings_errors
    from interim.folder import load_folder

    settings, problems = load_settings(root)
    errors = settings_errors(problems)
    if errors:
        return None, errors, settings.crisis_contacts
    loaded = load_folder(root, settings=settings, cache=cache)
    loaded.diagnostics = sorted(problems + loaded.diagnostics, key=lambda d: d.sort_key())
    return loaded, loaded.diagnostics, settings.crisis_contacts


def _watch_report(write: Callable[[Folder], str], loaded: Folder) -> str:
    """' — report: PATH', or the reason there is none this time (the watch goes on)."""
    from interim.errors import InterimError
    from interim.output import text_line
    from interim.render import TemplateProblem

    try:
        return f" — report: {write(loaded)}"
    except TemplateProblem as exc:
        click.echo(text_line(_template_diag(exc)), err=True)
    except InterimError as exc:
        click.echo(f"interim: {exc}", err=True)
    return " — report not written"


def _changed_text(root: Path, changed: frozenset[str]) -> str:
    """The changed files, as paths in the folder; scratch files that are gone are left out."""
    from interim.errors import escape_text

    shown = []
    for path in sorted(changed):
        if os.path.lexists(path) or path.lower().endswith(".md"):
            rel = os.path.relpath(path, root).replace(os.sep, "/")
            shown.append(escape_text(rel) + ("" if os.path.lexists(path) else " (deleted)"))
    return ", ".join(shown) or "checked"


def _watch_error(exc: BaseException) -> None:
    click.echo(
        f"interim: the rebuild failed ({type(exc).__name__}: {exc}); still watching", err=True
    )


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
