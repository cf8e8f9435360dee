"""The PDF report (interim/render/pdf.py): the same report as HTML, rendered in-process by
Typst from data — record text never becomes Typst code, Typst reads nothing but its own
template and fonts, the output is the same bytes everywhere, and the safety notice is the
first thing on page 1 whatever the template says."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from pypdf import PdfReader
from test_render_support import _q, context_for, make_folder

from interim.render import TemplateProblem, render
from interim.render.pdf import NO_PROXY_VARS, PROXY_VARS

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "example-folder"
BANNER = "Safety: PHQ-9 item 9"
# Typst markup that would read a file, import, typeset maths, style, cross-reference,
# label or escape, if record text were ever treated as Typst source.
TYPST = [
    '#read("/etc/passwd")',
    '#import "/report.typ": *',
    "$x^2$",
    "*bold*",
    "@ref",
    "<label>",
    "back\\slash",
    '#eval("1+1")',
    "] [",
    '#panic("boom")',
    "// not a comment",
]
PAPER_A4 = (595.28, 841.89)
PAPER_LETTER = (612.0, 792.0)
Run = Callable[..., Result]


def text_of(pdf: bytes) -> list[str]:
    """Each page's text, whitespace runs made single spaces (lines wrap anywhere)."""
    pages = PdfReader(io.BytesIO(pdf)).pages
    return [" ".join(page.extract_text().split()) for page in pages]


def pdf_for(root: Path, profile: str = "full") -> bytes:
    context, _ = context_for(root, profile)
    return render(context, "pdf", folder_root=root)


def custom(root: Path, text: str) -> None:
    (root / "templates").mkdir(exist_ok=True)
    (root / "templates" / "report.typ").write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, bytes]:
    """The example folder's PDF, written twice by the CLI (the second time the format comes
    from the `-o` extension)."""
    from click.testing import CliRunner

    from interim.cli import main

    out = tmp_path_factory.mktemp("pdf")
    runs = [["--format", "pdf", "-o", str(out / "a.pdf")], ["-o", str(out / "b.pdf")]]
    # A module fixture runs before the autouse one that keeps tests out of the user's cache.
    env = {"INTERIM_CACHE_DIR": str(out / "cache")}
    for args in runs:
        result = CliRunner().invoke(main, ["report", str(EXAMPLE), *args], env=env)
        assert result.exit_code == 0, result.output
        assert "warning" not in result.stderr
    return (out / "a.pdf").read_bytes(), (out / "b.pdf").read_bytes()


def test_example_pdf_is_the_same_bytes_every_time(example: tuple[bytes, bytes]) -> None:
    first, second = example
    assert first.startswith(b"%PDF-") and first == second


def test_example_pdf_has_every_section_and_the_homework_rows(example: tuple[bytes, bytes]) -> None:
    context = context_for(EXAMPLE)[0].to_data()
    text = " ".join(text_of(example[0]))
    headings = ["Session report", "At a glance", "Homework", "Key numbers", "To discuss"]
    headings += ["Day by day", *(s["title"] for s in context["sections"]), "Problems"]
    at = 0
    for heading in headings:  # each found after the one before: the HTML report's order
        at = text.index(heading, at)
    flat = "".join(text.split())  # a title may wrap anywhere, even after a hyphen
    for row in context["glance"]["homework"]:
        done = "".join(row["done_text"].split())  # "6 of 6 days", then entries and days
        cells = f"{done}{row['entry_count']}{row['days_practised']}"
        title = "".join(row["title"].split())
        assert re.search(re.escape(title) + r".{0,80}?" + cells, flat), row["title"]
        assert f"{row['confidence']}/10{row['status']}" in flat


