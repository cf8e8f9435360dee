"""Tests for interim.load.discover: which files in a folder are records, and why others are not."""

from __future__ import annotations

import errno
import os
import signal
import socket
import stat
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from interim.load.discover import Candidate, Discovery, discover, read_bytes

RECORD = "---\ntype: note\ndate: 2026-11-20\n---\nText.\n"
needs_posix = pytest.mark.skipif(os.name != "posix", reason="POSIX file types")


def touch(root: Path, rel: str, text: str = RECORD) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def rels(found: Discovery, kind: str = "record") -> list[str]:
    """The candidates of one kind: records (the default), copies, or other text files."""
    return [c.rel for c in found.files if c.kind == kind]


def codes(found: Discovery) -> list[tuple[str, str]]:
    return [(d.code, d.path) for d in found.diagnostics]


def symlink(link: Path, target: str, *, is_dir: bool = False) -> None:
    try:
        os.symlink(target, link, target_is_directory=is_dir)
    except (OSError, NotImplementedError) as exc:  # Windows without the privilege
        pytest.skip(f"cannot make symlinks here: {exc}")


def reads_anything(tmp_path: Path) -> bool:
    """Root (os.geteuid() == 0, unless its capabilities were dropped) reads a chmod 000 file,
    so the real permission tests cannot fail there; the simulated ones still run."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return False
    probe = tmp_path / "probe"
    probe.write_text("x")
    probe.chmod(0)
    try:
        probe.read_text()
    except PermissionError:
        return False
    finally:
        probe.chmod(0o600)
        probe.unlink()
    return True


@pytest.fixture
def no_hang() -> Iterator[None]:
    """Fail instead of blocking forever if something opens a FIFO."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def boom(signum: int, frame: object) -> None:
        raise TimeoutError("blocked: a special file was opened")

    old = signal.signal(signal.SIGALRM, boom)
    signal.alarm(10)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


# -- what counts as a record ---------------------------------------------------------------


def test_md_files_any_case_are_candidates_sorted_by_rel(tmp_path: Path) -> None:
    for rel in ["b.md", "A.MD", "records/2026/11/c.Md", "sessions/2026-11-18.md"]:
        touch(tmp_path, rel)
    for rel in ["notes.txt", "image.png", "README", "records/data.json", "mdfile", "x.markdown"]:
        touch(tmp_path, rel)
    found = discover(tmp_path)
    assert rels(found) == [
        "A.MD", "b.md", "records/2026/11/c.Md", "sessions/2026-11-18.md", "x.markdown"
    ]  # fmt: skip
    assert rels(found, "other") == ["notes.txt"]  # read only to say if it looks like a record
    assert found.diagnostics == []


def test_candidate_fields_come_from_one_lstat(tmp_path: Path) -> None:
    path = touch(tmp_path, "sub/mood.md", "x" * 123)
    (cand,) = discover(tmp_path).files
    st = os.lstat(path)
    assert Path(cand.path) == path.absolute() and Path(cand.path).is_absolute()
    assert (cand.rel, cand.size, cand.mtime_ns) == ("sub/mood.md", 123, st.st_mtime_ns)
    if os.name == "posix":
        assert cand.inode == st.st_ino
    assert cand.copy_of is None


def test_relative_root_gives_absolute_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    touch(tmp_path, "f/a.md")
    monkeypatch.chdir(tmp_path)
    (cand,) = discover(Path("f")).files
    assert Path(cand.path) == tmp_path / "f" / "a.md" and cand.rel == "a.md"


def test_deep_nesting_is_walked_without_recursion(tmp_path: Path) -> None:
    depth = sys.getrecursionlimit() + 50
    path = tmp_path
    try:
        for _ in range(depth):
            path = path / "d"
            os.mkdir(path)
        (path / "deep.md").write_text(RECORD)
        found = discover(tmp_path)
    finally:  # pytest's cleanup (shutil.rmtree) recurses and would fail on this tree
        if (path / "deep.md").exists():
            (path / "deep.md").unlink()
        while path != tmp_path:
            if path.exists():
                path.rmdir()
            path = path.parent
    assert rels(found) == ["d/" * depth + "deep.md"]


def test_missing_root_is_a_diagnostic(tmp_path: Path) -> None:
    found = discover(tmp_path / "nope")
    assert found.files == []
    assert codes(found) == [("IM100", ".")]
    assert "no folder at this path" in found.diagnostics[0].message
    touch(tmp_path, "file.md")
    assert codes(discover(tmp_path / "file.md")) == [("IM100", ".")]


