"""What a file's name alone says (DESIGN §2): never a record (hidden, system, sync-client
and editor scratch names), a sync client's conflict copy or a look-alike of one, or a name
Windows cannot hold. The walk (`interim.discover`) and the watcher (`interim.watch`, to tell
an editor's scratch files from real changes) both ask here.
"""

from __future__ import annotations

import re

from interim.errors import escape_text

# -- names that are never records ----------------------------------------------------------

# Hidden names (a leading dot) are skipped before these: .git, .obsidian, .trash, .Trash-1000,
# .stversions, .stfolder, .dropbox.cache, .sync, .SynologyWorkingDirectory, ._AppleDouble,
# .DS_Store, vim's .x.md.swp, emacs' .#x.md lock links, gedit's .goutputstream-*.
SYSTEM = frozenset(
    n.casefold()
    for n in (
        "@eaDir", "#recycle", "#snapshot", "@Recycle", "$RECYCLE.BIN", "RECYCLER",
        "System Volume Information", "__pycache__", "node_modules", "lost+found",
        "Thumbs.db", "ehthumbs.db", "desktop.ini", "Icon\r",
    )
)  # fmt: skip
TOP_ONLY = frozenset({"templates", "types"})  # the user's own templates and types (§2)
# Editor temp, backup and lock files: vim (x.md~, 4913 is its write test), emacs (#x.md#),
# JetBrains safe-write, Office (~$x.md), LibreOffice lock, kate swap.
TEMP = re.compile(
    r"~\$.*|~lock\..*\#|\#.*\#|4913|.*~|.*___jb_(?:tmp|old)___|.*\.kate-swp|.*\.sw[a-p]", re.S
)
ICLOUD = re.compile(r"\.(?P<orig>.+\.md)\.icloud", re.S | re.I)

# -- sync conflict copies ------------------------------------------------------------------

_MD = r"(?P<ext>\.md)"
# Certain: these names are only ever written by a sync client or git mergetool.
_CERTAIN: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(rx, re.S | re.I), client)
    for rx, client in (
        (r"(?P<stem>.+) \(conflicted copy \d{4}-\d{2}-\d{2} \d{6}\)" + _MD, "Nextcloud"),
        (r"(?P<stem>.+)_conflict-\d{8}-\d{6}" + _MD, "Nextcloud"),
        (
            r"(?P<stem>.+) \((?:[^()]+['’]s )?(?:conflicted copy \d{4}-\d{2}-\d{2}"
            r"|case conflict(?: \d+)?|selective sync conflict(?: \d+)?)(?: \(\d+\))?\)" + _MD,
            "Dropbox",
        ),
        (r"(?P<stem>.+)\.sync-conflict-\d{8}-\d{6}(?:-[A-Z0-9]{7})?" + _MD, "Syncthing"),
        (r"(?P<stem>.+)\.conflict(?: \(\d+\))?" + _MD, "Resilio Sync"),
        (r"(?P<orig>.+\.md) \(conflict[^()]*\)", "Google Drive"),
        (r"(?P<orig>.+\.md)\.orig", "git mergetool"),
        (r"(?P<stem>.+)_(?-i:BASE|LOCAL|REMOTE|BACKUP)_\d+" + _MD, "git mergetool"),
    )
)
# Look-alikes: a person could choose these names, so they count only when the original is
# in the same folder, and even then the file stays a record (DESIGN §2).
_LOOKALIKE: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?P<stem>.+) (?:[2-9]|[1-9]\d+)" + _MD, re.S | re.I), "iCloud"),
    (re.compile(r"(?P<stem>.+) \(\d+\)" + _MD, re.S | re.I), "Google Drive"),
)
# OneDrive appends "-" and the computer name, which Windows keeps in upper case
# (DESKTOP-4F2K1). Requiring an upper-case letter keeps `2026-11-18-mood.md` next to
# `2026-11-18.md` from looking like a copy.
_HOSTNAME = re.compile(r"(?=[A-Za-z0-9-]*[A-Z])[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")

# -- portability ---------------------------------------------------------------------------

_WIN_RESERVED = re.compile(r"(?:CON|PRN|AUX|NUL|COM[1-9¹²³]|LPT[1-9¹²³])", re.I)
_WIN_BAD = re.compile(r'[<>:"|?*\\\x00-\x1f]')


# -- classifying names ---------------------------------------------------------------------


def skipped_name(name: str) -> bool:
    """A name the walk passes over wherever it is, without a word: hidden (dot) names, system
    and sync-client folders, editor temp, backup and lock files. The watcher uses it to tell
    an editor's scratch files from real changes (iCloud placeholders are not skipped: they
    are reported)."""
    if name.startswith("."):
        return ICLOUD.fullmatch(name) is None
    return name.casefold() in SYSTEM or TEMP.fullmatch(name) is not None


# Each certain pattern above holds one of these: one search spares eight matches per file.
_CERTAIN_WORDS = re.compile(r"conflict|\.orig|_(?:BASE|LOCAL|REMOTE|BACKUP)_", re.I)


def certain_copy(name: str) -> tuple[str, str] | None:
    if _CERTAIN_WORDS.search(name) is None:
        return None
    for regex, client in _CERTAIN:
        if (m := regex.fullmatch(name)) is not None:
            orig = m["orig"] if "orig" in regex.groupindex else m["stem"] + m["ext"]
            return orig, client
    return None


def look_alike(name: str, names: set[str]) -> tuple[str, str] | None:
    for regex, client in _LOOKALIKE if " " in name else ():  # both patterns need a space
        m = regex.fullmatch(name)
        if m is not None and m["stem"] + m["ext"] in names:
            return m["stem"] + m["ext"], client
    stem, ext = name[:-3], name[-3:]
    if stem.lower() == stem:
        return None  # OneDrive's computer name has an upper-case letter (_HOSTNAME)
    cut = len(stem)
    while (cut := stem.rfind("-", 0, cut)) > 0:  # the longest original first
        if _HOSTNAME.fullmatch(stem[cut + 1 :]) and stem[:cut] + ext in names:
            return stem[:cut] + ext, "OneDrive"
    return None


def windows_problem(name: str) -> str | None:
    reasons = []
    base = name.split(".", 1)[0].rstrip(" ")
    if _WIN_RESERVED.fullmatch(base):
        reasons.append(f"`{escape_text(base)}` is a reserved device name")
    bad = sorted(set(_WIN_BAD.findall(name)))
    if bad:
        shown = " ".join(f"`{escape_text(ch)}`" for ch in bad)
        reasons.append(f"it contains {shown}, which Windows does not allow in names")
    if name.endswith((".", " ")):
        reasons.append("it ends with a dot or a space, which Windows drops")
    if not reasons:
        return None
    return f"Windows cannot hold the name `{escape_text(name)}`: " + "; ".join(reasons)
