"""`interim remind`: the .ics file read back by three independent readers — icalendar's own
parser, python-dateutil's rrule on the RRULE, and a minimal RFC 5545 line parser written
here — and stable from one export to the next."""

from __future__ import annotations

import datetime as dt
import itertools
import shutil
import stat
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr

from interim.commands import remind
from tests.conftest import write_file

SETTINGS = """\
report_date: 2026-11-17
timezone: Europe/London
checkin:
  day: wednesday
  time: "19:30"
  reminder_minutes: 45
"""


def _record(root: Path, rel: str, **fields: object) -> None:
    lines = ["---"] + [f"{k}: {v}" for k, v in fields.items()] + ["---", ""]
    write_file(root, rel, "\n".join(lines))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "therapy"
    write_file(root, "interim.yaml", SETTINGS)
    _record(root, "sessions/2026-11-11.md", type="session", date="2026-11-11", status="held")
    _record(root, "sessions/2026-11-18.md", type="session", date="2026-11-18",
            time='"17:30"', number=7, status="planned")  # fmt: skip
    _record(root, "sessions/2026-11-25.md", type="session", date="2026-11-25", status="planned")
    _record(root, "homework/2026-11-11-walks.md", type="homework", date="2026-11-11",
            title="Secret walks", frequency="daily", due="2026-11-18")  # fmt: skip
    _record(root, "homework/2026-11-11-letter.md", type="homework", date="2026-11-11",
            title="Write the letter", frequency="once", due="2026-11-20", status="in-progress")  # fmt: skip
    _record(root, "homework/2026-11-04-done.md", type="homework", date="2026-11-04",
            title="Finished task", frequency="once", due="2026-11-11", status="done")  # fmt: skip
    return root


