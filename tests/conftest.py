"""Shared fixtures.

- `write(root, relpath, text_or_bytes)`: write a file (folders made as needed), byte-exact.
- `run_cli(args, env=None)`: run `interim` in-process with click's CliRunner.
- `check_text(text_or_bytes)`: decode, split and validate one record file against the
  built-in types, as `load_folder` would, and return the record and every diagnostic.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from hypothesis import settings as hypothesis_settings

from interim.diagnostics import Diagnostic
from interim.domain.model import Record

# CI (`.ci/run` sets INTERIM_CI=1) runs the property tests on hypothesis's fixed examples,
# so a submission never fails on a draw that a local run would have found first; `make test`
# on a desk draws new examples every run (and keeps what fails in .hypothesis/).
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("INTERIM_CI") == "1":
    hypothesis_settings.load_profile("ci")

Write = Callable[[Path, str, str | bytes], Path]


def write_file(root: Path, relpath: str, content: str | bytes) -> Path:
    """Text is written as UTF-8 exactly as given (no newline translation), so a CRLF test
    means what it says."""
    path = root / relpath
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


@pytest.fixture
def write() -> Write:
    return write_file


@pytest.fixture(autouse=True)
def private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Commands keep a per-file cache in the user's cache directory; a test must never read
    or write the real one (`interim.cachedir.cache_dir` honours INTERIM_CACHE_DIR first)."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("INTERIM_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def run_cli() -> Callable[..., Result]:
    """`run_cli(["check", str(folder)])` → click's Result (exit_code, stdout, stderr)."""
    from interim.cli import main

    def run(
        args: Sequence[str], env: Mapping[str, str | None] | None = None, color: bool = False
    ) -> Result:
        """`color=True` keeps ANSI sequences in the output, as on a terminal."""
        return CliRunner().invoke(main, list(args), env=env, color=color, catch_exceptions=False)

    return run


@dataclass
class Checked:
    record: Record | None
    diagnostics: list[Diagnostic]

    @property
    def codes(self) -> list[str]:
        return [d.code for d in self.diagnostics]

    def only(self, code: str) -> Diagnostic:
        """The one diagnostic with `code` (fails when there are none or several)."""
        found = [d for d in self.diagnostics if d.code == code]
        assert len(found) == 1, f"expected one {code}, got {self.diagnostics}"
        return found[0]

    def where(self, code: str) -> tuple[int, int]:
        d = self.only(code)
        return d.line, d.col

    @property
    def fields(self) -> dict[str, object]:
        assert self.record is not None, self.diagnostics
        return self.record.fields


def check_record(content: str | bytes, path: str = "x.md") -> Checked:
    from interim.check.validate import validate_record
    from interim.measures import builtin_measures

    MEASURES = builtin_measures()
    from interim.load.frontmatter import decode, split
    from interim.types import builtin_types
    from interim.types.kinds import Context

    data = content.encode("utf-8") if isinstance(content, str) else content
    text, diags = decode(data, path)
    if text is None:
        return Checked(None, diags)
    doc = split(text, path)
    diags += doc.diagnostics
    if doc.front is None:
        return Checked(None, diags)
    types = builtin_types()
    ctx = Context(path, frozenset(types), frozenset(MEASURES))
    stem = path.rsplit("/", 1)[-1].removesuffix(".md")
    record = validate_record(doc.front, path, stem, types, ctx)
    return Checked(record, diags + ctx.diagnostics + _folder_notices(record, types))


def _folder_notices(record: Record | None, types: dict[str, object]) -> list[Diagnostic]:
    """What `load_folder` adds for this record alone: the safety notice's IM220 lines."""
    from interim.domain.model import Folder
    from interim.folder import folder_notices

    if record is None:
        return []
    return folder_notices(Folder(Path("."), [record], [], types=dict(types)))


@pytest.fixture
def check_text() -> Callable[..., Checked]:
    return check_record


# The real-browser fixture (`browser`), shared by every test that opens a report in Chromium.
pytest_plugins = ("browser",)


@pytest.fixture
def unpickled(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many records the loads unpickle from the per-file cache (`[count]`)."""
    from interim.load import cache as cache_module

    count = [0]
    real = cache_module.record_from

    def counting(payload: bytes) -> Any:
        count[0] += 1
        return real(payload)

    monkeypatch.setattr(cache_module, "record_from", counting)
    return count
