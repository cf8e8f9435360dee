"""A real browser for the tests: headless Chromium driven by Selenium, one for the whole run.

`browser` (session-scoped) is a `Browser`; `browser.open(path, width=1280, height=800,
media="screen")` loads a report file at that viewport and media ("print" emulates print
media through the DevTools protocol), and `browser.run(js)` evaluates a script in the page
(DevTools evaluation, which the report's Content-Security-Policy does not block: the page
itself can still run no script). `notice_facts(browser)` gathers what the safety-notice tests
assert. Later checks reuse the same fixture: phone widths (`width=390`) and accessibility
runs (`browser.run(axe_source + "...")`).

Where the browser comes from: INTERIM_CHROMIUM / INTERIM_CHROMEDRIVER, else Debian's
`chromium` and `chromium-driver` (/usr/bin/chromium, /usr/bin/chromedriver), else `chromium`,
`chromium-browser` or `google-chrome` and `chromedriver` on PATH. Nothing is downloaded
(Selenium Manager is never asked). Without a browser the tests are skipped — unless
INTERIM_REQUIRE_BROWSER=1 (CI sets it), when they fail.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

FLAGS = (
    "--headless",
    "--no-sandbox",  # CI runs as root, where Chromium's sandbox cannot start
    "--disable-dev-shm-usage",  # containers give /dev/shm 64 MB: Chromium crashes in it
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",  # viewport sizes are the page's own, the same on every machine
    "--force-device-scale-factor=1",
)
REQUIRE = "INTERIM_REQUIRE_BROWSER"


def _find(env: str, candidates: tuple[str, ...]) -> str | None:
    chosen = os.environ.get(env)
    if chosen:  # named, so nothing else is tried: a wrong path means "no browser"
        return chosen if os.access(chosen, os.X_OK) else None
    for name in candidates:
        found = name if os.path.isabs(name) and os.access(name, os.X_OK) else shutil.which(name)
        if found:
            return found
    return None


def find_browser() -> tuple[str, str] | str:
    """(chromium, chromedriver), or why there is none."""
    chromium = _find(
        "INTERIM_CHROMIUM",
        ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"),
    )
    driver = _find("INTERIM_CHROMEDRIVER", ("/usr/bin/chromedriver", "chromedriver"))
    if chromium is None or driver is None:
        return "no Chromium and chromedriver (Debian: apt-get install chromium chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[dev]')"
    return chromium, driver


class Browser:
    """One Chromium, one tab: each `open` loads a page into it."""

    def __init__(self, chromium: str, driver: str, profile: Path) -> None:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        options = webdriver.ChromeOptions()
        options.binary_location = chromium
        for flag in (*FLAGS, f"--user-data-dir={profile}"):
            options.add_argument(flag)
        self.driver = webdriver.Chrome(options=options, service=Service(executable_path=driver))

    def open(
        self, path: Path, *, width: int = 1280, height: int = 800, media: str = "screen"
    ) -> None:
        """Load `path` with a viewport of width × height CSS pixels and the given media."""
        self.driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
        )
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": media})
        self.driver.get(path.resolve().as_uri())

    def run(self, script: str) -> Any:
        """The value of a script evaluated in the page (`return` its result)."""
        return self.driver.execute_script(script)

    def pdf(self) -> bytes:
        """The page printed as Chromium prints it (paginated, print media)."""
        import base64

        data = self.driver.execute_cdp_cmd(
            "Page.printToPDF", {"printBackground": True, "preferCSSPageSize": True}
        )
        return base64.b64decode(data["data"])

    def quit(self) -> None:
        self.driver.quit()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    found = find_browser()
    if isinstance(found, str):
        if os.environ.get(REQUIRE) == "1":
            pytest.fail(f"{REQUIRE}=1 but {found}")
        pytest.skip(found)
    with tempfile.TemporaryDirectory(prefix="interim-chromium-") as profile:
        b = Browser(*found, Path(profile))
        try:
            yield b
        finally:
            b.quit()


# What the notice tests look at, measured in the page. Points: the centre of the notice and
# of each of its text elements, and a few more inside it; `hits` says for each whether the
# element drawn there (elementFromPoint) is the notice or inside it.
NOTICE_FACTS = r"""
const n = document.getElementById('safety');
if (!n) return null;
const px = (v) => parseFloat(v);
const style = (e) => {
  const s = getComputedStyle(e);
  return {display: s.display, visibility: s.visibility, opacity: s.opacity,
          transform: s.transform, filter: s.filter, clipPath: s.clipPath,
          fontSize: px(s.fontSize), color: s.color, background: s.backgroundColor,
          position: s.position, zoom: s.zoom, contentVisibility: s.contentVisibility,
          mixBlendMode: s.mixBlendMode, textIndent: px(s.textIndent),
          letterSpacing: s.letterSpacing, lineHeight: s.lineHeight,
          textFill: s.webkitTextFillColor, mask: s.maskImage || s.webkitMaskImage};
};
const r = n.getBoundingClientRect();
const points = [[r.left + r.width / 2, r.top + r.height / 2],
                [r.left + 20, r.top + 20], [r.right - 20, r.top + 20],
                [r.left + 20, r.bottom - 20], [r.right - 20, r.bottom - 20]];
const texts = Array.from(n.querySelectorAll('h2, p, li, strong'));
for (const t of texts) {
  const b = t.getBoundingClientRect();
  points.push([b.left + Math.min(b.width / 2, 30), b.top + b.height / 2]);
}
const hits = points.map(([x, y]) => {
  const e = document.elementFromPoint(x, y);
  return {x, y, hit: !!e && n.contains(e), what: e ? e.tagName + '.' + e.className : null};
});
const ancestors = [];
for (let e = n.parentElement; e; e = e.parentElement) ancestors.push([e.tagName, style(e)]);
return {rect: {top: r.top, left: r.left, bottom: r.bottom, right: r.right,
               width: r.width, height: r.height},
        viewport: {width: innerWidth, height: innerHeight, scrollY: scrollY},
        notice: style(n), texts: texts.map((t) => [t.tagName, style(t), t.textContent.length]),
        ancestors, hits, text: n.innerText};
"""


def notice_facts(browser: Browser) -> dict[str, Any] | None:
    facts = browser.run(NOTICE_FACTS)
    return facts if isinstance(facts, dict) else None


def luminance(rgb: str) -> float:
    """Relative luminance (WCAG 2) of a computed `rgb(r, g, b)` / `rgba(...)` colour."""
    parts = [float(p) / 255 for p in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in parts]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(fg: str, bg: str) -> float:
    a, b = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)