def _export(run_cli, folder: Path, out: Path) -> bytes:
    result = run_cli(["remind", str(folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == str(out)  # prints the path
    return out.read_bytes()


# -- a minimal RFC 5545 reader: unfold, split on ':', nest BEGIN/END ----------------------


def parse_ics(data: bytes) -> dict[str, object]:
    text = data.decode("utf-8")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")  # CRLF only (§3.1)
    physical = text.split("\r\n")
    assert physical[-1] == ""
    assert all(len(line.encode()) <= 75 for line in physical)  # folded at 75 octets
    lines: list[str] = []
    for line in physical[:-1]:
        if line[:1] in (" ", "\t"):
            lines[-1] += line[1:]  # unfold a continuation line
        else:
            lines.append(line)
    root: dict[str, object] = {"components": []}
    stack = [root]
    for line in lines:
        name_params, _, value = line.partition(":")
        assert _, f"no ':' in {line!r}"
        name, *params = name_params.split(";")
        if name == "BEGIN":
            component: dict[str, object] = {"name": value, "components": [], "props": []}
            stack[-1]["components"].append(component)  # type: ignore[union-attr]
            stack.append(component)
        elif name == "END":
            assert stack.pop()["name"] == value
        else:
            stack[-1]["props"].append((name, params, value))  # type: ignore[union-attr]
    assert len(stack) == 1
    [calendar] = root["components"]  # type: ignore[misc]
    return calendar  # type: ignore[no-any-return]


def props(component: dict[str, object]) -> dict[str, tuple[list[str], str]]:
    return {name: (params, value) for name, params, value in component["props"]}  # type: ignore[union-attr]


def events(calendar: dict[str, object]) -> list[dict[str, object]]:
    return [c for c in calendar["components"] if c["name"] == "VEVENT"]  # type: ignore[index,union-attr]


# -- tests ----------------------------------------------------------------------------------


def test_plain_rfc5545(folder: Path, run_cli, tmp_path: Path) -> None:
    calendar = parse_ics(_export(run_cli, folder, tmp_path / "r.ics"))
    top = props(calendar)
    assert calendar["name"] == "VCALENDAR" and top["VERSION"][1] == "2.0" and "PRODID" in top
    found = events(calendar)
    assert len(found) == 4  # the check-in, two open homework, the next session only
    checkin = next(e for e in found if "RRULE" in props(e))
    p = props(checkin)
    assert p["RRULE"][1] == "FREQ=WEEKLY;BYDAY=WE"
    assert p["DTSTART"] == (["TZID=Europe/London"], "20261118T193000")
    [alarm] = checkin["components"]  # type: ignore[misc]
    assert alarm["name"] == "VALARM"
    assert props(alarm)["TRIGGER"][1] == "-PT45M" and props(alarm)["ACTION"][1] == "DISPLAY"
    due = sorted(props(e)["DTSTART"][1] for e in found if props(e)["SUMMARY"][1] == "homework due")
    assert due == ["20261118", "20261120"]  # all-day events on the due dates
    assert all(
        props(e)["DTSTART"][0] == ["VALUE=DATE"]
        for e in found
        if props(e)["SUMMARY"][1] == "homework due"
    )
    session = next(e for e in found if props(e)["SUMMARY"][1] == "session")
    assert props(session)["DTSTART"] == (["TZID=Europe/London"], "20261118T173000")
    zones = [c for c in calendar["components"] if c["name"] == "VTIMEZONE"]  # type: ignore[index,union-attr]
    assert [props(z)["TZID"][1] for z in zones] == ["Europe/London"]


def test_icalendar_round_trip(folder: Path, run_cli, tmp_path: Path) -> None:
    from icalendar import Calendar

    data = _export(run_cli, folder, tmp_path / "r.ics")
    cal = Calendar.from_ical(data)
    assert cal.to_ical() == data
    vevents = cal.walk("VEVENT")
    checkin = next(e for e in vevents if "RRULE" in e)
    start = checkin.decoded("DTSTART")
    assert start == dt.datetime(2026, 11, 18, 19, 30, tzinfo=ZoneInfo("Europe/London"))
    [alarm] = checkin.walk("VALARM")
    assert alarm.decoded("TRIGGER") == -dt.timedelta(minutes=45)
    assert {
        e.decoded("DTSTART") for e in vevents if "RRULE" not in e and e["SUMMARY"] == "homework due"
    } == {
        dt.date(2026, 11, 18),
        dt.date(2026, 11, 20),
    }


def test_dateutil_reads_the_rrule_as_weekly_on_the_check_in_day(
    folder: Path, run_cli, tmp_path: Path
) -> None:
    calendar = parse_ics(_export(run_cli, folder, tmp_path / "r.ics"))
    checkin = props(next(e for e in events(calendar) if "RRULE" in props(e)))
    start = dt.datetime.strptime(checkin["DTSTART"][1], "%Y%m%dT%H%M%S")
    rule = rrulestr(checkin["RRULE"][1], dtstart=start)
    first = list(rule[:10])  # type: ignore[index]
    assert all(d.weekday() == 2 and d.time() == dt.time(19, 30) for d in first)  # Wednesdays
    assert all((b - a) == dt.timedelta(days=7) for a, b in itertools.pairwise(first))
    assert first[0] == dt.datetime(2026, 11, 18, 19, 30)


def test_exports_are_identical_and_uids_stable(folder: Path, run_cli, tmp_path: Path) -> None:
    one = _export(run_cli, folder, tmp_path / "one.ics")
    two = _export(run_cli, folder, tmp_path / "two.ics")
    assert one == two  # DTSTAMP from the report date, never the clock
    moved = tmp_path / "elsewhere" / "copy"
    shutil.copytree(folder, moved)
    three = _export(run_cli, moved, tmp_path / "three.ics")

    def uids(data: bytes) -> list[str]:
        return sorted(props(e)["UID"][1] for e in events(parse_ics(data)))

    assert uids(one) == uids(three)  # the folder's path is not in the UIDs
    assert len(set(uids(one))) == 4 and all(u.endswith("@interim") for u in uids(one))


def test_titles_are_neutral_unless_details(folder: Path, run_cli, tmp_path: Path) -> None:
    data = _export(run_cli, folder, tmp_path / "r.ics")
    assert b"Secret walks" not in data and b"Write the letter" not in data
    summaries = {props(e)["SUMMARY"][1] for e in events(parse_ics(data))}
    assert summaries == {"interim check-in", "homework due", "session"}
    write_file(folder, "interim.yaml", SETTINGS + "reminders:\n  details: true\n")
    detailed = _export(run_cli, folder, tmp_path / "d.ics")
    assert b"homework due: Secret walks" in detailed and b"therapy session 7" in detailed


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_written_owner_only_to_the_default_path(
    folder: Path, run_cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli(["remind", str(folder)])
    assert result.output.strip() == "interim-reminders.ics"
    path = tmp_path / "interim-reminders.ics"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_no_zone_name_falls_back_to_utc_honestly(
    folder: Path, run_cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_file(folder, "interim.yaml", SETTINGS.replace("timezone: Europe/London\n", ""))
    monkeypatch.setattr(remind, "_system_zone_names", lambda: [])
    result = run_cli(["remind", str(folder), "-o", str(tmp_path / "r.ics")])
    assert result.exit_code == 0
    assert "could not find this computer's time zone name" in result.output
    p = props(
        next(e for e in events(parse_ics((tmp_path / "r.ics").read_bytes())) if "RRULE" in props(e))
    )
    assert p["DTSTART"][1].endswith("Z") and not p["DTSTART"][0]  # UTC, no TZID


def test_a_bad_timezone_setting_is_a_usage_error(folder: Path, run_cli, tmp_path: Path) -> None:
    write_file(folder, "interim.yaml", SETTINGS.replace("Europe/London", "Mars/Olympus"))
    result = run_cli(["remind", str(folder), "-o", str(tmp_path / "r.ics")])
    assert result.exit_code == 2 and "Mars/Olympus" in result.output
    assert not (tmp_path / "r.ics").exists()


def test_one_event_per_day_listing_the_homework_due(folder: Path, run_cli, tmp_path: Path) -> None:
    """Issue 13: tasks due on one day are one event, with neutral words and a stable UID."""
    _record(folder, "homework/2026-11-11-more.md", type="homework", date="2026-11-11",
            title="Private thing", frequency="once", due="2026-11-18")  # fmt: skip
    data = _export(run_cli, folder, tmp_path / "r.ics")
    found = [props(e) for e in events(parse_ics(data)) if props(e)["SUMMARY"][1] == "homework due"]
    assert sorted(p["DTSTART"][1] for p in found) == ["20261118", "20261120"]
    on_18 = next(p for p in found if p["DTSTART"][1] == "20261118")
    assert on_18["DESCRIPTION"][1] == "2 tasks due: `interim todo` lists them"
    assert b"Private thing" not in data
    again = _export(run_cli, folder, tmp_path / "again.ics")
    assert again == data
    write_file(folder, "interim.yaml", SETTINGS + "reminders:\n  details: true\n")
    detailed = parse_ics(_export(run_cli, folder, tmp_path / "d.ics"))
    day = next(props(e) for e in events(detailed) if props(e)["DTSTART"][1] == "20261118")
    assert day["SUMMARY"][1] == "homework due: 2 tasks"
    assert day["UID"][1] == on_18["UID"][1]  # the day's event, whatever its words
