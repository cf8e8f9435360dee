"""The measures: the built-in definitions shipped beside this module (`*.yaml`) and a folder's
own, YAML files in its `types/` whose first key is `measure:`, read with the same measure
language (`language.py`). `interim.types.load_types` reads the folder's with its types, so a
measure's file is covered by the same cache key and its problems are listed the same way.
"""

from __future__ import annotations

import functools
from pathlib import Path

from interim.diagnostics import Diagnostic, diag
from interim.domain.measures import Measure, weakens
from interim.load.cache import kept
from interim.load.yaml.events import load_yaml
from interim.load.yaml.tree import Mapping
from interim.measures.language import CODE, is_measure, measure_key, parse_measure

__all__ = [
    "Measure",
    "add_measure",
    "builtin_measures",
    "is_measure",
    "measure_key",
    "parse_measure",
]

_HERE = Path(__file__).parent
# The order `interim measures` lists them in, and the report shows them in: PHQ-9 and GAD-7
# first (DESIGN's headline pair), then the others by name.
_FIRST = ("phq9", "gad7")


# What a kept copy of the built-in measures may be made of (interim.load.cache.kept).
MEASURE_CLASSES = frozenset(
    ("interim.domain.measures", name)
    for name in ("Band", "Item", "Measure", "RiskItem", "Subscale")
)


@functools.cache
def builtin_measures() -> dict[str, Measure]:
    """The measures interim ships, parsed once and kept (interim.load.cache.kept)."""
    found = kept("measures", _parse_builtins, MEASURE_CLASSES)
    if type(found) is dict and all(type(m) is Measure for m in found.values()):
        return found
    return _parse_builtins()


def _parse_builtins() -> dict[str, Measure]:
    found: dict[str, Measure] = {}
    for file in sorted(_HERE.glob("*.yaml")):
        tree, problems = load_yaml(file.read_text(encoding="utf-8"), file.name)
        measure, more = (None, []) if tree is None else parse_measure(tree, file.name, "built-in")
        if problems or more or measure is None:  # a broken built-in is our bug, not the user's
            raise RuntimeError(f"built-in measure {file.name} is invalid: {problems + more}")
        found[measure.key] = measure
    return ordered(found)


def ordered(measures: dict[str, Measure]) -> dict[str, Measure]:
    """PHQ-9 and GAD-7 first, then by name."""
    keys = sorted(
        measures,
        key=lambda k: (
            k not in _FIRST,
            _FIRST.index(k) if k in _FIRST else 0,
            measures[k].name.lower(),
        ),
    )
    return {k: measures[k] for k in keys}


def add_measure(
    measures: dict[str, Measure], measure: Measure, rel: str, tree: Mapping
) -> list[Diagnostic]:
    """Add a folder's measure to `measures`, or say why not. It may take a built-in's name
    only when its risk answers include all of the built-in's: a folder's PHQ-9 can never
    stop the safety notice listing an item 9 answer above 0."""
    entry = tree.entries["measure"]

    def refused(message: str, hint: str) -> list[Diagnostic]:
        return [diag(CODE, rel, entry.value.line, entry.value.col, message, hint)]

    known = measures.get(measure.key)
    if known is not None and known.origin != "built-in":
        return refused(
            f"`{measure.key}` is defined twice: {known.origin} defines it already",
            "keep one definition, or give this measure its own name",
        )
    lost = weakens(known, measure) if known is not None else []
    if known is not None and lost:
        return refused(
            f"this measure takes the name of the built-in {known.name} but would not "
            f"raise the safety notice for {'; '.join(lost)}: it is not used",
            f"keep every risk answer of the built-in {known.name}, or give the measure "
            f"its own name: measure: my-{measure.key}",
        )
    measures[measure.key] = measure
    if known is None:
        return []
    line, col = entry.value.line, entry.value.col
    return [
        diag(
            "IM913",
            rel,
            line,
            col,
            f"this file replaces the built-in measure {known.name}",
            f"rename the measure if you meant a new one: measure: my-{measure.key}",
        )
    ]
