"""interim.render's building blocks: Markdown bodies, filters, the sandboxed template
environment, JSON and CSV, and writing outputs."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import stat
from pathlib import Path

import pytest
from markupsafe import Markup

from interim.render import TemplateProblem
from interim.render.env import make_env, render_template
from interim.render.filters import date, duration, md, num, signed, spark
from interim.render.markdown import escape_md, safe_link, to_html
from interim.render.write import (
    csv_bytes,
    default_path,
    format_for,
    json_bytes,
    neutralise,
    write_output,
)

# --- Markdown bodies ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href='javascript:alert(1)'>x</a>",
        '<div onclick="alert(1)">x</div>',
    ],
)
def test_raw_html_is_text(body: str) -> None:
    html = to_html(body)
    assert "<script" not in html and "<img" not in html and "<a " not in html
    assert "<div" not in html
    assert "&lt;" in html


@pytest.mark.parametrize(
    "body",
    [
        "[x](javascript:alert(1))",
        "[x](JavaScript:alert(1))",
        "[x](java\tscript:alert(1))",
        "[x](data:text/html,<script>alert(1)</script>)",
        "[x](vbscript:msgbox)",
        "[x](file:///etc/passwd)",
        "<javascript:alert(1)>",
        # Relative and scheme-relative links stay text in an HTML report (issue 10): it is
        # opened away from the folder, and //host/x would reach another machine.
        "[x](notes/handout.md)",
        "[x](//evil.example/x)",
        "[x][r]\n\n[r]: javascript:alert(1)",
    ],
)
def test_unsafe_links_are_not_links(body: str) -> None:
    assert "<a " not in to_html(body)


@pytest.mark.parametrize(
    ("body", "href"),
    [
        ("[x](https://example.org/a)", "https://example.org/a"),
        ("[x](http://example.org)", "http://example.org"),
        ("[x](mailto:me@example.org)", "mailto:me@example.org"),
        ("[x](#top)", "#top"),
    ],
)
def test_safe_links_stay_links_without_referrer(body: str, href: str) -> None:
    html = to_html(body)
    assert f'<a href="{href}" rel="noopener noreferrer">x</a>' in html


def test_images_never_load() -> None:
    html = to_html("![a pixel](http://evil.example/x.png) ![](https://evil.example/y.png)")
    assert "<img" not in html and "evil.example" not in html
    assert "[image: a pixel]" in html


def test_safe_link_rule() -> None:
    assert safe_link("https://x") and safe_link("page.md") and safe_link("a/b:c")
    assert not safe_link("javascript:x") and not safe_link("data:x") and not safe_link("x:y")


def test_body_text_is_never_a_template() -> None:
    env = make_env(None, html=True)
    out = env.from_string("{{ body|md }}").render(body="Sum {{ 7*7 }} and {% if 1 %}x{% endif %}")
    assert "{{ 7*7 }}" in out and "49" not in out
    assert "{% if 1 %}" in out


def test_md_filter_is_safe_markup() -> None:
    assert isinstance(md("*hi*"), Markup)
    assert str(md("*hi*")) == "<p><em>hi</em></p>\n"
    assert md(None) == Markup("")


def test_escape_md_makes_text_inert() -> None:
    text = escape_md("<b>x</b> [a](javascript:y) ![i](http://e/x.png) *s* | &lt;\nline")
    assert "<b>" not in text.replace("\\<", "")
    assert "\\[a\\]" in text and "\\!\\[i\\]" in text and "\\*s\\*" in text
    assert "\\|" in text and "\\&lt;" in text and "\n" not in text


# --- filters -------------------------------------------------------------------------------


def test_filters() -> None:
    assert date("2026-11-17") == "Tue 17 Nov 2026"
    assert date("2026-11-17", "long") == "Tuesday 17 November 2026"
    assert date("2026-11-17", "short") == "17 Nov"
    assert date(None) == "—"
    assert num(5.26) == "5.3" and num(5.0) == "5.0" and num(7.25, 2) == "7.25"
    assert num(5) == "5" and num(None) == "—" and num(4.0, 0) == "4"
    assert signed(3) == "+3" and signed(-2) == "\u22122" and signed(0) == "0"
    assert signed(-0.4, 1) == "\u22120.4" and signed(None) == "—"
    assert duration(440) == "7 h 20 min" and duration(45) == "45 min" and duration(480) == "8 h"
    assert duration(None) == "—"


def test_spark_keeps_gaps() -> None:
    assert spark([0, None, 10], 0, 10) == "▁·█"
    assert spark([None, None]) == "··"
    assert spark([5, 5]) == "▁▁"


# --- the sandboxed environment -------------------------------------------------------------


def user_template(root: Path, text: str, name: str = "report.html.j2") -> Path:
    path = root / "templates" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    "attack",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ cycler.__init__.__globals__ }}",
        "{{ joiner.__init__.__globals__.os }}",
        "{{ namespace.__init__.__globals__ }}",
        "{% set x = [] %}{{ x.append(1) }}",
        "{{ ''.format.__globals__ }}",
    ],
)
def test_sandbox_stops_user_templates(tmp_path: Path, attack: str) -> None:
    root = user_template(tmp_path, "line one\n" + attack)
    env = make_env(root, html=True)
    with pytest.raises(TemplateProblem) as caught:
        render_template(env, "report.html.j2", {}, root)
    assert caught.value.path == "templates/report.html.j2"
    assert caught.value.line == 2


def test_syntax_error_has_file_and_line(tmp_path: Path) -> None:
    root = user_template(tmp_path, "ok\n\n{% if %}\n")
    with pytest.raises(TemplateProblem) as caught:
        render_template(make_env(root, html=True), "report.html.j2", {}, root)
    assert (caught.value.path, caught.value.line) == ("templates/report.html.j2", 3)
    assert str(caught.value).startswith("templates/report.html.j2:3: ")


def test_undefined_names_are_errors(tmp_path: Path) -> None:
    root = user_template(tmp_path, "{{ period.label }}\n{{ no_such_thing }}")
    with pytest.raises(TemplateProblem) as caught:
        render_template(
            make_env(root, html=True), "report.html.j2", {"period": {"label": "x"}}, root
        )
    assert caught.value.line == 2 and "no_such_thing" in caught.value.message


def test_runtime_errors_are_template_problems(tmp_path: Path) -> None:
    root = user_template(tmp_path, "{{ 1 / 0 }}")
    with pytest.raises(TemplateProblem):
        render_template(make_env(root, html=True), "report.html.j2", {}, root)


def test_missing_template(tmp_path: Path) -> None:
    with pytest.raises(TemplateProblem, match="no template named"):
        render_template(make_env(tmp_path, html=True), "nope.j2", {}, tmp_path)


def test_folder_templates_first_and_default_prefix(tmp_path: Path) -> None:
    user_template(tmp_path, "mine", "report/footer.html.j2")
    env = make_env(tmp_path, html=True)
    assert env.get_template("report/footer.html.j2").render() == "mine"
    default = env.get_template("default:report/footer.html.j2")
    assert default.filename is not None and "interim" in default.filename


def test_html_autoescape_whatever_the_extension(tmp_path: Path) -> None:
    root = user_template(tmp_path, "{{ x }}", "report.j2")
    out = render_template(make_env(root, html=True), "report.j2", {"x": "<b>"}, root)
    assert out == "&lt;b&gt;"


def test_text_environment_escapes_markdown(tmp_path: Path) -> None:
    root = user_template(tmp_path, "{{ x }} {{ y|md_text }} {{ safe }}", "r.md.j2")
    ctx = {"x": "[a](javascript:b)", "y": "<i>", "safe": Markup("**kept**")}
    out = render_template(make_env(root, html=False), "r.md.j2", ctx, root)
    assert out == "\\[a\\](javascript:b) \\<i\\> **kept**"


# --- JSON, CSV and writing -----------------------------------------------------------------


def test_json_is_sorted_and_stable() -> None:
    data = json_bytes({"b": 1, "a": {"d": [1, "é"], "c": None}})
    assert data == json_bytes({"a": {"c": None, "d": [1, "é"]}, "b": 1})
    assert data.decode().startswith('{\n  "a": {\n    "c": null,')
    assert json.loads(data)["a"]["d"][1] == "é"


def test_json_opens_with_the_safety_notice() -> None:
    """The safety notice opens every report, the JSON too: `safety` is the first key, then
    the rest in alphabetical order, and every object inside has its keys sorted."""
    context = {
        "calendar": {"days": []},
        "safety": {"show": False, "entries": []},
        "alpha": [{"z": 1, "y": 2}],
    }
    data = json_bytes(context)
    assert list(json.loads(data)) == ["safety", "alpha", "calendar"]
    text = data.decode()
    assert text.startswith('{\n  "safety": {\n    "entries": [],\n    "show": false')
    assert '"y": 2,\n      "z": 1' in text
    assert data == json_bytes(dict(reversed(list(context.items()))))


def test_csv_rows_follow_the_diary_day() -> None:
    """An entry at 01:28 dated the 25th was made late that evening (before `day_start`):
    its rows come after the 21:00 entry's, as in the report."""
    from test_summary_support import folder, rec, settings

    from interim.render.table import report_csv
    from interim.summary import build_report, resolve_period

    records = [
        rec("mood", "2026-11-25", time="01:28", path="records/a-late.md", mood=3),
        rec("mood", "2026-11-25", time="21:00", path="records/b-evening.md", mood=5),
    ]

    def paths(day_start: dt.time) -> list[str]:
        loaded = folder(records, settings(day_start=day_start, report_date=dt.date(2026, 11, 25)))
        period = resolve_period(loaded.records, settings=loaded.settings)
        rows = csv.reader(io.StringIO(report_csv(build_report(loaded, period)).decode()))
        return [row[5] for row in rows if row[6] == "mood"]

    assert paths(dt.time(4, 0)) == ["records/b-evening.md", "records/a-late.md"]
    assert paths(dt.time(0, 0)) == ["records/a-late.md", "records/b-evening.md"]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ('=HYPERLINK("http://e","x")', '\'=HYPERLINK("http://e","x")'),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("plain = fine", "plain = fine"),
    ],
)
def test_csv_neutralises_formulas(cell: str, expected: str) -> None:
    assert neutralise(cell) == expected
    rows = list(csv.reader(io.StringIO(csv_bytes([["", "", "", "", "", "f", cell]]).decode())))
    assert rows[1][6] == expected


