"""What a file's name alone says (DESIGN §2): never a record (hidden, system, sync-client
and editor scratch names), a sync client's conflict copy or a look-alike of one, or a name
Windows cannot hold. The walk (`interim.load.discover`) and the watcher (`interim.watcher`, to tell
an editor's scratch files from real changes) both ask here.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from interim.diagnostics import escape_text

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
# The user's own templates and types (§2), and the capture templates (issue 13).
TOP_ONLY = frozenset({"templates", "types", "capture"})
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


@dataclass(frozen=True)
class CopyName:
    """What a name says about being a copy: of which original, made by whom, and whether only
    a program ever writes such a name (`certain`) or a person might choose it too."""

    original: str
    who: str
    certain: bool


# Markers that only a program writes, at the end of the stem (before `.md`), each with who
# writes it. Sources for every pattern: docs/files.md (the clients' own code or docs where
# there is one: Nextcloud `Utility::makeConflictFileName`, Syncthing `conflictName`, Seafile
# `gen_conflict_path`, Synology's knowledge base, git-mergetool.sh; real file names for
# the closed-source ones, in the languages seen).
_DROPBOX_WORDS = (
    r"['’]s conflicted copy|conflicted copy \d{4}|in Konflikt stehende Kopie|Copie en conflit"
    r"|Copia en conflicto|Copia conflictiva|Copia in conflitto|C[óo]pia em conflito"
    r"|の競合コピー|上の問題のあるコピー"
)
_CERTAIN_STEM: tuple[tuple[str, str], ...] = (
    (r"\.sync-conflict-\d{8}-\d{6}(?:-[A-Z0-9]{7})?", "Syncthing"),
    (r" \(conflicted copy (?:[^()]+ )?\d{4}-\d{2}-\d{2} \d{6}\)", "Nextcloud"),
    (r" \(case clash from \d{4}-\d{2}-\d{2} \d{6}\)", "Nextcloud"),
    (r"_conflict(?:_[^/]+)?-\d{8}-\d{6}", "Nextcloud"),
    (r" \(SFConflict (?:\S+ )?\d{4}(?:-\d{2}){5}\)", "Seafile"),
    (r"_.+_[A-Z][a-z]{2}-\d{2}-\d{4}-\d{4}_[A-Za-z]*Conflict(?:_\d+)?", "Synology Drive"),
    (r" \([^()]*(?:" + _DROPBOX_WORDS + r")[^()]*(?:\(\d+\))?\)", "Dropbox"),
    (
        r" \((?:case conflict|unicode encoding conflict|selective sync conflict"
        r"|white space conflict)(?: \d+)?(?: \(\d+\))?\)",
        "Dropbox",
    ),
    (r" \(conflicting copy(?: \d+)?\)", "Maestral"),
    (r"\.Conflict(?: ?\d+)?(?: \(\d+\))?", "Resilio Sync"),
    (r" \[conflicted(?: \d+)?\]", "pCloud"),
    (r" \(# (?:Name clash|Edit conflict)[^#]*#\)", "Proton Drive"),
    (r"-.+-safeBackup-\d{4}", "OneDrive"),
    (r" \(Parsec - name conflict(?: \d+)?\)", "Parsec"),
    (r" \(conflict \d{4}-\d{2}-\d{2}(?: \d{4,6})?\)", "Obsidian Sync"),
    (r"\(.+的冲突副本\d*_\d{4}-\d{2}-\d{2} \d{2}-\d{2}-\d{2}\)", "a sync client"),
    (r"_(?-i:BASE|LOCAL|REMOTE|BACKUP)_\d+", "git mergetool"),
)
# Markers a program writes after the extension: the original is the name before them.
_CERTAIN_AFTER: tuple[tuple[str, str], ...] = (
    (r" \(conflict(?: #\d+)?[ _]on[ _]\d{4}-\d{2}-\d{2}(?:[ _]was[ _]deleted)?\)", "Unison"),
    (r" \(conflict[^()]*\)", "Google Drive"),
    (r"\.orig", "git mergetool"),
    (r"~[^/~]+", "git"),
    (r"\.conflict\d+|\.\.?path[12]", "rclone bisync"),
    (r"\.(?:bak|backup|old|bk|sav|save)", "a backup"),
)
# Markers a person might type too: a copy only when the original is in the same folder,
# and even then it stays a record unless it holds the same entry (interim.check.duplicates).
_COPY_WORDS = r"copy|kopie|copie|copia|cópia|kopia|kopi|kopio|kopya|копия|コピー|副本|사본|复件|复制|exemplaar"
_LOOKALIKE_STEM: tuple[tuple[str, str], ...] = (
    (r" (?:[2-9]|[1-9]\d+)", "iCloud or Finder"),
    (r" ?\(\d+\)", "Google Drive, a browser or a file manager"),
    (r" copy(?: \d+)?| のコピー(?: \d+)?", "macOS Finder"),
    (r"\s[-\u2013\u2014]\s(?:" + _COPY_WORDS + r")(?: \(\d+\))?", "Windows Explorer"),
    (r" ?[(（][^()（）]*(?:" + _COPY_WORDS + r")[^()（）]*[)）]", "a file manager"),
    (r"[ _-](?:copy|old|backup|bak)(?: ?\d+)?", "a copy by hand"),
)


def _alternation(table: tuple[tuple[str, str], ...], after: str) -> re.Pattern[str]:
    """One regex for a whole table, each entry a named group: one search per file name."""
    parts = (f"(?P<m{i}>{rx})" for i, (rx, _) in enumerate(table))
    return re.compile(f"(?:{'|'.join(parts)}){after}", re.S | re.I)


_STEM_END = r"(?P<ext>\.(?:md|markdown))\Z"


# Compiled on first use: the cheap tests below (_marked, look_alike's) keep most
# runs from needing them, and compiling the three took ~6 ms of every start-up.
@functools.cache
def _certain_stem() -> re.Pattern[str]:
    return _alternation(_CERTAIN_STEM, _STEM_END)


@functools.cache
def _certain_after() -> re.Pattern[str]:
    return _alternation(_CERTAIN_AFTER, r"\Z")


@functools.cache
def _lookalike() -> re.Pattern[str]:
    return _alternation(_LOOKALIKE_STEM, _STEM_END)


_MAX_MARKERS = 5  # a conflict copy of a conflict copy: markers stack
# What every look-alike marker holds (a space, a bracket, a copy word): the cheap test first.
_MAYBE_WORDS = ("copy", "old", "bak")
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


def _who(match: re.Match[str], table: tuple[tuple[str, str], ...]) -> str:
    """Who writes the marker that matched: the entry whose group took part."""
    for key, value in match.groupdict().items():
        if value is not None and key != "ext":
            return table[int(key[1:])][1]
    return "a sync client"


# Each certain stem marker holds one of these words: one search of the name spares the
# alternation's search at every position of nearly every name (the walk's hot path).
_CERTAIN_WORDS = (
    "conflit",
    "conflict",
    "konflikt",
    "clash",
    "競合",
    "問題のある",
    "冲突",
    "safebackup",
)
_MERGETOOL = ("_BASE_", "_LOCAL_", "_REMOTE_", "_BACKUP_")


# The names nearly every record has (`2026-11-20-mood.md`, `sleep-diary.md`): lower-case
# ASCII letters, digits, `-`, `_` and `.` before `.md`. Such a name cannot be hidden, a
# system or scratch name, a copy's (no space, bracket, upper case or copy word), or a name
# Windows refuses (bar a device name), and it is its own portable spelling: the walk asks
# nothing more of it, which is most of what the walk cost (interim.load.discover).
_SIMPLE = re.compile(r"[a-z0-9][a-z0-9_.-]*\.md\Z")
_SIMPLE_BUT = ("copy", "old", "bak", "conflit", "conflict", "konflikt", "clash", "safebackup")
_DEVICES = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10))}
    | {f"lpt{i}" for i in range(1, 10)}
)


def simple_name(name: str) -> bool:
    """A record's name that needs no other test (see _SIMPLE)."""
    if _SIMPLE.match(name) is None or name.split(".", 1)[0] in _DEVICES:
        return False
    return not any(word in name for word in _SIMPLE_BUT)