# -- skip rules ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "folder",
    [
        ".git", ".obsidian", ".trash", ".Trash-1000", ".stversions", ".stfolder",
        ".dropbox.cache", ".sync", ".SynologyWorkingDirectory", ".hidden", "@eaDir",
        "$RECYCLE.BIN", "System Volume Information", "__pycache__", "node_modules",
        "lost+found", "#recycle", "records/.git", "records/node_modules",
    ],
)  # fmt: skip
def test_hidden_and_system_folders_are_skipped(tmp_path: Path, folder: str) -> None:
    touch(tmp_path, "keep.md")
    touch(tmp_path, f"{folder}/inside.md")
    touch(tmp_path, f"{folder}/deeper/inside.md")
    found = discover(tmp_path)
    assert rels(found) == ["keep.md"]
    assert found.diagnostics == []


@pytest.mark.parametrize(
    "name",
    [
        ".x.md.swp", ".x.md.swo", "x.md~", "4913", "#x.md#", "x.md___jb_tmp___",
        "x.md___jb_old___", "~$x.md", ".goutputstream-ABC123", "x.md.kate-swp", "._x.md",
        ".DS_Store", "Thumbs.db", "desktop.ini", ".hidden.md", "~lock.x.md#",
    ],
)  # fmt: skip
@pytest.mark.parametrize("as_link", [False, True])
def test_editor_temp_and_system_files_are_skipped(tmp_path: Path, name: str, as_link: bool) -> None:
    touch(tmp_path, "x.md")
    if as_link:  # skipped by name before anything else: not even a link warning
        symlink(tmp_path / name, "nowhere")
    else:
        touch(tmp_path, name)
    found = discover(tmp_path)
    assert rels(found) == ["x.md"]
    assert found.diagnostics == []


def test_emacs_lock_link_is_skipped_silently(tmp_path: Path) -> None:
    touch(tmp_path, "x.md")
    symlink(tmp_path / ".#x.md", "jane@laptop.12345:1700000000")  # dangling, by design
    found = discover(tmp_path)
    assert rels(found) == ["x.md"] and found.diagnostics == []


def test_templates_and_types_skipped_only_at_top_level(tmp_path: Path) -> None:
    touch(tmp_path, "templates/report.md")
    touch(tmp_path, "types/urge.md")
    touch(tmp_path, "records/templates/a.md")
    touch(tmp_path, "records/types/b.md")
    touch(tmp_path, "templates.md")
    found = discover(tmp_path)
    assert rels(found) == ["records/templates/a.md", "records/types/b.md", "templates.md"]


def test_user_ignore_patterns(tmp_path: Path) -> None:
    for rel in [
        "keep.md",
        "x.draft.md",
        "sub/y.draft.md",
        "archive/old.md",
        "records/archive/old.md",
        "records/2025/a.md",
        "records/2026/b.md",
        "top.md",
        "sub/top.md",
        "deep/a/scratch.md",
        "scratch.md",
        "notdir.md",
        "sub/notdir.md",
    ]:
        touch(tmp_path, rel)
    ignore = [
        "# a comment", "", "*.draft.md", "archive/", "records/2025/*", "/top.md",
        "**/scratch.md", "notdir.md/",
    ]  # fmt: skip
    found = discover(tmp_path, ignore=ignore)
    assert rels(found) == [
        "keep.md", "notdir.md", "records/2026/b.md", "sub/notdir.md", "sub/top.md",
    ]  # fmt: skip
    assert found.diagnostics == []


def test_ignore_pattern_silences_a_warning(tmp_path: Path) -> None:
    touch(tmp_path, "big.md", "x" * 100)
    assert codes(discover(tmp_path, max_size=10)) == [("IM112", "big.md")]
    assert discover(tmp_path, max_size=10, ignore=["big.md"]).diagnostics == []


# -- sync conflict copies ------------------------------------------------------------------

