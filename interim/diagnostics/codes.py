"""The registry of diagnostic codes.

Codes are stable: IM1xx files and YAML, IM2xx fields, IM3xx across records, IM9xx settings,
types and templates. Each has a name, a severity and a one-line summary here; its explanation
and bad/good examples live in `interim.diagnostics.explain` (kept apart so `diag()` stays
light), and `docs/diagnostics.md` is generated from both (`python -m
interim.diagnostics.docgen`; a test fails when they drift apart).
"""

from __future__ import annotations

from dataclasses import dataclass

from interim.diagnostics.severity import Severity

E, W, N = Severity.ERROR, Severity.WARNING, Severity.INFO  # N: a notice


@dataclass(frozen=True)
class Code:
    code: str
    name: str
    severity: Severity
    summary: str


_TABLE: list[tuple[str, str, Severity, str]] = [
    # -- IM1xx: files, encodings, front matter and YAML ---------------------------------
    ("IM100", "unreadable-file", E, "The file could not be read (permissions, I/O error)."),
    ("IM101", "not-a-record", N, "A Markdown file without front matter is not a record."),
    ("IM102", "not-utf8", E, "The file has bytes that are not valid UTF-8."),
    ("IM103", "utf16-file", W, "The file is saved as UTF-16; interim read it, but UTF-8 is safer."),
    ("IM104", "front-matter-not-closed", E, "The front matter opens with `---` but never closes."),
    ("IM105", "front-matter-near-miss", E, "Something looks like front matter but is not quite."),
    ("IM106", "conflict-markers", E, "The file holds git merge conflict markers."),
    ("IM107", "yaml-syntax", E, "The front matter is not valid YAML."),
    ("IM108", "duplicate-key", E, "The same key appears twice in one mapping."),
    ("IM109", "yaml-anchor", E, "YAML anchors and aliases (`&name`, `*name`) are not allowed."),
    ("IM110", "yaml-tag", E, "YAML tags (`!!python/object`, `!!str`) are not allowed."),
    ("IM111", "front-matter-too-complex", E, "The front matter is too large or nested too deep."),
    ("IM112", "file-too-large", E, "The file is larger than the size cap and was not read."),
    ("IM113", "front-matter-not-mapping", E, "The front matter must be `key: value` lines."),
    ("IM114", "binary-file", E, "The file holds binary data, not text."),
    ("IM115", "special-file", W, "Not a regular file (a pipe, socket or device): not opened."),
    ("IM116", "symlink-not-followed", W, "Symbolic links are not followed."),
    ("IM117", "looks-like-record", W, "Looks meant as a record but is not one: not counted."),
    (
        "IM118",
        "smart-dash-delimiters",
        W,
        "Front matter lines of other dashes (`—`): read, with a warning.",
    ),
    ("IM119", "extra-byte-order-mark", W, "More than one byte-order mark: read, with a warning."),
    ("IM120", "conflict-copy", W, "A sync conflict or backup copy: not counted as a record."),
    ("IM121", "possible-conflict-copy", W, "This name looks like a copy of another file."),
    ("IM122", "cloud-placeholder", W, "A cloud placeholder: the file is not downloaded yet."),
    ("IM123", "name-collision", W, "Two names differ only in case or Unicode form."),
    ("IM124", "non-portable-name", W, "Windows cannot hold this file name."),
    # Until 0.2: `files.ignore` changed to git's rules in 0.1 (interim.load.ignore).
    ("IM125", "ignore-rules-changed", W, "Git's ignore rules now count or leave out this file."),
    # -- IM2xx: fields --------------------------------------------------------------------
    ("IM200", "unknown-type", E, "The `type:` is not a built-in or folder type."),
    ("IM201", "missing-field", E, "A required field is missing."),
    ("IM202", "empty-field", W, "A field is present but not filled in yet."),
    ("IM203", "unknown-field", W, "A field that the record's type does not define."),
    ("IM204", "wrong-kind", E, "The value is not of the field's kind (number, text, list...)."),
    ("IM205", "out-of-range", E, "A number is outside the field's range."),
    ("IM206", "invalid-date", E, "Not a real date in the form YYYY-MM-DD."),
    ("IM207", "invalid-time", E, "Not a time of day such as 23:30 or 11:30 pm."),
    ("IM208", "invalid-choice", E, "The value is not one of the field's choices."),
    ("IM209", "invalid-boolean", E, "Expected true or false (or yes / no)."),
    ("IM210", "sleep-night-too-long", W, "A night with more than 16 hours in bed: likely a typo."),
    ("IM211", "sleep-minutes-exceed-night", E, "Minutes awake exceed the time in bed."),
    ("IM212", "due-before-assigned", E, "A homework is due before it was assigned."),
    ("IM213", "total-mismatch", E, "A questionnaire's `total` is not the sum of its items."),
    ("IM214", "wrong-item-count", E, "A questionnaire has the wrong number of items."),
    ("IM215", "unknown-instrument", E, "The questionnaire's instrument is not known."),
    ("IM216", "invalid-frequency", E, "A homework frequency interim cannot count."),
    ("IM217", "unknown-thinking-trap", W, "A thinking trap that is not one of Burns' ten."),
    ("IM218", "invalid-track", E, "A homework's `track:` names no type interim knows."),
    ("IM219", "incomplete-questionnaire", W, "Some questionnaire items are not answered."),
    (
        "IM220",
        "safety-notice",
        N,
        "A risk answer (PHQ-9 item 9 above 0): the safety notice lists it.",
    ),
    ("IM221", "invalid-id", E, "An `id` must be text that can name a file."),
    ("IM222", "list-written-as-text", W, "A list field holds one line of text with commas in it."),
    ("IM223", "text-cut-by-comment", W, "Text after ` #` was dropped as a YAML comment."),
    ("IM224", "several-labels-in-one", W, "An item of a list of labels holds a comma."),
    ("IM225", "implausible-date", W, "A date before 1900 or over a year after the report date."),
    # -- IM3xx: across records ------------------------------------------------------------
    ("IM301", "duplicate-id", E, "Two records share one id."),
    ("IM302", "duplicate-sleep-night", W, "Two sleep diaries for one night: counted once."),
    ("IM303", "duplicate-session-number", E, "Two sessions share one number."),
    ("IM304", "unknown-homework", E, "A `homework:` link names no homework that exists."),
    ("IM305", "unknown-goal", W, "A check-in rates a goal that does not exist."),
    ("IM306", "duplicate-record", W, "Two files hold the same entry: counted once."),
    # -- IM9xx: settings, types and templates ---------------------------------------------
    ("IM901", "settings-invalid", E, "`interim.yaml` is not valid."),
    ("IM902", "settings-unknown-key", W, "`interim.yaml` has a key interim does not know."),
    ("IM910", "type-invalid", E, "A folder type in `types/` is not valid."),
    ("IM911", "type-shadows-builtin", W, "A folder type replaces a built-in type."),
    ("IM912", "measure-invalid", E, "A folder measure in `types/` is not valid: it is not used."),
    ("IM913", "measure-shadows-builtin", W, "A folder measure replaces a built-in measure."),
    ("IM920", "template-error", E, "A report template could not be used."),
    (
        "IM921",
        "template-style-ignored",
        W,
        "A report template writes its own style; browsers ignore it.",
    ),
]

CODES: dict[str, Code] = {
    code: Code(code, name, sev, summary) for code, name, sev, summary in _TABLE
}
