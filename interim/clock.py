"""The wall clock, in one place: `new` dates an entry by it and `todo` and `remind` take
today from it. A module attribute, so a test sets the time with one monkeypatch."""

from __future__ import annotations

import datetime as dt


def now() -> dt.datetime:
    return dt.datetime.now()
