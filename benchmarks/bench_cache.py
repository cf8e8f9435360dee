"""The record cache and the cold path, as a user meets them: whole `interim check` processes
on one folder, with a private, empty cache directory.

    python benchmarks/bench_cache.py FOLDER [--repeat R]

Rows: `--no-cache` (cold, forked readers where the machine allows), the same with one
reader (INTERIM_WORKERS=1), the first cached run (cold + writing the cache), warm runs, a
warm run after one file was edited (one file read), and the floor (`floor.py`). Each time is
the best of R runs (wall clock), with the child's peak RSS (`os.wait4`).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    cache = Path(tempfile.mkdtemp(prefix="interim-bench-cache-"))
    try:
        rows = _rows(args.folder.resolve(), cache, args.repeat)
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    width = max(len(name) for name, _, _ in rows)
    for name, seconds, rss in rows:
        print(f"{name:<{width}}  {seconds * 1000:8,.0f} ms  {rss / 1024:6,.0f} MB")
    return 0


def _rows(folder: Path, cache: Path, repeat: int) -> list[tuple[str, float, int]]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(INTERIM_CACHE_DIR=str(cache), PYTHONPATH=str(HERE.parent))
    check = [sys.executable, "-m", "interim", "check", str(folder)]
    serial = dict(env, INTERIM_WORKERS="1")
    rows = [
        (
            "floor (walk + read)",
            *_best([sys.executable, str(HERE / "floor.py"), str(folder)], env, repeat),
        ),
        ("check --no-cache", *_best([*check, "--no-cache"], env, repeat)),
        ("check --no-cache, 1 reader", *_best([*check, "--no-cache"], serial, repeat)),
        ("check, writing the cache", *_best(check, env, 1)),
        ("check, warm", *_best(check, env, repeat)),
    ]
    record = sorted(folder.rglob("*.md"))[-1]
    stat = record.stat()
    try:
        os.utime(record, ns=(stat.st_atime_ns, stat.st_mtime_ns - 10**9))  # "edited"
        rows.append(("check, one file changed", *_best(check, env, 1)))
    finally:
        os.utime(record, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    return rows


def _best(argv: list[str], env: dict[str, str], repeat: int) -> tuple[float, int]:
    best, peak = float("inf"), 0
    for _ in range(repeat):
        started = time.perf_counter()
        child = subprocess.Popen(
            argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        _, _, usage = os.wait4(child.pid, 0)
        best = min(best, time.perf_counter() - started)
        peak = max(peak, usage.ru_maxrss)
    return best, peak


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
