"""`interim caseload` (issue 15): which folders are clients, one row per client from its own
report's numbers, the exit codes, and one client's trouble being one row, never the end of
the run. The page's freedom from free text is tests/test_caseload_privacy.py; its Markdown
golden file tests/test_caseload_golden.py; the safety section in Chromium
tests/test_browser_caseload.py."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from caseload_support import DAY, UNTIL, demo_caseload, make_client, phq9_items
from click.testing import Result

from interim.commands.clients import NO_SETTINGS
from interim.summary.data import MONTHS

Run = Callable[..., Result]
D = DAY.toordinal()


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    return demo_caseload(tmp_path / "clients")


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages)


def page(run_cli: Run, *args: str | Path, code: int | None = None) -> dict[str, Any]:
    result = run_cli(["caseload", *map(str, args), "--until", UNTIL, "--format", "json", "-o", "-"])
    if code is not None:
        assert result.exit_code == code, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def row(data: dict[str, Any], name: str) -> dict[str, Any]:
    return next(c for c in data["clients"] if c["name"] == name)


# -- the demo of the issue ------------------------------------------------------------------


def test_demo_page(run_cli: Run, demo: Path) -> None:
    data = page(run_cli, demo, code=1)  # Bo's interim.yaml is broken
    assert next(iter(data)) == "safety"
    assert [
        (e["client"], e["date"], e["label"], e["answer"]) for e in data["safety"]["entries"]
    ] == [("Alex K.", "2026-11-16", "PHQ-9 item 9", 2)]
    names = [c["name"] for c in data["clients"]]
    assert names[0] == "Alex K."  # the risk answer on top
    assert names[-1] == "Bo L."  # no next session known: last
    assert data["with_errors"] == ["Bo L."]
    assert "interim.yaml has errors" in row(data, "Bo L.")["error"]
    assert row(data, "Cy M.")["days_since_entry"] == 21
    assert row(data, "Cy M.")["last_entry"] == "2026-10-27"
    assert row(data, "Dee P.")["reliable"] == "reliable deterioration"
    assert row(data, "Dee P.")["scores"][0]["change"] == 9
    assert row(data, "Sam R.")["reliable"] == "reliable improvement"
    assert "health data of 5 people" in data["health_data"]
    for name in ("Alex K.", "Cy M.", "Dee P.", "Sam R."):
        assert row(data, name)["error"] is None
        assert row(data, name)["next_session"] == {"date": "2026-11-18", "time": "17:30"}


def test_exit_0_when_every_client_is_read(run_cli: Run, demo: Path) -> None:
    data = page(run_cli, demo / "alex", demo / "sam", code=0)
    assert data["with_errors"] == []


@pytest.mark.parametrize(
    "args",
    [
        [],  # no DIR
        ["--until", "17-11-2026", "."],
        ["--nonsense", "."],
        ["--format", "md", "-o", "page.html", "."],  # a format its extension contradicts
        ["does-not-exist"],
    ],
)
def test_usage_errors_exit_2(
    run_cli: Run, args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_client(tmp_path / "c", "C")
    monkeypatch.chdir(tmp_path / "c")
    assert run_cli(["caseload", *args]).exit_code == 2


# -- robust across clients ------------------------------------------------------------------


def test_broken_settings_is_one_row_and_its_risk_answers_stay(run_cli: Run, tmp_path: Path) -> None:
    make_client(tmp_path / "ok", "Ok")
    make_client(
        tmp_path / "broken",
        "Broken",
        settings='name: "Broken"\nsleep:\n  efficiency_target: 300\n',
        phq9=((DAY, 10, 1),),
    )
    data = page(run_cli, tmp_path, code=1)
    broken = row(data, "Broken")
    assert broken["error"].startswith("interim.yaml has errors: line 3:")
    assert broken["homework"] == [] and broken["scores"] == []  # numbers not shown
    assert [e["client"] for e in data["safety"]["entries"]] == ["Broken"]
    assert row(data, "Ok")["error"] is None and data["with_errors"] == ["Broken"]


def test_settings_from_a_newer_interim_is_one_row(run_cli: Run, tmp_path: Path) -> None:
    make_client(tmp_path / "new", "New", settings='name: "New"\nsafety_plan: "on file"\n')
    make_client(tmp_path / "ok", "Ok")
    result = run_cli(["caseload", str(tmp_path), "--until", UNTIL, "--format", "json", "-o", "-"])
    assert result.exit_code == 1
    assert "interim: 1 client has an error: New (see their rows on the page)." in result.stderr
    data = json.loads(result.stdout)
    error = row(data, "New")["error"]
    assert "`safety_plan` is not an interim setting" in error and "newer interim" in error
    assert data["with_errors"] == ["New"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a folder whatever its mode")
def test_unreadable_folder_is_one_row(run_cli: Run, tmp_path: Path) -> None:
    make_client(tmp_path / "ok", "Ok")
    locked = make_client(tmp_path / "locked", "Locked")
    locked.chmod(0)
    try:
        data = page(run_cli, tmp_path, code=1)
    finally:
        locked.chmod(stat.S_IRWXU)
    assert row(data, "locked")["error"] == "cannot read this folder: permission denied"
    assert row(data, "Ok")["error"] is None


def test_unreadable_folder_is_one_row_whoever_runs_it(
    run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same, for a run as root (CI containers), where the folder's mode is no bar: the
    system's answer is what decides, so it is made to say no."""
    import interim.commands.clients as clients

    make_client(tmp_path / "ok", "Ok")
    locked = make_client(tmp_path / "locked", "Locked")
    real = os.access
    monkeypatch.setattr(clients.os, "access", lambda p, m: Path(p) != locked and real(p, m))
    data = page(run_cli, tmp_path, code=1)
    assert row(data, "locked")["error"] == "cannot read this folder: permission denied"
    assert row(data, "locked")["safety"] == [] and row(data, "Ok")["error"] is None
    # Nobody is listed, but the section may not say "no client has a risk answer".
    assert data["safety"]["none"] == "No other client has a risk answer in their safety window."
    assert data["safety"]["unread"].startswith("Not read for risk answers: locked.")
    for fmt in ("html", "md", "pdf", "csv"):
        args = ["caseload", str(tmp_path), "--until", UNTIL, "--format", fmt, "-o", "-"]
        out = run_cli(args).stdout_bytes
        text = out.decode("utf-8") if fmt != "pdf" else pdf_text(out)
        assert "No client has a risk answer" not in text, fmt
        assert (
            "not read: see the error row" if fmt == "csv" else "Not read for risk answers"
        ) in text


