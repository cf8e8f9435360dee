"""What keeping compiled report templates on disk saves (issue 10): whole-process medians of
`interim report example-folder`, with the private compiled-template cache warm, and with no
compiled templates kept (every template compiled in memory on each run).

    python benchmarks/bench_templates.py [--rounds 15]

Runs this tree's interim with the venv's Python; PYTHONDONTWRITEBYTECODE is unset, so
interim's own modules load from their .pyc files as they do for a user.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAIN = "import sys; sys.argv[0] = 'interim'; from interim.cli import main; main()"
# The same process with the compiled-template cache switched off.
NO_CACHE = (
    "import sys, interim.render.env as e; sys.argv[0] = 'interim'; "
    "e.bytecode_cache = lambda kind: None; from interim.cli import main; main()"
)
VARIANTS = {"compiled templates kept (warm)": MAIN, "none kept (compiled every run)": NO_CACHE}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    rounds = parser.parse_args().rounds
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory() as tmp:
        env["INTERIM_CACHE_DIR"] = tmp
        out = str(Path(tmp) / "report.html")
        args = ["report", str(ROOT / "example-folder"), "-o", out]

        def once(code: str) -> float:
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, "-c", code, *args], env=env, check=True, capture_output=True
            )
            return time.perf_counter() - started

        times: dict[str, list[float]] = {name: [] for name in VARIANTS}
        for code in VARIANTS.values():
            once(code)  # warm-up: caches written, files in the page cache
        for r in range(rounds):  # round-robin, alternating order: both share the noise
            for name in sorted(VARIANTS, reverse=bool(r % 2)):
                times[name].append(once(VARIANTS[name]))
    print("| variant | median | min | max |\n|---|---|---|---|")
    for name, values in times.items():
        ms = [v * 1000 for v in values]
        print(f"| {name} | {statistics.median(ms):.0f} ms | {min(ms):.0f} | {max(ms):.0f} |")


if __name__ == "__main__":
    main()