def test_example_pdf_page_footer_date_fonts_and_paper(example: tuple[bytes, bytes]) -> None:
    reader = PdfReader(io.BytesIO(example[0]))
    pages = text_of(example[0])
    for number, page in enumerate(pages, 1):
        assert f"page {number} of {len(pages)}" in page
        assert "12 Nov – 17 Nov 2026 (6 days)" in page
    assert reader.metadata is not None and reader.metadata.creation_date is not None
    assert reader.metadata.creation_date.isoformat().startswith("2026-11-17T00:00:00")
    fonts = {
        str(font["/BaseFont"]).split("+")[-1]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    shipped = {"NotoSans-Regular", "NotoSans-Bold", "NotoSans-Italic", "NotoSansMono-Regular"}
    shipped |= {f"NotoSans{s}-{w}" for s in ("Arabic", "Devanagari") for w in ("Regular", "Bold")}
    assert fonts <= shipped
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(PAPER_A4, abs=0.1)


def test_letter_paper_by_setting(tmp_path: Path) -> None:
    root = make_folder(tmp_path, hostile=False)
    with (root / "interim.yaml").open("a", encoding="utf-8") as handle:
        handle.write("report:\n  paper: letter\n")
    box = PdfReader(io.BytesIO(pdf_for(root))).pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(PAPER_LETTER, abs=0.1)


# One record of every type a section shows, a folder type of its own, a partial night
# with the sleep window on, and two files with errors.
EVERY = {
    "types/urge.yaml": "name: urge\nversion: 1\ndescription: Urge log\nfields:\n"
    "  strength: {kind: scale, min: 0, max: 10, better: lower, description: How strong.}\n"
    "  acted: {kind: boolean, description: Acted on it.}\n"
    "  triggers: {kind: list, description: What set it off.}\n",
    "records/u.md": "type: urge\ndate: 2026-11-13\nstrength: 7\nacted: false\ntriggers: [a, b]",
    "records/e.md": "type: eating\ndate: 2026-11-13\nfood: pasta\nbinge: true\ncompensatory: [exercise]",
    "records/r.md": "type: reading\ndate: 2026-11-14\ntitle: Leaflet\nread: 2026-11-14\nquestions: [Naps?]",
    "records/s1.md": 'type: sleep\ndate: 2026-11-13\nbedtime: "23:00"\nlights_out: "23:10"\n'
    'minutes_to_sleep: 20\nminutes_awake: 10\nfinal_wake: "06:30"\nout_of_bed: "06:45"',
    "records/s2.md": 'type: sleep\ndate: 2026-11-14\nbedtime: "23:00"',
    "records/bad.md": "type: mood\ndate: 2026-11-15\nmood: 12",
    "records/a.md": "type: activity\ndate: 2026-11-15\nactivity: Walk\nplanned: true\ndone: true",
    "records/p.md": "type: practice\ndate: 2026-11-15\nskill: worry time\nminutes: 15",
    "records/x.md": "type: exposure\ndate: 2026-11-16\nstep: Lunch\nsuds_before: 60",
    "records/b.md": "type: experiment\ndate: 2026-11-16\nbelief: They laugh\nbelief_before: 70",
    "records/t.md": "type: thought-record\ndate: 2026-11-16\nhot_thought: I fail\nbelief_before: 80",
    "records/c.md": "type: checkin\ndate: 2026-11-16\nwent_well: Walks\nquestions: [What next?]",
    "records/n.md": "type: note\ndate: 2026-11-16\ntitle: A note",
    "goals/g.md": "type: goal\nset: 2026-11-01\ntitle: Walk more\nstatus: active",
}


@pytest.mark.parametrize("profile", ["full", "scores-only"])
def test_every_section_renders(tmp_path: Path, profile: str) -> None:
    root = make_folder(tmp_path, hostile=False)
    with (root / "interim.yaml").open("a", encoding="utf-8") as handle:
        handle.write("sleep:\n  window: true\n")
    for rel, front in EVERY.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(front if rel.endswith(".yaml") else f"---\n{front}\n---\nText.\n", "utf-8")
    context = context_for(root, profile)[0].to_data()
    # The course section too: make_folder holds two held sessions.
    assert len(context["sections"]) == (15 if profile == "full" else 14)
    text = " ".join(text_of(pdf_for(root, profile)))
    at = 0
    for heading in [s["title"] for s in context["sections"]] + ["Files with errors"]:
        at = text.index(heading, at)
    assert "Suggested sleep window" in text and "1 entry of type urge." in text


def hostile_folder(root: Path) -> Path:
    """Typst markup in a body, a title, a tag, a list field and a file name."""
    make_folder(root, hostile=False)
    line = " ".join(TYPST)
    body = "\n\n".join(TYPST) + "\n\n- first *em* `#code`\n- second\n\n> quoted\n"
    note = (
        f"---\ntype: note\ndate: 2026-11-14\ntitle: {_q(line)}\ntags: [{_q(TYPST[0])}]\n---\n{body}"
    )
    (root / "records" / "2026-11-14-note.md").write_text(note, encoding="utf-8")
    # A Markdown file that is not a record is listed by name under Problems.
    (root / "records" / "#read $x$ @ref [l] <b>.md").write_text("Just text.\n", encoding="utf-8")
    mood = root / "records" / "2026-11-12-mood.md"
    mood.write_text(
        mood.read_text(encoding="utf-8").replace("emotions: [", f"emotions: [{_q(TYPST[0])}, "),
        encoding="utf-8",
    )
    return root


def test_record_text_prints_literally_and_reads_nothing(tmp_path: Path) -> None:
    text = " ".join(text_of(pdf_for(hostile_folder(tmp_path))))
    title = " ".join(TYPST)
    assert f"{title} Sat 14 Nov" in text  # the title
    assert "records/#read $x$ @ref [l] <b>.md" in text  # the file name
    assert f", {TYPST[0]} ×1" in text  # a list field (emotions named)
    for markup in TYPST:
        if markup != "*bold*":  # in a body that one is Markdown emphasis
            assert text.count(markup) >= 2, markup  # the title and the body
    assert "• first em #code • second" in text  # Markdown structure kept
    assert "root:" not in text and "/bin/" not in text  # /etc/passwd was not read


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ('#read("/etc/passwd")', "file not found"),
        ('#read("../../../../../../etc/passwd")', "escape the project root"),
        ('#read("/records/2026-11-12-mood.md")', "file not found"),
        ('#image("/interim.yaml")', "file not found"),
    ],
)
def test_a_template_cannot_read_outside_its_root(
    tmp_path: Path, template: str, message: str
) -> None:
    root = make_folder(tmp_path, hostile=False)
    custom(root, template + "\n")
    with pytest.raises(TemplateProblem) as caught:
        pdf_for(root)
    assert caught.value.path == "templates/report.typ" and caught.value.line == 1
    assert message in caught.value.message


