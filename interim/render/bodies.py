"""Record bodies rendered to HTML once per content, kept between runs (the speed issue).

A report over a whole history renders thousands of bodies, and Markdown rendering was the
largest part of it (~1 ms a body). The HTML of a body depends only on its text and on
interim's Markdown code, so it is kept in interim's cache folder, in one file per report
folder (named by a hash of the folder's path), keyed by a hash of the body's text: a body
that did not change is not rendered again. The file is JSON (no code is ever loaded), kept
where `interim.render.compiled` keeps compiled templates and under the same checks (folders
and file ours and writable by nobody else), and `interim cache --clear` deletes it. A
rendered body still passes the report's allow-list like the rest of the page: the cache
holds nothing that could not be typed into a body.

Only the bodies this run used are written back, so the file holds one report's worth.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
from pathlib import Path

from markupsafe import Markup

from interim import __version__
from interim.render.compiled import COMPILED, PrivateFiles, private_files
from interim.render.markdown import to_html

KIND = "bodies"


def _versions() -> str:
    """interim's version and a checksum of its Markdown code (a change of either starts
    afresh), plus markdown-it's version."""
    code = Path(__file__).with_name("markdown.py").read_bytes()
    stamp = hashlib.sha256(code).hexdigest()[:12]
    return f"{KIND}-{__version__}-{_markdown_it_stamp()}-{stamp}"


def _markdown_it_stamp() -> str:
    """markdown-it as installed, by its files' size and time, without importing it (a report
    whose bodies are all kept never does): an upgrade rewrites them."""
    spec = importlib.util.find_spec("markdown_it")
    origin = spec.origin if spec is not None else None
    try:
        st = os.stat(origin) if origin else None
    except OSError:
        st = None
    return f"{st.st_size}.{st.st_mtime_ns}" if st is not None else "unknown"


class RenderedBodies:
    """The `md` filter of an HTML report, remembering what it rendered."""

    def __init__(self, root: Path | None, enabled: bool = True) -> None:
        self.files: PrivateFiles | None = None
        self.name = ""
        self.known: dict[str, str] = {}
        self.used: dict[str, str] = {}
        self.new = 0
        if not enabled or root is None:
            return
        self.files = private_files(COMPILED, _versions())
        key = hashlib.sha256(os.fsencode(Path(root).resolve())).hexdigest()[:32]
        self.name = f"{key}.json"
        self.known = self._load()

    def _load(self) -> dict[str, str]:
        data = self.files.read(self.name) if self.files is not None else None
        if data is None:
            return {}
        try:
            found = json.loads(data)
        except (ValueError, UnicodeDecodeError):
            return {}
        if not isinstance(found, dict):
            return {}
        return {k: v for k, v in found.items() if isinstance(k, str) and isinstance(v, str)}

    def md(self, body: object) -> Markup:
        """A record body (Markdown) → safe HTML, as `interim.render.filters.md`."""
        text = str(body or "")
        key = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
        html = self.known.get(key)
        if html is None:
            html = self.known[key] = to_html(text)
            self.new += 1
        self.used[key] = html
        return Markup(html)

    def save(self) -> None:
        """Write back the bodies this run used, when any was rendered afresh."""
        if self.files is not None and self.new:
            data = json.dumps(self.used, separators=(",", ":"))  # ASCII: any surrogate kept
            self.files.write(self.name, data.encode("ascii"))
