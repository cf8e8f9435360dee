"""Which folders a caseload reads (issue 15), and where its outputs may not go.

A DIR holding `interim.yaml` is a client. A DIR without one whose sub-folders hold one is a
parent of clients: each such sub-folder is a client, and its other sub-folders are listed as
skipped (hidden ones, such as `.git`, are passed over in silence). Any other DIR named is a
client, with a note that it has no settings — unless client folders lie below it out of
reach (behind a link, or two levels down): it is refused then, as its risk answers would be
credited to one made-up client. Symbolic links among the sub-folders are never followed (a
link could lead into another client's folder, or out of the caseload). No output goes into
a folder that holds an interim.yaml or is below one, whether or not it is in this caseload.
"""

from __future__ import annotations

import dataclasses
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from interim.errors import InterimError
from interim.settings import SETTINGS_FILE
from interim.summary.caseload import SkippedFolder

NO_SETTINGS = f"no {SETTINGS_FILE} here: read with every setting at its default"


@dataclass(frozen=True)
class Client:
    root: Path  # resolved
    shown: str  # as the clinician named it, for messages
    key: str  # a safe, unique slug: the client's row and report file name
    notes: tuple[str, ...] = ()
    unreadable: str | None = None  # why the folder cannot be read


@dataclass
class Found:
    clients: list[Client] = field(default_factory=list)
    skipped: list[SkippedFolder] = field(default_factory=list)


class CaseloadUsage(InterimError):
    """A caseload asked for in a way that cannot be honoured (exit 2, before any output)."""


class OutputInsideClient(CaseloadUsage):
    """An output asked for inside a client's folder: it would sync the caseload (other
    clients' data) to that client."""


class ClientsOutOfReach(CaseloadUsage):
    """A DIR named holds no settings of its own, but client folders lie below it where the
    caseload does not look (behind links, or deeper than its sub-folders): read as one
    client, their risk answers would be credited to the wrong person, or to nobody."""


def find_clients(dirs: list[Path]) -> Found:
    """The clients under `dirs`, each once (by its resolved path), in the order named, each
    with its own key."""
    found, seen = Found(), set()
    for named in dirs:
        root = named.resolve()
        for client in _clients_of(named, root, found):
            if client.root not in seen:
                seen.add(client.root)
                found.clients.append(client)
    found.clients = unique_keys(found.clients)
    return found


def unique_keys(clients: list[Client]) -> list[Client]:
    """Two clients never share a key: when their folders' slugs are the same, the second
    and later by resolved path get `-2`, `-3`, … (a number no other slug is left with)."""
    taken: set[str] = set()
    keys: dict[Path, str] = {}
    for c in sorted(clients, key=lambda c: str(c.root)):
        key, n = c.key, 1
        while key in taken:
            n += 1
            key = f"{c.key}-{n}"
        taken.add(key)
        keys[c.root] = key
    return [dataclasses.replace(c, key=keys[c.root]) for c in clients]


def _clients_of(named: Path, root: Path, found: Found) -> list[Client]:
    problem = _unreadable(root)
    if problem is not None:
        return [Client(root, str(named), slug(root), unreadable=problem)]
    if _has_settings(root):
        return [Client(root, str(named), slug(root))]
    subs = _sub_folders(root, found)
    # A sub-folder that cannot be read may be a client's: a row with its error, not a skip.
    holding = [s for s in subs if _unreadable(s) is not None or _has_settings(s)]
    if not holding:
        _refuse_out_of_reach(named, root)
        return [Client(root, str(named), slug(root), notes=(NO_SETTINGS,))]
    for s in subs:
        if s not in holding:
            reason = f"no {SETTINGS_FILE} in it: not a client's folder"
            found.skipped.append(SkippedFolder(str(named / s.name), reason))
    return [Client(s, str(named / s.name), slug(s), unreadable=_unreadable(s)) for s in holding]


def _refuse_out_of_reach(named: Path, root: Path) -> None:
    """Raise ClientsOutOfReach when a folder with settings is a linked sub-folder of `root`
    or two levels below it: `root` is then a folder of clients, not a client."""
    below: list[str] = []
    for entry in _entries(root):
        if entry.is_dir():  # a link to a folder too: only looked into, never read
            if _has_settings(Path(entry.path)):
                below.append(entry.name + (" (a link)" if entry.is_symlink() else ""))
            elif not entry.is_symlink():
                below += [
                    f"{entry.name}/{e.name}"
                    for e in _entries(Path(entry.path))
                    if e.is_dir(follow_symlinks=False) and _has_settings(Path(e.path))
                ]
    if below:
        shown = ", ".join(below[:3]) + (f" and {len(below) - 3} more" if len(below) > 3 else "")
        raise ClientsOutOfReach(
            f"{named} is not a client's folder: it has no {SETTINGS_FILE}, and client "
            f"folders lie below it where a caseload does not look ({shown}): symbolic links "
            "are not followed, and only its own sub-folders are clients. Name each client's "
            "folder, or the folder that holds them directly"
        )


def _entries(root: Path) -> list[os.DirEntry[str]]:
    """The folder's entries that are not hidden, by name; none when it cannot be read."""
    try:
        with os.scandir(root) as found:
            return sorted((e for e in found if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError:
        return []


def _sub_folders(root: Path, found: Found) -> list[Path]:
    """Sub-folders, by name; a link to one is listed as skipped, never followed."""
    out = []
    for entry in _entries(root):
        if entry.is_symlink():
            if entry.is_dir():  # follows the link, only to say what it is
                reason = "a symbolic link: not followed"
                found.skipped.append(SkippedFolder(str(root / entry.name), reason))
        elif entry.is_dir(follow_symlinks=False):
            out.append(root / entry.name)
    return out


def _has_settings(root: Path) -> bool:
    try:
        return (root / SETTINGS_FILE).is_file()
    except OSError:
        return False


def _unreadable(root: Path) -> str | None:
    if not root.is_dir():
        return "not a folder"
    if not os.access(root, os.R_OK | os.X_OK):
        return "cannot read this folder: permission denied"
    return None


def slug(root: Path) -> str:
    """The folder's name as lower-case ASCII letters, digits and dashes (`Sam R.` → `sam-r`;
    `client` when nothing is left): safe as a file name on every system and in a link."""
    name = unicodedata.normalize("NFKD", root.name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40] or "client"


def refuse_inside(target: Path, clients: list[Client], what: str) -> None:
    """Raise OutputInsideClient when `target` is in (or is) a client's folder: one of this
    caseload's, or any folder holding an interim.yaml (a client left out of this run is a
    client all the same), with links resolved."""
    resolved = resolved_path(target)
    for c in clients:
        if resolved == c.root or resolved.is_relative_to(c.root):
            raise OutputInsideClient(_inside(what, target, c.shown))
    for folder in (resolved, *resolved.parents):
        if _has_settings(folder):
            raise OutputInsideClient(_inside(what, target, f"{folder} (it holds {SETTINGS_FILE})"))


def _inside(what: str, target: Path, client: str) -> str:
    return (
        f"{what} {target} is inside the client folder {client}: it would sync other "
        "clients' data to that client; choose a place outside every client's folder"
    )


def resolved_path(path: Path) -> Path:
    """`path` resolved as far as it exists (an output need not exist yet)."""
    path = Path(os.path.abspath(path))
    tail: list[str] = []
    while not path.exists() and path.parent != path:
        tail.append(path.name)
        path = path.parent
    return path.resolve().joinpath(*reversed(tail))
