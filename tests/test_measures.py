"""The measure language and the shipped measures: every published band edge, cut-off and
reliable-change threshold (at exactly it and one below), missing items, the conditional
item (PHQ-15 item 4), subscales (PCL-5's clusters), reverse items, multipliers and proration
(in folder measures, since no shipped measure has them), and a folder measure's positioned
errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_summary_support import period, rec, scope

from interim.domain.measures import Measure, score
from interim.load.yaml.events import load_yaml
from interim.measures import builtin_measures
from interim.measures.language import parse_measure
from interim.summary.questionnaires import InstrumentSummary, summarise_questionnaires
from interim.types import load_types, measures_of

M = builtin_measures()
P = period("2026-11-12", "2026-11-18", last_session="2026-11-11")


def items_adding_to(total: int, measure: Measure) -> list[int | None]:
    """Answers filling from the first item up to each item's top score."""
    out: list[int | None] = []
    left = total
    for q in measure.questions:
        out.append(min(q.high, left))
        left -= min(q.high, left)
    assert left == 0
    return out


def parse(text: str, rel: str = "types/m.yaml") -> tuple[Measure | None, list[str]]:
    tree, problems = load_yaml(text, rel)
    assert tree is not None and not problems, problems
    measure, out = parse_measure(tree, rel, rel)
    return measure, [f"{d.line}:{d.col} {d.code} {d.message}" for d in out]


def course(key: str, *forms: tuple[str, list[int | None]], **fields: object) -> InstrumentSummary:
    records = [
        rec("questionnaire", day, path=f"q/{day}-{key}.md", instrument=key, items=items, **fields)
        for day, items in forms
    ]
    found = summarise_questionnaires(scope(records, P))
    assert found is not None
    return next(i for i in found.instruments if i.key == key)


# -- the shipped measures ------------------------------------------------------------------


def test_every_shipped_measure_states_source_licence_and_use() -> None:
    assert list(M) == ["phq9", "gad7", "gad2", "pcl5", "phq15", "phq2"]
    for m in M.values():
        assert m.citation and m.licence and m.use and m.origin == "built-in"


def test_phq9_and_gad7_keep_every_number() -> None:
    phq9, gad7 = M["phq9"], M["gad7"]
    assert (phq9.items, phq9.max_total, phq9.cutoff, phq9.reliable_change) == (9, 27, 10, 6)
    assert [(b.low, b.high, b.label) for b in phq9.bands] == [
        (0, 4, "minimal"),
        (5, 9, "mild"),
        (10, 14, "moderate"),
        (15, 19, "moderately severe"),
        (20, 27, "severe"),
    ]
    assert (gad7.items, gad7.max_total, gad7.cutoff, gad7.reliable_change) == (7, 21, 8, 4)
    assert [(b.low, b.high) for b in gad7.bands] == [(0, 4), (5, 9), (10, 14), (15, 21)]
    (risk,) = phq9.risk_items
    assert (risk.number, sorted(risk.raises), sorted(risk.clear)) == (9, [1, 2, 3], [0])
    assert risk.answers == {1: "several days", 2: "more than half the days", 3: "nearly every day"}
    assert not gad7.risk_items
    assert (phq9.item_min, phq9.item_max, gad7.item_min, gad7.item_max) == (0, 3, 0, 3)


@pytest.mark.parametrize("key", ["phq2", "gad2"])
@pytest.mark.parametrize(("total", "above"), [(0, False), (2, False), (3, True), (6, True)])
def test_two_item_screeners_cut_off_at_3(key: str, total: int, above: bool) -> None:
    m = M[key]
    assert (m.items, m.max_total, m.cutoff, m.bands, m.reliable_change) == (2, 6, 3, (), None)
    inst = course(key, ("2026-11-15", items_adding_to(total, m)))
    assert inst.latest is not None and inst.latest.total == total
    assert inst.latest.band is None and inst.bands_text == "none published"
    assert inst.above_cutoff is above
    assert (
        inst.caseness_text
        == f"{'at or above' if above else 'below'} the cut-off (3) at the latest score"
    )