def test_a_template_cannot_download_packages(tmp_path: Path) -> None:
    root = make_folder(tmp_path, hostile=False)
    custom(root, '#import "@preview/cetz:0.3.0": canvas\n')
    names = PROXY_VARS + NO_PROXY_VARS
    before = {name: os.environ.get(name) for name in names}
    with pytest.raises(TemplateProblem, match="cannot use Typst packages") as caught:
        pdf_for(root)
    # The download was attempted through the dead proxy, never to the package server.
    assert "127.0.0.1:9" in caught.value.message or "Connection" in caught.value.message
    assert {name: os.environ.get(name) for name in names} == before


def test_template_errors_name_the_file_and_line(tmp_path: Path, run_cli: Run) -> None:
    root = make_folder(tmp_path, hostile=False)
    custom(root, "= Mine\n\n#let x = (1,\n")
    result = run_cli(["report", str(root), "-o", str(tmp_path / "r.pdf")])
    assert result.exit_code == 2
    assert "templates/report.typ:3:" in result.stderr and "IM920" in result.stderr
    assert not (tmp_path / "r.pdf").exists()


def test_a_template_can_extend_the_default(tmp_path: Path) -> None:
    root = make_folder(tmp_path, hostile=False)
    custom(root, '#include "/interim/default.typ"\n\nAdded by the clinic.\n')
    text = " ".join(text_of(pdf_for(root)))
    assert "At a glance" in text and "Added by the clinic." in text


