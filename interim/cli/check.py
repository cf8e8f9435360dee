"""`interim check` and `interim cache`: every problem in one run, and where the cache is.

As in every command module, each command imports the library inside itself, so
`interim --help` stays fast."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from interim.cli.group import (
    EXIT_OK,
    EXIT_PROBLEMS,
    FOLDER,
    NO_CACHE,
    fail,
    main,
    progress_line,
    root_of,
)


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
    # Imported here, not at the top: `interim --help` stays fast.
    from interim.commands.check import check_lines
    from interim.diagnostics import Diagnostic
    from interim.folder import NOTHING, load_checked, load_folder
    from interim.settings import BrokenSettings

    root, broken = root_of(folder), False
    progress = progress_line() if fmt == "text" else None
    try:
        # Only the diagnostics and the counts: an unchanged folder unpickles no record.
        loaded = load_checked(root, progress=progress, use_cache=not no_cache, wanted=NOTHING)
    except BrokenSettings as exc:
        # Check the records all the same (with what could be read of the settings), so every
        # problem shows in one run, the safety notice too; the exit code still says 2.
        broken = True
        loaded = load_folder(root, settings=exc.settings, use_cache=False)
        loaded.diagnostics = sorted(exc.problems + loaded.diagnostics, key=Diagnostic.sort_key)
    for line in check_lines(loaded, fmt):
        click.echo(line)
    if broken:
        fail("interim.yaml has errors; fix them and run again.")
    failed = loaded.errors > 0 or (strict and loaded.warnings > 0)
    sys.exit(EXIT_PROBLEMS if failed else EXIT_OK)


@main.command("cache")
@click.option("--path", "show_path", is_flag=True, help="Print where the cache is (the default).")
@click.option("--clear", is_flag=True, help="Delete the cache of every folder.")
@FOLDER
def cache_command(show_path: bool, clear: bool, folder: Path | None) -> None:
    """Where interim keeps its cache, or clear it.

    To make a second run fast, interim keeps what it read from each record file (values and
    problems: health data) in your user cache directory, one file per folder, readable by you
    only. Deleting it is always safe: the next run reads every file again."""
    # Imported here, not at the top: `interim --help` stays fast.
    from interim.cachedir import cache_dir
    from interim.load.cache import cache_file
    from interim.load.cache import clear as clear_cache

    if clear:
        removed = clear_cache()
        click.echo(f"removed {removed} cache file{'' if removed == 1 else 's'} from {cache_dir()}")
        return
    click.echo(f"cache directory: {cache_dir()}")
    click.echo(f"this folder's cache: {cache_file(root_of(folder))}")