def test_phq2_and_gad2_are_the_first_two_items_of_phq9_and_gad7() -> None:
    for short, long in (("phq2", "phq9"), ("gad2", "gad7")):
        assert [q.text for q in M[short].questions] == [q.text for q in M[long].questions[:2]]
        assert M[short].questions[0].answers == M[long].questions[0].answers


def test_a_screener_has_no_reliable_change_verdict() -> None:
    inst = course("phq2", ("2026-11-13", [3, 3]), ("2026-11-15", [0, 0]))
    assert inst.change == -6 and inst.reliable is None
    assert (
        inst.reliable_text
        == "down 6 points (no reliable-change threshold is published for the PHQ-2)"
    )


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "minimal"),
        (4, "minimal"),
        (5, "low"),
        (9, "low"),
        (10, "medium"),
        (14, "medium"),
        (15, "high"),
        (30, "high"),
    ],
)
def test_phq15_bands_at_every_edge(total: int, band: str) -> None:
    m = M["phq15"]
    got = score(m, items_adding_to(total, m))
    assert (got.total, got.band.label if got.band else None) == (total, band)


def test_phq15_items_score_0_to_2_and_item_4_applies_to_women_only() -> None:
    m = M["phq15"]
    assert (m.items, m.max_total, m.conditional) == (15, 30, (4,))
    assert {q.scores for q in m.questions} == {(0, 1, 2)}
    assert m.questions[3].applies == "women only"
    assert (m.cutoff, m.reliable_change) == (None, None)


def test_phq15_without_item_4_is_over_14_items() -> None:
    m = M["phq15"]
    items: list[int | None] = [2] * 15
    items[3] = None
    got = score(m, items, not_applicable=[4])
    assert (got.total, got.missing, got.not_applicable) == (28, (), (4,))
    assert got.band is not None and got.band.label == "high"
    assert score(m, items).total is None  # unanswered and not marked: no total
    assert score(m, items).missing == (4,)


def test_phq15_only_the_conditional_item_can_be_not_applicable() -> None:
    m = M["phq15"]
    items: list[int | None] = [1] * 15
    items[2] = None
    assert score(m, items, not_applicable=[3]).total is None  # item 3 applies to everyone


def test_phq15_not_applicable_in_the_summary() -> None:
    items: list[int | None] = [1] * 15
    items[3] = None
    inst = course("phq15", ("2026-11-15", items), not_applicable=[4])
    assert inst.latest is not None and inst.latest.total == 14
    assert inst.latest.band == "medium" and inst.latest.not_applicable == [4]


@pytest.mark.parametrize(("total", "above"), [(0, False), (32, False), (33, True), (80, True)])
def test_pcl5_cut_off_33(total: int, above: bool) -> None:
    m = M["pcl5"]
    assert (m.items, m.max_total, m.bands, m.risk_items) == (20, 80, (), ())
    inst = course("pcl5", ("2026-11-15", items_adding_to(total, m)))
    assert inst.latest is not None and inst.latest.total == total and inst.above_cutoff is above


@pytest.mark.parametrize(
    ("first", "latest", "verdict"),
    [
        (40, 30, "reliable improvement"),
        (40, 31, "no reliable change"),
        (30, 40, "reliable deterioration"),
        (30, 39, "no reliable change"),
    ],
)
def test_pcl5_reliable_change_is_10(first: int, latest: int, verdict: str) -> None:
    m = M["pcl5"]
    inst = course(
        "pcl5",
        ("2026-11-13", items_adding_to(first, m)),
        ("2026-11-15", items_adding_to(latest, m)),
    )
    assert inst.reliable == verdict
    assert m.reliable_change == 10 and "National Center for PTSD" in m.reliable_source


