"""load_folder(): discover files → split front matter → validate against types → Folder.

One bad file never stops the run: every problem becomes a diagnostic on that file and the
loader goes on with the next one.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from interim.config import Settings, load_settings
from interim.errors import Diagnostic, Severity, diag
from interim.model import Folder, Record
from interim.types import RecordType, load_types

if TYPE_CHECKING:
    from interim.discover import Candidate
    from interim.frontmatter import Document

Progress = Callable[[int, int], None]


def load_folder(
    root: Path, *, settings: Settings | None = None, progress: Progress | None = None
) -> Folder:
    """Read and validate every record under `root`. Settings problems are among the
    diagnostics (code IM901); the caller decides whether they stop the command."""
    from interim.discover import discover
    from interim.validate import cross_check

    diagnostics: list[Diagnostic] = []
    if settings is None:
        settings, found = load_settings(root)
        diagnostics += found
    types, found = load_types(root)
    diagnostics += found
    found_files = discover(
        root, ignore=settings["files.ignore"], max_size=settings["files.max_size"]
    )
    diagnostics += found_files.diagnostics
    folder = Folder(root, [], diagnostics, settings=settings, types=types)
    reader = _Reader(types)
    total = len(found_files.files)
    copies = []
    for n, candidate in enumerate(found_files.files):
        record = reader.read(candidate, settings["files.max_size"], folder)
        if record is not None:
            folder.records.append(record)
            if candidate.copy_of is not None:
                copies.append((record, candidate.copy_of))
        if progress is not None:
            progress(n + 1, total)
    _drop_repeated_copies(folder, copies)
    folder.diagnostics += cross_check(folder.records)
    folder.diagnostics.sort(key=Diagnostic.sort_key)
    return folder


class _Reader:
    """Reads one candidate file into a record (or diagnostics)."""

    def __init__(self, types: dict[str, RecordType]) -> None:
        from interim.measures import MEASURES

        self.types = types
        self.type_names = frozenset(types)
        self.instruments = frozenset(MEASURES)

    def read(self, candidate: Candidate, max_size: int, folder: Folder) -> Record | None:
        from interim.discover import read_bytes
        from interim.frontmatter import decode, split

        rel = candidate.rel
        data = read_bytes(candidate, max_size)
        if isinstance(data, Diagnostic):
            folder.diagnostics.append(data)
            return None
        folder.files_read += 1
        text, problems = decode(data, rel)
        folder.diagnostics += problems
        if text is None:
            return None
        doc = split(text, rel)
        folder.diagnostics += doc.diagnostics
        if not doc.has_front_matter:
            folder.not_records.append(rel)
            if not doc.diagnostics:
                folder.diagnostics.append(
                    diag(
                        "IM101",
                        rel,
                        1,
                        1,
                        "no front matter: not a record (that is fine "
                        "for handouts and notes to self)",
                        "to make it a record, start it with `---`, `type: …`, `---`",
                    )
                )
            return None
        if doc.front is None:
            return None
        return self._validate(doc, rel, folder)

    def _validate(self, doc: Document, rel: str, folder: Folder) -> Record | None:
        from interim.types.kinds import Context
        from interim.validate import validate_record

        ctx = Context(rel, self.type_names, self.instruments)
        stem = PurePosixPath(rel).stem
        assert doc.front is not None
        record = validate_record(doc.front, rel, stem, self.types, ctx)
        folder.diagnostics += ctx.diagnostics
        if record is not None:
            record.body = doc.body
            record.body_line = doc.body_line
            record.has_errors = any(
                d.severity is Severity.ERROR for d in ctx.diagnostics + doc.diagnostics
            )
        return record


def _drop_repeated_copies(folder: Folder, copies: list[tuple[Record, str]]) -> None:
    """A look-alike copy (`mood 2.md`, `mood (1).md`) is left out only when it repeats the
    original's type, date and time; a real record is never dropped on a guess."""
    by_path = {r.path: r for r in folder.records}
    for record, original_path in copies:
        original = by_path.get(original_path)
        if original is None or original is record:
            continue
        if (original.type, original.date, original.time) == (record.type, record.date, record.time):
            folder.records.remove(record)
            folder.diagnostics.append(
                diag(
                    "IM306",
                    record.path,
                    1,
                    1,
                    f"this repeats {original.path} (same type, date and time): not counted",
                    "if it is a sync copy, delete it; if it is a real entry, change its time",
                )
            )
