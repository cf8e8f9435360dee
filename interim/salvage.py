"""A PHQ-9 whose front matter cannot be read still counts for the safety notice.

DESIGN §2.3: the notice lists PHQ-9s with item 9 above 0 "whatever … errors in that file".
A YAML mistake (a tab, an unquoted `: `) or a misspelt `type:` leaves no record to read, so
the file's text is searched line by line for what the notice needs: that it is a PHQ-9, its
date, its privacy and its items. When item 9 is above 0, or cannot be made out, the file
becomes an erroneous questionnaire record (shown as not scored, like any other broken form)
and the notice lists it; a clear 0 adds nothing. Nothing here decides a score.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re

from interim.errors import Diagnostic, diag
from interim.measures import PHQ9
from interim.model import Record

_PHQ9 = re.compile(r"^[ \t]*instrument[ \t]*:[ \t]*[\"']?[ \t]*phq[ \t_-]*9\b", re.I | re.M)
_DATE = re.compile(r"^[ \t]*date[ \t]*:[ \t]*[\"']?(\d{4})-(\d{1,2})-(\d{1,2})", re.M)
_PRIVATE = re.compile(r"^[ \t]*private[ \t]*:[ \t]*[\"']?(true|yes)\b", re.I | re.M)
_FLOW = re.compile(r"^[ \t]*items[ \t]*:[ \t]*\[([^\]\n]*)\]", re.M)
_BLOCK = re.compile(r"^([ \t]*)items[ \t]*:[ \t]*\n((?:[ \t]*-[^\n]*\n?)+)", re.M)


def salvage_phq9(text: str, rel: str) -> tuple[Record, Diagnostic] | None:
    """An erroneous PHQ-9 record for the safety notice, with its IM220 notice, or None when
    the text is no PHQ-9 or its item 9 is clearly 0."""
    found = _PHQ9.search(text)
    if found is None:
        return None
    items = _items(text)
    answer = items[PHQ9.items - 1] if items is not None and len(items) >= PHQ9.items else None
    if answer == 0:
        return None
    fields: dict[str, object] = {"instrument": PHQ9.key}
    if items is not None:
        fields["items"] = items
    record = Record(
        path=rel,
        type="questionnaire",
        id=posixpath.splitext(posixpath.basename(rel))[0],
        date=_date(text),
        time=None,
        fields=fields,
        private=bool(_PRIVATE.search(text)),
        has_errors=True,
        salvaged=True,
    )
    said = "not readable" if answer is None else f"answered {answer}"
    notice = diag(
        "IM220",
        rel,
        text.count("\n", 0, found.start()) + 1,
        1,
        f"this PHQ-9 cannot be read in full and item 9 is {said}: the safety notice lists it",
        "fix the errors in this file so the form can be read; if you are in danger now, call "
        "your local emergency number",
    )
    return record, notice


def _items(text: str) -> list[int | None] | None:
    flow = _FLOW.search(text)
    if flow is not None:
        parts = flow.group(1).split(",")
    else:
        block = _BLOCK.search(text)
        if block is None:
            return None
        parts = [line.strip()[1:] for line in block.group(2).splitlines() if line.strip()]
    return [_answer(p) for p in parts]


def _answer(part: str) -> int | None:
    word = part.split("#", 1)[0].strip().strip("\"'")
    return int(word) if re.fullmatch(r"[+-]?\d+", word) else None


def _date(text: str) -> dt.date | None:
    m = _DATE.search(text)
    if m is None:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