def test_pcl5_is_judged_alone_not_with_phq9_and_gad7() -> None:
    """A PCL-5 rise is its own line: the PHQ-9/GAD-7 headline rule does not count it."""
    m = M["pcl5"]
    records = [
        rec(
            "questionnaire",
            "2026-11-13",
            path="a.md",
            instrument="pcl5",
            items=items_adding_to(30, m),
        ),
        rec(
            "questionnaire",
            "2026-11-15",
            path="b.md",
            instrument="pcl5",
            items=items_adding_to(45, m),
        ),
        rec(
            "questionnaire",
            "2026-11-13",
            path="c.md",
            instrument="phq9",
            items=[3, 3, 3, 3, 3, 1, 0, 0, 0],
        ),
        rec(
            "questionnaire",
            "2026-11-15",
            path="d.md",
            instrument="phq9",
            items=[1, 1, 1, 1, 1, 0, 0, 0, 0],
        ),
    ]
    found = summarise_questionnaires(scope(records, P))
    assert found is not None
    by = {i.key: i for i in found.instruments}
    assert by["pcl5"].reliable == "reliable deterioration"
    assert by["phq9"].reliable == "reliable improvement"
    assert found.reliable_improvement and not found.reliable_deterioration


def test_pcl5_clusters_are_subscales() -> None:
    m = M["pcl5"]
    assert [s.items for s in m.subscales] == [
        (1, 2, 3, 4, 5),
        (6, 7),
        (8, 9, 10, 11, 12, 13, 14),
        (15, 16, 17, 18, 19, 20),
    ]
    got = score(m, [4] * 5 + [3] * 2 + [2] * 7 + [1] * 6)
    assert got.total == 20 + 6 + 14 + 6
    assert list(got.subscales.values()) == [20, 6, 14, 6]


@pytest.mark.parametrize("key", list(M))
def test_a_missing_item_leaves_no_total(key: str) -> None:
    m = M[key]
    items: list[int | None] = [0] * m.items
    items[-1] = None
    got = score(m, items)
    assert (got.total, got.band, got.missing) == (None, None, (m.items,))
    assert score(m, [0] * (m.items - 1)).total is None  # a short list
    assert score(m, [0] * m.items + [0]).total is None  # a long one


@pytest.mark.parametrize("key", list(M))
def test_an_answer_out_of_range_leaves_no_total(key: str) -> None:
    m = M[key]
    items: list[int | None] = [0] * m.items
    items[0] = m.questions[0].high + 1
    assert score(m, items).total is None
    items[0] = -1
    assert score(m, items).total is None


# -- the language: reverse items, multipliers, proration, subscales ------------------------

HEAD = """\
measure: test
name: TEST
title: A test measure
citation: nobody 2026
licence: made up for a test
use: tests
"""


def test_reverse_items_and_positions() -> None:
    m, problems = parse(
        HEAD
        + """records: position
answers: {0: never, 1: sometimes, 2: often}
items:
  - first
  - {text: second, reverse: true}
  - text: third
    answers: {3: most, 2: some, 1: little, 0: none}
bands: none published
"""
    )
    assert m is not None and not problems
    assert m.questions[1].scores == (2, 1, 0) and m.questions[1].reverse
    assert m.max_total == 2 + 2 + 3
    # Positions on the form: first at 0 → 0, second at 0 → 2 (reversed), third at 0 → 3.
    assert score(m, [0, 0, 0]).total == 5
    assert score(m, [2, 2, 3]).total == 2 + 0 + 0
    assert score(m, [0, 0, 4]).total is None  # the third item has four positions, 0–3


def test_multipliers_on_the_total_and_subscales() -> None:
    m, problems = parse(
        HEAD
        + """answers: {0: no, 1: a bit, 2: a lot, 3: most}
items: [a, b, c, d]
multiplier: 2
bands: {0-9: lower, 10-24: higher}
subscales:
  - {name: first two, items: [1, 2], multiplier: 2, bands: {0-5: low, 6-12: high}}
  - {name: last two, items: [3, 4]}
"""
    )
    assert m is not None and not problems, problems
    got = score(m, [3, 2, 1, 0])
    assert got.total == 12 and got.subscales == {"first two": 10, "last two": 1}
    assert got.band is not None and got.band.label == "higher"
    assert m.subscales[0].bands[1].label == "high"


