"""Compiled report templates are kept between runs only where nobody else can write
(issue 10): a planted cache file — in Jinja's format or in interim's — owned by another user,
writable by others, in a folder others can write, or reached through a link, is never loaded,
so the code in it never runs. `--no-cache` reads and writes no compiled template.

Tests run as root, so "another user" is made with chown to an unused uid (root may), and
where chown is not allowed by patching which uid counts as ours."""

from __future__ import annotations

import contextlib
import marshal
import os
import pickle
from collections.abc import Callable
from pathlib import Path

import pytest
from jinja2.bccache import bc_magic
from test_render_support import make_folder, rendered

from interim.render.compiled import COMPILED

OTHER_UID = 54321


class Plant:
    """A payload that, when unpickled or run, creates `marker`."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Callable[..., object], tuple[str, str]]:
        return (open, (str(self.marker), "w"))


def plant_everywhere(cache: Path, marker: Path) -> list[Path]:
    """Replace every compiled template under `cache` with code that creates `marker`: in
    Jinja's own format (a pickled checksum, then marshalled code) and in interim's."""
    code = compile(f"open({str(marker)!r}, 'w').close()", "<planted>", "exec")
    planted = []
    for path in sorted((cache / COMPILED).rglob("*.jinja")):  # not the rendered bodies
        if path.is_file():
            data = path.read_bytes()
            if data.startswith(bc_magic):
                path.write_bytes(bc_magic + pickle.dumps(Plant(marker), 2) + marshal.dumps(code))
            else:
                header = data[: data.index(b"\n", data.index(b"\n") + 1) + 1]
                path.write_bytes(header + marshal.dumps(code))
            planted.append(path)
    assert planted, "the first run wrote no compiled template"
    return planted


def as_other_user(paths: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    try:
        for path in paths:
            os.chown(path, OTHER_UID, OTHER_UID)
    except PermissionError:  # not root: make "ours" mean another uid instead
        real = os.getuid()
        monkeypatch.setattr(os, "getuid", lambda: real + 1)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return make_folder(tmp_path / "client", hostile=False)


def first_run(folder: Path, private_cache: Path, tmp_path: Path) -> tuple[Path, list[Path]]:
    rendered(folder, "html")
    marker = tmp_path / "ran"
    return marker, plant_everywhere(private_cache, marker)


def test_a_file_planted_by_another_user_never_runs(
    folder: Path, private_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The hole: a planted file in a writable INTERIM_CACHE_DIR ran (Jinja unpickles it)."""
    marker, planted = first_run(folder, private_cache, tmp_path)
    as_other_user(planted, monkeypatch)
    html = rendered(folder, "html")
    assert not marker.exists(), "planted code ran"
    assert "Safety: PHQ-9 item 9" in html


def test_a_file_others_can_write_never_runs(
    folder: Path, private_cache: Path, tmp_path: Path
) -> None:
    marker, planted = first_run(folder, private_cache, tmp_path)
    for path in planted:
        path.chmod(0o666)
    rendered(folder, "html")
    assert not marker.exists(), "planted code ran"


def test_a_folder_others_can_write_is_not_read(
    folder: Path, private_cache: Path, tmp_path: Path
) -> None:
    marker, planted = first_run(folder, private_cache, tmp_path)
    for level in {p.parent for p in planted}:
        level.chmod(0o777)
    rendered(folder, "html")
    assert not marker.exists(), "planted code ran"


def test_a_cache_folder_owned_by_another_user_is_not_read(
    folder: Path, private_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    marker, _ = first_run(folder, private_cache, tmp_path)
    as_other_user([private_cache / COMPILED], monkeypatch)
    rendered(folder, "html")
    assert not marker.exists(), "planted code ran"


def test_a_linked_cache_file_is_not_read(folder: Path, private_cache: Path, tmp_path: Path) -> None:
    marker, planted = first_run(folder, private_cache, tmp_path)
    for path in planted:
        elsewhere = tmp_path / ("elsewhere-" + path.name)
        path.rename(elsewhere)
        os.symlink(elsewhere, path)
    rendered(folder, "html")
    assert not marker.exists(), "planted code ran"


def test_our_own_file_is_used(folder: Path, private_cache: Path, tmp_path: Path) -> None:
    """The control: the same planted file, owned by us and private, is loaded — so the
    tests above pass because of the checks, not because the file is never looked at."""
    marker, _ = first_run(folder, private_cache, tmp_path)
    with contextlib.suppress(Exception):  # the planted code defines no template
        rendered(folder, "html")
    assert marker.exists()


def test_no_cache_reads_and_writes_none(
    folder: Path, private_cache: Path, tmp_path: Path, run_cli: Callable[..., object]
) -> None:
    from click.testing import Result

    out = tmp_path / "r.html"
    result = run_cli(["report", str(folder), "-o", str(out), "--no-cache"])
    assert isinstance(result, Result) and result.exit_code == 0, result.output
    assert not (private_cache / COMPILED).exists()
    marker, _ = first_run(folder, private_cache, tmp_path)
    result = run_cli(["report", str(folder), "-o", str(out), "--no-cache"])
    assert isinstance(result, Result) and result.exit_code == 0, result.output
    assert not marker.exists()
