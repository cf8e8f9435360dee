"""The user's cache folder for interim, where the per-file results (interim.load.cache) and
the compiled report templates (interim.render.compiled) are kept: `$INTERIM_CACHE_DIR`,
else the platform's own place, from `platformdirs` —

- Linux and other Unix: `$XDG_CACHE_HOME/interim`, else `~/.cache/interim` (a relative
  `$XDG_CACHE_HOME` is ignored, as the XDG Base Directory spec says);
- macOS: `~/Library/Caches/interim`;
- Windows: `%LOCALAPPDATA%\\interim\\Cache`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from platformdirs.api import PlatformDirsABC

APP = "interim"


def cache_dir() -> Path:
    """The user's cache directory for interim (not created here)."""
    override = os.environ.get("INTERIM_CACHE_DIR")
    if override:
        return Path(override)
    found = Path(_mac_cache() if sys.platform == "darwin" else _dirs().user_cache_dir)
    if not found.is_absolute():  # from a relative XDG_CACHE_HOME
        return Path(os.path.expanduser("~")) / ".cache" / APP
    return found


def _dirs() -> PlatformDirsABC:
    """The platform's rules, chosen when asked (platformdirs chooses once, at import).
    platformdirs is imported here, not at the top: a run that finds INTERIM_CACHE_DIR, or
    needs no cache, spares its ~7 ms."""
    if sys.platform == "win32":
        from platformdirs.windows import Windows  # (it imports ctypes: only where needed)

        return Windows(APP, appauthor=False)
    from platformdirs.unix import Unix

    return Unix(APP)


def _mac_cache() -> str:
    """~/Library/Caches/interim. platformdirs 4.4 and later let $XDG_CACHE_HOME move macOS's
    folders too; interim's cache stays where it always was, so the property is read from the
    class beneath that override when there is one."""
    from platformdirs import macos

    dirs = macos.MacOS(APP)
    beneath = getattr(macos, "_MacOSDefaults", None)
    prop = getattr(beneath, "user_cache_dir", None)
    return str(prop.fget(dirs)) if isinstance(prop, property) and prop.fget else dirs.user_cache_dir
