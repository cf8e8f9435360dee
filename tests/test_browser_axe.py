"""Accessibility (issue 13): axe-core, the script shipped inside the PyPI package
axe-selenium-python, runs over the example report in real Chromium at a phone's width and a
desktop's: no violation of impact serious or critical, and every chart keeps its text
alternative (axe's `svg-img-alt`, and a title and description on each chart)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from browser import Browser

from interim.commands.report import make_report
from interim.folder import load_folder

EXAMPLE = Path(__file__).resolve().parent.parent / "example-folder"
axe_package = pytest.importorskip("axe_selenium_python")
AXE = Path(os.path.dirname(axe_package.__file__), "node_modules", "axe-core", "axe.min.js")
RUN = """
const done = arguments[arguments.length - 1];
axe.run(document).then(
  r => done(r.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length}))),
  e => done([{id: 'axe failed: ' + e, impact: 'critical', nodes: 0}]));
"""


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data, _ = make_report(load_folder(EXAMPLE), "html")
    path = tmp_path_factory.mktemp("axe") / "report.html"
    path.write_bytes(data)
    return path


def violations(browser: Browser, report: Path, width: int) -> list[dict[str, Any]]:
    browser.open(report, width=width, height=900)
    browser.run(AXE.read_text(encoding="utf-8"))  # by the driver: the page's CSP allows none
    return list(browser.driver.execute_async_script(RUN))


@pytest.mark.parametrize("width", [390, 1280])
def test_no_serious_or_critical_violation(browser: Browser, report: Path, width: int) -> None:
    found = violations(browser, report, width)
    assert [v for v in found if v["impact"] in ("serious", "critical")] == [], found
    assert "svg-img-alt" not in {v["id"] for v in found}


def test_every_chart_keeps_its_text_alternative(browser: Browser, report: Path) -> None:
    browser.open(report, width=390, height=900)
    charts = browser.run(
        """return Array.from(document.querySelectorAll('svg[role="img"]')).map(s => {
          const ids = (s.getAttribute('aria-labelledby') || '').split(' ').filter(Boolean);
          return ids.map(i => (document.getElementById(i) || {}).textContent || '').join(' ');
        });"""
    )
    assert charts and all(text.strip() for text in charts)