# The same tests over a folder's names joined by newlines, in a few C-level scans instead of
# three per name: the first line that is no simple name, a device name, a word of _SIMPLE_BUT.
_NOT_SIMPLE_LINE = re.compile(r"^(?![a-z0-9][a-z0-9_.-]*\.md$)", re.MULTILINE)
_DEVICE_LINE = re.compile(r"^(?:con|prn|aux|nul|com[1-9]|lpt[1-9])\.", re.MULTILINE)


def all_simple(names: Sequence[str]) -> bool:
    """Whether every name is a simple_name (a folder of records named the usual way)."""
    joined = "\n".join(names)
    if not names or joined.count("\n") != len(names) - 1:  # a name with a newline in it
        return False
    if _NOT_SIMPLE_LINE.search(joined) or _DEVICE_LINE.search(joined):
        return False
    return not any(word in joined for word in _SIMPLE_BUT)


def _marked(name: str) -> bool:
    """Whether the name holds a word every certain stem marker holds (substring tests in C:
    an alternation searched at every position cost more than the rest of the walk)."""
    lower = name.lower()
    return any(w in lower for w in _CERTAIN_WORDS) or any(w in name for w in _MERGETOOL)


def certain_copy(name: str) -> CopyName | None:
    """A name only a sync client, git or a backup ever writes, and its original: markers
    are taken off from the right until none is left (a conflict copy of a copy)."""
    if record_extension(name) and not _marked(name):
        return None  # no stem marker, and nothing after the extension
    lower = name.lower()
    if ".md" not in lower and ".markdown" not in lower:
        return None  # every marker stands before or after a record's extension
    found, who = name, ""
    for _ in range(_MAX_MARKERS):
        m = _certain_stem().search(found)
        if m is not None and m.start() > 0:
            found, who = found[: m.start()] + m["ext"], who or _who(m, _CERTAIN_STEM)
            continue
        m = _certain_after().search(found)
        if m is not None and m.start() > 0 and record_extension(found[: m.start()]):
            found, who = found[: m.start()], who or _who(m, _CERTAIN_AFTER)
            continue
        break
    return CopyName(found, who, True) if who else None


