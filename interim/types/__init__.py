"""Record types: the built-in definitions shipped beside this module and the folder's own
`types/*.yaml`, read with the same field language (`language.py`). A file in `types/` with a
`measure:` key is a measure instead (`interim.measures`): the questionnaire type carries the
measures its `instrument` may name (`measures_of`)."""

from __future__ import annotations

import dataclasses
import functools
import os
from pathlib import Path
from typing import TYPE_CHECKING

from interim.diagnostics import Diagnostic, diag
from interim.load.cache import kept
from interim.load.discover import Candidate, read_bytes
from interim.load.frontmatter import decode
from interim.load.yaml.events import load_yaml
from interim.load.yaml.tree import Mapping
from interim.types.language import FieldSpec, RecordType, parse_type

if TYPE_CHECKING:
    from interim.domain.measures import Measure

__all__ = ["FieldSpec", "RecordType", "builtin_types", "load_types", "measures_of"]

_HERE = Path(__file__).parent
MAX_TYPE_FILE = 256 * 1024  # a type definition is a page of YAML


@functools.cache
def builtin_types() -> dict[str, RecordType]:
    """The types interim ships, the questionnaire type carrying the built-in measures,
    parsed once and kept (interim.load.cache.kept)."""
    from interim.measures import MEASURE_CLASSES  # (the measures: only when types are read)

    classes = MEASURE_CLASSES | {
        ("interim.types.language", "FieldSpec"),
        ("interim.types.language", "RecordType"),
    }
    found = kept("types", _parse_builtins, classes)
    if type(found) is dict and all(type(t) is RecordType for t in found.values()):
        return found
    return _parse_builtins()


def _parse_builtins() -> dict[str, RecordType]:
    from interim.measures import builtin_measures

    types: dict[str, RecordType] = {}
    for file in sorted(_HERE.glob("*.yaml")):
        rtype, problems = _read(file, file.name, file.stem)
        if problems or rtype is None:  # a broken built-in is our bug, never the user's
            raise RuntimeError(f"built-in type {file.name} is invalid: {problems}")
        rtype.source = "built-in"
        types[rtype.name] = rtype
    return _with_measures(types, builtin_measures())


def _with_measures(
    types: dict[str, RecordType], measures: dict[str, Measure]
) -> dict[str, RecordType]:
    """The questionnaire type, whichever defines it, carrying `measures`."""
    if "questionnaire" in types:
        types["questionnaire"] = dataclasses.replace(types["questionnaire"], measures=measures)
    return types


def measures_of(types: dict[str, RecordType] | None) -> dict[str, Measure]:
    """The measures a folder's records may name: the built-in ones and those in its `types/`."""
    questionnaire = (types or {}).get("questionnaire")
    if questionnaire is None or questionnaire.measures is None:
        from interim.measures import builtin_measures

        return builtin_measures()
    return questionnaire.measures


def types_identity(root: Path | None) -> str:
    """What the folder's own types are read from, by name, size, times and inode: a cache
    key that is right without reading them (the built-in ones are the code's, which the
    cache's fingerprint covers)."""
    folder = root / "types" if root is not None else None
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name) if folder is not None else []
    except OSError:
        return ""
    parts = []
    for entry in entries:
        try:
            st = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        parts.append(f"{entry.name}:{st.st_size}:{st.st_mtime_ns}:{st.st_ino}:{st.st_ctime_ns}")
    return "\n".join(parts)


def load_types(root: Path | None) -> tuple[dict[str, RecordType], list[Diagnostic]]:
    """The built-in types plus the folder's `types/*.yaml` (a folder type may replace a
    built-in one, with a warning so nobody is surprised)."""
    from interim.measures import add_measure, builtin_measures, is_measure, parse_measure

    types = dict(builtin_types())
    measures = dict(builtin_measures())
    out: list[Diagnostic] = []
    folder = root / "types" if root is not None else None
    if folder is None or not folder.is_dir():
        return types, out
    for file in sorted(folder.iterdir()):
        if file.suffix.lower() not in (".yaml", ".yml") or file.name.startswith("."):
            continue
        rel = f"types/{file.name}"
        tree, problems = _tree(file, rel, user_file=True)
        out.extend(problems)
        if tree is not None and is_measure(tree):
            measure, more = parse_measure(tree, rel, rel)
            out.extend(more)
            if measure is not None:
                out.extend(add_measure(measures, measure, rel, tree))
            continue
        if tree is None:
            continue
        rtype, more = parse_type(tree, rel, file.stem)
        out.extend(more)
        if rtype is None:
            continue
        if rtype.name in types and types[rtype.name].source == "built-in":
            out.append(
                diag(
                    "IM911",
                    rel,
                    1,
                    1,
                    f"this file replaces the built-in type `{rtype.name}`",
                    "rename the type if you meant a new one: name: my-" + rtype.name,
                )
            )
        types[rtype.name] = rtype
    return _with_measures(types, measures), out


def _read(file: Path, rel: str, stem: str) -> tuple[RecordType | None, list[Diagnostic]]:
    tree, problems = _tree(file, rel)
    if tree is None:
        return None, problems
    rtype, more = parse_type(tree, rel, stem)
    return rtype, problems + more


def _tree(file: Path, rel: str, user_file: bool = False) -> tuple[Mapping | None, list[Diagnostic]]:
    if user_file:  # like a record: no links, no pipes or devices (they would hang), size cap
        got = read_bytes(Candidate(str(file), rel, 0, 0, 0), MAX_TYPE_FILE)
        if isinstance(got, Diagnostic):
            return None, [got]
        data = got
    else:
        try:
            data = file.read_bytes()
        except OSError as exc:
            return None, [
                diag(
                    "IM910",
                    rel,
                    1,
                    1,
                    f"cannot read this type file: {exc.strerror}",
                    "check the file's permissions",
                )
            ]
    text, problems = decode(data, rel)
    if text is None:
        return None, problems
    tree, errs = load_yaml(text, rel)
    return tree, problems + errs
