"""The command line: parse options, call the library, print, exit. The only module that
imports click. Each command imports what it needs inside itself, so `interim --help` stays
fast and loads no YAML, Jinja or Typst."""

from __future__ import annotations

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


def _load(root: Path, quiet: bool = False) -> Folder:
    """Load the folder, stopping with exit 2 on a broken settings file."""
    from interim.config import load_settings, settings_errors
    from interim.folder import load_folder
    from interim.output import text_line

    settings, problems = load_settings(root)
    errors = settings_errors(problems)
    if errors:
        for d in errors:
            click.echo(text_line(d), err=True)
        _fail("interim.yaml has errors; fix them and run again.")
    folder = load_folder(root, settings=settings, progress=None if quiet else _progress())
    folder.diagnostics = sorted(problems + folder.diagnostics, key=lambda d: d.sort_key())
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
def check(folder: Path | None, fmt: str, strict: bool) -> None:
    """Check every record file and report every problem in one run.

    Each problem is one line, `path:line:col: severity CODE message`. Exit codes: 0 no
    errors, 1 errors found (or warnings with --strict), 2 usage or settings error."""
    from interim.output import as_json, github_line

    loaded = _load(_root(folder), quiet=fmt != "text")
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


if __name__ == "__main__":  # pragma: no cover
    main()