CERTAIN = [
    ("mood (conflicted copy 2026-11-20).md", "mood.md", "Dropbox"),
    ("mood (Sam's MacBook Pro's conflicted copy 2026-11-20 1).md", "mood.md", "Dropbox"),
    ("mood (Rebekka Schneiders in Konflikt stehende Kopie 2026-11-20).md", "mood.md", "Dropbox"),
    ("mood (Copie en conflit de Sam 2026-11-20).md", "mood.md", "Dropbox"),
    ("mood (Copia en conflicto de Sam 2026-11-20).md", "mood.md", "Dropbox"),
    ("mood (Copia in conflitto di Sam 2026-11-20).md", "mood.md", "Dropbox"),
    ("mood (Cópia em conflito de Sam 2026-11-20).md", "mood.md", "Dropbox"),
    ("mood (Sam の競合コピー 2026-11-20).md", "mood.md", "Dropbox"),
    ("mood (Selective Sync Conflict).md", "mood.md", "Dropbox"),
    ("mood (conflicting copy 1).md", "mood.md", "Maestral"),
    ("mood (conflicted copy Sam Jones 2026-11-20 213512).md", "mood.md", "Nextcloud"),
    ("mood (case clash from 2026-11-20 213512).md", "mood.md", "Nextcloud"),
    ("mood_conflict_sam-20261120-213512.md", "mood.md", "Nextcloud"),
    ("mood (SFConflict sam@example.org 2026-11-20-21-35-12).md", "mood.md", "Seafile"),
    ("mood_Sam-PC_Nov-20-2135-2026_CaseConflict_1.md", "mood.md", "Synology"),
    ("mood [conflicted].md", "mood.md", "pCloud"),
    ("mood (# Name clash 2026-11-20 k2v2c9C #).md", "mood.md", "Proton Drive"),
    ("mood-sam-laptop-safeBackup-0001.md", "mood.md", "OneDrive"),
    ("mood.md (conflict_on_2026-11-20)", "mood.md", "Unison"),
    ("mood.md.conflict1", "mood.md", "rclone"),
    ("mood.md~HEAD", "mood.md", "git"),
    ("mood.md.bak", "mood.md", "backup"),
    ("mood.markdown.orig", "mood.markdown", "git"),
    ("mood (Jane's conflicted copy 2026-11-20).md", "mood.md", "Dropbox"),
    ("mood (Jane Doe's conflicted copy 2026-11-20 (1)).md", "mood.md", "Dropbox"),
    ("mood (Case Conflict).md", "mood.md", "Dropbox"),
    ("a (b) (conflicted copy 2026-11-20).md", "a (b).md", "Dropbox"),
    ("mood (conflicted copy 2026-11-20 101522).md", "mood.md", "Nextcloud"),
    ("mood_conflict-20261120-101522.md", "mood.md", "Nextcloud"),
    ("mood.sync-conflict-20261120-101522-ABCDEF7.md", "mood.md", "Syncthing"),
    ("mood.sync-conflict-20261120-101522.md", "mood.md", "Syncthing"),
    ("mood.Conflict.md", "mood.md", "Resilio"),
    ("mood.Conflict (1).md", "mood.md", "Resilio"),
    ("mood.md (Conflict 2026-11-20)", "mood.md", "Google Drive"),
    ("mood.MD (Conflict 2026-11-20)", "mood.MD", "Google Drive"),
    ("mood.md.orig", "mood.md", "git"),
    ("mood_BASE_1234.md", "mood.md", "git"),
    ("mood_LOCAL_1234.md", "mood.md", "git"),
    ("mood_REMOTE_1234.md", "mood.md", "git"),
    ("mood_BACKUP_1234.md", "mood.md", "git"),
]


@pytest.mark.parametrize(("name", "orig", "client"), CERTAIN)
@pytest.mark.parametrize("with_original", [True, False])
def test_certain_conflict_copies_are_reported_and_left_out(
    tmp_path: Path, name: str, orig: str, client: str, with_original: bool
) -> None:
    if with_original:
        touch(tmp_path, f"sub/{orig}")
    touch(tmp_path, f"sub/{name}")
    found = discover(tmp_path)
    assert rels(found) == ([f"sub/{orig}"] if with_original else [])
    assert rels(found, "copy") == [f"sub/{name}"]  # read for the safety notice, not counted
    assert codes(found) == [("IM120", f"sub/{name}")]
    (d,) = found.diagnostics
    assert f"`sub/{orig}`" in d.message and client in d.message
    assert ("not in the folder" in d.message) is not with_original
    assert (d.line, d.col) == (1, 1) and d.hint


@pytest.mark.parametrize(
    "name",
    ["mood_local_1234.md", "my_BASE_notes.md", "mood.conflicts.md", "conflict.md", "x.orig"],
)
def test_names_that_are_not_certain_copies(tmp_path: Path, name: str) -> None:
    touch(tmp_path, "mood.md")
    touch(tmp_path, name)
    found = discover(tmp_path)
    assert found.diagnostics == []
    assert rels(found) == sorted(["mood.md"] + ([name] if name.endswith(".md") else []))


