"""The report on a phone (issue 13): at 390 px every table's columns are on screen without
sideways scrolling (a row becomes a card: its name, then each value with its label), and
at 1280 px the tables are tables. Proved in real Chromium on the example folder's report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from browser import Browser

from interim.commands.report import make_report
from interim.folder import load_folder

EXAMPLE = Path(__file__).resolve().parent.parent / "example-folder"

# For each table: its first header, how wide it is against its box, and every cell's
# right edge against the viewport (a cell off to the right is a column out of sight).
FACTS = """
const width = document.documentElement.clientWidth;
return Array.from(document.querySelectorAll('main table')).map(t => {
  const box = t.closest('.scroll') || t.parentElement;
  const cells = Array.from(t.querySelectorAll('tbody td, tbody th'));
  const off = cells.filter(c => c.getBoundingClientRect().right > width + 0.5)
                   .map(c => c.getAttribute('data-label') || c.textContent.trim().slice(0, 20));
  return {head: (t.querySelector('thead th') || {}).textContent || '', table: t.scrollWidth,
          box: box.clientWidth, off: off, shown: getComputedStyle(t.querySelector('thead')
          || t).display};
});
"""


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data, _ = make_report(load_folder(EXAMPLE), "html")
    path = tmp_path_factory.mktemp("phone") / "report.html"
    path.write_bytes(data)
    return path


def facts(browser: Browser, report: Path, width: int) -> list[dict[str, Any]]:
    browser.open(report, width=width, height=900)
    return list(browser.run(FACTS))


@pytest.mark.parametrize("width", [390, 1280])
def test_no_table_scrolls_sideways(browser: Browser, report: Path, width: int) -> None:
    tables = facts(browser, report, width)
    heads = {t["head"] for t in tables}
    assert {"Homework", "Morning", "Scale", "Goal", "Skill", "Emotion"} <= heads
    for t in tables:
        assert t["table"] <= t["box"], t
        assert t["off"] == [], t


def test_on_a_phone_the_sleep_efficiency_and_every_change_are_on_screen(
    browser: Browser, report: Path
) -> None:
    browser.open(report, width=390, height=900)
    seen = browser.run(
        """
const width = document.documentElement.clientWidth;
return Array.from(document.querySelectorAll('td[data-label="SE"], td[data-label="TIB"],'
  + ' td[data-label="TST"], td[data-label="Change"]')).map(c => {
  const r = c.getBoundingClientRect();
  return [c.getAttribute('data-label'), r.left >= 0 && r.right <= width + 0.5 && r.width > 0];
});
"""
    )
    labels = {label for label, _ in seen}
    assert {"SE", "TIB", "TST", "Change"} <= labels
    assert all(visible for _, visible in seen), seen


def test_on_a_wide_screen_the_tables_keep_their_headers(browser: Browser, report: Path) -> None:
    tables = facts(browser, report, 1280)
    assert all(t["shown"] != "none" for t in tables)
