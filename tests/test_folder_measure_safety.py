"""A measure a folder defines in its `types/` brings its risk items into the safety notice,
with the same guarantees as PHQ-9 item 9 (DESIGN §2.3): a folder defining the EPDS (as a
clinician holding the rights would) with item 10 as its risk item — a form whose item 10 is
above 0 shows the notice first in every format and profile, private, broken or a copy, and
`check`, `new` and the JSON name the instrument, the item and its wording."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_render_safety import assert_html_first
from test_render_support import make_folder, rendered

from interim.commands.prompts import Console, Offers, ask_questionnaire
from interim.summary.notice_words import safety_lines
from interim.types import load_types, measures_of

# Placeholder words: the EPDS's own are the rights holder's, and stay in the clinician's copy.
WORDING = "Item 10, as worded on your licensed copy"
EPDS = f"""\
measure: epds
name: EPDS
title: Edinburgh Postnatal Depression Scale
citation: Cox JL, Holden JM, Sagovsky R (1987). Br J Psychiatry 150:782–786.
licence: used with the permission of the rights holder
use: the clinician who holds that permission
answers: {{0: first answer, 1: second answer, 2: third answer, 3: fourth answer}}
items:
  - item one
  - item two
  - item three
  - item four
  - item five
  - item six
  - item seven
  - item eight
  - item nine
  - text: {WORDING}
    answers: {{3: first answer, 2: second answer, 1: third answer, 0: fourth answer}}
    risk: {{short: the thought of harming yourself, raises: [1, 2, 3]}}
bands: none published
cutoff: none published
reliable_change: none published
"""
PROFILES = "profiles:\n  gp:\n    free_text: false\n    sections: [mood]\n"
MD_BANNER = "> **⚠ SAFETY: EPDS item 10.**"


def epds_form(day: str, item10: str, extra: str = "") -> str:
    return (
        f"---\ntype: questionnaire\ndate: {day}\ninstrument: EPDS\n"
        f"items: [0, 0, 0, 0, 0, 0, 0, 0, 0, {item10}]\n{extra}---\n"
    )


def folder_with(tmp_path: Path, form: str, name: str = "questionnaires/2026-11-16-epds.md") -> Path:
    # The PHQ-9 of make_folder answers item 9 with 0: only the EPDS can raise the notice.
    root = make_folder(
        tmp_path,
        hostile=False,
        phq9_file="---\ntype: questionnaire\ndate: 2026-11-16\n"
        "instrument: phq9\nitems: [1, 1, 1, 1, 1, 1, 1, 1, 0]\n---\n",
    )
    (root / "types").mkdir()
    (root / "types" / "epds.yaml").write_text(EPDS, encoding="utf-8")
    with (root / "interim.yaml").open("a", encoding="utf-8") as handle:
        handle.write(PROFILES)
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(form, encoding="utf-8")
    return root


def assert_md_first(text: str) -> None:
    assert text.count(MD_BANNER) == 1
    assert "\n## " not in text[: text.index(MD_BANNER)]


FORMS = {
    "plain": epds_form("2026-11-16", "2"),
    "private": epds_form("2026-11-16", "2", "private: true\n"),
    "wrong-total": epds_form("2026-11-16", "2", "total: 30\n"),
    "not-answered": epds_form("2026-11-16", "null"),
    "broken": "---\ntype: questionnaire\ndate: 2026-11-16\ninstrument: EPDS\n"
    "note: went: badly\nitems: [0, 0, 0, 0, 0, 0, 0, 0, 0, 2]\n---\n",
}


@pytest.mark.parametrize("profile", ["full", "scores-only", "gp"])
@pytest.mark.parametrize("form", list(FORMS))
def test_epds_item_10_opens_every_format(tmp_path: Path, profile: str, form: str) -> None:
    root = folder_with(tmp_path, FORMS[form])
    assert_html_first(rendered(root, "html", profile))
    assert_md_first(rendered(root, "md", profile))
    safety = json.loads(rendered(root, "json", profile))["safety"]
    assert safety["show"] is True and safety["topic"] == "EPDS item 10"
    (entry,) = safety["entries"]
    assert (entry["instrument"], entry["item"], entry["item_text"]) == ("epds", 10, WORDING)
    assert entry["label"] == "EPDS item 10"
    first_row = rendered(root, "csv", profile).splitlines()[1]
    assert (
        first_row.startswith("safety,2026-11-16,,safety-notice,") and ",epds_item10," in first_row
    )


def test_the_answer_in_words_is_the_items_own(tmp_path: Path) -> None:
    root = folder_with(tmp_path, FORMS["plain"])
    (entry,) = json.loads(rendered(root, "json"))["safety"]["entries"]
    assert (entry["answer"], entry["answer_text"]) == (2, "second answer")
    html = rendered(root, "html")
    assert WORDING in html and "Mon 16 Nov 2026" in html


def test_a_zero_raises_nothing(tmp_path: Path) -> None:
    root = folder_with(tmp_path, epds_form("2026-11-16", "0"))
    assert json.loads(rendered(root, "json"))["safety"]["show"] is False


def test_a_conflict_copy_is_listed(tmp_path: Path) -> None:
    root = folder_with(tmp_path, epds_form("2026-11-16", "0"))
    copy = root / "questionnaires" / "2026-11-16-epds (conflicted copy 2026-11-16).md"
    copy.write_text(epds_form("2026-11-16", "3"), encoding="utf-8")
    (entry,) = json.loads(rendered(root, "json"))["safety"]["entries"]
    assert entry["label"] == "EPDS item 10" and entry["counted"] is False


def test_check_lists_it_and_names_it(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    root = folder_with(tmp_path, FORMS["broken"])
    result = run_cli(["check", str(root)])
    assert (
        "info IM220 EPDS item 10 (the thought of harming yourself) is answered 2" in result.stdout
    )
    assert (
        "SAFETY: an answer to EPDS item 10 (the thought of harming yourself) is on record"
        in result.stdout
    )


def test_pdf_opens_with_it(tmp_path: Path) -> None:
    from test_pdf import pdf_for, text_of

    root = folder_with(tmp_path, FORMS["private"])
    page = text_of(pdf_for(root, "full"))[0]
    assert "Safety: EPDS item 10" in page and "Samaritans 116 123" in page


def test_new_shows_the_notice_at_once(tmp_path: Path) -> None:
    root = folder_with(tmp_path, epds_form("2026-11-16", "0"))
    types, _ = load_types(root)
    answers = iter(["0"] * 9 + ["1"])
    shown: list[str] = []
    offers = Offers(measures=measures_of(types), crisis_contacts="Samaritans 116 123")
    values = ask_questionnaire(
        {"instrument": "epds"}, Console(lambda _: next(answers), shown.append), offers
    )
    assert values["items"] == [0] * 9 + [1]
    assert any(line.startswith("SAFETY: an answer to EPDS item 10") for line in shown)
    assert f"10. {WORDING}" in shown
    assert (
        "   Answers: 3 first answer, 2 second answer, 1 third answer, 0 fourth answer. "
        "Enter skips it." in shown
    )


def test_the_phq9_line_stays_as_it_was() -> None:
    assert safety_lines("")[0] == (
        "SAFETY: a PHQ-9 answer shows thoughts of being better off dead or of self-harm."
    )
