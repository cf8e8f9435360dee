"""What an explanation holds (`CodeDoc`), how an example names its files, and the mood
record several families' examples share.

An example is either a few words describing a file that cannot be shown as text (a pipe, a
link, a file in the wrong encoding), or one or more files, each introduced by a line
`==> PATH <==` (the `head` convention) and followed by its exact content. File examples are
run through `interim check` by the tests: the bad one must report the code, the good one
must report nothing at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class CodeDoc:
    explanation: str  # 2–4 sentences: why it matters, what interim does with the file
    bad: str  # an example that makes interim report the code
    good: str  # the same example, fixed


_HEADER = re.compile(r"==> (.+) <==\Z")


def example_files(example: str) -> dict[str, str] | None:
    """The files of an example (path → content), or None when it is a description."""
    lines = example.splitlines(keepends=True)
    if not lines or not _HEADER.match(lines[0].rstrip("\n")):
        return None
    files: dict[str, str] = {}
    path = ""
    for line in lines:
        m = _HEADER.match(line.rstrip("\n"))
        if m:
            path = m[1]
            files[path] = ""
        else:
            files[path] += line
    return files


def mood_example(path: str = "2026-11-20-mood.md", time: str = "21:30", anxiety: int = 7) -> str:
    """A mood record under its `==> path <==` header."""
    return (
        f'==> {path} <==\n---\ntype: mood\ndate: 2026-11-20\ntime: "{time}"\nmood: 4\n'
        f"anxiety: {anxiety}\n---\n"
    )
