"""YAML, made predictable (DESIGN §2.2): PyYAML's events read into a positioned tree of the
text as written (`events` → `tree`), a fast path for the usual simple front matter (`fast`),
plain-words messages for hand-editing mistakes (`hints`), and values written back (`emit`).
"""

from __future__ import annotations

from interim.load.yaml.events import load_yaml

__all__ = ["load_yaml"]
