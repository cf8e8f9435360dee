"""The per-file reader of the pipeline (interim.folder): one candidate file's bytes → text →
front matter → record and diagnostics, the one-pass way (interim.check.flat) where it
can, the tree way (interim.load.yaml, interim.check.validate) where not, and the safety
notice's salvage (interim.load.salvage) for a file that gives no record. It never raises
on user data. Each file's result depends on that file alone (and on the types and
settings), so results can come from the per-file cache or from forked workers.
"""

from __future__ import annotations

import codecs
import posixpath
import re

from interim.check.duplicates import content_digest
from interim.check.flat import flat_record
from interim.check.validate import validate_record
from interim.diagnostics import Diagnostic, Severity, diag, escape_text
from interim.domain.measures import risk_measures
from interim.domain.model import Record
from interim.load.discover import Candidate, read_bytes
from interim.load.frontmatter import BINARY, Document, decode, plain_parts, split
from interim.load.salvage import salvage
from interim.types import RecordType, measures_of
from interim.types.kinds import Context

# What one file gave: its record (or None), its own diagnostics, "not a record", and whether
# its bytes were read (a file that could not be opened is tried again next time, not cached).
Result = tuple[Record | None, tuple[Diagnostic, ...], bool, bool]


def _copy_words(candidate: Candidate) -> str:
    what = (
        "a backup copy"
        if candidate.made_by == "a backup"
        else f"a {candidate.made_by} conflict copy"
    )
    return f"{what} of {candidate.copy_of}: not counted"


class FileReader:
    """Reads one candidate file into a Result. Never raises on user data."""

    def __init__(self, types: dict[str, RecordType], max_size: int) -> None:
        self.types = types
        self.max_size = max_size
        self.type_names = frozenset(types)
        measures = measures_of(types)
        self.instruments = frozenset(measures)
        self.risk = tuple(risk_measures(measures).values())  # what a broken form is searched for

    def read(self, candidate: Candidate) -> Result:
        rel, other = candidate.rel, candidate.kind == "other"
        data = read_bytes(candidate, self.max_size)
        if isinstance(data, Diagnostic):
            return None, () if other else (data,), False, False
        text, problems = decode(data, rel)
        if text is None:
            if other:
                return None, (), False, True
            record = self._undecodable(data, rel, problems)
            if record is not None and candidate.kind == "copy":
                record.left_out = _copy_words(candidate)
            return record, tuple(problems), False, True
        if other:
            return self._other(candidate, text)
        if template_file(rel, text):
            return None, (), False, True  # an editor's template, with {{date}} placeholders
        record, diags, not_record = self.parse(text, rel)
        if candidate.kind == "copy":  # read for the safety notice only: its own problems
            if record is not None:  # are not the folder's (IM120 says what it is)
                record.left_out = _copy_words(candidate)
            return record, (), False, True
        return record, tuple(problems + diags), not_record, True

    def _undecodable(self, data: bytes, rel: str, problems: list[Diagnostic]) -> Record | None:
        """A form in a file that is not valid text (a stray byte from a phone's editor, a
        half-synced UTF-16 file) may still hold a risk answer: searched, with the bad bytes
        replaced, for the safety notice only. Binary files are not forms."""
        if any(d.code == BINARY for d in problems):
            return None
        utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
        return salvage(data.decode("utf-16" if utf16 else "utf-8", "replace"), rel, self.risk)

    def parse(self, text: str, rel: str) -> tuple[Record | None, list[Diagnostic], bool]:
        """(record, diagnostics, not a record). A file that gives no record may still be a
        form with a risk answer: then it is salvaged for the safety notice."""
        flat = self._flat(text, rel)
        if flat is not None:
            return flat, [], False
        doc = split(text, rel)
        diags = list(doc.diagnostics)
        if not doc.has_front_matter:
            if not doc.diagnostics:
                diags.append(_not_a_record(rel))
            # A handout that names the PHQ-9 is not a form: only with items it may be one.
            near_miss = any(d.severity is Severity.ERROR for d in doc.diagnostics)
            found = salvage(text, rel, self.risk, need_items=not near_miss)
            return found, diags, found is None and not near_miss
        record = None
        if doc.front is not None:
            record, more = self._validate(doc, rel)
            diags += more
        if record is None or (record.type == "questionnaire" and not record.get("instrument")):
            salvaged = salvage(text, rel, self.risk)
            record = salvaged if salvaged is not None else record
        if record is not None and not record.salvaged:
            record.digest = content_digest(text)
        return record, diags, False

    def _flat(self, text: str, rel: str) -> Record | None:
        """The record of a plain file with a flat, clean front matter, read in one pass
        (interim.check.flat); None sends the file the tree path's way, which says why."""
        parts = plain_parts(text)
        if parts is None:
            return None
        yaml_text, body, body_line = parts
        stem = posixpath.splitext(posixpath.basename(rel))[0]
        ctx = Context(rel, self.type_names, self.instruments)
        record = flat_record(yaml_text, 1, rel, stem, self.types, ctx)
        if record is not None:
            record.body, record.body_line = body, body_line
            record.digest = content_digest(text)
        return record

    def _other(self, candidate: Candidate, text: str) -> Result:
        """A text file of another extension: reported when it looks like a record, and read
        for the safety notice; never counted."""
        rel = candidate.rel
        why = looks_like_record(rel, text)
        if why is None:
            return None, (), False, True
        record, _, _ = self.parse(text, rel)
        if record is not None:
            record.left_out = f"a {_extension(rel)} file, not read as a record: not counted"
        return record, (_other_extension(rel, why),), False, True

    def _validate(self, doc: Document, rel: str) -> tuple[Record | None, list[Diagnostic]]:
        ctx = Context(rel, self.type_names, self.instruments)
        stem = posixpath.splitext(posixpath.basename(rel))[0]
        assert doc.front is not None
        record = validate_record(doc.front, rel, stem, self.types, ctx)
        if record is not None:
            record.body = doc.body
            record.body_line = doc.body_line
            record.has_errors = any(
                d.severity is Severity.ERROR for d in ctx.diagnostics + doc.diagnostics
            )
        return record, ctx.diagnostics


