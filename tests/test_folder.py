"""interim.folder.load_folder: discover → split → validate → Folder, one bad file never
stopping the run (DESIGN §5, §6)."""

from __future__ import annotations

import codecs
import datetime as dt
from pathlib import Path

from conftest import Write

from interim.diagnostics import Diagnostic, Severity
from interim.folder import load_folder
from interim.settings import Settings

GOOD = "---\ntype: mood\ndate: 2026-11-20\nmood: 4\n---\nA fine day.\n"
BAD = "---\ntype: mood\ndate: 2026-11-21\nmood: 40\n---\n"


def triples(diags: list[Diagnostic]) -> list[tuple[str, str, int, int]]:
    return [(d.path, d.code, d.line, d.col) for d in diags]


def test_empty_folder_loads_with_nothing(tmp_path: Path) -> None:
    folder = load_folder(tmp_path)
    assert folder.records == []
    assert folder.diagnostics == []
    assert folder.files_read == 0
    assert "mood" in folder.types


def test_valid_and_invalid_records_are_both_read(tmp_path: Path, write: Write) -> None:
    write(tmp_path, "records/good.md", GOOD)
    write(tmp_path, "records/bad.md", BAD)
    folder = load_folder(tmp_path)
    assert sorted(r.path for r in folder.records) == ["records/bad.md", "records/good.md"]
    assert triples(folder.diagnostics) == [("records/bad.md", "IM205", 4, 7)]
    assert folder.files_read == 2
    assert (folder.errors, folder.warnings) == (1, 0)


def test_a_record_with_an_error_is_marked_and_keeps_its_valid_fields(
    tmp_path: Path, write: Write
) -> None:
    write(tmp_path, "bad.md", BAD.replace("mood: 40\n", "mood: 40\nanxiety: 3\n"))
    [record] = load_folder(tmp_path).records
    assert record.has_errors
    assert record.fields == {"anxiety": 3}


def test_record_carries_body_and_body_line(tmp_path: Path, write: Write) -> None:
    write(tmp_path, "good.md", GOOD)
    [record] = load_folder(tmp_path).records
    assert record.body.strip() == "A fine day."
    assert record.body_line == 6
    assert not record.has_errors
    assert record.date == dt.date(2026, 11, 20)


def test_path_is_relative_with_forward_slashes(tmp_path: Path, write: Write) -> None:
    write(tmp_path, "records/2026/11/m.md", GOOD)
    [record] = load_folder(tmp_path).records
    assert record.path == "records/2026/11/m.md"
    assert record.id == "m"


def test_markdown_without_front_matter_is_listed_once_as_not_a_record(
    tmp_path: Path, write: Write
) -> None:
    write(tmp_path, "README.md", "# My therapy folder\n")
    folder = load_folder(tmp_path)
    assert folder.records == []
    assert folder.not_records == ["README.md"]
    [d] = folder.diagnostics
    assert (d.code, d.severity) == ("IM101", Severity.INFO)
    assert folder.errors == 0


def test_near_miss_front_matter_is_its_own_error_not_also_im101(
    tmp_path: Path, write: Write
) -> None:
    write(tmp_path, "m.md", "+++\ntype = 'mood'\n+++\n")
    folder = load_folder(tmp_path)
    assert [d.code for d in folder.diagnostics] == ["IM105"]


def test_utf16_record_is_read_with_im103_and_validated(tmp_path: Path, write: Write) -> None:
    write(tmp_path, "u.md", codecs.BOM_UTF16_LE + BAD.replace("\n", "\r\n").encode("utf-16-le"))
    folder = load_folder(tmp_path)
    assert triples(folder.diagnostics) == [("u.md", "IM103", 1, 1), ("u.md", "IM205", 4, 7)]
    assert [r.path for r in folder.records] == ["u.md"]


def test_windows_1252_record_is_im102_and_not_a_record(tmp_path: Path, write: Write) -> None:
    write(
        tmp_path,
        "w.md",
        "---\ntype: mood\ndate: 2026-11-20\nsituation: caf\xe9\n---\n".encode("cp1252"),
    )
    write(tmp_path, "good.md", GOOD)
    folder = load_folder(tmp_path)
    assert triples(folder.diagnostics) == [("w.md", "IM102", 4, 15)]
    assert [r.path for r in folder.records] == ["good.md"]


