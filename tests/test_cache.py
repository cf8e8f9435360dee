"""The per-file cache (interim.load.cache) and the loader's other fast paths (interim.folder):
whatever state the cache is in, a load gives exactly what a load without it gives."""

from __future__ import annotations

import datetime as dt
import os
import pickle
import stat
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import Write

from interim import folder as folder_module
from interim import reader as reader_module
from interim.cachedir import cache_dir
from interim.domain.model import Folder
from interim.folder import NOTHING, Wanted, cache_key, load_folder
from interim.load import cache as cache_module
from interim.load import parallel as parallel_module
from interim.load.cache import FolderCache, cache_file
from interim.settings import load_settings
from interim.types import types_identity

AN_HOUR_AGO = time.time_ns() - 3600 * 10**9
FILES = {
    "records/2026/11/2026-11-20-mood.md": "---\ntype: mood\ndate: 2026-11-20\nmood: 4\n---\nOk.\n",
    "records/2026/11/2026-11-21-mood.md": "---\ntype: mood\ndate: 2026-11-21\nmood: 40\n---\n",
    "records/2026/11/2026-11-22-sleep.md": (
        "---\ntype: sleep\ndate: 2026-11-22\nbedtime: 23:30\nlights_out: 23:45\n"
        "final_wake: 07:05\nout_of_bed: 07:20\nminutes_to_sleep:\nquality: 3\n---\n"
    ),
    "questionnaires/2026-11-18-phq9.md": (
        "---\ntype: questionnaire\ndate: 2026-11-18\ninstrument: PHQ-9\n"
        "items: [1, 1, 2, 1, 0, 1, 1, 0, 1]\n---\n"
    ),
    "notes/broken.md": "---\ntype: note\ndate: [2026\n---\n",
    "README.md": "# My therapy folder\n",
    "homework/h1.md": "---\ntype: homework\ndate: 2026-11-18\ntitle: Walk\ngoal: nope\n---\n",
}


def make_folder(root: Path, write: Write) -> Path:
    for rel, text in FILES.items():
        write(root, rel, text)
    age(root)
    return root


def age(root: Path, ns: int = AN_HOUR_AGO) -> None:
    """Files older than the cache's racy window (a file changed a moment ago is re-read)."""
    for path in root.rglob("*.md"):
        os.utime(path, ns=(ns, ns))


def snapshot(folder: Folder) -> tuple[Any, ...]:
    return (folder.records, folder.diagnostics, folder.not_records, folder.files_read)