def test_missing_glyphs_warn_once(tmp_path: Path, run_cli: Run) -> None:
    root = make_folder(tmp_path, hostile=False)
    note = "---\ntype: note\ndate: 2026-11-15\ntitle: Emoji 😀 and 中\n---\nFeeling 😀 today ❤️.\n"
    (root / "records" / "2026-11-15-note.md").write_text(note, encoding="utf-8")
    result = run_cli(["report", str(root), "-o", str(tmp_path / "r.pdf")])
    assert result.exit_code == 0
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1
    assert "😀 (U+1F600, records/2026-11-15-note.md)" in warnings[0]
    assert "中 (U+4E2D" in warnings[0] and "❤ (U+2764" in warnings[0]
    assert "U+FE0F" not in warnings[0]  # a variation selector is not a glyph of its own


def test_typst_is_not_imported_for_help() -> None:
    code = (
        "import sys\nfrom click.testing import CliRunner\nfrom interim.cli import main\n"
        "CliRunner().invoke(main, ['report', '--help'])\nprint('typst' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.stdout.strip() == "False", done.stderr


def test_bodies_become_a_tree_of_strings() -> None:
    from interim.render.mdtree import body_tree

    tree = body_tree(
        "Para *em* **strong** `#x` [link](https://a.example) [bad](javascript:x) ![alt](http://a/b.png)\n\n"
        '- one\n- two\n\n3. three\n\n> quote\n\n```\n#read("/etc/passwd")\n```\n# Head\n'
    )
    assert [b["t"] for b in tree] == ["p", "list", "list", "quote", "code", "h"]
    inline = tree[0]["c"]
    assert inline[1] == {"t": "em", "c": [{"t": "text", "s": "em"}]}
    assert inline[7] == {"t": "link", "c": [{"t": "text", "s": "link"}], "url": "https://a.example"}
    assert inline[8]["s"] == " [bad](javascript:x) [image: alt]"  # no link, no fetch
    assert tree[2]["ordered"] and tree[2]["start"] == 3 and tree[1]["tight"]
    assert tree[4] == {"t": "code", "s": '#read("/etc/passwd")'}


def test_deep_nesting_is_flattened() -> None:
    from interim.render.mdtree import MAX_DEPTH, body_tree

    def depth(nodes: list[dict[str, object]]) -> int:
        inner = [n.get("c") for n in nodes if isinstance(n.get("c"), list)]
        return 1 + max((depth(c) for c in inner), default=0)  # type: ignore[arg-type]

    assert depth(body_tree("> " * 15 + "deep")) <= MAX_DEPTH + 2
    assert "deep" in str(body_tree("> " * 15 + "deep"))
    assert depth(body_tree("*a _b **c *d _e **f *g* h** i_ j* k** l_ m*")) <= MAX_DEPTH + 3


def test_the_shipped_fonts_cover_what_interim_itself_prints() -> None:
    from interim.render.cmap import coverage, font_chars, missing
    from interim.render.pdfdata import FONTS, font_files

    covered = coverage(font_files())
    assert not missing(["Ærø café Straße Ωμέγα Жизнь Việt", "–—−→↑↓•·“”‘’…×°±≥≤"], covered)
    assert missing(["😀 中 ✓"], covered) == ["✓", "中", "😀"]
    sources = [*FONTS.parent.joinpath("templates", "pdf").glob("*.typ")]
    own = [line.split("//")[0] for p in sources for line in p.read_text("utf-8").splitlines()]
    assert not missing(own, covered), "a template prints a character no shipped font has"
    assert ord("A") in font_chars((FONTS / "NotoSansMono-Regular.ttf").read_bytes())


def test_a_symlinked_template_is_refused(tmp_path: Path) -> None:
    root = make_folder(tmp_path / "folder", hostile=False)
    (tmp_path / "elsewhere.typ").write_text("= Mine\n", encoding="utf-8")
    (root / "templates").mkdir()
    (root / "templates" / "report.typ").symlink_to(tmp_path / "elsewhere.typ")
    with pytest.raises(TemplateProblem, match="symbolic link"):
        pdf_for(root)


def test_typst_warnings_name_the_template_line(tmp_path: Path) -> None:
    root = make_folder(tmp_path, hostile=False)
    custom(root, '= Mine\n#text(font: "Comic Sans")[Hi]\n')
    context, _ = context_for(root)
    notes: list[str] = []
    render(context, "pdf", folder_root=root, warnings=notes)
    assert notes == ["templates/report.typ:2: unknown font family: comic sans"]


# -- every script (issue 13) ------------------------------------------------------------------

SCRIPTS = "Arabic: مرحبا بالعالم. Hindi: नमस्ते दुनिया."


def _scripts(root: Path, extra: str = "") -> None:
    note = f"---\ntype: note\ndate: 2026-11-15\ntitle: Scripts\n---\n{SCRIPTS}{extra}\n"
    (root / "records" / "2026-11-15-note.md").write_text(note, encoding="utf-8")


def test_arabic_and_devanagari_render_with_the_shipped_faces(tmp_path: Path, run_cli: Run) -> None:
    root = make_folder(tmp_path, hostile=False)
    _scripts(root)
    out = tmp_path / "r.pdf"
    result = run_cli(["report", str(root), "-o", str(out)])
    assert result.exit_code == 0 and "warning" not in result.stderr, result.stderr
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    fonts = {
        str(font["/BaseFont"]).split("+")[-1]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert {"NotoSansArabic-Regular", "NotoSansDevanagari-Regular"} <= fonts
    assert "नमस्ते" in " ".join(text_of(out.read_bytes()))


def test_cjk_without_a_font_warns_with_the_setting(tmp_path: Path, run_cli: Run) -> None:
    root = make_folder(tmp_path, hostile=False)
    _scripts(root, " Chinese: 你好.")
    result = run_cli(["report", str(root), "-o", str(tmp_path / "r.pdf")])
    [warning] = [line for line in result.stderr.splitlines() if "warning" in line]
    assert "你 (U+4F60" in warning and "set `report.pdf_font` in interim.yaml" in warning


def test_a_pdf_font_setting_that_names_no_font_file_says_so(tmp_path: Path, run_cli: Run) -> None:
    root = make_folder(tmp_path, hostile=False)
    with (root / "interim.yaml").open("a", encoding="utf-8") as f:
        f.write("\nreport:\n  pdf_font: fonts/missing.ttf\n")
    result = run_cli(["report", str(root), "-o", str(tmp_path / "r.pdf")])
    assert result.exit_code == 0
    assert (
        "`report.pdf_font: fonts/missing.ttf` in interim.yaml is not a font file" in result.stderr
    )


def test_a_named_font_is_used_and_two_runs_are_the_same_bytes(tmp_path: Path, run_cli: Run) -> None:
    """The user's font (here one of interim's own, copied into the folder under another
    name) joins the fonts Typst may fall back to; the same fonts give the same PDF."""
    root = make_folder(tmp_path, hostile=False)
    _scripts(root)
    fonts = Path(__file__).resolve().parent.parent / "interim" / "fonts"
    (root / "fonts").mkdir()
    (root / "fonts" / "mine.ttf").write_bytes((fonts / "NotoSansMono-Regular.ttf").read_bytes())
    with (root / "interim.yaml").open("a", encoding="utf-8") as f:
        f.write("\nreport:\n  pdf_font: fonts/mine.ttf\n")
    one, two = tmp_path / "1.pdf", tmp_path / "2.pdf"
    for out in (one, two):
        result = run_cli(["report", str(root), "-o", str(out)])
        assert result.exit_code == 0 and "warning" not in result.stderr, result.stderr
    assert one.read_bytes() == two.read_bytes()
