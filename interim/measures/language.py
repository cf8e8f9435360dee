"""The measure language: a questionnaire as a small YAML file, read into `Measure`.

The built-in measures (`*.yaml` beside this module) and a folder's own (a YAML file in its
`types/` whose first key is `measure:`) use the same language; docs/measures.md describes it.
Mistakes in a folder's definition are IM912 diagnostics with their line and column; a
definition with errors is not used (a measure scored by a wrong definition would give wrong
numbers), so forms of it are reported as of an unknown questionnaire.

    measure: phq9                  # the key records use (`instrument: PHQ-9` is the same)
    name: PHQ-9
    title: Patient Health Questionnaire (depression)
    citation: …                    # the measure's reference
    licence: …                     # its terms of use, in a line
    use: …                         # who may use it
    source: …                      # where the bands and thresholds come from
    stem: Over the last 2 weeks, how often …
    records: score                 # or `position`: a record holds the place of the answer on the form
    answers: {0: Not at all, 1: Several days, …}   # every item's answers, unless an item has its own
    items:
      - Little interest or pleasure in doing things
      - text: Thoughts that you would be better off dead …
        risk: {short: …, raises: [1, 2, 3]}         # a risk item: these answers raise the safety notice
      - text: …
        answers: {3: Yes, most of the time, …, 0: No, never}   # a reverse-scored item: scores as printed
        applies: women only        # an item that applies to some people only
    missing: none                  # or {prorate: 2, rule: "…"} as the manual states
    multiplier: 1                  # the total is the items' sum × this (DASS-21: 2)
    bands: {0-4: minimal, 5-9: mild, …}             # or `none published`
    cutoff: 10                     # or `none published`
    reliable_change: 6             # or `none published`
    subscales: [{name: …, items: [1, 3], multiplier: 2, bands: {…}, cutoff: …}]
    difficulty: {question: …, answers: [Not difficult at all, …]}
"""

from __future__ import annotations

import dataclasses
import re

from interim.diagnostics import Diagnostic, diag, did_you_mean
from interim.domain.measures import (
    NONE_PUBLISHED,
    Band,
    Item,
    Measure,
    RiskItem,
    Subscale,
)
from interim.load.yaml.tree import Entry, Mapping, Node, Scalar, Sequence, plain_value

CODE = "IM912"
MARKER = "measure"
_KEYS = frozenset(
    {
        "measure",
        "name",
        "title",
        "version",
        "citation",
        "licence",
        "use",
        "source",
        "stem",
        "records",
        "answers",
        "items",
        "missing",
        "multiplier",
        "bands",
        "bands_source",
        "cutoff",
        "cutoff_source",
        "reliable_change",
        "reliable_change_source",
        "subscales",
        "difficulty",
    }
)
_ITEM_KEYS = frozenset({"text", "answers", "applies", "reverse", "risk"})
_RISK_KEYS = frozenset({"short", "raises"})
_SUB_KEYS = frozenset({"name", "items", "multiplier", "bands", "cutoff"})
_REQUIRED_TEXT = ("name", "title", "citation", "licence", "use")
_RANGE = re.compile(r"\s*(\d+)\s*[-–]\s*(\d+)\s*\Z")