LOOKALIKE = [
    ("mood-DESKTOP-4F2K1.md", "mood.md", "OneDrive"),
    ("mood-LAPTOP.md", "mood.md", "OneDrive"),
    ("mood-log-LAPTOP.md", "mood-log.md", "OneDrive"),
    ("mood 2.md", "mood.md", "iCloud"),
    ("mood 11.md", "mood.md", "iCloud"),
    ("mood (1).md", "mood.md", "Google Drive"),
    ("Mood (2).MD", "Mood.MD", "Google Drive"),
    ("mood(1).md", "mood.md", "browser"),  # Firefox: no space
    ("mood copy.md", "mood.md", "Finder"),
    ("mood copy 2.md", "mood.md", "Finder"),
    ("mood のコピー.md", "mood.md", "Finder"),
    ("mood - Copy.md", "mood.md", "Windows Explorer"),
    ("mood - Copy (2).md", "mood.md", "Windows Explorer"),
    ("mood - Kopie.md", "mood.md", "Windows Explorer"),
    ("mood - copia.md", "mood.md", "Windows Explorer"),
    ("mood — копия.md", "mood.md", "Windows Explorer"),  # an em dash in Russian
    ("mood - 副本.md", "mood.md", "Windows Explorer"),
    ("mood (copy).md", "mood.md", "file manager"),  # GNOME Files
    ("mood (another copy).md", "mood.md", "file manager"),
    ("mood (3rd copy).md", "mood.md", "file manager"),
    ("mood (Kopie).md", "mood.md", "file manager"),
    ("mood (copy 2).md", "mood.md", "file manager"),  # Xfce Thunar
    ("mood（复件）.md", "mood.md", "file manager"),  # full-width parentheses
    ("mood_copy.md", "mood.md", "by hand"),
    ("mood-old.md", "mood.md", "by hand"),
    ("Copy of mood.md", "mood.md", "Google Drive"),
]


@pytest.mark.parametrize(("name", "orig", "client"), LOOKALIKE)
def test_look_alike_with_original_is_kept_and_flagged(
    tmp_path: Path, name: str, orig: str, client: str
) -> None:
    touch(tmp_path, f"r/{orig}")
    if orig == "mood-log.md":
        touch(tmp_path, "r/mood.md")  # the longest matching original wins
    touch(tmp_path, f"r/{name}")
    found = discover(tmp_path)
    copies = {c.rel: c.copy_of for c in found.files}
    assert copies[f"r/{name}"] == f"r/{orig}"
    assert copies[f"r/{orig}"] is None
    assert codes(found) == [("IM121", f"r/{name}")]
    assert f"`r/{orig}`" in found.diagnostics[0].message
    assert client in found.diagnostics[0].message


@pytest.mark.parametrize(("name", "orig", "client"), LOOKALIKE)
def test_look_alike_without_original_is_a_normal_file(
    tmp_path: Path, name: str, orig: str, client: str
) -> None:
    touch(tmp_path, name)
    touch(tmp_path, f"elsewhere/{orig}")  # in another folder: not the original
    found = discover(tmp_path)
    assert all(c.copy_of is None for c in found.files)
    assert name in rels(found) and found.diagnostics == []


@pytest.mark.parametrize(
    ("name", "other"),
    [
        ("2026-11-18-mood.md", "2026-11-18.md"),  # a dated name, not a hostname
        ("plan-draft.md", "plan.md"),
        ("mood-.md", "mood.md"),
        ("mood 1.md", "mood.md"),
        ("mood-LAP_TOP.md", "mood.md"),
    ],
)
def test_not_look_alikes(tmp_path: Path, name: str, other: str) -> None:
    touch(tmp_path, name)
    touch(tmp_path, other)
    found = discover(tmp_path)
    assert found.diagnostics == [] and all(c.copy_of is None for c in found.files)


def test_each_copy_reported_exactly_once(tmp_path: Path) -> None:
    touch(tmp_path, "mood.md")
    names = [n for n, _, _ in CERTAIN if n.startswith("mood")] + [n for n, _, _ in LOOKALIKE[:2]]
    names.append("mood (conflicted copy 2026-11-20) (1).md")  # certain beats look-alike
    for name in names:
        touch(tmp_path, name)
    found = discover(tmp_path)
    # (mood.md and mood.MD copies differ only in case: that is IM123, and true.)
    paths = [d.path for d in found.diagnostics if d.code != "IM123"]
    assert sorted(paths) == sorted(names)
    assert len(paths) == len(set(paths))


def test_icloud_placeholder(tmp_path: Path) -> None:
    touch(tmp_path, "r/.mood.md.icloud", "bplist")
    touch(tmp_path, "r/.photo.jpg.icloud", "bplist")
    found = discover(tmp_path)
    assert found.files == []
    assert codes(found) == [("IM122", "r/.mood.md.icloud")]
    msg = found.diagnostics[0].message + found.diagnostics[0].hint
    assert "`mood.md`" in msg and "not downloaded" in msg and "Finder/Files" in msg


# -- special files and links ---------------------------------------------------------------


@needs_posix
def test_fifo_is_reported_and_never_opened(tmp_path: Path, no_hang: None) -> None:
    touch(tmp_path, "a.md")
    os.mkfifo(tmp_path / "pipe.md")
    os.mkfifo(tmp_path / "pipe")  # not a record name: silent
    found = discover(tmp_path)
    assert rels(found) == ["a.md"]
    assert codes(found) == [("IM115", "pipe.md")]
    assert "pipe" in found.diagnostics[0].message


