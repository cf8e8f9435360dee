"""interim.load.frontmatter: decoding, splitting front matter from the body with exact positions,
the near-miss messages, and the safe event-based YAML loader (DESIGN §2.1, §2.2)."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from interim.diagnostics import Severity
from interim.load.frontmatter import Document, decode, split
from interim.load.yaml.events import MAX_FRONT_MATTER_CHARS, load_yaml
from interim.load.yaml.tree import Mapping, Scalar, Sequence, plain_value

RECORD = "---\ntype: mood\ndate: 2026-11-20\nmood: 4\n---\nBody text.\n"


def parse(text: str) -> Document:
    return split(text, "x.md")


def codes(doc: Document) -> list[str]:
    return [d.code for d in doc.diagnostics]


def key_lines(doc: Document) -> dict[str, int]:
    assert doc.front is not None, doc.diagnostics
    return {key: entry.key_line for key, entry in doc.front.entries.items()}


def value_at(doc: Document, key: str) -> tuple[int, int]:
    assert doc.front is not None, doc.diagnostics
    node = doc.front.entries[key].value
    return node.line, node.col


# -- decoding ------------------------------------------------------------------------------


def test_decode_plain_utf8_has_no_diagnostics() -> None:
    assert decode(RECORD.encode(), "x.md") == (RECORD, [])


def test_decode_strips_a_utf8_bom_silently() -> None:
    assert decode(codecs.BOM_UTF8 + RECORD.encode(), "x.md") == (RECORD, [])


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_decode_reads_utf16_with_bom_and_warns_im103(codec: str) -> None:
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    text, diags = decode(bom + RECORD.encode(codec), "x.md")
    assert text == RECORD
    assert [(d.code, d.severity) for d in diags] == [("IM103", Severity.WARNING)]


def test_decode_windows_1252_is_im102_at_the_line_and_column_of_the_bad_byte() -> None:
    data = "---\ntype: mood\ndate: 2026-11-20\nsituation: café\n---\n".encode("cp1252")
    text, diags = decode(data, "x.md")
    assert text is None
    [d] = diags
    assert (d.code, d.line, d.col) == ("IM102", 4, 15)
    assert "0xe9" in d.message
    assert "Windows-1252" in d.message


def test_decode_column_of_bad_byte_counts_characters_not_bytes() -> None:
    # "é" before the bad byte is two bytes but one column.
    data = "---\nsituation: é ".encode() + b"\xff\n---\n"
    _, [d] = decode(data, "x.md")
    assert (d.code, d.line, d.col) == ("IM102", 2, 14)


def test_decode_bad_byte_line_is_the_same_with_crlf() -> None:
    data = b"---\r\ntype: mood\r\nsituation: caf\xe9\r\n---\r\n"
    _, [d] = decode(data, "x.md")
    assert (d.code, d.line, d.col) == ("IM102", 3, 15)


def test_decode_nul_bytes_are_binary_im114() -> None:
    text, diags = decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "x.md")
    assert text is None
    assert [d.code for d in diags] == ["IM114"]


def test_decode_utf16_without_bom_is_binary_not_garbage() -> None:
    text, diags = decode(RECORD.encode("utf-16-le"), "x.md")
    assert text is None
    assert [d.code for d in diags] == ["IM114"]


# -- splitting: positions ------------------------------------------------------------------


def test_split_reads_front_matter_and_body() -> None:
    doc = parse(RECORD)
    assert doc.has_front_matter
    assert doc.diagnostics == []
    assert key_lines(doc) == {"type": 2, "date": 3, "mood": 4}
    assert doc.body.strip() == "Body text."
    assert doc.body_line == 6


@pytest.mark.parametrize(
    "data",
    [
        RECORD.encode(),
        RECORD.replace("\n", "\r\n").encode(),
        codecs.BOM_UTF8 + RECORD.replace("\n", "\r\n").encode(),
    ],
    ids=["lf", "crlf", "bom+crlf"],
)
def test_line_numbers_are_the_same_with_lf_crlf_and_bom(data: bytes) -> None:
    text, _ = decode(data, "x.md")
    assert text is not None
    doc = parse(text)
    assert key_lines(doc) == {"type": 2, "date": 3, "mood": 4}
    assert value_at(doc, "mood") == (4, 7)
    assert doc.body_line == 6


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_yaml_error_line_is_the_same_with_lf_and_crlf(newline: str) -> None:
    text = newline.join(["---", "type: mood", "date: 2026-11-20", "note: went: fine", "---", ""])
    [d] = parse(text).diagnostics
    assert (d.code, d.line, d.col) == ("IM107", 4, 11)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_value_after_a_form_feed_keeps_its_line(newline: str) -> None:
    # Editors break lines at LF, CRLF and CR only: a form feed inside a value is one
    # (invalid) character on line 3, not a fourth line.
    text = newline.join(["---", "type: mood", "situation: a\x0cb", "mood: 4", "---", ""])
    [d] = parse(text).diagnostics
    assert (d.code, d.line, d.col) == ("IM107", 3, 13)
    assert "U+000C" in d.message


@pytest.mark.parametrize("separator", ["\u2028", "\x85", "\x1c"])
def test_unusual_line_separators_do_not_shift_line_numbers(separator: str) -> None:
    text = f"---\ntype: mood\nsituation: a{separator}b\nmood: 40\n---\nbody\n"
    doc = parse(text)
    lines = {d.line for d in doc.diagnostics}
    assert lines <= {3}, doc.diagnostics
    if doc.front is not None:
        assert key_lines(doc)["mood"] == 4
    assert doc.body_line == 6


def test_column_of_a_value_after_a_multibyte_character_counts_characters() -> None:
    doc = parse('---\ntype: mood\nemotions: ["é", tired]\n---\n')
    assert doc.front is not None
    node = doc.front.entries["emotions"].value
    assert isinstance(node, Sequence)
    assert (node.items[1].line, node.items[1].col) == (3, 17)


def test_column_of_a_value_after_an_emoji_counts_one_per_emoji() -> None:
    doc = parse("---\ntype: mood\nemotions: [😀, tired]\n---\n")
    assert doc.front is not None
    node = doc.front.entries["emotions"].value
    assert isinstance(node, Sequence)
    assert (node.items[1].line, node.items[1].col) == (3, 15)


def test_a_tab_counts_as_one_column() -> None:
    doc = parse("---\ntype: mood\nemotions: [sad,\ttired]\n---\n")
    assert doc.front is not None
    node = doc.front.entries["emotions"].value
    assert isinstance(node, Sequence)
    assert node.items[1].col == 17


def test_key_after_an_emoji_key_has_its_own_column() -> None:
    doc = parse("---\ntype: mood\n😀: 1\n---\n")
    assert doc.front is not None
    entry = doc.front.entries["😀"]
    assert (entry.key_line, entry.key_col) == (3, 1)
    assert (entry.value.line, entry.value.col) == (3, 4)


# -- splitting: what is and is not front matter ---------------------------------------------


def test_dots_close_the_front_matter() -> None:
    doc = parse("---\ntype: mood\ndate: 2026-11-20\n...\nBody\n")
    assert doc.diagnostics == []
    assert key_lines(doc) == {"type": 2, "date": 3}
    assert doc.body_line == 5


def test_closing_line_may_have_trailing_spaces() -> None:
    doc = parse("--- \ntype: mood\n---  \n")
    assert doc.diagnostics == []
    assert key_lines(doc) == {"type": 2}


def test_markdown_without_front_matter_is_not_a_record_and_not_an_error() -> None:
    doc = parse("# A handout\n\nSome text.\n")
    assert not doc.has_front_matter
    assert doc.front is None
    assert doc.diagnostics == []


def test_empty_file_is_not_a_record() -> None:
    doc = parse("")
    assert not doc.has_front_matter
    assert doc.diagnostics == []


def test_empty_front_matter_is_an_empty_mapping() -> None:
    doc = parse("---\n---\nbody\n")
    assert doc.front is not None
    assert doc.front.entries == {}
    assert doc.diagnostics == []


def test_toml_front_matter_gets_its_own_message() -> None:
    [d] = parse("+++\ntype = 'mood'\n+++\n").diagnostics
    assert (d.code, d.line, d.col) == ("IM105", 1, 1)
    assert "TOML" in d.message


def test_four_dashes_get_their_own_message() -> None:
    [d] = parse("----\ntype: mood\n----\n").diagnostics
    assert d.code == "IM105"
    assert "`----`" in d.message
    assert "exactly three dashes" in d.hint


def test_indented_dashes_get_a_message_that_shows_the_space() -> None:
    doc = parse(" ---\ntype: mood\n---\n")
    [d] = doc.diagnostics
    assert d.code == "IM105"
    assert not doc.has_front_matter
    # The message must show what is wrong: "line 1 is `---`" would not.
    assert "` ---`" in d.message or "space" in d.message


def test_blank_first_line_names_the_line_where_front_matter_starts() -> None:
    [d] = parse("\n\n---\ntype: mood\n---\n").diagnostics
    assert (d.code, d.line) == ("IM105", 1)
    assert "line 3" in d.message


def test_keys_without_dashes_get_their_own_message() -> None:
    [d] = parse("type: mood\ndate: 2026-11-20\n").diagnostics
    assert d.code == "IM105"
    assert "`---`" in d.message


def test_unclosed_front_matter_is_im104_at_line_1() -> None:
    doc = parse("---\ntype: mood\ndate: 2026-11-20\n")
    [d] = doc.diagnostics
    assert (d.code, d.line, d.col) == ("IM104", 1, 1)
    assert doc.has_front_matter
    assert doc.front is None


def test_unclosed_front_matter_points_at_a_near_miss_closing_line() -> None:
    [d] = parse("---\ntype: mood\n----\nbody\n").diagnostics
    assert d.code == "IM104"
    assert "line 3" in d.hint


def test_each_near_miss_has_a_different_message() -> None:
    texts = [
        "+++\ntype = 'x'\n+++\n",
        "----\ntype: mood\n----\n",
        " ---\ntype: mood\n---\n",
        "\n---\ntype: mood\n---\n",
        "---\ntype: mood\n",
    ]
    messages = [parse(t).diagnostics[0].message for t in texts]
    assert len(set(messages)) == len(texts), messages


def test_conflict_markers_in_front_matter_are_im106_on_each_marker_line() -> None:
    text = (
        "---\ntype: mood\n<<<<<<< HEAD\nmood: 4\n=======\nmood: 5\n>>>>>>> theirs\n"
        "date: 2026-11-20\n---\n"
    )
    doc = parse(text)
    assert [(d.code, d.line) for d in doc.diagnostics] == [
        ("IM106", 3),
        ("IM106", 5),
        ("IM106", 7),
    ]
    assert doc.front is None  # never read one side of a merge as the record


def test_conflict_markers_in_the_body_are_reported_and_front_matter_is_read() -> None:
    doc = parse("---\ntype: mood\n---\n<<<<<<< HEAD\na\n=======\nb\n>>>>>>> x\n")
    assert [(d.code, d.line) for d in doc.diagnostics] == [
        ("IM106", 4),
        ("IM106", 6),
        ("IM106", 8),
    ]
    assert key_lines(doc) == {"type": 2}


def test_a_markdown_rule_of_equals_signs_is_not_a_conflict_marker() -> None:
    doc = parse("---\ntype: note\n---\nTitle\n========\n\ntext ======= more\n")
    assert doc.diagnostics == []


# -- the YAML loader -----------------------------------------------------------------------


def test_scalars_keep_the_text_as_written() -> None:
    doc = parse("---\nbedtime: 23:30\nphone: 045\nanswer: no\nq: '07:05'\n---\n")
    assert doc.front is not None
    values = {k: e.value for k, e in doc.front.entries.items()}
    assert all(isinstance(v, Scalar) for v in values.values())
    assert {k: v.text for k, v in values.items() if isinstance(v, Scalar)} == {
        "bedtime": "23:30",
        "phone": "045",
        "answer": "no",
        "q": "07:05",
    }
    q = values["q"]
    assert isinstance(q, Scalar)
    assert q.style == "'"
    assert not q.plain


def test_duplicate_key_is_im108_naming_both_lines() -> None:
    doc = parse("---\ntype: mood\nmood: 3\ndate: 2026-11-20\nmood: 4\n---\n")
    [d] = doc.diagnostics
    assert (d.code, d.line, d.col) == ("IM108", 5, 1)
    assert "line 3" in d.message
    assert "line 5" in d.message


def test_duplicate_key_keeps_the_first_value() -> None:
    doc = parse("---\nmood: 3\nmood: 4\n---\n")
    assert doc.front is not None
    value = doc.front.entries["mood"].value
    assert isinstance(value, Scalar)
    assert value.text == "3"


def test_duplicate_key_in_a_nested_mapping_is_found() -> None:
    doc = parse("---\ngoals:\n  a: 1\n  a: 2\n---\n")
    [d] = doc.diagnostics
    assert (d.code, d.line, d.col) == ("IM108", 4, 3)


def test_anchor_is_refused_im109() -> None:
    doc = parse("---\ntype: note\na: &x 1\nb: 2\n---\n")
    [d] = doc.diagnostics
    assert (d.code, d.line, d.col) == ("IM109", 3, 4)
    assert doc.front is None


def test_alias_is_refused_im109() -> None:
    tree, [d] = load_yaml("a: 1\nb: *x\n", "x.md")
    assert tree is None
    assert (d.code, d.line, d.col) == ("IM109", 2, 4)


def test_billion_laughs_is_refused_before_it_expands() -> None:
    lol = ", ".join(['"lol"'] * 9)
    levels = [f"a0: &a0 [{lol}]"] + [
        f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)
    ]
    doc = parse("---\ntype: note\n" + "\n".join(levels) + "\n---\n")
    assert doc.front is None
    assert codes(doc) == ["IM109"]
    assert (doc.diagnostics[0].line, doc.diagnostics[0].col) == (3, 5)


def test_python_tag_is_refused_im110() -> None:
    doc = parse('---\ntype: note\nx: !!python/object/apply:os.system ["echo hi"]\n---\n')
    [d] = doc.diagnostics
    assert (d.code, d.line, d.col) == ("IM110", 3, 4)
    assert doc.front is None


@pytest.mark.parametrize("value", ["!!str 5", "!!int '5'", "!local x", "! x"])
def test_every_tag_is_refused_im110(value: str) -> None:
    assert codes(parse(f"---\nx: {value}\n---\n")) == ["IM110"]


def test_tag_on_the_root_mapping_is_refused() -> None:
    assert codes(parse("---\n!!map\ntype: note\n---\n")) == ["IM110"]


def test_flow_nesting_100000_deep_is_refused_without_recursion() -> None:
    text = "---\ntype: note\nx: " + "[" * 100_000 + "]" * 100_000 + "\n---\n"
    doc = parse(text)
    assert doc.front is None
    assert codes(doc) == ["IM111"]


def test_flow_nesting_below_the_size_cap_is_refused_by_depth() -> None:
    text = "---\ntype: note\nx: " + "[" * 1500 + "]" * 1500 + "\n---\n"
    doc = parse(text)
    assert codes(doc) == ["IM111"]
    assert doc.diagnostics[0].line == 3


def test_unclosed_flow_nesting_is_refused() -> None:
    doc = parse("---\ntype: note\nx: " + "[" * 100_000 + "\n---\n")
    assert codes(doc) == ["IM111"]


def test_block_nesting_100000_deep_is_refused() -> None:
    # `- - - … a` nests one block sequence per dash in 2 characters a level.
    doc = parse("---\ntype: note\nx:\n" + "- " * 100_000 + "a\n---\n")
    assert doc.front is None
    assert codes(doc) == ["IM111"]


def test_block_nesting_of_mappings_is_refused() -> None:
    lines = "".join(" " * i + f"k{i}:\n" for i in range(60))
    doc = parse("---\ntype: note\n" + lines + "---\n")
    assert codes(doc) == ["IM111"]


def test_moderate_nesting_is_fine() -> None:
    doc = parse("---\ntype: note\nx: [[[1]]]\ny:\n  z:\n    w: 1\n---\n")
    assert doc.diagnostics == []


def test_front_matter_over_the_size_cap_is_im111() -> None:
    text = "---\ntype: note\nx: " + "a" * (MAX_FRONT_MATTER_CHARS + 1) + "\n---\n"
    doc = parse(text)
    assert [(d.code, d.line) for d in doc.diagnostics] == [("IM111", 2)]


def test_a_list_is_not_front_matter_im113() -> None:
    [d] = parse("---\n- a\n- b\n---\n").diagnostics
    assert (d.code, d.line, d.col) == ("IM113", 2, 1)


def test_plain_text_is_not_front_matter_im113() -> None:
    [d] = parse("---\njust some words\n---\n").diagnostics
    assert d.code == "IM113"
    assert "just some words" in d.message


def test_a_list_as_key_is_im113_at_the_key() -> None:
    doc = parse("---\ntype: note\n[a]: 1\n---\n")
    assert [(d.code, d.line, d.col) for d in doc.diagnostics] == [("IM113", 3, 1)]


def test_yaml_syntax_error_is_im107_with_position_and_hint() -> None:
    [d] = parse("---\ntype: note\nnote: went: fine\n---\n").diagnostics
    assert (d.code, d.line, d.col) == ("IM107", 3, 11)
    assert 'note: "went: fine"' in d.hint


def test_tab_indentation_is_im107_with_a_tab_hint() -> None:
    [d] = parse("---\ntype: note\n\tmood: 4\n---\n").diagnostics
    assert (d.code, d.line) == ("IM107", 3)
    assert "tab" in d.hint


def test_control_character_is_im107_at_its_position() -> None:
    [d] = parse("---\ntype: note\nx: a\x07\n---\n").diagnostics
    assert (d.code, d.line, d.col) == ("IM107", 3, 5)
    assert "U+0007" in d.message


def test_a_second_yaml_document_in_front_matter_is_refused() -> None:
    [d] = load_yaml("type: note\n---\nmood: 4\n", "x.md", line_offset=1)[1]
    assert (d.code, d.line) == ("IM107", 3)


def test_load_yaml_line_offset_shifts_lines() -> None:
    tree, diags = load_yaml("a: 1\nb: 2\n", "x.md", line_offset=10)
    assert diags == []
    assert tree is not None
    assert tree.entries["b"].key_line == 12


def test_load_yaml_of_only_comments_is_an_empty_mapping() -> None:
    tree, diags = load_yaml("# nothing\n", "x.md")
    assert isinstance(tree, Mapping)
    assert tree.entries == {}
    assert diags == []


def test_plain_value_keeps_strings_and_makes_empty_none() -> None:
    tree, _ = load_yaml("a: [1, no, ~]\nb: {c: 045}\nd:\n", "x.md")
    assert tree is not None
    assert plain_value(tree) == {"a": ["1", "no", None], "b": {"c": "045"}, "d": None}


def test_quoted_null_is_not_null() -> None:
    tree, _ = load_yaml("a: 'null'\nb: null\n", "x.md")
    assert tree is not None
    a, b = tree.entries["a"].value, tree.entries["b"].value
    assert isinstance(a, Scalar)
    assert isinstance(b, Scalar)
    assert not a.is_null()
    assert b.is_null()


def test_a_flow_mapping_broken_off_by_a_comment_is_a_diagnostic() -> None:
    """`{---#c` once crashed the comment check (an empty value past the last line);
    found by tests/test_property.py."""
    tree, diags = load_yaml("{---#c", "x.md", line_offset=1)
    assert tree is None
    assert [(d.code, d.line) for d in diags] == [("IM107", 2)]


# -- the plain split (no body scan) and the careful one agree --------------------------------


def _all_texts() -> list[str]:
    root = Path(__file__).parent.parent
    files = [
        *root.glob("tests/corpus/**/*.md"),
        *root.glob("tests/hazards/**/*.md"),
        *root.glob("example-folder/**/*.md"),
    ]
    texts = []
    for f in files:
        try:
            texts.append(f.read_bytes().decode("utf-8"))
        except UnicodeDecodeError:
            continue
    return texts


def test_the_plain_split_gives_what_the_careful_one_gives() -> None:
    from interim.load.frontmatter import _plain_split, careful_split

    tried = 0
    for text in [
        *_all_texts(),
        "---\n---\n",
        "---\n---",
        "---\na: 1\n---\nbody\n\nmore\n",
        "---\na: 1\n...\n",
        "---  \na: 1\n---  \n",
        "---\na: 1\n---\n\n",
        "---\na: 1\n---\nA\n---\nB\n",
    ]:
        fast = _plain_split(text, "x.md")
        if fast is None:
            continue
        tried += 1
        assert fast == careful_split(text, "x.md"), text
    assert tried > 200
