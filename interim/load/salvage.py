"""A form whose front matter cannot be read still counts for the safety notice.

DESIGN §2.3: the notice lists every form with a risk answer "whatever … errors in that
file". A YAML mistake (a tab, an unquoted `: `), a misspelt `type:`, TOML (`+++`) or JSON
front matter, a blank line above `---`, a file of another extension: each leaves no record
to read, so the file's text is searched line by line for what the notice needs — which
measure with risk items it is (the built-in ones and the folder's, given by the reader), its date, its
privacy and its items, written the YAML, TOML or JSON way. When a risk answer is above 0, or
cannot be made out, the file becomes an erroneous questionnaire record (shown as not scored,
like any other broken form) and the notice lists it; clear answers add nothing. Nothing
here decides a score.
"""

from __future__ import annotations

import datetime as dt
import functools
import posixpath
import re
from collections.abc import Iterable

from interim.domain.measures import Measure, risk_answer
from interim.domain.model import Record

_KEY = r"""^[ \t]*["']?{key}["']?[ \t]*[:=][ \t]*"""
_DATE = re.compile(_KEY.format(key="date") + r"""["']?(\d{4})-(\d{1,2})-(\d{1,2})""", re.M)
_PRIVATE = re.compile(_KEY.format(key="private") + r"""["']?(true|yes)\b""", re.I | re.M)
_FLOW = re.compile(_KEY.format(key="items") + r"\[([^\]]*)\]", re.M)
_BLOCK = re.compile(r"^([ \t]*)items[ \t]*:[ \t]*\n((?:[ \t]*-[^\n]*\n?)+)", re.M)


@functools.cache
def _instrument(measure: Measure) -> re.Pattern[str]:
    """`instrument: PHQ-9`, `instrument = "phq 9"`, `"instrument": "phq_9"`: the measure's
    name with any separator (or none) between its letters and its digits."""
    parts = re.findall(r"[a-z]+|\d+", measure.name.lower())
    name = r"[ \t_.-]*".join(re.escape(p) for p in parts)
    return re.compile(
        _KEY.format(key="instrument") + r"""["']?[ \t]*""" + name + r"\b", re.I | re.M
    )


def salvage(
    text: str, rel: str, measures: Iterable[Measure], *, need_items: bool = False
) -> Record | None:
    """An erroneous questionnaire record for the safety notice, or None when the text is no
    form of a measure with risk items, or its risk answers are clearly 0. `need_items`: only
    when its items can be found (for a file with no front matter at all: a handout that
    names the PHQ-9 is not a form). `measures`: those with risk items."""
    for measure in measures:
        found = _instrument(measure).search(text)
        if found is None:
            continue
        items, items_at = _items(text)
        if items is None and need_items:
            return None
        if not any(risk_answer(item, items)[0] for item in measure.risk_items):
            return None
        line = text.count("\n", 0, items_at if items_at is not None else found.start()) + 1
        return _record(text, rel, measure, items, line)
    return None


def _record(text: str, rel: str, measure: Measure, items: list[object] | None, line: int) -> Record:
    fields: dict[str, object] = {"instrument": measure.key}
    if items is not None:
        fields["items"] = items
    return Record(
        path=rel,
        type="questionnaire",
        id=posixpath.splitext(posixpath.basename(rel))[0],
        date=_date(text),
        time=None,
        fields=fields,
        private=bool(_PRIVATE.search(text)),
        positions={"items": (line, 1)},
        has_errors=True,
        salvaged=True,
    )


def _items(text: str) -> tuple[list[object] | None, int | None]:
    """The answers, and where they were found."""
    flow = _FLOW.search(text)
    if flow is not None:
        return [_answer(p) for p in flow.group(1).split(",")], flow.start()
    block = _BLOCK.search(text)
    if block is None:
        return None, None
    parts = [line.strip()[1:] for line in block.group(2).splitlines() if line.strip()]
    return [_answer(p) for p in parts], block.start()


def _answer(part: str) -> object:
    """A whole number, None for an empty answer, or the text as written."""
    word = part.split("#", 1)[0].strip().strip("\"'").strip()
    if re.fullmatch(r"[+-]?\d+", word):
        return int(word)
    return None if word.lower() in ("", "null", "~", "none") else word


def _date(text: str) -> dt.date | None:
    m = _DATE.search(text)
    if m is None:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