def test_proration_as_the_manual_states() -> None:
    m, problems = parse(
        HEAD
        + """answers: {0: no, 1: a bit, 2: a lot, 3: most}
items: [a, b, c, d, e]
missing: {prorate: 1, rule: "one item may be missing: the mean of the others times 5"}
bands: none published
"""
    )
    assert m is not None and not problems, problems
    got = score(m, [3, 3, 2, 2, None])
    assert (got.total, got.prorated, got.missing) == (13, True, (5,))  # 10 × 5/4 = 12.5 → 13
    assert score(m, [3, 3, 2, None, None]).total is None  # two missing: more than allowed
    assert not score(m, [3, 3, 2, 2, 0]).prorated


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("bands: {0-2: low, 4-6: high}\n", "9:8 IM912 the bands gap at 3"),
        ("bands: {0-3: low, 3-6: high}\n", "9:8 IM912 the bands overlap at 3"),
        ("bands: {0-5: low}\n", "9:8 IM912 the bands end at 5, but the total runs 0–6"),
        ("cutoff: 7\n", "9:9 IM912 the cut-off 7 is above the top score 6"),
        ("reliable_change: lots\n", "9:18 IM912 `reliable_change` must be a whole number"),
        ("colour: blue\n", "9:1 IM912 `colour` is not part of the measure language"),
        ("missing: some\n", "9:10 IM912 `missing` must be none, or {prorate: N, rule: …}"),
    ],
)
def test_a_broken_definition_says_where(extra: str, message: str) -> None:
    m, problems = parse(
        HEAD + "answers: {0: no, 1: a bit, 2: a lot, 3: most}\nitems: [a, b]\n" + extra
    )
    assert m is None
    assert any(p.startswith(message) for p in problems), problems


def test_a_definition_needs_its_source_licence_and_use() -> None:
    m, problems = parse("measure: x\nname: X\ntitle: X\nanswers: [no, yes]\nitems: [a]\n")
    assert m is None
    assert [p.split(" IM912 ")[1] for p in problems] == [
        "a measure needs `citation:`",
        "a measure needs `licence:`",
        "a measure needs `use:`",
    ]


def test_a_risk_item_needs_raising_answers() -> None:
    m, problems = parse(HEAD + "answers: [no, yes]\nitems:\n  - text: a\n    risk: {short: a}\n")
    assert m is None and any("needs `raises:`" in p for p in problems)


# -- a folder's measures -------------------------------------------------------------------

EPDS_ITEM_10 = """\
  - text: Item 10, as worded on your licensed copy
    answers: {3: first answer, 2: second answer, 1: third answer, 0: fourth answer}
    risk: {short: the thought of harming yourself, raises: [1, 2, 3]}
"""


def epds(folder: Path, name: str = "epds") -> None:
    items = "".join(f"  - item {n}\n" for n in range(1, 10))
    (folder / "types").mkdir(parents=True, exist_ok=True)
    (folder / "types" / f"{name}.yaml").write_text(
        f"measure: {name}\nname: EPDS\ntitle: Edinburgh Postnatal Depression Scale\n"
        "citation: Cox JL, Holden JM, Sagovsky R (1987). Br J Psychiatry 150:782–786.\n"
        "licence: used with the permission of the Royal College of Psychiatrists\n"
        "use: the clinician who holds that permission\n"
        "answers: {0: No, 1: Some, 2: Often, 3: Most}\n"
        f"items:\n{items}{EPDS_ITEM_10}"
        "bands: none published\ncutoff: 13\n",
        encoding="utf-8",
    )


def test_a_folder_measure_is_known_with_its_risk_item(tmp_path: Path) -> None:
    epds(tmp_path)
    types, problems = load_types(tmp_path)
    assert problems == []
    m = measures_of(types)["epds"]
    assert m.origin == "types/epds.yaml" and m.items == 10 and m.max_total == 30
    assert [(r.number, sorted(r.raises)) for r in m.risk_items] == [(10, [1, 2, 3])]
    assert "phq9" in measures_of(types)  # the built-in ones stay