@pytest.fixture
def md_opens(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every `os.open` of a `.md` file: the loader reads record files only through it."""
    opened: list[str] = []
    real = os.open

    def counting(path: Any, *args: Any, **kwargs: Any) -> int:
        if os.fspath(path).endswith(".md"):
            opened.append(os.fspath(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", counting)
    yield opened


def test_a_second_check_reads_no_record_file(
    tmp_path: Path,
    write: Write,
    run_cli: Callable[..., Any],
    md_opens: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(cache_module, "CHUNK", 2)  # a cache of several pickles, as a big one is
    root = make_folder(tmp_path / "f", write)
    first = run_cli(["check", str(root)])
    assert len(md_opens) == len(FILES)
    md_opens.clear()
    second = run_cli(["check", str(root)])
    assert md_opens == []
    n = len(FILES)
    fresh = f"({n} files: {n} read now, 0 from the cache)."
    cached = f"({n} files: 0 read now, {n} from the cache)."
    assert fresh in first.output and cached in second.output  # the count line says so
    assert (second.exit_code, second.output) == (
        first.exit_code,
        first.output.replace(fresh, cached),
    )
    assert "IM205" in second.output and "IM220" in second.output


def test_a_second_report_reads_no_record_file(
    tmp_path: Path, write: Write, run_cli: Callable[..., Any], md_opens: list[str]
) -> None:
    root = make_folder(tmp_path / "f", write)
    run_cli(["report", str(root), "-o", str(tmp_path / "r1.html")])
    md_opens.clear()
    result = run_cli(["report", str(root), "-o", str(tmp_path / "r2.html")])
    assert result.exit_code == 0
    assert md_opens == []
    assert (tmp_path / "r1.html").read_bytes() == (tmp_path / "r2.html").read_bytes()


def test_no_cache_neither_reads_nor_writes_it(
    tmp_path: Path, write: Write, run_cli: Callable[..., Any], md_opens: list[str]
) -> None:
    root = make_folder(tmp_path / "f", write)
    run_cli(["check", str(root), "--no-cache"])
    assert not cache_file(root).exists()
    run_cli(["check", str(root)])
    md_opens.clear()
    run_cli(["check", str(root), "--no-cache"])
    assert len(md_opens) == len(FILES)


def _fill(root: Path) -> Folder:
    return load_folder(root, use_cache=True)


def _garble(root: Path) -> None:
    cache_file(root).write_bytes(os.urandom(4096))


def _garble_after_header(root: Path) -> None:
    path = cache_file(root)
    data = path.read_bytes()
    header = data[: data.index(b"\n", len(cache_module.FORMAT)) + 1]
    path.write_bytes(header + os.urandom(2048))


def _truncate(root: Path) -> None:
    path = cache_file(root)
    path.write_bytes(path.read_bytes()[:300])


def _empty(root: Path) -> None:
    cache_file(root).write_bytes(b"")


def _foreign_class(root: Path) -> None:
    """A well-formed pickle naming a class a cache never holds: refused unread."""
    path = cache_file(root)
    data = path.read_bytes()
    header = data[: data.index(b"\n", len(cache_module.FORMAT)) + 1]
    chunk = [("x.md", (1, 2, 3, Path("x"), (), False))]
    path.write_bytes(header + pickle.dumps(1) + pickle.dumps(chunk))


def _open_to_others(root: Path) -> None:
    os.chmod(cache_file(root), 0o666)


@pytest.mark.parametrize(
    "spoil",
    [_garble, _garble_after_header, _truncate, _empty, _foreign_class, _open_to_others],
    ids=lambda f: f.__name__.strip("_"),
)
def test_a_broken_cache_gives_the_same_folder(
    tmp_path: Path, write: Write, spoil: Callable[[Path], None]
) -> None:
    root = make_folder(tmp_path / "f", write)
    _fill(root)
    if spoil is _open_to_others and os.name != "posix":
        pytest.skip("owner and mode checks are POSIX")
    spoil(root)
    assert snapshot(load_folder(root, use_cache=True)) == snapshot(load_folder(root))
    # ...and it was rebuilt: the next load reads nothing
    assert len(FolderCache(root).lookup(_fingerprint(root))) == len(FILES)


def _fingerprint(root: Path) -> bytes:
    settings, _ = load_settings(root)
    return cache_key(settings, types_identity(root))


def test_a_cache_from_another_version_is_not_used(
    tmp_path: Path, write: Write, monkeypatch: pytest.MonkeyPatch, md_opens: list[str]
) -> None:
    root = make_folder(tmp_path / "f", write)
    _fill(root)
    monkeypatch.setattr(cache_module, "__version__", "99.0")
    md_opens.clear()
    assert snapshot(load_folder(root, use_cache=True)) == snapshot(load_folder(root))
    assert len(md_opens) == 2 * len(FILES)  # the cached run read everything too


def test_other_types_are_not_served_old_results(tmp_path: Path, write: Write) -> None:
    root = make_folder(tmp_path / "f", write)
    assert "IM205" in [d.code for d in _fill(root).diagnostics]
    write(
        root,
        "types/mood.yaml",
        "name: mood\nversion: 2\ndescription: Mood, 0-100.\nfields:\n"
        "  mood: {kind: scale, min: 0, max: 100, description: Mood.}\n",
    )
    cached = load_folder(root, use_cache=True)
    assert snapshot(cached) == snapshot(load_folder(root))
    assert "IM205" not in [d.code for d in cached.diagnostics]


def test_other_settings_are_not_served_old_results(
    tmp_path: Path, write: Write, md_opens: list[str]
) -> None:
    root = make_folder(tmp_path / "f", write)
    _fill(root)
    write(root, "interim.yaml", "name: A. N. Other\n")
    md_opens.clear()
    assert snapshot(load_folder(root, use_cache=True)) == snapshot(load_folder(root))
    assert len(md_opens) == 2 * len(FILES)


def test_an_unwritable_cache_gives_the_same_folder(
    tmp_path: Path, write: Write, monkeypatch: pytest.MonkeyPatch, private_cache: Path
) -> None:
    root = make_folder(tmp_path / "f", write)
    if os.name == "posix" and os.geteuid() == 0:  # root writes anywhere: simulate it

        def refuse(*args: Any) -> None:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(cache_module, "_write", refuse)
    else:
        private_cache.mkdir(exist_ok=True)
        os.chmod(private_cache, 0)
    try:
        assert snapshot(load_folder(root, use_cache=True)) == snapshot(load_folder(root))
        cache = FolderCache(root)
        cache.update(b"x", {}, True, 0)
        assert cache.flush() is False  # said, never raised
    finally:
        os.chmod(private_cache, 0o700)


def test_an_unreadable_cache_gives_the_same_folder(
    tmp_path: Path, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_folder(tmp_path / "f", write)
    _fill(root)
    monkeypatch.setattr(cache_module, "_owned_file", lambda path: None)
    assert snapshot(load_folder(root, use_cache=True)) == snapshot(load_folder(root))


def test_editing_one_file_reads_only_that_file(
    tmp_path: Path, write: Write, md_opens: list[str]
) -> None:
    root = make_folder(tmp_path / "f", write)
    _fill(root)
    path = write(
        root,
        "records/2026/11/2026-11-21-mood.md",
        FILES["records/2026/11/2026-11-21-mood.md"].replace("40", "4"),
    )
    os.utime(path, ns=(AN_HOUR_AGO + 10**9, AN_HOUR_AGO + 10**9))
    md_opens.clear()
    cached = load_folder(root, use_cache=True)
    assert md_opens == [str(path)]
    assert "IM205" not in [d.code for d in cached.diagnostics]
    assert snapshot(cached) == snapshot(load_folder(root))


def test_a_same_size_edit_with_the_same_mtime_but_a_new_inode_is_read(
    tmp_path: Path, write: Write
) -> None:
    """Editors that save by rename give the file a new inode."""
    root = make_folder(tmp_path / "f", write)
    _fill(root)
    rel = "records/2026/11/2026-11-20-mood.md"
    new = root / "new.tmp"
    new.write_text(FILES[rel].replace("mood: 4", "mood: 5"))
    os.replace(new, root / rel)
    age(root)
    [record] = [r for r in load_folder(root, use_cache=True).records if r.path == rel]
    assert record.fields["mood"] == 5


def test_deleting_a_file_drops_it(tmp_path: Path, write: Write) -> None:
    root = make_folder(tmp_path / "f", write)
    _fill(root)
    (root / "records/2026/11/2026-11-20-mood.md").unlink()
    cached = load_folder(root, use_cache=True)
    assert "records/2026/11/2026-11-20-mood.md" not in [r.path for r in cached.records]
    assert snapshot(cached) == snapshot(load_folder(root))
    kept = FolderCache(root).lookup(_fingerprint(root))
    assert "records/2026/11/2026-11-20-mood.md" not in kept


def test_a_file_changed_a_moment_ago_is_not_trusted(
    tmp_path: Path, write: Write, md_opens: list[str]
) -> None:
    """Same size and mtime can hide an edit on a coarse clock: a recent file is read again."""
    root = make_folder(tmp_path / "f", write)
    age(root, time.time_ns())  # just now
    _fill(root)
    md_opens.clear()
    load_folder(root, use_cache=True)
    assert len(md_opens) == len(FILES)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_cache_file_is_0600_and_its_directory_0700(
    tmp_path: Path, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("INTERIM_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    own = tmp_path / "xdg" / "interim"
    own.mkdir(parents=True, mode=0o755)
    own.chmod(0o755)  # interim's own folder, made by someone else: closed up
    root = make_folder(tmp_path / "f", write)
    _fill(root)
    assert stat.S_IMODE(cache_file(root).stat().st_mode) == 0o600
    assert stat.S_IMODE(own.stat().st_mode) == 0o700
    assert cache_file(root).parent == own
    assert str(root) not in cache_file(root).name  # the name tells nothing


def test_a_cache_folder_the_user_chose_keeps_its_mode_and_its_other_files(
    tmp_path: Path, write: Write, run_cli: Callable[..., Any], private_cache: Path
) -> None:
    private_cache.chmod(0o755)
    (private_cache / "templates").mkdir()
    (private_cache / "templates" / "keep.html").write_text("mine")
    root = make_folder(tmp_path / "f", write)
    _fill(root)
    run_cli(["report", str(root), "-o", str(tmp_path / "r.html")])
    assert stat.S_IMODE(private_cache.stat().st_mode) == 0o755
    assert stat.S_IMODE(cache_file(root).stat().st_mode) == 0o600
    assert run_cli(["cache", "--clear"]).exit_code == 0
    assert (private_cache / "templates" / "keep.html").read_text() == "mine"
    assert not cache_file(root).exists()


def test_cache_path_and_clear_commands(
    tmp_path: Path, write: Write, run_cli: Callable[..., Any], private_cache: Path
) -> None:
    root = make_folder(tmp_path / "f", write)
    _fill(root)
    shown = run_cli(["cache", "--path", str(root)])
    assert shown.exit_code == 0
    assert str(private_cache) in shown.output and str(cache_file(root)) in shown.output
    cleared = run_cli(["cache", "--clear"])
    assert cleared.exit_code == 0 and "removed 1 cache file" in cleared.output
    assert not cache_file(root).exists()


@pytest.fixture
def home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No INTERIM_CACHE_DIR, and a home folder of the test's own."""
    monkeypatch.delenv("INTERIM_CACHE_DIR")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(Path, "home", lambda: tmp_path)
    return tmp_path


def test_cache_dir_on_linux(monkeypatch: pytest.MonkeyPatch, home: Path) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    assert cache_dir() == home / ".cache" / "interim"
    monkeypatch.setenv("XDG_CACHE_HOME", "/xdg")
    assert cache_dir() == Path("/xdg/interim")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    assert cache_dir() == home / ".cache" / "interim"


def test_cache_dir_on_macos(monkeypatch: pytest.MonkeyPatch, home: Path) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setenv("XDG_CACHE_HOME", "/xdg")  # not macOS's rule
    assert cache_dir() == home / "Library" / "Caches" / "interim"


def test_cache_dir_on_windows(monkeypatch: pytest.MonkeyPatch, home: Path) -> None:
    import platformdirs.windows

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(home / "Local"))
    # Windows' shell API is not here: answer with the folder it would give.
    monkeypatch.setattr(
        platformdirs.windows, "get_win_folder", lambda _: os.environ["LOCALAPPDATA"]
    )
    assert cache_dir() == home / "Local" / "interim" / "Cache"


