"""No free text from records on the caseload page (issue 15): client folders whose every
free-text field, body, file name, tag, id, barrier, question, note and answer holds its own
hostile marker (`<script>`, `{{ }}`, `](javascript:`, Typst `#`, a CSV formula `=cmd|`), and
not one marker in any format of the page. Homework titles and display names are allowed,
and must arrive escaped."""

from __future__ import annotations

import io
import itertools
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from caseload_support import UNTIL, make_client
from click.testing import Result

Run = Callable[..., Result]
_n = itertools.count(1)
MARKERS: list[str] = []


def marker() -> str:
    """A new hostile text with a unique token (`QX12XQ`) to look for."""
    token = f"QX{next(_n)}XQ"
    MARKERS.append(token)
    return f'<script>alert("{token}")</script> {{{{ 7*7 }}}} [x](javascript:{token}) #{token} =cmd|{token}'


def q(text: str) -> str:
    return json.dumps(text)  # a YAML double-quoted scalar


def hostile_records(root: Path) -> Iterator[tuple[str, str]]:
    m = marker
    day = "2026-11-16"
    head = lambda kind, t="20:00": f'---\ntype: {kind}\ndate: {day}\ntime: "{t}"\n'  # noqa: E731
    common = lambda: f"tags: [{q(m())}]\nid: {q(m())}\n"  # noqa: E731
    yield (
        f"records/{m()}.md",
        (
            head("mood")
            + f"mood: 3\nanxiety: 6\nemotions: [{q(m())}]\nsituation: {q(m())}\n"
            + common()
            + "---\n"
            + m()
            + "\n"
        ),
    )
    yield (
        "records/tr.md",
        (
            head("thought-record", "19:00") + f"situation: {q(m())}\nhot_thought: {q(m())}\n"
            f"emotions: [{{name: {q(m())}, before: 80, after: 40}}]\nthinking_traps: [{q(m())}]\n"
            f"evidence_for: [{q(m())}]\nevidence_against: [{q(m())}]\n"
            f"balanced_thought: {q(m())}\nbelief_before: 70\nbelief_after: 30\n"
            + common()
            + "---\n"
            + m()
            + "\n"
        ),
    )
    yield (
        "records/ex.md",
        (
            head("experiment", "18:00")
            + f"belief: {q(m())}\nprediction: {q(m())}\nplan: {q(m())}\n"
            f"safety_behaviours_dropped: [{q(m())}]\noutcome: {q(m())}\nprediction_came_true: partly\n"
            f"learned: {q(m())}\n" + common() + "---\n" + m() + "\n"
        ),
    )
    yield (
        "records/expo.md",
        (
            head("exposure", "17:00") + f"step: {q(m())}\nfeared_outcome: {q(m())}\n"
            f"safety_behaviours: [{q(m())}]\nlearned: {q(m())}\nsuds_before: 60\n"
            + common()
            + "---\n"
        ),
    )
    yield (
        "records/checkin.md",
        (
            head("checkin", "16:00")
            + f"went_well: {q(m())}\nhard: {q(m())}\nbarriers: [{q(m())}]\n"
            f"questions: [{q(m())}]\n" + common() + "---\n" + m() + "\n"
        ),
    )
    yield (
        "homework/2026-11-10-mood-review.md",
        (
            head("review", "15:00") + f"homework: 2026-11-10-mood-diary\nquality: 2\n"
            f"barriers: [{q(m())}]\nlearned: {q(m())}\n---\n" + m() + "\n"
        ),
    )
    yield "goals/g.md", f"---\ntype: goal\nset: 2026-10-27\ntitle: {q(m())}\nstatus: active\n---\n"
    yield (
        "records/read.md",
        (
            head("reading", "14:00") + f"title: {q(m())}\nsource: {q(m())}\ntakeaways: {q(m())}\n"
            f"questions: [{q(m())}]\n---\n"
        ),
    )
    yield "records/note.md", head("note", "13:00") + f"title: {q(m())}\nprivate: true\n---\n{m()}\n"
    yield (
        "records/act.md",
        (head("activity", "12:00") + f"activity: {q(m())}\nplanned: true\ndone: true\n---\n"),
    )
    yield "records/eat.md", head("eating", "11:00") + f"food: {q(m())}\nplace: {q(m())}\n---\n"
    yield "records/prac.md", head("practice", "10:00") + f"skill: {q(m())}\nminutes: 10\n---\n"
    yield "records/broken.md", f"---\ntype: mood\ndate: {day}\nmood: [{q(m())}\n---\n"
    yield "records/unknown.md", f"---\ntype: {q(m())}\ndate: {day}\n---\n"
    yield f"records/{m()} (Sam's conflicted copy 2026-11-16).md", head("mood") + "mood: 2\n---\n"
    # A risk answer written as text: listed, never quoted.
    yield (
        "questionnaires/2026-11-16-phq9.md",
        (
            f"---\ntype: questionnaire\ndate: {day}\ninstrument: phq9\n"
            f"items: [1, 1, 1, 1, 1, 1, 1, 1, {q(m())}]\n---\n{m()}\n"
        ),
    )
    yield (
        "questionnaires/2026-11-09-phq9.md",
        (
            f"---\ntype: questionnaire\ndate: 2026-11-09\ninstrument: phq9\n"
            f"items: [1, 1, 1, 1, 1, 1, 1, 1, 2]\n---\n{m()}\n"
        ),
    )
    yield (
        "sessions/2026-11-10.md",
        (
            '---\ntype: session\ndate: 2026-11-10\ntime: "17:30"\nnumber: 3\nstatus: held\n---\n'
            + m()
            + "\n"
        ),
    )


