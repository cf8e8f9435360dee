"""The safety notice in the PDF (DESIGN §2.3): interim's own wrapper puts it first on
page 1, before the template's body and out of its reach, and the renderer refuses a PDF
where it did not land there — whatever the profile, the file's state or the template."""

from __future__ import annotations

import shutil
import struct
import zlib
from pathlib import Path

import pytest
from test_pdf import BANNER, custom, pdf_for, text_of
from test_render_support import context_for, make_folder, phq9

from interim.render import SafetyNoticeMissing, TemplateProblem
from interim.render.pdf import typst_compiler


def safety_first(pdf: bytes) -> str:
    page = text_of(pdf)[0]
    assert page.startswith("! " + BANNER) or page.startswith(BANNER), page[:80]
    assert page.count(BANNER) == 1
    return page


@pytest.mark.parametrize("profile", ["full", "scores-only", "gp"])
@pytest.mark.parametrize(
    "extra", ["", "private: true\n", "total: 3\n"], ids=["plain", "private", "wrong-total"]
)
def test_safety_notice_first_on_page_one(tmp_path: Path, profile: str, extra: str) -> None:
    content = phq9("2026-11-16", "[1, 1, 1, 1, 1, 1, 1, 1, 2]", extra)
    root = make_folder(tmp_path, hostile=False, phq9_file=content)
    with (root / "interim.yaml").open("a", encoding="utf-8") as handle:
        handle.write("profiles:\n  gp:\n    free_text: false\n    sections: [mood]\n")
    page = safety_first(pdf_for(root, profile))
    assert "Mon 16 Nov 2026: PHQ-9 item 9 answered: more than half the days" in page
    assert "Samaritans 116 123" in page and "Nobody monitors these files" in page


def test_no_notice_without_item_9(tmp_path: Path) -> None:
    content = phq9("2026-11-16", "[1, 1, 1, 1, 1, 1, 1, 1, 0]")
    root = make_folder(tmp_path, hostile=False, phq9_file=content)
    assert BANNER not in " ".join(text_of(pdf_for(root)))


@pytest.mark.parametrize(
    "template",
    [
        "= Only my own report\n",  # leaves the notice out
        "#show: none\n#set text(fill: white, size: 1pt)\nHidden?\n",  # restyles everything
        "#place(top + left, dy: -8cm, rect(fill: white, width: 100%, height: 12cm))\nx\n",
        '#place(top, float: true, scope: "parent", rect(fill: white, width: 100%, height: 9cm))\n',
    ],
    ids=["omits", "restyles", "covers", "floats"],
)
def test_no_template_can_drop_or_cover_the_notice(tmp_path: Path, template: str) -> None:
    root = make_folder(tmp_path, hostile=False)
    custom(root, template)
    safety_first(pdf_for(root))
    assert banner_visible(root)


@pytest.mark.parametrize("template", ["#set page(fill: white)\nx\n", "#pagebreak()\nx\n"])
def test_the_page_belongs_to_interim(tmp_path: Path, template: str) -> None:
    root = make_folder(tmp_path, hostile=False)
    custom(root, template)
    with pytest.raises(TemplateProblem, match="not allowed inside of containers"):
        pdf_for(root)


@pytest.mark.parametrize(
    "replacement",
    ["pagebreak()", "pagebreak(); safety-banner(report.safety)"],
    ids=["gone", "late"],
)
def test_refused_when_the_notice_is_not_on_page_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, replacement: str
) -> None:
    """If interim's own wrapper ever stopped putting the notice first, nothing is written."""
    from interim.render import pdf

    copy = tmp_path / "templates"
    shutil.copytree(pdf.TEMPLATES, copy)
    main = copy / "pdf" / "main.typ"
    text = main.read_text(encoding="utf-8")
    main.write_text(text.replace("safety-banner(report.safety)", replacement), encoding="utf-8")
    monkeypatch.setattr(pdf, "TEMPLATES", copy)
    root = make_folder(tmp_path / "f", hostile=False)
    with pytest.raises(SafetyNoticeMissing):
        pdf_for(root)


def banner_visible(root: Path) -> bool:
    """Most of a band across the notice is its yellow (#fff3c4) on the rendered page 1."""
    context, _ = context_for(root)
    with typst_compiler(context, root) as (compiler, _):
        pages = compiler.compile(format="png", ppi=36)
    _, rows = decode_png(pages[0] if isinstance(pages, list) else pages)
    mm = 36 / 25.4
    band = [row[int(25 * mm) : int(185 * mm)] for row in rows[int(19 * mm) : int(28 * mm)]]
    pixels = [p for row in band for p in row]
    yellow = sum(abs(r - 255) + abs(g - 243) + abs(b - 196) < 12 for r, g, b in pixels)
    return yellow > 0.4 * len(pixels)


def decode_png(data: bytes) -> tuple[int, list[list[tuple[int, int, int]]]]:
    """A minimal PNG reader for Typst's 8-bit RGB(A) pages: width and RGB rows."""
    chunks, at = {}, 8
    idat = b""
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at : at + 8])
        chunk = data[at + 8 : at + 8 + length]
        idat += chunk if kind == b"IDAT" else b""
        chunks.setdefault(kind, chunk)
        at += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", chunks[b"IHDR"][:10])
    assert depth == 8 and colour in (2, 6)
    step = 4 if colour == 6 else 3
    raw, stride = zlib.decompress(idat), width * step
    rows: list[bytearray] = []
    for y in range(height):
        kind, line = (
            raw[y * (stride + 1)],
            bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)]),
        )
        prior = rows[-1] if rows else bytearray(stride)
        for i in range(stride):
            a = line[i - step] if i >= step else 0
            c = prior[i - step] if i >= step else 0
            b = prior[i]
            pred = [0, a, b, (a + b) // 2, _paeth(a, b, c)][kind]
            line[i] = (line[i] + pred) & 0xFF
        rows.append(line)
    return width, [[tuple(r[i : i + 3]) for i in range(0, stride, step)] for r in rows]  # type: ignore[misc]


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else (b if pb <= pc else c)