_DATE_IN_NAME = re.compile(r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)")
_PLACEHOLDER = re.compile(r"\{\{[^{}\n]*\}\}")


def looks_like_record(rel: str, text: str) -> str | None:
    """Why a file of another extension looks meant as a record, or None."""
    head = text[:4096]
    if split(head, rel).has_front_matter or head.lstrip("\ufeff").startswith(("+++", "{")):
        return "it starts like a record's front matter"
    if re.search(r"""(?m)^[ \t]*["']?type["']?[ \t]*[:=]""", "\n".join(head.split("\n")[:20])):
        return "it has a `type:` line"
    if _DATE_IN_NAME.search(posixpath.basename(rel)):
        return "its name has a date"
    return None


def template_file(rel: str, text: str) -> bool:
    """A note template of an editor (Obsidian's Templates folder, say): in a folder named
    templates (any case), with `{{…}}` placeholders. Its blanks are not an entry."""
    lower = rel.lower()
    if "templates/" not in lower:  # the cheap test first: this runs for every file
        return False
    return "templates" in lower.split("/")[:-1] and _PLACEHOLDER.search(text[:8192]) is not None


def _extension(rel: str) -> str:
    name = posixpath.basename(rel)
    return (
        name[name.find(".", 1) :]
        if name.lower().endswith(".txt") and ".md" in name.lower()
        else posixpath.splitext(name)[1]
    )


def _other_extension(rel: str, why: str) -> Diagnostic:
    name = posixpath.basename(rel)
    base = name[: -len(_extension(rel))] if _extension(rel) else name
    return diag(
        "IM117",
        rel,
        1,
        1,
        f"this looks like a record ({why}), but interim reads only .md and .markdown "
        f"files: it was not read, and nothing in it is counted",
        f"if it is a record, rename it to `{escape_text(base)}.md`; otherwise move it out of the folder",
    )


def _not_a_record(rel: str) -> Diagnostic:
    if _DATE_IN_NAME.search(posixpath.basename(rel)):
        return diag(
            "IM117",
            rel,
            1,
            1,
            "this file's name has a date, as a record's does, but it has no front matter: it "
            "is not a record, and nothing in it is counted",
            "to make it a record, start it with `---`, `type: …`, `---`; if it is a note to "
            "yourself, add it to `files: ignore:` in interim.yaml",
        )
    return diag(
        "IM101",
        rel,
        1,
        1,
        "no front matter: not a record (that is fine for handouts and notes to self)",
        "to make it a record, start it with `---`, `type: …`, `---`",
    )
