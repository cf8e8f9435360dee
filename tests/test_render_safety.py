"""The safety notice opens every report (DESIGN §2.3): the renderer places it, verifies it,
and refuses to write a report without it — whatever the profile, the file's state, or the
template."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from test_render_support import context_for, make_folder, phq9, rendered

from interim.render import SafetyNoticeMissing, render
from interim.render.safety import html_placed, md_placed

BANNER = 'class="interim-safety"'
MD_BANNER = "> **⚠ SAFETY: PHQ-9 item 9.**"
PROFILES = "profiles:\n  gp:\n    free_text: false\n    sections: [mood]\n"


def assert_html_first(html: str, entry: str = "Mon 16 Nov 2026") -> None:
    assert html.count(BANNER) == 1
    start = html.index(BANNER)
    body = html.index("<body")
    assert not re.search(r"<(h2|table|svg|ul)\b", html[body:start]), "content before the notice"
    notice = html[start : html.index("</section>", start)]
    assert entry in notice and "Samaritans 116 123" in notice
    assert "Nobody monitors these files" in notice


def assert_md_first(text: str) -> None:
    assert text.count(MD_BANNER) == 1
    start = text.index(MD_BANNER)
    assert "\n## " not in text[:start]
    assert text.startswith("# ")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = make_folder(tmp_path, hostile=False)
    with (root / "interim.yaml").open("a", encoding="utf-8") as handle:
        handle.write(PROFILES)
    return root


@pytest.mark.parametrize("profile", ["full", "scores-only", "gp"])
def test_every_profile_and_format(folder: Path, profile: str) -> None:
    assert_html_first(rendered(folder, "html", profile))
    assert_md_first(rendered(folder, "md", profile))
    assert json.loads(rendered(folder, "json", profile))["safety"]["show"] is True
    first_row = rendered(folder, "csv", profile).splitlines()[1]
    assert (
        first_row.startswith("safety,2026-11-16,,safety-notice,") and "more than half" in first_row
    )


@pytest.mark.parametrize(
    ("content", "entry"),
    [
        (phq9("2026-11-16", "[1, 1, 1, 1, 1, 1, 1, 1, 2]", "private: true\n"), "Mon 16 Nov 2026"),
        (phq9("2026-11-16", "[1, 1, 1, 1, 1, 1, 1, 1, 2]", "total: 3\n"), "Mon 16 Nov 2026"),
        (phq9("2026-11-16", "[1, 1, 1, 1, null, 1, 1, 1, 3]"), "Mon 16 Nov 2026"),
        (phq9("2026-11-11", "[0, 0, 0, 0, 0, 0, 0, 0, 1]"), "Wed 11 Nov 2026"),
        (phq9("2026-11-16", "[1, 1, 1, 1, 1, 1, 1, 1, null]"), "Mon 16 Nov 2026"),
    ],
    ids=["private", "wrong-total", "incomplete", "previous-session-day", "not-answered"],
)
def test_whatever_the_file_says(tmp_path: Path, content: str, entry: str) -> None:
    root = make_folder(tmp_path, hostile=False, phq9_file=content)
    html = rendered(root, "html")
    assert_html_first(html, entry)
    assert_md_first(rendered(root, "md"))
    if "null]" in content:
        assert "item 9 <strong>not answered</strong>" in html


def custom(root: Path, text: str, name: str = "report.html.j2") -> None:
    (root / "templates").mkdir(exist_ok=True)
    (root / "templates" / name).write_text(text, encoding="utf-8")


HIDING = [
    "<!DOCTYPE html><html><head></head><body><h1>Mine</h1><h2>Homework</h2></body></html>",
    "<html><body><!-- {{ safety_banner }} --><h2>x</h2></body></html>",
    "<html><body><div hidden>{{ safety_banner }}</div><h2>x</h2></body></html>",
    '<html><body><div style="display:none">{{ safety_banner }}</div></body></html>',
    "<html><body><details>{{ safety_banner }}</details></body></html>",
    "<html><body><h2>Sections first</h2><table></table>{{ safety_banner }}</body></html>",
    "<html><head><title>{{ safety_banner }}</title></head><body><p>x</p></body></html>",
    "<html><body><p>a</p>{{ safety_banner }}{{ safety_banner }}</body></html>",
    "<html><head><style>.interim-safety{display:none}</style></head><body>{{ safety_banner }}</body></html>",
]


@pytest.mark.parametrize("template", HIDING)
def test_a_template_cannot_leave_it_out_or_hide_it(folder: Path, template: str) -> None:
    custom(folder, template)
    if ".interim-safety{" in template:
        with pytest.raises(SafetyNoticeMissing):  # a style sheet aimed at it: refused
            rendered(folder, "html")
        return
    html = rendered(folder, "html")
    assert html.count(BANNER) == 1
    start = html.index(BANNER)
    assert html.rindex("<body", 0, start) < start
    assert "<!--" not in html[html.index("<body") : start]
    assert not re.search(r"<(h2|table)\b", html[html.index("<body") : start])


def test_extending_the_default_keeps_one_notice(folder: Path) -> None:
    custom(
        folder, '{% extends "default:report.html.j2" %}{% block glance %}<p>mine</p>{% endblock %}'
    )
    html = rendered(folder, "html")
    assert_html_first(html)
    assert "<p>mine</p>" in html and "At a glance" not in html


def test_no_body_no_report(folder: Path) -> None:
    custom(folder, "{{ period.label }} and nothing else")
    with pytest.raises(SafetyNoticeMissing):
        rendered(folder, "html")


def test_markdown_template_cannot_leave_it_out(folder: Path) -> None:
    custom(folder, "# Mine\n\nIntro.\n\n## Section\n\ntext\n", "report.md.j2")
    text = rendered(folder, "md")
    assert_md_first(text)
    assert text.index(MD_BANNER) > text.index("# Mine")


def test_markdown_template_cannot_hide_it_in_a_comment(folder: Path) -> None:
    """Issue 10: a template that puts the notice in a comment is refused (it used to be
    moved): a Markdown viewer may read the comment differently from interim."""
    from interim.render import TemplateProblem

    custom(
        folder,
        "# Mine\n\nIntro.\n\n## Section\n\ntext <!-- {{ safety_banner }} -->\n",
        "report.md.j2",
    )
    with pytest.raises(TemplateProblem):
        rendered(folder, "md")


def test_markdown_in_a_fence_is_moved(folder: Path) -> None:
    custom(folder, "# Mine\n\n```\n{{ safety_banner }}\n```\n", "report.md.j2")
    text = rendered(folder, "md")
    assert text.count(MD_BANNER) == 1
    assert text.index(MD_BANNER) < text.index("```")


def test_nothing_to_show_means_no_banner(tmp_path: Path) -> None:
    root = make_folder(tmp_path, hostile=False, phq9_file=phq9("2026-11-16", "[0,0,0,0,0,0,0,0,0]"))
    assert BANNER not in rendered(root, "html")
    assert "SAFETY" not in rendered(root, "md")


def test_markdown_placement_rules() -> None:
    banner = "> **SAFETY** x"
    assert md_placed(f"# T\n\n{banner}\n\n## A\n", banner)
    assert not md_placed(f"# T\n\n## A\n\n{banner}\n", banner)  # after a section
    assert not md_placed(f"# T\n\n- {banner}\n", banner)  # not at the start of a line
    assert not md_placed(f"# T\n\n<!--\n{banner}\n-->\n", banner)


def test_placement_rules() -> None:
    banner = '<section class="interim-safety">!</section>'
    ok = f"<html><body><header><h1>t</h1></header>{banner}<main><h2>x</h2></main></body></html>"
    assert html_placed(ok, banner)
    assert not html_placed(ok.replace("<main>", f"<main>{banner}"), banner)  # twice
    assert not html_placed(f"<html><body><p>{banner}</p></body></html>", banner)
    assert not html_placed(f"<html><body><div inert>{banner}</div></body></html>", banner)
    assert not html_placed(
        f"<html><body><div style='opacity:0'>{banner}</div></body></html>", banner
    )
    assert not html_placed(f"<html><body><svg>{banner}</svg></body></html>", banner)


def test_context_is_never_changed_by_rendering(folder: Path) -> None:
    context, _ = context_for(folder)
    before = json.dumps(context.to_data(), sort_keys=True)
    render(context, "html", folder_root=folder)
    assert json.dumps(context.to_data(), sort_keys=True) == before


@pytest.mark.parametrize("profile", ["full", "scores-only", "gp"])
def test_csv_carries_the_contacts_and_the_monitoring_line_after_the_entries(
    folder: Path, profile: str
) -> None:
    import csv
    import io

    rows = list(csv.reader(io.StringIO(rendered(folder, "csv", profile))))
    notice = [r for r in rows if r[3] == "safety-notice"]
    assert rows[1 : len(notice) + 1] == notice  # the notice's rows open the CSV
    assert {r[0] for r in notice} == {"safety"}  # the `kind` column
    assert [r[6] for r in notice] == ["phq9_item9", "crisis_contacts", "monitoring"]
    assert notice[1][7].startswith("Samaritans 116 123")
    assert notice[2][7].startswith("Nobody monitors these files")


def test_csv_without_configured_contacts_says_call_the_emergency_number(tmp_path: Path) -> None:
    root = make_folder(tmp_path, hostile=False)
    settings = root / "interim.yaml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(
        "".join(line for line in text.splitlines(True) if "crisis" not in line),
        encoding="utf-8",
    )
    rows = [r for r in rendered(root, "csv").splitlines() if ",safety-notice," in r]
    assert any(",crisis_contacts," in r and "local emergency number" in r for r in rows)


@pytest.mark.parametrize("profile", ["full", "scores-only"])
def test_nothing_but_the_header_comes_before_the_notice(folder: Path, profile: str) -> None:
    (folder / "records" / "2026-11-14-private.md").write_text(
        "---\ntype: mood\ndate: 2026-11-14\nmood: 3\nprivate: true\n---\n", encoding="utf-8"
    )
    md, html = rendered(folder, "md", profile), rendered(folder, "html", profile)
    for text, banner in ((md, MD_BANNER), (html, BANNER)):
        start = text.index(banner)
        assert "1 private entry left out." in text[start:]
        assert "left out" not in text[:start] and "Profile:" not in text[:start]
        if profile != "full":
            assert "Profile:" in text[start:]
    head, _ = md.split(MD_BANNER)
    assert [line for line in head.splitlines() if line] == [md.splitlines()[0], md.splitlines()[2]]
    assert html.index("</header>") < html.index(BANNER)


def test_csv_keeps_to_the_profile(folder: Path) -> None:
    """The CSV shares what the profile shares: no free text without it (no body, situation
    or emotion names), and only the profile's sections (with sessions and homework). It
    once read the profile's name as if it were the profile, and shared everything."""
    import csv
    import io

    def rows(profile: str) -> list[dict[str, str]]:
        text = rendered(folder, "csv", profile)
        return [r for r in csv.DictReader(io.StringIO(text)) if r["type"] != "safety-notice"]

    full = rows("full")
    assert {"body", "situation", "emotions"} <= {r["field"] for r in full}
    for profile in ("scores-only", "gp"):
        shared = rows(profile)
        assert shared, profile
        assert not {"body", "situation", "emotions", "tags"} & {r["field"] for r in shared}
        assert {"mood", "anxiety"} <= {r["field"] for r in shared if r["type"] == "mood"}
    assert {r["type"] for r in rows("gp")} <= {"mood", "session", "homework", "review"}
    assert "questionnaire" in {r["type"] for r in rows("scores-only")}
