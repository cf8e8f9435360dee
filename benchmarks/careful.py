"""The careful naive baseline: the twenty lines a user who has read the docs would write.

    python benchmarks/careful.py FOLDER SCHEMAS

SCHEMAS holds `interim schema TYPE --out SCHEMAS` for every type (`run.py` writes them).
Walk with `os.walk`, split and load each `.md` file with python-frontmatter over PyYAML's C
loader, and validate its metadata with one `jsonschema.Draft202012Validator` per type, built
once (the schema is checked once, not on every call as `jsonschema.validate` does — see
baseline.py). Prints "N files, E with errors". No positions, no cross-record checks, no
safety scan: less than `interim check` does, so interim must still be clearly faster.

PyYAML reads dates as `date` objects and `23:30` as the integer 1410 (YAML 1.1); a JSON round
trip makes dates strings as the schema expects; times still fail their pattern, which costs
the validator what a wrong value costs, as it would in the user's script.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import frontmatter  # type: ignore[import-not-found]
import jsonschema  # type: ignore[import-untyped]
import yaml
from frontmatter.default_handlers import YAMLHandler  # type: ignore[import-not-found]


class FastYAML(YAMLHandler):  # type: ignore[misc]
    def load(self, fm: str, **kwargs: object) -> Any:
        return yaml.load(fm, Loader=yaml.CSafeLoader)


def validators(schemas: Path) -> dict[str, Any]:
    out = {}
    for path in schemas.glob("*.schema.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        out[path.name.removesuffix(".schema.json")] = jsonschema.Draft202012Validator(schema)
    return out


def main(argv: list[str]) -> int:
    folder, schemas = argv[1], Path(argv[2])
    by_type = validators(schemas)
    handler = FastYAML()
    files = bad = 0
    for top, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if not name.endswith(".md"):
                continue
            files += 1
            try:
                post = frontmatter.load(os.path.join(top, name), handler=handler)
            except Exception:  # the user's script counts any failure
                bad += 1
                continue
            meta = json.loads(json.dumps(post.metadata, default=str))
            validator = by_type.get(str(meta.get("type")))
            if validator is None or next(validator.iter_errors(meta), None) is not None:
                bad += 1
    print(f"{files} files, {bad} with errors")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