TITLE = "<b>Mood</b> {{ 7*7 }} [x](javascript:alert(1)) #set =cmd|title"
NAME = "<i>Sam</i> {{ name }} #name =cmd|name"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    parent = tmp_path_factory.mktemp("hostile")
    client = make_client(
        parent / "sam",
        "x",
        settings=f"name: {q(NAME)}\ncrisis_contacts: {q(marker())}\n",
        homework=TITLE.replace('"', ""),
    )
    for rel, text in hostile_records(client):
        path = client / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (client / "homework" / "2026-11-10-mood-diary.md").write_text(
        f"---\ntype: homework\ndate: 2026-11-10\ntitle: {q(TITLE)}\nfrequency: daily\n"
        f"track: mood\nstatus: stuck\nspecifics: {q(marker())}\nrationale: {q(marker())}\n"
        f"obstacles: {q(marker())}\nplan: {q(marker())}\ngoal: g\n---\n{marker()}\n",
        encoding="utf-8",
    )
    return parent


def outputs(run_cli: Run, parent: Path) -> dict[str, str]:
    out = {}
    for fmt in ("html", "md", "json", "csv", "pdf"):
        args = ["caseload", str(parent), "--until", UNTIL, "--format", fmt, "-o", "-"]
        result = run_cli(args)
        assert result.exit_code == 0, result.output
        if fmt == "pdf":
            from pypdf import PdfReader

            pages = PdfReader(io.BytesIO(result.stdout_bytes)).pages
            out[fmt] = "\n".join(p.extract_text() for p in pages)
        else:
            out[fmt] = result.stdout
    return out


def test_the_folder_is_hostile_and_its_report_shows_it(run_cli: Run, hostile: Path) -> None:
    """The markers are really in the records (the client's own report quotes many)."""
    assert len(MARKERS) > 40
    own = run_cli(["report", str(hostile / "sam"), "--until", UNTIL, "--format", "json", "-o", "-"])
    shown = [t for t in MARKERS if t in own.stdout]
    assert len(shown) > 30


def test_no_marker_in_any_format(run_cli: Run, hostile: Path) -> None:
    pages = outputs(run_cli, hostile)
    for fmt, text in pages.items():
        found = [t for t in MARKERS if t in text]
        assert not found, f"{fmt} shows free text: {found}"


def test_the_risk_answer_is_listed_without_its_text(run_cli: Run, hostile: Path) -> None:
    pages = outputs(run_cli, hostile)
    data = json.loads(pages["json"])
    answers = [(e["date"], e["answer"], e["answer_text"]) for e in data["safety"]["entries"]]
    assert answers == [
        ("2026-11-09", 2, "more than half the days"),
        ("2026-11-16", None, "not a whole number: see the client's report"),
    ]
    for fmt, text in pages.items():
        assert "not a whole number" in text, fmt


def test_titles_and_names_are_there_and_escaped(run_cli: Run, hostile: Path) -> None:
    pages = outputs(run_cli, hostile)
    html, md, csv_text = pages["html"], pages["md"], pages["csv"]
    assert "<b>" not in html and "<i>" not in html and "<script" not in html
    assert "&lt;b&gt;Mood&lt;/b&gt;" in html and "&lt;i&gt;Sam&lt;/i&gt;" in html
    assert "javascript:" not in html.replace("[x](javascript:alert(1))", "")
    assert not re.search(r"(?<!\\)<", md)  # every < escaped: no HTML can form
    assert not re.search(r"(?<!\\)\]\(javascript", md)  # nor a link
    assert r"\<b\>Mood\</b\>" in md
    for line in csv_text.splitlines()[1:]:
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in line.split(","))
    assert "{{ 7*7 }}" in html and "49" not in html.split("Clients")[1].split("</table>")[0]
    data = json.loads(pages["json"])
    assert data["clients"][0]["name"] == NAME
    assert data["clients"][0]["homework"][0]["title"] == TITLE
