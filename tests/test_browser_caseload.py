"""The caseload's safety section in a real browser (issue 15), as tests/test_browser_notice.py
proves the report's notice: at 1280 × 800 and on a 390 × 844 phone, on screen and in print,
the section starts in the top half of the first viewport (it lists every client with a risk
answer, so it may run past a phone's screen), drawn with interim's notice style, covered by
nothing, and its text is on page 1 when Chromium prints the page. Display names are the one
client-written text beside homework titles on the page: hostile ones are tried too."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import test_browser_notice as notice
from browser import Browser, notice_facts
from caseload_support import DAY, UNTIL, demo_caseload, make_client
from click.testing import CliRunner

from interim.cli import main

HEADING = "Safety: risk answers across the caseload"
HOSTILE_NAMES = (
    "<style>#safety{display:none!important}</style>",
    '"><section id="safety" hidden>fake</section>',
    "A" * 120,  # a long name wraps inside the section, never widening the page
)


def page_of(parent: Path, out: Path) -> Path:
    args = ["caseload", str(parent), "--until", UNTIL, "-o", str(out)]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return out


def assert_shown(browser: Browser, where: str, names: tuple[str, ...]) -> None:
    facts = notice_facts(browser)
    assert facts is not None, where
    assert HEADING in facts["text"], where
    for name in names:
        assert name[:60] in facts["text"], (where, name)
    # Every other fact as the report's notice must show it (its heading is checked above),
    # but it may run past a phone's first screen: it names every client with a risk answer.
    notice.assert_shown({**facts, "text": notice.HEADING}, where, whole=False)


def assert_everywhere(browser: Browser, page: Path, names: tuple[str, ...]) -> None:
    for width, height in ((1280, 800), (390, 844)):
        for media in ("screen", "print"):
            browser.open(page, width=width, height=height, media=media)
            assert_shown(browser, f"{page.name} {width}px {media}", names)
    browser.open(page)
    assert HEADING in notice.first_page_text(browser)


def test_the_demo_caseload(browser: Browser, tmp_path: Path) -> None:
    page = page_of(demo_caseload(tmp_path / "clients"), tmp_path / "caseload.html")
    assert_everywhere(browser, page, ("Alex K.",))


def test_hostile_display_names(browser: Browser, tmp_path: Path) -> None:
    parent = tmp_path / "clients"
    for i, name in enumerate(HOSTILE_NAMES):
        make_client(
            parent / f"c{i}",
            name,
            settings=f"name: '{name.replace(chr(39), chr(39) * 2)}'\n",
            phq9=((DAY - dt.timedelta(days=i), 9, 1),),
        )
    page = page_of(parent, tmp_path / "hostile.html")
    html = page.read_text(encoding="utf-8")
    assert "<style>#safety" not in html and 'id="safety" hidden' not in html
    assert_everywhere(browser, page, HOSTILE_NAMES)


def test_no_risk_answer_still_says_so(browser: Browser, tmp_path: Path) -> None:
    make_client(tmp_path / "clients" / "calm", "Calm")
    page = page_of(tmp_path / "clients", tmp_path / "calm.html")
    browser.open(page)
    facts = notice_facts(browser)
    assert facts is not None
    assert "No client has a risk answer in their safety window." in facts["text"]
