"""Property tests: whatever a file holds, reading it gives documents, records and diagnostics,
never an exception, and every diagnostic has a real position and a registered code
(DESIGN §2.2: "No exception from a user's file ever reaches the user as a traceback")."""

from __future__ import annotations

import codecs
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path

from conftest import check_record
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interim.diagnostics import Diagnostic
from interim.diagnostics.codes import CODES
from interim.folder import load_folder
from interim.load.frontmatter import Document, decode, split

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_well_formed(diags: Iterable[Diagnostic]) -> None:
    for d in diags:
        assert d.line >= 1, d
        assert d.col >= 1, d
        assert d.code in CODES, d
        assert d.severity is CODES[d.code].severity, d
        assert d.message, d


def read_bytes(data: bytes) -> tuple[Document | None, list[Diagnostic]]:
    text, diags = decode(data, "x.md")
    assert_well_formed(diags)
    if text is None:
        return None, diags
    doc = split(text, "x.md")
    assert_well_formed(doc.diagnostics)
    return doc, diags + doc.diagnostics


# -- front-matter-ish text built from YAML fragments ----------------------------------------

KEYS = st.sampled_from(
    ["type", "date", "time", "mood", "anxiety", "bedtime", "items", "tags", "private", "x", "é"]
)
SCALARS = st.sampled_from(
    [
        "mood", "sleep", "questionnaire", "2026-11-20", "2026-02-30", "23:30", "07:05",
        "24:00", "11:30 pm", "045", "no", "yes", "true", "~", "null", "", "3", "-1", "1e3",
        "'quoted'", '"dq \\e"', '"unclosed', "phq9", "[1, 2]", "{a: 1}", "é😀", "#c",
    ]
)  # fmt: skip
PIECES = st.sampled_from(
    ["---", "...", "[", "]", "{", "}", "&a ", "*a", "!!str ", "!!python/object ", "! ",
     "'", '"', "\t", " ", "  ", "- ", ": ", ":", ",", "? ", "|", ">", "#", "\x07", "\u2028",
     "<<<<<<< HEAD", "=======", ">>>>>>> x", "+++"]
)  # fmt: skip


@st.composite
def yaml_lines(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 3))
    if kind == 0:
        return f"{draw(KEYS)}: {draw(SCALARS)}"
    if kind == 1:
        indent = " " * draw(st.integers(0, 4))
        return f"{indent}- {draw(SCALARS)}"
    if kind == 2:
        return "".join(draw(st.lists(PIECES | SCALARS | KEYS, max_size=6)))
    return draw(st.text(max_size=20))


@st.composite
def front_matter_texts(draw: st.DrawFn) -> str:
    """`---`, some YAML-ish lines, maybe a closing line, maybe a body; joined with LF."""
    lines = draw(st.lists(yaml_lines(), max_size=12))
    opening = draw(st.sampled_from(["---", "---", "---", "----", " ---", "+++", "", "...", "--- "]))
    closing = draw(st.sampled_from(["---", "---", "...", "", "----"]))
    body = draw(st.sampled_from(["", "Body text.", "# Heading\n\nmore", "---\nnot yaml"]))
    return "\n".join([opening, *lines, closing, body])


NEWLINES = st.sampled_from(["\n", "\r\n"])


# -- properties ----------------------------------------------------------------------------


@SETTINGS
@given(st.text())
def test_split_never_raises_on_arbitrary_text(text: str) -> None:
    doc = split(text, "x.md")
    assert_well_formed(doc.diagnostics)
    assert doc.body_line >= 1


@SETTINGS
@given(st.binary(max_size=4096))
def test_decode_and_split_never_raise_on_arbitrary_bytes(data: bytes) -> None:
    read_bytes(data)


@SETTINGS
@given(st.binary(max_size=2048))
def test_bytes_after_an_opening_line_never_raise(data: bytes) -> None:
    read_bytes(b"---\ntype: mood\n" + data + b"\n---\n")


@SETTINGS
@given(front_matter_texts())
def test_front_matter_like_text_never_raises_through_validation(text: str) -> None:
    result = check_record(text)
    assert_well_formed(result.diagnostics)


@SETTINGS
@given(front_matter_texts())
def test_front_matter_like_text_with_bom_and_crlf_never_raises(text: str) -> None:
    data = codecs.BOM_UTF8 + text.replace("\n", "\r\n").encode("utf-8", "surrogatepass")
    result = check_record(data)
    assert_well_formed(result.diagnostics)


@SETTINGS
@given(front_matter_texts())
def test_crlf_and_bom_give_the_same_positions_as_lf(text: str) -> None:
    def positions(data: bytes) -> list[tuple[str, int, int]]:
        return sorted((d.code, d.line, d.col) for d in check_record(data).diagnostics)

    lf = text.encode("utf-8", "surrogatepass")
    # LF endings to CRLF; an ending that is CRLF already stays one (it is not a CR and a
    # CRLF, which would be two line breaks: hypothesis found '---\n\r\n0\n---\n').
    crlf = codecs.BOM_UTF8 + re.sub(r"(?<!\r)\n", "\r\n", text).encode("utf-8", "surrogatepass")
    assert positions(crlf) == positions(lf)


@SETTINGS
@given(front_matter_texts(), st.sampled_from(["utf-16-le", "utf-16-be"]))
def test_utf16_files_never_raise(text: str, codec: str) -> None:
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    data = bom + text.encode(codec, "surrogatepass")
    result = check_record(data)
    assert_well_formed(result.diagnostics)


@settings(max_examples=60, deadline=None)
@given(st.one_of(st.binary(max_size=2048), front_matter_texts().map(str.encode)))
def test_load_folder_of_one_file_never_raises(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "x.md").write_bytes(data)
        folder = load_folder(root)
    assert_well_formed(folder.diagnostics)
    assert folder.files_read == 1
    assert len(folder.records) <= 1
    for record in folder.records:
        assert record.path == "x.md"
        assert record.type in folder.types


@SETTINGS
@given(front_matter_texts())
def test_the_plain_split_agrees_with_the_careful_one(text: str) -> None:
    from interim.load.frontmatter import _plain_split, careful_split

    fast = _plain_split(text, "x.md")
    assert fast is None or fast == careful_split(text, "x.md")