def test_interim_cache_dir_overrides_every_platform(
    monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    monkeypatch.setenv("INTERIM_CACHE_DIR", str(home / "mine"))
    for platform in ("linux", "darwin", "win32"):
        monkeypatch.setattr(sys, "platform", platform)
        assert cache_dir() == home / "mine"


# -- forked reading ------------------------------------------------------------------------

needs_fork = pytest.mark.skipif(sys.platform != "linux", reason="forked reading is Linux-only")


@needs_fork
def test_forked_reading_gives_the_same_folder(
    tmp_path: Path, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_folder(tmp_path / "f", write)
    serial = snapshot(load_folder(root))
    monkeypatch.setattr(parallel_module, "PARALLEL_MIN_FILES", 1)
    monkeypatch.setenv("INTERIM_WORKERS", "3")
    used = []
    real = parallel_module._forked

    def spy(*args: Any) -> Any:
        used.append(result := real(*args))
        return result

    monkeypatch.setattr(parallel_module, "_forked", spy)
    assert snapshot(load_folder(root)) == serial
    assert used
    if threading.active_count() == 1:  # another test's thread would make it read here
        assert used[0] is not None


@needs_fork
def test_a_failing_child_falls_back_to_reading_here(
    tmp_path: Path, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_folder(tmp_path / "f", write)
    serial = snapshot(load_folder(root))
    monkeypatch.setattr(parallel_module, "PARALLEL_MIN_FILES", 1)
    monkeypatch.setenv("INTERIM_WORKERS", "2")
    parent = os.getpid()
    real = reader_module.FileReader.read

    def read(self: Any, candidate: Any) -> Any:
        if os.getpid() != parent:
            raise RuntimeError("a child fails")
        return real(self, candidate)

    monkeypatch.setattr(reader_module.FileReader, "read", read)
    assert snapshot(load_folder(root)) == serial


def test_an_edit_that_keeps_size_and_mtime_is_still_seen(tmp_path: Path, write: Write) -> None:
    """rsync --inplace -t or `touch -r` after an edit: only the change time tells."""
    root = tmp_path / "f"
    path = write(root, "m.md", "---\ntype: mood\ndate: 2026-11-20\nmood: 4\n---\n")
    age(root)
    assert not _fill(root).diagnostics
    stamp = path.stat().st_mtime_ns
    with open(path, "r+b") as handle:  # same inode, same size
        handle.write(path.read_bytes().replace(b"mood: 4", b"mood: X"))
    os.utime(path, ns=(stamp, stamp))
    assert [d.code for d in _fill(root).diagnostics] == ["IM204"]


# -- the folder-level result -------------------------------------------------------------


def _no_types_or_records(monkeypatch: pytest.MonkeyPatch) -> None:
    """An unchanged folder's check needs neither the types nor any record read."""

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("read on an unchanged folder")

    monkeypatch.setattr(folder_module, "load_types", refuse)
    monkeypatch.setattr(reader_module.FileReader, "read", refuse)
    monkeypatch.setattr(cache_module, "record_from", refuse)


def test_an_unchanged_folder_is_checked_from_its_kept_result(
    tmp_path: Path, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_folder(tmp_path / "f", write)
    full = _fill(root)
    _no_types_or_records(monkeypatch)
    again = load_folder(root, use_cache=True, wanted=NOTHING)
    assert again.diagnostics == full.diagnostics
    assert again.not_records == full.not_records
    assert again.record_count == len(full.records)


@pytest.mark.parametrize(
    "change",
    ["edit", "new file", "delete", "rename", "settings", "types", "report date"],
)
def test_any_change_the_result_depends_on_loads_afresh(
    tmp_path: Path, write: Write, change: str
) -> None:
    root = make_folder(tmp_path / "f", write)
    _fill(root)
    rel = "records/2026/11/2026-11-20-mood.md"
    if change == "edit":
        write(root, rel, FILES[rel].replace("mood: 4", "mood: 44"))
    elif change == "new file":
        write(root, "records/2026/11/2026-11-23-mood.md", FILES[rel].replace("20", "23"))
    elif change == "delete":
        (root / rel).unlink()
    elif change == "rename":
        (root / rel).rename(root / "records/2026/11/evening.md")
    elif change == "settings":
        write(root, "interim.yaml", "name: Sam\n")
    elif change == "types":
        write(root, "types/mood.yaml", "extends: mood\nfields:\n  extra: {type: string}\n")
    elif change == "report date":
        write(root, "interim.yaml", "report_date: 2027-06-01\n")
    age(root, AN_HOUR_AGO + 10**9)
    checked = load_folder(root, use_cache=True, wanted=NOTHING)
    fresh = load_folder(root)
    assert checked.diagnostics == fresh.diagnostics
    assert checked.record_count == len(fresh.records)


def test_a_folder_changed_a_moment_ago_keeps_no_result(tmp_path: Path, write: Write) -> None:
    """A file saved in the last 2 s may change again without a new size or mtime."""
    root = make_folder(tmp_path / "f", write)
    age(root, time.time_ns())
    cache = FolderCache(root)
    load_folder(root, cache=cache)
    assert cache._state is None
    age(root)
    load_folder(root, cache=cache)
    assert cache._state is not None


def test_the_wanted_records_are_those_a_full_load_has(tmp_path: Path, write: Write) -> None:
    root = make_folder(tmp_path / "f", write)
    full = _fill(root)
    wanted = Wanted(types=frozenset({"questionnaire"}), since=dt.date(2026, 11, 21))
    some = load_folder(root, use_cache=True, wanted=wanted)
    expected = [
        r
        for r in full.records
        if r.type == "questionnaire" or r.date is None or r.date >= wanted.since
    ]
    assert some.records == expected
    assert some.diagnostics == full.diagnostics
    assert some.record_count == len(full.records)


def test_a_kept_cache_unpickles_an_unchanged_record_once(
    tmp_path: Path, write: Write, unpickled: list[int]
) -> None:
    """The watcher keeps one FolderCache: a file that did not change is not unpickled
    again on the next load, and an edited one is read afresh."""
    root = make_folder(tmp_path / "f", write)
    cache = FolderCache(root)
    load_folder(root, cache=cache)  # reads the files
    load_folder(root, cache=cache)  # unpickles each record once
    unpickled[0] = 0
    rel = "records/2026/11/2026-11-20-mood.md"
    path = write(root, rel, FILES[rel].replace("mood: 4", "mood: 6"))
    os.utime(path, ns=(AN_HOUR_AGO + 10**9, AN_HOUR_AGO + 10**9))
    again = load_folder(root, cache=cache)
    assert unpickled[0] == 0
    assert snapshot(again) == snapshot(load_folder(root))
    [record] = [r for r in again.records if r.path == rel]
    assert record.fields["mood"] == 6


# -- interim's own data kept parsed (the built-in types and measures) -------------------------


def test_kept_builds_once_and_reads_back(tmp_path: Path) -> None:
    from interim.load.cache import kept

    made: list[int] = []

    def build() -> dict[str, tuple[int, ...]]:
        made.append(1)
        return {"a": (1, 2)}

    assert kept("example", build, frozenset()) == {"a": (1, 2)}
    assert kept("example", build, frozenset()) == {"a": (1, 2)}
    assert made == [1]
    path = Path(os.environ["INTERIM_CACHE_DIR"]) / "builtin-example.pickle"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.parametrize("spoil", ["writable-by-others", "other-class", "corrupt", "old-header"])
def test_kept_rebuilds_what_it_cannot_trust(tmp_path: Path, spoil: str) -> None:
    from interim.load.cache import kept

    made: list[int] = []

    def build() -> list[str]:
        made.append(1)
        return ["fresh"]

    kept("spoiled", build, frozenset())
    path = Path(os.environ["INTERIM_CACHE_DIR"]) / "builtin-spoiled.pickle"
    header = path.read_bytes().split(b"\n", 2)
    head = header[0] + b"\n" + header[1] + b"\n"
    if spoil == "writable-by-others":
        path.chmod(0o666)
    elif spoil == "other-class":  # a pickle that would call os.system
        path.write_bytes(head + pickle.dumps(os.system))
    elif spoil == "corrupt":
        path.write_bytes(head + b"\x80\x05not a pickle")
    else:
        path.write_bytes(b"interim-cache 0\nold\n" + pickle.dumps(["stale"]))
    assert kept("spoiled", build, frozenset()) == ["fresh"]
    assert made == [1, 1]


def test_the_builtins_kept_are_the_builtins_parsed() -> None:
    import interim.measures as measures
    import interim.types as types

    measures.builtin_measures.cache_clear()
    types.builtin_types.cache_clear()
    try:
        first = types.builtin_types()  # parsed, and kept
        types.builtin_types.cache_clear()
        assert types.builtin_types() == first == types._parse_builtins()  # read back
        assert measures.builtin_measures() == measures._parse_builtins()
    finally:
        measures.builtin_measures.cache_clear()
        types.builtin_types.cache_clear()


def test_no_cache_neither_reads_nor_keeps_the_builtins(tmp_path: Path, run_cli: Any) -> None:
    import interim.measures as measures
    import interim.types as types

    measures.builtin_measures.cache_clear()
    types.builtin_types.cache_clear()
    root = tmp_path / "f"
    root.mkdir()
    (root / "interim.yaml").write_text("report_date: 2026-11-17\n")
    try:
        assert run_cli(["check", str(root), "--no-cache"]).exit_code == 0
        folder = Path(os.environ["INTERIM_CACHE_DIR"])
        assert list(folder.glob("builtin-*")) == []
        measures.builtin_measures.cache_clear()
        types.builtin_types.cache_clear()
        assert run_cli(["check", str(root)]).exit_code == 0  # and a run with the cache keeps them
        assert sorted(p.name for p in folder.glob("builtin-*")) == [
            "builtin-measures.pickle",
            "builtin-types.pickle",
        ]
    finally:
        measures.builtin_measures.cache_clear()
        types.builtin_types.cache_clear()


def test_records_read_back_share_their_field_names() -> None:
    """Two records unpickled apart (from the cache, or from a forked reader) hold one string
    per field name between them, as records read afresh do (memory per record)."""
    from interim.domain.model import Record
    from interim.load.cache import record_bytes, record_from

    def made(n: int) -> Record:
        fields = {"".join(["mo", "od"]): n, "".join(["anx", "iety"]): n}
        return Record(f"r{n}.md", "".join(["mo", "od"]), f"r{n}", None, None, fields)

    a, b = (record_from(record_bytes(made(n))) for n in (1, 2))
    assert a is not None and b is not None
    assert [k for k in a.fields] == ["mood", "anxiety"] and a.fields["mood"] == 1
    for x, y in zip(a.fields, b.fields, strict=True):
        assert x is y
    assert a.type is b.type
