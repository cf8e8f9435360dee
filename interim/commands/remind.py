"""`interim remind`: an iCalendar file (RFC 5545) with the weekly self-guided check-in as a
repeating event with an alarm, one all-day event per day that open homework is due (listing
it), and the next planned session.

Calendars sync to the cloud, so titles are neutral unless `reminders.details` is true. UIDs
come from the records' ids and the due dates (never the folder's path), so importing again
updates the events instead of duplicating them; DTSTAMP comes from the report date, never the clock, so two
exports on one day are byte-identical."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Alarm, Calendar, Event

from interim import __version__
from interim.atomic import save
from interim.domain.model import Folder
from interim.errors import InterimError
from interim.settings import WEEKDAYS, Settings
from interim.settings.model import CheckinSettings
from interim.summary.queries import next_session, open_homework

DEFAULT_OUTPUT = "interim-reminders.ics"
_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_CHECKIN_MINUTES = 15
# A session's length is not recorded; fifty minutes is the usual therapy hour.
_SESSION_MINUTES = 50


@dataclass
class Zone:
    tzinfo: dt.tzinfo
    name: str | None  # the IANA name; None when only the UTC offset is known
    notes: list[str] = field(default_factory=list)


def local_zone(setting: str) -> Zone:
    """The settings' `timezone`, else this computer's IANA zone (TZ, /etc/localtime). When
    no name can be found (Windows without tzdata names), the current UTC offset is used and
    said so: a weekly event then keeps its UTC time across a daylight-saving change."""
    if setting.strip():
        try:
            return Zone(ZoneInfo(setting.strip()), setting.strip())
        except (ZoneInfoNotFoundError, ValueError):
            raise InterimError(
                f"`timezone: {setting}` in interim.yaml is not a time zone name; "
                "write one like Europe/London or America/New_York"
            ) from None
    for key in _system_zone_names():
        try:
            return Zone(ZoneInfo(key), key)
        except (ZoneInfoNotFoundError, ValueError):
            continue
    offset = dt.datetime.now().astimezone().utcoffset() or dt.timedelta(0)
    note = (
        "interim could not find this computer's time zone name, so times are written in "
        "UTC from the current offset; set `timezone:` in interim.yaml (e.g. Europe/London)"
    )
    return Zone(dt.timezone(offset), None, [note])


def _system_zone_names() -> list[str]:
    names = []
    tz = os.environ.get("TZ", "").lstrip(":")
    if tz and "/" in tz and not tz.startswith("/"):
        names.append(tz)
    try:
        target = os.path.realpath("/etc/localtime")
    except OSError:
        target = ""
    if "zoneinfo/" in target:
        names.append(target.split("zoneinfo/", 1)[1])
    return names


def build_calendar(folder: Folder, today: dt.date) -> tuple[bytes, list[str]]:
    """The calendar's bytes, and notes for the person (a time zone fallback)."""
    settings = folder.settings or Settings()
    zone = local_zone(settings.timezone)
    cal = Calendar()
    cal.add("prodid", f"-//interim//interim {__version__}//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    stamp = dt.datetime.combine(today, dt.time(0), tzinfo=dt.timezone.utc)
    details = settings.reminders.details
    cal.add_component(_checkin(settings.checkin, zone, today, stamp))
    for event in _homework_events(folder, stamp, details):
        cal.add_component(event)
    session = _session_event(folder, today, zone, stamp, details)
    if session is not None:
        cal.add_component(session)
    _add_timezones(cal, zone, today)
    return cal.to_ical(), zone.notes


def uid(record_id: str, kind: str) -> str:
    """Stable across exports and machines: the same record gives the same event."""
    digest = hashlib.sha256(f"{kind}\0{record_id}".encode()).hexdigest()[:32]
    return f"{digest}@interim"


def _at(day: dt.date, time: dt.time, zone: Zone) -> dt.datetime:
    moment = dt.datetime.combine(day, time, tzinfo=zone.tzinfo)
    return moment if zone.name else moment.astimezone(dt.timezone.utc)


def _event(kind: str, record_id: str, summary: str, stamp: dt.datetime) -> Any:
    event = Event()
    event.add("uid", uid(record_id, kind))
    event.add("dtstamp", stamp)
    event.add("summary", summary)
    return event


def _checkin(checkin: CheckinSettings, zone: Zone, today: dt.date, stamp: dt.datetime) -> Any:
    """Weekly on the check-in day, from the next one on or after today, with an alarm."""
    weekday = WEEKDAYS.index(checkin.day)
    first = today + dt.timedelta(days=(weekday - today.weekday()) % 7)
    event = _event("checkin", "weekly-checkin", "interim check-in", stamp)
    event.add("dtstart", _at(first, checkin.time, zone))
    event.add("duration", dt.timedelta(minutes=_CHECKIN_MINUTES))
    event.add("rrule", {"freq": "weekly", "byday": _BYDAY[weekday]})
    event.add("description", "Weekly self-guided check-in: interim new checkin")
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", "interim check-in")
    alarm.add("trigger", -dt.timedelta(minutes=checkin.reminder_minutes))
    event.add_component(alarm)
    return event


def _homework_events(folder: Folder, stamp: dt.datetime, details: bool) -> list[Any]:
    """One all-day event per due date, listing every open homework due that day (issue 13:
    six tasks due on the session day were six identical "homework due" events). Its UID
    comes from the date, so importing again updates that day's event."""
    by_day: dict[dt.date, list[str]] = {}
    for hw in open_homework(folder.records):
        due = hw.get("due")
        if isinstance(due, dt.date):
            by_day.setdefault(due, []).append(str(hw.get("title") or hw.id))
    events = []
    for due, titles in sorted(by_day.items()):
        count = f"{len(titles)} task{'' if len(titles) == 1 else 's'}"
        if details:
            title = f"homework due: {titles[0]}" if len(titles) == 1 else f"homework due: {count}"
            description = "\n".join(f"- {t}" for t in titles)
        else:  # calendars sync to the cloud: no task names unless `reminders.details`
            title = "homework due"
            description = f"{count} due: `interim todo` lists them"
        event = _event("homework-due-day", due.isoformat(), title, stamp)
        event.add("dtstart", due)  # a date: an all-day event
        event.add("dtend", due + dt.timedelta(days=1))
        event.add("description", description)
        events.append(event)
    return events


def _session_event(
    folder: Folder, today: dt.date, zone: Zone, stamp: dt.datetime, details: bool
) -> Any:
    session = next_session(folder, today)
    if session is None:
        return None
    ids = {r.path: r.id for r in folder.records}
    record_id = ids.get(session.path, Path(session.path).stem)
    title = f"therapy session {session.number or ''}".strip() if details else "session"
    event = _event("session", record_id, title, stamp)
    if session.time is None:
        event.add("dtstart", session.date)
        event.add("dtend", session.date + dt.timedelta(days=1))
    else:
        start = _at(session.date, session.time, zone)
        event.add("dtstart", start)
        event.add("dtend", start + dt.timedelta(minutes=_SESSION_MINUTES))
    return event


def _add_timezones(cal: Any, zone: Zone, today: dt.date) -> None:
    """A VTIMEZONE for every TZID used (RFC 5545 requires one), from the year before today
    to ten years on: fixed bounds, so the same day gives the same bytes."""
    add = getattr(cal, "add_missing_timezones", None)  # icalendar 6.1 and later
    if zone.name is None or add is None:
        return
    add(first_date=dt.date(today.year - 1, 1, 1), last_date=dt.date(today.year + 10, 1, 1))


def write_calendar(path: Path, data: bytes) -> Path:
    return save(path, data)
