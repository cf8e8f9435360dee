"""What a maintainer checks before a release: the licence, and that every data file the
package reads at run time is in the wheel (pyproject's package-data globs)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
PACKAGE = ROOT / "interim"

tomllib = pytest.importorskip("tomllib") if sys.version_info >= (3, 11) else None


def project() -> dict[str, object]:
    if tomllib is None:
        pytest.skip("tomllib is Python 3.11+")
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_the_licence_is_apache_2_and_the_fonts_keep_theirs() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "Apache License\n                           Version 2.0, January 2004" in text
    assert "END OF TERMS AND CONDITIONS" in text
    meta = project()["project"]
    assert isinstance(meta, dict)
    assert meta["license"] == "Apache-2.0"
    assert meta["license-files"] == ["LICENSE", "interim/fonts/OFL.txt"]
    assert "SIL OPEN FONT LICENSE" in (PACKAGE / "fonts" / "OFL.txt").read_text().upper()
    assert not any(c.startswith("License ::") for c in meta["classifiers"])  # PEP 639


def test_every_data_file_is_packaged() -> None:
    tool = project()["tool"]
    assert isinstance(tool, dict)
    globs = tool["setuptools"]["package-data"]["interim"]
    packaged = {p for g in globs for p in PACKAGE.glob(g) if p.is_file()}
    data = {
        p
        for p in PACKAGE.rglob("*")
        if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts
    }
    assert data - packaged == set()
