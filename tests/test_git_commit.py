"""The report's footer names the folder's HEAD commit, read from git's files (no git is
run): the same commit `git rev-parse HEAD` gives, in every layout git writes."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from interim.commands.report import git_commit

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def git(root: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "folder"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    (root / "interim.yaml").write_text("name: A\n")
    git(root, "add", "interim.yaml")
    git(root, "commit", "-q", "-m", "first")
    return root


def test_a_branch(repo: Path) -> None:
    assert git_commit(repo) == git(repo, "rev-parse", "HEAD")


def test_packed_refs(repo: Path) -> None:
    git(repo, "pack-refs", "--all")
    assert not (repo / ".git" / "refs" / "heads" / "main").exists()
    assert git_commit(repo) == git(repo, "rev-parse", "HEAD")


def test_a_detached_head(repo: Path) -> None:
    (repo / "b.md").write_text("x\n")
    git(repo, "add", "b.md")
    git(repo, "commit", "-q", "-m", "second")
    git(repo, "checkout", "-q", "--detach", "HEAD~1")
    assert git_commit(repo) == git(repo, "rev-parse", "HEAD")


def test_a_worktree(repo: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    git(repo, "worktree", "add", "-q", "-b", "side", str(other))
    assert (other / ".git").is_file()
    assert git_commit(other) == git(other, "rev-parse", "HEAD")


def test_no_repository_and_a_folder_inside_one(repo: Path, tmp_path: Path) -> None:
    assert git_commit(tmp_path) is None
    inner = repo / "inner"
    inner.mkdir()
    assert git_commit(inner) is None  # someone else's repository: not reported


@pytest.mark.parametrize(
    "head", ["ref: ../../../../etc/passwd", "ref: refs/heads/../../../x", "not a commit", ""]
)
def test_a_head_that_is_not_a_commit(repo: Path, head: str) -> None:
    (repo / ".git" / "HEAD").write_text(head + "\n")
    assert git_commit(repo) is None


def test_a_branch_not_yet_committed(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "-b", "main")
    assert git_commit(tmp_path) is None


@pytest.mark.parametrize("which", ["HEAD", "ref"])
def test_a_fifo_is_not_waited_on(repo: Path, which: str) -> None:
    """The folder is the client's: a FIFO where git keeps HEAD or a branch would block a
    plain open() forever (and with it a report, a caseload, a watch)."""
    import os

    head = repo / ".git" / "HEAD"
    target = head if which == "HEAD" else repo / ".git" / "refs" / "heads" / "main"
    target.unlink()
    os.mkfifo(target)
    if which == "ref":
        head.write_text("ref: refs/heads/main\n")
    assert git_commit(repo) is None