@needs_posix
def test_socket_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # AF_UNIX paths are short: bind a relative name
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind("sock.md")
        found = discover(tmp_path)
    assert found.files == []
    assert codes(found) == [("IM115", "sock.md")]
    assert "socket" in found.diagnostics[0].message


@needs_posix
def test_device_is_reported(tmp_path: Path) -> None:
    try:
        os.mknod(tmp_path / "null.md", stat.S_IFCHR | 0o600, os.makedev(1, 3))
    except (OSError, AttributeError) as exc:
        pytest.skip(f"cannot make a device node here: {exc}")
    found = discover(tmp_path)
    assert found.files == [] and codes(found) == [("IM115", "null.md")]


def test_symlink_to_file_is_not_followed(tmp_path: Path) -> None:
    touch(tmp_path, "real.md")
    touch(tmp_path, "photo.jpg")
    symlink(tmp_path / "link.md", "real.md")
    symlink(tmp_path / "pic.jpg", "photo.jpg")  # a link to a non-record: silent
    found = discover(tmp_path)
    assert rels(found) == ["real.md"]
    assert codes(found) == [("IM116", "link.md")]
    assert "`real.md`" in found.diagnostics[0].message
    assert "not followed" in found.diagnostics[0].message


def test_dangling_symlink(tmp_path: Path) -> None:
    symlink(tmp_path / "gone.md", "nowhere.md")
    symlink(tmp_path / "gone-dir", "nowhere")
    found = discover(tmp_path)
    assert found.files == []
    assert codes(found) == [("IM116", "gone-dir"), ("IM116", "gone.md")]
    assert "leads nowhere" in found.diagnostics[0].message


def test_symlink_loop_between_two_links(tmp_path: Path) -> None:
    symlink(tmp_path / "a.md", "b.md")
    symlink(tmp_path / "b.md", "a.md")
    found = discover(tmp_path)
    assert found.files == []
    assert codes(found) == [("IM116", "a.md"), ("IM116", "b.md")]


def test_symlinked_folder_loop_is_not_followed(tmp_path: Path, no_hang: None) -> None:
    touch(tmp_path, "sub/a.md")
    symlink(tmp_path / "sub" / "up", "..", is_dir=True)
    symlink(tmp_path / "mirror", "sub", is_dir=True)
    found = discover(tmp_path)
    assert rels(found) == ["sub/a.md"]
    assert codes(found) == [("IM116", "mirror"), ("IM116", "sub/up")]
    assert "folder" in found.diagnostics[0].message


# -- permissions ---------------------------------------------------------------------------


@needs_posix
def test_unreadable_folder_real(tmp_path: Path) -> None:
    if reads_anything(tmp_path):
        pytest.skip("running as root, which reads anything; see the simulated test")
    touch(tmp_path, "a.md")
    touch(tmp_path, "locked/b.md")
    touch(tmp_path, "z/c.md")
    (tmp_path / "locked").chmod(0)
    try:
        found = discover(tmp_path)
    finally:
        (tmp_path / "locked").chmod(0o700)
    assert rels(found) == ["a.md", "z/c.md"]
    assert codes(found) == [("IM100", "locked")]
    assert "permission denied" in found.diagnostics[0].message


def test_unreadable_folder_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    touch(tmp_path, "a.md")
    touch(tmp_path, "locked/b.md")
    touch(tmp_path, "z/c.md")
    real_scandir = os.scandir
    locked = str(tmp_path / "locked")

    def fake_scandir(path: str) -> object:
        if str(path) == locked:
            raise PermissionError(errno.EACCES, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", fake_scandir)
    found = discover(tmp_path)
    assert rels(found) == ["a.md", "z/c.md"]
    assert codes(found) == [("IM100", "locked")]
    assert "permission denied: interim cannot read this folder" in found.diagnostics[0].message


@needs_posix
def test_unreadable_file_real(tmp_path: Path) -> None:
    if reads_anything(tmp_path):
        pytest.skip("running as root, which reads anything; see the simulated test")
    path = touch(tmp_path, "secret.md")
    path.chmod(0)
    try:
        (cand,) = discover(tmp_path).files  # listed: the walk never opens files
        result = read_bytes(cand)
    finally:
        path.chmod(0o600)
    assert not isinstance(result, bytes)
    assert (result.code, result.path) == ("IM100", "secret.md")
    assert result.message == "permission denied: interim cannot read this file"


def test_unreadable_file_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    touch(tmp_path, "secret.md")
    (cand,) = discover(tmp_path).files
    real_open = os.open

    def fake_open(path: str | os.PathLike[str], flags: int, mode: int = 0o777) -> int:
        if os.fspath(path) == str(cand.path):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, mode)

    monkeypatch.setattr(os, "open", fake_open)
    result = read_bytes(cand)
    assert not isinstance(result, bytes)
    assert (result.code, result.path, result.line, result.col) == ("IM100", "secret.md", 1, 1)
    assert result.message == "permission denied: interim cannot read this file"