def test_diagnostics_are_sorted_by_path_line_col(tmp_path: Path, write: Write) -> None:
    write(tmp_path, "b.md", "---\ntype: mood\ndate: 2026-11-20\nmood: 40\nmod: 1\n---\n")
    write(tmp_path, "a.md", "---\ntype: mood\ndate: 2026-11-21\nanxiety: 11\n---\n")
    found = triples(load_folder(tmp_path).diagnostics)
    assert found == sorted(found, key=lambda t: (t[0], t[2], t[3], t[1]))
    assert [t[0] for t in found] == ["a.md", "b.md", "b.md"]


def test_settings_problems_are_among_the_diagnostics(tmp_path: Path, write: Write) -> None:
    write(tmp_path, "interim.yaml", "nmae: Sam\n")
    assert triples(load_folder(tmp_path).diagnostics) == [("interim.yaml", "IM902", 1, 1)]


def test_given_settings_are_used_and_the_file_not_read(tmp_path: Path, write: Write) -> None:
    write(tmp_path, "interim.yaml", "nmae: Sam\n")
    settings = Settings()
    folder = load_folder(tmp_path, settings=settings)
    assert folder.settings is settings
    assert folder.diagnostics == []


def test_settings_file_ignore_patterns_are_applied(tmp_path: Path, write: Write) -> None:
    write(tmp_path, "interim.yaml", "files:\n  ignore: [drafts/]\n")
    write(tmp_path, "drafts/bad.md", BAD)
    write(tmp_path, "good.md", GOOD)
    folder = load_folder(tmp_path)
    assert [r.path for r in folder.records] == ["good.md"]
    assert folder.diagnostics == []


def test_progress_is_reported_for_each_file(tmp_path: Path, write: Write) -> None:
    for n in range(3):
        write(tmp_path, f"m{n}.md", GOOD.replace("2026-11-20", f"2026-11-2{n}"))
    calls: list[tuple[int, int]] = []
    load_folder(tmp_path, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 3), (2, 3), (3, 3)]


def test_look_alike_copy_repeating_the_original_is_dropped_im306(
    tmp_path: Path, write: Write
) -> None:
    write(tmp_path, "mood.md", GOOD)
    write(tmp_path, "mood 2.md", GOOD)
    folder = load_folder(tmp_path)
    assert [r.path for r in folder.records] == ["mood.md"]
    assert ("mood 2.md", "IM306") in [(d.path, d.code) for d in folder.diagnostics]


def test_look_alike_with_another_date_is_kept_as_a_real_record(
    tmp_path: Path, write: Write
) -> None:
    write(tmp_path, "mood.md", GOOD)
    write(tmp_path, "mood 2.md", GOOD.replace("2026-11-20", "2026-11-22"))
    folder = load_folder(tmp_path)
    assert sorted(r.path for r in folder.records) == ["mood 2.md", "mood.md"]
    assert "IM306" not in [d.code for d in folder.diagnostics]


def test_folder_types_validate_records(tmp_path: Path, write: Write) -> None:
    write(
        tmp_path,
        "types/urge.yaml",
        "name: urge\ndescription: An urge log.\nfields:\n  strength:\n    kind: scale\n"
        "    min: 0\n    max: 10\n    description: How strong, 0–10.\n",
    )
    write(tmp_path, "u1.md", "---\ntype: urge\ndate: 2026-11-20\nstrength: 6\n---\n")
    write(tmp_path, "u2.md", "---\ntype: urge\ndate: 2026-11-21\nstrength: 11\n---\n")
    folder = load_folder(tmp_path)
    assert sorted(r.path for r in folder.of_type("urge")) == ["u1.md", "u2.md"]
    assert triples(folder.diagnostics) == [("u2.md", "IM205", 4, 11)]


def test_the_example_folder_is_clean() -> None:
    root = Path(__file__).parent.parent / "example-folder"
    folder = load_folder(root)
    assert folder.errors == 0
    assert folder.warnings == 0
    assert len(folder.records) > 100