def test_a_bug_met_in_one_client_is_that_clients_row(
    run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import interim.commands.caseload as command

    make_client(tmp_path / "ok", "Ok", phq9=((DAY, 9, 1),))
    make_client(tmp_path / "odd", "Odd")
    real = command.build_report

    def build(folder: Any, *args: Any, **kwargs: Any) -> Any:
        if folder.root.name == "odd":
            raise KeyError("text from a record")
        return real(folder, *args, **kwargs)

    monkeypatch.setattr(command, "build_report", build)
    data = page(run_cli, tmp_path, code=1)
    error = row(data, "odd")["error"]
    assert error.startswith("internal error (KeyError): a bug in interim")
    assert "text from a record" not in json.dumps(data)
    assert [e["client"] for e in data["safety"]["entries"]] == ["Ok"]
    assert data["safety"]["unread"].startswith("Not read for risk answers: odd.")


def test_every_client_read_says_no_client_when_none(run_cli: Run, tmp_path: Path) -> None:
    make_client(tmp_path / "ok", "Ok")
    data = page(run_cli, tmp_path, code=0)
    assert data["safety"]["none"] == "No client has a risk answer in their safety window."
    assert data["safety"]["unread"] is None


def test_risk_answers_keep_interims_own_notes(run_cli: Run, tmp_path: Path) -> None:
    """A form dated after the report date says to check the year, as the client's own notice
    does; a path (a copy's note names one) never reaches the page."""
    ahead = DAY + dt.timedelta(days=400)
    make_client(tmp_path / "a", "A", phq9=((ahead, 12, 2),))
    data = page(run_cli, tmp_path, code=0)
    (entry,) = data["safety"]["entries"]
    assert entry["note"] == "dated after the report date: check the year"


def test_clients_with_one_name_are_told_apart(run_cli: Run, tmp_path: Path) -> None:
    make_client(tmp_path / "jo-a", "Jo", phq9=((DAY, 12, 2),))
    make_client(tmp_path / "jo-b", "Jo", phq9=((DAY, 12, 1),))
    data = page(run_cli, tmp_path, code=0)
    assert sorted(e["client"] for e in data["safety"]["entries"]) == ["Jo (jo-a)", "Jo (jo-b)"]
    assert sorted(c["name"] for c in data["clients"]) == ["Jo (jo-a)", "Jo (jo-b)"]


def test_a_dir_without_settings_is_a_client_with_a_note(run_cli: Run, tmp_path: Path) -> None:
    client = make_client(tmp_path / "plain", "Plain")
    (client / "interim.yaml").unlink()
    result = run_cli(["caseload", str(client), "--until", UNTIL, "--format", "json", "-o", "-"])
    assert result.exit_code == 0
    assert row(json.loads(result.stdout), "plain")["notes"] == [NO_SETTINGS]
    assert f"interim: warning: {client}: {NO_SETTINGS}" in result.stderr


def test_parent_lists_sub_folders_without_settings_as_skipped(run_cli: Run, tmp_path: Path) -> None:
    make_client(tmp_path / "a", "A")
    make_client(tmp_path / "b", "B")
    (tmp_path / "handouts").mkdir()
    (tmp_path / ".git").mkdir()  # hidden: passed over
    data = page(run_cli, tmp_path, code=0)
    assert sorted(c["name"] for c in data["clients"]) == ["A", "B"]
    assert [s["folder"] for s in data["skipped"]] == [str(tmp_path / "handouts")]


@pytest.mark.parametrize("fmt", ["html", "md", "csv", "pdf"])
def test_every_format_names_the_skipped_folders(run_cli: Run, tmp_path: Path, fmt: str) -> None:
    make_client(tmp_path / "a", "A")
    (tmp_path / "handouts").mkdir()
    args = ["caseload", str(tmp_path), "--until", UNTIL, "--format", fmt, "-o", "-"]
    data = run_cli(args).stdout_bytes
    if fmt == "pdf":
        from pypdf import PdfReader

        text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
        text = "".join(text.split())  # the PDF breaks long paths across lines
        assert "handouts:nointerim.yamlinit" in text
        return
    text = data.decode("utf-8")
    assert "handouts" in text and "not a client" in text


def test_symlinked_sub_folder_is_not_followed(run_cli: Run, tmp_path: Path) -> None:
    make_client(tmp_path / "clients" / "a", "A")
    elsewhere = make_client(tmp_path / "elsewhere", "Elsewhere", phq9=((DAY, 12, 3),))
    (tmp_path / "clients" / "link").symlink_to(elsewhere, target_is_directory=True)
    data = page(run_cli, tmp_path / "clients", code=0)
    assert [c["name"] for c in data["clients"]] == ["A"]
    assert data["skipped"] == [
        {"folder": str(tmp_path / "clients" / "link"), "reason": "a symbolic link: not followed"}
    ]
    assert data["safety"]["entries"] == []


@pytest.mark.parametrize("layout", ["links", "nested"])
def test_a_folder_of_clients_out_of_reach_is_refused(
    run_cli: Run, tmp_path: Path, layout: str
) -> None:
    """A DIR with no settings whose clients are behind links or one level deeper is not one
    client: read as one, its clients' risk answers would be credited to a made-up client."""
    risky = make_client(tmp_path / "real" / "alex", "Alex", phq9=((DAY, 12, 2),))
    named = tmp_path / "named"
    if layout == "links":
        named.mkdir()
        (named / "alex").symlink_to(risky, target_is_directory=True)
        expected = "alex (a link)"
    else:
        make_client(named / "team" / "sam", "Sam")
        expected = "team/sam"
    result = run_cli(["caseload", str(named), "--until", UNTIL, "-o", "-"])
    assert result.exit_code == 2, result.output
    assert "is not a client's folder" in result.stderr and expected in result.stderr
    assert result.stdout == ""


def test_a_client_named_twice_is_one_row(run_cli: Run, demo: Path) -> None:
    data = page(run_cli, demo / "alex", demo / "alex" / ".", code=0)
    assert [c["name"] for c in data["clients"]] == ["Alex K."]


# -- outputs ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "where",
    [
        ["-o", "clients/alex/caseload.html"],
        ["-o", "clients/alex"],
        ["-o", "clients/alex/new/sub/page.md"],
        ["--reports", "clients/sam/reports"],
        ["--reports", "clients/sam"],
    ],
)
def test_outputs_inside_a_client_folder_are_refused(
    run_cli: Run, demo: Path, where: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(demo.parent)
    before = sorted(p for p in demo.rglob("*"))
    result = run_cli(["caseload", "clients", "--until", UNTIL, *where])
    assert result.exit_code == 2
    assert "inside the client folder" in result.stderr
    assert sorted(p for p in demo.rglob("*")) == before


def test_outputs_inside_any_folder_with_settings_are_refused(
    run_cli: Run, demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not only this run's clients: a client left out of the run, or reached by a link, is
    a client all the same — the default output included."""
    (tmp_path / "link").symlink_to(demo / "sam", target_is_directory=True)
    for where in (demo / "dee" / "page.html", tmp_path / "link" / "records" / "page.html"):
        result = run_cli(["caseload", str(demo / "alex"), "--until", UNTIL, "-o", str(where)])
        assert result.exit_code == 2 and "inside the client folder" in result.stderr, where
        assert not where.exists()
    monkeypatch.chdir(demo / "dee" / "records")
    result = run_cli(["caseload", str(demo / "alex"), "--until", UNTIL])
    assert result.exit_code == 2 and "inside the client folder" in result.stderr
    assert not list((demo / "dee").rglob("interim-caseload-*"))


def test_the_page_never_overwrites_a_clients_report(
    run_cli: Run, demo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    args = ["caseload", str(demo / "alex"), "--until", UNTIL, "--reports", str(out)]
    result = run_cli([*args, "-o", str(out / "alex.html")])
    assert result.exit_code == 2 and "report is written to" in result.stderr
    assert not (out / "alex.html").exists()
    result = run_cli([*args, "-o", str(out / "caseload.html")])
    assert result.exit_code == 0, result.output


def test_default_output_is_here_and_refused_inside_a_client(
    run_cli: Run, demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(demo / "alex" / "records")
    result = run_cli(["caseload", str(demo / "alex"), "--until", UNTIL])
    assert result.exit_code == 2 and "inside the client folder" in result.stderr
    monkeypatch.chdir(demo.parent)
    result = run_cli(["caseload", str(demo / "alex"), "--until", UNTIL])
    assert result.exit_code == 0, result.output
    written = demo.parent / f"interim-caseload-{UNTIL}.html"
    assert result.stdout.strip() == str(written)
    assert stat.S_IMODE(written.stat().st_mode) == 0o600


def test_reports_are_the_clients_own_and_linked(run_cli: Run, demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "clinic"
    result = run_cli(
        [
            "caseload",
            str(demo),
            "--until",
            UNTIL,
            "--format",
            "md",
            "--reports",
            str(out / "r"),
            "-o",
            str(out / "page.md"),
        ]
    )
    assert result.exit_code == 1  # Bo
    files = sorted(out.joinpath("r").iterdir())
    assert len(files) == 4  # every client but Bo, whose settings are broken
    text = (out / "page.md").read_text(encoding="utf-8")
    for f in files:
        assert stat.S_IMODE(f.stat().st_mode) == 0o600
        assert f"(r/{f.name})" in text
    assert [f.name for f in files] == ["alex.md", "cy.md", "dee.md", "sam.md"]
    sam = out / "r" / "sam.md"
    own = run_cli(["report", str(demo / "sam"), "--until", UNTIL, "--format", "md", "-o", "-"])
    assert sam.read_bytes() == own.stdout_bytes


def test_report_names_never_collide(run_cli: Run, tmp_path: Path) -> None:
    make_client(tmp_path / "a" / "Sam R", "Sam one")
    make_client(tmp_path / "b" / "sam-r", "Sam two")
    make_client(tmp_path / "c" / "sam_r", "Sam three")
    out = tmp_path / "out"
    args = ["caseload", str(tmp_path / "a"), str(tmp_path / "b"), str(tmp_path / "c")]
    result = run_cli([*args, "--until", UNTIL, "--reports", str(out), "-o", str(out / "p.json")])
    assert result.exit_code == 0, result.output
    assert sorted(f.name for f in out.iterdir()) == [
        "p.json",
        "sam-r-2.json",
        "sam-r-3.json",
        "sam-r.json",
    ]
    data = json.loads((out / "p.json").read_text(encoding="utf-8"))
    assert sorted(c["report"] for c in data["clients"]) == [
        "sam-r-2.json",
        "sam-r-3.json",
        "sam-r.json",
    ]


def test_client_templates_are_never_used(run_cli: Run, demo: Path, tmp_path: Path) -> None:
    for name in ("report.md.j2", "report.html.j2"):
        path = demo / "alex" / "templates" / name
        path.parent.mkdir(exist_ok=True)
        path.write_text("CLIENT-TEMPLATE-RAN {{ 7 * 6 }}\n", encoding="utf-8")
    (demo / "alex" / "templates" / "report.css").write_text("h1{color:red}", encoding="utf-8")
    for fmt in ("md", "html"):
        out = tmp_path / fmt
        run_cli(
            [
                "caseload",
                str(demo),
                "--until",
                UNTIL,
                "--format",
                fmt,
                "--reports",
                str(out),
                "-o",
                str(out / f"page.{fmt}"),
            ]
        )
        for f in out.iterdir():
            text = f.read_text(encoding="utf-8")
            assert "CLIENT-TEMPLATE-RAN" not in text
            assert "color:red" not in text


# -- the same numbers as the client's own report ----------------------------------------------


@pytest.mark.parametrize("client", ["sam", "alex", "cy", "dee"])
def test_row_is_what_the_clients_report_says(run_cli: Run, demo: Path, client: str) -> None:
    data = page(run_cli, demo)
    own = json.loads(
        run_cli(
            ["report", str(demo / client), "--until", UNTIL, "--format", "json", "-o", "-"]
        ).stdout
    )
    mine = next(c for c in data["clients"] if c["folder"] == str(demo / client))
    assert mine["name"] == (own["header"]["name"] or client)
    nxt = own["period"]["next_session"]
    assert mine["next_session"] == {"date": nxt["date"], "time": nxt["time"]}
    assert mine["homework"] == [
        {
            "title": h["title"],
            "done": h["done"],
            "expected": h["expected"],
            "unit": h["unit"],
            "text": h["done_text"],
        }
        for h in own["glance"]["homework"]
    ]
    section = (
        next(s["data"] for s in own["sections"] if s["id"] == "questionnaires")
        if any(s["id"] == "questionnaires" for s in own["sections"])
        else {"instruments": []}
    )
    assert mine["scores"] == [
        {
            "measure": i["name"],
            "key": i["key"],
            "date": i["latest"]["date"],
            "total": i["latest"]["total"],
            "band": i["latest"]["band"],
            "change": i["change"],
            "reliable": i["reliable"],
        }
        for i in section["instruments"]
    ]
    assert [
        (e["date"], e["time"], e["label"], e["answer"], e["latest"]) for e in mine["safety"]
    ] == [
        (e["date"], e["time"], e["label"], e["answer"], e["latest"])
        for e in own["safety"]["entries"]
    ]
    assert mine["problems"]["files_with_errors"] == len(own["problems"]["files_with_errors"])
    assert mine["problems"]["left_out"] == own["problems"]["not_counted"]["files"]


def test_warm_cold_and_no_cache_agree(run_cli: Run, demo: Path) -> None:
    """The second run reads an unchanged folder's records from the cache, only those its
    period needs; the day of the last entry still counts every file (Cy stopped 21 days
    before the report date, long before the period)."""
    first = page(run_cli, demo)
    second = page(run_cli, demo)
    args = ["caseload", str(demo), "--until", UNTIL, "--format", "json", "-o", "-", "--no-cache"]
    fresh = json.loads(run_cli(args).stdout)
    assert first == second == fresh
    assert row(second, "Cy M.")["days_since_entry"] == 21


def test_private_entries_count_for_the_last_entry_and_risk_stays(
    run_cli: Run, tmp_path: Path
) -> None:
    client = make_client(tmp_path / "p", "P", last_mood=DAY - dt.timedelta(days=10))
    items = ", ".join(map(str, phq9_items(9, 1)))
    (client / "questionnaires").mkdir()
    (client / "questionnaires" / "2026-11-15-phq9.md").write_text(
        f"---\ntype: questionnaire\ndate: 2026-11-15\ninstrument: phq9\nitems: [{items}]\n"
        "private: true\n---\n",
        encoding="utf-8",
    )
    (client / "records" / "2026-11-16-mood.md").write_text(
        '---\ntype: mood\ndate: 2026-11-16\ntime: "20:00"\nmood: 3\nprivate: true\n---\n',
        encoding="utf-8",
    )
    for _ in range(2):  # cold, then warm
        data = page(run_cli, client, code=0)
        assert row(data, "P")["days_since_entry"] == 1
        assert [e["date"] for e in data["safety"]["entries"]] == ["2026-11-15"]


def test_no_profile_or_private_rule_hides_the_safety_item_or_the_scores(
    run_cli: Run, tmp_path: Path
) -> None:
    settings = (
        'name: "Quiet"\nreport:\n  profile: bare\n'
        "profiles:\n  bare:\n    free_text: false\n    sections: [mood]\n"
    )
    week = DAY - dt.timedelta(days=7)
    client = make_client(
        tmp_path / "q", "Quiet", settings=settings, phq9=((week, 10, 0), (DAY, 12, 1))
    )
    form = client / "questionnaires" / f"{UNTIL}-phq9.md"
    text = form.read_text(encoding="utf-8")
    form.write_text(text.replace("---\n", "---\nprivate: true\n", 1), encoding="utf-8")
    data = page(run_cli, client, code=0)
    assert [(e["client"], e["answer"]) for e in data["safety"]["entries"]] == [("Quiet", 1)]
    # The numbers whatever profile the client shares by; the private form is not among them.
    scores = row(data, "Quiet")["scores"]
    assert [(s["measure"], s["total"], s["date"]) for s in scores] == [
        ("PHQ-9", 10, week.isoformat())
    ]
    own = json.loads(
        run_cli(["report", str(client), "--until", UNTIL, "--format", "json", "-o", "-"]).stdout
    )
    assert own["profile"] == "bare" and [e["answer"] for e in own["safety"]["entries"]] == [1]


def test_pinned_report_date_is_ignored_with_a_note(run_cli: Run, demo: Path) -> None:
    args = ["caseload", str(demo / "sam"), "--until", "2026-11-20", "--format", "json", "-o", "-"]
    data = json.loads(run_cli(args).stdout)
    assert data["report_date"] == "2026-11-20"
    assert any(
        "report_date (2026-11-17)" in n and "ignored" in n for n in data["clients"][0]["notes"]
    )
    assert data["clients"][0]["days_since_entry"] == 3


@pytest.mark.parametrize("fmt", ["html", "md", "csv", "pdf"])
def test_safety_opens_every_format(run_cli: Run, demo: Path, fmt: str) -> None:
    args = ["caseload", str(demo), "--until", UNTIL, "--format", fmt, "-o", "-"]
    data = run_cli(args).stdout_bytes
    if fmt == "pdf":
        from pypdf import PdfReader

        first = PdfReader(io.BytesIO(data)).pages[0].extract_text()
        assert "Safety: risk answers across the caseload" in first
        assert "Alex K." in first and "PHQ-9 item 9" in first and "more than half the days" in first
        return
    text = data.decode("utf-8")
    at = text.index("Alex K.")
    assert at < text.index("Cy M.") and at < text.index("Sam R.")
    if fmt == "csv":
        assert text.splitlines()[1].startswith("safety,Alex K.,")
    else:
        assert "more than half the days" in text[: text.index("Clients")]


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("\u202eKim 3 of 9", "Kim 3 of 9"),
        ("Jo\u2066\u2067 B\u200f.", "Jo B."),
        ("Sam\nR.\tx", "Sam R. x"),
        ("Zahra\u200cKarimi", "Zahra\u200cKarimi"),  # a joiner Persian spells with: kept
    ],
)
def test_display_names_cannot_reorder_the_page(
    run_cli: Run, tmp_path: Path, written: str, shown: str
) -> None:
    import json as _json

    make_client(
        tmp_path / "c", "x", settings=f"name: {_json.dumps(written)}\n", phq9=((DAY, 12, 2),)
    )
    data = page(run_cli, tmp_path, code=0)
    assert data["clients"][0]["name"] == shown
    assert data["safety"]["entries"][0]["client"] == shown
    for fmt in ("html", "md", "csv"):
        args = ["caseload", str(tmp_path), "--until", UNTIL, "--format", fmt, "-o", "-"]
        text = run_cli(args).stdout
        assert not set(text) & set(
            "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200f"
        ), fmt


def test_dates_of_another_year_say_the_year(run_cli: Run, tmp_path: Path) -> None:
    """The page is for one day: a last entry or next session in another year is written
    with its year, in every format."""
    old = DAY - dt.timedelta(days=400)
    make_client(tmp_path / "gone", "Gone", first_mood=old - dt.timedelta(days=3), last_mood=old)
    for fmt in ("html", "md", "pdf"):
        args = ["caseload", str(tmp_path), "--until", UNTIL, "--format", fmt, "-o", "-"]
        out = run_cli(args).stdout_bytes
        text = pdf_text(out) if fmt == "pdf" else out.decode("utf-8")
        assert f"{old.day} {MONTHS[old.month - 1]} {old.year}" in text, fmt
        assert "Wed 18 Nov 17:30" in text, fmt  # this year's: no year
