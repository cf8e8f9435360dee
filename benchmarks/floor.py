"""The floor: the least any checker must do. Walk the folder and read the bytes of every file
`interim check` reads: `.md` and `.markdown`, and the text files that may be meant as records
(`.txt`, `.mdown`, …: interim reads them for the safety notice and to say why they are left
out).

    python benchmarks/floor.py FOLDER

No parsing, no decoding: os.scandir recursively (symlinks not followed, as interim does) and
one read per file. Prints the file count and total bytes so the work cannot be optimised away.
"""

from __future__ import annotations

import os
import sys

# interim.load.filenames' RECORD_EXTENSIONS and OTHER_TEXT_EXTENSIONS (not imported: the floor
# must not pay for interim's imports)
READ = (
    ".md",
    ".markdown",
    ".txt",
    ".text",
    ".mdown",
    ".mkd",
    ".mkdn",
    ".mdwn",
    ".mdtxt",
    ".mdtext",
)


def walk(folder: str) -> tuple[int, int]:
    """(files, bytes) of every file under folder that interim reads."""
    files = size = 0
    stack = [folder]
    while stack:
        with os.scandir(stack.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
                elif entry.name.lower().endswith(READ) and entry.is_file(follow_symlinks=False):
                    with open(entry.path, "rb") as handle:
                        size += len(handle.read())
                    files += 1
    return files, size


def main(argv: list[str]) -> int:
    files, size = walk(argv[1] if len(argv) > 1 else ".")
    print(f"{files} files, {size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