def test_a_folder_phq9_may_not_drop_a_risk_answer(tmp_path: Path) -> None:
    (tmp_path / "types").mkdir()
    (tmp_path / "types" / "phq9.yaml").write_text(
        HEAD.replace("measure: test", "measure: PHQ-9")
        + "answers: {0: a, 1: b, 2: c, 3: d}\nitems: [a, b, c, d, e, f, g, h, "
        "{text: i, risk: {short: nine, raises: [2, 3]}}]\n",
        encoding="utf-8",
    )
    types, problems = load_types(tmp_path)
    assert [(d.code, d.line, d.col) for d in problems] == [("IM912", 1, 10)]
    assert "would not raise the safety notice for item 9 answer 1" in problems[0].message
    assert measures_of(types)["phq9"].origin == "built-in"


def test_a_folder_phq9_keeping_every_risk_answer_replaces_it_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "types").mkdir()
    (tmp_path / "types" / "phq9.yaml").write_text(
        HEAD.replace("measure: test", "measure: phq9")
        + "answers: {0: a, 1: b, 2: c, 3: d}\nitems: [a, b, c, d, e, f, g, h, "
        "{text: i, risk: {short: nine, raises: [1, 2, 3]}}]\n",
        encoding="utf-8",
    )
    types, problems = load_types(tmp_path)
    assert [d.code for d in problems] == ["IM913"]
    assert measures_of(types)["phq9"].origin == "types/phq9.yaml"


def test_a_measure_defined_twice_is_refused(tmp_path: Path) -> None:
    epds(tmp_path, "epds")
    epds(tmp_path, "EPDS-copy")
    text = (tmp_path / "types" / "EPDS-copy.yaml").read_text(encoding="utf-8")
    (tmp_path / "types" / "EPDS-copy.yaml").write_text(
        text.replace("measure: EPDS-copy", "measure: epds"), encoding="utf-8"
    )
    _, problems = load_types(tmp_path)
    assert [d.code for d in problems] == ["IM912"]
    assert "defined twice" in problems[0].message


# -- the schema an editor reads ------------------------------------------------------------


@pytest.mark.parametrize(
    ("record", "valid"),
    [
        ({"instrument": "PCL-5", "items": [0] * 20}, True),
        ({"instrument": "pcl5", "items": [0] * 19}, False),
        ({"instrument": "pcl 5", "items": [4] * 19 + [5]}, False),
        ({"instrument": "PHQ-15", "items": [2] * 14 + [None]}, True),
        ({"instrument": "PHQ-15", "items": [3] + [0] * 14}, False),
        ({"instrument": "epds", "items": [3] * 10}, True),  # a folder's own: only its count
        ({"instrument": "epds", "items": [3] * 9}, False),
    ],
)
def test_the_questionnaire_schema_knows_each_measure(
    tmp_path: Path, record: dict[str, object], valid: bool
) -> None:
    from jsonschema import Draft202012Validator

    from interim.types.schema import type_schema

    epds(tmp_path)
    types, _ = load_types(tmp_path)
    schema = type_schema(types["questionnaire"])
    Draft202012Validator.check_schema(schema)
    doc = {"type": "questionnaire", "date": "2026-11-16", **record}
    errors = list(Draft202012Validator(schema).iter_errors(doc))
    assert (not errors) is valid, errors
    assert "PCL-5" in schema["properties"]["instrument"]["examples"]


# -- the commands --------------------------------------------------------------------------