def test_write_is_atomic_and_owner_only(tmp_path: Path) -> None:
    target = tmp_path / "out" / "r.html"
    assert write_output(b"one", target) == target
    assert write_output(b"two", target) == target
    assert target.read_bytes() == b"two"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert [p.name for p in target.parent.iterdir()] == ["r.html"]  # no temp file left


def test_dash_is_stdout(tmp_path: Path) -> None:
    out = io.BytesIO()
    assert write_output(b"data", "-", stdout=out) is None
    assert out.getvalue() == b"data"


def test_paths_and_formats(tmp_path: Path) -> None:
    assert default_path("2026-11-17", "md", tmp_path) == tmp_path / "interim-report-2026-11-17.md"
    assert format_for("week.MD") == "md" and format_for("x.htm") == "html"
    assert format_for("x.txt") is None


def test_csv_holds_the_derived_values_beside_the_records() -> None:
    """Issue 13: one stream, a `kind` column, the nights' TIB/TST/SE, the forms' totals and
    bands, the change, the homework's expected and done (example-folder's own numbers)."""
    import csv
    from pathlib import Path

    from interim.commands.report import make_report
    from interim.folder import load_folder

    folder = load_folder(Path(__file__).resolve().parent.parent / "example-folder")
    data, _ = make_report(folder, "csv")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))
    assert rows[0][0] == "kind"
    kinds = [r[0] for r in rows[1:]]
    assert set(kinds) == {"record", "night", "form", "change", "homework", "course"}
    assert kinds.index("night") > max(i for i, k in enumerate(kinds) if k == "record")

    def value(kind: str, path_end: str, field: str) -> str:
        [v] = [r[7] for r in rows if r[0] == kind and r[5].endswith(path_end) and r[6] == field]
        return v

    night = "2026-11-12-sleep.md"
    assert (value("night", night, "tib"), value("night", night, "tst")) == ("455", "395")
    assert value("night", night, "se") == "86.8"
    assert value("form", "2026-11-17-phq9.md", "total") == "9"
    assert value("form", "2026-11-17-phq9.md", "band") == "mild"
    assert value("change", "2026-11-17-phq9.md", "change") == "-7".replace("-", "'-")
    assert value("homework", "2026-10-07-mood-diary.md", "done_text") == "6 of 6 days"
    assert value("homework", "2026-10-07-mood-diary.md", "entry_count") == "11"