def test_stat_error_during_walk_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ["a.md", "b.md", "c.md"]:
        touch(tmp_path, name)
    real_scandir = os.scandir

    class Entry:
        def __init__(self, entry: os.DirEntry[str]) -> None:
            self._e, self.name, self.path = entry, entry.name, entry.path

        def is_dir(self, *, follow_symlinks: bool = True) -> bool:
            return self._e.is_dir(follow_symlinks=follow_symlinks)

        def is_symlink(self) -> bool:
            return self._e.is_symlink()

        def stat(self, *, follow_symlinks: bool = True) -> os.stat_result:
            if self.name == "a.md":
                raise PermissionError(errno.EACCES, "Permission denied")
            if self.name == "c.md":  # deleted since the listing: nothing to say
                raise FileNotFoundError(errno.ENOENT, "No such file or directory")
            return self._e.stat(follow_symlinks=follow_symlinks)

    class Listing:
        def __init__(self, path: str) -> None:
            self._it = real_scandir(path)

        def __enter__(self) -> Iterator[Entry]:
            return (Entry(e) for e in self._it)

        def __exit__(self, *exc: object) -> None:
            self._it.close()

    monkeypatch.setattr(os, "scandir", Listing)
    found = discover(tmp_path)
    assert rels(found) == ["b.md"] and codes(found) == [("IM100", "a.md")]


# -- size cap ------------------------------------------------------------------------------


def test_size_cap(tmp_path: Path) -> None:
    touch(tmp_path, "exact.md", "x" * 1000)
    touch(tmp_path, "over.md", "x" * 1001)
    found = discover(tmp_path, max_size=1000)
    assert rels(found) == ["exact.md"]
    assert codes(found) == [("IM112", "over.md")]
    d = found.diagnostics[0]
    assert "1,001 bytes" in d.message and "1,000 bytes" in d.message
    assert "max_size:" in d.hint and "interim.yaml" in d.hint and "files:" in d.hint


def test_default_size_cap_is_one_mib(tmp_path: Path) -> None:
    touch(tmp_path, "ok.md", "x" * (1 << 20))
    touch(tmp_path, "big.md", "x" * ((1 << 20) + 1))
    found = discover(tmp_path)
    assert rels(found) == ["ok.md"] and codes(found) == [("IM112", "big.md")]
    assert "1.0 MiB" in found.diagnostics[0].message


# -- read_bytes ----------------------------------------------------------------------------