def test_measures_lists_every_shipped_one_with_source_and_licence(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli(["measures"])
    assert result.exit_code == 0
    for m in M.values():
        assert f"source: {m.citation}" in result.output
        assert f"licence: {m.licence} Use: {m.use}." in result.output
    assert "Public domain" in result.output


def test_measures_lists_the_folders_own(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    epds(tmp_path)
    result = run_cli(["measures", "--folder", str(tmp_path)])
    assert result.exit_code == 0
    assert (
        "EPDS    Edinburgh Postnatal Depression Scale (types/epds.yaml, 10 items, 0–30)"
        in result.output
    )


def test_measures_describes_one(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli(["measures", "PCL-5"])
    assert result.exit_code == 0
    out = result.output
    assert out.startswith("PCL-5: PTSD Checklist for DSM-5 (built-in)")
    assert "Answers: 0 Not at all, 1 A little bit, 2 Moderately, 3 Quite a bit, 4 Extremely" in out
    assert "Bands: none published." in out
    assert "Cut-off: 33 or more (National Center for PTSD" in out
    assert "Reliable change: a change of 10 or more (National Center for PTSD" in out
    assert "Subscale Cluster C (avoidance): items 6, 7; bands: none published." in out
    assert "Risk items: none." in out
    phq9 = run_cli(["measures", "phq9"]).output
    assert "Risk item 9 (thoughts of being better off dead or of hurting yourself)" in phq9
    assert (
        "   9. Thoughts that you would be better off dead or of hurting yourself in some way [risk item]"
        in phq9
    )


def test_measures_of_an_unknown_name_exits_2(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli(["measures", "pcl4"])
    assert result.exit_code == 2
    assert "there is no measure `pcl4`" in result.stderr and "pcl5" in result.stderr


def test_new_with_instrument_writes_its_items(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    args = ["new", "questionnaire", "--instrument", "PHQ-15", "--folder", str(tmp_path)]
    result = run_cli([*args, "--no-input", "--date", "2026-11-20"])
    assert result.exit_code == 0, result.output
    text = Path(result.output.strip()).read_text(encoding="utf-8")
    assert "instrument: phq15" in text
    assert "#  Answers: 0 Not bothered at all, 1 Bothered a little, 2 Bothered a lot" in text
    assert "#  4. Menstrual cramps or other problems with your periods (women only)" in text
    assert "\nnot_applicable:" in text and "\ndifficulty:" not in text
    code = run_cli(["check", str(tmp_path), "--format", "json"]).exit_code
    assert code == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["questionnaire", "--instrument", "bdi"], "there is no measure `bdi`"),
        (["mood", "--instrument", "pcl5"], "--instrument is for a questionnaire"),
    ],
)
def test_new_with_a_wrong_instrument_exits_2(
    tmp_path: Path, run_cli, args: list[str], message: str
) -> None:  # type: ignore[no-untyped-def]
    result = run_cli(["new", *args, "--folder", str(tmp_path), "--no-input"])
    assert result.exit_code == 2 and message in result.stderr


def test_new_asks_pcl5_with_its_wording(tmp_path: Path) -> None:
    from interim.commands.prompts import Console, Offers, ask_questionnaire

    answers = iter(["5", "4"] + ["1"] * 19)
    shown: list[str] = []
    values = ask_questionnaire(
        {"instrument": "pcl5"}, Console(lambda _: next(answers), shown.append), Offers()
    )
    assert values["items"] == [4] + [1] * 19 and values["total"] == 23
    assert "  Not accepted: `item 1` must be 0–4; got 5. Type a number from 0 to 4" in shown
    assert (
        "Answers: 0 Not at all, 1 A little bit, 2 Moderately, 3 Quite a bit, 4 Extremely. Enter skips an item."
        in shown
    )
    assert "difficulty" not in values


def test_new_asks_phq15_and_takes_na_for_item_4() -> None:
    from interim.commands.prompts import Console, Offers, ask_questionnaire

    answers = iter(["1", "1", "1", "na"] + ["2"] * 11)
    shown: list[str] = []
    values = ask_questionnaire(
        {"instrument": "phq15"}, Console(lambda _: next(answers), shown.append), Offers()
    )
    assert values["items"] == [1, 1, 1, None] + [2] * 11
    assert values["not_applicable"] == [4] and values["total"] == 25
