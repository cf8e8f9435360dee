"""What a file's name alone says (DESIGN §2): never a record (hidden, system, sync-client
and editor scratch names), a sync client's conflict copy or a look-alike of one, or a name
Windows cannot hold. The walk (`interim.discover`) and the watcher (`interim.watch`, to tell
an editor's scratch files from real changes) both ask here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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

# Record files end in `.md` or `.markdown` (any case): the two names of Markdown files.
RECORD_EXTENSIONS = (".md", ".markdown")
# Text files that may be meant as records (phone editors save `.txt`; Markdown has older
# names). They are opened and, when they look like a record, reported: never counted.
OTHER_TEXT_EXTENSIONS = frozenset(
    {".txt", ".text", ".mdown", ".mkd", ".mkdn", ".mdwn", ".mdtxt", ".mdtext"}
)
_MD = r"(?P<ext>\.(?:md|markdown))"


@dataclass(frozen=True)
class CopyName:
    """What a name says about being a copy: of which original, made by whom, and whether only
    a program ever writes such a name (`certain`) or a person might choose it too."""

    original: str
    who: str
    certain: bool


def _compiled(table: tuple[tuple[str, str], ...]) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(rx, re.S | re.I), who) for rx, who in table)


# Certain: these names are only ever written by a sync client, git mergetool or a backup.
_CERTAIN = _compiled(
    (
        (r"(?P<stem>.+) \(conflicted copy \d{4}-\d{2}-\d{2} \d{6}\)" + _MD, "Nextcloud"),
        (r"(?P<stem>.+) \(conflicted copy [^()]+ \d{4}-\d{2}-\d{2} \d{6}\)" + _MD, "Nextcloud"),
        (r"(?P<stem>.+)_conflict-\d{8}-\d{6}" + _MD, "Nextcloud"),
        (
            r"(?P<stem>.+) \((?:[^()]+['’]s )?(?:conflicted copy \d{4}-\d{2}-\d{2}"
            r"|case conflict(?: \d+)?|selective sync conflict(?: \d+)?)(?: \(\d+\))?\)" + _MD,
            "Dropbox",
        ),
        (r"(?P<stem>.+)\.sync-conflict-\d{8}-\d{6}(?:-[A-Z0-9]{7})?" + _MD, "Syncthing"),
        (r"(?P<stem>.+)\.conflict(?: \(\d+\))?" + _MD, "Resilio Sync"),
        (r"(?P<orig>.+\.(?:md|markdown)) \(conflict[^()]*\)", "Google Drive"),
        (r"(?P<orig>.+\.(?:md|markdown))\.orig", "git mergetool"),
        (r"(?P<stem>.+)_(?-i:BASE|LOCAL|REMOTE|BACKUP)_\d+" + _MD, "git mergetool"),
        (r"(?P<orig>.+\.(?:md|markdown))\.(?:bak|backup|old|bk|sav|save)", "a backup"),
    )
)
# Look-alikes: a person could choose these names, so they count only when the original is
# in the same folder, and even then the file stays a record unless it repeats the original
# (DESIGN §2; interim.duplicates).
_LOOKALIKE = _compiled(
    (
        (r"(?P<stem>.+) (?:[2-9]|[1-9]\d+)" + _MD, "iCloud"),
        (r"(?P<stem>.+) \(\d+\)" + _MD, "Google Drive"),
        (r"(?P<stem>.+) copy(?: \d+)?" + _MD, "macOS Finder"),
        (r"(?P<stem>.+) - copy(?: \(\d+\))?" + _MD, "Windows Explorer"),
        (r"(?P<stem>.+) \((?:copy|another copy|\d+(?:st|nd|rd|th) copy)\)" + _MD, "GNOME Files"),
        (r"copy of (?P<stem>.+)" + _MD, "a copy"),
    )
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


# Each certain pattern above holds one of these: one search spares a dozen matches per file.
_CERTAIN_WORDS = re.compile(
    r"conflict|\.orig|_(?:BASE|LOCAL|REMOTE|BACKUP)_|\.(?:md|markdown)\.", re.I
)


def certain_copy(name: str) -> CopyName | None:
    """A name only a sync client, git mergetool or a backup ever writes."""
    if _CERTAIN_WORDS.search(name) is None:
        return None
    for regex, who in _CERTAIN:
        if (m := regex.fullmatch(name)) is not None:
            orig = m["orig"] if "orig" in regex.groupindex else m["stem"] + m["ext"]
            return CopyName(orig, who, True)
    return None


def look_alike(name: str, names: set[str]) -> CopyName | None:
    """A name a copy would have (`mood 2.md`, `mood - Copy.md`, `mood-DESKTOP-4F2K1.md`)
    whose original is among `names`, the other names in its folder."""
    for regex, who in _LOOKALIKE if " " in name or name[:5].lower() == "copy " else ():
        m = regex.fullmatch(name)
        if m is not None and (orig := _present(m["stem"] + m["ext"], names)) is not None:
            return CopyName(orig, who, False)
    stem, ext = _split_ext(name)
    if stem.lower() == stem:
        return None  # OneDrive's computer name has an upper-case letter (_HOSTNAME)
    cut = len(stem)
    while (cut := stem.rfind("-", 0, cut)) > 0:  # the longest original first
        if _HOSTNAME.fullmatch(stem[cut + 1 :]) and stem[:cut] + ext in names:
            return CopyName(stem[:cut] + ext, "OneDrive", False)
    return None


def _present(orig: str, names: set[str]) -> str | None:
    """The original as it is spelt in the folder (a copy may change the extension's case)."""
    if orig in names:
        return orig
    folded = orig.casefold()
    return next((n for n in sorted(names) if n.casefold() == folded), None)


def _split_ext(name: str) -> tuple[str, str]:
    lower = name.lower()
    for ext in RECORD_EXTENSIONS:
        if lower.endswith(ext):
            return name[: -len(ext)], name[-len(ext) :]
    return name, ""


def record_extension(name: str) -> bool:
    return name.lower().endswith(RECORD_EXTENSIONS)


def other_text_extension(name: str) -> bool:
    dot = name.rfind(".")
    return dot > 0 and name[dot:].lower() in OTHER_TEXT_EXTENSIONS


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