def test_read_bytes_returns_exact_bytes(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf---\r\ntype: note\r\n---\r\n\x00binary-ish\n"
    (tmp_path / "a.md").write_bytes(data)
    (cand,) = discover(tmp_path).files
    assert read_bytes(cand) == data


def test_read_bytes_empty_file(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_bytes(b"")
    (cand,) = discover(tmp_path).files
    assert read_bytes(cand) == b""


def test_read_bytes_rechecks_size(tmp_path: Path) -> None:
    path = touch(tmp_path, "a.md", "x" * 10)
    (cand,) = discover(tmp_path, max_size=100).files
    path.write_text("x" * 101)  # grew after the walk
    result = read_bytes(cand, max_size=100)
    assert not isinstance(result, bytes) and result.code == "IM112"
    assert read_bytes(cand, max_size=101) == b"x" * 101


def test_read_bytes_stops_a_file_growing_while_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    touch(tmp_path, "a.md", "x" * 500)
    (cand,) = discover(tmp_path).files
    real_fstat = os.fstat

    def stale_fstat(fd: int) -> os.stat_result:  # the size as it was before the file grew
        st = list(real_fstat(fd))
        st[stat.ST_SIZE] = 10
        return os.stat_result(st)

    monkeypatch.setattr(os, "fstat", stale_fstat)
    result = read_bytes(cand, max_size=100)
    assert not isinstance(result, bytes) and result.code == "IM112"
    assert read_bytes(cand, max_size=500) == b"x" * 500


def test_read_bytes_file_disappeared(tmp_path: Path) -> None:
    path = touch(tmp_path, "a.md")
    (cand,) = discover(tmp_path).files
    path.unlink()
    result = read_bytes(cand)
    assert not isinstance(result, bytes)
    assert result.code == "IM100" and "disappeared while reading" in result.message


@needs_posix
def test_read_bytes_refuses_file_swapped_for_fifo(tmp_path: Path, no_hang: None) -> None:
    path = touch(tmp_path, "a.md")
    (cand,) = discover(tmp_path).files
    path.unlink()
    os.mkfifo(path)
    result = read_bytes(cand)
    assert not isinstance(result, bytes) and result.code == "IM115"


@pytest.mark.skipif(not hasattr(os, "O_NOFOLLOW"), reason="needs O_NOFOLLOW")
def test_read_bytes_refuses_file_swapped_for_symlink(tmp_path: Path) -> None:
    path = touch(tmp_path, "a.md")
    touch(tmp_path, "target.txt", "secret")
    (cand,) = [c for c in discover(tmp_path).files if c.rel == "a.md"]
    path.unlink()
    symlink(path, "target.txt")
    result = read_bytes(cand)
    assert not isinstance(result, bytes)
    assert result.code == "IM116"


def test_read_bytes_never_raises_on_odd_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    touch(tmp_path, "a.md")
    (cand,) = discover(tmp_path).files

    def failing_read(fd: int, n: int) -> bytes:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "read", failing_read)
    result = read_bytes(cand)
    assert not isinstance(result, bytes)
    assert result.code == "IM100" and "input/output error" in result.message


def test_read_bytes_on_a_hand_made_candidate(tmp_path: Path) -> None:
    cand = Candidate(str(tmp_path / "dir.md"), "dir.md", 0, 0, 0)
    (tmp_path / "dir.md").mkdir()
    result = read_bytes(cand)
    assert not isinstance(result, bytes)
    if os.name == "posix":  # POSIX opens a folder read-only; fstat then refuses it
        assert result.code == "IM115" and "folder" in result.message
    else:
        assert result.code == "IM100"


# -- portability ---------------------------------------------------------------------------


def test_case_collision(tmp_path: Path) -> None:
    touch(tmp_path, "r/Mood.md")
    touch(tmp_path, "r/mood.md")
    if len(os.listdir(tmp_path / "r")) < 2:
        pytest.skip("case-insensitive file system")
    found = discover(tmp_path)
    assert rels(found) == ["r/Mood.md", "r/mood.md"]
    assert codes(found) == [("IM123", "r/mood.md")]
    assert "`Mood.md`" in found.diagnostics[0].message
    assert "case" in found.diagnostics[0].message


def test_case_collision_between_folders(tmp_path: Path) -> None:
    touch(tmp_path, "Records/a.md")
    touch(tmp_path, "records/b.md")
    if len(os.listdir(tmp_path)) < 2:
        pytest.skip("case-insensitive file system")
    found = discover(tmp_path)
    assert rels(found) == ["Records/a.md", "records/b.md"]
    assert codes(found) == [("IM123", "records")]


def test_nfc_nfd_twins(tmp_path: Path) -> None:
    nfc = unicodedata.normalize("NFC", "café.md")
    nfd = unicodedata.normalize("NFD", "café.md")
    assert nfc != nfd
    touch(tmp_path, nfc)
    touch(tmp_path, nfd)
    if len(os.listdir(tmp_path)) < 2:
        pytest.skip("normalising file system")
    found = discover(tmp_path)
    assert sorted(rels(found)) == sorted([nfc, nfd])
    first, second = sorted([nfc, nfd])
    assert codes(found) == [("IM123", second)]
    assert "NFC" in found.diagnostics[0].message and f"`{first}`" in found.diagnostics[0].message


def test_no_collision_for_different_names(tmp_path: Path) -> None:
    for rel in ["mood.md", "moods.md", "r/mood.md", "R.md"]:
        touch(tmp_path, rel)
    assert discover(tmp_path).diagnostics == []


WINDOWS_BAD = [
    "CON.md", "con.md", "prn.md", "AUX.md", "Nul.md", "COM1.md", "com9.md", "LPT1.md",
    "lpt9.md", "con.backup.md", "a<b.md", "a>b.md", "a:b.md", 'a"b.md', "a|b.md", "a?b.md",
    "a*b.md", "a\\b.md", "bell\x07.md",
]  # fmt: skip


@needs_posix
@pytest.mark.parametrize("name", WINDOWS_BAD)
def test_windows_unfriendly_names_are_flagged_but_kept(tmp_path: Path, name: str) -> None:
    touch(tmp_path, name)
    found = discover(tmp_path)
    assert rels(found) == [name]
    assert codes(found) == [("IM124", name)]
    d = found.diagnostics[0]
    assert "Windows" in d.message and d.hint
    assert d.message.isprintable()


@needs_posix
@pytest.mark.parametrize("folder", ["trailing.", "trailing ", "AUX", "q?"])
def test_windows_unfriendly_folder_names(tmp_path: Path, folder: str) -> None:
    touch(tmp_path, f"{folder}/a.md")
    found = discover(tmp_path)
    assert rels(found) == [f"{folder}/a.md"]
    assert codes(found) == [("IM124", folder)]


@pytest.mark.parametrize("name", ["console.md", "com10.md", "lpt.md", "auxiliary.md", "nul-x.md"])
def test_windows_friendly_names(tmp_path: Path, name: str) -> None:
    touch(tmp_path, name)
    assert discover(tmp_path).diagnostics == []


@needs_posix
def test_terminal_escapes_in_names_are_escaped(tmp_path: Path) -> None:
    name = "\x1b[31mred\x1b[0m (conflicted copy 2026-11-20).md"
    touch(tmp_path, name)
    found = discover(tmp_path)
    (d,) = [d for d in found.diagnostics if d.code == "IM120"]
    assert "\x1b" not in d.message + d.hint
    assert "\\x1b[31mred" in d.message


# -- files.ignore follows git's rules (pathspec); IM125 names what changed until 0.2 --------


@pytest.mark.parametrize(
    ("patterns", "files", "counted", "changed"),
    [
        # `*` does not cross `/`: a file deeper in drafts/ is counted now, and said so
        (["drafts/*.md"], ["drafts/a.md", "drafts/2026/b.md"], ["drafts/2026/b.md"],
         [("drafts/2026/b.md", "counted")]),
        # `**/` matches no folder too: a/b is left out now
        (["a/**/b.md"], ["a/b.md", "a/x/b.md"], [], [("a/b.md", "left out")]),
        # `!` brings a file back (it was a literal name before)
        (["*.md", "!keep.md"], ["keep.md", "other.md"], ["keep.md"], [("keep.md", "counted")]),
        # the same under both rules: nothing to say
        (["drafts/"], ["drafts/a.md", "b.md"], ["b.md"], []),
    ],
)  # fmt: skip
def test_ignore_patterns_follow_git(
    tmp_path: Path,
    patterns: list[str],
    files: list[str],
    counted: list[str],
    changed: list[tuple[str, str]],
) -> None:
    for rel in files:
        touch(tmp_path, rel)
    found = discover(tmp_path, ignore=patterns)
    assert rels(found) == counted
    said = [
        (d.path, "counted" if "counted now" in d.message else "left out")
        for d in found.diagnostics
        if d.code == "IM125"
    ]
    assert said == changed
    assert all(d.severity.value == "warning" for d in found.diagnostics)


def test_the_ignore_transition_warning_goes_in_0_2() -> None:
    """IM125 and interim.load.ignore.LegacyRules say what the switch to git's rules changed
    for one minor version only: remove them in 0.2."""
    import interim

    assert interim.__version__.startswith("0.1."), "remove IM125 and LegacyRules"


# -- a folder of simple names is decided in one pass ---------------------------------------

_NAMES = [
    "2026-11-20-mood.md",
    "sleep-diary.md",
    "a.md",
    "Mood.md",
    "mood 2.md",
    "mood.md.md",
    "con.md",
    "com1.md",
    "lpt9.x.md",
    "conflict.md",
    "old-notes.md",
    "mood.MD",
    "mood.md\nnotes.md",
    "mood.md ",
    ".hidden.md",
    "-dash.md",
    "x.md\r",
    "é.md",
    "2020",
    "",
]


@pytest.mark.parametrize("name", _NAMES)
def test_all_simple_agrees_with_simple_name_for_each_name(name: str) -> None:
    from interim.load.filenames import all_simple, simple_name

    assert all_simple([name]) == simple_name(name)
    assert all_simple(["a.md", name, "b.md"]) == simple_name(name)


def test_all_simple_agrees_with_simple_name_over_arbitrary_lists() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from interim.load.filenames import all_simple, simple_name

    parts = st.sampled_from([*_NAMES, "-", ".", "md", "\n", "con", "copy", "A", "0"])
    names = st.lists(st.lists(parts, max_size=4).map("".join), max_size=6)

    @settings(max_examples=300, deadline=None)
    @given(names)
    def agree(found: list[str]) -> None:
        assert all_simple(found) == (bool(found) and all(simple_name(n) for n in found))

    agree()


def test_a_folder_of_simple_names_beside_one_that_is_not(tmp_path: Path) -> None:
    """The one-pass way and the name-by-name way find the same files and say the same."""
    simple = tmp_path / "simple"
    mixed = tmp_path / "mixed"
    for folder in (simple, mixed):
        folder.mkdir()
        for name in ("2026-11-20-mood.md", "2026-11-21-mood.md", "notes.md"):
            (folder / name).write_text("---\ntype: mood\n---\n")
    (mixed / "Notes.md").write_text("---\ntype: mood\n---\n")
    found = discover(tmp_path)
    rels = [c.rel for c in found.files]
    assert rels == sorted(rels)
    assert [r for r in rels if r.startswith("simple/")] == [
        "simple/2026-11-20-mood.md",
        "simple/2026-11-21-mood.md",
        "simple/notes.md",
    ]
    assert "mixed/Notes.md" in rels
    assert [(d.code, d.path) for d in found.diagnostics] == [("IM123", "mixed/notes.md")]