def look_alike(name: str, names: set[str]) -> CopyName | None:
    """A name a copy would have (`mood 2.md`, `mood - Copy.md`, `mood (copy).md`,
    `mood-DESKTOP-4F2K1.md`) whose original is among `names`, the names in its folder."""
    m = _lookalike().search(name)
    if m is not None and m.start() > 0:
        orig = _present(name[: m.start()] + m["ext"], names)
        if orig is not None and orig != name:
            return CopyName(orig, _who(m, _LOOKALIKE_STEM), False)
    if name.lower().startswith("copy of ") and (orig := _present(name[8:], names)) is not None:
        return CopyName(orig, "a copy (Google Drive, Box)", False)
    return _onedrive(name, names)


def _onedrive(name: str, names: set[str]) -> CopyName | None:
    """`mood-DESKTOP-4F2K1.md`, `mood-LAPTOP-2.md`: OneDrive's computer name, upper case."""
    if name.islower() or "-" not in name:
        return None  # the common case, tested in C
    stem, ext = _split_ext(name)
    if stem.lower() == stem:
        return None  # OneDrive's computer name has an upper-case letter (_HOSTNAME)
    cut = len(stem)
    while (cut := stem.rfind("-", 0, cut)) > 0:  # the longest original first
        if _HOSTNAME.fullmatch(stem[cut + 1 :]) and stem[:cut] + ext in names:
            return CopyName(stem[:cut] + ext, "OneDrive", False)
    return None


def _present(orig: str, names: set[str]) -> str | None:
    """The original as it is spelt in the folder (macOS may spell accents apart: NFD)."""
    if orig in names:
        return orig
    for form in ("NFC", "NFD"):
        spelt = unicodedata.normalize(form, orig)
        if spelt in names:
            return spelt
    return None


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
