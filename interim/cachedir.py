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

from platformdirs import macos
from platformdirs.api import PlatformDirsABC
from platformdirs.unix import Unix
from platformdirs.windows import Windows

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
    """The platform's rules, chosen when asked (platformdirs chooses once, at import)."""
    if sys.platform == "win32":
        return Windows(APP, appauthor=False)
    return Unix(APP)


def _mac_cache() -> str:
    """~/Library/Caches/interim. platformdirs 4.4 and later let $XDG_CACHE_HOME move macOS's
    folders too; interim's cache stays where it always was, so the property is read from the
    class beneath that override when there is one."""
    dirs = macos.MacOS(APP)
    beneath = getattr(macos, "_MacOSDefaults", None)
    prop = getattr(beneath, "user_cache_dir", None)
    return str(prop.fget(dirs)) if isinstance(prop, property) and prop.fget else dirs.user_cache_dir
