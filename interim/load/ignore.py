"""`files: ignore:` in interim.yaml: patterns with git's own rules (gitignore(5), through
`pathspec`, which implements them exactly), so a pattern means what it means in the
`.gitignore` of a folder kept in git: `drafts/*.md` matches files right inside drafts/ only,
`a/**/b` matches `a/b` too, `!keep.md` brings a file back, a trailing `/` matches folders.

Until 0.1.x (the version before, interim's own globs) a pattern also matched a bare file
name at any depth and knew no `!`. So that nothing is counted or dropped without a word,
`LegacyRules` keeps the old reading for one minor version: the walk names each file whose
status changed (IM125). Remove it, and IM125, in 0.2.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from fnmatch import translate
from typing import Any

from interim.diagnostics import Diagnostic, diag, escape_text


class IgnoreRules:
    """The patterns, by git's rules. `rel` is the path in the folder with `/`."""

    def __init__(self, patterns: Sequence[str]) -> None:
        self.empty = not any(p.strip() and not p.strip().startswith("#") for p in patterns)
        self.spec: Any = None
        if not self.empty:
            # Imported only when there are patterns: pathspec costs ~14 ms at start-up, and
            # most folders have none.
            import pathspec

            self.spec = pathspec.GitIgnoreSpec.from_lines(patterns)

    def match(self, rel: str, is_dir: bool) -> bool:
        return not self.empty and bool(self.spec.match_file(rel + "/" if is_dir else rel))


class LegacyRules:
    """interim 0.1's globs: matched against the rel path and the bare name; a leading `/`
    anchors to the root (rel path only); a trailing `/` matches folders only. Only to say
    which files the new rules treat otherwise (IM125)."""

    def __init__(self, patterns: Sequence[str]) -> None:
        self.rules: list[tuple[re.Pattern[str], bool, bool]] = []  # (glob, anchored, dirs)
        for raw in patterns:
            pat = raw.strip()
            if not pat or pat.startswith("#"):
                continue
            dirs, anchored = pat.endswith("/"), pat.startswith("/")
            pat = pat.strip("/")
            while pat.startswith("**/"):  # any depth: the bare-name match covers it
                pat = pat[3:]
            if pat:
                self.rules.append((re.compile(translate(pat)), anchored, dirs))

    def match(self, rel: str, name: str, is_dir: bool) -> bool:
        for glob, anchored, dirs in self.rules:
            if dirs and not is_dir:
                continue
            if glob.match(rel) or (not anchored and glob.match(name)):
                return True
        return False


def changed(rel: str, now_ignored: bool) -> Diagnostic:
    """IM125: the new rules count a file the old ones left out, or the other way round."""
    rule = "`files: ignore:` in interim.yaml now follows git's rules (as in .gitignore)"
    if now_ignored:
        message = f"{rule}, and they leave this file out: it is no longer counted"
        hint = (
            "if it should be counted, change the pattern, or add `!` and its path after it "
            "(in git's rules `drafts/*.md` matches only files right inside drafts/)"
        )
    else:
        message = f"{rule}, and they no longer leave this file out: it is counted now"
        hint = (
            "to leave it out again, write the pattern as git reads it: `drafts/**` for "
            "everything under drafts/, `**/name.md` for a name in any folder"
        )
    return diag("IM125", escape_text(rel), 1, 1, message, hint)
