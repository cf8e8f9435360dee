"""Watch latency: from a record's save to the report on disk, with `interim watch` running
on a folder of N records (default 10,000, generated like the other benchmarks).

    python benchmarks/bench_watch.py [--size N] [--saves K] [--folder DIR] [--poll]

Starts `interim watch FOLDER -o OUT` as its own process (with a private, empty cache
directory), waits for the first report, then saves one mood record K times, a second apart,
the way an editor does (write beside, rename over). Each latency is the report's new mtime
minus the time just before the save: the whole save → notice → quiet period → re-read →
re-check → render → atomic write path. Prints each, the median and the target (< 300 ms).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET_S = 0.3


def main(argv: list[str]) -> int:
    args = _parse(argv)
    work = Path(tempfile.mkdtemp(prefix="interim-bench-watch-"))
    try:
        folder = args.folder or _generate(args.size, work / "folder")
        latencies = _measure(folder, work, args.saves, args.poll)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for n, seconds in enumerate(latencies, 1):
        print(f"save {n}: {seconds * 1000:,.0f} ms")
    median = statistics.median(latencies)
    verdict = "PASS" if median < TARGET_S else "FAIL"
    print(
        f"median save → report: {median * 1000:,.0f} ms ({verdict}: target < {TARGET_S * 1000:.0f} ms)"
    )
    return 0


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=10_000, help="records to generate")
    parser.add_argument("--saves", type=int, default=7, help="saves to time")
    parser.add_argument("--folder", type=Path, help="use this folder instead (not changed)")
    parser.add_argument("--poll", action="store_true", help="run the watcher with --poll")
    args = parser.parse_args(argv)
    if args.folder is not None:  # saves would change it: work on a copy
        copy = Path(tempfile.mkdtemp(prefix="interim-bench-copy-")) / "folder"
        shutil.copytree(args.folder, copy, symlinks=True)
        args.folder = copy
    return args


def _generate(size: int, folder: Path) -> Path:
    print(f"generating {size:,} records...", file=sys.stderr)
    subprocess.run(
        [sys.executable, str(HERE / "generate.py"), str(size), str(folder), "--seed", "1"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return folder


def _command() -> list[str]:
    script = Path(sys.executable).with_name("interim")
    return [str(script)] if script.exists() else [sys.executable, "-m", "interim"]


def _measure(folder: Path, work: Path, saves: int, poll: bool) -> list[float]:
    out = work / "report.html"
    env = dict(os.environ, INTERIM_CACHE_DIR=str(work / "cache"), PYTHONPATH=str(HERE.parent))
    cmd = [*_command(), "watch", str(folder), "-o", str(out), *(["--poll"] if poll else [])]
    log = open(work / "watch.log", "w")  # noqa: SIM115  # closed below, after the process
    watcher = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait(lambda: out.exists(), 120, watcher, work)
        record = sorted(folder.glob("records/*/*/*-mood.md"))[-1]
        original = record.read_text(encoding="utf-8")
        latencies = []
        for n in range(saves):
            time.sleep(1.0)  # separate saves, as a person makes them
            before = out.stat().st_mtime_ns
            text = original.replace("\n---", f"\n# save {n}\n---", 1)
            started = time.time_ns()
            _save(record, text)
            _wait(lambda b=before: out.stat().st_mtime_ns != b, 30, watcher, work)
            latencies.append((out.stat().st_mtime_ns - started) / 1e9)
        return latencies
    finally:
        watcher.terminate()
        watcher.wait(10)
        log.close()


def _save(path: Path, text: str) -> None:
    """Like an editor's atomic save: write beside, then rename over."""
    tmp = path.with_name(path.name + "~")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _wait(done: object, timeout: float, watcher: subprocess.Popen[bytes], work: Path) -> None:
    end = time.monotonic() + timeout
    while not done():  # type: ignore[operator]
        if watcher.poll() is not None or time.monotonic() > end:
            log = (work / "watch.log").read_text(errors="replace")[-2000:]
            raise SystemExit(f"interim watch did not produce the report in time:\n{log}")
        time.sleep(0.005)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