def measure_key(name: str) -> str:
    """`PHQ-9`, `phq 9` and `phq9` are one instrument (as `interim.types.kinds` reads them)."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


def is_measure(root: Mapping) -> bool:
    """A YAML file in `types/` is a measure when it has a `measure:` key."""
    return MARKER in root.entries


class _Reader:
    def __init__(self, path: str) -> None:
        self.path = path
        self.out: list[Diagnostic] = []

    def bad(self, node: Node | Entry, message: str, hint: str = "see docs/measures.md") -> None:
        line, col = (
            (node.key_line, node.key_col) if isinstance(node, Entry) else (node.line, node.col)
        )
        self.out.append(diag(CODE, self.path, line, col, message, hint))

    def unknown(self, node: Mapping, known: frozenset[str], what: str) -> None:
        for key, entry in node.entries.items():
            if key not in known:
                hint = did_you_mean(key, known, "known keys: " + ", ".join(sorted(known)))
                self.bad(entry, f"`{key}` is not part of the measure language ({what})", hint)

    def text(self, entry: Entry | None, default: str = "") -> str:
        if entry is None:
            return default
        if not isinstance(entry.value, Scalar) or entry.value.is_null():
            self.bad(entry.value, f"`{entry.key}` must be a line of text")
            return default
        return entry.value.text.strip()

    def whole(self, node: Node, what: str, low: int = 0) -> int | None:
        text = node.text.strip() if isinstance(node, Scalar) else ""
        if not re.fullmatch(r"[+-]?\d+", text) or int(text) < low:
            shown = text if isinstance(node, Scalar) else "a list or mapping"
            self.bad(node, f"{what} must be a whole number of at least {low}; got `{shown}`")
            return None
        return int(text)

    def optional_number(self, entry: Entry | None, what: str) -> tuple[int | None, bool]:
        """(value, stated): a whole number, or `none published` (value None, stated)."""
        if entry is None:
            return None, False
        if isinstance(entry.value, Scalar) and entry.value.text.strip().lower() == NONE_PUBLISHED:
            return None, True
        return self.whole(entry.value, f"`{what}`"), True

    def answers(self, entry: Entry) -> tuple[tuple[int, str], ...] | None:
        node = entry.value
        if isinstance(node, Sequence):  # [Not at all, Several days, …]: scores 0, 1, …
            labels = [plain_value(n) for n in node.items]
            if labels and all(isinstance(x, str) for x in labels):
                return tuple((i, str(x)) for i, x in enumerate(labels))
        if isinstance(node, Mapping) and node.entries:
            out: list[tuple[int, str]] = []
            for key, e in node.entries.items():
                if not re.fullmatch(r"[+-]?\d+", key):
                    self.bad(e, f"answer `{key}` must be its score, a whole number")
                    return None
                out.append((int(key), str(plain_value(e.value) or "")))
            if len({s for s, _ in out}) != len(out):
                self.bad(node, "two answers have the same score")
                return None
            return tuple(out)
        self.bad(node, "`answers` must map each score to its words: {0: Not at all, 1: …}")
        return None

    def bands(self, entry: Entry | None, top: int) -> tuple[tuple[Band, ...], bool]:
        """(bands, stated). Bands must run from 0 to the top score without gaps or overlaps."""
        if entry is None:
            return (), False
        node = entry.value
        if isinstance(node, Scalar) and node.text.strip().lower() == NONE_PUBLISHED:
            return (), True
        if not isinstance(node, Mapping) or not node.entries:
            self.bad(node, "`bands` must map score ranges to labels: {0-4: minimal, 5-9: mild}")
            return (), True
        bands: list[Band] = []
        for key, e in node.entries.items():
            m = _RANGE.match(key)
            if m is None or int(m[1]) > int(m[2]):
                self.bad(e, f"band `{key}` must be a range of scores, low-high: 0-4")
                return (), True
            bands.append(Band(int(m[1]), int(m[2]), str(plain_value(e.value) or "")))
        bands.sort(key=lambda b: b.low)
        expect = 0
        for band in bands:
            if band.low != expect:
                gap = "overlap" if band.low < expect else "gap"
                self.bad(
                    node,
                    f"the bands {gap} at {min(band.low, expect)}: they must run 0–{top} in order",
                )
                return (), True
            expect = band.high + 1
        if expect - 1 != top:
            self.bad(node, f"the bands end at {expect - 1}, but the total runs 0–{top}")
            return (), True
        return tuple(bands), True


def parse_measure(root: Mapping, path: str, origin: str) -> tuple[Measure | None, list[Diagnostic]]:
    """Read one definition. None when it has an error (a wrong definition is never used)."""
    r = _Reader(path)
    e = root.entries
    r.unknown(root, _KEYS, "a measure's keys")
    key = measure_key(r.text(e.get(MARKER)))
    if not key:
        r.bad(e[MARKER], "`measure:` must name the measure: measure: epds")
    texts = {k: r.text(e.get(k)) for k in _REQUIRED_TEXT}
    for k in _REQUIRED_TEXT:
        if not texts[k]:
            where: Node | Entry = e.get(k, root)
            r.bad(where, f"a measure needs `{k}:`", _HINTS[k])
    records = r.text(e.get("records"), "score")
    if records not in ("score", "position"):
        r.bad(e["records"].value, f"`records` must be score or position; got `{records}`")
    default = r.answers(e["answers"]) if "answers" in e else None
    questions, risks = _items(r, e.get("items"), default, root)
    multiplier = r.whole(e["multiplier"].value, "`multiplier`", 1) if "multiplier" in e else 1
    prorate, rule = _missing(r, e.get("missing"), len(questions))
    top = sum(q.high for q in questions) * (multiplier or 1)
    bands, _ = r.bands(e.get("bands"), top)
    cutoff, _ = r.optional_number(e.get("cutoff"), "cutoff")
    reliable, _ = r.optional_number(e.get("reliable_change"), "reliable_change")
    if cutoff is not None and cutoff > top:
        r.bad(e["cutoff"].value, f"the cut-off {cutoff} is above the top score {top}")
    subscales = _subscales(r, e.get("subscales"), questions)
    difficulty, choices = _difficulty(r, e.get("difficulty"))
    if r.out:
        return None, r.out
    measure = Measure(
        key=key,
        name=texts["name"],
        title=texts["title"],
        questions=tuple(questions),
        bands=bands,
        reliable_change=reliable,
        cutoff=cutoff,
        source=r.text(e.get("source")) or texts["citation"],
        risk_items=tuple(risks),
        citation=texts["citation"],
        licence=texts["licence"],
        use=texts["use"],
        stem=r.text(e.get("stem")),
        records=records,
        multiplier=multiplier or 1,
        prorate=prorate,
        prorate_rule=rule,
        subscales=subscales,
        difficulty=difficulty,
        difficulty_choices=choices,
        bands_source=r.text(e.get("bands_source")),
        cutoff_source=r.text(e.get("cutoff_source")),
        reliable_source=r.text(e.get("reliable_change_source")),
        origin=origin,
    )
    return _risk_clear(measure), r.out


_HINTS = {
    "name": "how people write it: name: EPDS",
    "title": "its full title: title: Edinburgh Postnatal Depression Scale",
    "citation": "the measure's reference, so every score can be traced to it",
    "licence": "its terms of use in a line, e.g. licence: used with the authors' permission",
    "use": "who may use it, e.g. use: clinicians holding a licence from the publisher",
}


def _items(
    r: _Reader,
    entry: Entry | None,
    default: tuple[tuple[int, str], ...] | None,
    root: Mapping,
) -> tuple[list[Item], list[RiskItem]]:
    if entry is None or not isinstance(entry.value, Sequence) or not entry.value.items:
        r.bad(entry.value if entry else root, "a measure needs `items:`, a list of its questions")
        return [], []
    questions: list[Item] = []
    risks: list[RiskItem] = []
    for number, node in enumerate(entry.value.items, 1):
        if isinstance(node, Scalar) and not node.is_null():
            if default is None:
                r.bad(
                    node,
                    f"item {number} has no answers: give `answers:` for the measure or the item",
                )
                continue
            questions.append(Item(number, node.text.strip(), default))
            continue
        if not isinstance(node, Mapping):
            r.bad(node, f"item {number} must be its wording, or a mapping with `text:`")
            continue
        r.unknown(node, _ITEM_KEYS, f"item {number}")
        ie = node.entries
        text = r.text(ie.get("text"))
        if not text:
            r.bad(node, f"item {number} needs `text:`, its wording")
        answers = r.answers(ie["answers"]) if "answers" in ie else default
        if answers is None:
            if "answers" not in ie:
                r.bad(
                    node,
                    f"item {number} has no answers: give `answers:` for the measure or the item",
                )
            continue
        reverse = r.text(ie.get("reverse"), "false").lower() == "true"
        if reverse:  # the same words, scores the other way round
            answers = tuple(
                zip(reversed([s for s, _ in answers]), [a for _, a in answers], strict=True)
            )
        applies = r.text(ie.get("applies")) or None
        item = Item(number, text, answers, applies, reverse)
        questions.append(item)
        if "risk" in ie:
            risk = _risk(r, ie["risk"], item)
            if risk is not None:
                risks.append(risk)
    return questions, risks


def _risk(r: _Reader, entry: Entry, item: Item) -> RiskItem | None:
    node = entry.value
    if not isinstance(node, Mapping):
        r.bad(node, "`risk` must be a mapping: {short: what it asks, raises: [1, 2, 3]}")
        return None
    r.unknown(node, _RISK_KEYS, "a risk item")
    short = r.text(node.entries.get("short"))
    if not short:
        r.bad(node, "a risk item needs `short:`, what it asks in a few words")
    raises_entry = node.entries.get("raises")
    raised = plain_value(raises_entry.value) if raises_entry else None
    if (
        not isinstance(raised, list)
        or not raised
        or not all(isinstance(x, str) and re.fullmatch(r"\d+", x) for x in raised)
    ):
        r.bad(
            raises_entry.value if raises_entry else node,
            "a risk item needs `raises:`, the answers that list a form: [1, 2, 3]",
        )
        return None
    scores = {int(x) for x in raised if isinstance(x, str)}
    return RiskItem(
        number=item.number,
        wording=item.text,
        short=short,
        answers={s: a.lower() for s, a in item.answers},
        raises=frozenset(scores),
    )


def _risk_clear(measure: Measure) -> Measure:
    """A risk item's clear answers: every answer a record may hold for it but the raising
    ones (PHQ-9 item 9: 0). Anything else — out of range, text, unanswered — lists the form."""
    fixed = []
    for risk in measure.risk_items:
        item = measure.questions[risk.number - 1]
        clear = frozenset(measure.recorded(item)) - risk.raises
        every = (
            {i: a.lower() for i, (_, a) in enumerate(item.answers)}
            if measure.records == "position"
            else risk.answers
        )
        answers = {k: v for k, v in every.items() if k in risk.raises}
        fixed.append(RiskItem(risk.number, risk.wording, risk.short, answers, risk.raises, clear))
    return dataclasses.replace(measure, risk_items=tuple(fixed))


def _missing(r: _Reader, entry: Entry | None, count: int) -> tuple[int, str]:
    if entry is None:
        return 0, ""
    node = entry.value
    if isinstance(node, Scalar) and node.text.strip().lower() == "none":
        return 0, ""
    if isinstance(node, Mapping) and "prorate" in node.entries:
        r.unknown(node, frozenset({"prorate", "rule"}), "`missing`")
        most = r.whole(node.entries["prorate"].value, "`prorate`", 1) or 0
        rule = r.text(node.entries.get("rule"))
        if not rule:
            r.bad(node, "a proration needs `rule:`, the manual's words for it")
        if most >= count:
            r.bad(
                node.entries["prorate"].value,
                f"`prorate` must leave at least one of the {count} items answered",
            )
        return most, rule
    r.bad(node, "`missing` must be none, or {prorate: N, rule: …} as the measure's manual states")
    return 0, ""


def _subscales(r: _Reader, entry: Entry | None, questions: list[Item]) -> tuple[Subscale, ...]:
    if entry is None:
        return ()
    if not isinstance(entry.value, Sequence):
        r.bad(entry.value, "`subscales` must be a list: [{name: Stress, items: [1, 6]}]")
        return ()
    out = []
    for node in entry.value.items:
        if not isinstance(node, Mapping):
            r.bad(node, "a subscale is a mapping: {name: Stress, items: [1, 6]}")
            continue
        r.unknown(node, _SUB_KEYS, "a subscale")
        se = node.entries
        name = r.text(se.get("name"))
        numbers = plain_value(se["items"].value) if "items" in se else None
        if not name or not isinstance(numbers, list) or not numbers:
            r.bad(node, "a subscale needs `name:` and `items:`, the numbers of its items")
            continue
        items = []
        for n in numbers:
            if not isinstance(n, str) or not n.isdigit() or not 1 <= int(n) <= len(questions):
                r.bad(
                    se["items"].value,
                    f"subscale `{name}` names item `{n}`; items run 1–{len(questions)}",
                )
                break
            items.append(int(n))
        else:
            mult = r.whole(se["multiplier"].value, "`multiplier`", 1) if "multiplier" in se else 1
            top = sum(questions[n - 1].high for n in items) * (mult or 1)
            bands, _ = r.bands(se.get("bands"), top)
            cutoff, _ = r.optional_number(se.get("cutoff"), "cutoff")
            out.append(Subscale(name, tuple(items), mult or 1, bands, cutoff))
    return tuple(out)


def _difficulty(r: _Reader, entry: Entry | None) -> tuple[str, tuple[str, ...]]:
    if entry is None:
        return "", ()
    node = entry.value
    if isinstance(node, Mapping):
        r.unknown(node, frozenset({"question", "answers"}), "`difficulty`")
        question = r.text(node.entries.get("question"))
        answers = plain_value(node.entries["answers"].value) if "answers" in node.entries else None
        if question and isinstance(answers, list) and all(isinstance(a, str) for a in answers):
            return question, tuple(str(a) for a in answers)
    r.bad(node, "`difficulty` needs `question:` and `answers:`, a list of the answers' words")
    return "", ()
